/* fuzz_import.c - libFuzzer target: `egaf import`'s readers of hostile
 * files, the ArchiMate exchange XML (libxml2) and Archi's three CSV files,
 * and the mapping of what they read into a model.
 *
 * An input without a NUL byte is an exchange file. With NUL bytes it is up
 * to three CSV files (elements, relations, properties) in that order. The
 * model written must load again without a crash (egaf_model_load_memory),
 * and the findings go through every report writer (report_check.h). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "fuzz/report_check.h"
#include "import/import.h"
#include "model/model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    egaf_diags *diags = egaf_diags_create();
    if (!diags)
        return 0;
    egaf_buf out;
    egaf_buf_init(&out);
    egaf_import_options options = {NULL};
    int rc;
    if (!memchr(data, 0, size)) {
        rc = egaf_import_archimate(&out, "fuzz.xml", text, size, &options, diags);
    } else {
        const char *parts[3] = {"", "", ""};
        size_t len[3] = {0, 0, 0};
        const char *p = text, *end = text + size;
        for (int i = 0; i < 3 && p <= end; i++) {
            const char *nul = memchr(p, 0, (size_t)(end - p));
            parts[i] = p;
            len[i] = nul ? (size_t)(nul - p) : (size_t)(end - p);
            if (!nul)
                break;
            p = nul + 1;
        }
        static const char *const paths[3] = {"elements.csv", "relations.csv", "properties.csv"};
        rc = egaf_import_csv(&out, paths, parts, len, &options, diags);
    }
    if (rc == 0 && !out.failed) {
        egaf_diags *load = egaf_diags_create();
        if (load) {
            egaf_model *m = egaf_model_load_memory("imported.yaml", out.data ? out.data : "",
                                                   out.len, NULL, load);
            egaf_model_free(m);
            egaf_diags_free(load);
        }
    }
    rc_run_writers(diags, false, false);
    egaf_buf_free(&out);
    egaf_diags_free(diags);
    return 0;
}
