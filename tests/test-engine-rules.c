/* test-engine-rules.c: one small hand-built scenario per rule of DESIGN §4, each asserting
 * exact figures, on a tiny catalog made for the purpose; and seeded random edit sequences where
 * the incremental report must equal a full recompute after every edit. */
#include "config.h"

#include "bw-catalog-private.h"
#include "bw-document-io.h"
#include "bw-engine.h"
#include "bw-history.h"
#include "bw-test-util.h"


static const BwReportTechnique *
technique (BwReport   *report,
           BwCatalog  *catalog,
           const char *id)
{
  return bw_report_get_technique (report, bw_catalog_lookup_technique (catalog, id)->index);
}

static void
assert_figures (const BwReportFigures *f,
                guint                  applicable,
                guint                  covered,
                guint                  partial,
                guint                  gap,
                double                 ratio)
{
  g_assert_cmpuint (f->applicable, ==, applicable);
  g_assert_cmpuint (f->covered, ==, covered);
  g_assert_cmpuint (f->partial, ==, partial);
  g_assert_cmpuint (f->gap, ==, gap);
  g_assert_cmpfloat_with_epsilon (f->ratio, ratio, 1e-12);
}

static void
assert_technique (BwReport   *report,
                  BwCatalog  *catalog,
                  const char *id,
                  BwStatus    status,
                  int         protect,
                  int         detect,
                  int         respond,
                  guint       applicable_assets,
                  guint       covered_assets)
{
  const BwReportTechnique *t = technique (report, catalog, id);

  g_test_message ("%s: status %d p%d d%d r%d %u/%u", id, t->status, t->protect, t->detect,
                  t->respond, t->covered_assets, t->applicable_assets);
  g_assert_cmpint (t->status, ==, status);
  g_assert_cmpint (t->protect, ==, protect);
  g_assert_cmpint (t->detect, ==, detect);
  g_assert_cmpint (t->respond, ==, respond);
  g_assert_cmpuint (t->applicable_assets, ==, applicable_assets);
  g_assert_cmpuint (t->covered_assets, ==, covered_assets);
}

/* Rule 1 through nested zones: a service on the outer zone covers an asset in the inner one. */
static void
test_zone_nesting (void)
{
  g_autoptr(BwCatalog) catalog = bw_test_tiny_catalog ();
  const char *lines[] = { "z1 zone.a -", "z2 zone.a z1", "z3 zone.a z2", "n1 win z3", "n2 svc -",
                          "e1 protects n2 z1", NULL };
  g_autoptr(BwDocument) doc = bw_test_build_document (lines);
  g_autoptr(BwReport) r = bw_engine_compute (catalog, doc);

  /* Windows: T2 (protect 3), T3 (protect 3 from extra, detect 2), T5 (protect 1). */
  assert_technique (r, catalog, "T2", BW_STATUS_COVERED, 3, 0, 0, 1, 1);
  assert_technique (r, catalog, "T3", BW_STATUS_COVERED, 3, 2, 0, 1, 1);
  assert_technique (r, catalog, "T5", BW_STATUS_PARTIAL, 1, 0, 0, 1, 0);
  assert_technique (r, catalog, "T1", BW_STATUS_NOT_APPLICABLE, 0, 0, 0, 0, 0);
  assert_figures (bw_report_get_summary (r), 3, 2, 1, 0, 2.5 / 3);
  g_assert_cmpuint (bw_report_get_n_asset_nodes (r), ==, 1);
  g_assert_cmpuint (bw_report_get_n_service_nodes (r), ==, 1);
}

/* Rule 1: applies_to refuses an asset kind it does not list. */
static void
test_applies_to (void)
{
  g_autoptr(BwCatalog) catalog = bw_test_tiny_catalog ();
  const char *lines[] = { "z1 zone.a -", "n1 win z1", "n2 lin z1", "n3 svc.win -",
                          "e1 protects n3 z1", NULL };
  g_autoptr(BwDocument) doc = bw_test_build_document (lines);
  g_autoptr(BwReport) r = bw_engine_compute (catalog, doc);

  /* The Linux box gets nothing: T4 (Linux only) is a gap, respond does not count anyway. */
  assert_technique (r, catalog, "T4", BW_STATUS_GAP, 0, 0, 0, 1, 0);
  /* T5 applies to both; n1 has minimal, n2 none: partial, min protect 0. */
  assert_technique (r, catalog, "T5", BW_STATUS_PARTIAL, 0, 0, 0, 2, 0);
  assert_technique (r, catalog, "T2", BW_STATUS_COVERED, 3, 0, 0, 1, 1);
}

