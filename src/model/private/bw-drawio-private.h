/* bw-drawio-private.h: the pieces of the draw.io import, for its own files and the tests. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A compressed <diagram> payload: base64, then raw deflate, then URL-encoding. Refuses more
 * than `max_inflated` bytes of output. Returns NUL-terminated text. */
char       *bw_drawio_inflate_payload  (const char  *payload,
                                        gsize        max_inflated,
                                        gsize       *out_length,
                                        GError     **error);
/* TRUE when `data` starts with the PNG signature. */
gboolean    bw_drawio_is_png           (const char  *data,
                                        gsize        length);
/* The diagram a .drawio.png carries: the text of its "mxfile" tEXt chunk, or of an older
 * "mxGraphModel" zTXt chunk, URL-decoded. Returns NUL-terminated XML text. */
char       *bw_drawio_png_payload      (const char  *data,
                                        gsize        length,
                                        gsize        max_inflated,
                                        gsize       *out_length,
                                        GError     **error);
/* A label as text: markup stripped when `html`, entities decoded, line breaks and runs of
 * white space made one space, trimmed. */
char       *bw_drawio_label_text       (const char  *label,
                                        gboolean     html);
/* The value of `key` in a draw.io style ("shape=x;image=y;"), or NULL. */
char       *bw_drawio_style_get        (const char  *style,
                                        const char  *key);
/* TRUE if the style holds the bare word `word` ("text;html=1;" holds "text"). */
gboolean    bw_drawio_style_has_word   (const char  *style,
                                        const char  *word);

/* The mapping table: draw.io icon images and shape names to stencil ids, then keywords. */
typedef struct _BwDrawioMap BwDrawioMap;

BwDrawioMap *bw_drawio_map_load_default (GError     **error);
BwDrawioMap *bw_drawio_map_new_from_bytes (GBytes    *bytes,
                                           GError   **error);
void         bw_drawio_map_free         (BwDrawioMap *map);
/* By the icon's image path (anything up to "img/lib/" is ignored), or NULL. */
const char  *bw_drawio_map_lookup_image (BwDrawioMap *map,
                                         const char  *image);
const char  *bw_drawio_map_lookup_shape (BwDrawioMap *map,
                                         const char  *shape);
/* The first keyword found as whole words in `text`, or NULL. */
const char  *bw_drawio_map_lookup_keyword (BwDrawioMap *map,
                                           const char  *text);
/* The zone kind for a container labelled `text`, or NULL. */
const char  *bw_drawio_map_lookup_zone  (BwDrawioMap *map,
                                         const char  *text);
char       **bw_drawio_map_dup_targets  (BwDrawioMap *map);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwDrawioMap, bw_drawio_map_free)

/* One cell of a page, as read (bw-drawio.c) and as placed (bw-drawio-build.c). */
typedef enum
{
  BW_DRAWIO_CELL_OTHER,      /* the root, a layer, or what is neither vertex nor edge */
  BW_DRAWIO_CELL_NODE,
  BW_DRAWIO_CELL_ZONE,
  BW_DRAWIO_CELL_TEXT,
  BW_DRAWIO_CELL_SKIP,       /* a shape no stencil matches */
  BW_DRAWIO_CELL_EDGE,
  BW_DRAWIO_CELL_EDGE_LABEL, /* a label on a connector */
  BW_DRAWIO_CELL_HIDDEN,     /* a shape or connector draw.io does not show */
} BwDrawioCellRole;

typedef struct _BwDrawioCell BwDrawioCell;
struct _BwDrawioCell
{
  char             *id;
  char             *parent_id;
  char             *label;    /* plain text */
  char             *style;
  char             *source;
  char             *target;
  gboolean          vertex;
  gboolean          edge;
  gboolean          hidden;   /* visible="0" on it or on a cell it lies in */
  double            x, y, w, h;
  int               line;

  BwDrawioCell     *parent;
  BwDrawioCellRole  role;
  const char       *stencil;
  gboolean          icon;     /* matched by its image or shape name */
  gboolean          has_children;
  gboolean          placed;
  double            ax, ay;   /* absolute, in draw.io units */
  BwDrawioCell     *zone;     /* the zone it is drawn in */
  BwDrawioCell     *stands_for; /* a group of one icon and its caption: the icon */
  BwDrawioCell     *only_node;  /* while grouping: the one child that is a node */
  BwDrawioCell     *caption;    /* while grouping: the first child that is text */
  guint             n_nodes;    /* while grouping: children that are nodes */
  guint             n_others;   /* while grouping: children that are neither nodes nor text */
  guint             zone_depth;
  char             *doc_id;
};

/* Turns the cells of page `page` into `document`, adding what is left out to `report`. */
#include "bw-catalog.h"
#include "bw-document.h"
#include "bw-drawio.h"
gboolean     bw_drawio_build            (BwCatalog       *catalog,
                                         BwDrawioMap     *map,
                                         GHashTable      *mapped,
                                         GPtrArray       *cells,
                                         const char      *page,
                                         BwDocument      *document,
                                         BwDrawioReport  *report,
                                         GError         **error);

G_END_DECLS
