/* bw-test-util.c: helpers shared by the test programs. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

#include "bw-catalog-private.h"
#include "bw-engine.h"
#include "bw-test-util.h"

char *
bw_test_shared_data (const char *relative_path)
{
  const char *root = g_getenv ("BW_SHARED_DATA");
  g_autofree char *path = NULL;

  if (root == NULL)
    root = "../shared/data";

  path = g_build_filename (root, relative_path, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      /* Shared data lives beside the checkout in CI only; a fresh clone skips. */
      printf ("SKIP: %s not found (the shared ATT&CK/CTID data sits beside the checkout in CI)\n",
              path);
      fflush (stdout);
      exit (BW_TEST_SKIP);
    }

  return g_steal_pointer (&path);
}

char *
bw_test_source_path (const char *relative_path)
{
  const char *root = g_getenv ("BW_SOURCE_DIR");

  if (root == NULL)
    root = ".";
  return g_build_filename (root, relative_path, NULL);
}

const char *
bw_test_bulwark (void)
{
  const char *path = g_getenv ("BW_BULWARK");

  g_assert_nonnull (path);
  return path;
}

int
bw_test_run_bulwark (const char *const *args,
                     char              **out_stdout,
                     char              **out_stderr)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) bw_test_bulwark ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                out_stdout, out_stderr, &status, &error);
  g_assert_no_error (error);

  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  return -1;
}

char *
bw_test_read_file (const char *path,
                   gsize      *out_length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, out_length, &error);
  g_assert_no_error (error);
  return contents;
}

/* Tactics: recon (phase reconnaissance), exec (exploitation), persist + evade (installation).
 * T1 recon/PRE; T2 exec/Windows; T3 persist+evade/Windows (two tactics, one phase);
 * T4 evade/Linux; T5 persist/Windows,Linux. */
static const char attack_json[] =
  "{\"attack_version\":\"99.0\",\"tactics\":["
  "{\"id\":\"TA1\",\"shortname\":\"recon\",\"name\":\"Recon\"},"
  "{\"id\":\"TA2\",\"shortname\":\"exec\",\"name\":\"Exec\"},"
  "{\"id\":\"TA3\",\"shortname\":\"persist\",\"name\":\"Persist\"},"
  "{\"id\":\"TA4\",\"shortname\":\"evade\",\"name\":\"Evade\"}],"
  "\"techniques\":["
  "{\"id\":\"T1\",\"name\":\"One\",\"tactics\":[\"recon\"],\"platforms\":[\"PRE\"]},"
  "{\"id\":\"T2\",\"name\":\"Two\",\"tactics\":[\"exec\"],\"platforms\":[\"Windows\"]},"
  "{\"id\":\"T3\",\"name\":\"Three\",\"tactics\":[\"persist\",\"evade\"],\"platforms\":[\"Windows\"]},"
  "{\"id\":\"T4\",\"name\":\"Four\",\"tactics\":[\"evade\"],\"platforms\":[\"Linux\"]},"
  "{\"id\":\"T5\",\"name\":\"Five\",\"tactics\":[\"persist\"],\"platforms\":[\"Windows\",\"Linux\"]}],"
  "\"revoked\":{},"
  "\"groups\":[{\"id\":\"G1\",\"name\":\"Alpha\",\"aliases\":[],\"techniques\":[\"T2\"]},"
  "{\"id\":\"G2\",\"name\":\"Beta\",\"aliases\":[],\"techniques\":[\"T3\",\"T4\"]}]}";

static const char killchain_json[] =
  "{\"phases\":["
  "{\"id\":\"reconnaissance\",\"name\":\"Reconnaissance\",\"tactics\":[\"recon\"]},"
  "{\"id\":\"exploitation\",\"name\":\"Exploitation\",\"tactics\":[\"exec\"]},"
  "{\"id\":\"installation\",\"name\":\"Installation\",\"tactics\":[\"persist\",\"evade\"]}]}";

/* cap.full: T2 protect significant, T3 detect partial, T5 protect minimal, T4 respond significant.
 * cap.extra: T3 protect significant. cap.siem: T2 detect partial, T4 detect partial. */
