/* test_score.c — the scoring rules of SPEC §5, each branch at its boundary.
 *
 * Every test feeds a project written in the native JSON format (SPEC §11)
 * through the same path `jixiao audit` takes (tu_audit_json → jx_score →
 * jx_check) and asserts the exact decimals jx_score() computes: the
 * execution score (capped and, through a rule file written to a temporary
 * directory, uncapped; from amounts or from a stated rate only; budget 0),
 * the seed checks of SPEC §5 (002 J市场监管经费, J信用监管经费, Z特种设备监管费;
 * 004 区创优营商环境服务中心工作经费 with its total and grade), positive, reverse
 * (linear and ratio), equal and strict targets, the qualitative bands with
 * their inclusive lower and exclusive upper bounds, deadlines, over-completion
 * (flag at 130 %, and the deviation deduction of mof-2020-deviation), unit
 * conversion and mismatch, unit-only targets with and without an adjusted
 * target, both totals, and the grade bands on either side of each bound.
 */
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"

/* The audit in use: tu_audit values are function-static so that when a test fails
 * (cmocka jumps out before tu_free) the teardown can still free it. */
static tu_audit *live;

static void tu_run(tu_audit *t, const char *json, const char *rules)
{
    live = t;
    tu_audit_json(t, json, rules);
}

static int free_live(void **state)
{
    (void)state;
    if (live) tu_free(live); /* freeing twice is harmless */
    live = NULL;
    return 0;
}

/* ---- building native JSON ------------------------------------------------ */

typedef struct {
    char s[16384];
    size_t n;
} jbuf;

static void jb_raw(jbuf *b, const char *text)
{
    size_t len = strlen(text);
    assert_true(b->n + len < sizeof b->s);
    memcpy(b->s + b->n, text, len + 1);
    b->n += len;
}

/* ,"key":"value" (omitted when value is NULL); values here never need escaping */
static void jb_str(jbuf *b, const char *key, const char *value)
{
    if (!value) return;
    assert_null(strpbrk(value, "\"\\"));
    jb_raw(b, ",\"");
    jb_raw(b, key);
    jb_raw(b, "\":\"");
    jb_raw(b, value);
    jb_raw(b, "\"");
}

/* ,"key":number (omitted when NULL) */
static void jb_num(jbuf *b, const char *key, const char *number)
{
    if (!number) return;
    jb_raw(b, ",\"");
    jb_raw(b, key);
    jb_raw(b, "\":");
    jb_raw(b, number);
}

typedef struct {
    const char *target, *adjusted, *actual, *weight, *claimed, *reason;
} ind_t;

/* A project with one indicator and no funds, audited by `rules` (NULL = mof-2020). */
static const jx_indicator *score_ind(tu_audit *t, const char *rules, int year, ind_t in)
{
    jbuf b = {.n = 0};
    b.s[0] = '\0';
    char head[128];
    snprintf(head, sizeof head,
             "{\"projects\":[{\"name\":\"指标测试\",\"year\":%d,\"indicators\":[{", year);
    jb_raw(&b, head);
    jb_raw(&b, "\"name\":\"三级指标\",\"level1\":\"产出指标\",\"level2\":\"数量指标\"");
    jb_str(&b, "target", in.target);
    jb_str(&b, "target_adjusted", in.adjusted);
    jb_str(&b, "actual", in.actual);
    jb_num(&b, "weight", in.weight);
    jb_num(&b, "score_claimed", in.claimed);
    jb_str(&b, "reason", in.reason);
    jb_raw(&b, "}]}]}");
    tu_run(t, b.s, rules);
    assert_false(t->res.failed);
    assert_int_equal(t->n, 1);
    assert_int_equal(t->projects[0].n_indicators, 1);
    return &t->projects[0].indicators[0];
}

/* Rule score of one indicator (JX_NONE when the rule cannot decide). */
static jx_dec rule_of(const char *rules, ind_t in, unsigned *flags)
{
    static tu_audit t;
    const jx_indicator *ind = score_ind(&t, rules, 2024, in);
    jx_dec s = ind->score_rule;
    if (flags) *flags = ind->flags;
    tu_free(&t);
    return s;
}

#define RULE(rules, ...) rule_of((rules), (ind_t){__VA_ARGS__}, NULL)

/* A project with only a funds block (amounts as JSON numbers, NULL = absent). */
static const jx_project *audit_funds(tu_audit *t, const char *rules, const char *budget,
                                     const char *executed, const char *rate)
{
    jbuf b = {.n = 0};
    b.s[0] = '\0';
    jb_raw(&b,
           "{\"projects\":[{\"name\":\"资金测试\",\"year\":2024,\"funds\":{\"reason\":\"测试\"");
    jb_num(&b, "budget", budget);
    jb_num(&b, "executed", executed);
    jb_num(&b, "execution_rate", rate);
    jb_raw(&b, "}}]}");
    tu_run(t, b.s, rules);
    assert_false(t->res.failed);
    assert_int_equal(t->n, 1);
    return &t->projects[0];
}

static jx_dec exec_score(const char *rules, const char *budget, const char *executed,
                         const char *rate)
{
    static tu_audit t;
    jx_dec s = audit_funds(&t, rules, budget, executed, rate)->funds.execution_score;
    tu_free(&t);
    return s;
}

/* A temporary rule file "extends mof-2020" with `body` added; returns its path. */
typedef struct {
    char dir[64];
    char path[128];
} tmp_rules;

