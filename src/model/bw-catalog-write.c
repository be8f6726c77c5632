/* bw-catalog-write.c: the effective catalog as JSON, one pass per table. The layout is
 * json-glib's pretty generator's, which this output has always had. */
#include "config.h"

#include "bw-catalog-write.h"
#include "bw-json-writer.h"



static void
write_tactics (BwJsonWriter *w,
               BwCatalog    *catalog)
{
  bw_json_writer_member (w, "tactics");
  bw_json_writer_begin_array (w);
  for (guint i = 0; i < bw_catalog_get_n_tactics (catalog); i++)
    {
      const BwTactic *t = bw_catalog_get_tactic (catalog, i);

      bw_json_writer_begin_object (w);
      bw_json_writer_string_member (w, "id", t->id);
      bw_json_writer_string_member (w, "shortname", t->shortname);
      bw_json_writer_string_member (w, "name", t->name);
      bw_json_writer_end_object (w);
    }
  bw_json_writer_end_array (w);
}

static void
write_techniques (BwJsonWriter *w,
                  BwCatalog    *catalog)
{
  bw_json_writer_member (w, "techniques");
  bw_json_writer_begin_array (w);
  for (guint i = 0; i < bw_catalog_get_n_techniques (catalog); i++)
    {
      const BwTechnique *t = bw_catalog_get_technique (catalog, i);

      bw_json_writer_begin_object (w);
      bw_json_writer_string_member (w, "id", t->id);
      bw_json_writer_string_member (w, "name", t->name);
      bw_json_writer_strv_member (w, "tactics", (const char *const *) t->tactics);
      bw_json_writer_strv_member (w, "platforms", (const char *const *) t->platforms);
      bw_json_writer_end_object (w);
    }
  bw_json_writer_end_array (w);
}

static void
write_phases (BwJsonWriter *w,
              BwCatalog    *catalog)
{
  bw_json_writer_member (w, "kill_chain");
  bw_json_writer_begin_array (w);
  for (guint i = 0; i < bw_catalog_get_n_phases (catalog); i++)
    {
      const BwPhase *p = bw_catalog_get_phase (catalog, i);

      bw_json_writer_begin_object (w);
      bw_json_writer_string_member (w, "id", p->id);
      bw_json_writer_string_member (w, "name", p->name);
      bw_json_writer_strv_member (w, "tactics", (const char *const *) p->tactics);
      bw_json_writer_end_object (w);
    }
  bw_json_writer_end_array (w);
}

static void
write_capabilities (BwJsonWriter *w,
                    BwCatalog    *catalog)
{
  bw_json_writer_member (w, "capabilities");
  bw_json_writer_begin_array (w);
  for (guint i = 0; i < bw_catalog_get_n_capabilities (catalog); i++)
    {
      const BwCapability *c = bw_catalog_get_capability (catalog, i);

      bw_json_writer_begin_object (w);
      bw_json_writer_string_member (w, "id", c->id);
      bw_json_writer_string_member (w, "name", c->name);
      bw_json_writer_string_member (w, "group", c->group);
      bw_json_writer_member (w, "entries");
      bw_json_writer_begin_array (w);
      for (guint k = 0; k < c->n_entries; k++)
        {
          const BwMapping *m = &c->entries[k];

          bw_json_writer_begin_object (w);
          bw_json_writer_string_member (w, "technique", bw_catalog_get_technique (catalog, m->technique)->id);
          bw_json_writer_string_member (w, "category", bw_category_to_string (m->category));
          bw_json_writer_string_member (w, "score", bw_score_to_string (m->score));
          bw_json_writer_end_object (w);
        }
      bw_json_writer_end_array (w);
      bw_json_writer_end_object (w);
    }
  bw_json_writer_end_array (w);
}

static void
write_stencils (BwJsonWriter *w,
                BwCatalog    *catalog)
{
  bw_json_writer_member (w, "stencils");
  bw_json_writer_begin_array (w);
  for (guint i = 0; i < bw_catalog_get_n_stencils (catalog); i++)
    {
      const BwStencil *s = bw_catalog_get_stencil (catalog, i);

      bw_json_writer_begin_object (w);
      bw_json_writer_string_member (w, "id", s->id);
      bw_json_writer_string_member (w, "name", s->name);
      bw_json_writer_string_member (w, "role", bw_role_to_string (s->role));
      bw_json_writer_string_member (w, "family", s->family);
      bw_json_writer_string_member (w, "pillar", s->pillar ? s->pillar : "");
      bw_json_writer_strv_member (w, "platforms", (const char *const *) s->platforms);
      bw_json_writer_strv_member (w, "capabilities", (const char *const *) s->capabilities);
      bw_json_writer_strv_member (w, "applies_to", (const char *const *) s->applies_to);
      bw_json_writer_string_member (w, "scope_reason", s->scope_reason ? s->scope_reason : "");
      bw_json_writer_strv_member (w, "includes", (const char *const *) s->includes);
      bw_json_writer_member (w, "siem");
      bw_json_writer_boolean (w, s->siem);
      bw_json_writer_end_object (w);
    }
  bw_json_writer_end_array (w);
}

static void
write_groups (BwJsonWriter *w,
              BwCatalog    *catalog)
{
  bw_json_writer_member (w, "groups");
  bw_json_writer_begin_array (w);
  for (guint i = 0; i < bw_catalog_get_n_groups (catalog); i++)
    {
      const BwGroup *g = bw_catalog_get_group (catalog, i);

      bw_json_writer_begin_object (w);
      bw_json_writer_string_member (w, "id", g->id);
      bw_json_writer_string_member (w, "name", g->name);
      bw_json_writer_member (w, "techniques");
      bw_json_writer_begin_array (w);
      for (guint k = 0; k < g->n_techniques; k++)
        bw_json_writer_string (w, bw_catalog_get_technique (catalog, g->techniques[k])->id);
      bw_json_writer_end_array (w);
      bw_json_writer_end_object (w);
    }
  bw_json_writer_end_array (w);
}

char *
bw_catalog_to_json (BwCatalog *catalog,
                    gsize     *out_length)
{
  GString *out;
  g_autoptr(BwJsonWriter) w = NULL;

  g_return_val_if_fail (BW_IS_CATALOG (catalog), NULL);

  out = g_string_new (NULL);
  w = bw_json_writer_new (out, BW_JSON_STYLE_GENERATOR);
  bw_json_writer_begin_object (w);
  bw_json_writer_string_member (w, "attack_version", bw_catalog_get_attack_version (catalog));
  write_tactics (w, catalog);
  write_techniques (w, catalog);
  write_phases (w, catalog);
  write_capabilities (w, catalog);
  write_stencils (w, catalog);
  write_groups (w, catalog);
  bw_json_writer_end_object (w);

  if (out_length != NULL)
    *out_length = out->len;
  return g_string_free (out, FALSE);
}
