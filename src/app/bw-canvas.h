/* bw-canvas.h: the diagram editor widget — draws the layout, zooms, pans, selects and edits. */
#pragma once

#include <gtk/gtk.h>

#include "bw-catalog.h"
#include "bw-document.h"
#include "bw-history.h"
#include "bw-layout.h"
#include "bw-project.h"
#include "bw-viewport.h"

G_BEGIN_DECLS

#define BW_TYPE_CANVAS (bw_canvas_get_type ())
G_DECLARE_FINAL_TYPE (BwCanvas, bw_canvas, BW, CANVAS, GtkWidget)

/* The drag-and-drop payload of a palette item: its stencil id as a string. */
#define BW_CANVAS_GRID 16.0

GtkWidget    *bw_canvas_new              (void);

/* The project shown and edited: the canvas follows its document, catalog and report. */
BwProject    *bw_canvas_get_project      (BwCanvas   *self);
void          bw_canvas_set_project      (BwCanvas   *self,
                                          BwProject  *project);
BwDocument   *bw_canvas_get_document     (BwCanvas   *self);
BwLayout     *bw_canvas_get_layout       (BwCanvas   *self);

/* The pan and zoom state the canvas draws through (owned by the canvas). */
BwViewport   *bw_canvas_get_viewport     (BwCanvas   *self);
double        bw_canvas_get_zoom         (BwCanvas   *self);
void          bw_canvas_set_zoom         (BwCanvas   *self,
                                          double      zoom);
/* A step of a continuous zoom (scrolling, a pinch) to `zoom` about (wx, wy), widget
 * coordinates: while the steps follow each other, frames scale what was drawn at the zoom
 * before them, and the diagram is drawn anew at its zoom once they rest. */
void          bw_canvas_zoom_at          (BwCanvas   *self,
                                          double      zoom,
                                          double      wx,
                                          double      wy);
/* Fits the diagram to the canvas, and keeps fitting it as the canvas's size changes until the
 * view is zoomed or panned otherwise. */
void          bw_canvas_zoom_fit         (BwCanvas   *self);
gboolean      bw_canvas_get_fitting      (BwCanvas   *self);
void          bw_canvas_get_offset       (BwCanvas   *self,
                                          double     *x,
                                          double     *y);
void          bw_canvas_set_offset       (BwCanvas   *self,
                                          double      x,
                                          double      y);

/* Widget ↔ diagram coordinates. */
void          bw_canvas_widget_to_diagram (BwCanvas *self,
                                           double    wx,
                                           double    wy,
                                           double   *dx,
                                           double   *dy);
void          bw_canvas_diagram_to_widget (BwCanvas *self,
                                           double    dx,
                                           double    dy,
                                           double   *wx,
                                           double   *wy);

/* Selection: ids of zones, nodes and edges. */
GPtrArray    *bw_canvas_get_selection    (BwCanvas   *self);
void          bw_canvas_select           (BwCanvas   *self,
                                          const char *id,
                                          gboolean    extend);
void          bw_canvas_select_all       (BwCanvas   *self);
void          bw_canvas_clear_selection  (BwCanvas   *self);

/* A new document holding the selection: selected zones with everything inside them, selected
 * nodes, and the edges whose two ends are both taken. */
BwDocument   *bw_canvas_copy_selection   (BwCanvas   *self);
/* Adds everything in `source` as one undo step, with fresh ids, shifted by (dx, dy), and
 * selects what was added. */
gboolean      bw_canvas_paste_document   (BwCanvas   *self,
                                          BwDocument *source,
                                          double      dx,
                                          double      dy,
                                          GError    **error);

/* Places a new node of `kind` with its top-left near (x, y) in diagram coordinates, inside the
 * innermost zone there. Returns the new id, or NULL with an error. */
char         *bw_canvas_place_stencil    (BwCanvas   *self,
                                          const char *kind,
                                          double      x,
                                          double      y,
                                          GError    **error);
/* The same from the keyboard: into the zone under (x, y), in the free space there nearest to
 * it (bw_edit_rules_place_node), the zone growing when full. */
char         *bw_canvas_place_stencil_in_free_space (BwCanvas   *self,
                                                     const char *kind,
                                                     double      x,
                                                     double      y,
                                                     GError    **error);

/* Moves the selection and drops each moved object into the innermost zone under it, as a drag
 * does; a non-zero merge_id joins the previous move into one undo step. */
gboolean      bw_canvas_move_selection   (BwCanvas   *self,
                                          double      dx,
                                          double      dy,
                                          guint       merge_id,
                                          GError    **error);
/* Connects two objects with the edge kind their roles call for (DESIGN §3); NULL with an error
 * when no kind fits. */
