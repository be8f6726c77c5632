/* bw-matrix-window.c: the coverage matrix (ui/bw-matrix-window.ui). A column view whose columns
 * are the tactics in matrix order and whose rows are positions down them: it makes cells only
 * for the rows in view, so all 691 techniques stay smooth. Each cell names its technique and
 * says its status in words as well as in colour (a colour-blind safe palette is a toggle, kept
 * in GSettings); a parent's cell rolls its sub-techniques up and unfolds them on a click of its
 * count. A click on a technique emits `technique-activated`. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-matrix-layout.h"
#include "bw-matrix-window.h"

struct _BwMatrixWindow
{
  AdwWindow        parent_instance;

  BwProject       *project;
  GSignalGroup    *project_signals;
  BwCatalog       *catalog;
  BwReport        *report;
  BwMatrixLayout  *layout;
  guint8          *expanded;       /* by catalog index */
  char            *platform;
  char            *search_text;    /* case-folded */
  GtkStringList   *rows;           /* one item per row; the cells look their technique up */
  GtkStringList   *platform_names; /* "All Platforms", then the catalog's */
  GSettings       *settings;

  AdwWindowTitle  *window_title;
  GtkColumnView   *view;
  GtkSearchEntry  *search;
  GtkDropDown     *platforms;
  GtkToggleButton *profile_button;
  GtkToggleButton *colorblind_button;
  GtkToggleButton *expand_button;
};

G_DEFINE_FINAL_TYPE (BwMatrixWindow, bw_matrix_window, ADW_TYPE_WINDOW)

enum
{
  TECHNIQUE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum
{
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const status_classes[] = { "na", "gap", "partial", "covered" };

static const char *
status_label (BwStatus status)
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
      return _("n/a");
    }
}

/* The cells of every column anew, and as many rows as the longest column. Replacing every
 * row makes the view bind the cells in view again. */
static void
relayout (BwMatrixWindow *self)
{
  BwMatrixFilter filter = { 0 };
  guint n_rows;
  g_autofree const char **items = NULL;
  g_autofree char *subtitle = NULL;

  if (self->layout == NULL)
    return;
  filter.platform = self->platform;
  filter.profile_only = gtk_toggle_button_get_active (self->profile_button) &&
                        self->report != NULL && bw_report_has_profile (self->report);
  filter.search = self->search_text;
  filter.all_expanded = gtk_toggle_button_get_active (self->expand_button);
  filter.expanded = self->expanded;
  bw_matrix_layout_update (self->layout, self->report, &filter);

  n_rows = bw_matrix_layout_get_n_rows (self->layout);
  items = g_new0 (const char *, n_rows + 1);
  for (guint i = 0; i < n_rows; i++)
    items[i] = "";
  gtk_string_list_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                          items);

  if (self->report != NULL)
    {
      const BwReportFigures *summary = filter.profile_only
                                         ? bw_report_get_profile_summary (self->report)
                                         : bw_report_get_summary (self->report);

      subtitle = g_strdup_printf (_("%.0f%% covered · %u covered, %u partial, %u gaps"),
                                  summary->ratio * 100, summary->covered, summary->partial,
                                  summary->gap);
    }
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
}

typedef struct
{
  BwMatrixWindow *self;
  guint           tactic;
} ColumnData;

static void
open_clicked_cb (GtkButton *button,
                 gpointer   user_data)
{
  BwMatrixWindow *self = user_data;
  guint technique = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "technique"));

  if (technique == 0 || self->catalog == NULL)
    return;
  g_signal_emit (self, signals[TECHNIQUE_ACTIVATED], 0,
                 bw_catalog_get_technique (self->catalog, technique - 1)->id);
}

static void
fold_clicked_cb (GtkButton *button,
                 gpointer   user_data)
{
  BwMatrixWindow *self = user_data;
  guint technique = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "technique"));

  if (technique == 0 || self->catalog == NULL)
    return;
  bw_matrix_window_set_expanded (self, technique - 1, !self->expanded[technique - 1]);
}

