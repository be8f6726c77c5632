/* test-edits.c: structure edits in the real window do what the user sees — a pasted or
 * duplicated copy belongs to the zone it lies in, keyboard placement finds free space inside a
 * zone, a zone moved by its corner into another stays where it was (by its centre, it goes in,
 * with a toast that undoes it), and the Inspector's Size follows a resize. */
#include "config.h"

#include "bw-application.h"
#include "bw-edit-rules.h"
#include "bw-engine.h"
#include "bw-layout.h"
#include "bw-window-private.h"
#include "bw-test-util.h"
#include "bw-test-window.h"

static BwApplication *app;

static double
overall (BwWindow *window)
{
  return bw_report_get_summary (bw_engine_get_report (bw_test_window_engine (window)))->ratio;
}

/* Whether a label with exactly `text` lies under `root` (and, with `title`, inside the
 * AdwActionRow of that title). */
static gboolean
shows_text (GtkWidget  *root,
            const char *title,
            const char *text)
{
  if (title != NULL && ADW_IS_ACTION_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    title = NULL;
  if (title == NULL && GTK_IS_LABEL (root) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, title, text))
      return TRUE;
  return FALSE;
}

/* The first selected id (a paste selects zones first), with `n` selected in all. */
static const char *
selected_first (BwCanvas *canvas,
                guint     n)
{
  g_autoptr(GPtrArray) selection = bw_canvas_get_selection (canvas);
  static char id[64];

  g_assert_cmpuint (selection->len, ==, n);
  g_strlcpy (id, g_ptr_array_index (selection, 0), sizeof id);
  return id;
}

/* Duplicate and paste: the copy is in the zone it lies in, the Inspector says which, and the
 * overall coverage does not drop. */
static void
test_copies_join_their_zone (void)
{
  BwWindow *window = bw_test_window_open_sample (app, 300);
  BwCanvas *canvas = bw_window_get_canvas (window);
  BwDocument *doc = bw_test_window_document (window);
  double before = overall (window);
  const char *copy;

  /* A node of Azure (z1) duplicated. */
  bw_canvas_select (canvas, "n4", FALSE);
  gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.duplicate", NULL);
  bw_test_window_iterate (200);
  copy = selected_first (canvas, 1);
  g_assert_cmpstr (copy, !=, "n4");
  g_assert_cmpstr (bw_document_lookup_node (doc, copy)->zone, ==, "z1");
  g_assert_true (shows_text (window->inspector, "Zone", bw_document_lookup_zone (doc, "z1")->label));
  g_assert_cmpfloat (overall (window), >=, before);

  /* A zone inside Azure duplicated: the copy is inside Azure too, with its nodes. */
  bw_canvas_select (canvas, "z2", FALSE);
  gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.duplicate", NULL);
  bw_test_window_iterate (200);
  copy = selected_first (canvas, 4);
  bw_canvas_select (canvas, copy, FALSE);
  bw_test_window_iterate (100);
  g_assert_nonnull (bw_document_lookup_zone (doc, copy));
  g_assert_cmpstr (bw_document_lookup_zone (doc, copy)->parent, ==, "z1");
  g_assert_true (shows_text (window->inspector, "Inside",
                             bw_document_lookup_zone (doc, "z1")->label));
  /* (Its nodes come without the edges from services outside it, so they may cover less.) */
  before = overall (window);

  /* Copied and pasted through the clipboard: the same. */
  bw_canvas_select (canvas, "n20", FALSE);
  gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.copy", NULL);
  gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.paste", NULL);
  bw_test_window_iterate (300);
  copy = selected_first (canvas, 1);
  g_assert_cmpstr (copy, !=, "n20");
  g_assert_cmpstr (bw_document_lookup_node (doc, copy)->zone, ==, "z3");
  g_assert_true (shows_text (window->inspector, "Zone", bw_document_lookup_zone (doc, "z3")->label));
  g_assert_cmpfloat (overall (window), >=, before);
  bw_test_window_destroy (window);
}

/* Search and Enter place the stencil in free space inside the zone at the view's centre, even
 * with the centre on a zone's border. */
