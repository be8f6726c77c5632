/* bw-document-io.c: loading and saving `*.bulwark` project files, and copying a document.
 * Loading takes two steps: bw-json-reader.c parses the text into a table of values, and
 * bw-document-read.c checks the table and fills the document; bw-document-write.c writes the
 * canonical text. Reading names the place of the first problem; saving is atomic. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bw-document-io.h"
#include "bw-document-io-private.h"
#include "bw-document-private.h"
#include "bw-file.h"

#define MAX_BYTES   BW_DOCUMENT_MAX_BYTES
/* Every value of the canonical form takes a line of at least 9 bytes (`      ""` in a settings
 * list is the shortest), so a canonical file within MAX_BYTES holds fewer than MAX_BYTES / 8
 * values: this cap never refuses what the writer wrote. (Counting objects instead refused the
 * canonical form of a valid 1,000,000-node file.) */
#define MAX_VALUES  (MAX_BYTES / 8)

G_DEFINE_QUARK (bw-document-error-quark, bw_document_error)

/* How much longer than the parsed text its canonical form may be, at most. In canonical form a
 * value costs its text (no longer than here: strings are not escaped more, numbers take at most
 * 24 bytes), its key, its indentation (two bytes per level, and a closing line when it is a
 * container) and its share of members written out (a node or zone gains at most 80 bytes and
 * has at least 5 values): 64 bytes and 4 per level of depth. */
static guint64
canonical_growth (BwJsonReader *json)
{
  return 64 * (guint64) json->values->len + 4 * json->depth_sum;
}

/* The data need not end in a NUL: look at `length` bytes only. */
static gboolean
is_blank (const char *data,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;
  return TRUE;
}

