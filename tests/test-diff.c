/* test-diff.c: `bulwark diff` and `analyze --format csv` — the diff of the sample against the
 * sample without one service, checked technique by technique against the engine; the gate and
 * standard input through the real binary; the text and Markdown shapes; the CSV's rows counted
 * from the catalog's platforms, its quoting and its guard against formulas. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "bw-diff.h"
#include "bw-document-io.h"
#include "bw-engine.h"
#include "bw-engine-assets.h"
#include "bw-report-csv.h"
#include "bw-test-util.h"

static BwCatalog *
shipped_catalog (void)
{
  g_autoptr(GError) error = NULL;
  BwCatalog *catalog = bw_catalog_load_default (&error);

  g_assert_no_error (error);
  return catalog;
}

static BwDocument *
load_sample (void)
{
  g_autofree char *path = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  g_autoptr(GError) error = NULL;
  BwDocument *doc = bw_document_load_from_file (path, &error);

  g_assert_no_error (error);
  return doc;
}

/* Removes node `id` and every edge that touches it. */
static void
remove_node (BwDocument *doc,
             const char *id)
{
  g_autoptr(GError) error = NULL;

  for (guint i = bw_document_get_n_edges (doc); i-- > 0;)
    {
      const BwEdge *e = bw_document_get_edge (doc, i);

      if (g_str_equal (e->from, id) || g_str_equal (e->to, id))
        {
          g_autofree char *edge = g_strdup (e->id);

          g_assert_true (bw_document_remove (doc, edge, &error));
          g_assert_no_error (error);
        }
    }
  g_assert_true (bw_document_remove (doc, id, &error));
  g_assert_no_error (error);
}

/* The sample without its first service whose removal changes some technique's status. */
static BwDocument *
sample_without_a_service (BwCatalog *catalog,
                          char     **out_removed)
{
  g_autoptr(BwDocument) sample = load_sample ();
  g_autoptr(BwReport) before = bw_engine_compute (catalog, sample);

  for (guint i = 0; i < bw_document_get_n_nodes (sample); i++)
    {
      const BwNode *node = bw_document_get_node (sample, i);
      const BwStencil *stencil = bw_catalog_lookup_stencil (catalog, node->kind);
      g_autoptr(BwDocument) copy = NULL;
      g_autoptr(BwReport) after = NULL;

      if (stencil == NULL || stencil->role != BW_ROLE_SERVICE)
        continue;
      copy = bw_document_copy (sample);
      remove_node (copy, node->id);
      after = bw_engine_compute (catalog, copy);
      for (guint t = 0; t < bw_catalog_get_n_techniques (catalog); t++)
        if (bw_report_get_technique (before, t)->status !=
            bw_report_get_technique (after, t)->status)
          {
            *out_removed = g_strdup (node->id);
            return g_steal_pointer (&copy);
          }
    }
  g_assert_not_reached ();
}

static void
test_brute_force (void)
{
  g_autoptr(BwCatalog) catalog = shipped_catalog ();
  g_autoptr(BwDocument) sample = load_sample ();
  g_autofree char *removed = NULL;
  g_autoptr(BwDocument) changed = sample_without_a_service (catalog, &removed);
  g_autoptr(BwDiff) diff = bw_diff_compute (catalog, sample, changed);
  g_autoptr(BwReport) before = bw_engine_compute (catalog, sample);
  g_autoptr(BwReport) after = bw_engine_compute (catalog, changed);
  GPtrArray *services_removed = bw_diff_get_services_removed (diff);
  const BwDiffNode *gone;
  guint k = 0;
  guint worse = 0;

  /* Every technique, in catalog order: listed exactly when its status differs. */
  for (guint t = 0; t < bw_catalog_get_n_techniques (catalog); t++)
    {
      BwStatus b = bw_report_get_technique (before, t)->status;
      BwStatus a = bw_report_get_technique (after, t)->status;

      if (a == b)
        continue;
      g_assert_cmpuint (k, <, bw_diff_get_n_techniques (diff));
      g_assert_cmpuint (bw_diff_get_technique (diff, k)->technique, ==, t);
      g_assert_cmpint (bw_diff_get_technique (diff, k)->before, ==, b);
      g_assert_cmpint (bw_diff_get_technique (diff, k)->after, ==, a);
      /* Removing a service never helps. */
      g_assert_cmpint (a, <, b);
      if (a != BW_STATUS_NOT_APPLICABLE)
        worse++;
      k++;
    }
  g_assert_cmpuint (k, ==, bw_diff_get_n_techniques (diff));
  g_assert_cmpuint (k, >, 0);
  g_assert_cmpuint (bw_diff_count_regressions (diff), ==, worse);
  g_assert_true (bw_diff_is_regression (diff));

  g_assert_cmpuint (services_removed->len, ==, 1);
  gone = g_ptr_array_index (services_removed, 0);
  g_assert_cmpstr (gone->id, ==, removed);
  g_assert_cmpstr (gone->label, ==, bw_document_get_label (sample, removed));
  g_assert_cmpuint (bw_diff_get_services_added (diff)->len, ==, 0);
  g_assert_cmpuint (bw_diff_get_assets_added (diff)->len, ==, 0);
  g_assert_cmpuint (bw_diff_get_assets_removed (diff)->len, ==, 0);

  /* The other way round: everything improves, nothing regresses. */
  {
    g_autoptr(BwDiff) back = bw_diff_compute (catalog, changed, sample);

    g_assert_cmpuint (bw_diff_get_n_techniques (back), ==, k);
    g_assert_false (bw_diff_is_regression (back));
    g_assert_cmpuint (bw_diff_get_services_added (back)->len, ==, 1);
  }
}

