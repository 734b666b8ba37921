/* test_rules.c — loading rule sets (SPEC §5, docs/rules.md) and the name helpers.
 *
 * Every shipped set (mof-2020, mof-2020-ratio, mof-2020-deviation, sichuan,
 * yunnan) loads by name and carries the parameters docs/rules.md documents;
 * "extends" changes exactly the fields a file names and keeps the rest; a
 * name that is not a set fails with a message listing the sets there are;
 * rule files written to a mkdtemp() directory show that a field the loader
 * does not know, a value of the wrong type and invalid JSON each fail with
 * the file name and line:column, that an extends loop fails cleanly, and
 * that anything containing '/' or ending in ".json" is read as a path.
 * Finally jx_rules_grade() at every band bound, and jx_rules_level1 /
 * jx_rules_level2_ok / jx_rules_level1_of with whitespace inside names and
 * a missing 指标 suffix.
 */
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"

/* ---- temporary rule files --------------------------------------------------- */

typedef struct {
    char dir[64];
    char files[8][160];
    int n;
} tmpdir;

/* The directory in use: tmpdir values are function-static so that when a test fails
 * (cmocka jumps out before td_remove) the teardown can still remove it. */
static tmpdir *live;

static void td_make(tmpdir *d)
{
    snprintf(d->dir, sizeof d->dir, "/tmp/jx_test_rules_XXXXXX");
    assert_non_null(mkdtemp(d->dir));
    d->n = 0;
    live = d;
}

/* Write dir/name with `text`; returns the path. */
static const char *td_write(tmpdir *d, const char *name, const char *text)
{
    assert_true(d->n < 8);
    char buf[sizeof d->files[0]];
    snprintf(buf, sizeof buf, "%s/%s", d->dir, name);
    char *path = d->files[d->n++];
    memcpy(path, buf, sizeof buf);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
    return path;
}

static void td_remove(tmpdir *d)
{
    for (int i = 0; i < d->n; i++)
        unlink(d->files[i]);
    if (d->dir[0]) rmdir(d->dir);
    d->n = 0;
    d->dir[0] = '\0';
}

static int remove_live(void **state)
{
    (void)state;
    if (live) td_remove(live);
    live = NULL;
    return 0;
}

static jx_rules load_ok(const char *name)
{
    jx_rules r;
    char err[1024] = "";
    if (!jx_rules_load(name, &r, err, sizeof err)) fail_msg("cannot load %s: %s", name, err);
    return r;
}

/* Load must fail; the message is returned in err. */
static void load_fails(const char *name, char *err, size_t len)
{
    jx_rules r;
    err[0] = '\0';
    assert_false(jx_rules_load(name, &r, err, len));
    assert_true(err[0] != '\0');
}

static void contains(const char *msg, const char *part)
{
    if (!strstr(msg, part)) fail_msg("message lacks \"%s\": %s", part, msg);
}

static int level1_index(const jx_rules *r, const char *name)
{
    for (int i = 0; i < r->n_level1; i++)
        if (strcmp(r->level1[i].name, name) == 0) return i;
    fail_msg("rule set %s has no level-1 %s", r->name, name);
    return -1;
}

/* ---- the shipped sets ---------------------------------------------------------- */

