/* bw-document-read.c: the second step of loading a project file: checks the parsed table of
 * values (bw-json-reader.c) against the format of DESIGN §3 and fills the document, naming the
 * place of the first problem ("nodes[3].zone: no zone \"z9\""). */
#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "bw-document-io.h"
#include "bw-document-io-private.h"
#include "bw-document-private.h"
#include "bw-json-writer.h"

typedef struct
{
  BwJsonReader *json;
  BwDocument   *doc;
  GError      **error;
} Reader;

/* "nodes[12]" into `path` (32 bytes): written by hand, as it is for every element of a large
 * file and printf's machinery cost as much as reading the element. */
static void
element_path (char       *path,
              const char *section,
              guint32     index)
{
  char digits[12];
  gsize n = 0;
  gsize length = strlen (section);

  do
    digits[n++] = (char) ('0' + index % 10);
  while ((index /= 10) > 0);
  g_assert (length + n + 2 < 32);
  memcpy (path, section, length);
  path[length++] = '[';
  while (n > 0)
    path[length++] = digits[--n];
  path[length++] = ']';
  path[length] = '\0';
}

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
  if (error != NULL && *error == NULL)
    g_set_error_literal (error, BW_DOCUMENT_ERROR, code, message);
  return FALSE;
}

static inline gboolean
is_null (BwJsonValue *v)
{
  return v == NULL || v->type == BW_JSON_NULL;
}

/* A string member; `path` is like "nodes[3]". NULL with an error when it is missing (and
 * required) or not a string. */
static const char *
get_string (Reader      *r,
            BwJsonValue *object,
            const char  *path,
            const char  *key,
            gboolean     required)
{
  BwJsonValue *v = bw_json_reader_member (r->json, object, key);

  if (v == NULL)
    {
      if (required)
        fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s.%s: missing"), path, key);
      return NULL;
    }
  if (v->type != BW_JSON_STRING)
    {
      fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s.%s: expected a string, found %s"), path, key,
            bw_json_value_type_name (v));
      return NULL;
    }
  return v->u.s;
}

/* An optional string or null; *ok tells whether it was well-typed. */
static const char *
get_nullable_string (Reader      *r,
                     BwJsonValue *object,
                     const char  *path,
                     const char  *key,
                     gboolean    *ok)
{
  BwJsonValue *v = bw_json_reader_member (r->json, object, key);

  *ok = TRUE;
  if (is_null (v))
    return NULL;
  if (v->type != BW_JSON_STRING)
    {
      *ok = FALSE;
      fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s.%s: expected a string or null, found %s"), path,
            key, bw_json_value_type_name (v));
      return NULL;
    }
  return v->u.s;
}

static gboolean
get_number (Reader      *r,
            BwJsonValue *object,
            const char  *path,
            const char  *key,
            double       min,
            double       max,
            double      *out)
{
  BwJsonValue *v = bw_json_reader_member (r->json, object, key);
  double d;

  if (v == NULL)
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s.%s: missing"), path, key);
  if (v->type == BW_JSON_INT)
    d = (double) v->u.i;
  else if (v->type == BW_JSON_DOUBLE)
    d = v->u.d;
  else
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s.%s: expected a number, found %s"), path,
                 key, bw_json_value_type_name (v));
  if (!isfinite (d))
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s.%s: not a finite number"), path, key);
  if (d < min || d > max)
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s.%s: %g is out of range (%g to %g)"), path,
                 key, d, min, max);
  *out = d;
  return TRUE;
}

/* The place in the file of the element the document holds as `id`: zones, nodes and edges
 * go into the empty document in file order, so its index is the one in the file. Only asked
 * for a message. */