static void
test_regression_rule (void)
{
  g_assert_true (bw_diff_status_is_regression (BW_STATUS_COVERED, BW_STATUS_PARTIAL));
  g_assert_true (bw_diff_status_is_regression (BW_STATUS_COVERED, BW_STATUS_GAP));
  g_assert_true (bw_diff_status_is_regression (BW_STATUS_PARTIAL, BW_STATUS_GAP));
  g_assert_false (bw_diff_status_is_regression (BW_STATUS_GAP, BW_STATUS_PARTIAL));
  g_assert_false (bw_diff_status_is_regression (BW_STATUS_COVERED, BW_STATUS_NOT_APPLICABLE));
  g_assert_false (bw_diff_status_is_regression (BW_STATUS_NOT_APPLICABLE, BW_STATUS_GAP));
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static char *
node_text (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

static void
test_json_shape (void)
{
  g_autoptr(BwCatalog) catalog = shipped_catalog ();
  g_autoptr(BwDocument) sample = load_sample ();
  g_autofree char *removed = NULL;
  g_autoptr(BwDocument) changed = sample_without_a_service (catalog, &removed);
  g_autoptr(BwDiff) diff = bw_diff_compute (catalog, sample, changed);
  g_autofree char *json = bw_diff_to_json (diff, NULL);
  g_autofree char *report_json = bw_report_to_json (bw_diff_get_before (diff), catalog, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) report_parser = json_parser_new ();
  JsonObject *root = parse_object (parser, json);
  JsonObject *report = parse_object (report_parser, report_json);
  g_autoptr(GList) keys = json_object_get_members (root);
  const char *expected[] = { "summary", "tactics", "kill_chain", "techniques", "assets", "services" };
  JsonArray *tactics;
  JsonArray *techniques;
  guint i = 0;

  for (GList *l = keys; l != NULL; l = l->next, i++)
    g_assert_cmpstr (l->data, ==, expected[i]);
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (expected));

  /* before/after are the report's own objects, byte for byte as analyze writes them. */
  {
    g_autofree char *a = node_text (json_object_get_member (json_object_get_object_member (root, "summary"), "before"));
    g_autofree char *b = node_text (json_object_get_member (report, "summary"));

    g_assert_cmpstr (a, ==, b);
  }
  tactics = json_object_get_array_member (root, "tactics");
  g_assert_cmpuint (json_array_get_length (tactics), ==, bw_catalog_get_n_tactics (catalog));
  for (guint t = 0; t < json_array_get_length (tactics); t++)
    {
      JsonObject *entry = json_array_get_object_element (tactics, t);
      g_autofree char *a = node_text (json_object_get_member (entry, "before"));
      g_autofree char *b = node_text (json_array_get_element (json_object_get_array_member (report, "tactics"), t));

      g_assert_cmpstr (json_object_get_string_member (entry, "id"), ==, bw_catalog_get_tactic (catalog, t)->id);
      g_assert_cmpstr (a, ==, b);
    }
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "kill_chain")), ==,
                    bw_catalog_get_n_phases (catalog));
  techniques = json_object_get_array_member (root, "techniques");
  g_assert_cmpuint (json_array_get_length (techniques), ==, bw_diff_get_n_techniques (diff));
  for (guint t = 0; t < json_array_get_length (techniques); t++)
    {
      JsonObject *entry = json_array_get_object_element (techniques, t);
      const BwDiffTechnique *d = bw_diff_get_technique (diff, t);

      g_assert_cmpstr (json_object_get_string_member (entry, "id"), ==,
                       bw_catalog_get_technique (catalog, d->technique)->id);
      g_assert_cmpstr (json_object_get_string_member (entry, "name"), ==,
                       bw_catalog_get_technique (catalog, d->technique)->name);
      g_assert_cmpstr (json_object_get_string_member (entry, "before"), ==, bw_status_to_string (d->before));
      g_assert_cmpstr (json_object_get_string_member (entry, "after"), ==, bw_status_to_string (d->after));
    }
  {
    JsonArray *gone = json_object_get_array_member (json_object_get_object_member (root, "services"), "removed");

    g_assert_cmpuint (json_array_get_length (gone), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (gone, 0), "id"), ==, removed);
  }
}

