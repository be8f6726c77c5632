/* bw-document-object-private.h: the BwDocument instance, for the files that implement it
 * (bw-document.c: the object, its accessors and ids; bw-document-edit.c: the checked mutators).
 * Nothing else sees these fields. */
#pragma once

#include "bw-document.h"

G_BEGIN_DECLS

struct _BwDocument
{
  GObject     parent_instance;

  char       *title;
  char       *attack_version;
  double      gap_threshold;
  GStrv       threat_groups;
  GStrv       threat_techniques;
  char       *licence;
  GStrv       licence_overrides;  /* id, tier, id, tier, …, NULL */

  GPtrArray  *zones;  /* BwZone* */
  GPtrArray  *nodes;  /* BwNode* */
  GPtrArray  *edges;  /* BwEdge* */
  GHashTable *by_id;  /* id → its zone, node or edge, tagged (ids are unique across kinds):
                       * one lookup tells whether an id is taken */
  GHashTable *number_texts; /* NULL, or "node id\x1fpath in props" → a number's text as read */
  guint       batch;  /* > 0 while a loader fills the document: no signals */
  guint       next_serial; /* of nodes and zones alike */

  /* Largest N in use in ids "zN", "nN", "eN", so fresh ids need no scan; a slot is recomputed
   * when the id holding its maximum goes away. */
  guint64     id_max[3];
  gboolean    id_max_valid[3];
};

/* The kind of record in the low bits of a by_id value (records are malloc'd: aligned). */
typedef enum
{
  BW_ID_ZONE,
  BW_ID_NODE,
  BW_ID_EDGE,
} BwIdTag;

static inline void
bw_document_id_insert (BwDocument *self,
                       const char *id,
                       gpointer    record,
                       BwIdTag     tag)
{
  g_hash_table_insert (self->by_id, (gpointer) id, (gpointer) ((guintptr) record | tag));
}

/* The record `id` names if it is of kind `tag`, else NULL. */
static inline gpointer
bw_document_id_lookup (BwDocument *self,
                       const char *id,
                       BwIdTag     tag)
{
  guintptr value = id != NULL ? (guintptr) g_hash_table_lookup (self->by_id, id) : 0;

  return value != 0 && (value & 3) == tag ? (gpointer) (value & ~(guintptr) 3) : NULL;
}

/* Emits `changed` with one change, unless a batch is open. */
void bw_document_emit            (BwDocument   *self,
                                  BwChangeType  type,
                                  BwObjectType  object,
                                  const char   *id,
                                  guint         fields,
                                  const BwZone *zone,
                                  const BwNode *node,
                                  const BwEdge *edge);
/* Keep the largest number of ids shaped like "n12" current, for bw_document_new_id(). */
void bw_document_note_id_added   (BwDocument   *self,
                                  const char   *id);
void bw_document_note_id_removed (BwDocument   *self,
                                  const char   *id);

G_END_DECLS