static void
first_use (BwDocument *doc,
           const char *id,
           char       *path)
{
  strcpy (path, "?");
  for (guint i = 0; i < bw_document_get_n_zones (doc); i++)
    if (g_str_equal (bw_document_get_zone (doc, i)->id, id))
      element_path (path, "zones", i);
  for (guint i = 0; i < bw_document_get_n_nodes (doc); i++)
    if (g_str_equal (bw_document_get_node (doc, i)->id, id))
      element_path (path, "nodes", i);
  for (guint i = 0; i < bw_document_get_n_edges (doc); i++)
    if (g_str_equal (bw_document_get_edge (doc, i)->id, id))
      element_path (path, "edges", i);
}

static gboolean
check_id (Reader     *r,
          const char *path,
          const char *id)
{
  char first[32];

  if (*id == '\0')
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s.id: empty"), path);
  if (strlen (id) > 256)
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s.id: longer than 256 bytes"), path);
  if (bw_document_has_id (r->doc, id))
    {
      first_use (r->doc, id, first);
      return fail (r->error, BW_DOCUMENT_ERROR_INVALID,
                   _("%s.id: duplicate id \"%s\" (first used at %s)"), path, id, first);
    }
  return TRUE;
}

/* Syntax only: whether a kind names a stencil the catalog knows is checked later, by whoever
 * holds a catalog (bw_cli_check_catalog for `bulwark validate`). */
static gboolean
check_kind (Reader     *r,
            const char *path,
            const char *kind)
{
  if (*kind == '\0')
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s.kind: empty"), path);
  for (const char *p = kind; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '.' || *p == '-'))
      return fail (r->error, BW_DOCUMENT_ERROR_INVALID,
                   _("%s.kind: \"%s\" is not a kind (lower-case letters, digits, dots and dashes)"),
                   path, kind);
  return TRUE;
}

static gboolean
check_text (Reader     *r,
            const char *path,
            const char *key,
            const char *text)
{
  gunichar bad = bw_text_find_noncharacter (text);

  if (bad != 0)
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID,
                 _("%s%s%s: contains the Unicode non-character U+%04X"), path, *path ? "." : "",
                 key, bad);
  return TRUE;
}

static gboolean
check_label (Reader     *r,
             const char *path,
             const char *label)
{
  if (!check_text (r, path, "label", label))
    return FALSE;
  /* Bytes bound characters from above: count only when the bytes could be too many. */
  if (label != NULL && strlen (label) > BW_DOCUMENT_MAX_LABEL &&
      g_utf8_strlen (label, -1) > BW_DOCUMENT_MAX_LABEL)
    return fail (r->error, BW_DOCUMENT_ERROR_TOO_LARGE, _("%s.label: longer than %d characters"),
                 path, BW_DOCUMENT_MAX_LABEL);
  return TRUE;
}

/* A top-level array, or NULL when absent (no error) or wrong (error set). */
static BwJsonValue *
get_array (Reader      *r,
           BwJsonValue *root,
           const char  *key)
{
  BwJsonValue *v = bw_json_reader_member (r->json, root, key);

  /* Absent is an empty list; null is a wrong type, as for every other member. */
  if (v == NULL)
    return NULL;
  if (v->type != BW_JSON_ARRAY)
    {
      fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s: expected an array, found %s"), key,
            bw_json_value_type_name (v));
      return NULL;
    }
  if (v->n > BW_DOCUMENT_MAX_OBJECTS)
    {
      fail (r->error, BW_DOCUMENT_ERROR_TOO_LARGE, _("%s: more than %d entries"), key, BW_DOCUMENT_MAX_OBJECTS);
      return NULL;
    }
  return v;
}

static gboolean
expect_object (Reader      *r,
               BwJsonValue *v,
               const char  *path)
{
  if (v->type != BW_JSON_OBJECT)
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s: expected an object, found %s"), path,
                 bw_json_value_type_name (v));
  return TRUE;
}

