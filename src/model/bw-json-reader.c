/* bw-json-reader.c: a strict JSON parser into a flat table of values.
 *
 * json-glib's tree is not used for project files: building its nodes and hash tables costs
 * several times what the parse itself does, and opening a large project must stay close to the
 * speed of a plain JSON parse (DESIGN §7). Here the whole text becomes one array of values in
 * document order (one allocation for the table, one for the decoded strings). */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>

#include "bw-json-read.h"
#include "bw-json-reader.h"

G_DEFINE_QUARK (bw-json-reader-error-quark, bw_json_reader_error)

typedef struct
{
  const char *start;
  const char *p;
  const char *end;
  char       *arena_tail; /* where the next decoded string goes */
  GArray     *values;
  guint64     depth_sum;
  guint       max_values;
  guint       line;
  const char *line_start;
  GError    **error;
} Parser;

static gboolean
parse_fail (Parser     *ps,
            const char *where,
            const char *reason)
{
  guint column = 1;

  /* Columns count characters, as editors do; the input was checked to be UTF-8. */
  for (const char *q = ps->line_start; q < where && q < ps->end; q++)
    if (((guchar) *q & 0xc0) != 0x80)
      column++;
  if (ps->error != NULL && *ps->error == NULL)
    g_set_error (ps->error, BW_JSON_READER_ERROR, BW_JSON_READER_ERROR_PARSE, _("line %u, column %u: %s"),
                 ps->line, column, reason);
  return FALSE;
}

/* The loops below work on local copies of the parser's pointers: a store through a char
 * pointer may alias the Parser, so the compiler would otherwise reload and store them for every
 * byte. */
static void
skip_space (Parser *ps)
{
  const char *p = ps->p;
  const char *end = ps->end;

  while (p < end)
    {
      char c = *p;

      if (c == ' ')
        {
          p++;
          continue;
        }
      if (c == '\n')
        {
          ps->line++;
          ps->line_start = p + 1;
        }
      else if (c != '\t' && c != '\r')
        break;
      p++;
    }
  ps->p = p;
}

static BwJsonValue *
push_value (Parser   *ps,
            guint8    type,
            guint32  *index)
{
  BwJsonValue *v;

  if (ps->values->len >= ps->max_values)
    {
      if (ps->error != NULL && *ps->error == NULL)
        g_set_error (ps->error, BW_JSON_READER_ERROR, BW_JSON_READER_ERROR_TOO_LARGE,
                     _("the file holds more than %d values"), (int) ps->max_values);
      return NULL;
    }
  *index = ps->values->len;
  g_array_set_size (ps->values, ps->values->len + 1);
  v = &g_array_index (ps->values, BwJsonValue, *index);
  v->type = type;
  v->n = 0;
  return v;
}

