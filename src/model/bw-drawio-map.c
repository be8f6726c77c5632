/* bw-drawio-map.c: the table that maps draw.io shapes to stencils (data/import/drawio.json,
 * shipped as a resource): icon images, shape names, then keywords of labels and containers. */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "bw-drawio-private.h"

#define RESOURCE_DRAWIO_MAP "/io/github/bulwark/Bulwark/import/drawio.json"

/* How much of a label the keywords are looked for in: enough for any name, and linear. */
#define MAX_MATCHED_TEXT 1000

typedef struct
{
  char *keyword;  /* normalised, with a space either side */
  char *target;
} Keyword;

struct _BwDrawioMap
{
  GHashTable *images;   /* lower-case path from "img/lib/" → stencil id */
  GHashTable *shapes;   /* lower-case shape name → stencil id */
  GArray     *keywords; /* Keyword, in table order */
  GArray     *zones;    /* Keyword, in table order */
};

static void
keyword_clear (gpointer data)
{
  Keyword *k = data;

  g_free (k->keyword);
  g_free (k->target);
}

void
bw_drawio_map_free (BwDrawioMap *map)
{
  if (map == NULL)
    return;
  g_hash_table_unref (map->images);
  g_hash_table_unref (map->shapes);
  g_array_unref (map->keywords);
  g_array_unref (map->zones);
  g_free (map);
}

/* Icon files are named in the plural ("Virtual_Machines", "Key_Vaults"), labels often in the
 * singular: a word of more than three letters loses a final "s" (not of "ss", "us", "is"), in
 * the text and in the keywords alike. */
static void
singular (GString *words)
{
  g_auto(GStrv) split = g_strsplit (words->str, " ", -1);

  /* words is " a b c ": split gives "", "a", "b", "c", "". */
  g_string_assign (words, "");
  for (guint i = 0; split[i] != NULL; i++)
    {
      gsize n = strlen (split[i]);

      if (n > 3 && split[i][n - 1] == 's' && strchr ("sui", split[i][n - 2]) == NULL)
        split[i][n - 1] = '\0';
      if (i > 0)
        g_string_append_c (words, ' ');
      g_string_append (words, split[i]);
    }
}

/* Lower case, every run of what is not a letter or digit one space, a space either side:
 * then " vm " is found in " web vm 01 " and not in " vmware ". */
static char *
normalise (const char *text)
{
  g_autofree char *clipped = NULL;
  g_autofree char *lower = NULL;
  GString *out = g_string_new (" ");
  const char *end;

  if (!g_utf8_validate (text, -1, &end))
    clipped = g_strndup (text, end - text);
  else
    clipped = g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), MAX_MATCHED_TEXT));
  lower = g_utf8_strdown (clipped, -1);
  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
      else if (out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
    }
  if (out->str[out->len - 1] != ' ')
    g_string_append_c (out, ' ');
  singular (out);
  return g_string_free (out, FALSE);
}

static gboolean
invalid (GError    **error,
         const char *where)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("drawio.json: %s: expected a string"),
               where);
  return FALSE;
}

static gboolean
load_table (JsonObject  *root,
            const char  *member,
            GHashTable  *table,
            GError     **error)
{
  JsonObject *object = json_object_get_object_member (root, member);
  g_autoptr(GList) names = object != NULL ? json_object_get_members (object) : NULL;

  if (object == NULL)
    return invalid (error, member);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (object, l->data);

      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
        return invalid (error, l->data);
      g_hash_table_insert (table, g_ascii_strdown (l->data, -1),
                           g_strdup (json_node_get_string (value)));
    }
  return TRUE;
}

static gboolean
load_keywords (JsonObject  *root,
               const char  *member,
               const char  *target_key,
               GArray      *keywords,
               GError     **error)
{
  JsonArray *array = json_object_get_array_member (root, member);

  if (array == NULL)
    return invalid (error, member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *entry = json_array_get_object_element (array, i);
      const char *keyword = entry ? json_object_get_string_member_with_default (entry, "keyword", NULL) : NULL;
      const char *target =
          entry ? json_object_get_string_member_with_default (entry, target_key, NULL) : NULL;
      Keyword k;

      if (keyword == NULL || target == NULL)
        return invalid (error, member);
      k.keyword = normalise (keyword);
      k.target = g_strdup (target);
      g_array_append_val (keywords, k);
    }
  return TRUE;
}

