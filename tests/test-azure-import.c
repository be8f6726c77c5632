/* test-azure-import.c: Azure inventories — Resource Graph with and without its data wrapper,
 * az resource list, ARM exports with nested resources and expressions, mixed-case types, a VM
 * whose NIC lives in another group, NSGs on subnets and NICs, Sentinel, Defender plans,
 * diagnostic settings — with exact results; bad input; a generated 200-resource estate; the
 * command line. */
#include "config.h"

#include <glib/gstdio.h>

#include "bw-arrange.h"
#include "bw-azure-import.h"
#include "bw-azure-private.h"
#include "bw-document-check.h"
#include "bw-document-io.h"
#include "bw-test-arranged.h"
#include "bw-test-util.h"

static BwCatalog *catalog;

/* The document as lines: "Z kind label < parent", "N kind label @ zone [platforms]",
 * "E kind from -> to", by labels. */
static char *
describe (BwDocument *doc)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < bw_document_get_n_zones (doc); i++)
    {
      const BwZone *z = bw_document_get_zone (doc, i);

      g_string_append_printf (out, "Z %s %s < %s\n", z->kind, z->label,
                              z->parent ? bw_document_get_label (doc, z->parent) : "-");
    }
  for (guint i = 0; i < bw_document_get_n_nodes (doc); i++)
    {
      const BwNode *n = bw_document_get_node (doc, i);
      g_auto(GStrv) platforms = bw_node_dup_platforms (n);
      g_autofree char *joined = platforms ? g_strjoinv (",", platforms) : NULL;

      g_string_append_printf (out, "N %s %s @ %s%s%s\n", n->kind, n->label,
                              n->zone ? bw_document_get_label (doc, n->zone) : "-",
                              joined ? " " : "", joined ? joined : "");
    }
  for (guint i = 0; i < bw_document_get_n_edges (doc); i++)
    {
      const BwEdge *e = bw_document_get_edge (doc, i);

      g_string_append_printf (out, "E %s %s -> %s\n", bw_edge_kind_to_string (e->kind),
                              bw_document_get_label (doc, e->from),
                              bw_document_get_label (doc, e->to));
    }
  return g_string_free (out, FALSE);
}

static char *
counts (GPtrArray *list)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < list->len; i++)
    {
      BwAzureTypeCount *tc = g_ptr_array_index (list, i);

      g_string_append_printf (out, "%s%s=%u", i ? " " : "", tc->type, tc->count);
    }
  return g_string_free (out, FALSE);
}

static BwDocument *
import_data (const char     *data,
             gsize           length,
             BwAzureReport **report,
             GError        **error)
{
  return bw_azure_import (data, length, catalog, "test", report, error);
}

/* Imports a fixture and checks everything about the result. */
static void
check_fixture (const char        *name,
               const char *const *expected,
               const char        *unknown,
               const char        *skipped,
               guint              resources)
{
  g_autofree char *relative = g_strdup_printf ("tests/fixtures/azure/%s", name);
  g_autofree char *path = bw_test_source_path (relative);
  gsize length;
  g_autofree char *data = bw_test_read_file (path, &length);
  g_autoptr(BwAzureReport) report = NULL;
  g_autoptr(BwAzureReport) report2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BwDocument) doc = import_data (data, length, &report, &error);
  g_autoptr(BwDocument) twin = NULL;
  g_autoptr(BwDocument) reloaded = NULL;
  g_autofree char *joined = g_strjoinv ("\n", (char **) expected);
  g_autofree char *want = g_strconcat (joined, "\n", NULL);
  g_autofree char *got = NULL;
  g_autofree char *got_unknown = NULL;
  g_autofree char *got_skipped = NULL;
  g_autofree char *bytes = NULL;
  g_autofree char *bytes2 = NULL;
  g_autofree char *bytes3 = NULL;

  g_test_message ("%s", name);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  got = describe (doc);
  g_assert_cmpstr (got, ==, want);
  got_unknown = counts (report->unknown);
  got_skipped = counts (report->skipped);
  g_assert_cmpstr (got_unknown, ==, unknown);
  g_assert_cmpstr (got_skipped, ==, skipped);
  g_assert_cmpuint (report->resources, ==, resources);
  g_assert_cmpuint (report->nodes, ==, bw_document_get_n_nodes (doc));
  g_assert_cmpuint (report->edges, ==, bw_document_get_n_edges (doc));
  bw_test_assert_arranged (doc);

  /* The same bytes every time, and after a load and save (`normalize`). */
  bytes = bw_document_to_data (doc, NULL);
  twin = import_data (data, length, &report2, NULL);
  bytes2 = bw_document_to_data (twin, NULL);
  g_assert_cmpstr (bytes, ==, bytes2);
  reloaded = bw_document_load_from_data (bytes, -1, &error);
  g_assert_no_error (error);
  bytes3 = bw_document_to_data (reloaded, NULL);
  g_assert_cmpstr (bytes, ==, bytes3);
  /* What `validate` checks beyond the format. */
  g_assert_true (bw_document_check_catalog (reloaded, catalog, &error));
  g_assert_no_error (error);
}

