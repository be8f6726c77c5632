/* bw-test-bundle.c: generates release-shaped ATT&CK bundles from the small test bundle. */
#include "config.h"

#include <json-glib/json-glib.h>

#include "bw-test-bundle.h"
#include "bw-test-util.h"

/* The Enterprise tactics in matrix order, 19's split in place of defense-evasion. */
static const struct
{
  const char *id;
  const char *shortname;
  const char *name;
} tactics[] = {
  { "TA0043", "reconnaissance", "Reconnaissance" },
  { "TA0042", "resource-development", "Resource Development" },
  { "TA0001", "initial-access", "Initial Access" },
  { "TA0002", "execution", "Execution" },
  { "TA0003", "persistence", "Persistence" },
  { "TA0004", "privilege-escalation", "Privilege Escalation" },
  { "TA0005", "defense-evasion", "Defense Evasion" },
  { "TA0005", "stealth", "Stealth" },
  { "TA0112", "defense-impairment", "Defense Impairment" },
  { "TA0006", "credential-access", "Credential Access" },
  { "TA0007", "discovery", "Discovery" },
  { "TA0008", "lateral-movement", "Lateral Movement" },
  { "TA0009", "collection", "Collection" },
  { "TA0011", "command-and-control", "Command and Control" },
  { "TA0010", "exfiltration", "Exfiltration" },
  { "TA0040", "impact", "Impact" },
};

static JsonObject *
with_attack_id (JsonObject *o,
                const char *id)
{
  JsonArray *refs = json_array_new ();
  JsonObject *ref = json_object_new ();

  json_object_set_string_member (ref, "source_name", "mitre-attack");
  json_object_set_string_member (ref, "external_id", id);
  json_array_add_object_element (refs, ref);
  json_object_set_array_member (o, "external_references", refs);
  return o;
}

static JsonObject *
technique (const char *stix_id,
           const char *id,
           const char *name,
           const char *tactic,
           gboolean    live)
{
  JsonObject *o = json_object_new ();
  JsonArray *phases = json_array_new ();
  JsonObject *phase = json_object_new ();
  JsonArray *platforms = json_array_new ();

  json_object_set_string_member (o, "type", "attack-pattern");
  json_object_set_string_member (o, "id", stix_id);
  json_object_set_string_member (o, "name", name);
  with_attack_id (o, id);
  json_object_set_string_member (phase, "kill_chain_name", "mitre-attack");
  json_object_set_string_member (phase, "phase_name", tactic);
  json_array_add_object_element (phases, phase);
  json_object_set_array_member (o, "kill_chain_phases", phases);
  json_array_add_string_element (platforms, "Windows");
  json_object_set_array_member (o, "x_mitre_platforms", platforms);
  if (!live)
    json_object_set_boolean_member (o, "x_mitre_deprecated", TRUE);
  return o;
}

static JsonObject *
relationship (const char *id,
              const char *kind,
              const char *source,
              const char *target)
{
  JsonObject *o = json_object_new ();

  json_object_set_string_member (o, "type", "relationship");
  json_object_set_string_member (o, "id", id);
  json_object_set_string_member (o, "relationship_type", kind);
  json_object_set_string_member (o, "source_ref", source);
  json_object_set_string_member (o, "target_ref", target);
  return o;
}

char *
bw_test_write_bundle (const char *dir,
                      gboolean    v19)
{
  return bw_test_write_bundle_with_tactic (dir, v19, NULL);
}

