/* bench-startup.c: start to a mapped window, and resident memory once it is up (DESIGN §7:
 * ≤ 1.1 × and ≤ +40 MB against a bare AdwApplicationWindow on the same machine). Each round
 * starts the real `bulwark` on the sample, and this program itself as the bare window
 * (`--bare`), with the pointer in the screen's bottom right corner, outside both windows, and
 * times from the spawn until xdotool sees the window mapped; RSS is read from /proc after a
 * second's settling, and a round where the program has a second window up (a tooltip: a surface
 * of its own, several MB with GL) is reported. Run under a display:
 * xvfb-run -a -s "-screen 0 1600x1000x24" build/tests/bench-startup BULWARK [ROUNDS].
 * Prints the figures; never fails on time. */
#include "config.h"

#include <adwaita.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

static void
bare_activate (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);

  gtk_window_set_title (GTK_WINDOW (window), "bench-startup-bare");
  gtk_window_set_default_size (GTK_WINDOW (window), 1440, 900);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window),
                                      gtk_label_new ("bare"));
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_bare (int    argc,
          char **argv)
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.bulwark.BenchBare",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (bare_activate), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}

static long
rss_kib (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int) pid);
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents (path, &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return -1;
  return strtol (line + 6, NULL, 10);
}

/* How many visible windows process `pid` has. */
static guint
count_windows (GPid pid)
{
  g_autofree char *pid_text = g_strdup_printf ("%d", (int) pid);
  const char *search[] = { "xdotool", "search", "--onlyvisible", "--pid", pid_text, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  if (!g_spawn_sync (NULL, (char **) search, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, NULL, NULL))
    return 0;
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    n += *lines[i] != '\0';
  return n;
}

/* The pointer to the screen's bottom right corner, where neither window (1440 × 900 at the
 * top left, no window manager) reaches: under it, a tooltip would be a window of its own. */
static void
pointer_to_corner (void)
{
  g_autoptr(GdkMonitor) monitor =
      g_list_model_get_item (gdk_display_get_monitors (gdk_display_get_default ()), 0);
  GdkRectangle geometry = { 0, 0, 1, 1 };
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;
  const char *corner[] = { "xdotool", "mousemove", NULL, NULL, NULL };

  if (monitor != NULL)
    gdk_monitor_get_geometry (monitor, &geometry);
  corner[2] = x = g_strdup_printf ("%d", geometry.x + geometry.width - 1);
  corner[3] = y = g_strdup_printf ("%d", geometry.y + geometry.height - 1);
  g_spawn_sync (NULL, (char **) corner, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL,
                NULL);
}

/* Milliseconds from the spawn until a visible window named `title` exists; its RSS in KiB, and
 * how many visible windows it has then. */
static double
start_once (char      **argv,
            const char *title,
            long       *rss,
            guint      *n_windows)
{
  const char *search[] = { "xdotool", "search", "--sync", "--onlyvisible", "--name", title, NULL };
  g_autoptr(GError) error = NULL;
  gint64 start;
  double elapsed;
  GPid pid;
  int status;

  pointer_to_corner ();
  start = g_get_monotonic_time ();
  if (!g_spawn_async (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD |
                      G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                      &pid, &error) ||
      !g_spawn_sync (NULL, (char **) search, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                     &status, &error))
    {
      g_printerr ("bench-startup: %s\n", error->message);
      exit (1);
    }
  elapsed = (g_get_monotonic_time () - start) / 1000.0;
  g_usleep (G_USEC_PER_SEC);
  *rss = rss_kib (pid);
  *n_windows = count_windows (pid);
  kill (pid, SIGTERM);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);
  return elapsed;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *sample = NULL;
  guint rounds;
  GArray *app_ms = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *bare_ms = g_array_new (FALSE, FALSE, sizeof (double));
  long app_rss = 0;
  long bare_rss = 0;
  guint extra_windows = 0;
  double a, b;

  if (argc > 1 && g_str_equal (argv[1], "--bare"))
    return run_bare (argc, argv);
  if (argc < 2 || g_getenv ("BW_SOURCE_DIR") == NULL)
    {
      g_printerr ("usage: BW_SOURCE_DIR=. bench-startup BULWARK [ROUNDS] (under a display)\n");
      return 2;
    }
  /* This process holds the display open for the whole run: an X server left with no client
   * resets, and its pointer goes back to the middle of the screen, over the diagram. */
  gtk_init ();
  rounds = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 5;
  sample = g_build_filename (g_getenv ("BW_SOURCE_DIR"), "data", "samples",
                             "reference-architecture.bulwark", NULL);
  for (guint i = 0; i < MAX (rounds, 1); i++)
    {
      char *app_argv[] = { argv[1], sample, NULL };
      char *bare_argv[] = { argv[0], (char *) "--bare", NULL };
      long rss;
      guint n_windows;

      /* Interleaved, so that a busy moment hurts both alike. */
      a = start_once (app_argv, "reference-architecture", &rss, &n_windows);
      g_array_append_val (app_ms, a);
      app_rss = MAX (app_rss, rss);
      extra_windows += n_windows > 1;
      b = start_once (bare_argv, "bench-startup-bare", &rss, &n_windows);
      g_array_append_val (bare_ms, b);
      bare_rss = MAX (bare_rss, rss);
      extra_windows += n_windows > 1;
    }
  g_array_sort (app_ms, compare_doubles);
  g_array_sort (bare_ms, compare_doubles);
  a = g_array_index (app_ms, double, app_ms->len / 2);
  b = g_array_index (bare_ms, double, bare_ms->len / 2);
  printf ("start to a mapped window, median of %u: bulwark on the sample %.0f ms, bare "
          "AdwApplicationWindow %.0f ms, ratio %.2f (target <= 1.1)\n",
          app_ms->len, a, b, a / b);
  printf ("resident memory once up: bulwark %.1f MB, bare %.1f MB, +%.1f MB (target <= +40 MB)\n",
          app_rss / 1024.0, bare_rss / 1024.0, (app_rss - bare_rss) / 1024.0);
  if (extra_windows > 0)
    printf ("warning: in %u of %u starts a second window (a tooltip?) was up when RSS was read\n",
            extra_windows, 2 * MAX (rounds, 1));
  g_array_unref (app_ms);
  g_array_unref (bare_ms);
  return 0;
}
