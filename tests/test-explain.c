/* test-explain.c: `bulwark explain` and bw_explain() against hand-computed provenance — one small
 * scenario per rule it reports (protects, zone, SIEM, delivery), on the tiny catalog of the
 * engine-rule tests and one with initial-access techniques, then on the reference sample, where
 * every asset's cells must also equal the engine's. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "bw-catalog-private.h"
#include "bw-document-io.h"
#include "bw-engine.h"
#include "bw-explain.h"
#include "bw-test-util.h"

typedef struct
{
  const char *service;
  const char *capability;
  BwCategory  category;
  BwScore     score;
  BwVia       via;
} Row;

static void
assert_rows (const BwExplainAsset *a,
             const Row            *rows,
             guint                 n_rows)
{
  for (guint i = 0; i < a->n_rows; i++)
    g_test_message ("%s: %s %s %s %s %s", a->id, a->rows[i].service, a->rows[i].capability,
                    bw_category_to_string (a->rows[i].category),
                    bw_score_to_string (a->rows[i].score), bw_via_to_string (a->rows[i].via));
  g_assert_cmpuint (a->n_rows, ==, n_rows);
  for (guint i = 0; i < n_rows; i++)
    {
      g_assert_cmpstr (a->rows[i].service, ==, rows[i].service);
      g_assert_cmpstr (a->rows[i].capability, ==, rows[i].capability);
      g_assert_cmpint (a->rows[i].category, ==, rows[i].category);
      g_assert_cmpint (a->rows[i].score, ==, rows[i].score);
      g_assert_cmpint (a->rows[i].via, ==, rows[i].via);
      g_assert_nonnull (a->rows[i].comments);
      g_assert_nonnull (a->rows[i].references);
    }
}

static BwExplanation *
explain (BwCatalog  *catalog,
         BwDocument *doc,
         const char *technique,
         const char *asset)
{
  g_autoptr(GError) error = NULL;
  BwExplanation *e = bw_explain (catalog, doc, technique, asset, &error);

  g_assert_no_error (error);
  g_assert_nonnull (e);
  return e;
}

/* Rules 1 and 2: a direct protects edge, one on an outer zone, a SIEM through a collector; a
 * service with both a direct and a zone edge is reported by the first (protects). */
