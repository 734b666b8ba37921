/* test_value_seeds.c — the value parser against every target cell of the real seeds.
 *
 * Reads the seed documents 002_*.txt (31 大同 2024 tables) and 004_*.txt
 * (相山区 2023) from $JX_SEEDS (set by tests/run.sh; default ../shared/seeds),
 * splits every line on TAB and checks each cell of a shape SPEC §4 names:
 * a cell starting with an operator (≥ ≤ ＜ ＞ < > = ═ ≧ ≦ ≈) and holding a
 * digit must parse as a number with that operator; an operator with no digit
 * ("≥次", "=%", "≤万/件") must be unit-only; a date or month
 * ("2024年12月31日前", "2024年7月前", "12月31日前", "2024年底前") must be a
 * deadline; and the achievement phrases 达成预期指标 / 完成预期指标 (达成) and
 * 达成预期指标并具有一定效果 (部分达成) must give their level. Every failing cell
 * is printed; the test also requires a minimum number of cells per class so
 * it fails when the seeds cannot be found or read (it never skips).
 */
#include "testutil.h"

#include <dirent.h>

#include "value/value.h"

/* Cells counted in the seeds when this test was written (002 + 004):
 * 511 operator+number, 251 unit-only, 45 deadline, 173 level cells. The
 * minimums are about 90% of those. */
#define MIN_NUMBER 460
#define MIN_UNIT_ONLY 225
#define MIN_DEADLINE 40
#define MIN_LEVEL 155

typedef struct {
    size_t number, unit_only, deadline, level;
    size_t failures;
    size_t files;
} tally;

static const struct {
    const char *text;
    jx_op op;
} OPERATORS[] = {
    {"≥", JX_OP_GE},  {"≧", JX_OP_GE}, {"≤", JX_OP_LE},     {"≦", JX_OP_LE},
    {"＜", JX_OP_LT}, {"<", JX_OP_LT}, {"＞", JX_OP_GT},    {">", JX_OP_GT},
    {"=", JX_OP_EQ},  {"═", JX_OP_EQ}, {"≈", JX_OP_APPROX},
};

static const char *seeds_dir(void)
{
    const char *d = getenv("JX_SEEDS");
    return d && *d ? d : "../shared/seeds";
}

static bool has_digit(const char *s)
{
    for (; *s; s++)
        if (*s >= '0' && *s <= '9') return true;
    return false;
}

