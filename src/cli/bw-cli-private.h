/* bw-cli-private.h: the subcommand entry points, one file each, and helpers they share. */
#pragma once

#include "bw-cli.h"

G_BEGIN_DECLS

/* Each takes argv with argv[0] = the subcommand name and returns a BW_CLI_EXIT_* code. */
typedef int (*BwCliCommand) (int    argc,
                             char **argv);

/* Prints "bulwark: MESSAGE" as one line on stderr and returns BW_CLI_EXIT_BAD_INPUT. */
int bw_cli_fail (const char *format,
                 ...) G_GNUC_PRINTF (1, 2);

/* Untrusted text (titles, labels, ids, names from a catalog) made safe for a terminal: one
 * line, with every control character, line separator and bidirectional control shown as an
 * escape (\n, \x1B, \u202E) and invalid UTF-8 as U+FFFD. */
char *bw_cli_text (const char *text);

/* The same for Markdown (and the HTML it may hold): also escapes what would be read as
 * markup, so a title cannot fake a heading, a table cell or an HTML comment. */
char *bw_cli_markdown (const char *text);

/* Flushes standard output; when anything written to it was lost (a full disk), prints one
 * line and returns BW_CLI_EXIT_BAD_INPUT, else `status`. */
int bw_cli_finish_output (int status);

/* Parses options; on error prints one line and returns FALSE. */
gboolean bw_cli_parse (GOptionContext *context,
                       int            *argc,
                       char         ***argv);

/* Subcommands */
int bw_cli_validate  (int argc, char **argv);
int bw_cli_normalize (int argc, char **argv);
int bw_cli_import_stix (int argc, char **argv);
int bw_cli_import_mappings (int argc, char **argv);
int bw_cli_catalog (int argc, char **argv);
int bw_cli_analyze (int argc, char **argv);
int bw_cli_export (int argc, char **argv);
int bw_cli_recommend (int argc, char **argv);
int bw_cli_tiers (int argc, char **argv);
int bw_cli_paths (int argc, char **argv);
int bw_cli_import_drawio (int argc, char **argv);
int bw_cli_diff (int argc, char **argv);
int bw_cli_import_azure (int argc, char **argv);
int bw_cli_report (int argc, char **argv);
int bw_cli_explain (int argc, char **argv);

/* The effective catalog; says on stderr when the imported one does not load and the shipped
 * one answers instead. */
#include "bw-catalog.h"
BwCatalog *bw_cli_load_catalog (GError **error);

/* Checks a loaded document's kinds against the effective catalog; prints one line and returns
 * FALSE on the first unknown kind. Prints warnings (unknown threat groups) to stderr. */
#include "bw-document.h"
gboolean bw_cli_check_catalog (BwDocument *document,
                               const char *path);

G_END_DECLS
