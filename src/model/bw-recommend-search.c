/* bw-recommend-search.c: the greedy step of the recommender, weighed without changing the
 * document.
 *
 * What an addition does, by the engine's rules (DESIGN §4): a new service node of stencil S
 * protecting a target gives caps(S) to the assets under it that S admits (the new node sends no
 * telemetry, so no SIEM comes with it); a telemetry edge from node X into a SIEM gives that
 * SIEM's caps to the assets whose reach then holds it and that it admits — X itself when X is
 * an asset, the assets X covers by rule 1 when X is a service, and, when X is a collector, the
 * same for every node whose telemetry reaches X through collectors. No asset loses anything and
 * no applicability changes, so each affected asset a only gains, on its applicable techniques,
 * best ≥ k wherever the caps give max (protect, detect) ≥ k.
 *
 * A technique's status depends on its assets only through three counts: applicable, best ≥ 1,
 * best ≥ 2 (rule 5). The engine holds them; an addition raises the last two by the number of
 * affected assets that newly reach each level. So the ratio after an addition is a function of
 * the caps and of the multiset of the affected assets' bitsets (applicable, best ≥ 1, ≥ 2):
 * two targets whose affected assets have the same bitsets give the same ratio, to the bit.
 * Assets are therefore grouped into patterns of equal bitsets, and zones hold their assets as
 * entries (kind, pattern, count), so a candidate costs what it reaches, not the document.
 * Candidates are still taken in the old order (stencils in catalog order; zones, then nodes, in
 * document order), and a target whose affected assets repeat an earlier one's is skipped: its
 * gain is the same, and a later equal gain never replaces the best. */
#include "config.h"

#include <string.h>

#include "bw-recommend-private.h"

#define NONE G_MAXUINT

/* One kind of asset of one pattern directly in one zone. */
typedef struct
{
  guint       kind;     /* kind id */
  guint       pattern;
  guint       count;
  guint       next;     /* the zone's next entry */
  guint       stamp;
} Entry;

typedef struct
{
  BwCatalog   *catalog;
  BwDocument  *doc;
  BwEngine    *engine;
  guint        words;
  guint        n_techniques;

  /* Per technique, from the current report */
  guint       *n_app;
  guint       *n_best1;
  guint       *n_best2;
  guint64     *mask;      /* the techniques the ratio counts */
  guint        applicable, covered, partial;

  /* Patterns: 3 × words each (applicable, best ≥ 1, best ≥ 2) */
  GArray      *patterns;
  GHashTable  *pattern_ids;   /* bits (in `patterns`, by offset) → id + 1 */
  guint        n_patterns;
  guint       *pattern_seen;  /* per pattern: the last pass that weighed it */

  /* Nodes, by document index */
  guint        n_nodes;
  const BwStencil **stencils;
  guint       *node_kind;     /* kind id */
  guint       *node_pattern;  /* NONE when not an asset */
  guint       *node_entry;    /* NONE when in no zone */
  guint       *node_stamp;
  GHashTable  *node_index;    /* id → index + 1, for the nodes edges end at */
  GArray      *firsts;        /* the nodes weighed: each first of its kind and pattern, and
                               * every node that is not an asset, in document order */
  GPtrArray   *kinds;         /* kind id → the kind */
  GPtrArray   *first_of_kind; /* kind id → the first node of it */
  GHashTable  *kind_ids;      /* kind → id + 1 */
  GPtrArray   *kind_stencils; /* kind id → its stencil, or NULL */
  GHashTable  *admits;        /* stencil → per kind id 1 + whether it admits, 0 not asked */

  /* Zones, by document index */
  guint        n_zones;
  GHashTable  *zone_index;    /* id → index + 1 */
  guint       *first_child, *next_sibling, *first_entry;
  GArray      *entries;

  /* Edges: protects targets per source node (zones as n_nodes + zone), telemetry sources per
   * target node; each as offsets into one array. */
  guint       *protects_start;
  guint       *protects_to;
  guint       *telemetry_start;
  guint       *telemetry_from;

  /* Scratch for one candidate */
  guint        stamp;
  guint       *acc;           /* per pattern: affected assets of it */
  GArray      *acc_list;      /* patterns with acc > 0 */
  guint       *gain1, *gain2; /* per technique: assets newly at best ≥ 1, ≥ 2 */
  GArray      *touched;
  GArray      *queue;
} Search;

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
intern_pattern (Search        *s,
                guint64       *key,
                const guint64 *app,
                const guint64 *best1,
                const guint64 *best2)
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

