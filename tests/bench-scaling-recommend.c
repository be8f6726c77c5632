/* bench-scaling-recommend.c: `recommend` (five steps) on random estates of 10,000 to 1,000,000
 * nodes (bw-test-estate.c: a zone per 50 nodes, services protecting zones and nodes, telemetry
 * through collectors into SIEMs). Prints the time of each size and the ratio per doubling
 * against the size before it (~2 is linear, 4 quadratic), on processor time. An optional
 * argument scales every size (0.1 runs 1,000 to 100,000). Generating an estate is not timed.
 * Never fails on time. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "bw-recommend.h"
#include "bw-test-estate.h"

/* The processor time this process has used: on a shared machine it drifts less than the
 * wall clock. */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static double
recommend_seconds (BwCatalog  *catalog,
                   BwDocument *doc,
                   guint      *n_steps,
                   double     *wall)
{
  double start = cpu_seconds ();
  gint64 wall_start = g_get_monotonic_time ();
  g_autoptr(GPtrArray) steps = bw_recommend (catalog, doc, 5, NULL, NULL);

  *n_steps = steps->len;
  *wall = (g_get_monotonic_time () - wall_start) / 1e6;
  return cpu_seconds () - start;
}

int
main (int    argc,
      char **argv)
{
  const guint sizes[] = { 10000, 20000, 100000, 1000000 };
  double scale = argc > 1 ? g_ascii_strtod (argv[1], NULL) : 1;
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalog) catalog = bw_catalog_load_default (&error);
  double previous = 0;
  guint previous_n = 0;

  if (catalog == NULL)
    g_error ("the catalog does not load: %s", error->message);
  if (!(scale > 0))
    scale = 1;
  printf ("%9s %7s %9s %6s %11s %11s   %s\n", "nodes", "zones", "edges", "steps", "cpu", "wall",
          "ratio per doubling (cpu)");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      guint n = MAX (1, (guint) (sizes[i] * scale));
      g_autoptr(BwDocument) doc = bw_test_random_estate (catalog, n, 1);
      guint n_steps;
      double wall, w;
      /* The smaller sizes are quick: the least of three runs. */
      double t = recommend_seconds (catalog, doc, &n_steps, &wall);

      for (guint run = 1; n <= 20000 && run < 3; run++)
        {
          t = MIN (t, recommend_seconds (catalog, doc, &n_steps, &w));
          wall = MIN (wall, w);
        }
      printf ("%9u %7u %9u %6u %9.3f s %9.3f s", n, bw_document_get_n_zones (doc),
              bw_document_get_n_edges (doc), n_steps, t, wall);
      if (previous > 0)
        printf ("   %.2f (×%.2f over ×%g nodes)", pow (t / previous, log (2) / log ((double) n / previous_n)),
                t / previous, (double) n / previous_n);
      printf ("\n");
      fflush (stdout);
      previous = t;
      previous_n = n;
    }
  return 0;
}
