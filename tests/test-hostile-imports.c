/* test-hostile-imports.c: hostile input to every json-glib reader (STIX bundles, Mappings
 * Explorer files, Navigator layers, catalog files): nesting json-glib would recurse on, files
 * that expand past what a real bundle needs, long revoked-by chains, members of the wrong type,
 * and the group index a TAB once corrupted. Run with G_DEBUG=fatal-criticals, so a json-glib
 * getter called on the wrong type fails the test. */
#include "config.h"

#include <glib/gstdio.h>
#include <lzma.h>
#include <string.h>

#include "bw-catalog-private.h"
#include "bw-json-read.h"
#include "bw-layer.h"
#include "bw-mappings.h"
#include "bw-stix.h"
#include "bw-test-bundle.h"
#include "bw-test-util.h"

/* Deeper than any stack json-glib's recursive parser could survive. */
#define DEEP 100000

static const char valid_mapping[] =
  "{\"mapping_objects\": [{\"capability_id\": \"cap-1\", \"capability_description\": \"Cap One\", "
  "\"attack_object_id\": \"T1078\", \"score_category\": \"protect\", \"score_value\": \"partial\", "
  "\"status\": \"complete\"}]}";

/* PREFIX, then N arrays nested in each other, then SUFFIX. */
static char *
nested (const char *prefix,
        guint       n,
        const char *suffix)
{
  GString *s = g_string_new (prefix);

  for (guint i = 0; i < n; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < n; i++)
    g_string_append_c (s, ']');
  g_string_append (s, suffix);
  return g_string_free (s, FALSE);
}

static void
assert_too_deep (const GError *error)
{
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "nested deeper than 128 levels"));
  g_assert_nonnull (strstr (error->message, "line 1, column "));
}

