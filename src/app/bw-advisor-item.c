/* bw-advisor-item.c: one row of the Advisor's lists. */
#include "config.h"

#include "bw-advisor-item.h"

struct _BwAdvisorItem
{
  GObject            parent_instance;

  BwAdvisorItemKind  kind;
  char              *title;
  char              *subtitle;
  char              *figure;
  guint              index;
};

G_DEFINE_FINAL_TYPE (BwAdvisorItem, bw_advisor_item, G_TYPE_OBJECT)

static void
bw_advisor_item_finalize (GObject *object)
{
  BwAdvisorItem *self = BW_ADVISOR_ITEM (object);

  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->figure);

  G_OBJECT_CLASS (bw_advisor_item_parent_class)->finalize (object);
}

static void
bw_advisor_item_class_init (BwAdvisorItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bw_advisor_item_finalize;
}

static void
bw_advisor_item_init (BwAdvisorItem *self)
{
}

BwAdvisorItem *
bw_advisor_item_new (BwAdvisorItemKind  kind,
                     const char        *title,
                     const char        *subtitle,
                     const char        *figure,
                     guint              index)
{
  BwAdvisorItem *self = g_object_new (BW_TYPE_ADVISOR_ITEM, NULL);

  self->kind = kind;
  self->title = g_strdup (title);
  self->subtitle = g_strdup (subtitle);
  self->figure = g_strdup (figure);
  self->index = index;
  return self;
}

BwAdvisorItemKind
bw_advisor_item_get_kind (BwAdvisorItem *self)
{
  g_return_val_if_fail (BW_IS_ADVISOR_ITEM (self), BW_ADVISOR_ITEM_NOTE);
  return self->kind;
}

const char *
bw_advisor_item_get_title (BwAdvisorItem *self)
{
  g_return_val_if_fail (BW_IS_ADVISOR_ITEM (self), NULL);
  return self->title;
}

const char *
bw_advisor_item_get_subtitle (BwAdvisorItem *self)
{
  g_return_val_if_fail (BW_IS_ADVISOR_ITEM (self), NULL);
  return self->subtitle;
}

const char *
bw_advisor_item_get_figure (BwAdvisorItem *self)
{
  g_return_val_if_fail (BW_IS_ADVISOR_ITEM (self), NULL);
  return self->figure;
}

guint
bw_advisor_item_get_index (BwAdvisorItem *self)
{
  g_return_val_if_fail (BW_IS_ADVISOR_ITEM (self), 0);
  return self->index;
}
