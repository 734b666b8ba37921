/* test_checks.c — every finding code of SPEC §6 that jx_check() produces.
 *
 * A clean project (base(): funds that balance, weights 10 + 90 split
 * 产出 50 / 效益 30 / 满意度 10, every target met, totals and grade right)
 * yields no finding at all; each test changes one thing and asserts the
 * finding it causes — code, severity, indicator index, field and the key
 * figures of the Chinese message — and, with a close variation that stays
 * on the right side of the rule, that the finding is absent. Seed tables
 * (002 Z特种设备监管费, 2024年中央药品监管补助资金; 004 区政府工作经费 and
 * 区创优营商环境服务中心工作经费) reproduce the real findings SPEC §5–§6 name.
 * Projects are written in the native JSON format and audited as `jixiao
 * audit` does (tu_audit_json: jx_score then jx_check).
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
    char s[32768];
    size_t n;
} jbuf;

static void jb_raw(jbuf *b, const char *text)
{
    size_t len = strlen(text);
    assert_true(b->n + len < sizeof b->s);
    memcpy(b->s + b->n, text, len + 1);
    b->n += len;
}

/* "key":"value" (omitted when NULL), preceded by a comma unless first */
static void jb_str(jbuf *b, bool *first, const char *key, const char *value)
{
    if (!value) return;
    assert_null(strpbrk(value, "\"\\"));
    jb_raw(b, *first ? "\"" : ",\"");
    *first = false;
    jb_raw(b, key);
    jb_raw(b, "\":\"");
    jb_raw(b, value);
    jb_raw(b, "\"");
}

static void jb_num(jbuf *b, bool *first, const char *key, const char *number)
{
    if (!number) return;
    jb_raw(b, *first ? "\"" : ",\"");
    *first = false;
    jb_raw(b, key);
    jb_raw(b, "\":");
    jb_raw(b, number);
}

typedef struct {
    const char *level1, *level2, *name, *target, *adjusted, *actual, *weight, *claimed, *reason;
} ind_t;

#define MAX_IND 12

typedef struct {
    const char *name;
    const char *budget_initial, *budget, *executed, *balance, *rate, *exec_claimed, *funds_reason;
    ind_t ind[MAX_IND];
    size_t n;
    const char *total, *grade;
} proj_t;

static void to_json(const proj_t *p, jbuf *b)
{
    b->n = 0;
    b->s[0] = '\0';
    bool first = true;
    jb_raw(b, "{\"projects\":[{");
    jb_str(b, &first, "name", p->name);
    jb_num(b, &first, "year", "2024");
    if (p->budget_initial || p->budget || p->executed || p->balance || p->rate || p->exec_claimed ||
        p->funds_reason) {
        jb_raw(b, ",\"funds\":{");
        bool f = true;
        jb_num(b, &f, "budget_initial", p->budget_initial);
        jb_num(b, &f, "budget", p->budget);
        jb_num(b, &f, "executed", p->executed);
        jb_num(b, &f, "balance", p->balance);
        jb_num(b, &f, "execution_rate", p->rate);
        jb_num(b, &f, "execution_score_claimed", p->exec_claimed);
        jb_str(b, &f, "reason", p->funds_reason);
        jb_raw(b, "}");
    }
    if (p->n) {
        jb_raw(b, ",\"indicators\":[");
        for (size_t i = 0; i < p->n; i++) {
            const ind_t *d = &p->ind[i];
            bool f = true;
            jb_raw(b, i ? ",{" : "{");
            jb_str(b, &f, "level1", d->level1);
            jb_str(b, &f, "level2", d->level2);
            jb_str(b, &f, "name", d->name);
            jb_str(b, &f, "target", d->target);
            jb_str(b, &f, "target_adjusted", d->adjusted);
            jb_str(b, &f, "actual", d->actual);
            jb_num(b, &f, "weight", d->weight);
            jb_num(b, &f, "score_claimed", d->claimed);
            jb_str(b, &f, "reason", d->reason);
            jb_raw(b, "}");
        }
        jb_raw(b, "]");
    }
    jb_num(b, &first, "total_claimed", p->total);
    jb_str(b, &first, "grade_claimed", p->grade);
    jb_raw(b, "}]}");
}

/* The clean table: no finding under mof-2020. */
static proj_t base(void)
{
    proj_t p = {
        .name = "基准项目",
        .budget_initial = "100",
        .budget = "100",
        .executed = "95",
        .balance = "5",
        .rate = "95",
        .exec_claimed = "9.5",
        .funds_reason = NULL,
        .ind =
            {
                {"产出指标", "数量指标", "检查户数", "≥100家", NULL, "100家", "30", "30", NULL},
                {"产出指标", "质量指标", "检查合格率", "≥95%", NULL, "98%", "20", "20", NULL},
                {"效益指标", "社会效益指标", "营商环境", "有效提升", NULL, "达成预期指标", "30",
                 "30", NULL},
                {"满意度指标", "服务对象满意度指标", "企业满意度", "≥90%", NULL, "95%", "10", "10",
                 NULL},
            },
        .n = 4,
        .total = "99.5",
        .grade = "优",
    };
    return p;
}

static const jx_project *audit(tu_audit *t, const proj_t *p, const char *rules)
{
    static jbuf b;
    to_json(p, &b);
    tu_run(t, b.s, rules);
    if (t->res.failed)
        fail_msg("input not read: %s (%ld:%ld)\n%s", t->res.error, t->res.line, t->res.col, b.s);
    assert_int_equal(t->n, 1);
    return &t->projects[0];
}

static const jx_project *audit_text(tu_audit *t, const char *json, const char *rules)
{
    tu_run(t, json, rules);
    assert_false(t->res.failed);
    assert_int_equal(t->n, 1);
    return &t->projects[0];
}

/* ---- asserting findings ------------------------------------------------------ */

static void dump(const jx_project *p)
{
    for (size_t i = 0; i < p->n_findings; i++) {
        const jx_finding *f = &p->findings[i];
        print_message("  %s %s [%d] %s: %s\n", f->code, jx_severity_name(f->severity), f->indicator,
                      f->field ? f->field : "-", f->message);
    }
}

/* The finding `code` at `indicator`; checks severity and field. */
static const jx_finding *expect(const jx_project *p, const char *code, jx_severity sev,
                                int indicator, const char *field)
{
    for (size_t i = 0; i < p->n_findings; i++) {
        const jx_finding *f = &p->findings[i];
        if (strcmp(f->code, code) != 0 || f->indicator != indicator) continue;
        if (f->severity != sev) {
            dump(p);
            fail_msg("%s at %d: severity %s, expected %s", code, indicator,
                     jx_severity_name(f->severity), jx_severity_name(sev));
        }
        if (field ? !f->field || strcmp(f->field, field) != 0 : f->field != NULL) {
            dump(p);
            fail_msg("%s at %d: field %s, expected %s", code, indicator,
                     f->field ? f->field : "(none)", field ? field : "(none)");
        }
        assert_non_null(f->message);
        return f;
    }
    dump(p);
    fail_msg("no %s finding at indicator %d", code, indicator);
    return NULL;
}