/* Rule 2: a SIEM covers through collectors only, or directly. */
static void
test_siem_through_collector (void)
{
  g_autoptr(BwCatalog) catalog = bw_test_tiny_catalog ();
  const char *via_collector[] = { "n1 lin -", "n2 col -", "n3 col -", "n4 siem -",
                                  "e1 telemetry n1 n2", "e2 telemetry n2 n3", "e3 telemetry n3 n4", NULL };
  const char *via_service[] = { "n1 lin -", "n2 svc -", "n4 siem -", "e1 telemetry n1 n2",
                                "e2 telemetry n2 n4", NULL };
  const char *direct[] = { "n1 lin -", "n4 siem -", "e1 telemetry n1 n4", NULL };
  g_autoptr(BwDocument) a = bw_test_build_document (via_collector);
  g_autoptr(BwDocument) b = bw_test_build_document (via_service);
  g_autoptr(BwDocument) c = bw_test_build_document (direct);
  g_autoptr(BwReport) ra = bw_engine_compute (catalog, a);
  g_autoptr(BwReport) rb = bw_engine_compute (catalog, b);
  g_autoptr(BwReport) rc = bw_engine_compute (catalog, c);

  assert_technique (ra, catalog, "T4", BW_STATUS_COVERED, 0, 2, 0, 1, 1);
  /* Through a service that does not cover the asset: telemetry does not pass a non-collector. */
  assert_technique (rb, catalog, "T4", BW_STATUS_GAP, 0, 0, 0, 1, 0);
  assert_technique (rc, catalog, "T4", BW_STATUS_COVERED, 0, 2, 0, 1, 1);
}

/* Rule 2: a SIEM covers what a covering service sends it telemetry for. */
static void
test_siem_through_covering_service (void)
{
  g_autoptr(BwCatalog) catalog = bw_test_tiny_catalog ();
  const char *lines[] = { "n1 lin -", "n2 svc -", "n3 col -", "n4 siem -", "e1 protects n2 n1",
                          "e2 telemetry n2 n3", "e3 telemetry n3 n4", NULL };
  g_autoptr(BwDocument) doc = bw_test_build_document (lines);
  g_autoptr(BwReport) r = bw_engine_compute (catalog, doc);

  /* T4: svc gives respond 3 only; the SIEM adds detect 2. */
  assert_technique (r, catalog, "T4", BW_STATUS_COVERED, 0, 2, 3, 1, 1);
  g_assert_cmpuint (bw_report_get_n_service_nodes (r), ==, 2);
}

/* Rule 1 with props.disabled_capabilities. */
static void
test_disabled_capability (void)
{
  g_autoptr(BwCatalog) catalog = bw_test_tiny_catalog ();
  const char *lines[] = { "n1 win -", "n2 svc -", "e1 protects n2 n1", NULL };
  g_autoptr(BwDocument) doc = bw_test_build_document (lines);
  g_autoptr(JsonObject) props = json_object_new ();
  JsonArray *disabled = json_array_new ();
  g_autoptr(BwReport) before = bw_engine_compute (catalog, doc);
  g_autoptr(BwReport) after = NULL;

  assert_technique (before, catalog, "T3", BW_STATUS_COVERED, 3, 2, 0, 1, 1);
  json_array_add_string_element (disabled, "cap.extra");
  json_object_set_array_member (props, "disabled_capabilities", disabled);
  g_assert_true (bw_document_set_props (doc, "n2", props, NULL));
  after = bw_engine_compute (catalog, doc);
  assert_technique (after, catalog, "T3", BW_STATUS_COVERED, 0, 2, 0, 1, 1);
  assert_technique (after, catalog, "T2", BW_STATUS_COVERED, 3, 0, 0, 1, 1);
}

