/* bw-coverage-view.c: the coverage panel. A list of tactic bars; a click opens the tactic's
 * techniques (searchable, with status and protect/detect/respond scores); a click on a technique
 * asks the window to light its covering services and gap assets on the canvas. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-coverage-view.h"
#include "bw-widgets.h"

struct _BwCoverageView
{
  GtkWidget       parent_instance;

  BwDocument     *document;
  BwCatalog      *catalog;
  BwReport       *report;

  GtkStack       *stack;
  GtkListBox     *tactics;
  GtkListBox     *techniques;
  GtkLabel       *tactic_title;
  GtkSearchEntry *search;
  char           *filter;
  int             tactic;      /* shown tactic, or -1 */
  char           *technique;   /* picked technique id */
};

G_DEFINE_FINAL_TYPE (BwCoverageView, bw_coverage_view, GTK_TYPE_WIDGET)

enum
{
  TECHNIQUE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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
      return _("Not applicable");
    }
}

static const char *
status_class (BwStatus status)
{
  switch (status)
    {
    case BW_STATUS_COVERED:
      return "status-covered";
    case BW_STATUS_PARTIAL:
      return "status-partial";
    case BW_STATUS_GAP:
      return "status-gap";
    case BW_STATUS_NOT_APPLICABLE:
    default:
      return "dim-label";
    }
}

static GtkWidget *
tactic_row (BwCoverageView        *self,
            guint                  index,
            const BwTactic        *tactic,
            const BwReportFigures *f)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (tactic->name);
  GtkWidget *percent;
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);
  GtkWidget *counts;
  g_autofree char *percent_text = NULL;
  g_autofree char *counts_text = NULL;

  if (f->applicable > 0)
    percent_text = g_strdup_printf ("%.0f%%", f->ratio * 100);
  else
    percent_text = g_strdup (_("n/a"));
  percent = gtk_label_new (percent_text);
  counts_text = g_strdup_printf (_("%u covered · %u partial · %u gaps · %u applicable"),
                                 f->covered, f->partial, f->gap, f->applicable);
  counts = gtk_label_new (counts_text);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_widget_add_css_class (percent, "numeric");
  gtk_box_append (GTK_BOX (top), name);
  gtk_box_append (GTK_BOX (top), percent);

  gtk_level_bar_set_mode (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_MODE_CONTINUOUS);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_add_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW, 0.25);
  gtk_level_bar_add_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH, 0.75);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), f->applicable > 0 ? f->ratio : 0);
  gtk_widget_add_css_class (bar, "coverage-bar");

  gtk_label_set_xalign (GTK_LABEL (counts), 0);
  gtk_widget_add_css_class (counts, "caption");
  gtk_widget_add_css_class (counts, "dim-label");

  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), counts);
  if (bw_report_has_profile (self->report))
    {
      const BwReportFigures *p = bw_report_get_profile_tactic (self->report, index);
      g_autofree char *text = NULL;
      GtkWidget *profile;

      /* Rule 9 beside the overall figures: the same tactic against the chosen adversaries. */
      if (p->applicable > 0)
        text = g_strdup_printf (_("Threat profile: %.0f%% · %u gaps of %u techniques they use"),
                                p->ratio * 100, p->gap, p->applicable);
      else
        text = g_strdup (_("Threat profile: no technique they use applies here"));
      profile = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (profile), 0);
      gtk_label_set_wrap (GTK_LABEL (profile), TRUE);
      gtk_widget_add_css_class (profile, "caption");
      gtk_widget_add_css_class (profile, "accent");
      gtk_box_append (GTK_BOX (box), profile);
    }
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "bw-index", GUINT_TO_POINTER (index));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tactic->name, -1);
  return row;
}

static void
rebuild_tactics (BwCoverageView *self)
{
  bw_list_box_remove_all (self->tactics);
  if (self->report == NULL || self->catalog == NULL)
    return;
  for (guint i = 0; i < bw_catalog_get_n_tactics (self->catalog); i++)
    gtk_list_box_append (self->tactics, tactic_row (self, i, bw_catalog_get_tactic (self->catalog, i),
                                                    bw_report_get_tactic (self->report, i)));
}

