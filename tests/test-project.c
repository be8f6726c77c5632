/* test-project.c: BwProject without a display — loading and saving real files, sync and async,
 * the notifications each part sends, the dirty state across undo and saves, and a file whose
 * kinds the catalog does not know. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bw-document-io.h"
#include "bw-project.h"
#include "bw-test-util.h"

static BwCatalog *catalog;

typedef struct
{
  char      *dir;
  char      *path;  /* a copy of tests/fixtures/good/small.bulwark */
  GFile     *file;
  char      *original;
  BwProject *project;
  GString   *notified; /* "document,history,…": every notify in order */
} Fixture;

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           GString    *notified)
{
  g_string_append_printf (notified, "%s,", g_param_spec_get_name (pspec));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *small = bw_test_source_path ("tests/fixtures/good/small.bulwark");

  f->dir = g_dir_make_tmp ("bulwark-project-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "estate.bulwark", NULL);
  f->original = bw_test_read_file (small, NULL);
  g_assert_true (g_file_set_contents (f->path, f->original, -1, NULL));
  f->file = g_file_new_for_path (f->path);
  f->project = bw_project_new (catalog);
  f->notified = g_string_new (NULL);
  g_signal_connect (f->project, "notify", G_CALLBACK (notify_cb), f->notified);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->project);
  g_clear_object (&f->file);
  g_string_free (f->notified, TRUE);
  bw_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->original);
}

static gboolean
notified (Fixture    *f,
          const char *name)
{
  g_autofree char *item = g_strconcat (name, ",", NULL);

  return strstr (f->notified->str, item) != NULL;
}

