/* bw-layout-legend.c: where the legend's samples and words go — the edge kinds and the badge
 * colours, in one row on export pages or stacked on the canvas. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-layout.h"

#define HEADING_WIDTH   96.0
#define EDGE_TEXT_WIDTH 72.0
#define ITEM_GAP        4.0
#define GROUP_GAP       12.0

static BwLegendItem *
add_item (BwLegend     *legend,
          BwLegendKind  kind)
{
  BwLegendItem *item = &legend->items[legend->n_items++];

  *item = (BwLegendItem) { .kind = kind };
  return item;
}

/* Each item at (*x, *y); the next goes beside it in a row, or below it when stacked. */
static void
place (BwLegendItem *item,
       double       *x,
       double       *y,
       double        sample_w,
       double        text_w,
       gboolean      stacked)
{
  double x0 = *x;

  item->baseline = *y + BW_LEGEND_ASCENT;
  if (item->kind == BW_LEGEND_BADGE)
    {
      item->sample = (BwRect) { *x, *y + 1, sample_w, BW_LEGEND_ROW_HEIGHT - 2 };
      item->text = item->sample;
      *x += sample_w + ITEM_GAP;
      return;
    }
  item->sample = (BwRect) { *x, *y, sample_w, BW_LEGEND_ROW_HEIGHT };
  if (sample_w > 0)
    *x += sample_w + ITEM_GAP;
  item->text = (BwRect) { *x, *y, text_w, BW_LEGEND_ROW_HEIGHT };
  *x += text_w + ITEM_GAP;
  if (stacked)
    {
      *x = x0;
      *y += BW_LEGEND_ROW_HEIGHT;
    }
}

void
bw_layout_get_legend (double    x,
                      double    y,
                      gboolean  stacked,
                      gboolean  with_badges,
                      BwLegend *legend)
{
  static const BwEdgeKind kinds[] = { BW_EDGE_PROTECTS, BW_EDGE_TELEMETRY, BW_EDGE_FLOW };
  static const double ratios[] = { 0, 0.5, 1 };
  double left = x + BW_LEGEND_PADDING;
  double cx = left;
  double cy = y + BW_LEGEND_PADDING;
  double right = left;

  legend->n_items = 0;
  place (add_item (legend, BW_LEGEND_HEADING), &cx, &cy, 0, stacked ? HEADING_WIDTH : 44,
         stacked);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      BwLegendItem *item = add_item (legend, BW_LEGEND_EDGE);

      item->edge = kinds[i];
      place (item, &cx, &cy, BW_LEGEND_SAMPLE, EDGE_TEXT_WIDTH, stacked);
      right = MAX (right, item->text.x + item->text.w);
    }
  if (with_badges)
    {
      if (!stacked)
        cx += GROUP_GAP - ITEM_GAP;
      BwLegendItem *heading = add_item (legend, BW_LEGEND_HEADING);

      heading->of_badges = TRUE;
      place (heading, &cx, &cy, 0, HEADING_WIDTH, stacked);
      for (guint i = 0; i < G_N_ELEMENTS (ratios); i++)
        {
          BwLegendItem *item = add_item (legend, BW_LEGEND_BADGE);

          item->ratio = ratios[i];
          place (item, &cx, &cy, BW_BADGE_WIDTH, 0, FALSE);
          right = MAX (right, item->sample.x + item->sample.w);
        }
      if (stacked)
        cy += BW_LEGEND_ROW_HEIGHT;
    }
  for (guint i = 0; i < legend->n_items; i++)
    right = MAX (right, legend->items[i].text.x + legend->items[i].text.w);
  legend->box = (BwRect) {
    x, y, right - x + BW_LEGEND_PADDING,
    (stacked ? cy - y : BW_LEGEND_ROW_HEIGHT + BW_LEGEND_PADDING) + BW_LEGEND_PADDING,
  };
}

char *
bw_legend_item_text (const BwLegendItem *item)
{
  switch (item->kind)
    {
    case BW_LEGEND_EDGE:
      return g_strdup (item->edge == BW_EDGE_PROTECTS    ? _("Protects")
                       : item->edge == BW_EDGE_TELEMETRY ? _("Telemetry")
                                                         : _("Data flow"));
    case BW_LEGEND_BADGE:
      return g_strdup_printf ("%.0f%%", item->ratio * 100);
    case BW_LEGEND_HEADING:
    default:
      return g_strdup (item->of_badges ? _("Asset coverage") : _("Edges"));
    }
}
