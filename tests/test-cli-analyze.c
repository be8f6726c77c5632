/* test-cli-analyze.c: `bulwark analyze` and `bulwark export` as a pipeline runs them: the
 * sample's report against its golden file, the text and Markdown forms, the --fail-under gate,
 * and exports of every kind. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "bw-document-io.h"
#include "bw-test-util.h"

static void
test_golden_report (void)
{
  g_autofree char *sample = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  g_autofree char *golden_path = bw_test_source_path ("tests/fixtures/golden/reference-architecture.report.json");
  g_autofree char *golden = bw_test_read_file (golden_path, NULL);
  g_autofree char *out = NULL;
  const char *args[] = { "analyze", sample, "--format", "json", NULL };

  /* To refresh after a deliberate change to the catalog or the sample:
   *   build/src/bulwark analyze data/samples/reference-architecture.bulwark --format json \
   *     > tests/fixtures/golden/reference-architecture.report.json */
  g_assert_cmpint (bw_test_run_bulwark (args, &out, NULL), ==, 0);
  g_assert_cmpstr (out, ==, golden);
}

static void
test_report_shape (void)
{
  g_autofree char *sample = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  g_autofree char *out = NULL;
  const char *args[] = { "analyze", sample, "--format", "json", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *tactics;
  JsonArray *phases;
  JsonArray *techniques;
  JsonObject *summary;
  g_autoptr(GList) keys = NULL;
  const char *expected_keys[] = { "format", "version", "attack_version", "summary", "tactics",
                                  "kill_chain", "techniques", "assets" };
  guint i = 0;

  g_assert_cmpint (bw_test_run_bulwark (args, &out, NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  keys = json_object_get_members (root);
  for (GList *l = keys; l != NULL; l = l->next, i++)
    g_assert_cmpstr (l->data, ==, expected_keys[i]);
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (expected_keys));

  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "bulwark-report");
  g_assert_cmpstr (json_object_get_string_member (root, "attack_version"), ==, "18.1");
  tactics = json_object_get_array_member (root, "tactics");
  g_assert_cmpuint (json_array_get_length (tactics), ==, 14);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (tactics, 0), "shortname"),
                   ==, "reconnaissance");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (tactics, 13), "shortname"),
                   ==, "impact");
  phases = json_object_get_array_member (root, "kill_chain");
  g_assert_cmpuint (json_array_get_length (phases), ==, 7);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (phases, 6), "id"),
                   ==, "actions-on-objectives");

  /* Summary figures add up, and the ratio follows the formula. */
  summary = json_object_get_object_member (root, "summary");
  g_assert_cmpint (json_object_get_int_member (summary, "assets"), ==, 23);
  g_assert_cmpint (json_object_get_int_member (summary, "services"), ==, 27);
  g_assert_cmpint (json_object_get_int_member (summary, "covered") +
                     json_object_get_int_member (summary, "partial") +
                     json_object_get_int_member (summary, "gap"),
                   ==, json_object_get_int_member (summary, "applicable"));
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (summary, "ratio"),
                                  (json_object_get_int_member (summary, "covered") +
                                   0.5 * json_object_get_int_member (summary, "partial")) /
                                    json_object_get_int_member (summary, "applicable"),
                                  0.00005);

  /* Techniques sorted by id, none not_applicable. */
  techniques = json_object_get_array_member (root, "techniques");
  g_assert_cmpint (json_array_get_length (techniques), ==, json_object_get_int_member (summary, "applicable"));
  for (guint k = 1; k < json_array_get_length (techniques); k++)
    g_assert_cmpint (strcmp (json_object_get_string_member (json_array_get_object_element (techniques, k - 1), "id"),
                             json_object_get_string_member (json_array_get_object_element (techniques, k), "id")),
                     <, 0);
}

