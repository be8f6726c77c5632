/* bw-document-edit.c: the checked mutators of a document — insert, add, remove, move, relabel,
 * reparent, props and settings — each announcing its change. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bw-document-object-private.h"
#include "bw-document-private.h"

static gboolean
valid_kind (const char *kind)
{
  if (kind == NULL || *kind == '\0')
    return FALSE;
  for (const char *p = kind; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '.' || *p == '-'))
      return FALSE;
  return TRUE;
}

static gboolean
check_new_id (BwDocument  *self,
              const char  *id,
              GError     **error)
{
  if (*id == '\0')
    {
      g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_INVALID,
                   _("An id must not be empty"));
      return FALSE;
    }
  if (bw_document_has_id (self, id))
    {
      g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_INVALID,
                   _("The id “%s” is already in use"), id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_finite (double       v,
              GError     **error)
{
  if (!isfinite (v) || fabs (v) > BW_DOCUMENT_MAX_COORD)
    {
      g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_INVALID,
                   _("Position %g is out of range"), v);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_size (double       v,
            GError     **error)
{
  if (!isfinite (v) || v <= 0 || v > BW_DOCUMENT_MAX_COORD)
    {
      g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_INVALID,
                   _("Size %g is out of range"), v);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_zone_ref (BwDocument  *self,
                const char  *zone,
                GError     **error)
{
  if (zone != NULL && bw_document_lookup_zone (self, zone) == NULL)
    {
      g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_NOT_FOUND,
                   _("No zone “%s”"), zone);
      return FALSE;
    }
  return TRUE;
}

gunichar
bw_text_find_noncharacter (const char *text)
{
  /* In UTF-8 the non-characters are EF B7 90–AF (U+FDD0–U+FDEF), EF BF BE/BF (U+FFFE/U+FFFF)
   * and, in planes 1 to 16, a four-byte sequence ending xF BF BE/BF; the text is valid UTF-8. */
  for (const guchar *p = (const guchar *) text; p != NULL && *p != '\0'; p++)
    {
      if (*p < 0xef)
        continue;
      if (p[0] == 0xef && ((p[1] == 0xb7 && p[2] >= 0x90 && p[2] <= 0xaf) ||
                           (p[1] == 0xbf && (p[2] == 0xbe || p[2] == 0xbf))))
        return g_utf8_get_char ((const char *) p);
      if (p[0] >= 0xf0 && p[1] != '\0' && (p[1] & 0x0f) == 0x0f && p[2] == 0xbf &&
          (p[3] == 0xbe || p[3] == 0xbf))
        return g_utf8_get_char ((const char *) p);
    }
  return 0;
}

static gboolean
check_label (const char  *label,
             GError     **error)
{
  gunichar bad = bw_text_find_noncharacter (label);

  if (bad != 0)
    {
      g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_INVALID,
                   _("A label may not contain the Unicode non-character U+%04X"), bad);
      return FALSE;
    }
  if (label != NULL && g_utf8_strlen (label, -1) > BW_DOCUMENT_MAX_LABEL)
    {
      g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_INVALID,
                   _("A label may hold at most %d characters"), BW_DOCUMENT_MAX_LABEL);
      return FALSE;
    }
  return TRUE;
}

/* Insertion at an index, used by the mutators (append) and by undo (restore in place). */

const BwZone *
bw_document_insert_zone (BwDocument   *self,
                         const BwZone *template,
                         int           index,
                         GError      **error)
{
  BwZone *zone;
  g_autofree char *id = NULL;

  if (!valid_kind (template->kind))
    {
      g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_INVALID,
                   _("“%s” is not a valid kind"), template->kind ? template->kind : "");
      return NULL;
    }
  id = template->id ? g_strdup (template->id) : bw_document_new_id (self, 'z');
  if (!check_new_id (self, id, error) || !check_zone_ref (self, template->parent, error) ||
      !check_label (template->label, error) || !check_finite (template->x, error) ||
      !check_finite (template->y, error) || !check_size (template->w, error) ||
      !check_size (template->h, error))
    return NULL;

  zone = bw_zone_copy (template);
  g_free (zone->id);
  zone->id = g_steal_pointer (&id);
  if (zone->label == NULL)
    zone->label = g_strdup ("");
  if (index < 0 || (guint) index > self->zones->len)
    index = self->zones->len;
  zone->serial = self->next_serial++;
  g_ptr_array_insert (self->zones, index, zone);
  bw_document_id_insert (self, zone->id, zone, BW_ID_ZONE);
  bw_document_note_id_added (self, zone->id);
  bw_document_emit (self, BW_CHANGE_ADD, BW_OBJECT_ZONE, zone->id, 0, zone, NULL, NULL);
  return zone;
}

