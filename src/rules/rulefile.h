/* rulefile.h — error reporting shared by every rule-file loader (project rule
 * sets, whole-department sets, the accounts catalogue): "file:line:col:
 * 规则集错误: message", and an unknown field pointed at by its key. */
#ifndef JX_RULEFILE_H
#define JX_RULEFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "../json/reader.h"

typedef struct jx_rulefile {
    char *err; /* where the message goes */
    size_t errlen;
    const char *file; /* the rule file being read */
} jx_rulefile;

/* Write "file:line:col: 规则集错误: …" (without line:col when at is NULL); returns false. */
bool jx_rf_fail(jx_rulefile *c, const jx_jnode *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* An unknown field `key` of `section`, located at its key; `doc` names the
 * page that lists the fields ("docs/rules.md"). Returns false. */
bool jx_rf_unknown(jx_rulefile *c, const jx_jnode *value, const char *section, const char *key,
                   const char *doc);

#endif
