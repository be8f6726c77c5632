/* bw-cli-analyze.c: `bulwark analyze` — the coverage report as JSON, a text table or Markdown,
 * CSV for spreadsheets, with a gate for CI pipelines. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "bw-cli-private.h"
#include "bw-document-io.h"
#include "bw-engine.h"
#include "bw-report-csv.h"
#include "bw-threat-layer.h"

static char *
bar (double ratio,
     guint  width)
{
  GString *s = g_string_new (NULL);
  guint filled = (guint) round (CLAMP (ratio, 0, 1) * width);

  for (guint i = 0; i < width; i++)
    g_string_append (s, i < filled ? "█" : "░");
  return g_string_free (s, FALSE);
}

/* Rule 11: the labels of the unprotected assets, in document order, joined by ", ". */
static char *
unprotected_labels (BwReport   *report,
                    BwDocument *doc)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < bw_report_get_n_assets (report); i++)
    {
      const BwReportAsset *a = bw_report_get_asset (report, i);
      const BwNode *node = bw_document_lookup_node (doc, a->id);

      if (!a->unprotected)
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, node != NULL && *node->label ? node->label : a->id);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
print_text (BwReport  *report,
            BwCatalog *catalog,
            BwDocument *doc)
{
  const BwReportFigures *s = bw_report_get_summary (report);
  g_autofree char *title = bw_cli_text (*bw_document_get_title (doc) ? bw_document_get_title (doc)
                                                                    : _("Untitled estate"));
  g_autofree char *version = bw_cli_text (bw_report_get_attack_version (report));

  g_print (_("%s — ATT&CK %s\n"), title, version);
  g_print (_("%u assets, %u services. %u applicable techniques: %u covered, %u partial, %u gaps. Ratio %.1f%%\n\n"),
           bw_report_get_n_asset_nodes (report), bw_report_get_n_service_nodes (report),
           s->applicable, s->covered, s->partial, s->gap, s->ratio * 100);
  if (bw_report_get_n_unprotected (report) > 0)
    {
      guint n = bw_report_get_n_unprotected (report);
      g_autofree char *joined = unprotected_labels (report, doc);
      g_autofree char *labels = bw_cli_text (joined);

      g_print (ngettext ("%u unprotected asset (nothing covers it): %s\n\n",
                         "%u unprotected assets (nothing covers them): %s\n\n", n),
               n, labels);
    }
  g_print ("%-24s %10s %8s %8s %5s  %s\n", _("Tactic"), _("Applicable"), _("Covered"), _("Partial"),
           _("Gaps"), _("Ratio"));
  for (guint i = 0; i < bw_catalog_get_n_tactics (catalog); i++)
    {
      const BwReportFigures *f = bw_report_get_tactic (report, i);
      g_autofree char *b = bar (f->ratio, 20);
      g_autofree char *name = bw_cli_text (bw_catalog_get_tactic (catalog, i)->name);

      g_print ("%-24s %10u %8u %8u %5u  %s %5.1f%%\n", name,
               f->applicable, f->covered, f->partial, f->gap, b, f->ratio * 100);
    }
  g_print ("\n%s\n", _("Cyber Kill Chain"));
  for (guint i = 0; i < bw_catalog_get_n_phases (catalog); i++)
    {
      const BwReportFigures *f = bw_report_get_phase (report, i);
      g_autofree char *b = bar (f->ratio, 20);
      g_autofree char *name = bw_cli_text (bw_catalog_get_phase (catalog, i)->name);

      g_print ("%-24s %10u %8u %8u %5u  %s %5.1f%%%s\n", name,
               f->applicable, f->covered, f->partial, f->gap, b, f->ratio * 100,
               bw_report_get_phase_is_gap (report, i) ? _("  ← gap") : "");
    }
  if (bw_report_has_profile (report))
    {
      const BwReportFigures *p = bw_report_get_profile_summary (report);
      g_autofree char *joined = g_strjoinv (", ", (char **) bw_document_get_threat_groups (doc));
      g_autofree char *groups = bw_cli_text (joined);

      g_print (_("\nThreat profile (%s): %u applicable techniques: %u covered, %u partial, %u gaps. Ratio %.1f%%\n"),
               groups, p->applicable,
               p->covered, p->partial, p->gap, p->ratio * 100);
    }
}

