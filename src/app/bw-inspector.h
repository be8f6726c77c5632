/* bw-inspector.h: edits the selected zone, node or edge: label, kind, zone, capabilities,
 * platform override, edge kind. */
#pragma once

#include <adwaita.h>

#include "bw-project.h"

G_BEGIN_DECLS

#define BW_TYPE_INSPECTOR (bw_inspector_get_type ())
G_DECLARE_FINAL_TYPE (BwInspector, bw_inspector, BW, INSPECTOR, GtkWidget)

GtkWidget *bw_inspector_new        (void);
/* The project whose document the inspector edits, through its history. */
BwProject *bw_inspector_get_project (BwInspector *self);
void       bw_inspector_set_project (BwInspector *self,
                                     BwProject   *project);
/* The id of the one selected object, or NULL (nothing, or several, selected). */
void       bw_inspector_set_target (BwInspector *self,
                                    const char  *id,
                                    guint        n_selected);

G_END_DECLS