static void mof_2020_parameters(void **state)
{
    (void)state;
    jx_rules r = load_ok("mof-2020");
    assert_string_equal(r.name, "mof-2020");
    assert_non_null(strstr(r.source, "mof-2020"));
    assert_dec_equal(r.total_weight, "100");
    assert_dec_equal(r.execution_weight, "10");
    assert_true(r.indicators_weight == JX_NONE);
    assert_int_equal(r.n_level1, 4);
    assert_dec_equal(r.level1[level1_index(&r, "产出指标")].weight, "50");
    assert_dec_equal(r.level1[level1_index(&r, "效益指标")].weight, "30");
    assert_dec_equal(r.level1[level1_index(&r, "满意度指标")].weight, "10");
    assert_true(r.level1[level1_index(&r, "成本指标")].weight == JX_NONE);
    assert_int_equal(r.level1[level1_index(&r, "产出指标")].n_level2, 4);
    assert_int_equal(r.level1[level1_index(&r, "效益指标")].n_level2, 4);
    assert_int_equal(r.level1[level1_index(&r, "满意度指标")].n_level2, 1);
    assert_int_equal(r.level1[level1_index(&r, "成本指标")].n_level2, 3);
    assert_true(r.execution_cap);
    assert_true(r.execution_explain_below == JX_NONE);
    assert_int_equal(r.reverse, JX_REVERSE_LINEAR);
    assert_int_equal(r.equal, JX_EQUAL_POSITIVE);
    assert_true(r.strict_at_target_info);
    assert_dec_equal(r.band_min[JX_LEVEL_MET], "80");
    assert_dec_equal(r.band_max[JX_LEVEL_MET], "100");
    assert_dec_equal(r.band_min[JX_LEVEL_PARTIAL], "60");
    assert_dec_equal(r.band_max[JX_LEVEL_PARTIAL], "80");
    assert_dec_equal(r.band_min[JX_LEVEL_NOT_MET], "0");
    assert_dec_equal(r.band_max[JX_LEVEL_NOT_MET], "60");
    assert_dec_equal(r.level_default[JX_LEVEL_MET], "100");
    assert_dec_equal(r.level_default[JX_LEVEL_PARTIAL], "70");
    assert_dec_equal(r.level_default[JX_LEVEL_NOT_MET], "0");
    assert_int_equal(r.deadline_met, JX_LEVEL_MET);
    assert_int_equal(r.deadline_missed, JX_LEVEL_PARTIAL);
    assert_dec_equal(r.over_threshold, "130");
    assert_true(r.over_needs_reason);
    assert_int_equal(r.over_deduction, JX_OVER_NONE);
    assert_int_equal(r.n_grades, 4);
    static const char *const names[] = {"优", "良", "中", "差"};
    static const char *const mins[] = {"90", "80", "60", "0"};
    for (int i = 0; i < 4; i++) {
        assert_string_equal(r.grades[i].name, names[i]);
        assert_dec_equal(r.grades[i].min, mins[i]);
    }
    assert_true(r.explain_below_weight);
    assert_dec_equal(r.cut_at_least, "20");
    assert_dec_equal(r.cut_execution_at_least, "99");
    assert_int_equal(r.decimals, 2);

    /* the default is mof-2020 */
    jx_rules d;
    char err[512];
    assert_true(jx_rules_default(&d, err, sizeof err));
    assert_string_equal(d.name, "mof-2020");
}

/* Everything of mof-2020 but the fields a derived set changes. */
static void same_as_mof_2020_except(jx_rules r)
{
    jx_rules m = load_ok("mof-2020");
    assert_true(r.total_weight == m.total_weight);
    assert_true(r.execution_weight == m.execution_weight);
    assert_true(r.execution_cap == m.execution_cap);
    assert_true(r.strict_at_target_info == m.strict_at_target_info);
    assert_int_equal(r.equal, m.equal);
    assert_memory_equal(r.band_min, m.band_min, sizeof m.band_min);
    assert_memory_equal(r.band_max, m.band_max, sizeof m.band_max);
    assert_memory_equal(r.level_default, m.level_default, sizeof m.level_default);
    assert_int_equal(r.deadline_met, m.deadline_met);
    assert_int_equal(r.deadline_missed, m.deadline_missed);
    assert_true(r.over_threshold == m.over_threshold);
    assert_true(r.over_needs_reason == m.over_needs_reason);
    assert_int_equal(r.n_grades, m.n_grades);
    assert_memory_equal(r.grades, m.grades, sizeof m.grades);
    assert_true(r.explain_below_weight == m.explain_below_weight);
    assert_true(r.cut_at_least == m.cut_at_least);
    assert_true(r.cut_execution_at_least == m.cut_execution_at_least);
    assert_int_equal(r.decimals, m.decimals);
    assert_int_equal(r.n_level1, m.n_level1);
    for (int i = 0; i < m.n_level1; i++) {
        assert_string_equal(r.level1[i].name, m.level1[i].name);
        assert_int_equal(r.level1[i].n_level2, m.level1[i].n_level2);
        for (int j = 0; j < m.level1[i].n_level2; j++)
            assert_string_equal(r.level1[i].level2[j], m.level1[i].level2[j]);
    }
}

