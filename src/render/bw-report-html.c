/* bw-report-html.c: the stakeholder report as one self-contained HTML file — inline CSS and the
 * diagram's own SVG, no script, nothing fetched — readable in any browser and printable. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bw-file.h"
#include "bw-report-doc.h"
#include "bw-svg-writer.h"
#include "bw-theme.h"

static const char style[] =
  "@page{size:A4;margin:16mm}"
  "body{font-family:'DejaVu Sans',Verdana,sans-serif;color:#242426;background:#fff;max-width:60em;"
  "margin:2em auto;padding:0 1.5em;line-height:1.45;font-size:14px}"
  "h1{font-size:2.2em;margin:.2em 0}h2{font-size:1.4em;margin-top:2em;border-bottom:2px solid #3584e4;"
  "padding-bottom:.2em}"
  "table{border-collapse:collapse;width:100%;margin:.6em 0;font-size:.92em}"
  "th,td{padding:.3em .5em;border-bottom:1px solid #deddda;text-align:left;vertical-align:top}"
  "th{background:#f6f5f4}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}"
  ".bar{display:inline-block;width:8em;height:.8em;background:#e01b24;border-radius:2px;"
  "vertical-align:middle;position:relative;overflow:hidden}"
  ".bar span{position:absolute;top:0;bottom:0;left:0}.bar .c{background:#2ec27e}.bar .p{background:#e5a50a}"
  ".title-page{min-height:22em;border-left:6px solid #3584e4;padding-left:1.2em;margin-bottom:2em}"
  ".title-page dl{display:grid;grid-template-columns:max-content auto;gap:.3em 1.2em}"
  ".title-page dt{font-weight:bold}.title-page dd{margin:0}"
  ".big{font-size:3em;font-weight:bold;color:#1c71d8}"
  ".warn{color:#c01c28;font-weight:bold}.muted{color:#5e5c64}"
  ".diagram svg{width:100%;height:auto;border:1px solid #deddda}"
  "@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}"
  ".title-page{break-after:page}.diagram{break-before:page;break-inside:avoid}}";

static void
esc (GString    *out,
     const char *text)
{
  g_autofree char *escaped = bw_svg_escape (text);

  g_string_append (out, escaped);
}

static void
ratio_cell (GString *out,
            double   ratio)
{
  char exact[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (exact, sizeof exact, "%.4f", ratio);
  g_string_append_printf (out, "<td class=\"n ratio\" data-ratio=\"%s\">%.1f%%</td>", exact, 100 * ratio);
}

static void
bar (GString               *out,
     const BwReportFigures *f)
{
  double c = f->applicable ? 100.0 * f->covered / f->applicable : 0;
  double p = f->applicable ? 100.0 * f->partial / f->applicable : 0;

  g_string_append_printf (out, "<td><span class=\"bar\" role=\"img\" aria-label=\"%.0f%%\">"
                               "<span class=\"p\" style=\"width:%.1f%%\"></span>"
                               "<span class=\"c\" style=\"width:%.1f%%\"></span></span></td>",
                          100 * f->ratio, c + p, c);
}

static void
figures_cells (GString               *out,
               const BwReportFigures *f)
{
  g_string_append_printf (out, "<td class=\"n applicable\">%u</td><td class=\"n covered\">%u</td>"
                               "<td class=\"n partial\">%u</td><td class=\"n gap\">%u</td>",
                          f->applicable, f->covered, f->partial, f->gap);
  ratio_cell (out, f->ratio);
}

static void
figures_head (GString    *out,
              const char *first)
{
  g_string_append_printf (out, "<tr><th>%s</th><th class=\"n\">%s</th><th class=\"n\">%s</th>"
                               "<th class=\"n\">%s</th><th class=\"n\">%s</th><th class=\"n\">%s</th>",
                          first, _("Applicable"), _("Covered"), _("Partial"), _("Gaps"), _("Ratio"));
}

static void
write_title_page (GString           *out,
                  const BwReportDoc *self)
{
  g_autofree char *groups = g_strjoinv (", ", self->groups);

  g_string_append (out, "<section class=\"title-page\" id=\"title\"><p class=\"muted\">");
  esc (out, _("ATT&CK coverage report"));
  g_string_append (out, "</p><h1>");
  esc (out, self->title);
  g_string_append (out, "</h1><dl>");
  g_string_append (out, "<dt>");
  esc (out, _("ATT&CK release"));
  g_string_append (out, "</dt><dd id=\"attack-version\">");
  esc (out, self->attack_version);
  g_string_append_printf (out, "</dd><dt>%s</dt><dd id=\"date\">%s</dd>", _("Date"), self->date);
  g_string_append_printf (out, "<dt>%s</dt><dd id=\"licence\">", _("Microsoft 365 licence"));
  esc (out, self->licence != NULL ? self->licence : _("not set"));
  g_string_append_printf (out, "</dd><dt>%s</dt><dd id=\"profile\">", _("Threat profile"));
  esc (out, *groups != '\0' ? groups : _("none (all techniques weigh the same)"));
  g_string_append (out, "</dd></dl></section>\n");
}

static void
write_summary (GString           *out,
               const BwReportDoc *self)
{
  g_autofree char *headline = bw_report_doc_headline (self);
  g_autofree char *findings = bw_report_doc_findings (self);
  const BwReportFigures *s = &self->summary;
  double w = 600;
  double c = s->applicable ? w * s->covered / s->applicable : 0;
  double p = s->applicable ? w * s->partial / s->applicable : 0;

  g_string_append_printf (out, "<section id=\"executive-summary\"><h2>%s</h2>", _("Executive summary"));
  g_string_append_printf (out, "<p><span class=\"big\">%.1f%%</span></p><p>", 100 * s->ratio);
  esc (out, headline);
  g_string_append (out, " ");
  esc (out, findings);
  g_string_append (out, "</p>");
  /* The chart: one stacked bar, covered, partial and gaps. */
  g_string_append_printf (out, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f 44\" "
                               "width=\"%.0f\" height=\"44\" role=\"img\" aria-label=\"%s\">"
                               "<rect width=\"%.0f\" height=\"24\" fill=\"#e01b24\"/>"
                               "<rect width=\"%.2f\" height=\"24\" x=\"%.2f\" fill=\"#e5a50a\"/>"
                               "<rect width=\"%.2f\" height=\"24\" fill=\"#2ec27e\"/>"
                               "<text x=\"0\" y=\"40\" font-size=\"12\">%s %u · %s %u · %s %u</text></svg>",
                          w, w, _("Covered, partial and gaps"), w, p, c, c, _("Covered"), s->covered,
                          _("Partial"), s->partial, _("Gaps"), s->gap);
  g_string_append (out, "<table id=\"summary\">");
  figures_head (out, _("Techniques"));
  g_string_append_printf (out, "<th class=\"n\">%s</th><th class=\"n\">%s</th><th class=\"n\">%s</th></tr>",
                          _("Assets"), _("Services"), _("Unprotected"));
  g_string_append_printf (out, "<tr data-id=\"summary\"><td>%s</td>", _("All"));
  figures_cells (out, s);
  g_string_append_printf (out, "<td class=\"n assets\">%u</td><td class=\"n services\">%u</td>"
                               "<td class=\"n unprotected\">%u</td></tr>",
                          self->n_assets, self->n_services, self->n_unprotected);
  if (self->has_profile)
    {
      g_string_append_printf (out, "<tr data-id=\"profile\"><td>%s</td>", _("Threat profile"));
      figures_cells (out, &self->profile_summary);
      g_string_append (out, "<td></td><td></td><td></td></tr>");
    }
  g_string_append (out, "</table></section>\n");
}

