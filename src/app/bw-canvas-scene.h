/* bw-canvas-scene.h: the canvas's diagram as render nodes kept across frames (see
 * bw-canvas-scene.c): tiles drawn once and drawn again only where what they show changed. */
#pragma once

#include <gtk/gtk.h>

#include "bw-canvas.h"
#include "bw-painter.h"

G_BEGIN_DECLS

typedef struct _BwCanvasScene BwCanvasScene;
typedef struct _BwCanvasSceneIndex BwCanvasSceneIndex;

BwCanvasScene *bw_canvas_scene_new       (void);
void           bw_canvas_scene_free      (BwCanvasScene *self);
/* Forgets every tile: the next frame draws them all anew. */
void           bw_canvas_scene_drop      (BwCanvasScene *self);

/* The renderer of the window the tiles go to (NULL: none, as once the canvas is unrealized).
 * When it is not cairo's, tiles are kept as its textures, not as images in memory. A change
 * forgets every tile. */
void           bw_canvas_scene_set_renderer (BwCanvasScene *self,
                                             GskRenderer   *renderer);
/* That renderer, when the tiles are kept as its textures; NULL otherwise. */
GskRenderer   *bw_canvas_scene_get_renderer (BwCanvasScene *self);

/* `image` (taken), pixels of the device's at `bounds`, as a node that shows them: from a
 * texture `device` keeps when it is a renderer that keeps textures (not cairo's, nor NULL), so
 * that they are not kept in memory as well; otherwise a cairo node that paints them. For
 * nodes drawn once and shown for many frames. */
GskRenderNode *bw_canvas_image_node        (GskRenderer           *device,
                                            cairo_surface_t       *image,
                                            const graphene_rect_t *bounds);

/* The visible part of the diagram (`visible`, diagram units, at `zoom`) into `snapshot`, whose
 * origin is the diagram's at that zoom (diagram coordinates × zoom): the tiles that cover it,
 * each drawn by `painter` only when it has none yet or what it shows changed. `layout` may be
 * NULL (the grid alone). While `zooming` (a continuous zoom goes on), the tiles drawn at
 * the zoom before are scaled to this one rather than drawn anew. */
void           bw_canvas_scene_append    (BwCanvasScene      *self,
                                          GtkSnapshot        *snapshot,
                                          BwPainter          *painter,
                                          BwLayout           *layout,
                                          const BwPaintState *state,
                                          const BwRect       *visible,
                                          double              zoom,
                                          double              scale_factor,
                                          gboolean            grid,
                                          gboolean            zooming);

/* The spatial index of the layout's items as its geometry is now. It reads the layout alone:
 * any thread that has the layout to itself may make it (the load's, with the layout). */
BwCanvasSceneIndex *bw_canvas_scene_index_new   (BwLayout                 *layout);
void                bw_canvas_scene_index_free  (BwCanvasSceneIndex       *ix);
gboolean            bw_canvas_scene_index_equal (const BwCanvasSceneIndex *a,
                                                 const BwCanvasSceneIndex *b);
/* Hands the scene `ix` (it takes it) for `layout`: when it comes to show that layout with
 * that geometry it uses the index instead of making its own, and drops it otherwise. */
void           bw_canvas_scene_offer_index (BwCanvasScene      *self,
                                            BwLayout           *layout,
                                            BwCanvasSceneIndex *ix);
/* The index in use, and how many the scene made itself (tests). */
const BwCanvasSceneIndex *bw_canvas_scene_get_index (BwCanvasScene *self,
                                                     guint         *n_builds);

/* How long, in µs, a frame may spend drawing tiles before it leaves the rest to the next
 * (0, the default: no bound). */
void           bw_canvas_scene_set_budget (BwCanvasScene *self,
                                           gint64         budget);
/* FALSE when the last frame left tiles undrawn: another frame should follow. */
gboolean       bw_canvas_scene_is_complete (BwCanvasScene *self);

/* How the last frame was made (bw_canvas_get_frame_stats). */
void           bw_canvas_scene_get_stats (BwCanvasScene      *self,
                                          BwCanvasFrameStats *stats);
/* Whether the last frame's tiles draw the layout's node `index`. */
gboolean       bw_canvas_scene_shows_node (BwCanvasScene *self,
                                           guint          index);

/* bw-canvas-scene-sig.c: signatures — 64-bit mixes of every value the painter reads. */
guint64        bw_scene_mix              (guint64       h,
                                          guint64       v);
guint64        bw_scene_mix_double       (guint64       h,
                                          double        d);
guint64        bw_scene_mix_rect         (guint64       h,
                                          const BwRect *r);
/* An item as `state` shows it (selected, hovered…). */
guint64        bw_scene_zone_sig         (const BwLayoutZone *lz,
                                          const BwPaintState *state);
guint64        bw_scene_edge_sig         (const BwLayoutEdge *le,
                                          const BwPaintState *state);
guint64        bw_scene_node_sig         (const BwLayoutNode *ln,
                                          const BwPaintState *state);
/* The whole interaction state, in any order of its sets. */
guint64        bw_scene_state_digest     (const BwPaintState *state);

G_END_DECLS
