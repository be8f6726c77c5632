/* test-viewport.c: the canvas's pan and zoom state without a display — limits and clamping,
 * notifications, widget ↔ diagram conversion, zooming around a point, fitting a diagram. */
#include "config.h"

#include <math.h>

#include "bw-viewport.h"

static void
test_defaults (void)
{
  g_autoptr(BwViewport) viewport = bw_viewport_new ();
  double x, y;

  g_assert_cmpfloat (bw_viewport_get_zoom (viewport), ==, 1);
  g_assert_cmpfloat (bw_viewport_get_min_zoom (viewport), ==, BW_VIEWPORT_ZOOM_MIN);
  g_assert_cmpfloat (bw_viewport_get_max_zoom (viewport), ==, BW_VIEWPORT_ZOOM_MAX);
  bw_viewport_get_origin (viewport, &x, &y);
  g_assert_cmpfloat (x, ==, 0);
  g_assert_cmpfloat (y, ==, 0);
}

static void
test_zoom_limits (void)
{
  g_autoptr(BwViewport) viewport = bw_viewport_new ();

  /* The zoom stays within the limits. */
  bw_viewport_set_zoom (viewport, 100);
  g_assert_cmpfloat (bw_viewport_get_zoom (viewport), ==, BW_VIEWPORT_ZOOM_MAX);
  g_assert_false (bw_viewport_can_zoom_in (viewport));
  g_assert_true (bw_viewport_can_zoom_out (viewport));
  bw_viewport_set_zoom (viewport, 0.001);
  g_assert_cmpfloat (bw_viewport_get_zoom (viewport), ==, BW_VIEWPORT_ZOOM_MIN);
  g_assert_false (bw_viewport_can_zoom_out (viewport));

  /* Raising the minimum above the zoom raises the zoom; lowering it does not lower it. */
  bw_viewport_set_zoom (viewport, 0.5);
  bw_viewport_set_min_zoom (viewport, 2);
  g_assert_cmpfloat (bw_viewport_get_zoom (viewport), ==, 2);
  bw_viewport_set_min_zoom (viewport, 0.2);
  g_assert_cmpfloat (bw_viewport_get_zoom (viewport), ==, 2);

  /* Lowering the maximum below the zoom lowers the zoom. */
  bw_viewport_set_max_zoom (viewport, 1.5);
  g_assert_cmpfloat (bw_viewport_get_zoom (viewport), ==, 1.5);

  /* The limits cannot cross. */
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*min_zoom <= self->max_zoom*");
  bw_viewport_set_min_zoom (viewport, 3);
  g_test_assert_expected_messages ();
  g_assert_cmpfloat (bw_viewport_get_min_zoom (viewport), ==, 0.2);
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*max_zoom >= self->min_zoom*");
  bw_viewport_set_max_zoom (viewport, 0.1);
  g_test_assert_expected_messages ();
  g_assert_cmpfloat (bw_viewport_get_max_zoom (viewport), ==, 1.5);
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *counter)
{
  (*counter)++;
}

static void
test_notify (void)
{
  g_autoptr(BwViewport) viewport = bw_viewport_new ();
  guint zoom = 0;
  guint x = 0;
  guint y = 0;
  guint min = 0;

  g_signal_connect (viewport, "notify::zoom", G_CALLBACK (count_cb), &zoom);
  g_signal_connect (viewport, "notify::x", G_CALLBACK (count_cb), &x);
  g_signal_connect (viewport, "notify::y", G_CALLBACK (count_cb), &y);
  g_signal_connect (viewport, "notify::min-zoom", G_CALLBACK (count_cb), &min);

  bw_viewport_set_zoom (viewport, 2);
  g_assert_cmpuint (zoom, ==, 1);
  /* The same value again notifies nothing, nor does a clamped value equal to the current one. */
  bw_viewport_set_zoom (viewport, 2);
  bw_viewport_set_zoom (viewport, 50);
  bw_viewport_set_zoom (viewport, 60);
  g_assert_cmpuint (zoom, ==, 2);
  g_assert_cmpuint (x + y, ==, 0);

  bw_viewport_set_origin (viewport, 10, 0);
  g_assert_cmpuint (x, ==, 1);
  g_assert_cmpuint (y, ==, 0);

  /* Zooming around a point moves the origin with the zoom. */
  bw_viewport_zoom_at (viewport, 1, 100, 100);
  g_assert_cmpuint (zoom, ==, 3);
  g_assert_cmpuint (x, ==, 2);
  g_assert_cmpuint (y, ==, 1);

  /* Through the property, as a binding would. */
  g_object_set (viewport, "min-zoom", 2.0, NULL);
  g_assert_cmpuint (min, ==, 1);
  g_assert_cmpuint (zoom, ==, 4);
  g_assert_cmpfloat (bw_viewport_get_zoom (viewport), ==, 2);
}

