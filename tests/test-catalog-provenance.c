/* test-catalog-provenance.c: the reasons behind the scores reach the catalog — every non-empty
 * comment and every reference of the shared CTID Mappings Explorer files is the shipped catalog's
 * for its entry — and the technique page's texts: ATT&CK's first paragraph without citations, and
 * the technique's URL. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "bw-catalog-import.h"
#include "bw-catalog-private.h"
#include "bw-explain.h"
#include "bw-mappings.h"
#include "bw-stix.h"
#include "bw-test-util.h"

static gboolean
strv_has (const char *const *strv,
          const char        *text)
{
  for (guint i = 0; strv[i] != NULL; i++)
    if (g_str_equal (strv[i], text))
      return TRUE;
  return FALSE;
}

/* Every complete mapping object of `file`: its entry is in the catalog, with its comment and
 * its references among the entry's. Returns how many comments were found. */
static guint
check_file (BwCatalog  *catalog,
            const char *file)
{
  g_autofree char *path = bw_test_shared_data (file);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *objects;
  guint found = 0;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  objects = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                          "mapping_objects");
  for (guint i = 0; i < json_array_get_length (objects); i++)
    {
      JsonObject *m = json_array_get_object_element (objects, i);
      const char *cap = json_object_get_string_member_with_default (m, "capability_id", NULL);
      const char *technique =
          json_object_get_string_member_with_default (m, "attack_object_id", NULL);
      const char *category_s =
          json_object_get_string_member_with_default (m, "score_category", NULL);
      const char *comment = json_object_get_string_member_with_default (m, "comments", NULL);
      JsonArray *refs = json_object_has_member (m, "references")
                            ? json_object_get_array_member (m, "references")
                            : NULL;
      const char *status = json_object_get_string_member_with_default (m, "status", "complete");
      const char *const *comments, *const *references;
      const BwTechnique *t;
      BwCategory category;
      g_autofree char *trimmed = NULL;

      if (technique == NULL || category_s == NULL || !g_str_equal (status, "complete"))
        continue;
      g_assert_true (bw_category_from_string (category_s, &category));
      t = bw_catalog_resolve_technique (catalog, technique);
      g_assert_nonnull (t);
      if (!bw_catalog_get_entry_provenance (catalog, cap, t->index, category, &comments,
                                            &references))
        g_error ("%s: no entry %s %s %s", file, cap, technique, category_s);
      if (comment != NULL && *(trimmed = g_strstrip (g_strdup (comment))) != '\0')
        {
          if (!strv_has (comments, trimmed))
            g_error ("%s: mapping_objects[%u]: the comment is not the catalog's", file, i);
          found++;
        }
      for (guint k = 0; refs != NULL && k < json_array_get_length (refs); k++)
        {
          g_autofree char *ref = g_strstrip (g_strdup (json_array_get_string_element (refs, k)));

          if (!strv_has (references, ref))
            g_error ("%s: mapping_objects[%u]: reference %s is not the catalog's", file, i, ref);
        }
    }
  return found;
}

static void
test_ctid_comments (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalog) catalog = bw_catalog_load_default (&error);
  guint azure, m365;

  g_assert_no_error (error);
  azure = check_file (catalog, "mappings/mappings-explorer/azure-04.26.2025_attack-16.1-enterprise.json");
  m365 = check_file (catalog, "mappings/mappings-explorer/m365-07.18.2025_attack-16.1-enterprise.json");
  g_test_message ("comments found: Azure %u, Microsoft 365 %u", azure, m365);
  /* 1,776 of the 1,778 mapping objects carry a comment. */
  g_assert_cmpuint (azure + m365, ==, 1776);
}

/* Every capability entry keeps its texts (0 of 1,707 did before). */
static void
test_entries_have_texts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalog) catalog = bw_catalog_load_default (&error);
  guint entries = 0, with_comment = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < bw_catalog_get_n_capabilities (catalog); i++)
    {
      const BwCapability *c = bw_catalog_get_capability (catalog, i);

      for (guint k = 0; k < c->n_entries; k++)
        {
          const char *const *comments, *const *references;

          g_assert_true (bw_catalog_get_entry_provenance (catalog, c->id, c->entries[k].technique,
                                                          c->entries[k].category, &comments,
                                                          &references));
          entries++;
          with_comment += comments[0] != NULL;
        }
    }
  g_test_message ("%u entries, %u with a comment", entries, with_comment);
  g_assert_cmpuint (entries, ==, 1707);
  /* Two of CTID's mapping objects carry no comment, each alone in its entry. */
  g_assert_cmpuint (with_comment, ==, entries - 2);
}

