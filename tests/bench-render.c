/* bench-render.c: the painter drawing 2,000 nodes and 4,000 edges at 1920×1080 in one cairo
 * paint, as an export does (the canvas draws its tiles from the same painter and keeps them:
 * its frame, whose target is ≤ 8 ms, is bench-frame's), and the SVG export of the same diagram
 * against graphviz `neato -n2 -Tsvg` on the same nodes and positions (target ≤ 0.5×). Prints
 * the figures; never fails on time. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "bw-bench-diagram.h"
#include "bw-catalog.h"
#include "bw-document.h"
#include "bw-export.h"
#include "bw-layout.h"
#include "bw-painter.h"
#include "bw-svg-writer.h"

#define N_NODES BW_BENCH_N_NODES
#define N_EDGES BW_BENCH_N_EDGES
#define FRAMES 30

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
time_frame (BwPainter *painter,
            BwLayout  *layout,
            double     zoom,
            double     ox,
            double     oy)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  cairo_t *cr = cairo_create (surface);
  BwRect visible = { ox, oy, 1920 / zoom, 1080 / zoom };
  gint64 start = g_get_monotonic_time ();

  cairo_scale (cr, zoom, zoom);
  cairo_translate (cr, -ox, -oy);
  bw_painter_draw_grid (painter, cr, &visible, 16, zoom);
  bw_painter_draw_diagram (painter, cr, layout, &visible, NULL);
  cairo_surface_flush (surface);
  start = g_get_monotonic_time () - start;

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return start / 1000.0;
}

static char *
write_dot (BwDocument *doc)
{
  GString *dot = g_string_new ("digraph G {\n  node [shape=box width=1.78 height=1.22 fixedsize=true];\n");

  for (guint i = 0; i < bw_document_get_n_nodes (doc); i++)
    {
      const BwNode *n = bw_document_get_node (doc, i);

      g_string_append_printf (dot, "  %s [label=\"%s\" pos=\"%g,%g!\"];\n", n->id, n->label,
                              n->x + 64, -(n->y + 44));
    }
  for (guint i = 0; i < bw_document_get_n_edges (doc); i++)
    {
      const BwEdge *e = bw_document_get_edge (doc, i);

      g_string_append_printf (dot, "  %s -> %s;\n", e->from, e->to);
    }
  g_string_append (dot, "}\n");
  return g_string_free (dot, FALSE);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalog) catalog = bw_catalog_load_default (&error);
  g_autoptr(BwDocument) doc = NULL;
  g_autoptr(BwLayout) layout = NULL;
  g_autoptr(BwPainter) painter = bw_painter_new (FALSE);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  BwRect bounds;
  double zoom;

  if (catalog == NULL)
    g_error ("%s", error->message);

  doc = bw_bench_build_diagram ();
  layout = bw_layout_new (doc, catalog);
  bounds = bw_layout_get_bounds (layout);

  /* Warm the icon and font caches once, as a running canvas has. */
  time_frame (painter, layout, 1, 0, 0);

  for (int i = 0; i < FRAMES; i++)
    {
      double t = time_frame (painter, layout, 1.0, (i % 5) * 300.0, (i % 3) * 400.0);

      g_array_append_val (times, t);
    }
  g_print ("one paint by the painter, 2000 nodes / 4000 edges, 1920x1080 at 100%%: median %.2f ms "
           "(the canvas's frame: bench-frame)\n",
           median (times));

  g_array_set_size (times, 0);
  zoom = MIN (1920 / bounds.w, 1080 / bounds.h);
  for (int i = 0; i < 10; i++)
    {
      double t = time_frame (painter, layout, zoom, bounds.x, bounds.y);

      g_array_append_val (times, t);
    }
  g_print ("one paint by the painter, whole diagram in view (zoom %.3f): median %.2f ms\n", zoom,
           median (times));

  g_array_set_size (times, 0);
  for (int i = 0; i < 5; i++)
    {
      BwExportOptions options = { 0 };
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GBytes) svg = bw_export_to_bytes (layout, BW_EXPORT_SVG, &options, NULL);

      g_assert (svg != NULL);
      double t = (g_get_monotonic_time () - start) / 1000.0;

      g_array_append_val (times, t);
    }
  {
    double ours = median (times);
    g_autofree char *dot = write_dot (doc);
    g_autofree char *dot_path = g_build_filename (g_get_tmp_dir (), "bulwark-bench.dot", NULL);
    g_autofree char *neato = g_find_program_in_path ("neato");

    g_print ("SVG export: median %.2f ms\n", ours);
    if (neato == NULL)
      {
        g_print ("graphviz neato not installed: no comparison\n");
        return 0;
      }
    g_file_set_contents (dot_path, dot, -1, NULL);
    g_array_set_size (times, 0);
    for (int i = 0; i < 3; i++)
      {
        const char *args[] = { neato, "-n2", "-Tsvg", "-o", "/dev/null", dot_path, NULL };
        gint64 start = g_get_monotonic_time ();
        int status;
        double t;

        g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL,
                      NULL, &status, NULL);
        t = (g_get_monotonic_time () - start) / 1000.0;
        g_array_append_val (times, t);
      }
    g_print ("graphviz neato -n2 -Tsvg: median %.2f ms; ratio %.3f (target <= 0.5)\n", median (times),
             ours / median (times));
    g_unlink (dot_path);
  }
  return 0;
}
