/* bw-canvas-draw.c: what the canvas shows — the grid and the diagram as tiles kept across
 * frames (bw-canvas-scene.c), and on top of them the connection handle, alignment guides,
 * rubber band, the connection being drawn, the empty-estate hint, the coverage strip and the
 * legend. */
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

/* Where draw_drag draws, diagram units, within `visible`; FALSE when it draws nothing. */
static gboolean
drag_box (BwCanvas     *self,
          const BwRect *visible,
          double        zoom,
          BwRect       *box)
{
  double x0 = visible->x + visible->w;
  double y0 = visible->y + visible->h;
  double x1 = visible->x;
  double y1 = visible->y;
  double pad = 3 / zoom;

  if (self->drag_mode == DRAG_MOVE)
    {
      if (!isnan (self->guide_x))
        {
          x0 = MIN (x0, self->guide_x - pad);
          x1 = MAX (x1, self->guide_x + pad);
          y0 = visible->y;
          y1 = visible->y + visible->h;
        }
      if (!isnan (self->guide_y))
        {
          y0 = MIN (y0, self->guide_y - pad);
          y1 = MAX (y1, self->guide_y + pad);
          x0 = visible->x;
          x1 = visible->x + visible->w;
        }
    }
  else if (self->drag_mode == DRAG_RUBBER)
    {
      x0 = MIN (self->drag_x, self->pointer_x) - pad;
      x1 = MAX (self->drag_x, self->pointer_x) + pad;
      y0 = MIN (self->drag_y, self->pointer_y) - pad;
      y1 = MAX (self->drag_y, self->pointer_y) + pad;
    }
  else if (self->drag_mode == DRAG_CONNECT && self->drag_target != NULL)
    {
      const BwLayoutNode *ln = bw_layout_lookup_node (self->layout, self->drag_target);

      if (ln == NULL)
        return FALSE;
      x0 = MIN (ln->handle.x, self->pointer_x) - pad;
      x1 = MAX (ln->handle.x, self->pointer_x) + pad;
      y0 = MIN (ln->handle.y, self->pointer_y) - pad;
      y1 = MAX (ln->handle.y, self->pointer_y) + pad;
    }
  /* Only what is in view: a cairo node costs its renderer by its size. */
  x0 = MAX (x0, visible->x);
  y0 = MAX (y0, visible->y);
  x1 = MIN (x1, visible->x + visible->w);
  y1 = MIN (y1, visible->y + visible->h);
  if (x1 <= x0 || y1 <= y0)
    return FALSE;
  *box = (BwRect) { x0, y0, x1 - x0, y1 - y0 };
  return TRUE;
}

static void
draw_empty_hint (BwCanvas      *self,
                 GtkSnapshot   *snapshot,
                 const BwTheme *theme,
                 double         w)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  g_autofree char *connect = g_markup_escape_text (
      _("To connect two nodes, drag from a node’s handle, or select it and press Ctrl+L"), -1);
  g_autofree char *markup = NULL;
  PangoRectangle ink;
  int tw, th;
  double x, y;
  cairo_t *cr;

  markup = g_strconcat (_("<span size='x-large' weight='bold'>An empty estate</span>\n"
                          "Drag zones, assets and security services from the palette"),
                        "\n", connect, NULL);
  pango_layout_set_markup (layout, markup, -1);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_get_pixel_size (layout, &tw, &th);
  pango_layout_get_pixel_extents (layout, &ink, NULL);
  x = (w - tw) / 2;
  y = (bw_canvas_usable_height (self) - th) / 2;
  /* Only where the text is: a cairo node costs its renderer by its size. */
  cr = gtk_snapshot_append_cairo (
      snapshot, &GRAPHENE_RECT_INIT (floor (x + MIN (ink.x, 0)) - 1, floor (y + MIN (ink.y, 0)) - 1,
                                     MAX (ink.x + ink.width, tw) - MIN (ink.x, 0) + 3,
                                     MAX (ink.y + ink.height, th) - MIN (ink.y, 0) + 3));
  cairo_move_to (cr, x, y);
  set_color (cr, &theme->hint);
  pango_cairo_show_layout (cr, layout);
  cairo_destroy (cr);
  g_object_unref (layout);
}

