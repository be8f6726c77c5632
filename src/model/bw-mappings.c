/* bw-mappings.c: imports Center for Threat-Informed Defense Mappings Explorer files into the
 * catalog's mappings.json, carrying technique ids through revoked-by and reporting stale ones. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bw-catalog-private.h"
#include "bw-json-writer.h"
#include "bw-json-read.h"
#include "bw-mappings-private.h"
#include "bw-file.h"

EntryKey *
bw_entry_key_new (const char *technique,
                  BwCategory  category)
{
  EntryKey *key = g_new (EntryKey, 1);

  key->technique = g_strdup (technique);
  key->category = category;
  return key;
}

void
bw_entry_key_free (EntryKey *key)
{
  g_free (key->technique);
  g_free (key);
}

guint
bw_entry_key_hash (gconstpointer p)
{
  const EntryKey *key = p;

  return g_str_hash (key->technique) * 3 + key->category;
}

gboolean
bw_entry_key_equal (gconstpointer a,
                    gconstpointer b)
{
  const EntryKey *x = a;
  const EntryKey *y = b;

  return x->category == y->category && g_str_equal (x->technique, y->technique);
}

/* By technique, then category by name: "detect" < "protect" < "respond". */
int
bw_compare_entry_keys (gconstpointer a,
                       gconstpointer b)
{
  const EntryKey *x = *(EntryKey *const *) a;
  const EntryKey *y = *(EntryKey *const *) b;
  int c = strcmp (x->technique, y->technique);

  return c != 0 ? c
                : strcmp (bw_category_to_string (x->category), bw_category_to_string (y->category));
}

static void
capability_free (Capability *c)
{
  g_free (c->id);
  g_free (c->name);
  g_free (c->group);
  g_hash_table_unref (c->best);
  g_hash_table_unref (c->texts);
  g_free (c);
}

Capability *
bw_mappings_capability_get (GHashTable *caps,
                            const char *id,
                            const char *name,
                            const char *group)
{
  Capability *c = g_hash_table_lookup (caps, id);

  if (c == NULL)
    {
      c = g_new0 (Capability, 1);
      c->id = g_strdup (id);
      c->name = g_strdup (name);
      c->group = g_strdup (group);
      c->best = g_hash_table_new_full (bw_entry_key_hash, bw_entry_key_equal,
                                       (GDestroyNotify) bw_entry_key_free, NULL);
      c->texts = g_hash_table_new_full (bw_entry_key_hash, bw_entry_key_equal,
                                        (GDestroyNotify) bw_entry_key_free,
                                        (GDestroyNotify) bw_entry_texts_free);
      g_hash_table_insert (caps, c->id, c);
    }
  return c;
}

static void
capability_add (Capability *c,
                const char *technique,
                BwCategory  category,
                BwScore     score)
{
  EntryKey key = { (char *) technique, category };
  int old = GPOINTER_TO_INT (g_hash_table_lookup (c->best, &key));

  /* Several entries for one technique and category: the strongest counts. */
  if ((int) score > old)
    g_hash_table_insert (c->best, bw_entry_key_new (technique, category), GINT_TO_POINTER (score));
}

/* The existing mappings.json, read back into the merge table. */
static gboolean
load_existing (GBytes      *existing,
               GHashTable  *caps,
               JsonArray   *sources,
               GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local = NULL;
  JsonObject *root;
  JsonArray *array;

  if (g_bytes_get_size (existing) == 0)
    return bw_catalog_invalid (error, _("mappings.json: %s"), _("no JSON value"));
  if (!bw_json_read_check (g_bytes_get_data (existing, NULL), g_bytes_get_size (existing),
                           &local) ||
      !json_parser_load_from_data (parser, g_bytes_get_data (existing, NULL),
                                   g_bytes_get_size (existing), &local))
    return bw_catalog_invalid (error, _("mappings.json: %s"), local ? local->message : _("no JSON value"));
  if (json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return bw_catalog_invalid (error, _("mappings.json: expected an object"));
  root = json_node_get_object (json_parser_get_root (parser));

  /* Only sources that are objects are kept: the file name in each says which to replace. */
  array = bw_json_object_get_array (root, "sources");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    if (bw_json_array_get_object (array, i) != NULL)
      json_array_add_element (sources, json_node_copy (json_array_get_element (array, i)));

  if ((array = bw_json_object_get_array (root, "capabilities")) == NULL)
    return bw_catalog_invalid (error, _("mappings.json: capabilities: missing or not an array"));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = bw_json_array_get_object (array, i);
      JsonArray *entries;
      Capability *c;

      if (o == NULL || bw_json_object_get_string (o, "id") == NULL ||
          (entries = bw_json_object_get_array (o, "entries")) == NULL)
        return bw_catalog_invalid (error, _("mappings.json: capabilities[%u]: malformed"), i);
      c = bw_mappings_capability_get (caps, bw_json_object_get_string (o, "id"), bw_json_object_get_string (o, "name"),
                          bw_json_object_get_string (o, "group"));
      for (guint k = 0; k < json_array_get_length (entries); k++)
        {
          JsonObject *e = bw_json_array_get_object (entries, k);
          BwCategory category;
          BwScore score;

          if (e == NULL || bw_json_object_get_string (e, "technique") == NULL ||
              !bw_category_from_string (bw_json_object_get_string (e, "category"), &category) ||
              !bw_score_from_string (bw_json_object_get_string (e, "score"), &score))
            return bw_catalog_invalid (error, _("mappings.json: capabilities[%u].entries[%u]: malformed"), i, k);
          capability_add (c, bw_json_object_get_string (e, "technique"), category, score);
        }
    }
  return TRUE;
}

