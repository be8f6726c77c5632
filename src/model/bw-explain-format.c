/* bw-explain-format.c: an explanation as `bulwark explain` prints it — JSON (issue 15's shape)
 * or text. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-explain-private.h"

static void
add_strv (JsonBuilder       *b,
          const char        *key,
          const char *const *strv)
{
  json_builder_set_member_name (b, key);
  json_builder_begin_array (b);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_builder_add_string_value (b, strv[i]);
  json_builder_end_array (b);
}

static void
add_string (JsonBuilder *b,
            const char  *key,
            const char  *value)
{
  json_builder_set_member_name (b, key);
  json_builder_add_string_value (b, value);
}

static void
add_row (JsonBuilder        *b,
         const BwExplainRow *r)
{
  json_builder_begin_object (b);
  add_string (b, "service", r->service);
  add_string (b, "label", r->label);
  add_string (b, "capability", r->capability);
  add_string (b, "category", bw_category_to_string (r->category));
  add_string (b, "score", bw_score_to_string (r->score));
  add_strv (b, "comments", r->comments);
  add_strv (b, "references", r->references);
  add_string (b, "via", bw_via_to_string (r->via));
  json_builder_end_object (b);
}

static void
add_asset (JsonBuilder          *b,
           const BwExplainAsset *a)
{
  json_builder_begin_object (b);
  add_string (b, "id", a->id);
  add_string (b, "label", a->label);
  add_string (b, "status", bw_status_to_string (a->status));
  json_builder_set_member_name (b, "best");
  json_builder_add_int_value (b, a->best);
  json_builder_set_member_name (b, "covered_by");
  json_builder_begin_array (b);
  for (guint i = 0; i < a->n_rows; i++)
    add_row (b, &a->rows[i]);
  json_builder_end_array (b);
  json_builder_end_object (b);
}

JsonNode *
bw_explanation_to_json (BwExplanation *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const BwTechnique *t = self->technique;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "technique");
  json_builder_begin_object (b);
  add_string (b, "id", t->id);
  add_string (b, "name", t->name);
  add_strv (b, "tactics", (const char *const *) t->tactics);
  add_strv (b, "platforms", (const char *const *) t->platforms);
  add_string (b, "url", bw_catalog_get_technique_url (self->catalog, t->id));
  json_builder_end_object (b);
  add_string (b, "status", bw_status_to_string (self->status));
  json_builder_set_member_name (b, "assets");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->assets->len; i++)
    add_asset (b, &g_array_index (self->assets, BwExplainAsset, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

char *
bw_explanation_to_json_string (BwExplanation *self)
{
  g_autoptr(JsonNode) root = bw_explanation_to_json (self);
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  json_generator_set_root (gen, root);
  text = json_generator_to_data (gen, NULL);
  return g_strconcat (text, "\n", NULL);
}

static const char *
via_text (BwVia via)
{
  switch (via)
    {
    case BW_VIA_PROTECTS:
      return _("protects it");
    case BW_VIA_ZONE:
      return _("protects its zone");
    case BW_VIA_SIEM:
      return _("SIEM");
    case BW_VIA_DELIVERY:
    default:
      return _("on the way in");
    }
}

/* A text as shown: escaped when asked for, in a string that lives in `keep`. */
static const char *
shown (GPtrArray       *keep,
       BwExplainEscape  escape,
       const char      *text)
{
  if (escape == NULL || text == NULL)
    return text != NULL ? text : "";
  g_ptr_array_add (keep, escape (text));
  return g_ptr_array_index (keep, keep->len - 1);
}

static void
text_asset (GString              *out,
            const BwExplainAsset *a,
            BwExplainEscape       escape)
{
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);

  /* TRANSLATORS: an asset's line: label, node id, status, best score (0–3) */
  g_string_append_printf (out, _("%s (%s): %s, best %d\n"), shown (keep, escape, a->label),
                          shown (keep, escape, a->id), bw_status_describe (a->status),
                          (int) a->best);
  if (a->n_rows == 0)
    g_string_append_printf (out, "  %s\n", _("no service covers it"));
  for (guint i = 0; i < a->n_rows; i++)
    {
      const BwExplainRow *r = &a->rows[i];

      /* TRANSLATORS: service label, capability id, category, score, how the service covers */
      g_string_append_printf (out, _("  %s → %s: %s %s (%s)\n"), shown (keep, escape, r->label),
                              shown (keep, escape, r->capability),
                              bw_category_to_string (r->category), bw_score_to_string (r->score),
                              via_text (r->via));
      for (guint k = 0; r->comments[k] != NULL; k++)
        {
          /* CTID's comments may hold line breaks: each line indented on its own. */
          g_auto(GStrv) lines = g_strsplit (r->comments[k], "\n", -1);

          for (guint l = 0; lines[l] != NULL; l++)
            if (*g_strstrip (lines[l]) != '\0')
              g_string_append_printf (out, "      %s\n", shown (keep, escape, lines[l]));
        }
      for (guint k = 0; r->references[k] != NULL; k++)
        g_string_append_printf (out, "      %s\n", shown (keep, escape, r->references[k]));
    }
}

char *
bw_explanation_to_text (BwExplanation   *self,
                        BwExplainEscape  escape)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  const BwTechnique *t = self->technique;
  g_autofree char *tactics = g_strjoinv (", ", t->tactics);
  g_autofree char *platforms = g_strjoinv (", ", t->platforms);
  const char *url = bw_catalog_get_technique_url (self->catalog, t->id);

  g_string_append_printf (out, "%s %s\n", shown (keep, escape, t->id),
                          shown (keep, escape, t->name));
  g_string_append_printf (out, _("Tactics: %s\n"), shown (keep, escape, tactics));
  g_string_append_printf (out, _("Platforms: %s\n"), shown (keep, escape, platforms));
  g_string_append_printf (out, "%s\n", shown (keep, escape, url));
  g_string_append_printf (out, _("Status: %s\n"), bw_status_describe (self->status));
  if (self->assets->len == 0)
    g_string_append_printf (out, "%s\n",
                            self->asset_filter != NULL ? _("It does not apply to this asset.")
                                                       : _("It applies to no asset."));
  for (guint i = 0; i < self->assets->len; i++)
    {
      g_string_append_c (out, '\n');
      text_asset (out, &g_array_index (self->assets, BwExplainAsset, i), escape);
    }
  return g_string_free (out, FALSE);
}
