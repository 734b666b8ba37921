/* gen.c — synthetic native JSON for the speed benchmark (bench/run.sh).
 *
 *   gen N [SEED]   write {"projects":[...]} with N projects to stdout
 *
 * Each project looks like a real 项目支出绩效自评表 (SPEC §3, §4): a Chinese
 * name, unit and department, a funds block (万元, sometimes 元) with stated
 * rate and balance, about 30 indicators under 产出/效益/满意度 with every value
 * form of SPEC §4 (≥ ≤ ＜ = ≈ numbers with units such as 元/人/天, 万元 targets
 * against 元 actuals, unit-only targets with target_adjusted, deadlines with
 * date actuals, qualitative targets with level actuals, full-width digits,
 * continuation rows without level1/level2), claimed item scores, total and
 * grade. Claims follow the mof-2020 rules most of the time and are wrong on
 * purpose a few percent of the time, so the audit produces findings.
 *
 * Deterministic for a given seed (own xorshift64* generator), constant
 * memory (projects are written as they are made), buffered output.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- output ------------------------------------------------------------------ */

static char obuf[1 << 20];
static size_t olen;

static void flush_out(void)
{
    if (olen && fwrite(obuf, 1, olen, stdout) != olen) {
        perror("gen: write");
        exit(1);
    }
    olen = 0;
}

static void putn(const char *s, size_t n)
{
    if (olen + n > sizeof obuf) flush_out();
    memcpy(obuf + olen, s, n);
    olen += n;
}

static void puts_(const char *s)
{
    putn(s, strlen(s));
}

/* ---- random numbers ---------------------------------------------------------- */

static uint64_t rng_state;

static uint64_t rnd(void)
{
    uint64_t x = rng_state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    rng_state = x;
    return x * 0x2545F4914F6CDD1DULL;
}

/* uniform in [lo, hi] */
static int64_t range(int64_t lo, int64_t hi)
{
    return lo + (int64_t)(rnd() % (uint64_t)(hi - lo + 1));
}

/* true with probability pct/1000 */
static int chance(int permille)
{
    return (int)(rnd() % 1000) < permille;
}

#define PICK(arr) (arr[rnd() % (sizeof arr / sizeof *arr)])

/* ---- exact decimals (value × 10^6), as jixiao computes ----------------------- */

typedef int64_t dec;
__extension__ typedef __int128 i128;
#define SCALE 1000000LL
#define D(x) ((dec)(x)*SCALE)

/* round(a * b / c) half-up to `decimals` decimals, like jx_dec_ratio */
static dec ratio(dec a, dec b, dec c, int decimals)
{
    static const int64_t p10[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
    i128 unit = p10[6 - decimals];
    i128 num = (i128)a * b, den = (i128)c * unit;
    if (den < 0) num = -num, den = -den;
    i128 mag = num < 0 ? -num : num;
    i128 q = (mag * 2 + den) / (den * 2);
    return (dec)((num < 0 ? -q : q) * unit);
}

/* Format v with as few decimals as needed ("99.18", "10"). */
static char *fmt_dec(dec v, char *buf)
{
    uint64_t mag = v < 0 ? (uint64_t)-v : (uint64_t)v;
    uint64_t whole = mag / SCALE, frac = mag % SCALE;
    char *p = buf;
    if (v < 0) *p++ = '-';
    char tmp[24];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + whole % 10);
        whole /= 10;
    } while (whole);
    while (n)
        *p++ = tmp[--n];
    if (frac) {
        *p++ = '.';
        int digits = 6;
        while (frac % 10 == 0)
            frac /= 10, digits--;
        for (int i = digits - 1; i >= 0; i--) {
            p[i] = (char)('0' + frac % 10);
            frac /= 10;
        }
        p += digits;
    }
    *p = '\0';
    return buf;
}

static void put_dec(dec v)
{
    char b[32];
    puts_(fmt_dec(v, b));
}

static void put_int(long v)
{
    char b[24];
    snprintf(b, sizeof b, "%ld", v);
    puts_(b);
}

/* ASCII digits, '.', '%' and ',' to their full-width forms (SPEC §4). */
static void fullwidth(const char *in, char *out)
{
    for (; *in; in++) {
        unsigned char c = (unsigned char)*in;
        if ((c >= '0' && c <= '9') || c == '.' || c == '%' || c == ',') {
            unsigned cp = 0xFF01 + (c - 0x21);
            *out++ = (char)0xEF;
            *out++ = (char)(0xBC + ((cp >> 6) & 1));
            *out++ = (char)(0x80 | (cp & 0x3F));
        } else {
            *out++ = (char)c;
        }
    }
    *out = '\0';
}