/* A mapping object's member that may be absent or null (unmapped entries have no technique or
 * score), or else must be a string. */
static gboolean
optional_string (JsonObject  *m,
                 const char  *key,
                 const char  *path,
                 guint        i,
                 const char **out,
                 GError     **error)
{
  JsonNode *n = json_object_get_member (m, key);

  *out = bw_json_object_get_string (m, key);
  if (n != NULL && *out == NULL && !JSON_NODE_HOLDS_NULL (n))
    return bw_catalog_invalid (error, _("%s: mapping_objects[%u].%s: expected a string"), path, i, key);
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

GBytes *
bw_mappings_read_file (const char  *path,
                       GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  /* A device or FIFO would be read until memory runs out, or forever. */
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      bw_catalog_invalid (error, _("%s: not a regular file"), path);
      return NULL;
    }
  if (!bw_file_get_contents (path, &contents, &length, error))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

char *
bw_mappings_import (const char       *path,
                    BwCatalog        *catalog,
                    GBytes           *existing,
                    GStrv            *out_stale,
                    BwMappingsStats  *stats,
                    GError          **error)
{
  g_autoptr(GBytes) data = bw_mappings_read_file (path, error);

  if (data == NULL)
    return NULL;
  return bw_mappings_import_data (g_bytes_get_data (data, NULL), g_bytes_get_size (data), path,
                                  catalog, existing, out_stale, stats, error);
}

/* What the passes over one Mappings Explorer file share. */
typedef struct
{
  const char     *path;
  BwCatalog      *catalog;
  JsonArray      *objects;      /* mapping_objects, owned by the parser */
  JsonObject     *metadata;     /* or NULL */
  JsonObject     *group_names;  /* metadata.capability_groups: group id → name, or NULL */
  GHashTable     *caps;         /* capability id → Capability: the merge table */
  GHashTable     *replaced;     /* the capability ids the file brings */
  GHashTable     *stale;        /* technique ids the catalog does not know, owned */
  JsonArray      *sources;      /* the source lines to write */
  BwMappingsStats counts;
} MappingsImport;

static void
mappings_import_init (MappingsImport *self,
                      const char     *path,
                      BwCatalog      *catalog)
{
  self->path = path;
  self->catalog = catalog;
  self->caps =
      g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) capability_free);
  self->replaced = g_hash_table_new (g_str_hash, g_str_equal);
  self->stale = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->sources = json_array_new ();
}

static void
mappings_import_clear (MappingsImport *self)
{
  g_clear_pointer (&self->caps, g_hash_table_unref);
  g_clear_pointer (&self->replaced, g_hash_table_unref);
  g_clear_pointer (&self->stale, g_hash_table_unref);
  g_clear_pointer (&self->sources, json_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MappingsImport, mappings_import_clear)

/* Parses the file and finds its metadata and mapping objects. */
static gboolean
parse_file (MappingsImport  *self,
            JsonParser      *parser,
            const char      *data,
            gsize            length,
            GError         **error)
{
  g_autoptr(GError) local = NULL;
  JsonObject *root;
  JsonNode *node;

  if (!bw_json_read_check (data, length, &local) ||
      !json_parser_load_from_data (parser, data, length, &local))
    return bw_catalog_invalid (error, _("%s: %s"), self->path, local ? local->message : _("no JSON value"));
  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return bw_catalog_invalid (error, _("%s: (root): expected an object"), self->path);
  root = json_node_get_object (node);

  node = json_object_get_member (root, "metadata");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      self->metadata = json_node_get_object (node);
      node = json_object_get_member (self->metadata, "capability_groups");
      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        self->group_names = json_node_get_object (node);
    }
  else if (node != NULL)
    return bw_catalog_invalid (error, _("%s: metadata: expected an object"), self->path);

  node = json_object_get_member (root, "mapping_objects");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return bw_catalog_invalid (error, _("%s: mapping_objects: missing or not an array"), self->path);
  self->objects = json_node_get_array (node);
  return TRUE;
}

