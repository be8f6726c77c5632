/* bw-threat-layer.h: a threat-intel team's ATT&CK Navigator layer read as a threat focus, as
 * the window's "Import a Threat Layer" and `bulwark analyze --threat-layer` take it. */
#pragma once

#include "bw-catalog.h"

G_BEGIN_DECLS

/* The scored technique ids of the layer file at `path` (see bw_layer_read_focus), and in
 * `out_unknown` those the catalog does not know. A layer that does not parse is reported with
 * the path in front of the message. */
GStrv bw_threat_layer_read_file (BwCatalog   *catalog,
                                 const char  *path,
                                 GStrv       *out_unknown,
                                 GError     **error);

G_END_DECLS