static gboolean
technique_in_tactic (const BwTechnique *technique,
                     const char        *shortname)
{
  return g_strv_contains ((const char *const *) technique->tactics, shortname);
}

static GtkWidget *
technique_row (BwCoverageView          *self,
               const BwTechnique       *technique,
               const BwReportTechnique *t)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *status = gtk_label_new (status_label (t->status));
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;

  title = g_markup_printf_escaped ("<span font_features='tnum'>%s</span>  %s", technique->id,
                                   technique->name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  subtitle = g_strdup_printf (_("Protect %s · Detect %s · Respond %s · %u of %u assets covered"),
                              bw_score_to_string (t->protect), bw_score_to_string (t->detect),
                              bw_score_to_string (t->respond), t->covered_assets,
                              t->applicable_assets);
  if (bw_report_in_profile (self->report, technique->index))
    {
      g_autofree char *plain = g_steal_pointer (&subtitle);

      subtitle = g_strdup_printf (_("Used by the threat profile · %s"), plain);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (status, status_class (t->status));
  gtk_widget_add_css_class (status, "caption-heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "bw-technique", g_strdup (technique->id), g_free);
  return row;
}

static void
rebuild_techniques (BwCoverageView *self)
{
  const BwTactic *tactic;

  bw_list_box_remove_all (self->techniques);
  if (self->report == NULL || self->catalog == NULL || self->tactic < 0)
    return;

  tactic = bw_catalog_get_tactic (self->catalog, (guint) self->tactic);
  gtk_label_set_text (self->tactic_title, tactic->name);

  /* Gaps first: they are what the user came here for; with a threat profile, the techniques
   * the chosen adversaries use come before all others. */
  for (int pass = 0; pass < 6; pass++)
    {
      static const BwStatus order[] = { BW_STATUS_GAP, BW_STATUS_PARTIAL, BW_STATUS_COVERED };
      gboolean profile = bw_report_has_profile (self->report);

      if (!profile && pass >= 3)
        break;
      for (guint i = 0; i < bw_catalog_get_n_techniques (self->catalog); i++)
        {
          const BwTechnique *technique = bw_catalog_get_technique (self->catalog, i);
          const BwReportTechnique *t = bw_report_get_technique (self->report, i);

          if (t->status != order[pass % 3] || !technique_in_tactic (technique, tactic->shortname))
            continue;
          if (profile && bw_report_in_profile (self->report, i) != (pass < 3))
            continue;
          if (self->filter != NULL && *self->filter != '\0')
            {
              g_autofree char *name = g_utf8_casefold (technique->name, -1);
              g_autofree char *id = g_utf8_casefold (technique->id, -1);

              if (strstr (name, self->filter) == NULL && strstr (id, self->filter) == NULL)
                continue;
            }
          gtk_list_box_append (self->techniques, technique_row (self, technique, t));
        }
    }
}

void
bw_coverage_view_set_model (BwCoverageView *self,
                            BwDocument     *document,
                            BwCatalog      *catalog)
{
  g_set_object (&self->document, document);
  g_set_object (&self->catalog, catalog);
  g_clear_pointer (&self->technique, g_free);
  bw_coverage_view_show_tactics (self);
}

void
bw_coverage_view_set_report (BwCoverageView *self,
                             BwReport       *report)
{
  if (self->report != report)
    {
      g_clear_pointer (&self->report, bw_report_unref);
      self->report = report ? bw_report_ref (report) : NULL;
    }
  rebuild_tactics (self);
  rebuild_techniques (self);
}

void
bw_coverage_view_show_tactic (BwCoverageView *self,
                              guint           tactic_index)
{
  self->tactic = (int) tactic_index;
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  rebuild_techniques (self);
  gtk_stack_set_visible_child_name (self->stack, "techniques");
}

void
bw_coverage_view_show_tactics (BwCoverageView *self)
{
  self->tactic = -1;
  gtk_stack_set_visible_child_name (self->stack, "tactics");
  if (self->technique != NULL)
    {
      g_clear_pointer (&self->technique, g_free);
      g_signal_emit (self, signals[TECHNIQUE_ACTIVATED], 0, NULL);
    }
}

const char *
bw_coverage_view_get_technique (BwCoverageView *self)
{
  return self->technique;
}

static void
tactic_activated_cb (BwCoverageView *self,
                     GtkListBoxRow  *row,
                     GtkListBox     *list)
{
  bw_coverage_view_show_tactic (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "bw-index")));
}

