/* bw-cli-report.c: `bulwark report` — the stakeholder report as a self-contained HTML file or
 * a PDF, with the same figures `analyze` prints. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-cli-private.h"
#include "bw-document-io.h"
#include "bw-report-doc.h"

int
bw_cli_report (int    argc,
               char **argv)
{
  g_autofree char *html = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *paper_name = NULL;
  BwPaper paper = BW_PAPER_A4;
  GOptionEntry entries[] = {
    { "html", 0, 0, G_OPTION_ARG_FILENAME, &html, N_("Write the report as one HTML file"), N_("OUT") },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf, N_("Write the report as PDF"), N_("OUT") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name, N_("PDF paper: A4 (default), A3 or Letter"), N_("SIZE") },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — write the stakeholder report"));
  g_autoptr(GError) error = NULL;
  g_autoptr(BwDocument) doc = NULL;
  g_autoptr(BwCatalog) catalog = NULL;
  g_autoptr(BwReportDoc) report = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!bw_cli_parse (context, &argc, &argv))
    return BW_CLI_EXIT_BAD_INPUT;
  if (argc != 2 || (html == NULL && pdf == NULL))
    return bw_cli_fail (_("usage: bulwark report FILE --html OUT.html | --pdf OUT.pdf [--paper A4|A3|Letter]"));
  if (paper_name != NULL && !bw_paper_from_string (paper_name, &paper))
    return bw_cli_fail (_("--paper: “%s” is not A4, A3 or Letter"), paper_name);

  if ((catalog = bw_cli_load_catalog (&error)) == NULL)
    return bw_cli_fail (_("the catalog does not load: %s"), error->message);
  if ((doc = bw_document_load_from_file (argv[1], &error)) == NULL)
    return bw_cli_fail ("%s: %s", argv[1], error->message);
  if (!bw_cli_check_catalog (doc, argv[1]))
    return BW_CLI_EXIT_BAD_INPUT;

  if ((report = bw_report_doc_new (catalog, doc, NULL, NULL, &error)) == NULL)
    return bw_cli_fail ("%s: %s", argv[1], error->message);
  /* The file writer names the path itself. */
  if (html != NULL && !bw_report_write_html (report, html, &error))
    return bw_cli_fail ("%s", error->message);
  if (pdf != NULL && !bw_report_write_pdf (report, paper, pdf, &error))
    return bw_cli_fail ("%s", error->message);
  return BW_CLI_EXIT_OK;
}
