/* bw-canvas-private.h: BwCanvas's state, shared by the files that make up the canvas. */
#pragma once

#include "bw-canvas.h"
#include "bw-canvas-scene.h"
#include "bw-painter.h"
#include "bw-selection.h"
#include "bw-viewport.h"

G_BEGIN_DECLS

typedef enum
{
  DRAG_NONE,
  DRAG_MOVE,
  DRAG_RUBBER,
  DRAG_RESIZE,
  DRAG_CONNECT,
  DRAG_PAN,
} DragMode;

struct _BwCanvas
{
  GtkWidget   parent_instance;

  /* The project the canvas shows and edits, and what of it the canvas last took up: its
   * document (whose changes document_signals follows), history and catalog. */
  BwProject    *project;
  GSignalGroup *project_signals;
  GSignalGroup *document_signals;
  BwDocument *document;
  BwHistory  *history;
  BwCatalog  *catalog;
  BwLayout   *layout;
  BwReport   *badges_report; /* the report the layout's badges show */
  BwPainter  *painter;
  BwCanvasScene *scene;    /* the diagram's render nodes, kept across frames */
  /* The coverage strip and the legend as last drawn, and what they were drawn from. */
  GskRenderNode *strip_node;
  guint64        strip_sig;
  GskRenderNode *legend_node;
  guint64        legend_sig;

  BwViewport *viewport;    /* pan and zoom */
  gboolean    view_set;    /* FALSE until the first fit after a model is set */
  gboolean    fitting;     /* the view fits the diagram to the canvas's size until the user
                            * zooms or pans */
  gboolean    in_fit;      /* the viewport's changes come from a fit */

  BwSelection *selection;
  GHashTable *highlighted;
  GHashTable *marked;
  char       *hovered;

  BwOverlay   overlay;
  gboolean    show_overlay;
  gboolean    show_legend;
  gboolean    snap;
  gboolean    show_grid;
  gboolean    space_down;

  DragMode    drag_mode;
  double      drag_x;      /* press point, diagram coordinates */
  double      drag_y;
  double      applied_dx;  /* part of a move already sent to the history */
  double      applied_dy;
  char       *drag_target; /* resized zone or connected source */
  BwRect      drag_rect;   /* zone rectangle at press time */
  double      pointer_x;   /* last pointer position, diagram coordinates */
  double      pointer_y;
  double      pan_ox;
  double      pan_oy;
  guint       merge_serial;
  double      zoom_begin;
  gint64      zooming_until; /* a continuous zoom goes on until then (monotonic time) */
  guint       zoom_rest_id;  /* draws anew once it rests */
  guint       more_tiles_id; /* another frame, for the tiles the last one left */
  double      guide_x;     /* alignment guides shown while dragging one node; NAN when none */
  double      guide_y;
  double      last_wx;     /* last pointer position, widget coordinates: scroll zooms there */
  double      last_wy;

  /* bw-canvas-menu.c: the popovers shown over the canvas (its children), and what they do. */
  GtkWidget  *context_menu;
  GtkWidget  *rename_popover;
  GtkWidget  *connect_popover;
  char       *rename_id;
  gboolean    tab_left;    /* Tab left the canvas past its last node: the next one starts over */
};

void        bw_canvas_emit_error              (BwCanvas *self,
                                               GError   *error);
void        bw_canvas_emit_zone_reparented    (BwCanvas   *self,
                                               const char *zone_id,
                                               const char *parent_id);
void        bw_canvas_emit_selection_changed  (BwCanvas *self);
double      bw_canvas_usable_height           (BwCanvas *self);
/* `v` on the grid when snapping is on. */
double      bw_canvas_snap_value              (BwCanvas *self,
                                               double    v);

/* bw-canvas-draw.c: GtkWidget.snapshot. */
void        bw_canvas_snapshot                (GtkWidget   *widget,
                                               GtkSnapshot *snapshot);

/* bw-canvas-input.c: the event controllers and the drag state machine. */
void        bw_canvas_input_init              (BwCanvas *self);
/* What lies at (x, y), diagram coordinates: a node, else an edge, else a zone; NULL for none. */
const char *bw_canvas_hit                     (BwCanvas     *self,
                                               double        x,
                                               double        y,
                                               BwObjectType *out_type);

/* bw-canvas-menu.c: the context menu, renaming in place, Connect To…, Move to Zone. */
void        bw_canvas_menu_class_init         (GtkWidgetClass *widget_class);
void        bw_canvas_menu_init               (BwCanvas *self);
void        bw_canvas_menu_update_actions     (BwCanvas *self);
/* From size_allocate and dispose: the popovers follow the canvas, and go with it. */
void        bw_canvas_menu_present            (BwCanvas *self);
void        bw_canvas_menu_dispose            (BwCanvas *self);

/* bw-canvas-strip.c: the coverage strip's own events — its signals, its tooltips' text. */
void        bw_canvas_strip_class_init        (GtkWidgetClass *widget_class);
/* Whether (wx, wy), widget coordinates, lies on the strip or the legend the canvas shows: its
 * controls over the diagram, which a press on does not reach. */
gboolean    bw_canvas_strip_contains          (BwCanvas *self,
                                               double    wx,
                                               double    wy);

/* Where the canvas shows its legend; FALSE when it shows none. */
gboolean    bw_canvas_get_legend              (BwCanvas *self,
                                               BwLegend *legend);

/* bw-canvas-tooltip.c: the canvas's one tooltip handler — a connect handle, a strip cell, a
 * node, its badge or a zone. */
void        bw_canvas_tooltip_init            (BwCanvas *self);

/* bw-canvas-edit.c: the canvas's own actions and their keys — delete, select all, copy, cut,
 * paste, duplicate, nudge, focus the next node. */
void        bw_canvas_edit_class_init         (GtkWidgetClass *widget_class);
void        bw_canvas_update_actions          (BwCanvas *self);
/* The selected zones and nodes a move applies to: not those inside a selected zone, which the
 * history moves along with it. */
GPtrArray  *bw_canvas_movable_selection       (BwCanvas *self);
/* What moved joins the zone it now lies in, in the move's undo step when merge_id is its. */
void        bw_canvas_settle_selection        (BwCanvas *self,
                                               guint     merge_id);

G_END_DECLS
