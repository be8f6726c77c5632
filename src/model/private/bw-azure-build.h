/* bw-azure-build.h: the resource records an Azure inventory is read into (bw-azure-import.c)
 * and the step that turns them into a document (bw-azure-build.c). */
#pragma once

#include "bw-azure-import.h"
#include "bw-azure-private.h"

G_BEGIN_DECLS

typedef struct
{
  char *stencil;  /* NULL when the rule draws something else or nothing */
  char *rule;     /* "" or one of the rules data/import/azure.json lists */
} BwAzureEntry;

typedef struct
{
  guint         index;
  char         *key;           /* bw_azure_key_make */
  char         *type;          /* lower case */
  char         *name;          /* its own name, for the label */
  char         *subscription;  /* as written, or NULL */
  char         *group;
  char         *scope;         /* key of what an extension resource extends, or NULL */
  JsonObject   *object;        /* the first place it was read from */
  GPtrArray    *sources;       /* JsonObject*: every place it was read from */
  GArray       *refs;          /* guint: records it names, each once, in the order named */
  const BwAzureEntry *entry;   /* NULL for an unknown type */
  char         *node_id;       /* when drawn as a node */
  char         *zone_id;       /* when drawn as a zone */
  int           copy_index;    /* its iteration of a template's copy loop, or -1 */
} BwAzureRes;

typedef struct
{
  BwCatalog  *catalog;
  GHashTable *table;       /* lower-case type → BwAzureEntry* */
  GHashTable *pricings;    /* lower-case pricing name → stencil id */
  GPtrArray  *records;     /* BwAzureRes*, in the order read */
  GHashTable *by_key;      /* key → index */
  GHashTable *ref_pairs;   /* guint64 (record << 32 | named record): references found */
  GHashTable *unknown;     /* type → BwAzureTypeCount* */
  GHashTable *skipped;
  guint       n_read;
  gboolean    template;    /* an ARM template: names are expressions */
  JsonObject *parameters;
  JsonObject *variables;
  int         copy_index;  /* the copy loop iteration being read, or -1 */
  JsonArray  *table_rows;  /* Resource Graph's table form made objects, or NULL */
} BwAzureImport;

/* A string member, or NULL when absent or not a string (or `object` is NULL). */
const char *bw_azure_member_string (JsonObject  *object,
                                    const char  *key);
/* A resource's `properties`, or the resource itself where a tool printed them flat on top
 * (`az vm list`, `az network vnet list`, `az security pricing list`). */
JsonObject *bw_azure_properties   (JsonObject  *object);
void        bw_azure_count_type (GHashTable    *counts,
                                 const char    *type);
BwDocument *bw_azure_build      (BwAzureImport *imp,
                                 const char    *title);

/* bw-azure-import.c, for the template reader: */
/* A template string evaluated in the iteration being read; a listed inventory's as it is. */
char       *bw_azure_value_of   (BwAzureImport *imp,
                                 const char    *text);
/* FALSE, with "PLACE: MESSAGE" as a BW_AZURE_IMPORT_ERROR_INVALID. */
gboolean    bw_azure_invalid    (GError       **error,
                                 const char    *place,
                                 const char    *message);
/* The record of resource `key` (taken), made or found; `object` is one place it is read from. */
BwAzureRes *bw_azure_add_record (BwAzureImport *imp,
                                 char          *key,
                                 const char    *type,
                                 const char    *name,
                                 const char    *subscription,
                                 const char    *group,
                                 JsonObject    *object);
void        bw_azure_add_embedded_subnets (BwAzureImport *imp,
                                           BwAzureRes    *network);

/* bw-azure-template.c: an ARM template's `resources` (an array, or an object of symbolic
 * names), and one element of it read, with its copies and nested resources. */
JsonArray  *bw_azure_template_resources     (JsonObject    *object);
gboolean    bw_azure_read_template_resource (BwAzureImport *imp,
                                             JsonObject    *object,
                                             BwAzureRes    *parent,
                                             guint          depth,
                                             const char    *place,
                                             GError       **error);

G_END_DECLS
