/* bench-scaling.c: paths that once grew quadratically with their input. Each is run at n and
 * 2n and the cost ratio printed; ~2 is linear, 4 quadratic (target ≤ 2.3, issue 20 item 5).
 * Each cost is the least of three runs. An optional first argument scales every n (0.025 runs
 * the quadratic code of old in a minute or two), a second picks the
 * paths whose name holds it ("SVG", "paths", "engine"). Prints the figures;
 * never fails on time. */
#include "config.h"

#include <math.h>
#include <time.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "bw-catalog.h"
#include "bw-document.h"
#include "bw-engine.h"
#include "bw-export.h"
#include "bw-layout.h"
#include "bw-paths.h"

typedef struct
{
  double seconds;
  double bytes; /* heap held by the result, or -1 when not measured */
} Cost;

/* Heap bytes in use: the difference before and after keeping a result is what it holds. */
static double
heap_in_use (void)
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
  struct mallinfo2 info = mallinfo2 ();

  return (double) info.uordblks + (double) info.hblkhd;
#else
  return -1;
#endif
}

static BwCatalog *
catalog (void)
{
  static BwCatalog *catalog;
  g_autoptr(GError) error = NULL;

  if (catalog == NULL && (catalog = bw_catalog_load_default (&error)) == NULL)
    g_error ("the catalog does not load: %s", error->message);
  return catalog;
}

/* The i-th node of a grid 500 wide, so that any n stays within the document's coordinates. */
static void
add_node (BwDocument *doc,
          const char *id,
          const char *kind,
          const char *label,
          guint       i)
{
  g_autoptr(GError) error = NULL;

  if (bw_document_add_node (doc, id, kind, label, NULL, (i % 500) * 150.0, (i / 500) * 150.0,
                            NULL, &error) == NULL)
    g_error ("%s", error->message);
}

static void
add_edge (BwDocument *doc,
          guint       n,
          BwEdgeKind  kind,
          const char *from,
          const char *to)
{
  g_autofree char *id = g_strdup_printf ("e%u", n);
  g_autoptr(GError) error = NULL;

  if (bw_document_add_edge (doc, id, kind, from, to, &error) == NULL)
    g_error ("%s", error->message);
}

/* Processor time of this process in seconds: on a shared machine it does not count the time
 * other programs hold the cores, which wall-clock time does. */
static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* n zones nested in one chain (z0 outermost), an asset in each and a service protecting the
 * outermost zone: every asset is covered through all the zones around it. */
static BwDocument *
zone_chain_document (guint n)
{
  BwDocument *doc = bw_document_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *zone = g_strdup_printf ("z%u", i);
      g_autofree char *parent = i > 0 ? g_strdup_printf ("z%u", i - 1) : NULL;
      g_autofree char *asset = g_strdup_printf ("a%u", i);

      if (bw_document_add_zone (doc, zone, "zone.subnet", zone, parent, (i % 500) * 150.0,
                                (i / 500) * 150.0, 120, 120, &error) == NULL ||
          bw_document_add_node (doc, asset, "azure.vm", asset, zone, (i % 500) * 150.0 + 10,
                                (i / 500) * 150.0 + 10, NULL, &error) == NULL)
        g_error ("%s", error->message);
    }
  add_node (doc, "defender", "sec.defender-for-servers", "Defender", n);
  add_edge (doc, 1, BW_EDGE_PROTECTS, "defender", "z0");
  return doc;
}

/* The first report of a zone chain n deep (rule 1 through every enclosing zone). */
static Cost
engine_zone_depth (guint n)
{
  g_autoptr(BwDocument) doc = zone_chain_document (n);
  g_autoptr(BwReport) report = NULL;
  double start = cpu_seconds ();

  report = bw_engine_compute (catalog (), doc);
  g_assert (bw_report_get_summary (report)->covered + bw_report_get_summary (report)->partial > 0);
  return (Cost) { cpu_seconds () - start, -1 };
}

/* The SVG export of a zone chain n deep, its layout included. */
static Cost
svg_zone_depth (guint n)
{
  g_autoptr(BwDocument) doc = zone_chain_document (n);
  g_autoptr(BwLayout) layout = NULL;
  BwExportOptions options = { 0 };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  double start = cpu_seconds ();

  layout = bw_layout_new (doc, catalog ());
  if ((bytes = bw_export_to_bytes (layout, BW_EXPORT_SVG, &options, &error)) == NULL)
    g_error ("%s", error->message);
  return (Cost) { cpu_seconds () - start, -1 };
}

/* 20 nodes whose labels have n characters each (words of 7 letters), written as SVG. A label
 * holds at most 10,000 characters, so n stops at 5,000. */
