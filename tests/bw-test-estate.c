/* bw-test-estate.c: random estates for the recommender's tests and benchmarks. */
#include "config.h"

#include "bw-test-estate.h"

typedef struct
{
  GPtrArray *zones, *assets, *services, *siems, *collectors;
} Kinds;

static void
sort_kinds (BwCatalog *catalog,
            Kinds     *k)
{
  k->zones = g_ptr_array_new ();
  k->assets = g_ptr_array_new ();
  k->services = g_ptr_array_new ();
  k->siems = g_ptr_array_new ();
  k->collectors = g_ptr_array_new ();
  for (guint i = 0; i < bw_catalog_get_n_stencils (catalog); i++)
    {
      const BwStencil *s = bw_catalog_get_stencil (catalog, i);

      switch (s->role)
        {
        case BW_ROLE_ZONE:
          g_ptr_array_add (k->zones, (gpointer) s);
          break;
        case BW_ROLE_ASSET:
          g_ptr_array_add (k->assets, (gpointer) s);
          break;
        case BW_ROLE_SERVICE:
          g_ptr_array_add (s->siem ? k->siems : k->services, (gpointer) s);
          break;
        case BW_ROLE_COLLECTOR:
          g_ptr_array_add (k->collectors, (gpointer) s);
          break;
        default:
          break;
        }
    }
}

static const BwStencil *
pick (GRand     *rand,
      GPtrArray *from)
{
  return from->len ? g_ptr_array_index (from, g_rand_int_range (rand, 0, from->len)) : NULL;
}

/* Props for a new node: an asset may narrow its platforms to its stencil's first, a service
 * switch off its first capability. */
static JsonObject *
random_props (GRand           *rand,
              const BwStencil *s)
{
  JsonObject *props = json_object_new ();

  if (s->role == BW_ROLE_ASSET && s->platforms[0] != NULL && g_rand_int_range (rand, 0, 20) == 0)
    {
      JsonArray *platforms = json_array_new ();

      json_array_add_string_element (platforms, s->platforms[0]);
      json_object_set_array_member (props, "platforms", platforms);
    }
  else if (s->role == BW_ROLE_SERVICE && s->capabilities[0] != NULL &&
           g_rand_int_range (rand, 0, 10) == 0)
    {
      JsonArray *disabled = json_array_new ();

      json_array_add_string_element (disabled, s->capabilities[0]);
      json_object_set_array_member (props, "disabled_capabilities", disabled);
    }
  return props;
}

static void
add_edge (BwDocument *doc,
          guint      *n_edges,
          BwEdgeKind  kind,
          const char *from,
          const char *to)
{
  g_autofree char *id = g_strdup_printf ("e%u", ++*n_edges);

  if (g_strcmp0 (from, to) != 0 && to != NULL)
    g_assert_nonnull (bw_document_add_edge (doc, id, kind, from, to, NULL));
}

static const char *
random_node_of (GRand      *rand,
                BwDocument *doc,
                GArray     *indices)
{
  if (indices->len == 0)
    return NULL;
  return bw_document_get_node (doc, g_array_index (indices, guint,
                                                   g_rand_int_range (rand, 0, indices->len)))->id;
}

