/* bw-painter-overlay.c: the coverage strip — tactic cells above kill-chain phase cells — in the
 * cells the layout computes (bw_layout_get_overlay_cell), and the legend of edges and badges. */
#include "config.h"

#include <math.h>

#include "bw-painter-private.h"

static void
draw_cell (BwPainter           *self,
           cairo_t             *cr,
           const BwOverlayCell *cell,
           const BwLayoutCell  *geometry,
           const BwColor       *under,
           gboolean             show_ratio)
{
  const BwTheme *theme = self->theme;
  BwColor fill = bw_theme_cell_color (theme, cell->ratio);
  BwColor ink = bw_theme_cell_ink (theme, cell->ratio, under);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  const char *lines[2];
  guint n_lines = 1;

  bw_paint_rounded_rect (cr, &geometry->box, BW_CELL_RADIUS);
  bw_paint_set_color (cr, &fill);
  cairo_fill (cr);

  if (cell->is_gap)
    {
      bw_paint_rounded_rect (cr, &geometry->box, BW_CELL_RADIUS);
      bw_paint_set_color (cr, &theme->marked);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }

  if (show_ratio && cell->ratio >= 0)
    {
      first = g_strdup (cell->label);
      second = g_strdup_printf ("%d%%", (int) round (cell->ratio * 100));
      n_lines = 2;
    }
  else
    first = cell->is_gap ? g_strdup_printf ("⚠ %s", cell->label) : g_strdup (cell->label);
  lines[0] = first;
  lines[1] = second;

  bw_paint_set_color (cr, &ink);
  for (guint i = 0; i < n_lines; i++)
    bw_painter_show_text (self, cr, BW_FONT_SMALL, lines[i], &geometry->text, 1, 0, TRUE,
                          bw_layout_cell_baseline (geometry, i, n_lines));
}

void
bw_painter_draw_overlay (BwPainter       *self,
                         cairo_t         *cr,
                         const BwOverlay *overlay,
                         double           x,
                         double           y,
                         double           width)
{
  const BwTheme *theme = self->theme;
  BwRect band = { x, y, width, BW_OVERLAY_HEIGHT };
  /* What the cells' text is read against: the strip over the background. */
  BwColor under = bw_color_over (&theme->strip, &theme->background);

  bw_paint_rounded_rect (cr, &band, BW_OVERLAY_RADIUS);
  bw_paint_set_color (cr, &theme->strip);
  cairo_fill_preserve (cr);
  bw_paint_set_color (cr, &theme->card_border);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  if (overlay == NULL || overlay->n_tactics == 0)
    return;

  for (guint i = 0; i < overlay->n_tactics; i++)
    {
      BwLayoutCell cell;

      bw_layout_get_overlay_cell (&band, FALSE, i, overlay->n_tactics, &cell);
      draw_cell (self, cr, &overlay->tactics[i], &cell, &under, TRUE);
    }
  for (guint i = 0; i < overlay->n_phases; i++)
    {
      BwLayoutCell cell;

      bw_layout_get_overlay_cell (&band, TRUE, i, overlay->n_phases, &cell);
      draw_cell (self, cr, &overlay->phases[i], &cell, &under, FALSE);
    }
}

/* An edge kind's sample: its colour, width and dash, and an arrowhead at its right end. */
static void
draw_edge_sample (BwPainter          *self,
                  cairo_t            *cr,
                  const BwLegendItem *item)
{
  static const double telemetry_dash[] = { 5, 4 };
  BwColor color = bw_theme_edge_color (self->theme, item->edge);
  double y = item->sample.y + item->sample.h / 2;
  double x1 = item->sample.x;
  double x2 = item->sample.x + item->sample.w;
  double half = BW_ARROW_SIZE * sin (BW_ARROW_ANGLE);

  bw_paint_set_color (cr, &color);
  cairo_set_line_width (cr, item->edge == BW_EDGE_FLOW ? 1.0 : 1.5);
  if (item->edge == BW_EDGE_TELEMETRY)
    cairo_set_dash (cr, telemetry_dash, G_N_ELEMENTS (telemetry_dash), 0);
  cairo_move_to (cr, x1, y);
  cairo_line_to (cr, x2 - BW_ARROW_SIZE / 2, y);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_move_to (cr, x2, y);
  cairo_line_to (cr, x2 - BW_ARROW_SIZE * cos (BW_ARROW_ANGLE), y - half);
  cairo_line_to (cr, x2 - BW_ARROW_SIZE * cos (BW_ARROW_ANGLE), y + half);
  cairo_close_path (cr);
  cairo_fill (cr);
}

void
bw_painter_draw_legend (BwPainter      *self,
                        cairo_t        *cr,
                        const BwLegend *legend)
{
  const BwTheme *theme = self->theme;

  bw_paint_rounded_rect (cr, &legend->box, BW_OVERLAY_RADIUS);
  bw_paint_set_color (cr, &theme->strip);
  cairo_fill_preserve (cr);
  bw_paint_set_color (cr, &theme->card_border);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  for (guint i = 0; i < legend->n_items; i++)
    {
      const BwLegendItem *item = &legend->items[i];
      g_autofree char *text = bw_legend_item_text (item);
      BwColor ink = theme->text;

      if (item->kind == BW_LEGEND_EDGE)
        draw_edge_sample (self, cr, item);
      else if (item->kind == BW_LEGEND_BADGE)
        {
          BwColor color = bw_theme_coverage_color (theme, item->ratio);

          bw_paint_rounded_rect (cr, &item->sample, item->sample.h / 2);
          bw_paint_set_color (cr, &color);
          cairo_fill (cr);
          ink = bw_theme_on_status (theme, &color, &theme->card);
        }
      bw_paint_set_color (cr, &ink);
      bw_painter_show_text (self, cr, item->kind == BW_LEGEND_BADGE ? BW_FONT_BADGE : BW_FONT_SMALL,
                            text, &item->text, 1, 0, item->kind == BW_LEGEND_BADGE,
                            item->baseline);
    }
}
