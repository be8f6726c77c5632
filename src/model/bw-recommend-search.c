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
 *
 * Rule 10 adds to a protects candidate the assets that its rule-1 assets have flow edges to:
 * those gain the caps on the delivery techniques only (unless they are among the rule-1 assets
 * themselves), counted apart in acc_d. A SIEM's telemetry delivers nothing. An asset with flows
 * out is therefore never equivalent to another of its pattern, and is weighed on its own.
 *
 * Candidates are taken in the order the engine-driven search took them (stencils in catalog
 * order; zones, then nodes, in document order) and kept by the same rule, so ties go the same
 * way. An asset target affects itself alone, so two asset targets of one stencil are
 * equivalent when the stencil admits both and they have the same pattern; only the first is
 * weighed, since a later equal gain never replaces the best. Zones, services and collectors
 * are weighed one by one, each at the cost of the assets it reaches. Only a candidate that would
 * become the best is tried on the document, to see that the document takes it. */
#include "config.h"

#include <string.h>

#include "bw-recommend-private.h"

/* The affected assets of one candidate, each once. Zones go first: an entry taken whole from a
 * zone is marked, so an asset of it named on its own afterwards is not counted twice. */

static gboolean
admitted (const guint8 *a,
          const guint8 *b,
          guint         kind)
{
  return (a == NULL || a[kind]) && (b == NULL || b[kind]);
}

static void
acc_add (BwRecommendSearch *s,
         guint              pattern,
         guint              count)
{
  if (s->acc[pattern] == 0)
    g_array_append_val (s->acc_list, pattern);
  s->acc[pattern] += count;
}

/* The assets of zone `zone` and of every zone inside it that both stencils admit. */
static void
acc_add_zone (BwRecommendSearch *s,
              guint              zone,
              const BwStencil   *a,
              const BwStencil   *b)
{
  const guint8 *admit_a = bw_recommend_search_admits (s, a);
  const guint8 *admit_b = bw_recommend_search_admits (s, b);

  for (guint k = s->zone_begin[zone]; k < s->zone_end[zone]; k++)
    {
      BwRecommendEntry *entry = &g_array_index (s->entries, BwRecommendEntry, s->entry_order[k]);

      if (entry->stamp != s->stamp && admitted (admit_a, admit_b, entry->kind))
        {
          entry->stamp = s->stamp;
          acc_add (s, entry->pattern, entry->count);
        }
    }
}

static void
acc_add_node (BwRecommendSearch *s,
              guint              node,
              const BwStencil   *a,
              const BwStencil   *b)
{
  guint entry = s->node_entry[node];

  if (s->node_pattern[node] == BW_RECOMMEND_NONE || s->node_stamp[node] == s->stamp ||
      (entry != BW_RECOMMEND_NONE &&
       g_array_index (s->entries, BwRecommendEntry, entry).stamp == s->stamp) ||
      !admitted (bw_recommend_search_admits (s, a), bw_recommend_search_admits (s, b),
                 s->node_kind[node]))
    return;
  s->node_stamp[node] = s->stamp;
  acc_add (s, s->node_pattern[node], 1);
}

/* Rule 10: the flow targets of asset `source` (among the candidate's rule-1 assets) that are
 * not rule-1 assets themselves gain the delivery techniques, each once. */
static void
acc_add_delivered (BwRecommendSearch *s,
                   guint              source)
{
  for (guint k = s->flow_start[source]; k < s->flow_start[source + 1]; k++)
    {
      guint to = s->flow_to[k];
      guint entry = s->node_entry[to];
      guint p = s->node_pattern[to];

      if (s->node_stamp[to] == s->stamp || s->node_dstamp[to] == s->stamp ||
          (entry != BW_RECOMMEND_NONE &&
           g_array_index (s->entries, BwRecommendEntry, entry).stamp == s->stamp))
        continue;
      s->node_dstamp[to] = s->stamp;
      if (s->acc_d[p] == 0)
        g_array_append_val (s->acc_d_list, p);
      s->acc_d[p]++;
    }
}

