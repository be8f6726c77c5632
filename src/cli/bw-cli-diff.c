/* bw-cli-diff.c: `bulwark diff OLD NEW` — what a change does to coverage, for a review: JSON,
 * a text table or a Markdown pull-request comment, with a gate that fails on a regression. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "bw-cli-private.h"
#include "bw-diff.h"
#include "bw-document-check.h"
#include "bw-document-io.h"
#include "bw-engine.h"

/* Markdown tables longer than this are cut, so the comment stays within what a forge takes. */
#define MAX_MARKDOWN_ROWS 200

static char *
read_stdin (gsize   *out_length,
            GError **error)
{
  g_autoptr(GString) data = g_string_new (NULL);
  char buffer[65536];
  ssize_t n;

  while ((n = read (STDIN_FILENO, buffer, sizeof buffer)) != 0)
    {
      if (n < 0)
        {
          int saved = errno;

          if (saved == EINTR)
            continue;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("could not be read: %s"), g_strerror (saved));
          return NULL;
        }
      if (data->len + (gsize) n > BW_DOCUMENT_MAX_BYTES)
        {
          g_set_error (error, BW_DOCUMENT_ERROR, BW_DOCUMENT_ERROR_TOO_LARGE,
                       _("larger than %u MiB"), BW_DOCUMENT_MAX_BYTES / (1024 * 1024));
          return NULL;
        }
      g_string_append_len (data, buffer, n);
    }
  *out_length = data->len;
  return g_string_free (g_steal_pointer (&data), FALSE);
}

/* One side: a file, or standard input for "-"; read and checked against the catalog as every
 * subcommand does. Prints one line and returns NULL on bad input. */
static BwDocument *
load_side (const char *path,
           BwCatalog  *catalog)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BwDocument) doc = NULL;
  const char *shown = g_str_equal (path, "-") ? _("standard input") : path;
  const char *version = bw_catalog_get_attack_version (catalog);

  if (g_str_equal (path, "-"))
    {
      gsize length = 0;
      g_autofree char *data = read_stdin (&length, &error);

      if (data != NULL)
        doc = bw_document_load_from_data (data, length, &error);
      if (doc != NULL && !bw_document_check_catalog (doc, catalog, &error))
        g_clear_object (&doc);
    }
  else
    doc = bw_document_load_checked (path, catalog, &error);

  if (doc == NULL)
    {
      bw_cli_fail ("%s: %s", shown, error->message);
      return NULL;
    }
  if (g_strcmp0 (bw_document_get_attack_version (doc), version) != 0)
    {
      g_autofree char *safe = bw_cli_text (shown);

      g_printerr (_("bulwark: warning: %s: catalog.attack: analysed with ATT&CK %s; the catalog in use is ATT&CK %s, "
                    "and the figures are computed with it\n"),
                  safe, bw_document_get_attack_version (doc), version);
    }
  return g_steal_pointer (&doc);
}

static char *
percent (double ratio)
{
  return g_strdup_printf ("%.1f%%", ratio * 100);
}

static char *
points (double before,
        double after)
{
  double delta = (after - before) * 100;

  /* Signs always, so a reader sees the direction without comparing the two figures. */
  return g_strdup_printf ("%+.1f", delta);
}

static void
print_nodes_text (const char *heading,
                  GPtrArray  *nodes)
{
  if (nodes->len == 0)
    return;
  g_print ("\n%s\n", heading);
  for (guint i = 0; i < nodes->len; i++)
    {
      const BwDiffNode *node = g_ptr_array_index (nodes, i);
      g_autofree char *label = bw_cli_text (node->label);
      g_autofree char *id = bw_cli_text (node->id);

      g_print ("  %s (%s)\n", label, id);
    }
}

static void
print_figures_text (const char            *name,
                    const BwReportFigures *b,
                    const BwReportFigures *a)
{
  g_autofree char *pb = percent (b->ratio);
  g_autofree char *pa = percent (a->ratio);
  g_autofree char *d = points (b->ratio, a->ratio);

  g_print ("  %-26s %7s → %-7s %6s  %u/%u/%u → %u/%u/%u\n", name, pb, pa, d, b->covered, b->partial,
           b->gap, a->covered, a->partial, a->gap);
}

