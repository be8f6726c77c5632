/* bw-painter-cards.c: zones and node cards, drawn where the layout placed each of their parts,
 * in the painter's theme; close up with labels and badges, from afar as plain cards. */
#include "config.h"

#include <math.h>

#include "bw-painter-private.h"

/* Closer than this (device pixels per unit), cards show their label, icon and badge. */
#define DETAIL_ZOOM 0.45
/* Closer than this, a card far out still shows its large icon. */
#define FAR_ICON_ZOOM 0.15

static void
stroke_dashed (cairo_t      *cr,
               const double *dash,
               int           n_dash)
{
  cairo_set_dash (cr, dash, n_dash, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

void
bw_painter_draw_zone (BwPainter          *self,
                      cairo_t            *cr,
                      const BwLayoutZone *lz,
                      const BwPaintState *state)
{
  static const double nested_dash[] = { 6, 4 };
  const BwTheme *theme = self->theme;
  BwColor color = bw_theme_zone_color (theme, lz->zone->kind);
  BwColor fill = bw_color_with_alpha (&color, theme->zone_fill_alpha);
  BwColor border = bw_color_with_alpha (&color, theme->zone_border_alpha);

  bw_paint_rounded_rect (cr, &lz->rect, BW_ZONE_RADIUS);
  bw_paint_set_color (cr, &fill);
  cairo_fill_preserve (cr);
  bw_paint_set_color (cr, &border);
  cairo_set_line_width (cr, 1.5);
  if (lz->depth > 0)
    stroke_dashed (cr, nested_dash, G_N_ELEMENTS (nested_dash));
  else
    cairo_stroke (cr);

  /* Header: icon and title in the zone's title ink. */
  {
    BwColor ink = bw_theme_zone_title_color (theme, lz->zone->kind);
    g_autofree char *font = bw_paint_font (BW_FONT_ZONE, BW_FONT_FAMILY " Bold", lz->title_size,
                                           BW_ZONE_TITLE_SIZE);

    bw_painter_draw_icon (self, cr, lz->stencil ? lz->stencil->icon : NULL, &lz->icon, &ink);
    bw_paint_set_color (cr, &ink);
    bw_painter_show_text (self, cr, font, lz->zone->label, &lz->title, 1, 0, FALSE,
                          lz->title_baseline);
  }

  if (state && bw_paint_in_set (state->selected, lz->zone->id))
    {
      BwRect ring = bw_rect_grow (&lz->rect, BW_ZONE_RING_GAP);

      bw_paint_rounded_rect (cr, &ring, BW_ZONE_RADIUS + BW_ZONE_RING_GAP);
      bw_paint_set_color (cr, &theme->selection);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
      cairo_rectangle (cr, lz->grip.x, lz->grip.y, lz->grip.w, lz->grip.h);
      cairo_fill (cr);
    }
}

static void
draw_badge (BwPainter          *self,
            cairo_t            *cr,
            const BwLayoutNode *ln)
{
  /* Rule 11: applicable techniques and none covered even partly, the one way to score 0. */
  gboolean unprotected = ln->coverage == 0;
  g_autofree char *text = unprotected ? g_strdup ("⚠ 0%")
                                      : g_strdup_printf ("%d%%", (int) round (ln->coverage * 100));
  g_autofree char *font = bw_paint_font (BW_FONT_BADGE, BW_FONT_FAMILY " Bold", ln->badge_size,
                                         BW_BADGE_SIZE);
  BwColor color = bw_theme_coverage_color (self->theme, ln->coverage);
  BwColor ink = bw_theme_on_status (self->theme, &color, &self->theme->card);

  bw_paint_rounded_rect (cr, &ln->badge, ln->badge.h / 2);
  bw_paint_set_color (cr, &color);
  cairo_fill_preserve (cr);
  if (unprotected)
    {
      /* Marked: outlined in the text colour, so it reads apart from a low score. */
      bw_paint_set_color (cr, &self->theme->text);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
    }
  else
    cairo_new_path (cr);
  bw_paint_set_color (cr, &ink);
  bw_painter_show_text (self, cr, font, text, &ln->badge, 1, 0, TRUE, ln->badge_baseline);
}

/* From afar: the label enlarged, its lines centred in the card, on a plate of the card's
 * colour where it reaches past the card (edges run beneath it). */
static void
draw_compact_label (BwPainter          *self,
                    cairo_t            *cr,
                    const BwLayoutNode *ln)
{
  const BwTheme *theme = self->theme;
  g_autofree char *font = bw_paint_font (BW_FONT_LABEL, BW_FONT_FAMILY, ln->label_size,
                                         BW_LABEL_SIZE);
  double lh = ln->label_line_height;
  guint n_lines = 1;
  double width = 0;
  double baseline;

  bw_painter_measure_text (self, font, ln->node->label, &ln->label, ln->label_lines, lh, TRUE,
                           &n_lines, &width);
  baseline = ln->label_baseline + (ln->label_lines - MIN (n_lines, ln->label_lines)) * lh / 2;
  if (width > ln->rect.w - 2)
    {
      double top = baseline - BW_LABEL_ASCENT / BW_LABEL_SIZE * ln->label_size - lh * 0.08;
      BwRect plate = {
        ln->label.x + (ln->label.w - width) / 2 - 2, top, width + 4, n_lines * lh + lh * 0.16,
      };

      bw_paint_rounded_rect (cr, &plate, 3);
      bw_paint_set_color (cr, &theme->card);
      cairo_fill (cr);
    }
  bw_paint_set_color (cr, &theme->text);
  bw_painter_show_text (self, cr, font, ln->node->label, &ln->label, ln->label_lines, lh, TRUE,
                        baseline);
}

/* The card, its shadow when close, its border (the accent when hovered) and its role band. */
static void
draw_card (BwPainter          *self,
           cairo_t            *cr,
           const BwLayoutNode *ln,
           const BwColor      *accent,
           gboolean            detailed,
           gboolean            hovered)
{
  const BwTheme *theme = self->theme;
  const BwRect *r = &ln->rect;

  if (detailed)
    {
      BwRect shadow = { r->x, r->y + BW_CARD_SHADOW_OFFSET, r->w, r->h };

      bw_paint_rounded_rect (cr, &shadow, BW_CARD_RADIUS);
      bw_paint_set_color (cr, &theme->card_shadow);
      cairo_fill (cr);
      bw_paint_rounded_rect (cr, r, BW_CARD_RADIUS);
    }
  else
    cairo_rectangle (cr, r->x, r->y, r->w, r->h);
  bw_paint_set_color (cr, &theme->card);
  cairo_fill_preserve (cr);
  bw_paint_set_color (cr, hovered ? accent : &theme->card_border);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  /* Services and collectors carry a coloured band so the three layers read at a glance. */
  if (ln->has_band)
    {
      cairo_save (cr);
      bw_paint_rounded_rect (cr, r, BW_CARD_RADIUS);
      cairo_clip (cr);
      bw_paint_set_color (cr, accent);
      cairo_rectangle (cr, ln->band.x, ln->band.y, ln->band.w, ln->band.h);
      cairo_fill (cr);
      cairo_restore (cr);
    }
}

/* Close up: icon, label and badge. Far out, text and icons are unreadable specks: a large icon
 * from mid-distance, then cards alone say where things are. */
static void
draw_card_contents (BwPainter          *self,
                    cairo_t            *cr,
                    const BwLayoutNode *ln,
                    const BwColor      *accent,
                    double              zoom)
{
  const char *icon = ln->stencil ? ln->stencil->icon : NULL;

  if (ln->label_mode == BW_LABEL_COMPACT)
    {
      if (ln->has_badge)
        draw_badge (self, cr, ln);
      draw_compact_label (self, cr, ln);
      return;
    }
  if (zoom >= DETAIL_ZOOM && ln->label_mode == BW_LABEL_FULL)
    {
      bw_painter_draw_icon (self, cr, icon, &ln->icon, accent);
      bw_paint_set_color (cr, &self->theme->text);
      bw_painter_show_text (self, cr, BW_FONT_LABEL, ln->node->label, &ln->label, ln->label_lines,
                            ln->label_line_height, TRUE, ln->label_baseline);
      if (ln->has_badge)
        draw_badge (self, cr, ln);
      return;
    }

  if (zoom >= FAR_ICON_ZOOM)
    bw_painter_draw_icon (self, cr, icon, &ln->far_icon, accent);
  if (ln->has_badge)
    {
      BwColor color = bw_theme_coverage_color (self->theme, ln->coverage);

      bw_paint_set_color (cr, &color);
      cairo_rectangle (cr, ln->far_badge.x, ln->far_badge.y, ln->far_badge.w, ln->far_badge.h);
      cairo_fill_preserve (cr);
      if (ln->coverage == 0)
        {
          bw_paint_set_color (cr, &self->theme->text);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }
      else
        cairo_new_path (cr);
    }
}

/* Selection, highlight or gap ring, and the keyboard focus. */
static void
draw_rings (BwPainter          *self,
            cairo_t            *cr,
            const BwLayoutNode *ln,
            const BwPaintState *state)
{
  static const double marked_dash[] = { 4, 3 };
  static const double focus_dash[] = { 2, 2 };
  const BwTheme *theme = self->theme;
  const char *id = ln->node->id;
  gboolean selected = bw_paint_in_set (state->selected, id);
  gboolean highlighted = bw_paint_in_set (state->highlighted, id);
  gboolean marked = bw_paint_in_set (state->marked, id);

  if (highlighted || marked || selected)
    {
      BwRect ring = bw_rect_grow (&ln->rect, BW_RING_GAP);

      bw_paint_rounded_rect (cr, &ring, BW_CARD_RADIUS + BW_RING_GAP);
      bw_paint_set_color (cr, selected      ? &theme->selection
                              : highlighted ? &theme->highlight
                                            : &theme->marked);
      cairo_set_line_width (cr, 2.5);
      if (marked && !selected)
        stroke_dashed (cr, marked_dash, G_N_ELEMENTS (marked_dash));
      else
        cairo_stroke (cr);
    }

  if (state->focused && g_str_equal (state->focused, id) && !selected)
    {
      BwRect ring = bw_rect_grow (&ln->rect, BW_FOCUS_GAP);

      bw_paint_rounded_rect (cr, &ring, BW_CARD_RADIUS + BW_FOCUS_GAP);
      bw_paint_set_color (cr, &theme->selection);
      cairo_set_line_width (cr, 1);
      stroke_dashed (cr, focus_dash, G_N_ELEMENTS (focus_dash));
    }
}

void
bw_painter_draw_node (BwPainter          *self,
                      cairo_t            *cr,
                      const BwLayoutNode *ln,
                      const BwPaintState *state)
{
  BwColor accent = bw_theme_accent_color (self->theme, ln->stencil);
  double zoom = bw_paint_device_zoom (cr);
  gboolean hovered = state && state->hovered && g_str_equal (state->hovered, ln->node->id);

  draw_card (self, cr, ln, &accent, zoom >= DETAIL_ZOOM || ln->label_mode == BW_LABEL_COMPACT,
             hovered);
  draw_card_contents (self, cr, ln, &accent, zoom);
  if (state != NULL)
    draw_rings (self, cr, ln, state);
}
