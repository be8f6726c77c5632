/* bw-matrix-layout.c: the coverage matrix's columns. Each tactic's column lists its techniques
 * by name as ATT&CK Navigator does, each sub-technique folded under its parent, whose cell rolls
 * their statuses up; the filters (platform, threat profile, search) leave out what they do not
 * match, and a parent stays while any of its sub-techniques does. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-matrix-layout.h"
#include "bw-widgets.h"

typedef struct
{
  GArray *cells;   /* BwMatrixCell */
  GArray *status;  /* BwStatus, one per cell */
} Column;

struct _BwMatrixLayout
{
  BwCatalog *catalog;
  GArray    *tops;      /* catalog indices of the techniques without a known parent, by name */
  GArray   **children;  /* by catalog index: its sub-techniques' indices in id order, or NULL */
  char     **folded;    /* by catalog index: "id name", case-folded, for the search */
  Column    *columns;   /* one per tactic, matrix order */
  guint      n_rows;
};

static gboolean
has_parent (BwCatalog         *catalog,
            const BwTechnique *technique)
{
  return technique->parent != NULL &&
         bw_catalog_lookup_technique (catalog, technique->parent) != NULL;
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  char **keys = user_data;
  const guint *x = a;
  const guint *y = b;

  return strcmp (keys[*x], keys[*y]);
}

BwMatrixLayout *
bw_matrix_layout_new (BwCatalog *catalog)
{
  BwMatrixLayout *self = g_new0 (BwMatrixLayout, 1);
  guint n = bw_catalog_get_n_techniques (catalog);
  g_auto(GStrv) keys = g_new0 (char *, n + 1);

  self->catalog = g_object_ref (catalog);
  self->tops = g_array_new (FALSE, FALSE, sizeof (guint));
  self->children = g_new0 (GArray *, n);
  self->folded = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      const BwTechnique *t = bw_catalog_get_technique (catalog, i);
      g_autofree char *text = g_strconcat (t->id, " ", t->name, NULL);

      self->folded[i] = g_utf8_casefold (text, -1);
      keys[i] = g_utf8_collate_key (t->name, -1);
      if (has_parent (catalog, t))
        {
          guint parent = bw_catalog_lookup_technique (catalog, t->parent)->index;

          if (self->children[parent] == NULL)
            self->children[parent] = g_array_new (FALSE, FALSE, sizeof (guint));
          g_array_append_val (self->children[parent], i);
        }
      else
        g_array_append_val (self->tops, i);
    }
  g_array_sort_with_data (self->tops, compare_names, keys);

  self->columns = g_new0 (Column, bw_catalog_get_n_tactics (catalog));
  for (guint c = 0; c < bw_catalog_get_n_tactics (catalog); c++)
    {
      self->columns[c].cells = g_array_new (FALSE, FALSE, sizeof (BwMatrixCell));
      self->columns[c].status = g_array_new (FALSE, FALSE, sizeof (BwStatus));
    }
  return self;
}

void
bw_matrix_layout_free (BwMatrixLayout *self)
{
  guint n = bw_catalog_get_n_techniques (self->catalog);

  for (guint i = 0; i < n; i++)
    g_clear_pointer (&self->children[i], g_array_unref);
  for (guint c = 0; c < bw_catalog_get_n_tactics (self->catalog); c++)
    {
      g_array_unref (self->columns[c].cells);
      g_array_unref (self->columns[c].status);
    }
  g_free (self->columns);
  g_free (self->children);
  g_strfreev (self->folded);
  g_array_unref (self->tops);
  g_object_unref (self->catalog);
  g_free (self);
}

static gboolean
lists (const BwTechnique *technique,
       const char        *shortname)
{
  return g_strv_contains ((const char *const *) technique->tactics, shortname);
}

static gboolean
searched (const BwMatrixFilter *filter)
{
  return filter->search != NULL && *filter->search != '\0';
}

static gboolean
passes (BwMatrixLayout       *self,
        BwReport             *report,
        const BwMatrixFilter *filter,
        const BwTechnique    *technique)
{
  if (filter->platform != NULL &&
      !g_strv_contains ((const char *const *) technique->platforms, filter->platform))
    return FALSE;
  if (filter->profile_only && !bw_report_in_profile (report, technique->index))
    return FALSE;
  return !searched (filter) || strstr (self->folded[technique->index], filter->search) != NULL;
}

/* Over the applicable ones: all covered, covered; none with a score, gap; else partial. */
typedef struct
{
  guint applicable;
  guint covered;
  guint gap;
} Rollup;

static void
rollup_add (Rollup  *rollup,
            BwStatus status)
{
  if (status == BW_STATUS_NOT_APPLICABLE)
    return;
  rollup->applicable++;
  rollup->covered += status == BW_STATUS_COVERED;
  rollup->gap += status == BW_STATUS_GAP;
}

static BwStatus
rollup_status (const Rollup *rollup)
{
  if (rollup->applicable == 0)
    return BW_STATUS_NOT_APPLICABLE;
  if (rollup->covered == rollup->applicable)
    return BW_STATUS_COVERED;
  if (rollup->gap == rollup->applicable)
    return BW_STATUS_GAP;
  return BW_STATUS_PARTIAL;
}

