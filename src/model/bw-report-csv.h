/* bw-report-csv.h: the coverage as CSV for spreadsheets (`analyze --format csv`): RFC 4180
 * (a header row, CRLF line ends, fields quoted where they hold a comma, a quote or a line
 * break), and safe to open: a cell that a spreadsheet would read as a formula is prefixed
 * with an apostrophe. */
#pragma once

#include "bw-catalog.h"
#include "bw-document.h"
#include "bw-report.h"

G_BEGIN_DECLS

/* Appends one field: quoted when needed, and with a leading ' when it starts with =, +, -,
 * @, TAB or CR (quoting alone does not stop a spreadsheet from evaluating it). */
void  bw_csv_append_field       (GString    *out,
                                 const char *text);

/* One row per (technique, applicable asset), techniques by id and assets in document order:
 * technique, name, tactics, asset, asset_label, status, best_score, services (the labels of
 * the covering services that give it a protect or detect score, joined by "; "). */
char *bw_report_csv_per_asset   (BwCatalog  *catalog,
                                 BwDocument *document,
                                 gsize      *out_length);

/* One row per applicable technique, as the JSON report lists them: technique, name, tactics,
 * status, protect, detect, respond, applicable_assets, covered_assets. */
char *bw_report_csv_summary     (BwReport   *report,
                                 BwCatalog  *catalog,
                                 gsize      *out_length);

G_END_DECLS
