/* bw-report.h: the figures the engine computes — summary, tactics, kill-chain phases,
 * techniques, assets, and the same restricted to a threat profile (DESIGN §4 and §5). */
#pragma once

#include "bw-catalog.h"
#include "bw-json-writer.h"

G_BEGIN_DECLS

typedef struct
{
  guint  applicable;
  guint  covered;
  guint  partial;
  guint  gap;
  double ratio;      /* (covered + 0.5 · partial) / applicable, 0 when none applicable */
} BwReportFigures;

typedef struct
{
  BwStatus status;
  BwScore  protect;  /* minimum over the assets it applies to */
  BwScore  detect;
  BwScore  respond;
  guint    applicable_assets;
  guint    covered_assets;
  guint    partial_assets;
} BwReportTechnique;

typedef struct
{
  const char *id;
  guint       applicable;
  guint       covered;
  guint       partial;
  guint       gap;
  gboolean    unprotected;  /* rule 11: applicable > 0 and covered = partial = 0 */
} BwReportAsset;

typedef struct _BwReport BwReport;

BwReport                *bw_report_ref            (BwReport *self);
void                     bw_report_unref          (BwReport *self);

const char              *bw_report_get_attack_version (BwReport *self);
guint                    bw_report_get_n_asset_nodes   (BwReport *self);
guint                    bw_report_get_n_service_nodes (BwReport *self);
/* Rule 11: the asset nodes with applicable techniques of which none is covered, even partly. */
guint                    bw_report_get_n_unprotected   (BwReport *self);

const BwReportFigures   *bw_report_get_summary    (BwReport *self);
/* Tactics in matrix order, phases in kill-chain order, techniques by catalog index. */
const BwReportFigures   *bw_report_get_tactic     (BwReport *self,
                                                   guint     index);
const BwReportFigures   *bw_report_get_phase      (BwReport *self,
                                                   guint     index);
gboolean                 bw_report_get_phase_is_gap (BwReport *self,
                                                     guint     index);
const BwReportTechnique *bw_report_get_technique  (BwReport *self,
                                                   guint     index);
guint                    bw_report_get_n_assets   (BwReport *self);
const BwReportAsset     *bw_report_get_asset      (BwReport *self,
                                                   guint     index);

/* The threat profile (rule 9): present when settings.threat_groups names known groups. */
gboolean                 bw_report_has_profile          (BwReport *self);
const BwReportFigures   *bw_report_get_profile_summary  (BwReport *self);
const BwReportFigures   *bw_report_get_profile_tactic   (BwReport *self,
                                                         guint     index);
const BwReportFigures   *bw_report_get_profile_phase    (BwReport *self,
                                                         guint     index);
gboolean                 bw_report_get_profile_phase_is_gap (BwReport *self,
                                                             guint     index);
/* TRUE when the technique (catalog index) belongs to the profile. */
gboolean                 bw_report_in_profile           (BwReport *self,
                                                         guint     technique);
/* Group ids in settings.threat_groups that the catalog does not know. */
const char *const       *bw_report_get_unknown_groups   (BwReport *self);
/* Node ids whose kind the catalog does not know; they take no part in the figures. */
const char *const       *bw_report_get_unknown_nodes    (BwReport *self);

/* The report as DESIGN §5 prints it: fixed key order, two-space indent, final newline. */
char                    *bw_report_to_json        (BwReport  *self,
                                                   BwCatalog *catalog,
                                                   gsize     *out_length);

/* Single objects of that JSON, as it writes them, for documents that quote a report (a diff):
 * the summary, tactic `index` (matrix order) and phase `index` (kill-chain order). */
void                     bw_report_write_summary  (BwReport     *self,
                                                   BwJsonWriter *writer);
void                     bw_report_write_tactic   (BwReport     *self,
                                                   BwCatalog    *catalog,
                                                   guint         index,
                                                   BwJsonWriter *writer);
void                     bw_report_write_phase    (BwReport     *self,
                                                   BwCatalog    *catalog,
                                                   guint         index,
                                                   BwJsonWriter *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwReport, bw_report_unref)

G_END_DECLS