/* The message names each of the figures (NULL-terminated). */
static void says(const jx_finding *f, ...)
{
    va_list ap;
    va_start(ap, f);
    const char *s;
    while ((s = va_arg(ap, const char *)) != NULL)
        if (!strstr(f->message, s)) fail_msg("%s message lacks \"%s\": %s", f->code, s, f->message);
    va_end(ap);
}

static void none(const jx_project *p, const char *code)
{
    if (tu_count(p, code) != 0) {
        dump(p);
        fail_msg("unexpected %s finding", code);
    }
}

static void no_findings(const jx_project *p)
{
    if (p->n_findings != 0) {
        dump(p);
        fail_msg("expected no findings, got %zu", p->n_findings);
    }
}

/* ---- the clean table ------------------------------------------------------------ */

static void clean_table_has_no_findings(void **state)
{
    (void)state;
    static tu_audit t;
    proj_t p = base();
    const jx_project *q = audit(&t, &p, NULL);
    no_findings(q);
    assert_dec_equal(q->total_recomputed, "99.5");
    assert_dec_equal(q->total_rule, "99.5");
    tu_free(&t);
}

/* ---- funds --------------------------------------------------------------------- */

static void fund_balance(void **state)
{
    (void)state;
    static tu_audit t;
    proj_t p = base();
    p.balance = "6";
    const jx_project *q = audit(&t, &p, NULL);
    says(expect(q, "FUND-BALANCE", JX_SEV_ERROR, -1, "balance"), "6", "100", "95", "= 5", NULL);
    assert_int_equal(tu_count(q, "FUND-BALANCE"), 1);
    tu_free(&t);

    p.balance = "5.00";
    none(audit(&t, &p, NULL), "FUND-BALANCE");
    tu_free(&t);
    p.balance = "4.99";
    expect(audit(&t, &p, NULL), "FUND-BALANCE", JX_SEV_ERROR, -1, "balance");
    tu_free(&t);
}

/* 004 区创优营商环境服务中心工作经费: 38.76 / 46 = 84.26…%, stated with varying care. */
static void fund_rate_error_info_and_none(void **state)
{
    (void)state;
    static tu_audit t;
    proj_t p = base();
    p.budget_initial = p.budget = "46";
    p.executed = "38.76";
    p.balance = "7.24";
    p.exec_claimed = "8.43";
    p.total = "98.43";

    p.rate = "84.25"; /* the seed: one unit off in the last decimal → rounding only */
    const jx_project *q = audit(&t, &p, NULL);
    says(expect(q, "FUND-RATE", JX_SEV_INFO, -1, "execution_rate"), "84.25", "84.26", NULL);
    assert_int_equal(tu_count(q, "FUND-RATE"), 1);
    tu_free(&t);

    p.rate = "84.27";
    expect(audit(&t, &p, NULL), "FUND-RATE", JX_SEV_INFO, -1, "execution_rate");
    tu_free(&t);

    p.rate = "84.28"; /* two units off: wrong */
    says(expect(audit(&t, &p, NULL), "FUND-RATE", JX_SEV_ERROR, -1, "execution_rate"), "84.28",
         "84.26", NULL);
    tu_free(&t);

    p.rate = "80";
    says(expect(audit(&t, &p, NULL), "FUND-RATE", JX_SEV_ERROR, -1, "execution_rate"), "80",
         "84.26", NULL);
    tu_free(&t);

    p.rate = "84.26";
    none(audit(&t, &p, NULL), "FUND-RATE");
    tu_free(&t);
    p.rate = "84.3"; /* right to the one decimal it states */
    none(audit(&t, &p, NULL), "FUND-RATE");
    tu_free(&t);
    p.rate = "84.2609"; /* right to four decimals */
    none(audit(&t, &p, NULL), "FUND-RATE");
    tu_free(&t);
}

/* A rate written with trailing zeros states those decimals: "84.30" claims 84.30 %, which is
 * 4 units off the right 84.26 % — an error, as "84.28" is. */
static void fund_rate_keeps_the_written_decimals(void **state)
{
    (void)state;
    static tu_audit t;
    proj_t p = base();
    p.budget_initial = p.budget = "46";
    p.executed = "38.76";
    p.balance = "7.24";
    p.exec_claimed = "8.43";
    p.total = "98.43";
    p.rate = "84.30";
    says(expect(audit(&t, &p, NULL), "FUND-RATE", JX_SEV_ERROR, -1, "execution_rate"), "84.26",
         NULL);
    tu_free(&t);

    /* 2.99 / 3 = 99.67 %, stated 100.00 % */
    p.budget_initial = p.budget = "3";
    p.executed = "2.99";
    p.balance = "0.01";
    p.exec_claimed = "9.97";
    p.total = "99.97";
    p.rate = "100.00";
    expect(audit(&t, &p, NULL), "FUND-RATE", JX_SEV_ERROR, -1, "execution_rate");
    tu_free(&t);
}

static void fund_score(void **state)
{
    (void)state;
    static tu_audit t;
    proj_t p = base();
    p.exec_claimed = "10";
    p.total = "100";
    const jx_project *q = audit(&t, &p, NULL);
    says(expect(q, "FUND-SCORE", JX_SEV_ERROR, -1, "execution_score_claimed"), "10", "95.00", "9.5",
         NULL);
    none(q, "TOTAL-SUM");
    tu_free(&t);

    p.exec_claimed = "9.50";
    p.total = "99.5";
    none(audit(&t, &p, NULL), "FUND-SCORE");
    tu_free(&t);

    /* seed 002 J信用监管经费: 13.092 / 15 → 8.73; 8.72 is wrong */
    p = base();
    p.budget_initial = p.budget = "15";
    p.executed = "13.092";
    p.balance = "1.908";
    p.rate = "87.28";
    p.exec_claimed = "8.72";
    p.total = "98.72";
    says(expect(audit(&t, &p, NULL), "FUND-SCORE", JX_SEV_ERROR, -1, "execution_score_claimed"),
         "8.72", "87.28", "8.73", NULL);
    tu_free(&t);
    p.exec_claimed = "8.73";
    p.total = "98.73";
    none(audit(&t, &p, NULL), "FUND-SCORE");
    tu_free(&t);
}