/* Rule 3 with props.platforms overriding the stencil's. */
static void
test_platform_override (void)
{
  g_autoptr(BwCatalog) catalog = bw_test_tiny_catalog ();
  const char *lines[] = { "n1 win -", NULL };
  g_autoptr(BwDocument) doc = bw_test_build_document (lines);
  g_autoptr(JsonObject) props = json_object_new ();
  JsonArray *platforms = json_array_new ();
  g_autoptr(BwReport) r = NULL;

  json_array_add_string_element (platforms, "Linux");
  json_object_set_array_member (props, "platforms", platforms);
  g_assert_true (bw_document_set_props (doc, "n1", props, NULL));
  r = bw_engine_compute (catalog, doc);
  assert_technique (r, catalog, "T2", BW_STATUS_NOT_APPLICABLE, 0, 0, 0, 0, 0);
  assert_technique (r, catalog, "T4", BW_STATUS_GAP, 0, 0, 0, 1, 0);
  assert_figures (bw_report_get_summary (r), 2, 0, 0, 2, 0);
}

/* Rule 5: the weakest asset decides; figures are minimums. */
static void
test_weakest_link (void)
{
  g_autoptr(BwCatalog) catalog = bw_test_tiny_catalog ();
  const char *lines[] = { "n1 win -", "n2 win -", "n3 svc -", "e1 protects n3 n1", NULL };
  g_autoptr(BwDocument) doc = bw_test_build_document (lines);
  g_autoptr(BwReport) r = bw_engine_compute (catalog, doc);
  const BwReportAsset *a1 = bw_report_get_asset (r, 0);
  const BwReportAsset *a2 = bw_report_get_asset (r, 1);

  assert_technique (r, catalog, "T2", BW_STATUS_PARTIAL, 0, 0, 0, 2, 1);
  assert_technique (r, catalog, "T3", BW_STATUS_PARTIAL, 0, 0, 0, 2, 1);
  /* Per asset (rule 8): n1 covers T2, T3 and T5 partially; n2 nothing. */
  g_assert_cmpstr (a1->id, ==, "n1");
  g_assert_cmpuint (a1->applicable, ==, 3);
  g_assert_cmpuint (a1->covered, ==, 2);
  g_assert_cmpuint (a1->partial, ==, 1);
  g_assert_cmpuint (a1->gap, ==, 0);
  g_assert_cmpuint (a2->covered + a2->partial, ==, 0);
  g_assert_cmpuint (a2->gap, ==, 3);
}

/* Rule 4: respond never counts toward best. */
static void
test_respond_not_best (void)
{
  g_autoptr(BwCatalog) catalog = bw_test_tiny_catalog ();
  const char *lines[] = { "n1 lin -", "n2 svc -", "e1 protects n2 n1", NULL };
  g_autoptr(BwDocument) doc = bw_test_build_document (lines);
  g_autoptr(BwReport) r = bw_engine_compute (catalog, doc);

  assert_technique (r, catalog, "T4", BW_STATUS_GAP, 0, 0, 3, 1, 0);
}

/* Rules 6 and 7: a technique under two tactics counts in both tactics and once in their phase;
 * the gap threshold decides is_gap. */
static void
test_tactics_phases_threshold (void)
{
  g_autoptr(BwCatalog) catalog = bw_test_tiny_catalog ();
  const char *lines[] = { "n1 win -", "n2 svc -", "e1 protects n2 n1", NULL };
  g_autoptr(BwDocument) doc = bw_test_build_document (lines);
  g_autoptr(BwReport) r = bw_engine_compute (catalog, doc);
  g_autoptr(BwReport) strict = NULL;

  /* Windows: T2 covered; T3 covered (persist + evade); T5 partial (persist). */
  assert_figures (bw_report_get_tactic (r, 1), 1, 1, 0, 0, 1.0);          /* exec */
  assert_figures (bw_report_get_tactic (r, 2), 2, 1, 1, 0, 0.75);         /* persist: T3, T5 */
  assert_figures (bw_report_get_tactic (r, 3), 1, 1, 0, 0, 1.0);          /* evade: T3 */
  assert_figures (bw_report_get_phase (r, 2), 2, 1, 1, 0, 0.75); /* installation: T3 once */
  assert_figures (bw_report_get_phase (r, 0), 0, 0, 0, 0, 0);             /* recon: none */
  g_assert_false (bw_report_get_phase_is_gap (r, 0)); /* nothing applicable is no gap */
  g_assert_false (bw_report_get_phase_is_gap (r, 2));

  bw_document_set_gap_threshold (doc, 0.8);
  strict = bw_engine_compute (catalog, doc);
  g_assert_true (bw_report_get_phase_is_gap (strict, 2));
  g_assert_false (bw_report_get_phase_is_gap (strict, 1));
}

