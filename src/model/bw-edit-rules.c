/* bw-edit-rules.c: which connection two objects admit and which zone an object belongs to. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

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

static const char *
zone_at_skipping (BwDocument *document,
                  double      x,
                  double      y,
                  const char *skip,
                  const char *skip_too)
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
      if (skip_too != NULL && bw_document_zone_is_within (document, z->id, skip_too))
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
bw_edit_rules_zone_at (BwDocument *document,
                       double      x,
                       double      y,
                       const char *skip)
{
  return zone_at_skipping (document, x, y, skip, NULL);
}

const char *
bw_edit_rules_zone_for_copy (BwDocument *document,
                             const char *id,
                             const char *original)
{
  const BwZone *zone = bw_document_lookup_zone (document, id);

  if (zone == NULL)
    return bw_edit_rules_zone_for (document, id);
  if (original != NULL && bw_document_lookup_zone (document, original) == NULL)
    original = NULL;
  return zone_at_skipping (document, zone->x + zone->w / 2, zone->y + zone->h / 2, zone->id,
                           original);
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
    return bw_edit_rules_zone_at (document, zone->x + zone->w / 2, zone->y + zone->h / 2,
                                  zone->id);
  return NULL;
}

#define PLACE_GAP   16.0  /* free space kept around a placed card */
#define PLACE_STEP  16.0  /* the grid the slots are tried on */
#define PLACE_SLOTS 40000 /* at most this many slots; a larger area is scanned more coarsely */

typedef struct
{
  double x, y, distance;
} Slot;

static int
slot_compare (gconstpointer a,
              gconstpointer b)
{
  const Slot *sa = a, *sb = b;

  if (sa->distance != sb->distance)
    return sa->distance < sb->distance ? -1 : 1;
  if (sa->y != sb->y)
    return sa->y < sb->y ? -1 : 1;
  return sa->x < sb->x ? -1 : sa->x > sb->x;
}

static gboolean
rects_meet (double ax, double ay, double aw, double ah,
            double bx, double by, double bw, double bh)
{
  return ax < bx + bw && bx < ax + aw && ay < by + bh && by < ay + ah;
}

/* A card at (x, y) overlaps no card and crosses into no zone but `zone` and those around it. */
static gboolean
slot_is_free (BwDocument *document,
              const char *zone,
              double      x,
              double      y,
              double      w,
              double      h)
{
  for (guint i = 0; i < bw_document_get_n_nodes (document); i++)
    {
      const BwNode *n = bw_document_get_node (document, i);

      if (rects_meet (x - PLACE_GAP, y - PLACE_GAP, w + 2 * PLACE_GAP, h + 2 * PLACE_GAP,
                      n->x, n->y, BW_NODE_WIDTH, BW_NODE_HEIGHT))
        return FALSE;
    }
  for (guint i = 0; i < bw_document_get_n_zones (document); i++)
    {
      const BwZone *z = bw_document_get_zone (document, i);

      if (zone != NULL && bw_document_zone_is_within (document, zone, z->id))
        continue;
      if (rects_meet (x - PLACE_GAP / 2, y - PLACE_GAP / 2, w + PLACE_GAP, h + PLACE_GAP,
                      z->x, z->y, z->w, z->h))
        return FALSE;
    }
  return TRUE;
}

gboolean
bw_edit_rules_place_node (BwDocument *document,
                          const char *zone_id,
                          const char *near,
                          double      w,
                          double      h,
                          double     *out_x,
                          double     *out_y,
                          double     *out_zone_h)
{
  const BwZone *zone = zone_id ? bw_document_lookup_zone (document, zone_id) : NULL;
  const BwNode *node;
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (Slot));
  double tx, ty, left, top, right, bottom, step = PLACE_STEP, low = 0;

  g_return_val_if_fail (BW_IS_DOCUMENT (document), FALSE);

  *out_zone_h = 0;
  if ((node = near ? bw_document_lookup_node (document, near) : NULL) != NULL)
    {
      tx = node->x + BW_NODE_WIDTH + 2 * PLACE_GAP;
      ty = node->y;
    }
  else
    {
      tx = *out_x;
      ty = *out_y;
    }
  if (zone != NULL)
    {
      left = zone->x + PLACE_GAP;
      top = zone->y + BW_ZONE_HEADER + PLACE_GAP / 2;
      right = zone->x + zone->w - w - PLACE_GAP;
      bottom = zone->y + zone->h - h - PLACE_GAP;
    }
  else
    {
      /* The top level has no edge: look around the target. */
      left = tx - 2048;
      top = ty - 2048;
      right = tx + 2048;
      bottom = ty + 2048;
    }
  while ((right - left) / step * ((bottom - top) / step) > PLACE_SLOTS)
    step *= 2;
  for (double y = top; y <= bottom; y += step)
    for (double x = left; x <= right; x += step)
      {
        Slot slot = { x, y, hypot (x - tx, y - ty) };

        g_array_append_val (slots, slot);
      }
  g_array_sort (slots, slot_compare);
  for (guint i = 0; i < slots->len; i++)
    {
      const Slot *slot = &g_array_index (slots, Slot, i);

      if (slot_is_free (document, zone_id, slot->x, slot->y, w, h))
        {
          *out_x = slot->x;
          *out_y = slot->y;
          return TRUE;
        }
    }

  /* Full: below everything inside the zone, which grows to hold the card. */
  if (zone == NULL)
    {
      *out_x = tx;
      *out_y = ty;
      return FALSE;
    }
  low = zone->y + BW_ZONE_HEADER;
  for (guint i = 0; i < bw_document_get_n_nodes (document); i++)
    {
      const BwNode *n = bw_document_get_node (document, i);

      if (n->x + BW_NODE_WIDTH / 2 >= zone->x && n->x + BW_NODE_WIDTH / 2 <= zone->x + zone->w &&
          n->y + BW_NODE_HEIGHT / 2 >= zone->y && n->y + BW_NODE_HEIGHT / 2 <= zone->y + zone->h)
        low = MAX (low, n->y + BW_NODE_HEIGHT);
    }
  for (guint i = 0; i < bw_document_get_n_zones (document); i++)
    {
      const BwZone *z = bw_document_get_zone (document, i);

      if (z != zone && bw_document_zone_is_within (document, z->id, zone->id))
        low = MAX (low, z->y + z->h);
    }
  *out_x = zone->x + PLACE_GAP;
  *out_y = low + PLACE_GAP;
  *out_zone_h = MAX (zone->h, *out_y + h + PLACE_GAP - zone->y);
  return FALSE;
}
