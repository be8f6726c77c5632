/* bw-recommend.c: greedy recommendations over the catalog's services, each step found by the
 * search of bw-recommend-search.c on a copy of the document and then applied to it. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-document-io.h"
#include "bw-document-private.h"
#include "bw-engine.h"
#include "bw-edit-rules.h"
#include "bw-recommend-private.h"

void
bw_recommendation_free (BwRecommendation *self)
{
  if (self == NULL)
    return;
  g_free (self->stencil);
  g_free (self->target);
  g_free (self->siem);
  g_free (self->from);
  g_strfreev (self->techniques);
  g_free (self);
}

const char *
bw_recommend_action_to_string (BwRecommendAction action)
{
  return action == BW_RECOMMEND_TELEMETRY ? "telemetry"
         : action == BW_RECOMMEND_CONNECT ? "connect"
                                          : "protects";
}

void
bw_recommend_plan_clear (BwRecommendPlan *plan)
{
  g_clear_pointer (&plan->kind, g_free);
  g_clear_pointer (&plan->label, g_free);
  g_clear_pointer (&plan->zone, g_free);
  g_clear_pointer (&plan->from, g_free);
  g_clear_pointer (&plan->to, g_free);
}

double
bw_recommend_report_ratio (BwReport *report)
{
  return bw_report_has_profile (report) ? bw_report_get_profile_summary (report)->ratio
                                        : bw_report_get_summary (report)->ratio;
}

double
bw_recommend_ratio (BwCatalog  *catalog,
                    BwDocument *document)
{
  g_autoptr(BwReport) report = bw_engine_compute (catalog, document);

  return bw_recommend_report_ratio (report);
}

gboolean
bw_recommend_stencil_usable (BwCatalog       *catalog,
                             BwDocument      *document,
                             const BwStencil *stencil)
{
  const char *licence = bw_document_get_licence (document);

  for (guint i = 0; stencil->capabilities[i] != NULL; i++)
    {
      const BwCapability *cap = bw_catalog_lookup_capability (catalog, stencil->capabilities[i]);

      if (cap != NULL && cap->n_entries > 0 &&
          bw_licence_admits_tier (licence,
                                  bw_document_get_capability_tier (document, cap->id, cap->tier)))
        return TRUE;
    }
  return FALSE;
}

/* Right of everything drawn, level with the top of the diagram. */
static void
beside_the_diagram (BwDocument *document,
                    double     *out_x,
                    double     *out_y)
{
  double right = 0, top = G_MAXDOUBLE;

  for (guint i = 0; i < bw_document_get_n_zones (document); i++)
    {
      const BwZone *z = bw_document_get_zone (document, i);

      right = MAX (right, z->x + z->w);
      top = MIN (top, z->y);
    }
  for (guint i = 0; i < bw_document_get_n_nodes (document); i++)
    {
      const BwNode *n = bw_document_get_node (document, i);

      right = MAX (right, n->x + BW_NODE_WIDTH);
      top = MIN (top, n->y);
    }
  *out_x = right + 64;
  *out_y = top == G_MAXDOUBLE ? 0 : top;
}

static gboolean
in_range (double lo,
          double hi)
{
  return lo >= -BW_DOCUMENT_MAX_COORD && hi <= BW_DOCUMENT_MAX_COORD;
}

gboolean
bw_recommend_place_in_range (BwDocument             *document,
                             const BwRecommendation *rec)
{
  const BwZone *zone = bw_document_lookup_zone (document, rec->target);
  const BwNode *node = bw_document_lookup_node (document, rec->target);

  if (rec->action == BW_RECOMMEND_TELEMETRY)
    return rec->siem != NULL;
  if (rec->action == BW_RECOMMEND_CONNECT)
    return TRUE;
  if (zone != NULL)
    {
      /* bw_edit_rules_place_node puts the card inside the zone's rectangle, starting from
       * (x0, y0) at its top right; the zone grows downwards only when full. */
      double x0 = zone->x + zone->w - BW_NODE_WIDTH - 24, y0 = zone->y + BW_ZONE_HEADER + 16;

      return in_range (MIN (zone->x, x0), x0) && in_range (y0, MAX (y0, zone->y + zone->h));
    }
  return node != NULL && in_range (node->x + BW_NODE_WIDTH + 32, node->x + BW_NODE_WIDTH + 32) &&
         in_range (node->y, node->y + 20 * (BW_NODE_HEIGHT + 24));
}

