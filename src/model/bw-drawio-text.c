/* bw-drawio-text.c: what a draw.io file holds as text — compressed page payloads, HTML labels
 * and styles. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <zlib.h>

#include "bw-drawio-private.h"

static gboolean
inflate_bytes (const guchar  *in,
               gsize          in_length,
               int            window_bits,
               gsize          max_inflated,
               GByteArray    *out,
               GError       **error)
{
  z_stream stream = { 0 };
  guchar chunk[64 * 1024];
  int ret;

  if (inflateInit2 (&stream, window_bits) != Z_OK)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("the decompressor could not start"));
      return FALSE;
    }
  stream.next_in = (guchar *) in;
  g_byte_array_set_size (out, 0);
  do
    {
      /* zlib counts in uInt; feed it at most 1 GiB at a time. */
      if (stream.avail_in == 0 && in_length > 0)
        {
          stream.avail_in = (uInt) MIN (in_length, (gsize) 1 << 30);
          in_length -= stream.avail_in;
        }
      stream.next_out = chunk;
      stream.avail_out = sizeof chunk;
      ret = inflate (&stream, Z_NO_FLUSH);
      if (ret != Z_OK && ret != Z_STREAM_END && !(ret == Z_BUF_ERROR && stream.avail_in == 0))
        {
          inflateEnd (&stream);
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("the compressed page is damaged"));
          return FALSE;
        }
      if (out->len + (sizeof chunk - stream.avail_out) > max_inflated)
        {
          inflateEnd (&stream);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                       _("the compressed page inflates to more than %u MiB"),
                       (guint) (max_inflated >> 20));
          return FALSE;
        }
      g_byte_array_append (out, chunk, sizeof chunk - stream.avail_out);
      if (ret == Z_BUF_ERROR)
        break;
    }
  while (ret != Z_STREAM_END);
  inflateEnd (&stream);
  if (ret != Z_STREAM_END)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("the compressed page ends too early"));
      return FALSE;
    }
  return TRUE;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* encodeURIComponent undone in place; a '%' not followed by two hex digits stays. */
static gsize
url_decode (char  *text,
            gsize  length)
{
  gsize w = 0;

  for (gsize r = 0; r < length; r++)
    {
      if (text[r] == '%' && r + 2 < length && hex_value (text[r + 1]) >= 0 &&
          hex_value (text[r + 2]) >= 0)
        {
          text[w++] = (char) (hex_value (text[r + 1]) * 16 + hex_value (text[r + 2]));
          r += 2;
        }
      else
        text[w++] = text[r];
    }
  text[w] = '\0';
  return w;
}

char *
bw_drawio_inflate_payload (const char  *payload,
                           gsize        max_inflated,
                           gsize       *out_length,
                           GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (payload));
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GError) local = NULL;
  g_autofree guchar *raw = NULL;
  gsize raw_length = 0;
  gsize length;

  if (*copy == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("the page is empty"));
      return NULL;
    }
  raw = g_base64_decode (copy, &raw_length);
  if (raw_length == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("the page is neither XML nor a compressed payload"));
      return NULL;
    }
  /* draw.io writes raw deflate; some tools wrap it in zlib or gzip. */
  if (!inflate_bytes (raw, raw_length, -MAX_WBITS, max_inflated, out, &local))
    {
      if (!g_error_matches (local, G_IO_ERROR, G_IO_ERROR_INVALID_DATA) ||
          !inflate_bytes (raw, raw_length, MAX_WBITS + 32, max_inflated, out, NULL))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
    }
  g_byte_array_append (out, (const guint8 *) "", 1);
  length = out->len - 1;
  /* Pages were URL-encoded before deflating since draw.io 6; older ones were not. */
  if (length > 0 && out->data[0] == '%')
    length = url_decode ((char *) out->data, length);
  if (out_length != NULL)
    *out_length = length;
  return (char *) g_byte_array_free (g_steal_pointer (&out), FALSE);
}

typedef struct
{
  const char *name;
  gunichar    c;
} Entity;

