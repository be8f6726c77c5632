/* test-history.c: undo and redo. Seeded random edit sequences over every command, then undo
 * all gives the original bytes and redo all the edited bytes; drags merge into one step;
 * removing a zone takes its contents and comes back whole. */
#include "config.h"

#include <glib/gstdio.h>

#include "bw-document-io.h"
#include "bw-history.h"
#include "bw-test-util.h"

static const char *const asset_kinds[] = { "azure.vm", "azure.storage", "onprem.windows-server" };
static const char *const service_kinds[] = { "sec.defender-for-servers", "sec.nsg" };

static BwDocument *
load_fixture (const char *name)
{
  g_autofree char *rel = g_build_filename ("tests/fixtures/good", name, NULL);
  g_autofree char *path = bw_test_source_path (rel);
  g_autoptr(GError) error = NULL;
  BwDocument *doc = bw_document_load_from_file (path, &error);

  g_assert_no_error (error);
  return doc;
}

static const char *
random_id (GRand      *rand,
           BwDocument *doc,
           int         what) /* 0 zone, 1 node, 2 edge, 3 any zone or node */
{
  guint nz = bw_document_get_n_zones (doc);
  guint nn = bw_document_get_n_nodes (doc);
  guint ne = bw_document_get_n_edges (doc);

  if (what == 3)
    what = (nz > 0 && (nn == 0 || g_rand_boolean (rand))) ? 0 : 1;
  if (what == 0 && nz > 0)
    return bw_document_get_zone (doc, g_rand_int_range (rand, 0, nz))->id;
  if (what == 1 && nn > 0)
    return bw_document_get_node (doc, g_rand_int_range (rand, 0, nn))->id;
  if (what == 2 && ne > 0)
    return bw_document_get_edge (doc, g_rand_int_range (rand, 0, ne))->id;
  return NULL;
}

#define N_EDIT_KINDS 15

