/* doc.h - the architecture document as a list of blocks (headings,
 * paragraphs, tables, figures), made from a model by egaf_doc_build() in the
 * chapter order of the framework's guidance, then written by a backend:
 * egaf_doc_write_docx() (Office Open XML, what the Minister or the
 * provincial chairman signs) or egaf_doc_write_html() (one self-contained
 * page to print). The same model and reference data give the same bytes.
 *
 * Text is in the language of the messages (the caller chooses it).
 *
 * Ownership: egaf_doc_build() returns a document the caller releases with
 * egaf_doc_free(); every block and string lives in its arena. */
#ifndef EGAF_DOC_H
#define EGAF_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/diag.h"
#include "model/model.h"
#include "refs/refs.h"
#include "render/render.h"

typedef enum egaf_block_kind {
    EGAF_BLOCK_TITLE,   /* text: the title; lines: what the cover page says */
    EGAF_BLOCK_TOC,     /* text: "Mục lục" */
    EGAF_BLOCK_HEADING, /* level 1-3, text with its number */
    EGAF_BLOCK_PARA,
    EGAF_BLOCK_BULLET,
    EGAF_BLOCK_NUMBERED, /* an item of a numbered list: level is its number */
    EGAF_BLOCK_TABLE,  /* caption (numbered), cols, cells: rows*cols, the first row the head */
    EGAF_BLOCK_FIGURE, /* caption (numbered), png of width x height pixels */
} egaf_block_kind;

typedef struct egaf_block {
    egaf_block_kind kind;
    int level;
    const char *text; /* heading, paragraph, bullet, caption, title */
    const char **lines;
    size_t nlines;
    size_t cols, rows; /* TABLE */
    const char **cells;
    const unsigned *widths; /* TABLE: per column, in percent of the text width */
    const unsigned char *png; /* FIGURE */
    size_t png_len;
    unsigned width, height; /* FIGURE, pixels */
    bool landscape;         /* FIGURE: wider than it is tall, on a landscape page */
} egaf_block;

typedef struct egaf_doc {
    egaf_arena *arena;
    egaf_block *blocks;
    size_t count, cap;
    const char *title;
    const char *lang; /* "vi" or "en", for the documents' language tags */
    bool failed;      /* memory ran out: the document is incomplete */
} egaf_doc;

typedef struct egaf_doc_options {
    bool english;     /* the document's language tag; text follows the messages */
    bool no_diagrams; /* skip the figures (tests of text only) */
    egaf_gv *gv;      /* the caller's Graphviz context; NULL: no figures */
} egaf_doc_options;

/* Builds the document of model (validated with the reference models: the
 * assessment chapter lists the findings). Diagrams are laid out here;
 * their problems go to diags. Returns NULL only when memory runs out. */
egaf_doc *egaf_doc_build(const egaf_model *model, const egaf_refs *refs,
                         const egaf_doc_options *options, egaf_diags *diags);
void egaf_doc_free(egaf_doc *doc);

/* The document as a DOCX package (a ZIP) in out. Returns 0, or -1 when the
 * package could not be made (out of memory, libzip failed). */
int egaf_doc_write_docx(const egaf_doc *doc, egaf_buf *out);
/* The document as one HTML page, figures inline, a print stylesheet. */
int egaf_doc_write_html(const egaf_doc *doc, egaf_buf *out);

#endif
