/* bw-window.c: one document window — header bar, palette, canvas, side panel — and the file
 * commands: open, save, save as, close with unsaved changes. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-catalog-banner.h"
#include "bw-application.h"
#include "bw-canvas.h"
#include "bw-window-private.h"
#include "bw-zoom-button.h"

G_DEFINE_FINAL_TYPE (BwWindow, bw_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
bw_window_toast (BwWindow   *self,
                 const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
bw_window_show_error (BwWindow   *self,
                      const char *heading,
                      const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_title (BwWindow *self)
{
  const char *name = bw_project_get_display_name (self->project);
  GFile *file = bw_project_get_file (self->project);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *window_title = NULL;

  /* The unsaved-changes mark, as GNOME Text Editor shows it. */
  title = bw_project_get_modified (self->project) ? g_strdup_printf ("• %s", name) : g_strdup (name);
  adw_window_title_set_title (self->window_title, title);

  if (file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *path = parent ? g_file_get_path (parent) : NULL;
      const char *home = g_get_home_dir ();

      if (path != NULL && home != NULL && g_str_has_prefix (path, home))
        subtitle = g_strconcat ("~", path + strlen (home), NULL);
      else
        subtitle = g_steal_pointer (&path);
    }
  else
    subtitle = g_strdup (bw_project_get_title (self->project));
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");

  window_title = g_strdup_printf ("%s — %s", title, _("Bulwark"));
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
update_history_actions (BwWindow *self)
{
  BwHistory *history = bw_project_get_history (self->project);
  gboolean loading = bw_project_get_loading (self->project);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 !loading && bw_history_get_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 !loading && bw_history_get_can_redo (history));
}

static gboolean
pulse_cb (gpointer user_data)
{
  gtk_progress_bar_pulse (GTK_PROGRESS_BAR (user_data));
  return G_SOURCE_CONTINUE;
}

/* While a file loads (read and its figures computed off the main thread), a progress bar runs
 * over the canvas, and nothing edits the document about to be replaced: an edit would be lost
 * with it. The canvas, the palette, the title, the inspector and the advisor take no input,
 * and the editing commands are off; the view still zooms. */
static void
update_loading (BwWindow *self)
{
  gboolean loading = bw_project_get_loading (self->project);
  GtkWidget *editors[] = { GTK_WIDGET (self->canvas), GTK_WIDGET (self->palette_box),
                           GTK_WIDGET (self->title_button), self->inspector, self->advisor };

  gtk_widget_set_visible (GTK_WIDGET (self->progress), loading);
  for (guint i = 0; i < G_N_ELEMENTS (editors); i++)
    gtk_widget_set_sensitive (editors[i], !loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.arrange", !loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-threat-layer", !loading);
  update_history_actions (self);
  if (loading && self->pulse == 0)
    self->pulse = g_timeout_add (100, pulse_cb, self->progress);
  else if (!loading)
    g_clear_handle_id (&self->pulse, g_source_remove);
}

static void
selection_changed_cb (BwWindow *self,
                      BwCanvas *canvas)
{
  bw_window_selection_changed (self);
}

/* Zoom in and out are enabled while the view can still zoom that way. */
static void
zoom_changed_cb (BwWindow   *self,
                 GParamSpec *pspec,
                 BwViewport *viewport)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in", bw_viewport_can_zoom_in (viewport));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", bw_viewport_can_zoom_out (viewport));
}

static void
canvas_error_cb (BwWindow   *self,
                 const char *message,
                 BwCanvas   *canvas)
{
  bw_window_toast (self, message);
}

BwProject *
bw_window_get_project (BwWindow *self)
{
  return self->project;
}

BwCanvas *
bw_window_get_canvas (BwWindow *self)
{
  return self->canvas;
}

