/* bw-drawio-build.c: turns the cells of one draw.io page into zones, nodes and edges — shapes
 * to stencils by the mapping table, containers (and shapes drawn around others) to zones nested
 * as drawn, connectors to the edge kind the edit rules admit — and reports what it leaves out. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bw-drawio-private.h"
#include "bw-edit-rules.h"

/* Room kept between a zone's border and what it holds. */
#define ZONE_PADDING 16.0

typedef struct
{
  BwCatalog      *catalog;
  BwDrawioMap    *map;
  GHashTable     *mapped;   /* shape → stencil id, chosen by hand; may be NULL */
  GPtrArray      *cells;
  GHashTable     *by_id;    /* draw.io id → cell */
  GHashTable     *index_of; /* document id → index in cells */
  const char     *page;
  BwDocument     *document;
  BwDrawioReport *report;
  const char     *group_kind;
  double          min_x, min_y;
  guint           max_depth;
} Build;

typedef struct
{
  double x, y, w, h;
} Rect;

static void
report_skipped (Build               *b,
                BwDrawioSkippedKind  kind,
                BwDrawioCell        *cell,
                char                *shape,  /* taken */
                const char          *reason)
{
  BwDrawioSkipped *s = g_new0 (BwDrawioSkipped, 1);

  s->kind = kind;
  s->cell = g_strdup (cell->id);
  s->label = g_strdup (cell->label);
  s->shape = shape;
  s->page = g_strdup (b->page);
  s->reason = g_strdup (reason);
  g_ptr_array_add (b->report->skipped, s);
}

/* What the report calls a shape: its icon image, its shape name, or the first word of its
 * style. */
static char *
shape_of (BwDrawioCell *cell)
{
  g_autofree char *image = bw_drawio_style_get (cell->style, "image");
  g_autofree char *shape = bw_drawio_style_get (cell->style, "shape");
  const char *lib;
  gsize first;

  if (image != NULL && g_str_has_prefix (image, "data:"))
    return g_strndup (image, MIN (strcspn (image, ",;"), 40));
  if (image != NULL)
    return g_strdup ((lib = strstr (image, "img/lib/")) != NULL ? lib : image);
  if (shape != NULL)
    return g_steal_pointer (&shape);
  first = strcspn (cell->style, ";");
  if (first > 0 && memchr (cell->style, '=', first) == NULL)
    return g_strndup (cell->style, first);
  return NULL;
}

/* "img/lib/azure2/networking/Azure_Firewall_Manager.svg" → "Azure_Firewall_Manager";
 * "mxgraph.office.servers.exchange_server" → "exchange_server". */
static char *
last_word (const char *name,
           char        separator)
{
  const char *start = name ? strrchr (name, separator) : NULL;
  char *word;
  char *dot;

  if (name == NULL)
    return NULL;
  word = g_strdup (start ? start + 1 : name);
  if (separator == '/' && (dot = strrchr (word, '.')) != NULL)
    *dot = '\0';
  return word;
}

static gboolean
link_cells (Build   *b,
            GError **error)
{
  for (guint i = 0; i < b->cells->len; i++)
    {
      BwDrawioCell *cell = b->cells->pdata[i];

      if (!g_hash_table_contains (b->by_id, cell->id))
        g_hash_table_insert (b->by_id, cell->id, cell);
      else
        cell->vertex = cell->edge = FALSE; /* a second cell of the same id is never drawn */
    }
  for (guint i = 0; i < b->cells->len; i++)
    {
      BwDrawioCell *cell = b->cells->pdata[i];
      guint depth = 0;

      cell->parent = cell->parent_id ? g_hash_table_lookup (b->by_id, cell->parent_id) : NULL;
      for (BwDrawioCell *up = cell->parent; up != NULL; up = up->parent)
        {
          /* Parents not yet linked are looked up on the way. */
          if (up->parent == NULL && up->parent_id != NULL)
            up->parent = g_hash_table_lookup (b->by_id, up->parent_id);
          /* draw.io shows nothing inside a hidden layer or group. */
          cell->hidden |= up->hidden;
          if (++depth > BW_DRAWIO_MAX_NESTING + 2)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("line %d: cell “%s” is nested more than %d deep, or its parents form a loop"),
                           cell->line, cell->id, BW_DRAWIO_MAX_NESTING);
              return FALSE;
            }
        }
      if (cell->vertex && cell->parent != NULL && cell->parent->edge)
        cell->role = BW_DRAWIO_CELL_EDGE_LABEL;
      else if (cell->hidden && (cell->vertex || cell->edge))
        cell->role = BW_DRAWIO_CELL_HIDDEN;
      else if (cell->edge)
        cell->role = BW_DRAWIO_CELL_EDGE;
      else if (cell->vertex && cell->parent != NULL && cell->parent->vertex)
        cell->parent->has_children = TRUE;
    }
  return TRUE;
}

