/* bw-diff.h: what a change to a project does to its coverage — two reports side by side, the
 * techniques whose status changed, the assets and services added or removed, and whether the
 * change is a regression (issue 19: `bulwark diff`, the window's Compare). */
#pragma once

#include "bw-catalog.h"
#include "bw-document.h"
#include "bw-report.h"

G_BEGIN_DECLS

typedef struct
{
  guint    technique;   /* catalog index */
  BwStatus before;
  BwStatus after;
} BwDiffTechnique;

typedef struct
{
  char *id;
  char *label;
} BwDiffNode;

typedef struct _BwDiff BwDiff;

/* Compares two versions of a project, each with its report computed against `catalog`. */
BwDiff                *bw_diff_new                 (BwCatalog  *catalog,
                                                    BwDocument *old_document,
                                                    BwReport   *old_report,
                                                    BwDocument *new_document,
                                                    BwReport   *new_report);
/* Both documents read and computed against `catalog` (the engine from scratch). */
BwDiff                *bw_diff_compute             (BwCatalog  *catalog,
                                                    BwDocument *old_document,
                                                    BwDocument *new_document);
void                   bw_diff_free                (BwDiff     *self);

BwCatalog             *bw_diff_get_catalog         (BwDiff     *self);
BwReport              *bw_diff_get_before          (BwDiff     *self);
BwReport              *bw_diff_get_after           (BwDiff     *self);

/* The techniques whose status changed (not_applicable counts as a status), by catalog index. */
guint                  bw_diff_get_n_techniques    (BwDiff     *self);
const BwDiffTechnique *bw_diff_get_technique       (BwDiff     *self,
                                                    guint       index);
/* Whether tactic or phase `index` has any figure that changed. */
gboolean               bw_diff_tactic_changed      (BwDiff     *self,
                                                    guint       index);
gboolean               bw_diff_phase_changed       (BwDiff     *self,
                                                    guint       index);

/* Asset and service nodes (by catalog role) present on one side only, by id, in the document
 * order of the side that has them. */
GPtrArray             *bw_diff_get_assets_added    (BwDiff     *self);
GPtrArray             *bw_diff_get_assets_removed  (BwDiff     *self);
GPtrArray             *bw_diff_get_services_added  (BwDiff     *self);
GPtrArray             *bw_diff_get_services_removed (BwDiff    *self);

/* covered > partial > gap; a change to or from not_applicable is never a regression. */
gboolean               bw_diff_status_is_regression (BwStatus   before,
                                                     BwStatus   after);
/* Any technique got worse, or the summary ratio dropped. */
gboolean               bw_diff_is_regression       (BwDiff     *self);
guint                  bw_diff_count_regressions   (BwDiff     *self);

/* {"summary": {"before", "after"}, "tactics": [{"id", "before", "after"}], "kill_chain": […],
 * "techniques": [{"id", "name", "before", "after"}], "assets": {"added", "removed"},
 * "services": {"added", "removed"}}: before/after hold the report's own objects (as
 * bw_report_to_json writes them) and the status strings for techniques; nodes as {"id",
 * "label"}. Fixed key order, two-space indent, final newline. */
char                  *bw_diff_to_json             (BwDiff     *self,
                                                    gsize      *out_length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwDiff, bw_diff_free)

G_END_DECLS
