/* test-edit-rules.c: the editing rules the canvas asks, without a display — which edge kind two
 * objects admit, and which zone a dropped, moved or pasted object belongs to. */
#include "config.h"

#include <math.h>

#include "bw-edit-rules.h"
#include "bw-history.h"
#include "bw-test-util.h"

static void
test_edge_kinds (void)
{
  g_autoptr(BwCatalog) catalog = bw_test_tiny_catalog ();
  const char *const lines[] = {
    "z1 zone.a -", "na1 win z1", "na2 lin z1", "ns1 svc z1", "ns2 svc.win -", "nsiem siem -",
    "ncol col -", NULL,
  };
  g_autoptr(BwDocument) doc = bw_test_build_document (lines);
  static const struct
  {
    const char *from;
    const char *to;
    int         kind; /* -1: none fits */
  } cases[] = {
    { "ns1", "na1", BW_EDGE_PROTECTS },
    { "ns2", "na2", BW_EDGE_PROTECTS },    /* the kind fits; whether it applies is the engine's */
    { "ns1", "z1", BW_EDGE_PROTECTS },
    { "na1", "na2", BW_EDGE_FLOW },
    { "na1", "nsiem", BW_EDGE_TELEMETRY },
    { "ns1", "ncol", BW_EDGE_TELEMETRY },
    { "ncol", "nsiem", BW_EDGE_TELEMETRY },
    { "na1", "ns1", -1 },                  /* an asset does not protect a service */
    { "nsiem", "na1", -1 },                /* a SIEM protects nothing */
    { "nsiem", "z1", -1 },
    { "na1", "z1", -1 },
    { "z1", "na1", -1 },                  /* edges start at a node */
    { "ns1", "ns2", -1 },
    { "ns1", "nope", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      BwEdgeKind kind = (BwEdgeKind) -1;
      gboolean ok = bw_edit_rules_edge_kind_for (catalog, doc, cases[i].from, cases[i].to, &kind,
                                                 &error);

      g_test_message ("%s → %s", cases[i].from, cases[i].to);
      if (cases[i].kind < 0)
        {
          g_assert_false (ok);
          g_assert_nonnull (error);
          g_assert_nonnull (strstr (error->message, "cannot be connected"));
        }
      else
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpint (kind, ==, cases[i].kind);
        }
    }
}

/* outer (0,0 1000×800) ⊃ inner (100,100 400×300) ⊃ core (150,150 100×100); side (600,100 300×300)
 * overlaps outer, drawn later at the same depth as inner. */
static BwDocument *
nested_document (void)
{
  BwDocument *doc = bw_document_new ();

  g_assert_nonnull (bw_document_add_zone (doc, "outer", "zone.a", "Outer", NULL, 0, 0, 1000, 800, NULL));
  g_assert_nonnull (bw_document_add_zone (doc, "inner", "zone.a", "Inner", "outer", 100, 100, 400, 300, NULL));
  g_assert_nonnull (bw_document_add_zone (doc, "core", "zone.a", "Core", "inner", 150, 150, 100, 100, NULL));
  g_assert_nonnull (bw_document_add_zone (doc, "side", "zone.a", "Side", "outer", 600, 100, 300, 300, NULL));
  g_assert_nonnull (bw_document_add_node (doc, "vm", "win", "VM", "outer", 0, 0, NULL, NULL));
  return doc;
}

static void
test_zone_at (void)
{
  g_autoptr(BwDocument) doc = nested_document ();

  g_assert_cmpstr (bw_edit_rules_zone_at (doc, 5, 5, NULL), ==, "outer");
  g_assert_cmpstr (bw_edit_rules_zone_at (doc, 120, 120, NULL), ==, "inner");
  g_assert_cmpstr (bw_edit_rules_zone_at (doc, 200, 200, NULL), ==, "core");
  g_assert_cmpstr (bw_edit_rules_zone_at (doc, 700, 200, NULL), ==, "side");
  g_assert_null (bw_edit_rules_zone_at (doc, 1200, 200, NULL));
  g_assert_null (bw_edit_rules_zone_at (doc, -1, 0, NULL));
  /* The border belongs to the zone. */
  g_assert_cmpstr (bw_edit_rules_zone_at (doc, 1000, 800, NULL), ==, "outer");
  /* Leaving out a zone leaves out what is inside it. */
  g_assert_cmpstr (bw_edit_rules_zone_at (doc, 200, 200, "inner"), ==, "outer");
  g_assert_null (bw_edit_rules_zone_at (doc, 200, 200, "outer"));
}

