/* bw-preferences-window.h: Bulwark's preferences. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BW_TYPE_PREFERENCES_WINDOW (bw_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (BwPreferencesWindow, bw_preferences_window, BW, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *bw_preferences_window_new    (GSettings  *settings);
/* Imports a bundle (or a mappings file) into the user catalog on a worker thread with a progress
 * bar, then puts every window on the new catalog and shows a summary (what the file chooser of
 * the ATT&CK Data rows does). */
void       bw_preferences_window_import (GtkWidget  *window,
                                         const char *path,
                                         gboolean    mappings);

G_END_DECLS
