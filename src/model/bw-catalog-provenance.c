/* bw-catalog-provenance.c: the catalog's texts that no figure needs — CTID's comments and
 * references per mapping entry (provenance.json), ATT&CK's technique descriptions and URLs
 * (descriptions.json) — kept out of memory until the first question about them, then kept.
 * Technique ids in provenance.json are carried through revoked-by as mappings.json's are. */
#include "config.h"

#include "bw-catalog-load.h"
#include "bw-explain.h"
#include "bw-file.h"
#include "bw-json-read.h"

#define RESOURCE_CATALOG RESOURCE_BASE "/catalog/"

enum
{
  TEXT_PROVENANCE,
  TEXT_DESCRIPTIONS,
};

static const char *const text_files[] = { "provenance.json", "descriptions.json" };
static const char *const empty_strv[] = { NULL };

/* One entry's texts: NULL-terminated arrays of strings from the chunk. */
typedef struct
{
  GPtrArray *comments;
  GPtrArray *references;
} Provenance;

typedef struct _BwCatalogTexts BwCatalogTexts;

struct _BwCatalogTexts
{
  gboolean      loaded[2];
  GStringChunk *strings;
  GHashTable   *entries;      /* "capability\ttechnique index\tcategory" → Provenance */
  GHashTable   *descriptions; /* technique id → description (chunk) */
  GHashTable   *urls;         /* technique id → URL (chunk) */
};

/* Lookups may come from any thread; the first one loads. */
static GMutex texts_lock;

static void
provenance_free (Provenance *p)
{
  g_ptr_array_unref (p->comments);
  g_ptr_array_unref (p->references);
  g_free (p);
}

void
bw_catalog_set_text_sources (BwCatalog  *self,
                             const char *dir,
                             gboolean    shipped)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_files); i++)
    {
      g_autofree char *path = dir ? g_build_filename (dir, text_files[i], NULL) : NULL;

      g_free (self->text_sources[i]);
      if (path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR))
        self->text_sources[i] = g_steal_pointer (&path);
      else
        self->text_sources[i] = shipped ? g_strdup (BW_CATALOG_TEXT_SHIPPED) : NULL;
    }
}

void
bw_catalog_free_texts (BwCatalog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_files); i++)
    g_clear_pointer (&self->text_sources[i], g_free);
  if (self->texts == NULL)
    return;
  g_hash_table_unref (self->texts->entries);
  g_hash_table_unref (self->texts->descriptions);
  g_hash_table_unref (self->texts->urls);
  g_string_chunk_free (self->texts->strings);
  g_clear_pointer (&self->texts, g_free);
}

/* The root object of text file `which`, or NULL (absent or unreadable: the texts are only
 * missing, never an error). */
