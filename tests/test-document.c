/* test-document.c: the document model on its own — the checked mutators, the one `changed`
 * signal each emits, fresh ids, ids unique across kinds, and removals refused while in use. */
#include "config.h"

#include <math.h>

#include "bw-document-private.h"
#include "bw-test-util.h"

typedef struct
{
  guint        count;
  BwChangeType type;
  BwObjectType object;
  char        *id;
  guint        fields;
  char        *removed_label; /* read from the change during a REMOVE emission */
} Recorder;

static void
changed_cb (BwDocument *doc,
            BwChange   *change,
            Recorder   *rec)
{
  rec->count++;
  rec->type = change->type;
  rec->object = change->object;
  rec->fields = change->fields;
  g_free (rec->id);
  rec->id = g_strdup (change->id);
  if (change->type == BW_CHANGE_REMOVE && change->node != NULL)
    {
      g_free (rec->removed_label);
      rec->removed_label = g_strdup (change->node->label);
      /* Already gone from the document, still readable from the change. */
      g_assert_null (bw_document_lookup_node (doc, change->id));
    }
}

static void
recorder_reset (Recorder *rec)
{
  rec->count = 0;
  rec->fields = 0;
  g_clear_pointer (&rec->id, g_free);
}

static void
recorder_clear (Recorder *rec)
{
  recorder_reset (rec);
  g_clear_pointer (&rec->removed_label, g_free);
}

/* z1 ⊃ z2; n1 (asset) in z2, n2 (service) in z1, n3 at top level; e1 n2 → z1 protects,
 * e2 n1 → n3 telemetry. */
static BwDocument *
build (void)
{
  BwDocument *doc = bw_document_new ();

  g_assert_nonnull (bw_document_add_zone (doc, NULL, "zone.azure", "Azure", NULL, 0, 0, 800, 600, NULL));
  g_assert_nonnull (bw_document_add_zone (doc, NULL, "zone.vnet", "VNet", "z1", 20, 40, 400, 300, NULL));
  g_assert_nonnull (bw_document_add_node (doc, NULL, "azure.vm", "Web VM", "z2", 40, 80, NULL, NULL));
  g_assert_nonnull (bw_document_add_node (doc, NULL, "sec.defender-for-servers", "Defender", "z1", 500, 80,
                                          NULL, NULL));
  g_assert_nonnull (bw_document_add_node (doc, NULL, "mon.sentinel", "Sentinel", NULL, 900, 80, NULL, NULL));
  g_assert_nonnull (bw_document_add_edge (doc, NULL, BW_EDGE_PROTECTS, "n2", "z1", NULL));
  g_assert_nonnull (bw_document_add_edge (doc, NULL, BW_EDGE_TELEMETRY, "n1", "n3", NULL));
  return doc;
}

static void
test_defaults (void)
{
  g_autoptr(BwDocument) doc = bw_document_new ();

  g_assert_cmpstr (bw_document_get_title (doc), ==, "");
  g_assert_cmpstr (bw_document_get_attack_version (doc), ==, "18.1");
  g_assert_cmpfloat (bw_document_get_gap_threshold (doc), ==, 0.25);
  g_assert_nonnull (bw_document_get_threat_groups (doc));
  g_assert_null (bw_document_get_threat_groups (doc)[0]);
  g_assert_null (bw_document_get_threat_techniques (doc)[0]);
  g_assert_cmpuint (bw_document_get_n_zones (doc), ==, 0);
  g_assert_cmpuint (bw_document_get_n_nodes (doc), ==, 0);
  g_assert_cmpuint (bw_document_get_n_edges (doc), ==, 0);
  g_assert_null (bw_document_lookup_node (doc, "n1"));
  g_assert_null (bw_document_lookup_zone (doc, NULL));
}

