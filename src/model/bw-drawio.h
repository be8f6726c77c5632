/* bw-drawio.h: imports a draw.io / diagrams.net diagram into a new document. Shapes become
 * stencils by the table data/import/drawio.json, containers become zones, connectors become the
 * edge kinds the edit rules admit; everything left out is listed in a report. */
#pragma once

#include "bw-catalog.h"
#include "bw-document.h"

G_BEGIN_DECLS

/* What a draw.io file may be at most, and what its compressed pages may inflate to. */
#define BW_DRAWIO_MAX_INPUT    ((gsize) 64 << 20)
#define BW_DRAWIO_MAX_INFLATED ((gsize) 64 << 20)
/* How deep containers may nest, and how many cells a page may hold. */
#define BW_DRAWIO_MAX_NESTING  64
#define BW_DRAWIO_MAX_CELLS    200000
/* Bulwark's cards are larger than draw.io's icons: positions are spread by this factor. */
#define BW_DRAWIO_SCALE        2.0
/* Where the top-left corner of the drawing lands. */
#define BW_DRAWIO_MARGIN       40.0

typedef enum
{
  BW_DRAWIO_SKIPPED_SHAPE, /* a shape no stencil matches */
  BW_DRAWIO_SKIPPED_TEXT,  /* a text box */
  BW_DRAWIO_SKIPPED_EDGE,  /* a connector the edit rules do not admit, or not joined at both ends */
  BW_DRAWIO_SKIPPED_HIDDEN, /* a shape or connector draw.io hides (it, its group or its layer) */
} BwDrawioSkippedKind;

typedef struct
{
  BwDrawioSkippedKind  kind;
  char                *cell;    /* draw.io cell id */
  char                *label;   /* plain text, may be "" */
  char                *shape;   /* the style's shape or image, or its first word; may be NULL */
  char                *page;
  char                *reason;  /* translated, for edges; NULL for shapes and text */
} BwDrawioSkipped;

typedef struct
{
  char      *page;       /* the page imported */
  guint      page_index; /* its number, from 1 */
  guint      n_pages;
  guint      n_shapes;   /* vertices seen, containers included */
  guint      n_nodes;    /* nodes made */
  guint      n_zones;    /* zones made */
  guint      n_edges;    /* connectors seen */
  guint      n_edges_kept;
  guint      n_edges_reversed;
  GPtrArray *skipped;    /* BwDrawioSkipped, in file order */
} BwDrawioReport;

void         bw_drawio_report_free    (BwDrawioReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwDrawioReport, bw_drawio_report_free)

/* The names of the pages of a diagram, in file order (an unnamed page is "Page N"). */
char       **bw_drawio_list_pages     (const char  *data,
                                       gsize        length,
                                       GError     **error);
char       **bw_drawio_list_pages_file (const char  *path,
                                        GError     **error);
/* A diagram file's name without its draw.io extensions: "estate.drawio.png" → "estate". */
char        *bw_drawio_base_name      (const char  *path);

/* Imports page `page` (its name, or its number from 1; NULL for the first) of the diagram in
 * `data`. `title` names the new document. On bad input: NULL and one located, translated line
 * (G_IO_ERROR_INVALID_DATA). */
BwDocument  *bw_drawio_import         (BwCatalog        *catalog,
                                       const char       *data,
                                       gsize             length,
                                       const char       *page,
                                       const char       *title,
                                       BwDrawioReport  **out_report,
                                       GError          **error);
/* The same, with shapes the table does not map mapped by hand: `mapped` takes what the report
 * gives as a skipped shape's `shape` to a stencil id, for every shape of that kind. */
BwDocument  *bw_drawio_import_mapped  (BwCatalog        *catalog,
                                       const char       *data,
                                       gsize             length,
                                       const char       *page,
                                       const char       *title,
                                       GHashTable       *mapped,
                                       BwDrawioReport  **out_report,
                                       GError          **error);
/* The same for a file; the title is the file's name without its extension. */
BwDocument  *bw_drawio_import_file    (BwCatalog        *catalog,
                                       const char       *path,
                                       const char       *page,
                                       BwDrawioReport  **out_report,
                                       GError          **error);
BwDocument  *bw_drawio_import_file_mapped (BwCatalog        *catalog,
                                           const char       *path,
                                           const char       *page,
                                           GHashTable       *mapped,
                                           BwDrawioReport  **out_report,
                                           GError          **error);

/* The stencil ids the shipped table can give (for checking that it reaches every stencil). */
char       **bw_drawio_dup_table_targets (GError **error);

G_END_DECLS
