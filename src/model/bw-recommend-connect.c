/* bw-recommend-connect.c: the recommendations that buy nothing — connecting a service node
 * already drawn to a zone or an asset it does not yet protect — and the rule that keeps every
 * step from adding a second service of a kind where one already guards the target.
 *
 * A protects edge X → T gives each asset a under T that X's stencil admits, by rule 1, the caps
 * of X as drawn (switched-off capabilities and the licence applied) and, by rule 2, those of
 * every SIEM in reach(X) whose applies_to admits a's kind. No asset loses anything, so, as in
 * bw-recommend-search.c, the ratio after the edge follows from the affected assets' patterns;
 * the caps an asset gains depend on its kind only (which SIEMs admit it), so they are worked
 * out once per kind. Targets are weighed in the order the engine-driven search took them:
 * service nodes in document order, for each the zones and then the assets in document order;
 * the first of equal gains wins. A node's targets are weighed only while the best so far is
 * below its ceiling, the most any connection of it could give: few nodes are weighed in full,
 * however many configurations an estate draws. */
#include "config.h"

#include <string.h>

#include "bw-recommend-private.h"

/* A zone is no target either when every asset in it that the stencil admits is guarded
 * already (Microsoft Antimalware on Azure when Defender for Servers guards its VNet): each
 * asset that is not marks its zone and the zones above, each zone once. */
static void
skip_zones_guarding_nothing_new (BwRecommendSearch *s,
                                 const BwStencil   *stencil,
                                 guint8            *zones,
                                 const guint8      *nodes)
{
  const guint8 *admits = bw_recommend_search_admits (s, stencil);
  g_autofree guint8 *useful = g_new0 (guint8, s->n_zones + 1);

  for (guint i = 0; i < s->n_nodes; i++)
    {
      guint at = s->node_zone[i];
      guint steps = 0;

      if (s->node_pattern[i] == BW_RECOMMEND_NONE || nodes[i] || !admits[s->node_kind[i]])
        continue;
      while (at != BW_RECOMMEND_NONE && at < s->n_zones && !useful[at] && steps++ <= s->n_zones)
        {
          useful[at] = 1;
          at = s->zone_parent[at];
        }
    }
  for (guint z = 0; z < s->n_zones; z++)
    zones[z] |= !useful[z];
}

void
bw_recommend_search_guarded (BwRecommendSearch *s,
                             const BwStencil   *stencil,
                             guint8            *zones,
                             guint8            *nodes)
{
  g_autofree guint8 *done = g_new0 (guint8, s->n_zones + 1);
  g_autofree guint8 *guarding = g_new0 (guint8, s->kinds->len + 1);
  g_autoptr(GArray) chain = g_array_new (FALSE, FALSE, sizeof (guint));

  memset (zones, 0, s->n_zones);
  memset (nodes, 0, s->n_nodes);
  /* The kinds whose services guard for it: asked once per kind, not per node. */
  for (guint k = 0; k < s->kinds->len; k++)
    {
      const BwStencil *st = g_ptr_array_index (s->kind_stencils, k);

      guarding[k] = st != NULL &&
                    (st == stencil ||
                     g_strv_contains ((const char *const *) st->includes, stencil->id));
    }
  for (guint i = 0; i < s->n_nodes; i++)
    {
      if (!guarding[s->node_kind[i]])
        continue;
      for (guint k = s->protects_start[i]; k < s->protects_start[i + 1]; k++)
        {
          guint to = s->protects_to[k];

          if (to >= s->n_nodes)
            zones[to - s->n_nodes] = 1;
          else
            nodes[to] = 1;
        }
    }
  /* A zone inside a guarded zone is guarded: each zone's chain is walked once. */
  for (guint z = 0; z < s->n_zones; z++)
    {
      guint at = z;
      guint8 value = 0;

      g_array_set_size (chain, 0);
      while (at != BW_RECOMMEND_NONE && !done[at] && chain->len <= s->n_zones)
        {
          g_array_append_val (chain, at);
          if (zones[at])
            break;
          at = s->zone_parent[at];
        }
      if (at != BW_RECOMMEND_NONE && at < s->n_zones)
        value = zones[at];
      for (guint k = 0; k < chain->len; k++)
        {
          guint c = g_array_index (chain, guint, k);

          zones[c] = value;
          done[c] = 1;
        }
    }
  for (guint i = 0; i < s->n_nodes; i++)
    if (s->node_zone[i] != BW_RECOMMEND_NONE && zones[s->node_zone[i]])
      nodes[i] = 1;
  skip_zones_guarding_nothing_new (s, stencil, zones, nodes);
}