/* A list of strings, as settings and props hold them; NULL-terminated, pointing into the table. */
static gboolean
get_string_list (Reader      *r,
                 BwJsonValue *array,
                 const char  *path,
                 GPtrArray   *out)
{
  BwJsonValue *e = bw_json_value_first_child (array);

  for (guint32 i = 0; i < array->n; i++, e = bw_json_reader_next (r->json, e))
    {
      if (e->type != BW_JSON_STRING)
        return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s[%u]: expected a string, found %s"),
                     path, i, bw_json_value_type_name (e));
      if (out != NULL)
        g_ptr_array_add (out, (gpointer) e->u.s);
    }
  if (out != NULL)
    g_ptr_array_add (out, NULL);
  return TRUE;
}

/* settings.licence_overrides: capability id → "E3" | "E5", kept in file order. */
static gboolean
read_licence_overrides (Reader      *r,
                        BwJsonValue *settings)
{
  BwJsonValue *overrides = bw_json_reader_member (r->json, settings, "licence_overrides");
  g_autoptr(GPtrArray) pairs = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  BwJsonValue *e;

  if (is_null (overrides))
    return TRUE;
  if (overrides->type != BW_JSON_OBJECT)
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID,
                 _("settings.licence_overrides: expected an object, found %s"),
                 bw_json_value_type_name (overrides));
  e = bw_json_value_first_child (overrides);
  for (guint32 i = 0; i < overrides->n; i++, e = bw_json_reader_next (r->json, e))
    {
      if (e->type != BW_JSON_STRING)
        return fail (r->error, BW_DOCUMENT_ERROR_INVALID,
                     _("settings.licence_overrides.%s: expected a string, found %s"), e->key,
                     bw_json_value_type_name (e));
      if (e->u.s == NULL || !bw_licence_is_valid (e->u.s))
        return fail (r->error, BW_DOCUMENT_ERROR_INVALID,
                     _("settings.licence_overrides.%s: unknown licence tier \"%s\" (expected \"E3\" or \"E5\")"),
                     e->key, e->u.s);
      if (!g_hash_table_add (seen, (gpointer) e->key))
        return fail (r->error, BW_DOCUMENT_ERROR_INVALID,
                     _("settings.licence_overrides.%s: given twice"), e->key);
      g_ptr_array_add (pairs, (gpointer) e->key);
      g_ptr_array_add (pairs, (gpointer) e->u.s);
    }
  g_ptr_array_add (pairs, NULL);
  bw_document_set_licence_overrides (r->doc, (const char *const *) pairs->pdata);
  return TRUE;
}

static gboolean
read_settings (Reader      *r,
               BwJsonValue *root)
{
  BwJsonValue *settings = bw_json_reader_member (r->json, root, "settings");

  if (is_null (settings))
    return TRUE;
  if (settings->type != BW_JSON_OBJECT)
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("settings: expected an object, found %s"),
                 bw_json_value_type_name (settings));

  if (bw_json_reader_member (r->json, settings, "gap_threshold") != NULL)
    {
      double threshold;

      if (!get_number (r, settings, "settings", "gap_threshold", 0, 1, &threshold))
        return FALSE;
      bw_document_set_gap_threshold (r->doc, threshold);
    }

  {
    BwJsonValue *licence = bw_json_reader_member (r->json, settings, "licence");

    if (!is_null (licence))
      {
        if (licence->type != BW_JSON_STRING)
          return fail (r->error, BW_DOCUMENT_ERROR_INVALID,
                       _("settings.licence: expected a string, found %s"), bw_json_value_type_name (licence));
        if (!bw_licence_is_valid (licence->u.s))
          return fail (r->error, BW_DOCUMENT_ERROR_INVALID,
                       _("settings.licence: unknown licence tier \"%s\" (expected \"E3\" or \"E5\")"),
                       licence->u.s);
        bw_document_set_licence (r->doc, licence->u.s);
      }
  }

  if (!read_licence_overrides (r, settings))
    return FALSE;

  for (guint which = 0; which < 2; which++)
    {
      const char *key = which == 0 ? "threat_groups" : "threat_techniques";
      BwJsonValue *list = bw_json_reader_member (r->json, settings, key);
      g_autoptr(GPtrArray) strings = g_ptr_array_new ();
      g_autofree char *path = g_strconcat ("settings.", key, NULL);

      if (is_null (list))
        continue;
      if (list->type != BW_JSON_ARRAY)
        return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s: expected an array, found %s"),
                     path, bw_json_value_type_name (list));
      if (!get_string_list (r, list, path, strings))
        return FALSE;
      if (which == 0)
        bw_document_set_threat_groups (r->doc, (const char *const *) strings->pdata);
      else
        bw_document_set_threat_techniques (r->doc, (const char *const *) strings->pdata);
    }
  return TRUE;
}

