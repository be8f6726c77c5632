/* bw-history-private.h: how BwHistory records a command — the primitive operations, the step
 * they make up, and the recording calls — shared by bw-history.c and bw-history-commands.c. */
#pragma once

#include "bw-document-private.h"
#include "bw-history.h"

G_BEGIN_DECLS

typedef enum
{
  OP_INSERT_ZONE,
  OP_INSERT_NODE,
  OP_INSERT_EDGE,
  OP_REMOVE_ZONE,
  OP_REMOVE_NODE,
  OP_REMOVE_EDGE,
  OP_GEOMETRY,
  OP_LABEL,
  OP_PARENT,
  OP_PROPS,
  OP_EDGE_KIND,
  OP_TITLE,
  OP_GAP,
  OP_GROUPS,
  OP_TECHNIQUES,
  OP_LICENCE,
} OpType;

typedef struct
{
  OpType      type;
  char       *id;
  int         index;        /* inserts and removes: the array position */
  BwZone     *zone;         /* copies for inserts and removes */
  BwNode     *node;
  BwEdge     *edge;
  double      old_geom[4];
  double      new_geom[4];
  char       *old_text;     /* label, parent, title */
  char       *new_text;
  JsonObject *old_props;
  JsonObject *new_props;
  int         old_kind;
  int         new_kind;
  double      old_value;
  double      new_value;
  GStrv       old_groups;
  GStrv       new_groups;
} Op;

typedef struct
{
  char      *label;
  guint      merge_id;
  GPtrArray *ops;           /* Op* */
} Step;

struct _BwHistory
{
  GObject     parent_instance;

  BwDocument *document;
  GPtrArray  *undo;         /* Step*, oldest first */
  GPtrArray  *redo;         /* Step*, next to redo last */
  Step       *open;         /* the step commands add to while a group is open */
  guint       group_depth;
  int         saved;        /* undo->len when last saved; -1 when unreachable */

  /* What the properties last announced: notify only what changed, since every motion event
   * of a drag is a command. */
  gboolean    shown_can_undo;
  gboolean    shown_can_redo;
  gboolean    shown_modified;
  char       *shown_undo_label;
  char       *shown_redo_label;

  /* The last nudge: its ids and the merge id its step carries, so the next nudge of the same
   * selection joins it. */
  char       *nudge_key;
  guint       nudge_id;
};

typedef struct
{
  BwHistory *history;
  Step      *step;
  guint      first_op;   /* operations before this index belong to earlier commands */
  gboolean   merged;     /* the step was already on the undo stack */
  gboolean   grouped;
} Command;

/* A command opens a step (or joins the open group, or the last step when merge_id matches),
 * records and applies its operations with bw_history_command_do, and bw_history_command_end
 * either commits it or, after a refused operation, takes back what it did. */
void      bw_history_command_begin (BwHistory  *self,
                                    Command    *cmd,
                                    const char *label,
                                    guint       merge_id);
/* Applies `op` and records it; frees it and returns FALSE with an error when refused. */
gboolean  bw_history_command_do    (Command    *cmd,
                                    Op         *op,
                                    GError    **error);
gboolean  bw_history_command_end   (Command    *cmd,
                                    gboolean    ok);
Op       *bw_history_op_new        (OpType      type,
                                    const char *id);

G_END_DECLS
