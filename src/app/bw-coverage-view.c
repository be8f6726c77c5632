/* bw-coverage-view.c: the coverage panel (ui/bw-coverage-view.ui). A list of tactic bars; a click
 * opens the tactic's techniques (searchable, with status and protect/detect/respond scores); a
 * click on a technique asks the window to light its covering services and gap assets on the
 * canvas. Both lists are made by their list boxes from models of ids: the report replaces the
 * ids (so the rows show its figures), the search only filters them. While the project reads a
 * file and computes its figures, a spinner stands in for them. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-coverage-view.h"
#include "bw-tactic-row.h"
#include "bw-technique-page.h"
#include "bw-technique-row.h"
#include "bw-widgets.h"

struct _BwCoverageView
{
  GtkWidget       parent_instance;

  BwProject      *project;
  GSignalGroup   *project_signals;
  BwCatalog      *catalog;        /* the project's, as last taken up */
  BwReport       *report;
  BwExplainer    *explainer;      /* for the rows' best and weakest asset, until the next report */

  GtkStringList  *tactic_ids;     /* every tactic, in matrix order, once there is a report */
  GtkStringList  *technique_ids;  /* the shown tactic's techniques, in the order shown */
  GtkFilter      *search_filter;
  char           *filter;         /* case-folded search text */
  int             tactic;         /* shown tactic, or -1 */
  char           *technique;      /* picked technique id */

  GtkStack       *progress_stack; /* "figures" (stack) or "computing" */
  GtkSpinner     *spinner;
  guint           progress_delay; /* ms a load runs before the spinner shows */
  guint           progress_source;
  GtkStack       *stack;
  GtkListBox     *tactics;
  GtkListBox     *techniques;
  GtkLabel       *tactic_title;
  GtkSearchEntry *search;
  BwTechniquePage *page;
  GtkWidget      *unprotected_row;
  GtkLabel       *unprotected_label;
  GtkWidget      *empty;          /* shown in place of the tactics while none applies */
  GtkWidget      *legend;         /* what the percentages mean, under them */
};

G_DEFINE_FINAL_TYPE (BwCoverageView, bw_coverage_view, GTK_TYPE_WIDGET)

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

/* Tactic `index` against the report's threat profile; NULL when it has none. */
static const BwReportFigures *
profile_figures (BwCoverageView *self,
                 guint           index)
{
  return bw_report_has_profile (self->report) ? bw_report_get_profile_tactic (self->report, index)
                                              : NULL;
}

static GtkWidget *
create_tactic_row (gpointer item,
                   gpointer user_data)
{
  BwCoverageView *self = user_data;
  const char *id = gtk_string_object_get_string (item);
  guint index = 0;

  while (index + 1 < bw_catalog_get_n_tactics (self->catalog) &&
         g_strcmp0 (bw_catalog_get_tactic (self->catalog, index)->id, id) != 0)
    index++;
  return bw_tactic_row_new (index, bw_catalog_get_tactic (self->catalog, index),
                            bw_report_get_tactic (self->report, index),
                            profile_figures (self, index));
}

static GtkWidget *
create_technique_row (gpointer item,
                      gpointer user_data)
{
  BwCoverageView *self = user_data;
  const BwTechnique *technique = bw_catalog_lookup_technique (self->catalog,
                                                              gtk_string_object_get_string (item));
  BwDocument *doc = self->project ? bw_project_get_document (self->project) : NULL;
  g_autoptr(BwExplanation) explanation = NULL;

  if (self->explainer == NULL && doc != NULL)
    {
      /* The figures alone: CTID's texts stay unloaded until a page shows them. */
      self->explainer = bw_explainer_new (self->catalog, doc);
      bw_explainer_set_with_texts (self->explainer, FALSE);
    }
  if (self->explainer != NULL)
    explanation = bw_explainer_explain (self->explainer, technique->id, NULL, NULL);
  return bw_technique_row_new (technique, bw_report_get_technique (self->report, technique->index),
                               explanation ? bw_explanation_get_range (explanation) : NULL,
                               bw_report_in_profile (self->report, technique->index));
}

static gboolean
matches_search (gpointer item,
                gpointer user_data)
{
  BwCoverageView *self = user_data;
  const BwTechnique *technique;
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;

  if (self->filter == NULL || *self->filter == '\0')
    return TRUE;
  technique = bw_catalog_lookup_technique (self->catalog, gtk_string_object_get_string (item));
  name = g_utf8_casefold (technique->name, -1);
  id = g_utf8_casefold (technique->id, -1);
  return strstr (name, self->filter) != NULL || strstr (id, self->filter) != NULL;
}