static void
add_edges (BwDocument *doc,
           GRand      *rand,
           GArray     *by_role[4])
{
  guint n_zones = bw_document_get_n_zones (doc), n_nodes = bw_document_get_n_nodes (doc);
  guint n_edges = 0;

  for (guint i = 0; i < n_nodes; i++)
    {
      const BwNode *n = bw_document_get_node (doc, i);
      guint role = g_array_index (by_role[0], guint, i);
      guint roll = g_rand_int_range (rand, 0, 100);

      /* Telemetry goes to a collector, or to a SIEM (services and collectors, role 2). */
      if (role == 1)
        {
          /* Two protects edges at most: a zone or any node. */
          for (guint k = 0; k < 1 + (roll < 20); k++)
            add_edge (doc, &n_edges, BW_EDGE_PROTECTS, n->id,
                      g_rand_boolean (rand) && n_zones > 0
                        ? bw_document_get_zone (doc, g_rand_int_range (rand, 0, n_zones))->id
                        : bw_document_get_node (doc, g_rand_int_range (rand, 0, n_nodes))->id);
          if (roll < 30)
            add_edge (doc, &n_edges, BW_EDGE_TELEMETRY, n->id,
                      random_node_of (rand, doc, by_role[g_rand_boolean (rand) ? 2 : 3]));
        }
      else if ((role == 0 && roll < 10) || (role == 3 && roll < 60))
        add_edge (doc, &n_edges, BW_EDGE_TELEMETRY, n->id,
                  random_node_of (rand, doc, by_role[roll % 3 == 0 ? 2 : 3]));
      if (roll >= 95)
        add_edge (doc, &n_edges, BW_EDGE_FLOW, n->id,
                  bw_document_get_node (doc, g_rand_int_range (rand, 0, n_nodes))->id);
    }
}

BwDocument *
bw_test_random_estate (BwCatalog *catalog,
                       guint      n_nodes,
                       guint32    seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  BwDocument *doc = bw_document_new ();
  guint n_zones = MAX (1, n_nodes / 50);
  /* Per node its kind of role (0 asset, 1 service, 2 SIEM, 3 collector); then the nodes of
   * each role but the first, as targets of telemetry. */
  GArray *by_role[4];
  Kinds k;

  sort_kinds (catalog, &k);
  for (guint r = 0; r < 4; r++)
    by_role[r] = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint z = 0; z < n_zones; z++)
    {
      g_autofree char *id = g_strdup_printf ("z%u", z + 1);
      /* The first zone holds the others: nested at random below it, or directly. */
      g_autofree char *parent =
          z == 0 ? NULL
                 : g_strdup_printf ("z%u", g_rand_int_range (rand, 0, 10) < 6
                                               ? g_rand_int_range (rand, 0, z) + 1
                                               : 1);

      g_assert_nonnull (bw_document_add_zone (doc, id, pick (rand, k.zones)->id, "Zone", parent,
                                              (z % 100) * 900.0, (z / 100) * 700.0, 800, 600,
                                              NULL));
    }
  for (guint i = 0; i < n_nodes; i++)
    {
      guint roll = g_rand_int_range (rand, 0, 100);
      guint role = roll < 85 ? 0 : roll < 95 ? 1 : roll < 99 ? 3 : 2;
      const BwStencil *s = pick (rand, role == 0 ? k.assets : role == 1 ? k.services
                                       : role == 2 ? k.siems : k.collectors);
      g_autofree char *id = g_strdup_printf ("n%u", i + 1);
      g_autofree char *zone = NULL;
      g_autoptr(JsonObject) props = NULL;

      if (s == NULL)
        {
          s = pick (rand, k.assets);
          role = 0;
        }
      /* Every asset lies in a zone; a third of the rest do not. */
      if (role == 0 || g_rand_int_range (rand, 0, 3) > 0)
        zone = g_strdup_printf ("z%u", g_rand_int_range (rand, 0, n_zones) + 1);
      props = random_props (rand, s);
      g_assert_nonnull (bw_document_add_node (doc, id, s->id, s->name, zone, (i % 1000) * 160.0,
                                              (i / 1000) * 100.0, props, NULL));
      g_array_append_val (by_role[0], role);
      if (role > 1)
        g_array_append_val (by_role[role], i);
    }
  add_edges (doc, rand, by_role);
  for (guint r = 0; r < 4; r++)
    g_array_unref (by_role[r]);
  g_ptr_array_unref (k.zones);
  g_ptr_array_unref (k.assets);
  g_ptr_array_unref (k.services);
  g_ptr_array_unref (k.siems);
  g_ptr_array_unref (k.collectors);
  return doc;
}
