/* bw-window-panels.c: what the window does with its side panels (ui/bw-window.ui) — the palette
 * on the left; the coverage view, inspector and advisor on the right. The panels and the canvas
 * follow the project themselves; the window passes on what one of them asks of another: a
 * stencil to place, a technique or attack paths to light on the canvas, an error to show. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-advisor.h"
#include "bw-application.h"
#include "bw-coverage-view.h"
#include "bw-inspector.h"
#include "bw-palette.h"
#include "bw-window-private.h"

/* Activated from the keyboard: placed in the middle of the view. */
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

  bw_canvas_widget_to_diagram (self->canvas, w / 2, h / 2 - BW_OVERLAY_HEIGHT / 2, &x, &y);
  id = bw_canvas_place_stencil_in_free_space (self->canvas, kind, x - BW_NODE_WIDTH / 2,
                                              y - BW_NODE_HEIGHT / 2, &error);
  if (id == NULL)
    bw_window_toast (self, error->message);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

/* A move put a zone into another: say so, with a way back. */
static void
zone_reparented_cb (BwWindow   *self,
                    const char *zone_id,
                    const char *parent_id,
                    BwCanvas   *canvas)
{
  BwDocument *document = bw_project_get_document (self->project);
  const BwZone *zone = bw_document_lookup_zone (document, zone_id);
  const BwZone *parent = bw_document_lookup_zone (document, parent_id);
  g_autofree char *message = NULL;
  g_autofree char *markup = NULL;
  AdwToast *toast;

  if (zone == NULL || parent == NULL)
    return;
  message = g_strdup_printf (_("“%s” is now inside “%s”"), zone->label, parent->label);
  /* A toast's title is markup. */
  markup = g_markup_escape_text (message, -1);
  toast = adw_toast_new (markup);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
panel_error_cb (BwWindow   *self,
                const char *message,
                GtkWidget  *panel)
{
  bw_window_toast (self, message);
}

static void
show_paths_cb (BwWindow   *self,
               GHashTable *reached,
               GHashTable *weakest,
               BwAdvisor  *advisor)
{
  bw_canvas_set_highlight (self->canvas, reached, weakest);
}

/* The Coverage panel's picked technique (NULL: none) is lit on the canvas. */
static void
technique_activated_cb (BwWindow       *self,
                        const char     *technique_id,
                        BwCoverageView *view)
{
  bw_window_light_technique (self, technique_id);
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
      const GError *error =
          bw_application_get_catalog_error (BW_APPLICATION (g_application_get_default ()));

      gtk_label_set_text (self->summary_label,
                          error ? error->message : _("The ATT&CK catalog could not be loaded"));
      return;
    }

  summary = bw_report_get_summary (report);
  if (summary->applicable == 0)
    {
      gtk_label_set_text (self->summary_label, _("No technique applies to this estate yet"));
      return;
    }
  text = g_strdup_printf (_("%.0f%% covered · %u of %u techniques covered, %u partial"),
                          summary->ratio * 100, summary->covered, summary->applicable,
                          summary->partial);
  gtk_label_set_text (self->summary_label, text);
}

/* A click on a cell of the canvas's coverage strip opens it in the Coverage page. */
static void
strip_tactic_activated_cb (BwWindow   *self,
                           const char *tactic_id)
{
  adw_view_stack_set_visible_child_name (self->side_stack, "coverage");
  bw_coverage_view_open_tactic (BW_COVERAGE_VIEW (self->coverage), tactic_id);
}

static void
strip_phase_activated_cb (BwWindow   *self,
                          const char *phase_id)
{
  adw_view_stack_set_visible_child_name (self->side_stack, "coverage");
  bw_coverage_view_open_phase (BW_COVERAGE_VIEW (self->coverage), phase_id);
}

void
bw_window_selection_changed (BwWindow *self)
{
  g_autoptr(GPtrArray) selection = bw_canvas_get_selection (self->canvas);
  const char *one = selection->len == 1 ? g_ptr_array_index (selection, 0) : NULL;

  bw_inspector_set_target (BW_INSPECTOR (self->inspector), one, selection->len);
  bw_advisor_set_entry (BW_ADVISOR (self->advisor), one);
  bw_window_keys_selection_changed (self, selection->len);
}

void
bw_window_panels_class_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (BW_TYPE_PALETTE);
  g_type_ensure (BW_TYPE_INSPECTOR);
  g_type_ensure (BW_TYPE_COVERAGE_VIEW);
  g_type_ensure (BW_TYPE_ADVISOR);

  gtk_widget_class_bind_template_child (widget_class, BwWindow, palette);
  gtk_widget_class_bind_template_child (widget_class, BwWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, BwWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, BwWindow, coverage);
  gtk_widget_class_bind_template_child (widget_class, BwWindow, inspector);
  gtk_widget_class_bind_template_child (widget_class, BwWindow, advisor);
  gtk_widget_class_bind_template_callback (widget_class, palette_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, panel_error_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_paths_cb);
  gtk_widget_class_bind_template_callback (widget_class, technique_activated_cb);
}

/* The page the user last had open comes back next time; the summary follows each report. */
void
bw_window_panels_init (BwWindow *self)
{
  g_signal_connect_object (self->canvas, "zone-reparented", G_CALLBACK (zone_reparented_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "tactic-activated",
                           G_CALLBACK (strip_tactic_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "phase-activated",
                           G_CALLBACK (strip_phase_activated_cb), self, G_CONNECT_SWAPPED);
  g_settings_bind (self->settings, "sidebar-page", self->side_stack, "visible-child-name",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_group_connect_object (self->project_signals, "notify::report",
                                 G_CALLBACK (update_summary), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "notify::catalog",
                                 G_CALLBACK (update_summary), self, G_CONNECT_SWAPPED);
  update_summary (self);
}
