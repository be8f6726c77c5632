/* bench-document.c: the file-opening target (DESIGN §7): loading a 10,000-node, 20,000-edge
 * project against python3's json.load of the same file (≤ 1.3×), plus saving it and undoing a
 * removal of everything. Prints the figures; never fails on time. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "bw-document-io.h"
#include "bw-history.h"

#define N_ZONES 40
#define N_NODES 10000
#define N_EDGES 20000
#define RUNS    5

static const char *const kinds[] = { "azure.vm", "azure.storage", "onprem.windows-server",
                                     "m365.exchange", "sec.defender-for-servers", "mon.log-analytics" };

static BwDocument *
generate (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  BwDocument *doc = bw_document_new ();

  bw_document_set_title (doc, "Benchmark estate");
  for (guint i = 0; i < N_ZONES; i++)
    {
      g_autofree char *label = g_strdup_printf ("Zone %u", i + 1);
      g_autofree char *parent = i >= 4 ? g_strdup_printf ("z%u", i % 4 + 1) : NULL;

      bw_document_add_zone (doc, NULL, i < 4 ? "zone.azure" : "zone.vnet", label, parent,
                            (i % 8) * 1200.5, (i / 8) * 900.25, 1100, 850, NULL);
    }
  for (guint i = 0; i < N_NODES; i++)
    {
      g_autofree char *label = g_strdup_printf ("Server %u — tier %u", i + 1, i % 7);
      g_autofree char *zone = g_strdup_printf ("z%u", g_rand_int_range (rand, 1, N_ZONES + 1));
      g_autoptr(JsonObject) props = json_object_new ();

      json_object_set_array_member (props, "disabled_capabilities", json_array_new ());
      /* Positions as dragging at a zoom leaves them: mostly fractional. */
      bw_document_add_node (doc, NULL, kinds[i % G_N_ELEMENTS (kinds)], label, zone,
                            round (g_rand_double_range (rand, 0, 9000) * 8) / 8,
                            round (g_rand_double_range (rand, 0, 4000) * 8) / 8, props, NULL);
    }
  for (guint i = 0; i < N_EDGES; i++)
    {
      /* Ids continue after the nodes': n1…n10000 are taken, zones z1…z40. */
      g_autofree char *from = g_strdup_printf ("n%u", g_rand_int_range (rand, 1, N_NODES + 1));
      g_autofree char *to = g_strdup_printf ("n%u", g_rand_int_range (rand, 1, N_NODES + 1));

      if (!bw_document_add_edge (doc, NULL, (BwEdgeKind) (i % 3), from, to, NULL))
        i--;
    }
  return doc;
}

static double
python_load (const char *path)
{
  const char *argv[] = { "python3", "-c",
                         "import json,sys,time\n"
                         "best=1e9\n"
                         "for _ in range(5):\n"
                         "  t=time.perf_counter()\n"
                         "  with open(sys.argv[1]) as f: json.load(f)\n"
                         "  best=min(best,time.perf_counter()-t)\n"
                         "print(best*1000)",
                         path, NULL };
  g_autofree char *out = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                     &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    return -1;
  return g_ascii_strtod (out, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(BwDocument) doc = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bulwark-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "estate.bulwark", NULL);
  g_autoptr(GError) error = NULL;
  double load_best = 1e9;
  double save_best = 1e9;
  double python;
  gsize length;

  if (argc > 2)
    {
      /* bench-document FILE N: only N loads of FILE, for a profiler. */
      for (int i = 0; i < atoi (argv[2]); i++)
        {
          g_autoptr(BwDocument) loaded = bw_document_load_from_file (argv[1], &error);

          if (loaded == NULL)
            g_error ("%s", error->message);
        }
      g_rmdir (dir);
      return 0;
    }
  doc = generate ();
  if (!bw_document_save_to_file (doc, path, &error))
    g_error ("%s", error->message);
  g_free (bw_document_to_data (doc, &length));

  for (int i = 0; i < RUNS; i++)
    {
      /* Reading the file is part of opening it, as it is for python. */
      gint64 start = g_get_monotonic_time ();
      g_autoptr(BwDocument) loaded = bw_document_load_from_file (path, &error);
      double t = (g_get_monotonic_time () - start) / 1000.0;

      if (loaded == NULL)
        g_error ("%s", error->message);
      load_best = MIN (load_best, t);
    }
  for (int i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autofree char *data G_GNUC_UNUSED = bw_document_to_data (doc, NULL);
      double t = (g_get_monotonic_time () - start) / 1000.0;

      save_best = MIN (save_best, t);
    }
  python = python_load (path);

  printf ("file: %u zones, %u nodes, %u edges, %.1f MB\n", bw_document_get_n_zones (doc),
          bw_document_get_n_nodes (doc), bw_document_get_n_edges (doc), length / 1e6);
  printf ("load (best of %d):           %8.1f ms\n", RUNS, load_best);
  if (python > 0)
    printf ("python3 json.load (best of %d): %5.1f ms   ratio %.2f (target ≤ 1.3)\n", RUNS, python,
            load_best / python);
  else
    printf ("python3 json.load: python3 not available\n");
  printf ("canonical save (best of %d): %8.1f ms\n", RUNS, save_best);

  {
    /* Select all and delete, then undo: one step each way. */
    g_autoptr(BwHistory) history = bw_history_new (doc);
    g_autoptr(GPtrArray) ids = g_ptr_array_new ();
    gint64 start;
    double removal;
    double undo;

    for (guint i = 0; i < bw_document_get_n_zones (doc); i++)
      g_ptr_array_add (ids, bw_document_get_zone (doc, i)->id);
    g_ptr_array_add (ids, NULL);
    start = g_get_monotonic_time ();
    if (!bw_history_remove (history, (const char *const *) ids->pdata, &error))
      g_error ("%s", error->message);
    removal = (g_get_monotonic_time () - start) / 1000.0;
    start = g_get_monotonic_time ();
    bw_history_undo (history);
    undo = (g_get_monotonic_time () - start) / 1000.0;
    printf ("remove everything:           %8.1f ms, undo it: %.1f ms\n", removal, undo);
  }

  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