/* The capability an entry of the file belongs to: the first entry of a capability replaces
 * the same one from before, entirely. */
static Capability *
replace_capability (MappingsImport *self,
                    const char     *cap_id,
                    const char     *cap_name,
                    const char     *group)
{
  const char *group_name = NULL;
  Capability *c;

  if (group != NULL && self->group_names != NULL)
    group_name = bw_json_object_get_string (self->group_names, group);
  if (g_hash_table_contains (self->replaced, cap_id))
    return g_hash_table_lookup (self->caps, cap_id);
  g_hash_table_remove (self->caps, cap_id);
  c = bw_mappings_capability_get (self->caps, cap_id, cap_name ? cap_name : cap_id,
                      group_name ? group_name : group ? group : "");
  g_hash_table_add (self->replaced, c->id);
  self->counts.capabilities++;
  return c;
}

/* One mapping object: checked, and merged unless it is unmapped, under review or stale. */
static gboolean
read_mapping (MappingsImport  *self,
              guint            i,
              GError         **error)
{
  JsonNode *en = json_array_get_element (self->objects, i);
  const char *path = self->path;
  JsonObject *m;
  const char *cap_id, *cap_name, *group, *technique, *category_s, *score_s, *status;
  const BwTechnique *t;
  BwCategory category;
  BwScore score;
  Capability *c;

  if (!JSON_NODE_HOLDS_OBJECT (en))
    return bw_catalog_invalid (error, _("%s: mapping_objects[%u]: expected an object"), path, i);
  m = json_node_get_object (en);
  cap_id = bw_json_object_get_string (m, "capability_id");
  if (cap_id == NULL || *cap_id == '\0')
    return bw_catalog_invalid (error, _("%s: mapping_objects[%u].capability_id: missing or not a string"),
                               path, i);
  if (!optional_string (m, "attack_object_id", path, i, &technique, error) ||
      !optional_string (m, "score_category", path, i, &category_s, error) ||
      !optional_string (m, "score_value", path, i, &score_s, error) ||
      !optional_string (m, "status", path, i, &status, error) ||
      !optional_string (m, "capability_description", path, i, &cap_name, error) ||
      !optional_string (m, "capability_group", path, i, &group, error))
    return FALSE;
  /* Entries still under review or without a score say nothing about coverage. */
  if (status != NULL && !g_str_equal (status, "complete"))
    return TRUE;
  if (technique == NULL || category_s == NULL || score_s == NULL)
    return TRUE;
  if (!bw_category_from_string (category_s, &category))
    return bw_catalog_invalid (error, _("%s: mapping_objects[%u].score_category: unknown category “%s”"),
                               path, i, category_s);
  if (!bw_score_from_string (score_s, &score) || score == BW_SCORE_NONE)
    return bw_catalog_invalid (error, _("%s: mapping_objects[%u].score_value: unknown score “%s”"),
                               path, i, score_s);

  c = replace_capability (self, cap_id, cap_name, group);
  t = bw_catalog_resolve_technique (self->catalog, technique);
  if (t == NULL)
    {
      g_hash_table_add (self->stale, g_strdup (technique));
      return TRUE;
    }
  if (!g_str_equal (t->id, technique))
    self->counts.redirected++;
  capability_add (c, t->id, category, score);
  bw_mappings_add_texts (c, t->id, category, m);
  return TRUE;
}

/* The file's source line, from its metadata; importing the same file again replaces it. */
static void
add_source (MappingsImport *self)
{
  JsonObject *source = json_object_new ();
  const char *fields[] = { "mapping_framework", "mapping_framework_version", "attack_version" };
  g_autofree char *base = g_path_get_basename (self->path);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *v = bw_json_object_get_string (self->metadata, fields[i]);

      json_object_set_string_member (source, fields[i], v ? v : "");
    }
  json_object_set_string_member (source, "file", base);
  for (guint i = json_array_get_length (self->sources); i > 0; i--)
    {
      JsonObject *old = bw_json_array_get_object (self->sources, i - 1);

      if (old != NULL && g_strcmp0 (bw_json_object_get_string (old, "file"), base) == 0)
        json_array_remove_element (self->sources, i - 1);
    }
  json_array_add_object_element (self->sources, source);
}

