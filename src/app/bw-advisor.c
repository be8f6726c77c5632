/* bw-advisor.c: the Advisor panel, built from ui/bw-advisor.ui. Its figures — the tiers and the
 * recommendations, each an engine run or many — are worked out in a worker thread on one copy
 * of the document (bw-advice), a moment after the last edit, and shown only if the document
 * has not changed since. The profile line and the attack paths read the engine's report in
 * place. The widgets are built when the panel first shows: the lists' items are kept until
 * then, and the rest is read from the document as it is. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-advice.h"
#include "bw-advisor.h"
#include "bw-application.h"
#include "bw-advisor-item.h"
#include "bw-document-io.h"
#include "bw-paths.h"
#include "bw-threat-groups-dialog.h"

#define RECOMMENDATIONS 5
#define REFRESH_DELAY_MS 300

struct _BwAdvisor
{
  GtkWidget            parent_instance;

  BwProject           *project;
  GSignalGroup        *project_signals;
  GSignalGroup        *document_signals;
  BwHistory           *history;      /* the project's, as last taken up */
  BwDocument          *document;
  BwCatalog           *catalog;
  BwReport            *report;
  char                *entry;

  gboolean             built;         /* the template's widgets are there (ensure_built) */
  gboolean             tiers_shown;   /* some figures came in: the tiers' source is said */

  /* Template */
  GtkWidget           *page;
  AdwPreferencesGroup *profile_group;
  AdwActionRow        *profile_row;
  GtkWidget           *profile_clear;
  AdwComboRow         *licence_row;
  GtkListBox          *tiers;
  GtkListBox          *recommendations;
  GtkListBox          *paths;
  AdwPreferencesGroup *paths_group;
  GtkToggleButton     *show_paths;

  GListStore          *tier_items;           /* BwAdvisorItem */
  GListStore          *recommendation_items;
  GListStore          *path_items;

  GPtrArray           *recs;        /* BwRecommendation, as listed */
  GCancellable        *cancellable; /* of the figures being worked out */
  guint64              generation;  /* counts the document's changes */
  guint64              run_generation; /* the one the figures under way are for */
  BwDocument          *copy;        /* of the document as loaded, made on the load's thread */
  guint64              copy_generation;
  guint                run;         /* numbers the runs: only the latest one's figures count */
  guint                refresh_id;
  gboolean             busy;
  gboolean             syncing;
  guint                n_paths;
};

G_DEFINE_FINAL_TYPE (BwAdvisor, bw_advisor, GTK_TYPE_WIDGET)

enum
{
  ERROR,
  SHOW_PATHS,
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

static const char *const licences[] = { NULL, "E3", "E5" };

/* Group descriptions are markup: what we show there is plain text. */
static void
set_description (AdwPreferencesGroup *group,
                 const char          *text)
{
  g_autofree char *escaped = text ? g_markup_escape_text (text, -1) : NULL;

  adw_preferences_group_set_description (group, escaped);
}

/* One items-changed for the whole list: its rows are rebuilt once. Steals the items. */
static void
replace_items (GListStore *store,
               GPtrArray  *items)
{
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), items->pdata,
                       items->len);
}

static void
show_note (GListStore *store,
           const char *title,
           const char *subtitle)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (items, bw_advisor_item_new (BW_ADVISOR_ITEM_NOTE, title, subtitle, NULL, 0));
  replace_items (store, items);
}

static void
apply_clicked_cb (GtkButton *button,
                  BwAdvisor *self)
{
  g_autoptr(GError) error = NULL;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "bw-index"));

  if (!bw_advisor_apply (self, index, &error))
    g_signal_emit (self, signals[ERROR], 0, error->message);
}

