/* bw-catalog-banner.c: a revealer with a message, an optional "Forget the imported catalog"
 * button and a close button, shown under the window's header bar (ui/bw-catalog-banner.ui). */
#include "config.h"

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
close_clicked_cb (BwCatalogBanner *self)
{
  bw_catalog_banner_dismiss (self);
}

static void
bw_catalog_banner_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BW_TYPE_CATALOG_BANNER);

  G_OBJECT_CLASS (bw_catalog_banner_parent_class)->dispose (object);
}

static void
bw_catalog_banner_class_init (BwCatalogBannerClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bw_catalog_banner_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/bw-catalog-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, BwCatalogBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, BwCatalogBanner, label);
  gtk_widget_class_bind_template_child (widget_class, BwCatalogBanner, forget);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked_cb);
}

static void
bw_catalog_banner_init (BwCatalogBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
      message = g_strdup_printf (
          _("The imported ATT&CK catalog does not load (%s). The shipped catalog, "
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
