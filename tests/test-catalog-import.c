/* test-catalog-import.c: importing ATT&CK releases and mappings into the user catalog — a
 * release with 15 tactics (19's split of Defense Evasion), mapping entries carried to a
 * revoked technique's successor and to a moved one, the real 16.1 bundle; imports that would
 * leave a catalog that does not load are refused and change nothing; a user catalog damaged
 * on disk gives the shipped one, with a warning. */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "bw-catalog-import.h"
#include "bw-catalog-private.h"
#include "bw-test-bundle.h"
#include "bw-test-util.h"

static const char *const matrix_19[] = { "reconnaissance", "resource-development", "initial-access", "execution",
                                         "persistence", "privilege-escalation", "stealth", "defense-impairment",
                                         "credential-access", "discovery", "lateral-movement", "collection",
                                         "command-and-control", "exfiltration", "impact" };

typedef struct
{
  char *home;  /* XDG_DATA_HOME for the test */
  char *work;  /* generated inputs */
} Fixture;


static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  f->home = g_dir_make_tmp ("bulwark-xdg-XXXXXX", NULL);
  f->work = g_dir_make_tmp ("bulwark-in-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", f->home, TRUE);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  bw_test_remove_tree (f->home);
  bw_test_remove_tree (f->work);
  g_unsetenv ("XDG_DATA_HOME");
  g_free (f->home);
  g_free (f->work);
}

/* Runs bulwark; asserts the exit code; returns stdout, and stderr in `err` when asked. */
static char *
run (int                 expect,
     char              **err,
     const char *const  *args)
{
  char *out = NULL;
  g_autofree char *err_text = NULL;
  int status = bw_test_run_bulwark (args, &out, &err_text);

  g_test_message ("bulwark %s → %d\n%.1500s%.1500s", args[0], status, out, err_text);
  g_assert_cmpint (status, ==, expect);
  if (err != NULL)
    *err = g_steal_pointer (&err_text);
  return out;
}

static JsonObject *
parse (JsonParser *parser,
       const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static JsonArray *
capability_entries (JsonObject *catalog,
                    const char *id)
{
  JsonArray *caps = json_object_get_array_member (catalog, "capabilities");

  for (guint i = 0; i < json_array_get_length (caps); i++)
    {
      JsonObject *c = json_array_get_object_element (caps, i);

      if (g_str_equal (json_object_get_string_member (c, "id"), id))
        return json_object_get_array_member (c, "entries");
    }
  g_assert_not_reached ();
}

static char *
entries_text (JsonArray *entries)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *e = json_array_get_object_element (entries, i);

      g_string_append_printf (s, "%s%s %s %s", i ? ", " : "", json_object_get_string_member (e, "technique"),
                              json_object_get_string_member (e, "category"), json_object_get_string_member (e, "score"));
    }
  return g_string_free (s, FALSE);
}

/* Installs the 14-tactic release and the test mappings: the catalog a v19 import starts from. */
static void
install_18_9 (Fixture *f)
{
  g_autofree char *bundle = bw_test_write_bundle (f->work, FALSE);
  g_autofree char *mappings = bw_test_write_mappings (f->work);
  g_autofree char *out1 = run (0, NULL, (const char *[]) { "import-stix", bundle, NULL });
  g_autofree char *out2 G_GNUC_UNUSED = run (0, NULL, (const char *[]) { "import-mappings", mappings, NULL });

  g_assert_nonnull (strstr (out1, "ATT&CK 18.9: 14 tactics, 8 techniques"));
}

