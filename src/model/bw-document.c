/* bw-document.c: the document — zones, nodes and edges in file order, indexed by id — and the
 * checked mutators that change it and announce each change. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bw-document-private.h"

struct _BwDocument
{
  GObject     parent_instance;

  char       *title;
  char       *attack_version;
  double      gap_threshold;
  GStrv       threat_groups;
  GStrv       threat_techniques;
  char       *licence;

  GPtrArray  *zones;  /* BwZone* */
  GPtrArray  *nodes;  /* BwNode* */
  GPtrArray  *edges;  /* BwEdge* */
  GHashTable *zone_by_id;
  GHashTable *node_by_id;
  GHashTable *edge_by_id;
  GHashTable *number_texts; /* NULL, or "node id\x1fpath in props" → a number's text as read */
  guint       batch;  /* > 0 while a loader fills the document: no signals */

  /* Largest N in use in ids "zN", "nN", "eN", so fresh ids need no scan; a slot is recomputed
   * when the id holding its maximum goes away. */
  guint64     id_max[3];
  gboolean    id_max_valid[3];
};

G_DEFINE_FINAL_TYPE (BwDocument, bw_document, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (bw-document-edit-error-quark, bw_document_edit_error)

/* Records */

BwZone *
bw_zone_copy (const BwZone *zone)
{
  BwZone *copy = g_new0 (BwZone, 1);

  copy->id = g_strdup (zone->id);
  copy->kind = g_strdup (zone->kind);
  copy->label = g_strdup (zone->label);
  copy->parent = g_strdup (zone->parent);
  copy->x = zone->x;
  copy->y = zone->y;
  copy->w = zone->w;
  copy->h = zone->h;
  return copy;
}

void
bw_zone_free (BwZone *zone)
{
  if (zone == NULL)
    return;
  g_free (zone->id);
  g_free (zone->kind);
  g_free (zone->label);
  g_free (zone->parent);
  g_free (zone);
}

/* json_node_copy() shares objects and arrays with the original; props must be a copy of
 * their own, or an edit through one owner (history, inspector) would change the other. */
static JsonNode *
deep_copy_node (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *copy = bw_json_object_copy (json_node_get_object (node));
      JsonNode *result = json_node_init_object (json_node_alloc (), copy);

      json_object_unref (copy);
      return result;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint n = json_array_get_length (array);
      JsonArray *copy = json_array_sized_new (n);
      JsonNode *result;

      for (guint i = 0; i < n; i++)
        json_array_add_element (copy, deep_copy_node (json_array_get_element (array, i)));
      result = json_node_init_array (json_node_alloc (), copy);
      json_array_unref (copy);
      return result;
    }
  return json_node_copy (node);
}

JsonObject *
bw_json_object_copy (JsonObject *object)
{
  JsonObject *copy = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (object == NULL)
    return copy;
  /* The iterator keeps the members' order, which the canonical form writes. */
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    json_object_set_member (copy, name, deep_copy_node (member));
  return copy;
}

BwNode *
bw_node_copy (const BwNode *node)
{
  BwNode *copy = g_new0 (BwNode, 1);

  copy->id = g_strdup (node->id);
  copy->kind = g_strdup (node->kind);
  copy->label = g_strdup (node->label);
  copy->zone = g_strdup (node->zone);
  copy->x = node->x;
  copy->y = node->y;
  copy->props = bw_json_object_copy (node->props);
  return copy;
}

void
bw_node_free (BwNode *node)
{
  if (node == NULL)
    return;
  g_free (node->id);
  g_free (node->kind);
  g_free (node->label);
  g_free (node->zone);
  g_clear_pointer (&node->props, json_object_unref);
  g_free (node);
}

BwEdge *
bw_edge_copy (const BwEdge *edge)
{
  BwEdge *copy = g_new0 (BwEdge, 1);

  copy->id = g_strdup (edge->id);
  copy->kind = edge->kind;
  copy->from = g_strdup (edge->from);
  copy->to = g_strdup (edge->to);
  return copy;
}

void
bw_edge_free (BwEdge *edge)
{
  if (edge == NULL)
    return;
  g_free (edge->id);
  g_free (edge->from);
  g_free (edge->to);
  g_free (edge);
}

/* Signals */

