/* bench-import.c: the catalog targets (DESIGN §7): importing the ATT&CK 18.1 bundle against
 * python3's json.load of the same decompressed file (≤ 1.5×), and loading the shipped catalog
 * at start-up (≤ 30 ms). Prints the figures; never fails on time. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <unistd.h>

#include "bw-catalog.h"
#include "bw-explain.h"
#include "bw-stix.h"

/* Resident memory in KiB (Linux), 0 where it cannot be read. */
static long
resident_kib (void)
{
  g_autofree char *statm = NULL;
  long pages = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL) ||
      sscanf (statm, "%ld %ld", &pages, &resident) != 2)
    return 0;
  return resident * (sysconf (_SC_PAGESIZE) / 1024);
}

int
main (int    argc,
      char **argv)
{
  const char *root = g_getenv ("BW_SHARED_DATA") ? g_getenv ("BW_SHARED_DATA") : "../shared/data";
  g_autofree char *bundle = g_build_filename (root, "attack", "enterprise-attack-18.1.json.xz", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  double best = 1e9;
  GArray *loads = g_array_new (FALSE, FALSE, sizeof (double));
  const char *argv_py[] = { "python3", "-c",
                            "import json,sys,time\n"
                            "best=1e9\n"
                            "for _ in range(3):\n"
                            "  t=time.perf_counter(); json.load(open(sys.argv[1])); best=min(best,time.perf_counter()-t)\n"
                            "print(best*1000)",
                            NULL, NULL };
  double python = -1;

  for (int i = 0; i < 21; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(BwCatalog) catalog = bw_catalog_load_default (&error);
      double t = (g_get_monotonic_time () - start) / 1000.0;

      g_assert (catalog != NULL);
      g_array_append_val (loads, t);
    }
  {
    double sum = 0;
    double min = 1e9;

    for (guint i = 0; i < loads->len; i++)
      {
        sum += g_array_index (loads, double, i);
        min = MIN (min, g_array_index (loads, double, i));
      }
    printf ("shipped catalog load: best %.1f ms, mean %.1f ms (target <= 30 ms)\n", min, sum / loads->len);
  }
  g_array_unref (loads);
  {
    /* The texts stay out of the load: what the first technique page pays for them. */
    g_autoptr(BwCatalog) catalog = bw_catalog_load_default (&error);
    const BwCapability *cap = bw_catalog_get_capability (catalog, 0);
    const char *const *comments, *const *references;
    long before = resident_kib ();
    gint64 start = g_get_monotonic_time ();
    double provenance, descriptions;

    bw_catalog_get_entry_provenance (catalog, cap->id, cap->entries[0].technique,
                                     cap->entries[0].category, &comments, &references);
    provenance = (g_get_monotonic_time () - start) / 1000.0;
    start = g_get_monotonic_time ();
    bw_catalog_get_technique_description (catalog, "T1566.001");
    descriptions = (g_get_monotonic_time () - start) / 1000.0;
    printf ("first CTID comment: %.1f ms; first technique description: %.1f ms (once each); "
            "resident memory +%ld KiB with both loaded\n",
            provenance, descriptions, resident_kib () - before);
  }

  if (!g_file_test (bundle, G_FILE_TEST_EXISTS))
    {
      printf ("%s not found: no import figures\n", bundle);
      return 0;
    }
  bytes = bw_read_maybe_xz (bundle, &error);
  g_assert (bytes != NULL);
  dir = g_dir_make_tmp ("bulwark-bench-XXXXXX", NULL);
  plain = g_build_filename (dir, "enterprise-attack-18.1.json", NULL);
  g_file_set_contents (plain, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);

  for (int i = 0; i < 3; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autofree char *attack = bw_stix_import (plain, NULL, NULL, &error);

      g_assert (attack != NULL);
      best = MIN (best, (g_get_monotonic_time () - start) / 1000.0);
    }
  argv_py[3] = plain;
  if (g_spawn_sync (NULL, (char **) argv_py, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                    NULL, NULL) &&
      out)
    python = g_ascii_strtod (out, NULL);
  printf ("import ATT&CK 18.1 (%.1f MB): best %.0f ms; python3 json.load: best %.0f ms; ratio %.2f (target <= 1.5)\n",
          g_bytes_get_size (bytes) / 1e6, best, python, python > 0 ? best / python : -1);
  g_unlink (plain);
  g_rmdir (dir);
  return 0;
}
