/* bw-diff-dialog.c: the Compare dialog — a worker thread reads the other version and computes
 * both reports; the dialog then lists what changed, one row per tactic, phase and technique. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-diff-dialog.h"
#include "bw-document-check.h"
#include "bw-document-io.h"

struct _BwDiffDialog
{
  AdwWindow       parent_instance;

  AdwWindowTitle *window_title;
  GtkStack       *stack;
  GtkSpinner     *spinner;
  AdwStatusPage  *error_page;
  GtkLabel       *summary_label;
  GtkLabel       *regression_label;
  GtkListBox     *areas_list;
  GtkListBox     *techniques_list;
  GtkLabel       *nodes_label;

  GCancellable   *cancellable;
  BwDiff         *diff;
  char           *error;
  gboolean        computing;
  /* Row keys: "t<index>" for a tactic, "p<index>" for a phase; technique catalog indexes. */
  GtkStringList  *areas;
  GtkStringList  *techniques;
};

G_DEFINE_FINAL_TYPE (BwDiffDialog, bw_diff_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_COMPUTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  BwCatalog  *catalog;
  GFile      *before_file;
  BwDocument *after;
} CompareData;

static void
compare_data_free (gpointer data)
{
  CompareData *d = data;

  g_clear_object (&d->catalog);
  g_clear_object (&d->before_file);
  g_clear_object (&d->after);
  g_free (d);
}

static void
compare_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  CompareData *d = task_data;
  g_autofree char *path = g_file_get_path (d->before_file);
  g_autoptr(BwDocument) before = NULL;
  GError *error = NULL;

  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                               _("Only local files can be read"));
      return;
    }
  if ((before = bw_document_load_checked (path, d->catalog, &error)) == NULL)
    {
      g_autofree char *name = g_file_get_basename (d->before_file);

      g_prefix_error (&error, "%s: ", name);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, bw_diff_compute (d->catalog, before, d->after),
                         (GDestroyNotify) bw_diff_free);
}

static GtkWidget *
suffix_label (const char *text,
              gboolean    worse)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "numeric");
  if (worse)
    gtk_widget_add_css_class (label, "error");
  return label;
}

static GtkWidget *
create_area_row (gpointer item,
                 gpointer user_data)
{
  BwDiffDialog *self = user_data;
  const char *key = gtk_string_object_get_string (item);
  BwCatalog *catalog = bw_diff_get_catalog (self->diff);
  guint index = (guint) g_ascii_strtoull (key + 1, NULL, 10);
  gboolean tactic = key[0] == 't';
  const BwReportFigures *b = tactic ? bw_report_get_tactic (bw_diff_get_before (self->diff), index)
                                    : bw_report_get_phase (bw_diff_get_before (self->diff), index);
  const BwReportFigures *a = tactic ? bw_report_get_tactic (bw_diff_get_after (self->diff), index)
                                    : bw_report_get_phase (bw_diff_get_after (self->diff), index);
  const char *name = tactic ? bw_catalog_get_tactic (catalog, index)->name
                            : bw_catalog_get_phase (catalog, index)->name;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;
  g_autofree char *change = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  subtitle = g_strdup_printf (tactic ? _("Tactic · covered %u → %u · partial %u → %u · gaps %u → %u")
                                     : _("Kill-chain phase · covered %u → %u · partial %u → %u · gaps %u → %u"),
                              b->covered, a->covered, b->partial, a->partial, b->gap, a->gap);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  change = g_strdup_printf ("%.1f%% → %.1f%%", b->ratio * 100, a->ratio * 100);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix_label (change, a->ratio < b->ratio));
  return row;
}

static GtkWidget *
create_technique_row (gpointer item,
                      gpointer user_data)
{
  BwDiffDialog *self = user_data;
  guint index = (guint) g_ascii_strtoull (gtk_string_object_get_string (item), NULL, 10);
  const BwDiffTechnique *t = bw_diff_get_technique (self->diff, index);
  BwCatalog *catalog = bw_diff_get_catalog (self->diff);
  const BwTechnique *technique = bw_catalog_get_technique (catalog, t->technique);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *change = g_strdup_printf ("%s → %s", bw_status_describe (t->before), bw_status_describe (t->after));
  gboolean worse = bw_diff_status_is_regression (t->before, t->after);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), technique->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), technique->id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix_label (change, worse));
  return row;
}

