/* bw-cli-catalog.c: `bulwark import-stix`, `bulwark import-mappings` and `bulwark catalog`. */
#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "bw-catalog-import.h"
#include "bw-catalog-write.h"
#include "bw-cli-private.h"
#include "bw-document-check.h"
#include "bw-mappings.h"
#include "bw-stix.h"
#include "bw-file.h"

BwCatalog *
bw_cli_load_catalog (GError **error)
{
  BwCatalog *catalog = bw_catalog_load_default (error);

  if (catalog != NULL && bw_catalog_get_fallback_reason (catalog) != NULL)
    g_printerr (_("bulwark: warning: the imported catalog does not load (%s); the shipped catalog "
                  "(ATT&CK %s) is used instead — “bulwark catalog --reset” forgets the imported one\n"),
                bw_catalog_get_fallback_reason (catalog), bw_catalog_get_attack_version (catalog));
  return catalog;
}

static void
print_warnings (BwCatalog *catalog)
{
  for (guint i = 0; i < bw_catalog_get_n_warnings (catalog); i++)
    g_printerr (_("bulwark: warning: %s\n"), bw_catalog_get_warning (catalog, i));
}

static void
print_ids (const char *heading,
           GPtrArray  *ids)
{
  if (ids->len == 0)
    return;
  g_print ("  %s", heading);
  for (guint i = 0; i < ids->len; i++)
    g_print ("%s%s", i ? ", " : " ", (const char *) g_ptr_array_index (ids, i));
  g_print ("\n");
}

static void
print_migration (BwCatalogImport *import)
{
  g_print (
      _("Mappings carried from ATT&CK %s to %s: %u entries, %u unchanged, %u carried to another "
         "technique, %u left out (technique gone)\n"),
      import->from_version, import->stix.version, import->entries, import->unchanged,
      import->carried, import->gone);
  for (guint i = 0; i < import->rows->len; i++)
    {
      const BwMigrationRow *row = &g_array_index (import->rows, BwMigrationRow, i);

      g_print (_("  %s: %u entries, %u carried, %u left out\n"), row->capability, row->entries, row->carried,
               row->gone);
    }
  /* TRANSLATORS: followed by a list of "T1053.001 → T1053.002" */
  print_ids (_("Carried:"), import->moves);
  /* TRANSLATORS: followed by a list of technique ids */
  print_ids (_("Gone:"), import->gone_ids);
  if (import->merged > 0)
    g_print (_("  %u carried entries joined one the capability already had (the stronger score counts)\n"),
             import->merged);
}

static int
install (BwCatalogImport *import)
{
  g_autoptr(GError) error = NULL;

  if (!bw_catalog_import_install (import, &error))
    return bw_cli_fail ("%s", error->message);
  print_warnings (import->catalog);
  g_print (_("Installed in %s\n"), import->installed_in);
  return BW_CLI_EXIT_OK;
}

static gboolean
write_file (const char  *path,
            GBytes      *bytes,
            GError     **error)
{
  return bw_file_write_atomic (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                               error);
}

/* The path of catalog file `name` beside `out` (the --catalog-out file). */
static char *
beside (const char *out,
        const char *name)
{
  g_autofree char *dir = g_path_get_dirname (out);

  return g_build_filename (dir, name, NULL);
}