/* Only the rate is stated: the rule scores from it, and the message must show it
 * ("10 × 87.28% = 8.73"), not a dash. */
static void fund_score_from_a_stated_rate_names_the_rate(void **state)
{
    (void)state;
    static tu_audit t;
    proj_t p = base();
    p.budget_initial = p.budget = p.executed = p.balance = NULL;
    p.rate = "87.28";
    p.exec_claimed = "9";
    p.total = "99";
    const jx_project *q = audit(&t, &p, NULL);
    assert_dec_equal(q->funds.execution_score, "8.73");
    says(expect(q, "FUND-SCORE", JX_SEV_ERROR, -1, "execution_score_claimed"), "9", "87.28", "8.73",
         NULL);
    tu_free(&t);
    p.exec_claimed = "8.73";
    p.total = "98.73";
    none(audit(&t, &p, NULL), "FUND-SCORE");
    tu_free(&t);
}

static void fund_zero_budget(void **state)
{
    (void)state;
    static tu_audit t;
    proj_t p = base();
    p.budget_initial = p.budget = "0";
    p.executed = "0";
    p.balance = "0";
    p.rate = NULL;
    p.exec_claimed = "0";
    p.total = "90";
    const jx_project *q = audit(&t, &p, NULL);
    says(expect(q, "FUND-ZERO-BUDGET", JX_SEV_WARNING, -1, "budget"), "为 0", NULL);
    assert_dec_equal(q->funds.execution_score, "0");
    tu_free(&t);

    p.budget_initial = p.budget = p.balance = NULL; /* missing */
    says(expect(audit(&t, &p, NULL), "FUND-ZERO-BUDGET", JX_SEV_WARNING, -1, "budget"), "为空",
         NULL);
    tu_free(&t);

    p = base();
    p.budget_initial = p.budget = "0.01";
    p.executed = "0.01";
    p.balance = "0";
    p.rate = "100";
    p.exec_claimed = "10";
    p.total = "100";
    none(audit(&t, &p, NULL), "FUND-ZERO-BUDGET");
    tu_free(&t);
}

static void fund_overspend(void **state)
{
    (void)state;
    static tu_audit t;
    proj_t p = base();
    p.executed = "105";
    p.balance = "-5";
    p.rate = "105";
    p.exec_claimed = "10";
    p.total = "100";
    const jx_project *q = audit(&t, &p, NULL);
    says(expect(q, "FUND-OVERSPEND", JX_SEV_WARNING, -1, "executed"), "105", "100", NULL);
    none(q, "FUND-SCORE"); /* capped: 10 */
    tu_free(&t);

    p.executed = "100";
    p.balance = "0";
    p.rate = "100";
    none(audit(&t, &p, NULL), "FUND-OVERSPEND");
    tu_free(&t);
}

/* seed 002 2024年中央药品监管补助资金: budget cut from 49.5 to 12.972, then 100 % executed. */
static void fund_budget_cut(void **state)
{
    (void)state;
    static tu_audit t;
    proj_t p = base();
    p.name = "2024年中央药品监管补助资金";
    p.budget_initial = "49.5";
    p.budget = "12.972";
    p.executed = "12.972";
    p.balance = "0";
    p.rate = "100";
    p.exec_claimed = "10";
    p.total = "100";
    const jx_project *q = audit(&t, &p, NULL);
    says(expect(q, "FUND-BUDGET-CUT", JX_SEV_WARNING, -1, "budget"), "49.5", "12.972", "73.79",
         "100.00", NULL);
    tu_free(&t);

    /* a 10 % cut, then fully spent: ordinary */
    p.budget_initial = "100";
    p.budget = p.executed = "90";
    none(audit(&t, &p, NULL), "FUND-BUDGET-CUT");
    tu_free(&t);

    /* exactly 20 % cut and exactly 99 % executed: flagged (both bounds inclusive) */
    p.budget_initial = "100";
    p.budget = "80";
    p.executed = "79.2";
    p.balance = "0.8";
    p.rate = "99";
    p.exec_claimed = "9.9";
    p.total = "99.9";
    expect(audit(&t, &p, NULL), "FUND-BUDGET-CUT", JX_SEV_WARNING, -1, "budget");
    tu_free(&t);

    /* 19.99 % cut */
    p.budget = "80.01";
    p.executed = "80.01";
    p.balance = "0";
    p.rate = "100";
    p.exec_claimed = "10";
    p.total = "100";
    none(audit(&t, &p, NULL), "FUND-BUDGET-CUT");
    tu_free(&t);

    /* cut 25 %, but then only 98.99 % executed */
    p.budget = "75";
    p.executed = "74.2425";
    p.balance = "0.7575";
    p.rate = "98.99";
    p.exec_claimed = "9.9";
    p.total = "99.9";
    none(audit(&t, &p, NULL), "FUND-BUDGET-CUT");
    tu_free(&t);
}

static void fund_low_execution_sichuan_only(void **state)
{
    (void)state;
    static tu_audit t;
    proj_t p = base();
    p.executed = "89";
    p.balance = "11";
    p.rate = "89";
    p.exec_claimed = "8.9";
    p.total = "98.9";
    const jx_project *q = audit(&t, &p, "sichuan");
    says(expect(q, "FUND-LOW-EXECUTION", JX_SEV_WARNING, -1, "reason"), "89.00", "90", NULL);
    none(q, "WEIGHT-SUM");    /* indicators 90: right for Sichuan */
    none(q, "WEIGHT-LEVEL1"); /* Sichuan fixes no level-1 split */
    tu_free(&t);

    /* explained */
    p.funds_reason = "部分采购合同于次年初支付";
    none(audit(&t, &p, "sichuan"), "FUND-LOW-EXECUTION");
    tu_free(&t);

    /* "无" is no explanation */
    p.funds_reason = "无";
    expect(audit(&t, &p, "sichuan"), "FUND-LOW-EXECUTION", JX_SEV_WARNING, -1, "reason");
    tu_free(&t);

    /* the default rule set has no such threshold */
    p.funds_reason = NULL;
    none(audit(&t, &p, NULL), "FUND-LOW-EXECUTION");
    tu_free(&t);

    /* exactly 90 % is not below 90 % */
    p.executed = "90";
    p.balance = "10";
    p.rate = "90";
    p.exec_claimed = "9";
    p.total = "99";
    none(audit(&t, &p, "sichuan"), "FUND-LOW-EXECUTION");
    tu_free(&t);

    /* 89.99 % is */
    p.executed = "89.99";
    p.balance = "10.01";
    p.rate = "89.99";
    expect(audit(&t, &p, "sichuan"), "FUND-LOW-EXECUTION", JX_SEV_WARNING, -1, "reason");
    tu_free(&t);
}

/* ---- weights ---------------------------------------------------------------------- */

