/* bw-document-io.c: reads and writes `*.bulwark` project files. Reading checks everything and
 * names the place of the first problem; writing is canonical (the same document always gives
 * the same bytes) and atomic. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bw-document-io.h"
#include "bw-document-private.h"
#include "bw-json-writer.h"

#define MAX_BYTES   (256 * 1024 * 1024)
#define MAX_OBJECTS 1000000

G_DEFINE_QUARK (bw-document-error-quark, bw_document_error)

/* Reading */

typedef struct
{
  BwDocument *doc;
  GError    **error;
} Reader;

static gboolean
fail (GError     **error,
      int          code,
      const char  *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError     **error,
      int          code,
      const char  *format,
      ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, BW_DOCUMENT_ERROR, code, message);
  return FALSE;
}

static const char *
type_name (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return "null";
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("an array");
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_BOOLEAN:
      return _("a boolean");
    default:
      return _("a number");
    }
}

static gboolean
is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_number (JsonNode *node)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

/* A required string member; `path` is like "nodes[3]". */
static const char *
get_string (JsonObject  *object,
            const char  *path,
            const char  *key,
            gboolean     required,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    {
      if (required)
        fail (error, BW_DOCUMENT_ERROR_INVALID, _("%s.%s: missing"), path, key);
      return NULL;
    }
  if (!is_string (node))
    {
      fail (error, BW_DOCUMENT_ERROR_INVALID, _("%s.%s: expected a string, found %s"), path, key,
            type_name (node));
      return NULL;
    }
  return json_node_get_string (node);
}

/* An optional string or null; *ok tells whether it was well-typed. */
static const char *
get_nullable_string (JsonObject  *object,
                     const char  *path,
                     const char  *key,
                     gboolean    *ok,
                     GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  *ok = TRUE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!is_string (node))
    {
      *ok = FALSE;
      fail (error, BW_DOCUMENT_ERROR_INVALID, _("%s.%s: expected a string or null, found %s"), path,
            key, type_name (node));
      return NULL;
    }
  return json_node_get_string (node);
}

static gboolean
get_number (JsonObject  *object,
            const char  *path,
            const char  *key,
            double       min,
            double       max,
            double      *out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);
  double v;

  if (node == NULL)
    return fail (error, BW_DOCUMENT_ERROR_INVALID, _("%s.%s: missing"), path, key);
  if (!is_number (node))
    return fail (error, BW_DOCUMENT_ERROR_INVALID, _("%s.%s: expected a number, found %s"), path,
                 key, type_name (node));
  v = json_node_get_double (node);
  if (!isfinite (v))
    return fail (error, BW_DOCUMENT_ERROR_INVALID, _("%s.%s: not a finite number"), path, key);
  if (v < min || v > max)
    return fail (error, BW_DOCUMENT_ERROR_INVALID, _("%s.%s: %g is out of range (%g to %g)"), path,
                 key, v, min, max);
  *out = v;
  return TRUE;
}

static gboolean
check_id (Reader      *r,
          GHashTable  *seen,
          const char  *path,
          const char  *id)
{
  const char *first;

  if (*id == '\0')
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s.id: empty"), path);
  if (strlen (id) > 256)
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s.id: longer than 256 bytes"), path);
  if ((first = g_hash_table_lookup (seen, id)) != NULL)
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s.id: duplicate id \"%s\" (first used at %s)"),
                 path, id, first);
  g_hash_table_insert (seen, (gpointer) id, g_strdup (path));
  return TRUE;
}

static gboolean
check_kind (Reader     *r,
            const char *path,
            const char *kind)
{
  if (*kind == '\0')
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s.kind: empty"), path);
  for (const char *p = kind; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '.' || *p == '-' || *p == '_'))
      return fail (r->error, BW_DOCUMENT_ERROR_INVALID,
                   _("%s.kind: \"%s\" is not a kind (lower-case letters, digits, dots and dashes)"), path,
                   kind);
  return TRUE;
}

static gboolean
check_label (Reader     *r,
             const char *path,
             const char *label)
{
  if (label != NULL && g_utf8_strlen (label, -1) > BW_DOCUMENT_MAX_LABEL)
    return fail (r->error, BW_DOCUMENT_ERROR_TOO_LARGE, _("%s.label: longer than %d characters"),
                 path, BW_DOCUMENT_MAX_LABEL);
  return TRUE;
}