/* CLI */

static char *
write_temp (BwDocument *doc,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (g_get_tmp_dir (), name, NULL);

  g_assert_true (bw_document_save_to_file (doc, path, &error));
  g_assert_no_error (error);
  return path;
}

/* Runs bulwark with `input` on its standard input. */
static int
run_with_stdin (const char *const *args,
                const char        *input,
                char             **out,
                char             **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer) bw_test_bulwark ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_newv ((const char *const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                 G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, out, err, &error);
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (process);
}

typedef struct
{
  BwCatalog *catalog;
  char      *sample;
  char      *changed;
  char      *removed;
} CliFixture;

static void
cli_setup (CliFixture   *f,
           gconstpointer data)
{
  g_autoptr(BwDocument) changed = NULL;

  f->catalog = shipped_catalog ();
  f->sample = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  changed = sample_without_a_service (f->catalog, &f->removed);
  f->changed = write_temp (changed, "bulwark-test-diff-changed.bulwark");
}

static void
cli_teardown (CliFixture   *f,
              gconstpointer data)
{
  g_unlink (f->changed);
  g_free (f->changed);
  g_free (f->sample);
  g_free (f->removed);
  g_object_unref (f->catalog);
}

static void
test_cli_gate (CliFixture   *f,
               gconstpointer data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *gate[] = { "diff", f->sample, f->changed, "--fail-on-regression", NULL };
  const char *plain[] = { "diff", f->sample, f->changed, NULL };
  const char *better[] = { "diff", f->changed, f->sample, "--fail-on-regression", NULL };
  const char *same[] = { "diff", f->sample, f->sample, "--fail-on-regression", NULL };

  g_assert_cmpint (bw_test_run_bulwark (gate, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "regressed"));
  g_assert_cmpint (bw_test_run_bulwark (plain, NULL, NULL), ==, 0);
  g_assert_cmpint (bw_test_run_bulwark (better, NULL, NULL), ==, 0);
  g_assert_cmpint (bw_test_run_bulwark (same, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "0 techniques changed status"));
}

static void
test_cli_stdin (CliFixture   *f,
                gconstpointer data)
{
  g_autofree char *old_text = bw_test_read_file (f->sample, NULL);
  g_autofree char *from_file = NULL;
  g_autofree char *from_stdin = NULL;
  g_autofree char *from_stdin_new = NULL;
  g_autofree char *err = NULL;
  const char *files[] = { "diff", f->sample, f->changed, "--format", "json", NULL };
  const char *old_stdin[] = { "diff", "-", f->changed, "--format", "json", "--fail-on-regression", NULL };
  const char *new_stdin[] = { "diff", f->changed, "-", "--format", "json", NULL };
  const char *both[] = { "diff", "-", "-", NULL };

  g_assert_cmpint (bw_test_run_bulwark (files, &from_file, NULL), ==, 0);
  g_assert_cmpint (run_with_stdin (old_stdin, old_text, &from_stdin, NULL), ==, 1);
  g_assert_cmpstr (from_stdin, ==, from_file);
  g_assert_cmpint (run_with_stdin (new_stdin, old_text, &from_stdin_new, NULL), ==, 0);
  g_assert_cmpint (run_with_stdin (both, old_text, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "standard input"));
}

