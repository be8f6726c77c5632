/* bw-report-csv.c: the report and the per-asset figures as CSV. */
#include "config.h"

#include <string.h>

#include "bw-engine-assets.h"
#include "bw-report-csv.h"

void
bw_csv_append_field (GString    *out,
                     const char *text)
{
  const char *p = text != NULL ? text : "";
  gboolean formula = *p != '\0' && strchr ("=+-@\t\r", *p) != NULL;
  gboolean quote = strpbrk (p, ",\"\r\n") != NULL;

  if (quote)
    g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

static void
append_row (GString            *out,
            const char *const  *fields,
            guint               n)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      bw_csv_append_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}

static char *
finish (GString *out,
        gsize   *out_length)
{
  if (out_length != NULL)
    *out_length = out->len;
  return g_string_free (out, FALSE);
}

static char *
join_labels (GPtrArray *services)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < services->len; i++)
    {
      const BwNode *node = g_ptr_array_index (services, i);

      if (i > 0)
        g_string_append (s, "; ");
      g_string_append (s, node->label != NULL && *node->label ? node->label : node->id);
    }
  return g_string_free (s, FALSE);
}

char *
bw_report_csv_per_asset (BwCatalog  *catalog,
                         BwDocument *document,
                         gsize      *out_length)
{
  static const char *const header[] = { "technique", "name", "tactics", "asset", "asset_label",
                                        "status", "best_score", "services" };
  g_autoptr(BwEngineAssets) assets = bw_engine_assets_new (catalog, document);
  g_autoptr(GPtrArray) services = g_ptr_array_new ();
  GString *out = g_string_new (NULL);

  append_row (out, header, G_N_ELEMENTS (header));
  for (guint t = 0; t < bw_catalog_get_n_techniques (catalog); t++)
    {
      const BwTechnique *technique = bw_catalog_get_technique (catalog, t);
      g_autofree char *tactics = g_strjoinv ("; ", technique->tactics);

      for (guint a = 0; a < bw_engine_assets_get_n_assets (assets); a++)
        {
          const BwNode *node = bw_engine_assets_get_asset (assets, a);
          int best = bw_engine_assets_get_best (assets, a, t);
          g_autofree char *score = NULL;
          g_autofree char *labels = NULL;

          if (best == BW_ENGINE_NOT_APPLICABLE)
            continue;
          g_ptr_array_set_size (services, 0);
          bw_engine_assets_get_services (assets, a, t, services);
          score = g_strdup_printf ("%d", best);
          labels = join_labels (services);
          {
            const char *row[] = { technique->id, technique->name, tactics, node->id,
                                  node->label != NULL ? node->label : "",
                                  bw_status_to_string (bw_engine_assets_get_status (assets, a, t)),
                                  score, labels };

            append_row (out, row, G_N_ELEMENTS (row));
          }
        }
    }
  return finish (out, out_length);
}

char *
bw_report_csv_summary (BwReport  *report,
                       BwCatalog *catalog,
                       gsize     *out_length)
{
  static const char *const header[] = { "technique", "name", "tactics", "status", "protect",
                                        "detect", "respond", "applicable_assets", "covered_assets" };
  GString *out = g_string_new (NULL);

  append_row (out, header, G_N_ELEMENTS (header));
  for (guint t = 0; t < bw_catalog_get_n_techniques (catalog); t++)
    {
      const BwTechnique *technique = bw_catalog_get_technique (catalog, t);
      const BwReportTechnique *rt = bw_report_get_technique (report, t);
      g_autofree char *tactics = NULL;
      char numbers[5][16];

      if (rt->status == BW_STATUS_NOT_APPLICABLE)
        continue;
      tactics = g_strjoinv ("; ", technique->tactics);
      g_snprintf (numbers[0], sizeof numbers[0], "%d", (int) rt->protect);
      g_snprintf (numbers[1], sizeof numbers[1], "%d", (int) rt->detect);
      g_snprintf (numbers[2], sizeof numbers[2], "%d", (int) rt->respond);
      g_snprintf (numbers[3], sizeof numbers[3], "%u", rt->applicable_assets);
      g_snprintf (numbers[4], sizeof numbers[4], "%u", rt->covered_assets);
      {
        const char *row[] = { technique->id, technique->name, tactics,
                              bw_status_to_string (rt->status), numbers[0], numbers[1],
                              numbers[2], numbers[3], numbers[4] };

        append_row (out, row, G_N_ELEMENTS (row));
      }
    }
  return finish (out, out_length);
}
