/* bw-engine-sources.c: the services protecting a target, resolved once. Which service stencils
 * admit which asset stencils is a table built from the catalog, and what the protects edges
 * into a zone bring (each service's caps, and those of the SIEMs its telemetry reaches) is
 * kept per zone: every asset kind inside a zone asks the same question of the same services,
 * and the answer costs word operations instead of lookups by id. */
#include "config.h"

#include "bw-engine-private.h"

void
bw_engine_admits_init (BwEngine *self)
{
  BwCatalog *catalog = self->catalog;

  self->n_stencils = bw_catalog_get_n_stencils (catalog);
  self->stencil_words = (self->n_stencils + 63) / 64 + (self->n_stencils == 0);
  self->admits = g_new0 (guint64, (gsize) self->n_stencils * self->stencil_words);
  for (guint i = 0; i < self->n_stencils; i++)
    {
      const BwStencil *service = bw_catalog_get_stencil (catalog, i);
      guint64 *row = self->admits + (gsize) i * self->stencil_words;

      /* As bw_stencil_admits: an empty list admits every kind. */
      if (service->applies_to[0] == NULL)
        for (guint k = 0; k < self->n_stencils; k++)
          row[k / 64] |= G_GUINT64_CONSTANT (1) << (k % 64);
      for (guint j = 0; service->applies_to[j] != NULL; j++)
        {
          const BwStencil *kind = bw_catalog_lookup_stencil (catalog, service->applies_to[j]);

          if (kind != NULL)
            row[kind->index / 64] |= G_GUINT64_CONSTANT (1) << (kind->index % 64);
        }
    }
}

/* What service node `s` brings to whatever it protects: its own caps first, then those of the
 * SIEMs its telemetry reaches; empty for anything that is not a plain service. Kept per node
 * until caps or telemetry change, so a target costs no lookup per protects edge into it. */
GArray *
bw_engine_service_sources (BwEngine     *self,
                           const BwNode *s)
{
  GArray *out = bw_engine_slots_get (&self->service_sources, s->serial);
  const BwStencil *st;
  GPtrArray *reached;

  if (out != NULL)
    return out;
  out = g_array_new (FALSE, FALSE, sizeof (BwEngineSource));
  bw_engine_slots_set (&self->service_sources, s->serial, out);
  st = engine_node_stencil (self, s);
  if (st == NULL || st->role != BW_ROLE_SERVICE || st->siem)
    return out;
  g_array_append_vals (out, &(BwEngineSource) { st, NULL, bw_engine_service_caps (self, s) }, 1);
  reached = bw_engine_reach (self, s->id);
  for (guint k = 0; k < reached->len; k++)
    {
      const BwNode *siem = bw_document_lookup_node (self->document, g_ptr_array_index (reached, k));
      const BwStencil *sst = engine_node_stencil (self, siem);

      if (is_siem (sst))
        g_array_append_vals (out,
                             &(BwEngineSource) { st, sst, bw_engine_service_caps (self, siem) }, 1);
    }
  return out;
}

gboolean
bw_engine_resolve_sources_into (BwEngine  *self,
                                const BwEngineNodeList *sources,
                                gboolean   with_siems,
                                GArray    *out)
{
  g_array_set_size (out, 0);
  if (sources == NULL)
    return FALSE;
  for (guint i = 0; i < sources->len; i++)
    {
      GArray *brings = bw_engine_service_sources (self, sources->nodes[i]);

      g_array_append_vals (out, brings->data, with_siems ? brings->len : MIN (brings->len, 1));
    }
  return TRUE;
}

GArray *
bw_engine_zone_sources (BwEngine     *self,
                        const BwZone *zone)
{
  GArray *sources = bw_engine_slots_get (&self->zone_sources, zone->serial);

  if (sources != NULL)
    return sources;
  sources = g_array_new (FALSE, FALSE, sizeof (BwEngineSource));
  bw_engine_ensure_edge_index (self);
  bw_engine_resolve_sources_into (
      self, links_get (engine_links_at (self, zone->serial), BW_LINK_PROTECTS_INTO), TRUE, sources);
  bw_engine_slots_set (&self->zone_sources, zone->serial, sources);
  return sources;
}

void
bw_engine_forget_service_caps (BwEngine   *self,
                               const char *id)
{
  const BwNode *node = bw_document_lookup_node (self->document, id);

  /* The resolved sources point at the caps. A node that is gone left caps no one asks for. */
  bw_engine_slots_clear (&self->zone_sources, (GDestroyNotify) g_array_unref);
  bw_engine_slots_clear (&self->service_sources, (GDestroyNotify) g_array_unref);
  if (node != NULL)
    bw_engine_slots_forget (&self->service_caps, node->serial, g_free);
}