static const char mappings_json[] =
  "{\"capabilities\":["
  "{\"id\":\"cap.full\",\"name\":\"Full\",\"group\":\"g\",\"entries\":["
  "{\"technique\":\"T2\",\"category\":\"protect\",\"score\":\"significant\"},"
  "{\"technique\":\"T3\",\"category\":\"detect\",\"score\":\"partial\"},"
  "{\"technique\":\"T4\",\"category\":\"respond\",\"score\":\"significant\"},"
  "{\"technique\":\"T5\",\"category\":\"protect\",\"score\":\"minimal\"}]},"
  "{\"id\":\"cap.extra\",\"name\":\"Extra\",\"group\":\"g\",\"entries\":["
  "{\"technique\":\"T3\",\"category\":\"protect\",\"score\":\"significant\"}]},"
  "{\"id\":\"cap.siem\",\"name\":\"Siem\",\"group\":\"g\",\"entries\":["
  "{\"technique\":\"T2\",\"category\":\"detect\",\"score\":\"partial\"},"
  "{\"technique\":\"T4\",\"category\":\"detect\",\"score\":\"partial\"}]}]}";

static const char stencils_json[] =
  "{\"families\":[{\"id\":\"f\",\"name\":\"F\"}],\"stencils\":["
  "{\"id\":\"zone.a\",\"name\":\"Zone\",\"role\":\"zone\",\"family\":\"f\"},"
  "{\"id\":\"win\",\"name\":\"Windows box\",\"role\":\"asset\",\"family\":\"f\",\"platforms\":[\"Windows\"]},"
  "{\"id\":\"lin\",\"name\":\"Linux box\",\"role\":\"asset\",\"family\":\"f\",\"platforms\":[\"Linux\"]},"
  "{\"id\":\"web\",\"name\":\"Web\",\"role\":\"asset\",\"family\":\"f\",\"platforms\":[\"Windows\",\"PRE\"]},"
  "{\"id\":\"svc\",\"name\":\"Service\",\"role\":\"service\",\"family\":\"f\",\"capabilities\":[\"cap.full\",\"cap.extra\"]},"
  "{\"id\":\"svc.win\",\"name\":\"Windows-only\",\"role\":\"service\",\"family\":\"f\",\"capabilities\":[\"cap.full\"],\"applies_to\":[\"win\"]},"
  "{\"id\":\"siem\",\"name\":\"Siem\",\"role\":\"service\",\"family\":\"f\",\"capabilities\":[\"cap.siem\"],\"siem\":true},"
  "{\"id\":\"col\",\"name\":\"Collector\",\"role\":\"collector\",\"family\":\"f\"}]}";

BwCatalog *
bw_test_tiny_catalog (void)
{
  g_autoptr(GBytes) a = g_bytes_new_static (attack_json, sizeof attack_json - 1);
  g_autoptr(GBytes) k = g_bytes_new_static (killchain_json, sizeof killchain_json - 1);
  g_autoptr(GBytes) m = g_bytes_new_static (mappings_json, sizeof mappings_json - 1);
  g_autoptr(GBytes) s = g_bytes_new_static (stencils_json, sizeof stencils_json - 1);
  g_autoptr(GError) error = NULL;
  BwCatalog *catalog = bw_catalog_new_from_bytes (a, k, m, s, &error);

  g_assert_no_error (error);
  return catalog;
}

/* The tiny catalog with initial access (rule 10): tactic initial (TA0, phase delivery) and
 * T6 initial/Windows,Linux; T7 initial+persist/Windows (mixed, like T1078). cap.mail: T6
 * protect significant, T7 protect significant, T2 detect minimal; cap.siem adds T6 detect
 * partial. Stencils mail (asset, platform Office) and mdo (service, cap.mail, applies_to mail). */
