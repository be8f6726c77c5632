/* bw-history-commands.c: the commands of BwHistory — add, connect, remove, move, resize,
 * rename, re-parent, settle, props and the typed props, edge kind and the document settings —
 * each recorded as one undoable step (bw-history.c). */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-edit-rules.h"
#include "bw-history-private.h"

/* The zone or node called `id` (one of them is set), or FALSE with the edit error saying so. */
static gboolean
lookup_object (BwDocument    *document,
               const char    *id,
               const BwZone **zone,
               const BwNode **node,
               GError       **error)
{
  *zone = bw_document_lookup_zone (document, id);
  *node = *zone == NULL ? bw_document_lookup_node (document, id) : NULL;
  if (*zone == NULL && *node == NULL)
    {
      g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_NOT_FOUND,
                   _("No zone or node “%s”"), id);
      return FALSE;
    }
  return TRUE;
}

static char *
finish_add (Command    *cmd,
            gboolean    ok,
            const char *id)
{
  if (!bw_history_command_end (cmd, ok))
    return NULL;
  return g_strdup (id);
}

char *
bw_history_add_zone (BwHistory   *self,
                     const char  *kind,
                     const char  *label,
                     const char  *parent,
                     double       x,
                     double       y,
                     double       w,
                     double       h,
                     GError     **error)
{
  Command cmd;
  BwZone template = { NULL, (char *) kind, (char *) label, (char *) parent, x, y, w, h };
  Op *op;
  g_autofree char *id = bw_document_new_id (self->document, 'z');

  bw_history_command_begin (self, &cmd, _("Add Zone"), 0);
  template.id = id;
  op = bw_history_op_new (OP_INSERT_ZONE, id);
  op->zone = bw_zone_copy (&template);
  op->index = -1;
  op->index = (int) bw_document_get_n_zones (self->document);
  return finish_add (&cmd, bw_history_command_do (&cmd, op, error), id);
}

char *
bw_history_add_node_full (BwHistory   *self,
                          const char  *kind,
                          const char  *label,
                          const char  *zone,
                          double       x,
                          double       y,
                          JsonObject  *props,
                          GError     **error)
{
  Command cmd;
  g_autofree char *id = bw_document_new_id (self->document, 'n');
  BwNode template = { id, (char *) kind, (char *) label, (char *) zone, x, y, props };
  Op *op;

  bw_history_command_begin (self, &cmd, _("Add"), 0);
  op = bw_history_op_new (OP_INSERT_NODE, id);
  op->node = bw_node_copy (&template);
  op->index = (int) bw_document_get_n_nodes (self->document);
  return finish_add (&cmd, bw_history_command_do (&cmd, op, error), id);
}

char *
bw_history_add_node (BwHistory   *self,
                     const char  *kind,
                     const char  *label,
                     const char  *zone,
                     double       x,
                     double       y,
                     GError     **error)
{
  return bw_history_add_node_full (self, kind, label, zone, x, y, NULL, error);
}

char *
bw_history_connect (BwHistory   *self,
                    BwEdgeKind   kind,
                    const char  *from,
                    const char  *to,
                    GError     **error)
{
  Command cmd;
  g_autofree char *id = bw_document_new_id (self->document, 'e');
  BwEdge template = { id, kind, (char *) from, (char *) to };
  Op *op;

  bw_history_command_begin (self, &cmd, _("Connect"), 0);
  op = bw_history_op_new (OP_INSERT_EDGE, id);
  op->edge = bw_edge_copy (&template);
  op->index = (int) bw_document_get_n_edges (self->document);
  return finish_add (&cmd, bw_history_command_do (&cmd, op, error), id);
}