static void
emit (BwDocument   *self,
      BwChangeType  type,
      BwObjectType  object,
      const char   *id,
      guint         fields,
      const BwZone *zone,
      const BwNode *node,
      const BwEdge *edge)
{
  BwChange change = { type, object, id, fields, zone, node, edge };

  if (self->batch > 0)
    return;
  g_signal_emit (self, signals[CHANGED], 0, &change);
}

void
bw_document_begin_batch (BwDocument *self)
{
  self->batch++;
}

void
bw_document_end_batch (BwDocument *self)
{
  g_return_if_fail (self->batch > 0);
  if (--self->batch == 0)
    emit (self, BW_CHANGE_RESET, BW_OBJECT_DOCUMENT, NULL, 0, NULL, NULL, NULL);
}

/* Object */

static void
bw_document_finalize (GObject *object)
{
  BwDocument *self = BW_DOCUMENT (object);

  g_free (self->title);
  g_free (self->attack_version);
  g_strfreev (self->threat_groups);
  g_strfreev (self->threat_techniques);
  g_free (self->licence);
  g_hash_table_unref (self->zone_by_id);
  g_hash_table_unref (self->node_by_id);
  g_hash_table_unref (self->edge_by_id);
  g_clear_pointer (&self->number_texts, g_hash_table_unref);
  g_ptr_array_unref (self->zones);
  g_ptr_array_unref (self->nodes);
  g_ptr_array_unref (self->edges);

  G_OBJECT_CLASS (bw_document_parent_class)->finalize (object);
}

