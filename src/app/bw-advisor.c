/* bw-advisor.c: the Advisor panel. Recommendations run in a worker thread on a copy of the
 * document, a moment after the last edit; the rest is cheap enough to do in place. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-advisor.h"
#include "bw-widgets.h"
#include "bw-document-io.h"
#include "bw-engine.h"
#include "bw-paths.h"
#include "bw-recommend.h"
#include "bw-tiers.h"

#define RECOMMENDATIONS 5
#define REFRESH_DELAY_MS 300

struct _BwAdvisor
{
  GtkWidget     parent_instance;

  BwHistory    *history;
  BwDocument   *document;
  BwCatalog    *catalog;
  BwReport     *report;
  char         *entry;

  GtkWidget    *page;
  AdwActionRow *profile_row;
  GtkWidget    *profile_clear;
  AdwComboRow  *licence_row;
  GtkListBox   *tiers;
  GtkListBox   *recommendations;
  GtkListBox   *paths;
  AdwPreferencesGroup *paths_group;
  GtkWidget    *show_paths;

  GPtrArray    *recs;        /* BwRecommendation, as listed */
  GCancellable *cancellable;
  guint         refresh_id;
  gboolean      busy;
  gboolean      syncing;
  guint         n_paths;
};

G_DEFINE_FINAL_TYPE (BwAdvisor, bw_advisor, GTK_TYPE_WIDGET)

enum
{
  ERROR,
  SHOW_PATHS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *const licences[] = { NULL, "E3", "E5" };

static GtkListBox *
boxed_list (void)
{
  GtkListBox *list = GTK_LIST_BOX (gtk_list_box_new ());

  gtk_list_box_set_selection_mode (list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (list), "boxed-list");
  return list;
}

/* Group descriptions are markup: what we show there is plain text. */
static void
set_description (AdwPreferencesGroup *group,
                 const char          *text)
{
  g_autofree char *escaped = text ? g_markup_escape_text (text, -1) : NULL;

  adw_preferences_group_set_description (group, escaped);
}

static GtkWidget *
plain_row (void)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  return row;
}

static void
add_note (GtkListBox *list,
          const char *title,
          const char *subtitle)
{
  GtkWidget *row = plain_row ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_append (list, row);
}

/* Threat profile */

static void
update_profile (BwAdvisor *self)
{
  const char *const *groups = bw_document_get_threat_groups (self->document);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *subtitle = NULL;

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

static gboolean
group_filter (GtkListBoxRow *row,
              gpointer       data)
{
  GtkEditable *search = data;
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (search), -1);
  const char *haystack = g_object_get_data (G_OBJECT (row), "bw-search");

  return *needle == '\0' || strstr (haystack, needle) != NULL;
}

static void
group_search_changed_cb (GtkSearchEntry *entry,
                         GtkListBox     *list)
{
  gtk_list_box_invalidate_filter (list);
}

static void
groups_apply_cb (GtkWidget *button,
                 BwAdvisor *self)
{
  GtkWidget *dialog = gtk_widget_get_ancestor (button, GTK_TYPE_WINDOW);
  GtkListBox *list = g_object_get_data (G_OBJECT (dialog), "bw-list");
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "bw-check");

      if (check != NULL && gtk_check_button_get_active (check))
        g_ptr_array_add (ids, g_object_get_data (G_OBJECT (row), "bw-id"));
    }
  g_ptr_array_add (ids, NULL);
  if (!bw_history_set_threat_groups (self->history, (const char *const *) ids->pdata, &error))
    g_signal_emit (self, signals[ERROR], 0, error->message);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
