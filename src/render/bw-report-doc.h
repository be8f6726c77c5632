/* bw-report-doc.h: the stakeholder report's content, assembled once from the engine, the
 * licence tiers, the recommendations and the threat profile, for the HTML and PDF writers
 * (bw-report-html.c, bw-report-pdf.c) to lay out. Every figure is the engine's own. */
#pragma once

#include "bw-export.h"
#include "bw-recommend.h"
#include "bw-tiers.h"

G_BEGIN_DECLS

/* A tactic or a kill-chain phase. */
typedef struct
{
  char            *id;
  char            *name;
  BwReportFigures  figures;
  gboolean         is_gap;            /* phases: under the document's gap threshold */
  BwReportFigures  tiers[BW_N_TIERS]; /* tactics: under E3 and E5 */
} BwReportDocRow;

/* A technique left open, weighted by how many groups use it. */
typedef struct
{
  char  *id;
  char  *name;
  guint  n_groups;
  GStrv  assets;      /* labels of the assets it applies to, in document order */
} BwReportDocGap;

typedef struct
{
  char  *service;     /* the stencil's name */
  char  *action;      /* what is added, in words */
  char  *target;      /* the zone or node label */
  char  *techniques;  /* the technique ids it raises most, ", "-joined; "" when none */
  double gain;
  double ratio_after;
} BwReportDocStep;

typedef struct
{
  char    *id;
  char    *label;
  char    *kind;      /* the stencil's name */
  guint    applicable;
  guint    covered;
  guint    partial;
  guint    gap;
  gboolean unprotected;
} BwReportDocAsset;

typedef struct
{
  char            *title;
  char            *attack_version;
  char            *date;            /* ISO 8601 day */
  char            *licence;         /* "E3", "E5" or NULL */
  GStrv            groups;          /* the threat profile, "APT29 (G0016)", empty when none */
  double           gap_threshold;

  guint            n_assets;
  guint            n_services;
  guint            n_unprotected;
  BwReportFigures  summary;
  gboolean         has_profile;
  BwReportFigures  profile_summary;
  BwReportFigures  tiers[BW_N_TIERS];
  char            *tier_source;     /* whose tiers they are (bw_tiers_describe_source) */

  GArray          *tactics;         /* BwReportDocRow, matrix order */
  GArray          *phases;          /* BwReportDocRow, kill-chain order */
  GPtrArray       *gaps;            /* BwReportDocGap, most used first */
  gboolean         gaps_profile;    /* weighted by the profile's groups, not all groups */
  GPtrArray       *steps;           /* BwReportDocStep */
  gboolean         steps_profile;   /* the gains are the profile's ratio */
  GPtrArray       *assets;          /* BwReportDocAsset, document order */

  GBytes          *svg;             /* the diagram, as the SVG export writes it */
  BwExportJob     *job;             /* its layout and strip, for the PDF */
} BwReportDoc;

/* How many top gaps and recommendations the report lists. */
#define BW_REPORT_DOC_TOP_GAPS  12
#define BW_REPORT_DOC_TOP_STEPS 5

/* Assembles the report of `document`, which it takes for its own (the licence tiers are run on
 * it and put back): pass a copy when the window goes on editing the original. `date` NULL: today,
 * or SOURCE_DATE_EPOCH when set, so builds of the report are reproducible. NULL when cancelled. */
BwReportDoc *bw_report_doc_new  (BwCatalog    *catalog,
                                 BwDocument   *document,
                                 GDateTime    *date,
                                 GCancellable *cancellable,
                                 GError      **error);
void         bw_report_doc_free (BwReportDoc  *self);

/* The assets a gap affects, the first few by name and the rest counted (translated). */
char        *bw_report_doc_gap_assets (const BwReportDocGap *gap);

/* The one-line statements the executive summary opens with (translated). */
char        *bw_report_doc_headline (const BwReportDoc *self);
char        *bw_report_doc_findings (const BwReportDoc *self);

/* What the recommendations' gains are measured in (translated). */
const char  *bw_report_doc_steps_note (const BwReportDoc *self);

/* The method section: its introduction (0), then one rule a paragraph; NULL past the last. */
const char  *bw_report_doc_method   (guint index);
/* Where the data comes from, with its credits (translated). */
char        *bw_report_doc_credits  (const BwReportDoc *self);

/* The writers. Both atomically, the previous file untouched on failure. */
gboolean     bw_report_write_html (const BwReportDoc *self,
                                   const char        *path,
                                   GError           **error);
char        *bw_report_to_html    (const BwReportDoc *self,
                                   gsize             *out_length);
gboolean     bw_report_write_pdf  (const BwReportDoc *self,
                                   BwPaper            paper,
                                   const char        *path,
                                   GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwReportDoc, bw_report_doc_free)

G_END_DECLS
