/* bw-window-private.h: BwWindow's state, shared by the files that make up the window. */
#pragma once

#include "bw-canvas.h"
#include "bw-engine.h"
#include "bw-journal.h"
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
  BwCatalog       *catalog;
  BwDocument      *document;
  BwHistory       *history;
  BwEngine        *engine;
  GFile           *file;
  BwJournal       *journal;
  gboolean         close_confirmed;

  /* Panels (bw-window-panels.c) */
  GtkWidget       *palette;
  GtkWidget       *inspector;
  GtkWidget       *coverage;
  GtkWidget       *advisor;
  GtkLabel        *summary_label;

  GtkWidget       *catalog_banner; /* BwCatalogBanner, under the header bar */
};

BwDocument *bw_window_get_document      (BwWindow    *self);
BwHistory  *bw_window_get_history       (BwWindow    *self);
BwCanvas   *bw_window_get_canvas        (BwWindow    *self);
GFile      *bw_window_get_file          (BwWindow    *self);
void        bw_window_set_document      (BwWindow    *self,
                                         BwDocument  *document,
                                         GFile       *file);
gboolean    bw_window_load_file         (BwWindow    *self,
                                         GFile       *file,
                                         GError     **error);
gboolean    bw_window_save_to           (BwWindow    *self,
                                         GFile       *file,
                                         GError     **error);
gboolean    bw_window_is_pristine       (BwWindow    *self);
/* Opens a recovery copy: its document, marked unsaved, belonging to its original file. */
gboolean    bw_window_restore           (BwWindow    *self,
                                         const BwRecovery *recovery,
                                         GError     **error);
void        bw_window_toast             (BwWindow    *self,
                                         const char  *message);
void        bw_window_show_error        (BwWindow    *self,
                                         const char  *heading,
                                         const char  *body);

/* bw-window-panels.c: palette, inspector, coverage view and the engine that feeds them. */
void        bw_window_panels_class_init (GtkWidgetClass *widget_class);
void        bw_window_panels_init       (BwWindow    *self);
void        bw_window_panels_dispose    (BwWindow    *self);
void        bw_window_document_replaced (BwWindow    *self);
void        bw_window_selection_changed (BwWindow    *self);
/* Puts the window on another catalog: palette, engine and every figure follow. */
void        bw_window_set_catalog       (BwWindow    *self,
                                         BwCatalog   *catalog);

/* bw-window-export.c: the Export menu. */
void        bw_window_export_class_init (GtkWidgetClass *widget_class);
gboolean    bw_window_export_to         (BwWindow    *self,
                                         const char  *format, /* svg, png, pdf, layer */
                                         const char  *path,
                                         GError     **error);

gboolean    bw_window_import_threat_layer (BwWindow  *self,
                                           const char *path,
                                           GError   **error);

/* bw-window-state.c: window size and state kept in GSettings; the recent files menu. */
void        bw_window_save_state        (BwWindow    *self);
void        bw_window_restore_state     (BwWindow    *self);
void        bw_window_state_class_init  (GtkWidgetClass *widget_class);

G_END_DECLS
