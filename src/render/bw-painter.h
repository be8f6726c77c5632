/* bw-painter.h: draws a BwLayout with cairo — the canvas and the PNG/PDF exports share it. */
#pragma once

#include <cairo.h>

#include "bw-layout.h"
#include "bw-theme.h"

G_BEGIN_DECLS

/* Per-frame interaction state; every set maps id → anything and may be NULL. */
typedef struct
{
  GHashTable *selected;
  GHashTable *highlighted; /* services covering the technique picked in the coverage view */
  GHashTable *marked;      /* assets where that technique is a gap */
  const char *hovered;
  const char *focused;
} BwPaintState;

/* The painter's colours are a BwTheme's; the older name stays for the exporters. */
typedef BwTheme BwPaintPalette;

/* Fonts shared by the canvas and the exporters; the layout's metrics (bw-layout.h) fit them.
 * One family that every Linux desktop and most others have, with Verdana (whose metrics it
 * shares) after it: the SVG asks for the same stack (BW_SVG_FONT_FAMILY), so the line breaks
 * measured here are the ones its reader sees, whatever fonts the exporting machine has. */
#define BW_FONT_FAMILY     "DejaVu Sans, Verdana, sans"
#define BW_SVG_FONT_FAMILY "'DejaVu Sans',Verdana,sans-serif"
#define BW_FONT_LABEL      BW_FONT_FAMILY " 9.5"
#define BW_FONT_ZONE       BW_FONT_FAMILY " Bold 10"
#define BW_FONT_SMALL      BW_FONT_FAMILY " 7.5"
#define BW_FONT_BADGE      BW_FONT_FAMILY " Bold 7.5"

typedef struct _BwPainter BwPainter;

BwPainter *bw_painter_new            (gboolean dark);
void       bw_painter_free           (BwPainter *self);
/* The light or dark theme (bw_theme_get). */
void       bw_painter_set_dark       (BwPainter *self,
                                      gboolean   dark);
gboolean   bw_painter_get_dark       (BwPainter *self);
void       bw_painter_set_theme      (BwPainter     *self,
                                      const BwTheme *theme);
const BwTheme *bw_painter_get_theme  (BwPainter *self);
/* Device pixels per unit the target will be replayed at (HiDPI), for raster icon caches. */
void       bw_painter_set_scale_factor (BwPainter *self,
                                        double     scale_factor);
/* From afar (below the zoom where telemetry is dashed), edges one device pixel wide drawn
 * into an image surface are set into its pixels directly, antialiased, instead of stroked by
 * cairo, at a fraction of the cost: for a view of a large estate, not for exports (FALSE, the
 * default). */
void       bw_painter_set_fast_lines (BwPainter *self,
                                      gboolean   fast);

/* Background dots every `spacing` diagram units over the visible rectangle. */
/* The spacing of the grid's dots at `zoom`, in the diagram's units: `spacing`, or a multiple
 * of it that keeps them apart. */
double     bw_painter_grid_period    (double        spacing,
                                      double        zoom);
void       bw_painter_draw_grid      (BwPainter    *self,
                                      cairo_t      *cr,
                                      const BwRect *visible,
                                      double        spacing,
                                      double        zoom);

/* Zones, edges, then nodes, in diagram coordinates (the caller sets the transform). Anything
 * outside `visible` (NULL = everything) is skipped. */
void       bw_painter_draw_diagram   (BwPainter          *self,
                                      cairo_t            *cr,
                                      BwLayout           *layout,
                                      const BwRect       *visible,
                                      const BwPaintState *state);

/* Some of a layout's items, by their indices in it (bw_layout_get_zone, _edge, _node), each
 * list in the layout's order: the zones, the edges (whole), then the nodes, as
 * bw_painter_draw_diagram draws them. The canvas draws its tiles so, from its spatial index. */
typedef struct
{
  const guint *zones;
  guint        n_zones;
  const guint *edges;
  guint        n_edges;
  const guint *nodes;
  guint        n_nodes;
  const BwRect *clip;  /* where they are drawn, or NULL: edges only there */
} BwPaintItems;

void       bw_painter_draw_items     (BwPainter          *self,
                                      cairo_t            *cr,
                                      BwLayout           *layout,
                                      const BwPaintItems *items,
                                      const BwPaintState *state);

/* How far past its box (diagram units) a node's drawing may reach: its rings and shadow. */
#define BW_PAINT_NODE_SLACK (BW_FOCUS_GAP + 2)

/* The tactic strip and kill-chain row, in a band `width` wide and BW_OVERLAY_HEIGHT high. */
void       bw_painter_draw_overlay   (BwPainter       *self,
                                      cairo_t         *cr,
                                      const BwOverlay *overlay,
                                      double           x,
                                      double           y,
                                      double           width);

/* The legend of edge kinds and badge colours where the layout put it (bw_layout_get_legend). */
void       bw_painter_draw_legend    (BwPainter       *self,
                                      cairo_t         *cr,
                                      const BwLegend  *legend);

/* bw_theme_get (dark), by its older name. */
const BwPaintPalette *bw_paint_palette (gboolean dark);

/* The lines a node label is drawn in: wrapped to `width`, at most `max_lines`, the last one
 * ellipsized — the same breaks the canvas makes, so exports match it. */
GStrv      bw_wrap_label             (const char *text,
                                      const char *font,
                                      double      width,
                                      int         max_lines);

/* Text as cairo accepts it: cairo refuses a string with a Unicode non-character (U+FFFE,
 * U+FFFF, U+FDD0…) or bytes that are not UTF-8 wherever it keeps text with the glyphs (PDF,
 * recordings, the canvas), and then draws nothing more at all. Those become U+FFFD. NULL when
 * `text` needs no change (use it as is). */
char      *bw_paint_sanitize_text    (const char *text);

/* The name GtkIconTheme knows the stencil icon `icon` by (its SVG and its pre-rendered PNGs,
 * in the program's resources): `bulwark-ICON-symbolic`, which no desktop theme has. */
char      *bw_stencil_icon_name      (const char *icon);

/* The stencil icon's SVG source (symbolic, 16×16), or NULL when the icon is unknown. */
GBytes    *bw_stencil_icon_bytes     (const char *icon);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwPainter, bw_painter_free)

G_END_DECLS
