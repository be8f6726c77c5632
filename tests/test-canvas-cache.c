/* test-canvas-cache.c: the canvas keeps its diagram as render nodes across frames
 * (bw-canvas-scene.c). What it shows after a selection, a hover, an edit, a theme change or a
 * pan is, pixel for pixel, what a canvas drawing everything anew shows, and only the tiles the
 * change touched are drawn again; at 100 % a frame draws only what lies in view. A project
 * loaded from a file comes with the scene's spatial index and the badges made on the load's
 * thread, the ones the main thread would make, and a move carries that index along. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bw-bench-diagram.h"
#include "bw-canvas-private.h"
#include "bw-document-io.h"
#include "bw-overlay.h"
#include "bw-test-estate.h"
#include "bw-window-private.h"
#include "bw-test-util.h"
#include "bw-test-window.h"

static BwApplication *app;

/* The canvas's frame now, as the cairo renderer draws it. */
static GBytes *
render_canvas (BwCanvas *canvas)
{
  GtkWidget *widget = GTK_WIDGET (canvas);
  int w = gtk_widget_get_width (widget);
  int h = gtk_widget_get_height (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  guchar *pixels = g_malloc (w * h * 4);

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  g_assert_true (gsk_renderer_realize (
      renderer, gtk_native_get_surface (gtk_widget_get_native (widget)), &error));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  gdk_texture_download (texture, pixels, w * 4);
  gsk_renderer_unrealize (renderer);
  return g_bytes_new_take (pixels, w * h * 4);
}

/* How many textures of a device, and how many tile-sized cairo nodes, `node` shows. */
static void
count_images (GskRenderNode *node,
              guint         *device,
              guint         *cairo_tiles)
{
  graphene_rect_t bounds;

  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        count_images (gsk_container_node_get_child (node, i), device, cairo_tiles);
      break;
    case GSK_TRANSFORM_NODE:
      count_images (gsk_transform_node_get_child (node), device, cairo_tiles);
      break;
    case GSK_CLIP_NODE:
      count_images (gsk_clip_node_get_child (node), device, cairo_tiles);
      break;
    case GSK_TEXTURE_NODE:
      *device += GDK_IS_GL_TEXTURE (gsk_texture_node_get_texture (node));
      break;
    case GSK_CAIRO_NODE:
      gsk_render_node_get_bounds (node, &bounds);
      *cairo_tiles += bounds.size.width == 256 && bounds.size.height == 256;
      break;
    default:
      break;
    }
}

static void
canvas_images (BwCanvas *canvas,
               guint    *device,
               guint    *cairo_tiles)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  GTK_WIDGET_GET_CLASS (canvas)->snapshot (GTK_WIDGET (canvas), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  *device = *cairo_tiles = 0;
  count_images (node, device, cairo_tiles);
}

/* The frame as drawn from the kept nodes, then as drawn anew: the same pixels. Returns the
 * frame. */
static GBytes *
assert_as_if_new (BwCanvas   *canvas,
                  const char *what)
{
  g_autoptr(GBytes) kept = render_canvas (canvas);
  g_autoptr(GBytes) fresh = NULL;

  bw_canvas_drop_render_cache (canvas);
  fresh = render_canvas (canvas);
  if (!g_bytes_equal (kept, fresh))
    g_error ("after %s, the kept tiles show something else than tiles drawn anew", what);
  return g_steal_pointer (&kept);
}

static BwCanvasFrameStats
frame_stats (BwCanvas *canvas)
{
  BwCanvasFrameStats stats;

  bw_canvas_get_frame_stats (canvas, &stats);
  return stats;
}

