/* bw-cli-azure.c: `bulwark import-azure` — a project from an Azure inventory. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "bw-azure-import.h"
#include "bw-cli-private.h"
#include "bw-document-io.h"
#include "bw-file.h"

/* INVENTORY.json → INVENTORY.bulwark beside it. */
static char *
default_output (const char *input)
{
  g_autofree char *dir = g_path_get_dirname (input);
  g_autofree char *base = g_path_get_basename (input);
  char *dot = strrchr (base, '.');
  g_autofree char *name = NULL;

  if (dot != NULL && dot != base)
    *dot = '\0';
  name = g_strconcat (base, ".bulwark", NULL);
  return g_build_filename (dir, name, NULL);
}

static char *
title_of (const char *input)
{
  g_autofree char *base = g_path_get_basename (input);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

int
bw_cli_import_azure (int    argc,
                     char **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the project to OUT (“-” for standard output)"), N_("OUT") },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("INVENTORY.json — a project from an Azure inventory"));
  g_autoptr(BwCatalog) catalog = NULL;
  g_autoptr(BwDocument) doc = NULL;
  g_autoptr(BwAzureReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *target = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  g_autofree char *bytes = NULL;
  gsize length;
  gboolean to_stdout;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!bw_cli_parse (context, &argc, &argv))
    return BW_CLI_EXIT_BAD_INPUT;
  if (argc != 2)
    return bw_cli_fail (_("usage: bulwark import-azure INVENTORY.json [-o OUT.bulwark]"));

  target = output ? g_strdup (output) : default_output (argv[1]);
  to_stdout = g_str_equal (target, "-");
  /* Without -o the project goes beside the inventory, and never over a file already there. */
  if (output == NULL && g_file_test (target, G_FILE_TEST_EXISTS))
    return bw_cli_fail (_("%s: already exists; choose another name with -o"), target);

  if (!bw_file_get_contents (argv[1], &data, &length, &error))
    return bw_cli_fail ("%s: %s", argv[1], error->message);
  catalog = bw_cli_load_catalog (&error);
  if (catalog == NULL)
    return bw_cli_fail ("%s", error->message);

  title = title_of (argv[1]);
  doc = bw_azure_import (data, length, catalog, title, &report, &error);
  if (doc == NULL)
    return bw_cli_fail ("%s: %s", argv[1], error->message);

  bytes = bw_document_to_data (doc, &length);
  if (to_stdout)
    fwrite (bytes, 1, length, stdout);
  else if (!bw_file_write_atomic (target, bytes, length, &error))
    return bw_cli_fail ("%s: %s", target, error->message);

  /* The report goes to stderr when the project takes standard output. */
  text = bw_azure_report_describe (report);
  if (to_stdout)
    fputs (text, stderr);
  else
    {
      g_autofree char *safe = bw_cli_text (target);

      g_print (_("Wrote %s\n"), safe);
      fputs (text, stdout);
    }
  return BW_CLI_EXIT_OK;
}
