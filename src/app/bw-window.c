/* bw-window.c: one document window — header bar, palette, canvas, side panel — and the file
 * commands: open, save, save as, close with unsaved changes. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-catalog-banner.h"
#include "bw-application.h"
#include "bw-canvas.h"
#include "bw-document-io.h"
#include "bw-window-private.h"

G_DEFINE_FINAL_TYPE (BwWindow, bw_window, ADW_TYPE_APPLICATION_WINDOW)

static void update_title (BwWindow *self);

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

static char *
display_name (BwWindow *self)
{
  if (self->file != NULL)
    return g_file_get_basename (self->file);
  return g_strdup (_("Untitled Estate"));
}

static void
update_title (BwWindow *self)
{
  g_autofree char *name = display_name (self);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  gboolean modified = self->history != NULL && bw_history_get_modified (self->history);

  /* The unsaved-changes mark, as GNOME Text Editor shows it. */
  title = modified ? g_strdup_printf ("• %s", name) : g_strdup (name);
  adw_window_title_set_title (self->window_title, title);

  if (self->file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (self->file);
      g_autofree char *path = parent ? g_file_get_path (parent) : NULL;
      const char *home = g_get_home_dir ();

      if (path != NULL && home != NULL && g_str_has_prefix (path, home))
        subtitle = g_strconcat ("~", path + strlen (home), NULL);
      else
        subtitle = g_steal_pointer (&path);
    }
  else
    subtitle = g_strdup (bw_document_get_title (self->document));
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");

  {
    g_autofree char *window_title = g_strdup_printf ("%s — %s", title, _("Bulwark"));

    gtk_window_set_title (GTK_WINDOW (self), window_title);
  }
}

static void
history_notify_cb (BwWindow   *self,
                   GParamSpec *pspec,
                   BwHistory  *history)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", bw_history_get_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", bw_history_get_can_redo (history));
  update_title (self);
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

/* Puts a document in the window. Only called with a document that loaded completely, so a
 * failed open never touches what is already here. */
void
bw_window_set_document (BwWindow   *self,
                        BwDocument *document,
                        GFile      *file)
{
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_func (self->history, history_notify_cb, self);

  g_set_object (&self->document, document);
  g_set_object (&self->file, file);
  g_clear_object (&self->history);
  self->history = bw_history_new (document);
  bw_history_mark_saved (self->history);
  g_signal_connect_object (self->history, "notify", G_CALLBACK (history_notify_cb), self,
                           G_CONNECT_SWAPPED);

  /* A fresh journal per document: the old one's copy goes with it. */
  g_clear_object (&self->journal);
  self->journal = bw_journal_new (document, NULL);
  if (file != NULL)
    {
      g_autofree char *path = g_file_get_path (file);

      bw_journal_set_path (self->journal, path);
    }

  bw_canvas_set_model (self->canvas, document, self->history, self->catalog);
  bw_window_document_replaced (self);
  history_notify_cb (self, NULL, self->history);
  bw_catalog_banner_update (BW_CATALOG_BANNER (self->catalog_banner), self->catalog, document);
}

BwDocument *
bw_window_get_document (BwWindow *self)
{
  return self->document;
}

BwHistory *
bw_window_get_history (BwWindow *self)
{
  return self->history;
}

BwCanvas *
bw_window_get_canvas (BwWindow *self)
{
  return self->canvas;
}

GFile *
bw_window_get_file (BwWindow *self)
{
  return self->file;
}

gboolean
bw_window_is_pristine (BwWindow *self)
{
  return self->file == NULL && !bw_history_get_modified (self->history) &&
         bw_document_get_n_nodes (self->document) == 0 &&
         bw_document_get_n_zones (self->document) == 0;
}

gboolean
bw_window_load_file (BwWindow  *self,
                     GFile     *file,
                     GError   **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(BwDocument) document = NULL;

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be opened"));
      return FALSE;
    }

  document = bw_document_load_from_file (path, error);
  if (document == NULL)
    return FALSE;

  bw_window_set_document (self, document, file);
  bw_application_add_recent (BW_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), file);
  return TRUE;
}

