/* bw-drawio.c: reads a draw.io / diagrams.net file — an <mxfile> of pages, a bare
 * <mxGraphModel>, or an SVG carrying the <mxfile> in its `content` attribute — with libxml2,
 * never expanding entities, loading a DTD or touching the network, and hands the cells of one
 * page to bw-drawio-build.c. */
#include "config.h"

#include <glib/gi18n.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <math.h>
#include <string.h>

#include "bw-drawio-private.h"
#include "bw-drawio.h"
#include "bw-file.h"

typedef struct
{
  char    *name;
  xmlNode *diagram; /* <diagram>, or NULL */
  xmlNode *model;   /* <mxGraphModel> once known */
} Page;

typedef struct
{
  GPtrArray *docs;  /* xmlDoc, kept alive while pages point into them */
  GPtrArray *pages; /* Page */
} Reader;

typedef struct
{
  gboolean dtd;
  char    *message;
  int      line;
} ParseState;

static void
page_free (gpointer data)
{
  Page *page = data;

  g_free (page->name);
  g_free (page);
}

static void
reader_clear (Reader *reader)
{
  g_clear_pointer (&reader->pages, g_ptr_array_unref);
  g_clear_pointer (&reader->docs, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reader, reader_clear)

static void
refuse_dtd (void          *ctx,
            const xmlChar *name,
            const xmlChar *external_id,
            const xmlChar *system_id)
{
  xmlParserCtxt *ctxt = ctx;
  ParseState *state = ctxt->_private;

  /* draw.io never writes a DOCTYPE; one is how entity bombs and external entities come in.
   * Stop before its internal subset is read. */
  state->dtd = TRUE;
  state->line = xmlSAX2GetLineNumber (ctx);
  xmlStopParser (ctxt);
}

static void
quiet_error (void        *data,
             xmlError    *error)
{
  xmlParserCtxt *ctxt = data;
  ParseState *state = ctxt != NULL ? ctxt->_private : NULL;

  if (state != NULL && state->message == NULL && error != NULL && error->message != NULL)
    {
      state->message = g_strstrip (g_strdup (error->message));
      state->line = error->line;
    }
}

static xmlDoc *
parse_xml (const char  *data,
           gsize        length,
           GError     **error)
{
  ParseState state = { 0 };
  xmlParserCtxt *ctxt;
  xmlDoc *doc = NULL;

  if (length > BW_DRAWIO_MAX_INFLATED || length > G_MAXINT)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("more than %d MiB of XML"),
                   (int) (BW_DRAWIO_MAX_INFLATED >> 20));
      return NULL;
    }
  if (length == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("the file is empty"));
      return NULL;
    }
  ctxt = xmlCreateMemoryParserCtxt (data, (int) length);
  if (ctxt == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("not XML"));
      return NULL;
    }
  ctxt->_private = &state;
  ctxt->sax->internalSubset = refuse_dtd;
  ctxt->sax->externalSubset = refuse_dtd;
  ctxt->sax->serror = quiet_error;
  /* No XML_PARSE_NOENT (entities stay unexpanded), no XML_PARSE_DTDLOAD, no XML_PARSE_HUGE
   * (libxml2's own limits on depth and text stay). */
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                             XML_PARSE_NOCDATA);
  xmlParseDocument (ctxt);
  if (state.dtd)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("line %d: a DOCTYPE is not allowed in a draw.io diagram"), state.line);
  else if (!ctxt->wellFormed || ctxt->myDoc == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("line %d: not well-formed XML: %s"),
                 state.line, state.message ? state.message : _("no document"));
  else
    doc = g_steal_pointer (&ctxt->myDoc);
  if (ctxt->myDoc != NULL)
    xmlFreeDoc (ctxt->myDoc);
  ctxt->myDoc = NULL;
  ctxt->_private = NULL;
  xmlFreeParserCtxt (ctxt);
  g_free (state.message);
  return doc;
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && xmlStrEqual (node->name, BAD_CAST name);
}

static xmlNode *
first_child (xmlNode    *node,
             const char *name)
{
  for (xmlNode *child = node ? node->children : NULL; child != NULL; child = child->next)
    if (is_element (child, name))
      return child;
  return NULL;
}