static void
print_markdown (BwReport   *report,
                BwCatalog  *catalog,
                BwDocument *doc)
{
  const BwReportFigures *s = bw_report_get_summary (report);
  guint shown = 0;
  g_autofree char *title = bw_cli_markdown (
      *bw_document_get_title (doc) ? bw_document_get_title (doc) : _("Coverage report"));
  g_autofree char *version = bw_cli_markdown (bw_report_get_attack_version (report));

  g_print ("# %s\n\n", title);
  g_print (_("MITRE ATT&CK %s · %u assets · %u services · **%.1f%%** coverage ratio "
             "(%u covered, %u partial, %u gaps of %u applicable techniques)\n\n"),
           version, bw_report_get_n_asset_nodes (report),
           bw_report_get_n_service_nodes (report), s->ratio * 100, s->covered, s->partial, s->gap,
           s->applicable);
  if (bw_report_get_n_unprotected (report) > 0)
    {
      guint n = bw_report_get_n_unprotected (report);
      g_autofree char *joined = unprotected_labels (report, doc);
      g_autofree char *labels = bw_cli_markdown (joined);

      g_print (ngettext ("⚠ **%u unprotected asset** (nothing covers it): %s\n\n",
                         "⚠ **%u unprotected assets** (nothing covers them): %s\n\n", n),
               n, labels);
    }

  g_print ("## %s\n\n", _("Tactics"));
  g_print ("| %s | %s | %s | %s | %s | %s |\n|---|---:|---:|---:|---:|---:|\n", _("Tactic"),
           _("Applicable"), _("Covered"), _("Partial"), _("Gaps"), _("Ratio"));
  for (guint i = 0; i < bw_catalog_get_n_tactics (catalog); i++)
    {
      const BwReportFigures *f = bw_report_get_tactic (report, i);
      const BwTactic *t = bw_catalog_get_tactic (catalog, i);
      g_autofree char *name = bw_cli_markdown (t->name);
      g_autofree char *id = bw_cli_markdown (t->id);

      g_print ("| %s (%s) | %u | %u | %u | %u | %.1f%% |\n", name, id, f->applicable,
               f->covered, f->partial, f->gap, f->ratio * 100);
    }

  g_print ("\n## %s\n\n|", _("Cyber Kill Chain"));
  for (guint i = 0; i < bw_catalog_get_n_phases (catalog); i++)
    {
      g_autofree char *name = bw_cli_markdown (bw_catalog_get_phase (catalog, i)->name);

      g_print (" %s |", name);
    }
  g_print ("\n|");
  for (guint i = 0; i < bw_catalog_get_n_phases (catalog); i++)
    g_print ("---:|");
  g_print ("\n|");
  for (guint i = 0; i < bw_catalog_get_n_phases (catalog); i++)
    g_print (" %.1f%%%s |", bw_report_get_phase (report, i)->ratio * 100,
             bw_report_get_phase_is_gap (report, i) ? " ⚠ **gap**" : "");
  g_print ("\n\n");

  g_print ("## %s\n\n", _("Top gaps"));
  g_print (_("Techniques with no protection or detection, by the number of assets they apply to.\n\n"));
  g_print ("| %s | %s | %s | %s |\n|---|---|---|---:|\n", _("Technique"), _("Name"), _("Tactics"),
           _("Assets"));
  for (guint pass_assets = G_MAXUINT; shown < 10 && pass_assets > 0;)
    {
      guint next = 0;

      for (guint t = 0; t < bw_catalog_get_n_techniques (catalog) && shown < 10; t++)
        {
          const BwReportTechnique *rt = bw_report_get_technique (report, t);
          const BwTechnique *technique = bw_catalog_get_technique (catalog, t);

          if (rt->status != BW_STATUS_GAP)
            continue;
          if (rt->applicable_assets == pass_assets)
            {
              g_autofree char *joined = g_strjoinv (", ", technique->tactics);
              g_autofree char *tactics = bw_cli_markdown (joined);
              g_autofree char *id = bw_cli_markdown (technique->id);
              g_autofree char *name = bw_cli_markdown (technique->name);

              g_print ("| %s | %s | %s | %u |\n", id, name, tactics, rt->applicable_assets);
              shown++;
            }
          else if (rt->applicable_assets < pass_assets && rt->applicable_assets > next)
            next = rt->applicable_assets;
        }
      pass_assets = next;
    }
  if (shown == 0)
    g_print (_("| — | No gaps | | |\n"));

  if (bw_report_has_profile (report))
    {
      const BwReportFigures *p = bw_report_get_profile_summary (report);
      g_autofree char *joined = g_strjoinv (", ", (char **) bw_document_get_threat_groups (doc));
      g_autofree char *groups = bw_cli_markdown (joined);

      g_print ("\n## %s\n\n", _("Threat profile"));
      g_print (_("Groups: %s · **%.1f%%** (%u covered, %u partial, %u gaps of %u techniques they use)\n"),
               groups, p->ratio * 100, p->covered, p->partial, p->gap, p->applicable);
    }
}

