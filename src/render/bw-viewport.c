/* bw-viewport.c: pan and zoom state of a view onto the diagram, kept apart from the widget so it
 * can be tested without a display. */
#include "config.h"

#include "bw-viewport.h"

struct _BwViewport
{
  GObject parent_instance;

  double  zoom;
  double  min_zoom;
  double  max_zoom;
  double  x;        /* diagram point at the view's top-left corner */
  double  y;
};

G_DEFINE_FINAL_TYPE (BwViewport, bw_viewport, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ZOOM,
  PROP_MIN_ZOOM,
  PROP_MAX_ZOOM,
  PROP_X,
  PROP_Y,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Sets the whole state at once, then notifies what changed, so a listener never sees a new
 * zoom with the old origin. */
static void
update (BwViewport *self,
        double      zoom,
        double      x,
        double      y)
{
  gboolean zoom_changed;
  gboolean x_changed;
  gboolean y_changed;

  zoom = CLAMP (zoom, self->min_zoom, self->max_zoom);
  zoom_changed = zoom != self->zoom;
  x_changed = x != self->x;
  y_changed = y != self->y;
  self->zoom = zoom;
  self->x = x;
  self->y = y;

  g_object_freeze_notify (G_OBJECT (self));
  if (zoom_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  if (x_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_X]);
  if (y_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_Y]);
  g_object_thaw_notify (G_OBJECT (self));
}

BwViewport *
bw_viewport_new (void)
{
  return g_object_new (BW_TYPE_VIEWPORT, NULL);
}

double
bw_viewport_get_zoom (BwViewport *self)
{
  g_return_val_if_fail (BW_IS_VIEWPORT (self), 1);

  return self->zoom;
}

void
bw_viewport_set_zoom (BwViewport *self,
                      double      zoom)
{
  g_return_if_fail (BW_IS_VIEWPORT (self));
  g_return_if_fail (zoom > 0);

  update (self, zoom, self->x, self->y);
}

double
bw_viewport_get_min_zoom (BwViewport *self)
{
  g_return_val_if_fail (BW_IS_VIEWPORT (self), BW_VIEWPORT_ZOOM_MIN);

  return self->min_zoom;
}

void
bw_viewport_set_min_zoom (BwViewport *self,
                          double      min_zoom)
{
  g_return_if_fail (BW_IS_VIEWPORT (self));
  g_return_if_fail (min_zoom > 0);
  g_return_if_fail (min_zoom <= self->max_zoom);

  if (min_zoom == self->min_zoom)
    return;
  self->min_zoom = min_zoom;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIN_ZOOM]);
  update (self, self->zoom, self->x, self->y);
}

double
bw_viewport_get_max_zoom (BwViewport *self)
{
  g_return_val_if_fail (BW_IS_VIEWPORT (self), BW_VIEWPORT_ZOOM_MAX);

  return self->max_zoom;
}

void
bw_viewport_set_max_zoom (BwViewport *self,
                          double      max_zoom)
{
  g_return_if_fail (BW_IS_VIEWPORT (self));
  g_return_if_fail (max_zoom >= self->min_zoom);

  if (max_zoom == self->max_zoom)
    return;
  self->max_zoom = max_zoom;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_ZOOM]);
  update (self, self->zoom, self->x, self->y);
}

gboolean
bw_viewport_can_zoom_in (BwViewport *self)
{
  g_return_val_if_fail (BW_IS_VIEWPORT (self), FALSE);

  return self->zoom < self->max_zoom;
}

gboolean
bw_viewport_can_zoom_out (BwViewport *self)
{
  g_return_val_if_fail (BW_IS_VIEWPORT (self), FALSE);

  return self->zoom > self->min_zoom;
}

void
bw_viewport_get_origin (BwViewport *self,
                        double     *x,
                        double     *y)
{
  g_return_if_fail (BW_IS_VIEWPORT (self));

  if (x != NULL)
    *x = self->x;
  if (y != NULL)
    *y = self->y;
}

void
bw_viewport_set_origin (BwViewport *self,
                        double      x,
                        double      y)
{
  g_return_if_fail (BW_IS_VIEWPORT (self));

  update (self, self->zoom, x, y);
}

void
bw_viewport_scroll_by (BwViewport *self,
                       double      dx,
                       double      dy)
{
  g_return_if_fail (BW_IS_VIEWPORT (self));

  update (self, self->zoom, self->x + dx / self->zoom, self->y + dy / self->zoom);
}

void
bw_viewport_widget_to_model (BwViewport *self,
                             double      wx,
                             double      wy,
                             double     *x,
                             double     *y)
{
  g_return_if_fail (BW_IS_VIEWPORT (self));

  *x = self->x + wx / self->zoom;
  *y = self->y + wy / self->zoom;
}

