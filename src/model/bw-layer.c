/* bw-layer.c: writes coverage as an ATT&CK Navigator layer (format 4.5) and reads a layer's
 * scored techniques as a threat focus. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bw-json-writer.h"
#include "bw-json-read.h"
#include "bw-layer.h"

#define COLOR_COVERED "#2ec27e"
#define COLOR_PARTIAL "#e5a50a"
#define COLOR_GAP     "#e01b24"

G_DEFINE_QUARK (bw-layer-error-quark, bw_layer_error)

int
bw_layer_entry_score (const BwLayerEntry *entry)
{
  if (entry->applicable_assets == 0)
    return 0;
  return (int) round (100.0 * (entry->covered_assets + 0.5 * entry->partial_assets) /
                      entry->applicable_assets);
}

static const char *
status_color (BwStatus status)
{
  switch (status)
    {
    case BW_STATUS_COVERED:
      return COLOR_COVERED;
    case BW_STATUS_PARTIAL:
      return COLOR_PARTIAL;
    case BW_STATUS_GAP:
    case BW_STATUS_NOT_APPLICABLE:
    default:
      return COLOR_GAP;
    }
}




static void
add_metadata (BwJsonWriter *w,
              const char   *name,
              const char   *value)
{
  bw_json_writer_begin_object (w);
  bw_json_writer_string_member (w, "name", name);
  bw_json_writer_string_member (w, "value", value);
  bw_json_writer_end_object (w);
}

static void
add_entry (BwJsonWriter       *w,
           const BwTechnique  *technique,
           const char         *tactic,
           const BwLayerEntry *entry)
{
  g_autofree char *comment = NULL;
  g_autofree char *assets = NULL;

  if (entry->services != NULL && entry->services[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) entry->services);

      comment = g_strdup_printf ("%s: %s", bw_status_to_string (entry->status), joined);
    }
  else
    comment = g_strdup_printf ("%s: no service covers this technique",
                               bw_status_to_string (entry->status));
  assets = g_strdup_printf ("%u of %u covered, %u partial", entry->covered_assets,
                            entry->applicable_assets, entry->partial_assets);

  bw_json_writer_begin_object (w);
  bw_json_writer_string_member (w, "techniqueID", technique->id);
  if (tactic != NULL)
    bw_json_writer_string_member (w, "tactic", tactic);
  bw_json_writer_int_member (w, "score", bw_layer_entry_score (entry));
  bw_json_writer_string_member (w, "color", status_color (entry->status));
  bw_json_writer_string_member (w, "comment", comment);
  bw_json_writer_boolean_member (w, "enabled", TRUE);
  bw_json_writer_member (w, "metadata");
  bw_json_writer_begin_array (w);
  /* The levels are rule 5's minima: say so where they are read. */
  add_metadata (w, "levels", "protect, detect and respond below: the weakest applicable asset's levels");
  add_metadata (w, "protect", bw_score_to_string (entry->protect));
  add_metadata (w, "detect", bw_score_to_string (entry->detect));
  add_metadata (w, "respond", bw_score_to_string (entry->respond));
  add_metadata (w, "assets", assets);
  bw_json_writer_end_array (w);
  bw_json_writer_boolean_member (w, "showSubtechniques", FALSE);
  bw_json_writer_end_object (w);
}

static void
add_legend (BwJsonWriter *w,
            const char   *label,
            const char   *color)
{
  bw_json_writer_begin_object (w);
  bw_json_writer_string_member (w, "label", label);
  bw_json_writer_string_member (w, "color", color);
  bw_json_writer_end_object (w);
}

