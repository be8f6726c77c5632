/* bw-stix-private.h: what bw-stix.c takes from bw-stix-text.c. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A live attack-pattern's first paragraph (bw_stix_first_paragraph) and attack.mitre.org URL,
 * each NULL when it has none. */
void bw_stix_technique_texts (JsonObject  *attack_pattern,
                              char       **description,
                              char       **url);
/* One technique's object of descriptions.json. */
void bw_stix_write_texts     (JsonBuilder *b,
                              const char  *id,
                              const char  *url,
                              const char  *description);

G_END_DECLS
