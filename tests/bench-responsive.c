/* bench-responsive.c: whether the window stays responsive while a 100,000-node project opens
 * (DESIGN §7: the first computation runs off the main thread; the main loop never blocks
 * more than 50 ms). A canvas and its project in a window load a generated estate with
 * bw_project_load_async while a 1 ms timeout records the longest gap between two of its
 * runs, until the report has landed and a few frames have passed. The window's own first frames
 * are drawn before the watch starts. Run under a display:
 * xvfb-run -a build/tests/bench-responsive [NODES]. Prints the figures, and every gap over
 * 50 ms with when it began (the report lands at the end of the one that ends at "loaded", the
 * first frame of the new diagram is the next) and how much of it the main thread spent on a CPU
 * (the rest it waited: for the GL renderer's threads, or for a CPU on a busy machine), and when
 * the canvas had drawn every tile in view after that, and for reference the longest gap of frames
 * that draw no tile (the renderer's own cost); then the time from each move of a drag of one
 * node to the frame that shows it. Never fails on time. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "bw-canvas.h"
#include "bw-document-io.h"
#include "bw-test-estate.h"

typedef struct
{
  gint64    last;
  gint64    last_cpu;
  gint64    longest;
  gint64    longest_at;
  gint64    longest_cpu;
  GArray   *gaps;      /* gint64 triples: start (from `started`), length, CPU time; those over
                        * 50 ms */
  gint64    started;
  gint64    loaded;
  gint64    reported;
  gint64    complete;  /* when the canvas's frame first was whole after the load */
  guint     frames;    /* frames painted since the load landed */
  guint     frames_to_complete;
  BwCanvas *canvas;
  gboolean  done;
  /* Then, for reference, frames of the diagram drawn whole that draw no tile, only show or
   * hide the legend: what a frame of this window costs the renderer (under Xvfb, GL is
   * rendered in software). */
  gboolean  reference;
  guint     reference_frames;
  gint64    reference_longest;
  gint64    reference_cpu;
  /* Last, a drag: each move's time to the frame that shows it. */
  guint     paints;
  gint64    drag_wall[20];
  gint64    drag_cpu[20];
} Watch;

static gint
compare_int64 (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
count_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  ((Watch *) data)->paints++;
}

