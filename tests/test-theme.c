/* test-theme.c: the colour sets — WCAG contrast of every text the diagram draws against what it
 * is drawn on, 4.5:1 in both styles (labels, the hint, zone titles, badges, strip cells, the
 * legend), 3:1 for icons and edges in the dark style, and the light set exports use. */
#include "config.h"

#include <math.h>

#include "bw-theme.h"

#define TEXT_CONTRAST    4.5
#define GRAPHIC_CONTRAST 3.0

static void
assert_contrast (const char    *what,
                 const BwColor *fg,
                 const BwColor *bg,
                 double         minimum)
{
  double contrast = bw_color_contrast (fg, bg);

  if (contrast < minimum)
    g_error ("%s: contrast %.2f:1, below %.1f:1", what, contrast, minimum);
}

static void
test_arithmetic (void)
{
  BwColor black = { 0, 0, 0, 1 };
  BwColor white = { 1, 1, 1, 1 };
  BwColor half = { 0, 0, 0, 0.5 };
  BwColor grey;

  g_assert_cmpfloat_with_epsilon (bw_color_contrast (&black, &white), 21, 1e-9);
  g_assert_cmpfloat_with_epsilon (bw_color_contrast (&white, &black), 21, 1e-9);
  g_assert_cmpfloat_with_epsilon (bw_color_contrast (&white, &white), 1, 1e-9);
  /* WCAG's own example: #777777 on white is 4.48:1. */
  grey = (BwColor) { 0x77 / 255.0, 0x77 / 255.0, 0x77 / 255.0, 1 };
  g_assert_cmpfloat_with_epsilon (bw_color_contrast (&grey, &white), 4.48, 0.005);

  /* Half-transparent black over white is mid grey, opaque. */
  grey = bw_color_over (&half, &white);
  g_assert_cmpfloat_with_epsilon (grey.r, 0.5, 1e-9);
  g_assert_cmpfloat (grey.a, ==, 1);
}

/* Text on cards, the hint on the background: readable in both styles. */
static void
test_labels_both_styles (void)
{
  for (int dark = 0; dark <= 1; dark++)
    {
      const BwTheme *theme = bw_theme_get (dark);

      g_assert_cmpint (theme->dark, ==, dark);
      assert_contrast ("label on card", &theme->text, &theme->card, TEXT_CONTRAST);
      assert_contrast ("label on background", &theme->text, &theme->background, TEXT_CONTRAST);
      assert_contrast ("empty-estate hint", &theme->hint, &theme->background, TEXT_CONTRAST);
      /* The legend's words on its panel, and a compact label's on the plate past its card
       * (the card's colour). */
      {
        BwColor panel = bw_color_over (&theme->strip, &theme->background);

        assert_contrast ("legend", &theme->text, &panel, TEXT_CONTRAST);
      }
    }
}

static void
test_zone_titles (gconstpointer data)
{
  const BwTheme *theme = bw_theme_get (GPOINTER_TO_INT (data));

  for (guint tone = 0; tone < BW_N_ZONE_TONES; tone++)
    {
      const BwColor *color = &theme->zone_titles[tone];
      BwColor zone = theme->zones[tone];
      BwColor fill = bw_color_with_alpha (&zone, theme->zone_fill_alpha);
      /* A title is read on its zone's fill, over the background or over its parent's fill. */
      BwColor once = bw_color_over (&fill, &theme->background);
      BwColor twice = bw_color_over (&fill, &once);
      g_autofree char *what = g_strdup_printf ("zone title, tone %u", tone);

      assert_contrast (what, color, &once, TEXT_CONTRAST);
      assert_contrast (what, color, &twice, TEXT_CONTRAST);
      /* The header's icon is drawn in the title's ink; the zone's border shows on the
       * background. */
      g_assert_true (bw_theme_zone_title_color (theme, tone == BW_ZONE_TONE_M365 ? "zone.m365"
                                                       : tone == BW_ZONE_TONE_ONPREM
                                                           ? "zone.onprem"
                                                       : tone == BW_ZONE_TONE_AZURE ? "zone.azure"
                                                                                    : "zone.dmz")
                         .r == color->r);
      {
        BwColor border = bw_color_with_alpha (&zone, theme->zone_border_alpha);

        assert_contrast ("zone border", &border, &theme->background, 1.5);
      }
    }
}

