/* bw-engine.c: the coverage engine. Each asset holds bitsets over the catalog's techniques
 * (applicable; cell score ≥ k per category; best ≥ 1, ≥ 2). Per-technique counts over assets
 * live in bit-sliced counters, so adding or removing one asset's contribution, and every
 * status, tactic, phase and summary figure, is a handful of word operations per 64 techniques.
 * A document change recomputes only the assets it touches. */
#include "config.h"

#include <string.h>

#include "bw-engine-private.h"
#include "bw-report-private.h"

G_DEFINE_FINAL_TYPE (BwEngine, bw_engine, G_TYPE_OBJECT)

enum
{
  REPORT_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Bitsets */

static guint64 *
bits_new (BwEngine *self)
{
  return g_new0 (guint64, self->words);
}

static void
bits_or (guint64       *dst,
         const guint64 *src,
         guint          words)
{
  for (guint w = 0; w < words; w++)
    dst[w] |= src[w];
}

static void
bits_set (guint64 *bits,
          guint    i)
{
  bits[i / 64] |= G_GUINT64_CONSTANT (1) << (i % 64);
}

static guint
bits_count (const guint64 *bits,
            guint          words)
{
  guint n = 0;

  for (guint w = 0; w < words; w++)
    n += __builtin_popcountll (bits[w]);
  return n;
}

/* Counters */

static void
counter_add (Counter       *c,
             const guint64 *x,
             guint          words,
             gboolean       subtract)
{
  for (guint w = 0; w < words; w++)
    {
      guint64 carry = x[w];

      for (guint p = 0; carry != 0; p++)
        {
          guint64 *plane;

          if (p == c->n_planes)
            {
              /* A count needs one more bit: grow every word of the counter by a plane. */
              c->planes = g_realloc_n (c->planes, (gsize) (c->n_planes + 1) * words, sizeof (guint64));
              memset (c->planes + (gsize) c->n_planes * words, 0, words * sizeof (guint64));
              c->n_planes++;
            }
          plane = &c->planes[(gsize) p * words + w];
          if (subtract)
            {
              guint64 borrow = ~*plane & carry;

              *plane ^= carry;
              carry = borrow;
            }
          else
            {
              guint64 next = *plane & carry;

              *plane ^= carry;
              carry = next;
            }
        }
    }
}

static guint
counter_get (const Counter *c,
             guint          i,
             guint          words)
{
  guint v = 0;

  for (guint p = 0; p < c->n_planes; p++)
    v |= (guint) ((c->planes[(gsize) p * words + i / 64] >> (i % 64)) & 1) << p;
  return v;
}

/* Word w of the mask "counter a equals counter b" over all techniques. */
static guint64
counter_equal_word (const Counter *a,
                    const Counter *b,
                    guint          w,
                    guint          words)
{
  guint64 eq = ~G_GUINT64_CONSTANT (0);
  guint n = MAX (a->n_planes, b->n_planes);

  for (guint p = 0; p < n; p++)
    {
      guint64 pa = p < a->n_planes ? a->planes[(gsize) p * words + w] : 0;
      guint64 pb = p < b->n_planes ? b->planes[(gsize) p * words + w] : 0;

      eq &= ~(pa ^ pb);
    }
  return eq;
}

static guint64
counter_nonzero_word (const Counter *c,
                      guint          w,
                      guint          words)
{
  guint64 any = 0;

  for (guint p = 0; p < c->n_planes; p++)
    any |= c->planes[(gsize) p * words + w];
  return any;
}

/* Catalog-derived tables */

static void
asset_state_free (AssetState *state)
{
  for (guint i = 0; i < N_COUNTERS; i++)
    g_free (state->bits[i]);
  g_free (state);
}

static void
build_catalog_tables (BwEngine *self)
{
  BwCatalog *catalog = self->catalog;
  guint n_tactics = bw_catalog_get_n_tactics (catalog);
  guint n_phases = bw_catalog_get_n_phases (catalog);

  self->n_techniques = bw_catalog_get_n_techniques (catalog);
  self->words = (self->n_techniques + 63) / 64 + (self->n_techniques == 0);
  self->platform_bits = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->tactic_bits = g_new0 (guint64 *, n_tactics);
  self->phase_bits = g_new0 (guint64 *, n_phases);
  self->all_bits = bits_new (self);

  for (guint i = 0; i < n_tactics; i++)
    self->tactic_bits[i] = bits_new (self);

  for (guint t = 0; t < self->n_techniques; t++)
    {
      const BwTechnique *technique = bw_catalog_get_technique (catalog, t);

      bits_set (self->all_bits, t);
      for (guint k = 0; technique->platforms[k] != NULL; k++)
        {
          guint64 *bits = g_hash_table_lookup (self->platform_bits, technique->platforms[k]);

          if (bits == NULL)
            {
              bits = bits_new (self);
              g_hash_table_insert (self->platform_bits, technique->platforms[k], bits);
            }
          bits_set (bits, t);
        }
      for (guint k = 0; technique->tactics[k] != NULL; k++)
        {
          const BwTactic *tactic = bw_catalog_lookup_tactic (catalog, technique->tactics[k]);

          for (guint i = 0; tactic != NULL && i < n_tactics; i++)
            if (bw_catalog_get_tactic (catalog, i) == tactic)
              bits_set (self->tactic_bits[i], t);
        }
    }

  for (guint i = 0; i < n_phases; i++)
    {
      const BwPhase *phase = bw_catalog_get_phase (catalog, i);

      self->phase_bits[i] = bits_new (self);
      for (guint k = 0; phase->tactics[k] != NULL; k++)
        for (guint j = 0; j < n_tactics; j++)
          if (g_str_equal (bw_catalog_get_tactic (catalog, j)->shortname, phase->tactics[k]))
            bits_or (self->phase_bits[i], self->tactic_bits[j], self->words);
    }
}

/* Document helpers */

static const BwStencil *
node_stencil (BwEngine     *self,
              const BwNode *node)
{
  return node ? bw_catalog_lookup_stencil (self->catalog, node->kind) : NULL;
}

static gboolean
is_siem (const BwStencil *s)
{
  return s != NULL && s->role == BW_ROLE_SERVICE && s->siem;
}

/* The strings of a props array member, or NULL when absent or malformed. */
static gboolean
props_strings_contain (JsonObject *props,
                       const char *key,
                       const char *value)
{
  JsonNode *node = json_object_get_member (props, key);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *e = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (e) && json_node_get_value_type (e) == G_TYPE_STRING &&
          g_str_equal (json_node_get_string (e), value))
        return TRUE;
    }
  return FALSE;
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
      g_hash_table_insert (index, g_strdup (key), list);
    }
  g_ptr_array_add (list, (gpointer) value);
}