/* Takes `node` (its id may be NULL: a fresh one is given); frees it when refused. */
const BwNode *
bw_document_adopt_node (BwDocument  *self,
                        BwNode      *node,
                        int          index,
                        GError     **error)
{
  if (!valid_kind (node->kind))
    {
      g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_INVALID,
                   _("“%s” is not a valid kind"), node->kind ? node->kind : "");
      bw_node_free (node);
      return NULL;
    }
  if (node->id == NULL)
    node->id = bw_document_new_id (self, 'n');
  if (!check_new_id (self, node->id, error) || !check_zone_ref (self, node->zone, error) ||
      !check_label (node->label, error) || !check_finite (node->x, error) ||
      !check_finite (node->y, error))
    {
      bw_node_free (node);
      return NULL;
    }

  if (node->label == NULL)
    node->label = g_strdup ("");
  if (node->props == NULL)
    node->props = json_object_new ();
  if (index < 0 || (guint) index > self->nodes->len)
    index = self->nodes->len;
  node->serial = self->next_serial++;
  g_ptr_array_insert (self->nodes, index, node);
  bw_document_id_insert (self, node->id, node, BW_ID_NODE);
  bw_document_note_id_added (self, node->id);
  bw_document_emit (self, BW_CHANGE_ADD, BW_OBJECT_NODE, node->id, 0, NULL, node, NULL);
  return node;
}

const BwNode *
bw_document_insert_node (BwDocument   *self,
                         const BwNode *template,
                         int           index,
                         GError      **error)
{
  return bw_document_adopt_node (self, bw_node_copy (template), index, error);
}

/* Whether an edge of `kind` may join `from` and `to`; the records they name into `ends` when
 * not NULL. */
static gboolean
check_edge_ends (BwDocument  *self,
                 BwEdgeKind   kind,
                 const char  *from,
                 const char  *to,
                 BwEdge      *ends,
                 GError     **error)
{
  const BwNode *from_node = bw_document_lookup_node (self, from);
  const BwNode *to_node = bw_document_lookup_node (self, to);
  const BwZone *to_zone = NULL;

  if (from_node == NULL)
    {
      g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_NOT_FOUND,
                   _("No node “%s”"), from ? from : "");
      return FALSE;
    }
  if (to_node == NULL &&
      !(kind == BW_EDGE_PROTECTS && (to_zone = bw_document_lookup_zone (self, to)) != NULL))
    {
      g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_NOT_FOUND,
                   kind == BW_EDGE_PROTECTS ? _("No node or zone “%s”") : _("No node “%s”"),
                   to ? to : "");
      return FALSE;
    }
  if (g_strcmp0 (from, to) == 0)
    {
      g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_INVALID,
                   _("A connection needs two different ends"));
      return FALSE;
    }
  if (ends != NULL)
    {
      ends->from_node = from_node;
      ends->to_node = to_node;
      ends->to_zone = to_zone;
    }
  return TRUE;
}

