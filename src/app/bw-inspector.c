/* bw-inspector.c: the inspector (ui/bw-inspector.ui) — a preferences-style page about the
 * selected object, one page each for a node, a zone and a connection. Every edit goes through a
 * BwHistory command, so it can be undone; the document's "changed" signal brings the page up to
 * date. A service's capabilities are BwCapabilityRow widgets over a model of capability ids.
 * The pages are built when the inspector first shows or is given a target: hidden behind the
 * side panel's first page at start, they would only be styled and measured for nothing. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-asset-figures.h"
#include "bw-capability-row.h"
#include "bw-inspector.h"
#include "bw-widgets.h"

struct _BwInspector
{
  GtkWidget            parent_instance;

  BwProject           *project;
  GSignalGroup        *project_signals;
  GSignalGroup        *document_signals;
  BwDocument          *document;        /* the project's, as last taken up */
  BwHistory           *history;
  BwCatalog           *catalog;
  char                *target;
  guint                n_selected;
  gboolean             built;           /* the template's widgets are there (ensure_built) */
  gboolean             rebuilding;
  gboolean             applying;        /* our own edit is going in: the widgets already show it */
  GtkStringList       *capability_ids;  /* the selected service's */

  GtkWidget           *scrolled;
  GtkStack            *stack;
  AdwStatusPage       *status;
  AdwEntryRow         *project_title;   /* on the empty page: the project's title */
  AdwEntryRow         *label_row;       /* the shown page's, or NULL */
  AdwPreferencesGroup *node_group;
  AdwEntryRow         *node_label;
  AdwActionRow        *node_kind_row;
  GtkLabel            *node_kind;
  GtkLabel            *node_zone;
  GtkWidget           *pillar_row;
  GtkLabel            *node_pillar;
  BwAssetFigures      *figures;         /* bw-asset-figures.c */
  AdwPreferencesGroup *platforms_group;
  AdwExpanderRow      *platforms_row;
  GPtrArray *platform_rows; /* AdwActionRow, one per catalog platform, in platforms_row */
  AdwPreferencesGroup *capabilities_group;
  GtkListBox          *capabilities;
  AdwExpanderRow      *scope_row;       /* a service's applies_to, with its reason */
  GPtrArray           *scope_rows;      /* AdwActionRow, one per asset kind, in scope_row */
  AdwActionRow        *includes_row;
  AdwPreferencesGroup *zone_group;
  AdwEntryRow         *zone_label;
  AdwActionRow        *zone_kind_row;
  GtkLabel            *zone_kind;
  GtkLabel            *zone_parent;
  GtkLabel            *zone_size;
  AdwComboRow         *edge_kind;
  GtkLabel            *edge_from;
  GtkLabel            *edge_to;
};

G_DEFINE_FINAL_TYPE (BwInspector, bw_inspector, GTK_TYPE_WIDGET)

enum
{
  ERROR,
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
project_title_apply_cb (BwInspector *self,
                        AdwEntryRow *row)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (self->rebuilding || self->history == NULL ||
      g_strcmp0 (text, bw_document_get_title (self->document)) == 0)
    return;
  self->applying = TRUE;
  if (!bw_history_set_title (self->history, text, &error))
    report (self, error);
  self->applying = FALSE;
}

/* The empty page's title row follows the document, but not over what is being typed. */
static void
show_project_title (BwInspector *self)
{
  const char *title = self->document != NULL ? bw_document_get_title (self->document) : "";
  const char *shown = gtk_editable_get_text (GTK_EDITABLE (self->project_title));
  gboolean was = self->rebuilding;

  if (self->applying || g_strcmp0 (title, shown) == 0)
    return;
  self->rebuilding = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->project_title), title);
  self->rebuilding = was;
}

static void
capability_toggled_cb (BwCapabilityRow *row,
                       GParamSpec      *pspec,
                       BwInspector     *self)
{
  g_autoptr(GError) error = NULL;

  if (self->rebuilding || self->target == NULL)
    return;
  self->applying = TRUE;
  if (!bw_history_set_capability_enabled (self->history, self->target,
                                          bw_capability_row_get_capability (row),
                                          bw_capability_row_get_active (row), &error))
    report (self, error);
  self->applying = FALSE;
}

