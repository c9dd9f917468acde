/* site_common.c - what every part of the site writer uses: failing with a
 * message, writing a file beneath the site, and the names shown for groups,
 * agencies, national entries, elements, files and routes. It calls no other
 * part of the site, so the parts call it and never each other in a circle. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/i18n.h"
#include "model/query.h"
#include "site/site_priv.h"

bool site_fail(egaf_site *s, const char *fmt, ...)
{
    if (!s->failed && s->err && s->errsize) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(s->err, s->errsize, fmt, ap);
        va_end(ap);
    }
    s->failed = true;
    return false;
}

int site_write_file(egaf_site *s, const char *rel, const egaf_buf *b)
{
    if (b->failed)
        return site_fail(s, _("out of memory while writing %s"), rel), -1;
    if (egaf_outdir_write(&s->out, rel, b->data ? b->data : "", b->len, false) != 0)
        return site_fail(s, _("cannot write '%s/%s': %s"), s->dir, rel, strerror(errno)), -1;
    return 0;
}


const char *site_group_name(const egaf_site *s, int group, bool plural)
{
    switch (group) {
    case GROUP_MINISTRY:
        return plural ? ST(s, "Bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ",
                           "Ministries and government agencies")
                      : ST(s, "Bộ, ngành", "Ministry");
    case GROUP_PROVINCE:
        return plural ? ST(s, "Tỉnh, thành phố trực thuộc trung ương",
                           "Provinces and centrally-run cities")
                      : ST(s, "Tỉnh, thành phố", "Province");
    default:
        return plural ? ST(s, "Cơ quan khác", "Other agencies") : ST(s, "Khác", "Other");
    }
}

const char *site_agency_level(const egaf_ref_entry *agency, const egaf_model *m)
{
    if (agency && agency->level)
        return agency->level;
    return m && m->header ? egaf_element_text(m->header, EGAF_F_LEVEL) : NULL;
}

int site_group_of_level(const char *level)
{
    if (!level)
        return GROUP_OTHER;
    if (strcmp(level, "province") == 0)
        return GROUP_PROVINCE;
    if (strcmp(level, "ministry") == 0 || strcmp(level, "government-agency") == 0)
        return GROUP_MINISTRY;
    return GROUP_OTHER;
}

bool site_has_file(egaf_site *s, const char *rel)
{
    int fd = egaf_outdir_openat(&s->out, rel, O_RDONLY | O_NONBLOCK, 0);
    struct stat st;
    bool ok = fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    if (fd >= 0)
        close(fd);
    return ok;
}

void site_dl_item(egaf_buf *b, const char *term, const char *value)
{
    if (!value)
        return;
    egaf_buf_puts(b, "<dt>");
    if (term)
        egaf_buf_xml_text(b, term);
    egaf_buf_puts(b, "</dt><dd>");
    egaf_buf_xml_text(b, value);
    egaf_buf_puts(b, "</dd>");
}

site_agency *site_agency_of_file(egaf_site *s, const char *file)
{
    return file ? egaf_strmap_get(&s->file_agency, file, strlen(file)) : NULL;
}

const char *site_shown_file(egaf_site *s, const char *file)
{
    if (!file)
        return NULL;
    const site_agency *a = site_agency_of_file(s, file);
    if (a && a->m->nfiles) {
        const char *top = a->m->files[0]->path;
        const char *slash = strrchr(top, '/');
        size_t dirlen = slash ? (size_t)(slash - top) + 1 : 0;
        const char *shown = NULL;
        if (strcmp(file, top) == 0) {
            shown = egaf_arena_printf(s->arena, "data/models/%s/%s.yaml", a->slug, a->slug);
        } else if (strncmp(file, top, dirlen) == 0) {
            const char *rel = file + dirlen;
            while (rel[0] == '.' && rel[1] == '/')
                rel += 2;
            shown = egaf_arena_printf(s->arena, "data/models/%s/%s", a->slug, rel);
        }
        if (shown)
            return shown;
    }
    const char *base = strrchr(file, '/');
    return base ? base + 1 : file;
}

const char *site_national_name(const egaf_site *s, const site_national *n)
{
    if (!n->e)
        return n->id;
    if (s->en && n->e->name_en)
        return n->e->name_en;
    return n->e->name ? n->e->name : n->id;
}

const char *site_element_name(const egaf_site *s, const egaf_element *el)
{
    const char *name = s->en ? egaf_element_text(el, EGAF_F_NAME_EN) : NULL;
    if (!name)
        name = el->name;
    if (!name)
        name = el->id;
    return name ? name : el->display;
}

unsigned site_cell(const egaf_site *s, size_t agency, size_t nat)
{
    return s->cells ? s->cells[agency * s->nnat + nat] : 0;
}

const char *site_route_text(const egaf_site *s, unsigned bits, egaf_buf *out)
{
    egaf_buf_reset(out);
    static const char *const letters[] = {"a", "b", "c", "d"};
    for (int i = 0; i < 4; i++)
        if (bits & (1u << i))
            egaf_buf_printf(out, "%s%s", out->len ? ", " : "", letters[i]);
    if (bits & LK_VIA)
        egaf_buf_printf(out, "%s%s", out->len ? ", " : "", ST(s, "qua nền tảng", "via platform"));
    if (bits & LK_DIRECT)
        egaf_buf_printf(out, "%s%s", out->len ? ", " : "", ST(s, "trực tiếp", "direct"));
    if (bits & LK_CONNECTS)
        egaf_buf_printf(out, "%s%s", out->len ? ", " : "",
                        ST(s, "kết nối nền tảng", "platform link"));
    if (bits & LK_NETWORK)
        egaf_buf_printf(out, "%s%s", out->len ? ", " : "", ST(s, "kết nối mạng", "network link"));
    if (bits & LK_SOURCES)
        egaf_buf_printf(out, "%s%s", out->len ? ", " : "", ST(s, "nguồn dữ liệu", "data source"));
    return out->len ? out->data : "";
}