static JsonArray *
get_array (Reader     *r,
           JsonObject *root,
           const char *key)
{
  JsonNode *node = json_object_get_member (root, key);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s: expected an array, found %s"), key,
            type_name (node));
      return NULL;
    }
  if (json_array_get_length (json_node_get_array (node)) > MAX_OBJECTS)
    {
      fail (r->error, BW_DOCUMENT_ERROR_TOO_LARGE, _("%s: more than %d entries"), key, MAX_OBJECTS);
      return NULL;
    }
  return json_node_get_array (node);
}

static JsonObject *
element_object (Reader     *r,
                JsonArray  *array,
                guint       i,
                const char *path)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s: expected an object, found %s"), path,
            type_name (node));
      return NULL;
    }
  return json_node_get_object (node);
}

static gboolean
read_settings (Reader     *r,
               JsonObject *root)
{
  JsonNode *node = json_object_get_member (root, "settings");
  JsonObject *settings;
  JsonNode *groups;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("settings: expected an object, found %s"),
                 type_name (node));
  settings = json_node_get_object (node);

  if (json_object_has_member (settings, "gap_threshold"))
    {
      double threshold;

      if (!get_number (settings, "settings", "gap_threshold", 0, 1, &threshold, r->error))
        return FALSE;
      bw_document_set_gap_threshold (r->doc, threshold);
    }

  for (guint which = 0; which < 2; which++)
    {
      const char *key = which == 0 ? "threat_groups" : "threat_techniques";
      JsonArray *array;
      g_autoptr(GPtrArray) list = g_ptr_array_new ();

      groups = json_object_get_member (settings, key);
      if (groups == NULL || JSON_NODE_HOLDS_NULL (groups))
        continue;
      if (!JSON_NODE_HOLDS_ARRAY (groups))
        return fail (r->error, BW_DOCUMENT_ERROR_INVALID,
                     _("settings.%s: expected an array, found %s"), key, type_name (groups));
      array = json_node_get_array (groups);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (!is_string (element))
            return fail (r->error, BW_DOCUMENT_ERROR_INVALID,
                         _("settings.%s[%u]: expected a string, found %s"), key, i,
                         type_name (element));
          g_ptr_array_add (list, (gpointer) json_node_get_string (element));
        }
      g_ptr_array_add (list, NULL);
      if (which == 0)
        bw_document_set_threat_groups (r->doc, (const char *const *) list->pdata);
      else
        bw_document_set_threat_techniques (r->doc, (const char *const *) list->pdata);
    }
  return TRUE;
}

