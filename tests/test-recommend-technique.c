/* test-recommend-technique.c: what would cover one technique, against a plain search written
 * here — every service stencil that maps the technique, added to protect every zone and every
 * applicable asset of the sample, each tried on a copy of the document and measured with
 * bw_explain: the answer is one of the best, and it raises what it says. */
#include "config.h"

#include "bw-document-io.h"
#include "bw-explain.h"
#include "bw-recommend.h"
#include "bw-test-util.h"

typedef struct
{
  guint   covered;  /* assets brought from below partial to partial or more */
  guint   raised;   /* assets whose best went up */
  BwScore score;    /* the highest best it gave one of them */
} Gain;

static BwCatalog *catalog;
static BwDocument *sample;

static Gain
measure (BwExplanation *before,
         BwExplanation *after)
{
  Gain gain = { 0, 0, BW_SCORE_NONE };

  for (guint i = 0; i < bw_explanation_get_n_assets (before); i++)
    {
      const BwExplainAsset *a = bw_explanation_get_asset (before, i);
      const BwExplainAsset *b = bw_explanation_lookup_asset (after, a->id);

      g_assert_nonnull (b);
      if (b->best <= a->best)
        continue;
      gain.raised++;
      gain.covered += a->best < BW_SCORE_PARTIAL && b->best >= BW_SCORE_PARTIAL;
      gain.score = MAX (gain.score, b->best);
    }
  return gain;
}

static int
compare_gain (const Gain *x,
              const Gain *y)
{
  if (x->covered != y->covered)
    return x->covered < y->covered ? -1 : 1;
  if (x->raised != y->raised)
    return x->raised < y->raised ? -1 : 1;
  return x->score < y->score ? -1 : x->score > y->score;
}

/* The gain of a new `stencil` protecting `target`, measured on a copy. */
static Gain
try_one (BwExplanation *before,
         const char    *technique_id,
         const char    *stencil,
         const char    *target)
{
  BwRecommendation rec = { (char *) stencil, BW_RECOMMEND_PROTECTS, (char *) target, NULL, 0, 0 };
  g_autoptr(BwDocument) copy = bw_document_copy (sample);
  g_autoptr(GError) error = NULL;
  g_autofree char *added = bw_recommend_apply (catalog, copy, &rec, &error);
  g_autoptr(BwExplanation) after = NULL;

  g_assert_no_error (error);
  after = bw_explain (catalog, copy, technique_id, NULL, NULL);
  return measure (before, after);
}

static gboolean
maps (const BwStencil   *stencil,
      const BwTechnique *technique)
{
  for (guint i = 0; stencil->capabilities[i] != NULL; i++)
    {
      const BwCapability *cap = bw_catalog_lookup_capability (catalog, stencil->capabilities[i]);

      for (guint e = 0; cap != NULL && e < cap->n_entries; e++)
        if (cap->entries[e].technique == technique->index)
          return TRUE;
    }
  return FALSE;
}

/* The best gain of any one addition, by trying them all. */
static Gain
best_by_trying (BwExplanation *before,
                const char    *technique_id)
{
  const BwTechnique *technique = bw_explanation_get_technique (before);
  Gain best = { 0, 0, BW_SCORE_NONE };

  for (guint s = 0; s < bw_catalog_get_n_stencils (catalog); s++)
    {
      const BwStencil *stencil = bw_catalog_get_stencil (catalog, s);
      Gain gain;

      if (stencil->role != BW_ROLE_SERVICE || stencil->siem || !maps (stencil, technique))
        continue;
      for (guint z = 0; z < bw_document_get_n_zones (sample); z++)
        {
          gain = try_one (before, technique_id, stencil->id,
                          bw_document_get_zone (sample, z)->id);
          if (compare_gain (&gain, &best) > 0)
            best = gain;
        }
      for (guint a = 0; a < bw_explanation_get_n_assets (before); a++)
        {
          gain = try_one (before, technique_id, stencil->id,
                          bw_explanation_get_asset (before, a)->id);
          if (compare_gain (&gain, &best) > 0)
            best = gain;
        }
    }
  return best;
}

static void
check_technique (const char *technique_id)
{
  g_autoptr(BwExplanation) before = bw_explain (catalog, sample, technique_id, NULL, NULL);
  guint raised = 0;
  BwScore score = BW_SCORE_NONE;
  g_autoptr(BwRecommendation) rec =
      bw_recommend_for_technique (catalog, sample, technique_id, &raised, &score);
  Gain best = best_by_trying (before, technique_id);

  g_test_message ("%s: best by trying covers %u, raises %u to %d", technique_id, best.covered,
                  best.raised, best.score);
  if (best.raised == 0)
    {
      g_assert_null (rec);
      return;
    }
  g_assert_nonnull (rec);
  {
    Gain gain = try_one (before, technique_id, rec->stencil, rec->target);

    g_assert_cmpint (compare_gain (&gain, &best), ==, 0);
    g_assert_cmpuint (gain.raised, ==, raised);
    g_assert_cmpint (gain.score, ==, score);
  }
}

static void
test_sample (void)
{
  const char *techniques[] = { "T1003", "T1078", "T1190", "T1566.001", "T1595", "T1486" };

  for (guint i = 0; i < G_N_ELEMENTS (techniques); i++)
    check_technique (techniques[i]);
  g_assert_null (bw_recommend_for_technique (catalog, sample, "T0000", NULL, NULL));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  catalog = bw_catalog_load_default (&error);
  g_assert_no_error (error);
  path = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  sample = bw_document_load_from_file (path, &error);
  g_assert_no_error (error);

  g_test_add_func ("/recommend-technique/sample", test_sample);
  status = g_test_run ();
  g_clear_object (&sample);
  g_clear_object (&catalog);
  return status;
}
