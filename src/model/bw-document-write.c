/* bw-document-write.c: a project file's canonical text (DESIGN §3): fixed key order, two-space
 * indent, numbers as short as they round-trip, a final newline; the same document always gives
 * the same bytes. */
#include "config.h"

#include <string.h>

#include "bw-document-io.h"
#include "bw-document-io-private.h"
#include "bw-document-private.h"
#include "bw-json-writer.h"

void
bw_document_append_path_segment (GString    *path,
                                 const char *key)
{
  g_string_append_c (path, '/');
  for (const char *p = key; *p; p++)
    if (*p == '~')
      g_string_append (path, "~0");
    else if (*p == '/')
      g_string_append (path, "~1");
    else
      g_string_append_c (path, *p);
}

/* Where a value is inside a node's props, for the numbers kept as read; NULL when the
 * document keeps none. */
typedef struct
{
  BwDocument *doc;
  GString    *path;
} NumberPlace;

static void write_props_value (BwJsonWriter *w, JsonNode *node, NumberPlace *place);

static void
write_props_object (BwJsonWriter *w,
                    JsonObject   *object,
                    NumberPlace  *place)
{
  g_autoptr(GList) members = json_object_get_members (object);

  bw_json_writer_begin_object (w);
  for (GList *l = members; l != NULL; l = l->next)
    {
      gsize length = place ? place->path->len : 0;

      if (place != NULL)
        bw_document_append_path_segment (place->path, l->data);
      bw_json_writer_member (w, l->data);
      write_props_value (w, json_object_get_member (object, l->data), place);
      if (place != NULL)
        g_string_truncate (place->path, length);
    }
  bw_json_writer_end_object (w);
}

static void
write_props_array (BwJsonWriter *w,
                   JsonArray    *array,
                   NumberPlace  *place)
{
  guint n = json_array_get_length (array);

  bw_json_writer_begin_array (w);
  for (guint i = 0; i < n; i++)
    {
      gsize length = place ? place->path->len : 0;

      if (place != NULL)
        g_string_append_printf (place->path, "/%u", i);
      write_props_value (w, json_array_get_element (array, i), place);
      if (place != NULL)
        g_string_truncate (place->path, length);
    }
  bw_json_writer_end_array (w);
}

static void
write_props_number (BwJsonWriter *w,
                    JsonNode     *node,
                    NumberPlace  *place)
{
  const char *text = place ? bw_document_get_number_text (place->doc, place->path->str) : NULL;
  gboolean integral = json_node_get_value_type (node) == G_TYPE_INT64;
  double now = integral ? (double) json_node_get_int (node) : json_node_get_double (node);

  /* As read, unless the value has changed since. */
  if (text != NULL && g_ascii_strtod (text, NULL) == now)
    bw_json_writer_raw_number (w, text);
  else if (integral)
    bw_json_writer_int (w, json_node_get_int (node));
  else
    bw_json_writer_number (w, now);
}

static void
write_props_value (BwJsonWriter *w,
                   JsonNode     *node,
                   NumberPlace  *place)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    bw_json_writer_null (w);
  else if (JSON_NODE_HOLDS_OBJECT (node))
    write_props_object (w, json_node_get_object (node), place);
  else if (JSON_NODE_HOLDS_ARRAY (node))
    write_props_array (w, json_node_get_array (node), place);
  else
    switch (json_node_get_value_type (node))
      {
      case G_TYPE_STRING:
        bw_json_writer_string (w, json_node_get_string (node));
        break;
      case G_TYPE_BOOLEAN:
        bw_json_writer_boolean (w, json_node_get_boolean (node));
        break;
      default:
        write_props_number (w, node, place);
        break;
      }
}




static void
write_settings (BwJsonWriter *w,
                BwDocument   *doc)
{
  const char *const *techniques = bw_document_get_threat_techniques (doc);
  const char *const *overrides = bw_document_get_licence_overrides (doc);

  bw_json_writer_member (w, "settings");
  bw_json_writer_begin_object (w);
  bw_json_writer_number_member (w, "gap_threshold", bw_document_get_gap_threshold (doc));
  bw_json_writer_strv_member (w, "threat_groups", bw_document_get_threat_groups (doc));
  /* Written only when set, so files without a layer focus or a licence keep their bytes. */
  if (techniques[0] != NULL)
    bw_json_writer_strv_member (w, "threat_techniques", techniques);
  if (bw_document_get_licence (doc) != NULL)
    bw_json_writer_string_member (w, "licence", bw_document_get_licence (doc));
  if (overrides[0] != NULL)
    {
      bw_json_writer_member (w, "licence_overrides");
      bw_json_writer_begin_object (w);
      for (guint i = 0; overrides[i] != NULL; i += 2)
        bw_json_writer_string_member (w, overrides[i], overrides[i + 1]);
      bw_json_writer_end_object (w);
    }
  bw_json_writer_end_object (w);
}

/* When only the length is wanted, what has been written so far is counted and dropped after
 * each object, so measuring a large document needs no memory for its text. */