static gboolean
read_zones (Reader     *r,
            JsonObject *root,
            GHashTable *seen)
{
  JsonArray *zones = get_array (r, root, "zones");

  if (zones == NULL)
    return *r->error == NULL;

  /* Add every zone without its parent first: parents may come later in the file. */
  for (guint i = 0; i < json_array_get_length (zones); i++)
    {
      g_autofree char *path = g_strdup_printf ("zones[%u]", i);
      JsonObject *o = element_object (r, zones, i, path);
      BwZone zone = { 0 };
      gboolean ok;

      if (o == NULL ||
          (zone.id = (char *) get_string (o, path, "id", TRUE, r->error)) == NULL ||
          !check_id (r, seen, path, zone.id) ||
          (zone.kind = (char *) get_string (o, path, "kind", TRUE, r->error)) == NULL ||
          !check_kind (r, path, zone.kind))
        return FALSE;
      zone.label = (char *) get_string (o, path, "label", FALSE, r->error);
      if (*r->error != NULL || !check_label (r, path, zone.label))
        return FALSE;
      get_nullable_string (o, path, "parent", &ok, r->error);
      if (!ok ||
          !get_number (o, path, "x", -BW_DOCUMENT_MAX_COORD, BW_DOCUMENT_MAX_COORD, &zone.x, r->error) ||
          !get_number (o, path, "y", -BW_DOCUMENT_MAX_COORD, BW_DOCUMENT_MAX_COORD, &zone.y, r->error) ||
          !get_number (o, path, "w", 1e-6, BW_DOCUMENT_MAX_COORD, &zone.w, r->error) ||
          !get_number (o, path, "h", 1e-6, BW_DOCUMENT_MAX_COORD, &zone.h, r->error))
        return FALSE;
      if (bw_document_insert_zone (r->doc, &zone, -1, r->error) == NULL)
        {
          g_prefix_error (r->error, "%s: ", path);
          return FALSE;
        }
    }

  for (guint i = 0; i < json_array_get_length (zones); i++)
    {
      g_autofree char *path = g_strdup_printf ("zones[%u]", i);
      JsonObject *o = json_array_get_object_element (zones, i);
      const char *id = json_object_get_string_member (o, "id");
      gboolean ok;
      const char *parent = get_nullable_string (o, path, "parent", &ok, r->error);

      if (parent == NULL)
        continue;
      if (bw_document_lookup_zone (r->doc, parent) == NULL)
        return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s.parent: no zone \"%s\""), path,
                     parent);
      if (bw_document_zone_is_within (r->doc, parent, id))
        return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s.parent: cycle through \"%s\""), path,
                     parent);
      if (!bw_document_set_parent (r->doc, id, parent, r->error))
        {
          g_prefix_error (r->error, "%s.parent: ", path);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
read_nodes (Reader     *r,
            JsonObject *root,
            GHashTable *seen)
{
  JsonArray *nodes = get_array (r, root, "nodes");

  if (nodes == NULL)
    return *r->error == NULL;

  for (guint i = 0; i < json_array_get_length (nodes); i++)
    {
      g_autofree char *path = g_strdup_printf ("nodes[%u]", i);
      JsonObject *o = element_object (r, nodes, i, path);
      BwNode node = { 0 };
      JsonNode *props;
      gboolean ok;

      if (o == NULL ||
          (node.id = (char *) get_string (o, path, "id", TRUE, r->error)) == NULL ||
          !check_id (r, seen, path, node.id) ||
          (node.kind = (char *) get_string (o, path, "kind", TRUE, r->error)) == NULL ||
          !check_kind (r, path, node.kind))
        return FALSE;
      node.label = (char *) get_string (o, path, "label", FALSE, r->error);
      if (*r->error != NULL || !check_label (r, path, node.label))
        return FALSE;
      node.zone = (char *) get_nullable_string (o, path, "zone", &ok, r->error);
      if (!ok)
        return FALSE;
      if (node.zone != NULL && bw_document_lookup_zone (r->doc, node.zone) == NULL)
        return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s.zone: no zone \"%s\""), path,
                     node.zone);
      if (!get_number (o, path, "x", -BW_DOCUMENT_MAX_COORD, BW_DOCUMENT_MAX_COORD, &node.x, r->error) ||
          !get_number (o, path, "y", -BW_DOCUMENT_MAX_COORD, BW_DOCUMENT_MAX_COORD, &node.y, r->error))
        return FALSE;

      props = json_object_get_member (o, "props");
      if (props != NULL && !JSON_NODE_HOLDS_NULL (props))
        {
          JsonNode *disabled;

          if (!JSON_NODE_HOLDS_OBJECT (props))
            return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s.props: expected an object, found %s"),
                         path, type_name (props));
          node.props = json_node_get_object (props);
          /* The keys Bulwark reads must have the right shape; others are kept as they are. */
          for (guint k = 0; k < 2; k++)
            {
              const char *key = k == 0 ? "disabled_capabilities" : "platforms";

              disabled = json_object_get_member (node.props, key);
              if (disabled == NULL)
                continue;
              if (!JSON_NODE_HOLDS_ARRAY (disabled))
                return fail (r->error, BW_DOCUMENT_ERROR_INVALID,
                             _("%s.props.%s: expected an array, found %s"), path, key,
                             type_name (disabled));
              for (guint j = 0; j < json_array_get_length (json_node_get_array (disabled)); j++)
                {
                  JsonNode *e = json_array_get_element (json_node_get_array (disabled), j);

                  if (!is_string (e))
                    return fail (r->error, BW_DOCUMENT_ERROR_INVALID,
                                 _("%s.props.%s[%u]: expected a string, found %s"), path, key, j,
                                 type_name (e));
                }
            }
        }

      if (bw_document_insert_node (r->doc, &node, -1, r->error) == NULL)
        {
          g_prefix_error (r->error, "%s: ", path);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
read_edges (Reader     *r,
            JsonObject *root,
            GHashTable *seen,
            int         version)
{
  JsonArray *edges = get_array (r, root, "edges");

  if (edges == NULL)
    return *r->error == NULL;

  for (guint i = 0; i < json_array_get_length (edges); i++)
    {
      g_autofree char *path = g_strdup_printf ("edges[%u]", i);
      JsonObject *o = element_object (r, edges, i, path);
      BwEdge edge = { 0 };
      const char *kind;

      if (o == NULL ||
          (edge.id = (char *) get_string (o, path, "id", TRUE, r->error)) == NULL ||
          !check_id (r, seen, path, edge.id) ||
          (kind = get_string (o, path, "kind", TRUE, r->error)) == NULL)
        return FALSE;
      if (!bw_edge_kind_from_string (kind, &edge.kind))
        return fail (r->error, BW_DOCUMENT_ERROR_INVALID,
                     _("%s.kind: unknown edge kind \"%s\" (protects, telemetry or flow)"), path, kind);
      if ((edge.from = (char *) get_string (o, path, "from", TRUE, r->error)) == NULL ||
          (edge.to = (char *) get_string (o, path, "to", TRUE, r->error)) == NULL)
        return FALSE;
      if (bw_document_lookup_node (r->doc, edge.from) == NULL)
        return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s.from: no node \"%s\""), path, edge.from);
      if (bw_document_lookup_node (r->doc, edge.to) == NULL)
        {
          if (bw_document_lookup_zone (r->doc, edge.to) == NULL)
            return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s.to: no node or zone \"%s\""), path,
                         edge.to);
          if (edge.kind != BW_EDGE_PROTECTS)
            return fail (r->error, BW_DOCUMENT_ERROR_INVALID,
                         _("%s.to: a %s edge cannot end at zone \"%s\""), path, kind, edge.to);
        }
      if (g_str_equal (edge.from, edge.to))
        return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s.to: an edge cannot join \"%s\" to itself"),
                     path, edge.to);
      if (bw_document_insert_edge (r->doc, &edge, -1, r->error) == NULL)
        {
          g_prefix_error (r->error, "%s: ", path);
          return FALSE;
        }
    }
  return TRUE;
}