static void
print_text (BwDiff *diff)
{
  BwCatalog *catalog = bw_diff_get_catalog (diff);
  BwReport *before = bw_diff_get_before (diff);
  BwReport *after = bw_diff_get_after (diff);
  const BwReportFigures *sb = bw_report_get_summary (before);
  const BwReportFigures *sa = bw_report_get_summary (after);
  g_autofree char *pb = percent (sb->ratio);
  g_autofree char *pa = percent (sa->ratio);
  g_autofree char *d = points (sb->ratio, sa->ratio);

  g_print (_("Coverage ratio %s → %s (%s points); covered %u → %u, partial %u → %u, gaps %u → %u\n"),
           pb, pa, d, sb->covered, sa->covered, sb->partial, sa->partial, sb->gap, sa->gap);
  if (bw_report_get_n_unprotected (before) != bw_report_get_n_unprotected (after))
    g_print (_("Unprotected assets %u → %u\n"), bw_report_get_n_unprotected (before),
             bw_report_get_n_unprotected (after));
  g_print (_("%u techniques changed status, %u of them for the worse.\n"), bw_diff_get_n_techniques (diff),
           bw_diff_count_regressions (diff));

  g_print ("\n%s\n", _("Tactics (covered/partial/gaps)"));
  for (guint i = 0; i < bw_catalog_get_n_tactics (catalog); i++)
    if (bw_diff_tactic_changed (diff, i))
      {
        g_autofree char *name = bw_cli_text (bw_catalog_get_tactic (catalog, i)->name);

        print_figures_text (name, bw_report_get_tactic (before, i),
                            bw_report_get_tactic (after, i));
      }
  g_print ("\n%s\n", _("Cyber Kill Chain (covered/partial/gaps)"));
  for (guint i = 0; i < bw_catalog_get_n_phases (catalog); i++)
    if (bw_diff_phase_changed (diff, i))
      {
        g_autofree char *name = bw_cli_text (bw_catalog_get_phase (catalog, i)->name);

        print_figures_text (name, bw_report_get_phase (before, i), bw_report_get_phase (after, i));
      }

  if (bw_diff_get_n_techniques (diff) > 0)
    g_print ("\n%s\n", _("Techniques"));
  for (guint i = 0; i < bw_diff_get_n_techniques (diff); i++)
    {
      const BwDiffTechnique *t = bw_diff_get_technique (diff, i);
      const BwTechnique *technique = bw_catalog_get_technique (catalog, t->technique);
      g_autofree char *id = bw_cli_text (technique->id);
      g_autofree char *name = bw_cli_text (technique->name);

      g_print ("  %-10s %-48s %s → %s%s\n", id, name, bw_status_describe (t->before), bw_status_describe (t->after),
               bw_diff_status_is_regression (t->before, t->after) ? _("  ← worse") : "");
    }
  print_nodes_text (_("Assets added"), bw_diff_get_assets_added (diff));
  print_nodes_text (_("Assets removed"), bw_diff_get_assets_removed (diff));
  print_nodes_text (_("Services added"), bw_diff_get_services_added (diff));
  print_nodes_text (_("Services removed"), bw_diff_get_services_removed (diff));
}

static void
print_nodes_markdown (const char *heading,
                      GPtrArray  *nodes)
{
  if (nodes->len == 0)
    return;
  g_print ("**%s:**", heading);
  for (guint i = 0; i < nodes->len; i++)
    {
      const BwDiffNode *node = g_ptr_array_index (nodes, i);
      g_autofree char *label = bw_cli_markdown (node->label);
      g_autofree char *id = bw_cli_markdown (node->id);

      g_print ("%s %s (%s)", i ? "," : "", label, id);
    }
  g_print ("\n\n");
}

