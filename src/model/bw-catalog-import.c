/* bw-catalog-import.c: imports into the user catalog. An import makes the new files, carries
 * the mappings to the new release, writes the complete catalog into a directory beside the
 * user's, loads it from there exactly as start-up does, and only then swaps it into place, so a
 * bundle that would not load is refused and the previous catalog stays in effect. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "bw-catalog-import.h"
#include "bw-catalog-private.h"
#include "bw-file.h"
#include "bw-json-read.h"

static const char *const file_names[BW_CATALOG_N_FILES] = {
  "attack.json", "killchain.json", "mappings.json", "stencils.json", "provenance.json",
  "descriptions.json",
};

static void
clear_row (BwMigrationRow *row)
{
  g_free (row->capability);
}

BwCatalogImport *
bw_catalog_import_new (const char *source,
                       gboolean    is_attack)
{
  BwCatalogImport *self = g_new0 (BwCatalogImport, 1);

  self->source = g_strdup (source);
  self->is_attack = is_attack;
  self->rows = g_array_new (FALSE, TRUE, sizeof (BwMigrationRow));
  g_array_set_clear_func (self->rows, (GDestroyNotify) clear_row);
  self->moves = g_ptr_array_new_with_free_func (g_free);
  self->gone_ids = g_ptr_array_new_with_free_func (g_free);
  return self;
}

void
bw_catalog_import_free (BwCatalogImport *self)
{
  if (self == NULL)
    return;
  g_free (self->source);
  g_strfreev (self->stale);
  g_free (self->from_version);
  g_array_unref (self->rows);
  g_ptr_array_unref (self->moves);
  g_ptr_array_unref (self->gone_ids);
  for (guint i = 0; i < BW_CATALOG_N_FILES; i++)
    g_clear_pointer (&self->files[i], g_bytes_unref);
  g_clear_object (&self->catalog);
  g_free (self->installed_in);
  g_free (self);
}

/* A user catalog file's contents; NULL without an error when the user catalog lacks it. */
static GBytes *
user_file (const char  *dir,
           guint        file,
           GError     **error)
{
  g_autofree char *path = g_build_filename (dir, file_names[file], NULL);
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  if (!bw_file_get_contents (path, &contents, &length, error))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/* The file in use: the user's, else the shipped one (always when the user catalog does not
 * load). */
static GBytes *
file_in_use (BwCatalogImport *self,
             guint            file,
             GError         **error)
{
  g_autofree char *dir = bw_catalog_user_dir ();
  g_autoptr(GError) local = NULL;
  GBytes *bytes = self->over_shipped ? NULL : user_file (dir, file, &local);

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  return bytes ? bytes : bw_catalog_shipped_file (file_names[file]);
}

/* A release's techniques alone: what resolving and carrying technique ids needs. */
static BwCatalog *
attack_only_catalog (GBytes  *attack,
                     GError **error)
{
  g_autoptr(GBytes) killchain = g_bytes_new_static ("{\"phases\":[]}", 13);
  g_autoptr(GBytes) mappings = g_bytes_new_static ("{\"capabilities\":[]}", 19);
  g_autoptr(GBytes) stencils = g_bytes_new_static ("{\"families\":[],\"stencils\":[]}", 29);

  return bw_catalog_new_from_bytes (attack, killchain, mappings, stencils, error);
}

/* Migrating mappings */

typedef struct
{
  char     *technique;
  BwScore   score;
  JsonNode *node;     /* the entry, its technique rewritten; other members kept */
  char     *key;      /* "T1234\tdetect": sorts by technique, then category */
} Entry;

static void
entry_free (Entry *e)
{
  g_free (e->technique);
  json_node_unref (e->node);
  g_free (e->key);
  g_free (e);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  return strcmp ((*(Entry *const *) a)->key, (*(Entry *const *) b)->key);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* name → the technique of `to` that is new in it (absent from `from`) with that name; a name
 * two new techniques share maps to NULL (no guess). */
static GHashTable *
new_technique_names (BwCatalog *from,
                     BwCatalog *to)
{
  GHashTable *names = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < bw_catalog_get_n_techniques (to); i++)
    {
      const BwTechnique *t = bw_catalog_get_technique (to, i);

      if (bw_catalog_lookup_technique (from, t->id) != NULL)
        continue;
      if (g_hash_table_contains (names, t->name))
        g_hash_table_insert (names, t->name, NULL);
      else
        g_hash_table_insert (names, t->name, (gpointer) t);
    }
  return names;
}

/* Where technique `id` of `from` is in `to`, or NULL when it is gone. */
static const BwTechnique *
carry_technique (BwCatalog  *from,
                 BwCatalog  *to,
                 GHashTable *new_names,
                 const char *id)
{
  const BwTechnique *t = bw_catalog_resolve_technique (to, id);
  const BwTechnique *old;

  if (t != NULL)
    return t;
  /* Moved without a revoked-by: the one new technique with the same name. */
  old = bw_catalog_resolve_technique (from, id);
  if (old != NULL)
    return g_hash_table_lookup (new_names, old->name);
  return NULL;
}

static gboolean
migrate_capability (JsonObject      *capability,
                    guint            index,
                    BwCatalog       *from,
                    BwCatalog       *to,
                    GHashTable      *new_names,
                    GHashTable      *moves,
                    GHashTable      *gone_ids,
                    BwCatalogImport *summary,
                    GError         **error)
{
  JsonNode *entries_node = json_object_get_member (capability, "entries");
  const char *id = bw_json_object_get_string (capability, "id");
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *old;
  JsonArray *fresh;
  BwMigrationRow row = { 0 };

  if (id == NULL || entries_node == NULL || !JSON_NODE_HOLDS_ARRAY (entries_node))
    return bw_catalog_invalid (error, _("mappings.json: capabilities[%u]: expected an id and entries"), index);
  old = json_node_get_array (entries_node);
  row.entries = json_array_get_length (old);
  for (guint k = 0; k < json_array_get_length (old); k++)
    {
      JsonNode *node = json_array_get_element (old, k);
      JsonObject *e = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *technique = e ? bw_json_object_get_string (e, "technique") : NULL;
      const char *category = e ? bw_json_object_get_string (e, "category") : NULL;
      const BwTechnique *t;
      BwScore score;
      Entry *entry;
      Entry *before;

      if (technique == NULL || category == NULL ||
          !bw_score_from_string (bw_json_object_get_string (e, "score"), &score))
        return bw_catalog_invalid (error, _("mappings.json: capabilities[%u].entries[%u]: expected a technique, category and score"),
                                   index, k);
      t = carry_technique (from, to, new_names, technique);
      if (t == NULL)
        {
          row.gone++;
          g_hash_table_add (gone_ids, g_strdup (technique));
          continue;
        }
      if (g_str_equal (t->id, technique))
        summary->unchanged++;
      else
        {
          row.carried++;
          g_hash_table_add (moves, g_strdup_printf ("%s → %s", technique, t->id));
        }

      entry = g_new0 (Entry, 1);
      entry->technique = g_strdup (t->id);
      entry->score = score;
      entry->node = json_node_copy (node);
      json_object_set_string_member (json_node_get_object (entry->node), "technique", t->id);
      entry->key = g_strdup_printf ("%s\t%s", t->id, category);
      /* Two entries that now name one technique and category: the stronger counts, as on import. */
      before = g_hash_table_lookup (by_key, entry->key);
      if (before != NULL)
        {
          summary->merged++;
          if (score > before->score)
            {
              json_node_unref (before->node);
              before->node = json_node_ref (entry->node);
              before->score = score;
            }
          entry_free (entry);
          continue;
        }
      g_hash_table_insert (by_key, entry->key, entry);
      g_ptr_array_add (entries, entry);
    }

  g_ptr_array_sort (entries, compare_entries);
  fresh = json_array_sized_new (entries->len);
  for (guint k = 0; k < entries->len; k++)
    json_array_add_element (fresh,
                            json_node_ref (((Entry *) g_ptr_array_index (entries, k))->node));
  json_object_set_array_member (capability, "entries", fresh);

  summary->entries += row.entries;
  summary->carried += row.carried;
  summary->gone += row.gone;
  if (row.carried > 0 || row.gone > 0)
    {
      row.capability = g_strdup (id);
      g_array_append_val (summary->rows, row);
    }
  return TRUE;
}

static void
add_sorted (GPtrArray  *out,
            GHashTable *set)
{
  g_autofree char **keys = (char **) g_hash_table_get_keys_as_array (set, NULL);
  guint n = g_hash_table_size (set);

  g_hash_table_steal_all (set);
  qsort (keys, n, sizeof (char *), compare_strings);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (out, keys[i]);
}

char *
bw_catalog_import_migrate_mappings (GBytes          *mappings,
                                    BwCatalog       *from,
                                    BwCatalog       *to,
                                    BwCatalogImport *summary,
                                    GError         **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) local = NULL;
  g_autoptr(GHashTable) new_names = new_technique_names (from, to);
  g_autoptr(GHashTable) moves = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) gone_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonNode *root;
  JsonNode *caps;
  GString *text;

  if (g_bytes_get_size (mappings) == 0)
    {
      bw_catalog_invalid (error, _("mappings.json: %s"), _("no JSON value"));
      return NULL;
    }
  if (!bw_json_read_check (g_bytes_get_data (mappings, NULL), g_bytes_get_size (mappings),
                           &local) ||
      !json_parser_load_from_data (parser, g_bytes_get_data (mappings, NULL),
                                   g_bytes_get_size (mappings), &local))
    {
      bw_catalog_invalid (error, _("mappings.json: %s"), local ? local->message : _("no JSON value"));
      return NULL;
    }
  root = json_parser_get_root (parser);
  caps = root && JSON_NODE_HOLDS_OBJECT (root) ? json_object_get_member (json_node_get_object (root), "capabilities")
                                               : NULL;
  if (caps == NULL || !JSON_NODE_HOLDS_ARRAY (caps))
    {
      bw_catalog_invalid (error, _("mappings.json: capabilities: missing or not an array"));
      return NULL;
    }
  g_free (summary->from_version);
  summary->from_version = g_strdup (bw_catalog_get_attack_version (from));
  for (guint i = 0; i < json_array_get_length (json_node_get_array (caps)); i++)
    {
      JsonNode *c = json_array_get_element (json_node_get_array (caps), i);

      if (!JSON_NODE_HOLDS_OBJECT (c))
        {
          bw_catalog_invalid (error, _("mappings.json: capabilities[%u]: expected an object"), i);
          return NULL;
        }
      if (!migrate_capability (json_node_get_object (c), i, from, to, new_names, moves, gone_ids,
                               summary, error))
        return NULL;
    }
  add_sorted (summary->moves, moves);
  add_sorted (summary->gone_ids, gone_ids);

  /* Written as the mappings importer writes, so an unchanged release gives the same bytes. */
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = g_string_new (NULL);
  json_generator_to_gstring (generator, text);
  g_string_append_c (text, '\n');
  return g_string_free (text, FALSE);
}