static void mof_2020_ratio_and_deviation(void **state)
{
    (void)state;
    jx_rules r = load_ok("mof-2020-ratio");
    assert_string_equal(r.name, "mof-2020-ratio");
    assert_int_equal(r.reverse, JX_REVERSE_RATIO);
    assert_int_equal(r.over_deduction, JX_OVER_NONE);
    same_as_mof_2020_except(r);

    jx_rules d = load_ok("mof-2020-deviation");
    assert_string_equal(d.name, "mof-2020-deviation");
    assert_int_equal(d.over_deduction, JX_OVER_DEVIATION);
    assert_int_equal(d.reverse, JX_REVERSE_LINEAR);
    same_as_mof_2020_except(d);
}

static void sichuan_parameters(void **state)
{
    (void)state;
    jx_rules r = load_ok("sichuan");
    assert_string_equal(r.name, "sichuan");
    assert_dec_equal(r.indicators_weight, "90");
    assert_dec_equal(r.execution_explain_below, "90");
    assert_dec_equal(r.execution_weight, "10");
    assert_int_equal(r.n_level1, 4);
    for (int i = 0; i < r.n_level1; i++)
        if (r.level1[i].weight != JX_NONE) fail_msg("sichuan fixes %s", r.level1[i].name);
    assert_int_equal(r.reverse, JX_REVERSE_LINEAR);
    same_as_mof_2020_except(r);
}

static void yunnan_parameters(void **state)
{
    (void)state;
    jx_rules r = load_ok("yunnan");
    assert_string_equal(r.name, "yunnan");
    assert_dec_equal(r.level1[level1_index(&r, "产出指标")].weight, "40");
    assert_dec_equal(r.level1[level1_index(&r, "效益指标")].weight, "30");
    assert_dec_equal(r.level1[level1_index(&r, "满意度指标")].weight, "20");
    assert_true(r.level1[level1_index(&r, "成本指标")].weight == JX_NONE);
    assert_true(r.indicators_weight == JX_NONE);
    assert_true(r.execution_explain_below == JX_NONE);
    same_as_mof_2020_except(r);
}

static void the_list_names_every_shipped_set(void **state)
{
    (void)state;
    char list[1024];
    jx_rules_list(list, sizeof list);
    char padded[1100];
    snprintf(padded, sizeof padded, " %s ", list);
    static const char *const sets[] = {"mof-2020", "mof-2020-ratio", "mof-2020-deviation",
                                       "sichuan", "yunnan"};
    for (size_t i = 0; i < sizeof sets / sizeof *sets; i++) {
        char word[64];
        snprintf(word, sizeof word, " %s ", sets[i]);
        contains(padded, word);
    }
}

/* ---- extends ------------------------------------------------------------------------ */