/* One random command; refused ones (a cycle, a missing end) are fine and change nothing. */
static void
random_edit (GRand      *rand,
             BwHistory  *history,
             BwDocument *doc,
             guint      *kinds_seen,
             gboolean    may_group)
{
  guint kind = g_rand_int_range (rand, 0, may_group ? N_EDIT_KINDS : N_EDIT_KINDS - 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *created = NULL;
  const char *a = random_id (rand, doc, 3);
  const char *zone = random_id (rand, doc, 0);

  kinds_seen[kind]++;
  switch (kind)
    {
    case 0:
      created = bw_history_add_zone (
          history, "zone.vnet", "Zone", g_rand_boolean (rand) ? zone : NULL,
          g_rand_int_range (rand, -500, 500), g_rand_int_range (rand, -500, 500),
          g_rand_int_range (rand, 100, 900), g_rand_int_range (rand, 100, 900), &error);
      break;
    case 1:
    case 2:
      created = bw_history_add_node (history,
                                     kind == 1 ? asset_kinds[g_rand_int_range (rand, 0, 3)]
                                               : service_kinds[g_rand_int_range (rand, 0, 2)],
                                     "Node", g_rand_boolean (rand) ? zone : NULL,
                                     g_rand_int_range (rand, -500, 500),
                                     g_rand_int_range (rand, -500, 500), &error);
      break;
    case 3:
      {
        const char *from = random_id (rand, doc, 1);
        const char *to = g_rand_boolean (rand) ? random_id (rand, doc, 1) : zone;

        if (from && to)
          created = bw_history_connect (history, (BwEdgeKind) g_rand_int_range (rand, 0, 3), from,
                                        to, &error);
      }
      break;
    case 4:
      {
        const char *ids[3] = { a, g_rand_boolean (rand) ? random_id (rand, doc, 2) : NULL, NULL };

        if (a != NULL)
          bw_history_remove (history, ids, &error);
      }
      break;
    case 5:
      {
        const char *ids[2] = { a, NULL };

        if (a != NULL)
          bw_history_move (history, ids, g_rand_int_range (rand, -64, 64),
                           g_rand_int_range (rand, -64, 64), g_rand_int_range (rand, 0, 3), &error);
      }
      break;
    case 6:
      if (zone != NULL)
        bw_history_resize (history, zone, 10, 20, g_rand_int_range (rand, 100, 1000),
                           g_rand_int_range (rand, 100, 1000), g_rand_int_range (rand, 0, 3),
                           &error);
      break;
    case 7:
      if (a != NULL)
        {
          g_autofree char *label = g_strdup_printf ("Label %u ✓", g_rand_int (rand));

          bw_history_set_label (history, a, label, &error);
        }
      break;
    case 8:
      if (a != NULL)
        bw_history_set_parent (history, a, g_rand_boolean (rand) ? zone : NULL, 0, &error);
      break;
    case 9:
      {
        const char *node = random_id (rand, doc, 1);

        if (node != NULL)
          {
            g_autoptr(JsonObject) props = json_object_new ();
            JsonArray *disabled = json_array_new ();

            json_array_add_string_element (disabled, "alerts_for_windows_machines");
            json_object_set_array_member (props, "disabled_capabilities", disabled);
            json_object_set_int_member (props, "x-serial", g_rand_int_range (rand, 0, 1000));
            bw_history_set_props (history, node, props, &error);
          }
      }
      break;
    case 10:
      {
        const char *edge = random_id (rand, doc, 2);

        if (edge != NULL)
          bw_history_set_edge_kind (history, edge, (BwEdgeKind) g_rand_int_range (rand, 0, 3),
                                    &error);
      }
      break;
    case 11:
      {
        const char *groups[] = { "G0016", NULL };

        if (g_rand_boolean (rand))
          bw_history_set_gap_threshold (history, g_rand_int_range (rand, 0, 100) / 100.0, &error);
        else
          bw_history_set_threat_groups (history, g_rand_boolean (rand) ? groups : NULL, &error);
      }
      break;
    case 12:
      {
        g_autofree char *title = g_strdup_printf ("Estate “%u”", g_rand_int_range (rand, 0, 5));
        const char *techniques[] = { "T1566", "T1078.004", NULL };

        if (g_rand_boolean (rand))
          bw_history_set_title (history, title, &error);
        else
          bw_history_set_threat_techniques (history, g_rand_boolean (rand) ? techniques : NULL,
                                            &error);
      }
      break;
    case 13:
      {
        /* A node with props of its own, possibly inside a zone: what paste does. */
        g_autoptr(JsonObject) props = json_object_new ();

        json_object_set_string_member (props, "x-note", "pasted");
        json_object_set_double_member (props, "x-weight", g_rand_double (rand));
        created = bw_history_add_node_full (history, asset_kinds[0], "Copy", zone,
                                            g_rand_double_range (rand, -100, 100), 3.25, props,
                                            &error);
      }
      break;
    case 14:
      {
        /* Several commands as one step, as paste and "apply suggestion" do. */
        guint n = g_rand_int_range (rand, 1, 6);

        bw_history_begin_group (history, "Paste");
        for (guint i = 0; i < n; i++)
          random_edit (rand, history, doc, kinds_seen, FALSE);
        bw_history_end_group (history);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
test_random_undo_redo (void)
{
  guint kinds_seen[N_EDIT_KINDS] = { 0 };

  for (guint seed = 1; seed <= 24; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(BwDocument) doc = load_fixture (seed % 2 ? "nested-zones.bulwark" : "all-edge-kinds.bulwark");
      g_autoptr(BwHistory) history = bw_history_new (doc);
      g_autofree char *original = bw_document_to_data (doc, NULL);
      g_autofree char *edited = NULL;
      g_autofree char *undone = NULL;
      g_autofree char *redone = NULL;
      guint steps = 0;

      for (guint i = 0; i < 200; i++)
        random_edit (rand, history, doc, kinds_seen, TRUE);
      edited = bw_document_to_data (doc, NULL);

      while (bw_history_undo (history))
        steps++;
      /* Most of the 200 commands must have been real edits, or this proves little. */
      g_test_message ("seed %u: %u undo steps", seed, steps);
      g_assert_cmpuint (steps, >=, 100);
      undone = bw_document_to_data (doc, NULL);
      if (g_strcmp0 (undone, original) != 0)
        g_error ("seed %u: undo-all differs from the original", seed);
      g_assert_false (bw_history_get_modified (history));

      while (bw_history_redo (history))
        steps--;
      redone = bw_document_to_data (doc, NULL);
      if (g_strcmp0 (redone, edited) != 0)
        g_error ("seed %u: redo-all differs from the edited document", seed);
      g_assert_cmpuint (steps, ==, 0);

      /* Undo part of the way, branch off with new edits, then undo everything. */
      for (guint i = 0; i < 40; i++)
        bw_history_undo (history);
      for (guint i = 0; i < 60; i++)
        random_edit (rand, history, doc, kinds_seen, TRUE);
      g_assert_false (bw_history_get_can_redo (history));
      while (bw_history_undo (history))
        ;
      g_clear_pointer (&undone, g_free);
      undone = bw_document_to_data (doc, NULL);
      if (g_strcmp0 (undone, original) != 0)
        g_error ("seed %u: undo-all after a branch differs from the original", seed);
    }
  for (guint k = 0; k < N_EDIT_KINDS; k++)
    g_assert_cmpuint (kinds_seen[k], >, 0);
}

static void
test_drag_merges (void)
{
  g_autoptr(BwDocument) doc = load_fixture ("small.bulwark");
  g_autoptr(BwHistory) history = bw_history_new (doc);
  const char *ids[] = { "n1", NULL };
  double x = bw_document_lookup_node (doc, "n1")->x;

  /* Many motion events of one drag, then its drop into a zone: one step. */
  for (int i = 0; i < 30; i++)
    g_assert_true (bw_history_move (history, ids, 2, 1, 7, NULL));
  g_assert_true (bw_history_set_parent (history, "n1", NULL, 7, NULL));
  g_assert_cmpfloat (bw_document_lookup_node (doc, "n1")->x, ==, x + 60);
  g_assert_cmpstr (bw_history_get_undo_label (history), ==, "Move");

  g_assert_true (bw_history_undo (history));
  g_assert_false (bw_history_get_can_undo (history));
  g_assert_cmpfloat (bw_document_lookup_node (doc, "n1")->x, ==, x);
  g_assert_cmpstr (bw_document_lookup_node (doc, "n1")->zone, ==, "z1");

  /* A different drag is a new step. */
  g_assert_true (bw_history_redo (history));
  g_assert_true (bw_history_move (history, ids, 5, 5, 8, NULL));
  g_assert_true (bw_history_undo (history));
  g_assert_true (bw_history_get_can_undo (history));
}

static void
test_nudges_merge (void)
{
  g_autoptr(BwDocument) doc = load_fixture ("small.bulwark");
  g_autoptr(BwHistory) history = bw_history_new (doc);
  const char *ids[] = { "n1", NULL };
  const char *both[] = { "n2", "n1", NULL };
  double x = bw_document_lookup_node (doc, "n1")->x;

  /* Three presses of one selection: one step. */
  for (int i = 0; i < 3; i++)
    g_assert_true (bw_history_nudge (history, ids, 1, 0, NULL));
  g_assert_cmpfloat (bw_document_lookup_node (doc, "n1")->x, ==, x + 3);
  g_assert_true (bw_history_undo (history));
  g_assert_false (bw_history_get_can_undo (history));
  g_assert_cmpfloat (bw_document_lookup_node (doc, "n1")->x, ==, x);

  /* Another command between, or another selection, starts a new step. */
  g_assert_true (bw_history_nudge (history, ids, 1, 0, NULL));
  g_assert_true (bw_history_set_label (history, "n1", "Renamed", NULL));
  g_assert_true (bw_history_nudge (history, ids, 1, 0, NULL));
  g_assert_true (bw_history_nudge (history, both, 1, 0, NULL));
  g_assert_true (bw_history_nudge (history, both, 0, 1, NULL));
  g_assert_cmpfloat (bw_document_lookup_node (doc, "n1")->x, ==, x + 3);
  g_assert_true (bw_history_undo (history));
  g_assert_cmpfloat (bw_document_lookup_node (doc, "n1")->x, ==, x + 2);
  g_assert_true (bw_history_undo (history));
  g_assert_cmpfloat (bw_document_lookup_node (doc, "n1")->x, ==, x + 1);
  g_assert_cmpstr (bw_document_lookup_node (doc, "n1")->label, ==, "Renamed");

  /* A saved state closes the step: nudges after it are a step of their own. */
  g_assert_true (bw_history_nudge (history, ids, 1, 0, NULL));
  bw_history_mark_saved (history);
  g_assert_true (bw_history_nudge (history, ids, 1, 0, NULL));
  g_assert_true (bw_history_undo (history));
  g_assert_false (bw_history_get_modified (history));
}

static void
test_zone_moves_contents (void)
{
  g_autoptr(BwDocument) doc = load_fixture ("nested-zones.bulwark");
  g_autoptr(BwHistory) history = bw_history_new (doc);
  const char *ids[] = { "z2", NULL };

  g_assert_true (bw_history_move (history, ids, 100, 50, 0, NULL));
  /* z2 moves with z3 inside it and n1 inside z3; z1 and the collectors stay. */
  g_assert_cmpfloat (bw_document_lookup_zone (doc, "z2")->x, ==, 116);
  g_assert_cmpfloat (bw_document_lookup_zone (doc, "z3")->x, ==, 132);
  g_assert_cmpfloat (bw_document_lookup_node (doc, "n1")->y, ==, 194);
  g_assert_cmpfloat (bw_document_lookup_zone (doc, "z1")->x, ==, 0);
  g_assert_cmpfloat (bw_document_lookup_node (doc, "n3")->x, ==, 0);
}

static void
test_cascade_remove (void)
{
  g_autoptr(BwDocument) doc = load_fixture ("nested-zones.bulwark");
  g_autoptr(BwHistory) history = bw_history_new (doc);
  g_autofree char *before = bw_document_to_data (doc, NULL);
  g_autofree char *after = NULL;
  const char *ids[] = { "z2", NULL };

  g_assert_true (bw_history_remove (history, ids, NULL));
  /* z2, z3 inside it, n1 (in z3), n2 (in z2), and every edge touching them. */
  g_assert_null (bw_document_lookup_zone (doc, "z3"));
  g_assert_null (bw_document_lookup_node (doc, "n1"));
  g_assert_null (bw_document_lookup_node (doc, "n2"));
  g_assert_cmpuint (bw_document_get_n_edges (doc), ==, 1);
  g_assert_nonnull (bw_document_lookup_zone (doc, "z1"));
  g_assert_true (bw_history_get_modified (history));

  g_assert_true (bw_history_undo (history));
  after = bw_document_to_data (doc, NULL);
  g_assert_cmpstr (after, ==, before);
}

static void
test_refused_edit_changes_nothing (void)
{
  g_autoptr(BwDocument) doc = load_fixture ("nested-zones.bulwark");
  g_autoptr(BwHistory) history = bw_history_new (doc);
  g_autofree char *before = bw_document_to_data (doc, NULL);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  /* z1 inside z3 would be a cycle. */
  g_assert_false (bw_history_set_parent (history, "z1", "z3", 0, &error));
  g_assert_nonnull (error);
  g_assert_false (bw_history_get_can_undo (history));
  after = bw_document_to_data (doc, NULL);
  g_assert_cmpstr (after, ==, before);
}

static void
test_modified_tracking (void)
{
  g_autoptr(BwDocument) doc = load_fixture ("small.bulwark");
  g_autoptr(BwHistory) history = bw_history_new (doc);
  g_autofree char *id = NULL;

  bw_history_mark_saved (history);
  g_assert_false (bw_history_get_modified (history));
  id = bw_history_add_node (history, "azure.vm", "VM 2", NULL, 0, 0, NULL);
  g_assert_true (bw_history_get_modified (history));
  bw_history_mark_saved (history);
  g_assert_false (bw_history_get_modified (history));
  bw_history_undo (history);
  g_assert_true (bw_history_get_modified (history));
  bw_history_redo (history);
  g_assert_false (bw_history_get_modified (history));
  /* A new edit after an undo makes the saved state unreachable. */
  bw_history_undo (history);
  g_clear_pointer (&id, g_free);
  id = bw_history_add_node (history, "azure.vm", "VM 3", NULL, 0, 0, NULL);
  g_assert_true (bw_history_get_modified (history));
  bw_history_undo (history);
  g_assert_true (bw_history_get_modified (history));
}


static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              GHashTable *counts)
{
  const char *name = g_param_spec_get_name (pspec);

  g_hash_table_insert (
      counts, (gpointer) name,
      GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, name)) + 1));
}

