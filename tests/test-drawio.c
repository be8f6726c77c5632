/* test-drawio.c: the draw.io import — each format feature of the fixtures in
 * tests/fixtures/drawio (made by make-fixtures.py there), the mapping table, the report, hostile
 * input, and `bulwark import-drawio`. */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>
#include <string.h>
#include <zlib.h>

#include "bw-document-io.h"
#include "bw-drawio-private.h"
#include "bw-drawio.h"
#include "bw-test-util.h"

static BwCatalog *
shipped_catalog (void)
{
  static BwCatalog *catalog;

  if (catalog == NULL)
    {
      g_autoptr(GError) error = NULL;

      catalog = bw_catalog_load_default (&error);
      g_assert_no_error (error);
    }
  return catalog;
}

static BwDocument *
import_fixture (const char      *name,
                const char      *page,
                BwDrawioReport **report)
{
  g_autofree char *path = g_build_filename (g_getenv ("BW_SOURCE_DIR"), "tests", "fixtures",
                                            "drawio", name, NULL);
  g_autoptr(GError) error = NULL;
  BwDocument *doc = bw_drawio_import_file (shipped_catalog (), path, page, report, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static BwDocument *
import_text (const char  *text,
             GError     **error)
{
  return bw_drawio_import (shipped_catalog (), text, strlen (text), NULL, "t", NULL, error);
}

static void
assert_zone (BwDocument *doc,
             const char *id,
             const char *kind,
             const char *label,
             const char *parent,
             double      x,
             double      y,
             double      w,
             double      h)
{
  const BwZone *zone = bw_document_lookup_zone (doc, id);

  g_assert_nonnull (zone);
  g_assert_cmpstr (zone->kind, ==, kind);
  g_assert_cmpstr (zone->label, ==, label);
  g_assert_cmpstr (zone->parent, ==, parent);
  g_assert_cmpfloat (zone->x, ==, x);
  g_assert_cmpfloat (zone->y, ==, y);
  g_assert_cmpfloat (zone->w, ==, w);
  g_assert_cmpfloat (zone->h, ==, h);
}

static void
assert_node (BwDocument *doc,
             const char *id,
             const char *kind,
             const char *label,
             const char *zone,
             double      x,
             double      y)
{
  const BwNode *node = bw_document_lookup_node (doc, id);

  g_assert_nonnull (node);
  g_assert_cmpstr (node->kind, ==, kind);
  g_assert_cmpstr (node->label, ==, label);
  g_assert_cmpstr (node->zone, ==, zone);
  g_assert_cmpfloat (node->x, ==, x);
  g_assert_cmpfloat (node->y, ==, y);
}

static void
assert_edge (BwDocument *doc,
             guint       index,
             const char *kind,
             const char *from,
             const char *to)
{
  const BwEdge *edge = bw_document_get_edge (doc, index);

  g_assert_cmpstr (bw_edge_kind_to_string (edge->kind), ==, kind);
  g_assert_cmpstr (edge->from, ==, from);
  g_assert_cmpstr (edge->to, ==, to);
}

static void
assert_skipped (BwDrawioReport      *report,
                guint                index,
                BwDrawioSkippedKind  kind,
                const char          *cell,
                const char          *label,
                const char          *shape)
{
  const BwDrawioSkipped *s = report->skipped->pdata[index];

  g_assert_cmpint (s->kind, ==, kind);
  g_assert_cmpstr (s->cell, ==, cell);
  g_assert_cmpstr (s->label, ==, label);
  g_assert_cmpstr (s->shape, ==, shape);
  g_assert_cmpstr (s->page, ==, report->page);
  g_assert_true ((s->reason != NULL) == (kind == BW_DRAWIO_SKIPPED_EDGE));
}

/* The document survives saving and loading: what `validate` checks. */
static void
assert_valid (BwDocument *doc)
{
  gsize length;
  g_autofree char *data = bw_document_to_data (doc, &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(BwDocument) again = bw_document_load_from_data (data, length, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (bw_document_get_n_nodes (again), ==, bw_document_get_n_nodes (doc));
}

/* Declared containers nested three deep (geometry relative to each), a box drawn around
 * shapes, the azure2, mscae and office libraries, a text box, an unknown shape, and every edge
 * kind, one drawn backwards and three left out. */
static void
check_estate (BwDocument     *doc,
              BwDrawioReport *report)
{
  /* Positions: (draw.io absolute − the drawing's top-left) × 2 + 40, node cards centred on
   * their icons. */
  g_assert_cmpuint (bw_document_get_n_zones (doc), ==, 4);
  assert_zone (doc, "z1", "zone.azure", "Azure subscription", NULL, 40, 40, 1600, 1000);
  assert_zone (doc, "z2", "zone.vnet", "Hub VNet", "z1", 80, 120, 1000, 600);
  assert_zone (doc, "z3", "zone.subnet", "Subnet web", "z2", 120, 200, 600, 400);
  assert_zone (doc, "z8", "zone.onprem", "Datacenter", NULL, 40, 1240, 800, 500);

  g_assert_cmpuint (bw_document_get_n_nodes (doc), ==, 6);
  assert_node (doc, "n4", "azure.vm", "Web VM 1", "z3", 186, 326);
  assert_node (doc, "n5", "sec.nsg", "NSG web", "z3", 466, 326);
  assert_node (doc, "n6", "mon.log-analytics", "Workspace", "z1", 1226, 246);
  assert_node (doc, "n7", "mon.sentinel", "Sentinel", "z1", 1226, 546);
  assert_node (doc, "n9", "onprem.ad-ds", "DC01", "z8", 106, 1366);
  assert_node (doc, "n10", "onprem.windows-workstation", "Client PC", "z8", 426, 1366);

  g_assert_cmpuint (bw_document_get_n_edges (doc), ==, 6);
  assert_edge (doc, 0, "protects", "n5", "n4");
  assert_edge (doc, 1, "telemetry", "n4", "n6");
  assert_edge (doc, 2, "telemetry", "n6", "n7");
  assert_edge (doc, 3, "protects", "n5", "z3");
  assert_edge (doc, 4, "telemetry", "n4", "n7"); /* drawn Sentinel → VM */
  assert_edge (doc, 5, "flow", "n9", "n10");

  g_assert_cmpuint (report->n_pages, ==, 1);
  g_assert_cmpuint (report->page_index, ==, 1);
  g_assert_cmpuint (report->n_shapes, ==, 12);
  g_assert_cmpuint (report->n_nodes, ==, 6);
  g_assert_cmpuint (report->n_zones, ==, 4);
  g_assert_cmpuint (report->n_edges, ==, 9);
  g_assert_cmpuint (report->n_edges_kept, ==, 6);
  g_assert_cmpuint (report->n_edges_reversed, ==, 1);
  g_assert_cmpuint (report->skipped->len, ==, 5);
  assert_skipped (report, 0, BW_DRAWIO_SKIPPED_TEXT, "title", "Contoso estate", "text");
  assert_skipped (report, 1, BW_DRAWIO_SKIPPED_SHAPE, "smile", "Mascot", "mxgraph.basic.smiley");
  assert_skipped (report, 2, BW_DRAWIO_SKIPPED_EDGE, "e7", "", NULL);
  assert_skipped (report, 3, BW_DRAWIO_SKIPPED_EDGE, "e8", "", NULL);
  assert_skipped (report, 4, BW_DRAWIO_SKIPPED_EDGE, "e9", "", NULL);
  assert_valid (doc);
}

static void
test_estate (void)
{
  g_autoptr(BwDrawioReport) report = NULL;
  g_autoptr(BwDocument) doc = import_fixture ("estate.drawio", NULL, &report);

  g_assert_cmpstr (bw_document_get_title (doc), ==, "estate");
  g_assert_cmpstr (report->page, ==, "Estate");
  check_estate (doc, report);
}

static void
test_bare_model (void)
{
  g_autoptr(BwDrawioReport) report = NULL;
  g_autoptr(BwDocument) doc = import_fixture ("bare-model.xml", NULL, &report);

  g_assert_cmpstr (report->page, ==, "Page 1");
  check_estate (doc, report);
}

/* A compressed page with <object>/<UserObject> wrappers and HTML labels in a swimlane. */
static void
check_tenant (BwDocument     *doc,
              BwDrawioReport *report)
{
  assert_zone (doc, "z1", "zone.m365", "Microsoft 365 tenant", NULL, 40, 40, 800, 400);
  assert_node (doc, "n2", "m365.exchange", "Exchange Online", "z1", 156, 177);
  assert_node (doc, "n3", "sec.defender-for-office365", "Defender for Office 365 & more", "z1", 536, 176);
  g_assert_cmpuint (bw_document_get_n_edges (doc), ==, 1);
  assert_edge (doc, 0, "protects", "n3", "n2");
  g_assert_cmpuint (report->skipped->len, ==, 0);
  assert_valid (doc);
}

static void
test_multi_page (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("BW_SOURCE_DIR"), "tests", "fixtures",
                                            "drawio", "multi-page.drawio", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = bw_drawio_list_pages_file (path, &error);
  const char *legacy_pages[] = { "Legacy", "2" };

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (pages), ==, 2);
  g_assert_cmpstr (pages[0], ==, "Microsoft 365");
  g_assert_cmpstr (pages[1], ==, "Legacy");

  {
    g_autoptr(BwDrawioReport) report = NULL;
    g_autoptr(BwDocument) doc = import_fixture ("multi-page.drawio", NULL, &report);

    g_assert_cmpstr (report->page, ==, "Microsoft 365");
    g_assert_cmpuint (report->n_pages, ==, 2);
    g_assert_cmpstr (bw_document_get_title (doc), ==, "multi-page — Microsoft 365");
    check_tenant (doc, report);
  }
  /* The older Azure shapes and mscae icons, by name and by number. */
  for (guint i = 0; i < G_N_ELEMENTS (legacy_pages); i++)
    {
      g_autoptr(BwDrawioReport) report = NULL;
      g_autoptr(BwDocument) doc = import_fixture ("multi-page.drawio", legacy_pages[i], &report);

      g_assert_cmpstr (report->page, ==, "Legacy");
      g_assert_cmpuint (report->page_index, ==, 2);
      g_assert_cmpuint (bw_document_get_n_zones (doc), ==, 0);
      assert_node (doc, "n1", "azure.vm", "App VM", NULL, 26, 36);
      assert_node (doc, "n2", "sec.azure-firewall", "Edge firewall", NULL, 426, 46);
      assert_node (doc, "n3", "azure.sql-database", "Orders DB", NULL, 13, 346);
      assert_edge (doc, 0, "protects", "n2", "n1");
      assert_edge (doc, 1, "flow", "n1", "n3");
      assert_valid (doc);
    }
  {
    g_autoptr(BwDocument) doc = bw_drawio_import_file (shipped_catalog (), path, "3", NULL, &error);

    g_assert_null (doc);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    g_assert_cmpstr (error->message, ==,
                     "no page “3” (the pages are “Microsoft 365”, “Legacy”, or their numbers 1 to 2)");
  }
}

static void
test_svg (void)
{
  g_autoptr(BwDrawioReport) report = NULL;
  g_autoptr(BwDocument) doc = import_fixture ("tenant.drawio.svg", NULL, &report);

  g_assert_cmpstr (bw_document_get_title (doc), ==, "tenant");
  g_assert_cmpstr (report->page, ==, "Page-1");
  check_tenant (doc, report);
}

/* A .drawio.png carries its diagram in a text chunk, as draw.io writes it now (tEXt "mxfile")
 * and as it did (zTXt "mxGraphModel"); the same estate as the SVG's. A PNG without one, or cut
 * short, is refused with the reason. */
static void
test_png (void)
{
  const char *names[] = { "tenant.drawio.png", "tenant-legacy.drawio.png" };
  g_autofree char *path = bw_test_source_path ("tests/fixtures/drawio/tenant.drawio.png");
  gsize length = 0;
  g_autofree char *data = bw_test_read_file (path, &length);
  /* The signature and the image header alone. */
  gsize header = 8 + 12 + 13;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(BwDrawioReport) report = NULL;
      g_autoptr(BwDocument) doc = import_fixture (names[i], NULL, &report);

      g_assert_cmpstr (bw_document_get_title (doc), ==, i == 0 ? "tenant" : "tenant-legacy");
      check_tenant (doc, report);
    }
  for (gsize cut = header; cut <= header + 40; cut += 20)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BwDocument) doc = bw_drawio_import (shipped_catalog (), data, cut, NULL, "t", NULL,
                                                    &error);

      g_assert_null (doc);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_nonnull (strstr (error->message, "PNG"));
    }
}