static void
print_figures_markdown (const char            *name,
                        const BwReportFigures *b,
                        const BwReportFigures *a)
{
  g_autofree char *pb = percent (b->ratio);
  g_autofree char *pa = percent (a->ratio);
  g_autofree char *d = points (b->ratio, a->ratio);

  g_print ("| %s | %s | %s | %s | %u → %u | %u → %u | %u → %u |\n", name, pb, pa, d, b->covered,
           a->covered, b->partial, a->partial, b->gap, a->gap);
}

static void
print_areas_markdown (BwDiff *diff)
{
  BwCatalog *catalog = bw_diff_get_catalog (diff);
  const char *header = "|---|---:|---:|---:|---:|---:|---:|\n";

  g_print ("| %s | %s | %s | %s | %s | %s | %s |\n%s", _("Tactic"), _("Before"), _("After"),
           _("Points"), _("Covered"), _("Partial"), _("Gaps"), header);
  for (guint i = 0; i < bw_catalog_get_n_tactics (catalog); i++)
    if (bw_diff_tactic_changed (diff, i))
      {
        g_autofree char *name = bw_cli_markdown (bw_catalog_get_tactic (catalog, i)->name);

        print_figures_markdown (name, bw_report_get_tactic (bw_diff_get_before (diff), i),
                                bw_report_get_tactic (bw_diff_get_after (diff), i));
      }
  g_print ("\n| %s | %s | %s | %s | %s | %s | %s |\n%s", _("Kill-chain phase"), _("Before"), _("After"),
           _("Points"), _("Covered"), _("Partial"), _("Gaps"), header);
  for (guint i = 0; i < bw_catalog_get_n_phases (catalog); i++)
    if (bw_diff_phase_changed (diff, i))
      {
        g_autofree char *name = bw_cli_markdown (bw_catalog_get_phase (catalog, i)->name);

        print_figures_markdown (name, bw_report_get_phase (bw_diff_get_before (diff), i),
                                bw_report_get_phase (bw_diff_get_after (diff), i));
      }
  g_print ("\n");
}

static void
print_markdown (BwDiff *diff)
{
  BwCatalog *catalog = bw_diff_get_catalog (diff);
  const BwReportFigures *sb = bw_report_get_summary (bw_diff_get_before (diff));
  const BwReportFigures *sa = bw_report_get_summary (bw_diff_get_after (diff));
  g_autofree char *pb = percent (sb->ratio);
  g_autofree char *pa = percent (sa->ratio);
  g_autofree char *d = points (sb->ratio, sa->ratio);
  guint n = bw_diff_get_n_techniques (diff);

  g_print ("## %s\n\n", _("Coverage change"));
  g_print (_("Coverage ratio **%s** → **%s** (%s points) · covered %u → %u · partial %u → %u · gaps %u → %u\n\n"),
           pb, pa, d, sb->covered, sa->covered, sb->partial, sa->partial, sb->gap, sa->gap);
  if (bw_report_get_n_unprotected (bw_diff_get_before (diff)) !=
      bw_report_get_n_unprotected (bw_diff_get_after (diff)))
    g_print (_("Unprotected assets **%u** → **%u**\n\n"),
             bw_report_get_n_unprotected (bw_diff_get_before (diff)),
             bw_report_get_n_unprotected (bw_diff_get_after (diff)));
  if (bw_diff_is_regression (diff))
    {
      guint n_worse = bw_diff_count_regressions (diff);

      g_print (ngettext ("⚠ **Regression:** %u technique got worse.\n\n",
                         "⚠ **Regression:** %u techniques got worse.\n\n", n_worse), n_worse);
    }
  if (n == 0 && !bw_diff_is_regression (diff) && sa->ratio == sb->ratio)
    g_print ("%s\n\n", _("No technique changed status."));
  else
    print_areas_markdown (diff);

  if (n > 0)
    g_print ("| %s | %s | %s | %s |\n|---|---|---|---|\n", _("Technique"), _("Name"), _("Before"), _("After"));
  for (guint i = 0; i < n && i < MAX_MARKDOWN_ROWS; i++)
    {
      const BwDiffTechnique *t = bw_diff_get_technique (diff, i);
      const BwTechnique *technique = bw_catalog_get_technique (catalog, t->technique);
      g_autofree char *id = bw_cli_markdown (technique->id);
      g_autofree char *name = bw_cli_markdown (technique->name);

      g_print ("| %s | %s | %s | %s%s |\n", id, name, bw_status_describe (t->before), bw_status_describe (t->after),
               bw_diff_status_is_regression (t->before, t->after) ? " ⚠" : "");
    }
  if (n > MAX_MARKDOWN_ROWS)
    g_print (_("\n… and %u more (bulwark diff --format json lists them all)\n"), n - MAX_MARKDOWN_ROWS);
  if (n > 0)
    g_print ("\n");
  print_nodes_markdown (_("Assets added"), bw_diff_get_assets_added (diff));
  print_nodes_markdown (_("Assets removed"), bw_diff_get_assets_removed (diff));
  print_nodes_markdown (_("Services added"), bw_diff_get_services_added (diff));
  print_nodes_markdown (_("Services removed"), bw_diff_get_services_removed (diff));
}

