/* bench-scaling-zones.c: loading a project whose zones nest in one chain, at doubling depths.
 * Each zone is checked for a cycle through its parents at load; the ratio between two
 * depths shows whether that check stays linear (target ≤ 2.3 per doubling). Prints the
 * figures; never fails on time. */
#include "config.h"

#include <stdio.h>
#include <time.h>

#include "bw-document-io.h"

#define RUNS 3

static char *
chain (guint   depth,
       gsize  *length)
{
  GString *out = g_string_new ("{\"format\":\"bulwark\",\"version\":1,\"zones\":[");

  /* Children before their parents, as a file edited by hand may have them: the loader may
   * not rely on file order. */
  for (guint i = depth; i-- > 0;)
    {
      g_string_append_printf (out, "{\"id\":\"z%u\",\"kind\":\"zone.subnet\",\"label\":\"Zone %u\",", i, i);
      if (i > 0)
        g_string_append_printf (out, "\"parent\":\"z%u\",", i - 1);
      g_string_append (out, "\"x\":0,\"y\":0,\"w\":10,\"h\":10}");
      if (i > 0)
        g_string_append_c (out, ',');
    }
  g_string_append (out, "],\"nodes\":[],\"edges\":[]}\n");
  *length = out->len;
  return g_string_free (out, FALSE);
}

/* Processor time in milliseconds: other work on a shared machine weighs less on it. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double
load_ms (guint depth)
{
  gsize length;
  g_autofree char *text = chain (depth, &length);
  double best = 1e12;

  for (int run = 0; run < RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      double start = cpu_ms ();
      g_autoptr(BwDocument) doc = bw_document_load_from_data (text, length, &error);
      double t = cpu_ms () - start;

      if (doc == NULL)
        g_error ("%s", error->message);
      best = MIN (best, t);
    }
  return best;
}

int
main (int    argc,
      char **argv)
{
  const guint depths[] = { 10000, 20000, 40000, 80000, 100000 };
  double previous = 0;

  printf ("zone chain depth   load, cpu (best of %d)   ratio to the previous\n", RUNS);
  for (guint i = 0; i < G_N_ELEMENTS (depths); i++)
    {
      double t = load_ms (depths[i]);

      if (previous > 0 && depths[i] == 2 * depths[i - 1])
        printf ("%16u %20.1f ms   %.2f (target ≤ 2.3)\n", depths[i], t, t / previous);
      else
        printf ("%16u %20.1f ms\n", depths[i], t);
      previous = t;
    }
  return 0;
}
