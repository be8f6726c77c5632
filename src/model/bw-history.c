/* bw-history.c: undo and redo. Each command is recorded as a list of reversible primitive
 * operations on the document, applied as they are recorded; undo applies their inverses in
 * reverse order, so a document returns to exactly the bytes it had. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-document-private.h"
#include "bw-history.h"
#include "bw-edit-rules.h"

typedef enum
{
  OP_INSERT_ZONE,
  OP_INSERT_NODE,
  OP_INSERT_EDGE,
  OP_REMOVE_ZONE,
  OP_REMOVE_NODE,
  OP_REMOVE_EDGE,
  OP_GEOMETRY,
  OP_LABEL,
  OP_PARENT,
  OP_PROPS,
  OP_EDGE_KIND,
  OP_TITLE,
  OP_GAP,
  OP_GROUPS,
  OP_TECHNIQUES,
  OP_LICENCE,
} OpType;

typedef struct
{
  OpType      type;
  char       *id;
  int         index;        /* inserts and removes: the array position */
  BwZone     *zone;         /* copies for inserts and removes */
  BwNode     *node;
  BwEdge     *edge;
  double      old_geom[4];
  double      new_geom[4];
  char       *old_text;     /* label, parent, title */
  char       *new_text;
  JsonObject *old_props;
  JsonObject *new_props;
  int         old_kind;
  int         new_kind;
  double      old_value;
  double      new_value;
  GStrv       old_groups;
  GStrv       new_groups;
} Op;

typedef struct
{
  char      *label;
  guint      merge_id;
  GPtrArray *ops;           /* Op* */
} Step;

struct _BwHistory
{
  GObject     parent_instance;

  BwDocument *document;
  GPtrArray  *undo;         /* Step*, oldest first */
  GPtrArray  *redo;         /* Step*, next to redo last */
  Step       *open;         /* the step commands add to while a group is open */
  guint       group_depth;
  int         saved;        /* undo->len when last saved; -1 when unreachable */

  /* What the properties last announced: notify only what changed, since every motion event
   * of a drag is a command. */
  gboolean    shown_can_undo;
  gboolean    shown_can_redo;
  gboolean    shown_modified;
  char       *shown_undo_label;
  char       *shown_redo_label;
};