/* The table names only stencils the catalog has, of the role its rule expects, and only rules
 * the importer knows. */
static void
test_table (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/io/github/bulwark/Bulwark/import/azure.json",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  static const char *rules[] = { "", "subscription", "group", "vnet", "subnet", "nic", "nsg",
                                 "vnet-guard", "waf-policy", "private-endpoint", "ingress",
                                 "workspace", "sentinel", "pricing", "diagnostic", "skip", NULL };
  JsonObject *root, *pricings;
  JsonArray *types;
  g_autoptr(GList) members = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_nonnull (bytes);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                             g_bytes_get_size (bytes), NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  types = json_object_get_array_member (root, "types");
  for (guint i = 0; i < json_array_get_length (types); i++)
    {
      JsonObject *t = json_array_get_object_element (types, i);
      const char *type = json_object_get_string_member (t, "type");
      const char *stencil = json_object_get_string_member_with_default (t, "stencil", NULL);
      const char *rule = json_object_get_string_member_with_default (t, "rule", "");
      g_autofree char *lower = g_ascii_strdown (type, -1);

      g_test_message ("%s", type);
      g_assert_cmpstr (type, ==, lower);
      g_assert_false (g_hash_table_contains (seen, type));
      g_hash_table_add (seen, (gpointer) type);
      g_assert_true (g_strv_contains (rules, rule));
      if (stencil != NULL)
        {
          const BwStencil *s = bw_catalog_lookup_stencil (catalog, stencil);

          g_assert_nonnull (s);
          g_assert_true (s->role != BW_ROLE_ZONE);
          if (g_str_equal (rule, "nsg") || g_str_equal (rule, "vnet-guard") ||
              g_str_equal (rule, "waf-policy") || g_str_equal (rule, "private-endpoint"))
            g_assert_true (s->role == BW_ROLE_SERVICE && !s->siem);
          if (g_str_equal (rule, "workspace"))
            g_assert_true (s->role == BW_ROLE_COLLECTOR);
          if (g_str_equal (rule, "sentinel"))
            g_assert_true (s->siem);
          if (g_str_equal (rule, "ingress"))
            g_assert_true (s->role == BW_ROLE_ASSET);
        }
    }
  pricings = json_object_get_object_member (root, "pricings");
  members = json_object_get_members (pricings);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const BwStencil *s =
          bw_catalog_lookup_stencil (catalog, json_object_get_string_member (pricings, l->data));

      g_assert_nonnull (s);
      g_assert_true (s->role == BW_ROLE_SERVICE);
    }
}

static void
test_graph_query (void)
{
  const char *expected[] = {
    "Z zone.azure Contoso Production < -",
    "Z zone.group rg-network < Contoso Production",
    "Z zone.vnet vnet-hub < rg-network",
    "Z zone.subnet snet-web < vnet-hub",
    "Z zone.subnet snet-app < vnet-hub",
    "Z zone.subnet AzureFirewallSubnet < vnet-hub",
    "Z zone.group rg-app < Contoso Production",
    "N mon.log-analytics law-sec @ rg-app",
    "N sec.nsg nsg-web @ rg-network",
    "N sec.ddos-protection ddos-plan @ rg-network",
    "N sec.azure-firewall fw-hub @ AzureFirewallSubnet",
    /* In the subnet of its NIC, which lives in rg-app while the network is in rg-network. */
    "N azure.vm vm-web @ snet-web Linux,IaaS",
    "N azure.public-ip vm-web-pip @ snet-web",
    "N azure.storage stcontoso @ rg-app",
    "N azure.sql-database sql-contoso @ rg-app",
    "N sec.key-vault kv-contoso @ rg-app",
    "N mon.sentinel Microsoft Sentinel @ rg-app",
    "N azure.app-gateway agw-front @ snet-web",
    "N sec.waf waf-front @ rg-network",
    "E telemetry law-sec -> Microsoft Sentinel",
    "E protects ddos-plan -> vnet-hub",
    /* The NSG on the subnet (named from both sides) and on the VM's NIC. */
    "E protects nsg-web -> snet-web",
    "E protects nsg-web -> vm-web",
    "E protects fw-hub -> vnet-hub",
    /* Traffic from the public address and the gateway's backend pool to the VM. */
    "E flow vm-web-pip -> vm-web",
    "E flow agw-front -> vm-web",
    "E protects waf-front -> agw-front",
    NULL,
  };

  check_fixture ("graph-query.json", expected, "microsoft.foo/bars=2",
                 "microsoft.compute/disks=1 microsoft.network/networkinterfaces=1", 19);
}

