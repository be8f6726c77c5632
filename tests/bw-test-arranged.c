/* bw-test-arranged.c: what an arranged document must satisfy, for the arrange and import tests. */
#include "config.h"

#include "bw-test-arranged.h"

static gboolean
overlap (double ax, double ay, double aw, double ah,
         double bx, double by, double bw, double bh)
{
  return ax < bx + bw && bx < ax + aw && ay < by + bh && by < ay + ah;
}

static gboolean
inside (double ax, double ay, double aw, double ah,
        double bx, double by, double bw, double bh)
{
  return ax >= bx && ay >= by && ax + aw <= bx + bw && ay + ah <= by + bh;
}

void
bw_test_assert_arranged (BwDocument *doc)
{
  guint nz = bw_document_get_n_zones (doc);
  guint nn = bw_document_get_n_nodes (doc);

  for (guint i = 0; i < nz; i++)
    {
      const BwZone *z = bw_document_get_zone (doc, i);
      const BwZone *p = z->parent ? bw_document_lookup_zone (doc, z->parent) : NULL;

      g_assert_cmpfloat (z->w, >, 0);
      g_assert_cmpfloat (z->h, >, BW_ZONE_HEADER);
      /* Below the parent's title band, inside its border. */
      if (p != NULL)
        g_assert_true (inside (z->x, z->y, z->w, z->h, p->x, p->y + BW_ZONE_HEADER, p->w,
                               p->h - BW_ZONE_HEADER));
      for (guint j = i + 1; j < nz; j++)
        {
          const BwZone *o = bw_document_get_zone (doc, j);

          /* Siblings never overlap (a zone and its ancestors do, by nesting). */
          if (g_strcmp0 (o->parent, z->parent) == 0)
            g_assert_false (overlap (z->x, z->y, z->w, z->h, o->x, o->y, o->w, o->h));
        }
    }
  for (guint i = 0; i < nn; i++)
    {
      const BwNode *n = bw_document_get_node (doc, i);
      const BwZone *z = n->zone ? bw_document_lookup_zone (doc, n->zone) : NULL;

      if (z != NULL)
        g_assert_true (inside (n->x, n->y, BW_NODE_WIDTH, BW_NODE_HEIGHT, z->x,
                               z->y + BW_ZONE_HEADER, z->w, z->h - BW_ZONE_HEADER));
      for (guint j = i + 1; j < nn; j++)
        {
          const BwNode *o = bw_document_get_node (doc, j);

          g_assert_false (overlap (n->x, n->y, BW_NODE_WIDTH, BW_NODE_HEIGHT, o->x, o->y,
                                   BW_NODE_WIDTH, BW_NODE_HEIGHT));
        }
      /* A node lies in no zone other than its own and that zone's ancestors, and never in a
       * child zone of its own. */
      for (guint j = 0; j < nz; j++)
        {
          const BwZone *o = bw_document_get_zone (doc, j);

          if (n->zone != NULL && bw_document_zone_is_within (doc, n->zone, o->id))
            continue;
          g_assert_false (overlap (n->x, n->y, BW_NODE_WIDTH, BW_NODE_HEIGHT, o->x, o->y, o->w,
                                   o->h));
        }
    }
}

