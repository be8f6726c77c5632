/* bw-stix-private.h: what bw-stix.c takes from bw-stix-text.c and bw-stix-value.c. */
#pragma once

#include <json-glib/json-glib.h>

#include "bw-json-reader.h"

G_BEGIN_DECLS

/* One technique's object of descriptions.json. */
void bw_stix_write_texts     (JsonBuilder *b,
                              const char  *id,
                              const char  *url,
                              const char  *description);

/* The bundle is read into the flat table of bw-json-reader.c rather than a json-glib tree:
 * building a tree of the 45 MB bundle cost more than the rest of the import together. The
 * table is walked in place; once parsed, each value's `end` is made relative to the value
 * itself (bw-stix.c's relative_ends), so that its next sibling is v + v->end. */
static inline BwJsonValue *
bw_stix_first_child (BwJsonValue *v)
{
  return v + 1;
}

static inline BwJsonValue *
bw_stix_next_sibling (BwJsonValue *v)
{
  return v + v->end;
}

/* An object's member, or NULL. */
BwJsonValue *bw_stix_member           (BwJsonValue *o,
                                       const char  *key);
/* NULL when the member is absent or of another type. */
const char  *bw_stix_string_member    (BwJsonValue *o,
                                       const char  *key);
BwJsonValue *bw_stix_array_member     (BwJsonValue *o,
                                       const char  *key);
gboolean     bw_stix_bool_member      (BwJsonValue *o,
                                       const char  *key);
/* A member of the "mitre-attack" entry of external_references: its ATT&CK id ("T1055.011",
 * "TA0001", "G0016") as "external_id", its page as "url". */
const char  *bw_stix_attack_reference (BwJsonValue *o,
                                       const char  *key);
const char  *bw_stix_attack_id        (BwJsonValue *o);
/* Neither revoked nor deprecated. */
gboolean     bw_stix_is_live          (BwJsonValue *o);

G_END_DECLS
