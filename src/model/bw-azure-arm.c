/* bw-azure-arm.c: resource keys, and the ARM template expressions `az group export` writes
 * resource names and references with ("[parameters('vm_name')]",
 * "[resourceId('Microsoft.Network/networkInterfaces', parameters('nic_name'))]"). */
#include "config.h"

#include <string.h>

#include "bw-azure-private.h"
#include "bw-json-read.h"

/* Expressions nest a few levels in practice; variables may refer to others. */
#define MAX_NESTING 32
#define MAX_EXPANSIONS 256
#define MAX_VALUE_LENGTH 4096

char *
bw_azure_key_make (const char *subscription,
                   const char *group,
                   const char *type,
                   const char *name)
{
  g_autofree char *key = g_strdup_printf ("%s|%s|%s|%s", subscription ? subscription : "",
                                          group ? group : "", type ? type : "",
                                          name ? name : "");

  return g_ascii_strdown (key, -1);
}

/* "ns/t1/n1/t2/n2" → type "ns/t1/t2", name "n1/n2". */
static char *
key_from_provider_path (char      **parts,
                        const char *subscription,
                        const char *group)
{
  g_autoptr(GString) type = NULL;
  g_autoptr(GString) name = g_string_new (NULL);
  guint n = g_strv_length (parts);

  if (n < 3 || n % 2 == 0 || strchr (parts[0], '.') == NULL)
    return NULL;
  type = g_string_new (parts[0]);
  for (guint i = 1; i + 1 < n; i += 2)
    {
      if (parts[i][0] == '\0' || parts[i + 1][0] == '\0')
        return NULL;
      g_string_append_printf (type, "/%s", parts[i]);
      g_string_append_printf (name, "%s%s", name->len ? "/" : "", parts[i + 1]);
    }
  return bw_azure_key_make (subscription, group, type->str, name->str);
}

char *
bw_azure_key_from_ref (const char *ref,
                       const char *subscription,
                       const char *group)
{
  g_auto(GStrv) parts = NULL;
  const char *sub = subscription, *rg = group;
  guint n, i = 0, providers = 0;

  if (ref == NULL || ref[0] == '\0' || strlen (ref) > MAX_VALUE_LENGTH)
    return NULL;
  if (ref[0] != '/')
    {
      parts = g_strsplit (ref, "/", -1);
      return key_from_provider_path (parts, subscription, group);
    }
  parts = g_strsplit (ref + 1, "/", -1);
  n = g_strv_length (parts);
  if (i + 1 < n && g_ascii_strcasecmp (parts[i], "subscriptions") == 0)
    {
      sub = parts[i + 1];
      i += 2;
      rg = NULL;
      if (i == n)
        return bw_azure_key_make (NULL, NULL, "microsoft.resources/subscriptions", sub);
    }
  if (i + 1 < n && g_ascii_strcasecmp (parts[i], "resourcegroups") == 0)
    {
      rg = parts[i + 1];
      i += 2;
      if (i == n)
        return bw_azure_key_make (sub, NULL, "microsoft.resources/subscriptions/resourcegroups", rg);
    }
  /* An extension resource (…/vaults/kv/providers/Microsoft.Insights/diagnosticSettings/d)
   * is named by its last provider part. */
  for (guint j = i; j < n; j++)
    if (g_ascii_strcasecmp (parts[j], "providers") == 0)
      providers = j + 1;
  if (providers == 0)
    return NULL;
  return key_from_provider_path (parts + providers, sub, rg);
}

const char *
bw_azure_key_type (const char *key,
                   gsize      *length)
{
  const char *p = key;

  for (guint i = 0; i < 2 && p != NULL; i++)
    {
      p = strchr (p, '|');
      if (p != NULL)
        p++;
    }
  if (p == NULL)
    {
      *length = 0;
      return "";
    }
  *length = strchr (p, '|') ? (gsize) (strchr (p, '|') - p) : strlen (p);
  return p;
}

char *
bw_azure_key_parent (const char *key)
{
  g_auto(GStrv) fields = g_strsplit (key, "|", 4);
  char *type_cut, *name_cut;

  if (g_strv_length (fields) != 4)
    return NULL;
  type_cut = strrchr (fields[2], '/');
  name_cut = strrchr (fields[3], '/');
  if (type_cut == NULL || name_cut == NULL || strchr (fields[2], '/') == type_cut)
    return NULL;
  *type_cut = '\0';
  *name_cut = '\0';
  return bw_azure_key_make (fields[0], fields[1], fields[2], fields[3]);
}