static void extends_overrides_only_what_it_names(void **state)
{
    (void)state;
    static tmpdir d;
    td_make(&d);
    const char *path = td_write(&d, "uncapped.json",
                                "{\n"
                                "  \"name\": \"uncapped\",\n"
                                "  \"extends\": \"mof-2020\",\n"
                                "  \"title\": \"不封顶\",\n"
                                "  \"execution\": { \"cap\": false }\n"
                                "}\n");
    jx_rules r = load_ok(path);
    assert_string_equal(r.name, "uncapped");
    assert_string_equal(r.title, "不封顶");
    assert_string_equal(r.source, path);
    assert_false(r.execution_cap);
    assert_true(r.execution_explain_below == JX_NONE); /* the other field of "execution" stays */
    r.execution_cap = true;
    same_as_mof_2020_except(r);
    jx_rules m = load_ok("mof-2020");
    assert_memory_equal(&r.level1, &m.level1, sizeof m.level1);
    assert_int_equal(r.reverse, m.reverse);
    assert_int_equal(r.over_deduction, m.over_deduction);
    assert_true(r.indicators_weight == m.indicators_weight);

    /* one member of a section: the others of the section stay */
    path = td_write(
        &d, "partial.json",
        "{\n"
        "  \"name\": \"partial\",\n"
        "  \"extends\": \"mof-2020\",\n"
        "  \"weights\": { \"execution\": 20 },\n"
        "  \"qualitative\": { \"bands\": { \"部分达成\": [50, 80] } },\n"
        "  \"over_completion\": { \"threshold\": 150 },\n"
        "  \"hierarchy\": { \"满意度指标\": [\"服务对象满意度指标\", \"社会公众满意度指标\"] }\n"
        "}\n");
    r = load_ok(path);
    /* a level-1's list of level-2 names is replaced, the other lists stay */
    int sat = level1_index(&r, "满意度指标");
    assert_int_equal(r.level1[sat].n_level2, 2);
    assert_string_equal(r.level1[sat].level2[1], "社会公众满意度指标");
    assert_true(jx_rules_level2_ok(&r, sat, "社会公众满意度"));
    assert_int_equal(r.level1[level1_index(&r, "产出指标")].n_level2, 4);
    assert_int_equal(r.n_level1, 4);
    assert_dec_equal(r.level1[sat].weight, "10");
    assert_dec_equal(r.execution_weight, "20");
    assert_dec_equal(r.total_weight, "100");
    assert_dec_equal(r.level1[level1_index(&r, "产出指标")].weight, "50");
    assert_dec_equal(r.band_min[JX_LEVEL_PARTIAL], "50");
    assert_dec_equal(r.band_max[JX_LEVEL_PARTIAL], "80");
    assert_dec_equal(r.band_min[JX_LEVEL_MET], "80");
    assert_dec_equal(r.band_max[JX_LEVEL_NOT_MET], "60");
    assert_dec_equal(r.over_threshold, "150");
    assert_true(r.over_needs_reason);
    assert_int_equal(r.over_deduction, JX_OVER_NONE);

    /* a chain: a file extending sichuan by path keeps sichuan's parameters */
    path = td_write(
        &d, "chain.json",
        "{ \"name\": \"chain\", \"extends\": \"sichuan\", \"rounding\": { \"decimals\": 1 } }\n");
    r = load_ok(path);
    assert_dec_equal(r.indicators_weight, "90");
    assert_dec_equal(r.execution_explain_below, "90");
    assert_int_equal(r.decimals, 1);
    td_remove(&d);
}

/* weights.level1 maps names to weights like the other sections map their keys: naming one
 * level-1 changes that one; the others keep the weights of the set extended. */
static void extends_level1_weights_override_per_name(void **state)
{
    (void)state;
    static tmpdir d;
    td_make(&d);
    const char *path =
        td_write(&d, "output60.json",
                 "{ \"name\": \"output60\", \"extends\": \"mof-2020\","
                 " \"weights\": { \"level1\": { \"产出指标\": 40, \"满意度指标\": 20 } } }\n");
    jx_rules r = load_ok(path);
    assert_dec_equal(r.level1[level1_index(&r, "产出指标")].weight, "40");
    assert_dec_equal(r.level1[level1_index(&r, "满意度指标")].weight, "20");
    assert_dec_equal(r.level1[level1_index(&r, "效益指标")].weight, "30"); /* not named: kept */
    assert_true(r.level1[level1_index(&r, "成本指标")].weight == JX_NONE);
    assert_int_equal(r.n_level1, 4);
    td_remove(&d);
}

