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
 * card's centre, a zone in the innermost other zone under its top-left corner. NULL for the
 * top level (or an unknown id). */
const char  *bw_edit_rules_zone_for      (BwDocument  *document,
                                          const char  *id);

G_END_DECLS