gboolean
bw_recommend_plan (BwCatalog              *catalog,
                   BwDocument             *document,
                   const BwRecommendation *rec,
                   BwRecommendPlan        *plan,
                   GError                **error)
{
  const BwStencil *stencil = bw_catalog_lookup_stencil (catalog, rec->stencil);
  const BwZone *zone = bw_document_lookup_zone (document, rec->target);
  const BwNode *node = bw_document_lookup_node (document, rec->target);

  memset (plan, 0, sizeof *plan);
  if (stencil == NULL || stencil->role != BW_ROLE_SERVICE)
    {
      g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_INVALID,
                   _("“%s” is not a security service"), rec->stencil);
      return FALSE;
    }
  if (zone == NULL && node == NULL)
    {
      g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_NOT_FOUND,
                   _("No zone or node “%s”"), rec->target);
      return FALSE;
    }

  plan->kind = g_strdup (stencil->id);
  plan->label = g_strdup (stencil->name);
  if (rec->action == BW_RECOMMEND_CONNECT)
    {
      const BwNode *from = rec->from ? bw_document_lookup_node (document, rec->from) : NULL;

      if (from == NULL || !g_str_equal (from->kind, stencil->id))
        {
          g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_NOT_FOUND,
                       _("No %s node “%s”"), stencil->name, rec->from ? rec->from : "");
          bw_recommend_plan_clear (plan);
          return FALSE;
        }
      plan->edge_kind = BW_EDGE_PROTECTS;
      plan->from = g_strdup (from->id);
      plan->to = g_strdup (rec->target);
      return TRUE;
    }
  if (rec->action == BW_RECOMMEND_TELEMETRY)
    {
      plan->edge_kind = BW_EDGE_TELEMETRY;
      plan->from = g_strdup (rec->target);
      /* Into the first SIEM of that kind in the document, as the candidates were scored. */
      for (guint i = 0; i < bw_document_get_n_nodes (document) && plan->to == NULL; i++)
        if (g_str_equal (bw_document_get_node (document, i)->kind, stencil->id))
          plan->to = g_strdup (bw_document_get_node (document, i)->id);
      if (plan->to == NULL)
        {
          plan->add_node = TRUE;
          beside_the_diagram (document, &plan->x, &plan->y);
        }
      return TRUE;
    }

  plan->add_node = TRUE;
  plan->edge_kind = BW_EDGE_PROTECTS;
  plan->to = g_strdup (rec->target);
  /* Free space inside the zone, beside what it protects (bw_edit_rules_place_node). */
  plan->zone = g_strdup (zone != NULL ? zone->id : node->zone);
  if (zone != NULL)
    {
      plan->x = zone->x + zone->w - BW_NODE_WIDTH - 24;
      plan->y = zone->y + BW_ZONE_HEADER + 16;
    }
  bw_edit_rules_place_node (document, plan->zone, node ? node->id : NULL, BW_NODE_WIDTH,
                            BW_NODE_HEIGHT, &plan->x, &plan->y, &plan->zone_h);
  return TRUE;
}

char *
bw_recommend_apply (BwCatalog              *catalog,
                    BwDocument             *document,
                    const BwRecommendation *rec,
                    GError                **error)
{
  BwRecommendPlan plan;
  const BwNode *node = NULL;
  const BwEdge *edge;
  g_autofree char *node_id = NULL;

  if (!bw_recommend_plan (catalog, document, rec, &plan, error))
    return NULL;
  if (plan.add_node && plan.zone_h > 0)
    {
      const BwZone *zone = bw_document_lookup_zone (document, plan.zone);

      bw_document_set_geometry (document, zone->id, zone->x, zone->y, zone->w, plan.zone_h, NULL);
    }
  if (plan.add_node)
    {
      node = bw_document_add_node (document, NULL, plan.kind, plan.label, plan.zone, plan.x,
                                   plan.y, NULL, error);
      if (node == NULL)
        {
          bw_recommend_plan_clear (&plan);
          return NULL;
        }
      node_id = g_strdup (node->id);
    }
  edge = bw_document_add_edge (document, NULL, plan.edge_kind,
                               plan.from ? plan.from : node_id, plan.to ? plan.to : node_id, error);
  bw_recommend_plan_clear (&plan);
  if (edge == NULL)
    {
      if (node_id != NULL)
        bw_document_remove (document, node_id, NULL);
      return NULL;
    }
  return node_id != NULL ? g_steal_pointer (&node_id) : g_strdup (edge->id);
}

char *
bw_recommend_apply_with_history (BwCatalog              *catalog,
                                 BwHistory              *history,
                                 const BwRecommendation *rec,
                                 GError                **error)
{
  BwDocument *document = bw_history_get_document (history);
  BwRecommendPlan plan;
  g_autofree char *node_id = NULL;
  char *edge_id = NULL;

  if (!bw_recommend_plan (catalog, document, rec, &plan, error))
    return NULL;
  bw_history_begin_group (history, _("Apply Recommendation"));
  if (plan.add_node && plan.zone_h > 0)
    {
      const BwZone *zone = bw_document_lookup_zone (document, plan.zone);

      bw_history_resize (history, zone->id, zone->x, zone->y, zone->w, plan.zone_h, 0, NULL);
    }
  if (plan.add_node)
    node_id =
        bw_history_add_node (history, plan.kind, plan.label, plan.zone, plan.x, plan.y, error);
  if (!plan.add_node || node_id != NULL)
    edge_id = bw_history_connect (history, plan.edge_kind, plan.from ? plan.from : node_id,
                                  plan.to ? plan.to : node_id, error);
  bw_history_end_group (history);
  bw_recommend_plan_clear (&plan);
  if (edge_id == NULL && node_id != NULL)
    {
      /* Half done: take the node back out, so nothing is left behind. */
      bw_history_undo (history);
      return NULL;
    }
  if (node_id != NULL)
    {
      g_free (edge_id);
      return g_steal_pointer (&node_id);
    }
  return edge_id;
}