static const guint64 *
pattern_bits (Search *s,
              guint   pattern)
{
  return &g_array_index (s->patterns, guint64, (gsize) pattern * 3 * s->words);
}

static gboolean
same_pattern (Search        *s,
              guint          pattern,
              const guint64 *app,
              const guint64 *best1,
              const guint64 *best2)
{
  const guint64 *bits = pattern_bits (s, pattern);
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

  return found ? GPOINTER_TO_UINT (found) - 1 : NONE;
}

static void
read_counts (Search   *s,
             BwReport *report)
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
intern_kind (Search     *s,
             const char *kind)
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
index_nodes (Search *s)
{
  g_autofree guint64 *key = g_new (guint64, 3 * s->words + 1);
  g_autoptr(GHashTable) first_seen = g_hash_table_new (NULL, NULL);
  guint last = NONE;

  s->n_nodes = bw_document_get_n_nodes (s->doc);
  s->stencils = g_new0 (const BwStencil *, s->n_nodes);
  s->node_kind = g_new (guint, s->n_nodes);
  s->node_pattern = g_new (guint, s->n_nodes);
  s->node_entry = g_new (guint, s->n_nodes);
  s->node_stamp = g_new0 (guint, s->n_nodes);
  s->node_index = g_hash_table_new (g_str_hash, g_str_equal);
  s->firsts = g_array_new (FALSE, FALSE, sizeof (guint));
  /* Only the nodes edges end at need finding by id. */
  for (guint k = 0; k < bw_document_get_n_edges (s->doc); k++)
    {
      const BwEdge *e = bw_document_get_edge (s->doc, k);

      g_hash_table_insert (s->node_index, e->from, NULL);
      g_hash_table_insert (s->node_index, e->to, NULL);
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
      s->node_pattern[i] = NONE;
      s->node_entry[i] = NONE;
      if (g_hash_table_size (s->node_index) > 0 && g_hash_table_contains (s->node_index, n->id))
        g_hash_table_insert (s->node_index, n->id, GUINT_TO_POINTER (i + 1));
      if (bw_engine_get_asset_bits (s->engine, n->id, &app, &best1, &best2))
        s->node_pattern[i] = last != NONE && same_pattern (s, last, app, best1, best2)
                               ? last : intern_pattern (s, key, app, best1, best2);
      if (s->node_pattern[i] != NONE)
        last = s->node_pattern[i];
      if (s->node_pattern[i] == NONE ||
          g_hash_table_add (first_seen, GSIZE_TO_POINTER (((gsize) s->node_pattern[i] << 32) | kind)))
        g_array_append_val (s->firsts, i);
    }
  s->admits = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

/* Zones as a tree (children in document order), each holding its assets as entries. */
static void
index_zones (Search *s)
{
  g_autoptr(GHashTable) entry_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  s->n_zones = bw_document_get_n_zones (s->doc);
  s->zone_index = g_hash_table_new (g_str_hash, g_str_equal);
  s->first_child = g_new (guint, s->n_zones);
  s->next_sibling = g_new (guint, s->n_zones);
  s->first_entry = g_new (guint, s->n_zones);
  s->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  for (guint z = 0; z < s->n_zones; z++)
    {
      g_hash_table_insert (s->zone_index, bw_document_get_zone (s->doc, z)->id, GUINT_TO_POINTER (z + 1));
      s->first_child[z] = s->next_sibling[z] = s->first_entry[z] = NONE;
    }
  for (guint z = s->n_zones; z-- > 0;)
    {
      guint parent = lookup_index (s->zone_index, bw_document_get_zone (s->doc, z)->parent);

      if (parent != NONE)
        {
          s->next_sibling[z] = s->first_child[parent];
          s->first_child[parent] = z;
        }
    }
  for (guint i = 0; i < s->n_nodes; i++)
    {
      const BwNode *n = bw_document_get_node (s->doc, i);
      guint zone = lookup_index (s->zone_index, n->zone);
      g_autofree char *key = NULL;
      gpointer found;

      if (s->node_pattern[i] == NONE || zone == NONE)
        continue;
      key = g_strdup_printf ("%u %u %u", zone, s->node_pattern[i], s->node_kind[i]);
      if ((found = g_hash_table_lookup (entry_of, key)) == NULL)
        {
          Entry e = { s->node_kind[i], s->node_pattern[i], 0, s->first_entry[zone], 0 };

          g_array_append_val (s->entries, e);
          s->first_entry[zone] = s->entries->len - 1;
          found = GUINT_TO_POINTER (s->entries->len);
          g_hash_table_insert (entry_of, g_steal_pointer (&key), found);
        }
      s->node_entry[i] = GPOINTER_TO_UINT (found) - 1;
      g_array_index (s->entries, Entry, s->node_entry[i]).count++;
    }
}

/* Offsets of each node's list in one array: counted, then filled. */
static void
index_edges (Search *s)
{
  guint n_edges = bw_document_get_n_edges (s->doc);
  g_autofree guint *fill_p = g_new0 (guint, s->n_nodes + 1);
  g_autofree guint *fill_t = g_new0 (guint, s->n_nodes + 1);

  s->protects_start = g_new0 (guint, s->n_nodes + 1);
  s->telemetry_start = g_new0 (guint, s->n_nodes + 1);
  for (guint pass = 0; pass < 2; pass++)
    {
      if (pass == 1)
        {
          for (guint i = 0; i < s->n_nodes; i++)
            {
              s->protects_start[i + 1] += s->protects_start[i];
              s->telemetry_start[i + 1] += s->telemetry_start[i];
            }
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

          if (from == NONE)
            continue;
          if (e->kind == BW_EDGE_PROTECTS)
            {
              if (to == NONE && (to = lookup_index (s->zone_index, e->to)) != NONE)
                to += s->n_nodes;
              if (to == NONE)
                continue;
              if (pass == 0)
                s->protects_start[from + 1]++;
              else
                s->protects_to[fill_p[from]++] = to;
            }
          else if (e->kind == BW_EDGE_TELEMETRY && to != NONE)
            {
              if (pass == 0)
                s->telemetry_start[to + 1]++;
              else
                s->telemetry_from[fill_t[to]++] = from;
            }
        }
    }
}

static void
search_init (Search     *s,
             BwCatalog  *catalog,
             BwDocument *doc,
             BwEngine   *engine)
{
  memset (s, 0, sizeof *s);
  s->catalog = catalog;
  s->doc = doc;
  s->engine = engine;
  s->words = bw_engine_get_n_words (engine);
  s->n_techniques = bw_catalog_get_n_techniques (catalog);
  s->patterns = g_array_new (FALSE, FALSE, sizeof (guint64));
  s->pattern_ids = g_hash_table_new_full (pattern_hash, pattern_equal, free_key, NULL);
  read_counts (s, bw_engine_get_report (engine));
  index_nodes (s);
  index_zones (s);
  index_edges (s);
  s->pattern_seen = g_new0 (guint, s->n_patterns + 1);
  s->acc = g_new0 (guint, s->n_patterns + 1);
  s->acc_list = g_array_new (FALSE, FALSE, sizeof (guint));
  s->gain1 = g_new0 (guint, s->n_techniques + 1);
  s->gain2 = g_new0 (guint, s->n_techniques + 1);
  s->touched = g_array_new (FALSE, FALSE, sizeof (guint));
  s->queue = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
search_clear (Search *s)
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
  g_hash_table_unref (s->zone_index);
  g_free (s->first_child);
  g_free (s->next_sibling);
  g_free (s->first_entry);
  g_array_unref (s->entries);
  g_free (s->protects_start);
  g_free (s->protects_to);
  g_free (s->telemetry_start);
  g_free (s->telemetry_from);
  g_free (s->acc);
  g_array_unref (s->acc_list);
  g_free (s->gain1);
  g_free (s->gain2);
  g_array_unref (s->touched);
  g_array_unref (s->queue);
}

/* The affected assets of one candidate, each once. Zones go first: an entry taken whole from a
 * zone is marked, so an asset of it named on its own afterwards is not counted twice. */

/* Whether `stencil` admits kind id `kind`: asked once per stencil and kind. */
static gboolean
admits_kind (Search          *s,
             const BwStencil *stencil,
             guint            kind)
{
  guint8 *known;

  if (stencil == NULL)
    return TRUE;
  if ((known = g_hash_table_lookup (s->admits, stencil)) == NULL)
    {
      known = g_new0 (guint8, s->kinds->len);
      g_hash_table_insert (s->admits, (gpointer) stencil, known);
    }
  if (known[kind] == 0)
    known[kind] = 1 + bw_stencil_admits (stencil, g_ptr_array_index (s->kinds, kind));
  return known[kind] == 2;
}

static gboolean
admitted (Search          *s,
          const BwStencil *a,
          const BwStencil *b,
          guint            kind)
{
  return admits_kind (s, a, kind) && admits_kind (s, b, kind);
}

static void
acc_add (Search *s,
         guint   pattern,
         guint   count)
{
  if (s->acc[pattern] == 0)
    g_array_append_val (s->acc_list, pattern);
  s->acc[pattern] += count;
}

/* The assets of zone `zone` and of every zone inside it that both stencils admit. */
static void
acc_add_zone (Search          *s,
              guint            zone,
              const BwStencil *a,
              const BwStencil *b)
{
  guint visited = 0;

  g_array_set_size (s->queue, 0);
  g_array_append_val (s->queue, zone);
  while (s->queue->len > 0 && visited++ <= s->n_zones)
    {
      guint z = g_array_index (s->queue, guint, s->queue->len - 1);

      g_array_set_size (s->queue, s->queue->len - 1);
      for (guint e = s->first_entry[z]; e != NONE;)
        {
          Entry *entry = &g_array_index (s->entries, Entry, e);

          if (entry->stamp != s->stamp && admitted (s, a, b, entry->kind))
            {
              entry->stamp = s->stamp;
              acc_add (s, entry->pattern, entry->count);
            }
          e = entry->next;
        }
      for (guint c = s->first_child[z]; c != NONE; c = s->next_sibling[c])
        g_array_append_val (s->queue, c);
    }
}

static void
acc_add_node (Search          *s,
              guint            node,
              const BwStencil *a,
              const BwStencil *b)
{
  guint entry = s->node_entry[node];

  if (s->node_pattern[node] == NONE || s->node_stamp[node] == s->stamp ||
      (entry != NONE && g_array_index (s->entries, Entry, entry).stamp == s->stamp) ||
      !admitted (s, a, b, s->node_kind[node]))
    return;
  s->node_stamp[node] = s->stamp;
  acc_add (s, s->node_pattern[node], 1);
}

/* What service node `service` covers by rule 1 and `siem` admits (zones, then nodes). */
static void
acc_add_covered_by (Search          *s,
                    guint            service,
                    const BwStencil *siem,
                    gboolean         zones)
{
  for (guint k = s->protects_start[service]; k < s->protects_start[service + 1]; k++)
    {
      guint to = s->protects_to[k];

      if (zones && to >= s->n_nodes)
        acc_add_zone (s, to - s->n_nodes, s->stencils[service], siem);
      else if (!zones && to < s->n_nodes)
        acc_add_node (s, to, s->stencils[service], siem);
    }
}

static gboolean
is_plain_service (const BwStencil *st)
{
  return st != NULL && st->role == BW_ROLE_SERVICE && !st->siem;
}

/* Telemetry from collector `collector` into `siem`: every node whose reach passes through it
 * gains the SIEM — walked back along telemetry edges, on through collectors only. */
static void
acc_add_upstream (Search          *s,
                  guint            collector,
                  const BwStencil *siem)
{
  g_autoptr(GArray) sources = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) walk = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  g_array_append_val (walk, collector);
  g_hash_table_add (seen, GUINT_TO_POINTER (collector + 1));
  while (walk->len > 0)
    {
      guint c = g_array_index (walk, guint, walk->len - 1);

      g_array_set_size (walk, walk->len - 1);
      for (guint k = s->telemetry_start[c]; k < s->telemetry_start[c + 1]; k++)
        {
          guint from = s->telemetry_from[k];
          const BwStencil *st = s->stencils[from];

          if (!g_hash_table_add (seen, GUINT_TO_POINTER (from + 1)))
            continue;
          if (st != NULL && st->role == BW_ROLE_COLLECTOR)
            g_array_append_val (walk, from);
          else
            g_array_append_val (sources, from);
        }
    }
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < sources->len; i++)
      {
        guint from = g_array_index (sources, guint, i);

        if (is_plain_service (s->stencils[from]))
          acc_add_covered_by (s, from, siem, pass == 0);
        else if (pass == 1)
          acc_add_node (s, from, NULL, siem);
      }
}

