/* bench-scaling-revoked.c: how the STIX import scales with a chain of revoked-by links. Each
 * technique is revoked by the next and the last by a live one; the chain length doubles each
 * round and the ratio of the import times is printed (linear gives about 2). Prints figures,
 * never fails on time. */
#include "config.h"

#include <string.h>
#include <time.h>

#include "bw-stix.h"
#include "bw-test-bundle.h"

/* Processor time, so that other work on the machine weighs less on the ratio. */
static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The best of three imports, in seconds of processor time. */
static double
import_seconds (const char *text)
{
  double best = G_MAXDOUBLE;

  for (int round = 0; round < 3; round++)
    {
      g_autoptr(GError) error = NULL;
      BwStixStats stats = { 0 };
      double start = cpu_seconds ();
      g_autofree char *out = bw_stix_import_bytes (g_bytes_new (text, strlen (text)), "chain.json", NULL, &stats,
                                                   &error);
      double seconds = cpu_seconds () - start;

      if (out == NULL)
        g_error ("%s", error->message);
      best = MIN (best, seconds);
    }
  return best;
}

int
main (int    argc,
      char **argv)
{
  double previous = 0;

  g_print ("%10s %10s %8s\n", "links", "cpu s", "ratio");
  for (guint n = 20000; n <= 160000; n *= 2)
    {
      g_autofree char *text = bw_test_revoked_chain (n, FALSE);
      double seconds = import_seconds (text);

      if (previous > 0)
        g_print ("%10u %10.3f %8.2f\n", n, seconds, seconds / previous);
      else
        g_print ("%10u %10.3f %8s\n", n, seconds, "-");
      previous = seconds;
    }
  return 0;
}