/* ---- word lists ---------------------------------------------------------------- */

static const char *const PLACES[] = {"大同市", "平城区", "云冈区", "新荣区", "阳高县", "天镇县",
                                     "广灵县", "灵丘县", "浑源县", "左云县", "淮北市", "相山区",
                                     "杜集区", "烈山区", "濉溪县", "宜宾市", "曲靖市", "桂林市"};
static const char *const DEPTS[] = {
    "市场监督管理局",   "财政局",       "教育局",    "卫生健康委员会",       "农业农村局",
    "交通运输局",       "生态环境局",   "民政局",    "人力资源和社会保障局", "文化和旅游局",
    "住房和城乡建设局", "自然资源局",   "水务局",    "应急管理局",           "司法局",
    "统计局",           "林业和草原局", "医疗保障局"};
static const char *const TOPICS[] = {
    "信用监管经费",         "特种设备监管费",       "食品安全抽检经费",   "农村公路养护资金",
    "学生营养改善计划资金", "基层医疗卫生机构补助", "高标准农田建设项目", "城乡低保资金",
    "就业创业补贴",         "文物保护专项资金",     "老旧小区改造项目",   "森林防火经费",
    "河道综合治理项目",     "安全生产执法经费",     "法律援助经费",       "统计调查经费",
    "优化营商环境服务经费", "放心消费创建经费",     "广告监测经费",       "外资企业服务经费"};
static const char *const NAMES_QTY[] = {"检查企业户数",     "开展宣传活动次数", "培训人次",
                                        "抽检批次",         "发放宣传材料份数", "覆盖行政村数量",
                                        "受理投诉举报件数", "补助发放人数",     "新建设施数量",
                                        "完成检测样本数",   "举办专题讲座场次", "入企督导检查次数"};
static const char *const NAMES_QUAL[] = {"抽检合格率", "案件办结率", "资金发放准确率",
                                         "验收合格率", "问题整改率", "设备完好率",
                                         "数据准确率", "培训合格率"};
static const char *const NAMES_TIME[] = {"资金拨付及时性",   "项目完成时间", "检测报告出具时间",
                                         "补助发放完成时间", "工程竣工时间", "宣传活动如期开展"};
static const char *const NAMES_COST[] = {"培训成本",       "单位检测成本", "人均补助标准",
                                         "每公里养护成本", "印章刻制费用", "宣传材料制作成本",
                                         "项目总成本",     "会议成本"};
static const char *const NAMES_SOC[] = {"市场监管能力",        "群众满意程度", "营商环境",
                                        "公共安全水平",        "群众防范意识", "公共服务水平",
                                        "网络经营主体规范水平"};
static const char *const NAMES_ECO[] = {"带动就业人数", "增加农民收入", "降低企业办事成本"};
static const char *const NAMES_SUS[] = {"长效机制建立", "持续发挥作用", "制度建设完善程度"};
static const char *const NAMES_SAT[] = {"服务对象满意度", "企业满意度", "群众满意度",
                                        "受益人员满意度"};
static const char *const QUAL_TARGETS[] = {"不断提高",   "逐步提高",   "有效",     "长期",
                                           "达规定标准", "按政策规定", "明显改善", "持续发挥"};
static const char *const COUNT_UNITS[] = {"个", "家", "次", "家次", "人次", "场次",
                                          "份", "套", "户", "人",   "批次"};
static const char *const REASONS[] = {
    "因疫情影响部分活动未能按期开展", "年初指标设置偏高, 今后加强预算编制的准确性",
    "因科室人员少, 工作量大",         "部分资金尚未拨付, 下一步加快执行进度",
    "受天气影响工程进度滞后",         "第三方服务采购未完成"};

/* ---- one indicator ----------------------------------------------------------- */

typedef struct {
    const char *level1, *level2;
    int kind; /* K_* */
    int count;
} group;

enum { K_QTY, K_PCT, K_TIME, K_COST, K_QUAL, K_ECO, K_SAT };

/* Score by mof-2020: positive target t, actual a (same unit). */
static dec score_pos(dec w, dec t, dec a)
{
    if (a >= t) return w;
    if (a <= 0) return 0;
    return ratio(w, a, t, 2);
}

/* Reverse (≤) target, linear rule. */
static dec score_rev(dec w, dec t, dec a)
{
    if (a <= t) return w;
    dec left = 2 * t - a;
    return left <= 0 ? 0 : ratio(w, left, t, 2);
}