/* `value` is the very string the edge holds, so identity finds it. */
static void
index_remove (GHashTable *index,
              const char *key,
              const char *value)
{
  GPtrArray *list = g_hash_table_lookup (index, key);

  if (list != NULL && g_ptr_array_remove (list, (gpointer) value) && list->len == 0)
    g_hash_table_remove (index, key);
}

/* Cached zone covers of one target: a protects edge into it came or went. */
static void
forget_zone_covers (BwEngine   *self,
                    const char *target)
{
  g_hash_table_remove (self->zone_covers, target);
}

/* Adjacency of the edges that matter, rebuilt after any edge change: O(edges) once, instead
 * of a scan of every edge for every asset. */
static void
ensure_edge_index (BwEngine *self)
{
  BwDocument *doc = self->document;

  if (self->edges_indexed)
    return;
  g_hash_table_remove_all (self->protects_into);
  g_hash_table_remove_all (self->telemetry_out);
  for (guint i = 0; i < bw_document_get_n_edges (doc); i++)
    {
      const BwEdge *e = bw_document_get_edge (doc, i);

      if (e->kind == BW_EDGE_PROTECTS)
        index_add (self->protects_into, e->to, e->from);
      else if (e->kind == BW_EDGE_TELEMETRY)
        index_add (self->telemetry_out, e->from, e->to);
    }
  self->edges_indexed = TRUE;
}

static void
invalidate_edges (BwEngine *self)
{
  self->edges_indexed = FALSE;
  g_hash_table_remove_all (self->reach);
  g_hash_table_remove_all (self->zone_covers);
}

/* caps(s) as 9 bitsets: cell ≥ level for each category. */
guint64 *
bw_engine_service_caps (BwEngine     *self,
                        const BwNode *node)
{
  guint64 *caps = g_hash_table_lookup (self->service_caps, node->id);
  const BwStencil *stencil;

  if (caps != NULL)
    return caps;

  caps = g_new0 (guint64, 9 * self->words);
  stencil = node_stencil (self, node);
  for (guint i = 0; stencil != NULL && stencil->capabilities[i] != NULL; i++)
    {
      const BwCapability *cap = bw_catalog_lookup_capability (self->catalog, stencil->capabilities[i]);

      if (cap == NULL || props_strings_contain (node->props, "disabled_capabilities", cap->id) ||
          !bw_capability_within_licence (cap, self->licence))
        continue;
      for (guint k = 0; k < cap->n_entries; k++)
        {
          const BwMapping *m = &cap->entries[k];

          for (guint level = 1; level <= (guint) m->score; level++)
            bits_set (caps + (gsize) (3 * m->category + level - 1) * self->words, m->technique);
        }
    }
  g_hash_table_insert (self->service_caps, node->id, caps);
  return caps;
}

static gboolean
is_collector (BwEngine   *self,
              const char *id)
{
  const BwStencil *s = node_stencil (self, bw_document_lookup_node (self->document, id));

  return s != NULL && s->role == BW_ROLE_COLLECTOR;
}

static gboolean
is_siem_id (BwEngine   *self,
            const char *id)
{
  return is_siem (node_stencil (self, bw_document_lookup_node (self->document, id)));
}

/* The SIEMs the telemetry edges out of `ids` reach directly, with the answers already known
 * for the collectors they reach, each SIEM once. Rule 2 only ever asks which SIEMs a node
 * reaches, so that is all an answer holds: along a chain of collectors every answer is the
 * one after it, shared, and the whole chain costs what its length does. */
static GPtrArray *
merge_reach (BwEngine          *self,
             const char *const *ids,
             guint              n_ids)
{
  GPtrArray *shared = NULL;
  gboolean single = TRUE;
  g_autoptr(GHashTable) seen = NULL;
  GPtrArray *result;

  for (guint i = 0; i < n_ids && single; i++)
    {
      GPtrArray *out = g_hash_table_lookup (self->telemetry_out, ids[i]);

      for (guint k = 0; out != NULL && k < out->len && single; k++)
        {
          const char *to = g_ptr_array_index (out, k);
          GPtrArray *known;

          if (is_siem_id (self, to))
            single = FALSE;
          else if ((known = g_hash_table_lookup (self->reach, to)) != NULL && known->len > 0 &&
                   is_collector (self, to))
            {
              if (shared != NULL && shared != known)
                single = FALSE;
              shared = known;
            }
        }
    }
  if (single)
    return g_ptr_array_ref (shared != NULL ? shared : self->no_reach);

  result = g_ptr_array_new ();
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n_ids; i++)
    {
      GPtrArray *out = g_hash_table_lookup (self->telemetry_out, ids[i]);

      for (guint k = 0; out != NULL && k < out->len; k++)
        {
          const char *to = g_ptr_array_index (out, k);
          GPtrArray *known;

          if (is_siem_id (self, to))
            {
              if (g_hash_table_add (seen, (gpointer) to))
                g_ptr_array_add (result, (gpointer) to);
            }
          else if ((known = g_hash_table_lookup (self->reach, to)) != NULL && is_collector (self, to))
            for (guint j = 0; j < known->len; j++)
              if (g_hash_table_add (seen, g_ptr_array_index (known, j)))
                g_ptr_array_add (result, g_ptr_array_index (known, j));
        }
    }
  return result;
}