static void
test_v19 (Fixture      *f,
          gconstpointer data)
{
  g_autofree char *bundle = bw_test_write_bundle (f->work, TRUE);
  g_autofree char *sample = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *report = NULL;
  g_autofree char *entries = NULL;
  g_autoptr(JsonParser) p1 = json_parser_new ();
  g_autoptr(JsonParser) p2 = json_parser_new ();
  g_autoptr(JsonParser) p3 = json_parser_new ();
  g_autoptr(GHashTable) phased = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *tactics;
  JsonArray *phases;

  install_18_9 (f);
  before = run (0, NULL, (const char *[]) { "catalog", "--format", "json", NULL });
  entries = entries_text (capability_entries (parse (p1, before), BW_TEST_BUNDLE_CAPABILITY));
  g_assert_cmpstr (entries, ==, "T1027 detect partial, T1059 protect partial, T1562.001 protect significant, "
                                "T1562.002 detect partial, T1562.003 detect minimal, T1566.001 protect partial");
  g_clear_pointer (&entries, g_free);

  out = run (0, &err, (const char *[]) { "import-stix", bundle, NULL });
  g_assert_nonnull (strstr (out, "ATT&CK 19.0: 15 tactics, 8 techniques"));
  /* The migration summary: per capability, what was carried and what is gone. */
  g_assert_nonnull (strstr (out, "Mappings carried from ATT&CK 18.9 to 19.0:"));
  g_assert_nonnull (strstr (out, "  " BW_TEST_BUNDLE_CAPABILITY ": 6 entries, 2 carried, 1 left out\n"));
  g_assert_nonnull (strstr (out, "T1562.001 → T1562.014"));
  g_assert_nonnull (strstr (out, "T1562.002 → T1685.001"));
  g_assert_nonnull (strstr (out, "Gone: T1562.003"));
  /* Both generations of Installation tactics are in the table: no tactic warning. */
  g_assert_null (strstr (err, "kill-chain"));

  after = run (0, NULL, (const char *[]) { "catalog", "--format", "json", NULL });
  entries = entries_text (capability_entries (parse (p2, after), BW_TEST_BUNDLE_CAPABILITY));
  g_assert_cmpstr (entries, ==, "T1027 detect partial, T1059 protect partial, T1562.014 protect significant, "
                                "T1566.001 protect partial, T1685.001 detect partial");

  /* validate says the project was analysed with another release. */
  {
    g_autofree char *verr = NULL;
    g_autofree char *vout G_GNUC_UNUSED = run (0, &verr, (const char *[]) { "validate", sample, NULL });

    g_assert_nonnull (strstr (verr, "catalog.attack: analysed with ATT&CK 18.1; the catalog in use is ATT&CK 19.0"));
  }

  /* The Navigator layer names the release's major version. */
  {
    g_autofree char *layer = g_build_filename (f->work, "layer.json", NULL);
    g_autofree char *lout G_GNUC_UNUSED = run (0, NULL, (const char *[]) { "export", sample, "--layer", layer, NULL });
    g_autofree char *ltext = bw_test_read_file (layer, NULL);

    g_assert_nonnull (strstr (ltext, "\"attack\" : \"19\""));
  }

  /* analyze works, with the 15 tactics in matrix order, each in a phase. */
  report = run (0, NULL, (const char *[]) { "analyze", sample, "--format", "json", NULL });
  tactics = json_object_get_array_member (parse (p3, report), "tactics");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json_parser_get_root (p3)), "attack_version"),
                   ==, "19.0");
  g_assert_cmpuint (json_array_get_length (tactics), ==, G_N_ELEMENTS (matrix_19));
  for (guint i = 0; i < G_N_ELEMENTS (matrix_19); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (tactics, i), "shortname"), ==,
                     matrix_19[i]);
  phases = json_object_get_array_member (json_node_get_object (json_parser_get_root (p3)), "kill_chain");
  g_assert_cmpuint (json_array_get_length (phases), ==, 7);
  for (guint i = 0; i < json_array_get_length (phases); i++)
    {
      JsonArray *names = json_object_get_array_member (json_array_get_object_element (phases, i), "tactics");

      for (guint k = 0; k < json_array_get_length (names); k++)
        g_assert_true (
            g_hash_table_add (phased, (gpointer) json_array_get_string_element (names, k)));
    }
  g_assert_cmpuint (g_hash_table_size (phased), ==, G_N_ELEMENTS (matrix_19));
  {
    JsonArray *installation = json_object_get_array_member (json_array_get_object_element (phases, 4), "tactics");
    g_autoptr(GString) names = g_string_new (NULL);

    for (guint k = 0; k < json_array_get_length (installation); k++)
      g_string_append_printf (names, "%s ", json_array_get_string_element (installation, k));
    g_assert_cmpstr (names->str, ==, "persistence privilege-escalation stealth defense-impairment ");
  }
}

