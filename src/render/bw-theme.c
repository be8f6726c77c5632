/* bw-theme.c: the light and dark colour sets, and the colour arithmetic (compositing, WCAG
 * contrast) that keeps the dark one readable. */
#include "config.h"

#include <math.h>

#include "bw-theme.h"

#define GNOME_BLUE_3      { 0.21, 0.52, 0.89, 1 }
#define GNOME_BLUE_2      { 0.38, 0.63, 0.92, 1 }
#define INK_LIGHT(alpha)  { 0.14, 0.14, 0.15, alpha }
#define INK_DARK(alpha)   { 1, 1, 1, alpha }

/* The light set is the one exports use: change it and every exported file changes. Its text
 * keeps 4.5:1 too (test-theme): zone titles in darker inks than the zones' own colours, and
 * dark text on the bright status colours. */
static const BwTheme light_theme = {
  .dark = FALSE,
  .background = { 0.98, 0.98, 0.98, 1 },
  .grid = { 0, 0, 0, 0.13 },
  .card = { 1, 1, 1, 1 },
  .card_border = { 0, 0, 0, 0.15 },
  .card_shadow = { 0, 0, 0, 0.08 },
  .text = INK_LIGHT (1),
  .text_dim = INK_LIGHT (0.6),
  .hint = INK_LIGHT (0.7),

  .selection = GNOME_BLUE_3,
  .highlight = { 0.18, 0.76, 0.49, 1 },
  .marked = { 0.88, 0.11, 0.14, 1 },
  .handle = GNOME_BLUE_3,
  .connecting = { 0.21, 0.52, 0.89, 0.9 },
  .guide = { 0.90, 0.20, 0.55, 0.9 },
  .rubber_fill = { 0.21, 0.52, 0.89, 0.12 },
  .rubber_border = { 0.21, 0.52, 0.89, 0.8 },

  .zones = {
    [BW_ZONE_TONE_AZURE] = { 0.11, 0.44, 0.85, 1 },
    [BW_ZONE_TONE_M365] = { 0.90, 0.38, 0.00, 1 },
    [BW_ZONE_TONE_ONPREM] = { 0.37, 0.36, 0.39, 1 },
    [BW_ZONE_TONE_OTHER] = { 0.13, 0.56, 0.64, 1 },
  },
  .zone_titles = {
    [BW_ZONE_TONE_AZURE] = { 0.07, 0.35, 0.72, 1 },
    [BW_ZONE_TONE_M365] = { 0.68, 0.26, 0.00, 1 },
    [BW_ZONE_TONE_ONPREM] = { 0.37, 0.36, 0.39, 1 },
    [BW_ZONE_TONE_OTHER] = { 0.04, 0.40, 0.47, 1 },
  },
  .zone_fill_alpha = 0.06,
  .zone_border_alpha = 0.55,

  .accents = {
    [BW_ACCENT_SERVICE] = GNOME_BLUE_3,
    [BW_ACCENT_SIEM] = { 0.15, 0.64, 0.41, 1 },
    [BW_ACCENT_COLLECTOR] = { 0.57, 0.25, 0.67, 1 },
    [BW_ACCENT_ASSET] = { 0.37, 0.36, 0.39, 1 },
    [BW_ACCENT_UNKNOWN] = { 0.6, 0.6, 0.6, 1 },
  },
  .edges = {
    /* 3:1 on every zone's fill too (test-theme), also where Azure's blue lies beneath. */
    [BW_EDGE_PROTECTS] = { 0.13, 0.42, 0.80, 0.9 },
    [BW_EDGE_TELEMETRY] = { 0.57, 0.25, 0.67, 0.8 },
    [BW_EDGE_FLOW] = INK_LIGHT (0.72),
  },

  .coverage = {
    { 0.88, 0.11, 0.14, 1 }, /* red */
    { 0.90, 0.38, 0.00, 1 }, /* orange */
    { 0.90, 0.65, 0.04, 1 }, /* amber */
    { 0.18, 0.76, 0.49, 1 }, /* green */
  },
  .coverage_unknown = { 0.6, 0.6, 0.6, 1 },
  .on_status = { 1, 1, 1, 1 },
  /* White on amber or green is 2.2:1; black or white, whichever reads better, is 4.58:1. */
  .on_status_bright = { 0, 0, 0, 1 },

  .strip = { 1, 1, 1, 0.96 },
  .cell_alpha = 0.9,
  .cell_unknown_alpha = 0.25,
};