/* Writes the texts file an import made beside the --catalog-out file. */
static gboolean
write_beside (const char  *out,
              const char  *name,
              GBytes      *bytes,
              GError     **error)
{
  g_autofree char *path = beside (out, name);

  if (bytes == NULL)
    return TRUE;
  if (!write_file (path, bytes, error))
    return FALSE;
  g_print (_("Wrote %s\n"), path);
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
  g_autoptr(BwCatalogImport) import = NULL;
  const BwStixStats *stats;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!bw_cli_parse (context, &argc, &argv))
    return BW_CLI_EXIT_BAD_INPUT;
  if (argc != 2)
    return bw_cli_fail (_("usage: bulwark import-stix BUNDLE.json[.xz] [--catalog-out FILE]"));

  if ((import = bw_catalog_import_attack (argv[1], version, &error)) == NULL)
    return bw_cli_fail ("%s", error->message);
  stats = &import->stix;
  g_print (
      _("ATT&CK %s: %u tactics, %u techniques (%u + %u sub-techniques), %u groups, %u revoked ids redirected\n"),
      stats->version, stats->tactics, stats->techniques, stats->techniques - stats->subtechniques,
      stats->subtechniques, stats->groups, stats->revoked);
  print_migration (import);
  if (out != NULL)
    {
      /* Not installed, but said: what the user catalog would make of it. */
      if (bw_catalog_import_check (import, &error))
        print_warnings (import->catalog);
      else
        g_printerr (_("bulwark: warning: %s\n"), error->message);
      g_clear_error (&error);
      if (!write_file (out, import->files[BW_CATALOG_FILE_ATTACK], &error))
        return bw_cli_fail ("%s", error->message);
      g_print (_("Wrote %s\n"), out);
      if (!write_beside (out, "descriptions.json", import->files[BW_CATALOG_FILE_DESCRIPTIONS],
                         &error))
        return bw_cli_fail ("%s", error->message);
      return BW_CLI_EXIT_OK;
    }
  return install (import);
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
  g_autoptr(GBytes) existing = NULL;
  g_autoptr(GBytes) existing_provenance = NULL;
  g_autoptr(BwCatalogImport) import = NULL;
  gboolean fresh;
  GStrv stale;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!bw_cli_parse (context, &argc, &argv))
    return BW_CLI_EXIT_BAD_INPUT;
  if (argc != 2)
    return bw_cli_fail (_("usage: bulwark import-mappings MAPPINGS.json [--catalog-out FILE]"));

  /* --catalog-out merges into that file when it exists, else starts from nothing. */
  fresh = replace;
  if (out != NULL && !replace)
    {
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_test (out, G_FILE_TEST_EXISTS))
        fresh = TRUE;
      else if (!bw_file_get_contents (out, &contents, &length, &error))
        return bw_cli_fail ("%s", error->message);
      else
        existing = g_bytes_new_take (g_steal_pointer (&contents), length);
      if (existing != NULL)
        {
          g_autofree char *path = beside (out, "provenance.json");

          /* The texts that belong with the file merged into, when it has them. */
          if (g_file_test (path, G_FILE_TEST_IS_REGULAR) &&
              bw_file_get_contents (path, &contents, &length, NULL))
            existing_provenance = g_bytes_new_take (g_steal_pointer (&contents), length);
        }
    }
  if ((import = bw_catalog_import_mappings_full (argv[1], attack, existing, existing_provenance,
                                                 fresh, &error)) == NULL)
    return bw_cli_fail ("%s", error->message);

  stale = import->stale;
  g_print (_("%u capabilities, %u entries (%u technique ids carried through revoked-by)\n"),
           import->mappings.capabilities, import->mappings.entries, import->mappings.redirected);
  if (stale[0] == NULL)
    g_print (_("No stale technique ids\n"));
  else
    {
      g_print (_("%u stale technique ids, left out:"), g_strv_length (stale));
      for (guint i = 0; stale[i] != NULL; i++)
        g_print (" %s", stale[i]);
      g_print ("\n");
    }
  if (out != NULL)
    {
      if (!write_file (out, import->files[BW_CATALOG_FILE_MAPPINGS], &error))
        return bw_cli_fail ("%s", error->message);
      g_print (_("Wrote %s\n"), out);
      if (!write_beside (out, "provenance.json", import->files[BW_CATALOG_FILE_PROVENANCE],
                         &error))
        return bw_cli_fail ("%s", error->message);
      return BW_CLI_EXIT_OK;
    }
  return install (import);
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

  if ((catalog = bw_cli_load_catalog (&error)) == NULL)
    return bw_cli_fail (_("the catalog does not load: %s"), error->message);
  print_warnings (catalog);

  if (format != NULL && g_str_equal (format, "json"))
    {
      g_autofree char *text = bw_catalog_to_json (catalog, NULL);

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
               bw_catalog_get_n_techniques (catalog), bw_catalog_get_n_techniques (catalog) - sub,
               sub, bw_catalog_get_n_groups (catalog));
      g_print (_("Kill chain: %u phases\n"), bw_catalog_get_n_phases (catalog));
      g_print (_("Mappings: %u capabilities, %u entries\n"), bw_catalog_get_n_capabilities (catalog),
               entries_count);
      g_print (_("Stencils: %u\n"), bw_catalog_get_n_stencils (catalog));
    }
  return BW_CLI_EXIT_OK;
}

/* A platform override the release does not name ("Windoze") matches no technique. */
static void
warn_unknown_platforms (BwDocument *document,
                        BwCatalog  *catalog,
                        const char *path)
{
  g_auto(GStrv) known = bw_catalog_dup_platforms (catalog);

  for (guint i = 0; i < bw_document_get_n_nodes (document); i++)
    {
      g_auto(GStrv) platforms = bw_node_dup_platforms (bw_document_get_node (document, i));

      for (guint k = 0; platforms != NULL && platforms[k] != NULL; k++)
        if (!g_strv_contains ((const char *const *) known, platforms[k]))
          {
            g_autofree char *shown = bw_cli_text (platforms[k]);

            g_printerr (_("bulwark: warning: %s: nodes[%u].props.platforms[%u]: “%s” is not an ATT&CK platform; no technique applies to it\n"),
                        path, i, k, shown);
          }
    }
}

gboolean
bw_cli_check_catalog (BwDocument *document,
                      const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalog) catalog = bw_cli_load_catalog (&error);
  const char *const *groups;

  if (catalog == NULL)
    {
      bw_cli_fail (_("the catalog does not load: %s"), error->message);
      return FALSE;
    }
  if (!bw_document_check_catalog (document, catalog, &error))
    {
      bw_cli_fail ("%s: %s", path, error->message);
      return FALSE;
    }
  if (g_strcmp0 (bw_document_get_attack_version (document),
                 bw_catalog_get_attack_version (catalog)) != 0)
    g_printerr (
        _("bulwark: warning: %s: catalog.attack: analysed with ATT&CK %s; the catalog in use is ATT&CK %s, "
           "and the figures are computed with it\n"),
        path, bw_document_get_attack_version (document), bw_catalog_get_attack_version (catalog));
  groups = bw_document_get_threat_groups (document);
  for (guint i = 0; groups[i] != NULL; i++)
    if (bw_catalog_lookup_group (catalog, groups[i]) == NULL)
      {
        /* The id is the file's text: escaped like every other untrusted string we print. */
        g_autofree char *shown = bw_cli_text (groups[i]);

        g_printerr (_("bulwark: warning: %s: settings.threat_groups[%u]: no ATT&CK group “%s”; it is ignored\n"),
                    path, i, shown);
      }
  warn_unknown_platforms (document, catalog, path);
  return TRUE;
}