static GAsyncResult *
wait_for_result (GAsyncResult **result)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (*result == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (*result);
  return *result;
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_new (Fixture       *f,
          gconstpointer  data)
{
  BwProject *project = f->project;

  g_assert_null (bw_project_get_file (project));
  g_assert_cmpstr (bw_project_get_display_name (project), ==, "Untitled Estate");
  g_assert_cmpstr (bw_project_get_title (project), ==, "");
  g_assert_false (bw_project_get_modified (project));
  g_assert_false (bw_project_get_loading (project));
  g_assert_true (bw_project_is_pristine (project));
  g_assert_true (bw_project_get_catalog (project) == catalog);
  g_assert_nonnull (bw_project_get_engine (project));
  g_assert_nonnull (bw_project_get_report (project));
  g_assert_nonnull (bw_project_get_journal (project));
  g_assert_true (bw_history_get_document (bw_project_get_history (project)) ==
                 bw_project_get_document (project));
  /* Analysed with the release in use. */
  g_assert_cmpstr (bw_document_get_attack_version (bw_project_get_document (project)), ==,
                   bw_catalog_get_attack_version (catalog));
}

static void
test_load_sync (Fixture       *f,
                gconstpointer  data)
{
  BwDocument *before = bw_project_get_document (f->project);
  BwHistory *history_before = bw_project_get_history (f->project);
  g_autoptr(GError) error = NULL;

  g_assert_true (bw_project_load (f->project, f->file, &error));
  g_assert_no_error (error);
  g_assert_true (bw_project_get_document (f->project) != before);
  g_assert_true (bw_project_get_history (f->project) != history_before);
  g_assert_true (g_file_equal (bw_project_get_file (f->project), f->file));
  g_assert_cmpstr (bw_project_get_display_name (f->project), ==, "estate.bulwark");
  g_assert_false (bw_project_get_modified (f->project));
  g_assert_false (bw_project_is_pristine (f->project));
  g_assert_cmpuint (bw_document_get_n_nodes (bw_project_get_document (f->project)), ==, 2);
  g_assert_cmpuint (bw_report_get_n_asset_nodes (bw_project_get_report (f->project)), ==, 1);
  for (guint i = 0; i < 8; i++)
    {
      const char *names[] = { "document", "history", "journal", "file", "display-name", "title",
                              "modified", "report" };

      g_assert_true (notified (f, names[i]));
    }
}

static void
test_load_async (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  BwDocument *before = bw_project_get_document (f->project);

  bw_project_load_async (f->project, f->file, NULL, store_result_cb, &result);
  /* Read on a worker thread: nothing has changed yet but the loading flag. */
  g_assert_true (bw_project_get_loading (f->project));
  g_assert_false (bw_project_is_pristine (f->project));
  g_assert_true (bw_project_get_document (f->project) == before);
  g_assert_cmpstr (f->notified->str, ==, "loading,");

  g_assert_true (bw_project_load_finish (f->project, wait_for_result (&result), &error));
  g_assert_no_error (error);
  g_assert_false (bw_project_get_loading (f->project));
  g_assert_true (bw_project_get_document (f->project) != before);
  g_assert_true (g_file_equal (bw_project_get_file (f->project), f->file));
  g_assert_true (notified (f, "document"));
  g_assert_true (g_str_has_suffix (f->notified->str, "loading,"));
}

/* The report as JSON, for comparing two reports. */
static char *
report_json (BwReport  *report,
             BwCatalog *with)
{
  return bw_report_to_json (report, with, NULL);
}

/* The live figures equal a full recompute of the document with the project's catalog. */
static void
assert_live_report (BwProject *project)
{
  bw_test_assert_report_current (bw_project_get_catalog (project),
                                 bw_project_get_document (project),
                                 bw_project_get_report (project));
}

/* The async load computes the first report on its worker thread and hands over an engine that
 * follows the document from then on. */
static void
test_load_async_computes (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  BwEngine *before = bw_project_get_engine (f->project);
  BwDocument *document;
  g_autofree char *loaded = NULL;
  g_autofree char *edited = NULL;
  const char *services[2] = { NULL, NULL };

  bw_project_load_async (f->project, f->file, NULL, store_result_cb, &result);
  g_assert_true (bw_project_get_engine (f->project) == before);
  g_assert_true (bw_project_load_finish (f->project, wait_for_result (&result), NULL));
  g_assert_true (bw_project_get_engine (f->project) != before);
  g_assert_true (bw_engine_get_catalog (bw_project_get_engine (f->project)) == catalog);
  g_assert_true (notified (f, "engine"));
  g_assert_true (notified (f, "report"));
  assert_live_report (f->project);
  loaded = report_json (bw_project_get_report (f->project), catalog);

  /* An edit: the handed-over engine follows it. */
  document = bw_project_get_document (f->project);
  for (guint i = 0; i < bw_document_get_n_nodes (document) && services[0] == NULL; i++)
    {
      const BwNode *node = bw_document_get_node (document, i);
      const BwStencil *stencil = bw_catalog_lookup_stencil (catalog, node->kind);

      if (stencil != NULL && stencil->role == BW_ROLE_SERVICE)
        services[0] = node->id;
    }
  g_assert_nonnull (services[0]);
  g_assert_true (bw_history_remove (bw_project_get_history (f->project), services, NULL));
  assert_live_report (f->project);
  edited = report_json (bw_project_get_report (f->project), catalog);
  g_assert_cmpstr (edited, !=, loaded);
}

/* What a prepare func makes: on which thread, for which document and report, and how many
 * nodes. */
typedef struct
{
  GThread    *thread;
  BwDocument *document;
  BwReport   *report;
  guint       n_nodes;
} Prepared;

static gint n_prepared_alive;

static gpointer
prepare_cb (BwDocument *document,
            BwCatalog  *with,
            BwReport   *report)
{
  Prepared *p = g_new0 (Prepared, 1);

  g_assert_true (with == catalog);
  p->thread = g_thread_self ();
  p->document = document;
  p->report = report;
  p->n_nodes = bw_document_get_n_nodes (document);
  g_atomic_int_inc (&n_prepared_alive);
  return p;
}

static void
prepared_free (gpointer data)
{
  g_atomic_int_add (&n_prepared_alive, -1);
  g_free (data);
}

static void
take_prepared_cb (BwProject   *project,
                  GParamSpec  *pspec,
                  Prepared   **out)
{
  *out = bw_project_take_prepared (project, "test", bw_project_get_document (project));
}

/* What a view asks to have made from a loaded document is made on the load's worker thread,
 * and taken while the document comes in; untaken, it is freed, and so is a cancelled one. */
static void
test_load_async_prepares (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) again = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Prepared *taken = NULL;
  gulong handler;

  bw_project_set_prepare_func (f->project, "test", prepare_cb, prepared_free);
  handler = g_signal_connect (f->project, "notify::document", G_CALLBACK (take_prepared_cb),
                              &taken);
  bw_project_load_async (f->project, f->file, NULL, store_result_cb, &result);
  g_assert_true (bw_project_load_finish (f->project, wait_for_result (&result), NULL));
  g_assert_nonnull (taken);
  g_assert_true (taken->thread != g_thread_self ());
  g_assert_true (taken->document == bw_project_get_document (f->project));
  /* The report it was given is the one the project has for the document. */
  g_assert_nonnull (taken->report);
  g_assert_true (taken->report == bw_project_get_report (f->project));
  g_assert_cmpuint (taken->n_nodes, ==, 2);
  /* Once the document is in, nothing is left to take. */
  g_assert_null (
      bw_project_take_prepared (f->project, "test", bw_project_get_document (f->project)));
  prepared_free (taken);
  g_assert_cmpint (g_atomic_int_get (&n_prepared_alive), ==, 0);

  /* Not taken: freed. */
  g_signal_handler_disconnect (f->project, handler);
  bw_project_load_async (f->project, f->file, NULL, store_result_cb, &again);
  g_assert_true (bw_project_load_finish (f->project, wait_for_result (&again), NULL));
  g_assert_cmpint (g_atomic_int_get (&n_prepared_alive), ==, 0);

  /* A synchronous load prepares nothing. */
  taken = NULL;
  handler = g_signal_connect (f->project, "notify::document", G_CALLBACK (take_prepared_cb),
                              &taken);
  g_assert_true (bw_project_load (f->project, f->file, NULL));
  g_assert_null (taken);
  g_signal_handler_disconnect (f->project, handler);
  bw_project_set_prepare_func (f->project, "test", NULL, NULL);
}