/* A group of one icon and a text box is the icon, captioned by the text; a group of two icons
 * is a Group zone; a box drawn around them is a zone of the kind its label names. */
static void
test_grouped (void)
{
  g_autoptr(BwDrawioReport) report = NULL;
  g_autoptr(BwDocument) doc = import_fixture ("grouped.drawio", NULL, &report);

  g_assert_cmpuint (bw_document_get_n_zones (doc), ==, 2);
  assert_zone (doc, "z1", "zone.branch", "Branch office", NULL, 40, 14, 1200, 626);
  assert_zone (doc, "z3", "zone.group", "Group", "z1", 618, 62, 422, 238);
  g_assert_cmpuint (bw_document_get_n_nodes (doc), ==, 3);
  assert_node (doc, "n2", "m365.entra-id", "Contoso tenant", "z1", 136, 126);
  assert_node (doc, "n4", "onprem.windows-workstation", "Laptop", "z3", 634, 110);
  assert_node (doc, "n5", "onprem.mac-workstation", "Mac", "z3", 834, 124);
  /* Drawn to the group: it joins the icon. */
  assert_edge (doc, 0, "flow", "n4", "n2");
  g_assert_cmpuint (report->n_shapes, ==, 5);
  g_assert_cmpuint (report->skipped->len, ==, 0);
  assert_valid (doc);
}