typedef struct {
    char target[96], adjusted[96], actual[96];
    dec rule; /* what mof-2020 gives, in points */
    int over; /* actual ≥ 130% of a positive target: explanation required */
} cell;

static void qty(cell *c, dec w, int year)
{
    (void)year;
    static const int T[] = {5, 10, 12, 20, 30, 50, 75, 100, 150, 200, 300, 500, 1000, 1600, 2000};
    int t = PICK(T);
    const char *u = PICK(COUNT_UNITS);
    int f = chance(700)   ? (int)range(100, 125)
            : chance(660) ? (int)range(60, 99)
                          : (int)range(130, 160);
    int a = (int)((int64_t)t * f / 100);
    char num[32];
    snprintf(num, sizeof num, "%d", t);
    if (chance(150)) { /* unit-only target, the number in 调整后指标值 */
        snprintf(c->target, sizeof c->target, "≥%s", u);
        snprintf(c->adjusted, sizeof c->adjusted, "≥%d%s", t, u);
    } else if (chance(100)) { /* full-width digits */
        char fw[64];
        fullwidth(num, fw);
        snprintf(c->target, sizeof c->target, "≥%s%s", fw, u);
    } else {
        snprintf(c->target, sizeof c->target, "%s%d%s", chance(100) ? "不少于" : "≥", t, u);
    }
    snprintf(c->actual, sizeof c->actual, "%s%d%s", chance(200) ? "≥" : "", a, u);
    c->rule = score_pos(w, D(t), D(a));
    c->over = a * 100 >= t * 130;
}

static void pct(cell *c, dec w, int satisfaction)
{
    static const int T[] = {80, 85, 90, 95, 98, 100};
    int t = satisfaction ? (int)range(85, 95) : PICK(T);
    dec a;
    if (chance(850))
        a = D(t) + (t < 100 ? range(0, (100 - t) * 100) * 10000 : 0);
    else
        a = D(t) - range(50, 1000) * 10000;
    char an[32];
    fmt_dec(a, an);
    const char *op = t == 100 ? (chance(500) ? "=" : "≈") : "≥";
    snprintf(c->target, sizeof c->target, "%s%d%%", op, t);
    if (chance(80)) {
        char fw[64];
        fullwidth(an, fw);
        snprintf(c->actual, sizeof c->actual, "%s％", fw);
    } else {
        snprintf(c->actual, sizeof c->actual, "%s%%", an);
    }
    c->rule = score_pos(w, D(t), a);
}

static void deadline(cell *c, dec w, int year, dec *claim_partial)
{
    int month = chance(600) ? 12 : (int)range(6, 11);
    static const int last[] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 12 && chance(300))
        snprintf(c->target, sizeof c->target, "%d年底前", year);
    else if (month == 12 && chance(200))
        snprintf(c->target, sizeof c->target, "12月31日前");
    else if (chance(300))
        snprintf(c->target, sizeof c->target, "%d年%d月前", year, month);
    else
        snprintf(c->target, sizeof c->target, "%d年%d月%d日前", year, month, last[month]);
    int r = (int)range(0, 99);
    if (r < 70) { /* met, with a date */
        int m = (int)range(month > 3 ? month - 3 : 1, month);
        int d = (int)range(1, last[m]);
        if (chance(300))
            snprintf(c->actual, sizeof c->actual, "%d-%02d-%02d", year, m, d);
        else
            snprintf(c->actual, sizeof c->actual, "%d年%d月%d日", year, m, d);
        c->rule = w;
    } else if (r < 88) { /* met, said in words */
        snprintf(c->actual, sizeof c->actual, "%s", chance(500) ? "按时完成" : "达成预期指标");
        c->rule = w;
    } else { /* missed: 部分达成 band, the unit claims 70% */
        snprintf(c->actual, sizeof c->actual, "%d年%d月%d日", year + 1, (int)range(1, 3),
                 (int)range(1, 28));
        c->rule = ratio(w, D(70), D(100), 2);
        *claim_partial = 1;
    }
}