static void
test_invalidation (void)
{
  BwWindow *window = bw_test_window_open_sample (app, 400);
  BwCanvas *canvas = bw_window_get_canvas (window);
  BwHistory *history = bw_test_window_history (window);
  BwLayout *layout = bw_canvas_get_layout (canvas);
  const BwLayoutNode *ln = bw_layout_get_node (layout, 0);
  g_autofree char *id = g_strdup (ln->node->id);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  BwCanvasFrameStats stats;
  guint all;

  /* Every frame here is whole: /canvas-cache/progressive checks frames that are not. */
  bw_canvas_set_frame_budget (canvas, 0);

  gtk_widget_set_has_tooltip (GTK_WIDGET (canvas), FALSE);
  bw_canvas_clear_selection (canvas);
  before = render_canvas (canvas);
  /* Once drawn, a frame with nothing changed draws no tile again. */
  g_bytes_unref (render_canvas (canvas));
  stats = frame_stats (canvas);
  all = stats.n_tiles;
  g_assert_cmpuint (all, >, 8);
  g_assert_cmpuint (stats.n_built, ==, 0);

  /* Selecting one node redraws the few tiles under it, and shows its ring. */
  bw_canvas_select (canvas, id, FALSE);
  after = render_canvas (canvas);
  stats = frame_stats (canvas);
  g_test_message ("a selection drew %u of %u tiles", stats.n_built, all);
  g_assert_cmpuint (stats.n_built, >=, 1);
  g_assert_cmpuint (stats.n_built, <=, 4);
  g_assert_false (g_bytes_equal (before, after));
  g_bytes_unref (assert_as_if_new (canvas, "a selection"));

  /* Hover, as the pointer gives it. */
  g_free (canvas->hovered);
  canvas->hovered = g_strdup (bw_layout_get_node (layout, 1)->node->id);
  g_bytes_unref (render_canvas (canvas));
  g_assert_cmpuint (frame_stats (canvas).n_built, <=, 4);
  g_bytes_unref (assert_as_if_new (canvas, "a hover"));
  g_clear_pointer (&canvas->hovered, g_free);

  /* An edit: a new label redraws the tiles of that card only. */
  /* (No main loop in between: the window's own frame would draw the change first.) */
  g_assert_true (bw_history_set_label (history, id, "A much longer name than before", NULL));
  g_bytes_unref (render_canvas (canvas));
  stats = frame_stats (canvas);
  g_test_message ("a new label drew %u of %u tiles", stats.n_built, all);
  g_assert_cmpuint (stats.n_built, >=, 1);
  g_assert_cmpuint (stats.n_built, <=, 4);
  g_bytes_unref (assert_as_if_new (canvas, "a new label"));

  /* A move takes the card's edges along: still not the whole view. */
  {
    const char *ids[] = { id, NULL };

    g_assert_true (bw_history_move (history, ids, 48, 32, 0, NULL));
  }
  g_bytes_unref (render_canvas (canvas));
  stats = frame_stats (canvas);
  g_test_message ("a move drew %u of %u tiles", stats.n_built, all);
  g_assert_cmpuint (stats.n_built, <, all);
  g_bytes_unref (assert_as_if_new (canvas, "a move"));

  /* Undo brings the first frame back, selection aside. */
  g_assert_true (bw_history_undo (history));
  g_assert_true (bw_history_undo (history));
  bw_canvas_clear_selection (canvas);
  bw_test_window_iterate (50);
  after = (g_bytes_unref (after), render_canvas (canvas));
  g_assert_true (g_bytes_equal (before, after));

  /* The dark theme redraws everything, as a new canvas would. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  g_bytes_unref (render_canvas (canvas));
  g_assert_cmpuint (frame_stats (canvas).n_built, ==, frame_stats (canvas).n_tiles);
  g_bytes_unref (assert_as_if_new (canvas, "the dark theme"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
  bw_test_window_iterate (50);

  /* A pan moves the kept tiles: only those that come into view are drawn. */
  {
    double x, y;

    g_bytes_unref (render_canvas (canvas));
    bw_canvas_get_offset (canvas, &x, &y);
    bw_canvas_set_offset (canvas, x + 8, y + 5);
    g_bytes_unref (render_canvas (canvas));
    stats = frame_stats (canvas);
    g_test_message ("a pan drew %u of %u tiles", stats.n_built, stats.n_tiles);
    g_assert_cmpuint (stats.n_built, <, stats.n_tiles / 2);
    g_bytes_unref (assert_as_if_new (canvas, "a pan"));
  }

  bw_test_window_destroy (window);
}

/* A window showing the 2,000-node diagram on a canvas alone, drawn; the project's owner is
 * the caller. */
