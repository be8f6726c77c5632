/* bw-cli-import.c: `bulwark import-drawio`. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "bw-cli-private.h"
#include "bw-document-io.h"
#include "bw-drawio.h"

/* "estate.drawio" → "estate.bulwark" in the same directory. */
static char *
output_beside (const char *input)
{
  g_autofree char *dir = g_path_get_dirname (input);
  g_autofree char *base = bw_drawio_base_name (input);
  g_autofree char *name = NULL;

  name = g_strconcat (base, ".bulwark", NULL);
  return g_build_filename (dir, name, NULL);
}

static void
print_skipped (const BwDrawioSkipped *s)
{
  g_autofree char *label = bw_cli_text (s->label);
  g_autofree char *shape = bw_cli_text (s->shape);
  g_autofree char *cell = bw_cli_text (s->cell);

  switch (s->kind)
    {
    case BW_DRAWIO_SKIPPED_SHAPE:
      g_print (_("  shape “%s” (%s, cell %s): no stencil matches it\n"), label,
               s->shape ? shape : _("no shape"), cell);
      break;
    case BW_DRAWIO_SKIPPED_TEXT:
      g_print (_("  text “%s” (cell %s)\n"), label, cell);
      break;
    case BW_DRAWIO_SKIPPED_HIDDEN:
      g_print (_("  hidden “%s” (cell %s): draw.io does not show it\n"), label, cell);
      break;
    case BW_DRAWIO_SKIPPED_EDGE:
    default:
      g_print (_("  connector %s: %s\n"), cell, s->reason);
      break;
    }
}

static void
print_report (const char           *input,
              const char           *output,
              const BwDrawioReport *report)
{
  g_autofree char *page = bw_cli_text (report->page);

  g_print (_("%s: page “%s” (%u of %u) imported into %s: %u nodes and %u zones from %u shapes, "
              "%u of %u connectors (%u reversed)\n"),
           input, page, report->page_index, report->n_pages, output, report->n_nodes,
           report->n_zones, report->n_shapes, report->n_edges_kept, report->n_edges,
           report->n_edges_reversed);
  if (report->skipped->len == 0)
    return;
  g_print (_("Not imported (%u):\n"), report->skipped->len);
  for (guint i = 0; i < report->skipped->len; i++)
    print_skipped (report->skipped->pdata[i]);
}

int
bw_cli_import_drawio (int    argc,
                      char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *page = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the project to OUT (“-” for standard output)"), N_("OUT") },
    { "page", 0, 0, G_OPTION_ARG_STRING, &page, N_("Import the page named NAME, or page number N (default: the first)"), N_("NAME|N") },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("DIAGRAM — import a draw.io diagram as a project"));
  g_autoptr(BwCatalog) catalog = NULL;
  g_autoptr(BwDocument) doc = NULL;
  g_autoptr(BwDrawioReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *target = NULL;
  GStatBuf st;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!bw_cli_parse (context, &argc, &argv))
    return BW_CLI_EXIT_BAD_INPUT;
  if (argc != 2)
    return bw_cli_fail (_("usage: bulwark import-drawio DIAGRAM [-o OUT.bulwark] [--page NAME|N]"));

  target = output != NULL ? g_strdup (output) : output_beside (argv[1]);
  /* Without -o the project goes beside the diagram, and never over a file already there. */
  if (output == NULL && g_lstat (target, &st) == 0)
    return bw_cli_fail (_("%s: already exists; name another file with -o"), target);
  if ((catalog = bw_cli_load_catalog (&error)) == NULL)
    return bw_cli_fail (_("the catalog does not load: %s"), error->message);
  doc = bw_drawio_import_file (catalog, argv[1], page, &report, &error);
  if (doc == NULL)
    return bw_cli_fail ("%s: %s", argv[1], error->message);

  if (g_str_equal (target, "-"))
    {
      gsize length;
      g_autofree char *data = bw_document_to_data (doc, &length);

      fwrite (data, 1, length, stdout);
      return BW_CLI_EXIT_OK;
    }
  if (!bw_document_save_to_file (doc, target, &error))
    return bw_cli_fail ("%s: %s", target, error->message);
  print_report (argv[1], target, report);
  return BW_CLI_EXIT_OK;
}
