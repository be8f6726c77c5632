/* bw-technique-row.c: a technique of the coverage panel (ui/bw-technique-row.ui). */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-widgets.h"

#include "bw-technique-row.h"

struct _BwTechniqueRow
{
  AdwActionRow  parent_instance;

  char         *id;

  GtkLabel     *status;
};

G_DEFINE_FINAL_TYPE (BwTechniqueRow, bw_technique_row, ADW_TYPE_ACTION_ROW)

/* A score as a row says it. */
static const char *
score_label (BwScore score)
{
  switch (score)
    {
    case BW_SCORE_SIGNIFICANT:
      return _("significant");
    case BW_SCORE_PARTIAL:
      return _("partial");
    case BW_SCORE_MINIMAL:
      return _("minimal");
    case BW_SCORE_NONE:
    default:
      return _("none");
    }
}

/* "Partial — covered on 13 of 14 assets; best significant; weakest: Windows server (none)": the
 * figures say what they mean, the levels are the strongest and the weakest asset's. */
static char *
range_text (const BwReportTechnique *figures,
            const BwExplainRange    *range)
{
  if (figures->applicable_assets == 0)
    /* TRANSLATORS: a technique's status, then why */
    return g_strdup_printf (_("%s — it applies to no asset"), bw_status_label (figures->status));
  if (range == NULL || range->weakest_label == NULL)
    return g_strdup_printf (_("%s — covered on %u of %u assets"), bw_status_label (figures->status),
                            figures->covered_assets, figures->applicable_assets);
  /* TRANSLATORS: status, covered assets, applicable assets, the best asset's score, the weakest
   * asset's label and its score, e.g. "Partial — covered on 13 of 14 assets; best significant;
   * weakest: Windows server (none)" */
  return g_strdup_printf (_("%s — covered on %u of %u assets; best %s; weakest: %s (%s)"),
                          bw_status_label (figures->status), figures->covered_assets,
                          figures->applicable_assets, score_label (range->best),
                          range->weakest_label, score_label (range->weakest));
}

static void
bw_technique_row_dispose (GObject *object)
{
  BwTechniqueRow *self = BW_TECHNIQUE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BW_TYPE_TECHNIQUE_ROW);
  g_clear_pointer (&self->id, g_free);

  G_OBJECT_CLASS (bw_technique_row_parent_class)->dispose (object);
}

static void
bw_technique_row_class_init (BwTechniqueRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bw_technique_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/bw-technique-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BwTechniqueRow, status);
}

static void
bw_technique_row_init (BwTechniqueRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bw_technique_row_new (const BwTechnique       *technique,
                      const BwReportTechnique *figures,
                      const BwExplainRange    *range,
                      gboolean                 in_profile)
{
  BwTechniqueRow *self = g_object_new (BW_TYPE_TECHNIQUE_ROW, NULL);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  self->id = g_strdup (technique->id);
  title = g_markup_printf_escaped ("<span font_features='tnum'>%s</span>  %s", technique->id,
                                   technique->name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  subtitle = range_text (figures, range);
  if (in_profile)
    {
      g_autofree char *plain = g_steal_pointer (&subtitle);

      subtitle = g_strdup_printf (_("Used by the threat profile · %s"), plain);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_label_set_text (self->status, bw_status_label (figures->status));
  gtk_widget_add_css_class (GTK_WIDGET (self->status), bw_status_css_class (figures->status));
  return GTK_WIDGET (self);
}

const char *
bw_technique_row_get_id (BwTechniqueRow *self)
{
  g_return_val_if_fail (BW_IS_TECHNIQUE_ROW (self), NULL);

  return self->id;
}
