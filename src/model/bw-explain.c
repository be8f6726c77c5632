/* bw-explain.c: the provenance of a technique's status in a document, worked out from the
 * document and the catalog alone by DESIGN §4 — rules 1 (protects edges into the asset or a
 * zone it lies in), 2 (SIEMs reached through collectors) and 10 (delivery along flows) — so it
 * can be checked against the engine rather than share its code. Formats: bw-explain-format.c. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-explain-private.h"

GType
bw_explanation_get_type (void)
{
  static gsize type;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_boxed_type_register_static (
                                  g_intern_static_string ("BwExplanation"),
                                  (GBoxedCopyFunc) bw_explanation_ref,
                                  (GBoxedFreeFunc) bw_explanation_unref));
  return type;
}

G_DEFINE_QUARK (bw-explain-error-quark, bw_explain_error)

static const char *const empty_strv[] = { NULL };

const char *
bw_via_to_string (BwVia via)
{
  switch (via)
    {
    case BW_VIA_PROTECTS:
      return "protects";
    case BW_VIA_ZONE:
      return "zone";
    case BW_VIA_SIEM:
      return "siem";
    case BW_VIA_DELIVERY:
    default:
      return "delivery";
    }
}

/* The document's graph, as explain asks it: edges by endpoint, each list in document order. */
typedef struct
{
  BwCatalog  *catalog;
  BwDocument *document;
  GHashTable *protects_into; /* target id → GPtrArray of source ids */
  GHashTable *telemetry_out; /* source id → GPtrArray of target ids */
  GHashTable *flow_into;     /* target id → GPtrArray of source ids */
  GHashTable *node_order;    /* node id → document index + 1 */
  GHashTable *covers[2];     /* asset id → GArray of Cover; [1] with rule 10 */
  gboolean    with_texts;    /* the rows get CTID's comments and references */
} Graph;

static const BwStencil *
node_stencil (Graph        *g,
              const BwNode *node)
{
  return node != NULL ? bw_catalog_lookup_stencil (g->catalog, node->kind) : NULL;
}

static gboolean
stencil_is (const BwStencil *s,
            BwRole           role)
{
  return s != NULL && s->role == role;
}

static gboolean
stencil_is_siem (const BwStencil *s)
{
  return stencil_is (s, BW_ROLE_SERVICE) && s->siem;
}

static void
index_add (GHashTable *index,
           const char *key,
           const char *value)
{
  GPtrArray *list = g_hash_table_lookup (index, key);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (index, (gpointer) key, list);
    }
  g_ptr_array_add (list, (gpointer) value);
}

static void
graph_init (Graph      *g,
            BwCatalog  *catalog,
            BwDocument *document)
{
  g->catalog = catalog;
  g->document = document;
  g->with_texts = TRUE;
  g->protects_into =
      g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  g->telemetry_out =
      g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  g->flow_into =
      g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  g->node_order = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint k = 0; k < 2; k++)
    g->covers[k] = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < bw_document_get_n_edges (document); i++)
    {
      const BwEdge *e = bw_document_get_edge (document, i);

      if (e->kind == BW_EDGE_PROTECTS)
        index_add (g->protects_into, e->to, e->from);
      else if (e->kind == BW_EDGE_TELEMETRY)
        index_add (g->telemetry_out, e->from, e->to);
      else if (e->kind == BW_EDGE_FLOW)
        index_add (g->flow_into, e->to, e->from);
    }
  for (guint i = 0; i < bw_document_get_n_nodes (document); i++)
    g_hash_table_insert (g->node_order, bw_document_get_node (document, i)->id,
                         GUINT_TO_POINTER (i + 1));
}

static void
graph_clear (Graph *g)
{
  g_hash_table_unref (g->protects_into);
  g_hash_table_unref (g->telemetry_out);
  g_hash_table_unref (g->flow_into);
  g_hash_table_unref (g->node_order);
  for (guint k = 0; k < 2; k++)
    g_hash_table_unref (g->covers[k]);
}

/* A covering service and how it covers. */
typedef struct
{
  const BwNode *node;
  BwVia         via;
} Cover;

