/* bw-arrange.h: automatic layout — zones packed as nested containers without overlap, the nodes
 * of each zone in tidy rows, services beside what they protect. Deterministic: the same document
 * gives the same geometry, so an imported estate saves to the same bytes every time. */
#pragma once

#include "bw-catalog.h"
#include "bw-history.h"

G_BEGIN_DECLS

/* The gaps the arrangement leaves, in diagram units. */
#define BW_ARRANGE_GAP      32.0  /* between cards, and between sibling zones */
#define BW_ARRANGE_PADDING  24.0  /* inside a zone's border, below its title band */

typedef struct
{
  const char *id;          /* a zone or node of the document */
  double      x, y, w, h;  /* w and h are the card size for nodes */
} BwArrangeItem;

/* The arranged geometry of every zone (parents first, in document order) and then every node
 * (document order). Free with g_array_unref; the ids point into the document. `catalog` may be
 * NULL (then nothing is known to be a service and nodes keep document order). */
GArray   *bw_arrange_compute (BwDocument  *document,
                              BwCatalog   *catalog);

/* Applies bw_arrange_compute straight to the document (an import, before anyone edits it). */
void      bw_arrange_apply   (BwDocument  *document,
                              BwCatalog   *catalog);

/* The same as one undoable step, "Arrange". TRUE when nothing needed to move. */
gboolean  bw_arrange_history (BwHistory   *history,
                              BwCatalog   *catalog,
                              GError     **error);

G_END_DECLS
