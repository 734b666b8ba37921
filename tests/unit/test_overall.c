/* test_overall.c — `jixiao overall` (SPEC §8): the rule set hunan-overall,
 * each of its rules at its boundaries (90% and 95% exactly, the point where
 * deductions reach zero, both sides of a two-sided rule, band edges), the
 * step modes (linear, whole, started), the strict rule loader (unknown field,
 * unknown key, parts that do not add up, extends), and seed 003 read three
 * ways — its text, the native example JSON, and the same tables in a .docx
 * and an .xlsx — each giving every figure of the issue: 288/309 = 93.2% → 3;
 * 预算执行率 4.5 (100% → 3, 91.51% → 1.5); 公用经费控制率 96.84%; 三公经费控制率
 * 84.77%; 政府采购执行率 356.57% → 0; satisfaction 88.96% → 4; total 91; the
 * finding that 履职效益得18分 disagrees with 6 + 6 + 4 = 16 and that the
 * sections add up to 93, not 91. Then findings the seed does not trigger
 * (OVERALL-SCORE-RULE, OVERALL-RATE, OVERALL-BASE-SUM, OVERALL-GRADE) on
 * edited copies of the example, and malformed input.
 */
#include "testutil.h"

#include "officegen.h"
#include "overall/overall.h"

static jx_ov_rules rules;

