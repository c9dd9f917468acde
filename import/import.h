/* import.h - back from ArchiMate: the Open Group exchange format (written by
 * Archi, BiZZdesign, egaf export …) and Archi's three CSV files, read into
 * one egaf model written as YAML (docs/export.md, "The way back").
 *
 * Both readers fill one concept model (elements, relationships, properties,
 * each with the line it was read at); the mapping turns it into the egaf
 * model: an element of a type egaf has becomes an element of that kind, a
 * relationship that an egaf reference field expresses becomes that
 * reference, and what egaf export wrote as properties (egaf-kind, egaf-id,
 * the fields, integrations) comes back as it was, so an export imported and
 * exported again gives the same file. Everything that has no egaf form is a
 * finding (import.unmapped) at its line, and left out.
 *
 * The input is hostile: the XML is read by libxml2 with no network access,
 * no external entity or DTD loading, no entity substitution, libxml2's
 * depth and text limits, and a document type declaration is refused; sizes
 * are capped. The library writes nothing but the caller's buffer. */
#ifndef EGAF_IMPORT_H
#define EGAF_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "base/diag.h"

#define EGAF_IMPORT_MAX_SIZE (64u * 1024 * 1024) /* one input file */
#define EGAF_IMPORT_MAX_ITEMS 1000000            /* elements, relationships, properties */

typedef struct egaf_import_options {
    const char *arch; /* the architecture to take when the file holds several
                         (the egaf id); NULL: the only one */
} egaf_import_options;

/* The exchange file (data, len; path names it in findings) as an egaf model
 * in YAML, appended to out. Returns 0 when a model was written (findings
 * may list what was left out), 1 when the input could not be read as the
 * exchange format (a finding import.unreadable says why and where), -1 when
 * memory ran out. */
int egaf_import_archimate(egaf_buf *out, const char *path, const char *data, size_t len,
                          const egaf_import_options *options, egaf_diags *diags);

/* Archi's CSV files: elements, relations and properties (paths[i] names
 * data[i] in findings; relations and properties may be empty). Returns as
 * above. */
int egaf_import_csv(egaf_buf *out, const char *const paths[3], const char *const data[3],
                    const size_t len[3], const egaf_import_options *options,
                    egaf_diags *diags);

#endif