choose_groups_cb (BwAdvisor *self)
{
  const char *const *chosen = bw_document_get_threat_groups (self->document);
  GtkWidget *dialog = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *apply = gtk_button_new_with_mnemonic (_("_Apply"));
  GtkWidget *search = gtk_search_entry_new ();
  GtkWidget *sw = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkListBox *list = boxed_list ();

  gtk_window_set_title (GTK_WINDOW (dialog), _("Threat Profile"));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 520, 640);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), apply);
  gtk_widget_add_css_class (apply, "suggested-action");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), dialog);
  g_signal_connect (apply, "clicked", G_CALLBACK (groups_apply_cb), self);
  gtk_window_set_default_widget (GTK_WINDOW (dialog), apply);

  g_object_set (search, "placeholder-text", _("Search groups by name, alias or id"), NULL);
  gtk_widget_set_margin_top (search, 12);
  gtk_widget_set_margin_start (search, 12);
  gtk_widget_set_margin_end (search, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("ATT&CK groups"), -1);

  for (guint i = 0; i < bw_catalog_get_n_groups (self->catalog); i++)
    {
      const BwGroup *g = bw_catalog_get_group (self->catalog, i);
      GtkWidget *row = plain_row ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *aliases = g_strjoinv (", ", g->aliases);
      g_autofree char *subtitle = NULL;
      g_autofree char *search_text = NULL;
      g_autofree char *folded = NULL;

      subtitle = *aliases ? g_strdup_printf (ngettext ("%s · %s · %u technique",
                                                       "%s · %s · %u techniques", g->n_techniques),
                                             g->id, aliases, g->n_techniques)
                          : g_strdup_printf (ngettext ("%s · %u technique", "%s · %u techniques",
                                                       g->n_techniques),
                                             g->id, g->n_techniques);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_strv_contains (chosen, g->id));
      search_text = g_strconcat (g->name, " ", g->id, " ", aliases, NULL);
      folded = g_utf8_casefold (search_text, -1);
      g_object_set_data_full (G_OBJECT (row), "bw-search", g_steal_pointer (&folded), g_free);
      g_object_set_data_full (G_OBJECT (row), "bw-id", g_strdup (g->id), g_free);
      g_object_set_data (G_OBJECT (row), "bw-check", check);
      gtk_list_box_append (list, row);
    }
  gtk_list_box_set_filter_func (list, group_filter, search, NULL);
  g_signal_connect (search, "search-changed", G_CALLBACK (group_search_changed_cb), list);

  gtk_widget_set_margin_top (GTK_WIDGET (list), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (list), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (list), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (list), 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (list));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (sw), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (sw), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (sw, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), search);
  gtk_box_append (GTK_BOX (box), sw);
  adw_window_set_content (ADW_WINDOW (dialog), box);
  g_object_set_data (G_OBJECT (dialog), "bw-list", list);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (search);
}

static void
clear_profile_cb (BwAdvisor *self)
{
  g_autoptr(GError) error = NULL;

  if (!bw_history_set_threat_groups (self->history, NULL, &error))
    g_signal_emit (self, signals[ERROR], 0, error->message);
}

/* Licence tiers */

static void
update_licence (BwAdvisor *self)
{
  const char *licence = bw_document_get_licence (self->document);
  g_autoptr(BwDocument) copy = NULL;
  g_autoptr(BwTiers) tiers = NULL;

  self->syncing = TRUE;
  adw_combo_row_set_selected (self->licence_row, licence == NULL ? 0 : g_str_equal (licence, "E3") ? 1 : 2);
  self->syncing = FALSE;

  /* What E5 adds over E3, per tactic, for this estate. */
  bw_list_box_remove_all (self->tiers);
  copy = bw_document_copy (self->document);
  tiers = bw_tiers_compute (self->catalog, copy);
  for (guint i = 0; i <= tiers->n_tactics; i++)
    {
      gboolean all = i == tiers->n_tactics;
      const BwReportFigures *e3 = all ? &tiers->summary[BW_TIER_E3] : &tiers->tactics[BW_TIER_E3][i];
      const BwReportFigures *e5 = all ? &tiers->summary[BW_TIER_E5] : &tiers->tactics[BW_TIER_E5][i];
      GtkWidget *row, *figures;
      g_autofree char *text = NULL;

      if (!all && !bw_tiers_tactic_differs (tiers, i))
        continue;
      row = plain_row ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     all ? _("All tactics") : bw_catalog_get_tactic (self->catalog, i)->name);
      text = g_strdup_printf (_("E3 %.1f%% → E5 %.1f%%"), e3->ratio * 100, e5->ratio * 100);
      figures = gtk_label_new (text);
      gtk_widget_add_css_class (figures, "numeric");
      if (all)
        gtk_widget_add_css_class (figures, "heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), figures);
      gtk_list_box_append (self->tiers, row);
    }
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
apply_clicked_cb (GtkButton *button,
                  BwAdvisor *self)
{
  g_autoptr(GError) error = NULL;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "bw-index"));

  if (!bw_advisor_apply (self, index, &error))
    g_signal_emit (self, signals[ERROR], 0, error->message);
}

