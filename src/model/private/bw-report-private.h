/* bw-report-private.h: the report's layout, filled in by the engine. */
#pragma once

#include "bw-report.h"

G_BEGIN_DECLS

struct _BwReport
{
  gatomicrefcount    ref_count;

  char              *attack_version;
  guint              n_tactics;
  guint              n_phases;
  guint              n_techniques;
  guint              n_asset_nodes;
  guint              n_service_nodes;
  guint              n_unprotected;   /* rule 11 */
  double             gap_threshold;

  BwReportFigures    summary;
  BwReportFigures   *tactics;
  BwReportFigures   *phases;
  gboolean          *phase_gap;
  BwReportTechnique *techniques;

  BwReportAsset     *assets;
  guint              n_assets;
  GStrv              asset_ids;   /* owns the strings BwReportAsset.id points to; one block,
                                   * freed by g_free */

  gboolean           has_profile;
  guint64           *profile;     /* technique bitset */
  BwReportFigures    profile_summary;
  BwReportFigures   *profile_tactics;
  BwReportFigures   *profile_phases;
  gboolean          *profile_phase_gap;

  GStrv              unknown_groups;
  GStrv              unknown_nodes;
};

BwReport *bw_report_new (guint n_tactics,
                         guint n_phases,
                         guint n_techniques);

G_END_DECLS
