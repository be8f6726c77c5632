/* bw-catalog-mappings.c: reads the catalog's mappings.json, the CTID capabilities with their
 * (technique, category, score) entries, each technique carried through revoked-by. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-catalog-load.h"
#include "bw-catalog-private.h"

/* One entry, as capability `c`'s next mapping. */
static gboolean
read_entry (BwCatalog     *self,
            JsonObject    *e,
            const char    *epath,
            BwCapability  *c,
            BwCatalogFile *file)
{
  const char *technique, *category, *score;
  const BwTechnique *t;
  BwMapping *m = &c->entries[c->n_entries];

  if (e == NULL || (technique = bw_catalog_file_string (file, e, epath, "technique", TRUE)) == NULL ||
      (category = bw_catalog_file_string (file, e, epath, "category", TRUE)) == NULL ||
      (score = bw_catalog_file_string (file, e, epath, "score", TRUE)) == NULL)
    return FALSE;
  if ((t = bw_catalog_resolve_technique (self, technique)) == NULL)
    return bw_catalog_file_fail (file, _("%stechnique: unknown technique “%s”"), epath, technique);
  if (!bw_category_from_string (category, &m->category))
    return bw_catalog_file_fail (file, _("%scategory: unknown category “%s”"), epath, category);
  if (!bw_score_from_string (score, &m->score) || m->score == BW_SCORE_NONE)
    return bw_catalog_file_fail (file, _("%sscore: unknown score “%s”"), epath, score);
  m->technique = t->index;
  c->n_entries++;
  return TRUE;
}

static gboolean
read_capability (BwCatalog     *self,
                 JsonObject    *o,
                 const char    *path,
                 BwCatalogFile *file)
{
  BwCapability c = { 0 };
  const char *id, *name, *group;
  JsonArray *entries;

  if (o == NULL || (id = bw_catalog_file_string (file, o, path, "id", TRUE)) == NULL ||
      (name = bw_catalog_file_string (file, o, path, "name", TRUE)) == NULL ||
      (entries = bw_catalog_file_array (file, o, path, "entries", TRUE)) == NULL)
    return FALSE;
  group = bw_catalog_file_string (file, o, path, "group", FALSE);
  if (*file->error != NULL)
    return FALSE;
  c.id = g_strdup (id);
  c.name = g_strdup (name);
  c.group = g_strdup (group ? group : "");
  c.tier = bw_capability_tier_from_id (id);
  c.entries = g_new0 (BwMapping, json_array_get_length (entries) + 1);
  for (guint k = 0; k < json_array_get_length (entries); k++)
    {
      g_autofree char *epath = g_strdup_printf ("%sentries[%u].", path, k);

      if (!read_entry (self, bw_catalog_file_element (file, entries, k, epath), epath, &c, file))
        {
          bw_capability_clear (&c);
          return FALSE;
        }
    }
  g_array_append_val (self->capabilities, c);
  return TRUE;
}

gboolean
bw_catalog_read_mappings (BwCatalog     *self,
                          GBytes        *bytes,
                          BwCatalogFile *file)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *root = bw_catalog_file_root (file, parser, bytes);
  JsonArray *caps;

  if (root == NULL || (caps = bw_catalog_file_array (file, root, "", "capabilities", TRUE)) == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (caps); i++)
    {
      g_autofree char *path = g_strdup_printf ("capabilities[%u].", i);

      if (!read_capability (self, bw_catalog_file_element (file, caps, i, "capabilities"), path, file))
        return FALSE;
    }
  g_array_sort (self->capabilities, bw_catalog_compare_ids);
  for (guint i = 0; i < self->capabilities->len; i++)
    {
      BwCapability *c = &g_array_index (self->capabilities, BwCapability, i);

      if (g_hash_table_contains (self->capability_index, c->id))
        return bw_catalog_file_fail (file, _("capabilities: duplicate id “%s”"), c->id);
      g_hash_table_insert (self->capability_index, c->id, GUINT_TO_POINTER (i + 1));
    }
  return TRUE;
}