/* Adds `node` unless it is there already (the first via stays). */
static void
covers_add (GArray       *covers,
            GHashTable   *seen,
            const BwNode *node,
            BwVia         via)
{
  Cover c = { node, via };

  if (g_hash_table_add (seen, node->id))
    g_array_append_val (covers, c);
}

/* Rule 1 for `asset`: non-SIEM services with a protects edge into it (PROTECTS) or into a zone it
 * lies in (ZONE) whose applies_to admits it. */
static void
rule1 (Graph        *g,
       const BwNode *asset,
       GArray       *covers,
       GHashTable   *seen)
{
  const char *target = asset->id;
  const BwZone *zone = bw_document_lookup_zone (g->document, asset->zone);
  guint depth = 0;

  while (target != NULL && depth++ <= bw_document_get_n_zones (g->document) + 1)
    {
      GPtrArray *sources = g_hash_table_lookup (g->protects_into, target);

      for (guint i = 0; sources != NULL && i < sources->len; i++)
        {
          const BwNode *s = bw_document_lookup_node (g->document, g_ptr_array_index (sources, i));
          const BwStencil *st = node_stencil (g, s);

          if (stencil_is (st, BW_ROLE_SERVICE) && !st->siem && bw_stencil_admits (st, asset->kind))
            covers_add (covers, seen, s, depth == 1 ? BW_VIA_PROTECTS : BW_VIA_ZONE);
        }
      target = zone != NULL ? zone->id : NULL;
      zone = zone != NULL ? bw_document_lookup_zone (g->document, zone->parent) : NULL;
    }
}

/* Rule 2's reach(x): the SIEMs reached from `start` along telemetry edges, passing on through
 * collectors only; added to `out` (each once, through `found`). */
static void
reach_siems (Graph      *g,
             const char *start,
             GPtrArray  *out,
             GHashTable *found)
{
  g_autoptr(GHashTable) visited = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GQueue) queue = g_queue_new ();

  g_queue_push_tail (queue, (gpointer) start);
  g_hash_table_add (visited, (gpointer) start);
  while (!g_queue_is_empty (queue))
    {
      const char *from = g_queue_pop_head (queue);
      GPtrArray *targets = g_hash_table_lookup (g->telemetry_out, from);

      for (guint i = 0; targets != NULL && i < targets->len; i++)
        {
          const char *to = g_ptr_array_index (targets, i);
          const BwStencil *st = node_stencil (g, bw_document_lookup_node (g->document, to));

          if (stencil_is_siem (st))
            {
              if (g_hash_table_add (found, (gpointer) to))
                g_ptr_array_add (out, (gpointer) to);
            }
          else if (stencil_is (st, BW_ROLE_COLLECTOR) && g_hash_table_add (visited, (gpointer) to))
            g_queue_push_tail (queue, (gpointer) to);
        }
    }
}

/* Rule 2 for `asset`, after rule 1 filled `covers`. */
static void
rule2 (Graph        *g,
       const BwNode *asset,
       GArray       *covers,
       GHashTable   *seen)
{
  g_autoptr(GPtrArray) siems = g_ptr_array_new ();
  g_autoptr(GHashTable) found = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_direct = covers->len;

  reach_siems (g, asset->id, siems, found);
  for (guint i = 0; i < n_direct; i++)
    reach_siems (g, g_array_index (covers, Cover, i).node->id, siems, found);
  for (guint i = 0; i < siems->len; i++)
    {
      const BwNode *s = bw_document_lookup_node (g->document, g_ptr_array_index (siems, i));

      if (bw_stencil_admits (node_stencil (g, s), asset->kind))
        covers_add (covers, seen, s, BW_VIA_SIEM);
    }
}

/* Rule 10 for `asset`: the services covering (rule 1) an asset with a flow edge into it. */
static void
rule10 (Graph        *g,
        const BwNode *asset,
        GArray       *covers,
        GHashTable   *seen)
{
  GPtrArray *sources = g_hash_table_lookup (g->flow_into, asset->id);

  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      const BwNode *m = bw_document_lookup_node (g->document, g_ptr_array_index (sources, i));
      g_autoptr(GArray) upstream = NULL;
      g_autoptr(GHashTable) up_seen = NULL;

      if (m == NULL || !stencil_is (node_stencil (g, m), BW_ROLE_ASSET))
        continue;
      upstream = g_array_new (FALSE, FALSE, sizeof (Cover));
      up_seen = g_hash_table_new (g_str_hash, g_str_equal);
      rule1 (g, m, upstream, up_seen);
      for (guint k = 0; k < upstream->len; k++)
        covers_add (covers, seen, g_array_index (upstream, Cover, k).node, BW_VIA_DELIVERY);
    }
}

