/* bw-recommend-tables.c: the tables the recommender's search reads in one step — the assets
 * grouped into patterns of equal bitsets, the zones as a tree holding their assets as entries
 * (kind, pattern, count), the edges as adjacency arrays, and the engine's counts. Built once
 * per step, in time linear in the document. */
#include "config.h"

#include <string.h>

#include "bw-recommend-private.h"

/* Patterns */

static guint
pattern_hash (gconstpointer key)
{
  const guint64 *bits = key;
  guint64 h = bits[-1];   /* the word count, kept just before */

  for (guint64 i = 0; i < bits[-1]; i++)
    h = h * G_GUINT64_CONSTANT (0x100000001b3) ^ bits[i];
  return (guint) (h ^ (h >> 32));
}

static gboolean
pattern_equal (gconstpointer a,
               gconstpointer b)
{
  const guint64 *x = a, *y = b;

  return memcmp (x - 1, y - 1, (x[-1] + 1) * sizeof (guint64)) == 0;
}

static guint
intern_pattern (BwRecommendSearch *s,
                guint64           *key,
                const guint64     *app,
                const guint64     *best1,
                const guint64     *best2)
{
  guint W = s->words;
  guint64 *copy;
  gpointer found;

  key[0] = 3 * W;
  memcpy (key + 1, app, W * sizeof (guint64));
  memcpy (key + 1 + W, best1, W * sizeof (guint64));
  memcpy (key + 1 + 2 * W, best2, W * sizeof (guint64));
  if ((found = g_hash_table_lookup (s->pattern_ids, key + 1)) != NULL)
    return GPOINTER_TO_UINT (found) - 1;
  g_array_append_vals (s->patterns, key + 1, 3 * W);
  copy = g_memdup2 (key, (3 * W + 1) * sizeof (guint64));
  g_hash_table_insert (s->pattern_ids, copy + 1, GUINT_TO_POINTER (++s->n_patterns));
  return s->n_patterns - 1;
}

const guint64 *
bw_recommend_search_pattern (BwRecommendSearch *s,
                             guint              pattern)
{
  return &g_array_index (s->patterns, guint64, (gsize) pattern * 3 * s->words);
}

static gboolean
same_pattern (BwRecommendSearch *s,
              guint              pattern,
              const guint64     *app,
              const guint64     *best1,
              const guint64     *best2)
{
  const guint64 *bits = bw_recommend_search_pattern (s, pattern);
  gsize size = s->words * sizeof (guint64);

  return memcmp (bits, app, size) == 0 && memcmp (bits + s->words, best1, size) == 0 &&
         memcmp (bits + 2 * s->words, best2, size) == 0;
}

static void
free_key (gpointer key)
{
  g_free ((guint64 *) key - 1);
}


/* Building the tables of one step */

static guint
lookup_index (GHashTable *index,
              const char *id)
{
  gpointer found = id ? g_hash_table_lookup (index, id) : NULL;

  return found ? GPOINTER_TO_UINT (found) - 1 : BW_RECOMMEND_NONE;
}

static void
read_counts (BwRecommendSearch *s,
             BwReport          *report)
{
  gboolean profile = bw_report_has_profile (report);

  s->n_app = g_new0 (guint, s->n_techniques);
  s->n_best1 = g_new0 (guint, s->n_techniques);
  s->n_best2 = g_new0 (guint, s->n_techniques);
  s->mask = g_new0 (guint64, s->words);
  for (guint t = 0; t < s->n_techniques; t++)
    {
      const BwReportTechnique *rt = bw_report_get_technique (report, t);

      if (rt->status == BW_STATUS_NOT_APPLICABLE)
        continue;
      s->n_app[t] = rt->applicable_assets;
      s->n_best2[t] = rt->covered_assets;
      s->n_best1[t] = rt->covered_assets + rt->partial_assets;
      if (profile && !bw_report_in_profile (report, t))
        continue;
      s->mask[t / 64] |= G_GUINT64_CONSTANT (1) << (t % 64);
      s->applicable++;
      if (rt->status == BW_STATUS_COVERED)
        s->covered++;
      else if (rt->status == BW_STATUS_PARTIAL)
        s->partial++;
    }
}

static guint
intern_kind (BwRecommendSearch *s,
             const char        *kind)
{
  gpointer found = g_hash_table_lookup (s->kind_ids, kind);

  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;
  g_ptr_array_add (s->kinds, (gpointer) kind);
  g_ptr_array_add (s->first_of_kind, NULL);
  g_ptr_array_add (s->kind_stencils, (gpointer) bw_catalog_lookup_stencil (s->catalog, kind));
  g_hash_table_insert (s->kind_ids, (gpointer) kind, GUINT_TO_POINTER (s->kinds->len));
  return s->kinds->len - 1;
}

