/* bw-overlay.c: from report figures to the cells of the tactic strip and kill-chain row. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-overlay.h"

static char *
short_name (const char *name)
{
  /* The strip is narrow: the longest names get a short form. */
  static const struct
  {
    const char *name;
    const char *shorter;
  } shorter[] = {
    { "Resource Development", N_("Resource Dev.") },
    { "Privilege Escalation", N_("Priv. Escalation") },
    { "Command and Control", N_("Command & Control") },
    { "Actions on Objectives", N_("Actions on Obj.") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (shorter); i++)
    if (g_str_equal (name, shorter[i].name))
      return g_strdup (_(shorter[i].shorter));
  return g_strdup (name);
}

void
bw_overlay_fill_from_report (BwOverlay *overlay,
                             BwReport  *report,
                             BwCatalog *catalog)
{
  bw_overlay_clear (overlay);

  overlay->n_tactics = bw_catalog_get_n_tactics (catalog);
  overlay->tactics = g_new0 (BwOverlayCell, overlay->n_tactics);
  for (guint i = 0; i < overlay->n_tactics; i++)
    {
      const BwTactic *tactic = bw_catalog_get_tactic (catalog, i);
      const BwReportFigures *f = bw_report_get_tactic (report, i);

      overlay->tactics[i].label = short_name (tactic->name);
      overlay->tactics[i].ratio = f->applicable > 0 ? f->ratio : -1;
      overlay->tactics[i].tooltip =
        g_strdup_printf (_("%s: %u covered, %u partial, %u gaps of %u applicable techniques"),
                         tactic->name, f->covered, f->partial, f->gap, f->applicable);
    }

  overlay->n_phases = bw_catalog_get_n_phases (catalog);
  overlay->phases = g_new0 (BwOverlayCell, overlay->n_phases);
  for (guint i = 0; i < overlay->n_phases; i++)
    {
      const BwPhase *phase = bw_catalog_get_phase (catalog, i);
      const BwReportFigures *f = bw_report_get_phase (report, i);

      overlay->phases[i].label = short_name (phase->name);
      overlay->phases[i].ratio = f->applicable > 0 ? f->ratio : -1;
      overlay->phases[i].is_gap = bw_report_get_phase_is_gap (report, i);
      overlay->phases[i].tooltip =
        g_strdup_printf (_("%s: %.0f%% covered%s"), phase->name, f->ratio * 100,
                         overlay->phases[i].is_gap ? _(" — a gap") : "");
    }
  overlay->summary_ratio = bw_report_get_summary (report)->ratio;
}

GHashTable *
bw_overlay_asset_coverage (BwReport *report)
{
  GHashTable *coverage = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < bw_report_get_n_assets (report); i++)
    {
      const BwReportAsset *asset = bw_report_get_asset (report, i);
      double *ratio = g_new (double, 1);

      *ratio = asset->applicable > 0
               ? (asset->covered + 0.5 * asset->partial) / asset->applicable
               : -1;
      g_hash_table_insert (coverage, g_strdup (asset->id), ratio);
    }
  return coverage;
}
