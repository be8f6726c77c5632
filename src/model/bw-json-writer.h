/* bw-json-writer.h: small pieces for writing JSON text by hand where the exact bytes matter
 * (project files and reports must be deterministic and diff cleanly). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A JSON string literal: quotes, backslashes and control characters escaped, UTF-8 kept. */
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

G_END_DECLS
