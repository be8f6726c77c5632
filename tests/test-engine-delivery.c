/* test-engine-delivery.c: rules 10 (delivery along flows) and 11 (unprotected assets) of
 * DESIGN §4, each case with exact figures on the tiny catalog with initial access, and on the
 * sample with the shipped catalog; seeded random edits that add and remove flow edges, where
 * the incremental report must equal a full recompute after every edit. */
#include "config.h"

#include "bw-document-io.h"
#include "bw-engine.h"
#include "bw-history.h"
#include "bw-test-util.h"

static void
assert_technique (BwReport   *report,
                  BwCatalog  *catalog,
                  const char *id,
                  BwStatus    status,
                  int         protect,
                  int         detect,
                  guint       applicable_assets,
                  guint       covered_assets)
{
  const BwReportTechnique *t =
      bw_report_get_technique (report, bw_catalog_lookup_technique (catalog, id)->index);

  g_test_message ("%s: status %d p%d d%d %u/%u", id, t->status, t->protect, t->detect,
                  t->covered_assets, t->applicable_assets);
  g_assert_cmpint (t->status, ==, status);
  g_assert_cmpint (t->protect, ==, protect);
  g_assert_cmpint (t->detect, ==, detect);
  g_assert_cmpuint (t->applicable_assets, ==, applicable_assets);
  g_assert_cmpuint (t->covered_assets, ==, covered_assets);
}

static BwReport *
compute (BwCatalog         *catalog,
         const char *const *lines)
{
  g_autoptr(BwDocument) doc = bw_test_build_document (lines);

  return bw_engine_compute (catalog, doc);
}

/* The mail guard covers the mailbox (rule 1) and, for T6 alone, the Windows box its mail flows
 * to, which its applies_to does not admit. T7 has a second tactic and T2 is not initial access:
 * neither is delivered. */
static void
test_delivery (void)
{
  g_autoptr(BwCatalog) catalog = bw_test_delivery_catalog ();
  const char *lines[] = { "n1 mail -", "n2 win -", "n3 mdo -", "e1 protects n3 n1",
                          "e2 flow n1 n2", NULL };
  const char *without[] = { "n1 mail -", "n2 win -", "n3 mdo -", "e1 protects n3 n1", NULL };
  g_autoptr(BwReport) r = compute (catalog, lines);
  g_autoptr(BwReport) w = compute (catalog, without);
  const BwReportFigures *f = bw_report_get_summary (r);

  assert_technique (r, catalog, "T6", BW_STATUS_COVERED, 3, 0, 1, 1);
  assert_technique (r, catalog, "T7", BW_STATUS_GAP, 0, 0, 1, 0);
  assert_technique (r, catalog, "T2", BW_STATUS_GAP, 0, 0, 1, 0);
  /* The Windows box: T2, T3, T5, T6, T7; only T6 covered. */
  g_assert_cmpuint (f->applicable, ==, 5);
  g_assert_cmpuint (f->covered, ==, 1);
  g_assert_cmpuint (f->partial, ==, 0);
  g_assert_cmpuint (f->gap, ==, 4);
  g_assert_cmpfloat_with_epsilon (f->ratio, 0.2, 1e-12);
  assert_technique (w, catalog, "T6", BW_STATUS_GAP, 0, 0, 1, 0);
  g_assert_cmpfloat_with_epsilon (bw_report_get_summary (w)->ratio, 0.0, 1e-12);
}

/* Rule 1 through a zone on the source side counts; a flow from a service delivers
 * nothing; a disabled capability delivers nothing. */
static void
test_delivery_sources (void)
{
  g_autoptr(BwCatalog) catalog = bw_test_delivery_catalog ();
  const char *zone[] = { "z1 zone.a -", "n1 mail z1", "n2 win -", "n3 mdo -",
                         "e1 protects n3 z1", "e2 flow n1 n2", NULL };
  const char *from_service[] = { "n2 win -", "n3 mdo -", "n4 svc -", "e1 protects n4 n2",
                                 "e2 flow n3 n2", NULL };
  g_autoptr(BwReport) rz = compute (catalog, zone);
  g_autoptr(BwReport) rs = compute (catalog, from_service);
  g_autoptr(BwDocument) doc = NULL;
  g_autoptr(BwReport) rd = NULL;
  g_autoptr(JsonObject) props = json_object_new ();
  JsonArray *off = json_array_new ();
  const char *lines[] = { "n1 mail -", "n2 win -", "n3 mdo -", "e1 protects n3 n1",
                          "e2 flow n1 n2", NULL };

  assert_technique (rz, catalog, "T6", BW_STATUS_COVERED, 3, 0, 1, 1);
  assert_technique (rs, catalog, "T6", BW_STATUS_GAP, 0, 0, 1, 0);

  doc = bw_test_build_document (lines);
  json_array_add_string_element (off, "cap.mail");
  json_object_set_array_member (props, "disabled_capabilities", off);
  g_assert_true (bw_document_set_props (doc, "n3", props, NULL));
  rd = bw_engine_compute (catalog, doc);
  assert_technique (rd, catalog, "T6", BW_STATUS_GAP, 0, 0, 1, 0);
}

