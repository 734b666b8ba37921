/* test_native.c — reading jixiao's own JSON format (src/import/native.c, SPEC §11).
 *
 * jx_native_read_mem() / jx_native_read() must accept the three shapes
 * ({"projects":[…]}, the audit output {"documents":[{"projects":[…]}]}, and a
 * bare […]), map every input field onto a jx_project exactly (amounts as JSON
 * numbers or as strings written like a table, "1,234.5"), let continuation
 * rows inherit 一级/二级 (merged cells, SPEC §3), decide ambiguous amounts such
 * as "13,092" next to a budget of 15 with jx_funds_resolve() and a
 * NUMBER-AMBIGUOUS warning, turn unknown fields into INPUT-FIELD and values of
 * the wrong type into INPUT-VALUE (never a crash), read years written
 * "2024年度", refuse malformed or empty input with the line and column,
 * carry over source findings (NUMBER-AMBIGUOUS) from audit output while
 * dropping recomputed ones, stop when the callback says so, and read files of
 * many projects. Projects are captured without scoring, so the findings seen
 * are the reader's own.
 */
#include "testutil.h"

#include "import/resolve.h"

/* ---- capturing projects (no scoring) ------------------------------------- */

#define CAP_MAX 8

typedef struct {
    jx_arena keep;
    jx_project p[CAP_MAX];
    size_t n, calls, stop_after; /* stop_after 0 = never stop */
} capture;

static char *dup_or_null(jx_arena *a, const char *s)
{
    return s ? jx_arena_strdup(a, s) : NULL;
}

static bool cap_fn(jx_project *p, void *arg)
{
    capture *c = arg;
    c->calls++;
    if (c->n < CAP_MAX) {
        jx_arena *a = &c->keep;
        jx_project *q = &c->p[c->n++];
        *q = *p;
        q->arena = a;
        q->name = dup_or_null(a, p->name);
        q->unit = dup_or_null(a, p->unit);
        q->department = dup_or_null(a, p->department);
        q->amount_unit = dup_or_null(a, p->amount_unit);
        q->grade_claimed = dup_or_null(a, p->grade_claimed);
        q->funds.reason = dup_or_null(a, p->funds.reason);
        q->indicators = jx_arena_calloc(a, p->n_indicators + 1, sizeof *q->indicators);
        for (size_t i = 0; i < p->n_indicators; i++) {
            jx_indicator *d = &q->indicators[i];
            *d = p->indicators[i];
            d->level1 = dup_or_null(a, d->level1);
            d->level2 = dup_or_null(a, d->level2);
            d->name = dup_or_null(a, d->name);
            d->target = dup_or_null(a, d->target);
            d->target_adjusted = dup_or_null(a, d->target_adjusted);
            d->actual = dup_or_null(a, d->actual);
            d->reason = dup_or_null(a, d->reason);
        }
        q->findings = jx_arena_calloc(a, p->n_findings + 1, sizeof *q->findings);
        for (size_t i = 0; i < p->n_findings; i++) {
            jx_finding *f = &q->findings[i];
            *f = p->findings[i];
            f->code = dup_or_null(a, f->code);
            f->message = dup_or_null(a, f->message);
            f->message_en = dup_or_null(a, f->message_en);
            f->field = dup_or_null(a, f->field);
        }
    }
    return !(c->stop_after && c->calls >= c->stop_after);
}

static void cap_read(capture *c, const char *json, jx_native_result *res)
{
    memset(c, 0, sizeof *c);
    jx_arena_init(&c->keep);
    jx_native_read_mem(json, strlen(json), cap_fn, c, res);
}

static void cap_free(capture *c)
{
    jx_arena_free(&c->keep);
}

/* Findings with `code` about `field` (NULL = any field). */
static size_t count_field(const jx_project *p, const char *code, const char *field)
{
    size_t n = 0;
    for (size_t i = 0; i < p->n_findings; i++)
        if (strcmp(p->findings[i].code, code) == 0 &&
            (!field || (p->findings[i].field && strcmp(p->findings[i].field, field) == 0)))
            n++;
    return n;
}

static void list_findings(const jx_project *p, char *buf, size_t cap)
{
    size_t n = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < p->n_findings && n < cap; i++)
        n += (size_t)snprintf(buf + n, cap - n, " %s(%s)", p->findings[i].code,
                              p->findings[i].field ? p->findings[i].field : "-");
}

