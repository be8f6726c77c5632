/* bw-json-writer.h: writing JSON text where the exact bytes matter (project files, reports,
 * layers and the catalog must be deterministic and diff cleanly): BwJsonWriter streams a value
 * into a GString with a fixed layout, and the pieces below write single literals. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A JSON string literal: quotes, backslashes and every control character (U+0000–U+001F)
 * escaped, UTF-8 kept; bytes that are not UTF-8 become U+FFFD, so the output always parses. */
void bw_json_write_string (GString    *out,
                           const char *text);
/* The shortest text that reads back as the same double; whole numbers without a point. */
void bw_json_write_number (GString    *out,
                           double      value);
/* A ratio rounded to 4 decimals, always with a point: 0.0, 0.4167, 1.0. */
void bw_json_write_ratio  (GString    *out,
                           double      value);

/* For text from json-glib's JsonGenerator, which leaves U+001F raw inside strings (invalid
 * JSON): escapes every raw control character but the newlines of its layout, which are the only
 * ones it writes outside strings. Call it on whatever a generator wrote. */
void bw_json_escape_generated (GString *text);

/* The layout of a BwJsonWriter. Both indent by two spaces, put each member and element of a
 * block container on its own line, and write empty containers as {} and [].
 * BW_JSON_STYLE_PROJECT writes `"key": value` (project files, reports).
 * BW_JSON_STYLE_GENERATOR writes `"key" : value` and escapes U+007F, as json-glib's pretty
 * generator does: the layout Navigator layers and `catalog --format=json` have always had
 * (json-glib writes an empty object as `{`, spaces and `}`; neither of them holds one). */
typedef enum
{
  BW_JSON_STYLE_PROJECT,
  BW_JSON_STYLE_GENERATOR,
} BwJsonStyle;

/* Writes one JSON value, in order, to the end of a GString it does not own. Containers are
 * either blocks (one line per child) or inline (`{ "a": 1, "b": 2 }`, `["x", "y"]`, on the
 * line of their parent). The text ends with a newline once the outermost value is closed. The
 * GString may be emptied between values (to count the bytes of a long text without keeping
 * them): the writer keeps no offsets into it. */
typedef struct _BwJsonWriter BwJsonWriter;

BwJsonWriter *bw_json_writer_new                (GString      *out,
                                                 BwJsonStyle   style);
void          bw_json_writer_free               (BwJsonWriter *self);

void          bw_json_writer_begin_object       (BwJsonWriter *self);
void          bw_json_writer_begin_inline_object (BwJsonWriter *self);
void          bw_json_writer_end_object         (BwJsonWriter *self);
void          bw_json_writer_begin_array        (BwJsonWriter *self);
void          bw_json_writer_begin_inline_array (BwJsonWriter *self);
void          bw_json_writer_end_array          (BwJsonWriter *self);
/* The name of the next member of the innermost object; its value follows. */
void          bw_json_writer_member             (BwJsonWriter *self,
                                                 const char   *name);

/* As bw_json_write_string(); NULL is written as "". */
void          bw_json_writer_string             (BwJsonWriter *self,
                                                 const char   *text);
/* A string, or null for NULL. */
void          bw_json_writer_nullable_string    (BwJsonWriter *self,
                                                 const char   *text);
/* As bw_json_write_number(). */
void          bw_json_writer_number             (BwJsonWriter *self,
                                                 double        value);
void          bw_json_writer_int                (BwJsonWriter *self,
                                                 gint64        value);
/* As bw_json_write_ratio(). */
void          bw_json_writer_ratio              (BwJsonWriter *self,
                                                 double        value);
void          bw_json_writer_boolean            (BwJsonWriter *self,
                                                 gboolean      value);
void          bw_json_writer_null               (BwJsonWriter *self);
/* A value written as given: the caller vouches that `text` is one JSON number. */
void          bw_json_writer_raw_number         (BwJsonWriter *self,
                                                 const char   *text);

/* A member and its value in one call. `values` of a string list may be NULL: an empty array. */
void          bw_json_writer_string_member      (BwJsonWriter      *self,
                                                 const char        *name,
                                                 const char        *value);
void          bw_json_writer_number_member      (BwJsonWriter      *self,
                                                 const char        *name,
                                                 double             value);
void          bw_json_writer_int_member         (BwJsonWriter      *self,
                                                 const char        *name,
                                                 gint64             value);
void          bw_json_writer_boolean_member     (BwJsonWriter      *self,
                                                 const char        *name,
                                                 gboolean           value);
void          bw_json_writer_strv_member        (BwJsonWriter      *self,
                                                 const char        *name,
                                                 const char *const *values);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwJsonWriter, bw_json_writer_free)

G_END_DECLS