/* A cell: [name over "id · status"] [fold count], on the status colour. */
static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               ColumnData               *data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *open = gtk_button_new ();
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *status = gtk_label_new (NULL);
  GtkWidget *fold = gtk_button_new ();

  gtk_widget_add_css_class (box, "matrix-cell");
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_lines (GTK_LABEL (name), 2);
  gtk_label_set_width_chars (GTK_LABEL (name), 10);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 20);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_xalign (GTK_LABEL (status), 0);
  gtk_widget_add_css_class (status, "caption");
  gtk_box_append (GTK_BOX (text), name);
  gtk_box_append (GTK_BOX (text), status);
  gtk_button_set_child (GTK_BUTTON (open), text);
  gtk_widget_set_hexpand (open, TRUE);
  gtk_widget_add_css_class (open, "flat");
  gtk_widget_add_css_class (open, "matrix-open");
  gtk_widget_add_css_class (fold, "flat");
  gtk_widget_set_valign (fold, GTK_ALIGN_CENTER);
  g_signal_connect (open, "clicked", G_CALLBACK (open_clicked_cb), data->self);
  g_signal_connect (fold, "clicked", G_CALLBACK (fold_clicked_cb), data->self);
  gtk_box_append (GTK_BOX (box), open);
  gtk_box_append (GTK_BOX (box), fold);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
}

static void
bind_fold (GtkWidget          *fold,
           const BwMatrixCell *cell,
           gboolean            expanded)
{
  g_autofree char *count = NULL;
  g_autofree char *tooltip = NULL;

  gtk_widget_set_visible (fold, cell->n_subs > 0);
  if (cell->n_subs == 0)
    return;
  count = g_strdup_printf ("%s %u", expanded ? "▾" : "▸", cell->n_subs);
  gtk_button_set_label (GTK_BUTTON (fold), count);
  tooltip = g_strdup_printf (expanded ? ngettext ("Hide %u sub-technique",
                                                  "Hide %u sub-techniques", cell->n_subs)
                                      : ngettext ("Show %u sub-technique",
                                                  "Show %u sub-techniques", cell->n_subs),
                             cell->n_subs);
  gtk_widget_set_tooltip_text (fold, tooltip);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ColumnData               *data)
{
  BwMatrixWindow *self = data->self;
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *open = gtk_widget_get_first_child (box);
  GtkWidget *fold = gtk_widget_get_last_child (box);
  GtkWidget *name = gtk_widget_get_first_child (gtk_button_get_child (GTK_BUTTON (open)));
  GtkWidget *status = gtk_widget_get_next_sibling (name);
  guint position = gtk_list_item_get_position (item);
  const BwMatrixCell *cell = self->layout
                               ? bw_matrix_layout_get_cell (self->layout, data->tactic, position)
                               : NULL;
  const BwTechnique *technique;
  BwStatus st;
  g_autofree char *line = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (box, status_classes[i]);
  gtk_widget_set_visible (box, cell != NULL);
  g_object_set_data (G_OBJECT (open), "technique", NULL);
  g_object_set_data (G_OBJECT (fold), "technique", NULL);
  if (cell == NULL)
    return;

  technique = bw_catalog_get_technique (self->catalog, cell->technique);
  st = bw_matrix_layout_get_status (self->layout, data->tactic, position);
  gtk_widget_add_css_class (box, status_classes[st]);
  if (cell->sub)
    gtk_widget_add_css_class (box, "sub");
  else
    gtk_widget_remove_css_class (box, "sub");
  gtk_label_set_text (GTK_LABEL (name), technique->name);
  line = g_strdup_printf ("%s · %s", technique->id, status_label (st));
  gtk_label_set_text (GTK_LABEL (status), line);
  gtk_widget_set_tooltip_text (open, technique->name);
  g_object_set_data (G_OBJECT (open), "technique", GUINT_TO_POINTER (cell->technique + 1));
  g_object_set_data (G_OBJECT (fold), "technique", GUINT_TO_POINTER (cell->technique + 1));
  bind_fold (fold, cell, self->expanded[cell->technique] ||
                           gtk_toggle_button_get_active (self->expand_button));
}

static void
remove_columns (BwMatrixWindow *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->view, column);
    }
}

