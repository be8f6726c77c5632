/* bw-test-estate.h: random estates drawn from a catalog's stencils, the same for a seed. */
#pragma once

#include "bw-catalog.h"
#include "bw-document.h"

G_BEGIN_DECLS

/* About n_nodes nodes (most of them assets, then services, collectors and a few SIEMs) in
 * n_nodes / 50 zones nested at random inside the first, every asset in one of them, with
 * protects, telemetry and flow edges among them;
 * some assets override their platforms and some services switch a capability off. */
BwDocument *bw_test_random_estate (BwCatalog *catalog,
                                   guint      n_nodes,
                                   guint32    seed);

G_END_DECLS