const BwEdge *
bw_document_insert_edge (BwDocument   *self,
                         const BwEdge *template,
                         int           index,
                         GError      **error)
{
  BwEdge *edge;
  BwEdge ends = { 0 };
  g_autofree char *fresh = NULL;

  if ((guint) template->kind > BW_EDGE_FLOW)
    {
      g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_INVALID,
                   _("Unknown connection kind"));
      return NULL;
    }
  if (template->id == NULL)
    fresh = bw_document_new_id (self, 'e');
  if (!check_new_id (self, fresh ? fresh : template->id, error) ||
      !check_edge_ends (self, template->kind, template->from, template->to, &ends, error))
    return NULL;

  edge = bw_edge_copy (template);
  if (fresh != NULL)
    edge->id = g_steal_pointer (&fresh);
  edge->from_node = ends.from_node;
  edge->to_node = ends.to_node;
  edge->to_zone = ends.to_zone;
  if (index < 0 || (guint) index > self->edges->len)
    index = self->edges->len;
  g_ptr_array_insert (self->edges, index, edge);
  bw_document_id_insert (self, edge->id, edge, BW_ID_EDGE);
  bw_document_note_id_added (self, edge->id);
  bw_document_emit (self, BW_CHANGE_ADD, BW_OBJECT_EDGE, edge->id, 0, NULL, NULL, edge);
  return edge;
}

const BwZone *
bw_document_add_zone (BwDocument  *self,
                      const char  *id,
                      const char  *kind,
                      const char  *label,
                      const char  *parent,
                      double       x,
                      double       y,
                      double       w,
                      double       h,
                      GError     **error)
{
  BwZone template = { (char *) id, (char *) kind, (char *) label, (char *) parent, x, y, w, h };

  return bw_document_insert_zone (self, &template, -1, error);
}

const BwNode *
bw_document_add_node (BwDocument  *self,
                      const char  *id,
                      const char  *kind,
                      const char  *label,
                      const char  *zone,
                      double       x,
                      double       y,
                      JsonObject  *props,
                      GError     **error)
{
  BwNode template = { (char *) id, (char *) kind, (char *) label, (char *) zone, x, y, props };

  return bw_document_insert_node (self, &template, -1, error);
}

const BwEdge *
bw_document_add_edge (BwDocument  *self,
                      const char  *id,
                      BwEdgeKind   kind,
                      const char  *from,
                      const char  *to,
                      GError     **error)
{
  BwEdge template = { (char *) id, kind, (char *) from, (char *) to };

  return bw_document_insert_edge (self, &template, -1, error);
}

/* Searches from the end: cascaded removals and undo work there, so they stay linear. */
static int
find_from_end (GPtrArray *array,
               gpointer   object)
{
  for (guint i = array->len; i > 0; i--)
    if (g_ptr_array_index (array, i - 1) == object)
      return (int) i - 1;
  return -1;
}

int
bw_document_index_of (BwDocument *self,
                      const char *id)
{
  gpointer object;

  if ((object = bw_document_id_lookup (self, id, BW_ID_ZONE)) != NULL)
    return find_from_end (self->zones, object);
  if ((object = bw_document_id_lookup (self, id, BW_ID_NODE)) != NULL)
    return find_from_end (self->nodes, object);
  if ((object = bw_document_id_lookup (self, id, BW_ID_EDGE)) != NULL)
    return find_from_end (self->edges, object);
  return -1;
}

/* What still refers to `id`: edges end at nodes and zones; only zones hold nodes and zones. */
static const char *
first_reference (BwDocument *self,
                 const char *id,
                 gboolean    is_zone)
{
  for (guint i = 0; i < self->edges->len; i++)
    {
      const BwEdge *edge = g_ptr_array_index (self->edges, i);

      if (g_str_equal (edge->from, id) || g_str_equal (edge->to, id))
        return edge->id;
    }
  if (!is_zone)
    return NULL;
  for (guint i = 0; i < self->nodes->len; i++)
    {
      const BwNode *node = g_ptr_array_index (self->nodes, i);

      if (g_strcmp0 (node->zone, id) == 0)
        return node->id;
    }
  for (guint i = 0; i < self->zones->len; i++)
    {
      const BwZone *zone = g_ptr_array_index (self->zones, i);

      if (g_strcmp0 (zone->parent, id) == 0)
        return zone->id;
    }
  return NULL;
}

static guint
position_in (GPtrArray *array,
             gpointer   object)
{
  int index = find_from_end (array, object);

  g_assert (index >= 0);
  return (guint) index;
}

