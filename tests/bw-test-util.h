/* bw-test-util.h: helpers shared by the test programs. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit code meson reads as "skipped". */
#define BW_TEST_SKIP 77

/* Path of a file in ../shared/data (the real ATT&CK and CTID data). If the data is absent
 * (a user's fresh clone), prints why and exits 77 so the test counts as skipped. */
char *bw_test_shared_data (const char *relative_path);

/* Path of a file in the source tree (tests/fixtures/…, data/samples/…). */
char *bw_test_source_path (const char *relative_path);

/* Path of the built bulwark binary. */
const char *bw_test_bulwark (void);

/* Runs the bulwark binary with ARGV (NULL-terminated, without argv[0]); returns its exit code
 * and fills stdout/stderr when the out pointers are not NULL. */
int bw_test_run_bulwark (const char *const *args,
                         char              **out_stdout,
                         char              **out_stderr);

/* Reads a whole file, asserting it exists. */
char *bw_test_read_file (const char *path,
                         gsize      *out_length);

G_END_DECLS