/* Older files, made current in place before they are read. Version 0 (the pre-release format)
 * called an edge's kind its "type". */
static void
migrate_0_to_1 (JsonObject *root)
{
  JsonNode *edges = json_object_get_member (root, "edges");

  if (edges == NULL || !JSON_NODE_HOLDS_ARRAY (edges))
    return;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (edges)); i++)
    {
      JsonNode *e = json_array_get_element (json_node_get_array (edges), i);
      JsonObject *o;

      if (!JSON_NODE_HOLDS_OBJECT (e))
        continue;
      o = json_node_get_object (e);
      if (!json_object_has_member (o, "kind") && json_object_has_member (o, "type"))
        {
          JsonNode *type = json_node_copy (json_object_get_member (o, "type"));

          json_object_remove_member (o, "type");
          json_object_set_member (o, "kind", type);
        }
    }
}

static void (*const migrations[]) (JsonObject *root) = {
  migrate_0_to_1,
};

static gboolean
read_root (Reader   *r,
           JsonNode *root_node)
{
  JsonObject *root;
  JsonNode *node;
  const char *format;
  gint64 version;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  if (root_node == NULL || !JSON_NODE_HOLDS_OBJECT (root_node))
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("(root): expected an object, found %s"),
                 type_name (root_node));
  root = json_node_get_object (root_node);

  if ((format = get_string (root, "(root)", "format", TRUE, r->error)) == NULL)
    {
      g_clear_error (r->error);
      return fail (r->error, BW_DOCUMENT_ERROR_INVALID,
                   _("format: missing or not a string — this is not a Bulwark project"));
    }
  if (!g_str_equal (format, "bulwark"))
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID,
                 _("format: expected \"bulwark\", found \"%s\""), format);

  node = json_object_get_member (root, "version");
  if (node == NULL)
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("version: missing"));
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("version: expected a whole number, found %s"),
                 type_name (node));
  version = json_node_get_int (node);
  if (version > BW_DOCUMENT_FORMAT_VERSION)
    return fail (r->error, BW_DOCUMENT_ERROR_VERSION,
                 _("version: written by a newer Bulwark (format version %" G_GINT64_FORMAT
                   "); this one reads up to %d"),
                 version, BW_DOCUMENT_FORMAT_VERSION);
  if (version < 0)
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("version: %" G_GINT64_FORMAT " is not a version"),
                 version);
  for (gint64 v = version; v < BW_DOCUMENT_FORMAT_VERSION; v++)
    migrations[v](root);

  if (json_object_has_member (root, "title"))
    {
      const char *title = get_string (root, "(root)", "title", FALSE, r->error);

      if (title == NULL)
        {
          g_clear_error (r->error);
          return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("title: expected a string, found %s"),
                       type_name (json_object_get_member (root, "title")));
        }
      bw_document_set_title (r->doc, title);
    }

  node = json_object_get_member (root, "catalog");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      const char *attack;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("catalog: expected an object, found %s"),
                     type_name (node));
      attack = get_string (json_node_get_object (node), "catalog", "attack", FALSE, r->error);
      if (*r->error != NULL)
        return FALSE;
      if (attack != NULL)
        bw_document_set_attack_version (r->doc, attack);
    }

  return read_settings (r, root) && read_zones (r, root, seen) && read_nodes (r, root, seen) &&
         read_edges (r, root, seen, (int) version);
}

