/* bw-journal.h: crash recovery. A journal follows one document and keeps a copy of it in the
 * user cache a moment after each change; after a crash the copies are offered back. */
#pragma once

#include "bw-document.h"

G_BEGIN_DECLS

#define BW_TYPE_JOURNAL (bw_journal_get_type ())
G_DECLARE_FINAL_TYPE (BwJournal, bw_journal, BW, JOURNAL, GObject)

/* How long after a change the copy is written, in milliseconds. */
#define BW_JOURNAL_DELAY_MS 1500

typedef struct
{
  char   *journal_path;  /* the recovery copy */
  char   *original_path; /* the file the document came from, or NULL if it was never saved */
  char   *title;
  gint64  modified;      /* when the copy was written, µs since the epoch */
} BwRecovery;

/* `dir` NULL = $XDG_CACHE_HOME/bulwark/recovery. */
BwJournal  *bw_journal_new          (BwDocument *document,
                                     const char *dir);
/* The file the document is saved to; recorded so a recovery can offer to save there again. */
void        bw_journal_set_path     (BwJournal  *self,
                                     const char *path);
/* Writes the pending copy now (the delay is skipped). */
gboolean    bw_journal_flush        (BwJournal  *self,
                                     GError    **error);
/* The document was saved or discarded: there is nothing to recover; removes the copy. */
void        bw_journal_discard      (BwJournal  *self);
void        bw_journal_set_clean    (BwJournal  *self,
                                     gboolean    clean);
gboolean    bw_journal_get_clean    (BwJournal  *self);
const char *bw_journal_get_file     (BwJournal  *self);

/* Copies left by sessions that did not end cleanly (their process is gone), newest first. */
GPtrArray  *bw_journal_list_orphans (const char *dir);
void        bw_recovery_free        (BwRecovery *recovery);
#define BW_JOURNAL_ERROR (bw_journal_error_quark ())
typedef enum
{
  BW_JOURNAL_ERROR_DAMAGED, /* the copy does not load; it was renamed to *.damaged */
} BwJournalError;

GQuark      bw_journal_error_quark  (void);

/* The recovered document. When the copy does not load, it is moved aside (renamed to
 * `*.damaged`, so it is not offered again) and the error says so, naming the new file. */
BwDocument *bw_recovery_load        (const BwRecovery  *recovery,
                                     GError           **error);
/* Removes a recovery copy once it has been restored or declined. */
void        bw_recovery_delete      (const BwRecovery *recovery);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwRecovery, bw_recovery_free)

G_END_DECLS
