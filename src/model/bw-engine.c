/* bw-engine.c: the coverage engine. Each asset holds bitsets over the catalog's techniques
 * (applicable; cell score ≥ k per category; best ≥ 1, ≥ 2). Per-technique counts over assets
 * live in bit-sliced counters, so adding or removing one asset's contribution, and every
 * status, tactic, phase and summary figure, is a handful of word operations per 64 techniques.
 * A document change recomputes only the assets it touches. This file holds the object, its
 * catalog tables and its API; bw-engine-private.h names the files that do the rest. */
#include "config.h"

#include "bw-engine-private.h"

G_DEFINE_FINAL_TYPE (BwEngine, bw_engine, G_TYPE_OBJECT)

const BwStencil bw_engine_no_stencil;

enum
{
  REPORT_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Catalog-derived tables */

static void
build_catalog_tables (BwEngine *self)
{
  BwCatalog *catalog = self->catalog;
  guint n_tactics = bw_catalog_get_n_tactics (catalog);
  guint n_phases = bw_catalog_get_n_phases (catalog);

  self->n_techniques = bw_catalog_get_n_techniques (catalog);
  self->words = (self->n_techniques + 63) / 64 + (self->n_techniques == 0);
  self->platform_bits = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  /* NULL-terminated: freed after the catalog is gone (tables_free). */
  self->tactic_bits = g_new0 (guint64 *, n_tactics + 1);
  self->phase_bits = g_new0 (guint64 *, n_phases + 1);
  self->all_bits = bits_new (self);
  self->delivery_bits = bits_new (self);

  for (guint i = 0; i < n_tactics; i++)
    self->tactic_bits[i] = bits_new (self);

  for (guint t = 0; t < self->n_techniques; t++)
    {
      const BwTechnique *technique = bw_catalog_get_technique (catalog, t);

      bits_set (self->all_bits, t);
      /* Rule 10 holds for initial access alone, not for a technique with other tactics too. */
      if (technique->tactics[0] != NULL && technique->tactics[1] == NULL &&
          g_str_equal (technique->tactics[0], "initial-access"))
        {
          bits_set (self->delivery_bits, t);
          self->has_delivery = TRUE;
        }
      for (guint k = 0; technique->platforms[k] != NULL; k++)
        {
          guint64 *bits = g_hash_table_lookup (self->platform_bits, technique->platforms[k]);

          if (bits == NULL)
            {
              bits = bits_new (self);
              g_hash_table_insert (self->platform_bits, technique->platforms[k], bits);
            }
          bits_set (bits, t);
        }
      for (guint k = 0; technique->tactics[k] != NULL; k++)
        {
          const BwTactic *tactic = bw_catalog_lookup_tactic (catalog, technique->tactics[k]);

          for (guint i = 0; tactic != NULL && i < n_tactics; i++)
            if (bw_catalog_get_tactic (catalog, i) == tactic)
              bits_set (self->tactic_bits[i], t);
        }
    }

  for (guint i = 0; i < n_phases; i++)
    {
      const BwPhase *phase = bw_catalog_get_phase (catalog, i);

      self->phase_bits[i] = bits_new (self);
      for (guint k = 0; phase->tactics[k] != NULL; k++)
        for (guint j = 0; j < n_tactics; j++)
          if (g_str_equal (bw_catalog_get_tactic (catalog, j)->shortname, phase->tactics[k]))
            bits_or (self->phase_bits[i], self->tactic_bits[j], self->words);
    }
}

/* The catalog's tables, built into an engine structure that is no object: only the fields above
 * are set. Kept on the catalog, which is never changed once loaded, for every engine after;
 * freed as the catalog goes (its own data may be gone by then). */
static void
tables_free (gpointer data)
{
  BwEngine *tables = data;

  g_hash_table_unref (tables->platform_bits);
  for (guint i = 0; tables->tactic_bits[i] != NULL; i++)
    g_free (tables->tactic_bits[i]);
  for (guint i = 0; tables->phase_bits[i] != NULL; i++)
    g_free (tables->phase_bits[i]);
  g_free (tables->tactic_bits);
  g_free (tables->phase_bits);
  g_free (tables->all_bits);
  g_free (tables->delivery_bits);
  g_free (tables->delivery_index);
  g_free (tables->delivery_before);
  g_free (tables->admits);
  g_free (tables);
}

G_LOCK_DEFINE_STATIC (tables);

static void
use_catalog_tables (BwEngine *self)
{
  BwEngine *tables;

  G_LOCK (tables);
  tables = g_object_get_data (G_OBJECT (self->catalog), "bw-engine-tables");
  if (tables == NULL)
    {
      tables = g_new0 (BwEngine, 1);
      /* Not a reference: the catalog holds the tables. */
      tables->catalog = self->catalog;
      build_catalog_tables (tables);
      bw_engine_admits_init (tables);
      bw_engine_delivery_init (tables);
      g_object_set_data_full (G_OBJECT (self->catalog), "bw-engine-tables", tables, tables_free);
    }
  G_UNLOCK (tables);

  self->n_techniques = tables->n_techniques;
  self->words = tables->words;
  self->platform_bits = tables->platform_bits;
  self->tactic_bits = tables->tactic_bits;
  self->phase_bits = tables->phase_bits;
  self->all_bits = tables->all_bits;
  self->delivery_bits = tables->delivery_bits;
  self->has_delivery = tables->has_delivery;
  self->delivery_index = tables->delivery_index;
  self->n_delivery = tables->n_delivery;
  self->delivery_words = tables->delivery_words;
  self->delivery_before = tables->delivery_before;
  self->n_stencils = tables->n_stencils;
  self->stencil_words = tables->stencil_words;
  self->admits = tables->admits;
}

static void
document_changed_cb (BwEngine       *self,
                     const BwChange *change,
                     BwDocument     *document)
{
  if (bw_engine_apply_change (self, change, document))
    g_signal_emit (self, signals[REPORT_CHANGED], 0);
}

/* Public API */

BwReport *
bw_engine_get_report (BwEngine *self)
{
  g_return_val_if_fail (BW_IS_ENGINE (self), NULL);

  if (self->dirty || self->report == NULL)
    {
      g_clear_pointer (&self->report, bw_report_unref);
      self->report = bw_engine_build_report (self);
      self->dirty = FALSE;
    }
  return self->report;
}

void
bw_engine_set_document (BwEngine   *self,
                        BwDocument *document)
{
  g_return_if_fail (BW_IS_ENGINE (self));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self,
                             G_CONNECT_SWAPPED);
  bw_engine_recompute_all (self);
  g_signal_emit (self, signals[REPORT_CHANGED], 0);
}