/* The ratio once the affected assets gain `best1` / `best2` on their applicable techniques, by
 * rule 5 from the changed counts; the scratch is cleared for the next candidate. */
static double
acc_ratio (Search        *s,
           const guint64 *best1,
           const guint64 *best2)
{
  guint W = s->words;
  guint covered = s->covered, partial = s->partial, applicable = s->applicable;

  for (guint i = 0; i < s->acc_list->len; i++)
    {
      guint p = g_array_index (s->acc_list, guint, i);
      const guint64 *bits = pattern_bits (s, p);
      guint count = s->acc[p];

      s->acc[p] = 0;
      for (guint w = 0; w < W; w++)
        {
          guint64 live = bits[w] & s->mask[w];
          guint64 new1 = live & ~bits[W + w] & best1[w];
          guint64 new2 = live & ~bits[2 * W + w] & best2[w];

          for (guint64 any = new1 | new2; any != 0; any &= any - 1)
            {
              guint t = w * 64 + __builtin_ctzll (any);

              if (s->gain1[t] == 0 && s->gain2[t] == 0)
                g_array_append_val (s->touched, t);
              if (new1 & (any & -any))
                s->gain1[t] += count;
              if (new2 & (any & -any))
                s->gain2[t] += count;
            }
        }
    }
  g_array_set_size (s->acc_list, 0);

  for (guint i = 0; i < s->touched->len; i++)
    {
      guint t = g_array_index (s->touched, guint, i);
      gboolean was_covered = s->n_best2[t] == s->n_app[t];
      gboolean was_partial = !was_covered && s->n_best1[t] > 0;
      gboolean now_covered = s->n_best2[t] + s->gain2[t] == s->n_app[t];
      gboolean now_partial = !now_covered && s->n_best1[t] + s->gain1[t] > 0;

      covered += now_covered - was_covered;
      partial += now_partial - was_partial;
      s->gain1[t] = s->gain2[t] = 0;
    }
  g_array_set_size (s->touched, 0);
  /* As the report computes it (fill_figures), so equal counts give the same double. */
  return applicable ? (covered + 0.5 * partial) / applicable : 0;
}

