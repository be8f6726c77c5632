/* bw-advice.c: the Advisor's figures, off the main thread. */
#include "config.h"

#include "bw-advice.h"
#include "bw-document-io.h"

typedef struct
{
  BwCatalog  *catalog;
  BwDocument *copy;
  guint       top;
} Job;

static void
job_free (Job *job)
{
  g_object_unref (job->catalog);
  g_object_unref (job->copy);
  g_free (job);
}

void
bw_advice_free (BwAdvice *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->tiers, bw_tiers_free);
  g_clear_pointer (&self->recommendations, g_ptr_array_unref);
  g_free (self);
}

static void
advice_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr(BwAdvice) advice = g_new0 (BwAdvice, 1);

  /* The copy is the thread's own: the tiers may set its licence and put it back. */
  advice->tiers = bw_tiers_compute (job->catalog, job->copy);
  if (!g_cancellable_is_cancelled (cancellable))
    advice->recommendations = bw_recommend (job->catalog, job->copy, job->top, NULL, cancellable);
  if (g_task_return_error_if_cancelled (task))
    return;
  g_task_return_pointer (task, g_steal_pointer (&advice), (GDestroyNotify) bw_advice_free);
}

void
bw_advice_compute_async (gpointer             source_object,
                         BwCatalog           *catalog,
                         BwDocument          *document,
                         guint                top,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (BW_IS_DOCUMENT (document));

  bw_advice_compute_copy_async (source_object, catalog, bw_document_copy (document), top,
                                cancellable, callback, user_data);
}

void
bw_advice_compute_copy_async (gpointer             source_object,
                              BwCatalog           *catalog,
                              BwDocument          *copy,
                              guint                top,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (BW_IS_CATALOG (catalog));
  g_return_if_fail (BW_IS_DOCUMENT (copy));

  job = g_new0 (Job, 1);
  job->catalog = g_object_ref (catalog);
  job->copy = copy;
  job->top = top;
  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, BW_SOURCE_TAG (bw_advice_compute_copy_async));
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, advice_thread);
}

BwAdvice *
bw_advice_compute_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (
      g_task_get_source_tag (G_TASK (result)) == BW_SOURCE_TAG (bw_advice_compute_copy_async),
      NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
