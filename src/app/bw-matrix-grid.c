/* bw-matrix-grid.c: draws the coverage matrix. A column per tactic under a header that stays
 * in view; each cell on its status colour names its technique and says its status in words
 * ("T1595 · Partial"), a parent's fold mark counts its sub-techniques. Only the cells in view
 * are drawn, so all 691 techniques unfolded scroll as smoothly as a few. A click (or Enter) on
 * a cell emits `technique-activated`, on its fold mark (or Space) `fold-toggled`. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-matrix-grid.h"

#define PAD        8.0
#define COL_W      188.0
#define COL_GAP    6.0
#define HEADER_H   46.0
#define CELL_H     58.0
#define CELL_GAP   4.0
#define SUB_INSET  14.0
#define FOLD_W     36.0
#define RADIUS     6.0

struct _BwMatrixGrid
{
  GtkWidget       parent_instance;

  BwCatalog      *catalog;
  BwMatrixLayout *layout;       /* not owned */
  const guint8   *expanded;     /* not owned */
  gboolean        all_expanded;
  gboolean        colorblind;

  GtkAdjustment  *hadjustment;
  GtkAdjustment  *vadjustment;
  guint           hscroll_policy : 1;
  guint           vscroll_policy : 1;

  int             hover_tactic;   /* -1: none */
  guint           hover_position;
  guint           focus_tactic;
  guint           focus_position;
  guint           n_drawn;
};

enum
{
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum
{
  TECHNIQUE_ACTIVATED,
  FOLD_TOGGLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (BwMatrixGrid, bw_matrix_grid, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

static guint
n_columns (BwMatrixGrid *self)
{
  return self->catalog && self->layout ? bw_catalog_get_n_tactics (self->catalog) : 0;
}

static double
content_width (BwMatrixGrid *self)
{
  guint n = n_columns (self);

  return n == 0 ? 0 : 2 * PAD + n * COL_W + (n - 1) * COL_GAP;
}

static double
content_height (BwMatrixGrid *self)
{
  guint rows = self->layout ? bw_matrix_layout_get_n_rows (self->layout) : 0;

  return HEADER_H + 2 * PAD + rows * (CELL_H + CELL_GAP);
}

static double
hvalue (BwMatrixGrid *self)
{
  return self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

static double
vvalue (BwMatrixGrid *self)
{
  return self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         content,
                      double         view)
{
  double upper = MAX (content, view);

  if (adjustment == NULL)
    return;
  gtk_adjustment_configure (adjustment,
                            CLAMP (gtk_adjustment_get_value (adjustment), 0, upper - view), 0,
                            upper, view * 0.1, view * 0.9, view);
}

static void
configure_adjustments (BwMatrixGrid *self)
{
  configure_adjustment (self->hadjustment, content_width (self),
                        gtk_widget_get_width (GTK_WIDGET (self)));
  configure_adjustment (self->vadjustment, content_height (self),
                        gtk_widget_get_height (GTK_WIDGET (self)));
}

void
bw_matrix_grid_cell_centre (BwMatrixGrid *self,
                            guint         tactic,
                            guint         position,
                            double       *x,
                            double       *y)
{
  g_return_if_fail (BW_IS_MATRIX_GRID (self));

  *x = PAD + tactic * (COL_W + COL_GAP) + COL_W / 2 - hvalue (self);
  *y = HEADER_H + PAD + position * (CELL_H + CELL_GAP) + CELL_H / 2 - vvalue (self);
}

gboolean
bw_matrix_grid_cell_at (BwMatrixGrid *self,
                        double        x,
                        double        y,
                        guint        *tactic,
                        guint        *position,
                        gboolean     *on_fold)
{
  double cx = x + hvalue (self) - PAD;
  double cy = y + vvalue (self) - HEADER_H - PAD;
  const BwMatrixCell *cell;
  guint c, r;

  g_return_val_if_fail (BW_IS_MATRIX_GRID (self), FALSE);

  if (y < HEADER_H || cx < 0 || cy < 0)
    return FALSE;
  c = (guint) (cx / (COL_W + COL_GAP));
  r = (guint) (cy / (CELL_H + CELL_GAP));
  if (c >= n_columns (self) || cx - c * (COL_W + COL_GAP) > COL_W ||
      cy - r * (CELL_H + CELL_GAP) > CELL_H ||
      (cell = bw_matrix_layout_get_cell (self->layout, c, r)) == NULL ||
      (cell->sub && cx - c * (COL_W + COL_GAP) < SUB_INSET))
    return FALSE;
  *tactic = c;
  *position = r;
  if (on_fold != NULL)
    *on_fold = cell->n_subs > 0 && cx - c * (COL_W + COL_GAP) > COL_W - FOLD_W;
  return TRUE;
}

static void
cell_colour (BwMatrixGrid *self,
             BwStatus      status,
             GdkRGBA      *colour)
{
  static const char *const normal[] = { NULL, "#e01b2440", "#e5a50a4d", "#2ec27e4d" };
  static const char *const safe[] = { NULL, "#d55e0073", "#f0e4428c", "#0072b266" };
  const char *spec = (self->colorblind ? safe : normal)[status];
  GdkRGBA fg;

  if (spec != NULL)
    {
      gdk_rgba_parse (colour, spec);
      return;
    }
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &fg);
  *colour = (GdkRGBA) { fg.red, fg.green, fg.blue, 0.05f };
}

static void
append_text (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             double         x,
             double         y,
             const GdkRGBA *colour)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) x, (float) y));
  gtk_snapshot_append_layout (snapshot, layout, colour);
  gtk_snapshot_restore (snapshot);
}

