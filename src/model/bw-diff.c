/* bw-diff.c: two versions of a project compared through their reports. */
#include "config.h"

#include <string.h>

#include "bw-diff.h"
#include "bw-engine.h"
#include "bw-json-writer.h"

struct _BwDiff
{
  BwCatalog *catalog;
  BwReport  *before;
  BwReport  *after;
  GArray    *techniques;   /* BwDiffTechnique */
  GPtrArray *assets_added; /* BwDiffNode */
  GPtrArray *assets_removed;
  GPtrArray *services_added;
  GPtrArray *services_removed;
};

static void
diff_node_free (gpointer data)
{
  BwDiffNode *node = data;

  g_free (node->id);
  g_free (node->label);
  g_free (node);
}

static gboolean
has_role (BwCatalog    *catalog,
          const BwNode *node,
          BwRole        role)
{
  const BwStencil *stencil = bw_catalog_lookup_stencil (catalog, node->kind);

  return stencil != NULL && stencil->role == role;
}

/* The nodes of `role` in `from` whose id `other` does not hold as a node of that role. */
static GPtrArray *
nodes_only_in (BwCatalog  *catalog,
               BwDocument *from,
               BwDocument *other,
               BwRole      role)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (diff_node_free);

  for (guint i = 0; i < bw_document_get_n_nodes (from); i++)
    {
      const BwNode *node = bw_document_get_node (from, i);
      const BwNode *there = bw_document_lookup_node (other, node->id);
      BwDiffNode *entry;

      if (!has_role (catalog, node, role) || (there != NULL && has_role (catalog, there, role)))
        continue;
      entry = g_new0 (BwDiffNode, 1);
      entry->id = g_strdup (node->id);
      entry->label = g_strdup (node->label != NULL ? node->label : "");
      g_ptr_array_add (out, entry);
    }
  return out;
}

BwDiff *
bw_diff_new (BwCatalog  *catalog,
             BwDocument *old_document,
             BwReport   *old_report,
             BwDocument *new_document,
             BwReport   *new_report)
{
  BwDiff *self;

  g_return_val_if_fail (BW_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (BW_IS_DOCUMENT (old_document) && BW_IS_DOCUMENT (new_document), NULL);
  g_return_val_if_fail (old_report != NULL && new_report != NULL, NULL);

  self = g_new0 (BwDiff, 1);
  self->catalog = g_object_ref (catalog);
  self->before = bw_report_ref (old_report);
  self->after = bw_report_ref (new_report);
  self->techniques = g_array_new (FALSE, FALSE, sizeof (BwDiffTechnique));
  for (guint t = 0; t < bw_catalog_get_n_techniques (catalog); t++)
    {
      BwDiffTechnique change = { t, bw_report_get_technique (old_report, t)->status,
                                 bw_report_get_technique (new_report, t)->status };

      if (change.before != change.after)
        g_array_append_val (self->techniques, change);
    }
  self->assets_added = nodes_only_in (catalog, new_document, old_document, BW_ROLE_ASSET);
  self->assets_removed = nodes_only_in (catalog, old_document, new_document, BW_ROLE_ASSET);
  self->services_added = nodes_only_in (catalog, new_document, old_document, BW_ROLE_SERVICE);
  self->services_removed = nodes_only_in (catalog, old_document, new_document, BW_ROLE_SERVICE);
  return self;
}

BwDiff *
bw_diff_compute (BwCatalog  *catalog,
                 BwDocument *old_document,
                 BwDocument *new_document)
{
  g_autoptr(BwReport) before = bw_engine_compute (catalog, old_document);
  g_autoptr(BwReport) after = bw_engine_compute (catalog, new_document);

  return bw_diff_new (catalog, old_document, before, new_document, after);
}

void
bw_diff_free (BwDiff *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->before, bw_report_unref);
  g_clear_pointer (&self->after, bw_report_unref);
  g_array_unref (self->techniques);
  g_ptr_array_unref (self->assets_added);
  g_ptr_array_unref (self->assets_removed);
  g_ptr_array_unref (self->services_added);
  g_ptr_array_unref (self->services_removed);
  g_free (self);
}

BwCatalog *
bw_diff_get_catalog (BwDiff *self)
{
  return self->catalog;
}

BwReport *
bw_diff_get_before (BwDiff *self)
{
  return self->before;
}

BwReport *
bw_diff_get_after (BwDiff *self)
{
  return self->after;
}

guint
bw_diff_get_n_techniques (BwDiff *self)
{
  return self->techniques->len;
}

const BwDiffTechnique *
bw_diff_get_technique (BwDiff *self,
                       guint   index)
{
  g_return_val_if_fail (index < self->techniques->len, NULL);
  return &g_array_index (self->techniques, BwDiffTechnique, index);
}

static gboolean
figures_differ (const BwReportFigures *a,
                const BwReportFigures *b)
{
  return a->applicable != b->applicable || a->covered != b->covered || a->partial != b->partial ||
         a->gap != b->gap || a->ratio != b->ratio;
}

gboolean
bw_diff_tactic_changed (BwDiff *self,
                        guint   index)
{
  return figures_differ (bw_report_get_tactic (self->before, index),
                         bw_report_get_tactic (self->after, index));
}

gboolean
bw_diff_phase_changed (BwDiff *self,
                       guint   index)
{
  return figures_differ (bw_report_get_phase (self->before, index),
                         bw_report_get_phase (self->after, index)) ||
         bw_report_get_phase_is_gap (self->before, index) !=
           bw_report_get_phase_is_gap (self->after, index);
}

