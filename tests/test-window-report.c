/* test-window-report.c: Export → Report… — the window writes the stakeholder report, HTML or
 * PDF by the name, on its worker thread from a copy of the document, and the document it shows
 * stays as it was (the licence tiers run on the copy). */
#include "config.h"

#include <glib/gstdio.h>

#include "bw-application.h"
#include "bw-document-io.h"
#include "bw-test-util.h"
#include "bw-test-window.h"
#include "bw-window-private.h"

static BwApplication *app;

static void
test_report (void)
{
  g_autofree char *sample = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  g_autoptr(GFile) file = g_file_new_for_path (sample);
  g_autofree char *dir = g_dir_make_tmp ("bulwark-test-XXXXXX", NULL);
  const char *names[] = { "estate-report.html", "estate-report.pdf", "estate-report.HTM" };
  const char *magic[] = { "<!DOCTYPE html>", "%PDF-", "<!DOCTYPE html>" };
  BwWindow *window = bw_test_window_new (app);
  BwDocument *document;
  g_autofree char *before = NULL;

  g_assert_true (bw_window_load_file (window, file, NULL));
  document = bw_test_window_document (window);
  before = bw_document_to_data (document, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *after = NULL;

      g_assert_true (bw_window_export_to (window, "report", path, &error));
      g_assert_no_error (error);
      contents = bw_test_read_file (path, NULL);
      g_assert_true (g_str_has_prefix (contents, magic[i]));
      if (i != 1)
        g_assert_nonnull (strstr (contents, "Contoso hybrid reference estate"));
      after = bw_document_to_data (bw_test_window_document (window), NULL);
      g_assert_cmpstr (after, ==, before);
      g_unlink (path);
    }
  {
    /* A file that cannot be written is an error, not a crash. */
    g_autofree char *path = g_build_filename (dir, "missing", "report.pdf", NULL);
    g_autoptr(GError) error = NULL;

    g_assert_false (bw_window_export_to (window, "report", path, &error));
    g_assert_nonnull (error);
  }
  g_rmdir (dir);
  bw_test_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  app = bw_test_window_init (&argc, &argv);
  if (app == NULL)
    return BW_TEST_SKIP;
  g_test_add_func ("/window/report", test_report);
  return bw_test_window_run (&app);
}