static GtkWidget *
apply_button (BwAdvisor *self,
              guint      index)
{
  GtkWidget *apply = gtk_button_new_with_label (_("Apply"));

  gtk_widget_set_valign (apply, GTK_ALIGN_CENTER);
  /* Only the first applies as listed: the later ones assume the earlier are in place. */
  if (index == 0)
    gtk_widget_add_css_class (apply, "suggested-action");
  gtk_widget_set_sensitive (apply, index == 0);
  gtk_widget_set_tooltip_text (apply, index == 0 ? _("Add it to the diagram (can be undone)")
                                                 : _("Apply the ones above first"));
  g_object_set_data (G_OBJECT (apply), "bw-index", GUINT_TO_POINTER (index));
  g_signal_connect_object (apply, "clicked", G_CALLBACK (apply_clicked_cb), self, 0);
  return apply;
}

static GtkWidget *
create_row (gpointer item,
            gpointer data)
{
  BwAdvisor *self = data;
  BwAdvisorItem *it = item;
  GtkWidget *row = adw_action_row_new ();
  BwAdvisorItemKind kind = bw_advisor_item_get_kind (it);
  GtkWidget *figure;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bw_advisor_item_get_title (it));
  if (bw_advisor_item_get_subtitle (it) != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), bw_advisor_item_get_subtitle (it));
  switch (kind)
    {
    case BW_ADVISOR_ITEM_NOTE:
      gtk_widget_add_css_class (row, "dim-label");
      break;
    case BW_ADVISOR_ITEM_FIGURE:
    case BW_ADVISOR_ITEM_TOTAL:
      figure = gtk_label_new (bw_advisor_item_get_figure (it));
      gtk_widget_add_css_class (figure, "numeric");
      if (kind == BW_ADVISOR_ITEM_TOTAL)
        gtk_widget_add_css_class (figure, "heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), figure);
      break;
    case BW_ADVISOR_ITEM_RECOMMENDATION:
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 apply_button (self, bw_advisor_item_get_index (it)));
      break;
    case BW_ADVISOR_ITEM_PATH:
    default:
      break;
    }
  return row;
}

/* Threat profile */

static void
update_profile (BwAdvisor *self)
{
  const char *const *groups = bw_document_get_threat_groups (self->document);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *subtitle = NULL;

  if (!self->built)
    return;
  for (guint i = 0; groups[i] != NULL; i++)
    {
      const BwGroup *g = bw_catalog_lookup_group (self->catalog, groups[i]);

      g_string_append_printf (names, "%s%s", i ? ", " : "", g != NULL ? g->name : groups[i]);
    }
  if (groups[0] == NULL)
    subtitle = g_strdup (_("None: the figures cover every technique"));
  else if (self->report != NULL && bw_report_has_profile (self->report))
    {
      const BwReportFigures *p = bw_report_get_profile_summary (self->report);

      subtitle = g_strdup_printf (_("%s · %.0f%% of the techniques they use covered, %u gaps"),
                                  names->str, p->ratio * 100, p->gap);
    }
  else
    subtitle = g_strdup (names->str);
  adw_action_row_set_subtitle (self->profile_row, subtitle);
  gtk_widget_set_visible (self->profile_clear, groups[0] != NULL);
}

static void
groups_apply_cb (BwAdvisor  *self,
                 char      **ids)
{
  g_autoptr(GError) error = NULL;

  if (self->history != NULL &&
      !bw_history_set_threat_groups (self->history, (const char *const *) ids, &error))
    g_signal_emit (self, signals[ERROR], 0, error->message);
}

