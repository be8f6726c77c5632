/* bw-project.c: one open project — the document and everything that follows it — loaded and
 * saved as a whole, with a notification for each part that changes. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-document-check.h"
#include "bw-document-io.h"
#include "bw-project.h"

/* A prepare func, under the name of the view that asked for it. */
typedef struct
{
  const char          *name;
  BwProjectPrepareFunc func;
  GDestroyNotify       free_func;
} Prepare;

/* What one made, for its view to take. */
typedef struct
{
  const char    *name;
  gpointer       data;
  GDestroyNotify free_func;
} Prepared;

static void
prepared_clear (gpointer data)
{
  Prepared *p = data;

  if (p->data != NULL)
    p->free_func (g_steal_pointer (&p->data));
}

struct _BwProject
{
  GObject     parent_instance;

  BwCatalog  *catalog;
  BwDocument *document;
  BwHistory  *history;
  BwEngine   *engine;
  BwJournal  *journal;
  GFile      *file;
  char       *display_name;
  guint       n_loading;
  GArray     *prepares;      /* Prepare: what loads make on their thread, by name */
  GArray     *prepared;      /* Prepared: what they made for the document coming in, until taken */
  BwDocument *prepared_for;
  guint       n_restored;  /* restores so far: a file read that began before one is stale */
  /* Counts the document's changes, so a save knows whether what it wrote is still current. */
  guint64     generation;
};

G_DEFINE_FINAL_TYPE (BwProject, bw_project, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CATALOG,
  PROP_DOCUMENT,
  PROP_HISTORY,
  PROP_ENGINE,
  PROP_REPORT,
  PROP_JOURNAL,
  PROP_FILE,
  PROP_DISPLAY_NAME,
  PROP_TITLE,
  PROP_MODIFIED,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
notify (BwProject *self,
        guint      prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
document_changed_cb (BwProject      *self,
                     const BwChange *change,
                     BwDocument     *document)
{
  self->generation++;
  if (change->object == BW_OBJECT_DOCUMENT &&
      (change->type == BW_CHANGE_RESET || (change->fields & BW_FIELD_TITLE) != 0))
    notify (self, PROP_TITLE);
}

static void
history_modified_cb (BwProject  *self,
                     GParamSpec *pspec,
                     BwHistory  *history)
{
  /* Undone back to what is on disk: no recovery copy of identical work. */
  bw_journal_set_clean (self->journal, !bw_history_get_modified (history));
  notify (self, PROP_MODIFIED);
}

static void
report_changed_cb (BwProject *self,
                   BwEngine  *engine)
{
  notify (self, PROP_REPORT);
}

static void
set_file (BwProject *self,
          GFile     *file)
{
  g_autofree char *path = NULL;

  if (self->file == file || (self->file != NULL && file != NULL && g_file_equal (self->file, file)))
    return;
  g_set_object (&self->file, file);
  g_free (self->display_name);
  self->display_name = file != NULL ? g_file_get_basename (file) : NULL;
  path = file != NULL ? g_file_get_path (file) : NULL;
  bw_journal_set_path (self->journal, path);
  notify (self, PROP_FILE);
  notify (self, PROP_DISPLAY_NAME);
}

/* The engine is made for one catalog: a new one for each. `ready` is one that already follows
 * the project's document with the project's catalog (computed on a worker thread); without it,
 * a new engine computes here. */
static void
replace_engine (BwProject *self,
                BwEngine  *ready)
{
  g_clear_object (&self->engine);
  if (ready != NULL)
    self->engine = g_object_ref (ready);
  else if (self->catalog != NULL)
    self->engine = bw_engine_new (self->catalog);
  if (self->engine != NULL)
    {
      g_signal_connect_object (self->engine, "report-changed", G_CALLBACK (report_changed_cb), self,
                               G_CONNECT_SWAPPED);
      if (ready == NULL)
        bw_engine_set_document (self->engine, self->document);
    }
  notify (self, PROP_ENGINE);
  notify (self, PROP_REPORT);
}

/* Takes `document` in with a fresh history and journal. Its figures come from `engine` when
 * given (already computed for it), else the engine in use computes them now. */
static void
install_document (BwProject  *self,
                  BwDocument *document,
                  GFile      *file,
                  BwEngine   *engine)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);

  g_set_object (&self->document, document);
  g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_clear_object (&self->history);
  self->history = bw_history_new (document);
  bw_history_mark_saved (self->history);
  g_signal_connect_object (self->history, "notify::modified", G_CALLBACK (history_modified_cb), self,
                           G_CONNECT_SWAPPED);
  /* A fresh journal per document: the old one's copy goes with it. */
  g_clear_object (&self->journal);
  self->journal = bw_journal_new (document, NULL);
  bw_journal_set_clean (self->journal, TRUE);
  g_clear_object (&self->file);
  g_clear_pointer (&self->display_name, g_free);
  set_file (self, file);

  notify (self, PROP_DOCUMENT);
  notify (self, PROP_HISTORY);
  notify (self, PROP_JOURNAL);
  notify (self, PROP_FILE);
  notify (self, PROP_DISPLAY_NAME);
  notify (self, PROP_TITLE);
  notify (self, PROP_MODIFIED);
  if (engine != NULL)
    replace_engine (self, engine);
  else if (self->engine != NULL)
    bw_engine_set_document (self->engine, document);
  g_object_thaw_notify (G_OBJECT (self));
}