static void
test_add_and_lookup (void)
{
  g_autoptr(BwDocument) doc = build ();
  const BwNode *node = bw_document_lookup_node (doc, "n1");
  const BwEdge *edge = bw_document_lookup_edge (doc, "e1");

  g_assert_cmpuint (bw_document_get_n_zones (doc), ==, 2);
  g_assert_cmpuint (bw_document_get_n_nodes (doc), ==, 3);
  g_assert_cmpuint (bw_document_get_n_edges (doc), ==, 2);
  g_assert_true (bw_document_get_node (doc, 0) == node);
  g_assert_cmpstr (node->kind, ==, "azure.vm");
  g_assert_cmpstr (node->zone, ==, "z2");
  g_assert_nonnull (node->props);
  g_assert_cmpuint (json_object_get_size (node->props), ==, 0);
  g_assert_cmpint (edge->kind, ==, BW_EDGE_PROTECTS);
  g_assert_cmpstr (edge->to, ==, "z1");
  /* Lookups are per kind. */
  g_assert_null (bw_document_lookup_zone (doc, "n1"));
  g_assert_null (bw_document_lookup_edge (doc, "z1"));
  g_assert_true (bw_document_zone_is_within (doc, "z2", "z1"));
  g_assert_true (bw_document_zone_is_within (doc, "z1", "z1"));
  g_assert_false (bw_document_zone_is_within (doc, "z1", "z2"));
}

static void
test_changed_once (void)
{
  g_autoptr(BwDocument) doc = build ();
  Recorder rec = { 0 };
  g_autoptr(JsonObject) props = json_object_new ();
  const char *groups[] = { "G0016", NULL };

  g_signal_connect (doc, "changed", G_CALLBACK (changed_cb), &rec);

  g_assert_nonnull (bw_document_add_node (doc, NULL, "azure.vm", "New", NULL, 1, 2, NULL, NULL));
  g_assert_cmpuint (rec.count, ==, 1);
  g_assert_cmpint (rec.type, ==, BW_CHANGE_ADD);
  g_assert_cmpint (rec.object, ==, BW_OBJECT_NODE);
  g_assert_cmpstr (rec.id, ==, "n4");
  recorder_reset (&rec);

  g_assert_true (bw_document_set_geometry (doc, "z2", 5, 6, 70, 80, NULL));
  g_assert_cmpuint (rec.count, ==, 1);
  g_assert_cmpint (rec.type, ==, BW_CHANGE_MODIFY);
  g_assert_cmpint (rec.object, ==, BW_OBJECT_ZONE);
  g_assert_cmpuint (rec.fields, ==, BW_FIELD_GEOMETRY);
  recorder_reset (&rec);

  g_assert_true (bw_document_set_label (doc, "n1", "App VM", NULL));
  g_assert_cmpuint (rec.count, ==, 1);
  g_assert_cmpuint (rec.fields, ==, BW_FIELD_LABEL);
  recorder_reset (&rec);

  g_assert_true (bw_document_set_parent (doc, "n1", "z1", NULL));
  g_assert_cmpuint (rec.count, ==, 1);
  g_assert_cmpuint (rec.fields, ==, BW_FIELD_PARENT);
  recorder_reset (&rec);

  json_object_set_string_member (props, "x-owner", "SecOps");
  g_assert_true (bw_document_set_props (doc, "n1", props, NULL));
  g_assert_cmpuint (rec.count, ==, 1);
  g_assert_cmpuint (rec.fields, ==, BW_FIELD_PROPS);
  recorder_reset (&rec);

  g_assert_true (bw_document_set_edge_kind (doc, "e2", BW_EDGE_FLOW, NULL));
  g_assert_cmpuint (rec.count, ==, 1);
  g_assert_cmpint (rec.object, ==, BW_OBJECT_EDGE);
  g_assert_cmpuint (rec.fields, ==, BW_FIELD_KIND);
  recorder_reset (&rec);

  bw_document_set_title (doc, "Contoso");
  g_assert_cmpuint (rec.count, ==, 1);
  g_assert_cmpint (rec.object, ==, BW_OBJECT_DOCUMENT);
  g_assert_cmpuint (rec.fields, ==, BW_FIELD_TITLE);
  recorder_reset (&rec);

  bw_document_set_gap_threshold (doc, 0.5);
  bw_document_set_threat_groups (doc, groups);
  g_assert_cmpuint (rec.count, ==, 2);
  g_assert_cmpuint (rec.fields, ==, BW_FIELD_SETTINGS);
  recorder_reset (&rec);

  g_assert_true (bw_document_remove (doc, "n4", NULL));
  g_assert_cmpuint (rec.count, ==, 1);
  g_assert_cmpint (rec.type, ==, BW_CHANGE_REMOVE);
  g_assert_cmpstr (rec.id, ==, "n4");
  g_assert_cmpstr (rec.removed_label, ==, "New");
  recorder_reset (&rec);

  /* Setting what is already there changes nothing and says nothing. */
  g_assert_true (bw_document_set_label (doc, "n1", "App VM", NULL));
  g_assert_true (bw_document_set_parent (doc, "n1", "z1", NULL));
  g_assert_true (bw_document_set_geometry (doc, "z2", 5, 6, 70, 80, NULL));
  g_assert_true (bw_document_set_edge_kind (doc, "e2", BW_EDGE_FLOW, NULL));
  bw_document_set_title (doc, "Contoso");
  bw_document_set_gap_threshold (doc, 0.5);
  bw_document_set_threat_groups (doc, groups);
  g_assert_cmpuint (rec.count, ==, 0);

  /* A refused edit says nothing either. */
  g_assert_false (bw_document_set_label (doc, "n99", "x", NULL));
  g_assert_null (bw_document_add_node (doc, "n1", "azure.vm", "dup", NULL, 0, 0, NULL, NULL));
  g_assert_cmpuint (rec.count, ==, 0);

  /* The loader's batch: one RESET at the end. */
  bw_document_begin_batch (doc);
  bw_document_add_node (doc, NULL, "azure.vm", "A", NULL, 0, 0, NULL, NULL);
  bw_document_add_node (doc, NULL, "azure.vm", "B", NULL, 0, 0, NULL, NULL);
  g_assert_cmpuint (rec.count, ==, 0);
  bw_document_end_batch (doc);
  g_assert_cmpuint (rec.count, ==, 1);
  g_assert_cmpint (rec.type, ==, BW_CHANGE_RESET);

  g_signal_handlers_disconnect_by_data (doc, &rec);
  recorder_clear (&rec);
}

