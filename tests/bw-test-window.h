/* bw-test-window.h: helpers shared by the tests that run the real window under a display. */
#pragma once

#include <gtk/gtk.h>

#include "bw-application.h"
#include "bw-project.h"
#include "bw-window.h"

G_BEGIN_DECLS

/* Sets GTK up for a test under the display (no accessibility bus under Xvfb). FALSE, having
 * said so, when there is no display: the test then exits with BW_TEST_SKIP. */
gboolean       bw_test_window_init_display (int    *argc,
                                            char ***argv);
/* The same, then a registered application; NULL when there is no display. */
BwApplication *bw_test_window_init         (int    *argc,
                                            char ***argv);

/* The same, for the tests that drive the real pointer and keyboard: NULL, having said so, when
 * there is no display or no xdotool. */
BwApplication *bw_test_window_init_input   (int    *argc,
                                            char ***argv);

/* Runs the tests added, then lets `*app` go: g_test_run ()'s status. */
int            bw_test_window_run          (BwApplication **app);

/* Runs the main context for `ms` milliseconds. */
void           bw_test_window_iterate      (guint ms);
/* A new window of `app`, presented and given time to draw. */
BwWindow      *bw_test_window_new          (BwApplication *app);
/* Destroys a GtkWindow (a BwWindow without asking about unsaved changes: the test decides
 * what is kept) and lets the main context settle. */
void           bw_test_window_destroy      (gpointer window);

/* A new window of `app` at the default size (1440×900), presented, with the reference sample
 * loaded, given `settle_ms` to draw. */
BwWindow      *bw_test_window_open_sample  (BwApplication *app,
                                            guint          settle_ms);
/* Every widget of `type` under `root`, `root` included, depth first. */
GPtrArray     *bw_test_find_all            (GtkWidget *root,
                                            GType      type);

/* What the window's project holds. */
BwDocument    *bw_test_window_document     (BwWindow *window);
BwHistory     *bw_test_window_history      (BwWindow *window);
BwEngine      *bw_test_window_engine       (BwWindow *window);
BwCatalog     *bw_test_window_catalog      (BwWindow *window);
/* The id of the first service node of the window's document (there must be one). */
const char    *bw_test_window_first_service (BwWindow *window);

G_END_DECLS
