/* docx.c - the architecture document as Office Open XML (doc.h): A4 pages
 * with the margins of Vietnamese administrative documents (NĐ 30/2020/NĐ-CP:
 * 20 mm top and bottom, 30 mm left, 20 mm right), headings Word and
 * LibreOffice list in the table of contents, numbered captions, page numbers
 * in the footer, and landscape pages for wide diagrams. The ZIP container
 * is written by libzip with fixed times, so the same document gives the
 * same bytes. */
#include "document/doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

/* Page geometry in twentieths of a point (twips). */
enum {
    PAGE_W = 11906,
    PAGE_H = 16838,
    MARGIN_TOP = 1134,
    MARGIN_BOTTOM = 1134,
    MARGIN_LEFT = 1701,
    MARGIN_RIGHT = 1134,
    TEXT_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT,
    TEXT_W_LANDSCAPE = PAGE_H - MARGIN_LEFT - MARGIN_RIGHT,
    TEXT_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM,
    TEXT_H_LANDSCAPE = PAGE_W - MARGIN_TOP - MARGIN_BOTTOM,
};
#define EMU_PER_TWIP 635LL
#define EMU_PER_PIXEL 6096LL /* at 150 dots per inch, as the figures are drawn */

static const char xml_head[] = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
static const char ns_w[] = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
static const char ns_r[] = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/* One paragraph of style with the text as one run. */
static void paragraph(egaf_buf *b, const char *style, const char *text, const char *extra_ppr)
{
    egaf_buf_puts(b, "<w:p><w:pPr>");
    if (style)
        egaf_buf_printf(b, "<w:pStyle w:val=\"%s\"/>", style);
    if (extra_ppr)
        egaf_buf_puts(b, extra_ppr);
    egaf_buf_puts(b, "</w:pPr>");
    if (text && *text) {
        egaf_buf_puts(b, "<w:r><w:t xml:space=\"preserve\">");
        egaf_buf_xml_text(b, text);
        egaf_buf_puts(b, "</w:t></w:r>");
    }
    egaf_buf_puts(b, "</w:p>");
}

static void section_properties(egaf_buf *b, bool landscape)
{
    egaf_buf_puts(b, "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>");
    if (landscape)
        egaf_buf_printf(b, "<w:pgSz w:w=\"%d\" w:h=\"%d\" w:orient=\"landscape\"/>", PAGE_H,
                        PAGE_W);
    else
        egaf_buf_printf(b, "<w:pgSz w:w=\"%d\" w:h=\"%d\"/>", PAGE_W, PAGE_H);
    egaf_buf_printf(b,
                    "<w:pgMar w:top=\"%d\" w:right=\"%d\" w:bottom=\"%d\" w:left=\"%d\" "
                    "w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>",
                    MARGIN_TOP, MARGIN_RIGHT, MARGIN_BOTTOM, MARGIN_LEFT);
    egaf_buf_puts(b, "</w:sectPr>");
}

/* Ends the section so far: its properties ride on an empty paragraph. */
static void end_section(egaf_buf *b, bool landscape)
{
    egaf_buf_puts(b, "<w:p><w:pPr>");
    section_properties(b, landscape);
    egaf_buf_puts(b, "</w:pPr></w:p>");
}

