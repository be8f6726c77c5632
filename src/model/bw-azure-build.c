/* bw-azure-build.c: the records of an Azure inventory as a document — subscriptions and
 * resource groups as zones, virtual networks and subnets inside them, resources where their
 * network puts them, and the security services wired to what they guard. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bw-azure-build.h"
#include "bw-edit-rules.h"
#include "bw-json-read.h"

typedef struct
{
  BwAzureImport *imp;
  BwDocument    *doc;
  GHashTable    *sub_names;    /* lower-case subscription id → display name */
  GHashTable    *sub_zones;    /* lower-case subscription id → zone id */
  GHashTable    *group_zones;  /* "subscription|group", lower case → zone id */
  GHashTable    *nic_owner;    /* NIC record → the VM record it belongs to */
  GHashTable    *nic_subnet;   /* NIC record → the subnet record it names, or NULL */
  GHashTable    *edges;        /* "from|to" */
  GHashTable    *once;         /* Defender plans per subscription, Sentinel per workspace */
  GHashTable    *workspaces;   /* lower-case name → workspace record, when first needed */
} Build;

static BwAzureRes *
record (Build *b,
        guint  index)
{
  return g_ptr_array_index (b->imp->records, index);
}

static BwAzureRes *
lookup (Build      *b,
        const char *key)
{
  gpointer found;

  if (key == NULL || !g_hash_table_lookup_extended (b->imp->by_key, key, NULL, &found))
    return NULL;
  return record (b, GPOINTER_TO_UINT (found));
}

static gboolean
has_rule (const BwAzureRes *res,
          const char       *rule)
{
  return res != NULL && res->entry != NULL && g_str_equal (res->entry->rule, rule);
}

static char *
add_zone (Build      *b,
          const char *kind,
          const char *label,
          const char *parent)
{
  const BwZone *z = bw_document_add_zone (b->doc, NULL, kind, label, parent, 0, 0,
                                          BW_NODE_WIDTH, BW_NODE_HEIGHT, NULL);

  return z ? g_strdup (z->id) : NULL;
}

static const char *
subscription_zone (Build      *b,
                   const char *subscription)
{
  g_autofree char *key = g_ascii_strdown (subscription ? subscription : "", -1);
  const char *zone = g_hash_table_lookup (b->sub_zones, key);
  const char *name;
  g_autofree char *label = NULL;

  if (zone != NULL)
    return zone;
  name = g_hash_table_lookup (b->sub_names, key);
  if (name != NULL)
    label = g_strdup (name);
  else if (key[0] != '\0')
    label = g_strdup_printf (_("Subscription %s"), subscription);
  else
    label = g_strdup (_("Azure"));
  zone = add_zone (b, "zone.azure", label, NULL);
  g_hash_table_insert (b->sub_zones, g_steal_pointer (&key), (char *) zone);
  return zone;
}

static const char *
group_zone (Build      *b,
            const char *subscription,
            const char *group)
{
  g_autofree char *spelled = g_strdup_printf ("%s|%s", subscription ? subscription : "",
                                              group ? group : "");
  g_autofree char *key = g_ascii_strdown (spelled, -1);
  const char *zone = g_hash_table_lookup (b->group_zones, key);
  const char *parent;

  if (zone != NULL)
    return zone;
  parent = subscription_zone (b, subscription);
  zone = add_zone (b, "zone.group", group && group[0] ? group : _("Resource group"), parent);
  g_hash_table_insert (b->group_zones, g_steal_pointer (&key), (char *) zone);
  return zone;
}

static void
add_edge (Build      *b,
          const char *from,
          const char *to,
          BwEdgeKind  wanted)
{
  g_autofree char *key = NULL;
  BwEdgeKind kind;

  if (from == NULL || to == NULL)
    return;
  key = g_strdup_printf ("%s|%s", from, to);
  if (g_hash_table_contains (b->edges, key) ||
      !bw_edit_rules_edge_kind_for (b->imp->catalog, b->doc, from, to, &kind, NULL) ||
      kind != wanted)
    return;
  if (bw_document_add_edge (b->doc, NULL, kind, from, to, NULL) != NULL)
    g_hash_table_add (b->edges, g_steal_pointer (&key));
}

