/* bench-startup.c: start to a mapped window, and resident memory once it is up (DESIGN §7:
 * ≤ 1.1 × and ≤ +40 MB against a bare AdwApplicationWindow on the same machine). Each round
 * starts the real `bulwark` on the sample, and this program itself as the bare window
 * (`--bare`), each on an X server of its own (a fresh Xvfb, 1920 × 1080, that lives as long
 * as the start: no start inherits what one before it left in the server, nor races its
 * teardown), with the pointer in the screen's bottom right corner, outside both windows. It
 * times from the spawn until xdotool sees the window mapped; RSS is read from /proc once the
 * process has been up a second and then idle (no CPU time) for half a second, the same rule
 * for both, and a round where the program has a second window up (a tooltip: a surface of its
 * own, several MB with GL) is reported. Medians are the figures; the maxima are printed beside
 * them. The renderer is the environment's (GSK_RENDERER=cairo for the other). Needs Xvfb and
 * xdotool: BW_SOURCE_DIR=. build/tests/bench-startup BULWARK [ROUNDS] (--shared-display: all
 * starts on $DISPLAY, as before). Prints the figures; never fails on time. */
#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

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

/* The CPU time process `pid` has used, in clock ticks; -1 once it is gone. */
static long long
cpu_ticks (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *stat = NULL;
  unsigned long long utime, stime;
  const char *p;

  /* The fields after the command name, which may hold spaces, in parentheses. */
  if (!g_file_get_contents (path, &stat, NULL, NULL) || (p = strrchr (stat, ')')) == NULL ||
      sscanf (p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &utime,
              &stime) != 2)
    return -1;
  return (long long) (utime + stime);
}

/* Waits until process `pid` has used no CPU time for half a second (at most ten seconds);
 * FALSE if it never was that idle. */
static gboolean
wait_idle (GPid pid)
{
  long long last = cpu_ticks (pid);
  guint quiet = 0;

  for (guint i = 0; i < 100; i++)
    {
      long long now;

      g_usleep (G_USEC_PER_SEC / 10);
      now = cpu_ticks (pid);
      quiet = now == last ? quiet + 1 : 0;
      last = now;
      if (quiet >= 5)
        return TRUE;
    }
  return FALSE;
}

static gboolean
run (char      **envp,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;
  int status;

  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  return g_spawn_sync (NULL, (char **) argv->pdata, envp,
                       G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                           G_SPAWN_STDERR_TO_DEV_NULL,
                       NULL, NULL, NULL, NULL, &status, NULL) &&
         g_spawn_check_wait_status (status, NULL);
}