gboolean
bw_document_remove (BwDocument  *self,
                    const char  *id,
                    GError     **error)
{
  gpointer object;
  const char *user;

  g_return_val_if_fail (id != NULL, FALSE);

  if ((object = bw_document_id_lookup (self, id, BW_ID_EDGE)) != NULL)
    {
      BwEdge *owned;

      g_hash_table_remove (self->by_id, id);
      owned = g_ptr_array_steal_index (self->edges, position_in (self->edges, object));
      bw_document_note_id_removed (self, owned->id);
      bw_document_emit (self, BW_CHANGE_REMOVE, BW_OBJECT_EDGE, owned->id, 0, NULL, NULL, owned);
      bw_edge_free (owned);
      return TRUE;
    }

  if (!bw_document_has_id (self, id))
    {
      g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_NOT_FOUND,
                   _("Nothing has the id “%s”"), id);
      return FALSE;
    }

  if ((user = first_reference (self, id, bw_document_id_lookup (self, id, BW_ID_ZONE) != NULL)) !=
      NULL)
    {
      g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_IN_USE,
                   _("“%s” is still used by “%s”"), id, user);
      return FALSE;
    }

  if ((object = bw_document_id_lookup (self, id, BW_ID_NODE)) != NULL)
    {
      BwNode *owned;

      g_hash_table_remove (self->by_id, id);
      owned = g_ptr_array_steal_index (self->nodes, position_in (self->nodes, object));
      bw_document_note_id_removed (self, owned->id);
      bw_document_emit (self, BW_CHANGE_REMOVE, BW_OBJECT_NODE, owned->id, 0, NULL, owned, NULL);
      bw_node_free (owned);
      return TRUE;
    }

  object = bw_document_id_lookup (self, id, BW_ID_ZONE);
  {
    BwZone *owned;

    g_hash_table_remove (self->by_id, id);
    owned = g_ptr_array_steal_index (self->zones, position_in (self->zones, object));
    bw_document_note_id_removed (self, owned->id);
    bw_document_emit (self, BW_CHANGE_REMOVE, BW_OBJECT_ZONE, owned->id, 0, owned, NULL, NULL);
    bw_zone_free (owned);
  }
  return TRUE;
}

static gboolean
not_found (const char  *id,
           GError     **error)
{
  g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_NOT_FOUND,
               _("Nothing has the id “%s”"), id ? id : "");
  return FALSE;
}

gboolean
bw_document_set_geometry (BwDocument  *self,
                          const char  *id,
                          double       x,
                          double       y,
                          double       w,
                          double       h,
                          GError     **error)
{
  BwZone *zone = id ? bw_document_id_lookup (self, id, BW_ID_ZONE) : NULL;
  BwNode *node = id ? bw_document_id_lookup (self, id, BW_ID_NODE) : NULL;

  if (zone == NULL && node == NULL)
    return not_found (id, error);
  if (!check_finite (x, error) || !check_finite (y, error))
    return FALSE;

  if (zone != NULL)
    {
      if (!check_size (w, error) || !check_size (h, error))
        return FALSE;
      if (zone->x == x && zone->y == y && zone->w == w && zone->h == h)
        return TRUE;
      zone->x = x;
      zone->y = y;
      zone->w = w;
      zone->h = h;
      bw_document_emit (self, BW_CHANGE_MODIFY, BW_OBJECT_ZONE, zone->id,
                        BW_FIELD_GEOMETRY, zone, NULL, NULL);
    }
  else
    {
      if (node->x == x && node->y == y)
        return TRUE;
      node->x = x;
      node->y = y;
      bw_document_emit (self, BW_CHANGE_MODIFY, BW_OBJECT_NODE, node->id,
                        BW_FIELD_GEOMETRY, NULL, node, NULL);
    }
  return TRUE;
}