/* The checked platforms: the stencil's defaults first, in their order, then the others in the
 * catalog's; NULL (the stencil's own) when that is exactly the defaults. */
static char **
checked_platforms (BwInspector     *self,
                   const BwStencil *stencil)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) checked = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) platforms = NULL;
  gboolean all_defaults = TRUE;
  guint n_others;

  for (guint i = 0; i < self->platform_rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (self->platform_rows, i);
      GtkWidget *check = adw_action_row_get_activatable_widget (row);

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        g_hash_table_add (checked,
                          (gpointer) adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
    }
  for (guint i = 0; stencil->platforms[i] != NULL; i++)
    if (g_hash_table_remove (checked, stencil->platforms[i]))
      g_strv_builder_add (builder, stencil->platforms[i]);
    else
      all_defaults = FALSE;
  n_others = g_hash_table_size (checked);
  for (guint i = 0; i < self->platform_rows->len; i++)
    {
      const char *name = adw_preferences_row_get_title (g_ptr_array_index (self->platform_rows, i));

      if (g_hash_table_contains (checked, name))
        g_strv_builder_add (builder, name);
    }
  platforms = g_strv_builder_end (builder);
  /* Exactly the defaults, or nothing checked: the stencil's own. */
  if ((all_defaults && n_others == 0) || platforms[0] == NULL)
    return NULL;
  return g_steal_pointer (&platforms);
}

static void
platform_toggled_cb (GtkCheckButton *check,
                     BwInspector    *self)
{
  const BwNode *node;
  const BwStencil *stencil;
  g_auto(GStrv) platforms = NULL;
  g_autoptr(GError) error = NULL;

  if (self->rebuilding || self->target == NULL ||
      (node = bw_document_lookup_node (self->document, self->target)) == NULL ||
      (stencil = bw_catalog_lookup_stencil (self->catalog, node->kind)) == NULL)
    return;
  platforms = checked_platforms (self, stencil);
  self->applying = TRUE;
  if (!bw_history_set_platforms (self->history, self->target, (const char *const *) platforms,
                                 &error))
    report (self, error);
  self->applying = FALSE;
}

/* One check row per platform of the catalog's release, checked as the node applies them. */
static void
show_platforms (BwInspector     *self,
                const BwNode    *node,
                const BwStencil *stencil)
{
  g_auto(GStrv) known = bw_catalog_dup_platforms (self->catalog);
  g_auto(GStrv) override = bw_node_dup_platforms (node);
  const char *const *applied = override ? (const char *const *) override
                                        : (const char *const *) stencil->platforms;
  g_autofree char *current = g_strjoinv (", ", (char **) applied);

  for (guint i = 0; i < self->platform_rows->len; i++)
    adw_expander_row_remove (self->platforms_row, g_ptr_array_index (self->platform_rows, i));
  g_ptr_array_set_size (self->platform_rows, 0);
  for (guint i = 0; known[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), known[i]);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_strv_contains (applied, known[i]));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect (check, "toggled", G_CALLBACK (platform_toggled_cb), self);
      adw_expander_row_add_row (self->platforms_row, row);
      g_ptr_array_add (self->platform_rows, row);
    }
  adw_expander_row_set_subtitle (self->platforms_row, current);
}

static void
edge_kind_cb (BwInspector *self,
              GParamSpec  *pspec,
              AdwComboRow *row)
{
  g_autoptr(GError) error = NULL;

  if (self->rebuilding || self->target == NULL)
    return;
  if (!bw_history_set_edge_kind (self->history, self->target,
                                 (BwEdgeKind) adw_combo_row_get_selected (row), &error))
    report (self, error);
}

