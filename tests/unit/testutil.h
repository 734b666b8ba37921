/* testutil.h — helpers shared by the unit tests (cmocka).
 *
 * audit_json(): read a native JSON text, score and check every project with
 * a rule set, and keep the projects (deep-copied into the fixture's arena)
 * so a test can assert on figures and findings.
 */
#ifndef JX_TESTUTIL_H
#define JX_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "checks/checks.h"
#include "import/native.h"
#include "rules/ruleset.h"
#include "scoring/score.h"
#include "value/dec.h"

#define TU_MAX_PROJECTS 16

typedef struct {
    jx_rules rules;
    jx_arena keep; /* projects are copied here */
    jx_project projects[TU_MAX_PROJECTS];
    size_t n;
    jx_native_result res;
} tu_audit;

/* Parse a decimal literal for comparisons: D("9.92"). */
static inline jx_dec D(const char *s)
{
    jx_dec v = JX_NONE;
    if (!jx_dec_parse(s, strlen(s), &v, NULL)) fail_msg("bad decimal literal %s", s);
    return v;
}

#define assert_dec_equal(actual, literal)                                                          \
    do {                                                                                           \
        char _a[JX_DEC_BUF];                                                                       \
        jx_dec _v = (actual);                                                                      \
        if (_v != D(literal))                                                                      \
            fail_msg("%s = %s, expected %s", #actual, jx_dec_fmt(_v, _a), literal);                \
    } while (0)

static inline char *tu_dup(jx_arena *a, const char *s)
{
    return s ? jx_arena_strdup(a, s) : NULL;
}

static bool tu_keep(jx_project *p, void *arg)
{
    tu_audit *t = arg;
    jx_audit_project(p, &t->rules);
    if (t->n == TU_MAX_PROJECTS) return false;
    jx_project *q = &t->projects[t->n++];
    *q = *p;
    jx_arena *a = &t->keep;
    q->arena = a;
    q->name = tu_dup(a, p->name);
    q->unit = tu_dup(a, p->unit);
    q->department = tu_dup(a, p->department);
    q->amount_unit = tu_dup(a, p->amount_unit);
    q->grade_claimed = tu_dup(a, p->grade_claimed);
    q->funds.reason = tu_dup(a, p->funds.reason);
    q->indicators = jx_arena_calloc(a, p->n_indicators + 1, sizeof *q->indicators);
    for (size_t i = 0; i < p->n_indicators; i++) {
        jx_indicator *d = &q->indicators[i];
        *d = p->indicators[i];
        d->level1 = tu_dup(a, d->level1);
        d->level2 = tu_dup(a, d->level2);
        d->name = tu_dup(a, d->name);
        d->target = tu_dup(a, d->target);
        d->target_adjusted = tu_dup(a, d->target_adjusted);
        d->actual = tu_dup(a, d->actual);
        d->reason = tu_dup(a, d->reason);
    }
    q->cap_indicators = p->n_indicators + 1;
    q->findings = jx_arena_calloc(a, p->n_findings + 1, sizeof *q->findings);
    for (size_t i = 0; i < p->n_findings; i++) {
        jx_finding *f = &q->findings[i];
        *f = p->findings[i];
        f->message = tu_dup(a, f->message);
        f->message_en = tu_dup(a, f->message_en);
        f->field = tu_dup(a, f->field);
        f->code = tu_dup(a, f->code);
    }
    q->cap_findings = p->n_findings + 1;
    return true;
}

/* Audit `json` with rule set `rules` (NULL = mof-2020). Fails the test if the
 * rule set cannot be loaded. Call tu_free() afterwards. */
static inline void tu_audit_json(tu_audit *t, const char *json, const char *rules)
{
    memset(t, 0, sizeof *t);
    jx_arena_init(&t->keep);
    char err[1024];
    if (!jx_rules_load(rules ? rules : "mof-2020", &t->rules, err, sizeof err)) fail_msg("%s", err);
    jx_native_read_mem(json, strlen(json), tu_keep, t, &t->res);
}

static inline void tu_free(tu_audit *t)
{
    jx_arena_free(&t->keep);
}

/* Number of findings with `code` (and, if indicator >= -1, that indicator). */
static inline size_t tu_count(const jx_project *p, const char *code)
{
    size_t n = 0;
    for (size_t i = 0; i < p->n_findings; i++)
        if (strcmp(p->findings[i].code, code) == 0) n++;
    return n;
}

/* The first finding with `code`, or NULL. */
static inline const jx_finding *tu_find(const jx_project *p, const char *code)
{
    for (size_t i = 0; i < p->n_findings; i++)
        if (strcmp(p->findings[i].code, code) == 0) return &p->findings[i];
    return NULL;
}

#endif