static int
hex_digit (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (Parser  *ps,
           guint32 *out)
{
  guint32 v = 0;

  if (ps->end - ps->p < 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      int d = hex_digit (ps->p[i]);

      if (d < 0)
        return FALSE;
      v = v << 4 | (guint32) d;
    }
  ps->p += 4;
  *out = v;
  return TRUE;
}

/* At the opening quote; leaves *out pointing at the decoded, NUL-terminated text. */
static gboolean
parse_string (Parser      *ps,
              const char **out)
{
  const char *open = ps->p++;
  char *dest = ps->arena_tail;

  *out = dest;
  for (;;)
    {
      const char *run = ps->p;
      const char *q = run;
      const char *end = ps->end;
      char c;

      /* Plain bytes are copied in runs: most strings have no escapes. */
      while (q < end && *q != '"' && *q != '\\' && (guchar) *q >= 0x20)
        q++;
      ps->p = q;
      memcpy (dest, run, q - run);
      dest += q - run;
      if (ps->p >= ps->end)
        return parse_fail (ps, open, _("a string is not closed"));
      c = *ps->p;
      if (c == '"')
        {
          ps->p++;
          break;
        }
      if (c != '\\')
        return parse_fail (ps, ps->p, _("control character in a string"));

      if (++ps->p >= ps->end)
        return parse_fail (ps, open, _("a string is not closed"));
      c = *ps->p++;
      switch (c)
        {
        case '"': *dest++ = '"'; break;
        case '\\': *dest++ = '\\'; break;
        case '/': *dest++ = '/'; break;
        case 'b': *dest++ = '\b'; break;
        case 'f': *dest++ = '\f'; break;
        case 'n': *dest++ = '\n'; break;
        case 'r': *dest++ = '\r'; break;
        case 't': *dest++ = '\t'; break;
        case 'u':
          {
            const char *escape = ps->p - 2;
            guint32 cp;
            guint32 low;

            if (!read_hex4 (ps, &cp))
              return parse_fail (ps, escape, _("invalid \\u escape in a string"));
            if (cp >= 0xd800 && cp <= 0xdbff)
              {
                if (ps->end - ps->p < 6 || ps->p[0] != '\\' || ps->p[1] != 'u')
                  return parse_fail (ps, escape, _("unpaired surrogate in a \\u escape"));
                ps->p += 2;
                if (!read_hex4 (ps, &low) || low < 0xdc00 || low > 0xdfff)
                  return parse_fail (ps, escape, _("unpaired surrogate in a \\u escape"));
                cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
              }
            else if (cp >= 0xdc00 && cp <= 0xdfff)
              return parse_fail (ps, escape, _("unpaired surrogate in a \\u escape"));
            else if (cp == 0)
              return parse_fail (ps, escape, _("\\u0000 is not allowed in a string"));
            /* At most 4 bytes from at least 6 (or 12) of source: the arena cannot overflow. */
            dest += g_unichar_to_utf8 (cp, dest);
          }
          break;
        default:
          return parse_fail (ps, ps->p - 2, _("invalid escape in a string"));
        }
    }
  *dest++ = '\0';
  ps->arena_tail = dest;
  return TRUE;
}

static gboolean
parse_number (Parser      *ps,
              BwJsonValue *v)
{
  const char *begin = ps->p;
  const char *p = ps->p;
  const char *e = ps->end;
  gboolean integral = TRUE;
  gint64 whole = 0;
  int digits = 0;

  if (p < e && *p == '-')
    p++;
  if (p < e && *p == '0')
    p++, digits = 1;
  else if (p < e && *p >= '1' && *p <= '9')
    while (p < e && g_ascii_isdigit (*p))
      {
        if (digits++ < 18)
          whole = whole * 10 + (*p - '0');
        p++;
      }
  else
    return parse_fail (ps, begin, _("invalid number"));
  if (p < e && *p == '.')
    {
      integral = FALSE;
      if (++p >= e || !g_ascii_isdigit (*p))
        return parse_fail (ps, begin, _("invalid number"));
      while (p < e && g_ascii_isdigit (*p))
        p++;
    }
  if (p < e && (*p == 'e' || *p == 'E'))
    {
      integral = FALSE;
      p++;
      if (p < e && (*p == '+' || *p == '-'))
        p++;
      if (p >= e || !g_ascii_isdigit (*p))
        return parse_fail (ps, begin, _("invalid number"));
      while (p < e && g_ascii_isdigit (*p))
        p++;
    }
  ps->p = p;
  v->n = (guint32) (begin - ps->start);
  v->raw_len = p - begin <= G_MAXUINT16 ? (guint16) (p - begin) : 0;

  if (integral && digits <= 18)
    {
      v->type = BW_JSON_INT;
      v->u.i = *begin == '-' ? -whole : whole;
    }
  else if (integral && digits == 19)
    {
      /* Whole numbers keep every digit while they fit in 64 bits. */
      char text[24];
      gint64 exact;

      memcpy (text, begin, p - begin);
      text[p - begin] = '\0';
      errno = 0;
      exact = g_ascii_strtoll (text, NULL, 10);
      if (errno == 0)
        {
          v->type = BW_JSON_INT;
          v->u.i = exact;
        }
      else
        {
          v->type = BW_JSON_DOUBLE;
          v->u.d = g_ascii_strtod (text, NULL);
        }
    }
  else
    {
      /* The bytes need not be NUL-terminated: strtod gets its own copy. */
      char small[64];
      gsize length = p - begin;
      g_autofree char *big = length < sizeof small ? NULL : g_strndup (begin, length);

      if (big == NULL)
        {
          memcpy (small, begin, length);
          small[length] = '\0';
        }
      v->type = BW_JSON_DOUBLE;
      v->u.d = g_ascii_strtod (big ? big : small, NULL);
    }
  return TRUE;
}

static gboolean
parse_literal (Parser     *ps,
               const char *word,
               gsize       length)
{
  if ((gsize) (ps->end - ps->p) < length || memcmp (ps->p, word, length) != 0)
    return parse_fail (ps, ps->p, _("unexpected character"));
  ps->p += length;
  return TRUE;
}

static gboolean
parse_value (Parser     *ps,
             const char *key,
             guint       depth)
{
  guint32 index;
  BwJsonValue *v;
  char c;

  skip_space (ps);
  if (ps->p >= ps->end)
    return parse_fail (ps, ps->p, _("unexpected end of the file"));
  if (depth > BW_JSON_MAX_DEPTH)
    return parse_fail (ps, ps->p, _("nested too deeply"));
  if ((v = push_value (ps, BW_JSON_NULL, &index)) == NULL)
    return FALSE;
  v->key = key;
  ps->depth_sum += depth;

  c = *ps->p;
  switch (c)
    {
    case '{':
    case '[':
      {
        gboolean object = c == '{';
        char close = object ? '}' : ']';
        guint32 n = 0;

        v->type = object ? BW_JSON_OBJECT : BW_JSON_ARRAY;
        ps->p++;
        skip_space (ps);
        if (ps->p < ps->end && *ps->p == close)
          ps->p++;
        else
          for (;;)
            {
              const char *member = NULL;

              if (object)
                {
                  skip_space (ps);
                  if (ps->p >= ps->end)
                    return parse_fail (ps, ps->p, _("unexpected end of the file"));
                  if (*ps->p != '"')
                    return parse_fail (ps, ps->p, _("expected a member name in quotes"));
                  if (!parse_string (ps, &member))
                    return FALSE;
                  skip_space (ps);
                  if (ps->p >= ps->end || *ps->p != ':')
                    return parse_fail (ps, ps->p, _("expected “:” after a member name"));
                  ps->p++;
                }
              if (!parse_value (ps, member, depth + 1))
                return FALSE;
              n++;
              skip_space (ps);
              if (ps->p >= ps->end)
                return parse_fail (ps, ps->p, _("unexpected end of the file"));
              if (*ps->p == close)
                {
                  ps->p++;
                  break;
                }
              if (*ps->p != ',')
                return parse_fail (ps, ps->p, object ? _("expected “,” or “}”")
                                                     : _("expected “,” or “]”"));
              ps->p++;
            }
        /* The table may have moved while the children were added. */
        v = &g_array_index (ps->values, BwJsonValue, index);
        v->n = n;
      }
      break;

    case '"':
      v->type = BW_JSON_STRING;
      if (!parse_string (ps, &g_array_index (ps->values, BwJsonValue, index).u.s))
        return FALSE;
      break;

    case 't':
      v->type = BW_JSON_TRUE;
      if (!parse_literal (ps, "true", 4))
        return FALSE;
      break;

    case 'f':
      v->type = BW_JSON_FALSE;
      if (!parse_literal (ps, "false", 5))
        return FALSE;
      break;

    case 'n':
      if (!parse_literal (ps, "null", 4))
        return FALSE;
      break;

    default:
      if (c != '-' && !g_ascii_isdigit (c))
        return parse_fail (ps, ps->p, _("unexpected character"));
      if (!parse_number (ps, v))
        return FALSE;
      break;
    }
  g_array_index (ps->values, BwJsonValue, index).end = ps->values->len;
  return TRUE;
}

gboolean
bw_json_utf8_validate (const char  *data,
                       gsize        length,
                       const char **bad)
{
  const char *p = data;
  const char *end = data + length;

  while (p < end)
    {
      const char *segment;
      guint64 word;

      /* Eight bytes at a time while they are ASCII and not NUL. */
      while (end - p >= 8)
        {
          memcpy (&word, p, 8);
          if ((word & 0x8080808080808080u) != 0 ||
              ((word - 0x0101010101010101u) & ~word & 0x8080808080808080u) != 0)
            break;
          p += 8;
        }
      segment = p;
      if (p == end)
        break;
      /* Then GLib's check up to the next ASCII byte after these eight (a character boundary
       * in valid text, as no byte of a multi-byte character is ASCII). */
      p += MIN ((gsize) (end - p), 8);
      while (p < end && (guchar) *p >= 0x80)
        p++;
      if (!g_utf8_validate_len (segment, p - segment, bad))
        return FALSE;
    }
  if (bad != NULL)
    *bad = end;
  return TRUE;
}

gboolean
bw_json_reader_parse (BwJsonReader *json,
                      const char   *data,
                      gsize         length,
                      guint         max_values,
                      GError      **error)
{
  Parser ps = { 0 };

  g_return_val_if_fail (json->values == NULL, FALSE);

  json->source = data;
  json->arena = g_malloc (length + 1);
  /* A rough guess from the size: a value every dozen bytes of pretty-printed project. */
  /* Not cleared: push_value sets what is read, and a large file's table is not written twice. */
  json->values =
      g_array_sized_new (FALSE, FALSE, sizeof (BwJsonValue), MIN (length / 12 + 16, 1 << 20));
  ps.start = data;
  ps.p = data;
  ps.end = data + length;
  ps.arena_tail = json->arena;
  ps.values = json->values;
  ps.line = 1;
  ps.line_start = data;
  ps.error = error;
  ps.max_values = max_values;

  if (!parse_value (&ps, NULL, 0))
    return FALSE;
  skip_space (&ps);
  if (ps.p < ps.end)
    return parse_fail (&ps, ps.p, _("unexpected text after the end of the JSON value"));
  json->depth_sum = ps.depth_sum;
  return TRUE;
}


JsonNode *
bw_json_reader_to_node (BwJsonReader *json,
                        BwJsonValue  *v)
{
  JsonNode *node;

  switch (v->type)
    {
    case BW_JSON_OBJECT:
      {
        JsonObject *object = json_object_new ();
        BwJsonValue *child = bw_json_value_first_child (v);

        for (guint32 i = 0; i < v->n; i++, child = bw_json_reader_next (json, child))
          json_object_set_member (object, child->key, bw_json_reader_to_node (json, child));
        node = json_node_init_object (json_node_alloc (), object);
        json_object_unref (object);
      }
      break;
    case BW_JSON_ARRAY:
      {
        JsonArray *array = json_array_sized_new (v->n);
        BwJsonValue *child = bw_json_value_first_child (v);

        for (guint32 i = 0; i < v->n; i++, child = bw_json_reader_next (json, child))
          json_array_add_element (array, bw_json_reader_to_node (json, child));
        node = json_node_init_array (json_node_alloc (), array);
        json_array_unref (array);
      }
      break;
    case BW_JSON_STRING:
      node = json_node_init_string (json_node_alloc (), v->u.s);
      break;
    case BW_JSON_INT:
      node = json_node_init_int (json_node_alloc (), v->u.i);
      break;
    case BW_JSON_DOUBLE:
      node = json_node_init_double (json_node_alloc (), v->u.d);
      break;
    case BW_JSON_TRUE:
    case BW_JSON_FALSE:
      node = json_node_init_boolean (json_node_alloc (), v->type == BW_JSON_TRUE);
      break;
    default:
      node = json_node_init_null (json_node_alloc ());
      break;
    }
  return node;
}

const char *
bw_json_value_type_name (BwJsonValue *v)
{
  if (v == NULL)
    return "null";
  switch (v->type)
    {
    case BW_JSON_OBJECT:
      return _("an object");
    case BW_JSON_ARRAY:
      return _("an array");
    case BW_JSON_STRING:
      return _("a string");
    case BW_JSON_TRUE:
    case BW_JSON_FALSE:
      return _("a boolean");
    case BW_JSON_INT:
    case BW_JSON_DOUBLE:
      return _("a number");
    default:
      return "null";
    }
}


void
bw_json_reader_clear (BwJsonReader *json)
{
  g_clear_pointer (&json->values, g_array_unref);
  g_clear_pointer (&json->arena, g_free);
}