/* Imports */

BwCatalogImport *
bw_catalog_import_attack (const char  *bundle,
                          const char  *version_hint,
                          GError     **error)
{
  g_autoptr(BwCatalogImport) self = bw_catalog_import_new (bundle, TRUE);
  g_autoptr(BwCatalog) from = NULL;
  g_autoptr(BwCatalog) to = NULL;
  g_autoptr(GBytes) mappings = NULL;
  g_autofree char *user_dir = bw_catalog_user_dir ();
  g_autofree char *user_mappings = g_build_filename (user_dir, "mappings.json", NULL);
  g_autoptr(GError) local = NULL;
  char *attack;
  char *migrated;
  char *descriptions = NULL;

  if ((attack = bw_stix_import_full (bundle, version_hint, &self->stix, &descriptions, error)) ==
      NULL)
    return NULL;
  self->files[BW_CATALOG_FILE_ATTACK] = g_bytes_new_take (attack, strlen (attack));
  self->files[BW_CATALOG_FILE_DESCRIPTIONS] =
      g_bytes_new_take (descriptions, strlen (descriptions));
  if ((to = attack_only_catalog (self->files[BW_CATALOG_FILE_ATTACK], &local)) == NULL)
    {
      bw_catalog_invalid (error, _("%s: the release it holds does not load: %s"), bundle, local->message);
      return NULL;
    }
  /* The mappings in use, and the release they are written against. */
  if ((from = bw_catalog_load_default (error)) == NULL)
    return NULL;
  self->over_shipped = bw_catalog_get_fallback_reason (from) != NULL;
  if ((mappings = file_in_use (self, BW_CATALOG_FILE_MAPPINGS, error)) == NULL)
    return NULL;
  if ((migrated = bw_catalog_import_migrate_mappings (mappings, from, to, self, error)) == NULL)
    return NULL;
  /* Untouched shipped mappings stay shipped, so a newer Bulwark's mappings reach the user. */
  if ((!self->over_shipped && g_file_test (user_mappings, G_FILE_TEST_EXISTS)) ||
      strlen (migrated) != g_bytes_get_size (mappings) ||
      memcmp (migrated, g_bytes_get_data (mappings, NULL), g_bytes_get_size (mappings)) != 0)
    self->files[BW_CATALOG_FILE_MAPPINGS] = g_bytes_new_take (migrated, strlen (migrated));
  else
    g_free (migrated);
  return g_steal_pointer (&self);
}