static void
test_protects_zone_siem (void)
{
  g_autoptr(BwCatalog) catalog = bw_test_tiny_catalog ();
  const char *lines[] = { "z1 zone.a -", "z2 zone.a z1", "n1 win z2", "n2 svc -", "n3 svc.win -",
                          "n4 siem -", "n5 col -", "n6 lin z2", "e1 protects n2 n1",
                          "e2 protects n3 z1", "e3 telemetry n1 n5", "e4 telemetry n5 n4",
                          "e5 protects n2 z2", NULL };
  g_autoptr(BwDocument) doc = bw_test_build_document (lines);
  g_autoptr(BwExplanation) t2 = explain (catalog, doc, "T2", NULL);
  g_autoptr(BwExplanation) t3 = explain (catalog, doc, "T3", NULL);
  g_autoptr(BwExplanation) t5 = explain (catalog, doc, "T5", NULL);
  const Row t2_rows[] = {
    { "n2", "cap.full", BW_CATEGORY_PROTECT, BW_SCORE_SIGNIFICANT, BW_VIA_PROTECTS },
    { "n3", "cap.full", BW_CATEGORY_PROTECT, BW_SCORE_SIGNIFICANT, BW_VIA_ZONE },
    { "n4", "cap.siem", BW_CATEGORY_DETECT, BW_SCORE_PARTIAL, BW_VIA_SIEM },
  };
  /* Every entry, not only the one that sets the maximum; capabilities in stencil order. */
  const Row t3_rows[] = {
    { "n2", "cap.full", BW_CATEGORY_DETECT, BW_SCORE_PARTIAL, BW_VIA_PROTECTS },
    { "n2", "cap.extra", BW_CATEGORY_PROTECT, BW_SCORE_SIGNIFICANT, BW_VIA_PROTECTS },
    { "n3", "cap.full", BW_CATEGORY_DETECT, BW_SCORE_PARTIAL, BW_VIA_ZONE },
  };
  /* n6 (Linux) is in z2 too: svc covers it by its zone edge; svc.win refuses it. */
  const Row t5_n1[] = {
    { "n2", "cap.full", BW_CATEGORY_PROTECT, BW_SCORE_MINIMAL, BW_VIA_PROTECTS },
    { "n3", "cap.full", BW_CATEGORY_PROTECT, BW_SCORE_MINIMAL, BW_VIA_ZONE },
  };
  const Row t5_n6[] = {
    { "n2", "cap.full", BW_CATEGORY_PROTECT, BW_SCORE_MINIMAL, BW_VIA_ZONE },
  };
  const BwExplainAsset *a;
  const BwExplainRange *range;

  g_assert_cmpstr (bw_explanation_get_technique (t2)->id, ==, "T2");
  g_assert_cmpint (bw_explanation_get_status (t2), ==, BW_STATUS_COVERED);
  g_assert_cmpuint (bw_explanation_get_n_assets (t2), ==, 1);
  a = bw_explanation_get_asset (t2, 0);
  g_assert_cmpstr (a->id, ==, "n1");
  g_assert_cmpint (a->status, ==, BW_STATUS_COVERED);
  g_assert_cmpint (a->best, ==, 3);
  g_assert_cmpint (a->protect, ==, 3);
  g_assert_cmpint (a->detect, ==, 2);
  assert_rows (a, t2_rows, G_N_ELEMENTS (t2_rows));

  assert_rows (bw_explanation_get_asset (t3, 0), t3_rows, G_N_ELEMENTS (t3_rows));

  /* T5 applies to both assets, in document order; both minimal: partial. */
  g_assert_cmpuint (bw_explanation_get_n_assets (t5), ==, 2);
  g_assert_cmpint (bw_explanation_get_status (t5), ==, BW_STATUS_PARTIAL);
  assert_rows (bw_explanation_get_asset (t5, 0), t5_n1, G_N_ELEMENTS (t5_n1));
  range = bw_explanation_get_range (t5);
  g_assert_cmpuint (range->applicable_assets, ==, 2);
  g_assert_cmpuint (range->covered_assets, ==, 0);
  g_assert_cmpint (range->best, ==, 1);
  g_assert_cmpint (range->weakest, ==, 1);
  g_assert_cmpstr (range->weakest_id, ==, "n1");
  a = bw_explanation_get_asset (t5, 1);
  g_assert_cmpstr (a->id, ==, "n6");
  g_assert_cmpint (a->status, ==, BW_STATUS_PARTIAL);
  assert_rows (a, t5_n6, G_N_ELEMENTS (t5_n6));
}

/* Rule 2 through a covering service; respond is reported but does not count for best; telemetry
 * does not pass through a service that does not cover the asset. */