static Op *
removal_op (BwHistory  *self,
            const char *id)
{
  const BwZone *zone = bw_document_lookup_zone (self->document, id);
  const BwNode *node = bw_document_lookup_node (self->document, id);
  const BwEdge *edge = bw_document_lookup_edge (self->document, id);
  Op *op;

  if (edge != NULL)
    {
      op = bw_history_op_new (OP_REMOVE_EDGE, id);
      op->edge = bw_edge_copy (edge);
    }
  else if (node != NULL)
    {
      op = bw_history_op_new (OP_REMOVE_NODE, id);
      op->node = bw_node_copy (node);
    }
  else
    {
      op = bw_history_op_new (OP_REMOVE_ZONE, id);
      op->zone = bw_zone_copy (zone);
    }
  op->index = bw_document_index_of (self->document, id);
  return op;
}

gboolean
bw_history_remove (BwHistory          *self,
                   const char *const  *ids,
                   GError            **error)
{
  BwDocument *doc = self->document;
  g_autoptr(GHashTable) doomed = g_hash_table_new (g_str_hash, g_str_equal);
  Command cmd;
  gboolean ok = TRUE;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (!bw_document_has_id (doc, ids[i]))
        {
          g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_NOT_FOUND,
                       _("Nothing has the id “%s”"), ids[i]);
          return FALSE;
        }
      g_hash_table_add (doomed, (gpointer) ids[i]);
    }

  /* What lies inside a removed zone goes with it. */
  for (guint i = 0; i < bw_document_get_n_zones (doc); i++)
    {
      const BwZone *z = bw_document_get_zone (doc, i);
      GHashTableIter iter;
      const char *id;

      g_hash_table_iter_init (&iter, doomed);
      while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
        if (bw_document_lookup_zone (doc, id) != NULL &&
            bw_document_zone_is_within (doc, z->id, id))
          {
            g_hash_table_add (doomed, z->id);
            break;
          }
    }
  for (guint i = 0; i < bw_document_get_n_nodes (doc); i++)
    {
      const BwNode *n = bw_document_get_node (doc, i);

      if (n->zone != NULL && g_hash_table_contains (doomed, n->zone))
        g_hash_table_add (doomed, n->id);
    }
  for (guint i = 0; i < bw_document_get_n_edges (doc); i++)
    {
      const BwEdge *e = bw_document_get_edge (doc, i);

      if (g_hash_table_contains (doomed, e->from) || g_hash_table_contains (doomed, e->to))
        g_hash_table_add (doomed, e->id);
    }

  bw_history_command_begin (self, &cmd, _("Delete"), 0);

  /* Edges, then nodes, then zones innermost first: nothing is removed while still in use.
   * Within a kind, from the end of the array, so recorded indices stay right for undo. */
  for (guint i = bw_document_get_n_edges (doc); ok && i > 0; i--)
    {
      const BwEdge *e = bw_document_get_edge (doc, i - 1);

      if (g_hash_table_contains (doomed, e->id))
        ok = bw_history_command_do (&cmd, removal_op (self, e->id), error);
    }
  for (guint i = bw_document_get_n_nodes (doc); ok && i > 0; i--)
    {
      const BwNode *n = bw_document_get_node (doc, i - 1);

      if (g_hash_table_contains (doomed, n->id))
        ok = bw_history_command_do (&cmd, removal_op (self, n->id), error);
    }
  while (ok)
    {
      const char *leaf = NULL;

      for (guint i = bw_document_get_n_zones (doc); i > 0 && leaf == NULL; i--)
        {
          const BwZone *z = bw_document_get_zone (doc, i - 1);
          gboolean has_child = FALSE;

          if (!g_hash_table_contains (doomed, z->id))
            continue;
          for (guint j = 0; j < bw_document_get_n_zones (doc) && !has_child; j++)
            has_child = g_strcmp0 (bw_document_get_zone (doc, j)->parent, z->id) == 0;
          if (!has_child)
            leaf = z->id;
        }
      if (leaf == NULL)
        break;
      ok = bw_history_command_do (&cmd, removal_op (self, leaf), error);
    }

  return bw_history_command_end (&cmd, ok);
}

/* Adds the geometry change of one object to the command, folding it into an earlier change of
 * the same object in a merged drag so long drags stay one small step. */