/* The expression evaluator: a recursive descent over one expression, every value a string. */

typedef struct
{
  const char *p;
  JsonObject *parameters;
  JsonObject *variables;
  guint       depth;
  guint      *budget;     /* expansions of parameters and variables left, shared */
  int         copy_index; /* -1 outside a copy loop */
} Eval;

static char *eval_value (Eval *ev);
static char *eval_text  (const char *text,
                         const Eval *outer,
                         guint       depth);

static void
skip_space (Eval *ev)
{
  while (*ev->p == ' ' || *ev->p == '\t' || *ev->p == '\n' || *ev->p == '\r')
    ev->p++;
}

static char *
eval_literal (Eval *ev)
{
  GString *out = g_string_new (NULL);

  ev->p++;
  for (;;)
    {
      if (*ev->p == '\0' || out->len > MAX_VALUE_LENGTH)
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      if (*ev->p == '\'' && ev->p[1] == '\'')
        {
          g_string_append_c (out, '\'');
          ev->p += 2;
        }
      else if (*ev->p == '\'')
        {
          ev->p++;
          return g_string_free (out, FALSE);
        }
      else
        g_string_append_c (out, *ev->p++);
    }
}

/* A parameter's defaultValue or a variable's value, itself evaluated when an expression. */
static char *
lookup_named (Eval       *ev,
              JsonObject *table,
              const char *name,
              gboolean    parameter)
{
  JsonNode *node = table && name ? json_object_get_member (table, name) : NULL;
  JsonObject *object;

  if (node != NULL && parameter && JSON_NODE_HOLDS_OBJECT (node))
    {
      object = json_node_get_object (node);
      node = json_object_get_member (object, "defaultValue");
    }
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || *ev->budget == 0)
    return NULL;
  /* A count or a flag: its text. */
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "True" : "False");
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  (*ev->budget)--;
  return eval_text (json_node_get_string (node), ev, ev->depth + 1);
}

/* resourceId([subscriptionId,] [resourceGroupName,] type, name1, name2, …). */
static char *
build_resource_id (GPtrArray *args,
                   gboolean   extension)
{
  GString *out = g_string_new (NULL);
  guint t = extension ? 1 : 0;
  g_auto(GStrv) type = NULL;
  guint n_type;

  while (t < args->len && strchr (g_ptr_array_index (args, t), '/') == NULL)
    t++;
  if (t >= args->len)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  if (extension)
    g_string_append (out, g_ptr_array_index (args, 0));
  else if (t == 2)
    g_string_append_printf (out, "/subscriptions/%s/resourceGroups/%s",
                            (char *) g_ptr_array_index (args, 0),
                            (char *) g_ptr_array_index (args, 1));
  else if (t == 1)
    g_string_append_printf (out, "/resourceGroups/%s", (char *) g_ptr_array_index (args, 0));
  type = g_strsplit (g_ptr_array_index (args, t), "/", -1);
  n_type = g_strv_length (type);
  g_string_append_printf (out, "/providers/%s", type[0]);
  for (guint i = 1; i < n_type; i++)
    {
      const char *name = t + i < args->len ? g_ptr_array_index (args, t + i) : "";

      g_string_append_printf (out, "/%s/%s", type[i], name);
    }
  return g_string_free (out, FALSE);
}

static char *
apply_format (GPtrArray *args)
{
  const char *f;
  GString *out;

  if (args->len == 0)
    return NULL;
  out = g_string_new (NULL);
  for (f = g_ptr_array_index (args, 0); *f != '\0'; f++)
    {
      char *end;
      guint64 index;

      if (*f == '{' && g_ascii_isdigit (f[1]))
        {
          index = g_ascii_strtoull (f + 1, &end, 10);
          if (*end == '}' && index + 1 < args->len)
            {
              g_string_append (out, g_ptr_array_index (args, index + 1));
              f = end;
              continue;
            }
        }
      g_string_append_c (out, *f);
    }
  return g_string_free (out, FALSE);
}

