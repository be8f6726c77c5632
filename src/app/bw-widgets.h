/* bw-widgets.h: small helpers the panels share. */
#pragma once

#include <gtk/gtk.h>

#include "bw-types.h"

G_BEGIN_DECLS

/* Removes every row (GTK 4.8 has no gtk_list_box_remove_all). */
void bw_list_box_remove_all  (GtkListBox        *list);
/* Makes `items` (NULL-terminated; NULL for none) the whole content of `list`, in one
 * items-changed, so a list box bound to it makes its rows anew. */
void bw_string_list_replace  (GtkStringList     *list,
                              const char *const *items);

/* A technique's status as its rows and pages say it ("Covered", "Not applicable"), and the
 * style class that colours it. */
const char *bw_status_label     (BwStatus status);
const char *bw_status_css_class (BwStatus status);

G_END_DECLS