typedef struct
{
  const char *id;
  GPtrArray  *out;      /* its telemetry targets, or NULL */
  guint       next;     /* the next of them to follow */
  guint       low;      /* Tarjan's low link, as an index into the visits */
  gboolean    on_stack;
} Visit;

static void
visit_push (BwEngine   *self,
            GArray     *visits,
            GHashTable *index,
            GArray     *calls,
            GArray     *stack,
            const char *id)
{
  guint i = visits->len;
  Visit v = { id, g_hash_table_lookup (self->telemetry_out, id), 0, i, TRUE };

  g_array_append_val (visits, v);
  g_hash_table_insert (index, (gpointer) id, GUINT_TO_POINTER (i + 1));
  g_array_append_val (calls, i);
  g_array_append_val (stack, i);
}

/* Answers every collector reachable from collector `root` through collectors: Tarjan's
 * strongly connected components, without recursion (a chain may be 100,000 long), so a cycle
 * of collectors shares one answer, and a component closes only after all it sends to has. */
static void
resolve_collectors (BwEngine   *self,
                    const char *root)
{
  g_autoptr(GArray) visits = g_array_new (FALSE, FALSE, sizeof (Visit));
  g_autoptr(GArray) calls = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) members = g_ptr_array_new ();

  visit_push (self, visits, index, calls, stack, root);
  while (calls->len > 0)
    {
      guint v = g_array_index (calls, guint, calls->len - 1);
      Visit *vv = &g_array_index (visits, Visit, v);

      if (vv->out != NULL && vv->next < vv->out->len)
        {
          const char *to = g_ptr_array_index (vv->out, vv->next++);
          guint w;

          if (!is_collector (self, to) || g_hash_table_contains (self->reach, to))
            continue;
          if ((w = GPOINTER_TO_UINT (g_hash_table_lookup (index, to))) == 0)
            visit_push (self, visits, index, calls, stack, to);
          else if (g_array_index (visits, Visit, w - 1).on_stack)
            vv->low = MIN (vv->low, w - 1);
          continue;
        }

      g_array_set_size (calls, calls->len - 1);
      if (calls->len > 0)
        {
          Visit *parent = &g_array_index (visits, Visit, g_array_index (calls, guint, calls->len - 1));

          parent->low = MIN (parent->low, vv->low);
        }
      if (vv->low == v)
        {
          GPtrArray *answer;
          guint m;

          g_ptr_array_set_size (members, 0);
          do
            {
              m = g_array_index (stack, guint, stack->len - 1);
              g_array_set_size (stack, stack->len - 1);
              g_array_index (visits, Visit, m).on_stack = FALSE;
              g_ptr_array_add (members, (gpointer) g_array_index (visits, Visit, m).id);
            }
          while (m != v);
          answer = merge_reach (self, (const char *const *) members->pdata, members->len);
          for (guint i = 0; i < members->len; i++)
            g_hash_table_insert (self->reach, g_ptr_array_index (members, i), g_ptr_array_ref (answer));
          g_ptr_array_unref (answer);
        }
    }
}

/* reach(x) of rule 2, as far as the rule uses it: the SIEMs reached from x along telemetry
 * edges, passing on only through collectors. Memoised per node until telemetry changes. */
static GPtrArray *
reach (BwEngine   *self,
       const char *start)
{
  GPtrArray *result = g_hash_table_lookup (self->reach, start);
  GPtrArray *out;

  if (result != NULL)
    return result;

  ensure_edge_index (self);
  /* Most nodes send no telemetry: share one empty answer instead of searching. */
  if ((out = g_hash_table_lookup (self->telemetry_out, start)) == NULL)
    return self->no_reach;

  if (is_collector (self, start))
    resolve_collectors (self, start);
  else
    {
      for (guint i = 0; i < out->len; i++)
        {
          const char *to = g_ptr_array_index (out, i);

          if (is_collector (self, to) && !g_hash_table_contains (self->reach, to))
            resolve_collectors (self, to);
        }
      g_hash_table_insert (self->reach, (gpointer) start, merge_reach (self, &start, 1));
    }
  return g_hash_table_lookup (self->reach, start);
}

/* Rule 1 and 2: the service nodes covering `asset`, each once. */
static GPtrArray *
covering_services (BwEngine     *self,
                   const BwNode *asset)
{
  BwDocument *doc = self->document;
  GPtrArray *services = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *target = asset->id;
  const BwZone *zone = bw_document_lookup_zone (doc, asset->zone);
  guint n_direct;
  guint depth = 0;

  ensure_edge_index (self);

  /* Protects edges into the asset and into every zone it lies in. */
  while (target != NULL && depth++ <= bw_document_get_n_zones (doc) + 1)
    {
      GPtrArray *sources = g_hash_table_lookup (self->protects_into, target);

      for (guint i = 0; sources != NULL && i < sources->len; i++)
        {
          const BwNode *s = bw_document_lookup_node (doc, g_ptr_array_index (sources, i));
          const BwStencil *st = node_stencil (self, s);

          if (st == NULL || st->role != BW_ROLE_SERVICE || st->siem || !bw_stencil_admits (st, asset->kind) ||
              g_hash_table_contains (seen, s->id))
            continue;
          g_hash_table_add (seen, s->id);
          g_ptr_array_add (services, (gpointer) s);
        }
      target = zone ? zone->id : NULL;
      zone = zone ? bw_document_lookup_zone (doc, zone->parent) : NULL;
    }

  /* SIEMs reached from the asset, or from a service covering it, through collectors. */
  n_direct = services->len;
  for (guint i = 0; i <= n_direct; i++)
    {
      const char *from = i == n_direct ? asset->id : ((const BwNode *) g_ptr_array_index (services, i))->id;
      GPtrArray *reached = reach (self, from);

      for (guint k = 0; k < reached->len; k++)
        {
          const char *id = g_ptr_array_index (reached, k);
          const BwNode *siem = bw_document_lookup_node (doc, id);
          const BwStencil *st = node_stencil (self, siem);

          if (!is_siem (st) || g_hash_table_contains (seen, id) || !bw_stencil_admits (st, asset->kind))
            continue;
          g_hash_table_add (seen, (gpointer) id);
          g_ptr_array_add (services, (gpointer) siem);
        }
    }
  return services;
}

