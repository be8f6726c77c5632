/* bw-document-check.c: a loaded project read against the catalog it is analysed with. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-document-check.h"
#include "bw-document-io.h"

gboolean
bw_document_check_catalog (BwDocument  *document,
                           BwCatalog   *catalog,
                           GError     **error)
{
  g_return_val_if_fail (BW_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (BW_IS_CATALOG (catalog), FALSE);

  for (guint i = 0; i < bw_document_get_n_zones (document); i++)
    {
      const BwZone *zone = bw_document_get_zone (document, i);
      const BwStencil *stencil = bw_catalog_lookup_stencil (catalog, zone->kind);

      if (stencil == NULL || stencil->role != BW_ROLE_ZONE)
        {
          g_set_error (error, BW_DOCUMENT_ERROR, BW_DOCUMENT_ERROR_INVALID,
                       _("zones[%u].kind: “%s” is not a zone kind"), i, zone->kind);
          return FALSE;
        }
    }
  for (guint i = 0; i < bw_document_get_n_nodes (document); i++)
    {
      const BwNode *node = bw_document_get_node (document, i);
      const BwStencil *stencil = bw_catalog_lookup_stencil (catalog, node->kind);

      if (stencil == NULL || stencil->role == BW_ROLE_ZONE)
        {
          g_set_error (error, BW_DOCUMENT_ERROR, BW_DOCUMENT_ERROR_INVALID,
                       _("nodes[%u].kind: unknown kind “%s”"), i, node->kind);
          return FALSE;
        }
    }
  {
    const char *const *overrides = bw_document_get_licence_overrides (document);

    for (guint i = 0; overrides[i] != NULL; i += 2)
      if (bw_catalog_lookup_capability (catalog, overrides[i]) == NULL)
        {
          g_set_error (error, BW_DOCUMENT_ERROR, BW_DOCUMENT_ERROR_INVALID,
                       _("settings.licence_overrides.%s: no capability “%s” in the catalog"),
                       overrides[i], overrides[i]);
          return FALSE;
        }
  }
  return TRUE;
}

BwDocument *
bw_document_load_checked (const char  *path,
                          BwCatalog   *catalog,
                          GError     **error)
{
  g_autoptr(BwDocument) document = bw_document_load_from_file (path, error);

  if (document == NULL)
    return NULL;
  if (catalog != NULL && !bw_document_check_catalog (document, catalog, error))
    return NULL;
  return g_steal_pointer (&document);
}
