/* bw-engine-update.c: keeps the engine's state current: a full recompute, and for each
 * document change only the assets it can touch. */
#include "config.h"

#include "bw-engine-private.h"

/* Cached zone covers: a protects edge into `target` came or went. Each zone's cover holds
 * those of the zones around it, so the zones inside the target are stale too: all go. (A zone
 * cannot go while an edge ends at it: the edge goes first, while the zone is there.) */
static void
forget_zone_covers (BwEngine   *self,
                    const char *target)
{
  if (bw_document_lookup_zone (self->document, target) != NULL)
    bw_engine_forget_zone_covers (self, target);
}

void
bw_engine_reset_document_state (BwEngine *self)
{
  g_hash_table_remove_all (self->assets);
  g_ptr_array_set_size (self->state_blocks, 0);
  self->slab_room = self->block_left = 0;
  /* Serials are the document's: another document's may be the same numbers. */
  bw_engine_slots_clear (&self->service_caps, g_free);
  bw_engine_slots_clear (&self->delivery_cover, g_free);
  bw_engine_slots_clear (&self->stencils, NULL);
  bw_engine_slots_clear (&self->service_sources, (GDestroyNotify) g_array_unref);
  bw_engine_invalidate_edges (self);
  for (guint c = 0; c < N_COUNTERS; c++)
    {
      g_clear_pointer (&self->counters[c].planes, g_free);
      self->counters[c].n_planes = 0;
    }
  self->n_counted = 0;
  self->dirty = TRUE;
  self->order_valid = FALSE;
}

void
bw_engine_recompute_all (BwEngine *self)
{
  bw_engine_reset_document_state (self);
  g_clear_pointer (&self->licence, g_free);
  if (self->document == NULL)
    return;
  self->licence = g_strdup (bw_document_get_licence (self->document));
  self->batch =
      g_new0 (guint64, (gsize) N_COUNTERS * (SMALL_PLANES + MEDIUM_PLANES + 1) * self->words);
  self->n_order = bw_document_get_n_nodes (self->document);
  /* Room for a state per node, in blocks: most nodes are assets. */
  self->slab_room = self->n_order;
  self->order_nodes = g_renew (const BwNode *, self->order_nodes, self->n_order);
  self->order_states = g_renew (BwEngineAsset *, self->order_states, self->n_order);
  for (guint i = 0; i < self->n_order; i++)
    {
      const BwNode *node = bw_document_get_node (self->document, i);
      const BwStencil *s = engine_node_stencil (self, node);

      self->order_nodes[i] = node;
      self->order_states[i] =
          s != NULL && s->role == BW_ROLE_ASSET ? bw_engine_update_asset_node (self, node, s)
                                                : NULL;
    }
  self->order_valid = TRUE;
  /* What the full recompute did not use is no longer offered: later states are their own. */
  self->slab_room = self->block_left = 0;
  bw_engine_flush_batch (self);
  g_clear_pointer (&self->batch, g_free);
}

/* Assets whose coverage may depend on `id` (an asset, a zone, or a service). */
static void
collect_assets_under (BwEngine   *self,
                      const char *target,
                      GHashTable *out)
{
  BwDocument *doc = self->document;
  const BwZone *zone = bw_document_lookup_zone (doc, target);

  if (zone == NULL)
    {
      if (g_hash_table_contains (self->assets, target) ||
          engine_node_stencil (self, bw_document_lookup_node (doc, target)) != NULL)
        g_hash_table_add (out, (gpointer) target);
      return;
    }
  for (guint i = 0; i < bw_document_get_n_nodes (doc); i++)
    {
      const BwNode *n = bw_document_get_node (doc, i);

      if (n->zone != NULL && bw_document_zone_is_within (doc, n->zone, target))
        g_hash_table_add (out, n->id);
    }
}

/* Every asset a service node covers, or could cover through any protects edge it has. */
static void
collect_assets_of_service (BwEngine   *self,
                           const char *service,
                           GHashTable *out)
{
  BwDocument *doc = self->document;

  for (guint i = 0; i < bw_document_get_n_edges (doc); i++)
    {
      const BwEdge *e = bw_document_get_edge (doc, i);

      if (e->kind == BW_EDGE_PROTECTS && g_str_equal (e->from, service))
        collect_assets_under (self, e->to, out);
    }
  /* Its telemetry may feed a SIEM that covers what it covers: those are the same assets. */
}

static void
mark_all_assets (BwEngine   *self,
                 GHashTable *out)
{
  GHashTableIter iter;
  const char *id;

  g_hash_table_iter_init (&iter, self->assets);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    g_hash_table_add (out, (gpointer) id);
}

/* Each of the following takes one kind of change: it updates the tables the change makes stale,
 * adds to `touched` the assets whose figures it may change, and returns FALSE when no figure
 * can have changed. */

static gboolean
document_changed (BwEngine       *self,
                  const BwChange *change,
                  BwDocument     *document)
{
  if (change->type == BW_CHANGE_RESET ||
      g_strcmp0 (self->licence, bw_document_get_licence (document)) != 0)
    bw_engine_recompute_all (self);
  else if (change->fields & BW_FIELD_SETTINGS)
    self->dirty = TRUE;
  else
    return FALSE;
  return TRUE;
}

static gboolean
zone_changed (BwEngine       *self,
              const BwChange *change,
              GHashTable     *touched)
{
  /* Zones only matter through what lies inside them. */
  if (change->type == BW_CHANGE_REMOVE)
    bw_engine_forget_zone_covers (self, NULL);
  if (change->type != BW_CHANGE_MODIFY || !(change->fields & BW_FIELD_PARENT))
    return FALSE;
  /* A zone's cover holds its parent's. */
  bw_engine_forget_zone_covers (self, change->id);
  collect_assets_under (self, change->id, touched);
  return TRUE;
}

