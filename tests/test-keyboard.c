/* test-keyboard.c: the editor's ways in without a mouse and its menus, in the real window —
 * the context menu of a node, zone, edge and the empty canvas holds their actions; renaming in
 * place sets the label in one undo step and Escape leaves it; Connect To… lists the other nodes
 * by name and connects as a drag does, a refusal said as an error; Move to Zone; F6 goes from
 * pane to pane; a selection shows the Inspector unless the page is pinned; the shortcuts window
 * lists the new keys. */
#include "config.h"

#include "bw-application.h"
#include "bw-connect-popover.h"
#include "bw-edit-rules.h"
#include "bw-layout.h"
#include "bw-palette.h"
#include "bw-theme.h"
#include "bw-window-private.h"
#include "bw-test-util.h"
#include "bw-test-window.h"

static BwApplication *app;

static BwWindow *
small_window (void)
{
  g_autofree char *path = bw_test_source_path ("tests/fixtures/good/small.bulwark");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  BwWindow *window = bw_test_window_new (app);

  g_assert_true (bw_window_load_file (window, file, &error));
  g_assert_no_error (error);
  bw_test_window_iterate (200);
  return window;
}

/* A popover's grab and release start the pointer's tooltip timer; it runs out while the window
 * is there (GTK 4.8 looks up a destroyed surface when it fires later). */
static void
close_window (BwWindow *window)
{
  BwCanvas *canvas = bw_window_get_canvas (window);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (canvas)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_popdown (GTK_POPOVER (child));
  bw_test_window_iterate (800);
  bw_test_window_destroy (window);
}

/* Every action of `model`, its sections and submenus, as " a b c ". */
static void
collect_actions (GMenuModel *model,
                 GString    *out)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *action = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (model, i, G_MENU_LINK_SUBMENU);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        g_string_append_printf (out, "%s ", action);
      if (section != NULL)
        collect_actions (section, out);
      if (submenu != NULL)
        collect_actions (submenu, out);
    }
}

static char *
menu_actions (BwCanvas   *canvas,
              const char *id)
{
  g_autoptr(GMenuModel) model = bw_canvas_build_context_menu (canvas, id);
  GString *out = g_string_new (" ");

  collect_actions (model, out);
  return g_string_free (out, FALSE);
}

static gboolean
has (const char *actions,
     const char *action)
{
  g_autofree char *word = g_strdup_printf (" %s ", action);

  return strstr (actions, word) != NULL;
}

static void
test_context_menus (void)
{
  BwWindow *window = small_window ();
  BwCanvas *canvas = bw_window_get_canvas (window);
  g_autofree char *node = menu_actions (canvas, "n1");
  g_autofree char *zone = menu_actions (canvas, "z1");
  g_autofree char *edge = menu_actions (canvas, "e1");
  g_autofree char *empty = menu_actions (canvas, NULL);
  const char *node_actions[] = { "canvas.rename", "canvas.connect-to", "canvas.move-to-zone",
                                 "win.show-inspector", "canvas.duplicate", "canvas.copy",
                                 "canvas.delete" };
  GtkWidget *menu = NULL;
  g_autoptr(GPtrArray) selection = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (node_actions); i++)
    g_assert_true (has (node, node_actions[i]));
  g_assert_true (has (zone, "canvas.rename") && has (zone, "canvas.delete") &&
                 has (zone, "canvas.duplicate") && has (zone, "win.show-inspector"));
  g_assert_false (has (zone, "canvas.connect-to"));
  g_assert_true (has (edge, "canvas.delete") && has (edge, "win.show-inspector"));
  g_assert_false (has (edge, "canvas.rename"));
  g_assert_true (has (empty, "canvas.paste") && has (empty, "win.find") &&
                 has (empty, "canvas.select-all") && has (empty, "win.zoom-fit"));
  g_assert_false (has (empty, "canvas.delete"));

  /* Shown over the canvas, as a right click shows it; the actions it names are there. */
  bw_canvas_select (canvas, "n1", FALSE);
  bw_canvas_popup_context_menu (canvas, "n1", 100, 100);
  bw_test_window_iterate (100);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (canvas)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER_MENU (child))
      menu = child;
  g_assert_nonnull (menu);
  g_assert_true (gtk_widget_get_mapped (menu));
  /* Its items reach the canvas's and the window's actions from inside the popover. */
  g_assert_true (gtk_widget_activate_action (menu, "win.zoom-fit", NULL));
  g_assert_true (gtk_widget_activate_action (menu, "canvas.select-all", NULL));
  selection = bw_canvas_get_selection (canvas);
  g_assert_cmpuint (selection->len, >=, 3);
  close_window (window);
}

