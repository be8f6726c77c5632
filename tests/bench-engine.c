/* bench-engine.c: the engine's targets (DESIGN §7): a full recompute of 1,000 assets, 100
 * services and 3,000 edges (≤ 2 ms), one edit's incremental update (≤ 0.2 ms), and opening a
 * 10,000-node, 20,000-edge project (load + first report) against python3's json.load of the
 * same file (≤ 1.3×). Prints the figures; never fails on time. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "bw-document-io.h"
#include "bw-engine.h"
#include "bw-history.h"

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_double);
  return g_array_index (times, double, times->len / 2);
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static GPtrArray *
stencils_of_role (BwCatalog *catalog,
                  BwRole     role,
                  gboolean   siem)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; i < bw_catalog_get_n_stencils (catalog); i++)
    {
      const BwStencil *s = bw_catalog_get_stencil (catalog, i);

      if (s->role == role && s->siem == siem)
        g_ptr_array_add (ids, s->id);
    }
  return ids;
}

static BwDocument *
generate (BwCatalog *catalog,
          guint      n_assets,
          guint      n_services,
          guint      n_edges,
          guint      seed)
{
  BwDocument *doc = bw_document_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) assets = stencils_of_role (catalog, BW_ROLE_ASSET, FALSE);
  g_autoptr(GPtrArray) services = stencils_of_role (catalog, BW_ROLE_SERVICE, FALSE);
  guint n_zones = 10;
  guint made = 0;

  for (guint z = 0; z < n_zones; z++)
    {
      g_autofree char *id = g_strdup_printf ("z%u", z + 1);

      bw_document_add_zone (doc, id, "zone.azure", id, z > 0 && z % 3 ? "z1" : NULL, z * 100.0, 0, 90, 90, NULL);
    }
  for (guint i = 0; i < n_assets; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i);
      g_autofree char *zone = g_strdup_printf ("z%u", g_rand_int_range (rand, 1, n_zones + 1));

      bw_document_add_node (doc, id,
                            g_ptr_array_index (assets, g_rand_int_range (rand, 0, assets->len)), id,
                            zone, i, i, NULL, NULL);
    }
  for (guint i = 0; i < n_services; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);

      bw_document_add_node (doc, id,
                            g_ptr_array_index (services, g_rand_int_range (rand, 0, services->len)),
                            id, NULL, i, -100, NULL, NULL);
    }
  bw_document_add_node (doc, "law", "mon.log-analytics", "LAW", NULL, 0, -300, NULL, NULL);
  bw_document_add_node (doc, "sentinel", "mon.sentinel", "Sentinel", NULL, 0, -400, NULL, NULL);
  bw_document_add_edge (doc, "t0", BW_EDGE_TELEMETRY, "law", "sentinel", NULL);
  while (made < n_edges)
    {
      g_autofree char *id = g_strdup_printf ("e%u", made);
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      BwEdgeKind kind = BW_EDGE_PROTECTS;
      int pick = g_rand_int_range (rand, 0, 10);

      if (pick < 7)
        {
          from = g_strdup_printf ("s%u", g_rand_int_range (rand, 0, n_services));
          to = pick == 0 ? g_strdup_printf ("z%u", g_rand_int_range (rand, 1, n_zones + 1))
                         : g_strdup_printf ("a%u", g_rand_int_range (rand, 0, n_assets));
        }
      else if (pick < 9)
        {
          kind = BW_EDGE_TELEMETRY;
          from = pick == 7 ? g_strdup_printf ("s%u", g_rand_int_range (rand, 0, n_services))
                           : g_strdup_printf ("a%u", g_rand_int_range (rand, 0, n_assets));
          to = g_strdup ("law");
        }
      else
        {
          kind = BW_EDGE_FLOW;
          from = g_strdup_printf ("a%u", g_rand_int_range (rand, 0, n_assets));
          to = g_strdup_printf ("a%u", g_rand_int_range (rand, 0, n_assets));
        }
      if (bw_document_add_edge (doc, id, kind, from, to, NULL) != NULL)
        made++;
    }
  return doc;
}

static double
python_json_load (const char *path)
{
  const char *argv[] = { "python3", "-c",
                         "import json,sys,time\n"
                         "best=1e9\n"
                         "for _ in range(5):\n"
                         "  t=time.perf_counter(); json.load(open(sys.argv[1])); best=min(best,time.perf_counter()-t)\n"
                         "print(best*1000)",
                         path, NULL };
  g_autofree char *out = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                     &status, NULL) || out == NULL)
    return -1;
  return g_ascii_strtod (out, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalog) catalog = bw_catalog_load_default (&error);
  g_autoptr(BwDocument) doc = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(BwEngine) engine = NULL;
  g_autoptr(BwHistory) history = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  if (catalog == NULL)
    g_error ("%s", error->message);

  if (argc > 2 && g_str_equal (argv[1], "open"))
    {
      /* bench-engine open N: only N first reports of the 10,000-node project, for a profiler. */
      g_autoptr(BwDocument) big = generate (catalog, 9000, 1000, 20000, 2);

      for (int i = 0; i < atoi (argv[2]); i++)
        {
          g_autoptr(BwReport) report G_GNUC_UNUSED = bw_engine_compute (catalog, big);
        }
      return 0;
    }
  doc = generate (catalog, 1000, 100, 3000, 1);
  if (argc > 1)
    {
      /* bench-engine N: only N full recomputes, for a profiler. */
      for (int i = 0; i < atoi (argv[1]); i++)
        {
          g_autoptr(BwReport) report G_GNUC_UNUSED = bw_engine_compute (catalog, doc);
        }
      return 0;
    }
  for (int i = 0; i < 31; i++)
    {
      double start = now_ms ();
      g_autoptr(BwReport) report G_GNUC_UNUSED = bw_engine_compute (catalog, doc);
      double t = now_ms () - start;

      g_array_append_val (times, t);
    }
  printf ("full recompute, 1000 assets / 100 services / 3000 edges, %u techniques: median %.3f ms (target <= 2 ms)\n",
          bw_catalog_get_n_techniques (catalog), median (times));

  /* What a window does on open: its engine exists, a document is set and its report read. */
  engine = bw_engine_new (catalog);
  g_array_set_size (times, 0);
  for (int i = 0; i < 31; i++)
    {
      double start = now_ms ();
      double t;

      bw_engine_set_document (engine, doc);
      (void) bw_engine_get_report (engine);
      t = now_ms () - start;
      g_array_append_val (times, t);
    }
  printf ("  of which on an engine that exists already (bw_engine_set_document + report): median %.3f ms\n",
          median (times));

  history = bw_history_new (doc);
  g_array_set_size (times, 0);
  g_autoptr(GArray) update_times = g_array_new (FALSE, FALSE, sizeof (double));
  for (int i = 0; i < 1000; i++)
    {
      g_autofree char *asset = g_strdup_printf ("a%u", g_rand_int_range (rand, 0, 1000));
      g_autofree char *service = g_strdup_printf ("s%u", g_rand_int_range (rand, 0, 100));
      g_autofree char *zone = g_strdup_printf ("z%u", g_rand_int_range (rand, 1, 11));
      double start = now_ms ();
      double t;

      switch (i % 4)
        {
        case 0:
          g_free (bw_history_connect (history, BW_EDGE_PROTECTS, service, asset, NULL));
          break;
        case 1:
          bw_history_undo (history);
          break;
        case 2:
          bw_history_set_parent (history, asset, zone, 0, NULL);
          break;
        default:
          {
            g_autoptr(JsonObject) props = json_object_new ();
            JsonArray *disabled = json_array_new ();

            json_array_add_string_element (disabled, "alerts_for_windows_machines");
            json_object_set_array_member (props, "disabled_capabilities", disabled);
            bw_history_set_props (history, service, props, NULL);
          }
        }
      t = now_ms () - start;
      g_array_append_val (update_times, t);
      (void) bw_engine_get_report (engine);
      t = now_ms () - start;
      g_array_append_val (times, t);
    }
  printf ("incremental edit: engine update median %.3f ms; with the new report built, median %.3f ms (target <= 0.2 ms)\n",
          median (update_times), median (times));

  {
    g_autoptr(BwDocument) big = generate (catalog, 9000, 1000, 20000, 2);
    g_autofree char *dir = g_dir_make_tmp ("bulwark-bench-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "big.bulwark", NULL);
    double best = 1e9;
    double python;

    g_assert (bw_document_save_to_file (big, path, NULL));
    double parts[3] = { 1e9, 1e9, 1e9 };

    for (int i = 0; i < 5; i++)
      {
        double start = now_ms ();
        g_autoptr(BwDocument) loaded = bw_document_load_from_file (path, NULL);
        double loaded_at = now_ms ();
        g_autoptr(BwReport) report = bw_engine_compute (catalog, loaded);
        double computed_at = now_ms ();
        g_autofree char *json G_GNUC_UNUSED = bw_report_to_json (report, catalog, NULL);

        best = MIN (best, now_ms () - start);
        parts[0] = MIN (parts[0], loaded_at - start);
        parts[1] = MIN (parts[1], computed_at - loaded_at);
        parts[2] = MIN (parts[2], now_ms () - computed_at);
      }
    python = python_json_load (path);
    printf ("open 10,000 nodes / 20,000 edges (load + report): best %.1f ms; python3 json.load: best %.1f ms; ratio %.2f (target <= 1.3)\n",
            best, python, python > 0 ? best / python : -1);
    printf ("  of which (best of each): load %.1f ms, first report %.1f ms, report as JSON %.1f ms\n",
            parts[0], parts[1], parts[2]);
    if (g_getenv ("BW_BENCH_KEEP"))
      printf ("kept %s\n", path);
    else
      {
        g_unlink (path);
        g_rmdir (dir);
      }
  }
  return 0;
}
