/* bw-viewport.h: what part of the diagram a view shows — the zoom within its limits and the
 * diagram point at the view's top-left corner — and the conversion between view (widget)
 * coordinates and diagram coordinates. Headless: the canvas draws through one, tests use one
 * without a display. */
#pragma once

#include <glib-object.h>

#include "bw-layout.h"

G_BEGIN_DECLS

#define BW_VIEWPORT_ZOOM_MIN 0.1
#define BW_VIEWPORT_ZOOM_MAX 4.0
/* Fitting leaves this much room, in view pixels, around the diagram, and does not blow a small
 * diagram up past this zoom. */
#define BW_VIEWPORT_FIT_MARGIN 40.0
#define BW_VIEWPORT_FIT_ZOOM_MAX 1.5

#define BW_TYPE_VIEWPORT (bw_viewport_get_type ())
G_DECLARE_FINAL_TYPE (BwViewport, bw_viewport, BW, VIEWPORT, GObject)

/* Zoom 1 at the diagram's origin, limits BW_VIEWPORT_ZOOM_MIN to BW_VIEWPORT_ZOOM_MAX. The
 * properties zoom, min-zoom, max-zoom, x and y notify when they change. */
BwViewport *bw_viewport_new            (void);

double      bw_viewport_get_zoom       (BwViewport *self);
/* Clamped to the limits; keeps the top-left corner where it is. */
void        bw_viewport_set_zoom       (BwViewport *self,
                                        double      zoom);
double      bw_viewport_get_min_zoom   (BwViewport *self);
/* min ≤ max; raising the minimum above the zoom raises the zoom. */
void        bw_viewport_set_min_zoom   (BwViewport *self,
                                        double      min_zoom);
double      bw_viewport_get_max_zoom   (BwViewport *self);
void        bw_viewport_set_max_zoom   (BwViewport *self,
                                        double      max_zoom);
gboolean    bw_viewport_can_zoom_in    (BwViewport *self);
gboolean    bw_viewport_can_zoom_out   (BwViewport *self);

/* The diagram point at the view's top-left corner. */
void        bw_viewport_get_origin     (BwViewport *self,
                                        double     *x,
                                        double     *y);
void        bw_viewport_set_origin     (BwViewport *self,
                                        double      x,
                                        double      y);
/* Moves the view by (dx, dy) view pixels. */
void        bw_viewport_scroll_by      (BwViewport *self,
                                        double      dx,
                                        double      dy);

void        bw_viewport_widget_to_model (BwViewport *self,
                                         double      wx,
                                         double      wy,
                                         double     *x,
                                         double     *y);
void        bw_viewport_model_to_widget (BwViewport *self,
                                         double      x,
                                         double      y,
                                         double     *wx,
                                         double     *wy);
/* The diagram rectangle a view of width × height pixels shows. */
BwRect      bw_viewport_get_visible    (BwViewport *self,
                                        double      width,
                                        double      height);

/* Sets the zoom (clamped) so that the diagram point under (wx, wy) stays there: zooming around
 * the pointer or the middle of a pinch. */
void        bw_viewport_zoom_at        (BwViewport *self,
                                        double      zoom,
                                        double      wx,
                                        double      wy);
/* Zooms and scrolls so that `bounds` is centred in a view of width × height pixels with
 * BW_VIEWPORT_FIT_MARGIN around it; an empty diagram is shown at zoom 1 from just before its
 * origin. */
void        bw_viewport_fit            (BwViewport   *self,
                                        const BwRect *bounds,
                                        double        width,
                                        double        height);
/* When `rect` is not wholly inside a view of width × height pixels, scrolls to centre it. */
void        bw_viewport_show_rect      (BwViewport   *self,
                                        const BwRect *rect,
                                        double        width,
                                        double        height);

G_END_DECLS
