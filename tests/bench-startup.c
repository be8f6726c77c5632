/* bench-startup.c: start to a mapped window, and resident memory once it is up (DESIGN §7:
 * ≤ 1.1 × and ≤ +40 MB against a bare AdwApplicationWindow on the same machine). Each round
 * starts the real `bulwark` on the sample, this program itself as the bare window (`--bare`),
 * and as a second reference a window of stock widgets shaped like Bulwark's first screen
 * (`--stock`: what GTK alone costs for such a window). Each start has an X server of its own
 * (a fresh Xvfb, 1920 × 1080, that lives as long as the start: no start inherits what one
 * before it left in the server, nor races its teardown), with the pointer in the screen's
 * bottom right corner, outside every window. It times from the spawn until xdotool sees the
 * window mapped; RSS is read from /proc once the process has been up a second and then idle
 * (no CPU time) for half a second, the same rule for all, and a round where the program has a
 * second window up (a tooltip: a surface of its own, several MB with GL) is reported. Medians
 * are the figures; the maxima are printed beside them. The renderer is the environment's
 * (GSK_RENDERER=cairo for the other). Needs Xvfb and xdotool:
 * BW_SOURCE_DIR=. build/tests/bench-startup BULWARK [ROUNDS] (--shared-display: all starts on
 * $DISPLAY, as before). Prints the figures; never fails on time. */
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

/* The stock reference: a window of stock GTK and libadwaita widgets only, shaped like
 * Bulwark's first screen on the sample — the header bar's ten buttons with their tooltips, a
 * palette of a search entry and 39 rows of an icon and a name under four headings, a blank
 * area where the canvas is, and a side panel of a view switcher over three pages, a summary
 * line and 14 tactic rows (a name, a percentage, a level bar, a caption). No code of ours runs:
 * what it costs over the bare window is what GTK costs to build, style and measure such a
 * window on this machine. */
enum { BULWARK, BARE, STOCK, N_KINDS };

static GtkWidget *
stock_button (const char *icon,
              const char *label,
              const char *tooltip,
              GType       type)
{
  GtkWidget *button = g_object_new (type, "tooltip-text", tooltip, NULL);

  if (icon != NULL)
    g_object_set (button, "icon-name", icon, NULL);
  else
    g_object_set (button, "label", label, "use-underline", TRUE, NULL);
  return button;
}

static void
stock_header (GtkListBoxRow *row,
              GtkListBoxRow *before,
              gpointer       data)
{
  static const char *const headings[] = { "Zones", "On-premises", "Microsoft 365", "Azure" };
  int i = gtk_list_box_row_get_index (row);
  GtkWidget *header;

  if (i % 10 != 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = gtk_label_new (headings[i / 10]);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_list_box_row_set_header (row, header);
}

static GtkWidget *
stock_palette (void)
{
  static const char *const icons[] = {
    "folder-symbolic", "network-server-symbolic", "computer-symbolic", "drive-harddisk-symbolic",
    "network-wired-symbolic", "user-home-symbolic", "dialog-password-symbolic",
    "security-high-symbolic", "web-browser-symbolic", "mail-unread-symbolic",
    "system-users-symbolic", "printer-symbolic", "input-keyboard-symbolic",
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *search = gtk_search_entry_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_widget_set_size_request (box, 232, -1);
  g_object_set (search, "placeholder-text", "Search stencils", "margin-start", 8, "margin-end", 8,
                "margin-top", 8, "margin-bottom", 8, NULL);
  gtk_box_append (GTK_BOX (box), search);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  gtk_list_box_set_header_func (GTK_LIST_BOX (list), stock_header, NULL, NULL);
  for (guint i = 0; i < 39; i++)
    {
      g_autofree char *name = g_strdup_printf ("Stencil name %02u", i + 1);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
      GtkWidget *label = gtk_label_new (name);

      g_object_set (row, "margin-start", 8, "margin-end", 8, "margin-top", 6, "margin-bottom", 6,
                    NULL);
      gtk_box_append (GTK_BOX (row),
                      gtk_image_new_from_icon_name (icons[i % G_N_ELEMENTS (icons)]));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (row), label);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_box_append (GTK_BOX (box), scrolled);
  return box;
}

static GtkWidget *
stock_side (void)
{
  static const char *const tactics[] = {
    "Reconnaissance", "Resource Development", "Initial Access", "Execution", "Persistence",
    "Privilege Escalation", "Defense Evasion", "Credential Access", "Discovery",
    "Lateral Movement", "Collection", "Command and Control", "Exfiltration", "Impact",
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *stack = adw_view_stack_new ();
  GtkWidget *switcher = adw_view_switcher_new ();
  GtkWidget *summary = gtk_label_new ("00% covered · 00 of 000 techniques covered, 000 partial");
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *matrix = gtk_button_new_with_label ("Show Matrix");

  gtk_widget_set_size_request (box, 320, -1);
  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_STACK (stack));
  adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_SWITCHER_POLICY_WIDE);
  gtk_box_append (GTK_BOX (box), switcher);
  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_widget_add_css_class (summary, "caption");
  gtk_widget_add_css_class (summary, "dim-label");
  gtk_box_append (GTK_BOX (box), summary);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  for (guint i = 0; i < G_N_ELEMENTS (tactics); i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *name = gtk_label_new (tactics[i]);
      GtkWidget *percent = gtk_label_new ("00%");
      GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);
      GtkWidget *counts = gtk_label_new ("00 covered · 00 partial · 00 gaps · 00 applicable");

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_widget_set_hexpand (name, TRUE);
      gtk_widget_add_css_class (name, "heading");
      gtk_box_append (GTK_BOX (top), name);
      gtk_widget_add_css_class (percent, "numeric");
      gtk_box_append (GTK_BOX (top), percent);
      gtk_box_append (GTK_BOX (row), top);
      gtk_level_bar_set_mode (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_MODE_CONTINUOUS);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), (i + 1) / 20.0);
      gtk_box_append (GTK_BOX (row), bar);
      gtk_label_set_xalign (GTK_LABEL (counts), 0);
      gtk_widget_add_css_class (counts, "caption");
      gtk_widget_add_css_class (counts, "dim-label");
      gtk_box_append (GTK_BOX (row), counts);
      g_object_set (row, "margin-start", 6, "margin-end", 6, "margin-top", 6, "margin-bottom", 6,
                    NULL);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (page), scrolled);
  gtk_widget_add_css_class (matrix, "pill");
  gtk_widget_set_halign (matrix, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (page), matrix);
  adw_view_stack_add_titled_with_icon (ADW_VIEW_STACK (stack), page, "coverage", "Coverage",
                                       "security-high-symbolic");
  adw_view_stack_add_titled_with_icon (ADW_VIEW_STACK (stack), adw_status_page_new (), "inspector",
                                       "Inspector", "document-properties-symbolic");
  adw_view_stack_add_titled_with_icon (ADW_VIEW_STACK (stack), adw_status_page_new (), "advisor",
                                       "Advisor", "starred-symbolic");
  gtk_widget_set_vexpand (stack, TRUE);
  gtk_box_append (GTK_BOX (box), stack);
  return box;
}

