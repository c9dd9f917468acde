/* test_export.c - the exports: the ArchiMate relationship table, identifiers,
 * the kind and field mapping, CSV quoting and formula neutralisation, the
 * JSON document, and the exchange file with its diagrams. Runs with
 * cwd = tests/. */
#include "tests/unit/testutil.h"

#include <stdlib.h>

#include "export/export.h"
#include "model/model.h"
#include "refs/refs.h"
#include "cmocka_main.h"


static const char model_text[] =
    "framework: \"2.0\"\n"
    "architecture:\n"
    "  id: thu-nghiem\n"
    "  agency: lang-son\n"
    "  level: province\n"
    "  name: \"Thử nghiệm\"\n"
    "  name-en: Test architecture\n"
    "  year: 2020\n"
    "business:\n"
    "  actors:\n"
    "    - id: a1\n"
    "      name: '\"><script>alert(1)</script>'\n"
    "    - id: a2\n"
    "      name: '=HYPERLINK(\"x\")'\n"
    "      name-en: \"+cmd\"\n"
    "  channels:\n"
    "    - {id: web, name: Cổng web, kind: web}\n"
    "  functions:\n"
    "    - {id: f1, name: Chức năng}\n"
    "  services:\n"
    "    - {id: s1, name: Dịch vụ, handled-by: app1, channels: [web], actors: [a1], function: f1}\n"
    "data:\n"
    "  databases:\n"
    "    - {id: db1, name: CSDL một, sources: [national:csdl-dan-cu], hosted-on: [dc]}\n"
    "application:\n"
    "  applications:\n"
    "    - {id: app1, name: Ứng dụng, uses: [db1], serves: [s1], hosted-on: [dc]}\n"
    "  platforms:\n"
    "    - {id: lgsp, name: LGSP, kind: lgsp, connects: [national:ngsp]}\n"
    "  integrations:\n"
    "    - {from: app1, to: national:dvcqg, via: lgsp, data: [hồ sơ, kết quả], route: a}\n"
    "technology:\n"
    "  infrastructure:\n"
    "    - {id: dc, name: Trung tâm dữ liệu, kind: data-center, connects: [national:tslcd]}\n"
    "    - {id: wan, name: Mạng WAN, kind: network}\n"
    "security:\n"
    "  controls:\n"
    "    - {id: fw, name: Tường lửa, kind: firewall, protects: [app1, db1, dc]}\n"
    "implementation:\n"
    "  roadmap:\n"
    "    - {id: t1, name: Nhiệm vụ, from: 2021, to: 2022, delivers: [app1, t1]}\n";

typedef struct fixture {
    egaf_diags *diags;
    egaf_refs *refs;
    egaf_model *model;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof(*f));
    f->diags = egaf_diags_create();
    f->refs = load_test_refs();
    f->model = egaf_model_load_memory("t.yaml", model_text, sizeof model_text - 1, NULL,
                                      f->diags);
    *state = f;
    return f->refs && f->model ? 0 : -1;
}

static int teardown(void **state)
{
    fixture *f = *state;
    egaf_model_free(f->model);
    egaf_refs_free(f->refs);
    egaf_diags_free(f->diags);
    free(f);
    return 0;
}

static const char *element_identifier(const egaf_am_model *am, size_t i)
{
    return am->elements[i].identifier;
}

static const char *rel_identifier(const egaf_am_model *am, size_t i)
{
    return am->rels[i].identifier;
}

/* The index of the one of count items (elements or relationships, their
 * identifiers read by identifier_at) that has identifier; the test fails,
 * naming what it looked for, when none has. */
static size_t index_of(const egaf_am_model *am, size_t count,
                       const char *(*identifier_at)(const egaf_am_model *, size_t),
                       const char *what, const char *identifier)
{
    for (size_t i = 0; i < count; i++)
        if (strcmp(identifier_at(am, i), identifier) == 0)
            return i;
    fail_msg("no %s %s", what, identifier);
    return 0;
}

static const egaf_am_element *element(const egaf_am_model *am, const char *identifier)
{
    return &am->elements[index_of(am, am->nelements, element_identifier, "element", identifier)];
}

