/* bw-stix.c: imports an official MITRE ATT&CK Enterprise STIX bundle (2.0 or 2.1, plain or
 * xz-compressed) into the catalog's attack.json: tactics in matrix order, live techniques,
 * revoked-by redirects and live groups with the techniques they use. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bw-catalog-private.h"
#include "bw-json-writer.h"
#include "bw-json-read.h"
#include "bw-json-reader.h"
#include "bw-stix.h"
#include "bw-stix-private.h"

typedef BwJsonValue Value;

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
  Value      *group;
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

/* What the passes over one bundle share. The values and the strings in the tables belong
 * to the parsed table, which outlives the import. */
typedef struct
{
  const char *path;
  BwJsonReader json;
  Value      *objects;
  GHashTable *by_stix;      /* stix id → Value, an object */
  GHashTable *live_ap;      /* stix id → Technique, live attack-patterns */
  GPtrArray  *techniques;   /* Technique, owned */
  GHashTable *revoked_stix; /* stix id → stix id, from revoked-by relationships */
  GHashTable *uses;         /* intrusion-set stix id → set of attack-pattern stix ids */
  GPtrArray  *tactics;      /* Value, in matrix order */
  GPtrArray  *groups;       /* Value, live intrusion-sets in bundle order */
  GHashTable *revoked_out;  /* revoked ATT&CK id → live ATT&CK id, owned strings */
  Value      *matrix;
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
  bw_json_reader_clear (&self->json);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StixImport, stix_import_clear)

/* From the parser's absolute ends to ends relative to each value: the walk then needs no
 * pointer to the table's start. */
static void
relative_ends (BwJsonReader *json)
{
  Value *values = (Value *) json->values->data;

  for (guint32 i = 0; i < json->values->len; i++)
    values[i].end -= i;
}

/* Checks and parses the bundle; returns its objects array, in the table self->json holds. The
 * text is dropped once parsed (the strings are copied out of it), so only one copy lives. */
static Value *
parse_bundle (StixImport  *self,
              GBytes     **bytes,
              GError     **error)
{
  g_autoptr(GError) local = NULL;
  const char *path = self->path;
  const char *data = g_bytes_get_data (*bytes, NULL);
  gsize length = g_bytes_get_size (*bytes);
  Value *root;
  Value *objects;

  if (length == 0)
    {
      bw_catalog_invalid (error, _("%s: the file is empty"), path);
      return NULL;
    }
  if (length > BW_STIX_MAX_BUNDLE_SIZE)
    {
      bw_catalog_invalid (error, _("%s: larger than %d MiB, more than any ATT&CK bundle"), path,
                          (int) (BW_STIX_MAX_BUNDLE_SIZE >> 20));
      return NULL;
    }
  if (!bw_json_read_check (data, length, &local))
    {
      bw_catalog_invalid (error, _("%s: %s"), path, local->message);
      return NULL;
    }
  if (!bw_json_utf8_validate (data, length, NULL))
    {
      bw_catalog_invalid (error, _("%s: not valid JSON: %s"), path, _("not UTF-8 text"));
      return NULL;
    }
  if (!bw_json_reader_parse (&self->json, data, length, BW_JSON_MAX_VALUES, &local))
    {
      bw_catalog_invalid (error, _("%s: not valid JSON: %s"), path, local->message);
      return NULL;
    }
  g_clear_pointer (bytes, g_bytes_unref);
  self->json.source = NULL;
  relative_ends (&self->json);

  root = bw_json_reader_root (&self->json);
  if (root->type != BW_JSON_OBJECT)
    {
      bw_catalog_invalid (error, _("%s: (root): expected a STIX bundle object"), path);
      return NULL;
    }
  if (g_strcmp0 (bw_stix_string_member (root, "type"), "bundle") != 0)
    {
      bw_catalog_invalid (error, _("%s: type: expected “bundle”"), path);
      return NULL;
    }
  if ((objects = bw_stix_array_member (root, "objects")) == NULL)
    {
      bw_catalog_invalid (error, _("%s: objects: missing or not an array"), path);
      return NULL;
    }
  return objects;
}