/* Zones: subscriptions and groups named by records, then networks and their subnets. */
static void
build_zones (Build *b)
{
  GPtrArray *records = b->imp->records;

  for (guint i = 0; i < records->len; i++)
    {
      BwAzureRes *res = record (b, i);
      JsonObject *props = bw_azure_properties (res->object);
      const char *display = bw_azure_member_string (props, "displayName");
      g_auto(GStrv) fields = g_strsplit (res->key, "|", 4);

      if (has_rule (res, "subscription") && !g_hash_table_contains (b->sub_names, fields[3]))
        g_hash_table_insert (b->sub_names, g_strdup (fields[3]),
                             g_strdup (display ? display : res->name));
    }
  for (guint i = 0; i < records->len; i++)
    {
      BwAzureRes *res = record (b, i);

      if (has_rule (res, "subscription"))
        {
          g_auto(GStrv) fields = g_strsplit (res->key, "|", 4);

          subscription_zone (b, fields[3]);
        }
      else if (has_rule (res, "group"))
        group_zone (b, res->subscription, res->name);
    }
  for (guint i = 0; i < records->len; i++)
    {
      BwAzureRes *res = record (b, i);

      if (has_rule (res, "vnet"))
        res->zone_id = add_zone (b, "zone.vnet", res->name,
                                 group_zone (b, res->subscription, res->group));
    }
  for (guint i = 0; i < records->len; i++)
    {
      BwAzureRes *res = record (b, i);
      g_autofree char *parent_key = NULL;
      BwAzureRes *vnet;

      if (!has_rule (res, "subnet"))
        continue;
      parent_key = bw_azure_key_parent (res->key);
      vnet = lookup (b, parent_key);
      res->zone_id = add_zone (
          b, "zone.subnet", res->name,
          vnet && vnet->zone_id ? vnet->zone_id : group_zone (b, res->subscription, res->group));
    }
}

static gboolean
is_vm (const BwAzureRes *res)
{
  return res->entry != NULL && g_strcmp0 (res->entry->stencil, "azure.vm") == 0;
}

/* Which VM each network interface belongs to: the VM names it, or it names the VM. */
static void
find_nic_owners (Build *b)
{
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < b->imp->records->len; i++)
      {
        BwAzureRes *res = record (b, i);

        if (pass == 0 ? !is_vm (res) : !has_rule (res, "nic"))
          continue;
        for (guint j = 0; j < res->refs->len; j++)
          {
            BwAzureRes *t = record (b, g_array_index (res->refs, guint, j));

            if (pass == 0 && has_rule (t, "nic") && !g_hash_table_contains (b->nic_owner, t))
              g_hash_table_insert (b->nic_owner, t, res);
            else if (pass == 1 && is_vm (t) && !g_hash_table_contains (b->nic_owner, res))
              g_hash_table_insert (b->nic_owner, res, t);
          }
      }
}

/* The first subnet a resource names, or NULL. */
static BwAzureRes *
named_subnet (Build      *b,
              BwAzureRes *res)
{
  for (guint i = 0; i < res->refs->len; i++)
    {
      BwAzureRes *t = record (b, g_array_index (res->refs, guint, i));

      if (has_rule (t, "subnet"))
        return t;
    }
  return NULL;
}

/* The subnet a resource sits in: one it names, else the one its network interface names
 * (looked up once per interface, however many resources name it). */
static BwAzureRes *
subnet_of (Build      *b,
           BwAzureRes *res)
{
  BwAzureRes *subnet = named_subnet (b, res);

  for (guint i = 0; subnet == NULL && i < res->refs->len; i++)
    {
      BwAzureRes *t = record (b, g_array_index (res->refs, guint, i));
      gpointer found;

      if (!has_rule (t, "nic"))
        continue;
      if (!g_hash_table_lookup_extended (b->nic_subnet, t, NULL, &found))
        {
          found = named_subnet (b, t);
          g_hash_table_insert (b->nic_subnet, t, found);
        }
      subnet = found;
    }
  return subnet;
}

