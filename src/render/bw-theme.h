/* bw-theme.h: every colour the diagram is drawn in, for the light and the dark style — one set
 * shared by the canvas, the painter (PNG, PDF) and the SVG writer. */
#pragma once

#include "bw-catalog.h"
#include "bw-document.h"

G_BEGIN_DECLS

typedef struct
{
  double r, g, b, a;
} BwColor;

/* Zone families, each with its own colour. */
typedef enum
{
  BW_ZONE_TONE_AZURE,
  BW_ZONE_TONE_M365,
  BW_ZONE_TONE_ONPREM,
  BW_ZONE_TONE_OTHER,
  BW_N_ZONE_TONES,
} BwZoneTone;

/* What a card's accent (role band and icon) says it is. */
typedef enum
{
  BW_ACCENT_SERVICE,
  BW_ACCENT_SIEM,
  BW_ACCENT_COLLECTOR,
  BW_ACCENT_ASSET,
  BW_ACCENT_UNKNOWN,  /* a kind the catalog does not know */
  BW_N_ACCENTS,
} BwAccent;

#define BW_N_COVERAGE_STOPS 4

typedef struct
{
  gboolean dark;

  BwColor  background;     /* canvas and export page */
  BwColor  grid;           /* background dots */
  BwColor  card;           /* node cards */
  BwColor  card_border;
  BwColor  card_shadow;
  BwColor  text;           /* node labels, on `card` */
  BwColor  text_dim;       /* secondary ink: flow edges */
  BwColor  hint;           /* the empty-estate hint, on `background` */

  BwColor  selection;      /* selection rings, selected edges, keyboard focus */
  BwColor  highlight;      /* services covering the technique picked in the coverage view */
  BwColor  marked;         /* assets where that technique is a gap; gap phases */
  BwColor  handle;         /* the connection handle on the hovered node */
  BwColor  connecting;     /* the connection being drawn */
  BwColor  guide;          /* alignment guides while a node is dragged */
  BwColor  rubber_fill;    /* the rubber band */
  BwColor  rubber_border;

  BwColor  zones[BW_N_ZONE_TONES];  /* zone border and fill */
  BwColor  zone_titles[BW_N_ZONE_TONES]; /* header icon and title, on the zone's fill */
  double   zone_fill_alpha;         /* the zone colour, this opaque, fills the zone */
  double   zone_border_alpha;

  BwColor  accents[BW_N_ACCENTS];
  BwColor  edges[BW_EDGE_FLOW + 1];

  BwColor  coverage[BW_N_COVERAGE_STOPS]; /* gap (red) through amber to covered (green) */
  BwColor  coverage_unknown;              /* nothing applicable */
  BwColor  on_status;         /* text on a coverage colour (badges, strip cells) */
  BwColor on_status_bright; /* the same on the bright ones, where it reads better; alpha 0: never */

  BwColor  strip;             /* the coverage strip's panel */
  double   cell_alpha;        /* a strip cell's coverage colour, this opaque */
  double   cell_unknown_alpha;
} BwTheme;

/* The light (exports' default) or the dark style. Static data; never freed. */
const BwTheme *bw_theme_get              (gboolean dark);

BwColor        bw_theme_zone_color       (const BwTheme   *theme,
                                          const char      *kind);
BwColor        bw_theme_zone_title_color (const BwTheme  *theme,
                                          const char      *kind);
BwZoneTone     bw_zone_tone_for_kind     (const char      *kind);
BwColor        bw_theme_accent_color     (const BwTheme   *theme,
                                          const BwStencil *stencil);
BwAccent       bw_accent_for_stencil     (const BwStencil *stencil);
BwColor        bw_theme_edge_color       (const BwTheme   *theme,
                                          BwEdgeKind       kind);
/* The colour of a coverage ratio, from gap to covered; `coverage_unknown` when ratio < 0. */
BwColor        bw_theme_coverage_color   (const BwTheme   *theme,
                                          double           ratio);
/* The text colour on a fill of `status` (composited over `under` when not opaque). */
BwColor        bw_theme_on_status        (const BwTheme   *theme,
                                          const BwColor   *status,
                                          const BwColor   *under);
/* The text colour in a strip cell of `ratio` over `under`: the status ink on a coverage
 * colour, the label ink on a cell where nothing applies (whose pale fill white would vanish in). */
BwColor        bw_theme_cell_ink         (const BwTheme   *theme,
                                          double           ratio,
                                          const BwColor   *under);
/* A strip cell's fill: its coverage colour at the cell's opacity. */
BwColor        bw_theme_cell_color       (const BwTheme   *theme,
                                          double           ratio);

/* `top` painted over `bottom`: an opaque colour when `bottom` is. */
BwColor        bw_color_over             (const BwColor   *top,
                                          const BwColor   *bottom);
/* WCAG 2 relative luminance of an opaque colour (alpha is ignored). */
double         bw_color_luminance        (const BwColor   *color);
/* WCAG 2 contrast ratio (1 to 21) of `fg` over the opaque `bg`, `fg` composited first. */
double         bw_color_contrast         (const BwColor   *fg,
                                          const BwColor   *bg);
BwColor        bw_color_with_alpha       (const BwColor   *color,
                                          double           alpha);

G_END_DECLS
