/* bw-azure-import.h: a project from what Azure's own tools print — Azure Resource Graph
 * (`az graph query`), `az resource list` and ARM template exports (`az group export`). */
#pragma once

#include "bw-catalog.h"
#include "bw-document.h"

G_BEGIN_DECLS

#define BW_AZURE_IMPORT_ERROR (bw_azure_import_error_quark ())
typedef enum
{
  BW_AZURE_IMPORT_ERROR_PARSE,    /* not JSON, or too deep or large to read */
  BW_AZURE_IMPORT_ERROR_INVALID,  /* JSON, but no inventory; the message names the place */
} BwAzureImportError;

GQuark bw_azure_import_error_quark (void);

typedef struct
{
  char  *type;   /* lower case, as Azure compares types */
  guint  count;
} BwAzureTypeCount;

/* What an import did: how much it read and drew, and what it left out. */
typedef struct
{
  guint      resources;  /* resource records read */
  guint      zones;
  guint      nodes;
  guint      edges;
  GPtrArray *unknown;    /* BwAzureTypeCount*: types the table does not know, sorted by type */
  GPtrArray *skipped;    /* BwAzureTypeCount*: known types that are not drawn (disks, network
                          * interfaces, Defender plans on the Free tier), sorted by type */
} BwAzureReport;

void           bw_azure_report_free     (BwAzureReport *report);
/* The report as lines for a terminal or a dialog (translated; ends with a newline). */
char          *bw_azure_report_describe (const BwAzureReport *report);

/* Reads an inventory and returns a laid-out document: subscriptions as Azure zones, resource
 * groups as Group zones, virtual networks and subnets as zones inside them, resources as the
 * stencils data/import/azure.json names, the security services wired to what they guard.
 * `title` names the project (the file's name); `report` may be NULL. NULL with a
 * BW_AZURE_IMPORT_ERROR (or the table's error) for anything that is not an inventory. */
BwDocument    *bw_azure_import          (const char     *data,
                                         gsize           length,
                                         BwCatalog      *catalog,
                                         const char     *title,
                                         BwAzureReport **report,
                                         GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwAzureReport, bw_azure_report_free)

G_END_DECLS