BwReport *
bw_engine_compute (BwCatalog  *catalog,
                   BwDocument *document)
{
  g_autoptr(BwEngine) engine = bw_engine_new (catalog);

  engine->document = g_object_ref (document);
  bw_engine_recompute_all (engine);
  return bw_report_ref (bw_engine_get_report (engine));
}

BwCatalog *
bw_engine_get_catalog (BwEngine *self)
{
  return self->catalog;
}

/* The ids of the service nodes `find` gives for asset `asset_id`, in document order. */
static GPtrArray *
services_in_document_order (BwEngine   *self,
                            const char *asset_id,
                            GPtrArray  *(*find) (BwEngine *, const BwNode *))
{
  const BwNode *node = self->document ? bw_document_lookup_node (self->document, asset_id) : NULL;
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GHashTable) set = NULL;
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  if (node == NULL || engine_node_stencil (self, node) == NULL ||
      engine_node_stencil (self, node)->role != BW_ROLE_ASSET)
    return ids;
  services = find (self, node);
  set = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < services->len; i++)
    g_hash_table_add (set, services->pdata[i]);
  for (guint i = 0; i < bw_document_get_n_nodes (self->document) && g_hash_table_size (set) > 0;
       i++)
    {
      const BwNode *n = bw_document_get_node (self->document, i);

      if (g_hash_table_remove (set, n))
        g_ptr_array_add (ids, g_strdup (n->id));
    }
  return ids;
}

GPtrArray *
bw_engine_get_covering (BwEngine   *self,
                        const char *asset_id)
{
  return services_in_document_order (self, asset_id, bw_engine_covering_services);
}

GPtrArray *
bw_engine_get_delivering (BwEngine   *self,
                          const char *asset_id)
{
  return services_in_document_order (self, asset_id, bw_engine_delivering_services);
}

