/* bw-technique-page.c: a technique's page in the Coverage panel (ui/bw-technique-page.ui). The
 * rows follow bw_explain: one per applicable asset in document order, with, unfolded, one row
 * per covering service and capability entry (score, category, the rule it covers through) and
 * CTID's comments and references under it. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-widgets.h"

#include "bw-recommend.h"
#include "bw-technique-page.h"

struct _BwTechniquePage
{
  GtkWidget            parent_instance;

  BwExplanation       *explanation;
  char                *technique;
  char                *advice_text;
  GPtrArray           *rows;       /* the asset rows added to `assets` */

  GtkLabel            *heading;
  GtkLabel            *title;
  GtkLabel            *status;
  GtkLabel            *facts;
  GtkLabel            *description;
  GtkLabel            *link;
  GtkWidget           *advice_box;
  GtkLabel            *advice;
  AdwPreferencesGroup *assets;
};

G_DEFINE_FINAL_TYPE (BwTechniquePage, bw_technique_page, GTK_TYPE_WIDGET)

enum
{
  BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
score_label (BwScore score)
{
  switch (score)
    {
    case BW_SCORE_SIGNIFICANT:
      return _("Significant");
    case BW_SCORE_PARTIAL:
      return _("Partial");
    case BW_SCORE_MINIMAL:
      return _("Minimal");
    case BW_SCORE_NONE:
    default:
      return _("None");
    }
}

static const char *
category_label (BwCategory category)
{
  switch (category)
    {
    case BW_CATEGORY_PROTECT:
      return _("Protect");
    case BW_CATEGORY_DETECT:
      return _("Detect");
    case BW_CATEGORY_RESPOND:
    default:
      return _("Respond");
    }
}

static const char *
via_label (BwVia via)
{
  switch (via)
    {
    case BW_VIA_PROTECTS:
      return _("protects it directly");
    case BW_VIA_ZONE:
      return _("protects its zone");
    case BW_VIA_SIEM:
      return _("through the SIEM");
    case BW_VIA_DELIVERY:
    default:
      return _("on delivery along a flow");
    }
}

static void
clear_rows (BwTechniquePage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->assets, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

void
bw_technique_page_clear (BwTechniquePage *self)
{
  g_return_if_fail (BW_IS_TECHNIQUE_PAGE (self));

  clear_rows (self);
  g_clear_pointer (&self->explanation, bw_explanation_unref);
  g_clear_pointer (&self->technique, g_free);
  g_clear_pointer (&self->advice_text, g_free);
}

/* CTID's comments, then a link for each reference, under a capability entry. */
static GtkWidget *
provenance_box (const BwExplainRow *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_bottom (box, 8);
  for (guint i = 0; row->comments[i] != NULL; i++)
    {
      GtkWidget *label = gtk_label_new (row->comments[i]);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), label);
    }
  for (guint i = 0; row->references[i] != NULL; i++)
    {
      g_autofree char *markup = g_markup_printf_escaped ("<a href=\"%s\">%s</a>",
                                                         row->references[i],
                                                         row->references[i]);
      GtkWidget *link = gtk_label_new (NULL);

      gtk_label_set_markup (GTK_LABEL (link), markup);
      gtk_label_set_ellipsize (GTK_LABEL (link), PANGO_ELLIPSIZE_MIDDLE);
      gtk_label_set_xalign (GTK_LABEL (link), 0);
      gtk_widget_set_tooltip_text (link, row->references[i]);
      gtk_widget_add_css_class (link, "caption");
      gtk_box_append (GTK_BOX (box), link);
    }
  return box;
}

static GtkWidget *
entry_row (const BwExplainRow *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *action = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *markup = NULL;

  title = g_strdup_printf ("%s → %s", row->label,
                           row->capability_name ? row->capability_name : row->capability);
  markup = g_markup_escape_text (title, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action), markup);
  /* TRANSLATORS: "Detect · Significant · protects its zone" */
  subtitle = g_strdup_printf (_("%s · %s · %s"), category_label (row->category),
                              score_label (row->score), via_label (row->via));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (action), subtitle);
  g_object_set_data_full (G_OBJECT (action), "entry",
                          g_strdup_printf ("%s %s", row->service, row->capability), g_free);
  gtk_box_append (GTK_BOX (box), action);
  if (row->comments[0] != NULL || row->references[0] != NULL)
    gtk_box_append (GTK_BOX (box), provenance_box (row));
  return box;
}

