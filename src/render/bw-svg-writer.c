/* bw-svg-writer.c: writes the diagram as a semantic, well-formed, inert SVG document from the
 * same layout and colours the canvas uses. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "bw-painter.h"
#include "bw-svg-writer.h"

static gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

static gboolean
is_bidi_control (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
         c == 0x200F || c == 0x061C;
}

char *
bw_svg_escape (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text ? text : "";
  const char *end = p + strlen (p);

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append (out, "\xEF\xBF\xBD");
          p++;
          continue;
        }
      p = g_utf8_next_char (p);

      if (!is_xml_char (c) || is_bidi_control (c))
        {
          g_string_append (out, "\xEF\xBF\xBD");
          continue;
        }
      switch (c)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, "&quot;");
          break;
        case '\'':
          g_string_append (out, "&apos;");
          break;
        case '\t':
        case '\n':
        case '\r':
          /* Attribute values would normalise them to spaces anyway; keep output one-line. */
          g_string_append_printf (out, "&#%u;", c);
          break;
        default:
          g_string_append_unichar (out, c);
        }
    }
  return g_string_free (out, FALSE);
}

/* Hundredths written out by hand: what "%.2f" with trailing zeros trimmed writes, at a
 * fraction of the cost of formatting a double (a large diagram has hundreds of thousands). */
static void
append_hundredths (GString *s,
                   gint64   hundredths)
{
  char digits[32];
  char *p = digits + sizeof digits;
  guint64 n = (guint64) ABS (hundredths);
  guint64 whole = n / 100;
  guint fraction = n % 100;

  *--p = '\0';
  if (fraction != 0)
    {
      if (fraction % 10 != 0)
        *--p = '0' + fraction % 10;
      *--p = '0' + fraction / 10;
      *--p = '.';
    }
  do
    {
      *--p = '0' + whole % 10;
      whole /= 10;
    }
  while (whole != 0);
  if (hundredths < 0)
    *--p = '-';
  g_string_append (s, p);
}

/* Numbers as short as they stay exact to 1/100 px, so output is stable and compact. */
static void
append_num (GString *s,
            double   v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  double r = round (v * 100) / 100;

  if (r == 0)
    r = 0; /* no "-0" */
  if (fabs (r) < 1e12)
    {
      append_hundredths (s, llround (r * 100));
      return;
    }
  g_ascii_formatd (buf, sizeof buf, "%.2f", r);
  /* Trim trailing zeros and a trailing point. */
  if (strchr (buf, '.') != NULL)
    {
      char *e = buf + strlen (buf) - 1;

      while (*e == '0')
        *e-- = '\0';
      if (*e == '.')
        *e = '\0';
    }
  g_string_append (s, buf);
}

static void
append_color (GString       *s,
              const BwColor *c)
{
  g_string_append_printf (s, "#%02x%02x%02x", (int) round (CLAMP (c->r, 0, 1) * 255),
                          (int) round (CLAMP (c->g, 0, 1) * 255),
                          (int) round (CLAMP (c->b, 0, 1) * 255));
}

static void
append_alpha (GString *s,
              double   alpha)
{
  append_num (s, round (alpha * 1000) / 1000);
}

static void
append_fill (GString       *s,
             const BwColor *c)
{
  g_string_append (s, "fill=\"");
  append_color (s, c);
  g_string_append_c (s, '"');
  if (c->a < 1)
    {
      g_string_append (s, " fill-opacity=\"");
      append_alpha (s, c->a);
      g_string_append_c (s, '"');
    }
}

/* Formats with %n for numbers (double), %c for colours (BwColor*), %a for an alpha (double),
 * %f for a fill attribute with its opacity when it has one (BwColor*), %e for escaped text
 * (char*) and %s for raw text (char*). */
