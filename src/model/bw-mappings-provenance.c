/* bw-mappings-provenance.c: the reasons behind the scores — CTID's `comments` and `references`
 * of every mapping object — carried through the Mappings Explorer import into provenance.json:
 * { "comments": [...], "references": [...], "capabilities": [ { "id", "entries": [ { "technique",
 * "category", "comments": [index…], "references": [index…] } ] } ] }. Each string is stored once
 * (many entries share a comment), so the file stays small; the catalog reads it only when a page
 * asks (bw-catalog-provenance.c). */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bw-catalog-private.h"
#include "bw-json-read.h"
#include "bw-json-writer.h"
#include "bw-mappings-private.h"

void
bw_entry_texts_free (EntryTexts *texts)
{
  g_ptr_array_unref (texts->comments);
  g_ptr_array_unref (texts->references);
  g_free (texts);
}

static EntryTexts *
entry_texts (Capability *c,
             const char *technique,
             BwCategory  category)
{
  EntryKey key = { (char *) technique, category };
  EntryTexts *texts = g_hash_table_lookup (c->texts, &key);

  if (texts == NULL)
    {
      texts = g_new0 (EntryTexts, 1);
      texts->comments = g_ptr_array_new_with_free_func (g_free);
      texts->references = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (c->texts, bw_entry_key_new (technique, category), texts);
    }
  return texts;
}

/* Adds `text` unless it is empty or there already. */
static void
add_once (GPtrArray  *list,
          const char *text)
{
  g_autofree char *trimmed = NULL;

  if (text == NULL)
    return;
  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    return;
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (g_ptr_array_index (list, i), trimmed))
      return;
  g_ptr_array_add (list, g_steal_pointer (&trimmed));
}

void
bw_mappings_add_texts (Capability *c,
                       const char *technique,
                       BwCategory  category,
                       JsonObject *mapping)
{
  EntryTexts *texts = entry_texts (c, technique, category);
  JsonArray *refs = bw_json_object_get_array (mapping, "references");

  add_once (texts->comments, bw_json_object_get_string (mapping, "comments"));
  for (guint i = 0; refs != NULL && i < json_array_get_length (refs); i++)
    add_once (texts->references, bw_json_array_get_string (refs, i));
}

/* The strings an index array names in `table`, added to `list`. */
static gboolean
read_indices (JsonArray  *indices,
              JsonArray  *table,
              GPtrArray  *list)
{
  for (guint i = 0; indices != NULL && i < json_array_get_length (indices); i++)
    {
      JsonNode *n = json_array_get_element (indices, i);
      gint64 k;

      if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_INT64 ||
          (k = json_node_get_int (n)) < 0 || table == NULL ||
          k >= (gint64) json_array_get_length (table) ||
          bw_json_array_get_string (table, (guint) k) == NULL)
        return FALSE;
      add_once (list, bw_json_array_get_string (table, (guint) k));
    }
  return TRUE;
}

gboolean
bw_mappings_load_provenance (GBytes      *existing,
                             GHashTable  *caps,
                             GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local = NULL;
  JsonNode *node;
  JsonObject *root;
  JsonArray *comments, *references, *array;
  const char *data = g_bytes_get_data (existing, NULL);
  gsize size = g_bytes_get_size (existing);

  if (size == 0 || !bw_json_read_check (data, size, &local) ||
      !json_parser_load_from_data (parser, data, size, &local))
    return bw_catalog_invalid (error, _("provenance.json: %s"),
                               local ? local->message : _("no JSON value"));
  node = json_parser_get_root (parser);
  root = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  if (root == NULL)
    return bw_catalog_invalid (error, _("provenance.json: expected an object"));
  comments = bw_json_object_get_array (root, "comments");
  references = bw_json_object_get_array (root, "references");
  array = bw_json_object_get_array (root, "capabilities");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *o = bw_json_array_get_object (array, i);
      JsonArray *entries = o ? bw_json_object_get_array (o, "entries") : NULL;
      const char *id = o ? bw_json_object_get_string (o, "id") : NULL;
      Capability *c = id ? g_hash_table_lookup (caps, id) : NULL;

      for (guint k = 0; c != NULL && entries != NULL && k < json_array_get_length (entries); k++)
        {
          JsonObject *e = bw_json_array_get_object (entries, k);
          const char *technique = e ? bw_json_object_get_string (e, "technique") : NULL;
          BwCategory category;
          EntryTexts *texts;

          if (technique == NULL ||
              !bw_category_from_string (bw_json_object_get_string (e, "category"), &category))
            return bw_catalog_invalid (error, _("provenance.json: capabilities[%u].entries[%u]: malformed"), i, k);
          texts = entry_texts (c, technique, category);
          if (!read_indices (bw_json_object_get_array (e, "comments"), comments, texts->comments) ||
              !read_indices (bw_json_object_get_array (e, "references"), references,
                             texts->references))
            return bw_catalog_invalid (error, _("provenance.json: capabilities[%u].entries[%u]: an index out of range"), i, k);
        }
    }
  return TRUE;
}