static BwCanvas *
open_diagram (BwProject **project,
              GtkWidget **window)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalog) catalog = bw_catalog_load_default (&error);
  g_autoptr(BwDocument) doc = bw_bench_build_diagram ();
  GtkWidget *widget = bw_canvas_new ();

  g_assert_no_error (error);
  *window = adw_application_window_new (GTK_APPLICATION (app));
  *project = bw_project_new (catalog);
  bw_project_set_document (*project, doc, NULL);
  gtk_window_set_default_size (GTK_WINDOW (*window), 1200, 800);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (*window), widget);
  bw_canvas_set_project (BW_CANVAS (widget), *project);
  gtk_window_present (GTK_WINDOW (*window));
  bw_test_window_iterate (300);
  return BW_CANVAS (widget);
}

/* At 100 % over the 2,000-node diagram, a frame draws the nodes in view and none far from
 * it. */
static void
test_culling (void)
{
  g_autoptr(BwProject) project = NULL;
  GtkWidget *window;
  BwCanvas *canvas = open_diagram (&project, &window);
  GtkWidget *widget = GTK_WIDGET (canvas);
  BwCanvasFrameStats stats;
  BwLayout *layout;
  BwRect visible;
  double zoom;
  guint shown = 0;

  bw_canvas_set_frame_budget (canvas, 0);
  bw_canvas_set_zoom (canvas, 1.0);
  bw_canvas_set_offset (canvas, 2000, 1500);
  g_bytes_unref (render_canvas (canvas));

  layout = bw_canvas_get_layout (canvas);
  zoom = bw_canvas_get_zoom (canvas);
  g_assert_cmpfloat (zoom, ==, 1.0);
  visible = bw_viewport_get_visible (canvas->viewport, gtk_widget_get_width (widget),
                                     gtk_widget_get_height (widget));
  stats = frame_stats (canvas);
  g_test_message ("%u tiles draw %u of %u nodes and %u of %u edges", stats.n_tiles,
                  stats.n_nodes, bw_layout_get_n_nodes (layout), stats.n_edges,
                  bw_layout_get_n_edges (layout));
  g_assert_cmpuint (stats.n_nodes, >, 0);
  g_assert_cmpuint (stats.n_nodes, <, bw_layout_get_n_nodes (layout) / 4);
  g_assert_cmpuint (stats.n_edges, <, bw_layout_get_n_edges (layout));

  for (guint i = 0; i < bw_layout_get_n_nodes (layout); i++)
    {
      const BwLayoutNode *ln = bw_layout_get_node (layout, i);
      /* A tile reaches at most its own size past the view. */
      BwRect near = bw_rect_grow (&visible, 256 / zoom + 40);
      gboolean drawn = bw_canvas_frame_shows_node (canvas, ln->node->id);

      if (bw_rect_intersects (&ln->rect, &visible) && !drawn)
        g_error ("%s is in view but not drawn", ln->node->id);
      if (!bw_rect_intersects (&ln->rect, &near) && drawn)
        g_error ("%s is far out of view but drawn", ln->node->id);
      shown += drawn;
    }
  g_assert_cmpuint (shown, ==, stats.n_nodes);

  gtk_window_destroy (GTK_WINDOW (window));
  bw_test_window_iterate (50);
}

/* With a renderer of the device (GL), the tiles, the strip and the legend are kept as its
 * textures, not as images in memory as well, and show what images in memory show. */