static void
platforms_bits (BwEngine     *self,
                const BwNode *asset,
                guint64      *out)
{
  const BwStencil *stencil = node_stencil (self, asset);
  JsonNode *override = json_object_get_member (asset->props, "platforms");

  if (override == NULL || !JSON_NODE_HOLDS_ARRAY (override))
    {
      /* The stencil's platforms: the same for every asset of a kind, so computed once. */
      guint64 *cached = g_hash_table_lookup (self->kind_platforms, asset->kind);

      if (cached == NULL)
        {
          cached = bits_new (self);
          for (guint i = 0; stencil != NULL && stencil->platforms[i] != NULL; i++)
            {
              guint64 *bits = g_hash_table_lookup (self->platform_bits, stencil->platforms[i]);

              if (bits != NULL)
                bits_or (cached, bits, self->words);
            }
          g_hash_table_insert (self->kind_platforms, g_strdup (asset->kind), cached);
        }
      memcpy (out, cached, self->words * sizeof (guint64));
      return;
    }

  memset (out, 0, self->words * sizeof (guint64));
  if (override != NULL && JSON_NODE_HOLDS_ARRAY (override))
    {
      JsonArray *array = json_node_get_array (override);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *platform = json_array_get_string_element (array, i);
          guint64 *bits = platform ? g_hash_table_lookup (self->platform_bits, platform) : NULL;

          if (bits != NULL)
            bits_or (out, bits, self->words);
        }
      return;
    }
  for (guint i = 0; stencil != NULL && stencil->platforms[i] != NULL; i++)
    {
      guint64 *bits = g_hash_table_lookup (self->platform_bits, stencil->platforms[i]);

      if (bits != NULL)
        bits_or (out, bits, self->words);
    }
}

/* ORs into `caps` what service `s` gives an asset of kind `kind` (rule 1), with the SIEMs its
 * telemetry reaches (rule 2). Covering twice changes nothing, so no deduplication is needed. */
static void
or_service_cover (BwEngine     *self,
                  const BwNode *s,
                  const char   *kind,
                  guint64      *caps)
{
  const BwStencil *st = node_stencil (self, s);
  GPtrArray *reached;
  guint W = self->words;

  if (st == NULL || st->role != BW_ROLE_SERVICE || st->siem ||
      !bw_stencil_admits (st, kind))
    return;
  bits_or (caps, bw_engine_service_caps (self, s), 9 * W);
  reached = reach (self, s->id);
  for (guint k = 0; k < reached->len; k++)
    {
      const BwNode *siem = bw_document_lookup_node (self->document, g_ptr_array_index (reached, k));
      const BwStencil *sst = node_stencil (self, siem);

      if (is_siem (sst) && bw_stencil_admits (sst, kind))
        bits_or (caps, bw_engine_service_caps (self, siem), 9 * W);
    }
}

/* What the protects edges into one target give an asset of `kind`; zones are cached, since
 * every asset inside a zone asks the same question. */
static const guint64 *
target_cover (BwEngine   *self,
              const char *target,
              const char *kind,
              gboolean    cache,
              guint64    *scratch)
{
  GHashTable *by_kind = NULL;
  guint64 *caps;
  GPtrArray *sources = g_hash_table_lookup (self->protects_into, target);

  if (sources == NULL)
    return NULL;
  if (cache)
    {
      by_kind = g_hash_table_lookup (self->zone_covers, target);
      if (by_kind == NULL)
        {
          by_kind = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
          g_hash_table_insert (self->zone_covers, g_strdup (target), by_kind);
        }
      if ((caps = g_hash_table_lookup (by_kind, kind)) != NULL)
        return caps;
      caps = g_new0 (guint64, 9 * self->words);
    }
  else
    {
      caps = scratch;
      memset (caps, 0, 9 * self->words * sizeof (guint64));
    }
  for (guint i = 0; i < sources->len; i++)
    or_service_cover (self, bw_document_lookup_node (self->document, g_ptr_array_index (sources, i)),
                      kind, caps);
  if (cache)
    g_hash_table_insert (by_kind, g_strdup (kind), caps);
  return caps;
}

