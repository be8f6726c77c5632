/* bw-widgets.c: small helpers the panels share. */
#include "config.h"

#include <glib/gi18n.h>

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

const char *
bw_status_label (BwStatus status)
{
  switch (status)
    {
    case BW_STATUS_COVERED:
      return _("Covered");
    case BW_STATUS_PARTIAL:
      return _("Partial");
    case BW_STATUS_GAP:
      return _("Gap");
    case BW_STATUS_NOT_APPLICABLE:
    default:
      return _("Not applicable");
    }
}

const char *
bw_status_css_class (BwStatus status)
{
  switch (status)
    {
    case BW_STATUS_COVERED:
      return "status-covered";
    case BW_STATUS_PARTIAL:
      return "status-partial";
    case BW_STATUS_GAP:
      return "status-gap";
    case BW_STATUS_NOT_APPLICABLE:
    default:
      return "dim-label";
    }
}