static void
test_device_textures (void)
{
  BwWindow *window = bw_test_window_open_sample (app, 400);
  BwCanvas *canvas = bw_window_get_canvas (window);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (GTK_WIDGET (canvas)));
  g_autoptr(GBytes) kept = NULL;
  g_autoptr(GBytes) plain = NULL;
  guint device, cairo_tiles;

  if (GSK_IS_CAIRO_RENDERER (renderer))
    {
      g_test_skip ("the window draws with cairo: nothing is kept on a device");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  bw_canvas_set_frame_budget (canvas, 0);
  gtk_widget_set_has_tooltip (GTK_WIDGET (canvas), FALSE);
  g_assert_true (bw_canvas_scene_get_renderer (canvas->scene) == renderer);
  kept = render_canvas (canvas);
  canvas_images (canvas, &device, &cairo_tiles);
  g_test_message ("%s: %u device textures, %u tile images", G_OBJECT_TYPE_NAME (renderer),
                  device, cairo_tiles);
  /* Every tile in view, and the strip and the legend. */
  g_assert_cmpuint (device, >=, frame_stats (canvas).n_tiles + 2);
  g_assert_cmpuint (cairo_tiles, ==, 0);

  /* The same frame from images in memory, as for the cairo renderer. */
  bw_canvas_scene_set_renderer (canvas->scene, NULL);
  bw_canvas_drop_render_cache (canvas);
  plain = render_canvas (canvas);
  canvas_images (canvas, &device, &cairo_tiles);
  g_assert_cmpuint (device, ==, 0);
  g_assert_cmpuint (cairo_tiles, >=, 8);
  if (!g_bytes_equal (kept, plain))
    g_error ("the tiles on the device show something else than the tiles in memory");

  /* Unrealized, the canvas lets go of the renderer's textures with the renderer. */
  bw_canvas_scene_set_renderer (canvas->scene, renderer);
  gtk_widget_unrealize (GTK_WIDGET (canvas));
  g_assert_null (bw_canvas_scene_get_renderer (canvas->scene));
  g_assert_null (canvas->strip_node);
  g_assert_null (canvas->legend_node);
  gtk_window_destroy (GTK_WINDOW (window));
  bw_test_window_iterate (50);
}

/* Each tile image `node` shows, once per time it shows it (a texture's pixels or a cairo
 * node's). */
static void
collect_tile_images (GskRenderNode *node,
                     GPtrArray     *images)
{
  graphene_rect_t bounds;

  gsk_render_node_get_bounds (node, &bounds);
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_tile_images (gsk_container_node_get_child (node, i), images);
      break;
    case GSK_TRANSFORM_NODE:
      collect_tile_images (gsk_transform_node_get_child (node), images);
      break;
    case GSK_CLIP_NODE:
      collect_tile_images (gsk_clip_node_get_child (node), images);
      break;
    case GSK_TEXTURE_NODE:
      if (bounds.size.width == 256 && bounds.size.height == 256)
        g_ptr_array_add (images, gsk_texture_node_get_texture (node));
      break;
    case GSK_CAIRO_NODE:
      if (bounds.size.width == 256 && bounds.size.height == 256)
        g_ptr_array_add (images, node);
      break;
    default:
      break;
    }
}

/* At 100 %, the tiles of the view that show the grid alone (past the diagram's corner) show
 * one image between them, where the renderer keeps one texture; the frame is the one tiles
 * drawn anew show. */
static void
test_empty_tiles_shared (void)
{
  BwWindow *window = bw_test_window_open_sample (app, 400);
  BwCanvas *canvas = bw_window_get_canvas (window);
  GtkSnapshot *snapshot;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GPtrArray) images = g_ptr_array_new ();
  g_autoptr(GHashTable) distinct = g_hash_table_new (NULL, NULL);
  BwCanvasFrameStats stats;

  bw_canvas_set_frame_budget (canvas, 0);
  gtk_widget_set_has_tooltip (GTK_WIDGET (canvas), FALSE);
  bw_canvas_set_zoom (canvas, 1.0);
  bw_canvas_set_offset (canvas, -900, -700);
  g_bytes_unref (assert_as_if_new (canvas, "a view past the corner"));

  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (canvas)->snapshot (GTK_WIDGET (canvas), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  collect_tile_images (node, images);
  for (guint i = 0; i < images->len; i++)
    g_hash_table_add (distinct, images->pdata[i]);
  stats = frame_stats (canvas);
  g_test_message ("%u tiles in view show %u images, %u of them distinct", stats.n_tiles,
                  images->len, g_hash_table_size (distinct));
  g_assert_cmpuint (stats.n_nodes, >, 0);
  g_assert_cmpuint (images->len, ==, stats.n_tiles);
  /* Every tile shows something (the grid at least), and the grid-only ones one image. */
  g_assert_cmpuint (g_hash_table_size (distinct), <, images->len / 2);

  /* Without the grid, the empty tiles show nothing. */
  bw_canvas_set_show_grid (canvas, FALSE);
  g_bytes_unref (assert_as_if_new (canvas, "the grid turned off"));
  bw_test_window_destroy (window);
}

