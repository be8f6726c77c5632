/* test-first-view.c: the sample as a new user first sees it, in the real window at the default
 * size (1440 × 900) — every label and zone title readable after Fit, the view fitting the
 * window as it is resized (through the X server, with xdotool) until the user zooms, the zoom
 * indicator, and what hovering a node, its badge or a zone says. */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <math.h>
#include <string.h>

#include "bw-canvas-private.h"
#include "bw-engine.h"
#include "bw-layout.h"
#include "bw-painter.h"
#include "bw-window-private.h"
#include "bw-zoom-button.h"
#include "bw-test-util.h"
#include "bw-test-window.h"

static BwApplication *app;

/* After Fit (Ctrl+1) at the default size, every card shows its label at 9 px or more on
 * screen and every zone its title at 11 px or more; no two labels overlap, and each shows at
 * least the start of its name. */
static void
test_labels_readable (void)
{
  BwWindow *window = bw_test_window_open_sample (app, 400);
  BwCanvas *canvas = bw_window_get_canvas (window);
  BwLayout *layout;
  double zoom;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-fit", NULL));
  bw_test_window_iterate (100);
  layout = bw_canvas_get_layout (canvas);
  zoom = bw_canvas_get_zoom (canvas);
  g_test_message ("fitted at %.3f in %d × %d", zoom, gtk_widget_get_width (GTK_WIDGET (canvas)),
                  gtk_widget_get_height (GTK_WIDGET (canvas)));
  /* The case the issue is about: far enough out that labels at their export size would not
   * read (12.67 px × zoom < 9 px). */
  g_assert_cmpfloat (zoom * BW_LABEL_SIZE, <, BW_LABEL_MIN_PIXELS);

  for (guint i = 0; i < bw_layout_get_n_zones (layout); i++)
    {
      const BwLayoutZone *lz = bw_layout_get_zone (layout, i);

      if (lz->title_size * zoom < BW_ZONE_TITLE_MIN_PIXELS)
        g_error ("zone “%s”: title at %.1f px", lz->zone->label, lz->title_size * zoom);
    }
  for (guint i = 0; i < bw_layout_get_n_nodes (layout); i++)
    {
      const BwLayoutNode *ln = bw_layout_get_node (layout, i);
      g_autofree char *font = g_strdup_printf ("DejaVu Sans %.2fpx", ln->label_size);
      g_auto(GStrv) lines = NULL;
      g_autofree char *start = g_utf8_substring (ln->node->label, 0, 5);
      g_autofree char *shown = NULL;

      g_assert_cmpint (ln->label_mode, !=, BW_LABEL_HIDDEN);
      if (ln->label_size * zoom < BW_LABEL_MIN_PIXELS)
        g_error ("“%s”: label at %.1f px", ln->node->label, ln->label_size * zoom);
      /* Inside its card's height, and not over another card's label. */
      g_assert_cmpfloat (ln->label.y, >=, ln->rect.y);
      g_assert_cmpfloat (ln->label.y + ln->label.h, <=, ln->rect.y + ln->rect.h);
      g_assert_cmpfloat (ln->label_lines * ln->label_line_height, <=, ln->label.h + 1e-6);
      for (guint j = 0; j < i; j++)
        if (bw_rect_intersects (&ln->label, &bw_layout_get_node (layout, j)->label))
          g_error ("labels of “%s” and “%s” overlap", ln->node->label,
                   bw_layout_get_node (layout, j)->node->label);
      /* What is drawn starts with the name's first five characters. */
      lines = bw_wrap_label (ln->node->label, font, ln->label.w, ln->label_lines);
      shown = g_strjoinv (" ", lines);
      g_test_message ("%s: %s (%u lines)", ln->node->label, shown, g_strv_length (lines));
      g_assert_true (g_str_has_prefix (shown, start));
    }
  bw_test_window_destroy (window);
}

/* Resizes the window through the X server, as a window manager does, and waits until the
 * canvas has been given its new size. */
static void
resize_window (BwWindow *window,
               int       width,
               int       height)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  g_autofree char *w = g_strdup_printf ("%d", width);
  g_autofree char *h = g_strdup_printf ("%d", height);
  const char *argv[] = { "xdotool", "windowsize", xid, w, h, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;
  int before = gtk_widget_get_width (GTK_WIDGET (window));

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  /* The X window holds the client-side decorations' margin too: the widget ends up a little
   * smaller than asked. */
  for (int i = 0; i < 60 && gtk_widget_get_width (GTK_WIDGET (window)) == before; i++)
    bw_test_window_iterate (50);
  g_assert_cmpint (ABS (gtk_widget_get_width (GTK_WIDGET (window)) - width), <=, 40);
  bw_test_window_iterate (200);
}