/* What Navigator shows before the techniques: names, versions and the layout of its matrix. */
static void
write_header (BwJsonWriter *w,
              const char   *name,
              const char   *description,
              const char   *attack_version)
{
  g_autofree char *attack_major = g_strdup (attack_version ? attack_version : "18");
  char *dot;

  /* Navigator wants the major ATT&CK version ("18" for 18.1). */
  if ((dot = strchr (attack_major, '.')) != NULL)
    *dot = '\0';

  bw_json_writer_string_member (w, "name", name);
  bw_json_writer_member (w, "versions");
  bw_json_writer_begin_object (w);
  bw_json_writer_string_member (w, "attack", attack_major);
  bw_json_writer_string_member (w, "navigator", "5.1.0");
  bw_json_writer_string_member (w, "layer", "4.5");
  bw_json_writer_end_object (w);
  bw_json_writer_string_member (w, "domain", "enterprise-attack");
  bw_json_writer_string_member (w, "description", description ? description : "");
  bw_json_writer_int_member (w, "sorting", 3);
  bw_json_writer_member (w, "layout");
  bw_json_writer_begin_object (w);
  bw_json_writer_string_member (w, "layout", "side");
  bw_json_writer_boolean_member (w, "showID", TRUE);
  bw_json_writer_boolean_member (w, "showName", TRUE);
  bw_json_writer_boolean_member (w, "showAggregateScores", TRUE);
  bw_json_writer_boolean_member (w, "countUnscored", FALSE);
  bw_json_writer_string_member (w, "aggregateFunction", "min");
  bw_json_writer_string_member (w, "expandedSubtechniques", "annotated");
  bw_json_writer_end_object (w);
  bw_json_writer_boolean_member (w, "hideDisabled", FALSE);
}

/* What follows the techniques: the colour scale, its legend and the layer's metadata. */
static void
write_footer (BwJsonWriter *w,
              const char   *attack_version)
{
  bw_json_writer_member (w, "gradient");
  bw_json_writer_begin_object (w);
  bw_json_writer_member (w, "colors");
  bw_json_writer_begin_array (w);
  bw_json_writer_string (w, COLOR_GAP);
  bw_json_writer_string (w, COLOR_PARTIAL);
  bw_json_writer_string (w, COLOR_COVERED);
  bw_json_writer_end_array (w);
  bw_json_writer_int_member (w, "minValue", 0);
  bw_json_writer_int_member (w, "maxValue", 100);
  bw_json_writer_end_object (w);

  bw_json_writer_member (w, "legendItems");
  bw_json_writer_begin_array (w);
  add_legend (w, "Covered (every applicable asset at partial or better)", COLOR_COVERED);
  add_legend (w, "Partial (some protection or detection)", COLOR_PARTIAL);
  add_legend (w, "Gap (no mapped protection or detection)", COLOR_GAP);
  bw_json_writer_end_array (w);

  bw_json_writer_boolean_member (w, "showTacticRowBackground", FALSE);
  bw_json_writer_boolean_member (w, "selectTechniquesAcrossTactics", TRUE);
  bw_json_writer_boolean_member (w, "selectSubtechniquesWithParent", FALSE);
  bw_json_writer_boolean_member (w, "selectVisibleTechniques", FALSE);
  bw_json_writer_member (w, "metadata");
  bw_json_writer_begin_array (w);
  add_metadata (w, "generator", "Bulwark " PACKAGE_VERSION);
  add_metadata (w, "attack_version", attack_version ? attack_version : "");
  bw_json_writer_end_array (w);
}

char *
bw_layer_write (BwCatalog          *catalog,
                const char         *name,
                const char         *description,
                const BwLayerEntry *entries,
                guint               n_entries,
                gsize              *out_length)
{
  const char *version = bw_catalog_get_attack_version (catalog);
  GString *text = g_string_new (NULL);
  g_autoptr(BwJsonWriter) w = bw_json_writer_new (text, BW_JSON_STYLE_GENERATOR);

  bw_json_writer_begin_object (w);
  write_header (w, name, description, version);

  bw_json_writer_member (w, "techniques");
  bw_json_writer_begin_array (w);
  for (guint i = 0; i < n_entries; i++)
    {
      const BwLayerEntry *entry = &entries[i];
      const BwTechnique *technique = bw_catalog_get_technique (catalog, entry->technique);
      guint n_tactics = g_strv_length (technique->tactics);

      if (entry->status == BW_STATUS_NOT_APPLICABLE)
        continue;
      /* A technique under several tactics gets an entry per tactic, so each cell carries it. */
      if (n_tactics > 1)
        for (guint t = 0; t < n_tactics; t++)
          add_entry (w, technique, technique->tactics[t], entry);
      else
        add_entry (w, technique, NULL, entry);
    }
  bw_json_writer_end_array (w);

  write_footer (w, version);
  bw_json_writer_end_object (w);

  if (out_length != NULL)
    *out_length = text->len;
  return g_string_free (text, FALSE);
}