static void
add_columns (BwMatrixWindow *self)
{
  for (guint c = 0; c < bw_catalog_get_n_tactics (self->catalog); c++)
    {
      ColumnData *data = g_new0 (ColumnData, 1);
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      data->self = self;
      data->tactic = c;
      g_object_set_data_full (G_OBJECT (factory), "column", data, g_free);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), data);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), data);
      column = gtk_column_view_column_new (bw_catalog_get_tactic (self->catalog, c)->name,
                                           factory);
      gtk_column_view_column_set_fixed_width (column, 188);
      gtk_column_view_append_column (self->view, column);
    }
}

static void
rebuild_platforms (BwMatrixWindow *self)
{
  g_auto(GStrv) platforms = self->catalog ? bw_catalog_dup_platforms (self->catalog) : NULL;
  const char *all[] = { _("All Platforms"), NULL };

  g_clear_pointer (&self->platform, g_free);
  gtk_string_list_splice (self->platform_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->platform_names)), all);
  if (platforms != NULL)
    gtk_string_list_splice (self->platform_names, 1, 0, (const char *const *) platforms);
  gtk_drop_down_set_selected (self->platforms, 0);
}

/* A new catalog gives new columns and folds everything; each report recolours the cells. */
static void
follow_project (BwMatrixWindow *self)
{
  BwCatalog *catalog = self->project ? bw_project_get_catalog (self->project) : NULL;
  BwReport *report = self->project && catalog ? bw_project_get_report (self->project) : NULL;

  if (catalog != self->catalog)
    {
      remove_columns (self);
      g_clear_pointer (&self->layout, bw_matrix_layout_free);
      g_clear_pointer (&self->expanded, g_free);
      g_set_object (&self->catalog, catalog);
      if (catalog != NULL)
        {
          self->layout = bw_matrix_layout_new (catalog);
          self->expanded = g_new0 (guint8, bw_catalog_get_n_techniques (catalog));
          add_columns (self);
        }
      rebuild_platforms (self);
    }
  if (self->report != report)
    {
      g_clear_pointer (&self->report, bw_report_unref);
      self->report = report ? bw_report_ref (report) : NULL;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->profile_button),
                            self->report != NULL && bw_report_has_profile (self->report));
  relayout (self);
}

static void
search_changed_cb (BwMatrixWindow *self,
                   GtkSearchEntry *entry)
{
  g_free (self->search_text);
  self->search_text = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);
  relayout (self);
}

static void
platform_changed_cb (BwMatrixWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->platforms);

  g_clear_pointer (&self->platform, g_free);
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    self->platform = g_strdup (gtk_string_list_get_string (self->platform_names, selected));
  relayout (self);
}

static void
profile_changed_cb (BwMatrixWindow *self)
{
  relayout (self);
}

static void
expand_changed_cb (BwMatrixWindow *self)
{
  relayout (self);
}

static void
colorblind_changed_cb (BwMatrixWindow  *self,
                       GParamSpec      *pspec,
                       GtkToggleButton *button)
{
  if (gtk_toggle_button_get_active (button))
    gtk_widget_add_css_class (GTK_WIDGET (self->view), "colorblind");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->view), "colorblind");
}

BwProject *
bw_matrix_window_get_project (BwMatrixWindow *self)
{
  g_return_val_if_fail (BW_IS_MATRIX_WINDOW (self), NULL);

  return self->project;
}

