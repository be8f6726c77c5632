/* bw-cli-advise.c: `bulwark recommend`, `bulwark tiers` and `bulwark paths` — what to add next,
 * what a licence tier buys, and where an intrusion can move. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "bw-cli-private.h"
#include "bw-document-io.h"
#include "bw-engine.h"
#include "bw-json-writer.h"
#include "bw-paths.h"
#include "bw-recommend.h"
#include "bw-tiers.h"

/* Parses, checks --format, loads the catalog and FILE. Returns an exit code, or -1 to go on. */
static int
load (GOptionContext  *context,
      int             *argc,
      char          ***argv,
      const char      *usage,
      char           **format,
      BwCatalog      **out_catalog,
      BwDocument     **out_doc)
{
  g_autoptr(GError) error = NULL;

  if (!bw_cli_parse (context, argc, argv))
    return BW_CLI_EXIT_BAD_INPUT;
  if (*argc != 2)
    return bw_cli_fail ("%s", usage);
  if (*format == NULL)
    *format = g_strdup ("text");
  if (!g_str_equal (*format, "json") && !g_str_equal (*format, "text"))
    return bw_cli_fail (_("--format: expected json or text, not “%s”"), *format);
  if ((*out_catalog = bw_cli_load_catalog (&error)) == NULL)
    return bw_cli_fail (_("the catalog does not load: %s"), error->message);
  if ((*out_doc = bw_document_load_from_file ((*argv)[1], &error)) == NULL)
    return bw_cli_fail ("%s: %s", (*argv)[1], error->message);
  if (!bw_cli_check_catalog (*out_doc, (*argv)[1]))
    return BW_CLI_EXIT_BAD_INPUT;
  return -1;
}

static void
figure (GString    *out,
        const char *key,
        double      value,
        gboolean    last)
{
  bw_json_write_string (out, key);
  g_string_append (out, ": ");
  bw_json_write_ratio (out, value);
  if (!last)
    g_string_append (out, ", ");
}

static void
member (GString    *out,
        const char *key,
        const char *value)
{
  bw_json_write_string (out, key);
  g_string_append (out, ": ");
  bw_json_write_string (out, value);
  g_string_append (out, ", ");
}

/* Today's shape for what adds a node ({"stencil", "action", "target", …}); a connection between
 * nodes already drawn as {"action": "connect", "from", "to", "kind", …}: a new protects edge,
 * or telemetry into the SIEM that is there. Each names the techniques it raises most. */
static void
write_recommendation (GString                *out,
                      const BwRecommendation *r)
{
  if (r->action == BW_RECOMMEND_CONNECT ||
      (r->action == BW_RECOMMEND_TELEMETRY && r->siem != NULL))
    {
      gboolean telemetry = r->action == BW_RECOMMEND_TELEMETRY;

      member (out, "action", "connect");
      member (out, "from", telemetry ? r->target : r->from);
      member (out, "to", telemetry ? r->siem : r->target);
      member (out, "kind", telemetry ? "telemetry" : "protects");
    }
  else
    {
      member (out, "stencil", r->stencil);
      member (out, "action", bw_recommend_action_to_string (r->action));
      member (out, "target", r->target);
    }
  figure (out, "gain", r->gain, FALSE);
  figure (out, "ratio_after", r->ratio_after, FALSE);
  g_string_append (out, "\"techniques\": [");
  for (guint k = 0; r->techniques != NULL && r->techniques[k] != NULL; k++)
    {
      if (k > 0)
        g_string_append (out, ", ");
      bw_json_write_string (out, r->techniques[k]);
    }
  g_string_append_c (out, ']');
}

