/* bw-catalog-banner.c: a revealer with a message, an optional "Forget the imported catalog"
 * button and a close button, shown under the window's header bar. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bw-catalog-banner.h"

struct _BwCatalogBanner
{
  GtkWidget    parent_instance;

  GtkRevealer *revealer;
  GtkLabel    *label;
  GtkWidget   *forget;
  gboolean     about_fallback; /* the message says the imported catalog does not load */
  gboolean     about_release;  /* the message says the project had another release */
};

G_DEFINE_FINAL_TYPE (BwCatalogBanner, bw_catalog_banner, GTK_TYPE_WIDGET)

static void
bw_catalog_banner_dispose (GObject *object)
{
  BwCatalogBanner *self = BW_CATALOG_BANNER (object);

  if (self->revealer != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->revealer));
      self->revealer = NULL;
    }
  G_OBJECT_CLASS (bw_catalog_banner_parent_class)->dispose (object);
}

static void
bw_catalog_banner_class_init (BwCatalogBannerClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bw_catalog_banner_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
close_clicked_cb (BwCatalogBanner *self)
{
  bw_catalog_banner_dismiss (self);
}

static void
bw_catalog_banner_init (BwCatalogBanner *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *close = gtk_button_new_from_icon_name ("window-close-symbolic");

  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (self->revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_widget_set_parent (GTK_WIDGET (self->revealer), GTK_WIDGET (self));

  gtk_widget_add_css_class (box, "toolbar");
  gtk_widget_add_css_class (box, "osd");
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  self->label = GTK_LABEL (label);
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_xalign (self->label, 0);
  gtk_label_set_selectable (self->label, TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_margin_start (label, 6);
  gtk_box_append (GTK_BOX (box), label);

  self->forget = gtk_button_new_with_mnemonic (_("_Forget the Imported Catalog"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->forget), "app.forget-catalog");
  gtk_widget_set_valign (self->forget, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->forget, "destructive-action");
  gtk_box_append (GTK_BOX (box), self->forget);

  gtk_widget_set_tooltip_text (close, _("Close"));
  gtk_widget_set_valign (close, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (close, "flat");
  g_signal_connect_object (close, "clicked", G_CALLBACK (close_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), close);

  gtk_revealer_set_child (self->revealer, box);
}

GtkWidget *
bw_catalog_banner_new (void)
{
  return g_object_new (BW_TYPE_CATALOG_BANNER, NULL);
}

void
bw_catalog_banner_show (BwCatalogBanner *self,
                        const char      *message,
                        gboolean         offer_forget)
{
  g_return_if_fail (BW_IS_CATALOG_BANNER (self));

  gtk_label_set_text (self->label, message);
  gtk_widget_set_visible (self->forget, offer_forget);
  self->about_fallback = offer_forget;
  self->about_release = self->about_release && !offer_forget;
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

void
bw_catalog_banner_dismiss (BwCatalogBanner *self)
{
  g_return_if_fail (BW_IS_CATALOG_BANNER (self));

  self->about_fallback = FALSE;
  self->about_release = FALSE;
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
}

void
bw_catalog_banner_update (BwCatalogBanner *self,
                          BwCatalog       *catalog,
                          BwDocument      *document)
{
  const char *analysed = document ? bw_document_get_attack_version (document) : NULL;
  g_autofree char *message = NULL;

  g_return_if_fail (BW_IS_CATALOG_BANNER (self));

  if (catalog != NULL && bw_catalog_get_fallback_reason (catalog) != NULL)
    {
      message = g_strdup_printf (_("The imported ATT&CK catalog does not load (%s). The shipped catalog, "
                                   "ATT&CK %s, is in use."),
                                 bw_catalog_get_fallback_reason (catalog), bw_catalog_get_attack_version (catalog));
      bw_catalog_banner_show (self, message, TRUE);
    }
  else if (catalog != NULL && analysed != NULL &&
           g_strcmp0 (analysed, bw_catalog_get_attack_version (catalog)) != 0)
    {
      /* TRANSLATORS: "Analysed with ATT&CK 18.1, now 19.0 — figures recomputed" */
      message = g_strdup_printf (_("Analysed with ATT&CK %s, now %s — figures recomputed"), analysed,
                                 bw_catalog_get_attack_version (catalog));
      self->about_release = TRUE;
      bw_catalog_banner_show (self, message, FALSE);
    }
  else if (self->about_fallback || self->about_release)
    bw_catalog_banner_dismiss (self);
}

gboolean
bw_catalog_banner_get_revealed (BwCatalogBanner *self)
{
  return gtk_revealer_get_reveal_child (self->revealer);
}

const char *
bw_catalog_banner_get_message (BwCatalogBanner *self)
{
  return gtk_label_get_text (self->label);
}