/* A tactic the kill-chain table does not know: a warning, in no phase, and everything works. */
static void
test_unknown_tactic (Fixture      *f,
                     gconstpointer data)
{
  g_autofree char *bundle = bw_test_write_bundle_with_tactic (f->work, TRUE, "defense-mystery");
  g_autofree char *out_path = g_build_filename (f->work, "attack.json", NULL);
  g_autofree char *sample = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  g_autofree char *err_out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *cerr = NULL;
  g_autofree char *out_only G_GNUC_UNUSED = run (0, &err_out, (const char *[]) { "import-stix", bundle, "--catalog-out", out_path, NULL });
  g_autofree char *out = run (0, &err, (const char *[]) { "import-stix", bundle, NULL });
  g_autofree char *catalog G_GNUC_UNUSED = run (0, &cerr, (const char *[]) { "catalog", "--format", "json", NULL });
  g_autofree char *report = run (0, NULL, (const char *[]) { "analyze", sample, "--format", "json", NULL });
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = parse (parser, report);
  JsonArray *tactics = json_object_get_array_member (root, "tactics");
  JsonArray *phases = json_object_get_array_member (root, "kill_chain");
  const char *warning = "warning: killchain.json: the kill-chain table does not know tactic “defense-mystery” (TA0199, Extra Tactic); it is in no phase";

  g_assert_nonnull (strstr (out, "16 tactics"));
  g_assert_nonnull (strstr (err_out, warning));
  g_assert_nonnull (strstr (err, warning));
  g_assert_nonnull (strstr (cerr, warning));
  g_assert_cmpuint (json_array_get_length (tactics), ==, 16);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (tactics, 15), "shortname"), ==,
                   "defense-mystery");
  g_assert_cmpuint (json_array_get_length (phases), ==, 7);
  for (guint i = 0; i < json_array_get_length (phases); i++)
    {
      JsonArray *names = json_object_get_array_member (json_array_get_object_element (phases, i), "tactics");

      for (guint k = 0; k < json_array_get_length (names); k++)
        g_assert_cmpstr (json_array_get_string_element (names, k), !=, "defense-mystery");
    }
}

