/* bw-document-private.h: what the loader and the history need beyond the public API. */
#pragma once

#include "bw-document.h"

G_BEGIN_DECLS

#define BW_DOCUMENT_MAX_COORD 1e7
#define BW_DOCUMENT_MAX_LABEL 10000

#define BW_DOCUMENT_EDIT_ERROR (bw_document_edit_error_quark ())
typedef enum
{
  BW_DOCUMENT_EDIT_ERROR_INVALID,
  BW_DOCUMENT_EDIT_ERROR_NOT_FOUND,
  BW_DOCUMENT_EDIT_ERROR_IN_USE,
} BwDocumentEditError;

GQuark        bw_document_edit_error_quark   (void);

/* Inserts a copy of `template` at `index` (-1: at the end); a NULL id asks for a fresh one. */
const BwZone *bw_document_insert_zone        (BwDocument   *self,
                                              const BwZone *template,
                                              int           index,
                                              GError      **error);
const BwNode *bw_document_insert_node        (BwDocument   *self,
                                              const BwNode *template,
                                              int           index,
                                              GError      **error);
/* Like insert_node, but takes `node` itself (freed when refused): the loader's props are
 * not copied again. */
const BwNode *bw_document_adopt_node         (BwDocument   *self,
                                              BwNode       *node,
                                              int           index,
                                              GError      **error);
const BwEdge *bw_document_insert_edge        (BwDocument   *self,
                                              const BwEdge *template,
                                              int           index,
                                              GError      **error);
/* Position of a zone, node or edge in its array, or -1. */
int           bw_document_index_of           (BwDocument   *self,
                                              const char   *id);
gboolean      bw_document_has_id             (BwDocument   *self,
                                              const char   *id);
char         *bw_document_new_id             (BwDocument   *self,
                                              char          prefix);
void          bw_document_set_attack_version (BwDocument   *self,
                                              const char   *version);

/* For the loader, inside a batch, once it has checked that no cycle forms: sets a zone's
 * parent without walking the chain above it. */
void          bw_document_link_parent        (BwDocument   *self,
                                              const char   *id,
                                              const char   *parent);

/* The first Unicode non-character (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF) in UTF-8 `text`, or 0.
 * Labels and titles may not hold them: Pango refuses such text and stops drawing. */
gunichar      bw_text_find_noncharacter      (const char   *text);

/* The text a number inside a node's props was read as, when the canonical form would write it
 * differently (1e400, 20-digit integers, 1.50): saved as read while the value is unchanged.
 * `key` is the node id, 0x1f, and the member's path in props ("/x-notes/ticket"). A stale
 * entry is harmless: the writer uses it only when it still reads as the value written. */
void          bw_document_set_number_text    (BwDocument   *self,
                                              const char   *key,
                                              const char   *text);
const char   *bw_document_get_number_text    (BwDocument   *self,
                                              const char   *key);
gboolean      bw_document_has_number_texts   (BwDocument   *self);
void          bw_document_copy_number_texts  (BwDocument   *self,
                                              BwDocument   *from);

/* While a batch is open no `changed` is emitted; closing it emits one RESET. */
void          bw_document_begin_batch        (BwDocument   *self);
void          bw_document_end_batch          (BwDocument   *self);

BwZone       *bw_zone_copy                   (const BwZone *zone);
void          bw_zone_free                   (BwZone       *zone);
BwNode       *bw_node_copy                   (const BwNode *node);
void          bw_node_free                   (BwNode       *node);
BwEdge       *bw_edge_copy                   (const BwEdge *edge);
void          bw_edge_free                   (BwEdge       *edge);
JsonObject   *bw_json_object_copy            (JsonObject   *object);

G_END_DECLS