/* Compresses N copies of CHUNK (and a prefix and suffix) as one xz stream, as a file. */
static char *
write_xz (const char *dir,
          const char *name,
          const char *prefix,
          const char *chunk,
          guint       n,
          const char *suffix)
{
  lzma_stream stream = LZMA_STREAM_INIT;
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  guint8 buffer[1 << 16];
  lzma_ret ret;

  g_assert_cmpint (lzma_easy_encoder (&stream, 0, LZMA_CHECK_CRC64), ==, LZMA_OK);
  for (guint part = 0; part < n + 2; part++)
    {
      const char *text = part == 0 ? prefix : part == n + 1 ? suffix : chunk;

      stream.next_in = (const guint8 *) text;
      stream.avail_in = strlen (text);
      while (stream.avail_in > 0)
        {
          stream.next_out = buffer;
          stream.avail_out = sizeof buffer;
          g_assert_cmpint (lzma_code (&stream, LZMA_RUN), ==, LZMA_OK);
          g_byte_array_append (out, buffer, sizeof buffer - stream.avail_out);
        }
    }
  do
    {
      stream.next_out = buffer;
      stream.avail_out = sizeof buffer;
      ret = lzma_code (&stream, LZMA_FINISH);
      g_byte_array_append (out, buffer, sizeof buffer - stream.avail_out);
    }
  while (ret == LZMA_OK);
  g_assert_cmpint (ret, ==, LZMA_STREAM_END);
  lzma_end (&stream);
  g_file_set_contents (path, (const char *) out->data, out->len, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_check_limits (void)
{
  g_autofree char *at_limit = nested ("", BW_JSON_MAX_DEPTH, "");
  g_autofree char *over = nested ("", BW_JSON_MAX_DEPTH + 1, "");
  g_autofree char *in_object = nested ("{\"a\": {\"b\":\n  ", BW_JSON_MAX_DEPTH - 1, "}}");
  g_autofree char *in_strings = g_strnfill (1000, '[');
  g_autofree char *quoted = g_strdup_printf ("[\"%s\\\"%s\", \"\\\\\", \"{{{\"]", in_strings, in_strings);
  g_autoptr(GString) values = g_string_new ("[0");
  g_autoptr(GError) error = NULL;

  g_assert_true (bw_json_read_check (at_limit, strlen (at_limit), &error));
  g_assert_no_error (error);
  g_assert_false (bw_json_read_check (over, strlen (over), &error));
  g_assert_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "line 1, column 129: nested deeper than 128 levels");
  g_clear_error (&error);

  /* Two objects and 127 arrays: the 127th array, on line 2 after two spaces, is one too many. */
  g_assert_false (bw_json_read_check (in_object, strlen (in_object), &error));
  g_assert_cmpstr (error->message, ==, "line 2, column 129: nested deeper than 128 levels");
  g_clear_error (&error);

  /* Brackets in strings, escaped quotes and backslashes included, do not nest. */
  g_assert_true (bw_json_read_check (quoted, strlen (quoted), &error));
  g_assert_no_error (error);

  /* json-glib reads comments and single-quoted strings; a '"' in them could hide nesting from
   * a scan that did not: both are refused where they start. */
  {
    g_autofree char *deep = nested ("", DEEP, "");
    const char *openers[] = { "/* \" */ ", "/ \" / ", "['\"', " };

    for (guint i = 0; i < G_N_ELEMENTS (openers); i++)
      {
        g_autofree char *text = g_strconcat ("\n ", openers[i], deep, " \"\"", NULL);

        g_assert_false (bw_json_read_check (text, strlen (text), &error));
        g_assert_cmpstr (error->message, ==, i < 2 ? "line 2, column 2: a comment or a single-quoted string is not JSON"
                                                   : "line 2, column 3: a comment or a single-quoted string is not JSON");
        g_clear_error (&error);
      }
  }

  /* Values, not member names, count: BW_JSON_MAX_VALUES in all, then one more. */
  for (guint i = 2; i < BW_JSON_MAX_VALUES; i++)
    g_string_append (values, ",0");
  g_string_append_c (values, ']');
  g_assert_true (bw_json_read_check (values->str, values->len, &error));
  g_assert_no_error (error);
  g_string_truncate (values, values->len - 1);
  g_string_append (values, ",{\"key\":true}]");
  g_assert_false (bw_json_read_check (values->str, values->len, &error));
  g_assert_nonnull (strstr (error->message, "more than 4000000 values"));
}

static void
test_deep_stix (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bulwark-hostile-XXXXXX", NULL);
  g_autofree char *text = nested ("{\"type\": \"bundle\", \"objects\": ", DEEP, "}");
  g_autofree char *path = g_build_filename (dir, "deep.json", NULL);
  g_autofree char *xz = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  /* As bytes (what the fuzzer and the CLI's plain path give), as a file, and as .xz. */
  out = bw_stix_import_bytes (g_bytes_new (text, strlen (text)), "deep.json", NULL, NULL, &error);
  g_assert_null (out);
  assert_too_deep (error);
  g_clear_error (&error);

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  out = bw_stix_import (path, NULL, NULL, &error);
  g_assert_null (out);
  assert_too_deep (error);
  g_clear_error (&error);

  xz = write_xz (dir, "deep.json.xz", "{\"type\": \"bundle\", \"objects\": [", "[", DEEP, "");
  out = bw_stix_import (xz, NULL, NULL, &error);
  g_assert_null (out);
  assert_too_deep (error);
  g_assert_true (g_str_has_prefix (error->message, xz));

  g_unlink (path);
  g_unlink (xz);
  g_rmdir (dir);
}

static void
test_deep_mappings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalog) catalog = bw_catalog_load_default (&error);
  g_autofree char *text = nested ("{\"mapping_objects\": [], \"metadata\": ", DEEP, "}");
  g_autofree char *existing_text = nested ("{\"capabilities\": ", DEEP, "}");
  g_autoptr(GBytes) existing = g_bytes_new (existing_text, strlen (existing_text));
  g_autofree char *out = NULL;

  g_assert_no_error (error);
  out = bw_mappings_import_data (text, strlen (text), "deep.json", catalog, NULL, NULL, NULL, &error);
  g_assert_null (out);
  assert_too_deep (error);
  g_assert_true (g_str_has_prefix (error->message, "deep.json: "));
  g_clear_error (&error);

  /* The mappings.json a new file is merged into is read the same way. */
  out = bw_mappings_import_data (valid_mapping, strlen (valid_mapping), "m.json", catalog, existing, NULL,
                                 NULL, &error);
  g_assert_null (out);
  assert_too_deep (error);
  g_assert_true (g_str_has_prefix (error->message, "mappings.json: "));
}

