/* bw-catalog-attack.c: reads the catalog's attack.json (the ATT&CK release: tactics in matrix
 * order, techniques, revoked-by redirects, groups) and killchain.json (the kill-chain phases
 * and the tactics each takes). */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-catalog-load.h"
#include "bw-catalog-private.h"

static gboolean
read_tactics (BwCatalog     *self,
              JsonObject    *root,
              BwCatalogFile *file)
{
  JsonArray *tactics;

  if ((tactics = bw_catalog_file_array (file, root, "", "tactics", TRUE)) == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (tactics); i++)
    {
      g_autofree char *path = g_strdup_printf ("tactics[%u].", i);
      JsonObject *o = bw_catalog_file_element (file, tactics, i, "tactics");
      BwTactic t = { 0 };
      const char *id, *shortname, *name;

      if (o == NULL || (id = bw_catalog_file_string (file, o, path, "id", TRUE)) == NULL ||
          (shortname = bw_catalog_file_string (file, o, path, "shortname", TRUE)) == NULL ||
          (name = bw_catalog_file_string (file, o, path, "name", TRUE)) == NULL)
        return FALSE;
      t.id = g_strdup (id);
      t.shortname = g_strdup (shortname);
      t.name = g_strdup (name);
      g_array_append_val (self->tactics, t);
    }
  return TRUE;
}

/* A technique keeps only the tactics its release has: a tactic name from another release in a
 * technique is a warning, not a catalog that no longer loads. */
static void
keep_release_tactics (BwCatalog     *self,
                      BwCatalogFile *file,
                      BwTechnique   *t)
{
  guint kept = 0;

  for (guint k = 0; t->tactics[k] != NULL; k++)
    {
      gboolean known = FALSE;

      for (guint j = 0; j < self->tactics->len && !known; j++)
        known = g_str_equal (g_array_index (self->tactics, BwTactic, j).shortname, t->tactics[k]);
      if (known)
        t->tactics[kept++] = t->tactics[k];
      else
        {
          bw_catalog_file_warn (file, self,
                                _("techniques[%s].tactics: “%s” is not a tactic of this release; ignored"),
                                t->id, t->tactics[k]);
          g_free (t->tactics[k]);
        }
    }
  t->tactics[kept] = NULL;
}

static gboolean
read_technique (BwCatalog     *self,
                JsonObject    *o,
                const char    *path,
                BwCatalogFile *file)
{
  BwTechnique t = { 0 };
  const char *id, *name, *parent;

  if (o == NULL || (id = bw_catalog_file_string (file, o, path, "id", TRUE)) == NULL ||
      (name = bw_catalog_file_string (file, o, path, "name", TRUE)) == NULL)
    return FALSE;
  parent = bw_catalog_file_string (file, o, path, "parent", FALSE);
  if (*file->error != NULL)
    return FALSE;
  t.id = g_strdup (id);
  t.name = g_strdup (name);
  t.parent = g_strdup (parent);
  if ((t.tactics = bw_catalog_file_strv (file, o, path, "tactics")) == NULL ||
      (t.platforms = bw_catalog_file_strv (file, o, path, "platforms")) == NULL)
    {
      bw_technique_clear (&t);
      return FALSE;
    }
  g_array_append_val (self->techniques, t);
  return TRUE;
}

/* The techniques, sorted by id: a technique's place is its index, the engine's bit. */
static gboolean
read_techniques (BwCatalog     *self,
                 JsonObject    *root,
                 BwCatalogFile *file)
{
  JsonArray *techniques;

  if ((techniques = bw_catalog_file_array (file, root, "", "techniques", TRUE)) == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (techniques); i++)
    {
      g_autofree char *path = g_strdup_printf ("techniques[%u].", i);

      if (!read_technique (self, bw_catalog_file_element (file, techniques, i, "techniques"), path, file))
        return FALSE;
    }
  g_array_sort (self->techniques, bw_catalog_compare_ids);
  for (guint i = 0; i < self->techniques->len; i++)
    {
      BwTechnique *t = &g_array_index (self->techniques, BwTechnique, i);

      t->index = i;
      if (g_hash_table_contains (self->technique_index, t->id))
        return bw_catalog_file_fail (file, _("techniques: duplicate id “%s”"), t->id);
      g_hash_table_insert (self->technique_index, t->id, GUINT_TO_POINTER (i + 1));
    }
  for (guint i = 0; i < self->techniques->len; i++)
    keep_release_tactics (self, file, &g_array_index (self->techniques, BwTechnique, i));
  return TRUE;
}

static gboolean
read_revoked (BwCatalog     *self,
              JsonObject    *root,
              BwCatalogFile *file)
{
  JsonNode *revoked = json_object_get_member (root, "revoked");
  JsonObject *map;
  g_autoptr(GList) members = NULL;

  if (revoked == NULL || !JSON_NODE_HOLDS_OBJECT (revoked))
    return TRUE;
  map = json_node_get_object (revoked);
  members = json_object_get_members (map);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *to = bw_catalog_file_string (file, map, "revoked.", l->data, TRUE);

      if (to == NULL)
        return FALSE;
      g_hash_table_insert (self->revoked, g_strdup (l->data), g_strdup (to));
    }
  return TRUE;
}

