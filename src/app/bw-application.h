/* bw-application.h: the Bulwark GtkApplication. */
#pragma once

#include <adwaita.h>

#include "bw-catalog.h"
#include "bw-journal.h"

G_BEGIN_DECLS

#define BW_TYPE_APPLICATION (bw_application_get_type ())
G_DECLARE_FINAL_TYPE (BwApplication, bw_application, BW, APPLICATION, AdwApplication)

BwApplication *bw_application_new         (void);
/* Starts reading the catalog on a worker thread, to overlap GTK's own start-up; the
 * application's startup waits for it. Without it, startup reads the catalog itself. */
void           bw_application_load_catalog_in_background (BwApplication *self);
/* The catalog every window computes with; NULL if it failed to load (the window says why). */
BwCatalog     *bw_application_get_catalog (BwApplication *self);
const GError  *bw_application_get_catalog_error (BwApplication *self);
/* Puts the application and every open window on `catalog` (after an import, or forgetting one). */
void           bw_application_set_catalog (BwApplication *self,
                                           BwCatalog     *catalog);
gboolean       bw_application_release_memory       (BwApplication *self);
void           bw_application_release_memory_later (BwApplication *self);
void           bw_application_add_recent  (BwApplication *self,
                                           GFile         *file);
/* Opens `file` in `window` when it holds nothing of value (an untitled, unchanged, empty
 * project), else in a new window; `window` NULL: the active window. */
void           bw_application_open_file   (BwApplication *self,
                                           GFile         *file,
                                           GtkWindow     *window);
/* Restores recovered work into the window that has (or is reading) its original file, else into
 * an empty window, else a new one; the window is not presented. NULL with an error when the copy
 * cannot be read. */
GtkWindow     *bw_application_restore     (BwApplication     *self,
                                           const BwRecovery  *recovery,
                                           GError           **error);

G_END_DECLS