/* The dark set: lighter tints where the light ones would sink into a dark background, and
 * dark text on the bright status colours (as libadwaita's warning colour has). */
static const BwTheme dark_theme = {
  .dark = TRUE,
  .background = { 0.14, 0.14, 0.14, 1 },
  .grid = { 1, 1, 1, 0.12 },
  .card = { 0.22, 0.22, 0.23, 1 },
  .card_border = { 1, 1, 1, 0.12 },
  .card_shadow = { 0, 0, 0, 0.35 },
  .text = INK_DARK (0.92),
  .text_dim = INK_DARK (0.55),
  .hint = INK_DARK (0.7),

  .selection = { 0.47, 0.68, 0.93, 1 },
  .highlight = { 0.34, 0.89, 0.54, 1 },
  .marked = { 1, 0.47, 0.44, 1 },
  .handle = { 0.47, 0.68, 0.93, 1 },
  .connecting = { 0.47, 0.68, 0.93, 0.9 },
  .guide = { 0.96, 0.40, 0.70, 0.9 },
  .rubber_fill = { 0.47, 0.68, 0.93, 0.15 },
  .rubber_border = { 0.47, 0.68, 0.93, 0.8 },

  /* Titles in these are read on the zone's own fill (test-theme checks 4.5:1). */
  .zones = {
    [BW_ZONE_TONE_AZURE] = { 0.53, 0.72, 0.95, 1 },
    [BW_ZONE_TONE_M365] = { 1.00, 0.60, 0.25, 1 },
    [BW_ZONE_TONE_ONPREM] = { 0.70, 0.70, 0.69, 1 },
    [BW_ZONE_TONE_OTHER] = { 0.30, 0.78, 0.84, 1 },
  },
  .zone_titles = {
    [BW_ZONE_TONE_AZURE] = { 0.53, 0.72, 0.95, 1 },
    [BW_ZONE_TONE_M365] = { 1.00, 0.60, 0.25, 1 },
    [BW_ZONE_TONE_ONPREM] = { 0.70, 0.70, 0.69, 1 },
    [BW_ZONE_TONE_OTHER] = { 0.30, 0.78, 0.84, 1 },
  },
  .zone_fill_alpha = 0.10,
  .zone_border_alpha = 0.55,

  .accents = {
    [BW_ACCENT_SERVICE] = GNOME_BLUE_2,
    [BW_ACCENT_SIEM] = { 0.20, 0.82, 0.48, 1 },
    [BW_ACCENT_COLLECTOR] = { 0.75, 0.38, 0.80, 1 },
    /* Asset grey would vanish on a dark card. */
    [BW_ACCENT_ASSET] = INK_DARK (0.55),
    [BW_ACCENT_UNKNOWN] = INK_DARK (0.55),
  },
  .edges = {
    [BW_EDGE_PROTECTS] = { 0.38, 0.63, 0.92, 0.85 },
    [BW_EDGE_TELEMETRY] = { 0.82, 0.52, 0.88, 0.9 },
    /* Flow edges are the thinnest: brighter than the secondary ink, to show at low zoom. */
    [BW_EDGE_FLOW] = INK_DARK (0.68),
  },

  .coverage = {
    { 0.88, 0.11, 0.14, 1 },
    { 0.90, 0.38, 0.00, 1 },
    { 0.90, 0.65, 0.04, 1 },
    { 0.18, 0.76, 0.49, 1 },
  },
  .coverage_unknown = { 0.6, 0.6, 0.6, 1 },
  .on_status = { 1, 1, 1, 1 },
  /* Black or white, whichever reads better, is at least 4.58:1 on any colour. */
  .on_status_bright = { 0, 0, 0, 1 },

  .strip = { 0.22, 0.22, 0.23, 0.96 },
  .cell_alpha = 0.9,
  .cell_unknown_alpha = 0.25,
};

const BwTheme *
bw_theme_get (gboolean dark)
{
  return dark ? &dark_theme : &light_theme;
}

BwZoneTone
bw_zone_tone_for_kind (const char *kind)
{
  if (g_str_has_prefix (kind, "zone.azure") || g_str_equal (kind, "zone.vnet") ||
      g_str_equal (kind, "zone.subnet"))
    return BW_ZONE_TONE_AZURE;
  if (g_str_has_prefix (kind, "zone.m365"))
    return BW_ZONE_TONE_M365;
  if (g_str_has_prefix (kind, "zone.onprem"))
    return BW_ZONE_TONE_ONPREM;
  return BW_ZONE_TONE_OTHER;
}

