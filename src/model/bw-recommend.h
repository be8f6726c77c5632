/* bw-recommend.h: what to add next — the services, and where to connect them, that raise the
 * summary ratio (or the threat profile's, when one is set) the most, found greedily by running
 * the real engine on a copy of the document. */
#pragma once

#include "bw-catalog.h"
#include "bw-document.h"
#include "bw-history.h"

G_BEGIN_DECLS

typedef enum
{
  BW_RECOMMEND_PROTECTS,   /* a new service node protecting `target` (a zone or an asset) */
  BW_RECOMMEND_TELEMETRY,  /* a telemetry edge from `target` to the SIEM (added when absent) */
  BW_RECOMMEND_CONNECT,    /* a protects edge from the existing service node `from` (of kind
                            * `stencil`) to `target`: nothing new is bought */
} BwRecommendAction;

/* How many techniques a recommendation names. */
#define BW_RECOMMEND_TOP_TECHNIQUES 5

typedef struct
{
  char              *stencil;     /* service stencil id */
  BwRecommendAction  action;
  char              *target;      /* zone or node id */
  char              *siem;        /* telemetry: the SIEM node when the document has one (the
                                   * first of that kind), NULL when one is added */
  double             gain;        /* ratio_after − the ratio before this step */
  double             ratio_after;
  char              *from;        /* connect: the service node the edge leaves */
  char             **techniques;  /* the techniques the step raises most (ids, at most
                                   * BW_RECOMMEND_TOP_TECHNIQUES), NULL until named */
} BwRecommendation;

void       bw_recommendation_free       (BwRecommendation *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwRecommendation, bw_recommendation_free)

const char *bw_recommend_action_to_string (BwRecommendAction action);

/* Whether a service of `stencil` (or one that includes it) already protects `target` or a zone
 * holding it: a practitioner never buys or wires a second one there. */
gboolean   bw_recommend_guarded         (BwCatalog     *catalog,
                                         BwDocument    *document,
                                         const char    *stencil,
                                         const char    *target);

/* Up to `top` steps, each the single addition with the largest gain after the ones before it
 * are applied; stops early when nothing raises the ratio. The document is not changed.
 * `out_profile` tells whether the profile ratio was the one raised. Array of BwRecommendation. */
GPtrArray *bw_recommend                 (BwCatalog     *catalog,
                                         BwDocument    *document,
                                         guint          top,
                                         gboolean      *out_profile,
                                         GCancellable  *cancellable);

/* What would cover technique `technique_id`: the one new service (rule 1: protecting a zone or
 * an asset) that raises the best score of the most assets — first those it brings from below
 * partial to partial or more, then those it raises at all, then the higher score. NULL when no
 * stencil raises any asset or the technique is unknown. `out_raised`: how many assets it
 * raises; `out_score`: to what. */
BwRecommendation *bw_recommend_for_technique (BwCatalog     *catalog,
                                              BwDocument    *document,
                                              const char    *technique_id,
                                              guint         *out_raised,
                                              BwScore       *out_score);

/* The ratio recommendations raise: the profile summary's when a profile is set, else the
 * summary's. */
double     bw_recommend_ratio           (BwCatalog     *catalog,
                                         BwDocument    *document);

/* What applying a recommendation adds, planned against the document's current state. */
typedef struct
{
  gboolean  add_node;    /* FALSE when the edge goes to an existing SIEM */
  char     *kind;
  char     *label;
  char     *zone;        /* nullable */
  double    x, y;
  double    zone_h;      /* > 0: the zone grows to this height first, being full */
  BwEdgeKind edge_kind;
  char     *from;        /* NULL: the new node */
  char     *to;          /* NULL: the new node */
} BwRecommendPlan;

void       bw_recommend_plan_clear      (BwRecommendPlan *plan);
gboolean   bw_recommend_plan            (BwCatalog              *catalog,
                                         BwDocument             *document,
                                         const BwRecommendation *recommendation,
                                         BwRecommendPlan        *plan,
                                         GError                **error);
/* Applies the plan to the document directly (the CLI and tests; the window goes through
 * BwHistory so the step can be undone). Returns the new node's id, or the edge's. */
char      *bw_recommend_apply           (BwCatalog              *catalog,
                                         BwDocument             *document,
                                         const BwRecommendation *recommendation,
                                         GError                **error);

/* The same as one undoable step, as the window applies it. Returns the new node's id or the
 * edge's. */
char      *bw_recommend_apply_with_history (BwCatalog              *catalog,
                                            BwHistory              *history,
                                            const BwRecommendation *recommendation,
                                            GError                **error);

G_END_DECLS
