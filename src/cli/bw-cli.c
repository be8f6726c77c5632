/* bw-cli.c: dispatches `bulwark SUBCOMMAND …` to the headless subcommands. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "bw-cli-private.h"

typedef struct
{
  const char  *name;
  BwCliCommand run;
  const char  *summary;
} BwCliEntry;

static const BwCliEntry commands[] = {
  { "analyze", bw_cli_analyze, N_("Report ATT&CK coverage (json, text, markdown, csv), optionally as a gate") },
  { "explain", bw_cli_explain, N_("Explain a technique's coverage: the services, capabilities and CTID's reasons") },
  { "diff", bw_cli_diff, N_("Show what a change does to coverage, optionally as a gate") },
  { "export", bw_cli_export, N_("Export the diagram (SVG, PNG, PDF) or an ATT&CK Navigator layer") },
  { "report", bw_cli_report, N_("Write the stakeholder report as HTML or PDF") },
  { "recommend", bw_cli_recommend, N_("Suggest the services that would raise coverage the most") },
  { "tiers", bw_cli_tiers, N_("Compare coverage under Microsoft 365 E3 and E5") },
  { "paths", bw_cli_paths, N_("Show where an intrusion can move along flow edges") },
  { "validate", bw_cli_validate, N_("Check a project file") },
  { "normalize", bw_cli_normalize, N_("Rewrite a project file in canonical form") },
  { "import-stix", bw_cli_import_stix, N_("Import an ATT&CK STIX bundle into the catalog") },
  { "import-mappings", bw_cli_import_mappings, N_("Import a Mappings Explorer file into the catalog") },
  { "import-drawio", bw_cli_import_drawio, N_("Import a draw.io diagram as a new project") },
  { "import-azure", bw_cli_import_azure, N_("Create a project from an Azure inventory (Resource Graph, az resource list, ARM export)") },
  { "catalog", bw_cli_catalog, N_("Show the effective catalog") },
  { NULL, NULL, NULL },
};

static const BwCliEntry *
find_command (const char *name)
{
  for (guint i = 0; commands[i].name != NULL; i++)
    {
      if (g_str_equal (commands[i].name, name))
        return &commands[i];
    }
  return NULL;
}

gboolean
bw_cli_is_subcommand (const char *name)
{
  return name != NULL && (find_command (name) != NULL || g_str_equal (name, "help") ||
                          g_str_equal (name, "--help") || g_str_equal (name, "-h"));
}

static gboolean
needs_escape (gunichar c)
{
  /* C0 and C1 controls and DEL: terminal escapes; line and paragraph separators; the
   * bidirectional embeddings, overrides and isolates, which reorder what follows them. */
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
         c == 0x200F || c == 0x061C;
}

static void
append_text (GString    *out,
             const char *text,
             gboolean    markdown)
{
  const char *p = text != NULL ? text : "";
  const char *end = p + strlen (p);

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_unichar (out, 0xFFFD);
          p++;
          continue;
        }
      p = g_utf8_next_char (p);
      if (needs_escape (c))
        {
          switch (c)
            {
            case '\n':
              g_string_append (out, "\\n");
              break;
            case '\r':
              g_string_append (out, "\\r");
              break;
            case '\t':
              g_string_append (out, "\\t");
              break;
            default:
              g_string_append_printf (out, c < 0x100 ? "\\x%02X" : "\\u%04X", c);
            }
        }
      else if (markdown && c == '<')
        g_string_append (out, "&lt;");
      else if (markdown && c == '>')
        g_string_append (out, "&gt;");
      else if (markdown && c == '&')
        g_string_append (out, "&amp;");
      else if (markdown && c < 0x80 && strchr ("\\`*_[]#!|~", (int) c) != NULL)
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char) c);
        }
      else
        g_string_append_unichar (out, c);
    }
}

char *
bw_cli_text (const char *text)
{
  GString *out = g_string_new (NULL);

  append_text (out, text, FALSE);
  return g_string_free (out, FALSE);
}

char *
bw_cli_markdown (const char *text)
{
  GString *out = g_string_new (NULL);

  append_text (out, text, TRUE);
  return g_string_free (out, FALSE);
}

int
bw_cli_fail (const char *format,
             ...)
{
  va_list args;
  g_autofree char *message = NULL;
  g_autofree char *safe = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* One line, always: a CI log should show the whole reason on the line it fails, and
   * nothing a file named reaches the terminal as a control sequence. */
  safe = bw_cli_text (message);
  fprintf (stderr, "bulwark: %s\n", safe);
  return BW_CLI_EXIT_BAD_INPUT;
}

gboolean
bw_cli_parse (GOptionContext *context,
              int            *argc,
              char         ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      bw_cli_fail ("%s", error->message);
      return FALSE;
    }
  return TRUE;
}

int
bw_cli_finish_output (int status)
{
  int saved = 0;

  /* A report that did not reach its reader is a failure, whatever it said (a full disk, a
   * closed pipe): say so and exit 2 instead of 0. */
  if (fflush (stdout) != 0)
    saved = errno;
  if (ferror (stdout) || saved != 0)
    {
      clearerr (stdout);
      if (saved != 0)
        bw_cli_fail (_("standard output: the output could not be written: %s"), g_strerror (saved));
      else
        /* The write that failed was an earlier one, its reason gone with it. */
        bw_cli_fail (_("standard output: the output could not be written in full"));
      return BW_CLI_EXIT_BAD_INPUT;
    }
  return status;
}

static int
print_help (void)
{
  g_print ("%s\n", _("Usage: bulwark [FILE]            start the window"));
  g_print ("%s\n", _("       bulwark COMMAND [ARGS…]   run headless"));
  g_print ("\n%s\n", _("Commands:"));
  for (guint i = 0; commands[i].name != NULL; i++)
    g_print ("  %-18s %s\n", commands[i].name, _(commands[i].summary));
  g_print ("\n%s\n", _("“bulwark COMMAND --help” shows the options of a command."));
  return BW_CLI_EXIT_OK;
}

int
bw_cli_reject_argument (const char *word)
{
  /* Something with a directory part or an extension was meant as a file. */
  if (strchr (word, G_DIR_SEPARATOR) != NULL || strchr (word, '.') != NULL)
    return bw_cli_fail (_("%s: no such file"), word);
  return bw_cli_fail (_("unknown command “%s” (bulwark --help lists the commands)"), word);
}

int
bw_cli_run (int    argc,
            char **argv)
{
  const BwCliEntry *entry;

  g_return_val_if_fail (argc >= 2, BW_CLI_EXIT_BAD_INPUT);

  if (g_str_equal (argv[1], "help") || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    return bw_cli_finish_output (print_help ());

  entry = find_command (argv[1]);
  if (entry == NULL)
    return bw_cli_fail (_("unknown command “%s”"), argv[1]);

  return bw_cli_finish_output (entry->run (argc - 1, argv + 1));
}