static void
consider (BwRecommendation  *candidate,
          double             ratio,
          double             base,
          BwRecommendation **best)
{
  double gain = ratio - base;

  if (gain > 1e-12 && (*best == NULL || gain > (*best)->gain + 1e-12))
    {
      if (*best == NULL)
        *best = g_new0 (BwRecommendation, 1);
      g_free ((*best)->stencil);
      g_free ((*best)->target);
      g_free ((*best)->siem);
      (*best)->stencil = g_strdup (candidate->stencil);
      (*best)->action = candidate->action;
      (*best)->target = g_strdup (candidate->target);
      (*best)->siem = g_strdup (candidate->siem);
      (*best)->gain = gain;
      (*best)->ratio_after = ratio;
    }
}

/* Telemetry from each node that may send it into the SIEM of `stencil`: the document's first
 * of that kind, or a new one. */
static void
weigh_telemetry (Search            *s,
                 const BwStencil   *stencil,
                 double             base,
                 BwRecommendation **best)
{
  guint kind = lookup_index (s->kind_ids, stencil->id);
  const BwNode *siem = kind != NONE ? g_ptr_array_index (s->first_of_kind, kind) : NULL;
  BwRecommendation candidate = { (char *) stencil->id, BW_RECOMMEND_TELEMETRY, NULL,
                                 siem ? siem->id : NULL, 0, 0 };
  g_autofree guint64 *best1 = g_new (guint64, s->words);
  g_autofree guint64 *best2 = g_new (guint64, s->words);
  guint pass = ++s->stamp;

  bw_engine_get_service_best (s->engine, stencil, siem, best1, best2);
  for (guint f = 0; f < s->firsts->len; f++)
    {
      guint i = g_array_index (s->firsts, guint, f);
      const BwStencil *st = s->stencils[i];

      if (st == NULL || st->siem || st->role == BW_ROLE_ZONE)
        continue;
      s->stamp++;
      if (st->role == BW_ROLE_ASSET)
        {
          guint p = s->node_pattern[i];

          /* An asset affects itself only: an earlier one of its pattern gave the same gain. */
          if (p == NONE || s->pattern_seen[p] == pass ||
              !admits_kind (s, stencil, s->node_kind[i]))
            continue;
          s->pattern_seen[p] = pass;
          acc_add_node (s, i, NULL, stencil);
        }
      else if (st->role == BW_ROLE_SERVICE)
        {
          acc_add_covered_by (s, i, stencil, TRUE);
          acc_add_covered_by (s, i, stencil, FALSE);
        }
      else
        acc_add_upstream (s, i, stencil);
      if (s->acc_list->len == 0)
        continue;
      candidate.target = bw_document_get_node (s->doc, i)->id;
      consider (&candidate, acc_ratio (s, best1, best2), base, best);
    }
}

