/* test-matrix-input.c: the coverage matrix under the real pointer (xdotool, under a display) —
 * a click on a cell opens the technique's page beside the matrix, a click on a parent's fold
 * mark unfolds it: nothing around the grid (the page's flap and its swipes) takes the clicks. */
#include "config.h"

#include "bw-application.h"
#include "bw-matrix-grid.h"
#include "bw-matrix-window.h"
#include "bw-window-private.h"
#include "bw-test-util.h"
#include "bw-test-window.h"

static BwApplication *app;

static BwWindow *
sample_window (void)
{
  g_autofree char *path = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  BwWindow *window = bw_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  bw_test_window_iterate (200);
  g_assert_true (bw_window_load_file (window, file, &error));
  g_assert_no_error (error);
  bw_test_window_iterate (300);
  return window;
}

static BwMatrixGrid *
find_grid (GtkWidget *root)
{
  if (BW_IS_MATRIX_GRID (root))
    return BW_MATRIX_GRID (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      BwMatrixGrid *grid = find_grid (child);

      if (grid != NULL)
        return grid;
    }
  return NULL;
}

/* A click of the real pointer at grid coordinates (x, y), through the X server. */
static void
click (BwMatrixWindow *matrix,
       BwMatrixGrid   *grid,
       double          x,
       double          y)
{
  double wx, wy, sx, sy;
  g_autofree char *px = NULL;
  g_autofree char *py = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (grid), GTK_WIDGET (matrix), x, y,
                                                   &wx, &wy));
  gtk_native_get_surface_transform (GTK_NATIVE (matrix), &sx, &sy);
  px = g_strdup_printf ("%d", (int) (wx + sx));
  py = g_strdup_printf ("%d", (int) (wy + sy));
  {
    const char *argv[] = { "xdotool", "search", "--name", "^Coverage Matrix$", "windowfocus",
                           "--sync", "%1", "mousemove", "--window", "%1", px, py, "sleep",
                           "0.3", "click", "1", NULL };

    g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                  NULL, &error));
  }
  g_assert_no_error (error);
}

static gboolean
wait_for (gboolean (*done) (gpointer),
          gpointer   data)
{
  for (guint waited = 0; waited < 5000; waited += 50)
    {
      if (done (data))
        return TRUE;
      bw_test_window_iterate (50);
    }
  return done (data);
}

static gboolean
page_open (gpointer matrix)
{
  return bw_matrix_window_get_technique (matrix) != NULL;
}

typedef struct
{
  BwMatrixWindow *matrix;
  guint           n_cells;
} Count;

static gboolean
cells_changed (gpointer data)
{
  Count *count = data;

  return bw_matrix_window_get_n_cells (count->matrix, 0) != count->n_cells;
}

typedef struct
{
  BwMatrixWindow *matrix;
  const char     *id;
} Shown;

static gboolean
page_shows (gpointer data)
{
  Shown *shown = data;

  return g_strcmp0 (bw_matrix_window_get_technique (shown->matrix), shown->id) == 0;
}

static void
test_clicks (void)
{
  BwWindow *window = sample_window ();
  BwMatrixWindow *matrix = BW_MATRIX_WINDOW (bw_window_show_matrix (window));
  BwMatrixGrid *grid;
  Count count = { matrix, 0 };
  guint position = 0;
  double x, y;

  bw_test_window_iterate (500);
  grid = find_grid (GTK_WIDGET (matrix));
  g_assert_nonnull (grid);

  /* The first parent of the first column: its fold mark, then its name. */
  while (bw_matrix_window_get_cell (matrix, 0, position)->n_subs == 0)
    position++;
  count.n_cells = bw_matrix_window_get_n_cells (matrix, 0);
  bw_matrix_grid_cell_centre (grid, 0, position, &x, &y);
  click (matrix, grid, x + 80, y);
  g_assert_true (wait_for (cells_changed, &count));
  g_assert_null (bw_matrix_window_get_technique (matrix));

  click (matrix, grid, x - 40, y);
  g_assert_true (wait_for (page_open, matrix));
  g_assert_cmpstr (bw_matrix_window_get_technique (matrix), ==,
                   bw_catalog_get_technique (bw_test_window_catalog (window),
                                             bw_matrix_window_get_cell (matrix, 0, position)
                                                 ->technique)
                       ->id);

  /* With the page open, a click on another cell shows that one. */
  {
    Shown shown = { matrix, NULL };

    shown.id = bw_catalog_get_technique (bw_test_window_catalog (window),
                                         bw_matrix_window_get_cell (matrix, 1, 0)->technique)
                   ->id;
    bw_matrix_grid_cell_centre (grid, 1, 0, &x, &y);
    click (matrix, grid, x - 40, y);
    g_assert_true (wait_for (page_shows, &shown));
  }

  bw_test_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  app = bw_test_window_init_input (&argc, &argv);
  if (app == NULL)
    return BW_TEST_SKIP;

  g_test_add_func ("/matrix-input/clicks", test_clicks);
  return bw_test_window_run (&app);
}