gboolean
bw_engine_is_delivery (BwEngine *self,
                       guint     technique)
{
  g_return_val_if_fail (BW_IS_ENGINE (self), FALSE);

  return technique < self->n_techniques &&
         (self->delivery_bits[technique / 64] >> (technique % 64)) & 1;
}

void
bw_engine_explain_technique (BwEngine   *self,
                             guint       technique,
                             GHashTable *services,
                             GHashTable *gap_assets)
{
  GHashTableIter iter;
  const char *id;
  BwEngineAsset *state;
  guint64 bit = G_GUINT64_CONSTANT (1) << (technique % 64);
  guint w = technique / 64;

  g_return_if_fail (technique < self->n_techniques);

  g_hash_table_iter_init (&iter, self->assets);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, (gpointer *) &state))
    {
      const BwNode *node;
      g_autoptr(GPtrArray) covering = NULL;

      if (!(state->bits[C_APP][w] & bit))
        continue;
      if (!(state->bits[C_BEST1][w] & bit))
        {
          g_hash_table_add (gap_assets, g_strdup (id));
          continue;
        }
      node = bw_document_lookup_node (self->document, id);
      covering = bw_engine_covering_services (self, node);
      if (self->delivery_bits[w] & bit)
        {
          g_autoptr(GPtrArray) delivering = bw_engine_delivering_services (self, node);

          g_ptr_array_extend (covering, delivering, NULL, NULL);
        }
      for (guint i = 0; i < covering->len; i++)
        {
          const BwNode *s = g_ptr_array_index (covering, i);
          guint64 *caps = bw_engine_service_caps (self, s);

          /* Protect or detect at any level: bitsets 0 (protect ≥ 1) and 3 (detect ≥ 1). */
          if ((caps[0 * self->words + w] | caps[3 * self->words + w]) & bit)
            g_hash_table_add (services, g_strdup (s->id));
        }
    }
}

static void
bw_engine_dispose (GObject *object)
{
  BwEngine *self = BW_ENGINE (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (bw_engine_parent_class)->dispose (object);
}

static void
bw_engine_finalize (GObject *object)
{
  BwEngine *self = BW_ENGINE (object);
  g_clear_pointer (&self->report, bw_report_unref);
  bw_engine_reset_document_state (self);
  g_hash_table_unref (self->assets);
  g_hash_table_unref (self->reach);
  bw_engine_links_clear (self);
  g_hash_table_unref (self->zone_covers);
  for (guint i = 0; i < self->n_stencils; i++)
    g_free (self->kind_platforms[i]);
  g_free (self->kind_platforms);
  g_free (self->order_nodes);
  g_free (self->order_states);
  g_free (self->batch);
  g_ptr_array_unref (self->no_reach);
  g_array_unref (self->scratch_direct);
  g_ptr_array_unref (self->scratch_trail);
  g_ptr_array_unref (self->state_blocks);
  g_free (self->scratch_flow);
  g_hash_table_unref (self->zone_delivery);
  g_free (self->licence);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (bw_engine_parent_class)->finalize (object);
}

static void
bw_engine_class_init (BwEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bw_engine_dispose;
  object_class->finalize = bw_engine_finalize;

  signals[REPORT_CHANGED] = g_signal_new ("report-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bw_engine_init (BwEngine *self)
{
  self->assets = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify) bw_engine_asset_free);
  self->reach = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify) g_ptr_array_unref);
  self->zone_covers = g_hash_table_new_full (NULL, NULL, NULL, g_rc_box_release);
  self->no_reach = g_ptr_array_new ();
  self->scratch_direct = g_array_new (FALSE, FALSE, sizeof (BwEngineSource));
  self->scratch_trail = g_ptr_array_new ();
  self->state_blocks = g_ptr_array_new_with_free_func (g_free);
  self->dirty = TRUE;
}

BwEngine *
bw_engine_new (BwCatalog *catalog)
{
  BwEngine *self = g_object_new (BW_TYPE_ENGINE, NULL);

  self->catalog = g_object_ref (catalog);
  use_catalog_tables (self);
  self->kind_platforms = g_new0 (guint64 *, self->n_stencils + 1);
  self->zone_delivery = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_hash_table_unref);
  self->scratch_flow = g_new0 (guint64, 9 * self->delivery_words);
  return self;
}
