/* bw-canvas.c: the diagram editor widget — its model, view and selection state. Drawing is in
 * bw-canvas-draw.c, input in bw-canvas-input.c, the commands and their keys in bw-canvas-edit.c,
 * pan and zoom in a BwViewport, the selection in a BwSelection. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bw-canvas-private.h"
#include "bw-edit-rules.h"
#include "bw-overlay.h"

G_DEFINE_FINAL_TYPE (BwCanvas, bw_canvas, GTK_TYPE_WIDGET)

enum
{
  SELECTION_CHANGED,
  ERROR,
  ZONE_REPARENTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum
{
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
bw_canvas_emit_error (BwCanvas *self,
                      GError   *error)
{
  g_signal_emit (self, signals[ERROR], 0, error->message);
}

void
bw_canvas_emit_zone_reparented (BwCanvas   *self,
                                const char *zone_id,
                                const char *parent_id)
{
  g_signal_emit (self, signals[ZONE_REPARENTED], 0, zone_id, parent_id);
}

void
bw_canvas_emit_selection_changed (BwCanvas *self)
{
  bw_canvas_update_actions (self);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

void
bw_canvas_widget_to_diagram (BwCanvas *self,
                             double    wx,
                             double    wy,
                             double   *dx,
                             double   *dy)
{
  bw_viewport_widget_to_model (self->viewport, wx, wy, dx, dy);
}

void
bw_canvas_diagram_to_widget (BwCanvas *self,
                             double    dx,
                             double    dy,
                             double   *wx,
                             double   *wy)
{
  bw_viewport_model_to_widget (self->viewport, dx, dy, wx, wy);
}

double
bw_canvas_snap_value (BwCanvas *self,
                      double    v)
{
  return self->snap ? round (v / BW_CANVAS_GRID) * BW_CANVAS_GRID : v;
}

static void
document_changed_cb (BwCanvas       *self,
                     const BwChange *change,
                     BwDocument     *document)
{
  bw_layout_update_for (self->layout, change);

  /* Forget selected things that no longer exist. */
  if (change->type == BW_CHANGE_REMOVE || change->type == BW_CHANGE_RESET)
    bw_selection_prune (self->selection);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* What the load's worker thread makes for the canvas: the layout with the badges of the
 * document's first report, the report, and the scene's index of the layout. */
typedef struct
{
  BwLayout           *layout;
  BwReport           *report;
  BwCanvasSceneIndex *index;
} Prepared;

static void
prepared_free (gpointer data)
{
  Prepared *prepared = data;

  g_clear_pointer (&prepared->layout, bw_layout_unref);
  g_clear_pointer (&prepared->report, bw_report_unref);
  g_clear_pointer (&prepared->index, bw_canvas_scene_index_free);
  g_free (prepared);
}

/* On the load's worker thread: the layout reads the document and the catalog alone, its
 * badges the report alone, the index the layout alone. */
static gpointer
prepare_layout (BwDocument *document,
                BwCatalog  *catalog,
                BwReport   *report)
{
  Prepared *prepared = g_new0 (Prepared, 1);

  prepared->layout = bw_layout_new (document, catalog);
  if (report != NULL)
    {
      g_autoptr(GHashTable) coverage = bw_overlay_asset_coverage (report);

      bw_layout_set_asset_coverage (prepared->layout, coverage);
      prepared->report = bw_report_ref (report);
    }
  prepared->index = bw_canvas_scene_index_new (prepared->layout);
  return prepared;
}

/* The strip and the badges show the project's latest report. Until there is one (no catalog),
 * they stay as they were. */
