/* bench-frame.c: the real canvas frame (DESIGN §7): the canvas widget, 1920×1080 in a window,
 * showing 2,000 nodes and 4,000 edges; its snapshot is taken (the CPU cost of a frame in the
 * widget) and rendered to a texture by the GL and by the cairo renderer, for the whole diagram
 * in view, at 100 % and for a pan step at 100 %. Targets: ≤ 8 ms a frame with everything in
 * view, ≤ 2 ms of snapshot for a pan or zoom step. Under Xvfb the GL renderer is software, so
 * its figure is the renderer's own and is printed apart. Run it under a display large enough
 * for the window: xvfb-run -a -s "-screen 0 2560x1440x24" build/tests/bench-frame
 * Prints the figures; never fails on time. */
#include "config.h"

#include <adwaita.h>
#include <gsk/gl/gskglrenderer.h>
#include <stdio.h>

#include "bw-bench-diagram.h"
#include "bw-canvas.h"

#define WIDTH  1920
#define HEIGHT 1080
#define FRAMES 15

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_double);
  return values[n / 2];
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
run_main_loop_a_little (void)
{
  gint64 until = g_get_monotonic_time () + 50 * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

/* The widget's snapshot as GTK takes it for a frame. */
static GskRenderNode *
snapshot_canvas (GtkWidget *canvas)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (canvas);
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, snapshot, WIDTH, HEIGHT);
  return gtk_snapshot_free_to_node (snapshot);
}

typedef struct
{
  const char  *name;
  GskRenderer *renderer;
} Renderer;

/* One view, FRAMES times: the view moves (a pan step, as a drag does) or is only redrawn, the
 * widget's snapshot is taken and each renderer renders that frame's snapshot into a texture.
 * The snapshot records what the canvas draws; drawing that the snapshot defers (a cairo node)
 * is done by the renderer, so the frame is the sum. Prints the medians. */
static void
measure_view (GtkWidget  *canvas,
              const char *view,
              gboolean    pan,
              Renderer   *renderers,
              guint       n_renderers)
{
  BwCanvas *self = BW_CANVAS (canvas);
  double snap[FRAMES];
  double render[2][FRAMES];
  graphene_rect_t viewport = GRAPHENE_RECT_INIT (0, 0, WIDTH, HEIGHT);
  double x;
  double y;

  g_assert (n_renderers <= 2);
  bw_canvas_get_offset (self, &x, &y);
  for (guint i = 0; i < FRAMES; i++)
    {
      g_autoptr(GskRenderNode) node = NULL;
      double start = 0;

      if (pan)
        bw_canvas_set_offset (self, x + (i + 1) * 8.0, y);
      else
        gtk_widget_queue_draw (canvas);
      /* Let the widget take in the change as it would between two frames. */
      g_main_context_iteration (NULL, FALSE);
      for (guint tries = 0; node == NULL && tries < 20; tries++)
        {
          /* No node yet: the widget has not taken in the change; give it a moment. */
          if (tries > 0)
            run_main_loop_a_little ();
          start = now_ms ();
          node = snapshot_canvas (canvas);
          snap[i] = now_ms () - start;
        }
      if (node == NULL)
        g_error ("the canvas gives no snapshot");
      for (guint r = 0; r < n_renderers; r++)
        if (renderers[r].renderer != NULL)
          {
            g_autoptr(GdkTexture) texture = NULL;

            start = now_ms ();
            texture = gsk_renderer_render_texture (renderers[r].renderer, node, &viewport);
            render[r][i] = now_ms () - start;
          }
    }
  printf ("%-24s snapshot %6.2f ms", view, median (snap, FRAMES));
  for (guint r = 0; r < n_renderers; r++)
    if (renderers[r].renderer != NULL)
      printf ("   %s render %6.2f ms", renderers[r].name, median (render[r], FRAMES));
  printf ("\n");
}

static void
activate (GtkApplication *app,
          gpointer        user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalog) catalog = bw_catalog_load_default (&error);
  g_autoptr(BwProject) project = NULL;
  g_autoptr(BwDocument) doc = bw_bench_build_diagram ();
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *canvas = bw_canvas_new ();
  Renderer renderers[] = { { "GL", gsk_gl_renderer_new () }, { "cairo", gsk_cairo_renderer_new () } };
  GdkSurface *surface;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  if (catalog == NULL)
    g_error ("%s", error->message);
  project = bw_project_new (catalog);
  bw_project_set_document (project, doc, NULL);
  gtk_window_set_title (GTK_WINDOW (window), "Bulwark frame benchmark");
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_widget_set_size_request (canvas, WIDTH, HEIGHT);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), canvas);
  bw_canvas_set_project (BW_CANVAS (canvas), project);
  gtk_window_present (GTK_WINDOW (window));
  while ((gtk_widget_get_width (canvas) < WIDTH || !gtk_widget_get_mapped (canvas)) &&
         g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  if (gtk_widget_get_width (canvas) < WIDTH)
    printf ("the canvas got %d×%d, not %d×%d: run under a larger display "
            "(xvfb-run -a -s \"-screen 0 2560x1440x24\")\n",
            gtk_widget_get_width (canvas), gtk_widget_get_height (canvas), WIDTH, HEIGHT);
  run_main_loop_a_little ();

  surface = gtk_native_get_surface (GTK_NATIVE (window));
  for (guint r = 0; r < G_N_ELEMENTS (renderers); r++)
    {
      g_autoptr(GError) local = NULL;

      if (!gsk_renderer_realize (renderers[r].renderer, surface, &local))
        {
          printf ("%s renderer: %s\n", renderers[r].name, local->message);
          g_clear_object (&renderers[r].renderer);
        }
    }

  printf ("%d nodes, %d edges, canvas %d×%d, medians of %d frames\n", BW_BENCH_N_NODES,
          BW_BENCH_N_EDGES, gtk_widget_get_width (canvas), gtk_widget_get_height (canvas), FRAMES);
  bw_canvas_zoom_fit (BW_CANVAS (canvas));
  run_main_loop_a_little ();
  measure_view (canvas, "whole diagram in view", FALSE, renderers, G_N_ELEMENTS (renderers));
  bw_canvas_set_zoom (BW_CANVAS (canvas), 1.0);
  run_main_loop_a_little ();
  measure_view (canvas, "100 %", FALSE, renderers, G_N_ELEMENTS (renderers));
  measure_view (canvas, "pan step at 100 %", TRUE, renderers, G_N_ELEMENTS (renderers));
  printf ("targets: whole diagram <= 8 ms a frame; a pan or zoom step <= 2 ms of snapshot\n");

  for (guint r = 0; r < G_N_ELEMENTS (renderers); r++)
    if (renderers[r].renderer != NULL)
      {
        gsk_renderer_unrealize (renderers[r].renderer);
        g_object_unref (renderers[r].renderer);
      }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) app =
      adw_application_new ("io.github.bulwark.BenchFrame", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
