/* bw-threat-groups-dialog.h: the dialog that picks the ATT&CK groups of the threat profile —
 * every group of the catalog, searchable by name, alias or id. */
#pragma once

#include <adwaita.h>

#include "bw-catalog.h"

G_BEGIN_DECLS

#define BW_TYPE_THREAT_GROUPS_DIALOG (bw_threat_groups_dialog_get_type ())
G_DECLARE_FINAL_TYPE (
    BwThreatGroupsDialog, bw_threat_groups_dialog, BW, THREAT_GROUPS_DIALOG, AdwWindow)

/* Emits `apply` with the chosen group ids (a GStrv, in catalog order), then closes. `chosen`
 * are those checked at first. */
BwThreatGroupsDialog *bw_threat_groups_dialog_new (GtkWindow         *parent,
                                                   BwCatalog         *catalog,
                                                   const char *const *chosen);

G_END_DECLS
