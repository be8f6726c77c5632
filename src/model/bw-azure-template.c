/* bw-azure-template.c: an ARM template's resources — nested ones, copy loops (one resource per
 * iteration) and conditions (what is not deployed is not read). */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bw-azure-build.h"
#include "bw-json-read.h"

/* Nested resources are read this deep. */
#define MAX_NESTED_DEPTH 8
/* Azure's own limit for one copy loop. */
#define MAX_COPIES 800

/* A template's `resources`: an array, or (language version 2.0) an object of symbolic names,
 * taken in file order. A new reference, or NULL when neither. */
JsonArray *
bw_azure_template_resources (JsonObject *object)
{
  JsonNode *node = json_object_get_member (object, "resources");
  JsonArray *list;
  JsonObjectIter iter;
  JsonNode *value;

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    return json_array_ref (json_node_get_array (node));
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  list = json_array_new ();
  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, NULL, &value))
    json_array_add_element (list, json_node_copy (value));
  return list;
}

/* An element of an ARM template's `resources`, with its nested resources: one iteration. */
static gboolean
read_template_copy (BwAzureImport *imp,
                        JsonObject    *object,
                        BwAzureRes    *parent,
                        guint          depth,
                        const char    *place,
                        GError       **error)
{
  g_autofree char *type = bw_azure_value_of (imp, bw_azure_member_string (object, "type"));
  g_autofree char *name = bw_azure_value_of (imp, bw_azure_member_string (object, "name"));
  g_autofree char *scope = bw_azure_value_of (imp, bw_azure_member_string (object, "scope"));
  g_autofree char *full_type = NULL;
  g_autofree char *full_name = NULL;
  g_autoptr(JsonArray) nested = NULL;
  const char *providers;
  BwAzureRes *res;

  if (type == NULL)
    return bw_azure_invalid (error, place, _("a resource without a “type”"));
  if (name == NULL)
    name = g_strdup (type);
  if (parent != NULL && strchr (type, '/') == NULL)
    {
      g_auto(GStrv) parent_fields = g_strsplit (parent->key, "|", 4);

      full_type = g_strdup_printf ("%s/%s", parent->type, type);
      full_name = g_strdup_printf ("%s/%s", parent_fields[3], name);
    }
  else
    {
      full_type = g_strdup (type);
      full_name = g_strdup (name);
    }

  /* "Microsoft.KeyVault/vaults/providers/diagnosticSettings", named "kv/Microsoft.Insights/d":
   * an extension of the vault. */
  providers = strstr (full_type, "/providers/");
  if (providers != NULL)
    {
      g_autofree char *base = g_strndup (full_type, providers - full_type);
      g_auto(GStrv) names = g_strsplit (full_name, "/", -1);
      guint base_parts = 0;
      g_autofree char *scope_name = NULL;

      for (const char *p = base; *p != '\0'; p++)
        base_parts += *p == '/';
      if (g_strv_length (names) > base_parts)
        {
          /* The names before the provider part name the extended resource. */
          char *cut = names[base_parts];

          names[base_parts] = NULL;
          scope_name = g_strjoinv ("/", names);
          names[base_parts] = cut;
          g_free (scope);
          scope = g_strdup_printf ("%s/%s", base, scope_name);
        }
      if (strrchr (full_type, '/') != NULL && g_str_has_suffix (full_type, "diagnosticSettings"))
        {
          g_free (full_type);
          full_type = g_strdup ("microsoft.insights/diagnosticsettings");
        }
    }

  res = bw_azure_add_record (imp, bw_azure_key_make (NULL, NULL, full_type, full_name), full_type,
                    full_name, NULL, NULL, object);
  if (scope != NULL && res->scope == NULL)
    res->scope = bw_azure_key_from_ref (scope, NULL, NULL);
  if (res->scope == NULL && parent != NULL &&
      g_str_equal (res->type, "microsoft.insights/diagnosticsettings"))
    res->scope = g_strdup (parent->key);
  if (g_str_equal (res->type, "microsoft.network/virtualnetworks"))
    bw_azure_add_embedded_subnets (imp, res);

  nested = bw_azure_template_resources (object);
  if (nested != NULL && depth >= MAX_NESTED_DEPTH)
    return bw_azure_invalid (error, place, _("resources nested too deeply"));
  for (guint i = 0; nested != NULL && i < json_array_get_length (nested); i++)
    {
      JsonObject *child = bw_json_array_get_object (nested, i);
      g_autofree char *child_place = g_strdup_printf ("%s.resources[%u]", place, i);

      if (child == NULL)
        return bw_azure_invalid (error, child_place, _("not an object"));
      if (!bw_azure_read_template_resource (imp, child, res, depth + 1, child_place, error))
        return FALSE;
    }
  return TRUE;
}

/* How many resources a `copy` loop makes: its count, a number or an expression; 1 without. */
static gboolean
copy_count (BwAzureImport *imp,
            JsonObject    *object,
            const char    *place,
            gint64        *count,
            GError       **error)
{
  JsonObject *copy = bw_json_object_get_object (object, "copy");
  JsonNode *node = copy != NULL ? json_object_get_member (copy, "count") : NULL;
  g_autofree char *text = NULL;

  *count = 1;
  if (copy == NULL)
    return TRUE;
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_INT64)
    *count = json_node_get_int (node);
  else if ((text = bw_azure_value_of (imp, bw_azure_member_string (copy, "count"))) == NULL ||
           !g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, count, NULL))
    *count = 1; /* worked out in a way not followed here: the first of them stands for all */
  /* Azure's own limit for one loop. */
  if (*count < 0 || *count > MAX_COPIES)
    {
      g_autofree char *at = g_strdup_printf ("%s.copy.count", place);
      g_autofree char *message = g_strdup_printf (_("a copy loop makes 0 to %d resources"),
                                                  MAX_COPIES);

      return bw_azure_invalid (error, at, message);
    }
  return TRUE;
}

/* FALSE when the resource's `condition` says it is not deployed: false, or an expression
 * that works out false. A condition not worked out here deploys it. */
static gboolean
deployed (BwAzureImport *imp,
          JsonObject    *object)
{
  JsonNode *node = json_object_get_member (object, "condition");
  g_autofree char *value = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return TRUE;
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return json_node_get_boolean (node);
  value = bw_azure_value_of (imp, bw_azure_member_string (object, "condition"));
  return value == NULL || g_ascii_strcasecmp (value, "false") != 0;
}

gboolean
bw_azure_read_template_resource (BwAzureImport *imp,
                                 JsonObject    *object,
                                 BwAzureRes    *parent,
                                 guint          depth,
                                 const char    *place,
                                 GError       **error)
{
  int outer = imp->copy_index;
  gint64 count;
  gboolean ok = TRUE;

  if (!deployed (imp, object))
    return TRUE;
  if (bw_json_object_get_object (object, "copy") == NULL)
    return read_template_copy (imp, object, parent, depth, place, error);
  if (!copy_count (imp, object, place, &count, error))
    return FALSE;
  for (gint64 i = 0; ok && i < count; i++)
    {
      imp->copy_index = (int) i;
      ok = read_template_copy (imp, object, parent, depth, place, error);
    }
  imp->copy_index = outer;
  return ok;
}