/* Badge and strip text over every coverage colour, from gap to covered, and over "nothing
 * applicable". */
static void
test_status_text (gconstpointer data)
{
  const BwTheme *theme = bw_theme_get (GPOINTER_TO_INT (data));
  BwColor strip = bw_color_over (&theme->strip, &theme->background);

  for (int percent = -1; percent <= 100; percent++)
    {
      double ratio = percent < 0 ? -1 : percent / 100.0;
      BwColor badge = bw_theme_coverage_color (theme, ratio);
      BwColor cell = bw_theme_cell_color (theme, ratio);
      BwColor badge_ink = bw_theme_on_status (theme, &badge, &theme->card);
      BwColor cell_ink = bw_theme_cell_ink (theme, ratio, &strip);
      BwColor cell_fill = bw_color_over (&cell, &strip);
      g_autofree char *what = g_strdup_printf ("status text at %d%%", percent);

      if (percent >= 0)
        assert_contrast (what, &badge_ink, &badge, TEXT_CONTRAST);
      assert_contrast (what, &cell_ink, &cell_fill, TEXT_CONTRAST);
    }
}

/* A strip cell where nothing applies is pale in both styles: its text reads on it. */
static void
test_not_applicable_cells (void)
{
  for (int dark = 0; dark <= 1; dark++)
    {
      const BwTheme *theme = bw_theme_get (dark);
      BwColor strip = bw_color_over (&theme->strip, &theme->background);
      BwColor cell = bw_theme_cell_color (theme, -1);
      BwColor fill = bw_color_over (&cell, &strip);
      BwColor ink = bw_theme_cell_ink (theme, -1, &strip);

      assert_contrast (dark ? "not-applicable cell, dark" : "not-applicable cell, light", &ink, &fill,
                       TEXT_CONTRAST);
    }
  /* Cells with a ratio keep the status ink. */
  for (int dark = 0; dark <= 1; dark++)
    {
      const BwTheme *theme = bw_theme_get (dark);
      BwColor strip = bw_color_over (&theme->strip, &theme->background);
      BwColor cell = bw_theme_cell_color (theme, 0.5);
      BwColor status = bw_theme_on_status (theme, &cell, &strip);
      BwColor ink = bw_theme_cell_ink (theme, 0.5, &strip);

      g_assert_cmpfloat (ink.r, ==, status.r);
      g_assert_cmpfloat (ink.a, ==, status.a);
    }
}

/* Icons, role bands, edges and selection are graphics: 3:1 against what they are drawn on. */
static void
test_dark_graphics (void)
{
  const BwTheme *theme = bw_theme_get (TRUE);

  for (guint accent = 0; accent < BW_N_ACCENTS; accent++)
    {
      g_autofree char *what = g_strdup_printf ("accent %u on card", accent);

      assert_contrast (what, &theme->accents[accent], &theme->card, GRAPHIC_CONTRAST);
    }
  for (guint kind = 0; kind <= BW_EDGE_FLOW; kind++)
    {
      g_autofree char *what = g_strdup_printf ("edge kind %u on background", kind);

      assert_contrast (what, &theme->edges[kind], &theme->background, GRAPHIC_CONTRAST);
    }
  assert_contrast ("selection on background", &theme->selection, &theme->background, GRAPHIC_CONTRAST);
  assert_contrast ("selection on card", &theme->selection, &theme->card, GRAPHIC_CONTRAST);
  assert_contrast ("highlight on background", &theme->highlight, &theme->background, GRAPHIC_CONTRAST);
  assert_contrast ("gap mark on background", &theme->marked, &theme->background, GRAPHIC_CONTRAST);
  assert_contrast ("connection handle", &theme->handle, &theme->card, GRAPHIC_CONTRAST);
}

/* Edges are drawn at least a device pixel wide, so from afar a thin line keeps only its colour:
 * flow edges (the thinnest) at 4.5:1 on the background and on every zone's fill, like text;
 * the others at 3:1. */