/* Coverage by delivery does not feed rule 2: the SIEM the guard sends telemetry to covers the
 * mailbox, not the Windows box; the box's own telemetry brings it. */
static void
test_delivery_no_siem (void)
{
  g_autoptr(BwCatalog) catalog = bw_test_delivery_catalog ();
  const char *lines[] = { "n1 mail -", "n2 win -", "n3 mdo -", "n4 siem -", "e1 protects n3 n1",
                          "e2 flow n1 n2", "e3 telemetry n3 n4", NULL };
  const char *own[] = { "n1 mail -", "n2 win -", "n3 mdo -", "n4 siem -", "e1 protects n3 n1",
                        "e2 flow n1 n2", "e3 telemetry n3 n4", "e4 telemetry n2 n4", NULL };
  g_autoptr(BwReport) r = compute (catalog, lines);
  g_autoptr(BwReport) o = compute (catalog, own);

  assert_technique (r, catalog, "T6", BW_STATUS_COVERED, 3, 0, 1, 1);
  assert_technique (r, catalog, "T2", BW_STATUS_GAP, 0, 0, 1, 0);
  assert_technique (o, catalog, "T6", BW_STATUS_COVERED, 3, 2, 1, 1);
  assert_technique (o, catalog, "T2", BW_STATUS_COVERED, 0, 2, 1, 1);
}

/* One hop: the Windows box covered by delivery passes nothing on to the Linux box it flows to;
 * the Linux box flowing straight from the mailbox is covered. */
static void
test_delivery_one_hop (void)
{
  g_autoptr(BwCatalog) catalog = bw_test_delivery_catalog ();
  const char *lines[] = { "n1 mail -", "n2 win -", "n5 lin -", "n3 mdo -", "e1 protects n3 n1",
                          "e2 flow n1 n2", "e3 flow n2 n5", NULL };
  const char *both[] = { "n1 mail -", "n2 win -", "n5 lin -", "n3 mdo -", "e1 protects n3 n1",
                         "e2 flow n1 n2", "e3 flow n1 n5", NULL };
  g_autoptr(BwReport) r = compute (catalog, lines);
  g_autoptr(BwReport) b = compute (catalog, both);

  assert_technique (r, catalog, "T6", BW_STATUS_PARTIAL, 0, 0, 2, 1);
  assert_technique (b, catalog, "T6", BW_STATUS_COVERED, 3, 0, 2, 2);
}

/* The canvas highlights and the per-asset services name the delivering service. */
static void
test_delivery_explain (void)
{
  g_autoptr(BwCatalog) catalog = bw_test_delivery_catalog ();
  const char *lines[] = { "n1 mail -", "n2 win -", "n3 mdo -", "n4 svc.win -",
                          "e1 protects n3 n1", "e2 flow n1 n2", "e3 protects n4 n2", NULL };
  g_autoptr(BwDocument) doc = bw_test_build_document (lines);
  g_autoptr(BwEngine) engine = bw_engine_new (catalog);
  g_autoptr(GHashTable) services = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) gaps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) delivering = NULL;
  g_autoptr(GPtrArray) covering = NULL;

  bw_engine_set_document (engine, doc);
  bw_engine_explain_technique (engine, bw_catalog_lookup_technique (catalog, "T6")->index,
                               services, gaps);
  g_assert_cmpuint (g_hash_table_size (services), ==, 1);
  g_assert_true (g_hash_table_contains (services, "n3"));
  g_assert_cmpuint (g_hash_table_size (gaps), ==, 0);
  g_hash_table_remove_all (services);
  bw_engine_explain_technique (engine, bw_catalog_lookup_technique (catalog, "T2")->index,
                               services, gaps);
  g_assert_cmpuint (g_hash_table_size (services), ==, 1);
  g_assert_true (g_hash_table_contains (services, "n4"));

  delivering = bw_engine_get_delivering (engine, "n2");
  g_assert_cmpuint (delivering->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (delivering, 0), ==, "n3");
  covering = bw_engine_get_covering (engine, "n2");
  g_assert_cmpuint (covering->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (covering, 0), ==, "n4");
  g_assert_true (bw_engine_is_delivery (engine, bw_catalog_lookup_technique (catalog, "T6")->index));
  g_assert_false (bw_engine_is_delivery (engine, bw_catalog_lookup_technique (catalog, "T7")->index));
  bw_engine_set_document (engine, NULL);
}

