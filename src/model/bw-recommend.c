/* bw-recommend.c: greedy recommendations over the catalog's services, scored by the real engine
 * on a copy of the document. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-document-io.h"
#include "bw-document-private.h"
#include "bw-engine.h"
#include "bw-recommend.h"
#include "bw-edit-rules.h"

void
bw_recommendation_free (BwRecommendation *self)
{
  if (self == NULL)
    return;
  g_free (self->stencil);
  g_free (self->target);
  g_free (self->siem);
  g_free (self);
}

const char *
bw_recommend_action_to_string (BwRecommendAction action)
{
  return action == BW_RECOMMEND_TELEMETRY ? "telemetry" : "protects";
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

static double
report_ratio (BwReport *report)
{
  return bw_report_has_profile (report) ? bw_report_get_profile_summary (report)->ratio
                                        : bw_report_get_summary (report)->ratio;
}

double
bw_recommend_ratio (BwCatalog  *catalog,
                    BwDocument *document)
{
  g_autoptr(BwReport) report = bw_engine_compute (catalog, document);

  return report_ratio (report);
}

static gboolean
has_capability_within (BwCatalog       *catalog,
                       const BwStencil *stencil,
                       const char      *licence)
{
  for (guint i = 0; stencil->capabilities[i] != NULL; i++)
    {
      const BwCapability *cap = bw_catalog_lookup_capability (catalog, stencil->capabilities[i]);

      if (cap != NULL && cap->n_entries > 0 && bw_capability_within_licence (cap, licence))
        return TRUE;
    }
  return FALSE;
}

static const BwStencil *
node_stencil (BwCatalog    *catalog,
              const BwNode *node)
{
  return bw_catalog_lookup_stencil (catalog, node->kind);
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
    node_id = bw_history_add_node (history, plan.kind, plan.label, plan.zone, plan.x, plan.y, error);
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

/* One candidate: applied to the working copy, scored, taken back. */
static double
try_candidate (BwCatalog              *catalog,
               BwDocument             *work,
               BwEngine               *engine,
               const BwRecommendation *rec)
{
  g_autofree char *id = bw_recommend_apply (catalog, work, rec, NULL);
  double ratio;

  if (id == NULL)
    return -1;
  ratio = report_ratio (bw_engine_get_report (engine));
  /* Undo: the edge first (the only one touching the new node), then the node. */
  if (bw_document_lookup_node (work, id) != NULL)
    {
      for (guint i = bw_document_get_n_edges (work); i-- > 0;)
        {
          const BwEdge *e = bw_document_get_edge (work, i);

          if (g_str_equal (e->from, id) || g_str_equal (e->to, id))
            {
              g_autofree char *edge_id = g_strdup (e->id);

              bw_document_remove (work, edge_id, NULL);
              break;
            }
        }
    }
  bw_document_remove (work, id, NULL);
  return ratio;
}

static void
consider (BwCatalog         *catalog,
          BwDocument        *work,
          BwEngine          *engine,
          BwRecommendation  *candidate,
          double             base,
          BwRecommendation **best)
{
  double ratio = try_candidate (catalog, work, engine, candidate);
  double gain = ratio - base;

  if (gain > 1e-12 && (*best == NULL || gain > (*best)->gain + 1e-12))
    {
      if (*best == NULL)
        *best = g_new0 (BwRecommendation, 1);
      g_free ((*best)->stencil);
      g_free ((*best)->target);
      g_free ((*best)->siem);
      (*best)->stencil = g_strdup (candidate->stencil);
      (*best)->action = candidate->action;
      (*best)->target = g_strdup (candidate->target);
      (*best)->siem = g_strdup (candidate->siem);
      (*best)->gain = gain;
      (*best)->ratio_after = ratio;
    }
}

/* The single best addition to `work`, or NULL when none raises the ratio. */
static BwRecommendation *
best_step (BwCatalog    *catalog,
           BwDocument   *work,
           BwEngine     *engine,
           GCancellable *cancellable)
{
  const char *licence = bw_document_get_licence (work);
  double base = report_ratio (bw_engine_get_report (engine));
  guint n_zones = bw_document_get_n_zones (work), n_nodes = bw_document_get_n_nodes (work);
  BwRecommendation *best = NULL;

  for (guint s = 0; s < bw_catalog_get_n_stencils (catalog); s++)
    {
      const BwStencil *stencil = bw_catalog_get_stencil (catalog, s);
      BwRecommendation candidate = { (char *) stencil->id, BW_RECOMMEND_PROTECTS, NULL, NULL, 0, 0 };

      if (g_cancellable_is_cancelled (cancellable))
        break;
      if (stencil->role != BW_ROLE_SERVICE || !has_capability_within (catalog, stencil, licence))
        continue;

      if (stencil->siem)
        {
          /* Telemetry into the first SIEM of this kind, or into a new one. */
          candidate.action = BW_RECOMMEND_TELEMETRY;
          for (guint i = 0; i < n_nodes && candidate.siem == NULL; i++)
            if (g_str_equal (bw_document_get_node (work, i)->kind, stencil->id))
              candidate.siem = bw_document_get_node (work, i)->id;
          for (guint i = 0; i < n_nodes; i++)
            {
              const BwNode *source = bw_document_get_node (work, i);
              const BwStencil *ss = node_stencil (catalog, source);

              if (ss == NULL || ss->siem || ss->role == BW_ROLE_ZONE)
                continue;
              candidate.target = source->id;
              consider (catalog, work, engine, &candidate, base, &best);
            }
          continue;
        }

      /* Protects: each zone holding an asset it admits, then each admitted asset. */
      for (guint z = 0; z < n_zones; z++)
        {
          const BwZone *zone = bw_document_get_zone (work, z);
          gboolean useful = FALSE;

          for (guint i = 0; i < n_nodes && !useful; i++)
            {
              const BwNode *n = bw_document_get_node (work, i);
              const BwStencil *ns = node_stencil (catalog, n);

              useful = ns != NULL && ns->role == BW_ROLE_ASSET && n->zone != NULL &&
                       bw_stencil_admits (stencil, n->kind) &&
                       bw_document_zone_is_within (work, n->zone, zone->id);
            }
          if (!useful)
            continue;
          candidate.target = zone->id;
          consider (catalog, work, engine, &candidate, base, &best);
        }
      for (guint i = 0; i < n_nodes; i++)
        {
          const BwNode *n = bw_document_get_node (work, i);
          const BwStencil *ns = node_stencil (catalog, n);

          if (ns == NULL || ns->role != BW_ROLE_ASSET || !bw_stencil_admits (stencil, n->kind))
            continue;
          candidate.target = n->id;
          consider (catalog, work, engine, &candidate, base, &best);
        }
    }
  return best;
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
      BwRecommendation *best = best_step (catalog, work, engine, cancellable);
      g_autofree char *id = NULL;

      if (best == NULL || g_cancellable_is_cancelled (cancellable))
        {
          bw_recommendation_free (best);
          break;
        }
      /* Keep it on the copy: the next step builds on it. A new SIEM is then the one later
       * telemetry steps connect to. */
      id = bw_recommend_apply (catalog, work, best, NULL);
      g_ptr_array_add (out, best);
    }
  bw_engine_set_document (engine, NULL);
  return out;
}