static void
test_keyboard_place (void)
{
  BwWindow *window = bw_test_window_open_sample (app, 300);
  BwCanvas *canvas = bw_window_get_canvas (window);
  BwViewport *viewport = bw_canvas_get_viewport (canvas);
  BwDocument *doc = bw_test_window_document (window);
  double w = gtk_widget_get_width (GTK_WIDGET (canvas));
  double h = gtk_widget_get_height (GTK_WIDGET (canvas));
  const BwNode *added;
  const BwZone *zone;
  double x, y;

  /* The view's centre on the bottom border of z2, inside z1. */
  bw_viewport_set_zoom (viewport, 1);
  bw_viewport_set_origin (viewport, 0, 0);
  bw_canvas_widget_to_diagram (canvas, w / 2, h / 2 - BW_OVERLAY_HEIGHT / 2, &x, &y);
  bw_viewport_set_origin (viewport, 300 - x, 208 - y);
  g_signal_emit_by_name (window->palette, "stencil-activated", "mon.log-analytics");
  bw_test_window_iterate (200);

  added = bw_document_lookup_node (doc, selected_first (canvas, 1));
  g_assert_nonnull (added);
  g_assert_cmpstr (added->kind, ==, "mon.log-analytics");
  /* In the zone under the centre (z2, whose border counts as inside), wholly inside it. */
  g_assert_cmpstr (added->zone, ==, "z2");
  g_assert_cmpstr (bw_edit_rules_zone_for (doc, added->id), ==, "z2");
  zone = bw_document_lookup_zone (doc, "z2");
  g_assert_true (added->x >= zone->x && added->x + BW_NODE_WIDTH <= zone->x + zone->w);
  g_assert_true (added->y >= zone->y && added->y + BW_NODE_HEIGHT <= zone->y + zone->h);
  /* Across no other border, on no card. */
  for (guint i = 0; i < bw_document_get_n_zones (doc); i++)
    {
      zone = bw_document_get_zone (doc, i);
      if (!bw_document_zone_is_within (doc, "z2", zone->id))
        g_assert_false (added->x < zone->x + zone->w && zone->x < added->x + BW_NODE_WIDTH &&
                        added->y < zone->y + zone->h && zone->y < added->y + BW_NODE_HEIGHT);
    }
  for (guint i = 0; i < bw_document_get_n_nodes (doc); i++)
    {
      const BwNode *n = bw_document_get_node (doc, i);

      if (n != added)
        g_assert_false (added->x < n->x + BW_NODE_WIDTH && n->x < added->x + BW_NODE_WIDTH &&
                        added->y < n->y + BW_NODE_HEIGHT && n->y < added->y + BW_NODE_HEIGHT);
    }
  bw_test_window_destroy (window);
}

static void
count_reparented (guint *count)
{
  (*count)++;
}

/* A zone moved so that only its corner lies in another stays where it was; moved so that its
 * centre does, it goes in, a toast says so, and its Undo takes the move back. */
static void
test_zone_reparent_by_centre (void)
{
  BwWindow *window = bw_test_window_open_sample (app, 300);
  BwCanvas *canvas = bw_window_get_canvas (window);
  BwDocument *doc = bw_test_window_document (window);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint count = 0;

  g_signal_connect_swapped (canvas, "zone-reparented", G_CALLBACK (count_reparented), &count);
  /* z3 (736, 0, 528 × 784) with its top-left corner inside z1 (0, 0, 688 × 784). */
  bw_canvas_select (canvas, "z3", FALSE);
  g_assert_true (bw_canvas_move_selection (canvas, -100, 16, 901, &error));
  g_assert_no_error (error);
  g_assert_null (bw_document_lookup_zone (doc, "z3")->parent);
  g_assert_cmpuint (count, ==, 0);

  /* Its centre into z1. */
  g_assert_true (bw_canvas_move_selection (canvas, -500, 0, 902, &error));
  g_assert_cmpstr (bw_document_lookup_zone (doc, "z3")->parent, ==, "z1");
  g_assert_cmpuint (count, ==, 1);
  bw_test_window_iterate (200);
  message = g_strdup_printf ("“%s” is now inside “%s”", bw_document_lookup_zone (doc, "z3")->label,
                             bw_document_lookup_zone (doc, "z1")->label);
  g_assert_true (shows_text (GTK_WIDGET (window->toast_overlay), NULL, message));

  /* The toast's Undo is the window's: the move and the nesting go back together. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_null (bw_document_lookup_zone (doc, "z3")->parent);
  g_assert_cmpfloat (bw_document_lookup_zone (doc, "z3")->x, ==, 636);
  bw_test_window_destroy (window);
}

/* The Inspector's Size follows a resize of the zone it shows. */
static void
test_inspector_size_follows (void)
{
  BwWindow *window = bw_test_window_open_sample (app, 300);
  BwCanvas *canvas = bw_window_get_canvas (window);
  BwHistory *history = bw_test_window_history (window);
  const BwZone *zone;

  bw_canvas_select (canvas, "z3", FALSE);
  bw_test_window_iterate (100);
  g_assert_true (shows_text (window->inspector, "Size", "528 × 784"));
  zone = bw_document_lookup_zone (bw_test_window_document (window), "z3");
  g_assert_true (bw_history_resize (history, "z3", zone->x, zone->y, 600, 800, 0, NULL));
  bw_test_window_iterate (100);
  g_assert_true (shows_text (window->inspector, "Size", "600 × 800"));
  bw_test_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  app = bw_test_window_init (&argc, &argv);
  if (app == NULL)
    return BW_TEST_SKIP;

  g_test_add_func ("/edits/copies-join-their-zone", test_copies_join_their_zone);
  g_test_add_func ("/edits/keyboard-place", test_keyboard_place);
  g_test_add_func ("/edits/zone-reparent-by-centre", test_zone_reparent_by_centre);
  g_test_add_func ("/edits/inspector-size-follows", test_inspector_size_follows);

  return bw_test_window_run (&app);
}
