/* bw-selection.c: the selected objects of a document and the focused one. */
#include "config.h"

#include "bw-selection.h"

struct _BwSelection
{
  GObject     parent_instance;

  BwDocument *document;
  GHashTable *ids;       /* id → id, owned */
  char       *focused;
};

G_DEFINE_FINAL_TYPE (BwSelection, bw_selection, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
emit_changed (BwSelection *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

BwSelection *
bw_selection_new (void)
{
  return g_object_new (BW_TYPE_SELECTION, NULL);
}

void
bw_selection_set_document (BwSelection *self,
                           BwDocument  *document)
{
  g_return_if_fail (BW_IS_SELECTION (self));

  g_set_object (&self->document, document);
  g_hash_table_remove_all (self->ids);
  g_clear_pointer (&self->focused, g_free);
  emit_changed (self);
}

guint
bw_selection_get_size (BwSelection *self)
{
  g_return_val_if_fail (BW_IS_SELECTION (self), 0);

  return g_hash_table_size (self->ids);
}

gboolean
bw_selection_contains (BwSelection *self,
                       const char  *id)
{
  g_return_val_if_fail (BW_IS_SELECTION (self), FALSE);

  return id != NULL && g_hash_table_contains (self->ids, id);
}

GPtrArray *
bw_selection_get_ids (BwSelection *self)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  BwDocument *doc;

  g_return_val_if_fail (BW_IS_SELECTION (self), ids);

  if ((doc = self->document) == NULL || g_hash_table_size (self->ids) == 0)
    return ids;
  for (guint i = 0; i < bw_document_get_n_zones (doc); i++)
    if (g_hash_table_contains (self->ids, bw_document_get_zone (doc, i)->id))
      g_ptr_array_add (ids, g_strdup (bw_document_get_zone (doc, i)->id));
  for (guint i = 0; i < bw_document_get_n_nodes (doc); i++)
    if (g_hash_table_contains (self->ids, bw_document_get_node (doc, i)->id))
      g_ptr_array_add (ids, g_strdup (bw_document_get_node (doc, i)->id));
  for (guint i = 0; i < bw_document_get_n_edges (doc); i++)
    if (g_hash_table_contains (self->ids, bw_document_get_edge (doc, i)->id))
      g_ptr_array_add (ids, g_strdup (bw_document_get_edge (doc, i)->id));
  return ids;
}

GHashTable *
bw_selection_get_set (BwSelection *self)
{
  g_return_val_if_fail (BW_IS_SELECTION (self), NULL);

  return self->ids;
}

const char *
bw_selection_get_focused (BwSelection *self)
{
  g_return_val_if_fail (BW_IS_SELECTION (self), NULL);

  return self->focused;
}

void
bw_selection_select (BwSelection *self,
                     const char  *id,
                     gboolean     extend)
{
  g_return_if_fail (BW_IS_SELECTION (self));

  if (!extend)
    g_hash_table_remove_all (self->ids);
  if (id != NULL)
    {
      if (extend && g_hash_table_contains (self->ids, id))
        g_hash_table_remove (self->ids, id);
      else
        g_hash_table_add (self->ids, g_strdup (id));
      g_free (self->focused);
      self->focused = g_strdup (id);
    }
  emit_changed (self);
}

void
bw_selection_add (BwSelection       *self,
                  const char *const *ids)
{
  g_return_if_fail (BW_IS_SELECTION (self));

  for (guint i = 0; ids[i] != NULL; i++)
    g_hash_table_add (self->ids, g_strdup (ids[i]));
  emit_changed (self);
}

void
bw_selection_select_all (BwSelection *self)
{
  BwDocument *doc;

  g_return_if_fail (BW_IS_SELECTION (self));

  if ((doc = self->document) == NULL)
    return;
  for (guint i = 0; i < bw_document_get_n_zones (doc); i++)
    g_hash_table_add (self->ids, g_strdup (bw_document_get_zone (doc, i)->id));
  for (guint i = 0; i < bw_document_get_n_nodes (doc); i++)
    g_hash_table_add (self->ids, g_strdup (bw_document_get_node (doc, i)->id));
  emit_changed (self);
}

void
bw_selection_clear (BwSelection *self)
{
  bw_selection_select (self, NULL, FALSE);
}

void
bw_selection_prune (BwSelection *self)
{
  GHashTableIter iter;
  const char *id;
  gboolean removed = FALSE;

  g_return_if_fail (BW_IS_SELECTION (self));

  if (self->document == NULL)
    return;
  g_hash_table_iter_init (&iter, self->ids);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    {
      if (bw_document_lookup_node (self->document, id) == NULL &&
          bw_document_lookup_zone (self->document, id) == NULL &&
          bw_document_lookup_edge (self->document, id) == NULL)
        {
          g_hash_table_iter_remove (&iter);
          removed = TRUE;
        }
    }
  if (removed)
    emit_changed (self);
}

static void
bw_selection_finalize (GObject *object)
{
  BwSelection *self = BW_SELECTION (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->ids, g_hash_table_unref);
  g_clear_pointer (&self->focused, g_free);

  G_OBJECT_CLASS (bw_selection_parent_class)->finalize (object);
}

static void
bw_selection_class_init (BwSelectionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bw_selection_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bw_selection_init (BwSelection *self)
{
  self->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}