/* An asset's entry rows are made when it is first unfolded: a page may list many assets. */
static void
fill_asset_row (AdwExpanderRow  *row,
                GParamSpec      *pspec,
                BwTechniquePage *self)
{
  const BwExplainAsset *asset;

  if (!adw_expander_row_get_expanded (row) || g_object_get_data (G_OBJECT (row), "filled") ||
      self->explanation == NULL)
    return;
  g_object_set_data (G_OBJECT (row), "filled", GINT_TO_POINTER (1));
  asset = bw_explanation_lookup_asset (self->explanation,
                                       g_object_get_data (G_OBJECT (row), "asset"));
  for (guint i = 0; asset != NULL && i < asset->n_rows; i++)
    adw_expander_row_add_row (row, entry_row (&asset->rows[i]));
}

static GtkWidget *
asset_row (BwTechniquePage      *self,
           const BwExplainAsset *asset)
{
  GtkWidget *row;
  GtkWidget *status = gtk_label_new (bw_status_label (asset->status));
  g_autofree char *title = g_markup_escape_text (asset->label ? asset->label : asset->id, -1);
  g_autofree char *subtitle = NULL;

  gtk_widget_add_css_class (status, bw_status_css_class (asset->status));
  /* TRANSLATORS: the asset's rule 4 scores: "Protect Partial · Detect None · Respond None" */
  subtitle = g_strdup_printf (_("Protect %s · Detect %s · Respond %s"),
                              score_label (asset->protect), score_label (asset->detect),
                              score_label (asset->respond));
  if (asset->n_rows == 0)
    {
      row = adw_action_row_new ();
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("No service covers it"));
    }
  else
    {
      row = adw_expander_row_new ();
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), status);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      g_signal_connect (row, "notify::expanded", G_CALLBACK (fill_asset_row), self);
    }
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_object_set_data_full (G_OBJECT (row), "asset", g_strdup (asset->id), g_free);
  return row;
}

static char *
facts_text (BwCatalog         *catalog,
            const BwTechnique *technique)
{
  g_autoptr(GStrvBuilder) tactics = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  g_autofree char *tactic_list = NULL;
  g_autofree char *platform_list = NULL;

  for (guint i = 0; technique->tactics[i] != NULL; i++)
    {
      const BwTactic *tactic = bw_catalog_lookup_tactic (catalog, technique->tactics[i]);

      g_strv_builder_add (tactics, tactic ? tactic->name : technique->tactics[i]);
    }
  names = g_strv_builder_end (tactics);
  tactic_list = g_strjoinv (", ", names);
  platform_list = g_strjoinv (", ", technique->platforms);
  /* TRANSLATORS: technique id, its tactics, its platforms */
  return g_strdup_printf (_("%s · Tactics: %s · Platforms: %s"), technique->id, tactic_list,
                          platform_list);
}

/* "Add Microsoft Defender for Endpoint protecting “Workstations”: covers 3 more assets". */
static char *
advice_text (BwCatalog  *catalog,
             BwDocument *document,
             const char *technique_id)
{
  guint raised = 0;
  BwScore score = BW_SCORE_NONE;
  g_autoptr(BwRecommendation) rec =
      bw_recommend_for_technique (catalog, document, technique_id, &raised, &score);
  const BwStencil *stencil;
  const BwZone *zone;
  const BwNode *node;
  const char *target;

  if (rec == NULL)
    return g_strdup (_("No service in the catalog maps this technique for these assets."));
  stencil = bw_catalog_lookup_stencil (catalog, rec->stencil);
  zone = bw_document_lookup_zone (document, rec->target);
  node = bw_document_lookup_node (document, rec->target);
  target = zone ? zone->label : node ? node->label : rec->target;
  return g_strdup_printf (ngettext ("Add %s protecting “%s”: raises %u asset to %s",
                                    "Add %s protecting “%s”: raises %u assets to %s", raised),
                          stencil ? stencil->name : rec->stencil, target, raised,
                          score_label (score));
}

static void
show_header (BwTechniquePage   *self,
             BwCatalog         *catalog,
             const BwTechnique *technique)
{
  const char *description = bw_catalog_get_technique_description (catalog, technique->id);
  const char *url = bw_catalog_get_technique_url (catalog, technique->id);
  g_autofree char *facts = facts_text (catalog, technique);
  g_autofree char *status = NULL;
  BwStatus st = bw_explanation_get_status (self->explanation);
  guint n = bw_explanation_get_n_assets (self->explanation);
  guint covered = 0;

  for (guint i = 0; i < n; i++)
    covered += bw_explanation_get_asset (self->explanation, i)->status == BW_STATUS_COVERED;
  gtk_label_set_text (self->heading, technique->id);
  gtk_label_set_text (self->title, technique->name);
  gtk_label_set_text (self->facts, facts);
  /* TRANSLATORS: "Partial — covered on 13 of 14 assets" */
  status = g_strdup_printf (ngettext ("%s — covered on %u of %u asset",
                                      "%s — covered on %u of %u assets", n),
                            bw_status_label (st), covered, n);
  gtk_label_set_text (self->status, n > 0 ? status : bw_status_label (st));
  for (BwStatus s = BW_STATUS_NOT_APPLICABLE; s <= BW_STATUS_COVERED; s++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status), bw_status_css_class (s));
  gtk_widget_add_css_class (GTK_WIDGET (self->status), bw_status_css_class (st));
  gtk_label_set_text (self->description, description ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description), description != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->link), url != NULL);
  if (url != NULL)
    {
      g_autofree char *markup = g_markup_printf_escaped ("<a href=\"%s\">%s</a>", url,
                                                         _("View on attack.mitre.org"));

      gtk_label_set_markup (self->link, markup);
    }
}

