/* test-cli-document.c: `bulwark validate` and `bulwark normalize` as a CI job runs them: exit
 * codes, one line on stderr naming the place, canonical output. */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <json-glib/json-glib.h>

#include "bw-document-io.h"
#include "bw-test-util.h"

static void
test_validate (void)
{
  g_autofree char *good = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  g_autofree char *bad = bw_test_source_path ("tests/fixtures/bad/23-node-zone-dangling.bulwark");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *ok_args[] = { "validate", good, NULL };
  const char *bad_args[] = { "validate", bad, NULL };
  const char *missing_args[] = { "validate", "/nonexistent/estate.bulwark", NULL };
  const char *usage_args[] = { "validate", NULL };

  g_assert_cmpint (bw_test_run_bulwark (ok_args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "valid (5 zones, 52 nodes, 66 edges)"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (bw_test_run_bulwark (bad_args, &out, &err), ==, 2);
  g_assert_true (g_str_has_prefix (err, "bulwark: "));
  g_assert_nonnull (strstr (err, "nodes[3].zone: no zone \"z9\""));
  /* exactly one line */
  g_assert_nonnull (strchr (err, '\n'));
  g_assert_cmpstr (strchr (err, '\n'), ==, "\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (bw_test_run_bulwark (missing_args, &out, &err), ==, 2);
  g_assert_cmpstr (strchr (err, '\n'), ==, "\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (bw_test_run_bulwark (usage_args, &out, &err), ==, 2);
}

static void
test_validate_unknown_kind (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bulwark-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "kinds.bulwark", NULL);
  g_autofree char *err = NULL;
  const char *args[] = { "validate", path, NULL };

  g_assert_true (g_file_set_contents (path,
                                      "{\"format\":\"bulwark\",\"version\":1,\"nodes\":[{\"id\":\"n1\","
                                      "\"kind\":\"azure.toaster\",\"x\":0,\"y\":0}]}",
                                      -1, NULL));
  g_assert_cmpint (bw_test_run_bulwark (args, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "nodes[0].kind: unknown kind “azure.toaster”"));
  g_unlink (path);
  g_rmdir (dir);
}

/* A platform override the release does not name is valid, with a warning that names it. */
static void
test_validate_unknown_platform (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bulwark-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "platforms.bulwark", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "validate", path, NULL };

  g_assert_true (g_file_set_contents (path,
                                      "{\"format\":\"bulwark\",\"version\":1,\"nodes\":[{\"id\":\"n1\","
                                      "\"kind\":\"onprem.windows-server\",\"x\":0,\"y\":0,"
                                      "\"props\":{\"platforms\":[\"Windows\",\"Windoze\"]}}]}",
                                      -1, NULL));
  g_assert_cmpint (bw_test_run_bulwark (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "valid (0 zones, 1 nodes, 0 edges)"));
  g_assert_nonnull (strstr (err, "warning: "));
  g_assert_nonnull (strstr (err, "nodes[0].props.platforms[1]: “Windoze” is not an ATT&CK platform"));
  g_assert_null (strstr (err, "“Windows”"));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_normalize (void)
{
  g_autofree char *canonical_path = bw_test_source_path ("tests/fixtures/good/unicode-labels.bulwark");
  g_autofree char *canonical = bw_test_read_file (canonical_path, NULL);
  g_autofree char *dir = g_dir_make_tmp ("bulwark-test-XXXXXX", NULL);
  g_autofree char *messy = g_build_filename (dir, "messy.bulwark", NULL);
  g_autofree char *copy = g_build_filename (dir, "out.bulwark", NULL);
  g_autofree char *out = NULL;
  g_autofree char *result = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  const char *to_stdout[] = { "normalize", messy, "-o", "-", NULL };
  const char *to_file[] = { "normalize", messy, "-o", copy, NULL };
  const char *in_place[] = { "normalize", messy, NULL };
  g_autofree char *compact = NULL;

  /* The same document written compactly by another tool. */
  g_assert_true (json_parser_load_from_data (parser, canonical, -1, NULL));
  json_generator_set_root (generator, json_parser_get_root (parser));
  compact = json_generator_to_data (generator, NULL);
  g_assert_true (g_file_set_contents (messy, compact, -1, NULL));

  g_assert_cmpint (bw_test_run_bulwark (to_stdout, &out, NULL), ==, 0);
  g_assert_cmpstr (out, ==, canonical);

  g_assert_cmpint (bw_test_run_bulwark (to_file, NULL, NULL), ==, 0);
  result = bw_test_read_file (copy, NULL);
  g_assert_cmpstr (result, ==, canonical);
  g_clear_pointer (&result, g_free);

  g_assert_cmpint (bw_test_run_bulwark (in_place, NULL, NULL), ==, 0);
  result = bw_test_read_file (messy, NULL);
  g_assert_cmpstr (result, ==, canonical);

  g_unlink (messy);
  g_unlink (copy);
  g_rmdir (dir);
}


static void
test_normalize_refuses_bad_input (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bulwark-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "newer.bulwark", NULL);
  g_autofree char *old = g_build_filename (dir, "old.bulwark", NULL);
  const char *newer = "{\"format\":\"bulwark\",\"version\":2,\"zones\":[]}";
  const char *v0 = "{\"format\":\"bulwark\",\"version\":0,\"nodes\":["
                   "{\"id\":\"n1\",\"kind\":\"azure.vm\",\"x\":0,\"y\":0},"
                   "{\"id\":\"n2\",\"kind\":\"azure.vm\",\"x\":0,\"y\":0}],"
                   "\"edges\":[{\"id\":\"e1\",\"type\":\"flow\",\"from\":\"n1\",\"to\":\"n2\"}]}";
  const char *normalize[] = { "normalize", path, NULL };
  const char *validate[] = { "validate", path, NULL };
  const char *upgrade[] = { "normalize", old, NULL };
  const char *validate_old[] = { "validate", old, NULL };
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (path, newer, -1, NULL));
  g_assert_cmpint (bw_test_run_bulwark (normalize, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "written by a newer Bulwark (format version 2); this one reads up to 1"));
  g_assert_cmpstr (strchr (err, '\n'), ==, "\n");
  /* The file it could not read is left as it was. */
  after = bw_test_read_file (path, NULL);
  g_assert_cmpstr (after, ==, newer);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (bw_test_run_bulwark (validate, NULL, &err), ==, 2);
  g_assert_true (g_str_has_prefix (err, "bulwark: "));
  g_clear_pointer (&after, g_free);

  /* An older file is migrated: normalizing writes it in the current version. */
  g_assert_true (g_file_set_contents (old, v0, -1, NULL));
  g_assert_cmpint (bw_test_run_bulwark (upgrade, NULL, NULL), ==, 0);
  after = bw_test_read_file (old, NULL);
  g_assert_nonnull (strstr (after, "\"version\": 1,"));
  g_assert_nonnull (strstr (after, "\"kind\": \"flow\""));
  g_assert_null (strstr (after, "\"type\""));
  g_assert_cmpint (bw_test_run_bulwark (validate_old, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, ": valid (0 zones, 2 nodes, 1 edges)"));

  g_unlink (path);
  g_unlink (old);
  g_rmdir (dir);
}

/* Runs bulwark and checks that it failed with exit 2 and one line containing `expected`. */
static void
assert_refused (const char *const *args,
                const char        *expected)
{
  g_autofree char *err = NULL;

  g_assert_cmpint (bw_test_run_bulwark (args, NULL, &err), ==, 2);
  g_test_message ("%s", err);
  g_assert_true (g_str_has_prefix (err, "bulwark: "));
  g_assert_nonnull (strstr (err, expected));
  g_assert_cmpstr (strchr (err, '\n'), ==, "\n");
}

static void
test_normalize_special_paths (void)
{
  g_autofree char *source = bw_test_source_path ("tests/fixtures/good/small.bulwark");
  g_autofree char *contents = bw_test_read_file (source, NULL);
  g_autofree char *dir = g_dir_make_tmp ("bulwark-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "private.bulwark", NULL);
  g_autofree char *link = g_build_filename (dir, "link.bulwark", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.bulwark", NULL);
  g_autofree char *full = g_build_filename (dir, "full", NULL);
  const char *in_place[] = { "normalize", path, NULL };
  const char *via_link[] = { "normalize", link, NULL };
  const char *to_dir[] = { "normalize", path, "-o", dir, NULL };
  const char *from_fifo[] = { "validate", fifo, NULL };
  const char *from_zero[] = { "normalize", "/dev/zero", "-o", "-", NULL };
  const char *to_full[] = { "normalize", path, "-o", full, NULL };
  GStatBuf st;

  /* A 0600 project stays 0600 (saves made it 0644). */
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_cmpint (bw_test_run_bulwark (in_place, NULL, NULL), ==, 0);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmphex (st.st_mode & 07777, ==, 0600);

  /* In place through a symbolic link: the link stays a link. */
  g_assert_cmpint (symlink ("private.bulwark", link), ==, 0);
  g_assert_cmpint (bw_test_run_bulwark (via_link, NULL, NULL), ==, 0);
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));

  assert_refused (to_dir, "is a directory, not a regular file");
  /* Inputs that are not regular files are refused at once (a FIFO blocked for ever). */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_refused (from_fifo, "is a named pipe, not a regular file");
  assert_refused (from_zero, "is a character device, not a regular file");

  /* A full device: the write error is reported and the device stays a device (as root it
   * was replaced by a regular file). A copy of /dev/full is made so the real one is never at
   * risk; without the right to make one, /dev/full itself is used. */
  if (mknod (full, S_IFCHR | 0666, makedev (1, 7)) != 0)
    {
      g_free (full);
      full = g_strdup ("/dev/full");
      to_full[3] = full;
    }
  assert_refused (to_full, "No space left on device");
  g_assert_cmpint (g_stat (full, &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));

  g_unlink (link);
  g_unlink (fifo);
  g_unlink (path);
  if (g_str_has_prefix (full, dir))
    g_unlink (full);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A valid file at the node limit, compact and without the optional members, as another
 * tool would write it: its canonical form is larger and used to be refused on reading. */
static char *
write_limit_file (const char *dir,
                  guint       n_nodes)
{
  char *path = g_build_filename (dir, "limit.bulwark", NULL);
  GString *out = g_string_sized_new (n_nodes * 80);

  g_string_append (out, "{\"format\":\"bulwark\",\"version\":1,\"nodes\":[");
  for (guint i = 0; i < n_nodes; i++)
    g_string_append_printf (out, "%s{\"id\":\"n%u\",\"kind\":\"onprem.windows-server\",\"x\":%u,\"y\":%u}",
                            i ? "," : "", i, i % 1000, i / 1000);
  g_string_append (out, "]}\n");
  g_assert_true (g_file_set_contents (path, out->str, out->len, NULL));
  g_string_free (out, TRUE);
  return path;
}

static void
test_node_limit (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bulwark-test-XXXXXX", NULL);
  g_autofree char *path = write_limit_file (dir, BW_DOCUMENT_MAX_OBJECTS);
  g_autofree char *normal = g_build_filename (dir, "normal.bulwark", NULL);
  const char *validate[] = { "validate", path, NULL };
  const char *normalize[] = { "normalize", path, "-o", normal, NULL };
  const char *reload[] = { "validate", normal, NULL };
  const char *analyze[] = { "analyze", normal, "--format", "json", NULL };
  const char *recommend[] = { "recommend", normal, "--format", "json", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BwDocument) doc = NULL;
  g_autoptr(BwDocument) copy = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *copied = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_cmpint (bw_test_run_bulwark (validate, &out, &err), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_nonnull (strstr (out, "valid (0 zones, 1000000 nodes, 0 edges)"));
  g_clear_pointer (&out, g_free);
  g_test_message ("validate: %.1f s", (g_get_monotonic_time () - start) / 1e6);

  /* What validate accepts normalizes to a file that reads back. */
  g_assert_cmpint (bw_test_run_bulwark (normalize, NULL, &err), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (bw_test_run_bulwark (reload, &out, &err), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_nonnull (strstr (out, "valid (0 zones, 1000000 nodes, 0 edges)"));
  g_clear_pointer (&out, g_free);
  g_test_message ("normalize and reload: %.1f s", (g_get_monotonic_time () - start) / 1e6);

  g_assert_cmpint (bw_test_run_bulwark (analyze, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "\"tactics\""));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_test_message ("analyze: %.1f s", (g_get_monotonic_time () - start) / 1e6);

  /* Every node alike: one protects step on the first of them, then telemetry from it. */
  g_assert_cmpint (bw_test_run_bulwark (recommend, &out, &err), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_nonnull (strstr (out, "{\"stencil\": \"sec.defender-for-servers\", \"action\": \"protects\", \"target\": \"n0\""));
  g_assert_nonnull (strstr (out, "\"action\": \"telemetry\", \"target\": \"n0\""));
  g_clear_pointer (&out, g_free);
  g_test_message ("recommend: %.1f s", (g_get_monotonic_time () - start) / 1e6);

  /* The copy the window and `recommend` work on: it aborted on an assertion at this size. */
  doc = bw_document_load_from_file (normal, &error);
  g_assert_no_error (error);
  copy = bw_document_copy (doc);
  g_assert_cmpuint (bw_document_get_n_nodes (copy), ==, BW_DOCUMENT_MAX_OBJECTS);
  saved = bw_test_read_file (normal, NULL);
  copied = bw_document_to_data (copy, NULL);
  g_assert_true (g_str_equal (saved, copied));
  g_test_message ("copy: %.1f s", (g_get_monotonic_time () - start) / 1e6);

  g_unlink (path);
  g_unlink (normal);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/validate", test_validate);
  g_test_add_func ("/cli/validate-unknown-kind", test_validate_unknown_kind);
  g_test_add_func ("/cli/validate-unknown-platform", test_validate_unknown_platform);
  g_test_add_func ("/cli/normalize", test_normalize);
  g_test_add_func ("/cli/normalize-refuses-bad-input", test_normalize_refuses_bad_input);
  g_test_add_func ("/cli/normalize-special-paths", test_normalize_special_paths);
  g_test_add_func ("/cli/node-limit", test_node_limit);
  return g_test_run ();
}