static void
test_zone_for (void)
{
  g_autoptr(BwDocument) doc = nested_document ();
  const double cx = BW_NODE_WIDTH / 2;
  const double cy = BW_NODE_HEIGHT / 2;

  /* A node by its card's centre: its corner may lie elsewhere. */
  g_assert_true (bw_document_set_geometry (doc, "vm", 200 - cx, 200 - cy, 0, 0, NULL));
  g_assert_cmpstr (bw_edit_rules_zone_for (doc, "vm"), ==, "core");
  g_assert_true (bw_document_set_geometry (doc, "vm", 95 - cx, 120 - cy, 0, 0, NULL));
  g_assert_cmpstr (bw_edit_rules_zone_for (doc, "vm"), ==, "outer");
  g_assert_true (bw_document_set_geometry (doc, "vm", 2000, 2000, 0, 0, NULL));
  g_assert_null (bw_edit_rules_zone_for (doc, "vm"));
  /* A zone by its centre, never into itself or its own contents. */
  g_assert_cmpstr (bw_edit_rules_zone_for (doc, "core"), ==, "inner");
  g_assert_cmpstr (bw_edit_rules_zone_for (doc, "inner"), ==, "outer");
  g_assert_null (bw_edit_rules_zone_for (doc, "outer"));
  g_assert_null (bw_edit_rules_zone_for (doc, "nope"));
}

/* The history settles moved objects into place, one step with the move. */
static void
test_settle (void)
{
  g_autoptr(BwDocument) doc = nested_document ();
  g_autoptr(BwHistory) history = bw_history_new (doc);
  const char *vm[] = { "vm", NULL };
  const char *side[] = { "side", NULL };

  g_assert_true (bw_history_move (history, vm, 600, 600, 7, NULL));
  g_assert_true (bw_history_settle (history, vm, 7, NULL));
  g_assert_cmpstr (bw_document_lookup_node (doc, "vm")->zone, ==, "outer");
  g_assert_true (bw_history_move (history, vm, -400, -500, 8, NULL));
  g_assert_true (bw_history_settle (history, vm, 8, NULL));
  g_assert_cmpstr (bw_document_lookup_node (doc, "vm")->zone, ==, "inner");
  /* One undo takes back the move and the re-parenting together. */
  g_assert_true (bw_history_undo (history));
  g_assert_cmpstr (bw_document_lookup_node (doc, "vm")->zone, ==, "outer");
  g_assert_cmpfloat (bw_document_lookup_node (doc, "vm")->x, ==, 600);

  /* A zone moved into another becomes its child; moved out, a top-level zone again. */
  g_assert_true (bw_history_move (history, side, -480, 0, 9, NULL));
  g_assert_true (bw_history_settle (history, side, 9, NULL));
  g_assert_cmpstr (bw_document_lookup_zone (doc, "side")->parent, ==, "inner");
  g_assert_true (bw_history_move (history, side, 2000, 0, 10, NULL));
  g_assert_true (bw_history_settle (history, side, 10, NULL));
  g_assert_null (bw_document_lookup_zone (doc, "side")->parent);
  /* Already in place: no step. */
  g_assert_cmpstr (bw_history_get_undo_label (history), ==, "Move");
  g_assert_true (bw_history_settle (history, side, 0, NULL));
  g_assert_cmpstr (bw_history_get_undo_label (history), ==, "Move");
}

/* A zone whose corner only reaches into another stays where it was; its centre decides. */
static void
test_zone_by_centre (void)
{
  g_autoptr(BwDocument) doc = nested_document ();
  g_autoptr(BwHistory) history = bw_history_new (doc);
  const char *side[] = { "side", NULL };

  /* side (300×300) with its top-left corner inside inner, its centre only in outer. */
  g_assert_true (bw_history_move (history, side, 450 - 600, 350 - 100, 3, NULL));
  g_assert_cmpstr (bw_edit_rules_zone_at (doc, 450 + 1, 350 + 1, "side"), ==, "inner");
  g_assert_cmpstr (bw_edit_rules_zone_for (doc, "side"), ==, "outer");
  g_assert_true (bw_history_settle (history, side, 3, NULL));
  g_assert_cmpstr (bw_document_lookup_zone (doc, "side")->parent, ==, "outer");
  /* Its centre inside inner (350, 250) but not core: inner. */
  g_assert_true (bw_history_move (history, side, 200 - 450, 100 - 350, 4, NULL));
  g_assert_true (bw_history_settle (history, side, 4, NULL));
  g_assert_cmpstr (bw_document_lookup_zone (doc, "side")->parent, ==, "inner");
}