static void extends_loop_fails_cleanly(void **state)
{
    (void)state;
    static tmpdir d;
    td_make(&d);
    char text[256];
    snprintf(text, sizeof text, "{ \"name\": \"a\", \"extends\": \"%s/b.json\" }\n", d.dir);
    const char *a = td_write(&d, "a.json", text);
    snprintf(text, sizeof text, "{ \"name\": \"b\", \"extends\": \"%s/a.json\" }\n", d.dir);
    td_write(&d, "b.json", text);
    char err[1024];
    load_fails(a, err, sizeof err);
    contains(err, "extends");

    /* a file extending itself */
    snprintf(text, sizeof text, "{ \"name\": \"self\", \"extends\": \"%s/self.json\" }\n", d.dir);
    const char *self = td_write(&d, "self.json", text);
    load_fails(self, err, sizeof err);
    contains(err, "extends");

    /* by name, through $JIXIAO_RULES_PATH */
    td_write(&d, "loopx.json", "{ \"name\": \"loopx\", \"extends\": \"loopy\" }\n");
    td_write(&d, "loopy.json", "{ \"name\": \"loopy\", \"extends\": \"loopx\" }\n");
    assert_int_equal(setenv("JIXIAO_RULES_PATH", d.dir, 1), 0);
    jx_rules r;
    bool ok = jx_rules_load("loopx", &r, err, sizeof err);
    unsetenv("JIXIAO_RULES_PATH");
    assert_false(ok);
    contains(err, "extends");
    td_remove(&d);
}

static void extends_of_an_unknown_set_fails(void **state)
{
    (void)state;
    static tmpdir d;
    td_make(&d);
    const char *path =
        td_write(&d, "orphan.json", "{ \"name\": \"orphan\", \"extends\": \"guangxi-2031\" }\n");
    char err[1024];
    load_fails(path, err, sizeof err);
    contains(err, "guangxi-2031");
    td_remove(&d);
}

/* ---- errors ------------------------------------------------------------------------------ */

static void unknown_name_lists_the_sets(void **state)
{
    (void)state;
    char err[1024];
    load_fails("mof-2021", err, sizeof err);
    contains(err, "mof-2021");
    contains(err, "mof-2020-ratio");
    contains(err, "mof-2020-deviation");
    contains(err, "sichuan");
    contains(err, "yunnan");
    /* a name with characters no set name has is not looked up */
    load_fails("四川", err, sizeof err);
    contains(err, "sichuan");
}

/* Line 4: the key "explain_belw" opens at column 31, its value 90 at column 47. */
static const char TYPO[] = "{\n"
                           "  \"name\": \"typo\",\n"
                           "  \"extends\": \"mof-2020\",\n"
                           "  \"execution\": { \"cap\": true, \"explain_belw\": 90 }\n"
                           "}\n";

static void unknown_field_fails_with_file_and_line(void **state)
{
    (void)state;
    static tmpdir d;
    td_make(&d);
    const char *path = td_write(&d, "typo.json", TYPO);
    char err[1024], where[256];
    load_fails(path, err, sizeof err);
    snprintf(where, sizeof where, "%s:4:", path);
    contains(err, where);
    contains(err, "explain_belw");

    /* an unknown section at the top level */
    path = td_write(&d, "section.json",
                    "{\n  \"name\": \"section\",\n  \"extends\": \"mof-2020\",\n\n  "
                    "\"over_complete\": {}\n}\n");
    load_fails(path, err, sizeof err);
    snprintf(where, sizeof where, "%s:5:", path);
    contains(err, where);
    contains(err, "over_complete");
    td_remove(&d);
}

/* The line:column names the unknown field itself (the key), where the typo is. */
static void unknown_field_column_is_the_fields(void **state)
{
    (void)state;
    static tmpdir d;
    td_make(&d);
    const char *path = td_write(&d, "typo.json", TYPO);
    char err[1024], where[256];
    load_fails(path, err, sizeof err);
    snprintf(where, sizeof where, "%s:4:31:", path); /* the opening quote of "explain_belw" */
    contains(err, where);
    td_remove(&d);
}

