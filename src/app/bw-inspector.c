/* bw-inspector.c: the inspector — a preferences-style page about the selected object whose
 * every edit goes through BwHistory, so it can be undone. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-inspector.h"

struct _BwInspector
{
  GtkWidget   parent_instance;

  BwDocument *document;
  BwHistory  *history;
  BwCatalog  *catalog;
  char       *target;
  guint       n_selected;
  gboolean    rebuilding;
  gboolean    applying;   /* our own edit is going in: the widgets already show it */

  GtkWidget  *scrolled;
  GtkWidget  *page;       /* rebuilt for each target */
  GtkWidget  *label_row;  /* AdwEntryRow */
};

G_DEFINE_FINAL_TYPE (BwInspector, bw_inspector, GTK_TYPE_WIDGET)

enum
{
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild (BwInspector *self);

static void
report (BwInspector *self,
        GError      *error)
{
  if (error != NULL)
    g_signal_emit (self, signals[ERROR], 0, error->message);
}

static void
label_apply_cb (BwInspector *self,
                AdwEntryRow *row)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (self->target == NULL || self->rebuilding)
    return;
  if (!bw_history_set_label (self->history, self->target, text, &error))
    report (self, error);
}

static void
capability_toggled_cb (GtkSwitch   *toggle,
                       GParamSpec  *pspec,
                       BwInspector *self)
{
  const char *capability = g_object_get_data (G_OBJECT (toggle), "bw-capability");
  g_autoptr(GError) error = NULL;

  if (self->rebuilding || self->target == NULL)
    return;
  self->applying = TRUE;
  if (!bw_history_set_capability_enabled (self->history, self->target, capability,
                                          gtk_switch_get_active (toggle), &error))
    report (self, error);
  self->applying = FALSE;
}

/* "Windows, Linux" → { "Windows", "Linux" }; NULL when nothing is left, meaning the stencil's
 * own platforms. */
static char **
parse_platforms (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) platforms = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  platforms = g_strv_builder_end (builder);
  return platforms[0] != NULL ? g_steal_pointer (&platforms) : NULL;
}

static void
platforms_apply_cb (BwInspector *self,
                    AdwEntryRow *row)
{
  g_auto(GStrv) platforms = NULL;
  g_autoptr(GError) error = NULL;

  if (self->rebuilding || self->target == NULL)
    return;
  platforms = parse_platforms (gtk_editable_get_text (GTK_EDITABLE (row)));
  self->applying = TRUE;
  if (!bw_history_set_platforms (self->history, self->target, (const char *const *) platforms,
                                 &error))
    report (self, error);
  self->applying = FALSE;
}

static void
edge_kind_cb (AdwComboRow *row,
              GParamSpec  *pspec,
              BwInspector *self)
{
  g_autoptr(GError) error = NULL;

  if (self->rebuilding || self->target == NULL)
    return;
  if (!bw_history_set_edge_kind (self->history, self->target,
                                 (BwEdgeKind) adw_combo_row_get_selected (row), &error))
    report (self, error);
}

static GtkWidget *
info_row (const char *title,
          const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static GtkWidget *
entry_row (BwInspector *self,
           const char  *title,
           const char  *text,
           GCallback    apply)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect_swapped (row, "apply", apply, self);
  g_signal_connect_swapped (row, "entry-activated", apply, self);
  return row;
}

static const char *
zone_label (BwInspector *self,
            const char  *zone_id)
{
  const BwZone *zone = zone_id ? bw_document_lookup_zone (self->document, zone_id) : NULL;

  return zone ? zone->label : _("None");
}