/* A string's index in a table of first appearances. */
static guint
intern (GHashTable *index,
        GPtrArray  *table,
        const char *text)
{
  gpointer known;

  if (g_hash_table_lookup_extended (index, text, NULL, &known))
    return GPOINTER_TO_UINT (known);
  g_hash_table_insert (index, (gpointer) text, GUINT_TO_POINTER (table->len));
  g_ptr_array_add (table, (gpointer) text);
  return table->len - 1;
}

typedef struct
{
  GHashTable *index;
  GPtrArray  *table;
} Table;

static void
write_indices (JsonBuilder *b,
               const char  *key,
               GPtrArray   *texts,
               Table       *t)
{
  json_builder_set_member_name (b, key);
  json_builder_begin_array (b);
  for (guint i = 0; i < texts->len; i++)
    json_builder_add_int_value (b, intern (t->index, t->table, g_ptr_array_index (texts, i)));
  json_builder_end_array (b);
}

static void
write_table (JsonBuilder *b,
             const char  *key,
             Table       *t)
{
  json_builder_set_member_name (b, key);
  json_builder_begin_array (b);
  for (guint i = 0; i < t->table->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (t->table, i));
  json_builder_end_array (b);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* One capability's entries with texts, into `b` (inside the capabilities array). */
static void
write_capability (JsonBuilder *b,
                  Capability  *c,
                  Table       *comments,
                  Table       *references)
{
  g_autofree EntryKey **keys = (EntryKey **) g_hash_table_get_keys_as_array (c->texts, NULL);
  guint n = g_hash_table_size (c->texts), written = 0;

  qsort (keys, n, sizeof (EntryKey *), bw_compare_entry_keys);
  for (guint k = 0; k < n; k++)
    {
      EntryTexts *texts = g_hash_table_lookup (c->texts, keys[k]);

      /* Only entries the scores keep (an unscored object adds none). */
      if ((texts->comments->len == 0 && texts->references->len == 0) ||
          !g_hash_table_contains (c->best, keys[k]))
        continue;
      if (written++ == 0)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_string_value (b, c->id);
          json_builder_set_member_name (b, "entries");
          json_builder_begin_array (b);
        }
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "technique");
      json_builder_add_string_value (b, keys[k]->technique);
      json_builder_set_member_name (b, "category");
      json_builder_add_string_value (b, bw_category_to_string (keys[k]->category));
      write_indices (b, "comments", texts->comments, comments);
      write_indices (b, "references", texts->references, references);
      json_builder_end_object (b);
    }
  if (written > 0)
    {
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
}

char *
bw_mappings_write_provenance (GHashTable *caps)
{
  g_autoptr(JsonBuilder) caps_b = json_builder_new ();
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree const char **ids = (const char **) g_hash_table_get_keys_as_array (caps, NULL);
  guint n = g_hash_table_size (caps);
  Table comments = { g_hash_table_new (g_str_hash, g_str_equal), g_ptr_array_new () };
  Table references = { g_hash_table_new (g_str_hash, g_str_equal), g_ptr_array_new () };
  g_autoptr(JsonNode) caps_root = NULL;
  g_autoptr(JsonNode) root = NULL;
  GString *text = g_string_new (NULL);

  /* The capabilities first, so the tables hold the strings in the order they are met. */
  qsort (ids, n, sizeof (char *), compare_strings);
  json_builder_begin_array (caps_b);
  for (guint i = 0; i < n; i++)
    write_capability (caps_b, g_hash_table_lookup (caps, ids[i]), &comments, &references);
  json_builder_end_array (caps_b);
  caps_root = json_builder_get_root (caps_b);

  json_builder_begin_object (b);
  write_table (b, "comments", &comments);
  write_table (b, "references", &references);
  json_builder_set_member_name (b, "capabilities");
  json_builder_add_value (b, g_steal_pointer (&caps_root));
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_to_gstring (generator, text);
  bw_json_escape_generated (text);
  g_string_append_c (text, '\n');
  g_hash_table_unref (comments.index);
  g_ptr_array_unref (comments.table);
  g_hash_table_unref (references.index);
  g_ptr_array_unref (references.table);
  return g_string_free (text, FALSE);
}