static GtkWidget *
create_capability_row (gpointer item,
                       gpointer user_data)
{
  BwInspector *self = user_data;
  const char *id = gtk_string_object_get_string (item);
  const BwNode *node = bw_document_lookup_node (self->document, self->target);
  const BwCapability *capability = bw_catalog_lookup_capability (self->catalog, id);
  GtkWidget *row;

  row = bw_capability_row_new (id, capability,
                               node != NULL && bw_node_get_capability_enabled (node, id),
                               bw_document_get_capability_tier (self->document, id,
                                                                capability ? capability->tier : 0));
  g_signal_connect_object (row, "notify::active", G_CALLBACK (capability_toggled_cb), self, 0);
  return row;
}

/* Shows `text` as if the row had just been made: no pending edit, no apply button. */
static void
reset_entry (AdwEntryRow *row,
             const char  *text)
{
  adw_entry_row_set_show_apply_button (row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_entry_row_set_show_apply_button (row, TRUE);
}

static const char *
zone_label (BwInspector *self,
            const char  *zone_id)
{
  const BwZone *zone = zone_id ? bw_document_lookup_zone (self->document, zone_id) : NULL;

  return zone ? zone->label : _("None");
}

/* Group titles and descriptions are markup: names from the catalog ("ATT&CK", "R&D") are not. */
static void
set_group_title (AdwPreferencesGroup *group,
                 const char          *title)
{
  g_autofree char *escaped = title ? g_markup_escape_text (title, -1) : NULL;

  adw_preferences_group_set_title (group, escaped ? escaped : "");
}

static void
set_group_description (AdwPreferencesGroup *group,
                       const char          *description)
{
  g_autofree char *escaped = description ? g_markup_escape_text (description, -1) : NULL;

  adw_preferences_group_set_description (group, escaped);
}

/* Kind: the stencil's name, its id beneath. */
static void
show_kind (AdwActionRow    *row,
           GtkLabel        *label,
           const BwStencil *stencil,
           const char      *kind)
{
  gtk_label_set_text (label, stencil ? stencil->name : kind);
  adw_action_row_set_subtitle (row, stencil ? kind : "");
}

static void
show_capabilities (BwInspector     *self,
                   const BwStencil *stencil)
{
  gboolean service = stencil != NULL && stencil->role == BW_ROLE_SERVICE;
  const char *const *ids = service ? (const char *const *) stencil->capabilities : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->capabilities_group), service);
  set_group_description (self->capabilities_group,
                         service && ids[0] == NULL
                           ? _("This service adds no mapped ATT&CK coverage.")
                           : NULL);
  bw_string_list_replace (self->capability_ids, ids);
  gtk_widget_set_visible (GTK_WIDGET (self->capabilities), ids != NULL && ids[0] != NULL);
}

static char *
stencil_names (BwCatalog         *catalog,
               const char *const *ids)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      const BwStencil *s = bw_catalog_lookup_stencil (catalog, ids[i]);

      g_ptr_array_add (names, s ? s->name : (char *) ids[i]);
    }
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

/* A service's scope (DESIGN §2): the asset kinds it can protect, why, and what it bundles. */
static void
show_scope (BwInspector     *self,
            const BwStencil *stencil)
{
  gboolean service = stencil != NULL && stencil->role == BW_ROLE_SERVICE;
  gboolean includes = service && stencil->includes[0] != NULL;

  for (guint i = 0; i < self->scope_rows->len; i++)
    adw_expander_row_remove (self->scope_row, g_ptr_array_index (self->scope_rows, i));
  g_ptr_array_set_size (self->scope_rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->scope_row), service);
  gtk_widget_set_visible (GTK_WIDGET (self->includes_row), includes);
  if (!service)
    return;
  adw_expander_row_set_subtitle (self->scope_row,
                                 stencil->scope_reason
                                   ? stencil->scope_reason
                                   : stencil->applies_to[0] == NULL ? _("Any asset")
                                                                    : "");
  for (guint i = 0; stencil->applies_to[i] != NULL; i++)
    {
      const BwStencil *kind = bw_catalog_lookup_stencil (self->catalog, stencil->applies_to[i]);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     kind ? kind->name : stencil->applies_to[i]);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), stencil->applies_to[i]);
      adw_expander_row_add_row (self->scope_row, row);
      g_ptr_array_add (self->scope_rows, row);
    }
  if (includes)
    {
      g_autofree char *names = stencil_names (self->catalog,
                                              (const char *const *) stencil->includes);

      adw_action_row_set_subtitle (self->includes_row, names);
    }
}