static BwDocument *
load_sample (void)
{
  g_autofree char *path = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  g_autoptr(GError) error = NULL;
  BwDocument *doc = bw_document_load_from_file (path, &error);

  g_assert_no_error (error);
  return doc;
}

/* The sample: Defender for Office 365 and Exchange Online Protection on the mailboxes guard the
 * workstations and virtual desktops the mail flows to against Spearphishing Attachment, which
 * is a gap without the flows; Valid Accounts (T1078) has other tactics and does not move. */
static void
test_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalog) catalog = bw_catalog_load_default (&error);
  g_autoptr(BwDocument) doc = load_sample ();
  g_autoptr(BwReport) with = NULL;
  g_autoptr(BwReport) without = NULL;
  g_autoptr(BwEngine) engine = NULL;
  g_autoptr(GHashTable) services = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) gaps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const BwTechnique *spear;
  const BwReportTechnique *a, *b;

  g_assert_no_error (error);
  spear = bw_catalog_lookup_technique (catalog, "T1566.001");
  with = bw_engine_compute (catalog, doc);
  assert_technique (with, catalog, "T1566.001", BW_STATUS_PARTIAL, 0, 0, 14, 2);

  engine = bw_engine_new (catalog);
  bw_engine_set_document (engine, doc);
  g_assert_true (bw_engine_is_delivery (engine, spear->index));
  g_assert_false (bw_engine_is_delivery (engine,
                                         bw_catalog_lookup_technique (catalog, "T1078")->index));
  bw_engine_explain_technique (engine, spear->index, services, gaps);
  g_assert_true (g_hash_table_contains (services, "n25"));   /* Defender for Office 365 */
  g_assert_false (g_hash_table_contains (gaps, "n8"));       /* the workstations */
  g_assert_false (g_hash_table_contains (gaps, "n42"));      /* the virtual desktops */
  bw_engine_set_document (engine, NULL);

  /* Without the flows out of Microsoft 365, nothing reaches the workstations. */
  for (guint i = bw_document_get_n_edges (doc); i-- > 0;)
    {
      const BwEdge *e = bw_document_get_edge (doc, i);
      g_autofree char *id = g_strdup (e->id);

      if (e->kind == BW_EDGE_FLOW && g_str_has_prefix (bw_document_lookup_node (doc, e->from)->kind,
                                                       "m365."))
        g_assert_true (bw_document_remove (doc, id, NULL));
    }
  without = bw_engine_compute (catalog, doc);
  assert_technique (without, catalog, "T1566.001", BW_STATUS_GAP, 0, 0, 14, 0);
  a = bw_report_get_technique (with, bw_catalog_lookup_technique (catalog, "T1078")->index);
  b = bw_report_get_technique (without, bw_catalog_lookup_technique (catalog, "T1078")->index);
  g_assert_cmpint (a->status, ==, b->status);
  g_assert_cmpuint (a->covered_assets, ==, b->covered_assets);
  g_assert_cmpuint (a->partial_assets, ==, b->partial_assets);
}

/* Random edits that add and remove flow edges (and everything else that changes a source's
 * rule-1 cover); after each, the engine that followed the document incrementally must report
 * exactly what a recompute from scratch does. */