static gboolean
read_layer (BwCatalog   *catalog,
            JsonNode    *node,
            const char  *where,
            GHashTable  *focus,
            GHashTable  *unknown,
            GError     **error)
{
  JsonObject *layer;
  JsonNode *techniques;
  JsonArray *array;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, BW_LAYER_ERROR, BW_LAYER_ERROR_INVALID, _("%s: not a layer object"),
                   where);
      return FALSE;
    }
  layer = json_node_get_object (node);

  if (json_object_has_member (layer, "domain"))
    {
      JsonNode *domain = json_object_get_member (layer, "domain");

      if (!JSON_NODE_HOLDS_VALUE (domain) || json_node_get_value_type (domain) != G_TYPE_STRING)
        {
          g_set_error (error, BW_LAYER_ERROR, BW_LAYER_ERROR_INVALID, _("%sdomain: not a string"),
                       where);
          return FALSE;
        }
      if (!g_str_equal (json_node_get_string (domain), "enterprise-attack") &&
          !g_str_equal (json_node_get_string (domain), "mitre-enterprise"))
        {
          g_set_error (error, BW_LAYER_ERROR, BW_LAYER_ERROR_INVALID,
                       _("%sdomain: “%s” is not the Enterprise domain"), where,
                       json_node_get_string (domain));
          return FALSE;
        }
    }

  techniques = json_object_get_member (layer, "techniques");
  if (techniques == NULL || JSON_NODE_HOLDS_NULL (techniques))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (techniques))
    {
      g_set_error (error, BW_LAYER_ERROR, BW_LAYER_ERROR_INVALID, _("%stechniques: not an array"),
                   where);
      return FALSE;
    }
  array = json_node_get_array (techniques);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *t;
      JsonNode *id_node;
      JsonNode *score;
      JsonNode *enabled;
      JsonNode *color;
      const char *id;
      const BwTechnique *technique;
      gboolean chosen = FALSE;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, BW_LAYER_ERROR, BW_LAYER_ERROR_INVALID,
                       _("%stechniques[%u]: not an object"), where, i);
          return FALSE;
        }
      t = json_node_get_object (element);
      id_node = json_object_get_member (t, "techniqueID");
      if (id_node == NULL || !JSON_NODE_HOLDS_VALUE (id_node) ||
          json_node_get_value_type (id_node) != G_TYPE_STRING)
        {
          g_set_error (error, BW_LAYER_ERROR, BW_LAYER_ERROR_INVALID,
                       _("%stechniques[%u].techniqueID: missing or not a string"), where, i);
          return FALSE;
        }
      id = json_node_get_string (id_node);

      enabled = json_object_get_member (t, "enabled");
      if (enabled != NULL && JSON_NODE_HOLDS_VALUE (enabled) &&
          json_node_get_value_type (enabled) == G_TYPE_BOOLEAN && !json_node_get_boolean (enabled))
        continue;

      score = json_object_get_member (t, "score");
      color = json_object_get_member (t, "color");
      if (score != NULL && !JSON_NODE_HOLDS_NULL (score))
        {
          GType type = JSON_NODE_HOLDS_VALUE (score) ? json_node_get_value_type (score)
                                                     : G_TYPE_NONE;

          if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
            {
              g_set_error (error, BW_LAYER_ERROR, BW_LAYER_ERROR_INVALID,
                           _("%stechniques[%u].score: not a number"), where, i);
              return FALSE;
            }
          chosen = json_node_get_double (score) > 0;
        }
      else if (color != NULL && JSON_NODE_HOLDS_VALUE (color) &&
               json_node_get_value_type (color) == G_TYPE_STRING &&
               *json_node_get_string (color) != '\0')
        chosen = TRUE;

      if (!chosen)
        continue;

      technique = bw_catalog_resolve_technique (catalog, id);
      if (technique == NULL)
        g_hash_table_add (unknown, g_strdup (id));
      else
        g_hash_table_add (focus, g_strdup (technique->id));
    }
  return TRUE;
}