static void
choose_groups_cb (BwAdvisor *self)
{
  BwThreatGroupsDialog *dialog;

  if (self->document == NULL || self->catalog == NULL)
    return;
  dialog = bw_threat_groups_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                        self->catalog,
                                        bw_document_get_threat_groups (self->document));
  g_signal_connect_object (dialog, "apply", G_CALLBACK (groups_apply_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
clear_profile_cb (BwAdvisor *self)
{
  g_autoptr(GError) error = NULL;

  if (self->history != NULL && !bw_history_set_threat_groups (self->history, NULL, &error))
    g_signal_emit (self, signals[ERROR], 0, error->message);
}

/* Licence tiers */

static void
sync_licence (BwAdvisor *self)
{
  const char *licence = bw_document_get_licence (self->document);

  if (!self->built)
    return;
  self->syncing = TRUE;
  adw_combo_row_set_selected (self->licence_row, licence == NULL ? 0 : g_str_equal (licence, "E3") ? 1 : 2);
  self->syncing = FALSE;
}

/* Whose tiers these are: CTID's tags, with the mapping linked (the description is markup). */
static void
show_tier_source (BwAdvisor *self)
{
  GtkWidget *group = NULL;
  g_autofree char *note = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *text = NULL;

  if (!self->built || !self->tiers_shown ||
      (group = gtk_widget_get_ancestor (GTK_WIDGET (self->tiers),
                                        ADW_TYPE_PREFERENCES_GROUP)) == NULL)
    return;
  note = bw_tiers_describe_source (self->document);
  escaped = g_markup_escape_text (note, -1);
  text = g_strdup_printf ("%s %s <a href=\"%s\">%s</a>",
                          _("Capabilities above the tier count as switched off."), escaped,
                          BW_TIERS_SOURCE_URL, _("Mappings Explorer"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), text);
}

/* What E5 adds over E3, per tactic, for this estate. */
static void
show_tiers (BwAdvisor     *self,
            const BwTiers *tiers)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i <= tiers->n_tactics; i++)
    {
      gboolean all = i == tiers->n_tactics;
      const BwReportFigures *e3 = all ? &tiers->summary[BW_TIER_E3]
                                      : &tiers->tactics[BW_TIER_E3][i];
      const BwReportFigures *e5 = all ? &tiers->summary[BW_TIER_E5]
                                      : &tiers->tactics[BW_TIER_E5][i];
      g_autofree char *text = NULL;

      if (!all && !bw_tiers_tactic_differs (tiers, i))
        continue;
      text = g_strdup_printf (_("E3 %.1f%% → E5 %.1f%%"), e3->ratio * 100, e5->ratio * 100);
      g_ptr_array_add (items,
                       bw_advisor_item_new (all ? BW_ADVISOR_ITEM_TOTAL : BW_ADVISOR_ITEM_FIGURE,
                                            all ? _("All tactics")
                                                : bw_catalog_get_tactic (self->catalog, i)->name,
                                            NULL, text, 0));
    }
  replace_items (self->tier_items, items);
  self->tiers_shown = TRUE;
  show_tier_source (self);
}

static void
licence_selected_cb (BwAdvisor *self)
{
  guint selected = adw_combo_row_get_selected (self->licence_row);
  g_autoptr(GError) error = NULL;

  if (self->syncing || self->history == NULL || selected >= G_N_ELEMENTS (licences))
    return;
  if (!bw_history_set_licence (self->history, licences[selected], &error))
    g_signal_emit (self, signals[ERROR], 0, error->message);
}

/* Recommendations */

static void
show_recommendations (BwAdvisor *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->recs != NULL && self->recs->len == 0)
    g_ptr_array_add (items, bw_advisor_item_new (BW_ADVISOR_ITEM_NOTE, _("Nothing to add"),
                                                 _("No single service or telemetry link from the catalog raises the ratio"),
                                                 NULL, 0));
  for (guint i = 0; self->recs != NULL && i < self->recs->len; i++)
    {
      const BwRecommendation *r = g_ptr_array_index (self->recs, i);
      const BwStencil *s = bw_catalog_lookup_stencil (self->catalog, r->stencil);
      const char *target = bw_document_get_label (self->document, r->target);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      g_autofree char *raises = r->techniques && r->techniques[0]
                                  ? g_strjoinv (", ", r->techniques) : NULL;

      if (r->action == BW_RECOMMEND_TELEMETRY)
        {
          title = g_strdup_printf (_("Send telemetry to %s"), s->name);
          subtitle = g_strdup_printf (_("From “%s” · +%.2f points → %.1f%%"), target, r->gain * 100,
                                      r->ratio_after * 100);
        }
      else if (r->action == BW_RECOMMEND_CONNECT)
        {
          /* Nothing new to buy: the service is drawn, it only has to reach the target. */
          title = g_strdup_printf (_("Connect “%s”"), bw_document_get_label (self->document, r->from));
          subtitle = g_strdup_printf (_("To protect “%s” · +%.2f points → %.1f%%"), target,
                                      r->gain * 100, r->ratio_after * 100);
        }
      else
        {
          title = g_strdup_printf (_("Add %s"), s->name);
          subtitle = g_strdup_printf (_("Protecting “%s” · +%.2f points → %.1f%%"), target,
                                      r->gain * 100, r->ratio_after * 100);
        }
      if (raises != NULL)
        {
          g_autofree char *plain = g_steal_pointer (&subtitle);

          subtitle = g_strdup_printf (_("%s · raises %s"), plain, raises);
        }
      g_ptr_array_add (items, bw_advisor_item_new (BW_ADVISOR_ITEM_RECOMMENDATION, title, subtitle,
                                                   NULL, i));
    }
  replace_items (self->recommendation_items, items);
}

