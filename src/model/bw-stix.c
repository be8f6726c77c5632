/* bw-stix.c: imports an official MITRE ATT&CK Enterprise STIX bundle (2.0 or 2.1, plain or
 * xz-compressed) into the catalog's attack.json: tactics in matrix order, live techniques,
 * revoked-by redirects and live groups with the techniques they use. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bw-catalog-private.h"
#include "bw-json-writer.h"
#include "bw-json-read.h"
#include "bw-stix.h"
#include "bw-stix-private.h"

/* Platform names ATT&CK has renamed: older name → current name. */
static const struct
{
  const char *old_name;
  const char *new_name;
} platform_renames[] = {
  { "Network", "Network Devices" },
  { "Office 365", "Office Suite" },
  { "Azure AD", "Identity Provider" },
  { "Google Workspace", "Office Suite" },
};

const char *
bw_stix_normalize_platform (const char *platform)
{
  for (guint i = 0; i < G_N_ELEMENTS (platform_renames); i++)
    if (g_str_equal (platform, platform_renames[i].old_name))
      return platform_renames[i].new_name;
  return platform;
}

static gboolean
bool_member (JsonObject *o,
             const char *key)
{
  JsonNode *n = json_object_get_member (o, key);

  return n != NULL && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_BOOLEAN &&
         json_node_get_boolean (n);
}

/* The ATT&CK id ("T1055.011", "TA0001", "G0016") from external_references. */
static const char *
attack_id (JsonObject *o)
{
  JsonArray *refs = bw_json_object_get_array (o, "external_references");

  for (guint i = 0; refs != NULL && i < json_array_get_length (refs); i++)
    {
      JsonNode *n = json_array_get_element (refs, i);
      JsonObject *ref;
      const char *source;

      if (!JSON_NODE_HOLDS_OBJECT (n))
        continue;
      ref = json_node_get_object (n);
      source = bw_json_object_get_string (ref, "source_name");
      if (source != NULL && g_str_equal (source, "mitre-attack"))
        return bw_json_object_get_string (ref, "external_id");
    }
  return NULL;
}

static gboolean
is_live (JsonObject *o)
{
  return !bool_member (o, "revoked") && !bool_member (o, "x_mitre_deprecated");
}

typedef struct
{
  char   *id;
  char   *name;
  char   *parent;
  GStrv   tactics;
  GStrv   platforms;
  char   *description; /* the first paragraph, citations stripped, or NULL */
  char   *url;         /* on attack.mitre.org, or NULL */
} Technique;

static void
technique_free (Technique *t)
{
  g_free (t->id);
  g_free (t->name);
  g_free (t->parent);
  g_strfreev (t->tactics);
  g_strfreev (t->platforms);
  g_free (t->description);
  g_free (t->url);
  g_free (t);
}

