/* test-recommend.c: the recommender's search against a plain one written here — every service
 * stencil on every zone and node, each scored by a full engine run — on the sample, the good
 * fixtures and random estates: the same steps, in the same order, with the same figures. */
#include "config.h"

#include "bw-document-io.h"
#include "bw-engine.h"
#include "bw-history.h"
#include "bw-recommend-private.h"
#include "bw-recommend.h"
#include "bw-test-estate.h"
#include "bw-test-util.h"

static BwCatalog *
shipped_catalog (void)
{
  g_autoptr(GError) error = NULL;
  BwCatalog *catalog = bw_catalog_load_default (&error);

  g_assert_no_error (error);
  return catalog;
}

static BwDocument *
load (const char *relative)
{
  g_autofree char *path = bw_test_source_path (relative);
  g_autoptr(GError) error = NULL;
  BwDocument *doc = bw_document_load_from_file (path, &error);

  g_assert_no_error (error);
  return doc;
}

static gboolean
usable (BwCatalog       *catalog,
        BwDocument      *doc,
        const BwStencil *stencil)
{
  const char *licence = bw_document_get_licence (doc);

  for (guint i = 0; stencil->capabilities[i] != NULL; i++)
    {
      const BwCapability *cap = bw_catalog_lookup_capability (catalog, stencil->capabilities[i]);

      if (cap != NULL && cap->n_entries > 0 &&
          bw_licence_admits_tier (licence,
                                  bw_document_get_capability_tier (doc, cap->id, cap->tier)))
        return TRUE;
    }
  return FALSE;
}

typedef struct
{
  BwCatalog        *catalog;
  BwDocument       *work;
  BwEngine         *engine;   /* attached only for one full run at a time */
  double            base;
  BwRecommendation *best;
} Reference;

static double
full_ratio (Reference *r)
{
  BwReport *report;
  double ratio;

  bw_engine_set_document (r->engine, r->work);
  report = bw_engine_get_report (r->engine);
  ratio = bw_report_has_profile (report) ? bw_report_get_profile_summary (report)->ratio
                                         : bw_report_get_summary (report)->ratio;
  bw_engine_set_document (r->engine, NULL);
  return ratio;
}

/* Applies one candidate, scores the whole document from scratch, takes it back. */
static void
try_from (Reference         *r,
          const char        *stencil,
          BwRecommendAction  action,
          const char        *target,
          const char        *siem,
          const char        *from)
{
  BwRecommendation c = { (char *) stencil, action, (char *) target, (char *) siem, 0, 0,
                         (char *) from, NULL };
  g_autofree char *id = bw_recommend_apply (r->catalog, r->work, &c, NULL);
  double ratio, gain;

  /* What the document does not take scores nothing. */
  if (id == NULL)
    return;
  ratio = full_ratio (r);
  if (bw_document_lookup_node (r->work, id) != NULL)
    for (guint i = bw_document_get_n_edges (r->work); i-- > 0;)
      {
        const BwEdge *e = bw_document_get_edge (r->work, i);

        if (g_str_equal (e->from, id) || g_str_equal (e->to, id))
          {
            g_autofree char *edge = g_strdup (e->id);

            g_assert_true (bw_document_remove (r->work, edge, NULL));
            break;
          }
      }
  g_assert_true (bw_document_remove (r->work, id, NULL));

  gain = ratio - r->base;
  if (gain > 1e-12 && (r->best == NULL || gain > r->best->gain + 1e-12))
    {
      bw_recommendation_free (r->best);
      r->best = g_new0 (BwRecommendation, 1);
      r->best->stencil = g_strdup (stencil);
      r->best->action = action;
      r->best->target = g_strdup (target);
      r->best->siem = g_strdup (siem);
      r->best->from = g_strdup (from);
      r->best->gain = gain;
      r->best->ratio_after = ratio;
    }
}

static void
try (Reference         *r,
     const char        *stencil,
     BwRecommendAction  action,
     const char        *target,
     const char        *siem)
{
  try_from (r, stencil, action, target, siem, NULL);
}

/* Whether zone `zone` holds an asset that `stencil` admits and that no service of its kind
 * guards yet. */