int
bw_cli_recommend (int    argc,
                  char **argv)
{
  g_autofree char *format = NULL;
  int top = 5;
  GOptionEntry entries[] = {
    { "top", 0, 0, G_OPTION_ARG_INT, &top, N_("How many steps to suggest (default 5)"), N_("N") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("json or text (default)"), N_("FORMAT") },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — suggest the services that raise coverage most"));
  g_autoptr(BwDocument) doc = NULL;
  g_autoptr(BwCatalog) catalog = NULL;
  g_autoptr(GPtrArray) recs = NULL;
  gboolean profile = FALSE;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  status = load (context, &argc, &argv, _("usage: bulwark recommend FILE [--top N] [--format json|text]"),
                 &format, &catalog, &doc);
  if (status >= 0)
    return status;
  if (top < 1 || top > 100)
    return bw_cli_fail (_("--top: expected a number from 1 to 100"));

  recs = bw_recommend (catalog, doc, top, &profile, NULL);
  if (g_str_equal (format, "json"))
    {
      g_autoptr(GString) out = g_string_new ("{\n  \"recommendations\": [");

      for (guint i = 0; i < recs->len; i++)
        {
          const BwRecommendation *r = g_ptr_array_index (recs, i);

          g_string_append (out, i ? ",\n    {" : "\n    {");
          write_recommendation (out, r);
          g_string_append_c (out, '}');
        }
      g_string_append (out, recs->len ? "\n  ],\n" : "],\n");
      g_string_append_printf (out, "  \"ratio\": \"%s\"\n}\n", profile ? "profile" : "summary");
      fwrite (out->str, 1, out->len, stdout);
      return BW_CLI_EXIT_OK;
    }

  g_print (profile ? _("Ratio raised: the threat profile's, now %.1f%%\n")
                   : _("Ratio raised: the summary's, now %.1f%%\n"),
           100 * bw_recommend_ratio (catalog, doc));
  if (recs->len == 0)
    g_print (_("No single service or telemetry link from the catalog raises it.\n"));
  for (guint i = 0; i < recs->len; i++)
    {
      const BwRecommendation *r = g_ptr_array_index (recs, i);
      const BwStencil *s = bw_catalog_lookup_stencil (catalog, r->stencil);

      g_autofree char *target = bw_cli_text (bw_document_get_label (doc, r->target));
      g_autofree char *name = bw_cli_text (s->name);

      g_autofree char *covers = r->techniques ? g_strjoinv (", ", r->techniques) : NULL;

      if (r->action == BW_RECOMMEND_TELEMETRY)
        g_print (_("%u. Send telemetry from “%s” to %s: +%.2f points → %.1f%%\n"), i + 1,
                 target, name, 100 * r->gain, 100 * r->ratio_after);
      else if (r->action == BW_RECOMMEND_CONNECT)
        {
          g_autofree char *from = bw_cli_text (bw_document_get_label (doc, r->from));

          g_print (_("%u. Connect the existing “%s” to protect “%s”: +%.2f points → %.1f%%\n"),
                   i + 1, from, target, 100 * r->gain, 100 * r->ratio_after);
        }
      else
        g_print (_("%u. Add %s protecting “%s”: +%.2f points → %.1f%%\n"), i + 1, name,
                 target, 100 * r->gain, 100 * r->ratio_after);
      if (covers != NULL && covers[0] != '\0')
        g_print (_("   Raises most: %s\n"), covers);
    }
  return BW_CLI_EXIT_OK;
}

int
bw_cli_tiers (int    argc,
              char **argv)
{
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("json or text (default)"), N_("FORMAT") },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — compare coverage under Microsoft 365 E3 and E5"));
  g_autoptr(BwDocument) doc = NULL;
  g_autoptr(BwCatalog) catalog = NULL;
  g_autoptr(BwTiers) tiers = NULL;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  status = load (context, &argc, &argv, _("usage: bulwark tiers FILE [--format json|text]"),
                 &format, &catalog, &doc);
  if (status >= 0)
    return status;

  tiers = bw_tiers_compute (catalog, doc);
  if (g_str_equal (format, "json"))
    {
      g_autoptr(GString) out = g_string_new ("{\n  \"tiers\": [");

      for (guint t = 0; t < BW_N_TIERS; t++)
        {
          const BwReportFigures *s = &tiers->summary[t];

          g_string_append_printf (out, "%s\n    {\"licence\": \"%s\", \"summary\": {"
                                  "\"applicable\": %u, \"covered\": %u, \"partial\": %u, \"gap\": %u, ",
                                  t ? "," : "", bw_tier_get_licence (t), s->applicable, s->covered,
                                  s->partial, s->gap);
          figure (out, "ratio", s->ratio, TRUE);
          g_string_append (out, "},\n     \"tactics\": [");
          for (guint i = 0; i < tiers->n_tactics; i++)
            {
              const BwReportFigures *f = &tiers->tactics[t][i];

              g_string_append (out, i ? ",\n       {\"id\": " : "\n       {\"id\": ");
              bw_json_write_string (out, bw_catalog_get_tactic (catalog, i)->id);
              g_string_append_printf (out, ", \"applicable\": %u, \"covered\": %u, \"partial\": %u, "
                                      "\"gap\": %u, ", f->applicable, f->covered, f->partial, f->gap);
              figure (out, "ratio", f->ratio, TRUE);
              g_string_append_c (out, '}');
            }
          g_string_append (out, "]}");
        }
      g_string_append (out, "\n  ],\n  \"tier_source\": ");
      bw_json_write_string (out, BW_TIERS_SOURCE_URL);
      g_string_append (out, "\n}\n");
      fwrite (out->str, 1, out->len, stdout);
      return BW_CLI_EXIT_OK;
    }

  g_print ("%-24s %8s %8s %8s\n", _("Tactic"), "E3", "E5", _("Gain"));
  for (guint i = 0; i < tiers->n_tactics; i++)
    {
      double e3 = tiers->tactics[BW_TIER_E3][i].ratio;
      double e5 = tiers->tactics[BW_TIER_E5][i].ratio;
      g_autofree char *name = bw_cli_text (bw_catalog_get_tactic (catalog, i)->name);

      g_print ("%-24s %7.1f%% %7.1f%% %+7.1f\n", name, 100 * e3, 100 * e5, 100 * (e5 - e3));
    }
  g_print ("%-24s %7.1f%% %7.1f%% %+7.1f\n", _("All tactics"),
           100 * tiers->summary[BW_TIER_E3].ratio, 100 * tiers->summary[BW_TIER_E5].ratio,
           100 * (tiers->summary[BW_TIER_E5].ratio - tiers->summary[BW_TIER_E3].ratio));
  {
    g_autofree char *note = bw_tiers_describe_source (doc);

    g_print ("\n%s\n%s\n", note, BW_TIERS_SOURCE_URL);
  }
  return BW_CLI_EXIT_OK;
}

