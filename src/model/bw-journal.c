/* bw-journal.c: keeps a recovery copy of a document in the user cache, written shortly after
 * each change and asynchronously, so a crash or kill loses at most a couple of seconds of work.
 * Each journal has its own files, so two windows never mix. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <unistd.h>
#include <string.h>

#include "bw-document-io.h"
#include "bw-journal.h"

struct _BwJournal
{
  GObject       parent_instance;

  BwDocument   *document;
  char         *dir;
  char         *id;
  char         *copy_path;
  char         *info_path;
  char         *original_path;
  guint         timeout;
  GCancellable *cancellable;
  gboolean      written;
  gboolean      clean;   /* the document equals its saved file: nothing to keep */
};

G_DEFINE_FINAL_TYPE (BwJournal, bw_journal, G_TYPE_OBJECT)

G_DEFINE_QUARK (bw-journal-error-quark, bw_journal_error)

static char *
default_dir (void)
{
  return g_build_filename (g_get_user_cache_dir (), "bulwark", "recovery", NULL);
}

static char *
process_name (int pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/comm", pid);
  char *comm = NULL;

  if (!g_file_get_contents (path, &comm, NULL, NULL))
    return NULL;
  return g_strstrip (comm);
}

static char *
boot_id (void)
{
  char *id = NULL;

  if (!g_file_get_contents ("/proc/sys/kernel/random/boot_id", &id, NULL, NULL))
    return g_strdup ("");
  return g_strstrip (id);
}

static void
write_info (BwJournal *self)
{
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *comm = process_name (getpid ());
  g_autofree char *boot = boot_id ();
  g_autofree char *data = NULL;

  g_key_file_set_integer (info, "Journal", "Pid", getpid ());
  g_key_file_set_string (info, "Journal", "Process", comm ? comm : "");
  g_key_file_set_string (info, "Journal", "Boot", boot);
  g_key_file_set_string (info, "Journal", "Original", self->original_path ? self->original_path : "");
  g_key_file_set_string (info, "Journal", "Title", bw_document_get_title (self->document));
  data = g_key_file_to_data (info, NULL, NULL);
  g_mkdir_with_parents (self->dir, 0700);
  g_file_set_contents_full (self->info_path, data, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL);
}

static void
write_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not write the recovery copy: %s", error->message);
}

static gboolean
write_copy_async (gpointer user_data)
{
  BwJournal *self = user_data;
  gsize length;
  char *data = bw_document_to_data (self->document, &length);
  g_autoptr(GBytes) bytes = g_bytes_new_take (data, length);
  g_autoptr(GFile) file = g_file_new_for_path (self->copy_path);

  self->timeout = 0;
  if (!self->written)
    {
      write_info (self);
      self->written = TRUE;
    }
  /* Written by a worker thread, renamed over the old copy when complete. */
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_PRIVATE,
                                       self->cancellable, write_done_cb, NULL);
  return G_SOURCE_REMOVE;
}

static void
document_changed_cb (BwJournal      *self,
                     const BwChange *change,
                     BwDocument     *document)
{
  if (!self->clean && self->timeout == 0)
    self->timeout = g_timeout_add (BW_JOURNAL_DELAY_MS, write_copy_async, self);
}

BwJournal *
bw_journal_new (BwDocument *document,
                const char *dir)
{
  BwJournal *self = g_object_new (BW_TYPE_JOURNAL, NULL);
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *copy_name = g_strconcat (uuid, ".bulwark", NULL);
  g_autofree char *info_name = g_strconcat (uuid, ".info", NULL);

  self->document = g_object_ref (document);
  self->dir = dir ? g_strdup (dir) : default_dir ();
  self->id = g_steal_pointer (&uuid);
  self->copy_path = g_build_filename (self->dir, copy_name, NULL);
  self->info_path = g_build_filename (self->dir, info_name, NULL);
  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}

void
bw_journal_set_path (BwJournal  *self,
                     const char *path)
{
  g_free (self->original_path);
  self->original_path = g_strdup (path);
  if (self->written)
    write_info (self);
}

gboolean
bw_journal_flush (BwJournal  *self,
                  GError    **error)
{
  gsize length;
  g_autofree char *data = bw_document_to_data (self->document, &length);

  g_clear_handle_id (&self->timeout, g_source_remove);
  if (!self->written)
    {
      write_info (self);
      self->written = TRUE;
    }
  return g_file_set_contents_full (self->copy_path, data, length, G_FILE_SET_CONTENTS_CONSISTENT,
                                   0600, error);
}

void
bw_journal_discard (BwJournal *self)
{
  g_clear_handle_id (&self->timeout, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_unlink (self->copy_path);
  g_unlink (self->info_path);
  self->written = FALSE;
}

/* A clean document (its history back at the saved state) needs no recovery copy: the journal
 * drops what it has and writes again only once the document differs from its file. */
void
bw_journal_set_clean (BwJournal *self,
                      gboolean   clean)
{
  clean = !!clean;
  if (self->clean == clean)
    return;
  self->clean = clean;
  if (clean)
    bw_journal_discard (self);
  else if (self->timeout == 0)
    self->timeout = g_timeout_add (BW_JOURNAL_DELAY_MS, write_copy_async, self);
}

gboolean
bw_journal_get_clean (BwJournal *self)
{
  return self->clean;
}

const char *
bw_journal_get_file (BwJournal *self)
{
  return self->copy_path;
}

static void
bw_journal_finalize (GObject *object)
{
  BwJournal *self = BW_JOURNAL (object);

  /* A journal that ends normally leaves nothing to recover. */
  bw_journal_discard (self);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->document);
  g_free (self->dir);
  g_free (self->id);
  g_free (self->copy_path);
  g_free (self->info_path);
  g_free (self->original_path);

  G_OBJECT_CLASS (bw_journal_parent_class)->finalize (object);
}