/* seed 002 Z特种设备监管费 as printed: weights 83 + 10, 58 of ≥75家次 scored 6 of 6. */
static const char SEED_002_TEZHONG[] =
    "{\"projects\":[{\"name\":\"Z特种设备监管费\",\"year\":2024,"
    "\"funds\":{\"budget_initial\":102,\"budget\":102,\"executed\":12.716,\"balance\":89.284,"
    "\"execution_rate\":12.47,\"execution_score_claimed\":1.25,"
    "\"reason\":\"因系统采购数据未能导入,电梯应急处置平台服务费未支付\"},"
    "\"indicators\":["
    "{\"level1\":\"产出指标\",\"level2\":\"数量指标\",\"name\":\"举办宣传活动\",\"target\":\"≥次\","
    "\"target_adjusted\":\"≥1次\",\"actual\":\"1次\",\"weight\":6,\"score_claimed\":6},"
    "{\"level1\":\"产出指标\",\"level2\":\"数量指标\",\"name\":\"特种设备日常监督检查\",\"target\":"
    "\"≥家次\","
    "\"target_adjusted\":\"≥75家次\",\"actual\":\"58家次\",\"weight\":6,\"score_claimed\":6,"
    "\"reason\":\"因科室人员少,工作量大,年初指标设置偏高\"},"
    "{\"level1\":\"产出指标\",\"level2\":\"数量指标\",\"name\":\"电梯应急处置平台服务\",\"target\":"
    "\"≥台\","
    "\"target_adjusted\":\"≥16000台\",\"actual\":\"17000台\",\"weight\":6,\"score_claimed\":6},"
    "{\"level1\":\"产出指标\",\"level2\":\"质量指标\",\"name\":\"特种设备检查完成率\",\"target\":"
    "\"=%\","
    "\"target_adjusted\":\"=100%\",\"actual\":\"=100%\",\"weight\":5,\"score_claimed\":5},"
    "{\"level1\":\"产出指标\",\"level2\":\"质量指标\",\"name\":\"电梯95009智慧监管覆盖率\","
    "\"target\":\"=%\","
    "\"target_adjusted\":\"=100%\",\"actual\":\"=100%\",\"weight\":5,\"score_claimed\":5},"
    "{\"level1\":\"产出指标\",\"level2\":\"时效指标\",\"name\":\"监督检查完成时间\",\"target\":"
    "\"\","
    "\"target_adjusted\":\"2024年12月31日前\",\"actual\":\"达成预期指标\",\"weight\":10,\"score_"
    "claimed\":10},"
    "{\"level1\":\"产出指标\",\"level2\":\"成本指标\",\"name\":\"特种设备安全监管差旅费成本\","
    "\"target\":\"≤元/人/天\","
    "\"target_adjusted\":\"≤460元/人/天\",\"actual\":\"≤360元/人/"
    "天\",\"weight\":5,\"score_claimed\":5,"
    "\"reason\":\"因政策云系统数据未能导入,未支付电梯应急处置平台服务费\"},"
    "{\"level1\":\"效益指标\",\"level2\":\"社会效益指标\",\"name\":\"特种设备安全状况\",\"target\":"
    "\"\","
    "\"target_adjusted\":\"不断提高\",\"actual\":\"达成预期指标\",\"weight\":15,\"score_claimed\":"
    "15},"
    "{\"level1\":\"效益指标\",\"level2\":\"社会效益指标\",\"name\":\"特种设备监察人员能力素质\","
    "\"target\":\"\","
    "\"target_adjusted\":\"不断提高\",\"actual\":\"达成预期指标\",\"weight\":15,\"score_claimed\":"
    "15},"
    "{\"level1\":\"满意度指标\",\"level2\":\"服务对象满意度\",\"name\":"
    "\"公众对特种设备监管满意度\",\"target\":\"≥%\","
    "\"target_adjusted\":\"≥85%\",\"actual\":\"≥85%\",\"weight\":5,\"score_claimed\":5},"
    "{\"level1\":\"满意度指标\",\"level2\":\"服务对象满意度\",\"name\":"
    "\"公众对电梯安全监管满意度\",\"target\":\"≥%\","
    "\"target_adjusted\":\"≥85%\",\"actual\":\"≥85%\",\"weight\":5,\"score_claimed\":5}],"
    "\"total_claimed\":84.25,\"grade_claimed\":\"良\"}]}";

static void seed_002_tezhong_findings(void **state)
{
    (void)state;
    static tu_audit t;
    const jx_project *q = audit_text(&t, SEED_002_TEZHONG, NULL);
    says(expect(q, "WEIGHT-SUM", JX_SEV_ERROR, -1, "weight"), "93", "10", "83", "100", NULL);
    says(expect(q, "SCORE-ABOVE-RULE", JX_SEV_WARNING, 1, "score_claimed"), "6", "4.64", NULL);
    says(expect(q, "WEIGHT-LEVEL1", JX_SEV_INFO, -1, "weight"), "产出指标", "43", "50", NULL);
    assert_dec_equal(q->funds.execution_score, "1.25");
    assert_dec_equal(q->indicators[1].score_rule, "4.64");
    assert_dec_equal(q->total_recomputed, "84.25");
    assert_dec_equal(q->total_rule, "82.89");
    /* and nothing else: the stated rate, score, total and grade are right */
    assert_int_equal(tu_count(q, "SCORE-ABOVE-RULE"), 1);
    assert_int_equal(tu_count(q, "WEIGHT-LEVEL1"), 1);
    assert_int_equal(q->n_findings, 3);
    tu_free(&t);
}

static void weight_sum(void **state)
{
    (void)state;
    static tu_audit t;
    proj_t p = base();
    p.ind[0].weight = "25";
    p.ind[0].claimed = "25";
    p.total = "94.5";
    const jx_project *q = audit(&t, &p, NULL);
    says(expect(q, "WEIGHT-SUM", JX_SEV_ERROR, -1, "weight"), "95", "85", "100", NULL);
    assert_int_equal(tu_count(q, "WEIGHT-SUM"), 1);
    tu_free(&t);

    p = base(); /* 10 + 90 = 100 */
    none(audit(&t, &p, NULL), "WEIGHT-SUM");
    tu_free(&t);

    p.ind[0].weight = "30.01"; /* by a hundredth */
    p.ind[0].claimed = "30.01";
    p.total = "99.51";
    expect(audit(&t, &p, NULL), "WEIGHT-SUM", JX_SEV_ERROR, -1, "weight");
    tu_free(&t);

    /* a rule set fixing the indicators' sum on its own (weights.indicators) */
    char dir[] = "/tmp/jx_test_checks_XXXXXX", path[96];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/ind85.json", dir);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(
        "{ \"name\": \"ind85\", \"extends\": \"mof-2020\", \"weights\": { \"indicators\": 85 } }\n",
        fp);
    fclose(fp);
    p = base(); /* 10 + 90 = 100, but the indicators are not 85 */
    says(expect(audit(&t, &p, path), "WEIGHT-SUM", JX_SEV_ERROR, -1, "weight"), "90", "85", NULL);
    tu_free(&t);
    unlink(path);
    rmdir(dir);
}

