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

void
bw_string_list_replace (GtkStringList     *list,
                        const char *const *items)
{
  const char *const none[] = { NULL };

  g_return_if_fail (GTK_IS_STRING_LIST (list));

  gtk_string_list_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)),
                          items ? items : none);
}
