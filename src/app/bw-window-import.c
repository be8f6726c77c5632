/* bw-window-import.c: Import draw.io Diagram… — a file chooser, the page to import when the
 * diagram has several, the import opened as a new unsaved project, and a dialog listing what
 * was not imported. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bw-application.h"
#include "bw-drawio.h"
#include "bw-window-private.h"

/* More pages than this are offered by number in the page dialog's body. */
#define MAX_PAGE_BUTTONS 6

typedef struct
{
  BwWindow *window;
  char     *path;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_object_unref (data->window);
  g_free (data->path);
  g_free (data);
}

char *
bw_window_import_report_text (const BwDrawioReport *report)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < report->skipped->len; i++)
    {
      const BwDrawioSkipped *s = report->skipped->pdata[i];

      if (s->kind == BW_DRAWIO_SKIPPED_SHAPE)
        g_string_append_printf (out, _("Shape “%s” (%s): no stencil matches it"), s->label,
                                s->shape ? s->shape : _("no shape"));
      else if (s->kind == BW_DRAWIO_SKIPPED_HIDDEN)
        g_string_append_printf (out, _("Hidden “%s”: draw.io does not show it"),
                                *s->label != '\0' ? s->label : s->cell);
      else if (s->kind == BW_DRAWIO_SKIPPED_TEXT)
        g_string_append_printf (out, _("Text “%s”"), s->label);
      else
        g_string_append_printf (out, _("Connector %s: %s"), s->cell, s->reason);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* What the report dialog needs to import again with shapes mapped by hand. */
typedef struct
{
  BwWindow   *window;      /* the window the import went to */
  char       *path;
  char       *page;
  GHashTable *mapped;      /* shape → stencil id, owned strings */
  GPtrArray  *kinds;       /* the unmapped shapes offered, one row each */
  GPtrArray  *rows;        /* AdwComboRow, same order */
  GPtrArray  *stencil_ids; /* the choices of every row; index 0 is "leave out" (NULL) */
} Remap;

static void
remap_free (Remap *remap)
{
  g_object_unref (remap->window);
  g_free (remap->path);
  g_free (remap->page);
  g_hash_table_unref (remap->mapped);
  g_ptr_array_unref (remap->kinds);
  g_ptr_array_unref (remap->rows);
  g_ptr_array_unref (remap->stencil_ids);
  g_free (remap);
}

static void show_report (BwWindow             *window,
                         const char           *path,
                         const char           *page,
                         GHashTable           *mapped,
                         const BwDrawioReport *report);

static BwWindow *
import_into (BwWindow    *target,
             const char  *path,
             const char  *page,
             GHashTable  *mapped,
             GError     **error)
{
  BwCatalog *catalog = bw_project_get_catalog (target->project);
  g_autoptr(BwDrawioReport) report = NULL;
  g_autoptr(BwDocument) document = NULL;
  BwProject *project = target->project;

  if (catalog == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The ATT&CK catalog is not loaded"));
      return NULL;
    }
  if ((document = bw_drawio_import_file_mapped (catalog, path, page, mapped, &report, error)) ==
      NULL)
    return NULL;
  bw_project_set_document (project, document, NULL);
  /* Not saved anywhere yet: modified until it is, with a recovery copy at once. */
  bw_history_clear (bw_project_get_history (project));
  bw_journal_flush (bw_project_get_journal (project), NULL);
  gtk_window_present (GTK_WINDOW (target));
  show_report (target, path, page, mapped, report);
  return target;
}

/* The shapes the user mapped by hand in earlier imports, shape → stencil id. */
static GHashTable *
remembered_shapes (BwWindow *self)
{
  GHashTable *mapped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GVariant) value = g_settings_get_value (self->settings, "drawio-shapes");
  GVariantIter iter;
  const char *shape;
  const char *stencil;

  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "{&s&s}", &shape, &stencil))
    g_hash_table_insert (mapped, g_strdup (shape), g_strdup (stencil));
  return mapped;
}