static void cost(cell *c, dec w)
{
    int form = (int)range(0, 5);
    dec t, a;
    int over = chance(150);
    switch (form) {
    case 0: /* ≤400元/人/天 against 380元/天/人 */
        t = D(PICK(((const int[]){300, 350, 400, 450, 500})));
        a = over ? t + range(1, 80) * SCALE : t - range(0, 120) * SCALE;
        snprintf(c->target, sizeof c->target, "≤%lld元/人/天", (long long)(t / SCALE));
        snprintf(c->actual, sizeof c->actual, "%s%lld元/天/人", chance(400) ? "≤" : "",
                 (long long)(a / SCALE));
        break;
    case 1: /* ≤2.5万元/家 against 24000元/家: 万元 vs 元 */
        t = D(PICK(((const int[]){1, 2, 3, 5}))) + range(0, 9) * 100000;
        a = over ? t + range(1, 5) * 100000 : t - range(0, 9) * 50000;
        {
            char tn[32];
            snprintf(c->target, sizeof c->target, "≤%s万元/家", fmt_dec(t, tn));
            snprintf(c->actual, sizeof c->actual, "%lld元/家",
                     (long long)(a / 100)); /* × 10000 / 10^6 */
        }
        break;
    case 2: /* 元/人/次≤400元/人/次 */
        t = D(PICK(((const int[]){100, 120, 200, 400})));
        a = over ? t + range(1, 40) * SCALE : t - range(0, 60) * SCALE;
        snprintf(c->target, sizeof c->target, "元/人/次≤%lld元/人/次", (long long)(t / SCALE));
        snprintf(c->actual, sizeof c->actual, "≤%lld元/人/次", (long long)(a / SCALE));
        break;
    case 3: /* ＜220 with no unit */
        t = D(PICK(((const int[]){120, 180, 220, 300})));
        a = over ? t + range(1, 30) * SCALE : t - range(1, 40) * SCALE;
        snprintf(c->target, sizeof c->target, "＜%lld", (long long)(t / SCALE));
        snprintf(c->actual, sizeof c->actual, "%lld", (long long)(a / SCALE));
        break;
    case 4: /* ≤60万元 against 58.5万元 */
        t = D(range(10, 120));
        a = over ? t + range(1, 50) * 100000 : t - range(0, 80) * 100000;
        {
            char an[32];
            snprintf(c->target, sizeof c->target, "%s%lld万元", chance(200) ? "不超过" : "≤",
                     (long long)(t / SCALE));
            snprintf(c->actual, sizeof c->actual, "%s万元", fmt_dec(a, an));
        }
        break;
    default: /* ≤6000元/件 against ≤1,020元/件 */
        t = D(PICK(((const int[]){1000, 2000, 6000})));
        a = over ? t + range(1, 500) * SCALE : t - range(0, 900) * SCALE;
        {
            long long av = (long long)(a / SCALE);
            if (av >= 1000 && chance(300))
                snprintf(c->actual, sizeof c->actual, "≤%lld,%03lld元/件", av / 1000, av % 1000);
            else
                snprintf(c->actual, sizeof c->actual, "≤%lld元/件", av);
            snprintf(c->target, sizeof c->target, "≤%lld元/件", (long long)(t / SCALE));
        }
        break;
    }
    c->rule = score_rev(w, t, a);
}

/* Qualitative: returns the level (0 met, 1 partial, 2 not met). */
static int qual(cell *c, dec w)
{
    snprintf(c->target, sizeof c->target, "%s", PICK(QUAL_TARGETS));
    int r = (int)range(0, 99);
    if (r < 78) {
        snprintf(c->actual, sizeof c->actual, "%s", chance(800) ? "达成预期指标" : "完成");
        c->rule = w;
        return 0;
    }
    if (r < 95) {
        snprintf(c->actual, sizeof c->actual, "%s",
                 chance(500) ? "部分达成年度指标并具有一定效果" : "达成预期指标并具有一定效果");
        c->rule = ratio(w, D(70), D(100), 2);
        return 1;
    }
    snprintf(c->actual, sizeof c->actual, "未达成年度指标且效果较差");
    c->rule = ratio(w, D(30), D(100), 2);
    return 2;
}

