/* bw-painter-edges.c: edges drawn by kind in batched paths, only their visible stretch, with
 * the arrowheads the layout placed. */
#include "config.h"

#include <math.h>

#include "bw-painter-private.h"

/* Below this zoom, telemetry is drawn solid: dashes would be too small to see. */
#define DASH_ZOOM 0.5
/* Edges are clipped to the visible rectangle grown by this, so an arrowhead on its border is
 * drawn whole. */
#define EDGE_SLACK 20.0
#define MIN_LINE_PIXELS 1.0

/* Liang–Barsky: the part of the segment inside `r`. FALSE when none is. */
static gboolean
clip_segment (const BwRect *r,
              double       *x1,
              double       *y1,
              double       *x2,
              double       *y2)
{
  double t0 = 0;
  double t1 = 1;
  double dx = *x2 - *x1;
  double dy = *y2 - *y1;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { *x1 - r->x, r->x + r->w - *x1, *y1 - r->y, r->y + r->h - *y1 };

  for (int i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      {
        double t = q[i] / p[i];

        if (p[i] < 0)
          t0 = MAX (t0, t);
        else
          t1 = MIN (t1, t);
      }
    }
  if (t0 > t1)
    return FALSE;
  *x2 = *x1 + t1 * dx;
  *y2 = *y1 + t1 * dy;
  *x1 = *x1 + t0 * dx;
  *y1 = *y1 + t0 * dy;
  return TRUE;
}

/* The stretch of an edge inside `clip` (NULL: all of it), or FALSE when none of it is. */
static gboolean
visible_segment (const BwLayoutEdge *le,
                 const BwRect       *clip,
                 double             *x1,
                 double             *y1,
                 double             *x2,
                 double             *y2)
{
  *x1 = le->x1;
  *y1 = le->y1;
  *x2 = le->x2;
  *y2 = le->y2;
  return clip == NULL || clip_segment (clip, x1, y1, x2, y2);
}

static gboolean
edge_in_style (const BwLayoutEdge *le,
               int                 style,
               const BwPaintState *state)
{
  gboolean selected;

  if (style < 3 && (int) le->edge->kind != style)
    return FALSE;
  selected = state != NULL && bw_paint_in_set (state->selected, le->edge->id);
  return (style == 3) == selected;
}

/* One style's lines, in small batches: one stroke per line costs in calls, one stroke for all
 * in tessellating their crossings. */
/* The edges drawn: all of the layout's, or those `subset` lists. */
typedef struct
{
  const guint *subset;
  guint        n;
  /* Dashes keep the phase they have on the whole edge where `clip` cuts it, so that the
   * stretches of one edge drawn in neighbouring pieces (the canvas's tiles) join up. */
  gboolean     keep_phase;
} EdgeList;

static const BwLayoutEdge *
edge_at (BwLayout       *layout,
         const EdgeList *list,
         guint           i)
{
  return bw_layout_get_edge (layout, list->subset ? list->subset[i] : i);
}

static void
stroke_lines (cairo_t            *cr,
              BwLayout           *layout,
              const EdgeList     *list,
              int                 style,
              const BwRect       *clip,
              const BwPaintState *state)
{
  guint pending = 0;

  if (list->keep_phase && clip != NULL && cairo_get_dash_count (cr) > 0)
    {
      double dash[2];
      double offset;

      /* One stroke each: each starts its dashes where its stretch starts on the edge. */
      cairo_get_dash (cr, dash, &offset);
      for (guint i = 0; i < list->n; i++)
        {
          const BwLayoutEdge *le = edge_at (layout, list, i);
          double x1, y1, x2, y2;

          if (!edge_in_style (le, style, state) ||
              !visible_segment (le, clip, &x1, &y1, &x2, &y2))
            continue;
          cairo_set_dash (cr, dash, 2, offset + hypot (x1 - le->x1, y1 - le->y1));
          cairo_move_to (cr, x1, y1);
          cairo_line_to (cr, x2, y2);
          cairo_stroke (cr);
        }
      return;
    }

  cairo_new_path (cr);
  for (guint i = 0; i < list->n; i++)
    {
      const BwLayoutEdge *le = edge_at (layout, list, i);
      double x1, y1, x2, y2;

      if (!edge_in_style (le, style, state) || !visible_segment (le, clip, &x1, &y1, &x2, &y2))
        continue;
      cairo_move_to (cr, x1, y1);
      cairo_line_to (cr, x2, y2);
      if (++pending == 8)
        {
          cairo_stroke (cr);
          pending = 0;
        }
    }
  cairo_stroke (cr);
}

