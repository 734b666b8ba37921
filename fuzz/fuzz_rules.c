/* fuzz_rules.c — libFuzzer harness for rule-set loading (SPEC §5).
 *
 * jx_rules_load takes a name or a path, not memory, so each input is written
 * to one temporary file per process (/tmp/jx-fuzz-rules-XXXXXX.json, made
 * with mkstemps on the first input and removed at exit) and loaded from
 * there. A set that loads must satisfy what the scorer relies on; a set that
 * does not load must say why. ASan checks for leaks after every input.
 *
 * Inputs may name another set with "extends" (by name or by path); names are
 * looked up in rules/ of the source tree, so run the fuzzer from the
 * repository root (fuzz/run.sh does).
 *
 * Build and run: fuzz/run.sh (see fuzz/README.md).
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rules/ruleset.h"

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "fuzz_rules: invariant failed at %s:%d: %s\n", __FILE__, __LINE__,     \
                    #cond);                                                                        \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

static char path[64];
static int fd = -1;

static void remove_temp(void)
{
    if (path[0]) unlink(path);
}

static void write_input(const uint8_t *data, size_t size)
{
    if (fd < 0) {
        snprintf(path, sizeof path, "/tmp/jx-fuzz-rules-XXXXXX.json");
        fd = mkstemps(path, 5);
        if (fd < 0) {
            perror("fuzz_rules: mkstemps");
            abort();
        }
        atexit(remove_temp);
    }
    if (ftruncate(fd, 0) != 0 || lseek(fd, 0, SEEK_SET) != 0) {
        perror("fuzz_rules: rewind");
        abort();
    }
    size_t done = 0;
    while (done < size) {
        ssize_t n = write(fd, data + done, size - done);
        if (n <= 0) {
            perror("fuzz_rules: write");
            abort();
        }
        done += (size_t)n;
    }
}

static bool terminated(const char *s, size_t cap)
{
    return memchr(s, '\0', cap) != NULL;
}

static void check_loaded(const jx_rules *r)
{
    CHECK(terminated(r->name, sizeof r->name) && r->name[0] != '\0');
    CHECK(terminated(r->title, sizeof r->title));
    CHECK(terminated(r->source, sizeof r->source));
    CHECK(r->n_level1 >= 0 && r->n_level1 <= JX_RULES_MAX_LEVEL1);
    for (int i = 0; i < r->n_level1; i++) {
        CHECK(terminated(r->level1[i].name, sizeof r->level1[i].name));
        CHECK(r->level1[i].n_level2 >= 0 && r->level1[i].n_level2 <= JX_RULES_MAX_LEVEL2);
        for (int j = 0; j < r->level1[i].n_level2; j++)
            CHECK(terminated(r->level1[i].level2[j], JX_RULES_NAME));
        CHECK(jx_rules_level1(r, r->level1[i].name) >= 0);
    }
    CHECK(r->n_grades >= 1 && r->n_grades <= JX_RULES_MAX_GRADES);
    for (int i = 0; i < r->n_grades; i++) {
        CHECK(terminated(r->grades[i].name, sizeof r->grades[i].name));
        CHECK(jx_has(r->grades[i].min));
        if (i) CHECK(r->grades[i].min < r->grades[i - 1].min);
    }
    CHECK(r->decimals >= 0 && r->decimals <= 6);
    for (int l = JX_LEVEL_MET; l <= JX_LEVEL_NOT_MET; l++) {
        CHECK(jx_has(r->band_min[l]) && jx_has(r->band_max[l]) && jx_has(r->level_default[l]));
        CHECK(r->band_min[l] <= r->band_max[l]);
    }
    CHECK(r->deadline_met >= JX_LEVEL_MET && r->deadline_met <= JX_LEVEL_NOT_MET);
    CHECK(r->deadline_missed >= JX_LEVEL_MET && r->deadline_missed <= JX_LEVEL_NOT_MET);
    CHECK(r->reverse == JX_REVERSE_LINEAR || r->reverse == JX_REVERSE_RATIO);
    CHECK(r->equal == JX_EQUAL_POSITIVE || r->equal == JX_EQUAL_EXACT);
    CHECK(r->over_deduction == JX_OVER_NONE || r->over_deduction == JX_OVER_DEVIATION);

    /* every total gets a grade, and a higher total never a worse one */
    static const jx_dec totals[] = {JX_DEC(-1),          0,          JX_DEC(59),  JX_DEC(60),
                                    JX_DEC(89) + 990000, JX_DEC(90), JX_DEC(100), JX_DEC(1000000)};
    int last = -1;
    for (size_t i = 0; i < sizeof totals / sizeof *totals; i++) {
        const char *g = jx_rules_grade(r, totals[i]);
        CHECK(g != NULL);
        int idx = -1;
        for (int k = 0; k < r->n_grades; k++)
            if (g == r->grades[k].name) idx = k;
        CHECK(idx >= 0);
        if (last >= 0) CHECK(idx <= last);
        last = idx;
    }
    CHECK(jx_rules_grade(r, JX_NONE) == NULL);
    CHECK(jx_rules_level1(r, NULL) == -1);
    CHECK(!jx_rules_level2_ok(r, -1, "数量指标") &&
          !jx_rules_level2_ok(r, r->n_level1, "数量指标"));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (1u << 16)) return 0;
    write_input(data, size);
    jx_rules r;
    char err[1024];
    memset(err, 0x01, sizeof err); /* not a character a message can start with */
    err[sizeof err - 1] = '\0';
    if (jx_rules_load(path, &r, err, sizeof err)) {
        check_loaded(&r);
    } else {
        CHECK(terminated(err, sizeof err));
        CHECK(err[0] != '\0' && err[0] != 0x01);
    }
    return 0;
}