/* What the search needs beyond its tables: telemetry edges forwards, the tables' own turned
 * round. */
typedef struct
{
  guint *out_start;  /* per node: offsets into out_to */
  guint *out_to;
} Forward;

static void
forward_init (Forward           *f,
              BwRecommendSearch *s)
{
  guint n_links = s->telemetry_start[s->n_nodes];
  g_autofree guint *fill = NULL;

  f->out_start = g_new0 (guint, s->n_nodes + 1);
  f->out_to = g_new (guint, n_links + 1);
  for (guint k = 0; k < n_links; k++)
    f->out_start[s->telemetry_from[k] + 1]++;
  for (guint i = 0; i < s->n_nodes; i++)
    f->out_start[i + 1] += f->out_start[i];
  fill = g_memdup2 (f->out_start, (s->n_nodes + 1) * sizeof (guint));
  for (guint to = 0; to < s->n_nodes; to++)
    for (guint k = s->telemetry_start[to]; k < s->telemetry_start[to + 1]; k++)
      f->out_to[fill[s->telemetry_from[k]]++] = to;
}

static void
forward_clear (Forward *f)
{
  g_free (f->out_start);
  g_free (f->out_to);
}

/* The SIEM nodes in reach(x) (rule 2: along telemetry edges, on through collectors only). */
static GArray *
reached_siems (BwRecommendSearch *s,
               Forward           *f,
               guint              x)
{
  GArray *siems = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) walk = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  g_array_append_val (walk, x);
  g_hash_table_add (seen, GUINT_TO_POINTER (x + 1));
  while (walk->len > 0)
    {
      guint c = g_array_index (walk, guint, walk->len - 1);

      g_array_set_size (walk, walk->len - 1);
      for (guint k = f->out_start[c]; k < f->out_start[c + 1]; k++)
        {
          guint to = f->out_to[k];
          const BwStencil *st = s->stencils[to];

          if (!g_hash_table_add (seen, GUINT_TO_POINTER (to + 1)) || st == NULL)
            continue;
          if (st->role == BW_ROLE_COLLECTOR)
            g_array_append_val (walk, to);
          else if (st->role == BW_ROLE_SERVICE && st->siem)
            g_array_append_val (siems, to);
        }
    }
  return siems;
}

/* One service node's connections: per kind id it admits, the caps an asset of that kind gains. */
typedef struct
{
  guint     n_kinds;
  guint64  *best1;   /* n_kinds × W */
  guint64  *best2;
  guint64  *own1;    /* W: the node's own, what it delivers along flows (rule 10) */
  guint64  *own2;
  guint8   *admits;  /* per kind id; borrowed */
} Gains;

static void
gains_init (Gains             *g,
            BwRecommendSearch *s,
            Forward           *f,
            guint              x)
{
  const BwStencil *stencil = s->stencils[x];
  guint W = s->words;
  g_autoptr(GArray) siems = reached_siems (s, f, x);
  guint64 *own1 = g_new (guint64, W);
  guint64 *own2 = g_new (guint64, W);
  g_autofree guint64 *siem1 = g_new (guint64, W);
  g_autofree guint64 *siem2 = g_new (guint64, W);

  g->n_kinds = s->kinds->len;
  g->admits = (guint8 *) bw_recommend_search_admits (s, stencil);
  g->best1 = g_new0 (guint64, (gsize) g->n_kinds * W + 1);
  g->best2 = g_new0 (guint64, (gsize) g->n_kinds * W + 1);
  bw_engine_get_service_best (s->engine, stencil, bw_document_get_node (s->doc, x), own1, own2);
  g->own1 = own1;
  g->own2 = own2;
  for (guint k = 0; k < g->n_kinds; k++)
    if (g->admits[k])
      {
        memcpy (g->best1 + (gsize) k * W, own1, W * sizeof (guint64));
        memcpy (g->best2 + (gsize) k * W, own2, W * sizeof (guint64));
      }
  for (guint i = 0; i < siems->len; i++)
    {
      guint siem = g_array_index (siems, guint, i);
      const guint8 *siem_admits = bw_recommend_search_admits (s, s->stencils[siem]);

      bw_engine_get_service_best (s->engine, s->stencils[siem],
                                  bw_document_get_node (s->doc, siem), siem1, siem2);
      for (guint k = 0; k < g->n_kinds; k++)
        if (g->admits[k] && siem_admits[k])
          for (guint w = 0; w < W; w++)
            {
              g->best1[(gsize) k * W + w] |= siem1[w];
              g->best2[(gsize) k * W + w] |= siem2[w];
            }
    }
}