/* The figures, worked out off the main thread */

/* What the computation freed goes back to the system once the window's application is idle. */
static void
release_memory_later (BwAdvisor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root))
                                             : NULL;

  if (BW_IS_APPLICATION (app))
    bw_application_release_memory_later (BW_APPLICATION (app));
}

static void
figures_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  BwAdvisor *self = BW_ADVISOR (source);
  g_autoptr(BwAdvice) advice = bw_advice_compute_finish (result, NULL);

  if (GPOINTER_TO_UINT (data) != self->run)
    return; /* superseded by a newer run */
  self->busy = FALSE;
  /* The document changed meanwhile: these are another document's figures. The change
   * scheduled a refresh. */
  if (advice == NULL || self->run_generation != self->generation)
    return;
  g_clear_pointer (&self->recs, g_ptr_array_unref);
  self->recs = g_steal_pointer (&advice->recommendations);
  show_recommendations (self);
  show_tiers (self, advice->tiers);
  release_memory_later (self);
}

static void
start_figures (BwAdvisor *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->busy = TRUE;
  self->run++;
  self->run_generation = self->generation;

  show_note (self->recommendation_items, _("Working out what helps most…"), NULL);
  /* The first figures of a document loaded in the background use the copy made there: no
   * copy of 100,000 nodes on the main thread. */
  if (self->copy != NULL && self->copy_generation == self->generation)
    bw_advice_compute_copy_async (self, self->catalog, g_steal_pointer (&self->copy),
                                  RECOMMENDATIONS, self->cancellable, figures_done_cb,
                                  GUINT_TO_POINTER (self->run));
  else
    bw_advice_compute_async (self, self->catalog, self->document, RECOMMENDATIONS,
                             self->cancellable, figures_done_cb, GUINT_TO_POINTER (self->run));
  g_clear_object (&self->copy);
}

/* Attack paths */

static void
emit_show_paths (BwAdvisor  *self,
                 const char *entry,
                 GPtrArray  *paths)
{
  g_autoptr(GHashTable) reached = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) weakest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_hash_table_add (reached, g_strdup (entry));
  for (guint i = 0; i < paths->len; i++)
    {
      const BwAttackPath *p = g_ptr_array_index (paths, i);

      g_hash_table_add (reached, g_strdup (p->asset));
      g_hash_table_add (weakest, g_strdup (p->weakest));
    }
  g_signal_emit (self, signals[SHOW_PATHS], 0, reached, weakest);
}

static BwAdvisorItem *
path_item (BwAdvisor          *self,
           const BwAttackPath *p)
{
  g_autoptr(GString) hops = g_string_new (NULL);
  g_autoptr(GPtrArray) ids = bw_attack_path_get_hops (p);
  g_autofree char *subtitle = NULL;

  for (guint k = 1; k < ids->len; k++)
    g_string_append_printf (hops, "%s%s", k > 1 ? " → " : "",
                            bw_document_get_label (self->document, g_ptr_array_index (ids, k)));
  subtitle = g_strdup_printf (_("Weakest: “%s”, %.0f%% covered, %u gaps"),
                              bw_document_get_label (self->document, p->weakest),
                              p->weakest_ratio * 100, p->weakest_gaps);
  return bw_advisor_item_new (BW_ADVISOR_ITEM_PATH, hops->str, subtitle, NULL, 0);
}

