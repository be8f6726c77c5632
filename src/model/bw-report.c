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
  g_free (self->asset_ids); /* one block */
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

guint
bw_report_get_n_unprotected (BwReport *self)
{
  return self->n_unprotected;
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
figures (BwJsonWriter          *w,
         const BwReportFigures *f)
{
  bw_json_writer_int_member (w, "applicable", f->applicable);
  bw_json_writer_int_member (w, "covered", f->covered);
  bw_json_writer_int_member (w, "partial", f->partial);
  bw_json_writer_int_member (w, "gap", f->gap);
  bw_json_writer_member (w, "ratio");
  bw_json_writer_ratio (w, f->ratio);
}


static void
write_tactic (BwJsonWriter          *w,
              const BwTactic        *t,
              const BwReportFigures *f)
{
  bw_json_writer_begin_object (w);
  bw_json_writer_string_member (w, "id", t->id);
  bw_json_writer_string_member (w, "shortname", t->shortname);
  bw_json_writer_string_member (w, "name", t->name);
  figures (w, f);
  bw_json_writer_end_object (w);
}

static void
write_phase (BwJsonWriter          *w,
             const BwPhase         *p,
             const BwReportFigures *f,
             gboolean               is_gap)
{
  bw_json_writer_begin_object (w);
  bw_json_writer_string_member (w, "id", p->id);
  bw_json_writer_string_member (w, "name", p->name);
  bw_json_writer_member (w, "tactics");
  bw_json_writer_begin_inline_array (w);
  for (guint k = 0; p->tactics[k] != NULL; k++)
    bw_json_writer_string (w, p->tactics[k]);
  bw_json_writer_end_array (w);
  figures (w, f);
  bw_json_writer_member (w, "is_gap");
  bw_json_writer_boolean (w, is_gap);
  bw_json_writer_end_object (w);
}

static void
write_summary (BwJsonWriter          *w,
               BwReport              *self,
               const BwReportFigures *summary)
{
  bw_json_writer_begin_object (w);
  bw_json_writer_int_member (w, "assets", self->n_asset_nodes);
  bw_json_writer_int_member (w, "services", self->n_service_nodes);
  figures (w, summary);
  /* Rule 11 counts assets: the profile's summary, over techniques only, has no such figure. */
  if (summary == &self->summary)
    bw_json_writer_int_member (w, "unprotected", self->n_unprotected);
  bw_json_writer_end_object (w);
}

void
bw_report_write_summary (BwReport     *self,
                         BwJsonWriter *w)
{
  write_summary (w, self, &self->summary);
}

void
bw_report_write_tactic (BwReport     *self,
                        BwCatalog    *catalog,
                        guint         index,
                        BwJsonWriter *w)
{
  g_return_if_fail (index < self->n_tactics);
  write_tactic (w, bw_catalog_get_tactic (catalog, index), &self->tactics[index]);
}

void
bw_report_write_phase (BwReport     *self,
                       BwCatalog    *catalog,
                       guint         index,
                       BwJsonWriter *w)
{
  g_return_if_fail (index < self->n_phases);
  write_phase (w, bw_catalog_get_phase (catalog, index), &self->phases[index],
               self->phase_gap[index]);
}

static void
write_tactics (BwJsonWriter          *w,
               BwReport              *self,
               BwCatalog             *catalog,
               const BwReportFigures *tactics)
{
  bw_json_writer_member (w, "tactics");
  bw_json_writer_begin_array (w);
  for (guint i = 0; i < self->n_tactics; i++)
    {
      write_tactic (w, bw_catalog_get_tactic (catalog, i), &tactics[i]);
    }
  bw_json_writer_end_array (w);
}

static void
write_phases (BwJsonWriter          *w,
              BwReport              *self,
              BwCatalog             *catalog,
              const BwReportFigures *phases,
              const gboolean        *phase_gap)
{
  bw_json_writer_member (w, "kill_chain");
  bw_json_writer_begin_array (w);
  for (guint i = 0; i < self->n_phases; i++)
    {
      write_phase (w, bw_catalog_get_phase (catalog, i), &phases[i], phase_gap[i]);
    }
  bw_json_writer_end_array (w);
}

static void
write_techniques (BwJsonWriter *w,
                  BwReport     *self,
                  BwCatalog    *catalog,
                  gboolean      profile_only)
{
  bw_json_writer_member (w, "techniques");
  bw_json_writer_begin_array (w);
  for (guint i = 0; i < self->n_techniques; i++)
    {
      const BwReportTechnique *t = &self->techniques[i];

      if (t->status == BW_STATUS_NOT_APPLICABLE)
        continue;
      if (profile_only && !bw_report_in_profile (self, i))
        continue;
      bw_json_writer_begin_inline_object (w);
      bw_json_writer_string_member (w, "id", bw_catalog_get_technique (catalog, i)->id);
      bw_json_writer_string_member (w, "status", bw_status_to_string (t->status));
      bw_json_writer_int_member (w, "protect", t->protect);
      bw_json_writer_int_member (w, "detect", t->detect);
      bw_json_writer_int_member (w, "respond", t->respond);
      bw_json_writer_int_member (w, "applicable_assets", t->applicable_assets);
      bw_json_writer_int_member (w, "covered_assets", t->covered_assets);
      bw_json_writer_end_object (w);
    }
  bw_json_writer_end_array (w);
}

static void
write_tables (BwJsonWriter          *w,
              BwReport              *self,
              BwCatalog             *catalog,
              const BwReportFigures *summary,
              const BwReportFigures *tactics,
              const BwReportFigures *phases,
              const gboolean        *phase_gap,
              gboolean               profile_only)
{
  bw_json_writer_member (w, "summary");
  write_summary (w, self, summary);

  write_tactics (w, self, catalog, tactics);
  write_phases (w, self, catalog, phases, phase_gap);
  write_techniques (w, self, catalog, profile_only);
}

char *
bw_report_to_json (BwReport  *self,
                   BwCatalog *catalog,
                   gsize     *out_length)
{
  /* About what it comes to: a line for each asset and technique. */
  GString *out = g_string_sized_new (4096 + (gsize) self->n_assets * 120 +
                                     (gsize) self->n_techniques * 160);
  g_autoptr(BwJsonWriter) w = bw_json_writer_new (out, BW_JSON_STYLE_PROJECT);

  bw_json_writer_begin_object (w);
  bw_json_writer_string_member (w, "format", "bulwark-report");
  bw_json_writer_int_member (w, "version", 1);
  bw_json_writer_string_member (w, "attack_version", self->attack_version);

  write_tables (w, self, catalog, &self->summary, self->tactics, self->phases, self->phase_gap,
                FALSE);

  bw_json_writer_member (w, "assets");
  bw_json_writer_begin_array (w);
  for (guint i = 0; i < self->n_assets; i++)
    {
      const BwReportAsset *a = &self->assets[i];

      bw_json_writer_begin_inline_object (w);
      bw_json_writer_string_member (w, "id", a->id);
      bw_json_writer_int_member (w, "applicable", a->applicable);
      bw_json_writer_int_member (w, "covered", a->covered);
      bw_json_writer_int_member (w, "partial", a->partial);
      bw_json_writer_int_member (w, "gap", a->gap);
      bw_json_writer_member (w, "unprotected");
      bw_json_writer_boolean (w, a->unprotected);
      bw_json_writer_end_object (w);
    }
  bw_json_writer_end_array (w);

  if (self->has_profile)
    {
      bw_json_writer_member (w, "profile");
      bw_json_writer_begin_object (w);
      write_tables (w, self, catalog, &self->profile_summary, self->profile_tactics,
                    self->profile_phases, self->profile_phase_gap, TRUE);
      bw_json_writer_end_object (w);
    }
  bw_json_writer_end_object (w);

  if (out_length != NULL)
    *out_length = out->len;
  return g_string_free (out, FALSE);
}
