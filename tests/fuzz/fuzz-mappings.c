/* fuzz-mappings.c: the Mappings Explorer importer. */
#include "config.h"

#include "bw-mappings.h"
#include "fuzz-common.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_auto(GStrv) stale = NULL;
  g_autofree char *out = bw_mappings_import_data ((const char *) data, size, "fuzz.json",
                                                  fuzz_catalog (), NULL, &stale, NULL, NULL);

  return 0;
}