/* A shape the table does not know, mapped by hand: every shape of its kind becomes the
 * stencil, and the connector to it is kept. */
static void
test_mapped_by_hand (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("BW_SOURCE_DIR"), "tests", "fixtures",
                                            "drawio", "estate.drawio", NULL);
  g_autoptr(GHashTable) mapped = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(BwDrawioReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BwDocument) doc = NULL;

  g_hash_table_insert (mapped, "mxgraph.basic.smiley", "onprem.linux-server");
  g_hash_table_insert (mapped, "text", "azure.vm"); /* text boxes stay text */
  doc = bw_drawio_import_file_mapped (shipped_catalog (), path, NULL, mapped, &report, &error);
  g_assert_no_error (error);
  assert_node (doc, "n11", "onprem.linux-server", "Mascot", NULL, 1026, 1346);
  g_assert_cmpuint (report->n_edges_kept, ==, 7);
  assert_edge (doc, 6, "flow", "n10", "n11");
  g_assert_cmpuint (report->skipped->len, ==, 3);
  assert_skipped (report, 0, BW_DRAWIO_SKIPPED_TEXT, "title", "Contoso estate", "text");
  assert_valid (doc);
}

/* Every stencil of the catalog can come out of the table, and the table names no other. */
static void
test_table_reaches_every_stencil (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) targets = bw_drawio_dup_table_targets (&error);
  BwCatalog *catalog = shipped_catalog ();

  g_assert_no_error (error);
  for (guint i = 0; i < bw_catalog_get_n_stencils (catalog); i++)
    {
      const char *id = bw_catalog_get_stencil (catalog, i)->id;

      g_test_message ("stencil %s", id);
      g_assert_true (g_strv_contains ((const char *const *) targets, id));
    }
  for (guint i = 0; targets[i] != NULL; i++)
    g_assert_nonnull (bw_catalog_lookup_stencil (catalog, targets[i]));
}

