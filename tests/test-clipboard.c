/* test-clipboard.c: copy and paste of a selection without a display — what a copy takes, the
 * clipboard text both ways, and a paste as one undo step with fresh ids, nesting, edges and
 * the zone a loose node lands in. */
#include "config.h"

#include <gio/gio.h>

#include "bw-clipboard.h"
#include "bw-document-io.h"
#include "bw-history.h"
#include "bw-test-util.h"

/* z1 holds z2 and n2; z2 holds n1; n3 lies outside. n1 → n2 → n3 flow; n2 protects n1. */
static BwDocument *
estate (void)
{
  BwDocument *doc = bw_document_new ();

  g_assert_nonnull (bw_document_add_zone (doc, "z1", "zone.azure", "Azure", NULL, 0, 0, 1000, 800, NULL));
  g_assert_nonnull (bw_document_add_zone (doc, "z2", "zone.vnet", "VNet", "z1", 500, 400, 400, 300, NULL));
  g_assert_nonnull (bw_document_add_node (doc, "n1", "azure.vm", "VM", "z2", 560, 460, NULL, NULL));
  g_assert_nonnull (bw_document_add_node (doc, "n2", "sec.defender-for-servers", "Defender", "z1",
                                          40, 60, NULL, NULL));
  g_assert_nonnull (bw_document_add_node (doc, "n3", "azure.storage", "Storage", NULL, 2000, 2000, NULL, NULL));
  g_assert_nonnull (bw_document_add_edge (doc, "e1", BW_EDGE_FLOW, "n1", "n2", NULL));
  g_assert_nonnull (bw_document_add_edge (doc, "e2", BW_EDGE_FLOW, "n2", "n3", NULL));
  g_assert_nonnull (bw_document_add_edge (doc, "e3", BW_EDGE_PROTECTS, "n2", "n1", NULL));
  return doc;
}

static void
test_copy (void)
{
  g_autoptr(BwDocument) doc = estate ();
  g_autoptr(BwDocument) zone = NULL;
  g_autoptr(BwDocument) pair = NULL;
  g_autoptr(BwDocument) all = NULL;
  g_autoptr(BwDocument) none = NULL;
  const BwZone *z;
  const BwNode *n;

  /* A zone takes what lies inside it, and no edge that leaves the copy. */
  zone = bw_clipboard_copy (doc, (const char *[]) { "z2", NULL });
  g_assert_cmpuint (bw_document_get_n_zones (zone), ==, 1);
  g_assert_cmpuint (bw_document_get_n_nodes (zone), ==, 1);
  g_assert_cmpuint (bw_document_get_n_edges (zone), ==, 0);
  z = bw_document_lookup_zone (zone, "z2");
  g_assert_null (z->parent);
  n = bw_document_lookup_node (zone, "n1");
  g_assert_cmpstr (n->zone, ==, "z2");
  g_assert_cmpfloat (n->x, ==, 560);

  /* A node whose zone stays behind comes without one; edges between taken ends come along. */
  pair = bw_clipboard_copy (doc, (const char *[]) { "n2", "z2", "e2", "nothing", NULL });
  g_assert_cmpuint (bw_document_get_n_nodes (pair), ==, 2);
  g_assert_null (bw_document_lookup_node (pair, "n2")->zone);
  g_assert_cmpuint (bw_document_get_n_edges (pair), ==, 2);
  g_assert_nonnull (bw_document_lookup_edge (pair, "e1"));
  g_assert_nonnull (bw_document_lookup_edge (pair, "e3"));

  /* The outer zone takes the nested one with its parent link. */
  all = bw_clipboard_copy (doc, (const char *[]) { "z1", "n3", NULL });
  g_assert_cmpuint (bw_document_get_n_zones (all), ==, 2);
  g_assert_cmpuint (bw_document_get_n_nodes (all), ==, 3);
  g_assert_cmpuint (bw_document_get_n_edges (all), ==, 3);
  g_assert_cmpstr (bw_document_lookup_zone (all, "z2")->parent, ==, "z1");

  none = bw_clipboard_copy (doc, NULL);
  g_assert_cmpuint (bw_document_get_n_zones (none) + bw_document_get_n_nodes (none), ==, 0);
}