static void wrong_values_fail_with_file_and_line(void **state)
{
    (void)state;
    static tmpdir d;
    td_make(&d);
    static const struct {
        const char *body, *says;
    } cases[] = {
        {"\"execution\": { \"cap\": \"yes\" }", "execution.cap"},
        {"\"targets\": { \"reverse\": \"quadratic\" }", "ratio"},
        {"\"grades\": [[\"优\", 80], [\"良\", 90]]", "grades"},
        {"\"rounding\": { \"decimals\": 5 }", "rounding.decimals"},
        {"\"qualitative\": { \"bands\": { \"优秀\": [90, 100] } }", "qualitative.bands"},
        {"\"weights\": { \"execution\": \"十\" }", "weights.execution"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char text[512], name[32], err[1024], where[256];
        snprintf(name, sizeof name, "bad%zu.json", i);
        snprintf(text, sizeof text,
                 "{\n  \"name\": \"bad\",\n  \"extends\": \"mof-2020\",\n  %s\n}\n", cases[i].body);
        const char *path = td_write(&d, name, text);
        load_fails(path, err, sizeof err);
        snprintf(where, sizeof where, "%s:4:", path);
        contains(err, where);
        contains(err, cases[i].says);
    }
    td_remove(&d);
}

static void invalid_json_fails_with_line_and_column(void **state)
{
    (void)state;
    static tmpdir d;
    td_make(&d);
    const char *path = td_write(&d, "broken.json",
                                "{\n"
                                "  \"name\": \"broken\",\n"
                                "  \"grades\": [[\"优\", 90],\n"
                                "}\n");
    char err[1024], where[256];
    load_fails(path, err, sizeof err);
    snprintf(where, sizeof where, "%s:4:1:", path);
    contains(err, where);
    contains(err, "JSON");

    path = td_write(&d, "trailing.json", "{ \"name\": \"x\" } {\n");
    load_fails(path, err, sizeof err);
    snprintf(where, sizeof where, "%s:1:", path);
    contains(err, where);

    path = td_write(&d, "array.json", "[1, 2]\n");
    load_fails(path, err, sizeof err);
    contains(err, path);
    td_remove(&d);
}

static void a_standalone_file_must_be_complete(void **state)
{
    (void)state;
    static tmpdir d;
    td_make(&d);
    /* no extends: the bands, defaults and grades are missing */
    const char *path = td_write(&d, "bare.json", "{ \"name\": \"bare\" }\n");
    char err[1024];
    load_fails(path, err, sizeof err);
    contains(err, path);
    contains(err, "qualitative");
    /* extends supplies them, but a name is required */
    path =
        td_write(&d, "complete.json",
                 "{ \"name\": \"complete\", \"qualitative\": {"
                 " \"bands\": { \"达成\": [80, 100], \"部分达成\": [60, 80], \"未达成\": [0, 60] },"
                 " \"default\": { \"达成\": 100, \"部分达成\": 70, \"未达成\": 0 } },"
                 " \"grades\": [[\"合格\", 60], [\"不合格\", 0]] }\n");
    jx_rules r = load_ok(path);
    assert_int_equal(r.n_grades, 2);
    assert_string_equal(jx_rules_grade(&r, D("60")), "合格");
    assert_string_equal(jx_rules_grade(&r, D("59.99")), "不合格");
    assert_int_equal(r.n_level1, 0);
    assert_int_equal(jx_rules_level1(&r, "产出指标"), -1);
    td_remove(&d);
}

static void an_unnamed_file_is_called_after_itself(void **state)
{
    (void)state;
    static tmpdir d;
    td_make(&d);
    /* it extends mof-2020 but must not report itself as mof-2020 */
    const char *path =
        td_write(&d, "henan-draft.json",
                 "{ \"extends\": \"mof-2020\", \"execution\": { \"explain_below\": 85 } }\n");
    jx_rules r = load_ok(path);
    assert_string_equal(r.name, "henan-draft");
    assert_dec_equal(r.execution_explain_below, "85");
    td_remove(&d);
}

/* ---- loading by path --------------------------------------------------------------------- */

static void path_is_anything_with_a_slash_or_json_suffix(void **state)
{
    (void)state;
    /* the shipped file by its path */
    jx_rules r = load_ok(JX_RULES_DIR "/yunnan.json");
    assert_string_equal(r.name, "yunnan");
    assert_string_equal(r.source, JX_RULES_DIR "/yunnan.json");

    static tmpdir d;
    td_make(&d);
    td_write(
        &d, "local.json",
        "{ \"name\": \"local\", \"extends\": \"mof-2020\", \"rounding\": { \"decimals\": 0 } }\n");

    /* a bare name ending in .json is a path relative to the current folder */
    char cwd[1024];
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(d.dir), 0);
    jx_rules local;
    char err[1024];
    bool ok = jx_rules_load("local.json", &local, err, sizeof err);
    char err2[1024];
    jx_rules other;
    bool ok2 = jx_rules_load("sichuan.json", &other, err2, sizeof err2); /* not the named set */
    bool ok3 = jx_rules_load("./local.json", &other, err, sizeof err);
    assert_int_equal(chdir(cwd), 0);
    assert_true(ok);
    assert_string_equal(local.name, "local");
    assert_int_equal(local.decimals, 0);
    assert_false(ok2);
    contains(err2, "sichuan.json");
    assert_true(ok3);

    /* a name with a slash that names no file */
    char missing[256];
    snprintf(missing, sizeof missing, "%s/nope", d.dir);
    load_fails(missing, err, sizeof err);
    contains(err, missing);

    /* and a plain name is never read from the current folder */
    assert_int_equal(chdir(d.dir), 0);
    ok = jx_rules_load("local", &other, err, sizeof err);
    assert_int_equal(chdir(cwd), 0);
    assert_false(ok);
    td_remove(&d);
}

