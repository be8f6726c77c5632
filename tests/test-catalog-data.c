/* test-catalog-data.c: the catalog importers on the real MITRE ATT&CK bundles and CTID
 * mapping files, on a small hand-written bundle (STIX 2.0 and 2.1, plain and xz), on malformed
 * input; and the shipped catalog, the user catalog that overrides it, and the catalog CLI. */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "bw-catalog-private.h"
#include "bw-mappings.h"
#include "bw-stix.h"
#include "bw-test-util.h"

static BwCatalog *
catalog_from_attack (const char *attack_json)
{
  g_autoptr(GBytes) a = g_bytes_new (attack_json, strlen (attack_json));
  /* The kill chain names Enterprise tactics; small test bundles have only a few. */
  g_autoptr(GBytes) k = strstr (attack_json, "\"TA0043\"") ? bw_catalog_shipped_file ("killchain.json")
                                                         : g_bytes_new_static ("{\"phases\":[]}", 13);
  g_autoptr(GBytes) m = g_bytes_new_static ("{\"capabilities\":[]}", 19);
  g_autoptr(GBytes) s = g_bytes_new_static ("{\"families\":[],\"stencils\":[]}", 29);
  g_autoptr(GError) error = NULL;
  BwCatalog *catalog = bw_catalog_new_from_bytes (a, k, m, s, &error);

  g_assert_no_error (error);
  return catalog;
}

static void
test_attack_18 (void)
{
  g_autofree char *bundle = bw_test_shared_data ("attack/enterprise-attack-18.1.json.xz");
  g_autofree char *shipped_path = bw_test_source_path ("data/catalog/attack.json");
  g_autofree char *shipped = bw_test_read_file (shipped_path, NULL);
  g_autoptr(GError) error = NULL;
  BwStixStats stats = { 0 };
  g_autofree char *attack = bw_stix_import (bundle, NULL, &stats, &error);
  g_autoptr(BwCatalog) catalog = NULL;
  const char *matrix[] = { "reconnaissance", "resource-development", "initial-access", "execution",
                           "persistence", "privilege-escalation", "defense-evasion",
                           "credential-access", "discovery", "lateral-movement", "collection",
                           "command-and-control", "exfiltration", "impact" };
  gboolean network_devices = FALSE;
  gboolean esxi = FALSE;

  g_assert_no_error (error);
  g_assert_cmpstr (stats.version, ==, "18.1");
  g_assert_cmpuint (stats.tactics, ==, 14);
  g_assert_cmpuint (stats.techniques, ==, 691);
  g_assert_cmpuint (stats.subtechniques, ==, 475);
  g_assert_cmpuint (stats.techniques - stats.subtechniques, ==, 216);
  g_assert_cmpuint (stats.groups, ==, 172);

  /* The shipped attack.json is exactly what the importer makes of the real bundle. */
  g_assert_cmpstr (attack, ==, shipped);

  catalog = catalog_from_attack (attack);
  for (guint i = 0; i < G_N_ELEMENTS (matrix); i++)
    g_assert_cmpstr (bw_catalog_get_tactic (catalog, i)->shortname, ==, matrix[i]);
  for (guint i = 0; i < bw_catalog_get_n_techniques (catalog); i++)
    {
      const BwTechnique *t = bw_catalog_get_technique (catalog, i);

      network_devices |= g_strv_contains ((const char *const *) t->platforms, "Network Devices");
      esxi |= g_strv_contains ((const char *const *) t->platforms, "ESXi");
      /* A sub-technique names its parent. */
      if (strchr (t->id, '.') != NULL)
        g_assert_true (t->parent != NULL && g_str_has_prefix (t->id, t->parent));
    }
  g_assert_true (network_devices);
  g_assert_true (esxi);
  g_assert_cmpstr (bw_catalog_resolve_technique (catalog, "T1053.001")->id, ==, "T1053.002");
  g_assert_nonnull (bw_catalog_lookup_group (catalog, "G0016")); /* APT29 */
}