/* A frame with too little time for every tile in view leaves the rest to the frames after it,
 * which the canvas asks for itself; once they are drawn, the frame is the one drawn at once. */
static void
test_progressive (void)
{
  g_autoptr(BwProject) project = NULL;
  g_autoptr(GBytes) whole = NULL;
  g_autoptr(GBytes) filled = NULL;
  GtkWidget *window;
  BwCanvas *canvas = open_diagram (&project, &window);
  guint frames = 0;

  /* The whole diagram in view, drawn at once. */
  bw_canvas_set_frame_budget (canvas, 0);
  bw_canvas_zoom_fit (canvas);
  bw_canvas_drop_render_cache (canvas);
  whole = render_canvas (canvas);
  g_assert_true (bw_canvas_frame_is_complete (canvas));

  /* The same with a budget no tile fits in: one tile a frame. */
  bw_canvas_set_frame_budget (canvas, 1);
  bw_canvas_drop_render_cache (canvas);
  g_bytes_unref (render_canvas (canvas));
  g_assert_false (bw_canvas_frame_is_complete (canvas));
  /* The canvas asks for the next frames itself: the window's own frames fill it in. */
  while (!bw_canvas_frame_is_complete (canvas) && frames++ < 400)
    bw_test_window_iterate (50);
  g_assert_true (bw_canvas_frame_is_complete (canvas));
  g_assert_cmpuint (frames, >, 1);
  filled = render_canvas (canvas);
  g_assert_true (g_bytes_equal (whole, filled));

  gtk_window_destroy (GTK_WINDOW (window));
  bw_test_window_iterate (50);
}

/* From afar over a large estate, a tile crossed by hundreds of long edges is drawn in steps,
 * and a frame with too little time for more takes one of them: the tile is drawn over several
 * frames. Once every tile is, the frame is the one drawn at once. */
/* A window showing a random 6,000-node estate from afar, drawn; the project's owner is the
 * caller. */
static BwCanvas *
open_estate (BwProject **project,
             GtkWidget **window)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalog) catalog = bw_catalog_load_default (&error);
  g_autoptr(BwDocument) estate = NULL;
  BwCanvas *canvas = BW_CANVAS (bw_canvas_new ());

  g_assert_no_error (error);
  estate = bw_test_random_estate (catalog, 6000, 3);
  *window = adw_application_window_new (GTK_APPLICATION (app));
  *project = bw_project_new (catalog);
  bw_project_set_document (*project, estate, NULL);
  gtk_window_set_default_size (GTK_WINDOW (*window), 1200, 800);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (*window), GTK_WIDGET (canvas));
  bw_canvas_set_project (canvas, *project);
  gtk_window_present (GTK_WINDOW (*window));
  bw_test_window_iterate (300);
  g_assert_cmpfloat (bw_canvas_get_zoom (canvas), <=, 0.2);
  return canvas;
}

static void
test_steps (void)
{
  g_autoptr(BwProject) project = NULL;
  g_autoptr(GBytes) whole = NULL;
  g_autoptr(GBytes) filled = NULL;
  GtkWidget *window;
  BwCanvas *canvas = open_estate (&project, &window);
  BwCanvasFrameStats stats;
  guint frames = 0;
  guint steps = 0;

  bw_canvas_set_frame_budget (canvas, 0);
  bw_canvas_drop_render_cache (canvas);
  whole = render_canvas (canvas);
  g_assert_true (bw_canvas_frame_is_complete (canvas));
  stats = frame_stats (canvas);
  g_test_message ("%u of %u tiles drawn in %u steps", stats.n_stepped, stats.n_built,
                  stats.n_steps);
  g_assert_cmpuint (stats.n_stepped, >, 0);
  g_assert_cmpuint (stats.n_steps, >, stats.n_built);

  /* A budget of a µs: one step a frame. */
  bw_canvas_scene_set_budget (canvas->scene, 1);
  bw_canvas_drop_render_cache (canvas);
  do
    {
      g_bytes_unref (render_canvas (canvas));
      g_assert_cmpuint (frame_stats (canvas).n_steps, <=, 1);
      steps += frame_stats (canvas).n_steps;
      frames++;
    }
  while (!bw_canvas_frame_is_complete (canvas) && frames < 5000);
  g_assert_true (bw_canvas_frame_is_complete (canvas));
  g_test_message ("%u frames", frames);
  g_assert_cmpuint (steps, ==, stats.n_steps);
  filled = render_canvas (canvas);
  g_assert_true (g_bytes_equal (whole, filled));

  gtk_window_destroy (GTK_WINDOW (window));
  bw_test_window_iterate (50);
}

