/* bw-explain-private.h: what bw-explain.c shares with bw-explain-format.c and the tests. */
#pragma once

#include "bw-explain.h"

G_BEGIN_DECLS

struct _BwExplanation
{
  gint               ref_count;
  BwCatalog         *catalog;
  const BwTechnique *technique;
  BwStatus           status;
  GArray            *assets;       /* BwExplainAsset */
  GStringChunk      *strings;      /* ids and labels copied from the document */
  char              *asset_filter; /* --asset, or NULL */
  BwExplainRange     range;        /* over every applicable asset, before the filter */
};

/* Rule 10 applies to the technique: its only tactic is initial-access. */
gboolean bw_explain_is_delivery_technique (const BwTechnique *technique);

G_END_DECLS