static void
test_table_lookups (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BwDrawioMap) map = bw_drawio_map_load_default (&error);

  g_assert_no_error (error);
  g_assert_cmpstr (bw_drawio_map_lookup_image (map, "https://app.diagrams.net/img/lib/azure2/security/Key_Vaults.svg"), ==, "sec.key-vault");
  g_assert_cmpstr (bw_drawio_map_lookup_image (map, "img/lib/azure2/networking/Firewalls.svg"), ==, "sec.azure-firewall");
  g_assert_cmpstr (bw_drawio_map_lookup_image (map, "img/lib/mscae/NSG.svg"), ==, "sec.nsg");
  g_assert_cmpstr (bw_drawio_map_lookup_shape (map, "mxgraph.azure.virtual_machine"), ==, "azure.vm");
  g_assert_cmpstr (bw_drawio_map_lookup_shape (map, "mxgraph.office.servers.exchange_server"), ==, "m365.exchange");
  g_assert_cmpstr (bw_drawio_map_lookup_shape (map, "mxgraph.mscae.enterprise.domain_controller"), ==, "onprem.ad-ds");
  g_assert_cmpstr (bw_drawio_map_lookup_keyword (map, "Microsoft Sentinel"), ==, "mon.sentinel");
  g_assert_cmpstr (bw_drawio_map_lookup_keyword (map, "Defender for Endpoint (P2)"), ==, "sec.defender-for-endpoint");
  g_assert_cmpstr (bw_drawio_map_lookup_keyword (map, "Web-VM-01"), ==, "azure.vm");
  g_assert_cmpstr (bw_drawio_map_lookup_keyword (map, "VMware host"), ==, "onprem.esxi");
  g_assert_null (bw_drawio_map_lookup_keyword (map, "Marketing"));
  /* Plurals, as icon files are named. */
  g_assert_cmpstr (bw_drawio_map_lookup_keyword (map, "Function_Apps"), ==, "azure.app-service");
  g_assert_cmpstr (bw_drawio_map_lookup_keyword (map, "Virtual_Machines"), ==, "azure.vm");
  g_assert_cmpstr (bw_drawio_map_lookup_keyword (map, "Storage_Accounts"), ==, "azure.storage");
  g_assert_cmpstr (bw_drawio_map_lookup_keyword (map, "Entra ID"), ==, "m365.entra-id");
  g_assert_cmpstr (bw_drawio_map_lookup_zone (map, "On-premises datacenter"), ==, "zone.onprem");
  g_assert_cmpstr (bw_drawio_map_lookup_zone (map, "Spoke VNet"), ==, "zone.vnet");
  g_assert_cmpstr (bw_drawio_map_lookup_zone (map, "Subnet in the spoke VNet"), ==, "zone.subnet");
  g_assert_cmpstr (bw_drawio_map_lookup_zone (map, "Perimeter"), ==, "zone.dmz");
  g_assert_null (bw_drawio_map_lookup_zone (map, "Tier 1"));
}

