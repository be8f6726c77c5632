/* bw-window-matrix.c: Coverage Matrix (win.show-matrix), a window of its own beside the main
 * one since a matrix needs the width, and the technique pages that the matrix, the Coverage
 * panel and the Inspector open in the Coverage panel. A technique's page lights on the canvas
 * the services that cover it and marks every asset where it is not covered. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-coverage-view.h"
#include "bw-explain.h"
#include "bw-matrix-window.h"
#include "bw-window-private.h"

/* The covering services light up; the assets where the technique is not covered (partial or
 * gap there) are marked. */
void
bw_window_light_technique (BwWindow   *self,
                           const char *technique_id)
{
  g_autoptr(GHashTable) highlighted = NULL;
  g_autoptr(GHashTable) marked = NULL;
  g_autoptr(BwExplanation) explanation = NULL;
  BwCatalog *catalog = bw_project_get_catalog (self->project);

  if (technique_id != NULL && catalog != NULL)
    explanation = bw_explain (catalog, bw_project_get_document (self->project), technique_id,
                              NULL, NULL);
  if (explanation == NULL)
    {
      bw_canvas_set_highlight (self->canvas, NULL, NULL);
      return;
    }
  highlighted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  marked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < bw_explanation_get_n_assets (explanation); i++)
    {
      const BwExplainAsset *asset = bw_explanation_get_asset (explanation, i);

      if (asset->status != BW_STATUS_COVERED)
        g_hash_table_add (marked, g_strdup (asset->id));
      for (guint r = 0; r < asset->n_rows; r++)
        if (asset->rows[r].category != BW_CATEGORY_RESPOND && asset->rows[r].score > 0)
          g_hash_table_add (highlighted, g_strdup (asset->rows[r].service));
    }
  bw_canvas_set_highlight (self->canvas, highlighted, marked);
}

void
bw_window_show_technique (BwWindow   *self,
                          const char *technique_id)
{
  g_return_if_fail (BW_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->side_stack, "coverage");
  gtk_toggle_button_set_active (self->sidebar_button, TRUE);
  bw_coverage_view_show_technique (BW_COVERAGE_VIEW (self->coverage), technique_id);
}

/* The matrix shows the page itself; the main window lights the technique and opens it in
 * its Coverage panel too, for when the matrix is closed. */
static void
matrix_technique_cb (BwWindow       *self,
                     const char     *technique_id,
                     BwMatrixWindow *matrix)
{
  bw_window_show_technique (self, technique_id);
}

GtkWidget *
bw_window_show_matrix (BwWindow *self)
{
  g_return_val_if_fail (BW_IS_WINDOW (self), NULL);

  if (self->matrix == NULL)
    {
      self->matrix = GTK_WIDGET (bw_matrix_window_new (self->project));
      g_object_add_weak_pointer (G_OBJECT (self->matrix), (gpointer *) &self->matrix);
      gtk_window_set_transient_for (GTK_WINDOW (self->matrix), GTK_WINDOW (self));
      gtk_window_set_destroy_with_parent (GTK_WINDOW (self->matrix), TRUE);
      g_object_bind_property (self, "project", self->matrix, "project", G_BINDING_DEFAULT);
      g_signal_connect_object (self->matrix, "technique-activated",
                               G_CALLBACK (matrix_technique_cb), self, G_CONNECT_SWAPPED);
    }
  gtk_window_present (GTK_WINDOW (self->matrix));
  return self->matrix;
}

static void
show_matrix_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  bw_window_show_matrix (BW_WINDOW (widget));
}

static void
show_technique_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  bw_window_show_technique (BW_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

void
bw_window_matrix_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-technique", "s",
                                   show_technique_action);
  gtk_widget_class_install_action (widget_class, "win.show-matrix", NULL, show_matrix_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK,
                                       "win.show-matrix", NULL);
}
