/* bw-catalog-private.h: catalog internals shared with the importers and the tests. */
#pragma once

#include <json-glib/json-glib.h>

#include "bw-catalog.h"

G_BEGIN_DECLS

#define BW_CATALOG_ERROR (bw_catalog_error_quark ())
typedef enum
{
  BW_CATALOG_ERROR_INVALID,
  BW_CATALOG_ERROR_MISSING,
} BwCatalogError;

GQuark      bw_catalog_error_quark       (void);

/* Builds a catalog from the four files' contents. */
BwCatalog  *bw_catalog_new_from_bytes    (GBytes  *attack,
                                          GBytes  *killchain,
                                          GBytes  *mappings,
                                          GBytes  *stencils,
                                          GError **error);
/* One of the shipped catalog files, from the GResource. */
GBytes     *bw_catalog_shipped_file      (const char *name);
/* Where imported catalog files go: $XDG_DATA_HOME/bulwark/catalog. */
char       *bw_catalog_user_dir          (void);
/* Loads the catalog as start-up does from a user catalog directory: its files, and the shipped
 * ones for those it lacks. No fallback. */
BwCatalog  *bw_catalog_load_user_dir     (const char  *dir,
                                          GError     **error);
/* ATT&CK id → ATT&CK id for revoked techniques. */
GHashTable *bw_catalog_get_revoked       (BwCatalog *self);

/* Sets a BW_CATALOG_ERROR_INVALID error from a format, and returns FALSE, for the readers. */
gboolean    bw_catalog_invalid           (GError    **error,
                                          const char *format,
                                          ...) G_GNUC_PRINTF (2, 3);

int         bw_compare_uint              (const guint *a,
                                          const guint *b);

G_END_DECLS