static void
place (BwDrawioCell *cell)
{
  if (cell->placed)
    return;
  cell->placed = TRUE;
  cell->ax = cell->x;
  cell->ay = cell->y;
  /* A child's geometry is relative to its parent's; nesting is bounded by link_cells. */
  if (cell->parent != NULL && cell->parent->vertex)
    {
      place (cell->parent);
      cell->ax += cell->parent->ax;
      cell->ay += cell->parent->ay;
    }
  /* However deep the offsets add up, the drawing stays within what a project file holds. */
  cell->ax = CLAMP (cell->ax, -1e6, 1e6);
  cell->ay = CLAMP (cell->ay, -1e6, 1e6);
}

static gboolean
is_container_style (const char *style)
{
  g_autofree char *container = bw_drawio_style_get (style, "container");
  g_autofree char *shape = bw_drawio_style_get (style, "shape");

  return g_strcmp0 (container, "1") == 0 || bw_drawio_style_has_word (style, "swimlane") ||
         g_strcmp0 (shape, "swimlane") == 0 || bw_drawio_style_has_word (style, "group");
}

static const char *
known_stencil (Build      *b,
               const char *id)
{
  return id != NULL && bw_catalog_lookup_stencil (b->catalog, id) != NULL ? id : NULL;
}

/* A vertex's stencil: its icon by image or shape name, else keywords of its label, else
 * keywords of the icon's file or shape name. */
static void
classify (Build        *b,
          BwDrawioCell *cell)
{
  g_autofree char *image = bw_drawio_style_get (cell->style, "image");
  g_autofree char *shape = bw_drawio_style_get (cell->style, "shape");
  g_autofree char *image_word = last_word (image, '/');
  g_autofree char *shape_word = last_word (shape, '.');
  const char *id;

  if (cell->has_children || is_container_style (cell->style))
    {
      cell->role = BW_DRAWIO_CELL_ZONE;
      /* An icon holding only its captions stays an icon (collapse_captioned_icons). */
      if (!is_container_style (cell->style))
        {
          id = known_stencil (b, bw_drawio_map_lookup_image (b->map, image));
          if (id == NULL)
            id = known_stencil (b, bw_drawio_map_lookup_shape (b->map, shape));
          if (id != NULL && bw_catalog_lookup_stencil (b->catalog, id)->role != BW_ROLE_ZONE)
            {
              cell->stencil = id;
              cell->icon = TRUE;
            }
        }
      return;
    }
  if (bw_drawio_style_has_word (cell->style, "text") || g_strcmp0 (shape, "text") == 0)
    {
      cell->role = BW_DRAWIO_CELL_TEXT;
      return;
    }
  if (b->mapped != NULL)
    {
      g_autofree char *kind = shape_of (cell);

      id = kind != NULL ? known_stencil (b, g_hash_table_lookup (b->mapped, kind)) : NULL;
      if (id != NULL && bw_catalog_lookup_stencil (b->catalog, id)->role != BW_ROLE_ZONE)
        {
          cell->icon = TRUE;
          cell->stencil = id;
          cell->role = BW_DRAWIO_CELL_NODE;
          return;
        }
    }
  id = known_stencil (b, bw_drawio_map_lookup_image (b->map, image));
  if (id == NULL)
    id = known_stencil (b, bw_drawio_map_lookup_shape (b->map, shape));
  cell->icon = id != NULL;
  if (id == NULL)
    id = known_stencil (b, bw_drawio_map_lookup_keyword (b->map, cell->label));
  if (id == NULL)
    id = known_stencil (b, bw_drawio_map_lookup_keyword (b->map, image_word));
  if (id == NULL)
    id = known_stencil (b, bw_drawio_map_lookup_keyword (b->map, shape_word));
  cell->stencil = id;
  /* An icon that stands for a zone (the Azure cloud) is one only when drawn around others. */
  if (id != NULL && bw_catalog_lookup_stencil (b->catalog, id)->role == BW_ROLE_ZONE)
    cell->icon = FALSE;
  cell->role = id != NULL && !g_str_has_prefix (id, "zone.") ? BW_DRAWIO_CELL_NODE : BW_DRAWIO_CELL_SKIP;
}