static void
test_descriptions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalog) catalog = bw_catalog_load_default (&error);
  const char *d;
  const char *const *c, *const *r;

  g_assert_no_error (error);
  d = bw_catalog_get_technique_description (catalog, "T1566.001");
  g_assert_nonnull (d);
  g_assert_true (g_str_has_prefix (d, "Adversaries may send spearphishing emails with a malicious attachment"));
  g_assert_cmpstr (bw_catalog_get_technique_url (catalog, "T1566.001"), ==,
                   "https://attack.mitre.org/techniques/T1566/001");
  for (guint i = 0; i < bw_catalog_get_n_techniques (catalog); i++)
    {
      const BwTechnique *t = bw_catalog_get_technique (catalog, i);
      const char *text = bw_catalog_get_technique_description (catalog, t->id);

      g_assert_nonnull (text);
      g_assert_null (strstr (text, "(Citation:"));
      g_assert_null (strstr (text, "\n"));
      g_assert_null (strstr (text, "](http"));
      g_assert_true (g_str_has_prefix (bw_catalog_get_technique_url (catalog, t->id),
                                       "https://attack.mitre.org/techniques/T"));
    }
  g_assert_null (bw_catalog_get_technique_description (catalog, "T0000"));
  g_assert_null (bw_catalog_get_technique_url (catalog, "T0000"));
  g_assert_false (bw_catalog_get_entry_provenance (catalog, "no-such-capability", 0,
                                                   BW_CATEGORY_PROTECT, &c, &r));
  g_assert_nonnull (c);
  g_assert_null (c[0]);
}

/* A catalog built from bytes has no texts: every answer is empty, never an error. */
static void
test_no_texts (void)
{
  g_autoptr(BwCatalog) catalog = bw_test_tiny_catalog ();
  const char *const *c, *const *r;

  g_assert_true (bw_catalog_get_entry_provenance (
      catalog, "cap.full", bw_catalog_lookup_technique (catalog, "T2")->index, BW_CATEGORY_PROTECT,
      &c, &r));
  g_assert_null (c[0]);
  g_assert_null (r[0]);
  g_assert_null (bw_catalog_get_technique_description (catalog, "T2"));
  g_assert_cmpstr (bw_catalog_get_technique_url (catalog, "T2"), ==,
                   "https://attack.mitre.org/techniques/T2");
}

static const char merge_file[] =
  "{\"metadata\":{\"mapping_framework\":\"t\"},\"mapping_objects\":["
  "{\"capability_id\":\"c1\",\"attack_object_id\":\"T2\",\"score_category\":\"protect\","
  "\"score_value\":\"minimal\",\"comments\":\"A \",\"references\":[\"r1\",\"r2\"]},"
  "{\"capability_id\":\"c1\",\"attack_object_id\":\"T2\",\"score_category\":\"protect\","
  "\"score_value\":\"significant\",\"comments\":\"B\",\"references\":[\"r2\",\"r3\"]},"
  "{\"capability_id\":\"c1\",\"attack_object_id\":\"T2\",\"score_category\":\"protect\","
  "\"score_value\":\"partial\",\"comments\":\"A\",\"references\":[]},"
  "{\"capability_id\":\"c1\",\"attack_object_id\":\"T3\",\"score_category\":\"detect\","
  "\"score_value\":\"partial\",\"comments\":\"\",\"references\":[]}]}";
static const char second_file[] =
  "{\"mapping_objects\":["
  "{\"capability_id\":\"c2\",\"attack_object_id\":\"T4\",\"score_category\":\"detect\","
  "\"score_value\":\"partial\",\"comments\":\"C\",\"references\":[\"r1\"]}]}";

/* The importer: CTID objects merged into one entry keep all their comments and references,
 * each once, in order; importing another file into the result keeps the first one's texts. */
