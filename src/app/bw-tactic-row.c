/* bw-tactic-row.c: a tactic of the coverage panel (ui/bw-tactic-row.ui). */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-tactic-row.h"

struct _BwTacticRow
{
  GtkListBoxRow  parent_instance;

  guint          index;

  GtkLabel      *name;
  GtkLabel      *percent;
  GtkLevelBar   *bar;
  GtkLabel      *counts;
  GtkLabel      *profile;
};

G_DEFINE_FINAL_TYPE (BwTacticRow, bw_tactic_row, GTK_TYPE_LIST_BOX_ROW)

static void
bw_tactic_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BW_TYPE_TACTIC_ROW);

  G_OBJECT_CLASS (bw_tactic_row_parent_class)->dispose (object);
}

static void
bw_tactic_row_class_init (BwTacticRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bw_tactic_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/bw-tactic-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BwTacticRow, name);
  gtk_widget_class_bind_template_child (widget_class, BwTacticRow, percent);
  gtk_widget_class_bind_template_child (widget_class, BwTacticRow, bar);
  gtk_widget_class_bind_template_child (widget_class, BwTacticRow, counts);
  gtk_widget_class_bind_template_child (widget_class, BwTacticRow, profile);
}

static void
bw_tactic_row_init (BwTacticRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Low below a quarter, high from three quarters; a full bar is no colour of its own. */
  gtk_level_bar_remove_offset_value (self->bar, GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_add_offset_value (self->bar, GTK_LEVEL_BAR_OFFSET_LOW, 0.25);
  gtk_level_bar_add_offset_value (self->bar, GTK_LEVEL_BAR_OFFSET_HIGH, 0.75);
}

GtkWidget *
bw_tactic_row_new (guint                  index,
                   const BwTactic        *tactic,
                   const BwReportFigures *figures,
                   const BwReportFigures *profile)
{
  BwTacticRow *self = g_object_new (BW_TYPE_TACTIC_ROW, NULL);

  self->index = index;
  gtk_label_set_text (self->name, tactic->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tactic->name, -1);
  bw_tactic_row_set_figures (self, figures, profile);
  return GTK_WIDGET (self);
}

void
bw_tactic_row_set_figures (BwTacticRow           *self,
                           const BwReportFigures *figures,
                           const BwReportFigures *profile)
{
  g_autofree char *percent = NULL;
  g_autofree char *counts = NULL;

  g_return_if_fail (BW_IS_TACTIC_ROW (self));

  if (figures->applicable > 0)
    percent = g_strdup_printf ("%.0f%%", figures->ratio * 100);
  else
    percent = g_strdup (_("n/a"));
  gtk_label_set_text (self->percent, percent);
  gtk_level_bar_set_value (self->bar, figures->applicable > 0 ? figures->ratio : 0);
  counts = g_strdup_printf (_("%u covered · %u partial · %u gaps · %u applicable"),
                            figures->covered, figures->partial, figures->gap, figures->applicable);
  gtk_label_set_text (self->counts, counts);

  if (profile != NULL)
    {
      g_autofree char *text = NULL;

      /* Rule 9 beside the overall figures: the same tactic against the chosen adversaries. */
      if (profile->applicable > 0)
        text = g_strdup_printf (_("Threat profile: %.0f%% · %u gaps of %u techniques they use"),
                                profile->ratio * 100, profile->gap, profile->applicable);
      else
        text = g_strdup (_("Threat profile: no technique they use applies here"));
      gtk_label_set_text (self->profile, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->profile), profile != NULL);
}

guint
bw_tactic_row_get_index (BwTacticRow *self)
{
  g_return_val_if_fail (BW_IS_TACTIC_ROW (self), 0);

  return self->index;
}
