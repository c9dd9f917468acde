/* position.h - between egaf's positions (1-based lines, columns counted in
 * characters) and the Language Server Protocol's (0-based lines, characters
 * counted in UTF-16 code units, the protocol's default encoding). */
#ifndef EGAF_LSP_POSITION_H
#define EGAF_LSP_POSITION_H

#include <stddef.h>
#include <stdint.h>

/* The UTF-16 offset of egaf's column col (1-based) in a line of len bytes;
 * past the line's end, the line's UTF-16 length. */
uint32_t egaf_lsp_utf16_of_col(const char *line, size_t len, uint32_t col);
/* The byte offset in the line of a UTF-16 offset (clamped to the line). */
size_t egaf_lsp_byte_of_utf16(const char *line, size_t len, uint32_t utf16);
/* The byte range [*start, *end) of 0-based line in text (without its line
 * break). Returns 0, or -1 when text has fewer lines. */
int egaf_lsp_line_range(const char *text, size_t len, uint32_t line, size_t *start, size_t *end);

#endif
