/* bw-recommend-technique.c: what would cover one technique — the technique page's line. The
 * single service stencil, and the zone or asset it would protect (rule 1), that raises the best
 * score of the most assets the technique applies to: first those it brings from below partial
 * to partial or more, then any; the score is what its capabilities map for the technique under
 * the document's licence. */
#include "config.h"

#include "bw-explain.h"
#include "bw-recommend.h"

/* The best protect or detect score the stencil's capabilities map for the technique. */
static BwScore
stencil_score (BwCatalog       *catalog,
               const BwStencil *stencil,
               guint            technique,
               const char      *licence)
{
  BwScore best = BW_SCORE_NONE;

  for (guint i = 0; stencil->capabilities[i] != NULL; i++)
    {
      const BwCapability *cap = bw_catalog_lookup_capability (catalog, stencil->capabilities[i]);

      if (cap == NULL || !bw_capability_within_licence (cap, licence))
        continue;
      for (guint e = 0; e < cap->n_entries; e++)
        if (cap->entries[e].technique == technique &&
            cap->entries[e].category != BW_CATEGORY_RESPOND)
          best = MAX (best, cap->entries[e].score);
    }
  return best;
}

static gboolean
in_zone (BwDocument   *document,
         const BwNode *node,
         const char   *zone_id)
{
  guint depth = 0;

  /* The depth bound guards against a parent cycle in a hostile file. */
  for (const char *z = node->zone; z != NULL && depth <= bw_document_get_n_zones (document);
       depth++)
    {
      const BwZone *zone = bw_document_lookup_zone (document, z);

      if (zone == NULL)
        return FALSE;
      if (g_str_equal (zone->id, zone_id))
        return TRUE;
      z = zone->parent;
    }
  return FALSE;
}

typedef struct
{
  const BwStencil *stencil;
  const char      *target;
  BwScore          score;
  guint            raised;   /* assets whose best it raises */
  guint            covered;  /* those of them it raises from below partial to partial or more */
} Candidate;

/* What a new `candidate->stencil` with `candidate->score`, protecting `target` (a zone id, or
 * an asset id when `zone` is FALSE), would raise of the explanation's assets. */
static void
count_raised (BwDocument    *document,
              BwExplanation *explanation,
              Candidate     *candidate,
              const char    *target,
              gboolean       zone)
{
  candidate->target = target;
  candidate->raised = 0;
  candidate->covered = 0;
  for (guint i = 0; i < bw_explanation_get_n_assets (explanation); i++)
    {
      const BwExplainAsset *asset = bw_explanation_get_asset (explanation, i);
      const BwNode *node;
      gboolean reached;

      if (asset->best >= candidate->score || !bw_stencil_admits (candidate->stencil, asset->kind))
        continue;
      if (!zone)
        reached = g_str_equal (asset->id, target);
      else
        reached = (node = bw_document_lookup_node (document, asset->id)) != NULL &&
                  in_zone (document, node, target);
      if (!reached)
        continue;
      candidate->raised++;
      candidate->covered += asset->best < BW_SCORE_PARTIAL && candidate->score >= BW_SCORE_PARTIAL;
    }
}

/* More assets covered first, then more raised at all, then the higher score; the first found
 * wins a tie. */
static void
consider (Candidate       *best,
          const Candidate *candidate)
{
  if (candidate->raised == 0)
    return;
  if (candidate->covered > best->covered ||
      (candidate->covered == best->covered && candidate->raised > best->raised) ||
      (candidate->covered == best->covered && candidate->raised == best->raised &&
       candidate->score > best->score))
    *best = *candidate;
}

static void
weigh_stencil (BwDocument      *document,
               BwExplanation   *explanation,
               const BwStencil *stencil,
               BwScore          score,
               Candidate       *best)
{
  Candidate candidate = { stencil, NULL, score, 0, 0 };

  for (guint z = 0; z < bw_document_get_n_zones (document); z++)
    {
      count_raised (document, explanation, &candidate, bw_document_get_zone (document, z)->id,
                    TRUE);
      consider (best, &candidate);
    }
  for (guint i = 0; i < bw_explanation_get_n_assets (explanation); i++)
    {
      count_raised (document, explanation, &candidate,
                    bw_explanation_get_asset (explanation, i)->id, FALSE);
      consider (best, &candidate);
    }
}

BwRecommendation *
bw_recommend_for_technique (BwCatalog   *catalog,
                            BwDocument  *document,
                            const char  *technique_id,
                            guint       *out_raised,
                            BwScore     *out_score)
{
  g_autoptr(BwExplanation) explanation = NULL;
  const BwTechnique *technique;
  const char *licence;
  Candidate best = { NULL, NULL, BW_SCORE_NONE, 0, 0 };
  BwRecommendation *rec;

  g_return_val_if_fail (BW_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (BW_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (technique_id != NULL, NULL);

  explanation = bw_explain (catalog, document, technique_id, NULL, NULL);
  if (explanation == NULL)
    return NULL;
  technique = bw_explanation_get_technique (explanation);
  licence = bw_document_get_licence (document);
  for (guint s = 0; s < bw_catalog_get_n_stencils (catalog); s++)
    {
      const BwStencil *stencil = bw_catalog_get_stencil (catalog, s);
      BwScore score;

      if (stencil->role != BW_ROLE_SERVICE || stencil->siem)
        continue;
      score = stencil_score (catalog, stencil, technique->index, licence);
      if (score > BW_SCORE_NONE)
        weigh_stencil (document, explanation, stencil, score, &best);
    }
  if (best.stencil == NULL)
    return NULL;

  rec = g_new0 (BwRecommendation, 1);
  rec->stencil = g_strdup (best.stencil->id);
  rec->action = BW_RECOMMEND_PROTECTS;
  rec->target = g_strdup (best.target);
  if (out_raised != NULL)
    *out_raised = best.raised;
  if (out_score != NULL)
    *out_score = best.score;
  return rec;
}
