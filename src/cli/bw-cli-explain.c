/* bw-cli-explain.c: `bulwark explain FILE TECHNIQUE [--asset NODE] [--format json|text]` — why
 * a technique has its status: per applicable asset, every covering service and capability
 * entry, with CTID's comments and references. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "bw-cli-private.h"
#include "bw-document-io.h"
#include "bw-explain.h"

int
bw_cli_explain (int    argc,
                char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *asset = NULL;
  GOptionEntry entries[] = {
    { "asset", 0, 0, G_OPTION_ARG_STRING, &asset, N_("Explain for this asset node only"), N_("NODE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("json or text (default)"), N_("FORMAT") },
    { NULL },
  };
  g_autoptr(GOptionContext) context =
      g_option_context_new (_("FILE TECHNIQUE — explain a technique's coverage"));
  g_autoptr(GError) error = NULL;
  g_autoptr(BwDocument) doc = NULL;
  g_autoptr(BwCatalog) catalog = NULL;
  g_autoptr(BwExplanation) explanation = NULL;
  g_autofree char *out = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!bw_cli_parse (context, &argc, &argv))
    return BW_CLI_EXIT_BAD_INPUT;
  if (argc != 3)
    return bw_cli_fail (_("usage: bulwark explain FILE TECHNIQUE [--asset NODE] [--format json|text]"));
  if (format == NULL)
    format = g_strdup ("text");
  if (!g_str_equal (format, "json") && !g_str_equal (format, "text"))
    {
      g_autofree char *shown = bw_cli_text (format);

      return bw_cli_fail (_("--format: expected json or text, not “%s”"), shown);
    }

  if ((catalog = bw_cli_load_catalog (&error)) == NULL)
    return bw_cli_fail (_("the catalog does not load: %s"), error->message);
  if ((doc = bw_document_load_from_file (argv[1], &error)) == NULL)
    return bw_cli_fail ("%s: %s", argv[1], error->message);
  if (!bw_cli_check_catalog (doc, argv[1]))
    return BW_CLI_EXIT_BAD_INPUT;
  if ((explanation = bw_explain (catalog, doc, argv[2], asset, &error)) == NULL)
    return bw_cli_fail ("%s", error->message);

  if (g_str_equal (format, "json"))
    out = bw_explanation_to_json_string (explanation);
  else
    out = bw_explanation_to_text (explanation, bw_cli_text);
  fputs (out, stdout);
  return bw_cli_finish_output (BW_CLI_EXIT_OK);
}