static void
remember_shapes (BwWindow   *self,
                 GHashTable *mapped)
{
  g_autoptr(GHashTable) all = remembered_shapes (self);
  g_autoptr(GList) keys = NULL;
  GVariantBuilder builder;
  GHashTableIter iter;
  gpointer shape;
  gpointer stencil;

  g_hash_table_iter_init (&iter, mapped);
  while (g_hash_table_iter_next (&iter, &shape, &stencil))
    g_hash_table_insert (all, g_strdup (shape), g_strdup (stencil));
  keys = g_list_sort (g_hash_table_get_keys (all), (GCompareFunc) strcmp);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  for (GList *k = keys; k != NULL; k = k->next)
    g_variant_builder_add (&builder, "{ss}", k->data, g_hash_table_lookup (all, k->data));
  g_settings_set_value (self->settings, "drawio-shapes", g_variant_builder_end (&builder));
}

static void
remap_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   Remap            *remap)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "import"))
    {
      for (guint i = 0; i < remap->rows->len; i++)
        {
          guint chosen = adw_combo_row_get_selected (remap->rows->pdata[i]);
          const char *id = chosen < remap->stencil_ids->len ? remap->stencil_ids->pdata[chosen]
                                                            : NULL;

          if (id != NULL)
            g_hash_table_insert (remap->mapped, g_strdup (remap->kinds->pdata[i]), g_strdup (id));
        }
      /* Chosen once, for every diagram drawn with the same shapes. */
      remember_shapes (remap->window, remap->mapped);
      if (import_into (remap->window, remap->path, remap->page, remap->mapped, &error) == NULL)
        bw_window_show_error (remap->window, _("Could Not Import the Diagram"), error->message);
    }
}

/* One row per kind of shape no stencil matched: choosing a stencil there maps every shape of
 * that kind when the diagram is imported again. */
static GtkWidget *
remap_rows (Remap                *remap,
            const BwDrawioReport *report,
            BwCatalog            *catalog)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GtkStringList *names = gtk_string_list_new (NULL);
  GtkWidget *list = gtk_list_box_new ();

  gtk_string_list_append (names, _("Leave out"));
  g_ptr_array_add (remap->stencil_ids, NULL);
  for (guint i = 0; catalog != NULL && i < bw_catalog_get_n_stencils (catalog); i++)
    {
      const BwStencil *stencil = bw_catalog_get_stencil (catalog, i);

      if (stencil->role == BW_ROLE_ZONE)
        continue;
      gtk_string_list_append (names, stencil->name);
      g_ptr_array_add (remap->stencil_ids, g_strdup (stencil->id));
    }
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  for (guint i = 0; i < report->skipped->len; i++)
    {
      const BwDrawioSkipped *s = report->skipped->pdata[i];
      GtkWidget *row;

      if (s->kind != BW_DRAWIO_SKIPPED_SHAPE || s->shape == NULL ||
          !g_hash_table_add (seen, s->shape))
        continue;
      row = adw_combo_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), s->shape);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), s->label);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_ptr_array_add (remap->kinds, g_strdup (s->shape));
      g_ptr_array_add (remap->rows, row);
    }
  g_object_unref (names);
  return list;
}

static void
show_report (BwWindow             *window,
             const char           *path,
             const char           *page,
             GHashTable           *mapped,
             const BwDrawioReport *report)
{
  g_autofree char *summary = NULL;
  g_autofree char *text = NULL;
  GtkWidget *dialog;
  GtkWidget *scrolled;
  GtkWidget *box;
  GtkWidget *label;
  Remap *remap;

  if (report->skipped->len == 0)
    {
      g_autofree char *toast = g_strdup_printf (_("Imported %u nodes and %u zones"),
                                                report->n_nodes, report->n_zones);

      bw_window_toast (window, toast);
      return;
    }
  summary = g_strdup_printf (_("%u nodes and %u zones from %u shapes, and %u of %u connectors, "
                               "were imported from page “%s”. These were not:"),
                             report->n_nodes, report->n_zones, report->n_shapes,
                             report->n_edges_kept, report->n_edges, report->page);
  remap = g_new0 (Remap, 1);
  remap->window = g_object_ref (window);
  remap->path = g_strdup (path);
  remap->page = g_strdup (report->page);
  remap->mapped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (mapped != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, mapped);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (remap->mapped, g_strdup (key), g_strdup (value));
    }
  remap->kinds = g_ptr_array_new_with_free_func (g_free);
  remap->rows = g_ptr_array_new ();
  remap->stencil_ids = g_ptr_array_new_with_free_func (g_free);

  text = bw_window_import_report_text (report);
  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Not Everything Was Imported"), summary);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  label = gtk_label_new (text);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box),
                  remap_rows (remap, report, bw_project_get_catalog (window->project)));
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  if (remap->rows->len > 0)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "import", _("_Import Again"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import",
                                                  ADW_RESPONSE_SUGGESTED);
    }
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  /* Freed with the dialog, however it goes. */
  g_object_set_data_full (G_OBJECT (dialog), "bw-remap", remap, (GDestroyNotify) remap_free);
  g_signal_connect (dialog, "response", G_CALLBACK (remap_response_cb), remap);
  gtk_widget_set_name (dialog, "drawio-report");
  gtk_window_present (GTK_WINDOW (dialog));
}

