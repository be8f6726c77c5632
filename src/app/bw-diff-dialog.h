/* bw-diff-dialog.h: the window's Compare — what the open document changes in coverage against
 * another version of the project (a file chosen, or the project's own file on disk): the same
 * table `bulwark diff` prints, computed on a worker thread. */
#pragma once

#include <adwaita.h>

#include "bw-catalog.h"
#include "bw-diff.h"
#include "bw-document.h"

G_BEGIN_DECLS

#define BW_TYPE_DIFF_DIALOG (bw_diff_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BwDiffDialog, bw_diff_dialog, BW, DIFF_DIALOG, AdwWindow)

/* Compares `before_file` (read and checked against `catalog` off the main thread) with `after`,
 * which the dialog copies at once, so the window may go on editing. The names label the two
 * sides in the subtitle; `before_name` NULL names the file. */
BwDiffDialog *bw_diff_dialog_new       (GtkWindow  *parent,
                                        BwCatalog  *catalog,
                                        GFile      *before_file,
                                        const char *before_name,
                                        BwDocument *after,
                                        const char *after_name);

/* The comparison, once computed (NULL while it is, or when the file did not load). The
 * `computing` property turns FALSE when it is done, either way. */
BwDiff       *bw_diff_dialog_get_diff  (BwDiffDialog *self);
gboolean      bw_diff_dialog_get_computing (BwDiffDialog *self);
/* The reason the comparison failed, or NULL. */
const char   *bw_diff_dialog_get_error (BwDiffDialog *self);
/* The rows shown: changed tactics and phases, then changed techniques. */
GListModel   *bw_diff_dialog_get_areas      (BwDiffDialog *self);
GListModel   *bw_diff_dialog_get_techniques (BwDiffDialog *self);

G_END_DECLS
