/* fuzz-azure.c: the Azure inventory reader (Resource Graph, az resource list, ARM exports),
 * against the shipped catalog so every stencil the table names can be drawn. */
#include "config.h"

#include "bw-azure-import.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static BwCatalog *catalog;
  g_autoptr(BwAzureReport) report = NULL;
  g_autoptr(BwDocument) doc = NULL;

  if (catalog == NULL)
    catalog = bw_catalog_load_default (NULL);
  doc = bw_azure_import ((const char *) data, size, catalog, "fuzz", &report, NULL);
  return 0;
}