static void
test_conversion (void)
{
  g_autoptr(BwViewport) viewport = bw_viewport_new ();
  double x, y, wx, wy;

  bw_viewport_set_origin (viewport, -40, 25);
  bw_viewport_set_zoom (viewport, 2);
  bw_viewport_widget_to_model (viewport, 100, 50, &x, &y);
  g_assert_cmpfloat (x, ==, 10);
  g_assert_cmpfloat (y, ==, 50);
  bw_viewport_model_to_widget (viewport, x, y, &wx, &wy);
  g_assert_cmpfloat (wx, ==, 100);
  g_assert_cmpfloat (wy, ==, 50);

  /* A round trip holds at any zoom and origin. */
  for (double zoom = 0.1; zoom <= 4; zoom *= 1.7)
    {
      bw_viewport_set_zoom (viewport, zoom);
      bw_viewport_set_origin (viewport, 123.25 * zoom, -77.5 / zoom);
      bw_viewport_widget_to_model (viewport, 333, 444, &x, &y);
      bw_viewport_model_to_widget (viewport, x, y, &wx, &wy);
      g_assert_cmpfloat_with_epsilon (wx, 333, 1e-9);
      g_assert_cmpfloat_with_epsilon (wy, 444, 1e-9);
    }

  /* What a view shows, and scrolling by view pixels. */
  bw_viewport_set_zoom (viewport, 2);
  bw_viewport_set_origin (viewport, 0, 0);
  {
    BwRect visible = bw_viewport_get_visible (viewport, 800, 600);

    g_assert_cmpfloat (visible.w, ==, 400);
    g_assert_cmpfloat (visible.h, ==, 300);
  }
  bw_viewport_scroll_by (viewport, 80, -40);
  bw_viewport_get_origin (viewport, &x, &y);
  g_assert_cmpfloat (x, ==, 40);
  g_assert_cmpfloat (y, ==, -20);
}

static void
test_zoom_at (void)
{
  g_autoptr(BwViewport) viewport = bw_viewport_new ();
  double before_x, before_y, after_x, after_y, wx, wy;

  bw_viewport_set_origin (viewport, 300, -120);
  bw_viewport_widget_to_model (viewport, 250, 175, &before_x, &before_y);
  bw_viewport_zoom_at (viewport, 2.5, 250, 175);
  g_assert_cmpfloat (bw_viewport_get_zoom (viewport), ==, 2.5);
  /* The diagram point under the pointer stays under it. */
  bw_viewport_widget_to_model (viewport, 250, 175, &after_x, &after_y);
  g_assert_cmpfloat_with_epsilon (after_x, before_x, 1e-9);
  g_assert_cmpfloat_with_epsilon (after_y, before_y, 1e-9);

  /* Past the limit it stops at the limit, still around the same point. */
  bw_viewport_zoom_at (viewport, 1000, 250, 175);
  g_assert_cmpfloat (bw_viewport_get_zoom (viewport), ==, BW_VIEWPORT_ZOOM_MAX);
  bw_viewport_model_to_widget (viewport, before_x, before_y, &wx, &wy);
  g_assert_cmpfloat_with_epsilon (wx, 250, 1e-9);
  g_assert_cmpfloat_with_epsilon (wy, 175, 1e-9);
}