BwCatalog *
bw_test_delivery_catalog (void)
{
  g_autoptr(GString) a = g_string_new (attack_json);
  g_autoptr(GString) k = g_string_new (killchain_json);
  g_autoptr(GString) m = g_string_new (mappings_json);
  g_autoptr(GString) s = g_string_new (stencils_json);
  g_autoptr(GError) error = NULL;
  BwCatalog *catalog;

  g_string_replace (a, "\"tactics\":[",
                    "\"tactics\":[{\"id\":\"TA0\",\"shortname\":\"initial-access\",\"name\":\"Initial\"},", 1);
  g_string_replace (a, "\"techniques\":[",
                    "\"techniques\":["
                    "{\"id\":\"T6\",\"name\":\"Six\",\"tactics\":[\"initial-access\"],\"platforms\":[\"Windows\",\"Linux\"]},"
                    "{\"id\":\"T7\",\"name\":\"Seven\",\"tactics\":[\"initial-access\",\"persist\"],\"platforms\":[\"Windows\"]},",
                    1);
  g_string_replace (k, "\"phases\":[",
                    "\"phases\":[{\"id\":\"delivery\",\"name\":\"Delivery\",\"tactics\":[\"initial-access\"]},", 1);
  g_string_replace (m, "\"capabilities\":[",
                    "\"capabilities\":["
                    "{\"id\":\"cap.mail\",\"name\":\"Mail\",\"group\":\"g\",\"entries\":["
                    "{\"technique\":\"T6\",\"category\":\"protect\",\"score\":\"significant\"},"
                    "{\"technique\":\"T7\",\"category\":\"protect\",\"score\":\"significant\"},"
                    "{\"technique\":\"T2\",\"category\":\"detect\",\"score\":\"minimal\"}]},", 1);
  g_string_replace (m, "{\"technique\":\"T4\",\"category\":\"detect\",\"score\":\"partial\"}",
                    "{\"technique\":\"T4\",\"category\":\"detect\",\"score\":\"partial\"},"
                    "{\"technique\":\"T6\",\"category\":\"detect\",\"score\":\"partial\"}", 1);
  g_string_replace (s, "\"stencils\":[",
                    "\"stencils\":["
                    "{\"id\":\"mail\",\"name\":\"Mailbox\",\"role\":\"asset\",\"family\":\"f\",\"platforms\":[\"Office\"]},"
                    "{\"id\":\"mdo\",\"name\":\"Mail guard\",\"role\":\"service\",\"family\":\"f\",\"capabilities\":[\"cap.mail\"],\"applies_to\":[\"mail\"]},",
                    1);
  {
    g_autoptr(GBytes) ab = g_bytes_new (a->str, a->len);
    g_autoptr(GBytes) kb = g_bytes_new (k->str, k->len);
    g_autoptr(GBytes) mb = g_bytes_new (m->str, m->len);
    g_autoptr(GBytes) sb = g_bytes_new (s->str, s->len);

    catalog = bw_catalog_new_from_bytes (ab, kb, mb, sb, &error);
  }
  g_assert_no_error (error);
  return catalog;
}

/* A document from a compact description: "z1 zone.a -", "n1 win z1", "e1 protects n2 z1", … */
BwDocument *
bw_test_build_document (const char *const *lines)
{
  g_autoptr(BwDocument) doc = bw_document_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) w = g_strsplit (lines[i], " ", -1);
      g_autoptr(GError) error = NULL;

      if (w[0][0] == 'z')
        bw_document_add_zone (doc, w[0], w[1], w[0], g_str_equal (w[2], "-") ? NULL : w[2], 0, 0,
                              100, 100, &error);
      else if (w[0][0] == 'n')
        bw_document_add_node (doc, w[0], w[1], w[0], g_str_equal (w[2], "-") ? NULL : w[2], 0, 0,
                              NULL, &error);
      else
        {
          BwEdgeKind kind;

          g_assert_true (bw_edge_kind_from_string (w[1], &kind));
          bw_document_add_edge (doc, w[0], kind, w[2], w[3], &error);
        }
      g_assert_no_error (error);
    }
  return g_steal_pointer (&doc);
}

void
bw_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      /* A file, a link or an empty directory goes at once; only a directory with something in
       * it is entered, so a link to a directory is never followed. */
      if (g_remove (child) != 0)
        bw_test_remove_tree (child);
    }
  g_rmdir (path);
}

void
bw_test_assert_report_current (BwCatalog  *catalog,
                               BwDocument *document,
                               BwReport   *live)
{
  g_autoptr(BwReport) full = bw_engine_compute (catalog, document);
  g_autofree char *live_json = bw_report_to_json (live, catalog, NULL);
  g_autofree char *full_json = bw_report_to_json (full, catalog, NULL);

  g_assert_cmpstr (live_json, ==, full_json);
}
