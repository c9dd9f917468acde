/* html.c - the architecture document as one self-contained HTML page
 * (doc.h): figures inline as data: URIs, a stylesheet for the screen and
 * one for A4 printing; no script, nothing fetched. */
#include "document/doc.h"

#include <stdio.h>
#include <string.h>

static const char style[] =
    "body{font-family:'Times New Roman','DejaVu Serif',serif;font-size:13pt;line-height:1.4;"
    "max-width:48em;margin:2em auto;padding:0 1em;color:#111}"
    "h1.title{text-align:center;font-size:20pt;margin-top:4em}"
    "p.sub{text-align:center;font-style:italic}"
    "h1{font-size:16pt}h2{font-size:14pt}h3{font-size:13pt;font-style:italic}"
    "table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em;font-size:11pt}"
    "th,td{border:1px solid #000;padding:2px 4px;vertical-align:top;text-align:left}"
    "th{background:#dce6f1}caption,figcaption{font-weight:bold;font-style:italic;"
    "padding:.3em;text-align:center}"
    "figure{margin:1em 0;text-align:center}figure img{max-width:100%;height:auto}"
    "nav li{list-style:none}nav li.l2{margin-left:1.5em}"
    "@media print{@page{size:A4;margin:20mm 20mm 20mm 30mm}body{max-width:none;margin:0}"
    "h1{break-before:page}h1.title{break-before:auto}nav{break-after:page}"
    "figure,tr{break-inside:avoid}thead{display:table-header-group}}";

static void base64(egaf_buf *b, const unsigned char *p, size_t n)
{
    static const char digits[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)p[i] << 16 | (i + 1 < n ? (unsigned)p[i + 1] << 8 : 0) |
                     (i + 2 < n ? p[i + 2] : 0);
        char out[4] = {digits[v >> 18 & 63], digits[v >> 12 & 63],
                       i + 1 < n ? digits[v >> 6 & 63] : '=', i + 2 < n ? digits[v & 63] : '='};
        egaf_buf_add(b, out, 4);
    }
}

/* text between an element's opening and closing tags */
static void tagged(egaf_buf *b, const char *open, const char *text, const char *close)
{
    egaf_buf_puts(b, open);
    egaf_buf_xml_text(b, text);
    egaf_buf_puts(b, close);
}

int egaf_doc_write_html(const egaf_doc *doc, egaf_buf *b)
{
    egaf_buf_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
                       "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                       "img-src data:; style-src 'unsafe-inline'\"><title>",
                    doc->lang);
    egaf_buf_xml_text(b, doc->title);
    egaf_buf_printf(b, "</title><style>%s</style></head><body>\n", style);
    int heading = 0;
    for (size_t i = 0; i < doc->count; i++) {
        const egaf_block *blk = &doc->blocks[i];
        switch (blk->kind) {
        case EGAF_BLOCK_TITLE:
            tagged(b, "<h1 class=\"title\">", blk->text, "</h1>\n");
            for (size_t l = 0; l < blk->nlines; l++) {
                tagged(b, "<p class=\"sub\">", blk->lines[l], "</p>\n");
            }
            break;
        case EGAF_BLOCK_TOC: {
            tagged(b, "<nav><h2>", blk->text, "</h2><ul>");
            int n = 0;
            for (size_t j = 0; j < doc->count; j++) {
                const egaf_block *h = &doc->blocks[j];
                if (h->kind != EGAF_BLOCK_HEADING)
                    continue;
                n++;
                if (h->level > 2)
                    continue;
                egaf_buf_printf(b, "<li class=\"l%d\"><a href=\"#h%d\">", h->level, n);
                egaf_buf_xml_text(b, h->text);
                egaf_buf_puts(b, "</a></li>");
            }
            egaf_buf_puts(b, "</ul></nav>\n");
            break;
        }
        case EGAF_BLOCK_HEADING:
            egaf_buf_printf(b, "<h%d id=\"h%d\">", blk->level, ++heading);
            egaf_buf_xml_text(b, blk->text);
            egaf_buf_printf(b, "</h%d>\n", blk->level);
            break;
        case EGAF_BLOCK_PARA:
            tagged(b, "<p>", blk->text, "</p>\n");
            break;
        case EGAF_BLOCK_BULLET:
            tagged(b, "<ul><li>", blk->text, "</li></ul>\n");
            break;
        case EGAF_BLOCK_NUMBERED:
            egaf_buf_printf(b, "<ol start=\"%d\"><li>", blk->level);
            egaf_buf_xml_text(b, blk->text);
            egaf_buf_puts(b, "</li></ol>\n");
            break;
        case EGAF_BLOCK_TABLE:
            tagged(b, "<table><caption>", blk->text, "</caption><thead><tr>");
            for (size_t r = 0; r < blk->rows; r++) {
                if (r == 1)
                    egaf_buf_puts(b, "</tr></thead><tbody><tr>");
                else if (r > 1)
                    egaf_buf_puts(b, "</tr><tr>");
                for (size_t c = 0; c < blk->cols; c++) {
                    tagged(b, r ? "<td>" : "<th scope=\"col\">", blk->cells[r * blk->cols + c],
                           r ? "</td>" : "</th>");
                }
            }
            egaf_buf_puts(b, blk->rows > 1 ? "</tr></tbody></table>\n" : "</tr></thead></table>\n");
            break;
        case EGAF_BLOCK_FIGURE:
            egaf_buf_printf(b, "<figure><img width=\"%u\" height=\"%u\" alt=\"", blk->width,
                            blk->height);
            egaf_buf_xml_text(b, blk->text);
            egaf_buf_puts(b, "\" src=\"data:image/png;base64,");
            base64(b, blk->png, blk->png_len);
            tagged(b, "\"><figcaption>", blk->text, "</figcaption></figure>\n");
            break;
        }
    }
    egaf_buf_puts(b, "</body></html>\n");
    return b->failed ? -1 : 0;
}
