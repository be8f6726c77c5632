/* test-document-io.c: the project file format — canonical round trips, a corpus of malformed
 * files each refused with the place named, atomic saves that never harm the previous file,
 * the version check and migration, and unknown props kept. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bw-document-io.h"
#include "bw-document-private.h"
#include "bw-file.h"
#include "bw-json-reader.h"
#include "bw-test-util.h"

static GPtrArray *
list_fixtures (const char *dir_name)
{
  g_autofree char *dir_path = bw_test_source_path (dir_name);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".bulwark"))
      g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));
  return paths;
}

static void
test_round_trip (void)
{
  g_autoptr(GPtrArray) paths = list_fixtures ("tests/fixtures/good");
  g_autofree char *sample = bw_test_source_path ("data/samples/reference-architecture.bulwark");

  g_ptr_array_add (paths, g_strdup (sample));
  g_assert_cmpuint (paths->len, >=, 5);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      gsize length;
      g_autofree char *original = bw_test_read_file (path, &length);
      g_autoptr(GError) error = NULL;
      g_autoptr(BwDocument) doc = bw_document_load_from_data (original, length, &error);
      g_autofree char *saved = NULL;
      g_autofree char *saved_again = NULL;
      g_autoptr(BwDocument) again = NULL;
      gsize saved_length;

      g_test_message ("%s", path);
      g_assert_no_error (error);
      saved = bw_document_to_data (doc, &saved_length);
      /* load → save gives the same bytes */
      g_assert_cmpstr (saved, ==, original);
      g_assert_cmpuint (saved_length, ==, length);
      /* save → load → save is stable */
      again = bw_document_load_from_data (saved, saved_length, &error);
      g_assert_no_error (error);
      saved_again = bw_document_to_data (again, NULL);
      g_assert_cmpstr (saved_again, ==, saved);
    }
}

static void
test_canonical_form (void)
{
  /* Keys in any order, compact layout, extra top-level keys: saving gives the canonical bytes. */
  const char *messy = "{\"edges\":[],\"nodes\":[{\"props\":{},\"y\":2.50,\"x\":1.0,\"zone\":null,"
                      "\"label\":\"A\",\"kind\":\"azure.vm\",\"id\":\"n1\"}],\"zones\":[],"
                      "\"version\":1,\"format\":\"bulwark\",\"x-extra\":true}";
  g_autoptr(GError) error = NULL;
  g_autoptr(BwDocument) doc = bw_document_load_from_data (messy, -1, &error);
  g_autofree char *saved = NULL;

  g_assert_no_error (error);
  saved = bw_document_to_data (doc, NULL);
  g_assert_cmpstr (saved, ==,
                   "{\n"
                   "  \"format\": \"bulwark\",\n"
                   "  \"version\": 1,\n"
                   "  \"title\": \"\",\n"
                   "  \"catalog\": {\n"
                   "    \"attack\": \"18.1\"\n"
                   "  },\n"
                   "  \"settings\": {\n"
                   "    \"gap_threshold\": 0.25,\n"
                   "    \"threat_groups\": []\n"
                   "  },\n"
                   "  \"zones\": [],\n"
                   "  \"nodes\": [\n"
                   "    {\n"
                   "      \"id\": \"n1\",\n"
                   "      \"kind\": \"azure.vm\",\n"
                   "      \"label\": \"A\",\n"
                   "      \"zone\": null,\n"
                   "      \"x\": 1,\n"
                   "      \"y\": 2.5,\n"
                   "      \"props\": {}\n"
                   "    }\n"
                   "  ],\n"
                   "  \"edges\": []\n"
                   "}\n");
}

static void
test_unknown_props_kept (void)
{
  g_autofree char *path = bw_test_source_path ("tests/fixtures/good/unknown-props.bulwark");
  g_autoptr(GError) error = NULL;
  g_autoptr(BwDocument) doc = bw_document_load_from_file (path, &error);
  const BwNode *node;
  JsonObject *notes;

  g_assert_no_error (error);
  node = bw_document_lookup_node (doc, "n1");
  g_assert_cmpstr (json_object_get_string_member (node->props, "x-owner"), ==, "SecOps");
  notes = json_object_get_object_member (node->props, "x-notes");
  g_assert_cmpint (json_object_get_int_member (notes, "ticket"), ==, 1234);
  g_assert_true (json_object_get_null_member (notes, "none"));
}

