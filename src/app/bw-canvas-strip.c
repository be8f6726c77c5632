/* bw-canvas-strip.c: the coverage strip as a control — which of its cells lies under the
 * pointer, what a cell's tooltip says, and the signals a click on a tactic or phase emits. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-canvas-private.h"

enum
{
  TACTIC_ACTIVATED,
  PHASE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The band the canvas draws the strip in, when it draws one (as bw_canvas_snapshot does). */
static gboolean
strip_band (BwCanvas *self,
            BwRect   *band)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));

  if (!self->show_overlay || self->overlay.n_tactics == 0 || w <= 200)
    return FALSE;
  *band = bw_layout_get_view_band (w, h);
  return TRUE;
}

static gboolean
in_rect (const BwRect *r,
         double        x,
         double        y)
{
  return x >= r->x && x < r->x + r->w && y >= r->y && y < r->y + r->h;
}

#define LEGEND_MARGIN 12.0

gboolean
bw_canvas_get_legend (BwCanvas *self,
                      BwLegend *legend)
{
  if (!self->show_legend || self->layout == NULL || gtk_widget_get_width (GTK_WIDGET (self)) <= 200)
    return FALSE;
  bw_layout_get_legend (LEGEND_MARGIN, LEGEND_MARGIN, TRUE, self->overlay.n_tactics > 0, legend);
  return TRUE;
}

gboolean
bw_canvas_strip_contains (BwCanvas *self,
                          double    wx,
                          double    wy)
{
  BwRect band;
  BwLegend legend;

  if (bw_canvas_get_legend (self, &legend) && in_rect (&legend.box, wx, wy))
    return TRUE;
  return strip_band (self, &band) && in_rect (&band, wx, wy);
}

/* The cell at (wx, wy), widget coordinates: FALSE when there is none (also between cells). */
static gboolean
cell_at (BwCanvas *self,
         double    wx,
         double    wy,
         gboolean *phase_row,
         guint    *index)
{
  BwRect band;

  if (!strip_band (self, &band) || !in_rect (&band, wx, wy))
    return FALSE;
  for (int row = 0; row < 2; row++)
    {
      guint n = row ? self->overlay.n_phases : self->overlay.n_tactics;

      for (guint i = 0; i < n; i++)
        {
          BwLayoutCell cell;

          bw_layout_get_overlay_cell (&band, row, i, n, &cell);
          if (in_rect (&cell.box, wx, wy))
            {
              *phase_row = row;
              *index = i;
              return TRUE;
            }
        }
    }
  return FALSE;
}

static char *
cell_text (const char            *name,
           const BwReportFigures *f)
{
  if (f->applicable == 0)
    return g_strdup_printf (_("%s: no applicable techniques"), name);
  return g_strdup_printf (_("%s: %.0f%% covered\n"
                            "%u covered, %u partial, %u gaps of %u applicable techniques"),
                          name, f->ratio * 100, f->covered, f->partial, f->gap, f->applicable);
}

char *
bw_canvas_get_strip_text (BwCanvas *self,
                          double    wx,
                          double    wy)
{
  BwReport *report = self->project ? bw_project_get_report (self->project) : NULL;
  BwCatalog *catalog = self->project ? bw_project_get_catalog (self->project) : NULL;
  gboolean phase_row;
  guint index;

  g_return_val_if_fail (BW_IS_CANVAS (self), NULL);

  if (report == NULL || catalog == NULL || !cell_at (self, wx, wy, &phase_row, &index))
    return NULL;
  if (phase_row)
    {
      if (index >= bw_catalog_get_n_phases (catalog))
        return NULL;
      return cell_text (bw_catalog_get_phase (catalog, index)->name,
                        bw_report_get_phase (report, index));
    }
  if (index >= bw_catalog_get_n_tactics (catalog))
    return NULL;
  return cell_text (bw_catalog_get_tactic (catalog, index)->name,
                    bw_report_get_tactic (report, index));
}

gboolean
bw_canvas_activate_strip (BwCanvas *self,
                          double    wx,
                          double    wy)
{
  BwCatalog *catalog = self->project ? bw_project_get_catalog (self->project) : NULL;
  gboolean phase_row;
  guint index;

  g_return_val_if_fail (BW_IS_CANVAS (self), FALSE);

  if (catalog == NULL || !cell_at (self, wx, wy, &phase_row, &index))
    return FALSE;
  if (phase_row && index < bw_catalog_get_n_phases (catalog))
    g_signal_emit (self, signals[PHASE_ACTIVATED], 0, bw_catalog_get_phase (catalog, index)->id);
  else if (!phase_row && index < bw_catalog_get_n_tactics (catalog))
    g_signal_emit (self, signals[TACTIC_ACTIVATED], 0, bw_catalog_get_tactic (catalog, index)->id);
  else
    return FALSE;
  return TRUE;
}

void
bw_canvas_strip_class_init (GtkWidgetClass *widget_class)
{
  /* A click on a tactic cell: the tactic's id ("TA0005"). */
  signals[TACTIC_ACTIVATED] = g_signal_new ("tactic-activated", G_TYPE_FROM_CLASS (widget_class),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_STRING);
  /* A click on a kill-chain phase cell: the phase's id ("exploitation"). */
  signals[PHASE_ACTIVATED] = g_signal_new ("phase-activated", G_TYPE_FROM_CLASS (widget_class),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_STRING);
}
