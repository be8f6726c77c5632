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
 * the first of equal gains wins. */
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

  memset (zones, 0, s->n_zones);
  memset (nodes, 0, s->n_nodes);
  for (guint i = 0; i < s->n_nodes; i++)
    {
      const BwStencil *st = s->stencils[i];

      if (st == NULL || (st != stencil &&
                         !g_strv_contains ((const char *const *) st->includes, stencil->id)))
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
      g_autoptr(GArray) chain = g_array_new (FALSE, FALSE, sizeof (guint));
      guint at = z;
      guint8 value = 0;

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

/* What the search needs of the document beyond its tables: telemetry edges forwards. */
typedef struct
{
  GHashTable *index;      /* node id → document index + 1 */
  guint      *out_start;  /* per node: offsets into out_to */
  guint      *out_to;
} Forward;

static void
forward_init (Forward           *f,
              BwRecommendSearch *s)
{
  guint n_edges = bw_document_get_n_edges (s->doc);
  g_autofree guint *fill = g_new0 (guint, s->n_nodes + 1);

  f->index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < s->n_nodes; i++)
    g_hash_table_insert (f->index, bw_document_get_node (s->doc, i)->id, GUINT_TO_POINTER (i + 1));
  f->out_start = g_new0 (guint, s->n_nodes + 1);
  f->out_to = g_new0 (guint, n_edges + 1);
  for (guint pass = 0; pass < 2; pass++)
    {
      if (pass == 1)
        {
          for (guint i = 0; i < s->n_nodes; i++)
            f->out_start[i + 1] += f->out_start[i];
          memcpy (fill, f->out_start, (s->n_nodes + 1) * sizeof (guint));
        }
      for (guint k = 0; k < n_edges; k++)
        {
          const BwEdge *e = bw_document_get_edge (s->doc, k);
          guint from = GPOINTER_TO_UINT (g_hash_table_lookup (f->index, e->from));
          guint to = GPOINTER_TO_UINT (g_hash_table_lookup (f->index, e->to));

          if (e->kind != BW_EDGE_TELEMETRY || from == 0 || to == 0)
            continue;
          if (pass == 0)
            f->out_start[from]++;
          else
            f->out_to[fill[from - 1]++] = to - 1;
        }
    }
}

static void
forward_clear (Forward *f)
{
  g_hash_table_unref (f->index);
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

void
bw_recommend_weigh_connect (BwRecommendSearch  *s,
                            double              base,
                            BwRecommendation  **best)
{
  g_autoptr(GHashTable) guarded = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GHashTable) weighed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Forward f;

  forward_init (&f, s);
  for (guint x = 0; x < s->n_nodes; x++)
    {
      const BwStencil *st = s->stencils[x];
      guint8 *zones;
      g_autofree char *key = NULL;
      Gains g;

      if (st == NULL || st->role != BW_ROLE_SERVICE || st->siem)
        continue;
      key = node_key (s, &f, x);
      if (g_hash_table_contains (weighed, key))
        continue;
      /* What its kind guards, once per kind: zones first, then nodes, in one block. */
      if ((zones = g_hash_table_lookup (guarded, st)) == NULL)
        {
          zones = g_new0 (guint8, s->n_zones + s->n_nodes + 1);
          bw_recommend_search_guarded (s, st, zones, zones + s->n_zones);
          g_hash_table_insert (guarded, (gpointer) st, zones);
        }
      gains_init (&g, s, &f, x);
      if (!weigh_node (s, &g, x, zones, zones + s->n_zones, base, best))
        g_hash_table_add (weighed, g_steal_pointer (&key));
      gains_clear (&g);
    }
  forward_clear (&f);
}