static int
compare_covers (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  GHashTable *order = user_data;
  guint ia = GPOINTER_TO_UINT (g_hash_table_lookup (order, ((const Cover *) a)->node->id));
  guint ib = GPOINTER_TO_UINT (g_hash_table_lookup (order, ((const Cover *) b)->node->id));

  return (ia > ib) - (ia < ib);
}

/* Every service covering `asset`, in document order, for a technique that is (`delivery`) or is
 * not one rule 10 applies to; kept in the graph. */
static GArray *
asset_covers (Graph        *g,
              const BwNode *asset,
              gboolean      delivery)
{
  GArray *covers = g_hash_table_lookup (g->covers[delivery != FALSE], asset->id);
  g_autoptr(GHashTable) seen = NULL;

  if (covers != NULL)
    return covers;
  covers = g_array_new (FALSE, FALSE, sizeof (Cover));
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  rule1 (g, asset, covers, seen);
  rule2 (g, asset, covers, seen);
  if (delivery)
    rule10 (g, asset, covers, seen);
  g_array_sort_with_data (covers, compare_covers, g->node_order);
  g_hash_table_insert (g->covers[delivery != FALSE], asset->id, covers);
  return covers;
}

/* Rule 10 applies to techniques whose only tactic is initial-access. */
gboolean
bw_explain_is_delivery_technique (const BwTechnique *t)
{
  return t->tactics[0] != NULL && t->tactics[1] == NULL &&
         g_str_equal (t->tactics[0], "initial-access");
}

/* Rule 3. */
static gboolean
applicable (Graph             *g,
            const BwNode      *asset,
            const BwTechnique *t)
{
  g_auto(GStrv) override = bw_node_dup_platforms (asset);
  const BwStencil *st = node_stencil (g, asset);
  const char *const *platforms =
      override != NULL ? (const char *const *) override : (const char *const *) st->platforms;

  for (guint i = 0; platforms[i] != NULL; i++)
    if (g_strv_contains ((const char *const *) t->platforms, platforms[i]))
      return TRUE;
  return FALSE;
}

static const char *
chunk (BwExplanation *self,
       const char    *str)
{
  return str != NULL ? g_string_chunk_insert_const (self->strings, str) : NULL;
}

/* The covered_by rows a service gives technique `t`: each enabled capability (within the
 * document's licence) in stencil order, each of its entries for `t`. */
static void
add_rows (BwExplanation     *self,
          Graph             *g,
          const Cover       *cover,
          const BwTechnique *t,
          GArray            *rows)
{
  const BwStencil *st = node_stencil (g, cover->node);
  const char *licence = bw_document_get_licence (g->document);

  for (guint i = 0; st->capabilities[i] != NULL; i++)
    {
      const BwCapability *cap = bw_catalog_lookup_capability (g->catalog, st->capabilities[i]);

      if (cap == NULL || !bw_node_get_capability_enabled (cover->node, cap->id) ||
          !bw_capability_within_licence (cap, licence))
        continue;
      for (guint k = 0; k < cap->n_entries; k++)
        {
          const BwMapping *m = &cap->entries[k];
          BwExplainRow row = { 0 };

          if (m->technique != t->index)
            continue;
          row.service = chunk (self, cover->node->id);
          row.label = chunk (self, cover->node->label);
          row.capability = cap->id;
          row.capability_name = cap->name;
          row.category = m->category;
          row.score = m->score;
          row.via = cover->via;
          row.comments = row.references = empty_strv;
          if (g->with_texts)
            bw_catalog_get_entry_provenance (self->catalog, cap->id, t->index, m->category,
                                             &row.comments, &row.references);
          g_array_append_val (rows, row);
        }
    }
}