static void
update_paths (BwAdvisor *self)
{
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  const BwNode *entry = self->entry ? bw_document_lookup_node (self->document, self->entry) : NULL;
  g_autofree char *description = NULL;

  self->n_paths = 0;
  if (entry != NULL && self->report != NULL)
    paths = bw_attack_paths (self->catalog, self->document, self->report, entry->id, NULL);
  if (self->built)
    gtk_widget_set_sensitive (GTK_WIDGET (self->show_paths), paths != NULL && paths->len > 0);
  if (paths == NULL)
    {
      replace_items (self->path_items, items);
      if (!self->built)
        return;
      set_description (self->paths_group,
                       _("Select an asset: the assets an intrusion there can reach along flow connections are listed here."));
      if (gtk_toggle_button_get_active (self->show_paths))
        gtk_toggle_button_set_active (self->show_paths, FALSE);
      return;
    }
  description = g_strdup_printf (_("From “%s”, along flow connections"), entry->label);
  if (self->built)
    set_description (self->paths_group, description);
  self->n_paths = paths->len;
  if (paths->len == 0)
    g_ptr_array_add (items, bw_advisor_item_new (BW_ADVISOR_ITEM_NOTE, _("No flow connection leads on from here"),
                                                 NULL, NULL, 0));
  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (items, path_item (self, g_ptr_array_index (paths, i)));
  replace_items (self->path_items, items);
  /* Not built, its toggle is still off. */
  if (self->built && gtk_toggle_button_get_active (self->show_paths))
    emit_show_paths (self, entry->id, paths);
}

static void
show_paths_toggled_cb (BwAdvisor *self)
{
  if (gtk_toggle_button_get_active (self->show_paths))
    {
      if (self->document != NULL && self->catalog != NULL)
        update_paths (self);
    }
  else
    g_signal_emit (self, signals[SHOW_PATHS], 0, NULL, NULL);
}

/* Refresh */

static void
refresh (BwAdvisor *self)
{
  if (self->document == NULL || self->catalog == NULL)
    return;
  update_profile (self);
  sync_licence (self);
  update_paths (self);
  start_figures (self);
}

static gboolean
refresh_timeout_cb (gpointer data)
{
  BwAdvisor *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (BwAdvisor *self)
{
  if (self->refresh_id != 0)
    g_source_remove (self->refresh_id);
  self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, refresh_timeout_cb, self);
}

/* Figures under way are for a document that no longer is: stop them, and work them out
 * again once the edits pause. */
static void
document_changed_cb (BwAdvisor *self)
{
  self->generation++;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  schedule_refresh (self);
}

/* Another document, history or catalog: no entry, no figures until they are worked out again.
 * The project may announce a new document after the report made for it, or before, so each
 * notification takes up the model first. */
static void
follow_model (BwAdvisor *self)
{
  BwDocument *document = self->project ? bw_project_get_document (self->project) : NULL;
  BwHistory *history = self->project ? bw_project_get_history (self->project) : NULL;
  BwCatalog *catalog = self->project ? bw_project_get_catalog (self->project) : NULL;

  if (document == self->document && history == self->history && catalog == self->catalog)
    return;
  g_set_object (&self->history, history);
  g_set_object (&self->document, document);
  g_set_object (&self->catalog, catalog);
  g_signal_group_set_target (self->document_signals, document);
  g_clear_pointer (&self->entry, g_free);
  g_clear_pointer (&self->recs, g_ptr_array_unref);
  g_clear_object (&self->copy);
  document_changed_cb (self);
  /* Good until the document changes. */
  if (self->project != NULL && document != NULL &&
      (self->copy = bw_project_take_prepared (self->project, "advisor", document)) != NULL)
    self->copy_generation = self->generation;
}

static void
follow_report (BwAdvisor *self)
{
  BwReport *report = self->project ? bw_project_get_report (self->project) : NULL;

  if (report != NULL)
    bw_report_ref (report);
  g_clear_pointer (&self->report, bw_report_unref);
  self->report = report;
  schedule_refresh (self);
}