/* From afar, the edges a pixel wide that the canvas sets into its tiles' pixels itself look as
 * cairo's strokes of them: the frame is not the same, but hardly differs anywhere. */
static void
test_far_lines (void)
{
  g_autoptr(BwProject) project = NULL;
  g_autoptr(GBytes) fast = NULL;
  g_autoptr(GBytes) stroked = NULL;
  GtkWidget *window;
  BwCanvas *canvas = open_estate (&project, &window);
  const guchar *a;
  const guchar *b;
  gsize n;
  double sum = 0;
  gsize far_off = 0;

  bw_canvas_set_frame_budget (canvas, 0);
  bw_canvas_drop_render_cache (canvas);
  fast = render_canvas (canvas);
  bw_painter_set_fast_lines (canvas->painter, FALSE);
  bw_canvas_drop_render_cache (canvas);
  stroked = render_canvas (canvas);
  bw_painter_set_fast_lines (canvas->painter, TRUE);

  a = g_bytes_get_data (fast, &n);
  b = g_bytes_get_data (stroked, NULL);
  g_assert_false (g_bytes_equal (fast, stroked));
  for (gsize i = 0; i < n; i++)
    {
      int d = ABS (a[i] - b[i]);

      sum += d;
      far_off += d >= 64;
    }
  g_test_message ("mean difference %.3f, %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT
                  " bytes off by a quarter or more", sum / n, far_off, n);
  g_assert_cmpfloat (sum / n, <, 1.5);
  g_assert_cmpuint (far_off, <, n / 1000);

  gtk_window_destroy (GTK_WINDOW (window));
  bw_test_window_iterate (50);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bw_project_load_finish (BW_PROJECT (source), result, &error));
  g_assert_no_error (error);
  *(gboolean *) data = TRUE;
}

/* A file loaded in the background brings the layout and the index of its items with it: the
 * first frame takes that index up instead of making one, and it is the one the scene makes
 * for the same layout. An edit after that makes the index anew on the main thread. */