static void
append (Column  *column,
        guint    technique,
        guint    n_subs,
        gboolean sub,
        BwStatus status)
{
  BwMatrixCell cell = { technique, n_subs, sub };

  g_array_append_val (column->cells, cell);
  g_array_append_val (column->status, status);
}

static BwStatus
status_of (BwReport *report,
           guint     technique)
{
  return bw_report_get_technique (report, technique)->status;
}

/* A top technique of the column with the sub-techniques of the same tactic that pass. */
static void
lay_out_family (BwMatrixLayout       *self,
                BwReport             *report,
                const BwMatrixFilter *filter,
                const BwTactic       *tactic,
                const BwTechnique    *top,
                Column               *column)
{
  GArray *children = self->children[top->index];
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean top_passes = passes (self, report, filter, top);
  Rollup rollup = { 0 };

  for (guint i = 0; children != NULL && i < children->len; i++)
    {
      const BwTechnique *sub =
          bw_catalog_get_technique (self->catalog, g_array_index (children, guint, i));

      if (lists (sub, tactic->shortname) && passes (self, report, filter, sub))
        {
          g_array_append_val (shown, sub->index);
          rollup_add (&rollup, status_of (report, sub->index));
        }
    }
  if (!top_passes && shown->len == 0)
    return;
  if (top_passes)
    rollup_add (&rollup, status_of (report, top->index));
  append (column, top->index, shown->len, FALSE, rollup_status (&rollup));
  if (filter->all_expanded || filter->expanded[top->index] || searched (filter))
    for (guint i = 0; i < shown->len; i++)
      {
        guint sub = g_array_index (shown, guint, i);

        append (column, sub, 0, TRUE, status_of (report, sub));
      }
}

static void
lay_out_column (BwMatrixLayout       *self,
                BwReport             *report,
                const BwMatrixFilter *filter,
                guint                 c)
{
  const BwTactic *tactic = bw_catalog_get_tactic (self->catalog, c);
  Column *column = &self->columns[c];

  for (guint i = 0; i < self->tops->len; i++)
    {
      const BwTechnique *top =
          bw_catalog_get_technique (self->catalog, g_array_index (self->tops, guint, i));

      if (lists (top, tactic->shortname))
        lay_out_family (self, report, filter, tactic, top, column);
    }
  /* A sub-technique of a tactic its parent does not list stands on its own there. */
  for (guint i = 0; i < bw_catalog_get_n_techniques (self->catalog); i++)
    {
      const BwTechnique *t = bw_catalog_get_technique (self->catalog, i);

      if (has_parent (self->catalog, t) && lists (t, tactic->shortname) &&
          !lists (bw_catalog_lookup_technique (self->catalog, t->parent), tactic->shortname) &&
          passes (self, report, filter, t))
        append (column, i, 0, FALSE, status_of (report, i));
    }
}

void
bw_matrix_layout_update (BwMatrixLayout       *self,
                         BwReport             *report,
                         const BwMatrixFilter *filter)
{
  self->n_rows = 0;
  for (guint c = 0; c < bw_catalog_get_n_tactics (self->catalog); c++)
    {
      Column *column = &self->columns[c];

      g_array_set_size (column->cells, 0);
      g_array_set_size (column->status, 0);
      if (report != NULL)
        lay_out_column (self, report, filter, c);
      self->n_rows = MAX (self->n_rows, column->cells->len);
    }
}

guint
bw_matrix_layout_get_n_rows (BwMatrixLayout *self)
{
  return self->n_rows;
}

guint
bw_matrix_layout_get_n_cells (BwMatrixLayout *self,
                              guint           tactic)
{
  g_return_val_if_fail (tactic < bw_catalog_get_n_tactics (self->catalog), 0);

  return self->columns[tactic].cells->len;
}

const BwMatrixCell *
bw_matrix_layout_get_cell (BwMatrixLayout *self,
                           guint           tactic,
                           guint           position)
{
  g_return_val_if_fail (tactic < bw_catalog_get_n_tactics (self->catalog), NULL);

  if (position >= self->columns[tactic].cells->len)
    return NULL;
  return &g_array_index (self->columns[tactic].cells, BwMatrixCell, position);
}

BwStatus
bw_matrix_layout_get_status (BwMatrixLayout *self,
                             guint           tactic,
                             guint           position)
{
  g_return_val_if_fail (tactic < bw_catalog_get_n_tactics (self->catalog),
                        BW_STATUS_NOT_APPLICABLE);
  g_return_val_if_fail (position < self->columns[tactic].status->len, BW_STATUS_NOT_APPLICABLE);

  return g_array_index (self->columns[tactic].status, BwStatus, position);
}

const char *
bw_matrix_status_label (BwStatus status)
{
  /* TRANSLATORS: not applicable, in a matrix cell: keep it short */
  return status == BW_STATUS_NOT_APPLICABLE ? _("n/a") : bw_status_label (status);
}
