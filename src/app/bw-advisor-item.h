/* bw-advisor-item.h: one row of the Advisor's lists — a tier figure, a recommendation, an
 * attack path or a note — as the list models hold them. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  BW_ADVISOR_ITEM_NOTE,           /* dimmed text: nothing to show, or still working */
  BW_ADVISOR_ITEM_FIGURE,         /* a title with a figure beside it */
  BW_ADVISOR_ITEM_TOTAL,          /* the same, for the total */
  BW_ADVISOR_ITEM_RECOMMENDATION, /* with an Apply button for recommendation `index` */
  BW_ADVISOR_ITEM_PATH,
} BwAdvisorItemKind;

#define BW_TYPE_ADVISOR_ITEM (bw_advisor_item_get_type ())
G_DECLARE_FINAL_TYPE (BwAdvisorItem, bw_advisor_item, BW, ADVISOR_ITEM, GObject)

/* `subtitle` and `figure` may be NULL; `index` counts for recommendations only. */
BwAdvisorItem     *bw_advisor_item_new          (BwAdvisorItemKind  kind,
                                                 const char        *title,
                                                 const char        *subtitle,
                                                 const char        *figure,
                                                 guint              index);
BwAdvisorItemKind  bw_advisor_item_get_kind     (BwAdvisorItem     *self);
const char        *bw_advisor_item_get_title    (BwAdvisorItem     *self);
const char        *bw_advisor_item_get_subtitle (BwAdvisorItem     *self);
const char        *bw_advisor_item_get_figure   (BwAdvisorItem     *self);
guint              bw_advisor_item_get_index    (BwAdvisorItem     *self);

G_END_DECLS
