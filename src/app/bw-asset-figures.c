/* bw-asset-figures.c: the Inspector's Coverage group for an asset. Its figures are the report's
 * (rule 8); the covering services and their rule come from bw_explain_asset_covers; the
 * weakest tactics are counted from the engine's bitsets for the asset, and a tactic's
 * techniques are made as rows only when it is unfolded. A technique row opens its page through
 * the window's win.show-technique action. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-asset-figures.h"
#include "bw-explain.h"

#define N_WEAKEST 5

struct _BwAssetFigures
{
  AdwPreferencesGroup  parent_instance;

  BwProject           *project;
  GSignalGroup        *project_signals;
  char                *asset;
  char                *summary;
  GPtrArray           *rows;     /* added to the group */
  GPtrArray           *covers;   /* rows under Covered By */
  GPtrArray           *tactics;  /* the weakest tactics' expander rows */
  AdwPreferencesGroup *weakest;  /* where they go: its own group, or this one */
};

enum
{
  PROP_0,
  PROP_WEAKEST_GROUP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BwAssetFigures, bw_asset_figures, ADW_TYPE_PREFERENCES_GROUP)

typedef struct
{
  guint  tactic;
  guint  applicable;
  guint  covered;
  guint  partial;
  double ratio;
} TacticFigures;

static gboolean
has_bit (const guint64 *bits,
         guint          t)
{
  return (bits[t / 64] >> (t % 64)) & 1;
}

static const char *
via_text (BwVia via)
{
  switch (via)
    {
    case BW_VIA_PROTECTS:
      return _("Protects it directly");
    case BW_VIA_ZONE:
      return _("Protects its zone");
    case BW_VIA_SIEM:
      return _("Its telemetry reaches this SIEM");
    case BW_VIA_DELIVERY:
    default:
      return _("Guards what flows into it (initial access only)");
    }
}

static AdwPreferencesGroup *
weakest_group (BwAssetFigures *self)
{
  return self->weakest ? self->weakest : ADW_PREFERENCES_GROUP (self);
}

static void
clear (BwAssetFigures *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->rows->pdata[i]);
  for (guint i = 0; i < self->tactics->len; i++)
    adw_preferences_group_remove (weakest_group (self), self->tactics->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->covers, 0);
  g_ptr_array_set_size (self->tactics, 0);
  g_clear_pointer (&self->summary, g_free);
}

static void
add_row (BwAssetFigures *self,
         GtkWidget      *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
}

static GtkWidget *
suffix_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

static void
show_summary (BwAssetFigures      *self,
              const BwReportAsset *figures)
{
  GtkWidget *row = adw_action_row_new ();
  double ratio = figures->applicable > 0
                   ? (figures->covered + 0.5 * figures->partial) / figures->applicable
                   : 0;
  g_autofree char *percent = g_strdup_printf ("%.0f%%", ratio * 100);

  /* TRANSLATORS: an asset's own figures: covered, partial, gaps, applicable techniques */
  self->summary = g_strdup_printf (_("%u covered · %u partial · %u gaps of %u techniques"),
                                   figures->covered, figures->partial, figures->gap,
                                   figures->applicable);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Techniques"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), self->summary);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix_label (percent));
  add_row (self, row);
  if (figures->applicable > 0 && figures->covered == 0 && figures->partial == 0)
    {
      GtkWidget *warning = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (warning), icon);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (warning), _("Unprotected"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (warning),
                                   _("No service covers any technique that applies to it"));
      add_row (self, warning);
    }
}

static void
show_covers (BwAssetFigures *self,
             BwCatalog      *catalog,
             BwDocument     *document)
{
  g_autoptr(GArray) covers = bw_explain_asset_covers (catalog, document, self->asset);
  GtkWidget *row;
  g_autofree char *count = NULL;

  if (covers == NULL || covers->len == 0)
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Covered By"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("No service covers it"));
      add_row (self, row);
      return;
    }
  row = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Covered By"));
  count = g_strdup_printf (ngettext ("%u service", "%u services", covers->len), covers->len);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), count);
  for (guint i = 0; i < covers->len; i++)
    {
      const BwExplainCover *cover = &g_array_index (covers, BwExplainCover, i);
      GtkWidget *child = adw_action_row_new ();
      g_autofree char *title = g_markup_escape_text (cover->label ? cover->label : cover->service,
                                                     -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (child), via_text (cover->via));
      g_object_set_data_full (G_OBJECT (child), "service", g_strdup (cover->service), g_free);
      g_object_set_data (G_OBJECT (child), "via", GUINT_TO_POINTER (cover->via));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
      g_ptr_array_add (self->covers, child);
    }
  add_row (self, row);
}

