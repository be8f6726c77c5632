/* test-panel-input.c: the Coverage panel under the real keyboard (xdotool, under a display) — a
 * tactic's row that has the keyboard focus keeps it when Ctrl+Z, pressed there, brings a new
 * report: the rows take their new figures where they stand. */
#include "config.h"

#include <gdk/x11/gdkx.h>

#include "bw-tactic-row.h"
#include "bw-test-util.h"
#include "bw-test-window.h"
#include "bw-window-private.h"

static BwApplication *app;

/* `key` pressed through the X server, into `window`. */
static void
press (GtkWindow  *window,
       const char *key)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  const char *argv[] = { "xdotool", "windowfocus", "--sync", xid, "key", key, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
}

static void
test_focus_kept (void)
{
  BwWindow *window = bw_test_window_open_sample (app, 500);
  BwDocument *document = bw_test_window_document (window);
  guint n_nodes = bw_document_get_n_nodes (document);
  const char *removed[] = { bw_test_window_first_service (window), NULL };
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  GtkWidget *row;

  /* An edit to take back, made the way the canvas makes it. */
  g_assert_true (bw_history_remove (bw_test_window_history (window), removed, NULL));
  bw_test_window_iterate (300);
  g_assert_cmpuint (bw_document_get_n_nodes (document), <, n_nodes);
  before = bw_test_find_all (window->coverage, BW_TYPE_TACTIC_ROW);
  g_assert_cmpuint (before->len, >, 3);
  row = before->pdata[3];
  g_assert_true (gtk_widget_grab_focus (row));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == row);

  press (GTK_WINDOW (window), "ctrl+z");
  for (guint waited = 0; waited < 5000 && bw_document_get_n_nodes (document) != n_nodes;
       waited += 50)
    bw_test_window_iterate (50);
  g_assert_cmpuint (bw_document_get_n_nodes (document), ==, n_nodes);
  bw_test_window_iterate (300);

  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == row);
  after = bw_test_find_all (window->coverage, BW_TYPE_TACTIC_ROW);
  g_assert_cmpuint (after->len, ==, before->len);
  g_assert_true (after->pdata[3] == row);
  bw_test_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  app = bw_test_window_init_input (&argc, &argv);
  if (app == NULL)
    return BW_TEST_SKIP;

  g_test_add_func ("/panel-input/focus-kept", test_focus_kept);
  return bw_test_window_run (&app);
}
