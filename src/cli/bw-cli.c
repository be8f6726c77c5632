/* bw-cli.c: dispatches `bulwark SUBCOMMAND …` to the headless subcommands. */
#include "config.h"

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
  { "analyze", bw_cli_analyze, N_("Report ATT&CK coverage (json, text, markdown), optionally as a gate") },
  { "export", bw_cli_export, N_("Export the diagram (SVG, PNG, PDF) or an ATT&CK Navigator layer") },
  { "recommend", bw_cli_recommend, N_("Suggest the services that would raise coverage the most") },
  { "tiers", bw_cli_tiers, N_("Compare coverage under Microsoft 365 E3 and E5") },
  { "paths", bw_cli_paths, N_("Show where an intrusion can move along flow edges") },
  { "validate", bw_cli_validate, N_("Check a project file") },
  { "normalize", bw_cli_normalize, N_("Rewrite a project file in canonical form") },
  { "import-stix", bw_cli_import_stix, N_("Import an ATT&CK STIX bundle into the catalog") },
  { "import-mappings", bw_cli_import_mappings, N_("Import a Mappings Explorer file into the catalog") },
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

int
bw_cli_fail (const char *format,
             ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* One line, always: a CI log should show the whole reason on the line it fails. */
  g_strdelimit (message, "\n\r", ' ');
  fprintf (stderr, "bulwark: %s\n", message);
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
    return print_help ();

  entry = find_command (argv[1]);
  if (entry == NULL)
    return bw_cli_fail (_("unknown command “%s”"), argv[1]);

  return entry->run (argc - 1, argv + 1);
}