/* Rule 9: figures restricted to the named groups' techniques; unknown groups ignored. */
static void
test_threat_profile (void)
{
  g_autoptr(BwCatalog) catalog = bw_test_tiny_catalog ();
  const char *lines[] = { "n1 win -", "n2 lin -", "n3 svc -", "e1 protects n3 n1", NULL };
  const char *groups[] = { "G1", "G2", "G404", NULL };
  g_autoptr(BwDocument) doc = bw_test_build_document (lines);
  g_autoptr(BwReport) r = NULL;
  g_autofree char *json = NULL;

  bw_document_set_threat_groups (doc, groups);
  r = bw_engine_compute (catalog, doc);
  g_assert_true (bw_report_has_profile (r));
  /* Profile: T2 (covered), T3 (covered), T4 (gap on the Linux box). */
  assert_figures (bw_report_get_profile_summary (r), 3, 2, 0, 1, 2.0 / 3);
  assert_figures (bw_report_get_profile_tactic (r, 3), 2, 1, 0, 1, 0.5); /* evade: T3, T4 */
  assert_figures (bw_report_get_profile_phase (r, 2), 2, 1, 0, 1, 0.5);
  g_assert_cmpstr (bw_report_get_unknown_groups (r)[0], ==, "G404");
  g_assert_null (bw_report_get_unknown_groups (r)[1]);
  /* The overall figures still cover everything applicable: T2, T3, T4, T5. */
  assert_figures (bw_report_get_summary (r), 4, 2, 1, 1, 2.5 / 4);
  json = bw_report_to_json (r, catalog, NULL);
  g_assert_nonnull (strstr (json, "\n  \"profile\": {\n    \"summary\": {"));
}

/* Rule 9 with a focus imported from a Navigator layer: its techniques join the groups'. */
static void
test_threat_focus_techniques (void)
{
  g_autoptr(BwCatalog) catalog = bw_test_tiny_catalog ();
  const char *lines[] = { "n1 win -", "n2 lin -", "n3 svc -", "e1 protects n3 n1", NULL };
  const char *focus[] = { "T4", "T5", "T404", NULL };
  const char *groups[] = { "G1", NULL };
  g_autoptr(BwDocument) doc = bw_test_build_document (lines);
  g_autoptr(BwReport) r = NULL;
  g_autoptr(BwReport) both = NULL;

  bw_document_set_threat_techniques (doc, focus);
  r = bw_engine_compute (catalog, doc);
  g_assert_true (bw_report_has_profile (r));
  /* T4 gap (Linux box uncovered), T5 partial (minimal on n1, nothing on n2). */
  assert_figures (bw_report_get_profile_summary (r), 2, 0, 1, 1, 0.25);
  g_assert_true (bw_report_in_profile (r, bw_catalog_lookup_technique (catalog, "T4")->index));
  g_assert_false (bw_report_in_profile (r, bw_catalog_lookup_technique (catalog, "T2")->index));

  bw_document_set_threat_groups (doc, groups);
  both = bw_engine_compute (catalog, doc);
  assert_figures (bw_report_get_profile_summary (both), 3, 1, 1, 1, 0.5);
}

/* Unknown kinds take no part and are listed. */
static void
test_unknown_kind (void)
{
  g_autoptr(BwCatalog) catalog = bw_test_tiny_catalog ();
  const char *lines[] = { "n1 win -", "n2 toaster -", NULL };
  g_autoptr(BwDocument) doc = bw_test_build_document (lines);
  g_autoptr(BwReport) r = bw_engine_compute (catalog, doc);

  g_assert_cmpuint (bw_report_get_n_asset_nodes (r), ==, 1);
  g_assert_cmpstr (bw_report_get_unknown_nodes (r)[0], ==, "n2");
}