static void
test_attack_16 (void)
{
  g_autofree char *bundle = bw_test_shared_data ("attack/enterprise-attack-16.1.json.xz");
  g_autoptr(GError) error = NULL;
  BwStixStats stats = { 0 };
  g_autofree char *attack = bw_stix_import (bundle, NULL, &stats, &error);
  g_autoptr(BwCatalog) catalog = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (stats.version, ==, "16.1");
  g_assert_cmpuint (stats.techniques, ==, 656);
  catalog = catalog_from_attack (attack);
  for (guint i = 0; i < bw_catalog_get_n_techniques (catalog); i++)
    g_assert_false (g_strv_contains (
        (const char *const *) bw_catalog_get_technique (catalog, i)->platforms, "Network"));
  g_assert_nonnull (strstr (attack, "\"Network Devices\""));
}

static void
test_mappings_real (void)
{
  g_autofree char *azure = bw_test_shared_data ("mappings/mappings-explorer/azure-04.26.2025_attack-16.1-enterprise.json");
  g_autofree char *m365 = bw_test_shared_data ("mappings/mappings-explorer/m365-07.18.2025_attack-16.1-enterprise.json");
  g_autoptr(GBytes) attack = bw_catalog_shipped_file ("attack.json");
  g_autofree char *attack_text =
      g_strndup (g_bytes_get_data (attack, NULL), g_bytes_get_size (attack));
  g_autoptr(BwCatalog) catalog = catalog_from_attack (attack_text);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) stale_a = NULL;
  g_auto(GStrv) stale_m = NULL;
  BwMappingsStats stats_a = { 0 };
  BwMappingsStats stats_m = { 0 };
  g_autofree char *after_azure =
      bw_mappings_import (azure, catalog, NULL, &stale_a, &stats_a, &error);
  g_autoptr(GBytes) existing = NULL;
  g_autofree char *both = NULL;
  g_autofree char *shipped_path = bw_test_source_path ("data/catalog/mappings.json");
  g_autofree char *shipped = bw_test_read_file (shipped_path, NULL);

  g_assert_no_error (error);
  g_assert_cmpuint (stats_a.capabilities, ==, 38);
  g_assert_cmpuint (stats_a.redirected, ==, 1); /* T1053.001 → T1053.002 */
  g_assert_cmpuint (g_strv_length (stale_a), ==, 0);
  g_assert_null (strstr (after_azure, "\"T1053.001\""));
  g_assert_nonnull (strstr (after_azure, "\"T1053.002\""));

  existing = g_bytes_new (after_azure, strlen (after_azure));
  both = bw_mappings_import (m365, catalog, existing, &stale_m, &stats_m, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats_m.capabilities, ==, 38);
  g_assert_cmpuint (g_strv_length (stale_m), ==, 0);
  /* The shipped mappings are both files imported in this order. */
  g_assert_cmpstr (both, ==, shipped);
}

static char *
fixture_text (const char *name)
{
  g_autofree char *rel = g_build_filename ("tests/fixtures/stix", name, NULL);
  g_autofree char *path = bw_test_source_path (rel);

  return bw_test_read_file (path, NULL);
}

static char *
write_temp (const char *dir,
            const char *name,
            const char *contents,
            gssize      length)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

