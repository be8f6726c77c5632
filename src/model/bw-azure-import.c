/* bw-azure-import.c: reading an Azure inventory into resource records — the three shapes Azure's
 * tools print, the type table, the references between resources — and the import report. The
 * records become zones, nodes and edges in bw-azure-build.c. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bw-arrange.h"
#include "bw-azure-build.h"
#include "bw-json-read.h"

#define TABLE_PATH "/io/github/bulwark/Bulwark/import/azure.json"
/* References are looked for this deep inside a resource's properties. */
#define MAX_WALK_DEPTH 24
#define MAX_LABEL 200

G_DEFINE_QUARK (bw-azure-import-error-quark, bw_azure_import_error)

static void
type_count_free (BwAzureTypeCount *tc)
{
  g_free (tc->type);
  g_free (tc);
}

void
bw_azure_report_free (BwAzureReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->unknown);
  g_ptr_array_unref (report->skipped);
  g_free (report);
}

char *
bw_azure_report_describe (const BwAzureReport *report)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, _("Resources read: %u · zones: %u · nodes: %u · connections: %u"),
                          report->resources, report->zones, report->nodes, report->edges);
  g_string_append_c (out, '\n');
  if (report->unknown->len > 0)
    g_string_append_printf (out, "%s\n", _("Types not imported (unknown):"));
  for (guint i = 0; i < report->unknown->len; i++)
    {
      BwAzureTypeCount *tc = g_ptr_array_index (report->unknown, i);

      g_string_append_printf (out, "  %s × %u\n", tc->type, tc->count);
    }
  if (report->skipped->len > 0)
    g_string_append_printf (out, "%s\n", _("Types read but not drawn:"));
  for (guint i = 0; i < report->skipped->len; i++)
    {
      BwAzureTypeCount *tc = g_ptr_array_index (report->skipped, i);

      g_string_append_printf (out, "  %s × %u\n", tc->type, tc->count);
    }
  return g_string_free (out, FALSE);
}

void
bw_azure_count_type (GHashTable *counts,
                     const char *type)
{
  BwAzureTypeCount *tc = g_hash_table_lookup (counts, type);

  if (tc == NULL)
    {
      tc = g_new0 (BwAzureTypeCount, 1);
      tc->type = g_strdup (type);
      g_hash_table_insert (counts, tc->type, tc);
    }
  tc->count++;
}

static int
compare_type_count (gconstpointer a,
                    gconstpointer b)
{
  const BwAzureTypeCount *x = *(BwAzureTypeCount *const *) a;
  const BwAzureTypeCount *y = *(BwAzureTypeCount *const *) b;

  return strcmp (x->type, y->type);
}

static GPtrArray *
sorted_counts (GHashTable *counts)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) type_count_free);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (list, value);
  g_hash_table_steal_all (counts);
  g_ptr_array_sort (list, compare_type_count);
  return list;
}

/* The type table */

static gboolean
load_table (BwAzureImport *imp,
            GError       **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (TABLE_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                                     error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *pricings;
  JsonArray *types;
  GList *members;

  if (bytes == NULL)
    return FALSE;
  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), error))
    return FALSE;
  root = JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))
           ? json_node_get_object (json_parser_get_root (parser)) : NULL;
  types = root ? bw_json_object_get_array (root, "types") : NULL;
  pricings = root ? bw_json_object_get_object (root, "pricings") : NULL;
  if (types == NULL || pricings == NULL)
    {
      g_set_error (error, BW_AZURE_IMPORT_ERROR, BW_AZURE_IMPORT_ERROR_INVALID,
                   "%s: no “types” or “pricings”", TABLE_PATH);
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (types); i++)
    {
      JsonObject *t = bw_json_array_get_object (types, i);
      BwAzureEntry *entry;

      if (bw_azure_member_string (t, "type") == NULL)
        continue;
      entry = g_new0 (BwAzureEntry, 1);
      entry->stencil = g_strdup (bw_azure_member_string (t, "stencil"));
      entry->rule = g_strdup (bw_azure_member_string (t, "rule") ? bw_azure_member_string (t, "rule") : "");
      g_hash_table_insert (imp->table, g_ascii_strdown (bw_azure_member_string (t, "type"), -1),
                           entry);
    }
  members = json_object_get_members (pricings);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (pricings, l->data);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_hash_table_insert (imp->pricings, g_ascii_strdown (l->data, -1),
                             g_strdup (json_node_get_string (node)));
    }
  g_list_free (members);
  return TRUE;
}