static void
project_model_cb (BwAdvisor  *self,
                  GParamSpec *pspec,
                  BwProject  *project)
{
  follow_model (self);
}

static void
project_report_cb (BwAdvisor  *self,
                   GParamSpec *pspec,
                   BwProject  *project)
{
  follow_model (self);
  follow_report (self);
}

BwProject *
bw_advisor_get_project (BwAdvisor *self)
{
  g_return_val_if_fail (BW_IS_ADVISOR (self), NULL);

  return self->project;
}

static gpointer
copy_document (BwDocument *document,
               BwCatalog  *catalog,
               BwReport   *report)
{
  return bw_document_copy (document);
}

void
bw_advisor_set_project (BwAdvisor *self,
                        BwProject *project)
{
  g_return_if_fail (BW_IS_ADVISOR (self));
  g_return_if_fail (project == NULL || BW_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;
  /* Its own copy of a loaded document is made on the load's thread (100,000 nodes take the
   * main thread some 100 ms to copy). */
  if (project != NULL)
    bw_project_set_prepare_func (project, "advisor", copy_document, g_object_unref);
  g_signal_group_set_target (self->project_signals, project);
  follow_model (self);
  follow_report (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

void
bw_advisor_set_entry (BwAdvisor  *self,
                      const char *node_id)
{
  const BwNode *node = node_id && self->document ? bw_document_lookup_node (self->document, node_id)
                                                 : NULL;
  const BwStencil *s = node && self->catalog ? bw_catalog_lookup_stencil (self->catalog, node->kind)
                                             : NULL;

  g_return_if_fail (BW_IS_ADVISOR (self));

  if (s == NULL || s->role != BW_ROLE_ASSET)
    node_id = NULL;
  if (g_strcmp0 (self->entry, node_id) == 0)
    return;
  g_free (self->entry);
  self->entry = g_strdup (node_id);
  if (self->document != NULL && self->catalog != NULL)
    update_paths (self);
}

void
bw_advisor_refresh_now (BwAdvisor *self)
{
  /* Until the figures shown are the current document's: a change while they were worked out
   * schedules another run. */
  while (self->refresh_id != 0 || self->busy)
    {
      if (self->refresh_id != 0)
        {
          g_source_remove (self->refresh_id);
          self->refresh_id = 0;
          refresh (self);
        }
      else
        g_main_context_iteration (NULL, TRUE);
    }
}

guint
bw_advisor_get_n_recommendations (BwAdvisor *self)
{
  return self->recs != NULL ? self->recs->len : 0;
}

const BwRecommendation *
bw_advisor_get_recommendation (BwAdvisor *self,
                               guint      index)
{
  g_return_val_if_fail (self->recs != NULL && index < self->recs->len, NULL);
  return g_ptr_array_index (self->recs, index);
}

guint
bw_advisor_get_n_paths (BwAdvisor *self)
{
  return self->n_paths;
}

gboolean
bw_advisor_apply (BwAdvisor  *self,
                  guint       index,
                  GError    **error)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (self->recs != NULL && index < self->recs->len, FALSE);

  id = bw_recommend_apply_with_history (self->catalog, self->history,
                                        g_ptr_array_index (self->recs, index), error);
  return id != NULL;
}

static void
bw_advisor_dispose (GObject *object)
{
  BwAdvisor *self = BW_ADVISOR (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);
  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BW_TYPE_ADVISOR);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->project);
  g_clear_object (&self->tier_items);
  g_clear_object (&self->recommendation_items);
  g_clear_object (&self->path_items);
  g_clear_object (&self->history);
  g_clear_object (&self->document);
  g_clear_object (&self->copy);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->report, bw_report_unref);
  g_clear_pointer (&self->recs, g_ptr_array_unref);
  g_clear_pointer (&self->entry, g_free);

  G_OBJECT_CLASS (bw_advisor_parent_class)->dispose (object);
}

