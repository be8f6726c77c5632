/* bw-engine-delivery.c: rule 10 of DESIGN §4, delivery along flows. For a technique whose only
 * tactic is initial-access, a non-SIEM service covering an asset m by rule 1 also covers every
 * asset a with a flow edge m → a, one hop. What m's rule-1 services give on those few
 * techniques is kept per asset in a compact bitset (bit j for the j-th delivery technique),
 * computed when first asked and forgotten whenever m is touched, so an asset costs a few words
 * per flow edge into it. */
#include "config.h"

#include <string.h>

#include "bw-engine-private.h"

void
bw_engine_delivery_init (BwEngine *self)
{
  self->n_delivery = bits_count (self->delivery_bits, self->words);
  self->delivery_words = (self->n_delivery + 63) / 64 + (self->n_delivery == 0);
  self->delivery_index = g_new0 (guint, self->n_delivery + 1);
  for (guint t = 0, j = 0; t < self->n_techniques; t++)
    if ((self->delivery_bits[t / 64] >> (t % 64)) & 1)
      self->delivery_index[j++] = t;
  self->delivery_before = g_new0 (guint, self->words + 1);
  for (guint w = 0; w < self->words; w++)
    self->delivery_before[w + 1] =
        self->delivery_before[w] + __builtin_popcountll (self->delivery_bits[w]);
}

void
bw_engine_forget_zone_covers (BwEngine   *self,
                              const char *zone)
{
  /* Each zone's cover holds those of the zones around it: they all go. What a zone's own
   * services deliver (rule 10) is the zone's alone. */
  g_hash_table_remove_all (self->zone_covers);
  bw_engine_slots_clear (&self->zone_sources, (GDestroyNotify) g_array_unref);
  bw_engine_slots_clear (&self->service_sources, (GDestroyNotify) g_array_unref);
  if (zone == NULL)
    g_hash_table_remove_all (self->zone_delivery);
  else
    g_hash_table_remove (self->zone_delivery, zone);
}

void
bw_engine_forget_delivery (BwEngine   *self,
                           const char *id)
{
  const BwNode *node = self->has_delivery ? bw_document_lookup_node (self->document, id) : NULL;

  /* A node that is gone left a cover no one asks for. */
  if (node != NULL)
    bw_engine_slots_forget (&self->delivery_cover, node->serial, g_free);
}

/* The flow edges into `asset`, by source node; NULL when none or no technique is delivered. */
static const BwEngineNodeList *
flow_sources (BwEngine     *self,
              const BwNode *asset)
{
  if (!self->has_delivery)
    return NULL;
  bw_engine_ensure_edge_index (self);
  return links_get (engine_links_at (self, asset->serial), BW_LINK_FLOW_INTO);
}

static const BwNode *
flow_source_asset (BwEngine     *self,
                   const BwNode *node)
{
  const BwStencil *st = engine_node_stencil (self, node);

  return st != NULL && st->role == BW_ROLE_ASSET ? node : NULL;
}

GPtrArray *
bw_engine_delivering_services (BwEngine     *self,
                               const BwNode *asset)
{
  GPtrArray *services = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const BwEngineNodeList *sources = flow_sources (self, asset);

  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      const BwNode *m = flow_source_asset (self, sources->nodes[i]);

      if (m != NULL)
        bw_engine_rule1_services (self, m, services, seen);
    }
  return services;
}

void
bw_engine_project_delivery (BwEngine      *self,
                            const guint64 *cells,
                            guint64       *cover)
{
  guint DW = self->delivery_words, W = self->words;

  /* Bit t of the delivery techniques is compact bit j = those before it. */
  for (guint k = 0; k < 9; k++)
    for (guint w = 0; w < W; w++)
      for (guint64 bits = cells[(gsize) k * W + w] & self->delivery_bits[w]; bits != 0;
           bits &= bits - 1)
        {
          guint64 low = (bits & -bits) - 1;
          guint j = self->delivery_before[w] + __builtin_popcountll (self->delivery_bits[w] & low);

          cover[k * DW + j / 64] |= G_GUINT64_CONSTANT (1) << (j % 64);
        }
}

/* ORs into `cover` (compact) what the plain services among `sources` (rule 1) that admit
 * `kind` give on the delivery techniques: the compact part of their caps. */
static void
or_protecting (BwEngine        *self,
               GArray          *sources,
               const BwStencil *kind,
               guint64         *cover)
{
  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      const BwEngineSource *src = &g_array_index (sources, BwEngineSource, i);

      if (src->siem == NULL && engine_admits (self, src->service, kind))
        bits_or (cover, src->caps + 9 * self->words, 9 * self->delivery_words);
    }
}

/* What the services protecting zone `zone` give an asset of `kind` by rule 1, compact; cached
 * beside the zone's cover, and forgotten with it. */
static const guint64 *
zone_cover (BwEngine        *self,
            const BwZone    *zone,
            const BwStencil *kind)
{
  GHashTable *by_kind = g_hash_table_lookup (self->zone_delivery, zone->id);
  guint64 *cover;

  if (by_kind == NULL)
    {
      by_kind = g_hash_table_new_full (NULL, NULL, NULL, g_free);
      g_hash_table_insert (self->zone_delivery, g_strdup (zone->id), by_kind);
    }
  if ((cover = g_hash_table_lookup (by_kind, kind)) != NULL)
    return cover;
  cover = g_new0 (guint64, 9 * self->delivery_words);
  or_protecting (self, bw_engine_zone_sources (self, zone), kind, cover);
  g_hash_table_insert (by_kind, (gpointer) kind, cover);
  return cover;
}

/* Asset m's rule-1 cells on the delivery techniques, compact: 9 × delivery_words words. */
static const guint64 *
source_cover (BwEngine     *self,
              const BwNode *m)
{
  guint64 *cover = bw_engine_slots_get (&self->delivery_cover, m->serial);
  const BwStencil *kind = engine_node_stencil (self, m);
  guint depth = 0;

  if (cover != NULL)
    return cover;
  cover = g_new0 (guint64, 9 * self->delivery_words);
  if (bw_engine_resolve_sources_into (
          self, links_get (engine_links_at (self, m->serial), BW_LINK_PROTECTS_INTO), FALSE,
          self->scratch_direct))
    or_protecting (self, self->scratch_direct, kind, cover);
  for (const BwZone *z = bw_document_lookup_zone (self->document, m->zone);
       z != NULL && depth++ <= bw_document_get_n_zones (self->document);
       z = bw_document_lookup_zone (self->document, z->parent))
    bits_or (cover, zone_cover (self, z, kind), 9 * self->delivery_words);
  bw_engine_slots_set (&self->delivery_cover, m->serial, cover);
  return cover;
}

void
bw_engine_cover_by_delivery (BwEngine          *self,
                             const BwEngineNodeList *sources,
                             guint64     **cells)
{
  guint DW = self->delivery_words;
  guint64 *flow = self->scratch_flow;
  gboolean any = FALSE;

  if (sources == NULL || !self->has_delivery)
    return;
  memset (flow, 0, 9 * DW * sizeof (guint64));
  for (guint i = 0; i < sources->len; i++)
    {
      const BwNode *m = flow_source_asset (self, sources->nodes[i]);

      if (m != NULL)
        {
          bits_or (flow, source_cover (self, m), 9 * DW);
          any = TRUE;
        }
    }
  for (guint k = 0; any && k < 9; k++)
    for (guint w = 0; w < DW; w++)
      for (guint64 bits = flow[k * DW + w]; bits != 0; bits &= bits - 1)
        bits_set (cells[k], self->delivery_index[w * 64 + __builtin_ctzll (bits)]);
}
