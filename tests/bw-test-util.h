/* bw-test-util.h: helpers shared by the test programs. */
#pragma once

#include <glib.h>

#include "bw-catalog.h"
#include "bw-document.h"
#include "bw-report.h"

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
/* Removes a directory and everything in it; links are removed, never followed. */
void bw_test_remove_tree (const char *path);

char *bw_test_read_file (const char *path,
                         gsize      *out_length);

/* A tiny catalog made for hand-checked figures (see bw-test-util.c for its contents): tactics
 * recon, exec, persist, evade; techniques T1–T5; groups G1 (T2) and G2 (T3, T4); capabilities
 * cap.full, cap.extra, cap.siem; stencils zone.a, win, lin, web, svc, svc.win, siem, col. */
BwCatalog  *bw_test_tiny_catalog (void);
/* The tiny catalog with initial access for rule 10 (see bw-test-util.c): adds tactic
 * initial-access, T6 (initial access only) and T7 (initial access and persist), capability
 * cap.mail, stencils mail (an asset on platform Office) and mdo (guards mail only). */
BwCatalog  *bw_test_delivery_catalog (void);

/* A document from a compact description, one object per line: "z1 zone.a -" (zone, parent),
 * "n1 win z1" (node, zone), "e1 protects n2 z1" (edge kind, from, to). */
BwDocument *bw_test_build_document (const char *const *lines);

/* Asserts that `live` (an engine's report, kept up to date) is the report a full recompute of
 * `document` with `catalog` gives. */
void bw_test_assert_report_current (BwCatalog  *catalog,
                                    BwDocument *document,
                                    BwReport   *live);

G_END_DECLS