static void
gains_clear (Gains *g)
{
  g_free (g->best1);
  g_free (g->best2);
  g_free (g->own1);
  g_free (g->own2);
}

/* The most connecting a service node could gain over all its targets: every asset of a kind it
 * admits gaining that kind's caps, and every other asset a flow edge reaches gaining the node's
 * own on the delivery techniques (rule 10). A target's assets are each counted once and gain
 * no more than that, and a technique's status only rises with what its assets gain, so no
 * target gives a higher ratio, to the bit: once the best so far is at least the ceiling, the
 * node's targets left offer nothing that would be kept. The counts behind it are per kind and
 * technique, so a ceiling costs what the catalog holds, not what the estate does. */
typedef struct
{
  gsize    row;      /* techniques per row: words × 64 */
  guint   *below1;   /* per kind and technique: its assets the ratio counts there below best 1 */
  guint   *below2;   /* ... below best 2 */
  guint64 *any1;     /* per kind and word: the techniques where below1 is not 0 */
  guint64 *any2;
  guint   *flowed1;  /* the same over the assets flow edges reach */
  guint   *flowed2;
  guint64 *flowed_any1;
  guint64 *flowed_any2;
  guint   *sum1;     /* scratch per technique */
  guint   *sum2;
  guint64 *touched;  /* scratch per word */
} Ceiling;

/* `count` assets of pattern `p` of kind `kind` into the rows. */
static void
ceiling_count (BwRecommendSearch *s,
               Ceiling           *c,
               gboolean           flowed,
               guint              kind,
               guint              p,
               guint              count)
{
  guint W = s->words;
  const guint64 *bits = bw_recommend_search_pattern (s, p);
  guint *below1 = (flowed ? c->flowed1 : c->below1) + kind * c->row;
  guint *below2 = (flowed ? c->flowed2 : c->below2) + kind * c->row;
  guint64 *any1 = (flowed ? c->flowed_any1 : c->any1) + (gsize) kind * W;
  guint64 *any2 = (flowed ? c->flowed_any2 : c->any2) + (gsize) kind * W;

  for (guint w = 0; w < W; w++)
    {
      guint64 live = bits[w] & s->mask[w];
      guint64 new1 = live & ~bits[W + w];
      guint64 new2 = live & ~bits[2 * W + w];

      any1[w] |= new1;
      any2[w] |= new2;
      for (; new1 != 0; new1 &= new1 - 1)
        below1[w * 64 + __builtin_ctzll (new1)] += count;
      for (; new2 != 0; new2 &= new2 - 1)
        below2[w * 64 + __builtin_ctzll (new2)] += count;
    }
}

/* The assets (those `which` marks, or all), counted by kind and pattern first: an estate has
 * far fewer of those than assets. */
static void
ceiling_count_nodes (BwRecommendSearch *s,
                     Ceiling           *c,
                     const guint8      *which)
{
  g_autoptr(GHashTable) index = g_hash_table_new_full (bw_pair_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (guint));
  guint last = BW_RECOMMEND_NONE;

  for (guint i = 0; i < s->n_nodes; i++)
    {
      gint64 pair = ((gint64) s->node_kind[i] << 32) | s->node_pattern[i];
      gpointer found;

      if (s->node_pattern[i] == BW_RECOMMEND_NONE || (which != NULL && !which[i]))
        continue;
      /* Estates come in runs of one kind and one pattern: try the last first. */
      if (last == BW_RECOMMEND_NONE || g_array_index (pairs, gint64, last) != pair)
        {
          if ((found = g_hash_table_lookup (index, &pair)) == NULL)
            {
              guint zero = 0;

              g_array_append_val (pairs, pair);
              g_array_append_val (counts, zero);
              found = GUINT_TO_POINTER (pairs->len);
              g_hash_table_insert (index, g_memdup2 (&pair, sizeof pair), found);
            }
          last = GPOINTER_TO_UINT (found) - 1;
        }
      g_array_index (counts, guint, last)++;
    }
  for (guint k = 0; k < pairs->len; k++)
    {
      gint64 pair = g_array_index (pairs, gint64, k);

      ceiling_count (s, c, which != NULL, (guint) (pair >> 32), (guint) (pair & G_MAXUINT32),
                     g_array_index (counts, guint, k));
    }
}

