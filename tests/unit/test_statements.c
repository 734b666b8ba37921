/* test_statements.c — the 情况说明 statements of a 决算 disclosure (SPEC §9):
 * the sentence matcher (units, roles, subjects, numbers that are part of a
 * label), each statement kind verified and each error caught on small
 * hand-built models (amount, rounding, 元 for 万元, shares over the head or a
 * named total and on the wrong denominator, completion rates, changes with
 * the rate on the wrong base and without a reason, lists, counts, 无此项收支,
 * repeats, a narrative without tables); then seed 002 (0 failed, every
 * checkable figure verified, 其他商品和服务支出 against the 302 gap); the
 * documents of tests/data/accounts/ with one deliberate error each; and the
 * 情况说明 regenerated from seed 002's tables, every published number found
 * again in its section.
 */
#include "testutil.h"

#include "accounts/accounts.h"
#include "accounts/statements.h"
#include "base/text.h"

static jx_ac_rules rules;

static int setup(void **state)
{
    (void)state;
    char err[1024];
    if (!jx_ac_rules_load("accounts-mof", &rules, err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        return -1;
    }
    return 0;
}

typedef struct fixture {
    jx_arena arena;
    jx_accounts a;
} fixture;

static void fx_init(fixture *f)
{
    jx_arena_init(&f->arena);
    jx_accounts_init(&f->a, &f->arena, &rules);
}

static void fx_free(fixture *f)
{
    jx_arena_free(&f->arena);
}

static size_t count(const jx_accounts *a, const char *code)
{
    size_t n = 0;
    for (size_t i = 0; i < a->n_findings; i++)
        n += strcmp(a->findings[i].f.code, code) == 0;
    return n;
}

static const jx_ac_finding *finding(const jx_accounts *a, const char *code, const char *part)
{
    for (size_t i = 0; i < a->n_findings; i++)
        if (strcmp(a->findings[i].f.code, code) == 0 && strstr(a->findings[i].f.message, part))
            return &a->findings[i];
    return NULL;
}

static void dump(const jx_accounts *a)
{
    for (size_t i = 0; i < a->n_findings; i++)
        fprintf(stderr, "  %s %s\n", a->findings[i].f.code, a->findings[i].f.message);
}

#define EXPECT_FINDING(a, code, part)                                                              \
    do {                                                                                           \
        if (!finding(a, code, part)) {                                                             \
            dump(a);                                                                               \
            fail_msg("no %s containing \"%s\"", code, part);                                       \
        }                                                                                          \
    } while (0)

/* ---- hand-built models ------------------------------------------------------------------ */

static jx_ac_table *table(fixture *f, const char *kind, const char *title)
{
    jx_ac_table *t = jx_ac_add_table(&f->a);
    t->kind = kind;
    t->title = title;
    return t;
}

static void set_cols(jx_ac_table *t, int g, const char *name, const char *const *cols, int n)
{
    t->groups[g].name = name;
    for (int i = 0; i < n; i++)
        t->groups[g].cols[i] = cols[i];
    t->groups[g].n_cols = n;
    if (g + 1 > t->n_groups) t->n_groups = g + 1;
}

/* A row; values as text ("" blank), one per column. */
static jx_ac_row *row(fixture *f, jx_ac_table *t, int g, const char *code, const char *key,
                      const char *const *vals)
{
    jx_ac_row *r = jx_ac_add_row(&f->a, t, g);
    r->code = code;
    r->label = key;
    r->key = key;
    for (int i = 0; i < t->groups[g].n_cols; i++)
        if (vals[i] && *vals[i]) {
            r->cells[i].v = D(vals[i]);
            jx_dec v;
            jx_dec_parse(vals[i], strlen(vals[i]), &v, &r->cells[i].decimals);
        }
    return r;
}

#define ROW(f, t, g, code, key, ...) row(f, t, g, code, key, (const char *const[]){__VA_ARGS__})

/* The seed's summary, expense, gpb and three figures. */
static void small_model(fixture *f)
{
    fx_init(f);
    jx_ac_table *s = table(f, "summary", "收入支出决算总表");
    set_cols(s, 0, "收入", (const char *const[]){"金额"}, 1);
    set_cols(s, 1, "支出", (const char *const[]){"金额"}, 1);
    ROW(f, s, 0, NULL, "本年收入合计", "5023.02");
    ROW(f, s, 1, NULL, "本年支出合计", "5023.02");
    ROW(f, s, 0, NULL, "总计", "5029.36");
    ROW(f, s, 1, NULL, "总计", "5029.36");
    jx_ac_table *x = table(f, "expense", "支出决算表");
    set_cols(x, 0, "", (const char *const[]){"本年支出合计", "基本支出", "项目支出"}, 3);
    ROW(f, x, 0, NULL, "合计", "5023.02", "2963.86", "2059.17");
    jx_ac_table *g = table(f, "gpb", "一般公共预算财政拨款支出决算表");
    set_cols(g, 0, "", (const char *const[]){"小计", "基本支出", "项目支出"}, 3);
    ROW(f, g, 0, NULL, "合计", "5023.02", "2963.86", "2059.17");
    ROW(f, g, 0, "201", "一般公共服务支出", "3864.28", "1847.89", "2016.39");
    ROW(f, g, 0, "208", "社会保障和就业支出", "811.45", "768.66", "42.78");
    jx_ac_table *t = table(f, "three", "财政拨款“三公”经费支出决算表");
    static const char *const cols[] = {"合计",           "因公出国(境)费",     "小计",
                                       "公务用车购置费", "公务用车运行维护费", "公务接待费"};
    set_cols(t, 0, "预算数", cols, 6);
    set_cols(t, 1, "决算数", cols, 6);
    ROW(f, t, 0, NULL, "", "26.26", "", "25.67", "", "25.67", "0.59");
    ROW(f, t, 1, NULL, "", "26.26", "", "25.67", "", "25.67", "0.59");
    jx_ac_table *i = table(f, "info", "部门决算公开相关信息统计表");
    set_cols(i, 0, "政府采购情况", (const char *const[]){"统计数"}, 1);
    set_cols(i, 1, "机关运行经费", (const char *const[]){"统计数"}, 1);
    set_cols(i, 2, "国有资产占用情况", (const char *const[]){"统计数"}, 1);
    ROW(f, i, 0, NULL, "合计", "1242.27");
    ROW(f, i, 0, NULL, "货物", "46.47");
    ROW(f, i, 0, NULL, "工程", "");
    ROW(f, i, 0, NULL, "服务", "1195.80");
    ROW(f, i, 1, NULL, "行政单位", "252.49");
    ROW(f, i, 2, NULL, "车辆数合计(辆)", "17");
    ROW(f, i, 2, NULL, "机要通信用车", "1");
    ROW(f, i, 2, NULL, "执法执勤用车", "15");
    ROW(f, i, 2, NULL, "特种专业技术用车", "1");
    ROW(f, i, 2, NULL, "单价100万元(含)以上设备(不含车辆)", "");
    jx_ac_table *fund = table(f, "fund", "政府性基金预算财政拨款收入支出决算表");
    set_cols(fund, 0, "", (const char *const[]){"小计"}, 1);
    ROW(f, fund, 0, NULL, "合计", "");
}

static void para(fixture *f, const char *section, const char *text)
{
    jx_ac_add_para(&f->a, jx_text_nfkc(&f->arena, text), section, (long)f->a.n_paras + 1);
}

#define S1 "一、收入支出决算总体情况说明"
#define S3 "三、支出决算情况说明"
#define S5 "五、一般公共预算财政拨款支出决算情况说明"
#define S7 "七、政府性基金预算财政拨款收支决算情况说明"
#define S9 "九、财政拨款“三公”经费支出决算情况说明"
#define S10 "十、其他重要事项情况说明"

static void expect_counts(const jx_accounts *a, size_t found, size_t verified, size_t failed)
{
    if (a->statements_found != found || a->statements_verified != verified ||
        a->statements_failed != failed) {
        dump(a);
        fail_msg("found/verified/failed %zu/%zu/%zu, expected %zu/%zu/%zu", a->statements_found,
                 a->statements_verified, a->statements_failed, found, verified, failed);
    }
    assert_int_equal(a->statements_found, a->statements_verified + a->statements_failed);
}

/* ---- the sentence matcher ----------------------------------------------------------------- */

static void matcher(void **state)
{
    (void)state;
    jx_arena ar;
    jx_arena_init(&ar);
    jx_st_mention m[16];
    const char *t = "2024年度收入总计5,029.36万元,与上年相比,收入总计减少68.13万元,下降1.34%。"
                    "单价100万元(含)以上设备(不含车辆)0台(套),占本年支出合计的100.00%,"
                    "完成年初预算的94.87%,共有车辆17辆";
    size_t n = jx_st_scan(&ar, t, m, 16);
    assert_int_equal(n, 7);
    assert_string_equal(m[0].subject, "收入总计");
    assert_dec_equal(m[0].value, "5029.36");
    assert_int_equal(m[0].decimals, 2);
    assert_int_equal(m[1].role, JX_ST_CHANGE);
    assert_int_equal(m[1].dir, -1);
    assert_string_equal(m[1].subject, "收入总计");
    assert_int_equal(m[2].role, JX_ST_CHANGE_RATE);
    assert_int_equal(m[3].unit, JX_ST_COUNT); /* 100万元 is part of the label */
    assert_string_equal(m[3].subject, "单价100万元(含)以上设备(不含车辆)");
    assert_int_equal(m[4].role, JX_ST_SHARE);
    assert_string_equal(m[4].den, "本年支出合计");
    assert_int_equal(m[5].role, JX_ST_COMPLETION);
    assert_string_equal(m[6].subject, "车辆");
    assert_string_equal(m[6].unit_text, "辆");
    /* 年初预算 / 支出决算 / 比2023年 / 元 */
    n = jx_st_scan(
        &ar,
        "一般公共服务支出年初预算4,311.18万元,支出决算3,864.28万元。比2023年减少27.13万元;"
        "公务接待费3.6元",
        m, 16);
    assert_int_equal(n, 4);
    assert_int_equal(m[0].role, JX_ST_BUDGET);
    assert_string_equal(m[0].subject, "一般公共服务支出");
    assert_int_equal(m[1].role, JX_ST_ACTUAL);
    assert_string_equal(m[1].subject, "");
    assert_int_equal(m[2].role, JX_ST_CHANGE);
    assert_string_equal(m[2].subject, "");
    assert_int_equal(m[3].unit, JX_ST_YUAN);
    assert_int_equal(jx_st_scan(&ar, "第3,4项在2024年12月31日", m, 16), 0);
    jx_arena_free(&ar);
}

/* ---- each kind, verified and caught --------------------------------------------------------- */

static void amounts(void **state)
{
    (void)state;
    fixture f;
    small_model(&f);
    para(&f, S1, "2024年度收入总计5,029.36万元，支出总计5,029.36万元。");
    para(&f, S3, "2024年度支出合计5,023.02万元，其中：");
    para(&f, S3, "基本支出2,936.86万元；");
    jx_accounts_statements(&f.a);
    EXPECT_FINDING(&f.a, "ACCT-TEXT-AMOUNT", "基本支出2,936.86万元");
    EXPECT_FINDING(&f.a, "ACCT-TEXT-AMOUNT", "表中为2,963.86万元");
    expect_counts(&f.a, 4, 3, 1);
    fx_free(&f);
}

static void unit_slip(void **state)
{
    (void)state;
    fixture f;
    small_model(&f);
    para(&f, S9, "公务接待费支出0.59元，完成全年预算的100.00%。");
    para(&f, S9, "公务用车运行维护费支出256,700元。");
    jx_accounts_statements(&f.a);
    assert_int_equal(count(&f.a, "ACCT-TEXT-UNIT"), 1); /* 256,700元 = 25.67万元 is right */
    EXPECT_FINDING(&f.a, "ACCT-TEXT-UNIT", "0.59元的单位应为万元");
    assert_int_equal(count(&f.a, "ACCT-TEXT-COMPLETION"), 0);
    expect_counts(&f.a, 3, 3, 0);
    fx_free(&f);
}

static void shares(void **state)
{
    (void)state;
    fixture f;
    small_model(&f);
    para(&f, S3, "2024年度支出合计5,023.02万元，其中：");
    para(&f, S3, "基本支出2,963.86万元，占比59.01%；");
    para(&f, S3, "项目支出2,059.17万元，占比41.99%。");
    para(&f, S5, "2024年一般公共预算财政拨款决算支出5,023.02万元，占本年支出合计的100.00%。");
    para(&f, S5, "一般公共服务支出3,864.28万元，占支出总计的76.83%。");
    jx_accounts_statements(&f.a);
    EXPECT_FINDING(&f.a, "ACCT-TEXT-SHARE", "2,059.17 / 5,023.02 = 40.99%");
    /* 3864.28 / 5029.36 = 76.83%: the share is over 支出总计, not the gpb total */
    EXPECT_FINDING(&f.a, "ACCT-TEXT-SHARE", "以收入支出决算总表 支出 总计(5,029.36)为分母");
    EXPECT_FINDING(&f.a, "ACCT-TEXT-SHARE", "= 76.93%");
    assert_int_equal(count(&f.a, "ACCT-TEXT-SHARE"), 2);
    fx_free(&f);
}

static void completion(void **state)
{
    (void)state;
    fixture f;
    small_model(&f);
    para(&f, S5,
         "一般公共服务支出年初预算4,311.18万元，支出决算3,864.28万元，完成年初预算的89.63%。");
    para(&f, S5,
         "社会保障和就业支出年初预算605.43万元，支出决算811.45万元，完成年初预算的206.02%。");
    para(&f, S9,
         "2024年度“三公”经费财政拨款支出全年预算26.26万元，支出决算26.26万元，"
         "完成全年预算的100.00%。");
    para(&f, S9, "公务接待费支出0.59万元，完成全年预算的90.00%。");
    jx_accounts_statements(&f.a);
    /* 811.45 − 605.43 = 206.02: a difference, not a ratio */
    EXPECT_FINDING(&f.a, "ACCT-TEXT-COMPLETION", "811.45 / 605.43 = 134.03%(所写数字是两数之差");
    EXPECT_FINDING(&f.a, "ACCT-TEXT-COMPLETION", "0.59 / 0.59 = 100.00%"); /* 公开09 预算数 */
    assert_int_equal(count(&f.a, "ACCT-TEXT-COMPLETION"), 2);
    fx_free(&f);
}

static void changes(void **state)
{
    (void)state;
    fixture f;
    small_model(&f);
    para(&f, S1, "与上年相比，收入总计减少68.13万元，下降1.34%。主要原因是退休人员较多。");
    para(&f, S5,
         "一般公共服务支出3,864.28万元。较上年决算增加240.21万元，增长6.22%，主要原因是新增项目。");
    para(&f, S5,
         "社会保障和就业支出811.45万元。较上年决算减少63.12万元，增长7.22%，主要原因是退休。");
    para(&f, S10, "2024年机关运行经费支出252.49万元，比2023年减少27.13万元，下降9.7%。");
    para(&f, S9, "因公出国（境）费支出0万元，与上年相同。");
    jx_accounts_statements(&f.a);
    /* 240.21 / 3864.28 = 6.22% is over this year; over last year 240.21 / 3624.07 = 6.63% */
    EXPECT_FINDING(&f.a, "ACCT-TEXT-CHANGE", "是以本年数3,864.28为基数计算的");
    EXPECT_FINDING(&f.a, "ACCT-TEXT-CHANGE", "240.21 / 3,624.07 = 6.63%");
    EXPECT_FINDING(&f.a, "ACCT-TEXT-CHANGE", "方向不一致");
    EXPECT_FINDING(&f.a, "ACCT-TEXT-NO-REASON", "比2023年减少27.13万元");
    assert_int_equal(count(&f.a, "ACCT-TEXT-NO-REASON"), 1); /* 与上年相同 needs none */
    assert_int_equal(count(&f.a, "ACCT-TEXT-CHANGE"), 2);
    fx_free(&f);
}

static void rounding_of_rates(void **state)
{
    (void)state;
    fixture f;
    small_model(&f);
    /* 0.12 / (0.59 + 0.12) = 16.90%; the seed writes 16.9 (one decimal) */
    para(&f, S9, "公务接待费支出0.59万元，比上年度减少0.12万元，下降16.9%，主要原因是压减。");
    /* 0.12 / 0.71 = 16.90, but with both figures rounded to 0.01 the rate lies anywhere in
     * 0.115 / 0.72 = 15.97% … 0.125 / 0.70 = 17.86%: 16.3% fits, with a rounding note */
    para(&f, S9, "公务接待费支出0.59万元，比上年度减少0.12万元，下降16.3%，主要原因是压减。");
    para(&f, S9, "公务接待费支出0.59万元，比上年度减少0.12万元，下降18.3%，主要原因是压减。");
    jx_accounts_statements(&f.a);
    assert_int_equal(count(&f.a, "ACCT-TEXT-CHANGE"), 1);
    EXPECT_FINDING(&f.a, "ACCT-ROUNDING", "变动率16.3%在尾数误差范围内相符(计算值16.9%)");
    EXPECT_FINDING(&f.a, "ACCT-TEXT-CHANGE", "变动率18.3%与所列数字不符");
    fx_free(&f);
}

static void lists_and_counts(void **state)
{
    (void)state;
    fixture f;
    small_model(&f);
    para(&f, S10,
         "2024年度政府采购支出总额1,242.27万元，其中：政府采购货物支出46.47万元、"
         "政府采购服务支出1,195.80万元。");
    para(&f, S10,
         "政府采购授予中小企业合同金额655.56万元，占政府采购支出总额的52.77%。"
         "其中：授予小微企业合同金额685.10万元。");
    para(&f, S10,
         "截至2024年12月31日，本部门（单位）共有车辆17辆。其中：机要通信用车1辆、"
         "执法执勤用车14辆、特种专业技术用车1辆。单价100万元（含）以上设备（不含车辆）0台（套）。");
    jx_accounts_statements(&f.a);
    EXPECT_FINDING(&f.a, "ACCT-TEXT-SUM", "合计685.10万元,超过所述总数655.56万元");
    EXPECT_FINDING(&f.a, "ACCT-TEXT-COUNT", "执法执勤用车14辆");
    assert_int_equal(count(&f.a, "ACCT-TEXT-SUM"), 1); /* 16 of 17 cars is a partial list */
    assert_int_equal(count(&f.a, "ACCT-TEXT-AMOUNT"), 0);
    /* 655.56 and 685.10 are in no table: unchecked, the share over 1,242.27 is checked */
    assert_true(f.a.statements_unchecked >= 2);
    fx_free(&f);
}

static void empty_tables(void **state)
{
    (void)state;
    fixture f;
    small_model(&f);
    para(&f, S7, "本年度无此项收支。");
    jx_accounts_statements(&f.a);
    expect_counts(&f.a, 1, 1, 0);
    fx_free(&f);
    small_model(&f);
    jx_ac_table *fund = (jx_ac_table *)jx_ac_table_of(&f.a, "fund");
    fund->rows[0].cells[0].v = D("12");
    para(&f, S7, "本年度无此项收支。");
    jx_accounts_statements(&f.a);
    EXPECT_FINDING(&f.a, "ACCT-TEXT-EMPTY", "有数据(12.00万元)");
    expect_counts(&f.a, 1, 0, 1);
    fx_free(&f);
}

static void narrative_only(void **state)
{
    (void)state;
    fixture f;
    fx_init(&f);
    para(&f, S3, "2024年度支出合计5,023.02万元，其中：");
    para(&f, S3, "基本支出2,963.86万元，占比59.01%；");
    para(&f, S3, "项目支出2,159.17万元，占比42.99%。");
    para(&f, S10, "政府采购授予中小企业合同金额655.56万元。");
    para(&f, S10, "政府采购授予中小企业合同金额656.56万元。");
    para(&f, S5,
         "一般公共服务支出3,864.28万元。较上年决算增加240.21万元，增长6.63%，主要原因是新增。");
    jx_accounts_statements(&f.a);
    EXPECT_FINDING(&f.a, "ACCT-TEXT-SUM", "合计5,123.03万元,超过所述总数5,023.02万元");
    EXPECT_FINDING(&f.a, "ACCT-TEXT-REPEAT", "此处为656.56万元,前文为655.56万元");
    assert_int_equal(count(&f.a, "ACCT-TEXT-SHARE"), 0); /* 2159.17 / 5023.02 = 42.99% */
    assert_int_equal(count(&f.a, "ACCT-TEXT-CHANGE"), 0);
    expect_counts(&f.a, 5, 3, 2); /* 2 shares, 1 change, the list, the repeat */
    fx_free(&f);
}

/* ---- seed 002 and the documents of tests/data/accounts/ ------------------------------------ */

static const char *seed002(void)
{
    static char path[1024];
    const char *dir = getenv("JX_SEEDS");
    snprintf(path, sizeof path, "%s/002_a48143ca35b5d44a.txt",
             dir && *dir ? dir : "../shared/seeds");
    return path;
}

static void read_doc(fixture *f, const char *path)
{
    fx_init(f);
    char err[1024];
    if (!jx_accounts_read(path, &f->a, err, sizeof err)) fail_msg("%s", err);
    f->a.n_findings = 0; /* only the statements' findings */
    jx_accounts_statements(&f->a);
}

static void seed002_statements(void **state)
{
    (void)state;
    fixture f;
    read_doc(&f, seed002());
    assert_int_equal(f.a.statements_failed, 0);
    assert_true(f.a.statements_found >= 110);
    assert_int_equal(f.a.statements_found, f.a.statements_verified);
    assert_int_equal(jx_ac_count(&f.a, JX_SEV_ERROR), 0);
    assert_int_equal(jx_ac_count(&f.a, JX_SEV_WARNING), 0);
    /* 其他商品和服务支出13.42 = 302 class 250.64 − its rows (13.43) within rounding */
    EXPECT_FINDING(&f.a, "ACCT-ROUNDING", "302 商品和服务支出 减去所列各款13.42");
    /* the four 类 changes add up to 139.70 against 139.69 */
    EXPECT_FINDING(&f.a, "ACCT-ROUNDING", "合计139.70万元,总数为139.69万元");
    fprintf(stderr, "seed 002: found %zu verified %zu failed %zu unchecked %zu\n",
            f.a.statements_found, f.a.statements_verified, f.a.statements_failed,
            f.a.statements_unchecked);
    fx_free(&f);
}

static const char *data(const char *name)
{
    static char path[1024];
    snprintf(path, sizeof path, "%s/../tests/data/accounts/%s", JX_RULES_DIR, name);
    return path;
}

static void doc_expect(const char *name, const char *code, const char *part)
{
    fixture f;
    read_doc(&f, data(name));
    if (code) {
        EXPECT_FINDING(&f.a, code, part);
        assert_true(f.a.statements_failed + jx_ac_count(&f.a, JX_SEV_WARNING) >= 1);
    } else {
        if (jx_ac_count(&f.a, JX_SEV_ERROR) || jx_ac_count(&f.a, JX_SEV_WARNING)) dump(&f.a);
        assert_int_equal(jx_ac_count(&f.a, JX_SEV_ERROR), 0);
        assert_int_equal(jx_ac_count(&f.a, JX_SEV_WARNING), 0);
        assert_int_equal(f.a.statements_failed, 0);
    }
    fx_free(&f);
}

static void documents(void **state)
{
    (void)state;
    doc_expect("good.txt", NULL, NULL);
    doc_expect("narrative_good.txt", NULL, NULL);
    doc_expect("completion_difference.txt", "ACCT-TEXT-COMPLETION",
               "完成率271.58%与所列数字不符:5,023.02 / 5,294.60 = 94.87%(所写数字是两数之差");
    doc_expect("growth_wrong_base.txt", "ACCT-TEXT-CHANGE",
               "变动率6.22%是以本年数3,864.28为基数计算的");
    doc_expect("share_wrong_denominator.txt", "ACCT-TEXT-SHARE",
               "占比99.87%以公开01表 收入支出决算总表 收入 总计(5,029.36)为分母");
    doc_expect("amount_mismatch.txt", "ACCT-TEXT-AMOUNT",
               "所列2,936.86万元与公开03表 支出决算表 合计 基本支出不符:表中为2,963.86万元");
    doc_expect("list_exceeds_head.txt", "ACCT-TEXT-SUM",
               "所列3项明细合计1,342.27万元,超过所述总数1,242.27万元");
    doc_expect("unit_yuan.txt", "ACCT-TEXT-UNIT", "0.59元的单位应为万元");
    doc_expect("change_no_reason.txt", "ACCT-TEXT-NO-REASON", "比2023年减少27.13万元,下降9.7%");
    doc_expect("empty_with_data.txt", "ACCT-TEXT-EMPTY", "称无此项收支,但公开07表");
    doc_expect("repeat_subject.txt", "ACCT-TEXT-REPEAT", "此处为656.56万元,前文为655.56万元");
    doc_expect("narrative_bad.txt", "ACCT-TEXT-COMPLETION", "811.45 / 605.43 = 134.03%");
}

/* ---- the 情况说明 written from the tables ---------------------------------------------------- */

/* The numbers of a text (NFKC, without thousands separators), in order. */
static size_t numbers(jx_arena *ar, const char *text, char out[][24], size_t max)
{
    const char *s = jx_text_nfkc(ar, text);
    size_t n = 0;
    for (const char *p = s; *p;) {
        if (*p < '0' || *p > '9') {
            p++;
            continue;
        }
        char buf[24];
        size_t k = 0;
        while ((*p >= '0' && *p <= '9') || *p == '.' ||
               (*p == ',' && p[1] >= '0' && p[1] <= '9' && p[2] >= '0' && p[3] >= '0')) {
            if (*p != ',' && k < sizeof buf - 1) buf[k++] = *p;
            p++;
        }
        buf[k] = '\0';
        if (n < max) snprintf(out[n++], 24, "%s", buf);
    }
    return n;
}

/* Text of section `no` ("一、" … "十、") in a 情况说明. */
static char *section_text(jx_arena *ar, const char *doc, const char *no)
{
    const char *part = NULL; /* the last 第三部分: the first is in the contents */
    for (const char *p = strstr(doc, "第三部分"); p; p = strstr(p + 1, "第三部分"))
        part = p;
    const char *at = part ? strstr(part, no) : NULL;
    if (!at) return jx_arena_strdup(ar, "");
    static const char *const nos[] = {"一、", "二、", "三、", "四、", "五、",
                                      "六、", "七、", "八、", "九、", "十、"};
    const char *end = NULL;
    for (size_t i = 0; i < 10; i++) {
        if (strcmp(nos[i], no) != 0) continue;
        end = i + 1 < 10 ? strstr(at, nos[i + 1]) : strstr(at, "(四)");
        if (!end && i + 1 == 10) end = strstr(at, "（四）");
    }
    return jx_arena_strndup(ar, at, end ? (size_t)(end - at) : strlen(at));
}

static char *read_all(jx_arena *ar, const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) fail_msg("cannot open %s", path);
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *buf = jx_arena_alloc(ar, (size_t)n + 1);
    buf[fread(buf, 1, (size_t)n, fp)] = '\0';
    fclose(fp);
    return buf;
}

