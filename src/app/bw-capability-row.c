/* bw-capability-row.c: a capability row of the inspector (ui/bw-capability-row.ui). */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-capability-row.h"

struct _BwCapabilityRow
{
  AdwActionRow  parent_instance;

  char         *id;

  GtkSwitch    *toggle;
};

G_DEFINE_FINAL_TYPE (BwCapabilityRow, bw_capability_row, ADW_TYPE_ACTION_ROW)

enum
{
  PROP_0,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
toggle_active_cb (BwCapabilityRow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

static void
bw_capability_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BwCapabilityRow *self = BW_CAPABILITY_ROW (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      g_value_set_boolean (value, bw_capability_row_get_active (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_capability_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BwCapabilityRow *self = BW_CAPABILITY_ROW (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      gtk_switch_set_active (self->toggle, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_capability_row_dispose (GObject *object)
{
  BwCapabilityRow *self = BW_CAPABILITY_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BW_TYPE_CAPABILITY_ROW);
  g_clear_pointer (&self->id, g_free);

  G_OBJECT_CLASS (bw_capability_row_parent_class)->dispose (object);
}

static void
bw_capability_row_class_init (BwCapabilityRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = bw_capability_row_get_property;
  object_class->set_property = bw_capability_row_set_property;
  object_class->dispose = bw_capability_row_dispose;

  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, FALSE,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                  G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/bw-capability-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BwCapabilityRow, toggle);
  gtk_widget_class_bind_template_callback (widget_class, toggle_active_cb);
}

static void
bw_capability_row_init (BwCapabilityRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The row's tier note: CTID's tag, or the project's override of it. */
static char *
tier_text (const BwCapability *capability,
           guint               tier)
{
  guint tagged = capability ? capability->tier : 0;

  if (tier == 0)
    return NULL;
  if (tier == tagged)
    return g_strdup_printf (_("Microsoft 365 E%u, as CTID tags it"), tier);
  if (tagged == 0)
    return g_strdup_printf (_("Microsoft 365 E%u, set by this project"), tier);
  return g_strdup_printf (_("Microsoft 365 E%u, set by this project (CTID tags E%u)"), tier, tagged);
}

GtkWidget *
bw_capability_row_new (const char         *id,
                       const BwCapability *capability,
                       gboolean            active,
                       guint               tier)
{
  g_autofree char *tier_note = tier_text (capability, tier);
  BwCapabilityRow *self = g_object_new (BW_TYPE_CAPABILITY_ROW, NULL);
  guint n_entries = capability ? capability->n_entries : 0;
  g_autofree char *subtitle = NULL;

  self->id = g_strdup (id);
  /* Plain text: a capability's name may hold "&" or "<". */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), capability ? capability->name : id);
  subtitle = g_strdup_printf (ngettext ("%s · %u technique mapping", "%s · %u technique mappings",
                                        n_entries),
                              id, n_entries);
  if (tier_note != NULL)
    {
      g_autofree char *plain = g_steal_pointer (&subtitle);

      subtitle = g_strdup_printf ("%s · %s", plain, tier_note);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_switch_set_active (self->toggle, active);
  return GTK_WIDGET (self);
}

const char *
bw_capability_row_get_capability (BwCapabilityRow *self)
{
  g_return_val_if_fail (BW_IS_CAPABILITY_ROW (self), NULL);

  return self->id;
}

gboolean
bw_capability_row_get_active (BwCapabilityRow *self)
{
  g_return_val_if_fail (BW_IS_CAPABILITY_ROW (self), FALSE);

  return gtk_switch_get_active (self->toggle);
}