static JsonObject *
read_text_file (BwCatalog  *self,
                guint       which,
                JsonParser *parser)
{
  const char *source = self->text_sources[which];
  g_autoptr(GBytes) bytes = NULL;
  JsonNode *root;

  if (source == NULL)
    return NULL;
  if (g_str_equal (source, BW_CATALOG_TEXT_SHIPPED))
    {
      g_autofree char *path = g_strconcat (RESOURCE_CATALOG, text_files[which], NULL);

      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
    }
  else
    {
      g_autofree char *contents = NULL;
      gsize length;

      if (bw_file_get_contents (source, &contents, &length, NULL))
        bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
    }
  /* A user's file is checked as every catalog file is (nesting, size) before it is parsed. */
  if (bytes == NULL ||
      !bw_json_read_check (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL) ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return json_node_get_object (root);
}

static const char *
array_string (JsonArray *array,
              guint      index)
{
  JsonNode *n = json_array_get_element (array, index);

  return JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING
             ? json_node_get_string (n)
             : NULL;
}

static const char *
object_string (JsonObject *o,
               const char *key)
{
  JsonNode *n = o ? json_object_get_member (o, key) : NULL;

  return n && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING
             ? json_node_get_string (n)
             : NULL;
}

static JsonArray *
object_array (JsonObject *o,
              const char *key)
{
  JsonNode *n = o ? json_object_get_member (o, key) : NULL;

  return n && JSON_NODE_HOLDS_ARRAY (n) ? json_node_get_array (n) : NULL;
}

static JsonObject *
array_object (JsonArray *array,
              guint      index)
{
  JsonNode *n = json_array_get_element (array, index);

  return JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
}

/* Adds the strings the indices name, each once, keeping the array NULL-terminated. */
static void
add_indexed (BwCatalogTexts *texts,
             GPtrArray      *list,
             JsonArray      *indices,
             JsonArray      *table)
{
  for (guint i = 0; indices != NULL && table != NULL && i < json_array_get_length (indices); i++)
    {
      JsonNode *n = json_array_get_element (indices, i);
      gint64 k = JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_INT64
                     ? json_node_get_int (n)
                     : -1;
      const char *text;
      gboolean known = FALSE;

      if (k < 0 || k >= (gint64) json_array_get_length (table) ||
          (text = array_string (table, (guint) k)) == NULL)
        continue;
      text = g_string_chunk_insert_const (texts->strings, text);
      for (guint j = 0; j + 1 < list->len && !known; j++)
        known = g_ptr_array_index (list, j) == text;
      if (known)
        continue;
      g_ptr_array_index (list, list->len - 1) = (gpointer) text;
      g_ptr_array_add (list, NULL);
    }
}

static char *
entry_key (const char *capability,
           guint       technique,
           BwCategory  category)
{
  return g_strdup_printf ("%s\t%u\t%d", capability, technique, (int) category);
}

static void
load_provenance (BwCatalog      *self,
                 BwCatalogTexts *texts)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *root = read_text_file (self, TEXT_PROVENANCE, parser);
  JsonArray *comments = object_array (root, "comments");
  JsonArray *references = object_array (root, "references");
  JsonArray *caps = object_array (root, "capabilities");

  for (guint i = 0; caps != NULL && i < json_array_get_length (caps); i++)
    {
      JsonObject *c = array_object (caps, i);
      const char *id = object_string (c, "id");
      JsonArray *entries = object_array (c, "entries");

      for (guint k = 0; id != NULL && entries != NULL && k < json_array_get_length (entries); k++)
        {
          JsonObject *e = array_object (entries, k);
          const char *technique = object_string (e, "technique");
          const BwTechnique *t = technique ? bw_catalog_resolve_technique (self, technique) : NULL;
          BwCategory category;
          g_autofree char *key = NULL;
          Provenance *p;

          if (t == NULL || !bw_category_from_string (object_string (e, "category"), &category))
            continue;
          key = entry_key (id, t->index, category);
          if ((p = g_hash_table_lookup (texts->entries, key)) == NULL)
            {
              p = g_new0 (Provenance, 1);
              p->comments = g_ptr_array_new ();
              p->references = g_ptr_array_new ();
              g_ptr_array_add (p->comments, NULL);
              g_ptr_array_add (p->references, NULL);
              g_hash_table_insert (texts->entries, g_steal_pointer (&key), p);
            }
          add_indexed (texts, p->comments, object_array (e, "comments"), comments);
          add_indexed (texts, p->references, object_array (e, "references"), references);
        }
    }
}

static void
load_descriptions (BwCatalog      *self,
                   BwCatalogTexts *texts)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *root = read_text_file (self, TEXT_DESCRIPTIONS, parser);
  JsonArray *techniques = object_array (root, "techniques");

  for (guint i = 0; techniques != NULL && i < json_array_get_length (techniques); i++)
    {
      JsonObject *o = array_object (techniques, i);
      const BwTechnique *t = bw_catalog_lookup_technique (self, object_string (o, "id"));
      const char *description = object_string (o, "description");
      const char *url = object_string (o, "url");

      if (t == NULL)
        continue;
      if (description != NULL && *description != '\0')
        g_hash_table_insert (texts->descriptions, t->id,
                             g_string_chunk_insert (texts->strings, description));
      if (url != NULL && g_str_has_prefix (url, "https://attack.mitre.org/"))
        g_hash_table_insert (texts->urls, t->id, g_string_chunk_insert (texts->strings, url));
    }
}

