/* bw-edit-rules.c: which connection two objects admit and which zone an object belongs to. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-edit-rules.h"

gboolean
bw_edit_rules_edge_kind_for (BwCatalog   *catalog,
                             BwDocument  *document,
                             const char  *from,
                             const char  *to,
                             BwEdgeKind  *out_kind,
                             GError     **error)
{
  const BwNode *a = bw_document_lookup_node (document, from);
  const BwNode *b = bw_document_lookup_node (document, to);
  const BwStencil *sa = a && catalog ? bw_catalog_lookup_stencil (catalog, a->kind) : NULL;
  const BwStencil *sb = b && catalog ? bw_catalog_lookup_stencil (catalog, b->kind) : NULL;
  BwEdgeKind kind;

  if (sa == NULL)
    goto none;
  if (b == NULL)
    {
      /* A zone target: only services protect zones. */
      if (bw_document_lookup_zone (document, to) == NULL || sa->role != BW_ROLE_SERVICE || sa->siem)
        goto none;
      kind = BW_EDGE_PROTECTS;
    }
  else if (sb == NULL)
    goto none;
  else if (sb->role == BW_ROLE_COLLECTOR || (sb->role == BW_ROLE_SERVICE && sb->siem))
    kind = BW_EDGE_TELEMETRY;
  else if (sa->role == BW_ROLE_SERVICE && !sa->siem && sb->role == BW_ROLE_ASSET)
    kind = BW_EDGE_PROTECTS;
  else if (sa->role == BW_ROLE_ASSET && sb->role == BW_ROLE_ASSET)
    kind = BW_EDGE_FLOW;
  else
    goto none;

  *out_kind = kind;
  return TRUE;

none:
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("These two cannot be connected: a service protects assets and zones, "
                         "telemetry goes to a collector or Sentinel, and flows join assets"));
  return FALSE;
}

static guint
zone_depth (BwDocument   *document,
            const BwZone *zone)
{
  guint depth = 0;

  /* The loader refuses parent cycles; the bound only guards against a bug elsewhere. */
  while (zone != NULL && zone->parent != NULL && depth < 1000)
    {
      zone = bw_document_lookup_zone (document, zone->parent);
      depth++;
    }
  return depth;
}

const char *
bw_edit_rules_zone_at (BwDocument *document,
                       double      x,
                       double      y,
                       const char *skip)
{
  const char *best = NULL;
  guint best_depth = 0;

  for (guint i = 0; i < bw_document_get_n_zones (document); i++)
    {
      const BwZone *z = bw_document_get_zone (document, i);
      guint depth;

      if (x < z->x || x > z->x + z->w || y < z->y || y > z->y + z->h)
        continue;
      if (skip != NULL && bw_document_zone_is_within (document, z->id, skip))
        continue;
      depth = zone_depth (document, z);
      if (best == NULL || depth >= best_depth)
        {
          best = z->id;
          best_depth = depth;
        }
    }
  return best;
}

const char *
bw_edit_rules_zone_for (BwDocument *document,
                        const char *id)
{
  const BwNode *node = bw_document_lookup_node (document, id);
  const BwZone *zone = node == NULL ? bw_document_lookup_zone (document, id) : NULL;

  if (node != NULL)
    return bw_edit_rules_zone_at (document, node->x + BW_NODE_WIDTH / 2,
                                  node->y + BW_NODE_HEIGHT / 2, NULL);
  if (zone != NULL)
    return bw_edit_rules_zone_at (document, zone->x + 1, zone->y + 1, zone->id);
  return NULL;
}