#define assert_no_findings(p)                                                                      \
    do {                                                                                           \
        char _l[1024];                                                                             \
        list_findings((p), _l, sizeof _l);                                                         \
        if ((p)->n_findings) fail_msg("unexpected findings:%s", _l);                               \
    } while (0)

/* ---- shapes -------------------------------------------------------------- */

#define ONE_PROJECT                                                                                             \
    "{\"name\": \"食品安全抽检\", \"year\": 2024, \"unit\": \"市场监督管理局\", \"amount_unit\": " \
    "\"万元\","                                                                                               \
    " \"funds\": {\"budget_initial\": 200, \"budget\": 190.7, \"executed\": 189.132, "                          \
    "\"balance\": 1.568,"                                                                                       \
    " \"execution_rate\": 99.18, \"execution_score_claimed\": 9.92, \"reason\": \"无\"},"                      \
    " \"indicators\": [{\"level1\": \"产出指标\", \"level2\": \"数量指标\", \"name\": "                 \
    "\"抽检批次\","                                                                                         \
    " \"target\": \"≥3000批次\", \"actual\": \"3003批次\", \"weight\": 20, \"score_claimed\": "           \
    "20}],"                                                                                                     \
    " \"total_claimed\": 96.5, \"grade_claimed\": \"优\"}"

static void check_one_project(const jx_project *p)
{
    assert_string_equal(p->name, "食品安全抽检");
    assert_int_equal(p->year, 2024);
    assert_string_equal(p->unit, "市场监督管理局");
    assert_string_equal(p->amount_unit, "万元");
    assert_dec_equal(p->funds.budget_initial, "200");
    assert_dec_equal(p->funds.budget, "190.7");
    assert_dec_equal(p->funds.executed, "189.132");
    assert_dec_equal(p->funds.balance, "1.568");
    assert_dec_equal(p->funds.execution_rate, "99.18");
    assert_dec_equal(p->funds.execution_score_claimed, "9.92");
    assert_string_equal(p->funds.reason, "无");
    assert_int_equal(p->n_indicators, 1);
    const jx_indicator *d = &p->indicators[0];
    assert_string_equal(d->level1, "产出指标");
    assert_string_equal(d->level2, "数量指标");
    assert_string_equal(d->name, "抽检批次");
    assert_string_equal(d->target, "≥3000批次");
    assert_null(d->target_adjusted);
    assert_string_equal(d->actual, "3003批次");
    assert_null(d->reason);
    assert_dec_equal(d->weight, "20");
    assert_dec_equal(d->score_claimed, "20");
    assert_dec_equal(p->total_claimed, "96.5");
    assert_string_equal(p->grade_claimed, "优");
    assert_no_findings(p);
}

static void three_accepted_shapes(void **state)
{
    (void)state;
    static const char *docs[] = {
        "{\"projects\": [" ONE_PROJECT "]}",
        "{\"documents\": [{\"source\": \"a.json\", \"projects\": [" ONE_PROJECT
        "], \"findings\": []}]}",
        "[" ONE_PROJECT "]",
    };
    for (size_t i = 0; i < 3; i++) {
        capture c;
        jx_native_result res;
        cap_read(&c, docs[i], &res);
        if (res.failed) fail_msg("shape %zu: %s at %ld:%ld", i, res.error, res.line, res.col);
        assert_int_equal(res.projects, 1);
        assert_int_equal(c.n, 1);
        assert_false(res.no_projects_key);
        check_one_project(&c.p[0]);
        cap_free(&c);
    }
}

static void several_documents_and_other_keys(void **state)
{
    (void)state;
    const char *json =
        "{\"version\": \"0.1.0\", \"meta\": {\"projects\": 5, \"x\": [1, {\"y\": null}]},"
        " \"documents\": ["
        "  {\"source\": \"a\", \"projects\": [{\"name\": \"A1\"}, {\"name\": \"A2\"}]},"
        "  7,"
        "  {\"source\": \"b\", \"findings\": [], \"projects\": [{\"name\": \"B1\"}]}"
        "]}";
    capture c;
    jx_native_result res;
    cap_read(&c, json, &res);
    if (res.failed) fail_msg("%s at %ld:%ld", res.error, res.line, res.col);
    assert_int_equal(res.projects, 3);
    assert_string_equal(c.p[0].name, "A1");
    assert_string_equal(c.p[1].name, "A2");
    assert_string_equal(c.p[2].name, "B1");
    /* defaults when nothing is stated */
    assert_int_equal(c.p[0].year, 0);
    assert_string_equal(c.p[0].amount_unit, "万元");
    assert_true(c.p[0].funds.budget == JX_NONE);
    assert_true(c.p[0].total_claimed == JX_NONE);
    assert_int_equal(c.p[0].n_indicators, 0);
    assert_no_findings(&c.p[0]);
    cap_free(&c);
}