void
bw_project_set_document (BwProject  *self,
                         BwDocument *document,
                         GFile      *file)
{
  g_return_if_fail (BW_IS_PROJECT (self));
  g_return_if_fail (BW_IS_DOCUMENT (document));

  install_document (self, document, file, NULL);
}

BwProject *
bw_project_new (BwCatalog *catalog)
{
  BwProject *self = g_object_new (BW_TYPE_PROJECT, "catalog", catalog, NULL);

  /* A new project is analysed with the release in use. */
  if (catalog != NULL)
    bw_catalog_stamp_document (catalog, self->document);
  return self;
}

BwCatalog *
bw_project_get_catalog (BwProject *self)
{
  g_return_val_if_fail (BW_IS_PROJECT (self), NULL);
  return self->catalog;
}

void
bw_project_set_catalog (BwProject *self,
                        BwCatalog *catalog)
{
  g_return_if_fail (BW_IS_PROJECT (self));
  g_return_if_fail (catalog == NULL || BW_IS_CATALOG (catalog));

  if (!g_set_object (&self->catalog, catalog))
    return;
  g_object_freeze_notify (G_OBJECT (self));
  replace_engine (self, NULL);
  notify (self, PROP_CATALOG);
  g_object_thaw_notify (G_OBJECT (self));
}

BwDocument *
bw_project_get_document (BwProject *self)
{
  g_return_val_if_fail (BW_IS_PROJECT (self), NULL);
  return self->document;
}

BwHistory *
bw_project_get_history (BwProject *self)
{
  g_return_val_if_fail (BW_IS_PROJECT (self), NULL);
  return self->history;
}

BwEngine *
bw_project_get_engine (BwProject *self)
{
  g_return_val_if_fail (BW_IS_PROJECT (self), NULL);
  return self->engine;
}

BwReport *
bw_project_get_report (BwProject *self)
{
  g_return_val_if_fail (BW_IS_PROJECT (self), NULL);
  return self->engine != NULL ? bw_engine_get_report (self->engine) : NULL;
}

BwJournal *
bw_project_get_journal (BwProject *self)
{
  g_return_val_if_fail (BW_IS_PROJECT (self), NULL);
  return self->journal;
}

GFile *
bw_project_get_file (BwProject *self)
{
  g_return_val_if_fail (BW_IS_PROJECT (self), NULL);
  return self->file;
}

const char *
bw_project_get_display_name (BwProject *self)
{
  g_return_val_if_fail (BW_IS_PROJECT (self), NULL);
  return self->display_name != NULL ? self->display_name : _("Untitled Estate");
}

const char *
bw_project_get_title (BwProject *self)
{
  g_return_val_if_fail (BW_IS_PROJECT (self), NULL);
  return bw_document_get_title (self->document);
}

gboolean
bw_project_get_modified (BwProject *self)
{
  g_return_val_if_fail (BW_IS_PROJECT (self), FALSE);
  return bw_history_get_modified (self->history);
}

gboolean
bw_project_get_loading (BwProject *self)
{
  g_return_val_if_fail (BW_IS_PROJECT (self), FALSE);
  return self->n_loading > 0;
}

gboolean
bw_project_is_pristine (BwProject *self)
{
  g_return_val_if_fail (BW_IS_PROJECT (self), FALSE);
  return self->file == NULL && self->n_loading == 0 && !bw_history_get_modified (self->history) &&
         bw_document_get_n_nodes (self->document) == 0 &&
         bw_document_get_n_zones (self->document) == 0;
}

/* Loading */

