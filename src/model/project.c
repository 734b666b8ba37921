/* project.c — construction of projects and findings; see project.h. */
#include "project.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void jx_project_init(jx_project *p, jx_arena *arena)
{
    memset(p, 0, sizeof *p);
    p->arena = arena;
    jx_funds *f = &p->funds;
    f->budget_initial = f->budget = f->executed = f->balance = JX_NONE;
    f->execution_rate = f->execution_score_claimed = JX_NONE;
    f->execution_weight = f->execution_score = f->rate_computed = JX_NONE;
    f->rate_decimals = -1;
    p->total_claimed = p->total_recomputed = p->total_rule = JX_NONE;
}

jx_indicator *jx_project_add_indicator(jx_project *p)
{
    if (p->n_indicators == p->cap_indicators) {
        size_t cap = p->cap_indicators ? p->cap_indicators * 2 : 32;
        p->indicators =
            jx_arena_grow(p->arena, p->indicators, p->n_indicators * sizeof *p->indicators,
                          cap * sizeof *p->indicators);
        p->cap_indicators = cap;
    }
    jx_indicator *ind = &p->indicators[p->n_indicators++];
    memset(ind, 0, sizeof *ind);
    ind->weight = ind->score_claimed = ind->score_rule = JX_NONE;
    return ind;
}

void jx_project_add_text(jx_project *p, const char *label, const char *text)
{
    if (p->n_texts == p->cap_texts) {
        size_t cap = p->cap_texts ? p->cap_texts * 2 : 8;
        p->texts = jx_arena_grow(p->arena, p->texts, p->n_texts * sizeof *p->texts,
                                 cap * sizeof *p->texts);
        p->cap_texts = cap;
    }
    p->texts[p->n_texts].label = label;
    p->texts[p->n_texts].text = text;
    p->n_texts++;
}

void jx_finding_add(jx_project *p, const char *code, jx_severity sev, int indicator,
                    const char *field, const char *message, const char *message_en)
{
    if (p->n_findings == p->cap_findings) {
        size_t cap = p->cap_findings ? p->cap_findings * 2 : 16;
        p->findings = jx_arena_grow(p->arena, p->findings, p->n_findings * sizeof *p->findings,
                                    cap * sizeof *p->findings);
        p->cap_findings = cap;
    }
    jx_finding *f = &p->findings[p->n_findings++];
    f->code = code;
    f->severity = sev;
    f->message = message;
    f->message_en = message_en;
    f->indicator = indicator;
    f->field = field;
}

void jx_finding_addf(jx_project *p, const char *code, jx_severity sev, int indicator,
                     const char *field, const char *en_fmt, const char *zh_fmt, ...)
{
    char zh[1024], en[1024];
    va_list ap;
    va_start(ap, zh_fmt);
    va_list ap2;
    va_copy(ap2, ap);
    vsnprintf(zh, sizeof zh, zh_fmt, ap);
    va_end(ap);
    /* English format takes the same arguments in the same order. */
    vsnprintf(en, sizeof en, en_fmt, ap2);
    va_end(ap2);
    jx_finding_add(p, code, sev, indicator, field, jx_arena_strdup(p->arena, zh),
                   jx_arena_strdup(p->arena, en));
}

const char *jx_severity_name(jx_severity s)
{
    switch (s) {
    case JX_SEV_ERROR:
        return "error";
    case JX_SEV_WARNING:
        return "warning";
    case JX_SEV_INFO:
        break;
    }
    return "info";
}

size_t jx_project_count(const jx_project *p, jx_severity sev)
{
    size_t n = 0;
    for (size_t i = 0; i < p->n_findings; i++)
        if (p->findings[i].severity == sev) n++;
    return n;
}
