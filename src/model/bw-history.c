/* bw-history.c: undo and redo. Each command (bw-history-commands.c) is recorded as a list of
 * reversible primitive operations on the document, applied as they are recorded; undo applies
 * their inverses in reverse order, so a document returns to exactly the bytes it had. */
#include "config.h"

#include "bw-document-private.h"
#include "bw-history-private.h"

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

void
bw_history_command_begin (BwHistory  *self,
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

gboolean
bw_history_command_do (Command *cmd,
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

gboolean
bw_history_command_end (Command  *cmd,
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

Op *
bw_history_op_new (OpType      type,
                   const char *id)
{
  Op *op = g_new0 (Op, 1);

  op->type = type;
  op->id = g_strdup (id);
  return op;
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
  g_free (self->nudge_key);

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