static void
bw_document_class_init (BwDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bw_document_finalize;

  /**
   * BwDocument::changed:
   * @change: (type gpointer): a `BwChange` saying what changed, valid during the emission
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
bw_document_init (BwDocument *self)
{
  self->title = g_strdup ("");
  self->attack_version = g_strdup ("18.1");
  self->gap_threshold = 0.25;
  self->threat_groups = g_new0 (char *, 1);
  self->threat_techniques = g_new0 (char *, 1);
  self->zones = g_ptr_array_new_with_free_func ((GDestroyNotify) bw_zone_free);
  self->nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) bw_node_free);
  self->edges = g_ptr_array_new_with_free_func ((GDestroyNotify) bw_edge_free);
  self->zone_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->node_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->edge_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

BwDocument *
bw_document_new (void)
{
  return g_object_new (BW_TYPE_DOCUMENT, NULL);
}

/* Accessors */

const char *
bw_document_get_title (BwDocument *self)
{
  return self->title;
}

const char *
bw_document_get_attack_version (BwDocument *self)
{
  return self->attack_version;
}

void
bw_document_set_attack_version (BwDocument *self,
                                const char *version)
{
  g_free (self->attack_version);
  self->attack_version = g_strdup (version);
}

double
bw_document_get_gap_threshold (BwDocument *self)
{
  return self->gap_threshold;
}

const char *const *
bw_document_get_threat_groups (BwDocument *self)
{
  return (const char *const *) self->threat_groups;
}

const char *const *
bw_document_get_threat_techniques (BwDocument *self)
{
  return (const char *const *) self->threat_techniques;
}

const char *
bw_document_get_label (BwDocument *self,
                       const char *id)
{
  const BwNode *node = bw_document_lookup_node (self, id);
  const BwZone *zone = node == NULL ? bw_document_lookup_zone (self, id) : NULL;

  return node != NULL ? node->label : zone != NULL ? zone->label : id;
}

const char *
bw_document_get_licence (BwDocument *self)
{
  return self->licence;
}

gboolean
bw_licence_is_valid (const char *licence)
{
  return licence == NULL || g_str_equal (licence, "E3") || g_str_equal (licence, "E5");
}

guint
bw_document_get_n_zones (BwDocument *self)
{
  return self->zones->len;
}

const BwZone *
bw_document_get_zone (BwDocument *self,
                      guint       index)
{
  g_return_val_if_fail (index < self->zones->len, NULL);
  return g_ptr_array_index (self->zones, index);
}

const BwZone *
bw_document_lookup_zone (BwDocument *self,
                         const char *id)
{
  return id ? g_hash_table_lookup (self->zone_by_id, id) : NULL;
}

guint
bw_document_get_n_nodes (BwDocument *self)
{
  return self->nodes->len;
}

const BwNode *
bw_document_get_node (BwDocument *self,
                      guint       index)
{
  g_return_val_if_fail (index < self->nodes->len, NULL);
  return g_ptr_array_index (self->nodes, index);
}

const BwNode *
bw_document_lookup_node (BwDocument *self,
                         const char *id)
{
  return id ? g_hash_table_lookup (self->node_by_id, id) : NULL;
}

guint
bw_document_get_n_edges (BwDocument *self)
{
  return self->edges->len;
}

const BwEdge *
bw_document_get_edge (BwDocument *self,
                      guint       index)
{
  g_return_val_if_fail (index < self->edges->len, NULL);
  return g_ptr_array_index (self->edges, index);
}

const BwEdge *
bw_document_lookup_edge (BwDocument *self,
                         const char *id)
{
  return id ? g_hash_table_lookup (self->edge_by_id, id) : NULL;
}

gboolean
bw_document_has_id (BwDocument *self,
                    const char *id)
{
  return g_hash_table_contains (self->zone_by_id, id) ||
         g_hash_table_contains (self->node_by_id, id) ||
         g_hash_table_contains (self->edge_by_id, id);
}

static const char id_prefixes[] = "zne";

/* The slot and number of ids shaped like "n12"; FALSE for any other id. */
static gboolean
id_number (const char *id,
           guint      *slot,
           guint64    *value)
{
  const char *prefix = id[0] ? strchr (id_prefixes, id[0]) : NULL;

  if (prefix == NULL || !g_ascii_isdigit (id[1]))
    return FALSE;
  *slot = prefix - id_prefixes;
  *value = g_ascii_strtoull (id + 1, NULL, 10);
  return TRUE;
}

static void
note_id_added (BwDocument *self,
               const char *id)
{
  guint slot;
  guint64 value;

  if (id_number (id, &slot, &value) && self->id_max_valid[slot])
    self->id_max[slot] = MAX (self->id_max[slot], value);
}

static void
note_id_removed (BwDocument *self,
                 const char *id)
{
  guint slot;
  guint64 value;

  if (id_number (id, &slot, &value) && value >= self->id_max[slot])
    self->id_max_valid[slot] = FALSE;
}

char *
bw_document_new_id (BwDocument *self,
                    char        prefix)
{
  const char *found = prefix ? strchr (id_prefixes, prefix) : NULL;
  guint slot;
  guint n;

  g_return_val_if_fail (found != NULL, NULL);
  slot = found - id_prefixes;

  /* One more than the largest number in use with this prefix, so ids read in creation order. */
  if (!self->id_max_valid[slot])
    {
      GPtrArray *arrays[] = { self->zones, self->nodes, self->edges };
      guint64 max = 0;

      for (guint a = 0; a < G_N_ELEMENTS (arrays); a++)
        for (guint i = 0; i < arrays[a]->len; i++)
          {
            const char *id = *(char **) g_ptr_array_index (arrays[a], i);
            guint id_slot;
            guint64 value;

            if (id_number (id, &id_slot, &value) && id_slot == slot)
              max = MAX (max, value);
          }
      self->id_max[slot] = max;
      self->id_max_valid[slot] = TRUE;
    }
  n = self->id_max[slot] >= G_MAXUINT ? G_MAXUINT : (guint) self->id_max[slot] + 1;
  for (;; n++)
    {
      g_autofree char *id = g_strdup_printf ("%c%u", prefix, n);

      if (!bw_document_has_id (self, id))
        return g_steal_pointer (&id);
    }
}

gboolean
bw_document_zone_is_within (BwDocument *self,
                            const char *zone_id,
                            const char *ancestor_id)
{
  const BwZone *zone = bw_document_lookup_zone (self, zone_id);
  guint guard = 0;

  while (zone != NULL && guard++ <= self->zones->len)
    {
      if (g_strcmp0 (zone->id, ancestor_id) == 0)
        return TRUE;
      zone = bw_document_lookup_zone (self, zone->parent);
    }
  return FALSE;
}

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
  g_ptr_array_insert (self->zones, index, zone);
  g_hash_table_insert (self->zone_by_id, zone->id, zone);
  note_id_added (self, zone->id);
  emit (self, BW_CHANGE_ADD, BW_OBJECT_ZONE, zone->id, 0, zone, NULL, NULL);
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
  g_ptr_array_insert (self->nodes, index, node);
  g_hash_table_insert (self->node_by_id, node->id, node);
  note_id_added (self, node->id);
  emit (self, BW_CHANGE_ADD, BW_OBJECT_NODE, node->id, 0, NULL, node, NULL);
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

static gboolean
check_edge_ends (BwDocument  *self,
                 BwEdgeKind   kind,
                 const char  *from,
                 const char  *to,
                 GError     **error)
{
  if (bw_document_lookup_node (self, from) == NULL)
    {
      g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_NOT_FOUND,
                   _("No node “%s”"), from ? from : "");
      return FALSE;
    }
  if (bw_document_lookup_node (self, to) == NULL &&
      !(kind == BW_EDGE_PROTECTS && bw_document_lookup_zone (self, to) != NULL))
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
  return TRUE;
}

