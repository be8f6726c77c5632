/* test-journal.c: crash recovery for real — a child process edits a document and is killed
 * with SIGKILL; its journal must give back exactly the edited document. A live session's
 * journal is never offered; a clean end leaves nothing behind. */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bw-document-io.h"
#include "bw-history.h"
#include "bw-journal.h"
#include "bw-test-util.h"

#define N_EDITS 5

static BwDocument *
load_sample (void)
{
  g_autofree char *path = bw_test_source_path ("tests/fixtures/good/nested-zones.bulwark");
  g_autoptr(GError) error = NULL;
  BwDocument *doc = bw_document_load_from_file (path, &error);

  g_assert_no_error (error);
  return doc;
}

/* The edits a user makes in the session that is about to crash. */
static void
make_edits (BwHistory *history)
{
  const char *ids[] = { "n1", NULL };

  for (int i = 0; i < N_EDITS; i++)
    {
      g_autofree char *label = g_strdup_printf ("Edit %d", i);
      g_autofree char *id = NULL;

      g_assert_true (bw_history_move (history, ids, 16, 8, 0, NULL));
      g_assert_true (bw_history_set_label (history, "n2", label, NULL));
      id = bw_history_add_node (history, "azure.storage", label, "z1", 100 * i, 700, NULL);
      g_assert_nonnull (id);
    }
}

static gboolean
quit_cb (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

/* The child: edit, let the journal catch up, say so, then wait to be killed. */
static int
run_child (const char *dir)
{
  g_autoptr(BwDocument) doc = load_sample ();
  g_autoptr(BwHistory) history = bw_history_new (doc);
  g_autoptr(BwJournal) journal = bw_journal_new (doc, dir);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  bw_journal_set_path (journal, "/home/someone/estate.bulwark");
  make_edits (history);
  g_timeout_add (BW_JOURNAL_DELAY_MS + 1500, quit_cb, loop);
  g_main_loop_run (loop);
  printf ("ready\n");
  fflush (stdout);
  for (;;)
    pause ();
  return 0;
}

static GPid
spawn_child (const char *dir,
             int        *out_stdout)
{
  const char *argv[] = { "/proc/self/exe", "--child", dir, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                            NULL, out_stdout, NULL, &error);
  g_assert_no_error (error);
  return pid;
}

static void
wait_ready (int fd)
{
  char buffer[16] = { 0 };
  gsize got = 0;

  while (got < 6)
    {
      ssize_t n = read (fd, buffer + got, sizeof buffer - 1 - got);

      g_assert_cmpint (n, >, 0);
      got += n;
    }
  g_assert_true (g_str_has_prefix (buffer, "ready"));
}

static void
test_kill_and_restore (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bulwark-journal-XXXXXX", NULL);
  g_autoptr(BwDocument) expected_doc = load_sample ();
  g_autoptr(BwHistory) expected_history = bw_history_new (expected_doc);
  g_autofree char *expected = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(BwDocument) restored = NULL;
  g_autofree char *restored_bytes = NULL;
  g_autoptr(GError) error = NULL;
  BwRecovery *recovery;
  int fd;
  int status;
  GPid pid = spawn_child (dir, &fd);

  wait_ready (fd);

  /* While the session lives, its journal is not an orphan. */
  orphans = bw_journal_list_orphans (dir);
  g_assert_cmpuint (orphans->len, ==, 0);
  g_clear_pointer (&orphans, g_ptr_array_unref);

  kill (pid, SIGKILL);
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);
  close (fd);
  g_assert_true (WIFSIGNALED (status));

  make_edits (expected_history);
  expected = bw_document_to_data (expected_doc, NULL);

  orphans = bw_journal_list_orphans (dir);
  g_assert_cmpuint (orphans->len, ==, 1);
  recovery = g_ptr_array_index (orphans, 0);
  g_assert_cmpstr (recovery->original_path, ==, "/home/someone/estate.bulwark");
  g_assert_cmpstr (recovery->title, ==, "Nested");

  restored = bw_document_load_from_file (recovery->journal_path, &error);
  g_assert_no_error (error);
  restored_bytes = bw_document_to_data (restored, NULL);
  g_assert_cmpstr (restored_bytes, ==, expected);

  bw_recovery_delete (recovery);
  g_clear_pointer (&orphans, g_ptr_array_unref);
  orphans = bw_journal_list_orphans (dir);
  g_assert_cmpuint (orphans->len, ==, 0);
  g_rmdir (dir);
}

static void
test_clean_end_leaves_nothing (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bulwark-journal-XXXXXX", NULL);
  g_autoptr(BwDocument) doc = load_sample ();
  g_autoptr(BwHistory) history = bw_history_new (doc);
  BwJournal *journal = bw_journal_new (doc, dir);
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GError) error = NULL;

  make_edits (history);
  g_assert_true (bw_journal_flush (journal, &error));
  g_assert_true (g_file_test (bw_journal_get_file (journal), G_FILE_TEST_EXISTS));
  bw_journal_discard (journal);
  g_assert_false (g_file_test (bw_journal_get_file (journal), G_FILE_TEST_EXISTS));
  g_assert_true (bw_journal_flush (journal, &error));
  g_object_unref (journal);

  listing = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (listing));
  g_rmdir (dir);
}

static gboolean
quit_loop_cb (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

static void
wait_past_delay (void)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add (BW_JOURNAL_DELAY_MS + 300, quit_loop_cb, loop);
  g_main_loop_run (loop);
}

/* A clean document keeps no copy: what it had goes, and a change made while clean (one that
 * brings the document back to its file) writes none; unclean again, it writes at once. */
