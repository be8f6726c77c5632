/* bw-engine-assets.c: per (technique, asset) scores, from the services the engine says cover
 * each asset and the capability entries those services hold. */
#include "config.h"

#include <string.h>

#include "bw-engine-assets.h"

typedef struct
{
  const BwNode *node;
  gint8        *best;     /* n_techniques */
  GPtrArray    *services; /* ServiceScores *, not owned */
  GPtrArray    *delivering; /* ServiceScores * covering it by rule 10 alone, not owned */
} AssetRow;

typedef struct
{
  const BwNode *node;
  guint8       *best;     /* n_techniques: max (protect, detect) of caps(s) */
} ServiceScores;

struct _BwEngineAssets
{
  BwCatalog  *catalog;
  BwDocument *document;
  guint       n_techniques;
  guint8     *delivery;   /* per technique: rule 10 holds for it */
  GArray     *assets;     /* AssetRow */
  GHashTable *services;   /* node id → ServiceScores * */
};


static void
service_scores_free (gpointer data)
{
  ServiceScores *s = data;

  g_free (s->best);
  g_free (s);
}

/* caps(s): the stencil's capabilities, minus the disabled ones and those above the licence. */
static ServiceScores *
service_scores (BwEngineAssets *self,
                const BwNode   *node)
{
  ServiceScores *s = g_hash_table_lookup (self->services, node->id);
  const BwStencil *stencil;
  const char *licence = bw_document_get_licence (self->document);

  if (s != NULL)
    return s;
  s = g_new0 (ServiceScores, 1);
  s->node = node;
  s->best = g_new0 (guint8, self->n_techniques);
  stencil = bw_catalog_lookup_stencil (self->catalog, node->kind);
  for (guint i = 0; stencil != NULL && stencil->capabilities[i] != NULL; i++)
    {
      const BwCapability *cap = bw_catalog_lookup_capability (self->catalog,
                                                              stencil->capabilities[i]);

      if (cap == NULL || !bw_node_get_capability_enabled (node, cap->id) ||
          !bw_licence_admits_tier (licence,
                                   bw_document_get_capability_tier (self->document, cap->id,
                                                                    cap->tier)))
        continue;
      for (guint k = 0; k < cap->n_entries; k++)
        {
          const BwMapping *m = &cap->entries[k];

          /* best(a, t) counts protect and detect; respond does not. */
          if (m->category != BW_CATEGORY_RESPOND && (guint8) m->score > s->best[m->technique])
            s->best[m->technique] = (guint8) m->score;
        }
    }
  g_hash_table_insert (self->services, node->id, s);
  return s;
}

/* Rule 3: the platforms of the asset (props.platforms overrides the stencil's). */
static GHashTable *
asset_platforms (BwEngineAssets *self,
                 const BwNode   *node)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);
  JsonNode *override = json_object_get_member (node->props, "platforms");

  if (override != NULL && JSON_NODE_HOLDS_ARRAY (override))
    {
      JsonArray *array = json_node_get_array (override);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *platform = json_array_get_string_element (array, i);

          if (platform != NULL)
            g_hash_table_add (set, (gpointer) platform);
        }
    }
  else
    {
      const BwStencil *stencil = bw_catalog_lookup_stencil (self->catalog, node->kind);

      for (guint i = 0; stencil->platforms[i] != NULL; i++)
        g_hash_table_add (set, stencil->platforms[i]);
    }
  return set;
}

static void
fill_asset (BwEngineAssets *self,
            BwEngine       *engine,
            AssetRow       *row)
{
  g_autoptr(GHashTable) platforms = asset_platforms (self, row->node);
  g_autoptr(GPtrArray) covering = bw_engine_get_covering (engine, row->node->id);

  g_autoptr(GPtrArray) delivering = bw_engine_get_delivering (engine, row->node->id);

  row->best = g_new0 (gint8, self->n_techniques);
  row->services = g_ptr_array_new ();
  row->delivering = g_ptr_array_new ();
  for (guint i = 0; i < covering->len; i++)
    {
      const BwNode *s = bw_document_lookup_node (self->document, g_ptr_array_index (covering, i));

      g_ptr_array_add (row->services, service_scores (self, s));
    }
  for (guint i = 0; i < delivering->len; i++)
    {
      const BwNode *s = bw_document_lookup_node (self->document,
                                                 g_ptr_array_index (delivering, i));

      gboolean also_covering = FALSE;

      for (guint k = 0; k < covering->len && !also_covering; k++)
        also_covering = g_str_equal (g_ptr_array_index (covering, k), s->id);
      if (!also_covering)
        g_ptr_array_add (row->delivering, service_scores (self, s));
    }
  for (guint t = 0; t < self->n_techniques; t++)
    {
      const BwTechnique *technique = bw_catalog_get_technique (self->catalog, t);
      gboolean applies = FALSE;

      for (guint p = 0; technique->platforms[p] != NULL && !applies; p++)
        applies = g_hash_table_contains (platforms, technique->platforms[p]);
      row->best[t] = applies ? BW_SCORE_NONE : BW_ENGINE_NOT_APPLICABLE;
      for (guint i = 0; applies && i < row->services->len; i++)
        {
          const ServiceScores *s = g_ptr_array_index (row->services, i);

          row->best[t] = MAX (row->best[t], (gint8) s->best[t]);
        }
      /* Rule 10: the services delivering to it count for initial access alone. */
      for (guint i = 0; applies && self->delivery[t] && i < row->delivering->len; i++)
        {
          const ServiceScores *s = g_ptr_array_index (row->delivering, i);

          row->best[t] = MAX (row->best[t], (gint8) s->best[t]);
        }
    }
}