/* How many visible windows process `pid` has. */
static guint
count_windows (char **envp,
               GPid   pid)
{
  g_autofree char *pid_text = g_strdup_printf ("%d", (int) pid);
  const char *search[] = { "xdotool", "search", "--onlyvisible", "--pid", pid_text, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  if (!g_spawn_sync (NULL, (char **) search, envp,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                     NULL, NULL))
    return 0;
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    n += *lines[i] != '\0';
  return n;
}

/* An X server for one start: Xvfb on the first free display, which it names on a pipe once it
 * takes clients. -noreset: it keeps its state (the pointer) between clients. */
static GPid
xvfb_start (char **name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fd_text = NULL;
  char number[32] = "";
  gsize len = 0;
  GPid pid;
  int fds[2];

  if (pipe (fds) != 0)
    g_error ("bench-startup: pipe: %s", g_strerror (errno));
  fd_text = g_strdup_printf ("%d", fds[1]);
  {
    const char *argv[] = { "Xvfb", "-displayfd", fd_text, "-screen", "0", "1920x1080x24",
                           "-nolisten", "tcp", "-noreset", NULL };

    if (!g_spawn_async (NULL, (char **) argv, NULL,
                        G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD |
                            G_SPAWN_LEAVE_DESCRIPTORS_OPEN | G_SPAWN_STDOUT_TO_DEV_NULL |
                            G_SPAWN_STDERR_TO_DEV_NULL,
                        NULL, NULL, &pid, &error))
      {
        g_printerr ("bench-startup: Xvfb: %s\n", error->message);
        exit (1);
      }
  }
  close (fds[1]);
  while (len < sizeof number - 1)
    {
      ssize_t n = read (fds[0], number + len, 1);

      if (n <= 0 || number[len] == '\n')
        break;
      len++;
    }
  number[len] = '\0';
  close (fds[0]);
  if (len == 0)
    {
      g_printerr ("bench-startup: Xvfb did not start\n");
      exit (1);
    }
  *name = g_strdup_printf (":%s", number);
  return pid;
}

typedef struct
{
  double ms;        /* from the spawn until the window is mapped */
  long   rss;       /* KiB, once up and idle */
  guint  n_windows; /* visible then */
  gboolean idle;    /* it was idle when RSS was read */
} Start;

/* One start of `argv` until a visible window named `title` exists, on an X server of its own
 * unless `shared`. */
static Start
start_once (char      **argv,
            const char *title,
            gboolean    shared)
{
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;
  GPid server = 0;
  Start result = { 0 };
  gint64 start;
  GPid pid;

  if (!shared)
    {
      server = xvfb_start (&display);
      envp = g_environ_setenv (envp, "DISPLAY", display, TRUE);
      x = g_strdup ("1919");
      y = g_strdup ("1079");
    }
  else
    {
      /* This process holds the display open for the whole run: an X server left with no
       * client resets, and its pointer goes back to the middle of the screen. */
      g_autoptr(GdkMonitor) monitor =
          g_list_model_get_item (gdk_display_get_monitors (gdk_display_get_default ()), 0);
      GdkRectangle geometry = { 0, 0, 1, 1 };

      if (monitor != NULL)
        gdk_monitor_get_geometry (monitor, &geometry);
      x = g_strdup_printf ("%d", geometry.x + geometry.width - 1);
      y = g_strdup_printf ("%d", geometry.y + geometry.height - 1);
    }
  /* The pointer to the screen's bottom right corner, where neither window (1440 × 900 at the
   * top left, no window manager) reaches: under it, a tooltip would be a window of its own. */
  run (envp, "xdotool", "mousemove", x, y, NULL);

  start = g_get_monotonic_time ();
  if (!g_spawn_async (NULL, argv, envp,
                      G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD |
                          G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, &pid, &error))
    {
      g_printerr ("bench-startup: %s\n", error->message);
      exit (1);
    }
  /* Asked every 10 ms: `xdotool search --sync` looks only every half second, which made
   * every start last 0.5 or 1 s. */
  while (!run (envp, "xdotool", "search", "--onlyvisible", "--name", title, NULL))
    {
      if (g_get_monotonic_time () - start > 30 * G_USEC_PER_SEC)
        {
          g_printerr ("bench-startup: no window \"%s\" after 30 s\n", title);
          exit (1);
        }
      g_usleep (G_USEC_PER_SEC / 100);
    }
  result.ms = (g_get_monotonic_time () - start) / 1000.0;
  g_usleep (G_USEC_PER_SEC);
  result.idle = wait_idle (pid);
  result.rss = rss_kib (pid);
  result.n_windows = count_windows (envp, pid);
  kill (pid, SIGTERM);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);
  if (server != 0)
    {
      kill (server, SIGTERM);
      waitpid (server, NULL, 0);
      g_spawn_close_pid (server);
    }
  return result;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static double
maximum (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len - 1);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *sample = NULL;
  gboolean shared = FALSE;
  guint rounds;
  GArray *ms[2], *rss[2];
  guint extra_windows = 0;
  guint busy = 0;

  if (argc > 1 && g_str_equal (argv[1], "--bare"))
    return run_bare (argc, argv);
  if (argc > 1 && g_str_equal (argv[1], "--shared-display"))
    {
      shared = TRUE;
      argv[1] = argv[0];
      argc--;
      argv++;
    }
  if (argc < 2 || g_getenv ("BW_SOURCE_DIR") == NULL)
    {
      g_printerr ("usage: BW_SOURCE_DIR=. bench-startup [--shared-display] BULWARK [ROUNDS]\n");
      return 2;
    }
  if (shared)
    gtk_init ();
  rounds = MAX (argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 5, 1);
  sample = g_build_filename (g_getenv ("BW_SOURCE_DIR"), "data", "samples",
                             "reference-architecture.bulwark", NULL);
  for (guint k = 0; k < 2; k++)
    {
      ms[k] = g_array_new (FALSE, FALSE, sizeof (double));
      rss[k] = g_array_new (FALSE, FALSE, sizeof (double));
    }
  for (guint i = 0; i < rounds; i++)
    {
      char *app_argv[] = { argv[1], sample, NULL };
      char *bare_argv[] = { argv[0], (char *) "--bare", NULL };

      /* Interleaved, so that a busy moment hurts both alike. */
      for (guint k = 0; k < 2; k++)
        {
          Start s = k == 0 ? start_once (app_argv, "reference-architecture", shared)
                           : start_once (bare_argv, "bench-startup-bare", shared);
          double mb = s.rss / 1024.0;

          g_array_append_val (ms[k], s.ms);
          g_array_append_val (rss[k], mb);
          extra_windows += s.n_windows > 1;
          busy += !s.idle;
        }
      printf ("round %u: bulwark %.0f ms %.1f MB, bare %.0f ms %.1f MB\n", i + 1,
              g_array_index (ms[0], double, i), g_array_index (rss[0], double, i),
              g_array_index (ms[1], double, i), g_array_index (rss[1], double, i));
    }
  printf ("renderer %s, %s\n", g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default",
          shared ? "all starts on one display" : "each start on an Xvfb of its own");
  {
    double a = median (ms[0]), b = median (ms[1]);

    printf ("start to a mapped window, median of %u: bulwark on the sample %.0f ms, bare "
            "AdwApplicationWindow %.0f ms, ratio %.2f (target <= 1.1)\n",
            rounds, a, b, a / b);
  }
  {
    double a = median (rss[0]), b = median (rss[1]);
    double ma = maximum (rss[0]), mb = maximum (rss[1]);

    printf ("resident memory once up and idle, median of %u: bulwark %.1f MB, bare %.1f MB, "
            "+%.1f MB (target <= +40 MB); maxima %.1f and %.1f MB, +%.1f MB\n",
            rounds, a, b, a - b, ma, mb, ma - mb);
  }
  if (extra_windows > 0)
    printf ("warning: in %u of %u starts a second window (a tooltip?) was up when RSS was read\n",
            extra_windows, 2 * rounds);
  if (busy > 0)
    printf ("warning: in %u of %u starts the process was still busy after ten seconds\n", busy,
            2 * rounds);
  for (guint k = 0; k < 2; k++)
    {
      g_array_unref (ms[k]);
      g_array_unref (rss[k]);
    }
  return 0;
}