static void tmp_rules_write(tmp_rules *r, const char *name, const char *body)
{
    snprintf(r->dir, sizeof r->dir, "/tmp/jx_test_score_XXXXXX");
    assert_non_null(mkdtemp(r->dir));
    snprintf(r->path, sizeof r->path, "%s/%s.json", r->dir, name);
    FILE *fp = fopen(r->path, "w");
    assert_non_null(fp);
    fprintf(fp, "{\n  \"name\": \"%s\",\n  \"extends\": \"mof-2020\",\n  %s\n}\n", name, body);
    fclose(fp);
}

static void tmp_rules_remove(tmp_rules *r)
{
    unlink(r->path);
    rmdir(r->dir);
}

/* ---- budget execution ------------------------------------------------------ */

static void execution_is_weight_times_rate_capped_at_full(void **state)
{
    (void)state;
    static tu_audit t;
    const jx_project *p = audit_funds(&t, NULL, "100", "120", NULL);
    assert_dec_equal(p->funds.rate_computed, "120");
    assert_dec_equal(p->funds.execution_weight, "10");
    assert_dec_equal(p->funds.execution_score, "10"); /* rate > 100 % → full, not 12 */
    tu_free(&t);

    assert_dec_equal(exec_score(NULL, "100", "100", NULL), "10");
    assert_dec_equal(exec_score(NULL, "100", "50", NULL), "5");
    assert_dec_equal(exec_score(NULL, "100", "99.9", NULL), "9.99");
    assert_dec_equal(exec_score(NULL, "100", "0", NULL), "0");

    /* the function itself */
    jx_rules r;
    char err[512];
    assert_true(jx_rules_load("mof-2020", &r, err, sizeof err));
    assert_dec_equal(jx_score_execution(&r, D("10"), D("120"), D("100")), "10");
    assert_dec_equal(jx_score_execution(&r, D("10"), D("75"), D("100")), "7.5");
    assert_true(jx_score_execution(&r, D("10"), JX_NONE, D("100")) == JX_NONE);
    assert_true(jx_score_execution(&r, D("10"), D("1"), JX_NONE) == JX_NONE);
}

static void execution_uncapped_by_a_rule_file(void **state)
{
    (void)state;
    tmp_rules tr;
    tmp_rules_write(&tr, "uncapped", "\"execution\": { \"cap\": false }");
    assert_dec_equal(exec_score(tr.path, "100", "120", NULL), "12");
    assert_dec_equal(exec_score(tr.path, "100", "50", NULL),
                     "5"); /* below 100 % the same as capped */
    assert_dec_equal(exec_score(tr.path, NULL, NULL, "105"), "10.5");
    assert_dec_equal(exec_score(NULL, NULL, NULL, "105"), "10"); /* capped by default */
    static tu_audit t;
    const jx_project *p = audit_funds(&t, tr.path, "100", "120", NULL);
    assert_string_equal(t.rules.name, "uncapped");
    assert_false(t.rules.execution_cap);
    assert_dec_equal(p->funds.execution_score, "12");
    tu_free(&t);
    tmp_rules_remove(&tr);
}

static void execution_rounds_half_up_on_the_exact_quotient(void **state)
{
    (void)state;
    /* 10 × 2.0595 / 3 = 6.865 exactly → 6.87 (binary floating point gives 6.86) */
    assert_dec_equal(exec_score(NULL, "3", "2.0595", NULL), "6.87");
}

static void execution_from_a_stated_rate_only(void **state)
{
    (void)state;
    static tu_audit t;
    const jx_project *p = audit_funds(&t, NULL, NULL, NULL, "87.28");
    assert_true(p->funds.rate_computed == JX_NONE);
    assert_dec_equal(p->funds.execution_score, "8.73"); /* 10 × 87.28 % = 8.728 */
    tu_free(&t);
    assert_dec_equal(exec_score(NULL, NULL, NULL, "100"), "10");
    assert_dec_equal(exec_score(NULL, NULL, NULL, "0"), "0");
    /* amounts win over a stated rate when both are there */
    assert_dec_equal(exec_score(NULL, "100", "50", "90"), "5");
}

static void execution_with_budget_zero_scores_zero(void **state)
{
    (void)state;
    assert_dec_equal(exec_score(NULL, "0", "0", NULL), "0");
    assert_dec_equal(exec_score(NULL, "0", "5", NULL), "0");
    assert_dec_equal(exec_score(NULL, NULL, NULL, NULL), "0");
    static tu_audit t;
    const jx_project *p = audit_funds(&t, NULL, "0", "5", NULL);
    assert_true(p->funds.rate_computed == JX_NONE);
    assert_true(jx_score_execution(&t.rules, D("10"), D("5"), 0) == JX_NONE);
    tu_free(&t);
}

/* ---- SPEC §5 seed checks ------------------------------------------------------ */

