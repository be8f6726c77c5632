/* bw-widgets.h: small helpers the panels share. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Removes every row (GTK 4.8 has no gtk_list_box_remove_all). */
void bw_list_box_remove_all (GtkListBox *list);

G_END_DECLS
