/* bw-document.c: the document — zones, nodes and edges in file order, indexed by id — with its
 * accessors, its fresh ids and its `changed` signal. The checked mutators that change it are in
 * bw-document-edit.c, the records' copy and free in bw-document-records.c. */
#include "config.h"

#include <string.h>

#include "bw-document-object-private.h"
#include "bw-document-private.h"


G_DEFINE_FINAL_TYPE (BwDocument, bw_document, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (bw-document-edit-error-quark, bw_document_edit_error)

/* Signals */

void
bw_document_emit (BwDocument   *self,
                  BwChangeType  type,
                  BwObjectType  object,
                  const char   *id,
                  guint         fields,
                  const BwZone *zone,
                  const BwNode *node,
                  const BwEdge *edge)
{
  BwChange change = { type, object, id, fields, zone, node, edge };

  if (self->batch > 0)
    return;
  g_signal_emit (self, signals[CHANGED], 0, &change);
}

void
bw_document_begin_batch (BwDocument *self)
{
  self->batch++;
}

void
bw_document_end_batch (BwDocument *self)
{
  g_return_if_fail (self->batch > 0);
  if (--self->batch == 0)
    bw_document_emit (self, BW_CHANGE_RESET, BW_OBJECT_DOCUMENT, NULL, 0, NULL, NULL, NULL);
}

/* Object */

static void
bw_document_finalize (GObject *object)
{
  BwDocument *self = BW_DOCUMENT (object);

  g_free (self->title);
  g_free (self->attack_version);
  g_strfreev (self->threat_groups);
  g_strfreev (self->threat_techniques);
  g_free (self->licence);
  g_strfreev (self->licence_overrides);
  g_hash_table_unref (self->by_id);
  g_clear_pointer (&self->number_texts, g_hash_table_unref);
  g_ptr_array_unref (self->zones);
  g_ptr_array_unref (self->nodes);
  g_ptr_array_unref (self->edges);

  G_OBJECT_CLASS (bw_document_parent_class)->finalize (object);
}

static void
bw_document_class_init (BwDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bw_document_finalize;

  /**
   * BwDocument::changed:
   * @change: (type gpointer): a `BwChange` saying what changed, valid during the emission
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
bw_document_init (BwDocument *self)
{
  self->title = g_strdup ("");
  self->attack_version = g_strdup ("18.1");
  self->gap_threshold = 0.25;
  self->threat_groups = g_new0 (char *, 1);
  self->threat_techniques = g_new0 (char *, 1);
  self->licence_overrides = g_new0 (char *, 1);
  self->zones = g_ptr_array_new_with_free_func ((GDestroyNotify) bw_zone_free);
  self->nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) bw_node_free);
  self->edges = g_ptr_array_new_with_free_func ((GDestroyNotify) bw_edge_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

BwDocument *
bw_document_new (void)
{
  return g_object_new (BW_TYPE_DOCUMENT, NULL);
}

/* Accessors */

const char *
bw_document_get_title (BwDocument *self)
{
  return self->title;
}

const char *
bw_document_get_attack_version (BwDocument *self)
{
  return self->attack_version;
}

void
bw_document_set_attack_version (BwDocument *self,
                                const char *version)
{
  g_free (self->attack_version);
  self->attack_version = g_strdup (version);
}

double
bw_document_get_gap_threshold (BwDocument *self)
{
  return self->gap_threshold;
}

const char *const *
bw_document_get_threat_groups (BwDocument *self)
{
  return (const char *const *) self->threat_groups;
}

const char *const *
bw_document_get_threat_techniques (BwDocument *self)
{
  return (const char *const *) self->threat_techniques;
}

const char *
bw_document_get_label (BwDocument *self,
                       const char *id)
{
  const BwNode *node = bw_document_lookup_node (self, id);
  const BwZone *zone = node == NULL ? bw_document_lookup_zone (self, id) : NULL;

  return node != NULL ? node->label : zone != NULL ? zone->label : id;
}

const char *
bw_document_get_licence (BwDocument *self)
{
  return self->licence;
}

const char *const *
bw_document_get_licence_overrides (BwDocument *self)
{
  g_return_val_if_fail (BW_IS_DOCUMENT (self), NULL);

  return (const char *const *) self->licence_overrides;
}

guint
bw_document_get_capability_tier (BwDocument *self,
                                 const char *id,
                                 guint       catalog_tier)
{
  g_return_val_if_fail (BW_IS_DOCUMENT (self), catalog_tier);

  /* A handful of pairs at most: a scan costs less than a table. */
  for (guint i = 0; self->licence_overrides[i] != NULL; i += 2)
    if (g_str_equal (self->licence_overrides[i], id))
      return (guint) (self->licence_overrides[i + 1][1] - '0');
  return catalog_tier;
}

gboolean
bw_licence_is_valid (const char *licence)
{
  return licence == NULL || g_str_equal (licence, "E3") || g_str_equal (licence, "E5");
}

guint
bw_document_get_n_zones (BwDocument *self)
{
  return self->zones->len;
}

const BwZone *
bw_document_get_zone (BwDocument *self,
                      guint       index)
{
  g_return_val_if_fail (index < self->zones->len, NULL);
  return g_ptr_array_index (self->zones, index);
}

const BwZone *
bw_document_lookup_zone (BwDocument *self,
                         const char *id)
{
  return bw_document_id_lookup (self, id, BW_ID_ZONE);
}

guint
bw_document_get_n_nodes (BwDocument *self)
{
  return self->nodes->len;
}

const BwNode *
bw_document_get_node (BwDocument *self,
                      guint       index)
{
  g_return_val_if_fail (index < self->nodes->len, NULL);
  return g_ptr_array_index (self->nodes, index);
}

guint
bw_document_get_serial_bound (BwDocument *self)
{
  return self->next_serial;
}

const BwNode *
bw_document_lookup_node (BwDocument *self,
                         const char *id)
{
  return bw_document_id_lookup (self, id, BW_ID_NODE);
}

guint
bw_document_get_n_edges (BwDocument *self)
{
  return self->edges->len;
}

const BwEdge *
bw_document_get_edge (BwDocument *self,
                      guint       index)
{
  g_return_val_if_fail (index < self->edges->len, NULL);
  return g_ptr_array_index (self->edges, index);
}

const BwEdge *
bw_document_lookup_edge (BwDocument *self,
                         const char *id)
{
  return bw_document_id_lookup (self, id, BW_ID_EDGE);
}

gboolean
bw_document_has_id (BwDocument *self,
                    const char *id)
{
  return g_hash_table_contains (self->by_id, id);
}

static const char id_prefixes[] = "zne";

/* The slot and number of ids shaped like "n12"; FALSE for any other id. */
static gboolean
id_number (const char *id,
           guint      *slot,
           guint64    *value)
{
  const char *prefix = id[0] ? strchr (id_prefixes, id[0]) : NULL;

  if (prefix == NULL || !g_ascii_isdigit (id[1]))
    return FALSE;
  *slot = prefix - id_prefixes;
  *value = g_ascii_strtoull (id + 1, NULL, 10);
  return TRUE;
}

void
bw_document_note_id_added (BwDocument *self,
                           const char *id)
{
  guint slot;
  guint64 value;

  if (id_number (id, &slot, &value) && self->id_max_valid[slot])
    self->id_max[slot] = MAX (self->id_max[slot], value);
}

void
bw_document_note_id_removed (BwDocument *self,
                             const char *id)
{
  guint slot;
  guint64 value;

  if (id_number (id, &slot, &value) && value >= self->id_max[slot])
    self->id_max_valid[slot] = FALSE;
}

char *
bw_document_new_id (BwDocument *self,
                    char        prefix)
{
  const char *found = prefix ? strchr (id_prefixes, prefix) : NULL;
  guint slot;
  guint n;

  g_return_val_if_fail (found != NULL, NULL);
  slot = found - id_prefixes;

  /* One more than the largest number in use with this prefix, so ids read in creation order. */
  if (!self->id_max_valid[slot])
    {
      GPtrArray *arrays[] = { self->zones, self->nodes, self->edges };
      guint64 max = 0;

      for (guint a = 0; a < G_N_ELEMENTS (arrays); a++)
        for (guint i = 0; i < arrays[a]->len; i++)
          {
            const char *id = *(char **) g_ptr_array_index (arrays[a], i);
            guint id_slot;
            guint64 value;

            if (id_number (id, &id_slot, &value) && id_slot == slot)
              max = MAX (max, value);
          }
      self->id_max[slot] = max;
      self->id_max_valid[slot] = TRUE;
    }
  n = self->id_max[slot] >= G_MAXUINT ? G_MAXUINT : (guint) self->id_max[slot] + 1;
  for (;; n++)
    {
      g_autofree char *id = g_strdup_printf ("%c%u", prefix, n);

      if (!bw_document_has_id (self, id))
        return g_steal_pointer (&id);
    }
}

gboolean
bw_document_zone_is_within (BwDocument *self,
                            const char *zone_id,
                            const char *ancestor_id)
{
  const BwZone *zone = bw_document_lookup_zone (self, zone_id);
  guint guard = 0;

  while (zone != NULL && guard++ <= self->zones->len)
    {
      if (g_strcmp0 (zone->id, ancestor_id) == 0)
        return TRUE;
      zone = bw_document_lookup_zone (self, zone->parent);
    }
  return FALSE;
}