static void title_page(egaf_buf *b, const egaf_block *blk)
{
    paragraph(b, "Title", blk->text, "<w:spacing w:before=\"4000\"/>");
    for (size_t i = 0; i < blk->nlines; i++)
        paragraph(b, "Subtitle", blk->lines[i], NULL);
    egaf_buf_puts(b, "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
}

/* The table of contents: a TOC field (Word fills in the page numbers when it
 * updates the fields on opening), with the headings as its cached text so
 * every reader shows the contents before an update. */
static void toc(egaf_buf *b, const egaf_doc *doc, const egaf_block *blk)
{
    paragraph(b, "TOCHeading", blk->text, NULL);
    egaf_buf_puts(b, "<w:p><w:pPr><w:pStyle w:val=\"TOC1\"/></w:pPr>"
                     "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r>"
                     "<w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-2\" \\h \\z \\u "
                     "</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
                     "</w:p>");
    for (size_t i = 0; i < doc->count; i++) {
        const egaf_block *h = &doc->blocks[i];
        if (h->kind != EGAF_BLOCK_HEADING || h->level > 2)
            continue;
        paragraph(b, h->level == 1 ? "TOC1" : "TOC2", h->text, NULL);
    }
    egaf_buf_puts(b, "<w:p><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>");
}

static void table(egaf_buf *b, const egaf_block *t)
{
    paragraph(b, "Caption", t->text, "<w:keepNext/>");
    egaf_buf_puts(b, "<w:tbl><w:tblPr><w:tblStyle w:val=\"EgafTable\"/>"
                     "<w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/>"
                     "</w:tblPr><w:tblGrid>");
    for (size_t c = 0; c < t->cols; c++)
        egaf_buf_printf(b, "<w:gridCol w:w=\"%u\"/>", TEXT_W * t->widths[c] / 100);
    egaf_buf_puts(b, "</w:tblGrid>");
    for (size_t r = 0; r < t->rows; r++) {
        egaf_buf_puts(b, r == 0 ? "<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>"
                                : "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        for (size_t c = 0; c < t->cols; c++) {
            egaf_buf_printf(b, "<w:tc><w:tcPr><w:tcW w:w=\"%u\" w:type=\"dxa\"/>%s</w:tcPr>",
                            TEXT_W * t->widths[c] / 100,
                            r == 0 ? "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"DCE6F1\"/>"
                                   : "");
            paragraph(b, r == 0 ? "TableHead" : "TableText", t->cells[r * t->cols + c], NULL);
            egaf_buf_puts(b, "</w:tc>");
        }
        egaf_buf_puts(b, "</w:tr>");
    }
    egaf_buf_puts(b, "</w:tbl>");
    paragraph(b, NULL, "", NULL);
}

/* A figure: the picture fitted to the text area, its caption below. */
static void figure(egaf_buf *b, const egaf_block *f, int n)
{
    long long max_w = (f->landscape ? TEXT_W_LANDSCAPE : TEXT_W) * EMU_PER_TWIP;
    long long max_h = ((f->landscape ? TEXT_H_LANDSCAPE : TEXT_H) - 1400) * EMU_PER_TWIP;
    long long w = f->width * EMU_PER_PIXEL, h = f->height * EMU_PER_PIXEL;
    if (w > max_w) {
        h = h * max_w / w;
        w = max_w;
    }
    if (h > max_h) {
        w = w * max_h / h;
        h = max_h;
    }
    if (f->landscape)
        end_section(b, false);
    egaf_buf_puts(b, "<w:p><w:pPr><w:pStyle w:val=\"Figure\"/><w:keepNext/></w:pPr><w:r><w:drawing>"
                     "<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">");
    egaf_buf_printf(b, "<wp:extent cx=\"%lld\" cy=\"%lld\"/>", w, h);
    egaf_buf_printf(b, "<wp:docPr id=\"%d\" name=\"figure%d\" descr=\"", n, n);
    egaf_buf_xml_text(b, f->text);
    egaf_buf_puts(b, "\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/>"
                     "</wp:cNvGraphicFramePr><a:graphic><a:graphicData "
                     "uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>");
    egaf_buf_printf(b,
                    "<pic:nvPicPr><pic:cNvPr id=\"%d\" name=\"image%d.png\"/><pic:cNvPicPr/>"
                    "</pic:nvPicPr><pic:blipFill><a:blip r:embed=\"rIdImage%d\"/><a:stretch>"
                    "<a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm>"
                    "<a:off x=\"0\" y=\"0\"/><a:ext cx=\"%lld\" cy=\"%lld\"/></a:xfrm>"
                    "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"
                    "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>",
                    n, n, n, w, h);
    paragraph(b, "Caption", f->text, NULL);
    if (f->landscape)
        end_section(b, true);
}

/* after its XML head */
static void document_xml(egaf_buf *b, const egaf_doc *doc)
{
    egaf_buf_printf(b,
                    "<w:document xmlns:w=\"%s\" xmlns:r=\"%s\" "
                    "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/"
                    "wordprocessingDrawing\" "
                    "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
                    "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
                    "<w:body>",
                    ns_w, ns_r);
    int figures = 0;
    for (size_t i = 0; i < doc->count; i++) {
        const egaf_block *blk = &doc->blocks[i];
        switch (blk->kind) {
        case EGAF_BLOCK_TITLE:
            title_page(b, blk);
            break;
        case EGAF_BLOCK_TOC:
            toc(b, doc, blk);
            break;
        case EGAF_BLOCK_HEADING: {
            char style[16];
            snprintf(style, sizeof style, "Heading%d", blk->level);
            /* each chapter on a new page */
            paragraph(b, style, blk->text, blk->level == 1 ? "<w:pageBreakBefore/>" : NULL);
            break;
        }
        case EGAF_BLOCK_PARA:
            paragraph(b, NULL, blk->text, NULL);
            break;
        case EGAF_BLOCK_BULLET: {
            egaf_buf_puts(b, "<w:p><w:pPr><w:pStyle w:val=\"ListBullet\"/></w:pPr>"
                             "<w:r><w:t xml:space=\"preserve\">\xE2\x80\xA2\t");
            egaf_buf_xml_text(b, blk->text);
            egaf_buf_puts(b, "</w:t></w:r></w:p>");
            break;
        }
        case EGAF_BLOCK_NUMBERED:
            /* the number written out, like the bullet: no numbering part to
             * keep in step, and the same bytes every time */
            egaf_buf_printf(b,
                            "<w:p><w:pPr><w:pStyle w:val=\"ListBullet\"/></w:pPr>"
                            "<w:r><w:t xml:space=\"preserve\">%d.\t",
                            blk->level);
            egaf_buf_xml_text(b, blk->text);
            egaf_buf_puts(b, "</w:t></w:r></w:p>");
            break;
        case EGAF_BLOCK_TABLE:
            table(b, blk);
            break;
        case EGAF_BLOCK_FIGURE:
            figure(b, blk, ++figures);
            break;
        }
    }
    section_properties(b, false);
    egaf_buf_puts(b, "</w:body></w:document>");
}

/* after its XML head */
static void styles_xml(egaf_buf *b, const char *lang)
{
    egaf_buf_printf(b, "<w:styles xmlns:w=\"%s\">", ns_w);
    egaf_buf_printf(b,
                    "<w:docDefaults><w:rPrDefault><w:rPr>"
                    "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" "
                    "w:cs=\"Times New Roman\" w:eastAsia=\"Times New Roman\"/>"
                    "<w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/><w:lang w:val=\"%s\"/>"
                    "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
                    "<w:spacing w:after=\"120\" w:line=\"288\" w:lineRule=\"auto\"/>"
                    "<w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults>",
                    strcmp(lang, "en") == 0 ? "en-GB" : "vi-VN");
    /* id, name, paragraph properties, run properties, outline level (-1: none) */
    static const struct {
        const char *id, *name, *ppr, *rpr;
        int outline;
    } styles[] = {
        {"Normal", "Normal", "", "", -1},
        {"Title", "Title", "<w:jc w:val=\"center\"/><w:spacing w:after=\"480\"/>",
         "<w:b/><w:sz w:val=\"40\"/>", -1},
        {"Subtitle", "Subtitle", "<w:jc w:val=\"center\"/><w:spacing w:after=\"240\"/>",
         "<w:i/><w:sz w:val=\"28\"/>", -1},
        {"Heading1", "heading 1",
         "<w:keepNext/><w:spacing w:before=\"360\" w:after=\"240\"/><w:jc w:val=\"left\"/>",
         "<w:b/><w:sz w:val=\"32\"/>", 0},
        {"Heading2", "heading 2",
         "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/><w:jc w:val=\"left\"/>",
         "<w:b/><w:sz w:val=\"28\"/>", 1},
        {"Heading3", "heading 3", "<w:keepNext/><w:spacing w:before=\"200\" w:after=\"100\"/>",
         "<w:b/><w:i/><w:sz w:val=\"26\"/>", 2},
        {"TOCHeading", "TOC Heading", "<w:jc w:val=\"center\"/><w:spacing w:after=\"240\"/>",
         "<w:b/><w:sz w:val=\"32\"/>", -1},
        {"TOC1", "toc 1", "<w:spacing w:after=\"60\"/><w:jc w:val=\"left\"/>", "<w:b/>", -1},
        {"TOC2", "toc 2", "<w:spacing w:after=\"40\"/><w:ind w:left=\"440\"/><w:jc w:val=\"left\"/>",
         "", -1},
        {"Caption", "caption", "<w:jc w:val=\"center\"/><w:spacing w:before=\"60\" w:after=\"200\"/>",
         "<w:b/><w:i/><w:sz w:val=\"24\"/>", -1},
        {"Figure", "Figure", "<w:jc w:val=\"center\"/><w:spacing w:before=\"120\" w:after=\"0\"/>",
         "", -1},
        {"TableHead", "Table Head", "<w:spacing w:after=\"0\"/><w:jc w:val=\"center\"/>",
         "<w:b/><w:sz w:val=\"22\"/>", -1},
        {"TableText", "Table Text", "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
                                    "<w:jc w:val=\"left\"/>",
         "<w:sz w:val=\"22\"/>", -1},
        {"ListBullet", "List Bullet", "<w:ind w:left=\"567\" w:hanging=\"283\"/>"
                                      "<w:tabs><w:tab w:val=\"left\" w:pos=\"567\"/></w:tabs>",
         "", -1},
    };
    for (size_t i = 0; i < sizeof styles / sizeof styles[0]; i++) {
        egaf_buf_printf(b,
                        "<w:style w:type=\"paragraph\" w:styleId=\"%s\"%s><w:name w:val=\"%s\"/>"
                        "%s<w:qFormat/><w:pPr>%s",
                        styles[i].id, i == 0 ? " w:default=\"1\"" : "", styles[i].name,
                        i == 0 ? "" : "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>",
                        styles[i].ppr);
        if (styles[i].outline >= 0)
            egaf_buf_printf(b, "<w:outlineLvl w:val=\"%d\"/>", styles[i].outline);
        egaf_buf_printf(b, "</w:pPr><w:rPr>%s</w:rPr></w:style>", styles[i].rpr);
    }
    egaf_buf_puts(b, "<w:style w:type=\"table\" w:styleId=\"EgafTable\"><w:name w:val=\"egaf table\"/>"
                     "<w:tblPr><w:tblBorders>"
                     "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                     "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                     "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                     "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                     "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                     "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                     "</w:tblBorders><w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/>"
                     "<w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>");
    egaf_buf_puts(b, "</w:styles>");
}

/* The package's parts, in the order they are stored. */
typedef struct part {
    char name[64];
    egaf_buf data;
    const unsigned char *bytes; /* instead of data: a figure's PNG */
    size_t len;
} part;

/* Names parts[i] and writes its XML head: the buffer for the rest. */
static egaf_buf *xml_part(part *parts, size_t i, const char *name)
{
    snprintf(parts[i].name, sizeof parts[i].name, "%s", name);
    egaf_buf_puts(&parts[i].data, xml_head);
    return &parts[i].data;
}

/* The figures' pictures into parts, word/media/image1.png on, in the
 * document's order (the relations name them so). */
static void figure_parts(part *parts, const egaf_doc *doc)
{
    size_t k = 0;
    for (size_t i = 0; i < doc->count; i++) {
        const egaf_block *f = &doc->blocks[i];
        if (f->kind != EGAF_BLOCK_FIGURE)
            continue;
        snprintf(parts[k].name, sizeof parts[k].name, "word/media/image%zu.png", k + 1);
        parts[k].bytes = f->png;
        parts[k].len = f->png_len;
        k++;
    }
}

static int zip_parts(part *parts, size_t n, egaf_buf *out)
{
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t *mem = zip_source_buffer_create(NULL, 0, 0, &err);
    zip_t *za = mem ? zip_open_from_source(mem, ZIP_TRUNCATE, &err) : NULL;
    if (!za) {
        zip_source_free(mem);
        zip_error_fini(&err);
        return -1;
    }
    zip_source_keep(mem);
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        const void *data = parts[i].bytes ? (const void *)parts[i].bytes : parts[i].data.data;
        size_t len = parts[i].bytes ? parts[i].len : parts[i].data.len;
        zip_source_t *s = zip_source_buffer(za, data ? data : "", len, 0);
        zip_int64_t idx = s ? zip_file_add(za, parts[i].name, s, ZIP_FL_ENC_UTF_8) : -1;
        if (idx < 0) {
            zip_source_free(s);
            rc = -1;
            break;
        }
        /* 1 January 2020, 00:00, as MS-DOS writes it: no clock, no zone */
        if (zip_file_set_dostime(za, (zip_uint64_t)idx, 0, (2020 - 1980) << 9 | 1 << 5 | 1, 0) != 0 ||
            zip_set_file_compression(za, (zip_uint64_t)idx,
                                     parts[i].bytes ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 9) != 0)
            rc = -1;
    }
    if (rc != 0 || zip_close(za) != 0) {
        zip_discard(za); /* after a failed zip_close too: it leaves za open */
        zip_source_free(mem);
        zip_error_fini(&err);
        return -1;
    }
    zip_stat_t st;
    if (zip_source_stat(mem, &st) != 0 || zip_source_open(mem) != 0) {
        zip_source_free(mem);
        return -1;
    }
    char chunk[65536];
    zip_int64_t got;
    while ((got = zip_source_read(mem, chunk, sizeof chunk)) > 0)
        egaf_buf_add(out, chunk, (size_t)got);
    zip_source_close(mem);
    zip_source_free(mem);
    zip_error_fini(&err);
    return got < 0 ? -1 : 0;
}

int egaf_doc_write_docx(const egaf_doc *doc, egaf_buf *out)
{
    size_t nfig = 0;
    for (size_t i = 0; i < doc->count; i++)
        nfig += doc->blocks[i].kind == EGAF_BLOCK_FIGURE;
    size_t n = 9 + nfig;
    part *parts = calloc(n, sizeof(*parts));
    if (!parts)
        return -1;
    for (size_t i = 0; i < n; i++)
        egaf_buf_init(&parts[i].data);
    egaf_buf *b;

    b = xml_part(parts, 0, "[Content_Types].xml");
    egaf_buf_puts(
        b, "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
           "<Default Extension=\"rels\" "
           "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
           "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
           "<Default Extension=\"png\" ContentType=\"image/png\"/>"
           "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
           "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
           "<Override PartName=\"/word/styles.xml\" ContentType=\"application/"
           "vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
           "<Override PartName=\"/word/settings.xml\" ContentType=\"application/"
           "vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
           "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/"
           "vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
           "<Override PartName=\"/docProps/core.xml\" "
           "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
           "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/"
           "vnd.openxmlformats-officedocument.extended-properties+xml\"/></Types>");

    b = xml_part(parts, 1, "_rels/.rels");
    egaf_buf_printf(
        b,
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Type=\"%s/officeDocument\" Target=\"word/document.xml\"/>"
        "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/"
        "relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        "<Relationship Id=\"rId3\" Type=\"%s/extended-properties\" Target=\"docProps/app.xml\"/>"
        "</Relationships>",
        ns_r, ns_r);

    b = xml_part(parts, 2, "docProps/core.xml");
    egaf_buf_puts(b, "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/"
                     "2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                     "<dc:title>");
    egaf_buf_xml_text(b, doc->title);
    egaf_buf_printf(b, "</dc:title><dc:creator>egaf</dc:creator><dc:language>%s</dc:language>"
                       "</cp:coreProperties>",
                    doc->lang);

    b = xml_part(parts, 3, "docProps/app.xml");
    egaf_buf_printf(b, "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                       "extended-properties\"><Application>egaf %s</Application></Properties>",
                    EGAF_VERSION);

    b = xml_part(parts, 4, "word/_rels/document.xml.rels");
    egaf_buf_printf(
        b,
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rIdStyles\" Type=\"%s/styles\" Target=\"styles.xml\"/>"
        "<Relationship Id=\"rIdSettings\" Type=\"%s/settings\" Target=\"settings.xml\"/>"
        "<Relationship Id=\"rIdFooter\" Type=\"%s/footer\" Target=\"footer1.xml\"/>",
        ns_r, ns_r, ns_r);
    for (size_t i = 1; i <= nfig; i++)
        egaf_buf_printf(b,
                        "<Relationship Id=\"rIdImage%zu\" Type=\"%s/image\" "
                        "Target=\"media/image%zu.png\"/>",
                        i, ns_r, i);
    egaf_buf_puts(b, "</Relationships>");

    document_xml(xml_part(parts, 5, "word/document.xml"), doc);
    styles_xml(xml_part(parts, 6, "word/styles.xml"), doc->lang);

    b = xml_part(parts, 7, "word/settings.xml");
    egaf_buf_printf(b, "<w:settings xmlns:w=\"%s\"><w:updateFields w:val=\"true\"/>"
                       "<w:defaultTabStop w:val=\"567\"/></w:settings>",
                    ns_w);

    b = xml_part(parts, 8, "word/footer1.xml");
    egaf_buf_printf(b,
                    "<w:ftr xmlns:w=\"%s\" xmlns:r=\"%s\"><w:p><w:pPr><w:jc w:val=\"center\"/>"
                    "</w:pPr><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText "
                    "xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r><w:fldChar "
                    "w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar "
                    "w:fldCharType=\"end\"/></w:r></w:p></w:ftr>",
                    ns_w, ns_r);

    figure_parts(parts + 9, doc);
    bool failed = false;
    for (size_t i = 0; i < n; i++)
        failed |= parts[i].data.failed;
    int rc = failed ? -1 : zip_parts(parts, n, out);
    for (size_t i = 0; i < n; i++)
        egaf_buf_free(&parts[i].data);
    free(parts);
    return rc;
}