/* Rule 11: a warning above the tactics naming the assets nothing covers, or hidden. */
static void
update_unprotected (BwCoverageView *self)
{
  BwDocument *doc = self->project ? bw_project_get_document (self->project) : NULL;
  guint n = self->report ? bw_report_get_n_unprotected (self->report) : 0;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *text = NULL;
  guint named = 0;

  gtk_widget_set_visible (self->unprotected_row, n > 0 && doc != NULL);
  if (n == 0 || doc == NULL)
    return;
  for (guint i = 0; i < bw_report_get_n_assets (self->report) && named < 3; i++)
    {
      const BwReportAsset *a = bw_report_get_asset (self->report, i);
      const BwNode *node = bw_document_lookup_node (doc, a->id);

      if (!a->unprotected)
        continue;
      if (named++ > 0)
        g_string_append (names, ", ");
      g_string_append (names, node != NULL && *node->label ? node->label : a->id);
    }
  if (n > named)
    /* Translators: after a list of asset names, as in "Kiosk, Printer and 4 more" */
    g_string_append_printf (names, ngettext (" and %u more", " and %u more", n - named),
                            n - named);
  text = g_strdup_printf (ngettext ("%u unprotected asset: %s", "%u unprotected assets: %s", n),
                          n, names->str);
  gtk_label_set_text (self->unprotected_label, text);
}

static void
rebuild_tactics (BwCoverageView *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  gboolean applies = self->report != NULL && self->catalog != NULL &&
                     bw_report_get_summary (self->report)->applicable > 0;

  /* Until a technique applies (no assets yet, or none on a platform ATT&CK knows), a word on
   * what would make one apply stands in for a row of zeros per tactic. */
  gtk_widget_set_visible (self->empty, self->report != NULL && self->catalog != NULL && !applies);
  gtk_widget_set_visible (self->legend, applies);
  /* Rows listed are the catalog's tactics (a new catalog empties the list, follow_project):
   * each takes its new figures where it stands, so that a report after an edit keeps the
   * keyboard focus and the scroll where they were. */
  if (applies && g_list_model_get_n_items (G_LIST_MODEL (self->tactic_ids)) > 0)
    {
      for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->tactics)); row != NULL;
           row = gtk_widget_get_next_sibling (row))
        if (BW_IS_TACTIC_ROW (row))
          {
            guint index = bw_tactic_row_get_index (BW_TACTIC_ROW (row));

            bw_tactic_row_set_figures (BW_TACTIC_ROW (row),
                                       bw_report_get_tactic (self->report, index),
                                       profile_figures (self, index));
          }
      update_unprotected (self);
      return;
    }
  for (guint i = 0; applies && i < bw_catalog_get_n_tactics (self->catalog); i++)
    g_ptr_array_add (ids, bw_catalog_get_tactic (self->catalog, i)->id);
  g_ptr_array_add (ids, NULL);
  bw_string_list_replace (self->tactic_ids, (const char *const *) ids->pdata);
  update_unprotected (self);
}

/* Where a technique comes in its tactic's list, or -1 when it is not listed: gaps first, as
 * they are what the user came here for; with a threat profile, the techniques the chosen
 * adversaries use come before all others. */
static int
technique_rank (BwCoverageView    *self,
                const BwTechnique *technique,
                const char        *shortname)
{
  const BwReportTechnique *t = bw_report_get_technique (self->report, technique->index);
  int rank;

  if (!g_strv_contains ((const char *const *) technique->tactics, shortname))
    return -1;
  switch (t->status)
    {
    case BW_STATUS_GAP:
      rank = 0;
      break;
    case BW_STATUS_PARTIAL:
      rank = 1;
      break;
    case BW_STATUS_COVERED:
      rank = 2;
      break;
    case BW_STATUS_NOT_APPLICABLE:
    default:
      return -1;
    }
  if (bw_report_has_profile (self->report) &&
      !bw_report_in_profile (self->report, technique->index))
    rank += 3;
  return rank;
}

