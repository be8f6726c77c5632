/* bw-technique-page.h: one technique explained, as a page of the Coverage panel — what ATT&CK
 * says of it, its status, and for every asset it applies to the services, capabilities and
 * scores that cover it with CTID's comments and references, and what would cover it. */
#pragma once

#include <adwaita.h>

#include "bw-explain.h"
#include "bw-project.h"

G_BEGIN_DECLS

#define BW_TYPE_TECHNIQUE_PAGE (bw_technique_page_get_type ())
G_DECLARE_FINAL_TYPE (BwTechniquePage, bw_technique_page, BW, TECHNIQUE_PAGE, GtkWidget)

GtkWidget     *bw_technique_page_new             (void);
/* Shows `technique_id` as `project`'s document and catalog have it now (call again after a
 * change). FALSE, showing nothing, when the catalog does not know the technique. */
gboolean       bw_technique_page_show            (BwTechniquePage *self,
                                                  BwProject       *project,
                                                  const char      *technique_id);
void           bw_technique_page_clear           (BwTechniquePage *self);
/* The technique shown, or NULL. */
const char    *bw_technique_page_get_technique   (BwTechniquePage *self);
/* The explanation the rows show (owned by the page), or NULL. */
BwExplanation *bw_technique_page_get_explanation (BwTechniquePage *self);
/* The page's line saying what would cover the technique, or NULL when hidden. */
const char    *bw_technique_page_get_advice      (BwTechniquePage *self);

G_END_DECLS
