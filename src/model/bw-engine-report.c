/* bw-engine-report.c: from the engine's counters to a report: technique status, tactic,
 * phase and summary figures, per-asset figures and the threat profile (rules 5–9). */
#include "config.h"

#include <string.h>

#include "bw-engine-private.h"

/* Counters */


/* A NULL-terminated copy of `n` strings in one allocation, the strings after the pointers:
 * freed by g_free. A report of 100,000 assets copies their ids in one go. */
static GStrv
strv_pack (const char *const *strings,
           guint              n)
{
  gsize size = (n + 1) * sizeof (char *);
  GStrv strv;
  char *at;

  for (guint i = 0; i < n; i++)
    size += strlen (strings[i]) + 1;
  strv = g_malloc (size);
  at = (char *) (strv + n + 1);
  for (guint i = 0; i < n; i++)
    {
      gsize len = strlen (strings[i]) + 1;

      strv[i] = memcpy (at, strings[i], len);
      at += len;
    }
  strv[n] = NULL;
  return strv;
}
static guint
counter_get (const BwEngineCounter *c,
             guint                  i,
             guint                  words)
{
  guint v = 0;

  for (guint p = 0; p < c->n_planes; p++)
    v |= (guint) ((c->planes[(gsize) p * words + i / 64] >> (i % 64)) & 1) << p;
  return v;
}