const BwEdge *
bw_document_insert_edge (BwDocument   *self,
                         const BwEdge *template,
                         int           index,
                         GError      **error)
{
  BwEdge *edge;
  g_autofree char *id = NULL;

  if ((guint) template->kind > BW_EDGE_FLOW)
    {
      g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_INVALID,
                   _("Unknown connection kind"));
      return NULL;
    }
  id = template->id ? g_strdup (template->id) : bw_document_new_id (self, 'e');
  if (!check_new_id (self, id, error) ||
      !check_edge_ends (self, template->kind, template->from, template->to, error))
    return NULL;

  edge = bw_edge_copy (template);
  g_free (edge->id);
  edge->id = g_steal_pointer (&id);
  if (index < 0 || (guint) index > self->edges->len)
    index = self->edges->len;
  g_ptr_array_insert (self->edges, index, edge);
  g_hash_table_insert (self->edge_by_id, edge->id, edge);
  note_id_added (self, edge->id);
  emit (self, BW_CHANGE_ADD, BW_OBJECT_EDGE, edge->id, 0, NULL, NULL, edge);
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

  if ((object = g_hash_table_lookup (self->zone_by_id, id)) != NULL)
    return find_from_end (self->zones, object);
  if ((object = g_hash_table_lookup (self->node_by_id, id)) != NULL)
    return find_from_end (self->nodes, object);
  if ((object = g_hash_table_lookup (self->edge_by_id, id)) != NULL)
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

  if ((object = g_hash_table_lookup (self->edge_by_id, id)) != NULL)
    {
      BwEdge *owned;

      g_hash_table_remove (self->edge_by_id, id);
      owned = g_ptr_array_steal_index (self->edges, position_in (self->edges, object));
      note_id_removed (self, owned->id);
      emit (self, BW_CHANGE_REMOVE, BW_OBJECT_EDGE, owned->id, 0, NULL, NULL, owned);
      bw_edge_free (owned);
      return TRUE;
    }

  if (!bw_document_has_id (self, id))
    {
      g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_NOT_FOUND,
                   _("Nothing has the id “%s”"), id);
      return FALSE;
    }

  if ((user = first_reference (self, id, g_hash_table_contains (self->zone_by_id, id))) != NULL)
    {
      g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_IN_USE,
                   _("“%s” is still used by “%s”"), id, user);
      return FALSE;
    }

  if ((object = g_hash_table_lookup (self->node_by_id, id)) != NULL)
    {
      BwNode *owned;

      g_hash_table_remove (self->node_by_id, id);
      owned = g_ptr_array_steal_index (self->nodes, position_in (self->nodes, object));
      note_id_removed (self, owned->id);
      emit (self, BW_CHANGE_REMOVE, BW_OBJECT_NODE, owned->id, 0, NULL, owned, NULL);
      bw_node_free (owned);
      return TRUE;
    }

  object = g_hash_table_lookup (self->zone_by_id, id);
  {
    BwZone *owned;

    g_hash_table_remove (self->zone_by_id, id);
    owned = g_ptr_array_steal_index (self->zones, position_in (self->zones, object));
    note_id_removed (self, owned->id);
    emit (self, BW_CHANGE_REMOVE, BW_OBJECT_ZONE, owned->id, 0, owned, NULL, NULL);
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
  BwZone *zone = id ? g_hash_table_lookup (self->zone_by_id, id) : NULL;
  BwNode *node = id ? g_hash_table_lookup (self->node_by_id, id) : NULL;

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
      emit (self, BW_CHANGE_MODIFY, BW_OBJECT_ZONE, zone->id, BW_FIELD_GEOMETRY, zone, NULL, NULL);
    }
  else
    {
      if (node->x == x && node->y == y)
        return TRUE;
      node->x = x;
      node->y = y;
      emit (self, BW_CHANGE_MODIFY, BW_OBJECT_NODE, node->id, BW_FIELD_GEOMETRY, NULL, node, NULL);
    }
  return TRUE;
}