static GtkWidget *
find_child (GtkWidget *root,
            GType      type,
            const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (css_class == NULL || gtk_widget_has_css_class (root, css_class)))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_rename_in_place (void)
{
  BwWindow *window = small_window ();
  BwCanvas *canvas = bw_window_get_canvas (window);
  BwDocument *doc = bw_test_window_document (window);
  BwHistory *history = bw_test_window_history (window);
  GtkWidget *popover;
  GtkWidget *entry;

  bw_canvas_select (canvas, "n1", FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.rename", NULL));
  bw_test_window_iterate (100);
  popover = find_child (GTK_WIDGET (canvas), GTK_TYPE_POPOVER, "bw-rename");
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_mapped (popover));
  entry = find_child (popover, GTK_TYPE_ENTRY, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "VM");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Web VM");
  g_signal_emit_by_name (entry, "activate");
  bw_test_window_iterate (100);
  g_assert_cmpstr (bw_document_lookup_node (doc, "n1")->label, ==, "Web VM");
  g_assert_false (gtk_widget_get_mapped (popover));
  /* One step back is the old name. */
  g_assert_true (bw_history_undo (history));
  g_assert_cmpstr (bw_document_lookup_node (doc, "n1")->label, ==, "VM");
  g_assert_false (bw_history_get_can_undo (history));

  /* A zone too; closed without Enter (Escape), nothing changes. */
  bw_canvas_rename (canvas, "z1");
  bw_test_window_iterate (100);
  popover = find_child (GTK_WIDGET (canvas), GTK_TYPE_POPOVER, "bw-rename");
  entry = find_child (popover, GTK_TYPE_ENTRY, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Azure");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Cloud");
  gtk_popover_popdown (GTK_POPOVER (popover));
  bw_test_window_iterate (100);
  g_assert_cmpstr (bw_document_lookup_zone (doc, "z1")->label, ==, "Azure");
  g_assert_false (bw_history_get_can_undo (history));
  close_window (window);
}

static void
error_cb (BwCanvas   *canvas,
          const char *message,
          char      **out)
{
  g_free (*out);
  *out = g_strdup (message);
}

static guint
count_edges (BwDocument *doc)
{
  return bw_document_get_n_edges (doc);
}

static void
test_connect_to (void)
{
  BwWindow *window = small_window ();
  BwCanvas *canvas = bw_window_get_canvas (window);
  BwDocument *doc = bw_test_window_document (window);
  BwHistory *history = bw_test_window_history (window);
  g_autofree char *error = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) visible = NULL;
  BwConnectPopover *popover;
  const BwEdge *edge;

  g_signal_connect (canvas, "error", G_CALLBACK (error_cb), &error);
  g_assert_cmpuint (count_edges (doc), ==, 1);

  /* From the service: the list holds the other node only, and the search narrows it. */
  bw_canvas_select (canvas, "n2", FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.connect-to", NULL));
  bw_test_window_iterate (100);
  popover = BW_CONNECT_POPOVER (find_child (GTK_WIDGET (canvas), BW_TYPE_CONNECT_POPOVER, NULL));
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  g_assert_cmpstr (bw_connect_popover_get_source (popover), ==, "n2");
  visible = bw_connect_popover_get_visible (popover);
  g_assert_cmpuint (visible->len, ==, 1);
  g_clear_pointer (&visible, g_ptr_array_unref);
  bw_connect_popover_set_filter (popover, "nothing like it");
  visible = bw_connect_popover_get_visible (popover);
  g_assert_cmpuint (visible->len, ==, 0);
  g_clear_pointer (&visible, g_ptr_array_unref);
  bw_connect_popover_set_filter (popover, "vm");
  visible = bw_connect_popover_get_visible (popover);
  g_assert_cmpuint (visible->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (visible, 0), ==, "n1");

  /* Enter connects with the kind the two roles call for, in one undo step, and selects it. */
  id = bw_connect_popover_activate (popover);
  bw_test_window_iterate (100);
  g_assert_nonnull (id);
  g_assert_null (error);
  g_assert_cmpuint (count_edges (doc), ==, 2);
  edge = bw_document_lookup_edge (doc, id);
  g_assert_cmpint (edge->kind, ==, BW_EDGE_PROTECTS);
  g_assert_cmpstr (edge->from, ==, "n2");
  g_assert_cmpstr (edge->to, ==, "n1");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  g_assert_true (bw_history_undo (history));
  g_assert_cmpuint (count_edges (doc), ==, 1);
  g_assert_false (bw_history_get_can_undo (history));

  /* An asset cannot connect to a service: nothing is added, and the error says why. */
  bw_canvas_select (canvas, "n1", FALSE);
  bw_canvas_connect_to (canvas, "n1");
  bw_test_window_iterate (100);
  popover = BW_CONNECT_POPOVER (find_child (GTK_WIDGET (canvas), BW_TYPE_CONNECT_POPOVER, NULL));
  bw_connect_popover_set_filter (popover, "Defender");
  g_assert_null (bw_connect_popover_activate (popover));
  g_assert_nonnull (error);
  g_assert_cmpuint (count_edges (doc), ==, 1);
  close_window (window);
}