static const char *
os_type (JsonObject *props)
{
  JsonObject *vmp, *base, *storage, *disk, *os;
  const char *type;

  if (props == NULL)
    return NULL;
  vmp = bw_json_object_get_object (props, "virtualMachineProfile");
  base = vmp ? vmp : props;
  storage = bw_json_object_get_object (base, "storageProfile");
  disk = storage ? bw_json_object_get_object (storage, "osDisk") : NULL;
  os = bw_json_object_get_object (base, "osProfile");
  type = bw_azure_member_string (disk, "osType");

  if (type != NULL && g_ascii_strcasecmp (type, "Windows") == 0)
    return "Windows";
  if (type != NULL && g_ascii_strcasecmp (type, "Linux") == 0)
    return "Linux";
  if (os != NULL && json_object_has_member (os, "windowsConfiguration"))
    return "Windows";
  if (os != NULL && json_object_has_member (os, "linuxConfiguration"))
    return "Linux";
  return NULL;
}

static char *
add_node (Build      *b,
          const char *kind,
          const char *label,
          const char *zone)
{
  const BwNode *n = bw_document_add_node (b->doc, NULL, kind, label, zone, 0, 0, NULL, NULL);

  return n ? g_strdup (n->id) : NULL;
}

static gboolean
known_stencil (Build      *b,
               const char *id)
{
  return id != NULL && bw_catalog_lookup_stencil (b->imp->catalog, id) != NULL;
}

/* A Defender for Cloud plan on the Standard tier: its stencil, guarding the subscription. */
static void
build_pricing (Build      *b,
               BwAzureRes *res)
{
  /* Resource Graph keeps the tier in properties; `az security pricing list` on top. */
  JsonObject *props = bw_azure_properties (res->object);
  const char *tier = bw_azure_member_string (props, "pricingTier");
  g_autofree char *plan = g_ascii_strdown (res->name, -1);
  const char *stencil = g_hash_table_lookup (b->imp->pricings, plan);
  const char *zone = subscription_zone (b, res->subscription);
  g_autofree char *once = NULL;
  g_autofree char *shown = NULL;

  if (tier == NULL)
    tier = bw_azure_member_string (res->object, "pricingTier");
  if (tier == NULL)
    tier = "";
  if (g_ascii_strcasecmp (tier, "Standard") != 0)
    {
      shown = g_strdup_printf ("%s (%s)", res->type, tier[0] ? tier : "?");
      bw_azure_count_type (b->imp->skipped, shown);
      return;
    }
  if (!known_stencil (b, stencil))
    {
      shown = g_strdup_printf ("%s/%s", res->type, plan);
      bw_azure_count_type (b->imp->unknown, shown);
      return;
    }
  once = g_strdup_printf ("%s|%s", zone, stencil);
  if (g_hash_table_contains (b->once, once))
    return;
  g_hash_table_add (b->once, g_steal_pointer (&once));
  res->node_id = add_node (b, stencil, bw_catalog_lookup_stencil (b->imp->catalog, stencil)->name,
                           zone);
  add_edge (b, res->node_id, zone, BW_EDGE_PROTECTS);
}

/* The workspace a Sentinel record is on: the one it names, extends, or names in its own name
 * ("SecurityInsights(workspace)"). */
static BwAzureRes *
sentinel_workspace (Build      *b,
                    BwAzureRes *res)
{
  BwAzureRes *scope = lookup (b, res->scope);
  const char *open = strchr (res->name, '(');

  for (guint i = 0; i < res->refs->len; i++)
    if (has_rule (record (b, g_array_index (res->refs, guint, i)), "workspace"))
      return record (b, g_array_index (res->refs, guint, i));
  if (has_rule (scope, "workspace"))
    return scope;
  if (open != NULL)
    {
      g_autofree char *name = g_strndup (open + 1, strcspn (open + 1, ")"));
      g_autofree char *folded = g_ascii_strdown (name, -1);

      if (b->workspaces == NULL)
        {
          /* Workspaces by name, the first of each, built once. */
          b->workspaces = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          for (guint i = 0; i < b->imp->records->len; i++)
            {
              BwAzureRes *w = record (b, i);
              g_autofree char *key = g_ascii_strdown (w->name, -1);

              if (has_rule (w, "workspace") && !g_hash_table_contains (b->workspaces, key))
                g_hash_table_insert (b->workspaces, g_steal_pointer (&key), w);
            }
        }
      return g_hash_table_lookup (b->workspaces, folded);
    }
  return NULL;
}