static gboolean
record_geometry (Command     *cmd,
                 BwHistory   *self,
                 const char  *id,
                 double       x,
                 double       y,
                 double       w,
                 double       h,
                 GError     **error)
{
  const BwZone *zone = bw_document_lookup_zone (self->document, id);
  const BwNode *node = bw_document_lookup_node (self->document, id);
  Op *op;

  if (zone == NULL && node == NULL)
    {
      g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_NOT_FOUND,
                   _("Nothing has the id “%s”"), id);
      return FALSE;
    }

  /* Geometry and re-parenting in one drag step are independent of each other, so a later
   * position of the same object can replace the earlier one. */
  for (guint i = cmd->step->ops->len; cmd->step->merge_id != 0 && i > 0; i--)
    {
      Op *prev = g_ptr_array_index (cmd->step->ops, i - 1);

      if (prev->type != OP_GEOMETRY && prev->type != OP_PARENT)
        break;
      if (prev->type == OP_GEOMETRY && g_str_equal (prev->id, id))
        {
          if (!bw_document_set_geometry (self->document, id, x, y, w, h, error))
            return FALSE;
          prev->new_geom[0] = x;
          prev->new_geom[1] = y;
          prev->new_geom[2] = zone ? w : 0;
          prev->new_geom[3] = zone ? h : 0;
          return TRUE;
        }
    }

  op = bw_history_op_new (OP_GEOMETRY, id);
  if (zone != NULL)
    {
      op->old_geom[0] = zone->x;
      op->old_geom[1] = zone->y;
      op->old_geom[2] = zone->w;
      op->old_geom[3] = zone->h;
    }
  else
    {
      op->old_geom[0] = node->x;
      op->old_geom[1] = node->y;
    }
  op->new_geom[0] = x;
  op->new_geom[1] = y;
  op->new_geom[2] = zone ? w : 0;
  op->new_geom[3] = zone ? h : 0;
  return bw_history_command_do (cmd, op, error);
}

gboolean
bw_history_move (BwHistory          *self,
                 const char *const  *ids,
                 double              dx,
                 double              dy,
                 guint               merge_id,
                 GError            **error)
{
  BwDocument *doc = self->document;
  g_autoptr(GHashTable) moving = g_hash_table_new (g_str_hash, g_str_equal);
  /* The nodes named, by record: a drag in a large estate looks through every node, and a
   * pointer is hashed at once. */
  g_autoptr(GHashTable) nodes = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  gboolean zones = FALSE;
  Command cmd;
  gboolean ok = TRUE;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      const BwZone *zone;
      const BwNode *node;

      if (!lookup_object (doc, ids[i], &zone, &node, error))
        return FALSE;
      g_hash_table_add (moving, (gpointer) ids[i]);
      if (node != NULL)
        g_hash_table_add (nodes, (gpointer) node);
      zones |= zone != NULL;
    }

  /* A zone carries its contents; everything moves once, in document order. */
  for (guint i = 0; zones && i < bw_document_get_n_zones (doc); i++)
    {
      const BwZone *z = bw_document_get_zone (doc, i);
      gboolean inside = g_hash_table_contains (moving, z->id);

      for (const BwZone *p = z; !inside && p->parent != NULL;)
        {
          inside = g_hash_table_contains (moving, p->parent);
          p = bw_document_lookup_zone (doc, p->parent);
          if (p == NULL)
            break;
        }
      if (inside)
        {
          g_hash_table_add (moving, z->id);
          g_ptr_array_add (order, z->id);
        }
    }
  for (guint i = 0; i < bw_document_get_n_nodes (doc); i++)
    {
      const BwNode *n = bw_document_get_node (doc, i);

      if (g_hash_table_contains (nodes, n) ||
          (zones && n->zone != NULL && g_hash_table_contains (moving, n->zone)))
        g_ptr_array_add (order, n->id);
    }

  if (dx == 0 && dy == 0)
    return TRUE;

  bw_history_command_begin (self, &cmd, _("Move"), merge_id);
  for (guint i = 0; ok && i < order->len; i++)
    {
      const char *id = g_ptr_array_index (order, i);
      const BwZone *z = bw_document_lookup_zone (doc, id);
      const BwNode *n = bw_document_lookup_node (doc, id);

      if (z != NULL)
        ok = record_geometry (&cmd, self, id, z->x + dx, z->y + dy, z->w, z->h, error);
      else
        ok = record_geometry (&cmd, self, id, n->x + dx, n->y + dy, 0, 0, error);
    }
  return bw_history_command_end (&cmd, ok);
}