static void
test_load_index (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalog) catalog = bw_catalog_load_default (&error);
  g_autoptr(BwDocument) estate = NULL;
  g_autoptr(BwProject) project = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bulwark-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "estate.bulwark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  BwCanvas *canvas = BW_CANVAS (bw_canvas_new ());
  const BwCanvasSceneIndex *index;
  BwCanvasSceneIndex *fresh;
  gboolean loaded = FALSE;
  guint builds;
  guint builds_before;

  g_assert_no_error (error);
  estate = bw_test_random_estate (catalog, 3000, 7);
  g_assert_true (bw_document_save_to_file (estate, path, &error));
  project = bw_project_new (catalog);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), GTK_WIDGET (canvas));
  bw_canvas_set_project (canvas, project);
  gtk_window_present (GTK_WINDOW (window));
  bw_test_window_iterate (200);
  bw_canvas_scene_get_index (canvas->scene, &builds_before);

  bw_project_load_async (project, file, NULL, loaded_cb, &loaded);
  while (!loaded)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (bw_layout_get_n_nodes (bw_canvas_get_layout (canvas)), ==, 3000);
  g_bytes_unref (render_canvas (canvas));
  index = bw_canvas_scene_get_index (canvas->scene, &builds);
  g_assert_cmpuint (builds, ==, builds_before);
  fresh = bw_canvas_scene_index_new (bw_canvas_get_layout (canvas));
  g_assert_true (bw_canvas_scene_index_equal (index, fresh));
  bw_canvas_scene_index_free (fresh);
  /* The badges the load's thread gave the layout are the project's report's. */
  {
    BwLayout *layout = bw_canvas_get_layout (canvas);
    g_autoptr(BwLayout) anew = bw_layout_new (bw_project_get_document (project), catalog);
    g_autoptr(GHashTable) coverage = bw_overlay_asset_coverage (bw_project_get_report (project));
    guint badges = 0;

    bw_layout_set_asset_coverage (anew, coverage);
    for (guint i = 0; i < bw_layout_get_n_nodes (layout); i++)
      {
        g_assert_cmpfloat (bw_layout_get_node (layout, i)->coverage, ==,
                           bw_layout_get_node (anew, i)->coverage);
        g_assert_cmpint (bw_layout_get_node (layout, i)->has_badge, ==,
                         bw_layout_get_node (anew, i)->has_badge);
        badges += bw_layout_get_node (layout, i)->has_badge;
      }
    g_assert_cmpuint (badges, >, 0);
  }

  /* Moves change the geometry: the scene moves what moved in its index (the nodes and their
   * edges, long ones among them), and it is the index it would make anew. Over two frames,
   * and several moves in one. */
  {
    BwLayout *layout = bw_canvas_get_layout (canvas);
    guint busiest = 0;
    guint edges = 0;
    const char *ids[] = { "n1", NULL, NULL };

    for (guint i = 0; i < bw_layout_get_n_nodes (layout); i++)
      {
        guint n;

        bw_layout_get_node_edges (layout, i, &n);
        if (n > edges)
          {
            edges = n;
            busiest = i;
          }
      }
    g_assert_cmpuint (edges, >=, 3);
    /* Whole frames, to compare with a frame drawn anew. */
    bw_canvas_set_frame_budget (canvas, 0);
    ids[1] = bw_layout_get_node (layout, busiest)->node->id;
    g_assert_true (bw_history_move (bw_project_get_history (project), ids, 48, 32, 0, NULL));
    g_bytes_unref (render_canvas (canvas));
    index = bw_canvas_scene_get_index (canvas->scene, &builds);
    g_assert_cmpuint (builds, ==, builds_before);
    fresh = bw_canvas_scene_index_new (layout);
    g_assert_true (bw_canvas_scene_index_equal (index, fresh));
    bw_canvas_scene_index_free (fresh);

    /* Far across the estate: its edges grow long, and in one frame, two moves. */
    g_assert_true (bw_history_move (bw_project_get_history (project), ids + 1, 9000, 7000, 0,
                                    NULL));
    g_assert_true (bw_history_move (bw_project_get_history (project), ids, -64, 0, 0, NULL));
    g_bytes_unref (render_canvas (canvas));
    index = bw_canvas_scene_get_index (canvas->scene, &builds);
    g_assert_cmpuint (builds, ==, builds_before);
    fresh = bw_canvas_scene_index_new (layout);
    g_assert_true (bw_canvas_scene_index_equal (index, fresh));
    bw_canvas_scene_index_free (fresh);
    g_bytes_unref (assert_as_if_new (canvas, "moves"));

    /* Anything else makes it anew. */
    g_assert_true (bw_history_set_label (bw_project_get_history (project), "n1", "Renamed",
                                         NULL));
    g_bytes_unref (render_canvas (canvas));
    index = bw_canvas_scene_get_index (canvas->scene, &builds);
    g_assert_cmpuint (builds, ==, builds_before + 1);
    fresh = bw_canvas_scene_index_new (layout);
    g_assert_true (bw_canvas_scene_index_equal (index, fresh));
    bw_canvas_scene_index_free (fresh);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  bw_test_window_iterate (50);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  if ((app = bw_test_window_init (&argc, &argv)) == NULL)
    return BW_TEST_SKIP;
  g_test_add_func ("/canvas-cache/invalidation", test_invalidation);
  g_test_add_func ("/canvas-cache/culling", test_culling);
  g_test_add_func ("/canvas-cache/progressive", test_progressive);
  g_test_add_func ("/canvas-cache/load-index", test_load_index);
  g_test_add_func ("/canvas-cache/steps", test_steps);
  g_test_add_func ("/canvas-cache/far-lines", test_far_lines);
  g_test_add_func ("/canvas-cache/device-textures", test_device_textures);
  g_test_add_func ("/canvas-cache/empty-tiles-shared", test_empty_tiles_shared);
  return bw_test_window_run (&app);
}
