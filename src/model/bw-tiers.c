/* bw-tiers.c: one estate's coverage under each Microsoft 365 licence tier. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-engine.h"
#include "bw-tiers.h"

static const char *const licences[BW_N_TIERS] = { "E3", "E5" };

const char *
bw_tier_get_licence (BwTier tier)
{
  g_return_val_if_fail (tier < BW_N_TIERS, NULL);
  return licences[tier];
}

char *
bw_tiers_describe_source (BwDocument *document)
{
  guint n = g_strv_length ((char **) bw_document_get_licence_overrides (document)) / 2;
  const char *ctid = _("Tiers as the Center for Threat-Informed Defense's Microsoft 365 mappings tag them (-E3 or -E5 in the capability id), not Microsoft's licensing terms.");

  if (n == 0)
    return g_strdup_printf (_("%s A project corrects one in settings.licence_overrides."), ctid);
  return g_strdup_printf (ngettext ("%s This project overrides %u of them.",
                                    "%s This project overrides %u of them.", n),
                          ctid, n);
}

BwTiers *
bw_tiers_compute (BwCatalog  *catalog,
                  BwDocument *document)
{
  g_autofree char *licence = g_strdup (bw_document_get_licence (document));
  BwTiers *self = g_new0 (BwTiers, 1);

  self->n_tactics = bw_catalog_get_n_tactics (catalog);
  for (guint t = 0; t < BW_N_TIERS; t++)
    {
      g_autoptr(BwReport) report = NULL;

      bw_document_set_licence (document, licences[t]);
      report = bw_engine_compute (catalog, document);
      self->summary[t] = *bw_report_get_summary (report);
      self->tactics[t] = g_new (BwReportFigures, MAX (self->n_tactics, 1));
      for (guint i = 0; i < self->n_tactics; i++)
        self->tactics[t][i] = *bw_report_get_tactic (report, i);
    }
  bw_document_set_licence (document, licence);
  return self;
}

gboolean
bw_tiers_tactic_differs (const BwTiers *self,
                         guint          index)
{
  g_return_val_if_fail (index < self->n_tactics, FALSE);
  return self->tactics[BW_TIER_E5][index].ratio != self->tactics[BW_TIER_E3][index].ratio;
}

void
bw_tiers_free (BwTiers *self)
{
  if (self == NULL)
    return;
  for (guint t = 0; t < BW_N_TIERS; t++)
    g_free (self->tactics[t]);
  g_free (self);
}
