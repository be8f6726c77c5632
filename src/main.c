/* main.c: one binary — a known subcommand runs headless; no argument, options or existing paths
 * start the window; any other bare word is an unknown command. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "bw-application.h"
#include "bw-cli.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(BwApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc >= 2 && bw_cli_is_subcommand (argv[1]))
    return bw_cli_run (argc, argv);

  /* A word that is neither a command nor a file is a mistyped command: say so, rather than
   * opening a window that cannot show it (DESIGN §5). */
  for (int i = 1; i < argc; i++)
    {
      if (argv[i][0] == '-' || g_file_test (argv[i], G_FILE_TEST_EXISTS))
        continue;
      return bw_cli_reject_argument (argv[i]);
    }

  app = bw_application_new ();
  /* Read while GTK connects to the display and loads its theme. */
  bw_application_load_catalog_in_background (app);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