static const egaf_am_rel *rel(const egaf_am_model *am, const char *identifier)
{
    return &am->rels[index_of(am, am->nrels, rel_identifier, "relationship", identifier)];
}

static const char *src(const egaf_am_model *am, const egaf_am_rel *r)
{
    return am->elements[r->source].identifier;
}

static const char *dst(const egaf_am_model *am, const egaf_am_rel *r)
{
    return am->elements[r->target].identifier;
}

static const char *prop(const egaf_am_props *p, const char *key)
{
    for (size_t i = 0; i < p->count; i++)
        if (strcmp(p->items[i].key, key) == 0)
            return p->items[i].value;
    return NULL;
}

static void test_table(void **state)
{
    (void)state;
    /* facts of the ArchiMate 3.1 relationship table */
    assert_true(egaf_am_allowed("ApplicationComponent", "Access", "DataObject"));
    assert_false(egaf_am_allowed("ApplicationComponent", "Flow", "DataObject"));
    assert_true(egaf_am_allowed("ApplicationComponent", "Serving", "BusinessService"));
    assert_true(egaf_am_allowed("ApplicationComponent", "Flow", "ApplicationComponent"));
    assert_true(egaf_am_allowed("BusinessInterface", "Assignment", "BusinessService"));
    assert_true(egaf_am_allowed("BusinessFunction", "Realization", "BusinessService"));
    assert_true(egaf_am_allowed("BusinessService", "Serving", "BusinessActor"));
    assert_true(egaf_am_allowed("Node", "Realization", "ApplicationComponent"));
    assert_false(egaf_am_allowed("Node", "Assignment", "ApplicationComponent"));
    assert_false(egaf_am_allowed("Node", "Realization", "DataObject"));
    assert_true(egaf_am_allowed("TechnologyService", "Serving", "Node"));
    assert_false(egaf_am_allowed("TechnologyService", "Serving", "DataObject"));
    assert_true(egaf_am_allowed("WorkPackage", "Realization", "ApplicationComponent"));
    assert_false(egaf_am_allowed("WorkPackage", "Realization", "WorkPackage"));
    assert_false(egaf_am_allowed("DataObject", "Serving", "ApplicationComponent"));
    assert_false(egaf_am_allowed("DataObject", "Flow", "DataObject"));
    /* association between any two; unknown names never */
    assert_true(egaf_am_allowed("BusinessActor", "Association", "DataObject"));
    assert_false(egaf_am_allowed("BusinessActor", "Access", "BusinessActor"));
    /* the chapters of the document (issue 18): units are business actors,
     * standards Constraints, targets Outcomes, solutions Courses of Action */
    assert_true(egaf_am_allowed("BusinessActor", "Serving", "BusinessActor"));
    assert_true(egaf_am_allowed("BusinessActor", "Flow", "BusinessActor"));
    assert_true(egaf_am_allowed("BusinessActor", "Aggregation", "BusinessActor"));
    assert_true(egaf_am_allowed("BusinessActor", "Assignment", "WorkPackage"));
    assert_false(egaf_am_allowed("BusinessActor", "Assignment", "CourseOfAction"));
    assert_true(egaf_am_allowed("WorkPackage", "Triggering", "WorkPackage"));
    assert_true(egaf_am_allowed("ApplicationComponent", "Serving", "BusinessActor"));
    assert_true(egaf_am_allowed("ApplicationComponent", "Realization", "BusinessInterface"));
    assert_true(egaf_am_allowed("ApplicationComponent", "Realization", "Constraint"));
    assert_true(egaf_am_allowed("DataObject", "Realization", "Constraint"));
    assert_false(egaf_am_allowed("Constraint", "Realization", "Constraint"));
    assert_true(egaf_am_allowed("CourseOfAction", "Realization", "Outcome"));
    assert_false(egaf_am_allowed("CourseOfAction", "Realization", "WorkPackage"));
    assert_false(egaf_am_allowed("Outcome", "Serving", "BusinessActor"));
    assert_false(egaf_am_allowed("Nonsense", "Association", "DataObject"));
    assert_false(egaf_am_allowed("Node", "Nonsense", "DataObject"));
}