static gboolean
card_overlaps (BwDocument *doc,
               const char *self,
               double      x,
               double      y)
{
  for (guint i = 0; i < bw_document_get_n_nodes (doc); i++)
    {
      const BwNode *n = bw_document_get_node (doc, i);

      if (g_strcmp0 (n->id, self) != 0 && x < n->x + BW_NODE_WIDTH && n->x < x + BW_NODE_WIDTH &&
          y < n->y + BW_NODE_HEIGHT && n->y < y + BW_NODE_HEIGHT)
        return TRUE;
    }
  return FALSE;
}

/* An added card goes to free space inside its zone, beside what it protects, the same each
 * time; a full zone grows. */
static void
test_place_node (void)
{
  g_autoptr(BwDocument) doc = nested_document ();
  double x = 0, y = 0, x2 = 0, y2 = 0, grow = -1;

  /* Beside the VM in outer: inside outer, off the VM, out of inner, side and core. */
  g_assert_true (bw_document_set_geometry (doc, "vm", 520, 500, 0, 0, NULL));
  g_assert_true (bw_edit_rules_place_node (doc, "outer", "vm", BW_NODE_WIDTH, BW_NODE_HEIGHT,
                                           &x, &y, &grow));
  g_assert_cmpfloat (grow, ==, 0);
  g_assert_false (card_overlaps (doc, NULL, x, y));
  g_assert_true (x >= 0 && x + BW_NODE_WIDTH <= 1000 && y >= BW_ZONE_HEADER &&
                 y + BW_NODE_HEIGHT <= 800);
  g_assert_cmpstr (bw_edit_rules_zone_at (doc, x + BW_NODE_WIDTH / 2, y + BW_NODE_HEIGHT / 2, NULL),
                   ==, "outer");
  g_assert_true (fabs (x - 520) + fabs (y - 500) < 400);
  g_assert_true (bw_edit_rules_place_node (doc, "outer", "vm", BW_NODE_WIDTH, BW_NODE_HEIGHT,
                                           &x2, &y2, &grow));
  g_assert_cmpfloat (x2, ==, x);
  g_assert_cmpfloat (y2, ==, y);

  /* Into core (100×100): no card fits, so it goes below and core grows to hold it. */
  x = 150;
  y = 150;
  g_assert_false (bw_edit_rules_place_node (doc, "core", NULL, BW_NODE_WIDTH, BW_NODE_HEIGHT,
                                            &x, &y, &grow));
  g_assert_cmpfloat (grow, >=, y + BW_NODE_HEIGHT - 150);
  g_assert_cmpfloat (x, >=, 150);

  /* Filling inner one card at a time: never on another card, always in inner. */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);

      x = 500;
      y = 100;
      g_assert_true (bw_edit_rules_place_node (doc, "inner", NULL, BW_NODE_WIDTH, BW_NODE_HEIGHT,
                                               &x, &y, &grow));
      g_assert_false (card_overlaps (doc, NULL, x, y));
      g_assert_nonnull (bw_document_add_node (doc, id, "win", id, "inner", x, y, NULL, NULL));
      g_assert_cmpstr (bw_edit_rules_zone_for (doc, id), ==, "inner");
    }
  /* The fourth does not fit beside core: inner grows downwards to hold it. */
  g_assert_false (bw_edit_rules_place_node (doc, "inner", NULL, BW_NODE_WIDTH, BW_NODE_HEIGHT,
                                            &x, &y, &grow));
  g_assert_cmpfloat (grow, >, 300);
  g_assert_cmpfloat (y + BW_NODE_HEIGHT, <=, 100 + grow);
  g_assert_false (card_overlaps (doc, NULL, x, y));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/edit-rules/edge-kinds", test_edge_kinds);
  g_test_add_func ("/edit-rules/zone-at", test_zone_at);
  g_test_add_func ("/edit-rules/zone-for", test_zone_for);
  g_test_add_func ("/edit-rules/settle", test_settle);
  g_test_add_func ("/edit-rules/zone-by-centre", test_zone_by_centre);
  g_test_add_func ("/edit-rules/place-node", test_place_node);

  return g_test_run ();
}