static gboolean
zone_useful (Reference       *r,
             const BwStencil *stencil,
             const char      *zone)
{
  for (guint i = 0; i < bw_document_get_n_nodes (r->work); i++)
    {
      const BwNode *n = bw_document_get_node (r->work, i);
      const BwStencil *ns = bw_catalog_lookup_stencil (r->catalog, n->kind);

      if (ns != NULL && ns->role == BW_ROLE_ASSET && n->zone != NULL &&
          bw_stencil_admits (stencil, n->kind) &&
          bw_document_zone_is_within (r->work, n->zone, zone) &&
          !bw_recommend_guarded (r->catalog, r->work, stencil->id, n->id))
        return TRUE;
    }
  return FALSE;
}

/* A protects edge from every service node drawn to every zone and asset it admits and no
 * service of its kind guards yet, first: of equal gains, connecting wins. */
static void
reference_connect (Reference *r)
{
  BwDocument *doc = r->work;

  for (guint x = 0; x < bw_document_get_n_nodes (doc); x++)
    {
      g_autofree char *from = g_strdup (bw_document_get_node (doc, x)->id);
      g_autofree char *kind = g_strdup (bw_document_get_node (doc, x)->kind);
      const BwStencil *stencil = bw_catalog_lookup_stencil (r->catalog, kind);

      if (stencil == NULL || stencil->role != BW_ROLE_SERVICE || stencil->siem)
        continue;
      for (guint z = 0; z < bw_document_get_n_zones (doc); z++)
        {
          g_autofree char *zone = g_strdup (bw_document_get_zone (doc, z)->id);

          if (zone_useful (r, stencil, zone) && !bw_recommend_guarded (r->catalog, doc, kind, zone))
            try_from (r, kind, BW_RECOMMEND_CONNECT, zone, NULL, from);
        }
      for (guint i = 0; i < bw_document_get_n_nodes (doc); i++)
        {
          const BwNode *n = bw_document_get_node (doc, i);
          const BwStencil *ns = bw_catalog_lookup_stencil (r->catalog, n->kind);
          g_autofree char *target = g_strdup (n->id);

          if (ns != NULL && ns->role == BW_ROLE_ASSET && bw_stencil_admits (stencil, n->kind) &&
              !bw_recommend_guarded (r->catalog, doc, kind, target))
            try_from (r, kind, BW_RECOMMEND_CONNECT, target, NULL, from);
        }
    }
}

static void
reference_step (Reference *r)
{
  BwDocument *doc = r->work;
  guint n_nodes = bw_document_get_n_nodes (doc);

  r->base = full_ratio (r);
  reference_connect (r);
  for (guint s = 0; s < bw_catalog_get_n_stencils (r->catalog); s++)
    {
      const BwStencil *stencil = bw_catalog_get_stencil (r->catalog, s);
      const char *siem = NULL;

      if (stencil->role != BW_ROLE_SERVICE || !usable (r->catalog, doc, stencil))
        continue;
      if (stencil->siem)
        {
          for (guint i = 0; i < n_nodes && siem == NULL; i++)
            if (g_str_equal (bw_document_get_node (doc, i)->kind, stencil->id))
              siem = bw_document_get_node (doc, i)->id;
          for (guint i = 0; i < n_nodes; i++)
            {
              const BwNode *n = bw_document_get_node (doc, i);
              const BwStencil *ns = bw_catalog_lookup_stencil (r->catalog, n->kind);
              g_autofree char *target = g_strdup (n->id);
              g_autofree char *into = g_strdup (siem);

              if (ns != NULL && !ns->siem && ns->role != BW_ROLE_ZONE)
                try (r, stencil->id, BW_RECOMMEND_TELEMETRY, target, into);
            }
          continue;
        }
      for (guint z = 0; z < bw_document_get_n_zones (doc); z++)
        {
          g_autofree char *zone = g_strdup (bw_document_get_zone (doc, z)->id);

          /* Never a second service of a kind where one already guards the target. */
          if (zone_useful (r, stencil, zone) &&
              !bw_recommend_guarded (r->catalog, doc, stencil->id, zone))
            try (r, stencil->id, BW_RECOMMEND_PROTECTS, zone, NULL);
        }
      for (guint i = 0; i < n_nodes; i++)
        {
          const BwNode *n = bw_document_get_node (doc, i);
          const BwStencil *ns = bw_catalog_lookup_stencil (r->catalog, n->kind);
          g_autofree char *target = g_strdup (n->id);

          if (ns != NULL && ns->role == BW_ROLE_ASSET && bw_stencil_admits (stencil, n->kind) &&
              !bw_recommend_guarded (r->catalog, doc, stencil->id, target))
            try (r, stencil->id, BW_RECOMMEND_PROTECTS, target, NULL);
        }
    }
}