static void
build_sentinel (Build      *b,
                BwAzureRes *res,
                const char *zone)
{
  BwAzureRes *workspace;
  g_autofree char *once = NULL;

  if (g_str_equal (res->type, "microsoft.operationsmanagement/solutions") &&
      g_ascii_strncasecmp (res->name, "SecurityInsights", 16) != 0)
    {
      bw_azure_count_type (b->imp->skipped, res->type);
      return;
    }
  workspace = sentinel_workspace (b, res);
  once = g_strdup_printf ("sentinel|%u", workspace ? workspace->index : G_MAXUINT);
  if (g_hash_table_contains (b->once, once))
    return;
  g_hash_table_add (b->once, g_steal_pointer (&once));
  if (workspace != NULL && workspace->node_id != NULL)
    zone = bw_document_lookup_node (b->doc, workspace->node_id)->zone;
  res->node_id = add_node (b, "mon.sentinel",
                           bw_catalog_lookup_stencil (b->imp->catalog, "mon.sentinel")->name,
                           zone);
  if (workspace != NULL)
    add_edge (b, workspace->node_id, res->node_id, BW_EDGE_TELEMETRY);
}

static void
build_node (Build      *b,
            BwAzureRes *res)
{
  const BwAzureEntry *entry = res->entry;
  BwAzureRes *subnet = NULL;
  const char *zone;
  const char *os;

  if (entry == NULL)
    {
      bw_azure_count_type (b->imp->unknown, res->type);
      return;
    }
  if (g_str_equal (entry->rule, "pricing"))
    {
      build_pricing (b, res);
      return;
    }
  if (entry->stencil == NULL)
    {
      if (g_str_equal (entry->rule, "nic") || g_str_equal (entry->rule, "skip"))
        bw_azure_count_type (b->imp->skipped, res->type);
      return;
    }
  if (!known_stencil (b, entry->stencil))
    {
      bw_azure_count_type (b->imp->unknown, res->type);
      return;
    }
  if (!g_str_equal (entry->rule, "nsg") && !g_str_equal (entry->rule, "workspace") &&
      !g_str_equal (entry->rule, "sentinel"))
    subnet = subnet_of (b, res);
  zone = subnet && subnet->zone_id ? subnet->zone_id
                                   : group_zone (b, res->subscription, res->group);
  if (g_str_equal (entry->rule, "sentinel"))
    {
      build_sentinel (b, res, zone);
      return;
    }
  res->node_id = add_node (b, entry->stencil, res->name, zone);
  os = is_vm (res) && res->node_id ? os_type (bw_azure_properties (res->object))
                                   : NULL;
  if (os != NULL)
    {
      const char *platforms[] = { os, "IaaS", NULL };

      bw_document_set_platforms (b->doc, res->node_id, platforms, NULL);
    }
}

/* The zone of the virtual network a guard names, or sits in through its subnet. */
static const char *
vnet_zone_of (Build      *b,
              BwAzureRes *t)
{
  g_autofree char *parent = NULL;
  BwAzureRes *vnet;

  if (has_rule (t, "vnet"))
    return t->zone_id;
  if (!has_rule (t, "subnet"))
    return NULL;
  parent = bw_azure_key_parent (t->key);
  vnet = lookup (b, parent);
  return vnet ? vnet->zone_id : NULL;
}