gboolean
bw_document_set_label (BwDocument  *self,
                       const char  *id,
                       const char  *label,
                       GError     **error)
{
  BwZone *zone = id ? bw_document_id_lookup (self, id, BW_ID_ZONE) : NULL;
  BwNode *node = id ? bw_document_id_lookup (self, id, BW_ID_NODE) : NULL;
  char **slot;

  if (zone == NULL && node == NULL)
    return not_found (id, error);
  if (!check_label (label, error))
    return FALSE;
  if (!g_utf8_validate (label ? label : "", -1, NULL))
    {
      g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_INVALID,
                   _("A label must be UTF-8 text"));
      return FALSE;
    }
  slot = zone ? &zone->label : &node->label;
  if (g_strcmp0 (*slot, label ? label : "") == 0)
    return TRUE;
  g_free (*slot);
  *slot = g_strdup (label ? label : "");
  if (zone != NULL)
    bw_document_emit (self, BW_CHANGE_MODIFY, BW_OBJECT_ZONE, zone->id,
                      BW_FIELD_LABEL, zone, NULL, NULL);
  else
    bw_document_emit (self, BW_CHANGE_MODIFY, BW_OBJECT_NODE, node->id,
                      BW_FIELD_LABEL, NULL, node, NULL);
  return TRUE;
}

gboolean
bw_document_set_parent (BwDocument  *self,
                        const char  *id,
                        const char  *parent,
                        GError     **error)
{
  BwZone *zone = id ? bw_document_id_lookup (self, id, BW_ID_ZONE) : NULL;
  BwNode *node = id ? bw_document_id_lookup (self, id, BW_ID_NODE) : NULL;

  if (zone == NULL && node == NULL)
    return not_found (id, error);
  if (!check_zone_ref (self, parent, error))
    return FALSE;

  if (zone != NULL)
    {
      if (parent != NULL && bw_document_zone_is_within (self, parent, zone->id))
        {
          g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_INVALID,
                       _("“%s” cannot go inside “%s”: it lies within it"), zone->id, parent);
          return FALSE;
        }
      if (g_strcmp0 (zone->parent, parent) == 0)
        return TRUE;
      g_free (zone->parent);
      zone->parent = g_strdup (parent);
      bw_document_emit (self, BW_CHANGE_MODIFY, BW_OBJECT_ZONE, zone->id,
                        BW_FIELD_PARENT, zone, NULL, NULL);
    }
  else
    {
      if (g_strcmp0 (node->zone, parent) == 0)
        return TRUE;
      g_free (node->zone);
      node->zone = g_strdup (parent);
      bw_document_emit (self, BW_CHANGE_MODIFY, BW_OBJECT_NODE, node->id,
                        BW_FIELD_PARENT, NULL, node, NULL);
    }
  return TRUE;
}

void
bw_document_link_parent (BwDocument *self,
                         const char *id,
                         const char *parent)
{
  BwZone *zone = bw_document_id_lookup (self, id, BW_ID_ZONE);

  g_return_if_fail (zone != NULL && self->batch > 0);
  g_free (zone->parent);
  zone->parent = g_strdup (parent);
}

void
bw_document_set_number_text (BwDocument *self,
                             const char *key,
                             const char *text)
{
  if (self->number_texts == NULL)
    self->number_texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_replace (self->number_texts, g_strdup (key), g_strdup (text));
}

const char *
bw_document_get_number_text (BwDocument *self,
                             const char *key)
{
  return self->number_texts ? g_hash_table_lookup (self->number_texts, key) : NULL;
}

gboolean
bw_document_has_number_texts (BwDocument *self)
{
  return self->number_texts != NULL;
}

void
bw_document_copy_number_texts (BwDocument *self,
                               BwDocument *from)
{
  GHashTableIter iter;
  gpointer key;
  gpointer text;

  if (from->number_texts == NULL)
    return;
  g_hash_table_iter_init (&iter, from->number_texts);
  while (g_hash_table_iter_next (&iter, &key, &text))
    bw_document_set_number_text (self, key, text);
}

gboolean
bw_document_set_props (BwDocument  *self,
                       const char  *node_id,
                       JsonObject  *props,
                       GError     **error)
{
  BwNode *node = node_id ? bw_document_id_lookup (self, node_id, BW_ID_NODE) : NULL;

  if (node == NULL)
    return not_found (node_id, error);
  g_clear_pointer (&node->props, json_object_unref);
  node->props = bw_json_object_copy (props);
  bw_document_emit (self, BW_CHANGE_MODIFY, BW_OBJECT_NODE, node->id,
                    BW_FIELD_PROPS, NULL, node, NULL);
  return TRUE;
}