static void
emit (GString    *s,
      const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  for (const char *f = format; *f != '\0'; f++)
    {
      if (*f != '%')
        {
          g_string_append_c (s, *f);
          continue;
        }
      f++;
      switch (*f)
        {
        case 'n':
          append_num (s, va_arg (args, double));
          break;
        case 'c':
          append_color (s, va_arg (args, const BwColor *));
          break;
        case 'a':
          append_alpha (s, va_arg (args, double));
          break;
        case 'f':
          append_fill (s, va_arg (args, const BwColor *));
          break;
        case 'e':
          {
            g_autofree char *escaped = bw_svg_escape (va_arg (args, const char *));

            g_string_append (s, escaped);
          }
          break;
        case 's':
          g_string_append (s, va_arg (args, const char *));
          break;
        case '%':
          g_string_append_c (s, '%');
          break;
        default:
          g_assert_not_reached ();
        }
    }
  va_end (args);
}

static void
collect_icon (GPtrArray       *icons,
              const BwStencil *stencil)
{
  if (stencil == NULL || stencil->icon == NULL)
    return;
  for (guint i = 0; i < icons->len; i++)
    if (g_str_equal (g_ptr_array_index (icons, i), stencil->icon))
      return;
  g_ptr_array_add (icons, stencil->icon);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The icon's drawing without its <svg> wrapper and XML declaration, fills dropped so the
 * symbol takes the colour of the <use> that places it. */
static char *
icon_body (const char *icon)
{
  g_autoptr(GBytes) bytes = bw_stencil_icon_bytes (icon);
  g_autofree char *text = NULL;
  char *start;
  char *end;
  g_autoptr(GString) body = NULL;

  if (bytes == NULL)
    return NULL;
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  start = strstr (text, "<svg");
  start = start ? strchr (start, '>') : NULL;
  end = g_strrstr (text, "</svg>");
  if (start == NULL || end == NULL || end < start)
    return NULL;
  *end = '\0';
  body = g_string_new (g_strstrip (start + 1));
  g_string_replace (body, " fill=\"#2e3436\"", "", 0);
  g_string_replace (body, " fill=\"#2E3436\"", "", 0);
  return g_string_free (g_steal_pointer (&body), FALSE);
}

static void
write_icon_defs (GString   *s,
                 GPtrArray *icons)
{
  g_ptr_array_sort (icons, compare_strings);
  for (guint i = 0; i < icons->len; i++)
    {
      const char *icon = g_ptr_array_index (icons, i);
      g_autofree char *body = icon_body (icon);

      if (body == NULL)
        continue;
      emit (s, "    <symbol id=\"icon-%e\" viewBox=\"0 0 16 16\">%s</symbol>\n", icon, body);
    }
}

/* Lines centred on x, the first one's baseline at y. */
static void
write_text_lines (GString       *s,
                  GStrv          lines,
                  double         x,
                  double         y,
                  double         line_height,
                  const BwColor *fill)
{
  emit (s, "      <text class=\"label\" x=\"%n\" y=\"%n\" text-anchor=\"middle\" %f>", x, y, fill);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i == 0)
        emit (s, "<tspan x=\"%n\">%e</tspan>", x, lines[i]);
      else
        emit (s, "<tspan x=\"%n\" dy=\"%n\">%e</tspan>", x, line_height, lines[i]);
    }
  g_string_append (s, "</text>\n");
}

static void
write_zone (GString            *s,
            const BwLayoutZone *lz,
            const BwTheme      *theme)
{
  const BwRect *r = &lz->rect;
  BwColor color = bw_theme_zone_color (theme, lz->zone->kind);
  BwColor ink = bw_theme_zone_title_color (theme, lz->zone->kind);
  g_auto(GStrv) lines = bw_wrap_label (lz->zone->label, BW_FONT_ZONE, lz->title.w, 1);

  emit (s, "    <g id=\"zone-%e\" class=\"zone\" data-kind=\"%e\">\n", lz->zone->id, lz->zone->kind);
  emit (s, "      <title>%e</title>\n", lz->zone->label);
  emit (s, "      <rect x=\"%n\" y=\"%n\" width=\"%n\" height=\"%n\" rx=\"%n\" fill=\"%c\" "
           "fill-opacity=\"%a\" stroke=\"%c\" stroke-opacity=\"%a\" stroke-width=\"1.5\"%s/>\n",
        r->x, r->y, r->w, r->h, BW_ZONE_RADIUS, &color, theme->zone_fill_alpha, &color,
        theme->zone_border_alpha, lz->depth > 0 ? " stroke-dasharray=\"6 4\"" : "");
  if (lz->stencil != NULL)
    emit (s,
          "      <use href=\"#icon-%e\" xlink:href=\"#icon-%e\" x=\"%n\" y=\"%n\" "
          "width=\"%n\" height=\"%n\" %f/>\n",
          lz->stencil->icon, lz->stencil->icon, lz->icon.x, lz->icon.y, lz->icon.w, lz->icon.h,
          &ink);
  emit (s, "      <text class=\"zone-label\" x=\"%n\" y=\"%n\" %f>%e</text>\n", lz->title.x,
        lz->title_baseline, &ink, lines[0] ? lines[0] : "");
  g_string_append (s, "    </g>\n");
}