static void
test_small_bundle_forms (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bulwark-stix-XXXXXX", NULL);
  g_autofree char *text = fixture_text ("tiny-2.0.json");
  g_autofree char *plain = write_temp (dir, "tiny-1.0.json", text, -1);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *v21_text = NULL;
  g_autofree char *v21 = NULL;
  g_autofree char *xz = g_strconcat (plain, ".xz", NULL);
  g_autoptr(GError) error = NULL;
  BwStixStats stats = { 0 };
  g_autofree char *from_plain = bw_stix_import (plain, NULL, &stats, &error);
  g_autofree char *from_21 = NULL;
  g_autofree char *from_xz = NULL;
  g_autoptr(BwCatalog) catalog = NULL;
  const BwGroup *group;
  JsonObject *root;
  JsonArray *objects;
  const char *xz_argv[] = { "xz", "-k", "-z", plain, NULL };
  int status;

  g_assert_no_error (error);
  g_assert_cmpuint (stats.tactics, ==, 2);
  g_assert_cmpuint (stats.techniques, ==, 3);
  g_assert_cmpuint (stats.subtechniques, ==, 1);
  g_assert_cmpuint (stats.groups, ==, 1);
  g_assert_cmpstr (stats.version, ==, "1.0"); /* from the file name */

  catalog = catalog_from_attack (from_plain);
  g_assert_cmpstr (bw_catalog_get_tactic (catalog, 0)->shortname, ==, "initial-access");
  g_assert_cmpstr (bw_catalog_lookup_technique (catalog, "T1566.001")->parent, ==, "T1566");
  g_assert_true (g_strv_contains ((const char *const *) bw_catalog_lookup_technique (catalog, "T1566")->platforms,
                                  "Office Suite"));
  g_assert_true (g_strv_contains ((const char *const *) bw_catalog_lookup_technique (catalog, "T1566")->platforms,
                                  "Network Devices"));
  g_assert_null (bw_catalog_lookup_technique (catalog, "T1001"));
  g_assert_cmpstr (bw_catalog_resolve_technique (catalog, "T1000")->id, ==, "T1059");
  group = bw_catalog_lookup_group (catalog, "G9999");
  g_assert_nonnull (group);
  /* Uses of a revoked technique count for its successor; deprecated ones are dropped. */
  g_assert_cmpuint (group->n_techniques, ==, 2);
  g_assert_null (bw_catalog_lookup_group (catalog, "G9998"));

  /* The STIX 2.1 form: spec_version on every object, none on the bundle. */
  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_remove_member (root, "spec_version");
  objects = json_object_get_array_member (root, "objects");
  for (guint i = 0; i < json_array_get_length (objects); i++)
    json_object_set_string_member (json_array_get_object_element (objects, i), "spec_version", "2.1");
  json_generator_set_root (generator, json_parser_get_root (parser));
  v21_text = json_generator_to_data (generator, NULL);
  v21 = write_temp (dir, "tiny-1.0-stix21.json", v21_text, -1);
  from_21 = bw_stix_import (v21, NULL, &stats, &error);
  g_assert_no_error (error);
  g_assert_true (stats.stix_21);
  g_assert_cmpstr (from_21, ==, from_plain);

  /* xz-compressed, as the real bundles come. */
  g_assert_true (g_spawn_sync (NULL, (char **) xz_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                               NULL, &status, NULL));
  from_xz = bw_stix_import (xz, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (from_xz, ==, from_plain);

  g_unlink (plain);
  g_unlink (v21);
  g_unlink (xz);
  g_rmdir (dir);
}

static void
test_malformed_bundles (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bulwark-stix-XXXXXX", NULL);
  g_autofree char *good = fixture_text ("tiny-2.0.json");
  g_autofree char *truncated = g_strndup (good, strlen (good) / 2);
  g_autoptr(GString) no_matrix = g_string_new (good);
  g_autoptr(GString) bad_ref = g_string_new (good);
  g_autoptr(GString) cycle = g_string_new (good);
  const struct
  {
    const char *name;
    const char *contents;
    const char *expect;
  } cases[] = {
    { "truncated.json", truncated, "not valid JSON" },
    { "array.json", "[1, 2]", "expected a STIX bundle" },
    { "not-bundle.json", "{\"type\": \"report\"}", "type: expected" },
    { "no-objects.json", "{\"type\": \"bundle\", \"objects\": 3}", "objects: missing or not an array" },
    { "no-matrix.json", NULL, "no x-mitre-matrix" },
    { "bad-ref.json", NULL, "tactic_refs[0]: no tactic" },
    { "cycle.json", NULL, "cycle" },
    { "corrupt.json.xz", "\xFD" "7zXZ\0garbage-garbage-garbage", "xz data is damaged" },
    { "latin1.json", "{\"type\": \"bundle\", \"objects\": [\"Ren\xE9\"]}", "not UTF-8 text" },
  };

  g_string_replace (no_matrix, "\"x-mitre-matrix\"", "\"x-mitre-other\"", 1);
  g_string_replace (bad_ref, "\"tactic_refs\": [\"x-mitre-tactic--2\"", "\"tactic_refs\": [\"x-mitre-tactic--9\"", 1);
  /* T1059 revoked by T1000, which is revoked by T1059: a loop with no live end. */
  g_string_replace (cycle, "\"name\": \"Command Interpreter\",", "\"name\": \"Command Interpreter\", \"revoked\": true,", 1);
  g_string_replace (cycle, "\"id\": \"relationship--5\"",
                    "\"id\": \"relationship--6\", \"relationship_type\": \"revoked-by\", \"source_ref\": \"attack-pattern--3\", \"target_ref\": \"attack-pattern--4\"},"
                    " {\"type\": \"relationship\", \"id\": \"relationship--5\"", 1);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *contents = cases[i].contents ? cases[i].contents
                             : i == 4 ? no_matrix->str
                             : i == 5 ? bad_ref->str
                                      : cycle->str;
      gssize length = g_str_has_suffix (cases[i].name, ".xz") ? 30 : -1;
      g_autofree char *path = write_temp (dir, cases[i].name, contents, length);
      g_autoptr(GError) error = NULL;
      g_autofree char *out = bw_stix_import (path, NULL, NULL, &error);

      g_test_message ("%s → %s", cases[i].name, error ? error->message : "(imported)");
      g_assert_null (out);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, cases[i].expect));
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_malformed_mappings (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bulwark-map-XXXXXX", NULL);
  g_autoptr(GBytes) attack = bw_catalog_shipped_file ("attack.json");
  g_autofree char *attack_text =
      g_strndup (g_bytes_get_data (attack, NULL), g_bytes_get_size (attack));
  g_autoptr(BwCatalog) catalog = catalog_from_attack (attack_text);
  const struct
  {
    const char *contents;
    const char *expect;
  } cases[] = {
    { "{\"metadata\": {}}", "mapping_objects: missing" },
    { "{\"mapping_objects\": [3]}", "mapping_objects[0]: expected an object" },
    { "{\"mapping_objects\": [{\"capability_id\": \"c\", \"attack_object_id\": \"T1078\", "
      "\"score_category\": \"protect\", \"score_value\": \"huge\"}]}", "mapping_objects[0].score_value: unknown score" },
    { "{\"mapping_objects\": [{\"attack_object_id\": \"T1078\"}]}", "mapping_objects[0].capability_id" },
    { "[", "" },
  };
  const char *stale_file = "{\"mapping_objects\": ["
                           "{\"capability_id\": \"c1\", \"capability_description\": \"One\", \"attack_object_id\": \"T1078\", "
                           "\"score_category\": \"protect\", \"score_value\": \"partial\", \"status\": \"complete\"},"
                           "{\"capability_id\": \"c1\", \"attack_object_id\": \"T9999\", "
                           "\"score_category\": \"detect\", \"score_value\": \"minimal\", \"status\": \"complete\"}]}";

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_temp (dir, "m.json", cases[i].contents, -1);
      g_autoptr(GError) error = NULL;
      g_autofree char *out = bw_mappings_import (path, catalog, NULL, NULL, NULL, &error);

      g_test_message ("case %u → %s", i, error ? error->message : "(imported)");
      g_assert_null (out);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, cases[i].expect));
      g_unlink (path);
    }

  {
    g_autofree char *path = write_temp (dir, "stale.json", stale_file, -1);
    g_autoptr(GError) error = NULL;
    g_auto(GStrv) stale = NULL;
    g_autofree char *out = bw_mappings_import (path, catalog, NULL, &stale, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_strv_length (stale), ==, 1);
    g_assert_cmpstr (stale[0], ==, "T9999");
    g_assert_null (strstr (out, "T9999"));
    g_assert_nonnull (strstr (out, "\"T1078\""));
    g_unlink (path);
  }
  g_rmdir (dir);
}