/* An attribute as a g_free-able string, or NULL. Attributes hold no entity references: the
 * parser refused any DTD that could declare one. */
static char *
get_attr (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, BAD_CAST name);
  char *copy = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

static void
add_page (Reader     *reader,
          const char *name,
          xmlNode    *diagram,
          xmlNode    *model)
{
  Page *page = g_new0 (Page, 1);

  page->name = name != NULL && *name != '\0'
                 ? g_strdup (name)
                 : g_strdup_printf (_("Page %u"), reader->pages->len + 1);
  page->diagram = diagram;
  page->model = model;
  g_ptr_array_add (reader->pages, page);
}

static gboolean reader_open (Reader      *reader,
                             const char  *data,
                             gsize        length,
                             gboolean     allow_svg,
                             GError     **error);

/* Text that is either XML or a compressed payload, as XML. */
static char *
payload_text (const char  *text,
              gsize       *length,
              GError     **error)
{
  const char *p = text;

  while (g_ascii_isspace (*p))
    p++;
  if (*p == '<')
    {
      *length = strlen (p);
      return g_strdup (p);
    }
  return bw_drawio_inflate_payload (p, BW_DRAWIO_MAX_INFLATED, length, error);
}

static gboolean
open_svg (Reader      *reader,
          xmlNode     *root,
          GError     **error)
{
  g_autofree char *content = get_attr (root, "content");
  g_autofree char *xml = NULL;
  gsize length = 0;

  if (content == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("an SVG without a draw.io diagram in it (no “content” attribute)"));
      return FALSE;
    }
  xml = payload_text (content, &length, error);
  if (xml == NULL)
    return FALSE;
  if (!reader_open (reader, xml, length, FALSE, error))
    {
      g_prefix_error (error, _("the SVG’s embedded diagram: "));
      return FALSE;
    }
  return TRUE;
}

static gboolean
reader_open (Reader      *reader,
             const char  *data,
             gsize        length,
             gboolean     allow_svg,
             GError     **error)
{
  xmlDoc *doc = parse_xml (data, length, error);
  xmlNode *root;

  if (doc == NULL)
    return FALSE;
  g_ptr_array_add (reader->docs, doc);
  root = xmlDocGetRootElement (doc);
  if (is_element (root, "mxfile"))
    {
      for (xmlNode *child = root->children; child != NULL; child = child->next)
        {
          g_autofree char *name = is_element (child, "diagram") ? get_attr (child, "name") : NULL;

          if (is_element (child, "diagram"))
            add_page (reader, name, child, NULL);
        }
      return TRUE;
    }
  if (is_element (root, "mxGraphModel"))
    {
      add_page (reader, NULL, NULL, root);
      return TRUE;
    }
  if (is_element (root, "diagram"))
    {
      g_autofree char *name = get_attr (root, "name");

      add_page (reader, name, root, NULL);
      return TRUE;
    }
  if (allow_svg && is_element (root, "svg"))
    return open_svg (reader, root, error);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("line %d: not a draw.io diagram (the document is <%s>, not <mxfile>)"),
               root ? (int) xmlGetLineNo (root) : 1, root ? (const char *) root->name : "");
  return FALSE;
}

static gboolean
reader_init (Reader      *reader,
             const char  *data,
             gsize        length,
             GError     **error)
{
  reader->docs = g_ptr_array_new_with_free_func ((GDestroyNotify) xmlFreeDoc);
  reader->pages = g_ptr_array_new_with_free_func (page_free);
  if (length > BW_DRAWIO_MAX_INPUT)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("larger than %d MiB"),
                   (int) (BW_DRAWIO_MAX_INPUT >> 20));
      return FALSE;
    }
  if (bw_drawio_is_png (data, length))
    {
      gsize xml_length = 0;
      g_autofree char *xml = bw_drawio_png_payload (data, length, BW_DRAWIO_MAX_INFLATED,
                                                    &xml_length, error);

      if (xml == NULL)
        return FALSE;
      if (!reader_open (reader, xml, xml_length, FALSE, error))
        {
          g_prefix_error (error, _("the PNG’s embedded diagram: "));
          return FALSE;
        }
      return TRUE;
    }
  return reader_open (reader, data, length, TRUE, error);
}

