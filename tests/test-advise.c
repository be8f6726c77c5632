/* test-advise.c: threat profiles on real groups, recommendations (each step's gain re-measured,
 * the first step checked against every single addition by brute force), Microsoft 365 licence
 * tiers on the sample, and attack paths over flow edges. */
#include "config.h"

#include <glib/gstdio.h>

#include "bw-document-io.h"
#include "bw-edit-rules.h"
#include "bw-engine.h"
#include "bw-history.h"
#include "bw-paths.h"
#include "bw-recommend.h"
#include "bw-tiers.h"
#include "bw-advice.h"
#include "bw-test-util.h"

/* Rule 9 on the shipped sample with APT29 and FIN7, ATT&CK 18.1; the same figures are also
 * recounted below from the per-technique statuses. */
#define PROFILE_APPLICABLE 115
#define PROFILE_COVERED 16
#define PROFILE_PARTIAL 75
#define PROFILE_GAP 24

static BwDocument *
load_sample (void)
{
  g_autofree char *path = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  g_autoptr(GError) error = NULL;
  BwDocument *doc = bw_document_load_from_file (path, &error);

  g_assert_no_error (error);
  return doc;
}

static BwCatalog *
shipped_catalog (void)
{
  g_autoptr(GError) error = NULL;
  BwCatalog *catalog = bw_catalog_load_default (&error);

  g_assert_no_error (error);
  return catalog;
}

/* Figures of the given techniques, counted from the per-technique statuses of the overall
 * report: a second route to rule 9 besides the engine's bitset counters. */
static void
count_statuses (BwCatalog       *catalog,
                BwReport        *report,
                GHashTable      *techniques,
                const char      *tactic,   /* nullable: all */
                BwReportFigures *out)
{
  memset (out, 0, sizeof *out);
  for (guint i = 0; i < bw_catalog_get_n_techniques (catalog); i++)
    {
      const BwTechnique *t = bw_catalog_get_technique (catalog, i);
      const BwReportTechnique *rt = bw_report_get_technique (report, i);

      if (!g_hash_table_contains (techniques, GUINT_TO_POINTER (i + 1)) ||
          rt->status == BW_STATUS_NOT_APPLICABLE ||
          (tactic != NULL && !g_strv_contains ((const char *const *) t->tactics, tactic)))
        continue;
      out->applicable++;
      out->covered += rt->status == BW_STATUS_COVERED;
      out->partial += rt->status == BW_STATUS_PARTIAL;
      out->gap += rt->status == BW_STATUS_GAP;
    }
  out->ratio = out->applicable ? (out->covered + 0.5 * out->partial) / out->applicable : 0;
}

static void
assert_same_figures (const BwReportFigures *a,
                     const BwReportFigures *b)
{
  g_assert_cmpuint (a->applicable, ==, b->applicable);
  g_assert_cmpuint (a->covered, ==, b->covered);
  g_assert_cmpuint (a->partial, ==, b->partial);
  g_assert_cmpuint (a->gap, ==, b->gap);
  g_assert_cmpfloat (a->ratio, ==, b->ratio);
}

/* Rule 9 on the sample with two real groups: APT29 (G0016) and FIN7 (G0046). */
static void
test_profile_two_groups (void)
{
  g_autoptr(BwCatalog) catalog = shipped_catalog ();
  g_autoptr(BwDocument) doc = load_sample ();
  g_autoptr(GHashTable) techniques = g_hash_table_new (NULL, NULL);
  const char *groups[] = { "G0016", "G0046", NULL };
  g_autoptr(BwReport) report = NULL;
  BwReportFigures expected;

  for (guint g = 0; groups[g] != NULL; g++)
    {
      const BwGroup *group = bw_catalog_lookup_group (catalog, groups[g]);

      g_assert_nonnull (group);
      for (guint k = 0; k < group->n_techniques; k++)
        g_hash_table_add (techniques, GUINT_TO_POINTER (group->techniques[k] + 1));
    }
  bw_document_set_threat_groups (doc, groups);
  report = bw_engine_compute (catalog, doc);
  g_assert_true (bw_report_has_profile (report));

  count_statuses (catalog, report, techniques, NULL, &expected);
  assert_same_figures (bw_report_get_profile_summary (report), &expected);
  for (guint i = 0; i < bw_catalog_get_n_tactics (catalog); i++)
    {
      count_statuses (catalog, report, techniques, bw_catalog_get_tactic (catalog, i)->shortname,
                      &expected);
      assert_same_figures (bw_report_get_profile_tactic (report, i), &expected);
    }

  /* The figures themselves, for the shipped catalog (ATT&CK 18.1) and the sample as shipped;
   * a change to either shows here first. */
  if (g_str_equal (bw_catalog_get_attack_version (catalog), "18.1"))
    {
      const BwReportFigures *p = bw_report_get_profile_summary (report);

      g_test_message ("profile: %u applicable, %u covered, %u partial, %u gap", p->applicable,
                      p->covered, p->partial, p->gap);
      g_assert_cmpuint (p->applicable, ==, PROFILE_APPLICABLE);
      g_assert_cmpuint (p->covered, ==, PROFILE_COVERED);
      g_assert_cmpuint (p->partial, ==, PROFILE_PARTIAL);
      g_assert_cmpuint (p->gap, ==, PROFILE_GAP);
    }
}