BwCatalogImport *
bw_catalog_import_mappings (const char  *path,
                            const char  *attack_path,
                            GBytes      *existing,
                            gboolean     replace,
                            GError     **error)
{
  return bw_catalog_import_mappings_full (path, attack_path, existing, NULL, replace, error);
}

BwCatalogImport *
bw_catalog_import_mappings_full (const char  *path,
                                 const char  *attack_path,
                                 GBytes      *existing,
                                 GBytes      *existing_provenance,
                                 gboolean     replace,
                                 GError     **error)
{
  g_autoptr(BwCatalogImport) self = bw_catalog_import_new (path, FALSE);
  g_autoptr(GBytes) attack = NULL;
  g_autoptr(GBytes) current = NULL;
  g_autoptr(GBytes) current_provenance = NULL;
  g_autoptr(GBytes) data = NULL;
  char *provenance = NULL;
  g_autoptr(BwCatalog) techniques = NULL;
  g_autoptr(BwCatalog) in_use = NULL;
  char *text;

  /* A user catalog that does not load is not built on: the import starts from the shipped one. */
  if ((in_use = bw_catalog_load_default (error)) == NULL)
    return NULL;
  self->over_shipped = bw_catalog_get_fallback_reason (in_use) != NULL;

  if (attack_path != NULL)
    {
      g_autofree char *contents = NULL;
      gsize length;

      if (!bw_file_get_contents (attack_path, &contents, &length, error))
        return NULL;
      attack = g_bytes_new_take (g_steal_pointer (&contents), length);
    }
  else if ((attack = file_in_use (self, BW_CATALOG_FILE_ATTACK, error)) == NULL)
    return NULL;
  if ((techniques = attack_only_catalog (attack, error)) == NULL)
    return NULL;
  if (!replace && existing == NULL &&
      (current = file_in_use (self, BW_CATALOG_FILE_MAPPINGS, error)) == NULL)
    return NULL;
  /* The texts that belong with the mappings in use; none is not an error. */
  if (!replace && existing == NULL)
    current_provenance = file_in_use (self, BW_CATALOG_FILE_PROVENANCE, NULL);
  if ((data = bw_mappings_read_file (path, error)) == NULL)
    return NULL;
  text = bw_mappings_import_full (g_bytes_get_data (data, NULL), g_bytes_get_size (data), path,
                                  techniques,
                                  replace    ? NULL
                                  : existing ? existing
                                             : current,
                                  replace    ? NULL
                                  : existing ? existing_provenance
                                             : current_provenance,
                                  &provenance, &self->stale, &self->mappings, error);
  if (text == NULL)
    return NULL;
  self->files[BW_CATALOG_FILE_MAPPINGS] = g_bytes_new_take (text, strlen (text));
  self->files[BW_CATALOG_FILE_PROVENANCE] = g_bytes_new_take (provenance, strlen (provenance));
  return g_steal_pointer (&self);
}