static void
test_shipped_catalog (void)
{
  g_autofree char *home = g_dir_make_tmp ("bulwark-xdg-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalog) catalog = NULL;
  const char *phases[][2] = {
    { "reconnaissance", "reconnaissance" }, { "weaponization", "resource-development" },
    { "delivery", "initial-access" }, { "exploitation", "execution" },
    { "installation", "persistence privilege-escalation defense-evasion" },
    { "command-and-control", "command-and-control" },
    { "actions-on-objectives", "credential-access discovery lateral-movement collection exfiltration impact" },
  };
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);

  g_setenv ("XDG_DATA_HOME", home, TRUE);
  catalog = bw_catalog_load_default (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (bw_catalog_get_attack_version (catalog), ==, "18.1");
  g_assert_cmpuint (bw_catalog_get_n_tactics (catalog), ==, 14);
  g_assert_cmpuint (bw_catalog_get_n_techniques (catalog), ==, 691);
  g_assert_cmpuint (bw_catalog_get_n_groups (catalog), ==, 172);
  g_assert_cmpuint (bw_catalog_get_n_capabilities (catalog), ==, 76);
  g_assert_cmpuint (bw_catalog_get_n_phases (catalog), ==, 7);
  for (guint i = 0; i < 7; i++)
    {
      const BwPhase *p = bw_catalog_get_phase (catalog, i);
      g_autofree char *tactics = g_strjoinv (" ", p->tactics);

      g_assert_cmpstr (p->id, ==, phases[i][0]);
      g_assert_cmpstr (tactics, ==, phases[i][1]);
    }
  for (guint i = 0; i < bw_catalog_get_n_stencils (catalog); i++)
    {
      const BwStencil *s = bw_catalog_get_stencil (catalog, i);

      for (guint k = 0; s->capabilities[k] != NULL; k++)
        {
          g_assert_nonnull (bw_catalog_lookup_capability (catalog, s->capabilities[k]));
          g_hash_table_add (used, s->capabilities[k]);
        }
    }
  g_assert_cmpuint (g_hash_table_size (used), ==, 76);

  /* A user catalog file takes precedence; resetting goes back to the shipped one. */
  {
    g_autofree char *dir = g_build_filename (home, "bulwark", "catalog", NULL);
    g_autofree char *user_kc = g_build_filename (dir, "killchain.json", NULL);
    g_autoptr(BwCatalog) custom = NULL;
    g_autoptr(BwCatalog) reset = NULL;

    g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
    g_assert_true (g_file_set_contents (user_kc,
                                        "{\"phases\":[{\"id\":\"all\",\"name\":\"All\",\"tactics\":[\"impact\"]}]}",
                                        -1, NULL));
    custom = bw_catalog_load_default (&error);
    g_assert_no_error (error);
    g_assert_cmpuint (bw_catalog_get_n_phases (custom), ==, 1);
    g_assert_true (bw_catalog_reset_user_catalog (&error));
    g_assert_false (g_file_test (user_kc, G_FILE_TEST_EXISTS));
    reset = bw_catalog_load_default (&error);
    g_assert_cmpuint (bw_catalog_get_n_phases (reset), ==, 7);

    /* A tactic the table does not know is in no phase, with a warning; a name the release
     * does not have is left out of its phase. (Resetting took the whole directory away.) */
    g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
    g_assert_true (g_file_set_contents (user_kc, "{\"phases\":[{\"id\":\"x\",\"name\":\"X\",\"tactics\":[\"nope\",\"impact\"]}]}",
                                        -1, NULL));
    {
      g_autoptr(BwCatalog) partial = bw_catalog_load_default (&error);

      g_assert_no_error (error);
      g_assert_null (bw_catalog_get_fallback_reason (partial));
      g_assert_cmpuint (bw_catalog_get_n_phases (partial), ==, 1);
      g_assert_cmpstr (bw_catalog_get_phase (partial, 0)->tactics[0], ==, "impact");
      g_assert_null (bw_catalog_get_phase (partial, 0)->tactics[1]);
      g_assert_cmpuint (bw_catalog_get_n_warnings (partial), ==, 13);
      g_assert_nonnull (strstr (bw_catalog_get_warning (partial, 0),
                                "killchain.json: the kill-chain table does not know tactic “reconnaissance” (TA0043"));
    }

    /* A user file damaged on disk: the shipped catalog answers, saying why, with its name and
     * place. */
    g_assert_true (g_file_set_contents (user_kc, "{\"phases\":[{\"id\":\"x\",\"name\":3}]}", -1, NULL));
    {
      g_autoptr(BwCatalog) fallback = bw_catalog_load_default (&error);

      g_assert_no_error (error);
      g_assert_nonnull (bw_catalog_get_fallback_reason (fallback));
      g_assert_nonnull (strstr (bw_catalog_get_fallback_reason (fallback), "killchain.json: phases[0].name: expected a string"));
      g_assert_cmpuint (bw_catalog_get_n_phases (fallback), ==, 7);
      g_assert_cmpuint (bw_catalog_get_n_stencils (fallback), >, 0);
      g_assert_cmpuint (bw_catalog_get_n_warnings (fallback), ==, 0);
    }
    g_unlink (user_kc);
    g_rmdir (dir);
    {
      g_autofree char *parent = g_build_filename (home, "bulwark", NULL);

      g_rmdir (parent);
    }
  }
  g_rmdir (home);
  g_unsetenv ("XDG_DATA_HOME");
}

static void
test_catalog_cli (void)
{
  g_autofree char *out = NULL;
  const char *args[] = { "catalog", "--format", "json", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GList) keys = NULL;
  const char *expected[] = { "attack_version", "tactics", "techniques", "kill_chain", "capabilities",
                             "stencils", "groups" };
  JsonObject *root;
  JsonArray *techniques;
  guint i = 0;

  g_assert_cmpint (bw_test_run_bulwark (args, &out, NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  keys = json_object_get_members (root);
  for (GList *l = keys; l != NULL; l = l->next, i++)
    g_assert_cmpstr (l->data, ==, expected[i]);
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (expected));
  techniques = json_object_get_array_member (root, "techniques");
  g_assert_cmpuint (json_array_get_length (techniques), ==, 691);
  for (guint k = 1; k < json_array_get_length (techniques); k++)
    g_assert_cmpint (strcmp (json_object_get_string_member (json_array_get_object_element (techniques, k - 1), "id"),
                             json_object_get_string_member (json_array_get_object_element (techniques, k), "id")),
                     <, 0);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (root, "kill_chain"), 1), "id"),
                   ==, "weaponization");
}