/* The JSON of §5, byte for byte, for a one-asset document. */
static void
test_json_shape (void)
{
  g_autoptr(BwCatalog) catalog = bw_test_tiny_catalog ();
  const char *lines[] = { "n1 lin -", NULL };
  g_autoptr(BwDocument) doc = bw_test_build_document (lines);
  g_autoptr(BwReport) r = bw_engine_compute (catalog, doc);
  g_autofree char *json = bw_report_to_json (r, catalog, NULL);

  g_assert_cmpstr (json, ==,
    "{\n"
    "  \"format\": \"bulwark-report\",\n"
    "  \"version\": 1,\n"
    "  \"attack_version\": \"99.0\",\n"
    "  \"summary\": {\n"
    "    \"assets\": 1,\n"
    "    \"services\": 0,\n"
    "    \"applicable\": 2,\n"
    "    \"covered\": 0,\n"
    "    \"partial\": 0,\n"
    "    \"gap\": 2,\n"
    "    \"ratio\": 0.0,\n"
    "    \"unprotected\": 1\n"
    "  },\n"
    "  \"tactics\": [\n"
    "    {\n      \"id\": \"TA1\",\n      \"shortname\": \"recon\",\n      \"name\": \"Recon\",\n"
    "      \"applicable\": 0,\n      \"covered\": 0,\n      \"partial\": 0,\n      \"gap\": 0,\n      \"ratio\": 0.0\n    },\n"
    "    {\n      \"id\": \"TA2\",\n      \"shortname\": \"exec\",\n      \"name\": \"Exec\",\n"
    "      \"applicable\": 0,\n      \"covered\": 0,\n      \"partial\": 0,\n      \"gap\": 0,\n      \"ratio\": 0.0\n    },\n"
    "    {\n      \"id\": \"TA3\",\n      \"shortname\": \"persist\",\n      \"name\": \"Persist\",\n"
    "      \"applicable\": 1,\n      \"covered\": 0,\n      \"partial\": 0,\n      \"gap\": 1,\n      \"ratio\": 0.0\n    },\n"
    "    {\n      \"id\": \"TA4\",\n      \"shortname\": \"evade\",\n      \"name\": \"Evade\",\n"
    "      \"applicable\": 1,\n      \"covered\": 0,\n      \"partial\": 0,\n      \"gap\": 1,\n      \"ratio\": 0.0\n    }\n"
    "  ],\n"
    "  \"kill_chain\": [\n"
    "    {\n      \"id\": \"reconnaissance\",\n      \"name\": \"Reconnaissance\",\n      \"tactics\": [\"recon\"],\n"
    "      \"applicable\": 0,\n      \"covered\": 0,\n      \"partial\": 0,\n      \"gap\": 0,\n      \"ratio\": 0.0,\n      \"is_gap\": false\n    },\n"
    "    {\n      \"id\": \"exploitation\",\n      \"name\": \"Exploitation\",\n      \"tactics\": [\"exec\"],\n"
    "      \"applicable\": 0,\n      \"covered\": 0,\n      \"partial\": 0,\n      \"gap\": 0,\n      \"ratio\": 0.0,\n      \"is_gap\": false\n    },\n"
    "    {\n      \"id\": \"installation\",\n      \"name\": \"Installation\",\n      \"tactics\": [\"persist\", \"evade\"],\n"
    "      \"applicable\": 2,\n      \"covered\": 0,\n      \"partial\": 0,\n      \"gap\": 2,\n      \"ratio\": 0.0,\n      \"is_gap\": true\n    }\n"
    "  ],\n"
    "  \"techniques\": [\n"
    "    { \"id\": \"T4\", \"status\": \"gap\", \"protect\": 0, \"detect\": 0, \"respond\": 0, \"applicable_assets\": 1, \"covered_assets\": 0 },\n"
    "    { \"id\": \"T5\", \"status\": \"gap\", \"protect\": 0, \"detect\": 0, \"respond\": 0, \"applicable_assets\": 1, \"covered_assets\": 0 }\n"
    "  ],\n"
    "  \"assets\": [\n"
    "    { \"id\": \"n1\", \"applicable\": 2, \"covered\": 0, \"partial\": 0, \"gap\": 2, \"unprotected\": true }\n"
    "  ]\n"
    "}\n");
}