static void
bw_journal_class_init (BwJournalClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bw_journal_finalize;
}

static void
bw_journal_init (BwJournal *self)
{
}

void
bw_recovery_free (BwRecovery *recovery)
{
  if (recovery == NULL)
    return;
  g_free (recovery->journal_path);
  g_free (recovery->original_path);
  g_free (recovery->title);
  g_free (recovery);
}

void
bw_recovery_delete (const BwRecovery *recovery)
{
  g_autofree char *info = NULL;

  if (g_str_has_suffix (recovery->journal_path, ".bulwark"))
    {
      g_autofree char *stem = g_strndup (recovery->journal_path,
                                         strlen (recovery->journal_path) - strlen (".bulwark"));

      info = g_strconcat (stem, ".info", NULL);
      g_unlink (info);
    }
  g_unlink (recovery->journal_path);
}

/* The journal's files renamed to `*.damaged`: kept for whoever wants to look, never offered
 * again. Returns the new name of the copy. */
static char *
move_aside (const char *copy_path,
            const char *info_path)
{
  g_autofree char *damaged_info = g_strconcat (info_path, ".damaged", NULL);
  char *damaged_copy = g_strconcat (copy_path, ".damaged", NULL);

  if (g_file_test (copy_path, G_FILE_TEST_EXISTS) && g_rename (copy_path, damaged_copy) != 0)
    g_unlink (copy_path);
  if (g_rename (info_path, damaged_info) != 0)
    g_unlink (info_path);
  return damaged_copy;
}

static char *
info_path_of (const char *journal_path)
{
  g_autofree char *stem = g_str_has_suffix (journal_path, ".bulwark")
                            ? g_strndup (journal_path, strlen (journal_path) - strlen (".bulwark"))
                            : g_strdup (journal_path);

  return g_strconcat (stem, ".info", NULL);
}

BwDocument *
bw_recovery_load (const BwRecovery  *recovery,
                  GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  BwDocument *document = bw_document_load_from_file (recovery->journal_path, &local_error);
  g_autofree char *info = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *name = NULL;

  if (document != NULL)
    return document;

  /* Offered at every start otherwise, failing every time: say it once and set it aside. */
  info = info_path_of (recovery->journal_path);
  aside = move_aside (recovery->journal_path, info);
  name = recovery->original_path ? g_path_get_basename (recovery->original_path)
                                 : g_strdup (recovery->title && *recovery->title
                                               ? recovery->title : _("Untitled Estate"));
  g_set_error (error, BW_JOURNAL_ERROR, BW_JOURNAL_ERROR_DAMAGED,
               _("The recovery copy of “%s” is damaged and cannot be restored (%s). It was moved "
                 "aside to %s."),
               name, local_error->message, aside);
  return NULL;
}

static gboolean
writer_is_alive (GKeyFile *info)
{
  int pid = g_key_file_get_integer (info, "Journal", "Pid", NULL);
  g_autofree char *comm = g_key_file_get_string (info, "Journal", "Process", NULL);
  g_autofree char *boot = g_key_file_get_string (info, "Journal", "Boot", NULL);
  g_autofree char *current_boot = boot_id ();
  g_autofree char *running = NULL;

  if (pid <= 0 || g_strcmp0 (boot, current_boot) != 0)
    return FALSE;
  if (kill (pid, 0) != 0)
    return FALSE;
  /* The pid may have been reused by another program since. */
  running = process_name (pid);
  return running != NULL && g_strcmp0 (running, comm) == 0;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const BwRecovery *ra = *(const BwRecovery *const *) a;
  const BwRecovery *rb = *(const BwRecovery *const *) b;

  return ra->modified < rb->modified ? 1 : ra->modified > rb->modified ? -1 : 0;
}

GPtrArray *
bw_journal_list_orphans (const char *dir)
{
  g_autofree char *path = dir ? g_strdup (dir) : default_dir ();
  g_autoptr(GDir) handle = g_dir_open (path, 0, NULL);
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) bw_recovery_free);
  const char *name;

  if (handle == NULL)
    return found;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *stem = NULL;
      g_autofree char *info_path = NULL;
      g_autofree char *copy_path = NULL;
      g_autoptr(GKeyFile) info = g_key_file_new ();
      g_autofree char *original = NULL;
      BwRecovery *recovery;
      GStatBuf st;

      if (!g_str_has_suffix (name, ".info"))
        continue;
      stem = g_strndup (name, strlen (name) - strlen (".info"));
      info_path = g_build_filename (path, name, NULL);
      copy_path = g_strconcat (path, G_DIR_SEPARATOR_S, stem, ".bulwark", NULL);
      if (!g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL))
        {
          /* Its copy cannot be described, let alone offered: set both aside. */
          g_free (move_aside (copy_path, info_path));
          continue;
        }
      if (writer_is_alive (info) || g_stat (copy_path, &st) != 0)
        continue;

      recovery = g_new0 (BwRecovery, 1);
      recovery->journal_path = g_steal_pointer (&copy_path);
      original = g_key_file_get_string (info, "Journal", "Original", NULL);
      recovery->original_path = original && *original ? g_steal_pointer (&original) : NULL;
      recovery->title = g_key_file_get_string (info, "Journal", "Title", NULL);
      recovery->modified = (gint64) st.st_mtime * G_USEC_PER_SEC;
      g_ptr_array_add (found, recovery);
    }
  g_ptr_array_sort (found, compare_newest_first);
  return found;
}