static void
write_edge (GString            *s,
            const BwLayoutEdge *le,
            const BwTheme      *theme)
{
  BwColor color = bw_theme_edge_color (theme, le->edge->kind);
  /* As the painter draws them: telemetry dashed, flows solid in their own dim ink and thinner. */
  const char *dash = le->edge->kind == BW_EDGE_TELEMETRY ? " stroke-dasharray=\"5 4\"" : "";
  const char *width = le->edge->kind == BW_EDGE_FLOW ? "1" : "1.5";

  emit (s, "    <g id=\"edge-%e\" class=\"edge\" data-kind=\"%s\" data-from=\"%e\" data-to=\"%e\">\n",
        le->edge->id, bw_edge_kind_to_string (le->edge->kind), le->edge->from, le->edge->to);
  emit (s, "      <line x1=\"%n\" y1=\"%n\" x2=\"%n\" y2=\"%n\" stroke=\"%c\" stroke-opacity=\"%a\" "
           "stroke-width=\"%s\"%s/>\n",
        le->x1, le->y1, le->x2, le->y2, &color, color.a, width, dash);
  emit (s, "      <polygon points=\"%n,%n %n,%n %n,%n\" fill=\"%c\" fill-opacity=\"%a\"/>\n",
        le->head[0].x, le->head[0].y, le->head[1].x, le->head[1].y, le->head[2].x, le->head[2].y,
        &color, color.a);
  g_string_append (s, "    </g>\n");
}

static void
write_badge (GString            *s,
             const BwLayoutNode *ln,
             const BwTheme      *theme)
{
  const BwRect *b = &ln->badge;
  BwColor color = bw_theme_coverage_color (theme, ln->coverage);
  BwColor ink = bw_theme_on_status (theme, &color, &theme->card);
  /* Rule 11: an unprotected asset (the one way to score 0) has its badge marked, as on the
   * canvas. */
  gboolean unprotected = ln->coverage == 0;
  g_autofree char *text = unprotected ? g_strdup ("⚠ 0%")
                                      : g_strdup_printf ("%d%%", (int) round (ln->coverage * 100));

  emit (s, "      <g class=\"%s\"><rect x=\"%n\" y=\"%n\" width=\"%n\" height=\"%n\" rx=\"%n\" "
           "fill=\"%c\"",
        unprotected ? "badge unprotected" : "badge", b->x, b->y, b->w, b->h, b->h / 2, &color);
  if (unprotected)
    emit (s, " stroke=\"%c\" stroke-width=\"1.5\"", &theme->text);
  emit (s, "/><text x=\"%n\" y=\"%n\" text-anchor=\"middle\" class=\"badge-text\" %f>%e</text></g>\n",
        b->x + b->w / 2, ln->badge_baseline, &ink, text);
}

