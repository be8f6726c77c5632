/* bw-svg-writer.h: a semantic SVG of the diagram — text stays text, each zone and node is a
 * group with an id, a title and data attributes, icons are symbols defined once. */
#pragma once

#include "bw-layout.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean         dark;
  const BwOverlay *overlay;   /* NULL: no coverage strip */
  const char      *title;     /* document title, for <title> */
} BwSvgOptions;

/* Returns the whole SVG document, deterministic for the same input. */
char    *bw_svg_write          (BwLayout           *layout,
                                const BwSvgOptions *options,
                                gsize              *out_length);

/* Escapes text for XML character data and attribute values. Characters XML 1.0 cannot hold
 * (most C0 controls, U+FFFE/U+FFFF, invalid UTF-8) and bidirectional overrides, which can make
 * a label read as something it is not, become U+FFFD. */
char    *bw_svg_escape         (const char *text);

G_END_DECLS