static void
test_fresh_ids (void)
{
  g_autoptr(BwDocument) doc = build ();
  const BwNode *node;
  g_autofree char *fresh = NULL;

  /* N is one more than the largest in use. */
  g_assert_nonnull (bw_document_add_node (doc, "n41", "azure.vm", "Far", NULL, 0, 0, NULL, NULL));
  node = bw_document_add_node (doc, NULL, "azure.vm", "Next", NULL, 0, 0, NULL, NULL);
  g_assert_cmpstr (node->id, ==, "n42");
  /* Removing the largest lets its number be used again; removing a smaller one does not. */
  g_assert_true (bw_document_remove (doc, "n42", NULL));
  g_assert_true (bw_document_remove (doc, "n41", NULL));
  fresh = bw_document_new_id (doc, 'n');
  g_assert_cmpstr (fresh, ==, "n4");
  g_clear_pointer (&fresh, g_free);
  g_assert_true (bw_document_remove (doc, "e1", NULL));
  fresh = bw_document_new_id (doc, 'e');
  g_assert_cmpstr (fresh, ==, "e3");
  g_clear_pointer (&fresh, g_free);
  /* Other ids do not count, nor do numbers of another prefix. */
  g_assert_nonnull (bw_document_add_node (doc, "web-1", "azure.vm", "Web", NULL, 0, 0, NULL, NULL));
  g_assert_nonnull (bw_document_add_node (doc, "z77", "azure.vm", "Odd", NULL, 0, 0, NULL, NULL));
  fresh = bw_document_new_id (doc, 'n');
  g_assert_cmpstr (fresh, ==, "n4");
  g_clear_pointer (&fresh, g_free);
  fresh = bw_document_new_id (doc, 'z');
  g_assert_cmpstr (fresh, ==, "z78");
}

static void
test_ids_unique_across_kinds (void)
{
  g_autoptr(BwDocument) doc = build ();
  g_autoptr(GError) error = NULL;

  g_assert_null (bw_document_add_node (doc, "z1", "azure.vm", "Clash", NULL, 0, 0, NULL, &error));
  g_assert_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (bw_document_add_zone (doc, "e1", "zone.vnet", "Clash", NULL, 0, 0, 10, 10, &error));
  g_assert_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (bw_document_add_edge (doc, "n1", BW_EDGE_FLOW, "n1", "n3", &error));
  g_assert_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (bw_document_add_node (doc, "", "azure.vm", "Empty", NULL, 0, 0, NULL, &error));
  g_assert_nonnull (error);
}

