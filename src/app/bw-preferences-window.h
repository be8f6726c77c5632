/* bw-preferences-window.h: Bulwark's preferences. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget *bw_preferences_window_new (GSettings *settings);

G_END_DECLS