/* Write one indicator; returns the claimed score (JX_NONE never: always claimed). */
static dec indicator(const group *g, int first_in_group, int first_in_level1, dec w, int year)
{
    cell c;
    memset(&c, 0, sizeof c);
    const char *name;
    dec partial = 0;
    switch (g->kind) {
    case K_QTY:
        name = PICK(NAMES_QTY);
        qty(&c, w, year);
        break;
    case K_PCT:
        name = PICK(NAMES_QUAL);
        pct(&c, w, 0);
        break;
    case K_TIME:
        name = PICK(NAMES_TIME);
        deadline(&c, w, year, &partial);
        break;
    case K_COST:
        name = PICK(NAMES_COST);
        cost(&c, w);
        break;
    case K_ECO:
        if (chance(500)) {
            name = PICK(NAMES_ECO);
            qty(&c, w, year);
            break;
        }
        name = PICK(NAMES_SUS);
        qual(&c, w);
        break;
    case K_SAT:
        name = PICK(NAMES_SAT);
        pct(&c, w, 1);
        break;
    default:
        name = PICK(NAMES_SOC);
        qual(&c, w);
        break;
    }
    dec claim = c.rule;
    if (chance(40))
        claim = w; /* generous self-scoring, on purpose */
    else if (chance(10))
        claim = claim > D(1) ? claim - 500000 : claim; /* arithmetic slip */

    puts_("    {");
    /* merged cells: continuation rows leave level1 (and level2) out */
    if (first_in_level1 || first_in_group || chance(300)) {
        puts_("\"level1\":\"");
        puts_(g->level1);
        puts_("\",\"level2\":\"");
        puts_(g->level2);
        puts_("\",");
    }
    puts_("\"name\":\"");
    puts_(name);
    puts_("\",\"target\":\"");
    puts_(c.target);
    puts_("\",");
    if (c.adjusted[0]) {
        puts_("\"target_adjusted\":\"");
        puts_(c.adjusted);
        puts_("\",");
    }
    puts_("\"actual\":\"");
    puts_(c.actual);
    puts_("\",\"weight\":");
    put_dec(w);
    puts_(",\"score_claimed\":");
    put_dec(claim);
    puts_(",\"reason\":");
    if ((claim < w || c.over) && chance(900)) {
        puts_("\"");
        puts_(PICK(REASONS));
        puts_("\"");
    } else {
        puts_("null");
    }
    puts_("}");
    return claim;
}

/* ---- one project ---------------------------------------------------------------- */

static const char *grade_of(dec total)
{
    return total >= D(90) ? "优" : total >= D(80) ? "良" : total >= D(60) ? "中" : "差";
}

/* Split `total` points over n items in steps of 0.5. */
static dec share_weight(dec total, int n, int i)
{
    int64_t halves = total / 500000;
    int64_t base = halves / n, rem = halves % n;
    return (base + (i < rem ? 1 : 0)) * 500000;
}

static void put_amount(dec v, int as_string, int yuan)
{
    char b[32], fw[96];
    fmt_dec(v, b);
    if (!as_string) {
        puts_(b);
        return;
    }
    putn("\"", 1);
    if (as_string == 1) {
        fullwidth(b, fw);
        puts_(fw);
    } else {
        puts_(b);
        puts_(yuan ? "元" : "万元");
    }
    putn("\"", 1);
}