static int
compare_technique (gconstpointer a,
                   gconstpointer b)
{
  return strcmp ((*(Technique *const *) a)->id, (*(Technique *const *) b)->id);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* A group to write, sorted by ATT&CK id then by its place in the bundle. */
typedef struct
{
  const char *attack_id;
  JsonObject *group;
  guint       order;
} GroupRow;

static int
compare_group_rows (gconstpointer a,
                    gconstpointer b)
{
  const GroupRow *x = a;
  const GroupRow *y = b;
  int c = strcmp (x->attack_id, y->attack_id);

  return c != 0 ? c : (x->order > y->order) - (x->order < y->order);
}

static void
add_strv (JsonBuilder *b,
          const char  *key,
          char       **values)
{
  json_builder_set_member_name (b, key);
  json_builder_begin_array (b);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (b, values[i]);
  json_builder_end_array (b);
}

/* Where following revoked-by from `start` ends: the first live technique, or the first object
 * revoked by nothing. Every object walked remembers its end in `ends`, so a chain is walked once
 * however many revoked objects lead into it; NULL for a cycle. */
static const char *
revoked_end (GHashTable *revoked_stix,
             GHashTable *live_ap,
             GHashTable *ends,
             const char *start)
{
  /* Marks an object whose end is being looked for: meeting it again is a cycle. */
  static const char walking[] = "";
  g_autoptr(GPtrArray) trail = g_ptr_array_new ();
  const char *cursor = start;
  const char *end;

  for (;;)
    {
      const char *known = g_hash_table_lookup (ends, cursor);
      const char *next;

      if (known == walking)
        return NULL;
      if (known != NULL)
        {
          end = known;
          break;
        }
      if (g_hash_table_contains (live_ap, cursor) ||
          (next = g_hash_table_lookup (revoked_stix, cursor)) == NULL)
        {
          end = cursor;
          break;
        }
      g_hash_table_insert (ends, (gpointer) cursor, (gpointer) walking);
      g_ptr_array_add (trail, (gpointer) cursor);
      cursor = next;
    }
  for (guint i = 0; i < trail->len; i++)
    g_hash_table_insert (ends, g_ptr_array_index (trail, i), (gpointer) end);
  return end;
}

static char *
version_from_path (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GRegex) regex = g_regex_new ("(\\d+\\.\\d+)", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (g_regex_match (regex, base, 0, &match))
    return g_match_info_fetch (match, 1);
  return NULL;
}

char *
bw_stix_import (const char  *path,
                const char  *version_hint,
                BwStixStats *stats,
                GError     **error)
{
  GBytes *bytes = bw_read_maybe_xz (path, error);

  if (bytes == NULL)
    return NULL;
  return bw_stix_import_bytes (bytes, path, version_hint, stats, error);
}

/* What the passes over one bundle share. The JsonObjects and the strings in the tables belong
 * to the parsed tree, which outlives the import. */
typedef struct
{
  const char *path;
  JsonArray  *objects;
  GHashTable *by_stix;      /* stix id → JsonObject */
  GHashTable *live_ap;      /* stix id → Technique, live attack-patterns */
  GPtrArray  *techniques;   /* Technique, owned */
  GHashTable *revoked_stix; /* stix id → stix id, from revoked-by relationships */
  GHashTable *uses;         /* intrusion-set stix id → set of attack-pattern stix ids */
  GPtrArray  *tactics;      /* JsonObject, in matrix order */
  GPtrArray  *groups;       /* JsonObject, live intrusion-sets in bundle order */
  GHashTable *revoked_out;  /* revoked ATT&CK id → live ATT&CK id, owned strings */
  JsonObject *matrix;
  char       *version;
  gboolean    is_21;
  gboolean    texts;        /* keep descriptions and URLs, for descriptions.json */
} StixImport;

static void
stix_import_init (StixImport *self,
                  const char *path)
{
  self->path = path;
  self->by_stix = g_hash_table_new (g_str_hash, g_str_equal);
  self->live_ap = g_hash_table_new (g_str_hash, g_str_equal);
  self->techniques = g_ptr_array_new_with_free_func ((GDestroyNotify) technique_free);
  self->revoked_stix = g_hash_table_new (g_str_hash, g_str_equal);
  self->uses =
      g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_hash_table_unref);
  self->tactics = g_ptr_array_new ();
  self->groups = g_ptr_array_new ();
  self->revoked_out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
stix_import_clear (StixImport *self)
{
  g_clear_pointer (&self->by_stix, g_hash_table_unref);
  g_clear_pointer (&self->live_ap, g_hash_table_unref);
  g_clear_pointer (&self->techniques, g_ptr_array_unref);
  g_clear_pointer (&self->revoked_stix, g_hash_table_unref);
  g_clear_pointer (&self->uses, g_hash_table_unref);
  g_clear_pointer (&self->tactics, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->revoked_out, g_hash_table_unref);
  g_clear_pointer (&self->version, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StixImport, stix_import_clear)

/* Checks and parses the bundle; returns its objects array, which `parser` owns. The text is
 * dropped once parsed, so only one copy of the bundle lives. */
static JsonArray *
parse_bundle (JsonParser  *parser,
              GBytes     **bytes,
              const char  *path,
              GError     **error)
{
  g_autoptr(GError) local = NULL;
  JsonNode *root;
  JsonObject *bundle;
  JsonArray *objects;

  if (g_bytes_get_size (*bytes) == 0)
    {
      bw_catalog_invalid (error, _("%s: the file is empty"), path);
      return NULL;
    }
  if (g_bytes_get_size (*bytes) > BW_STIX_MAX_BUNDLE_SIZE)
    {
      bw_catalog_invalid (error, _("%s: larger than %d MiB, more than any ATT&CK bundle"), path,
                          (int) (BW_STIX_MAX_BUNDLE_SIZE >> 20));
      return NULL;
    }
  if (!bw_json_read_check (g_bytes_get_data (*bytes, NULL), g_bytes_get_size (*bytes), &local))
    {
      bw_catalog_invalid (error, _("%s: %s"), path, local->message);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, g_bytes_get_data (*bytes, NULL),
                                   g_bytes_get_size (*bytes), &local))
    {
      bw_catalog_invalid (error, _("%s: not valid JSON: %s"), path,
                          local ? local->message : _("no JSON value"));
      return NULL;
    }
  /* The tree holds its own copies. */
  g_clear_pointer (bytes, g_bytes_unref);

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      bw_catalog_invalid (error, _("%s: (root): expected a STIX bundle object"), path);
      return NULL;
    }
  bundle = json_node_get_object (root);
  if (g_strcmp0 (bw_json_object_get_string (bundle, "type"), "bundle") != 0)
    {
      bw_catalog_invalid (error, _("%s: type: expected “bundle”"), path);
      return NULL;
    }
  if ((objects = bw_json_object_get_array (bundle, "objects")) == NULL)
    {
      bw_catalog_invalid (error, _("%s: objects: missing or not an array"), path);
      return NULL;
    }
  return objects;
}