static GPtrArray *
reference_recommend (BwCatalog  *catalog,
                     BwDocument *doc,
                     guint       top)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) bw_recommendation_free);
  g_autoptr(BwDocument) work = bw_document_copy (doc);
  g_autoptr(BwEngine) engine = bw_engine_new (catalog);
  Reference r = { catalog, work, engine, 0, NULL };

  for (guint step = 0; step < top; step++)
    {
      r.best = NULL;
      reference_step (&r);
      if (r.best == NULL)
        break;
      g_free (bw_recommend_apply (catalog, work, r.best, NULL));
      g_ptr_array_add (out, r.best);
    }
  return out;
}

/* Returns how many steps both found. */
static guint
assert_same_steps (BwCatalog  *catalog,
                   BwDocument *doc,
                   guint       top)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GPtrArray) got = bw_recommend (catalog, doc, top, NULL, NULL);
  gint64 searched = g_get_monotonic_time ();
  g_autoptr(GPtrArray) expected = reference_recommend (catalog, doc, top);

  g_test_message ("%u steps: search %.3f s, reference %.3f s", got->len,
                  (searched - start) / 1e6, (g_get_monotonic_time () - searched) / 1e6);
  g_assert_cmpuint (got->len, ==, expected->len);
  for (guint i = 0; i < got->len; i++)
    {
      const BwRecommendation *a = g_ptr_array_index (got, i), *b = g_ptr_array_index (expected, i);

      g_test_message ("  %s %s %s: %+.6f", a->stencil, bw_recommend_action_to_string (a->action),
                      a->target, a->gain);
      g_assert_cmpstr (a->stencil, ==, b->stencil);
      g_assert_cmpint (a->action, ==, b->action);
      g_assert_cmpstr (a->target, ==, b->target);
      g_assert_cmpstr (a->siem, ==, b->siem);
      g_assert_cmpstr (a->from, ==, b->from);
      g_assert_cmpfloat (a->gain, ==, b->gain);
      g_assert_cmpfloat (a->ratio_after, ==, b->ratio_after);
    }
  return got->len;
}

static void
test_sample (void)
{
  g_autoptr(BwCatalog) catalog = shipped_catalog ();
  g_autoptr(BwDocument) doc = load ("data/samples/reference-architecture.bulwark");
  const char *groups[] = { "G0016", "G0046", NULL };

  assert_same_steps (catalog, doc, 5);
  /* Under a threat profile and the smaller licence. */
  bw_document_set_threat_groups (doc, groups);
  bw_document_set_licence (doc, "E3");
  assert_same_steps (catalog, doc, 5);
}

static void
test_fixtures (void)
{
  g_autoptr(BwCatalog) catalog = shipped_catalog ();
  const char *names[] = { "all-edge-kinds", "empty", "nested-zones", "small", "threat-focus",
                          "unknown-props", NULL };

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("tests/fixtures/good/%s.bulwark", names[i]);
      g_autoptr(BwDocument) doc = load (path);

      g_test_message ("%s", names[i]);
      assert_same_steps (catalog, doc, 4);
    }
}

/* The tiny catalog's document of test-advise, and small random estates over the tiny catalog,
 * where one addition often flips a technique (many seeds, as they cost little). */
static void
test_tiny (void)
{
  g_autoptr(BwCatalog) catalog = bw_test_tiny_catalog ();
  const char *lines[] = { "z1 zone.a -", "n1 win z1", "n2 lin z1", "n3 web -", "n4 svc.win -",
                          "n5 siem -", "n6 col -", "e1 protects n4 n1", "e2 telemetry n6 n5", NULL };
  g_autoptr(BwDocument) doc = bw_test_build_document (lines);
  guint steps = 0;

  assert_same_steps (catalog, doc, 10);
  for (guint32 seed = 1; seed <= 40; seed++)
    {
      g_autoptr(BwDocument) estate = bw_test_random_estate (catalog, 4 + seed % 20, seed);

      steps += assert_same_steps (catalog, estate, 6);
    }
  /* The estates are worth comparing on: most of them have steps to take. */
  g_assert_cmpuint (steps, >, 40);
}