static void
write_node (GString            *s,
            const BwLayoutNode *ln,
            const BwTheme      *theme)
{
  const BwRect *r = &ln->rect;
  BwColor accent = bw_theme_accent_color (theme, ln->stencil);
  g_auto(GStrv) lines = bw_wrap_label (ln->node->label, BW_FONT_LABEL, ln->label.w, BW_LABEL_LINES);
  const char *role = ln->stencil ? bw_role_to_string (ln->stencil->role) : "unknown";

  emit (s, "    <g id=\"node-%e\" class=\"node %s\" data-kind=\"%e\"", ln->node->id, role,
        ln->node->kind);
  if (ln->coverage >= 0)
    emit (s, " data-coverage=\"%n\"", round (ln->coverage * 10000) / 10000);
  g_string_append (s, ">\n");
  if (ln->stencil != NULL)
    emit (s, "      <title>%e (%e)</title>\n", ln->node->label, ln->stencil->name);
  else
    emit (s, "      <title>%e</title>\n", ln->node->label);
  emit (s, "      <rect x=\"%n\" y=\"%n\" width=\"%n\" height=\"%n\" rx=\"%n\" %f "
           "stroke=\"%c\" stroke-opacity=\"%a\"/>\n",
        r->x, r->y, r->w, r->h, BW_CARD_RADIUS, &theme->card, &theme->card_border,
        theme->card_border.a);
  if (ln->has_band)
    emit (s, "      <path d=\"M%n %nh%nv%nh-%nz\" %f/>\n", ln->band.x, ln->band.y, ln->band.w,
          ln->band.h, ln->band.w, &accent);
  if (ln->stencil != NULL)
    emit (s,
          "      <use href=\"#icon-%e\" xlink:href=\"#icon-%e\" x=\"%n\" y=\"%n\" "
          "width=\"%n\" height=\"%n\" %f/>\n",
          ln->stencil->icon, ln->stencil->icon, ln->icon.x, ln->icon.y, ln->icon.w, ln->icon.h,
          &accent);
  write_text_lines (s, lines, ln->label.x + ln->label.w / 2, ln->label_baseline,
                    BW_LABEL_LINE_HEIGHT, &theme->text);
  if (ln->has_badge)
    write_badge (s, ln, theme);
  g_string_append (s, "    </g>\n");
}

static void
write_overlay_cell (GString             *s,
                    const BwOverlayCell *cell,
                    const BwLayoutCell  *geometry,
                    gboolean             show_ratio,
                    const BwTheme       *theme,
                    const BwColor       *under)
{
  const BwRect *b = &geometry->box;
  double cx = geometry->text.x + geometry->text.w / 2;
  BwColor fill = bw_theme_cell_color (theme, cell->ratio);
  BwColor ink = bw_theme_cell_ink (theme, cell->ratio, under);
  /* Fitted to the cell as the painter fits it (the same font, width and Pango measurement),
   * the full name in the title. */
  g_autofree char *marked = cell->is_gap && !(show_ratio && cell->ratio >= 0)
                              ? g_strdup_printf ("⚠ %s", cell->label)
                              : g_strdup (cell->label);
  g_auto(GStrv) fitted = bw_wrap_label (marked, BW_FONT_SMALL, geometry->text.w, 1);
  const char *label = fitted[0] != NULL ? fitted[0] : "";

  emit (s, "      <g class=\"cell%s\" data-ratio=\"%n\">", cell->is_gap ? " gap" : "",
        cell->ratio < 0 ? -1 : round (cell->ratio * 10000) / 10000);
  emit (s, "<title>%e</title>", cell->tooltip ? cell->tooltip : cell->label);
  emit (s, "<rect x=\"%n\" y=\"%n\" width=\"%n\" height=\"%n\" rx=\"%n\" fill=\"%c\" "
           "fill-opacity=\"%a\"%s",
        b->x, b->y, b->w, b->h, BW_CELL_RADIUS, &fill, fill.a,
        cell->is_gap ? " stroke-width=\"2\" stroke=\"" : "/>");
  if (cell->is_gap)
    emit (s, "%c\"/>", &theme->marked);
  if (show_ratio && cell->ratio >= 0)
    {
      g_autofree char *percent = g_strdup_printf ("%d%%", (int) round (cell->ratio * 100));

      emit (s, "<text x=\"%n\" y=\"%n\" text-anchor=\"middle\" class=\"cell-text\" %f>"
               "<tspan x=\"%n\">%e</tspan><tspan x=\"%n\" dy=\"%n\">%e</tspan></text>",
            cx, bw_layout_cell_baseline (geometry, 0, 2), &ink, cx, label, cx,
            BW_CELL_LINE_HEIGHT, percent);
    }
  else
    emit (s, "<text x=\"%n\" y=\"%n\" text-anchor=\"middle\" class=\"cell-text\" %f>%e</text>",
          cx, bw_layout_cell_baseline (geometry, 0, 1), &ink, label);
  g_string_append (s, "</g>\n");
}