typedef struct
{
  guint index;
  int   status_gain;
  int   assets_gain;
} Raised;

static int
compare_raised (gconstpointer a,
                gconstpointer b)
{
  const Raised *x = a, *y = b;

  if (x->status_gain != y->status_gain)
    return y->status_gain - x->status_gain;
  if (x->assets_gain != y->assets_gain)
    return y->assets_gain - x->assets_gain;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* The techniques a step raised most, among those the ratio counts: status first (a gap now
 * covered before one now partial), then how many more assets are covered or partial. */
static char **
raised_techniques (BwCatalog *catalog,
                   BwReport  *before,
                   BwReport  *after)
{
  g_autoptr(GArray) raised = g_array_new (FALSE, FALSE, sizeof (Raised));
  gboolean profile = bw_report_has_profile (after);
  GPtrArray *ids = g_ptr_array_new ();

  for (guint t = 0; t < bw_catalog_get_n_techniques (catalog); t++)
    {
      const BwReportTechnique *a = bw_report_get_technique (before, t);
      const BwReportTechnique *b = bw_report_get_technique (after, t);
      Raised r = { t, (int) b->status - (int) a->status,
                   (int) (b->covered_assets + b->partial_assets) -
                     (int) (a->covered_assets + a->partial_assets) };

      if ((profile && !bw_report_in_profile (after, t)) || b->status == BW_STATUS_NOT_APPLICABLE)
        continue;
      if (r.status_gain > 0 || (r.status_gain == 0 && r.assets_gain > 0))
        g_array_append_val (raised, r);
    }
  g_array_sort (raised, compare_raised);
  for (guint i = 0; i < raised->len && i < BW_RECOMMEND_TOP_TECHNIQUES; i++)
    {
      guint t = g_array_index (raised, Raised, i).index;

      g_ptr_array_add (ids, g_strdup (bw_catalog_get_technique (catalog, t)->id));
    }
  g_ptr_array_add (ids, NULL);
  return (char **) g_ptr_array_free (ids, FALSE);
}

gboolean
bw_recommend_guarded (BwCatalog  *catalog,
                      BwDocument *document,
                      const char *stencil,
                      const char *target)
{
  const BwNode *node = bw_document_lookup_node (document, target);
  const char *zone = node != NULL ? node->zone : target;

  for (guint i = 0; i < bw_document_get_n_edges (document); i++)
    {
      const BwEdge *e = bw_document_get_edge (document, i);
      const BwNode *from = e->kind == BW_EDGE_PROTECTS ? bw_document_lookup_node (document, e->from)
                                                       : NULL;
      const BwStencil *kind = from ? bw_catalog_lookup_stencil (catalog, from->kind) : NULL;

      if (kind == NULL || (!g_str_equal (kind->id, stencil) &&
                           !g_strv_contains ((const char *const *) kind->includes, stencil)))
        continue;
      if (g_str_equal (e->to, target) ||
          (zone != NULL && bw_document_lookup_zone (document, e->to) != NULL &&
           bw_document_zone_is_within (document, zone, e->to)))
        return TRUE;
    }
  return FALSE;
}

GPtrArray *
bw_recommend (BwCatalog    *catalog,
              BwDocument   *document,
              guint         top,
              gboolean     *out_profile,
              GCancellable *cancellable)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) bw_recommendation_free);
  g_autoptr(BwDocument) work = bw_document_copy (document);
  g_autoptr(BwEngine) engine = bw_engine_new (catalog);

  bw_engine_set_document (engine, work);
  if (out_profile != NULL)
    *out_profile = bw_report_has_profile (bw_engine_get_report (engine));
  for (guint step = 0; step < top; step++)
    {
      BwRecommendation *best = bw_recommend_best_step (catalog, work, engine, cancellable);
      g_autofree char *id = NULL;
      g_autoptr(BwReport) report = NULL;
      double before, after;

      if (best == NULL || g_cancellable_is_cancelled (cancellable))
        {
          bw_recommendation_free (best);
          break;
        }
      /* Keep it on the copy: the next step builds on it. A new SIEM is then the one later
       * telemetry steps connect to. */
      report = bw_report_ref (bw_engine_get_report (engine));
      before = bw_recommend_report_ratio (report);
      id = bw_recommend_apply (catalog, work, best, NULL);
      /* The engine, now following the step, must agree with the search to the bit. */
      after = bw_recommend_report_ratio (bw_engine_get_report (engine));
      g_warn_if_fail (id != NULL && after == best->ratio_after && after - before == best->gain);
      best->techniques = raised_techniques (catalog, report, bw_engine_get_report (engine));
      g_ptr_array_add (out, best);
    }
  bw_engine_set_document (engine, NULL);
  return out;
}