static void weight_level1(void **state)
{
    (void)state;
    static tu_audit t;
    proj_t p = base();
    p.ind[0].weight = p.ind[0].claimed = "20"; /* 产出 40 */
    p.ind[2].weight = p.ind[2].claimed = "40"; /* 效益 40 */
    const jx_project *q = audit(&t, &p, NULL);
    none(q, "WEIGHT-SUM");
    says(expect(q, "WEIGHT-LEVEL1", JX_SEV_INFO, -1, "weight"), "产出指标", "40", "50", NULL);
    assert_int_equal(tu_count(q, "WEIGHT-LEVEL1"), 2);
    bool benefit = false;
    for (size_t i = 0; i < q->n_findings; i++)
        if (strcmp(q->findings[i].code, "WEIGHT-LEVEL1") == 0 &&
            strstr(q->findings[i].message, "效益指标") && strstr(q->findings[i].message, "40") &&
            strstr(q->findings[i].message, "30"))
            benefit = true;
    assert_true(benefit);
    tu_free(&t);

    /* the same table under Yunnan's 40 / 30 / 20: 产出 40 fits; 效益 40 ≠ 30 and 满意度 10 ≠ 20 */
    q = audit(&t, &p, "yunnan");
    assert_int_equal(tu_count(q, "WEIGHT-LEVEL1"), 2);
    tu_free(&t);

    /* Sichuan fixes no split */
    none(audit(&t, &p, "sichuan"), "WEIGHT-LEVEL1");
    tu_free(&t);

    /* a level-1 found through its level-2 when the level-1 cell is empty */
    p = base();
    p.ind[1].level1 = NULL;
    p.ind[0].level1 = NULL;
    none(audit(&t, &p, NULL), "WEIGHT-LEVEL1");
    tu_free(&t);
}

static void weight_missing(void **state)
{
    (void)state;
    static tu_audit t;
    proj_t p = base();
    p.ind[3].weight = NULL;
    const jx_project *q = audit(&t, &p, NULL);
    says(expect(q, "WEIGHT-MISSING", JX_SEV_WARNING, 3, "weight"), "企业满意度", NULL);
    none(q, "SCORE-MISSING");
    tu_free(&t);

    p = base();
    p.ind[3].weight = "0"; /* stated zero is a weight */
    p.ind[3].claimed = "0";
    none(audit(&t, &p, NULL), "WEIGHT-MISSING");
    tu_free(&t);
}

/* ---- scores --------------------------------------------------------------------------- */

static void score_range(void **state)
{
    (void)state;
    static tu_audit t;
    proj_t p = base();
    p.ind[1].claimed = "25";
    p.total = "104.5";
    const jx_project *q = audit(&t, &p, NULL);
    says(expect(q, "SCORE-RANGE", JX_SEV_ERROR, 1, "score_claimed"), "25", "20", NULL);
    none(q, "SCORE-ABOVE-RULE");
    tu_free(&t);

    p.ind[1].claimed = "-1";
    p.ind[1].reason = "扣分";
    p.total = "78.5";
    says(expect(audit(&t, &p, NULL), "SCORE-RANGE", JX_SEV_ERROR, 1, "score_claimed"), "-1", NULL);
    tu_free(&t);

    p.ind[1].claimed = "20"; /* = weight */
    p.total = "99.5";
    none(audit(&t, &p, NULL), "SCORE-RANGE");
    tu_free(&t);
    p.ind[1].claimed = "0";
    p.total = "79.5";
    none(audit(&t, &p, NULL), "SCORE-RANGE");
    tu_free(&t);
}

static void score_missing(void **state)
{
    (void)state;
    static tu_audit t;
    proj_t p = base();
    p.ind[0].claimed = NULL;
    p.total = "69.5";
    const jx_project *q = audit(&t, &p, NULL);
    says(expect(q, "SCORE-MISSING", JX_SEV_WARNING, 0, "score_claimed"), "检查户数", "30", NULL);
    tu_free(&t);

    p.ind[0].claimed = "0";
    p.ind[0].reason = "未开展";
    p.ind[0].actual = "0家";
    none(audit(&t, &p, NULL), "SCORE-MISSING");
    tu_free(&t);
}

static void score_above_rule(void **state)
{
    (void)state;
    static tu_audit t;
    proj_t p = base();
    /* as seed 002: ≥75家次, actual 58家次, scored full */
    p.ind[0] =
        (ind_t){"产出指标", "数量指标", "特种设备日常监督检查", "≥75家次", NULL, "58家次", "30",
                "30",       "人员少"};
    const jx_project *q = audit(&t, &p, NULL);
    says(expect(q, "SCORE-ABOVE-RULE", JX_SEV_WARNING, 0, "score_claimed"), "30", "23.2", NULL);
    none(q, "SCORE-BELOW-RULE");
    tu_free(&t);

    p.ind[0].claimed = "23.2";
    p.total = "92.7";
    none(audit(&t, &p, NULL), "SCORE-ABOVE-RULE");
    tu_free(&t);
    /* 23.20 written with a trailing zero is the same score */
    p.ind[0].claimed = "23.20";
    none(audit(&t, &p, NULL), "SCORE-ABOVE-RULE");
    tu_free(&t);
    p.ind[0].claimed = "23.21";
    p.total = "92.71";
    expect(audit(&t, &p, NULL), "SCORE-ABOVE-RULE", JX_SEV_WARNING, 0, "score_claimed");
    tu_free(&t);
}

static void score_below_rule(void **state)
{
    (void)state;
    static tu_audit t;
    proj_t p = base();
    p.ind[0].claimed = "28";
    p.ind[0].reason = "审慎自评";
    p.total = "97.5";
    const jx_project *q = audit(&t, &p, NULL);
    says(expect(q, "SCORE-BELOW-RULE", JX_SEV_INFO, 0, "score_claimed"), "28", "30", NULL);
    none(q, "SCORE-ABOVE-RULE");
    none(q, "REASON-MISSING");
    tu_free(&t);

    p.ind[0].claimed = "30";
    p.total = "99.5";
    none(audit(&t, &p, NULL), "SCORE-BELOW-RULE");
    tu_free(&t);
}