static void
fill_heads (cairo_t            *cr,
            BwLayout           *layout,
            const EdgeList     *list,
            int                 style,
            const BwRect       *clip,
            const BwPaintState *state)
{
  for (guint i = 0; i < list->n; i++)
    {
      const BwLayoutEdge *le = edge_at (layout, list, i);

      /* An edge whose tip is inside `clip` shows there. */
      if (!edge_in_style (le, style, state) ||
          (clip != NULL && !bw_rect_contains (clip, le->x2, le->y2)))
        continue;
      cairo_move_to (cr, le->head[0].x, le->head[0].y);
      cairo_line_to (cr, le->head[1].x, le->head[1].y);
      cairo_line_to (cr, le->head[2].x, le->head[2].y);
      cairo_close_path (cr);
    }
  cairo_fill (cr);
}

/* Edges are drawn by style, each style as one path: one stroke for hundreds of lines instead
 * of one each, and only the stretch of each inside `clip` (when there is one), since dashing
 * costs by length. */
static void
draw_edges (BwPainter          *self,
            cairo_t            *cr,
            BwLayout           *layout,
            const EdgeList     *list,
            const BwRect       *clip,
            const BwPaintState *state)
{
  static const double telemetry_dash[] = { 5, 4 };
  double zoom = bw_paint_device_zoom (cr);
  gboolean far = zoom < DASH_ZOOM;

  cairo_save (cr);
  /* Thin straight lines look the same with cairo's fast antialiasing, at a fraction of the cost. */
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);

  for (int style = 0; style < 4; style++)
    {
      /* 0..2: the edge kinds; 3: selected edges of any kind, drawn last, on top. */
      BwColor color = style < 3 ? bw_theme_edge_color (self->theme, (BwEdgeKind) style)
                                : self->theme->selection;

      bw_paint_set_color (cr, &color);
      /* Never thinner than a pixel (a logical one on a HiDPI canvas): from afar, thinner lines
       * fade into the background. */
      cairo_set_line_width (cr, MAX (style == 3 ? 2.5 : style == BW_EDGE_FLOW ? 1.0 : 1.5,
                                     MIN_LINE_PIXELS * self->scale_factor / MAX (zoom, 1e-3)));
      if (style == BW_EDGE_TELEMETRY && !far)
        cairo_set_dash (cr, telemetry_dash, G_N_ELEMENTS (telemetry_dash), 0);
      stroke_lines (cr, layout, list, style, clip, state);
      cairo_set_dash (cr, NULL, 0, 0);
      fill_heads (cr, layout, list, style, clip, state);
    }
  cairo_restore (cr);
}

void
bw_painter_draw_edges (BwPainter          *self,
                       cairo_t            *cr,
                       BwLayout           *layout,
                       const BwRect       *visible,
                       const BwPaintState *state)
{
  EdgeList all = { NULL, bw_layout_get_n_edges (layout), FALSE };
  BwRect grown = visible ? bw_rect_grow (visible, EDGE_SLACK) : (BwRect) { 0 };

  draw_edges (self, cr, layout, &all, visible ? &grown : NULL, state);
}

void
bw_painter_draw_edge_list (BwPainter          *self,
                           cairo_t            *cr,
                           BwLayout           *layout,
                           const guint        *edges,
                           guint               n_edges,
                           const BwRect       *clip,
                           const BwPaintState *state)
{
  EdgeList list = { edges, n_edges, TRUE };
  BwRect grown = clip ? bw_rect_grow (clip, EDGE_SLACK) : (BwRect) { 0 };

  if (n_edges > 0)
    draw_edges (self, cr, layout, &list, clip ? &grown : NULL, state);
}