static void
index_nodes (BwRecommendSearch *s)
{
  g_autofree guint64 *key = g_new (guint64, 3 * s->words + 1);
  g_autoptr(GHashTable)
      first_seen = g_hash_table_new_full (bw_pair_hash, g_int64_equal, g_free, NULL);
  guint last = BW_RECOMMEND_NONE;
  g_autoptr(GHashTable) flow_from = g_hash_table_new (g_str_hash, g_str_equal);

  s->n_nodes = bw_document_get_n_nodes (s->doc);
  s->stencils = g_new0 (const BwStencil *, s->n_nodes);
  s->node_kind = g_new (guint, s->n_nodes);
  s->node_pattern = g_new (guint, s->n_nodes);
  s->node_entry = g_new (guint, s->n_nodes);
  s->node_stamp = g_new0 (guint, s->n_nodes);
  s->node_index = g_hash_table_new (g_str_hash, g_str_equal);
  s->firsts = g_array_new (FALSE, FALSE, sizeof (guint));
  s->flow_source = g_new0 (guint8, s->n_nodes + 1);
  /* Only the nodes edges end at need finding by id. */
  for (guint k = 0; k < bw_document_get_n_edges (s->doc); k++)
    {
      const BwEdge *e = bw_document_get_edge (s->doc, k);

      g_hash_table_insert (s->node_index, e->from, NULL);
      g_hash_table_insert (s->node_index, e->to, NULL);
      if (e->kind == BW_EDGE_FLOW && s->delivery != NULL)
        g_hash_table_add (flow_from, e->from);
    }
  s->kinds = g_ptr_array_new ();
  s->first_of_kind = g_ptr_array_new ();
  s->kind_ids = g_hash_table_new (g_str_hash, g_str_equal);
  s->kind_stencils = g_ptr_array_new ();
  for (guint i = 0; i < s->n_nodes; i++)
    {
      const BwNode *n = bw_document_get_node (s->doc, i);
      const guint64 *app, *best1, *best2;
      guint kind;

      /* Estates come in runs of one kind and one pattern: try the last ones first. */
      kind = i > 0 && g_str_equal (n->kind, bw_document_get_node (s->doc, i - 1)->kind)
               ? s->node_kind[i - 1] : intern_kind (s, n->kind);

      if (g_ptr_array_index (s->first_of_kind, kind) == NULL)
        g_ptr_array_index (s->first_of_kind, kind) = (gpointer) n;
      s->stencils[i] = g_ptr_array_index (s->kind_stencils, kind);
      s->node_kind[i] = kind;
      s->node_pattern[i] = BW_RECOMMEND_NONE;
      s->node_entry[i] = BW_RECOMMEND_NONE;
      if (g_hash_table_size (s->node_index) > 0 && g_hash_table_contains (s->node_index, n->id))
        g_hash_table_insert (s->node_index, n->id, GUINT_TO_POINTER (i + 1));
      if (bw_engine_get_asset_bits (s->engine, n->id, &app, &best1, &best2))
        s->node_pattern[i] = last != BW_RECOMMEND_NONE && same_pattern (s, last, app, best1, best2)
                               ? last : intern_pattern (s, key, app, best1, best2);
      if (s->node_pattern[i] != BW_RECOMMEND_NONE)
        last = s->node_pattern[i];
      /* What a service on an asset with flows out gives depends on where they lead (rule 10):
       * such an asset is weighed on its own. */
      if (s->node_pattern[i] != BW_RECOMMEND_NONE && g_hash_table_contains (flow_from, n->id))
        s->flow_source[i] = TRUE;
      if (s->node_pattern[i] != BW_RECOMMEND_NONE && !s->flow_source[i])
        {
          gint64 pair = ((gint64) s->node_pattern[i] << 32) | kind;

          if (g_hash_table_contains (first_seen, &pair))
            continue;
          g_hash_table_add (first_seen, g_memdup2 (&pair, sizeof pair));
        }
      g_array_append_val (s->firsts, i);
    }
  s->admits = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  s->taken = g_hash_table_new (g_str_hash, g_str_equal);
}

static guint
entry_hash (gconstpointer key)
{
  const guint *k = key;

  return (k[0] * 2654435761u) ^ (k[1] * 40503u) ^ k[2];
}