static void
test_clean_keeps_nothing (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bulwark-journal-XXXXXX", NULL);
  g_autoptr(BwDocument) doc = load_sample ();
  g_autoptr(BwHistory) history = bw_history_new (doc);
  g_autoptr(BwJournal) journal = bw_journal_new (doc, dir);

  make_edits (history);
  g_assert_true (bw_journal_flush (journal, NULL));
  g_assert_true (g_file_test (bw_journal_get_file (journal), G_FILE_TEST_EXISTS));
  bw_journal_set_clean (journal, TRUE);
  g_assert_true (bw_journal_get_clean (journal));
  g_assert_false (g_file_test (bw_journal_get_file (journal), G_FILE_TEST_EXISTS));

  bw_document_set_title (doc, "Still clean");
  wait_past_delay ();
  g_assert_false (g_file_test (bw_journal_get_file (journal), G_FILE_TEST_EXISTS));

  bw_journal_set_clean (journal, FALSE);
  wait_past_delay ();
  g_assert_true (g_file_test (bw_journal_get_file (journal), G_FILE_TEST_EXISTS));
  g_clear_object (&journal);
  g_rmdir (dir);
}

static void
test_two_documents_two_journals (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bulwark-journal-XXXXXX", NULL);
  g_autoptr(BwDocument) a = load_sample ();
  g_autoptr(BwDocument) b = load_sample ();
  g_autoptr(BwJournal) ja = bw_journal_new (a, dir);
  g_autoptr(BwJournal) jb = bw_journal_new (b, dir);
  g_autofree char *copy_a = NULL;
  g_autofree char *copy_b = NULL;

  bw_document_set_title (a, "Window A");
  bw_document_set_title (b, "Window B");
  g_assert_true (bw_journal_flush (ja, NULL));
  g_assert_true (bw_journal_flush (jb, NULL));
  g_assert_cmpstr (bw_journal_get_file (ja), !=, bw_journal_get_file (jb));
  copy_a = bw_test_read_file (bw_journal_get_file (ja), NULL);
  copy_b = bw_test_read_file (bw_journal_get_file (jb), NULL);
  g_assert_nonnull (strstr (copy_a, "Window A"));
  g_assert_nonnull (strstr (copy_b, "Window B"));
  g_clear_object (&ja);
  g_clear_object (&jb);
  g_rmdir (dir);
}

static void
test_damaged_copy_moved_aside (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bulwark-journal-XXXXXX", NULL);
  g_autofree char *copy = g_build_filename (dir, "0b5e.bulwark", NULL);
  g_autofree char *info = g_build_filename (dir, "0b5e.info", NULL);
  g_autofree char *bad_info = g_build_filename (dir, "77aa.info", NULL);
  g_autofree char *bad_info_copy = g_build_filename (dir, "77aa.bulwark", NULL);
  g_autofree char *copy_aside = g_strconcat (copy, ".damaged", NULL);
  g_autofree char *info_aside = g_strconcat (info, ".damaged", NULL);
  g_autofree char *bad_info_aside = g_strconcat (bad_info, ".damaged", NULL);
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BwDocument) doc = NULL;

  /* A copy cut short by a full disk, left by a writer long gone (pid 0 is never alive). */
  g_assert_true (g_file_set_contents (copy, "{\"format\":\"bulwark\",\"version\":1,\"nodes\":[{\"id\"", -1, NULL));
  g_assert_true (g_file_set_contents (info, "[Journal]\nPid=0\nProcess=bulwark\nBoot=\n"
                                            "Original=/home/ana/estate.bulwark\nTitle=Estate\n", -1, NULL));
  /* And an info file that is not a key file at all. */
  g_assert_true (g_file_set_contents (bad_info, "\x01\x02 not a key file\n[", -1, NULL));
  g_assert_true (g_file_set_contents (bad_info_copy, "{}", -1, NULL));

  orphans = bw_journal_list_orphans (dir);
  g_assert_cmpuint (orphans->len, ==, 1);
  /* The unreadable info was set aside with its copy while listing. */
  g_assert_true (g_file_test (bad_info_aside, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (bad_info, G_FILE_TEST_EXISTS));

  doc = bw_recovery_load (g_ptr_array_index (orphans, 0), &error);
  g_assert_null (doc);
  g_assert_error (error, BW_JOURNAL_ERROR, BW_JOURNAL_ERROR_DAMAGED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "The recovery copy of “estate.bulwark” is damaged"));
  g_assert_nonnull (strstr (error->message, copy_aside));
  g_assert_true (g_file_test (copy_aside, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (info_aside, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));

  /* Said once: the next start offers nothing. */
  again = bw_journal_list_orphans (dir);
  g_assert_cmpuint (again->len, ==, 0);

  g_unlink (copy_aside);
  g_unlink (info_aside);
  g_unlink (bad_info_aside);
  {
    g_autofree char *bad_copy_aside = g_strconcat (bad_info_copy, ".damaged", NULL);

    g_unlink (bad_copy_aside);
  }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2]);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/journal/kill-and-restore", test_kill_and_restore);
  g_test_add_func ("/journal/clean-end-leaves-nothing", test_clean_end_leaves_nothing);
  g_test_add_func ("/journal/clean-keeps-nothing", test_clean_keeps_nothing);
  g_test_add_func ("/journal/two-documents-two-journals", test_two_documents_two_journals);
  g_test_add_func ("/journal/damaged-copy-moved-aside", test_damaged_copy_moved_aside);
  return g_test_run ();
}