static void
show_recommendations (BwAdvisor *self)
{
  bw_list_box_remove_all (self->recommendations);
  if (self->recs == NULL)
    return;
  if (self->recs->len == 0)
    add_note (self->recommendations, _("Nothing to add"),
              _("No single service or telemetry link from the catalog raises the ratio"));
  for (guint i = 0; i < self->recs->len; i++)
    {
      const BwRecommendation *r = g_ptr_array_index (self->recs, i);
      const BwStencil *s = bw_catalog_lookup_stencil (self->catalog, r->stencil);
      GtkWidget *row = plain_row ();
      GtkWidget *apply = gtk_button_new_with_label (_("Apply"));
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      if (r->action == BW_RECOMMEND_TELEMETRY)
        {
          title = g_strdup_printf (_("Send telemetry to %s"), s->name);
          subtitle = g_strdup_printf (_("From “%s” · +%.2f points → %.1f%%"),
                                      bw_document_get_label (self->document, r->target), r->gain * 100,
                                      r->ratio_after * 100);
        }
      else
        {
          title = g_strdup_printf (_("Add %s"), s->name);
          subtitle = g_strdup_printf (_("Protecting “%s” · +%.2f points → %.1f%%"),
                                      bw_document_get_label (self->document, r->target), r->gain * 100,
                                      r->ratio_after * 100);
        }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (apply, GTK_ALIGN_CENTER);
      /* Only the first applies as listed: the later ones assume the earlier are in place. */
      if (i == 0)
        gtk_widget_add_css_class (apply, "suggested-action");
      gtk_widget_set_sensitive (apply, i == 0);
      gtk_widget_set_tooltip_text (apply, i == 0 ? _("Add it to the diagram (can be undone)")
                                                 : _("Apply the ones above first"));
      g_object_set_data (G_OBJECT (apply), "bw-index", GUINT_TO_POINTER (i));
      g_signal_connect (apply, "clicked", G_CALLBACK (apply_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), apply);
      gtk_list_box_append (self->recommendations, row);
    }
}

static void
recommend_thread (GTask        *task,
                  gpointer      source,
                  gpointer      data,
                  GCancellable *cancellable)
{
  BwAdvisor *self = source;
  BwDocument *copy = data;

  g_task_return_pointer (task, bw_recommend (self->catalog, copy, RECOMMENDATIONS, NULL, cancellable),
                         (GDestroyNotify) g_ptr_array_unref);
}

static void
recommend_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  BwAdvisor *self = BW_ADVISOR (source);
  g_autoptr(GPtrArray) recs = g_task_propagate_pointer (G_TASK (result), NULL);

  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return; /* superseded by a newer run */
  self->busy = FALSE;
  g_clear_pointer (&self->recs, g_ptr_array_unref);
  self->recs = g_steal_pointer (&recs);
  show_recommendations (self);
}

static void
start_recommendations (BwAdvisor *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->busy = TRUE;

  bw_list_box_remove_all (self->recommendations);
  add_note (self->recommendations, _("Working out what helps most…"), NULL);
  task = g_task_new (self, self->cancellable, recommend_done_cb, NULL);
  g_task_set_task_data (task, bw_document_copy (self->document), g_object_unref);
  g_task_run_in_thread (task, recommend_thread);
}

/* Attack paths */