static void
entry_free (BwAzureEntry *entry)
{
  g_free (entry->stencil);
  g_free (entry->rule);
  g_free (entry);
}

static void
res_free (BwAzureRes *res)
{
  g_free (res->key);
  g_free (res->type);
  g_free (res->name);
  g_free (res->subscription);
  g_free (res->group);
  g_free (res->scope);
  g_ptr_array_unref (res->sources);
  g_array_unref (res->refs);
  g_free (res->node_id);
  g_free (res->zone_id);
  g_free (res);
}

/* Reading records */

const char *
bw_azure_member_string (JsonObject *object,
                        const char *key)
{
  JsonNode *node = object ? json_object_get_member (object, key) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

JsonObject *
bw_azure_properties (JsonObject *object)
{
  JsonObject *props = bw_json_object_get_object (object, "properties");

  return props != NULL ? props : object;
}

/* The first of `keys` that is a string member: Azure CLI and PowerShell spell them apart. */
static const char *
member_any (JsonObject        *object,
            const char *const *keys)
{
  for (guint i = 0; keys[i] != NULL; i++)
    {
      const char *value = bw_azure_member_string (object, keys[i]);

      if (value != NULL)
        return value;
    }
  return NULL;
}

/* An ARM string evaluated; a plain string as it is. */
char *
bw_azure_value_of (BwAzureImport *imp,
                   const char    *text)
{
  if (text == NULL)
    return NULL;
  if (imp->template)
    return bw_azure_arm_eval_at (text, imp->parameters, imp->variables, imp->copy_index);
  return g_strdup (text);
}

gboolean
bw_azure_invalid (GError    **error,
                  const char *place,
                  const char *message)
{
  g_set_error (error, BW_AZURE_IMPORT_ERROR, BW_AZURE_IMPORT_ERROR_INVALID, "%s: %s", place,
               message);
  return FALSE;
}

BwAzureRes *
bw_azure_add_record (BwAzureImport *imp,
                     char          *key,        /* taken */
                     const char    *type,
                     const char    *name,
                     const char    *subscription,
                     const char    *group,
                     JsonObject    *object)
{
  gpointer found;
  BwAzureRes *res;
  const char *slash;

  if (g_hash_table_lookup_extended (imp->by_key, key, NULL, &found))
    {
      /* The same resource twice (a subnet inside its network and on its own): one record,
       * read from both. */
      res = g_ptr_array_index (imp->records, GPOINTER_TO_UINT (found));
      g_ptr_array_add (res->sources, object);
      g_free (key);
      return res;
    }
  res = g_new0 (BwAzureRes, 1);
  res->index = imp->records->len;
  res->key = key;
  res->type = g_ascii_strdown (type, -1);
  slash = strrchr (name, '/');
  name = slash ? slash + 1 : name;
  /* A label, not an essay. */
  res->name = g_utf8_strlen (name, -1) > MAX_LABEL ? g_utf8_substring (name, 0, MAX_LABEL)
                                                   : g_strdup (name);
  res->subscription = g_strdup (subscription);
  res->group = g_strdup (group);
  res->object = object;
  res->sources = g_ptr_array_new ();
  g_ptr_array_add (res->sources, object);
  res->refs = g_array_new (FALSE, FALSE, sizeof (guint));
  res->entry = g_hash_table_lookup (imp->table, res->type);
  res->copy_index = imp->copy_index;
  g_ptr_array_add (imp->records, res);
  g_hash_table_insert (imp->by_key, res->key, GUINT_TO_POINTER (res->index));
  return res;
}

/* The subnets a virtual network lists in its properties, as records of their own. */
void
bw_azure_add_embedded_subnets (BwAzureImport *imp,
                               BwAzureRes    *vnet)
{
  JsonObject *props = bw_azure_properties (vnet->object);
  JsonArray *subnets = props ? bw_json_object_get_array (props, "subnets") : NULL;

  for (guint i = 0; subnets != NULL && i < json_array_get_length (subnets); i++)
    {
      JsonObject *s = bw_json_array_get_object (subnets, i);
      g_autofree char *name = s ? bw_azure_value_of (imp, bw_azure_member_string (s, "name")) : NULL;
      const char *id = s ? bw_azure_member_string (s, "id") : NULL;
      char *key = NULL;
      g_auto(GStrv) fields = g_strsplit (vnet->key, "|", 4);

      if (name == NULL)
        continue;
      if (id != NULL && !imp->template)
        key = bw_azure_key_from_ref (id, vnet->subscription, vnet->group);
      if (key == NULL)
        {
          g_autofree char *full = g_strdup_printf (
              "%s/%s", fields[3], strrchr (name, '/') ? strrchr (name, '/') + 1 : name);

          key = bw_azure_key_make (fields[0], fields[1], "microsoft.network/virtualnetworks/subnets",
                                   full);
        }
      bw_azure_add_record (imp, key, "microsoft.network/virtualnetworks/subnets", name, vnet->subscription,
                  vnet->group, s);
    }
}

/* The segment after "/subscriptions/" or "/resourceGroups/" in a resource id, as written. */
static char *
id_segment (const char *id,
            const char *name)
{
  g_autofree char *needle = g_strdup_printf ("/%s/", name);
  gsize n = strlen (needle);

  for (const char *p = id; p != NULL && *p != '\0'; p = strchr (p + 1, '/'))
    {
      if (g_ascii_strncasecmp (p, needle, n) == 0 && p[n] != '\0' && p[n] != '/')
        return g_strndup (p + n, strcspn (p + n, "/"));
    }
  return NULL;
}

/* A Resource Graph row or an `az resource list` element. */
static gboolean
read_listed (BwAzureImport *imp,
             JsonObject    *object,
             const char    *place,
             GError       **error)
{
  static const char *const type_keys[] = { "type", "ResourceType", NULL };
  static const char *const name_keys[] = { "name", "Name", "ResourceName", NULL };
  static const char *const id_keys[] = { "id", "ResourceId", "Id", NULL };
  static const char *const sub_keys[] = { "subscriptionId", "SubscriptionId", NULL };
  static const char *const group_keys[] = { "resourceGroup", "ResourceGroupName", NULL };
  const char *type = member_any (object, type_keys);
  const char *name = member_any (object, name_keys);
  const char *id = member_any (object, id_keys);
  g_autofree char *sub = g_strdup (member_any (object, sub_keys));
  g_autofree char *group = g_strdup (member_any (object, group_keys));
  char *key = NULL;
  BwAzureRes *res;
  const char *last = NULL;

  if (type == NULL)
    return bw_azure_invalid (error, place, _("a resource without a “type”"));
  if (id != NULL && sub == NULL)
    sub = id_segment (id, "subscriptions");
  if (id != NULL && group == NULL)
    group = id_segment (id, "resourceGroups");
  if (id != NULL)
    key = bw_azure_key_from_ref (id, sub, group);
  if (name == NULL)
    name = id ? (strrchr (id, '/') ? strrchr (id, '/') + 1 : id) : type;
  if (key == NULL)
    key = bw_azure_key_make (sub, group, type, name);
  res = bw_azure_add_record (imp, key, type, name, sub, group, object);

  /* An extension resource (diagnostic settings, Sentinel's onboarding) belongs to what its id
   * names before its own provider part. */
  for (const char *p = id; p != NULL && (p = strstr (p, "/providers/")) != NULL; p++)
    last = p;
  if (last != NULL && last != strstr (id, "/providers/") && res->scope == NULL)
    {
      g_autofree char *prefix = g_strndup (id, last - id);

      res->scope = bw_azure_key_from_ref (prefix, sub, group);
    }
  if (g_str_equal (res->type, "microsoft.network/virtualnetworks"))
    bw_azure_add_embedded_subnets (imp, res);
  return TRUE;
}

/* Resource Graph's table form (`"resultFormat": "table"`, and older API versions):
 * {"data": {"columns": [{"name": …, "type": …}], "rows": [[…], …]}} — each row made the object
 * the other forms list, null cells left out. */
static JsonArray *
table_rows (JsonObject  *table,
            GError     **error)
{
  JsonArray *columns = bw_json_object_get_array (table, "columns");
  JsonArray *rows = bw_json_object_get_array (table, "rows");
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(JsonArray) objects = NULL;

  if (columns == NULL || rows == NULL)
    {
      bw_azure_invalid (error, "data", _("a table needs “columns” and “rows” arrays"));
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (columns); i++)
    {
      JsonObject *column = bw_json_array_get_object (columns, i);
      const char *name = column ? bw_json_object_get_string (column, "name") : NULL;

      if (name == NULL)
        {
          g_autofree char *place = g_strdup_printf ("data.columns[%u]", i);

          bw_azure_invalid (error, place, _("a column needs a “name”"));
          return NULL;
        }
      g_ptr_array_add (names, (gpointer) name);
    }
  objects = json_array_sized_new (json_array_get_length (rows));
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonNode *node = json_array_get_element (rows, i);
      JsonArray *row = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
      JsonObject *object;

      if (row == NULL || json_array_get_length (row) != names->len)
        {
          g_autofree char *place = g_strdup_printf ("data.rows[%u]", i);
          g_autofree char *message =
              g_strdup_printf (_("a row needs one value for each of the %u columns"), names->len);

          bw_azure_invalid (error, place, message);
          return NULL;
        }
      object = json_object_new ();
      for (guint c = 0; c < names->len; c++)
        {
          JsonNode *cell = json_array_get_element (row, c);

          if (!JSON_NODE_HOLDS_NULL (cell))
            json_object_set_member (object, names->pdata[c], json_node_copy (cell));
        }
      json_array_add_object_element (objects, object);
    }
  return g_steal_pointer (&objects);
}

