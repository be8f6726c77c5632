/* bw-matrix-window.c: the coverage matrix (ui/bw-matrix-window.ui): the filters in the header
 * bar, the cells laid out by bw-matrix-layout.c and drawn by bw-matrix-grid.c. Each cell names
 * its technique and says its status in words as well as in colour (a colour-blind safe palette
 * is a toggle, kept in GSettings); a parent's cell rolls its sub-techniques up and unfolds them
 * on a click of its count. A click on a technique opens its page beside the matrix and emits
 * `technique-activated`. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-matrix-grid.h"
#include "bw-matrix-layout.h"
#include "bw-matrix-window.h"
#include "bw-technique-page.h"

struct _BwMatrixWindow
{
  AdwWindow        parent_instance;

  BwProject       *project;
  GSignalGroup    *project_signals;
  BwCatalog       *catalog;
  BwReport        *report;
  BwMatrixLayout  *layout;
  guint8          *expanded;       /* by catalog index */
  gboolean         keep_expanded;  /* the toggle goes off, but the parents stay unfolded */
  char            *platform;
  char            *search_text;    /* case-folded */
  GtkStringList   *platform_names; /* "All Platforms", then the catalog's */
  GSettings       *settings;

  AdwWindowTitle  *window_title;
  BwMatrixGrid    *grid;
  AdwFlap         *flap;
  BwTechniquePage *page;
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

/* The cells of every column anew; the grid draws those in view. */
static void
relayout (BwMatrixWindow *self)
{
  BwMatrixFilter filter = { 0 };
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
  bw_matrix_grid_set_expanded (self->grid, self->expanded, filter.all_expanded);
  bw_matrix_grid_changed (self->grid);

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

/* The technique's page opens beside the matrix; the window lights it on the canvas. */
static void
grid_activated_cb (BwMatrixWindow *self,
                   guint           technique,
                   BwMatrixGrid   *grid)
{
  const char *id = bw_catalog_get_technique (self->catalog, technique)->id;

  if (self->project != NULL && bw_technique_page_show (self->page, self->project, id))
    adw_flap_set_reveal_flap (self->flap, TRUE);
  g_signal_emit (self, signals[TECHNIQUE_ACTIVATED], 0, id);
}

static void
page_back_cb (BwMatrixWindow *self)
{
  adw_flap_set_reveal_flap (self->flap, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->grid));
}

const char *
bw_matrix_window_get_technique (BwMatrixWindow *self)
{
  g_return_val_if_fail (BW_IS_MATRIX_WINDOW (self), NULL);

  return adw_flap_get_reveal_flap (self->flap) ? bw_technique_page_get_technique (self->page)
                                               : NULL;
}

/* With every parent unfolded by the header's toggle, a fold mark folds its own parent only. */
static void
grid_fold_cb (BwMatrixWindow *self,
              guint           technique,
              BwMatrixGrid   *grid)
{
  if (gtk_toggle_button_get_active (self->expand_button))
    {
      memset (self->expanded, 1, bw_catalog_get_n_techniques (self->catalog));
      self->expanded[technique] = 0;
      self->keep_expanded = TRUE;
      gtk_toggle_button_set_active (self->expand_button, FALSE);
      self->keep_expanded = FALSE;
      return;
    }
  bw_matrix_window_set_expanded (self, technique, !self->expanded[technique]);
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
      bw_matrix_grid_set_layout (self->grid, NULL, NULL);
      bw_matrix_grid_set_expanded (self->grid, NULL, FALSE);
      g_clear_pointer (&self->layout, bw_matrix_layout_free);
      g_clear_pointer (&self->expanded, g_free);
      g_set_object (&self->catalog, catalog);
      if (catalog != NULL)
        {
          self->layout = bw_matrix_layout_new (catalog);
          self->expanded = g_new0 (guint8, bw_catalog_get_n_techniques (catalog));
          bw_matrix_grid_set_layout (self->grid, catalog, self->layout);
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
  /* The page shown follows each change, or closes when its technique is gone. */
  if (adw_flap_get_reveal_flap (self->flap) &&
      (self->project == NULL || bw_technique_page_get_technique (self->page) == NULL ||
       !bw_technique_page_show (self->page, self->project,
                                bw_technique_page_get_technique (self->page))))
    adw_flap_set_reveal_flap (self->flap, FALSE);
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

/* Turned off, the toggle folds every parent again. */
static void
expand_changed_cb (BwMatrixWindow *self)
{
  if (!gtk_toggle_button_get_active (self->expand_button) && !self->keep_expanded &&
      self->expanded != NULL)
    memset (self->expanded, 0, bw_catalog_get_n_techniques (self->catalog));
  relayout (self);
}

static void
colorblind_changed_cb (BwMatrixWindow  *self,
                       GParamSpec      *pspec,
                       GtkToggleButton *button)
{
  bw_matrix_grid_set_colorblind (self->grid, gtk_toggle_button_get_active (button));
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
  return bw_matrix_status_label (bw_matrix_layout_get_status (self->layout, tactic, position));
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
bw_matrix_window_set_all_expanded (BwMatrixWindow *self,
                                   gboolean        expanded)
{
  g_return_if_fail (BW_IS_MATRIX_WINDOW (self));

  gtk_toggle_button_set_active (self->expand_button, expanded);
}

void
bw_matrix_window_set_profile_only (BwMatrixWindow *self,
                                   gboolean        profile_only)
{
  g_return_if_fail (BW_IS_MATRIX_WINDOW (self));

  gtk_toggle_button_set_active (self->profile_button, profile_only);
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
  /* The grid may outlive the window's template: it must not keep the layout freed below. */
  if (self->grid != NULL)
    {
      bw_matrix_grid_set_layout (self->grid, NULL, NULL);
      bw_matrix_grid_set_expanded (self->grid, NULL, FALSE);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), BW_TYPE_MATRIX_WINDOW);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->project);
  g_clear_object (&self->catalog);
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
  gtk_widget_class_bind_template_child (widget_class, BwMatrixWindow, grid);
  gtk_widget_class_bind_template_child (widget_class, BwMatrixWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, BwMatrixWindow, page);
  gtk_widget_class_bind_template_callback (widget_class, page_back_cb);
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
  gtk_widget_class_bind_template_callback (widget_class, grid_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, grid_fold_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bw_matrix_window_init (BwMatrixWindow *self)
{
  g_type_ensure (BW_TYPE_MATRIX_GRID);
  g_type_ensure (BW_TYPE_TECHNIQUE_PAGE);
  self->platform_names = gtk_string_list_new (NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drop_down_set_model (self->platforms, G_LIST_MODEL (self->platform_names));
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