static void
rebuild_techniques (BwCoverageView *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  const BwTactic *tactic;

  if (self->report != NULL && self->catalog != NULL && self->tactic >= 0)
    {
      GPtrArray *ranked[6] = { NULL };

      tactic = bw_catalog_get_tactic (self->catalog, (guint) self->tactic);
      gtk_label_set_text (self->tactic_title, tactic->name);
      for (guint r = 0; r < G_N_ELEMENTS (ranked); r++)
        ranked[r] = g_ptr_array_new ();
      /* Within a rank, in catalog order. */
      for (guint i = 0; i < bw_catalog_get_n_techniques (self->catalog); i++)
        {
          const BwTechnique *technique = bw_catalog_get_technique (self->catalog, i);
          int rank = technique_rank (self, technique, tactic->shortname);

          if (rank >= 0)
            g_ptr_array_add (ranked[rank], technique->id);
        }
      for (guint r = 0; r < G_N_ELEMENTS (ranked); r++)
        g_ptr_array_extend_and_steal (ids, ranked[r]);
    }
  g_ptr_array_add (ids, NULL);
  bw_string_list_replace (self->technique_ids, (const char *const *) ids->pdata);
}

/* A new catalog closes the tactic shown and drops the picked technique; each report brings the
 * figures up to date. The project may announce its new catalog before or after the report
 * made with it, so the catalog is taken up here first either way. */
static void
follow_project (BwCoverageView *self)
{
  BwCatalog *catalog = self->project ? bw_project_get_catalog (self->project) : NULL;
  BwReport *report = self->project && catalog ? bw_project_get_report (self->project) : NULL;

  g_clear_pointer (&self->explainer, bw_explainer_free);
  if (catalog != self->catalog)
    {
      g_set_object (&self->catalog, catalog);
      bw_string_list_replace (self->tactic_ids, NULL);
      bw_coverage_view_show_tactics (self);
    }
  if (self->report != report)
    {
      g_clear_pointer (&self->report, bw_report_unref);
      self->report = report ? bw_report_ref (report) : NULL;
    }
  rebuild_tactics (self);
  rebuild_techniques (self);
  if (self->technique != NULL &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "technique") == 0 &&
      !bw_technique_page_show (self->page, self->project, self->technique))
    bw_coverage_view_show_tactics (self);
}

static void
project_notify_cb (BwCoverageView *self,
                   GParamSpec     *pspec,
                   BwProject      *project)
{
  follow_project (self);
}

static void
show_progress (BwCoverageView *self,
               gboolean        shown)
{
  gtk_spinner_set_spinning (self->spinner, shown);
  gtk_stack_set_visible_child_name (self->progress_stack, shown ? "computing" : "figures");
}

static gboolean
progress_timeout_cb (gpointer user_data)
{
  BwCoverageView *self = user_data;

  self->progress_source = 0;
  show_progress (self, TRUE);
  return G_SOURCE_REMOVE;
}

/* The figures shown while a file loads are those of the document it replaces: a spinner takes
 * their place until the new report lands with its document, but only once the load has run a
 * moment, so that a small project opens without a flash. */
static void
follow_loading (BwCoverageView *self)
{
  gboolean loading = self->project != NULL && bw_project_get_loading (self->project);

  if (!loading)
    {
      g_clear_handle_id (&self->progress_source, g_source_remove);
      show_progress (self, FALSE);
    }
  else if (self->progress_source == 0 && !bw_coverage_view_is_computing (self))
    {
      if (self->progress_delay == 0)
        show_progress (self, TRUE);
      else
        self->progress_source = g_timeout_add (self->progress_delay, progress_timeout_cb, self);
    }
}

static void
project_loading_cb (BwCoverageView *self,
                    GParamSpec     *pspec,
                    BwProject      *project)
{
  follow_loading (self);
}

/* Another document: back to the tactics, nothing picked. */
static void
project_document_cb (BwCoverageView *self,
                     GParamSpec     *pspec,
                     BwProject      *project)
{
  bw_coverage_view_show_tactics (self);
}

BwProject *
bw_coverage_view_get_project (BwCoverageView *self)
{
  g_return_val_if_fail (BW_IS_COVERAGE_VIEW (self), NULL);

  return self->project;
}