static void
update_paths (BwAdvisor *self)
{
  g_autoptr(GPtrArray) paths = NULL;
  const BwNode *entry = self->entry ? bw_document_lookup_node (self->document, self->entry) : NULL;
  g_autofree char *description = NULL;

  bw_list_box_remove_all (self->paths);
  self->n_paths = 0;
  if (entry != NULL && self->report != NULL)
    paths = bw_attack_paths (self->catalog, self->document, self->report, entry->id, NULL);
  gtk_widget_set_sensitive (self->show_paths, paths != NULL && paths->len > 0);
  if (paths == NULL)
    {
      set_description (self->paths_group,
                                             _("Select an asset: the assets an intrusion there can reach along flow connections are listed here."));
      if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->show_paths)))
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->show_paths), FALSE);
      return;
    }
  description = g_strdup_printf (_("From “%s”, along flow connections"), entry->label);
  set_description (self->paths_group, description);
  self->n_paths = paths->len;
  if (paths->len == 0)
    add_note (self->paths, _("No flow connection leads on from here"), NULL);
  for (guint i = 0; i < paths->len; i++)
    {
      const BwAttackPath *p = g_ptr_array_index (paths, i);
      GtkWidget *row = plain_row ();
      g_autoptr(GString) hops = g_string_new (NULL);
      g_autofree char *subtitle = NULL;
      g_autoptr(GPtrArray) ids = bw_attack_path_get_hops (p);

      for (guint k = 1; k < ids->len; k++)
        g_string_append_printf (hops, "%s%s", k > 1 ? " → " : "",
                                bw_document_get_label (self->document, g_ptr_array_index (ids, k)));
      subtitle = g_strdup_printf (_("Weakest: “%s”, %.0f%% covered, %u gaps"),
                                  bw_document_get_label (self->document, p->weakest), p->weakest_ratio * 100,
                                  p->weakest_gaps);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hops->str);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->paths, row);
    }
  if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->show_paths)))
    {
      g_autoptr(GHashTable) reached = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GHashTable) weakest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      g_hash_table_add (reached, g_strdup (entry->id));
      for (guint i = 0; i < paths->len; i++)
        {
          const BwAttackPath *p = g_ptr_array_index (paths, i);

          g_hash_table_add (reached, g_strdup (p->asset));
          g_hash_table_add (weakest, g_strdup (p->weakest));
        }
      g_signal_emit (self, signals[SHOW_PATHS], 0, reached, weakest);
    }
}

static void
show_paths_toggled_cb (BwAdvisor *self)
{
  if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->show_paths)))
    update_paths (self);
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
  update_licence (self);
  update_paths (self);
  start_recommendations (self);
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

void
bw_advisor_set_model (BwAdvisor *self,
                      BwHistory *history,
                      BwCatalog *catalog)
{
  g_return_if_fail (BW_IS_ADVISOR (self));

  g_set_object (&self->history, history);
  if (history != NULL)
    g_set_object (&self->document, bw_history_get_document (history));
  else
    g_clear_object (&self->document);
  g_set_object (&self->catalog, catalog);
  g_clear_pointer (&self->entry, g_free);
  g_clear_pointer (&self->recs, g_ptr_array_unref);
  schedule_refresh (self);
}

void
bw_advisor_set_report (BwAdvisor *self,
                       BwReport  *report)
{
  g_return_if_fail (BW_IS_ADVISOR (self));

  if (report != NULL)
    bw_report_ref (report);
  g_clear_pointer (&self->report, bw_report_unref);
  self->report = report;
  schedule_refresh (self);
}

void
bw_advisor_set_entry (BwAdvisor  *self,
                      const char *node_id)
{
  const BwNode *node = node_id && self->document ? bw_document_lookup_node (self->document, node_id) : NULL;
  const BwStencil *s = node && self->catalog ? bw_catalog_lookup_stencil (self->catalog, node->kind) : NULL;

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
  if (self->refresh_id != 0)
    {
      g_source_remove (self->refresh_id);
      self->refresh_id = 0;
      refresh (self);
    }
  while (self->busy)
    g_main_context_iteration (NULL, TRUE);
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

  if (self->refresh_id != 0)
    g_source_remove (self->refresh_id);
  self->refresh_id = 0;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->page != NULL)
    {
      gtk_widget_unparent (self->page);
      self->page = NULL;
    }
  g_clear_object (&self->history);
  g_clear_object (&self->document);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->report, bw_report_unref);
  g_clear_pointer (&self->recs, g_ptr_array_unref);
  g_clear_pointer (&self->entry, g_free);

  G_OBJECT_CLASS (bw_advisor_parent_class)->dispose (object);
}

