/* bw-document-records.c: the records a document holds — zones, nodes and edges — copied and
 * freed, a node's props copied deeply. */
#include "config.h"

#include "bw-document-private.h"

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
