/* bw-clipboard.h: copy and paste of part of a document. A copy is a small Bulwark project
 * holding the selection, so it can go through any text clipboard (another window, a text
 * editor); a paste adds it back as one undo step with fresh ids. */
#pragma once

#include "bw-document.h"
#include "bw-history.h"

G_BEGIN_DECLS

/* How far a paste or duplicate lands from the original, in diagram units. */
#define BW_CLIPBOARD_OFFSET 32.0

/* A new document with the zones and nodes among `ids` (NULL-terminated; edge ids and unknown
 * ids are ignored), everything inside the zones taken, and the edges whose two ends are both
 * taken. Ids, positions and props stay as they were. */
BwDocument *bw_clipboard_copy      (BwDocument         *document,
                                    const char *const  *ids);
/* bw_clipboard_copy as clipboard text, or NULL when it holds no zone or node. */
char       *bw_clipboard_serialize (BwDocument         *document,
                                    const char *const  *ids,
                                    gsize              *out_length);
/* Clipboard text back as a document, or NULL and an error when it holds none. */
BwDocument *bw_clipboard_parse     (const char         *text,
                                    gssize              length,
                                    GError            **error);
/* Adds everything in `source` to the history's document as one undo step ("Paste"): fresh ids,
 * shifted by (dx, dy), zone nesting and edges between pasted objects kept, and each node that
 * came without its zone placed in the zone it lands in. Returns the new ids (zones, then
 * nodes; free the array), empty when `source` holds nothing; NULL and an error, with the
 * document unchanged, when an edit is refused. */
GPtrArray  *bw_clipboard_paste     (BwHistory          *history,
                                    BwDocument         *source,
                                    double              dx,
                                    double              dy,
                                    GError            **error);

G_END_DECLS
