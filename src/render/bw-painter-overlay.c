/* bw-painter-overlay.c: the coverage strip — tactic cells above kill-chain phase cells — in the
 * cells the layout computes (bw_layout_get_overlay_cell). */
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