static guint
notified (GHashTable *counts,
          const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, name));
}

static void
test_properties_notify (void)
{
  g_autoptr(BwDocument) doc = load_fixture ("small.bulwark");
  g_autoptr(BwHistory) history = bw_history_new (doc);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  const char *ids[] = { "n1", NULL };
  gboolean can_undo = TRUE;
  g_autofree char *undo_label = NULL;

  bw_history_mark_saved (history);
  g_signal_connect (history, "notify", G_CALLBACK (count_notify), counts);

  /* A drag: many commands, but can-undo and modified change once. */
  for (int i = 0; i < 10; i++)
    g_assert_true (bw_history_move (history, ids, 1, 1, 3, NULL));
  g_assert_cmpuint (notified (counts, "can-undo"), ==, 1);
  g_assert_cmpuint (notified (counts, "modified"), ==, 1);
  g_assert_cmpuint (notified (counts, "undo-label"), ==, 1);
  g_assert_cmpuint (notified (counts, "can-redo"), ==, 0);
  g_object_get (history, "can-undo", &can_undo, "undo-label", &undo_label, NULL);
  g_assert_true (can_undo);
  g_assert_cmpstr (undo_label, ==, "Move");

  g_assert_true (bw_history_undo (history));
  g_assert_cmpuint (notified (counts, "can-undo"), ==, 2);
  g_assert_cmpuint (notified (counts, "can-redo"), ==, 1);
  g_assert_cmpuint (notified (counts, "modified"), ==, 2);
  g_assert_false (bw_history_get_modified (history));
  g_assert_null (bw_history_get_undo_label (history));
  g_assert_cmpstr (bw_history_get_redo_label (history), ==, "Move");
}

