/* bw-mappings-private.h: the merge table of the Mappings Explorer importer, shared by
 * bw-mappings.c (scores, mappings.json) and bw-mappings-provenance.c (CTID's comments and
 * references, provenance.json). */
#pragma once

#include <json-glib/json-glib.h>

#include "bw-mappings.h"

G_BEGIN_DECLS

/* One entry of a capability: a technique and a category. */
typedef struct
{
  char       *technique;
  BwCategory  category;
} EntryKey;

EntryKey *bw_entry_key_new      (const char *technique,
                                 BwCategory  category);
void      bw_entry_key_free     (EntryKey *key);
guint     bw_entry_key_hash     (gconstpointer p);
gboolean  bw_entry_key_equal    (gconstpointer a,
                                 gconstpointer b);
/* For qsort over EntryKey *: by technique, then category by name. */
int       bw_compare_entry_keys (gconstpointer a,
                                 gconstpointer b);

/* CTID's texts behind one entry: every comment and reference of the mapping objects merged
 * into it, each once, in the order first met. */
typedef struct
{
  GPtrArray *comments;    /* char *, owned */
  GPtrArray *references;  /* char *, owned */
} EntryTexts;

void      bw_entry_texts_free   (EntryTexts *texts);

typedef struct
{
  char       *id;
  char       *name;
  char       *group;
  GHashTable *best;   /* EntryKey → GINT score */
  GHashTable *texts;  /* EntryKey → EntryTexts */
} Capability;

/* The capability `id` of the merge table, added when it is not there. */
Capability *bw_mappings_capability_get (GHashTable *caps,
                                        const char *id,
                                        const char *name,
                                        const char *group);

/* Adds a mapping object's `comments` (a string) and `references` (an array of strings) to the
 * entry's texts. */
void      bw_mappings_add_texts (Capability *c,
                                 const char *technique,
                                 BwCategory  category,
                                 JsonObject *mapping);
/* Reads an existing provenance.json into the capabilities already in `caps` (others are
 * ignored); FALSE with the error set when it is malformed. */
gboolean  bw_mappings_load_provenance (GBytes      *existing,
                                       GHashTable  *caps,
                                       GError     **error);
/* provenance.json's text for the capabilities of `caps`: the strings once each, in tables, and
 * per capability its entries that have any, by technique and category. */
char     *bw_mappings_write_provenance (GHashTable *caps);

G_END_DECLS