static void
test_siem_through_service (void)
{
  g_autoptr(BwCatalog) catalog = bw_test_tiny_catalog ();
  const char *covering[] = { "n1 lin -", "n2 svc -", "n4 siem -", "e1 protects n2 n1",
                             "e2 telemetry n2 n4", NULL };
  const char *passing[] = { "n1 lin -", "n2 svc -", "n4 siem -", "e1 telemetry n1 n2",
                            "e2 telemetry n2 n4", NULL };
  g_autoptr(BwDocument) a = bw_test_build_document (covering);
  g_autoptr(BwDocument) b = bw_test_build_document (passing);
  g_autoptr(BwExplanation) ea = explain (catalog, a, "T4", NULL);
  g_autoptr(BwExplanation) eb = explain (catalog, b, "T4", NULL);
  const Row rows[] = {
    { "n2", "cap.full", BW_CATEGORY_RESPOND, BW_SCORE_SIGNIFICANT, BW_VIA_PROTECTS },
    { "n4", "cap.siem", BW_CATEGORY_DETECT, BW_SCORE_PARTIAL, BW_VIA_SIEM },
  };
  const BwExplainAsset *asset = bw_explanation_get_asset (ea, 0);

  assert_rows (asset, rows, G_N_ELEMENTS (rows));
  g_assert_cmpint (asset->best, ==, 2);
  g_assert_cmpint (asset->respond, ==, 3);
  g_assert_cmpint (asset->protect, ==, 0);

  asset = bw_explanation_get_asset (eb, 0);
  g_assert_cmpuint (asset->n_rows, ==, 0);
  g_assert_cmpint (asset->status, ==, BW_STATUS_GAP);
  g_assert_cmpint (bw_explanation_get_status (eb), ==, BW_STATUS_GAP);
}

/* caps(s) leaves out disabled capabilities, and so do the rows. */
static void
test_disabled_capability (void)
{
  g_autoptr(BwCatalog) catalog = bw_test_tiny_catalog ();
  const char *lines[] = { "n1 win -", "n2 svc -", "e1 protects n2 n1", NULL };
  g_autoptr(BwDocument) doc = bw_test_build_document (lines);
  g_autoptr(BwExplanation) e = NULL;
  const Row rows[] = {
    { "n2", "cap.full", BW_CATEGORY_DETECT, BW_SCORE_PARTIAL, BW_VIA_PROTECTS },
  };

  g_assert_true (bw_document_set_capability_enabled (doc, "n2", "cap.extra", FALSE, NULL));
  e = explain (catalog, doc, "T3", NULL);
  assert_rows (bw_explanation_get_asset (e, 0), rows, G_N_ELEMENTS (rows));
  g_assert_cmpint (bw_explanation_get_asset (e, 0)->best, ==, 2);
}

/* Initial access: T6 (initial-access only), T7 (initial-access and exec). */
static const char delivery_attack[] =
  "{\"attack_version\":\"99.0\",\"tactics\":["
  "{\"id\":\"TA1\",\"shortname\":\"initial-access\",\"name\":\"Initial Access\"},"
  "{\"id\":\"TA2\",\"shortname\":\"exec\",\"name\":\"Exec\"}],"
  "\"techniques\":["
  "{\"id\":\"T6\",\"name\":\"Six\",\"tactics\":[\"initial-access\"],"
  "\"platforms\":[\"Windows\",\"Office Suite\"]},"
  "{\"id\":\"T7\",\"name\":\"Seven\",\"tactics\":[\"initial-access\",\"exec\"],"
  "\"platforms\":[\"Windows\",\"Office Suite\"]}],"
  "\"revoked\":{\"T5\":\"T6\"},\"groups\":[]}";
static const char delivery_killchain[] = "{\"phases\":[]}";
static const char delivery_mappings[] =
  "{\"capabilities\":["
  "{\"id\":\"cap.mail\",\"name\":\"Mail\",\"group\":\"g\",\"entries\":["
  "{\"technique\":\"T6\",\"category\":\"protect\",\"score\":\"significant\"},"
  "{\"technique\":\"T7\",\"category\":\"protect\",\"score\":\"significant\"}]},"
  "{\"id\":\"cap.siem\",\"name\":\"Siem\",\"group\":\"g\",\"entries\":["
  "{\"technique\":\"T6\",\"category\":\"detect\",\"score\":\"partial\"}]}]}";
