/* bw-file.h: the one way Bulwark reads an input file and writes an output file. Inputs must be
 * regular files within a size cap (a FIFO would block, /dev/zero would never end); outputs are
 * written atomically over regular files and new paths, keeping the file's mode and owner and
 * the symbolic link that named it, and directly to a character device, a FIFO or standard
 * output. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What every reader of a whole file accepts at most. */
#define BW_FILE_MAX_BYTES (256 * 1024 * 1024)

/* Like g_file_get_contents (NUL-terminated, G_FILE_ERROR), but refuses anything that is not a
 * regular file, before opening it, and any file larger than `max_bytes`. */
gboolean bw_file_get_contents_max (const char  *path,
                                   gsize        max_bytes,
                                   char       **contents,
                                   gsize       *length,
                                   GError     **error);
/* bw_file_get_contents_max with BW_FILE_MAX_BYTES. */
gboolean bw_file_get_contents     (const char  *path,
                                   char       **contents,
                                   gsize       *length,
                                   GError     **error);

/* Writes `data` to `path`:
 * - "-": to standard output;
 * - a symbolic link: to the file it points to, which stays linked (a dangling link's target is
 *   created);
 * - a regular file: to a temporary file beside it, flushed and renamed over it, so a crash or
 *   a full disk leaves the previous file whole; it keeps its mode and (where allowed) its
 *   owner and group; a hard link to the old file keeps the old contents;
 * - a new path: the same, with the mode the umask gives;
 * - a character device or a FIFO: written directly;
 * - anything else (a directory, a block device, a socket): refused.
 * Every write error is reported (G_FILE_ERROR), e.g. ENOSPC from /dev/full. */
gboolean bw_file_write_atomic     (const char  *path,
                                   const void  *data,
                                   gsize        length,
                                   GError     **error);

G_END_DECLS