static gboolean
node_changed (BwEngine       *self,
              const BwChange *change,
              GHashTable     *touched)
{
  const BwStencil *s = bw_catalog_lookup_stencil (self->catalog, change->node->kind);

  if (change->type != BW_CHANGE_MODIFY || (change->fields & BW_FIELD_KIND))
    self->order_valid = FALSE;
  if (change->type == BW_CHANGE_MODIFY &&
      !(change->fields & (BW_FIELD_PARENT | BW_FIELD_PROPS | BW_FIELD_KIND)))
    return FALSE; /* moved or renamed: no figure changes */
  /* The node count in the summary changes with any add or remove. */
  self->dirty = TRUE;
  if (s == NULL)
    return TRUE;
  if (s->role == BW_ROLE_ASSET)
    g_hash_table_add (touched, (gpointer) change->id);
  else if (s->role == BW_ROLE_SERVICE && change->type == BW_CHANGE_MODIFY &&
           (change->fields & BW_FIELD_PROPS))
    {
      bw_engine_forget_service_caps (self, change->id);
      bw_engine_forget_zone_covers (self, NULL);
      if (s->siem)
        mark_all_assets (self, touched);
      else
        collect_assets_of_service (self, change->id, touched);
    }
  else if (change->type != BW_CHANGE_MODIFY &&
           (s->role == BW_ROLE_COLLECTOR || s->role == BW_ROLE_SERVICE))
    /* A node without edges covers nothing; only its cached tables go. */
    bw_engine_forget_service_caps (self, change->id);
  /* Nodes come and go without edges (those are removed first), so the edge tables hold;
   * only a reach computed from the node itself is keyed by it. */
  if (change->type == BW_CHANGE_REMOVE)
    g_hash_table_remove (self->reach, change->id);
  return TRUE;
}

static gboolean
edge_changed (BwEngine       *self,
              const BwChange *change,
              GHashTable     *touched)
{
  const BwEdge *e = change->edge;

  if (e->kind == BW_EDGE_FLOW && !(change->fields & BW_FIELD_KIND))
    {
      /* Scored by rule 10 alone: what the source's services deliver reaches the target. */
      if (!self->has_delivery || change->type == BW_CHANGE_MODIFY)
        return FALSE;
      if (self->edges_indexed)
        bw_engine_links_follow_edge (self, e, change->type == BW_CHANGE_ADD);
      g_hash_table_add (touched, (gpointer) e->to);
      return TRUE;
    }
  if (change->type == BW_CHANGE_MODIFY)
    /* A kind changed: the old kind is not known here, so rebuild the tables. */
    bw_engine_invalidate_edges (self);
  else if (self->edges_indexed)
    bw_engine_links_follow_edge (self, e, change->type == BW_CHANGE_ADD);
  if (e->kind == BW_EDGE_PROTECTS || (change->fields & BW_FIELD_KIND))
    {
      forget_zone_covers (self, e->to);
      collect_assets_under (self, e->to, touched);
    }
  if (e->kind == BW_EDGE_TELEMETRY || (change->fields & BW_FIELD_KIND))
    {
      /* Reach changes propagate through collectors to anything upstream. */
      g_hash_table_remove_all (self->reach);
      bw_engine_forget_zone_covers (self, NULL);
      mark_all_assets (self, touched);
    }
  return TRUE;
}

/* Rule 10 reads the rule-1 cover of the assets that flow into an asset: whatever may change
 * that of a touched asset may change what its flow edges deliver, one hop on. */
static void
add_flow_targets (BwEngine   *self,
                  GPtrArray  *ids,
                  GHashTable *touched)
{
  guint n = ids->len;

  if (!self->has_delivery || self->document == NULL)
    return;
  bw_engine_ensure_edge_index (self);
  for (guint i = 0; i < n; i++)
    {
      const BwEngineNodeList *out =
          engine_links (self, g_ptr_array_index (ids, i), BW_LINK_FLOW_OUT);

      for (guint k = 0; out != NULL && k < out->len; k++)
        if (g_hash_table_add (touched, out->nodes[k]->id))
          g_ptr_array_add (ids, out->nodes[k]->id);
    }
}

gboolean
bw_engine_apply_change (BwEngine       *self,
                        const BwChange *change,
                        BwDocument     *document)
{
  g_autoptr(GHashTable) touched = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) ids = NULL;
  GHashTableIter iter;
  const char *id;
  gboolean changed;

  switch (change->object)
    {
    case BW_OBJECT_DOCUMENT:
      changed = document_changed (self, change, document);
      break;
    case BW_OBJECT_ZONE:
      changed = zone_changed (self, change, touched);
      break;
    case BW_OBJECT_NODE:
      changed = node_changed (self, change, touched);
      break;
    case BW_OBJECT_EDGE:
      changed = edge_changed (self, change, touched);
      break;
    default:
      changed = TRUE;
      break;
    }
  if (!changed)
    return FALSE;

  ids = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, touched);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    g_ptr_array_add (ids, (gpointer) id);
  add_flow_targets (self, ids, touched);
  /* All first: an asset updated early in the loop may read the rule-1 cover of one after it. */
  for (guint i = 0; i < ids->len; i++)
    bw_engine_forget_delivery (self, g_ptr_array_index (ids, i));
  for (guint i = 0; i < ids->len; i++)
    bw_engine_update_asset (self, g_ptr_array_index (ids, i));

  self->dirty = TRUE;
  return TRUE;
}
