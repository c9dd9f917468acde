/* source.h - one input file's bytes and its line index, for positions and
 * for quoting source lines in diagnostics.
 *
 * Ownership: a source and its text live in the arena passed to the reader. */
#ifndef EGAF_SOURCE_H
#define EGAF_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/utf8.h"

typedef struct egaf_source {
    const char *path; /* as the user named it, for messages */
    /* NUL-terminated copy; may hold NUL bytes of its own. NULL once released
     * (egaf_source_release_text): lines are then read again from the file. */
    const char *text;
    size_t len;
    uint32_t *line_starts; /* byte offset of each line's first byte */
    uint32_t nlines;
    /* the file as it was read, to know it is unchanged when read again */
    bool from_file;
    unsigned long long dev, ino, mtime_ns;
} egaf_source;

/* A position in a source: 1-based line and column, columns in characters as
 * a person counts them (grapheme clusters, base/utf8.h).
 * end_col, when not 0, is the column just past the marked text on the same
 * line (for the caret's ~~~ span). */
typedef struct egaf_mark {
    const egaf_source *src;
    uint32_t line;
    uint32_t col;
    uint32_t end_col;
} egaf_mark;

typedef enum egaf_read_status {
    EGAF_READ_OK,
    EGAF_READ_NOT_FOUND,
    EGAF_READ_DENIED,
    EGAF_READ_DIRECTORY,
    EGAF_READ_SPECIAL, /* FIFO, device, socket: never opened for reading */
    EGAF_READ_TOO_LARGE,
    EGAF_READ_IO_ERROR,
    EGAF_READ_NO_MEMORY,
} egaf_read_status;

/* Reads a regular file of at most max_size bytes. Never blocks on a FIFO:
 * special files are refused after a non-blocking open. */
egaf_read_status egaf_source_read(egaf_arena *arena, const char *path, size_t max_size,
                                  egaf_source **out);
/* The same, with the text in text_arena (a scratch arena the caller resets
 * once the file is parsed; it then calls egaf_source_release_text). The
 * source itself and its line index are in arena. */
egaf_read_status egaf_source_read_split(egaf_arena *arena, egaf_arena *text_arena,
                                        const char *path, size_t max_size, egaf_source **out);
/* Forgets the text of a source read from a file: a national model then keeps
 * its line index, not a second copy of every file. */
void egaf_source_release_text(egaf_source *src);
/* A copy of src in arena, its lines read again from the file (a source not
 * read from a file keeps a copy of its text): what a finding quotes of a
 * model's files after the model is freed. NULL when out of memory. */
egaf_source *egaf_source_copy(egaf_arena *arena, const egaf_source *src);
/* A source over bytes already in memory (tests, fuzzing, git revisions). */
egaf_source *egaf_source_from_memory(egaf_arena *arena, const char *path, const char *data,
                                     size_t len);
/* Length in bytes of a line without its line break; 0 when out of range. */
size_t egaf_source_line_length(const egaf_source *src, uint32_t line);
/* Line text without its line break: a pointer into the source's text, or,
 * once the text is released, into buf, read again from the file. NULL when
 * line is out of range, or the file changed or cannot be read since. */
const char *egaf_source_line(const egaf_source *src, uint32_t line, size_t *len, egaf_buf *buf);
/* Converts a byte offset into a line and a character column. */
void egaf_source_position(const egaf_source *src, size_t offset, uint32_t *line, uint32_t *col);
/* Human text for a read status ("no such file", ...). */
const char *egaf_read_status_text(egaf_read_status status);

#endif