G_DEFINE_FINAL_TYPE (BwHistory, bw_history, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
op_free (Op *op)
{
  g_free (op->id);
  bw_zone_free (op->zone);
  bw_node_free (op->node);
  bw_edge_free (op->edge);
  g_free (op->old_text);
  g_free (op->new_text);
  g_clear_pointer (&op->old_props, json_object_unref);
  g_clear_pointer (&op->new_props, json_object_unref);
  g_strfreev (op->old_groups);
  g_strfreev (op->new_groups);
  g_free (op);
}

static Step *
step_new (const char *label,
          guint       merge_id)
{
  Step *step = g_new0 (Step, 1);

  step->label = g_strdup (label);
  step->merge_id = merge_id;
  step->ops = g_ptr_array_new_with_free_func ((GDestroyNotify) op_free);
  return step;
}

static void
step_free (Step *step)
{
  g_free (step->label);
  g_ptr_array_unref (step->ops);
  g_free (step);
}

/* Applying operations */

static gboolean
apply (BwHistory *self,
       Op        *op,
       gboolean   forward,
       GError   **error)
{
  BwDocument *doc = self->document;
  double *g;

  switch (op->type)
    {
    case OP_INSERT_ZONE:
    case OP_REMOVE_ZONE:
      if ((op->type == OP_INSERT_ZONE) == forward)
        return bw_document_insert_zone (doc, op->zone, op->index, error) != NULL;
      return bw_document_remove (doc, op->id, error);

    case OP_INSERT_NODE:
    case OP_REMOVE_NODE:
      if ((op->type == OP_INSERT_NODE) == forward)
        return bw_document_insert_node (doc, op->node, op->index, error) != NULL;
      return bw_document_remove (doc, op->id, error);

    case OP_INSERT_EDGE:
    case OP_REMOVE_EDGE:
      if ((op->type == OP_INSERT_EDGE) == forward)
        return bw_document_insert_edge (doc, op->edge, op->index, error) != NULL;
      return bw_document_remove (doc, op->id, error);

    case OP_GEOMETRY:
      g = forward ? op->new_geom : op->old_geom;
      return bw_document_set_geometry (doc, op->id, g[0], g[1], g[2], g[3], error);

    case OP_LABEL:
      return bw_document_set_label (doc, op->id, forward ? op->new_text : op->old_text, error);

    case OP_PARENT:
      return bw_document_set_parent (doc, op->id, forward ? op->new_text : op->old_text, error);

    case OP_PROPS:
      return bw_document_set_props (doc, op->id, forward ? op->new_props : op->old_props, error);

    case OP_EDGE_KIND:
      return bw_document_set_edge_kind (doc, op->id, forward ? op->new_kind : op->old_kind, error);

    case OP_TITLE:
      bw_document_set_title (doc, forward ? op->new_text : op->old_text);
      return TRUE;

    case OP_GAP:
      bw_document_set_gap_threshold (doc, forward ? op->new_value : op->old_value);
      return TRUE;

    case OP_GROUPS:
      bw_document_set_threat_groups (doc, (const char *const *) (forward ? op->new_groups
                                                                        : op->old_groups));
      return TRUE;

    case OP_TECHNIQUES:
      bw_document_set_threat_techniques (doc, (const char *const *) (forward ? op->new_groups
                                                                            : op->old_groups));
      return TRUE;

    case OP_LICENCE:
      bw_document_set_licence (doc, forward ? op->new_text : op->old_text);
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

static void
notify_flag (BwHistory *self,
             gboolean  *shown,
             gboolean   value,
             int        prop)
{
  if (*shown == value)
    return;
  *shown = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
notify_label (BwHistory   *self,
              char       **shown,
              const char  *value,
              int          prop)
{
  if (g_strcmp0 (*shown, value) == 0)
    return;
  g_free (*shown);
  *shown = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
notify_state (BwHistory *self)
{
  g_object_freeze_notify (G_OBJECT (self));
  notify_flag (self, &self->shown_can_undo, bw_history_get_can_undo (self), PROP_CAN_UNDO);
  notify_flag (self, &self->shown_can_redo, bw_history_get_can_redo (self), PROP_CAN_REDO);
  notify_flag (self, &self->shown_modified, bw_history_get_modified (self), PROP_MODIFIED);
  notify_label (self, &self->shown_undo_label, bw_history_get_undo_label (self), PROP_UNDO_LABEL);
  notify_label (self, &self->shown_redo_label, bw_history_get_redo_label (self), PROP_REDO_LABEL);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Recording: a command opens a step (or joins the open group or a mergeable last step), records
 * and applies its operations, and either commits or, on a refused operation, rolls back. */

typedef struct
{
  BwHistory *history;
  Step      *step;
  guint      first_op;   /* operations before this index belong to earlier commands */
  gboolean   merged;     /* the step was already on the undo stack */
  gboolean   grouped;
} Command;

static void
command_begin (BwHistory  *self,
               Command    *cmd,
               const char *label,
               guint       merge_id)
{
  Step *top = self->undo->len ? g_ptr_array_index (self->undo, self->undo->len - 1) : NULL;

  cmd->history = self;
  cmd->grouped = self->open != NULL;
  cmd->merged = FALSE;
  if (cmd->grouped)
    cmd->step = self->open;
  else if (merge_id != 0 && top != NULL && top->merge_id == merge_id && self->redo->len == 0)
    {
      cmd->step = top;
      cmd->merged = TRUE;
    }
  else
    cmd->step = step_new (label, merge_id);
  cmd->first_op = cmd->step->ops->len;
}

static gboolean
command_do (Command *cmd,
            Op      *op,
            GError **error)
{
  if (!apply (cmd->history, op, TRUE, error))
    {
      op_free (op);
      return FALSE;
    }
  g_ptr_array_add (cmd->step->ops, op);
  return TRUE;
}

static gboolean
command_end (Command  *cmd,
             gboolean  ok)
{
  BwHistory *self = cmd->history;

  if (!ok)
    {
      /* Undo what this command did, newest first. */
      while (cmd->step->ops->len > cmd->first_op)
        {
          Op *op = g_ptr_array_index (cmd->step->ops, cmd->step->ops->len - 1);

          apply (self, op, FALSE, NULL);
          g_ptr_array_remove_index (cmd->step->ops, cmd->step->ops->len - 1);
        }
      if (!cmd->grouped && !cmd->merged)
        step_free (cmd->step);
      return FALSE;
    }

  if (cmd->grouped)
    return TRUE;
  if (cmd->step->ops->len == cmd->first_op && !cmd->merged)
    {
      /* Nothing changed: no step. */
      step_free (cmd->step);
      return TRUE;
    }
  if (cmd->merged)
    {
      /* The saved state sat on the step that just grew: it is gone. */
      if (self->saved == (int) self->undo->len)
        self->saved = -1;
    }
  else
    {
      g_ptr_array_add (self->undo, cmd->step);
      /* A saved state among the redo steps can no longer be reached. */
      if (self->saved > (int) self->undo->len - 1)
        self->saved = -1;
      g_ptr_array_set_size (self->redo, 0);
    }
  notify_state (self);
  return TRUE;
}

static Op *
op_new (OpType      type,
        const char *id)
{
  Op *op = g_new0 (Op, 1);

  op->type = type;
  op->id = g_strdup (id);
  return op;
}

/* Commands */

static char *
finish_add (Command    *cmd,
            gboolean    ok,
            const char *id)
{
  if (!command_end (cmd, ok))
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

  command_begin (self, &cmd, _("Add Zone"), 0);
  template.id = id;
  op = op_new (OP_INSERT_ZONE, id);
  op->zone = bw_zone_copy (&template);
  op->index = -1;
  op->index = (int) bw_document_get_n_zones (self->document);
  return finish_add (&cmd, command_do (&cmd, op, error), id);
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

  command_begin (self, &cmd, _("Add"), 0);
  op = op_new (OP_INSERT_NODE, id);
  op->node = bw_node_copy (&template);
  op->index = (int) bw_document_get_n_nodes (self->document);
  return finish_add (&cmd, command_do (&cmd, op, error), id);
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

  command_begin (self, &cmd, _("Connect"), 0);
  op = op_new (OP_INSERT_EDGE, id);
  op->edge = bw_edge_copy (&template);
  op->index = (int) bw_document_get_n_edges (self->document);
  return finish_add (&cmd, command_do (&cmd, op, error), id);
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
      op = op_new (OP_REMOVE_EDGE, id);
      op->edge = bw_edge_copy (edge);
    }
  else if (node != NULL)
    {
      op = op_new (OP_REMOVE_NODE, id);
      op->node = bw_node_copy (node);
    }
  else
    {
      op = op_new (OP_REMOVE_ZONE, id);
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
        if (bw_document_lookup_zone (doc, id) != NULL && bw_document_zone_is_within (doc, z->id, id))
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

  command_begin (self, &cmd, _("Delete"), 0);

  /* Edges, then nodes, then zones innermost first: nothing is removed while still in use.
   * Within a kind, from the end of the array, so recorded indices stay right for undo. */
  for (guint i = bw_document_get_n_edges (doc); ok && i > 0; i--)
    {
      const BwEdge *e = bw_document_get_edge (doc, i - 1);

      if (g_hash_table_contains (doomed, e->id))
        ok = command_do (&cmd, removal_op (self, e->id), error);
    }
  for (guint i = bw_document_get_n_nodes (doc); ok && i > 0; i--)
    {
      const BwNode *n = bw_document_get_node (doc, i - 1);

      if (g_hash_table_contains (doomed, n->id))
        ok = command_do (&cmd, removal_op (self, n->id), error);
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
      ok = command_do (&cmd, removal_op (self, leaf), error);
    }

  return command_end (&cmd, ok);
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

  op = op_new (OP_GEOMETRY, id);
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
  return command_do (cmd, op, error);
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
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  Command cmd;
  gboolean ok = TRUE;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (bw_document_lookup_zone (doc, ids[i]) == NULL && bw_document_lookup_node (doc, ids[i]) == NULL)
        {
          g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_NOT_FOUND,
                       _("No zone or node “%s”"), ids[i]);
          return FALSE;
        }
      g_hash_table_add (moving, (gpointer) ids[i]);
    }

  /* A zone carries its contents; everything moves once, in document order. */
  for (guint i = 0; i < bw_document_get_n_zones (doc); i++)
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

      if (g_hash_table_contains (moving, n->id) ||
          (n->zone != NULL && g_hash_table_contains (moving, n->zone)))
        g_ptr_array_add (order, n->id);
    }

  if (dx == 0 && dy == 0)
    return TRUE;

  command_begin (self, &cmd, _("Move"), merge_id);
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
  return command_end (&cmd, ok);
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
  command_begin (self, &cmd, _("Resize"), merge_id);
  return command_end (&cmd, record_geometry (&cmd, self, zone_id, x, y, w, h, error));
}

gboolean
bw_history_set_label (BwHistory   *self,
                      const char  *id,
                      const char  *label,
                      GError     **error)
{
  const BwZone *zone = bw_document_lookup_zone (self->document, id);
  const BwNode *node = bw_document_lookup_node (self->document, id);
  Command cmd;
  Op *op;

  if (zone == NULL && node == NULL)
    {
      g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_NOT_FOUND,
                   _("No zone or node “%s”"), id);
      return FALSE;
    }
  if (g_strcmp0 (zone ? zone->label : node->label, label) == 0)
    return TRUE;
  command_begin (self, &cmd, _("Rename"), 0);
  op = op_new (OP_LABEL, id);
  op->old_text = g_strdup (zone ? zone->label : node->label);
  op->new_text = g_strdup (label ? label : "");
  return command_end (&cmd, command_do (&cmd, op, error));
}

gboolean
bw_history_set_parent (BwHistory   *self,
                       const char  *id,
                       const char  *parent,
                       guint        merge_id,
                       GError     **error)
{
  const BwZone *zone = bw_document_lookup_zone (self->document, id);
  const BwNode *node = bw_document_lookup_node (self->document, id);
  Command cmd;
  Op *op;

  if (zone == NULL && node == NULL)
    {
      g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_NOT_FOUND,
                   _("No zone or node “%s”"), id);
      return FALSE;
    }
  if (g_strcmp0 (zone ? zone->parent : node->zone, parent) == 0)
    return TRUE;
  command_begin (self, &cmd, _("Move Into Zone"), merge_id);
  op = op_new (OP_PARENT, id);
  op->old_text = g_strdup (zone ? zone->parent : node->zone);
  op->new_text = g_strdup (parent);
  return command_end (&cmd, command_do (&cmd, op, error));
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
  command_begin (self, &cmd, _("Change Properties"), 0);
  op = op_new (OP_PROPS, node_id);
  op->old_props = bw_json_object_copy (node->props);
  op->new_props = bw_json_object_copy (props);
  return command_end (&cmd, command_do (&cmd, op, error));
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
  command_begin (self, &cmd, _("Change Properties"), 0);
  op = op_new (OP_PROPS, node->id);
  op->old_props = bw_json_object_copy (node->props);
  op->new_props = g_steal_pointer (&owned);
  return command_end (&cmd, command_do (&cmd, op, error));
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
  command_begin (self, &cmd, _("Change Connection"), 0);
  op = op_new (OP_EDGE_KIND, edge_id);
  op->old_kind = edge->kind;
  op->new_kind = kind;
  return command_end (&cmd, command_do (&cmd, op, error));
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
  command_begin (self, &cmd, _("Rename Project"), 0);
  op = op_new (OP_TITLE, NULL);
  op->old_text = g_strdup (bw_document_get_title (self->document));
  op->new_text = g_strdup (title ? title : "");
  return command_end (&cmd, command_do (&cmd, op, error));
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
  command_begin (self, &cmd, _("Change Gap Threshold"), 0);
  op = op_new (OP_GAP, NULL);
  op->old_value = bw_document_get_gap_threshold (self->document);
  op->new_value = threshold;
  return command_end (&cmd, command_do (&cmd, op, error));
}

/* Threat groups and layer techniques are both string lists in the settings. */
static gboolean
set_threat_list (BwHistory          *self,
                 OpType              type,
                 const char *const  *values,
                 GError            **error)
{
  static const char *const none[] = { NULL };
  const char *const *current = type == OP_GROUPS ? bw_document_get_threat_groups (self->document)
                                                 : bw_document_get_threat_techniques (self->document);
  Command cmd;
  Op *op;

  if (values == NULL)
    values = none;
  if (g_strv_equal (current, values))
    return TRUE;
  command_begin (self, &cmd,
                 type == OP_GROUPS ? _("Change Threat Profile") : _("Change Threat Focus"), 0);
  op = op_new (type, NULL);
  op->old_groups = g_strdupv ((char **) current);
  op->new_groups = g_strdupv ((char **) values);
  return command_end (&cmd, command_do (&cmd, op, error));
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
  command_begin (self, &cmd, _("Change Licence Tier"), 0);
  op = op_new (OP_LICENCE, NULL);
  op->old_text = g_strdup (bw_document_get_licence (self->document));
  op->new_text = g_strdup (licence);
  return command_end (&cmd, command_do (&cmd, op, error));
}

/* Groups */

void
bw_history_begin_group (BwHistory  *self,
                        const char *label)
{
  if (self->group_depth++ == 0)
    self->open = step_new (label, 0);
}

void
bw_history_end_group (BwHistory *self)
{
  Step *step;

  g_return_if_fail (self->group_depth > 0);
  if (--self->group_depth > 0)
    return;
  step = g_steal_pointer (&self->open);
  if (step->ops->len == 0)
    {
      step_free (step);
      return;
    }
  g_ptr_array_add (self->undo, step);
  if (self->saved > (int) self->undo->len - 1)
    self->saved = -1;
  g_ptr_array_set_size (self->redo, 0);
  notify_state (self);
}

/* Undo and redo */

gboolean
bw_history_undo (BwHistory *self)
{
  Step *step;

  if (self->undo->len == 0 || self->open != NULL)
    return FALSE;
  step = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  for (guint i = step->ops->len; i > 0; i--)
    {
      g_autoptr(GError) error = NULL;

      if (!apply (self, g_ptr_array_index (step->ops, i - 1), FALSE, &error))
        g_critical ("Undo failed: %s", error->message);
    }
  g_ptr_array_add (self->redo, step);
  notify_state (self);
  return TRUE;
}

gboolean
bw_history_redo (BwHistory *self)
{
  Step *step;

  if (self->redo->len == 0 || self->open != NULL)
    return FALSE;
  step = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  for (guint i = 0; i < step->ops->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!apply (self, g_ptr_array_index (step->ops, i), TRUE, &error))
        g_critical ("Redo failed: %s", error->message);
    }
  g_ptr_array_add (self->undo, step);
  notify_state (self);
  return TRUE;
}

