/* bw-test-window.c: helpers shared by the tests that run the real window under a display. */
#include "config.h"

#include "bw-test-util.h"
#include "bw-test-window.h"
#include "bw-window-private.h"

gboolean
bw_test_window_init_display (int    *argc,
                             char ***argv)
{
  /* No session bus under Xvfb: keep GTK from asking for the accessibility bus. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (argc, argv, NULL);
  if (gdk_display_get_default () == NULL)
    {
      g_print ("SKIP: no display (run under xvfb-run)\n");
      return FALSE;
    }
  return TRUE;
}

BwApplication *
bw_test_window_init (int    *argc,
                     char ***argv)
{
  BwApplication *app;

  if (!bw_test_window_init_display (argc, argv))
    return NULL;
  app = bw_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);
  return app;
}

BwApplication *
bw_test_window_init_input (int    *argc,
                           char ***argv)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  if (xdotool == NULL)
    {
      g_print ("SKIP: needs xdotool\n");
      return NULL;
    }
  return bw_test_window_init (argc, argv);
}

int
bw_test_window_run (BwApplication **app)
{
  int status = g_test_run ();

  g_clear_object (app);
  return status;
}

void
bw_test_window_iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

BwWindow *
bw_test_window_new (BwApplication *app)
{
  BwWindow *window = bw_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  bw_test_window_iterate (200);
  return window;
}

void
bw_test_window_destroy (gpointer window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (BW_IS_WINDOW (window))
    BW_WINDOW (window)->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  bw_test_window_iterate (50);
}

BwDocument *
bw_test_window_document (BwWindow *window)
{
  return bw_project_get_document (bw_window_get_project (window));
}

BwHistory *
bw_test_window_history (BwWindow *window)
{
  return bw_project_get_history (bw_window_get_project (window));
}

BwEngine *
bw_test_window_engine (BwWindow *window)
{
  return bw_project_get_engine (bw_window_get_project (window));
}

BwCatalog *
bw_test_window_catalog (BwWindow *window)
{
  return bw_project_get_catalog (bw_window_get_project (window));
}

BwWindow *
bw_test_window_open_sample (BwApplication *app,
                            guint          settle_ms)
{
  g_autofree char *path = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  BwWindow *window = bw_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1440, 900);
  gtk_window_present (GTK_WINDOW (window));
  bw_test_window_iterate (200);
  g_assert_true (bw_window_load_file (window, file, &error));
  g_assert_no_error (error);
  bw_test_window_iterate (settle_ms);
  return window;
}

static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

GPtrArray *
bw_test_find_all (GtkWidget *root,
                  GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (root, type, found);
  return found;
}

const char *
bw_test_window_first_service (BwWindow *window)
{
  BwDocument *document = bw_test_window_document (window);

  for (guint i = 0; i < bw_document_get_n_nodes (document); i++)
    {
      const BwNode *node = bw_document_get_node (document, i);
      const BwStencil *stencil = bw_catalog_lookup_stencil (bw_test_window_catalog (window),
                                                            node->kind);

      if (stencil != NULL && stencil->role == BW_ROLE_SERVICE)
        return node->id;
    }
  g_assert_not_reached ();
}