/* Recomputes one asset's bitsets and its share of the counters. */
static void
update_asset (BwEngine   *self,
              const char *id)
{
  const BwNode *node = bw_document_lookup_node (self->document, id);
  const BwStencil *stencil = node_stencil (self, node);
  AssetState *state = g_hash_table_lookup (self->assets, id);
  guint W = self->words;

  if (state != NULL && state->counted)
    {
      for (guint c = 0; c < N_COUNTERS; c++)
        counter_add (&self->counters[c], state->bits[c], W, TRUE);
      state->counted = FALSE;
      self->n_counted--;
    }

  if (node == NULL || stencil == NULL || stencil->role != BW_ROLE_ASSET)
    {
      g_hash_table_remove (self->assets, id);
      self->dirty = TRUE;
      return;
    }

  if (state == NULL)
    {
      state = g_new0 (AssetState, 1);
      for (guint c = 0; c < N_COUNTERS; c++)
        state->bits[c] = bits_new (self);
      g_hash_table_insert (self->assets, node->id, state);
    }

  {
    guint64 *app = state->bits[C_APP];
    guint64 *scratch = self->scratch;
    const guint64 *cover;
    GPtrArray *reached;
    guint depth = 0;

    ensure_edge_index (self);
    platforms_bits (self, node, app);
    for (guint c = 1; c < N_COUNTERS; c++)
      memset (state->bits[c], 0, W * sizeof (guint64));

    /* Rule 1: protects edges into the asset, then into each zone it lies in. */
    if ((cover = target_cover (self, node->id, node->kind, FALSE, scratch)) != NULL)
      for (guint k = 0; k < 9; k++)
        bits_or (state->bits[3 + k], cover + (gsize) k * W, W);
    for (const BwZone *z = bw_document_lookup_zone (self->document, node->zone);
         z != NULL && depth++ <= bw_document_get_n_zones (self->document);
         z = bw_document_lookup_zone (self->document, z->parent))
      if ((cover = target_cover (self, z->id, node->kind, TRUE, NULL)) != NULL)
        for (guint k = 0; k < 9; k++)
          bits_or (state->bits[3 + k], cover + (gsize) k * W, W);

    /* Rule 2: SIEMs the asset's own telemetry reaches. */
    reached = reach (self, node->id);
    for (guint i = 0; i < reached->len; i++)
      {
        const BwNode *siem = bw_document_lookup_node (self->document, g_ptr_array_index (reached, i));
        const BwStencil *st = node_stencil (self, siem);

        if (is_siem (st) && bw_stencil_admits (st, node->kind))
          {
            guint64 *caps = bw_engine_service_caps (self, siem);

            for (guint k = 0; k < 9; k++)
              bits_or (state->bits[3 + k], caps + (gsize) k * W, W);
          }
      }
    for (guint w = 0; w < W; w++)
      {
        for (guint k = 0; k < 9; k++)
          state->bits[3 + k][w] &= app[w];
        /* best = max (protect, detect): respond does not count. */
        state->bits[C_BEST1][w] = state->bits[C_CELL (0, 1)][w] | state->bits[C_CELL (1, 1)][w];
        state->bits[C_BEST2][w] = state->bits[C_CELL (0, 2)][w] | state->bits[C_CELL (1, 2)][w];
      }
  }

  for (guint c = 0; c < N_COUNTERS; c++)
    counter_add (&self->counters[c], state->bits[c], W, FALSE);
  state->applicable = bits_count (state->bits[C_APP], W);
  state->covered = bits_count (state->bits[C_BEST2], W);
  state->partial = bits_count (state->bits[C_BEST1], W) - state->covered;
  state->counted = TRUE;
  self->n_counted++;
  self->dirty = TRUE;
}

static void
reset_document_state (BwEngine *self)
{
  g_hash_table_remove_all (self->assets);
  g_hash_table_remove_all (self->service_caps);
  invalidate_edges (self);
  for (guint c = 0; c < N_COUNTERS; c++)
    {
      g_clear_pointer (&self->counters[c].planes, g_free);
      self->counters[c].n_planes = 0;
    }
  self->n_counted = 0;
  self->dirty = TRUE;
}

static void
recompute_all (BwEngine *self)
{
  reset_document_state (self);
  g_clear_pointer (&self->licence, g_free);
  if (self->document == NULL)
    return;
  self->licence = g_strdup (bw_document_get_licence (self->document));
  for (guint i = 0; i < bw_document_get_n_nodes (self->document); i++)
    {
      const BwNode *node = bw_document_get_node (self->document, i);
      const BwStencil *s = node_stencil (self, node);

      if (s != NULL && s->role == BW_ROLE_ASSET)
        update_asset (self, node->id);
    }
}

/* Assets whose coverage may depend on `id` (an asset, a zone, or a service). */
static void
collect_assets_under (BwEngine   *self,
                      const char *target,
                      GHashTable *out)
{
  BwDocument *doc = self->document;
  const BwZone *zone = bw_document_lookup_zone (doc, target);

  if (zone == NULL)
    {
      if (g_hash_table_contains (self->assets, target) ||
          node_stencil (self, bw_document_lookup_node (doc, target)) != NULL)
        g_hash_table_add (out, (gpointer) target);
      return;
    }
  for (guint i = 0; i < bw_document_get_n_nodes (doc); i++)
    {
      const BwNode *n = bw_document_get_node (doc, i);

      if (n->zone != NULL && bw_document_zone_is_within (doc, n->zone, target))
        g_hash_table_add (out, n->id);
    }
}

/* Every asset a service node covers, or could cover through any protects edge it has. */
static void
collect_assets_of_service (BwEngine   *self,
                           const char *service,
                           GHashTable *out)
{
  BwDocument *doc = self->document;

  for (guint i = 0; i < bw_document_get_n_edges (doc); i++)
    {
      const BwEdge *e = bw_document_get_edge (doc, i);

      if (e->kind == BW_EDGE_PROTECTS && g_str_equal (e->from, service))
        collect_assets_under (self, e->to, out);
    }
  /* Its telemetry may feed a SIEM that covers what it covers: those are the same assets. */
}

static void
mark_all_assets (BwEngine   *self,
                 GHashTable *out)
{
  GHashTableIter iter;
  const char *id;

  g_hash_table_iter_init (&iter, self->assets);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    g_hash_table_add (out, (gpointer) id);
}