static void
outline (GtkSnapshot           *snapshot,
         const graphene_rect_t *rect,
         const GdkRGBA         *colour,
         float                  width)
{
  GskRoundedRect rounded;
  const float widths[4] = { width, width, width, width };
  const GdkRGBA colours[4] = { *colour, *colour, *colour, *colour };

  gsk_rounded_rect_init_from_rect (&rounded, rect, RADIUS);
  gtk_snapshot_append_border (snapshot, &rounded, widths, colours);
}

static void
draw_cell (BwMatrixGrid  *self,
           GtkSnapshot   *snapshot,
           guint          tactic,
           guint          position,
           double         x,
           double         y,
           const GdkRGBA *fg)
{
  const BwMatrixCell *cell = bw_matrix_layout_get_cell (self->layout, tactic, position);
  const BwTechnique *technique = bw_catalog_get_technique (self->catalog, cell->technique);
  BwStatus status = bw_matrix_layout_get_status (self->layout, tactic, position);
  double inset = cell->sub ? SUB_INSET : 0;
  double fold = cell->n_subs > 0 ? FOLD_W : 0;
  graphene_rect_t rect = GRAPHENE_RECT_INIT ((float) (x + inset), (float) y,
                                             (float) (COL_W - inset), (float) CELL_H);
  GskRoundedRect rounded;
  GdkRGBA colour, dim = *fg;
  g_autoptr(PangoLayout) name = gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                                                technique->name);
  g_autofree char *line = g_strdup_printf ("%s · %s", technique->id,
                                           bw_matrix_status_label (status));
  g_autoptr(PangoLayout) caption = gtk_widget_create_pango_layout (GTK_WIDGET (self), line);
  g_autoptr(PangoAttrList) small = pango_attr_list_new ();

  cell_colour (self, status, &colour);
  gsk_rounded_rect_init_from_rect (&rounded, &rect, RADIUS);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, &colour, &rect);
  gtk_snapshot_pop (snapshot);

  dim.alpha = status == BW_STATUS_NOT_APPLICABLE ? 0.5f : 0.8f;
  pango_layout_set_width (name, (int) ((COL_W - inset - 14 - fold) * PANGO_SCALE));
  pango_layout_set_height (name, -2);
  pango_layout_set_wrap (name, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
  append_text (snapshot, name, x + inset + 7, y + 4,
               status == BW_STATUS_NOT_APPLICABLE ? &dim : fg);
  pango_attr_list_insert (small, pango_attr_scale_new (0.85));
  pango_layout_set_attributes (caption, small);
  pango_layout_set_width (caption, (int) ((COL_W - inset - 14 - fold) * PANGO_SCALE));
  pango_layout_set_ellipsize (caption, PANGO_ELLIPSIZE_END);
  append_text (snapshot, caption, x + inset + 7, y + CELL_H - 19, &dim);

  if (cell->n_subs > 0)
    {
      gboolean open = self->all_expanded || (self->expanded && self->expanded[cell->technique]);
      g_autofree char *mark = g_strdup_printf ("%s %u", open ? "▾" : "▸", cell->n_subs);
      g_autoptr(PangoLayout) count = gtk_widget_create_pango_layout (GTK_WIDGET (self), mark);
      int w, h;

      pango_layout_get_pixel_size (count, &w, &h);
      append_text (snapshot, count, x + COL_W - 8 - w, y + (CELL_H - h) / 2, fg);
    }
  if (self->hover_tactic == (int) tactic && self->hover_position == position)
    outline (snapshot, &rect, &(GdkRGBA) { fg->red, fg->green, fg->blue, 0.35f }, 1);
  if (gtk_widget_has_focus (GTK_WIDGET (self)) && self->focus_tactic == tactic &&
      self->focus_position == position)
    {
      GdkRGBA accent;

      gdk_rgba_parse (&accent, "#3584e4");
      outline (snapshot, &rect, &accent, 2);
    }
  self->n_drawn++;
}