/* The main thread's CPU time, µs. */
static gint64
thread_cpu (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
tick (gpointer data)
{
  Watch *w = data;
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu ();

  if (w->reference)
    {
      if (now - w->last > w->reference_longest)
        {
          w->reference_longest = now - w->last;
          w->reference_cpu = cpu - w->last_cpu;
        }
      w->last = now;
      w->last_cpu = cpu;
      return G_SOURCE_CONTINUE;
    }
  if (now - w->last > 50 * 1000)
    {
      gint64 gap[3] = { w->last - w->started, now - w->last, cpu - w->last_cpu };

      g_array_append_vals (w->gaps, gap, 3);
    }
  if (now - w->last > w->longest)
    {
      w->longest = now - w->last;
      w->longest_at = w->last - w->started;
      w->longest_cpu = cpu - w->last_cpu;
    }
  w->last = now;
  w->last_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

static gboolean
redraw_cb (GtkWidget     *widget,
           GdkFrameClock *clock,
           gpointer       data)
{
  Watch *w = data;

  /* Something to show (a frame with nothing new is not rendered at all): the legend, on and
   * off, whose node the canvas keeps. */
  bw_canvas_set_show_legend (BW_CANVAS (widget), !bw_canvas_get_show_legend (BW_CANVAS (widget)));
  return ++w->reference_frames < 30 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  Watch *w = data;

  if (w->loaded == 0 || w->complete != 0)
    return;
  w->frames++;
  if (bw_canvas_frame_is_complete (w->canvas))
    {
      w->complete = g_get_monotonic_time ();
      w->frames_to_complete = w->frames;
    }
}

static void
report_cb (GObject    *project,
           GParamSpec *pspec,
           gpointer    data)
{
  Watch *w = data;

  if (bw_project_get_report (BW_PROJECT (project)) != NULL && w->reported == 0)
    w->reported = g_get_monotonic_time ();
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Watch *w = data;
  g_autoptr(GError) error = NULL;

  if (!bw_project_load_finish (BW_PROJECT (source), result, &error))
    g_error ("%s", error->message);
  w->loaded = g_get_monotonic_time ();
  w->done = TRUE;
}

static void
activate (GtkApplication *app,
          gpointer        user_data)
{
  guint n = GPOINTER_TO_UINT (user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalog) catalog = bw_catalog_load_default (&error);
  g_autoptr(BwDocument) estate = NULL;
  g_autoptr(BwProject) project = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bulwark-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "estate.bulwark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *canvas = bw_canvas_new ();
  Watch w = { 0 };
  guint source;
  gulong painted;
  gint64 settle;
  GStatBuf st = { 0 };

  if (catalog == NULL)
    g_error ("%s", error->message);
  estate = bw_test_random_estate (catalog, n, 1);
  if (!bw_document_save_to_file (estate, path, &error))
    g_error ("%s", error->message);
  g_stat (path, &st);
  project = bw_project_new (catalog);
  gtk_window_set_title (GTK_WINDOW (window), "Bulwark responsiveness benchmark");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), canvas);
  bw_canvas_set_project (BW_CANVAS (canvas), project);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (canvas))
    g_main_context_iteration (NULL, TRUE);
  settle = g_get_monotonic_time () + 500 * 1000;
  while (g_get_monotonic_time () < settle)
    g_main_context_iteration (NULL, FALSE);

  g_signal_connect (project, "notify::report", G_CALLBACK (report_cb), &w);
  w.canvas = BW_CANVAS (canvas);
  painted = g_signal_connect (gtk_widget_get_frame_clock (canvas), "after-paint",
                              G_CALLBACK (after_paint_cb), &w);
  w.gaps = g_array_new (FALSE, FALSE, sizeof (gint64));
  w.started = w.last = g_get_monotonic_time ();
  w.last_cpu = thread_cpu ();
  source = g_timeout_add (1, tick, &w);
  bw_project_load_async (project, file, NULL, loaded_cb, &w);
  while (!w.done || (w.reported == 0 && g_get_monotonic_time () - w.loaded < 60 * G_USEC_PER_SEC))
    g_main_context_iteration (NULL, TRUE);
  /* The frames that fill the new diagram in, and a few after them. */
  while (w.complete == 0 && g_get_monotonic_time () - w.loaded < 20 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  settle = g_get_monotonic_time () + 300 * 1000;
  while (g_get_monotonic_time () < settle)
    g_main_context_iteration (NULL, TRUE);
  w.reference = TRUE;
  gtk_widget_add_tick_callback (canvas, redraw_cb, &w, NULL);
  while (w.reference_frames < 30)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (source);
  g_signal_handler_disconnect (gtk_widget_get_frame_clock (canvas), painted);

  /* Then a drag: a node moved twenty times, each move to the frame that shows it. */
  {
    BwDocument *doc = bw_project_get_document (project);
    const char *ids[] = { bw_document_get_node (doc, bw_document_get_n_nodes (doc) / 2)->id,
                          NULL };
    gulong counted = g_signal_connect (gtk_widget_get_frame_clock (canvas), "after-paint",
                                       G_CALLBACK (count_paint_cb), &w);

    for (guint i = 0; i < G_N_ELEMENTS (w.drag_wall); i++)
      {
        gint64 start = g_get_monotonic_time ();
        gint64 start_cpu = thread_cpu ();
        guint painted_before = w.paints;

        if (!bw_history_move (bw_project_get_history (project), ids, 8, 8, 77, &error))
          g_error ("%s", error->message);
        gtk_widget_queue_draw (canvas);
        while (w.paints == painted_before)
          g_main_context_iteration (NULL, TRUE);
        w.drag_wall[i] = g_get_monotonic_time () - start;
        w.drag_cpu[i] = thread_cpu () - start_cpu;
      }
    g_signal_handler_disconnect (gtk_widget_get_frame_clock (canvas), counted);
  }

  printf ("%u nodes, %u edges, %.1f MB: loaded after %.0f ms, report after %.0f ms\n",
          bw_document_get_n_nodes (bw_project_get_document (project)),
          bw_document_get_n_edges (bw_project_get_document (project)),
          st.st_size / 1e6,
          (w.loaded - w.started) / 1000.0,
          w.reported ? (w.reported - w.started) / 1000.0 : -1.0);
  printf ("longest main-loop gap: %.0f ms (%.0f ms of it on a CPU), %.0f ms after the load "
          "began (target <= 50 ms)\n",
          w.longest / 1000.0, w.longest_cpu / 1000.0, w.longest_at / 1000.0);
  if (w.complete != 0)
    printf ("the view drawn whole %.0f ms after the load landed, in %u frames\n",
            (w.complete - w.loaded) / 1000.0, w.frames_to_complete);
  else
    printf ("the view not drawn whole 20 s after the load landed\n");
  printf ("for reference, a frame that draws no tile: at most %.0f ms (%.0f ms on a CPU)\n",
          w.reference_longest / 1000.0, w.reference_cpu / 1000.0);
  {
    gint64 wall = 0, cpu = 0;
    guint n = G_N_ELEMENTS (w.drag_wall);

    for (guint i = 0; i < G_N_ELEMENTS (w.drag_wall); i++)
      {
        wall = MAX (wall, w.drag_wall[i]);
        cpu = MAX (cpu, w.drag_cpu[i]);
      }
    g_qsort_with_data (w.drag_wall, G_N_ELEMENTS (w.drag_wall), sizeof (gint64), compare_int64,
                       NULL);
    g_qsort_with_data (w.drag_cpu, G_N_ELEMENTS (w.drag_cpu), sizeof (gint64), compare_int64,
                       NULL);
    printf ("a drag of one node, %u moves, each to its frame: median %.1f ms (%.1f ms on a CPU), "
            "longest %.1f ms (%.1f ms on a CPU)\n",
            n, w.drag_wall[n / 2] / 1000.0, w.drag_cpu[n / 2] / 1000.0, wall / 1000.0,
            cpu / 1000.0);
  }
  for (guint i = 0; i < w.gaps->len; i += 3)
    printf ("  gap of %.0f ms (%.0f ms on a CPU) at %.0f ms\n",
            g_array_index (w.gaps, gint64, i + 1) / 1000.0,
            g_array_index (w.gaps, gint64, i + 2) / 1000.0,
            g_array_index (w.gaps, gint64, i) / 1000.0);
  g_array_unref (w.gaps);
  g_unlink (path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 100000;
  g_autoptr(AdwApplication) app =
      adw_application_new ("io.github.bulwark.BenchResponsive", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate), GUINT_TO_POINTER (n));
  return g_application_run (G_APPLICATION (app), 1, argv);
}