static guint64
mix_cells (guint64              h,
           const BwOverlayCell *cells,
           guint                n)
{
  h = bw_scene_mix (h, n);
  for (guint i = 0; i < n; i++)
    {
      h = bw_scene_mix (h, cells[i].label ? g_str_hash (cells[i].label) : 0);
      h = bw_scene_mix_double (h, cells[i].ratio);
      h = bw_scene_mix (h, cells[i].is_gap);
    }
  return h;
}

/* The renderer that keeps the canvas's lasting nodes as textures of its own (the tiles'),
 * when it draws at the device's pixels; NULL when cairo's. */
static GskRenderer *
device_renderer (BwCanvas *self)
{
  if (gtk_widget_get_scale_factor (GTK_WIDGET (self)) != 1)
    return NULL;
  return bw_canvas_scene_get_renderer (self->scene);
}

/* Where to draw a node over `box` (grown by a pixel for its border's antialiasing), in the
 * widget's coordinates, when `sig` (what it shows) changed since it last was: NULL while the
 * node kept shows it. What is drawn becomes the node with cached_node_end. */
static cairo_t *
cached_node_begin (BwCanvas       *self,
                   GskRenderNode **node,
                   guint64        *node_sig,
                   guint64         sig,
                   const BwRect   *box)
{
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (floor (box->x) - 1, floor (box->y) - 1,
                                               ceil (box->w) + 3, ceil (box->h) + 3);
  cairo_surface_t *image;
  cairo_t *cr;

  if (*node != NULL && *node_sig == sig)
    return NULL;
  g_clear_pointer (node, gsk_render_node_unref);
  *node_sig = sig;
  if (device_renderer (self) == NULL)
    {
      *node = gsk_cairo_node_new (&bounds);
      return gsk_cairo_node_get_draw_context (*node);
    }
  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) bounds.size.width,
                                      (int) bounds.size.height);
  cairo_surface_set_device_offset (image, -bounds.origin.x, -bounds.origin.y);
  cr = cairo_create (image);
  cairo_surface_destroy (image);
  return cr;
}

static void
cached_node_end (BwCanvas       *self,
                 GskRenderNode **node,
                 cairo_t        *cr)
{
  cairo_surface_t *image = cairo_surface_reference (cairo_get_target (cr));
  double x, y;

  cairo_destroy (cr);
  if (*node != NULL)
    {
      cairo_surface_destroy (image);
      return;
    }
  cairo_surface_get_device_offset (image, &x, &y);
  cairo_surface_set_device_offset (image, 0, 0);
  *node = bw_canvas_image_node (device_renderer (self), image,
                                &GRAPHENE_RECT_INIT (-x, -y, cairo_image_surface_get_width (image),
                                                     cairo_image_surface_get_height (image)));
}

/* The coverage strip and the legend, over the diagram, each a node kept while what it shows
 * stays the same. */
static void
snapshot_controls (BwCanvas      *self,
                   GtkSnapshot   *snapshot,
                   const BwTheme *theme,
                   double         w,
                   double         h)
{
  BwLegend legend;

  if (self->show_overlay && self->overlay.n_tactics > 0 && w > 200)
    {
      BwRect band = bw_layout_get_view_band (w, h);
      BwRect box = { band.x, band.y, band.w, BW_OVERLAY_HEIGHT };
      guint64 sig = bw_scene_mix_rect (bw_scene_mix (0, GPOINTER_TO_SIZE (theme)), &box);
      cairo_t *cr;

      sig = mix_cells (sig, self->overlay.tactics, self->overlay.n_tactics);
      sig = mix_cells (sig, self->overlay.phases, self->overlay.n_phases);
      if ((cr = cached_node_begin (self, &self->strip_node, &self->strip_sig, sig, &box)) != NULL)
        {
          bw_painter_draw_overlay (self->painter, cr, &self->overlay, band.x, band.y, band.w);
          cached_node_end (self, &self->strip_node, cr);
        }
      gtk_snapshot_append_node (snapshot, self->strip_node);
    }

  if (bw_canvas_get_legend (self, &legend))
    {
      guint64 sig = bw_scene_mix_rect (bw_scene_mix (0, GPOINTER_TO_SIZE (theme)), &legend.box);
      cairo_t *cr;

      for (guint i = 0; i < legend.n_items; i++)
        {
          const BwLegendItem *item = &legend.items[i];

          sig = bw_scene_mix (sig, item->kind | item->edge << 4 | item->of_badges << 8);
          sig = bw_scene_mix_double (sig, item->ratio);
          sig = bw_scene_mix_rect (bw_scene_mix_rect (sig, &item->sample), &item->text);
          sig = bw_scene_mix_double (sig, item->baseline);
        }
      if ((cr = cached_node_begin (self, &self->legend_node, &self->legend_sig, sig,
                                   &legend.box)) != NULL)
        {
          bw_painter_draw_legend (self->painter, cr, &legend);
          cached_node_end (self, &self->legend_node, cr);
        }
      gtk_snapshot_append_node (snapshot, self->legend_node);
    }
}