static GtkWidget *
stock_content (void)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *linked = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *title = gtk_menu_button_new ();
  GtkWidget *main_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *zoom = gtk_menu_button_new ();

  adw_header_bar_pack_start (ADW_HEADER_BAR (header),
                             stock_button (NULL, "_Open", "Open a Project (Ctrl+O)", GTK_TYPE_BUTTON));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header),
                             stock_button ("view-grid-symbolic", NULL, "Show the Palette (F9)",
                                           GTK_TYPE_TOGGLE_BUTTON));
  gtk_widget_add_css_class (linked, "linked");
  gtk_box_append (GTK_BOX (linked),
                  stock_button ("edit-undo-symbolic", NULL, "Undo (Ctrl+Z)", GTK_TYPE_BUTTON));
  gtk_box_append (GTK_BOX (linked),
                  stock_button ("edit-redo-symbolic", NULL, "Redo (Ctrl+Shift+Z)", GTK_TYPE_BUTTON));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), linked);
  gtk_menu_button_set_child (GTK_MENU_BUTTON (title),
                             adw_window_title_new ("reference-architecture.bulwark",
                                                   "/home/user/Documents/estates"));
  gtk_widget_set_tooltip_text (title, "Set the Project Title");
  gtk_widget_add_css_class (title, "flat");
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header),
                           stock_button ("open-menu-symbolic", NULL, "Main Menu",
                                         GTK_TYPE_MENU_BUTTON));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header),
                           stock_button ("sidebar-show-right-symbolic", NULL,
                                         "Show the Side Panel (F10)", GTK_TYPE_TOGGLE_BUTTON));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header),
                           stock_button ("view-pin-symbolic", NULL,
                                         "Keep the Side Panel’s Page When Selecting",
                                         GTK_TYPE_TOGGLE_BUTTON));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header),
                           stock_button ("document-send-symbolic", NULL, "Export",
                                         GTK_TYPE_MENU_BUTTON));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header),
                           stock_button (NULL, "_Save", "Save (Ctrl+S)", GTK_TYPE_BUTTON));
  gtk_box_append (GTK_BOX (content), header);

  gtk_box_append (GTK_BOX (main_box), stock_palette ());
  gtk_overlay_set_child (GTK_OVERLAY (overlay), gtk_drawing_area_new ());
  gtk_widget_set_hexpand (overlay, TRUE);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (zoom), "40%");
  gtk_widget_set_tooltip_text (zoom, "Zoom");
  gtk_widget_set_halign (zoom, GTK_ALIGN_END);
  gtk_widget_set_valign (zoom, GTK_ALIGN_START);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), zoom);
  gtk_box_append (GTK_BOX (main_box), overlay);
  gtk_box_append (GTK_BOX (main_box), stock_side ());
  gtk_widget_set_vexpand (main_box, TRUE);
  gtk_box_append (GTK_BOX (content), main_box);
  return content;
}

