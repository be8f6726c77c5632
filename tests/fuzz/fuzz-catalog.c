/* fuzz-catalog.c: the catalog reader, with the input as the stencils file (the one users are
 * most likely to edit by hand) over a small fixed catalog. */
#include "config.h"

#include "fuzz-common.h"


int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const char attack[] =
    "{\"attack_version\":\"1\",\"tactics\":[{\"id\":\"TA1\",\"shortname\":\"x\",\"name\":\"X\"}],"
    "\"techniques\":[{\"id\":\"T1\",\"name\":\"One\",\"tactics\":[\"x\"],\"platforms\":[\"Windows\"]}],\"revoked\":{},\"groups\":[]}";
  static const char killchain[] = "{\"phases\":[]}";
  static const char mappings[] = "{\"capabilities\":[{\"id\":\"c\",\"name\":\"C\",\"group\":\"g\",\"entries\":[]}]}";
  g_autoptr(GBytes) a = g_bytes_new_static (attack, sizeof attack - 1);
  g_autoptr(GBytes) k = g_bytes_new_static (killchain, sizeof killchain - 1);
  g_autoptr(GBytes) m = g_bytes_new_static (mappings, sizeof mappings - 1);
  g_autoptr(GBytes) s = g_bytes_new (data, size);
  g_autoptr(BwCatalog) catalog = bw_catalog_new_from_bytes (a, k, m, s, NULL);

  return 0;
}