/* Installing */

gboolean
bw_catalog_import_check (BwCatalogImport *self,
                         GError         **error)
{
  g_autofree char *dir = bw_catalog_user_dir ();
  GBytes *bytes[BW_CATALOG_N_FILES] = { NULL };
  g_autoptr(GError) local = NULL;
  BwCatalog *catalog = NULL;

  for (guint i = 0; i < BW_CATALOG_N_FILES && local == NULL; i++)
    {
      bytes[i] = self->files[i]       ? g_bytes_ref (self->files[i])
                 : self->over_shipped ? NULL
                                      : user_file (dir, i, &local);
      if (bytes[i] == NULL && local == NULL)
        bytes[i] = bw_catalog_shipped_file (file_names[i]);
    }
  if (local == NULL)
    catalog = bw_catalog_new_from_bytes (bytes[0], bytes[1], bytes[2], bytes[3], &local);
  for (guint i = 0; i < BW_CATALOG_N_FILES; i++)
    g_clear_pointer (&bytes[i], g_bytes_unref);
  if (catalog == NULL)
    return bw_catalog_invalid (error, _("%s: the catalog would not load with it: %s"), self->source, local->message);
  g_clear_object (&self->catalog);
  self->catalog = catalog;
  return TRUE;
}

/* Deletes a catalog directory of ours (the files in it, then itself). */
static void
remove_catalog_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_unlink (file);
    }
  g_rmdir (path);
}