static void
ceiling_init (Ceiling           *c,
              BwRecommendSearch *s)
{
  gsize n_kinds = s->kinds->len;

  c->row = (gsize) s->words * 64;
  c->below1 = g_new0 (guint, n_kinds * c->row + 1);
  c->below2 = g_new0 (guint, n_kinds * c->row + 1);
  c->any1 = g_new0 (guint64, n_kinds * s->words + 1);
  c->any2 = g_new0 (guint64, n_kinds * s->words + 1);
  c->flowed1 = c->flowed2 = NULL;
  c->flowed_any1 = c->flowed_any2 = NULL;
  c->sum1 = g_new0 (guint, c->row + 1);
  c->sum2 = g_new0 (guint, c->row + 1);
  c->touched = g_new0 (guint64, s->words + 1);
  ceiling_count_nodes (s, c, NULL);
  if (s->delivery != NULL)
    {
      g_autofree guint8 *flowed = g_new0 (guint8, s->n_nodes + 1);

      for (guint k = 0; k < s->flow_start[s->n_nodes]; k++)
        flowed[s->flow_to[k]] = TRUE;
      c->flowed1 = g_new0 (guint, n_kinds * c->row + 1);
      c->flowed2 = g_new0 (guint, n_kinds * c->row + 1);
      c->flowed_any1 = g_new0 (guint64, n_kinds * s->words + 1);
      c->flowed_any2 = g_new0 (guint64, n_kinds * s->words + 1);
      ceiling_count_nodes (s, c, flowed);
    }
}

static void
ceiling_clear (Ceiling *c)
{
  g_free (c->below1);
  g_free (c->below2);
  g_free (c->any1);
  g_free (c->any2);
  g_free (c->flowed1);
  g_free (c->flowed2);
  g_free (c->flowed_any1);
  g_free (c->flowed_any2);
  g_free (c->sum1);
  g_free (c->sum2);
  g_free (c->touched);
}

/* One kind's rows, where `best1` / `best2` (masked by `only`, when not NULL) give the caps. */
static void
ceiling_add (BwRecommendSearch *s,
             Ceiling           *c,
             const guint       *below1,
             const guint       *below2,
             const guint64     *any1,
             const guint64     *any2,
             const guint64     *best1,
             const guint64     *best2,
             const guint64     *only)
{
  for (guint w = 0; w < s->words; w++)
    {
      guint64 in = only != NULL ? only[w] : G_MAXUINT64;
      guint64 new1 = any1[w] & best1[w] & in;
      guint64 new2 = any2[w] & best2[w] & in;

      c->touched[w] |= new1 | new2;
      for (; new1 != 0; new1 &= new1 - 1)
        {
          guint t = w * 64 + __builtin_ctzll (new1);

          c->sum1[t] += below1[t];
        }
      for (; new2 != 0; new2 &= new2 - 1)
        {
          guint t = w * 64 + __builtin_ctzll (new2);

          c->sum2[t] += below2[t];
        }
    }
}

/* The ceiling's gain for the node whose connections `g` holds, counted as
 * bw_recommend_search_gain_ratio counts, but with a technique covered once its count reaches
 * the applicable assets' (it never passes them), so that it can only be higher. */
static double
ceiling_gain (BwRecommendSearch *s,
              Ceiling           *c,
              Gains             *g,
              double             base)
{
  guint covered = s->covered, partial = s->partial, applicable = s->applicable;
  guint W = s->words;

  for (guint k = 0; k < g->n_kinds; k++)
    if (g->admits[k])
      ceiling_add (s, c, c->below1 + k * c->row, c->below2 + k * c->row, c->any1 + (gsize) k * W,
                   c->any2 + (gsize) k * W, g->best1 + (gsize) k * W, g->best2 + (gsize) k * W,
                   NULL);
    else if (c->flowed1 != NULL)
      ceiling_add (s, c, c->flowed1 + k * c->row, c->flowed2 + k * c->row,
                   c->flowed_any1 + (gsize) k * W, c->flowed_any2 + (gsize) k * W, g->own1,
                   g->own2, s->delivery);
  for (guint w = 0; w < W; w++)
    {
      for (guint64 any = c->touched[w]; any != 0; any &= any - 1)
        {
          guint t = w * 64 + __builtin_ctzll (any);
          gboolean was_covered = s->n_best2[t] == s->n_app[t];
          gboolean was_partial = !was_covered && s->n_best1[t] > 0;
          gboolean now_covered = s->n_best2[t] + c->sum2[t] >= s->n_app[t];
          gboolean now_partial = !now_covered && s->n_best1[t] + c->sum1[t] > 0;

          covered += now_covered - was_covered;
          partial += now_partial - was_partial;
          c->sum1[t] = c->sum2[t] = 0;
        }
      c->touched[w] = 0;
    }
  return (applicable ? (covered + 0.5 * partial) / applicable : 0) - base;
}