/* Moves the real pointer (through the X server) to (wx, wy) of the canvas. */
static void
move_pointer (BwWindow *window,
              double    wx,
              double    wy)
{
  BwCanvas *canvas = bw_window_get_canvas (window);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  graphene_point_t point;
  double sx, sy;
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;
  int status = 0;

  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (canvas), GTK_WIDGET (window),
                                           &GRAPHENE_POINT_INIT (wx, wy), &point));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &sx, &sy);
  x = g_strdup_printf ("%d", (int) (point.x + sx));
  y = g_strdup_printf ("%d", (int) (point.y + sy));
  {
    const char *argv[] = { "xdotool", "mousemove", "--window", xid, x, y, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 NULL, NULL, &status, NULL));
  }
  g_assert_cmpint (status, ==, 0);
}

/* The zoom a fit gives the canvas at its present size. */
static double
fitted_zoom (BwCanvas *canvas)
{
  double zoom;
  double x, y;
  double fx, fy;
  double fit;

  zoom = bw_canvas_get_zoom (canvas);
  bw_canvas_get_offset (canvas, &x, &y);
  bw_canvas_zoom_fit (canvas);
  fit = bw_canvas_get_zoom (canvas);
  bw_canvas_get_offset (canvas, &fx, &fy);
  /* Put back what the canvas showed, not to hide a view that did not follow. */
  bw_viewport_set_zoom (bw_canvas_get_viewport (canvas), zoom);
  bw_canvas_set_offset (canvas, x, y);
  return fit;
}

/* Resizing the window keeps the diagram fitted until the user zooms; Fit starts it again. */
static void
test_resize_keeps_fitting (void)
{
  BwWindow *window;
  BwCanvas *canvas;
  double opened;
  double zoomed;

  if (g_getenv ("DISPLAY") == NULL || !GDK_IS_X11_DISPLAY (gdk_display_get_default ()) ||
      g_find_program_in_path ("xdotool") == NULL)
    {
      g_test_skip ("needs an X display and xdotool");
      return;
    }
  window = bw_test_window_open_sample (app, 400);
  canvas = bw_window_get_canvas (window);
  opened = bw_canvas_get_zoom (canvas);
  g_assert_true (bw_canvas_get_fitting (canvas));

  resize_window (window, 1100, 760);
  g_assert_true (bw_canvas_get_fitting (canvas));
  g_assert_cmpfloat (fabs (bw_canvas_get_zoom (canvas) - opened), >, 0.01);
  g_assert_cmpfloat_with_epsilon (bw_canvas_get_zoom (canvas), fitted_zoom (canvas), 1e-9);
  g_assert_true (bw_canvas_get_fitting (canvas));

  /* A zoom of the user's: the view stays as they left it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL));
  bw_test_window_iterate (50);
  g_assert_false (bw_canvas_get_fitting (canvas));
  zoomed = bw_canvas_get_zoom (canvas);
  resize_window (window, 1440, 900);
  g_assert_cmpfloat (bw_canvas_get_zoom (canvas), ==, zoomed);

  /* Fit (Ctrl+1) follows the size again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-fit", NULL));
  bw_test_window_iterate (50);
  g_assert_true (bw_canvas_get_fitting (canvas));
  resize_window (window, 1200, 800);
  g_assert_cmpfloat_with_epsilon (bw_canvas_get_zoom (canvas), fitted_zoom (canvas), 1e-9);
  g_assert_cmpfloat (bw_canvas_get_zoom (canvas), !=, zoomed);

  /* A pan ends it too. */
  bw_viewport_scroll_by (bw_canvas_get_viewport (canvas), 30, 0);
  g_assert_false (bw_canvas_get_fitting (canvas));
  bw_test_window_destroy (window);
}

static const BwReportAsset *
report_asset (BwWindow   *window,
              const char *id)
{
  BwReport *report = bw_engine_get_report (bw_test_window_engine (window));

  for (guint i = 0; i < bw_report_get_n_assets (report); i++)
    if (g_str_equal (bw_report_get_asset (report, i)->id, id))
      return bw_report_get_asset (report, i);
  g_assert_not_reached ();
}

/* The tooltip at a point of the diagram, in widget coordinates. */
static char *
tooltip_at (BwCanvas *canvas,
            double    x,
            double    y)
{
  double wx, wy;

  bw_canvas_diagram_to_widget (canvas, x, y, &wx, &wy);
  return bw_canvas_get_tooltip_text (canvas, wx, wy);
}

static char *
node_tooltip (BwCanvas   *canvas,
              const char *id)
{
  const BwLayoutNode *ln = bw_layout_lookup_node (bw_canvas_get_layout (canvas), id);

  /* Low on the card, away from the badge. */
  return tooltip_at (canvas, ln->rect.x + ln->rect.w / 2, ln->rect.y + ln->rect.h - 4);
}