static void
test_label_text (void)
{
  const struct
  {
    const char *label;
    gboolean    html;
    const char *text;
  } cases[] = {
    { "<b>Exchange</b><br>Online", TRUE, "Exchange Online" },
    { "<div>Web&nbsp;VM</div><div>10.0.0.4</div>", TRUE, "Web VM 10.0.0.4" },
    { "A &amp; B &lt;C&gt; &#233;&#x20AC; &bogus; &", TRUE, "A & B <C> é€ &bogus; &" },
    { "<span style=\"a>b\">x</span>", TRUE, "x" },
    { "line\none\t two", FALSE, "line one two" },
    { "<b>kept</b> &amp;", FALSE, "<b>kept</b> &amp;" },
    { "  ", TRUE, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = bw_drawio_label_text (cases[i].label, cases[i].html);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static char *
deflate_base64 (const char *data,
                gsize       length)
{
  z_stream stream = { 0 };
  gsize bound;
  g_autofree guchar *out = NULL;

  g_assert_cmpint (deflateInit2 (&stream, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY), ==, Z_OK);
  bound = deflateBound (&stream, length);
  out = g_malloc (bound);
  stream.next_in = (guchar *) data;
  stream.avail_in = length;
  stream.next_out = out;
  stream.avail_out = bound;
  g_assert_cmpint (deflate (&stream, Z_FINISH), ==, Z_STREAM_END);
  deflateEnd (&stream);
  return g_base64_encode (out, stream.total_out);
}

static void
test_payload (void)
{
  const char *xml = "%3CmxGraphModel%3E%3Croot%2F%3E%3C%2FmxGraphModel%3E";
  g_autofree char *payload = deflate_base64 (xml, strlen (xml));
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  g_autofree char *text = bw_drawio_inflate_payload (payload, 1024, &length, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "<mxGraphModel><root/></mxGraphModel>");
  g_assert_cmpuint (length, ==, strlen (text));

  /* Bounded output: the cap holds however small the input. */
  g_clear_pointer (&text, g_free);
  text = bw_drawio_inflate_payload (payload, 10, &length, &error);
  g_assert_null (text);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_clear_error (&error);

  text = bw_drawio_inflate_payload ("!!!!", 1024, &length, &error);
  g_assert_null (text);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

static void
assert_refused (const char *text,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BwDocument) doc = import_text (text, &error);

  g_assert_null (doc);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, message));
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_hostile_entities (void)
{
  GString *laughs = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE mxfile [\n<!ENTITY lol \"lol\">\n");

  for (guint i = 1; i <= 9; i++)
    {
      g_autofree char *prev = i > 1 ? g_strdup_printf ("%u", i - 1) : g_strdup ("");

      g_string_append_printf (laughs, "<!ENTITY lol%u \"", i);
      for (guint k = 0; k < 10; k++)
        g_string_append_printf (laughs, "&lol%s;", prev);
      g_string_append (laughs, "\">\n");
    }
  g_string_append (laughs, "]>\n<mxfile><diagram name=\"&lol9;\"/></mxfile>\n");
  assert_refused (laughs->str, "line 2: a DOCTYPE is not allowed");
  g_string_free (laughs, TRUE);

  assert_refused ("<?xml version=\"1.0\"?>\n<!DOCTYPE mxfile [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                  "<mxfile><diagram name=\"&xxe;\">&xxe;</diagram></mxfile>",
                  "a DOCTYPE is not allowed");
  assert_refused ("<!DOCTYPE mxfile SYSTEM \"http://example.invalid/x.dtd\"><mxfile/>",
                  "a DOCTYPE is not allowed");
  /* An undeclared entity is an error, never looked up. */
  assert_refused ("<mxfile><diagram name=\"&xxe;\"/></mxfile>", "not well-formed XML");
}

static void
test_hostile_nesting (void)
{
  GString *deep = g_string_new ("<mxfile>");
  GString *cells = g_string_new ("<mxGraphModel><root><mxCell id=\"0\"/><mxCell id=\"1\" parent=\"0\"/>");

  for (guint i = 0; i < 100000; i++)
    g_string_append (deep, "<a>");
  assert_refused (deep->str, "not well-formed XML");
  g_string_free (deep, TRUE);

  /* Containers nested past the limit, and parents in a loop. */
  for (guint i = 0; i < 100; i++)
    g_string_append_printf (cells, "<mxCell id=\"c%u\" vertex=\"1\" parent=\"%s%u\"><mxGeometry width=\"10\" height=\"10\" as=\"geometry\"/></mxCell>",
                            i, i ? "c" : "", i ? i - 1 : 1);
  g_string_append (cells, "</root></mxGraphModel>");
  assert_refused (cells->str, "is nested more than 64 deep");
  g_string_free (cells, TRUE);

  /* Within the limit, far-flung offsets still make a file that loads. */
  cells = g_string_new ("<mxGraphModel><root><mxCell id=\"0\"/><mxCell id=\"1\" parent=\"0\"/>");
  for (guint i = 0; i < 60; i++)
    g_string_append_printf (cells, "<mxCell id=\"c%u\" value=\"VNet\" style=\"container=1;\" vertex=\"1\" parent=\"%s%u\">"
                            "<mxGeometry x=\"1e9\" y=\"-999999\" width=\"1e9\" height=\"10\" as=\"geometry\"/></mxCell>",
                            i, i ? "c" : "", i ? i - 1 : 1);
  g_string_append (cells, "<mxCell id=\"vm\" value=\"VM\" style=\"image;image=img/lib/azure2/compute/Virtual_Machine.svg;\" vertex=\"1\" parent=\"c59\">"
                          "<mxGeometry x=\"-1e6\" width=\"64\" height=\"64\" as=\"geometry\"/></mxCell></root></mxGraphModel>");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BwDocument) doc = import_text (cells->str, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (bw_document_get_n_zones (doc), ==, 60);
    assert_valid (doc);
  }
  g_string_free (cells, TRUE);
  assert_refused ("<mxGraphModel><root><mxCell id=\"a\" vertex=\"1\" parent=\"b\"/>"
                  "<mxCell id=\"b\" vertex=\"1\" parent=\"a\"/></root></mxGraphModel>",
                  "or its parents form a loop");
}

static void
test_hostile_payload (void)
{
  /* 65 MiB of one letter deflates to some 65 KiB: refused at the cap, in bounded memory. */
  gsize big = ((gsize) 65 << 20);
  g_autofree char *zeros = g_malloc (big);
  g_autofree char *payload = NULL;
  g_autofree char *file = NULL;
  gint64 start = g_get_monotonic_time ();

  memset (zeros, 'A', big);
  payload = deflate_base64 (zeros, big);
  g_clear_pointer (&zeros, g_free);
  file = g_strdup_printf ("<mxfile><diagram name=\"bomb\">%s</diagram></mxfile>", payload);
  assert_refused (file, "page “bomb”: the compressed page inflates to more than 64 MiB");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);
}

