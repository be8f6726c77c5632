/* bw-azure-private.h: what the Azure inventory reader shares between its files — resource keys
 * and the ARM template expressions that name resources in `az group export` output. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A resource's key: "subscription|group|type|name", lower case (Azure compares ids without
 * case), type with its namespace ("microsoft.network/virtualnetworks/subnets") and name with
 * its parents ("vnet1/default"). */
char *bw_azure_key_make   (const char *subscription,
                           const char *group,
                           const char *type,
                           const char *name);

/* The key a reference names: a resource id ("/subscriptions/…/providers/…"), a provider path
 * ("/providers/Microsoft.X/y/n" or "Microsoft.X/y/n"); what it leaves out is taken from
 * `subscription` and `group`. NULL when `ref` names no resource. */
char *bw_azure_key_from_ref (const char *ref,
                             const char *subscription,
                             const char *group);

/* The key of the resource `key` is a child of (a subnet's virtual network), or NULL. */
char *bw_azure_key_parent (const char *key);

/* The type part of a key (pointing into it) and its length. */
const char *bw_azure_key_type (const char *key,
                               gsize      *length);

/* The value of an ARM template string: itself when it is no expression ("[…]"; "[[" escapes a
 * literal bracket), else the expression evaluated against the template's `parameters`
 * (their defaultValue) and `variables`. Understands the functions resource names and
 * references are written with (parameters, variables, concat, format, resourceId and its
 * relatives, toLower, toUpper, subscription, resourceGroup); NULL for anything else. */
char *bw_azure_arm_eval   (const char *text,
                           JsonObject *parameters,
                           JsonObject *variables);
/* The same inside iteration `copy_index` (from 0) of a copy loop: copyIndex() and
 * copyIndex(offset) are known, and with them add, string and padLeft, which names made in a
 * loop are written with. -1 outside a loop. Conditions evaluate too (equals, not, and, or, bool,
 * true, false), to "True" or "False". */
char *bw_azure_arm_eval_at (const char *text,
                            JsonObject *parameters,
                            JsonObject *variables,
                            int         copy_index);

G_END_DECLS