/* Flow edges from each mailbox to an asset drawn at random, for rule 10 on the delivery
 * catalog. */
static void
add_mailbox_flows (BwCatalog  *catalog,
                   BwDocument *estate,
                   guint32     seed)
{
  guint n = bw_document_get_n_nodes (estate);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  for (guint i = 0; i < n; i++)
    {
      const BwNode *from = bw_document_get_node (estate, i);
      const BwNode *to = bw_document_get_node (estate, g_rand_int_range (rand, 0, n));
      const BwStencil *st = bw_catalog_lookup_stencil (catalog, to->kind);

      if (g_str_equal (from->kind, "mail") && from != to && st != NULL &&
          st->role == BW_ROLE_ASSET)
        bw_document_add_edge (estate, NULL, BW_EDGE_FLOW, from->id, to->id, NULL);
    }
}

/* Rule 10 on the tiny catalog with initial access: a guard on a mailbox (or on its zone), new or
 * drawn and connected, gives what its flows reach the delivery techniques, so the mailboxes with
 * flows out are weighed on their own; hand-made estates, then random ones whose flows often
 * start at a mailbox. */
static void
test_tiny_delivery (void)
{
  g_autoptr(BwCatalog) catalog = bw_test_delivery_catalog ();
  const char *lines[] = { "z1 zone.a -", "z2 zone.a z1", "n1 mail z2", "n2 mail z2", "n3 win -",
                          "n4 lin z1", "n5 win -", "n6 mail -", "n7 siem -", "e1 flow n1 n3",
                          "e2 flow n1 n4", "e3 flow n2 n5", "e4 flow n6 n5", "e5 flow n3 n4",
                          "e6 flow n2 n1",
                          /* A guard drawn and not yet connected: connecting it delivers too. */
                          "n8 mdo -", NULL };
  g_autoptr(BwDocument) doc = bw_test_build_document (lines);
  guint steps = 0;

  g_assert_cmpuint (assert_same_steps (catalog, doc, 8), >, 2);
  for (guint32 seed = 1; seed <= 40; seed++)
    {
      g_autoptr(BwDocument) estate = bw_test_random_estate (catalog, 4 + seed % 20, seed);

      add_mailbox_flows (catalog, estate, seed);
      steps += assert_same_steps (catalog, estate, 6);
    }
  g_assert_cmpuint (steps, >, 40);
}

/* Random estates over the shipped catalog: the reference costs a full engine run per
 * candidate, so two estates by default and a larger third under -m thorough. */
static void
test_random (void)
{
  g_autoptr(BwCatalog) catalog = shipped_catalog ();
  const char *groups[] = { "G0016", NULL };
  const char *licences[] = { NULL, "E3", "E5" };
  guint sizes[] = { 100, 180, 300 };

  for (guint32 seed = 1; seed <= (g_test_thorough () ? 3 : 2); seed++)
    {
      g_autoptr(BwDocument) doc = bw_test_random_estate (catalog, sizes[seed - 1], seed);

      if (seed == 2)
        bw_document_set_threat_groups (doc, groups);
      bw_document_set_licence (doc, licences[seed % 3]);
      g_test_message ("seed %u: %u zones, %u nodes, %u edges", seed, bw_document_get_n_zones (doc),
                      bw_document_get_n_nodes (doc), bw_document_get_n_edges (doc));
      assert_same_steps (catalog, doc, 3);
    }
}

/* The ratio after a protects edge from `from` to `target`, by a full engine run, the edge then
 * taken back; -1 when the document does not take it. */
static double
connected_ratio (BwCatalog  *catalog,
                 BwDocument *work,
                 BwEngine   *full,
                 const char *kind,
                 const char *from,
                 const char *target)
{
  BwRecommendation c = { (char *) kind, BW_RECOMMEND_CONNECT, (char *) target, NULL, 0, 0,
                         (char *) from, NULL };
  g_autofree char *edge = bw_recommend_apply (catalog, work, &c, NULL);
  double ratio;

  if (edge == NULL)
    return -1;
  bw_engine_set_document (full, work);
  ratio = bw_recommend_report_ratio (bw_engine_get_report (full));
  bw_engine_set_document (full, NULL);
  g_assert_true (bw_document_remove (work, edge, NULL));
  return ratio;
}