static double
ratio_of (BwCatalog  *catalog,
          BwDocument *doc)
{
  return bw_recommend_ratio (catalog, doc);
}

/* Every step, applied in order to a copy, raises the ratio by exactly its stated gain. */
static void
assert_gains_hold (BwCatalog  *catalog,
                   BwDocument *doc,
                   GPtrArray  *recs)
{
  g_autoptr(BwDocument) copy = bw_document_copy (doc);

  for (guint i = 0; i < recs->len; i++)
    {
      const BwRecommendation *r = g_ptr_array_index (recs, i);
      double before = ratio_of (catalog, copy);
      g_autoptr(GError) error = NULL;
      g_autofree char *id = bw_recommend_apply (catalog, copy, r, &error);
      double after;

      g_assert_no_error (error);
      g_assert_nonnull (id);
      after = ratio_of (catalog, copy);
      g_assert_cmpfloat (after - before, ==, r->gain);
      g_assert_cmpfloat (after, ==, r->ratio_after);
      g_assert_cmpfloat (r->gain, >, 0);
      if (i > 0)
        g_assert_cmpfloat (r->ratio_after, >,
                           ((BwRecommendation *) g_ptr_array_index (recs, i - 1))->ratio_after);
    }
}

/* The largest gain of any one addition: every service stencil protecting every zone and every
 * node, and telemetry from every node into each SIEM (the document's, or a new one). */
static double
brute_force_best (BwCatalog  *catalog,
                  BwDocument *doc)
{
  double base = ratio_of (catalog, doc), best = 0;

  for (guint s = 0; s < bw_catalog_get_n_stencils (catalog); s++)
    {
      const BwStencil *stencil = bw_catalog_get_stencil (catalog, s);
      guint n_targets = bw_document_get_n_zones (doc) + bw_document_get_n_nodes (doc);

      if (stencil->role != BW_ROLE_SERVICE)
        continue;
      for (guint t = 0; t < n_targets; t++)
        for (guint with_existing = 0; with_existing < 2; with_existing++)
          {
            g_autoptr(BwDocument) copy = bw_document_copy (doc);
            const char *target =
                t < bw_document_get_n_zones (doc)
                    ? bw_document_get_zone (copy, t)->id
                    : bw_document_get_node (copy, t - bw_document_get_n_zones (doc))->id;
            const char *service = NULL;
            g_autoptr(GError) error = NULL;

            if (with_existing)
              {
                /* An edge to a node of this kind already in the document. */
                for (guint i = 0; i < bw_document_get_n_nodes (copy) && service == NULL; i++)
                  if (g_str_equal (bw_document_get_node (copy, i)->kind, stencil->id))
                    service = bw_document_get_node (copy, i)->id;
                if (service == NULL)
                  continue;
              }
            else
              service = bw_document_add_node (copy, NULL, stencil->id, "x", NULL, 0, 0, NULL, &error)->id;
            if (stencil->siem)
              bw_document_add_edge (copy, NULL, BW_EDGE_TELEMETRY, target, service, &error);
            else
              bw_document_add_edge (copy, NULL, BW_EDGE_PROTECTS, service, target, &error);
            if (error != NULL)
              continue; /* not an edge the document takes (a zone sending telemetry) */
            best = MAX (best, ratio_of (catalog, copy) - base);
          }
    }
  return best;
}