static void
build_node (BwInspector  *self,
            GtkWidget    *page,
            const BwNode *node)
{
  const BwStencil *stencil = bw_catalog_lookup_stencil (self->catalog, node->kind);
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   stencil ? stencil->name : node->kind);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         stencil ? bw_role_to_string (stencil->role) : _("Unknown kind"));
  self->label_row = entry_row (self, _("Label"), node->label, G_CALLBACK (label_apply_cb));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->label_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), info_row (_("Kind"), node->kind));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             info_row (_("Zone"), zone_label (self, node->zone)));
  if (stencil != NULL && stencil->pillar != NULL)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               info_row (_("Zero Trust pillar"), stencil->pillar));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  if (stencil != NULL && stencil->role == BW_ROLE_ASSET)
    {
      g_autofree char *defaults = g_strjoinv (", ", stencil->platforms);
      g_auto(GStrv) override = bw_node_dup_platforms (node);
      g_autofree char *current = override ? g_strjoinv (", ", override) : NULL;
      g_autofree char *description = NULL;
      GtkWidget *platforms_group = adw_preferences_group_new ();
      GtkWidget *row;
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (platforms_group), _("Platforms"));
      description = g_strdup_printf (_("Default: %s. Leave empty to use it."), defaults);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (platforms_group), description);
      row = entry_row (self, _("Override"), current, G_CALLBACK (platforms_apply_cb));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (platforms_group), row);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (platforms_group));
    }

  if (stencil != NULL && stencil->role == BW_ROLE_SERVICE)
    {
      GtkWidget *caps = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (caps), _("Capabilities"));
      if (stencil->capabilities[0] == NULL)
        adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (caps),
                                               _("This service adds no mapped ATT&CK coverage."));
      for (guint i = 0; stencil->capabilities[i] != NULL; i++)
        {
          const BwCapability *cap = bw_catalog_lookup_capability (self->catalog,
                                                                  stencil->capabilities[i]);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *toggle = gtk_switch_new ();
          g_autofree char *subtitle = NULL;

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                         cap ? cap->name : stencil->capabilities[i]);
          subtitle = g_strdup_printf (ngettext ("%s · %u technique mapping",
                                                "%s · %u technique mappings",
                                                cap ? cap->n_entries : 0),
                                      stencil->capabilities[i], cap ? cap->n_entries : 0);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          gtk_switch_set_active (GTK_SWITCH (toggle),
                                 bw_node_get_capability_enabled (node, stencil->capabilities[i]));
          gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
          g_object_set_data_full (G_OBJECT (toggle), "bw-capability",
                                  g_strdup (stencil->capabilities[i]), g_free);
          g_signal_connect (toggle, "notify::active", G_CALLBACK (capability_toggled_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (caps), row);
        }
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (caps));
    }
}

static void
build_zone (BwInspector  *self,
            GtkWidget    *page,
            const BwZone *zone)
{
  const BwStencil *stencil = bw_catalog_lookup_stencil (self->catalog, zone->kind);
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *size = g_strdup_printf ("%g × %g", zone->w, zone->h);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   stencil ? stencil->name : zone->kind);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _("Zone"));
  self->label_row = entry_row (self, _("Label"), zone->label, G_CALLBACK (label_apply_cb));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->label_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), info_row (_("Kind"), zone->kind));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             info_row (_("Inside"), zone_label (self, zone->parent)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), info_row (_("Size"), size));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
}

static void
build_edge (BwInspector  *self,
            GtkWidget    *page,
            const BwEdge *edge)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *kind = adw_combo_row_new ();
  const char *kinds[] = { _("Protects"), _("Telemetry"), _("Flow"), NULL };
  const BwNode *from = bw_document_lookup_node (self->document, edge->from);
  const BwNode *to_node = bw_document_lookup_node (self->document, edge->to);
  const BwZone *to_zone = bw_document_lookup_zone (self->document, edge->to);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Connection"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind), _("Kind"));
  adw_combo_row_set_model (ADW_COMBO_ROW (kind), G_LIST_MODEL (gtk_string_list_new (kinds)));
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind), edge->kind);
  g_signal_connect (kind, "notify::selected", G_CALLBACK (edge_kind_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), kind);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             info_row (_("From"), from ? from->label : edge->from));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             info_row (_("To"), to_node ? to_node->label
                                                : to_zone ? to_zone->label : edge->to));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
}