static gboolean
entry_equal (gconstpointer a,
             gconstpointer b)
{
  return memcmp (a, b, 3 * sizeof (guint)) == 0;
}

/* Each zone's assets as entries, one per kind and pattern. */
static void
collect_entries (BwRecommendSearch *s)
{
  g_autoptr(GHashTable) entry_of = g_hash_table_new_full (entry_hash, entry_equal, g_free, NULL);

  s->entries = g_array_new (FALSE, FALSE, sizeof (BwRecommendEntry));
  s->node_zone = g_new (guint, s->n_nodes + 1);
  for (guint i = 0; i < s->n_nodes; i++)
    {
      guint zone = s->node_zone[i] =
          lookup_index (s->zone_index, bw_document_get_node (s->doc, i)->zone);
      guint key[3] = { zone, s->node_pattern[i], s->node_kind[i] };
      gpointer found;

      if (s->node_pattern[i] == BW_RECOMMEND_NONE || zone == BW_RECOMMEND_NONE)
        continue;
      if ((found = g_hash_table_lookup (entry_of, key)) == NULL)
        {
          BwRecommendEntry e = { s->node_kind[i], s->node_pattern[i], 0, s->first_entry[zone], 0 };

          g_array_append_val (s->entries, e);
          s->first_entry[zone] = s->entries->len - 1;
          found = GUINT_TO_POINTER (s->entries->len);
          g_hash_table_insert (entry_of, g_memdup2 (key, sizeof key), found);
        }
      s->node_entry[i] = GPOINTER_TO_UINT (found) - 1;
      g_array_index (s->entries, BwRecommendEntry, s->node_entry[i]).count++;
    }
}

/* The entries in depth-first order of their zones, so that a zone and every zone inside it
 * hold one run of them: zone_begin to zone_end. */
static void
order_entries (BwRecommendSearch *s,
               const guint       *parent)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint8 *seen = g_new0 (guint8, s->n_zones + 1);
  guint pos = 0;

  s->zone_begin = g_new0 (guint, s->n_zones + 1);
  s->zone_end = g_new0 (guint, s->n_zones + 1);
  s->entry_order = g_new (guint, s->entries->len + 1);
  for (guint root = 0; root < s->n_zones; root++)
    {
      if (parent[root] != BW_RECOMMEND_NONE)
        continue;
      g_array_append_val (stack, root);
      while (stack->len > 0)
        {
          guint z = g_array_index (stack, guint, stack->len - 1);

          if (seen[z])
            {
              /* Back from everything inside it. */
              g_array_set_size (stack, stack->len - 1);
              s->zone_end[z] = pos;
              continue;
            }
          seen[z] = TRUE;
          s->zone_begin[z] = pos;
          for (guint e = s->first_entry[z]; e != BW_RECOMMEND_NONE;
               e = g_array_index (s->entries, BwRecommendEntry, e).next)
            s->entry_order[pos++] = e;
          for (guint c = s->first_child[z]; c != BW_RECOMMEND_NONE; c = s->next_sibling[c])
            if (!seen[c])
              g_array_append_val (stack, c);
        }
    }
}

/* Zones as a tree (children in document order), each holding its assets as entries. */
static void
index_zones (BwRecommendSearch *s)
{
  guint *parent;

  s->n_zones = bw_document_get_n_zones (s->doc);
  s->zone_index = g_hash_table_new (g_str_hash, g_str_equal);
  s->first_child = g_new (guint, s->n_zones + 1);
  s->next_sibling = g_new (guint, s->n_zones + 1);
  s->first_entry = g_new (guint, s->n_zones + 1);
  parent = s->zone_parent = g_new (guint, s->n_zones + 1);
  for (guint z = 0; z < s->n_zones; z++)
    {
      g_hash_table_insert (s->zone_index, bw_document_get_zone (s->doc, z)->id,
                           GUINT_TO_POINTER (z + 1));
      s->first_child[z] = s->next_sibling[z] = s->first_entry[z] = BW_RECOMMEND_NONE;
    }
  for (guint z = s->n_zones; z-- > 0;)
    {
      parent[z] = lookup_index (s->zone_index, bw_document_get_zone (s->doc, z)->parent);
      if (parent[z] != BW_RECOMMEND_NONE)
        {
          s->next_sibling[z] = s->first_child[parent[z]];
          s->first_child[parent[z]] = z;
        }
    }
  collect_entries (s);
  order_entries (s, parent);
}

