/* bw-json-writer.c: exact JSON text for strings and numbers, and the streaming writer. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "bw-json-writer.h"

/* Appends `len` bytes: in place while the string has room (a report writes tens of thousands
 * of short pieces, and g_string_append_len checks each for overlapping its own text). */
static inline void
put (GString    *out,
     const char *text,
     gsize       len)
{
  if (G_LIKELY (out->len + len < out->allocated_len))
    {
      memcpy (out->str + out->len, text, len);
      out->len += len;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, text, len);
}

#define PUT_LITERAL(out, literal) put ((out), "" literal, sizeof (literal) - 1)

static void
write_string (GString    *out,
              const char *text,
              gboolean    escape_delete)
{
  g_autofree char *valid = NULL;
  const unsigned char *run;
  const unsigned char *p;

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  g_string_append_c (out, '"');
  /* What needs no escape goes in runs, not a character at a time. */
  for (run = p = (const unsigned char *) (text ? text : ""); *p; p++)
    {
      const char *escape;
      char code[8];

      switch (*p)
        {
        case '"':
          escape = "\\\"";
          break;
        case '\\':
          escape = "\\\\";
          break;
        case '\n':
          escape = "\\n";
          break;
        case '\r':
          escape = "\\r";
          break;
        case '\t':
          escape = "\\t";
          break;
        case '\b':
          escape = "\\b";
          break;
        case '\f':
          escape = "\\f";
          break;
        default:
          if (*p >= 0x20 && (*p != 0x7f || !escape_delete))
            continue;
          g_snprintf (code, sizeof code, "\\u%04x", *p);
          escape = code;
        }
      put (out, (const char *) run, p - run);
      g_string_append (out, escape);
      run = p + 1;
    }
  put (out, (const char *) run, p - run);
  g_string_append_c (out, '"');
}

void
bw_json_write_string (GString    *out,
                      const char *text)
{
  write_string (out, text, FALSE);
}

void
bw_json_write_number (GString *out,
                      double   v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (v == 0 || !isfinite (v))
    {
      g_string_append_c (out, '0');
      return;
    }
  if (v == floor (v) && fabs (v) < 1e15)
    {
      /* Exact in 64 bits, and the same text as "%.0f". */
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) v);
      return;
    }
  /* The fewest significant digits that read back as `v`. Reading back holds for every
   * precision from the shortest one up (more digits are never farther from `v`), and always
   * at 17, so the shortest is found by bisection. */
  {
    static const char *const formats[] = { NULL, "%.1g", "%.2g", "%.3g", "%.4g", "%.5g", "%.6g",
                                            "%.7g", "%.8g", "%.9g", "%.10g", "%.11g", "%.12g",
                                            "%.13g", "%.14g", "%.15g", "%.16g", "%.17g" };
    int low = 1;
    int high = 17;
    int written = 0;

    while (low < high)
      {
        int middle = (low + high) / 2;

        g_ascii_formatd (buf, sizeof buf, formats[middle], v);
        written = middle;
        if (g_ascii_strtod (buf, NULL) == v)
          high = middle;
        else
          low = middle + 1;
      }
    if (written != low)
      g_ascii_formatd (buf, sizeof buf, formats[low], v);
  }
  g_string_append (out, buf);
}

void
bw_json_write_ratio (GString *out,
                     double   v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  g_ascii_formatd (buf, sizeof buf, "%.4f", round (v * 10000) / 10000);
  /* Trim trailing zeros but keep one digit after the point. */
  end = buf + strlen (buf) - 1;
  while (end > buf && *end == '0' && *(end - 1) != '.')
    *end-- = '\0';
  g_string_append (out, buf);
}