static int
compare_str_ptr (const void *a,
                 const void *b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

GStrv
bw_layer_read_focus (BwCatalog   *catalog,
                     const char  *data,
                     gssize       length,
                     GStrv       *out_unknown,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GHashTable) focus = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) unknown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  GStrv result;

  if (length < 0)
    length = strlen (data);
  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error (error, BW_LAYER_ERROR, BW_LAYER_ERROR_PARSE, _("not UTF-8 text"));
      return NULL;
    }
  if (!bw_json_read_check (data, length, &local_error) ||
      !json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, BW_LAYER_ERROR, BW_LAYER_ERROR_PARSE, "%s", local_error ? local_error->message : _("no JSON value"));
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root != NULL && JSON_NODE_HOLDS_ARRAY (root))
    {
      /* Format 4.5 allows several layers in one file, as a list. */
      JsonArray *layers = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (layers); i++)
        {
          g_autofree char *where = g_strdup_printf ("[%u].", i);

          if (!read_layer (catalog, json_array_get_element (layers, i), where, focus, unknown,
                           error))
            return NULL;
        }
    }
  else if (root == NULL || !read_layer (catalog, root, "", focus, unknown, error))
    {
      if (root == NULL)
        g_set_error (error, BW_LAYER_ERROR, BW_LAYER_ERROR_PARSE, _("empty file"));
      return NULL;
    }

  result = (GStrv) g_hash_table_get_keys_as_array (focus, NULL);
  g_hash_table_steal_all (focus);
  qsort (result, g_strv_length (result), sizeof (char *), compare_str_ptr);
  if (out_unknown != NULL)
    {
      *out_unknown = (GStrv) g_hash_table_get_keys_as_array (unknown, NULL);
      g_hash_table_steal_all (unknown);
      qsort (*out_unknown, g_strv_length (*out_unknown), sizeof (char *), compare_str_ptr);
    }
  return result;
}

char *
bw_layer_write_from_engine (BwEngine   *engine,
                            BwDocument *document,
                            gsize      *out_length)
{
  BwCatalog *catalog = bw_engine_get_catalog (engine);
  BwReport *report = bw_engine_get_report (engine);
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (BwLayerEntry));
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *title = bw_document_get_title (document);
  g_autofree char *name = g_strdup_printf ("%s — coverage", title && *title ? title : "Bulwark");
  g_autofree char *description = NULL;
  const BwReportFigures *summary = bw_report_get_summary (report);

  for (guint t = 0; t < bw_catalog_get_n_techniques (catalog); t++)
    {
      const BwReportTechnique *rt = bw_report_get_technique (report, t);
      g_autoptr(GHashTable) services = NULL;
      g_autoptr(GHashTable) gaps = NULL;
      g_autoptr(GStrvBuilder) labels = NULL;
      g_autoptr(GHashTable) named = NULL;
      BwLayerEntry entry = { 0 };
      GStrv list;

      if (rt->status == BW_STATUS_NOT_APPLICABLE)
        continue;
      services = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      gaps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      bw_engine_explain_technique (engine, t, services, gaps);
      labels = g_strv_builder_new ();
      named = g_hash_table_new (g_str_hash, g_str_equal);
      /* Document order keeps the comment stable; two nodes of one label (Defender for Servers
       * on-premises and in Azure) are named once. */
      for (guint i = 0; i < bw_document_get_n_nodes (document); i++)
        {
          const BwNode *node = bw_document_get_node (document, i);

          if (g_hash_table_contains (services, node->id) &&
              g_hash_table_add (named, node->label))
            g_strv_builder_add (labels, node->label);
        }
      list = g_strv_builder_end (labels);
      g_ptr_array_add (lists, list);

      entry.technique = t;
      entry.status = rt->status;
      entry.protect = rt->protect;
      entry.detect = rt->detect;
      entry.respond = rt->respond;
      entry.applicable_assets = rt->applicable_assets;
      entry.covered_assets = rt->covered_assets;
      entry.partial_assets = rt->partial_assets;
      entry.services = (const char *const *) list;
      g_array_append_val (entries, entry);
    }

  description = g_strdup_printf (
      "Coverage of %u applicable techniques: %u covered, %u partial, %u gaps "
      "(ratio %.4f). Scores: share of applicable assets covered, partial "
      "ones counting half. Protect, detect and respond in each technique's metadata are the "
      "weakest applicable asset's levels (a technique is as covered as its least covered "
      "asset); the comment names the services that cover it on any asset.",
      summary->applicable, summary->covered, summary->partial, summary->gap, summary->ratio);
  return bw_layer_write (catalog, name, description, (BwLayerEntry *) entries->data, entries->len,
                         out_length);
}