/* The ceiling the connect search stops at, against a full engine run of every connection of
 * every service node drawn (to each zone and each asset it admits, guarded or not): none gives
 * a higher ratio. Returns how many nodes had a connection that reaches their ceiling, so that
 * a ceiling too high to stop anything shows. */
static guint
assert_ceilings (BwCatalog  *catalog,
                 BwDocument *doc)
{
  g_autoptr(BwDocument) work = bw_document_copy (doc);
  g_autoptr(BwEngine) engine = bw_engine_new (catalog);
  g_autoptr(BwEngine) full = bw_engine_new (catalog);
  g_autoptr(GArray) ceilings = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_nodes = bw_document_get_n_nodes (work);
  guint reached = 0;
  BwRecommendSearch s;

  bw_engine_set_document (engine, work);
  bw_recommend_search_init (&s, catalog, work, engine);
  for (guint x = 0; x < n_nodes; x++)
    {
      const BwStencil *st = s.stencils[x];
      double ceiling = st != NULL && st->role == BW_ROLE_SERVICE && !st->siem
                         ? bw_recommend_search_connect_ceiling (&s, x)
                         : -1;

      g_array_append_val (ceilings, ceiling);
    }
  bw_recommend_search_clear (&s);
  bw_engine_set_document (engine, NULL);

  for (guint x = 0; x < n_nodes; x++)
    {
      double ceiling = g_array_index (ceilings, double, x), highest = -1;
      g_autofree char *from = g_strdup (bw_document_get_node (work, x)->id);
      g_autofree char *kind = g_strdup (bw_document_get_node (work, x)->kind);
      const BwStencil *stencil = bw_catalog_lookup_stencil (catalog, kind);

      if (ceiling < 0)
        continue;
      for (guint z = 0; z < bw_document_get_n_zones (work); z++)
        {
          g_autofree char *zone = g_strdup (bw_document_get_zone (work, z)->id);
          double ratio = connected_ratio (catalog, work, full, kind, from, zone);

          g_assert_cmpfloat (ratio, <=, ceiling);
          highest = MAX (highest, ratio);
        }
      for (guint i = 0; i < n_nodes; i++)
        {
          const BwNode *n = bw_document_get_node (work, i);
          const BwStencil *ns = bw_catalog_lookup_stencil (catalog, n->kind);
          g_autofree char *target = g_strdup (n->id);
          double ratio;

          if (ns == NULL || ns->role != BW_ROLE_ASSET || !bw_stencil_admits (stencil, n->kind))
            continue;
          ratio = connected_ratio (catalog, work, full, kind, from, target);
          g_assert_cmpfloat (ratio, <=, ceiling);
          highest = MAX (highest, ratio);
        }
      g_test_message ("%s: ceiling %.6f, highest %.6f", from, ceiling, highest);
      reached += highest == ceiling;
    }
  return reached;
}

static void
test_connect_ceiling (void)
{
  g_autoptr(BwCatalog) shipped = shipped_catalog ();
  g_autoptr(BwCatalog) delivery = bw_test_delivery_catalog ();
  const char *groups[] = { "G0016", NULL };
  guint reached = 0;

  for (guint32 seed = 1; seed <= 2; seed++)
    {
      g_autoptr(BwDocument) doc = bw_test_random_estate (shipped, 120, seed);

      /* The second under a threat profile: only its techniques count. */
      if (seed == 2)
        bw_document_set_threat_groups (doc, groups);
      reached += assert_ceilings (shipped, doc);
    }
  for (guint32 seed = 1; seed <= 30; seed++)
    {
      g_autoptr(BwDocument) estate = bw_test_random_estate (delivery, 6 + seed % 20, seed);

      add_mailbox_flows (delivery, estate, seed);
      reached += assert_ceilings (delivery, estate);
    }
  g_test_message ("%u nodes reach their ceiling", reached);
  g_assert_cmpuint (reached, >, 0);
}

/* A node at the edge of the coordinates: what would protect it cannot be placed beside it, so
 * neither search may offer that; the one the document takes comes instead. */
