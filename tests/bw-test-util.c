/* bw-test-util.c: helpers shared by the test programs. */
#include "config.h"

#include <gio/gio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

#include "bw-test-util.h"

char *
bw_test_shared_data (const char *relative_path)
{
  const char *root = g_getenv ("BW_SHARED_DATA");
  g_autofree char *path = NULL;

  if (root == NULL)
    root = "../shared/data";

  path = g_build_filename (root, relative_path, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      /* Shared data lives beside the checkout in CI only; a fresh clone skips. */
      printf ("SKIP: %s not found (the shared ATT&CK/CTID data sits beside the checkout in CI)\n",
              path);
      fflush (stdout);
      exit (BW_TEST_SKIP);
    }

  return g_steal_pointer (&path);
}

char *
bw_test_source_path (const char *relative_path)
{
  const char *root = g_getenv ("BW_SOURCE_DIR");

  if (root == NULL)
    root = ".";
  return g_build_filename (root, relative_path, NULL);
}

const char *
bw_test_bulwark (void)
{
  const char *path = g_getenv ("BW_BULWARK");

  g_assert_nonnull (path);
  return path;
}

int
bw_test_run_bulwark (const char *const *args,
                     char              **out_stdout,
                     char              **out_stderr)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) bw_test_bulwark ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                out_stdout, out_stderr, &status, &error);
  g_assert_no_error (error);

  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  return -1;
}

char *
bw_test_read_file (const char *path,
                   gsize      *out_length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, out_length, &error);
  g_assert_no_error (error);
  return contents;
}
