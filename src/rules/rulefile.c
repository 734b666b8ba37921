/* rulefile.c — error messages of the rule-file loaders (rulefile.h). */
#include "rulefile.h"

#include <stdarg.h>
#include <stdio.h>

bool jx_rf_fail(jx_rulefile *c, const jx_jnode *at, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (at)
        snprintf(c->err, c->errlen, "%s:%ld:%ld: 规则集错误: %s", c->file, at->line, at->col, msg);
    else
        snprintf(c->err, c->errlen, "%s: 规则集错误: %s", c->file, msg);
    return false;
}

bool jx_rf_unknown(jx_rulefile *c, const jx_jnode *value, const char *section, const char *key,
                   const char *doc)
{
    jx_jnode where = *value; /* point at the key, not its value */
    if (value->key_line) {
        where.line = value->key_line;
        where.col = value->key_col;
    }
    return jx_rf_fail(c, &where, "%s 中有未知字段 \"%s\" (unknown field; see %s)", section, key,
                      doc);
}
