/* bw-catalog.h: the catalog — ATT&CK tactics, techniques and groups, the kill chain, the CTID
 * capability mappings and the stencils — that every Bulwark figure is computed from. */
#pragma once

#include <gio/gio.h>

#include "bw-types.h"

G_BEGIN_DECLS

struct _BwTactic
{
  char *id;         /* "TA0043" */
  char *shortname;  /* "reconnaissance" */
  char *name;       /* "Reconnaissance" */
};

struct _BwTechnique
{
  char  *id;        /* "T1595" or "T1595.001" */
  char  *name;
  char  *parent;    /* parent technique id for a sub-technique, else NULL */
  char **tactics;   /* tactic shortnames, NULL-terminated */
  char **platforms; /* normalised platform names, NULL-terminated */
  guint  index;     /* position in the id-sorted technique list; the engine's bit index */
};

struct _BwPhase
{
  char  *id;        /* "reconnaissance" … "actions-on-objectives" */
  char  *name;      /* "Reconnaissance" … */
  char **tactics;   /* tactic shortnames, NULL-terminated */
};

struct _BwMapping
{
  guint      technique; /* BwTechnique.index */
  BwCategory category;
  BwScore    score;
};

struct _BwCapability
{
  char      *id;        /* "EID-CA-E3", "azure_firewall" … */
  char      *name;
  char      *group;
  guint      tier;      /* Microsoft 365 licence tier (3 = E3, 5 = E5), 0 when none */
  BwMapping *entries;
  guint      n_entries;
};

struct _BwStencil
{
  char    *id;            /* "azure.vm" */
  char    *name;
  BwRole   role;
  char    *family;        /* palette group id */
  char    *pillar;        /* Zero Trust pillar */
  char    *icon;          /* icon name (resource under icons/stencils) */
  char   **platforms;     /* assets: ATT&CK platforms; NULL-terminated, empty for others */
  char   **capabilities;  /* services: capability ids; NULL-terminated */
  char   **applies_to;    /* services: asset kinds it can protect; empty = any */
  char    *scope_reason;  /* services: why applies_to is what it is, one line; NULL when none */
  char   **includes;      /* services: the service stencils it bundles; NULL-terminated */
  gboolean siem;
  guint    index;         /* position in the catalog's stencils (bw_catalog_get_stencil) */
};

struct _BwGroup
{
  char  *id;          /* "G0016" */
  char  *name;        /* "APT29" */
  char **aliases;     /* NULL-terminated */
  guint *techniques;  /* BwTechnique.index values, sorted */
  guint  n_techniques;
};

typedef struct
{
  char *id;    /* "onprem", "m365", "azure", "azure-security", "m365-defender", "identity", … */
  char *name;  /* palette heading, translatable */
} BwFamily;

#define BW_TYPE_CATALOG (bw_catalog_get_type ())
G_DECLARE_FINAL_TYPE (BwCatalog, bw_catalog, BW, CATALOG, GObject)

/* The effective catalog: the user's imported one if present, else the shipped one. A user
 * catalog that does not load gives the shipped one, with bw_catalog_get_fallback_reason() set. */
BwCatalog          *bw_catalog_load_default   (GError **error);

/* Loads the four catalog files attack.json, killchain.json, mappings.json and stencils.json
 * from a directory (tests build small catalogs this way). */
BwCatalog          *bw_catalog_new_from_directory (const char  *path,
                                                   GError     **error);

const char         *bw_catalog_get_attack_version (BwCatalog *self);
/* What loaded but not as the files say: a tactic the kill-chain table does not know (it is in
 * no phase), a stencil platform the release does not define. Located, translated. */
guint               bw_catalog_get_n_warnings     (BwCatalog *self);
const char         *bw_catalog_get_warning        (BwCatalog *self, guint index);
/* Why the user's imported catalog is not the one in use (it does not load), or NULL. */
const char         *bw_catalog_get_fallback_reason (BwCatalog *self);
/* TRUE when the user catalog directory ($XDG_DATA_HOME/bulwark/catalog) holds any catalog file. */
gboolean            bw_catalog_user_catalog_exists (void);
/* Deletes the user's imported files, so the shipped catalog is used again. */
gboolean            bw_catalog_reset_user_catalog  (GError **error);

guint               bw_catalog_get_n_tactics    (BwCatalog *self);
const BwTactic     *bw_catalog_get_tactic       (BwCatalog *self, guint index);
const BwTactic     *bw_catalog_lookup_tactic    (BwCatalog *self, const char *id_or_shortname);

guint               bw_catalog_get_n_techniques (BwCatalog *self);
const BwTechnique  *bw_catalog_get_technique    (BwCatalog *self, guint index);
const BwTechnique  *bw_catalog_lookup_technique (BwCatalog *self, const char *id);
/* The live technique an id stands for: itself, or where `revoked-by` redirects lead; NULL if
 * the catalog does not know it. */
const BwTechnique  *bw_catalog_resolve_technique (BwCatalog *self, const char *id);

guint               bw_catalog_get_n_phases     (BwCatalog *self);
const BwPhase      *bw_catalog_get_phase        (BwCatalog *self, guint index);

guint               bw_catalog_get_n_capabilities (BwCatalog *self);
const BwCapability *bw_catalog_get_capability     (BwCatalog *self, guint index);
const BwCapability *bw_catalog_lookup_capability  (BwCatalog *self, const char *id);
/* Rule 1's applies_to: TRUE if service stencil `service` can protect assets of `asset_kind`
 * (its applies_to lists the kind, or is empty). */
gboolean            bw_stencil_admits             (const BwStencil *service,
                                                   const char      *asset_kind);
/* The licence tier a capability id carries ("DEF-ATH-E5" → 5), 0 when it names none. */
guint               bw_capability_tier_from_id     (const char *id);
/* TRUE if the capability counts under a document's licence ("E3", "E5" or NULL = any). */
gboolean            bw_capability_within_licence   (const BwCapability *capability,
                                                    const char         *licence);
/* The same for a tier a project gave it (settings.licence_overrides): 0 counts under any. */
gboolean            bw_licence_admits_tier         (const char         *licence,
                                                    guint               tier);

guint               bw_catalog_get_n_stencils   (BwCatalog *self);
const BwStencil    *bw_catalog_get_stencil      (BwCatalog *self, guint index);
const BwStencil    *bw_catalog_lookup_stencil   (BwCatalog *self, const char *id);

guint               bw_catalog_get_n_families   (BwCatalog *self);
const BwFamily     *bw_catalog_get_family       (BwCatalog *self, guint index);

guint               bw_catalog_get_n_groups     (BwCatalog *self);
const BwGroup      *bw_catalog_get_group        (BwCatalog *self, guint index);
const BwGroup      *bw_catalog_lookup_group     (BwCatalog *self, const char *id);
/* The platforms of the release (those its techniques name, and PRE), sorted; free it. */
char              **bw_catalog_dup_platforms    (BwCatalog *self);

/* Records in `document` (its catalog.attack) that it is analysed with this catalog's ATT&CK
 * release: for a new project, and when a changed one is saved. */
void                bw_catalog_stamp_document   (BwCatalog  *self,
                                                 BwDocument *document);


G_END_DECLS