static BwApplication *
application (BwWindow *self)
{
  return BW_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

/* Offered again under Open Recent; not once the window has closed (a load may end after). */
static void
add_recent (BwWindow *self,
            GFile    *file)
{
  if (application (self) != NULL)
    bw_application_add_recent (application (self), file);
}

gboolean
bw_window_load_file (BwWindow  *self,
                     GFile     *file,
                     GError   **error)
{
  if (!bw_project_load (self->project, file, error))
    return FALSE;
  add_recent (self, file);
  return TRUE;
}

/* The load does not keep the window: closed, it goes at once and cancels the load. */
typedef struct
{
  GWeakRef  window;
  GFile    *file;
} OpenData;

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  OpenData *data = user_data;
  g_autoptr(BwWindow) self = g_weak_ref_get (&data->window);
  g_autoptr(GFile) file = data->file;
  g_autoptr(GError) error = NULL;

  g_weak_ref_clear (&data->window);
  g_free (data);
  if (self == NULL)
    return;
  if (self->loading_file != NULL && g_file_equal (self->loading_file, file))
    g_clear_object (&self->loading_file);
  if (!bw_project_load_finish (BW_PROJECT (source), result, &error))
    {
      g_autofree char *name = NULL;
      g_autofree char *heading = NULL;

      /* Superseded by recovered work for the same file, or the window closed: nothing to tell. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      name = g_file_get_basename (file);
      heading = g_strdup_printf (_("Could Not Open “%s”"), name);

      bw_window_show_error (self, heading, error->message);
      return;
    }
  add_recent (self, file);
  if (BW_IS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))))
    bw_application_release_memory_later (
        BW_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
}

/* Reading and checking a large project, and computing its figures, takes a while: it happens
 * on a worker thread, and the window stays responsive. The open document is only replaced once
 * the new one has loaded completely. Closing the window cancels what is still loading. */
void
bw_window_open_file (BwWindow *self,
                     GFile    *file)
{
  OpenData *data = g_new0 (OpenData, 1);

  g_weak_ref_init (&data->window, self);
  data->file = g_object_ref (file);
  g_set_object (&self->loading_file, file);
  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();
  bw_project_load_async (self->project, file, self->cancellable, load_done_cb, data);
}

gboolean
bw_window_is_loading_file (BwWindow *self,
                           GFile    *file)
{
  g_return_val_if_fail (BW_IS_WINDOW (self), FALSE);
  return self->loading_file != NULL && g_file_equal (self->loading_file, file);
}

void
bw_window_open_sample (BwWindow *self)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_BASE "/samples/reference-architecture.bulwark",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;

  /* Untitled: saving asks where, so the bundled file is never overwritten. */
  if (bytes != NULL && !bw_project_load_bytes (self->project, bytes, &error))
    bw_window_show_error (self, _("Could Not Open the Sample"), error->message);
}

/* Saving */

static void
saved (BwWindow *self)
{
  bw_catalog_banner_update (BW_CATALOG_BANNER (self->catalog_banner),
                            bw_project_get_catalog (self->project),
                            bw_project_get_document (self->project));
  add_recent (self, bw_project_get_file (self->project));
}

gboolean
bw_window_save_to (BwWindow  *self,
                   GFile     *file,
                   GError   **error)
{
  if (!bw_project_save_as (self->project, file, error))
    return FALSE;
  saved (self);
  return TRUE;
}

typedef void (*AfterSave) (BwWindow *self);

typedef struct
{
  BwWindow *window;
  AfterSave after;
  gboolean  as;     /* bw_project_save_as_async, else bw_project_save_async */
} SaveData;

static SaveData *
save_data_new (BwWindow *self,
               AfterSave after,
               gboolean  as)
{
  SaveData *data = g_new0 (SaveData, 1);

  data->window = g_object_ref (self);
  data->after = after;
  data->as = as;
  return data;
}

static void
save_data_free (SaveData *data)
{
  g_object_unref (data->window);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SaveData) data = user_data;
  g_autoptr(GError) error = NULL;

  if (!(data->as ? bw_project_save_as_finish (BW_PROJECT (source), result, &error)
                  : bw_project_save_finish (BW_PROJECT (source), result, &error)))
    {
      bw_window_show_error (data->window, _("Could Not Save"), error->message);
      return;
    }
  saved (data->window);
  if (data->after != NULL)
    data->after (data->window);
}

static void
save_as_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(SaveData) data = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GFile) target = NULL;
      g_autofree char *basename = g_file_get_basename (file);

      /* Give the file its extension, so the file manager knows what it is. */
      if (!g_str_has_suffix (basename, ".bulwark"))
        {
          g_autofree char *path = g_file_get_path (file);
          g_autofree char *with_ext = g_strconcat (path, ".bulwark", NULL);

          target = g_file_new_for_path (with_ext);
        }
      else
        target = g_object_ref (file);

      bw_project_save_as_async (data->window->project, target, NULL, save_done_cb,
                                g_steal_pointer (&data));
    }
  g_object_unref (dialog);
}