static void
explain_asset (BwExplanation     *self,
               Graph             *g,
               const BwNode      *node,
               const BwTechnique *t)
{
  BwExplainAsset a = { 0 };
  GArray *covers = asset_covers (g, node, bw_explain_is_delivery_technique (t));
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (BwExplainRow));
  BwScore *cells[] = { &a.protect, &a.detect, &a.respond };

  for (guint i = 0; i < covers->len; i++)
    add_rows (self, g, &g_array_index (covers, Cover, i), t, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      const BwExplainRow *r = &g_array_index (rows, BwExplainRow, i);

      *cells[r->category] = MAX (*cells[r->category], r->score);
    }
  a.id = chunk (self, node->id);
  a.label = chunk (self, node->label);
  a.kind = chunk (self, node->kind);
  a.best = MAX (a.protect, a.detect);
  a.status = a.best >= BW_SCORE_PARTIAL   ? BW_STATUS_COVERED
             : a.best >= BW_SCORE_MINIMAL ? BW_STATUS_PARTIAL
                                          : BW_STATUS_GAP;
  a.n_rows = rows->len;
  a.rows = (const BwExplainRow *) g_array_free (rows, FALSE);
  g_array_append_val (self->assets, a);
}

static void
clear_asset (BwExplainAsset *a)
{
  g_free ((gpointer) a->rows);
}

/* Rule 5 over every applicable asset, and the range of their best scores: the first asset in
 * document order with the lowest. */
static BwStatus
technique_status (GArray         *assets,
                  BwExplainRange *range)
{
  BwScore lo = BW_SCORE_SIGNIFICANT, hi = BW_SCORE_NONE;

  *range = (BwExplainRange) { 0 };
  if (assets->len == 0)
    return BW_STATUS_NOT_APPLICABLE;
  for (guint i = 0; i < assets->len; i++)
    {
      const BwExplainAsset *a = &g_array_index (assets, BwExplainAsset, i);

      if (i == 0 || a->best < lo)
        {
          range->weakest_id = a->id;
          range->weakest_label = a->label;
        }
      lo = MIN (lo, a->best);
      hi = MAX (hi, a->best);
      range->covered_assets += a->status == BW_STATUS_COVERED;
    }
  range->applicable_assets = assets->len;
  range->best = hi;
  range->weakest = lo;
  return lo >= BW_SCORE_PARTIAL ? BW_STATUS_COVERED
         : hi >= BW_SCORE_MINIMAL ? BW_STATUS_PARTIAL
                                  : BW_STATUS_GAP;
}

static gboolean
is_asset_node (BwCatalog    *catalog,
               const BwNode *node)
{
  const BwStencil *st = node ? bw_catalog_lookup_stencil (catalog, node->kind) : NULL;

  return stencil_is (st, BW_ROLE_ASSET);
}

struct _BwExplainer
{
  BwCatalog  *catalog;
  BwDocument *document;
  Graph       graph;
  gboolean    with_texts;
};