char         *bw_canvas_connect          (BwCanvas   *self,
                                          const char *from,
                                          const char *to,
                                          GError    **error);
/* The context menu of object `id` (NULL: the empty canvas), and the same shown at (wx, wy),
 * widget coordinates, as a right click there shows it. */
GMenuModel   *bw_canvas_build_context_menu (BwCanvas   *self,
                                            const char *id);
void          bw_canvas_popup_context_menu (BwCanvas   *self,
                                            const char *id,
                                            double      wx,
                                            double      wy);
/* Opens the entry that renames node or zone `id` in place (Enter sets the label, one undo
 * step; Escape leaves it), as a double click or F2 does. */
void          bw_canvas_rename           (BwCanvas   *self,
                                          const char *id);
/* Opens "Connect To…" for node `source` (a BwConnectPopover), as Ctrl+L does. */
void          bw_canvas_connect_to       (BwCanvas   *self,
                                          const char *source);

/* What the tooltip at (wx, wy), widget coordinates, says of the connect handle there; NULL
 * when no handle is there. */
char         *bw_canvas_get_handle_text  (BwCanvas   *self,
                                          double      wx,
                                          double      wy);

/* The coverage strip, as the project's latest report fills it. */
const BwOverlay *bw_canvas_get_overlay   (BwCanvas   *self);
void          bw_canvas_set_show_overlay (BwCanvas   *self,
                                          gboolean    show);
/* The legend of edge kinds and badge colours in the canvas's top-left corner (shown at first). */
gboolean      bw_canvas_get_show_legend  (BwCanvas   *self);
void          bw_canvas_set_show_legend  (BwCanvas   *self,
                                          gboolean    show);
/* What the strip's cell at (x, y), widget coordinates, says in its tooltip: the full name and
 * the figures; NULL when no cell is there. */
char         *bw_canvas_get_strip_text   (BwCanvas   *self,
                                          double      x,
                                          double      y);
/* As a click at (x, y) does: on a strip cell, emits tactic-activated or phase-activated with
 * its id and returns TRUE. */
gboolean      bw_canvas_activate_strip   (BwCanvas   *self,
                                          double      x,
                                          double      y);

/* What the canvas's tooltip says at (x, y), widget coordinates: a strip cell's name and figures;
 * a node's label, kind, coverage and covering services (what a service covers); a badge's
 * meaning; a zone's name and contents. NULL where there is nothing. */
char         *bw_canvas_get_tooltip_text (BwCanvas   *self,
                                          double      x,
                                          double      y);

/* Highlight for the coverage view: services that cover, assets where it is not covered. */
void          bw_canvas_set_highlight    (BwCanvas   *self,
                                          GHashTable *highlighted,
                                          GHashTable *marked);
/* The node ids lit and marked now (sets of strings), or NULL. */
GHashTable   *bw_canvas_get_highlighted  (BwCanvas   *self);
GHashTable   *bw_canvas_get_marked       (BwCanvas   *self);

void          bw_canvas_set_snap         (BwCanvas   *self,
                                          gboolean    snap);
void          bw_canvas_set_show_grid    (BwCanvas   *self,
                                          gboolean    show);

/* How the canvas made its last frame from the render nodes it keeps across frames: tiles shown,
 * tiles drawn anew for it (and of those, how many were drawn in steps, over one frame or more),
 * the steps of drawing it took (a tile drawn at once is one), tiles kept, and the zones, edges
 * and nodes the tiles shown draw. */
typedef struct
{
  guint n_tiles;
  guint n_built;
  guint n_stepped;
  guint n_steps;
  guint n_cached;
  guint n_zones;
  guint n_edges;
  guint n_nodes;
} BwCanvasFrameStats;

void          bw_canvas_get_frame_stats  (BwCanvas           *self,
                                          BwCanvasFrameStats *stats);
/* Whether the last frame drew the node `id`. */
gboolean      bw_canvas_frame_shows_node (BwCanvas   *self,
                                          const char *id);
/* How long a frame may spend drawing the diagram's tiles, in ms, before it leaves the rest to
 * the frames after it (0: no bound): a large diagram fills in over a few frames instead of
 * holding the window still. */
#define BW_CANVAS_FRAME_BUDGET_MS 12
void          bw_canvas_set_frame_budget (BwCanvas  *self,
                                          guint      ms);
/* Whether the last frame drew every tile in view. */
gboolean      bw_canvas_frame_is_complete (BwCanvas *self);
/* Forgets the render nodes kept: the next frame is drawn as by a new canvas. */
void          bw_canvas_drop_render_cache (BwCanvas  *self);

G_END_DECLS