static void documents_without_projects(void **state)
{
    (void)state;
    capture c;
    jx_native_result res;
    cap_read(&c, "{\"title\": \"x\"}", &res);
    assert_false(res.failed);
    assert_true(res.no_projects_key);
    assert_int_equal(res.projects, 0);
    cap_free(&c);
    cap_read(&c, "{\"projects\": []}", &res);
    assert_false(res.failed);
    assert_false(res.no_projects_key);
    assert_int_equal(res.projects, 0);
    cap_free(&c);
    cap_read(&c, "[]", &res);
    assert_false(res.failed);
    assert_int_equal(res.projects, 0);
    cap_free(&c);
}

/* ---- indicators ----------------------------------------------------------- */

static void continuation_rows_inherit_parents(void **state)
{
    (void)state;
    const char *json = "{\"projects\": [{\"name\": \"p\", \"indicators\": ["
                       "{\"level1\": null, \"level2\": null, \"name\": \"orphan\"},"
                       "{\"level1\": \"产出指标\", \"level2\": \"数量指标\", \"name\": \"a\"},"
                       "{\"level1\": null, \"level2\": null, \"name\": \"b\"},"
                       "{\"name\": \"c\"},"
                       "{\"level1\": null, \"level2\": \"质量指标\", \"name\": \"d\"},"
                       "{\"name\": \"e\"},"
                       "{\"level1\": \"效益指标\", \"level2\": \"社会效益指标\", \"name\": \"f\"},"
                       "{\"level1\": null, \"level2\": null, \"name\": \"g\"}"
                       "]}]}";
    static const struct {
        const char *l1, *l2, *name;
    } want[] = {
        {NULL, NULL, "orphan"},
        {"产出指标", "数量指标", "a"},
        {"产出指标", "数量指标", "b"},
        {"产出指标", "数量指标", "c"},
        {"产出指标", "质量指标", "d"},
        {"产出指标", "质量指标", "e"},
        {"效益指标", "社会效益指标", "f"},
        {"效益指标", "社会效益指标", "g"},
    };
    capture c;
    jx_native_result res;
    cap_read(&c, json, &res);
    assert_false(res.failed);
    const jx_project *p = &c.p[0];
    assert_int_equal(p->n_indicators, 8);
    for (size_t i = 0; i < 8; i++) {
        const jx_indicator *d = &p->indicators[i];
        assert_string_equal(d->name, want[i].name);
        if (want[i].l1)
            assert_string_equal(d->level1, want[i].l1);
        else
            assert_null(d->level1);
        if (want[i].l2)
            assert_string_equal(d->level2, want[i].l2);
        else
            assert_null(d->level2);
    }
    assert_no_findings(p);
    cap_free(&c);
}

static void indicator_fields(void **state)
{
    (void)state;
    const char *json =
        "[{\"name\": \"p\", \"indicators\": [\n"
        "{\"level1\": \"产出指标\", \"level2\": \"成本指标\", \"name\": \"差旅费\","
        " \"target\": \"=元/人\", \"target_adjusted\": \"400元/人/\", \"actual\": \"380元/人\","
        " \"weight\": \"10\", \"score_claimed\": \"9.5\", \"reason\": \"节约\","
        " \"score_rule\": 10, \"level_rule\": \"达成\", \"target_kind\": \"number\"},\n"
        "{\"name\": \"受益人数\", \"target\": 300, \"actual\": 281.5, \"weight\": null}\n"
        "]}]";
    capture c;
    jx_native_result res;
    cap_read(&c, json, &res);
    assert_false(res.failed);
    const jx_project *p = &c.p[0];
    assert_int_equal(p->n_indicators, 2);
    const jx_indicator *d = &p->indicators[0];
    assert_string_equal(d->target, "=元/人");
    assert_string_equal(d->target_adjusted, "400元/人/");
    assert_string_equal(d->actual, "380元/人");
    assert_string_equal(d->reason, "节约");
    assert_dec_equal(d->weight, "10"); /* a string amount */
    assert_dec_equal(d->score_claimed, "9.5");
    assert_true(d->score_rule == JX_NONE); /* computed fields are not read */
    assert_int_equal(d->line, 2);
    /* numbers where text is expected are kept as written */
    d = &p->indicators[1];
    assert_string_equal(d->target, "300");
    assert_string_equal(d->actual, "281.5");
    assert_true(d->weight == JX_NONE);
    assert_true(d->score_claimed == JX_NONE);
    assert_int_equal(d->line, 3);
    assert_no_findings(p);
    cap_free(&c);
}