static gboolean
read_zones (Reader      *r,
            BwJsonValue *root)
{
  BwJsonValue *zones = get_array (r, root, "zones");
  BwJsonValue *o;
  guint32 i;

  if (zones == NULL)
    return *r->error == NULL;

  /* Every zone goes in without its parent first: parents may come later in the file. */
  for (i = 0, o = bw_json_value_first_child (zones); i < zones->n;
       i++, o = bw_json_reader_next (r->json, o))
    {
      char path[32];
      BwZone zone = { 0 };
      gboolean ok;

      element_path (path, "zones", i);
      if (!expect_object (r, o, path) ||
          (zone.id = (char *) get_string (r, o, path, "id", TRUE)) == NULL ||
          !check_id (r, path, zone.id) ||
          (zone.kind = (char *) get_string (r, o, path, "kind", TRUE)) == NULL ||
          !check_kind (r, path, zone.kind))
        return FALSE;
      zone.label = (char *) get_string (r, o, path, "label", FALSE);
      if (*r->error != NULL || !check_label (r, path, zone.label))
        return FALSE;
      get_nullable_string (r, o, path, "parent", &ok);
      if (!ok ||
          !get_number (r, o, path, "x", -BW_DOCUMENT_MAX_COORD, BW_DOCUMENT_MAX_COORD, &zone.x) ||
          !get_number (r, o, path, "y", -BW_DOCUMENT_MAX_COORD, BW_DOCUMENT_MAX_COORD, &zone.y) ||
          !get_number (r, o, path, "w", 1e-6, BW_DOCUMENT_MAX_COORD, &zone.w) ||
          !get_number (r, o, path, "h", 1e-6, BW_DOCUMENT_MAX_COORD, &zone.h))
        return FALSE;
      if (bw_document_insert_zone (r->doc, &zone, -1, r->error) == NULL)
        {
          g_prefix_error (r->error, "%s: ", path);
          return FALSE;
        }
    }

  /* Parents are linked in file order; linking a zone to `parent` closes a cycle exactly when
   * the zone is the root of the tree `parent` is in (the zone has no parent yet). Roots are
   * found through a union-find forest with path halving, so a chain of any depth is checked
   * in about linear time instead of walking the whole chain for every zone. */
  {
    g_autoptr(GHashTable) index_of = g_hash_table_new (g_str_hash, g_str_equal);
    g_autofree guint32 *up = g_new (guint32, zones->n);

    for (i = 0, o = bw_json_value_first_child (zones); i < zones->n;
         i++, o = bw_json_reader_next (r->json, o))
      {
        up[i] = i;
        g_hash_table_insert (index_of, (gpointer) bw_json_reader_member (r->json, o, "id")->u.s,
                             GUINT_TO_POINTER (i + 1));
      }
    for (i = 0, o = bw_json_value_first_child (zones); i < zones->n;
         i++, o = bw_json_reader_next (r->json, o))
      {
        char path[32];
        const char *id = bw_json_reader_member (r->json, o, "id")->u.s;
        gboolean ok;
        const char *parent = get_nullable_string (r, o, "", "parent", &ok);
        guint32 root;

        element_path (path, "zones", i);
        if (parent == NULL)
          continue;
        root = GPOINTER_TO_UINT (g_hash_table_lookup (index_of, parent));
        if (root == 0)
          return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s.parent: no zone \"%s\""), path,
                       parent);
        for (root--; up[root] != root; root = up[root])
          up[root] = up[up[root]];
        if (root == i)
          return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s.parent: cycle through \"%s\""),
                       path, parent);
        up[i] = root;
        bw_document_link_parent (r->doc, id, parent);
      }
  }
  return TRUE;
}