static gboolean
has_leftovers (const char *home)
{
  g_autofree char *parent = g_build_filename (home, "bulwark", NULL);
  g_autoptr(GDir) dir = g_dir_open (parent, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (!g_str_equal (name, "catalog"))
      return TRUE;
  return FALSE;
}

static void
test_refused (Fixture      *f,
              gconstpointer data)
{
  g_autofree char *mappings = bw_test_write_mappings (f->work);
  g_autofree char *bundle = bw_test_write_bundle (f->work, TRUE);
  g_autofree char *snapshot = NULL;
  g_autofree char *bad_bundle = g_build_filename (f->work, "duplicate-19.0.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) duplicated = NULL;

  install_18_9 (f);
  snapshot = run (0, NULL, (const char *[]) { "catalog", "--format", "json", NULL });

  /* --replace with one capability leaves the stencils' other capabilities without mappings. */
  {
    g_autofree char *err = NULL;
    g_autofree char *out G_GNUC_UNUSED = run (2, &err, (const char *[]) { "import-mappings", "--replace", mappings, NULL });
    g_autofree char *now = run (0, NULL, (const char *[]) { "catalog", "--format", "json", NULL });

    g_assert_nonnull (strstr (err, "refused, the catalog would not load with it: stencils.json: stencils["));
    g_assert_nonnull (strstr (err, "unknown capability"));
    g_assert_nonnull (strstr (err, "the catalog in use is unchanged"));
    g_assert_cmpstr (now, ==, snapshot);
    g_assert_false (has_leftovers (f->home));
  }

  /* A bundle with two techniques of one id: its release does not load. */
  text = bw_test_read_file (bundle, NULL);
  duplicated = g_string_new (text);
  g_assert_cmpuint (g_string_replace (duplicated, "\"T1685\"", "\"T1027\"", 0), >, 0);
  g_assert_true (g_file_set_contents (bad_bundle, duplicated->str, -1, NULL));
  {
    g_autofree char *err = NULL;
    g_autofree char *out G_GNUC_UNUSED = run (2, &err, (const char *[]) { "import-stix", bad_bundle, NULL });
    g_autofree char *now = run (0, NULL, (const char *[]) { "catalog", "--format", "json", NULL });

    g_assert_nonnull (strstr (err, "does not load: attack.json: techniques: duplicate id “T1027”"));
    g_assert_cmpstr (now, ==, snapshot);
    g_assert_false (has_leftovers (f->home));
  }

  /* Any file of the unit that would not load: refused by the install itself. */
  {
    g_autoptr(BwCatalogImport) import = bw_catalog_import_attack (bundle, NULL, NULL);
    g_autoptr(GError) error = NULL;
    g_autofree char *now = NULL;

    g_assert_nonnull (import);
    import->files[BW_CATALOG_FILE_STENCILS] = g_bytes_new_static ("{\"families\": 3}", 15);
    g_assert_false (bw_catalog_import_install (import, &error));
    g_assert_nonnull (strstr (error->message, "stencils.json: families: expected an array"));
    g_assert_null (import->installed_in);
    now = run (0, NULL, (const char *[]) { "catalog", "--format", "json", NULL });
    g_assert_cmpstr (now, ==, snapshot);
    g_assert_false (has_leftovers (f->home));
  }
}

static void
test_damaged (Fixture      *f,
              gconstpointer data)
{
  g_autofree char *dir = g_build_filename (f->home, "bulwark", "catalog", NULL);
  g_autofree char *user_mappings = g_build_filename (dir, "mappings.json", NULL);
  g_autofree char *sample = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *out = NULL;
  g_autofree char *report = NULL;
  g_autofree char *reset = NULL;

  install_18_9 (f);
  /* Cut short on disk, as a full disk or a crash outside Bulwark would leave it. */
  g_assert_true (g_file_set_contents (user_mappings, "{\"capabilities\": [", -1, NULL));
  out = run (0, &err, (const char *[]) { "catalog", NULL });
  g_assert_nonnull (strstr (out, "ATT&CK 18.1: 14 tactics"));
  g_assert_nonnull (strstr (err, "warning: the imported catalog does not load (mappings.json: "));
  g_assert_nonnull (strstr (err, "the shipped catalog (ATT&CK 18.1) is used instead"));
  report = run (0, &err2, (const char *[]) { "analyze", sample, NULL });
  g_assert_nonnull (strstr (report, "ATT&CK 18.1"));
  g_assert_nonnull (strstr (err2, "the imported catalog does not load"));

  /* An import over it starts from the shipped catalog, and repairs it. */
  {
    g_autofree char *bundle = bw_test_write_bundle (f->work, TRUE);
    g_autofree char *ierr = NULL;
    g_autofree char *cerr = NULL;
    g_autofree char *iout = run (0, &ierr, (const char *[]) { "import-stix", bundle, NULL });
    g_autofree char *cout = run (0, &cerr, (const char *[]) { "catalog", NULL });

    g_assert_nonnull (strstr (iout, "Mappings carried from ATT&CK 18.1 to 19.0:"));
    g_assert_nonnull (strstr (cout, "ATT&CK 19.0: 15 tactics"));
    g_assert_null (strstr (cerr, "does not load"));
  }

  /* Forgetting it takes the whole directory out of use. */
  reset = run (0, NULL, (const char *[]) { "catalog", "--reset", NULL });
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  g_assert_false (has_leftovers (f->home));
}

static void
test_attack_16 (Fixture      *f,
                gconstpointer data)
{
  g_autofree char *bundle = bw_test_shared_data ("attack/enterprise-attack-16.1.json.xz");
  g_autofree char *sample = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *out = run (0, &err, (const char *[]) { "import-stix", bundle, NULL });
  g_autofree char *catalog = run (0, &err2, (const char *[]) { "catalog", NULL });
  g_autofree char *report = run (0, NULL, (const char *[]) { "analyze", sample, NULL });

  g_assert_nonnull (strstr (out, "ATT&CK 16.1: 14 tactics, 656 techniques"));
  g_assert_nonnull (strstr (out, "Mappings carried from ATT&CK 18.1 to 16.1:"));
  g_assert_nonnull (strstr (out, "Installed in"));
  /* ESXi came in 17: a warning, not a catalog that does not load. */
  g_assert_nonnull (strstr (err, "“ESXi” is not a platform of ATT&CK 16.1"));
  g_assert_nonnull (strstr (catalog, "ATT&CK 16.1: 14 tactics, 656 techniques"));
  g_assert_null (strstr (err2, "does not load"));
  g_assert_nonnull (strstr (report, "ATT&CK 16.1"));
}

static BwCatalog *
attack_only (const char *attack)
{
  g_autoptr(GBytes) a = g_bytes_new (attack, strlen (attack));
  g_autoptr(GBytes) k = g_bytes_new_static ("{\"phases\":[]}", 13);
  g_autoptr(GBytes) m = g_bytes_new_static ("{\"capabilities\":[]}", 19);
  g_autoptr(GBytes) s = g_bytes_new_static ("{\"families\":[],\"stencils\":[]}", 29);
  g_autoptr(GError) error = NULL;
  BwCatalog *catalog = bw_catalog_new_from_bytes (a, k, m, s, &error);

  g_assert_no_error (error);
  return catalog;
}

static void
print_summary (BwCatalogImport *summary,
               const char      *to)
{
  g_autoptr(GString) s = g_string_new (NULL);

  g_string_append_printf (s, "%s → %s: %u entries, %u unchanged, %u carried, %u gone, %u merged\n",
                          summary->from_version, to, summary->entries, summary->unchanged,
                          summary->carried, summary->gone, summary->merged);
  for (guint i = 0; i < summary->rows->len; i++)
    {
      const BwMigrationRow *row = &g_array_index (summary->rows, BwMigrationRow, i);

      g_string_append_printf (s, "  %s: %u entries, %u carried, %u gone\n", row->capability, row->entries,
                              row->carried, row->gone);
    }
  for (guint i = 0; i < summary->moves->len; i++)
    g_string_append_printf (s, "  carried %s\n", (const char *) g_ptr_array_index (summary->moves, i));
  for (guint i = 0; i < summary->gone_ids->len; i++)
    g_string_append_printf (s, "  gone %s\n", (const char *) g_ptr_array_index (summary->gone_ids, i));
  g_test_message ("%s", s->str);
}

/* CTID's files are written against 16.1: imported there and carried to 18.1 they give exactly
 * the shipped mappings, which are the same files imported straight against 18.1. */
static void
test_migration_16_to_18 (void)
{
  g_autofree char *bundle = bw_test_shared_data ("attack/enterprise-attack-16.1.json.xz");
  g_autofree char *azure = bw_test_shared_data ("mappings/mappings-explorer/azure-04.26.2025_attack-16.1-enterprise.json");
  g_autofree char *m365 = bw_test_shared_data ("mappings/mappings-explorer/m365-07.18.2025_attack-16.1-enterprise.json");
  g_autofree char *attack16 = bw_stix_import (bundle, NULL, NULL, NULL);
  g_autoptr(GBytes) attack18 = bw_catalog_shipped_file ("attack.json");
  g_autofree char *attack18_text =
      g_strndup (g_bytes_get_data (attack18, NULL), g_bytes_get_size (attack18));
  g_autoptr(GBytes) shipped = bw_catalog_shipped_file ("mappings.json");
  g_autoptr(BwCatalog) from = attack_only (attack16);
  g_autoptr(BwCatalog) to = attack_only (attack18_text);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) stale_a = NULL;
  g_auto(GStrv) stale_m = NULL;
  g_autofree char *after_azure = bw_mappings_import (azure, from, NULL, &stale_a, NULL, &error);
  g_autoptr(GBytes) existing = g_bytes_new (after_azure, strlen (after_azure));
  g_autofree char *both = bw_mappings_import (m365, from, existing, &stale_m, NULL, &error);
  g_autoptr(GBytes) both_bytes = g_bytes_new (both, strlen (both));
  g_autoptr(BwCatalogImport) summary = bw_catalog_import_new ("CTID", FALSE);
  g_autofree char *migrated = NULL;
  g_autofree char *shipped_text =
      g_strndup (g_bytes_get_data (shipped, NULL), g_bytes_get_size (shipped));

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (stale_a) + g_strv_length (stale_m), ==, 0);
  migrated = bw_catalog_import_migrate_mappings (both_bytes, from, to, summary, &error);
  g_assert_no_error (error);
  print_summary (summary, "18.1");
  g_assert_cmpstr (summary->from_version, ==, "16.1");
  g_assert_cmpuint (summary->entries, ==, summary->unchanged + summary->carried + summary->gone);
  g_assert_cmpstr (migrated, ==, shipped_text);
}

