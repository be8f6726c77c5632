/* bw-window-panels.c: the window's side panels — palette on the left; inspector and coverage
 * view on the right. Each follows the window's project; the window passes on what one of them
 * asks of another, and shows the summary of each report. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-advisor.h"
#include "bw-application.h"
#include "bw-coverage-view.h"
#include "bw-inspector.h"
#include "bw-palette.h"
#include "bw-window-private.h"

static void
palette_activated_cb (BwWindow   *self,
                      const char *kind,
                      BwPalette  *palette)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self->canvas));
  double h = gtk_widget_get_height (GTK_WIDGET (self->canvas));
  double x, y;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  /* Activated from the keyboard: place it in the middle of the view. */
  bw_canvas_widget_to_diagram (self->canvas, w / 2, h / 2 - BW_OVERLAY_HEIGHT / 2, &x, &y);
  id = bw_canvas_place_stencil (self->canvas, kind, x - BW_NODE_WIDTH / 2, y - BW_NODE_HEIGHT / 2,
                                &error);
  if (id == NULL)
    bw_window_toast (self, error->message);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

static void
panel_error_cb (BwWindow   *self,
                const char *message)
{
  bw_window_toast (self, message);
}

/* The one line over the panels: the whole estate's figures, or why there are none. */
static void
update_summary (BwWindow *self)
{
  BwReport *report = bw_project_get_report (self->project);
  const BwReportFigures *summary;
  g_autofree char *text = NULL;

  if (report == NULL || bw_project_get_catalog (self->project) == NULL)
    {
      const GError *error = bw_application_get_catalog_error (BW_APPLICATION (g_application_get_default ()));

      gtk_label_set_text (self->summary_label,
                          error ? error->message : _("The ATT&CK catalog could not be loaded"));
      return;
    }

  summary = bw_report_get_summary (report);
  text = g_strdup_printf (_("%.0f%% covered · %u of %u techniques covered, %u partial"),
                          summary->ratio * 100, summary->covered, summary->applicable,
                          summary->partial);
  gtk_label_set_text (self->summary_label, text);
}

static void
show_paths_cb (BwWindow   *self,
               GHashTable *reached,
               GHashTable *weakest)
{
  bw_canvas_set_highlight (self->canvas, reached, weakest);
}

static void
technique_activated_cb (BwWindow       *self,
                        const char     *technique_id,
                        BwCoverageView *view)
{
  g_autoptr(GHashTable) highlighted = NULL;
  g_autoptr(GHashTable) marked = NULL;
  BwEngine *engine = bw_project_get_engine (self->project);
  const BwTechnique *technique;

  if (technique_id == NULL || engine == NULL ||
      (technique = bw_catalog_lookup_technique (bw_project_get_catalog (self->project), technique_id)) == NULL)
    {
      bw_canvas_set_highlight (self->canvas, NULL, NULL);
      return;
    }

  highlighted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  marked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  bw_engine_explain_technique (engine, technique->index, highlighted, marked);
  bw_canvas_set_highlight (self->canvas, highlighted, marked);
}

void
bw_window_selection_changed (BwWindow *self)
{
  g_autoptr(GPtrArray) selection = bw_canvas_get_selection (self->canvas);

  bw_inspector_set_target (BW_INSPECTOR (self->inspector),
                           selection->len == 1 ? g_ptr_array_index (selection, 0) : NULL,
                           selection->len);
  bw_advisor_set_entry (BW_ADVISOR (self->advisor),
                        selection->len == 1 ? g_ptr_array_index (selection, 0) : NULL);
}

void
bw_window_panels_class_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (BW_TYPE_PALETTE);
  g_type_ensure (BW_TYPE_INSPECTOR);
  g_type_ensure (BW_TYPE_COVERAGE_VIEW);
  g_type_ensure (BW_TYPE_ADVISOR);
}

static void
follow_project (BwWindow  *self,
                GtkWidget *widget)
{
  g_object_bind_property (self, "project", widget, "project", G_BINDING_SYNC_CREATE);
}

static GtkWidget *
side_pages (BwWindow *self)
{
  GtkWidget *stack = adw_view_stack_new ();
  AdwViewStackPage *page;

  self->coverage = bw_coverage_view_new ();
  follow_project (self, self->coverage);
  g_signal_connect_object (self->coverage, "technique-activated",
                           G_CALLBACK (technique_activated_cb), self, G_CONNECT_SWAPPED);
  page = adw_view_stack_add_titled (ADW_VIEW_STACK (stack), self->coverage, "coverage",
                                    _("Coverage"));
  adw_view_stack_page_set_icon_name (page, "security-high-symbolic");

  self->inspector = bw_inspector_new ();
  follow_project (self, self->inspector);
  g_signal_connect_object (self->inspector, "error", G_CALLBACK (panel_error_cb), self,
                           G_CONNECT_SWAPPED);
  page = adw_view_stack_add_titled (ADW_VIEW_STACK (stack), self->inspector, "inspector",
                                    _("Inspector"));
  adw_view_stack_page_set_icon_name (page, "document-properties-symbolic");

  self->advisor = bw_advisor_new ();
  follow_project (self, self->advisor);
  g_signal_connect_object (self->advisor, "error", G_CALLBACK (panel_error_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->advisor, "show-paths", G_CALLBACK (show_paths_cb), self,
                           G_CONNECT_SWAPPED);
  page = adw_view_stack_add_titled (ADW_VIEW_STACK (stack), self->advisor, "advisor",
                                    _("Advisor"));
  adw_view_stack_page_set_icon_name (page, "starred-symbolic");

  /* The page the user last had open comes back next time. */
  g_settings_bind (self->settings, "sidebar-page", stack, "visible-child-name", G_SETTINGS_BIND_DEFAULT);
  gtk_widget_set_vexpand (stack, TRUE);
  return stack;
}

/* Builds the panels; they follow the project themselves, and the summary follows its reports. */
void
bw_window_panels_init (BwWindow *self)
{
  GtkWidget *stack;
  GtkWidget *switcher;
  GtkWidget *summary;

  self->palette = bw_palette_new ();
  follow_project (self, self->palette);
  gtk_widget_set_hexpand (self->palette, FALSE);
  gtk_widget_set_size_request (self->palette, 232, -1);
  gtk_box_append (self->palette_box, self->palette);
  g_signal_connect_object (self->palette, "stencil-activated", G_CALLBACK (palette_activated_cb),
                           self, G_CONNECT_SWAPPED);

  stack = side_pages (self);
  switcher = adw_view_switcher_new ();
  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_STACK (stack));
  adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_SWITCHER_POLICY_WIDE);
  gtk_widget_set_margin_top (switcher, 6);
  gtk_widget_set_margin_bottom (switcher, 6);
  gtk_widget_set_margin_start (switcher, 6);
  gtk_widget_set_margin_end (switcher, 6);

  summary = gtk_label_new (NULL);
  self->summary_label = GTK_LABEL (summary);
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_widget_add_css_class (summary, "dim-label");
  gtk_widget_add_css_class (summary, "caption");
  gtk_widget_set_margin_bottom (summary, 6);

  gtk_box_append (self->sidebar_box, switcher);
  gtk_box_append (self->sidebar_box, summary);
  gtk_box_append (self->sidebar_box, stack);
  /* Last: the canvas's selection goes to the panels. */
  follow_project (self, GTK_WIDGET (self->canvas));

  g_signal_group_connect_object (self->project_signals, "notify::report",
                                 G_CALLBACK (update_summary), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "notify::catalog",
                                 G_CALLBACK (update_summary), self, G_CONNECT_SWAPPED);
  update_summary (self);
}