static void
test_edge_ends (void)
{
  g_autoptr(BwDocument) doc = build ();
  g_autoptr(GError) error = NULL;

  /* protects may end at a zone; telemetry and flow may not. */
  g_assert_nonnull (bw_document_add_edge (doc, NULL, BW_EDGE_PROTECTS, "n2", "z2", NULL));
  g_assert_null (bw_document_add_edge (doc, NULL, BW_EDGE_TELEMETRY, "n1", "z2", &error));
  g_assert_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (bw_document_add_edge (doc, NULL, BW_EDGE_FLOW, "n1", "z1", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* An edge starts at a node, never at a zone. */
  g_assert_null (bw_document_add_edge (doc, NULL, BW_EDGE_PROTECTS, "z1", "n1", &error));
  g_assert_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (bw_document_add_edge (doc, NULL, BW_EDGE_FLOW, "n1", "n9", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (bw_document_add_edge (doc, NULL, BW_EDGE_FLOW, "n1", "n1", &error));
  g_assert_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (bw_document_add_edge (doc, NULL, (BwEdgeKind) 7, "n1", "n3", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* Changing a zone-ending protects edge into telemetry would leave it dangling. */
  g_assert_false (bw_document_set_edge_kind (doc, "e1", BW_EDGE_TELEMETRY, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (bw_document_lookup_edge (doc, "e1")->kind, ==, BW_EDGE_PROTECTS);
  g_assert_cmpuint (bw_document_get_n_edges (doc), ==, 3);
}

static void
test_remove_refused_while_used (void)
{
  g_autoptr(BwDocument) doc = build ();
  g_autoptr(GError) error = NULL;

  /* z1 holds z2 and n2, and e1 ends at it. */
  g_assert_false (bw_document_remove (doc, "z1", &error));
  g_assert_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_IN_USE);
  g_clear_error (&error);
  /* n1 has e2. */
  g_assert_false (bw_document_remove (doc, "n1", &error));
  g_assert_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_IN_USE);
  g_clear_error (&error);
  /* z2 holds n1. */
  g_assert_false (bw_document_remove (doc, "z2", &error));
  g_assert_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_IN_USE);
  g_clear_error (&error);
  g_assert_false (bw_document_remove (doc, "nothing", &error));
  g_assert_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (bw_document_get_n_zones (doc), ==, 2);
  g_assert_cmpuint (bw_document_get_n_nodes (doc), ==, 3);
  g_assert_cmpuint (bw_document_get_n_edges (doc), ==, 2);

  /* Dependants first, then it goes. */
  g_assert_true (bw_document_remove (doc, "e2", NULL));
  g_assert_true (bw_document_remove (doc, "n1", NULL));
  g_assert_true (bw_document_remove (doc, "z2", NULL));
  g_assert_true (bw_document_remove (doc, "e1", NULL));
  g_assert_true (bw_document_remove (doc, "n2", NULL));
  g_assert_true (bw_document_remove (doc, "z1", NULL));
  g_assert_cmpuint (bw_document_get_n_zones (doc), ==, 0);
  g_assert_null (bw_document_lookup_zone (doc, "z1"));
}

static void
test_insert_at_index (void)
{
  g_autoptr(BwDocument) doc = build ();
  BwNode template = { "n9", "azure.vm", "Middle", NULL, 0, 0, NULL };

  g_assert_nonnull (bw_document_insert_node (doc, &template, 1, NULL));
  g_assert_cmpstr (bw_document_get_node (doc, 1)->id, ==, "n9");
  g_assert_cmpstr (bw_document_get_node (doc, 2)->id, ==, "n2");
  g_assert_cmpint (bw_document_index_of (doc, "n9"), ==, 1);
  g_assert_cmpint (bw_document_index_of (doc, "n3"), ==, 3);
  g_assert_cmpint (bw_document_index_of (doc, "z2"), ==, 1);
  g_assert_cmpint (bw_document_index_of (doc, "e2"), ==, 1);
  g_assert_cmpint (bw_document_index_of (doc, "none"), ==, -1);
}

static void
test_checked_values (void)
{
  g_autoptr(BwDocument) doc = build ();
  g_autoptr(GError) error = NULL;
  g_autofree char *long_label = g_strnfill (BW_DOCUMENT_MAX_LABEL + 1, 'x');
  const BwZone *z2 = bw_document_lookup_zone (doc, "z2");

  /* Zones have a positive size; nothing lies further than 1e7 away; no NaN. */
  g_assert_false (bw_document_set_geometry (doc, "z2", 0, 0, 0, 10, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (bw_document_set_geometry (doc, "z2", 0, 0, 10, -1, &error));
  g_clear_error (&error);
  g_assert_false (bw_document_set_geometry (doc, "n1", 2e7, 0, 0, 0, &error));
  g_clear_error (&error);
  g_assert_false (bw_document_set_geometry (doc, "n1", NAN, 0, 0, 0, &error));
  g_clear_error (&error);
  g_assert_null (bw_document_add_zone (doc, NULL, "zone.vnet", "Huge", NULL, 0, 0, 1e8, 10, &error));
  g_clear_error (&error);
  g_assert_cmpfloat (z2->w, ==, 400);

  /* Kinds: lower-case letters, digits, dots and dashes. */
  g_assert_null (bw_document_add_node (doc, NULL, "Azure VM", "Bad", NULL, 0, 0, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (bw_document_add_node (doc, NULL, "", "Bad", NULL, 0, 0, NULL, &error));
  g_clear_error (&error);

  g_assert_false (bw_document_set_label (doc, "n1", long_label, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (bw_document_set_label (doc, "n1", "caf\xe9", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpstr (bw_document_lookup_node (doc, "n1")->label, ==, "Web VM");

  /* Parents: existing zones, no cycles. */
  g_assert_false (bw_document_set_parent (doc, "z1", "z2", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (bw_document_set_parent (doc, "z1", "z1", &error));
  g_clear_error (&error);
  g_assert_false (bw_document_set_parent (doc, "n1", "z9", &error));
  g_assert_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (bw_document_set_parent (doc, "z2", NULL, NULL));
  g_assert_true (bw_document_set_parent (doc, "z1", "z2", NULL));
  g_assert_true (bw_document_zone_is_within (doc, "z1", "z2"));

  /* The threshold stays within 0…1. */
  bw_document_set_gap_threshold (doc, 7);
  g_assert_cmpfloat (bw_document_get_gap_threshold (doc), ==, 1);
  bw_document_set_gap_threshold (doc, NAN);
  g_assert_cmpfloat (bw_document_get_gap_threshold (doc), ==, 1);
}

static void
test_props_copied (void)
{
  g_autoptr(BwDocument) doc = build ();
  g_autoptr(JsonObject) props = json_object_new ();
  JsonArray *disabled = json_array_new ();
  const BwNode *node;

  json_array_add_string_element (disabled, "alerts_for_windows_machines");
  json_object_set_array_member (props, "disabled_capabilities", disabled);
  node = bw_document_add_node (doc, NULL, "sec.defender-for-servers", "D2", NULL, 0, 0, props, NULL);
  g_assert_nonnull (node);
  /* The caller's object is copied, not shared. */
  json_object_set_string_member (props, "x-later", "not in the document");
  g_assert_false (json_object_has_member (node->props, "x-later"));
  g_assert_true (json_object_has_member (node->props, "disabled_capabilities"));

  g_assert_true (bw_document_set_props (doc, node->id, props, NULL));
  json_object_remove_member (props, "x-later");
  g_assert_true (json_object_has_member (node->props, "x-later"));
  /* NULL props are an empty object. */
  g_assert_true (bw_document_set_props (doc, node->id, NULL, NULL));
  g_assert_cmpuint (json_object_get_size (node->props), ==, 0);
}

static void
test_noncharacters_refused (void)
{
  /* The edges of each range: just outside is allowed, inside is found. */
  const struct { const char *text; gunichar found; } cases[] = {
    { "plain", 0 }, { "\uFDCF\uFDF0\uFFFD", 0 }, { "\U0001FFFD\U0010FFFD", 0 },
    { "a\uFDD0", 0xfdd0 }, { "\uFDEF", 0xfdef }, { "x\uFFFE", 0xfffe }, { "\uFFFF", 0xffff },
    { "\U0001FFFE", 0x1fffe }, { "\U000EFFFF", 0xeffff }, { "\U0010FFFF", 0x10ffff },
  };
  g_autoptr(BwDocument) doc = bw_document_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmphex (bw_text_find_noncharacter (cases[i].text), ==, cases[i].found);

  g_assert_null (bw_document_add_node (doc, "n1", "azure.vm", "a\uFFFE", NULL, 0, 0, NULL, &error));
  g_assert_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_nonnull (bw_document_add_node (doc, "n1", "azure.vm", "fine", NULL, 0, 0, NULL, &error));
  g_assert_false (bw_document_set_label (doc, "n1", "b\uFFFF", &error));
  g_assert_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_INVALID);
  g_assert_cmpstr (bw_document_lookup_node (doc, "n1")->label, ==, "fine");
}

/* Every node and zone gets a serial no record of the document had before, below the bound,
 * and an edge in the document knows the records its ends name. */
static void
test_serials (void)
{
  g_autoptr(BwDocument) doc = build ();
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  BwNode *copy = NULL;
  const BwEdge *into_zone = bw_document_lookup_edge (doc, "e1");
  const BwEdge *telemetry = bw_document_lookup_edge (doc, "e2");
  const BwNode *again;
  guint old_serial;

  for (guint i = 0; i < bw_document_get_n_zones (doc); i++)
    g_assert_true (
        g_hash_table_add (seen, GUINT_TO_POINTER (bw_document_get_zone (doc, i)->serial + 1)));
  for (guint i = 0; i < bw_document_get_n_nodes (doc); i++)
    g_assert_true (
        g_hash_table_add (seen, GUINT_TO_POINTER (bw_document_get_node (doc, i)->serial + 1)));
  g_assert_cmpuint (g_hash_table_size (seen), ==, 5);
  g_assert_cmpuint (bw_document_get_serial_bound (doc), >=, 5);

  g_assert_true (into_zone->from_node == bw_document_lookup_node (doc, "n2"));
  g_assert_null (into_zone->to_node);
  g_assert_true (into_zone->to_zone == bw_document_lookup_zone (doc, "z1"));
  g_assert_true (telemetry->from_node == bw_document_lookup_node (doc, "n1"));
  g_assert_true (telemetry->to_node == bw_document_lookup_node (doc, "n3"));
  g_assert_null (telemetry->to_zone);

  /* The same id again is another record: a serial of its own, above every one before. */
  old_serial = bw_document_lookup_node (doc, "n3")->serial;
  copy = bw_node_copy (bw_document_lookup_node (doc, "n3"));
  g_assert_true (bw_document_remove (doc, "e2", NULL));
  g_assert_true (bw_document_remove (doc, "n3", NULL));
  again = bw_document_insert_node (doc, copy, -1, NULL);
  bw_node_free (copy);
  g_assert_nonnull (again);
  g_assert_cmpuint (again->serial, !=, old_serial);
  g_assert_false (g_hash_table_contains (seen, GUINT_TO_POINTER (again->serial + 1)));
  g_assert_cmpuint (again->serial, <, bw_document_get_serial_bound (doc));
  g_assert_nonnull (bw_document_add_edge (doc, NULL, BW_EDGE_TELEMETRY, "n1", "n3", NULL));
  telemetry = bw_document_get_edge (doc, bw_document_get_n_edges (doc) - 1);
  g_assert_true (telemetry->to_node == again);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/document/defaults", test_defaults);
  g_test_add_func ("/document/add-and-lookup", test_add_and_lookup);
  g_test_add_func ("/document/changed-once", test_changed_once);
  g_test_add_func ("/document/fresh-ids", test_fresh_ids);
  g_test_add_func ("/document/ids-unique-across-kinds", test_ids_unique_across_kinds);
  g_test_add_func ("/document/edge-ends", test_edge_ends);
  g_test_add_func ("/document/serials", test_serials);
  g_test_add_func ("/document/remove-refused-while-used", test_remove_refused_while_used);
  g_test_add_func ("/document/insert-at-index", test_insert_at_index);
  g_test_add_func ("/document/checked-values", test_checked_values);
  g_test_add_func ("/document/props-copied", test_props_copied);
  g_test_add_func ("/document/noncharacters-refused", test_noncharacters_refused);
  return g_test_run ();
}