static void seed002_written(void **state)
{
    (void)state;
    fixture f;
    read_doc(&f, seed002());
    char *gen = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&gen, &len);
    jx_accounts_write_text(mem, &f.a);
    fclose(mem);
    const char *pub = read_all(&f.arena, seed002());
    static const char *const nos[] = {"一、", "二、", "三、", "四、", "五、",
                                      "六、", "七、", "八、", "九、", "十、"};
    static char want[256][24], got[512][24];
    size_t total = 0;
    for (size_t s = 0; s < 10; s++) {
        char *published = section_text(&f.arena, pub, nos[s]);
        char *domestic = strstr(published, "国内接待费0.59万元"); /* no table holds it */
        if (domestic) memset(domestic, ' ', strlen("国内接待费0.59万元"));
        size_t nw = numbers(&f.arena, published, want, 256);
        size_t ng = numbers(&f.arena, section_text(&f.arena, gen, nos[s]), got, 512);
        bool used[512] = {false};
        for (size_t i = 0; i < nw; i++) {
            /* counts the tables do not hold (团组, 批次, 人次, 中小企业) are not restated */
            if (strcmp(nos[s], "九、") == 0 && strstr("0 9 68 14", want[i])) continue;
            if (strcmp(nos[s], "十、") == 0 &&
                (strcmp(want[i], "655.56") == 0 || strcmp(want[i], "52.77") == 0 ||
                 strcmp(want[i], "585.10") == 0 || strcmp(want[i], "47.10") == 0))
                continue;
            size_t k = 0;
            while (k < ng && (used[k] || strcmp(got[k], want[i]) != 0))
                k++;
            if (k == ng) {
                fprintf(stderr, "%s\n", gen);
                fail_msg("section %s: published %s not in the written text", nos[s], want[i]);
            }
            used[k] = true;
            total++;
        }
    }
    fprintf(stderr, "seed 002: %zu published numbers found again in the written text\n", total);
    assert_true(total > 120);
    assert_non_null(strstr(gen, "其他商品和服务支出13.42万元")); /* the document's own figure */
    assert_non_null(strstr(gen, "主要原因是新增公务员医疗补助支出"));
    assert_non_null(strstr(gen, "本年度无此项收支。"));
    free(gen);
    fx_free(&f);
}

static void written_without_statements(void **state)
{
    (void)state;
    fixture f;
    small_model(&f);
    char *gen = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&gen, &len);
    jx_accounts_write_text(mem, &f.a);
    fclose(mem);
    /* no prior-year figures: no change clauses, no invented reasons */
    assert_null(strstr(gen, "与上年相比"));
    assert_null(strstr(gen, "比上年度"));
    assert_non_null(strstr(gen, "基本支出2,963.86万元，占比59.01%"));
    assert_non_null(strstr(gen, "本年度无此项收支。"));
    free(gen);
    fx_free(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(matcher),
        cmocka_unit_test(amounts),
        cmocka_unit_test(unit_slip),
        cmocka_unit_test(shares),
        cmocka_unit_test(completion),
        cmocka_unit_test(changes),
        cmocka_unit_test(rounding_of_rates),
        cmocka_unit_test(lists_and_counts),
        cmocka_unit_test(empty_tables),
        cmocka_unit_test(narrative_only),
        cmocka_unit_test(seed002_statements),
        cmocka_unit_test(documents),
        cmocka_unit_test(seed002_written),
        cmocka_unit_test(written_without_statements),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