static const char delivery_stencils[] =
  "{\"families\":[{\"id\":\"f\",\"name\":\"F\"}],\"stencils\":["
  "{\"id\":\"mail\",\"name\":\"Mailbox\",\"role\":\"asset\",\"family\":\"f\","
  "\"platforms\":[\"Office Suite\"]},"
  "{\"id\":\"win\",\"name\":\"Windows box\",\"role\":\"asset\",\"family\":\"f\","
  "\"platforms\":[\"Windows\"]},"
  "{\"id\":\"svc.mail\",\"name\":\"Mail guard\",\"role\":\"service\",\"family\":\"f\","
  "\"capabilities\":[\"cap.mail\"],\"applies_to\":[\"mail\"]},"
  "{\"id\":\"siem\",\"name\":\"Siem\",\"role\":\"service\",\"family\":\"f\","
  "\"capabilities\":[\"cap.siem\"],\"siem\":true}]}";

static BwCatalog *
delivery_catalog (void)
{
  g_autoptr(GBytes) a = g_bytes_new_static (delivery_attack, sizeof delivery_attack - 1);
  g_autoptr(GBytes) k = g_bytes_new_static (delivery_killchain, sizeof delivery_killchain - 1);
  g_autoptr(GBytes) m = g_bytes_new_static (delivery_mappings, sizeof delivery_mappings - 1);
  g_autoptr(GBytes) s = g_bytes_new_static (delivery_stencils, sizeof delivery_stencils - 1);
  g_autoptr(GError) error = NULL;
  BwCatalog *catalog = bw_catalog_new_from_bytes (a, k, m, s, &error);

  g_assert_no_error (error);
  return catalog;
}

/* Rule 10: the mail guard covers the workstation its mail flows to against T6 alone, though its
 * applies_to does not admit it; the SIEM its telemetry reaches does not follow (rule 10 does not
 * feed rule 2); T7 has another tactic too and gets nothing downstream. */
static void
test_delivery (void)
{
  g_autoptr(BwCatalog) catalog = delivery_catalog ();
  const char *lines[] = { "n1 mail -", "n2 win -", "n3 svc.mail -", "n4 siem -",
                          "e1 protects n3 n1", "e2 flow n1 n2", "e3 telemetry n3 n4", NULL };
  g_autoptr(BwDocument) doc = bw_test_build_document (lines);
  g_autoptr(BwExplanation) t6 = explain (catalog, doc, "T6", NULL);
  g_autoptr(BwExplanation) t7 = explain (catalog, doc, "T7", "n2");
  g_autoptr(BwExplanation) revoked = explain (catalog, doc, "T5", "n2");
  g_autoptr(GArray) covers = NULL;
  const Row mailbox[] = {
    { "n3", "cap.mail", BW_CATEGORY_PROTECT, BW_SCORE_SIGNIFICANT, BW_VIA_PROTECTS },
    { "n4", "cap.siem", BW_CATEGORY_DETECT, BW_SCORE_PARTIAL, BW_VIA_SIEM },
  };
  const Row workstation[] = {
    { "n3", "cap.mail", BW_CATEGORY_PROTECT, BW_SCORE_SIGNIFICANT, BW_VIA_DELIVERY },
  };
  const BwExplainCover *c;

  g_assert_cmpuint (bw_explanation_get_n_assets (t6), ==, 2);
  assert_rows (bw_explanation_get_asset (t6, 0), mailbox, G_N_ELEMENTS (mailbox));
  assert_rows (bw_explanation_get_asset (t6, 1), workstation, G_N_ELEMENTS (workstation));
  g_assert_cmpint (bw_explanation_get_status (t6), ==, BW_STATUS_COVERED);

  /* --asset lists that asset alone; the status stays the technique's over every asset. */
  g_assert_cmpuint (bw_explanation_get_n_assets (t7), ==, 1);
  g_assert_cmpuint (bw_explanation_get_asset (t7, 0)->n_rows, ==, 0);
  g_assert_cmpint (bw_explanation_get_status (t7), ==, BW_STATUS_PARTIAL);
  g_assert_null (bw_explanation_lookup_asset (t7, "n1"));

  /* A revoked id is explained as the technique it redirects to. */
  g_assert_cmpstr (bw_explanation_get_technique (revoked)->id, ==, "T6");
  assert_rows (bw_explanation_get_asset (revoked, 0), workstation, G_N_ELEMENTS (workstation));

  covers = bw_explain_asset_covers (catalog, doc, "n2");
  g_assert_cmpuint (covers->len, ==, 1);
  c = &g_array_index (covers, BwExplainCover, 0);
  g_assert_cmpstr (c->service, ==, "n3");
  g_assert_cmpint (c->via, ==, BW_VIA_DELIVERY);
  g_assert_null (bw_explain_asset_covers (catalog, doc, "n3"));
}

