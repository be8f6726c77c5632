/* bw-stix-private.h: what bw-stix.c takes from bw-stix-text.c. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One technique's object of descriptions.json. */
void bw_stix_write_texts     (JsonBuilder *b,
                              const char  *id,
                              const char  *url,
                              const char  *description);

G_END_DECLS