BwExplainer *
bw_explainer_new (BwCatalog  *catalog,
                  BwDocument *document)
{
  BwExplainer *self;

  g_return_val_if_fail (BW_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (BW_IS_DOCUMENT (document), NULL);
  self = g_new0 (BwExplainer, 1);
  self->catalog = g_object_ref (catalog);
  self->document = g_object_ref (document);
  self->with_texts = TRUE;
  graph_init (&self->graph, catalog, document);
  return self;
}

void
bw_explainer_set_with_texts (BwExplainer *self,
                             gboolean     with_texts)
{
  self->with_texts = with_texts;
  self->graph.with_texts = with_texts;
}

void
bw_explainer_free (BwExplainer *self)
{
  if (self == NULL)
    return;
  graph_clear (&self->graph);
  g_object_unref (self->catalog);
  g_object_unref (self->document);
  g_free (self);
}

BwExplanation *
bw_explainer_explain (BwExplainer  *explainer,
                      const char   *technique_id,
                      const char   *asset_id,
                      GError      **error)
{
  BwCatalog *catalog = explainer->catalog;
  BwDocument *document = explainer->document;
  const BwTechnique *t;
  BwExplanation *self;

  g_return_val_if_fail (technique_id != NULL, NULL);

  if ((t = bw_catalog_resolve_technique (catalog, technique_id)) == NULL)
    {
      g_set_error (error, BW_EXPLAIN_ERROR, BW_EXPLAIN_ERROR_UNKNOWN_TECHNIQUE,
                   _("Unknown technique “%s”"), technique_id);
      return NULL;
    }
  if (asset_id != NULL && !is_asset_node (catalog, bw_document_lookup_node (document, asset_id)))
    {
      g_set_error (error, BW_EXPLAIN_ERROR, BW_EXPLAIN_ERROR_UNKNOWN_ASSET,
                   _("No asset “%s” in the document"), asset_id);
      return NULL;
    }

  self = g_new0 (BwExplanation, 1);
  self->ref_count = 1;
  self->catalog = g_object_ref (catalog);
  self->technique = t;
  self->strings = g_string_chunk_new (1024);
  self->assets = g_array_new (FALSE, FALSE, sizeof (BwExplainAsset));
  g_array_set_clear_func (self->assets, (GDestroyNotify) clear_asset);
  self->asset_filter = g_strdup (asset_id);

  for (guint i = 0; i < bw_document_get_n_nodes (document); i++)
    {
      const BwNode *node = bw_document_get_node (document, i);

      if (is_asset_node (catalog, node) && applicable (&explainer->graph, node, t))
        explain_asset (self, &explainer->graph, node, t);
    }

  self->status = technique_status (self->assets, &self->range);
  if (asset_id != NULL)
    for (guint i = self->assets->len; i-- > 0;)
      if (!g_str_equal (g_array_index (self->assets, BwExplainAsset, i).id, asset_id))
        g_array_remove_index (self->assets, i);
  return self;
}

BwExplanation *
bw_explain (BwCatalog   *catalog,
            BwDocument  *document,
            const char  *technique_id,
            const char  *asset_id,
            GError     **error)
{
  BwExplainer *explainer;
  BwExplanation *self;

  g_return_val_if_fail (BW_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (BW_IS_DOCUMENT (document), NULL);
  explainer = bw_explainer_new (catalog, document);
  self = bw_explainer_explain (explainer, technique_id, asset_id, error);
  bw_explainer_free (explainer);
  return self;
}

BwExplanation *
bw_explanation_ref (BwExplanation *self)
{
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
bw_explanation_unref (BwExplanation *self)
{
  if (!g_atomic_int_dec_and_test (&self->ref_count))
    return;
  g_array_unref (self->assets);
  g_string_chunk_free (self->strings);
  g_object_unref (self->catalog);
  g_free (self->asset_filter);
  g_free (self);
}

const BwTechnique *
bw_explanation_get_technique (BwExplanation *self)
{
  return self->technique;
}

BwStatus
bw_explanation_get_status (BwExplanation *self)
{
  return self->status;
}

guint
bw_explanation_get_n_assets (BwExplanation *self)
{
  return self->assets->len;
}

const BwExplainRange *
bw_explanation_get_range (BwExplanation *self)
{
  return &self->range;
}

const BwExplainAsset *
bw_explanation_get_asset (BwExplanation *self,
                          guint          index)
{
  g_return_val_if_fail (index < self->assets->len, NULL);
  return &g_array_index (self->assets, BwExplainAsset, index);
}

const BwExplainAsset *
bw_explanation_lookup_asset (BwExplanation *self,
                             const char    *asset_id)
{
  for (guint i = 0; i < self->assets->len; i++)
    if (g_str_equal (g_array_index (self->assets, BwExplainAsset, i).id, asset_id))
      return &g_array_index (self->assets, BwExplainAsset, i);
  return NULL;
}

GArray *
bw_explain_asset_covers (BwCatalog  *catalog,
                         BwDocument *document,
                         const char *asset_id)
{
  const BwNode *node = bw_document_lookup_node (document, asset_id);
  GArray *result, *with_delivery;
  Graph g;

  if (!is_asset_node (catalog, node))
    return NULL;
  graph_init (&g, catalog, document);
  with_delivery = asset_covers (&g, node, TRUE);
  result = g_array_new (FALSE, FALSE, sizeof (BwExplainCover));
  for (guint i = 0; i < with_delivery->len; i++)
    {
      const Cover *c = &g_array_index (with_delivery, Cover, i);
      BwExplainCover out = { c->node->id, c->node->label, c->via };

      g_array_append_val (result, out);
    }
  graph_clear (&g);
  return result;
}