static void
test_incremental_equals_full (void)
{
  g_autoptr(BwCatalog) catalog = bw_test_delivery_catalog ();
  static const char *const kinds[] = { "mail", "mail", "win", "lin", "web", "mdo", "svc",
                                       "svc.win", "siem", "col" };
  guint checks = 0, delivered = 0;

  for (guint seed = 1; seed <= 30; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(BwDocument) doc = bw_document_new ();
      g_autoptr(BwHistory) history = bw_history_new (doc);
      g_autoptr(BwEngine) engine = bw_engine_new (catalog);

      bw_engine_set_document (engine, doc);
      for (guint step = 0; step < 150; step++)
        {
          guint nz = bw_document_get_n_zones (doc);
          guint nn = bw_document_get_n_nodes (doc);
          guint ne = bw_document_get_n_edges (doc);
          const char *zone = nz ? bw_document_get_zone (doc, g_rand_int_range (rand, 0, nz))->id
                                : NULL;
          const char *node = nn ? bw_document_get_node (doc, g_rand_int_range (rand, 0, nn))->id
                                : NULL;
          const char *other = nn ? bw_document_get_node (doc, g_rand_int_range (rand, 0, nn))->id
                                 : NULL;
          g_autofree char *made = NULL;
          g_autofree char *live = NULL;
          g_autofree char *full_json = NULL;
          g_autoptr(BwReport) full = NULL;

          switch (g_rand_int_range (rand, 0, 10))
            {
            case 0:
              made = bw_history_add_zone (history, "zone.a", "Z", g_rand_boolean (rand) ? zone : NULL,
                                          0, 0, 100, 100, NULL);
              break;
            case 1:
              made = bw_history_add_node (history,
                                          kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))],
                                          "N", g_rand_boolean (rand) ? zone : NULL, 0, 0, NULL);
              break;
            case 2:
            case 3:
              /* Flow edges most of all. */
              if (node && other)
                made = bw_history_connect (history, BW_EDGE_FLOW, node, other, NULL);
              break;
            case 4:
              if (node && (other || zone))
                made = bw_history_connect (history, (BwEdgeKind) g_rand_int_range (rand, 0, 3),
                                           node, g_rand_boolean (rand) && zone ? zone : other,
                                           NULL);
              break;
            case 5:
              {
                const char *victim =
                    ne && g_rand_int_range (rand, 0, 4) > 0
                        ? bw_document_get_edge (doc, g_rand_int_range (rand, 0, ne))->id
                    : g_rand_boolean (rand) ? zone
                                            : node;
                const char *ids[] = { victim, NULL };

                if (victim)
                  bw_history_remove (history, ids, NULL);
              }
              break;
            case 6:
              if (node)
                bw_history_set_parent (history, node, g_rand_boolean (rand) ? zone : NULL, 0, NULL);
              else if (zone && nz > 1)
                bw_history_set_parent (
                    history, zone, bw_document_get_zone (doc, g_rand_int_range (rand, 0, nz))->id,
                    0, NULL);
              break;
            case 7:
              if (node)
                {
                  g_autoptr(JsonObject) props = json_object_new ();
                  JsonArray *list = json_array_new ();

                  if (g_rand_boolean (rand))
                    json_array_add_string_element (list, g_rand_boolean (rand) ? "cap.mail"
                                                                               : "cap.full");
                  json_object_set_array_member (props, "disabled_capabilities", list);
                  bw_history_set_props (history, node, props, NULL);
                }
              break;
            case 8:
              if (ne)
                bw_history_set_edge_kind (
                    history, bw_document_get_edge (doc, g_rand_int_range (rand, 0, ne))->id,
                    (BwEdgeKind) g_rand_int_range (rand, 0, 3), NULL);
              break;
            case 9:
              /* A guard on a mailbox (or on its zone): what its flows deliver. */
              {
                const char *guard = NULL, *box = NULL;

                for (guint i = g_rand_int_range (rand, 0, nn + 1); i < nn; i++)
                  {
                    const BwNode *n = bw_document_get_node (doc, i);

                    if (guard == NULL && g_str_equal (n->kind, "mdo"))
                      guard = n->id;
                    if (box == NULL && g_str_equal (n->kind, "mail"))
                      box = g_rand_boolean (rand) && n->zone ? n->zone : n->id;
                  }
                if (guard && box)
                  made = bw_history_connect (history, BW_EDGE_PROTECTS, guard, box, NULL);
              }
              break;
            default:
              g_assert_not_reached ();
            }
          if (g_rand_int_range (rand, 0, 8) == 0)
            bw_history_undo (history);

          live = bw_report_to_json (bw_engine_get_report (engine), catalog, NULL);
          full = bw_engine_compute (catalog, doc);
          full_json = bw_report_to_json (full, catalog, NULL);
          if (g_strcmp0 (live, full_json) != 0)
            g_error ("seed %u, step %u: incremental report differs from a full recompute\n%s\n---\n%s",
                     seed, step, live, full_json);
          checks++;
          for (guint i = 0; i < bw_document_get_n_nodes (doc); i++)
            {
              g_autoptr(GPtrArray) d =
                  bw_engine_get_delivering (engine, bw_document_get_node (doc, i)->id);

              if (d->len > 0)
                {
                  delivered++;
                  break;
                }
            }
        }
    }
  g_assert_cmpuint (checks, ==, 30 * 150);
  /* The edits do reach rule 10: some asset is covered by delivery in many of the states. */
  g_test_message ("delivery in %u of %u states", delivered, checks);
  g_assert_cmpuint (delivered, >, checks / 20);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/delivery/flow", test_delivery);
  g_test_add_func ("/engine/delivery/sources", test_delivery_sources);
  g_test_add_func ("/engine/delivery/no-siem", test_delivery_no_siem);
  g_test_add_func ("/engine/delivery/one-hop", test_delivery_one_hop);
  g_test_add_func ("/engine/delivery/explain", test_delivery_explain);
  g_test_add_func ("/engine/delivery/sample", test_sample);
  g_test_add_func ("/engine/delivery/incremental-equals-full", test_incremental_equals_full);
  return g_test_run ();
}
