/* bw-window-private.h: BwWindow's state, shared by the files that make up the window. */
#pragma once

#include "bw-canvas.h"
#include "bw-project.h"
#include "bw-window.h"

G_BEGIN_DECLS

struct _BwWindow
{
  AdwApplicationWindow parent_instance;

  /* Template children */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  BwCanvas        *canvas;
  GtkBox          *palette_box;
  GtkBox          *sidebar_box;
  GtkToggleButton *palette_button;
  GtkToggleButton *sidebar_button;
  GtkMenuButton   *export_button;
  GtkProgressBar  *progress;
  GMenu           *recent_section;
  guint            pulse;

  GSettings       *settings;
  /* What the window shows and edits. The window, its panels and the canvas follow it through
   * project_signals (the project's notifications) and history_signals (the current history's,
   * retargeted by project_bindings whenever the project takes another document). */
  BwProject       *project;
  GSignalGroup    *project_signals;
  GSignalGroup    *history_signals;
  GBindingGroup   *project_bindings;
  gboolean         close_confirmed;

  /* Panels (bw-window-panels.c) */
  GtkWidget       *palette;
  GtkWidget       *inspector;
  GtkWidget       *coverage;
  GtkWidget       *advisor;
  GtkLabel        *summary_label;

  GtkWidget       *catalog_banner; /* BwCatalogBanner, under the header bar */
};

BwProject  *bw_window_get_project       (BwWindow    *self);
BwCanvas   *bw_window_get_canvas        (BwWindow    *self);
/* Loads `file` into the window's project now (bw_window_open_file does it in the background). */
gboolean    bw_window_load_file         (BwWindow    *self,
                                         GFile       *file,
                                         GError     **error);
/* Saves the project to `file` now, and adopts it as the project's file. */
gboolean    bw_window_save_to           (BwWindow    *self,
                                         GFile       *file,
                                         GError     **error);
void        bw_window_toast             (BwWindow    *self,
                                         const char  *message);
void        bw_window_show_error        (BwWindow    *self,
                                         const char  *heading,
                                         const char  *body);

/* bw-window-panels.c: palette, inspector, coverage view and the canvas, fed from the project:
 * its document, catalog and report. */
void        bw_window_panels_class_init (GtkWidgetClass *widget_class);
void        bw_window_panels_init       (BwWindow    *self);
/* Puts the project's document, history and catalog in the canvas and every panel. */
void        bw_window_document_replaced (BwWindow    *self);
void        bw_window_selection_changed (BwWindow    *self);

/* bw-window-export.c: the Export menu. */
void        bw_window_export_class_init (GtkWidgetClass *widget_class);
gboolean    bw_window_export_to         (BwWindow    *self,
                                         const char  *format, /* svg, png, pdf, layer */
                                         const char  *path,
                                         GError     **error);

gboolean    bw_window_import_threat_layer (BwWindow  *self,
                                           const char *path,
                                           GError   **error);

/* bw-window-azure.c: Import Azure Inventory… and Arrange. The import opens in this window when
 * it holds nothing of value, else in a new one, which is returned; `show` shows the report. */
void        bw_window_azure_class_init  (GtkWidgetClass *widget_class);
BwWindow   *bw_window_import_azure      (BwWindow    *self,
                                         const char  *path,
                                         gboolean     show,
                                         GError     **error);

/* bw-window-state.c: window size and state kept in GSettings; the recent files menu. */
void        bw_window_save_state        (BwWindow    *self);
void        bw_window_restore_state     (BwWindow    *self);
void        bw_window_state_class_init  (GtkWidgetClass *widget_class);

G_END_DECLS
