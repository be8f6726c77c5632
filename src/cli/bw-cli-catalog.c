/* bw-cli-catalog.c: `bulwark import-stix`, `bulwark import-mappings` and `bulwark catalog`. */
#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "bw-catalog-private.h"
#include "bw-cli-private.h"
#include "bw-mappings.h"
#include "bw-stix.h"
#include "bw-file.h"

/* Writes `text` to `out`, or into the user catalog as `name` when `out` is NULL. */
static gboolean
write_catalog_file (const char  *name,
                    const char  *out,
                    const char  *text,
                    char       **out_path,
                    GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (out != NULL)
    path = g_strdup (out);
  else
    {
      dir = bw_catalog_user_dir ();
      if (g_mkdir_with_parents (dir, 0755) != 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", dir,
                       g_strerror (saved));
          return FALSE;
        }
      path = g_build_filename (dir, name, NULL);
    }
  if (!bw_file_write_atomic (path, text, strlen (text), error))
    return FALSE;
  *out_path = g_steal_pointer (&path);
  return TRUE;
}

int
bw_cli_import_stix (int    argc,
                    char **argv)
{
  g_autofree char *out = NULL;
  g_autofree char *version = NULL;
  GOptionEntry entries[] = {
    { "catalog-out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("Write attack.json to FILE instead of the user catalog"), N_("FILE") },
    { "attack-version", 0, 0, G_OPTION_ARG_STRING, &version, N_("ATT&CK version, when the bundle does not say"), N_("VERSION") },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("BUNDLE.json[.xz] — import an ATT&CK Enterprise STIX bundle"));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *written = NULL;
  BwStixStats stats = { 0 };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!bw_cli_parse (context, &argc, &argv))
    return BW_CLI_EXIT_BAD_INPUT;
  if (argc != 2)
    return bw_cli_fail (_("usage: bulwark import-stix BUNDLE.json[.xz] [--catalog-out FILE]"));

  text = bw_stix_import (argv[1], version, &stats, &error);
  if (text == NULL)
    return bw_cli_fail ("%s", error->message);
  if (!write_catalog_file ("attack.json", out, text, &written, &error))
    return bw_cli_fail ("%s", error->message);

  g_print (_("ATT&CK %s: %u tactics, %u techniques (%u + %u sub-techniques), %u groups, %u revoked ids redirected\n"),
           stats.version, stats.tactics, stats.techniques, stats.techniques - stats.subtechniques,
           stats.subtechniques, stats.groups, stats.revoked);
  g_print (_("Wrote %s\n"), written);
  return BW_CLI_EXIT_OK;
}

/* The techniques of the effective catalog, without mappings or stencils: what importing a
 * mapping file needs, and nothing that the import itself could invalidate. */
static BwCatalog *
techniques_only_catalog (const char  *attack_path,
                         GError     **error)
{
  g_autofree char *user_dir = bw_catalog_user_dir ();
  g_autofree char *user_attack = g_build_filename (user_dir, "attack.json", NULL);
  g_autoptr(GBytes) attack = NULL;
  g_autoptr(GBytes) killchain = bw_catalog_shipped_file ("killchain.json");
  g_autoptr(GBytes) mappings = g_bytes_new_static ("{\"capabilities\":[]}", 19);
  g_autoptr(GBytes) stencils = g_bytes_new_static ("{\"families\":[],\"stencils\":[]}", 29);
  const char *path = attack_path ? attack_path : user_attack;
  g_autofree char *contents = NULL;
  gsize length;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!bw_file_get_contents (path, &contents, &length, error))
        return NULL;
      attack = g_bytes_new_take (g_steal_pointer (&contents), length);
    }
  else
    attack = bw_catalog_shipped_file ("attack.json");
  return bw_catalog_new_from_bytes (attack, killchain, mappings, stencils, error);
}