/* One capability with its entries, by technique then category. */
static void
write_capability (MappingsImport *self,
                  JsonBuilder    *b,
                  Capability     *c)
{
  g_autofree EntryKey **keys = (EntryKey **) g_hash_table_get_keys_as_array (c->best, NULL);
  guint n = g_hash_table_size (c->best);

  qsort (keys, n, sizeof (EntryKey *), bw_compare_entry_keys);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, c->id);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, c->name ? c->name : c->id);
  json_builder_set_member_name (b, "group");
  json_builder_add_string_value (b, c->group ? c->group : "");
  json_builder_set_member_name (b, "entries");
  json_builder_begin_array (b);
  for (guint k = 0; k < n; k++)
    {
      int score = GPOINTER_TO_INT (g_hash_table_lookup (c->best, keys[k]));

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "technique");
      json_builder_add_string_value (b, keys[k]->technique);
      json_builder_set_member_name (b, "category");
      json_builder_add_string_value (b, bw_category_to_string (keys[k]->category));
      json_builder_set_member_name (b, "score");
      json_builder_add_string_value (b, bw_score_to_string (score));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  if (g_hash_table_contains (self->replaced, c->id))
    self->counts.entries += n;
}

/* mappings.json: the sources, then the capabilities by id. */
static void
write_mappings (MappingsImport *self,
                JsonBuilder    *b)
{
  g_autofree const char **ids = (const char **) g_hash_table_get_keys_as_array (self->caps, NULL);
  guint n = g_hash_table_size (self->caps);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "sources");
  json_builder_begin_array (b);
  for (guint i = 0; i < json_array_get_length (self->sources); i++)
    json_builder_add_value (b, json_node_copy (json_array_get_element (self->sources, i)));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "capabilities");
  json_builder_begin_array (b);
  qsort (ids, n, sizeof (char *), compare_strings);
  for (guint i = 0; i < n; i++)
    write_capability (self, b, g_hash_table_lookup (self->caps, ids[i]));
  json_builder_end_array (b);
  json_builder_end_object (b);
}

/* mappings.json's text: two-space indent, every control character escaped, a final newline. */
static char *
builder_to_text (JsonBuilder *b)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (b);
  GString *text = g_string_new (NULL);

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_to_gstring (generator, text);
  bw_json_escape_generated (text);
  g_string_append_c (text, '\n');
  return g_string_free (text, FALSE);
}

char *
bw_mappings_import_data (const char       *data,
                         gsize             length,
                         const char       *path,
                         BwCatalog        *catalog,
                         GBytes           *existing,
                         GStrv            *out_stale,
                         BwMappingsStats  *stats,
                         GError          **error)
{
  return bw_mappings_import_full (data, length, path, catalog, existing, NULL, NULL, out_stale,
                                  stats, error);
}

char *
bw_mappings_import_full (const char       *data,
                         gsize             length,
                         const char       *path,
                         BwCatalog        *catalog,
                         GBytes           *existing,
                         GBytes           *existing_provenance,
                         char            **out_provenance,
                         GStrv            *out_stale,
                         BwMappingsStats  *stats,
                         GError          **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_auto(MappingsImport) import = { 0 };
  g_autoptr(JsonBuilder) b = json_builder_new ();

  mappings_import_init (&import, path, catalog);
  if (!parse_file (&import, parser, data, length, error))
    return NULL;
  if (existing != NULL && !load_existing (existing, import.caps, import.sources, error))
    return NULL;
  if (existing != NULL && existing_provenance != NULL &&
      !bw_mappings_load_provenance (existing_provenance, import.caps, error))
    return NULL;
  for (guint i = 0; i < json_array_get_length (import.objects); i++)
    if (!read_mapping (&import, i, error))
      return NULL;
  if (import.metadata != NULL)
    add_source (&import);
  write_mappings (&import, b);

  if (out_provenance != NULL)
    *out_provenance = bw_mappings_write_provenance (import.caps);
  if (out_stale != NULL)
    {
      *out_stale = (GStrv) g_hash_table_get_keys_as_array (import.stale, NULL);
      g_hash_table_steal_all (import.stale);
      qsort (*out_stale, g_strv_length (*out_stale), sizeof (char *), compare_strings);
    }
  if (stats != NULL)
    *stats = import.counts;
  return builder_to_text (b);
}
