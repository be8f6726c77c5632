/* bw-widgets.c: small helpers the panels share. */
#include "config.h"

#include "bw-widgets.h"

void
bw_list_box_remove_all (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}