/* A new service of `stencil` protecting each zone holding an asset it admits, then each asset
 * it admits. */
static void
weigh_protects (Search            *s,
                const BwStencil   *stencil,
                double             base,
                BwRecommendation **best)
{
  BwRecommendation candidate = { (char *) stencil->id, BW_RECOMMEND_PROTECTS, NULL, NULL, 0, 0 };
  g_autofree guint64 *best1 = g_new (guint64, s->words);
  g_autofree guint64 *best2 = g_new (guint64, s->words);
  guint pass = ++s->stamp;

  bw_engine_get_service_best (s->engine, stencil, NULL, best1, best2);
  for (guint z = 0; z < s->n_zones; z++)
    {
      s->stamp++;
      acc_add_zone (s, z, stencil, NULL);
      if (s->acc_list->len == 0)
        continue;
      candidate.target = bw_document_get_zone (s->doc, z)->id;
      consider (&candidate, acc_ratio (s, best1, best2), base, best);
    }
  for (guint f = 0; f < s->firsts->len; f++)
    {
      guint i = g_array_index (s->firsts, guint, f);
      guint p = s->node_pattern[i];

      if (p == NONE || s->pattern_seen[p] == pass ||
          !admits_kind (s, stencil, s->node_kind[i]))
        continue;
      s->pattern_seen[p] = pass;
      s->stamp++;
      acc_add (s, p, 1);
      candidate.target = bw_document_get_node (s->doc, i)->id;
      consider (&candidate, acc_ratio (s, best1, best2), base, best);
    }
}

BwRecommendation *
bw_recommend_best_step (BwCatalog    *catalog,
                        BwDocument   *work,
                        BwEngine     *engine,
                        GCancellable *cancellable)
{
  const char *licence = bw_document_get_licence (work);
  double base = bw_recommend_report_ratio (bw_engine_get_report (engine));
  BwRecommendation *best = NULL;
  Search s;

  search_init (&s, catalog, work, engine);
  for (guint i = 0; i < bw_catalog_get_n_stencils (catalog); i++)
    {
      const BwStencil *stencil = bw_catalog_get_stencil (catalog, i);

      if (g_cancellable_is_cancelled (cancellable))
        break;
      if (stencil->role != BW_ROLE_SERVICE || !bw_recommend_stencil_usable (catalog, stencil, licence))
        continue;
      if (stencil->siem)
        weigh_telemetry (&s, stencil, base, &best);
      else
        weigh_protects (&s, stencil, base, &best);
    }
  search_clear (&s);
  return best;
}