static void seed_002_execution_scores(void **state)
{
    (void)state;
    static const struct {
        const char *name, *budget, *executed, *rate, *score;
    } cases[] = {
        {"J市场监管经费", "190.7", "189.132", "99.18", "9.92"},
        {"J信用监管经费", "15", "13.092", "87.28", "8.73"},
        {"Z特种设备监管费", "102", "12.716", "12.47", "1.25"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        static tu_audit t;
        const jx_project *p = audit_funds(&t, NULL, cases[i].budget, cases[i].executed, NULL);
        assert_dec_equal(jx_dec_round(p->funds.rate_computed, 2), cases[i].rate);
        assert_dec_equal(p->funds.execution_score, cases[i].score);
        tu_free(&t);
    }
}

/* 004 区创优营商环境服务中心工作经费, its six indicator rows as in the seed (weights 90, all met).
 */
static const char SEED_004_YINGSHANG[] =
    "{\"projects\":[{\"name\":\"区创优营商环境服务中心工作经费\",\"year\":2023,"
    "\"funds\":{\"budget_initial\":46,\"budget\":46,\"executed\":38.76,\"execution_rate\":84.25},"
    "\"indicators\":["
    "{\"level1\":\"产出指标\",\"level2\":\"数量指标\",\"name\":\"解决企业难题\",\"target\":"
    "\"≥300个\","
    "\"actual\":\"300个\",\"weight\":10,\"score_claimed\":10},"
    "{\"level1\":\"产出指标\",\"level2\":\"数量指标\",\"name\":\"召开座谈会\",\"target\":"
    "\"≥160个\","
    "\"actual\":\"160个\",\"weight\":10,\"score_claimed\":10},"
    "{\"level1\":\"产出指标\",\"level2\":\"数量指标\",\"name\":\"走访企业数量\",\"target\":"
    "\"≥1600家\","
    "\"actual\":\"1600家\",\"weight\":20,\"score_claimed\":20},"
    "{\"level1\":\"产出指标\",\"level2\":\"时效指标\",\"name\":\"按节点完成计划\",\"target\":\"≥95%"
    "\","
    "\"actual\":\"95%\",\"weight\":10,\"score_claimed\":10},"
    "{\"level1\":\"成本指标\",\"level2\":\"社会效益指标\",\"name\":\"就业岗位\",\"target\":"
    "\"≥600个\","
    "\"actual\":\"600个\",\"weight\":30,\"score_claimed\":30},"
    "{\"level1\":\"满意度指标\",\"level2\":\"服务对象满意度指标\",\"name\":\"服务企业满意度\","
    "\"target\":\"≥90%\","
    "\"actual\":\"90%\",\"weight\":10,\"score_claimed\":10}],"
    "\"total_claimed\":98.43,\"grade_claimed\":\"优\"}]}";

static void seed_004_total_rule_and_grade(void **state)
{
    (void)state;
    static tu_audit t;
    tu_run(&t, SEED_004_YINGSHANG, NULL);
    assert_int_equal(t.n, 1);
    const jx_project *p = &t.projects[0];
    assert_dec_equal(jx_dec_round(p->funds.rate_computed, 2), "84.26"); /* the table says 84.25 */
    assert_dec_equal(p->funds.execution_score, "8.43");
    jx_dec weights = 0;
    for (size_t i = 0; i < p->n_indicators; i++) {
        assert_true(p->indicators[i].score_rule == p->indicators[i].weight);
        weights += p->indicators[i].weight;
    }
    assert_dec_equal(weights, "90");
    assert_dec_equal(p->total_rule, "98.43");
    assert_dec_equal(p->total_recomputed, "98.43"); /* no claimed execution score: the rule's */
    assert_non_null(p->grade_rule);
    assert_string_equal(p->grade_rule, "优");
    tu_free(&t);
}

/* ---- positive targets ---------------------------------------------------------- */

static void positive_met_over_and_partial(void **state)
{
    (void)state;
    unsigned flags;
    /* met exactly, over (below the over-completion threshold) */
    assert_dec_equal(RULE(NULL, .target = "≥95%", .actual = "95%", .weight = "10"), "10");
    assert_dec_equal(
        rule_of(NULL, (ind_t){.target = "≥95%", .actual = "98%", .weight = "10"}, &flags), "10");
    assert_false(flags & JX_IND_OVER_TARGET);
    assert_dec_equal(RULE(NULL, .target = ">100家", .actual = "120家", .weight = "10"), "10");
    /* partial: weight × actual / target — seed 002 Z特种设备监管费 */
    assert_dec_equal(RULE(NULL, .target = "≥75家次", .actual = "58家次", .weight = "6"), "4.64");
    assert_dec_equal(RULE(NULL, .target = "≥95%", .actual = "94.99%", .weight = "10"),
                     "10"); /* 9.9989… */
    assert_dec_equal(RULE(NULL, .target = "≥95%", .actual = "90%", .weight = "10"), "9.47");
    assert_dec_equal(RULE(NULL, .target = "≥100家", .actual = "0家", .weight = "10"), "0");
    /* the operator of an actual is ignored */
    assert_dec_equal(RULE(NULL, .target = "≥85%", .actual = "≥80%", .weight = "10"), "9.41");
    /* no operator scores as positive */
    assert_dec_equal(RULE(NULL, .target = "100家", .actual = "50家", .weight = "10"), "5");
}

static void positive_target_zero(void **state)
{
    (void)state;
    assert_dec_equal(RULE(NULL, .target = "≥0个", .actual = "0个", .weight = "10"), "10");
    assert_dec_equal(RULE(NULL, .target = "≥0个", .actual = "3个", .weight = "10"), "10");
}

/* ---- reverse targets ------------------------------------------------------------ */

static void reverse_linear(void **state)
{
    (void)state;
    const char *t = "≤400元/人/天";
    assert_dec_equal(RULE(NULL, .target = t, .actual = "300元/人/天", .weight = "10"), "10");
    assert_dec_equal(RULE(NULL, .target = t, .actual = "400元/人/天", .weight = "10"), "10");
    assert_dec_equal(RULE(NULL, .target = t, .actual = "500元/人/天", .weight = "10"), "7.5");
    assert_dec_equal(RULE(NULL, .target = t, .actual = "600元/人/天", .weight = "10"), "5");
    assert_dec_equal(RULE(NULL, .target = t, .actual = "799元/人/天", .weight = "10"),
                     "0.03"); /* 0.025 */
    assert_dec_equal(RULE(NULL, .target = t, .actual = "800元/人/天", .weight = "10"),
                     "0"); /* 2 × target */
    assert_dec_equal(RULE(NULL, .target = t, .actual = "1000元/人/天", .weight = "10"),
                     "0"); /* beyond: 0 */
    /* the seed's unit order "元/天/人" is the same unit */
    assert_dec_equal(RULE(NULL, .target = "≤400元/天/人", .actual = "500元/人/天", .weight = "10"),
                     "7.5");
    /* ≤ 0: anything above is 0 */
    assert_dec_equal(RULE(NULL, .target = "≤0起", .actual = "0起", .weight = "10"), "10");
    assert_dec_equal(RULE(NULL, .target = "≤0起", .actual = "1起", .weight = "10"), "0");
}

static void reverse_ratio_rule_set(void **state)
{
    (void)state;
    const char *rs = "mof-2020-ratio";
    assert_dec_equal(RULE(rs, .target = "≤400", .actual = "500", .weight = "10"), "8");
    assert_dec_equal(RULE(rs, .target = "≤400", .actual = "400", .weight = "10"), "10");
    assert_dec_equal(RULE(rs, .target = "≤400", .actual = "800", .weight = "10"), "5"); /* not 0 */
    assert_dec_equal(RULE(rs, .target = "≤400", .actual = "1200", .weight = "10"), "3.33");
    /* the same cell under the default rule set is linear */
    assert_dec_equal(RULE(NULL, .target = "≤400", .actual = "500", .weight = "10"), "7.5");
}

/* ---- equal and strict targets ---------------------------------------------------- */

static void equal_is_scored_as_positive(void **state)
{
    (void)state;
    assert_dec_equal(RULE(NULL, .target = "=100%", .actual = "100%", .weight = "10"), "10");
    assert_dec_equal(RULE(NULL, .target = "=100%", .actual = "90%", .weight = "10"), "9");
    assert_dec_equal(RULE(NULL, .target = "=1套", .actual = "1套", .weight = "5"), "5");
    assert_dec_equal(RULE(NULL, .target = "=60次", .actual = "30次", .weight = "5"), "2.5");
    /* target 0: actual ≤ 0 full, else 0 */
    assert_dec_equal(RULE(NULL, .target = "=0", .actual = "0", .weight = "10"), "10");
    assert_dec_equal(RULE(NULL, .target = "=0", .actual = "1", .weight = "10"), "0");
    assert_dec_equal(RULE(NULL, .target = "=0起", .actual = "0起", .weight = "5"), "5");
    assert_dec_equal(RULE(NULL, .target = "=0起", .actual = "1起", .weight = "5"), "0");
}

static void strict_target_met_exactly_is_full_and_flagged(void **state)
{
    (void)state;
    unsigned flags;
    /* seed 004 区政府工作经费: ＜220, actual 220, full marks */
    assert_dec_equal(
        rule_of(NULL, (ind_t){.target = "＜220", .actual = "220", .weight = "10"}, &flags), "10");
    assert_true(flags & JX_IND_STRICT_AT_TARGET);
    assert_dec_equal(
        rule_of(NULL, (ind_t){.target = "＜220", .actual = "219", .weight = "10"}, &flags), "10");
    assert_false(flags & JX_IND_STRICT_AT_TARGET);
    /* above a strict reverse target: the linear rule, 10 × (440 − 231) / 220 = 9.5 */
    assert_dec_equal(
        rule_of(NULL, (ind_t){.target = "＜220", .actual = "231", .weight = "10"}, &flags), "9.5");
    assert_false(flags & JX_IND_STRICT_AT_TARGET);
    /* strict positive */
    assert_dec_equal(
        rule_of(NULL, (ind_t){.target = "＞100", .actual = "100", .weight = "10"}, &flags), "10");
    assert_true(flags & JX_IND_STRICT_AT_TARGET);
    assert_dec_equal(
        rule_of(NULL, (ind_t){.target = "≥100", .actual = "100", .weight = "10"}, &flags), "10");
    assert_false(flags & JX_IND_STRICT_AT_TARGET);
    assert_dec_equal(
        rule_of(NULL, (ind_t){.target = ">100", .actual = "80", .weight = "10"}, &flags), "8");
    assert_false(flags & JX_IND_STRICT_AT_TARGET);
}

/* ---- qualitative bands ------------------------------------------------------------ */

#define MET "达成预期指标"
#define PARTIAL "部分达成年度指标并具有一定效果"
#define NOT_MET "未达成年度指标且效果较差"

static void qual(const char *actual, const char *claimed, const char *expect, bool out_of_band,
                 jx_level level)
{
    static tu_audit t;
    const jx_indicator *ind = score_ind(
        &t, NULL, 2024,
        (ind_t){.target = "不断提高", .actual = actual, .weight = "10", .claimed = claimed});
    char b[JX_DEC_BUF];
    if (ind->score_rule != D(expect))
        fail_msg("%s claimed %s: rule %s, expected %s", actual, claimed ? claimed : "—",
                 jx_dec_fmt(ind->score_rule, b), expect);
    assert_true(ind->flags & JX_IND_QUALITATIVE);
    if (out_of_band != !!(ind->flags & JX_IND_QUAL_BAND))
        fail_msg("%s claimed %s: QUAL_BAND flag %s", actual, claimed ? claimed : "—",
                 out_of_band ? "missing" : "unexpected");
    assert_int_equal(ind->level_rule, level);
    tu_free(&t);
}

static void qualitative_claim_inside_its_band_is_kept(void **state)
{
    (void)state;
    qual(MET, "9", "9", false, JX_LEVEL_MET);
    qual(MET, "10", "10", false, JX_LEVEL_MET);
    qual(PARTIAL, "7.5", "7.5", false, JX_LEVEL_PARTIAL);
    qual(NOT_MET, "3", "3", false, JX_LEVEL_NOT_MET);
    /* the real phrasing of the middle band (SPEC §4) */
    qual("达成预期指标并具有一定效果", "7", "7", false, JX_LEVEL_PARTIAL);
    qual("未完成预期指标且效果较差", "2", "2", false, JX_LEVEL_NOT_MET);
}

static void qualitative_claim_outside_its_band_gets_the_default(void **state)
{
    (void)state;
    qual(MET, "7.99", "10", true, JX_LEVEL_MET);
    qual(MET, "11", "10", true, JX_LEVEL_MET); /* above the weight */
    qual(PARTIAL, "10", "7", true, JX_LEVEL_PARTIAL);
    qual(NOT_MET, "9", "0", true, JX_LEVEL_NOT_MET);
}

static void qualitative_band_bounds_at_60_and_80_percent(void **state)
{
    (void)state;
    /* 80 %: in 达成 (lower bound inclusive), out of 部分达成 (upper exclusive) */
    qual(MET, "8", "8", false, JX_LEVEL_MET);
    qual(PARTIAL, "8", "7", true, JX_LEVEL_PARTIAL);
    qual(PARTIAL, "7.99", "7.99", false, JX_LEVEL_PARTIAL);
    /* 60 %: in 部分达成, out of 未达成 */
    qual(PARTIAL, "6", "6", false, JX_LEVEL_PARTIAL);
    qual(PARTIAL, "5.99", "7", true, JX_LEVEL_PARTIAL);
    qual(NOT_MET, "6", "0", true, JX_LEVEL_NOT_MET);
    qual(NOT_MET, "5.99", "5.99", false, JX_LEVEL_NOT_MET);
    qual(NOT_MET, "0", "0", false, JX_LEVEL_NOT_MET);

    /* the band test itself, on an odd weight (seed weights of 6 and 15) */
    jx_rules r;
    char err[512];
    assert_true(jx_rules_load("mof-2020", &r, err, sizeof err));
    assert_true(jx_score_in_band(&r, JX_LEVEL_MET, D("6"), D("4.8")));
    assert_false(jx_score_in_band(&r, JX_LEVEL_MET, D("6"), D("4.79")));
    assert_true(jx_score_in_band(&r, JX_LEVEL_MET, D("6"), D("6")));
    assert_false(jx_score_in_band(&r, JX_LEVEL_MET, D("6"), D("6.01")));
    assert_false(jx_score_in_band(&r, JX_LEVEL_PARTIAL, D("15"), D("12")));
    assert_true(jx_score_in_band(&r, JX_LEVEL_PARTIAL, D("15"), D("11.99")));
    assert_true(jx_score_in_band(&r, JX_LEVEL_PARTIAL, D("15"), D("9")));
    assert_false(jx_score_in_band(&r, JX_LEVEL_PARTIAL, D("15"), D("8.99")));
    assert_false(jx_score_in_band(&r, JX_LEVEL_NOT_MET, D("15"), D("9")));
    assert_true(jx_score_in_band(&r, JX_LEVEL_NOT_MET, D("15"), D("8.99")));
    assert_false(jx_score_in_band(&r, JX_LEVEL_NOT_MET, D("15"), D("-0.01")));
    assert_false(jx_score_in_band(&r, JX_LEVEL_NONE, D("15"), D("10")));
    assert_false(jx_score_in_band(&r, JX_LEVEL_MET, D("15"), JX_NONE));
}

static void qualitative_without_a_claim_uses_the_default(void **state)
{
    (void)state;
    qual(MET, NULL, "10", false, JX_LEVEL_MET);
    qual(PARTIAL, NULL, "7", false, JX_LEVEL_PARTIAL);
    qual(NOT_MET, NULL, "0", false, JX_LEVEL_NOT_MET);
    assert_dec_equal(RULE(NULL, .target = "长期", .actual = PARTIAL, .weight = "15"), "10.5");
    /* a numeric target with an achievement word as the actual is scored by level */
    assert_dec_equal(RULE(NULL, .target = "=100%", .actual = MET, .weight = "5"), "5");
}

/* ---- deadlines -------------------------------------------------------------------- */

static void deadline_met(void **state)
{
    (void)state;
    static tu_audit t;
    const jx_indicator *ind = score_ind(
        &t, NULL, 2024,
        (ind_t){.target = "2024年12月31日前", .actual = "2024年11月30日", .weight = "10"});
    assert_dec_equal(ind->score_rule, "10");
    assert_true(ind->flags & JX_IND_DEADLINE);
    assert_int_equal(ind->level_rule, JX_LEVEL_MET);
    tu_free(&t);
    /* on the day itself */
    assert_dec_equal(
        RULE(NULL, .target = "2024年12月31日前", .actual = "2024年12月31日", .weight = "10"), "10");
    /* met earns full weight whatever the unit claims (no band applies) */
    assert_dec_equal(RULE(NULL, .target = "2024年12月31日前", .actual = "2024年6月1日",
                          .weight = "10", .claimed = "7"),
                     "10");
    assert_dec_equal(RULE(NULL, .target = "2024年12月31日前", .actual = "2024年6月1日",
                          .weight = "10", .claimed = "9"),
                     "10");
    /* a deadline without a year takes the project's year */
    assert_dec_equal(RULE(NULL, .target = "12月31日前", .actual = "2024年10月8日", .weight = "5"),
                     "5");
    assert_dec_equal(RULE(NULL, .target = "2024年底前", .actual = "2024年12月20日", .weight = "5"),
                     "5");
}

static void deadline_missed_is_partial_band(void **state)
{
    (void)state;
    static tu_audit t;
    const jx_indicator *ind =
        score_ind(&t, NULL, 2024,
                  (ind_t){.target = "2024年12月31日前", .actual = "2025年1月15日", .weight = "10"});
    assert_dec_equal(ind->score_rule, "7"); /* 部分达成 default 70 % */
    assert_int_equal(ind->level_rule, JX_LEVEL_PARTIAL);
    assert_true(ind->flags & JX_IND_DEADLINE);
    tu_free(&t);
    unsigned flags;
    /* a claim inside the 部分达成 band stands; full marks do not */
    assert_dec_equal(rule_of(NULL,
                             (ind_t){.target = "2024年12月31日前",
                                     .actual = "2025年1月15日",
                                     .weight = "10",
                                     .claimed = "6.5"},
                             &flags),
                     "6.5");
    assert_false(flags & JX_IND_QUAL_BAND);
    assert_dec_equal(rule_of(NULL,
                             (ind_t){.target = "2024年12月31日前",
                                     .actual = "2025年1月15日",
                                     .weight = "10",
                                     .claimed = "10"},
                             &flags),
                     "7");
    assert_true(flags & JX_IND_QUAL_BAND);
    /* one day late */
    assert_dec_equal(RULE(NULL, .target = "2024年7月前", .actual = "2024年8月1日", .weight = "10"),
                     "7");
}

static void deadline_with_an_achievement_word(void **state)
{
    (void)state;
    /* seed 002: 2024年12月31日前 / 达成预期指标 */
    assert_dec_equal(
        RULE(NULL, .target = "2024年12月31日前", .actual = MET, .weight = "10", .claimed = "10"),
        "10");
    assert_dec_equal(
        RULE(NULL, .target = "2024年12月31日前", .actual = MET, .weight = "10", .claimed = "8.5"),
        "10");
    assert_dec_equal(RULE(NULL, .target = "2024年12月31日前", .actual = MET, .weight = "10"), "10");
    assert_dec_equal(RULE(NULL, .target = "2024年12月31日前", .actual = PARTIAL, .weight = "10"),
                     "7");
    assert_dec_equal(RULE(NULL, .target = "2024年12月31日前", .actual = NOT_MET, .weight = "10"),
                     "0");
}

/* ---- over-completion ---------------------------------------------------------------- */

static void over_completion_flag_at_130_percent(void **state)
{
    (void)state;
    unsigned flags;
    assert_dec_equal(
        rule_of(NULL, (ind_t){.target = "≥100家", .actual = "130家", .weight = "10"}, &flags),
        "10");
    assert_true(flags & JX_IND_OVER_TARGET);
    assert_dec_equal(
        rule_of(NULL, (ind_t){.target = "≥100家", .actual = "129.99家", .weight = "10"}, &flags),
        "10");
    assert_false(flags & JX_IND_OVER_TARGET);
    assert_dec_equal(
        rule_of(NULL, (ind_t){.target = "≥16000台", .actual = "17000台", .weight = "6"}, &flags),
        "6");
    assert_false(flags & JX_IND_OVER_TARGET);
    /* a reverse target far below is not over-completion */
    rule_of(NULL, (ind_t){.target = "≤400元", .actual = "100元", .weight = "10"}, &flags);
    assert_false(flags & JX_IND_OVER_TARGET);
}

static void deviation_rule_set_deducts_over_completion(void **state)
{
    (void)state;
    const char *rs = "mof-2020-deviation";
    assert_dec_equal(RULE(rs, .target = "≥100家", .actual = "150家", .weight = "10"),
                     "5"); /* × 0.5 */
    assert_dec_equal(RULE(rs, .target = "≥100家", .actual = "130家", .weight = "10"), "7");
    assert_dec_equal(RULE(rs, .target = "≥100家", .actual = "129.99家", .weight = "10"),
                     "10"); /* below threshold */
    assert_dec_equal(RULE(rs, .target = "≥100家", .actual = "200家", .weight = "10"), "0");
    assert_dec_equal(RULE(rs, .target = "≥100家", .actual = "250家", .weight = "10"), "0");
    /* no deduction by default */
    assert_dec_equal(RULE(NULL, .target = "≥100家", .actual = "150家", .weight = "10"), "10");
}

/* ---- units ---------------------------------------------------------------------------- */

static void unit_conversion_wan_yuan_and_yuan(void **state)
{
    (void)state;
    static tu_audit t;
    const jx_indicator *ind = score_ind(
        &t, NULL, 2024, (ind_t){.target = "≥10万元", .actual = "50000元", .weight = "10"});
    assert_dec_equal(ind->actual_in_target, "5");
    assert_dec_equal(ind->score_rule, "5");
    assert_false(ind->flags & JX_IND_UNIT_MISMATCH);
    tu_free(&t);
    assert_dec_equal(RULE(NULL, .target = "≤2.5万元/家", .actual = "20000元/家", .weight = "10"),
                     "10");
    assert_dec_equal(RULE(NULL, .target = "≤2.5万元/家", .actual = "30000元/家", .weight = "10"),
                     "8");
    assert_dec_equal(RULE(NULL, .target = "≥50000元", .actual = "4万元", .weight = "10"), "8");
    /* percent against a bare number compares as a number */
    assert_dec_equal(RULE(NULL, .target = "≥95%", .actual = "96", .weight = "10"), "10");
}

static void unit_mismatch_cannot_be_scored(void **state)
{
    (void)state;
    static tu_audit t;
    const jx_indicator *ind =
        score_ind(&t, NULL, 2024,
                  (ind_t){.target = "≥100家", .actual = "90人", .weight = "10", .claimed = "9"});
    assert_true(ind->score_rule == JX_NONE);
    assert_true(ind->flags & JX_IND_UNIT_MISMATCH);
    /* the rule total counts the claimed score where the rule cannot decide */
    assert_dec_equal(t.projects[0].total_rule, "9");
    tu_free(&t);
}

static void unit_only_target_uses_the_adjusted_one(void **state)
{
    (void)state;
    static tu_audit t;
    const jx_indicator *ind =
        score_ind(&t, NULL, 2024,
                  (ind_t){.target = "≥次", .adjusted = "≥5次", .actual = "4次", .weight = "10"});
    assert_dec_equal(ind->score_rule, "8");
    assert_true(ind->flags & JX_IND_ADJUSTED);
    assert_false(ind->flags & JX_IND_TARGET_NO_NUMBER);
    assert_int_equal(ind->target_value.op, JX_OP_GE);
    assert_dec_equal(ind->target_value.number, "5");
    tu_free(&t);
    /* seed 002: ≥家次 / ≥75家次 / 58家次 */
    assert_dec_equal(
        RULE(NULL, .target = "≥家次", .adjusted = "≥75家次", .actual = "58家次", .weight = "6"),
        "4.64");
    /* an adjusted number without an operator takes the initial operator */
    unsigned flags;
    assert_dec_equal(rule_of(NULL,
                             (ind_t){.target = "≤元/人/天",
                                     .adjusted = "460元/人/天",
                                     .actual = "690元/人/天",
                                     .weight = "5"},
                             &flags),
                     "2.5");
    assert_true(flags & JX_IND_OP_FROM_INITIAL);
    /* an empty adjusted target leaves the initial one */
    assert_dec_equal(
        rule_of(NULL, (ind_t){.target = "≥5次", .adjusted = "—", .actual = "4次", .weight = "10"},
                &flags),
        "8");
    assert_false(flags & JX_IND_ADJUSTED);
}

static void unit_only_adjusted_keeps_a_numeric_initial_target(void **state)
{
    (void)state;
    unsigned flags;
    /* "≥85%" then a unit-only "≥%": the initial number stands */
    assert_dec_equal(
        rule_of(NULL, (ind_t){.target = "≥85%", .adjusted = "≥%", .actual = "68%", .weight = "10"},
                &flags),
        "8");
    assert_false(flags & JX_IND_TARGET_NO_NUMBER);
    assert_false(flags & JX_IND_ADJUSTED);
}

static void unit_only_target_without_adjusted_cannot_be_scored(void **state)
{
    (void)state;
    unsigned flags;
    assert_true(rule_of(NULL,
                        (ind_t){.target = "≥次", .actual = "4次", .weight = "10", .claimed = "10"},
                        &flags) == JX_NONE);
    assert_true(flags & JX_IND_TARGET_NO_NUMBER);
    assert_true(rule_of(NULL,
                        (ind_t){.target = "=%", .adjusted = "", .actual = "100%", .weight = "5"},
                        &flags) == JX_NONE);
    assert_true(flags & JX_IND_TARGET_NO_NUMBER);
}

/* ---- totals and grades ------------------------------------------------------------------ */

static const char TOTALS_HEAD[] = "{\"projects\":[{\"name\":\"合计测试\",\"year\":2024,\"funds\":{"
                                  "\"budget\":46,\"executed\":38.76";
static const char TOTALS_TAIL[] =
    "},\"indicators\":["
    /* rule 10, claimed 20 */
    "{\"level1\":\"产出指标\",\"level2\":\"数量指标\",\"name\":\"A\",\"target\":\"≥100\","
    "\"actual\":\"50\","
    "\"weight\":20,\"score_claimed\":20},"
    /* rule cannot decide (units): claimed 7 counts in the rule total */
    "{\"level1\":\"产出指标\",\"level2\":\"数量指标\",\"name\":\"B\",\"target\":\"≥100家\","
    "\"actual\":\"90人\","
    "\"weight\":10,\"score_claimed\":7},"
    /* qualitative inside its band: rule = claimed 9 */
    "{\"level1\":\"效益指标\",\"level2\":\"社会效益指标\",\"name\":\"C\",\"target\":\"有效\","
    "\"actual\":\"达成预期指标\","
    "\"weight\":10,\"score_claimed\":9},"
    /* rule 10 (met), claimed 8 */
    "{\"level1\":\"满意度指标\",\"level2\":\"服务对象满意度指标\",\"name\":\"D\",\"target\":\"≥90%"
    "\",\"actual\":\"95%\","
    "\"weight\":10,\"score_claimed\":8},"
    /* neither claimed nor decidable: counts nowhere */
    "{\"level1\":\"满意度指标\",\"level2\":\"服务对象满意度指标\",\"name\":\"E\",\"target\":"
    "\"≥次\",\"actual\":\"3次\","
    "\"weight\":10}]}]}";

static void totals_recomputed_and_rule(void **state)
{
    (void)state;
    char json[sizeof TOTALS_HEAD + sizeof TOTALS_TAIL + 64];
    static tu_audit t;

    /* with a claimed execution score: recomputed = 9 + 20 + 7 + 9 + 8 */
    snprintf(json, sizeof json, "%s%s%s", TOTALS_HEAD, ",\"execution_score_claimed\":9",
             TOTALS_TAIL);
    tu_run(&t, json, NULL);
    assert_int_equal(t.n, 1);
    const jx_project *p = &t.projects[0];
    assert_dec_equal(p->funds.execution_score, "8.43");
    assert_dec_equal(p->indicators[0].score_rule, "10");
    assert_true(p->indicators[1].score_rule == JX_NONE);
    assert_dec_equal(p->indicators[2].score_rule, "9");
    assert_dec_equal(p->indicators[3].score_rule, "10");
    assert_true(p->indicators[4].score_rule == JX_NONE);
    assert_dec_equal(p->total_recomputed, "53");
    /* rule = 8.43 (rule execution) + 10 + 7 (claimed, rule undecided) + 9 + 10 */
    assert_dec_equal(p->total_rule, "44.43");
    assert_string_equal(p->grade_rule, "差");
    tu_free(&t);

    /* without one: the rule's execution score */
    snprintf(json, sizeof json, "%s%s", TOTALS_HEAD, TOTALS_TAIL);
    tu_run(&t, json, NULL);
    p = &t.projects[0];
    assert_dec_equal(p->total_recomputed, "52.43");
    assert_dec_equal(p->total_rule, "44.43");
    tu_free(&t);
}

/* Execution full (10) + one qualitative indicator of weight 90 whose claim lies in its band,
 * so total_rule = 10 + claimed. */
static void grade_of_total(const char *actual, const char *claimed, const char *total,
                           const char *grade)
{
    char json[1024];
    snprintf(json, sizeof json,
             "{\"projects\":[{\"name\":\"等级测试\",\"year\":2024,\"funds\":{\"budget\":100,"
             "\"executed\":100},"
             "\"indicators\":[{\"level1\":\"效益指标\",\"level2\":\"社会效益指标\",\"name\":"
             "\"综合\",\"target\":\"不断提高\","
             "\"actual\":\"%s\",\"weight\":90,\"score_claimed\":%s}]}]}",
             actual, claimed);
    static tu_audit t;
    tu_run(&t, json, NULL);
    assert_int_equal(t.n, 1);
    const jx_project *p = &t.projects[0];
    assert_false(p->indicators[0].flags & JX_IND_QUAL_BAND);
    assert_dec_equal(p->total_rule, total);
    assert_non_null(p->grade_rule);
    if (strcmp(p->grade_rule, grade) != 0)
        fail_msg("total %s: grade %s, expected %s", total, p->grade_rule, grade);
    tu_free(&t);
    assert_string_equal(jx_rules_grade(&t.rules, D(total)), grade);
}

static void grade_bands_at_each_bound(void **state)
{
    (void)state;
    grade_of_total(MET, "80", "90", "优");
    grade_of_total(MET, "79.99", "89.99", "良");
    grade_of_total(PARTIAL, "70", "80", "良");
    grade_of_total(PARTIAL, "69.99", "79.99", "中");
    grade_of_total(NOT_MET, "50", "60", "中");
    grade_of_total(NOT_MET, "49.99", "59.99", "差");
    grade_of_total(MET, "90", "100", "优");
    grade_of_total(NOT_MET, "0", "10", "差");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(execution_is_weight_times_rate_capped_at_full, free_live),
        cmocka_unit_test_teardown(execution_uncapped_by_a_rule_file, free_live),
        cmocka_unit_test_teardown(execution_rounds_half_up_on_the_exact_quotient, free_live),
        cmocka_unit_test_teardown(execution_from_a_stated_rate_only, free_live),
        cmocka_unit_test_teardown(execution_with_budget_zero_scores_zero, free_live),
        cmocka_unit_test_teardown(seed_002_execution_scores, free_live),
        cmocka_unit_test_teardown(seed_004_total_rule_and_grade, free_live),
        cmocka_unit_test_teardown(positive_met_over_and_partial, free_live),
        cmocka_unit_test_teardown(positive_target_zero, free_live),
        cmocka_unit_test_teardown(reverse_linear, free_live),
        cmocka_unit_test_teardown(reverse_ratio_rule_set, free_live),
        cmocka_unit_test_teardown(equal_is_scored_as_positive, free_live),
        cmocka_unit_test_teardown(strict_target_met_exactly_is_full_and_flagged, free_live),
        cmocka_unit_test_teardown(qualitative_claim_inside_its_band_is_kept, free_live),
        cmocka_unit_test_teardown(qualitative_claim_outside_its_band_gets_the_default, free_live),
        cmocka_unit_test_teardown(qualitative_band_bounds_at_60_and_80_percent, free_live),
        cmocka_unit_test_teardown(qualitative_without_a_claim_uses_the_default, free_live),
        cmocka_unit_test_teardown(deadline_met, free_live),
        cmocka_unit_test_teardown(deadline_missed_is_partial_band, free_live),
        cmocka_unit_test_teardown(deadline_with_an_achievement_word, free_live),
        cmocka_unit_test_teardown(over_completion_flag_at_130_percent, free_live),
        cmocka_unit_test_teardown(deviation_rule_set_deducts_over_completion, free_live),
        cmocka_unit_test_teardown(unit_conversion_wan_yuan_and_yuan, free_live),
        cmocka_unit_test_teardown(unit_mismatch_cannot_be_scored, free_live),
        cmocka_unit_test_teardown(unit_only_adjusted_keeps_a_numeric_initial_target, free_live),
        cmocka_unit_test_teardown(unit_only_target_uses_the_adjusted_one, free_live),
        cmocka_unit_test_teardown(unit_only_target_without_adjusted_cannot_be_scored, free_live),
        cmocka_unit_test_teardown(totals_recomputed_and_rule, free_live),
        cmocka_unit_test_teardown(grade_bands_at_each_bound, free_live),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
