/* bw-canvas-draw.c: what the canvas shows — the grid, the diagram through the shared painter,
 * and on top of it the connection handle, alignment guides, rubber band, the connection being
 * drawn, the empty-estate hint and the coverage overlay. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "bw-canvas-private.h"

/* The connection handle on the hovered node: dragging from it draws a connection. */
static void
set_color (cairo_t       *cr,
           const BwColor *color)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, color->a);
}

static void
draw_handle_of (BwCanvas      *self,
                cairo_t       *cr,
                const BwTheme *theme,
                double         zoom,
                const char    *id)
{
  const BwLayoutNode *ln;

  if (id == NULL || (ln = bw_layout_lookup_node (self->layout, id)) == NULL)
    return;
  cairo_arc (cr, ln->handle.x, ln->handle.y, BW_NODE_HANDLE_RADIUS / MAX (zoom, 0.5), 0,
             2 * G_PI);
  set_color (cr, &theme->handle);
  cairo_fill (cr);
}

/* On the hovered node, and on the one selected node: where a connection starts. */
static void
draw_handle (BwCanvas      *self,
             cairo_t       *cr,
             const BwTheme *theme,
             double         zoom)
{
  GHashTable *selected = bw_selection_get_set (self->selection);

  if (self->drag_mode != DRAG_NONE)
    return;
  draw_handle_of (self, cr, theme, zoom, self->hovered);
  if (g_hash_table_size (selected) == 1)
    {
      GHashTableIter iter;
      gpointer id;

      g_hash_table_iter_init (&iter, selected);
      g_hash_table_iter_next (&iter, &id, NULL);
      if (g_strcmp0 (id, self->hovered) != 0)
        draw_handle_of (self, cr, theme, zoom, id);
    }
}

/* What a drag in progress shows: alignment guides, the rubber band, the connection being drawn. */
static void
draw_drag (BwCanvas      *self,
           cairo_t       *cr,
           const BwTheme *theme,
           const BwRect  *visible,
           double         zoom)
{
  if (self->drag_mode == DRAG_MOVE && (!isnan (self->guide_x) || !isnan (self->guide_y)))
    {
      set_color (cr, &theme->guide);
      cairo_set_line_width (cr, 1 / zoom);
      if (!isnan (self->guide_x))
        {
          cairo_move_to (cr, self->guide_x, visible->y);
          cairo_line_to (cr, self->guide_x, visible->y + visible->h);
        }
      if (!isnan (self->guide_y))
        {
          cairo_move_to (cr, visible->x, self->guide_y);
          cairo_line_to (cr, visible->x + visible->w, self->guide_y);
        }
      cairo_stroke (cr);
    }

  if (self->drag_mode == DRAG_RUBBER)
    {
      double x = MIN (self->drag_x, self->pointer_x);
      double y = MIN (self->drag_y, self->pointer_y);

      cairo_rectangle (cr, x, y, fabs (self->pointer_x - self->drag_x),
                       fabs (self->pointer_y - self->drag_y));
      set_color (cr, &theme->rubber_fill);
      cairo_fill_preserve (cr);
      set_color (cr, &theme->rubber_border);
      cairo_set_line_width (cr, 1 / zoom);
      cairo_stroke (cr);
    }
  else if (self->drag_mode == DRAG_CONNECT && self->drag_target != NULL)
    {
      const BwLayoutNode *ln = bw_layout_lookup_node (self->layout, self->drag_target);

      if (ln != NULL)
        {
          static const double dash[] = { 6, 4 };

          cairo_move_to (cr, ln->handle.x, ln->handle.y);
          cairo_line_to (cr, self->pointer_x, self->pointer_y);
          set_color (cr, &theme->connecting);
          cairo_set_line_width (cr, 2 / zoom);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_stroke (cr);
        }
    }
}

static void
draw_empty_hint (BwCanvas      *self,
                 cairo_t       *cr,
                 const BwTheme *theme,
                 double         w)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  g_autofree char *connect = g_markup_escape_text (
      _("To connect two nodes, drag from a node’s handle, or select it and press Ctrl+L"), -1);
  g_autofree char *markup = NULL;
  int tw, th;

  markup = g_strconcat (_("<span size='x-large' weight='bold'>An empty estate</span>\n"
                          "Drag zones, assets and security services from the palette"),
                        "\n", connect, NULL);
  pango_layout_set_markup (layout, markup, -1);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_get_pixel_size (layout, &tw, &th);
  cairo_move_to (cr, (w - tw) / 2, (bw_canvas_usable_height (self) - th) / 2);
  set_color (cr, &theme->hint);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

void
bw_canvas_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  BwCanvas *self = BW_CANVAS (widget);
  double w = gtk_widget_get_width (widget);
  double h = gtk_widget_get_height (widget);
  BwRect visible;
  BwPaintState state = { 0 };
  const BwTheme *theme =
      bw_theme_get (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  double zoom;
  cairo_t *cr;

  bw_painter_set_theme (self->painter, theme);
  bw_painter_set_scale_factor (self->painter, gtk_widget_get_scale_factor (widget));

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));

  if (!self->view_set && self->layout != NULL)
    bw_canvas_zoom_fit (self);

  visible = bw_viewport_get_visible (self->viewport, w, h);
  zoom = bw_viewport_get_zoom (self->viewport);

  cairo_save (cr);
  cairo_scale (cr, zoom, zoom);
  cairo_translate (cr, -visible.x, -visible.y);
  if (self->show_grid)
    bw_painter_draw_grid (self->painter, cr, &visible, BW_CANVAS_GRID, zoom);

  if (self->layout != NULL)
    {
      state.selected = bw_selection_get_set (self->selection);
      state.highlighted = self->highlighted;
      state.marked = self->marked;
      state.hovered = self->hovered;
      state.focused = gtk_widget_has_focus (widget) ? bw_selection_get_focused (self->selection)
                                                    : NULL;
      bw_painter_draw_diagram (self->painter, cr, self->layout, &visible, &state);
      draw_handle (self, cr, theme, zoom);
    }

  draw_drag (self, cr, theme, &visible, zoom);
  cairo_restore (cr);

  if (self->layout != NULL && bw_layout_get_n_zones (self->layout) == 0 &&
      bw_layout_get_n_nodes (self->layout) == 0)
    draw_empty_hint (self, cr, theme, w);

  if (self->show_overlay && self->overlay.n_tactics > 0 && w > 200)
    {
      BwRect band = bw_layout_get_view_band (w, h);

      bw_painter_draw_overlay (self->painter, cr, &self->overlay, band.x, band.y, band.w);
    }
  {
    BwLegend legend;

    if (bw_canvas_get_legend (self, &legend))
      bw_painter_draw_legend (self->painter, cr, &legend);
  }

  cairo_destroy (cr);
}
