/* bw-window-private.h: BwWindow's state, shared by the files that make up the window. */
#pragma once

#include "bw-canvas.h"
#include "bw-drawio.h"
#include "bw-project.h"
#include "bw-window.h"

G_BEGIN_DECLS

struct _BwWindow
{
  AdwApplicationWindow parent_instance;

  /* Template children */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkMenuButton   *title_button;   /* around window_title: its popover sets the project's title */
  GtkEntry        *title_entry;
  BwCanvas        *canvas;
  GtkBox          *palette_box;
  GtkToggleButton *palette_button;
  GtkToggleButton *sidebar_button;
  GtkMenuButton   *export_button;
  GtkMenuButton   *primary_menu_button;
  GMenuModel      *primary_menu;   /* the two menus, given to their buttons as they first open */
  GMenuModel      *export_menu;
  GtkProgressBar  *progress;
  GMenu           *recent_section;
  guint            pulse;

  GSettings       *settings;
  /* What the window shows and edits (its "project" property, to which the canvas and the panels
   * bind in the template and which they follow themselves). The window follows its title,
   * loading state and summary through project_signals, and undo and redo through
   * history_signals (the current history's, retargeted by project_bindings whenever the project
   * takes another document). */
  BwProject       *project;
  GSignalGroup    *project_signals;
  GSignalGroup    *history_signals;
  GBindingGroup   *project_bindings;
  gboolean         close_confirmed;
  GFile           *loading_file;   /* what bw_window_open_file is reading, until it is in */
  GCancellable    *cancellable;    /* the loads bw_window_open_file began; cancelled on closing */

  /* Panels (template children; bw-window-panels.c). Each follows the window's project. */
  GtkWidget       *palette;
  AdwViewStack    *side_stack;
  GtkLabel        *summary_label;
  GtkWidget       *coverage;
  GtkWidget       *inspector;
  GtkWidget       *advisor;
  GtkToggleButton *sidebar_pin;    /* keeps the side panel's page when selecting */
  GtkWidget       *matrix;         /* BwMatrixWindow while open (bw-window-matrix.c) */

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

/* bw-window-panels.c: the side panels' template children and callbacks, and the summary line,
 * which follows the project through project_signals. */
void        bw_window_panels_class_init (GtkWidgetClass *widget_class);
void        bw_window_panels_init       (BwWindow    *self);
/* The canvas's selection is what the inspector shows and the advisor's attack paths start from. */
void        bw_window_selection_changed (BwWindow    *self);

/* bw-window-keys.c: F6 and Shift+F6 from pane to pane, Ctrl+F to the palette's search, and
 * the side panel's page following the selection unless pinned. */
void        bw_window_keys_class_init   (GtkWidgetClass *widget_class);
void        bw_window_keys_init         (BwWindow    *self);
/* The next pane (step 1) or the previous one (-1) of those shown takes the focus. */
void        bw_window_focus_pane        (BwWindow    *self,
                                         int          step);
void        bw_window_keys_selection_changed (BwWindow *self,
                                              guint     n_selected);
/* The shortcuts window (win.show-help-overlay), built when first asked for. */
GtkShortcutsWindow *bw_window_get_help_overlay (BwWindow *self);
/* bw-window-matrix.c: Coverage Matrix (win.show-matrix) and the technique pages it opens. */
void        bw_window_matrix_class_init (GtkWidgetClass *widget_class);
GtkWidget  *bw_window_show_matrix       (BwWindow    *self);
/* Lights the services covering a technique on the canvas and marks the assets where it is not
 * covered; NULL clears the highlight. */
void        bw_window_light_technique   (BwWindow    *self,
                                         const char  *technique_id);
/* Opens technique `technique_id`'s page in the Coverage panel and lights it on the canvas. */
void        bw_window_show_technique    (BwWindow    *self,
                                         const char  *technique_id);

/* bw-window-title.c: the header's title and the popover that sets the project's title. */
void        bw_window_title_class_init  (GtkWidgetClass *widget_class);

/* bw-window-chooser.c: a file type a chooser offers — its filter's name (untranslated, N_()),
 * MIME type (or NULL) and file name suffixes. */
typedef struct
{
  const char *name;
  const char *mime;
  const char *suffixes[5];
} BwChooserType;

extern const BwChooserType bw_window_project_type;

/* A modal chooser in the project's folder, offering `type`. With `name_suffix` it asks for a
 * file to write, named after the project ("estate" for a new one) with the suffix
 * ("-layer.json"); without, for a file to read. */
GtkFileChooserNative *bw_window_chooser_new (BwWindow            *self,
                                             const char          *title,
                                             const char          *accept,
                                             const char          *name_suffix,
                                             const BwChooserType *type);
void        bw_window_chooser_add_filter (GtkFileChooserNative *chooser,
                                          const BwChooserType  *type);

/* bw-window-export.c: the Export menu. */
void        bw_window_export_class_init (GtkWidgetClass *widget_class);
GtkFileChooserNative *bw_window_export_chooser_new (BwWindow   *self,
                                                    const char *format);
gboolean    bw_window_export_to         (BwWindow    *self,
                                         const char  *format, /* svg, png, pdf, layer */
                                         const char  *path,
                                         GError     **error);

/* bw-window-import.c: Import draw.io Diagram…. Imports page `page` (NULL: the first) of the
 * diagram at `path` as a new unsaved project — in this window when it holds nothing of value,
 * else in a new one, which is returned — and shows what was not imported. */
void        bw_window_import_class_init (GtkWidgetClass *widget_class);
BwWindow   *bw_window_import_drawio     (BwWindow    *self,
                                         const char  *path,
                                         const char  *page,
                                         GError     **error);
/* The same with shapes mapped by hand (see bw_drawio_import_mapped); the report dialog offers
 * a stencil for each kind of shape left out, and imports again with them into the same window. */
BwWindow   *bw_window_import_drawio_mapped (BwWindow    *self,
                                            const char  *path,
                                            const char  *page,
                                            GHashTable  *mapped,
                                            GError     **error);
/* What the file chooser's answer does: asks which page when the diagram has several, then
 * imports it; errors are shown in a dialog. */
void        bw_window_import_drawio_file (BwWindow   *self,
                                          const char *path);
/* The report's lines as the dialog lists them. */
char       *bw_window_import_report_text (const BwDrawioReport *report);

/* bw-window-compare.c: Compare With… and Compare With Saved Version. */
#include "bw-diff-dialog.h"
void          bw_window_compare_class_init (GtkWidgetClass *widget_class);
/* Opens the Compare dialog: `file` against the open document. */
BwDiffDialog *bw_window_compare_with       (BwWindow    *self,
                                            GFile       *file);

/* bw-window-csv.c: Export → Coverage as CSV…, written on a worker thread. */
void          bw_window_csv_class_init     (GtkWidgetClass *widget_class);
void          bw_window_export_csv_async   (BwWindow            *self,
                                            GFile               *file,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean      bw_window_export_csv_finish  (BwWindow      *self,
                                            GAsyncResult  *result,
                                            GError       **error);

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