static void
test_thin_lines (gconstpointer data)
{
  const BwTheme *theme = bw_theme_get (GPOINTER_TO_INT (data));

  for (guint tone = 0; tone < BW_N_ZONE_TONES; tone++)
    {
      BwColor fill = bw_color_with_alpha (&theme->zones[tone], theme->zone_fill_alpha);
      BwColor once = bw_color_over (&fill, &theme->background);
      BwColor twice = bw_color_over (&fill, &once);

      assert_contrast ("flow edge on a zone", &theme->edges[BW_EDGE_FLOW], &twice, TEXT_CONTRAST);
      assert_contrast ("protects edge on a zone", &theme->edges[BW_EDGE_PROTECTS], &twice,
                       GRAPHIC_CONTRAST);
      assert_contrast ("telemetry edge on a zone", &theme->edges[BW_EDGE_TELEMETRY], &twice,
                       GRAPHIC_CONTRAST);
    }
  assert_contrast ("flow edge", &theme->edges[BW_EDGE_FLOW], &theme->background, TEXT_CONTRAST);
}

/* The light set is the exports' look: cards, zones and coverage in the colours the golden SVG
 * holds; text on a status colour is white on red, black on amber and green (where white was
 * 2.2:1). */
static void
test_light_is_the_export_look (void)
{
  const BwTheme *theme = bw_theme_get (FALSE);
  BwColor red = bw_theme_coverage_color (theme, 0);
  BwColor green = bw_theme_coverage_color (theme, 1);
  BwColor amber = bw_theme_coverage_color (theme, 2 / 3.0);
  BwColor ink = bw_theme_on_status (theme, &amber, &theme->card);
  BwColor azure = bw_theme_zone_color (theme, "zone.vnet");

  g_assert_false (theme->dark);
  g_assert_cmpfloat (ink.r, ==, 0);
  g_assert_cmpfloat (ink.a, ==, 1);
  ink = bw_theme_on_status (theme, &red, &theme->card);
  g_assert_cmpfloat (ink.r, ==, 1);
  ink = bw_theme_on_status (theme, &green, &theme->card);
  g_assert_cmpfloat (ink.r, ==, 0);
  g_assert_cmpfloat (red.r, ==, 0.88);
  g_assert_cmpfloat (green.g, ==, 0.76);
  g_assert_cmpfloat (azure.b, ==, 0.85);
  g_assert_cmpfloat (theme->background.r, ==, 0.98);
  g_assert_cmpfloat (bw_theme_coverage_color (theme, -1).r, ==, 0.6);
  g_assert_cmpint (bw_zone_tone_for_kind ("zone.m365-tenant"), ==, BW_ZONE_TONE_M365);
  g_assert_cmpint (bw_zone_tone_for_kind ("zone.onprem"), ==, BW_ZONE_TONE_ONPREM);
  g_assert_cmpint (bw_zone_tone_for_kind ("zone.dmz"), ==, BW_ZONE_TONE_OTHER);
  g_assert_cmpint (bw_accent_for_stencil (NULL), ==, BW_ACCENT_UNKNOWN);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/theme/not-applicable-cells", test_not_applicable_cells);
  g_test_add_func ("/theme/arithmetic", test_arithmetic);
  g_test_add_func ("/theme/labels-both-styles", test_labels_both_styles);
  g_test_add_data_func ("/theme/zone-titles/light", GINT_TO_POINTER (FALSE), test_zone_titles);
  g_test_add_data_func ("/theme/zone-titles/dark", GINT_TO_POINTER (TRUE), test_zone_titles);
  g_test_add_data_func ("/theme/status-text/light", GINT_TO_POINTER (FALSE), test_status_text);
  g_test_add_data_func ("/theme/status-text/dark", GINT_TO_POINTER (TRUE), test_status_text);
  g_test_add_data_func ("/theme/thin-lines/light", GINT_TO_POINTER (FALSE), test_thin_lines);
  g_test_add_data_func ("/theme/thin-lines/dark", GINT_TO_POINTER (TRUE), test_thin_lines);
  g_test_add_func ("/theme/dark-graphics", test_dark_graphics);
  g_test_add_func ("/theme/light-is-the-export-look", test_light_is_the_export_look);
  return g_test_run ();
}
