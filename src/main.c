/* main.c: one binary — a known subcommand runs headless, anything else starts the window. */
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

  app = bw_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
