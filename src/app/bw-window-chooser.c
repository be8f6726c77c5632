/* bw-window-chooser.c: the one way the window asks for a file to read or write — modal, with
 * one filter, opened in the project's folder, and for a new file named after the project. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bw-window-private.h"

const BwChooserType bw_window_project_type = {
  N_("Bulwark Projects"), "application/x-bulwark+json", { "bulwark" }
};

GtkFileChooserNative *
bw_window_chooser_new (BwWindow            *self,
                       const char          *title,
                       const char          *accept,
                       const char          *name_suffix,
                       const BwChooserType *type)
{
  GFile *project_file = bw_project_get_file (self->project);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                         name_suffix != NULL ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                             : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  bw_window_chooser_add_filter (chooser, type);

  /* Beside the project, not in the directory the process started in. */
  if (project_file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (project_file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  if (name_suffix != NULL)
    {
      g_autofree char *base = NULL;
      g_autofree char *name = NULL;

      if (project_file != NULL)
        {
          g_autofree char *file_name = g_file_get_basename (project_file);

          base = g_str_has_suffix (file_name, ".bulwark")
                   ? g_strndup (file_name, strlen (file_name) - strlen (".bulwark"))
                   : g_strdup (file_name);
        }
      else
        base = g_strdup (_("estate"));
      name = g_strconcat (base, name_suffix, NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  return chooser;
}

void
bw_window_chooser_add_filter (GtkFileChooserNative *chooser,
                              const BwChooserType  *type)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _(type->name));
  if (type->mime != NULL)
    gtk_file_filter_add_mime_type (filter, type->mime);
  for (guint i = 0; i < G_N_ELEMENTS (type->suffixes) && type->suffixes[i] != NULL; i++)
    gtk_file_filter_add_suffix (filter, type->suffixes[i]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
}