BwEngineAssets *
bw_engine_assets_new (BwCatalog  *catalog,
                      BwDocument *document)
{
  BwEngineAssets *self;
  g_autoptr(BwEngine) engine = NULL;

  g_return_val_if_fail (BW_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (BW_IS_DOCUMENT (document), NULL);

  engine = bw_engine_new (catalog);
  bw_engine_set_document (engine, document);
  self = g_new0 (BwEngineAssets, 1);
  self->catalog = g_object_ref (catalog);
  self->document = g_object_ref (document);
  self->n_techniques = bw_catalog_get_n_techniques (catalog);
  self->assets = g_array_new (FALSE, TRUE, sizeof (AssetRow));
  self->services = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, service_scores_free);
  self->delivery = g_new0 (guint8, self->n_techniques + 1);
  for (guint t = 0; t < self->n_techniques; t++)
    self->delivery[t] = bw_engine_is_delivery (engine, t);
  for (guint i = 0; i < bw_document_get_n_nodes (document); i++)
    {
      const BwNode *node = bw_document_get_node (document, i);
      const BwStencil *stencil = bw_catalog_lookup_stencil (catalog, node->kind);
      AssetRow row = { node, NULL, NULL, NULL };

      if (stencil == NULL || stencil->role != BW_ROLE_ASSET)
        continue;
      fill_asset (self, engine, &row);
      g_array_append_val (self->assets, row);
    }
  bw_engine_set_document (engine, NULL);
  return self;
}

void
bw_engine_assets_free (BwEngineAssets *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->assets->len; i++)
    {
      AssetRow *row = &g_array_index (self->assets, AssetRow, i);

      g_free (row->best);
      g_ptr_array_unref (row->services);
      g_ptr_array_unref (row->delivering);
    }
  g_array_unref (self->assets);
  g_hash_table_unref (self->services);
  g_free (self->delivery);
  g_clear_object (&self->document);
  g_clear_object (&self->catalog);
  g_free (self);
}

guint
bw_engine_assets_get_n_assets (BwEngineAssets *self)
{
  return self->assets->len;
}

const BwNode *
bw_engine_assets_get_asset (BwEngineAssets *self,
                            guint           asset)
{
  g_return_val_if_fail (asset < self->assets->len, NULL);
  return g_array_index (self->assets, AssetRow, asset).node;
}

int
bw_engine_assets_get_best (BwEngineAssets *self,
                           guint           asset,
                           guint           technique)
{
  g_return_val_if_fail (asset < self->assets->len, BW_ENGINE_NOT_APPLICABLE);
  g_return_val_if_fail (technique < self->n_techniques, BW_ENGINE_NOT_APPLICABLE);
  return g_array_index (self->assets, AssetRow, asset).best[technique];
}

BwStatus
bw_engine_assets_get_status (BwEngineAssets *self,
                             guint           asset,
                             guint           technique)
{
  int best = bw_engine_assets_get_best (self, asset, technique);

  if (best == BW_ENGINE_NOT_APPLICABLE)
    return BW_STATUS_NOT_APPLICABLE;
  if (best >= BW_SCORE_PARTIAL)
    return BW_STATUS_COVERED;
  return best >= BW_SCORE_MINIMAL ? BW_STATUS_PARTIAL : BW_STATUS_GAP;
}

void
bw_engine_assets_get_services (BwEngineAssets *self,
                               guint           asset,
                               guint           technique,
                               GPtrArray      *out)
{
  AssetRow *row;

  g_return_if_fail (asset < self->assets->len);
  g_return_if_fail (technique < self->n_techniques);
  row = &g_array_index (self->assets, AssetRow, asset);
  if (row->best[technique] == BW_ENGINE_NOT_APPLICABLE)
    return;
  for (guint i = 0; i < row->services->len; i++)
    {
      const ServiceScores *s = g_ptr_array_index (row->services, i);

      if (s->best[technique] > 0)
        g_ptr_array_add (out, (gpointer) s->node);
    }
  for (guint i = 0; self->delivery[technique] && i < row->delivering->len; i++)
    {
      const ServiceScores *s = g_ptr_array_index (row->delivering, i);

      if (s->best[technique] > 0)
        g_ptr_array_add (out, (gpointer) s->node);
    }
}