/* draw.io users group an icon with a text box as its caption: such a group is the icon,
 * captioned, and not a zone. */
static void
collapse_captioned_icons (Build *b)
{
  for (guint i = 0; i < b->cells->len; i++)
    {
      BwDrawioCell *cell = b->cells->pdata[i];
      BwDrawioCell *parent = cell->parent;

      if (parent == NULL || !parent->vertex || !cell->vertex)
        continue;
      if (cell->role == BW_DRAWIO_CELL_NODE && !cell->has_children)
        {
          parent->n_nodes++;
          parent->only_node = cell;
        }
      else if (cell->role == BW_DRAWIO_CELL_TEXT)
        parent->caption = parent->caption ? parent->caption : cell;
      else
        parent->n_others++;
    }
  for (guint i = 0; i < b->cells->len; i++)
    {
      BwDrawioCell *icon = b->cells->pdata[i];

      if (icon->role == BW_DRAWIO_CELL_ZONE && icon->icon && icon->n_nodes == 0 &&
          icon->n_others == 0)
        {
          icon->role = BW_DRAWIO_CELL_NODE;
          if (*icon->label == '\0' && icon->caption != NULL)
            {
              g_free (icon->label);
              icon->label = g_strdup (icon->caption->label);
              icon->caption->role = BW_DRAWIO_CELL_OTHER;
            }
        }
    }
  for (guint i = 0; i < b->cells->len; i++)
    {
      BwDrawioCell *group = b->cells->pdata[i];
      g_autofree char *container = NULL;

      if (group->role != BW_DRAWIO_CELL_ZONE || group->n_nodes != 1 || group->n_others != 0 ||
          !bw_drawio_style_has_word (group->style, "group"))
        continue;
      container = bw_drawio_style_get (group->style, "container");
      if (g_strcmp0 (container, "1") == 0)
        continue;
      group->role = BW_DRAWIO_CELL_OTHER;
      group->stands_for = group->only_node;
      if (*group->only_node->label == '\0' && group->caption != NULL)
        {
          g_free (group->only_node->label);
          group->only_node->label = g_strdup (group->caption->label);
          group->caption->role = BW_DRAWIO_CELL_OTHER;
        }
    }
}

static gboolean
is_drawn (BwDrawioCell *cell)
{
  return cell->role == BW_DRAWIO_CELL_NODE || cell->role == BW_DRAWIO_CELL_ZONE ||
         cell->role == BW_DRAWIO_CELL_SKIP || cell->role == BW_DRAWIO_CELL_TEXT;
}

static gboolean
is_within (BwDrawioCell *cell,
           BwDrawioCell *ancestor)
{
  for (BwDrawioCell *up = cell; up != NULL; up = up->parent)
    if (up == ancestor)
      return TRUE;
  return FALSE;
}