/* A live attack-pattern: its ATT&CK id, name, tactics and normalised platforms. */
static gboolean
read_technique (StixImport  *self,
                JsonObject  *o,
                guint        i,
                const char  *id,
                GError     **error)
{
  Technique *t;
  JsonArray *phases = bw_json_object_get_array (o, "kill_chain_phases");
  JsonArray *platforms = bw_json_object_get_array (o, "x_mitre_platforms");
  g_autoptr(GStrvBuilder) tb = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) pb = g_strv_builder_new ();
  const char *aid = attack_id (o);

  if (aid == NULL || bw_json_object_get_string (o, "name") == NULL)
    return bw_catalog_invalid (error, _("%s: objects[%u] (%s): a technique without an ATT&CK id or name"),
                               self->path, i, id);
  for (guint k = 0; phases != NULL && k < json_array_get_length (phases); k++)
    {
      JsonNode *pn = json_array_get_element (phases, k);
      JsonObject *p = JSON_NODE_HOLDS_OBJECT (pn) ? json_node_get_object (pn) : NULL;

      if (p != NULL && g_strcmp0 (bw_json_object_get_string (p, "kill_chain_name"), "mitre-attack") == 0 &&
          bw_json_object_get_string (p, "phase_name") != NULL)
        g_strv_builder_add (tb, bw_json_object_get_string (p, "phase_name"));
    }
  for (guint k = 0; platforms != NULL && k < json_array_get_length (platforms); k++)
    {
      JsonNode *pn = json_array_get_element (platforms, k);

      if (JSON_NODE_HOLDS_VALUE (pn) && json_node_get_value_type (pn) == G_TYPE_STRING)
        g_strv_builder_add (pb, bw_stix_normalize_platform (json_node_get_string (pn)));
    }
  t = g_new0 (Technique, 1);
  t->id = g_strdup (aid);
  t->name = g_strdup (bw_json_object_get_string (o, "name"));
  t->tactics = g_strv_builder_end (tb);
  t->platforms = g_strv_builder_end (pb);
  if (self->texts)
    {
      bw_stix_technique_texts (o, &t->description, &t->url);
    }
  g_ptr_array_add (self->techniques, t);
  g_hash_table_insert (self->live_ap, (gpointer) id, t);
  return TRUE;
}

/* First pass: index every object by its STIX id; collect the version, the matrix, the live
 * groups and the live techniques. */
