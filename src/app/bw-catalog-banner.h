/* bw-catalog-banner.h: the strip under the header bar that says when the catalog in use is not
 * the one the user expects — the imported catalog does not load, or a project was analysed
 * with another ATT&CK release. (AdwBanner needs libadwaita 1.3.) */
#pragma once

#include <gtk/gtk.h>

#include "bw-catalog.h"
#include "bw-document.h"

G_BEGIN_DECLS

#define BW_TYPE_CATALOG_BANNER (bw_catalog_banner_get_type ())
G_DECLARE_FINAL_TYPE (BwCatalogBanner, bw_catalog_banner, BW, CATALOG_BANNER, GtkWidget)

GtkWidget  *bw_catalog_banner_new          (void);
/* Reveals `message` (plain text); `offer_forget` adds "Forget the imported catalog"
 * (app.forget-catalog). */
void        bw_catalog_banner_show         (BwCatalogBanner *self,
                                            const char      *message,
                                            gboolean         offer_forget);
void        bw_catalog_banner_dismiss      (BwCatalogBanner *self);
/* Says why `catalog` is the shipped one and not the user's imported catalog; else, that
 * `document` (may be NULL) was analysed with another ATT&CK release; else dismisses what it
 * said about either. */
void        bw_catalog_banner_update       (BwCatalogBanner *self,
                                            BwCatalog       *catalog,
                                            BwDocument      *document);
gboolean    bw_catalog_banner_get_revealed (BwCatalogBanner *self);
const char *bw_catalog_banner_get_message  (BwCatalogBanner *self);

G_END_DECLS