/* full-width digits ０-９ = EF BC 90..99 */
static bool has_fw_digit(const char *s)
{
    for (; s[0] && s[1] && s[2]; s++)
        if ((unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBC &&
            (unsigned char)s[2] >= 0x90 && (unsigned char)s[2] <= 0x99)
            return true;
    return false;
}

/* Leading operator of a cell, or false. ">=" / "<=" are not in the seeds but
 * count as their two-character forms. */
static bool leading_op(const char *cell, jx_op *op)
{
    if (strncmp(cell, ">=", 2) == 0) {
        *op = JX_OP_GE;
        return true;
    }
    if (strncmp(cell, "<=", 2) == 0) {
        *op = JX_OP_LE;
        return true;
    }
    for (size_t i = 0; i < sizeof OPERATORS / sizeof *OPERATORS; i++)
        if (strncmp(cell, OPERATORS[i].text, strlen(OPERATORS[i].text)) == 0) {
            *op = OPERATORS[i].op;
            return true;
        }
    return false;
}

/* Up to n ASCII digits (at least 1) at s; returns how many were read. */
static size_t digits(const char *s, size_t max)
{
    size_t i = 0;
    while (i < max && s[i] >= '0' && s[i] <= '9')
        i++;
    return i;
}

static bool eat(const char **p, const char *word)
{
    size_t n = strlen(word);
    if (strncmp(*p, word, n) != 0) return false;
    *p += n;
    return true;
}

/* /^(\d{4}年)?\d{1,2}月(\d{1,2}日)?前?$/ or "2024年底前" */
static bool is_date_cell(const char *cell)
{
    if (strcmp(cell, "2024年底前") == 0) return true;
    const char *p = cell;
    size_t n = digits(p, 5);
    if (n == 4) {
        const char *q = p + 4;
        if (eat(&q, "年")) p = q;
    }
    n = digits(p, 3);
    if (n < 1 || n > 2) return false;
    p += n;
    if (!eat(&p, "月")) return false;
    n = digits(p, 3);
    if (n) {
        if (n > 2) return false;
        p += n;
        if (!eat(&p, "日")) return false;
    }
    eat(&p, "前");
    return *p == '\0';
}

static void check_cell(const char *cell, const char *file, long line, tally *t)
{
    jx_value v;
    jx_op op;
    char num[JX_DEC_BUF];
    if (leading_op(cell, &op)) {
        jx_value_parse(cell, &v);
        if (has_digit(cell) || has_fw_digit(cell)) {
            t->number++;
            if (v.kind != JX_VAL_NUMBER || v.op != op) {
                t->failures++;
                printf("  %s:%ld: \"%s\" -> %s op \"%s\" number %s unit \"%s\"; expected number "
                       "with op \"%s\"\n",
                       file, line, cell, jx_val_kind_name(v.kind), jx_op_symbol(v.op),
                       jx_dec_fmt(v.number, num), v.unit, jx_op_symbol(op));
            }
        } else {
            t->unit_only++;
            if (v.kind != JX_VAL_UNIT_ONLY || v.op != op) {
                t->failures++;
                printf("  %s:%ld: \"%s\" -> %s op \"%s\" unit \"%s\"; expected unit-only with op "
                       "\"%s\"\n",
                       file, line, cell, jx_val_kind_name(v.kind), jx_op_symbol(v.op), v.unit,
                       jx_op_symbol(op));
            }
        }
        return;
    }
    if (is_date_cell(cell)) {
        t->deadline++;
        jx_value_parse(cell, &v);
        if (v.kind != JX_VAL_DEADLINE || v.month < 1 || v.month > 12 || v.relative) {
            t->failures++;
            printf("  %s:%ld: \"%s\" -> %s %d-%d-%d; expected a deadline\n", file, line, cell,
                   jx_val_kind_name(v.kind), v.year, v.month, v.day);
        }
        return;
    }
    jx_level want = JX_LEVEL_NONE;
    if (strcmp(cell, "达成预期指标") == 0 || strcmp(cell, "完成预期指标") == 0)
        want = JX_LEVEL_MET;
    else if (strcmp(cell, "达成预期指标并具有一定效果") == 0)
        want = JX_LEVEL_PARTIAL;
    if (want != JX_LEVEL_NONE) {
        t->level++;
        jx_value_parse(cell, &v);
        if (v.kind != JX_VAL_LEVEL || v.level != want) {
            t->failures++;
            printf("  %s:%ld: \"%s\" -> %s level \"%s\"; expected level \"%s\"\n", file, line, cell,
                   jx_val_kind_name(v.kind), jx_level_name(v.level), jx_level_name(want));
        }
    }
}

static void check_file(const char *path, const char *name, tally *t)
{
    FILE *fp = fopen(path, "r");
    if (!fp) fail_msg("cannot open seed %s", path);
    t->files++;
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    long lineno = 0;
    while ((len = getline(&line, &cap, fp)) != -1) {
        lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        char *save = line;
        for (char *p = line;; p++) {
            if (*p == '\t' || *p == '\0') {
                bool end = *p == '\0';
                *p = '\0';
                if (*save) check_cell(save, name, lineno, t);
                save = p + 1;
                if (end) break;
            }
        }
    }
    free(line);
    fclose(fp);
}

static bool wanted(const char *name)
{
    size_t n = strlen(name);
    return n > 8 && (strncmp(name, "002_", 4) == 0 || strncmp(name, "004_", 4) == 0) &&
           strcmp(name + n - 4, ".txt") == 0;
}

static void seed_cells_parse(void **state)
{
    (void)state;
    const char *dir = seeds_dir();
    DIR *d = opendir(dir);
    if (!d) fail_msg("seed directory %s cannot be opened (set JX_SEEDS)", dir);
    tally t;
    memset(&t, 0, sizeof t);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!wanted(e->d_name)) continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        check_file(path, e->d_name, &t);
    }
    closedir(d);
    printf("  seeds: %zu files, %zu number cells, %zu unit-only, %zu deadlines, %zu levels, %zu "
           "failures\n",
           t.files, t.number, t.unit_only, t.deadline, t.level, t.failures);
    if (t.files < 2)
        fail_msg("expected the seeds 002_*.txt and 004_*.txt in %s, found %zu files", dir, t.files);
    if (t.number < MIN_NUMBER)
        fail_msg("only %zu operator+number cells (expected >= %d)", t.number, MIN_NUMBER);
    if (t.unit_only < MIN_UNIT_ONLY)
        fail_msg("only %zu unit-only cells (expected >= %d)", t.unit_only, MIN_UNIT_ONLY);
    if (t.deadline < MIN_DEADLINE)
        fail_msg("only %zu deadline cells (expected >= %d)", t.deadline, MIN_DEADLINE);
    if (t.level < MIN_LEVEL) fail_msg("only %zu level cells (expected >= %d)", t.level, MIN_LEVEL);
    if (t.failures) fail_msg("%zu seed cells parsed wrongly (listed above)", t.failures);
}

/* The classifier of this test itself, so a broken pattern cannot pass silently. */
static void date_pattern_self_check(void **state)
{
    (void)state;
    assert_true(is_date_cell("2024年12月31日前"));
    assert_true(is_date_cell("2024年12月31日"));
    assert_true(is_date_cell("2024年7月前"));
    assert_true(is_date_cell("12月31日前"));
    assert_true(is_date_cell("2024年底前"));
    assert_false(is_date_cell("2024年"));
    assert_false(is_date_cell("123月"));
    assert_false(is_date_cell("2024年12月31日以后"));
    assert_false(is_date_cell("1年内完成"));
    jx_op op;
    assert_true(leading_op("≥95%", &op) && op == JX_OP_GE);
    assert_true(leading_op("＜220", &op) && op == JX_OP_LT);
    assert_true(leading_op("═1", &op) && op == JX_OP_EQ);
    assert_false(leading_op("95%", &op));
    assert_true(has_digit("≥5次"));
    assert_false(has_digit("≥次"));
    assert_true(has_fw_digit("≥５次"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(date_pattern_self_check),
        cmocka_unit_test(seed_cells_parse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
