/* bw-catalog-import.h: importing an ATT&CK release or a mappings file into the user catalog —
 * built and loaded in memory first, installed as one unit, the mappings carried to the new
 * release. The CLI and the window both call these. */
#pragma once

#include "bw-catalog.h"
#include "bw-mappings.h"
#include "bw-stix.h"

G_BEGIN_DECLS

typedef enum
{
  BW_CATALOG_FILE_ATTACK,
  BW_CATALOG_FILE_KILLCHAIN,
  BW_CATALOG_FILE_MAPPINGS,
  BW_CATALOG_FILE_STENCILS,
  BW_CATALOG_FILE_PROVENANCE,   /* CTID's comments and references, read only when asked for */
  BW_CATALOG_FILE_DESCRIPTIONS, /* ATT&CK's technique descriptions and URLs, likewise */
  BW_CATALOG_N_FILES
} BwCatalogFile;

/* What migrating the mappings did to one capability. */
typedef struct
{
  char  *capability;
  guint  entries;  /* before */
  guint  carried;  /* now under another technique id (revoked-by, or a moved technique) */
  guint  gone;     /* left out: the technique is not in the new release */
} BwMigrationRow;

typedef struct
{
  char            *source;        /* the file imported */
  gboolean         is_attack;     /* an ATT&CK release, else a mappings file */
  BwStixStats      stix;          /* attack imports */
  BwMappingsStats  mappings;      /* mappings imports */
  GStrv            stale;         /* mappings imports: technique ids left out */

  /* Attack imports: the mappings in use, carried from the previous release to this one. */
  char            *from_version;
  guint            entries;       /* mapping entries before */
  guint            unchanged;
  guint            carried;
  guint            gone;
  guint            merged;        /* carried onto an entry the capability already had */
  GArray *rows; /* BwMigrationRow, the capabilities with entries carried or gone */
  GPtrArray       *moves;         /* "T1053.001 → T1053.002", sorted */
  GPtrArray       *gone_ids;      /* technique ids that are not in the new release, sorted */

  GBytes          *files[BW_CATALOG_N_FILES]; /* new contents; NULL: left as it is */
  gboolean
      over_shipped; /* the user catalog does not load: the import starts from the shipped one */
  BwCatalog       *catalog;       /* what the user catalog loads as with these files */
  char            *installed_in;  /* after bw_catalog_import_install() */
} BwCatalogImport;

/* An empty import of `source`, for bw_catalog_import_migrate_mappings() to fill. */
BwCatalogImport *bw_catalog_import_new      (const char *source,
                                             gboolean    is_attack);
void             bw_catalog_import_free     (BwCatalogImport *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwCatalogImport, bw_catalog_import_free)

/* Reads an ATT&CK STIX bundle and carries the mappings in use to its release; the catalog
 * that would result is built and loaded in memory (as start-up loads it), and an import that
 * would leave a catalog that does not load fails with the reason. Nothing is written. */
BwCatalogImport *bw_catalog_import_attack   (const char  *bundle,
                                             const char  *version_hint,
                                             GError     **error);

/* The same for a Mappings Explorer file, merged into `existing` (NULL: the mappings in use;
 * ignored when `replace`), technique ids resolved against `attack_path` (NULL: the user's
 * ATT&CK release, else the shipped one). */
BwCatalogImport *bw_catalog_import_mappings (const char  *path,
                                             const char  *attack_path,
                                             GBytes      *existing,
                                             gboolean     replace,
                                             GError     **error);

/* The same, with the provenance.json that belongs with `existing` (NULL: none, or the one in
 * use when `existing` is NULL), which the new file's comments and references are merged into. */
BwCatalogImport *bw_catalog_import_mappings_full (const char  *path,
                                                  const char  *attack_path,
                                                  GBytes      *existing,
                                                  GBytes      *existing_provenance,
                                                  gboolean     replace,
                                                  GError     **error);

/* Builds in memory the catalog the user catalog would load as with this import, and keeps it in
 * `catalog` (for its warnings) — what bw_catalog_import_install() checks on disk. */
gboolean         bw_catalog_import_check    (BwCatalogImport *self,
                                             GError         **error);

/* Writes the import into the user catalog as one unit: the complete catalog directory is
 * written beside the current one, loaded from there exactly as start-up would, and only then
 * swapped into place. On failure the previous catalog is untouched. */
gboolean         bw_catalog_import_install  (BwCatalogImport *self,
                                             GError         **error);

/* Carries mappings.json (`mappings`) from the release of `from` to the release of `to`:
 * through `revoked-by`, and a technique gone from `to` to the one new technique of the same
 * name (a sub-technique moved to another parent). Entries whose technique is gone are left out.
 * Fills the migration fields of `summary`; returns the new mappings.json text. */
char            *bw_catalog_import_migrate_mappings (GBytes          *mappings,
                                                     BwCatalog       *from,
                                                     BwCatalog       *to,
                                                     BwCatalogImport *summary,
                                                     GError         **error);

G_END_DECLS