static void
rebuild (BwInspector *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  const BwNode *node = NULL;
  const BwZone *zone = NULL;
  const BwEdge *edge = NULL;

  self->rebuilding = TRUE;
  self->label_row = NULL;

  if (self->document != NULL && self->target != NULL)
    {
      node = bw_document_lookup_node (self->document, self->target);
      zone = bw_document_lookup_zone (self->document, self->target);
      edge = bw_document_lookup_edge (self->document, self->target);
    }

  if (node != NULL)
    build_node (self, page, node);
  else if (zone != NULL)
    build_zone (self, page, zone);
  else if (edge != NULL)
    build_edge (self, page, edge);
  else
    {
      GtkWidget *status = adw_status_page_new ();
      g_autofree char *text = NULL;

      if (self->n_selected > 1)
        text = g_strdup_printf (ngettext ("%u object selected", "%u objects selected",
                                          self->n_selected), self->n_selected);
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "document-properties-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), text ? text : _("Nothing Selected"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       _("Select a zone, asset, service or connection to edit it"));
      gtk_widget_add_css_class (status, "compact");
      page = status;
    }

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), page);
  self->page = page;
  self->rebuilding = FALSE;
}

static void
document_changed_cb (BwInspector    *self,
                     const BwChange *change,
                     BwDocument     *document)
{
  /* Rebuild only when our object changed, and not while its label is being typed. */
  if (self->target == NULL)
    return;
  if (change->type != BW_CHANGE_RESET && g_strcmp0 (change->id, self->target) != 0)
    return;
  if (change->type == BW_CHANGE_MODIFY && change->fields == BW_FIELD_GEOMETRY)
    return;
  /* Rebuilding now would destroy the switch or row whose signal is being handled. */
  if (self->applying && change->type == BW_CHANGE_MODIFY && change->fields == BW_FIELD_PROPS)
    return;
  if (change->type == BW_CHANGE_MODIFY && change->fields == BW_FIELD_LABEL && self->label_row)
    {
      const char *label = NULL;
      const BwNode *node = bw_document_lookup_node (document, self->target);
      const BwZone *zone = bw_document_lookup_zone (document, self->target);

      label = node ? node->label : zone ? zone->label : NULL;
      if (label && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->label_row)), label) != 0)
        {
          self->rebuilding = TRUE;
          gtk_editable_set_text (GTK_EDITABLE (self->label_row), label);
          self->rebuilding = FALSE;
        }
      return;
    }
  rebuild (self);
}

void
bw_inspector_set_model (BwInspector *self,
                        BwDocument  *document,
                        BwHistory   *history,
                        BwCatalog   *catalog)
{
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, document_changed_cb, self);
  g_set_object (&self->document, document);
  g_set_object (&self->history, history);
  g_set_object (&self->catalog, catalog);
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self,
                             G_CONNECT_SWAPPED);
  g_clear_pointer (&self->target, g_free);
  rebuild (self);
}

void
bw_inspector_set_target (BwInspector *self,
                         const char  *id,
                         guint        n_selected)
{
  if (g_strcmp0 (id, self->target) == 0 && n_selected == self->n_selected)
    return;
  g_free (self->target);
  self->target = g_strdup (id);
  self->n_selected = n_selected;
  rebuild (self);
}

static void
bw_inspector_dispose (GObject *object)
{
  BwInspector *self = BW_INSPECTOR (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, document_changed_cb, self);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_object (&self->document);
  g_clear_object (&self->history);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->target, g_free);

  G_OBJECT_CLASS (bw_inspector_parent_class)->dispose (object);
}

static void
bw_inspector_class_init (BwInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_inspector_dispose;
  signals[ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bwinspector");
}

static void
bw_inspector_init (BwInspector *self)
{
  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
}

GtkWidget *
bw_inspector_new (void)
{
  return g_object_new (BW_TYPE_INSPECTOR, NULL);
}
