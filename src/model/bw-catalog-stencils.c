/* bw-catalog-stencils.c: reads the catalog's stencils.json, the palette families and every
 * kind of thing a diagram can hold, checked against the capabilities and the ATT&CK release. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-catalog-load.h"
#include "bw-catalog-private.h"

/* What the stencils are checked against while they are read. */
typedef struct
{
  GHashTable *platforms;  /* the release's platform names */
  GHashTable *warned;     /* platforms already warned about, owned */
} StencilChecks;

/* The platforms the release's techniques name, and PRE. */
static GHashTable *
release_platforms (BwCatalog *self)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_add (set, (gpointer) "PRE");
  for (guint i = 0; i < self->techniques->len; i++)
    {
      char **platforms = g_array_index (self->techniques, BwTechnique, i).platforms;

      for (guint k = 0; platforms[k] != NULL; k++)
        g_hash_table_add (set, platforms[k]);
    }
  return set;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

char **
bw_catalog_dup_platforms (BwCatalog *self)
{
  g_autoptr(GHashTable) set = release_platforms (self);
  GPtrArray *names = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer name;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}

static gboolean
read_families (BwCatalog     *self,
               JsonArray     *families,
               BwCatalogFile *file)
{
  for (guint i = 0; i < json_array_get_length (families); i++)
    {
      g_autofree char *path = g_strdup_printf ("families[%u].", i);
      JsonObject *o = bw_catalog_file_element (file, families, i, "families");
      BwFamily f = { 0 };
      const char *id, *name;

      if (o == NULL || (id = bw_catalog_file_string (file, o, path, "id", TRUE)) == NULL ||
          (name = bw_catalog_file_string (file, o, path, "name", TRUE)) == NULL)
        return FALSE;
      f.id = g_strdup (id);
      f.name = g_strdup (name);
      g_array_append_val (self->families, f);
    }
  return TRUE;
}

static gboolean
family_known (BwCatalog  *self,
              const char *family)
{
  for (guint k = 0; k < self->families->len; k++)
    if (g_str_equal (g_array_index (self->families, BwFamily, k).id, family))
      return TRUE;
  return FALSE;
}

/* A stencil's lists: its capabilities must exist; a platform of another ATT&CK release (ESXi
 * before 17) matches no technique here, and is a warning once. On failure the caller clears
 * the stencil. */
static gboolean
read_stencil_lists (BwCatalog     *self,
                    JsonObject    *o,
                    const char    *path,
                    BwStencil     *s,
                    StencilChecks *checks,
                    BwCatalogFile *file)
{
  if ((s->platforms = bw_catalog_file_strv (file, o, path, "platforms")) == NULL ||
      (s->capabilities = bw_catalog_file_strv (file, o, path, "capabilities")) == NULL ||
      (s->applies_to = bw_catalog_file_strv (file, o, path, "applies_to")) == NULL ||
      (s->includes = bw_catalog_file_strv (file, o, path, "includes")) == NULL)
    return FALSE;
  for (guint k = 0; s->capabilities[k] != NULL; k++)
    if (bw_catalog_lookup_capability (self, s->capabilities[k]) == NULL)
      return bw_catalog_file_fail (file, _("%scapabilities[%u]: unknown capability “%s”"), path, k,
                                   s->capabilities[k]);
  for (guint k = 0; s->platforms[k] != NULL; k++)
    if (!g_hash_table_contains (checks->platforms, s->platforms[k]) &&
        g_hash_table_add (checks->warned, g_strdup (s->platforms[k])))
      bw_catalog_file_warn (file, self,
                            _("%splatforms[%u]: “%s” is not a platform of ATT&CK %s; no technique applies to it"),
                            path, k, s->platforms[k], self->attack_version);
  return TRUE;
}

