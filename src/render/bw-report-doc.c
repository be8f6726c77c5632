/* bw-report-doc.c: assembles the stakeholder report's content — one pass over the engine's
 * report, the tiers, the recommendations and the threat profile — that both writers lay out. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "bw-engine.h"
#include "bw-report-doc.h"

static void
row_clear (gpointer data)
{
  BwReportDocRow *row = data;

  g_free (row->id);
  g_free (row->name);
}

static void
gap_free (gpointer data)
{
  BwReportDocGap *gap = data;

  g_free (gap->id);
  g_free (gap->name);
  g_strfreev (gap->assets);
  g_free (gap);
}

static void
step_free (gpointer data)
{
  BwReportDocStep *step = data;

  g_free (step->service);
  g_free (step->action);
  g_free (step->target);
  g_free (step->techniques);
  g_free (step);
}

static void
asset_free (gpointer data)
{
  BwReportDocAsset *asset = data;

  g_free (asset->id);
  g_free (asset->label);
  g_free (asset->kind);
  g_free (asset);
}

void
bw_report_doc_free (BwReportDoc *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->attack_version);
  g_free (self->date);
  g_free (self->licence);
  g_free (self->tier_source);
  g_strfreev (self->groups);
  g_clear_pointer (&self->tactics, g_array_unref);
  g_clear_pointer (&self->phases, g_array_unref);
  g_clear_pointer (&self->gaps, g_ptr_array_unref);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->assets, g_ptr_array_unref);
  g_clear_pointer (&self->svg, g_bytes_unref);
  g_clear_pointer (&self->job, bw_export_job_free);
  g_free (self);
}

static char *
report_date (GDateTime *date)
{
  g_autoptr(GDateTime) now = NULL;
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");

  if (date != NULL)
    return g_date_time_format (date, "%Y-%m-%d");
  if (epoch != NULL && *epoch != '\0')
    now = g_date_time_new_from_unix_utc (g_ascii_strtoll (epoch, NULL, 10));
  if (now == NULL)
    now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

static void
fill_rows (BwReportDoc *self,
           BwCatalog   *catalog,
           BwReport    *report,
           BwTiers     *tiers)
{
  self->tactics = g_array_new (FALSE, TRUE, sizeof (BwReportDocRow));
  g_array_set_clear_func (self->tactics, row_clear);
  for (guint i = 0; i < bw_catalog_get_n_tactics (catalog); i++)
    {
      const BwTactic *t = bw_catalog_get_tactic (catalog, i);
      BwReportDocRow row = { g_strdup (t->id), g_strdup (t->name),
                             *bw_report_get_tactic (report, i) };

      for (guint k = 0; k < BW_N_TIERS && i < tiers->n_tactics; k++)
        row.tiers[k] = tiers->tactics[k][i];
      g_array_append_val (self->tactics, row);
    }
  self->phases = g_array_new (FALSE, TRUE, sizeof (BwReportDocRow));
  g_array_set_clear_func (self->phases, row_clear);
  for (guint i = 0; i < bw_catalog_get_n_phases (catalog); i++)
    {
      const BwPhase *p = bw_catalog_get_phase (catalog, i);
      BwReportDocRow row = { g_strdup (p->id), g_strdup (p->name), *bw_report_get_phase (report, i),
                             bw_report_get_phase_is_gap (report, i) };

      g_array_append_val (self->phases, row);
    }
}

static int
compare_gaps (gconstpointer a,
              gconstpointer b)
{
  const BwReportDocGap *x = *(BwReportDocGap *const *) a;
  const BwReportDocGap *y = *(BwReportDocGap *const *) b;

  if (x->n_groups != y->n_groups)
    return x->n_groups > y->n_groups ? -1 : 1;
  return g_strcmp0 (x->id, y->id);
}

/* The open techniques, by how many groups use them: the profile's groups when one is set (and
 * only its techniques), else every group the catalog knows. */
