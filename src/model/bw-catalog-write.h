/* bw-catalog-write.h: the effective catalog as JSON (`bulwark catalog --format=json`). */
#pragma once

#include "bw-catalog.h"

G_BEGIN_DECLS

/* Tactics, techniques, kill-chain phases, capabilities with their mapping entries, stencils
 * and threat groups, in catalog order; ends with a newline. */
char *bw_catalog_to_json (BwCatalog *catalog,
                          gsize     *out_length);

G_END_DECLS