static void
bare_activate (GtkApplication *app,
               gpointer        stock)
{
  GtkWidget *window = adw_application_window_new (app);

  gtk_window_set_title (GTK_WINDOW (window),
                        stock ? "bench-startup-stock" : "bench-startup-bare");
  gtk_window_set_default_size (GTK_WINDOW (window), 1440, 900);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window),
                                      stock ? stock_content () : gtk_label_new ("bare"));
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_bare (char   **argv,
          gboolean stock)
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.bulwark.BenchBare",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (bare_activate), GINT_TO_POINTER (stock));
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
  static const char *const names[N_KINDS] = { "bulwark", "bare", "stock" };
  g_autofree char *sample = NULL;
  gboolean shared = FALSE;
  guint rounds;
  GArray *ms[N_KINDS], *rss[N_KINDS];
  double med[N_KINDS];
  guint extra_windows = 0;
  guint busy = 0;

  if (argc > 1 && (g_str_equal (argv[1], "--bare") || g_str_equal (argv[1], "--stock")))
    return run_bare (argv, g_str_equal (argv[1], "--stock"));
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
  for (guint k = 0; k < N_KINDS; k++)
    {
      ms[k] = g_array_new (FALSE, FALSE, sizeof (double));
      rss[k] = g_array_new (FALSE, FALSE, sizeof (double));
    }
  for (guint i = 0; i < rounds; i++)
    {
      char *app_argv[] = { argv[1], sample, NULL };
      char *bare_argv[] = { argv[0], (char *) "--bare", NULL };
      char *stock_argv[] = { argv[0], (char *) "--stock", NULL };

      /* Interleaved, so that a busy moment hurts all alike. */
      for (guint k = 0; k < N_KINDS; k++)
        {
          Start s = k == BULWARK ? start_once (app_argv, "reference-architecture", shared)
                    : k == BARE  ? start_once (bare_argv, "bench-startup-bare", shared)
                                 : start_once (stock_argv, "bench-startup-stock", shared);
          double mb = s.rss / 1024.0;

          g_array_append_val (ms[k], s.ms);
          g_array_append_val (rss[k], mb);
          extra_windows += s.n_windows > 1;
          busy += !s.idle;
        }
      printf ("round %u:", i + 1);
      for (guint k = 0; k < N_KINDS; k++)
        printf ("%s %s %.0f ms %.1f MB", k > 0 ? "," : "", names[k],
                g_array_index (ms[k], double, i), g_array_index (rss[k], double, i));
      printf ("\n");
    }
  printf ("renderer %s, %s\n", g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default",
          shared ? "all starts on one display" : "each start on an Xvfb of its own");
  for (guint k = 0; k < N_KINDS; k++)
    med[k] = median (ms[k]);
  printf ("start to a mapped window, median of %u: bulwark on the sample %.0f ms, bare "
          "AdwApplicationWindow %.0f ms, ratio %.2f (target <= 1.1)\n",
          rounds, med[BULWARK], med[BARE], med[BULWARK] / med[BARE]);
  printf ("  stock widgets shaped like bulwark's first screen, no code of ours: %.0f ms, %.2f x "
          "the bare window; bulwark is %.2f x that\n",
          med[STOCK], med[STOCK] / med[BARE], med[BULWARK] / med[STOCK]);
  {
    double a = median (rss[BULWARK]), b = median (rss[BARE]);
    double ma = maximum (rss[BULWARK]), mb = maximum (rss[BARE]);

    printf ("resident memory once up and idle, median of %u: bulwark %.1f MB, bare %.1f MB, "
            "+%.1f MB (target <= +40 MB); maxima %.1f and %.1f MB, +%.1f MB; stock %.1f MB\n",
            rounds, a, b, a - b, ma, mb, ma - mb, median (rss[STOCK]));
  }
  if (extra_windows > 0)
    printf ("warning: in %u of %u starts a second window (a tooltip?) was up when RSS was read\n",
            extra_windows, N_KINDS * rounds);
  if (busy > 0)
    printf ("warning: in %u of %u starts the process was still busy after ten seconds\n", busy,
            N_KINDS * rounds);
  for (guint k = 0; k < N_KINDS; k++)
    {
      g_array_unref (ms[k]);
      g_array_unref (rss[k]);
    }
  return 0;
}