/* The canvas as drawn, its pixel at (x, y) as 0xAARRGGBB. */
static guint32
pixel_at (GtkWidget *widget,
          int        x,
          int        y)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int w = gtk_widget_get_width (widget);
  int h = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guint32 *data = g_new0 (guint32, (gsize) w * h);

  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  gdk_texture_download (texture, (guchar *) data, (gsize) w * 4);
  return data[y * w + x];
}

static gboolean
near_colour (guint32        pixel,
             const BwColor *colour)
{
  int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

  return ABS (r - (int) (colour->r * 255)) < 40 && ABS (g - (int) (colour->g * 255)) < 40 &&
         ABS (b - (int) (colour->b * 255)) < 40;
}

/* The connect handle shows on the selected node, not only under the pointer, and says what it
 * does in its tooltip. */
static void
test_handle_on_selection (void)
{
  BwWindow *window = small_window ();
  BwCanvas *canvas = bw_window_get_canvas (window);
  const BwLayoutNode *ln = bw_layout_lookup_node (bw_canvas_get_layout (canvas), "n1");
  const BwTheme *theme = bw_theme_get (FALSE);
  g_autofree char *text = NULL;
  double wx, wy;

  bw_canvas_diagram_to_widget (canvas, ln->handle.x, ln->handle.y, &wx, &wy);
  bw_canvas_clear_selection (canvas);
  bw_test_window_iterate (100);
  g_assert_false (near_colour (pixel_at (GTK_WIDGET (canvas), (int) wx, (int) wy),
                               &theme->handle));
  bw_canvas_select (canvas, "n1", FALSE);
  bw_test_window_iterate (100);
  g_assert_true (near_colour (pixel_at (GTK_WIDGET (canvas), (int) wx, (int) wy),
                              &theme->handle));

  text = bw_canvas_get_handle_text (canvas, wx, wy);
  g_assert_nonnull (strstr (text, "Ctrl+L"));
  g_assert_null (bw_canvas_get_handle_text (canvas, wx - 40, wy));
  close_window (window);
}