int
bw_cli_analyze (int    argc,
                char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *fail_under_text = NULL;
  double fail_under = -1;
  g_autofree char *threat_layer = NULL;
  g_autofree char *licence = NULL;
  gboolean summary = FALSE;
  gboolean fail_on_unprotected = FALSE;
  GOptionEntry entries[] = {
    { "licence", 0, 0, G_OPTION_ARG_STRING, &licence, N_("Count Microsoft 365 capabilities up to this tier: E3 or E5"), N_("TIER") },
    { "threat-layer", 0, 0, G_OPTION_ARG_FILENAME, &threat_layer, N_("Take the threat focus from an ATT&CK Navigator layer: its scored techniques"), N_("LAYER") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("json, text (default), markdown or csv"), N_("FORMAT") },
    { "summary", 0, 0, G_OPTION_ARG_NONE, &summary, N_("With --format csv: one row per technique instead of one per technique and asset"), NULL },
    { "fail-under", 0, 0, G_OPTION_ARG_STRING, &fail_under_text, N_("Exit 1 when the summary ratio is below RATIO"), N_("RATIO") },
    { "fail-on-unprotected", 0, 0, G_OPTION_ARG_NONE, &fail_on_unprotected, N_("Exit 1 when any asset is unprotected: applicable techniques, none of them covered"), NULL },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — report ATT&CK coverage"));
  g_autoptr(GError) error = NULL;
  g_autoptr(BwDocument) doc = NULL;
  g_autoptr(BwCatalog) catalog = NULL;
  g_autoptr(BwReport) report = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!bw_cli_parse (context, &argc, &argv))
    return BW_CLI_EXIT_BAD_INPUT;
  if (argc != 2)
    return bw_cli_fail (_("usage: bulwark analyze FILE [--format json|text|markdown|csv [--summary]] [--fail-under RATIO] [--fail-on-unprotected] [--licence E3|E5]"));
  if (format == NULL)
    format = g_strdup ("text");
  if (!g_str_equal (format, "json") && !g_str_equal (format, "text") &&
      !g_str_equal (format, "markdown") && !g_str_equal (format, "csv"))
    return bw_cli_fail (_("--format: expected json, text, markdown or csv, not “%s”"), format);
  if (summary && !g_str_equal (format, "csv"))
    return bw_cli_fail (_("--summary: only with --format csv"));
  if (fail_under_text != NULL)
    {
      char *end = NULL;

      /* Any value given is a gate: one outside 0–1 must not quietly turn it off. */
      fail_under = g_ascii_strtod (fail_under_text, &end);
      if (end == fail_under_text || *end != '\0' || !isfinite (fail_under) || fail_under < 0 ||
          fail_under > 1)
        {
          g_autofree char *shown = bw_cli_text (fail_under_text);

          return bw_cli_fail (_("--fail-under: expected a ratio from 0 to 1, not “%s”"), shown);
        }
    }

  if (licence != NULL && !bw_licence_is_valid (licence))
    return bw_cli_fail (_("--licence: expected E3 or E5, not “%s”"), licence);

  if ((catalog = bw_cli_load_catalog (&error)) == NULL)
    return bw_cli_fail (_("the catalog does not load: %s"), error->message);
  if ((doc = bw_document_load_from_file (argv[1], &error)) == NULL)
    return bw_cli_fail ("%s: %s", argv[1], error->message);

  if (threat_layer != NULL)
    {
      g_auto(GStrv) unknown = NULL;
      g_auto(GStrv) focus = NULL;

      if ((focus = bw_threat_layer_read_file (catalog, threat_layer, &unknown, &error)) == NULL)
        return bw_cli_fail ("%s", error->message);
      for (guint i = 0; unknown[i] != NULL; i++)
        {
          g_autofree char *technique = bw_cli_text (unknown[i]);

          g_printerr (_("bulwark: warning: %s: technique “%s” is not in ATT&CK %s; it is ignored\n"),
                      threat_layer, technique, bw_catalog_get_attack_version (catalog));
        }
      bw_document_set_threat_techniques (doc, (const char *const *) focus);
    }

  if (licence != NULL)
    bw_document_set_licence (doc, licence);
  report = bw_engine_compute (catalog, doc);
  for (const char *const *u = bw_report_get_unknown_nodes (report); *u; u++)
    {
      g_autofree char *id = bw_cli_text (*u);

      g_printerr (_("bulwark: warning: %s: node “%s” has a kind the catalog does not know; it is left out\n"),
                  argv[1], id);
    }
  for (const char *const *u = bw_report_get_unknown_groups (report); *u; u++)
    {
      g_autofree char *id = bw_cli_text (*u);

      g_printerr (_("bulwark: warning: %s: no ATT&CK group “%s”; it is ignored\n"), argv[1], id);
    }

  if (g_str_equal (format, "json"))
    {
      gsize length;
      g_autofree char *json = bw_report_to_json (report, catalog, &length);

      fwrite (json, 1, length, stdout);
    }
  else if (g_str_equal (format, "csv"))
    {
      gsize length;
      g_autofree char *csv = summary ? bw_report_csv_summary (report, catalog, &length)
                                     : bw_report_csv_per_asset (catalog, doc, &length);

      fwrite (csv, 1, length, stdout);
    }
  else if (g_str_equal (format, "markdown"))
    print_markdown (report, catalog, doc);
  else
    print_text (report, catalog, doc);

  if (fail_under >= 0 && bw_report_get_summary (report)->ratio < fail_under)
    {
      g_printerr (_("bulwark: %s: coverage ratio %.4f is below %.4f\n"), argv[1],
                  bw_report_get_summary (report)->ratio, fail_under);
      return BW_CLI_EXIT_GATE;
    }
  if (fail_on_unprotected && bw_report_get_n_unprotected (report) > 0)
    {
      guint n = bw_report_get_n_unprotected (report);

      g_printerr (ngettext ("bulwark: %s: %u asset is unprotected\n",
                            "bulwark: %s: %u assets are unprotected\n", n),
                  argv[1], n);
      return BW_CLI_EXIT_GATE;
    }
  return BW_CLI_EXIT_OK;
}