static void
append_nodes (GString    *out,
              const char *heading,
              GPtrArray  *nodes)
{
  if (nodes->len == 0)
    return;
  if (out->len > 0)
    g_string_append_c (out, '\n');
  g_string_append_printf (out, "%s:", heading);
  for (guint i = 0; i < nodes->len; i++)
    {
      const BwDiffNode *node = g_ptr_array_index (nodes, i);

      g_string_append_printf (out, "%s %s (%s)", i ? "," : "", node->label, node->id);
    }
}

static void
show_diff (BwDiffDialog *self)
{
  BwCatalog *catalog = bw_diff_get_catalog (self->diff);
  const BwReportFigures *sb = bw_report_get_summary (bw_diff_get_before (self->diff));
  const BwReportFigures *sa = bw_report_get_summary (bw_diff_get_after (self->diff));
  g_autofree char *summary = NULL;
  g_autoptr(GString) nodes = g_string_new (NULL);

  summary = g_strdup_printf (_("Coverage ratio %.1f%% → %.1f%%; covered %u → %u, partial %u → %u, "
                               "gaps %u → %u. %u techniques changed status."),
                             sb->ratio * 100, sa->ratio * 100, sb->covered, sa->covered,
                             sb->partial, sa->partial, sb->gap, sa->gap,
                             bw_diff_get_n_techniques (self->diff));
  gtk_label_set_text (self->summary_label, summary);
  if (bw_diff_is_regression (self->diff))
    {
      g_autofree char *text = g_strdup_printf (ngettext ("Regression: %u technique got worse",
                                                         "Regression: %u techniques got worse",
                                                         bw_diff_count_regressions (self->diff)),
                                               bw_diff_count_regressions (self->diff));

      gtk_label_set_text (self->regression_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->regression_label), TRUE);
    }

  for (guint i = 0; i < bw_catalog_get_n_tactics (catalog); i++)
    if (bw_diff_tactic_changed (self->diff, i))
      {
        g_autofree char *key = g_strdup_printf ("t%u", i);

        gtk_string_list_append (self->areas, key);
      }
  for (guint i = 0; i < bw_catalog_get_n_phases (catalog); i++)
    if (bw_diff_phase_changed (self->diff, i))
      {
        g_autofree char *key = g_strdup_printf ("p%u", i);

        gtk_string_list_append (self->areas, key);
      }
  for (guint i = 0; i < bw_diff_get_n_techniques (self->diff); i++)
    {
      g_autofree char *key = g_strdup_printf ("%u", i);

      gtk_string_list_append (self->techniques, key);
    }
  gtk_list_box_bind_model (self->areas_list, G_LIST_MODEL (self->areas), create_area_row, self,
                           NULL);
  gtk_list_box_bind_model (self->techniques_list, G_LIST_MODEL (self->techniques),
                           create_technique_row, self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->areas_list),
                          g_list_model_get_n_items (G_LIST_MODEL (self->areas)) > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->techniques_list),
                          g_list_model_get_n_items (G_LIST_MODEL (self->techniques)) > 0);

  append_nodes (nodes, _("Assets added"), bw_diff_get_assets_added (self->diff));
  append_nodes (nodes, _("Assets removed"), bw_diff_get_assets_removed (self->diff));
  append_nodes (nodes, _("Services added"), bw_diff_get_services_added (self->diff));
  append_nodes (nodes, _("Services removed"), bw_diff_get_services_removed (self->diff));
  gtk_label_set_text (self->nodes_label, nodes->str);
  gtk_widget_set_visible (GTK_WIDGET (self->nodes_label), nodes->len > 0);
  gtk_stack_set_visible_child_name (self->stack, "result");
}

static void
compare_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  BwDiffDialog *self = BW_DIFF_DIALOG (source);
  g_autoptr(GError) error = NULL;
  BwDiff *diff = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_set_spinning (self->spinner, FALSE);
  self->computing = FALSE;
  if (diff == NULL)
    {
      self->error = g_strdup (error->message);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
    }
  else
    {
      self->diff = diff;
      show_diff (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPUTING]);
}