static void qual_band(void **state)
{
    (void)state;
    static tu_audit t;
    proj_t p = base();
    p.ind[2].actual = "部分达成年度指标并具有一定效果";
    p.ind[2].reason = "部分工作延后";
    const jx_project *q = audit(&t, &p, NULL); /* 部分达成, claimed 30 of 30: band 18 – 24 */
    says(expect(q, "QUAL-BAND", JX_SEV_WARNING, 2, "score_claimed"), "30", "部分达成", "18", "24",
         NULL);
    none(q, "SCORE-ABOVE-RULE"); /* one finding for one problem */
    tu_free(&t);

    p.ind[2].claimed = "20";
    p.total = "89.5";
    p.grade = "良";
    q = audit(&t, &p, NULL);
    none(q, "QUAL-BAND");
    none(q, "SCORE-ABOVE-RULE");
    none(q, "SCORE-BELOW-RULE");
    tu_free(&t);

    /* 24 = 80 % is the upper bound, not inside 部分达成 */
    p.ind[2].claimed = "24";
    p.total = "93.5";
    p.grade = "优";
    expect(audit(&t, &p, NULL), "QUAL-BAND", JX_SEV_WARNING, 2, "score_claimed");
    tu_free(&t);

    /* 达成 claimed 23.99 (below 80 % of 30) */
    p = base();
    p.ind[2].claimed = "23.99";
    p.ind[2].reason = "略有不足";
    p.total = "93.49";
    says(expect(audit(&t, &p, NULL), "QUAL-BAND", JX_SEV_WARNING, 2, "score_claimed"), "23.99",
         "达成", "24", "30", NULL);
    tu_free(&t);
}

static void reason_missing(void **state)
{
    (void)state;
    static tu_audit t;
    proj_t p = base();
    p.ind[0].actual = "90家";
    p.ind[0].claimed = "27";
    p.total = "96.5";
    const jx_project *q = audit(&t, &p, NULL);
    says(expect(q, "REASON-MISSING", JX_SEV_WARNING, 0, "reason"), "27", "30", NULL);
    none(q, "SCORE-ABOVE-RULE");
    tu_free(&t);

    p.ind[0].reason = "部分企业停业";
    none(audit(&t, &p, NULL), "REASON-MISSING");
    tu_free(&t);

    p.ind[0].reason = " 无";
    expect(audit(&t, &p, NULL), "REASON-MISSING", JX_SEV_WARNING, 0, "reason");
    tu_free(&t);

    p.ind[0].reason = "/";
    expect(audit(&t, &p, NULL), "REASON-MISSING", JX_SEV_WARNING, 0, "reason");
    tu_free(&t);
}

static void over_target(void **state)
{
    (void)state;
    static tu_audit t;
    proj_t p = base();
    p.ind[0].actual = "150家";
    const jx_project *q = audit(&t, &p, NULL);
    says(expect(q, "OVER-TARGET", JX_SEV_WARNING, 0, "actual"), "150", "100", "150%", NULL);
    tu_free(&t);

    p.ind[0].reason = "专项整治增加检查";
    q = audit(&t, &p, NULL);
    says(expect(q, "OVER-TARGET", JX_SEV_INFO, 0, "actual"), "150", "100", NULL);
    tu_free(&t);

    p.ind[0].reason = NULL;
    p.ind[0].actual = "129.99家";
    none(audit(&t, &p, NULL), "OVER-TARGET");
    tu_free(&t);

    p.ind[0].actual = "130家";
    expect(audit(&t, &p, NULL), "OVER-TARGET", JX_SEV_WARNING, 0, "actual");
    tu_free(&t);
}

/* ---- totals ----------------------------------------------------------------------------- */

static void total_sum(void **state)
{
    (void)state;
    static tu_audit t;
    proj_t p = base();
    p.total = "99";
    const jx_project *q = audit(&t, &p, NULL);
    says(expect(q, "TOTAL-SUM", JX_SEV_ERROR, -1, "total_claimed"), "99", "99.5", NULL);
    none(q, "GRADE");
    tu_free(&t);

    p.total = "99.50";
    none(audit(&t, &p, NULL), "TOTAL-SUM");
    tu_free(&t);

    /* without a stated execution score the rule's 9.5 is used */
    p.exec_claimed = NULL;
    none(audit(&t, &p, NULL), "TOTAL-SUM");
    tu_free(&t);
    p.total = "100";
    says(expect(audit(&t, &p, NULL), "TOTAL-SUM", JX_SEV_ERROR, -1, "total_claimed"), "100", "99.5",
         NULL);
    tu_free(&t);

    /* seed 003-like: the items add to less than the total says */
    p = base();
    p.total = "101.5";
    says(expect(audit(&t, &p, NULL), "TOTAL-SUM", JX_SEV_ERROR, -1, "total_claimed"), "101.5",
         "99.5", NULL);
    tu_free(&t);
}

static void grade(void **state)
{
    (void)state;
    static tu_audit t;
    proj_t p = base();
    p.grade = "良";
    const jx_project *q = audit(&t, &p, NULL);
    says(expect(q, "GRADE", JX_SEV_ERROR, -1, "grade_claimed"), "良", "99.5", "优", NULL);
    tu_free(&t);

    /* 9.5 + 21 + 20 + 30 + 9 = 89.5: 良 is right, 优 is not */
    p = base();
    p.ind[0].actual = "70家";
    p.ind[0].claimed = "21";
    p.ind[0].reason = "部分企业停业";
    p.ind[3].claimed = "9";
    p.ind[3].actual = "90%";
    p.ind[3].reason = "满意度未达预期";
    p.total = "89.5";
    p.grade = "良";
    q = audit(&t, &p, NULL);
    none(q, "GRADE");
    none(q, "TOTAL-SUM");
    tu_free(&t);

    p.grade = "优";
    says(expect(audit(&t, &p, NULL), "GRADE", JX_SEV_ERROR, -1, "grade_claimed"), "优", "89.5",
         "良", NULL);
    tu_free(&t);

    /* whitespace in the stated grade is not an error */
    p.grade = " 良 ";
    none(audit(&t, &p, NULL), "GRADE");
    tu_free(&t);
}