static void
test_text_and_markdown (void)
{
  g_autofree char *sample = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  g_autofree char *text = NULL;
  g_autofree char *markdown = NULL;
  const char *text_args[] = { "analyze", sample, NULL };
  const char *md_args[] = { "analyze", sample, "--format", "markdown", NULL };

  g_assert_cmpint (bw_test_run_bulwark (text_args, &text, NULL), ==, 0);
  g_assert_nonnull (strstr (text, "Reconnaissance"));
  g_assert_nonnull (strstr (text, "Cyber Kill Chain"));
  g_assert_nonnull (strstr (text, "← gap"));

  g_assert_cmpint (bw_test_run_bulwark (md_args, &markdown, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (markdown, "# Contoso hybrid reference estate\n"));
  g_assert_nonnull (strstr (markdown, "| Reconnaissance (TA0043) |"));
  g_assert_nonnull (strstr (markdown, "## Top gaps"));
}

/* Rule 11 in the CLI: the sample has no unprotected asset and passes the gate; add two assets
 * with nothing on them and the gate fails, the text and Markdown name them, the JSON counts and
 * marks them. */
static void
test_fail_on_unprotected (void)
{
  g_autofree char *sample = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  g_autofree char *dir = g_dir_make_tmp ("bulwark-unprotected-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "estate.bulwark", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BwDocument) doc = bw_document_load_from_file (sample, &error);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *clean[] = { "analyze", sample, "--fail-on-unprotected", NULL };
  const char *gate[] = { "analyze", path, "--fail-on-unprotected", NULL };
  const char *markdown[] = { "analyze", path, "--format", "markdown", NULL };
  const char *json[] = { "analyze", path, "--format", "json", NULL };
  g_autofree char *expected_err = g_strdup_printf ("bulwark: %s: 2 assets are unprotected\n", path);

  g_assert_no_error (error);
  g_assert_cmpint (bw_test_run_bulwark (clean, &out, NULL), ==, 0);
  g_assert_null (strstr (out, "unprotected"));
  g_clear_pointer (&out, g_free);

  g_assert_nonnull (bw_document_add_node (doc, "k1", "onprem.windows-workstation", "Kiosk", NULL,
                                          4000, 4000, NULL, NULL));
  g_assert_nonnull (bw_document_add_node (doc, "k2", "onprem.linux-server", "Spare box", NULL,
                                          4200, 4000, NULL, NULL));
  g_assert_true (bw_document_save_to_file (doc, path, &error));
  g_assert_no_error (error);

  g_assert_cmpint (bw_test_run_bulwark (gate, &out, &err), ==, 1);
  g_assert_nonnull (strstr (out, "2 unprotected assets (nothing covers them): Kiosk, Spare box\n"));
  g_assert_cmpstr (err, ==, expected_err);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (bw_test_run_bulwark (markdown, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "⚠ **2 unprotected assets** (nothing covers them): Kiosk, Spare box"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (bw_test_run_bulwark (json, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "    \"ratio\": 0.3"));
  g_assert_nonnull (strstr (out, ",\n    \"unprotected\": 2\n  },\n"));
  g_assert_nonnull (strstr (out, "\"id\": \"k1\", \"applicable\": "));
  g_assert_nonnull (strstr (out, "\"partial\": 0, \"gap\": "));
  g_assert_nonnull (strstr (out, ", \"unprotected\": true }\n  ]\n}\n"));
  bw_test_remove_tree (dir);
}

static void
test_fail_under (void)
{
  g_autofree char *sample = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  g_autofree char *bad = bw_test_source_path ("tests/fixtures/bad/30-edge-from-dangling.bulwark");
  g_autofree char *err = NULL;
  const char *pass[] = { "analyze", sample, "--fail-under", "0.1", NULL };
  const char *gate[] = { "analyze", sample, "--fail-under", "1.0", NULL };
  const char *broken[] = { "analyze", bad, NULL };
  const char *bad_format[] = { "analyze", sample, "--format", "yaml", NULL };
  const char *bad_ratio[] = { "analyze", sample, "--fail-under", "7", NULL };

  g_assert_cmpint (bw_test_run_bulwark (pass, NULL, NULL), ==, 0);
  g_assert_cmpint (bw_test_run_bulwark (gate, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "below"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (bw_test_run_bulwark (broken, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "edges[0].from: no node \"n9\""));
  g_assert_cmpint (bw_test_run_bulwark (bad_format, NULL, NULL), ==, 2);
  g_assert_cmpint (bw_test_run_bulwark (bad_ratio, NULL, NULL), ==, 2);
}

static void
test_export (void)
{
  g_autofree char *sample = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  g_autofree char *dir = g_dir_make_tmp ("bulwark-test-XXXXXX", NULL);
  g_autofree char *svg = g_build_filename (dir, "a.svg", NULL);
  g_autofree char *bare = g_build_filename (dir, "bare.svg", NULL);
  g_autofree char *png = g_build_filename (dir, "a.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "a.pdf", NULL);
  g_autofree char *layer = g_build_filename (dir, "a.json", NULL);
  const char *args[] = { "export", sample, "--svg", svg, "--png", png, "--pdf", pdf, "--layer", layer, NULL };
  const char *no_overlay[] = { "export", sample, "--svg", bare, "--no-overlay", NULL };
  const char *nothing[] = { "export", sample, NULL };
  g_autofree char *svg_text = NULL;
  g_autofree char *bare_text = NULL;
  g_autofree char *png_data = NULL;
  g_autofree char *pdf_data = NULL;
  g_autofree char *layer_text = NULL;

  g_assert_cmpint (bw_test_run_bulwark (args, NULL, NULL), ==, 0);
  svg_text = bw_test_read_file (svg, NULL);
  g_assert_true (g_str_has_prefix (svg_text, "<?xml"));
  g_assert_nonnull (strstr (svg_text, "id=\"coverage-overlay\""));
  png_data = bw_test_read_file (png, NULL);
  g_assert_cmpint (memcmp (png_data, "\x89PNG\r\n\x1a\n", 8), ==, 0);
  pdf_data = bw_test_read_file (pdf, NULL);
  g_assert_true (g_str_has_prefix (pdf_data, "%PDF-"));
  layer_text = bw_test_read_file (layer, NULL);
  g_assert_nonnull (strstr (layer_text, "\"layer\" : \"4.5\""));

  g_assert_cmpint (bw_test_run_bulwark (no_overlay, NULL, NULL), ==, 0);
  bare_text = bw_test_read_file (bare, NULL);
  g_assert_null (strstr (bare_text, "coverage-overlay"));

  g_assert_cmpint (bw_test_run_bulwark (nothing, NULL, NULL), ==, 2);

  g_unlink (svg);
  g_unlink (bare);
  g_unlink (png);
  g_unlink (pdf);
  g_unlink (layer);
  g_rmdir (dir);
}

static void
test_threat_layer (void)
{
  g_autofree char *sample = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  g_autofree char *dir = g_dir_make_tmp ("bulwark-test-XXXXXX", NULL);
  g_autofree char *layer = g_build_filename (dir, "intel.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "analyze", sample, "--format", "json", "--threat-layer", layer, NULL };

  g_assert_true (g_file_set_contents (layer,
                                      "{\"name\":\"intel\",\"domain\":\"enterprise-attack\","
                                      "\"techniques\":[{\"techniqueID\":\"T1566\",\"score\":1},"
                                      "{\"techniqueID\":\"T1078\",\"score\":2},"
                                      "{\"techniqueID\":\"T9999\",\"score\":2}]}",
                                      -1, NULL));
  g_assert_cmpint (bw_test_run_bulwark (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "\n  \"profile\": {"));
  g_assert_nonnull (strstr (err, "T9999"));
  g_unlink (layer);
  g_rmdir (dir);
}

/* A project whose title and labels try to reach the terminal or fake report structure. */
static const char hostile_project[] =
  "{\"format\": \"bulwark\", \"version\": 1,"
  " \"title\": \"\\u001b[31mRED\\u001b[0m\\nFake line\\r\\n<!-- hidden -->\\n# Fake | cell \\u202eevil\","
  " \"zones\": [],"
  " \"nodes\": ["
  "  {\"id\": \"n1\", \"kind\": \"azure.vm\", \"label\": \"VM \\u001b]0;pwned\\u0007 one\\u009b\", \"x\": 0, \"y\": 0},"
  "  {\"id\": \"n2\", \"kind\": \"azure.vm\", \"label\": \"VM\\ntwo\\u2028three\", \"x\": 200, \"y\": 0},"
  "  {\"id\": \"n3\", \"kind\": \"sec.defender-for-servers\", \"label\": \"Svc \\u001b[2J\", \"x\": 400, \"y\": 0}],"
  " \"edges\": [{\"id\": \"e1\", \"kind\": \"flow\", \"from\": \"n1\", \"to\": \"n2\"},"
  "            {\"id\": \"e2\", \"kind\": \"protects\", \"from\": \"n3\", \"to\": \"n2\"}]}";

static char *
write_temp_project (const char *text,
                    char      **out_dir)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("bulwark-test-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, "hostile.bulwark", NULL);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  *out_dir = dir;
  return path;
}

static void
assert_no_controls (const char *command,
                    const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x202e)
        g_error ("%s: U+%04X reached the output:\n%s", command, c, text);
    }
}

/* Titles and labels reach terminals and reports only escaped, each on one line. */
static void
test_untrusted_text (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = write_temp_project (hostile_project, &dir);
  const char *text_args[] = { "analyze", path, NULL };
  const char *md_args[] = { "analyze", path, "--format", "markdown", NULL };
  const char *recommend_args[] = { "recommend", path, NULL };
  const char *tiers_args[] = { "tiers", path, NULL };
  const char *paths_args[] = { "paths", path, "--from", "n1", NULL };
  g_autofree char *text = NULL;
  g_autofree char *md = NULL;
  g_autofree char *recommend = NULL;
  g_autofree char *tiers = NULL;
  g_autofree char *paths = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (bw_test_run_bulwark (text_args, &text, NULL), ==, 0);
  assert_no_controls ("analyze", text);
  lines = g_strsplit (text, "\n", -1);
  /* The whole title on the first line, its escapes spelled out. */
  g_assert_true (g_str_has_prefix (lines[0], "\\x1B[31mRED\\x1B[0m\\nFake line\\r\\n<!-- hidden -->\\n# Fake | cell \\u202Eevil — ATT&CK "));
  g_assert_true (g_str_has_prefix (lines[1], "2 assets, 1 services."));
  g_clear_pointer (&lines, g_strfreev);

  g_assert_cmpint (bw_test_run_bulwark (md_args, &md, NULL), ==, 0);
  assert_no_controls ("analyze --format markdown", md);
  g_assert_null (strstr (md, "<!--"));
  lines = g_strsplit (md, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "# \\x1B\\[31mRED\\x1B\\[0m\\nFake line\\r\\n&lt;\\!-- hidden --&gt;\\n\\# Fake \\| cell \\u202Eevil");
  g_assert_cmpstr (lines[1], ==, "");
  g_assert_true (g_str_has_prefix (lines[2], "MITRE ATT&CK "));
  /* No other line is a heading but the report's own. */
  for (guint i = 1; lines[i] != NULL; i++)
    g_assert_true (!g_str_has_prefix (lines[i], "# "));

  g_assert_cmpint (bw_test_run_bulwark (recommend_args, &recommend, NULL), ==, 0);
  assert_no_controls ("recommend", recommend);
  g_assert_cmpint (bw_test_run_bulwark (tiers_args, &tiers, NULL), ==, 0);
  assert_no_controls ("tiers", tiers);
  g_assert_cmpint (bw_test_run_bulwark (paths_args, &paths, NULL), ==, 0);
  assert_no_controls ("paths", paths);
  g_assert_nonnull (strstr (paths, "VM \\x1B]0;pwned\\x07 one\\x9B → VM\\ntwo\\u2028three\n"));

  g_unlink (path);
  g_rmdir (dir);
}

/* --fail-under takes a ratio from 0 to 1 and nothing else: -1 once turned the gate off. */
static void
test_fail_under_range (void)
{
  g_autofree char *sample = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  const char *bad[] = { "-1", "1.5", "abc", "", "0.5x", "nan", "1e400" };
  const char *good[] = { "0", "1", "0.25" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *joined = g_strdup_printf ("--fail-under=%s", bad[i]);
      const char *split_args[] = { "analyze", sample, "--fail-under", bad[i], NULL };
      const char *joined_args[] = { "analyze", sample, joined, NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *err2 = NULL;

      g_assert_cmpint (bw_test_run_bulwark (split_args, &out, &err), ==, 2);
      g_assert_true (g_str_has_prefix (err, "bulwark: --fail-under: "));
      g_assert_nonnull (strstr (err, "0 to 1"));
      g_assert_cmpuint (strlen (strchr (err, '\n')), ==, 1);
      g_assert_cmpstr (out, ==, "");
      /* --fail-under=-1 as well as --fail-under -1 (a few suffice: the parsing is shared). */
      if (i < 2)
        {
          g_assert_cmpint (bw_test_run_bulwark (joined_args, NULL, &err2), ==, 2);
          g_assert_true (g_str_has_prefix (err2, "bulwark: --fail-under: "));
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      const char *args[] = { "analyze", sample, "--fail-under", good[i], NULL };
      int status = bw_test_run_bulwark (args, NULL, NULL);

      /* The sample is neither fully covered nor bare. */
      g_assert_cmpint (status, ==, g_str_equal (good[i], "1") ? 1 : 0);
    }
}

/* A report that does not reach standard output is a failure (exit 2, one line), never exit 0. */
static void
test_stdout_full (void)
{
  g_autofree char *sample = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  const char *const commands[][8] = {
    { "analyze", sample, "--format", "json", NULL },
    { "analyze", sample, NULL },
    { "analyze", sample, "--format", "markdown", NULL },
    { "recommend", sample, NULL },
    { "recommend", sample, "--format", "json", NULL },
    { "tiers", sample, NULL },
    { "tiers", sample, "--format", "json", NULL },
    { "paths", sample, "--from", "n1", "--format", "json", NULL },
    { "validate", sample, NULL },
    { "normalize", sample, "-o", "-", NULL },
    { "catalog", NULL },
    { "catalog", "--format", "json", NULL },
    { "help", NULL },
  };

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(GSubprocessLauncher)
          launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *err = NULL;

      g_ptr_array_add (argv, (gpointer) bw_test_bulwark ());
      for (guint k = 0; commands[i][k] != NULL; k++)
        g_ptr_array_add (argv, (gpointer) commands[i][k]);
      g_ptr_array_add (argv, NULL);
      g_subprocess_launcher_set_stdout_file_path (launcher, "/dev/full");
      process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error));
      g_assert_no_error (error);
      if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 2)
        g_error ("%s to /dev/full: exit %d, stderr: %s", commands[i][0],
                 g_subprocess_get_exit_status (process), err);
      g_assert_true (g_str_has_prefix (err, "bulwark: standard output: the output could not be written"));
      g_assert_cmpuint (strlen (strchr (err, '\n')), ==, 1);
    }
}

/* Parses with json-glib and with python3 -m json.tool (which refuses raw control characters). */
static JsonNode *
parse_strictly (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "python3", "-m", "json.tool", path, NULL };
  int status;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                               &err, &status, NULL));
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("python3 -m json.tool %s: %s", path, err);
  return json_node_copy (json_parser_get_root (parser));
}

/* Names from a bundle or a user catalog with every control character (U+0001–U+001F) give
 * valid JSON from import-stix's attack.json and from `catalog --format json`. */
static void
test_json_control_characters (void)
{
  g_autofree char *tiny = bw_test_source_path ("tests/fixtures/stix/tiny-2.0.json");
  g_autofree char *shipped = bw_test_source_path ("data/catalog/attack.json");
  g_autofree char *bundle_text = bw_test_read_file (tiny, NULL);
  g_autofree char *attack_text = bw_test_read_file (shipped, NULL);
  g_autofree char *dir = g_dir_make_tmp ("bulwark-test-XXXXXX", NULL);
  g_autofree char *bundle = g_build_filename (dir, "bundle.json", NULL);
  g_autofree char *written = g_build_filename (dir, "attack.json", NULL);
  g_autofree char *data_home = g_build_filename (dir, "data", NULL);
  g_autofree char *user_dir = g_build_filename (data_home, "bulwark", "catalog", NULL);
  g_autofree char *user_attack = g_build_filename (user_dir, "attack.json", NULL);
  g_autofree char *listing = g_build_filename (dir, "catalog.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *old_home = g_strdup (g_getenv ("XDG_DATA_HOME"));
  g_autoptr(GString) escaped = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new ("Phishing ");
  g_autoptr(GString) edited = NULL;
  g_autoptr(JsonNode) root = NULL;
  const char *stix_args[] = { "import-stix", bundle, "--catalog-out", written, NULL };
  const char *catalog_args[] = { "catalog", "--format", "json", NULL };
  JsonArray *techniques;
  gboolean found = FALSE;

  for (int c = 1; c < 0x20; c++)
    {
      g_string_append_printf (escaped, "\\u%04x", c);
      g_string_append_c (expected, (char) c);
    }

  /* import-stix writes the name of T1566 as given. */
  edited = g_string_new (bundle_text);
  {
    g_autofree char *name = g_strdup_printf ("\"name\": \"Phishing %s\"", escaped->str);

    g_assert_cmpuint (g_string_replace (edited, "\"name\": \"Phishing\"", name, 1), ==, 1);
  }
  g_assert_true (g_file_set_contents (bundle, edited->str, edited->len, NULL));
  g_assert_cmpint (bw_test_run_bulwark (stix_args, NULL, NULL), ==, 0);
  root = parse_strictly (written);
  techniques = json_object_get_array_member (json_node_get_object (root), "techniques");
  for (guint i = 0; i < json_array_get_length (techniques); i++)
    {
      JsonObject *t = json_array_get_object_element (techniques, i);

      if (g_str_equal (json_object_get_string_member (t, "id"), "T1566"))
        {
          g_assert_cmpstr (json_object_get_string_member (t, "name"), ==, expected->str);
          found = TRUE;
        }
    }
  g_assert_true (found);
  g_clear_pointer (&root, json_node_unref);

  /* The catalog command lists a user catalog whose technique names hold them. */
  g_string_assign (edited, attack_text);
  {
    g_autofree char *name = g_strdup_printf ("\"name\" : \"Phishing %s\"", escaped->str);

    g_assert_cmpuint (g_string_replace (edited, "\"name\" : \"Phishing\"", name, 1), ==, 1);
  }
  g_assert_cmpint (g_mkdir_with_parents (user_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (user_attack, edited->str, edited->len, NULL));
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_assert_cmpint (bw_test_run_bulwark (catalog_args, &out, NULL), ==, 0);
  if (old_home != NULL)
    g_setenv ("XDG_DATA_HOME", old_home, TRUE);
  else
    g_unsetenv ("XDG_DATA_HOME");
  g_assert_true (g_file_set_contents (listing, out, -1, NULL));
  root = parse_strictly (listing);
  g_assert_nonnull (strstr (out, "Phishing \\u0001"));
  g_assert_nonnull (strstr (out, "\\u001f"));

  g_unlink (bundle);
  g_unlink (written);
  g_unlink (listing);
  g_unlink (user_attack);
  g_rmdir (user_dir);
  {
    g_autofree char *bulwark_dir = g_path_get_dirname (user_dir);

    g_rmdir (bulwark_dir);
  }
  g_rmdir (data_home);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/analyze/golden-report", test_golden_report);
  g_test_add_func ("/cli/analyze/report-shape", test_report_shape);
  g_test_add_func ("/cli/analyze/text-and-markdown", test_text_and_markdown);
  g_test_add_func ("/cli/analyze/fail-under", test_fail_under);
  g_test_add_func ("/cli/analyze/fail-on-unprotected", test_fail_on_unprotected);
  g_test_add_func ("/cli/export", test_export);
  g_test_add_func ("/cli/analyze/threat-layer", test_threat_layer);
  g_test_add_func ("/cli/untrusted-text", test_untrusted_text);
  g_test_add_func ("/cli/analyze/fail-under-range", test_fail_under_range);
  g_test_add_func ("/cli/stdout-full", test_stdout_full);
  g_test_add_func ("/cli/json-control-characters", test_json_control_characters);
  return g_test_run ();
}