static void
document_changed_cb (BwEngine       *self,
                     const BwChange *change,
                     BwDocument     *document)
{
  g_autoptr(GHashTable) touched = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) ids = NULL;
  GHashTableIter iter;
  const char *id;

  switch (change->object)
    {
    case BW_OBJECT_DOCUMENT:
      if (change->type == BW_CHANGE_RESET ||
          g_strcmp0 (self->licence, bw_document_get_licence (document)) != 0)
        recompute_all (self);
      else if (change->fields & BW_FIELD_SETTINGS)
        self->dirty = TRUE;
      else
        return;
      break;

    case BW_OBJECT_ZONE:
      /* Zones only matter through what lies inside them. */
      if (change->type == BW_CHANGE_MODIFY && (change->fields & BW_FIELD_PARENT))
        collect_assets_under (self, change->id, touched);
      else
        return;
      break;

    case BW_OBJECT_NODE:
      {
        const BwStencil *s = bw_catalog_lookup_stencil (self->catalog, change->node->kind);

        if (change->type == BW_CHANGE_MODIFY &&
            !(change->fields & (BW_FIELD_PARENT | BW_FIELD_PROPS | BW_FIELD_KIND)))
          return; /* moved or renamed: no figure changes */
        /* The node count in the summary changes with any add or remove. */
        self->dirty = TRUE;
        if (s == NULL)
          break;
        if (s->role == BW_ROLE_ASSET)
          g_hash_table_add (touched, (gpointer) change->id);
        else if (s->role == BW_ROLE_SERVICE && change->type == BW_CHANGE_MODIFY &&
                 (change->fields & BW_FIELD_PROPS))
          {
            g_hash_table_remove (self->service_caps, change->id);
            g_hash_table_remove_all (self->zone_covers);
            if (s->siem)
              mark_all_assets (self, touched);
            else
              collect_assets_of_service (self, change->id, touched);
          }
        else if (change->type != BW_CHANGE_MODIFY &&
                 (s->role == BW_ROLE_COLLECTOR || s->role == BW_ROLE_SERVICE))
          /* A node without edges covers nothing; only its cached tables go. */
          g_hash_table_remove (self->service_caps, change->id);
        /* Nodes come and go without edges (those are removed first), so the edge tables hold;
         * only a reach computed from the node itself is keyed by it. */
        if (change->type == BW_CHANGE_REMOVE)
          g_hash_table_remove (self->reach, change->id);
      }
      break;

    case BW_OBJECT_EDGE:
      {
        const BwEdge *e = change->edge;

        if (e->kind == BW_EDGE_FLOW && !(change->fields & BW_FIELD_KIND))
          return; /* drawn, not scored */
        if (change->type == BW_CHANGE_MODIFY)
          /* A kind changed: the old kind is not known here, so rebuild the tables. */
          invalidate_edges (self);
        else if (self->edges_indexed)
          {
            GHashTable *index = e->kind == BW_EDGE_PROTECTS ? self->protects_into : self->telemetry_out;
            const char *key = e->kind == BW_EDGE_PROTECTS ? e->to : e->from;
            const char *value = e->kind == BW_EDGE_PROTECTS ? e->from : e->to;

            if (change->type == BW_CHANGE_ADD)
              index_add (index, key, value);
            else
              index_remove (index, key, value);
          }
        if (e->kind == BW_EDGE_PROTECTS || (change->fields & BW_FIELD_KIND))
          {
            forget_zone_covers (self, e->to);
            collect_assets_under (self, e->to, touched);
          }
        if (e->kind == BW_EDGE_TELEMETRY || (change->fields & BW_FIELD_KIND))
          {
            /* Reach changes propagate through collectors to anything upstream. */
            g_hash_table_remove_all (self->reach);
            g_hash_table_remove_all (self->zone_covers);
            mark_all_assets (self, touched);
          }
      }
      break;

    default:
      break;
    }

  ids = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, touched);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    g_ptr_array_add (ids, (gpointer) id);
  for (guint i = 0; i < ids->len; i++)
    update_asset (self, g_ptr_array_index (ids, i));

  self->dirty = TRUE;
  g_signal_emit (self, signals[REPORT_CHANGED], 0);
}

/* Aggregation: from the counters to a report. */

static void
fill_figures (const guint64   *covered,
              const guint64   *partial,
              const guint64   *applicable,
              const guint64   *restrict_to,
              const guint64   *extra,
              guint            words,
              BwReportFigures *f)
{
  f->applicable = f->covered = f->partial = 0;
  for (guint w = 0; w < words; w++)
    {
      guint64 mask = restrict_to[w] & (extra ? extra[w] : ~G_GUINT64_CONSTANT (0));

      f->applicable += __builtin_popcountll (applicable[w] & mask);
      f->covered += __builtin_popcountll (covered[w] & mask);
      f->partial += __builtin_popcountll (partial[w] & mask);
    }
  f->gap = f->applicable - f->covered - f->partial;
  f->ratio = f->applicable ? (f->covered + 0.5 * f->partial) / f->applicable : 0;
}

static void
fill_tables (BwEngine        *self,
             const guint64   *covered,
             const guint64   *partial,
             const guint64   *applicable,
             const guint64   *profile,
             double           threshold,
             BwReportFigures *summary,
             BwReportFigures *tactics,
             BwReportFigures *phases,
             gboolean        *phase_gap)
{
  fill_figures (covered, partial, applicable, self->all_bits, profile, self->words, summary);
  for (guint i = 0; i < bw_catalog_get_n_tactics (self->catalog); i++)
    fill_figures (covered, partial, applicable, self->tactic_bits[i], profile, self->words,
                  &tactics[i]);
  for (guint i = 0; i < bw_catalog_get_n_phases (self->catalog); i++)
    {
      fill_figures (covered, partial, applicable, self->phase_bits[i], profile, self->words,
                    &phases[i]);
      phase_gap[i] = phases[i].applicable > 0 && phases[i].ratio < threshold;
    }
}