static gboolean
pulse_cb (gpointer user_data)
{
  gtk_progress_bar_pulse (GTK_PROGRESS_BAR (user_data));
  return G_SOURCE_CONTINUE;
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  BwDocument *document = bw_document_load_from_file (task_data, &error);

  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  BwWindow *self = BW_WINDOW (source);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BwDocument) document = g_task_propagate_pointer (G_TASK (result), &error);

  g_clear_handle_id (&self->pulse, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->canvas), TRUE);

  if (document == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

      bw_window_show_error (self, heading, error->message);
      return;
    }
  bw_window_set_document (self, document, file);
  bw_application_add_recent (BW_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), file);
}

/* Reading and checking a large project takes a while: it happens on a worker thread, with a
 * progress bar over the canvas, and the window stays responsive. The open document is only
 * replaced once the new one has loaded completely. */
void
bw_window_open_file (BwWindow *self,
                     GFile    *file)
{
  g_autoptr(GTask) task = NULL;
  char *path = g_file_get_path (file);

  if (path == NULL)
    {
      bw_window_show_error (self, _("Could Not Open the Project"), _("Only local files can be opened"));
      return;
    }
  task = g_task_new (self, NULL, load_done_cb, g_object_ref (file));
  g_task_set_task_data (task, path, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->canvas), FALSE);
  if (self->pulse == 0)
    self->pulse = g_timeout_add (100, pulse_cb, self->progress);
  g_task_run_in_thread (task, load_thread);
}

gboolean
bw_window_restore (BwWindow          *self,
                   const BwRecovery  *recovery,
                   GError           **error)
{
  g_autoptr(BwDocument) document = bw_recovery_load (recovery, error);
  g_autoptr(GFile) file = NULL;

  if (document == NULL)
    return FALSE;
  if (recovery->original_path != NULL)
    file = g_file_new_for_path (recovery->original_path);
  bw_window_set_document (self, document, file);
  /* What was recovered is not on disk yet: the title says so until it is saved. */
  bw_history_clear (self->history);
  bw_journal_flush (self->journal, NULL);
  update_title (self);
  return TRUE;
}

void
bw_window_open_sample (BwWindow *self)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_BASE "/samples/reference-architecture.bulwark",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(BwDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (bytes == NULL)
    return;
  document = bw_document_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                         &error);
  if (document == NULL)
    {
      bw_window_show_error (self, _("Could Not Open the Sample"), error->message);
      return;
    }
  /* Untitled: saving asks where, so the bundled file is never overwritten. */
  bw_window_set_document (self, document, NULL);
}

gboolean
bw_window_save_to (BwWindow  *self,
                   GFile     *file,
                   GError   **error)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be saved"));
      return FALSE;
    }
  /* A change saved is a change analysed with the catalog in use; an unchanged file keeps its bytes. */
  if (bw_history_get_modified (self->history) && self->catalog != NULL)
    bw_catalog_stamp_document (self->catalog, self->document);
  if (!bw_document_save_to_file (self->document, path, error))
    return FALSE;
  bw_catalog_banner_update (BW_CATALOG_BANNER (self->catalog_banner), self->catalog, self->document);

  g_set_object (&self->file, file);
  bw_history_mark_saved (self->history);
  /* Saved: nothing left to recover until the next change. */
  bw_journal_set_path (self->journal, path);
  bw_journal_discard (self->journal);
  bw_application_add_recent (BW_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), file);
  update_title (self);
  return TRUE;
}

static void
report_save_error (BwWindow *self,
                   GError   *error)
{
  bw_window_show_error (self, _("Could Not Save"), error->message);
}

static GtkFileFilter *
bulwark_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Bulwark Projects"));
  gtk_file_filter_add_mime_type (filter, "application/x-bulwark+json");
  gtk_file_filter_add_suffix (filter, "bulwark");
  return filter;
}

typedef void (*AfterSave) (BwWindow *self);

typedef struct
{
  BwWindow *window;
  AfterSave after;
} SaveAsData;

