/* bw-catalog-file.c: the helpers the catalog's file readers share: members of the expected
 * type, and errors and warnings that name the file and the key path. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bw-catalog-load.h"
#include "bw-catalog-private.h"
#include "bw-json-read.h"

gboolean
bw_catalog_file_fail (BwCatalogFile *file,
                      const char    *format,
                      ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* Every catalog error starts with the file it is about. */
  return bw_catalog_invalid (file->error, "%s: %s", file->name, message);
}

void
bw_catalog_file_warn (BwCatalogFile *file,
                      BwCatalog     *self,
                      const char    *format,
                      ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (self->warnings, g_strdup_printf ("%s: %s", file->name, message));
}

JsonObject *
bw_catalog_file_root (BwCatalogFile *file,
                      JsonParser    *parser,
                      GBytes        *bytes)
{
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  if (g_bytes_get_size (bytes) == 0)
    {
      bw_catalog_file_fail (file, _("the file is empty"));
      return NULL;
    }
  if (!bw_json_read_check (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error) ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   &error))
    {
      /* json-glib refuses some input (empty, blank) without saying why. */
      bw_catalog_file_fail (file, "%s", error ? error->message : _("no JSON value"));
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      bw_catalog_file_fail (file, _("expected a JSON object"));
      return NULL;
    }
  return json_node_get_object (root);
}

JsonArray *
bw_catalog_file_array (BwCatalogFile *file,
                       JsonObject    *o,
                       const char    *path,
                       const char    *key,
                       gboolean       required)
{
  JsonNode *n = json_object_get_member (o, key);

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    {
      if (required)
        bw_catalog_file_fail (file, _("%s%s: missing"), path, key);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (n))
    {
      bw_catalog_file_fail (file, _("%s%s: expected an array"), path, key);
      return NULL;
    }
  return json_node_get_array (n);
}

const char *
bw_catalog_file_string (BwCatalogFile *file,
                        JsonObject    *o,
                        const char    *path,
                        const char    *key,
                        gboolean       required)
{
  JsonNode *n = json_object_get_member (o, key);

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    {
      if (required)
        bw_catalog_file_fail (file, _("%s%s: missing"), path, key);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    {
      bw_catalog_file_fail (file, _("%s%s: expected a string"), path, key);
      return NULL;
    }
  return json_node_get_string (n);
}

GStrv
bw_catalog_file_strv (BwCatalogFile *file,
                      JsonObject    *o,
                      const char    *path,
                      const char    *key)
{
  JsonNode *n = json_object_get_member (o, key);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *a;

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return g_new0 (char *, 1);
  if (!JSON_NODE_HOLDS_ARRAY (n))
    {
      bw_catalog_file_fail (file, _("%s%s: expected an array of strings"), path, key);
      return NULL;
    }
  a = json_node_get_array (n);
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *e = json_array_get_element (a, i);

      if (!JSON_NODE_HOLDS_VALUE (e) || json_node_get_value_type (e) != G_TYPE_STRING)
        {
          bw_catalog_file_fail (file, _("%s%s[%u]: expected a string"), path, key, i);
          return NULL;
        }
      g_strv_builder_add (builder, json_node_get_string (e));
    }
  return g_strv_builder_end (builder);
}

JsonObject *
bw_catalog_file_element (BwCatalogFile *file,
                         JsonArray     *a,
                         guint          i,
                         const char    *path)
{
  JsonNode *n = json_array_get_element (a, i);

  if (!JSON_NODE_HOLDS_OBJECT (n))
    {
      bw_catalog_file_fail (file, _("%s[%u]: expected an object"), path, i);
      return NULL;
    }
  return json_node_get_object (n);
}

int
bw_catalog_compare_ids (gconstpointer a,
                        gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}