static void
save_as (BwWindow *self,
         AfterSave after)
{
  GtkFileChooserNative *chooser = bw_window_chooser_new (self, _("Save Project"), _("_Save"),
                                                         ".bulwark", &bw_window_project_type);
  GFile *file = bw_project_get_file (self->project);

  if (file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL);
  else
    {
      const char *title = bw_project_get_title (self->project);
      g_autofree char *name = g_strdup_printf ("%s.bulwark", *title ? title : _("Untitled Estate"));

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (save_as_response_cb), save_data_new (self, after, TRUE));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Written on a worker thread; `after` runs once the file is safely on disk. */
static void
save (BwWindow *self,
      AfterSave after)
{
  if (bw_project_get_file (self->project) == NULL)
    save_as (self, after);
  else
    bw_project_save_async (self->project, NULL, save_done_cb, save_data_new (self, after, FALSE));
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  g_autoptr(BwWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      bw_application_open_file (application (self), file, GTK_WINDOW (self));
    }
  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BwWindow *self = BW_WINDOW (widget);
  GtkFileChooserNative *chooser = bw_window_chooser_new (self, _("Open Project"), _("_Open"),
                                                         NULL, &bw_window_project_type);

  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (BW_WINDOW (widget), NULL);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_as (BW_WINDOW (widget), NULL);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  bw_history_undo (bw_project_get_history (BW_WINDOW (widget)->project));
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  bw_history_redo (bw_project_get_history (BW_WINDOW (widget)->project));
}

/* Undo and redo are the window's, for its buttons, but their keys give way to a text field
 * with the focus, so Ctrl+Z there undoes typing rather than the last edit of the diagram. */
static gboolean
focus_is_text (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (widget));

  return focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus));
}

static gboolean
history_shortcut (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  const char *action = g_variant_get_string (args, NULL);

  if (focus_is_text (widget))
    return FALSE;
  return gtk_widget_activate_action (widget, action, NULL);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BwCanvas *canvas = BW_WINDOW (widget)->canvas;

  if (g_str_equal (action_name, "win.zoom-in"))
    bw_canvas_set_zoom (canvas, bw_canvas_get_zoom (canvas) * 1.25);
  else if (g_str_equal (action_name, "win.zoom-out"))
    bw_canvas_set_zoom (canvas, bw_canvas_get_zoom (canvas) / 1.25);
  else if (g_str_equal (action_name, "win.zoom-reset"))
    bw_canvas_set_zoom (canvas, 1.0);
  else
    bw_canvas_zoom_fit (canvas);
}

static void
toggle_pane_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BwWindow *self = BW_WINDOW (widget);
  GtkToggleButton *button = g_str_equal (action_name, "win.toggle-palette")
                              ? self->palette_button
                              : self->sidebar_button;

  gtk_toggle_button_set_active (button, !gtk_toggle_button_get_active (button));
}

/* Closing */

static void
close_after_save (BwWindow *self)
{
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   BwWindow         *self)
{
  if (g_str_equal (response, "discard"))
    close_after_save (self);
  else if (g_str_equal (response, "save"))
    save (self, close_after_save);
}

static gboolean
bw_window_close_request (GtkWindow *window)
{
  BwWindow *self = BW_WINDOW (window);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->close_confirmed || !bw_project_get_modified (self->project))
    {
      bw_window_save_state (self);
      return GTK_WINDOW_CLASS (bw_window_parent_class)->close_request (window);
    }

  heading = g_strdup_printf (_("Save Changes to “%s”?"), bw_project_get_display_name (self->project));
  dialog = adw_message_dialog_new (window, heading,
                                   _("Unsaved changes will be lost for good if you don’t save them."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
bw_window_dispose (GObject *object)
{
  BwWindow *self = BW_WINDOW (object);

  g_clear_handle_id (&self->pulse, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->project_bindings);
  g_clear_object (&self->history_signals);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->project);
  g_clear_object (&self->settings);
  g_clear_object (&self->loading_file);

  G_OBJECT_CLASS (bw_window_parent_class)->dispose (object);
}

static void
bw_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BwWindow *self = BW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_window_class_init (BwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = bw_window_dispose;
  object_class->get_property = bw_window_get_property;
  window_class->close_request = bw_window_close_request;

  /* The project the window shows, there from the start: the canvas and the panels bind to it
   * in the template. */
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, BW_TYPE_PROJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BW_TYPE_CANVAS);
  g_type_ensure (BW_TYPE_ZOOM_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/bw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BwWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BwWindow, window_title);
  bw_window_title_class_init (widget_class);
  gtk_widget_class_bind_template_child (widget_class, BwWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, BwWindow, palette_box);
  gtk_widget_class_bind_template_child (widget_class, BwWindow, palette_button);
  gtk_widget_class_bind_template_child (widget_class, BwWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, BwWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, BwWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, BwWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, BwWindow, export_menu);
  gtk_widget_class_bind_template_child (widget_class, BwWindow, progress);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-palette", NULL, toggle_pane_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_pane_action);

  /* The window's keys work wherever the focus is, unless a text field takes the key itself; the
   * canvas's keys (Delete, Ctrl+A, Ctrl+C, …) are the canvas's own (bw-canvas-edit.c). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "win.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-palette", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK,
                                       "win.show-help-overlay", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, history_shortcut, "s",
                                "win.undo");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                history_shortcut, "s", "win.redo");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, history_shortcut, "s",
                                "win.redo");

  bw_window_panels_class_init (widget_class);
  bw_window_matrix_class_init (widget_class);
  bw_window_export_class_init (widget_class);
  bw_window_import_class_init (widget_class);
  bw_window_compare_class_init (widget_class);
  bw_window_csv_class_init (widget_class);
  bw_window_azure_class_init (widget_class);
  bw_window_state_class_init (widget_class);
  bw_window_keys_class_init (widget_class);
}

static void
settings_changed_cb (BwWindow   *self,
                     const char *key,
                     GSettings  *settings)
{
  bw_canvas_set_show_grid (self->canvas, g_settings_get_boolean (settings, "show-grid"));
  bw_canvas_set_snap (self->canvas, g_settings_get_boolean (settings, "snap-to-grid"));
  bw_canvas_set_show_overlay (self->canvas, g_settings_get_boolean (settings, "show-overlay"));
}

static void
project_document_cb (BwWindow   *self,
                     GParamSpec *pspec,
                     BwProject  *project)
{
  bw_catalog_banner_update (BW_CATALOG_BANNER (self->catalog_banner),
                            bw_project_get_catalog (project), bw_project_get_document (project));
}

/* A header menu's popover is made as it first opens (F10 opens the main menu the same way):
 * given its model, a menu button makes it at once, a button and more for every item. */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       model)
{
  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, model);
}