static void
fill_gaps (BwReportDoc *self,
           BwCatalog   *catalog,
           BwDocument  *document,
           BwEngine    *engine,
           BwReport    *report)
{
  guint n = bw_catalog_get_n_techniques (catalog);
  g_autofree guint *uses = g_new0 (guint, n);
  const char *const *profile = bw_document_get_threat_groups (document);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (gap_free);

  self->gaps_profile = self->has_profile;
  for (guint g = 0; g < bw_catalog_get_n_groups (catalog); g++)
    {
      const BwGroup *group = bw_catalog_get_group (catalog, g);

      if (self->gaps_profile && !g_strv_contains (profile, group->id))
        continue;
      for (guint k = 0; k < group->n_techniques; k++)
        if (group->techniques[k] < n)
          uses[group->techniques[k]]++;
    }
  for (guint i = 0; i < n; i++)
    {
      const BwReportTechnique *rt = bw_report_get_technique (report, i);
      const BwTechnique *t = bw_catalog_get_technique (catalog, i);
      BwReportDocGap *gap;

      if (rt->status != BW_STATUS_GAP || (self->gaps_profile && !bw_report_in_profile (report, i)))
        continue;
      gap = g_new0 (BwReportDocGap, 1);
      gap->id = g_strdup (t->id);
      gap->name = g_strdup (t->name);
      gap->n_groups = uses[i];
      g_ptr_array_add (all, gap);
    }
  g_ptr_array_sort (all, compare_gaps);
  self->gaps = g_ptr_array_new_with_free_func (gap_free);
  for (guint i = 0; i < MIN (all->len, BW_REPORT_DOC_TOP_GAPS); i++)
    {
      BwReportDocGap *gap = g_ptr_array_steal_index (all, 0);
      const BwTechnique *t = bw_catalog_lookup_technique (catalog, gap->id);
      g_autoptr(GHashTable)
          services = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GHashTable) assets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();

      bw_engine_explain_technique (engine, t->index, services, assets);
      for (guint k = 0; k < bw_document_get_n_nodes (document); k++)
        {
          const BwNode *node = bw_document_get_node (document, k);

          if (g_hash_table_contains (assets, node->id))
            g_strv_builder_add (labels, node->label);
        }
      gap->assets = g_strv_builder_end (labels);
      g_ptr_array_add (self->gaps, gap);
    }
}

static void
fill_steps (BwReportDoc *self,
            BwCatalog   *catalog,
            BwDocument  *document,
            GCancellable *cancellable)
{
  g_autoptr(GPtrArray) recs = bw_recommend (catalog, document, BW_REPORT_DOC_TOP_STEPS,
                                            &self->steps_profile, cancellable);

  self->steps = g_ptr_array_new_with_free_func (step_free);
  for (guint i = 0; recs != NULL && i < recs->len; i++)
    {
      const BwRecommendation *r = g_ptr_array_index (recs, i);
      const BwStencil *stencil = bw_catalog_lookup_stencil (catalog, r->stencil);
      const char *target = bw_document_get_label (document, r->target);
      BwReportDocStep *step = g_new0 (BwReportDocStep, 1);

      const char *from = r->from ? bw_document_get_label (document, r->from) : NULL;

      step->service = g_strdup (stencil != NULL ? stencil->name : r->stencil);
      step->action = g_strdup (r->action == BW_RECOMMEND_PROTECTS ? _("Add, protecting")
                               : r->action == BW_RECOMMEND_CONNECT
                                 ? _("Connect the one drawn, to protect")
                                 : _("Send telemetry to the SIEM from"));
      /* A connection buys nothing: the service named is the node already drawn. */
      if (r->action == BW_RECOMMEND_CONNECT && from != NULL && g_strcmp0 (from, step->service) != 0)
        {
          g_autofree char *named = g_steal_pointer (&step->service);

          step->service = g_strdup_printf ("%s (“%s”)", named, from);
        }
      step->target = g_strdup (target != NULL ? target : r->target);
      step->techniques = r->techniques ? g_strjoinv (", ", r->techniques) : g_strdup ("");
      step->gain = r->gain;
      step->ratio_after = r->ratio_after;
      g_ptr_array_add (self->steps, step);
    }
}

