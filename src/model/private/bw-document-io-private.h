/* bw-document-io-private.h: what the steps of reading and writing a project file share. */
#pragma once

#include "bw-document.h"
#include "bw-json-reader.h"

G_BEGIN_DECLS

/* Fills an empty `document`, inside a batch, from a parsed project file; FALSE with a
 * BW_DOCUMENT_ERROR naming the place. `error` must not be NULL. (bw-document-read.c) */
gboolean bw_document_read_json          (BwDocument    *document,
                                         BwJsonReader  *json,
                                         GError       **error);
/* The length of bw_document_to_data()'s text, measured without keeping it. (bw-document-write.c) */
gsize    bw_document_get_data_length    (BwDocument    *document);
/* Appends "/" and `key` to a path inside props, "~" and "/" escaped as in a JSON pointer: the
 * keys of the number texts kept as read. */
void     bw_document_append_path_segment (GString      *path,
                                          const char   *key);

G_END_DECLS