static gboolean
io_failed (GError    **error,
           const char *path)
{
  int saved = errno;

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", path, g_strerror (saved));
  return FALSE;
}

/* A name beside `dir` that nothing uses: "catalog.old-XXXXXX". */
static char *
free_name_beside (const char *dir,
                  const char *tag)
{
  g_autofree char *parent = g_path_get_dirname (dir);
  g_autofree char *base = g_path_get_basename (dir);
  g_autofree char *pattern = g_strdup_printf ("%s.%s-XXXXXX", base, tag);
  char *path = g_build_filename (parent, pattern, NULL);

  if (g_mkdtemp (path) == NULL)
    {
      g_free (path);
      return NULL;
    }
  return path;
}

/* Puts directory `fresh` in the place of `dir`, in one step where the system can. */
static gboolean
swap_into_place (const char  *fresh,
                 const char  *dir,
                 GError     **error)
{
  g_autofree char *old = NULL;

  if (!g_file_test (dir, G_FILE_TEST_EXISTS))
    return g_rename (fresh, dir) == 0 || io_failed (error, dir);
#ifdef RENAME_EXCHANGE
  if (renameat2 (AT_FDCWD, fresh, AT_FDCWD, dir, RENAME_EXCHANGE) == 0)
    {
      /* `fresh` now holds the previous catalog. */
      remove_catalog_dir (fresh);
      return TRUE;
    }
  if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
    return io_failed (error, dir);
#endif
  /* Two renames: in between there is no user catalog, and the shipped one would answer. */
  if ((old = free_name_beside (dir, "old")) == NULL || g_rmdir (old) != 0 || g_rename (dir, old) != 0)
    return io_failed (error, dir);
  if (g_rename (fresh, dir) != 0)
    {
      io_failed (error, dir);
      g_rename (old, dir);
      return FALSE;
    }
  remove_catalog_dir (old);
  return TRUE;
}

gboolean
bw_catalog_import_install (BwCatalogImport *self,
                           GError         **error)
{
  g_autofree char *dir = bw_catalog_user_dir ();
  g_autofree char *parent = g_path_get_dirname (dir);
  g_autofree char *fresh = NULL;
  g_autoptr(BwCatalog) catalog = NULL;
  g_autoptr(GError) local = NULL;

  if (g_mkdir_with_parents (parent, 0755) != 0)
    return io_failed (error, parent);
  if ((fresh = free_name_beside (dir, "new")) == NULL)
    return io_failed (error, parent);

  /* The complete unit: the new files, and the user's other files as they are (none of a user
   * catalog that does not load: the shipped ones stand in). */
  for (guint i = 0; i < BW_CATALOG_N_FILES; i++)
    {
      g_autoptr(GBytes) bytes = self->files[i]    ? g_bytes_ref (self->files[i])
                                : self->over_shipped ? NULL
                                                     : user_file (dir, i, &local);
      g_autofree char *path = g_build_filename (fresh, file_names[i], NULL);

      if (local != NULL)
        goto failed;
      if (bytes != NULL &&
          !g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                     G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                     0644, &local))
        goto failed;
    }

  /* Loaded from where it will live, by start-up's own code. */
  if ((catalog = bw_catalog_load_user_dir (fresh, &local)) == NULL)
    {
      remove_catalog_dir (fresh);
      return bw_catalog_invalid (error, _("%s: refused, the catalog would not load with it: %s; the catalog in use is unchanged"),
                                 self->source, local->message);
    }
  if (!swap_into_place (fresh, dir, &local))
    goto failed;

  g_set_object (&self->catalog, catalog);
  g_free (self->installed_in);
  self->installed_in = g_steal_pointer (&dir);
  return TRUE;

failed:
  remove_catalog_dir (fresh);
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

gboolean
bw_catalog_reset_user_catalog (GError **error)
{
  g_autofree char *dir = bw_catalog_user_dir ();
  g_autofree char *old = NULL;

  if (!g_file_test (dir, G_FILE_TEST_EXISTS))
    return TRUE;
  /* One rename takes the whole imported catalog out of use; deleting it comes after. */
  if ((old = free_name_beside (dir, "old")) == NULL || g_rmdir (old) != 0 || g_rename (dir, old) != 0)
    return io_failed (error, dir);
  remove_catalog_dir (old);
  return TRUE;
}