void
bw_coverage_view_set_project (BwCoverageView *self,
                              BwProject      *project)
{
  g_return_if_fail (BW_IS_COVERAGE_VIEW (self));
  g_return_if_fail (project == NULL || BW_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;
  g_signal_group_set_target (self->project_signals, project);
  follow_project (self);
  follow_loading (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

gboolean
bw_coverage_view_is_computing (BwCoverageView *self)
{
  g_return_val_if_fail (BW_IS_COVERAGE_VIEW (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->progress_stack), "computing") == 0;
}

void
bw_coverage_view_set_progress_delay (BwCoverageView *self,
                                     guint           delay_ms)
{
  g_return_if_fail (BW_IS_COVERAGE_VIEW (self));

  self->progress_delay = delay_ms;
}

void
bw_coverage_view_show_tactic (BwCoverageView *self,
                              guint           tactic_index)
{
  g_return_if_fail (BW_IS_COVERAGE_VIEW (self));

  self->tactic = (int) tactic_index;
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  rebuild_techniques (self);
  gtk_stack_set_visible_child_name (self->stack, "techniques");
}

void
bw_coverage_view_show_tactics (BwCoverageView *self)
{
  g_return_if_fail (BW_IS_COVERAGE_VIEW (self));

  self->tactic = -1;
  gtk_stack_set_visible_child_name (self->stack, "tactics");
  if (self->technique != NULL)
    {
      g_clear_pointer (&self->technique, g_free);
      g_signal_emit (self, signals[TECHNIQUE_ACTIVATED], 0, NULL);
    }
}

gboolean
bw_coverage_view_open_tactic (BwCoverageView *self,
                              const char     *tactic_id)
{
  g_return_val_if_fail (BW_IS_COVERAGE_VIEW (self), FALSE);
  g_return_val_if_fail (tactic_id != NULL, FALSE);

  if (self->catalog == NULL)
    return FALSE;
  for (guint i = 0; i < bw_catalog_get_n_tactics (self->catalog); i++)
    if (g_str_equal (bw_catalog_get_tactic (self->catalog, i)->id, tactic_id))
      {
        bw_coverage_view_show_tactic (self, i);
        return TRUE;
      }
  return FALSE;
}

gboolean
bw_coverage_view_open_phase (BwCoverageView *self,
                             const char     *phase_id)
{
  const BwPhase *phase = NULL;
  int best = -1;
  double best_ratio = 2;

  g_return_val_if_fail (BW_IS_COVERAGE_VIEW (self), FALSE);
  g_return_val_if_fail (phase_id != NULL, FALSE);

  if (self->catalog == NULL || self->report == NULL)
    return FALSE;
  for (guint i = 0; i < bw_catalog_get_n_phases (self->catalog) && phase == NULL; i++)
    if (g_str_equal (bw_catalog_get_phase (self->catalog, i)->id, phase_id))
      phase = bw_catalog_get_phase (self->catalog, i);
  if (phase == NULL)
    return FALSE;

  for (guint i = 0; i < bw_catalog_get_n_tactics (self->catalog); i++)
    {
      const BwTactic *tactic = bw_catalog_get_tactic (self->catalog, i);
      const BwReportFigures *f = bw_report_get_tactic (self->report, i);
      double ratio = f->applicable > 0 ? f->ratio : 1.5;

      if (g_strv_contains ((const char *const *) phase->tactics, tactic->shortname) &&
          ratio < best_ratio)
        {
          best = (int) i;
          best_ratio = ratio;
        }
    }
  if (best < 0)
    return FALSE;
  bw_coverage_view_show_tactic (self, best);
  return TRUE;
}

int
bw_coverage_view_get_tactic (BwCoverageView *self)
{
  g_return_val_if_fail (BW_IS_COVERAGE_VIEW (self), -1);

  return self->tactic;
}

const char *
bw_coverage_view_get_technique (BwCoverageView *self)
{
  g_return_val_if_fail (BW_IS_COVERAGE_VIEW (self), NULL);

  return self->technique;
}

static void
tactic_activated_cb (BwCoverageView *self,
                     GtkListBoxRow  *row,
                     GtkListBox     *list)
{
  bw_coverage_view_show_tactic (self, bw_tactic_row_get_index (BW_TACTIC_ROW (row)));
}

gboolean
bw_coverage_view_show_technique (BwCoverageView *self,
                                 const char     *technique_id)
{
  g_autofree char *id = g_strdup (technique_id);

  g_return_val_if_fail (BW_IS_COVERAGE_VIEW (self), FALSE);
  g_return_val_if_fail (technique_id != NULL, FALSE);

  if (self->project == NULL || !bw_technique_page_show (self->page, self->project, id))
    return FALSE;
  g_free (self->technique);
  self->technique = g_strdup (bw_technique_page_get_technique (self->page));
  gtk_stack_set_visible_child_name (self->stack, "technique");
  g_signal_emit (self, signals[TECHNIQUE_ACTIVATED], 0, self->technique);
  return TRUE;
}

static void
technique_activated_cb (BwCoverageView *self,
                        GtkListBoxRow  *row,
                        GtkListBox     *list)
{
  bw_coverage_view_show_technique (self, bw_technique_row_get_id (BW_TECHNIQUE_ROW (row)));
}

/* Back from a technique to the tactic it was opened from, or to all tactics. */
static void
page_back_cb (BwCoverageView *self)
{
  if (self->tactic >= 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "techniques");
      return;
    }
  bw_coverage_view_show_tactics (self);
}

static void
back_clicked_cb (BwCoverageView *self)
{
  bw_coverage_view_show_tactics (self);
}

static void
search_changed_cb (BwCoverageView *self,
                   GtkSearchEntry *entry)
{
  g_free (self->filter);
  self->filter = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);
  gtk_filter_changed (self->search_filter, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
bw_coverage_view_dispose (GObject *object)
{
  BwCoverageView *self = BW_COVERAGE_VIEW (object);

  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), BW_TYPE_COVERAGE_VIEW);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->project);
  g_clear_pointer (&self->explainer, bw_explainer_free);
  g_clear_object (&self->tactic_ids);
  g_clear_object (&self->technique_ids);
  g_clear_object (&self->search_filter);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->report, bw_report_unref);
  g_clear_pointer (&self->filter, g_free);
  g_clear_pointer (&self->technique, g_free);

  G_OBJECT_CLASS (bw_coverage_view_parent_class)->dispose (object);
}

