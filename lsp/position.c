/* position.c - egaf columns and LSP positions (position.h). */
#include "lsp/position.h"

#include <stdbool.h>

static bool starts_character(unsigned char c)
{
    return (c & 0xC0) != 0x80;
}

/* UTF-16 units of the character that starts with byte c: two for the
 * four-byte sequences (outside the Basic Multilingual Plane). */
static uint32_t utf16_units(unsigned char c)
{
    return c >= 0xF0 ? 2 : 1;
}

uint32_t egaf_lsp_utf16_of_col(const char *line, size_t len, uint32_t col)
{
    uint32_t units = 0, chars = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)line[i];
        if (!starts_character(c))
            continue;
        if (chars + 1 >= col)
            return units;
        chars++;
        units += utf16_units(c);
    }
    return units;
}

size_t egaf_lsp_byte_of_utf16(const char *line, size_t len, uint32_t utf16)
{
    uint32_t units = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)line[i];
        if (!starts_character(c))
            continue;
        if (units >= utf16)
            return i;
        units += utf16_units(c);
    }
    return len;
}

int egaf_lsp_line_range(const char *text, size_t len, uint32_t line, size_t *start, size_t *end)
{
    size_t i = 0;
    for (uint32_t l = 0; l < line; l++) {
        while (i < len && text[i] != '\n')
            i++;
        if (i == len)
            return -1;
        i++;
    }
    size_t e = i;
    while (e < len && text[e] != '\n')
        e++;
    *start = i;
    *end = e > i && text[e - 1] == '\r' ? e - 1 : e;
    return 0;
}
