/* bw-selection.h: which objects of a document are selected, and which one has the keyboard
 * focus. Headless: the canvas shows one, the tests use one without a display. */
#pragma once

#include "bw-document.h"

G_BEGIN_DECLS

#define BW_TYPE_SELECTION (bw_selection_get_type ())
G_DECLARE_FINAL_TYPE (BwSelection, bw_selection, BW, SELECTION, GObject)

/* Emits `changed` (no arguments) after every change of the selected set. */
BwSelection *bw_selection_new          (void);

/* Forgets the selection and the focus; the document gives the order and what exists. */
void         bw_selection_set_document (BwSelection *self,
                                        BwDocument  *document);

guint        bw_selection_get_size     (BwSelection *self);
gboolean     bw_selection_contains     (BwSelection *self,
                                        const char  *id);
/* The selected ids (free the array) in document order — zones, then nodes, then edges — so a
 * command built from a selection is the same whatever order it was made in. */
GPtrArray   *bw_selection_get_ids      (BwSelection *self);
/* The set itself, id → id, for drawing; owned by the selection. */
GHashTable  *bw_selection_get_set      (BwSelection *self);
/* The object last selected (it keeps the focus when the selection is cleared), or NULL. */
const char  *bw_selection_get_focused  (BwSelection *self);

/* Selects `id` alone, or with `extend` toggles it in the selection; it gets the focus. NULL
 * clears (without extend). */
void         bw_selection_select       (BwSelection *self,
                                        const char  *id,
                                        gboolean     extend);
/* Adds the ids (NULL-terminated) to the selection. */
void         bw_selection_add          (BwSelection       *self,
                                        const char *const *ids);
/* Every zone and node (not the edges, which follow them). */
void         bw_selection_select_all   (BwSelection *self);
void         bw_selection_clear        (BwSelection *self);
/* Drops what the document no longer has; emits `changed` only when something went. */
void         bw_selection_prune        (BwSelection *self);

G_END_DECLS
