/* bw-report-pdf.c: the stakeholder report as a PDF drawn with cairo and Pango — real text
 * (selectable, its fonts embedded), a page of its own for the diagram (landscape when the
 * diagram is wider), and page numbers. */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "bw-file.h"
#include "bw-painter.h"
#include "bw-report-doc.h"

#define MARGIN 48.0   /* points: two thirds of an inch */
#define FOOTER 24.0
#define FONT   "DejaVu Sans, Verdana, sans"

typedef struct
{
  const BwReportDoc *doc;
  cairo_surface_t   *surface;
  cairo_t           *cr;
  PangoLayout       *layout;
  double             paper_w;  /* portrait */
  double             paper_h;
  double             page_w;   /* this page's */
  double             page_h;
  double             y;
  guint              page;     /* 1-based */
  guint              n_pages;  /* 0 on the counting pass */
} Pdf;

typedef struct
{
  const char *text;
  double      width;   /* fraction of the text width */
  gboolean    right;
} Column;

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  if (closure != NULL)
    g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static double
text_width (Pdf *pdf)
{
  return pdf->page_w - 2 * MARGIN;
}

/* Draws `text` at (x, pdf->y) in `width` (wrapped) and returns its height. */
static double
show (Pdf        *pdf,
      const char *font,
      const char *text,
      double      x,
      double      width,
      gboolean    right,
      gboolean    draw)
{
  PangoFontDescription *desc = pango_font_description_from_string (font);
  g_autofree char *safe = bw_paint_sanitize_text (text);
  int h;

  pango_layout_set_font_description (pdf->layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (pdf->layout, safe != NULL ? safe : text, -1);
  pango_layout_set_width (pdf->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (pdf->layout, right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_get_size (pdf->layout, NULL, &h);
  if (draw)
    {
      cairo_move_to (pdf->cr, x, pdf->y);
      pango_cairo_show_layout (pdf->cr, pdf->layout);
    }
  return (double) h / PANGO_SCALE;
}

static void
footer (Pdf *pdf)
{
  g_autofree char *text = pdf->n_pages > 0
                            ? g_strdup_printf (_("%s — page %u of %u"), pdf->doc->title, pdf->page, pdf->n_pages)
                            : g_strdup_printf (_("%s — page %u"), pdf->doc->title, pdf->page);
  double y = pdf->y;

  cairo_set_source_rgb (pdf->cr, 0.37, 0.36, 0.39);
  pdf->y = pdf->page_h - MARGIN + FOOTER / 2;
  show (pdf, FONT " 7.5", text, MARGIN, text_width (pdf), TRUE, TRUE);
  pdf->y = y;
  cairo_set_source_rgb (pdf->cr, 0.14, 0.14, 0.15);
}

/* Ends this page and starts one `w` × `h` points. */
static void
next_page (Pdf   *pdf,
           double w,
           double h)
{
  footer (pdf);
  cairo_show_page (pdf->cr);
  pdf->page++;
  pdf->page_w = w;
  pdf->page_h = h;
  cairo_pdf_surface_set_size (pdf->surface, w, h);
  pdf->y = MARGIN;
}

static void
need (Pdf   *pdf,
      double height)
{
  if (pdf->y + height > pdf->page_h - MARGIN - FOOTER)
    next_page (pdf, pdf->paper_w, pdf->paper_h);
}

static void
paragraph (Pdf        *pdf,
           const char *font,
           const char *text,
           double      space_after)
{
  double h = show (pdf, font, text, MARGIN, text_width (pdf), FALSE, FALSE);

  need (pdf, h);
  show (pdf, font, text, MARGIN, text_width (pdf), FALSE, TRUE);
  pdf->y += h + space_after;
}

static void
heading (Pdf        *pdf,
         const char *text)
{
  /* A heading keeps a few lines of what follows with it. */
  need (pdf, 90);
  pdf->y += 8;
  cairo_set_source_rgb (pdf->cr, 0.11, 0.44, 0.85);
  paragraph (pdf, FONT " Bold 14", text, 2);
  cairo_rectangle (pdf->cr, MARGIN, pdf->y, text_width (pdf), 1.5);
  cairo_fill (pdf->cr);
  cairo_set_source_rgb (pdf->cr, 0.14, 0.14, 0.15);
  pdf->y += 8;
}

/* One table row; `bar` ≥ 0 draws a coverage bar (covered, partial of `f`) in the last column. */
static void
row (Pdf                   *pdf,
     const Column          *columns,
     guint                  n,
     const char *const     *cells,
     gboolean               head,
     const BwReportFigures *f)
{
  const char *font = head ? FONT " Bold 8" : FONT " 8";
  double w = text_width (pdf);
  double h = 0;
  double x = MARGIN;

  for (guint i = 0; i < n; i++)
    if (cells[i] != NULL)
      h = MAX (h, show (pdf, font, cells[i], 0, columns[i].width * w - 6, columns[i].right, FALSE));
  need (pdf, h + 5);
  if (head)
    {
      cairo_set_source_rgb (pdf->cr, 0.965, 0.96, 0.957);
      cairo_rectangle (pdf->cr, MARGIN, pdf->y - 2, w, h + 4);
      cairo_fill (pdf->cr);
      cairo_set_source_rgb (pdf->cr, 0.14, 0.14, 0.15);
    }
  for (guint i = 0; i < n; i++)
    {
      double cw = columns[i].width * w;

      if (cells[i] != NULL)
        show (pdf, font, cells[i], x + 3, cw - 6, columns[i].right, TRUE);
      else if (f != NULL && f->applicable > 0)
        {
          double c = (cw - 6) * f->covered / f->applicable;
          double p = (cw - 6) * f->partial / f->applicable;

          cairo_set_source_rgb (pdf->cr, 0.88, 0.11, 0.14);
          cairo_rectangle (pdf->cr, x + 3, pdf->y + 2, cw - 6, h - 4);
          cairo_fill (pdf->cr);
          cairo_set_source_rgb (pdf->cr, 0.90, 0.65, 0.04);
          cairo_rectangle (pdf->cr, x + 3, pdf->y + 2, c + p, h - 4);
          cairo_fill (pdf->cr);
          cairo_set_source_rgb (pdf->cr, 0.18, 0.76, 0.49);
          cairo_rectangle (pdf->cr, x + 3, pdf->y + 2, c, h - 4);
          cairo_fill (pdf->cr);
          cairo_set_source_rgb (pdf->cr, 0.14, 0.14, 0.15);
        }
      x += cw;
    }
  pdf->y += h + 3;
  cairo_set_source_rgb (pdf->cr, 0.87, 0.87, 0.85);
  cairo_rectangle (pdf->cr, MARGIN, pdf->y, w, 0.5);
  cairo_fill (pdf->cr);
  cairo_set_source_rgb (pdf->cr, 0.14, 0.14, 0.15);
  pdf->y += 2;
}

static void
figures_table (Pdf        *pdf,
               const char *first,
               GArray     *rows,
               gboolean    phases)
{
  const Column columns[] = {
    { first, 0.32, FALSE }, { _("Applicable"), 0.14, TRUE }, { _("Covered"), 0.1, TRUE },
    { _("Partial"), 0.1, TRUE }, { _("Gaps"), 0.08, TRUE }, { _("Ratio"), 0.1, TRUE }, { "", 0.16, FALSE },
  };
  const char *head[G_N_ELEMENTS (columns)];

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    head[i] = columns[i].text;
  row (pdf, columns, G_N_ELEMENTS (columns), head, TRUE, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      const BwReportDocRow *r = &g_array_index (rows, BwReportDocRow, i);
      const BwReportFigures *f = &r->figures;
      g_autofree char *name = phases && r->is_gap ? g_strdup_printf ("%s ⚠ %s", r->name, _("gap"))
                                                  : g_strdup (r->name);
      g_autofree char *a = g_strdup_printf ("%u", f->applicable);
      g_autofree char *c = g_strdup_printf ("%u", f->covered);
      g_autofree char *p = g_strdup_printf ("%u", f->partial);
      g_autofree char *g = g_strdup_printf ("%u", f->gap);
      g_autofree char *ratio = g_strdup_printf ("%.1f%%", 100 * f->ratio);
      const char *cells[] = { name, a, c, p, g, ratio, NULL };

      row (pdf, columns, G_N_ELEMENTS (columns), cells, FALSE, f);
    }
  pdf->y += 6;
}

static void
title_page (Pdf *pdf)
{
  const BwReportDoc *doc = pdf->doc;
  g_autofree char *groups = g_strjoinv (", ", doc->groups);
  g_autofree char *details = g_strdup_printf (_("ATT&CK release %s\nDate %s\nMicrosoft 365 licence %s\nThreat profile %s"),
                                              doc->attack_version, doc->date,
                                              doc->licence ? doc->licence : _("not set"),
                                              *groups ? groups : _("none (all techniques weigh the same)"));

  pdf->y = pdf->page_h / 3;
  cairo_set_source_rgb (pdf->cr, 0.21, 0.52, 0.89);
  cairo_rectangle (pdf->cr, MARGIN - 14, pdf->y, 5, 170);
  cairo_fill (pdf->cr);
  cairo_set_source_rgb (pdf->cr, 0.37, 0.36, 0.39);
  paragraph (pdf, FONT " 11", _("ATT&CK coverage report"), 6);
  cairo_set_source_rgb (pdf->cr, 0.14, 0.14, 0.15);
  paragraph (pdf, FONT " Bold 26", doc->title, 18);
  paragraph (pdf, FONT " 11", details, 0);
}

static void
summary (Pdf *pdf)
{
  const BwReportDoc *doc = pdf->doc;
  const BwReportFigures *s = &doc->summary;
  g_autofree char *headline = bw_report_doc_headline (doc);
  g_autofree char *findings = bw_report_doc_findings (doc);
  g_autofree char *big = g_strdup_printf ("%.1f%%", 100 * s->ratio);
  g_autofree char *legend = g_strdup_printf (_("Covered %u · Partial %u · Gaps %u · Unprotected assets %u"),
                                             s->covered, s->partial, s->gap, doc->n_unprotected);
  double w = text_width (pdf);

  heading (pdf, _("Executive summary"));
  cairo_set_source_rgb (pdf->cr, 0.11, 0.44, 0.85);
  paragraph (pdf, FONT " Bold 30", big, 4);
  cairo_set_source_rgb (pdf->cr, 0.14, 0.14, 0.15);
  paragraph (pdf, FONT " 10", headline, 4);
  paragraph (pdf, FONT " 10", findings, 10);
  if (s->applicable > 0)
    {
      need (pdf, 40);
      cairo_set_source_rgb (pdf->cr, 0.88, 0.11, 0.14);
      cairo_rectangle (pdf->cr, MARGIN, pdf->y, w, 18);
      cairo_fill (pdf->cr);
      cairo_set_source_rgb (pdf->cr, 0.90, 0.65, 0.04);
      cairo_rectangle (pdf->cr, MARGIN, pdf->y, w * (s->covered + s->partial) / s->applicable, 18);
      cairo_fill (pdf->cr);
      cairo_set_source_rgb (pdf->cr, 0.18, 0.76, 0.49);
      cairo_rectangle (pdf->cr, MARGIN, pdf->y, w * s->covered / s->applicable, 18);
      cairo_fill (pdf->cr);
      cairo_set_source_rgb (pdf->cr, 0.14, 0.14, 0.15);
      pdf->y += 22;
    }
  paragraph (pdf, FONT " 8", legend, 8);
  if (doc->has_profile)
    {
      const BwReportFigures *p = &doc->profile_summary;
      g_autofree char *text = g_strdup_printf (
          _("Against the threat profile: %.1f%% of %u techniques (%u covered, %u partial, %u gaps)."),
          100 * p->ratio, p->applicable, p->covered, p->partial, p->gap);

      paragraph (pdf, FONT " 10", text, 8);
    }
}

/* The diagram on a page of its own, fitted inside the margins: portrait, or landscape when it
 * is wider than high. */
static void
diagram_page (Pdf *pdf)
{
  const BwReportDoc *doc = pdf->doc;
  BwExportOptions options = { 0 };
  BwLayout *layout = bw_export_job_get_layout (doc->job);
  gboolean wide;
  double dw, dh, fit;

  options.overlay = bw_export_job_get_overlay (doc->job);
  options.title = doc->title;
  bw_export_get_page_size (layout, &options, &dw, &dh);
  wide = dw > dh;
  next_page (pdf, wide ? pdf->paper_h : pdf->paper_w, wide ? pdf->paper_w : pdf->paper_h);
  heading (pdf, _("The estate"));
  fit =
      MIN (text_width (pdf) / MAX (dw, 1), (pdf->page_h - pdf->y - MARGIN - FOOTER) / MAX (dh, 1));
  cairo_save (pdf->cr);
  cairo_translate (pdf->cr, MARGIN + (text_width (pdf) - dw * fit) / 2, pdf->y);
  cairo_scale (pdf->cr, fit, fit);
  bw_export_paint (pdf->cr, layout, &options);
  cairo_restore (pdf->cr);
  next_page (pdf, pdf->paper_w, pdf->paper_h);
}

static void
gaps_steps_tiers (Pdf *pdf)
{
  const BwReportDoc *doc = pdf->doc;
  const Column gap_columns[] = {
    { _("Technique"), 0.14, FALSE }, { _("Name"), 0.31, FALSE }, { _("Groups"), 0.09, TRUE },
    { _("Assets affected"), 0.46, FALSE },
  };
  const Column step_columns[] = {
    { "#", 0.05, FALSE }, { _("Service"), 0.3, FALSE }, { _("Where"), 0.41, FALSE },
    { _("Gain"), 0.1, TRUE }, { _("Ratio after"), 0.14, TRUE },
  };
  const Column tier_columns[] = {
    { _("Tactic"), 0.46, FALSE }, { "E3", 0.18, TRUE }, { "E5", 0.18, TRUE }, { _("Gain"), 0.18, TRUE },
  };

  heading (pdf, _("Top gaps"));
  paragraph (pdf, FONT " 8",
             doc->gaps_profile ? _("Techniques left open, by how many of the threat profile’s groups use them.")
                               : _("Techniques left open, by how many known ATT&CK groups use them."), 4);
  {
    const char *head[] = { gap_columns[0].text, gap_columns[1].text, gap_columns[2].text,
                           gap_columns[3].text };

    row (pdf, gap_columns, 4, head, TRUE, NULL);
  }
  for (guint i = 0; i < doc->gaps->len; i++)
    {
      const BwReportDocGap *gap = g_ptr_array_index (doc->gaps, i);
      g_autofree char *groups = g_strdup_printf ("%u", gap->n_groups);
      g_autofree char *assets = bw_report_doc_gap_assets (gap);
      const char *cells[] = { gap->id, gap->name, groups, assets };

      row (pdf, gap_columns, 4, cells, FALSE, NULL);
    }

  heading (pdf, _("Recommendations"));
  paragraph (pdf, FONT " 8", bw_report_doc_steps_note (doc), 4);
  {
    const char *head[] = { "#", step_columns[1].text, step_columns[2].text, step_columns[3].text,
                           step_columns[4].text };

    row (pdf, step_columns, 5, head, TRUE, NULL);
  }
  for (guint i = 0; i < doc->steps->len; i++)
    {
      const BwReportDocStep *step = g_ptr_array_index (doc->steps, i);
      g_autofree char *n = g_strdup_printf ("%u", i + 1);
      g_autofree char *where = step->techniques[0] != '\0'
                                 ? g_strdup_printf ("%s %s (%s)", step->action, step->target,
                                                    step->techniques)
                                 : g_strdup_printf ("%s %s", step->action, step->target);
      g_autofree char *gain = g_strdup_printf ("+%.1f", 100 * step->gain);
      g_autofree char *after = g_strdup_printf ("%.1f%%", 100 * step->ratio_after);
      const char *cells[] = { n, step->service, where, gain, after };

      row (pdf, step_columns, 5, cells, FALSE, NULL);
    }
  if (doc->steps->len == 0)
    paragraph (pdf, FONT " 8", _("No single addition raises the ratio."), 4);

  heading (pdf, _("Microsoft 365 E3 → E5"));
  {
    const char *head[] = { tier_columns[0].text, "E3", "E5", tier_columns[3].text };

    row (pdf, tier_columns, 4, head, TRUE, NULL);
  }
  for (guint i = 0; i <= doc->tactics->len; i++)
    {
      gboolean all = i == doc->tactics->len;
      const BwReportDocRow *r = all ? NULL : &g_array_index (doc->tactics, BwReportDocRow, i);
      const BwReportFigures *e3 = all ? &doc->tiers[BW_TIER_E3] : &r->tiers[BW_TIER_E3];
      const BwReportFigures *e5 = all ? &doc->tiers[BW_TIER_E5] : &r->tiers[BW_TIER_E5];
      g_autofree char *a = g_strdup_printf ("%.1f%%", 100 * e3->ratio);
      g_autofree char *b = g_strdup_printf ("%.1f%%", 100 * e5->ratio);
      g_autofree char *d = g_strdup_printf ("%+.1f", 100 * (e5->ratio - e3->ratio));
      const char *cells[] = { all ? _("All tactics") : r->name, a, b, d };

      row (pdf, tier_columns, 4, cells, all, NULL);
    }
  {
    g_autofree char *note = g_strdup_printf ("%s %s", doc->tier_source, BW_TIERS_SOURCE_URL);

    paragraph (pdf, FONT " 8", note, 4);
  }
}

static void
assets_method (Pdf *pdf)
{
  const BwReportDoc *doc = pdf->doc;
  const Column columns[] = {
    { _("Asset"), 0.28, FALSE }, { _("Kind"), 0.24, FALSE }, { _("Applicable"), 0.14, TRUE },
    { _("Covered"), 0.1, TRUE }, { _("Partial"), 0.09, TRUE }, { _("Gaps"), 0.08, TRUE }, { "", 0.07, FALSE },
  };
  g_autofree char *credits = bw_report_doc_credits (doc);

  heading (pdf, _("Assets"));
  {
    const char *head[] = { columns[0].text, columns[1].text, columns[2].text, columns[3].text,
                           columns[4].text, columns[5].text, "" };

    row (pdf, columns, G_N_ELEMENTS (columns), head, TRUE, NULL);
  }
  for (guint i = 0; i < doc->assets->len; i++)
    {
      const BwReportDocAsset *x = g_ptr_array_index (doc->assets, i);
      g_autofree char *a = g_strdup_printf ("%u", x->applicable);
      g_autofree char *c = g_strdup_printf ("%u", x->covered);
      g_autofree char *p = g_strdup_printf ("%u", x->partial);
      g_autofree char *g = g_strdup_printf ("%u", x->gap);
      const char *cells[] = { x->label, x->kind, a, c, p, g, x->unprotected ? "⚠" : "" };

      row (pdf, columns, G_N_ELEMENTS (columns), cells, FALSE, NULL);
    }

  heading (pdf, _("Method and data sources"));
  for (guint i = 0; bw_report_doc_method (i) != NULL; i++)
    {
      const char *rule = bw_report_doc_method (i);
      g_autofree char *item = i == 0 ? g_strdup (rule) : g_strdup_printf ("•  %s", rule);

      paragraph (pdf, FONT " 9", item, 3);
    }
  pdf->y += 6;
  paragraph (pdf, FONT " 9", credits, 3);
  paragraph (pdf, FONT " 8", _("Every figure here equals what “bulwark analyze” reports on the same file."), 0);
}

static guint
render (Pdf *pdf)
{
  pdf->page = 1;
  pdf->page_w = pdf->paper_w;
  pdf->page_h = pdf->paper_h;
  title_page (pdf);
  next_page (pdf, pdf->paper_w, pdf->paper_h);
  summary (pdf);
  diagram_page (pdf);
  heading (pdf, _("ATT&CK tactics"));
  figures_table (pdf, _("Tactic"), pdf->doc->tactics, FALSE);
  heading (pdf, _("Cyber Kill Chain"));
  figures_table (pdf, _("Phase"), pdf->doc->phases, TRUE);
  gaps_steps_tiers (pdf);
  assets_method (pdf);
  footer (pdf);
  cairo_show_page (pdf->cr);
  return pdf->page;
}

static cairo_status_t
render_to (const BwReportDoc *doc,
           double             paper_w,
           double             paper_h,
           guint             *n_pages,
           GByteArray        *bytes)
{
  Pdf pdf = { doc, NULL, NULL, NULL, paper_w, paper_h };
  cairo_status_t status;

  pdf.n_pages = *n_pages;
  pdf.surface = cairo_pdf_surface_create_for_stream (append_to_array, bytes, paper_w, paper_h);
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_TITLE, doc->title);
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_CREATOR, "Bulwark");
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_SUBJECT, _("ATT&CK coverage report"));
  pdf.cr = cairo_create (pdf.surface);
  pdf.layout = pango_cairo_create_layout (pdf.cr);
  cairo_set_source_rgb (pdf.cr, 0.14, 0.14, 0.15);
  *n_pages = render (&pdf);
  status = cairo_status (pdf.cr);
  g_object_unref (pdf.layout);
  cairo_destroy (pdf.cr);
  cairo_surface_finish (pdf.surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (pdf.surface);
  cairo_surface_destroy (pdf.surface);
  return status;
}

gboolean
bw_report_write_pdf (const BwReportDoc *self,
                     BwPaper            paper,
                     const char        *path,
                     GError           **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  double w, h;
  guint n_pages = 0;
  cairo_status_t status;

  if (!bw_paper_get_size (paper, &w, &h))
    bw_paper_get_size (BW_PAPER_A4, &w, &h);
  /* Twice: first to count the pages, then with "page n of N". */
  status = render_to (self, w, h, &n_pages, NULL);
  if (status == CAIRO_STATUS_SUCCESS)
    status = render_to (self, w, h, &n_pages, bytes);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Rendering failed: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return bw_file_write_atomic (path, (const char *) bytes->data, bytes->len, error);
}