/* Carrying the shipped mappings to the release they are in changes nothing, byte for byte. */
static void
test_migration_identity (void)
{
  g_autoptr(GBytes) attack = bw_catalog_shipped_file ("attack.json");
  g_autofree char *attack_text =
      g_strndup (g_bytes_get_data (attack, NULL), g_bytes_get_size (attack));
  g_autoptr(GBytes) shipped = bw_catalog_shipped_file ("mappings.json");
  g_autoptr(BwCatalog) catalog = attack_only (attack_text);
  g_autoptr(BwCatalogImport) summary = bw_catalog_import_new ("mappings.json", FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *migrated = NULL;

  migrated = bw_catalog_import_migrate_mappings (shipped, catalog, catalog, summary, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->entries, ==, 1707);
  g_assert_cmpuint (summary->unchanged, ==, 1707);
  g_assert_cmpuint (summary->carried + summary->gone + summary->merged, ==, 0);
  g_assert_cmpuint (strlen (migrated), ==, g_bytes_get_size (shipped));
  g_assert_true (memcmp (migrated, g_bytes_get_data (shipped, NULL), strlen (migrated)) == 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/catalog-import/v19", Fixture, NULL, fixture_set_up, test_v19, fixture_tear_down);
  g_test_add ("/catalog-import/unknown-tactic", Fixture, NULL, fixture_set_up, test_unknown_tactic, fixture_tear_down);
  g_test_add ("/catalog-import/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/catalog-import/damaged", Fixture, NULL, fixture_set_up, test_damaged, fixture_tear_down);
  g_test_add_func ("/catalog-import/migration-identity", test_migration_identity);
  if (g_file_test (g_getenv ("BW_SHARED_DATA") ? g_getenv ("BW_SHARED_DATA") : "../shared/data", G_FILE_TEST_IS_DIR))
    {
      g_test_add ("/catalog-import/attack-16.1", Fixture, NULL, fixture_set_up, test_attack_16, fixture_tear_down);
      g_test_add_func ("/catalog-import/migration-16.1-18.1", test_migration_16_to_18);
    }
  else
    g_print ("# the shared ATT&CK and CTID data is absent: its cases are skipped\n");
  return g_test_run ();
}