/* Resource Graph's table form holds the same inventory as its object list: the same document. */
static void
test_graph_table (void)
{
  g_autofree char *path = bw_test_source_path ("tests/fixtures/azure/graph-query.json");
  gsize length;
  g_autofree char *data = bw_test_read_file (path, &length);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *table = NULL;
  g_autoptr(BwDocument) listed = NULL;
  g_autoptr(BwDocument) tabled = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;
  JsonArray *records;

  g_assert_true (json_parser_load_from_data (parser, data, length, &error));
  records = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                          "data");
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *record = json_array_get_object_element (records, i);
      g_autoptr(GList) members = json_object_get_members (record);

      for (GList *m = members; m != NULL; m = m->next)
        if (!g_ptr_array_find_with_equal_func (columns, m->data, g_str_equal, NULL))
          g_ptr_array_add (columns, g_strdup (m->data));
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "totalRecords");
  json_builder_add_int_value (builder, json_array_get_length (records));
  json_builder_set_member_name (builder, "data");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "columns");
  json_builder_begin_array (builder);
  for (guint c = 0; c < columns->len; c++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, columns->pdata[c]);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, "string");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *record = json_array_get_object_element (records, i);

      json_builder_begin_array (builder);
      for (guint c = 0; c < columns->len; c++)
        {
          JsonNode *value = json_object_get_member (record, columns->pdata[c]);

          if (value != NULL)
            json_builder_add_value (builder, json_node_copy (value));
          else
            json_builder_add_null_value (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  table = json_to_string (root, FALSE);

  listed = import_data (data, length, NULL, &error);
  g_assert_no_error (error);
  tabled = import_data (table, strlen (table), NULL, &error);
  g_assert_no_error (error);
  want = bw_document_to_data (listed, NULL);
  got = bw_document_to_data (tabled, NULL);
  g_assert_cmpstr (got, ==, want);
  g_assert_cmpuint (bw_document_get_n_nodes (tabled), ==, 12);

  /* A row short of a column is refused, and the error names it. */
  {
    const char *bad = "{\"data\": {\"columns\": [{\"name\": \"id\"}, {\"name\": \"type\"}],"
                      " \"rows\": [[\"/subscriptions/x\", \"microsoft.resources/subscriptions\"],"
                      " [\"/subscriptions/y\"]]}}";
    g_autoptr(BwDocument) none = import_data (bad, strlen (bad), NULL, &error);

    g_assert_null (none);
    g_assert_error (error, BW_AZURE_IMPORT_ERROR, BW_AZURE_IMPORT_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (error->message, "data.rows[1]: "));
  }
}

static void
test_bare_array (void)
{
  const char *expected[] = {
    "Z zone.azure Subscription aaaaaaaa-0000-0000-0000-000000000002 < -",
    "Z zone.group RG-Net < Subscription aaaaaaaa-0000-0000-0000-000000000002",
    "Z zone.vnet vnet-spoke < RG-Net",
    "Z zone.subnet snet-dc < vnet-spoke",
    "Z zone.group RG-Servers < Subscription aaaaaaaa-0000-0000-0000-000000000002",
    "Z zone.group RG-Web < Subscription aaaaaaaa-0000-0000-0000-000000000002",
    "N sec.nsg nsg-dc @ RG-Net",
    /* Mixed-case types and ids; the NIC in RG-Nics puts the VM of RG-Servers in snet-dc. */
    "N azure.vm dc01 @ snet-dc Windows,IaaS",
    "N azure.vm app01 @ RG-Servers",
    "N azure.app-service web-portal @ snet-dc",
    "N azure.aks aks-prod @ snet-dc",
    "N azure.cosmos-db cosmos-prod @ RG-Web",
    "N sec.private-link pe-cosmos @ snet-dc",
    "E protects nsg-dc -> snet-dc",
    "E protects nsg-dc -> dc01",
    "E protects pe-cosmos -> cosmos-prod",
    NULL,
  };

  check_fixture ("bare-array.json", expected, "", "microsoft.network/networkinterfaces=1", 9);
}

static void
test_resource_list (void)
{
  const char *expected[] = {
    "Z zone.azure Subscription bbbbbbbb-0000-0000-0000-000000000003 < -",
    "Z zone.group rg-ops < Subscription bbbbbbbb-0000-0000-0000-000000000003",
    "Z zone.group rg-shop < Subscription bbbbbbbb-0000-0000-0000-000000000003",
    "N mon.log-analytics ops-law @ rg-ops",
    "N azure.app-service shop-web @ rg-shop",
    "N azure.sql-database shop-sql @ rg-shop",
    "N azure.storage shopstore @ rg-shop",
    "N azure.public-ip shop-pip @ rg-shop",
    "N azure.load-balancer shop-lb @ rg-shop",
    "N sec.bastion ops-bastion @ rg-ops",
    NULL,
  };

  check_fixture ("resource-list.json", expected, "microsoft.automation/automationaccounts=1",
                 "microsoft.insights/components=1 microsoft.web/serverfarms=1", 10);
}

static void
test_group_export (void)
{
  const char *expected[] = {
    "Z zone.azure Azure < -",
    "Z zone.group Resource group < Azure",
    "Z zone.vnet vnet-lab < Resource group",
    /* Listed inside the network and again on its own: one zone. */
    "Z zone.subnet default < vnet-lab",
    "Z zone.subnet AzureBastionSubnet < vnet-lab",
    "N mon.log-analytics law-lab @ Resource group",
    "N sec.nsg nsg-lab @ Resource group",
    "N azure.vm vm-lab @ default Windows,IaaS",
    "N sec.bastion bas-lab @ AzureBastionSubnet",
    "N mon.sentinel Microsoft Sentinel @ Resource group",
    "N sec.key-vault kv-lab @ Resource group",
    "E telemetry law-lab -> Microsoft Sentinel",
    "E protects nsg-lab -> default",
    "E protects bas-lab -> vnet-lab",
    /* Diagnostic settings by `scope` and as an extension type. */
    "E telemetry kv-lab -> law-lab",
    "E telemetry vm-lab -> law-lab",
    NULL,
  };

  check_fixture ("group-export.json", expected, "",
                 "microsoft.compute/disks=1 microsoft.compute/virtualmachines/extensions=1 "
                 "microsoft.network/networkinterfaces=1 "
                 "microsoft.network/networksecuritygroups/securityrules=1", 12);
}

/* What `az network vnet list`, `az vm list` and friends print (properties flat on top), and
 * PowerShell's Get-AzResource (ResourceId, ResourceType, ResourceGroupName). */
static void
test_cli_flat (void)
{
  const char *expected[] = {
    "Z zone.azure Subscription cccccccc-0000-0000-0000-000000000004 < -",
    "Z zone.group rg-flat < Subscription cccccccc-0000-0000-0000-000000000004",
    "Z zone.vnet vnet-flat < rg-flat",
    "Z zone.subnet snet-flat < vnet-flat",
    "N sec.nsg nsg-flat @ rg-flat",
    "N azure.vm vm-flat @ snet-flat Linux,IaaS",
    "N sec.key-vault kv-flat @ rg-flat",
    "E protects nsg-flat -> snet-flat",
    NULL,
  };

  check_fixture ("cli-flat.json", expected, "", "microsoft.network/networkinterfaces=1", 5);
}

/* Language version 2.0 names its resources: `resources` is an object. */
static void
test_symbolic_names (void)
{
  static const char data[] =
    "{\"languageVersion\": \"2.0\", \"parameters\": {\"n\": {\"defaultValue\": \"vm9\"}},"
    " \"resources\": {\"vm\": {\"type\": \"Microsoft.Compute/virtualMachines\","
    " \"name\": \"[parameters('n')]\", \"resources\": {\"ext\": {\"type\": \"extensions\","
    " \"name\": \"agent\"}}}}}";
  g_autoptr(BwAzureReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BwDocument) doc = import_data (data, sizeof data - 1, &report, &error);
  g_autofree char *got = NULL;
  g_autofree char *skipped = NULL;

  g_assert_no_error (error);
  got = describe (doc);
  g_assert_cmpstr (got, ==, "Z zone.azure Azure < -\nZ zone.group Resource group < Azure\n"
                            "N azure.vm vm9 @ Resource group\n");
  skipped = counts (report->skipped);
  g_assert_cmpstr (skipped, ==, "microsoft.compute/virtualmachines/extensions=1");
}

static void
test_defender (void)
{
  const char *expected[] = {
    "Z zone.azure Subscription bbbbbbbb-0000-0000-0000-000000000003 < -",
    "N sec.defender-for-servers Defender for Servers @ Subscription bbbbbbbb-0000-0000-0000-000000000003",
    "N sec.defender-for-sql Defender for SQL @ Subscription bbbbbbbb-0000-0000-0000-000000000003",
    "N sec.defender-for-storage Defender for Storage @ Subscription bbbbbbbb-0000-0000-0000-000000000003",
    /* Containers and KubernetesService are one plan now. */
    "N sec.defender-for-containers Defender for Containers @ Subscription bbbbbbbb-0000-0000-0000-000000000003",
    "N sec.defender-for-resource-manager Defender for Resource Manager @ Subscription bbbbbbbb-0000-0000-0000-000000000003",
    "E protects Defender for Servers -> Subscription bbbbbbbb-0000-0000-0000-000000000003",
    "E protects Defender for SQL -> Subscription bbbbbbbb-0000-0000-0000-000000000003",
    "E protects Defender for Storage -> Subscription bbbbbbbb-0000-0000-0000-000000000003",
    "E protects Defender for Containers -> Subscription bbbbbbbb-0000-0000-0000-000000000003",
    "E protects Defender for Resource Manager -> Subscription bbbbbbbb-0000-0000-0000-000000000003",
    NULL,
  };

  check_fixture ("defender-pricings.json", expected, "microsoft.security/pricings/futurething=1",
                 "microsoft.security/pricings (Free)=2", 9);
}

static void
test_diagnostics (void)
{
  const char *expected[] = {
    "Z zone.azure Subscription bbbbbbbb-0000-0000-0000-000000000003 < -",
    "Z zone.group rg-ops < Subscription bbbbbbbb-0000-0000-0000-000000000003",
    "Z zone.group rg-shop < Subscription bbbbbbbb-0000-0000-0000-000000000003",
    "N mon.log-analytics ops-law @ rg-ops",
    "N sec.key-vault shop-kv @ rg-shop",
    "N azure.sql-database shop-sql @ rg-shop",
    /* Sentinel from its onboarding state on the workspace. */
    "N mon.sentinel Microsoft Sentinel @ rg-ops",
    "N sec.defender-for-sql Defender for SQL @ Subscription bbbbbbbb-0000-0000-0000-000000000003",
    "E telemetry ops-law -> Microsoft Sentinel",
    "E protects Defender for SQL -> Subscription bbbbbbbb-0000-0000-0000-000000000003",
    "E telemetry shop-kv -> ops-law",
    "E telemetry shop-sql -> ops-law",
    NULL,
  };

  check_fixture ("diagnostics.json", expected, "", "microsoft.security/pricings (Free)=1", 8);
}

static void
test_expressions (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *params, *vars;
  static const char *cases[][2] = {
    { "plain", "plain" },
    { "[[literal]", "[literal]" },
    { "[parameters('name')]", "vm1" },
    { "[variables('nic')]", "vm1-nic" },
    { "[concat(parameters('name'), '/', 'default')]", "vm1/default" },
    { "[format('{0}-{1}', 'a', parameters('name'))]", "a-vm1" },
    { "[toLower('ABC')]", "abc" },
    { "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'v', 's')]",
      "/providers/Microsoft.Network/virtualNetworks/v/subnets/s" },
    { "[resourceId('other-rg', 'Microsoft.Network/networkInterfaces', 'n')]",
      "/resourceGroups/other-rg/providers/Microsoft.Network/networkInterfaces/n" },
    { "[concat(resourceGroup().location, 'x')]", "x" },
    { "[parameters('missing')]", NULL },
    { "[variables('loop')]", NULL },
    { "[reference('x').id]", NULL },
    { "[concat('a']", NULL },
    { "[concat('a') junk]", NULL },
    { "[parameters('count')]", "3" },
    { "[padLeft('7', 3, '0')]", "007" },
    { "[add(2, 3)]", "5" },
    { "[string(4)]", "4" },
    /* Outside a copy loop there is no index. */
    { "[copyIndex()]", NULL },
    { "[equals(parameters('name'), 'vm1')]", "True" },
    { "[not(equals('a', 'b'))]", "True" },
    { "[and(true(), not(bool('true')))]", "False" },
    { "[or(false(), true())]", "True" },
    { "[not('x')]", NULL },
  };

  json_parser_load_from_data (parser,
                              "{\"parameters\": {\"name\": {\"defaultValue\": \"vm1\"}, \"count\": {\"defaultValue\": 3}},"
                              " \"variables\": {\"nic\": \"[concat(parameters('name'), '-nic')]\","
                              " \"loop\": \"[variables('loop')]\"}}", -1, NULL);
  root = json_node_get_object (json_parser_get_root (parser));
  params = json_object_get_object_member (root, "parameters");
  vars = json_object_get_object_member (root, "variables");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *value = bw_azure_arm_eval (cases[i][0], params, vars);

      g_assert_cmpstr (value, ==, cases[i][1]);
    }
  /* Inside one: iteration 4 of a loop. */
  {
    g_autofree char *plain = bw_azure_arm_eval_at ("[copyIndex()]", params, vars, 4);
    g_autofree char *offset = bw_azure_arm_eval_at ("[copyIndex(1)]", params, vars, 4);
    g_autofree char *named = bw_azure_arm_eval_at ("[copyIndex('loop', 10)]", params, vars, 4);
    g_autofree char *name = bw_azure_arm_eval_at (
        "[concat('vm', padLeft(copyIndex(1), 2, '0'))]", params, vars, 4);

    g_assert_cmpstr (plain, ==, "4");
    g_assert_cmpstr (offset, ==, "5");
    g_assert_cmpstr (named, ==, "14");
    g_assert_cmpstr (name, ==, "vm05");
  }
}

