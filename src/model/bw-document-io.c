/* bw-document-io.c: reads and writes `*.bulwark` project files. Reading checks everything and
 * names the place of the first problem; writing is canonical (the same document always gives
 * the same bytes) and atomic. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <inttypes.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bw-document-io.h"
#include "bw-document-private.h"
#include "bw-file.h"
#include "bw-json-writer.h"

#define MAX_BYTES   BW_DOCUMENT_MAX_BYTES
#define MAX_OBJECTS BW_DOCUMENT_MAX_OBJECTS

G_DEFINE_QUARK (bw-document-error-quark, bw_document_error)

static gsize get_data_length (BwDocument *doc);

/* Reading
 *
 * Two steps. parse_json() turns the bytes into a flat table of values (one allocation for
 * the table, one for the decoded strings) and knows nothing of projects; read_root() then
 * checks the table and fills the document. json-glib's tree is not used for this: building
 * its nodes and hash tables costs several times what the parse itself does, and opening a
 * large project must stay close to the speed of a plain JSON parse (DESIGN §7). */

typedef enum
{
  VALUE_NULL,
  VALUE_FALSE,
  VALUE_TRUE,
  VALUE_INT,
  VALUE_DOUBLE,
  VALUE_STRING,
  VALUE_ARRAY,
  VALUE_OBJECT,
} ValueType;

/* Values are stored in document order: a container is followed by its whole subtree, and
 * `end` is the index just past that subtree, so a value's next sibling is values[end]. */
typedef struct
{
  const char *key;   /* the member name when the value is inside an object */
  union
  {
    gint64      i;
    double      d;
    const char *s;   /* NUL-terminated, in the string arena */
  } u;
  guint32     end;
  guint32     n;     /* arrays and objects: number of children; numbers: offset of their text */
  guint8      type;
  guint16     raw_len; /* numbers: length of their text, 0 if too long to keep */
} Value;

#define MAX_DEPTH  128
/* Every value of the canonical form takes a line of at least 9 bytes (`      ""` in a settings
 * list is the shortest), so a canonical file within MAX_BYTES holds fewer than MAX_BYTES / 8
 * values: this cap never refuses what the writer wrote. (Counting objects instead refused the
 * canonical form of a valid 1,000,000-node file.) */
#define MAX_VALUES (MAX_BYTES / 8)

typedef struct
{
  const char *start;
  const char *p;
  const char *end;
  char       *arena_tail; /* where the next decoded string goes */
  GArray     *values;
  guint64     growth;     /* what the canonical form may add to the text, at most */
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
    g_set_error (ps->error, BW_DOCUMENT_ERROR, BW_DOCUMENT_ERROR_PARSE, _("line %u, column %u: %s"),
                 ps->line, column, reason);
  return FALSE;
}

static void
skip_space (Parser *ps)
{
  while (ps->p < ps->end)
    {
      char c = *ps->p;

      if (c == '\n')
        {
          ps->line++;
          ps->line_start = ps->p + 1;
        }
      else if (c != ' ' && c != '\t' && c != '\r')
        return;
      ps->p++;
    }
}

