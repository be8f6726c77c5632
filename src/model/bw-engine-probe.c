/* bw-engine-probe.c: read-only views of the engine's state for planners (the recommender),
 * so they can weigh an addition without applying it. */
#include "config.h"

#include <string.h>

#include "bw-engine-private.h"

guint
bw_engine_get_n_words (BwEngine *self)
{
  g_return_val_if_fail (BW_IS_ENGINE (self), 0);

  return self->words;
}

const guint64 *
bw_engine_get_delivery_bits (BwEngine *self)
{
  g_return_val_if_fail (BW_IS_ENGINE (self), NULL);

  return self->delivery_bits;
}

gboolean
bw_engine_get_asset_bits (BwEngine       *self,
                          const char     *asset_id,
                          const guint64 **applicable,
                          const guint64 **best1,
                          const guint64 **best2)
{
  BwEngineAsset *state;

  g_return_val_if_fail (BW_IS_ENGINE (self), FALSE);

  state = g_hash_table_lookup (self->assets, asset_id);
  if (state == NULL || !state->counted)
    return FALSE;
  *applicable = state->bits[C_APP];
  *best1 = state->bits[C_BEST1];
  *best2 = state->bits[C_BEST2];
  return TRUE;
}

/* best ≥ 1 and ≥ 2 from the 9 cell bitsets (3 · category + level − 1): protect or detect at
 * that level; respond does not count (rule 4). */
static void
best_from_caps (const guint64 *caps,
                guint          words,
                guint64       *best1,
                guint64       *best2)
{
  for (guint w = 0; w < words; w++)
    {
      best1[w] = caps[(gsize) 0 * words + w] | caps[(gsize) 3 * words + w];
      best2[w] = caps[(gsize) 1 * words + w] | caps[(gsize) 4 * words + w];
    }
}

void
bw_engine_get_service_best (BwEngine        *self,
                            const BwStencil *stencil,
                            const BwNode    *node,
                            guint64         *best1,
                            guint64         *best2)
{
  guint W;
  g_autofree guint64 *caps = NULL;

  g_return_if_fail (BW_IS_ENGINE (self));

  W = self->words;
  if (node != NULL)
    {
      best_from_caps (bw_engine_service_caps (self, node), W, best1, best2);
      return;
    }
  /* A new node: every capability of the stencil within the licence, none switched off. */
  caps = g_new0 (guint64, 9 * W);
  for (guint i = 0; stencil->capabilities[i] != NULL; i++)
    {
      const BwCapability *cap =
          bw_catalog_lookup_capability (self->catalog, stencil->capabilities[i]);

      if (cap == NULL ||
          !bw_licence_admits_tier (self->licence,
                                   bw_document_get_capability_tier (self->document, cap->id,
                                                                    cap->tier)))
        continue;
      for (guint k = 0; k < cap->n_entries; k++)
        {
          const BwMapping *m = &cap->entries[k];

          for (guint level = 1; level <= (guint) m->score; level++)
            caps[(gsize) (3 * m->category + level - 1) * W + m->technique / 64] |=
              G_GUINT64_CONSTANT (1) << (m->technique % 64);
        }
    }
  best_from_caps (caps, W, best1, best2);
}