/* Nudge merge ids live above the serials a drag uses, so the two never join. */
#define NUDGE_ID_BASE 0x80000000u

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static char *
nudge_key (const char *const *ids)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    g_ptr_array_add (sorted, (gpointer) ids[i]);
  g_ptr_array_sort (sorted, compare_ids);
  g_ptr_array_add (sorted, NULL);
  return g_strjoinv ("\n", (char **) sorted->pdata);
}

gboolean
bw_history_nudge (BwHistory          *self,
                  const char *const  *ids,
                  double              dx,
                  double              dy,
                  GError            **error)
{
  g_autofree char *key = nudge_key (ids);
  const Step *top = self->undo->len ? g_ptr_array_index (self->undo, self->undo->len - 1) : NULL;

  /* Joins the last nudge only while its step is still the newest and holds the same objects. */
  if (self->nudge_id == 0 || top == NULL || top->merge_id != self->nudge_id ||
      self->redo->len > 0 || g_strcmp0 (key, self->nudge_key) != 0)
    {
      self->nudge_id = self->nudge_id >= NUDGE_ID_BASE && self->nudge_id < G_MAXUINT
                           ? self->nudge_id + 1
                           : NUDGE_ID_BASE;
      g_free (self->nudge_key);
      self->nudge_key = g_steal_pointer (&key);
    }
  if (!bw_history_move (self, ids, dx, dy, self->nudge_id, error))
    return FALSE;
  return bw_history_settle (self, ids, self->nudge_id, error);
}

gboolean
bw_history_resize (BwHistory   *self,
                   const char  *zone_id,
                   double       x,
                   double       y,
                   double       w,
                   double       h,
                   guint        merge_id,
                   GError     **error)
{
  Command cmd;

  if (bw_document_lookup_zone (self->document, zone_id) == NULL)
    {
      g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_NOT_FOUND,
                   _("No zone “%s”"), zone_id);
      return FALSE;
    }
  bw_history_command_begin (self, &cmd, _("Resize"), merge_id);
  return bw_history_command_end (&cmd, record_geometry (&cmd, self, zone_id, x, y, w, h, error));
}

gboolean
bw_history_set_geometry (BwHistory   *self,
                         const char  *id,
                         double       x,
                         double       y,
                         double       w,
                         double       h,
                         guint        merge_id,
                         GError     **error)
{
  const BwZone *zone;
  const BwNode *node;
  Command cmd;

  if (!lookup_object (self->document, id, &zone, &node, error))
    return FALSE;
  bw_history_command_begin (self, &cmd, _("Move"), merge_id);
  return bw_history_command_end (&cmd, record_geometry (&cmd, self, id, x, y, w, h, error));
}

gboolean
bw_history_set_label (BwHistory   *self,
                      const char  *id,
                      const char  *label,
                      GError     **error)
{
  const BwZone *zone;
  const BwNode *node;
  Command cmd;
  Op *op;

  if (!lookup_object (self->document, id, &zone, &node, error))
    return FALSE;
  if (g_strcmp0 (zone ? zone->label : node->label, label) == 0)
    return TRUE;
  bw_history_command_begin (self, &cmd, _("Rename"), 0);
  op = bw_history_op_new (OP_LABEL, id);
  op->old_text = g_strdup (zone ? zone->label : node->label);
  op->new_text = g_strdup (label ? label : "");
  return bw_history_command_end (&cmd, bw_history_command_do (&cmd, op, error));
}