static void
test_labels (void)
{
  g_autoptr(BwDocument) doc = load_fixture ("nested-zones.bulwark");
  g_autoptr(BwHistory) history = bw_history_new (doc);
  const char *ids[] = { "n1", NULL };
  g_autofree char *edge = NULL;

  g_assert_null (bw_history_get_undo_label (history));
  g_assert_true (bw_history_set_label (history, "n1", "Renamed", NULL));
  g_assert_cmpstr (bw_history_get_undo_label (history), ==, "Rename");
  g_assert_true (bw_history_resize (history, "z1", 0, 0, 2000, 1000, 0, NULL));
  g_assert_cmpstr (bw_history_get_undo_label (history), ==, "Resize");
  edge = bw_history_connect (history, BW_EDGE_FLOW, "n1", "n2", NULL);
  g_assert_nonnull (edge);
  g_assert_cmpstr (bw_history_get_undo_label (history), ==, "Connect");
  g_assert_true (bw_history_remove (history, ids, NULL));
  g_assert_cmpstr (bw_history_get_undo_label (history), ==, "Delete");
  g_assert_true (bw_history_undo (history));
  g_assert_cmpstr (bw_history_get_redo_label (history), ==, "Delete");
  g_assert_cmpstr (bw_history_get_undo_label (history), ==, "Connect");
}