static gboolean
read_objects (StixImport  *self,
              GError     **error)
{
  for (guint i = 0; i < json_array_get_length (self->objects); i++)
    {
      JsonNode *n = json_array_get_element (self->objects, i);
      JsonObject *o;
      const char *type;
      const char *id;

      if (!JSON_NODE_HOLDS_OBJECT (n))
        return bw_catalog_invalid (error, _("%s: objects[%u]: expected an object"), self->path, i);
      o = json_node_get_object (n);
      type = bw_json_object_get_string (o, "type");
      id = bw_json_object_get_string (o, "id");
      if (type == NULL || id == NULL)
        return bw_catalog_invalid (error, _("%s: objects[%u]: “type” or “id” missing or not a string"),
                                   self->path, i);
      if (bw_json_object_get_string (o, "spec_version") != NULL)
        self->is_21 = TRUE;
      g_hash_table_insert (self->by_stix, (gpointer) id, o);

      if (g_str_equal (type, "x-mitre-collection") && self->version == NULL)
        self->version = g_strdup (bw_json_object_get_string (o, "x_mitre_version"));
      else if (g_str_equal (type, "x-mitre-matrix") && is_live (o) && self->matrix == NULL)
        self->matrix = o;
      else if (g_str_equal (type, "intrusion-set") && is_live (o) && attack_id (o) != NULL)
        {
          if (bw_json_object_get_string (o, "name") == NULL)
            return bw_catalog_invalid (error, _("%s: objects[%u] (%s): a group without a name"),
                                       self->path, i, id);
          g_ptr_array_add (self->groups, o);
        }
      else if (g_str_equal (type, "attack-pattern") && is_live (o))
        {
          if (!read_technique (self, o, i, id, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* The tactics, in the order of the matrix's tactic_refs. */
static gboolean
read_matrix (StixImport  *self,
             GError     **error)
{
  JsonArray *refs;

  if (self->matrix == NULL)
    return bw_catalog_invalid (error, _("%s: no x-mitre-matrix object: not an ATT&CK bundle"), self->path);
  refs = bw_json_object_get_array (self->matrix, "tactic_refs");
  if (refs == NULL || json_array_get_length (refs) == 0)
    return bw_catalog_invalid (error, _("%s: x-mitre-matrix.tactic_refs: missing or empty"), self->path);
  for (guint i = 0; i < json_array_get_length (refs); i++)
    {
      const char *ref = bw_json_array_get_string (refs, i);
      JsonObject *tactic = ref ? g_hash_table_lookup (self->by_stix, ref) : NULL;

      if (ref == NULL)
        return bw_catalog_invalid (error, _("%s: x-mitre-matrix.tactic_refs[%u]: expected a string"),
                                   self->path, i);
      if (tactic == NULL || attack_id (tactic) == NULL ||
          bw_json_object_get_string (tactic, "x_mitre_shortname") == NULL ||
          bw_json_object_get_string (tactic, "name") == NULL)
        return bw_catalog_invalid (error, _("%s: x-mitre-matrix.tactic_refs[%u]: no tactic “%s”"),
                                   self->path, i, ref);
      g_ptr_array_add (self->tactics, tactic);
    }
  return TRUE;
}

/* Second pass: the live relationships that matter — sub-technique parents, revoked-by
 * redirects, and the techniques each group uses. */
static gboolean
read_relationships (StixImport  *self,
                    GError     **error)
{
  for (guint i = 0; i < json_array_get_length (self->objects); i++)
    {
      JsonObject *o = bw_json_array_get_object (self->objects, i);
      const char *kind;
      const char *source;
      const char *target;

      if (g_strcmp0 (bw_json_object_get_string (o, "type"), "relationship") != 0 || !is_live (o))
        continue;
      kind = bw_json_object_get_string (o, "relationship_type");
      source = bw_json_object_get_string (o, "source_ref");
      target = bw_json_object_get_string (o, "target_ref");
      if (kind == NULL || source == NULL || target == NULL)
        return bw_catalog_invalid (error, _("%s: objects[%u]: a relationship without type, source or target"),
                                   self->path, i);
      if (g_str_equal (kind, "subtechnique-of"))
        {
          Technique *sub = g_hash_table_lookup (self->live_ap, source);
          JsonObject *parent = g_hash_table_lookup (self->by_stix, target);

          if (sub != NULL && parent != NULL && attack_id (parent) != NULL)
            {
              g_free (sub->parent);
              sub->parent = g_strdup (attack_id (parent));
            }
        }
      else if (g_str_equal (kind, "revoked-by"))
        g_hash_table_insert (self->revoked_stix, (gpointer) source, (gpointer) target);
      else if (g_str_equal (kind, "uses") && g_str_has_prefix (source, "intrusion-set--") &&
               g_str_has_prefix (target, "attack-pattern--"))
        {
          GHashTable *set = g_hash_table_lookup (self->uses, source);

          if (set == NULL)
            {
              set = g_hash_table_new (g_str_hash, g_str_equal);
              g_hash_table_insert (self->uses, (gpointer) source, set);
            }
          g_hash_table_add (set, (gpointer) target);
        }
    }
  return TRUE;
}

/* Revoked techniques: ATT&CK id → the live technique they lead to. A cycle is an error. */
static gboolean
resolve_revoked (StixImport  *self,
                 GError     **error)
{
  g_autoptr(GHashTable) ends = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  const char *from;
  const char *to;

  g_hash_table_iter_init (&iter, self->revoked_stix);
  while (g_hash_table_iter_next (&iter, (gpointer *) &from, (gpointer *) &to))
    {
      JsonObject *src = g_hash_table_lookup (self->by_stix, from);
      const char *cursor;
      Technique *live;

      if (src == NULL || g_strcmp0 (bw_json_object_get_string (src, "type"), "attack-pattern") != 0 ||
          attack_id (src) == NULL)
        continue;
      if ((cursor = revoked_end (self->revoked_stix, self->live_ap, ends, to)) == NULL)
        return bw_catalog_invalid (error, _("%s: revoked-by relationships form a cycle through %s"),
                                   self->path, attack_id (src));
      live = g_hash_table_lookup (self->live_ap, cursor);
      if (live != NULL && g_strcmp0 (attack_id (src), live->id) != 0)
        g_hash_table_insert (self->revoked_out, g_strdup (attack_id (src)), g_strdup (live->id));
    }
  return TRUE;
}

/* The bundle's own version, else the caller's hint, else a "NN.N" in the file name. */
static void
choose_version (StixImport *self,
                const char *version_hint)
{
  if (self->version == NULL)
    self->version = g_strdup (version_hint);
  if (self->version == NULL)
    self->version = version_from_path (self->path);
  if (self->version == NULL)
    self->version = g_strdup ("unknown");
}

static void
write_sorted_keys (JsonBuilder *b,
                   GHashTable  *set)
{
  g_autofree const char **keys = (const char **) g_hash_table_get_keys_as_array (set, NULL);
  guint n = g_hash_table_size (set);

  qsort (keys, n, sizeof (char *), compare_strings);
  for (guint i = 0; i < n; i++)
    json_builder_add_string_value (b, keys[i]);
}

static void
write_tactics (StixImport  *self,
               JsonBuilder *b)
{
  json_builder_set_member_name (b, "tactics");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->tactics->len; i++)
    {
      JsonObject *t = g_ptr_array_index (self->tactics, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, attack_id (t));
      json_builder_set_member_name (b, "shortname");
      json_builder_add_string_value (b, bw_json_object_get_string (t, "x_mitre_shortname"));
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, bw_json_object_get_string (t, "name"));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/* The techniques sorted by ATT&CK id. */
static void
write_techniques (StixImport  *self,
                  JsonBuilder *b)
{
  g_ptr_array_sort (self->techniques, compare_technique);
  json_builder_set_member_name (b, "techniques");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->techniques->len; i++)
    {
      Technique *t = g_ptr_array_index (self->techniques, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, t->id);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, t->name);
      if (t->parent != NULL)
        {
          json_builder_set_member_name (b, "parent");
          json_builder_add_string_value (b, t->parent);
        }
      add_strv (b, "tactics", t->tactics);
      add_strv (b, "platforms", t->platforms);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
write_revoked (StixImport  *self,
               JsonBuilder *b)
{
  g_autofree const char **keys =
      (const char **) g_hash_table_get_keys_as_array (self->revoked_out, NULL);
  guint n = g_hash_table_size (self->revoked_out);

  json_builder_set_member_name (b, "revoked");
  json_builder_begin_object (b);
  qsort (keys, n, sizeof (char *), compare_strings);
  for (guint i = 0; i < n; i++)
    {
      json_builder_set_member_name (b, keys[i]);
      json_builder_add_string_value (b, g_hash_table_lookup (self->revoked_out, keys[i]));
    }
  json_builder_end_object (b);
}

/* The ATT&CK ids of the techniques a group uses: live ones as they are, revoked ones where
 * their redirect leads. */
static GHashTable *
group_technique_ids (StixImport *self,
                     JsonObject *group)
{
  GHashTable *set = g_hash_table_lookup (self->uses, bw_json_object_get_string (group, "id"));
  GHashTable *ids = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  const char *ap;

  if (set == NULL)
    return ids;
  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, (gpointer *) &ap, NULL))
    {
      Technique *t = g_hash_table_lookup (self->live_ap, ap);
      JsonObject *src = g_hash_table_lookup (self->by_stix, ap);

      if (t == NULL && src != NULL && attack_id (src) != NULL)
        {
          const char *to = g_hash_table_lookup (self->revoked_out, attack_id (src));

          if (to != NULL)
            g_hash_table_add (ids, (gpointer) to);
        }
      else if (t != NULL)
        g_hash_table_add (ids, t->id);
    }
  return ids;
}

static void
write_group (StixImport  *self,
             JsonBuilder *b,
             JsonObject  *g)
{
  g_autoptr(GHashTable) ids = group_technique_ids (self, g);
  JsonArray *aliases = bw_json_object_get_array (g, "aliases");

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, attack_id (g));
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, bw_json_object_get_string (g, "name"));
  json_builder_set_member_name (b, "aliases");
  json_builder_begin_array (b);
  for (guint k = 0; aliases != NULL && k < json_array_get_length (aliases); k++)
    {
      const char *alias = bw_json_array_get_string (aliases, k);

      if (alias != NULL && g_strcmp0 (alias, bw_json_object_get_string (g, "name")) != 0)
        json_builder_add_string_value (b, alias);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "techniques");
  json_builder_begin_array (b);
  write_sorted_keys (b, ids);
  json_builder_end_array (b);
  json_builder_end_object (b);
}

/* The groups sorted by ATT&CK id; returns how many were written. */
static guint
write_groups (StixImport  *self,
              JsonBuilder *b)
{
  g_autoptr(GArray) rows = g_array_sized_new (FALSE, FALSE, sizeof (GroupRow), self->groups->len);

  for (guint i = 0; i < self->groups->len; i++)
    {
      JsonObject *g = g_ptr_array_index (self->groups, i);
      GroupRow row = { attack_id (g), g, i };

      g_array_append_val (rows, row);
    }
  g_array_sort (rows, compare_group_rows);
  json_builder_set_member_name (b, "groups");
  json_builder_begin_array (b);
  for (guint r = 0; r < rows->len; r++)
    write_group (self, b, g_array_index (rows, GroupRow, r).group);
  json_builder_end_array (b);
  return rows->len;
}

static void
fill_stats (StixImport  *self,
            guint        n_groups,
            BwStixStats *stats)
{
  stats->groups = n_groups;
  stats->tactics = self->tactics->len;
  stats->techniques = self->techniques->len;
  stats->subtechniques = 0;
  for (guint i = 0; i < self->techniques->len; i++)
    {
      Technique *t = g_ptr_array_index (self->techniques, i);

      if (t->parent != NULL || strchr (t->id, '.') != NULL)
        stats->subtechniques++;
    }
  stats->revoked = g_hash_table_size (self->revoked_out);
  stats->stix_21 = self->is_21;
  g_strlcpy (stats->version, self->version, sizeof stats->version);
}

/* attack.json's text: two-space indent, every control character escaped, a final newline. */
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

/* descriptions.json: per technique (by id) its URL and first paragraph. */
static char *
write_descriptions (StixImport *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "attack_version");
  json_builder_add_string_value (b, self->version);
  json_builder_set_member_name (b, "techniques");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->techniques->len; i++)
    {
      Technique *t = g_ptr_array_index (self->techniques, i);

      bw_stix_write_texts (b, t->id, t->url, t->description);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return builder_to_text (b);
}