/* Word w of the mask "counter a equals counter b" over all techniques. */
static guint64
counter_equal_word (const BwEngineCounter *a,
                    const BwEngineCounter *b,
                    guint                  w,
                    guint                  words)
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
counter_nonzero_word (const BwEngineCounter *c,
                      guint                  w,
                      guint                  words)
{
  guint64 any = 0;

  for (guint p = 0; p < c->n_planes; p++)
    any |= c->planes[(gsize) p * words + w];
  return any;
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

/* Per technique over the assets it applies to, as masks: applicable to some asset; best ≥ 2 on
 * all of them (covered); best ≥ 1 on some but not covered (partial); min cell(c) ≥ level,
 * the bitset 3·c + level − 1 of `min_ge`. */
typedef struct
{
  guint64 *applicable;
  guint64 *covered;
  guint64 *partial;
  guint64 *min_ge;
} TechniqueMasks;

static void
technique_masks_clear (TechniqueMasks *m)
{
  g_clear_pointer (&m->applicable, g_free);
  g_clear_pointer (&m->covered, g_free);
  g_clear_pointer (&m->partial, g_free);
  g_clear_pointer (&m->min_ge, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TechniqueMasks, technique_masks_clear)

static void
technique_masks_init (BwEngine       *self,
                      TechniqueMasks *m)
{
  guint W = self->words;

  m->applicable = bits_new (self);
  m->covered = bits_new (self);
  m->partial = bits_new (self);
  m->min_ge = g_new0 (guint64, 9 * W);
  for (guint w = 0; w < W; w++)
    {
      guint64 app = counter_nonzero_word (&self->counters[C_APP], w, W);
      guint64 all2 = counter_equal_word (&self->counters[C_BEST2], &self->counters[C_APP], w, W);
      guint64 any1 = counter_nonzero_word (&self->counters[C_BEST1], w, W);

      m->applicable[w] = app;
      m->covered[w] = app & all2;
      m->partial[w] = app & ~all2 & any1;
      for (guint k = 0; k < 9; k++)
        m->min_ge[k * W + w] =
          app & counter_equal_word (&self->counters[3 + k], &self->counters[C_APP], w, W);
    }
}

/* Rule 5: each technique's status, its protect/detect/respond figures and asset counts. */
static void
fill_techniques (BwEngine             *self,
                 const TechniqueMasks *m,
                 BwReport             *report)
{
  guint W = self->words;

  for (guint t = 0; t < self->n_techniques; t++)
    {
      BwReportTechnique *rt = &report->techniques[t];
      guint64 bit = G_GUINT64_CONSTANT (1) << (t % 64);
      guint w = t / 64;

      if (!(m->applicable[w] & bit))
        {
          rt->status = BW_STATUS_NOT_APPLICABLE;
          continue;
        }
      rt->status = (m->covered[w] & bit) ? BW_STATUS_COVERED
                   : (m->partial[w] & bit) ? BW_STATUS_PARTIAL
                                           : BW_STATUS_GAP;
      for (guint c = 0; c < 3; c++)
        {
          BwScore score = BW_SCORE_NONE;

          for (guint level = 1; level <= 3; level++)
            if (m->min_ge[(3 * c + level - 1) * W + w] & bit)
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
}

/* Rule 8 per asset, in document order, and the node counts; nodes of unknown kinds go to
 * `unknown`. */
static void
fill_assets (BwEngine  *self,
             BwReport  *report,
             GPtrArray *unknown)
{
  BwDocument *doc = self->document;
  guint n = bw_document_get_n_nodes (doc);
  g_autoptr(GPtrArray) asset_ids = g_ptr_array_new ();
  /* What the last full recompute found, while it holds: no lookup per node. */
  gboolean ordered = self->order_valid && self->n_order == n;

  for (guint i = 0; ordered && i < n; i++)
    ordered = self->order_nodes[i] == bw_document_get_node (doc, i);
  report->assets = g_new0 (BwReportAsset, n + 1);
  for (guint i = 0; i < n; i++)
    {
      const BwNode *node = bw_document_get_node (doc, i);
      const BwStencil *s = engine_node_stencil (self, node);
      BwEngineAsset *state;
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
      state = ordered ? self->order_states[i] : g_hash_table_lookup (self->assets, node->id);
      a = &report->assets[report->n_assets++];
      g_ptr_array_add (asset_ids, node->id);
      a->applicable = state->applicable;
      a->covered = state->covered;
      a->partial = state->partial;
      a->gap = a->applicable - a->covered - a->partial;
      /* Rule 11: applicable techniques, and not one of them covered even partly. */
      a->unprotected = a->applicable > 0 && a->covered == 0 && a->partial == 0;
      report->n_unprotected += a->unprotected;
    }
  g_free (report->asset_ids);
  report->asset_ids = strv_pack ((const char *const *) asset_ids->pdata, asset_ids->len);
  for (guint i = 0; i < report->n_assets; i++)
    report->assets[i].id = report->asset_ids[i];
}

/* Rule 9: the techniques the named groups use, and a focus imported from a Navigator layer,
 * into the report's profile; group ids the catalog does not know go to `unknown_groups`.
 * Returns whether there is a profile. */
static gboolean
fill_profile (BwEngine  *self,
              BwReport  *report,
              GPtrArray *unknown_groups)
{
  const char *const *groups = bw_document_get_threat_groups (self->document);
  gboolean any = FALSE;

  for (guint i = 0; groups[i] != NULL; i++)
    {
      const BwGroup *g = bw_catalog_lookup_group (self->catalog, groups[i]);

      if (g == NULL)
        {
          g_ptr_array_add (unknown_groups, (gpointer) groups[i]);
          continue;
        }
      any = TRUE;
      for (guint k = 0; k < g->n_techniques; k++)
        bits_set (report->profile, g->techniques[k]);
    }
  for (const char *const *t = bw_document_get_threat_techniques (self->document); *t != NULL; t++)
    {
      const BwTechnique *technique = bw_catalog_resolve_technique (self->catalog, *t);

      if (technique != NULL)
        {
          bits_set (report->profile, technique->index);
          any = TRUE;
        }
    }
  return any;
}

BwReport *
bw_engine_build_report (BwEngine *self)
{
  BwCatalog *catalog = self->catalog;
  BwDocument *doc = self->document;
  BwReport *report = bw_report_new (bw_catalog_get_n_tactics (catalog),
                                    bw_catalog_get_n_phases (catalog), self->n_techniques);
  g_auto(TechniqueMasks) m = { NULL };
  g_autoptr(GPtrArray) unknown = g_ptr_array_new ();
  g_autoptr(GPtrArray) unknown_groups = g_ptr_array_new ();
  double threshold = doc ? bw_document_get_gap_threshold (doc) : 0.25;

  report->attack_version = g_strdup (bw_catalog_get_attack_version (catalog));
  report->gap_threshold = threshold;

  technique_masks_init (self, &m);
  fill_techniques (self, &m, report);
  fill_tables (self, m.covered, m.partial, m.applicable, NULL, threshold, &report->summary,
               report->tactics, report->phases, report->phase_gap);
  if (doc != NULL)
    {
      fill_assets (self, report, unknown);
      report->has_profile = fill_profile (self, report, unknown_groups);
      if (report->has_profile)
        fill_tables (self, m.covered, m.partial, m.applicable, report->profile, threshold,
                     &report->profile_summary, report->profile_tactics, report->profile_phases,
                     report->profile_phase_gap);
    }
  g_ptr_array_add (unknown, NULL);
  g_ptr_array_add (unknown_groups, NULL);
  g_strfreev (report->unknown_nodes);
  g_strfreev (report->unknown_groups);
  report->unknown_nodes = g_strdupv ((char **) unknown->pdata);
  report->unknown_groups = g_strdupv ((char **) unknown_groups->pdata);
  return report;
}
