/* bw-edit-rules.h: the rules of editing a diagram that are not drawing — which connection two
 * objects admit, and which zone an object dropped, moved, pasted or added somewhere belongs to.
 * The canvas asks them; so can the CLI and the tests, without a display. */
#pragma once

#include "bw-catalog.h"
#include "bw-document.h"

G_BEGIN_DECLS

/* The kind of edge from `from` to `to`, from their stencils' roles (DESIGN §3): a service (not a
 * SIEM) protects an asset or a zone, anything sends telemetry to a collector or a SIEM, and two
 * assets are joined by a flow. FALSE with a translated error when no kind fits. */
gboolean     bw_edit_rules_edge_kind_for (BwCatalog   *catalog,
                                          BwDocument  *document,
                                          const char  *from,
                                          const char  *to,
                                          BwEdgeKind  *out_kind,
                                          GError     **error);

/* The innermost zone whose rectangle holds (x, y) — the deepest, and of equally deep ones the
 * later in the file, which is drawn on top — leaving out `skip` and every zone inside it. NULL
 * when no zone holds the point. */
const char  *bw_edit_rules_zone_at       (BwDocument  *document,
                                          double       x,
                                          double       y,
                                          const char  *skip);

/* The zone a node or zone belongs to where it now lies: a node in the innermost zone under its
 * card's centre, a zone in the innermost other zone under its own centre (a corner reaching
 * into a zone does not put it there). NULL for the top level (or an unknown id). */
const char  *bw_edit_rules_zone_for      (BwDocument  *document,
                                          const char  *id);

/* The same for a pasted or duplicated object `id` copied from `original`: a zone's copy goes
 * beside its original, never into it (or into what lies inside it); a node's copy as any node. */
const char  *bw_edit_rules_zone_for_copy (BwDocument  *document,
                                          const char  *id,
                                          const char  *original);

/* Where a card of w × h added to `zone` (NULL: the top level) goes: the free slot nearest to
 * the node `near` (beside it) or, when `near` is NULL, to the (*out_x, *out_y) passed in,
 * scanning outward, inside
 * the zone's rectangle, overlapping no card and crossing no other zone's border, so that the
 * zone it lands in is `zone`. Deterministic. TRUE when it fits; FALSE when the zone is full, and
 * then (x, y) lies just below the zone's contents and *out_zone_h is the height the zone must
 * grow to (0 when it need not). */
gboolean     bw_edit_rules_place_node    (BwDocument  *document,
                                          const char  *zone,
                                          const char  *near,
                                          double       w,
                                          double       h,
                                          double      *out_x,
                                          double      *out_y,
                                          double      *out_zone_h);

G_END_DECLS