/* A template's copy loops make one resource per iteration, each named and joined as its own
 * iteration says; a count not worked out here makes one. A resource whose condition is false
 * is not deployed, so not drawn. */
static void
test_copy_loop (void)
{
  const char *expected[] = {
    "Z zone.azure Azure < -",
    "Z zone.group Resource group < Azure",
    "Z zone.vnet vnet-web < Resource group",
    "Z zone.subnet snet-web < vnet-web",
    "N azure.vm web01 @ snet-web Linux,IaaS",
    "N azure.vm web02 @ snet-web Linux,IaaS",
    "N azure.vm web03 @ snet-web Linux,IaaS",
    /* Deployed by its condition, not(false); Bastion and DDoS are not. */
    "N sec.azure-firewall fw-web @ Resource group",
    "N sec.key-vault kv-web @ Resource group",
    NULL,
  };

  check_fixture ("copy-loop.json", expected, "", "microsoft.network/networkinterfaces=3", 7);
}

static void
test_keys (void)
{
  g_autofree char *a = bw_azure_key_from_ref (
    "/subscriptions/S/resourceGroups/RG/providers/Microsoft.Network/virtualNetworks/V/subnets/Sn",
    NULL, NULL);
  g_autofree char *b = bw_azure_key_from_ref (
    "/subscriptions/s/resourcegroups/rg/providers/microsoft.network/VIRTUALNETWORKS/v/SUBNETS/sn",
    NULL, NULL);
  g_autofree char *parent = bw_azure_key_parent (a);
  g_autofree char *ext = bw_azure_key_from_ref (
    "/subscriptions/S/resourceGroups/RG/providers/Microsoft.KeyVault/vaults/kv/providers/"
    "microsoft.insights/diagnosticSettings/d", NULL, NULL);
  g_autofree char *relative = bw_azure_key_from_ref ("Microsoft.KeyVault/vaults/kv", "s", "rg");
  g_autofree char *none = bw_azure_key_from_ref ("/not/a/resource", NULL, NULL);

  g_assert_cmpstr (a, ==, "s|rg|microsoft.network/virtualnetworks/subnets|v/sn");
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (parent, ==, "s|rg|microsoft.network/virtualnetworks|v");
  g_assert_cmpstr (ext, ==, "s|rg|microsoft.insights/diagnosticsettings|d");
  g_assert_cmpstr (relative, ==, "s|rg|microsoft.keyvault/vaults|kv");
  g_assert_null (none);
}