/* What changes from frame to frame over the diagram — the connect handle, guides, the rubber
 * band, the connection being drawn — in a cairo node only as large as what it shows, drawn in
 * diagram coordinates like the tiles beneath. */
static void
snapshot_feedback (BwCanvas      *self,
                   GtkSnapshot   *snapshot,
                   const BwTheme *theme,
                   const BwRect  *visible,
                   double         zoom)
{
  gboolean handle = self->layout != NULL && self->drag_mode == DRAG_NONE &&
                    (self->hovered != NULL ||
                     g_hash_table_size (bw_selection_get_set (self->selection)) == 1);
  BwRect box = { 0 };
  cairo_t *cr;

  if (self->drag_mode == DRAG_NONE || self->drag_mode == DRAG_PAN || self->drag_mode == DRAG_RESIZE)
    {
      /* At most two handles: only as large as they are. */
      const BwLayoutNode *ln[2] = { NULL, NULL };
      GHashTable *selected = bw_selection_get_set (self->selection);
      double r = BW_NODE_HANDLE_RADIUS / MAX (zoom, 0.5) + 2 / zoom;
      gboolean any = FALSE;

      if (!handle)
        return;
      if (self->hovered != NULL)
        ln[0] = bw_layout_lookup_node (self->layout, self->hovered);
      if (g_hash_table_size (selected) == 1)
        {
          GHashTableIter iter;
          gpointer id;

          g_hash_table_iter_init (&iter, selected);
          g_hash_table_iter_next (&iter, &id, NULL);
          ln[1] = bw_layout_lookup_node (self->layout, id);
        }
      for (int i = 0; i < 2; i++)
        if (ln[i] != NULL)
          {
            BwRect disc = { ln[i]->handle.x - r, ln[i]->handle.y - r, 2 * r, 2 * r };
            BwRect was = box;

            box = any ? (BwRect) { MIN (was.x, disc.x), MIN (was.y, disc.y),
                                   MAX (was.x + was.w, disc.x + disc.w) - MIN (was.x, disc.x),
                                   MAX (was.y + was.h, disc.y + disc.h) - MIN (was.y, disc.y) }
                      : disc;
            any = TRUE;
          }
      if (!any || !bw_rect_intersects (&box, visible))
        return;
    }
  else if (!drag_box (self, visible, zoom, &box))
    return;

  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (floor (box.x * zoom) - 1,
                                                       floor (box.y * zoom) - 1,
                                                       ceil (box.w * zoom) + 3,
                                                       ceil (box.h * zoom) + 3));
  cairo_scale (cr, zoom, zoom);
  if (self->layout != NULL)
    draw_handle (self, cr, theme, zoom);
  draw_drag (self, cr, theme, visible, zoom);
  cairo_destroy (cr);
}