static void
fill_assets (BwReportDoc *self,
             BwCatalog   *catalog,
             BwDocument  *document,
             BwReport    *report)
{
  self->assets = g_ptr_array_new_with_free_func (asset_free);
  for (guint i = 0; i < bw_report_get_n_assets (report); i++)
    {
      const BwReportAsset *ra = bw_report_get_asset (report, i);
      const BwNode *node = bw_document_lookup_node (document, ra->id);
      const BwStencil *stencil = node ? bw_catalog_lookup_stencil (catalog, node->kind) : NULL;
      BwReportDocAsset *asset = g_new0 (BwReportDocAsset, 1);

      asset->id = g_strdup (ra->id);
      asset->label = g_strdup (node ? node->label : ra->id);
      asset->kind = g_strdup (stencil ? stencil->name : node ? node->kind : "");
      asset->applicable = ra->applicable;
      asset->covered = ra->covered;
      asset->partial = ra->partial;
      asset->gap = ra->gap;
      /* DESIGN §4 rule 11. */
      asset->unprotected = ra->unprotected;
      self->n_unprotected += asset->unprotected;
      g_ptr_array_add (self->assets, asset);
    }
}

static void
fill_profile (BwReportDoc *self,
              BwCatalog   *catalog,
              BwDocument  *document,
              BwReport    *report)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  self->has_profile = bw_report_has_profile (report);
  if (self->has_profile)
    self->profile_summary = *bw_report_get_profile_summary (report);
  for (const char *const *id = bw_document_get_threat_groups (document); *id != NULL; id++)
    {
      const BwGroup *group = bw_catalog_lookup_group (catalog, *id);

      if (group != NULL)
        {
          g_autofree char *name = g_strdup_printf ("%s (%s)", group->name, group->id);

          g_strv_builder_add (names, name);
        }
    }
  self->groups = g_strv_builder_end (names);
}

BwReportDoc *
bw_report_doc_new (BwCatalog    *catalog,
                   BwDocument   *document,
                   GDateTime    *date,
                   GCancellable *cancellable,
                   GError      **error)
{
  g_autoptr(BwReportDoc) self = g_new0 (BwReportDoc, 1);
  g_autoptr(BwTiers) tiers = NULL;
  g_autoptr(BwEngine) engine = NULL;
  BwReport *report;
  const char *title = bw_document_get_title (document);
  BwExportOptions options = { 0 };

  /* The tiers set the licence and put it back: before the engine follows the document. */
  tiers = bw_tiers_compute (catalog, document);
  for (guint k = 0; k < BW_N_TIERS; k++)
    self->tiers[k] = tiers->summary[k];
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  engine = bw_engine_new (catalog);
  bw_engine_set_document (engine, document);
  report = bw_engine_get_report (engine);

  self->title = g_strdup (title != NULL && *title != '\0' ? title : _("Untitled estate"));
  self->attack_version = g_strdup (bw_report_get_attack_version (report));
  self->date = report_date (date);
  self->licence = g_strdup (bw_document_get_licence (document));
  self->tier_source = bw_tiers_describe_source (document);
  self->gap_threshold = bw_document_get_gap_threshold (document);
  self->n_assets = bw_report_get_n_asset_nodes (report);
  self->n_services = bw_report_get_n_service_nodes (report);
  self->summary = *bw_report_get_summary (report);

  fill_profile (self, catalog, document, report);
  fill_rows (self, catalog, report, tiers);
  fill_gaps (self, catalog, document, engine, report);
  fill_assets (self, catalog, document, report);

  self->job = bw_export_job_new (engine, document, TRUE);
  options.overlay = bw_export_job_get_overlay (self->job);
  options.title = self->title;
  self->svg =
      bw_export_to_bytes (bw_export_job_get_layout (self->job), BW_EXPORT_SVG, &options, error);
  if (self->svg == NULL)
    return NULL;

  /* Last: the slowest part, and it runs on a copy of its own. */
  fill_steps (self, catalog, document, cancellable);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return g_steal_pointer (&self);
}