static gboolean
read_records (BwAzureImport *imp,
              JsonNode      *root,
              GError       **error)
{
  g_autoptr(JsonArray) list = NULL;
  const char *name = "";

  if (JSON_NODE_HOLDS_ARRAY (root))
    list = json_array_ref (json_node_get_array (root));
  else if (JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *top = json_node_get_object (root);

      JsonObject *table = bw_json_object_get_object (top, "data");

      if (table != NULL)
        {
          if ((list = table_rows (table, error)) == NULL)
            return FALSE;
          /* Records are read from until the import ends. */
          imp->table_rows = json_array_ref (list);
          name = "data.rows";
        }
      else if ((list = bw_json_object_get_array (top, "data")) != NULL)
        {
          name = "data";
          json_array_ref (list);
        }
      else if ((list = bw_json_object_get_array (top, "value")) != NULL)
        {
          name = "value";
          json_array_ref (list);
        }
      else if ((list = bw_azure_template_resources (top)) != NULL)
        {
          name = "resources";
          imp->template = TRUE;
          imp->parameters = bw_json_object_get_object (top, "parameters");
          imp->variables = bw_json_object_get_object (top, "variables");
        }
    }
  if (list == NULL)
    return bw_azure_invalid (error, _("top level"),
                    _("not an Azure inventory (expected an array of resources, "
                      "{\"data\": […]} from az graph query, or an ARM template’s "
                      "{\"resources\": […]})"));

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *object = bw_json_array_get_object (list, i);
      g_autofree char *place = g_strdup_printf ("%s[%u]", name, i);

      if (object == NULL)
        return bw_azure_invalid (error, place, _("not an object"));
      if (imp->template ? !bw_azure_read_template_resource (imp, object, NULL, 0, place, error)
                        : !read_listed (imp, object, place, error))
        return FALSE;
      imp->n_read++;
    }
  return TRUE;
}