/* The texts, with file `which` loaded; call with the lock held. */
static BwCatalogTexts *
ensure_texts (BwCatalog *self,
              guint      which)
{
  BwCatalogTexts *texts = self->texts;

  if (texts == NULL)
    {
      texts = self->texts = g_new0 (BwCatalogTexts, 1);
      texts->strings = g_string_chunk_new (64 * 1024);
      texts->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) provenance_free);
      texts->descriptions = g_hash_table_new (g_str_hash, g_str_equal);
      texts->urls = g_hash_table_new (g_str_hash, g_str_equal);
    }
  if (!texts->loaded[which])
    {
      texts->loaded[which] = TRUE;
      if (which == TEXT_PROVENANCE)
        load_provenance (self, texts);
      else
        load_descriptions (self, texts);
    }
  return texts;
}

gboolean
bw_catalog_get_entry_provenance (BwCatalog          *self,
                                 const char         *capability_id,
                                 guint               technique,
                                 BwCategory          category,
                                 const char *const **comments,
                                 const char *const **references)
{
  g_autofree char *key = NULL;
  const BwCapability *cap;
  Provenance *p = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (BW_IS_CATALOG (self), FALSE);
  *comments = *references = empty_strv;
  if ((cap = bw_catalog_lookup_capability (self, capability_id)) == NULL)
    return FALSE;
  for (guint i = 0; i < cap->n_entries && !found; i++)
    found = cap->entries[i].technique == technique && cap->entries[i].category == category;
  if (!found)
    return FALSE;

  key = entry_key (capability_id, technique, category);
  g_mutex_lock (&texts_lock);
  p = g_hash_table_lookup (ensure_texts (self, TEXT_PROVENANCE)->entries, key);
  g_mutex_unlock (&texts_lock);
  if (p != NULL)
    {
      *comments = (const char *const *) p->comments->pdata;
      *references = (const char *const *) p->references->pdata;
    }
  return TRUE;
}

const char *
bw_catalog_get_technique_description (BwCatalog  *self,
                                      const char *technique_id)
{
  const BwTechnique *t;
  const char *description;

  g_return_val_if_fail (BW_IS_CATALOG (self), NULL);
  if (technique_id == NULL || (t = bw_catalog_lookup_technique (self, technique_id)) == NULL)
    return NULL;
  g_mutex_lock (&texts_lock);
  description = g_hash_table_lookup (ensure_texts (self, TEXT_DESCRIPTIONS)->descriptions, t->id);
  g_mutex_unlock (&texts_lock);
  return description;
}

const char *
bw_catalog_get_technique_url (BwCatalog  *self,
                              const char *technique_id)
{
  const BwTechnique *t;
  BwCatalogTexts *texts;
  const char *url;

  g_return_val_if_fail (BW_IS_CATALOG (self), NULL);
  if (technique_id == NULL || (t = bw_catalog_lookup_technique (self, technique_id)) == NULL)
    return NULL;
  g_mutex_lock (&texts_lock);
  texts = ensure_texts (self, TEXT_DESCRIPTIONS);
  if ((url = g_hash_table_lookup (texts->urls, t->id)) == NULL)
    {
      /* No URL shipped for it: attack.mitre.org's form, "T1566.001" → techniques/T1566/001. */
      g_autofree char *path = g_strdelimit (g_strdup (t->id), ".", '/');
      g_autofree char *built = g_strconcat ("https://attack.mitre.org/techniques/", path, NULL);

      url = g_string_chunk_insert (texts->strings, built);
      g_hash_table_insert (texts->urls, t->id, (gpointer) url);
    }
  g_mutex_unlock (&texts_lock);
  return url;
}
