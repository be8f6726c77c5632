/* fuzz-drawio.c: the draw.io reader — XML, compressed pages, cells and their nesting — against
 * the shipped catalog and its shape table. */
#include "config.h"

#include "bw-drawio.h"
#include "fuzz-common.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static BwCatalog *
shipped_catalog (void)
{
  static BwCatalog *catalog;

  if (catalog == NULL)
    {
      g_autoptr(GBytes) a = bw_catalog_shipped_file ("attack.json");
      g_autoptr(GBytes) k = bw_catalog_shipped_file ("killchain.json");
      g_autoptr(GBytes) m = bw_catalog_shipped_file ("mappings.json");
      g_autoptr(GBytes) s = bw_catalog_shipped_file ("stencils.json");

      catalog = bw_catalog_new_from_bytes (a, k, m, s, NULL);
      g_assert (catalog != NULL);
    }
  return catalog;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(BwDrawioReport) report = NULL;
  g_autoptr(BwDocument) doc = NULL;
  g_auto(GStrv) pages = bw_drawio_list_pages ((const char *) data, size, NULL);

  doc = bw_drawio_import (shipped_catalog (), (const char *) data, size,
                          pages != NULL && pages[0] != NULL && pages[1] != NULL ? pages[1] : NULL,
                          "fuzz", &report, NULL);
  return 0;
}