/* The page's <mxGraphModel>, inflating it if need be; NULL with no error for an empty page. */
static xmlNode *
page_model (Reader      *reader,
            Page        *page,
            GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *xml = NULL;
  gsize length = 0;
  xmlDoc *doc;
  xmlNode *root;
  const char *p;

  if (page->model != NULL || page->diagram == NULL)
    return page->model;
  page->model = first_child (page->diagram, "mxGraphModel");
  if (page->model != NULL)
    return page->model;
  text = (char *) xmlNodeGetContent (page->diagram);
  for (p = text ? text : ""; g_ascii_isspace (*p); p++)
    ;
  if (*p == '\0')
    return NULL;
  xml = payload_text (p, &length, error);
  if (xml == NULL)
    return NULL;
  doc = parse_xml (xml, length, error);
  if (doc == NULL)
    return NULL;
  g_ptr_array_add (reader->docs, doc);
  root = xmlDocGetRootElement (doc);
  if (!is_element (root, "mxGraphModel"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("the compressed page holds <%s>, not <mxGraphModel>"),
                   root ? (const char *) root->name : "");
      return NULL;
    }
  page->model = root;
  return root;
}

static double
get_number (xmlNode    *node,
            const char *name)
{
  g_autofree char *text = node ? get_attr (node, name) : NULL;
  double value = text ? g_ascii_strtod (text, NULL) : 0.0;

  /* Nothing drawn lies beyond a million units; NaN and infinities count as 0. */
  if (!isfinite (value))
    return 0.0;
  return CLAMP (value, -1e6, 1e6);
}

static void
cell_free (gpointer data)
{
  BwDrawioCell *cell = data;

  g_free (cell->id);
  g_free (cell->parent_id);
  g_free (cell->label);
  g_free (cell->style);
  g_free (cell->source);
  g_free (cell->target);
  g_free (cell->doc_id);
  g_free (cell);
}

/* A wrapper's label with placeholders="1": "%name%" stands for the wrapper's attribute
 * "name" (draw.io's placeholders), "%%" for "%"; an unknown one stays as written. */
static char *
fill_placeholders (xmlNode    *wrapper,
                   const char *label)
{
  GString *out = g_string_new (NULL);
  const char *p = label;

  while (*p != '\0')
    {
      const char *end = *p == '%' ? strchr (p + 1, '%') : NULL;
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;

      if (end == NULL || end - p > 64)
        {
          g_string_append_c (out, *p++);
          continue;
        }
      name = g_strndup (p + 1, end - p - 1);
      value = *name != '\0' && strchr (name, ' ') == NULL ? get_attr (wrapper, name) : NULL;
      if (*name == '\0')
        g_string_append_c (out, '%');
      else if (value != NULL)
        g_string_append (out, value);
      else
        g_string_append_len (out, p, end - p + 1);
      p = end + 1;
    }
  return g_string_free (out, FALSE);
}

/* One <mxCell>, or an <object>/<UserObject> wrapping one (its id and label on the wrapper). */
static BwDrawioCell *
read_cell (xmlNode *node)
{
  xmlNode *mxcell = is_element (node, "mxCell") ? node : first_child (node, "mxCell");
  BwDrawioCell *cell;
  xmlNode *geometry;
  g_autofree char *value = NULL;
  g_autofree char *vertex = NULL;
  g_autofree char *edge = NULL;
  g_autofree char *visible = NULL;
  gboolean html;

  if (mxcell == NULL)
    return NULL;
  cell = g_new0 (BwDrawioCell, 1);
  cell->id = get_attr (node, "id");
  cell->line = (int) xmlGetLineNo (node);
  cell->style = get_attr (mxcell, "style");
  if (cell->style == NULL)
    cell->style = g_strdup ("");
  cell->parent_id = get_attr (mxcell, "parent");
  cell->source = get_attr (mxcell, "source");
  cell->target = get_attr (mxcell, "target");
  vertex = get_attr (mxcell, "vertex");
  edge = get_attr (mxcell, "edge");
  cell->vertex = g_strcmp0 (vertex, "1") == 0;
  cell->edge = !cell->vertex && g_strcmp0 (edge, "1") == 0;
  visible = get_attr (mxcell, "visible");
  cell->hidden = g_strcmp0 (visible, "0") == 0;
  value = node != mxcell ? get_attr (node, "label") : get_attr (mxcell, "value");
  if (node != mxcell && value != NULL)
    {
      g_autofree char *placeholders = get_attr (node, "placeholders");

      if (g_strcmp0 (placeholders, "1") == 0)
        {
          char *filled = fill_placeholders (node, value);

          g_free (value);
          value = filled;
        }
    }
  html = bw_drawio_style_has_word (cell->style, "html=1");
  cell->label = bw_drawio_label_text (value, html);
  geometry = first_child (mxcell, "mxGeometry");
  cell->x = get_number (geometry, "x");
  cell->y = get_number (geometry, "y");
  cell->w = MAX (get_number (geometry, "width"), 0.0);
  cell->h = MAX (get_number (geometry, "height"), 0.0);
  return cell;
}