/* An integer argument, or FALSE. */
static gboolean
int_arg (GPtrArray *args,
         guint      index,
         gint64    *value)
{
  const char *text = index < args->len ? g_ptr_array_index (args, index) : NULL;

  return text != NULL && g_ascii_string_to_signed (text, 10, -(1 << 30), 1 << 30, value, NULL);
}

static gboolean
is_bool (const char *text)
{
  return g_ascii_strcasecmp (text, "true") == 0 || g_ascii_strcasecmp (text, "false") == 0;
}

/* copyIndex(), copyIndex(offset), copyIndex('loop'[, offset]). */
static char *
copy_index (Eval      *ev,
            GPtrArray *args)
{
  gint64 offset = 0;

  if (ev->copy_index < 0)
    return NULL;
  if (args->len > 0 && !int_arg (args, 0, &offset) && !int_arg (args, 1, &offset))
    offset = 0;
  return g_strdup_printf ("%" G_GINT64_FORMAT, ev->copy_index + offset);
}

/* padLeft(value, totalLength, char): names such as "vm01". */
static char *
pad_left (GPtrArray *args)
{
  gint64 total;
  const char *value = args->len > 0 ? g_ptr_array_index (args, 0) : NULL;
  const char *pad = args->len > 2 ? g_ptr_array_index (args, 2) : " ";
  GString *out;

  if (value == NULL || !int_arg (args, 1, &total) || total > MAX_VALUE_LENGTH)
    return NULL;
  out = g_string_new (NULL);
  for (gint64 n = g_utf8_strlen (value, -1); n < total; n++)
    g_string_append_unichar (out, *pad != '\0' ? g_utf8_get_char (pad) : ' ');
  g_string_append (out, value);
  return g_string_free (out, FALSE);
}

static char *
call (Eval       *ev,
      const char *name,
      GPtrArray  *args)
{
  const char *first = args->len > 0 ? g_ptr_array_index (args, 0) : NULL;

  if (g_ascii_strcasecmp (name, "parameters") == 0)
    return lookup_named (ev, ev->parameters, first, TRUE);
  if (g_ascii_strcasecmp (name, "variables") == 0)
    return lookup_named (ev, ev->variables, first, FALSE);
  if (g_ascii_strcasecmp (name, "concat") == 0)
    {
      GString *out = g_string_new (NULL);

      for (guint i = 0; i < args->len; i++)
        g_string_append (out, g_ptr_array_index (args, i));
      return g_string_free (out, FALSE);
    }
  if (g_ascii_strcasecmp (name, "format") == 0)
    return apply_format (args);
  /* Conditions: a deployment flag compared, negated, combined. Values are "True" and "False". */
  if (g_ascii_strcasecmp (name, "equals") == 0 && args->len == 2)
    return g_strdup (g_str_equal (first, g_ptr_array_index (args, 1)) ? "True" : "False");
  if (g_ascii_strcasecmp (name, "not") == 0 && first && is_bool (first))
    return g_strdup (g_ascii_strcasecmp (first, "true") == 0 ? "False" : "True");
  if (g_ascii_strcasecmp (name, "bool") == 0 && first && is_bool (first))
    return g_strdup (g_ascii_strcasecmp (first, "true") == 0 ? "True" : "False");
  if ((g_ascii_strcasecmp (name, "and") == 0 || g_ascii_strcasecmp (name, "or") == 0) &&
      args->len >= 2)
    {
      gboolean and = g_ascii_strcasecmp (name, "and") == 0;
      gboolean result = and;

      for (guint i = 0; i < args->len; i++)
        {
          if (!is_bool (g_ptr_array_index (args, i)))
            return NULL;
          if (and)
            result = result && g_ascii_strcasecmp (g_ptr_array_index (args, i), "true") == 0;
          else
            result = result || g_ascii_strcasecmp (g_ptr_array_index (args, i), "true") == 0;
        }
      return g_strdup (result ? "True" : "False");
    }
  if (g_ascii_strcasecmp (name, "copyIndex") == 0)
    return copy_index (ev, args);
  if (g_ascii_strcasecmp (name, "true") == 0 || g_ascii_strcasecmp (name, "false") == 0)
    return g_strdup (g_ascii_strcasecmp (name, "true") == 0 ? "True" : "False");
  if (g_ascii_strcasecmp (name, "padLeft") == 0)
    return pad_left (args);
  if (g_ascii_strcasecmp (name, "string") == 0 && first)
    return g_strdup (first);
  if (g_ascii_strcasecmp (name, "add") == 0)
    {
      gint64 a, b;

      return int_arg (args, 0, &a) && int_arg (args, 1, &b)
                 ? g_strdup_printf ("%" G_GINT64_FORMAT, a + b)
                 : NULL;
    }
  if (g_ascii_strcasecmp (name, "toLower") == 0 && first)
    return g_ascii_strdown (first, -1);
  if (g_ascii_strcasecmp (name, "toUpper") == 0 && first)
    return g_ascii_strup (first, -1);
  if (g_ascii_strcasecmp (name, "resourceId") == 0 ||
      g_ascii_strcasecmp (name, "subscriptionResourceId") == 0 ||
      g_ascii_strcasecmp (name, "tenantResourceId") == 0)
    return build_resource_id (args, FALSE);
  if (g_ascii_strcasecmp (name, "extensionResourceId") == 0)
    return build_resource_id (args, TRUE);
  /* What a name rarely depends on and an inventory does not know: the deployment's own
   * subscription and group. Their properties evaluate to nothing. */
  if (g_ascii_strcasecmp (name, "subscription") == 0 ||
      g_ascii_strcasecmp (name, "resourceGroup") == 0)
    return g_strdup ("");
  return NULL;
}

