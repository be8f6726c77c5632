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

/* Lines set straight into an image's pixels (bw_painter_set_fast_lines): where it is, the
 * clip in its pixels, the transformation to them and the colour, premultiplied, 0..255. */
typedef struct
{
  guchar  *data;
  int      stride;
  int      x0, y0, x1, y1;
  double   xx, yy, tx, ty;
  guint    r, g, b, a;
  guint16 *coverage;   /* per pixel of the clip, of the lines so far, 0..255 */
} Raster;

#define DIV255(v) (((v) + 128 + (((v) + 128) >> 8)) >> 8)

/* Whether the lines `cr` would stroke now can be set into its target's pixels: an ARGB32
 * image with no offset, unrotated, a rectangular clip, a solid colour drawn over, no dashes, and
 * lines no wider than a pixel. */
static gboolean
raster_begin (cairo_t *cr,
              Raster  *raster)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_rectangle_list_t *clip;
  cairo_matrix_t m;
  double ox, oy, sx, sy, r, g, b, a;
  double cx0, cy0, cx1, cy1;

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE ||
      cairo_image_surface_get_format (target) != CAIRO_FORMAT_ARGB32 ||
      cairo_get_dash_count (cr) > 0 || cairo_get_operator (cr) != CAIRO_OPERATOR_OVER ||
      cairo_pattern_get_rgba (cairo_get_source (cr), &r, &g, &b, &a) != CAIRO_STATUS_SUCCESS)
    return FALSE;
  cairo_surface_get_device_offset (target, &ox, &oy);
  cairo_surface_get_device_scale (target, &sx, &sy);
  cairo_get_matrix (cr, &m);
  if (ox != 0 || oy != 0 || sx != 1 || sy != 1 || m.xy != 0 || m.yx != 0 || m.xx <= 0 ||
      m.xx != m.yy || cairo_get_line_width (cr) * m.xx > 1 + 1e-9)
    return FALSE;
  clip = cairo_copy_clip_rectangle_list (cr);
  if (clip->status != CAIRO_STATUS_SUCCESS || clip->num_rectangles > 1)
    {
      cairo_rectangle_list_destroy (clip);
      return FALSE;
    }
  cairo_rectangle_list_destroy (clip);
  cairo_clip_extents (cr, &cx0, &cy0, &cx1, &cy1);
  cairo_user_to_device (cr, &cx0, &cy0);
  cairo_user_to_device (cr, &cx1, &cy1);
  raster->x0 = MAX (0, (int) floor (cx0));
  raster->y0 = MAX (0, (int) floor (cy0));
  raster->x1 = MIN (cairo_image_surface_get_width (target), (int) ceil (cx1));
  raster->y1 = MIN (cairo_image_surface_get_height (target), (int) ceil (cy1));
  raster->xx = m.xx;
  raster->yy = m.yy;
  raster->tx = m.x0;
  raster->ty = m.y0;
  raster->a = (guint) round (CLAMP (a, 0, 1) * 255);
  raster->r = (guint) round (CLAMP (r, 0, 1) * raster->a);
  raster->g = (guint) round (CLAMP (g, 0, 1) * raster->a);
  raster->b = (guint) round (CLAMP (b, 0, 1) * raster->a);
  cairo_surface_flush (target);
  raster->data = cairo_image_surface_get_data (target);
  raster->stride = cairo_image_surface_get_stride (target);
  if (raster->data == NULL || raster->x1 <= raster->x0 || raster->y1 <= raster->y0)
    return FALSE;
  raster->coverage = g_new0 (guint16, (gsize) (raster->x1 - raster->x0) *
                                          (raster->y1 - raster->y0));
  return TRUE;
}