static void
test_cli_bad_input (CliFixture   *f,
                    gconstpointer data)
{
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *err3 = NULL;
  const char *missing[] = { "diff", f->sample, "/nonexistent/x.bulwark", NULL };
  const char *from_stdin[] = { "diff", "-", f->sample, NULL };
  const char *format[] = { "diff", f->sample, f->sample, "--format", "yaml", NULL };

  g_assert_cmpint (bw_test_run_bulwark (missing, NULL, &err), ==, 2);
  g_assert_true (g_str_has_prefix (err, "bulwark: /nonexistent/x.bulwark: "));
  g_assert_cmpuint (strchr (err, '\n') - err, ==, strlen (err) - 1);
  g_assert_cmpint (run_with_stdin (from_stdin, "{\"format\": \"bulwark\", \"nodes\": 3", NULL, &err2), ==, 2);
  g_assert_true (g_str_has_prefix (err2, "bulwark: standard input: "));
  g_assert_cmpuint (strchr (err2, '\n') - err2, ==, strlen (err2) - 1);
  g_assert_cmpint (bw_test_run_bulwark (format, NULL, &err3), ==, 2);
}

static void
test_cli_shapes (CliFixture   *f,
                 gconstpointer data)
{
  g_autofree char *md = NULL;
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;
  const char *markdown[] = { "diff", f->sample, f->changed, "--format", "markdown", NULL };
  const char *plain[] = { "diff", f->sample, f->changed, NULL };
  const char *as_json[] = { "diff", f->sample, f->changed, "--format", "json", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  guint n_techniques;
  guint rows = 0;
  g_auto(GStrv) lines = NULL;
  gboolean in_techniques = FALSE;

  g_assert_cmpint (bw_test_run_bulwark (as_json, &json, NULL), ==, 0);
  root = parse_object (parser, json);
  n_techniques = json_array_get_length (json_object_get_array_member (root, "techniques"));

  /* Markdown: a heading, the regression line, tables whose rows have the header's columns, one
   * row per changed technique, and the removed service by its id. */
  g_assert_cmpint (bw_test_run_bulwark (markdown, &md, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (md, "## "));
  g_assert_nonnull (strstr (md, "**Regression:**"));
  g_assert_nonnull (strstr (md, "| Technique | Name | Before | After |\n|---|---|---|---|\n"));
  g_assert_nonnull (strstr (md, "| Tactic | Before | After |"));
  g_assert_nonnull (strstr (md, f->removed));
  lines = g_strsplit (md, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "| Technique |"))
        in_techniques = TRUE;
      else if (!g_str_has_prefix (lines[i], "|"))
        in_techniques = FALSE;
      else if (in_techniques && !g_str_has_prefix (lines[i], "|---"))
        {
          guint bars = 0;

          for (const char *p = lines[i]; *p; p++)
            bars += *p == '|' && (p == lines[i] || p[-1] != '\\');
          g_assert_cmpuint (bars, ==, 5);
          rows++;
        }
    }
  g_assert_cmpuint (rows, ==, n_techniques);

  g_assert_cmpint (bw_test_run_bulwark (plain, &text, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (text, "Coverage ratio "));
  g_assert_nonnull (strstr (text, "Services removed"));
  g_assert_nonnull (strstr (text, "← worse"));
}

/* CSV */

/* An RFC 4180 reader: rows of fields, CRLF line ends required. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; !(*p == '"' && p[1] != '"'); p++)
            {
              g_assert_true (*p != '\0');
              if (*p == '"')
                p++;
              g_string_append_c (field, *p);
            }
          p++;
        }
      else
        for (; *p != ',' && *p != '\r' && *p != '\0'; p++)
          {
            g_assert_true (*p != '"' && *p != '\n');
            g_string_append_c (field, *p);
          }
      g_ptr_array_add (row, g_strdup (field->str));
      g_string_truncate (field, 0);
      if (*p == ',')
        p++;
      else
        {
          g_assert_true (p[0] == '\r' && p[1] == '\n');
          p += 2;
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
        }
    }
  g_assert_cmpuint (row->len, ==, 0);
  g_ptr_array_unref (row);
  g_string_free (field, TRUE);
  return rows;
}

/* Σ over techniques of the assets it applies to, from the catalog's platforms alone. */
static guint
count_applicable (BwCatalog  *catalog,
                  BwDocument *doc)
{
  guint n = 0;

  for (guint i = 0; i < bw_document_get_n_nodes (doc); i++)
    {
      const BwNode *node = bw_document_get_node (doc, i);
      const BwStencil *stencil = bw_catalog_lookup_stencil (catalog, node->kind);
      g_auto(GStrv) override = bw_node_dup_platforms (node);
      const char *const *platforms;

      if (stencil == NULL || stencil->role != BW_ROLE_ASSET)
        continue;
      platforms = override != NULL ? (const char *const *) override
                                   : (const char *const *) stencil->platforms;
      for (guint t = 0; t < bw_catalog_get_n_techniques (catalog); t++)
        {
          const BwTechnique *technique = bw_catalog_get_technique (catalog, t);
          gboolean applies = FALSE;

          for (guint p = 0; technique->platforms[p] != NULL && !applies; p++)
            applies = g_strv_contains (platforms, technique->platforms[p]);
          n += applies;
        }
    }
  return n;
}

static void
test_csv_rows (void)
{
  g_autoptr(BwCatalog) catalog = shipped_catalog ();
  g_autoptr(BwDocument) sample = load_sample ();
  g_autoptr(BwReport) report = bw_engine_compute (catalog, sample);
  g_autofree char *csv = bw_report_csv_per_asset (catalog, sample, NULL);
  g_autoptr(GPtrArray) rows = parse_csv (csv);
  g_autoptr(BwEngineAssets) assets = bw_engine_assets_new (catalog, sample);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint from_report = 0;
  GPtrArray *header = g_ptr_array_index (rows, 0);

  g_assert_cmpuint (header->len, ==, 8);
  g_assert_cmpstr (g_ptr_array_index (header, 0), ==, "technique");
  g_assert_cmpuint (rows->len - 1, ==, count_applicable (catalog, sample));
  for (guint t = 0; t < bw_catalog_get_n_techniques (catalog); t++)
    from_report += bw_report_get_technique (report, t)->applicable_assets;
  g_assert_cmpuint (rows->len - 1, ==, from_report);

  /* Each row once; every row has all its fields. */
  for (guint i = 1; i < rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (rows, i);
      char *key = g_strconcat ((const char *) g_ptr_array_index (row, 0), " ",
                               (const char *) g_ptr_array_index (row, 3), NULL);

      g_assert_cmpuint (row->len, ==, 8);
      g_assert_false (g_hash_table_contains (seen, key));
      g_hash_table_add (seen, key);
    }

  /* The per-asset statuses give the engine's own per-technique and per-asset figures back. */
  for (guint t = 0; t < bw_catalog_get_n_techniques (catalog); t++)
    {
      const BwReportTechnique *rt = bw_report_get_technique (report, t);
      guint applicable = 0;
      guint covered = 0;
      guint partial = 0;
      BwStatus status;

      for (guint a = 0; a < bw_engine_assets_get_n_assets (assets); a++)
        switch (bw_engine_assets_get_status (assets, a, t))
          {
          case BW_STATUS_COVERED:
            covered++;
            applicable++;
            break;
          case BW_STATUS_PARTIAL:
            partial++;
            applicable++;
            break;
          case BW_STATUS_GAP:
            applicable++;
            break;
          default:
            break;
          }
      status = applicable == 0 ? BW_STATUS_NOT_APPLICABLE
               : covered == applicable ? BW_STATUS_COVERED
               : covered + partial > 0 ? BW_STATUS_PARTIAL : BW_STATUS_GAP;
      g_assert_cmpuint (applicable, ==, rt->applicable_assets);
      g_assert_cmpuint (covered, ==, rt->covered_assets);
      g_assert_cmpint (status, ==, rt->status);
    }
  for (guint a = 0; a < bw_engine_assets_get_n_assets (assets); a++)
    {
      const BwReportAsset *ra = bw_report_get_asset (report, a);
      guint covered = 0;
      guint partial = 0;

      g_assert_cmpstr (ra->id, ==, bw_engine_assets_get_asset (assets, a)->id);
      for (guint t = 0; t < bw_catalog_get_n_techniques (catalog); t++)
        {
          BwStatus s = bw_engine_assets_get_status (assets, a, t);

          covered += s == BW_STATUS_COVERED;
          partial += s == BW_STATUS_PARTIAL;
        }
      g_assert_cmpuint (covered, ==, ra->covered);
      g_assert_cmpuint (partial, ==, ra->partial);
    }

  /* The summary form: one row per applicable technique. */
  {
    g_autofree char *summary = bw_report_csv_summary (report, catalog, NULL);
    g_autoptr(GPtrArray) summary_rows = parse_csv (summary);

    g_assert_cmpuint (summary_rows->len - 1, ==, bw_report_get_summary (report)->applicable);
  }
}

static void
test_csv_quoting (void)
{
  static const char *const labels[][2] = {
    { "=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"" },
    { "+1", "'+1" },
    { "-2+3", "'-2+3" },
    { "@SUM(A1)", "'@SUM(A1)" },
    { "\tTab", "'\tTab" },
    { "\rReturn", "\"'\rReturn\"" },
    { "a, b", "\"a, b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "plain", "plain" },
  };
  g_autoptr(BwCatalog) catalog = shipped_catalog ();
  g_autoptr(BwDocument) sample = load_sample ();
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) found = g_hash_table_new (g_str_hash, g_str_equal);
  guint k = 0;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autoptr(GString) cell = g_string_new (NULL);

      bw_csv_append_field (cell, labels[i][0]);
      g_assert_cmpstr (cell->str, ==, labels[i][1]);
    }

  /* In the file: the asset labels come back, apostrophe and all, through a real reader. */
  for (guint i = 0; i < bw_document_get_n_nodes (sample) && k < G_N_ELEMENTS (labels); i++)
    {
      const BwNode *node = bw_document_get_node (sample, i);
      const BwStencil *stencil = bw_catalog_lookup_stencil (catalog, node->kind);

      if (stencil->role != BW_ROLE_ASSET)
        continue;
      g_assert_true (bw_document_set_label (sample, node->id, labels[k++][0], &error));
      g_assert_no_error (error);
    }
  csv = bw_report_csv_per_asset (catalog, sample, NULL);
  rows = parse_csv (csv);
  for (guint i = 1; i < rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (rows, i);

      g_hash_table_add (found, g_ptr_array_index (row, 4));
    }
  for (guint i = 0; i < k; i++)
    {
      const char *label = labels[i][0];
      g_autofree char *guarded = strchr ("=+-@\t\r", label[0]) ? g_strconcat ("'", label, NULL)
                                                                : g_strdup (label);

      g_assert_true (g_hash_table_contains (found, guarded));
    }
}

static void
test_csv_cli (void)
{
  g_autofree char *sample = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  g_autofree char *out = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "analyze", sample, "--format", "csv", NULL };
  const char *summary_args[] = { "analyze", sample, "--format", "csv", "--summary", NULL };
  const char *wrong[] = { "analyze", sample, "--summary", NULL };

  g_assert_cmpint (bw_test_run_bulwark (args, &out, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "technique,name,tactics,asset,asset_label,status,best_score,services\r\n"));
  g_assert_cmpint (bw_test_run_bulwark (summary_args, &summary, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (summary, "technique,name,tactics,status,"));
  g_assert_cmpint (bw_test_run_bulwark (wrong, NULL, &err), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/diff/brute-force", test_brute_force);
  g_test_add_func ("/diff/regression-rule", test_regression_rule);
  g_test_add_func ("/diff/json-shape", test_json_shape);
  g_test_add ("/diff/cli/gate", CliFixture, NULL, cli_setup, test_cli_gate, cli_teardown);
  g_test_add ("/diff/cli/stdin", CliFixture, NULL, cli_setup, test_cli_stdin, cli_teardown);
  g_test_add ("/diff/cli/bad-input", CliFixture, NULL, cli_setup, test_cli_bad_input, cli_teardown);
  g_test_add ("/diff/cli/shapes", CliFixture, NULL, cli_setup, test_cli_shapes, cli_teardown);
  g_test_add_func ("/csv/rows", test_csv_rows);
  g_test_add_func ("/csv/quoting", test_csv_quoting);
  g_test_add_func ("/csv/cli", test_csv_cli);
  return g_test_run ();
}
