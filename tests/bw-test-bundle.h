/* bw-test-bundle.h: ATT&CK bundles made from the small test bundle (tests/fixtures/stix), in
 * the shape of a release with 14 tactics (up to 18) or 15 (19: Defense Evasion split into
 * Stealth and Defense Impairment), and a Mappings Explorer file for them. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The capability the test mappings file maps (one the shipped stencils bundle). */
#define BW_TEST_BUNDLE_CAPABILITY "alerts_for_windows_machines"

/* Writes the bundle as STIX 2.1 into `dir` and returns its path. v19: 15 tactics; T1562.001
 * revoked by the new T1562.014, T1562.002 deprecated and moved (same name) to the new
 * T1685.001, T1562.003 deprecated with no successor. Otherwise ("18.9"): 14 tactics, those three
 * live under defense-evasion. */
char *bw_test_write_bundle   (const char *dir,
                              gboolean    v19);
/* The same, with one more tactic at the end of the matrix (TA0199, `shortname`) that the
 * kill-chain table does not know, and a technique T1999 under it. */
char *bw_test_write_bundle_with_tactic (const char *dir,
                                        gboolean    v19,
                                        const char *shortname);

/* Writes a Mappings Explorer file mapping BW_TEST_BUNDLE_CAPABILITY to T1027, T1059,
 * T1562.001, T1562.002, T1562.003 and T1566.001, and returns its path. */
char *bw_test_write_mappings (const char *dir);

/* A bundle with one live technique (T1059) and `n` revoked ones (T90000000, T90000001, …),
 * each revoked by the next, the last by T1059 (or, with `cycle`, by the first). */
char *bw_test_revoked_chain (guint    n,
                             gboolean cycle);

G_END_DECLS