/* Move to Zone ▸ Outside Any Zone: the node leaves the zone for free space, one undo step. */
static void
test_move_to_zone (void)
{
  BwWindow *window = small_window ();
  BwCanvas *canvas = bw_window_get_canvas (window);
  BwDocument *doc = bw_test_window_document (window);
  BwHistory *history = bw_test_window_history (window);
  const BwNode *node;
  const BwZone *zone;

  bw_canvas_select (canvas, "n1", FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.move-to-zone", "s", ""));
  bw_test_window_iterate (100);
  node = bw_document_lookup_node (doc, "n1");
  zone = bw_document_lookup_zone (doc, "z1");
  g_assert_null (node->zone);
  g_assert_false (node->x + BW_NODE_WIDTH / 2 > zone->x &&
                  node->x + BW_NODE_WIDTH / 2 < zone->x + zone->w &&
                  node->y + BW_NODE_HEIGHT / 2 > zone->y &&
                  node->y + BW_NODE_HEIGHT / 2 < zone->y + zone->h);
  g_assert_true (bw_history_undo (history));
  node = bw_document_lookup_node (doc, "n1");
  g_assert_cmpstr (node->zone, ==, "z1");
  g_assert_cmpfloat (node->x, ==, 40);
  g_assert_false (bw_history_get_can_undo (history));

  /* …and back into it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.move-to-zone", "s", ""));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.move-to-zone", "s",
                                             "z1"));
  node = bw_document_lookup_node (doc, "n1");
  g_assert_cmpstr (node->zone, ==, "z1");
  g_assert_cmpstr (bw_edit_rules_zone_for (doc, "n1"), ==, "z1");
  close_window (window);
}

static void
test_focus_panes (void)
{
  BwWindow *window = small_window ();
  GtkWidget *canvas = GTK_WIDGET (bw_window_get_canvas (window));
  GtkWidget *side = gtk_widget_get_parent (GTK_WIDGET (window->side_stack));
  GtkWidget *focus;

  gtk_widget_grab_focus (canvas);
  bw_window_focus_pane (window, 1);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, side));
  bw_window_focus_pane (window, 1);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_TEXT (focus) || GTK_IS_EDITABLE (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, window->palette));
  bw_window_focus_pane (window, 1);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == canvas);
  bw_window_focus_pane (window, -1);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (gtk_widget_is_ancestor (focus, window->palette));

  /* Ctrl+F: the palette's search, even with the palette hidden. */
  gtk_widget_grab_focus (canvas);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-palette", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  bw_test_window_iterate (100);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, window->palette));
  g_assert_true (gtk_toggle_button_get_active (window->palette_button));
  close_window (window);
}

static void
test_selection_shows_inspector (void)
{
  BwWindow *window = small_window ();
  BwCanvas *canvas = bw_window_get_canvas (window);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  adw_view_stack_set_visible_child_name (window->side_stack, "coverage");
  gtk_widget_grab_focus (GTK_WIDGET (canvas));
  bw_canvas_select (canvas, "n1", FALSE);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->side_stack), ==, "inspector");

  /* Pinned, the page stays; the pin is kept. */
  adw_view_stack_set_visible_child_name (window->side_stack, "advisor");
  gtk_toggle_button_set_active (window->sidebar_pin, TRUE);
  bw_canvas_select (canvas, "n2", FALSE);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->side_stack), ==, "advisor");
  g_assert_true (g_settings_get_boolean (settings, "sidebar-pinned"));

  /* "Show Coverage" opens the Inspector all the same. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-inspector", NULL));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->side_stack), ==, "inspector");
  gtk_toggle_button_set_active (window->sidebar_pin, FALSE);
  close_window (window);
}

/* The shortcuts window names the keys of the new actions. */
static void
test_shortcuts_window (void)
{
  g_autoptr(GtkBuilder) builder =
      gtk_builder_new_from_resource (RESOURCE_BASE "/help-overlay.ui");
  GSList *objects = gtk_builder_get_objects (builder);
  g_autoptr(GString) accels = g_string_new (";");
  const char *wanted[] = { "F2", "<Control>l", "Menu <Shift>F10", "F6 <Shift>F6", "<Control>f",
                           "Tab <Shift>Tab", "Delete", "<Control>d", "<Control>1" };

  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        g_autofree char *accel = NULL;

        g_object_get (l->data, "accelerator", &accel, NULL);
        if (accel != NULL)
          g_string_append_printf (accels, "%s;", accel);
      }
  g_slist_free (objects);
  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    {
      g_autofree char *word = g_strdup_printf (";%s;", wanted[i]);

      if (strstr (accels->str, word) == NULL)
        g_error ("the shortcuts window lacks %s", wanted[i]);
    }
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
}

int
main (int    argc,
      char **argv)
{
  app = bw_test_window_init (&argc, &argv);
  if (app == NULL)
    return BW_TEST_SKIP;

  g_test_add_func ("/keyboard/context-menus", test_context_menus);
  g_test_add_func ("/keyboard/rename-in-place", test_rename_in_place);
  g_test_add_func ("/keyboard/connect-to", test_connect_to);
  g_test_add_func ("/keyboard/handle-on-selection", test_handle_on_selection);
  g_test_add_func ("/keyboard/move-to-zone", test_move_to_zone);
  g_test_add_func ("/keyboard/focus-panes", test_focus_panes);
  g_test_add_func ("/keyboard/selection-shows-inspector", test_selection_shows_inspector);
  g_test_add_func ("/keyboard/shortcuts-window", test_shortcuts_window);

  return bw_test_window_run (&app);
}