static void
test_edge_of_the_page (void)
{
  g_autoptr(BwCatalog) catalog = bw_test_tiny_catalog ();
  g_autoptr(BwDocument) doc = bw_document_new ();
  g_autoptr(GPtrArray) steps = NULL;

  g_assert_nonnull (bw_document_add_node (doc, "n1", "win", "Far", NULL, 1e7 - 100, 0, NULL, NULL));
  g_assert_nonnull (bw_document_add_node (doc, "n2", "win", "Near", NULL, 0, 0, NULL, NULL));
  assert_same_steps (catalog, doc, 4);
  steps = bw_recommend (catalog, doc, 1, NULL, NULL);
  g_assert_cmpuint (steps->len, ==, 1);
  g_assert_cmpstr (((BwRecommendation *) g_ptr_array_index (steps, 0))->target, ==, "n2");

  /* Once a stencil's node was placed, later places are checked against the edge too: a Linux
   * box at the edge after a Windows box and before another Linux box, in a zone at the edge. */
  {
    g_autoptr(BwDocument) more = bw_document_new ();

    g_assert_nonnull (bw_document_add_zone (more, "z1", "zone.a", "Edge", NULL, 1e7 - 300, 0, 250,
                                            200, NULL));
    g_assert_nonnull (bw_document_add_node (more, "n1", "win", "Near", NULL, 0, 0, NULL, NULL));
    g_assert_nonnull (bw_document_add_node (more, "n2", "lin", "Far", "z1", 1e7 - 100, 0, NULL, NULL));
    g_assert_nonnull (bw_document_add_node (more, "n3", "lin", "Near", NULL, 0, 500, NULL, NULL));
    g_assert_nonnull (bw_document_add_node (more, "n4", "web", "Far", NULL, -1e7, -1e7, NULL, NULL));
    g_assert_cmpuint (assert_same_steps (catalog, more, 6), >, 0);
  }
}

/* Connecting what is drawn, worked out by hand on the tiny catalog. svc.win (n4) protects n1
 * and sends telemetry through a collector to the SIEM; n2 beside it has nothing. T2, T3, T5
 * apply to both boxes; before: n1 has T2 3, T3 2, T5 1 and n2 nothing, so all three are
 * partial, ratio 0.5. The protects edge n4 → z1 gives n2 cap.full and, through n4's reach, the
 * SIEM's cap.siem: T2 and T3 become covered, T5 stays partial (minimal everywhere): 2.5 / 3.
 * A new svc on z1 gains the same, and connecting comes first. */
static void
test_connect (void)
{
  g_autoptr(BwCatalog) catalog = bw_test_tiny_catalog ();
  const char *lines[] = { "z1 zone.a -", "n1 win z1", "n2 win z1", "n4 svc.win z1", "n5 siem -",
                          "n6 col -", "e1 protects n4 n1", "e2 telemetry n4 n6",
                          "e3 telemetry n6 n5", NULL };
  g_autoptr(BwDocument) doc = bw_test_build_document (lines);
  g_autoptr(GPtrArray) steps = bw_recommend (catalog, doc, 3, NULL, NULL);
  g_autoptr(BwHistory) history = NULL;
  const BwRecommendation *r;
  g_autofree char *edge = NULL;
  g_autoptr(GError) error = NULL;
  guint n_edges = bw_document_get_n_edges (doc);

  g_assert_cmpfloat (bw_recommend_ratio (catalog, doc), ==, 0.5);
  g_assert_cmpuint (steps->len, ==, 1);
  r = g_ptr_array_index (steps, 0);
  g_assert_cmpint (r->action, ==, BW_RECOMMEND_CONNECT);
  g_assert_cmpstr (r->from, ==, "n4");
  g_assert_cmpstr (r->stencil, ==, "svc.win");
  g_assert_cmpstr (r->target, ==, "z1");
  g_assert_cmpfloat (r->ratio_after, ==, 2.5 / 3);
  g_assert_cmpfloat (r->gain, ==, 2.5 / 3 - 0.5);
  g_assert_cmpstr (bw_recommend_action_to_string (r->action), ==, "connect");
  /* T2 and T3 went from partial to covered; T5 stays partial, on one more asset. */
  g_assert_cmpuint (g_strv_length (r->techniques), ==, 3);
  g_assert_cmpstr (r->techniques[0], ==, "T2");
  g_assert_cmpstr (r->techniques[1], ==, "T3");
  g_assert_cmpstr (r->techniques[2], ==, "T5");
  assert_same_steps (catalog, doc, 3);

  /* Applied as the window does: one edge, no node, one undo step; the engine agrees. */
  history = bw_history_new (doc);
  edge = bw_recommend_apply_with_history (catalog, history, r, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bw_document_lookup_edge (doc, edge));
  g_assert_cmpuint (bw_document_get_n_nodes (doc), ==, 5);
  g_assert_cmpuint (bw_document_get_n_edges (doc), ==, n_edges + 1);
  g_assert_cmpfloat (bw_recommend_ratio (catalog, doc), ==, r->ratio_after);
  g_assert_true (bw_history_undo (history));
  g_assert_cmpuint (bw_document_get_n_edges (doc), ==, n_edges);
  g_assert_false (bw_history_get_can_undo (history));
}