/* Offsets of each node's list in one array: counted, then filled. */
static void
index_edges (BwRecommendSearch *s)
{
  guint n_edges = bw_document_get_n_edges (s->doc);
  g_autofree guint *fill_p = g_new0 (guint, s->n_nodes + 1);
  g_autofree guint *fill_t = g_new0 (guint, s->n_nodes + 1);
  g_autofree guint *fill_f = g_new0 (guint, s->n_nodes + 1);

  s->protects_start = g_new0 (guint, s->n_nodes + 1);
  s->telemetry_start = g_new0 (guint, s->n_nodes + 1);
  s->flow_start = g_new0 (guint, s->n_nodes + 1);
  for (guint pass = 0; pass < 2; pass++)
    {
      if (pass == 1)
        {
          for (guint i = 0; i < s->n_nodes; i++)
            {
              s->protects_start[i + 1] += s->protects_start[i];
              s->telemetry_start[i + 1] += s->telemetry_start[i];
              s->flow_start[i + 1] += s->flow_start[i];
            }
          memcpy (fill_f, s->flow_start, (s->n_nodes + 1) * sizeof (guint));
          s->flow_to = g_new (guint, s->flow_start[s->n_nodes] + 1);
          memcpy (fill_p, s->protects_start, (s->n_nodes + 1) * sizeof (guint));
          memcpy (fill_t, s->telemetry_start, (s->n_nodes + 1) * sizeof (guint));
          s->protects_to = g_new (guint, s->protects_start[s->n_nodes] + 1);
          s->telemetry_from = g_new (guint, s->telemetry_start[s->n_nodes] + 1);
        }
      for (guint k = 0; k < n_edges; k++)
        {
          const BwEdge *e = bw_document_get_edge (s->doc, k);
          guint from = lookup_index (s->node_index, e->from);
          guint to = lookup_index (s->node_index, e->to);

          if (from == BW_RECOMMEND_NONE)
            continue;
          if (e->kind == BW_EDGE_PROTECTS)
            {
              if (to == BW_RECOMMEND_NONE &&
                  (to = lookup_index (s->zone_index, e->to)) != BW_RECOMMEND_NONE)
                to += s->n_nodes;
              if (to == BW_RECOMMEND_NONE)
                continue;
              if (pass == 0)
                s->protects_start[from + 1]++;
              else
                s->protects_to[fill_p[from]++] = to;
            }
          else if (e->kind == BW_EDGE_FLOW && to != BW_RECOMMEND_NONE && s->flow_source[from] &&
                   s->node_pattern[to] != BW_RECOMMEND_NONE)
            {
              if (pass == 0)
                s->flow_start[from + 1]++;
              else
                s->flow_to[fill_f[from]++] = to;
            }
          else if (e->kind == BW_EDGE_TELEMETRY && to != BW_RECOMMEND_NONE)
            {
              if (pass == 0)
                s->telemetry_start[to + 1]++;
              else
                s->telemetry_from[fill_t[to]++] = from;
            }
        }
    }
}

static int
compare_u64 (gconstpointer a,
             gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return x < y ? -1 : x > y;
}

/* The flow sources inside zones, by the position of their entries, so that those of a zone and
 * the zones inside it are one run. */
static void
index_zoned_sources (BwRecommendSearch *s)
{
  g_autofree guint *pos_of_entry = g_new (guint, s->entries->len + 1);
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (guint64));

  s->zoned_sources = g_array_new (FALSE, FALSE, sizeof (guint));
  s->zoned_pos = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint z = 0; z < s->n_zones; z++)
    for (guint k = s->zone_begin[z]; k < s->zone_end[z]; k++)
      pos_of_entry[s->entry_order[k]] = k;
  for (guint i = 0; i < s->n_nodes; i++)
    if (s->flow_source[i] && s->node_entry[i] != BW_RECOMMEND_NONE &&
        s->flow_start[i] < s->flow_start[i + 1])
      {
        guint64 pair = ((guint64) pos_of_entry[s->node_entry[i]] << 32) | i;

        g_array_append_val (pairs, pair);
      }
  g_array_sort (pairs, compare_u64);
  for (guint k = 0; k < pairs->len; k++)
    {
      guint64 pair = g_array_index (pairs, guint64, k);
      guint node = (guint) (pair & G_MAXUINT32), pos = (guint) (pair >> 32);

      g_array_append_val (s->zoned_sources, node);
      g_array_append_val (s->zoned_pos, pos);
    }
}