/* `s` and `t` name each other (in either direction): the edge that says `s` guards `t`. */
static void
link_guard (Build      *b,
            BwAzureRes *s,
            BwAzureRes *t)
{
  if (s->node_id == NULL || s->entry == NULL)
    return;
  if (g_str_equal (s->entry->rule, "nsg"))
    {
      if (has_rule (t, "subnet"))
        add_edge (b, s->node_id, t->zone_id, BW_EDGE_PROTECTS);
      else if (has_rule (t, "nic") && g_hash_table_contains (b->nic_owner, t))
        add_edge (b, s->node_id, ((BwAzureRes *) g_hash_table_lookup (b->nic_owner, t))->node_id,
                  BW_EDGE_PROTECTS);
    }
  else if (g_str_equal (s->entry->rule, "vnet-guard"))
    add_edge (b, s->node_id, vnet_zone_of (b, t), BW_EDGE_PROTECTS);
  else if (g_str_equal (s->entry->rule, "ingress"))
    {
      /* A public address, load balancer or gateway sends traffic to the machine behind the
       * network interface it names, or a public address to the balancer or gateway. */
      if (has_rule (t, "nic") && g_hash_table_contains (b->nic_owner, t))
        add_edge (b, s->node_id, ((BwAzureRes *) g_hash_table_lookup (b->nic_owner, t))->node_id,
                  BW_EDGE_FLOW);
      else if (has_rule (t, "ingress") && g_strcmp0 (s->entry->stencil, "azure.public-ip") == 0 &&
               g_strcmp0 (t->entry->stencil, "azure.public-ip") != 0)
        add_edge (b, s->node_id, t->node_id, BW_EDGE_FLOW);
    }
  else if (g_str_equal (s->entry->rule, "waf-policy") ||
           g_str_equal (s->entry->rule, "private-endpoint"))
    add_edge (b, s->node_id, t->node_id, BW_EDGE_PROTECTS);
}

static void
build_edges (Build *b)
{
  for (guint i = 0; i < b->imp->records->len; i++)
    {
      BwAzureRes *res = record (b, i);

      for (guint j = 0; j < res->refs->len; j++)
        {
          BwAzureRes *t = record (b, g_array_index (res->refs, guint, j));

          link_guard (b, res, t);
          link_guard (b, t, res);
        }
    }
  /* Diagnostic settings: what they extend sends its logs to their workspace. */
  for (guint i = 0; i < b->imp->records->len; i++)
    {
      BwAzureRes *res = record (b, i);
      BwAzureRes *source = lookup (b, res->scope);

      if (!has_rule (res, "diagnostic") || source == NULL)
        continue;
      if (has_rule (source, "nic") && g_hash_table_contains (b->nic_owner, source))
        source = g_hash_table_lookup (b->nic_owner, source);
      for (guint j = 0; j < res->refs->len; j++)
        {
          BwAzureRes *t = record (b, g_array_index (res->refs, guint, j));

          if (has_rule (t, "workspace"))
            add_edge (b, source->node_id, t->node_id, BW_EDGE_TELEMETRY);
        }
    }
}

BwDocument *
bw_azure_build (BwAzureImport *imp,
                const char    *title)
{
  Build b = { imp, bw_document_new () };

  b.sub_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  b.sub_zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  b.group_zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  b.nic_owner = g_hash_table_new (NULL, NULL);
  b.nic_subnet = g_hash_table_new (NULL, NULL);
  b.edges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b.once = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  bw_document_set_title (b.doc, title && title[0] ? title : _("Azure inventory"));
  build_zones (&b);
  find_nic_owners (&b);
  /* Workspaces first, so Sentinel can join the zone of its workspace whatever the order. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < imp->records->len; i++)
      {
        BwAzureRes *res = record (&b, i);

        if ((pass == 0) == has_rule (res, "workspace"))
          build_node (&b, res);
      }
  build_edges (&b);

  g_hash_table_unref (b.sub_names);
  g_hash_table_unref (b.sub_zones);
  g_hash_table_unref (b.group_zones);
  g_hash_table_unref (b.nic_owner);
  g_hash_table_unref (b.nic_subnet);
  g_hash_table_unref (b.edges);
  g_hash_table_unref (b.once);
  g_clear_pointer (&b.workspaces, g_hash_table_unref);
  return b.doc;
}