BwDocument *
bw_document_load_from_data (const char  *data,
                            gssize       length,
                            GError     **error)
{
  g_auto(BwJsonReader) json = { 0 };
  g_autoptr(BwDocument) doc = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *bad = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (data == NULL)
    data = "";
  if (length < 0)
    length = strlen (data);
  if ((gsize) length > MAX_BYTES)
    {
      g_set_error (error, BW_DOCUMENT_ERROR, BW_DOCUMENT_ERROR_TOO_LARGE,
                   _("the file is larger than %d MiB"), MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (!bw_json_utf8_validate (data, length, &bad))
    {
      /* Count lines so the place can be found in an editor. */
      guint line = 1;
      const char *line_start = data;

      for (const char *p = data; p < bad; p++)
        if (*p == '\n')
          {
            line++;
            line_start = p + 1;
          }
      g_set_error (error, BW_DOCUMENT_ERROR, BW_DOCUMENT_ERROR_PARSE,
                   *bad == '\0' ? _("line %u, byte %ld (offset %ld): a NUL byte, not text")
                                 : _("line %u, byte %ld (offset %ld): not UTF-8 text"),
                   line, (long) (bad - line_start) + 1, (long) (bad - data));
      return NULL;
    }
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      g_set_error_literal (error, BW_DOCUMENT_ERROR, BW_DOCUMENT_ERROR_PARSE,
                           _("line 1, column 1: the file starts with a byte-order mark (U+FEFF), "
                             "which JSON does not allow; save it as UTF-8 without a byte-order "
                             "mark"));
      return NULL;
    }
  if (is_blank (data, length))
    {
      g_set_error_literal (error, BW_DOCUMENT_ERROR, BW_DOCUMENT_ERROR_PARSE, _("the file is empty"));
      return NULL;
    }

  if (!bw_json_reader_parse (&json, data, length, MAX_VALUES, &local_error))
    {
      /* The parser's errors are the file's. */
      g_set_error_literal (error, BW_DOCUMENT_ERROR,
                           g_error_matches (local_error, BW_JSON_READER_ERROR,
                                            BW_JSON_READER_ERROR_TOO_LARGE)
                             ? BW_DOCUMENT_ERROR_TOO_LARGE : BW_DOCUMENT_ERROR_PARSE,
                           local_error->message);
      return NULL;
    }

  doc = bw_document_new ();
  bw_document_begin_batch (doc);
  if (!bw_document_read_json (doc, &json, &local_error))
    {
      if (local_error == NULL)
        g_set_error_literal (&local_error, BW_DOCUMENT_ERROR, BW_DOCUMENT_ERROR_INVALID,
                             _("not a valid project"));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  bw_document_end_batch (doc);

  /* What was read must save to a file that reads back, and the canonical form may be larger
   * than the input (indentation, members written out). The parse bounds how much larger;
   * only when that bound passes the cap is the canonical form measured. */
  if ((guint64) length + canonical_growth (&json) + 4096 > MAX_BYTES)
    {
      gsize canonical = bw_document_get_data_length (doc);

      if (canonical > MAX_BYTES)
        {
          g_autofree char *size = g_format_size_full (canonical, G_FORMAT_SIZE_IEC_UNITS);

          g_set_error (error, BW_DOCUMENT_ERROR, BW_DOCUMENT_ERROR_TOO_LARGE,
                       _("the project takes %s once saved, more than the %d MiB a project file "
                         "may hold"),
                       size, MAX_BYTES / (1024 * 1024));
          return NULL;
        }
    }
  return g_steal_pointer (&doc);
}

BwDocument *
bw_document_load_from_file (const char  *path,
                            GError     **error)
{
  GStatBuf st;
  g_autofree char *contents = NULL;
  gsize length = 0;

  /* Refused from its size before anything is read. */
  if (g_stat (path, &st) == 0 && st.st_size > MAX_BYTES)
    {
      g_set_error (error, BW_DOCUMENT_ERROR, BW_DOCUMENT_ERROR_TOO_LARGE,
                   _("the file is larger than %d MiB"), MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (!bw_file_get_contents_max (path, MAX_BYTES, &contents, &length, error))
    return NULL;
  return bw_document_load_from_data (contents, length, error);
}

gboolean
bw_document_save_to_file (BwDocument  *document,
                          const char  *path,
                          GError     **error)
{
  gsize length;
  g_autofree char *data = bw_document_to_data (document, &length);

  /* A file that could not be opened again is not written (the journal still holds the work). */
  if (length > MAX_BYTES)
    {
      g_autofree char *size = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, BW_DOCUMENT_ERROR, BW_DOCUMENT_ERROR_TOO_LARGE,
                   _("The project takes %s, more than the %d MiB a project file may hold; it was "
                     "not saved"),
                   size, MAX_BYTES / (1024 * 1024));
      return FALSE;
    }

  /* Written beside the target, flushed to disk and renamed over it: a crash or a full disk
   * mid-save leaves the previous file whole. The file keeps its mode, owner and links. */
  return bw_file_write_atomic (path, data, length, error);
}

BwDocument *
bw_document_copy (BwDocument *document)
{
  BwDocument *copy = bw_document_new ();
  guint n_zones = bw_document_get_n_zones (document);

  /* Copied record by record rather than through the file format: a copy cannot fail, and
   * costs no text. The records are valid already; only the parent links wait for every zone. */
  bw_document_begin_batch (copy);
  bw_document_set_title (copy, bw_document_get_title (document));
  bw_document_set_attack_version (copy, bw_document_get_attack_version (document));
  bw_document_set_gap_threshold (copy, bw_document_get_gap_threshold (document));
  bw_document_set_threat_groups (copy, bw_document_get_threat_groups (document));
  bw_document_set_threat_techniques (copy, bw_document_get_threat_techniques (document));
  bw_document_set_licence (copy, bw_document_get_licence (document));
  bw_document_set_licence_overrides (copy, bw_document_get_licence_overrides (document));
  for (guint i = 0; i < n_zones; i++)
    {
      BwZone zone = *bw_document_get_zone (document, i);

      zone.parent = NULL;
      if (bw_document_insert_zone (copy, &zone, -1, NULL) == NULL)
        g_assert_not_reached ();
    }
  for (guint i = 0; i < n_zones; i++)
    {
      const BwZone *zone = bw_document_get_zone (document, i);

      if (zone->parent != NULL)
        bw_document_link_parent (copy, zone->id, zone->parent);
    }
  for (guint i = 0; i < bw_document_get_n_nodes (document); i++)
    if (bw_document_adopt_node (copy, bw_node_copy (bw_document_get_node (document, i)), -1,
                                NULL) == NULL)
      g_assert_not_reached ();
  for (guint i = 0; i < bw_document_get_n_edges (document); i++)
    if (bw_document_insert_edge (copy, bw_document_get_edge (document, i), -1, NULL) == NULL)
      g_assert_not_reached ();
  bw_document_copy_number_texts (copy, document);
  bw_document_end_batch (copy);
  return copy;
}