char *
bw_test_write_bundle_with_tactic (const char *dir,
                                  gboolean    v19,
                                  const char *extra)
{
  g_autofree char *fixture = bw_test_source_path ("tests/fixtures/stix/tiny-2.0.json");
  g_autofree char *text = bw_test_read_file (fixture, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  const char *evasion = v19 ? "stealth" : "defense-evasion";
  const char *impairment = v19 ? "defense-impairment" : "defense-evasion";
  JsonObject *root;
  JsonArray *objects;
  JsonArray *refs = json_array_new ();
  JsonObject *collection = json_object_new ();
  JsonObject *revoked;
  char *path = g_build_filename (dir, extra ? "enterprise-attack-extra.json"
                                      : v19 ? "enterprise-attack-19.0.json"
                                            : "enterprise-attack-18.9.json", NULL);

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  objects = json_object_get_array_member (root, "objects");

  /* The matrix: every tactic of the generation; the bundle's own two keep their STIX ids. */
  for (guint i = 0; i < G_N_ELEMENTS (tactics); i++)
    {
      const char *name = tactics[i].shortname;
      g_autofree char *stix_id = NULL;

      if (g_str_equal (name, v19 ? "defense-evasion" : "stealth") || (!v19 && g_str_equal (name, "defense-impairment")))
        continue;
      if (g_str_equal (name, "initial-access") || g_str_equal (name, "execution"))
        stix_id = g_strdup (g_str_equal (name, "initial-access") ? "x-mitre-tactic--2" : "x-mitre-tactic--1");
      else
        {
          JsonObject *t = json_object_new ();

          stix_id = g_strdup_printf ("x-mitre-tactic--t%u", i);
          json_object_set_string_member (t, "type", "x-mitre-tactic");
          json_object_set_string_member (t, "id", stix_id);
          json_object_set_string_member (t, "name", tactics[i].name);
          json_object_set_string_member (t, "x_mitre_shortname", name);
          json_array_add_object_element (objects, with_attack_id (t, tactics[i].id));
        }
      json_array_add_string_element (refs, stix_id);
    }
  if (extra != NULL)
    {
      JsonObject *t = json_object_new ();

      json_object_set_string_member (t, "type", "x-mitre-tactic");
      json_object_set_string_member (t, "id", "x-mitre-tactic--extra");
      json_object_set_string_member (t, "name", "Extra Tactic");
      json_object_set_string_member (t, "x_mitre_shortname", extra);
      json_array_add_object_element (objects, with_attack_id (t, "TA0199"));
      json_array_add_string_element (refs, "x-mitre-tactic--extra");
      json_array_add_object_element (objects, technique ("attack-pattern--99", "T1999", "Extra Technique", extra, TRUE));
    }
  json_object_set_array_member (json_array_get_object_element (objects, 0), "tactic_refs", refs);

  json_array_add_object_element (objects, technique ("attack-pattern--10", "T1027", "Obfuscated Files or Information", evasion, TRUE));
  json_array_add_object_element (objects, technique ("attack-pattern--11", "T1562", "Impair Defenses", impairment, TRUE));
  revoked = technique ("attack-pattern--12", "T1562.001", "Disable or Modify Tools", impairment, TRUE);
  json_array_add_object_element (objects, revoked);
  json_array_add_object_element (objects, technique ("attack-pattern--13", "T1562.002", "Disable Windows Event Logging", impairment, !v19));
  json_array_add_object_element (objects, technique ("attack-pattern--14", "T1562.003", "Impair Command History Logging", impairment, !v19));
  json_array_add_object_element (objects, relationship ("relationship--10", "subtechnique-of", "attack-pattern--12", "attack-pattern--11"));
  json_array_add_object_element (objects, relationship ("relationship--11", "subtechnique-of", "attack-pattern--13", "attack-pattern--11"));
  json_array_add_object_element (objects, relationship ("relationship--12", "subtechnique-of", "attack-pattern--14", "attack-pattern--11"));
  if (v19)
    {
      /* 19 revokes T1562.001 for a new id and moves T1562.002 to a new parent. */
      json_object_set_boolean_member (revoked, "revoked", TRUE);
      json_array_add_object_element (objects, technique ("attack-pattern--15", "T1562.014", "Disable or Modify Tools", impairment, TRUE));
      json_array_add_object_element (objects, technique ("attack-pattern--16", "T1685", "Impair Logging", impairment, TRUE));
      json_array_add_object_element (objects, technique ("attack-pattern--17", "T1685.001", "Disable Windows Event Logging", impairment, TRUE));
      json_array_add_object_element (objects, relationship ("relationship--13", "revoked-by", "attack-pattern--12", "attack-pattern--15"));
      json_array_add_object_element (objects, relationship ("relationship--14", "subtechnique-of", "attack-pattern--15", "attack-pattern--11"));
      json_array_add_object_element (objects, relationship ("relationship--15", "subtechnique-of", "attack-pattern--17", "attack-pattern--16"));
    }

  /* STIX 2.1, as MITRE publishes it: spec_version on every object, a collection first. */
  json_object_remove_member (root, "spec_version");
  json_object_set_string_member (collection, "type", "x-mitre-collection");
  json_object_set_string_member (collection, "id", "x-mitre-collection--1");
  json_object_set_string_member (collection, "name", "Enterprise ATT&CK");
  json_object_set_string_member (collection, "x_mitre_version", v19 ? "19.0" : "18.9");
  json_array_add_object_element (objects, collection);
  for (guint i = 0; i < json_array_get_length (objects); i++)
    json_object_set_string_member (json_array_get_object_element (objects, i), "spec_version", "2.1");

  json_generator_set_root (generator, json_parser_get_root (parser));
  g_assert_true (json_generator_to_file (generator, path, NULL));
  return path;
}

char *
bw_test_write_mappings (const char *dir)
{
  const struct
  {
    const char *technique;
    const char *category;
    const char *score;
  } rows[] = {
    { "T1027", "detect", "partial" },
    { "T1059", "protect", "partial" },
    { "T1562.001", "protect", "significant" },
    { "T1562.002", "detect", "partial" },
    { "T1562.003", "detect", "minimal" },
    { "T1566.001", "protect", "partial" },
  };
  g_autoptr(GString) text = g_string_new ("{\"metadata\": {\"mapping_framework\": \"test\", "
                                          "\"mapping_framework_version\": \"1\", \"attack_version\": \"18.9\"},\n"
                                          " \"mapping_objects\": [\n");
  char *path = g_build_filename (dir, "test-mappings.json", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_string_append_printf (
        text,
        "  {\"capability_id\": \"%s\", \"capability_description\": \"Alerts for Windows Machines\", "
        "\"capability_group\": \"Azure\", \"attack_object_id\": \"%s\", \"score_category\": \"%s\", "
        "\"score_value\": \"%s\", \"status\": \"complete\"}%s\n",
        BW_TEST_BUNDLE_CAPABILITY, rows[i].technique, rows[i].category, rows[i].score,
        i + 1 < G_N_ELEMENTS (rows) ? "," : "");
  g_string_append (text, " ]}\n");
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));
  return path;
}

