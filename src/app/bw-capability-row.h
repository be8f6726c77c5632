/* bw-capability-row.h: one capability of a service in the inspector, with the switch that
 * enables it on the selected node. */
#pragma once

#include <adwaita.h>

#include "bw-catalog.h"

G_BEGIN_DECLS

#define BW_TYPE_CAPABILITY_ROW (bw_capability_row_get_type ())
G_DECLARE_FINAL_TYPE (BwCapabilityRow, bw_capability_row, BW, CAPABILITY_ROW, AdwActionRow)

/* `capability` may be NULL: a stencil's capability id the catalog does not know. The row's
 * "active" property follows its switch. */
/* `tier`: the Microsoft 365 tier the project gives it (3, 5, or 0 for none), which differs from
 * the capability's own (CTID's tag) when the project overrides it. */
GtkWidget  *bw_capability_row_new            (const char         *id,
                                              const BwCapability *capability,
                                              gboolean            active,
                                              guint               tier);
const char *bw_capability_row_get_capability (BwCapabilityRow    *self);
gboolean    bw_capability_row_get_active     (BwCapabilityRow    *self);

G_END_DECLS