int
bw_cli_import_mappings (int    argc,
                        char **argv)
{
  g_autofree char *out = NULL;
  g_autofree char *attack = NULL;
  gboolean replace = FALSE;
  GOptionEntry entries[] = {
    { "catalog-out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("Write mappings.json to FILE instead of the user catalog; an existing FILE is merged into"), N_("FILE") },
    { "attack", 0, 0, G_OPTION_ARG_FILENAME, &attack, N_("Resolve technique ids against this attack.json"), N_("FILE") },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace, N_("Start from no mappings instead of merging into the current ones"), NULL },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("MAPPINGS.json — import a Mappings Explorer file"));
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalog) catalog = NULL;
  g_autoptr(GBytes) existing = NULL;
  g_auto(GStrv) stale = NULL;
  g_autofree char *text = NULL;
  g_autofree char *written = NULL;
  BwMappingsStats stats = { 0 };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!bw_cli_parse (context, &argc, &argv))
    return BW_CLI_EXIT_BAD_INPUT;
  if (argc != 2)
    return bw_cli_fail (_("usage: bulwark import-mappings MAPPINGS.json [--catalog-out FILE]"));

  if ((catalog = techniques_only_catalog (attack, &error)) == NULL)
    return bw_cli_fail ("%s", error->message);

  if (!replace)
    {
      g_autofree char *user_dir = bw_catalog_user_dir ();
      g_autofree char *user_mappings = g_build_filename (user_dir, "mappings.json", NULL);
      const char *current = out && g_file_test (out, G_FILE_TEST_EXISTS) ? out
                            : out == NULL && g_file_test (user_mappings, G_FILE_TEST_EXISTS)
                              ? user_mappings
                              : NULL;

      if (current != NULL)
        {
          g_autofree char *contents = NULL;
          gsize length;

          if (!bw_file_get_contents (current, &contents, &length, &error))
            return bw_cli_fail ("%s", error->message);
          existing = g_bytes_new_take (g_steal_pointer (&contents), length);
        }
      else if (out == NULL)
        existing = bw_catalog_shipped_file ("mappings.json");
    }

  text = bw_mappings_import (argv[1], catalog, existing, &stale, &stats, &error);
  if (text == NULL)
    return bw_cli_fail ("%s", error->message);
  if (!write_catalog_file ("mappings.json", out, text, &written, &error))
    return bw_cli_fail ("%s", error->message);

  g_print (_("%u capabilities, %u entries (%u technique ids carried through revoked-by)\n"),
           stats.capabilities, stats.entries, stats.redirected);
  if (stale[0] == NULL)
    g_print (_("No stale technique ids\n"));
  else
    {
      g_print (_("%u stale technique ids, left out:"), g_strv_length (stale));
      for (guint i = 0; stale[i] != NULL; i++)
        g_print (" %s", stale[i]);
      g_print ("\n");
    }
  g_print (_("Wrote %s\n"), written);
  return BW_CLI_EXIT_OK;
}

static void
add_strv (JsonBuilder        *b,
          const char         *key,
          const char *const  *values)
{
  json_builder_set_member_name (b, key);
  json_builder_begin_array (b);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (b, values[i]);
  json_builder_end_array (b);
}

static char *
catalog_to_json (BwCatalog *catalog)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  GString *text;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "attack_version");
  json_builder_add_string_value (b, bw_catalog_get_attack_version (catalog));

  json_builder_set_member_name (b, "tactics");
  json_builder_begin_array (b);
  for (guint i = 0; i < bw_catalog_get_n_tactics (catalog); i++)
    {
      const BwTactic *t = bw_catalog_get_tactic (catalog, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, t->id);
      json_builder_set_member_name (b, "shortname");
      json_builder_add_string_value (b, t->shortname);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, t->name);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "techniques");
  json_builder_begin_array (b);
  for (guint i = 0; i < bw_catalog_get_n_techniques (catalog); i++)
    {
      const BwTechnique *t = bw_catalog_get_technique (catalog, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, t->id);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, t->name);
      add_strv (b, "tactics", (const char *const *) t->tactics);
      add_strv (b, "platforms", (const char *const *) t->platforms);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "kill_chain");
  json_builder_begin_array (b);
  for (guint i = 0; i < bw_catalog_get_n_phases (catalog); i++)
    {
      const BwPhase *p = bw_catalog_get_phase (catalog, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, p->id);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, p->name);
      add_strv (b, "tactics", (const char *const *) p->tactics);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "capabilities");
  json_builder_begin_array (b);
  for (guint i = 0; i < bw_catalog_get_n_capabilities (catalog); i++)
    {
      const BwCapability *c = bw_catalog_get_capability (catalog, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, c->id);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, c->name);
      json_builder_set_member_name (b, "group");
      json_builder_add_string_value (b, c->group);
      json_builder_set_member_name (b, "entries");
      json_builder_begin_array (b);
      for (guint k = 0; k < c->n_entries; k++)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "technique");
          json_builder_add_string_value (b, bw_catalog_get_technique (catalog, c->entries[k].technique)->id);
          json_builder_set_member_name (b, "category");
          json_builder_add_string_value (b, bw_category_to_string (c->entries[k].category));
          json_builder_set_member_name (b, "score");
          json_builder_add_string_value (b, bw_score_to_string (c->entries[k].score));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "stencils");
  json_builder_begin_array (b);
  for (guint i = 0; i < bw_catalog_get_n_stencils (catalog); i++)
    {
      const BwStencil *s = bw_catalog_get_stencil (catalog, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, s->id);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, s->name);
      json_builder_set_member_name (b, "role");
      json_builder_add_string_value (b, bw_role_to_string (s->role));
      json_builder_set_member_name (b, "family");
      json_builder_add_string_value (b, s->family);
      json_builder_set_member_name (b, "pillar");
      json_builder_add_string_value (b, s->pillar ? s->pillar : "");
      add_strv (b, "platforms", (const char *const *) s->platforms);
      add_strv (b, "capabilities", (const char *const *) s->capabilities);
      add_strv (b, "applies_to", (const char *const *) s->applies_to);
      json_builder_set_member_name (b, "siem");
      json_builder_add_boolean_value (b, s->siem);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "groups");
  json_builder_begin_array (b);
  for (guint i = 0; i < bw_catalog_get_n_groups (catalog); i++)
    {
      const BwGroup *g = bw_catalog_get_group (catalog, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, g->id);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, g->name);
      json_builder_set_member_name (b, "techniques");
      json_builder_begin_array (b);
      for (guint k = 0; k < g->n_techniques; k++)
        json_builder_add_string_value (b, bw_catalog_get_technique (catalog, g->techniques[k])->id);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = g_string_new (NULL);
  json_generator_to_gstring (generator, text);
  g_string_append_c (text, '\n');
  return g_string_free (text, FALSE);
}