static GPtrArray *
read_cells (xmlNode     *model,
            GError     **error)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (cell_free);
  xmlNode *root = first_child (model, "root");

  for (xmlNode *node = root ? root->children : NULL; node != NULL; node = node->next)
    {
      BwDrawioCell *cell;

      if (!is_element (node, "mxCell") && !is_element (node, "object") &&
          !is_element (node, "UserObject"))
        continue;
      if (cells->len >= BW_DRAWIO_MAX_CELLS)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("line %d: more than %d cells on one page"), (int) xmlGetLineNo (node),
                       BW_DRAWIO_MAX_CELLS);
          return NULL;
        }
      cell = read_cell (node);
      if (cell != NULL && cell->id == NULL)
        g_clear_pointer (&cell, cell_free);
      if (cell != NULL)
        g_ptr_array_add (cells, cell);
    }
  return g_steal_pointer (&cells);
}

char **
bw_drawio_list_pages (const char  *data,
                      gsize        length,
                      GError     **error)
{
  g_auto(Reader) reader = { 0 };
  GStrvBuilder *builder;
  char **names;

  if (!reader_init (&reader, data, length, error))
    return NULL;
  builder = g_strv_builder_new ();
  for (guint i = 0; i < reader.pages->len; i++)
    g_strv_builder_add (builder, ((Page *) reader.pages->pdata[i])->name);
  names = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return names;
}

static Page *
find_page (Reader      *reader,
           const char  *wanted,
           GError     **error)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint64 number = 0;

  if (reader->pages->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("the diagram has no pages"));
      return NULL;
    }
  if (wanted == NULL)
    return reader->pages->pdata[0];
  for (guint i = 0; i < reader->pages->len; i++)
    {
      Page *page = reader->pages->pdata[i];

      if (g_str_equal (page->name, wanted))
        return page;
      g_string_append_printf (names, "%s“%s”", i ? ", " : "", page->name);
    }
  if (g_ascii_string_to_unsigned (wanted, 10, 1, reader->pages->len, &number, NULL))
    return reader->pages->pdata[number - 1];
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("no page “%s” (the pages are %s, or their numbers 1 to %u)"), wanted, names->str,
               reader->pages->len);
  return NULL;
}

void
bw_drawio_report_free (BwDrawioReport *report)
{
  if (report == NULL)
    return;
  g_free (report->page);
  g_ptr_array_unref (report->skipped);
  g_free (report);
}

static void
skipped_free (gpointer data)
{
  BwDrawioSkipped *s = data;

  g_free (s->cell);
  g_free (s->label);
  g_free (s->shape);
  g_free (s->page);
  g_free (s->reason);
  g_free (s);
}

/* The shipped table, read once: it never changes while the program runs. */
static BwDrawioMap *
shipped_map (GError **error)
{
  static GMutex lock;
  static BwDrawioMap *map;
  BwDrawioMap *result;

  g_mutex_lock (&lock);
  if (map == NULL)
    map = bw_drawio_map_load_default (error);
  result = map;
  g_mutex_unlock (&lock);
  return result;
}