gboolean
bw_history_set_parent (BwHistory   *self,
                       const char  *id,
                       const char  *parent,
                       guint        merge_id,
                       GError     **error)
{
  const BwZone *zone;
  const BwNode *node;
  Command cmd;
  Op *op;

  if (!lookup_object (self->document, id, &zone, &node, error))
    return FALSE;
  if (g_strcmp0 (zone ? zone->parent : node->zone, parent) == 0)
    return TRUE;
  bw_history_command_begin (self, &cmd, _("Move Into Zone"), merge_id);
  op = bw_history_op_new (OP_PARENT, id);
  op->old_text = g_strdup (zone ? zone->parent : node->zone);
  op->new_text = g_strdup (parent);
  return bw_history_command_end (&cmd, bw_history_command_do (&cmd, op, error));
}

gboolean
bw_history_settle (BwHistory          *self,
                   const char *const *ids,
                   guint               merge_id,
                   GError            **error)
{
  gboolean ok = TRUE;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      const BwNode *node = bw_document_lookup_node (self->document, ids[i]);
      const BwZone *zone = node == NULL ? bw_document_lookup_zone (self->document, ids[i]) : NULL;
      const char *target = bw_edit_rules_zone_for (self->document, ids[i]);
      g_autoptr(GError) local = NULL;

      if (node == NULL && zone == NULL)
        continue;
      if (g_strcmp0 (target, node ? node->zone : zone->parent) == 0)
        continue;
      if (!bw_history_set_parent (self, ids[i], target, merge_id, &local) && ok)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          ok = FALSE;
        }
    }
  return ok;
}

gboolean
bw_history_set_props (BwHistory   *self,
                      const char  *node_id,
                      JsonObject  *props,
                      GError     **error)
{
  const BwNode *node = bw_document_lookup_node (self->document, node_id);
  Command cmd;
  Op *op;

  if (node == NULL)
    {
      g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_NOT_FOUND,
                   _("No node “%s”"), node_id);
      return FALSE;
    }
  bw_history_command_begin (self, &cmd, _("Change Properties"), 0);
  op = bw_history_op_new (OP_PROPS, node_id);
  op->old_props = bw_json_object_copy (node->props);
  op->new_props = bw_json_object_copy (props);
  return bw_history_command_end (&cmd, bw_history_command_do (&cmd, op, error));
}

/* The typed props commands: the new props are worked out from a copy, so the step records the
 * node's props exactly as they were and undo puts those very bytes back. */
static gboolean
set_props_owned (BwHistory   *self,
                 const BwNode *node,
                 JsonObject  *props,
                 GError     **error)
{
  g_autoptr(JsonObject) owned = props;
  Command cmd;
  Op *op;

  if (json_object_equal (node->props, owned))
    return TRUE;
  bw_history_command_begin (self, &cmd, _("Change Properties"), 0);
  op = bw_history_op_new (OP_PROPS, node->id);
  op->old_props = bw_json_object_copy (node->props);
  op->new_props = g_steal_pointer (&owned);
  return bw_history_command_end (&cmd, bw_history_command_do (&cmd, op, error));
}

static const BwNode *
lookup_node (BwHistory   *self,
             const char  *node_id,
             GError     **error)
{
  const BwNode *node = node_id ? bw_document_lookup_node (self->document, node_id) : NULL;

  if (node == NULL)
    g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_NOT_FOUND,
                 _("No node “%s”"), node_id ? node_id : "");
  return node;
}

gboolean
bw_history_set_capability_enabled (BwHistory   *self,
                                   const char  *node_id,
                                   const char  *capability,
                                   gboolean     enabled,
                                   GError     **error)
{
  const BwNode *node = lookup_node (self, node_id, error);

  if (node == NULL)
    return FALSE;
  return set_props_owned (self, node, bw_node_props_with_capability (node, capability, enabled),
                          error);
}

gboolean
bw_history_set_platforms (BwHistory         *self,
                          const char        *node_id,
                          const char *const *platforms,
                          GError           **error)
{
  const BwNode *node = lookup_node (self, node_id, error);

  if (node == NULL)
    return FALSE;
  return set_props_owned (self, node, bw_node_props_with_platforms (node, platforms), error);
}