static void
test_bad_input (void)
{
  static const char *cases[][2] = {
    { "", "" },
    { "not json", "" },
    { "{\"foo\": 1}", "top level: not an Azure inventory" },
    { "42", "top level: not an Azure inventory" },
    { "[1, 2]", "[0]: not an object" },
    { "[{\"name\": \"x\"}]", "[0]: a resource without a “type”" },
    { "{\"data\": [{\"type\": 3}]}", "data[0]: a resource without a “type”" },
    { "{\"resources\": [{\"type\": \"a/b\", \"resources\": [7]}]}", "resources[0].resources[0]: not an object" },
    { "{\"value\": [{\"type\": \"a/b\", \"id\": 5, \"name\": [], \"properties\": 3}]}", NULL },
    { "[{\"type\": \"Microsoft.Compute/virtualMachines\", \"name\": \"v\", \"properties\": {\"storageProfile\": 1, \"networkProfile\": {\"networkInterfaces\": [1, null, {\"id\": {}}]}}}]", NULL },
    { "[{\"type\": \"microsoft.security/pricings\", \"name\": \"VirtualMachines\", \"pricingTier\": 1, \"properties\": {\"pricingTier\": []}}]", NULL },
    { "{\"resources\": [{\"type\": \"[concat(\", \"name\": \"[parameters(1)]\"}]}", NULL },
  };
  g_autoptr(GString) deep = g_string_new ("{\"data\": ");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BwAzureReport) report = NULL;
      g_autoptr(BwDocument) doc = import_data (cases[i][0], strlen (cases[i][0]), &report, &error);

      g_test_message ("case %u", i);
      if (cases[i][1] == NULL)
        {
          /* Odd, but an inventory: imported without a crash or a critical. */
          g_assert_no_error (error);
          g_assert_nonnull (doc);
          continue;
        }
      g_assert_null (doc);
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, cases[i][1]) ||
                     strstr (error->message, cases[i][1]) != NULL);
      g_assert_null (strchr (error->message, '\n'));
    }

  for (guint i = 0; i < 10000; i++)
    g_string_append_c (deep, '[');
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BwDocument) doc = import_data (deep->str, deep->len, NULL, &error);

    g_assert_null (doc);
    g_assert_error (error, BW_AZURE_IMPORT_ERROR, BW_AZURE_IMPORT_ERROR_PARSE);
  }
}

