/* bw-types.h: forward declarations shared by every layer of Bulwark. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A function as a GTask source tag. ISO C has no conversion between function and object
 * pointers; through an integer it is defined, and the tag stays the function's address. */
#define BW_SOURCE_TAG(func) ((gpointer) (guintptr) (func))

typedef struct _BwCatalog  BwCatalog;
typedef struct _BwDocument BwDocument;
typedef struct _BwHistory  BwHistory;
typedef struct _BwEngine   BwEngine;
typedef struct _BwReport   BwReport;

typedef struct _BwZone     BwZone;
typedef struct _BwNode     BwNode;
typedef struct _BwEdge     BwEdge;
typedef struct _BwChange   BwChange;

typedef struct _BwTactic     BwTactic;
typedef struct _BwTechnique  BwTechnique;
typedef struct _BwPhase      BwPhase;
typedef struct _BwCapability BwCapability;
typedef struct _BwMapping    BwMapping;
typedef struct _BwStencil    BwStencil;
typedef struct _BwGroup      BwGroup;

/* Edge kinds of the project file (DESIGN §3). */
typedef enum
{
  BW_EDGE_PROTECTS,
  BW_EDGE_TELEMETRY,
  BW_EDGE_FLOW,
} BwEdgeKind;

/* Stencil roles (DESIGN §2). */
typedef enum
{
  BW_ROLE_ZONE,
  BW_ROLE_ASSET,
  BW_ROLE_SERVICE,
  BW_ROLE_COLLECTOR,
} BwRole;

/* Mapping score categories and values (CTID Mappings Explorer). */
typedef enum
{
  BW_CATEGORY_PROTECT,
  BW_CATEGORY_DETECT,
  BW_CATEGORY_RESPOND,
} BwCategory;

typedef enum
{
  BW_SCORE_NONE = 0,
  BW_SCORE_MINIMAL = 1,
  BW_SCORE_PARTIAL = 2,
  BW_SCORE_SIGNIFICANT = 3,
} BwScore;

/* A technique's coverage status (DESIGN §4 rule 5), as the report names it. */
typedef enum
{
  BW_STATUS_NOT_APPLICABLE,
  BW_STATUS_GAP,
  BW_STATUS_PARTIAL,
  BW_STATUS_COVERED,
} BwStatus;

const char *bw_status_to_string      (BwStatus status);
/* The status in words, translated and in lower case ("not applicable"), for text and tables. */
const char *bw_status_describe       (BwStatus status);
const char *bw_edge_kind_to_string   (BwEdgeKind kind);
gboolean    bw_edge_kind_from_string (const char *str, BwEdgeKind *out_kind);
const char *bw_role_to_string        (BwRole role);
gboolean    bw_role_from_string      (const char *str, BwRole *out_role);
const char *bw_category_to_string    (BwCategory category);
gboolean    bw_category_from_string  (const char *str, BwCategory *out_category);
const char *bw_score_to_string       (BwScore score);
gboolean    bw_score_from_string     (const char *str, BwScore *out_score);

/* For GHashTable keys of a guint64 that packs two 32-bit numbers (a << 32 | b), with
 * g_int64_equal: GLib's g_int64_hash folds the halves into one (a ^ b, or b alone in older
 * GLib), so every key on a diagonal, or with the same b, would share a bucket. */
guint       bw_pair_hash             (gconstpointer key);

G_END_DECLS
