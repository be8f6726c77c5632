/* bw-document-check.h: a project read against a catalog — whether every zone and node names a
 * stencil the catalog knows. The file format checks a kind's spelling only; the window's open
 * and the command line's subcommands both finish loading with this. */
#pragma once

#include "bw-catalog.h"
#include "bw-document.h"

G_BEGIN_DECLS

/* FALSE with BW_DOCUMENT_ERROR_INVALID naming the first place whose kind the catalog does not
 * know (`nodes[3].kind: unknown kind “x”`), or that names a stencil of the wrong role. */
gboolean    bw_document_check_catalog (BwDocument  *document,
                                       BwCatalog   *catalog,
                                       GError     **error);

/* bw_document_load_from_file, then bw_document_check_catalog when `catalog` is not NULL. */
BwDocument *bw_document_load_checked  (const char  *path,
                                       BwCatalog   *catalog,
                                       GError     **error);

G_END_DECLS