static gboolean
encloses (BwDrawioCell *outer,
          BwDrawioCell *inner)
{
  /* Half a unit of slack: hand-drawn boxes share borders. */
  return inner->ax >= outer->ax - 0.5 && inner->ay >= outer->ay - 0.5 &&
         inner->ax + inner->w <= outer->ax + outer->w + 0.5 &&
         inner->ay + inner->h <= outer->ay + outer->h + 0.5 &&
         inner->w * inner->h < outer->w * outer->h;
}

/* A plain shape (not an icon) drawn around other shapes is a zone too — even a text box, as
 * some draw a filled one behind a group of shapes. */
static void
find_drawn_containers (Build *b)
{
  for (guint i = 0; i < b->cells->len; i++)
    {
      BwDrawioCell *outer = b->cells->pdata[i];

      if ((outer->role != BW_DRAWIO_CELL_NODE && outer->role != BW_DRAWIO_CELL_SKIP &&
           outer->role != BW_DRAWIO_CELL_TEXT) ||
          outer->icon || outer->w <= 0 || outer->h <= 0)
        continue;
      for (guint j = 0; j < b->cells->len; j++)
        {
          BwDrawioCell *inner = b->cells->pdata[j];

          if (inner == outer || !is_drawn (inner) || inner->role == BW_DRAWIO_CELL_TEXT ||
              is_within (outer, inner) || !encloses (outer, inner))
            continue;
          outer->role = BW_DRAWIO_CELL_ZONE;
          break;
        }
    }
}

static gboolean
holds_point (BwDrawioCell *zone,
             double        x,
             double        y)
{
  return x >= zone->ax && y >= zone->ay && x <= zone->ax + zone->w && y <= zone->ay + zone->h;
}

/* The zone a cell is drawn in: the smallest zone around it that lies within the container it
 * was put in (if any), else that container. */
static BwDrawioCell *
zone_of (Build        *b,
         BwDrawioCell *cell)
{
  BwDrawioCell *explicit = NULL;
  BwDrawioCell *best = NULL;
  double cx = cell->ax + cell->w / 2;
  double cy = cell->ay + cell->h / 2;

  for (BwDrawioCell *up = cell->parent; up != NULL && explicit == NULL; up = up->parent)
    if (up->role == BW_DRAWIO_CELL_ZONE)
      explicit = up;
  for (guint i = 0; i < b->cells->len; i++)
    {
      BwDrawioCell *zone = b->cells->pdata[i];

      if (zone == cell || zone->role != BW_DRAWIO_CELL_ZONE || zone == explicit ||
          (explicit != NULL && !is_within (zone, explicit)) || is_within (zone, cell))
        continue;
      if (cell->role == BW_DRAWIO_CELL_ZONE ? !encloses (zone, cell) : !holds_point (zone, cx, cy))
        continue;
      if (best == NULL || zone->w * zone->h < best->w * best->h)
        best = zone;
    }
  return best != NULL ? best : explicit;
}

static void
assign_zones (Build *b)
{
  for (guint i = 0; i < b->cells->len; i++)
    {
      BwDrawioCell *cell = b->cells->pdata[i];

      if (cell->role == BW_DRAWIO_CELL_NODE || cell->role == BW_DRAWIO_CELL_ZONE)
        cell->zone = zone_of (b, cell);
    }
  /* Mixed drawn and declared nesting can, in odd drawings, loop or go too deep: cut there. */
  for (guint i = 0; i < b->cells->len; i++)
    {
      BwDrawioCell *cell = b->cells->pdata[i];
      guint depth = 0;

      for (BwDrawioCell *up = cell->zone; up != NULL; up = up->zone)
        {
          if (up == cell || ++depth > BW_DRAWIO_MAX_NESTING)
            {
              cell->zone = NULL;
              depth = 0;
              break;
            }
        }
    }
  for (guint i = 0; i < b->cells->len; i++)
    {
      BwDrawioCell *cell = b->cells->pdata[i];

      cell->zone_depth = 0;
      for (BwDrawioCell *up = cell->zone; up != NULL; up = up->zone)
        cell->zone_depth++;
      b->max_depth = MAX (b->max_depth, cell->zone_depth);
    }
}