static Value *
push_value (Parser   *ps,
            guint8    type,
            guint32  *index)
{
  Value *v;

  if (ps->values->len >= MAX_VALUES)
    {
      if (ps->error != NULL && *ps->error == NULL)
        g_set_error (ps->error, BW_DOCUMENT_ERROR, BW_DOCUMENT_ERROR_TOO_LARGE,
                     _("the file holds more than %d values"), MAX_VALUES);
      return NULL;
    }
  *index = ps->values->len;
  g_array_set_size (ps->values, ps->values->len + 1);
  v = &g_array_index (ps->values, Value, *index);
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
      char c;

      /* Plain bytes are copied in runs: most strings have no escapes. */
      while (ps->p < ps->end && *ps->p != '"' && *ps->p != '\\' && (guchar) *ps->p >= 0x20)
        ps->p++;
      memcpy (dest, run, ps->p - run);
      dest += ps->p - run;
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
parse_number (Parser *ps,
              Value  *v)
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
      v->type = VALUE_INT;
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
          v->type = VALUE_INT;
          v->u.i = exact;
        }
      else
        {
          v->type = VALUE_DOUBLE;
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
      v->type = VALUE_DOUBLE;
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
  Value *v;
  char c;

  skip_space (ps);
  if (ps->p >= ps->end)
    return parse_fail (ps, ps->p, _("unexpected end of the file"));
  if (depth > MAX_DEPTH)
    return parse_fail (ps, ps->p, _("nested too deeply"));
  if ((v = push_value (ps, VALUE_NULL, &index)) == NULL)
    return FALSE;
  v->key = key;
  /* In canonical form a value costs its text (no longer than here: strings are not escaped
   * more, numbers take at most 24 bytes), its key, its indentation and a closing line when it
   * is a container, and its share of members written out (a node or zone gains at most 80
   * bytes and has at least 5 values). */
  ps->growth += 4 * depth + 64;

  c = *ps->p;
  switch (c)
    {
    case '{':
    case '[':
      {
        gboolean object = c == '{';
        char close = object ? '}' : ']';
        guint32 n = 0;

        v->type = object ? VALUE_OBJECT : VALUE_ARRAY;
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
        v = &g_array_index (ps->values, Value, index);
        v->n = n;
      }
      break;

    case '"':
      v->type = VALUE_STRING;
      if (!parse_string (ps, &g_array_index (ps->values, Value, index).u.s))
        return FALSE;
      break;

    case 't':
      v->type = VALUE_TRUE;
      if (!parse_literal (ps, "true", 4))
        return FALSE;
      break;

    case 'f':
      v->type = VALUE_FALSE;
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
  g_array_index (ps->values, Value, index).end = ps->values->len;
  return TRUE;
}

typedef struct
{
  const char *source; /* the text parsed, for numbers' own text */
  guint64     growth; /* Parser.growth */
  GArray *values;  /* Value */
  char   *arena;   /* decoded strings; each no longer than its quoted source, so the input's
                    * length bounds them all */
} Json;

static void
json_clear (Json *json)
{
  g_clear_pointer (&json->values, g_array_unref);
  g_clear_pointer (&json->arena, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Json, json_clear)

/* The parse step: JSON text (UTF-8, already checked) to a table of values. */
static gboolean
parse_json (const char  *data,
            gsize        length,
            Json        *json,
            GError     **error)
{
  Parser ps = { 0 };

  json->source = data;
  json->arena = g_malloc (length + 1);
  /* A rough guess from the size: a value every dozen bytes of pretty-printed project. */
  /* Not cleared: push_value sets what is read, and a large file's table is not written twice. */
  json->values = g_array_sized_new (FALSE, FALSE, sizeof (Value), MIN (length / 12 + 16, 1 << 20));
  ps.start = data;
  ps.p = data;
  ps.end = data + length;
  ps.arena_tail = json->arena;
  ps.values = json->values;
  ps.line = 1;
  ps.line_start = data;
  ps.error = error;

  if (!parse_value (&ps, NULL, 0))
    return FALSE;
  skip_space (&ps);
  if (ps.p < ps.end)
    return parse_fail (&ps, ps.p, _("unexpected text after the end of the JSON value"));
  json->growth = ps.growth;
  return TRUE;
}

/* Walking the table */

static inline Value *
first_child (Value *container)
{
  return container + 1;
}

static inline Value *
next_sibling (Json  *json,
              Value *v)
{
  return &g_array_index (json->values, Value, v->end);
}

/* Like json-glib, the last of duplicate members wins. */
static Value *
member_of (Json       *json,
           Value      *object,
           const char *key)
{
  Value *found = NULL;
  Value *child = first_child (object);

  for (guint32 i = 0; i < object->n; i++, child = next_sibling (json, child))
    if (child->key[0] == key[0] && strcmp (child->key, key) == 0)
      found = child;
  return found;
}

static JsonNode *
to_json_node (Json  *json,
              Value *v)
{
  JsonNode *node;

  switch (v->type)
    {
    case VALUE_OBJECT:
      {
        JsonObject *object = json_object_new ();
        Value *child = first_child (v);

        for (guint32 i = 0; i < v->n; i++, child = next_sibling (json, child))
          json_object_set_member (object, child->key, to_json_node (json, child));
        node = json_node_init_object (json_node_alloc (), object);
        json_object_unref (object);
      }
      break;
    case VALUE_ARRAY:
      {
        JsonArray *array = json_array_sized_new (v->n);
        Value *child = first_child (v);

        for (guint32 i = 0; i < v->n; i++, child = next_sibling (json, child))
          json_array_add_element (array, to_json_node (json, child));
        node = json_node_init_array (json_node_alloc (), array);
        json_array_unref (array);
      }
      break;
    case VALUE_STRING:
      node = json_node_init_string (json_node_alloc (), v->u.s);
      break;
    case VALUE_INT:
      node = json_node_init_int (json_node_alloc (), v->u.i);
      break;
    case VALUE_DOUBLE:
      node = json_node_init_double (json_node_alloc (), v->u.d);
      break;
    case VALUE_TRUE:
    case VALUE_FALSE:
      node = json_node_init_boolean (json_node_alloc (), v->type == VALUE_TRUE);
      break;
    default:
      node = json_node_init_null (json_node_alloc ());
      break;
    }
  return node;
}

/* Checking the table and filling the document */

typedef struct
{
  Json       *json;
  BwDocument *doc;
  GError    **error;
} Reader;

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

static const char *
type_name (Value *v)
{
  if (v == NULL)
    return "null";
  switch (v->type)
    {
    case VALUE_OBJECT:
      return _("an object");
    case VALUE_ARRAY:
      return _("an array");
    case VALUE_STRING:
      return _("a string");
    case VALUE_TRUE:
    case VALUE_FALSE:
      return _("a boolean");
    case VALUE_INT:
    case VALUE_DOUBLE:
      return _("a number");
    default:
      return "null";
    }
}

static inline gboolean
is_null (Value *v)
{
  return v == NULL || v->type == VALUE_NULL;
}

/* A string member; `path` is like "nodes[3]". NULL with an error when it is missing (and
 * required) or not a string. */
static const char *
get_string (Reader     *r,
            Value      *object,
            const char *path,
            const char *key,
            gboolean    required)
{
  Value *v = member_of (r->json, object, key);

  if (v == NULL)
    {
      if (required)
        fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s.%s: missing"), path, key);
      return NULL;
    }
  if (v->type != VALUE_STRING)
    {
      fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s.%s: expected a string, found %s"), path, key,
            type_name (v));
      return NULL;
    }
  return v->u.s;
}

/* An optional string or null; *ok tells whether it was well-typed. */
static const char *
get_nullable_string (Reader     *r,
                     Value      *object,
                     const char *path,
                     const char *key,
                     gboolean   *ok)
{
  Value *v = member_of (r->json, object, key);

  *ok = TRUE;
  if (is_null (v))
    return NULL;
  if (v->type != VALUE_STRING)
    {
      *ok = FALSE;
      fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s.%s: expected a string or null, found %s"), path,
            key, type_name (v));
      return NULL;
    }
  return v->u.s;
}