BwDrawioMap *
bw_drawio_map_new_from_bytes (GBytes  *bytes,
                              GError **error)
{
  g_autoptr(BwDrawioMap) map = g_new0 (BwDrawioMap, 1);
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  JsonObject *root;

  map->images = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  map->shapes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  map->keywords = g_array_new (FALSE, FALSE, sizeof (Keyword));
  map->zones = g_array_new (FALSE, FALSE, sizeof (Keyword));
  g_array_set_clear_func (map->keywords, keyword_clear);
  g_array_set_clear_func (map->zones, keyword_clear);

  if (!json_parser_load_from_data (parser, data, length, error))
    return NULL;
  root = JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))
           ? json_node_get_object (json_parser_get_root (parser)) : NULL;
  if (root == NULL)
    {
      invalid (error, "root");
      return NULL;
    }
  if (!load_table (root, "images", map->images, error) ||
      !load_table (root, "shapes", map->shapes, error) ||
      !load_keywords (root, "keywords", "stencil", map->keywords, error) ||
      !load_keywords (root, "zones", "zone", map->zones, error))
    return NULL;
  return g_steal_pointer (&map);
}

BwDrawioMap *
bw_drawio_map_load_default (GError **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_DRAWIO_MAP,
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  if (bytes == NULL)
    return NULL;
  return bw_drawio_map_new_from_bytes (bytes, error);
}

const char *
bw_drawio_map_lookup_image (BwDrawioMap *map,
                            const char  *image)
{
  const char *from = image != NULL ? strstr (image, "img/lib/") : NULL;
  g_autofree char *key = NULL;

  if (from == NULL)
    return NULL;
  key = g_ascii_strdown (from, -1);
  return g_hash_table_lookup (map->images, key);
}

const char *
bw_drawio_map_lookup_shape (BwDrawioMap *map,
                            const char  *shape)
{
  g_autofree char *key = NULL;

  if (shape == NULL)
    return NULL;
  key = g_ascii_strdown (shape, -1);
  return g_hash_table_lookup (map->shapes, key);
}

static const char *
lookup_in (GArray     *keywords,
           const char *text)
{
  g_autofree char *normal = NULL;

  if (text == NULL || *text == '\0')
    return NULL;
  normal = normalise (text);
  for (guint i = 0; i < keywords->len; i++)
    {
      const Keyword *k = &g_array_index (keywords, Keyword, i);

      if (strstr (normal, k->keyword) != NULL)
        return k->target;
    }
  return NULL;
}

const char *
bw_drawio_map_lookup_keyword (BwDrawioMap *map,
                              const char  *text)
{
  return lookup_in (map->keywords, text);
}

const char *
bw_drawio_map_lookup_zone (BwDrawioMap *map,
                           const char  *text)
{
  return lookup_in (map->zones, text);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

char **
bw_drawio_map_dup_targets (BwDrawioMap *map)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) out = g_ptr_array_new ();
  GHashTable *tables[] = { map->images, map->shapes };
  GArray *lists[] = { map->keywords, map->zones };
  GHashTableIter iter;
  gpointer value;

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_hash_table_iter_init (&iter, tables[t]);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_hash_table_add (seen, value);
    }
  for (guint t = 0; t < G_N_ELEMENTS (lists); t++)
    for (guint i = 0; i < lists[t]->len; i++)
      g_hash_table_add (seen, g_array_index (lists[t], Keyword, i).target);
  g_hash_table_iter_init (&iter, seen);
  while (g_hash_table_iter_next (&iter, &value, NULL))
    g_ptr_array_add (out, g_strdup (value));
  g_ptr_array_sort (out, compare_strings);
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&out), FALSE);
}
