/* bw-stix-xz.c: reads a file that may be xz-compressed, as MITRE's ATT&CK bundles often are,
 * within the limits of any real bundle. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <lzma.h>
#include <string.h>

#include "bw-catalog-private.h"
#include "bw-file.h"
#include "bw-stix.h"

/* xz -9 needs 65 MiB to decompress; a header asking for more is not a bundle MITRE made. */
#define MAX_XZ_MEMORY ((guint64) 256 << 20)

GBytes *
bw_read_maybe_xz (const char  *path,
                  GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  lzma_stream stream = LZMA_STREAM_INIT;
  g_autoptr(GByteArray) out = NULL;
  GStatBuf st;
  lzma_ret ret;

  if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode))
    {
      bw_catalog_invalid (error, _("%s: not a regular file"), path);
      return NULL;
    }
  if (g_stat (path, &st) == 0 && (guint64) st.st_size > BW_STIX_MAX_BUNDLE_SIZE)
    {
      bw_catalog_invalid (error, _("%s: larger than %d MiB, more than any ATT&CK bundle"), path,
                          (int) (BW_STIX_MAX_BUNDLE_SIZE >> 20));
      return NULL;
    }
  if (!bw_file_get_contents (path, &contents, &length, error))
    return NULL;
  if (length < 6 || memcmp (contents, "\xFD" "7zXZ\0", 6) != 0)
    return g_bytes_new_take (g_steal_pointer (&contents), length);

  if (lzma_stream_decoder (&stream, MAX_XZ_MEMORY, LZMA_CONCATENATED) != LZMA_OK)
    {
      bw_catalog_invalid (error, _("%s: cannot start the xz decoder"), path);
      return NULL;
    }
  out = g_byte_array_sized_new (MIN (length * 8, BW_STIX_MAX_BUNDLE_SIZE));
  stream.next_in = (const guint8 *) contents;
  stream.avail_in = length;
  do
    {
      guint8 buffer[1 << 16];

      stream.next_out = buffer;
      stream.avail_out = sizeof buffer;
      ret = lzma_code (&stream, LZMA_FINISH);
      if (out->len + (sizeof buffer - stream.avail_out) > BW_STIX_MAX_BUNDLE_SIZE)
        {
          lzma_end (&stream);
          bw_catalog_invalid (error, _("%s: decompresses to more than %d MiB, more than any ATT&CK bundle"),
                              path, (int) (BW_STIX_MAX_BUNDLE_SIZE >> 20));
          return NULL;
        }
      g_byte_array_append (out, buffer, sizeof buffer - stream.avail_out);
    }
  while (ret == LZMA_OK);
  lzma_end (&stream);
  if (ret == LZMA_MEMLIMIT_ERROR)
    {
      bw_catalog_invalid (error, _("%s: the xz data needs more than %d MiB of memory to decompress"), path,
                          (int) (MAX_XZ_MEMORY >> 20));
      return NULL;
    }
  if (ret != LZMA_STREAM_END)
    {
      bw_catalog_invalid (error, _("%s: the xz data is damaged or truncated (error %d)"), path, (int) ret);
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}