static void
test_text (void)
{
  g_autoptr(BwDocument) doc = estate ();
  g_autoptr(BwDocument) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  /* An edge alone, or nothing, puts nothing on the clipboard. */
  g_assert_null (bw_clipboard_serialize (doc, (const char *[]) { "e1", NULL }, NULL));
  g_assert_null (bw_clipboard_serialize (doc, NULL, NULL));

  text = bw_clipboard_serialize (doc, (const char *[]) { "z2", "n2", NULL }, &length);
  g_assert_nonnull (text);
  g_assert_cmpuint (length, ==, strlen (text));
  back = bw_clipboard_parse (text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bw_document_get_n_zones (back), ==, 1);
  g_assert_cmpuint (bw_document_get_n_nodes (back), ==, 2);
  g_assert_cmpuint (bw_document_get_n_edges (back), ==, 2);

  /* Someone else's text is named as such, not with a parser's complaint. */
  g_assert_null (bw_clipboard_parse ("hello", -1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_null (bw_clipboard_parse ("{\"format\": \"bulwark\"", -1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

static void
test_paste (void)
{
  g_autoptr(BwDocument) doc = estate ();
  g_autoptr(BwHistory) history = bw_history_new (doc);
  g_autoptr(BwDocument) source = bw_clipboard_copy (doc, (const char *[]) { "z1", "n3", NULL });
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = bw_document_to_data (doc, NULL);
  g_autofree char *after_undo = NULL;
  const BwZone *outer, *inner;
  const BwNode *vm;
  guint n_edges = bw_document_get_n_edges (doc);

  added = bw_clipboard_paste (history, source, BW_CLIPBOARD_OFFSET, BW_CLIPBOARD_OFFSET, &error);
  g_assert_no_error (error);
  /* Zones first, then nodes, each with a fresh id. */
  g_assert_cmpuint (added->len, ==, 5);
  for (guint i = 0; i < added->len; i++)
    g_assert_null (bw_document_lookup_node (source, g_ptr_array_index (added, i)));
  outer = bw_document_lookup_zone (doc, g_ptr_array_index (added, 0));
  inner = bw_document_lookup_zone (doc, g_ptr_array_index (added, 1));
  vm = bw_document_lookup_node (doc, g_ptr_array_index (added, 2));
  g_assert_nonnull (outer);
  g_assert_nonnull (inner);
  g_assert_nonnull (vm);
  g_assert_cmpfloat (outer->x, ==, BW_CLIPBOARD_OFFSET);
  g_assert_cmpstr (inner->parent, ==, outer->id);
  g_assert_cmpstr (vm->zone, ==, inner->id);
  g_assert_cmpstr (vm->kind, ==, "azure.vm");
  g_assert_cmpfloat (vm->x, ==, 560 + BW_CLIPBOARD_OFFSET);
  g_assert_cmpuint (bw_document_get_n_edges (doc), ==, 2 * n_edges);

  /* One undo step takes all of it back, to the byte. */
  g_assert_cmpstr (bw_history_get_undo_label (history), ==, "Paste");
  g_assert_true (bw_history_undo (history));
  g_assert_false (bw_history_get_can_undo (history));
  after_undo = bw_document_to_data (doc, NULL);
  g_assert_cmpstr (after_undo, ==, before);

  /* Nothing to paste: no step. */
  g_clear_pointer (&added, g_ptr_array_unref);
  g_clear_object (&source);
  source = bw_document_new ();
  added = bw_clipboard_paste (history, source, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (added->len, ==, 0);
  g_assert_false (bw_history_get_can_undo (history));
}

/* A node copied without its zone joins the zone it lands in; outside every zone, none. */
static void
test_paste_placement (void)
{
  g_autoptr(BwDocument) doc = estate ();
  g_autoptr(BwHistory) history = bw_history_new (doc);
  g_autoptr(BwDocument) source = bw_clipboard_copy (doc, (const char *[]) { "n2", "n3", NULL });
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (bw_document_lookup_node (source, "n2")->zone);
  added = bw_clipboard_paste (history, source, BW_CLIPBOARD_OFFSET, BW_CLIPBOARD_OFFSET, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (added->len, ==, 2);
  g_assert_cmpstr (bw_document_lookup_node (doc, g_ptr_array_index (added, 0))->zone, ==, "z1");
  g_assert_null (bw_document_lookup_node (doc, g_ptr_array_index (added, 1))->zone);
  /* The edge between the two came along; the protects edge to n1 did not. */
  g_assert_cmpuint (bw_document_get_n_edges (doc), ==, 4);
}

/* A zone copied without its parent joins the zone its copy lands in, beside its original and
 * never inside it; what it holds comes along in it. */
static void
test_paste_zone_placement (void)
{
  g_autoptr(BwDocument) doc = estate ();
  g_autoptr(BwHistory) history = bw_history_new (doc);
  g_autoptr(BwDocument) vnet = bw_clipboard_copy (doc, (const char *[]) { "z2", NULL });
  g_autoptr(BwDocument) azure = bw_clipboard_copy (doc, (const char *[]) { "z1", NULL });
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GError) error = NULL;
  const BwZone *copy;

  g_assert_null (bw_document_lookup_zone (vnet, "z2")->parent);
  added = bw_clipboard_paste (history, vnet, BW_CLIPBOARD_OFFSET, BW_CLIPBOARD_OFFSET, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (added->len, ==, 2);
  copy = bw_document_lookup_zone (doc, g_ptr_array_index (added, 0));
  g_assert_cmpstr (copy->id, ==, "z3");
  g_assert_cmpstr (copy->parent, ==, "z1");
  g_assert_cmpstr (bw_document_lookup_node (doc, g_ptr_array_index (added, 1))->zone, ==, "z3");
  /* One step: undo takes the parent link back with the copy. */
  g_assert_true (bw_history_undo (history));
  g_assert_null (bw_document_lookup_zone (doc, "z3"));

  /* The outer zone's copy overlaps its original and stays beside it, at the top level. */
  g_clear_pointer (&added, g_ptr_array_unref);
  added = bw_clipboard_paste (history, azure, BW_CLIPBOARD_OFFSET, BW_CLIPBOARD_OFFSET, &error);
  g_assert_no_error (error);
  g_assert_null (bw_document_lookup_zone (doc, g_ptr_array_index (added, 0))->parent);
  g_assert_cmpstr (bw_document_lookup_zone (doc, g_ptr_array_index (added, 1))->parent, ==,
                   g_ptr_array_index (added, 0));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/clipboard/copy", test_copy);
  g_test_add_func ("/clipboard/text", test_text);
  g_test_add_func ("/clipboard/paste", test_paste);
  g_test_add_func ("/clipboard/paste-placement", test_paste_placement);
  g_test_add_func ("/clipboard/paste-zone-placement", test_paste_zone_placement);
  return g_test_run ();
}