/* ---- amounts -------------------------------------------------------------- */

static void amounts_as_strings(void **state)
{
    (void)state;
    const char *json = "{\"projects\": [{\"name\": \"p\", \"amount_unit\": \"元\", \"funds\": {"
                       "\"budget_initial\": \"1,234.5\", \"budget\": \"1,234.5\", \"executed\": "
                       "\"１０００．２５\","
                       " \"balance\": \"234.25元\", \"execution_rate\": \"81.03%\", "
                       "\"execution_score_claimed\": \"8.1\"},"
                       " \"total_claimed\": \"88.1\"}]}";
    capture c;
    jx_native_result res;
    cap_read(&c, json, &res);
    assert_false(res.failed);
    const jx_project *p = &c.p[0];
    assert_string_equal(p->amount_unit, "元");
    assert_dec_equal(p->funds.budget_initial, "1234.5");
    assert_dec_equal(p->funds.budget, "1234.5");
    assert_dec_equal(p->funds.executed, "1000.25");
    assert_dec_equal(p->funds.balance, "234.25");
    assert_dec_equal(p->funds.execution_rate, "81.03");
    assert_dec_equal(p->funds.execution_score_claimed, "8.1");
    assert_dec_equal(p->total_claimed, "88.1");
    assert_no_findings(p);
    cap_free(&c);
    /* blanks as written in tables */
    cap_read(&c,
             "[{\"name\": \"p\", \"funds\": {\"budget\": \"—\", \"executed\": \"\", \"balance\": "
             "\"/\"}}]",
             &res);
    assert_false(res.failed);
    assert_true(c.p[0].funds.budget == JX_NONE);
    assert_true(c.p[0].funds.executed == JX_NONE);
    assert_true(c.p[0].funds.balance == JX_NONE);
    assert_no_findings(&c.p[0]);
    cap_free(&c);
}

static void ambiguous_amount_resolved_by_the_row(void **state)
{
    (void)state;
    /* 002 J信用监管经费: budget 15, executed written "13,092" */
    capture c;
    jx_native_result res;
    cap_read(
        &c,
        "[{\"name\": \"J信用监管经费\", \"funds\": {\"budget\": 15, \"executed\": \"13,092\"}}]",
        &res);
    assert_false(res.failed);
    const jx_project *p = &c.p[0];
    assert_dec_equal(p->funds.executed, "13.092");
    assert_int_equal(tu_count(p, "NUMBER-AMBIGUOUS"), 1);
    const jx_finding *f = tu_find(p, "NUMBER-AMBIGUOUS");
    assert_int_equal(f->severity, JX_SEV_WARNING);
    assert_string_equal(f->field, "executed");
    assert_int_equal(f->indicator, -1);
    assert_non_null(strstr(f->message, "13,092"));
    assert_non_null(strstr(f->message, "13.092"));
    cap_free(&c);

    /* the whole row as written: both cells ambiguous, the rate settles it */
    cap_read(&c,
             "[{\"name\": \"J\", \"funds\": {\"budget_initial\": 15, \"budget\": 15, \"executed\": "
             "\"13,092\","
             " \"balance\": \"1,908\", \"execution_rate\": 87.28}}]",
             &res);
    p = &c.p[0];
    assert_dec_equal(p->funds.executed, "13.092");
    assert_dec_equal(p->funds.balance, "1.908");
    assert_int_equal(count_field(p, "NUMBER-AMBIGUOUS", "executed"), 1);
    assert_int_equal(count_field(p, "NUMBER-AMBIGUOUS", "balance"), 1);
    assert_int_equal(p->n_findings, 2);
    cap_free(&c);

    /* the thousands reading when the row agrees with it */
    cap_read(&c,
             "[{\"name\": \"K\", \"funds\": {\"budget\": 20000, \"executed\": \"13,092\", "
             "\"balance\": 6908}}]",
             &res);
    p = &c.p[0];
    assert_dec_equal(p->funds.executed, "13092");
    assert_int_equal(count_field(p, "NUMBER-AMBIGUOUS", "executed"), 1);
    cap_free(&c);
}