static const char *
zone_kind (Build        *b,
           BwDrawioCell *cell)
{
  g_autofree char *image = bw_drawio_style_get (cell->style, "image");
  g_autofree char *shape = bw_drawio_style_get (cell->style, "shape");
  g_autofree char *image_word = last_word (image, '/');
  g_autofree char *shape_word = last_word (shape, '.');
  const char *kind = known_stencil (b, bw_drawio_map_lookup_zone (b->map, cell->label));

  if (kind == NULL && cell->stencil != NULL && g_str_has_prefix (cell->stencil, "zone."))
    kind = cell->stencil;
  if (kind == NULL)
    kind = known_stencil (b, bw_drawio_map_lookup_zone (b->map, image_word));
  if (kind == NULL)
    kind = known_stencil (b, bw_drawio_map_lookup_zone (b->map, shape_word));
  return kind != NULL ? kind : b->group_kind;
}

static Rect
rect_of (Build        *b,
         BwDrawioCell *cell)
{
  Rect r;

  if (cell->role == BW_DRAWIO_CELL_ZONE)
    {
      r.x = BW_DRAWIO_MARGIN + BW_DRAWIO_SCALE * (cell->ax - b->min_x);
      r.y = BW_DRAWIO_MARGIN + BW_DRAWIO_SCALE * (cell->ay - b->min_y);
      r.w = MAX (BW_DRAWIO_SCALE * cell->w, BW_NODE_WIDTH + 2 * ZONE_PADDING);
      r.h = MAX (BW_DRAWIO_SCALE * cell->h, BW_ZONE_HEADER + BW_NODE_HEIGHT + 2 * ZONE_PADDING);
    }
  else
    {
      /* A node's card is centred where its icon was. */
      r.x = BW_DRAWIO_MARGIN + BW_DRAWIO_SCALE * (cell->ax + cell->w / 2 - b->min_x) -
            BW_NODE_WIDTH / 2;
      r.y = BW_DRAWIO_MARGIN + BW_DRAWIO_SCALE * (cell->ay + cell->h / 2 - b->min_y) -
            BW_NODE_HEIGHT / 2;
      r.w = BW_NODE_WIDTH;
      r.h = BW_NODE_HEIGHT;
    }
  return r;
}

/* Bulwark's cards are larger than icons: each zone grows, innermost first, to hold what is
 * drawn in it with its title band above. */
static void
fit_zones (Build *b,
           Rect  *rects)
{
  for (guint depth = b->max_depth; depth > 0; depth--)
    for (guint i = 0; i < b->cells->len; i++)
      {
        BwDrawioCell *cell = b->cells->pdata[i];
        Rect *c = &rects[i];
        Rect *z;
        double right, bottom;

        if (cell->zone == NULL || cell->zone_depth != depth ||
            (cell->role != BW_DRAWIO_CELL_NODE && cell->role != BW_DRAWIO_CELL_ZONE))
          continue;
        z = &rects[GPOINTER_TO_UINT (g_hash_table_lookup (b->index_of, cell->zone->doc_id))];
        right = MAX (z->x + z->w, c->x + c->w + ZONE_PADDING);
        bottom = MAX (z->y + z->h, c->y + c->h + ZONE_PADDING);
        z->x = MIN (z->x, c->x - ZONE_PADDING);
        z->y = MIN (z->y, c->y - ZONE_PADDING - BW_ZONE_HEADER);
        z->w = right - z->x;
        z->h = bottom - z->y;
      }
}

static const char *
label_or_name (Build        *b,
               BwDrawioCell *cell,
               const char   *kind)
{
  if (*cell->label != '\0')
    return cell->label;
  return bw_catalog_lookup_stencil (b->catalog, kind)->name;
}

static char *
clip_label (const char *label)
{
  /* The file format's limit on labels. */
  return g_utf8_substring (label, 0, MIN (g_utf8_strlen (label, -1), 10000));
}