static void
test_deep_layer (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalog) catalog = bw_catalog_load_default (&error);
  g_autofree char *dir = g_dir_make_tmp ("bulwark-hostile-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "deep-layer.json", NULL);
  g_autofree char *layer = nested ("{\"domain\": \"enterprise-attack\", \"techniques\": ", DEEP, "}");
  g_autofree char *list = nested ("", DEEP, "");
  g_autofree char *text = NULL;
  gsize length;
  g_auto(GStrv) focus = NULL;

  g_assert_no_error (error);
  /* What the window's Import Threat Layer does: read the file, hand its text to the reader. */
  g_file_set_contents (path, layer, -1, &error);
  g_assert_no_error (error);
  g_file_get_contents (path, &text, &length, &error);
  g_assert_no_error (error);
  focus = bw_layer_read_focus (catalog, text, length, NULL, &error);
  g_assert_null (focus);
  g_assert_error (error, BW_LAYER_ERROR, BW_LAYER_ERROR_PARSE);
  assert_too_deep (error);
  g_clear_error (&error);

  /* A list of layers (format 4.5) nested instead. */
  focus = bw_layer_read_focus (catalog, list, -1, NULL, &error);
  g_assert_null (focus);
  assert_too_deep (error);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_deep_catalog (void)
{
  const char *names[] = { "attack.json", "killchain.json", "mappings.json", "stencils.json" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
      g_autofree char *text = nested ("{\"x\": ", DEEP, "}");
      g_autoptr(GError) error = NULL;
      g_autoptr(BwCatalog) catalog = NULL;

      for (guint k = 0; k < G_N_ELEMENTS (names); k++)
        g_ptr_array_add (files, k == i ? g_bytes_new (text, strlen (text))
                                       : bw_catalog_shipped_file (names[k]));
      catalog = bw_catalog_new_from_bytes (files->pdata[0], files->pdata[1], files->pdata[2],
                                           files->pdata[3], &error);
      g_assert_null (catalog);
      assert_too_deep (error);
      g_assert_true (g_str_has_prefix (error->message, names[i]));
    }
}

/* A nested file in the user catalog once crashed every command at start-up. */
static void
test_deep_user_catalog (void)
{
  g_autofree char *home = g_dir_make_tmp ("bulwark-hostile-XXXXXX", NULL);
  g_autofree char *dir = g_build_filename (home, "bulwark", "catalog", NULL);
  g_autofree char *path = g_build_filename (dir, "attack.json", NULL);
  g_autofree char *text = nested ("{\"attack_version\": ", DEEP, "}");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *parent = g_path_get_dirname (dir);
  g_autoptr(GError) error = NULL;
  const char *args[] = { "catalog", NULL };
  int status;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  status = bw_test_run_bulwark (args, &out, &err);
  g_unsetenv ("XDG_DATA_HOME");
  g_test_message ("exit %d: %s", status, err);
  /* Whether it falls back to the shipped catalog or refuses, it must not die of a signal. */
  g_assert_cmpint (status, >=, 0);
  if (status != 0)
    g_assert_nonnull (strstr (err, "nested deeper than 128 levels"));
  g_unlink (path);
  g_rmdir (dir);
  g_rmdir (parent);
  g_rmdir (home);
}

static void
test_size_caps (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bulwark-hostile-XXXXXX", NULL);
  g_autofree char *chunk = g_strnfill (1 << 20, ' ');
  g_autofree char *big = NULL;
  g_autofree char *many = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  /* 201 MiB of blanks in 34 kB of xz: more than any bundle, refused while decompressing. */
  big = write_xz (dir, "big.json.xz", "{\"type\": \"bundle\", \"objects\": [", chunk, 201, "]}");
  out = bw_stix_import (big, NULL, NULL, &error);
  g_assert_null (out);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "decompresses to more than 200 MiB"));
  g_clear_error (&error);

  /* 12 MB of tiny elements: within the size, but a tree of 6 million nodes; refused before
   * json-glib builds it. */
  g_free (chunk);
  chunk = g_strnfill (1 << 20, ',');
  for (gsize i = 0; i < (1 << 20); i += 2)
    chunk[i] = '0';
  many = write_xz (dir, "many.json.xz", "{\"type\": \"bundle\", \"objects\": [[", chunk, 12, "0]]}");
  out = bw_stix_import (many, NULL, NULL, &error);
  g_assert_null (out);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "more than 4000000 values"));
  g_clear_error (&error);

  /* A device is not a bundle (and /dev/zero would never end). */
  out = bw_stix_import ("/dev/zero", NULL, NULL, &error);
  g_assert_null (out);
  g_assert_nonnull (strstr (error->message, "/dev/zero: not a regular file"));
  g_clear_error (&error);
  {
    g_autoptr(BwCatalog) catalog = bw_catalog_load_default (&error);

    g_assert_no_error (error);
    out = bw_mappings_import ("/dev/zero", catalog, NULL, NULL, NULL, &error);
    g_assert_null (out);
    g_assert_nonnull (strstr (error->message, "/dev/zero: not a regular file"));
  }

  g_unlink (big);
  g_unlink (many);
  g_rmdir (dir);
}

