/* bw-canvas.c: the diagram editor widget. It draws the shared layout with the shared painter,
 * and turns pointer, touch and key input into BwHistory commands. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "bw-canvas-private.h"
#include "bw-edit-rules.h"

#define HANDLE_RADIUS 6.0
#define RESIZE_GRIP 12.0
#define MIN_ZONE_SIZE 120.0
#define EDGE_HIT 6.0

G_DEFINE_FINAL_TYPE (BwCanvas, bw_canvas, GTK_TYPE_WIDGET)

enum
{
  SELECTION_CHANGED,
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
bw_canvas_emit_error (BwCanvas *self,
                      GError   *error)
{
  g_signal_emit (self, signals[ERROR], 0, error->message);
}

void
bw_canvas_emit_selection_changed (BwCanvas *self)
{
  bw_canvas_update_actions (self);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

void
bw_canvas_widget_to_diagram (BwCanvas *self,
                             double    wx,
                             double    wy,
                             double   *dx,
                             double   *dy)
{
  bw_viewport_widget_to_model (self->viewport, wx, wy, dx, dy);
}

void
bw_canvas_diagram_to_widget (BwCanvas *self,
                             double    dx,
                             double    dy,
                             double   *wx,
                             double   *wy)
{
  bw_viewport_model_to_widget (self->viewport, dx, dy, wx, wy);
}

static double
snap_value (BwCanvas *self,
            double    v)
{
  return self->snap ? round (v / BW_CANVAS_GRID) * BW_CANVAS_GRID : v;
}

static void
document_changed_cb (BwCanvas       *self,
                     const BwChange *change,
                     BwDocument     *document)
{
  bw_layout_update (self->layout);

  /* Forget selected things that no longer exist. */
  if (change->type == BW_CHANGE_REMOVE || change->type == BW_CHANGE_RESET)
    {
      GHashTableIter iter;
      const char *id;
      gboolean removed = FALSE;

      g_hash_table_iter_init (&iter, self->selection);
      while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
        {
          if (bw_document_lookup_node (document, id) == NULL &&
              bw_document_lookup_zone (document, id) == NULL &&
              bw_document_lookup_edge (document, id) == NULL)
            {
              g_hash_table_iter_remove (&iter);
              removed = TRUE;
            }
        }
      if (removed)
        bw_canvas_emit_selection_changed (self);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
bw_canvas_set_model (BwCanvas   *self,
                     BwDocument *document,
                     BwHistory  *history,
                     BwCatalog  *catalog)
{
  g_return_if_fail (BW_IS_CANVAS (self));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, document_changed_cb, self);

  g_set_object (&self->document, document);
  g_set_object (&self->history, history);
  g_set_object (&self->catalog, catalog);
  g_clear_pointer (&self->layout, bw_layout_unref);
  g_hash_table_remove_all (self->selection);
  g_clear_pointer (&self->hovered, g_free);
  g_clear_pointer (&self->focused, g_free);

  if (document != NULL)
    {
      self->layout = bw_layout_new (document, catalog);
      g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  self->view_set = FALSE;
  if (gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    bw_canvas_zoom_fit (self);
  bw_canvas_emit_selection_changed (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

BwDocument *
bw_canvas_get_document (BwCanvas *self)
{
  return self->document;
}

BwLayout *
bw_canvas_get_layout (BwCanvas *self)
{
  return self->layout;
}

double
bw_canvas_get_zoom (BwCanvas *self)
{
  return bw_viewport_get_zoom (self->viewport);
}

BwViewport *
bw_canvas_get_viewport (BwCanvas *self)
{
  return self->viewport;
}

void
bw_canvas_set_zoom (BwCanvas *self,
                    double    zoom)
{
  bw_viewport_zoom_at (self->viewport, zoom, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
               gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

double
bw_canvas_usable_height (BwCanvas *self)
{
  double h = gtk_widget_get_height (GTK_WIDGET (self));

  return self->show_overlay ? MAX (h - BW_OVERLAY_HEIGHT - 24, 100) : h;
}

void
bw_canvas_zoom_fit (BwCanvas *self)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  BwRect bounds;

  if (self->layout == NULL || w <= 0)
    return;
  bounds = bw_layout_get_bounds (self->layout);
  bw_viewport_fit (self->viewport, &bounds, w, bw_canvas_usable_height (self));
  self->view_set = TRUE;
}

void
bw_canvas_get_offset (BwCanvas *self,
                      double   *x,
                      double   *y)
{
  bw_viewport_get_origin (self->viewport, x, y);
}

void
bw_canvas_set_offset (BwCanvas *self,
                      double    x,
                      double    y)
{
  bw_viewport_set_origin (self->viewport, x, y);
}

GPtrArray *
bw_canvas_get_selection (BwCanvas *self)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  const char *id;

  /* Document order, so commands built from a selection are deterministic. */
  if (self->document == NULL)
    return ids;
  for (guint i = 0; i < bw_document_get_n_zones (self->document); i++)
    if (g_hash_table_contains (self->selection, bw_document_get_zone (self->document, i)->id))
      g_ptr_array_add (ids, g_strdup (bw_document_get_zone (self->document, i)->id));
  for (guint i = 0; i < bw_document_get_n_nodes (self->document); i++)
    if (g_hash_table_contains (self->selection, bw_document_get_node (self->document, i)->id))
      g_ptr_array_add (ids, g_strdup (bw_document_get_node (self->document, i)->id));
  for (guint i = 0; i < bw_document_get_n_edges (self->document); i++)
    if (g_hash_table_contains (self->selection, bw_document_get_edge (self->document, i)->id))
      g_ptr_array_add (ids, g_strdup (bw_document_get_edge (self->document, i)->id));
  (void) iter;
  (void) id;
  return ids;
}

void
bw_canvas_select (BwCanvas   *self,
                  const char *id,
                  gboolean    extend)
{
  if (!extend)
    g_hash_table_remove_all (self->selection);
  if (id != NULL)
    {
      if (extend && g_hash_table_contains (self->selection, id))
        g_hash_table_remove (self->selection, id);
      else
        g_hash_table_add (self->selection, g_strdup (id));
      g_free (self->focused);
      self->focused = g_strdup (id);
    }
  bw_canvas_emit_selection_changed (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
bw_canvas_select_all (BwCanvas *self)
{
  if (self->document == NULL)
    return;
  for (guint i = 0; i < bw_document_get_n_zones (self->document); i++)
    g_hash_table_add (self->selection, g_strdup (bw_document_get_zone (self->document, i)->id));
  for (guint i = 0; i < bw_document_get_n_nodes (self->document); i++)
    g_hash_table_add (self->selection, g_strdup (bw_document_get_node (self->document, i)->id));
  bw_canvas_emit_selection_changed (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
bw_canvas_clear_selection (BwCanvas *self)
{
  bw_canvas_select (self, NULL, FALSE);
}

char *
bw_canvas_place_stencil (BwCanvas   *self,
                         const char *kind,
                         double      x,
                         double      y,
                         GError    **error)
{
  const BwStencil *stencil;
  const char *zone;
  g_autofree char *id = NULL;

  g_return_val_if_fail (self->document != NULL, NULL);

  stencil = self->catalog ? bw_catalog_lookup_stencil (self->catalog, kind) : NULL;
  if (stencil == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Unknown kind “%s”"), kind);
      return NULL;
    }

  if (stencil->role == BW_ROLE_ZONE)
    {
      zone = bw_edit_rules_zone_at (self->document, x, y, NULL);
      id = bw_history_add_zone (self->history, kind, stencil->name, zone,
                                snap_value (self, x), snap_value (self, y), 480, 320, error);
    }
  else
    {
      zone = bw_edit_rules_zone_at (self->document, x + BW_NODE_WIDTH / 2, y + BW_NODE_HEIGHT / 2,
                                     NULL);
      id = bw_history_add_node (self->history, kind, stencil->name, zone,
                                snap_value (self, x), snap_value (self, y), error);
    }
  if (id != NULL)
    bw_canvas_select (self, id, FALSE);
  return g_steal_pointer (&id);
}

void
bw_canvas_set_overlay (BwCanvas  *self,
                       BwOverlay *overlay)
{
  bw_overlay_clear (&self->overlay);
  if (overlay != NULL)
    {
      self->overlay = *overlay;
      *overlay = (BwOverlay) { 0 };
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
bw_canvas_set_show_overlay (BwCanvas *self,
                            gboolean  show)
{
  self->show_overlay = show;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
bw_canvas_set_asset_coverage (BwCanvas   *self,
                              GHashTable *coverage)
{
  if (self->layout != NULL)
    bw_layout_set_asset_coverage (self->layout, coverage);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
bw_canvas_set_highlight (BwCanvas   *self,
                         GHashTable *highlighted,
                         GHashTable *marked)
{
  g_clear_pointer (&self->highlighted, g_hash_table_unref);
  g_clear_pointer (&self->marked, g_hash_table_unref);
  if (highlighted)
    self->highlighted = g_hash_table_ref (highlighted);
  if (marked)
    self->marked = g_hash_table_ref (marked);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
bw_canvas_set_snap (BwCanvas *self,
                    gboolean  snap)
{
  self->snap = snap;
}

void
bw_canvas_set_show_grid (BwCanvas *self,
                         gboolean  show)
{
  self->show_grid = show;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Drawing */

static void
bw_canvas_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  BwCanvas *self = BW_CANVAS (widget);
  double w = gtk_widget_get_width (widget);
  double h = gtk_widget_get_height (widget);
  BwRect visible;
  BwPaintState state = { 0 };
  double zoom;
  cairo_t *cr;

  bw_painter_set_dark (self->painter, adw_style_manager_get_dark (adw_style_manager_get_default ()));
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
      state.selected = self->selection;
      state.highlighted = self->highlighted;
      state.marked = self->marked;
      state.hovered = self->hovered;
      state.focused = gtk_widget_has_focus (widget) ? self->focused : NULL;
      bw_painter_draw_diagram (self->painter, cr, self->layout, &visible, &state);

      /* Connection handle on the hovered or single selected node. */
      if (self->hovered != NULL && self->drag_mode == DRAG_NONE)
        {
          const BwLayoutNode *ln = bw_layout_lookup_node (self->layout, self->hovered);

          if (ln != NULL)
            {
              cairo_arc (cr, ln->rect.x + ln->rect.w, ln->rect.y + ln->rect.h / 2,
                         HANDLE_RADIUS / MAX (zoom, 0.5), 0, 2 * G_PI);
              cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 1);
              cairo_fill (cr);
            }
        }
    }

  if (self->drag_mode == DRAG_MOVE && (!isnan (self->guide_x) || !isnan (self->guide_y)))
    {
      cairo_set_source_rgba (cr, 0.90, 0.20, 0.55, 0.9);
      cairo_set_line_width (cr, 1 / zoom);
      if (!isnan (self->guide_x))
        {
          cairo_move_to (cr, self->guide_x, visible.y);
          cairo_line_to (cr, self->guide_x, visible.y + visible.h);
        }
      if (!isnan (self->guide_y))
        {
          cairo_move_to (cr, visible.x, self->guide_y);
          cairo_line_to (cr, visible.x + visible.w, self->guide_y);
        }
      cairo_stroke (cr);
    }

  if (self->drag_mode == DRAG_RUBBER)
    {
      double x = MIN (self->drag_x, self->pointer_x);
      double y = MIN (self->drag_y, self->pointer_y);

      cairo_rectangle (cr, x, y, fabs (self->pointer_x - self->drag_x),
                       fabs (self->pointer_y - self->drag_y));
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.12);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.8);
      cairo_set_line_width (cr, 1 / zoom);
      cairo_stroke (cr);
    }
  else if (self->drag_mode == DRAG_CONNECT && self->drag_target != NULL)
    {
      const BwLayoutNode *ln = bw_layout_lookup_node (self->layout, self->drag_target);

      if (ln != NULL)
        {
          static const double dash[] = { 6, 4 };

          cairo_move_to (cr, ln->rect.x + ln->rect.w, ln->rect.y + ln->rect.h / 2);
          cairo_line_to (cr, self->pointer_x, self->pointer_y);
          cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.9);
          cairo_set_line_width (cr, 2 / zoom);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_stroke (cr);
        }
    }
  cairo_restore (cr);

  if (self->layout != NULL && bw_layout_get_n_zones (self->layout) == 0 &&
      bw_layout_get_n_nodes (self->layout) == 0)
    {
      PangoLayout *layout = gtk_widget_create_pango_layout (widget, NULL);
      int tw, th;

      pango_layout_set_markup (layout,
                               _("<span size='x-large' weight='bold'>An empty estate</span>\n"
                                 "Drag zones, assets and security services from the palette"),
                               -1);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      pango_layout_get_pixel_size (layout, &tw, &th);
      cairo_move_to (cr, (w - tw) / 2, (bw_canvas_usable_height (self) - th) / 2);
      cairo_set_source_rgba (cr, 0.5, 0.5, 0.5, 0.9);
      pango_cairo_show_layout (cr, layout);
      g_object_unref (layout);
    }

  if (self->show_overlay && self->overlay.n_tactics > 0 && w > 200)
    bw_painter_draw_overlay (self->painter, cr, &self->overlay, 12, h - BW_OVERLAY_HEIGHT - 12,
                             w - 24);

  cairo_destroy (cr);
}

/* Pointer input */

static gboolean
near_edge (const BwLayoutEdge *le,
           double              x,
           double              y,
           double              tolerance)
{
  double dx = le->x2 - le->x1;
  double dy = le->y2 - le->y1;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((x - le->x1) * dx + (y - le->y1) * dy) / len2 : 0;
  double px, py;

  t = CLAMP (t, 0, 1);
  px = le->x1 + t * dx;
  py = le->y1 + t * dy;
  return (x - px) * (x - px) + (y - py) * (y - py) <= tolerance * tolerance;
}

static const char *
hit (BwCanvas     *self,
     double        x,
     double        y,
     BwObjectType *out_type)
{
  const char *id;
  BwObjectType type = BW_OBJECT_DOCUMENT;

  if (self->layout == NULL)
    return NULL;

  id = bw_layout_hit (self->layout, x, y, &type);
  if (id != NULL && type == BW_OBJECT_NODE)
    {
      *out_type = type;
      return id;
    }

  /* Edges lie above zones. */
  for (guint i = bw_layout_get_n_edges (self->layout); i > 0; i--)
    {
      const BwLayoutEdge *le = bw_layout_get_edge (self->layout, i - 1);

      if (near_edge (le, x, y, EDGE_HIT / bw_viewport_get_zoom (self->viewport)))
        {
          *out_type = BW_OBJECT_EDGE;
          return le->edge->id;
        }
    }

  *out_type = type;
  return id;
}

static const char *
handle_at (BwCanvas *self,
           double    x,
           double    y)
{
  double r = (HANDLE_RADIUS + 3) / MAX (bw_viewport_get_zoom (self->viewport), 0.5);

  if (self->layout == NULL)
    return NULL;
  for (guint i = bw_layout_get_n_nodes (self->layout); i > 0; i--)
    {
      const BwLayoutNode *ln = bw_layout_get_node (self->layout, i - 1);
      double hx = ln->rect.x + ln->rect.w;
      double hy = ln->rect.y + ln->rect.h / 2;

      if ((x - hx) * (x - hx) + (y - hy) * (y - hy) <= r * r)
        return ln->node->id;
    }
  return NULL;
}

static const char *
resize_grip_at (BwCanvas *self,
                double    x,
                double    y)
{
  GHashTableIter iter;
  const char *id;
  double grip = RESIZE_GRIP / bw_viewport_get_zoom (self->viewport);

  g_hash_table_iter_init (&iter, self->selection);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    {
      const BwLayoutZone *lz = bw_layout_lookup_zone (self->layout, id);

      if (lz != NULL && fabs (x - (lz->rect.x + lz->rect.w)) <= grip &&
          fabs (y - (lz->rect.y + lz->rect.h)) <= grip)
        return id;
    }
  return NULL;
}

static void
drag_begin_cb (BwCanvas       *self,
               double          wx,
               double          wy,
               GtkGestureDrag *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkModifierType mods = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  double x, y;
  const char *id;
  BwObjectType type;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  bw_canvas_widget_to_diagram (self, wx, wy, &x, &y);
  self->drag_x = self->pointer_x = x;
  self->drag_y = self->pointer_y = y;
  self->applied_dx = self->applied_dy = 0;
  g_clear_pointer (&self->drag_target, g_free);

  if (button == GDK_BUTTON_MIDDLE || self->space_down || self->document == NULL)
    {
      self->drag_mode = DRAG_PAN;
      bw_viewport_get_origin (self->viewport, &self->pan_ox, &self->pan_oy);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
      return;
    }

  if ((id = handle_at (self, x, y)) != NULL)
    {
      self->drag_mode = DRAG_CONNECT;
      self->drag_target = g_strdup (id);
      return;
    }

  if ((id = resize_grip_at (self, x, y)) != NULL)
    {
      self->drag_mode = DRAG_RESIZE;
      self->drag_target = g_strdup (id);
      self->drag_rect = bw_layout_lookup_zone (self->layout, id)->rect;
      self->merge_serial++;
      return;
    }

  id = hit (self, x, y, &type);
  if (id == NULL)
    {
      if (!(mods & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)))
        bw_canvas_clear_selection (self);
      self->drag_mode = DRAG_RUBBER;
      return;
    }

  if (mods & (GDK_SHIFT_MASK | GDK_CONTROL_MASK))
    bw_canvas_select (self, id, TRUE);
  else if (!g_hash_table_contains (self->selection, id))
    bw_canvas_select (self, id, FALSE);

  self->drag_mode = type == BW_OBJECT_EDGE ? DRAG_NONE : DRAG_MOVE;
  self->merge_serial++;
}

/* The objects a move applies to: selected zones and nodes, minus those inside a moved zone
 * (the history moves a zone's contents with it). */
static GPtrArray *
movable_selection (BwCanvas *self)
{
  g_autoptr(GPtrArray) all = bw_canvas_get_selection (self);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < all->len; i++)
    {
      const char *id = g_ptr_array_index (all, i);
      const BwNode *node = bw_document_lookup_node (self->document, id);
      const BwZone *zone = bw_document_lookup_zone (self->document, id);
      const char *container = node ? node->zone : zone ? zone->parent : NULL;
      gboolean inside_moved = FALSE;

      if (node == NULL && zone == NULL)
        continue;
      for (guint j = 0; container != NULL && j < all->len; j++)
        {
          const char *other = g_ptr_array_index (all, j);

          if (bw_document_lookup_zone (self->document, other) != NULL &&
              bw_document_zone_is_within (self->document, container, other))
            inside_moved = TRUE;
        }
      if (!inside_moved)
        g_ptr_array_add (ids, g_strdup (id));
    }
  return ids;
}

static void
drag_update_cb (BwCanvas       *self,
                double          off_x,
                double          off_y,
                GtkGestureDrag *gesture)
{
  double sx, sy;
  double zoom = bw_viewport_get_zoom (self->viewport);
  double dx = off_x / zoom;
  double dy = off_y / zoom;
  g_autoptr(GError) error = NULL;

  gtk_gesture_drag_get_start_point (gesture, &sx, &sy);
  bw_canvas_widget_to_diagram (self, sx + off_x, sy + off_y, &self->pointer_x, &self->pointer_y);
  if (self->drag_mode == DRAG_PAN)
    {
      /* The press point stays under the pointer. */
      bw_viewport_set_origin (self->viewport, self->pan_ox - off_x / zoom, self->pan_oy - off_y / zoom);
      bw_canvas_widget_to_diagram (self, sx + off_x, sy + off_y, &self->pointer_x, &self->pointer_y);
      return;
    }

  if (self->drag_mode == DRAG_MOVE)
    {
      g_autoptr(GPtrArray) ids = movable_selection (self);
      double tx = dx;
      double ty = dy;

      if (ids->len == 0)
        return;
      if (self->snap)
        {
          /* Snap the first moved object's corner, and move everything by the same amount. */
          const char *first = g_ptr_array_index (ids, 0);
          const BwNode *node = bw_document_lookup_node (self->document, first);
          const BwZone *zone = bw_document_lookup_zone (self->document, first);
          double ox = (node ? node->x : zone->x) - self->applied_dx;
          double oy = (node ? node->y : zone->y) - self->applied_dy;

          tx = snap_value (self, ox + dx) - ox;
          ty = snap_value (self, oy + dy) - oy;
        }
      /* One node: line its centre up with a neighbour's when close, and show the guide. */
      self->guide_x = self->guide_y = NAN;
      if (ids->len == 1)
        {
          const BwNode *moving = bw_document_lookup_node (self->document, g_ptr_array_index (ids, 0));

          if (moving != NULL)
            {
              /* The layout holds positions as of the last applied step. */
              double x = moving->x - self->applied_dx + tx;
              double y = moving->y - self->applied_dy + ty;
              double ax = x;
              double ay = y;

              bw_layout_align_node (self->layout, moving->id, 6 / bw_viewport_get_zoom (self->viewport), &ax, &ay,
                                    &self->guide_x, &self->guide_y);
              tx += ax - x;
              ty += ay - y;
            }
        }

      if (tx != self->applied_dx || ty != self->applied_dy)
        {
          g_ptr_array_add (ids, NULL);
          if (!bw_history_move (self->history, (const char *const *) ids->pdata,
                                tx - self->applied_dx, ty - self->applied_dy, self->merge_serial,
                                &error))
            bw_canvas_emit_error (self, error);
          self->applied_dx = tx;
          self->applied_dy = ty;
        }
    }
  else if (self->drag_mode == DRAG_RESIZE)
    {
      double w = MAX (MIN_ZONE_SIZE, snap_value (self, self->drag_rect.w + dx));
      double h = MAX (MIN_ZONE_SIZE, snap_value (self, self->drag_rect.h + dy));

      if (!bw_history_resize (self->history, self->drag_target, self->drag_rect.x,
                              self->drag_rect.y, w, h, self->merge_serial, &error))
        bw_canvas_emit_error (self, error);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A drag or nudge ends: what moved joins the zone it now lies in, in the move's undo step. */
static void
reparent_after_move (BwCanvas *self,
                     guint     merge_id)
{
  g_autoptr(GPtrArray) ids = movable_selection (self);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (ids, NULL);
  if (!bw_history_settle (self->history, (const char *const *) ids->pdata, merge_id, &error))
    bw_canvas_emit_error (self, error);
}

gboolean
bw_canvas_move_selection (BwCanvas  *self,
                          double     dx,
                          double     dy,
                          guint      merge_id,
                          GError   **error)
{
  g_autoptr(GPtrArray) ids = movable_selection (self);

  if (ids->len == 0)
    return TRUE;
  g_ptr_array_add (ids, NULL);
  if (!bw_history_move (self->history, (const char *const *) ids->pdata, dx, dy, merge_id, error))
    return FALSE;
  /* With a merge_id the re-parenting joins the move's undo step. */
  reparent_after_move (self, merge_id);
  return TRUE;
}

char *
bw_canvas_connect (BwCanvas   *self,
                   const char *from,
                   const char *to,
                   GError    **error)
{
  BwEdgeKind kind;

  if (!bw_edit_rules_edge_kind_for (self->catalog, self->document, from, to, &kind, error))
    return NULL;
  return bw_history_connect (self->history, kind, from, to, error);
}

const BwOverlay *
bw_canvas_get_overlay (BwCanvas *self)
{
  return &self->overlay;
}

static void
drag_end_cb (BwCanvas       *self,
             double          off_x,
             double          off_y,
             GtkGestureDrag *gesture)
{
  g_autoptr(GError) error = NULL;
  DragMode mode = self->drag_mode;

  self->drag_mode = DRAG_NONE;
  self->guide_x = self->guide_y = NAN;
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);

  switch (mode)
    {
    case DRAG_MOVE:
      if (self->applied_dx != 0 || self->applied_dy != 0)
        reparent_after_move (self, self->merge_serial);
      break;

    case DRAG_RUBBER:
      {
        BwRect rect = {
          MIN (self->drag_x, self->pointer_x), MIN (self->drag_y, self->pointer_y),
          fabs (self->pointer_x - self->drag_x), fabs (self->pointer_y - self->drag_y),
        };
        g_autoptr(GPtrArray) ids = NULL;

        if (rect.w < 2 && rect.h < 2)
          break;
        ids = bw_layout_query_rect (self->layout, &rect, FALSE);
        for (guint i = 0; i < ids->len; i++)
          g_hash_table_add (self->selection, g_strdup (g_ptr_array_index (ids, i)));
        bw_canvas_emit_selection_changed (self);
      }
      break;

    case DRAG_CONNECT:
      {
        BwObjectType type;
        const char *target = self->layout ? bw_layout_hit (self->layout, self->pointer_x,
                                                           self->pointer_y, &type)
                                          : NULL;
        g_autofree char *id = NULL;

        if (target == NULL || g_str_equal (target, self->drag_target))
          break;
        id = bw_canvas_connect (self, self->drag_target, target, &error);
        if (id == NULL)
          bw_canvas_emit_error (self, error);
        else
          bw_canvas_select (self, id, FALSE);
      }
      break;

    case DRAG_NONE:
    case DRAG_RESIZE:
    case DRAG_PAN:
    default:
      break;
    }

  g_clear_pointer (&self->drag_target, g_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (BwCanvas                 *self,
           double                    wx,
           double                    wy,
           GtkEventControllerMotion *motion)
{
  double x, y;
  BwObjectType type = BW_OBJECT_DOCUMENT;
  const char *id;
  const char *cursor = NULL;

  self->last_wx = wx;
  self->last_wy = wy;
  if (self->layout == NULL || self->drag_mode != DRAG_NONE)
    return;

  bw_canvas_widget_to_diagram (self, wx, wy, &x, &y);
  id = handle_at (self, x, y);
  if (id != NULL)
    cursor = "crosshair";
  else if (resize_grip_at (self, x, y) != NULL)
    cursor = "se-resize";
  else
    {
      id = bw_layout_hit (self->layout, x, y, &type);
      if (type != BW_OBJECT_NODE)
        id = NULL;
    }
  if (self->space_down)
    cursor = "grab";
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);

  if (g_strcmp0 (id, self->hovered) != 0)
    {
      g_free (self->hovered);
      self->hovered = g_strdup (id);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (BwCanvas *self)
{
  g_clear_pointer (&self->hovered, g_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
scroll_cb (BwCanvas                 *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *scroll)
{
  GdkModifierType mods = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (scroll));
  double px = self->last_wx;
  double py = self->last_wy;

  if (mods & GDK_CONTROL_MASK)
    {
      bw_viewport_zoom_at (self->viewport, bw_viewport_get_zoom (self->viewport) * pow (1.1, -dy),
                           px, py);
      return TRUE;
    }

  if (mods & GDK_SHIFT_MASK)
    {
      double t = dx;

      dx = dy;
      dy = t;
    }
  bw_viewport_scroll_by (self->viewport, dx * 40, dy * 40);
  return TRUE;
}

static void
zoom_begin_cb (BwCanvas       *self,
               GdkEventSequence *sequence,
               GtkGestureZoom *gesture)
{
  self->zoom_begin = bw_viewport_get_zoom (self->viewport);
}

static void
zoom_scale_changed_cb (BwCanvas       *self,
                       double          scale,
                       GtkGestureZoom *gesture)
{
  double cx, cy;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &cx, &cy))
    {
      cx = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      cy = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  bw_viewport_zoom_at (self->viewport, self->zoom_begin * scale, cx, cy);
}

static gboolean
drop_cb (BwCanvas      *self,
         const GValue  *value,
         double         wx,
         double         wy,
         GtkDropTarget *target)
{
  const char *kind = g_value_get_string (value);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  double x, y;

  if (self->document == NULL || kind == NULL)
    return FALSE;

  bw_canvas_widget_to_diagram (self, wx, wy, &x, &y);
  /* The pointer holds the item by its middle. */
  id = bw_canvas_place_stencil (self, kind, x - BW_NODE_WIDTH / 2, y - BW_NODE_HEIGHT / 2, &error);
  if (id == NULL)
    {
      bw_canvas_emit_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* Keyboard: the commands are actions (bw-canvas-edit.c); only Space, held for panning, is
 * watched here. */

static gboolean
key_pressed_cb (BwCanvas              *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *key)
{
  if (keyval != GDK_KEY_space)
    return FALSE;
  self->space_down = TRUE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
  return TRUE;
}

static void
key_released_cb (BwCanvas              *self,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 GtkEventControllerKey *key)
{
  if (keyval == GDK_KEY_space)
    {
      self->space_down = FALSE;
      gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
    }
}

/* Whoever moved the view — a gesture, an action, a test — it stays as they left it. */
static void
viewport_notify_cb (BwCanvas   *self,
                    GParamSpec *pspec,
                    BwViewport *viewport)
{
  self->view_set = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
bw_canvas_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  BwCanvas *self = BW_CANVAS (widget);

  if (!self->view_set && self->layout != NULL && width > 0)
    bw_canvas_zoom_fit (self);
}

static void
bw_canvas_dispose (GObject *object)
{
  BwCanvas *self = BW_CANVAS (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, document_changed_cb, self);
  g_clear_object (&self->document);
  g_clear_object (&self->history);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->layout, bw_layout_unref);
  g_clear_pointer (&self->painter, bw_painter_free);
  g_clear_object (&self->viewport);
  g_clear_pointer (&self->selection, g_hash_table_unref);
  g_clear_pointer (&self->highlighted, g_hash_table_unref);
  g_clear_pointer (&self->marked, g_hash_table_unref);
  g_clear_pointer (&self->hovered, g_free);
  g_clear_pointer (&self->focused, g_free);
  g_clear_pointer (&self->drag_target, g_free);
  bw_overlay_clear (&self->overlay);

  G_OBJECT_CLASS (bw_canvas_parent_class)->dispose (object);
}

static void
bw_canvas_class_init (BwCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_canvas_dispose;
  widget_class->snapshot = bw_canvas_snapshot;
  widget_class->size_allocate = bw_canvas_size_allocate;

  signals[SELECTION_CHANGED] = g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 0);
  signals[ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "bwcanvas");
  bw_canvas_edit_class_init (widget_class);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
bw_canvas_init (BwCanvas *self)
{
  GtkGesture *drag;
  GtkGesture *zoom;
  GtkEventController *controller;
  GtkDropTarget *drop;

  self->viewport = bw_viewport_new ();
  g_signal_connect_object (self->viewport, "notify", G_CALLBACK (viewport_notify_cb), self,
                           G_CONNECT_SWAPPED);
  self->guide_x = self->guide_y = NAN;
  self->show_overlay = TRUE;
  self->snap = TRUE;
  self->show_grid = TRUE;
  self->painter = bw_painter_new (FALSE);
  self->selection = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Diagram"), -1);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), 0);
  g_signal_connect_swapped (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (zoom, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect_swapped (zoom, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_swapped (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  g_signal_connect_swapped (controller, "key-released", G_CALLBACK (key_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_COPY);
  g_signal_connect_swapped (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  bw_canvas_update_actions (self);
}

GtkWidget *
bw_canvas_new (void)
{
  return g_object_new (BW_TYPE_CANVAS, NULL);
}
