/* bw-json-read.c: the check every json-glib reader runs on untrusted text before parsing it,
 * and type-checked getters for what it then reads. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-json-read.h"

typedef struct
{
  const char *data;
  const char *line_start;
  guint       line;
} Scan;

static gboolean
scan_fail (const Scan  *scan,
           const char  *where,
           const char  *reason,
           GError     **error)
{
  guint column = 1;

  /* Columns count characters, as editors and the project-file reader do. */
  for (const char *q = scan->line_start; q < where; q++)
    if (((guchar) *q & 0xc0) != 0x80)
      column++;
  g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE, _("line %u, column %u: %s"),
               scan->line, column, reason);
  return FALSE;
}

static gboolean
is_scalar_byte (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '+' || c == '.';
}

gboolean
bw_json_read_check (const char  *data,
                    gsize        length,
                    GError     **error)
{
  /* Whether each open container is an object, so that a string right after "{" or "," is
   * known to be a member name rather than a value. */
  gboolean in_object[BW_JSON_MAX_DEPTH + 1];
  /* An empty GBytes has no data pointer at all: nothing to scan, the parser says why. */
  const char *end = length > 0 ? data + length : data;
  Scan scan = { data, data, 1 };
  guint depth = 0;
  guint64 values = 0;
  gboolean expect_key = FALSE;
  gboolean in_scalar = FALSE;

  for (const char *p = data; p < end; p++)
    {
      char c = *p;

      if (is_scalar_byte (c))
        {
          /* true, false, null or a number: one value per run of such bytes. */
          if (!in_scalar)
            values++;
          in_scalar = TRUE;
        }
      else
        {
          in_scalar = FALSE;
          switch (c)
            {
            case '\n':
              scan.line++;
              scan.line_start = p + 1;
              break;
            case '"':
              if (!expect_key)
                values++;
              expect_key = FALSE;
              for (p++; p < end && *p != '"'; p++)
                {
                  if (*p == '\\' && p + 1 < end)
                    p++;
                  else if (*p == '\n')
                    {
                      scan.line++;
                      scan.line_start = p + 1;
                    }
                }
              break;
            case '[':
            case '{':
              if (depth == BW_JSON_MAX_DEPTH)
                {
                  g_autofree char *reason = g_strdup_printf (_("nested deeper than %d levels"),
                                                             BW_JSON_MAX_DEPTH);

                  return scan_fail (&scan, p, reason, error);
                }
              in_object[depth++] = c == '{';
              expect_key = c == '{';
              values++;
              break;
            case ']':
            case '}':
              if (depth > 0)
                depth--;
              expect_key = FALSE;
              break;
            case ',':
              expect_key = depth > 0 && in_object[depth - 1];
              break;
            case '/':
            case '\'':
              /* json-glib also reads comments and single-quoted strings, in which a '"' does
               * not open a string: refused, so that this scan and the parser always agree on
               * what is inside a string. */
              return scan_fail (&scan, p, _("a comment or a single-quoted string is not JSON"), error);
            default:
              break;
            }
        }
      if (values > BW_JSON_MAX_VALUES)
        {
          g_autofree char *reason = g_strdup_printf (_("more than %d values"), BW_JSON_MAX_VALUES);

          return scan_fail (&scan, p, reason, error);
        }
    }
  return TRUE;
}

JsonArray *
bw_json_object_get_array (JsonObject *object,
                          const char *key)
{
  JsonNode *n = json_object_get_member (object, key);

  return n != NULL && JSON_NODE_HOLDS_ARRAY (n) ? json_node_get_array (n) : NULL;
}

JsonObject *
bw_json_object_get_object (JsonObject *object,
                           const char *key)
{
  JsonNode *n = json_object_get_member (object, key);

  return n != NULL && JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
}

const char *
bw_json_array_get_string (JsonArray *array,
                          guint      index)
{
  JsonNode *n = index < json_array_get_length (array) ? json_array_get_element (array, index)
                                                      : NULL;

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (n);
}

JsonObject *
bw_json_array_get_object (JsonArray *array,
                          guint      index)
{
  JsonNode *n = index < json_array_get_length (array) ? json_array_get_element (array, index)
                                                      : NULL;

  return n != NULL && JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
}
