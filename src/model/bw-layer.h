/* bw-layer.h: ATT&CK Navigator layers (format 4.5) — writing Bulwark's coverage as a layer, and
 * reading a layer from a threat-intel team as a threat focus. */
#pragma once

#include <json-glib/json-glib.h>

#include "bw-catalog.h"

G_BEGIN_DECLS

/* One technique's coverage, as the layer shows it. */
typedef struct
{
  guint          technique;       /* BwTechnique.index */
  BwStatus       status;
  BwScore        protect;
  BwScore        detect;
  BwScore        respond;
  guint          applicable_assets;
  guint          covered_assets;
  guint          partial_assets;  /* applicable assets whose best score is minimal */
  const char    *const *services; /* labels of the services covering it, NULL-terminated */
} BwLayerEntry;

#define BW_LAYER_ERROR (bw_layer_error_quark ())
typedef enum
{
  BW_LAYER_ERROR_PARSE,
  BW_LAYER_ERROR_INVALID,
} BwLayerError;

GQuark   bw_layer_error_quark (void);

/* Score 0–100 of an entry: the share of applicable assets covered, partial ones counting half
 * (the same weighting as the report's ratios). */
int      bw_layer_entry_score (const BwLayerEntry *entry);

/* The layer JSON (two-space indent, trailing newline, deterministic). */
char    *bw_layer_write       (BwCatalog          *catalog,
                               const char         *name,
                               const char         *description,
                               const BwLayerEntry *entries,
                               guint               n_entries,
                               gsize              *out_length);

/* Technique ids of a layer whose score is > 0 (or, unscored, that carry a colour and are
 * enabled), carried through the catalog's revoked-by redirects; ids the catalog does not know
 * are returned in `out_unknown`. The result is sorted and has no duplicates. */
GStrv    bw_layer_read_focus  (BwCatalog   *catalog,
                               const char  *data,
                               gssize       length,
                               GStrv       *out_unknown,
                               GError     **error);

/* The layer of an engine's current report: one entry per applicable technique, with the labels
 * of the services covering it. */
#include "bw-engine.h"
char    *bw_layer_write_from_engine (BwEngine   *engine,
                                     BwDocument *document,
                                     gsize      *out_length);

G_END_DECLS