/* An estate of about 200 resources over two subscriptions, five groups and three networks. */
static char *
generate_inventory (guint n)
{
  GString *out = g_string_new ("{\"count\": 0, \"data\": [\n");
  const char *subs[] = { "00000000-0000-0000-0000-00000000000a", "00000000-0000-0000-0000-00000000000b" };
  const char *types[] = { "Microsoft.Compute/virtualMachines", "Microsoft.Storage/storageAccounts",
                          "Microsoft.Sql/servers", "Microsoft.Web/sites",
                          "Microsoft.KeyVault/vaults", "Microsoft.ContainerService/managedClusters",
                          "Microsoft.Network/publicIPAddresses", "Microsoft.Contoso/widgets" };
  guint written = 0;

  for (guint v = 0; v < 3; v++)
    {
      const char *sub = subs[v % 2];

      g_string_append_printf (out, "%s{\"id\": \"/subscriptions/%s/resourceGroups/rg-net%u/providers/"
                              "Microsoft.Network/virtualNetworks/vnet%u\", \"name\": \"vnet%u\", "
                              "\"type\": \"microsoft.network/virtualnetworks\", \"resourceGroup\": "
                              "\"rg-net%u\", \"subscriptionId\": \"%s\", \"properties\": {\"subnets\": [",
                              written++ ? ",\n" : "", sub, v, v, v, v, sub);
      for (guint s = 0; s < 3; s++)
        g_string_append_printf (out, "%s{\"name\": \"snet%u\", \"id\": \"/subscriptions/%s/resourceGroups/"
                                "rg-net%u/providers/Microsoft.Network/virtualNetworks/vnet%u/subnets/snet%u\"}",
                                s ? ", " : "", s, sub, v, v, s);
      g_string_append (out, "]}}");
      g_string_append_printf (out, ",\n{\"id\": \"/subscriptions/%s/resourceGroups/rg-net%u/providers/"
                              "Microsoft.Network/networkSecurityGroups/nsg%u\", \"name\": \"nsg%u\", "
                              "\"type\": \"microsoft.network/networksecuritygroups\", \"properties\": "
                              "{\"subnets\": [{\"id\": \"/subscriptions/%s/resourceGroups/rg-net%u/"
                              "providers/Microsoft.Network/virtualNetworks/vnet%u/subnets/snet0\"}]}}",
                              sub, v, v, v, sub, v, v);
      written++;
    }
  for (guint k = 0; k < 2; k++)
    {
      const char *sub = subs[k];

      /* Defender for Servers on each subscription, a workspace with Sentinel in each. */
      g_string_append_printf (out, ",\n{\"id\": \"/subscriptions/%s/providers/Microsoft.Security/pricings/"
                              "VirtualMachines\", \"name\": \"VirtualMachines\", \"type\": "
                              "\"microsoft.security/pricings\", \"properties\": {\"pricingTier\": \"Standard\"}}",
                              sub);
      g_string_append_printf (out, ",\n{\"id\": \"/subscriptions/%s/resourceGroups/rg-ops/providers/"
                              "Microsoft.OperationalInsights/workspaces/law%u\", \"name\": \"law%u\", \"type\": "
                              "\"microsoft.operationalinsights/workspaces\", \"properties\": {}}", sub, k, k);
      g_string_append_printf (out, ",\n{\"id\": \"/subscriptions/%s/resourceGroups/rg-ops/providers/"
                              "Microsoft.OperationsManagement/solutions/SecurityInsights(law%u)\", \"name\": "
                              "\"SecurityInsights(law%u)\", \"type\": \"microsoft.operationsmanagement/solutions\", "
                              "\"properties\": {\"workspaceResourceId\": \"/subscriptions/%s/resourceGroups/rg-ops/"
                              "providers/Microsoft.OperationalInsights/workspaces/law%u\"}}", sub, k, k, sub, k);
      written += 3;
    }
  for (guint i = 0; written < n; i++)
    {
      const char *sub = subs[i % 2];
      const char *type = types[i % G_N_ELEMENTS (types)];
      guint v = i % 3, s = (i / 3) % 3, g = i % 5;

      if (i % G_N_ELEMENTS (types) == 0)
        {
          /* A VM and its NIC, the NIC in the VM's group, the subnet in the network's. */
          g_string_append_printf (out, ",\n{\"id\": \"/subscriptions/%s/resourceGroups/rg-app%u/providers/"
                                  "Microsoft.Network/networkInterfaces/nic%u\", \"name\": \"nic%u\", \"type\": "
                                  "\"Microsoft.Network/networkInterfaces\", \"properties\": {\"ipConfigurations\": "
                                  "[{\"properties\": {\"subnet\": {\"id\": \"/subscriptions/%s/resourceGroups/"
                                  "rg-net%u/providers/Microsoft.Network/virtualNetworks/vnet%u/subnets/snet%u\"}}}]}}",
                                  sub, g, i, i, subs[v % 2], v, v, s);
          g_string_append_printf (out, ",\n{\"id\": \"/subscriptions/%s/resourceGroups/rg-app%u/providers/"
                                  "Microsoft.Compute/virtualMachines/vm%u\", \"name\": \"vm%u\", \"type\": "
                                  "\"%s\", \"properties\": {\"storageProfile\": {\"osDisk\": {\"osType\": \"%s\"}}, "
                                  "\"networkProfile\": {\"networkInterfaces\": [{\"id\": \"/subscriptions/%s/"
                                  "resourceGroups/rg-app%u/providers/Microsoft.Network/networkInterfaces/nic%u\"}]}}}",
                                  sub, g, i, i, type, i % 3 ? "Linux" : "Windows", sub, g, i);
          written += 2;
          continue;
        }
      g_string_append_printf (out, ",\n{\"id\": \"/subscriptions/%s/resourceGroups/rg-app%u/providers/%s/r%u\", "
                              "\"name\": \"res%u\", \"type\": \"%s\", \"properties\": {}}",
                              sub, g, type, i, i, type);
      written++;
    }
  g_string_append (out, "\n]}\n");
  return g_string_free (out, FALSE);
}