static void
write_rows (GString           *out,
            const char        *id,
            const char        *heading,
            const char        *first,
            GArray            *rows,
            gboolean           phases)
{
  g_string_append_printf (out, "<section id=\"%s-section\"><h2>", id);
  esc (out, heading);
  g_string_append_printf (out, "</h2><table id=\"%s\">", id);
  figures_head (out, first);
  g_string_append (out, "<th></th></tr>");
  for (guint i = 0; i < rows->len; i++)
    {
      const BwReportDocRow *row = &g_array_index (rows, BwReportDocRow, i);

      g_string_append (out, "<tr data-id=\"");
      esc (out, row->id);
      g_string_append (out, "\"><td>");
      esc (out, row->name);
      if (phases && row->is_gap)
        g_string_append_printf (out, " <span class=\"warn is-gap\">⚠ %s</span>", _("gap"));
      g_string_append (out, "</td>");
      figures_cells (out, &row->figures);
      bar (out, &row->figures);
      g_string_append (out, "</tr>");
    }
  g_string_append (out, "</table></section>\n");
}

static void
write_gaps (GString           *out,
            const BwReportDoc *self)
{
  g_string_append_printf (out, "<section id=\"gaps-section\"><h2>%s</h2><p class=\"muted\">",
                          _("Top gaps"));
  esc (out, self->gaps_profile ? _("Techniques left open, by how many of the threat "
                                                 "profile’s groups use them.")
                                             : _("Techniques left open, by how many known ATT&CK "
                                                 "groups use them."));
  g_string_append (out, "</p>");
  g_string_append_printf (out, "<table id=\"gaps\"><tr><th>%s</th><th>%s</th><th class=\"n\">%s</th>"
                               "<th>%s</th></tr>",
                          _("Technique"), _("Name"), _("Groups"), _("Assets affected"));
  for (guint i = 0; i < self->gaps->len; i++)
    {
      const BwReportDocGap *gap = g_ptr_array_index (self->gaps, i);
      g_autofree char *assets = bw_report_doc_gap_assets (gap);

      g_string_append_printf (out, "<tr data-id=\"%s\"><td>%s</td><td>", gap->id, gap->id);
      esc (out, gap->name);
      g_string_append_printf (out, "</td><td class=\"n groups\">%u</td><td>", gap->n_groups);
      esc (out, assets);
      g_string_append (out, "</td></tr>");
    }
  g_string_append (out, "</table></section>\n");
}