static void
test_resize_merges (void)
{
  g_autoptr(BwDocument) doc = load_fixture ("nested-zones.bulwark");
  g_autoptr(BwHistory) history = bw_history_new (doc);
  const BwZone *z = bw_document_lookup_zone (doc, "z3");
  BwZone before = *z;

  for (int i = 1; i <= 20; i++)
    g_assert_true (bw_history_resize (history, "z3", before.x, before.y, before.w + i, before.h + 2 * i, 9,
                                      NULL));
  g_assert_cmpfloat (z->w, ==, before.w + 20);
  g_assert_true (bw_history_undo (history));
  g_assert_false (bw_history_get_can_undo (history));
  g_assert_cmpfloat (z->w, ==, before.w);
  g_assert_cmpfloat (z->h, ==, before.h);
  g_assert_true (bw_history_redo (history));
  g_assert_cmpfloat (z->h, ==, before.h + 40);

  /* Once saved, a drag that goes on is a new step: the saved state must stay reachable. */
  bw_history_mark_saved (history);
  g_assert_true (bw_history_resize (history, "z3", before.x, before.y, 500, 500, 9, NULL));
  g_assert_true (bw_history_get_modified (history));
  g_assert_true (bw_history_undo (history));
  g_assert_false (bw_history_get_modified (history));
  g_assert_cmpfloat (z->h, ==, before.h + 40);
}