/* The data need not end in a NUL: look at `length` bytes only. */
static gboolean
is_blank (const char *data,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;
  return TRUE;
}

BwDocument *
bw_document_load_from_data (const char  *data,
                            gssize       length,
                            GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(BwDocument) doc = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *bad = NULL;
  Reader r;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (data);
  if ((gsize) length > MAX_BYTES)
    {
      fail (error, BW_DOCUMENT_ERROR_TOO_LARGE, _("the file is larger than %d MiB"),
            MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (!g_utf8_validate (data, length, &bad))
    {
      /* Count lines so the place can be found in an editor. */
      guint line = 1;
      const char *line_start = data;

      for (const char *p = data; p < bad; p++)
        if (*p == '\n')
          {
            line++;
            line_start = p + 1;
          }
      fail (error, BW_DOCUMENT_ERROR_PARSE, _("line %u, byte %ld: not UTF-8 text"), line,
            (long) (bad - line_start) + 1);
      return NULL;
    }

  if (is_blank (data, length))
    {
      fail (error, BW_DOCUMENT_ERROR_PARSE, _("the file is empty"));
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib says "<data>:LINE:COLUMN: Parse error: …"; keep the place, drop the stream name. */
      const char *message = local_error ? local_error->message : _("no JSON value");

      if (g_str_has_prefix (message, "<data>:"))
        message += strlen ("<data>:");
      {
        int line = 0;
        int column = 0;
        const char *rest = NULL;

        if (sscanf (message, "%d:%d:", &line, &column) == 2 && (rest = strstr (message, ": ")) != NULL)
          fail (error, BW_DOCUMENT_ERROR_PARSE, _("line %d, column %d: %s"), line, column,
                rest + 2);
        else
          fail (error, BW_DOCUMENT_ERROR_PARSE, _("not valid JSON: %s"), message);
      }
      return NULL;
    }

  doc = bw_document_new ();
  r.doc = doc;
  r.error = &local_error;
  bw_document_begin_batch (doc);
  if (!read_root (&r, json_parser_get_root (parser)))
    {
      if (local_error == NULL)
        fail (&local_error, BW_DOCUMENT_ERROR_INVALID, _("not a valid project"));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  bw_document_end_batch (doc);
  return g_steal_pointer (&doc);
}

BwDocument *
bw_document_load_from_file (const char  *path,
                            GError     **error)
{
  GStatBuf st;
  g_autofree char *contents = NULL;
  gsize length = 0;
  BwDocument *doc;

  if (g_stat (path, &st) == 0 && st.st_size > MAX_BYTES)
    {
      fail (error, BW_DOCUMENT_ERROR_TOO_LARGE, _("the file is larger than %d MiB"),
            MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  doc = bw_document_load_from_data (contents, length, error);
  return doc;
}

/* Writing */

static void write_node_value (GString *out, JsonNode *node, int level);

static void
write_object (GString    *out,
              JsonObject *object,
              int         level)
{
  g_autoptr(GList) members = json_object_get_members (object);

  if (members == NULL)
    {
      g_string_append (out, "{}");
      return;
    }
  g_string_append (out, "{\n");
  for (GList *l = members; l != NULL; l = l->next)
    {
      bw_json_indent (out, level + 1);
      bw_json_write_string (out, l->data);
      g_string_append (out, ": ");
      write_node_value (out, json_object_get_member (object, l->data), level + 1);
      g_string_append (out, l->next ? ",\n" : "\n");
    }
  bw_json_indent (out, level);
  g_string_append_c (out, '}');
}

static void
write_node_value (GString  *out,
                  JsonNode *node,
                  int       level)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    g_string_append (out, "null");
  else if (JSON_NODE_HOLDS_OBJECT (node))
    write_object (out, json_node_get_object (node), level);
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint n = json_array_get_length (array);

      if (n == 0)
        {
          g_string_append (out, "[]");
          return;
        }
      g_string_append (out, "[\n");
      for (guint i = 0; i < n; i++)
        {
          bw_json_indent (out, level + 1);
          write_node_value (out, json_array_get_element (array, i), level + 1);
          g_string_append (out, i + 1 < n ? ",\n" : "\n");
        }
      bw_json_indent (out, level);
      g_string_append_c (out, ']');
    }
  else
    switch (json_node_get_value_type (node))
      {
      case G_TYPE_STRING:
        bw_json_write_string (out, json_node_get_string (node));
        break;
      case G_TYPE_BOOLEAN:
        g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
        break;
      case G_TYPE_INT64:
        g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
        break;
      default:
        bw_json_write_number (out, json_node_get_double (node));
        break;
      }
}

static void
member (GString    *out,
        int         level,
        const char *key)
{
  bw_json_indent (out, level);
  bw_json_write_string (out, key);
  g_string_append (out, ": ");
}

static void
write_nullable (GString    *out,
                const char *s)
{
  if (s == NULL)
    g_string_append (out, "null");
  else
    bw_json_write_string (out, s);
}

char *
bw_document_to_data (BwDocument *doc,
                     gsize      *out_length)
{
  GString *out = g_string_sized_new (4096 + 200 * bw_document_get_n_nodes (doc));
  const char *const *groups = bw_document_get_threat_groups (doc);
  const char *const *techniques = bw_document_get_threat_techniques (doc);
  guint n;

  g_string_append (out, "{\n");
  member (out, 1, "format");
  g_string_append (out, "\"bulwark\",\n");
  member (out, 1, "version");
  g_string_append_printf (out, "%d,\n", BW_DOCUMENT_FORMAT_VERSION);
  member (out, 1, "title");
  bw_json_write_string (out, bw_document_get_title (doc));
  g_string_append (out, ",\n");
  member (out, 1, "catalog");
  g_string_append (out, "{\n");
  member (out, 2, "attack");
  bw_json_write_string (out, bw_document_get_attack_version (doc));
  g_string_append (out, "\n  },\n");
  member (out, 1, "settings");
  g_string_append (out, "{\n");
  member (out, 2, "gap_threshold");
  bw_json_write_number (out, bw_document_get_gap_threshold (doc));
  g_string_append (out, ",\n");
  member (out, 2, "threat_groups");
  if (groups[0] == NULL)
    g_string_append (out, "[]");
  else
    {
      g_string_append (out, "[\n");
      for (guint i = 0; groups[i] != NULL; i++)
        {
          bw_json_indent (out, 3);
          bw_json_write_string (out, groups[i]);
          g_string_append (out, groups[i + 1] ? ",\n" : "\n");
        }
      bw_json_indent (out, 2);
      g_string_append_c (out, ']');
    }
  /* Written only when set, so files without a layer focus keep their exact bytes. */
  if (techniques[0] != NULL)
    {
      g_string_append (out, ",\n");
      member (out, 2, "threat_techniques");
      g_string_append (out, "[\n");
      for (guint i = 0; techniques[i] != NULL; i++)
        {
          bw_json_indent (out, 3);
          bw_json_write_string (out, techniques[i]);
          g_string_append (out, techniques[i + 1] ? ",\n" : "\n");
        }
      bw_json_indent (out, 2);
      g_string_append_c (out, ']');
    }
  g_string_append (out, "\n  },\n");

  member (out, 1, "zones");
  n = bw_document_get_n_zones (doc);
  g_string_append (out, n ? "[\n" : "[]");
  for (guint i = 0; i < n; i++)
    {
      const BwZone *z = bw_document_get_zone (doc, i);

      g_string_append (out, "    {\n");
      member (out, 3, "id");
      bw_json_write_string (out, z->id);
      g_string_append (out, ",\n");
      member (out, 3, "kind");
      bw_json_write_string (out, z->kind);
      g_string_append (out, ",\n");
      member (out, 3, "label");
      bw_json_write_string (out, z->label);
      g_string_append (out, ",\n");
      member (out, 3, "parent");
      write_nullable (out, z->parent);
      g_string_append (out, ",\n");
      member (out, 3, "x");
      bw_json_write_number (out, z->x);
      g_string_append (out, ",\n");
      member (out, 3, "y");
      bw_json_write_number (out, z->y);
      g_string_append (out, ",\n");
      member (out, 3, "w");
      bw_json_write_number (out, z->w);
      g_string_append (out, ",\n");
      member (out, 3, "h");
      bw_json_write_number (out, z->h);
      g_string_append (out, i + 1 < n ? "\n    },\n" : "\n    }\n  ]");
    }
  g_string_append (out, ",\n");

  member (out, 1, "nodes");
  n = bw_document_get_n_nodes (doc);
  g_string_append (out, n ? "[\n" : "[]");
  for (guint i = 0; i < n; i++)
    {
      const BwNode *node = bw_document_get_node (doc, i);

      g_string_append (out, "    {\n");
      member (out, 3, "id");
      bw_json_write_string (out, node->id);
      g_string_append (out, ",\n");
      member (out, 3, "kind");
      bw_json_write_string (out, node->kind);
      g_string_append (out, ",\n");
      member (out, 3, "label");
      bw_json_write_string (out, node->label);
      g_string_append (out, ",\n");
      member (out, 3, "zone");
      write_nullable (out, node->zone);
      g_string_append (out, ",\n");
      member (out, 3, "x");
      bw_json_write_number (out, node->x);
      g_string_append (out, ",\n");
      member (out, 3, "y");
      bw_json_write_number (out, node->y);
      g_string_append (out, ",\n");
      member (out, 3, "props");
      write_object (out, node->props, 3);
      g_string_append (out, i + 1 < n ? "\n    },\n" : "\n    }\n  ]");
    }
  g_string_append (out, ",\n");

  member (out, 1, "edges");
  n = bw_document_get_n_edges (doc);
  g_string_append (out, n ? "[\n" : "[]");
  for (guint i = 0; i < n; i++)
    {
      const BwEdge *e = bw_document_get_edge (doc, i);

      g_string_append (out, "    {\n");
      member (out, 3, "id");
      bw_json_write_string (out, e->id);
      g_string_append (out, ",\n");
      member (out, 3, "kind");
      bw_json_write_string (out, bw_edge_kind_to_string (e->kind));
      g_string_append (out, ",\n");
      member (out, 3, "from");
      bw_json_write_string (out, e->from);
      g_string_append (out, ",\n");
      member (out, 3, "to");
      bw_json_write_string (out, e->to);
      g_string_append (out, i + 1 < n ? "\n    },\n" : "\n    }\n  ]");
    }
  g_string_append (out, "\n}\n");

  if (out_length != NULL)
    *out_length = out->len;
  return g_string_free (out, FALSE);
}

gboolean
bw_document_save_to_file (BwDocument  *document,
                          const char  *path,
                          GError     **error)
{
  gsize length;
  g_autofree char *data = bw_document_to_data (document, &length);

  /* Written beside the target, flushed to disk and renamed over it: a crash or a full disk
   * mid-save leaves the previous file whole. */
  return g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}