static void
test_generated (void)
{
  g_autofree char *data = generate_inventory (200);
  g_autoptr(BwAzureReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BwDocument) doc = import_data (data, strlen (data), &report, &error);
  g_autofree char *out = g_strdup (g_getenv ("BW_TEST_AZURE_OUT"));

  g_assert_no_error (error);
  g_assert_cmpuint (report->resources, ==, 200);
  g_assert_cmpuint (bw_document_get_n_nodes (doc), >, 150);
  bw_test_assert_arranged (doc);
  /* Arranging what was imported changes nothing. */
  {
    g_autofree char *before = bw_document_to_data (doc, NULL);
    g_autofree char *after = NULL;

    bw_arrange_apply (doc, catalog);
    after = bw_document_to_data (doc, NULL);
    g_assert_cmpstr (before, ==, after);
  }
  if (out != NULL)
    {
      g_autofree char *json = g_strconcat (out, ".json", NULL);

      g_assert_true (bw_document_save_to_file (doc, out, NULL));
      g_assert_true (g_file_set_contents (json, data, -1, NULL));
    }
}

static void
test_cli (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bw-azure-XXXXXX", NULL);
  g_autofree char *fixture = bw_test_source_path ("tests/fixtures/azure/graph-query.json");
  g_autofree char *input = g_build_filename (dir, "estate.json", NULL);
  g_autofree char *output = g_build_filename (dir, "estate.bulwark", NULL);
  g_autofree char *other = g_build_filename (dir, "other.bulwark", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *data = bw_test_read_file (fixture, NULL);
  g_autofree char *first = NULL;
  g_autofree char *kept = NULL;
  char *out = NULL, *err = NULL;

  g_assert_true (g_file_set_contents (input, data, -1, NULL));
  g_assert_true (g_file_set_contents (bad, "{\"foo\": []}", -1, NULL));

  /* Beside the input, as NAME.bulwark, and valid. */
  {
    const char *args[] = { "import-azure", input, NULL };

    g_assert_cmpint (bw_test_run_bulwark (args, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "Resources read: 19 ·"));
    g_assert_nonnull (strstr (out, "microsoft.foo/bars × 2"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  first = bw_test_read_file (output, NULL);
  {
    const char *args[] = { "validate", output, NULL };

    g_assert_cmpint (bw_test_run_bulwark (args, NULL, NULL), ==, 0);
  }
  /* Never over a file that is there. */
  {
    const char *args[] = { "import-azure", input, NULL };

    g_assert_true (g_file_set_contents (output, "mine", -1, NULL));
    g_assert_cmpint (bw_test_run_bulwark (args, &out, &err), ==, 2);
    g_assert_nonnull (strstr (err, "already exists"));
    kept = bw_test_read_file (output, NULL);
    g_assert_cmpstr (kept, ==, "mine");
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  /* -o names the output; the same bytes as before. */
  {
    const char *args[] = { "import-azure", input, "-o", other, NULL };
    g_autofree char *again = NULL;

    g_assert_cmpint (bw_test_run_bulwark (args, NULL, NULL), ==, 0);
    again = bw_test_read_file (other, NULL);
    g_assert_cmpstr (again, ==, first);
  }
  /* Bad input: exit 2, one located line. */
  {
    const char *args[] = { "import-azure", bad, "-o", "-", NULL };

    g_assert_cmpint (bw_test_run_bulwark (args, &out, &err), ==, 2);
    g_assert_cmpstr (out, ==, "");
    g_assert_nonnull (strstr (err, "top level: not an Azure inventory"));
    g_assert_true (g_str_has_suffix (err, "\n"));
    g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "import-azure", NULL };

    g_assert_cmpint (bw_test_run_bulwark (args, NULL, NULL), ==, 2);
  }
  bw_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  catalog = bw_catalog_load_default (NULL);
  g_test_add_func ("/azure/table", test_table);
  g_test_add_func ("/azure/graph-query", test_graph_query);
  g_test_add_func ("/azure/graph-table", test_graph_table);
  g_test_add_func ("/azure/copy-loop", test_copy_loop);
  g_test_add_func ("/azure/bare-array", test_bare_array);
  g_test_add_func ("/azure/resource-list", test_resource_list);
  g_test_add_func ("/azure/group-export", test_group_export);
  g_test_add_func ("/azure/cli-flat", test_cli_flat);
  g_test_add_func ("/azure/symbolic-names", test_symbolic_names);
  g_test_add_func ("/azure/defender", test_defender);
  g_test_add_func ("/azure/diagnostics", test_diagnostics);
  g_test_add_func ("/azure/expressions", test_expressions);
  g_test_add_func ("/azure/keys", test_keys);
  g_test_add_func ("/azure/bad-input", test_bad_input);
  g_test_add_func ("/azure/generated", test_generated);
  g_test_add_func ("/azure/cli", test_cli);
  status = g_test_run ();
  g_object_unref (catalog);
  return status;
}