void
bw_json_escape_generated (GString *text)
{
  g_autoptr(GString) copy = NULL;
  gsize done = 0;

  for (gsize i = 0; i < text->len; i++)
    {
      guchar c = (guchar) text->str[i];

      if (c >= 0x20 || c == '\n')
        continue;
      if (copy == NULL)
        copy = g_string_sized_new (text->len + 16);
      g_string_append_len (copy, text->str + done, i - done);
      g_string_append_printf (copy, "\\u%04x", c);
      done = i + 1;
    }
  if (copy == NULL)
    return;
  g_string_append_len (copy, text->str + done, text->len - done);
  g_string_truncate (text, 0);
  g_string_append_len (text, copy->str, copy->len);
}

/* The streaming writer */

static void
indent (GString *out,
        int      level)
{
  static const char spaces[] = "                                                                ";

  for (int n = 2 * MAX (level, 0); n > 0; n -= sizeof spaces - 1)
    put (out, spaces, MIN (n, (int) sizeof spaces - 1));
}

typedef struct
{
  guint    count;  /* children written so far */
  gboolean object;
  gboolean inline_;
} Frame;

struct _BwJsonWriter
{
  GString    *out;
  BwJsonStyle style;
  Frame      *frames;       /* the open containers, outermost first */
  guint       depth;
  guint       allocated;
  gboolean    after_member; /* a member name was written; its value comes next */
};

BwJsonWriter *
bw_json_writer_new (GString     *out,
                    BwJsonStyle  style)
{
  BwJsonWriter *self = g_new0 (BwJsonWriter, 1);

  self->out = out;
  self->style = style;
  self->allocated = 16;
  self->frames = g_new (Frame, self->allocated);
  return self;
}

void
bw_json_writer_free (BwJsonWriter *self)
{
  if (self == NULL)
    return;
  g_free (self->frames);
  g_free (self);
}

static inline Frame *
top (BwJsonWriter *self)
{
  return self->depth > 0 ? &self->frames[self->depth - 1] : NULL;
}

/* What goes before a child of the innermost container: its separator and indentation. */
static void
next_child (BwJsonWriter *self)
{
  Frame *frame = top (self);

  if (frame == NULL)
    return;
  if (frame->inline_)
    {
      if (frame->count > 0)
        PUT_LITERAL (self->out, ", ");
      else if (frame->object)
        g_string_append_c (self->out, ' ');
    }
  else
    {
      if (frame->count > 0)
        PUT_LITERAL (self->out, ",\n");
      else
        g_string_append_c (self->out, '\n');
      indent (self->out, self->depth);
    }
  frame->count++;
}

/* Before any value: a member's value follows its name on the same line. */
static inline void
begin_value (BwJsonWriter *self)
{
  if (self->after_member)
    self->after_member = FALSE;
  else
    {
      g_return_if_fail (top (self) == NULL || !top (self)->object);
      next_child (self);
    }
}

/* After any value: the outermost one ends the text. */
static inline void
end_value (BwJsonWriter *self)
{
  if (self->depth == 0)
    g_string_append_c (self->out, '\n');
}

static void
begin_container (BwJsonWriter *self,
                 gboolean      object,
                 gboolean      inline_)
{
  Frame frame = { 0, object, inline_ };

  begin_value (self);
  g_string_append_c (self->out, object ? '{' : '[');
  if (self->depth == self->allocated)
    {
      self->allocated *= 2;
      self->frames = g_renew (Frame, self->frames, self->allocated);
    }
  self->frames[self->depth++] = frame;
}

static void
end_container (BwJsonWriter *self,
               gboolean      object)
{
  Frame frame;

  g_return_if_fail (top (self) != NULL && top (self)->object == object && !self->after_member);

  frame = self->frames[--self->depth];
  if (frame.count > 0 && frame.inline_)
    {
      if (object)
        g_string_append_c (self->out, ' ');
    }
  else if (frame.count > 0)
    {
      g_string_append_c (self->out, '\n');
      indent (self->out, self->depth);
    }
  g_string_append_c (self->out, object ? '}' : ']');
  end_value (self);
}

void
bw_json_writer_begin_object (BwJsonWriter *self)
{
  begin_container (self, TRUE, FALSE);
}