GPtrArray *
bw_diff_get_assets_added (BwDiff *self)
{
  return self->assets_added;
}

GPtrArray *
bw_diff_get_assets_removed (BwDiff *self)
{
  return self->assets_removed;
}

GPtrArray *
bw_diff_get_services_added (BwDiff *self)
{
  return self->services_added;
}

GPtrArray *
bw_diff_get_services_removed (BwDiff *self)
{
  return self->services_removed;
}

gboolean
bw_diff_status_is_regression (BwStatus before,
                              BwStatus after)
{
  /* The enum runs gap < partial < covered after not_applicable, which has no rank. */
  return before != BW_STATUS_NOT_APPLICABLE && after != BW_STATUS_NOT_APPLICABLE && after < before;
}

guint
bw_diff_count_regressions (BwDiff *self)
{
  guint n = 0;

  for (guint i = 0; i < self->techniques->len; i++)
    {
      const BwDiffTechnique *t = &g_array_index (self->techniques, BwDiffTechnique, i);

      if (bw_diff_status_is_regression (t->before, t->after))
        n++;
    }
  return n;
}

gboolean
bw_diff_is_regression (BwDiff *self)
{
  return bw_diff_count_regressions (self) > 0 ||
         bw_report_get_summary (self->after)->ratio < bw_report_get_summary (self->before)->ratio;
}

/* JSON */

static void
write_nodes (BwJsonWriter *w,
             const char   *name,
             GPtrArray    *added,
             GPtrArray    *removed)
{
  GPtrArray *lists[] = { added, removed };
  const char *keys[] = { "added", "removed" };

  bw_json_writer_member (w, name);
  bw_json_writer_begin_object (w);
  for (guint k = 0; k < G_N_ELEMENTS (lists); k++)
    {
      bw_json_writer_member (w, keys[k]);
      bw_json_writer_begin_array (w);
      for (guint i = 0; i < lists[k]->len; i++)
        {
          const BwDiffNode *node = g_ptr_array_index (lists[k], i);

          bw_json_writer_begin_inline_object (w);
          bw_json_writer_member (w, "id");
          bw_json_writer_string (w, node->id);
          bw_json_writer_member (w, "label");
          bw_json_writer_string (w, node->label);
          bw_json_writer_end_object (w);
        }
      bw_json_writer_end_array (w);
    }
  bw_json_writer_end_object (w);
}

/* Every tactic (or phase), with the report's own object for it on each side. */
static void
write_pairs (BwDiff       *self,
             BwJsonWriter *w,
             gboolean      tactics)
{
  guint n = tactics ? bw_catalog_get_n_tactics (self->catalog)
                    : bw_catalog_get_n_phases (self->catalog);
  BwReport *sides[] = { self->before, self->after };
  const char *keys[] = { "before", "after" };

  bw_json_writer_member (w, tactics ? "tactics" : "kill_chain");
  bw_json_writer_begin_array (w);
  for (guint i = 0; i < n; i++)
    {
      bw_json_writer_begin_object (w);
      bw_json_writer_member (w, "id");
      bw_json_writer_string (w, tactics ? bw_catalog_get_tactic (self->catalog, i)->id
                                        : bw_catalog_get_phase (self->catalog, i)->id);
      for (guint k = 0; k < G_N_ELEMENTS (sides); k++)
        {
          bw_json_writer_member (w, keys[k]);
          if (tactics)
            bw_report_write_tactic (sides[k], self->catalog, i, w);
          else
            bw_report_write_phase (sides[k], self->catalog, i, w);
        }
      bw_json_writer_end_object (w);
    }
  bw_json_writer_end_array (w);
}

char *
bw_diff_to_json (BwDiff *self,
                 gsize  *out_length)
{
  GString *out = g_string_new (NULL);
  g_autoptr(BwJsonWriter) w = bw_json_writer_new (out, BW_JSON_STYLE_PROJECT);

  bw_json_writer_begin_object (w);
  bw_json_writer_member (w, "summary");
  bw_json_writer_begin_object (w);
  bw_json_writer_member (w, "before");
  bw_report_write_summary (self->before, w);
  bw_json_writer_member (w, "after");
  bw_report_write_summary (self->after, w);
  bw_json_writer_end_object (w);

  write_pairs (self, w, TRUE);
  write_pairs (self, w, FALSE);

  bw_json_writer_member (w, "techniques");
  bw_json_writer_begin_array (w);
  for (guint i = 0; i < self->techniques->len; i++)
    {
      const BwDiffTechnique *t = &g_array_index (self->techniques, BwDiffTechnique, i);
      const BwTechnique *technique = bw_catalog_get_technique (self->catalog, t->technique);

      bw_json_writer_begin_inline_object (w);
      bw_json_writer_member (w, "id");
      bw_json_writer_string (w, technique->id);
      bw_json_writer_member (w, "name");
      bw_json_writer_string (w, technique->name);
      bw_json_writer_member (w, "before");
      bw_json_writer_string (w, bw_status_to_string (t->before));
      bw_json_writer_member (w, "after");
      bw_json_writer_string (w, bw_status_to_string (t->after));
      bw_json_writer_end_object (w);
    }
  bw_json_writer_end_array (w);

  write_nodes (w, "assets", self->assets_added, self->assets_removed);
  write_nodes (w, "services", self->services_added, self->services_removed);
  bw_json_writer_end_object (w);

  if (out_length != NULL)
    *out_length = out->len;
  return g_string_free (out, FALSE);
}