static void resolve_directly(void **state)
{
    (void)state;
    jx_arena a;
    jx_arena_init(&a);
    jx_project p;
    jx_project_init(&p, &a);
    p.funds.budget = D("15");
    p.funds.executed = D("13092");
    p.funds.balance = D("1.908");
    jx_funds_cells cells;
    jx_funds_cells_init(&cells);
    for (int i = 0; i < JX_F_COUNT; i++) {
        assert_null(cells.text[i]);
        assert_true(cells.alt[i] == JX_NONE);
    }
    cells.text[JX_F_EXECUTED] = "13,092";
    cells.alt[JX_F_EXECUTED] = D("13.092");
    jx_funds_resolve(&p, &cells);
    assert_dec_equal(p.funds.executed, "13.092");
    assert_dec_equal(p.funds.budget, "15");
    assert_int_equal(tu_count(&p, "NUMBER-AMBIGUOUS"), 1);
    /* nothing ambiguous: nothing changes, no finding */
    jx_project q;
    jx_project_init(&q, &a);
    q.funds.budget = D("15");
    q.funds.executed = D("14");
    jx_funds_cells_init(&cells);
    jx_funds_resolve(&q, &cells);
    assert_dec_equal(q.funds.executed, "14");
    assert_int_equal(q.n_findings, 0);
    jx_arena_free(&a);
}

/* ---- fields that do not belong or do not fit ------------------------------ */

static void unknown_fields(void **state)
{
    (void)state;
    const char *json =
        "{\"projects\": [{\"name\": \"p\", \"colour\": \"red\","
        " \"funds\": {\"budget\": 1, \"bugdet\": 2, \"execution_score\": 10, \"execution_weight\": "
        "10},"
        " \"indicators\": [{\"name\": \"i\", \"wieght\": 5, \"score_rule\": 3}],"
        " \"total_recomputed\": 1, \"total_rule\": 2, \"grade_rule\": \"优\", \"source\": \"x\","
        " \"findings\": []}]}";
    capture c;
    jx_native_result res;
    cap_read(&c, json, &res);
    assert_false(res.failed);
    const jx_project *p = &c.p[0];
    char l[1024];
    list_findings(p, l, sizeof l);
    if (p->n_findings != 3) fail_msg("expected 3 INPUT-FIELD findings, got:%s", l);
    assert_int_equal(count_field(p, "INPUT-FIELD", "colour"), 1);
    assert_int_equal(count_field(p, "INPUT-FIELD", "bugdet"), 1);
    assert_int_equal(count_field(p, "INPUT-FIELD", "wieght"), 1);
    for (size_t i = 0; i < p->n_findings; i++)
        assert_int_equal(p->findings[i].severity, JX_SEV_WARNING);
    /* the indicator's finding points at the indicator */
    for (size_t i = 0; i < p->n_findings; i++)
        if (strcmp(p->findings[i].field, "wieght") == 0)
            assert_int_equal(p->findings[i].indicator, 0);
        else
            assert_int_equal(p->findings[i].indicator, -1);
    /* known fields still read */
    assert_dec_equal(p->funds.budget, "1");
    assert_true(p->indicators[0].weight == JX_NONE);
    cap_free(&c);
}

