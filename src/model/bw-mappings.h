/* bw-mappings.h: the Mappings Explorer importer (CTID capability → ATT&CK mappings). */
#pragma once

#include "bw-catalog.h"

G_BEGIN_DECLS

typedef struct
{
  guint capabilities;  /* in the imported file */
  guint entries;       /* kept, after merging duplicates */
  guint redirected;    /* technique ids carried through revoked-by */
} BwMappingsStats;

/* A Mappings Explorer file's text (NUL-terminated past its size); refuses what is not a regular
 * file, which would be read until memory runs out, or forever. */
GBytes *bw_mappings_read_file (const char  *path,
                               GError     **error);

/* Reads a Mappings Explorer file and merges its capabilities into `existing` (the current
 * mappings.json text, or NULL), replacing capabilities with the same id. Technique ids are
 * carried through the catalog's revoked-by redirects; ids the catalog does not know are left
 * out and listed in `out_stale` (sorted, no duplicates). Returns the new mappings.json text. */
char *bw_mappings_import (const char       *path,
                          BwCatalog        *catalog,
                          GBytes           *existing,
                          GStrv            *out_stale,
                          BwMappingsStats  *stats,
                          GError          **error);

/* The same from the file's text; `name` is used in messages and as the source's file name. */
char *bw_mappings_import_data (const char       *data,
                               gsize             length,
                               const char       *name,
                               BwCatalog        *catalog,
                               GBytes           *existing,
                               GStrv            *out_stale,
                               BwMappingsStats  *stats,
                               GError          **error);

/* The same, also giving provenance.json's text in `out_provenance` (CTID's comments and
 * references per entry), merged into `existing_provenance` (the provenance.json that belongs
 * with `existing`, or NULL) as the scores are merged into `existing`. */
char *bw_mappings_import_full (const char       *data,
                               gsize             length,
                               const char       *name,
                               BwCatalog        *catalog,
                               GBytes           *existing,
                               GBytes           *existing_provenance,
                               char            **out_provenance,
                               GStrv            *out_stale,
                               BwMappingsStats  *stats,
                               GError          **error);

G_END_DECLS