static inline void
raster_blend (const Raster *raster,
              int           x,
              int           y,
              guint         coverage)
{
  guint32 *p = (guint32 *) (raster->data + (gsize) y * raster->stride) + x;
  guint32 d = *p;
  guint sa = DIV255 (raster->a * coverage);
  guint keep = 255 - sa;

  *p = (guint32) (sa + DIV255 ((d >> 24) * keep)) << 24 |
       (guint32) (DIV255 (raster->r * coverage) + DIV255 (((d >> 16) & 255) * keep)) << 16 |
       (guint32) (DIV255 (raster->g * coverage) + DIV255 (((d >> 8) & 255) * keep)) << 8 |
       (guint32) (DIV255 (raster->b * coverage) + DIV255 ((d & 255) * keep));
}

/* Lines that cross add up, as far as covering the pixel whole: their union, as one stroke of
 * them all would give. */
static inline void
raster_cover (const Raster *raster,
              int           x,
              int           y,
              guint         coverage)
{
  guint16 *c = raster->coverage + (gsize) (y - raster->y0) * (raster->x1 - raster->x0) +
               (x - raster->x0);

  *c = MIN (255, *c + coverage);
}

/* The lines covered so far, in the colour, onto the image. */
static void
raster_end (Raster  *raster,
            cairo_t *cr)
{
  int w = raster->x1 - raster->x0;

  for (int y = raster->y0; y < raster->y1; y++)
    for (int x = raster->x0; x < raster->x1; x++)
      {
        guint coverage = raster->coverage[(gsize) (y - raster->y0) * w + (x - raster->x0)];

        if (coverage > 0)
          raster_blend (raster, x, y, coverage);
      }
  g_clear_pointer (&raster->coverage, g_free);
  cairo_surface_mark_dirty (cairo_get_target (cr));
}

/* A line a pixel wide from (x1, y1) to (x2, y2), user coordinates, antialiased across the
 * two pixels its centre passes between in each column (or row, for a steep one). */
static void
raster_line (const Raster *raster,
             double        x1,
             double        y1,
             double        x2,
             double        y2)
{
  double ax = x1 * raster->xx + raster->tx;
  double ay = y1 * raster->yy + raster->ty;
  double bx = x2 * raster->xx + raster->tx;
  double by = y2 * raster->yy + raster->ty;
  gboolean steep = fabs (by - ay) > fabs (bx - ax);
  double u0 = steep ? ay : ax;
  double v0 = steep ? ax : ay;
  double u1 = steep ? by : bx;
  double v1 = steep ? bx : by;
  int lo = steep ? raster->y0 : raster->x0;
  int hi = steep ? raster->y1 : raster->x1;
  int vlo = steep ? raster->x0 : raster->y0;
  int vhi = steep ? raster->x1 : raster->y1;
  double slope;
  int ua, ub;

  if (u0 > u1)
    {
      double t = u0;

      u0 = u1;
      u1 = t;
      t = v0;
      v0 = v1;
      v1 = t;
    }
  slope = u1 - u0 > 1e-9 ? (v1 - v0) / (u1 - u0) : 0;
  ua = MAX (lo, (int) floor (u0 + 0.5));
  ub = MIN (hi - 1, (int) floor (u1 + 0.5) - 1);
  for (int u = ua; u <= ub; u++)
    {
      double v = v0 + slope * (u + 0.5 - u0) - 0.5;
      int vi = (int) floor (v);
      guint below = (guint) ((v - vi) * 255 + 0.5);

      for (int k = 0; k < 2; k++)
        {
          int at = vi + k;
          guint coverage = k == 0 ? 255 - below : below;

          if (at < vlo || at >= vhi || coverage == 0)
            continue;
          raster_cover (raster, steep ? at : u, steep ? u : at, coverage);
        }
    }
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
              const BwPaintState *state,
              gboolean            fast)
{
  guint pending = 0;
  Raster raster;

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

  if (fast && raster_begin (cr, &raster))
    {
      for (guint i = 0; i < list->n; i++)
        {
          const BwLayoutEdge *le = edge_at (layout, list, i);
          double x1, y1, x2, y2;

          if (edge_in_style (le, style, state) && visible_segment (le, clip, &x1, &y1, &x2, &y2))
            raster_line (&raster, x1, y1, x2, y2);
        }
      raster_end (&raster, cr);
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
      stroke_lines (cr, layout, list, style, clip, state, self->fast_lines && far);
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