static Cost
svg_label (guint n)
{
  g_autoptr(BwDocument) doc = bw_document_new ();
  g_autoptr(GString) label = g_string_new (NULL);
  g_autoptr(BwLayout) layout = NULL;
  BwExportOptions options = { 0 };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  double start;

  while (label->len < n)
    g_string_append (label, label->len % 8 == 7 ? " " : &"abcdefg"[label->len % 8]);
  g_string_truncate (label, n);
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i + 1);

      add_node (doc, id, "azure.vm", label->str, i);
    }
  layout = bw_layout_new (doc, catalog ());
  start = cpu_seconds ();
  if ((bytes = bw_export_to_bytes (layout, BW_EXPORT_SVG, &options, &error)) == NULL)
    g_error ("%s", error->message);
  return (Cost) { cpu_seconds () - start, -1 };
}

/* n assets in a flow chain, the paths from the first (the whole chain is reached). */
static Cost
flow_chain (guint n)
{
  g_autoptr(BwDocument) doc = bw_document_new ();
  g_autoptr(BwReport) report = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  double before;
  double start;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i + 1);

      add_node (doc, id, "azure.vm", id, i);
    }
  for (guint i = 1; i < n; i++)
    {
      g_autofree char *from = g_strdup_printf ("n%u", i);
      g_autofree char *to = g_strdup_printf ("n%u", i + 1);

      add_edge (doc, i, BW_EDGE_FLOW, from, to);
    }
  report = bw_engine_compute (catalog (), doc);
  before = heap_in_use ();
  start = cpu_seconds ();
  paths = bw_attack_paths (catalog (), doc, report, "n1", NULL);
  g_assert (paths != NULL && paths->len == n - 1);
  return (Cost) { cpu_seconds () - start,
                  before < 0 ? -1 : heap_in_use () - before };
}

/* n assets each sending telemetry to its own collector, the collectors in a chain ending at
 * one SIEM; every asset is covered through the rest of the chain (rule 2). */
static Cost
collector_chain (guint n)
{
  g_autoptr(BwDocument) doc = bw_document_new ();
  g_autoptr(BwReport) report = NULL;
  guint e = 0;
  double start;

  add_node (doc, "siem", "mon.sentinel", "Sentinel", 0);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *asset = g_strdup_printf ("a%u", i);
      g_autofree char *collector = g_strdup_printf ("c%u", i);

      add_node (doc, asset, "azure.vm", asset, 2 * i + 1);
      add_node (doc, collector, "mon.log-analytics", collector, 2 * i + 2);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *asset = g_strdup_printf ("a%u", i);
      g_autofree char *collector = g_strdup_printf ("c%u", i);
      g_autofree char *next = i + 1 < n ? g_strdup_printf ("c%u", i + 1) : g_strdup ("siem");

      add_edge (doc, ++e, BW_EDGE_TELEMETRY, asset, collector);
      add_edge (doc, ++e, BW_EDGE_TELEMETRY, collector, next);
    }
  start = cpu_seconds ();
  report = bw_engine_compute (catalog (), doc);
  g_assert (bw_report_get_summary (report)->covered + bw_report_get_summary (report)->partial > 0);
  return (Cost) { cpu_seconds () - start, -1 };
}

static const char *only;

/* The least time of three runs (the heap of the first), to keep noise out of the ratio. */
static Cost
best_of_3 (Cost  (*measure) (guint n),
           guint   n)
{
  Cost best = measure (n);

  for (int i = 0; i < 2; i++)
    best.seconds = MIN (best.seconds, measure (n).seconds);
  return best;
}

static void
run (const char *name,
     Cost      (*measure) (guint n),
     guint       n)
{
  Cost a;
  Cost b;

  if (only != NULL && strstr (name, only) == NULL)
    return;
  a = best_of_3 (measure, n);
  b = best_of_3 (measure, 2 * n);

  g_print ("%-34s n=%-7u %8.3f s   2n=%-7u %8.3f s   ratio %.2f", name, n, a.seconds, 2 * n,
           b.seconds, a.seconds > 0 ? b.seconds / a.seconds : NAN);
  if (a.bytes > 0 && b.bytes > 0)
    g_print ("   memory %.1f MB -> %.1f MB, ratio %.2f", a.bytes / 1e6, b.bytes / 1e6,
             b.bytes / a.bytes);
  g_print ("\n");
}

int
main (int    argc,
      char **argv)
{
  double factor = argc > 1 ? g_ascii_strtod (argv[1], NULL) : 1;

  only = argc > 2 ? argv[2] : NULL;
  if (!(factor > 0 && factor <= 100))
    {
      g_printerr ("usage: bench-scaling [FACTOR [NAME]]   (every n times FACTOR, default 1; "
                  "only the paths whose name holds NAME)\n");
      return 2;
    }
  (void) catalog ();
  run ("SVG export, label length", svg_label, CLAMP ((guint) (5000 * factor), 1, 5000));
  run ("paths, flow chain", flow_chain, MAX (2, (guint) (40000 * factor)));
  run ("engine, collector chain", collector_chain, MAX (1, (guint) (80000 * factor)));
  run ("engine, zone depth", engine_zone_depth, MAX (1, (guint) (64000 * factor)));
  run ("SVG export, zone depth", svg_zone_depth, MAX (1, (guint) (4000 * factor)));
  return 0;
}