/* A live attack-pattern: its ATT&CK id, name, tactics and normalised platforms. */
static gboolean
read_technique (StixImport  *self,
                Value       *o,
                guint        i,
                const char  *id,
                GError     **error)
{
  Technique *t;
  Value *phases = bw_stix_array_member (o, "kill_chain_phases");
  Value *platforms = bw_stix_array_member (o, "x_mitre_platforms");
  Value *pn;
  g_autoptr(GStrvBuilder) tb = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) pb = g_strv_builder_new ();
  const char *aid = bw_stix_attack_id (o);

  if (aid == NULL || bw_stix_string_member (o, "name") == NULL)
    return bw_catalog_invalid (error, _("%s: objects[%u] (%s): a technique without an ATT&CK id or name"),
                               self->path, i, id);
  pn = phases != NULL ? bw_stix_first_child (phases) : NULL;
  for (guint k = 0; phases != NULL && k < phases->n; k++, pn = bw_stix_next_sibling (pn))
    if (pn->type == BW_JSON_OBJECT &&
        g_strcmp0 (bw_stix_string_member (pn, "kill_chain_name"), "mitre-attack") == 0 &&
        bw_stix_string_member (pn, "phase_name") != NULL)
      g_strv_builder_add (tb, bw_stix_string_member (pn, "phase_name"));
  pn = platforms != NULL ? bw_stix_first_child (platforms) : NULL;
  for (guint k = 0; platforms != NULL && k < platforms->n; k++, pn = bw_stix_next_sibling (pn))
    if (pn->type == BW_JSON_STRING)
      g_strv_builder_add (pb, bw_stix_normalize_platform (pn->u.s));
  t = g_new0 (Technique, 1);
  t->id = g_strdup (aid);
  t->name = g_strdup (bw_stix_string_member (o, "name"));
  t->tactics = g_strv_builder_end (tb);
  t->platforms = g_strv_builder_end (pb);
  if (self->texts)
    {
      t->description = bw_stix_first_paragraph (bw_stix_string_member (o, "description"));
      t->url = g_strdup (bw_stix_attack_reference (o, "url"));
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
  Value *o = bw_stix_first_child (self->objects);

  for (guint i = 0; i < self->objects->n; i++, o = bw_stix_next_sibling (o))
    {
      const char *type;
      const char *id;

      if (o->type != BW_JSON_OBJECT)
        return bw_catalog_invalid (error, _("%s: objects[%u]: expected an object"), self->path, i);
      type = bw_stix_string_member (o, "type");
      id = bw_stix_string_member (o, "id");
      if (type == NULL || id == NULL)
        return bw_catalog_invalid (error, _("%s: objects[%u]: “type” or “id” missing or not a string"),
                                   self->path, i);
      if (bw_stix_string_member (o, "spec_version") != NULL)
        self->is_21 = TRUE;
      g_hash_table_insert (self->by_stix, (gpointer) id, o);

      if (g_str_equal (type, "x-mitre-collection") && self->version == NULL)
        self->version = g_strdup (bw_stix_string_member (o, "x_mitre_version"));
      else if (g_str_equal (type, "x-mitre-matrix") && bw_stix_is_live (o) && self->matrix == NULL)
        self->matrix = o;
      else if (g_str_equal (type, "intrusion-set") && bw_stix_is_live (o) && bw_stix_attack_id (o) != NULL)
        {
          if (bw_stix_string_member (o, "name") == NULL)
            return bw_catalog_invalid (error, _("%s: objects[%u] (%s): a group without a name"),
                                       self->path, i, id);
          g_ptr_array_add (self->groups, o);
        }
      else if (g_str_equal (type, "attack-pattern") && bw_stix_is_live (o))
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
  Value *refs;
  Value *rv;

  if (self->matrix == NULL)
    return bw_catalog_invalid (error, _("%s: no x-mitre-matrix object: not an ATT&CK bundle"), self->path);
  refs = bw_stix_array_member (self->matrix, "tactic_refs");
  if (refs == NULL || refs->n == 0)
    return bw_catalog_invalid (error, _("%s: x-mitre-matrix.tactic_refs: missing or empty"), self->path);
  rv = bw_stix_first_child (refs);
  for (guint i = 0; i < refs->n; i++, rv = bw_stix_next_sibling (rv))
    {
      const char *ref = rv->type == BW_JSON_STRING ? rv->u.s : NULL;
      Value *tactic = ref ? g_hash_table_lookup (self->by_stix, ref) : NULL;

      if (ref == NULL)
        return bw_catalog_invalid (error, _("%s: x-mitre-matrix.tactic_refs[%u]: expected a string"),
                                   self->path, i);
      if (tactic == NULL || bw_stix_attack_id (tactic) == NULL ||
          bw_stix_string_member (tactic, "x_mitre_shortname") == NULL ||
          bw_stix_string_member (tactic, "name") == NULL)
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
  Value *o = bw_stix_first_child (self->objects);

  for (guint i = 0; i < self->objects->n; i++, o = bw_stix_next_sibling (o))
    {
      const char *kind;
      const char *source;
      const char *target;

      if (g_strcmp0 (bw_stix_string_member (o, "type"), "relationship") != 0 || !bw_stix_is_live (o))
        continue;
      kind = bw_stix_string_member (o, "relationship_type");
      source = bw_stix_string_member (o, "source_ref");
      target = bw_stix_string_member (o, "target_ref");
      if (kind == NULL || source == NULL || target == NULL)
        return bw_catalog_invalid (error, _("%s: objects[%u]: a relationship without type, source or target"),
                                   self->path, i);
      if (g_str_equal (kind, "subtechnique-of"))
        {
          Technique *sub = g_hash_table_lookup (self->live_ap, source);
          Value *parent = g_hash_table_lookup (self->by_stix, target);

          if (sub != NULL && parent != NULL && bw_stix_attack_id (parent) != NULL)
            {
              g_free (sub->parent);
              sub->parent = g_strdup (bw_stix_attack_id (parent));
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
      Value *src = g_hash_table_lookup (self->by_stix, from);
      const char *cursor;
      Technique *live;

      if (src == NULL || g_strcmp0 (bw_stix_string_member (src, "type"), "attack-pattern") != 0 ||
          bw_stix_attack_id (src) == NULL)
        continue;
      if ((cursor = revoked_end (self->revoked_stix, self->live_ap, ends, to)) == NULL)
        return bw_catalog_invalid (error, _("%s: revoked-by relationships form a cycle through %s"),
                                   self->path, bw_stix_attack_id (src));
      live = g_hash_table_lookup (self->live_ap, cursor);
      if (live != NULL && g_strcmp0 (bw_stix_attack_id (src), live->id) != 0)
        g_hash_table_insert (self->revoked_out, g_strdup (bw_stix_attack_id (src)),
                             g_strdup (live->id));
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
      Value *t = g_ptr_array_index (self->tactics, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, bw_stix_attack_id (t));
      json_builder_set_member_name (b, "shortname");
      json_builder_add_string_value (b, bw_stix_string_member (t, "x_mitre_shortname"));
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, bw_stix_string_member (t, "name"));
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
                     Value      *group)
{
  GHashTable *set = g_hash_table_lookup (self->uses, bw_stix_string_member (group, "id"));
  GHashTable *ids = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  const char *ap;

  if (set == NULL)
    return ids;
  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, (gpointer *) &ap, NULL))
    {
      Technique *t = g_hash_table_lookup (self->live_ap, ap);
      Value *src = g_hash_table_lookup (self->by_stix, ap);

      if (t == NULL && src != NULL && bw_stix_attack_id (src) != NULL)
        {
          const char *to = g_hash_table_lookup (self->revoked_out, bw_stix_attack_id (src));

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
             Value       *g)
{
  g_autoptr(GHashTable) ids = group_technique_ids (self, g);
  Value *aliases = bw_stix_array_member (g, "aliases");
  Value *av = aliases != NULL ? bw_stix_first_child (aliases) : NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, bw_stix_attack_id (g));
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, bw_stix_string_member (g, "name"));
  json_builder_set_member_name (b, "aliases");
  json_builder_begin_array (b);
  for (guint k = 0; aliases != NULL && k < aliases->n; k++, av = bw_stix_next_sibling (av))
    {
      const char *alias = av->type == BW_JSON_STRING ? av->u.s : NULL;

      if (alias != NULL && g_strcmp0 (alias, bw_stix_string_member (g, "name")) != 0)
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
      Value *g = g_ptr_array_index (self->groups, i);
      GroupRow row = { bw_stix_attack_id (g), g, i };

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
  g_auto(StixImport) import = { 0 };
  g_autoptr(JsonBuilder) b = json_builder_new ();
  guint n_groups;

  stix_import_init (&import, path);
  import.texts = out_descriptions != NULL;
  if ((import.objects = parse_bundle (&import, &bytes, error)) == NULL ||
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
