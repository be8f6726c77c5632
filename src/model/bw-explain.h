/* bw-explain.h: why a technique has the status it has — per applicable asset, every service and
 * capability entry that covers it by DESIGN §4 rules 1, 2 and 10, with CTID's comments and
 * references (`bulwark explain`, the technique page, the Inspector's asset figures). Also the
 * catalog's provenance texts, which stay out of memory until first asked for. */
#pragma once

#include <json-glib/json-glib.h>

#include "bw-catalog.h"
#include "bw-document.h"

G_BEGIN_DECLS

/* How a service reaches an asset: the first that applies of these, in this order. */
typedef enum
{
  BW_VIA_PROTECTS, /* rule 1: a protects edge service → asset */
  BW_VIA_ZONE,     /* rule 1: a protects edge service → a zone the asset lies in */
  BW_VIA_SIEM,     /* rule 2: a SIEM the asset's or a covering service's telemetry reaches */
  BW_VIA_DELIVERY, /* rule 10: covers an asset with a flow edge into this one (initial access) */
} BwVia;

/* "protects", "zone", "siem", "delivery". */
const char *bw_via_to_string (BwVia via);

/* Provenance in the catalog (loaded on the first call of either function, then kept). */

/* CTID's comments and references of capability `capability_id`'s entry for technique index
 * `technique` and `category`: NULL-terminated arrays owned by the catalog, each empty (never
 * NULL) when there are none. FALSE when the catalog has no such entry. */
gboolean    bw_catalog_get_entry_provenance (BwCatalog          *self,
                                             const char         *capability_id,
                                             guint               technique,
                                             BwCategory          category,
                                             const char *const **comments,
                                             const char *const **references);
/* The first paragraph of ATT&CK's description of technique `technique_id` (citations
 * stripped), or NULL when the catalog carries none. Owned by the catalog. */
const char *bw_catalog_get_technique_description (BwCatalog  *self,
                                                  const char *technique_id);
/* The technique's page on attack.mitre.org. Owned by the catalog; never NULL for a technique
 * the catalog knows (built from the id when the bundle gave none), else NULL. */
const char *bw_catalog_get_technique_url (BwCatalog  *self,
                                          const char *technique_id);

/* One covered_by row: one capability entry for the technique of one covering service. */
typedef struct
{
  const char         *service;         /* service node id */
  const char         *label;           /* its label */
  const char         *capability;      /* capability id */
  const char         *capability_name;
  BwCategory          category;
  BwScore             score;
  const char *const  *comments;        /* CTID's, NULL-terminated, maybe empty */
  const char *const  *references;      /* URLs, NULL-terminated, maybe empty */
  BwVia               via;
} BwExplainRow;

/* One applicable asset. */
typedef struct
{
  const char         *id;
  const char         *label;
  const char         *kind;
  BwStatus            status;   /* COVERED (best ≥ 2), PARTIAL (best 1) or GAP (best 0) */
  BwScore             best;     /* rule 4: max (protect, detect) */
  BwScore             protect;  /* rule 4's cells */
  BwScore             detect;
  BwScore             respond;
  const BwExplainRow *rows;     /* covered_by: services in document order, then entries */
  guint               n_rows;
} BwExplainAsset;

#define BW_EXPLAIN_ERROR (bw_explain_error_quark ())
typedef enum
{
  BW_EXPLAIN_ERROR_UNKNOWN_TECHNIQUE,
  BW_EXPLAIN_ERROR_UNKNOWN_ASSET,
} BwExplainError;

GQuark bw_explain_error_quark (void);

typedef struct _BwExplanation BwExplanation;

#define BW_TYPE_EXPLANATION (bw_explanation_get_type ())
GType                 bw_explanation_get_type      (void) G_GNUC_CONST;

/* Explains technique `technique_id` (revoked ids follow revoked-by) in `document`: every
 * applicable asset in document order, or only `asset_id` when it is not NULL. An unknown
 * technique, or an `asset_id` that is no asset node, is an error. The explanation holds a
 * reference to the catalog and copies what it needs from the document. */
BwExplanation        *bw_explain                   (BwCatalog   *catalog,
                                                    BwDocument  *document,
                                                    const char  *technique_id,
                                                    const char  *asset_id,
                                                    GError     **error);
BwExplanation        *bw_explanation_ref           (BwExplanation *self);
void                  bw_explanation_unref         (BwExplanation *self);

const BwTechnique    *bw_explanation_get_technique (BwExplanation *self);
/* Rule 5 over every asset the technique applies to, also when only one asset is listed. */
BwStatus              bw_explanation_get_status    (BwExplanation *self);
guint                 bw_explanation_get_n_assets  (BwExplanation *self);
const BwExplainAsset *bw_explanation_get_asset     (BwExplanation *self,
                                                    guint          index);
const BwExplainAsset *bw_explanation_lookup_asset  (BwExplanation *self,
                                                    const char    *asset_id);

/* The range of a technique over every asset it applies to (also when one asset is listed), as
 * a technique row says it: "covered on 13 of 14 assets; weakest: Windows server (none)". */
typedef struct
{
  guint       applicable_assets;
  guint       covered_assets;   /* best ≥ 2 */
  BwScore     best;             /* the strongest asset's best */
  BwScore     weakest;          /* the weakest asset's best */
  const char *weakest_id;       /* the first asset in document order with that; NULL if none */
  const char *weakest_label;
} BwExplainRange;

const BwExplainRange *bw_explanation_get_range     (BwExplanation *self);

/* Many explanations of one document state (a list of technique rows): the document's graph and
 * every asset's covering services are worked out once. Holds references to both; free it when
 * the document changes. */
typedef struct _BwExplainer BwExplainer;

BwExplainer          *bw_explainer_new             (BwCatalog   *catalog,
                                                    BwDocument  *document);
void                  bw_explainer_free            (BwExplainer *self);
/* FALSE: the rows' comments and references are left empty, so CTID's texts are not loaded
 * (what a list of technique rows needs is the figures alone). TRUE unless set. */
void                  bw_explainer_set_with_texts  (BwExplainer *self,
                                                    gboolean     with_texts);
/* As bw_explain(). */
BwExplanation        *bw_explainer_explain         (BwExplainer  *self,
                                                    const char   *technique_id,
                                                    const char   *asset_id,
                                                    GError      **error);

/* The JSON of `bulwark explain --format json` (issue 15's shape), and its text form (translated;
 * ends with a newline). `escape`, when not NULL, makes each text from the document or the
 * catalog safe to show (returns a new string), as the CLI does for a terminal. */
typedef char *(*BwExplainEscape) (const char *text);

JsonNode             *bw_explanation_to_json       (BwExplanation *self);
char                 *bw_explanation_to_json_string (BwExplanation *self);
char                 *bw_explanation_to_text       (BwExplanation   *self,
                                                    BwExplainEscape  escape);

/* The services covering asset node `asset_id` by rules 1, 2 and 10, each once, in document order,
 * each with the first `via` that applies to it (DELIVERY only when it covers the asset for
 * initial-access techniques alone). */
typedef struct
{
  const char *service;  /* node id */
  const char *label;
  BwVia       via;
} BwExplainCover;

/* A GArray of BwExplainCover (strings owned by the document: do not keep it past a change), or
 * NULL when `asset_id` is no asset node. */
GArray               *bw_explain_asset_covers      (BwCatalog  *catalog,
                                                    BwDocument *document,
                                                    const char *asset_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwExplanation, bw_explanation_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwExplainer, bw_explainer_free)

G_END_DECLS