static void
write_steps (GString           *out,
             const BwReportDoc *self)
{
  g_string_append_printf (out, "<section id=\"recommendations-section\"><h2>%s</h2><p class=\"muted\">",
                          _("Recommendations"));
  esc (out, bw_report_doc_steps_note (self));
  g_string_append (out, "</p>");
  g_string_append_printf (out, "<table id=\"recommendations\"><tr><th>#</th><th>%s</th><th>%s</th>"
                               "<th class=\"n\">%s</th><th class=\"n\">%s</th></tr>",
                          _("Service"), _("Where"), _("Gain"), _("Ratio after"));
  for (guint i = 0; i < self->steps->len; i++)
    {
      const BwReportDocStep *step = g_ptr_array_index (self->steps, i);

      g_string_append_printf (out, "<tr><td>%u</td><td>", i + 1);
      esc (out, step->service);
      g_string_append (out, "</td><td>");
      esc (out, step->action);
      g_string_append (out, " ");
      esc (out, step->target);
      if (step->techniques[0] != '\0')
        {
          g_string_append_printf (out, "<br><span class=\"muted\">%s ", _("Raises most:"));
          esc (out, step->techniques);
          g_string_append (out, "</span>");
        }
      g_string_append_printf (out, "</td><td class=\"n\">+%.1f</td><td class=\"n\">%.1f%%</td></tr>",
                              100 * step->gain, 100 * step->ratio_after);
    }
  if (self->steps->len == 0)
    g_string_append_printf (out, "<tr><td colspan=\"5\">%s</td></tr>", _("No single addition raises the ratio."));
  g_string_append (out, "</table></section>\n");
}

static void
write_tiers (GString           *out,
             const BwReportDoc *self)
{
  g_string_append_printf (out, "<section id=\"tiers-section\"><h2>%s</h2><table id=\"tiers\">"
                               "<tr><th>%s</th><th class=\"n\">E3</th><th class=\"n\">E5</th>"
                               "<th class=\"n\">%s</th></tr>",
                          _("Microsoft 365 E3 → E5"), _("Tactic"), _("Gain"));
  for (guint i = 0; i <= self->tactics->len; i++)
    {
      gboolean all = i == self->tactics->len;
      const BwReportDocRow *row = all ? NULL : &g_array_index (self->tactics, BwReportDocRow, i);
      const BwReportFigures *e3 = all ? &self->tiers[BW_TIER_E3] : &row->tiers[BW_TIER_E3];
      const BwReportFigures *e5 = all ? &self->tiers[BW_TIER_E5] : &row->tiers[BW_TIER_E5];

      g_string_append (out, all ? "<tr><th>" : "<tr><td>");
      esc (out, all ? _("All tactics") : row->name);
      g_string_append_printf (out, "%s<td class=\"n\">%.1f%%</td><td class=\"n\">%.1f%%</td>"
                                   "<td class=\"n\">%+.1f</td></tr>",
                              all ? "</th>" : "</td>", 100 * e3->ratio, 100 * e5->ratio,
                              100 * (e5->ratio - e3->ratio));
    }
  g_string_append (out, "</table><p class=\"note\">");
  esc (out, self->tier_source);
  /* The source as text: the report is self-contained, and links nowhere outside itself. */
  g_string_append_printf (out, " %s</p></section>\n", BW_TIERS_SOURCE_URL);
}