static gboolean
get_number (Reader     *r,
            Value      *object,
            const char *path,
            const char *key,
            double      min,
            double      max,
            double     *out)
{
  Value *v = member_of (r->json, object, key);
  double d;

  if (v == NULL)
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s.%s: missing"), path, key);
  if (v->type == VALUE_INT)
    d = (double) v->u.i;
  else if (v->type == VALUE_DOUBLE)
    d = v->u.d;
  else
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s.%s: expected a number, found %s"), path,
                 key, type_name (v));
  if (!isfinite (d))
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s.%s: not a finite number"), path, key);
  if (d < min || d > max)
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s.%s: %g is out of range (%g to %g)"), path,
                 key, d, min, max);
  *out = d;
  return TRUE;
}

static gboolean
check_id (Reader     *r,
          GHashTable *seen,
          const char *path,
          const char *id)
{
  const char *first;

  if (*id == '\0')
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s.id: empty"), path);
  if (strlen (id) > 256)
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s.id: longer than 256 bytes"), path);
  if ((first = g_hash_table_lookup (seen, id)) != NULL)
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID,
                 _("%s.id: duplicate id \"%s\" (first used at %s)"), path, id, first);
  g_hash_table_insert (seen, (gpointer) id, g_strdup (path));
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
static Value *
get_array (Reader     *r,
           Value      *root,
           const char *key)
{
  Value *v = member_of (r->json, root, key);

  /* Absent is an empty list; null is a wrong type, as for every other member. */
  if (v == NULL)
    return NULL;
  if (v->type != VALUE_ARRAY)
    {
      fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s: expected an array, found %s"), key,
            type_name (v));
      return NULL;
    }
  if (v->n > MAX_OBJECTS)
    {
      fail (r->error, BW_DOCUMENT_ERROR_TOO_LARGE, _("%s: more than %d entries"), key, MAX_OBJECTS);
      return NULL;
    }
  return v;
}

static gboolean
expect_object (Reader     *r,
               Value      *v,
               const char *path)
{
  if (v->type != VALUE_OBJECT)
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s: expected an object, found %s"), path,
                 type_name (v));
  return TRUE;
}

/* A list of strings, as settings and props hold them; NULL-terminated, pointing into the table. */
static gboolean
get_string_list (Reader     *r,
                 Value      *array,
                 const char *path,
                 GPtrArray  *out)
{
  Value *e = first_child (array);

  for (guint32 i = 0; i < array->n; i++, e = next_sibling (r->json, e))
    {
      if (e->type != VALUE_STRING)
        return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s[%u]: expected a string, found %s"),
                     path, i, type_name (e));
      if (out != NULL)
        g_ptr_array_add (out, (gpointer) e->u.s);
    }
  if (out != NULL)
    g_ptr_array_add (out, NULL);
  return TRUE;
}