/* A group, with the techniques it uses as sorted technique indices. */
static gboolean
read_group (BwCatalog     *self,
            JsonObject    *o,
            const char    *path,
            BwCatalogFile *file)
{
  BwGroup g = { 0 };
  const char *id, *name;
  g_auto(GStrv) ids = NULL;
  GArray *indices;

  if (o == NULL || (id = bw_catalog_file_string (file, o, path, "id", TRUE)) == NULL ||
      (name = bw_catalog_file_string (file, o, path, "name", TRUE)) == NULL ||
      (ids = bw_catalog_file_strv (file, o, path, "techniques")) == NULL)
    return FALSE;
  g.id = g_strdup (id);
  g.name = g_strdup (name);
  if ((g.aliases = bw_catalog_file_strv (file, o, path, "aliases")) == NULL)
    {
      bw_group_clear (&g);
      return FALSE;
    }
  indices = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint k = 0; ids[k] != NULL; k++)
    {
      const BwTechnique *t = bw_catalog_resolve_technique (self, ids[k]);

      if (t == NULL)
        {
          g_array_unref (indices);
          bw_group_clear (&g);
          return bw_catalog_file_fail (file, _("%stechniques[%u]: unknown technique “%s”"), path, k, ids[k]);
        }
      g_array_append_val (indices, t->index);
    }
  g_array_sort (indices, (GCompareFunc) bw_compare_uint);
  g.n_techniques = indices->len;
  g.techniques = (guint *) g_array_free (indices, FALSE);
  g_array_append_val (self->groups, g);
  return TRUE;
}

static gboolean
read_groups (BwCatalog     *self,
             JsonObject    *root,
             BwCatalogFile *file)
{
  JsonArray *groups = bw_catalog_file_array (file, root, "", "groups", FALSE);

  if (*file->error != NULL)
    return FALSE;
  for (guint i = 0; groups != NULL && i < json_array_get_length (groups); i++)
    {
      g_autofree char *path = g_strdup_printf ("groups[%u].", i);

      if (!read_group (self, bw_catalog_file_element (file, groups, i, "groups"), path, file))
        return FALSE;
    }
  g_array_sort (self->groups, bw_catalog_compare_ids);
  return TRUE;
}

gboolean
bw_catalog_read_attack (BwCatalog     *self,
                        GBytes        *bytes,
                        BwCatalogFile *file)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *root = bw_catalog_file_root (file, parser, bytes);
  const char *version;

  if (root == NULL)
    return FALSE;
  if ((version = bw_catalog_file_string (file, root, "", "attack_version", TRUE)) == NULL)
    return FALSE;
  self->attack_version = g_strdup (version);
  return read_tactics (self, root, file) &&
         read_techniques (self, root, file) &&
         read_revoked (self, root, file) &&
         read_groups (self, root, file);
}

/* The table is keyed by tactic shortname and knows every generation of tactics (defense-evasion,
 * and stealth and defense-impairment after it): a phase lists the ones the loaded release has,
 * in the table's order. */
static void
keep_loaded_tactics (BwCatalog *self,
                     BwPhase   *p)
{
  guint kept = 0;

  for (guint k = 0; p->tactics[k] != NULL; k++)
    {
      const BwTactic *t = bw_catalog_lookup_tactic (self, p->tactics[k]);

      /* Entries are shortnames; an id ("TA0005") names the same tactic and is kept by shortname. */
      if (t != NULL)
        {
          char *shortname = g_strdup (t->shortname);

          g_free (p->tactics[k]);
          p->tactics[kept++] = shortname;
        }
      else
        g_free (p->tactics[k]);
    }
  p->tactics[kept] = NULL;
}

/* A tactic of the release that the table does not know is listed under no phase. */
static void
warn_unphased_tactics (BwCatalog     *self,
                       BwCatalogFile *file)
{
  for (guint i = 0; i < self->tactics->len; i++)
    {
      const BwTactic *t = &g_array_index (self->tactics, BwTactic, i);
      gboolean phased = FALSE;

      for (guint p = 0; p < self->phases->len && !phased; p++)
        phased = g_strv_contains (
            (const char *const *) g_array_index (self->phases, BwPhase, p).tactics, t->shortname);
      if (!phased)
        bw_catalog_file_warn (file, self,
                              _("the kill-chain table does not know tactic “%s” (%s, %s); it is in no phase"),
                              t->shortname, t->id, t->name);
    }
}

gboolean
bw_catalog_read_killchain (BwCatalog     *self,
                           GBytes        *bytes,
                           BwCatalogFile *file)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *root = bw_catalog_file_root (file, parser, bytes);
  JsonArray *phases;

  if (root == NULL || (phases = bw_catalog_file_array (file, root, "", "phases", TRUE)) == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (phases); i++)
    {
      g_autofree char *path = g_strdup_printf ("phases[%u].", i);
      JsonObject *o = bw_catalog_file_element (file, phases, i, "phases");
      BwPhase p = { 0 };
      const char *id, *name;

      if (o == NULL || (id = bw_catalog_file_string (file, o, path, "id", TRUE)) == NULL ||
          (name = bw_catalog_file_string (file, o, path, "name", TRUE)) == NULL)
        return FALSE;
      p.id = g_strdup (id);
      p.name = g_strdup (name);
      if ((p.tactics = bw_catalog_file_strv (file, o, path, "tactics")) == NULL)
        {
          bw_phase_clear (&p);
          return FALSE;
        }
      keep_loaded_tactics (self, &p);
      g_array_append_val (self->phases, p);
    }
  warn_unphased_tactics (self, file);
  return TRUE;
}