static void
test_group (void)
{
  g_autoptr(BwDocument) doc = load_fixture ("small.bulwark");
  g_autoptr(BwHistory) history = bw_history_new (doc);
  g_autofree char *before = bw_document_to_data (doc, NULL);
  g_autofree char *after = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *e = NULL;
  g_autoptr(GError) error = NULL;
  guint nodes = bw_document_get_n_nodes (doc);

  bw_history_begin_group (history, "Paste");
  a = bw_history_add_node (history, "azure.vm", "A", NULL, 10, 10, NULL);
  /* Nested groups join the outer one. */
  bw_history_begin_group (history, "Inner");
  b = bw_history_add_node (history, "azure.vm", "B", NULL, 20, 20, NULL);
  bw_history_end_group (history);
  e = bw_history_connect (history, BW_EDGE_FLOW, a, b, NULL);
  /* A refused command inside a group undoes only itself. */
  g_assert_null (bw_history_connect (history, BW_EDGE_FLOW, a, "nope", &error));
  g_assert_nonnull (error);
  /* No undo while a group is open. */
  g_assert_false (bw_history_undo (history));
  bw_history_end_group (history);

  g_assert_cmpuint (bw_document_get_n_nodes (doc), ==, nodes + 2);
  g_assert_nonnull (bw_document_lookup_edge (doc, e));
  g_assert_cmpstr (bw_history_get_undo_label (history), ==, "Paste");
  g_assert_true (bw_history_undo (history));
  g_assert_false (bw_history_get_can_undo (history));
  after = bw_document_to_data (doc, NULL);
  g_assert_cmpstr (after, ==, before);

  /* An empty group leaves no step. */
  bw_history_begin_group (history, "Nothing");
  bw_history_end_group (history);
  g_assert_false (bw_history_get_can_undo (history));
  g_assert_true (bw_history_get_can_redo (history));
}