static gboolean
more_tiles_cb (gpointer data)
{
  BwCanvas *self = data;

  self->more_tiles_id = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

void
bw_canvas_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  BwCanvas *self = BW_CANVAS (widget);
  double w = gtk_widget_get_width (widget);
  double h = gtk_widget_get_height (widget);
  double scale = gtk_widget_get_scale_factor (widget);
  BwRect visible;
  BwPaintState state = { 0 };
  const BwTheme *theme =
      bw_theme_get (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  double zoom;

  bw_painter_set_theme (self->painter, theme);
  bw_painter_set_scale_factor (self->painter, scale);

  if (!self->view_set && self->layout != NULL)
    bw_canvas_zoom_fit (self);

  visible = bw_viewport_get_visible (self->viewport, w, h);
  zoom = bw_viewport_get_zoom (self->viewport);

  if (self->layout != NULL)
    {
      state.selected = bw_selection_get_set (self->selection);
      state.highlighted = self->highlighted;
      state.marked = self->marked;
      state.hovered = self->hovered;
      state.focused = gtk_widget_has_focus (widget) ? bw_selection_get_focused (self->selection)
                                                    : NULL;
    }

  /* The diagram at this zoom, its origin on a device pixel: the tiles kept from the frames
   * before line up with the pixels, and a pan only moves them. */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (-round (visible.x * zoom * scale) / scale,
                                                -round (visible.y * zoom * scale) / scale));
  bw_canvas_scene_append (self->scene, snapshot, self->painter, self->layout, &state, &visible,
                          zoom, scale, self->show_grid,
                          g_get_monotonic_time () < self->zooming_until);
  if (!bw_canvas_scene_is_complete (self->scene) && self->more_tiles_id == 0)
    self->more_tiles_id = g_idle_add (more_tiles_cb, self);
  snapshot_feedback (self, snapshot, theme, &visible, zoom);
  gtk_snapshot_restore (snapshot);

  if (self->layout != NULL && bw_layout_get_n_zones (self->layout) == 0 &&
      bw_layout_get_n_nodes (self->layout) == 0)
    draw_empty_hint (self, snapshot, theme, w);

  snapshot_controls (self, snapshot, theme, w, h);
  gtk_snapshot_pop (snapshot);
}

void
bw_canvas_set_frame_budget (BwCanvas *self,
                            guint     ms)
{
  g_return_if_fail (BW_IS_CANVAS (self));
  bw_canvas_scene_set_budget (self->scene, (gint64) ms * 1000);
}

gboolean
bw_canvas_frame_is_complete (BwCanvas *self)
{
  g_return_val_if_fail (BW_IS_CANVAS (self), TRUE);
  return bw_canvas_scene_is_complete (self->scene);
}

/* How long after a step of a continuous zoom the next is awaited before drawing anew. */
#define ZOOM_REST_MS 150

static gboolean
zoom_rest_cb (gpointer data)
{
  BwCanvas *self = data;

  self->zoom_rest_id = 0;
  self->zooming_until = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

void
bw_canvas_zoom_at (BwCanvas *self,
                   double    zoom,
                   double    wx,
                   double    wy)
{
  g_return_if_fail (BW_IS_CANVAS (self));
  self->zooming_until = g_get_monotonic_time () + ZOOM_REST_MS * 1000;
  g_clear_handle_id (&self->zoom_rest_id, g_source_remove);
  self->zoom_rest_id = g_timeout_add (ZOOM_REST_MS, zoom_rest_cb, self);
  bw_viewport_zoom_at (self->viewport, zoom, wx, wy);
}

void
bw_canvas_get_frame_stats (BwCanvas           *self,
                           BwCanvasFrameStats *stats)
{
  g_return_if_fail (BW_IS_CANVAS (self));
  bw_canvas_scene_get_stats (self->scene, stats);
}

gboolean
bw_canvas_frame_shows_node (BwCanvas   *self,
                            const char *id)
{
  g_return_val_if_fail (BW_IS_CANVAS (self), FALSE);
  if (self->layout == NULL || bw_layout_lookup_node (self->layout, id) == NULL)
    return FALSE;
  for (guint i = 0; i < bw_layout_get_n_nodes (self->layout); i++)
    if (g_str_equal (bw_layout_get_node (self->layout, i)->node->id, id))
      return bw_canvas_scene_shows_node (self->scene, i);
  return FALSE;
}

void
bw_canvas_drop_render_cache (BwCanvas *self)
{
  g_return_if_fail (BW_IS_CANVAS (self));
  bw_canvas_scene_drop (self->scene);
  g_clear_pointer (&self->strip_node, gsk_render_node_unref);
  g_clear_pointer (&self->legend_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
