/* bw-cli-export.c: `bulwark export` — the diagram as SVG, PNG or PDF, and coverage as an
 * ATT&CK Navigator layer. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-cli-private.h"
#include "bw-document-io.h"
#include "bw-engine.h"
#include "bw-export.h"

int
bw_cli_export (int    argc,
               char **argv)
{
  g_autofree char *svg = NULL;
  g_autofree char *png = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *layer = NULL;
  double scale = 1;
  gboolean no_overlay = FALSE;
  gboolean dark = FALSE;
  g_autofree char *paper_name = NULL;
  BwPaper paper = BW_PAPER_NONE;
  GOptionEntry entries[] = {
    { "svg", 0, 0, G_OPTION_ARG_FILENAME, &svg, N_("Write the diagram as SVG"), N_("OUT") },
    { "png", 0, 0, G_OPTION_ARG_FILENAME, &png, N_("Write the diagram as PNG"), N_("OUT") },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf, N_("Write the diagram as PDF"), N_("OUT") },
    { "layer", 0, 0, G_OPTION_ARG_FILENAME, &layer, N_("Write coverage as an ATT&CK Navigator layer"), N_("OUT") },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale, N_("PNG pixels per diagram unit (default 1)"), N_("N") },
    { "no-overlay", 0, 0, G_OPTION_ARG_NONE, &no_overlay, N_("Leave out the tactic strip and kill-chain row"), NULL },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, N_("Use the dark style"), NULL },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name, N_("Fit the PDF to one page of A4, A3 or Letter"), N_("SIZE") },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — export a diagram or its coverage"));
  g_autoptr(GError) error = NULL;
  g_autoptr(BwDocument) doc = NULL;
  g_autoptr(BwCatalog) catalog = NULL;
  g_autoptr(BwEngine) engine = NULL;
  g_autoptr(BwExportJob) job = NULL;
  int n_outputs;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!bw_cli_parse (context, &argc, &argv))
    return BW_CLI_EXIT_BAD_INPUT;
  n_outputs = (svg != NULL) + (png != NULL) + (pdf != NULL) + (layer != NULL);
  if (argc != 2 || n_outputs == 0)
    return bw_cli_fail (_("usage: bulwark export FILE --svg|--png|--pdf|--layer OUT [--scale N] [--paper A4|A3|Letter] [--no-overlay]"));
  if (!bw_export_check_scale (scale, &error))
    return bw_cli_fail ("--scale: %s", error->message);
  if (paper_name != NULL && !bw_paper_from_string (paper_name, &paper))
    return bw_cli_fail (_("--paper: “%s” is not A4, A3 or Letter"), paper_name);

  if ((catalog = bw_cli_load_catalog (&error)) == NULL)
    return bw_cli_fail (_("the catalog does not load: %s"), error->message);
  if ((doc = bw_document_load_from_file (argv[1], &error)) == NULL)
    return bw_cli_fail ("%s: %s", argv[1], error->message);

  engine = bw_engine_new (catalog);
  bw_engine_set_document (engine, doc);
  job = bw_export_job_new (engine, doc, !no_overlay);
  bw_export_job_set_paper (job, paper);

  {
    const struct
    {
      const char    *path;
      BwExportFormat format;
    } outputs[] = {
      { layer, BW_EXPORT_LAYER },
      { svg, BW_EXPORT_SVG },
      { png, BW_EXPORT_PNG },
      { pdf, BW_EXPORT_PDF },
    };

    for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
      if (outputs[i].path != NULL &&
          !bw_export_job_write (job, outputs[i].format, dark, scale, outputs[i].path, &error))
        {
          /* The file writer names the path itself. */
          if (outputs[i].format == BW_EXPORT_LAYER)
            return bw_cli_fail ("%s", error->message);
          return bw_cli_fail ("%s: %s", outputs[i].path, error->message);
        }
  }
  return BW_CLI_EXIT_OK;
}