/* Whether no candidate of gain at most `ceiling` would be kept (bw_recommend_search_consider). */
static gboolean
beyond_reach (double                  ceiling,
              const BwRecommendation *best)
{
  return !(ceiling > 1e-12 && (best == NULL || ceiling > best->gain + 1e-12));
}

/* Every asset in zone `z` (and the zones inside it) that X admits gains its kind's caps.
 * FALSE when the zone holds none. */
static gboolean
gain_zone (BwRecommendSearch *s,
           Gains             *g,
           guint              z)
{
  gboolean any = FALSE;

  for (guint k = s->zone_begin[z]; k < s->zone_end[z]; k++)
    {
      BwRecommendEntry *entry = &g_array_index (s->entries, BwRecommendEntry, s->entry_order[k]);

      if (!g->admits[entry->kind])
        continue;
      any = TRUE;
      bw_recommend_search_gain_add (s, entry->pattern, entry->count,
                                    g->best1 + (gsize) entry->kind * s->words,
                                    g->best2 + (gsize) entry->kind * s->words);
    }
  return any;
}

/* TRUE when the document refused a candidate. */
static gboolean
weigh_node (BwRecommendSearch  *s,
            Gains              *g,
            guint               x,
            const guint8       *guarded_zones,
            const guint8       *guarded_nodes,
            double              ceiling,
            double              base,
            BwRecommendation  **best)
{
  BwRecommendation candidate = { (char *) s->stencils[x]->id, BW_RECOMMEND_CONNECT, NULL, NULL,
                                 0, 0, (char *) bw_document_get_node (s->doc, x)->id, NULL };
  g_autoptr(GHashTable) seen = g_hash_table_new (bw_pair_hash, g_int64_equal);
  g_autoptr(GArray) keys = g_array_sized_new (FALSE, FALSE, sizeof (gint64), s->n_nodes);
  gboolean refused = FALSE;

  for (guint z = 0; z < s->n_zones; z++)
    {
      if (beyond_reach (ceiling, *best))
        return refused;
      if (guarded_zones[z])
        continue;
      if (!gain_zone (s, g, z))
        {
          bw_recommend_search_gain_ratio (s);
          continue;
        }
      bw_recommend_search_gain_delivered (s, s->stencils[x], z, BW_RECOMMEND_NONE, g->own1,
                                          g->own2);
      candidate.target = bw_document_get_zone (s->doc, z)->id;
      refused |= bw_recommend_search_consider (s, &candidate, bw_recommend_search_gain_ratio (s),
                                               base, best);
    }
  for (guint i = 0; i < s->n_nodes; i++)
    {
      guint p = s->node_pattern[i];
      gint64 key;

      if (beyond_reach (ceiling, *best))
        return refused;
      if (p == BW_RECOMMEND_NONE || guarded_nodes[i] || !g->admits[s->node_kind[i]])
        continue;
      /* The same kind and pattern gains the same: an earlier one the document took said it. */
      key = ((gint64) s->node_kind[i] << 32) | p;
      /* Unless its flows deliver what it gains further (rule 10). */
      if (bw_recommend_search_flows_out (s, i))
        key = -1 - (gint64) i;
      if (g_hash_table_contains (seen, &key))
        continue;
      bw_recommend_search_gain_add (s, p, 1, g->best1 + (gsize) s->node_kind[i] * s->words,
                                    g->best2 + (gsize) s->node_kind[i] * s->words);
      bw_recommend_search_gain_delivered (s, s->stencils[x], BW_RECOMMEND_NONE, i, g->own1,
                                          g->own2);
      candidate.target = bw_document_get_node (s->doc, i)->id;
      if (!bw_recommend_search_consider (s, &candidate, bw_recommend_search_gain_ratio (s), base,
                                         best))
        {
          g_array_append_val (keys, key);
          g_hash_table_add (seen, &g_array_index (keys, gint64, keys->len - 1));
        }
      else
        refused = TRUE;
    }
  return refused;
}