static char *
eval_call (Eval *ev)
{
  const char *start = ev->p;
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  char *value;

  while (g_ascii_isalnum (*ev->p) || *ev->p == '_')
    ev->p++;
  if (ev->p == start)
    return NULL;
  name = g_strndup (start, ev->p - start);
  skip_space (ev);
  if (*ev->p != '(')
    return NULL;
  ev->p++;
  skip_space (ev);
  while (*ev->p != ')')
    {
      char *arg = eval_value (ev);

      if (arg == NULL)
        return NULL;
      g_ptr_array_add (args, arg);
      skip_space (ev);
      if (*ev->p == ',')
        ev->p++;
      else if (*ev->p != ')')
        return NULL;
    }
  ev->p++;
  value = call (ev, name, args);
  /* A property of the result (resourceGroup().location, reference(…).id): not known here. */
  while (value != NULL && *ev->p == '.')
    {
      ev->p++;
      while (g_ascii_isalnum (*ev->p) || *ev->p == '_')
        ev->p++;
      g_free (value);
      value = g_strdup ("");
    }
  return value;
}

static char *
eval_value (Eval *ev)
{
  char *value;

  if (++ev->depth > MAX_NESTING)
    return NULL;
  skip_space (ev);
  if (*ev->p == '\'')
    value = eval_literal (ev);
  else if (g_ascii_isdigit (*ev->p) || *ev->p == '-')
    {
      const char *start = ev->p++;

      while (g_ascii_isdigit (*ev->p))
        ev->p++;
      value = g_strndup (start, ev->p - start);
    }
  else
    value = eval_call (ev);
  ev->depth--;
  if (value != NULL && strlen (value) > MAX_VALUE_LENGTH)
    g_clear_pointer (&value, g_free);
  return value;
}

/* `outer` gives the tables, the budget and the loop iteration. */
static char *
eval_text (const char *text,
           const Eval *outer,
           guint       depth)
{
  gsize length;
  g_autofree char *inner = NULL;
  Eval ev = { NULL, outer->parameters, outer->variables, depth, outer->budget,
              outer->copy_index };
  char *value;

  if (text == NULL)
    return NULL;
  length = strlen (text);
  if (text[0] != '[' || length < 2 || text[length - 1] != ']')
    return g_strdup (text);
  if (text[1] == '[')
    return g_strdup (text + 1);
  inner = g_strndup (text + 1, length - 2);
  ev.p = inner;
  value = eval_value (&ev);
  skip_space (&ev);
  if (value != NULL && *ev.p != '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

char *
bw_azure_arm_eval_at (const char *text,
                      JsonObject *parameters,
                      JsonObject *variables,
                      int         copy_index)
{
  guint budget = MAX_EXPANSIONS;
  Eval top = { NULL, parameters, variables, 0, &budget, copy_index };

  return eval_text (text, &top, 0);
}

char *
bw_azure_arm_eval (const char *text,
                   JsonObject *parameters,
                   JsonObject *variables)
{
  return bw_azure_arm_eval_at (text, parameters, variables, -1);
}