static void
write_overlay (GString         *s,
               const BwOverlay *overlay,
               const BwRect    *band,
               const BwTheme   *theme)
{
  BwColor under = bw_color_over (&theme->strip, &theme->background);

  g_string_append (s, "    <g id=\"coverage-overlay\">\n");
  emit (s, "      <rect x=\"%n\" y=\"%n\" width=\"%n\" height=\"%n\" rx=\"%n\" %f "
           "stroke=\"%c\" stroke-opacity=\"%a\"/>\n",
        band->x, band->y, band->w, band->h, BW_OVERLAY_RADIUS, &theme->strip, &theme->card_border,
        theme->card_border.a);
  for (guint i = 0; i < overlay->n_tactics; i++)
    {
      BwLayoutCell cell;

      bw_layout_get_overlay_cell (band, FALSE, i, overlay->n_tactics, &cell);
      write_overlay_cell (s, &overlay->tactics[i], &cell, TRUE, theme, &under);
    }
  for (guint i = 0; i < overlay->n_phases; i++)
    {
      BwLayoutCell cell;

      bw_layout_get_overlay_cell (band, TRUE, i, overlay->n_phases, &cell);
      write_overlay_cell (s, &overlay->phases[i], &cell, FALSE, theme, &under);
    }
  g_string_append (s, "    </g>\n");
}

/* The legend as the painter draws it (bw_painter_draw_legend). */
static void
write_legend_item (GString            *s,
                   const BwLegendItem *item,
                   const BwTheme      *theme)
{
  g_autofree char *text = bw_legend_item_text (item);
  const BwRect *b = &item->sample;
  BwColor ink = theme->text;
  g_auto(GStrv) fitted = NULL;

  if (item->kind == BW_LEGEND_EDGE)
    {
      BwColor color = bw_theme_edge_color (theme, item->edge);
      double y = b->y + b->h / 2;
      double tip = b->x + b->w;
      double back = tip - BW_ARROW_SIZE * cos (BW_ARROW_ANGLE);
      double half = BW_ARROW_SIZE * sin (BW_ARROW_ANGLE);

      emit (s, "<line x1=\"%n\" y1=\"%n\" x2=\"%n\" y2=\"%n\" stroke=\"%c\" "
               "stroke-opacity=\"%a\" stroke-width=\"%s\"%s/>",
            b->x, y, tip - BW_ARROW_SIZE / 2, y, &color, color.a,
            item->edge == BW_EDGE_FLOW ? "1" : "1.5",
            item->edge == BW_EDGE_TELEMETRY ? " stroke-dasharray=\"5 4\"" : "");
      emit (s, "<polygon points=\"%n,%n %n,%n %n,%n\" fill=\"%c\" fill-opacity=\"%a\"/>", tip, y,
            back, y - half, back, y + half, &color, color.a);
    }
  else if (item->kind == BW_LEGEND_BADGE)
    {
      BwColor color = bw_theme_coverage_color (theme, item->ratio);

      ink = bw_theme_on_status (theme, &color, &theme->card);
      emit (s, "<rect x=\"%n\" y=\"%n\" width=\"%n\" height=\"%n\" rx=\"%n\" fill=\"%c\"/>"
               "<text x=\"%n\" y=\"%n\" text-anchor=\"middle\" class=\"badge-text\" %f>%e</text>",
            b->x, b->y, b->w, b->h, b->h / 2, &color, b->x + b->w / 2, item->baseline, &ink,
            text);
      return;
    }
  fitted = bw_wrap_label (text, BW_FONT_SMALL, item->text.w, 1);
  emit (s, "<text x=\"%n\" y=\"%n\" class=\"cell-text\" %f>%e</text>", item->text.x,
        item->baseline, &ink, fitted[0] != NULL ? fitted[0] : "");
}

