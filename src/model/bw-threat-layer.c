/* bw-threat-layer.c: reading a Navigator layer file into a threat focus. */
#include "config.h"

#include "bw-file.h"
#include "bw-layer.h"
#include "bw-threat-layer.h"

GStrv
bw_threat_layer_read_file (BwCatalog   *catalog,
                           const char  *path,
                           GStrv       *out_unknown,
                           GError     **error)
{
  g_autofree char *text = NULL;
  gsize length;
  GStrv focus;

  g_return_val_if_fail (path != NULL, NULL);

  /* The file reader names the path in its own messages. */
  if (!bw_file_get_contents (path, &text, &length, error))
    return NULL;
  if ((focus = bw_layer_read_focus (catalog, text, length, out_unknown, error)) == NULL)
    g_prefix_error (error, "%s: ", path);
  return focus;
}