static void
follow_report (BwCanvas *self)
{
  BwReport *report = self->project ? bw_project_get_report (self->project) : NULL;
  BwCatalog *catalog = self->project ? bw_project_get_catalog (self->project) : NULL;
  g_autoptr(GHashTable) coverage = NULL;

  if (report == NULL || catalog == NULL)
    return;
  bw_overlay_fill_from_report (&self->overlay, report, catalog);
  /* The badges of 100,000 assets take a while: not again for the same report (the load's
   * thread gave the layout the first one's). */
  if (self->layout != NULL && report != self->badges_report)
    {
      coverage = bw_overlay_asset_coverage (report);
      bw_layout_set_asset_coverage (self->layout, coverage);
      g_clear_pointer (&self->badges_report, bw_report_unref);
      self->badges_report = bw_report_ref (report);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Takes up the project's document, history and catalog when they are not those the canvas
 * shows: a new layout, an empty selection, no highlight, and the view fitted to it. The
 * project announces a new document and its report in either order, so both come here. */
static gboolean
follow_model (BwCanvas *self)
{
  BwDocument *document = self->project ? bw_project_get_document (self->project) : NULL;
  BwHistory *history = self->project ? bw_project_get_history (self->project) : NULL;
  BwCatalog *catalog = self->project ? bw_project_get_catalog (self->project) : NULL;

  if (document == self->document && history == self->history && catalog == self->catalog)
    return FALSE;

  g_set_object (&self->document, document);
  g_set_object (&self->history, history);
  g_set_object (&self->catalog, catalog);
  g_signal_group_set_target (self->document_signals, document);
  g_clear_pointer (&self->layout, bw_layout_unref);
  g_clear_pointer (&self->badges_report, bw_report_unref);
  g_clear_pointer (&self->hovered, g_free);
  if (document != NULL)
    {
      /* Laid out on the load's thread when it came from a file. */
      Prepared *prepared = bw_project_take_prepared (self->project, "canvas", document);

      if (prepared != NULL)
        {
          self->layout = g_steal_pointer (&prepared->layout);
          self->badges_report = g_steal_pointer (&prepared->report);
          bw_canvas_scene_offer_index (self->scene, self->layout,
                                       g_steal_pointer (&prepared->index));
          prepared_free (prepared);
        }
      else
        self->layout = bw_layout_new (document, catalog);
      bw_layout_set_view_zoom (self->layout, bw_viewport_get_zoom (self->viewport));
    }

  self->view_set = FALSE;
  if (gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    bw_canvas_zoom_fit (self);
  bw_selection_set_document (self->selection, document);
  bw_canvas_set_highlight (self, NULL, NULL);
  return TRUE;
}

static void
project_model_cb (BwCanvas   *self,
                  GParamSpec *pspec,
                  BwProject  *project)
{
  if (follow_model (self))
    follow_report (self);
}

static void
project_report_cb (BwCanvas   *self,
                   GParamSpec *pspec,
                   BwProject  *project)
{
  follow_model (self);
  follow_report (self);
}

BwProject *
bw_canvas_get_project (BwCanvas *self)
{
  g_return_val_if_fail (BW_IS_CANVAS (self), NULL);

  return self->project;
}

void
bw_canvas_set_project (BwCanvas  *self,
                       BwProject *project)
{
  g_return_if_fail (BW_IS_CANVAS (self));
  g_return_if_fail (project == NULL || BW_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;
  if (project != NULL)
    bw_project_set_prepare_func (project, "canvas", prepare_layout, prepared_free);
  g_signal_group_set_target (self->project_signals, project);
  follow_model (self);
  follow_report (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

BwDocument *
bw_canvas_get_document (BwCanvas *self)
{
  return self->document;
}

BwLayout *
bw_canvas_get_layout (BwCanvas *self)
{
  return self->layout;
}

double
bw_canvas_get_zoom (BwCanvas *self)
{
  return bw_viewport_get_zoom (self->viewport);
}

BwViewport *
bw_canvas_get_viewport (BwCanvas *self)
{
  return self->viewport;
}

/* A step (Ctrl+plus, the zoom button) shows the tiles drawn already, scaled, and draws them
 * anew once the steps rest, as a continuous zoom does: a frame that zooms reuses what it has. */
void
bw_canvas_set_zoom (BwCanvas *self,
                    double    zoom)
{
  bw_canvas_zoom_at (self, zoom, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                     gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

double
bw_canvas_usable_height (BwCanvas *self)
{
  double h = gtk_widget_get_height (GTK_WIDGET (self));

  return self->show_overlay ? MAX (h - BW_OVERLAY_HEIGHT - 24, 100) : h;
}

void
bw_canvas_zoom_fit (BwCanvas *self)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  BwRect bounds;
  BwLegend legend;

  if (self->layout == NULL || w <= 0)
    return;
  bounds = bw_layout_get_bounds (self->layout);
  self->in_fit = TRUE;
  bw_viewport_fit (self->viewport, &bounds, w, bw_canvas_usable_height (self));
  /* Beside the legend rather than under it, where that costs no zoom. */
  if (bw_canvas_get_legend (self, &legend))
    {
      double zoom = bw_viewport_get_zoom (self->viewport);
      double inset = legend.box.x + legend.box.w;

      bw_viewport_fit (self->viewport, &bounds, w - inset, bw_canvas_usable_height (self));
      if (bw_viewport_get_zoom (self->viewport) >= zoom - 1e-9)
        bw_viewport_scroll_by (self->viewport, -inset, 0);
      else
        bw_viewport_fit (self->viewport, &bounds, w, bw_canvas_usable_height (self));
    }
  self->in_fit = FALSE;
  self->view_set = TRUE;
  self->fitting = TRUE;
}

gboolean
bw_canvas_get_fitting (BwCanvas *self)
{
  g_return_val_if_fail (BW_IS_CANVAS (self), FALSE);

  return self->fitting;
}

void
bw_canvas_get_offset (BwCanvas *self,
                      double   *x,
                      double   *y)
{
  bw_viewport_get_origin (self->viewport, x, y);
}

void
bw_canvas_set_offset (BwCanvas *self,
                      double    x,
                      double    y)
{
  bw_viewport_set_origin (self->viewport, x, y);
}

GPtrArray *
bw_canvas_get_selection (BwCanvas *self)
{
  return bw_selection_get_ids (self->selection);
}

void
bw_canvas_select (BwCanvas   *self,
                  const char *id,
                  gboolean    extend)
{
  bw_selection_select (self->selection, id, extend);
}

void
bw_canvas_select_all (BwCanvas *self)
{
  bw_selection_select_all (self->selection);
}

void
bw_canvas_clear_selection (BwCanvas *self)
{
  bw_canvas_select (self, NULL, FALSE);
}

static const BwStencil *
placeable_stencil (BwCanvas   *self,
                   const char *kind,
                   GError    **error)
{
  const BwStencil *stencil = self->catalog ? bw_catalog_lookup_stencil (self->catalog, kind) : NULL;

  if (stencil == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Unknown kind “%s”"), kind);
  return stencil;
}

char *
bw_canvas_place_stencil (BwCanvas   *self,
                         const char *kind,
                         double      x,
                         double      y,
                         GError    **error)
{
  const BwStencil *stencil;
  const char *zone;
  g_autofree char *id = NULL;

  g_return_val_if_fail (self->document != NULL, NULL);

  if ((stencil = placeable_stencil (self, kind, error)) == NULL)
    return NULL;
  /* Snapped first: the zone is the one the card ends up in (bw_edit_rules_zone_at). */
  x = bw_canvas_snap_value (self, x);
  y = bw_canvas_snap_value (self, y);
  if (stencil->role == BW_ROLE_ZONE)
    {
      zone = bw_edit_rules_zone_at (self->document, x, y, NULL);
      id = bw_history_add_zone (self->history, kind, stencil->name, zone, x, y, 480, 320, error);
    }
  else
    {
      zone = bw_edit_rules_zone_at (self->document, x + BW_NODE_WIDTH / 2, y + BW_NODE_HEIGHT / 2,
                                     NULL);
      id = bw_history_add_node (self->history, kind, stencil->name, zone, x, y, error);
    }
  if (id != NULL)
    bw_canvas_select (self, id, FALSE);
  return g_steal_pointer (&id);
}

char *
bw_canvas_place_stencil_in_free_space (BwCanvas   *self,
                                       const char *kind,
                                       double      x,
                                       double      y,
                                       GError    **error)
{
  const BwStencil *stencil;
  const BwZone *zone;
  double grow = 0;
  g_autofree char *id = NULL;

  g_return_val_if_fail (self->document != NULL, NULL);

  if ((stencil = placeable_stencil (self, kind, error)) == NULL)
    return NULL;
  if (stencil->role == BW_ROLE_ZONE)
    return bw_canvas_place_stencil (self, kind, x, y, error);

  /* In the zone under the card's centre, in its free space nearest to where it was asked. */
  zone = bw_document_lookup_zone (self->document,
                                  bw_edit_rules_zone_at (self->document, x + BW_NODE_WIDTH / 2,
                                                         y + BW_NODE_HEIGHT / 2, NULL));
  bw_edit_rules_place_node (self->document, zone ? zone->id : NULL, NULL, BW_NODE_WIDTH,
                            BW_NODE_HEIGHT, &x, &y, &grow);
  bw_history_begin_group (self->history, _("Add"));
  if (grow > 0)
    bw_history_resize (self->history, zone->id, zone->x, zone->y, zone->w, grow, 0, NULL);
  id = bw_history_add_node (self->history, kind, stencil->name, zone ? zone->id : NULL, x, y,
                            error);
  bw_history_end_group (self->history);
  if (id == NULL && grow > 0)
    bw_history_undo (self->history);
  if (id != NULL)
    bw_canvas_select (self, id, FALSE);
  return g_steal_pointer (&id);
}

const BwOverlay *
bw_canvas_get_overlay (BwCanvas *self)
{
  return &self->overlay;
}

void
bw_canvas_set_show_overlay (BwCanvas *self,
                            gboolean  show)
{
  self->show_overlay = show;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
bw_canvas_get_show_legend (BwCanvas *self)
{
  g_return_val_if_fail (BW_IS_CANVAS (self), FALSE);

  return self->show_legend;
}

void
bw_canvas_set_show_legend (BwCanvas *self,
                           gboolean  show)
{
  g_return_if_fail (BW_IS_CANVAS (self));

  self->show_legend = show;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
bw_canvas_set_highlight (BwCanvas   *self,
                         GHashTable *highlighted,
                         GHashTable *marked)
{
  g_clear_pointer (&self->highlighted, g_hash_table_unref);
  g_clear_pointer (&self->marked, g_hash_table_unref);
  if (highlighted)
    self->highlighted = g_hash_table_ref (highlighted);
  if (marked)
    self->marked = g_hash_table_ref (marked);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GHashTable *
bw_canvas_get_highlighted (BwCanvas *self)
{
  g_return_val_if_fail (BW_IS_CANVAS (self), NULL);

  return self->highlighted;
}

GHashTable *
bw_canvas_get_marked (BwCanvas *self)
{
  g_return_val_if_fail (BW_IS_CANVAS (self), NULL);

  return self->marked;
}

void
bw_canvas_set_snap (BwCanvas *self,
                    gboolean  snap)
{
  self->snap = snap;
}

void
bw_canvas_set_show_grid (BwCanvas *self,
                         gboolean  show)
{
  self->show_grid = show;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
selection_changed_cb (BwCanvas    *self,
                      BwSelection *selection)
{
  bw_canvas_emit_selection_changed (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Whoever moved the view — a gesture, an action, a test — it stays as they left it. */
static void
viewport_notify_cb (BwCanvas   *self,
                    GParamSpec *pspec,
                    BwViewport *viewport)
{
  self->view_set = TRUE;
  /* A zoom or pan of the user's ends the fit that followed the canvas's size. */
  if (!self->in_fit)
    self->fitting = FALSE;
  /* The grips keep their size on screen, the text its readable size. */
  if (self->layout != NULL)
    bw_layout_set_view_zoom (self->layout, bw_viewport_get_zoom (viewport));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
bw_canvas_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  BwCanvas *self = BW_CANVAS (widget);

  if ((!self->view_set || self->fitting) && self->layout != NULL && width > 0)
    bw_canvas_zoom_fit (self);
  bw_canvas_menu_present (self);
}

static void
bw_canvas_dispose (GObject *object)
{
  BwCanvas *self = BW_CANVAS (object);

  bw_canvas_menu_dispose (self);
  g_clear_handle_id (&self->zoom_rest_id, g_source_remove);
  g_clear_handle_id (&self->more_tiles_id, g_source_remove);
  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);
  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->project);
  g_clear_object (&self->document);
  g_clear_object (&self->history);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->layout, bw_layout_unref);
  g_clear_pointer (&self->badges_report, bw_report_unref);
  g_clear_pointer (&self->painter, bw_painter_free);
  g_clear_pointer (&self->scene, bw_canvas_scene_free);
  g_clear_pointer (&self->strip_node, gsk_render_node_unref);
  g_clear_pointer (&self->legend_node, gsk_render_node_unref);
  g_clear_object (&self->viewport);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->highlighted, g_hash_table_unref);
  g_clear_pointer (&self->marked, g_hash_table_unref);
  g_clear_pointer (&self->hovered, g_free);
  g_clear_pointer (&self->drag_target, g_free);
  bw_overlay_clear (&self->overlay);

  G_OBJECT_CLASS (bw_canvas_parent_class)->dispose (object);
}

static void
bw_canvas_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BwCanvas *self = BW_CANVAS (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_canvas_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  BwCanvas *self = BW_CANVAS (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      bw_canvas_set_project (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The tiles are kept as textures of the window's renderer, and go with it. */
static void
bw_canvas_realize (GtkWidget *widget)
{
  BwCanvas *self = BW_CANVAS (widget);

  GTK_WIDGET_CLASS (bw_canvas_parent_class)->realize (widget);
  bw_canvas_scene_set_renderer (self->scene,
                                gtk_native_get_renderer (gtk_widget_get_native (widget)));
}

static void
bw_canvas_unrealize (GtkWidget *widget)
{
  BwCanvas *self = BW_CANVAS (widget);

  /* The strip and the legend are the renderer's textures too. */
  bw_canvas_drop_render_cache (self);
  bw_canvas_scene_set_renderer (self->scene, NULL);
  GTK_WIDGET_CLASS (bw_canvas_parent_class)->unrealize (widget);
}

static void
bw_canvas_class_init (BwCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_canvas_dispose;
  object_class->get_property = bw_canvas_get_property;
  object_class->set_property = bw_canvas_set_property;
  widget_class->snapshot = bw_canvas_snapshot;
  widget_class->size_allocate = bw_canvas_size_allocate;
  widget_class->realize = bw_canvas_realize;
  widget_class->unrealize = bw_canvas_unrealize;

  signals[SELECTION_CHANGED] = g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 0);
  signals[ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* A move put a zone into another (the parent's id), as the last undo step. */
  signals[ZONE_REPARENTED] = g_signal_new ("zone-reparented", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                           G_TYPE_STRING, G_TYPE_STRING);

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, BW_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "bwcanvas");
  bw_canvas_edit_class_init (widget_class);
  bw_canvas_strip_class_init (widget_class);
  bw_canvas_menu_class_init (widget_class);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
bw_canvas_init (BwCanvas *self)
{
  self->viewport = bw_viewport_new ();
  g_signal_connect_object (self->viewport, "notify", G_CALLBACK (viewport_notify_cb), self,
                           G_CONNECT_SWAPPED);
  self->guide_x = self->guide_y = NAN;
  self->show_overlay = TRUE;
  self->show_legend = TRUE;
  self->snap = TRUE;
  self->show_grid = TRUE;
  self->painter = bw_painter_new (FALSE);
  bw_painter_set_fast_lines (self->painter, TRUE);
  self->scene = bw_canvas_scene_new ();
  bw_canvas_set_frame_budget (self, BW_CANVAS_FRAME_BUDGET_MS);
  self->selection = bw_selection_new ();
  g_signal_connect_object (self->selection, "changed", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->project_signals = g_signal_group_new (BW_TYPE_PROJECT);
  g_signal_group_connect_swapped (self->project_signals, "notify::document",
                                  G_CALLBACK (project_model_cb), self);
  g_signal_group_connect_swapped (self->project_signals, "notify::catalog",
                                  G_CALLBACK (project_model_cb), self);
  g_signal_group_connect_swapped (self->project_signals, "notify::report",
                                  G_CALLBACK (project_report_cb), self);
  self->document_signals = g_signal_group_new (BW_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "changed",
                                  G_CALLBACK (document_changed_cb), self);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Diagram"), -1);

  bw_canvas_input_init (self);
  bw_canvas_menu_init (self);
  bw_canvas_tooltip_init (self);

  bw_canvas_update_actions (self);
}

GtkWidget *
bw_canvas_new (void)
{
  return g_object_new (BW_TYPE_CANVAS, NULL);
}