static void wrong_types(void **state)
{
    (void)state;
    const char *json =
        "[{\"name\": \"p\", \"unit\": {\"a\": 1}, \"department\": [1],"
        " \"amount_unit\": \"千元\", \"year\": \"去年\","
        " \"funds\": {\"budget\": \"abc\", \"executed\": true, \"balance\": [], \"reason\": 5},"
        " \"indicators\": [{\"name\": \"i\", \"weight\": \"十分\", \"score_claimed\": {}, "
        "\"target\": false},"
        " 42],"
        " \"total_claimed\": \"很多\", \"grade_claimed\": 1.5}]";
    capture c;
    jx_native_result res;
    cap_read(&c, json, &res);
    assert_false(res.failed);
    assert_int_equal(res.projects, 1);
    const jx_project *p = &c.p[0];
    static const char *fields[] = {"unit",          "department", "amount_unit", "year",
                                   "budget",        "executed",   "balance",     "weight",
                                   "score_claimed", "target",     "indicators",  "total_claimed"};
    char l[2048];
    list_findings(p, l, sizeof l);
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        if (count_field(p, "INPUT-VALUE", fields[i]) != 1)
            fail_msg("expected one INPUT-VALUE for %s; findings:%s", fields[i], l);
    /* nothing of the wrong type is taken */
    assert_null(p->unit);
    assert_null(p->department);
    assert_string_equal(p->amount_unit, "万元");
    assert_int_equal(p->year, 0);
    assert_true(p->funds.budget == JX_NONE);
    assert_true(p->funds.executed == JX_NONE);
    assert_true(p->funds.balance == JX_NONE);
    assert_string_equal(p->funds.reason, "5"); /* a number as text is kept as written */
    assert_int_equal(p->n_indicators, 2);      /* the bad item is kept, not dropped */
    assert_true(p->indicators[0].weight == JX_NONE);
    assert_true(p->indicators[0].score_claimed == JX_NONE);
    assert_null(p->indicators[0].target);
    assert_true(p->total_claimed == JX_NONE);
    assert_string_equal(p->grade_claimed, "1.5");
    assert_int_equal(tu_count(p, "INPUT-FIELD"), 0);
    cap_free(&c);

    /* containers of the wrong kind */
    cap_read(
        &c, "[{\"name\": \"p\", \"funds\": [1, 2], \"indicators\": {\"a\": 1}}, 3, {\"name\": {}}]",
        &res);
    assert_false(res.failed);
    assert_int_equal(res.projects, 3);
    assert_int_equal(count_field(&c.p[0], "INPUT-VALUE", "funds"), 1);
    assert_int_equal(count_field(&c.p[0], "INPUT-VALUE", "indicators"), 1);
    assert_int_equal(c.p[0].n_indicators, 0);
    assert_int_equal(count_field(&c.p[1], "INPUT-VALUE", "projects"), 1); /* not an object */
    assert_null(c.p[2].name);
    assert_true(count_field(&c.p[2], "INPUT-VALUE", "name") >= 1); /* wrong type, then no name */
    cap_free(&c);

    /* a number that is not a plain decimal */
    cap_read(&c,
             "[{\"name\": \"p\", \"funds\": {\"budget\": 1e3}, \"total_claimed\": "
             "99999999999999999999}]",
             &res);
    assert_false(res.failed);
    assert_true(c.p[0].funds.budget == JX_NONE);
    assert_int_equal(count_field(&c.p[0], "INPUT-VALUE", "budget"), 1);
    assert_true(c.p[0].total_claimed == JX_NONE);
    assert_int_equal(count_field(&c.p[0], "INPUT-VALUE", "total_claimed"), 1);
    cap_free(&c);
}

static void missing_name(void **state)
{
    (void)state;
    capture c;
    jx_native_result res;
    cap_read(&c, "[{\"year\": 2024}, {\"name\": \"\"}]", &res);
    assert_int_equal(res.projects, 2);
    assert_int_equal(count_field(&c.p[0], "INPUT-VALUE", "name"), 1);
    assert_int_equal(count_field(&c.p[1], "INPUT-VALUE", "name"), 1);
    cap_free(&c);
}