/* Another catalog came in while the file was read: the figures are those of the catalog in
 * use, not of the one the worker computed with. */
static void
test_load_async_catalog_replaced (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalog) other = bw_catalog_load_default (&error);

  g_assert_no_error (error);
  bw_project_load_async (f->project, f->file, NULL, store_result_cb, &result);
  bw_project_set_catalog (f->project, other);
  g_assert_true (bw_project_load_finish (f->project, wait_for_result (&result), &error));
  g_assert_no_error (error);
  g_assert_true (bw_engine_get_catalog (bw_project_get_engine (f->project)) == other);
  g_assert_cmpuint (bw_document_get_n_nodes (bw_project_get_document (f->project)), ==, 2);
  assert_live_report (f->project);
}

/* Cancelled, the file and its figures are dropped; the project stays as it was. */
static void
test_load_async_cancelled (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  BwDocument *document = bw_project_get_document (f->project);
  BwEngine *engine = bw_project_get_engine (f->project);

  bw_project_load_async (f->project, f->file, cancellable, store_result_cb, &result);
  g_cancellable_cancel (cancellable);
  g_assert_false (bw_project_load_finish (f->project, wait_for_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (bw_project_get_loading (f->project));
  g_assert_true (bw_project_get_document (f->project) == document);
  g_assert_true (bw_project_get_engine (f->project) == engine);
  assert_live_report (f->project);
}

/* A file that fails to load, in either form, leaves the project as it was. */
static void
assert_refused (Fixture    *f,
                const char *contents,
                GQuark      domain,
                int         code,
                const char *message)
{
  g_autofree char *path = g_build_filename (f->dir, "bad.bulwark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) async_error = NULL;
  BwDocument *before = bw_project_get_document (f->project);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  g_string_truncate (f->notified, 0);
  g_assert_false (bw_project_load (f->project, file, &error));
  g_assert_error (error, domain, code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);

  bw_project_load_async (f->project, file, NULL, store_result_cb, &result);
  g_assert_false (bw_project_load_finish (f->project, wait_for_result (&result), &async_error));
  g_assert_error (async_error, domain, code);
  g_assert_cmpstr (async_error->message, ==, error->message);

  g_assert_true (bw_project_get_document (f->project) == before);
  g_assert_true (g_file_equal (bw_project_get_file (f->project), f->file));
  g_assert_cmpstr (f->notified->str, ==, "loading,loading,");
}

static void
test_load_refused (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_true (bw_project_load (f->project, f->file, NULL));
  assert_refused (f, "{\"format\": \"bulwark\", \"version\": 1, \"zones\": [", BW_DOCUMENT_ERROR,
                  BW_DOCUMENT_ERROR_PARSE, NULL);
  /* Well formed, but a kind the catalog does not know: named by its place, as the CLI says it. */
  assert_refused (f,
                  "{\"format\": \"bulwark\", \"version\": 1, \"nodes\": ["
                  "{\"id\": \"n1\", \"kind\": \"azure.vm\", \"label\": \"VM\", \"x\": 0, \"y\": 0},"
                  "{\"id\": \"n2\", \"kind\": \"azure.toaster\", \"label\": \"T\", \"x\": 0, \"y\": 0}]}",
                  BW_DOCUMENT_ERROR, BW_DOCUMENT_ERROR_INVALID,
                  "nodes[1].kind: unknown kind “azure.toaster”");
  assert_refused (f,
                  "{\"format\": \"bulwark\", \"version\": 1, \"zones\": ["
                  "{\"id\": \"z1\", \"kind\": \"azure.vm\", \"label\": \"Z\", \"x\": 0, \"y\": 0, "
                  "\"w\": 100, \"h\": 100}]}",
                  BW_DOCUMENT_ERROR, BW_DOCUMENT_ERROR_INVALID,
                  "zones[0].kind: “azure.vm” is not a zone kind");
}

/* The dirty state is the history's: an edit sets it, undo back to the saved step clears it, a
 * save moves the saved step. */
static void
test_modified_across_undo (Fixture       *f,
                           gconstpointer  data)
{
  BwHistory *history;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  g_assert_true (bw_project_load (f->project, f->file, NULL));
  history = bw_project_get_history (f->project);
  g_string_truncate (f->notified, 0);

  id = bw_history_add_node (history, "azure.storage", "Storage", NULL, 900, 900, &error);
  g_assert_no_error (error);
  g_assert_true (bw_project_get_modified (f->project));
  g_assert_true (notified (f, "modified"));
  g_assert_true (notified (f, "report"));
  g_assert_cmpuint (bw_report_get_n_asset_nodes (bw_project_get_report (f->project)), ==, 2);

  g_string_truncate (f->notified, 0);
  g_assert_true (bw_history_undo (history));
  g_assert_false (bw_project_get_modified (f->project));
  g_assert_true (notified (f, "modified"));
  g_assert_true (bw_history_redo (history));
  g_assert_true (bw_project_get_modified (f->project));

  g_assert_true (bw_project_save (f->project, &error));
  g_assert_no_error (error);
  g_assert_false (bw_project_get_modified (f->project));
  g_assert_true (bw_history_undo (history));
  g_assert_true (bw_project_get_modified (f->project));
  g_assert_true (bw_history_redo (history));
  g_assert_false (bw_project_get_modified (f->project));

  /* The title notifies with the document's own title. */
  g_string_truncate (f->notified, 0);
  g_assert_true (bw_history_set_title (history, "Contoso", NULL));
  g_assert_true (notified (f, "title"));
  g_assert_cmpstr (bw_project_get_title (f->project), ==, "Contoso");
}

static void
test_save_async (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *expected = NULL;
  gsize length;

  g_assert_true (bw_project_load (f->project, f->file, NULL));
  /* Unchanged: saved with the very bytes it was read from. */
  bw_project_save_async (f->project, NULL, store_result_cb, &result);
  g_assert_true (bw_project_save_finish (f->project, wait_for_result (&result), &error));
  g_assert_no_error (error);
  saved = bw_test_read_file (f->path, NULL);
  g_assert_cmpstr (saved, ==, f->original);

  g_assert_true (bw_history_set_label (bw_project_get_history (f->project), "n1", "Renamed", NULL));
  g_assert_true (bw_project_get_modified (f->project));
  g_clear_object (&result);
  g_string_truncate (f->notified, 0);
  bw_project_save_async (f->project, NULL, store_result_cb, &result);
  g_assert_true (bw_project_save_finish (f->project, wait_for_result (&result), &error));
  g_assert_no_error (error);
  g_assert_false (bw_project_get_modified (f->project));
  g_assert_true (notified (f, "modified"));
  g_assert_false (notified (f, "file"));
  g_clear_pointer (&saved, g_free);
  saved = bw_test_read_file (f->path, NULL);
  expected = bw_document_to_data (bw_project_get_document (f->project), &length);
  g_assert_cmpstr (saved, ==, expected);
  g_assert_nonnull (strstr (saved, "\"Renamed\""));

  /* An edit made while the copy is being written stays unsaved. */
  g_assert_true (bw_history_set_label (bw_project_get_history (f->project), "n1", "Again", NULL));
  g_clear_object (&result);
  bw_project_save_async (f->project, NULL, store_result_cb, &result);
  g_assert_true (bw_history_set_label (bw_project_get_history (f->project), "n1", "Meanwhile", NULL));
  g_assert_true (bw_project_save_finish (f->project, wait_for_result (&result), &error));
  g_assert_true (bw_project_get_modified (f->project));
  g_clear_pointer (&saved, g_free);
  saved = bw_test_read_file (f->path, NULL);
  g_assert_nonnull (strstr (saved, "\"Again\""));
  g_assert_null (strstr (saved, "\"Meanwhile\""));
}

static void
test_save_as (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *other_path = g_build_filename (f->dir, "copy.bulwark", NULL);
  g_autofree char *third_path = g_build_filename (f->dir, "third.bulwark", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(GFile) third = g_file_new_for_path (third_path);
  g_autoptr(GFile) nowhere = g_file_new_for_path ("/nonexistent/dir/estate.bulwark");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *copy = NULL;

  g_assert_true (bw_project_load (f->project, f->file, NULL));
  g_assert_true (bw_history_set_label (bw_project_get_history (f->project), "n1", "Renamed", NULL));
  g_string_truncate (f->notified, 0);
  bw_project_save_as_async (f->project, other, NULL, store_result_cb, &result);
  g_assert_true (bw_project_save_as_finish (f->project, wait_for_result (&result), &error));
  g_assert_no_error (error);
  /* The project now belongs to the new file; the old one is as it was. */
  g_assert_true (g_file_equal (bw_project_get_file (f->project), other));
  g_assert_cmpstr (bw_project_get_display_name (f->project), ==, "copy.bulwark");
  g_assert_true (notified (f, "file"));
  g_assert_true (notified (f, "display-name"));
  g_assert_false (bw_project_get_modified (f->project));
  first = bw_test_read_file (f->path, NULL);
  g_assert_cmpstr (first, ==, f->original);
  copy = bw_test_read_file (other_path, NULL);
  g_assert_nonnull (strstr (copy, "\"Renamed\""));

  /* Sync, and a save that fails changes nothing. */
  g_assert_true (bw_project_save_as (f->project, third, &error));
  g_assert_true (g_file_equal (bw_project_get_file (f->project), third));
  g_assert_true (bw_history_set_label (bw_project_get_history (f->project), "n1", "Later", NULL));
  g_assert_false (bw_project_save_as (f->project, nowhere, &error));
  g_assert_nonnull (error);
  g_assert_true (g_file_equal (bw_project_get_file (f->project), third));
  g_assert_true (bw_project_get_modified (f->project));
  g_clear_error (&error);
  g_clear_object (&result);
  bw_project_save_as_async (f->project, nowhere, NULL, store_result_cb, &result);
  g_assert_false (bw_project_save_as_finish (f->project, wait_for_result (&result), &error));
  g_assert_nonnull (error);
  g_assert_true (g_file_equal (bw_project_get_file (f->project), third));
  g_assert_true (bw_project_get_modified (f->project));
}

/* Another catalog: a new engine computes the figures with it. */
static void
test_set_catalog (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(BwCatalog) tiny = bw_test_tiny_catalog ();
  g_autoptr(BwEngine) engine = NULL;

  g_assert_true (bw_project_load (f->project, f->file, NULL));
  engine = g_object_ref (bw_project_get_engine (f->project));
  g_string_truncate (f->notified, 0);
  bw_project_set_catalog (f->project, tiny);
  g_assert_true (bw_project_get_catalog (f->project) == tiny);
  g_assert_true (bw_project_get_engine (f->project) != engine);
  g_assert_true (bw_engine_get_catalog (bw_project_get_engine (f->project)) == tiny);
  g_assert_true (notified (f, "catalog"));
  g_assert_true (notified (f, "engine"));
  g_assert_true (notified (f, "report"));
  /* The kinds of small.bulwark are not the tiny catalog's: it is no longer loaded against it. */
  g_assert_false (bw_project_load (f->project, f->file, NULL));

  bw_project_set_catalog (f->project, NULL);
  g_assert_null (bw_project_get_engine (f->project));
  g_assert_null (bw_project_get_report (f->project));
  /* Without a catalog, a file is read without the check. */
  g_assert_true (bw_project_load (f->project, f->file, NULL));
}

static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (f->dir, "recovered.bulwark", NULL);
  BwRecovery recovery = { copy, f->path, (char *) "", 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (copy, f->original, -1, NULL));
  g_assert_true (bw_project_restore (f->project, &recovery, &error));
  g_assert_no_error (error);
  /* Belongs to its original file, and is not on disk yet. */
  g_assert_true (g_file_equal (bw_project_get_file (f->project), f->file));
  g_assert_true (bw_project_get_modified (f->project));
  g_assert_cmpuint (bw_document_get_n_nodes (bw_project_get_document (f->project)), ==, 2);
  g_assert_nonnull (bw_journal_get_file (bw_project_get_journal (f->project)));
}

static gboolean
quit_loop_cb (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

/* Undone back to the saved file, the project keeps no recovery copy, now or later. */
static void
test_clean_drops_journal (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  BwJournal *journal;
  BwHistory *history;

  g_assert_true (bw_project_load (f->project, f->file, NULL));
  journal = bw_project_get_journal (f->project);
  history = bw_project_get_history (f->project);
  g_assert_true (bw_journal_get_clean (journal));
  g_assert_true (bw_history_set_title (history, "Edited", NULL));
  g_assert_false (bw_journal_get_clean (journal));
  g_assert_true (bw_journal_flush (journal, NULL));
  g_assert_true (g_file_test (bw_journal_get_file (journal), G_FILE_TEST_EXISTS));

  g_assert_true (bw_history_undo (history));
  g_assert_false (bw_project_get_modified (f->project));
  g_assert_false (g_file_test (bw_journal_get_file (journal), G_FILE_TEST_EXISTS));
  g_timeout_add (BW_JOURNAL_DELAY_MS + 300, quit_loop_cb, loop);
  g_main_loop_run (loop);
  g_assert_false (g_file_test (bw_journal_get_file (journal), G_FILE_TEST_EXISTS));

  /* Redone, it differs from the file again and is kept. */
  g_assert_true (bw_history_redo (history));
  g_assert_false (bw_journal_get_clean (journal));
}

static gpointer
copy_cb (BwDocument *document,
         BwCatalog  *catalog,
         BwReport   *report)
{
  return bw_document_copy (document);
}

typedef struct
{
  BwDocument *copy;
  Prepared   *prepared;
  gpointer    other;
} Taken;

static void
take_both_cb (BwProject  *project,
              GParamSpec *pspec,
              Taken      *out)
{
  BwDocument *document = bw_project_get_document (project);

  out->copy = bw_project_take_prepared (project, "copy", document);
  out->prepared = bw_project_take_prepared (project, "test", document);
  out->other = bw_project_take_prepared (project, "nobody", document);
}

/* Two views each ask for something made on the load's thread, under names of their own: a
 * copy of the document (another object with the same bytes), and the prepared figures; each
 * takes its own. Asked for under a name again, the func replaces the one before; NULL asks
 * for nothing. */
static void
test_load_async_prepares_by_name (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) again = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *loaded = NULL;
  Taken taken = { 0 };
  gulong handler;

  bw_project_set_prepare_func (f->project, "copy", prepare_cb, prepared_free);
  bw_project_set_prepare_func (f->project, "copy", copy_cb, g_object_unref);
  bw_project_set_prepare_func (f->project, "test", prepare_cb, prepared_free);
  handler = g_signal_connect (f->project, "notify::document", G_CALLBACK (take_both_cb), &taken);
  bw_project_load_async (f->project, f->file, NULL, store_result_cb, &result);
  g_assert_true (bw_project_load_finish (f->project, wait_for_result (&result), NULL));
  g_assert_true (BW_IS_DOCUMENT (taken.copy));
  g_assert_true (taken.copy != bw_project_get_document (f->project));
  copied = bw_document_to_data (taken.copy, NULL);
  loaded = bw_document_to_data (bw_project_get_document (f->project), NULL);
  g_assert_cmpstr (copied, ==, loaded);
  g_assert_nonnull (taken.prepared);
  g_assert_true (taken.prepared->document == bw_project_get_document (f->project));
  g_assert_null (taken.other);
  /* Only the one prepare func under "test": the one under "copy" was replaced. */
  g_assert_cmpint (g_atomic_int_get (&n_prepared_alive), ==, 1);
  prepared_free (taken.prepared);
  g_clear_object (&taken.copy);
  /* Once the document is in, nothing is left to take. */
  g_assert_null (
      bw_project_take_prepared (f->project, "copy", bw_project_get_document (f->project)));

  /* Asked for nothing under either name: nothing is made. */
  bw_project_set_prepare_func (f->project, "copy", NULL, NULL);
  bw_project_set_prepare_func (f->project, "test", NULL, NULL);
  memset (&taken, 0, sizeof taken);
  bw_project_load_async (f->project, f->file, NULL, store_result_cb, &again);
  g_assert_true (bw_project_load_finish (f->project, wait_for_result (&again), NULL));
  g_assert_null (taken.copy);
  g_assert_null (taken.prepared);
  g_assert_cmpint (g_atomic_int_get (&n_prepared_alive), ==, 0);
  g_signal_handler_disconnect (f->project, handler);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *cache = g_dir_make_tmp ("bulwark-cache-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  int status;

  /* The journals' recovery copies go to a cache of the test's own. */
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_test_init (&argc, &argv, NULL);
  catalog = bw_catalog_load_default (&error);
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add ("/project/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("new", test_new);
  ADD ("load-sync", test_load_sync);
  ADD ("load-async", test_load_async);
  ADD ("load-async-computes", test_load_async_computes);
  ADD ("load-async-prepares", test_load_async_prepares);
  ADD ("load-async-prepares-by-name", test_load_async_prepares_by_name);
  ADD ("load-async-catalog-replaced", test_load_async_catalog_replaced);
  ADD ("load-async-cancelled", test_load_async_cancelled);
  ADD ("load-refused", test_load_refused);
  ADD ("modified-across-undo", test_modified_across_undo);
  ADD ("save-async", test_save_async);
  ADD ("save-as", test_save_as);
  ADD ("set-catalog", test_set_catalog);
  ADD ("restore", test_restore);
  ADD ("clean-drops-journal", test_clean_drops_journal);
#undef ADD

  status = g_test_run ();
  g_clear_object (&catalog);
  bw_test_remove_tree (cache);
  return status;
}