/* References: every string in a resource that names another resource of the inventory. */

static void
add_ref (BwAzureImport *imp,
         BwAzureRes    *res,
         const char    *text)
{
  g_autofree char *value = NULL;
  g_autofree char *key = NULL;

  if (text[0] != '/' && text[0] != '[')
    return;
  value = bw_azure_value_of (imp, text);
  if (value == NULL)
    return;
  key = bw_azure_key_from_ref (value, res->subscription, res->group);
  /* A part of a resource (a NIC's ip configuration, a load balancer's pool) stands for the
   * resource. */
  while (key != NULL)
    {
      gpointer found;
      char *parent;

      if (g_hash_table_lookup_extended (imp->by_key, key, NULL, &found))
        {
          guint index = GPOINTER_TO_UINT (found);

          guint64 pair = ((guint64) res->index << 32) | index;

          /* Each once, however often named: a set of pairs keeps this linear. */
          if (index == res->index || g_hash_table_contains (imp->ref_pairs, &pair))
            return;
          g_hash_table_add (imp->ref_pairs, g_memdup2 (&pair, sizeof pair));
          g_array_append_val (res->refs, index);
          return;
        }
      parent = bw_azure_key_parent (key);
      g_free (key);
      key = parent;
    }
}

static void
walk (BwAzureImport *imp,
      BwAzureRes    *res,
      JsonNode      *node,
      guint          depth)
{
  if (depth > MAX_WALK_DEPTH)
    return;
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *member;
      JsonNode *value;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &member, &value))
        {
          /* A resource's own id, and the resources nested in a template, are no references. */
          if (depth == 0 && (g_str_equal (member, "id") || g_str_equal (member, "resources")))
            continue;
          walk (imp, res, value, depth + 1);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        walk (imp, res, json_array_get_element (array, i), depth + 1);
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    add_ref (imp, res, json_node_get_string (node));
}