static void
show_node (BwInspector  *self,
           const BwNode *node)
{
  const BwStencil *stencil = bw_catalog_lookup_stencil (self->catalog, node->kind);
  gboolean asset = stencil != NULL && stencil->role == BW_ROLE_ASSET;

  set_group_title (self->node_group, stencil ? stencil->name : node->kind);
  set_group_description (self->node_group,
                         stencil ? bw_role_to_string (stencil->role) : _("Unknown kind"));
  reset_entry (self->node_label, node->label);
  self->label_row = self->node_label;
  show_kind (self->node_kind_row, self->node_kind, stencil, node->kind);
  gtk_label_set_text (self->node_zone, zone_label (self, node->zone));
  gtk_widget_set_visible (self->pillar_row, stencil != NULL && stencil->pillar != NULL);
  gtk_label_set_text (self->node_pillar, stencil && stencil->pillar ? stencil->pillar : "");

  bw_asset_figures_set_asset (self->figures, asset ? node->id : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->platforms_group), asset);
  if (asset)
    {
      g_autofree char *defaults = g_strjoinv (", ", stencil->platforms);
      g_autofree char *description = g_strdup_printf (_("Default: %s. Check the platforms this asset runs."),
                                                       defaults);

      set_group_description (self->platforms_group, description);
      show_platforms (self, node, stencil);
    }
  show_scope (self, stencil);
  show_capabilities (self, stencil);
  gtk_stack_set_visible_child_name (self->stack, "node");
}

static void
show_zone (BwInspector  *self,
           const BwZone *zone)
{
  const BwStencil *stencil = bw_catalog_lookup_stencil (self->catalog, zone->kind);
  g_autofree char *size = g_strdup_printf ("%g × %g", zone->w, zone->h);

  set_group_title (self->zone_group, stencil ? stencil->name : zone->kind);
  reset_entry (self->zone_label, zone->label);
  self->label_row = self->zone_label;
  show_kind (self->zone_kind_row, self->zone_kind, stencil, zone->kind);
  gtk_label_set_text (self->zone_parent, zone_label (self, zone->parent));
  gtk_label_set_text (self->zone_size, size);
  gtk_stack_set_visible_child_name (self->stack, "zone");
}

static void
show_edge (BwInspector  *self,
           const BwEdge *edge)
{
  const BwNode *from = bw_document_lookup_node (self->document, edge->from);
  const BwNode *to_node = bw_document_lookup_node (self->document, edge->to);
  const BwZone *to_zone = bw_document_lookup_zone (self->document, edge->to);

  adw_combo_row_set_selected (self->edge_kind, edge->kind);
  gtk_label_set_text (self->edge_from, from ? from->label : edge->from);
  gtk_label_set_text (self->edge_to, to_node   ? to_node->label
                                     : to_zone ? to_zone->label
                                               : edge->to);
  gtk_stack_set_visible_child_name (self->stack, "edge");
}