/* Props are not Bulwark's: each number in them that the canonical form would write otherwise
 * (1e400, 123456789012345678901, 1.50) is remembered as it was written, so a save keeps it. */
static void
record_number_texts (Reader      *r,
                     BwJsonValue *v,
                     GString     *path)
{
  if (v->type == BW_JSON_OBJECT || v->type == BW_JSON_ARRAY)
    {
      BwJsonValue *child = bw_json_value_first_child (v);

      for (guint32 i = 0; i < v->n; i++, child = bw_json_reader_next (r->json, child))
        {
          gsize length = path->len;

          if (v->type == BW_JSON_OBJECT)
            bw_document_append_path_segment (path, child->key);
          else
            g_string_append_printf (path, "/%u", i);
          record_number_texts (r, child, path);
          g_string_truncate (path, length);
        }
    }
  else if ((v->type == BW_JSON_INT || v->type == BW_JSON_DOUBLE) && v->raw_len > 0)
    {
      const char *raw = bw_json_reader_number_text (r->json, v);
      g_autoptr(GString) canonical = g_string_new (NULL);

      if (v->type == BW_JSON_INT)
        g_string_append_printf (canonical, "%" G_GINT64_FORMAT, v->u.i);
      else
        bw_json_write_number (canonical, v->u.d);
      if (canonical->len != v->raw_len || memcmp (canonical->str, raw, v->raw_len) != 0)
        {
          g_autofree char *text = g_strndup (raw, v->raw_len);

          bw_document_set_number_text (r->doc, path->str, text);
        }
    }
}

