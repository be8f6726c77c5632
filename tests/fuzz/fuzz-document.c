/* fuzz-document.c: the project file reader. Anything it accepts must save and load back to the
 * same bytes. */
#include "config.h"

#include "bw-document-io.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(BwDocument) doc = bw_document_load_from_data ((const char *) data, size, NULL);
  g_autofree char *saved = NULL;
  g_autofree char *again = NULL;
  g_autoptr(BwDocument) reloaded = NULL;
  gsize length;

  if (doc == NULL)
    return 0;
  saved = bw_document_to_data (doc, &length);
  reloaded = bw_document_load_from_data (saved, length, NULL);
  g_assert (reloaded != NULL);
  again = bw_document_to_data (reloaded, NULL);
  g_assert (g_str_equal (saved, again));
  return 0;
}
