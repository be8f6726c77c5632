/* bw-canvas-input.c: pointer, touch and key input — the state machine of move, resize, connect,
 * rubber band and pan, hover, scroll and pinch zoom, and drops from the palette. */
#include "config.h"

#include <math.h>

#include "bw-canvas-private.h"

#define MIN_ZONE_SIZE 120.0
#define EDGE_HIT 6.0

/* Hit testing */

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

const char *
bw_canvas_hit (BwCanvas     *self,
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
  return self->layout ? bw_layout_handle_at (self->layout, x, y) : NULL;
}

static const char *
resize_grip_at (BwCanvas *self,
                double    x,
                double    y)
{
  if (self->layout == NULL)
    return NULL;
  return bw_layout_grip_at (self->layout, bw_selection_get_set (self->selection), x, y);
}

/* The drag state machine: what a press starts (pan, connect, resize, rubber band or move), each
 * step of it, and what its release does. */

static void
drag_begin_cb (BwCanvas       *self,
               double          wx,
               double          wy,
               GtkGestureDrag *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkModifierType mods =
      gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  double x, y;
  const char *id;
  BwObjectType type;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->tab_left = FALSE;   /* Tab goes on from what is clicked */
  bw_canvas_widget_to_diagram (self, wx, wy, &x, &y);
  self->drag_x = self->pointer_x = x;
  self->drag_y = self->pointer_y = y;
  self->applied_dx = self->applied_dy = 0;
  g_clear_pointer (&self->drag_target, g_free);

  /* The strip is a control over the diagram: a press on it starts nothing there; a release
   * on the same cell activates it (drag_end_cb). */
  if (bw_canvas_strip_contains (self, wx, wy))
    {
      self->drag_mode = DRAG_NONE;
      return;
    }
  /* A right click opens the context menu (bw-canvas-menu.c), and selects there. */
  if (button == GDK_BUTTON_SECONDARY)
    {
      self->drag_mode = DRAG_NONE;
      return;
    }

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

  id = bw_canvas_hit (self, x, y, &type);
  if (id == NULL)
    {
      if (!(mods & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)))
        bw_canvas_clear_selection (self);
      self->drag_mode = DRAG_RUBBER;
      return;
    }

  if (mods & (GDK_SHIFT_MASK | GDK_CONTROL_MASK))
    bw_canvas_select (self, id, TRUE);
  else if (!bw_selection_contains (self->selection, id))
    bw_canvas_select (self, id, FALSE);

  self->drag_mode = type == BW_OBJECT_EDGE ? DRAG_NONE : DRAG_MOVE;
  self->merge_serial++;
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
      bw_viewport_set_origin (self->viewport, self->pan_ox - off_x / zoom,
                              self->pan_oy - off_y / zoom);
      bw_canvas_widget_to_diagram (self, sx + off_x, sy + off_y, &self->pointer_x,
                                   &self->pointer_y);
      return;
    }

  if (self->drag_mode == DRAG_MOVE)
    {
      g_autoptr(GPtrArray) ids = bw_canvas_movable_selection (self);
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

          tx = bw_canvas_snap_value (self, ox + dx) - ox;
          ty = bw_canvas_snap_value (self, oy + dy) - oy;
        }
      /* One node: line its centre up with a neighbour's when close, and show the guide. */
      self->guide_x = self->guide_y = NAN;
      if (ids->len == 1)
        {
          const BwNode *moving =
              bw_document_lookup_node (self->document, g_ptr_array_index (ids, 0));

          if (moving != NULL)
            {
              /* The layout holds positions as of the last applied step. */
              double x = moving->x - self->applied_dx + tx;
              double y = moving->y - self->applied_dy + ty;
              double ax = x;
              double ay = y;

              bw_layout_align_node (self->layout, moving->id,
                                    6 / bw_viewport_get_zoom (self->viewport), &ax, &ay,
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
      double w = MAX (MIN_ZONE_SIZE, bw_canvas_snap_value (self, self->drag_rect.w + dx));
      double h = MAX (MIN_ZONE_SIZE, bw_canvas_snap_value (self, self->drag_rect.h + dy));

      if (!bw_history_resize (self->history, self->drag_target, self->drag_rect.x,
                              self->drag_rect.y, w, h, self->merge_serial, &error))
        bw_canvas_emit_error (self, error);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
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

  if (mode == DRAG_NONE &&
      gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) == GDK_BUTTON_PRIMARY)
    {
      double sx, sy;

      gtk_gesture_drag_get_start_point (gesture, &sx, &sy);
      if (bw_canvas_strip_contains (self, sx, sy) && ABS (off_x) < 4 && ABS (off_y) < 4)
        bw_canvas_activate_strip (self, sx, sy);
    }

  switch (mode)
    {
    case DRAG_MOVE:
      if (self->applied_dx != 0 || self->applied_dy != 0)
        bw_canvas_settle_selection (self, self->merge_serial);
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
        g_ptr_array_add (ids, NULL);
        bw_selection_add (self->selection, (const char *const *) ids->pdata);
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
  if (bw_canvas_strip_contains (self, wx, wy))
    {
      id = NULL;
      cursor = "pointer";
    }
  else if ((id = handle_at (self, x, y)) != NULL)
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
  GdkModifierType mods =
      gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (scroll));
  double px = self->last_wx;
  double py = self->last_wy;

  if (mods & GDK_CONTROL_MASK)
    {
      bw_canvas_zoom_at (self, bw_viewport_get_zoom (self->viewport) * pow (1.1, -dy), px, py);
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
  bw_canvas_zoom_at (self, self->zoom_begin * scale, cx, cy);
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

void
bw_canvas_input_init (BwCanvas *self)
{
  GtkGesture *drag;
  GtkGesture *zoom;
  GtkEventController *controller;
  GtkDropTarget *drop;

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

}