static void
test_recommend_tiny (void)
{
  g_autoptr(BwCatalog) catalog = bw_test_tiny_catalog ();
  /* Windows and Linux boxes in a zone, a web box outside it, a Windows-only service on the
   * Windows box, a SIEM fed by nothing yet, a collector. */
  const char *lines[] = { "z1 zone.a -", "n1 win z1", "n2 lin z1", "n3 web -", "n4 svc.win -",
                          "n5 siem -", "n6 col -", "e1 protects n4 n1", "e2 telemetry n6 n5", NULL };
  g_autoptr(BwDocument) doc = bw_test_build_document (lines);
  g_autoptr(GPtrArray) recs = bw_recommend (catalog, doc, 10, NULL, NULL);
  const BwRecommendation *first;

  g_assert_cmpuint (recs->len, >=, 2);
  first = g_ptr_array_index (recs, 0);
  g_assert_cmpfloat_with_epsilon (first->gain, brute_force_best (catalog, doc), 1e-12);
  assert_gains_hold (catalog, doc, recs);

  /* The document itself is untouched. */
  g_assert_cmpuint (bw_document_get_n_nodes (doc), ==, 6);
  g_assert_cmpuint (bw_document_get_n_edges (doc), ==, 2);

  /* Greedy to the end: after the last step no single addition helps any more. */
  {
    g_autoptr(BwDocument) copy = bw_document_copy (doc);

    for (guint i = 0; i < recs->len; i++)
      g_free (bw_recommend_apply (catalog, copy, g_ptr_array_index (recs, i), NULL));
    g_assert_cmpfloat (brute_force_best (catalog, copy), ==, 0);
  }
}

/* A threat profile makes the profile ratio the one raised. */
static void
test_recommend_profile (void)
{
  g_autoptr(BwCatalog) catalog = bw_test_tiny_catalog ();
  const char *lines[] = { "n1 win -", "n2 lin -", NULL };
  const char *groups[] = { "G2", NULL };  /* T3 (Windows), T4 (Linux) */
  g_autoptr(BwDocument) doc = bw_test_build_document (lines);
  g_autoptr(GPtrArray) recs = NULL;
  gboolean profile = FALSE;

  bw_document_set_threat_groups (doc, groups);
  recs = bw_recommend (catalog, doc, 5, &profile, NULL);
  g_assert_true (profile);
  g_assert_cmpuint (recs->len, >=, 1);
  assert_gains_hold (catalog, doc, recs);
  g_assert_cmpfloat (((BwRecommendation *) g_ptr_array_index (recs, 0))->gain, ==,
                     brute_force_best (catalog, doc));
}

/* On the sample with the shipped catalog: the steps hold, the first is the best single one. */
static void
test_recommend_sample (void)
{
  g_autoptr(BwCatalog) catalog = shipped_catalog ();
  g_autoptr(BwDocument) doc = load_sample ();
  g_autoptr(GPtrArray) recs = bw_recommend (catalog, doc, 3, NULL, NULL);
  BwHistory *history;
  const BwRecommendation *first;
  BwRecommendPlan plan;
  double before = ratio_of (catalog, doc);

  g_assert_cmpuint (recs->len, ==, 3);
  assert_gains_hold (catalog, doc, recs);
  first = g_ptr_array_index (recs, 0);
  g_assert_cmpfloat_with_epsilon (first->gain, brute_force_best (catalog, doc), 1e-12);

  /* Through the history, as the window applies it: one undo step that takes it all back. */
  history = bw_history_new (doc);
  g_assert_true (bw_recommend_plan (catalog, doc, first, &plan, NULL));
  g_assert_true (plan.add_node);
  g_assert_nonnull (plan.zone);
  bw_recommend_plan_clear (&plan);
  g_free (bw_recommend_apply_with_history (catalog, history, first, NULL));
  g_assert_cmpfloat (ratio_of (catalog, doc), ==, first->ratio_after);
  g_assert_true (bw_history_undo (history));
  g_assert_cmpfloat (ratio_of (catalog, doc), ==, before);
  g_object_unref (history);
}

/* Applied recommendations land in free space inside their zone, next to what they protect:
 * on no card, in the zone they are given to, the same each time. */