static void
find_refs (BwAzureImport *imp)
{
  for (guint i = 0; i < imp->records->len; i++)
    {
      BwAzureRes *res = g_ptr_array_index (imp->records, i);

      /* A loop's copy names what its own iteration names. */
      imp->copy_index = res->copy_index;
      for (guint j = 0; j < res->sources->len; j++)
        {
          g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (),
                                                            g_ptr_array_index (res->sources, j));

          walk (imp, res, node, 0);
        }
    }
}

BwDocument *
bw_azure_import (const char     *data,
                 gsize           length,
                 BwCatalog      *catalog,
                 const char     *title,
                 BwAzureReport **out_report,
                 GError        **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GHashTable) unknown = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) type_count_free);
  g_autoptr(GHashTable) skipped = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) type_count_free);
  g_autoptr(GError) local = NULL;
  BwAzureImport imp = { .copy_index = -1 };
  BwDocument *doc = NULL;
  BwAzureReport *report;

  g_return_val_if_fail (BW_IS_CATALOG (catalog), NULL);

  if (!bw_json_read_check (data, length, &local) ||
      !json_parser_load_from_data (parser, data, length, &local))
    {
      g_set_error (error, BW_AZURE_IMPORT_ERROR, BW_AZURE_IMPORT_ERROR_PARSE, "%s",
                   local->message);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      bw_azure_invalid (error, _("top level"), _("the file is empty"));
      return NULL;
    }

  imp.catalog = catalog;
  imp.table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) entry_free);
  imp.pricings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  imp.records = g_ptr_array_new_with_free_func ((GDestroyNotify) res_free);
  imp.by_key = g_hash_table_new (g_str_hash, g_str_equal);
  imp.ref_pairs = g_hash_table_new_full (bw_pair_hash, g_int64_equal, g_free, NULL);
  imp.unknown = unknown;
  imp.skipped = skipped;

  if (load_table (&imp, error) && read_records (&imp, json_parser_get_root (parser), error))
    {
      find_refs (&imp);
      doc = bw_azure_build (&imp, title);
      bw_arrange_apply (doc, catalog);
      bw_catalog_stamp_document (catalog, doc);
    }

  if (doc != NULL && out_report != NULL)
    {
      report = g_new0 (BwAzureReport, 1);
      report->resources = imp.n_read;
      report->zones = bw_document_get_n_zones (doc);
      report->nodes = bw_document_get_n_nodes (doc);
      report->edges = bw_document_get_n_edges (doc);
      report->unknown = sorted_counts (unknown);
      report->skipped = sorted_counts (skipped);
      *out_report = report;
    }
  g_hash_table_unref (imp.table);
  g_hash_table_unref (imp.pricings);
  g_hash_table_unref (imp.by_key);
  g_hash_table_unref (imp.ref_pairs);
  g_ptr_array_unref (imp.records);
  g_clear_pointer (&imp.table_rows, json_array_unref);
  return doc;
}