/* A group's ATT&CK id with a TAB once chose the index its group was read back from. */
static void
test_tab_in_group_id (void)
{
  g_autofree char *path = bw_test_source_path ("tests/fixtures/stix/tab-in-group-id.json");
  g_autoptr(GError) error = NULL;
  BwStixStats stats = { 0 };
  g_autofree char *out = bw_stix_import (path, NULL, &stats, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *groups;
  const struct
  {
    const char *id;
    const char *name;
    const char *technique;
  } expected[] = {
    { "G0001", "Plain Group", "T1566" },
    { "G0002\t9999999", "Tab Group", "T1059" },
  };

  g_assert_no_error (error);
  g_assert_cmpuint (stats.groups, ==, 2);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  groups = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "groups");
  g_assert_cmpuint (json_array_get_length (groups), ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JsonObject *g = json_array_get_object_element (groups, i);
      JsonArray *techniques = json_object_get_array_member (g, "techniques");

      g_assert_cmpstr (json_object_get_string_member (g, "id"), ==, expected[i].id);
      g_assert_cmpstr (json_object_get_string_member (g, "name"), ==, expected[i].name);
      g_assert_cmpuint (json_array_get_length (techniques), ==, 1);
      g_assert_cmpstr (json_array_get_string_element (techniques, 0), ==, expected[i].technique);
    }
}


static void
test_revoked_chain (void)
{
  const guint n = 5000;
  g_autofree char *chain = bw_test_revoked_chain (n, FALSE);
  g_autofree char *cycle = bw_test_revoked_chain (n, TRUE);
  g_autoptr(GError) error = NULL;
  BwStixStats stats = { 0 };
  g_autofree char *out = bw_stix_import_bytes (g_bytes_new (chain, strlen (chain)), "chain.json", NULL, &stats,
                                               &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *revoked;

  g_assert_no_error (error);
  g_assert_cmpuint (stats.revoked, ==, n);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  revoked = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "revoked");
  g_assert_cmpuint (json_object_get_size (revoked), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("T9%07u", i);

      g_assert_cmpstr (json_object_get_string_member (revoked, id), ==, "T1059");
    }

  g_clear_pointer (&out, g_free);
  out = bw_stix_import_bytes (g_bytes_new (cycle, strlen (cycle)), "cycle.json", NULL, NULL, &error);
  g_assert_null (out);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "cycle.json: revoked-by relationships form a cycle through T9"));
}

/* Every fixture swaps the type of a member: a located error or an import, never a critical. */
static void
test_type_swapped (void)
{
  g_autofree char *expected_path = bw_test_source_path ("tests/fixtures/hostile/EXPECTED");
  g_autofree char *expected = bw_test_read_file (expected_path, NULL);
  g_auto(GStrv) lines = g_strsplit (expected, "\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalog) catalog = bw_catalog_load_default (&error);
  guint checked = 0;

  g_assert_no_error (error);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *rel = NULL;
      g_autofree char *path = NULL;
      g_autofree char *data = NULL;
      g_autofree char *out = NULL;
      gsize length;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", 2);
      g_assert_cmpuint (g_strv_length (fields), ==, 2);
      rel = g_strconcat ("tests/fixtures/hostile/", fields[0], NULL);
      path = bw_test_source_path (rel);
      data = bw_test_read_file (path, &length);
      if (g_str_has_prefix (fields[0], "stix-"))
        out = bw_stix_import_bytes (g_bytes_new (data, length), fields[0], NULL, NULL, &error);
      else if (g_str_has_prefix (fields[0], "mappings-"))
        out = bw_mappings_import_data (data, length, fields[0], catalog, NULL, NULL, NULL, &error);
      else
        {
          g_autoptr(GBytes) existing = g_bytes_new (data, length);

          g_assert_true (g_str_has_prefix (fields[0], "existing-"));
          out = bw_mappings_import_data (valid_mapping, strlen (valid_mapping), "m.json", catalog, existing,
                                         NULL, NULL, &error);
        }
      g_test_message ("%s → %s", fields[0], error ? error->message : "(imported)");
      if (fields[1][0] == '\0')
        {
          g_assert_no_error (error);
          g_assert_nonnull (out);
        }
      else
        {
          g_assert_null (out);
          g_assert_nonnull (error);
          g_assert_true (g_str_has_prefix (error->message, g_str_has_prefix (fields[0], "existing-") ? "mappings.json: " : fields[0]));
          g_assert_nonnull (strstr (error->message, fields[1]));
          g_clear_error (&error);
        }
      checked++;
    }
  g_assert_cmpuint (checked, >=, 30);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/hostile/check-limits", test_check_limits);
  g_test_add_func ("/hostile/deep/stix", test_deep_stix);
  g_test_add_func ("/hostile/deep/mappings", test_deep_mappings);
  g_test_add_func ("/hostile/deep/layer", test_deep_layer);
  g_test_add_func ("/hostile/deep/catalog", test_deep_catalog);
  g_test_add_func ("/hostile/deep/user-catalog", test_deep_user_catalog);
  g_test_add_func ("/hostile/size-caps", test_size_caps);
  g_test_add_func ("/hostile/stix/tab-in-group-id", test_tab_in_group_id);
  g_test_add_func ("/hostile/stix/revoked-chain", test_revoked_chain);
  g_test_add_func ("/hostile/type-swapped", test_type_swapped);
  return g_test_run ();
}
