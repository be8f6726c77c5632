/* bw-project.h: one open project file — its document, the history of its edits, the engine and
 * its latest report, the recovery journal, the file it is saved to and whether it is, and the
 * catalog it is read against. Windows, panels and the command line hold one and follow it. */
#pragma once

#include <gio/gio.h>

#include "bw-catalog.h"
#include "bw-document.h"
#include "bw-engine.h"
#include "bw-history.h"
#include "bw-journal.h"
#include "bw-report.h"

G_BEGIN_DECLS

#define BW_TYPE_PROJECT (bw_project_get_type ())
G_DECLARE_FINAL_TYPE (BwProject, bw_project, BW, PROJECT, GObject)

/* An untitled, empty project analysed with `catalog` (may be NULL: no engine, no report). Every
 * getter below is a property that notifies when it changes: catalog, document, history, engine,
 * report, journal, file, display-name, title, modified, loading. */
BwProject  *bw_project_new              (BwCatalog     *catalog);

BwCatalog  *bw_project_get_catalog      (BwProject     *self);
/* Reads the project with another catalog: a new engine, and every figure computed again. */
void        bw_project_set_catalog      (BwProject     *self,
                                         BwCatalog     *catalog);
BwDocument *bw_project_get_document     (BwProject     *self);
BwHistory  *bw_project_get_history      (BwProject     *self);
BwEngine   *bw_project_get_engine       (BwProject     *self);
BwReport   *bw_project_get_report       (BwProject     *self);
BwJournal  *bw_project_get_journal      (BwProject     *self);
/* The file it was loaded from or last saved to; NULL while untitled. */
GFile      *bw_project_get_file         (BwProject     *self);
/* The file's name, or "Untitled Estate". */
const char *bw_project_get_display_name (BwProject     *self);
/* The document's own title (settings, not the file name); never NULL. */
const char *bw_project_get_title        (BwProject     *self);
/* Whether the document differs from the file (its history's saved state). */
gboolean    bw_project_get_modified     (BwProject     *self);
/* Whether a load is under way. */
gboolean    bw_project_get_loading      (BwProject     *self);
/* Untitled, unchanged, empty and not loading: nothing would be lost by loading over it. */
gboolean    bw_project_is_pristine      (BwProject     *self);

/* Puts a document that loaded completely in the project, counted as saved to `file` (NULL:
 * untitled), with a fresh history and journal. */
void        bw_project_set_document     (BwProject     *self,
                                         BwDocument    *document,
                                         GFile         *file);

/* Loading reads and checks the file (bw_document_load_checked, against the project's catalog)
 * and, in the async form, computes its first report off the main thread too; the project
 * changes only once the whole file has loaded, document and report together, so a file that
 * fails leaves the open document as it was. Local files only. */
gboolean    bw_project_load             (BwProject     *self,
                                         GFile         *file,
                                         GError       **error);
void        bw_project_load_async       (BwProject          *self,
                                         GFile              *file,
                                         GCancellable       *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer            user_data);
gboolean    bw_project_load_finish      (BwProject     *self,
                                         GAsyncResult  *result,
                                         GError       **error);
/* An untitled project from a file's bytes (the bundled sample): saving asks where. */
gboolean    bw_project_load_bytes       (BwProject     *self,
                                         GBytes        *bytes,
                                         GError       **error);
/* A recovery copy: its document, unsaved, belonging to its original file when it had one. */
gboolean    bw_project_restore          (BwProject         *self,
                                         const BwRecovery  *recovery,
                                         GError           **error);

/* Saving writes atomically to the project's file; saving as writes to `file` and, once it is
 * written, adopts it as the project's file. A change saved is recorded as analysed with the
 * catalog in use; an unchanged document keeps its bytes. The async forms write on a worker
 * thread from a copy taken when called; an edit made meanwhile keeps the project modified. */
gboolean    bw_project_save             (BwProject     *self,
                                         GError       **error);
void        bw_project_save_async       (BwProject          *self,
                                         GCancellable       *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer            user_data);
gboolean    bw_project_save_finish      (BwProject     *self,
                                         GAsyncResult  *result,
                                         GError       **error);
gboolean    bw_project_save_as          (BwProject     *self,
                                         GFile         *file,
                                         GError       **error);
void        bw_project_save_as_async    (BwProject          *self,
                                         GFile              *file,
                                         GCancellable       *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer            user_data);
gboolean    bw_project_save_as_finish   (BwProject     *self,
                                         GAsyncResult  *result,
                                         GError       **error);

/* What else a view wants made from a document that bw_project_load_async reads, on the load's
 * worker thread after its figures, so that the main thread only takes it in: `func` may read
 * the document, the catalog and the document's first report (the one bw_project_get_report
 * gives once the document is in; NULL without a catalog), nothing else. Each view asks under a
 * name of its own (a string that lives as long as the project: "canvas"); a func under a name
 * replaces the one before, and NULL asks for nothing under it. */
typedef gpointer (*BwProjectPrepareFunc) (BwDocument *document,
                                          BwCatalog  *catalog,
                                          BwReport   *report);
void        bw_project_set_prepare_func (BwProject           *self,
                                         const char          *name,
                                         BwProjectPrepareFunc func,
                                         GDestroyNotify       free_func);
/* What the load that brought `document` in prepared for it under `name`, while the document
 * comes in (the `notify::document` it causes); the caller owns it. NULL for any other document
 * or name, or later. */
gpointer    bw_project_take_prepared    (BwProject           *self,
                                         const char          *name,
                                         BwDocument          *document);

G_END_DECLS