static void
test_remove_restores_order (void)
{
  g_autoptr(BwDocument) doc = load_fixture ("all-edge-kinds.bulwark");
  g_autoptr(BwHistory) history = bw_history_new (doc);
  g_autofree char *before = bw_document_to_data (doc, NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  /* Every other object, across kinds, in one removal: each returns to its index. */
  for (guint i = 0; i < bw_document_get_n_edges (doc); i += 2)
    g_ptr_array_add (ids, g_strdup (bw_document_get_edge (doc, i)->id));
  for (guint i = 1; i < bw_document_get_n_nodes (doc); i += 2)
    g_ptr_array_add (ids, g_strdup (bw_document_get_node (doc, i)->id));
  g_ptr_array_add (ids, NULL);
  g_assert_true (bw_history_remove (history, (const char *const *) ids->pdata, NULL));
  g_assert_true (bw_history_undo (history));
  {
    g_autofree char *after = bw_document_to_data (doc, NULL);

    g_assert_cmpstr (after, ==, before);
  }
}


/* Saves `doc` to a file and asserts the file holds exactly `expected`. */
static void
assert_saves_as (BwDocument *doc,
                 const char *expected)
{
  g_autofree char *dir = g_dir_make_tmp ("bulwark-history-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "estate.bulwark", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;

  g_assert_true (bw_document_save_to_file (doc, path, &error));
  g_assert_no_error (error);
  saved = bw_test_read_file (path, NULL);
  g_assert_cmpstr (saved, ==, expected);
  g_unlink (path);
  g_rmdir (dir);
}

/* The inspector's edits — a capability switch, a platform override, a label — are one step each
 * and undo puts back exactly the bytes the file had. */
static void
test_typed_props_undo_exactly (void)
{
  g_autofree char *path = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  g_autofree char *original = bw_test_read_file (path, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalog) catalog = bw_catalog_load_default (&error);
  g_autoptr(BwDocument) doc = bw_document_load_from_file (path, &error);
  g_autoptr(BwHistory) history = NULL;
  const BwNode *service = NULL;
  const BwNode *asset = NULL;
  const BwStencil *stencil;
  const char *first;
  const char *second;
  const char *windows[] = { "Windows", NULL };
  const char *two[] = { "Windows", "Linux", NULL };

  g_assert_no_error (error);
  history = bw_history_new (doc);
  bw_history_mark_saved (history);
  /* The sample is in canonical form: saved untouched, it is the same file. */
  assert_saves_as (doc, original);

  for (guint i = 0; i < bw_document_get_n_nodes (doc); i++)
    {
      const BwNode *node = bw_document_get_node (doc, i);
      const BwStencil *s = bw_catalog_lookup_stencil (catalog, node->kind);

      if (service == NULL && s->role == BW_ROLE_SERVICE && g_strv_length (s->capabilities) >= 2)
        service = node;
      if (asset == NULL && s->role == BW_ROLE_ASSET)
        asset = node;
    }
  g_assert_nonnull (service);
  g_assert_nonnull (asset);
  stencil = bw_catalog_lookup_stencil (catalog, service->kind);
  first = stencil->capabilities[0];
  second = stencil->capabilities[1];

  /* A capability switched off, then a second: each is one step. */
  g_assert_true (bw_node_get_capability_enabled (service, first));
  g_assert_true (bw_history_set_capability_enabled (history, service->id, first, FALSE, &error));
  g_assert_no_error (error);
  service = bw_document_lookup_node (doc, service->id);
  g_assert_false (bw_node_get_capability_enabled (service, first));
  g_assert_true (bw_history_set_capability_enabled (history, service->id, second, FALSE, NULL));
  {
    g_auto(GStrv) disabled = bw_node_dup_disabled_capabilities (service);

    g_assert_cmpuint (g_strv_length (disabled), ==, 2);
    g_assert_cmpstr (disabled[0], ==, first);
    g_assert_cmpstr (disabled[1], ==, second);
  }
  /* Switching off what is off again is no step. */
  g_assert_true (bw_history_set_capability_enabled (history, service->id, second, FALSE, NULL));
  g_assert_true (bw_history_undo (history));
  g_assert_false (bw_node_get_capability_enabled (service, first));
  g_assert_true (bw_node_get_capability_enabled (service, second));
  g_assert_true (bw_history_undo (history));
  g_assert_false (bw_history_get_can_undo (history));
  g_assert_false (bw_history_get_modified (history));
  g_assert_true (bw_node_get_capability_enabled (service, first));
  assert_saves_as (doc, original);
  /* Redo brings the switch back off; on again drops the emptied list. */
  g_assert_true (bw_history_redo (history));
  g_assert_false (bw_node_get_capability_enabled (service, first));
  g_assert_true (bw_history_set_capability_enabled (history, service->id, first, TRUE, NULL));
  assert_saves_as (doc, original);
  g_assert_true (bw_history_undo (history));
  g_assert_true (bw_history_undo (history));
  assert_saves_as (doc, original);

  /* A platform override, changed once more, then undone twice. */
  g_assert_null (bw_node_dup_platforms (asset));
  g_assert_true (bw_history_set_platforms (history, asset->id, windows, &error));
  g_assert_no_error (error);
  g_assert_true (bw_history_set_platforms (history, asset->id, two, NULL));
  {
    g_auto(GStrv) platforms = bw_node_dup_platforms (asset);

    g_assert_true (g_strv_equal ((const char *const *) platforms, two));
  }
  g_assert_true (bw_history_undo (history));
  {
    g_auto(GStrv) platforms = bw_node_dup_platforms (asset);

    g_assert_true (g_strv_equal ((const char *const *) platforms, windows));
  }
  g_assert_true (bw_history_undo (history));
  g_assert_null (bw_node_dup_platforms (asset));
  assert_saves_as (doc, original);
  /* Back to the default when there is no override is no step. */
  g_assert_true (bw_history_set_platforms (history, asset->id, NULL, NULL));
  g_assert_cmpstr (bw_history_get_redo_label (history), ==, "Change Properties");

  /* A label. */
  g_assert_true (bw_history_set_label (history, asset->id, "Renamed", NULL));
  g_assert_cmpstr (bw_document_lookup_node (doc, asset->id)->label, ==, "Renamed");
  g_assert_true (bw_history_undo (history));
  assert_saves_as (doc, original);

  /* Unknown nodes are refused with a located message. */
  g_assert_false (bw_history_set_platforms (history, "nope", windows, &error));
  g_assert_nonnull (strstr (error->message, "“nope”"));
  g_clear_error (&error);
  g_assert_false (bw_document_set_capability_enabled (doc, "nope", first, FALSE, &error));
  g_assert_nonnull (strstr (error->message, "“nope”"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/history/random-undo-redo", test_random_undo_redo);
  g_test_add_func ("/history/drag-merges", test_drag_merges);
  g_test_add_func ("/history/nudges-merge", test_nudges_merge);
  g_test_add_func ("/history/zone-moves-contents", test_zone_moves_contents);
  g_test_add_func ("/history/cascade-remove", test_cascade_remove);
  g_test_add_func ("/history/refused-edit-changes-nothing", test_refused_edit_changes_nothing);
  g_test_add_func ("/history/modified-tracking", test_modified_tracking);
  g_test_add_func ("/history/properties-notify", test_properties_notify);
  g_test_add_func ("/history/labels", test_labels);
  g_test_add_func ("/history/resize-merges", test_resize_merges);
  g_test_add_func ("/history/group", test_group);
  g_test_add_func ("/history/remove-restores-order", test_remove_restores_order);
  g_test_add_func ("/history/typed-props-undo-exactly", test_typed_props_undo_exactly);
  return g_test_run ();
}