void
bw_viewport_model_to_widget (BwViewport *self,
                             double      x,
                             double      y,
                             double     *wx,
                             double     *wy)
{
  g_return_if_fail (BW_IS_VIEWPORT (self));

  *wx = (x - self->x) * self->zoom;
  *wy = (y - self->y) * self->zoom;
}

BwRect
bw_viewport_get_visible (BwViewport *self,
                         double      width,
                         double      height)
{
  g_return_val_if_fail (BW_IS_VIEWPORT (self), (BwRect) { 0 });

  return (BwRect) { self->x, self->y, width / self->zoom, height / self->zoom };
}

void
bw_viewport_zoom_at (BwViewport *self,
                     double      zoom,
                     double      wx,
                     double      wy)
{
  double x, y;

  g_return_if_fail (BW_IS_VIEWPORT (self));
  g_return_if_fail (zoom > 0);

  zoom = CLAMP (zoom, self->min_zoom, self->max_zoom);
  bw_viewport_widget_to_model (self, wx, wy, &x, &y);
  update (self, zoom, x - wx / zoom, y - wy / zoom);
}

void
bw_viewport_fit (BwViewport   *self,
                 const BwRect *bounds,
                 double        width,
                 double        height)
{
  double margin = BW_VIEWPORT_FIT_MARGIN;
  double zoom;

  g_return_if_fail (BW_IS_VIEWPORT (self));

  if (bounds == NULL || bounds->w <= 0 || bounds->h <= 0)
    {
      update (self, 1, -margin, -margin);
      return;
    }
  zoom = MIN ((width - 2 * margin) / bounds->w, (height - 2 * margin) / bounds->h);
  zoom = CLAMP (zoom, self->min_zoom, MIN (BW_VIEWPORT_FIT_ZOOM_MAX, self->max_zoom));
  update (self, zoom, bounds->x - (width / zoom - bounds->w) / 2,
          bounds->y - (height / zoom - bounds->h) / 2);
}

void
bw_viewport_show_rect (BwViewport   *self,
                       const BwRect *rect,
                       double        width,
                       double        height)
{
  double wx, wy;

  g_return_if_fail (BW_IS_VIEWPORT (self));

  bw_viewport_model_to_widget (self, rect->x, rect->y, &wx, &wy);
  if (wx >= 0 && wy >= 0 && wx + rect->w * self->zoom <= width &&
      wy + rect->h * self->zoom <= height)
    return;
  update (self, self->zoom, rect->x + rect->w / 2 - width / 2 / self->zoom,
          rect->y + rect->h / 2 - height / 2 / self->zoom);
}

static void
bw_viewport_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BwViewport *self = BW_VIEWPORT (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_MIN_ZOOM:
      g_value_set_double (value, self->min_zoom);
      break;
    case PROP_MAX_ZOOM:
      g_value_set_double (value, self->max_zoom);
      break;
    case PROP_X:
      g_value_set_double (value, self->x);
      break;
    case PROP_Y:
      g_value_set_double (value, self->y);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_viewport_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BwViewport *self = BW_VIEWPORT (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      bw_viewport_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_MIN_ZOOM:
      bw_viewport_set_min_zoom (self, g_value_get_double (value));
      break;
    case PROP_MAX_ZOOM:
      bw_viewport_set_max_zoom (self, g_value_get_double (value));
      break;
    case PROP_X:
      bw_viewport_set_origin (self, g_value_get_double (value), self->y);
      break;
    case PROP_Y:
      bw_viewport_set_origin (self, self->x, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_viewport_class_init (BwViewportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = bw_viewport_get_property;
  object_class->set_property = bw_viewport_set_property;

  properties[PROP_ZOOM] = g_param_spec_double ("zoom", NULL, NULL, G_MINDOUBLE, G_MAXDOUBLE, 1,
                                               flags);
  properties[PROP_MIN_ZOOM] = g_param_spec_double ("min-zoom", NULL, NULL, G_MINDOUBLE,
                                                   G_MAXDOUBLE, BW_VIEWPORT_ZOOM_MIN, flags);
  properties[PROP_MAX_ZOOM] = g_param_spec_double ("max-zoom", NULL, NULL, G_MINDOUBLE,
                                                   G_MAXDOUBLE, BW_VIEWPORT_ZOOM_MAX, flags);
  properties[PROP_X] = g_param_spec_double ("x", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_Y] = g_param_spec_double ("y", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bw_viewport_init (BwViewport *self)
{
  self->zoom = 1;
  self->min_zoom = BW_VIEWPORT_ZOOM_MIN;
  self->max_zoom = BW_VIEWPORT_ZOOM_MAX;
}