int
bw_cli_paths (int    argc,
              char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *from = NULL;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The asset node where the intrusion starts"), N_("NODE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("json or text (default)"), N_("FORMAT") },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE --from NODE — where an intrusion can move along flow edges"));
  g_autoptr(BwDocument) doc = NULL;
  g_autoptr(BwCatalog) catalog = NULL;
  g_autoptr(BwReport) report = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  status = load (context, &argc, &argv, _("usage: bulwark paths FILE --from NODE [--format json|text]"),
                 &format, &catalog, &doc);
  if (status >= 0)
    return status;
  if (from == NULL)
    return bw_cli_fail (_("usage: bulwark paths FILE --from NODE [--format json|text]"));

  report = bw_engine_compute (catalog, doc);
  if ((paths = bw_attack_paths (catalog, doc, report, from, &error)) == NULL)
    return bw_cli_fail ("%s: %s", argv[1], error->message);

  /* Written path by path: the paths share their hops, a whole listing of a long chain need
   * never be held at once. */
  if (g_str_equal (format, "json"))
    {
      g_autoptr(GString) out = g_string_new ("{\n  \"entry\": ");

      bw_json_write_string (out, from);
      g_string_append (out, ",\n  \"paths\": [");
      for (guint i = 0; i < paths->len; i++)
        {
          const BwAttackPath *p = g_ptr_array_index (paths, i);
          g_autoptr(GPtrArray) hops = bw_attack_path_get_hops (p);

          g_string_append (out, i ? ",\n    {\"asset\": " : "\n    {\"asset\": ");
          bw_json_write_string (out, p->asset);
          g_string_append (out, ", \"hops\": [");
          for (guint k = 0; k < hops->len; k++)
            {
              if (k)
                g_string_append (out, ", ");
              bw_json_write_string (out, g_ptr_array_index (hops, k));
            }
          g_string_append (out, "], \"weakest\": ");
          bw_json_write_string (out, p->weakest);
          g_string_append (out, ", ");
          figure (out, "weakest_ratio", p->weakest_ratio, FALSE);
          g_string_append_printf (out, "\"weakest_gaps\": %u}", p->weakest_gaps);
          fwrite (out->str, 1, out->len, stdout);
          g_string_truncate (out, 0);
        }
      g_string_append (out, paths->len ? "\n  ]\n}\n" : "]\n}\n");
      fwrite (out->str, 1, out->len, stdout);
      return BW_CLI_EXIT_OK;
    }

  if (paths->len == 0)
    {
      g_autofree char *label = bw_cli_text (bw_document_get_label (doc, from));

      g_print (_("No flow edge leads on from “%s”.\n"), label);
    }
  for (guint i = 0; i < paths->len; i++)
    {
      const BwAttackPath *p = g_ptr_array_index (paths, i);
      g_autoptr(GPtrArray) hops = bw_attack_path_get_hops (p);
      g_autoptr(GString) line = g_string_new (NULL);
      g_autofree char *weakest = bw_cli_text (bw_document_get_label (doc, p->weakest));

      for (guint k = 0; k < hops->len; k++)
        {
          g_autofree char *label =
              bw_cli_text (bw_document_get_label (doc, g_ptr_array_index (hops, k)));

          g_string_append_printf (line, "%s%s", k ? " → " : "", label);
        }
      g_print (_("%s\n    weakest: “%s”, %.1f%% covered, %u gaps\n"), line->str, weakest,
               100 * p->weakest_ratio, p->weakest_gaps);
    }
  return BW_CLI_EXIT_OK;
}