char *
bw_stix_import_bytes (GBytes      *bytes_in,
                      const char  *path,
                      const char  *version_hint,
                      BwStixStats *stats,
                      GError     **error)
{
  return bw_stix_import_bytes_full (bytes_in, path, version_hint, stats, NULL, error);
}

char *
bw_stix_import_full (const char  *path,
                     const char  *version_hint,
                     BwStixStats *stats,
                     char       **out_descriptions,
                     GError     **error)
{
  GBytes *bytes = bw_read_maybe_xz (path, error);

  if (bytes == NULL)
    return NULL;
  return bw_stix_import_bytes_full (bytes, path, version_hint, stats, out_descriptions, error);
}

char *
bw_stix_import_bytes_full (GBytes      *bytes_in,
                           const char  *path,
                           const char  *version_hint,
                           BwStixStats *stats,
                           char       **out_descriptions,
                           GError     **error)
{
  g_autoptr(GBytes) bytes = bytes_in;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_auto(StixImport) import = { 0 };
  g_autoptr(JsonBuilder) b = json_builder_new ();
  guint n_groups;

  stix_import_init (&import, path);
  import.texts = out_descriptions != NULL;
  if ((import.objects = parse_bundle (parser, &bytes, path, error)) == NULL ||
      !read_objects (&import, error) ||
      !read_matrix (&import, error) ||
      !read_relationships (&import, error) ||
      !resolve_revoked (&import, error))
    return NULL;
  choose_version (&import, version_hint);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "attack_version");
  json_builder_add_string_value (b, import.version);
  write_tactics (&import, b);
  write_techniques (&import, b);
  write_revoked (&import, b);
  n_groups = write_groups (&import, b);
  json_builder_end_object (b);

  if (out_descriptions != NULL)
    *out_descriptions = write_descriptions (&import);
  if (stats != NULL)
    fill_stats (&import, n_groups, stats);
  return builder_to_text (b);
}
