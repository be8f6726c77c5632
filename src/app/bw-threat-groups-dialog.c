/* bw-threat-groups-dialog.c: picking the threat profile's groups. The rows are made from a
 * filtered list of group ids, so a search rebuilds no more rows than it shows; what is checked
 * lives in a set, not in the rows. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-threat-groups-dialog.h"

struct _BwThreatGroupsDialog
{
  AdwWindow        parent_instance;

  GtkSearchEntry  *search;
  GtkListBox      *list;

  BwCatalog       *catalog;
  GHashTable      *chosen;     /* group id, owned */
  GHashTable      *haystacks;  /* group id → casefolded name, id and aliases */
  GtkStringList   *ids;        /* every group id, in catalog order */
  GtkCustomFilter *filter;
};

G_DEFINE_FINAL_TYPE (BwThreatGroupsDialog, bw_threat_groups_dialog, ADW_TYPE_WINDOW)

enum
{
  APPLY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
group_matches (gpointer item,
               gpointer data)
{
  BwThreatGroupsDialog *self = data;
  const char *id = gtk_string_object_get_string (item);
  g_autofree char *needle =
      g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search)), -1);
  const char *haystack = g_hash_table_lookup (self->haystacks, id);

  return *needle == '\0' || (haystack != NULL && strstr (haystack, needle) != NULL);
}

static void
search_changed_cb (BwThreatGroupsDialog *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
check_toggled_cb (GtkCheckButton       *check,
                  BwThreatGroupsDialog *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "bw-id");

  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->chosen, g_strdup (id));
  else
    g_hash_table_remove (self->chosen, id);
}

static GtkWidget *
create_row (gpointer item,
            gpointer data)
{
  BwThreatGroupsDialog *self = data;
  const char *id = gtk_string_object_get_string (item);
  const BwGroup *g = bw_catalog_lookup_group (self->catalog, id);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *aliases = g_strjoinv (", ", g->aliases);
  g_autofree char *subtitle = NULL;

  subtitle = *aliases ? g_strdup_printf (ngettext ("%s · %s · %u technique",
                                                   "%s · %s · %u techniques", g->n_techniques),
                                         g->id, aliases, g->n_techniques)
                      : g_strdup_printf (ngettext ("%s · %u technique", "%s · %u techniques",
                                                   g->n_techniques),
                                         g->id, g->n_techniques);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (self->chosen, id));
  g_object_set_data_full (G_OBJECT (check), "bw-id", g_strdup (id), g_free);
  g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self, 0);
  return row;
}

static void
apply_clicked_cb (BwThreatGroupsDialog *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->ids));

  for (guint i = 0; i < n; i++)
    {
      const char *id = gtk_string_list_get_string (self->ids, i);

      if (g_hash_table_contains (self->chosen, id))
        g_ptr_array_add (ids, (gpointer) id);
    }
  g_ptr_array_add (ids, NULL);
  g_signal_emit (self, signals[APPLY], 0, (char **) ids->pdata);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Typing goes to the search first. */
static void
bw_threat_groups_dialog_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (bw_threat_groups_dialog_parent_class)->map (widget);
  gtk_widget_grab_focus (GTK_WIDGET (BW_THREAT_GROUPS_DIALOG (widget)->search));
}

static void
bw_threat_groups_dialog_dispose (GObject *object)
{
  BwThreatGroupsDialog *self = BW_THREAT_GROUPS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BW_TYPE_THREAT_GROUPS_DIALOG);
  g_clear_object (&self->catalog);
  g_clear_object (&self->ids);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->chosen, g_hash_table_unref);
  g_clear_pointer (&self->haystacks, g_hash_table_unref);

  G_OBJECT_CLASS (bw_threat_groups_dialog_parent_class)->dispose (object);
}

static void
bw_threat_groups_dialog_class_init (BwThreatGroupsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_threat_groups_dialog_dispose;
  widget_class->map = bw_threat_groups_dialog_map;
  signals[APPLY] = g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRV);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/bw-threat-groups-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BwThreatGroupsDialog, search);
  gtk_widget_class_bind_template_child (widget_class, BwThreatGroupsDialog, list);
  gtk_widget_class_bind_template_callback (widget_class, apply_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, gtk_window_destroy);
}

static void
bw_threat_groups_dialog_init (BwThreatGroupsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->haystacks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->ids = gtk_string_list_new (NULL);
}

BwThreatGroupsDialog *
bw_threat_groups_dialog_new (GtkWindow         *parent,
                             BwCatalog         *catalog,
                             const char *const *chosen)
{
  BwThreatGroupsDialog *self = g_object_new (BW_TYPE_THREAT_GROUPS_DIALOG,
                                             "transient-for", parent, NULL);
  GtkFilterListModel *filtered;

  self->catalog = g_object_ref (catalog);
  for (guint i = 0; chosen != NULL && chosen[i] != NULL; i++)
    g_hash_table_add (self->chosen, g_strdup (chosen[i]));
  for (guint i = 0; i < bw_catalog_get_n_groups (catalog); i++)
    {
      const BwGroup *g = bw_catalog_get_group (catalog, i);
      g_autofree char *aliases = g_strjoinv (", ", g->aliases);
      g_autofree char *text = g_strconcat (g->name, " ", g->id, " ", aliases, NULL);

      gtk_string_list_append (self->ids, g->id);
      g_hash_table_insert (self->haystacks, g_strdup (g->id), g_utf8_casefold (text, -1));
    }

  self->filter = gtk_custom_filter_new (group_matches, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->ids)),
                                        GTK_FILTER (g_object_ref (self->filter)));
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (filtered), create_row, self, NULL);
  g_object_unref (filtered);
  return self;
}
