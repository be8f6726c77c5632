/* bw-json-writer.h: small pieces for writing JSON text by hand where the exact bytes matter
 * (project files and reports must be deterministic and diff cleanly). */
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
void bw_json_indent       (GString    *out,
                           int         level);

/* For text from json-glib's JsonGenerator, which leaves U+001F raw inside strings (invalid
 * JSON): escapes every raw control character but the newlines of its layout, which are the only
 * ones it writes outside strings. Call it on whatever a generator wrote. */
void bw_json_escape_generated (GString *text);

G_END_DECLS
