/* bw-advice.h: the Advisor's figures — what E5 adds over E3 and the services that would raise
 * coverage most — worked out in a worker thread on one copy of the document, so the window
 * keeps drawing while the engine runs them. */
#pragma once

#include <gio/gio.h>

#include "bw-recommend.h"
#include "bw-tiers.h"

G_BEGIN_DECLS

typedef struct
{
  BwTiers   *tiers;
  GPtrArray *recommendations; /* BwRecommendation, at most `top` */
} BwAdvice;

/* Copies `document` now (later edits do not reach the run) and works the figures out in a
 * thread. `source_object` becomes the source of the result, as for g_task_new(). */
void      bw_advice_compute_async  (gpointer             source_object,
                                    BwCatalog           *catalog,
                                    BwDocument          *document,
                                    guint                top,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
/* The same on `copy`, which it takes: a copy of the document made elsewhere (on a load's
 * thread, bw_project_take_prepared), that nothing else has. */
void      bw_advice_compute_copy_async (gpointer             source_object,
                                        BwCatalog           *catalog,
                                        BwDocument          *copy,
                                        guint                top,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
/* The figures, or NULL with G_IO_ERROR_CANCELLED. */
BwAdvice *bw_advice_compute_finish (GAsyncResult        *result,
                                    GError             **error);
void      bw_advice_free           (BwAdvice            *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwAdvice, bw_advice_free)

G_END_DECLS