static void test_ncname_and_csv(void **state)
{
    (void)state;
    egaf_buf b;
    egaf_buf_init(&b);
    egaf_am_ncname(&b, "lang-son:cổng dvc/1");
    assert_string_equal(b.data, "lang-son_c___ng_dvc_1");
    egaf_buf_reset(&b);
    egaf_csv_field(&b, "Người \"dân\"");
    assert_string_equal(b.data, "\"Người \"\"dân\"\"\"");
    static const char *const formulas[] = {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"};
    for (size_t i = 0; i < sizeof formulas / sizeof formulas[0]; i++) {
        egaf_buf_reset(&b);
        egaf_csv_field(&b, formulas[i]);
        assert_int_equal(b.data[0], '"');
        assert_int_equal(b.data[1], '\'');
    }
    egaf_buf_reset(&b);
    egaf_csv_field(&b, "a=1");
    assert_string_equal(b.data, "\"a=1\"");
    egaf_buf_reset(&b);
    egaf_csv_field(&b, NULL);
    assert_string_equal(b.data, "\"\"");
    egaf_buf_free(&b);

    egaf_export_format ef;
    assert_int_equal(egaf_export_format_parse("archimate", &ef), 0);
    assert_int_equal(ef, EGAF_EXPORT_ARCHIMATE);
    assert_int_equal(egaf_export_format_parse("csv", &ef), 0);
    assert_int_equal(ef, EGAF_EXPORT_CSV);
    assert_int_equal(egaf_export_format_parse("xml", &ef), -1);
}

static void test_mapping(void **state)
{
    fixture *f = *state;
    egaf_am_model *am = egaf_am_build(&f->model, 1, f->refs, false);
    assert_non_null(am);
    assert_false(am->failed);
    /* each element's ArchiMate type */
    static const struct {
        const char *identifier, *type;
    } types[] = {
        {"id-thu-nghiem", "Grouping"},
        {"id-thu-nghiem.a1", "BusinessActor"},
        {"id-thu-nghiem.web", "BusinessInterface"},
        {"id-thu-nghiem.f1", "BusinessFunction"},
        {"id-thu-nghiem.s1", "BusinessService"},
        {"id-thu-nghiem.db1", "DataObject"},
        {"id-thu-nghiem.app1", "ApplicationComponent"},
        {"id-thu-nghiem.lgsp", "ApplicationComponent"},
        {"id-thu-nghiem.dc", "Node"},
        {"id-thu-nghiem.wan", "CommunicationNetwork"},
        {"id-thu-nghiem.fw", "TechnologyService"},
        {"id-thu-nghiem.t1", "WorkPackage"},
        /* national entries, typed by the reference models */
        {"id-national.csdl-dan-cu", "DataObject"},
        {"id-national.ngsp", "ApplicationComponent"},
        {"id-national.tslcd", "CommunicationNetwork"},
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        assert_string_equal(element(am, types[i].identifier)->type, types[i].type);
    assert_string_equal(prop(&element(am, "id-thu-nghiem.lgsp")->props, "egaf-kind"),
                        "platform");
    assert_string_equal(prop(&element(am, "id-national.dvcqg")->props, "national-id"), "dvcqg");
    /* names in both languages */
    const egaf_am_element *a2 = element(am, "id-thu-nghiem.a2");
    assert_string_equal(a2->name, "=HYPERLINK(\"x\")");
    assert_string_equal(a2->name_en, "+cmd");
    assert_null(element(am, "id-thu-nghiem.a1")->name_en);

    const egaf_am_rel *r = rel(am, "id-thu-nghiem.s1.handled-by.1");
    assert_string_equal(r->type, "Serving");
    assert_string_equal(src(am, r), "id-thu-nghiem.app1");
    assert_string_equal(dst(am, r), "id-thu-nghiem.s1");
    r = rel(am, "id-thu-nghiem.s1.channels.1");
    assert_string_equal(r->type, "Assignment");
    assert_string_equal(src(am, r), "id-thu-nghiem.web");
    r = rel(am, "id-thu-nghiem.s1.actors.1");
    assert_string_equal(r->type, "Serving");
    assert_string_equal(dst(am, r), "id-thu-nghiem.a1");
    assert_string_equal(rel(am, "id-thu-nghiem.s1.function.1")->type, "Realization");
    r = rel(am, "id-thu-nghiem.app1.uses.1");
    assert_string_equal(r->type, "Access");
    assert_string_equal(r->access_type, "ReadWrite");
    assert_string_equal(rel(am, "id-thu-nghiem.app1.serves.1")->type, "Serving");
    r = rel(am, "id-thu-nghiem.app1.hosted-on.1");
    assert_string_equal(r->type, "Realization");
    assert_string_equal(src(am, r), "id-thu-nghiem.dc");
    /* where the table allows no better: a directed association named after
     * the field */
    r = rel(am, "id-thu-nghiem.db1.hosted-on.1");
    assert_string_equal(r->type, "Association");
    assert_true(r->directed);
    assert_string_equal(r->name, "hosted-on");
    r = rel(am, "id-thu-nghiem.fw.protects.2");
    assert_string_equal(r->type, "Association");
    assert_string_equal(rel(am, "id-thu-nghiem.fw.protects.1")->type, "Serving");
    assert_string_equal(rel(am, "id-thu-nghiem.t1.delivers.2")->type, "Association");
    assert_string_equal(rel(am, "id-thu-nghiem.lgsp.connects.1")->type, "Flow");
    r = rel(am, "id-thu-nghiem.dc.connects.1");
    assert_string_equal(r->type, "Association");
    assert_false(r->directed);
    /* the integration flows through the LGSP: app1 -> lgsp -> dvcqg, its
     * properties on the first leg only */
    r = rel(am, "id-thu-nghiem.integration-1");
    assert_string_equal(r->type, "Flow");
    assert_string_equal(src(am, r), "id-thu-nghiem.app1");
    assert_string_equal(dst(am, r), "id-thu-nghiem.lgsp");
    assert_string_equal(r->name, "hồ sơ, kết quả");
    assert_string_equal(prop(&r->props, "route"), "a");
    assert_string_equal(prop(&r->props, "via"), "lgsp");
    r = rel(am, "id-thu-nghiem.integration-1.via");
    assert_string_equal(r->type, "Flow");
    assert_string_equal(src(am, r), "id-thu-nghiem.lgsp");
    assert_string_equal(dst(am, r), "id-national.dvcqg");
    assert_string_equal(prop(&r->props, "egaf-kind"), "integration-leg");
    assert_null(prop(&r->props, "route"));
    /* the architecture's Grouping aggregates its elements */
    r = rel(am, "id-member.thu-nghiem.app1");
    assert_string_equal(r->type, "Aggregation");
    assert_string_equal(src(am, r), "id-thu-nghiem");

    /* every relationship is allowed by the table */
    for (size_t i = 0; i < am->nrels; i++)
        assert_true(egaf_am_allowed(am->elements[am->rels[i].source].type, am->rels[i].type,
                                    am->elements[am->rels[i].target].type));
    egaf_am_free(am);

    am = egaf_am_build(&f->model, 1, f->refs, true);
    assert_string_equal(element(am, "id-thu-nghiem.a2")->name, "+cmd");
    assert_string_equal(am->name, "Test architecture");
    egaf_am_free(am);
}

/* Every relationship as a line of text, in the order egaf_am_each_rel
 * hands them on. */
static bool rel_line(void *ctx, const egaf_am_model *am, const egaf_am_rel *r)
{
    egaf_buf *out = ctx;
    egaf_buf_printf(out, "%s %s %s>%s name=%s field=%s access=%s directed=%d", r->identifier,
                    r->type, am->elements[r->source].identifier,
                    am->elements[r->target].identifier, r->name ? r->name : "-",
                    r->field ? r->field : "-", r->access_type ? r->access_type : "-",
                    r->directed);
    for (size_t i = 0; i < r->props.count; i++)
        egaf_buf_printf(out, " %s=%s", r->props.items[i].key, r->props.items[i].value);
    egaf_buf_putc(out, '\n');
    return true;
}

/* The elements (with their properties: the "ref:" ones are made while the
 * relationships are) and the relationships of a concept model as text. */
static void am_text(egaf_am_model *am, egaf_buf *out)
{
    for (size_t i = 0; i < am->nelements; i++) {
        const egaf_am_element *e = &am->elements[i];
        const egaf_am_props *p = egaf_am_element_props(am, i);
        egaf_buf_printf(out, "%s %s %s", e->identifier, e->type, e->name);
        for (size_t j = 0; j < p->count; j++)
            egaf_buf_printf(out, " %s=%s", p->items[j].key, p->items[j].value);
        egaf_buf_putc(out, '\n');
    }
    egaf_buf_printf(out, "%zu relationships\n", am->nrels);
    assert_true(egaf_am_each_rel(am, rel_line, out));
}

/* A streamed concept model gives what a kept one holds, in the same order,
 * walk after walk; where identifiers could be the same it keeps them. */
static void test_streamed(void **state)
{
    fixture *f = *state;
    egaf_buf kept, streamed;
    egaf_buf_init(&kept);
    egaf_buf_init(&streamed);
    egaf_am_model *am = egaf_am_build(&f->model, 1, f->refs, false);
    am_text(am, &kept);
    assert_null(am->stream);
    egaf_am_free(am);
    am = egaf_am_build_streamed(&f->model, 1, f->refs, false);
    assert_non_null(am->stream);
    assert_null(am->rels);
    am_text(am, &streamed);
    assert_string_equal(streamed.data, kept.data);
    egaf_buf_reset(&streamed);
    am_text(am, &streamed); /* a second walk gives the same again */
    assert_string_equal(streamed.data, kept.data);
    assert_non_null(strstr(kept.data, "id-thu-nghiem.integration-1.via Flow "
                                      "id-thu-nghiem.lgsp>id-national.dvcqg"));
    egaf_am_free(am);

    /* a reference to another architecture, not loaded: a "ref:" property
     * of its element, made again when a streamed one is asked for it */
    static const char other[] =
        "framework: \"2.0\"\n"
        "architecture: {id: t3, agency: lang-son, level: province, name: T, year: 2020}\n"
        "application:\n"
        "  applications:\n"
        "    - {id: x, name: X, uses: [khac:db9, khac:db8]}\n";
    egaf_model *o = egaf_model_load_memory("o.yaml", other, sizeof other - 1, NULL, f->diags);
    assert_non_null(o);
    egaf_buf_reset(&kept);
    egaf_buf_reset(&streamed);
    am = egaf_am_build(&o, 1, f->refs, false);
    am_text(am, &kept);
    egaf_am_free(am);
    am = egaf_am_build_streamed(&o, 1, f->refs, false);
    assert_non_null(am->stream);
    am_text(am, &streamed);
    assert_string_equal(streamed.data, kept.data);
    assert_non_null(strstr(kept.data, " ref:uses.1=khac:db9 ref:uses.2=khac:db8\n"));
    egaf_am_free(am);
    egaf_model_free(o);

    /* an integration whose id is an application's: its flow's identifier is
     * made unique ("-2"), so the relationships are kept */
    static const char clash[] =
        "framework: \"2.0\"\n"
        "architecture: {id: t2, agency: lang-son, level: province, name: T, year: 2020}\n"
        "application:\n"
        "  applications:\n"
        "    - {id: x, name: X}\n"
        "    - {id: y, name: Y}\n"
        "  integrations:\n"
        "    - {id: x, from: x, to: y}\n";
    egaf_model *m = egaf_model_load_memory("c.yaml", clash, sizeof clash - 1, NULL, f->diags);
    assert_non_null(m);
    am = egaf_am_build_streamed(&m, 1, f->refs, false);
    assert_null(am->stream);
    assert_string_equal(rel(am, "id-t2.x-2")->type, "Flow");
    egaf_am_free(am);
    egaf_model_free(m);
    egaf_buf_free(&kept);
    egaf_buf_free(&streamed);
}

/* A model the relationships of which cannot be streamed (an integration has
 * an application's id) asked for streamed, as the CSV export asks: kept, and
 * every relationship as egaf_am_build makes it. With 31 members before it,
 * the integration's first leg is the 32nd relationship, so its second leg
 * grows the array past the first's place. */
static void test_streamed_fallback(void **state)
{
    fixture *f = *state;
    egaf_buf text;
    egaf_buf_init(&text);
    egaf_buf_puts(&text, "framework: \"2.0\"\n"
                         "architecture: {id: t4, agency: lang-son, level: province, name: T, "
                         "year: 2020}\n"
                         "application:\n"
                         "  applications:\n");
    for (int i = 1; i <= 30; i++)
        egaf_buf_printf(&text, "    - {id: a%02d, name: A}\n", i);
    egaf_buf_puts(&text, "  platforms:\n"
                         "    - {id: p, name: P, kind: lgsp}\n"
                         "  integrations:\n"
                         "    - {id: a01, from: a01, to: a02, via: p, data: [ho-so]}\n");
    egaf_model *m = egaf_model_load_memory("f.yaml", text.data, text.len, NULL, f->diags);
    assert_non_null(m);
    egaf_am_model *am = egaf_am_build_streamed(&m, 1, f->refs, false);
    assert_non_null(am);
    assert_null(am->stream);
    assert_false(am->failed);
    assert_int_equal(am->nrels, 33);
    const egaf_am_rel *leg = rel(am, "id-t4.a01-2");
    assert_string_equal(src(am, leg), "id-t4.a01");
    assert_string_equal(dst(am, leg), "id-t4.p");
    assert_non_null(leg->name);
    assert_string_equal(leg->name, "ho-so");
    assert_string_equal(prop(&leg->props, "egaf-kind"), "integration");
    const egaf_am_rel *on = rel(am, "id-t4.a01.via");
    assert_string_equal(on->name, "ho-so");
    egaf_am_free(am);
    egaf_model_free(m);
    egaf_buf_free(&text);
}

static void test_json(void **state)
{
    fixture *f = *state;
    egaf_buf out;
    egaf_buf_init(&out);
    egaf_export_options eo = {false, "9.9", false, NULL, {NULL, NULL}};
    assert_int_equal(egaf_export_json(&out, &f->model, 1, f->refs, &eo), 0);
    assert_non_null(strstr(out.data, "\"version\": \"9.9\""));
    assert_non_null(strstr(out.data, "\"name\": \"\\\">\\u003cscript>alert(1)\\u003c/script>\""));
    assert_non_null(strstr(out.data, "{\"ref\": \"national:ngsp\", \"scope\": \"national\", "
                                     "\"arch\": null, \"id\": \"ngsp\", \"found\": true"));
    assert_non_null(strstr(out.data, "{\"ref\": \"app1\", \"scope\": \"local\", \"arch\": "
                                     "\"thu-nghiem\", \"id\": \"app1\", \"found\": true, "
                                     "\"kind\": \"application\"}"));
    assert_non_null(strstr(out.data, "\"national\": [\n    {\"id\": \"csdl-dan-cu\""));
    /* deterministic */
    egaf_buf again;
    egaf_buf_init(&again);
    egaf_export_json(&again, &f->model, 1, f->refs, &eo);
    assert_int_equal(out.len, again.len);
    assert_memory_equal(out.data, again.data, out.len);
    egaf_buf_free(&again);
    egaf_buf_free(&out);
}

static void test_csv(void **state)
{
    fixture *f = *state;
    egaf_csv_files cf;
    egaf_buf_init(&cf.elements);
    egaf_buf_init(&cf.relations);
    egaf_buf_init(&cf.properties);
    egaf_export_options eo = {false, "9.9", false, NULL, {NULL, NULL}};
    assert_int_equal(egaf_export_csv(&cf, &f->model, 1, f->refs, &eo), 0);
    assert_memory_equal(cf.elements.data,
                        "\xEF\xBB\xBF\"ID\",\"Type\",\"Name\",\"Documentation\",\"Specialization\"\r\n",
                        56);
    assert_non_null(strstr(cf.relations.data, "\"ID\",\"Type\",\"Name\",\"Documentation\","
                                              "\"Source\",\"Target\",\"Specialization\"\r\n"));
    assert_non_null(strstr(cf.properties.data, "\"ID\",\"Key\",\"Value\"\r\n"));
    /* Archi's CSV: the names as they are, no formula guard */
    assert_non_null(strstr(cf.elements.data, "\"id-thu-nghiem.a2\",\"BusinessActor\","
                                             "\"=HYPERLINK(\"\"x\"\")\",\"\",\"\"\r\n"));
    assert_non_null(strstr(cf.elements.data, "\"\"\"><script>alert(1)</script>\""));
    assert_non_null(strstr(cf.properties.data, "\"id-thu-nghiem.a2\",\"name-en\",\"+cmd\""));
    assert_non_null(strstr(cf.relations.data, "\"AccessRelationship\""));
    assert_non_null(strstr(cf.properties.data, "\"Access_Type\",\"ReadWrite\""));
    assert_non_null(strstr(cf.properties.data, "\"Directed\",\"true\""));
    egaf_buf_free(&cf.elements);
    egaf_buf_free(&cf.relations);
    egaf_buf_free(&cf.properties);
}

static void test_archimate(void **state)
{
    fixture *f = *state;
    egaf_buf out;
    egaf_buf_init(&out);
    egaf_diags *d = egaf_diags_create();
    egaf_gv *gv = egaf_gv_create();
    assert_non_null(gv);
    egaf_export_options eo = {true, "9.9", false, gv, {NULL, NULL}};
    assert_int_equal(egaf_export_archimate(&out, &f->model, 1, f->refs, &eo, d), 0);
    assert_non_null(strstr(out.data, "<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\""));
    /* English first with --lang en, Vietnamese kept */
    assert_non_null(strstr(out.data, "<name xml:lang=\"en\">+cmd</name>\n"
                                     "      <name xml:lang=\"vi\">=HYPERLINK(&quot;x&quot;)</name>"));
    assert_null(strstr(out.data, "<script"));
    assert_non_null(strstr(out.data, "&lt;script&gt;"));
    assert_non_null(strstr(out.data, "xsi:type=\"Access\" accessType=\"ReadWrite\""));
    /* one diagram per view, nodes with integer geometry */
    const char *views[] = {"overview", "integration", "data", "technology", "security"};
    for (size_t i = 0; i < 5; i++) {
        char id[128];
        snprintf(id, sizeof id, "<view identifier=\"id-view.thu-nghiem.%s\" xsi:type=\"Diagram\">",
                 views[i]);
        assert_non_null(strstr(out.data, id));
    }
    assert_non_null(strstr(out.data, "xsi:type=\"Element\" elementRef=\"id-thu-nghiem.app1\" x=\""));
    assert_non_null(strstr(out.data, "xsi:type=\"Relationship\" relationshipRef="));
    egaf_buf_reset(&out);
    eo.no_views = true;
    assert_int_equal(egaf_export_archimate(&out, &f->model, 1, f->refs, &eo, d), 0);
    assert_null(strstr(out.data, "<views>"));
    egaf_gv_free(gv);
    egaf_buf_free(&out);
    egaf_diags_free(d);
}

EGAF_UNIT_MAIN(NULL, NULL,
               cmocka_unit_test(test_table),
               cmocka_unit_test(test_ncname_and_csv),
               cmocka_unit_test_setup_teardown(test_mapping, setup, teardown),
               cmocka_unit_test_setup_teardown(test_streamed, setup, teardown),
               cmocka_unit_test_setup_teardown(test_streamed_fallback, setup, teardown),
               cmocka_unit_test_setup_teardown(test_json, setup, teardown),
               cmocka_unit_test_setup_teardown(test_csv, setup, teardown),
               cmocka_unit_test_setup_teardown(test_archimate, setup, teardown))
