/* bw-stix-text.c: ATT&CK description text made fit for a page — its first paragraph, without
 * the "(Citation: …)" markers, HTML tags or Markdown link targets. */
#include "config.h"

#include <string.h>

#include "bw-stix.h"
#include "bw-stix-private.h"

static char *
replace (const char *pattern,
         const char *text,
         const char *with)
{
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);

  return g_regex_replace (regex, text, -1, 0, with, 0, NULL);
}

char *
bw_stix_first_paragraph (const char *description)
{
  g_autofree char *first = NULL;
  g_autofree char *no_citations = NULL;
  g_autofree char *no_links = NULL;
  g_autofree char *no_tags = NULL;
  const char *end;

  if (description == NULL)
    return NULL;
  /* Paragraphs are separated by a blank line. */
  end = strstr (description, "\n\n");
  first = end != NULL ? g_strndup (description, end - description) : g_strdup (description);
  no_citations = replace ("\\s*\\(Citation:[^)]*\\)", first, "");
  no_links = replace ("\\[([^\\]]*)\\]\\([^)]*\\)", no_citations, "\\1");
  no_tags = replace ("</?[A-Za-z][^>]*>", no_links, "");
  return g_strstrip (replace ("\\s+", no_tags, " "));
}

void
bw_stix_write_texts (JsonBuilder *b,
                     const char  *id,
                     const char  *url,
                     const char  *description)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, id);
  json_builder_set_member_name (b, "url");
  json_builder_add_string_value (b, url ? url : "");
  json_builder_set_member_name (b, "description");
  json_builder_add_string_value (b, description ? description : "");
  json_builder_end_object (b);
}
