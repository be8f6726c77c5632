/* bw-canvas-tooltip.c: what hovering the diagram says — a node's full label, its kind, its own
 * coverage and what covers it (or what a service covers), what an asset's badge means, and a
 * zone's name and contents — and the one tooltip handler, which asks the connect handle
 * (bw-canvas-menu.c) and the strip's cells (bw-canvas-strip.c) first. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-canvas-private.h"
#include "bw-engine.h"

static const BwReportAsset *
lookup_asset (BwReport   *report,
              const char *id)
{
  for (guint i = 0; report != NULL && i < bw_report_get_n_assets (report); i++)
    {
      const BwReportAsset *asset = bw_report_get_asset (report, i);

      if (g_str_equal (asset->id, id))
        return asset;
    }
  return NULL;
}

#define LINE_CHARS 60

/* The labels of `ids` (node ids), joined by commas in lines of about LINE_CHARS characters. */
static char *
join_labels (BwDocument *document,
             GPtrArray  *ids)
{
  g_autoptr(GString) text = g_string_new (NULL);
  glong line = 0;

  for (guint i = 0; i < ids->len; i++)
    {
      const BwNode *node = bw_document_lookup_node (document, g_ptr_array_index (ids, i));
      glong length;

      if (node == NULL)
        continue;
      length = g_utf8_strlen (node->label, -1);
      if (text->len > 0)
        {
          g_string_append (text, line + length > LINE_CHARS ? ",\n" : ", ");
          line = line + length > LINE_CHARS ? 0 : line + 2;
        }
      g_string_append (text, node->label);
      line += length;
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The asset's own figures (DESIGN §4 rule 8), as its badge shows them. */
static void
append_asset (BwCanvas            *self,
              GString             *text,
              const BwNode        *node,
              const BwReportAsset *asset)
{
  BwEngine *engine = bw_project_get_engine (self->project);
  g_autoptr(GPtrArray) covering = engine ? bw_engine_get_covering (engine, node->id) : NULL;
  g_autofree char *services = NULL;

  if (asset == NULL || asset->applicable == 0)
    {
      g_string_append_printf (text, "\n%s", _("No technique applies to its platforms"));
      return;
    }
  g_string_append_printf (text, "\n");
  g_string_append_printf (text, _("Coverage %.0f%%: %u covered · %u partial · %u gaps of %u "
                                  "applicable techniques"),
                          (asset->covered + 0.5 * asset->partial) / asset->applicable * 100,
                          asset->covered, asset->partial, asset->gap, asset->applicable);
  if (covering == NULL || covering->len == 0)
    {
      g_string_append_printf (text, "\n%s", _("Unprotected: no service covers it"));
      return;
    }
  services = join_labels (self->document, covering);
  g_string_append_printf (text, "\n");
  g_string_append_printf (text, _("Covered by: %s"), services);
}

/* What a service covers: the assets whose covering services include it. */
static void
append_service (BwCanvas        *self,
                GString         *text,
                const BwNode    *node,
                const BwStencil *stencil)
{
  BwEngine *engine = bw_project_get_engine (self->project);
  BwReport *report = bw_project_get_report (self->project);
  g_autoptr(GPtrArray) covered = g_ptr_array_new ();
  g_autofree char *assets = NULL;

  if (stencil->role == BW_ROLE_COLLECTOR)
    {
      g_string_append_printf (text, "\n%s",
                              _("A collector: it carries telemetry to a SIEM and covers nothing "
                                "itself"));
      return;
    }
  if (stencil->capabilities == NULL || stencil->capabilities[0] == NULL)
    {
      g_string_append_printf (text, "\n%s", _("Adds no mapped coverage"));
      return;
    }
  for (guint i = 0; engine != NULL && report != NULL && i < bw_report_get_n_assets (report); i++)
    {
      const BwReportAsset *asset = bw_report_get_asset (report, i);
      g_autoptr(GPtrArray) covering = bw_engine_get_covering (engine, asset->id);

      for (guint j = 0; covering != NULL && j < covering->len; j++)
        if (g_str_equal (g_ptr_array_index (covering, j), node->id))
          {
            g_ptr_array_add (covered, (gpointer) asset->id);
            break;
          }
    }
  if (covered->len == 0)
    {
      g_string_append_printf (text, "\n%s",
                              _("Covers no asset yet: connect it to what it protects"));
      return;
    }
  assets = join_labels (self->document, covered);
  g_string_append_printf (text, "\n");
  g_string_append_printf (text, _("Covers: %s"), assets);
}

static char *
badge_text (const BwNode        *node,
            const BwReportAsset *asset)
{
  if (asset == NULL || asset->applicable == 0)
    return NULL;
  return g_strdup_printf (_("%.0f%% of the techniques that apply to %s are covered\n"
                            "(covered + ½ partial) ÷ applicable: (%u + ½ × %u) ÷ %u\n"
                            "Red: none covered · amber: about half · green: all covered"),
                          (asset->covered + 0.5 * asset->partial) / asset->applicable * 100,
                          node->label, asset->covered, asset->partial, asset->applicable);
}

static char *
node_text (BwCanvas           *self,
           const BwLayoutNode *ln,
           double              x,
           double              y)
{
  const BwNode *node = ln->node;
  BwReport *report = bw_project_get_report (self->project);
  const BwReportAsset *asset = lookup_asset (report, node->id);
  GString *text;

  if (ln->has_badge && asset != NULL && ln->label_mode != BW_LABEL_HIDDEN &&
      bw_rect_contains (&ln->badge, x, y))
    return badge_text (node, asset);

  text = g_string_new (node->label);
  if (ln->stencil == NULL)
    {
      g_string_append_printf (text, "\n");
      g_string_append_printf (text, _("Unknown kind “%s”"), node->kind);
      return g_string_free (text, FALSE);
    }
  g_string_append_printf (text, "\n%s", ln->stencil->name);
  if (ln->stencil->role == BW_ROLE_ASSET)
    append_asset (self, text, node, asset);
  else
    append_service (self, text, node, ln->stencil);
  return g_string_free (text, FALSE);
}

static char *
zone_text (BwCanvas           *self,
           const BwLayoutZone *lz)
{
  guint assets = 0;
  guint services = 0;

  for (guint i = 0; i < bw_layout_get_n_nodes (self->layout); i++)
    {
      const BwLayoutNode *ln = bw_layout_get_node (self->layout, i);

      if (ln->stencil == NULL || g_strcmp0 (ln->node->zone, lz->zone->id) != 0)
        continue;
      if (ln->stencil->role == BW_ROLE_ASSET)
        assets++;
      else
        services++;
    }
  return g_strdup_printf (_("%s\n%s · %u assets, %u services and collectors directly inside"),
                          lz->zone->label, lz->stencil ? lz->stencil->name : lz->zone->kind,
                          assets, services);
}

char *
bw_canvas_get_tooltip_text (BwCanvas *self,
                            double    wx,
                            double    wy)
{
  BwObjectType type = BW_OBJECT_DOCUMENT;
  const char *id;
  double x, y;

  g_return_val_if_fail (BW_IS_CANVAS (self), NULL);

  {
    BwLegend legend;

    if (bw_canvas_get_legend (self, &legend) && bw_rect_contains (&legend.box, wx, wy))
      return g_strdup (_("Edges: a service protects an asset or a zone; telemetry flows to a "
                         "collector or SIEM; a data flow joins two assets\n"
                         "Badges: the share of an asset's techniques covered, partial ones "
                         "counting half\n"
                         "Hide the legend from the zoom menu"));
  }
  if (bw_canvas_strip_contains (self, wx, wy))
    return bw_canvas_get_strip_text (self, wx, wy);
  if (self->layout == NULL || self->project == NULL)
    return NULL;
  bw_canvas_widget_to_diagram (self, wx, wy, &x, &y);
  id = bw_layout_hit (self->layout, x, y, &type);
  if (id == NULL)
    return NULL;
  if (type == BW_OBJECT_NODE)
    return node_text (self, bw_layout_lookup_node (self->layout, id), x, y);
  if (type == BW_OBJECT_ZONE)
    {
      const BwLayoutZone *lz = bw_layout_lookup_zone (self->layout, id);

      /* The zone answers on its header only: inside, the pointer is over its contents. */
      if (y <= lz->title.y + lz->title.h)
        return zone_text (self, lz);
    }
  return NULL;
}

/* The tip stays up while the pointer is over the same object; another object asks anew. */
static void
set_tip_area (BwCanvas     *self,
              GtkTooltip   *tooltip,
              const BwRect *r)
{
  double x0, y0, x1, y1;

  bw_canvas_diagram_to_widget (self, r->x, r->y, &x0, &y0);
  bw_canvas_diagram_to_widget (self, r->x + r->w, r->y + r->h, &x1, &y1);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) x0, (int) y0,
                                                       MAX (1, (int) (x1 - x0)),
                                                       MAX (1, (int) (y1 - y0)) });
}