static gboolean
add_objects (Build   *b,
             GError **error)
{
  g_autofree Rect *rects = g_new0 (Rect, MAX (b->cells->len, 1));
  guint n = 0;

  for (guint i = 0; i < b->cells->len; i++)
    {
      BwDrawioCell *cell = b->cells->pdata[i];

      if (cell->role != BW_DRAWIO_CELL_NODE && cell->role != BW_DRAWIO_CELL_ZONE)
        continue;
      cell->doc_id = g_strdup_printf ("%c%u", cell->role == BW_DRAWIO_CELL_ZONE ? 'z' : 'n', ++n);
      g_hash_table_insert (b->index_of, cell->doc_id, GUINT_TO_POINTER (i));
      rects[i] = rect_of (b, cell);
    }
  fit_zones (b, rects);
  for (guint depth = 0; depth <= b->max_depth; depth++)
    for (guint i = 0; i < b->cells->len; i++)
      {
        BwDrawioCell *cell = b->cells->pdata[i];
        const char *kind;
        g_autofree char *label = NULL;

        if (cell->role != BW_DRAWIO_CELL_ZONE || cell->zone_depth != depth)
          continue;
        kind = zone_kind (b, cell);
        label = clip_label (label_or_name (b, cell, kind));
        if (!bw_document_add_zone (b->document, cell->doc_id, kind, label,
                                   cell->zone ? cell->zone->doc_id : NULL, rects[i].x, rects[i].y,
                                   rects[i].w, rects[i].h, error))
          return FALSE;
        b->report->n_zones++;
      }
  for (guint i = 0; i < b->cells->len; i++)
    {
      BwDrawioCell *cell = b->cells->pdata[i];
      g_autofree char *label = NULL;

      if (cell->role != BW_DRAWIO_CELL_NODE)
        continue;
      label = clip_label (label_or_name (b, cell, cell->stencil));
      if (!bw_document_add_node (b->document, cell->doc_id, cell->stencil, label,
                                 cell->zone ? cell->zone->doc_id : NULL, rects[i].x, rects[i].y,
                                 NULL, error))
        return FALSE;
      b->report->n_nodes++;
    }
  return TRUE;
}

static BwDrawioCell *
endpoint (Build      *b,
          const char *id)
{
  BwDrawioCell *cell = id != NULL ? g_hash_table_lookup (b->by_id, id) : NULL;

  if (cell != NULL && cell->stands_for != NULL)
    return cell->stands_for;
  /* A connector drawn to a label or a part inside an icon joins the icon. */
  if (cell != NULL && cell->role != BW_DRAWIO_CELL_NODE && cell->role != BW_DRAWIO_CELL_ZONE &&
      cell->parent != NULL && cell->parent->role == BW_DRAWIO_CELL_NODE)
    return cell->parent;
  return cell;
}

static void
add_edge (Build        *b,
          BwDrawioCell *edge,
          GHashTable   *seen)
{
  BwDrawioCell *from = endpoint (b, edge->source);
  BwDrawioCell *to = endpoint (b, edge->target);
  g_autofree char *key = NULL;
  BwEdgeKind kind;
  gboolean reversed = FALSE;

  b->report->n_edges++;
  if (from == NULL || to == NULL)
    {
      report_skipped (b, BW_DRAWIO_SKIPPED_EDGE, edge, NULL, _("it is not joined to a shape at both ends"));
      return;
    }
  if (from->role == BW_DRAWIO_CELL_HIDDEN || to->role == BW_DRAWIO_CELL_HIDDEN)
    {
      report_skipped (b, BW_DRAWIO_SKIPPED_EDGE, edge, NULL,
                      _("a shape it joins is hidden in the diagram"));
      return;
    }
  if (from->doc_id == NULL || to->doc_id == NULL)
    {
      report_skipped (b, BW_DRAWIO_SKIPPED_EDGE, edge, NULL, _("a shape it joins was not imported"));
      return;
    }
  if (!bw_edit_rules_edge_kind_for (b->catalog, b->document, from->doc_id, to->doc_id, &kind, NULL))
    {
      if (!bw_edit_rules_edge_kind_for (b->catalog, b->document, to->doc_id, from->doc_id, &kind,
                                        NULL))
        {
          report_skipped (b, BW_DRAWIO_SKIPPED_EDGE, edge, NULL,
                          _("no connection joins these two: a service protects assets and zones, "
                            "telemetry goes to a collector or Sentinel, and flows join assets"));
          return;
        }
      reversed = TRUE;
    }
  key = g_strdup_printf ("%d %s %s", kind, reversed ? to->doc_id : from->doc_id,
                         reversed ? from->doc_id : to->doc_id);
  if (!g_hash_table_add (seen, g_steal_pointer (&key)))
    {
      report_skipped (b, BW_DRAWIO_SKIPPED_EDGE, edge, NULL, _("the same connection is drawn twice"));
      return;
    }
  if (bw_document_add_edge (b->document, NULL, kind, reversed ? to->doc_id : from->doc_id,
                            reversed ? from->doc_id : to->doc_id, NULL) != NULL)
    {
      b->report->n_edges_kept++;
      b->report->n_edges_reversed += reversed;
    }
}