gboolean
bw_history_set_edge_kind (BwHistory   *self,
                          const char  *edge_id,
                          BwEdgeKind   kind,
                          GError     **error)
{
  const BwEdge *edge = bw_document_lookup_edge (self->document, edge_id);
  Command cmd;
  Op *op;

  if (edge == NULL)
    {
      g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_NOT_FOUND,
                   _("No connection “%s”"), edge_id);
      return FALSE;
    }
  if (edge->kind == kind)
    return TRUE;
  bw_history_command_begin (self, &cmd, _("Change Connection"), 0);
  op = bw_history_op_new (OP_EDGE_KIND, edge_id);
  op->old_kind = edge->kind;
  op->new_kind = kind;
  return bw_history_command_end (&cmd, bw_history_command_do (&cmd, op, error));
}

gboolean
bw_history_set_title (BwHistory   *self,
                      const char  *title,
                      GError     **error)
{
  Command cmd;
  Op *op;

  if (g_strcmp0 (bw_document_get_title (self->document), title) == 0)
    return TRUE;
  bw_history_command_begin (self, &cmd, _("Rename Project"), 0);
  op = bw_history_op_new (OP_TITLE, NULL);
  op->old_text = g_strdup (bw_document_get_title (self->document));
  op->new_text = g_strdup (title ? title : "");
  return bw_history_command_end (&cmd, bw_history_command_do (&cmd, op, error));
}

gboolean
bw_history_set_gap_threshold (BwHistory  *self,
                              double      threshold,
                              GError    **error)
{
  Command cmd;
  Op *op;

  if (bw_document_get_gap_threshold (self->document) == threshold)
    return TRUE;
  bw_history_command_begin (self, &cmd, _("Change Gap Threshold"), 0);
  op = bw_history_op_new (OP_GAP, NULL);
  op->old_value = bw_document_get_gap_threshold (self->document);
  op->new_value = threshold;
  return bw_history_command_end (&cmd, bw_history_command_do (&cmd, op, error));
}

/* Threat groups and layer techniques are both string lists in the settings. */
static gboolean
set_threat_list (BwHistory          *self,
                 OpType              type,
                 const char *const  *values,
                 GError            **error)
{
  static const char *const none[] = { NULL };
  const char *const *current = type == OP_GROUPS
                                   ? bw_document_get_threat_groups (self->document)
                                   : bw_document_get_threat_techniques (self->document);
  Command cmd;
  Op *op;

  if (values == NULL)
    values = none;
  if (g_strv_equal (current, values))
    return TRUE;
  bw_history_command_begin (self, &cmd,
                 type == OP_GROUPS ? _("Change Threat Profile") : _("Change Threat Focus"), 0);
  op = bw_history_op_new (type, NULL);
  op->old_groups = g_strdupv ((char **) current);
  op->new_groups = g_strdupv ((char **) values);
  return bw_history_command_end (&cmd, bw_history_command_do (&cmd, op, error));
}

gboolean
bw_history_set_threat_groups (BwHistory          *self,
                              const char *const  *groups,
                              GError            **error)
{
  return set_threat_list (self, OP_GROUPS, groups, error);
}

gboolean
bw_history_set_threat_techniques (BwHistory          *self,
                                  const char *const  *techniques,
                                  GError            **error)
{
  return set_threat_list (self, OP_TECHNIQUES, techniques, error);
}

gboolean
bw_history_set_licence (BwHistory   *self,
                        const char  *licence,
                        GError     **error)
{
  Command cmd;
  Op *op;

  if (!bw_licence_is_valid (licence))
    {
      g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_INVALID,
                   _("Unknown licence tier \"%s\" (expected \"E3\" or \"E5\")"), licence);
      return FALSE;
    }
  if (g_strcmp0 (bw_document_get_licence (self->document), licence) == 0)
    return TRUE;
  bw_history_command_begin (self, &cmd, _("Change Licence Tier"), 0);
  op = bw_history_op_new (OP_LICENCE, NULL);
  op->old_text = g_strdup (bw_document_get_licence (self->document));
  op->new_text = g_strdup (licence);
  return bw_history_command_end (&cmd, bw_history_command_do (&cmd, op, error));
}
