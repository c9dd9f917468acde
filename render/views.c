/* views.c - the table of views and what is looked up in it: names, titles,
 * and egaf_view_build(), which runs a view's builder (views.h). */
#include <string.h>

#include "render/views.h"

static const vb_view views[EGAF_VIEW__COUNT] = {
    [EGAF_VIEW_OVERVIEW] = {"overview", "Sơ đồ tổng thể", "Overview", "Tổng thể", "Overview",
                            vb_view_overview, &vb_overview_diff, NULL},
    [EGAF_VIEW_INTEGRATION] = {"integration", "Sơ đồ kết nối, tích hợp, chia sẻ dữ liệu",
                               "Integration and data sharing", "Tích hợp", "Integration",
                               vb_view_integration, &vb_integration_diff, NULL},
    [EGAF_VIEW_DATA] = {"data", "Kiến trúc dữ liệu", "Data architecture", "Dữ liệu", "Data",
                        vb_view_data, &vb_data_diff, NULL},
    [EGAF_VIEW_TECHNOLOGY] = {"technology", "Kiến trúc công nghệ", "Technology architecture",
                              "Công nghệ", "Technology", vb_view_technology,
                              &vb_technology_diff, NULL},
    [EGAF_VIEW_SECURITY] = {"security", "Kiến trúc an toàn thông tin", "Security architecture",
                            "An toàn thông tin", "Security", vb_view_security,
                            &vb_security_diff, NULL},
    [EGAF_VIEW_ORGANISATION] = {"organisation", "Sơ đồ cơ cấu tổ chức và quan hệ nghiệp vụ",
                                "Organisation and business relations", "Tổ chức",
                                "Organisation", vb_view_organisation, &vb_organisation_diff,
                                vb_organisation_applies},
};

const vb_view *vb_view_of(egaf_view view)
{
    return (unsigned)view < EGAF_VIEW__COUNT ? &views[view] : NULL;
}

const char *egaf_view_name(egaf_view view)
{
    return (unsigned)view < EGAF_VIEW__COUNT ? views[view].name : "?";
}

const char *egaf_view_title(egaf_view view, egaf_lang lang)
{
    const vb_view *v = vb_view_of(view);
    return !v ? "" : lang == EGAF_LANG_EN ? v->title_en : v->title_vi;
}

const char *egaf_view_short_title(egaf_view view, egaf_lang lang)
{
    const vb_view *v = vb_view_of(view);
    return !v ? "" : lang == EGAF_LANG_EN ? v->short_en : v->short_vi;
}

bool egaf_view_applies(egaf_view view, const egaf_model *model)
{
    const vb_view *v = vb_view_of(view);
    return v && model && (!v->applies || v->applies(model));
}

int egaf_view_parse(const char *name, egaf_view *out)
{
    for (int i = 0; i < EGAF_VIEW__COUNT; i++)
        if (strcmp(views[i].name, name) == 0) {
            *out = (egaf_view)i;
            return 0;
        }
    return -1;
}

Agraph_t *egaf_view_build(egaf_view view, const egaf_model *model, const egaf_refs *refs,
                          int year, const egaf_render_options *options, egaf_diags *diags)
{
    const vb_view *row = vb_view_of(view);
    if (!row)
        return NULL;
    egaf_vb vb;
    if (vb_init(&vb, row, model, refs, year, options, diags) != 0) {
        vb_free(&vb);
        return NULL;
    }
    row->build(&vb);
    Agraph_t *g = vb_finish(&vb);
    if (g && options)
        vb_page(&vb, g, options);
    vb_free(&vb);
    return g;
}

unsigned egaf_render_hide_bit(const char *layer)
{
    if (strcmp(layer, "national") == 0)
        return EGAF_HIDE_NATIONAL;
    int s = egaf_section_find(layer);
    return s < 0 || s == EGAF_S_IMPLEMENTATION ? 0 : 1u << s;
}

int egaf_paper_parse(const char *name, egaf_paper *out)
{
    if (strcmp(name, "A4") == 0 || strcmp(name, "a4") == 0)
        *out = EGAF_PAPER_A4;
    else if (strcmp(name, "A3") == 0 || strcmp(name, "a3") == 0)
        *out = EGAF_PAPER_A3;
    else
        return -1;
    return 0;
}