static const Entity entities[] = {
  { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
  { "nbsp", ' ' }, { "ndash", 0x2013 }, { "mdash", 0x2014 }, { "copy", 0xA9 },
  { "reg", 0xAE }, { "hellip", 0x2026 }, { "rsquo", 0x2019 }, { "lsquo", 0x2018 },
  { "rdquo", 0x201D }, { "ldquo", 0x201C }, { "bull", 0x2022 }, { "middot", 0xB7 },
};

/* The character an entity at `p` (just after '&') stands for, and its length up to and with
 * ';'; 0 when it is not one. */
static gunichar
decode_entity (const char *p,
               gsize      *used)
{
  const char *semi = strchr (p, ';');
  gsize n;

  *used = 0;
  if (semi == NULL || semi - p > 10 || semi == p)
    return 0;
  n = semi - p;
  if (*p == '#')
    {
      g_autofree char *digits = g_strndup (p + 1, n - 1);
      char *end = NULL;
      guint64 value;

      if (*digits == 'x' || *digits == 'X')
        value = g_ascii_strtoull (digits + 1, &end, 16);
      else
        value = g_ascii_strtoull (digits, &end, 10);
      if (end == NULL || *end != '\0' || end == digits || value == 0 || value > 0x10FFFF ||
          !g_unichar_validate ((gunichar) value))
        return 0;
      *used = n + 1;
      return (gunichar) value;
    }
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    {
      if (strlen (entities[i].name) == n && strncmp (p, entities[i].name, n) == 0)
        {
          *used = n + 1;
          return entities[i].c;
        }
    }
  return 0;
}

static gboolean
tag_breaks_line (const char *tag)
{
  static const char *const breaking[] = { "br", "div", "p", "li", "tr", "h1", "h2", "h3",
                                          "h4", "h5", "h6", "hr", "ul", "ol", "table", NULL };
  const char *name = tag[0] == '/' ? tag + 1 : tag;
  gsize n = strcspn (name, " \t\r\n/>");

  for (guint i = 0; breaking[i] != NULL; i++)
    if (strlen (breaking[i]) == n && g_ascii_strncasecmp (name, breaking[i], n) == 0)
      return TRUE;
  return FALSE;
}

static void
append_space (GString *out)
{
  if (out->len > 0 && out->str[out->len - 1] != ' ')
    g_string_append_c (out, ' ');
}

char *
bw_drawio_label_text (const char *label,
                      gboolean    html)
{
  GString *out = g_string_new (NULL);
  const char *p = label != NULL ? label : "";

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);

      if (html && c == '<')
        {
          char quote = 0;

          if (tag_breaks_line (p + 1))
            append_space (out);
          /* Up to the '>' that ends the tag, not one inside a quoted attribute. */
          for (p++; *p != '\0' && (quote != 0 || *p != '>'); p++)
            {
              if (quote == 0 && (*p == '"' || *p == '\''))
                quote = *p;
              else if (*p == quote)
                quote = 0;
            }
          if (*p == '>')
            p++;
          continue;
        }
      if (html && c == '&')
        {
          gsize used;
          gunichar decoded = decode_entity (p + 1, &used);

          if (decoded != 0)
            {
              if (g_unichar_isspace (decoded) || decoded == 0xA0)
                append_space (out);
              else
                g_string_append_unichar (out, decoded);
              p += 1 + used;
              continue;
            }
        }
      if (g_unichar_isspace (c) || c == 0xA0 || c < 0x20 || c == 0x2028 || c == 0x2029)
        append_space (out);
      else
        g_string_append_unichar (out, c);
      p = g_utf8_next_char (p);
    }
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  if (out->len > 0 && out->str[0] == ' ')
    g_string_erase (out, 0, 1);
  return g_string_free (out, FALSE);
}