/* Never a second service of a kind where one already guards the target or a zone holding it,
 * nor one that a service drawn there includes (Defender for Servers brings Defender for
 * Endpoint); and only where the target holds an asset it admits that nothing of its kind
 * guards yet. Checked on every step over the sample. */
static void
test_practitioner (void)
{
  g_autoptr(BwCatalog) catalog = shipped_catalog ();
  g_autoptr(BwDocument) doc = load ("data/samples/reference-architecture.bulwark");
  g_autoptr(BwDocument) work = bw_document_copy (doc);
  g_autoptr(GPtrArray) steps = bw_recommend (catalog, doc, 12, NULL, NULL);
  guint connects = 0;

  /* Defender for Servers protects the Production VNet (n60 → z5): the VMs in it have Defender
   * for Endpoint, though no such node is drawn in Azure. */
  g_assert_true (bw_recommend_guarded (catalog, doc, "sec.defender-for-endpoint", "n40"));
  g_assert_true (bw_recommend_guarded (catalog, doc, "sec.defender-for-servers", "z2"));
  g_assert_true (bw_recommend_guarded (catalog, doc, "sec.defender-for-servers", "n1"));
  g_assert_false (bw_recommend_guarded (catalog, doc, "sec.defender-for-servers", "n49"));
  g_assert_false (bw_recommend_guarded (catalog, doc, "sec.defender-for-endpoint", "n49"));

  g_assert_cmpuint (steps->len, ==, 12);
  for (guint i = 0; i < steps->len; i++)
    {
      const BwRecommendation *r = g_ptr_array_index (steps, i);
      const BwStencil *stencil = bw_catalog_lookup_stencil (catalog, r->stencil);
      const BwNode *node = bw_document_lookup_node (work, r->target);
      gboolean admitted = FALSE;

      g_test_message ("%s %s %s", r->stencil, bw_recommend_action_to_string (r->action), r->target);
      g_assert_cmpuint (g_strv_length (r->techniques), >, 0);
      g_assert_cmpuint (g_strv_length (r->techniques), <=, BW_RECOMMEND_TOP_TECHNIQUES);
      if (r->action != BW_RECOMMEND_TELEMETRY)
        {
          g_assert_false (bw_recommend_guarded (catalog, work, r->stencil, r->target));
          for (guint k = 0; k < bw_document_get_n_nodes (work) && !admitted; k++)
            {
              const BwNode *n = bw_document_get_node (work, k);

              admitted = (node != NULL ? n == node
                                       : n->zone != NULL &&
                                           bw_document_zone_is_within (work, n->zone, r->target)) &&
                         bw_stencil_admits (stencil, n->kind) &&
                         bw_catalog_lookup_stencil (catalog, n->kind)->role == BW_ROLE_ASSET &&
                         !bw_recommend_guarded (catalog, work, r->stencil, n->id);
            }
          g_assert_true (admitted);
        }
      connects += r->action == BW_RECOMMEND_CONNECT;
      g_free (bw_recommend_apply (catalog, work, r, NULL));
    }
  /* The sample's identity services guard the tenant only: connecting one is among the steps. */
  g_assert_cmpuint (connects, >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/recommend/same-as-reference/sample", test_sample);
  g_test_add_func ("/recommend/same-as-reference/fixtures", test_fixtures);
  g_test_add_func ("/recommend/same-as-reference/tiny", test_tiny);
  g_test_add_func ("/recommend/same-as-reference/tiny-delivery", test_tiny_delivery);
  g_test_add_func ("/recommend/same-as-reference/random", test_random);
  g_test_add_func ("/recommend/same-as-reference/edge-of-the-page", test_edge_of_the_page);
  g_test_add_func ("/recommend/connect", test_connect);
  g_test_add_func ("/recommend/connect-ceiling", test_connect_ceiling);
  g_test_add_func ("/recommend/practitioner", test_practitioner);
  return g_test_run ();
}