static void
save_as_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  SaveAsData *data = user_data;
  BwWindow *self = data->window;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GFile) target = NULL;
      g_autoptr(GError) error = NULL;
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

      if (!bw_window_save_to (self, target, &error))
        report_save_error (self, error);
      else if (data->after != NULL)
        data->after (self);
    }

  g_object_unref (dialog);
  g_object_unref (data->window);
  g_free (data);
}

static void
save_as (BwWindow *self,
         AfterSave after)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  SaveAsData *data = g_new0 (SaveAsData, 1);

  chooser = gtk_file_chooser_native_new (_("Save Project"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), bulwark_filter ());
  if (self->file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), self->file, NULL);
  else
    {
      const char *title = bw_document_get_title (self->document);

      name = g_strdup_printf ("%s.bulwark", title && *title ? title : _("Untitled Estate"));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }

  data->window = g_object_ref (self);
  data->after = after;
  g_signal_connect (chooser, "response", G_CALLBACK (save_as_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save (BwWindow *self,
      AfterSave after)
{
  g_autoptr(GError) error = NULL;

  if (self->file == NULL)
    {
      save_as (self, after);
      return;
    }
  if (!bw_window_save_to (self, self->file, &error))
    report_save_error (self, error);
  else if (after != NULL)
    after (self);
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
      BwWindow *target = self;

      /* Reuse this window only when it holds nothing of value. */
      if (!bw_window_is_pristine (self))
        {
          target = bw_window_new (BW_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
          gtk_window_present (GTK_WINDOW (target));
        }
      bw_window_open_file (target, file);
    }
  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BwWindow *self = BW_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Project"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), bulwark_filter ());
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
  bw_history_undo (BW_WINDOW (widget)->history);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  bw_history_redo (BW_WINDOW (widget)->history);
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
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->close_confirmed || self->history == NULL || !bw_history_get_modified (self->history))
    {
      bw_window_save_state (self);
      return GTK_WINDOW_CLASS (bw_window_parent_class)->close_request (window);
    }

  name = display_name (self);
  heading = g_strdup_printf (_("Save Changes to “%s”?"), name);
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

  bw_window_panels_dispose (self);
  g_clear_handle_id (&self->pulse, g_source_remove);
  g_clear_object (&self->journal);
  g_clear_object (&self->history);
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_object (&self->catalog);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bw_window_parent_class)->dispose (object);
}

static void
bw_window_class_init (BwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = bw_window_dispose;
  window_class->close_request = bw_window_close_request;

  g_type_ensure (BW_TYPE_CANVAS);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/bw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BwWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BwWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, BwWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, BwWindow, palette_box);
  gtk_widget_class_bind_template_child (widget_class, BwWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, BwWindow, palette_button);
  gtk_widget_class_bind_template_child (widget_class, BwWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, BwWindow, export_button);
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
  bw_window_export_class_init (widget_class);
  bw_window_state_class_init (widget_class);
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
bw_window_init (BwWindow *self)
{
  g_autoptr(BwDocument) document = bw_document_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->settings = g_settings_new (APPLICATION_ID);
  self->catalog = bw_application_get_catalog (BW_APPLICATION (g_application_get_default ()));
  if (self->catalog != NULL)
    g_object_ref (self->catalog);

  g_signal_connect_object (self->canvas, "selection-changed", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "error", G_CALLBACK (canvas_error_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (bw_canvas_get_viewport (self->canvas), "notify::zoom",
                           G_CALLBACK (zoom_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed_cb), self,
                           G_CONNECT_SWAPPED);
  settings_changed_cb (self, NULL, self->settings);

  bw_window_panels_init (self);
  self->catalog_banner = bw_catalog_banner_new ();
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->toast_overlay))),
                              self->catalog_banner, gtk_widget_get_prev_sibling (GTK_WIDGET (self->toast_overlay)));
  bw_window_restore_state (self);
  if (self->catalog != NULL)
    bw_catalog_stamp_document (self->catalog, document);
  /* A new project starts from the preferred gap threshold. */
  bw_document_set_gap_threshold (document, g_settings_get_double (self->settings, "gap-threshold"));
  bw_window_set_document (self, document, NULL);
}

BwWindow *
bw_window_new (BwApplication *application)
{
  return g_object_new (BW_TYPE_WINDOW, "application", application, NULL);
}
