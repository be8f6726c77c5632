/* bw-layout-labels.c: the cards' text from afar — how much larger it must be to read on screen,
 * how far a label may reach past its card, and the compact card it is drawn in. */
#include "config.h"

#include <math.h>

#include "bw-layout-private.h"

/* How much larger than at zoom 1 text of `size` must be to read at `min_pixels` on screen.
 * In steps of an eighth, so that zooming lays out the same few sizes again (the painter keeps
 * each laid-out text). */
double
bw_layout_text_scale (double size,
                      double min_pixels,
                      double zoom)
{
  double scale = min_pixels / (size * zoom);

  return scale <= 1 ? 1 : ceil (scale * 8) / 8;
}

/* How far a compact label may reach past each side of its card: halfway to the nearest card
 * beside it (in the spatial index), not across its zone's border, at most
 * BW_LABEL_MAX_OVERHANG. */
static double
label_overhang (BwLayout           *self,
                const BwLayoutNode *ln)
{
  const BwRect *r = &ln->rect;
  double room = 2 * BW_LABEL_MAX_OVERHANG;
  BwRect reach = { r->x - room, r->y, r->w + 2 * room, r->h };
  const BwLayoutZone *zone = ln->node->zone ? bw_layout_lookup_zone (self, ln->node->zone) : NULL;
  double over;
  int x0, x1, y0, y1;

  bw_cell_index_span (self->grid, &reach, &x0, &x1, &y0, &y1);
  for (int cx = x0; cx <= x1; cx++)
    for (int cy = y0; cy <= y1; cy++)
      {
        guint n;
        const guint32 *cell = bw_cell_index_get (self->grid, cx, cy, &n);

        for (guint i = 0; i < n; i++)
          {
            const BwLayoutNode *other = &g_array_index (self->nodes, BwLayoutNode, cell[i]);
            const BwRect *o = &other->rect;

            if (other == ln || o->y >= r->y + r->h || r->y >= o->y + o->h)
              continue;
            if (o->x >= r->x + r->w)
              room = MIN (room, o->x - (r->x + r->w));
            else if (o->x + o->w <= r->x)
              room = MIN (room, r->x - (o->x + o->w));
            else
              room = 0;
          }
      }
  over = room / 2;
  if (zone != NULL)
    {
      over = MIN (over, r->x - zone->rect.x - BW_LABEL_ZONE_MARGIN);
      over = MIN (over, zone->rect.x + zone->rect.w - (r->x + r->w) - BW_LABEL_ZONE_MARGIN);
    }
  return CLAMP (over, 0, BW_LABEL_MAX_OVERHANG);
}

/* From afar: no icon; the badge on top at the right, the label below it (or below the role
 * band) in as many lines as the card holds, reaching past the card where there is room. */
static void
place_compact (BwLayout     *self,
               BwLayoutNode *ln)
{
  const BwRect *r = &ln->rect;
  double size = BW_LABEL_SIZE * self->label_scale;
  /* A little tighter than DejaVu Sans's own spacing, so that three lines fit in a card. */
  double line_height = size * 1.1;
  double top = r->y + BW_COMPACT_INSET + (ln->has_band ? BW_ROLE_BAND_HEIGHT : 0);
  double bottom = r->y + r->h - BW_COMPACT_INSET;
  double over = label_overhang (self, ln);
  guint lines;

  ln->label_mode = BW_LABEL_COMPACT;
  ln->badge_size = BW_BADGE_SIZE * self->badge_scale;
  if (ln->has_badge)
    {
      double w = MIN (ln->badge_size * 3, r->w - 2 * BW_COMPACT_INSET);
      double h = MAX (line_height, ln->badge_size * 1.1);

      ln->badge = (BwRect) { r->x + r->w - BW_COMPACT_INSET - w, r->y + BW_COMPACT_INSET, w, h };
      ln->badge_baseline = ln->badge.y + (h + ln->badge_size * 0.72) / 2;
      top = ln->badge.y + h;
    }
  lines = (guint) CLAMP (floor ((bottom - top) / line_height), 1, BW_COMPACT_MAX_LINES);
  ln->label_size = size;
  ln->label_lines = lines;
  ln->label_line_height = line_height;
  ln->label = (BwRect) {
    r->x + BW_COMPACT_INSET - over, top, r->w - 2 * BW_COMPACT_INSET + 2 * over, bottom - top,
  };
  ln->label_baseline =
      top + (ln->label.h - lines * line_height) / 2 + BW_LABEL_ASCENT / BW_LABEL_SIZE * size;
}

/* A card's text as the view zoom calls for. */
static void
place_label (BwLayout     *self,
             BwLayoutNode *ln)
{
  bw_layout_place_node (ln);
  if (self->label_mode == BW_LABEL_COMPACT)
    place_compact (self, ln);
  else if (self->label_mode == BW_LABEL_HIDDEN)
    ln->label_mode = BW_LABEL_HIDDEN;
}

/* Every card's text as the view zoom calls for: full cards are placed with the card
 * (place_node); compact ones need their neighbours, so come after every card is indexed. */
void
bw_layout_place_compact_labels (BwLayout *self)
{
  for (guint i = 0; i < self->nodes->len && self->label_mode != BW_LABEL_FULL; i++)
    place_label (self, &g_array_index (self->nodes, BwLayoutNode, i));
}

/* A card's label reaches halfway to a card beside it (label_overhang looks that far, along
 * the rows it spans): the cards that a card at `rect` may stop are those that far from it. */
void
bw_layout_place_labels_near (BwLayout     *self,
                             const BwRect *rect)
{
  double room = 2 * BW_LABEL_MAX_OVERHANG;
  BwRect reach = { rect->x - room, rect->y, rect->w + 2 * room, rect->h };
  int x0, x1, y0, y1;

  if (self->label_mode == BW_LABEL_FULL)
    return;
  bw_cell_index_span (self->grid, &reach, &x0, &x1, &y0, &y1);
  for (int cx = x0; cx <= x1; cx++)
    for (int cy = y0; cy <= y1; cy++)
      {
        guint n;
        const guint32 *cell = bw_cell_index_get (self->grid, cx, cy, &n);

        for (guint i = 0; i < n; i++)
          {
            BwLayoutNode *ln = &g_array_index (self->nodes, BwLayoutNode, cell[i]);
            const BwRect *o = &ln->rect;

            if (o->y < rect->y + rect->h && rect->y < o->y + o->h &&
                o->x < rect->x + rect->w + room && rect->x - room < o->x + o->w)
              place_label (self, ln);
          }
      }
}