/* What the window itself follows of its project; the panels follow the rest. */
static void
follow_project (BwWindow *self)
{
  self->project_signals = g_signal_group_new (BW_TYPE_PROJECT);
  g_signal_group_connect_object (self->project_signals, "notify::document",
                                 G_CALLBACK (project_document_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "notify::catalog",
                                 G_CALLBACK (project_document_cb), self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < 4; i++)
    {
      const char *titled[] = { "notify::display-name", "notify::file", "notify::title", "notify::modified" };

      g_signal_group_connect_object (self->project_signals, titled[i], G_CALLBACK (update_title),
                                     self, G_CONNECT_SWAPPED);
    }
  g_signal_group_connect_object (self->project_signals, "notify::loading", G_CALLBACK (update_loading),
                                 self, G_CONNECT_SWAPPED);

  /* Undo and redo follow whichever history the project has now. */
  self->history_signals = g_signal_group_new (BW_TYPE_HISTORY);
  g_signal_group_connect_object (self->history_signals, "notify::can-undo",
                                 G_CALLBACK (update_history_actions), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->history_signals, "notify::can-redo",
                                 G_CALLBACK (update_history_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history_signals, "bind", G_CALLBACK (update_history_actions), self,
                           G_CONNECT_SWAPPED);
  self->project_bindings = g_binding_group_new ();
  g_binding_group_bind (self->project_bindings, "history", self->history_signals, "target",
                        G_BINDING_SYNC_CREATE);
}

static void
bw_window_init (BwWindow *self)
{
  BwCatalog *catalog = bw_application_get_catalog (BW_APPLICATION (g_application_get_default ()));
  g_autoptr(BwDocument) document = bw_document_new ();

  self->settings = g_settings_new (APPLICATION_ID);
  /* A new project starts from the catalog in use and the preferred gap threshold. */
  self->project = bw_project_new (catalog);
  if (catalog != NULL)
    bw_catalog_stamp_document (catalog, document);
  bw_document_set_gap_threshold (document, g_settings_get_double (self->settings, "gap-threshold"));
  bw_project_set_document (self->project, document, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, create_menu_cb,
                                         self->primary_menu, NULL);
  gtk_menu_button_set_create_popup_func (self->export_button, create_menu_cb, self->export_menu,
                                         NULL);

  g_signal_connect_object (self->canvas, "selection-changed", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "error", G_CALLBACK (canvas_error_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (bw_canvas_get_viewport (self->canvas), "notify::zoom",
                           G_CALLBACK (zoom_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed_cb), self,
                           G_CONNECT_SWAPPED);
  settings_changed_cb (self, NULL, self->settings);

  follow_project (self);
  bw_window_panels_init (self);
  bw_window_keys_init (self);
  self->catalog_banner = bw_catalog_banner_new ();
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->toast_overlay))),
                              self->catalog_banner,
                              gtk_widget_get_prev_sibling (GTK_WIDGET (self->toast_overlay)));
  bw_window_restore_state (self);

  g_signal_group_set_target (self->project_signals, self->project);
  g_binding_group_set_source (self->project_bindings, self->project);
  project_document_cb (self, NULL, self->project);
  update_title (self);
  update_loading (self);
}

BwWindow *
bw_window_new (BwApplication *application)
{
  return g_object_new (BW_TYPE_WINDOW, "application", application, NULL);
}