static void
test_import_merges (void)
{
  g_autoptr(BwCatalog) catalog = bw_test_tiny_catalog ();
  g_autoptr(GError) error = NULL;
  g_autofree char *provenance = NULL;
  g_autofree char *provenance2 = NULL;
  g_autofree char *mappings = bw_mappings_import_full (merge_file, strlen (merge_file), "a.json",
                                                       catalog, NULL, NULL, &provenance, NULL,
                                                       NULL, &error);
  g_autoptr(GBytes) existing = NULL;
  g_autoptr(GBytes) existing_provenance = NULL;
  g_autofree char *mappings2 = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *entry;
  JsonArray *caps;

  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, provenance, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  caps = json_object_get_array_member (root, "capabilities");
  /* T3's object has an empty comment and no references: no texts, no entry. */
  g_assert_cmpuint (json_array_get_length (caps), ==, 1);
  entry = json_array_get_object_element (
      json_object_get_array_member (json_array_get_object_element (caps, 0), "entries"), 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "technique"), ==, "T2");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (entry, "comments")), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (entry, "references")), ==,
                    3);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (root, "comments"), 0),
                   ==, "A");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (root, "comments"), 1),
                   ==, "B");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (root, "references"), 2),
                   ==, "r3");

  existing = g_bytes_new (mappings, strlen (mappings));
  existing_provenance = g_bytes_new (provenance, strlen (provenance));
  mappings2 = bw_mappings_import_full (second_file, strlen (second_file), "b.json", catalog, existing,
                                       existing_provenance, &provenance2, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (provenance2, "\"c1\""));
  g_assert_nonnull (strstr (provenance2, "\"c2\""));
  g_assert_nonnull (strstr (provenance2, "\"B\""));
  g_assert_nonnull (strstr (provenance2, "\"C\""));
}

/* A catalog loaded from a directory reads the texts beside its files. */
static void
test_from_directory (void)
{
  g_autofree char *dir = bw_test_source_path ("data/catalog");
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalog) catalog = bw_catalog_new_from_directory (dir, &error);
  const char *const *c, *const *r;
  const BwCapability *cap;

  g_assert_no_error (error);
  cap = bw_catalog_lookup_capability (catalog, "microsoft_sentinel");
  g_assert_true (bw_catalog_get_entry_provenance (catalog, cap->id, cap->entries[0].technique,
                                                  cap->entries[0].category, &c, &r));
  g_assert_nonnull (c[0]);
  g_assert_nonnull (r[0]);
  g_assert_nonnull (bw_catalog_get_technique_description (catalog, "T1078"));
}

/* A mappings import installed into the user catalog brings its texts, and keeps those of the
 * mappings it is merged into. */
static void
test_install (void)
{
  static const char file[] =
    "{\"mapping_objects\":[{\"capability_id\":\"test-cap\",\"attack_object_id\":\"T1566.001\","
    "\"score_category\":\"protect\",\"score_value\":\"minimal\",\"comments\":\"Z\","
    "\"references\":[\"https://example.org/z\"]}]}";
  g_autofree char *dir = g_dir_make_tmp ("bulwark-provenance-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "m.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalogImport) import = NULL;
  g_autoptr(BwCatalog) catalog = NULL;
  const BwCapability *cap;
  const char *const *c, *const *r;

  g_assert_true (g_file_set_contents (path, file, -1, NULL));
  import = bw_catalog_import_mappings (path, NULL, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (bw_catalog_import_install (import, &error));
  g_assert_no_error (error);
  catalog = bw_catalog_load_default (&error);
  g_assert_no_error (error);
  g_assert_null (bw_catalog_get_fallback_reason (catalog));
  cap = bw_catalog_lookup_capability (catalog, "test-cap");
  g_assert_nonnull (cap);
  g_assert_true (bw_catalog_get_entry_provenance (catalog, cap->id, cap->entries[0].technique,
                                                  cap->entries[0].category, &c, &r));
  g_assert_cmpstr (c[0], ==, "Z");
  g_assert_cmpstr (r[0], ==, "https://example.org/z");
  cap = bw_catalog_lookup_capability (catalog, "microsoft_sentinel");
  g_assert_true (bw_catalog_get_entry_provenance (catalog, cap->id, cap->entries[0].technique,
                                                  cap->entries[0].category, &c, &r));
  g_assert_nonnull (c[0]);
  g_assert_true (bw_catalog_reset_user_catalog (&error));
  bw_test_remove_tree (dir);
}

/* A damaged or hostile provenance.json in the user catalog costs its texts, nothing else. */
static void
test_hostile_texts (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bulwark-texts-XXXXXX", NULL);
  g_autofree char *provenance = g_build_filename (dir, "provenance.json", NULL);
  g_autofree char *descriptions = g_build_filename (dir, "descriptions.json", NULL);
  GString *deep = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalog) catalog = NULL;
  const BwCapability *cap;
  const char *const *c, *const *r;

  for (guint i = 0; i < 200000; i++)
    g_string_append_c (deep, '[');
  g_assert_true (g_file_set_contents (provenance, deep->str, deep->len, NULL));
  g_assert_true (g_file_set_contents (descriptions,
                                      "{\"techniques\":[{\"id\":\"T1078\",\"url\":\"javascript:x\","
                                      "\"description\":7}]}", -1, NULL));
  g_string_free (deep, TRUE);
  catalog = bw_catalog_load_user_dir (dir, &error);
  g_assert_no_error (error);
  cap = bw_catalog_lookup_capability (catalog, "microsoft_sentinel");
  g_assert_true (bw_catalog_get_entry_provenance (catalog, cap->id, cap->entries[0].technique,
                                                  cap->entries[0].category, &c, &r));
  g_assert_null (c[0]);
  g_assert_null (bw_catalog_get_technique_description (catalog, "T1078"));
  /* Only attack.mitre.org's https addresses are taken; else the one built from the id. */
  g_assert_cmpstr (bw_catalog_get_technique_url (catalog, "T1078"), ==,
                   "https://attack.mitre.org/techniques/T1078");
  bw_test_remove_tree (dir);
}