static char *
local_path (GFile   *file,
            GError **error)
{
  char *path = g_file_get_path (file);

  if (path == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be opened"));
  return path;
}

gboolean
bw_project_load (BwProject  *self,
                 GFile      *file,
                 GError    **error)
{
  g_autofree char *path = NULL;
  g_autoptr(BwDocument) document = NULL;

  g_return_val_if_fail (BW_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if ((path = local_path (file, error)) == NULL ||
      (document = bw_document_load_checked (path, self->catalog, error)) == NULL)
    return FALSE;
  bw_project_set_document (self, document, file);
  return TRUE;
}

typedef struct
{
  char                *path;
  BwCatalog           *catalog;
  GFile               *file;
  guint                n_restored;
  GArray              *prepares;  /* Prepare, the project's when the load began */
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  g_clear_object (&data->catalog);
  g_clear_object (&data->file);
  g_clear_pointer (&data->prepares, g_array_unref);
  g_free (data);
}

/* What the worker hands back: the document, and an engine that has computed its figures
 * (NULL without a catalog). */
typedef struct
{
  BwDocument    *document;
  BwEngine      *engine;
  GArray        *prepared;      /* Prepared, by the project's prepare funcs */
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_pointer (&loaded->prepared, g_array_unref);
  g_clear_object (&loaded->engine);
  g_clear_object (&loaded->document);
  g_free (loaded);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Loaded, loaded_free)

/* The first computation of a large document's figures takes as long as reading it (DESIGN §7):
 * it happens here too, so the main thread only takes the result in. Nothing else sees the
 * document or the engine until then, and the catalog does not change. */
static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  g_autoptr(Loaded) loaded = g_new0 (Loaded, 1);

  loaded->document = bw_document_load_checked (data->path, data->catalog, &error);
  if (loaded->document == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (data->catalog != NULL && !g_cancellable_is_cancelled (cancellable))
    {
      loaded->engine = bw_engine_new (data->catalog);
      bw_engine_set_document (loaded->engine, loaded->document);
      /* The report too: it is made on first asking. */
      bw_engine_get_report (loaded->engine);
    }
  loaded->prepared = g_array_new (FALSE, TRUE, sizeof (Prepared));
  g_array_set_clear_func (loaded->prepared, prepared_clear);
  for (guint i = 0; i < data->prepares->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      const Prepare *p = &g_array_index (data->prepares, Prepare, i);
      Prepared made = { p->name, NULL, p->free_func };

      made.data = p->func (loaded->document, data->catalog,
                           loaded->engine ? bw_engine_get_report (loaded->engine) : NULL);
      g_array_append_val (loaded->prepared, made);
    }
  g_task_return_pointer (task, g_steal_pointer (&loaded), (GDestroyNotify) loaded_free);
}

static void
set_loading (BwProject *self,
             gboolean   loading)
{
  gboolean was = self->n_loading > 0;

  if (loading)
    self->n_loading++;
  else
    self->n_loading--;
  if (was != (self->n_loading > 0))
    notify (self, PROP_LOADING);
}

/* Back on the main thread: the file read and its figures computed; the project takes them
 * unless it was cancelled. */
static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  BwProject *self = BW_PROJECT (source);
  g_autoptr(GTask) task = user_data;
  LoadData *data = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  g_autoptr(Loaded) loaded = g_task_propagate_pointer (G_TASK (result), &error);
  BwDocument *document = loaded != NULL ? loaded->document : NULL;
  gboolean taken = FALSE;

  /* The catalog was replaced while the file was read: read it against the one in use, and
   * compute its figures with that one. */
  if (document != NULL && self->catalog != data->catalog)
    {
      g_clear_object (&loaded->engine);
      g_array_set_size (loaded->prepared, 0);
      if (self->catalog != NULL && !bw_document_check_catalog (document, self->catalog, &error))
        document = NULL;
    }
  /* Recovered work came in while the file was read: it is newer than the file. */
  if (document != NULL && data->n_restored != self->n_restored)
    {
      document = NULL;
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                   "Replaced by the recovered copy");
    }
  if (document != NULL &&
      !g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      /* What the load prepared goes to whoever follows the document in; the rest goes. */
      self->prepared = g_steal_pointer (&loaded->prepared);
      self->prepared_for = document;
      install_document (self, document, data->file, loaded->engine);
      g_clear_pointer (&self->prepared, g_array_unref);
      self->prepared_for = NULL;
      taken = TRUE;
    }
  /* Done once the document is in: whoever waits for the flag finds it there. */
  set_loading (self, FALSE);
  if (!taken)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
bw_project_load_async (BwProject          *self,
                       GFile              *file,
                       GCancellable       *cancellable,
                       GAsyncReadyCallback callback,
                       gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) reader = NULL;
  GError *error = NULL;
  LoadData *data;

  g_return_if_fail (BW_IS_PROJECT (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, BW_SOURCE_TAG (bw_project_load_async));
  data = g_new0 (LoadData, 1);
  if ((data->path = local_path (file, &error)) == NULL)
    {
      load_data_free (data);
      g_task_return_error (task, error);
      return;
    }
  data->catalog = self->catalog != NULL ? g_object_ref (self->catalog) : NULL;
  data->file = g_object_ref (file);
  data->prepares = g_array_copy (self->prepares);
  data->n_restored = self->n_restored;

  /* The reader runs on a worker thread; the outer task completes once the project has it. */
  reader = g_task_new (self, cancellable, load_done_cb, g_steal_pointer (&task));
  g_task_set_task_data (reader, data, (GDestroyNotify) load_data_free);
  set_loading (self, TRUE);
  g_task_run_in_thread (reader, load_thread);
}

void
bw_project_set_prepare_func (BwProject           *self,
                             const char          *name,
                             BwProjectPrepareFunc func,
                             GDestroyNotify       free_func)
{
  Prepare prepare = { name, func, free_func };

  g_return_if_fail (BW_IS_PROJECT (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (func == NULL || free_func != NULL);

  for (guint i = 0; i < self->prepares->len; i++)
    if (g_str_equal (g_array_index (self->prepares, Prepare, i).name, name))
      {
        g_array_remove_index (self->prepares, i);
        break;
      }
  if (func != NULL)
    g_array_append_val (self->prepares, prepare);
}

gpointer
bw_project_take_prepared (BwProject  *self,
                          const char *name,
                          BwDocument *document)
{
  g_return_val_if_fail (BW_IS_PROJECT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (document == NULL || document != self->prepared_for || self->prepared == NULL)
    return NULL;
  for (guint i = 0; i < self->prepared->len; i++)
    {
      Prepared *p = &g_array_index (self->prepared, Prepared, i);

      if (g_str_equal (p->name, name))
        return g_steal_pointer (&p->data);
    }
  return NULL;
}

gboolean
bw_project_load_finish (BwProject     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
bw_project_load_bytes (BwProject  *self,
                       GBytes     *bytes,
                       GError    **error)
{
  g_autoptr(BwDocument) document = NULL;

  g_return_val_if_fail (BW_IS_PROJECT (self), FALSE);

  document = bw_document_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                         error);
  if (document == NULL ||
      (self->catalog != NULL && !bw_document_check_catalog (document, self->catalog, error)))
    return FALSE;
  bw_project_set_document (self, document, NULL);
  return TRUE;
}

gboolean
bw_project_restore (BwProject         *self,
                    const BwRecovery  *recovery,
                    GError           **error)
{
  g_autoptr(BwDocument) document = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (BW_IS_PROJECT (self), FALSE);

  /* Not read against the catalog: the copy is the user's own work, and refusing it would lose
   * it; a kind the catalog does not know takes no part in the figures. */
  if ((document = bw_recovery_load (recovery, error)) == NULL)
    return FALSE;
  if (recovery->original_path != NULL)
    file = g_file_new_for_path (recovery->original_path);
  self->n_restored++;
  bw_project_set_document (self, document, file);
  /* What was recovered is not on disk yet: it counts as modified until it is saved, and its
   * new journal holds a copy at once. */
  bw_history_clear (self->history);
  bw_journal_flush (self->journal, NULL);
  return TRUE;
}

/* Saving */

typedef struct
{
  GFile      *file;
  char       *path;
  BwDocument *copy;       /* what is written: the document as it was when saving began */
  guint64     generation;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_free (data->path);
  g_clear_object (&data->copy);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

static SaveData *
save_begin (BwProject  *self,
            GFile      *file,
            GError    **error)
{
  g_autoptr(SaveData) data = g_new0 (SaveData, 1);

  data->path = g_file_get_path (file);
  if (data->path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be saved"));
      return NULL;
    }
  /* A change saved is a change analysed with the catalog in use; an unchanged file keeps its
   * bytes. */
  if (bw_history_get_modified (self->history) && self->catalog != NULL)
    bw_catalog_stamp_document (self->catalog, self->document);
  data->file = g_object_ref (file);
  data->copy = bw_document_copy (self->document);
  data->generation = self->generation;
  return g_steal_pointer (&data);
}

static void
save_end (BwProject *self,
          SaveData  *data)
{
  set_file (self, data->file);
  /* Saved: nothing left to recover until the next change, unless one came in meanwhile. */
  if (data->generation == self->generation)
    {
      bw_history_mark_saved (self->history);
      bw_journal_discard (self->journal);
    }
}

static gboolean
save_to (BwProject  *self,
         GFile      *file,
         GError    **error)
{
  g_autoptr(SaveData) data = save_begin (self, file, error);

  if (data == NULL || !bw_document_save_to_file (data->copy, data->path, error))
    return FALSE;
  save_end (self, data);
  return TRUE;
}

gboolean
bw_project_save (BwProject  *self,
                 GError    **error)
{
  g_return_val_if_fail (BW_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (self->file != NULL, FALSE);

  return save_to (self, self->file, error);
}

gboolean
bw_project_save_as (BwProject  *self,
                    GFile      *file,
                    GError    **error)
{
  g_return_val_if_fail (BW_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return save_to (self, file, error);
}

static void
save_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (!bw_document_save_to_file (data->copy, data->path, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  BwProject *self = BW_PROJECT (source);
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  save_end (self, g_task_get_task_data (G_TASK (result)));
  g_task_return_boolean (task, TRUE);
}

static void
save_to_async (BwProject          *self,
               GFile              *file,
               gpointer            source_tag,
               GCancellable       *cancellable,
               GAsyncReadyCallback callback,
               gpointer            user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GTask) writer = NULL;
  GError *error = NULL;
  SaveData *data;

  g_task_set_source_tag (task, source_tag);
  if ((data = save_begin (self, file, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* Once the write began it runs to the end: an atomic save is never left half done. */
  writer = g_task_new (self, NULL, save_done_cb, g_steal_pointer (&task));
  g_task_set_task_data (writer, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (writer, save_thread);
}

void
bw_project_save_async (BwProject          *self,
                       GCancellable       *cancellable,
                       GAsyncReadyCallback callback,
                       gpointer            user_data)
{
  g_return_if_fail (BW_IS_PROJECT (self));
  g_return_if_fail (self->file != NULL);

  save_to_async (self, self->file, BW_SOURCE_TAG (bw_project_save_async), cancellable, callback,
                 user_data);
}

gboolean
bw_project_save_finish (BwProject     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
bw_project_save_as_async (BwProject          *self,
                          GFile              *file,
                          GCancellable       *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer            user_data)
{
  g_return_if_fail (BW_IS_PROJECT (self));
  g_return_if_fail (G_IS_FILE (file));

  save_to_async (self, file, BW_SOURCE_TAG (bw_project_save_as_async), cancellable, callback,
                 user_data);
}

gboolean
bw_project_save_as_finish (BwProject     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* GObject */

static void
bw_project_dispose (GObject *object)
{
  BwProject *self = BW_PROJECT (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->engine);
  g_clear_object (&self->journal);
  g_clear_object (&self->history);
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (bw_project_parent_class)->dispose (object);
}

static void
bw_project_finalize (GObject *object)
{
  BwProject *self = BW_PROJECT (object);

  g_free (self->display_name);
  g_array_unref (self->prepares);

  G_OBJECT_CLASS (bw_project_parent_class)->finalize (object);
}

static void
bw_project_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BwProject *self = BW_PROJECT (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_ENGINE:
      g_value_set_object (value, self->engine);
      break;
    case PROP_REPORT:
      g_value_set_pointer (value, bw_project_get_report (self));
      break;
    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, bw_project_get_display_name (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, bw_project_get_title (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, bw_project_get_modified (self));
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, bw_project_get_loading (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_project_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  BwProject *self = BW_PROJECT (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      bw_project_set_catalog (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_project_class_init (BwProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = bw_project_dispose;
  object_class->finalize = bw_project_finalize;
  object_class->get_property = bw_project_get_property;
  object_class->set_property = bw_project_set_property;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, BW_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] = g_param_spec_object ("document", NULL, NULL, BW_TYPE_DOCUMENT, ro);
  properties[PROP_HISTORY] = g_param_spec_object ("history", NULL, NULL, BW_TYPE_HISTORY, ro);
  properties[PROP_ENGINE] = g_param_spec_object ("engine", NULL, NULL, BW_TYPE_ENGINE, ro);
  /* A BwReport, owned by the engine (no GType of its own). */
  properties[PROP_REPORT] = g_param_spec_pointer ("report", NULL, NULL, ro);
  properties[PROP_JOURNAL] = g_param_spec_object ("journal", NULL, NULL, BW_TYPE_JOURNAL, ro);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, ro);
  properties[PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, NULL, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, ro);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bw_project_init (BwProject *self)
{
  g_autoptr(BwDocument) document = bw_document_new ();

  self->prepares = g_array_new (FALSE, FALSE, sizeof (Prepare));
  bw_project_set_document (self, document, NULL);
}