static const char *
group_kind (BwCatalog *catalog)
{
  if (bw_catalog_lookup_stencil (catalog, "zone.group") != NULL)
    return "zone.group";
  /* An imported catalog from before the Group zone: any zone will hold the shapes. */
  for (guint i = 0; i < bw_catalog_get_n_stencils (catalog); i++)
    if (bw_catalog_get_stencil (catalog, i)->role == BW_ROLE_ZONE)
      return bw_catalog_get_stencil (catalog, i)->id;
  return NULL;
}

gboolean
bw_drawio_build (BwCatalog       *catalog,
                 BwDrawioMap     *map,
                 GHashTable      *mapped,
                 GPtrArray       *cells,
                 const char      *page,
                 BwDocument      *document,
                 BwDrawioReport  *report,
                 GError         **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) index_of = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Build b = { catalog,     map,         mapped,   cells,  by_id,
              index_of,    page,        document, report, group_kind (catalog),
              G_MAXDOUBLE, G_MAXDOUBLE, 0 };

  if (b.group_kind == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("the catalog has no zones"));
      return FALSE;
    }
  if (!link_cells (&b, error))
    return FALSE;
  for (guint i = 0; i < cells->len; i++)
    {
      BwDrawioCell *cell = cells->pdata[i];

      place (cell);
      if (cell->vertex && cell->role == BW_DRAWIO_CELL_OTHER)
        classify (&b, cell);
    }
  collapse_captioned_icons (&b);
  find_drawn_containers (&b);
  assign_zones (&b);
  for (guint i = 0; i < cells->len; i++)
    {
      BwDrawioCell *cell = cells->pdata[i];

      if (cell->role == BW_DRAWIO_CELL_NODE || cell->role == BW_DRAWIO_CELL_ZONE)
        {
          b.min_x = MIN (b.min_x, cell->ax);
          b.min_y = MIN (b.min_y, cell->ay);
        }
      if (is_drawn (cell))
        report->n_shapes++;
      if (cell->role == BW_DRAWIO_CELL_HIDDEN)
        report_skipped (&b, BW_DRAWIO_SKIPPED_HIDDEN, cell, shape_of (cell), NULL);
      else if (cell->role == BW_DRAWIO_CELL_SKIP)
        report_skipped (&b, BW_DRAWIO_SKIPPED_SHAPE, cell, shape_of (cell), NULL);
      else if (cell->role == BW_DRAWIO_CELL_TEXT && *cell->label != '\0')
        report_skipped (&b, BW_DRAWIO_SKIPPED_TEXT, cell, shape_of (cell), NULL);
    }
  if (!add_objects (&b, error))
    return FALSE;
  for (guint i = 0; i < cells->len; i++)
    if (((BwDrawioCell *) cells->pdata[i])->role == BW_DRAWIO_CELL_EDGE)
      add_edge (&b, cells->pdata[i], seen);
  return TRUE;
}