static gboolean
read_settings (Reader *r,
               Value  *root)
{
  Value *settings = member_of (r->json, root, "settings");

  if (is_null (settings))
    return TRUE;
  if (settings->type != VALUE_OBJECT)
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("settings: expected an object, found %s"),
                 type_name (settings));

  if (member_of (r->json, settings, "gap_threshold") != NULL)
    {
      double threshold;

      if (!get_number (r, settings, "settings", "gap_threshold", 0, 1, &threshold))
        return FALSE;
      bw_document_set_gap_threshold (r->doc, threshold);
    }

  {
    Value *licence = member_of (r->json, settings, "licence");

    if (!is_null (licence))
      {
        if (licence->type != VALUE_STRING)
          return fail (r->error, BW_DOCUMENT_ERROR_INVALID,
                       _("settings.licence: expected a string, found %s"), type_name (licence));
        if (!bw_licence_is_valid (licence->u.s))
          return fail (r->error, BW_DOCUMENT_ERROR_INVALID,
                       _("settings.licence: unknown licence tier \"%s\" (expected \"E3\" or \"E5\")"),
                       licence->u.s);
        bw_document_set_licence (r->doc, licence->u.s);
      }
  }

  for (guint which = 0; which < 2; which++)
    {
      const char *key = which == 0 ? "threat_groups" : "threat_techniques";
      Value *list = member_of (r->json, settings, key);
      g_autoptr(GPtrArray) strings = g_ptr_array_new ();
      g_autofree char *path = g_strconcat ("settings.", key, NULL);

      if (is_null (list))
        continue;
      if (list->type != VALUE_ARRAY)
        return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("%s: expected an array, found %s"),
                     path, type_name (list));
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
read_zones (Reader     *r,
            Value      *root,
            GHashTable *seen)
{
  Value *zones = get_array (r, root, "zones");
  Value *o;
  guint32 i;

  if (zones == NULL)
    return *r->error == NULL;

  /* Every zone goes in without its parent first: parents may come later in the file. */
  for (i = 0, o = first_child (zones); i < zones->n; i++, o = next_sibling (r->json, o))
    {
      char path[32];
      BwZone zone = { 0 };
      gboolean ok;

      g_snprintf (path, sizeof path, "zones[%u]", i);
      if (!expect_object (r, o, path) ||
          (zone.id = (char *) get_string (r, o, path, "id", TRUE)) == NULL ||
          !check_id (r, seen, path, zone.id) ||
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

    for (i = 0, o = first_child (zones); i < zones->n; i++, o = next_sibling (r->json, o))
      {
        up[i] = i;
        g_hash_table_insert (index_of, (gpointer) member_of (r->json, o, "id")->u.s,
                             GUINT_TO_POINTER (i + 1));
      }
    for (i = 0, o = first_child (zones); i < zones->n; i++, o = next_sibling (r->json, o))
      {
        char path[32];
        const char *id = member_of (r->json, o, "id")->u.s;
        gboolean ok;
        const char *parent = get_nullable_string (r, o, "", "parent", &ok);
        guint32 root;

        g_snprintf (path, sizeof path, "zones[%u]", i);
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

/* Path segments as in a JSON pointer: "~" and "/" escaped. */
static void
append_segment (GString    *path,
                const char *key)
{
  g_string_append_c (path, '/');
  for (const char *p = key; *p; p++)
    if (*p == '~')
      g_string_append (path, "~0");
    else if (*p == '/')
      g_string_append (path, "~1");
    else
      g_string_append_c (path, *p);
}

static void
write_number_value (GString  *out,
                    JsonNode *node)
{
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
  else
    bw_json_write_number (out, json_node_get_double (node));
}

/* Props are not Bulwark's: each number in them that the canonical form would write otherwise
 * (1e400, 123456789012345678901, 1.50) is remembered as it was written, so a save keeps it. */
static void
record_number_texts (Reader  *r,
                     Value   *v,
                     GString *path)
{
  if (v->type == VALUE_OBJECT || v->type == VALUE_ARRAY)
    {
      Value *child = first_child (v);

      for (guint32 i = 0; i < v->n; i++, child = next_sibling (r->json, child))
        {
          gsize length = path->len;

          if (v->type == VALUE_OBJECT)
            append_segment (path, child->key);
          else
            g_string_append_printf (path, "/%u", i);
          record_number_texts (r, child, path);
          g_string_truncate (path, length);
        }
    }
  else if ((v->type == VALUE_INT || v->type == VALUE_DOUBLE) && v->raw_len > 0)
    {
      const char *raw = r->json->source + v->n;
      g_autoptr(JsonNode) node = v->type == VALUE_INT ? json_node_init_int (json_node_alloc (), v->u.i)
                                                      : json_node_init_double (json_node_alloc (), v->u.d);
      g_autoptr(GString) canonical = g_string_new (NULL);

      write_number_value (canonical, node);
      if (canonical->len != v->raw_len || memcmp (canonical->str, raw, v->raw_len) != 0)
        {
          g_autofree char *text = g_strndup (raw, v->raw_len);

          bw_document_set_number_text (r->doc, path->str, text);
        }
    }
}

static gboolean
read_nodes (Reader     *r,
            Value      *root,
            GHashTable *seen)
{
  Value *nodes = get_array (r, root, "nodes");
  Value *o;
  guint32 i;

  if (nodes == NULL)
    return *r->error == NULL;

  for (i = 0, o = first_child (nodes); i < nodes->n; i++, o = next_sibling (r->json, o))
    {
      char path[32];
      const char *id;
      const char *kind;
      const char *label;
      const char *zone;
      double x;
      double y;
      Value *props;
      BwNode *node;
      gboolean ok;

      g_snprintf (path, sizeof path, "nodes[%u]", i);
      if (!expect_object (r, o, path) ||
          (id = get_string (r, o, path, "id", TRUE)) == NULL ||
          !check_id (r, seen, path, id) ||
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

      props = member_of (r->json, o, "props");
      if (!is_null (props))
        {
          if (props->type != VALUE_OBJECT)
            return fail (r->error, BW_DOCUMENT_ERROR_INVALID,
                         _("%s.props: expected an object, found %s"), path, type_name (props));
          /* The keys Bulwark reads must have the right shape; others are kept as they are. */
          for (guint k = 0; k < 2; k++)
            {
              const char *key = k == 0 ? "disabled_capabilities" : "platforms";
              Value *list = member_of (r->json, props, key);
              g_autofree char *list_path = NULL;

              if (list == NULL)
                continue;
              list_path = g_strconcat (path, ".props.", key, NULL);
              if (list->type != VALUE_ARRAY)
                return fail (r->error, BW_DOCUMENT_ERROR_INVALID,
                             _("%s: expected an array, found %s"), list_path, type_name (list));
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
      if (is_null (props))
        node->props = json_object_new ();
      else
        {
          g_autoptr(JsonNode) tree = to_json_node (r->json, props);
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
read_edges (Reader     *r,
            Value      *root,
            GHashTable *seen)
{
  Value *edges = get_array (r, root, "edges");
  Value *o;
  guint32 i;

  if (edges == NULL)
    return *r->error == NULL;

  for (i = 0, o = first_child (edges); i < edges->n; i++, o = next_sibling (r->json, o))
    {
      char path[32];
      BwEdge edge = { 0 };
      const char *kind;

      g_snprintf (path, sizeof path, "edges[%u]", i);
      if (!expect_object (r, o, path) ||
          (edge.id = (char *) get_string (r, o, path, "id", TRUE)) == NULL ||
          !check_id (r, seen, path, edge.id) ||
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
migrate_0_to_1 (Json  *json,
                Value *root)
{
  Value *edges = member_of (json, root, "edges");
  Value *e;
  guint32 i;

  if (edges == NULL || edges->type != VALUE_ARRAY)
    return;
  for (i = 0, e = first_child (edges); i < edges->n; i++, e = next_sibling (json, e))
    {
      Value *type;

      if (e->type != VALUE_OBJECT || member_of (json, e, "kind") != NULL)
        continue;
      if ((type = member_of (json, e, "type")) != NULL)
        type->key = "kind";
    }
}

static void (*const migrations[]) (Json *json, Value *root) = {
  migrate_0_to_1,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == BW_DOCUMENT_FORMAT_VERSION);

static gboolean
read_root (Reader *r)
{
  Value *root = &g_array_index (r->json->values, Value, 0);
  Value *v;
  const char *format;
  gint64 version;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  if (root->type != VALUE_OBJECT)
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("(root): expected an object, found %s"),
                 type_name (root));

  v = member_of (r->json, root, "format");
  if (v == NULL || v->type != VALUE_STRING)
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID,
                 _("format: missing or not a string — this is not a Bulwark project"));
  format = v->u.s;
  if (!g_str_equal (format, "bulwark"))
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID,
                 _("format: expected \"bulwark\", found \"%s\""), format);

  v = member_of (r->json, root, "version");
  if (v == NULL)
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("version: missing"));
  if (v->type != VALUE_INT)
    return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("version: expected a whole number, found %s"),
                 type_name (v));
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

  v = member_of (r->json, root, "title");
  if (v != NULL)
    {
      if (v->type != VALUE_STRING)
        return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("title: expected a string, found %s"),
                     type_name (v));
      if (!check_text (r, "", "title", v->u.s))
        return FALSE;
      bw_document_set_title (r->doc, v->u.s);
    }

  v = member_of (r->json, root, "catalog");
  if (!is_null (v))
    {
      const char *attack;

      if (v->type != VALUE_OBJECT)
        return fail (r->error, BW_DOCUMENT_ERROR_INVALID, _("catalog: expected an object, found %s"),
                     type_name (v));
      attack = get_string (r, v, "catalog", "attack", FALSE);
      if (*r->error != NULL)
        return FALSE;
      if (attack != NULL)
        bw_document_set_attack_version (r->doc, attack);
    }

  return read_settings (r, root) && read_zones (r, root, seen) && read_nodes (r, root, seen) &&
         read_edges (r, root, seen);
}

/* The data need not end in a NUL: look at `length` bytes only. */
static gboolean
is_blank (const char *data,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;
  return TRUE;
}

BwDocument *
bw_document_load_from_data (const char  *data,
                            gssize       length,
                            GError     **error)
{
  g_auto(Json) json = { 0 };
  g_autoptr(BwDocument) doc = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *bad = NULL;
  Reader r;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (data == NULL)
    data = "";
  if (length < 0)
    length = strlen (data);
  if ((gsize) length > MAX_BYTES)
    {
      fail (error, BW_DOCUMENT_ERROR_TOO_LARGE, _("the file is larger than %d MiB"),
            MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (!g_utf8_validate_len (data, length, &bad))
    {
      /* Count lines so the place can be found in an editor. */
      guint line = 1;
      const char *line_start = data;

      for (const char *p = data; p < bad; p++)
        if (*p == '\n')
          {
            line++;
            line_start = p + 1;
          }
      fail (error, BW_DOCUMENT_ERROR_PARSE,
            *bad == '\0' ? _("line %u, byte %ld (offset %ld): a NUL byte, not text")
                          : _("line %u, byte %ld (offset %ld): not UTF-8 text"),
            line, (long) (bad - line_start) + 1, (long) (bad - data));
      return NULL;
    }
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      fail (error, BW_DOCUMENT_ERROR_PARSE,
            _("line 1, column 1: the file starts with a byte-order mark (U+FEFF), which JSON "
              "does not allow; save it as UTF-8 without a byte-order mark"));
      return NULL;
    }
  if (is_blank (data, length))
    {
      fail (error, BW_DOCUMENT_ERROR_PARSE, _("the file is empty"));
      return NULL;
    }

  if (!parse_json (data, length, &json, error))
    return NULL;

  doc = bw_document_new ();
  r.json = &json;
  r.doc = doc;
  r.error = &local_error;
  bw_document_begin_batch (doc);
  if (!read_root (&r))
    {
      if (local_error == NULL)
        fail (&local_error, BW_DOCUMENT_ERROR_INVALID, _("not a valid project"));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  bw_document_end_batch (doc);

  /* What was read must save to a file that reads back, and the canonical form may be larger
   * than the input (indentation, members written out). The parse bounds how much larger;
   * only when that bound passes the cap is the canonical form measured. */
  if ((guint64) length + json.growth + 4096 > MAX_BYTES)
    {
      gsize canonical = get_data_length (doc);

      if (canonical > MAX_BYTES)
        {
          g_autofree char *size = g_format_size_full (canonical, G_FORMAT_SIZE_IEC_UNITS);

          fail (error, BW_DOCUMENT_ERROR_TOO_LARGE,
                _("the project takes %s once saved, more than the %d MiB a project file may hold"),
                size, MAX_BYTES / (1024 * 1024));
          return NULL;
        }
    }
  return g_steal_pointer (&doc);
}

BwDocument *
bw_document_load_from_file (const char  *path,
                            GError     **error)
{
  GStatBuf st;
  g_autofree char *contents = NULL;
  gsize length = 0;

  /* Refused from its size before anything is read. */
  if (g_stat (path, &st) == 0 && st.st_size > MAX_BYTES)
    {
      fail (error, BW_DOCUMENT_ERROR_TOO_LARGE, _("the file is larger than %d MiB"),
            MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (!bw_file_get_contents_max (path, MAX_BYTES, &contents, &length, error))
    return NULL;
  return bw_document_load_from_data (contents, length, error);
}

/* Writing */

/* Where a value is inside a node's props, for the numbers kept as read; NULL when the
 * document keeps none. */
typedef struct
{
  BwDocument *doc;
  GString    *path;
} NumberPlace;

static void write_node_value (GString *out, JsonNode *node, int level, NumberPlace *place);

static void
write_object (GString     *out,
              JsonObject  *object,
              int          level,
              NumberPlace *place)
{
  g_autoptr(GList) members = json_object_get_members (object);

  if (members == NULL)
    {
      g_string_append (out, "{}");
      return;
    }
  g_string_append (out, "{\n");
  for (GList *l = members; l != NULL; l = l->next)
    {
      gsize length = place ? place->path->len : 0;

      if (place != NULL)
        append_segment (place->path, l->data);
      bw_json_indent (out, level + 1);
      bw_json_write_string (out, l->data);
      g_string_append (out, ": ");
      write_node_value (out, json_object_get_member (object, l->data), level + 1, place);
      g_string_append (out, l->next ? ",\n" : "\n");
      if (place != NULL)
        g_string_truncate (place->path, length);
    }
  bw_json_indent (out, level);
  g_string_append_c (out, '}');
}

static void
write_number (GString     *out,
              JsonNode    *node,
              NumberPlace *place)
{
  const char *text = place ? bw_document_get_number_text (place->doc, place->path->str) : NULL;

  /* As read, unless the value has changed since. */
  if (text != NULL)
    {
      double read = g_ascii_strtod (text, NULL);
      double now = json_node_get_value_type (node) == G_TYPE_INT64 ? (double) json_node_get_int (node)
                                                                    : json_node_get_double (node);

      if (read == now)
        {
          g_string_append (out, text);
          return;
        }
    }
  write_number_value (out, node);
}

static void
write_node_value (GString     *out,
                  JsonNode    *node,
                  int          level,
                  NumberPlace *place)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    g_string_append (out, "null");
  else if (JSON_NODE_HOLDS_OBJECT (node))
    write_object (out, json_node_get_object (node), level, place);
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint n = json_array_get_length (array);

      if (n == 0)
        {
          g_string_append (out, "[]");
          return;
        }
      g_string_append (out, "[\n");
      for (guint i = 0; i < n; i++)
        {
          gsize length = place ? place->path->len : 0;

          if (place != NULL)
            g_string_append_printf (place->path, "/%u", i);
          bw_json_indent (out, level + 1);
          write_node_value (out, json_array_get_element (array, i), level + 1, place);
          g_string_append (out, i + 1 < n ? ",\n" : "\n");
          if (place != NULL)
            g_string_truncate (place->path, length);
        }
      bw_json_indent (out, level);
      g_string_append_c (out, ']');
    }
  else
    switch (json_node_get_value_type (node))
      {
      case G_TYPE_STRING:
        bw_json_write_string (out, json_node_get_string (node));
        break;
      case G_TYPE_BOOLEAN:
        g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
        break;
      default:
        write_number (out, node, place);
        break;
      }
}

static void
member (GString    *out,
        int         level,
        const char *key)
{
  bw_json_indent (out, level);
  bw_json_write_string (out, key);
  g_string_append (out, ": ");
}

static void
write_nullable (GString    *out,
                const char *s)
{
  if (s == NULL)
    g_string_append (out, "null");
  else
    bw_json_write_string (out, s);
}

/* When only the length is wanted, what has been written so far is counted and dropped after
 * each object, so measuring a large document needs no memory for its text. */
static inline void
flush_counted (GString *out,
               gsize   *counted)
{
  if (counted != NULL)
    {
      *counted += out->len;
      g_string_truncate (out, 0);
    }
}

static void
write_document (BwDocument *doc,
                GString    *out,
                gsize      *counted)
{
  const char *const *groups = bw_document_get_threat_groups (doc);
  const char *const *techniques = bw_document_get_threat_techniques (doc);
  guint n;

  g_string_append (out, "{\n");
  member (out, 1, "format");
  g_string_append (out, "\"bulwark\",\n");
  member (out, 1, "version");
  g_string_append_printf (out, "%d,\n", BW_DOCUMENT_FORMAT_VERSION);
  member (out, 1, "title");
  bw_json_write_string (out, bw_document_get_title (doc));
  g_string_append (out, ",\n");
  member (out, 1, "catalog");
  g_string_append (out, "{\n");
  member (out, 2, "attack");
  bw_json_write_string (out, bw_document_get_attack_version (doc));
  g_string_append (out, "\n  },\n");
  member (out, 1, "settings");
  g_string_append (out, "{\n");
  member (out, 2, "gap_threshold");
  bw_json_write_number (out, bw_document_get_gap_threshold (doc));
  g_string_append (out, ",\n");
  member (out, 2, "threat_groups");
  if (groups[0] == NULL)
    g_string_append (out, "[]");
  else
    {
      g_string_append (out, "[\n");
      for (guint i = 0; groups[i] != NULL; i++)
        {
          bw_json_indent (out, 3);
          bw_json_write_string (out, groups[i]);
          g_string_append (out, groups[i + 1] ? ",\n" : "\n");
        }
      bw_json_indent (out, 2);
      g_string_append_c (out, ']');
    }
  /* Written only when set, so files without a layer focus keep their exact bytes. */
  if (techniques[0] != NULL)
    {
      g_string_append (out, ",\n");
      member (out, 2, "threat_techniques");
      g_string_append (out, "[\n");
      for (guint i = 0; techniques[i] != NULL; i++)
        {
          bw_json_indent (out, 3);
          bw_json_write_string (out, techniques[i]);
          g_string_append (out, techniques[i + 1] ? ",\n" : "\n");
        }
      bw_json_indent (out, 2);
      g_string_append_c (out, ']');
    }
  /* Also written only when set. */
  if (bw_document_get_licence (doc) != NULL)
    {
      g_string_append (out, ",\n");
      member (out, 2, "licence");
      bw_json_write_string (out, bw_document_get_licence (doc));
    }
  g_string_append (out, "\n  },\n");

  member (out, 1, "zones");
  n = bw_document_get_n_zones (doc);
  g_string_append (out, n ? "[\n" : "[]");
  for (guint i = 0; i < n; i++)
    {
      const BwZone *z = bw_document_get_zone (doc, i);

      g_string_append (out, "    {\n");
      member (out, 3, "id");
      bw_json_write_string (out, z->id);
      g_string_append (out, ",\n");
      member (out, 3, "kind");
      bw_json_write_string (out, z->kind);
      g_string_append (out, ",\n");
      member (out, 3, "label");
      bw_json_write_string (out, z->label);
      g_string_append (out, ",\n");
      member (out, 3, "parent");
      write_nullable (out, z->parent);
      g_string_append (out, ",\n");
      member (out, 3, "x");
      bw_json_write_number (out, z->x);
      g_string_append (out, ",\n");
      member (out, 3, "y");
      bw_json_write_number (out, z->y);
      g_string_append (out, ",\n");
      member (out, 3, "w");
      bw_json_write_number (out, z->w);
      g_string_append (out, ",\n");
      member (out, 3, "h");
      bw_json_write_number (out, z->h);
      g_string_append (out, i + 1 < n ? "\n    },\n" : "\n    }\n  ]");
      flush_counted (out, counted);
    }
  g_string_append (out, ",\n");

  member (out, 1, "nodes");
  n = bw_document_get_n_nodes (doc);
  g_string_append (out, n ? "[\n" : "[]");
  for (guint i = 0; i < n; i++)
    {
      const BwNode *node = bw_document_get_node (doc, i);

      g_string_append (out, "    {\n");
      member (out, 3, "id");
      bw_json_write_string (out, node->id);
      g_string_append (out, ",\n");
      member (out, 3, "kind");
      bw_json_write_string (out, node->kind);
      g_string_append (out, ",\n");
      member (out, 3, "label");
      bw_json_write_string (out, node->label);
      g_string_append (out, ",\n");
      member (out, 3, "zone");
      write_nullable (out, node->zone);
      g_string_append (out, ",\n");
      member (out, 3, "x");
      bw_json_write_number (out, node->x);
      g_string_append (out, ",\n");
      member (out, 3, "y");
      bw_json_write_number (out, node->y);
      g_string_append (out, ",\n");
      member (out, 3, "props");
      if (bw_document_has_number_texts (doc))
        {
          g_autoptr(GString) path = g_string_new (node->id);
          NumberPlace place = { doc, path };

          g_string_append_c (path, '\x1f');
          write_object (out, node->props, 3, &place);
        }
      else
        write_object (out, node->props, 3, NULL);
      g_string_append (out, i + 1 < n ? "\n    },\n" : "\n    }\n  ]");
      flush_counted (out, counted);
    }
  g_string_append (out, ",\n");

  member (out, 1, "edges");
  n = bw_document_get_n_edges (doc);
  g_string_append (out, n ? "[\n" : "[]");
  for (guint i = 0; i < n; i++)
    {
      const BwEdge *e = bw_document_get_edge (doc, i);

      g_string_append (out, "    {\n");
      member (out, 3, "id");
      bw_json_write_string (out, e->id);
      g_string_append (out, ",\n");
      member (out, 3, "kind");
      bw_json_write_string (out, bw_edge_kind_to_string (e->kind));
      g_string_append (out, ",\n");
      member (out, 3, "from");
      bw_json_write_string (out, e->from);
      g_string_append (out, ",\n");
      member (out, 3, "to");
      bw_json_write_string (out, e->to);
      g_string_append (out, i + 1 < n ? "\n    },\n" : "\n    }\n  ]");
      flush_counted (out, counted);
    }
  g_string_append (out, "\n}\n");
  flush_counted (out, counted);
}

char *
bw_document_to_data (BwDocument *doc,
                     gsize      *out_length)
{
  GString *out = g_string_sized_new (4096 + 200 * bw_document_get_n_nodes (doc));

  write_document (doc, out, NULL);
  if (out_length != NULL)
    *out_length = out->len;
  return g_string_free (out, FALSE);
}

static gsize
get_data_length (BwDocument *doc)
{
  g_autoptr(GString) out = g_string_sized_new (64 * 1024);
  gsize counted = 0;

  write_document (doc, out, &counted);
  return counted;
}

gboolean
bw_document_save_to_file (BwDocument  *document,
                          const char  *path,
                          GError     **error)
{
  gsize length;
  g_autofree char *data = bw_document_to_data (document, &length);

  /* A file that could not be opened again is not written (the journal still holds the work). */
  if (length > MAX_BYTES)
    {
      g_autofree char *size = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS);

      return fail (error, BW_DOCUMENT_ERROR_TOO_LARGE,
                   _("The project takes %s, more than the %d MiB a project file may hold; it was "
                     "not saved"),
                   size, MAX_BYTES / (1024 * 1024));
    }

  /* Written beside the target, flushed to disk and renamed over it: a crash or a full disk
   * mid-save leaves the previous file whole. The file keeps its mode, owner and links. */
  return bw_file_write_atomic (path, data, length, error);
}

BwDocument *
bw_document_copy (BwDocument *document)
{
  BwDocument *copy = bw_document_new ();
  guint n_zones = bw_document_get_n_zones (document);

  /* Copied record by record rather than through the file format: a copy cannot fail, and
   * costs no text. The records are valid already; only the parent links wait for every zone. */
  bw_document_begin_batch (copy);
  bw_document_set_title (copy, bw_document_get_title (document));
  bw_document_set_attack_version (copy, bw_document_get_attack_version (document));
  bw_document_set_gap_threshold (copy, bw_document_get_gap_threshold (document));
  bw_document_set_threat_groups (copy, bw_document_get_threat_groups (document));
  bw_document_set_threat_techniques (copy, bw_document_get_threat_techniques (document));
  bw_document_set_licence (copy, bw_document_get_licence (document));
  for (guint i = 0; i < n_zones; i++)
    {
      BwZone zone = *bw_document_get_zone (document, i);

      zone.parent = NULL;
      if (bw_document_insert_zone (copy, &zone, -1, NULL) == NULL)
        g_assert_not_reached ();
    }
  for (guint i = 0; i < n_zones; i++)
    {
      const BwZone *zone = bw_document_get_zone (document, i);

      if (zone->parent != NULL)
        bw_document_link_parent (copy, zone->id, zone->parent);
    }
  for (guint i = 0; i < bw_document_get_n_nodes (document); i++)
    if (bw_document_adopt_node (copy, bw_node_copy (bw_document_get_node (document, i)), -1, NULL) == NULL)
      g_assert_not_reached ();
  for (guint i = 0; i < bw_document_get_n_edges (document); i++)
    if (bw_document_insert_edge (copy, bw_document_get_edge (document, i), -1, NULL) == NULL)
      g_assert_not_reached ();
  bw_document_copy_number_texts (copy, document);
  bw_document_end_batch (copy);
  return copy;
}