static void
test_not_a_diagram (void)
{
  assert_refused ("{\"format\": \"bulwark\"}", "line 1: not well-formed XML");
  assert_refused ("<?xml version=\"1.0\"?>\n<html><body/></html>", "line 2: not a draw.io diagram (the document is <html>");
  assert_refused ("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "an SVG without a draw.io diagram");
  assert_refused ("<mxfile/>", "the diagram has no pages");
  assert_refused ("<mxfile><diagram name=\"P\">bm90IGRlZmxhdGU=</diagram></mxfile>", "page “P”: the compressed page is damaged");
  assert_refused ("", "the file is empty");
}

/* A filled text box drawn behind shapes holds them, as a zone. */
static void
test_text_box_behind (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BwDocument) doc = import_text (
    "<mxGraphModel><root><mxCell id=\"0\"/><mxCell id=\"1\" parent=\"0\"/>"
    "<mxCell id=\"bg\" value=\"Azure Cloud\" style=\"text;html=1;fillColor=#dae8fc;\" vertex=\"1\" parent=\"1\">"
    "<mxGeometry x=\"0\" y=\"0\" width=\"300\" height=\"200\" as=\"geometry\"/></mxCell>"
    "<mxCell id=\"kv\" value=\"Secrets\" style=\"image;image=img/lib/azure2/security/Key_Vaults.svg\" vertex=\"1\" parent=\"1\">"
    "<mxGeometry x=\"100\" y=\"80\" width=\"68\" height=\"68\" as=\"geometry\"/></mxCell>"
    "</root></mxGraphModel>", &error);

  g_assert_no_error (error);
  assert_zone (doc, "z1", "zone.azure", "Azure Cloud", NULL, 40, 40, 600, 400);
  assert_node (doc, "n2", "sec.key-vault", "Secrets", "z1", 244, 224);
}

/* An icon with its caption as a child cell stays the icon, captioned; a connector drawn to the
 * caption joins the icon. */
static void
test_icon_with_caption_child (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BwDrawioReport) report = NULL;
  const char *text =
    "<mxGraphModel><root><mxCell id=\"0\"/><mxCell id=\"1\" parent=\"0\"/>"
    "<mxCell id=\"vm\" value=\"\" style=\"image;image=img/lib/azure2/compute/Virtual_Machine.svg;\" vertex=\"1\" parent=\"1\">"
    "<mxGeometry x=\"0\" y=\"0\" width=\"64\" height=\"64\" as=\"geometry\"/></mxCell>"
    "<mxCell id=\"cap\" value=\"App VM\" style=\"text;html=1;\" vertex=\"1\" parent=\"vm\">"
    "<mxGeometry x=\"0\" y=\"70\" width=\"64\" height=\"20\" as=\"geometry\"/></mxCell>"
    "<mxCell id=\"kv\" value=\"Vault\" style=\"image;image=img/lib/azure2/security/Key_Vaults.svg;\" vertex=\"1\" parent=\"1\">"
    "<mxGeometry x=\"200\" y=\"0\" width=\"64\" height=\"64\" as=\"geometry\"/></mxCell>"
    "<mxCell id=\"e\" edge=\"1\" source=\"cap\" target=\"kv\" parent=\"1\"/>"
    "</root></mxGraphModel>";
  g_autoptr(BwDocument) doc = bw_drawio_import (shipped_catalog (), text, strlen (text), NULL, "t",
                                                &report, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (bw_document_get_n_zones (doc), ==, 0);
  assert_node (doc, "n1", "azure.vm", "App VM", NULL, 40, 60);
  g_assert_cmpuint (report->skipped->len, ==, 0);
  /* Drawn VM → Key Vault; the vault is a service, so the rules admit it the other way. */
  g_assert_cmpuint (report->n_edges_kept, ==, 1);
  g_assert_cmpuint (report->n_edges_reversed, ==, 1);
  assert_edge (doc, 0, "protects", "n2", "n1");
}

