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
typedef struct
{
  GHashTable *index;  /* text → position */
  GPtrArray  *table;  /* texts, not owned */
} Table;

static guint
intern (Table      *t,
        const char *text)
{
  gpointer known;

  if (g_hash_table_lookup_extended (t->index, text, NULL, &known))
    return GPOINTER_TO_UINT (known);
  g_hash_table_insert (t->index, (gpointer) text, GUINT_TO_POINTER (t->table->len));
  g_ptr_array_add (t->table, (gpointer) text);
  return t->table->len - 1;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* One capability's entries that have texts and a score, by technique and category. */
static GPtrArray *
entries_with_texts (Capability *c)
{
  g_autofree EntryKey **keys = (EntryKey **) g_hash_table_get_keys_as_array (c->texts, NULL);
  guint n = g_hash_table_size (c->texts);
  GPtrArray *out = g_ptr_array_new ();

  qsort (keys, n, sizeof (EntryKey *), bw_compare_entry_keys);
  for (guint k = 0; k < n; k++)
    {
      EntryTexts *texts = g_hash_table_lookup (c->texts, keys[k]);

      /* Only entries the scores keep (an unscored object adds none). */
      if ((texts->comments->len > 0 || texts->references->len > 0) &&
          g_hash_table_contains (c->best, keys[k]))
        g_ptr_array_add (out, keys[k]);
    }
  return out;
}

static void
write_indices (BwJsonWriter *w,
               const char   *name,
               GPtrArray    *texts,
               Table        *t)
{
  bw_json_writer_member (w, name);
  bw_json_writer_begin_inline_array (w);
  for (guint i = 0; i < texts->len; i++)
    bw_json_writer_int (w, intern (t, g_ptr_array_index (texts, i)));
  bw_json_writer_end_array (w);
}

static void
write_table (BwJsonWriter *w,
             const char   *name,
             Table        *t)
{
  bw_json_writer_member (w, name);
  bw_json_writer_begin_array (w);
  for (guint i = 0; i < t->table->len; i++)
    bw_json_writer_string (w, g_ptr_array_index (t->table, i));
  bw_json_writer_end_array (w);
}

/* The capabilities, one line per entry; with `w` NULL, only fills the tables. */
static void
write_capabilities (BwJsonWriter *w,
                    GHashTable   *caps,
                    const char  **ids,
                    guint         n,
                    Table        *comments,
                    Table        *references)
{
  for (guint i = 0; i < n; i++)
    {
      Capability *c = g_hash_table_lookup (caps, ids[i]);
      g_autoptr(GPtrArray) keys = entries_with_texts (c);

      if (keys->len == 0)
        continue;
      if (w == NULL)
        {
          for (guint k = 0; k < keys->len; k++)
            {
              EntryTexts *texts = g_hash_table_lookup (c->texts, keys->pdata[k]);

              for (guint j = 0; j < texts->comments->len; j++)
                intern (comments, g_ptr_array_index (texts->comments, j));
              for (guint j = 0; j < texts->references->len; j++)
                intern (references, g_ptr_array_index (texts->references, j));
            }
          continue;
        }
      bw_json_writer_begin_object (w);
      bw_json_writer_string_member (w, "id", c->id);
      bw_json_writer_member (w, "entries");
      bw_json_writer_begin_array (w);
      for (guint k = 0; k < keys->len; k++)
        {
          EntryKey *key = keys->pdata[k];
          EntryTexts *texts = g_hash_table_lookup (c->texts, key);

          bw_json_writer_begin_inline_object (w);
          bw_json_writer_string_member (w, "technique", key->technique);
          bw_json_writer_string_member (w, "category", bw_category_to_string (key->category));
          write_indices (w, "comments", texts->comments, comments);
          write_indices (w, "references", texts->references, references);
          bw_json_writer_end_object (w);
        }
      bw_json_writer_end_array (w);
      bw_json_writer_end_object (w);
    }
}

char *
bw_mappings_write_provenance (GHashTable *caps)
{
  g_autofree const char **ids = (const char **) g_hash_table_get_keys_as_array (caps, NULL);
  guint n = g_hash_table_size (caps);
  Table comments = { g_hash_table_new (g_str_hash, g_str_equal), g_ptr_array_new () };
  Table references = { g_hash_table_new (g_str_hash, g_str_equal), g_ptr_array_new () };
  GString *text = g_string_new (NULL);
  g_autoptr(BwJsonWriter) w = bw_json_writer_new (text, BW_JSON_STYLE_PROJECT);

  /* The tables hold the strings in the order the capabilities meet them: first that order,
   * then the file. */
  qsort (ids, n, sizeof (char *), compare_strings);
  write_capabilities (NULL, caps, ids, n, &comments, &references);
  bw_json_writer_begin_object (w);
  write_table (w, "comments", &comments);
  write_table (w, "references", &references);
  bw_json_writer_member (w, "capabilities");
  bw_json_writer_begin_array (w);
  write_capabilities (w, caps, ids, n, &comments, &references);
  bw_json_writer_end_array (w);
  bw_json_writer_end_object (w);

  g_hash_table_unref (comments.index);
  g_ptr_array_unref (comments.table);
  g_hash_table_unref (references.index);
  g_ptr_array_unref (references.table);
  return g_string_free (text, FALSE);
}