static inline void
flush_counted (GString *out,
               gsize   *counted)
{
  if (counted != NULL)
    {
      *counted += out->len;
      g_string_truncate (out, 0);
    }
}

static void
write_zones (BwJsonWriter *w,
             BwDocument   *doc,
             GString      *out,
             gsize        *counted)
{
  bw_json_writer_member (w, "zones");
  bw_json_writer_begin_array (w);
  for (guint i = 0; i < bw_document_get_n_zones (doc); i++)
    {
      const BwZone *z = bw_document_get_zone (doc, i);

      bw_json_writer_begin_object (w);
      bw_json_writer_string_member (w, "id", z->id);
      bw_json_writer_string_member (w, "kind", z->kind);
      bw_json_writer_string_member (w, "label", z->label);
      bw_json_writer_member (w, "parent");
      bw_json_writer_nullable_string (w, z->parent);
      bw_json_writer_number_member (w, "x", z->x);
      bw_json_writer_number_member (w, "y", z->y);
      bw_json_writer_number_member (w, "w", z->w);
      bw_json_writer_number_member (w, "h", z->h);
      bw_json_writer_end_object (w);
      flush_counted (out, counted);
    }
  bw_json_writer_end_array (w);
}

static void
write_nodes (BwJsonWriter *w,
             BwDocument   *doc,
             GString      *out,
             gsize        *counted)
{
  gboolean number_texts = bw_document_has_number_texts (doc);
  g_autoptr(GString) path = g_string_new (NULL);

  bw_json_writer_member (w, "nodes");
  bw_json_writer_begin_array (w);
  for (guint i = 0; i < bw_document_get_n_nodes (doc); i++)
    {
      const BwNode *node = bw_document_get_node (doc, i);
      NumberPlace place = { doc, path };

      bw_json_writer_begin_object (w);
      bw_json_writer_string_member (w, "id", node->id);
      bw_json_writer_string_member (w, "kind", node->kind);
      bw_json_writer_string_member (w, "label", node->label);
      bw_json_writer_member (w, "zone");
      bw_json_writer_nullable_string (w, node->zone);
      bw_json_writer_number_member (w, "x", node->x);
      bw_json_writer_number_member (w, "y", node->y);
      bw_json_writer_member (w, "props");
      if (number_texts)
        {
          g_string_assign (path, node->id);
          g_string_append_c (path, '\x1f');
        }
      write_props_object (w, node->props, number_texts ? &place : NULL);
      bw_json_writer_end_object (w);
      flush_counted (out, counted);
    }
  bw_json_writer_end_array (w);
}

static void
write_edges (BwJsonWriter *w,
             BwDocument   *doc,
             GString      *out,
             gsize        *counted)
{
  bw_json_writer_member (w, "edges");
  bw_json_writer_begin_array (w);
  for (guint i = 0; i < bw_document_get_n_edges (doc); i++)
    {
      const BwEdge *e = bw_document_get_edge (doc, i);

      bw_json_writer_begin_object (w);
      bw_json_writer_string_member (w, "id", e->id);
      bw_json_writer_string_member (w, "kind", bw_edge_kind_to_string (e->kind));
      bw_json_writer_string_member (w, "from", e->from);
      bw_json_writer_string_member (w, "to", e->to);
      bw_json_writer_end_object (w);
      flush_counted (out, counted);
    }
  bw_json_writer_end_array (w);
}

static void
write_document (BwDocument *doc,
                GString    *out,
                gsize      *counted)
{
  g_autoptr(BwJsonWriter) w = bw_json_writer_new (out, BW_JSON_STYLE_PROJECT);

  bw_json_writer_begin_object (w);
  bw_json_writer_string_member (w, "format", "bulwark");
  bw_json_writer_member (w, "version");
  bw_json_writer_int (w, BW_DOCUMENT_FORMAT_VERSION);
  bw_json_writer_string_member (w, "title", bw_document_get_title (doc));
  bw_json_writer_member (w, "catalog");
  bw_json_writer_begin_object (w);
  bw_json_writer_string_member (w, "attack", bw_document_get_attack_version (doc));
  bw_json_writer_end_object (w);
  write_settings (w, doc);
  write_zones (w, doc, out, counted);
  write_nodes (w, doc, out, counted);
  write_edges (w, doc, out, counted);
  bw_json_writer_end_object (w);
  flush_counted (out, counted);
}

char *
bw_document_to_data (BwDocument *doc,
                     gsize      *out_length)
{
  GString *out = g_string_sized_new (4096 + 200 * bw_document_get_n_nodes (doc));

  write_document (doc, out, NULL);
  if (out_length != NULL)
    *out_length = out->len;
  return g_string_free (out, FALSE);
}

gsize
bw_document_get_data_length (BwDocument *doc)
{
  g_autoptr(GString) out = g_string_sized_new (64 * 1024);
  gsize counted = 0;

  write_document (doc, out, &counted);
  return counted;
}