gboolean
bw_technique_page_show (BwTechniquePage *self,
                        BwProject       *project,
                        const char      *technique_id)
{
  BwCatalog *catalog;
  BwDocument *document;
  const BwTechnique *technique;
  g_autofree char *id = g_strdup (technique_id);

  g_return_val_if_fail (BW_IS_TECHNIQUE_PAGE (self), FALSE);
  g_return_val_if_fail (BW_IS_PROJECT (project), FALSE);

  bw_technique_page_clear (self);
  catalog = bw_project_get_catalog (project);
  document = bw_project_get_document (project);
  if (catalog == NULL || document == NULL || id == NULL ||
      (self->explanation = bw_explain (catalog, document, id, NULL, NULL)) == NULL)
    return FALSE;
  technique = bw_explanation_get_technique (self->explanation);
  self->technique = g_strdup (technique->id);
  show_header (self, catalog, technique);

  for (guint i = 0; i < bw_explanation_get_n_assets (self->explanation); i++)
    {
      GtkWidget *row = asset_row (self, bw_explanation_get_asset (self->explanation, i));

      adw_preferences_group_add (self->assets, row);
      g_ptr_array_add (self->rows, row);
    }
  adw_preferences_group_set_description (
      self->assets, self->rows->len == 0 ? _("No asset in the diagram runs on its platforms.")
                                         : NULL);

  if (bw_explanation_get_status (self->explanation) == BW_STATUS_COVERED ||
      bw_explanation_get_status (self->explanation) == BW_STATUS_NOT_APPLICABLE)
    g_clear_pointer (&self->advice_text, g_free);
  else
    self->advice_text = advice_text (catalog, document, technique->id);
  gtk_widget_set_visible (self->advice_box, self->advice_text != NULL);
  gtk_label_set_text (self->advice, self->advice_text ? self->advice_text : "");
  return TRUE;
}

const char *
bw_technique_page_get_technique (BwTechniquePage *self)
{
  g_return_val_if_fail (BW_IS_TECHNIQUE_PAGE (self), NULL);

  return self->technique;
}

BwExplanation *
bw_technique_page_get_explanation (BwTechniquePage *self)
{
  g_return_val_if_fail (BW_IS_TECHNIQUE_PAGE (self), NULL);

  return self->explanation;
}

const char *
bw_technique_page_get_advice (BwTechniquePage *self)
{
  g_return_val_if_fail (BW_IS_TECHNIQUE_PAGE (self), NULL);

  return self->advice_text;
}

static void
back_clicked_cb (BwTechniquePage *self)
{
  g_signal_emit (self, signals[BACK], 0);
}

static void
bw_technique_page_dispose (GObject *object)
{
  BwTechniquePage *self = BW_TECHNIQUE_PAGE (object);
  GtkWidget *child;

  bw_technique_page_clear (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BW_TYPE_TECHNIQUE_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (bw_technique_page_parent_class)->dispose (object);
}

static void
bw_technique_page_class_init (BwTechniquePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_technique_page_dispose;

  signals[BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/bw-technique-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BwTechniquePage, heading);
  gtk_widget_class_bind_template_child (widget_class, BwTechniquePage, title);
  gtk_widget_class_bind_template_child (widget_class, BwTechniquePage, status);
  gtk_widget_class_bind_template_child (widget_class, BwTechniquePage, facts);
  gtk_widget_class_bind_template_child (widget_class, BwTechniquePage, description);
  gtk_widget_class_bind_template_child (widget_class, BwTechniquePage, link);
  gtk_widget_class_bind_template_child (widget_class, BwTechniquePage, advice_box);
  gtk_widget_class_bind_template_child (widget_class, BwTechniquePage, advice);
  gtk_widget_class_bind_template_child (widget_class, BwTechniquePage, assets);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
}

static void
bw_technique_page_init (BwTechniquePage *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bw_technique_page_new (void)
{
  return g_object_new (BW_TYPE_TECHNIQUE_PAGE, NULL);
}