static void grade_bounds(void **state)
{
    (void)state;
    static const struct {
        const char *total, *right, *wrong;
    } cases[] = {
        {"90", "优", "良"},    {"89.99", "良", "优"}, {"80", "良", "中"},
        {"79.99", "中", "良"}, {"60", "中", "差"},    {"59.99", "差", "中"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        /* no total stated: the grade is checked against the recomputed total,
         * execution 10 + one indicator claiming total − 10 */
        char claimed[JX_DEC_BUF];
        jx_dec_fmt(D(cases[i].total) - JX_DEC(10), claimed);
        proj_t p = {
            .name = "等级",
            .budget = "100",
            .executed = "100",
            .exec_claimed = "10",
            .ind = {{"产出指标", "数量指标", "甲", "≥100家", NULL, "100家", "90", claimed, "自评"}},
            .n = 1,
            .grade = cases[i].right,
        };
        static tu_audit t;
        const jx_project *q = audit(&t, &p, NULL);
        if (tu_count(q, "GRADE")) {
            dump(q);
            fail_msg("total %s graded %s: unexpected GRADE", cases[i].total, cases[i].right);
        }
        tu_free(&t);
        p.grade = cases[i].wrong;
        q = audit(&t, &p, NULL);
        says(expect(q, "GRADE", JX_SEV_ERROR, -1, "grade_claimed"), cases[i].total, cases[i].right,
             NULL);
        tu_free(&t);
    }
}

/* ---- targets and actuals ----------------------------------------------------------------------
 */

static void target_unparsed(void **state)
{
    (void)state;
    static tu_audit t;
    proj_t p = base();
    /* unit-only target, no adjusted value */
    p.ind[0].target = "≥家";
    const jx_project *q = audit(&t, &p, NULL);
    says(expect(q, "TARGET-UNPARSED", JX_SEV_WARNING, 0, "target"), "检查户数", "≥家", NULL);
    tu_free(&t);
    /* ... with one */
    p.ind[0].adjusted = "≥100家";
    none(audit(&t, &p, NULL), "TARGET-UNPARSED");
    tu_free(&t);

    /* a target that cannot be read */
    p = base();
    p.ind[1].target = "≥以上各项工作均按要求完成并取得良好效果";
    says(expect(audit(&t, &p, NULL), "TARGET-UNPARSED", JX_SEV_WARNING, 1, "target"), "检查合格率",
         NULL);
    tu_free(&t);
    /* an empty target with a number as actual */
    p.ind[1].target = "";
    expect(audit(&t, &p, NULL), "TARGET-UNPARSED", JX_SEV_WARNING, 1, "target");
    tu_free(&t);

    /* an actual that cannot be read against its target */
    p = base();
    p.ind[3].actual = "见附件";
    q = audit(&t, &p, NULL);
    says(expect(q, "TARGET-UNPARSED", JX_SEV_WARNING, 3, "actual"), "见附件", "≥90%", NULL);
    assert_true(q->indicators[3].score_rule == JX_NONE);
    tu_free(&t);
    /* a qualitative target with a number as actual */
    p = base();
    p.ind[2].actual = "95%";
    expect(audit(&t, &p, NULL), "TARGET-UNPARSED", JX_SEV_WARNING, 2, "actual");
    tu_free(&t);
    /* a deadline whose actual is neither a date nor an achievement word */
    p = base();
    p.ind[1] = (ind_t){"产出指标", "时效指标", "完成时间", "2024年12月31日前", NULL, "按时",
                       "20",       "20",       NULL};
    expect(audit(&t, &p, NULL), "TARGET-UNPARSED", JX_SEV_WARNING, 1, "actual");
    tu_free(&t);
    p.ind[1].actual = "2024年12月1日";
    none(audit(&t, &p, NULL), "TARGET-UNPARSED");
    tu_free(&t);
}

/* seed 004 区政府工作经费: ＜220, actual 220, full marks (twice). */
static const char SEED_004_ZHENGFU[] =
    "{\"projects\":[{\"name\":\"区政府工作经费\",\"year\":2023,"
    "\"funds\":{\"budget_initial\":220,\"budget\":220,\"executed\":134.64,\"execution_rate\":61.2},"
    "\"indicators\":["
    "{\"level1\":\"产出指标\",\"level2\":\"数量指标\",\"name\":\"申请数额\",\"target\":\"＜220\","
    "\"actual\":\"220\","
    "\"weight\":10,\"score_claimed\":10},"
    "{\"level1\":\"产出指标\",\"level2\":\"质量指标\",\"name\":\"网络安全保障性指标\",\"target\":"
    "\"≥95%\","
    "\"actual\":\"95%\",\"weight\":10,\"score_claimed\":10},"
    "{\"level1\":\"产出指标\",\"level2\":\"时效指标\",\"name\":\"工作完成及时率\",\"target\":\"≥95%"
    "\","
    "\"actual\":\"95%\",\"weight\":20,\"score_claimed\":20},"
    "{\"level1\":\"产出指标\",\"level2\":\"成本指标\",\"name\":\"工作经费\",\"target\":\"＜220\","
    "\"actual\":\"220\","
    "\"weight\":10,\"score_claimed\":10},"
    "{\"level1\":\"效益指标\",\"level2\":\"经济效益 "
    "指标\",\"name\":\"职工劳动生产率\",\"target\":\"≥95%\","
    "\"actual\":\"95%\",\"weight\":10,\"score_claimed\":10},"
    "{\"level1\":\"效益指标\",\"level2\":\"社会效益 "
    "指标\",\"name\":\"群众影响率\",\"target\":\"≥95%\","
    "\"actual\":\"95%\",\"weight\":5,\"score_claimed\":5},"
    "{\"level1\":\"效益指标\",\"level2\":\"生态效益 "
    "指标\",\"name\":\"生态保护平衡\",\"target\":\"≥95%\","
    "\"actual\":\"95%\",\"weight\":5,\"score_claimed\":5},"
    "{\"level1\":\"效益指标\",\"level2\":\"可持续影 "
    "响指标\",\"name\":\"社会可持续影响\",\"target\":\"≥95%\","
    "\"actual\":\"95%\",\"weight\":10,\"score_claimed\":10},"
    "{\"level1\":\"满意度 指标\",\"level2\":\"服务对象 满意度指 "
    "标\",\"name\":\"群众满意度\",\"target\":\"≥95%\","
    "\"actual\":\"95%\",\"weight\":10,\"score_claimed\":10}]}]}";

static void target_strict(void **state)
{
    (void)state;
    static tu_audit t;
    const jx_project *q = audit_text(&t, SEED_004_ZHENGFU, NULL);
    says(expect(q, "TARGET-STRICT", JX_SEV_INFO, 0, "actual"), "申请数额", "220", NULL);
    says(expect(q, "TARGET-STRICT", JX_SEV_INFO, 3, "actual"), "工作经费", "220", NULL);
    assert_int_equal(tu_count(q, "TARGET-STRICT"), 2);
    none(q, "SCORE-ABOVE-RULE"); /* scored as ≤: full marks stand */
    none(q, "HIERARCHY");        /* spaces inside names are fine */
    none(q, "FUND-RATE");        /* 134.64 / 220 = 61.2 % exactly */
    assert_dec_equal(q->funds.execution_score, "6.12");
    tu_free(&t);

    proj_t p = base();
    p.ind[0].target = "＜220";
    p.ind[0].actual = "219";
    none(audit(&t, &p, NULL), "TARGET-STRICT");
    tu_free(&t);
    p.ind[0].target = "≤220"; /* not strict */
    p.ind[0].actual = "220";
    none(audit(&t, &p, NULL), "TARGET-STRICT");
    tu_free(&t);
}

static void unit_mismatch(void **state)
{
    (void)state;
    static tu_audit t;
    proj_t p = base();
    p.ind[0].actual = "100人";
    const jx_project *q = audit(&t, &p, NULL);
    says(expect(q, "UNIT-MISMATCH", JX_SEV_WARNING, 0, "actual"), "家", "人", NULL);
    none(q, "TARGET-UNPARSED");
    none(q, "SCORE-ABOVE-RULE"); /* no rule score to compare with */
    tu_free(&t);

    /* 万元 and 元 convert */
    p.ind[0].target = "≤2.5万元";
    p.ind[0].actual = "25000元";
    q = audit(&t, &p, NULL);
    none(q, "UNIT-MISMATCH");
    assert_dec_equal(q->indicators[0].score_rule, "30");
    tu_free(&t);
}

/* ---- hierarchy ------------------------------------------------------------------------------ */

/* 004 区创优营商环境服务中心工作经费: 就业岗位 sits under 成本指标 → 社会效益指标. */
static void hierarchy(void **state)
{
    (void)state;
    static tu_audit t;
    proj_t p = base();
    p.ind[2] =
        (ind_t){"成本指标", "社会效益指标", "就业岗位", "≥600个", NULL, "600个", "30", "30", NULL};
    const jx_project *q = audit(&t, &p, NULL);
    says(expect(q, "HIERARCHY", JX_SEV_WARNING, 2, "level2"), "社会效益指标", "就业岗位",
         "「效益指标」", "成本指标", NULL);
    assert_int_equal(tu_count(q, "HIERARCHY"), 1);
    tu_free(&t);

    /* an unknown level-1 */
    p = base();
    p.ind[1].level1 = "其他指标";
    says(expect(audit(&t, &p, NULL), "HIERARCHY", JX_SEV_WARNING, 1, "level1"), "其他指标",
         "检查合格率", NULL);
    tu_free(&t);

    /* a level-2 that belongs nowhere (seed drift: 数据指标) */
    p = base();
    p.ind[0].level2 = "数据指标";
    says(expect(audit(&t, &p, NULL), "HIERARCHY", JX_SEV_WARNING, 0, "level2"), "数据指标",
         "产出指标", NULL);
    tu_free(&t);

    /* accepted: 社会效益 without 指标, 满意度 without 指标, whitespace, the newer 成本指标 level-1
     */
    p = base();
    p.ind[2].level2 = "社会效益";
    p.ind[3].level1 = "满意度";
    p.ind[3].level2 = "服务对象 满意度";
    p.ind[1].level1 = "产出 指标";
    none(audit(&t, &p, NULL), "HIERARCHY");
    tu_free(&t);
    p.ind[2].level1 = "成本指标";
    p.ind[2].level2 = "经济成本指标";
    none(audit(&t, &p, NULL), "HIERARCHY");
    tu_free(&t);
}

/* ---- empty table ------------------------------------------------------------------------------
 */

static void table_empty(void **state)
{
    (void)state;
    static tu_audit t;
    const jx_project *q = audit_text(&t, "{\"projects\":[{\"name\":\"公平竞争审查经费\"}]}", NULL);
    expect(q, "TABLE-EMPTY", JX_SEV_WARNING, -1, NULL);
    assert_int_equal(q->n_findings, 1); /* nothing else to say about it */
    tu_free(&t);

    q = audit_text(
        &t, "{\"projects\":[{\"name\":\"公平竞争审查经费\",\"year\":2024,\"indicators\":[]}]}",
        NULL);
    expect(q, "TABLE-EMPTY", JX_SEV_WARNING, -1, NULL);
    tu_free(&t);

    /* funds alone are a body */
    q = audit_text(
        &t,
        "{\"projects\":[{\"name\":\"公平竞争审查经费\",\"funds\":{\"budget\":5,\"executed\":5}}]}",
        NULL);
    none(q, "TABLE-EMPTY");
    tu_free(&t);
    /* so is one indicator */
    q = audit_text(
        &t,
        "{\"projects\":[{\"name\":\"公平竞争审查经费\",\"indicators\":[{\"name\":\"审查件数\","
        "\"target\":\"≥1件\",\"actual\":\"1件\",\"weight\":90,\"score_claimed\":90}]}]}",
        NULL);
    none(q, "TABLE-EMPTY");
    tu_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(clean_table_has_no_findings, free_live),
        cmocka_unit_test_teardown(fund_balance, free_live),
        cmocka_unit_test_teardown(fund_rate_error_info_and_none, free_live),
        cmocka_unit_test_teardown(fund_rate_keeps_the_written_decimals, free_live),
        cmocka_unit_test_teardown(fund_score, free_live),
        cmocka_unit_test_teardown(fund_score_from_a_stated_rate_names_the_rate, free_live),
        cmocka_unit_test_teardown(fund_zero_budget, free_live),
        cmocka_unit_test_teardown(fund_overspend, free_live),
        cmocka_unit_test_teardown(fund_budget_cut, free_live),
        cmocka_unit_test_teardown(fund_low_execution_sichuan_only, free_live),
        cmocka_unit_test_teardown(seed_002_tezhong_findings, free_live),
        cmocka_unit_test_teardown(weight_sum, free_live),
        cmocka_unit_test_teardown(weight_level1, free_live),
        cmocka_unit_test_teardown(weight_missing, free_live),
        cmocka_unit_test_teardown(score_range, free_live),
        cmocka_unit_test_teardown(score_missing, free_live),
        cmocka_unit_test_teardown(score_above_rule, free_live),
        cmocka_unit_test_teardown(score_below_rule, free_live),
        cmocka_unit_test_teardown(qual_band, free_live),
        cmocka_unit_test_teardown(reason_missing, free_live),
        cmocka_unit_test_teardown(over_target, free_live),
        cmocka_unit_test_teardown(total_sum, free_live),
        cmocka_unit_test_teardown(grade, free_live),
        cmocka_unit_test_teardown(grade_bounds, free_live),
        cmocka_unit_test_teardown(target_unparsed, free_live),
        cmocka_unit_test_teardown(target_strict, free_live),
        cmocka_unit_test_teardown(unit_mismatch, free_live),
        cmocka_unit_test_teardown(hierarchy, free_live),
        cmocka_unit_test_teardown(table_empty, free_live),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