void
bw_matrix_window_set_project (BwMatrixWindow *self,
                              BwProject      *project)
{
  g_return_if_fail (BW_IS_MATRIX_WINDOW (self));
  g_return_if_fail (project == NULL || BW_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;
  g_signal_group_set_target (self->project_signals, project);
  follow_project (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

guint
bw_matrix_window_get_n_cells (BwMatrixWindow *self,
                              guint           tactic)
{
  g_return_val_if_fail (BW_IS_MATRIX_WINDOW (self), 0);

  return self->layout ? bw_matrix_layout_get_n_cells (self->layout, tactic) : 0;
}

const BwMatrixCell *
bw_matrix_window_get_cell (BwMatrixWindow *self,
                           guint           tactic,
                           guint           position)
{
  g_return_val_if_fail (BW_IS_MATRIX_WINDOW (self), NULL);

  return self->layout ? bw_matrix_layout_get_cell (self->layout, tactic, position) : NULL;
}

const char *
bw_matrix_window_get_cell_label (BwMatrixWindow *self,
                                 guint           tactic,
                                 guint           position)
{
  g_return_val_if_fail (BW_IS_MATRIX_WINDOW (self), NULL);

  if (bw_matrix_window_get_cell (self, tactic, position) == NULL)
    return NULL;
  return status_label (bw_matrix_layout_get_status (self->layout, tactic, position));
}

void
bw_matrix_window_set_expanded (BwMatrixWindow *self,
                               guint           technique,
                               gboolean        expanded)
{
  g_return_if_fail (BW_IS_MATRIX_WINDOW (self));
  g_return_if_fail (self->catalog != NULL);
  g_return_if_fail (technique < bw_catalog_get_n_techniques (self->catalog));

  self->expanded[technique] = !!expanded;
  relayout (self);
}

void
bw_matrix_window_set_platform (BwMatrixWindow *self,
                               const char     *platform)
{
  guint n;

  g_return_if_fail (BW_IS_MATRIX_WINDOW (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->platform_names));
  for (guint i = 1; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->platform_names, i), platform) == 0)
      {
        gtk_drop_down_set_selected (self->platforms, i);
        return;
      }
  gtk_drop_down_set_selected (self->platforms, 0);
}

static void
bw_matrix_window_dispose (GObject *object)
{
  BwMatrixWindow *self = BW_MATRIX_WINDOW (object);

  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BW_TYPE_MATRIX_WINDOW);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->project);
  g_clear_object (&self->catalog);
  g_clear_object (&self->rows);
  g_clear_object (&self->platform_names);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->report, bw_report_unref);
  g_clear_pointer (&self->layout, bw_matrix_layout_free);
  g_clear_pointer (&self->expanded, g_free);
  g_clear_pointer (&self->platform, g_free);
  g_clear_pointer (&self->search_text, g_free);

  G_OBJECT_CLASS (bw_matrix_window_parent_class)->dispose (object);
}

static void
bw_matrix_window_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BwMatrixWindow *self = BW_MATRIX_WINDOW (object);

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
bw_matrix_window_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BwMatrixWindow *self = BW_MATRIX_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      bw_matrix_window_set_project (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_matrix_window_class_init (BwMatrixWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_matrix_window_dispose;
  object_class->get_property = bw_matrix_window_get_property;
  object_class->set_property = bw_matrix_window_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, BW_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[TECHNIQUE_ACTIVATED] = g_signal_new ("technique-activated", G_TYPE_FROM_CLASS (klass),
                                               G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                               G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/bw-matrix-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BwMatrixWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, BwMatrixWindow, view);
  gtk_widget_class_bind_template_child (widget_class, BwMatrixWindow, search);
  gtk_widget_class_bind_template_child (widget_class, BwMatrixWindow, platforms);
  gtk_widget_class_bind_template_child (widget_class, BwMatrixWindow, profile_button);
  gtk_widget_class_bind_template_child (widget_class, BwMatrixWindow, colorblind_button);
  gtk_widget_class_bind_template_child (widget_class, BwMatrixWindow, expand_button);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, platform_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, profile_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, expand_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, colorblind_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bw_matrix_window_init (BwMatrixWindow *self)
{
  g_autoptr(GtkNoSelection) rows = NULL;

  self->rows = gtk_string_list_new (NULL);
  self->platform_names = gtk_string_list_new (NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drop_down_set_model (self->platforms, G_LIST_MODEL (self->platform_names));
  rows = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (rows));
  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "matrix-colorblind", self->colorblind_button, "active",
                   G_SETTINGS_BIND_DEFAULT);

  self->project_signals = g_signal_group_new (BW_TYPE_PROJECT);
  g_signal_group_connect_swapped (self->project_signals, "notify::catalog",
                                  G_CALLBACK (follow_project), self);
  g_signal_group_connect_swapped (self->project_signals, "notify::report",
                                  G_CALLBACK (follow_project), self);
}

BwMatrixWindow *
bw_matrix_window_new (BwProject *project)
{
  return g_object_new (BW_TYPE_MATRIX_WINDOW, "project", project, NULL);
}
