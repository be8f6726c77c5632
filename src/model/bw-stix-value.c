/* bw-stix-value.c: reading the objects of a STIX bundle in place, in the flat table of
 * bw-json-reader.c: members by name, the ATT&CK references, whether an object is live. */
#include "config.h"

#include <string.h>

#include "bw-stix-private.h"

/* The last of duplicates, as json-glib did. */
BwJsonValue *
bw_stix_member (BwJsonValue *o,
                const char  *key)
{
  BwJsonValue *found = NULL;
  BwJsonValue *child = bw_stix_first_child (o);

  for (guint32 i = 0; i < o->n; i++, child = bw_stix_next_sibling (child))
    if (child->key[0] == key[0] && strcmp (child->key, key) == 0)
      found = child;
  return found;
}

const char *
bw_stix_string_member (BwJsonValue *o,
                       const char  *key)
{
  BwJsonValue *v = bw_stix_member (o, key);

  return v != NULL && v->type == BW_JSON_STRING ? v->u.s : NULL;
}

BwJsonValue *
bw_stix_array_member (BwJsonValue *o,
                      const char  *key)
{
  BwJsonValue *v = bw_stix_member (o, key);

  return v != NULL && v->type == BW_JSON_ARRAY ? v : NULL;
}

gboolean
bw_stix_bool_member (BwJsonValue *o,
                     const char  *key)
{
  BwJsonValue *v = bw_stix_member (o, key);

  return v != NULL && v->type == BW_JSON_TRUE;
}

const char *
bw_stix_attack_reference (BwJsonValue *o,
                          const char  *key)
{
  BwJsonValue *refs = bw_stix_array_member (o, "external_references");
  BwJsonValue *ref = refs != NULL ? bw_stix_first_child (refs) : NULL;

  for (guint32 i = 0; refs != NULL && i < refs->n; i++, ref = bw_stix_next_sibling (ref))
    {
      const char *source;

      if (ref->type != BW_JSON_OBJECT)
        continue;
      source = bw_stix_string_member (ref, "source_name");
      if (source != NULL && g_str_equal (source, "mitre-attack"))
        return bw_stix_string_member (ref, key);
    }
  return NULL;
}

const char *
bw_stix_attack_id (BwJsonValue *o)
{
  return bw_stix_attack_reference (o, "external_id");
}

gboolean
bw_stix_is_live (BwJsonValue *o)
{
  return !bw_stix_bool_member (o, "revoked") && !bw_stix_bool_member (o, "x_mitre_deprecated");
}