/* A service node's stencil and switched-off capabilities: what its caps as drawn depend on. */
static void
append_caps_key (GString      *key,
                 const char   *stencil,
                 const BwNode *node)
{
  g_auto(GStrv) disabled = bw_node_dup_disabled_capabilities (node);

  g_string_append (key, stencil);
  for (guint i = 0; disabled != NULL && disabled[i] != NULL; i++)
    g_string_append_printf (key, "\x1f%s", disabled[i]);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Service nodes with the same caps as drawn whose telemetry reaches SIEMs with the same caps
 * as drawn offer the same candidates with the same gains, whichever SIEM nodes those are: only
 * the first is weighed (unless the document refused one of its candidates). Keyed by the SIEMs'
 * caps rather than their ids, the nodes weighed stay as few as the configurations drawn, not
 * as many as the SIEMs, and the search stays linear in the estate. */
static char *
node_key (BwRecommendSearch *s,
          Forward           *f,
          guint              x)
{
  g_autoptr(GArray) siems = reached_siems (s, f, x);
  g_autoptr(GPtrArray) siem_keys = g_ptr_array_new_with_free_func (g_free);
  GString *key = g_string_new (NULL);

  append_caps_key (key, s->stencils[x]->id, bw_document_get_node (s->doc, x));
  for (guint i = 0; i < siems->len; i++)
    {
      guint siem = g_array_index (siems, guint, i);
      GString *one = g_string_new (NULL);

      append_caps_key (one, s->stencils[siem]->id, bw_document_get_node (s->doc, siem));
      g_ptr_array_add (siem_keys, g_string_free (one, FALSE));
    }
  g_ptr_array_sort (siem_keys, compare_keys);
  for (guint i = 0; i < siem_keys->len; i++)
    if (i == 0 || strcmp (siem_keys->pdata[i], siem_keys->pdata[i - 1]) != 0)
      g_string_append_printf (key, "\x1e%s", (const char *) siem_keys->pdata[i]);
  return g_string_free (key, FALSE);
}

double
bw_recommend_search_connect_ceiling (BwRecommendSearch *s,
                                     guint              node)
{
  Forward f;
  Ceiling c;
  Gains g;
  double ratio;

  forward_init (&f, s);
  ceiling_init (&c, s);
  gains_init (&g, s, &f, node);
  ratio = ceiling_gain (s, &c, &g, 0);
  gains_clear (&g);
  ceiling_clear (&c);
  forward_clear (&f);
  return ratio;
}

void
bw_recommend_weigh_connect (BwRecommendSearch  *s,
                            double              base,
                            BwRecommendation  **best)
{
  g_autoptr(GHashTable) guarded = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GHashTable) weighed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Forward f;
  Ceiling c;

  forward_init (&f, s);
  ceiling_init (&c, s);
  for (guint x = 0; x < s->n_nodes; x++)
    {
      const BwStencil *st = s->stencils[x];
      guint8 *zones;
      g_autofree char *key = NULL;
      double ceiling;
      Gains g;

      if (st == NULL || st->role != BW_ROLE_SERVICE || st->siem)
        continue;
      key = node_key (s, &f, x);
      if (g_hash_table_contains (weighed, key))
        continue;
      gains_init (&g, s, &f, x);
      /* Nothing it could gain is kept: as if weighed, with nothing refused. */
      if (beyond_reach (ceiling = ceiling_gain (s, &c, &g, base), *best))
        {
          g_hash_table_add (weighed, g_steal_pointer (&key));
          gains_clear (&g);
          continue;
        }
      /* What its kind guards, once per kind: zones first, then nodes, in one block. */
      if ((zones = g_hash_table_lookup (guarded, st)) == NULL)
        {
          zones = g_new0 (guint8, s->n_zones + s->n_nodes + 1);
          bw_recommend_search_guarded (s, st, zones, zones + s->n_zones);
          g_hash_table_insert (guarded, (gpointer) st, zones);
        }
      if (!weigh_node (s, &g, x, zones, zones + s->n_zones, ceiling, base, best))
        g_hash_table_add (weighed, g_steal_pointer (&key));
      gains_clear (&g);
    }
  ceiling_clear (&c);
  forward_clear (&f);
}
