/* bw-report.c: the report — accessors and the JSON form of DESIGN §5. */
#include "config.h"

#include "bw-json-writer.h"
#include "bw-report-private.h"

BwReport *
bw_report_new (guint n_tactics,
               guint n_phases,
               guint n_techniques)
{
  BwReport *self = g_new0 (BwReport, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->n_tactics = n_tactics;
  self->n_phases = n_phases;
  self->n_techniques = n_techniques;
  self->tactics = g_new0 (BwReportFigures, n_tactics);
  self->phases = g_new0 (BwReportFigures, n_phases);
  self->phase_gap = g_new0 (gboolean, n_phases);
  self->techniques = g_new0 (BwReportTechnique, n_techniques);
  self->profile_tactics = g_new0 (BwReportFigures, n_tactics);
  self->profile_phases = g_new0 (BwReportFigures, n_phases);
  self->profile_phase_gap = g_new0 (gboolean, n_phases);
  self->profile = g_new0 (guint64, (n_techniques + 63) / 64 + 1);
  self->unknown_groups = g_new0 (char *, 1);
  self->unknown_nodes = g_new0 (char *, 1);
  self->asset_ids = g_new0 (char *, 1);
  return self;
}

BwReport *
bw_report_ref (BwReport *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
bw_report_unref (BwReport *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->attack_version);
  g_free (self->tactics);
  g_free (self->phases);
  g_free (self->phase_gap);
  g_free (self->techniques);
  g_free (self->assets);
  g_strfreev (self->asset_ids);
  g_free (self->profile);
  g_free (self->profile_tactics);
  g_free (self->profile_phases);
  g_free (self->profile_phase_gap);
  g_strfreev (self->unknown_groups);
  g_strfreev (self->unknown_nodes);
  g_free (self);
}

const char *
bw_report_get_attack_version (BwReport *self)
{
  return self->attack_version;
}

guint
bw_report_get_n_asset_nodes (BwReport *self)
{
  return self->n_asset_nodes;
}

guint
bw_report_get_n_service_nodes (BwReport *self)
{
  return self->n_service_nodes;
}

const BwReportFigures *
bw_report_get_summary (BwReport *self)
{
  return &self->summary;
}

const BwReportFigures *
bw_report_get_tactic (BwReport *self,
                      guint     index)
{
  g_return_val_if_fail (index < self->n_tactics, NULL);
  return &self->tactics[index];
}

const BwReportFigures *
bw_report_get_phase (BwReport *self,
                     guint     index)
{
  g_return_val_if_fail (index < self->n_phases, NULL);
  return &self->phases[index];
}

gboolean
bw_report_get_phase_is_gap (BwReport *self,
                            guint     index)
{
  g_return_val_if_fail (index < self->n_phases, FALSE);
  return self->phase_gap[index];
}

const BwReportTechnique *
bw_report_get_technique (BwReport *self,
                         guint     index)
{
  g_return_val_if_fail (index < self->n_techniques, NULL);
  return &self->techniques[index];
}

guint
bw_report_get_n_assets (BwReport *self)
{
  return self->n_assets;
}

const BwReportAsset *
bw_report_get_asset (BwReport *self,
                     guint     index)
{
  g_return_val_if_fail (index < self->n_assets, NULL);
  return &self->assets[index];
}

gboolean
bw_report_has_profile (BwReport *self)
{
  return self->has_profile;
}

const BwReportFigures *
bw_report_get_profile_summary (BwReport *self)
{
  return &self->profile_summary;
}

const BwReportFigures *
bw_report_get_profile_tactic (BwReport *self,
                              guint     index)
{
  g_return_val_if_fail (index < self->n_tactics, NULL);
  return &self->profile_tactics[index];
}

const BwReportFigures *
bw_report_get_profile_phase (BwReport *self,
                             guint     index)
{
  g_return_val_if_fail (index < self->n_phases, NULL);
  return &self->profile_phases[index];
}

gboolean
bw_report_get_profile_phase_is_gap (BwReport *self,
                                    guint     index)
{
  g_return_val_if_fail (index < self->n_phases, FALSE);
  return self->profile_phase_gap[index];
}

gboolean
bw_report_in_profile (BwReport *self,
                      guint     technique)
{
  return self->has_profile && technique < self->n_techniques &&
         (self->profile[technique / 64] >> (technique % 64)) & 1;
}

const char *const *
bw_report_get_unknown_groups (BwReport *self)
{
  return (const char *const *) self->unknown_groups;
}

const char *const *
bw_report_get_unknown_nodes (BwReport *self)
{
  return (const char *const *) self->unknown_nodes;
}

/* JSON */

static void
key (GString    *out,
     int         level,
     const char *name)
{
  bw_json_indent (out, level);
  bw_json_write_string (out, name);
  g_string_append (out, ": ");
}

static void
uint_member (GString    *out,
             int         level,
             const char *name,
             guint       value,
             gboolean    last)
{
  key (out, level, name);
  g_string_append_printf (out, "%u%s\n", value, last ? "" : ",");
}

static void
figures (GString               *out,
         int                    level,
         const BwReportFigures *f,
         gboolean               last)
{
  uint_member (out, level, "applicable", f->applicable, FALSE);
  uint_member (out, level, "covered", f->covered, FALSE);
  uint_member (out, level, "partial", f->partial, FALSE);
  uint_member (out, level, "gap", f->gap, FALSE);
  key (out, level, "ratio");
  bw_json_write_ratio (out, f->ratio);
  g_string_append (out, last ? "\n" : ",\n");
}

static void
string_list (GString    *out,
             char      **values)
{
  g_string_append_c (out, '[');
  for (guint i = 0; values[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      bw_json_write_string (out, values[i]);
    }
  g_string_append_c (out, ']');
}

static void
write_tables (GString               *out,
              int                    level,
              BwReport              *self,
              BwCatalog             *catalog,
              const BwReportFigures *summary,
              const BwReportFigures *tactics,
              const BwReportFigures *phases,
              const gboolean        *phase_gap,
              gboolean               profile_only,
              gboolean               with_counts)
{
  guint written = 0;

  key (out, level, "summary");
  g_string_append (out, "{\n");
  if (with_counts)
    {
      uint_member (out, level + 1, "assets", self->n_asset_nodes, FALSE);
      uint_member (out, level + 1, "services", self->n_service_nodes, FALSE);
    }
  figures (out, level + 1, summary, TRUE);
  bw_json_indent (out, level);
  g_string_append (out, "},\n");

  key (out, level, "tactics");
  g_string_append (out, "[\n");
  for (guint i = 0; i < self->n_tactics; i++)
    {
      const BwTactic *t = bw_catalog_get_tactic (catalog, i);

      bw_json_indent (out, level + 1);
      g_string_append (out, "{\n");
      key (out, level + 2, "id");
      bw_json_write_string (out, t->id);
      g_string_append (out, ",\n");
      key (out, level + 2, "shortname");
      bw_json_write_string (out, t->shortname);
      g_string_append (out, ",\n");
      key (out, level + 2, "name");
      bw_json_write_string (out, t->name);
      g_string_append (out, ",\n");
      figures (out, level + 2, &tactics[i], TRUE);
      bw_json_indent (out, level + 1);
      g_string_append (out, i + 1 < self->n_tactics ? "},\n" : "}\n");
    }
  bw_json_indent (out, level);
  g_string_append (out, "],\n");

  key (out, level, "kill_chain");
  g_string_append (out, "[\n");
  for (guint i = 0; i < self->n_phases; i++)
    {
      const BwPhase *p = bw_catalog_get_phase (catalog, i);

      bw_json_indent (out, level + 1);
      g_string_append (out, "{\n");
      key (out, level + 2, "id");
      bw_json_write_string (out, p->id);
      g_string_append (out, ",\n");
      key (out, level + 2, "name");
      bw_json_write_string (out, p->name);
      g_string_append (out, ",\n");
      key (out, level + 2, "tactics");
      string_list (out, p->tactics);
      g_string_append (out, ",\n");
      figures (out, level + 2, &phases[i], FALSE);
      key (out, level + 2, "is_gap");
      g_string_append (out, phase_gap[i] ? "true\n" : "false\n");
      bw_json_indent (out, level + 1);
      g_string_append (out, i + 1 < self->n_phases ? "},\n" : "}\n");
    }
  bw_json_indent (out, level);
  g_string_append (out, "],\n");

  key (out, level, "techniques");
  g_string_append (out, "[");
  for (guint i = 0; i < self->n_techniques; i++)
    {
      const BwReportTechnique *t = &self->techniques[i];

      if (t->status == BW_STATUS_NOT_APPLICABLE)
        continue;
      if (profile_only && !bw_report_in_profile (self, i))
        continue;
      g_string_append (out, written++ ? ",\n" : "\n");
      bw_json_indent (out, level + 1);
      g_string_append (out, "{ ");
      g_string_append (out, "\"id\": ");
      bw_json_write_string (out, bw_catalog_get_technique (catalog, i)->id);
      g_string_append (out, ", \"status\": ");
      bw_json_write_string (out, bw_status_to_string (t->status));
      g_string_append_printf (out,
                              ", \"protect\": %d, \"detect\": %d, \"respond\": %d, "
                              "\"applicable_assets\": %u, \"covered_assets\": %u }",
                              t->protect, t->detect, t->respond, t->applicable_assets,
                              t->covered_assets);
    }
  if (written > 0)
    {
      g_string_append_c (out, '\n');
      bw_json_indent (out, level);
    }
  g_string_append (out, "]");
}

char *
bw_report_to_json (BwReport  *self,
                   BwCatalog *catalog,
                   gsize     *out_length)
{
  GString *out = g_string_new ("{\n");

  key (out, 1, "format");
  g_string_append (out, "\"bulwark-report\",\n");
  key (out, 1, "version");
  g_string_append (out, "1,\n");
  key (out, 1, "attack_version");
  bw_json_write_string (out, self->attack_version);
  g_string_append (out, ",\n");

  write_tables (out, 1, self, catalog, &self->summary, self->tactics, self->phases, self->phase_gap,
                FALSE, TRUE);
  g_string_append (out, ",\n");

  key (out, 1, "assets");
  g_string_append (out, "[");
  for (guint i = 0; i < self->n_assets; i++)
    {
      const BwReportAsset *a = &self->assets[i];

      g_string_append (out, i ? ",\n" : "\n");
      bw_json_indent (out, 2);
      g_string_append (out, "{ \"id\": ");
      bw_json_write_string (out, a->id);
      g_string_append_printf (out,
                              ", \"applicable\": %u, \"covered\": %u, \"partial\": %u, \"gap\": %u }",
                              a->applicable, a->covered, a->partial, a->gap);
    }
  if (self->n_assets > 0)
    g_string_append (out, "\n  ");
  g_string_append (out, "]");

  if (self->has_profile)
    {
      g_string_append (out, ",\n");
      key (out, 1, "profile");
      g_string_append (out, "{\n");
      write_tables (out, 2, self, catalog, &self->profile_summary, self->profile_tactics,
                    self->profile_phases, self->profile_phase_gap, TRUE, TRUE);
      g_string_append (out, "\n  }");
    }
  g_string_append (out, "\n}\n");

  if (out_length != NULL)
    *out_length = out->len;
  return g_string_free (out, FALSE);
}