static void
test_apply_placement (void)
{
  g_autoptr(BwCatalog) catalog = shipped_catalog ();
  g_autoptr(BwDocument) doc = load_sample ();
  g_autoptr(GPtrArray) recs = bw_recommend (catalog, doc, 5, NULL, NULL);

  g_assert_cmpuint (recs->len, >, 0);
  for (guint i = 0; i < recs->len; i++)
    {
      const BwRecommendation *r = g_ptr_array_index (recs, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *id = bw_recommend_apply (catalog, doc, r, &error);
      double x, y;
      const BwNode *added;
      BwRecommendPlan plan;

      g_assert_no_error (error);
      if ((added = bw_document_lookup_node (doc, id)) == NULL)
        continue;
      g_assert_cmpstr (bw_edit_rules_zone_for (doc, id), ==, added->zone);
      for (guint j = 0; j < bw_document_get_n_nodes (doc); j++)
        {
          const BwNode *n = bw_document_get_node (doc, j);

          if (n != added)
            g_assert_false (added->x < n->x + BW_NODE_WIDTH && n->x < added->x + BW_NODE_WIDTH &&
                            added->y < n->y + BW_NODE_HEIGHT && n->y < added->y + BW_NODE_HEIGHT);
        }
      /* Planned twice against the same document, the same place. */
      g_assert_true (bw_recommend_plan (catalog, doc, r, &plan, NULL));
      x = plan.x;
      y = plan.y;
      bw_recommend_plan_clear (&plan);
      g_assert_true (bw_recommend_plan (catalog, doc, r, &plan, NULL));
      g_assert_cmpfloat (plan.x, ==, x);
      g_assert_cmpfloat (plan.y, ==, y);
      bw_recommend_plan_clear (&plan);
    }
}

static gboolean
has_e5_capability (BwCatalog       *catalog,
                   const BwStencil *s)
{
  for (guint i = 0; s != NULL && s->capabilities[i] != NULL; i++)
    if (g_str_has_suffix (s->capabilities[i], "-E5"))
      return TRUE;
  return FALSE;
}

/* E3 against E5 on the sample: E3 equals E5 with every E5 capability disabled by hand, and
 * E5 gives at least as much on every tactic and more overall. */
static void
test_licence_tiers (void)
{
  g_autoptr(BwCatalog) catalog = shipped_catalog ();
  g_autoptr(BwDocument) doc = load_sample ();
  g_autoptr(BwDocument) by_hand = load_sample ();
  g_autoptr(BwReport) unset = bw_engine_compute (catalog, doc);
  g_autoptr(BwReport) e3 = NULL, e5 = NULL, manual = NULL;
  g_autoptr(BwEngine) engine = bw_engine_new (catalog);
  guint disabled = 0;

  bw_document_set_licence (doc, "E5");
  e5 = bw_engine_compute (catalog, doc);
  bw_document_set_licence (doc, "E3");
  e3 = bw_engine_compute (catalog, doc);

  for (guint i = 0; i < bw_document_get_n_nodes (by_hand); i++)
    {
      const BwNode *n = bw_document_get_node (by_hand, i);
      const BwStencil *s = bw_catalog_lookup_stencil (catalog, n->kind);
      g_autoptr(JsonObject) props = NULL;
      JsonArray *list = json_array_new ();

      if (!has_e5_capability (catalog, s))
        {
          json_array_unref (list);
          continue;
        }
      for (guint k = 0; s->capabilities[k] != NULL; k++)
        if (g_str_has_suffix (s->capabilities[k], "-E5"))
          {
            json_array_add_string_element (list, s->capabilities[k]);
            disabled++;
          }
      props = json_object_new ();
      json_object_set_array_member (props, "disabled_capabilities", list);
      g_assert_true (bw_document_set_props (by_hand, n->id, props, NULL));
    }
  g_assert_cmpuint (disabled, >, 0);
  manual = bw_engine_compute (catalog, by_hand);

  assert_same_figures (bw_report_get_summary (e3), bw_report_get_summary (manual));
  assert_same_figures (bw_report_get_summary (e5), bw_report_get_summary (unset));
  g_assert_cmpfloat (bw_report_get_summary (e5)->ratio, >, bw_report_get_summary (e3)->ratio);
  for (guint i = 0; i < bw_catalog_get_n_tactics (catalog); i++)
    {
      assert_same_figures (bw_report_get_tactic (e3, i), bw_report_get_tactic (manual, i));
      g_assert_cmpfloat (bw_report_get_tactic (e5, i)->ratio, >=,
                         bw_report_get_tactic (e3, i)->ratio);
    }

  /* The engine follows a tier change live, and matches the full recompute. */
  bw_engine_set_document (engine, doc);
  assert_same_figures (bw_report_get_summary (bw_engine_get_report (engine)),
                       bw_report_get_summary (e3));
  bw_document_set_licence (doc, NULL);
  assert_same_figures (bw_report_get_summary (bw_engine_get_report (engine)),
                       bw_report_get_summary (unset));
  bw_engine_set_document (engine, NULL);
}

/* The one tier comparison the Advisor and `bulwark tiers` show: the engine's figures under
 * each tier, and the document's own licence left as it was. */
static void
test_tiers_compute (void)
{
  g_autoptr(BwCatalog) catalog = shipped_catalog ();
  g_autoptr(BwDocument) doc = load_sample ();
  g_autoptr(BwTiers) tiers = NULL;
  g_autoptr(BwReport) e3 = NULL, e5 = NULL;
  guint differing = 0;

  bw_document_set_licence (doc, "E3");
  e3 = bw_engine_compute (catalog, doc);
  bw_document_set_licence (doc, "E5");
  e5 = bw_engine_compute (catalog, doc);
  bw_document_set_licence (doc, NULL);

  tiers = bw_tiers_compute (catalog, doc);
  g_assert_null (bw_document_get_licence (doc));
  g_assert_cmpstr (bw_tier_get_licence (BW_TIER_E3), ==, "E3");
  g_assert_cmpstr (bw_tier_get_licence (BW_TIER_E5), ==, "E5");
  g_assert_cmpuint (tiers->n_tactics, ==, bw_catalog_get_n_tactics (catalog));
  assert_same_figures (&tiers->summary[BW_TIER_E3], bw_report_get_summary (e3));
  assert_same_figures (&tiers->summary[BW_TIER_E5], bw_report_get_summary (e5));
  for (guint i = 0; i < tiers->n_tactics; i++)
    {
      assert_same_figures (&tiers->tactics[BW_TIER_E3][i], bw_report_get_tactic (e3, i));
      assert_same_figures (&tiers->tactics[BW_TIER_E5][i], bw_report_get_tactic (e5, i));
      differing += bw_tiers_tactic_differs (tiers, i);
    }
  g_assert_cmpuint (differing, >, 0);

  g_clear_pointer (&tiers, bw_tiers_free);
  bw_document_set_licence (doc, "E3");
  tiers = bw_tiers_compute (catalog, doc);
  g_assert_cmpstr (bw_document_get_licence (doc), ==, "E3");
}

/* settings.licence_overrides: Microsoft 365 E3 brings neither Defender for Office 365 nor
 * Defender for Identity, though CTID tags Safe Attachments, Safe Links and the identity
 * security assessments -E3. Overridden to E5, they count under E3 exactly as if switched off
 * on every node that has them, and E5 does not move; `tiers` prints those figures, the
 * recommender and `analyze --licence E3` follow, and the file keeps them byte for byte. */
static void
test_licence_overrides (void)
{
  static const char *const overrides[] = { "DEF-SATT-E3", "E5", "DEF-SLNK-E3", "E5",
                                           "DEF-SECA-E3", "E5", NULL };
  g_autoptr(BwCatalog) catalog = shipped_catalog ();
  g_autoptr(BwDocument) doc = load_sample ();
  g_autoptr(BwDocument) off = load_sample ();
  g_autoptr(BwTiers) before = bw_tiers_compute (catalog, doc);
  g_autoptr(BwTiers) after = NULL;
  g_autoptr(BwTiers) switched_off = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BwDocument) again = NULL;

  bw_document_set_licence_overrides (doc, overrides);
  g_assert_cmpuint (bw_document_get_capability_tier (doc, "DEF-SATT-E3", 3), ==, 5);
  g_assert_cmpuint (bw_document_get_capability_tier (doc, "DEF-ATH-E5", 5), ==, 5);
  for (guint i = 0; i < bw_document_get_n_nodes (off); i++)
    {
      g_autofree char *id = g_strdup (bw_document_get_node (off, i)->id);
      const BwStencil *s = bw_catalog_lookup_stencil (catalog, bw_document_get_node (off, i)->kind);

      for (guint k = 0; overrides[k] != NULL; k += 2)
        if (g_strv_contains ((const char *const *) s->capabilities, overrides[k]))
          g_assert_true (bw_document_set_capability_enabled (off, id, overrides[k], FALSE, NULL));
    }
  after = bw_tiers_compute (catalog, doc);
  g_assert_null (bw_document_get_licence (doc));
  bw_document_set_licence (off, "E3");
  switched_off = bw_tiers_compute (catalog, off);
  assert_same_figures (&after->summary[BW_TIER_E3], &switched_off->summary[BW_TIER_E3]);
  assert_same_figures (&after->summary[BW_TIER_E5], &before->summary[BW_TIER_E5]);
  for (guint i = 0; i < after->n_tactics; i++)
    {
      assert_same_figures (&after->tactics[BW_TIER_E3][i], &switched_off->tactics[BW_TIER_E3][i]);
      assert_same_figures (&after->tactics[BW_TIER_E5][i], &before->tactics[BW_TIER_E5][i]);
    }
  /* The override matters here: E3 loses coverage it was credited with. */
  g_assert_cmpfloat (after->summary[BW_TIER_E3].ratio, <, before->summary[BW_TIER_E3].ratio);
  g_assert_cmpuint (after->summary[BW_TIER_E3].covered + after->summary[BW_TIER_E3].partial, <,
                    before->summary[BW_TIER_E3].covered + before->summary[BW_TIER_E3].partial);

  /* The file: written after the licence, in the order given; read back the same. */
  bw_document_set_licence (doc, "E3");
  text = bw_document_to_data (doc, NULL);
  g_assert_nonnull (strstr (text, "\"licence\": \"E3\",\n    \"licence_overrides\": {\n"
                                  "      \"DEF-SATT-E3\": \"E5\",\n      \"DEF-SLNK-E3\": \"E5\","));
  again = bw_document_load_from_data (text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_equal (bw_document_get_licence_overrides (again), overrides));
  {
    g_autofree char *text_again = bw_document_to_data (again, NULL);

    g_assert_cmpstr (text_again, ==, text);
  }

  /* `tiers` and `analyze --licence E3` on the file: E3 as switched off. */
  path = g_build_filename (g_get_tmp_dir (), "bulwark-test-overrides.bulwark", NULL);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_cmpint (bw_test_run_bulwark ((const char *[]) { "tiers", path, "--format", "json", NULL },
                                        &out, NULL), ==, 0);
  {
    g_autofree char *e3 = g_strdup_printf ("{\"licence\": \"E3\", \"summary\": {\"applicable\": %u, "
                                           "\"covered\": %u, \"partial\": %u, \"gap\": %u, ",
                                           switched_off->summary[BW_TIER_E3].applicable,
                                           switched_off->summary[BW_TIER_E3].covered,
                                           switched_off->summary[BW_TIER_E3].partial,
                                           switched_off->summary[BW_TIER_E3].gap);

    g_assert_nonnull (strstr (out, e3));
  }
  g_assert_nonnull (strstr (out, "\"tier_source\": \"https://center-for-threat-informed-defense"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (bw_test_run_bulwark ((const char *[]) { "analyze", path, "--licence", "E3",
                                                          "--format", "json", NULL },
                                        &out, NULL), ==, 0);
  {
    g_autoptr(BwReport) expected = bw_engine_compute (catalog, off);
    g_autofree char *covered = g_strdup_printf ("\"covered\": %u,\n    \"partial\": %u,",
                                                bw_report_get_summary (expected)->covered,
                                                bw_report_get_summary (expected)->partial);

    g_assert_nonnull (strstr (out, covered));
  }
  /* The recommender counts the overridden capabilities as above E3: nothing of theirs. */
  {
    g_autoptr(GPtrArray) with = bw_recommend (catalog, doc, 2, NULL, NULL);
    g_autoptr(GPtrArray) without = bw_recommend (catalog, off, 2, NULL, NULL);

    g_assert_cmpuint (with->len, ==, without->len);
    for (guint i = 0; i < with->len; i++)
      g_assert_cmpfloat (((BwRecommendation *) with->pdata[i])->ratio_after, ==,
                         ((BwRecommendation *) without->pdata[i])->ratio_after);
  }
  /* An override of a capability the catalog does not know is refused, and says where. */
  {
    static const char *const unknown[] = { "DEF-SATT-E3", "E5", "NOPE-E3", "E5", NULL };
    g_autofree char *bad = NULL;
    g_autofree char *err = NULL;

    bw_document_set_licence_overrides (doc, unknown);
    bad = bw_document_to_data (doc, NULL);
    g_assert_true (g_file_set_contents (path, bad, -1, NULL));
    g_assert_cmpint (bw_test_run_bulwark ((const char *[]) { "validate", path, NULL }, NULL, &err),
                     ==, 2);
    g_assert_nonnull (strstr (err, "settings.licence_overrides.NOPE-E3: no capability “NOPE-E3”"));
  }
  g_unlink (path);
}

static void
advice_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  GAsyncResult **out = data;

  *out = g_object_ref (result);
}

static BwAdvice *
compute_advice (BwCatalog     *catalog,
                BwDocument    *doc,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  bw_advice_compute_async (NULL, catalog, doc, 5, cancellable, advice_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return bw_advice_compute_finish (result, error);
}

/* The Advisor's figures off the main thread: those of the document when asked, whatever it
 * becomes meanwhile; a cancelled run says so. */
static void
test_advice_async (void)
{
  g_autoptr(BwCatalog) catalog = shipped_catalog ();
  g_autoptr(BwDocument) doc = load_sample ();
  g_autoptr(GPtrArray) expected = bw_recommend (catalog, doc, 5, NULL, NULL);
  g_autoptr(BwTiers) tiers = bw_tiers_compute (catalog, doc);
  g_autoptr(BwAdvice) advice = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = bw_document_to_data (doc, NULL);
  g_autofree char *after = NULL;

  advice = compute_advice (catalog, doc, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (advice->recommendations->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      const BwRecommendation *e = g_ptr_array_index (expected, i);
      const BwRecommendation *r = g_ptr_array_index (advice->recommendations, i);

      g_assert_cmpstr (r->stencil, ==, e->stencil);
      g_assert_cmpstr (r->target, ==, e->target);
      g_assert_cmpfloat (r->ratio_after, ==, e->ratio_after);
    }
  assert_same_figures (&advice->tiers->summary[BW_TIER_E3], &tiers->summary[BW_TIER_E3]);
  assert_same_figures (&advice->tiers->summary[BW_TIER_E5], &tiers->summary[BW_TIER_E5]);
  after = bw_document_to_data (doc, NULL);
  g_assert_cmpstr (after, ==, before);

  g_clear_pointer (&advice, bw_advice_free);
  g_cancellable_cancel (cancellable);
  advice = compute_advice (catalog, doc, cancellable, &error);
  g_assert_null (advice);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* settings.licence is saved only when set, read back, and a wrong value is named. */
static void
test_licence_file (void)
{
  g_autoptr(BwDocument) doc = load_sample ();
  g_autofree char *plain = bw_document_to_data (doc, NULL);
  g_autofree char *with = NULL;
  g_autoptr(BwDocument) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = NULL;
  BwHistory *history = bw_history_new (doc);

  g_assert_null (strstr (plain, "licence"));
  g_assert_true (bw_history_set_licence (history, "E3", NULL));
  with = bw_document_to_data (doc, NULL);
  g_assert_nonnull (strstr (with, "\"threat_groups\": [],\n    \"licence\": \"E3\"\n  },"));
  back = bw_document_load_from_data (with, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bw_document_get_licence (back), ==, "E3");
  g_assert_true (bw_history_undo (history));
  g_assert_null (bw_document_get_licence (doc));
  g_assert_false (bw_history_set_licence (history, "E7", &error));
  g_clear_error (&error);
  g_object_unref (history);

  {
    g_auto(GStrv) parts = g_strsplit (with, "\"licence\": \"E3\"", 2);

    bad = g_strjoin ("\"licence\": \"F1\"", parts[0], parts[1], NULL);
  }
  g_assert_null (bw_document_load_from_data (bad, -1, &error));
  g_assert_error (error, BW_DOCUMENT_ERROR, BW_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "settings.licence"));
}

/* Flow edges: n1 → n2 → n3 → n1 (a cycle), n1 → n4, n4 → n7 (a service: not an asset, not
 * followed), n5 stands alone. Per-asset figures make n2 the weakest step on the way to n3. */
static void
test_attack_paths (void)
{
  g_autoptr(BwCatalog) catalog = bw_test_tiny_catalog ();
  const char *lines[] = { "n1 win -", "n2 win -", "n3 win -", "n4 lin -", "n5 win -", "n6 svc -",
                          "n7 svc.win -",
                          "e1 flow n1 n2", "e2 flow n2 n3", "e3 flow n3 n1", "e4 flow n1 n4",
                          "e5 flow n4 n7", "e6 protects n6 n3", "e7 protects n6 n4",
                          "e8 protects n7 n1", NULL };
  g_autoptr(BwDocument) doc = bw_test_build_document (lines);
  g_autoptr(BwReport) report = bw_engine_compute (catalog, doc);
  g_autoptr(GPtrArray) paths = bw_attack_paths (catalog, doc, report, "n1", NULL);
  g_autoptr(GPtrArray) none = bw_attack_paths (catalog, doc, report, "n5", NULL);
  g_autoptr(GPtrArray) hops = NULL;
  g_autoptr(GError) error = NULL;
  const BwAttackPath *p;

  g_assert_cmpuint (paths->len, ==, 3);
  /* Nearest first; equally near ones in edge order. */
  p = g_ptr_array_index (paths, 0);
  g_assert_cmpstr (p->asset, ==, "n2");
  g_assert_cmpuint (p->n_hops, ==, 2);
  g_assert_null (p->via);
  g_assert_cmpstr (p->weakest, ==, "n2");
  g_assert_cmpfloat (p->weakest_ratio, ==, 0);   /* nothing protects n2 */
  g_assert_cmpuint (p->weakest_gaps, ==, 3);     /* T2, T3, T5 */
  p = g_ptr_array_index (paths, 1);
  g_assert_cmpstr (p->asset, ==, "n4");
  g_assert_cmpstr (p->weakest, ==, "n4");
  /* T4: respond only, so a gap; T5: protect minimal, so partial. (0 + 0.5) / 2. */
  g_assert_cmpfloat (p->weakest_ratio, ==, 0.25);
  g_assert_cmpuint (p->weakest_gaps, ==, 1);
  p = g_ptr_array_index (paths, 2);
  g_assert_cmpstr (p->asset, ==, "n3");
  hops = bw_attack_path_get_hops (p);
  g_assert_cmpuint (hops->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (hops, 0), ==, "n1");
  g_assert_cmpstr (g_ptr_array_index (hops, 1), ==, "n2");
  g_assert_cmpstr (g_ptr_array_index (hops, 2), ==, "n3");
  g_assert_true (p->via == g_ptr_array_index (paths, 0));
  g_assert_cmpstr (p->weakest, ==, "n2");

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_null (bw_attack_paths (catalog, doc, report, "n6", &error));
  g_assert_nonnull (strstr (error->message, "n6"));
}

/* The command line: JSON shapes, and the steps agree with `analyze`. */
static void
test_cli (void)
{
  g_autofree char *sample = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *recs;

  g_assert_cmpint (bw_test_run_bulwark ((const char *[]) { "recommend", sample, "--top", "3", "--format", "json", NULL },
                                        &out, &err), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  recs = json_object_get_array_member (root, "recommendations");
  g_assert_cmpuint (json_array_get_length (recs), ==, 3);
  /* The sample's third step connects the Privileged Identity Management drawn to Azure. */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (recs, 2), "from"),
                   ==, "n31");
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *r = json_array_get_object_element (recs, i);
      const char *action = json_object_get_string_member (r, "action");
      JsonArray *techniques = json_object_get_array_member (r, "techniques");

      /* A new node: stencil, action, target; a connection: action, from, to, kind. Both with
       * gain, ratio_after and the techniques raised most. */
      if (g_str_equal (action, "connect"))
        {
          g_assert_cmpuint (json_object_get_size (r), ==, 7);
          g_assert_nonnull (json_object_get_string_member (r, "from"));
          g_assert_nonnull (json_object_get_string_member (r, "to"));
          g_assert_true (g_str_equal (json_object_get_string_member (r, "kind"), "protects") ||
                         g_str_equal (json_object_get_string_member (r, "kind"), "telemetry"));
        }
      else
        {
          g_assert_cmpuint (json_object_get_size (r), ==, 6);
          g_assert_nonnull (json_object_get_string_member (r, "stencil"));
          g_assert_nonnull (json_object_get_string_member (r, "target"));
          g_assert_true (g_str_equal (action, "protects") || g_str_equal (action, "telemetry"));
        }
      g_assert_cmpfloat (json_object_get_double_member (r, "gain"), >, 0);
      g_assert_cmpuint (json_array_get_length (techniques), >, 0);
      g_assert_cmpuint (json_array_get_length (techniques), <=, 5);
    }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (bw_test_run_bulwark ((const char *[]) { "recommend", sample, "--top", "0", NULL },
                                        NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--top"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (bw_test_run_bulwark ((const char *[]) { "paths", sample, "--from", "n71", NULL },
                                        NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "n71"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (bw_test_run_bulwark ((const char *[]) { "paths", sample, "--from", "n48", "--format", "json", NULL },
                                        &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"hops\": [\"n48\", \"n43\", \"n40\", \"n53\"]"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (bw_test_run_bulwark ((const char *[]) { "tiers", sample, "--format", "json", NULL },
                                        &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"licence\": \"E3\""));
  g_assert_nonnull (strstr (out, "\"licence\": \"E5\""));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (bw_test_run_bulwark ((const char *[]) { "analyze", sample, "--licence", "E4", NULL },
                                        NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--licence"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/advise/profile-two-groups", test_profile_two_groups);
  g_test_add_func ("/advise/recommend-tiny", test_recommend_tiny);
  g_test_add_func ("/advise/recommend-profile", test_recommend_profile);
  g_test_add_func ("/advise/recommend-sample", test_recommend_sample);
  g_test_add_func ("/advise/apply-placement", test_apply_placement);
  g_test_add_func ("/advise/licence-tiers", test_licence_tiers);
  g_test_add_func ("/advise/tiers-compute", test_tiers_compute);
  g_test_add_func ("/advise/licence-overrides", test_licence_overrides);
  g_test_add_func ("/advise/advice-async", test_advice_async);
  g_test_add_func ("/advise/licence-file", test_licence_file);
  g_test_add_func ("/advise/attack-paths", test_attack_paths);
  g_test_add_func ("/advise/cli", test_cli);
  return g_test_run ();
}
