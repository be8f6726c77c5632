/* bw-document-io.h: reading and writing `*.bulwark` project files (DESIGN §3). */
#pragma once

#include "bw-document.h"

G_BEGIN_DECLS

#define BW_DOCUMENT_FORMAT_VERSION 1

/* Limits past which a file is refused with BW_DOCUMENT_ERROR_TOO_LARGE: its size (checked
 * before reading), and the entries of each of zones, nodes and edges. */
#define BW_DOCUMENT_MAX_BYTES   (256 * 1024 * 1024)
#define BW_DOCUMENT_MAX_OBJECTS 1000000

#define BW_DOCUMENT_ERROR (bw_document_error_quark ())
typedef enum
{
  BW_DOCUMENT_ERROR_PARSE,     /* not JSON, not UTF-8 */
  BW_DOCUMENT_ERROR_INVALID,   /* JSON, but not a valid project; message names the place */
  BW_DOCUMENT_ERROR_VERSION,   /* written by a newer Bulwark */
  BW_DOCUMENT_ERROR_TOO_LARGE, /* over the size limits */
} BwDocumentError;

GQuark      bw_document_error_quark     (void);

BwDocument *bw_document_load_from_data  (const char  *data,
                                         gssize       length,
                                         GError     **error);
BwDocument *bw_document_load_from_file  (const char  *path,
                                         GError     **error);
/* Canonical bytes: fixed key order, two-space indent, shortest round-trip numbers, final newline.
 * Keys inside a node's `props` keep the order they were read or set in (a duplicate key keeps
 * its last value), so a file's own props order survives load → save. */
char       *bw_document_to_data         (BwDocument  *document,
                                         gsize       *out_length);
/* An independent copy with the same bytes when saved. */
BwDocument *bw_document_copy            (BwDocument  *document);
/* Atomic: writes beside, fsyncs, renames. On failure the previous file is untouched. */
gboolean    bw_document_save_to_file    (BwDocument  *document,
                                         const char  *path,
                                         GError     **error);

G_END_DECLS