static gboolean
read_stencil (BwCatalog     *self,
              JsonObject    *o,
              const char    *path,
              StencilChecks *checks,
              BwCatalogFile *file)
{
  BwStencil s = { 0 };
  const char *id, *name, *role, *family, *pillar, *icon, *reason;
  JsonNode *siem;

  if (o == NULL || (id = bw_catalog_file_string (file, o, path, "id", TRUE)) == NULL ||
      (name = bw_catalog_file_string (file, o, path, "name", TRUE)) == NULL ||
      (role = bw_catalog_file_string (file, o, path, "role", TRUE)) == NULL ||
      (family = bw_catalog_file_string (file, o, path, "family", TRUE)) == NULL)
    return FALSE;
  if (!bw_role_from_string (role, &s.role))
    return bw_catalog_file_fail (file, _("%srole: unknown role “%s”"), path, role);
  if (!family_known (self, family))
    return bw_catalog_file_fail (file, _("%sfamily: unknown family “%s”"), path, family);
  pillar = bw_catalog_file_string (file, o, path, "pillar", FALSE);
  icon = bw_catalog_file_string (file, o, path, "icon", FALSE);
  reason = bw_catalog_file_string (file, o, path, "scope_reason", FALSE);
  if (*file->error != NULL)
    return FALSE;
  s.id = g_strdup (id);
  s.name = g_strdup (name);
  s.family = g_strdup (family);
  s.pillar = g_strdup (pillar);
  s.icon = g_strdup (icon);
  s.scope_reason = g_strdup (reason);
  siem = json_object_get_member (o, "siem");
  s.siem = siem != NULL && JSON_NODE_HOLDS_VALUE (siem) &&
           json_node_get_value_type (siem) == G_TYPE_BOOLEAN && json_node_get_boolean (siem);
  if (!read_stencil_lists (self, o, path, &s, checks, file))
    {
      bw_stencil_clear (&s);
      return FALSE;
    }
  g_array_append_val (self->stencils, s);
  return TRUE;
}

/* includes names other services: what a bundle such as Defender for Servers brings along. */
static gboolean
check_includes (BwCatalog       *self,
                const BwStencil *s,
                BwCatalogFile   *file)
{
  for (guint k = 0; s->includes[k] != NULL; k++)
    {
      const BwStencil *part = bw_catalog_lookup_stencil (self, s->includes[k]);

      if (part == NULL || part->role != BW_ROLE_SERVICE || part == s)
        return bw_catalog_file_fail (file, _("stencils[%s].includes[%u]: “%s” is not another service"),
                                     s->id, k, s->includes[k]);
    }
  return TRUE;
}

/* applies_to names asset kinds, includes services; checked once all stencils are known. */
static gboolean
check_applies_to (BwCatalog     *self,
                  BwCatalogFile *file)
{
  for (guint i = 0; i < self->stencils->len; i++)
    {
      BwStencil *s = &g_array_index (self->stencils, BwStencil, i);

      if (!check_includes (self, s, file))
        return FALSE;
      for (guint k = 0; s->applies_to[k] != NULL; k++)
        {
          const BwStencil *target = bw_catalog_lookup_stencil (self, s->applies_to[k]);

          if (target == NULL || target->role != BW_ROLE_ASSET)
            return bw_catalog_file_fail (file, _("stencils[%s].applies_to[%u]: “%s” is not an asset kind"),
                                         s->id, k, s->applies_to[k]);
        }
    }
  return TRUE;
}

gboolean
bw_catalog_read_stencils (BwCatalog     *self,
                          GBytes        *bytes,
                          BwCatalogFile *file)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *root = bw_catalog_file_root (file, parser, bytes);
  JsonArray *families;
  JsonArray *stencils;
  g_autoptr(GHashTable) platforms = release_platforms (self);
  g_autoptr(GHashTable) warned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  StencilChecks checks = { platforms, warned };

  if (root == NULL || (families = bw_catalog_file_array (file, root, "", "families", TRUE)) == NULL ||
      (stencils = bw_catalog_file_array (file, root, "", "stencils", TRUE)) == NULL)
    return FALSE;
  if (!read_families (self, families, file))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (stencils); i++)
    {
      g_autofree char *path = g_strdup_printf ("stencils[%u].", i);

      if (!read_stencil (self, bw_catalog_file_element (file, stencils, i, "stencils"), path, &checks, file))
        return FALSE;
    }
  g_array_sort (self->stencils, bw_catalog_compare_ids);
  for (guint i = 0; i < self->stencils->len; i++)
    {
      BwStencil *s = &g_array_index (self->stencils, BwStencil, i);

      s->index = i;
      if (g_hash_table_contains (self->stencil_index, s->id))
        return bw_catalog_file_fail (file, _("stencils: duplicate id “%s”"), s->id);
      g_hash_table_insert (self->stencil_index, s->id, GUINT_TO_POINTER (i + 1));
    }
  return check_applies_to (self, file);
}