static void
test_fit (void)
{
  g_autoptr(BwViewport) viewport = bw_viewport_new ();
  BwRect bounds = { 100, 50, 1600, 400 };
  BwRect tiny = { 10, 10, 20, 20 };
  double x0, y0, x1, y1;

  /* A wide diagram fills the width between the margins and is centred vertically. */
  bw_viewport_fit (viewport, &bounds, 880, 600);
  g_assert_cmpfloat_with_epsilon (bw_viewport_get_zoom (viewport), 0.5, 1e-12);
  bw_viewport_model_to_widget (viewport, bounds.x, bounds.y, &x0, &y0);
  bw_viewport_model_to_widget (viewport, bounds.x + bounds.w, bounds.y + bounds.h, &x1, &y1);
  g_assert_cmpfloat_with_epsilon (x0, BW_VIEWPORT_FIT_MARGIN, 1e-9);
  g_assert_cmpfloat_with_epsilon (x1, 880 - BW_VIEWPORT_FIT_MARGIN, 1e-9);
  g_assert_cmpfloat_with_epsilon (y0, 600 - y1, 1e-9);

  /* A small one is not blown up past the fit limit, and is centred both ways. */
  bw_viewport_fit (viewport, &tiny, 800, 600);
  g_assert_cmpfloat (bw_viewport_get_zoom (viewport), ==, BW_VIEWPORT_FIT_ZOOM_MAX);
  bw_viewport_model_to_widget (viewport, tiny.x + tiny.w / 2, tiny.y + tiny.h / 2, &x0, &y0);
  g_assert_cmpfloat_with_epsilon (x0, 400, 1e-9);
  g_assert_cmpfloat_with_epsilon (y0, 300, 1e-9);

  /* A huge one stops at the minimum zoom. */
  bounds = (BwRect) { 0, 0, 1e6, 1e6 };
  bw_viewport_fit (viewport, &bounds, 800, 600);
  g_assert_cmpfloat (bw_viewport_get_zoom (viewport), ==, BW_VIEWPORT_ZOOM_MIN);

  /* Nothing to show: zoom 1, the origin just inside the view. */
  bounds = (BwRect) { 0 };
  bw_viewport_fit (viewport, &bounds, 800, 600);
  g_assert_cmpfloat (bw_viewport_get_zoom (viewport), ==, 1);
  bw_viewport_get_origin (viewport, &x0, &y0);
  g_assert_cmpfloat (x0, ==, -BW_VIEWPORT_FIT_MARGIN);
  g_assert_cmpfloat (y0, ==, -BW_VIEWPORT_FIT_MARGIN);
}

static void
test_show_rect (void)
{
  g_autoptr(BwViewport) viewport = bw_viewport_new ();
  BwRect inside = { 100, 100, 50, 50 };
  BwRect outside = { 2000, 1500, 100, 60 };
  double x, y, wx, wy;

  /* Already in view: nothing moves. */
  bw_viewport_show_rect (viewport, &inside, 800, 600);
  bw_viewport_get_origin (viewport, &x, &y);
  g_assert_cmpfloat (x, ==, 0);
  g_assert_cmpfloat (y, ==, 0);

  /* Out of view: it comes to the middle. */
  bw_viewport_set_zoom (viewport, 2);
  bw_viewport_show_rect (viewport, &outside, 800, 600);
  bw_viewport_model_to_widget (viewport, outside.x + outside.w / 2, outside.y + outside.h / 2, &wx,
                               &wy);
  g_assert_cmpfloat_with_epsilon (wx, 400, 1e-9);
  g_assert_cmpfloat_with_epsilon (wy, 300, 1e-9);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/viewport/defaults", test_defaults);
  g_test_add_func ("/viewport/zoom-limits", test_zoom_limits);
  g_test_add_func ("/viewport/notify", test_notify);
  g_test_add_func ("/viewport/conversion", test_conversion);
  g_test_add_func ("/viewport/zoom-at", test_zoom_at);
  g_test_add_func ("/viewport/fit", test_fit);
  g_test_add_func ("/viewport/show-rect", test_show_rect);

  return g_test_run ();
}