BwWindow *
bw_window_import_drawio (BwWindow    *self,
                         const char  *path,
                         const char  *page,
                         GError     **error)
{
  g_autoptr(GHashTable) mapped = remembered_shapes (self);

  return bw_window_import_drawio_mapped (self, path, page, mapped, error);
}

BwWindow *
bw_window_import_drawio_mapped (BwWindow    *self,
                                const char  *path,
                                const char  *page,
                                GHashTable  *mapped,
                                GError      **error)
{
  BwWindow *target = self;
  g_auto(GStrv) pages = NULL;

  /* Read before a window is made for it: a bad diagram opens nothing. */
  if ((pages = bw_drawio_list_pages_file (path, error)) == NULL)
    return NULL;
  /* A new project: in this window only when it holds nothing of value, as opening does. */
  if (!bw_project_is_pristine (self->project))
    target = bw_window_new (BW_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  if (import_into (target, path, page, mapped, error) == NULL)
    {
      if (target != self)
        {
          target->close_confirmed = TRUE;
          gtk_window_destroy (GTK_WINDOW (target));
        }
      return NULL;
    }
  return target;
}

static void
import_page (ImportData *data,
             const char *page)
{
  g_autoptr(GError) error = NULL;

  if (bw_window_import_drawio (data->window, data->path, page, &error) == NULL)
    bw_window_show_error (data->window, _("Could Not Import the Diagram"), error->message);
}

static void
page_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  ImportData       *data)
{
  if (!g_str_equal (response, "cancel"))
    import_page (data, response);
}

/* Asks which page to import; the response is the page's number. */
static void
ask_page (ImportData        *data,
          const char *const *pages)
{
  guint n = g_strv_length ((char **) pages);
  g_autoptr(GString) body = g_string_new (_("The diagram has several pages. Which one should be imported?"));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (data->window), _("Import Which Page?"), NULL);
  gtk_widget_set_name (dialog, "drawio-pages");
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  for (guint i = 0; i < n && i < MAX_PAGE_BUTTONS; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u", i + 1);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), id, pages[i]);
    }
  if (n > MAX_PAGE_BUTTONS)
    g_string_append_printf (body, " %s",
                            _("Only the first pages are offered here; “bulwark import-drawio --page” imports any."));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body->str);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "1");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "bw-import", data, (GDestroyNotify) import_data_free);
  g_signal_connect (dialog, "response", G_CALLBACK (page_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
bw_window_import_drawio_file (BwWindow   *self,
                              const char *path)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = path ? bw_drawio_list_pages_file (path, &error) : NULL;
  ImportData *data;

  if (pages == NULL)
    {
      bw_window_show_error (self, _("Could Not Import the Diagram"),
                            error ? error->message : _("Only local files can be read"));
      return;
    }
  data = g_new0 (ImportData, 1);
  data->window = g_object_ref (self);
  data->path = g_strdup (path);
  if (g_strv_length (pages) > 1)
    ask_page (data, (const char *const *) pages);
  else
    {
      import_page (data, NULL);
      import_data_free (data);
    }
}

static void
import_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    BwWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      bw_window_import_drawio_file (self, path);
    }
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
import_drawio_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  static const BwChooserType type = { N_("draw.io Diagrams"), NULL,
                                      { "drawio", "dio", "xml", "svg", "png" } };
  GtkFileChooserNative *chooser = bw_window_chooser_new (BW_WINDOW (widget),
                                                         _("Import a draw.io Diagram"),
                                                         _("_Import"), NULL, &type);

  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
bw_window_import_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import-drawio", NULL, import_drawio_action);
}
