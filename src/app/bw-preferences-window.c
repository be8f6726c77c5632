/* bw-preferences-window.c: the preferences — default gap threshold, grid, overlay, and going
 * back to the shipped ATT&CK catalog. Every row is bound to GSettings. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-catalog-private.h"
#include "bw-preferences-window.h"

static GtkWidget *
switch_row (GSettings  *settings,
            const char *key,
            const char *title,
            const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  g_settings_bind (settings, key, toggle, "active", G_SETTINGS_BIND_DEFAULT);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  return row;
}

static void
threshold_changed_cb (GtkSpinButton *spin,
                      GSettings     *settings)
{
  g_settings_set_double (settings, "gap-threshold", gtk_spin_button_get_value (spin) / 100);
}

static void
reset_catalog_cb (GtkButton *button,
                  GtkWidget *window)
{
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (!bw_catalog_reset_user_catalog (&error))
    toast = adw_toast_new (error->message);
  else
    toast = adw_toast_new (_("The shipped ATT&CK catalog will be used from the next start"));
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), toast);
}

GtkWidget *
bw_preferences_window_new (GSettings *settings)
{
  GtkWidget *window = adw_preferences_window_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *coverage = adw_preferences_group_new ();
  GtkWidget *canvas = adw_preferences_group_new ();
  GtkWidget *data = adw_preferences_group_new ();
  GtkWidget *threshold_row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 100, 5);
  GtkWidget *reset_row = adw_action_row_new ();
  GtkWidget *reset = gtk_button_new_with_label (_("Reset"));

  gtk_window_set_default_size (GTK_WINDOW (window), 560, 520);
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("General"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "preferences-system-symbolic");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (coverage), _("Coverage"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (threshold_row), _("Kill-Chain Gap Threshold"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (threshold_row),
                               _("New projects mark a phase as a gap below this coverage, in percent"));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  /* The setting is a ratio; the spin button shows percent. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), g_settings_get_double (settings, "gap-threshold") * 100);
  g_signal_connect (spin, "value-changed", G_CALLBACK (threshold_changed_cb), settings);
  adw_action_row_add_suffix (ADW_ACTION_ROW (threshold_row), spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (coverage), threshold_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (coverage),
                             switch_row (settings, "show-overlay", _("Coverage Strip"),
                                         _("Show the tactic strip and kill-chain row on the canvas and in exports")));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (canvas), _("Canvas"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (canvas),
                             switch_row (settings, "show-grid", _("Grid"), _("Draw the dot grid")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (canvas),
                             switch_row (settings, "snap-to-grid", _("Snap to Grid"),
                                         _("Place and move objects in grid steps")));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (data), _("ATT&CK Data"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (reset_row), _("Imported Catalog"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (reset_row),
                               _("Forget ATT&CK data imported with “bulwark import-stix” or "
                                 "“import-mappings” and use the shipped catalog"));
  gtk_widget_set_valign (reset, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (reset, "destructive-action");
  g_signal_connect (reset, "clicked", G_CALLBACK (reset_catalog_cb), window);
  adw_action_row_add_suffix (ADW_ACTION_ROW (reset_row), reset);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (data), reset_row);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (coverage));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (canvas));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (data));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  return window;
}
