/* bw-json-writer.c: exact JSON text for strings and numbers. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "bw-json-writer.h"

void
bw_json_write_string (GString    *out,
                      const char *text)
{
  g_autofree char *valid = NULL;

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) (text ? text : ""); *p; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char) *p);
        }
    }
  g_string_append_c (out, '"');
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
      g_string_append_printf (out, "%.0f", v);
      return;
    }
  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, v);
      if (g_ascii_strtod (buf, NULL) == v)
        break;
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
bw_json_indent (GString *out,
                int      level)
{
  for (int i = 0; i < level; i++)
    g_string_append (out, "  ");
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