/* draw.io's placeholders: %name% in a wrapper's label is the wrapper's attribute. */
static void
test_placeholders (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BwDocument) doc = import_text (
    "<mxGraphModel><root><mxCell id=\"0\"/><mxCell id=\"1\" parent=\"0\"/>"
    "<object id=\"vm\" label=\"%host% (%os%) 100%% %nope% %\" host=\"web01\" os=\"Linux\" placeholders=\"1\">"
    "<mxCell style=\"image;image=img/lib/azure2/compute/Virtual_Machine.svg;\" vertex=\"1\" parent=\"1\">"
    "<mxGeometry width=\"64\" height=\"64\" as=\"geometry\"/></mxCell></object>"
    "<object id=\"vm2\" label=\"%host%\" host=\"web02\">"
    "<mxCell style=\"image;image=img/lib/azure2/compute/Virtual_Machine.svg;\" vertex=\"1\" parent=\"1\">"
    "<mxGeometry x=\"200\" width=\"64\" height=\"64\" as=\"geometry\"/></mxCell></object>"
    "</root></mxGraphModel>", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (bw_document_get_node (doc, 0)->label, ==, "web01 (Linux) 100% %nope% %");
  /* Without placeholders="1" the label is as written. */
  g_assert_cmpstr (bw_document_get_node (doc, 1)->label, ==, "%host%");
}

/* What draw.io does not show is not imported: a cell with visible="0", everything on a hidden
 * layer or in a hidden group, and connectors among them; each is listed as hidden. */
static void
test_hidden_cells (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BwDrawioReport) report = NULL;
  const char *text =
    "<mxGraphModel><root><mxCell id=\"0\"/><mxCell id=\"1\" parent=\"0\"/>"
    "<mxCell id=\"notes\" value=\"Notes\" parent=\"0\" visible=\"0\"/>"
    "<mxCell id=\"vm\" value=\"Shown VM\" style=\"image;image=img/lib/azure2/compute/Virtual_Machine.svg;\" vertex=\"1\" parent=\"1\">"
    "<mxGeometry x=\"0\" y=\"0\" width=\"64\" height=\"64\" as=\"geometry\"/></mxCell>"
    "<mxCell id=\"old\" value=\"Old VM\" style=\"image;image=img/lib/azure2/compute/Virtual_Machine.svg;\" vertex=\"1\" parent=\"1\" visible=\"0\">"
    "<mxGeometry x=\"100\" y=\"0\" width=\"64\" height=\"64\" as=\"geometry\"/></mxCell>"
    "<mxCell id=\"grp\" value=\"\" style=\"group\" vertex=\"1\" parent=\"notes\">"
    "<mxGeometry x=\"0\" y=\"200\" width=\"300\" height=\"200\" as=\"geometry\"/></mxCell>"
    "<mxCell id=\"kv\" value=\"Draft vault\" style=\"image;image=img/lib/azure2/security/Key_Vaults.svg;\" vertex=\"1\" parent=\"grp\">"
    "<mxGeometry x=\"10\" y=\"10\" width=\"64\" height=\"64\" as=\"geometry\"/></mxCell>"
    "<mxCell id=\"e1\" edge=\"1\" source=\"kv\" target=\"vm\" parent=\"notes\"/>"
    "<mxCell id=\"e2\" edge=\"1\" source=\"vm\" target=\"old\" parent=\"1\"/>"
    "</root></mxGraphModel>";
  g_autoptr(BwDocument) doc = bw_drawio_import (shipped_catalog (), text, strlen (text), NULL, "t",
                                                &report, &error);
  const char *hidden[] = { "old", "grp", "kv", "e1" };

  g_assert_no_error (error);
  g_assert_cmpuint (bw_document_get_n_nodes (doc), ==, 1);
  g_assert_cmpstr (bw_document_get_node (doc, 0)->label, ==, "Shown VM");
  g_assert_cmpuint (bw_document_get_n_zones (doc), ==, 0);
  g_assert_cmpuint (bw_document_get_n_edges (doc), ==, 0);
  g_assert_cmpuint (report->n_shapes, ==, 1);
  g_assert_cmpuint (report->skipped->len, ==, G_N_ELEMENTS (hidden) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (hidden); i++)
    {
      const BwDrawioSkipped *s = report->skipped->pdata[i];

      g_assert_cmpint (s->kind, ==, BW_DRAWIO_SKIPPED_HIDDEN);
      g_assert_cmpstr (s->cell, ==, hidden[i]);
    }
  /* The connector to the hidden VM has only one end left. */
  g_assert_cmpint (((BwDrawioSkipped *) report->skipped->pdata[4])->kind, ==,
                   BW_DRAWIO_SKIPPED_EDGE);
}

static void
test_empty_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BwDocument) doc = import_text ("<mxfile><diagram name=\"Blank\"/></mxfile>", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (bw_document_get_n_nodes (doc), ==, 0);
  g_assert_cmpuint (bw_document_get_n_zones (doc), ==, 0);
}

static char *
fixture_copy (const char *dir,
              const char *name)
{
  g_autofree char *source = g_build_filename (g_getenv ("BW_SOURCE_DIR"), "tests", "fixtures",
                                              "drawio", name, NULL);
  g_autofree char *data = bw_test_read_file (source, NULL);
  char *target = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (target, data, -1, NULL));
  return target;
}