static gboolean
read_nodes (Reader      *r,
            BwJsonValue *root)
{
  BwJsonValue *nodes = get_array (r, root, "nodes");
  BwJsonValue *o;
  guint32 i;

  if (nodes == NULL)
    return *r->error == NULL;

  for (i = 0, o = bw_json_value_first_child (nodes); i < nodes->n;
       i++, o = bw_json_reader_next (r->json, o))
    {
      char path[32];
      const char *id;
      const char *kind;
      const char *label;
      const char *zone;
      double x;
      double y;
      BwJsonValue *props;
      BwNode *node;
      gboolean ok;

      element_path (path, "nodes", i);
      if (!expect_object (r, o, path) ||
          (id = get_string (r, o, path, "id", TRUE)) == NULL ||
          !check_id (r, path, id) ||
          (kind = get_string (r, o, path, "kind", TRUE)) == NULL ||
          !check_kind (r, path, kind))
        return FALSE;
      label = get_string (r, o, path, "label", FALSE);
      if (*r->error != NULL || !check_label (r, path, label))
        return FALSE;
      zone = get_nullable_string (r, o, path, "zone", &ok);
      if (!ok)
        return FALSE;
      if (zone != NULL && bw_document_lookup_zone (r->doc, zone) == NULL)
        return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s.zone: no zone \"%s\""), path, zone);
      if (!get_number (r, o, path, "x", -BW_DOCUMENT_MAX_COORD, BW_DOCUMENT_MAX_COORD, &x) ||
          !get_number (r, o, path, "y", -BW_DOCUMENT_MAX_COORD, BW_DOCUMENT_MAX_COORD, &y))
        return FALSE;

      props = bw_json_reader_member (r->json, o, "props");
      if (!is_null (props))
        {
          if (props->type != BW_JSON_OBJECT)
            return fail (r->error, BW_DOCUMENT_ERROR_INVALID,
                         _("%s.props: expected an object, found %s"), path, bw_json_value_type_name (props));
          /* The keys Bulwark reads must have the right shape; others are kept as they are. */
          for (guint k = 0; k < 2; k++)
            {
              const char *key = k == 0 ? "disabled_capabilities" : "platforms";
              BwJsonValue *list = bw_json_reader_member (r->json, props, key);
              g_autofree char *list_path = NULL;

              if (list == NULL)
                continue;
              list_path = g_strconcat (path, ".props.", key, NULL);
              if (list->type != BW_JSON_ARRAY)
                return fail (r->error, BW_DOCUMENT_ERROR_INVALID,
                             _("%s: expected an array, found %s"), list_path, bw_json_value_type_name (list));
              if (!get_string_list (r, list, list_path, NULL))
                return FALSE;
            }
        }

      node = g_new0 (BwNode, 1);
      node->id = g_strdup (id);
      node->kind = g_strdup (kind);
      node->label = g_strdup (label ? label : "");
      node->zone = g_strdup (zone);
      node->x = x;
      node->y = y;
      /* Most nodes have no props ({} as saved): nothing to copy. */
      if (is_null (props) || props->n == 0)
        node->props = json_object_new ();
      else
        {
          g_autoptr(JsonNode) tree = bw_json_reader_to_node (r->json, props);
          g_autoptr(GString) where = g_string_new (id);

          node->props = json_object_ref (json_node_get_object (tree));
          g_string_append_c (where, '\x1f');
          record_number_texts (r, props, where);
        }
      if (bw_document_adopt_node (r->doc, node, -1, r->error) == NULL)
        {
          g_prefix_error (r->error, "%s: ", path);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
read_edges (Reader      *r,
            BwJsonValue *root)
{
  BwJsonValue *edges = get_array (r, root, "edges");
  BwJsonValue *o;
  guint32 i;

  if (edges == NULL)
    return *r->error == NULL;

  for (i = 0, o = bw_json_value_first_child (edges); i < edges->n;
       i++, o = bw_json_reader_next (r->json, o))
    {
      char path[32];
      BwEdge edge = { 0 };
      const char *kind;

      element_path (path, "edges", i);
      if (!expect_object (r, o, path) ||
          (edge.id = (char *) get_string (r, o, path, "id", TRUE)) == NULL ||
          !check_id (r, path, edge.id) ||
          (kind = get_string (r, o, path, "kind", TRUE)) == NULL)
        return FALSE;
      if (!bw_edge_kind_from_string (kind, &edge.kind))
        return fail (r->error, BW_DOCUMENT_ERROR_INVALID,
                     _("%s.kind: unknown edge kind \"%s\" (protects, telemetry or flow)"), path, kind);
      if ((edge.from = (char *) get_string (r, o, path, "from", TRUE)) == NULL ||
          (edge.to = (char *) get_string (r, o, path, "to", TRUE)) == NULL)
        return FALSE;
      if (bw_document_lookup_node (r->doc, edge.from) == NULL)
        return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s.from: no node \"%s\""), path,
                     edge.from);
      if (bw_document_lookup_node (r->doc, edge.to) == NULL)
        {
          if (bw_document_lookup_zone (r->doc, edge.to) == NULL)
            return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s.to: no node or zone \"%s\""),
                         path, edge.to);
          if (edge.kind != BW_EDGE_PROTECTS)
            return fail (r->error, BW_DOCUMENT_ERROR_INVALID,
                         _("%s.to: a %s edge cannot end at zone \"%s\""), path, kind, edge.to);
        }
      if (g_str_equal (edge.from, edge.to))
        return fail (r->error, BW_DOCUMENT_ERROR_INVALID,
                     _("%s.to: an edge cannot join \"%s\" to itself"), path, edge.to);
      if (bw_document_insert_edge (r->doc, &edge, -1, r->error) == NULL)
        {
          g_prefix_error (r->error, "%s: ", path);
          return FALSE;
        }
    }
  return TRUE;
}

