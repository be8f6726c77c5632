/* bw-document.h: the Bulwark document (zones, nodes, edges and settings) and its change signal. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "bw-types.h"

G_BEGIN_DECLS

/* The size every node is drawn at, and a zone's title band: the model needs them to place what
 * it adds (recommendations) where it does not cover anything already drawn. */
#define BW_NODE_WIDTH   128.0
#define BW_NODE_HEIGHT   88.0
#define BW_ZONE_HEADER   32.0

/* Plain records owned by the document. Callers never free or mutate them directly: edits go
 * through the bw_document_* mutators (normally via BwHistory), which emit `changed`. */
struct _BwZone
{
  char   *id;
  char   *kind;     /* stencil id, e.g. "zone.azure" */
  char   *label;
  char   *parent;   /* zone id, or NULL for a top-level zone */
  double  x, y, w, h;
  guint   serial;   /* set by the document: see bw_document_get_serial_bound() */
};

struct _BwNode
{
  char       *id;
  char       *kind; /* stencil id, e.g. "azure.vm" */
  char       *label;
  char       *zone; /* zone id, or NULL */
  double      x, y;
  JsonObject *props; /* never NULL; unknown keys are kept */
  guint       serial; /* set by the document: see bw_document_get_serial_bound() */
};

struct _BwEdge
{
  char       *id;
  BwEdgeKind  kind;
  char       *from;
  char       *to;
  /* Set by the document while the edge is in it (NULL in a copy): the records its ends name,
   * which cannot go while it stays. `to_zone` for a protects edge into a zone. */
  const BwNode *from_node;
  const BwNode *to_node;
  const BwZone *to_zone;
};

typedef enum
{
  BW_CHANGE_ADD,
  BW_CHANGE_REMOVE,
  BW_CHANGE_MODIFY,
  BW_CHANGE_RESET,   /* everything may have changed (load, migrate) */
} BwChangeType;

typedef enum
{
  BW_OBJECT_DOCUMENT,
  BW_OBJECT_ZONE,
  BW_OBJECT_NODE,
  BW_OBJECT_EDGE,
} BwObjectType;

typedef enum
{
  BW_FIELD_NONE     = 0,
  BW_FIELD_GEOMETRY = 1 << 0, /* x, y, w, h */
  BW_FIELD_LABEL    = 1 << 1,
  BW_FIELD_PARENT   = 1 << 2, /* zone.parent or node.zone */
  BW_FIELD_PROPS    = 1 << 3,
  BW_FIELD_KIND     = 1 << 4,
  BW_FIELD_ENDS     = 1 << 5, /* edge from/to */
  BW_FIELD_SETTINGS = 1 << 6, /* document settings (gap threshold, threat groups) */
  BW_FIELD_TITLE    = 1 << 7,
} BwField;

/* Carried by the `changed` signal: what changed. For REMOVE the object is already gone from
 * the document but `zone`/`node`/`edge` still point at a valid copy for the signal's duration. */
struct _BwChange
{
  BwChangeType  type;
  BwObjectType  object;
  const char   *id;
  guint         fields;  /* BwField bits, for MODIFY */
  const BwZone *zone;
  const BwNode *node;
  const BwEdge *edge;
};

#define BW_TYPE_DOCUMENT (bw_document_get_type ())
G_DECLARE_FINAL_TYPE (BwDocument, bw_document, BW, DOCUMENT, GObject)

BwDocument    *bw_document_new                (void);

const char    *bw_document_get_title          (BwDocument *self);
const char    *bw_document_get_attack_version (BwDocument *self);
double         bw_document_get_gap_threshold  (BwDocument *self);
const char *const *
bw_document_get_threat_groups (BwDocument *self); /* NULL-terminated, never NULL */
/* Technique ids of a threat focus imported from an ATT&CK Navigator layer; they join the
 * groups' techniques in the threat profile. NULL-terminated, never NULL. */
const char *const *bw_document_get_threat_techniques (BwDocument *self);

/* The Microsoft 365 licence tier the estate holds: "E3", "E5", or NULL when not set (every
 * capability counts). Under E3, capabilities of a higher tier (CTID ids ending in -E5) are
 * treated as disabled. */
const char    *bw_document_get_licence        (BwDocument *self);
/* TRUE for NULL, "E3" and "E5". */
gboolean       bw_licence_is_valid            (const char *licence);
/* settings.licence_overrides: the tier the project says a capability needs, where it differs
 * from the one CTID's id carries ("DEF-ID-E3" brought by E5 only). Pairs of capability id and
 * "E3" / "E5", in file order, NULL-terminated; never NULL. */
const char *const *bw_document_get_licence_overrides (BwDocument *self);
/* The tier (3 or 5) of capability `id` for this project: its override, else `catalog_tier`. */
guint          bw_document_get_capability_tier (BwDocument *self,
                                                const char *id,
                                                guint       catalog_tier);
guint          bw_document_get_n_zones        (BwDocument *self);
const BwZone  *bw_document_get_zone           (BwDocument *self, guint index);
const BwZone  *bw_document_lookup_zone        (BwDocument *self, const char *id);
guint          bw_document_get_n_nodes        (BwDocument *self);
/* Every node and zone the document takes is given a serial, a small number no other record of
 * this document has had or will have: tables by serial need no lookup by id. All serials are
 * below this bound. */
