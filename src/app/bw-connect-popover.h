/* bw-connect-popover.h: "Connect To…" — the keyboard's way to draw a connection: a search
 * entry over the other nodes of the diagram; Enter or a click connects the source to the one
 * picked, with the edge kind their roles call for, as a drag from the handle does. */
#pragma once

#include "bw-canvas.h"

G_BEGIN_DECLS

#define BW_TYPE_CONNECT_POPOVER (bw_connect_popover_get_type ())
G_DECLARE_FINAL_TYPE (BwConnectPopover, bw_connect_popover, BW, CONNECT_POPOVER, GtkPopover)

/* Lists the nodes of `canvas`'s document other than `source`. The popover is not parented. */
GtkWidget  *bw_connect_popover_new         (BwCanvas         *canvas,
                                            const char       *source);
const char *bw_connect_popover_get_source  (BwConnectPopover *self);
/* Shows only the nodes whose label holds `text` (case-insensitive), as typing does. */
void        bw_connect_popover_set_filter  (BwConnectPopover *self,
                                            const char       *text);
/* The ids of the nodes listed now, in list order. */
GPtrArray  *bw_connect_popover_get_visible (BwConnectPopover *self);
/* Connects to the first node listed, as Enter does; the new edge's id, or NULL (the refusal
 * is the canvas's error signal). */
char       *bw_connect_popover_activate    (BwConnectPopover *self);

G_END_DECLS