/* Hovering a node names it, its kind, its own coverage and what covers it; a service says what
 * it covers, a collector that it covers nothing; the badge explains its figure; a zone's header
 * names the zone. */
static void
test_tooltips (void)
{
  BwWindow *window = bw_test_window_open_sample (app, 400);
  BwCanvas *canvas = bw_window_get_canvas (window);
  BwLayout *layout = bw_canvas_get_layout (canvas);
  BwEngine *engine = bw_test_window_engine (window);
  BwDocument *document = bw_test_window_document (window);
  const BwReportAsset *asset = report_asset (window, "n5");
  const BwLayoutNode *ln = bw_layout_lookup_node (layout, "n5");
  g_autoptr(GPtrArray) covering = bw_engine_get_covering (engine, "n5");
  g_autofree char *ratio = g_strdup_printf ("%.0f%%", (asset->covered + 0.5 * asset->partial) /
                                                         asset->applicable * 100);
  g_autofree char *counts = g_strdup_printf ("%u covered · %u partial · %u gaps of %u",
                                             asset->covered, asset->partial, asset->gap,
                                             asset->applicable);
  g_autofree char *text = node_tooltip (canvas, "n5");

  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, "Windows servers\n"));
  g_assert_nonnull (strstr (text, ln->stencil->name));
  g_assert_nonnull (strstr (text, ratio));
  g_assert_nonnull (strstr (text, counts));
  g_assert_cmpuint (covering->len, >, 0);
  for (guint i = 0; i < covering->len; i++)
    {
      const BwNode *service = bw_document_lookup_node (document, g_ptr_array_index (covering, i));

      g_assert_nonnull (strstr (text, service->label));
    }
  g_clear_pointer (&text, g_free);

  /* The badge: what its figure is. */
  g_assert_true (ln->has_badge);
  text = tooltip_at (canvas, ln->badge.x + ln->badge.w / 2, ln->badge.y + ln->badge.h / 2);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, ratio));
  g_assert_nonnull (strstr (text, "(covered + ½ partial) ÷ applicable"));
  g_clear_pointer (&text, g_free);

  /* A service: the assets it covers; Defender for Endpoint guards the workstations. */
  text = node_tooltip (canvas, "n13");
  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, "Defender for Endpoint\n"));
  g_assert_nonnull (strstr (text, "Covers: "));
  g_assert_nonnull (strstr (text, "Workstations"));
  g_clear_pointer (&text, g_free);

  /* A collector covers nothing. */
  text = node_tooltip (canvas, "n70");
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "covers nothing"));
  g_clear_pointer (&text, g_free);

  /* A zone's header. */
  {
    const BwLayoutZone *lz = bw_layout_lookup_zone (layout, "z3");

    text = tooltip_at (canvas, lz->title.x + 4, lz->title.y + lz->title.h / 2);
    g_test_message ("%s", text);
    g_assert_true (g_str_has_prefix (text, "Microsoft 365\n"));
    g_clear_pointer (&text, g_free);
  }
  /* Empty canvas: nothing. */
  g_assert_null (tooltip_at (canvas, -500, -500));
  bw_test_window_destroy (window);
}

/* The first widget under `root` (depth first) that `match` accepts. */
static GtkWidget *
find_widget (GtkWidget *root,
             gboolean (*match) (GtkWidget *widget))
{
  if (match (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_zoom_button (GtkWidget *widget)
{
  return BW_IS_ZOOM_BUTTON (widget);
}

static gboolean
is_badge_legend (GtkWidget *widget)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), "(covered + ½ partial) ÷ applicable");
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autofree char *name = NULL;

      if (section != NULL && menu_has_action (section, action))
        return TRUE;
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return TRUE;
    }
  return FALSE;
}

/* A zoom indicator sits on the canvas, in its top-right corner: it shows the zoom, follows it,
 * and its menu fits, shows 100 %, zooms in and out and hides the legend. The Coverage panel
 * says what the badges mean. */
