/* bw-json-reader.h: the strict JSON parser of project files. It turns UTF-8 text into a flat
 * table of values and knows nothing of projects; bw-document-read.c checks the table and fills
 * a document from it. Errors name the line and column. */
#pragma once

#include <json-glib/json-glib.h>
#include <string.h>

G_BEGIN_DECLS

#define BW_JSON_READER_ERROR (bw_json_reader_error_quark ())
typedef enum
{
  BW_JSON_READER_ERROR_PARSE,     /* not JSON */
  BW_JSON_READER_ERROR_TOO_LARGE, /* more values than the caller allows */
} BwJsonReaderError;

GQuark bw_json_reader_error_quark (void);

typedef enum
{
  BW_JSON_NULL,
  BW_JSON_FALSE,
  BW_JSON_TRUE,
  BW_JSON_INT,
  BW_JSON_DOUBLE,
  BW_JSON_STRING,
  BW_JSON_ARRAY,
  BW_JSON_OBJECT,
} BwJsonValueType;

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
  guint8      type;  /* BwJsonValueType */
  guint16     raw_len; /* numbers: length of their text, 0 if too long to keep */
} BwJsonValue;

/* A parsed text. Zero-initialise it, parse once, clear it (g_auto works). The values point
 * into `source`, which must outlive the table. */
typedef struct
{
  const char *source;    /* the text parsed, for numbers' own text */
  guint64     depth_sum; /* the sum of every value's depth (the root's is 0) */
  GArray     *values;    /* BwJsonValue */
  char       *arena;     /* decoded strings; each no longer than its quoted source, so the
                          * input's length bounds them all */
} BwJsonReader;

/* g_utf8_validate_len (NUL bytes refused too), several times faster on text that is mostly
 * ASCII, as JSON files are. */
gboolean     bw_json_utf8_validate    (const char   *data,
                                       gsize         length,
                                       const char  **bad);

/* `data` is UTF-8 already checked (it need not end in a NUL). FALSE with a located
 * BW_JSON_READER_ERROR_PARSE error for text that is not JSON or nests deeper than
 * BW_JSON_MAX_DEPTH, and BW_JSON_READER_ERROR_TOO_LARGE past `max_values` values. */
gboolean     bw_json_reader_parse     (BwJsonReader *self,
                                       const char   *data,
                                       gsize         length,
                                       guint         max_values,
                                       GError      **error);
void         bw_json_reader_clear     (BwJsonReader *self);

static inline BwJsonValue *
bw_json_reader_root (BwJsonReader *self)
{
  return &g_array_index (self->values, BwJsonValue, 0);
}

static inline BwJsonValue *
bw_json_value_first_child (BwJsonValue *container)
{
  return container + 1;
}

static inline BwJsonValue *
bw_json_reader_next (BwJsonReader *self,
                     BwJsonValue  *value)
{
  return &g_array_index (self->values, BwJsonValue, value->end);
}

/* The text a number was written as (raw_len bytes, not NUL-terminated). */
static inline const char *
bw_json_reader_number_text (BwJsonReader *self,
                            BwJsonValue  *number)
{
  return self->source + number->n;
}

/* An object's member, or NULL; the last of duplicate members wins, as in json-glib. Inline:
 * the document reader asks for every member of every node. */
static inline BwJsonValue *
bw_json_reader_member (BwJsonReader *self,
                       BwJsonValue  *object,
                       const char   *key)
{
  BwJsonValue *found = NULL;
  BwJsonValue *child = bw_json_value_first_child (object);

  for (guint32 i = 0; i < object->n; i++, child = bw_json_reader_next (self, child))
    if (child->key[0] == key[0] && strcmp (child->key, key) == 0)
      found = child;
  return found;
}
/* A json-glib tree of the value, for what is kept as it was read (a node's props). */
JsonNode    *bw_json_reader_to_node   (BwJsonReader *self,
                                       BwJsonValue  *value);
/* "an object", "a string", … (translated), or "null", for error messages. */
const char  *bw_json_value_type_name  (BwJsonValue  *value);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BwJsonReader, bw_json_reader_clear)

G_END_DECLS