/* Older files are made current in the value table before they are read: migrations[v] turns
 * version v into v + 1. Version 0 (the pre-release format) called an edge's kind its "type". */
static void
migrate_0_to_1 (BwJsonReader *json,
                BwJsonValue  *root)
{
  BwJsonValue *edges = bw_json_reader_member (json, root, "edges");
  BwJsonValue *e;
  guint32 i;

  if (edges == NULL || edges->type != BW_JSON_ARRAY)
    return;
  for (i = 0, e = bw_json_value_first_child (edges); i < edges->n;
       i++, e = bw_json_reader_next (json, e))
    {
      BwJsonValue *type;

      if (e->type != BW_JSON_OBJECT || bw_json_reader_member (json, e, "kind") != NULL)
        continue;
      if ((type = bw_json_reader_member (json, e, "type")) != NULL)
        type->key = "kind";
    }
}

static void (*const migrations[]) (BwJsonReader *json, BwJsonValue *root) = {
  migrate_0_to_1,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == BW_DOCUMENT_FORMAT_VERSION);

static gboolean
read_root (Reader *r)
{
  BwJsonValue *root = bw_json_reader_root (r->json);
  BwJsonValue *v;
  const char *format;
  gint64 version;

  if (root->type != BW_JSON_OBJECT)
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("(root): expected an object, found %s"),
                 bw_json_value_type_name (root));

  v = bw_json_reader_member (r->json, root, "format");
  if (v == NULL || v->type != BW_JSON_STRING)
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID,
                 _("format: missing or not a string — this is not a Bulwark project"));
  format = v->u.s;
  if (!g_str_equal (format, "bulwark"))
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID,
                 _("format: expected \"bulwark\", found \"%s\""), format);

  v = bw_json_reader_member (r->json, root, "version");
  if (v == NULL)
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("version: missing"));
  if (v->type != BW_JSON_INT)
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("version: expected a whole number, found %s"),
                 bw_json_value_type_name (v));
  version = v->u.i;
  if (version > BW_DOCUMENT_FORMAT_VERSION)
    return fail (r->error, BW_DOCUMENT_ERROR_VERSION,
                 _("version: written by a newer Bulwark (format version %" PRId64
                   "); this one reads up to %d"),
                 (int64_t) version, BW_DOCUMENT_FORMAT_VERSION);
  if (version < 0)
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID,
                 _("version: %" PRId64 " is not a version"), (int64_t) version);
  for (gint64 from = version; from < BW_DOCUMENT_FORMAT_VERSION; from++)
    migrations[from](r->json, root);

  v = bw_json_reader_member (r->json, root, "title");
  if (v != NULL)
    {
      if (v->type != BW_JSON_STRING)
        return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("title: expected a string, found %s"),
                     bw_json_value_type_name (v));
      if (!check_text (r, "", "title", v->u.s))
        return FALSE;
      bw_document_set_title (r->doc, v->u.s);
    }

  v = bw_json_reader_member (r->json, root, "catalog");
  if (!is_null (v))
    {
      const char *attack;

      if (v->type != BW_JSON_OBJECT)
        return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("catalog: expected an object, found %s"),
                     bw_json_value_type_name (v));
      attack = get_string (r, v, "catalog", "attack", FALSE);
      if (*r->error != NULL)
        return FALSE;
      if (attack != NULL)
        bw_document_set_attack_version (r->doc, attack);
    }

  return read_settings (r, root) && read_zones (r, root) && read_nodes (r, root) &&
         read_edges (r, root);
}

gboolean
bw_document_read_json (BwDocument    *document,
                       BwJsonReader  *json,
                       GError       **error)
{
  Reader r = { json, document, error };

  return read_root (&r);
}