void
bw_recommend_search_init (BwRecommendSearch *s,
                          BwCatalog         *catalog,
                          BwDocument        *doc,
                          BwEngine          *engine)
{
  memset (s, 0, sizeof *s);
  s->catalog = catalog;
  s->doc = doc;
  s->engine = engine;
  s->words = bw_engine_get_n_words (engine);
  s->n_techniques = bw_catalog_get_n_techniques (catalog);
  s->delivery = bw_engine_get_delivery_bits (engine);
  for (guint w = 0; s->delivery != NULL && w < s->words && s->delivery[w] == 0; w++)
    if (w + 1 == s->words)
      s->delivery = NULL;
  s->patterns = g_array_new (FALSE, FALSE, sizeof (guint64));
  s->pattern_ids = g_hash_table_new_full (pattern_hash, pattern_equal, free_key, NULL);
  read_counts (s, bw_engine_get_report (engine));
  /* The counts read back give the report's own ratio. */
  g_warn_if_fail ((s->applicable ? (s->covered + 0.5 * s->partial) / s->applicable : 0) ==
                  bw_recommend_report_ratio (bw_engine_get_report (engine)));
  index_nodes (s);
  index_zones (s);
  index_edges (s);
  index_zoned_sources (s);

  s->pattern_seen = g_new0 (guint, s->n_patterns + 1);
  s->acc = g_new0 (guint, s->n_patterns + 1);
  s->acc_list = g_array_new (FALSE, FALSE, sizeof (guint));
  s->acc_d = g_new0 (guint, s->n_patterns + 1);
  s->acc_d_list = g_array_new (FALSE, FALSE, sizeof (guint));
  s->node_dstamp = g_new0 (guint, s->n_nodes + 1);
  s->gain1 = g_new0 (guint, s->n_techniques + 1);
  s->gain2 = g_new0 (guint, s->n_techniques + 1);
  s->touched = g_array_new (FALSE, FALSE, sizeof (guint));
}

void
bw_recommend_search_clear (BwRecommendSearch *s)
{
  g_free (s->n_app);
  g_free (s->n_best1);
  g_free (s->n_best2);
  g_free (s->mask);
  g_array_unref (s->patterns);
  g_hash_table_unref (s->pattern_ids);
  g_free (s->pattern_seen);
  g_free (s->stencils);
  g_free (s->node_kind);
  g_free (s->node_pattern);
  g_free (s->node_entry);
  g_free (s->node_stamp);
  g_hash_table_unref (s->node_index);
  g_array_unref (s->firsts);
  g_ptr_array_unref (s->kinds);
  g_ptr_array_unref (s->first_of_kind);
  g_hash_table_unref (s->kind_ids);
  g_ptr_array_unref (s->kind_stencils);
  g_hash_table_unref (s->admits);
  g_hash_table_unref (s->taken);
  g_hash_table_unref (s->zone_index);
  g_free (s->zone_parent);
  g_free (s->node_zone);
  g_free (s->first_child);
  g_free (s->next_sibling);
  g_free (s->first_entry);
  g_free (s->zone_begin);
  g_free (s->zone_end);
  g_free (s->entry_order);
  g_array_unref (s->entries);
  g_free (s->protects_start);
  g_free (s->protects_to);
  g_free (s->telemetry_start);
  g_free (s->telemetry_from);
  g_free (s->acc);
  g_array_unref (s->acc_list);
  g_free (s->acc_d);
  g_array_unref (s->acc_d_list);
  g_free (s->node_dstamp);
  g_free (s->flow_start);
  g_free (s->flow_to);
  g_free (s->flow_source);
  g_array_unref (s->zoned_sources);
  g_array_unref (s->zoned_pos);
  g_free (s->gain1);
  g_free (s->gain2);
  g_array_unref (s->touched);
}

/* What `stencil` admits, per kind id, worked out on first asking (NULL: every kind). */
const guint8 *
bw_recommend_search_admits (BwRecommendSearch *s,
                            const BwStencil   *stencil)
{
  guint8 *table;

  if (stencil == NULL)
    return NULL;
  if ((table = g_hash_table_lookup (s->admits, stencil)) == NULL)
    {
      table = g_new0 (guint8, s->kinds->len + 1);
      for (guint k = 0; k < s->kinds->len; k++)
        table[k] = bw_stencil_admits (stencil, g_ptr_array_index (s->kinds, k));
      g_hash_table_insert (s->admits, (gpointer) stencil, table);
    }
  return table;
}

const BwNode *
bw_recommend_search_first_of_kind (BwRecommendSearch *s,
                                   const char        *kind)
{
  guint id = lookup_index (s->kind_ids, kind);

  return id != BW_RECOMMEND_NONE ? g_ptr_array_index (s->first_of_kind, id) : NULL;
}