char *
bw_drawio_style_get (const char *style,
                     const char *key)
{
  gsize key_length = strlen (key);
  const char *p = style;

  while (p != NULL && *p != '\0')
    {
      const char *end = strchr (p, ';');
      gsize n = end != NULL ? (gsize) (end - p) : strlen (p);

      if (n > key_length && strncmp (p, key, key_length) == 0 && p[key_length] == '=')
        return g_strndup (p + key_length + 1, n - key_length - 1);
      p = end != NULL ? end + 1 : NULL;
    }
  return NULL;
}

gboolean
bw_drawio_style_has_word (const char *style,
                          const char *word)
{
  gsize word_length = strlen (word);
  const char *p = style;

  while (p != NULL && *p != '\0')
    {
      const char *end = strchr (p, ';');
      gsize n = end != NULL ? (gsize) (end - p) : strlen (p);

      if (n == word_length && strncmp (p, word, n) == 0)
        return TRUE;
      p = end != NULL ? end + 1 : NULL;
    }
  return FALSE;
}

static guint32
read_be32 (const guchar *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

gboolean
bw_drawio_is_png (const char *data,
                  gsize       length)
{
  return length >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0;
}

/* The text of a diagram chunk: `keyword`, a NUL, and for zTXt a compression method byte and
 * deflated text. */
static char *
png_chunk_text (const guchar  *data,
                gsize          length,
                gboolean       compressed,
                gsize          max_inflated,
                GError       **error)
{
  const guchar *nul = memchr (data, '\0', length);
  gsize skip = nul != NULL ? (gsize) (nul - data) + 1 : length;
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GError) local = NULL;
  char *text;

  if (!compressed)
    return g_strndup ((const char *) data + skip, length - skip);
  if (skip + 1 > length)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("the PNG’s diagram chunk is cut short"));
      return NULL;
    }
  skip++; /* the compression method */
  /* Older draw.io wrote raw deflate here; the PNG standard says zlib. */
  if (!inflate_bytes (data + skip, length - skip, -MAX_WBITS, max_inflated, out, &local))
    {
      if (!g_error_matches (local, G_IO_ERROR, G_IO_ERROR_INVALID_DATA) ||
          !inflate_bytes (data + skip, length - skip, MAX_WBITS, max_inflated, out, NULL))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
    }
  text = g_strndup ((const char *) out->data, out->len);
  /* Written URL-encoded the Java way, '+' for a space. */
  g_strdelimit (text, "+", ' ');
  return text;
}

char *
bw_drawio_png_payload (const char  *data,
                       gsize        length,
                       gsize        max_inflated,
                       gsize       *out_length,
                       GError     **error)
{
  const guchar *p = (const guchar *) data;
  gsize pos = 8;
  char *text = NULL;

  if (!bw_drawio_is_png (data, length))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("not a PNG image"));
      return NULL;
    }
  /* Chunks: length, type, data, CRC. draw.io puts its own before the image data. */
  while (text == NULL && pos + 12 <= length)
    {
      guint32 size = read_be32 (p + pos);
      const guchar *type = p + pos + 4;
      const guchar *body = p + pos + 8;
      gboolean ztxt = memcmp (type, "zTXt", 4) == 0;

      if (size > length - pos - 12)
        break;
      if (memcmp (type, "IDAT", 4) == 0 || memcmp (type, "IEND", 4) == 0)
        break;
      if ((ztxt || memcmp (type, "tEXt", 4) == 0) &&
          ((size > 7 && memcmp (body, "mxfile", 7) == 0) ||
           (size > 13 && memcmp (body, "mxGraphModel", 13) == 0)))
        {
          text = png_chunk_text (body, size, ztxt, max_inflated, error);
          if (text == NULL)
            return NULL;
        }
      pos += (gsize) size + 12;
    }
  if (text == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("a PNG without a draw.io diagram in it (export it from draw.io with "
                             "“Include a copy of my diagram”)"));
      return NULL;
    }
  /* URL-encoded, at times twice. */
  for (int i = 0; i < 2 && text[0] == '%'; i++)
    url_decode (text, strlen (text));
  *out_length = strlen (text);
  return text;
}