/* Random edits through every command; after each one, the engine that followed the document
 * incrementally must report exactly what a recompute from scratch does. */
static void
test_incremental_equals_full (void)
{
  g_autoptr(BwCatalog) catalog = bw_test_tiny_catalog ();
  static const char *const kinds[] = { "win", "lin", "web", "svc", "svc.win", "siem", "col", "toaster" };
  guint checks = 0;

  for (guint seed = 1; seed <= 30; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(BwDocument) doc = bw_document_new ();
      g_autoptr(BwHistory) history = bw_history_new (doc);
      g_autoptr(BwEngine) engine = bw_engine_new (catalog);

      bw_engine_set_document (engine, doc);
      for (guint step = 0; step < 160; step++)
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

          switch (g_rand_int_range (rand, 0, 11))
            {
            case 0:
              made = bw_history_add_zone (history, "zone.a", "Z", g_rand_boolean (rand) ? zone : NULL,
                                          0, 0, 100, 100, NULL);
              break;
            case 1:
            case 2:
              made = bw_history_add_node (history,
                                          kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))],
                                          "N", g_rand_boolean (rand) ? zone : NULL, 0, 0, NULL);
              break;
            case 3:
            case 4:
              if (node && (other || zone))
                made = bw_history_connect (history, (BwEdgeKind) g_rand_int_range (rand, 0, 3),
                                           node, g_rand_boolean (rand) && zone ? zone : other,
                                           NULL);
              break;
            case 5:
              {
                const char *victim =
                    g_rand_boolean (rand) && ne
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
              else if (zone)
                bw_history_set_parent (history, zone, NULL, 0, NULL);
              break;
            case 7:
              if (zone && nz > 1)
                bw_history_set_parent (
                    history, zone, bw_document_get_zone (doc, g_rand_int_range (rand, 0, nz))->id,
                    0, NULL);
              break;
            case 8:
              if (node)
                {
                  g_autoptr(JsonObject) props = json_object_new ();
                  JsonArray *list = json_array_new ();

                  if (g_rand_boolean (rand))
                    {
                      json_array_add_string_element (list, g_rand_boolean (rand) ? "cap.extra" : "cap.siem");
                      json_object_set_array_member (props, "disabled_capabilities", list);
                    }
                  else
                    {
                      json_array_add_string_element (list, g_rand_boolean (rand) ? "Linux" : "PRE");
                      json_object_set_array_member (props, "platforms", list);
                    }
                  bw_history_set_props (history, node, props, NULL);
                }
              break;
            case 9:
              if (ne)
                bw_history_set_edge_kind (
                    history, bw_document_get_edge (doc, g_rand_int_range (rand, 0, ne))->id,
                    (BwEdgeKind) g_rand_int_range (rand, 0, 3), NULL);
              break;
            case 10:
              if (g_rand_boolean (rand))
                bw_history_set_gap_threshold (history, g_rand_int_range (rand, 0, 10) / 10.0, NULL);
              else
                {
                  const char *g[] = { g_rand_boolean (rand) ? "G1" : "G2", "G9", NULL };

                  bw_history_set_threat_groups (history, g_rand_boolean (rand) ? g : NULL, NULL);
                }
              break;
            default:
              g_assert_not_reached ();
            }
          /* Undo now and then: undo is an edit too. */
          if (g_rand_int_range (rand, 0, 8) == 0)
            bw_history_undo (history);

          live = bw_report_to_json (bw_engine_get_report (engine), catalog, NULL);
          full = bw_engine_compute (catalog, doc);
          full_json = bw_report_to_json (full, catalog, NULL);
          if (g_strcmp0 (live, full_json) != 0)
            g_error ("seed %u, step %u: incremental report differs from a full recompute\n%s\n---\n%s",
                     seed, step, live, full_json);
          checks++;
        }
    }
  g_assert_cmpuint (checks, ==, 30 * 160);
}