static void project(long index)
{
    int year = chance(700) ? 2024 : 2023;
    int yuan = chance(100);
    const char *place = PICK(PLACES), *dept = PICK(DEPTS), *topic = PICK(TOPICS);

    /* funds, exact in 元 (budget up to 20 million 元) */
    int64_t budget_yuan = range(5, 20000) * 1000 + range(0, 999);
    int64_t exec_yuan =
        chance(700) ? budget_yuan - range(0, budget_yuan / 50) : budget_yuan * range(40, 97) / 100;
    int64_t initial_yuan = chance(850) ? budget_yuan : budget_yuan * range(80, 160) / 100;
    /* in the project's unit: 1 元 = 0.0001 万元 = 100 micro-万元 */
    dec unit = yuan ? SCALE : 100;
    dec budget = budget_yuan * unit, executed = exec_yuan * unit, initial = initial_yuan * unit;
    dec balance = budget - executed;
    dec rate = ratio(executed, D(100), budget, 2);
    dec exec_score = ratio(D(10), executed > budget ? budget : executed, budget, 2);
    if (chance(20)) rate += 10000;   /* 84.25 for 84.26, as in seed 004 */
    if (chance(20)) balance += D(1); /* balance that does not add up */
    dec exec_claim = chance(20) ? D(10) : exec_score;

    puts_(index ? ",\n  {" : "\n  {");
    puts_("\"name\":\"");
    if (chance(300)) {
        put_int(year);
        puts_("年");
    }
    puts_(topic);
    puts_("\",\"year\":");
    put_int(year);
    puts_(",\"unit\":\"");
    puts_(place);
    puts_(dept);
    puts_("\",\"department\":\"");
    puts_(place);
    puts_(dept);
    puts_("\",\"amount_unit\":\"");
    puts_(yuan ? "元" : "万元");
    puts_("\",\n   \"funds\":{\"budget_initial\":");
    put_amount(initial, 0, yuan);
    puts_(",\"budget\":");
    put_amount(budget, chance(30) ? 2 : 0, yuan);
    puts_(",\"executed\":");
    if (!yuan && chance(15) && executed < D(100) && executed >= D(10)) {
        /* "13,092": a comma typed for the decimal point (seed 002) */
        char b[32];
        fmt_dec(executed, b);
        char *dot = strchr(b, '.');
        if (dot && strlen(dot + 1) == 3) {
            *dot = ',';
            puts_("\"");
            puts_(b);
            puts_("\"");
        } else {
            put_amount(executed, 0, yuan);
        }
    } else {
        put_amount(executed, chance(30) ? 1 : 0, yuan);
    }
    puts_(",\"balance\":");
    put_amount(balance, 0, yuan);
    puts_(",\"execution_rate\":");
    put_dec(rate);
    puts_(",\"execution_score_claimed\":");
    put_dec(exec_claim);
    puts_(",\"reason\":");
    puts_(rate < D(90) ? "\"部分项目尚未完成验收, 资金未支付\"" : "null");
    puts_("},\n   \"indicators\":[\n");

    /* about 30 indicators: 产出 50, 效益 30, 满意度 10 */
    group groups[] = {
        {"产出指标", "数量指标", K_QTY, (int)range(5, 8)},
        {"产出指标", "质量指标", K_PCT, (int)range(3, 5)},
        {"产出指标", "时效指标", K_TIME, (int)range(3, 5)},
        {"产出指标", "成本指标", K_COST, (int)range(3, 5)},
        {"效益指标", "社会效益指标", K_QUAL, (int)range(4, 6)},
        {"效益指标", "经济效益指标", K_ECO, (int)range(1, 3)},
        {"效益指标", "可持续影响指标", K_QUAL, (int)range(1, 3)},
        {"满意度指标", "服务对象满意度指标", K_SAT, (int)range(2, 3)},
    };
    const int ng = (int)(sizeof groups / sizeof *groups);
    int per_level1[3] = {0, 0, 0};
    for (int i = 0; i < ng; i++)
        per_level1[i < 4 ? 0 : i < 7 ? 1 : 2] += groups[i].count;
    const dec l1_weight[3] = {D(50), D(30), D(10)};
    int l1_index[3] = {0, 0, 0};
    int wrong_weights = chance(20); /* weights adding up to 99 */
    dec claimed_sum = 0;
    int written = 0;
    for (int gi = 0; gi < ng; gi++) {
        int l1 = gi < 4 ? 0 : gi < 7 ? 1 : 2;
        for (int k = 0; k < groups[gi].count; k++) {
            dec w = share_weight(l1_weight[l1], per_level1[l1], l1_index[l1]);
            if (wrong_weights && written == 0) w -= D(1);
            if (written) puts_(",\n");
            claimed_sum += indicator(&groups[gi], k == 0, l1_index[l1] == 0, w, year);
            l1_index[l1]++;
            written++;
        }
    }
    dec total = exec_claim + claimed_sum;
    if (chance(30)) total += chance(500) ? D(1) : -D(2); /* total that does not add up */
    const char *grade = grade_of(total);
    if (chance(20)) grade = total >= D(90) ? "良" : "优"; /* grade that does not match */
    puts_("],\n   \"total_claimed\":");
    put_dec(total);
    puts_(",\"grade_claimed\":\"");
    puts_(grade);
    puts_("\"}");
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fputs("usage: gen N [SEED] > file.json — N synthetic projects in jixiao's native JSON\n",
              stderr);
        return 2;
    }
    char *end;
    long n = strtol(argv[1], &end, 10);
    if (*end || n < 0) {
        fprintf(stderr, "gen: N must be a whole number, not \"%s\"\n", argv[1]);
        return 2;
    }
    unsigned long long seed = 1;
    if (argc == 3) {
        seed = strtoull(argv[2], &end, 10);
        if (*end) {
            fprintf(stderr, "gen: SEED must be a whole number, not \"%s\"\n", argv[2]);
            return 2;
        }
    }
    rng_state = seed * 0x9E3779B97F4A7C15ULL + 0x2545F4914F6CDD1DULL;
    if (!rng_state) rng_state = 1;
    puts_("{\"projects\":[");
    for (long i = 0; i < n; i++)
        project(i);
    puts_("\n]}\n");
    flush_out();
    if (fflush(stdout) != 0) {
        perror("gen: write");
        return 1;
    }
    return 0;
}