static void
bw_advisor_class_init (BwAdvisorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_advisor_dispose;
  signals[ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* (reached assets, weakest assets) as string sets, or (NULL, NULL) to clear. */
  signals[SHOW_PATHS] = g_signal_new ("show-paths", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                      NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_POINTER, G_TYPE_POINTER);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bwadvisor");
}

static AdwPreferencesGroup *
group (BwAdvisor  *self,
       const char *title,
       const char *description)
{
  GtkWidget *g = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (g), title);
  set_description (ADW_PREFERENCES_GROUP (g), description);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (g));
  return ADW_PREFERENCES_GROUP (g);
}

static void
bw_advisor_init (BwAdvisor *self)
{
  AdwPreferencesGroup *g;
  GtkWidget *choose, *suffix;
  GtkStringList *tiers;
  GtkListBox *profile_list;

  self->page = adw_preferences_page_new ();
  gtk_widget_set_parent (self->page, GTK_WIDGET (self));

  /* Threat profile */
  g = group (self, _("Threat Profile"),
             _("Coverage against the ATT&CK groups you defend against: their techniques come first in the coverage view."));
  profile_list = boxed_list ();
  self->profile_row = ADW_ACTION_ROW (plain_row ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->profile_row), _("Groups"));
  suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->profile_clear = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  gtk_widget_set_tooltip_text (self->profile_clear, _("Clear the threat profile"));
  gtk_widget_add_css_class (self->profile_clear, "flat");
  gtk_widget_set_valign (self->profile_clear, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->profile_clear, "clicked", G_CALLBACK (clear_profile_cb), self);
  choose = gtk_button_new_with_mnemonic (_("_Choose…"));
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (choose, "clicked", G_CALLBACK (choose_groups_cb), self);
  gtk_box_append (GTK_BOX (suffix), self->profile_clear);
  gtk_box_append (GTK_BOX (suffix), choose);
  adw_action_row_add_suffix (self->profile_row, suffix);
  gtk_list_box_append (profile_list, GTK_WIDGET (self->profile_row));
  adw_preferences_group_add (g, GTK_WIDGET (profile_list));

  /* Recommendations */
  g = group (self, _("Recommendations"),
             _("The services that would raise the coverage ratio most (the threat profile's when one is set), each measured by the engine."));
  self->recommendations = boxed_list ();
  adw_preferences_group_add (g, GTK_WIDGET (self->recommendations));

  /* Licence */
  g = group (self, _("Microsoft 365 Licence"),
             _("Capabilities above the tier count as switched off."));
  self->licence_row = ADW_COMBO_ROW (adw_combo_row_new ());
  tiers = gtk_string_list_new ((const char *const[]) { _("Not set (all capabilities)"), "E3", "E5", NULL });
  adw_combo_row_set_model (self->licence_row, G_LIST_MODEL (tiers));
  g_object_unref (tiers);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->licence_row), _("Tier"));
  g_signal_connect_swapped (self->licence_row, "notify::selected", G_CALLBACK (licence_selected_cb), self);
  adw_preferences_group_add (g, GTK_WIDGET (self->licence_row));
  self->tiers = boxed_list ();
  gtk_widget_set_margin_top (GTK_WIDGET (self->tiers), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->tiers), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What E5 adds over E3"), -1);
  adw_preferences_group_add (g, GTK_WIDGET (self->tiers));

  /* Attack paths */
  self->paths_group = group (self, _("Attack Paths"), NULL);
  self->show_paths = gtk_toggle_button_new_with_mnemonic (_("_Show on Diagram"));
  gtk_widget_add_css_class (self->show_paths, "flat");
  gtk_widget_set_valign (self->show_paths, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->show_paths, "toggled", G_CALLBACK (show_paths_toggled_cb), self);
  adw_preferences_group_set_header_suffix (self->paths_group, self->show_paths);
  self->paths = boxed_list ();
  adw_preferences_group_add (self->paths_group, GTK_WIDGET (self->paths));
}

GtkWidget *
bw_advisor_new (void)
{
  return g_object_new (BW_TYPE_ADVISOR, NULL);
}