static void
test_zoom_indicator_and_legends (void)
{
  BwWindow *window = bw_test_window_open_sample (app, 400);
  BwCanvas *canvas = bw_window_get_canvas (window);
  BwZoomButton *button = BW_ZOOM_BUTTON (find_widget (GTK_WIDGET (window), is_zoom_button));
  g_autofree char *shown = g_strdup_printf ("%.0f%%", round (bw_canvas_get_zoom (canvas) * 100));
  graphene_rect_t bounds;
  GMenuModel *menu = bw_zoom_button_get_menu (button);
  g_autofree char *legend_text = NULL;
  BwLegend legend;

  g_assert_true (bw_zoom_button_get_canvas (button) == canvas);
  g_assert_cmpstr (bw_zoom_button_get_label (button), ==, shown);
  /* Its popover is made as it first opens, with the menu. */
  {
    GtkMenuButton *menu_button = GTK_MENU_BUTTON (gtk_widget_get_first_child (GTK_WIDGET (button)));
    GtkWidget *popover;

    g_assert_null (gtk_menu_button_get_popover (menu_button));
    gtk_menu_button_popup (menu_button);
    bw_test_window_iterate (50);
    popover = GTK_WIDGET (gtk_menu_button_get_popover (menu_button));
    g_assert_true (GTK_IS_POPOVER_MENU (popover));
    g_assert_true (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)) == menu);
    g_assert_true (gtk_widget_get_mapped (popover));
    gtk_menu_button_popdown (menu_button);
    bw_test_window_iterate (50);
  }
  /* Over the canvas, at its top-right corner. */
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (button), GTK_WIDGET (canvas), &bounds));
  g_assert_cmpfloat (bounds.origin.y, <, 40);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, >,
                     gtk_widget_get_width (GTK_WIDGET (canvas)) - 40);
  g_assert_cmpfloat (bounds.origin.x, >, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL));
  bw_test_window_iterate (50);
  g_assert_cmpstr (bw_zoom_button_get_label (button), ==, "100%");
  for (const char *const *action = (const char *const[]) { "win.zoom-fit", "win.zoom-reset",
                                                            "win.zoom-in", "win.zoom-out",
                                                            "zoom.legend", NULL };
       *action != NULL; action++)
    if (!menu_has_action (menu, *action))
      g_error ("the zoom menu lacks %s", *action);

  /* The canvas's legend, in its top-left corner, until hidden from the menu. */
  g_assert_true (bw_canvas_get_show_legend (canvas));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (button), "zoom.legend", NULL));
  g_assert_false (bw_canvas_get_show_legend (canvas));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (button), "zoom.legend", NULL));
  g_assert_true (bw_canvas_get_show_legend (canvas));
  g_assert_true (bw_canvas_get_legend (canvas, &legend));
  g_assert_cmpfloat (legend.box.x, <, 20);
  g_assert_cmpfloat (legend.box.y, <, 20);
  legend_text = bw_canvas_get_tooltip_text (canvas, legend.box.x + 4, legend.box.y + 4);
  g_assert_nonnull (strstr (legend_text, "Badges:"));

  adw_view_stack_set_visible_child_name (window->side_stack, "coverage");
  bw_test_window_iterate (100);
  g_assert_nonnull (find_widget (GTK_WIDGET (window->coverage), is_badge_legend));
  bw_test_window_destroy (window);
}

static const char *wanted_tooltip;

static gboolean
is_wanted_tooltip (GtkWidget *widget)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), wanted_tooltip);
}

/* The pointer, moved by the X server over a node, brings up GTK's tooltip with the node's
 * text. */
static void
test_tooltip_under_pointer (void)
{
  BwWindow *window;
  BwCanvas *canvas;
  const BwLayoutNode *ln;
  g_autofree char *expected = NULL;
  GtkWidget *shown = NULL;
  double wx, wy;

  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()) ||
      g_find_program_in_path ("xdotool") == NULL)
    {
      g_test_skip ("needs an X display and xdotool");
      return;
    }
  window = bw_test_window_open_sample (app, 400);
  canvas = bw_window_get_canvas (window);
  ln = bw_layout_lookup_node (bw_canvas_get_layout (canvas), "n5");
  bw_canvas_diagram_to_widget (canvas, ln->rect.x + ln->rect.w / 2,
                               ln->rect.y + ln->rect.h - 4, &wx, &wy);
  expected = bw_canvas_get_tooltip_text (canvas, wx, wy);
  wanted_tooltip = expected;
  move_pointer (window, wx - 6, wy);
  bw_test_window_iterate (100);
  move_pointer (window, wx, wy);
  for (int i = 0; i < 60 && shown == NULL; i++)
    {
      bw_test_window_iterate (50);
      shown = find_widget (GTK_WIDGET (window), is_wanted_tooltip);
    }
  g_assert_nonnull (shown);
  wanted_tooltip = NULL;
  bw_test_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  if ((app = bw_test_window_init (&argc, &argv)) == NULL)
    return BW_TEST_SKIP;
  g_test_add_func ("/first-view/labels-readable", test_labels_readable);
  g_test_add_func ("/first-view/resize-keeps-fitting", test_resize_keeps_fitting);
  g_test_add_func ("/first-view/tooltips", test_tooltips);
  g_test_add_func ("/first-view/tooltip-under-pointer", test_tooltip_under_pointer);
  g_test_add_func ("/first-view/zoom-indicator-and-legends", test_zoom_indicator_and_legends);
  return bw_test_window_run (&app);
}