static int setup(void **state)
{
    (void)state;
    char err[1024];
    if (!jx_ov_rules_load("hunan-overall", &rules, err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        return -1;
    }
    return og_tmpdir_make("overall");
}

static int teardown(void **state)
{
    (void)state;
    return og_tmpdir_remove();
}

static const jx_ov_part *part(const char *name)
{
    for (int i = 0; i < rules.n_rules; i++)
        for (int k = 0; k < rules.rules[i].n_parts; k++)
            if (strcmp(rules.rules[i].parts[k].name, name) == 0) return &rules.rules[i].parts[k];
    fail_msg("no part %s", name);
    return NULL;
}

/* score(part, value) == want, for a list of "value=score" pairs */
static void expect_scores(const char *name, const char *const *cases, size_t n)
{
    const jx_ov_part *p = part(name);
    for (size_t i = 0; i < n; i++) {
        char v[32];
        const char *eq = strchr(cases[i], '=');
        snprintf(v, sizeof v, "%.*s", (int)(eq - cases[i]), cases[i]);
        jx_dec got = jx_ov_part_score(&rules, p, D(v));
        char g[JX_DEC_BUF];
        if (got != D(eq + 1))
            fail_msg("%s at %s%%: score %s, expected %s", name, v, jx_dec_fmt(got, g), eq + 1);
    }
}

#define EXPECT(name, ...)                                                                          \
    do {                                                                                           \
        static const char *const c_[] = {__VA_ARGS__};                                             \
        expect_scores(name, c_, sizeof c_ / sizeof *c_);                                           \
    } while (0)

/* ---- each rule at its boundaries ----------------------------------------------------- */

static void staff_control(void **state)
{
    (void)state; /* ≦100% → 3; −0.5 per point over; zero at 106% */
    EXPECT("在职人员控制率", "93.2=3", "100=3", "101=2.5", "102.5=1.75", "105=0.5", "105.99=0.01",
           "106=0", "150=0");
}

static void three_public_change(void **state)
{
    (void)state; /* ≦0 → 5; −0.5 per point above 0; zero at 10% */
    EXPECT("三公经费变动率", "-20=5", "0=5", "1=4.5", "9.98=0.01", "10=0", "27.36=0");
}

static void key_spending(void **state)
{
    (void)state; /* 100% → 5; −2 per 5% below; zero at 87.5% */
    EXPECT("重点支出安排率", "100=5", "120=5", "97.5=4", "95=3", "90=1", "87.5=0", "50=0");
}

static void budget_completion_and_payment(void **state)
{
    (void)state; /* ≥95 → 3, [90,95) → 1.5, [80,90) → 1, <80 → 0 */
    EXPECT("预算完成率", "100=3", "95=3", "94.99=1.5", "90=1.5", "89.99=1", "80=1", "79.99=0",
           "0=0");
    EXPECT("支付进度率", "91.51=1.5", "95=3", "94.99=1.5", "90=1.5", "89.99=1", "80=1", "79.99=0");
}

static void adjustment_and_carryover(void **state)
{
    (void)state; /* 调整率 =0 → 5, (0,10] → 3, >10 → 0; 结转结余 0 → 5 else 0 */
    EXPECT("预算调整率", "0=5", "0.01=3", "10=3", "10.01=0");
    EXPECT("结转结余率", "0=5", "0.01=0", "100=0");
}

static void control_rates(void **state)
{
    (void)state; /* ≦100 → 5; −1 per point over; zero at 105 */
    EXPECT("公用经费控制率", "96.84=5", "100=5", "101=4", "104.5=0.5", "105=0", "111.51=0");
    EXPECT("三公经费控制率", "84.77=5", "100=5", "102.5=2.5", "104.99=0.01", "105=0");
}

static void procurement_both_sides(void **state)
{
    (void)state; /* 100 → 5; −2 per 5% over or under; zero at 112.5 and 87.5 */
    EXPECT("政府采购执行率", "100=5", "105=3", "95=3", "110=1", "90=1", "112.5=0", "87.5=0",
           "356.57=0");
}

static void fixed_assets_and_satisfaction(void **state)
{
    (void)state;
    EXPECT("固定资产利用率", "100=1", "99=0.8", "97.5=0.5", "95=0", "10=0");
    /* 90（含）以上 6; 80（含）-90 4; 70（含）-80 2; 低于70 0 */
    EXPECT("社会公众或服务对象满意度", "88.96=4", "100=6", "90=6", "89.99=4", "80=4", "79.99=2",
           "70=2", "69.99=0");
}

static void step_modes(void **state)
{
    (void)state; /* the procurement rule read as whole or started 5% steps */
    jx_ov_part p = *part("政府采购执行率");
    static const struct {
        jx_ov_steps steps;
        const char *value, *score;
    } cases[] = {
        {JX_OV_STEP_WHOLE, "104.99", "5"},   {JX_OV_STEP_WHOLE, "105", "3"},
        {JX_OV_STEP_WHOLE, "109.99", "3"},   {JX_OV_STEP_WHOLE, "110", "1"},
        {JX_OV_STEP_WHOLE, "114.99", "1"},   {JX_OV_STEP_WHOLE, "115", "0"},
        {JX_OV_STEP_STARTED, "100", "5"},    {JX_OV_STEP_STARTED, "100.01", "3"},
        {JX_OV_STEP_STARTED, "105", "3"},    {JX_OV_STEP_STARTED, "110.01", "0"},
        {JX_OV_STEP_WHOLE, "99999999", "0"}, {JX_OV_STEP_LINEAR, "99999999", "0"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        p.steps = cases[i].steps;
        assert_dec_equal(jx_ov_part_score(&rules, &p, D(cases[i].value)), cases[i].score);
    }
    assert_true(jx_ov_part_score(&rules, &p, JX_NONE) == JX_NONE);
}

static void the_rule_set(void **state)
{
    (void)state;
    assert_string_equal(rules.name, "hunan-overall");
    assert_int_equal(rules.n_rules, 20);
    jx_dec sum = 0;
    int judgement = 0;
    for (int i = 0; i < rules.n_rules; i++) {
        sum += rules.rules[i].weight;
        judgement += rules.rules[i].judgement;
    }
    assert_dec_equal(sum, "100");
    assert_int_equal(judgement, 9);
    assert_string_equal(jx_ov_grade(&rules, D("90")), "优");
    assert_string_equal(jx_ov_grade(&rules, D("89.99")), "良");
    assert_string_equal(jx_ov_grade(&rules, D("59.99")), "差");
}

/* ---- the rule loader ------------------------------------------------------------------- */

static const char *write_tmp(const char *name, const char *text)
{
    const char *path = og_tmp(name);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
    return path;
}

static void load_fails(const char *name, const char *text, const char *want)
{
    static jx_ov_rules r;
    char err[1024];
    const char *path = write_tmp(name, text);
    assert_false(jx_ov_rules_load(path, &r, err, sizeof err));
    if (!strstr(err, want)) fail_msg("error \"%s\" lacks \"%s\"", err, want);
}

#define ONE_RULE(extra)                                                                            \
    "{\"name\":\"t\",\"total\":3,\"grades\":[[\"优\",90],[\"差\",0]],\n\"indicators\":[{"        \
    "\"level1\":\"投入\",\"level2\":\"预算配置\",\"name\":\"在职人员控制率\",\"weight\":3" extra   \
    "}]}"

static void loader_is_strict(void **state)
{
    (void)state;
    load_fails("typo.json",
               ONE_RULE(",\n\"formula\":{\"ratio\":[\"staff_actual\",\"staff_authorized\"]},"
                        "\"deduct\":{\"full_to\":100,\"per\":1,\"pointz\":0.5}"),
               "typo.json:3:");
    load_fails("key.json",
               ONE_RULE(",\"formula\":{\"ratio\":[\"staf\",\"staff_authorized\"]},"
                        "\"bands\":[{\"at_least\":0,\"score\":3}]"),
               "未知的基础数据键 \"staf\"");
    load_fails("noscore.json", ONE_RULE(",\"formula\":{\"stated\":true}"), "缺少 deduct 或 bands");
    load_fails("band.json",
               ONE_RULE(",\"formula\":{\"stated\":true},\"bands\":[{\"at_least\":0,"
                        "\"score\":4}]"),
               "区间得分超出");
    load_fails("parts.json",
               ONE_RULE(",\"parts\":[{\"name\":\"a\",\"weight\":1,\"formula\":{\"stated\":true},"
                        "\"bands\":[{\"at_least\":0,\"score\":1}]}]"),
               "parts 的分值之和不等于 weight");
    load_fails("total.json", ONE_RULE(",\"judgement\":true,\"x\":1"), "未知字段 \"x\"");
    load_fails("judge.json", ONE_RULE(",\"judgement\":true,\"formula\":{\"stated\":true}"),
               "judgement 指标不能有");
    load_fails("json.json", "{\"name\": ", "不是有效的 JSON");
    static jx_ov_rules r;
    char err[1024];
    assert_false(jx_ov_rules_load("no-such-overall", &r, err, sizeof err));
    assert_non_null(strstr(err, "找不到"));
}

static void extends_replaces_by_name(void **state)
{
    (void)state;
    char text[1024];
    snprintf(text, sizeof text,
             "{\"extends\":\"%s/hunan-overall.json\",\"name\":\"strict\",\"indicators\":[{"
             "\"level1\":\"投入\",\"level2\":\"预算配置\",\"name\":\"在职人员控制率\",\"weight\":3,"
             "\"formula\":{\"ratio\":[\"staff_actual\",\"staff_authorized\"]},"
             "\"deduct\":{\"full_to\":95,\"per\":1,\"points\":1,\"steps\":\"whole\"}}]}",
             JX_RULES_DIR);
    static jx_ov_rules r;
    char err[1024];
    if (!jx_ov_rules_load(write_tmp("strict.json", text), &r, err, sizeof err)) fail_msg("%s", err);
    assert_string_equal(r.name, "strict");
    assert_int_equal(r.n_rules, rules.n_rules);
    const jx_ov_part *p = &r.rules[1].parts[0];
    assert_dec_equal(jx_ov_part_score(&r, p, D("95")), "3");
    assert_dec_equal(jx_ov_part_score(&r, p, D("96.5")), "2");
}

/* ---- seed 003 -------------------------------------------------------------------------- */

typedef struct {
    jx_arena arena;
    jx_overall o;
} eval;

static eval *live;

static int free_live(void **state)
{
    (void)state;
    if (live) jx_arena_free(&live->arena);
    live = NULL;
    return 0;
}

static void evaluate_file(eval *e, const char *path)
{
    live = e;
    jx_arena_init(&e->arena);
    jx_overall_init(&e->o, &e->arena);
    char err[1024];
    if (!jx_overall_import(path, &e->o, &rules, err, sizeof err)) fail_msg("%s", err);
    jx_overall_evaluate(&e->o, &rules);
}

static void evaluate_mem(eval *e, const char *json)
{
    live = e;
    jx_arena_init(&e->arena);
    jx_overall_init(&e->o, &e->arena);
    char err[1024];
    if (!jx_overall_import_mem(json, strlen(json), "json", "mem.json", &e->o, &rules, err,
                               sizeof err))
        fail_msg("%s", err);
    jx_overall_evaluate(&e->o, &rules);
}

static const jx_ov_result *result(const jx_overall *o, const char *name)
{
    for (size_t i = 0; i < o->n_results; i++)
        if (strcmp(o->results[i].name, name) == 0) return &o->results[i];
    fail_msg("no indicator %s", name);
    return NULL;
}

static const jx_finding *finding(const jx_overall *o, const char *code, const char *text)
{
    for (size_t i = 0; i < o->n_findings; i++)
        if (strcmp(o->findings[i].code, code) == 0 &&
            (!text || strstr(o->findings[i].message, text)))
            return &o->findings[i];
    return NULL;
}

static size_t count(const jx_overall *o, const char *code)
{
    size_t n = 0;
    for (size_t i = 0; i < o->n_findings; i++)
        n += strcmp(o->findings[i].code, code) == 0;
    return n;
}

#define RESULT(o, name, val, claimed, rule)                                                        \
    do {                                                                                           \
        const jx_ov_result *r_ = result(o, name);                                                  \
        const char *v_ = val;                                                                      \
        if (v_) assert_dec_equal(r_->value, v_);                                                   \
        assert_dec_equal(r_->score_claimed, claimed);                                              \
        assert_dec_equal(r_->score_rule, rule);                                                    \
    } while (0)

/* Every figure the issue asks of seed 003, whatever the source format. */
static void expect_seed003(const jx_overall *o, bool with_text)
{
    RESULT(o, "在职人员控制率", "93.2", "3", "3");
    const jx_ov_result *b = result(o, "预算执行率");
    assert_dec_equal(b->score_rule, "4.5");
    assert_int_equal(b->n_parts, 2);
    assert_dec_equal(b->parts[0].value, "100");
    assert_dec_equal(b->parts[0].score, "3");
    assert_dec_equal(b->parts[1].value, "91.51");
    assert_dec_equal(b->parts[1].score, "1.5");
    RESULT(o, "公用经费控制率", "96.84", "5", "5");
    RESULT(o, "三公经费控制率", "84.77", "5", "5");
    RESULT(o, "政府采购执行率", "356.57", "0", "0");
    RESULT(o, "社会公众或服务对象满意度", "88.96", "4", "4");
    RESULT(o, "结转结余率", "0", "5", "5");
    assert_dec_equal(o->total_claimed, "91");
    assert_dec_equal(o->total_rule, "91");
    assert_dec_equal(o->total_recomputed, "91");
    assert_string_equal(o->grade_rule, "优");
    /* judgement indicators keep the unit's score */
    RESULT(o, "资产管理安全性", NULL, "4.5", "4.5");
    assert_string_equal(result(o, "行政效能")->kind, "judgement");
    /* inputs the document does not give: the unit's score stands, with a warning */
    assert_true(result(o, "三公经费变动率")->score_rule == JX_NONE);
    assert_non_null(finding(o, "OVERALL-UNPARSED", "三公经费变动率"));
    assert_non_null(finding(o, "OVERALL-EXCLUDED", "111.51%"));
    assert_non_null(finding(o, "OVERALL-WEIGHT", "履职效益"));
    if (!with_text) return;
    const jx_finding *s = finding(o, "OVERALL-SECTION-SUM", NULL);
    assert_non_null(s);
    assert_int_equal(s->severity, JX_SEV_ERROR);
    assert_non_null(strstr(s->message, "履职效益得 18 分"));
    assert_non_null(strstr(s->message, "6 + 6 + 4 = 16"));
    assert_int_equal(count(o, "OVERALL-SECTION-SUM"), 1);
    assert_non_null(finding(o, "OVERALL-TOTAL", "相加为 93 分, 不是所写总分 91 分"));
    assert_int_equal(count(o, "OVERALL-SCORE-RULE"), 0);
    assert_int_equal(count(o, "OVERALL-RATE"), 0);
    assert_int_equal(count(o, "OVERALL-BASE-SUM"), 0);
}

static const char *seed003(void)
{
    static char path[1024];
    const char *dir = getenv("JX_SEEDS");
    snprintf(path, sizeof path, "%s/003_f68d1e39dc3aff3b.txt", dir ? dir : "../shared/seeds");
    return path;
}

static void seed003_text(void **state)
{
    (void)state;
    static eval e;
    evaluate_file(&e, seed003());
    expect_seed003(&e.o, true);
    assert_int_equal(e.o.year, 2022);
    assert_dec_equal(e.o.total_text, "91");
    assert_int_equal(e.o.n_sections, 6);
    /* 附表1 is in 元 (no unit written): 974872.99 元 = 97.487299 万元 */
    assert_dec_equal(jx_ov_get(&e.o, "three_public_actual")->value, "97.487299");
    assert_dec_equal(jx_ov_get(&e.o, "public_funds_excluded")->value, "83.808");
    assert_non_null(finding(&e.o, "OVERALL-UNIT", "元"));
    /* 社会效益 (no weight, no score) joins 经济效益 */
    RESULT(&e.o, "经济效益、社会效益", NULL, "6", "6");
    assert_non_null(strstr(result(&e.o, "管理制度健全性")->justification, "厉行节约制度"));
}

static void seed003_example_json(void **state)
{
    (void)state;
    static eval e;
    evaluate_file(&e, JX_RULES_DIR "/../examples/ningxiang-2022-overall.json");
    expect_seed003(&e.o, true);
    assert_int_equal(count(&e.o, "OVERALL-INPUT"), 0);
}

/* ---- the same tables in .docx and .xlsx ------------------------------------------------- */

static const char *const base_rows[] = {
    "财政供养人员情况|编制数|2022年实际在职人数|控制率",
    "545|309|288|93.2%",
    "经费控制情况|2021年决算数|2022年预算数|2022年决算数",
    "三公经费|902960.8|1150000|974872.99",
    "1、公务用车购置和维护经费|821482.8|1000000|941147.99",
    "3、公务接待|81478|150000|33725",
    "公用经费|6372184.06|5711900|6,369,381.87",
    "政府采购金额|——|1290000|4599719",
};

static const char *const indicator_rows[] = {
    "一级指标|分值|二级指标|分值|三级\n指标|分值|评价标准|指标说明|得分",
    "投入|18|目标设定|5|绩效\n目标\n合理性|5|…|…|5",
    "||预算配置|13|在职\n人员\n控制率|3|…|…|3",
    "||||“三公\n经费”\n变动率|5|…|…|5",
    "||||重点\n支出\n安排率|5|…|…|5",
    "过  程|56|预算执行|31|预算\n执行率|6|…|…|4.5",
    "||||预算\n调整率|5|…|…|5",
    "||||结转\n结余率|5|…|…|5",
    "||||公用\n经费\n控制率|5|…|…|5",
    "||||“三公\n经费”\n控制率|5|…|…|5",
    "||||政府\n采购\n执行率|5|…|…|0",
    "||预算管理|16|管理\n制度\n健全性|4|…||4",
    "||||资金\n使用\n合规性|8|…||8",
    "||||预决算信息\n公开性|4|…|…|4",
    "||资产管理|9|资产\n管理\n制度\n健全性|3|…|…|3",
    "||||资产\n管理\n安全性|5|…|…|4.5",
    "||||固定\n资产\n利用率|1|…|…|1",
    "产出及效率|26|履职产出|8|产出\n指标|8|…|…|8",
    "||履职 效益|6|经济\n效益|6|…|6",
    "||||行政\n效能|6|…|…|6",
    "||||社会\n公众\n或服务对象\n满意度|6|…|…|4",
    "合计|100||91",
};

static const char *const sentences[] = {
    "根据部门整体支出绩效评价指标体系，评价得分为 91分。",
    "（1）预算完成率=（全年预算数10345.85万元）/(预算完成数10345.85万元)*100%=100%，得3分。",
    "支付进度率91.51%，计1.5分。",
    "（3） 结转结余率=结转结余总额0/支出预算数6243.85万元×100%=0（以决算为准）,得5分,",
    "（4） 公用经费控制率=（实际支出公用经费总额636.94万元-伙食补助费83.808万元）/预算安排公用经费"
    "总额571.19万元）*100%=96.84%，得5分",
    "重点支出安排率100%。",
    "6.履职效益得18分",
    "（3）社会公众或服务对象满意度得4分：人民群众食品安全满意度达88.96%。",
};

#define N(a) (sizeof(a) / sizeof *(a))

static void seed003_docx(void **state)
{
    (void)state;
    og_docx d = {0};
    for (size_t i = 0; i < N(sentences); i++)
        og_docx_para(&d, sentences[i]);
    og_docx_para(&d, "附表1：整体支出绩效自评基础数据表");
    og_docx_table(&d, 4, base_rows, N(base_rows));
    og_docx_para(&d, "附表2：部门整体支出绩效自评共性指标表");
    og_docx_table(&d, 9, indicator_rows, N(indicator_rows));
    const char *path = og_tmp("seed003.docx");
    assert_true(og_docx_write(&d, path));
    static eval e;
    evaluate_file(&e, path);
    expect_seed003(&e.o, false);
    assert_non_null(finding(&e.o, "OVERALL-SECTION-SUM", "6 + 6 + 4 = 16"));
}

static void seed003_xlsx(void **state)
{
    (void)state;
    og_xlsx x = {0};
    og_xlsx_sheet(&x, "附表1");
    og_xlsx_table(&x, 1, base_rows, N(base_rows));
    og_xlsx_sheet(&x, "附表2");
    og_xlsx_table(&x, 1, indicator_rows, N(indicator_rows));
    og_xlsx_sheet(&x, "报告");
    og_xlsx_table(&x, 1, sentences, N(sentences));
    const char *path = og_tmp("seed003.xlsx");
    assert_true(og_xlsx_write(&x, path));
    static eval e;
    evaluate_file(&e, path);
    expect_seed003(&e.o, false);
}

/* ---- findings the seed does not trigger ------------------------------------------------ */

/* The example JSON with `from` replaced by `to` (once). */
static char *edited(const char *from, const char *to)
{
    size_t len;
    char *text = og_read_file(JX_RULES_DIR "/../examples/ningxiang-2022-overall.json", &len);
    assert_non_null(text);
    char *at = strstr(text, from);
    assert_non_null(at);
    size_t fl = strlen(from), tl = strlen(to);
    char *out = malloc(len + tl + 1);
    assert_non_null(out);
    memcpy(out, text, (size_t)(at - text));
    memcpy(out + (at - text), to, tl);
    strcpy(out + (at - text) + tl, at + fl);
    free(text);
    return out;
}

static void edited_findings(void **state)
{
    (void)state;
    static const struct {
        const char *from, *to, *code, *text;
        jx_severity sev;
    } cases[] = {
        {"\"政府采购执行率\", \"weight\": 5, \"score_claimed\": 0",
         "\"政府采购执行率\", \"weight\": 5, \"score_claimed\": 5", "OVERALL-SCORE-RULE",
         "单位自评 5 分, 按规则应得 0 分", JX_SEV_WARNING},
        {"\"三公经费控制率\": 84.77", "\"三公经费控制率\": 74.77", "OVERALL-RATE",
         "报告写为 74.77%, 按基础数据计算为 84.77%", JX_SEV_ERROR},
        {"\"三公经费控制率\": 84.77", "\"三公经费控制率\": 84.78", "OVERALL-RATE", "84.78%",
         JX_SEV_INFO},
        {"\"reception_actual\": 33725", "\"reception_actual\": 33726", "OVERALL-BASE-SUM",
         "三公经费本年决算数", JX_SEV_ERROR},
        {"\"total_text\": 91", "\"total_text\": 91, \"grade_claimed\": \"良\"", "OVERALL-GRADE",
         "应为 优", JX_SEV_ERROR},
        {"\"total_claimed\": 91", "\"total_claimed\": 92", "OVERALL-TOTAL", "各指标得分相加为 91",
         JX_SEV_ERROR},
        {"\"score_claimed\": 4.5,\n", "\"score_claimed\": 5.5,\n", "OVERALL-SCORE-RANGE",
         "超出 0 到 5 分", JX_SEV_ERROR},
        {"\"产出指标\"", "\"其他产出\"", "OVERALL-UNKNOWN", "其他产出", JX_SEV_WARNING},
        {"\"unit\":", "\"unknown_field\": 1, \"unit\":", "OVERALL-INPUT", "unknown_field",
         JX_SEV_WARNING},
    };
    for (size_t i = 0; i < N(cases); i++) {
        static eval e;
        char *json = edited(cases[i].from, cases[i].to);
        evaluate_mem(&e, json);
        free(json);
        const jx_finding *f = finding(&e.o, cases[i].code, cases[i].text);
        if (!f) fail_msg("case %zu: no %s with \"%s\"", i, cases[i].code, cases[i].text);
        assert_int_equal(f->severity, cases[i].sev);
        free_live(NULL);
    }
}

static void malformed_input(void **state)
{
    (void)state;
    static const struct {
        const char *json, *want;
    } cases[] = {
        {"{\"base\": {\"staff_actual\": \"288\"}}", "mem.json:1:27:"},
        {"{\"indicators\": [{\"weight\": 3}]}", "缺少 name"},
        {"{\"indicators\": [1]}", "mem.json:1:17:"},
        {"{\"year\": 20.5}", "year"},
        {"{\"amount_unit\": \"千元\"}", "amount_unit"},
        {"{\"sections\": [{\"title\": \"x\"}]}", "title 和 score"},
        {"{\"base\": ", "不是有效的 JSON"},
    };
    for (size_t i = 0; i < N(cases); i++) {
        jx_arena a;
        jx_arena_init(&a);
        jx_overall o;
        jx_overall_init(&o, &a);
        char err[1024];
        bool ok = jx_overall_import_mem(cases[i].json, strlen(cases[i].json), "json", "mem.json",
                                        &o, &rules, err, sizeof err);
        jx_arena_free(&a);
        assert_false(ok);
        if (!strstr(err, cases[i].want))
            fail_msg("case %zu: \"%s\" lacks \"%s\"", i, err, cases[i].want);
    }
    /* text with nothing of an overall evaluation: an error finding, no crash */
    static eval e;
    live = &e;
    jx_arena_init(&e.arena);
    jx_overall_init(&e.o, &e.arena);
    char err[1024];
    const char *text = "一段文字\n\t1\t2\n";
    assert_true(
        jx_overall_import_mem(text, strlen(text), "text", "t.txt", &e.o, &rules, err, sizeof err));
    jx_overall_evaluate(&e.o, &rules);
    assert_non_null(finding(&e.o, "OVERALL-NO-TABLE", NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(staff_control),
        cmocka_unit_test(three_public_change),
        cmocka_unit_test(key_spending),
        cmocka_unit_test(budget_completion_and_payment),
        cmocka_unit_test(adjustment_and_carryover),
        cmocka_unit_test(control_rates),
        cmocka_unit_test(procurement_both_sides),
        cmocka_unit_test(fixed_assets_and_satisfaction),
        cmocka_unit_test(step_modes),
        cmocka_unit_test(the_rule_set),
        cmocka_unit_test(loader_is_strict),
        cmocka_unit_test(extends_replaces_by_name),
        cmocka_unit_test_teardown(seed003_text, free_live),
        cmocka_unit_test_teardown(seed003_example_json, free_live),
        cmocka_unit_test_teardown(seed003_docx, free_live),
        cmocka_unit_test_teardown(seed003_xlsx, free_live),
        cmocka_unit_test_teardown(edited_findings, free_live),
        cmocka_unit_test_teardown(malformed_input, free_live),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