static void
show_nothing (BwInspector *self)
{
  g_autofree char *text = NULL;

  if (self->n_selected > 1)
    text = g_strdup_printf (ngettext ("%u object selected", "%u objects selected",
                                      self->n_selected), self->n_selected);
  adw_status_page_set_title (self->status, text ? text : _("Nothing Selected"));
  show_project_title (self);
  show_capabilities (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* Brings the page of the target up to date with the document. */
static void
rebuild (BwInspector *self)
{
  const BwNode *node = NULL;
  const BwZone *zone = NULL;
  const BwEdge *edge = NULL;

  if (!self->built)
    return;
  self->rebuilding = TRUE;
  self->label_row = NULL;

  if (self->document != NULL && self->target != NULL)
    {
      node = bw_document_lookup_node (self->document, self->target);
      zone = bw_document_lookup_zone (self->document, self->target);
      edge = bw_document_lookup_edge (self->document, self->target);
    }

  if (node != NULL)
    show_node (self, node);
  else if (zone != NULL)
    show_zone (self, zone);
  else if (edge != NULL)
    show_edge (self, edge);
  else
    show_nothing (self);
  self->rebuilding = FALSE;
}

static void
document_changed_cb (BwInspector    *self,
                     const BwChange *change,
                     BwDocument     *document)
{
  /* Not built yet, it shows the document as it is once it is. Rebuild only when our object
   * changed, and not while its label is being typed. */
  if (!self->built)
    return;
  if (self->target == NULL)
    {
      if (change->object == BW_OBJECT_DOCUMENT)
        show_project_title (self);
      return;
    }
  if (change->type != BW_CHANGE_RESET && g_strcmp0 (change->id, self->target) != 0)
    return;
  if (change->type == BW_CHANGE_MODIFY && change->fields == BW_FIELD_GEOMETRY)
    {
      /* Moved or resized: only a zone's Size shows its geometry. */
      const BwZone *zone = bw_document_lookup_zone (document, self->target);

      if (zone != NULL)
        {
          g_autofree char *size = g_strdup_printf ("%g × %g", zone->w, zone->h);

          gtk_label_set_text (self->zone_size, size);
        }
      return;
    }
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

/* Another document, history or catalog: nothing is shown until the window names a target in
 * it. */
static void
follow_project (BwInspector *self)
{
  BwDocument *document = self->project ? bw_project_get_document (self->project) : NULL;
  BwHistory *history = self->project ? bw_project_get_history (self->project) : NULL;
  BwCatalog *catalog = self->project ? bw_project_get_catalog (self->project) : NULL;

  if (document == self->document && history == self->history && catalog == self->catalog)
    return;
  g_set_object (&self->document, document);
  g_set_object (&self->history, history);
  g_set_object (&self->catalog, catalog);
  g_signal_group_set_target (self->document_signals, document);
  g_clear_pointer (&self->target, g_free);
  rebuild (self);
}

static void
project_notify_cb (BwInspector *self,
                   GParamSpec  *pspec,
                   BwProject   *project)
{
  follow_project (self);
}

BwProject *
bw_inspector_get_project (BwInspector *self)
{
  g_return_val_if_fail (BW_IS_INSPECTOR (self), NULL);

  return self->project;
}

void
bw_inspector_set_project (BwInspector *self,
                          BwProject   *project)
{
  g_return_if_fail (BW_IS_INSPECTOR (self));
  g_return_if_fail (project == NULL || BW_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;
  g_signal_group_set_target (self->project_signals, project);
  if (self->built)
    bw_asset_figures_set_project (self->figures, project);
  follow_project (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

static void ensure_built (BwInspector *self);

void
bw_inspector_set_target (BwInspector *self,
                         const char  *id,
                         guint        n_selected)
{
  g_return_if_fail (BW_IS_INSPECTOR (self));

  if (g_strcmp0 (id, self->target) == 0 && n_selected == self->n_selected)
    return;
  g_free (self->target);
  self->target = g_strdup (id);
  self->n_selected = n_selected;
  ensure_built (self);
  rebuild (self);
}

static void
bw_inspector_map (GtkWidget *widget)
{
  ensure_built (BW_INSPECTOR (widget));
  GTK_WIDGET_CLASS (bw_inspector_parent_class)->map (widget);
}

static void
bw_inspector_dispose (GObject *object)
{
  BwInspector *self = BW_INSPECTOR (object);

  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);
  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BW_TYPE_INSPECTOR);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->project);
  self->label_row = NULL;
  g_clear_object (&self->capability_ids);
  g_clear_pointer (&self->platform_rows, g_ptr_array_unref);
  g_clear_pointer (&self->scope_rows, g_ptr_array_unref);
  g_clear_object (&self->document);
  g_clear_object (&self->history);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->target, g_free);

  G_OBJECT_CLASS (bw_inspector_parent_class)->dispose (object);
}

static void
bw_inspector_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BwInspector *self = BW_INSPECTOR (object);

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
bw_inspector_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  BwInspector *self = BW_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      bw_inspector_set_project (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_inspector_class_init (BwInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_inspector_dispose;
  g_type_ensure (BW_TYPE_ASSET_FIGURES);
  object_class->get_property = bw_inspector_get_property;
  object_class->set_property = bw_inspector_set_property;
  widget_class->map = bw_inspector_map;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, BW_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bwinspector");

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/bw-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, BwInspector, scrolled);
  gtk_widget_class_bind_template_child (widget_class, BwInspector, stack);
  gtk_widget_class_bind_template_child (widget_class, BwInspector, status);
  gtk_widget_class_bind_template_child (widget_class, BwInspector, node_group);
  gtk_widget_class_bind_template_child (widget_class, BwInspector, node_label);
  gtk_widget_class_bind_template_child (widget_class, BwInspector, node_kind_row);
  gtk_widget_class_bind_template_child (widget_class, BwInspector, node_kind);
  gtk_widget_class_bind_template_child (widget_class, BwInspector, node_zone);
  gtk_widget_class_bind_template_child (widget_class, BwInspector, pillar_row);
  gtk_widget_class_bind_template_child (widget_class, BwInspector, node_pillar);
  gtk_widget_class_bind_template_child (widget_class, BwInspector, figures);
  gtk_widget_class_bind_template_child (widget_class, BwInspector, platforms_group);
  gtk_widget_class_bind_template_child (widget_class, BwInspector, platforms_row);
  gtk_widget_class_bind_template_child (widget_class, BwInspector, capabilities_group);
  gtk_widget_class_bind_template_child (widget_class, BwInspector, capabilities);
  gtk_widget_class_bind_template_child (widget_class, BwInspector, zone_group);
  gtk_widget_class_bind_template_child (widget_class, BwInspector, zone_label);
  gtk_widget_class_bind_template_child (widget_class, BwInspector, zone_kind_row);
  gtk_widget_class_bind_template_child (widget_class, BwInspector, zone_kind);
  gtk_widget_class_bind_template_child (widget_class, BwInspector, zone_parent);
  gtk_widget_class_bind_template_child (widget_class, BwInspector, zone_size);
  gtk_widget_class_bind_template_child (widget_class, BwInspector, edge_kind);
  gtk_widget_class_bind_template_child (widget_class, BwInspector, edge_from);
  gtk_widget_class_bind_template_child (widget_class, BwInspector, edge_to);
  gtk_widget_class_bind_template_child (widget_class, BwInspector, project_title);
  gtk_widget_class_bind_template_callback (widget_class, label_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, project_title_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, edge_kind_cb);
}

static void
ensure_built (BwInspector *self)
{
  if (self->built)
    return;
  self->built = TRUE;
  self->rebuilding = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->scope_row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->scope_row), _("Can protect"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->scope_row), FALSE);
  adw_preferences_group_add (self->node_group, GTK_WIDGET (self->scope_row));
  self->includes_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->includes_row), _("Includes"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->includes_row), FALSE);
  adw_preferences_group_add (self->node_group, GTK_WIDGET (self->includes_row));
  gtk_list_box_bind_model (self->capabilities, G_LIST_MODEL (self->capability_ids),
                           create_capability_row, self, NULL);
  bw_asset_figures_set_project (self->figures, self->project);
  self->rebuilding = FALSE;
  rebuild (self);
}

static void
bw_inspector_init (BwInspector *self)
{
  self->platform_rows = g_ptr_array_new ();
  self->scope_rows = g_ptr_array_new ();
  self->capability_ids = gtk_string_list_new (NULL);

  self->project_signals = g_signal_group_new (BW_TYPE_PROJECT);
  g_signal_group_connect_swapped (self->project_signals, "notify::document",
                                  G_CALLBACK (project_notify_cb), self);
  g_signal_group_connect_swapped (self->project_signals, "notify::catalog",
                                  G_CALLBACK (project_notify_cb), self);
  self->document_signals = g_signal_group_new (BW_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "changed",
                                  G_CALLBACK (document_changed_cb), self);
}

GtkWidget *
bw_inspector_new (void)
{
  return g_object_new (BW_TYPE_INSPECTOR, NULL);
}
