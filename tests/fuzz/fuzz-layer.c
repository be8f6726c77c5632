/* fuzz-layer.c: the ATT&CK Navigator layer reader. */
#include "config.h"

#include "bw-layer.h"
#include "fuzz-common.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_auto(GStrv) unknown = NULL;
  g_auto(GStrv)
      focus = bw_layer_read_focus (fuzz_catalog (), (const char *) data, size, &unknown, NULL);

  return 0;
}