void
bw_json_writer_begin_inline_object (BwJsonWriter *self)
{
  begin_container (self, TRUE, TRUE);
}

void
bw_json_writer_end_object (BwJsonWriter *self)
{
  end_container (self, TRUE);
}

void
bw_json_writer_begin_array (BwJsonWriter *self)
{
  begin_container (self, FALSE, FALSE);
}

void
bw_json_writer_begin_inline_array (BwJsonWriter *self)
{
  begin_container (self, FALSE, TRUE);
}

void
bw_json_writer_end_array (BwJsonWriter *self)
{
  end_container (self, FALSE);
}

void
bw_json_writer_member (BwJsonWriter *self,
                       const char   *name)
{
  g_return_if_fail (top (self) != NULL && top (self)->object && !self->after_member);

  next_child (self);
  write_string (self->out, name, self->style == BW_JSON_STYLE_GENERATOR);
  if (self->style == BW_JSON_STYLE_GENERATOR)
    PUT_LITERAL (self->out, " : ");
  else
    PUT_LITERAL (self->out, ": ");
  self->after_member = TRUE;
}

void
bw_json_writer_string (BwJsonWriter *self,
                       const char   *text)
{
  begin_value (self);
  write_string (self->out, text, self->style == BW_JSON_STYLE_GENERATOR);
  end_value (self);
}

void
bw_json_writer_nullable_string (BwJsonWriter *self,
                                const char   *text)
{
  if (text == NULL)
    bw_json_writer_null (self);
  else
    bw_json_writer_string (self, text);
}

void
bw_json_writer_number (BwJsonWriter *self,
                       double        value)
{
  begin_value (self);
  bw_json_write_number (self->out, value);
  end_value (self);
}

void
bw_json_writer_int (BwJsonWriter *self,
                    gint64        value)
{
  /* Reports hold tens of thousands of counts: digits by hand, not through printf. */
  char digits[24];
  char *p = digits + sizeof digits;
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;

  do
    *--p = '0' + magnitude % 10;
  while ((magnitude /= 10) != 0);
  if (value < 0)
    *--p = '-';
  begin_value (self);
  put (self->out, p, digits + sizeof digits - p);
  end_value (self);
}

void
bw_json_writer_ratio (BwJsonWriter *self,
                      double        value)
{
  begin_value (self);
  bw_json_write_ratio (self->out, value);
  end_value (self);
}

void
bw_json_writer_boolean (BwJsonWriter *self,
                        gboolean      value)
{
  begin_value (self);
  g_string_append (self->out, value ? "true" : "false");
  end_value (self);
}

void
bw_json_writer_null (BwJsonWriter *self)
{
  begin_value (self);
  g_string_append (self->out, "null");
  end_value (self);
}

void
bw_json_writer_raw_number (BwJsonWriter *self,
                           const char   *text)
{
  begin_value (self);
  g_string_append (self->out, text);
  end_value (self);
}

void
bw_json_writer_string_member (BwJsonWriter *self,
                              const char   *name,
                              const char   *value)
{
  bw_json_writer_member (self, name);
  bw_json_writer_string (self, value);
}

void
bw_json_writer_number_member (BwJsonWriter *self,
                              const char   *name,
                              double        value)
{
  bw_json_writer_member (self, name);
  bw_json_writer_number (self, value);
}

void
bw_json_writer_int_member (BwJsonWriter *self,
                           const char   *name,
                           gint64        value)
{
  bw_json_writer_member (self, name);
  bw_json_writer_int (self, value);
}

void
bw_json_writer_boolean_member (BwJsonWriter *self,
                               const char   *name,
                               gboolean      value)
{
  bw_json_writer_member (self, name);
  bw_json_writer_boolean (self, value);
}

void
bw_json_writer_strv_member (BwJsonWriter      *self,
                            const char        *name,
                            const char *const *values)
{
  bw_json_writer_member (self, name);
  bw_json_writer_begin_array (self);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    bw_json_writer_string (self, values[i]);
  bw_json_writer_end_array (self);
}
