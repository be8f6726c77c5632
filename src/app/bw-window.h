/* bw-window.h: one document window. */
#pragma once

#include <adwaita.h>

#include "bw-application.h"

G_BEGIN_DECLS

#define BW_TYPE_WINDOW (bw_window_get_type ())
G_DECLARE_FINAL_TYPE (BwWindow, bw_window, BW, WINDOW, AdwApplicationWindow)

BwWindow *bw_window_new       (BwApplication *application);
void      bw_window_open_file (BwWindow      *self,
                               GFile         *file);
/* Whether the window is reading `file` in the background (bw_window_open_file). */
gboolean  bw_window_is_loading_file (BwWindow    *self,
                                     GFile       *file);
/* Opens the bundled reference estate as an untitled document. */
void      bw_window_open_sample (BwWindow    *self);

G_END_DECLS