static BwReport *
build_report (BwEngine *self)
{
  BwCatalog *catalog = self->catalog;
  BwDocument *doc = self->document;
  guint W = self->words;
  BwReport *report = bw_report_new (bw_catalog_get_n_tactics (catalog),
                                    bw_catalog_get_n_phases (catalog), self->n_techniques);
  g_autofree guint64 *applicable = bits_new (self);
  g_autofree guint64 *covered = bits_new (self);
  g_autofree guint64 *partial = bits_new (self);
  g_autofree guint64 *min_ge = g_new0 (guint64, 9 * W); /* min cell(c) ≥ level */
  g_autoptr(GPtrArray) asset_ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) unknown = g_ptr_array_new ();
  g_autoptr(GPtrArray) unknown_groups = g_ptr_array_new ();
  double threshold = doc ? bw_document_get_gap_threshold (doc) : 0.25;

  report->attack_version = g_strdup (bw_catalog_get_attack_version (catalog));
  report->gap_threshold = threshold;

  for (guint w = 0; w < W; w++)
    {
      guint64 app = counter_nonzero_word (&self->counters[C_APP], w, W);
      guint64 all2 = counter_equal_word (&self->counters[C_BEST2], &self->counters[C_APP], w, W);
      guint64 any1 = counter_nonzero_word (&self->counters[C_BEST1], w, W);

      applicable[w] = app;
      covered[w] = app & all2;
      partial[w] = app & ~all2 & any1;
      for (guint k = 0; k < 9; k++)
        min_ge[k * W + w] = app & counter_equal_word (&self->counters[3 + k], &self->counters[C_APP], w, W);
    }

  for (guint t = 0; t < self->n_techniques; t++)
    {
      BwReportTechnique *rt = &report->techniques[t];
      guint64 bit = G_GUINT64_CONSTANT (1) << (t % 64);
      guint w = t / 64;

      if (!(applicable[w] & bit))
        {
          rt->status = BW_STATUS_NOT_APPLICABLE;
          continue;
        }
      rt->status = (covered[w] & bit) ? BW_STATUS_COVERED
                   : (partial[w] & bit) ? BW_STATUS_PARTIAL
                                        : BW_STATUS_GAP;
      for (guint c = 0; c < 3; c++)
        {
          BwScore score = BW_SCORE_NONE;

          for (guint level = 1; level <= 3; level++)
            if (min_ge[(3 * c + level - 1) * W + w] & bit)
              score = level;
          if (c == BW_CATEGORY_PROTECT)
            rt->protect = score;
          else if (c == BW_CATEGORY_DETECT)
            rt->detect = score;
          else
            rt->respond = score;
        }
      rt->applicable_assets = counter_get (&self->counters[C_APP], t, W);
      rt->covered_assets = counter_get (&self->counters[C_BEST2], t, W);
      rt->partial_assets = counter_get (&self->counters[C_BEST1], t, W) - rt->covered_assets;
    }

  fill_tables (self, covered, partial, applicable, NULL, threshold, &report->summary,
               report->tactics, report->phases, report->phase_gap);

  /* Per asset, in document order; the node counts. */
  if (doc != NULL)
    {
      report->assets = g_new0 (BwReportAsset, bw_document_get_n_nodes (doc) + 1);
      for (guint i = 0; i < bw_document_get_n_nodes (doc); i++)
        {
          const BwNode *node = bw_document_get_node (doc, i);
          const BwStencil *s = node_stencil (self, node);
          AssetState *state;
          BwReportAsset *a;

          if (s == NULL)
            {
              g_ptr_array_add (unknown, node->id);
              continue;
            }
          if (s->role == BW_ROLE_SERVICE)
            report->n_service_nodes++;
          if (s->role != BW_ROLE_ASSET)
            continue;
          report->n_asset_nodes++;
          state = g_hash_table_lookup (self->assets, node->id);
          a = &report->assets[report->n_assets++];
          g_ptr_array_add (asset_ids, node->id);
          a->applicable = state->applicable;
          a->covered = state->covered;
          a->partial = state->partial;
          a->gap = a->applicable - a->covered - a->partial;
        }
      g_ptr_array_add (asset_ids, NULL);
      g_strfreev (report->asset_ids);
      report->asset_ids = g_strdupv ((char **) asset_ids->pdata);
      for (guint i = 0; i < report->n_assets; i++)
        report->assets[i].id = report->asset_ids[i];

      /* Rule 9: the techniques the named groups use. */
      {
        const char *const *groups = bw_document_get_threat_groups (doc);
        gboolean any = FALSE;

        for (guint i = 0; groups[i] != NULL; i++)
          {
            const BwGroup *g = bw_catalog_lookup_group (catalog, groups[i]);

            if (g == NULL)
              {
                g_ptr_array_add (unknown_groups, (gpointer) groups[i]);
                continue;
              }
            any = TRUE;
            for (guint k = 0; k < g->n_techniques; k++)
              bits_set (report->profile, g->techniques[k]);
          }
        /* A focus imported from a Navigator layer joins the groups' techniques. */
        for (const char *const *t = bw_document_get_threat_techniques (doc); *t != NULL; t++)
          {
            const BwTechnique *technique = bw_catalog_resolve_technique (catalog, *t);

            if (technique != NULL)
              {
                bits_set (report->profile, technique->index);
                any = TRUE;
              }
          }
        report->has_profile = any;
        if (any)
          fill_tables (self, covered, partial, applicable, report->profile, threshold,
                       &report->profile_summary, report->profile_tactics, report->profile_phases,
                       report->profile_phase_gap);
      }
    }
  g_ptr_array_add (unknown, NULL);
  g_ptr_array_add (unknown_groups, NULL);
  g_strfreev (report->unknown_nodes);
  g_strfreev (report->unknown_groups);
  report->unknown_nodes = g_strdupv ((char **) unknown->pdata);
  report->unknown_groups = g_strdupv ((char **) unknown_groups->pdata);
  return report;
}