gboolean
bw_document_set_label (BwDocument  *self,
                       const char  *id,
                       const char  *label,
                       GError     **error)
{
  BwZone *zone = id ? g_hash_table_lookup (self->zone_by_id, id) : NULL;
  BwNode *node = id ? g_hash_table_lookup (self->node_by_id, id) : NULL;
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
    emit (self, BW_CHANGE_MODIFY, BW_OBJECT_ZONE, zone->id, BW_FIELD_LABEL, zone, NULL, NULL);
  else
    emit (self, BW_CHANGE_MODIFY, BW_OBJECT_NODE, node->id, BW_FIELD_LABEL, NULL, node, NULL);
  return TRUE;
}

gboolean
bw_document_set_parent (BwDocument  *self,
                        const char  *id,
                        const char  *parent,
                        GError     **error)
{
  BwZone *zone = id ? g_hash_table_lookup (self->zone_by_id, id) : NULL;
  BwNode *node = id ? g_hash_table_lookup (self->node_by_id, id) : NULL;

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
      emit (self, BW_CHANGE_MODIFY, BW_OBJECT_ZONE, zone->id, BW_FIELD_PARENT, zone, NULL, NULL);
    }
  else
    {
      if (g_strcmp0 (node->zone, parent) == 0)
        return TRUE;
      g_free (node->zone);
      node->zone = g_strdup (parent);
      emit (self, BW_CHANGE_MODIFY, BW_OBJECT_NODE, node->id, BW_FIELD_PARENT, NULL, node, NULL);
    }
  return TRUE;
}

void
bw_document_link_parent (BwDocument *self,
                         const char *id,
                         const char *parent)
{
  BwZone *zone = g_hash_table_lookup (self->zone_by_id, id);

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
  BwNode *node = node_id ? g_hash_table_lookup (self->node_by_id, node_id) : NULL;

  if (node == NULL)
    return not_found (node_id, error);
  g_clear_pointer (&node->props, json_object_unref);
  node->props = bw_json_object_copy (props);
  emit (self, BW_CHANGE_MODIFY, BW_OBJECT_NODE, node->id, BW_FIELD_PROPS, NULL, node, NULL);
  return TRUE;
}

gboolean
bw_document_set_edge_kind (BwDocument  *self,
                           const char  *edge_id,
                           BwEdgeKind   kind,
                           GError     **error)
{
  BwEdge *edge = edge_id ? g_hash_table_lookup (self->edge_by_id, edge_id) : NULL;

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
  if (!check_edge_ends (self, kind, edge->from, edge->to, error))
    return FALSE;
  edge->kind = kind;
  emit (self, BW_CHANGE_MODIFY, BW_OBJECT_EDGE, edge->id, BW_FIELD_KIND, NULL, NULL, edge);
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
  emit (self, BW_CHANGE_MODIFY, BW_OBJECT_DOCUMENT, NULL, BW_FIELD_TITLE, NULL, NULL, NULL);
}

void
bw_document_set_gap_threshold (BwDocument *self,
                               double      threshold)
{
  if (!isfinite (threshold) || self->gap_threshold == threshold)
    return;
  self->gap_threshold = CLAMP (threshold, 0, 1);
  emit (self, BW_CHANGE_MODIFY, BW_OBJECT_DOCUMENT, NULL, BW_FIELD_SETTINGS, NULL, NULL, NULL);
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
  emit (self, BW_CHANGE_MODIFY, BW_OBJECT_DOCUMENT, NULL, BW_FIELD_SETTINGS, NULL, NULL, NULL);
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
  emit (self, BW_CHANGE_MODIFY, BW_OBJECT_DOCUMENT, NULL, BW_FIELD_SETTINGS, NULL, NULL, NULL);
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
  emit (self, BW_CHANGE_MODIFY, BW_OBJECT_DOCUMENT, NULL, BW_FIELD_SETTINGS, NULL, NULL, NULL);
}