static int
compare_ratio (gconstpointer a,
               gconstpointer b)
{
  const TacticFigures *x = a;
  const TacticFigures *y = b;

  if (x->ratio != y->ratio)
    return x->ratio < y->ratio ? -1 : 1;
  return x->tactic < y->tactic ? -1 : x->tactic > y->tactic;
}

static void
technique_row_activated_cb (AdwActionRow *row)
{
  gtk_widget_activate_action (GTK_WIDGET (row), "win.show-technique", "s",
                              g_object_get_data (G_OBJECT (row), "technique"));
}

/* The asset's techniques of the tactic, gaps first, then partial, then covered. */
static void
fill_tactic (AdwExpanderRow *row,
             GParamSpec     *pspec,
             BwAssetFigures *self)
{
  BwEngine *engine = self->project ? bw_project_get_engine (self->project) : NULL;
  BwCatalog *catalog = self->project ? bw_project_get_catalog (self->project) : NULL;
  const BwTactic *tactic = g_object_get_data (G_OBJECT (row), "tactic");
  const guint64 *app, *best1, *best2;

  if (!adw_expander_row_get_expanded (row) || g_object_get_data (G_OBJECT (row), "filled") ||
      engine == NULL || catalog == NULL ||
      !bw_engine_get_asset_bits (engine, self->asset, &app, &best1, &best2))
    return;
  g_object_set_data (G_OBJECT (row), "filled", GINT_TO_POINTER (1));
  for (guint level = 0; level < 3; level++)
    for (guint t = 0; t < bw_catalog_get_n_techniques (catalog); t++)
      {
        const BwTechnique *technique = bw_catalog_get_technique (catalog, t);
        guint best = has_bit (best2, t) ? 2 : has_bit (best1, t) ? 1 : 0;
        GtkWidget *child;
        g_autofree char *title = NULL;

        if (best != level || !has_bit (app, t) ||
            !g_strv_contains ((const char *const *) technique->tactics, tactic->shortname))
          continue;
        child = adw_action_row_new ();
        title = g_markup_printf_escaped ("%s  %s", technique->id, technique->name);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), title);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (child),
                                     best == 2 ? _("Covered") : best == 1 ? _("Partial")
                                                                          : _("Gap"));
        adw_action_row_add_suffix (ADW_ACTION_ROW (child),
                                   gtk_image_new_from_icon_name ("go-next-symbolic"));
        gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (child), TRUE);
        g_object_set_data (G_OBJECT (child), "technique", technique->id);
        g_signal_connect (child, "activated", G_CALLBACK (technique_row_activated_cb), NULL);
        adw_expander_row_add_row (row, child);
      }
}

static void
show_weakest (BwAssetFigures *self,
              BwCatalog      *catalog,
              BwEngine       *engine)
{
  const guint64 *app, *best1, *best2;
  g_autoptr(GArray) figures = g_array_new (FALSE, TRUE, sizeof (TacticFigures));

  if (!bw_engine_get_asset_bits (engine, self->asset, &app, &best1, &best2))
    return;
  for (guint c = 0; c < bw_catalog_get_n_tactics (catalog); c++)
    {
      const BwTactic *tactic = bw_catalog_get_tactic (catalog, c);
      TacticFigures f = { c, 0, 0, 0, 0 };

      for (guint t = 0; t < bw_catalog_get_n_techniques (catalog); t++)
        if (has_bit (app, t) &&
            g_strv_contains ((const char *const *) bw_catalog_get_technique (catalog, t)->tactics,
                             tactic->shortname))
          {
            f.applicable++;
            f.covered += has_bit (best2, t);
            f.partial += has_bit (best1, t) && !has_bit (best2, t);
          }
      if (f.applicable == 0)
        continue;
      f.ratio = (f.covered + 0.5 * f.partial) / f.applicable;
      g_array_append_val (figures, f);
    }
  g_array_sort (figures, compare_ratio);
  for (guint i = 0; i < MIN (figures->len, N_WEAKEST); i++)
    {
      const TacticFigures *f = &g_array_index (figures, TacticFigures, i);
      const BwTactic *tactic = bw_catalog_get_tactic (catalog, f->tactic);
      GtkWidget *row = adw_expander_row_new ();
      g_autofree char *title = g_markup_escape_text (tactic->name, -1);
      g_autofree char *subtitle = NULL;
      g_autofree char *percent = g_strdup_printf ("%.0f%%", f->ratio * 100);

      /* TRANSLATORS: a tactic's figures on one asset */
      subtitle = g_strdup_printf (_("%u covered · %u partial · %u gaps"), f->covered,
                                  f->partial, f->applicable - f->covered - f->partial);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), suffix_label (percent));
      g_object_set_data (G_OBJECT (row), "tactic", (gpointer) tactic);
      g_signal_connect (row, "notify::expanded", G_CALLBACK (fill_tactic), self);
      adw_preferences_group_add (weakest_group (self), row);
      g_ptr_array_add (self->tactics, row);
    }
}