guint          bw_document_get_serial_bound   (BwDocument *self);
const BwNode  *bw_document_get_node           (BwDocument *self, guint index);
const BwNode  *bw_document_lookup_node        (BwDocument *self, const char *id);
guint          bw_document_get_n_edges        (BwDocument *self);
const BwEdge  *bw_document_get_edge           (BwDocument *self, guint index);
const BwEdge  *bw_document_lookup_edge        (BwDocument *self, const char *id);
/* The label of node or zone `id`, or `id` itself when there is no such node or zone. */
const char    *bw_document_get_label          (BwDocument *self, const char *id);


/* Mutators. Each validates its input (unknown ids, duplicate ids, wrong kinds), applies the edit
 * and emits `changed` once. A NULL id asks for a fresh one ("z3", "n12", "e7"). They are the
 * building blocks of BwHistory's commands; the UI edits through BwHistory so edits can be
 * undone. */
const BwZone  *bw_document_add_zone           (BwDocument  *self,
                                               const char  *id,
                                               const char  *kind,
                                               const char  *label,
                                               const char  *parent,
                                               double       x,
                                               double       y,
                                               double       w,
                                               double       h,
                                               GError     **error);
const BwNode  *bw_document_add_node           (BwDocument  *self,
                                               const char  *id,
                                               const char  *kind,
                                               const char  *label,
                                               const char  *zone,
                                               double       x,
                                               double       y,
                                               JsonObject  *props,   /* nullable; copied */
                                               GError     **error);
const BwEdge  *bw_document_add_edge           (BwDocument  *self,
                                               const char  *id,
                                               BwEdgeKind   kind,
                                               const char  *from,
                                               const char  *to,
                                               GError     **error);
/* Removes a zone, node or edge by id. Refuses (FALSE + error) while anything still refers to it:
 * callers (BwHistory) remove the dependants first. */
gboolean       bw_document_remove             (BwDocument  *self,
                                               const char  *id,
                                               GError     **error);
gboolean       bw_document_set_geometry       (BwDocument  *self,
                                               const char  *id,
                                               double       x,
                                               double       y,
                                               double       w,   /* ignored for nodes */
                                               double       h,
                                               GError     **error);
gboolean       bw_document_set_label          (BwDocument  *self,
                                               const char  *id,
                                               const char  *label,
                                               GError     **error);
/* node.zone or zone.parent; refuses cycles. */
gboolean       bw_document_set_parent         (BwDocument  *self,
                                               const char  *id,
                                               const char  *zone,
                                               GError     **error);
gboolean       bw_document_set_props          (BwDocument  *self,
                                               const char  *node_id,
                                               JsonObject  *props, /* copied */
                                               GError     **error);
gboolean       bw_document_set_edge_kind      (BwDocument  *self,
                                               const char  *edge_id,
                                               BwEdgeKind   kind,
                                               GError     **error);
void           bw_document_set_title          (BwDocument  *self,
                                               const char  *title);
void           bw_document_set_gap_threshold  (BwDocument  *self,
                                               double       threshold);
void           bw_document_set_threat_groups  (BwDocument  *self,
                                               const char *const *groups);
void           bw_document_set_threat_techniques (BwDocument        *self,
                                                  const char *const *techniques);

void           bw_document_set_licence        (BwDocument        *self,
                                               const char        *licence);
/* `pairs` as bw_document_get_licence_overrides gives them (NULL: none); each tier "E3" or
 * "E5", each id once. */
void           bw_document_set_licence_overrides (BwDocument        *self,
                                                  const char *const *pairs);
/* TRUE if zone `zone_id` is `ancestor_id` or lies (transitively) inside it. */
gboolean       bw_document_zone_is_within     (BwDocument  *self,
                                               const char  *zone_id,
                                               const char  *ancestor_id);

/* Typed access to the node props Bulwark reads, so no caller edits a node's JsonObject: the
 * capabilities of a service switched off, and an asset's platform override. */
gboolean       bw_node_get_capability_enabled (const BwNode *node,
                                               const char   *capability);
/* The switched-off capabilities, in file order; never NULL. */
char         **bw_node_dup_disabled_capabilities (const BwNode *node);
/* The platform override; NULL when the stencil's platforms apply. */
char         **bw_node_dup_platforms          (const BwNode *node);
/* New props for `node` (a deep copy; the node is untouched) with `capability` switched on or
 * off: off appends it to disabled_capabilities, on removes it and drops the list once empty. */
JsonObject    *bw_node_props_with_capability  (const BwNode *node,
                                               const char   *capability,
                                               gboolean      enabled);
/* New props for `node` with the platform override `platforms`, or without one when NULL. */
JsonObject    *bw_node_props_with_platforms   (const BwNode      *node,
                                               const char *const *platforms);
gboolean       bw_document_set_capability_enabled (BwDocument  *self,
                                                   const char  *node_id,
                                                   const char  *capability,
                                                   gboolean     enabled,
                                                   GError     **error);
gboolean       bw_document_set_platforms      (BwDocument        *self,
                                               const char        *node_id,
                                               const char *const *platforms,
                                               GError           **error);

G_END_DECLS
