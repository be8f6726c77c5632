/* bw-cli-document.c: `bulwark validate` and `bulwark normalize`. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "bw-cli-private.h"
#include "bw-document-io.h"

int
bw_cli_validate (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — check a project file"));
  g_autoptr(BwDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  if (!bw_cli_parse (context, &argc, &argv))
    return BW_CLI_EXIT_BAD_INPUT;
  if (argc != 2)
    return bw_cli_fail (_("usage: bulwark validate FILE"));

  doc = bw_document_load_from_file (argv[1], &error);
  if (doc == NULL)
    return bw_cli_fail ("%s: %s", argv[1], error->message);

  if (!bw_cli_check_catalog (doc, argv[1]))
    return BW_CLI_EXIT_BAD_INPUT;

  g_print (_("%s: valid (%u zones, %u nodes, %u edges)\n"), argv[1], bw_document_get_n_zones (doc),
           bw_document_get_n_nodes (doc), bw_document_get_n_edges (doc));
  return BW_CLI_EXIT_OK;
}

int
bw_cli_normalize (int    argc,
                  char **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to OUT (“-” for standard output) instead of in place"), N_("OUT") },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — rewrite a project in canonical form"));
  g_autoptr(BwDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  const char *target;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!bw_cli_parse (context, &argc, &argv))
    return BW_CLI_EXIT_BAD_INPUT;
  if (argc != 2)
    return bw_cli_fail (_("usage: bulwark normalize FILE [-o OUT]"));

  doc = bw_document_load_from_file (argv[1], &error);
  if (doc == NULL)
    return bw_cli_fail ("%s: %s", argv[1], error->message);

  if (output != NULL && g_str_equal (output, "-"))
    {
      gsize length;
      g_autofree char *data = bw_document_to_data (doc, &length);

      fwrite (data, 1, length, stdout);
      return BW_CLI_EXIT_OK;
    }

  target = output ? output : argv[1];
  if (!bw_document_save_to_file (doc, target, &error))
    return bw_cli_fail ("%s: %s", target, error->message);
  return BW_CLI_EXIT_OK;
}