static void
test_errors (void)
{
  g_autoptr(BwCatalog) catalog = bw_test_tiny_catalog ();
  const char *lines[] = { "n1 win -", "n2 svc -", NULL };
  g_autoptr(BwDocument) doc = bw_test_build_document (lines);
  g_autoptr(GError) error = NULL;
  g_autoptr(BwExplanation) lin = NULL;

  g_assert_null (bw_explain (catalog, doc, "T404", NULL, &error));
  g_assert_error (error, BW_EXPLAIN_ERROR, BW_EXPLAIN_ERROR_UNKNOWN_TECHNIQUE);
  g_clear_error (&error);
  g_assert_null (bw_explain (catalog, doc, "T2", "n9", &error));
  g_assert_error (error, BW_EXPLAIN_ERROR, BW_EXPLAIN_ERROR_UNKNOWN_ASSET);
  g_clear_error (&error);
  /* A service is no asset. */
  g_assert_null (bw_explain (catalog, doc, "T2", "n2", &error));
  g_assert_error (error, BW_EXPLAIN_ERROR, BW_EXPLAIN_ERROR_UNKNOWN_ASSET);
  g_clear_error (&error);

  /* Not applicable anywhere: no assets. */
  lin = explain (catalog, doc, "T4", NULL);
  g_assert_cmpuint (bw_explanation_get_n_assets (lin), ==, 0);
  g_assert_cmpint (bw_explanation_get_status (lin), ==, BW_STATUS_NOT_APPLICABLE);
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

/* The sample: Exploit Public-Facing Application on the Azure SQL database — Defender for Cloud
 * on its zone, Defender for SQL on it, Defender for Servers on the VMs' zone whose flow reaches
 * it (delivery), Sentinel through telemetry; every row with CTID's comment and references. */
static void
test_sample_rows (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalog) catalog = bw_catalog_load_default (&error);
  g_autoptr(BwDocument) doc = load_sample ();
  g_autoptr(BwExplanation) e = explain (catalog, doc, "T1190", "n53");
  const Row rows[] = {
    { "n56", "ai_security_recommendations", BW_CATEGORY_PROTECT, BW_SCORE_MINIMAL, BW_VIA_ZONE },
    { "n56", "devops_security", BW_CATEGORY_PROTECT, BW_SCORE_SIGNIFICANT, BW_VIA_ZONE },
    { "n58", "advanced_threat_protection_for_azure_sql_database", BW_CATEGORY_DETECT,
      BW_SCORE_MINIMAL, BW_VIA_PROTECTS },
    { "n58", "defender_for_azure_sql_databases", BW_CATEGORY_PROTECT, BW_SCORE_MINIMAL,
      BW_VIA_PROTECTS },
    { "n60", "alerts_for_windows_machines", BW_CATEGORY_DETECT, BW_SCORE_PARTIAL,
      BW_VIA_DELIVERY },
    { "n60", "just-in-time_vm_access", BW_CATEGORY_PROTECT, BW_SCORE_MINIMAL, BW_VIA_DELIVERY },
    { "n60", "vulnerability_management", BW_CATEGORY_PROTECT, BW_SCORE_PARTIAL,
      BW_VIA_DELIVERY },
    { "n71", "microsoft_sentinel", BW_CATEGORY_DETECT, BW_SCORE_MINIMAL, BW_VIA_SIEM },
  };
  const BwExplainAsset *a;

  g_assert_no_error (error);
  a = bw_explanation_get_asset (e, 0);
  g_assert_cmpstr (a->label, ==, "Azure SQL Database");
  assert_rows (a, rows, G_N_ELEMENTS (rows));
  g_assert_cmpint (a->best, ==, 3);
  g_assert_cmpint (bw_explanation_get_status (e), ==, BW_STATUS_PARTIAL);
  for (guint i = 0; i < a->n_rows; i++)
    {
      g_assert_nonnull (a->rows[i].comments[0]);
      g_assert_true (g_str_has_prefix (a->rows[i].references[0], "https://"));
    }
}

