/* test-json-writer.c: BwJsonWriter's layout, byte for byte. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "bw-json-writer.h"

static char *
write_sample (BwJsonStyle style)
{
  GString *out = g_string_new (NULL);
  g_autoptr(BwJsonWriter) w = bw_json_writer_new (out, style);

  bw_json_writer_begin_object (w);
  bw_json_writer_member (w, "text");
  bw_json_writer_string (w, "a\"b\\c\n\x01\x1f\x7f é");
  bw_json_writer_member (w, "none");
  bw_json_writer_nullable_string (w, NULL);
  bw_json_writer_member (w, "numbers");
  bw_json_writer_begin_array (w);
  bw_json_writer_number (w, 0.1);
  bw_json_writer_number (w, -2);
  bw_json_writer_int (w, G_MININT64);
  bw_json_writer_ratio (w, 1);
  bw_json_writer_raw_number (w, "1.50");
  bw_json_writer_end_array (w);
  bw_json_writer_member (w, "empty");
  bw_json_writer_begin_object (w);
  bw_json_writer_end_object (w);
  bw_json_writer_member (w, "nothing");
  bw_json_writer_begin_array (w);
  bw_json_writer_end_array (w);
  bw_json_writer_member (w, "rows");
  bw_json_writer_begin_array (w);
  bw_json_writer_begin_inline_object (w);
  bw_json_writer_member (w, "id");
  bw_json_writer_string (w, "T1");
  bw_json_writer_member (w, "on");
  bw_json_writer_boolean (w, TRUE);
  bw_json_writer_end_object (w);
  bw_json_writer_begin_inline_array (w);
  bw_json_writer_string (w, "x");
  bw_json_writer_null (w);
  bw_json_writer_boolean (w, FALSE);
  bw_json_writer_end_array (w);
  bw_json_writer_begin_inline_array (w);
  bw_json_writer_end_array (w);
  bw_json_writer_end_array (w);
  bw_json_writer_end_object (w);
  return g_string_free (out, FALSE);
}

static void
test_project_style (void)
{
  g_autofree char *text = write_sample (BW_JSON_STYLE_PROJECT);

  g_assert_cmpstr (text, ==,
                   "{\n"
                   "  \"text\": \"a\\\"b\\\\c\\n\\u0001\\u001f\x7f é\",\n"
                   "  \"none\": null,\n"
                   "  \"numbers\": [\n"
                   "    0.1,\n"
                   "    -2,\n"
                   "    -9223372036854775808,\n"
                   "    1.0,\n"
                   "    1.50\n"
                   "  ],\n"
                   "  \"empty\": {},\n"
                   "  \"nothing\": [],\n"
                   "  \"rows\": [\n"
                   "    { \"id\": \"T1\", \"on\": true },\n"
                   "    [\"x\", null, false],\n"
                   "    []\n"
                   "  ]\n"
                   "}\n");
}

/* json-glib's pretty layout: " : " after a name, U+007F escaped. */
static void
test_generator_style (void)
{
  g_autofree char *text = write_sample (BW_JSON_STYLE_GENERATOR);

  g_assert_true (g_str_has_prefix (text, "{\n  \"text\" : \"a\\\"b\\\\c\\n\\u0001\\u001f\\u007f é\",\n"
                                         "  \"none\" : null,\n"));
  g_assert_nonnull (strstr (text, "    { \"id\" : \"T1\", \"on\" : true },\n"));
  g_assert_true (g_str_has_suffix (text, "  ]\n}\n"));
}

/* What a JsonGenerator writes for the same tree, the writer writes too (but for an empty
 * object, which json-glib writes as "{", spaces and "}", and no caller writes). */
static void
test_generator_equivalence (void)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  GString *out = g_string_new (NULL);
  g_autoptr(BwJsonWriter) w = bw_json_writer_new (out, BW_JSON_STYLE_GENERATOR);
  g_autofree char *text = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "name\x7f");
  json_builder_add_string_value (b, "tab\there \x02");
  json_builder_set_member_name (b, "list");
  json_builder_begin_array (b);
  json_builder_add_int_value (b, 3);
  json_builder_begin_array (b);
  json_builder_end_array (b);
  json_builder_add_boolean_value (b, FALSE);
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_to_gstring (generator, expected);
  bw_json_escape_generated (expected);
  g_string_append_c (expected, '\n');

  bw_json_writer_begin_object (w);
  bw_json_writer_member (w, "name\x7f");
  bw_json_writer_string (w, "tab\there \x02");
  bw_json_writer_member (w, "list");
  bw_json_writer_begin_array (w);
  bw_json_writer_int (w, 3);
  bw_json_writer_begin_array (w);
  bw_json_writer_end_array (w);
  bw_json_writer_boolean (w, FALSE);
  bw_json_writer_end_array (w);
  bw_json_writer_end_object (w);
  text = g_string_free (out, FALSE);
  g_assert_cmpstr (text, ==, expected->str);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json-writer/project-style", test_project_style);
  g_test_add_func ("/json-writer/generator-style", test_generator_style);
  g_test_add_func ("/json-writer/generator-equivalence", test_generator_equivalence);
  return g_test_run ();
}