char *
bw_report_doc_headline (const BwReportDoc *self)
{
  const BwReportFigures *s = &self->summary;

  return g_strdup_printf (_("The estate’s %u assets and %u services cover %.1f%% of the %u ATT&CK "
                            "techniques that apply to it: %u covered, %u partial and %u gaps."),
                          self->n_assets, self->n_services, 100 * s->ratio, s->applicable,
                          s->covered, s->partial, s->gap);
}

char *
bw_report_doc_findings (const BwReportDoc *self)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint open = 0;

  for (guint i = 0; i < self->phases->len; i++)
    {
      const BwReportDocRow *row = &g_array_index (self->phases, BwReportDocRow, i);

      if (!row->is_gap)
        continue;
      if (open++ > 0)
        g_string_append (names, ", ");
      g_string_append (names, row->name);
    }
  if (open == 0)
    return g_strdup_printf (_("%u of %u assets are unprotected, and every kill-chain phase is at or "
                              "above the %.0f%% threshold."),
                            self->n_unprotected, self->n_assets, 100 * self->gap_threshold);
  return g_strdup_printf (_("%u of %u assets are unprotected, and %u of %u kill-chain phases are under "
                            "the %.0f%% threshold: %s."),
                          self->n_unprotected, self->n_assets, open, self->phases->len,
                          100 * self->gap_threshold, names->str);
}

char *
bw_report_doc_gap_assets (const BwReportDocGap *gap)
{
  const guint shown = 5;
  guint n = g_strv_length (gap->assets);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < MIN (n, shown); i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, gap->assets[i]);
    }
  if (n > shown)
    g_string_append_printf (out, ngettext (" and %u more", " and %u more", n - shown), n - shown);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

const char *
bw_report_doc_method (guint index)
{
  /* DESIGN §4, in the words of someone who will not read it. */
  const char *rules[] = {
    _("Coverage is computed from the diagram alone, by fixed rules:"),
    _("A service covers the assets it has a protects connection to, directly or through a zone "
      "they are in; a SIEM covers the assets whose telemetry reaches it."),
    _("A technique counts for an asset when their ATT&CK platforms meet; its score there is the "
      "best protect or detect score of the services covering it."),
    _("A technique is covered when every asset it applies to scores at least partial, partial "
      "when some asset scores at least minimal, and a gap otherwise."),
    _("A ratio counts covered techniques once and partial ones half; a kill-chain phase is a gap "
      "when its ratio is under the project’s threshold."),
    _("An asset no service covers at all is unprotected: leaving assets off the diagram does not "
      "raise the figures."),
  };

  return index < G_N_ELEMENTS (rules) ? rules[index] : NULL;
}

char *
bw_report_doc_credits (const BwReportDoc *self)
{
  return g_strdup_printf (_("Techniques and tactics: MITRE ATT&CK®, release %s, © The MITRE "
                            "Corporation. Capability mappings: the Center for Threat-Informed "
                            "Defense’s Mappings Explorer (Microsoft 365 and Azure security stack "
                            "mappings). The Cyber Kill Chain® is Lockheed Martin’s."),
                          self->attack_version);
}

const char *
bw_report_doc_steps_note (const BwReportDoc *self)
{
  if (self->steps_profile)
    return _("Each step was applied to a copy of the estate and the engine run again: the gains "
             "are measured in the threat profile’s ratio, not estimated, each after the ones "
             "before it.");
  return _("Each step was applied to a copy of the estate and the engine run again: the gains are "
           "measured, not estimated, each after the ones before it.");
}