static void
refresh (BwAssetFigures *self)
{
  BwCatalog *catalog = self->project ? bw_project_get_catalog (self->project) : NULL;
  BwReport *report = self->project ? bw_project_get_report (self->project) : NULL;
  BwEngine *engine = self->project ? bw_project_get_engine (self->project) : NULL;
  const BwReportAsset *figures = NULL;

  clear (self);
  for (guint i = 0; report != NULL && self->asset != NULL && i < bw_report_get_n_assets (report);
       i++)
    if (g_strcmp0 (bw_report_get_asset (report, i)->id, self->asset) == 0)
      figures = bw_report_get_asset (report, i);
  gtk_widget_set_visible (GTK_WIDGET (self), figures != NULL && catalog != NULL && engine);
  if (figures != NULL && catalog != NULL && engine != NULL)
    {
      show_summary (self, figures);
      show_covers (self, catalog, bw_project_get_document (self->project));
      show_weakest (self, catalog, engine);
    }
  if (self->weakest != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->weakest), self->tactics->len > 0);
}

void
bw_asset_figures_set_project (BwAssetFigures *self,
                              BwProject      *project)
{
  g_return_if_fail (BW_IS_ASSET_FIGURES (self));

  if (!g_set_object (&self->project, project))
    return;
  g_signal_group_set_target (self->project_signals, project);
  refresh (self);
}

void
bw_asset_figures_set_asset (BwAssetFigures *self,
                            const char     *asset_id)
{
  g_return_if_fail (BW_IS_ASSET_FIGURES (self));

  g_free (self->asset);
  self->asset = g_strdup (asset_id);
  refresh (self);
}

const char *
bw_asset_figures_get_asset (BwAssetFigures *self)
{
  g_return_val_if_fail (BW_IS_ASSET_FIGURES (self), NULL);

  return self->asset;
}

const char *
bw_asset_figures_get_summary (BwAssetFigures *self)
{
  g_return_val_if_fail (BW_IS_ASSET_FIGURES (self), NULL);

  return self->summary;
}

GPtrArray *
bw_asset_figures_get_covers (BwAssetFigures *self)
{
  g_return_val_if_fail (BW_IS_ASSET_FIGURES (self), NULL);

  return self->covers;
}

GPtrArray *
bw_asset_figures_get_tactics (BwAssetFigures *self)
{
  g_return_val_if_fail (BW_IS_ASSET_FIGURES (self), NULL);

  return self->tactics;
}

static void
bw_asset_figures_dispose (GObject *object)
{
  BwAssetFigures *self = BW_ASSET_FIGURES (object);

  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->project);
  g_clear_pointer (&self->asset, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_object (&self->weakest);

  G_OBJECT_CLASS (bw_asset_figures_parent_class)->dispose (object);
}

static void
bw_asset_figures_finalize (GObject *object)
{
  BwAssetFigures *self = BW_ASSET_FIGURES (object);

  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->covers);
  g_ptr_array_unref (self->tactics);

  G_OBJECT_CLASS (bw_asset_figures_parent_class)->finalize (object);
}

static void
bw_asset_figures_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BwAssetFigures *self = BW_ASSET_FIGURES (object);

  switch (prop_id)
    {
    case PROP_WEAKEST_GROUP:
      clear (self);
      g_set_object (&self->weakest, g_value_get_object (value));
      refresh (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_asset_figures_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BwAssetFigures *self = BW_ASSET_FIGURES (object);

  switch (prop_id)
    {
    case PROP_WEAKEST_GROUP:
      g_value_set_object (value, self->weakest);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_asset_figures_class_init (BwAssetFiguresClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bw_asset_figures_dispose;
  object_class->finalize = bw_asset_figures_finalize;
  object_class->set_property = bw_asset_figures_set_property;
  object_class->get_property = bw_asset_figures_get_property;

  /* The group the weakest tactics go in (below this one), else this group. */
  properties[PROP_WEAKEST_GROUP] =
    g_param_spec_object ("weakest-group", NULL, NULL, ADW_TYPE_PREFERENCES_GROUP,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bw_asset_figures_init (BwAssetFigures *self)
{
  self->rows = g_ptr_array_new ();
  self->covers = g_ptr_array_new ();
  self->tactics = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Coverage"));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);

  self->project_signals = g_signal_group_new (BW_TYPE_PROJECT);
  g_signal_group_connect_swapped (self->project_signals, "notify::report", G_CALLBACK (refresh),
                                  self);
  g_signal_group_connect_swapped (self->project_signals, "notify::catalog", G_CALLBACK (refresh),
                                  self);
}

GtkWidget *
bw_asset_figures_new (void)
{
  return g_object_new (BW_TYPE_ASSET_FIGURES, NULL);
}