static void years(void **state)
{
    (void)state;
    static const struct {
        const char *json;
        int year;
        size_t findings;
    } cases[] = {
        {"2024", 2024, 0},       {"\"2024\"", 2024, 0}, {"\"2024年度\"", 2024, 0},
        {"\"2023年\"", 2023, 0}, {"null", 0, 0},        {"1800", 0, 1},
        {"\"24\"", 0, 1},        {"\"20245\"", 0, 1},   {"\"去年\"", 0, 1},
        {"true", 0, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char json[128];
        snprintf(json, sizeof json, "[{\"name\": \"p\", \"year\": %s}]", cases[i].json);
        capture c;
        jx_native_result res;
        cap_read(&c, json, &res);
        assert_false(res.failed);
        if (c.p[0].year != cases[i].year)
            fail_msg("year %s read as %d, expected %d", cases[i].json, c.p[0].year, cases[i].year);
        if (count_field(&c.p[0], "INPUT-VALUE", "year") != cases[i].findings)
            fail_msg("year %s: %zu findings, expected %zu", cases[i].json,
                     count_field(&c.p[0], "INPUT-VALUE", "year"), cases[i].findings);
        cap_free(&c);
    }
}

static void full_width_year(void **state)
{
    (void)state;
    /* SPEC §4/§10: full-width digits are normalised like every other figure
     * (amount strings already are, via jx_amount_parse) */
    capture c;
    jx_native_result res;
    cap_read(&c, "[{\"name\": \"p\", \"year\": \"２０２３年度\"}]", &res);
    int year = c.n ? c.p[0].year : -1;
    size_t findings = c.n ? count_field(&c.p[0], "INPUT-VALUE", "year") : 99;
    cap_free(&c); /* before asserting, so a failure leaks nothing */
    assert_false(res.failed);
    assert_int_equal(year, 2023);
    assert_int_equal(findings, 0);
}

/* ---- unreadable input ------------------------------------------------------ */

static void malformed_json(void **state)
{
    (void)state;
    capture c;
    jx_native_result res;
    /* the first project is delivered, the second line is broken at column 14 */
    cap_read(&c, "{\"projects\": [{\"name\": \"a\"},\n{\"name\": \"b\" \"year\": 1}]}", &res);
    assert_true(res.failed);
    assert_int_equal(res.line, 2);
    assert_int_equal(res.col, 14);
    assert_true(res.error[0] != '\0');
    assert_int_equal(c.calls, 1);
    assert_string_equal(c.p[0].name, "a");
    cap_free(&c);

    static const struct {
        const char *json;
        long line, col;
    } bad[] = {
        {"{\"projects\": {\"name\": \"a\"}}", 1, 14}, /* projects is not an array */
        {"{\"documents\": \"x\"}", 1, 15},            /* documents is not an array */
        {"\"just a string\"", 1, 1},                  /* top level is a scalar */
        {"{\"projects\": []} []", 1, 18},             /* trailing garbage */
        {"{\"projects\": [\n\n  {\"name\": tru}]}", 3,
         -1}, /* bad literal (column checked in test_json) */
        {"{\"projects\": [{\"name\": \"\xff\"}]}", 1, -1}, /* invalid UTF-8 */
        {"[{\"name\": \"a\"", 1, 14},                      /* cut short */
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        cap_read(&c, bad[i].json, &res);
        if (!res.failed) fail_msg("case %zu accepted", i);
        if (!res.error[0]) fail_msg("case %zu: no message", i);
        if (res.line != bad[i].line || (bad[i].col >= 0 && res.col != bad[i].col))
            fail_msg("case %zu: error at %ld:%ld, expected %ld:%ld (%s)", i, res.line, res.col,
                     bad[i].line, bad[i].col, res.error);
        cap_free(&c);
    }
}

static void empty_input(void **state)
{
    (void)state;
    static const char *empty[] = {"", "   ", "\n\n", "\xef\xbb\xbf"};
    for (size_t i = 0; i < sizeof empty / sizeof *empty; i++) {
        capture c;
        jx_native_result res;
        cap_read(&c, empty[i], &res);
        if (!res.failed) fail_msg("empty input %zu accepted", i);
        assert_true(res.error[0] != '\0');
        assert_true(res.line >= 1);
        assert_int_equal(res.projects, 0);
        assert_int_equal(c.calls, 0);
        cap_free(&c);
    }
}

/* ---- audit output read back ----------------------------------------------- */

static void carried_over_findings(void **state)
{
    (void)state;
    const char *json = "{\"documents\": [{\"source\": \"002.txt\", \"findings\": [], \"projects\": "
                       "[{\"name\": \"J信用监管经费\","
                       " \"funds\": {\"budget\": 15, \"executed\": 13.092},"
                       " \"findings\": ["
                       "  {\"code\": \"NUMBER-AMBIGUOUS\", \"severity\": \"warning\", \"message\": "
                       "\"全年执行数 写作「13,092」\","
                       "   \"indicator\": null, \"field\": \"executed\"},"
                       "  {\"code\": \"FUND-RATE\", \"severity\": \"error\", \"message\": "
                       "\"执行率不符\", \"indicator\": null,"
                       "   \"field\": \"execution_rate\"},"
                       "  {\"code\": \"GRADE\", \"severity\": \"error\", \"message\": "
                       "\"等级不符\", \"indicator\": null, \"field\": null},"
                       "  {\"code\": \"SCORE-ABOVE-RULE\", \"severity\": \"warning\", \"message\": "
                       "\"m\", \"indicator\": 0,"
                       "   \"field\": \"score_claimed\"}"
                       " ]}]}]}";
    capture c;
    jx_native_result res;
    cap_read(&c, json, &res);
    assert_false(res.failed);
    const jx_project *p = &c.p[0];
    char l[1024];
    list_findings(p, l, sizeof l);
    if (p->n_findings != 1) fail_msg("only NUMBER-AMBIGUOUS is carried over; got:%s", l);
    const jx_finding *f = tu_find(p, "NUMBER-AMBIGUOUS");
    assert_non_null(f);
    assert_int_equal(f->severity, JX_SEV_WARNING);
    assert_string_equal(f->message, "全年执行数 写作「13,092」");
    assert_string_equal(f->field, "executed");
    assert_int_equal(f->indicator, -1);
    assert_null(tu_find(p, "FUND-RATE"));
    assert_null(tu_find(p, "GRADE"));
    assert_null(tu_find(p, "SCORE-ABOVE-RULE"));
    /* the figure itself is the cleaned one; no second ambiguity is invented */
    assert_dec_equal(p->funds.executed, "13.092");
    cap_free(&c);

    /* malformed finding entries are ignored, not fatal */
    cap_read(&c,
             "[{\"name\": \"p\", \"findings\": [1, {\"code\": 5}, {}, {\"code\": "
             "\"NUMBER-AMBIGUOUS\", \"indicator\": 2}]}]",
             &res);
    assert_false(res.failed);
    assert_int_equal(tu_count(&c.p[0], "NUMBER-AMBIGUOUS"), 1);
    assert_int_equal(tu_find(&c.p[0], "NUMBER-AMBIGUOUS")->indicator, 2);
    assert_int_equal(c.p[0].n_findings, 1);
    cap_free(&c);
}

/* ---- streaming ------------------------------------------------------------- */

static void callback_can_stop(void **state)
{
    (void)state;
    capture c;
    jx_native_result res;
    memset(&c, 0, sizeof c);
    jx_arena_init(&c.keep);
    c.stop_after = 2;
    const char *json = "{\"projects\": [{\"name\": \"a\"}, {\"name\": \"b\"}, {\"name\": \"c\"}, "
                       "{\"name\": \"d\"}]}";
    jx_native_read_mem(json, strlen(json), cap_fn, &c, &res);
    assert_false(res.failed);
    assert_int_equal(c.calls, 2);
    assert_int_equal(res.projects, 2);
    assert_string_equal(c.p[1].name, "b");
    cap_free(&c);
}

typedef struct {
    size_t n, indicators;
    jx_dec budget_sum;
    bool names_ok;
} counter;

static bool count_fn(jx_project *p, void *arg)
{
    counter *k = arg;
    char want[32];
    snprintf(want, sizeof want, "项目%zu", k->n);
    if (!p->name || strcmp(p->name, want) != 0) k->names_ok = false;
    k->n++;
    k->indicators += p->n_indicators;
    if (jx_has(p->funds.budget)) k->budget_sum += p->funds.budget;
    return true;
}

static void many_projects_from_a_file(void **state)
{
    (void)state;
    FILE *fp = tmpfile();
    assert_non_null(fp);
    size_t projects = 3000;
    fputs("{\"projects\": [\n", fp);
    for (size_t i = 0; i < projects; i++)
        fprintf(
            fp,
            "%s{\"name\": \"项目%zu\", \"year\": \"2024年度\", \"funds\": {\"budget\": 10.01, "
            "\"executed\": \"9.5\"},"
            " \"indicators\": [{\"level1\": \"产出指标\", \"name\": \"a\", \"target\": \"≥95%%\"},"
            " {\"name\": \"b\", \"target\": \"=1套\"}]}\n",
            i ? "," : "", i);
    fputs("]}\n", fp);
    assert_true(ftell(fp) > 3 * 65536);
    rewind(fp);
    counter k = {0, 0, 0, true};
    jx_native_result res;
    jx_native_read(fp, count_fn, &k, &res);
    fclose(fp);
    if (res.failed) fail_msg("%s at %ld:%ld", res.error, res.line, res.col);
    assert_int_equal(res.projects, projects);
    assert_int_equal(k.n, projects);
    assert_true(k.names_ok);
    assert_int_equal(k.indicators, 2 * projects);
    assert_dec_equal(k.budget_sum, "30030");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(three_accepted_shapes),
        cmocka_unit_test(several_documents_and_other_keys),
        cmocka_unit_test(documents_without_projects),
        cmocka_unit_test(continuation_rows_inherit_parents),
        cmocka_unit_test(indicator_fields),
        cmocka_unit_test(amounts_as_strings),
        cmocka_unit_test(ambiguous_amount_resolved_by_the_row),
        cmocka_unit_test(resolve_directly),
        cmocka_unit_test(unknown_fields),
        cmocka_unit_test(wrong_types),
        cmocka_unit_test(missing_name),
        cmocka_unit_test(years),
        cmocka_unit_test(full_width_year),
        cmocka_unit_test(malformed_json),
        cmocka_unit_test(empty_input),
        cmocka_unit_test(carried_over_findings),
        cmocka_unit_test(callback_can_stop),
        cmocka_unit_test(many_projects_from_a_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
