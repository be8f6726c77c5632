/* bw-cli.h: Bulwark's headless subcommands. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes of every subcommand (DESIGN §5). */
enum
{
  BW_CLI_EXIT_OK = 0,
  BW_CLI_EXIT_GATE = 1,
  BW_CLI_EXIT_BAD_INPUT = 2,
};

gboolean bw_cli_is_subcommand (const char *name);
int      bw_cli_reject_argument (const char *word);
int      bw_cli_run           (int    argc,
                               char **argv);

G_END_DECLS