void
bw_history_clear (BwHistory *self)
{
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  self->saved = -1;
  notify_state (self);
}

gboolean
bw_history_get_can_undo (BwHistory *self)
{
  return self->undo->len > 0;
}

gboolean
bw_history_get_can_redo (BwHistory *self)
{
  return self->redo->len > 0;
}

gboolean
bw_history_get_modified (BwHistory *self)
{
  return self->saved != (int) self->undo->len;
}

void
bw_history_mark_saved (BwHistory *self)
{
  self->saved = (int) self->undo->len;
  /* A merge into the saved step would change it after saving: close it. */
  if (self->undo->len > 0)
    ((Step *) g_ptr_array_index (self->undo, self->undo->len - 1))->merge_id = 0;
  notify_state (self);
}

const char *
bw_history_get_undo_label (BwHistory *self)
{
  return self->undo->len ? ((Step *) g_ptr_array_index (self->undo, self->undo->len - 1))->label
                         : NULL;
}

const char *
bw_history_get_redo_label (BwHistory *self)
{
  return self->redo->len ? ((Step *) g_ptr_array_index (self->redo, self->redo->len - 1))->label
                         : NULL;
}

BwDocument *
bw_history_get_document (BwHistory *self)
{
  return self->document;
}

static void
bw_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BwHistory *self = BW_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, bw_history_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, bw_history_get_can_redo (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, bw_history_get_modified (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, bw_history_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, bw_history_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_history_finalize (GObject *object)
{
  BwHistory *self = BW_HISTORY (object);

  g_clear_object (&self->document);
  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  g_clear_pointer (&self->open, step_free);
  g_free (self->shown_undo_label);
  g_free (self->shown_redo_label);

  G_OBJECT_CLASS (bw_history_parent_class)->finalize (object);
}

static void
bw_history_class_init (BwHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = bw_history_get_property;
  object_class->finalize = bw_history_finalize;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* "Move", "Delete", …: the action's name, for "Undo Move" in a tooltip or menu. */
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bw_history_init (BwHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  /* A new history has nothing to undo and counts as saved; before mark_saved, any edit is a
   * modification. */
  self->saved = 0;
}

BwHistory *
bw_history_new (BwDocument *document)
{
  BwHistory *self = g_object_new (BW_TYPE_HISTORY, NULL);

  self->document = g_object_ref (document);
  return self;
}