static void
bw_advisor_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BwAdvisor *self = BW_ADVISOR (object);

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
bw_advisor_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  BwAdvisor *self = BW_ADVISOR (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      bw_advisor_set_project (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void bw_advisor_map (GtkWidget *widget);

static void
bw_advisor_class_init (BwAdvisorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_advisor_dispose;
  object_class->get_property = bw_advisor_get_property;
  object_class->set_property = bw_advisor_set_property;
  widget_class->map = bw_advisor_map;
  signals[ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* (reached assets, weakest assets) as string sets, or (NULL, NULL) to clear. */
  signals[SHOW_PATHS] = g_signal_new ("show-paths", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                      NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_POINTER,
                                      G_TYPE_POINTER);
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, BW_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bwadvisor");

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/bw-advisor.ui");
  gtk_widget_class_bind_template_child (widget_class, BwAdvisor, page);
  gtk_widget_class_bind_template_child (widget_class, BwAdvisor, profile_group);
  gtk_widget_class_bind_template_child (widget_class, BwAdvisor, profile_row);
  gtk_widget_class_bind_template_child (widget_class, BwAdvisor, profile_clear);
  gtk_widget_class_bind_template_child (widget_class, BwAdvisor, licence_row);
  gtk_widget_class_bind_template_child (widget_class, BwAdvisor, tiers);
  gtk_widget_class_bind_template_child (widget_class, BwAdvisor, recommendations);
  gtk_widget_class_bind_template_child (widget_class, BwAdvisor, paths);
  gtk_widget_class_bind_template_child (widget_class, BwAdvisor, paths_group);
  gtk_widget_class_bind_template_child (widget_class, BwAdvisor, show_paths);
  gtk_widget_class_bind_template_callback (widget_class, clear_profile_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_groups_cb);
  gtk_widget_class_bind_template_callback (widget_class, licence_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_paths_toggled_cb);
}

static void
bind_list (BwAdvisor  *self,
           GtkListBox *list,
           GListStore *store)
{
  gtk_list_box_bind_model (list, G_LIST_MODEL (store), create_row, self, NULL);
}

/* The widgets, showing what the panel holds: built when it first shows. */
static void
ensure_built (BwAdvisor *self)
{
  if (self->built)
    return;
  self->built = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Set here, not in the template: the description is markup, and the text is plain. */
  set_description (self->profile_group,
                   _("Coverage against the ATT&CK groups you defend against: their techniques come first in the coverage view."));
  bind_list (self, self->tiers, self->tier_items);
  bind_list (self, self->recommendations, self->recommendation_items);
  bind_list (self, self->paths, self->path_items);
  if (self->document != NULL && self->catalog != NULL)
    {
      update_profile (self);
      sync_licence (self);
      update_paths (self);
      show_tier_source (self);
    }
}

static void
bw_advisor_map (GtkWidget *widget)
{
  ensure_built (BW_ADVISOR (widget));
  GTK_WIDGET_CLASS (bw_advisor_parent_class)->map (widget);
}

static void
bw_advisor_init (BwAdvisor *self)
{
  self->tier_items = g_list_store_new (BW_TYPE_ADVISOR_ITEM);
  self->recommendation_items = g_list_store_new (BW_TYPE_ADVISOR_ITEM);
  self->path_items = g_list_store_new (BW_TYPE_ADVISOR_ITEM);

  self->project_signals = g_signal_group_new (BW_TYPE_PROJECT);
  g_signal_group_connect_swapped (self->project_signals, "notify::document",
                                  G_CALLBACK (project_model_cb), self);
  g_signal_group_connect_swapped (self->project_signals, "notify::catalog",
                                  G_CALLBACK (project_model_cb), self);
  g_signal_group_connect_swapped (self->project_signals, "notify::report",
                                  G_CALLBACK (project_report_cb), self);
  self->document_signals = g_signal_group_new (BW_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "changed", G_CALLBACK (document_changed_cb), self);
}

GtkWidget *
bw_advisor_new (void)
{
  return g_object_new (BW_TYPE_ADVISOR, NULL);
}