static void
write_assets (GString           *out,
              const BwReportDoc *self)
{
  g_string_append_printf (out, "<section id=\"assets-section\"><h2>%s</h2><table id=\"assets\">"
                               "<tr><th>%s</th><th>%s</th><th class=\"n\">%s</th><th class=\"n\">%s</th>"
                               "<th class=\"n\">%s</th><th class=\"n\">%s</th><th></th></tr>",
                          _("Assets"), _("Asset"), _("Kind"), _("Applicable"), _("Covered"),
                          _("Partial"), _("Gaps"));
  for (guint i = 0; i < self->assets->len; i++)
    {
      const BwReportDocAsset *a = g_ptr_array_index (self->assets, i);

      g_string_append (out, "<tr data-id=\"");
      esc (out, a->id);
      g_string_append_printf (out, "\" data-unprotected=\"%s\"><td>", a->unprotected ? "true" : "false");
      esc (out, a->label);
      g_string_append (out, "</td><td>");
      esc (out, a->kind);
      g_string_append_printf (out, "</td><td class=\"n applicable\">%u</td><td class=\"n covered\">%u</td>"
                                   "<td class=\"n partial\">%u</td><td class=\"n gap\">%u</td><td>%s",
                              a->applicable, a->covered, a->partial, a->gap,
                              a->unprotected ? "<span class=\"warn\">" : "");
      if (a->unprotected)
        {
          esc (out, _("unprotected"));
          g_string_append (out, "</span>");
        }
      g_string_append (out, "</td></tr>");
    }
  g_string_append (out, "</table></section>\n");
}

static void
write_method (GString           *out,
              const BwReportDoc *self)
{
  g_autofree char *credits = bw_report_doc_credits (self);

  g_string_append_printf (out, "<section id=\"method\"><h2>%s</h2>", _("Method and data sources"));
  for (guint i = 0; bw_report_doc_method (i) != NULL; i++)
    {
      g_string_append (out, i == 0 ? "<p>" : i == 1 ? "<ul><li>" : "<li>");
      esc (out, bw_report_doc_method (i));
      g_string_append (out, i == 0 ? "</p>" : "</li>");
    }
  g_string_append (out, "</ul><p>");
  esc (out, credits);
  g_string_append (out, "</p>");
  g_string_append_printf (out, "<p class=\"muted\">%s</p></section>\n",
                          _("Every figure here equals what “bulwark analyze” reports on the same file."));
}

char *
bw_report_to_html (const BwReportDoc *self,
                   gsize             *out_length)
{
  GString *out = g_string_new ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
  gsize svg_length;
  const char *svg = g_bytes_get_data (self->svg, &svg_length);
  const char *root = g_strstr_len (svg, svg_length, "<svg");

  g_string_append (out, "<meta name=\"viewport\" content=\"width=device-width\"><title>");
  esc (out, self->title);
  g_string_append (out, "</title><meta name=\"generator\" content=\"Bulwark\"><style>");
  g_string_append (out, style);
  g_string_append (out, "</style></head><body>\n");
  write_title_page (out, self);
  write_summary (out, self);
  g_string_append_printf (out, "<section class=\"diagram\" id=\"diagram\"><h2>%s</h2>", _("The estate"));
  if (root != NULL)
    g_string_append_len (out, root, svg_length - (root - svg));
  g_string_append (out, "</section>\n");
  write_rows (out, "tactics", _("ATT&CK tactics"), _("Tactic"), self->tactics, FALSE);
  write_rows (out, "kill-chain", _("Cyber Kill Chain"), _("Phase"), self->phases, TRUE);
  write_gaps (out, self);
  write_steps (out, self);
  write_tiers (out, self);
  write_assets (out, self);
  write_method (out, self);
  g_string_append (out, "</body></html>\n");
  if (out_length != NULL)
    *out_length = out->len;
  return g_string_free (out, FALSE);
}

gboolean
bw_report_write_html (const BwReportDoc *self,
                      const char        *path,
                      GError           **error)
{
  gsize length;
  g_autofree char *html = bw_report_to_html (self, &length);

  return bw_file_write_atomic (path, html, length, error);
}