static gboolean
query_tooltip_cb (BwCanvas   *self,
                  int         wx,
                  int         wy,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  g_autofree char *text = NULL;
  BwObjectType type = BW_OBJECT_DOCUMENT;
  const char *id;
  double x, y;

  BwLegend legend;

  /* From the keyboard, the focused node answers. */
  if (keyboard)
    {
      const char *focused = bw_selection_get_focused (self->selection);
      const BwLayoutNode *ln = focused && self->layout && self->project
                                   ? bw_layout_lookup_node (self->layout, focused)
                                   : NULL;

      if (ln == NULL)
        return FALSE;
      text = node_text (self, ln, ln->rect.x + ln->rect.w / 2, ln->rect.y + ln->rect.h - 1);
      gtk_tooltip_set_text (tooltip, text);
      set_tip_area (self, tooltip, &ln->rect);
      return TRUE;
    }
  /* Under the pointer, first a node's connect handle, then a strip cell (the strip covers the
   * diagram), then the object. */
  if ((text = bw_canvas_get_handle_text (self, wx, wy)) != NULL ||
      (text = bw_canvas_get_strip_text (self, wx, wy)) != NULL)
    {
      gtk_tooltip_set_text (tooltip, text);
      return TRUE;
    }
  if (self->drag_mode != DRAG_NONE ||
      (bw_canvas_strip_contains (self, wx, wy) &&
       !(bw_canvas_get_legend (self, &legend) && bw_rect_contains (&legend.box, wx, wy))) ||
      (text = bw_canvas_get_tooltip_text (self, wx, wy)) == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  bw_canvas_widget_to_diagram (self, wx, wy, &x, &y);
  id = bw_layout_hit (self->layout, x, y, &type);
  if (id != NULL && type == BW_OBJECT_NODE)
    {
      const BwLayoutNode *ln = bw_layout_lookup_node (self->layout, id);

      set_tip_area (self, tooltip,
                    ln->has_badge && bw_rect_contains (&ln->badge, x, y) ? &ln->badge
                                                                          : &ln->rect);
    }
  else if (id != NULL && type == BW_OBJECT_ZONE)
    set_tip_area (self, tooltip, &bw_layout_lookup_zone (self->layout, id)->title);
  return TRUE;
}

void
bw_canvas_tooltip_init (BwCanvas *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
}