int
bw_cli_diff (int    argc,
             char **argv)
{
  g_autofree char *format = NULL;
  gboolean fail_on_regression = FALSE;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("json, text (default) or markdown"), N_("FORMAT") },
    { "fail-on-regression", 0, 0, G_OPTION_ARG_NONE, &fail_on_regression, N_("Exit 1 when a technique got worse or the summary ratio dropped"), NULL },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("OLD NEW — the coverage change between two versions (“-” reads one from standard input)"));
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalog) catalog = NULL;
  g_autoptr(BwDocument) old_doc = NULL;
  g_autoptr(BwDocument) new_doc = NULL;
  g_autoptr(BwDiff) diff = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!bw_cli_parse (context, &argc, &argv))
    return BW_CLI_EXIT_BAD_INPUT;
  if (argc != 3)
    return bw_cli_fail (_("usage: bulwark diff OLD NEW [--format json|text|markdown] [--fail-on-regression]"));
  if (g_str_equal (argv[1], "-") && g_str_equal (argv[2], "-"))
    return bw_cli_fail (_("OLD and NEW cannot both be standard input"));
  if (format == NULL)
    format = g_strdup ("text");
  if (!g_str_equal (format, "json") && !g_str_equal (format, "text") &&
      !g_str_equal (format, "markdown"))
    {
      g_autofree char *shown = bw_cli_text (format);

      return bw_cli_fail (_("--format: expected json, text or markdown, not “%s”"), shown);
    }

  if ((catalog = bw_cli_load_catalog (&error)) == NULL)
    return bw_cli_fail (_("the catalog does not load: %s"), error->message);
  if ((old_doc = load_side (argv[1], catalog)) == NULL)
    return BW_CLI_EXIT_BAD_INPUT;
  if ((new_doc = load_side (argv[2], catalog)) == NULL)
    return BW_CLI_EXIT_BAD_INPUT;

  diff = bw_diff_compute (catalog, old_doc, new_doc);
  if (g_str_equal (format, "json"))
    {
      gsize length;
      g_autofree char *json = bw_diff_to_json (diff, &length);

      fwrite (json, 1, length, stdout);
    }
  else if (g_str_equal (format, "markdown"))
    print_markdown (diff);
  else
    print_text (diff);

  if (fail_on_regression && bw_diff_is_regression (diff))
    {
      const BwReportFigures *sb = bw_report_get_summary (bw_diff_get_before (diff));
      const BwReportFigures *sa = bw_report_get_summary (bw_diff_get_after (diff));

      g_printerr (_("bulwark: coverage regressed: %u techniques got worse, ratio %.4f → %.4f\n"),
                  bw_diff_count_regressions (diff), sb->ratio, sa->ratio);
      return BW_CLI_EXIT_GATE;
    }
  return BW_CLI_EXIT_OK;
}
