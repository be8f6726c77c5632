/* bw-file.c: reading inputs and writing outputs safely (see bw-file.h). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bw-file.h"

/* How many symbolic links are followed before giving up, as the kernel's ELOOP does. */
#define MAX_LINKS 40

static gboolean
fail_errno (GError    **error,
            int         saved_errno,
            const char *format,
            const char *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), format, display,
               g_strerror (saved_errno));
  return FALSE;
}

static const char *
kind_of (mode_t mode)
{
  if (S_ISDIR (mode))
    return _("a directory");
  if (S_ISFIFO (mode))
    return _("a named pipe");
  if (S_ISCHR (mode))
    return _("a character device");
  if (S_ISBLK (mode))
    return _("a block device");
  if (S_ISSOCK (mode))
    return _("a socket");
  return _("not a regular file");
}

static gboolean
fail_not_regular (GError     **error,
                  const char  *path,
                  mode_t       mode)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR, S_ISDIR (mode) ? G_FILE_ERROR_ISDIR : G_FILE_ERROR_INVAL,
               _("“%s” is %s, not a regular file"), display, kind_of (mode));
  return FALSE;
}

static gboolean
fail_too_large (GError     **error,
                const char  *path,
                gsize        max_bytes)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *size = g_format_size_full (max_bytes, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _("“%s” is larger than %s"), display, size);
  return FALSE;
}

/* Reading */

gboolean
bw_file_get_contents_max (const char  *path,
                          gsize        max_bytes,
                          char       **contents,
                          gsize       *length,
                          GError     **error)
{
  GStatBuf st;
  int fd;
  gsize size = 0;
  gsize allocated;
  g_autofree char *buffer = NULL;

  g_return_val_if_fail (path != NULL && contents != NULL, FALSE);

  /* Looked at before opening: opening a FIFO blocks, and opening a device may act on it. */
  if (g_stat (path, &st) != 0)
    return fail_errno (error, errno, _("Could not read “%s”: %s"), path);
  if (!S_ISREG (st.st_mode))
    return fail_not_regular (error, path, st.st_mode);
  if ((guint64) st.st_size > max_bytes)
    return fail_too_large (error, path, max_bytes);

  /* O_NONBLOCK so that a file swapped for a FIFO since the stat cannot block the open. */
  fd = g_open (path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    return fail_errno (error, errno, _("Could not read “%s”: %s"), path);
  if (fstat (fd, &st) != 0)
    {
      int saved = errno;

      close (fd);
      return fail_errno (error, saved, _("Could not read “%s”: %s"), path);
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      return fail_not_regular (error, path, st.st_mode);
    }
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);

  /* The size is a hint: a file may grow while it is read, and /proc files say 0. */
  allocated = MIN ((gsize) st.st_size, max_bytes) + 1;
  buffer = g_malloc (allocated);
  for (;;)
    {
      gssize got;

      if (size + 1 >= allocated)
        {
          if (size >= max_bytes + 1)
            break;
          allocated = MIN (MAX (allocated * 2, 4096), max_bytes + 2);
          buffer = g_realloc (buffer, allocated);
        }
      got = read (fd, buffer + size, allocated - 1 - size);
      if (got < 0)
        {
          int saved = errno;

          if (saved == EINTR)
            continue;
          close (fd);
          return fail_errno (error, saved, _("Could not read “%s”: %s"), path);
        }
      if (got == 0)
        break;
      size += got;
    }
  close (fd);
  if (size > max_bytes)
    return fail_too_large (error, path, max_bytes);

  buffer[size] = '\0';
  *contents = g_steal_pointer (&buffer);
  if (length != NULL)
    *length = size;
  return TRUE;
}

gboolean
bw_file_get_contents (const char  *path,
                      char       **contents,
                      gsize       *length,
                      GError     **error)
{
  return bw_file_get_contents_max (path, BW_FILE_MAX_BYTES, contents, length, error);
}

/* Writing */

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length,
           const char  *path,
           GError     **error)
{
  while (length > 0)
    {
      gssize written = write (fd, data, MIN (length, (gsize) G_MAXSSIZE));

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          return fail_errno (error, errno, _("Could not write “%s”: %s"), path);
        }
      data += written;
      length -= written;
    }
  return TRUE;
}