static void
test_import_cli (void)
{
  g_autofree char *bundle = bw_test_shared_data ("attack/enterprise-attack-18.1.json.xz");
  g_autofree char *azure = bw_test_shared_data ("mappings/mappings-explorer/azure-04.26.2025_attack-16.1-enterprise.json");
  g_autofree char *dir = g_dir_make_tmp ("bulwark-import-XXXXXX", NULL);
  g_autofree char *attack_out = g_build_filename (dir, "attack.json", NULL);
  g_autofree char *map_out = g_build_filename (dir, "mappings.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *out2 = NULL;
  const char *stix_args[] = { "import-stix", bundle, "--catalog-out", attack_out, NULL };
  const char *map_args[] = { "import-mappings", azure, "--catalog-out", map_out, "--attack", attack_out, NULL };
  const char *bad_args[] = { "import-stix", "/nonexistent/bundle.json", NULL };

  g_assert_cmpint (bw_test_run_bulwark (stix_args, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "ATT&CK 18.1: 14 tactics, 691 techniques (216 + 475 sub-techniques), 172 groups"));
  g_assert_cmpint (bw_test_run_bulwark (map_args, &out2, NULL), ==, 0);
  g_assert_nonnull (strstr (out2, "38 capabilities"));
  g_assert_nonnull (strstr (out2, "No stale technique ids"));
  g_assert_cmpint (bw_test_run_bulwark (bad_args, NULL, NULL), ==, 2);
  g_unlink (attack_out);
  g_unlink (map_out);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/catalog/small-bundle-forms", test_small_bundle_forms);
  g_test_add_func ("/catalog/malformed-bundles", test_malformed_bundles);
  g_test_add_func ("/catalog/malformed-mappings", test_malformed_mappings);
  g_test_add_func ("/catalog/shipped", test_shipped_catalog);
  g_test_add_func ("/catalog/cli", test_catalog_cli);
  /* These read the real data beside the checkout, and skip (77) when it is absent. */
  if (g_file_test (g_getenv ("BW_SHARED_DATA") ? g_getenv ("BW_SHARED_DATA") : "../shared/data", G_FILE_TEST_IS_DIR))
    {
      g_test_add_func ("/catalog/attack-18.1", test_attack_18);
      g_test_add_func ("/catalog/attack-16.1", test_attack_16);
      g_test_add_func ("/catalog/mappings", test_mappings_real);
      g_test_add_func ("/catalog/import-cli", test_import_cli);
    }
  else
    g_print ("# the shared ATT&CK and CTID data is absent: its cases are skipped\n");
  return g_test_run ();
}
