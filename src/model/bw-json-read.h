/* bw-json-read.h: what every json-glib reader of untrusted files shares — a linear check of the
 * text before json-glib parses it (json-glib recurses without a depth limit and keeps a node per
 * value), and member and element getters that answer NULL for a wrong type instead of a
 * critical. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The project-file reader's limit, for every JSON reader. */
#define BW_JSON_MAX_DEPTH  128
/* About 5.5 times the values of the ATT&CK 18.1 bundle (716,196), the largest file read. */
#define BW_JSON_MAX_VALUES 4000000

/* FALSE with a located JSON_PARSER_ERROR ("line 3, column 7: …") when the text nests deeper
 * than BW_JSON_MAX_DEPTH or holds more than BW_JSON_MAX_VALUES values. Invalid JSON that
 * passes is left to the parser to refuse. */
gboolean    bw_json_read_check       (const char  *data,
                                      gsize        length,
                                      GError     **error);

/* NULL when the member or element is absent or of another type. */
const char *bw_json_object_get_string (JsonObject *object,
                                       const char *key);
JsonArray  *bw_json_object_get_array (JsonObject  *object,
                                      const char  *key);
JsonObject *bw_json_object_get_object (JsonObject *object,
                                       const char *key);
const char *bw_json_array_get_string (JsonArray   *array,
                                      guint        index);
JsonObject *bw_json_array_get_object (JsonArray   *array,
                                      guint        index);

G_END_DECLS