static void
draw_header (BwMatrixGrid  *self,
             GtkSnapshot   *snapshot,
             double         width,
             const GdkRGBA *fg)
{
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA bg, line = { fg->red, fg->green, fg->blue, 0.15f };
  double x0 = PAD - hvalue (self);

  if (!gtk_style_context_lookup_color (style, "window_bg_color", &bg))
    gdk_rgba_parse (&bg, "#fafafa");
  gtk_snapshot_append_color (snapshot, &bg, &GRAPHENE_RECT_INIT (0, 0, (float) width, HEADER_H));
  gtk_snapshot_append_color (snapshot, &line,
                             &GRAPHENE_RECT_INIT (0, HEADER_H - 1, (float) width, 1));
  for (guint c = 0; c < n_columns (self); c++)
    {
      double x = x0 + c * (COL_W + COL_GAP);
      const BwTactic *tactic = bw_catalog_get_tactic (self->catalog, c);
      g_autofree char *markup = NULL;
      g_autofree char *count = NULL;
      g_autoptr(PangoLayout) text = NULL;
      guint n = 0;

      if (x + COL_W < 0 || x > width)
        continue;
      for (guint p = 0; p < bw_matrix_layout_get_n_cells (self->layout, c); p++)
        n += !bw_matrix_layout_get_cell (self->layout, c, p)->sub;
      count = g_strdup_printf (ngettext ("%u technique", "%u techniques", n), n);
      markup = g_markup_printf_escaped ("<b>%s</b>\n<small>%s</small>", tactic->name, count);
      text = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      pango_layout_set_markup (text, markup, -1);
      pango_layout_set_width (text, (int) (COL_W * PANGO_SCALE));
      pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
      append_text (snapshot, text, x + 4, 5, fg);
    }
}

static void
bw_matrix_grid_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  BwMatrixGrid *self = BW_MATRIX_GRID (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double hx = hvalue (self);
  double vy = vvalue (self);
  guint rows = self->layout ? bw_matrix_layout_get_n_rows (self->layout) : 0;
  guint first_row, last_row;
  GdkRGBA fg;

  self->n_drawn = 0;
  if (n_columns (self) == 0)
    return;
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, (float) width, (float) height));
  first_row = (guint) (MAX (0, vy - PAD) / (CELL_H + CELL_GAP));
  last_row = MIN (rows, (guint) ((vy + height) / (CELL_H + CELL_GAP)) + 1);
  for (guint c = 0; c < n_columns (self); c++)
    {
      double x = PAD + c * (COL_W + COL_GAP) - hx;

      if (x + COL_W < 0 || x > width)
        continue;
      for (guint r = first_row; r < last_row; r++)
        if (r < bw_matrix_layout_get_n_cells (self->layout, c))
          draw_cell (self, snapshot, c, r, x, HEADER_H + PAD + r * (CELL_H + CELL_GAP) - vy, &fg);
    }
  draw_header (self, snapshot, width, &fg);
  gtk_snapshot_pop (snapshot);
}

static void
bw_matrix_grid_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  BwMatrixGrid *self = BW_MATRIX_GRID (widget);

  *minimum = 0;
  *natural = (int) (orientation == GTK_ORIENTATION_HORIZONTAL ? content_width (self)
                                                              : content_height (self));
}