/* Every technique, delivery along flows (rule 10) included: each applicable asset's cells are
 * the engine's, and the status is the report's. */
static void
test_sample_matches_engine (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalog) catalog = bw_catalog_load_default (&error);
  g_autoptr(BwDocument) doc = load_sample ();
  g_autoptr(BwEngine) engine = bw_engine_new (catalog);
  g_autoptr(BwExplainer) explainer = bw_explainer_new (catalog, doc);
  BwReport *report;
  guint checked = 0;

  /* The figures alone, without the texts. */
  bw_explainer_set_with_texts (explainer, FALSE);
  bw_engine_set_document (engine, doc);
  report = bw_engine_get_report (engine);
  for (guint t = 0; t < bw_catalog_get_n_techniques (catalog); t++)
    {
      const BwTechnique *technique = bw_catalog_get_technique (catalog, t);
      g_autoptr(BwExplanation) e = NULL;

      e = bw_explainer_explain (explainer, technique->id, NULL, NULL);
      g_assert_cmpint (bw_explanation_get_status (e), ==,
                       bw_report_get_technique (report, t)->status);
      g_assert_cmpuint (bw_explanation_get_range (e)->covered_assets, ==,
                        bw_report_get_technique (report, t)->covered_assets);
      g_assert_cmpuint (bw_explanation_get_range (e)->applicable_assets, ==,
                        bw_report_get_technique (report, t)->applicable_assets);
      for (guint i = 0; i < bw_explanation_get_n_assets (e); i++)
        {
          const BwExplainAsset *a = bw_explanation_get_asset (e, i);
          const guint64 *app, *best1, *best2;
          guint best;

          g_assert_true (bw_engine_get_asset_bits (engine, a->id, &app, &best1, &best2));
          g_assert_true ((app[t / 64] >> (t % 64)) & 1);
          best = ((best2[t / 64] >> (t % 64)) & 1) ? 2 : ((best1[t / 64] >> (t % 64)) & 1) ? 1 : 0;
          g_assert_cmpuint (MIN ((guint) a->best, 2), ==, best);
          for (guint k = 0; k < a->n_rows; k++)
            g_assert_null (a->rows[k].comments[0]);
          checked++;
        }
    }
  g_assert_cmpuint (checked, >, 1000);
}

