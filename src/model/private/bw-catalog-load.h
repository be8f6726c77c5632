/* bw-catalog-load.h: what bw-catalog.c shares with the readers of the four catalog files
 * (bw-catalog-attack.c, bw-catalog-mappings.c, bw-catalog-stencils.c) and their helpers
 * (bw-catalog-file.c). Only those files include it. */
#pragma once

#include <json-glib/json-glib.h>

#include "bw-catalog.h"

G_BEGIN_DECLS

struct _BwCatalog
{
  GObject     parent_instance;

  char       *attack_version;
  GArray     *tactics;       /* BwTactic */
  GArray     *techniques;    /* BwTechnique, sorted by id */
  GArray     *phases;        /* BwPhase */
  GArray     *capabilities;  /* BwCapability, sorted by id */
  GArray     *stencils;      /* BwStencil, sorted by id */
  GArray     *families;      /* BwFamily */
  GArray     *groups;        /* BwGroup, sorted by id */
  GHashTable *revoked;       /* id → id */
  GPtrArray  *warnings;      /* char *: what loaded, but not as its files say */
  char       *fallback_reason; /* why the user's catalog was not used, or NULL */

  GHashTable *tactic_index;     /* id and shortname → index + 1 */
  GHashTable *technique_index;  /* id → index + 1 */
  GHashTable *capability_index;
  GHashTable *stencil_index;
  GHashTable *group_index;

  /* The texts no figure needs — provenance.json and descriptions.json — read on the first
   * question about them (bw-catalog-provenance.c): from a file path, from the shipped
   * resource (BW_CATALOG_TEXT_SHIPPED), or none (NULL). */
  char       *text_sources[2];
  struct _BwCatalogTexts *texts;
};

#define BW_CATALOG_TEXT_SHIPPED "resource:"

/* Where the catalog's texts come from: the files in `dir` (NULL: none), else the shipped ones
 * when `shipped`. */
void        bw_catalog_set_text_sources (BwCatalog  *self,
                                         const char *dir,
                                         gboolean    shipped);
void        bw_catalog_free_texts       (BwCatalog *self);

/* The catalog file being read: every failure names it and the key path. */
typedef struct
{
  const char *name;   /* "attack.json", … */
  GError    **error;
} BwCatalogFile;

/* Each reader fills its part of the catalog from one file; FALSE with the file's error set. */
gboolean    bw_catalog_read_attack    (BwCatalog     *self,
                                       GBytes        *bytes,
                                       BwCatalogFile *file);
gboolean    bw_catalog_read_killchain (BwCatalog     *self,
                                       GBytes        *bytes,
                                       BwCatalogFile *file);
gboolean    bw_catalog_read_mappings  (BwCatalog     *self,
                                       GBytes        *bytes,
                                       BwCatalogFile *file);
gboolean    bw_catalog_read_stencils  (BwCatalog     *self,
                                       GBytes        *bytes,
                                       BwCatalogFile *file);

/* Sets the file's error, "file: message", and returns FALSE. */
gboolean    bw_catalog_file_fail      (BwCatalogFile *file,
                                       const char    *format,
                                       ...) G_GNUC_PRINTF (2, 3);
/* Adds "file: message" to the catalog's warnings. */
void        bw_catalog_file_warn      (BwCatalogFile *file,
                                       BwCatalog     *self,
                                       const char    *format,
                                       ...) G_GNUC_PRINTF (3, 4);
/* The file's root object; NULL with the error set when it is empty, not JSON, or not an object. */
JsonObject *bw_catalog_file_root      (BwCatalogFile *file,
                                       JsonParser    *parser,
                                       GBytes        *bytes);
/* Members of `o`, at key path `path` (ending in "." or empty); NULL with the error set when the
 * type is wrong, or when a required member is missing. */
JsonArray  *bw_catalog_file_array     (BwCatalogFile *file,
                                       JsonObject    *o,
                                       const char    *path,
                                       const char    *key,
                                       gboolean       required);
const char *bw_catalog_file_string    (BwCatalogFile *file,
                                       JsonObject    *o,
                                       const char    *path,
                                       const char    *key,
                                       gboolean       required);
/* A string array member as a GStrv (empty when absent); NULL on a type error. */
GStrv       bw_catalog_file_strv      (BwCatalogFile *file,
                                       JsonObject    *o,
                                       const char    *path,
                                       const char    *key);
/* Element `i` of `a`, which must be an object. */
JsonObject *bw_catalog_file_element   (BwCatalogFile *file,
                                       JsonArray     *a,
                                       guint          i,
                                       const char    *path);

/* Orders records by their id, the first member of every record type. */
int         bw_catalog_compare_ids    (gconstpointer a,
                                       gconstpointer b);

/* Frees what a record holds (the arrays' clear functions). */
void        bw_technique_clear        (BwTechnique  *t);
void        bw_phase_clear            (BwPhase      *p);
void        bw_capability_clear       (BwCapability *c);
void        bw_stencil_clear          (BwStencil    *s);
void        bw_group_clear            (BwGroup      *g);

G_END_DECLS
