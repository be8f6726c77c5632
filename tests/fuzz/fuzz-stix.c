/* fuzz-stix.c: the ATT&CK STIX bundle importer. */
#include "config.h"

#include "bw-stix.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *out = bw_stix_import_bytes (g_bytes_new (data, size), "fuzz-1.0.json", NULL, NULL, NULL);

  (void) out;
  return 0;
}