/* The CLI: the JSON shape of issue 15, text, and exit 2 with one line for bad input. */
static void
test_cli (void)
{
  g_autofree char *sample = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  const char *json_args[] = { "explain", sample, "T1190", "--asset", "n53", "--format", "json",
                              NULL };
  const char *text_args[] = { "explain", sample, "T1190", NULL };
  const char *bad_technique[] = { "explain", sample, "T0000", NULL };
  const char *bad_asset[] = { "explain", sample, "T1190", "--asset", "n999", NULL };
  const char *bad_format[] = { "explain", sample, "T1190", "--format", "csv", NULL };
  const char *help[] = { "--help", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *technique, *asset, *row;

  g_assert_cmpint (bw_test_run_bulwark (json_args, &out, &err), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  technique = json_object_get_object_member (root, "technique");
  g_assert_cmpstr (json_object_get_string_member (technique, "id"), ==, "T1190");
  g_assert_cmpstr (json_object_get_string_member (technique, "url"), ==,
                   "https://attack.mitre.org/techniques/T1190");
  g_assert_true (json_object_has_member (technique, "tactics"));
  g_assert_true (json_object_has_member (technique, "platforms"));
  g_assert_cmpstr (json_object_get_string_member (root, "status"), ==, "partial");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "assets")), ==, 1);
  asset = json_array_get_object_element (json_object_get_array_member (root, "assets"), 0);
  g_assert_cmpstr (json_object_get_string_member (asset, "id"), ==, "n53");
  g_assert_cmpstr (json_object_get_string_member (asset, "status"), ==, "covered");
  g_assert_cmpint (json_object_get_int_member (asset, "best"), ==, 3);
  row = json_array_get_object_element (json_object_get_array_member (asset, "covered_by"), 4);
  g_assert_cmpstr (json_object_get_string_member (row, "service"), ==, "n60");
  g_assert_cmpstr (json_object_get_string_member (row, "label"), ==, "Defender for Servers");
  g_assert_cmpstr (json_object_get_string_member (row, "capability"), ==,
                   "alerts_for_windows_machines");
  g_assert_cmpstr (json_object_get_string_member (row, "category"), ==, "detect");
  g_assert_cmpstr (json_object_get_string_member (row, "score"), ==, "partial");
  g_assert_cmpstr (json_object_get_string_member (row, "via"), ==, "delivery");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (row, "comments")), >, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (row, "references")), >,
                    0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (bw_test_run_bulwark (text_args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "T1190 Exploit Public-Facing Application"));
  g_assert_nonnull (strstr (out, "Azure SQL Database (n53)"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (bw_test_run_bulwark (bad_technique, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "T0000"));
  g_assert_nonnull (strchr (err, '\n'));
  g_assert_cmpint (strchr (err, '\n')[1], ==, '\0');
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (bw_test_run_bulwark (bad_asset, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "n999"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (bw_test_run_bulwark (bad_format, &out, &err), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (bw_test_run_bulwark (help, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "explain"));
}

/* The text form shows a label's control characters escaped, never raw to the terminal. */
static void
test_cli_escapes (void)
{
  g_autofree char *sample = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  g_autofree char *text = bw_test_read_file (sample, NULL);
  g_autoptr(GString) hostile = g_string_new (text);
  g_autofree char *dir = g_dir_make_tmp ("bulwark-explain-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "hostile.bulwark", NULL);
  const char *args[] = { "explain", path, "T1190", "--asset", "n53", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpuint (g_string_replace (hostile, "\"Azure SQL Database\"",
                                      "\"Evil\\u001b[2J\\nline\"", 0), ==, 1);
  g_assert_true (g_file_set_contents (path, hostile->str, hostile->len, NULL));
  g_assert_cmpint (bw_test_run_bulwark (args, &out, &err), ==, 0);
  g_assert_null (strchr (out, '\x1b'));
  g_assert_nonnull (strstr (out, "Evil\\x1B[2J\\nline (n53)"));
  bw_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  /* A user data directory of its own: never the user's imported catalog, and what a test
   * installs goes with it. Set before anything reads it (GLib keeps the first answer). */
  g_autofree char *home = g_dir_make_tmp ("bulwark-xdg-XXXXXX", NULL);
  int status;

  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/explain/protects-zone-siem", test_protects_zone_siem);
  g_test_add_func ("/explain/siem-through-service", test_siem_through_service);
  g_test_add_func ("/explain/disabled-capability", test_disabled_capability);
  g_test_add_func ("/explain/delivery", test_delivery);
  g_test_add_func ("/explain/errors", test_errors);
  g_test_add_func ("/explain/sample-rows", test_sample_rows);
  g_test_add_func ("/explain/sample-matches-engine", test_sample_matches_engine);
  g_test_add_func ("/explain/cli", test_cli);
  g_test_add_func ("/explain/cli-escapes", test_cli_escapes);
  status = g_test_run ();
  bw_test_remove_tree (home);
  return status;
}