/* Rule 10 for a new service of `stencil` on zone `zone`: the flows out of the assets in it (and
 * in the zones inside it) that the stencil admits; after acc_add_zone, so its entries are
 * marked. */
static void
acc_add_zone_delivered (BwRecommendSearch *s,
                        guint              zone,
                        const BwStencil   *stencil)
{
  const guint8 *admits = bw_recommend_search_admits (s, stencil);
  guint lo = 0, hi = s->zoned_pos->len;

  if (s->delivery == NULL)
    return;
  /* The first source at or after the zone's run. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (s->zoned_pos, guint, mid) < s->zone_begin[zone])
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint k = lo; k < s->zoned_pos->len &&
                     g_array_index (s->zoned_pos, guint, k) < s->zone_end[zone]; k++)
    {
      guint source = g_array_index (s->zoned_sources, guint, k);

      if (admitted (admits, NULL, s->node_kind[source]))
        acc_add_delivered (s, source);
    }
}

/* What service node `service` covers by rule 1 and `siem` admits (zones, then nodes). */
static void
acc_add_covered_by (BwRecommendSearch *s,
                    guint              service,
                    const BwStencil   *siem,
                    gboolean           zones)
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
acc_add_upstream (BwRecommendSearch *s,
                  guint              collector,
                  const BwStencil   *siem)
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

/* Adds to the per-technique gains what pattern `p`, reached by `count` assets, newly gets with
 * `best1` / `best2`, masked by `only` (NULL: every technique). */
static void
gain_add_masked (BwRecommendSearch *s,
                 guint              p,
                 guint              count,
                 const guint64     *best1,
                 const guint64     *best2,
                 const guint64     *only)
{
  guint W = s->words;
  const guint64 *bits = bw_recommend_search_pattern (s, p);

  for (guint w = 0; w < W; w++)
    {
      guint64 live = bits[w] & s->mask[w] & (only != NULL ? only[w] : G_MAXUINT64);
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

void
bw_recommend_search_gain_add (BwRecommendSearch *s,
                              guint              p,
                              guint              count,
                              const guint64     *best1,
                              const guint64     *best2)
{
  gain_add_masked (s, p, count, best1, best2, NULL);
}

/* The gains of every pattern of one accumulator, which is cleared. */
static void
acc_gather (BwRecommendSearch *s,
            guint             *acc,
            GArray            *acc_list,
            const guint64     *best1,
            const guint64     *best2,
            const guint64     *only)
{
  for (guint i = 0; i < acc_list->len; i++)
    {
      guint p = g_array_index (acc_list, guint, i);

      gain_add_masked (s, p, acc[p], best1, best2, only);
      acc[p] = 0;
    }
  g_array_set_size (acc_list, 0);
}

/* The ratio once the affected assets gain `best1` / `best2` on their applicable techniques (those
 * reached by delivery alone on the delivery techniques only), by rule 5 from the changed
 * counts; the scratch is cleared for the next candidate. */
static double
acc_ratio (BwRecommendSearch *s,
           const guint64     *best1,
           const guint64     *best2)
{
  acc_gather (s, s->acc, s->acc_list, best1, best2, NULL);
  if (s->acc_d_list->len > 0)
    acc_gather (s, s->acc_d, s->acc_d_list, best1, best2, s->delivery);
  return bw_recommend_search_gain_ratio (s);
}

static void
acc_drop (BwRecommendSearch *s)
{
  for (guint i = 0; i < s->acc_list->len; i++)
    s->acc[g_array_index (s->acc_list, guint, i)] = 0;
  g_array_set_size (s->acc_list, 0);
}

void
bw_recommend_search_gain_delivered (BwRecommendSearch *s,
                                    const BwStencil   *stencil,
                                    guint              zone,
                                    guint              node,
                                    const guint64     *best1,
                                    const guint64     *best2)
{
  if (s->delivery == NULL)
    return;
  /* Mark the rule-1 assets, as a new service's are marked, without counting them again. */
  s->stamp++;
  if (zone != BW_RECOMMEND_NONE)
    {
      acc_add_zone (s, zone, stencil, NULL);
      acc_drop (s);
      acc_add_zone_delivered (s, zone, stencil);
    }
  else
    {
      acc_add_node (s, node, stencil, NULL);
      acc_drop (s);
      if (s->node_stamp[node] == s->stamp)
        acc_add_delivered (s, node);
    }
  acc_gather (s, s->acc_d, s->acc_d_list, best1, best2, s->delivery);
}

gboolean
bw_recommend_search_flows_out (BwRecommendSearch *s,
                               guint              node)
{
  return s->flow_start[node + 1] > s->flow_start[node];
}

double
bw_recommend_search_gain_ratio (BwRecommendSearch *s)
{
  guint covered = s->covered, partial = s->partial, applicable = s->applicable;

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

/* Whether the document takes the candidate (a new node lands inside the coordinates it
 * allows): applied to the copy and taken back, as the engine-driven search scored every
 * candidate, and a candidate it could not apply was never chosen. The engine does not follow:
 * the document ends as it was, so what the engine holds stays true. */
static gboolean
applies (BwRecommendSearch      *s,
         const BwRecommendation *candidate)
{
  g_autofree char *id = NULL;
  guint n_edges;

  /* Once the document took a stencil's node, only its place can differ: when every place it
   * could get is in range, the edit is known to succeed. A connection adds no node. */
  if (candidate->action != BW_RECOMMEND_CONNECT &&
      g_hash_table_contains (s->taken, candidate->stencil) &&
      bw_recommend_place_in_range (s->doc, candidate))
    return TRUE;
  g_signal_handlers_block_matched (s->doc, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, s->engine);
  id = bw_recommend_apply (s->catalog, s->doc, candidate, NULL);
  n_edges = bw_document_get_n_edges (s->doc);
  /* A new node: its edge, the last one, goes first. */
  if (id != NULL && bw_document_lookup_node (s->doc, id) != NULL && n_edges > 0)
    {
      g_autofree char *edge = g_strdup (bw_document_get_edge (s->doc, n_edges - 1)->id);

      bw_document_remove (s->doc, edge, NULL);
    }
  if (id != NULL)
    bw_document_remove (s->doc, id, NULL);
  g_signal_handlers_unblock_matched (s->doc, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, s->engine);
  if (id != NULL && candidate->action != BW_RECOMMEND_CONNECT)
    g_hash_table_add (s->taken, (gpointer) candidate->stencil);
  return id != NULL;
}

typedef enum
{
  NOT_BETTER,
  KEPT,
  REFUSED,   /* better, but the document does not take it */
} Outcome;

/* Kept when it gains more than the best so far (and the document takes it). */
static Outcome
consider (BwRecommendSearch *s,
          BwRecommendation  *candidate,
          double             ratio,
          double             base,
          BwRecommendation **best)
{
  double gain = ratio - base;

  if (!(gain > 1e-12 && (*best == NULL || gain > (*best)->gain + 1e-12)))
    return NOT_BETTER;
  if (!applies (s, candidate))
    return REFUSED;
  if (*best == NULL)
    *best = g_new0 (BwRecommendation, 1);
  g_free ((*best)->stencil);
  g_free ((*best)->target);
  g_free ((*best)->siem);
  g_free ((*best)->from);
  (*best)->stencil = g_strdup (candidate->stencil);
  (*best)->action = candidate->action;
  (*best)->target = g_strdup (candidate->target);
  (*best)->siem = g_strdup (candidate->siem);
  (*best)->from = g_strdup (candidate->from);
  (*best)->gain = gain;
  (*best)->ratio_after = ratio;
  return KEPT;
}

gboolean
bw_recommend_search_consider (BwRecommendSearch  *s,
                              BwRecommendation   *candidate,
                              double              ratio,
                              double              base,
                              BwRecommendation  **best)
{
  return consider (s, candidate, ratio, base, best) == REFUSED;
}

static BwRecommendation *
copy_recommendation (const BwRecommendation *r)
{
  BwRecommendation *copy;

  if (r == NULL)
    return NULL;
  copy = g_memdup2 (r, sizeof *r);
  copy->stencil = g_strdup (r->stencil);
  copy->target = g_strdup (r->target);
  copy->siem = g_strdup (r->siem);
  copy->from = g_strdup (r->from);
  copy->techniques = g_strdupv (r->techniques);
  return copy;
}

/* The nodes to weigh: the first of each kind and pattern with every node that is not an asset,
 * or, when `all`, every node. */
static guint
n_to_weigh (BwRecommendSearch *s,
            gboolean           all)
{
  return all ? s->n_nodes : s->firsts->len;
}

static guint
node_to_weigh (BwRecommendSearch *s,
               gboolean           all,
               guint              f)
{
  return all ? f : g_array_index (s->firsts, guint, f);
}

/* Runs `weigh` over the nodes once; when a candidate the document refused hid later ones of its
 * pattern, the pass is run again over every node from the best as it stood before, so the
 * outcome is the one a search of every node finds. */
static void
weigh_nodes (BwRecommendSearch  *s,
             gboolean          (*weigh) (BwRecommendSearch *, const BwStencil *, double,
                                         BwRecommendation **, gboolean),
             const BwStencil    *stencil,
             double              base,
             BwRecommendation  **best)
{
  g_autoptr(BwRecommendation) before = copy_recommendation (*best);

  if (!weigh (s, stencil, base, best, FALSE))
    return;
  bw_recommendation_free (*best);
  *best = g_steal_pointer (&before);
  weigh (s, stencil, base, best, TRUE);
}

/* Telemetry from each node that may send it into the SIEM of `stencil`: the document's first
 * of that kind, or a new one. TRUE when the document refused a candidate of a pattern. */
static gboolean
weigh_telemetry (BwRecommendSearch  *s,
                 const BwStencil    *stencil,
                 double              base,
                 BwRecommendation  **best,
                 gboolean            all)
{
  const BwNode *siem = bw_recommend_search_first_of_kind (s, stencil->id);
  BwRecommendation candidate = { (char *) stencil->id, BW_RECOMMEND_TELEMETRY, NULL,
                                 siem ? siem->id : NULL, 0, 0 };
  g_autofree guint64 *best1 = g_new (guint64, s->words);
  g_autofree guint64 *best2 = g_new (guint64, s->words);
  const guint8 *admits = bw_recommend_search_admits (s, stencil);
  guint pass = ++s->stamp;
  gboolean refused = FALSE;

  bw_engine_get_service_best (s->engine, stencil, siem, best1, best2);
  for (guint f = 0; f < n_to_weigh (s, all); f++)
    {
      guint i = node_to_weigh (s, all, f);
      const BwStencil *st = s->stencils[i];
      guint p = s->node_pattern[i];
      Outcome outcome;

      if (st == NULL || st->siem || st->role == BW_ROLE_ZONE)
        continue;
      s->stamp++;
      if (st->role == BW_ROLE_ASSET)
        {
          /* An asset affects itself only: an earlier one of its pattern gave the same gain. */
          if (p == BW_RECOMMEND_NONE || s->pattern_seen[p] == pass || !admits[s->node_kind[i]])
            continue;
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
      outcome = consider (s, &candidate, acc_ratio (s, best1, best2), base, best);
      if (st->role == BW_ROLE_ASSET && outcome != REFUSED)
        s->pattern_seen[p] = pass;
      refused |= st->role == BW_ROLE_ASSET && outcome == REFUSED;
    }
  return refused;
}

/* A new service of `stencil` protecting each asset it admits. TRUE when the document refused a
 * candidate of a pattern. */
static gboolean
weigh_protects_nodes (BwRecommendSearch  *s,
                      const BwStencil    *stencil,
                      double              base,
                      BwRecommendation  **best,
                      gboolean            all)
{
  BwRecommendation candidate = { (char *) stencil->id, BW_RECOMMEND_PROTECTS, NULL, NULL, 0, 0 };
  g_autofree guint64 *best1 = g_new (guint64, s->words);
  g_autofree guint64 *best2 = g_new (guint64, s->words);
  const guint8 *admits = bw_recommend_search_admits (s, stencil);
  guint pass = ++s->stamp;
  gboolean refused = FALSE;

  bw_engine_get_service_best (s->engine, stencil, NULL, best1, best2);
  for (guint f = 0; f < n_to_weigh (s, all); f++)
    {
      guint i = node_to_weigh (s, all, f);
      guint p = s->node_pattern[i];
      Outcome outcome;

      if (p == BW_RECOMMEND_NONE || !admits[s->node_kind[i]] ||
          (s->pattern_seen[p] == pass && !s->flow_source[i]))
        continue;
      /* One of its kind already guards it: not offered, and a later node of the pattern may
       * be, so the pass is run again over every node. */
      if (s->guarded_nodes[i])
        {
          refused |= !all;
          continue;
        }
      s->stamp++;
      acc_add (s, p, 1);
      s->node_stamp[i] = s->stamp;
      if (s->flow_source[i])
        acc_add_delivered (s, i);
      candidate.target = bw_document_get_node (s->doc, i)->id;
      outcome = consider (s, &candidate, acc_ratio (s, best1, best2), base, best);
      /* What follows of the pattern gains the same: weighed again only when refused here. An
       * asset with flows out gains what its own flows give, so it speaks for no other. */
      if (s->flow_source[i])
        continue;
      if (outcome != REFUSED)
        s->pattern_seen[p] = pass;
      refused |= outcome == REFUSED;
    }
  return refused;
}

/* A new service of `stencil` protecting each zone holding an asset it admits, then each asset
 * it admits. */
static void
weigh_protects (BwRecommendSearch  *s,
                const BwStencil    *stencil,
                double              base,
                BwRecommendation  **best)
{
  BwRecommendation candidate = { (char *) stencil->id, BW_RECOMMEND_PROTECTS, NULL, NULL, 0, 0 };
  g_autofree guint64 *best1 = g_new (guint64, s->words);
  g_autofree guint64 *best2 = g_new (guint64, s->words);
  g_autofree guint8 *guarded_zones = g_new0 (guint8, s->n_zones + 1);
  g_autofree guint8 *guarded_nodes = g_new0 (guint8, s->n_nodes + 1);

  bw_recommend_search_guarded (s, stencil, guarded_zones, guarded_nodes);
  s->guarded_zones = guarded_zones;
  s->guarded_nodes = guarded_nodes;
  bw_engine_get_service_best (s->engine, stencil, NULL, best1, best2);
  for (guint z = 0; z < s->n_zones; z++)
    {
      if (guarded_zones[z])
        continue;
      s->stamp++;
      acc_add_zone (s, z, stencil, NULL);
      acc_add_zone_delivered (s, z, stencil);
      /* Nothing in the zone admits it: then nothing is delivered either. */
      if (s->acc_list->len == 0)
        continue;
      candidate.target = bw_document_get_zone (s->doc, z)->id;
      consider (s, &candidate, acc_ratio (s, best1, best2), base, best);
    }
  weigh_nodes (s, weigh_protects_nodes, stencil, base, best);
  s->guarded_zones = s->guarded_nodes = NULL;
}

BwRecommendation *
bw_recommend_best_step (BwCatalog    *catalog,
                        BwDocument   *work,
                        BwEngine     *engine,
                        GCancellable *cancellable)
{
  double base = bw_recommend_report_ratio (bw_engine_get_report (engine));
  BwRecommendation *best = NULL;
  BwRecommendSearch s;

  bw_recommend_search_init (&s, catalog, work, engine);
  /* Connecting what is drawn goes first: of equal gains, the one that buys nothing wins. */
  bw_recommend_weigh_connect (&s, base, &best);
  for (guint i = 0; i < bw_catalog_get_n_stencils (catalog); i++)
    {
      const BwStencil *stencil = bw_catalog_get_stencil (catalog, i);

      if (g_cancellable_is_cancelled (cancellable))
        break;
      if (stencil->role != BW_ROLE_SERVICE ||
          !bw_recommend_stencil_usable (catalog, work, stencil))
        continue;
      if (stencil->siem)
        weigh_nodes (&s, weigh_telemetry, stencil, base, &best);
      else
        weigh_protects (&s, stencil, base, &best);
    }
  bw_recommend_search_clear (&s);
  return best;
}