static void
bw_coverage_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BwCoverageView *self = BW_COVERAGE_VIEW (object);

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
bw_coverage_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BwCoverageView *self = BW_COVERAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      bw_coverage_view_set_project (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_coverage_view_class_init (BwCoverageViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_coverage_view_dispose;
  g_type_ensure (BW_TYPE_TECHNIQUE_PAGE);
  object_class->get_property = bw_coverage_view_get_property;
  object_class->set_property = bw_coverage_view_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, BW_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[TECHNIQUE_ACTIVATED] = g_signal_new ("technique-activated", G_TYPE_FROM_CLASS (klass),
                                               G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                               G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bwcoverageview");

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/bw-coverage-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BwCoverageView, progress_stack);
  gtk_widget_class_bind_template_child (widget_class, BwCoverageView, spinner);
  gtk_widget_class_bind_template_child (widget_class, BwCoverageView, stack);
  gtk_widget_class_bind_template_child (widget_class, BwCoverageView, tactics);
  gtk_widget_class_bind_template_child (widget_class, BwCoverageView, techniques);
  gtk_widget_class_bind_template_child (widget_class, BwCoverageView, tactic_title);
  gtk_widget_class_bind_template_child (widget_class, BwCoverageView, search);
  gtk_widget_class_bind_template_child (widget_class, BwCoverageView, unprotected_row);
  gtk_widget_class_bind_template_child (widget_class, BwCoverageView, unprotected_label);
  gtk_widget_class_bind_template_child (widget_class, BwCoverageView, empty);
  gtk_widget_class_bind_template_child (widget_class, BwCoverageView, legend);
  gtk_widget_class_bind_template_callback (widget_class, tactic_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, technique_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, BwCoverageView, page);
  gtk_widget_class_bind_template_callback (widget_class, page_back_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
}

static void
bw_coverage_view_init (BwCoverageView *self)
{
  GtkFilterListModel *found;

  self->tactic = -1;
  self->progress_delay = 150;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->tactic_ids = gtk_string_list_new (NULL);
  gtk_list_box_bind_model (self->tactics, G_LIST_MODEL (self->tactic_ids), create_tactic_row,
                           self, NULL);

  self->technique_ids = gtk_string_list_new (NULL);
  self->search_filter = GTK_FILTER (gtk_custom_filter_new (matches_search, self, NULL));
  found = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->technique_ids)),
                                     g_object_ref (self->search_filter));
  gtk_list_box_bind_model (self->techniques, G_LIST_MODEL (found), create_technique_row, self,
                           NULL);
  g_object_unref (found);

  self->project_signals = g_signal_group_new (BW_TYPE_PROJECT);
  g_signal_group_connect_swapped (self->project_signals, "notify::document",
                                  G_CALLBACK (project_document_cb), self);
  g_signal_group_connect_swapped (self->project_signals, "notify::catalog",
                                  G_CALLBACK (project_notify_cb), self);
  g_signal_group_connect_swapped (self->project_signals, "notify::report",
                                  G_CALLBACK (project_notify_cb), self);
  g_signal_group_connect_swapped (self->project_signals, "notify::loading",
                                  G_CALLBACK (project_loading_cb), self);
}

GtkWidget *
bw_coverage_view_new (void)
{
  return g_object_new (BW_TYPE_COVERAGE_VIEW, NULL);
}
