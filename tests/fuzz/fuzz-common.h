/* fuzz-common.h: what every fuzz target shares — a small catalog to read against. */
#pragma once

#include "bw-catalog-private.h"

/* A catalog with a handful of real technique ids (and one revoked redirect), built once. */
G_GNUC_UNUSED static BwCatalog *
fuzz_catalog (void)
{
  static BwCatalog *catalog;
  static const char attack[] =
    "{\"attack_version\":\"18.1\",\"tactics\":[{\"id\":\"TA0001\",\"shortname\":\"initial-access\",\"name\":\"Initial Access\"}],"
    "\"techniques\":[{\"id\":\"T1078\",\"name\":\"Valid Accounts\",\"tactics\":[\"initial-access\"],\"platforms\":[\"Windows\"]},"
    "{\"id\":\"T1566\",\"name\":\"Phishing\",\"tactics\":[\"initial-access\"],\"platforms\":[\"Windows\",\"SaaS\"]}],"
    "\"revoked\":{\"T1000\":\"T1078\"},\"groups\":[]}";
  static const char killchain[] = "{\"phases\":[{\"id\":\"delivery\",\"name\":\"Delivery\",\"tactics\":[\"initial-access\"]}]}";
  static const char mappings[] = "{\"capabilities\":[{\"id\":\"c\",\"name\":\"C\",\"group\":\"g\",\"entries\":[{\"technique\":\"T1078\",\"category\":\"protect\",\"score\":\"partial\"}]}]}";
  static const char stencils[] = "{\"families\":[{\"id\":\"f\",\"name\":\"F\"}],\"stencils\":[{\"id\":\"a\",\"name\":\"A\",\"role\":\"asset\",\"family\":\"f\",\"platforms\":[\"Windows\"]}]}";

  if (catalog == NULL)
    {
      g_autoptr(GBytes) a = g_bytes_new_static (attack, sizeof attack - 1);
      g_autoptr(GBytes) k = g_bytes_new_static (killchain, sizeof killchain - 1);
      g_autoptr(GBytes) m = g_bytes_new_static (mappings, sizeof mappings - 1);
      g_autoptr(GBytes) s = g_bytes_new_static (stencils, sizeof stencils - 1);

      catalog = bw_catalog_new_from_bytes (a, k, m, s, NULL);
      g_assert (catalog != NULL);
    }
  return catalog;
}