BwDiffDialog *
bw_diff_dialog_new (GtkWindow  *parent,
                    BwCatalog  *catalog,
                    GFile      *before_file,
                    const char *before_name,
                    BwDocument *after,
                    const char *after_name)
{
  BwDiffDialog *self;
  g_autoptr(GTask) task = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *subtitle = NULL;
  CompareData *data;

  g_return_val_if_fail (BW_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (G_IS_FILE (before_file), NULL);
  g_return_val_if_fail (BW_IS_DOCUMENT (after), NULL);

  self = g_object_new (BW_TYPE_DIFF_DIALOG, "transient-for", parent, NULL);
  file_name = g_file_get_basename (before_file);
  /* TRANSLATORS: the version compared against → the open document. */
  subtitle = g_strdup_printf (_("%s → %s"), before_name != NULL ? before_name : file_name, after_name);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  data = g_new0 (CompareData, 1);
  data->catalog = g_object_ref (catalog);
  data->before_file = g_object_ref (before_file);
  /* A copy: the worker reads it while the window goes on editing the original. */
  data->after = bw_document_copy (after);
  self->computing = TRUE;
  task = g_task_new (self, self->cancellable, compare_done_cb, NULL);
  g_task_set_source_tag (task, BW_SOURCE_TAG (bw_diff_dialog_new));
  g_task_set_task_data (task, data, compare_data_free);
  g_task_run_in_thread (task, compare_thread);
  return self;
}

BwDiff *
bw_diff_dialog_get_diff (BwDiffDialog *self)
{
  g_return_val_if_fail (BW_IS_DIFF_DIALOG (self), NULL);
  return self->diff;
}

gboolean
bw_diff_dialog_get_computing (BwDiffDialog *self)
{
  g_return_val_if_fail (BW_IS_DIFF_DIALOG (self), FALSE);
  return self->computing;
}

const char *
bw_diff_dialog_get_error (BwDiffDialog *self)
{
  g_return_val_if_fail (BW_IS_DIFF_DIALOG (self), NULL);
  return self->error;
}

GListModel *
bw_diff_dialog_get_areas (BwDiffDialog *self)
{
  return G_LIST_MODEL (self->areas);
}

GListModel *
bw_diff_dialog_get_techniques (BwDiffDialog *self)
{
  return G_LIST_MODEL (self->techniques);
}

static void
bw_diff_dialog_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BwDiffDialog *self = BW_DIFF_DIALOG (object);

  switch (prop_id)
    {
    case PROP_COMPUTING:
      g_value_set_boolean (value, self->computing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_diff_dialog_dispose (GObject *object)
{
  BwDiffDialog *self = BW_DIFF_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), BW_TYPE_DIFF_DIALOG);
  G_OBJECT_CLASS (bw_diff_dialog_parent_class)->dispose (object);
}

static void
bw_diff_dialog_finalize (GObject *object)
{
  BwDiffDialog *self = BW_DIFF_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->areas);
  g_clear_object (&self->techniques);
  g_clear_pointer (&self->diff, bw_diff_free);
  g_clear_pointer (&self->error, g_free);
  G_OBJECT_CLASS (bw_diff_dialog_parent_class)->finalize (object);
}

static void
bw_diff_dialog_class_init (BwDiffDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = bw_diff_dialog_get_property;
  object_class->dispose = bw_diff_dialog_dispose;
  object_class->finalize = bw_diff_dialog_finalize;

  properties[PROP_COMPUTING] =
    g_param_spec_boolean ("computing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/bw-diff-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BwDiffDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, BwDiffDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, BwDiffDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, BwDiffDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, BwDiffDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, BwDiffDialog, regression_label);
  gtk_widget_class_bind_template_child (widget_class, BwDiffDialog, areas_list);
  gtk_widget_class_bind_template_child (widget_class, BwDiffDialog, techniques_list);
  gtk_widget_class_bind_template_child (widget_class, BwDiffDialog, nodes_label);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bw_diff_dialog_init (BwDiffDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->areas = gtk_string_list_new (NULL);
  self->techniques = gtk_string_list_new (NULL);
}
