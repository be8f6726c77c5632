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
  GHashTable *zone_by_id;
  GHashTable *node_by_id;
  GHashTable *edge_by_id;
  GHashTable *number_texts; /* NULL, or "node id\x1fpath in props" → a number's text as read */
  guint       batch;  /* > 0 while a loader fills the document: no signals */
  guint       next_serial; /* of nodes and zones alike */

  /* Largest N in use in ids "zN", "nN", "eN", so fresh ids need no scan; a slot is recomputed
   * when the id holding its maximum goes away. */
  guint64     id_max[3];
  gboolean    id_max_valid[3];
};

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
