/* bw-cell-index.c: a hash from a cell's packed coordinates to the sorted array of what it
 * holds. Cells may have negative coordinates: the diagram extends either way from its origin. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "bw-cell-index.h"

struct _BwCellIndex
{
  double      size;
  GHashTable *cells; /* gint64 key → GArray of guint32 */
};

static inline gint64
cell_key (int cx,
          int cy)
{
  /* Pack the coordinates' bit patterns, not their values. */
  return (gint64) (((guint64) (guint32) cx << 32) | (guint32) cy);
}

BwCellIndex *
bw_cell_index_new (double cell_size)
{
  BwCellIndex *self;

  g_return_val_if_fail (cell_size > 0, NULL);

  self = g_new0 (BwCellIndex, 1);
  self->size = cell_size;
  self->cells = g_hash_table_new_full (bw_pair_hash, g_int64_equal, g_free,
                                       (GDestroyNotify) g_array_unref);
  return self;
}

void
bw_cell_index_free (BwCellIndex *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->cells);
  g_free (self);
}

void
bw_cell_index_clear (BwCellIndex *self)
{
  g_hash_table_remove_all (self->cells);
}

void
bw_cell_index_cell_at (const BwCellIndex *self,
                       double             x,
                       double             y,
                       int               *cx,
                       int               *cy)
{
  *cx = (int) floor (x / self->size);
  *cy = (int) floor (y / self->size);
}

void
bw_cell_index_span (const BwCellIndex *self,
                    const BwRect      *rect,
                    int               *x0,
                    int               *x1,
                    int               *y0,
                    int               *y1)
{
  bw_cell_index_cell_at (self, rect->x, rect->y, x0, y0);
  bw_cell_index_cell_at (self, rect->x + rect->w, rect->y + rect->h, x1, y1);
}

void
bw_cell_index_add (BwCellIndex *self,
                   int          cx,
                   int          cy,
                   guint32      value)
{
  gint64 key = cell_key (cx, cy);
  GArray *cell = g_hash_table_lookup (self->cells, &key);
  guint at;

  if (cell == NULL)
    {
      cell = g_array_new (FALSE, FALSE, sizeof (guint32));
      g_hash_table_insert (self->cells, g_memdup2 (&key, sizeof key), cell);
    }
  at = cell->len;
  while (at > 0 && g_array_index (cell, guint32, at - 1) > value)
    at--;
  g_array_insert_val (cell, at, value);
}

static void
remove_at (BwCellIndex *self,
           int          cx,
           int          cy,
           guint32      value)
{
  gint64 key = cell_key (cx, cy);
  GArray *cell = g_hash_table_lookup (self->cells, &key);

  if (cell == NULL)
    return;
  for (guint i = 0; i < cell->len; i++)
    if (g_array_index (cell, guint32, i) == value)
      {
        g_array_remove_index (cell, i);
        break;
      }
  if (cell->len == 0)
    g_hash_table_remove (self->cells, &key);
}

/* `func` with `value` on each cell that `rect` reaches. */
static void
each_cell (BwCellIndex  *self,
           const BwRect *rect,
           void        (*func) (BwCellIndex *, int, int, guint32),
           guint32       value)
{
  int x0, x1, y0, y1;

  bw_cell_index_span (self, rect, &x0, &x1, &y0, &y1);
  for (int cx = x0; cx <= x1; cx++)
    for (int cy = y0; cy <= y1; cy++)
      func (self, cx, cy, value);
}

void
bw_cell_index_add_rect (BwCellIndex  *self,
                        const BwRect *rect,
                        guint32       value)
{
  each_cell (self, rect, bw_cell_index_add, value);
}

void
bw_cell_index_remove_rect (BwCellIndex  *self,
                           const BwRect *rect,
                           guint32       value)
{
  each_cell (self, rect, remove_at, value);
}

const guint32 *
bw_cell_index_get (const BwCellIndex *self,
                   int                cx,
                   int                cy,
                   guint             *n_values)
{
  gint64 key = cell_key (cx, cy);
  GArray *cell = g_hash_table_lookup (self->cells, &key);

  *n_values = cell != NULL ? cell->len : 0;
  return cell != NULL ? (const guint32 *) cell->data : NULL;
}

guint
bw_cell_index_get_n_cells (const BwCellIndex *self)
{
  return g_hash_table_size (self->cells);
}

gboolean
bw_cell_index_equal (const BwCellIndex *a,
                     const BwCellIndex *b)
{
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  if (a->size != b->size || g_hash_table_size (a->cells) != g_hash_table_size (b->cells))
    return FALSE;
  g_hash_table_iter_init (&iter, a->cells);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GArray *cell = value;
      GArray *other = g_hash_table_lookup (b->cells, key);

      if (other == NULL || other->len != cell->len ||
          memcmp (other->data, cell->data, cell->len * sizeof (guint32)) != 0)
        return FALSE;
    }
  return TRUE;
}