/* Hundreds of assets: a full recompute counts them in batches (15 to a small counter, 255 to
 * a medium one) where edits count one at a time; both give the same report. */
static void
test_many_assets (void)
{
  g_autoptr(BwCatalog) catalog = bw_test_tiny_catalog ();
  static const char *const assets[] = { "win", "lin", "web" };
  static const char *const services[] = { "svc", "svc.win", "siem", "col" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20);
  g_autoptr(BwDocument) doc = bw_document_new ();
  g_autoptr(BwEngine) engine = bw_engine_new (catalog);
  g_autoptr(BwReport) full = NULL;
  g_autofree char *live = NULL;
  g_autofree char *full_json = NULL;
  guint most = 0;

  bw_engine_set_document (engine, doc);
  for (guint z = 0; z < 3; z++)
    {
      g_autofree char *id = g_strdup_printf ("z%u", z);

      bw_document_add_zone (doc, id, "zone.a", id, z == 2 ? "z0" : NULL, 0, 0, 100, 100, NULL);
    }
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);

      bw_document_add_node (doc, id, services[i % G_N_ELEMENTS (services)], id, NULL, 0, 0, NULL,
                            NULL);
    }
  for (guint i = 0; i < 700; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i);
      g_autofree char *zone = g_strdup_printf ("z%u", g_rand_int_range (rand, 0, 4));

      bw_document_add_node (doc, id, assets[g_rand_int_range (rand, 0, G_N_ELEMENTS (assets))],
                            id, g_str_equal (zone, "z3") ? NULL : zone, 0, 0, NULL, NULL);
    }
  for (guint i = 0; i < 900; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autofree char *from = g_strdup_printf ("s%u", g_rand_int_range (rand, 0, 40));
      g_autofree char *to = g_rand_int_range (rand, 0, 10) == 0
                                ? g_strdup_printf ("z%u", g_rand_int_range (rand, 0, 3))
                                : g_strdup_printf ("a%u", g_rand_int_range (rand, 0, 700));
      BwEdgeKind kind = (BwEdgeKind) g_rand_int_range (rand, 0, 3);

      if (kind == BW_EDGE_FLOW)
        {
          g_free (from);
          from = g_strdup_printf ("a%u", g_rand_int_range (rand, 0, 700));
        }
      bw_document_add_edge (doc, id, kind, from, to, NULL);
    }

  live = bw_report_to_json (bw_engine_get_report (engine), catalog, NULL);
  full = bw_engine_compute (catalog, doc);
  full_json = bw_report_to_json (full, catalog, NULL);
  g_assert_cmpstr (live, ==, full_json);
  for (guint t = 0; t < bw_catalog_get_n_techniques (catalog); t++)
    most = MAX (most, bw_report_get_technique (full, t)->applicable_assets);
  /* Counts past two medium counters' worth. */
  g_assert_cmpuint (most, >, 2 * 255);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/zone-nesting", test_zone_nesting);
  g_test_add_func ("/engine/applies-to", test_applies_to);
  g_test_add_func ("/engine/siem-through-collector", test_siem_through_collector);
  g_test_add_func ("/engine/siem-through-covering-service", test_siem_through_covering_service);
  g_test_add_func ("/engine/disabled-capability", test_disabled_capability);
  g_test_add_func ("/engine/platform-override", test_platform_override);
  g_test_add_func ("/engine/weakest-link", test_weakest_link);
  g_test_add_func ("/engine/respond-not-best", test_respond_not_best);
  g_test_add_func ("/engine/tactics-phases-threshold", test_tactics_phases_threshold);
  g_test_add_func ("/engine/threat-profile", test_threat_profile);
  g_test_add_func ("/engine/threat-focus-techniques", test_threat_focus_techniques);
  g_test_add_func ("/engine/unknown-kind", test_unknown_kind);
  g_test_add_func ("/engine/json-shape", test_json_shape);
  g_test_add_func ("/engine/incremental-equals-full", test_incremental_equals_full);
  g_test_add_func ("/engine/many-assets", test_many_assets);
  return g_test_run ();
}
