/* bw-widgets.h: small helpers the panels share. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Removes every row (GTK 4.8 has no gtk_list_box_remove_all). */
void bw_list_box_remove_all  (GtkListBox        *list);
/* Makes `items` (NULL-terminated; NULL for none) the whole content of `list`, in one
 * items-changed, so a list box bound to it makes its rows anew. */
void bw_string_list_replace  (GtkStringList     *list,
                              const char *const *items);

G_END_DECLS