/* A bundle with one live technique (T1059) and N revoked ones, each revoked by the next, the
 * last by T1059 (or, with CYCLE, by the first). */
char *
bw_test_revoked_chain (guint    n,
                       gboolean cycle)
{
  GString *s = g_string_new ("{\"type\": \"bundle\", \"objects\": ["
                             "{\"type\": \"x-mitre-matrix\", \"id\": \"x-mitre-matrix--1\", \"tactic_refs\": [\"x-mitre-tactic--1\"]},"
                             "{\"type\": \"x-mitre-tactic\", \"id\": \"x-mitre-tactic--1\", \"name\": \"Execution\", "
                             "\"x_mitre_shortname\": \"execution\", \"external_references\": "
                             "[{\"source_name\": \"mitre-attack\", \"external_id\": \"TA0002\"}]},"
                             "{\"type\": \"attack-pattern\", \"id\": \"attack-pattern--live\", \"name\": \"Live\", "
                             "\"external_references\": [{\"source_name\": \"mitre-attack\", \"external_id\": \"T1059\"}], "
                             "\"kill_chain_phases\": [{\"kill_chain_name\": \"mitre-attack\", \"phase_name\": \"execution\"}]}");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, ",{\"type\": \"attack-pattern\", \"id\": \"attack-pattern--r%u\", \"name\": \"R%u\", "
                            "\"revoked\": true, \"external_references\": [{\"source_name\": \"mitre-attack\", "
                            "\"external_id\": \"T9%07u\"}]}", i, i, i);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *target = i + 1 < n ? g_strdup_printf ("attack-pattern--r%u", i + 1)
                                : cycle ? g_strdup ("attack-pattern--r0")
                                        : g_strdup ("attack-pattern--live");

      g_string_append_printf (s, ",{\"type\": \"relationship\", \"id\": \"relationship--%u\", "
                              "\"relationship_type\": \"revoked-by\", \"source_ref\": \"attack-pattern--r%u\", "
                              "\"target_ref\": \"%s\"}", i, i, target);
    }
  g_string_append (s, "]}");
  return g_string_free (s, FALSE);
}
