/* bw-zoom-button.h: the zoom indicator on the canvas — the current zoom as a percentage, and a
 * menu to fit, show at 100 %, zoom in or out, and show or hide the canvas's legend. */
#pragma once

#include <gtk/gtk.h>

#include "bw-canvas.h"

G_BEGIN_DECLS

#define BW_TYPE_ZOOM_BUTTON (bw_zoom_button_get_type ())
G_DECLARE_FINAL_TYPE (BwZoomButton, bw_zoom_button, BW, ZOOM_BUTTON, GtkWidget)

GtkWidget  *bw_zoom_button_new        (void);
/* The canvas whose zoom it shows (the property "canvas"). */
BwCanvas   *bw_zoom_button_get_canvas (BwZoomButton *self);
void        bw_zoom_button_set_canvas (BwZoomButton *self,
                                       BwCanvas     *canvas);
/* What it shows: "40%". */
const char *bw_zoom_button_get_label  (BwZoomButton *self);
/* Its menu. */
GMenuModel *bw_zoom_button_get_menu   (BwZoomButton *self);

G_END_DECLS