/* The shipped texts are exactly what the importers make of the shared data: provenance.json of
 * the Azure then the Microsoft 365 file, descriptions.json of the 18.1 bundle (STIX 2.0 and 2.1
 * alike). */
static void
test_shipped_is_imported (void)
{
  g_autofree char *azure = bw_test_shared_data ("mappings/mappings-explorer/azure-04.26.2025_attack-16.1-enterprise.json");
  g_autofree char *m365 = bw_test_shared_data ("mappings/mappings-explorer/m365-07.18.2025_attack-16.1-enterprise.json");
  g_autofree char *bundle20 = bw_test_shared_data ("attack/enterprise-attack-18.1.json.xz");
  g_autofree char *bundle21 = bw_test_shared_data ("attack/enterprise-attack.json.xz");
  g_autofree char *prov_path = bw_test_source_path ("data/catalog/provenance.json");
  g_autofree char *desc_path = bw_test_source_path ("data/catalog/descriptions.json");
  g_autofree char *shipped_prov = bw_test_read_file (prov_path, NULL);
  g_autofree char *shipped_desc = bw_test_read_file (desc_path, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalog) catalog = bw_catalog_load_default (&error);
  g_autofree char *a_text = NULL, *m_text = NULL, *a_prov = NULL, *m_prov = NULL;
  g_autofree char *d20 = NULL, *d21 = NULL, *attack20 = NULL, *attack21 = NULL;
  gsize length;
  g_autoptr(GBytes) existing = NULL;
  g_autoptr(GBytes) existing_prov = NULL;
  g_autofree char *mappings = NULL, *both = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (azure, &a_text, &length, NULL));
  mappings = bw_mappings_import_full (a_text, length, azure, catalog, NULL, NULL, &a_prov, NULL,
                                      NULL, &error);
  g_assert_no_error (error);
  existing = g_bytes_new (mappings, strlen (mappings));
  existing_prov = g_bytes_new (a_prov, strlen (a_prov));
  g_assert_true (g_file_get_contents (m365, &m_text, &length, NULL));
  both = bw_mappings_import_full (m_text, length, m365, catalog, existing, existing_prov, &m_prov,
                                  NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (m_prov, ==, shipped_prov);

  attack20 = bw_stix_import_full (bundle20, NULL, NULL, &d20, &error);
  g_assert_no_error (error);
  attack21 = bw_stix_import_full (bundle21, NULL, NULL, &d21, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (d20, ==, shipped_desc);
  g_assert_cmpstr (d21, ==, shipped_desc);
}

int
main (int    argc,
      char **argv)
{
  /* A user data directory of its own: never the user's imported catalog, and what a test
   * installs goes with it. Set before anything reads it (GLib keeps the first answer). */
  g_autofree char *home = g_dir_make_tmp ("bulwark-xdg-XXXXXX", NULL);
  int status;

  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/catalog-provenance/entries-have-texts", test_entries_have_texts);
  g_test_add_func ("/catalog-provenance/descriptions", test_descriptions);
  g_test_add_func ("/catalog-provenance/no-texts", test_no_texts);
  g_test_add_func ("/catalog-provenance/import-merges", test_import_merges);
  g_test_add_func ("/catalog-provenance/from-directory", test_from_directory);
  g_test_add_func ("/catalog-provenance/install", test_install);
  g_test_add_func ("/catalog-provenance/hostile-texts", test_hostile_texts);
  /* Last: it skips the whole program when the shared data is absent. */
  g_test_add_func ("/catalog-provenance/ctid-comments", test_ctid_comments);
  g_test_add_func ("/catalog-provenance/shipped-is-imported", test_shipped_is_imported);
  status = g_test_run ();
  bw_test_remove_tree (home);
  return status;
}