static void rules_path_environment_is_searched_first(void **state)
{
    (void)state;
    static tmpdir d;
    td_make(&d);
    td_write(&d, "sichuan.json", "{ \"name\": \"sichuan-local\", \"extends\": \"mof-2020\" }\n");
    td_write(&d, "guangxi.json",
             "{ \"name\": \"guangxi\", \"extends\": \"mof-2020\", \"execution\": { "
             "\"explain_below\": 90 } }\n");
    assert_int_equal(setenv("JIXIAO_RULES_PATH", d.dir, 1), 0);
    jx_rules a, b;
    char err[1024], list[1024];
    bool ok_a = jx_rules_load("sichuan", &a, err, sizeof err);
    bool ok_b = jx_rules_load("guangxi", &b, err, sizeof err);
    jx_rules_list(list, sizeof list);
    unsetenv("JIXIAO_RULES_PATH");
    assert_true(ok_a);
    assert_string_equal(a.name, "sichuan-local");
    assert_true(ok_b);
    assert_dec_equal(b.execution_explain_below, "90");
    contains(list, "guangxi");
    /* gone with the variable */
    load_fails("guangxi", err, sizeof err);
    td_remove(&d);
}

/* ---- grades and names ---------------------------------------------------------------------- */

static void grade_bands(void **state)
{
    (void)state;
    jx_rules r = load_ok("mof-2020");
    static const struct {
        const char *total, *grade;
    } cases[] = {
        {"100", "优"}, {"90", "优"},    {"89.99", "良"}, {"80", "良"}, {"79.99", "中"},
        {"60", "中"},  {"59.99", "差"}, {"0", "差"},     {"-5", "差"}, {"120", "优"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *g = jx_rules_grade(&r, D(cases[i].total));
        assert_non_null(g);
        if (strcmp(g, cases[i].grade) != 0)
            fail_msg("%s → %s, expected %s", cases[i].total, g, cases[i].grade);
    }
    assert_null(jx_rules_grade(&r, JX_NONE));
}

static void level_names(void **state)
{
    (void)state;
    jx_rules r = load_ok("mof-2020");
    int out = level1_index(&r, "产出指标"), ben = level1_index(&r, "效益指标"),
        sat = level1_index(&r, "满意度指标"), cost = level1_index(&r, "成本指标");

    assert_int_equal(jx_rules_level1(&r, "产出指标"), out);
    assert_int_equal(jx_rules_level1(&r, "产出"), out);        /* no 指标 */
    assert_int_equal(jx_rules_level1(&r, " 效益 指标 "), ben); /* whitespace */
    assert_int_equal(jx_rules_level1(&r, "满意度\t指标"), sat);
    assert_int_equal(jx_rules_level1(&r, "满意度"), sat);
    assert_int_equal(jx_rules_level1(&r, "满意度\u3000指标"), sat); /* full-width space */
    assert_int_equal(jx_rules_level1(&r, "成本指标"), cost);
    assert_int_equal(jx_rules_level1(&r, "其他指标"), -1);
    assert_int_equal(jx_rules_level1(&r, "指标"), -1);
    assert_int_equal(jx_rules_level1(&r, ""), -1);
    assert_int_equal(jx_rules_level1(&r, NULL), -1);

    assert_true(jx_rules_level2_ok(&r, out, "数量指标"));
    assert_true(jx_rules_level2_ok(&r, out, "时效"));
    assert_true(jx_rules_level2_ok(&r, out, "成本指标"));
    assert_true(jx_rules_level2_ok(&r, ben, "经济效益 指标"));
    assert_true(jx_rules_level2_ok(&r, ben, "社会效益"));
    assert_true(jx_rules_level2_ok(&r, ben, "可持续影 响指标"));
    assert_true(jx_rules_level2_ok(&r, sat, "服务对象满意度"));
    assert_true(jx_rules_level2_ok(&r, cost, "经济成本指标"));
    assert_false(jx_rules_level2_ok(&r, cost, "社会效益指标"));
    assert_false(jx_rules_level2_ok(&r, out, "社会效益指标"));
    assert_false(jx_rules_level2_ok(&r, out, "数据指标"));
    assert_false(jx_rules_level2_ok(&r, out, NULL));
    assert_false(jx_rules_level2_ok(&r, -1, "数量指标"));
    assert_false(jx_rules_level2_ok(&r, r.n_level1, "数量指标"));

    assert_int_equal(jx_rules_level1_of(&r, "社会效益指标"), ben);
    assert_int_equal(jx_rules_level1_of(&r, "社会效益"), ben);
    assert_int_equal(jx_rules_level1_of(&r, "生态效益 指标"), ben);
    assert_int_equal(jx_rules_level1_of(&r, "质量指标"), out);
    assert_int_equal(jx_rules_level1_of(&r, "服务对象满意度指标"), sat);
    assert_int_equal(jx_rules_level1_of(&r, "社会成本指标"), cost);
    assert_int_equal(jx_rules_level1_of(&r, "数据指标"), -1);
    assert_int_equal(jx_rules_level1_of(&r, NULL), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(mof_2020_parameters, remove_live),
        cmocka_unit_test_teardown(mof_2020_ratio_and_deviation, remove_live),
        cmocka_unit_test_teardown(sichuan_parameters, remove_live),
        cmocka_unit_test_teardown(yunnan_parameters, remove_live),
        cmocka_unit_test_teardown(the_list_names_every_shipped_set, remove_live),
        cmocka_unit_test_teardown(extends_overrides_only_what_it_names, remove_live),
        cmocka_unit_test_teardown(extends_level1_weights_override_per_name, remove_live),
        cmocka_unit_test_teardown(extends_loop_fails_cleanly, remove_live),
        cmocka_unit_test_teardown(extends_of_an_unknown_set_fails, remove_live),
        cmocka_unit_test_teardown(unknown_name_lists_the_sets, remove_live),
        cmocka_unit_test_teardown(unknown_field_fails_with_file_and_line, remove_live),
        cmocka_unit_test_teardown(unknown_field_column_is_the_fields, remove_live),
        cmocka_unit_test_teardown(wrong_values_fail_with_file_and_line, remove_live),
        cmocka_unit_test_teardown(invalid_json_fails_with_line_and_column, remove_live),
        cmocka_unit_test_teardown(a_standalone_file_must_be_complete, remove_live),
        cmocka_unit_test_teardown(an_unnamed_file_is_called_after_itself, remove_live),
        cmocka_unit_test_teardown(path_is_anything_with_a_slash_or_json_suffix, remove_live),
        cmocka_unit_test_teardown(rules_path_environment_is_searched_first, remove_live),
        cmocka_unit_test_teardown(grade_bands, remove_live),
        cmocka_unit_test_teardown(level_names, remove_live),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