static void
test_cli (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bulwark-drawio-XXXXXX", NULL);
  g_autofree char *diagram = fixture_copy (dir, "estate.drawio");
  g_autofree char *beside = g_build_filename (dir, "estate.bulwark", NULL);
  g_autofree char *other = g_build_filename (dir, "other.bulwark", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *first = NULL;
  g_autofree char *bad = g_build_filename (dir, "bad.drawio", NULL);
  const char *import_args[] = { "import-drawio", diagram, NULL };
  const char *other_args[] = { "import-drawio", diagram, "-o", other, "--page", "1", NULL };
  const char *validate_args[] = { "validate", beside, NULL };
  const char *bad_args[] = { "import-drawio", bad, "-o", other, NULL };
  const char *page_args[] = { "import-drawio", diagram, "-o", other, "--page", "Nope", NULL };

  g_assert_cmpint (bw_test_run_bulwark (import_args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "page “Estate” (1 of 1) imported into"));
  g_assert_nonnull (strstr (out, "6 nodes and 4 zones from 12 shapes, 6 of 9 connectors (1 reversed)"));
  g_assert_nonnull (strstr (out, "  shape “Mascot” (mxgraph.basic.smiley, cell smile): no stencil matches it\n"));
  g_assert_nonnull (strstr (out, "  text “Contoso estate” (cell title)\n"));
  g_assert_nonnull (strstr (out, "  connector e8: it is not joined to a shape at both ends\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  first = bw_test_read_file (beside, NULL);

  g_assert_cmpint (bw_test_run_bulwark (validate_args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "valid (4 zones, 6 nodes, 6 edges)"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Never over a file already there. */
  g_assert_cmpint (bw_test_run_bulwark (import_args, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "estate.bulwark: already exists; name another file with -o\n"));
  g_assert_cmpstr (strchr (err, '\n'), ==, "\n");
  {
    g_autofree char *after = bw_test_read_file (beside, NULL);

    g_assert_cmpstr (after, ==, first);
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* -o and --page; the same project. */
  g_assert_cmpint (bw_test_run_bulwark (other_args, &out, &err), ==, 0);
  {
    g_autofree char *written = bw_test_read_file (other, NULL);

    g_assert_cmpstr (written, ==, first);
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_true (g_file_set_contents (bad, "<mxfile><diagram>", -1, NULL));
  g_assert_cmpint (bw_test_run_bulwark (bad_args, &out, &err), ==, 2);
  g_assert_true (g_str_has_prefix (err, "bulwark: "));
  g_assert_nonnull (strstr (err, "bad.drawio: line 1: not well-formed XML"));
  g_assert_cmpstr (strchr (err, '\n'), ==, "\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (bw_test_run_bulwark (page_args, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "no page “Nope”"));
  g_assert_cmpstr (strchr (err, '\n'), ==, "\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A 2 GB file (sparse) is refused before it is read. */
  {
    int fd = g_open (bad, O_WRONLY | O_TRUNC, 0644);

    g_assert_cmpint (fd, >=, 0);
    g_assert_cmpint (ftruncate (fd, (off_t) 2 << 30), ==, 0);
    close (fd);
  }
  g_assert_cmpint (bw_test_run_bulwark (bad_args, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "is larger than 64.0"));
  g_assert_cmpstr (strchr (err, '\n'), ==, "\n");
  g_unlink (bad);

  bw_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *home = g_dir_make_tmp ("bulwark-drawio-home-XXXXXX", NULL);

  /* The shipped catalog, whatever the user has imported. */
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/drawio/estate", test_estate);
  g_test_add_func ("/drawio/bare-model", test_bare_model);
  g_test_add_func ("/drawio/multi-page", test_multi_page);
  g_test_add_func ("/drawio/svg", test_svg);
  g_test_add_func ("/drawio/png", test_png);
  g_test_add_func ("/drawio/grouped", test_grouped);
  g_test_add_func ("/drawio/mapped-by-hand", test_mapped_by_hand);
  g_test_add_func ("/drawio/table/reaches-every-stencil", test_table_reaches_every_stencil);
  g_test_add_func ("/drawio/table/lookups", test_table_lookups);
  g_test_add_func ("/drawio/label-text", test_label_text);
  g_test_add_func ("/drawio/payload", test_payload);
  g_test_add_func ("/drawio/hostile/entities", test_hostile_entities);
  g_test_add_func ("/drawio/hostile/nesting", test_hostile_nesting);
  g_test_add_func ("/drawio/hostile/payload", test_hostile_payload);
  g_test_add_func ("/drawio/not-a-diagram", test_not_a_diagram);
  g_test_add_func ("/drawio/hidden-cells", test_hidden_cells);
  g_test_add_func ("/drawio/empty-page", test_empty_page);
  g_test_add_func ("/drawio/placeholders", test_placeholders);
  g_test_add_func ("/drawio/text-box-behind", test_text_box_behind);
  g_test_add_func ("/drawio/icon-with-caption-child", test_icon_with_caption_child);
  g_test_add_func ("/drawio/cli", test_cli);
  return g_test_run ();
}