BwDocument *
bw_drawio_import (BwCatalog        *catalog,
                  const char       *data,
                  gsize             length,
                  const char       *page_name,
                  const char       *title,
                  BwDrawioReport  **out_report,
                  GError          **error)
{
  return bw_drawio_import_mapped (catalog, data, length, page_name, title, NULL, out_report, error);
}

BwDocument *
bw_drawio_import_mapped (BwCatalog        *catalog,
                         const char       *data,
                         gsize             length,
                         const char       *page_name,
                         const char       *title,
                         GHashTable       *mapped,
                         BwDrawioReport  **out_report,
                         GError          **error)
{
  g_auto(Reader) reader = { 0 };
  BwDrawioMap *map;
  g_autoptr(BwDrawioReport) report = g_new0 (BwDrawioReport, 1);
  g_autoptr(BwDocument) document = NULL;
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(GError) local = NULL;
  xmlNode *model;
  Page *page;

  g_return_val_if_fail (BW_IS_CATALOG (catalog), NULL);

  report->skipped = g_ptr_array_new_with_free_func (skipped_free);
  if ((map = shipped_map (error)) == NULL || !reader_init (&reader, data, length, error))
    return NULL;
  page = find_page (&reader, page_name, error);
  if (page == NULL)
    return NULL;
  report->page = g_strdup (page->name);
  report->n_pages = reader.pages->len;
  for (guint i = 0; i < reader.pages->len; i++)
    if (reader.pages->pdata[i] == page)
      report->page_index = i + 1;
  model = page_model (&reader, page, &local);
  if (local != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("page “%s”: %s"), page->name,
                   local->message);
      return NULL;
    }
  cells = model != NULL ? read_cells (model, error) : g_ptr_array_new_with_free_func (cell_free);
  if (cells == NULL)
    return NULL;

  document = bw_document_new ();
  if (title != NULL && reader.pages->len > 1)
    {
      g_autofree char *full = g_strdup_printf ("%s — %s", title, page->name);

      bw_document_set_title (document, full);
    }
  else if (title != NULL)
    bw_document_set_title (document, title);
  bw_catalog_stamp_document (catalog, document);
  if (!bw_drawio_build (catalog, map, mapped, cells, page->name, document, report, &local))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("page “%s”: %s"), page->name,
                   local->message);
      return NULL;
    }
  if (out_report != NULL)
    *out_report = g_steal_pointer (&report);
  return g_steal_pointer (&document);
}

BwDocument *
bw_drawio_import_file (BwCatalog        *catalog,
                       const char       *path,
                       const char       *page,
                       BwDrawioReport  **out_report,
                       GError          **error)
{
  return bw_drawio_import_file_mapped (catalog, path, page, NULL, out_report, error);
}

BwDocument *
bw_drawio_import_file_mapped (BwCatalog        *catalog,
                              const char       *path,
                              const char       *page,
                              GHashTable       *mapped,
                              BwDrawioReport  **out_report,
                              GError          **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *base = bw_drawio_base_name (path);
  gsize length = 0;

  if (!bw_file_get_contents_max (path, BW_DRAWIO_MAX_INPUT, &contents, &length, error))
    return NULL;
  return bw_drawio_import_mapped (catalog, contents, length, page, base, mapped, out_report, error);
}

char *
bw_drawio_base_name (const char *path)
{
  char *base = g_path_get_basename (path);
  char *dot;

  while ((dot = strrchr (base, '.')) != NULL && dot != base &&
         (g_ascii_strcasecmp (dot, ".drawio") == 0 || g_ascii_strcasecmp (dot, ".xml") == 0 ||
          g_ascii_strcasecmp (dot, ".svg") == 0 || g_ascii_strcasecmp (dot, ".png") == 0 ||
          g_ascii_strcasecmp (dot, ".dio") == 0))
    *dot = '\0';
  return base;
}

char **
bw_drawio_list_pages_file (const char  *path,
                           GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!bw_file_get_contents_max (path, BW_DRAWIO_MAX_INPUT, &contents, &length, error))
    return NULL;
  return bw_drawio_list_pages (contents, length, error);
}

char **
bw_drawio_dup_table_targets (GError **error)
{
  g_autoptr(BwDrawioMap) map = bw_drawio_map_load_default (error);

  return map != NULL ? bw_drawio_map_dup_targets (map) : NULL;
}
