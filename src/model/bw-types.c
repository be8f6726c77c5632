/* bw-types.c: the string forms of Bulwark's small enumerations, as they appear in files, and
 * a status in words for a reader. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-types.h"

static const char *const edge_kinds[] = { "protects", "telemetry", "flow" };
static const char *const roles[] = { "zone", "asset", "service", "collector" };
static const char *const categories[] = { "protect", "detect", "respond" };
static const char *const scores[] = { "none", "minimal", "partial", "significant" };
static const char *const statuses[] = { "not_applicable", "gap", "partial", "covered" };

static gboolean
lookup (const char *const *names,
        guint              n_names,
        const char        *str,
        int               *out_value)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    {
      if (g_str_equal (names[i], str))
        {
          *out_value = (int) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
bw_edge_kind_to_string (BwEdgeKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (edge_kinds), NULL);
  return edge_kinds[kind];
}

gboolean
bw_edge_kind_from_string (const char *str,
                          BwEdgeKind *out_kind)
{
  int value;

  if (!lookup (edge_kinds, G_N_ELEMENTS (edge_kinds), str, &value))
    return FALSE;
  *out_kind = (BwEdgeKind) value;
  return TRUE;
}

const char *
bw_role_to_string (BwRole role)
{
  g_return_val_if_fail (role < G_N_ELEMENTS (roles), NULL);
  return roles[role];
}

gboolean
bw_role_from_string (const char *str,
                     BwRole     *out_role)
{
  int value;

  if (!lookup (roles, G_N_ELEMENTS (roles), str, &value))
    return FALSE;
  *out_role = (BwRole) value;
  return TRUE;
}

const char *
bw_category_to_string (BwCategory category)
{
  g_return_val_if_fail (category < G_N_ELEMENTS (categories), NULL);
  return categories[category];
}

gboolean
bw_category_from_string (const char *str,
                         BwCategory *out_category)
{
  int value;

  if (!lookup (categories, G_N_ELEMENTS (categories), str, &value))
    return FALSE;
  *out_category = (BwCategory) value;
  return TRUE;
}

const char *
bw_score_to_string (BwScore score)
{
  g_return_val_if_fail (score < G_N_ELEMENTS (scores), NULL);
  return scores[score];
}

gboolean
bw_score_from_string (const char *str,
                      BwScore    *out_score)
{
  int value;

  if (!lookup (scores, G_N_ELEMENTS (scores), str, &value))
    return FALSE;
  *out_score = (BwScore) value;
  return TRUE;
}

const char *
bw_status_to_string (BwStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (statuses), NULL);
  return statuses[status];
}

const char *
bw_status_describe (BwStatus status)
{
  switch (status)
    {
    case BW_STATUS_COVERED:
      return _("covered");
    case BW_STATUS_PARTIAL:
      return _("partial");
    case BW_STATUS_GAP:
      return _("gap");
    case BW_STATUS_NOT_APPLICABLE:
    default:
      return _("not applicable");
    }
}

guint
bw_pair_hash (gconstpointer key)
{
  /* Fibonacci hashing: the high half of the product depends on every bit of the key. */
  return (guint) ((*(const guint64 *) key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 32);
}