static void
bw_matrix_grid_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  configure_adjustments (BW_MATRIX_GRID (widget));
}

static void
adjustment_changed_cb (BwMatrixGrid *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (BwMatrixGrid   *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (*slot == adjustment)
    return;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_data (*slot, self);
  g_clear_object (slot);
  if (adjustment != NULL)
    {
      *slot = g_object_ref_sink (adjustment);
      g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (adjustment_changed_cb),
                                self);
    }
  configure_adjustments (self);
}

/* Says the focused cell to assistive technologies, as its tooltip does. */
static void
describe_focus (BwMatrixGrid *self)
{
  const BwMatrixCell *cell =
      bw_matrix_layout_get_cell (self->layout, self->focus_tactic, self->focus_position);
  const BwTechnique *technique;
  g_autofree char *text = NULL;

  if (cell == NULL)
    return;
  technique = bw_catalog_get_technique (self->catalog, cell->technique);
  text = g_strdup_printf (_("%s %s: %s"), technique->id, technique->name,
                          bw_matrix_status_label (bw_matrix_layout_get_status (
                              self->layout, self->focus_tactic, self->focus_position)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

/* Scrolls so the focused cell is in view. */
static void
reveal_focus (BwMatrixGrid *self)
{
  double x, y;
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));

  bw_matrix_grid_cell_centre (self, self->focus_tactic, self->focus_position, &x, &y);
  if (self->hadjustment != NULL && (x - COL_W / 2 < 0 || x + COL_W / 2 > w))
    gtk_adjustment_set_value (self->hadjustment, hvalue (self) + x - w / 2);
  if (self->vadjustment != NULL && (y - CELL_H / 2 < HEADER_H || y + CELL_H / 2 > h))
    gtk_adjustment_set_value (self->vadjustment, vvalue (self) + y - (HEADER_H + h) / 2);
  describe_focus (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
emit_for (BwMatrixGrid *self,
          guint         signal,
          guint         tactic,
          guint         position)
{
  const BwMatrixCell *cell = bw_matrix_layout_get_cell (self->layout, tactic, position);

  if (cell != NULL)
    g_signal_emit (self, signals[signal], 0, cell->technique);
}

static void
released_cb (BwMatrixGrid   *self,
             int             n_press,
             double          x,
             double          y,
             GtkGestureClick *gesture)
{
  guint tactic, position;
  gboolean on_fold = FALSE;

  if (!bw_matrix_grid_cell_at (self, x, y, &tactic, &position, &on_fold))
    return;
  self->focus_tactic = tactic;
  self->focus_position = position;
  describe_focus (self);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  emit_for (self, on_fold ? FOLD_TOGGLED : TECHNIQUE_ACTIVATED, tactic, position);
}

static void
motion_cb (BwMatrixGrid             *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *motion)
{
  guint tactic, position;
  int hover = -1;

  if (bw_matrix_grid_cell_at (self, x, y, &tactic, &position, NULL))
    hover = (int) tactic;
  if (hover != self->hover_tactic || (hover >= 0 && position != self->hover_position))
    {
      self->hover_tactic = hover;
      self->hover_position = hover >= 0 ? position : 0;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (BwMatrixGrid *self)
{
  self->hover_tactic = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
key_pressed_cb (BwMatrixGrid          *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *keys)
{
  guint n = n_columns (self);
  guint c = self->focus_tactic;
  guint r = self->focus_position;

  if (n == 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left:
      c = c > 0 ? c - 1 : 0;
      break;
    case GDK_KEY_Right:
      c = MIN (c + 1, n - 1);
      break;
    case GDK_KEY_Up:
      r = r > 0 ? r - 1 : 0;
      break;
    case GDK_KEY_Down:
      r++;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      emit_for (self, TECHNIQUE_ACTIVATED, c, r);
      return TRUE;
    case GDK_KEY_space:
      emit_for (self, FOLD_TOGGLED, c, r);
      return TRUE;
    default:
      return FALSE;
    }
  r = MIN (r, MAX (bw_matrix_layout_get_n_cells (self->layout, c), 1) - 1);
  self->focus_tactic = c;
  self->focus_position = r;
  reveal_focus (self);
  return TRUE;
}

static gboolean
query_tooltip_cb (BwMatrixGrid *self,
                  int           x,
                  int           y,
                  gboolean      keyboard,
                  GtkTooltip   *tooltip)
{
  guint tactic, position;
  gboolean on_fold = FALSE;
  const BwMatrixCell *cell;
  const BwTechnique *technique;
  g_autofree char *text = NULL;

  if (keyboard || !bw_matrix_grid_cell_at (self, x, y, &tactic, &position, &on_fold))
    return FALSE;
  cell = bw_matrix_layout_get_cell (self->layout, tactic, position);
  technique = bw_catalog_get_technique (self->catalog, cell->technique);
  if (on_fold)
    text = g_strdup_printf (ngettext ("Show or hide %u sub-technique",
                                      "Show or hide %u sub-techniques", cell->n_subs),
                            cell->n_subs);
  else
    /* TRANSLATORS: "T1595 Active Scanning: Partial" */
    text = g_strdup_printf (_("%s %s: %s"), technique->id, technique->name,
                            bw_matrix_status_label (
                                bw_matrix_layout_get_status (self->layout, tactic, position)));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
bw_matrix_grid_set_layout (BwMatrixGrid   *self,
                           BwCatalog      *catalog,
                           BwMatrixLayout *layout)
{
  g_return_if_fail (BW_IS_MATRIX_GRID (self));

  g_set_object (&self->catalog, catalog);
  self->layout = layout;
  self->focus_tactic = 0;
  self->focus_position = 0;
  bw_matrix_grid_changed (self);
}

void
bw_matrix_grid_changed (BwMatrixGrid *self)
{
  g_return_if_fail (BW_IS_MATRIX_GRID (self));

  self->hover_tactic = -1;
  configure_adjustments (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
bw_matrix_grid_set_expanded (BwMatrixGrid *self,
                             const guint8 *expanded,
                             gboolean      all)
{
  g_return_if_fail (BW_IS_MATRIX_GRID (self));

  self->expanded = expanded;
  self->all_expanded = all;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
bw_matrix_grid_set_colorblind (BwMatrixGrid *self,
                               gboolean      colorblind)
{
  g_return_if_fail (BW_IS_MATRIX_GRID (self));

  self->colorblind = !!colorblind;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
bw_matrix_grid_get_n_drawn (BwMatrixGrid *self)
{
  g_return_val_if_fail (BW_IS_MATRIX_GRID (self), 0);

  return self->n_drawn;
}

static void
bw_matrix_grid_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BwMatrixGrid *self = BW_MATRIX_GRID (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_matrix_grid_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BwMatrixGrid *self = BW_MATRIX_GRID (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_matrix_grid_dispose (GObject *object)
{
  BwMatrixGrid *self = BW_MATRIX_GRID (object);

  self->layout = NULL;
  self->expanded = NULL;
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (bw_matrix_grid_parent_class)->dispose (object);
}

static void
bw_matrix_grid_class_init (BwMatrixGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_matrix_grid_dispose;
  object_class->get_property = bw_matrix_grid_get_property;
  object_class->set_property = bw_matrix_grid_set_property;
  widget_class->snapshot = bw_matrix_grid_snapshot;
  widget_class->measure = bw_matrix_grid_measure;
  widget_class->size_allocate = bw_matrix_grid_size_allocate;

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  signals[TECHNIQUE_ACTIVATED] = g_signal_new ("technique-activated", G_TYPE_FROM_CLASS (klass),
                                               G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                               G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[FOLD_TOGGLED] = g_signal_new ("fold-toggled", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_UINT);
  gtk_widget_class_set_css_name (widget_class, "bwmatrixgrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
bw_matrix_grid_init (BwMatrixGrid *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->hover_tactic = -1;
  /* The adjustments span the whole matrix, its natural size, so the scrolled window must
   * choose its scroll bars from that size too. Choosing them from the minimum (0), it first
   * left a bar out that the adjustments then asked for, queued a second layout from inside the
   * first, and while the width changed (the page's flap sliding in) the window at times painted
   * before that layout ("Trying to snapshot AdwGizmo without a current allocation"). */
  self->hscroll_policy = GTK_SCROLL_NATURAL;
  self->vscroll_policy = GTK_SCROLL_NATURAL;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  g_signal_connect_swapped (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
}

GtkWidget *
bw_matrix_grid_new (void)
{
  return g_object_new (BW_TYPE_MATRIX_GRID, NULL);
}
