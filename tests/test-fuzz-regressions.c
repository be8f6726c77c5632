/* test-fuzz-regressions.c: every input the fuzzers ever crashed a reader with, fed again to
 * every reader: each must answer with a clean error or a result, never a crash. */
#include "config.h"

#include "bw-azure-import.h"
#include "bw-catalog-import.h"
#include "bw-catalog-private.h"
#include "bw-document-io.h"
#include "bw-layer.h"
#include "bw-mappings.h"
#include "bw-stix.h"
#include "bw-test-util.h"

static void
test_replay (void)
{
  g_autofree char *dir_path = bw_test_source_path ("tests/fuzz/regressions");
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalog) catalog = bw_catalog_load_default (&error);
  const char *name;
  guint replayed = 0;

  g_assert_no_error (error);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      gsize length;
      g_autofree char *data = bw_test_read_file (path, &length);
      g_autoptr(GBytes) bytes = g_bytes_new (data, length);
      g_autoptr(BwDocument) doc = bw_document_load_from_data (data, length, NULL);
      g_autofree char *attack G_GNUC_UNUSED =
          bw_stix_import_bytes (g_bytes_ref (bytes), name, NULL, NULL, NULL);
      g_autofree char *mappings G_GNUC_UNUSED =
          bw_mappings_import_data (data, length, name, catalog, NULL, NULL, NULL, NULL);
      g_auto(GStrv) focus G_GNUC_UNUSED = bw_layer_read_focus (catalog, data, length, NULL, NULL);
      g_autoptr(GBytes) a = bw_catalog_shipped_file ("attack.json");
      g_autoptr(GBytes) k = bw_catalog_shipped_file ("killchain.json");
      g_autoptr(GBytes) m = bw_catalog_shipped_file ("mappings.json");
      g_autoptr(BwCatalog) with_stencils G_GNUC_UNUSED =
          bw_catalog_new_from_bytes (a, k, m, bytes, NULL);
      g_autoptr(BwCatalogImport) summary = bw_catalog_import_new (name, TRUE);
      g_autofree char *migrated G_GNUC_UNUSED =
          bw_catalog_import_migrate_mappings (bytes, catalog, catalog, summary, NULL);
      g_autoptr(BwDocument) azure G_GNUC_UNUSED =
          bw_azure_import (data, length, catalog, name, NULL, NULL);

      g_test_message ("%s: document %s", name, doc ? "loaded" : "refused");
      replayed++;
    }
  g_assert_cmpuint (replayed, >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/fuzz/regressions", test_replay);
  return g_test_run ();
}