int
bw_cli_catalog (int    argc,
                char **argv)
{
  g_autofree char *format = NULL;
  gboolean reset = FALSE;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: text (default) or json"), N_("FORMAT") },
    { "reset", 0, 0, G_OPTION_ARG_NONE, &reset, N_("Delete the user’s imported catalog, going back to the shipped one"), NULL },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— show the effective catalog"));
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalog) catalog = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!bw_cli_parse (context, &argc, &argv))
    return BW_CLI_EXIT_BAD_INPUT;
  if (argc != 1)
    return bw_cli_fail (_("usage: bulwark catalog [--format json|text] [--reset]"));
  if (format != NULL && !g_str_equal (format, "json") && !g_str_equal (format, "text"))
    return bw_cli_fail (_("--format: expected json or text, not “%s”"), format);

  if (reset && !bw_catalog_reset_user_catalog (&error))
    return bw_cli_fail ("%s", error->message);

  if ((catalog = bw_catalog_load_default (&error)) == NULL)
    return bw_cli_fail (_("the catalog does not load: %s"), error->message);

  if (format != NULL && g_str_equal (format, "json"))
    {
      g_autofree char *text = catalog_to_json (catalog);

      fputs (text, stdout);
    }
  else
    {
      guint entries_count = 0;
      guint sub = 0;

      for (guint i = 0; i < bw_catalog_get_n_capabilities (catalog); i++)
        entries_count += bw_catalog_get_capability (catalog, i)->n_entries;
      for (guint i = 0; i < bw_catalog_get_n_techniques (catalog); i++)
        if (bw_catalog_get_technique (catalog, i)->parent != NULL)
          sub++;
      g_print (_("ATT&CK %s: %u tactics, %u techniques (%u + %u sub-techniques), %u groups\n"),
               bw_catalog_get_attack_version (catalog), bw_catalog_get_n_tactics (catalog),
               bw_catalog_get_n_techniques (catalog), bw_catalog_get_n_techniques (catalog) - sub, sub,
               bw_catalog_get_n_groups (catalog));
      g_print (_("Kill chain: %u phases\n"), bw_catalog_get_n_phases (catalog));
      g_print (_("Mappings: %u capabilities, %u entries\n"), bw_catalog_get_n_capabilities (catalog),
               entries_count);
      g_print (_("Stencils: %u\n"), bw_catalog_get_n_stencils (catalog));
    }
  return BW_CLI_EXIT_OK;
}

gboolean
bw_cli_check_catalog (BwDocument *document,
                      const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalog) catalog = bw_catalog_load_default (&error);
  const char *const *groups;

  if (catalog == NULL)
    {
      bw_cli_fail (_("the catalog does not load: %s"), error->message);
      return FALSE;
    }
  for (guint i = 0; i < bw_document_get_n_zones (document); i++)
    {
      const BwZone *z = bw_document_get_zone (document, i);
      const BwStencil *s = bw_catalog_lookup_stencil (catalog, z->kind);

      if (s == NULL || s->role != BW_ROLE_ZONE)
        {
          bw_cli_fail (_("%s: zones[%u].kind: “%s” is not a zone kind"), path, i, z->kind);
          return FALSE;
        }
    }
  for (guint i = 0; i < bw_document_get_n_nodes (document); i++)
    {
      const BwNode *n = bw_document_get_node (document, i);
      const BwStencil *s = bw_catalog_lookup_stencil (catalog, n->kind);

      if (s == NULL || s->role == BW_ROLE_ZONE)
        {
          bw_cli_fail (_("%s: nodes[%u].kind: unknown kind “%s”"), path, i, n->kind);
          return FALSE;
        }
    }
  groups = bw_document_get_threat_groups (document);
  for (guint i = 0; groups[i] != NULL; i++)
    if (bw_catalog_lookup_group (catalog, groups[i]) == NULL)
      g_printerr (_("bulwark: warning: %s: settings.threat_groups[%u]: no ATT&CK group “%s”; it is ignored\n"),
                  path, i, groups[i]);
  return TRUE;
}