gboolean
bw_document_set_edge_kind (BwDocument  *self,
                           const char  *edge_id,
                           BwEdgeKind   kind,
                           GError     **error)
{
  BwEdge *edge = edge_id ? bw_document_id_lookup (self, edge_id, BW_ID_EDGE) : NULL;

  if (edge == NULL)
    return not_found (edge_id, error);
  if ((guint) kind > BW_EDGE_FLOW)
    {
      g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_INVALID,
                   _("Unknown connection kind"));
      return FALSE;
    }
  if (edge->kind == kind)
    return TRUE;
  if (!check_edge_ends (self, kind, edge->from, edge->to, NULL, error))
    return FALSE;
  edge->kind = kind;
  bw_document_emit (self, BW_CHANGE_MODIFY, BW_OBJECT_EDGE, edge->id,
                    BW_FIELD_KIND, NULL, NULL, edge);
  return TRUE;
}

void
bw_document_set_title (BwDocument *self,
                       const char *title)
{
  if (g_strcmp0 (self->title, title ? title : "") == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title ? title : "");
  bw_document_emit (self, BW_CHANGE_MODIFY, BW_OBJECT_DOCUMENT, NULL,
                    BW_FIELD_TITLE, NULL, NULL, NULL);
}

void
bw_document_set_gap_threshold (BwDocument *self,
                               double      threshold)
{
  if (!isfinite (threshold) || self->gap_threshold == threshold)
    return;
  self->gap_threshold = CLAMP (threshold, 0, 1);
  bw_document_emit (self, BW_CHANGE_MODIFY, BW_OBJECT_DOCUMENT, NULL,
                    BW_FIELD_SETTINGS, NULL, NULL, NULL);
}

void
bw_document_set_threat_groups (BwDocument        *self,
                               const char *const *groups)
{
  static const char *const none[] = { NULL };

  if (groups == NULL)
    groups = none;
  if (g_strv_equal ((const char *const *) self->threat_groups, groups))
    return;
  g_strfreev (self->threat_groups);
  self->threat_groups = g_strdupv ((char **) groups);
  bw_document_emit (self, BW_CHANGE_MODIFY, BW_OBJECT_DOCUMENT, NULL,
                    BW_FIELD_SETTINGS, NULL, NULL, NULL);
}

void
bw_document_set_threat_techniques (BwDocument        *self,
                                   const char *const *techniques)
{
  static const char *const none[] = { NULL };

  if (techniques == NULL)
    techniques = none;
  if (g_strv_equal ((const char *const *) self->threat_techniques, techniques))
    return;
  g_strfreev (self->threat_techniques);
  self->threat_techniques = g_strdupv ((char **) techniques);
  bw_document_emit (self, BW_CHANGE_MODIFY, BW_OBJECT_DOCUMENT, NULL,
                    BW_FIELD_SETTINGS, NULL, NULL, NULL);
}

void
bw_document_set_licence_overrides (BwDocument        *self,
                                   const char *const *pairs)
{
  static const char *const none[] = { NULL };

  if (pairs == NULL)
    pairs = none;
  if (g_strv_equal ((const char *const *) self->licence_overrides, pairs))
    return;
  g_strfreev (self->licence_overrides);
  self->licence_overrides = g_strdupv ((char **) pairs);
  /* Every service's caps may change: the engine starts over, as for a new document. */
  bw_document_emit (self, BW_CHANGE_RESET, BW_OBJECT_DOCUMENT, NULL, BW_FIELD_SETTINGS, NULL,
                    NULL, NULL);
}

void
bw_document_set_licence (BwDocument *self,
                         const char *licence)
{
  g_return_if_fail (bw_licence_is_valid (licence));

  if (g_strcmp0 (self->licence, licence) == 0)
    return;
  g_free (self->licence);
  self->licence = g_strdup (licence);
  bw_document_emit (self, BW_CHANGE_MODIFY, BW_OBJECT_DOCUMENT, NULL,
                    BW_FIELD_SETTINGS, NULL, NULL, NULL);
}