static void
write_legend (GString        *s,
              const BwLegend *legend,
              const BwTheme  *theme)
{
  const BwRect *r = &legend->box;

  g_string_append (s, "  <g id=\"legend\">\n");
  emit (s, "    <rect x=\"%n\" y=\"%n\" width=\"%n\" height=\"%n\" rx=\"%n\" %f stroke=\"%c\" "
           "stroke-opacity=\"%a\"/>\n",
        r->x, r->y, r->w, r->h, BW_OVERLAY_RADIUS, &theme->strip, &theme->card_border,
        theme->card_border.a);
  for (guint i = 0; i < legend->n_items; i++)
    {
      g_string_append (s, "    ");
      write_legend_item (s, &legend->items[i], theme);
      g_string_append (s, "\n");
    }
  g_string_append (s, "  </g>\n");
}

char *
bw_svg_write (BwLayout           *layout,
              const BwSvgOptions *options,
              gsize              *out_length)
{
  GString *s = g_string_new (NULL);
  const BwTheme *theme = bw_theme_get (options->dark);
  g_autoptr(GPtrArray) icons = g_ptr_array_new ();
  gboolean with_overlay = options->overlay != NULL && options->overlay->n_tactics > 0;
  BwRect page;
  BwRect band;
  double x0, y0, w, h;

  bw_layout_get_page (layout, with_overlay, &page, &band);
  x0 = page.x;
  y0 = page.y;
  w = page.w;
  h = page.h;

  for (guint i = 0; i < bw_layout_get_n_zones (layout); i++)
    collect_icon (icons, bw_layout_get_zone (layout, i)->stencil);
  for (guint i = 0; i < bw_layout_get_n_nodes (layout); i++)
    collect_icon (icons, bw_layout_get_node (layout, i)->stencil);

  g_string_append (s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  emit (s, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
           "xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" viewBox=\"%n %n %n %n\" "
           "width=\"%n\" height=\"%n\">\n",
        x0, y0, w, h, w, h);
  emit (s, "  <title>%e</title>\n", options->title ? options->title : "Bulwark diagram");
  g_string_append (s, "  <defs>\n");
  g_string_append (s, "    <style>text{font-family:" BW_SVG_FONT_FAMILY "}"
                      ".label{font-size:12.7px}.zone-label{font-size:13.3px;font-weight:bold}"
                      ".badge-text{font-size:10px;font-weight:bold}"
                      ".cell-text{font-size:10px}</style>\n");
  write_icon_defs (s, icons);
  g_string_append (s, "  </defs>\n");
  emit (s, "  <rect x=\"%n\" y=\"%n\" width=\"%n\" height=\"%n\" fill=\"%c\"/>\n", x0, y0, w, h,
        &theme->background);

  g_string_append (s, "  <g id=\"zones\">\n");
  for (guint i = 0; i < bw_layout_get_n_zones (layout); i++)
    write_zone (s, bw_layout_get_zone (layout, i), theme);
  g_string_append (s, "  </g>\n  <g id=\"edges\">\n");
  for (guint i = 0; i < bw_layout_get_n_edges (layout); i++)
    write_edge (s, bw_layout_get_edge (layout, i), theme);
  g_string_append (s, "  </g>\n  <g id=\"nodes\">\n");
  for (guint i = 0; i < bw_layout_get_n_nodes (layout); i++)
    write_node (s, bw_layout_get_node (layout, i), theme);
  g_string_append (s, "  </g>\n");

  if (with_overlay)
    write_overlay (s, options->overlay, &band, theme);
  {
    BwLegend legend;

    bw_layout_get_page_legend (layout, with_overlay, &legend);
    write_legend (s, &legend, theme);
  }

  g_string_append (s, "</svg>\n");

  if (out_length != NULL)
    *out_length = s->len;
  return g_string_free (s, FALSE);
}
