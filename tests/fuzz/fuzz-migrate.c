/* fuzz-migrate.c: carrying mappings.json to another release, with the input as the mappings,
 * between two small releases (a revoked technique, a moved one, a gone one). */
#include "config.h"

#include "bw-catalog-import.h"
#include "bw-catalog-private.h"
#include "fuzz-common.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static BwCatalog *
release (const char *attack)
{
  g_autoptr(GBytes) a = g_bytes_new_static (attack, strlen (attack));
  g_autoptr(GBytes) k = g_bytes_new_static ("{\"phases\":[]}", 13);
  g_autoptr(GBytes) m = g_bytes_new_static ("{\"capabilities\":[]}", 19);
  g_autoptr(GBytes) s = g_bytes_new_static ("{\"families\":[],\"stencils\":[]}", 29);

  return bw_catalog_new_from_bytes (a, k, m, s, NULL);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static BwCatalog *from;
  static BwCatalog *to;
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(BwCatalogImport) summary = bw_catalog_import_new ("fuzz", TRUE);
  g_autofree char *text = NULL;

  if (from == NULL)
    {
      from = release ("{\"attack_version\":\"1\",\"tactics\":[{\"id\":\"TA1\",\"shortname\":\"x\",\"name\":\"X\"}],"
                      "\"techniques\":[{\"id\":\"T1\",\"name\":\"One\",\"tactics\":[\"x\"],\"platforms\":[]},"
                      "{\"id\":\"T2\",\"name\":\"Two\",\"tactics\":[\"x\"],\"platforms\":[]},"
                      "{\"id\":\"T5\",\"name\":\"Five\",\"tactics\":[\"x\"],\"platforms\":[]}],\"revoked\":{}}");
      to = release ("{\"attack_version\":\"2\",\"tactics\":[{\"id\":\"TA1\",\"shortname\":\"x\",\"name\":\"X\"}],"
                    "\"techniques\":[{\"id\":\"T3\",\"name\":\"Three\",\"tactics\":[\"x\"],\"platforms\":[]},"
                    "{\"id\":\"T4\",\"name\":\"Two\",\"tactics\":[\"x\"],\"platforms\":[]}],\"revoked\":{\"T1\":\"T3\"}}");
    }
  text = bw_catalog_import_migrate_mappings (bytes, from, to, summary, NULL);
  return 0;
}
