/* bw-history.h: every edit of a document as an undoable command. */
#pragma once

#include "bw-document.h"

G_BEGIN_DECLS

#define BW_TYPE_HISTORY (bw_history_get_type ())
G_DECLARE_FINAL_TYPE (BwHistory, bw_history, BW, HISTORY, GObject)

BwHistory  *bw_history_new             (BwDocument  *document);
BwDocument *bw_history_get_document    (BwHistory   *self);

gboolean    bw_history_get_can_undo    (BwHistory   *self);
gboolean    bw_history_get_can_redo    (BwHistory   *self);
/* Whether the document differs from what was last marked saved. */
gboolean    bw_history_get_modified    (BwHistory   *self);
void        bw_history_mark_saved      (BwHistory   *self);
/* "Move", "Delete", … for "Undo Move"; NULL when there is nothing to undo or redo. The
 * properties can-undo, can-redo, modified, undo-label and redo-label notify when they change. */
const char *bw_history_get_undo_label  (BwHistory   *self);
const char *bw_history_get_redo_label  (BwHistory   *self);

gboolean    bw_history_undo            (BwHistory   *self);
gboolean    bw_history_redo            (BwHistory   *self);
/* Forgets every step. The saved state can no longer be reached, so the document counts as
 * modified until the next bw_history_mark_saved (a recovered draft is not on disk yet). */
void        bw_history_clear           (BwHistory   *self);

/* Bundles the commands issued until end_group into one undo step (paste, apply a suggestion). */
void        bw_history_begin_group     (BwHistory   *self,
                                        const char  *label);
void        bw_history_end_group       (BwHistory   *self);

/* Commands. Those that create return the new id (free it); the others return FALSE with an
 * error and change nothing when the edit is refused. A non-zero `merge_id` equal to the
 * previous command's makes both one undo step: a drag sends many moves with one id. */
char       *bw_history_add_zone        (BwHistory   *self,
                                        const char  *kind,
                                        const char  *label,
                                        const char  *parent,
                                        double       x,
                                        double       y,
                                        double       w,
                                        double       h,
                                        GError     **error);
char       *bw_history_add_node        (BwHistory   *self,
                                        const char  *kind,
                                        const char  *label,
                                        const char  *zone,
                                        double       x,
                                        double       y,
                                        GError     **error);
/* Adds a node with its props (copied; may be NULL). */
char       *bw_history_add_node_full   (BwHistory   *self,
                                        const char  *kind,
                                        const char  *label,
                                        const char  *zone,
                                        double       x,
                                        double       y,
                                        JsonObject  *props,
                                        GError     **error);
char       *bw_history_connect         (BwHistory   *self,
                                        BwEdgeKind   kind,
                                        const char  *from,
                                        const char  *to,
                                        GError     **error);
/* Removes the objects and everything that depends on them: a zone's contents and the edges
 * touching anything removed. One step; undo restores every object where it was. */
gboolean    bw_history_remove          (BwHistory   *self,
                                        const char *const *ids,
                                        GError     **error);
/* Moves zones and nodes; a zone takes everything inside it along. */
gboolean    bw_history_move            (BwHistory   *self,
                                        const char *const *ids,
                                        double       dx,
                                        double       dy,
                                        guint        merge_id,
                                        GError     **error);
/* A move by the keyboard, settled into the zone it lands in: consecutive nudges of the same
 * objects, with no other command between, make one undo step. */
gboolean    bw_history_nudge           (BwHistory   *self,
                                        const char *const *ids,
                                        double       dx,
                                        double       dy,
                                        GError     **error);
gboolean    bw_history_resize          (BwHistory   *self,
                                        const char  *zone_id,
                                        double       x,
                                        double       y,
                                        double       w,
                                        double       h,
                                        guint        merge_id,
                                        GError     **error);
/* Puts a zone or a node exactly at (x, y) (a zone also at size w × h); unlike a move, a
 * zone's contents stay where they are. */
gboolean    bw_history_set_geometry    (BwHistory   *self,
                                        const char  *id,
                                        double       x,
                                        double       y,
                                        double       w,
                                        double       h,
                                        guint        merge_id,
                                        GError     **error);
gboolean    bw_history_set_label       (BwHistory   *self,
                                        const char  *id,
                                        const char  *label,
                                        GError     **error);
gboolean    bw_history_set_parent      (BwHistory   *self,
                                        const char  *id,
                                        const char  *zone,
                                        guint        merge_id,
                                        GError     **error);
/* Puts each moved zone or node into the zone it now lies in (bw_edit_rules_zone_for), as one
 * step with the move when merge_id is the move's. Goes on past a refused change and returns
 * FALSE with the first error. */
gboolean    bw_history_settle          (BwHistory   *self,
                                        const char *const *ids,
                                        guint        merge_id,
                                        GError     **error);
gboolean    bw_history_set_props       (BwHistory   *self,
                                        const char  *node_id,
                                        JsonObject  *props,
                                        GError     **error);
/* Switches one capability of a service on or off: one step, nothing when already so. */
gboolean    bw_history_set_capability_enabled (BwHistory   *self,
                                               const char  *node_id,
                                               const char  *capability,
                                               gboolean     enabled,
                                               GError     **error);
/* An asset's platform override; NULL goes back to the stencil's platforms. */
gboolean    bw_history_set_platforms   (BwHistory         *self,
                                        const char        *node_id,
                                        const char *const *platforms,
                                        GError           **error);
gboolean    bw_history_set_edge_kind   (BwHistory   *self,
                                        const char  *edge_id,
                                        BwEdgeKind   kind,
                                        GError     **error);
gboolean    bw_history_set_title       (BwHistory   *self,
                                        const char  *title,
                                        GError     **error);
gboolean    bw_history_set_gap_threshold (BwHistory *self,
                                          double     threshold,
                                          GError   **error);
gboolean    bw_history_set_threat_groups (BwHistory         *self,
                                          const char *const *groups,
                                          GError           **error);
gboolean    bw_history_set_threat_techniques (BwHistory         *self,
                                              const char *const *techniques,
                                              GError           **error);
/* "E3", "E5" or NULL (not set). */
gboolean    bw_history_set_licence       (BwHistory         *self,
                                          const char        *licence,
                                          GError           **error);

G_END_DECLS
