/* bw-painter-text.c: text as cairo and the exporters can draw it — invalid characters replaced,
 * labels broken into the lines the canvas shows. */
#include "config.h"

#include <string.h>

#include "bw-painter-private.h"

static gboolean
is_noncharacter (gunichar c)
{
  return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

char *
bw_paint_sanitize_text (const char *text)
{
  const char *end;
  GString *out;

  if (text == NULL)
    return NULL;
  end = text + strlen (text);
  /* The common case, checked in one pass without copying. */
  for (const char *p = text;;)
    {
      gunichar c;

      if (p == end)
        return NULL;
      c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2 || is_noncharacter (c))
        break;
      p = g_utf8_next_char (p);
    }

  out = g_string_sized_new (end - text);
  for (const char *p = text; p < end;)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_unichar (out, 0xFFFD);
          p++;
          continue;
        }
      g_string_append_unichar (out, is_noncharacter (c) ? 0xFFFD : c);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

void
bw_paint_set_layout_text (PangoLayout *layout,
                          const char  *text)
{
  g_autofree char *safe = bw_paint_sanitize_text (text);

  pango_layout_set_text (layout, safe != NULL ? safe : text != NULL ? text : "", -1);
}

/* The first `n` characters of `text`, trailing space dropped, and "…". */
static char *
ellipsized (const char *text,
            glong       n)
{
  g_autofree char *cut = g_utf8_substring (text, 0, n);

  return g_strconcat (g_strchomp (cut), "…", NULL);
}

static gboolean
ellipsis_fits (PangoLayout *probe,
               const char  *text,
               glong        n,
               double       width)
{
  g_autofree char *candidate = ellipsized (text, n);
  int w;

  pango_layout_set_text (probe, candidate, -1);
  pango_layout_get_pixel_size (probe, &w, NULL);
  return w <= width;
}

/* The layout a thread wraps labels in, kept from one label to the next: an export wraps
 * thousands, and a context, a layout and a parsed font of their own cost each a tenth of its
 * Pango work. Pango's default font map is the thread's too. */
typedef struct
{
  PangoLayout *layout;
  char        *font;
} Wrapper;

static void
wrapper_free (gpointer data)
{
  Wrapper *wrapper = data;

  g_clear_object (&wrapper->layout);
  g_free (wrapper->font);
  g_free (wrapper);
}

static GPrivate wrapper_key = G_PRIVATE_INIT (wrapper_free);

static PangoLayout *
wrapping_layout (const char *font)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  Wrapper *wrapper = g_private_get (&wrapper_key);

  if (wrapper == NULL)
    {
      wrapper = g_new0 (Wrapper, 1);
      g_private_set (&wrapper_key, wrapper);
    }
  if (wrapper->layout == NULL ||
      pango_context_get_font_map (pango_layout_get_context (wrapper->layout)) != map)
    {
      PangoContext *context = pango_font_map_create_context (map);

      g_clear_object (&wrapper->layout);
      g_clear_pointer (&wrapper->font, g_free);
      wrapper->layout = pango_layout_new (context);
      g_object_unref (context);
    }
  if (g_strcmp0 (wrapper->font, font) != 0)
    {
      PangoFontDescription *desc = pango_font_description_from_string (font);

      pango_layout_set_font_description (wrapper->layout, desc);
      pango_font_description_free (desc);
      g_free (wrapper->font);
      wrapper->font = g_strdup (font);
    }
  return wrapper->layout;
}

GStrv
bw_wrap_label (const char *text,
               const char *font,
               double      width,
               int         max_lines)
{
  PangoLayout *layout = wrapping_layout (font);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int n_lines;

  bw_paint_set_layout_text (layout, text);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -max_lines);

  text = pango_layout_get_text (layout);
  n_lines = pango_layout_get_line_count (layout);
  for (int i = 0; i < n_lines; i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (layout, i);
      g_autofree char *part = g_strndup (text + line->start_index, line->length);

      if (i == n_lines - 1 && pango_layout_is_ellipsized (layout))
        {
          /* Pango draws the ellipsis itself; spell it out so other renderers show the same:
           * the longest start of the rest that fits with "…" after it. The search gallops
           * from the start, then halves, so it costs about what fits on the line, whatever
           * the length of the label (trying every shorter start was quadratic in it). */
          g_autoptr(PangoLayout) probe = pango_layout_copy (layout);
          const char *rest = text + line->start_index;
          glong len = g_utf8_strlen (rest, -1);
          glong lo = 0;
          glong hi = len;

          pango_layout_set_width (probe, -1);
          pango_layout_set_height (probe, -1);
          for (glong n = 1; n <= len; n *= 2)
            {
              if (!ellipsis_fits (probe, rest, n, width))
                {
                  hi = n - 1;
                  break;
                }
              lo = n;
            }
          while (lo < hi)
            {
              glong n = lo + (hi - lo + 1) / 2;

              if (ellipsis_fits (probe, rest, n, width))
                lo = n;
              else
                hi = n - 1;
            }
          g_free (part);
          part = ellipsized (rest, lo);
        }
      g_strchomp (part);
      g_strv_builder_add (builder, part);
    }
  return g_strv_builder_end (builder);
}
