/* bw-canvas-scene-sig.c: signatures of what the canvas's tiles show (bw-canvas-scene.c): each
 * a 64-bit mix of every value the painter reads of an item and of the interaction state, so that
 * a tile is drawn again exactly when one of them changes. */
#include "config.h"

#include <string.h>

#include "bw-canvas-scene.h"

guint64
bw_scene_mix (guint64 h,
              guint64 v)
{
  return h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2));
}

guint64
bw_scene_mix_double (guint64 h,
                     double  d)
{
  guint64 v;

  memcpy (&v, &d, sizeof v);
  return bw_scene_mix (h, v);
}

guint64
bw_scene_mix_rect (guint64       h,
                   const BwRect *r)
{
  h = bw_scene_mix_double (h, r->x);
  h = bw_scene_mix_double (h, r->y);
  h = bw_scene_mix_double (h, r->w);
  return bw_scene_mix_double (h, r->h);
}

static guint64
mix_string (guint64     h,
            const char *s)
{
  return bw_scene_mix (h, s ? g_str_hash (s) | ((guint64) strlen (s) << 32) : 0);
}

static guint
in_set (GHashTable *set,
        const char *id)
{
  return set != NULL && g_hash_table_contains (set, id);
}

static guint
state_bits (const BwPaintState *state,
            const char         *id)
{
  return in_set (state->selected, id) | in_set (state->highlighted, id) << 1 |
         in_set (state->marked, id) << 2 |
         (state->hovered && g_str_equal (state->hovered, id)) << 3 |
         (state->focused && g_str_equal (state->focused, id)) << 4;
}

guint64
bw_scene_zone_sig (const BwLayoutZone *lz,
                   const BwPaintState *state)
{
  guint64 h = bw_scene_mix (0, GPOINTER_TO_SIZE (lz->stencil));

  h = bw_scene_mix_rect (h, &lz->rect);
  h = bw_scene_mix (h, lz->depth);
  h = bw_scene_mix_rect (h, &lz->icon);
  h = bw_scene_mix_rect (h, &lz->title);
  h = bw_scene_mix_double (h, lz->title_baseline);
  h = bw_scene_mix_double (h, lz->title_size);
  h = bw_scene_mix_rect (h, &lz->grip);
  h = mix_string (h, lz->zone->label);
  h = mix_string (h, lz->zone->kind);
  return bw_scene_mix (h, state_bits (state, lz->zone->id));
}

guint64
bw_scene_edge_sig (const BwLayoutEdge *le,
                   const BwPaintState *state)
{
  guint64 h = bw_scene_mix (0, le->edge->kind);

  h = bw_scene_mix_double (h, le->x1);
  h = bw_scene_mix_double (h, le->y1);
  h = bw_scene_mix_double (h, le->x2);
  h = bw_scene_mix_double (h, le->y2);
  for (int i = 0; i < 3; i++)
    {
      h = bw_scene_mix_double (h, le->head[i].x);
      h = bw_scene_mix_double (h, le->head[i].y);
    }
  return bw_scene_mix (h, in_set (state->selected, le->edge->id));
}

guint64
bw_scene_node_sig (const BwLayoutNode *ln,
                   const BwPaintState *state)
{
  guint64 h = bw_scene_mix (0, GPOINTER_TO_SIZE (ln->stencil));

  h = bw_scene_mix_rect (h, &ln->rect);
  h = bw_scene_mix_double (h, ln->coverage);
  h = bw_scene_mix (h, ln->has_band | ln->has_badge << 1 | ln->label_mode << 2 |
                          ln->label_lines << 4);
  h = bw_scene_mix_rect (h, &ln->band);
  h = bw_scene_mix_rect (h, &ln->icon);
  h = bw_scene_mix_rect (h, &ln->label);
  h = bw_scene_mix_double (h, ln->label_baseline);
  h = bw_scene_mix_double (h, ln->label_size);
  h = bw_scene_mix_double (h, ln->label_line_height);
  h = bw_scene_mix_rect (h, &ln->badge);
  h = bw_scene_mix_double (h, ln->badge_baseline);
  h = bw_scene_mix_double (h, ln->badge_size);
  h = bw_scene_mix_rect (h, &ln->far_icon);
  h = bw_scene_mix_rect (h, &ln->far_badge);
  h = mix_string (h, ln->node->label);
  return bw_scene_mix (h, state_bits (state, ln->node->id));
}

/* The selection and the rest of the interaction state, in one number: when it changes, the
 * visible tiles' items are checked again. */
static guint64
set_digest (GHashTable *set)
{
  GHashTableIter iter;
  gpointer id;
  guint64 h = 0;

  if (set == NULL)
    return 0;
  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    h ^= bw_scene_mix (0x51ed27, g_str_hash (id)); /* in any order */
  return bw_scene_mix (h, g_hash_table_size (set));
}

guint64
bw_scene_state_digest (const BwPaintState *state)
{
  guint64 h = set_digest (state->selected);

  h = bw_scene_mix (h, set_digest (state->highlighted));
  h = bw_scene_mix (h, set_digest (state->marked));
  h = mix_string (h, state->hovered);
  return mix_string (h, state->focused);
}

