/* bw-engine-rules.c: rules 1–3 of DESIGN §4 for one asset (rule 10: bw-engine-delivery.c) —
 * the services whose protects edges reach it or a zone it lies in, the SIEMs its telemetry or
 * theirs reaches through collectors, the techniques its platforms admit — as bitsets, and the
 * asset's share of the counters. */
#include "config.h"

#include <string.h>

#include "bw-engine-private.h"

/* Counters */

/* Where the processor has them, popcount as one instruction and the word loops on 256-bit
 * vectors: x86-64's baseline has neither. Chosen once, at load. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && defined(__ELF__)
#define BW_POPCNT_CLONES __attribute__ ((target_clones ("popcnt", "default")))
#define BW_VECTOR_CLONES __attribute__ ((target_clones ("avx2", "default")))
#else
#define BW_POPCNT_CLONES
#define BW_VECTOR_CLONES
#endif

/* One more plane for counter c, cleared. */
static void
counter_grow (BwEngineCounter *c,
              guint            words)
{
  c->planes = g_realloc_n (c->planes, (gsize) (c->n_planes + 1) * words, sizeof (guint64));
  memset (c->planes + (gsize) c->n_planes * words, 0, words * sizeof (guint64));
  c->n_planes++;
}

/* Adds (or subtracts) x to counter c. */
static void
counter_add (BwEngineCounter *c,
             const guint64   *x,
             guint            words,
             gboolean         subtract)
{
  for (guint w = 0; w < words; w++)
    {
      guint64 carry = x[w];

      for (guint p = 0; carry != 0; p++)
        {
          guint64 *plane;

          /* A count needing one more bit grows every word of the counter by a plane. */
          if (p == c->n_planes)
            counter_grow (c, words);
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

/* Adds to counter c the count of n_x planes at x (plane p at x + p · stride, worth 2^p): a
 * ripple-carry adder over all the words at once, stopping once nothing carries. */
BW_VECTOR_CLONES static void
counter_add_planes (BwEngineCounter *c,
                    const guint64   *x,
                    gsize            stride,
                    guint            n_x,
                    guint            words,
                    guint64         *restrict carry)
{
  gboolean carries = FALSE;
  guint p;

  while (c->n_planes < n_x)
    counter_grow (c, words);
  memset (carry, 0, words * sizeof (guint64));
  for (p = 0; p < c->n_planes && (p < n_x || carries); p++)
    {
      guint64 *restrict plane = c->planes + (gsize) p * words;
      guint64 live = 0;

      if (p < n_x)
        for (guint w = 0; w < words; w++)
          {
            guint64 a = x[p * stride + w];
            guint64 was = plane[w];

            plane[w] = was ^ a ^ carry[w];
            carry[w] = (was & a) | (carry[w] & (was ^ a));
            live |= carry[w];
          }
      else
        for (guint w = 0; w < words; w++)
          {
            guint64 next = plane[w] & carry[w];

            plane[w] ^= carry[w];
            carry[w] = next;
            live |= next;
          }
      carries = live != 0;
    }
  if (carries)
    {
      /* A count needs one more bit. */
      counter_grow (c, words);
      memcpy (c->planes + (gsize) p * words, carry, words * sizeof (guint64));
    }
}

/* The medium counters into the engine's. */
static void
flush_medium (BwEngine *self)
{
  guint W = self->words;
  gsize n = (gsize) N_COUNTERS * W;
  guint64 *medium = self->batch + n * SMALL_PLANES;
  guint64 *carry = medium + n * MEDIUM_PLANES;

  /* Plane p is worth 2^p. */
  for (guint c = 0; c < N_COUNTERS; c++)
    counter_add_planes (&self->counters[c], medium + (gsize) c * W, n, MEDIUM_PLANES, W, carry);
  memset (medium, 0, n * MEDIUM_PLANES * sizeof (guint64));
}

/* The small counters into the medium ones: a ripple-carry adder, plane by plane over all the
 * words at once. */
BW_VECTOR_CLONES static void
flush_small (BwEngine *self)
{
  gsize n = (gsize) N_COUNTERS * self->words;
  const guint64 *restrict small = self->batch;
  guint64 *restrict medium = self->batch + n * SMALL_PLANES;
  guint64 *restrict carry = medium + n * MEDIUM_PLANES;

  memset (carry, 0, n * sizeof (guint64));
  for (guint p = 0; p < MEDIUM_PLANES; p++)
    {
      guint64 *restrict m = medium + p * n;

      if (p < SMALL_PLANES)
        for (gsize i = 0; i < n; i++)
          {
            guint64 a = small[p * n + i];
            guint64 was = m[i];
            guint64 c = carry[i];

            m[i] = was ^ a ^ c;
            carry[i] = (was & a) | (c & (was ^ a));
          }
      else
        for (gsize i = 0; i < n; i++)
          {
            guint64 c = m[i] & carry[i];

            m[i] ^= carry[i];
            carry[i] = c;
          }
    }
  memset (self->batch, 0, n * SMALL_PLANES * sizeof (guint64));
}

void
bw_engine_flush_batch (BwEngine *self)
{
  if (self->batch == NULL)
    return;
  flush_small (self);
  flush_medium (self);
  self->n_batched = 0;
}

/* An asset's bitsets into the small counters: a ripple through their four planes, no more. The
 * bitsets lie in one block, as each plane of the small counters does: one pass over all. */
BW_VECTOR_CLONES static void
batch_add (BwEngine      *self,
           BwEngineAsset *state)
{
  gsize n = (gsize) N_COUNTERS * self->words;
  const guint64 *restrict x = state->bits[0];
  guint64 *restrict b0 = self->batch;
  guint64 *restrict b1 = b0 + n;
  guint64 *restrict b2 = b1 + n;
  guint64 *restrict b3 = b2 + n;

  G_STATIC_ASSERT (SMALL_PLANES == 4);
  for (gsize i = 0; i < n; i++)
    {
      guint64 c0 = b0[i] & x[i];
      guint64 c1 = b1[i] & c0;
      guint64 c2 = b2[i] & c1;

      b0[i] ^= x[i];
      b1[i] ^= c0;
      b2[i] ^= c1;
      b3[i] ^= c2;
    }
  self->n_batched++;
  if (self->n_batched % SMALL_MAX == 0)
    flush_small (self);
  if (self->n_batched == MEDIUM_MAX)
    {
      flush_medium (self);
      self->n_batched = 0;
    }
}

void
bw_engine_invalidate_edges (BwEngine *self)
{
  self->edges_indexed = FALSE;
  g_hash_table_remove_all (self->reach);
  bw_engine_forget_zone_covers (self, NULL);
}

/* caps(s) as 9 bitsets: cell ≥ level for each category; then the same on the delivery
 * techniques alone, compact (rule 10 needs no more). */
guint64 *
bw_engine_service_caps (BwEngine     *self,
                        const BwNode *node)
{
  guint64 *caps = bw_engine_slots_get (&self->service_caps, node->serial);
  const BwStencil *stencil;

  if (caps != NULL)
    return caps;

  caps = g_new0 (guint64, 9 * (self->words + self->delivery_words));
  stencil = engine_node_stencil (self, node);
  for (guint i = 0; stencil != NULL && stencil->capabilities[i] != NULL; i++)
    {
      const BwCapability *cap =
          bw_catalog_lookup_capability (self->catalog, stencil->capabilities[i]);

      if (cap == NULL || !bw_node_get_capability_enabled (node, cap->id) ||
          !bw_licence_admits_tier (self->licence,
                                   bw_document_get_capability_tier (self->document, cap->id,
                                                                    cap->tier)))
        continue;
      for (guint k = 0; k < cap->n_entries; k++)
        {
          const BwMapping *m = &cap->entries[k];

          for (guint level = 1; level <= (guint) m->score; level++)
            bits_set (caps + (gsize) (3 * m->category + level - 1) * self->words, m->technique);
        }
    }
  bw_engine_project_delivery (self, caps, caps + 9 * self->words);
  bw_engine_slots_set (&self->service_caps, node->serial, caps);
  return caps;
}

static gboolean
is_collector_node (BwEngine     *self,
                   const BwNode *node)
{
  const BwStencil *s = engine_node_stencil (self, node);

  return s != NULL && s->role == BW_ROLE_COLLECTOR;
}

static gboolean
is_collector (BwEngine   *self,
              const char *id)
{
  return is_collector_node (self, bw_document_lookup_node (self->document, id));
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
      const BwEngineNodeList *out = engine_links (self, ids[i], BW_LINK_TELEMETRY_OUT);

      for (guint k = 0; out != NULL && k < out->len && single; k++)
        {
          const BwNode *node = out->nodes[k];
          const char *to = node->id;
          GPtrArray *known;

          if (is_siem (engine_node_stencil (self, node)))
            single = FALSE;
          else if ((known = g_hash_table_lookup (self->reach, to)) != NULL && known->len > 0 &&
                   is_collector_node (self, node))
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
      const BwEngineNodeList *out = engine_links (self, ids[i], BW_LINK_TELEMETRY_OUT);

      for (guint k = 0; out != NULL && k < out->len; k++)
        {
          const BwNode *node = out->nodes[k];
          const char *to = node->id;
          GPtrArray *known;

          if (is_siem (engine_node_stencil (self, node)))
            {
              if (g_hash_table_add (seen, (gpointer) to))
                g_ptr_array_add (result, (gpointer) to);
            }
          else if ((known = g_hash_table_lookup (self->reach, to)) != NULL &&
                   is_collector_node (self, node))
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
  const BwEngineNodeList *out; /* its telemetry targets, or NULL */
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
  Visit v = { id, engine_links (self, id, BW_LINK_TELEMETRY_OUT), 0, i, TRUE };

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
          const BwNode *node = vv->out->nodes[vv->next++];
          const char *to = node->id;
          guint w;

          if (!is_collector_node (self, node) || g_hash_table_contains (self->reach, to))
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
          Visit *parent =
              &g_array_index (visits, Visit, g_array_index (calls, guint, calls->len - 1));

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
            g_hash_table_insert (self->reach, g_ptr_array_index (members, i),
                                 g_ptr_array_ref (answer));
          g_ptr_array_unref (answer);
        }
    }
}

/* reach(x) of rule 2, as far as the rule uses it: the SIEMs reached from x along telemetry
 * edges, passing on only through collectors. Memoised per node until telemetry changes. */
GPtrArray *
bw_engine_reach (BwEngine   *self,
                 const char *start)
{
  GPtrArray *result = g_hash_table_lookup (self->reach, start);
  const BwEngineNodeList *out;

  if (result != NULL)
    return result;

  bw_engine_ensure_edge_index (self);
  /* Most nodes send no telemetry: share one empty answer instead of searching. */
  if ((out = engine_links (self, start, BW_LINK_TELEMETRY_OUT)) == NULL)
    return self->no_reach;

  if (is_collector (self, start))
    resolve_collectors (self, start);
  else
    {
      for (guint i = 0; i < out->len; i++)
        {
          const BwNode *node = out->nodes[i];

          if (is_collector_node (self, node) && !g_hash_table_contains (self->reach, node->id))
            resolve_collectors (self, node->id);
        }
      g_hash_table_insert (self->reach, (gpointer) start, merge_reach (self, &start, 1));
    }
  return g_hash_table_lookup (self->reach, start);
}

void
bw_engine_rule1_services (BwEngine     *self,
                          const BwNode *asset,
                          GPtrArray    *out,
                          GHashTable   *seen)
{
  BwDocument *doc = self->document;
  const char *target = asset->id;
  const BwZone *zone = bw_document_lookup_zone (doc, asset->zone);
  guint depth = 0;

  bw_engine_ensure_edge_index (self);
  /* Protects edges into the asset and into every zone it lies in. */
  while (target != NULL && depth++ <= bw_document_get_n_zones (doc) + 1)
    {
      const BwEngineNodeList *sources = engine_links (self, target, BW_LINK_PROTECTS_INTO);

      for (guint i = 0; sources != NULL && i < sources->len; i++)
        {
          const BwNode *s = sources->nodes[i];
          const BwStencil *st = engine_node_stencil (self, s);

          if (st == NULL || st->role != BW_ROLE_SERVICE || st->siem ||
              !bw_stencil_admits (st, asset->kind) || g_hash_table_contains (seen, s->id))
            continue;
          g_hash_table_add (seen, s->id);
          g_ptr_array_add (out, (gpointer) s);
        }
      target = zone ? zone->id : NULL;
      zone = zone ? bw_document_lookup_zone (doc, zone->parent) : NULL;
    }
}

/* Rule 1 and 2: the service nodes covering `asset`, each once. */
GPtrArray *
bw_engine_covering_services (BwEngine     *self,
                             const BwNode *asset)
{
  BwDocument *doc = self->document;
  GPtrArray *services = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_direct;

  bw_engine_rule1_services (self, asset, services, seen);

  /* SIEMs reached from the asset, or from a service covering it, through collectors. */
  n_direct = services->len;
  for (guint i = 0; i <= n_direct; i++)
    {
      const char *from = i == n_direct ? asset->id
                                       : ((const BwNode *) g_ptr_array_index (services, i))->id;
      GPtrArray *reached = bw_engine_reach (self, from);

      for (guint k = 0; k < reached->len; k++)
        {
          const char *id = g_ptr_array_index (reached, k);
          const BwNode *siem = bw_document_lookup_node (doc, id);
          const BwStencil *st = engine_node_stencil (self, siem);

          if (!is_siem (st) || g_hash_table_contains (seen, id) ||
              !bw_stencil_admits (st, asset->kind))
            continue;
          g_hash_table_add (seen, (gpointer) id);
          g_ptr_array_add (services, (gpointer) siem);
        }
    }
  return services;
}

static void
platforms_bits (BwEngine        *self,
                const BwNode    *asset,
                const BwStencil *stencil,
                guint64         *out)
{
  /* Most assets have no properties: no string lookup for them. */
  JsonNode *override = json_object_get_size (asset->props) > 0
                           ? json_object_get_member (asset->props, "platforms")
                           : NULL;

  if (override == NULL || !JSON_NODE_HOLDS_ARRAY (override))
    {
      /* The stencil's platforms: the same for every asset of a kind, so computed once. */
      guint64 *cached = self->kind_platforms[stencil->index];

      if (cached == NULL)
        {
          cached = self->kind_platforms[stencil->index] = bits_new (self);
          for (guint i = 0; stencil->platforms[i] != NULL; i++)
            {
              guint64 *bits = g_hash_table_lookup (self->platform_bits, stencil->platforms[i]);

              if (bits != NULL)
                bits_or (cached, bits, self->words);
            }
        }
      memcpy (out, cached, self->words * sizeof (guint64));
      return;
    }

  memset (out, 0, self->words * sizeof (guint64));
  for (guint i = 0; i < json_array_get_length (json_node_get_array (override)); i++)
    {
      const char *platform = json_array_get_string_element (json_node_get_array (override), i);
      guint64 *bits = platform ? g_hash_table_lookup (self->platform_bits, platform) : NULL;

      if (bits != NULL)
        bits_or (out, bits, self->words);
    }
}

/* ORs into `caps` what the resolved sources give an asset of stencil `kind` (rules 1 and 2).
 * Covering twice changes nothing, so no deduplication is needed. */
BW_VECTOR_CLONES static void
or_sources (BwEngine        *self,
            GArray          *sources,
            const BwStencil *kind,
            guint64         *caps)
{
  for (guint i = 0; i < sources->len; i++)
    {
      const BwEngineSource *src = &g_array_index (sources, BwEngineSource, i);

      if (engine_admits (self, src->service, kind) &&
          (src->siem == NULL || engine_admits (self, src->siem, kind)))
        bits_or (caps, src->caps, 9 * self->words);
    }
}

/* What the protects edges into `zone` and into every zone around it give an asset of `kind`.
 * Cached per zone and kind, each zone's answer built on its parent's: every asset inside a
 * zone asks the same question, and an asset deep in nested zones costs one lookup rather than
 * a walk of every zone around it (which made a chain of n zones cost n²). The cache goes
 * whenever a protects edge or a zone's parent changes. The answers are reference-counted
 * boxes, so that a zone adding nothing shares its parent's. */
/* The key of zone `zone`'s cover for assets of `kind` in the zone_covers table. */
static inline gpointer
zone_cover_key (BwEngine        *self,
                const BwZone    *zone,
                const BwStencil *kind)
{
  return GSIZE_TO_POINTER ((gsize) zone->serial * self->n_stencils + kind->index + 1);
}

static const guint64 *
zone_chain_cover (BwEngine        *self,
                  const char      *zone_id,
                  const BwStencil *kind)
{
  BwDocument *doc = self->document;
  GPtrArray *trail = self->scratch_trail;
  guint n_zones = bw_document_get_n_zones (doc);
  gsize size = 9 * self->words * sizeof (guint64);
  const guint64 *above = NULL;

  /* Up to the first zone answered already (most often the asset's own); the bound guards
   * against a parent cycle. */
  g_ptr_array_set_size (trail, 0);
  for (const BwZone *z = bw_document_lookup_zone (doc, zone_id);
       z != NULL && trail->len <= n_zones; z = bw_document_lookup_zone (doc, z->parent))
    {
      if ((above = g_hash_table_lookup (self->zone_covers, zone_cover_key (self, z, kind))) !=
          NULL)
        break;
      g_ptr_array_add (trail, (gpointer) z);
    }
  /* Then down again, each zone adding its own services to what lies around it. */
  for (guint i = trail->len; i-- > 0;)
    {
      const BwZone *z = g_ptr_array_index (trail, i);
      GArray *own = bw_engine_zone_sources (self, z);
      guint64 *caps;

      /* Most zones add nothing of their own: they share the answer around them. */
      if (own->len == 0 && above != NULL)
        caps = g_rc_box_acquire ((gpointer) above);
      else
        {
          caps = g_rc_box_alloc0 (size);
          if (above != NULL)
            memcpy (caps, above, size);
          or_sources (self, own, kind, caps);
        }
      g_hash_table_insert (self->zone_covers, zone_cover_key (self, z, kind), caps);
      above = caps;
    }
  return above;
}

/* Fills an asset's bitsets from rules 1 to 3 and 10, each cell restricted to applicable
 * techniques. */
BW_VECTOR_CLONES static void
cover_asset (BwEngine        *self,
             const BwNode    *node,
             const BwStencil *kind,
             BwEngineAsset   *state)
{
  guint W = self->words;
  guint64 *app = state->bits[C_APP];
  guint64 *cells = state->bits[3];
  const guint64 *cover;
  const BwEngineNodeList *telemetry;
  const BwEngineNodeList *protects;
  const BwEngineLinks *links;

  bw_engine_ensure_edge_index (self);
  /* All the edges at the asset, by its serial. */
  links = engine_links_at (self, node->serial);
  platforms_bits (self, node, kind, app);
  /* The bitsets lie in one block: the nine cells follow applicable, best ≥ 1 and best ≥ 2. */
  memset (state->bits[1], 0, (N_COUNTERS - 1) * W * sizeof (guint64));

  /* Rule 1: protects edges into the asset, then into each zone it lies in. */
  protects = links_get (links, BW_LINK_PROTECTS_INTO);
  for (guint i = 0; protects != NULL && i < protects->len; i++)
    or_sources (self, bw_engine_service_sources (self, protects->nodes[i]), kind, cells);
  if ((cover = zone_chain_cover (self, node->zone, kind)) != NULL)
    bits_or (cells, cover, 9 * W);

  /* Rule 2: SIEMs the asset's own telemetry reaches: those it sends to, and those the
   * collectors it sends to reach (reach(a), without keeping it: each asset asks once). Covering
   * twice changes nothing. */
  telemetry = links_get (links, BW_LINK_TELEMETRY_OUT);
  for (guint i = 0; telemetry != NULL && i < telemetry->len; i++)
    {
      const BwNode *to = telemetry->nodes[i];
      const BwStencil *st = engine_node_stencil (self, to);
      GPtrArray *reached;

      if (is_siem (st))
        {
          if (engine_admits (self, st, kind))
            bits_or (cells, bw_engine_service_caps (self, to), 9 * W);
          continue;
        }
      if (st == NULL || st->role != BW_ROLE_COLLECTOR)
        continue;
      reached = bw_engine_reach (self, to->id);
      for (guint k = 0; k < reached->len; k++)
        {
          const BwNode *siem =
              bw_document_lookup_node (self->document, g_ptr_array_index (reached, k));
          const BwStencil *sst = engine_node_stencil (self, siem);

          if (is_siem (sst) && engine_admits (self, sst, kind))
            bits_or (cells, bw_engine_service_caps (self, siem), 9 * W);
        }
    }
  bw_engine_cover_by_delivery (self, links_get (links, BW_LINK_FLOW_INTO), state->bits + 3);
  for (guint w = 0; w < W; w++)
    {
      for (guint k = 0; k < 9; k++)
        state->bits[3 + k][w] &= app[w];
      /* best = max (protect, detect): respond does not count. */
      state->bits[C_BEST1][w] = state->bits[C_CELL (0, 1)][w] | state->bits[C_CELL (1, 1)][w];
      state->bits[C_BEST2][w] = state->bits[C_CELL (0, 2)][w] | state->bits[C_CELL (1, 2)][w];
    }
}

BW_POPCNT_CLONES static void
count_figures (BwEngineAsset *state,
               guint          words)
{
  guint app = 0, best1 = 0, best2 = 0;

  for (guint w = 0; w < words; w++)
    {
      app += __builtin_popcountll (state->bits[C_APP][w]);
      best1 += __builtin_popcountll (state->bits[C_BEST1][w]);
      best2 += __builtin_popcountll (state->bits[C_BEST2][w]);
    }
  state->applicable = app;
  state->covered = best2;
  state->partial = best1 - best2;
}

/* The asset's share of the counters, from its state's bitsets. */
static void
count_asset (BwEngine      *self,
             BwEngineAsset *state)
{
  guint W = self->words;

  if (self->batch != NULL)
    batch_add (self, state);
  else
    for (guint c = 0; c < N_COUNTERS; c++)
      counter_add (&self->counters[c], state->bits[c], W, FALSE);
  count_figures (state, W);
  state->counted = TRUE;
  self->n_counted++;
  self->dirty = TRUE;
}

void
bw_engine_asset_free (BwEngineAsset *state)
{
  if (!state->in_slab)
    g_free (state);
}

static BwEngineAsset *
asset_state_new (BwEngine     *self,
                 const BwNode *node)
{
  gsize size = sizeof (BwEngineAsset) + (gsize) N_COUNTERS * self->words * sizeof (guint64);
  BwEngineAsset *state;

  if (self->slab_room > 0)
    {
      /* Blocks of at most SLAB_BLOCK states: one allocation for many, yet small enough that
       * the allocator keeps reusing them rather than mapping fresh pages each time. Not
       * cleared: a state's bits are all written by its cover (cover_asset). */
      if (self->block_left == 0)
        {
          self->block_left = MIN (self->slab_room, SLAB_BLOCK);
          self->block_next = g_malloc (self->block_left * size);
          g_ptr_array_add (self->state_blocks, self->block_next);
        }
      state = (BwEngineAsset *) self->block_next;
      self->block_next += size;
      self->block_left--;
      self->slab_room--;
      memset (state, 0, sizeof (BwEngineAsset));
      state->in_slab = TRUE;
    }
  else
    state = g_malloc0 (size);

  state->bits[0] = state->block;
  for (guint c = 1; c < N_COUNTERS; c++)
    state->bits[c] = state->bits[0] + (gsize) c * self->words;
  g_hash_table_insert (self->assets, node->id, state);
  return state;
}

/* During a full recompute, where no state exists yet. */
BwEngineAsset *
bw_engine_update_asset_node (BwEngine        *self,
                             const BwNode    *node,
                             const BwStencil *stencil)
{
  BwEngineAsset *state = asset_state_new (self, node);

  cover_asset (self, node, stencil, state);
  count_asset (self, state);
  return state;
}

void
bw_engine_update_asset (BwEngine   *self,
                        const char *id)
{
  const BwNode *node = bw_document_lookup_node (self->document, id);
  const BwStencil *stencil = engine_node_stencil (self, node);
  BwEngineAsset *state = g_hash_table_lookup (self->assets, id);
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
      self->order_valid = FALSE;
      self->dirty = TRUE;
      return;
    }
  if (state == NULL)
    {
      state = asset_state_new (self, node);
      self->order_valid = FALSE;
    }
  cover_asset (self, node, stencil, state);
  count_asset (self, state);
}
