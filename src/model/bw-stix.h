/* bw-stix.h: the MITRE ATT&CK STIX bundle importer. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  char     version[32];
  guint    tactics;
  guint    techniques;     /* live techniques and sub-techniques */
  guint    subtechniques;
  guint    groups;
  guint    revoked;
  gboolean stix_21;
} BwStixStats;

/* Reads the bundle (STIX 2.0 or 2.1, plain or .xz) and returns the catalog's attack.json text.
 * The ATT&CK version comes from the bundle's x-mitre-collection, else `version_hint`, else a
 * "NN.N" in the file name. */
char       *bw_stix_import             (const char  *path,
                                        const char  *version_hint,
                                        BwStixStats *stats,
                                        GError     **error);

/* The same from the bundle's text (plain JSON; takes the reference). `name` is used in messages
 * and for the version when the bundle does not carry it. */
char       *bw_stix_import_bytes       (GBytes      *bytes,
                                        const char  *name,
                                        const char  *version_hint,
                                        BwStixStats *stats,
                                        GError     **error);

/* The same, also giving descriptions.json's text in `out_descriptions`: per technique its page
 * on attack.mitre.org and the first paragraph of its description, citations stripped. */
char       *bw_stix_import_full        (const char  *path,
                                        const char  *version_hint,
                                        BwStixStats *stats,
                                        char       **out_descriptions,
                                        GError     **error);
char       *bw_stix_import_bytes_full  (GBytes      *bytes,
                                        const char  *name,
                                        const char  *version_hint,
                                        BwStixStats *stats,
                                        char       **out_descriptions,
                                        GError     **error);

/* The first paragraph of an ATT&CK description as plain text: "(Citation: …)" and HTML tags
 * removed, Markdown links reduced to their text, spaces tidied (bw-stix-text.c). NULL for
 * NULL. */
char       *bw_stix_first_paragraph    (const char  *description);

/* Current ATT&CK name of a platform ("Network" → "Network Devices"). */
const char *bw_stix_normalize_platform (const char  *platform);

/* ATT&CK 18.1 is 50.7 MB as one bundle: four times that leaves room for growth and refuses a
 * small .xz that would expand into gigabytes. */
#define BW_STIX_MAX_BUNDLE_SIZE ((gsize) 200 << 20)

/* A file's contents, decompressed when it is xz (bw-stix-xz.c). */
GBytes     *bw_read_maybe_xz           (const char  *path,
                                        GError     **error);

G_END_DECLS
