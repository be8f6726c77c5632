/* bw-document-props.c: typed access to the node props Bulwark reads — a service's switched-off
 * capabilities and an asset's platform override — so no caller edits a node's JsonObject.
 * New props are always built on a deep copy. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-document-private.h"

static JsonArray *
props_array (const BwNode *node,
             const char   *key)
{
  JsonNode *member = json_object_get_member (node->props, key);

  return member != NULL && JSON_NODE_HOLDS_ARRAY (member) ? json_node_get_array (member) : NULL;
}

static char **
array_to_strv (JsonArray *array)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (element));
    }
  return g_strv_builder_end (builder);
}

/* Read in place, without a copy: the engine asks it for every capability of every service. */
gboolean
bw_node_get_capability_enabled (const BwNode *node,
                                const char   *capability)
{
  JsonArray *disabled = props_array (node, "disabled_capabilities");

  for (guint i = 0; disabled != NULL && i < json_array_get_length (disabled); i++)
    {
      JsonNode *element = json_array_get_element (disabled, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING &&
          g_str_equal (json_node_get_string (element), capability))
        return FALSE;
    }
  return TRUE;
}

char **
bw_node_dup_disabled_capabilities (const BwNode *node)
{
  return array_to_strv (props_array (node, "disabled_capabilities"));
}

char **
bw_node_dup_platforms (const BwNode *node)
{
  JsonArray *array = props_array (node, "platforms");

  return array != NULL ? array_to_strv (array) : NULL;
}

JsonObject *
bw_node_props_with_capability (const BwNode *node,
                               const char   *capability,
                               gboolean      enabled)
{
  JsonObject *props = bw_json_object_copy (node->props);
  g_auto(GStrv) old = bw_node_dup_disabled_capabilities (node);
  JsonArray *disabled = json_array_new ();

  for (guint i = 0; old[i] != NULL; i++)
    if (!g_str_equal (old[i], capability))
      json_array_add_string_element (disabled, old[i]);
  if (!enabled)
    json_array_add_string_element (disabled, capability);

  if (json_array_get_length (disabled) == 0)
    {
      json_array_unref (disabled);
      if (json_object_has_member (props, "disabled_capabilities"))
        json_object_remove_member (props, "disabled_capabilities");
    }
  else
    json_object_set_array_member (props, "disabled_capabilities", disabled);
  return props;
}

JsonObject *
bw_node_props_with_platforms (const BwNode      *node,
                              const char *const *platforms)
{
  JsonObject *props = bw_json_object_copy (node->props);

  if (platforms == NULL)
    {
      if (json_object_has_member (props, "platforms"))
        json_object_remove_member (props, "platforms");
    }
  else
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; platforms[i] != NULL; i++)
        json_array_add_string_element (array, platforms[i]);
      json_object_set_array_member (props, "platforms", array);
    }
  return props;
}

gboolean
bw_document_set_capability_enabled (BwDocument  *self,
                                    const char  *node_id,
                                    const char  *capability,
                                    gboolean     enabled,
                                    GError     **error)
{
  const BwNode *node = node_id ? bw_document_lookup_node (self, node_id) : NULL;
  g_autoptr(JsonObject) props = NULL;

  if (node == NULL)
    {
      g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_NOT_FOUND,
                   _("Nothing has the id “%s”"), node_id ? node_id : "");
      return FALSE;
    }
  props = bw_node_props_with_capability (node, capability, enabled);
  return bw_document_set_props (self, node_id, props, error);
}

gboolean
bw_document_set_platforms (BwDocument        *self,
                           const char        *node_id,
                           const char *const *platforms,
                           GError           **error)
{
  const BwNode *node = node_id ? bw_document_lookup_node (self, node_id) : NULL;
  g_autoptr(JsonObject) props = NULL;

  if (node == NULL)
    {
      g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_NOT_FOUND,
                   _("Nothing has the id “%s”"), node_id ? node_id : "");
      return FALSE;
    }
  props = bw_node_props_with_platforms (node, platforms);
  return bw_document_set_props (self, node_id, props, error);
}