BwColor
bw_theme_zone_color (const BwTheme *theme,
                     const char    *kind)
{
  return theme->zones[bw_zone_tone_for_kind (kind)];
}

BwColor
bw_theme_zone_title_color (const BwTheme *theme,
                           const char    *kind)
{
  return theme->zone_titles[bw_zone_tone_for_kind (kind)];
}

BwAccent
bw_accent_for_stencil (const BwStencil *stencil)
{
  if (stencil == NULL)
    return BW_ACCENT_UNKNOWN;
  switch (stencil->role)
    {
    case BW_ROLE_SERVICE:
      return stencil->siem ? BW_ACCENT_SIEM : BW_ACCENT_SERVICE;
    case BW_ROLE_COLLECTOR:
      return BW_ACCENT_COLLECTOR;
    case BW_ROLE_ASSET:
    case BW_ROLE_ZONE:
    default:
      return BW_ACCENT_ASSET;
    }
}

BwColor
bw_theme_accent_color (const BwTheme   *theme,
                       const BwStencil *stencil)
{
  return theme->accents[bw_accent_for_stencil (stencil)];
}

BwColor
bw_theme_edge_color (const BwTheme *theme,
                     BwEdgeKind     kind)
{
  return theme->edges[kind <= BW_EDGE_FLOW ? kind : BW_EDGE_FLOW];
}

BwColor
bw_theme_coverage_color (const BwTheme *theme,
                         double         ratio)
{
  const BwColor *stops = theme->coverage;
  double pos;
  guint i;
  double t;

  if (ratio < 0)
    return theme->coverage_unknown;

  pos = CLAMP (ratio, 0, 1) * (BW_N_COVERAGE_STOPS - 1);
  i = MIN ((guint) pos, BW_N_COVERAGE_STOPS - 2);
  t = pos - i;
  return (BwColor) {
    stops[i].r + (stops[i + 1].r - stops[i].r) * t,
    stops[i].g + (stops[i + 1].g - stops[i].g) * t,
    stops[i].b + (stops[i + 1].b - stops[i].b) * t,
    1,
  };
}

BwColor
bw_theme_cell_color (const BwTheme *theme,
                     double         ratio)
{
  BwColor color = bw_theme_coverage_color (theme, ratio);

  color.a = ratio < 0 ? theme->cell_unknown_alpha : theme->cell_alpha;
  return color;
}

BwColor
bw_theme_on_status (const BwTheme *theme,
                    const BwColor *status,
                    const BwColor *under)
{
  BwColor fill = bw_color_over (status, under);

  if (theme->on_status_bright.a > 0 && bw_color_contrast (&theme->on_status_bright, &fill) >
                                           bw_color_contrast (&theme->on_status, &fill))
    return theme->on_status_bright;
  return theme->on_status;
}

BwColor
bw_theme_cell_ink (const BwTheme *theme,
                   double         ratio,
                   const BwColor *under)
{
  BwColor fill = bw_theme_cell_color (theme, ratio);

  if (ratio < 0)
    return theme->text;
  return bw_theme_on_status (theme, &fill, under);
}

BwColor
bw_color_over (const BwColor *top,
               const BwColor *bottom)
{
  double a = top->a + bottom->a * (1 - top->a);

  if (a <= 0)
    return (BwColor) { 0, 0, 0, 0 };
  return (BwColor) {
    (top->r * top->a + bottom->r * bottom->a * (1 - top->a)) / a,
    (top->g * top->a + bottom->g * bottom->a * (1 - top->a)) / a,
    (top->b * top->a + bottom->b * bottom->a * (1 - top->a)) / a,
    a,
  };
}

BwColor
bw_color_with_alpha (const BwColor *color,
                     double         alpha)
{
  return (BwColor) { color->r, color->g, color->b, color->a * alpha };
}

static double
linear (double channel)
{
  channel = CLAMP (channel, 0, 1);
  return channel <= 0.04045 ? channel / 12.92 : pow ((channel + 0.055) / 1.055, 2.4);
}

double
bw_color_luminance (const BwColor *color)
{
  return 0.2126 * linear (color->r) + 0.7152 * linear (color->g) + 0.0722 * linear (color->b);
}

double
bw_color_contrast (const BwColor *fg,
                   const BwColor *bg)
{
  BwColor ink = bw_color_over (fg, bg);
  double a = bw_color_luminance (&ink) + 0.05;
  double b = bw_color_luminance (bg) + 0.05;

  return MAX (a, b) / MIN (a, b);
}