/* Public API */

BwReport *
bw_engine_get_report (BwEngine *self)
{
  g_return_val_if_fail (BW_IS_ENGINE (self), NULL);

  if (self->dirty || self->report == NULL)
    {
      g_clear_pointer (&self->report, bw_report_unref);
      self->report = build_report (self);
      self->dirty = FALSE;
    }
  return self->report;
}

void
bw_engine_set_document (BwEngine   *self,
                        BwDocument *document)
{
  g_return_if_fail (BW_IS_ENGINE (self));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, document_changed_cb, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self,
                             G_CONNECT_SWAPPED);
  recompute_all (self);
  g_signal_emit (self, signals[REPORT_CHANGED], 0);
}

BwReport *
bw_engine_compute (BwCatalog  *catalog,
                   BwDocument *document)
{
  g_autoptr(BwEngine) engine = bw_engine_new (catalog);

  engine->document = g_object_ref (document);
  recompute_all (engine);
  return bw_report_ref (bw_engine_get_report (engine));
}

BwCatalog *
bw_engine_get_catalog (BwEngine *self)
{
  return self->catalog;
}

GPtrArray *
bw_engine_get_covering (BwEngine   *self,
                        const char *asset_id)
{
  const BwNode *node = self->document ? bw_document_lookup_node (self->document, asset_id) : NULL;
  g_autoptr(GPtrArray) services = NULL;
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  if (node == NULL || node_stencil (self, node) == NULL ||
      node_stencil (self, node)->role != BW_ROLE_ASSET)
    return ids;
  services = covering_services (self, node);
  for (guint i = 0; i < bw_document_get_n_nodes (self->document); i++)
    {
      const BwNode *n = bw_document_get_node (self->document, i);

      if (g_ptr_array_find (services, n, NULL))
        g_ptr_array_add (ids, g_strdup (n->id));
    }
  return ids;
}

void
bw_engine_explain_technique (BwEngine   *self,
                             guint       technique,
                             GHashTable *services,
                             GHashTable *gap_assets)
{
  GHashTableIter iter;
  const char *id;
  AssetState *state;
  guint64 bit = G_GUINT64_CONSTANT (1) << (technique % 64);
  guint w = technique / 64;

  g_return_if_fail (technique < self->n_techniques);

  g_hash_table_iter_init (&iter, self->assets);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, (gpointer *) &state))
    {
      const BwNode *node;
      g_autoptr(GPtrArray) covering = NULL;

      if (!(state->bits[C_APP][w] & bit))
        continue;
      if (!(state->bits[C_BEST1][w] & bit))
        {
          g_hash_table_add (gap_assets, g_strdup (id));
          continue;
        }
      node = bw_document_lookup_node (self->document, id);
      covering = covering_services (self, node);
      for (guint i = 0; i < covering->len; i++)
        {
          const BwNode *s = g_ptr_array_index (covering, i);
          guint64 *caps = bw_engine_service_caps (self, s);

          /* Protect or detect at any level: bitsets 0 (protect ≥ 1) and 3 (detect ≥ 1). */
          if ((caps[0 * self->words + w] | caps[3 * self->words + w]) & bit)
            g_hash_table_add (services, g_strdup (s->id));
        }
    }
}

static void
bw_engine_dispose (GObject *object)
{
  BwEngine *self = BW_ENGINE (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, document_changed_cb, self);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (bw_engine_parent_class)->dispose (object);
}

static void
bw_engine_finalize (GObject *object)
{
  BwEngine *self = BW_ENGINE (object);
  guint n_tactics = bw_catalog_get_n_tactics (self->catalog);
  guint n_phases = bw_catalog_get_n_phases (self->catalog);

  g_clear_pointer (&self->report, bw_report_unref);
  reset_document_state (self);
  g_hash_table_unref (self->assets);
  g_hash_table_unref (self->service_caps);
  g_hash_table_unref (self->reach);
  g_hash_table_unref (self->protects_into);
  g_hash_table_unref (self->telemetry_out);
  g_hash_table_unref (self->zone_covers);
  g_hash_table_unref (self->kind_platforms);
  g_ptr_array_unref (self->no_reach);
  g_free (self->scratch);
  g_hash_table_unref (self->platform_bits);
  for (guint i = 0; i < n_tactics; i++)
    g_free (self->tactic_bits[i]);
  for (guint i = 0; i < n_phases; i++)
    g_free (self->phase_bits[i]);
  g_free (self->tactic_bits);
  g_free (self->phase_bits);
  g_free (self->all_bits);
  g_free (self->licence);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (bw_engine_parent_class)->finalize (object);
}

static void
bw_engine_class_init (BwEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bw_engine_dispose;
  object_class->finalize = bw_engine_finalize;

  signals[REPORT_CHANGED] = g_signal_new ("report-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bw_engine_init (BwEngine *self)
{
  self->assets = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify) asset_state_free);
  self->service_caps = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->reach = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify) g_ptr_array_unref);
  self->protects_into = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_ptr_array_unref);
  self->telemetry_out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_ptr_array_unref);
  self->zone_covers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_hash_table_unref);
  self->kind_platforms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->no_reach = g_ptr_array_new ();
  self->dirty = TRUE;
}

BwEngine *
bw_engine_new (BwCatalog *catalog)
{
  BwEngine *self = g_object_new (BW_TYPE_ENGINE, NULL);

  self->catalog = g_object_ref (catalog);
  build_catalog_tables (self);
  self->scratch = g_new0 (guint64, 9 * self->words);
  return self;
}