static void
technique_activated_cb (BwCoverageView *self,
                        GtkListBoxRow  *row,
                        GtkListBox     *list)
{
  const char *id = g_object_get_data (G_OBJECT (row), "bw-technique");

  g_free (self->technique);
  self->technique = g_strdup (id);
  g_signal_emit (self, signals[TECHNIQUE_ACTIVATED], 0, id);
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
  rebuild_techniques (self);
}

static GtkWidget *
scrolled (GtkListBox *list)
{
  GtkWidget *sw = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (sw), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (sw), GTK_WIDGET (list));
  gtk_widget_set_vexpand (sw, TRUE);
  return sw;
}

static void
bw_coverage_view_dispose (GObject *object)
{
  BwCoverageView *self = BW_COVERAGE_VIEW (object);

  if (self->stack != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->stack));
      self->stack = NULL;
    }
  g_clear_object (&self->document);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->report, bw_report_unref);
  g_clear_pointer (&self->filter, g_free);
  g_clear_pointer (&self->technique, g_free);

  G_OBJECT_CLASS (bw_coverage_view_parent_class)->dispose (object);
}

static void
bw_coverage_view_class_init (BwCoverageViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_coverage_view_dispose;
  signals[TECHNIQUE_ACTIVATED] = g_signal_new ("technique-activated", G_TYPE_FROM_CLASS (klass),
                                               G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                               G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bwcoverageview");
}

static void
bw_coverage_view_init (BwCoverageView *self)
{
  GtkWidget *techniques_page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  GtkWidget *title = gtk_label_new (NULL);

  self->tactic = -1;
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT_RIGHT);
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));

  self->tactics = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->tactics, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->tactics), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->tactics), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Coverage by tactic"), -1);
  g_signal_connect_swapped (self->tactics, "row-activated", G_CALLBACK (tactic_activated_cb), self);
  gtk_stack_add_named (self->stack, scrolled (self->tactics), "tactics");

  gtk_widget_set_tooltip_text (back, _("All Tactics"));
  gtk_widget_add_css_class (back, "flat");
  g_signal_connect_swapped (back, "clicked", G_CALLBACK (back_clicked_cb), self);
  self->tactic_title = GTK_LABEL (title);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (header), back);
  gtk_box_append (GTK_BOX (header), title);
  gtk_widget_set_margin_start (header, 6);
  gtk_widget_set_margin_top (header, 6);

  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search, "placeholder-text", _("Search techniques"), NULL);
  gtk_widget_set_margin_start (GTK_WIDGET (self->search), 8);
  gtk_widget_set_margin_end (GTK_WIDGET (self->search), 8);
  gtk_widget_set_margin_top (GTK_WIDGET (self->search), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->search), 6);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (search_changed_cb), self);

  self->techniques = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->techniques, GTK_SELECTION_SINGLE);
  gtk_widget_add_css_class (GTK_WIDGET (self->techniques), "navigation-sidebar");
  g_signal_connect_swapped (self->techniques, "row-activated", G_CALLBACK (technique_activated_cb),
                            self);

  gtk_box_append (GTK_BOX (techniques_page), header);
  gtk_box_append (GTK_BOX (techniques_page), GTK_WIDGET (self->search));
  gtk_box_append (GTK_BOX (techniques_page), scrolled (self->techniques));
  gtk_stack_add_named (self->stack, techniques_page, "techniques");
}

GtkWidget *
bw_coverage_view_new (void)
{
  return g_object_new (BW_TYPE_COVERAGE_VIEW, NULL);
}
