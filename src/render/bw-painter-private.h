/* bw-painter-private.h: the painter's state and the drawing helpers its files share
 * (bw-painter.c: caches, icons, grid; -cards.c: zones and nodes; -edges.c; -overlay.c). */
#pragma once

#include <librsvg/rsvg.h>
#include <pango/pangocairo.h>

#include "bw-painter.h"

G_BEGIN_DECLS

struct _BwPainter
{
  const BwTheme *theme;
  GHashTable    *icons;   /* icon name → RsvgHandle (or NULL when missing) */
  GHashTable    *masks;   /* "name@pixels" → cairo A8 surface */
  double         scale_factor;
  gboolean       fast_lines;
  PangoContext  *pango;
  GHashTable    *texts;   /* font, width, lines, text → BwPaintText */
};

void         bw_paint_set_color      (cairo_t       *cr,
                                      const BwColor *color);
void         bw_paint_rounded_rect   (cairo_t       *cr,
                                      const BwRect  *rect,
                                      double         radius);
/* Device pixels per diagram unit under the current transformation. */
double       bw_paint_device_zoom    (cairo_t       *cr);
gboolean     bw_paint_in_set         (GHashTable    *set,
                                      const char    *id);
/* pango_layout_set_text with text cairo will draw. */
void         bw_paint_set_layout_text (PangoLayout  *layout,
                                       const char   *text);

/* A symbolic icon filled with `color` in `box`; a rounded square when the icon is unknown. */
void         bw_painter_draw_icon    (BwPainter     *self,
                                      cairo_t       *cr,
                                      const char    *name,
                                      const BwRect  *box,
                                      const BwColor *color);
/* Draws `text` in `box`: wrapped to box->w and ellipsized in at most `lines` lines,
 * `line_height` apart (0: the font's own spacing), centred when `center`, its first baseline at
 * `baseline`. Each distinct text is laid out once and kept while the painter lives. */
void         bw_painter_show_text    (BwPainter     *self,
                                      cairo_t       *cr,
                                      const char    *font,
                                      const char    *text,
                                      const BwRect  *box,
                                      int            lines,
                                      double         line_height,
                                      gboolean       center,
                                      double         baseline);

/* The same, and how many lines it takes and how wide its widest is. */
void         bw_painter_measure_text (BwPainter     *self,
                                      const char    *font,
                                      const char    *text,
                                      const BwRect  *box,
                                      int            lines,
                                      double         line_height,
                                      gboolean       center,
                                      guint         *n_lines,
                                      double        *width);
/* `font` when `size` is its `base_size`, else `family` (with its style) at `size` pixels. */
char        *bw_paint_font           (const char    *font,
                                      const char    *family,
                                      double         size,
                                      double         base_size);

/* bw-painter-cards.c */
void         bw_painter_draw_zone    (BwPainter          *self,
                                      cairo_t            *cr,
                                      const BwLayoutZone *lz,
                                      const BwPaintState *state);
void         bw_painter_draw_node    (BwPainter          *self,
                                      cairo_t            *cr,
                                      const BwLayoutNode *ln,
                                      const BwPaintState *state);

/* bw-painter-edges.c */
void         bw_painter_draw_edges   (BwPainter          *self,
                                      cairo_t            *cr,
                                      BwLayout           *layout,
                                      const BwRect       *visible,
                                      const BwPaintState *state);
/* The edges `edges` lists (indices into the layout), their stretch inside `clip` (NULL: all
 * of them): where they are cut, their dashes still line up with the same edge's drawn beside. */
void         bw_painter_draw_edge_list (BwPainter          *self,
                                        cairo_t            *cr,
                                        BwLayout           *layout,
                                        const guint        *edges,
                                        guint               n_edges,
                                        const BwRect       *clip,
                                        const BwPaintState *state);

G_END_DECLS