/* The path with every symbolic link along it followed; saving in place must replace the
 * file the link points to, not the link. A dangling link gives its target, to be created. */
static char *
resolve_links (const char  *path,
               GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint hops = 0; hops < MAX_LINKS; hops++)
    {
      GStatBuf st;
      g_autofree char *target = NULL;
      g_autoptr(GError) local_error = NULL;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);
      if ((target = g_file_read_link (current, &local_error)) == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (!g_path_is_absolute (target))
        {
          g_autofree char *dir = g_path_get_dirname (current);
          char *joined = g_build_filename (dir, target, NULL);

          g_free (target);
          target = joined;
        }
      g_free (current);
      current = g_steal_pointer (&target);
    }
  fail_errno (error, ELOOP, _("Could not write “%s”: %s"), path);
  return NULL;
}

static gboolean
write_direct (const char  *path,
              const char  *data,
              gsize        length,
              GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_NOCTTY | O_CLOEXEC, 0);
  gboolean ok;

  if (fd < 0)
    return fail_errno (error, errno, _("Could not write “%s”: %s"), path);
  ok = write_all (fd, data, length, path, error);
  if (close (fd) != 0 && ok)
    return fail_errno (error, errno, _("Could not write “%s”: %s"), path);
  return ok;
}

static gboolean
write_stdout (const char  *data,
              gsize        length,
              GError     **error)
{
  /* Whatever stdio holds goes first, so the order on the terminal is the order of the calls. */
  if (fflush (stdout) != 0)
    return fail_errno (error, errno, _("Could not write “%s”: %s"), _("standard output"));
  return write_all (STDOUT_FILENO, data, length, _("standard output"), error);
}

static gboolean
write_replacing (const char     *target,
                 const GStatBuf *existing,
                 const char     *data,
                 gsize           length,
                 GError        **error)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *name = NULL;
  g_autofree char *temp = NULL;
  int fd;
  int saved;

  /* Hidden, and short enough for any file system however long the target's name is. */
  if (strlen (base) > 200)
    base[200] = '\0';
  name = g_strconcat (".", base, ".XXXXXX", NULL);
  temp = g_build_filename (dir, name, NULL);

  /* A new file gets what the umask leaves of 0666; an existing one its own mode, below. */
  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, existing ? 0600 : 0666);
  if (fd < 0)
    return fail_errno (error, errno, _("Could not write “%s”: %s"), target);

  if (existing != NULL)
    {
      /* The owner first: changing it may clear the set-id bits that fchmod then restores.
       * Only root may give a file away; a member of the group may still keep the group. */
      if (fchown (fd, existing->st_uid, existing->st_gid) != 0 &&
          fchown (fd, (uid_t) -1, existing->st_gid) != 0)
        {
          /* The file is then owned by whoever saves it, as in every editor that saves safely. */
        }
      if (fchmod (fd, existing->st_mode & 07777) != 0)
        goto fail;
    }
  if (!write_all (fd, data, length, target, error))
    {
      close (fd);
      g_unlink (temp);
      return FALSE;
    }
  if (fsync (fd) != 0)
    goto fail;
  if (close (fd) != 0)
    {
      fd = -1;
      goto fail;
    }
  fd = -1;
  if (g_rename (temp, target) != 0)
    goto fail;
  return TRUE;

fail:
  saved = errno;
  if (fd >= 0)
    close (fd);
  g_unlink (temp);
  return fail_errno (error, saved, _("Could not write “%s”: %s"), target);
}

gboolean
bw_file_write_atomic (const char  *path,
                      const void  *data,
                      gsize        length,
                      GError     **error)
{
  g_autofree char *target = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL && (data != NULL || length == 0), FALSE);

  if (g_str_equal (path, "-"))
    return write_stdout (data, length, error);
  if ((target = resolve_links (path, error)) == NULL)
    return FALSE;
  if (g_stat (target, &st) != 0)
    {
      if (errno != ENOENT)
        return fail_errno (error, errno, _("Could not write “%s”: %s"), path);
      return write_replacing (target, NULL, data, length, error);
    }
  if (S_ISREG (st.st_mode))
    return write_replacing (target, &st, data, length, error);
  if (S_ISCHR (st.st_mode) || S_ISFIFO (st.st_mode))
    return write_direct (target, data, length, error);
  return fail_not_regular (error, path, st.st_mode);
}