static void
test_malformed_corpus (void)
{
  g_autofree char *expected_path = bw_test_source_path ("tests/fixtures/bad/EXPECTED");
  g_autofree char *expected = bw_test_read_file (expected_path, NULL);
  g_auto(GStrv) lines = g_strsplit (expected, "\n", -1);
  guint checked = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = NULL;
      g_autofree char *rel = NULL;
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(BwDocument) doc = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      parts = g_strsplit (lines[i], "\t", 2);
      g_assert_nonnull (parts[1]);
      rel = g_build_filename ("tests/fixtures/bad", parts[0], NULL);
      path = bw_test_source_path (rel);
      doc = bw_document_load_from_file (path, &error);
      g_test_message ("%s → %s", parts[0], error ? error->message : "(loaded!)");
      g_assert_null (doc);
      g_assert_error (error, BW_DOCUMENT_ERROR, error->code);
      if (strstr (error->message, parts[1]) == NULL)
        g_error ("%s: message “%s” does not contain “%s”", parts[0], error->message, parts[1]);
      checked++;
    }
  g_assert_cmpuint (checked, >=, 30);
}


static void
test_json_reader (void)
{
  /* Escapes, \u escapes with a surrogate pair, numbers in every JSON shape, nested props in
   * their order, duplicate members (the last wins, as in json-glib and python). */
  const char *text =
    "{\"format\":\"bulwark\",\"version\":1,\"title\":\"a\\\"b\\\\c\\/d\\n\\t\\u00e9\\ud83d\\udee1\","
    "\"title\":\"Last \\u2014 wins\\u0001\","
    "\"nodes\":[{\"id\":\"n1\",\"kind\":\"azure.vm\",\"label\":\"caf\u00e9\",\"x\":-0.0,\"y\":1.5e2,"
    "\"props\":{\"z-last\":[1,-2,3.25,1e-3,12345678901234567890,true,false,null,{}],"
    "\"a-first\":{\"deep\":{\"deeper\":[[]]}},\"text\":\"\\\"q\\\"\"}}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(BwDocument) doc = bw_document_load_from_data (text, -1, &error);
  const BwNode *node;
  JsonArray *list;
  g_autoptr(GList) members = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *again = NULL;
  g_autoptr(BwDocument) reloaded = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (bw_document_get_title (doc), ==, "Last \u2014 wins\x01");
  node = bw_document_lookup_node (doc, "n1");
  g_assert_cmpstr (node->label, ==, "café");
  g_assert_cmpfloat (node->x, ==, 0);
  g_assert_cmpfloat (node->y, ==, 150);
  members = json_object_get_members (node->props);
  g_assert_cmpstr (members->data, ==, "z-last");
  g_assert_cmpstr (members->next->data, ==, "a-first");
  list = json_object_get_array_member (node->props, "z-last");
  g_assert_cmpint (json_array_get_int_element (list, 1), ==, -2);
  g_assert_cmpfloat (json_array_get_double_element (list, 2), ==, 3.25);
  g_assert_cmpfloat (json_array_get_double_element (list, 3), ==, 1e-3);
  g_assert_cmpfloat (json_array_get_double_element (list, 4), ==, 12345678901234567890.0);
  g_assert_true (json_array_get_boolean_element (list, 5));
  g_assert_true (json_array_get_null_element (list, 7));
  g_assert_cmpstr (json_object_get_string_member (node->props, "text"), ==, "\"q\"");

  /* What was read saves and reads back to the same bytes. */
  saved = bw_document_to_data (doc, NULL);
  g_assert_nonnull (strstr (saved, "\"title\": \"Last — wins\\u0001\""));
  reloaded = bw_document_load_from_data (saved, -1, &error);
  g_assert_no_error (error);
  again = bw_document_to_data (reloaded, NULL);
  g_assert_cmpstr (again, ==, saved);

  {
    /* The first title, with every escape, reads back exactly. */
    const char *first = "{\"format\":\"bulwark\",\"version\":1,"
                        "\"title\":\"a\\\"b\\\\c\\/d\\n\\t\\u00e9\\ud83d\\udee1\"}";
    g_autoptr(BwDocument) escaped = bw_document_load_from_data (first, -1, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (bw_document_get_title (escaped), ==, "a\"b\\c/d\n\té\xf0\x9f\x9b\xa1");
  }
}

static void
test_json_reader_bounds (void)
{
  /* Only `length` bytes are read: what follows in memory is not part of the file. */
  const char *text = "{\"format\":\"bulwark\",\"version\":1,\"title\":\"12\"}4567";
  const char *cut[] = { "{", "{\"format\"", "{\"format\":\"bulw", "{\"format\":\"bulwark\",\"version\":1",
                        "{\"format\":\"bulwark\",\"version\":-", "[1e", "\"\\u12", "\"\\ud83d\\u", "tru",
                        "{\"a\":1,", "[1,]", "{\"a\" 1}", "-", "01", "1.", ".5", "+1", "[1 2]", "nul", "\"a", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(BwDocument) doc = bw_document_load_from_data (text, strlen (text) - 4, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (bw_document_get_title (doc), ==, "12");
  for (guint i = 0; cut[i] != NULL; i++)
    {
      g_autoptr(GError) cut_error = NULL;
      g_autoptr(BwDocument) none = bw_document_load_from_data (cut[i], -1, &cut_error);

      g_test_message ("%s → %s", cut[i], cut_error ? cut_error->message : "(loaded!)");
      g_assert_null (none);
      g_assert_error (cut_error, BW_DOCUMENT_ERROR, BW_DOCUMENT_ERROR_PARSE);
      g_assert_true (g_str_has_prefix (cut_error->message, "line 1, column "));
    }
}

static void
test_too_large (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bulwark-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.bulwark", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BwDocument) doc = NULL;
  int fd = g_open (path, O_CREAT | O_WRONLY, 0644);

  /* A sparse 2 GiB file: refused from its size, before anything is read. */
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 2 << 30), ==, 0);
  close (fd);
  doc = bw_document_load_from_file (path, &error);
  g_assert_null (doc);
  g_assert_error (error, BW_DOCUMENT_ERROR, BW_DOCUMENT_ERROR_TOO_LARGE);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_version_and_migration (void)
{
  const char *v0 = "{\"format\":\"bulwark\",\"version\":0,\"nodes\":["
                   "{\"id\":\"n1\",\"kind\":\"azure.vm\",\"x\":0,\"y\":0},"
                   "{\"id\":\"n2\",\"kind\":\"azure.vm\",\"x\":0,\"y\":0}],"
                   "\"edges\":[{\"id\":\"e1\",\"type\":\"flow\",\"from\":\"n1\",\"to\":\"n2\"}]}";
  const char *v2 = "{\"format\":\"bulwark\",\"version\":2}";
  g_autoptr(GError) error = NULL;
  g_autoptr(BwDocument) doc = bw_document_load_from_data (v0, -1, &error);
  g_autoptr(BwDocument) newer = NULL;
  g_autofree char *saved = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (bw_document_get_edge (doc, 0)->kind, ==, BW_EDGE_FLOW);
  saved = bw_document_to_data (doc, NULL);
  g_assert_nonnull (strstr (saved, "\"version\": 1,"));
  g_assert_nonnull (strstr (saved, "\"kind\": \"flow\""));

  newer = bw_document_load_from_data (v2, -1, &error);
  g_assert_null (newer);
  g_assert_error (error, BW_DOCUMENT_ERROR, BW_DOCUMENT_ERROR_VERSION);
}

static char *
make_target (char **out_dir)
{
  g_autofree char *good = bw_test_source_path ("tests/fixtures/good/nested-zones.bulwark");
  g_autofree char *contents = bw_test_read_file (good, NULL);
  char *dir = g_dir_make_tmp ("bulwark-test-XXXXXX", NULL);
  char *path = g_build_filename (dir, "estate.bulwark", NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  *out_dir = dir;
  return path;
}

static guint
count_entries (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_atomic_save_bad_directory (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_target (&dir);
  g_autofree char *before = bw_test_read_file (path, NULL);
  g_autoptr(BwDocument) doc = bw_document_load_from_file (path, NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-dir", "estate.bulwark", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  g_assert_nonnull (doc);
  g_assert_false (bw_document_save_to_file (doc, missing, &error));
  g_assert_nonnull (error);
  after = bw_test_read_file (path, NULL);
  g_assert_cmpstr (after, ==, before);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_atomic_save_write_fails_midway (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_target (&dir);
  g_autofree char *before = bw_test_read_file (path, NULL);
  g_autofree char *after = NULL;
  int status;
  pid_t pid;

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      /* A real mid-write failure, as a full disk gives: files may not grow past 512 bytes.
       * (Permissions cannot simulate it: tests run as root.) */
      g_autoptr(BwDocument) doc = bw_document_load_from_file (path, NULL);
      struct rlimit limit = { 512, 512 };
      g_autoptr(GError) error = NULL;

      signal (SIGXFSZ, SIG_IGN);
      for (int i = 0; i < 50; i++)
        {
          g_autofree char *label = g_strdup_printf ("A much longer label %d to make the file grow", i);

          bw_document_add_node (doc, NULL, "azure.vm", label, NULL, i, i, NULL, NULL);
        }
      setrlimit (RLIMIT_FSIZE, &limit);
      _exit (bw_document_save_to_file (doc, path, &error) ? 0 : 3);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 3);

  after = bw_test_read_file (path, NULL);
  g_assert_cmpstr (after, ==, before);
  /* No half-written temporary file is left beside it. */
  g_assert_cmpuint (count_entries (dir), ==, 1);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_save_then_load (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_target (&dir);
  g_autoptr(BwDocument) doc = bw_document_load_from_file (path, NULL);
  g_autoptr(BwDocument) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (bw_document_add_node (doc, NULL, "azure.storage", "New", "z1", 5, 5, NULL, &error));
  g_assert_true (bw_document_save_to_file (doc, path, &error));
  g_assert_no_error (error);
  again = bw_document_load_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bw_document_get_n_nodes (again), ==, bw_document_get_n_nodes (doc));
  g_assert_nonnull (bw_document_lookup_node (again, "n5"));
  g_unlink (path);
  g_rmdir (dir);
}

/* A chain of zones, deepest first; `cycle` makes the outermost zone's parent the deepest. */
static char *
zone_chain (guint    depth,
            gboolean cycle)
{
  GString *out = g_string_new ("{\"format\":\"bulwark\",\"version\":1,\"zones\":[");

  for (guint i = depth; i-- > 0;)
    {
      g_string_append_printf (out, "{\"id\":\"z%u\",\"kind\":\"zone.subnet\",", i);
      if (i > 0 || cycle)
        g_string_append_printf (out, "\"parent\":\"z%u\",", i > 0 ? i - 1 : depth - 1);
      g_string_append (out, "\"x\":0,\"y\":0,\"w\":10,\"h\":10}");
      g_string_append (out, i > 0 ? "," : "");
    }
  g_string_append (out, "]}");
  return g_string_free (out, FALSE);
}

static void
test_deep_zone_chain (void)
{
  g_autofree char *text = zone_chain (100000, FALSE);
  g_autofree char *loop = zone_chain (1000, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(BwDocument) doc = NULL;
  gint64 start = g_get_monotonic_time ();
  double seconds;

  /* 100,000 nested zones took minutes when each zone walked the chain above it. */
  doc = bw_document_load_from_data (text, -1, &error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("100,000 nested zones: %.2f s", seconds);
  g_assert_no_error (error);
  g_assert_cmpuint (bw_document_get_n_zones (doc), ==, 100000);
  g_assert_cmpstr (bw_document_lookup_zone (doc, "z99999")->parent, ==, "z99998");
  g_assert_null (bw_document_lookup_zone (doc, "z0")->parent);
  g_assert_true (bw_document_zone_is_within (doc, "z99999", "z0"));
  g_assert_cmpfloat (seconds, <, 60);
  g_clear_object (&doc);

  /* The same chain closed into a loop: found, at the zone whose parent closes it (the last in
   * the file, z0, which came first in the old zone-by-zone walk too). */
  doc = bw_document_load_from_data (loop, -1, &error);
  g_assert_null (doc);
  g_assert_error (error, BW_DOCUMENT_ERROR, BW_DOCUMENT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "zones[999].parent: cycle through \"z999\"");
}

static mode_t
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  return st.st_mode;
}

/* Everything a save may leave behind goes with the directory. */

static void
test_save_keeps_mode_and_owner (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_target (&dir);
  g_autofree char *fresh = g_build_filename (dir, "fresh.bulwark", NULL);
  g_autoptr(BwDocument) doc = bw_document_load_from_file (path, NULL);
  g_autoptr(GError) error = NULL;
  mode_t old_umask;
  GStatBuf st;

  /* A private project stays private: it became 0644 when saves used a fixed mode. */
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_true (bw_document_save_to_file (doc, path, &error));
  g_assert_no_error (error);
  g_assert_cmphex (mode_of (path) & 07777, ==, 0600);

  /* Bits the umask would take away are kept too: the file's mode, not the process's. */
  old_umask = umask (022);
  g_assert_cmpint (g_chmod (path, 0664), ==, 0);
  g_assert_true (bw_document_save_to_file (doc, path, &error));
  g_assert_cmphex (mode_of (path) & 07777, ==, 0664);

  /* A new file follows the umask. */
  umask (027);
  g_assert_true (bw_document_save_to_file (doc, fresh, &error));
  g_assert_cmphex (mode_of (fresh) & 07777, ==, 0640);
  umask (old_umask);

  /* As root, the owner and group stay those of the file, not the saver's. */
  if (geteuid () == 0)
    {
      g_assert_cmpint (chown (path, 4321, 4322), ==, 0);
      g_assert_true (bw_document_save_to_file (doc, path, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_uid, ==, 4321);
      g_assert_cmpint (st.st_gid, ==, 4322);
    }
  else
    g_test_message ("not root: the owner check is skipped");
  g_assert_cmpuint (count_entries (dir), ==, 2);
  bw_test_remove_tree (dir);
}

static void
test_save_through_symlink (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_target (&dir);
  g_autofree char *sub = g_build_filename (dir, "links", NULL);
  g_autofree char *inner = g_build_filename (sub, "estate-link.bulwark", NULL);
  g_autofree char *chain = g_build_filename (dir, "chain.bulwark", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling.bulwark", NULL);
  g_autofree char *made = g_build_filename (dir, "made-by-save.bulwark", NULL);
  g_autofree char *hard = g_build_filename (dir, "hard.bulwark", NULL);
  g_autofree char *before = bw_test_read_file (path, NULL);
  g_autoptr(BwDocument) doc = bw_document_load_from_file (path, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *hard_after = NULL;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  /* A relative link in another directory, and a link to that link. */
  g_assert_cmpint (symlink ("../estate.bulwark", inner), ==, 0);
  g_assert_cmpint (symlink ("links/estate-link.bulwark", chain), ==, 0);
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  bw_document_set_title (doc, "Saved through two links");
  expected = bw_document_to_data (doc, NULL);

  g_assert_true (bw_document_save_to_file (doc, chain, &error));
  g_assert_no_error (error);
  g_assert_true (S_ISLNK (mode_of (chain)));
  g_assert_true (S_ISLNK (mode_of (inner)));
  g_assert_cmphex (mode_of (path) & 07777, ==, 0640);
  saved = bw_test_read_file (path, NULL);
  g_assert_cmpstr (saved, ==, expected);
  /* The temporary file went beside the target, and nothing is left of it. */
  g_assert_cmpuint (count_entries (sub), ==, 1);

  /* A dangling link: its target is created, the link kept. */
  g_assert_cmpint (symlink ("made-by-save.bulwark", dangling), ==, 0);
  g_assert_true (bw_document_save_to_file (doc, dangling, &error));
  g_assert_true (S_ISLNK (mode_of (dangling)));
  g_assert_true (S_ISREG (mode_of (made)));

  /* A hard link is detached, as by every safe save (the help says so): the other name keeps
   * the previous contents. */
  g_clear_pointer (&saved, g_free);
  g_assert_true (g_file_set_contents (path, before, -1, NULL));
  g_assert_cmpint (link (path, hard), ==, 0);
  g_assert_true (bw_document_save_to_file (doc, path, &error));
  hard_after = bw_test_read_file (hard, NULL);
  g_assert_cmpstr (hard_after, ==, before);
  bw_test_remove_tree (dir);
}

static void
test_save_to_special_files (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_target (&dir);
  g_autofree char *fifo = g_build_filename (dir, "pipe", NULL);
  g_autofree char *full = g_build_filename (dir, "full", NULL);
  g_autofree char *block = g_build_filename (dir, "block", NULL);
  g_autofree char *sock_path = g_build_filename (dir, "socket", NULL);
  g_autoptr(BwDocument) doc = bw_document_load_from_file (path, NULL);
  g_autoptr(GError) error = NULL;
  const char *data = "{\"small\": true}\n";
  char buffer[64] = { 0 };
  struct sockaddr_un address = { .sun_family = AF_UNIX };
  int reader;
  int sock;

  /* A FIFO is written, not replaced: open its reading end first so the write does not wait. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  reader = g_open (fifo, O_RDONLY | O_NONBLOCK, 0);
  g_assert_cmpint (reader, >=, 0);
  g_assert_true (bw_file_write_atomic (fifo, data, strlen (data), &error));
  g_assert_no_error (error);
  g_assert_cmpint (read (reader, buffer, sizeof buffer - 1), ==, strlen (data));
  g_assert_cmpstr (buffer, ==, data);
  close (reader);
  g_assert_true (S_ISFIFO (mode_of (fifo)));

  /* A directory is refused. */
  g_assert_false (bw_document_save_to_file (doc, dir, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
  g_assert_nonnull (strstr (error->message, "is a directory"));
  g_clear_error (&error);

  /* A socket is refused. */
  g_strlcpy (address.sun_path, sock_path, sizeof address.sun_path);
  sock = socket (AF_UNIX, SOCK_STREAM, 0);
  g_assert_cmpint (bind (sock, (struct sockaddr *) &address, sizeof address), ==, 0);
  g_assert_false (bw_document_save_to_file (doc, sock_path, &error));
  g_assert_nonnull (strstr (error->message, "is a socket"));
  g_clear_error (&error);
  close (sock);
  g_assert_true (S_ISSOCK (mode_of (sock_path)));

  /* Devices, made here rather than touching the system's /dev (as root a bad save would
   * replace them): a copy of /dev/full is written to and its ENOSPC reported; a block device
   * is refused and left alone. */
  if (mknod (full, S_IFCHR | 0666, makedev (1, 7)) == 0)
    {
      g_assert_cmpint (mknod (block, S_IFBLK | 0600, makedev (7, 0)), ==, 0);
      g_assert_false (bw_document_save_to_file (doc, full, &error));
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC);
      g_clear_error (&error);
      g_assert_true (S_ISCHR (mode_of (full)));
      g_assert_false (bw_document_save_to_file (doc, block, &error));
      g_assert_nonnull (strstr (error->message, "is a block device"));
      g_clear_error (&error);
      g_assert_true (S_ISBLK (mode_of (block)));
    }
  else
    {
      g_test_message ("cannot make devices (not root): /dev/full itself is written to");
      g_assert_false (bw_document_save_to_file (doc, "/dev/full", &error));
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC);
      g_clear_error (&error);
    }
  g_assert_true (S_ISCHR (mode_of ("/dev/full")));
  bw_test_remove_tree (dir);
}

static void
test_read_refuses_special_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bulwark-test-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.bulwark", NULL);
  g_autofree char *big = g_build_filename (dir, "big.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  gint64 start = g_get_monotonic_time ();

  /* A FIFO nobody writes to would block the reader for ever; it is refused at once. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_null (bw_document_load_from_file (fifo, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_assert_nonnull (strstr (error->message, "is a named pipe, not a regular file"));
  g_clear_error (&error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);

  /* /dev/zero never ends: refused before a byte is read. */
  g_assert_false (bw_file_get_contents ("/dev/zero", &contents, &length, &error));
  g_assert_nonnull (strstr (error->message, "is a character device"));
  g_clear_error (&error);
  g_assert_false (bw_file_get_contents (dir, &contents, &length, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
  g_clear_error (&error);
  g_assert_false (bw_file_get_contents (fifo, &contents, &length, &error));
  g_clear_error (&error);

  /* The cap is exact: a file of the cap's size reads, one byte more does not. */
  g_assert_true (g_file_set_contents (big, "0123456789", 10, NULL));
  g_assert_true (bw_file_get_contents_max (big, 10, &contents, &length, &error));
  g_assert_cmpuint (length, ==, 10);
  g_assert_cmpstr (contents, ==, "0123456789");
  g_clear_pointer (&contents, g_free);
  g_assert_false (bw_file_get_contents_max (big, 9, &contents, &length, &error));
  g_assert_nonnull (strstr (error->message, "is larger than 9 bytes"));
  g_assert_null (contents);
  g_clear_error (&error);

  /* A file that says it is empty but is not (as /proc files do) is still read, and capped. */
  g_assert_true (bw_file_get_contents_max ("/proc/self/status", 1 << 20, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 0);
  g_assert_nonnull (strstr (contents, "Name:"));
  g_clear_pointer (&contents, g_free);
  g_assert_false (bw_file_get_contents_max ("/proc/self/status", 16, &contents, &length, &error));
  g_clear_error (&error);
  bw_test_remove_tree (dir);
}

static void
test_unknown_numbers_kept (void)
{
  g_autofree char *path = bw_test_source_path ("tests/fixtures/good/unknown-numbers.bulwark");
  g_autofree char *original = bw_test_read_file (path, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BwDocument) doc = bw_document_load_from_data (original, -1, &error);
  g_autoptr(BwDocument) copy = NULL;
  g_autoptr(JsonObject) props = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *edited = NULL;
  JsonObject *measures;

  g_assert_no_error (error);
  measures = json_object_get_object_member (bw_document_lookup_node (doc, "n1")->props, "x-measures");
  /* 19-digit whole numbers are exact, not rounded through a double. */
  g_assert_cmpint (json_object_get_int_member (measures, "int64-max"), ==, G_MAXINT64);
  g_assert_cmpint (json_object_get_int_member (measures, "int64-min"), ==, G_MININT64);
  g_assert_cmpint (json_object_get_int_member (measures, "id-19-digits"), ==, 1234567890123456789);

  /* The copy the window works on keeps them too. */
  copy = bw_document_copy (doc);
  copied = bw_document_to_data (copy, NULL);
  g_assert_cmpstr (copied, ==, original);

  /* A number changed since it was read is written in canonical form; the others stay. */
  props = bw_json_object_copy (bw_document_lookup_node (doc, "n1")->props);
  json_object_set_double_member (json_object_get_object_member (props, "x-measures"), "huge", 2.5);
  g_assert_true (bw_document_set_props (doc, "n1", props, &error));
  edited = bw_document_to_data (doc, NULL);
  g_assert_nonnull (strstr (edited, "\"huge\": 2.5,\n"));
  g_assert_nonnull (strstr (edited, "\"tiny\": -1e-400,\n"));
  g_assert_nonnull (strstr (edited, "\"serial\": 12345678901234567890123,\n"));
  g_assert_nonnull (strstr (edited, "            1.50,\n"));
}

/* A copy is made record by record: it saves to the same bytes, and an edit to either side
 * leaves the other as it was. */
static void
test_copy (void)
{
  const char *const files[] = { "data/samples/reference-architecture.bulwark",
                                "tests/fixtures/good/unknown-props.bulwark",
                                "tests/fixtures/good/unknown-numbers.bulwark",
                                "tests/fixtures/good/threat-focus.bulwark",
                                "tests/fixtures/good/nested-zones.bulwark",
                                "tests/fixtures/good/empty.bulwark" };

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autofree char *path = bw_test_source_path (files[f]);
      g_autofree char *original = bw_test_read_file (path, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(BwDocument) doc = bw_document_load_from_data (original, -1, &error);
      g_autoptr(BwDocument) copy = NULL;
      g_autofree char *saved = NULL;
      g_autofree char *copied = NULL;
      g_autofree char *after = NULL;

      g_assert_no_error (error);
      saved = bw_document_to_data (doc, NULL);
      copy = bw_document_copy (doc);
      copied = bw_document_to_data (copy, NULL);
      g_assert_cmpstr (copied, ==, saved);

      for (guint i = 0; i < bw_document_get_n_nodes (doc); i++)
        {
          const BwNode *a = bw_document_get_node (doc, i);
          const BwNode *b = bw_document_get_node (copy, i);

          g_assert_true (a != b && a->props != b->props);
        }

      /* Editing the copy leaves the original alone. */
      if (bw_document_get_n_nodes (copy) > 0)
        {
          const BwNode *node = bw_document_get_node (copy, 0);
          g_autofree char *id = g_strdup (node->id);
          g_autoptr(JsonObject) props = bw_json_object_copy (node->props);

          json_object_set_string_member (props, "x-edited", "yes");
          g_assert_true (bw_document_set_props (copy, id, props, &error));
          g_assert_true (bw_document_set_label (copy, id, "Edited", &error));
          g_assert_true (bw_document_set_geometry (copy, id, 1, 2, 0, 0, &error));
          g_assert_no_error (error);
        }
      if (bw_document_get_n_edges (copy) > 0)
        {
          g_autofree char *id = g_strdup (bw_document_get_edge (copy, 0)->id);

          g_assert_true (bw_document_remove (copy, id, &error));
          g_assert_no_error (error);
        }
      bw_document_set_title (copy, "Another title");
      after = bw_document_to_data (doc, NULL);
      g_assert_cmpstr (after, ==, saved);

      /* And editing the original leaves the copy alone. */
      g_clear_pointer (&copied, g_free);
      copied = bw_document_to_data (copy, NULL);
      bw_document_set_title (doc, "Changed again");
      if (bw_document_get_n_zones (doc) > 0)
        {
          g_autofree char *id = g_strdup (bw_document_get_zone (doc, 0)->id);

          g_assert_true (bw_document_set_label (doc, id, "Zone edited", &error));
          g_assert_no_error (error);
        }
      g_clear_pointer (&after, g_free);
      after = bw_document_to_data (copy, NULL);
      g_assert_cmpstr (after, ==, copied);
    }
}

/* The word-at-a-time UTF-8 check agrees with GLib's, on where it stops too: every bad
 * sequence and a NUL at each offset around the 8-byte words, amid ASCII and multi-byte text. */
static void
test_utf8_check (void)
{
  const char *pieces[] = { "é", "€", "😀", "\xff", "\xc3", "\xe2\x82", "\xed\xa0\x80", "\xc0\xaf",
                           "\xf4\x90\x80\x80", "\x80", "", "\0" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20);

  for (guint k = 0; k < G_N_ELEMENTS (pieces); k++)
    for (guint at = 0; at < 40; at++)
      for (guint round = 0; round < 4; round++)
        {
          g_autoptr(GString) text = g_string_new (NULL);
          gsize piece = k == G_N_ELEMENTS (pieces) - 1 ? 1 : strlen (pieces[k]);
          const char *bad_glib = NULL;
          const char *bad_ours = NULL;
          gboolean glib_ok;
          gboolean ours_ok;

          for (guint i = 0; i < at; i++)
            g_string_append (text, round == 1 && i % 5 == 0 ? "ü" : "a");
          g_string_append_len (text, pieces[k], piece);
          for (guint i = 0, n = g_rand_int_range (rand, 0, 30); i < n; i++)
            g_string_append (text, round == 2 && i % 3 == 0 ? "€" : "z");
          glib_ok = g_utf8_validate_len (text->str, text->len, &bad_glib);
          ours_ok = bw_json_utf8_validate (text->str, text->len, &bad_ours);
          g_assert_cmpint (ours_ok, ==, glib_ok);
          if (!glib_ok)
            g_assert_true (bad_ours == bad_glib);
        }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/document-io/round-trip", test_round_trip);
  g_test_add_func ("/document-io/utf8-check", test_utf8_check);
  g_test_add_func ("/document-io/canonical-form", test_canonical_form);
  g_test_add_func ("/document-io/unknown-props-kept", test_unknown_props_kept);
  g_test_add_func ("/document-io/unknown-numbers-kept", test_unknown_numbers_kept);
  g_test_add_func ("/document-io/malformed-corpus", test_malformed_corpus);
  g_test_add_func ("/document-io/json-reader", test_json_reader);
  g_test_add_func ("/document-io/json-reader-bounds", test_json_reader_bounds);
  g_test_add_func ("/document-io/too-large", test_too_large);
  g_test_add_func ("/document-io/version-and-migration", test_version_and_migration);
  g_test_add_func ("/document-io/atomic-save/bad-directory", test_atomic_save_bad_directory);
  g_test_add_func ("/document-io/atomic-save/write-fails-midway", test_atomic_save_write_fails_midway);
  g_test_add_func ("/document-io/save-then-load", test_save_then_load);
  g_test_add_func ("/document-io/copy", test_copy);
  g_test_add_func ("/document-io/deep-zone-chain", test_deep_zone_chain);
  g_test_add_func ("/document-io/save/keeps-mode-and-owner", test_save_keeps_mode_and_owner);
  g_test_add_func ("/document-io/save/through-symlink", test_save_through_symlink);
  g_test_add_func ("/document-io/save/special-files", test_save_to_special_files);
  g_test_add_func ("/document-io/read/refuses-special-files", test_read_refuses_special_files);
  return g_test_run ();
}
