/* bw-application.h: the Bulwark GtkApplication. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BW_TYPE_APPLICATION (bw_application_get_type ())
G_DECLARE_FINAL_TYPE (BwApplication, bw_application, BW, APPLICATION, AdwApplication)

BwApplication *bw_application_new (void);

G_END_DECLS
