/* accounts.h — the final-accounts disclosure, 部门决算公开 (SPEC §9).
 *
 * A disclosure is a set of tables (公开01 收入支出决算总表 … 公开10 部门决算公开
 * 相关信息统计表; other regions use 9, 12 or 13) and a 情况说明 that restates
 * their numbers in sentences. jixiao reads both, checks that the tables
 * balance (identities.c), that every sentence agrees with the tables and with
 * itself (statements.c), and can write the 情况说明 from the tables (write.c).
 *
 * Files, one job each:
 *   accounts.c    the model below: tables, rows, lookups, findings
 *   catalogue.c   the rule file (rules/accounts-*.json): which tables exist,
 *                 their titles, the table sets, the rounding tolerance
 *   read.c        documents (rows of cells, import/rows.h) → tables + paragraphs
 *   identities.c  SPEC §9 identities, code hierarchies, cross-table equalities
 *   statements.c  numeric statements of the 情况说明 and their checks
 *   write.c       the 情况说明 text from the tables
 *   output.c      JSON (SPEC §11) and the human listing
 *
 * Amounts are jx_dec in the table's own unit (万元 unless the table says 元;
 * `yuan` is then true and lookups convert to 万元). Nothing is a double.
 */
#ifndef JX_ACCOUNTS_H
#define JX_ACCOUNTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "../base/arena.h"
#include "../model/project.h"
#include "../value/dec.h"

#define JX_AC_MAX_COLS 24
#define JX_AC_MAX_GROUPS 8
#define JX_AC_MAX_KINDS 24
#define JX_AC_MAX_SETS 8
#define JX_AC_NAME 96

/* ---- catalogue (rule file) ---------------------------------------------- */

typedef enum {
    JX_AC_SHAPE_CODED, /* 科目代码 | 科目名称 | amount columns (公开02/03/05/07/08) */
    JX_AC_SHAPE_TWO_SIDED, /* 收入 项目|行次|金额 ‖ 支出 项目|行次|金额… (公开01/04) */
    JX_AC_SHAPE_ECONOMIC, /* repeated 科目代码|科目名称|决算数 groups (公开06) */
    JX_AC_SHAPE_GRID,     /* headed columns over one or few data rows (公开09 三公) */
    JX_AC_SHAPE_LINES     /* sub-headed lists of 项目|行次|统计数 (公开10) */
} jx_ac_shape;

typedef struct jx_ac_kind {
    char key[32];                /* "summary", "income", … (docs/accounts.md) */
    char title[JX_AC_NAME];      /* standard title */
    char aliases[4][JX_AC_NAME]; /* other titles in use */
    int n_aliases;
    jx_ac_shape shape;
    char section[JX_AC_NAME]; /* how the 情况说明 heading names it, "" if none */
} jx_ac_kind;

typedef struct jx_ac_set {
    char name[JX_AC_NAME];
    char tables[16][32]; /* kind keys */
    int n_tables;
} jx_ac_set;

typedef struct jx_ac_rules {
    char name[64];
    char title[256];
    jx_dec tolerance;  /* per summed term, 万元 (0.01) */
    int rate_decimals; /* default decimals of a stated rate (2) */
    jx_ac_kind kinds[JX_AC_MAX_KINDS];
    int n_kinds;
    jx_ac_set sets[JX_AC_MAX_SETS];
    int n_sets;
} jx_ac_rules;

/* Load an accounts rule file by name ("accounts-mof") or path, searched like
 * the other rule sets. False with "file:line:col: message" in err. */
bool jx_ac_rules_load(const char *name_or_path, jx_ac_rules *out, char *err, size_t errlen);
const jx_ac_kind *jx_ac_kind_find(const jx_ac_rules *r, const char *key);

/* ---- model -------------------------------------------------------------- */

typedef struct jx_ac_amount {
    jx_dec v;     /* JX_NONE when the cell is empty or "——" */
    int decimals; /* as written */
} jx_ac_amount;

typedef struct jx_ac_row {
    const char *code;    /* "2013801", "30101", NULL when the row has none */
    const char *label;   /* as written, trimmed ("一、一般公共服务支出") */
    const char *key;     /* label normalised: NFKC, no spaces, no numbering, no "(类)" */
    int group;           /* index into the table's groups */
    int line_no;         /* 行次, 0 when not given */
    long line;           /* where it was read (text line, sheet row), 0 unknown */
    jx_ac_amount *cells; /* groups[group].n_cols cells */
} jx_ac_row;

/* A block of columns. Most tables have one; 公开01/04 have 收入 and 支出,
 * 公开06 has one per 科目代码|科目名称|决算数 triple (named 人员经费, 公用经费),
 * 公开09 has 预算数 and 决算数, 公开10 one per sub-heading (政府采购情况 …). */
typedef struct jx_ac_group {
    const char *name;                 /* normalised, "" when the table has one block */
    const char *cols[JX_AC_MAX_COLS]; /* column headings, normalised ("本年支出合计") */
    int n_cols;
} jx_ac_group;

typedef struct jx_ac_table {
    const char *kind;   /* catalogue key, NULL when the title is not in the catalogue */
    const char *title;  /* as written */
    const char *number; /* "公开01表", NULL when absent */
    long line;          /* line of the title */
    bool yuan;          /* 金额单位：元 (amounts are in 元) */
    bool said_empty;    /* carries "本表无数据" or similar */
    jx_ac_group groups[JX_AC_MAX_GROUPS];
    int n_groups;
    jx_ac_row *rows;
    size_t n_rows, cap_rows;
} jx_ac_table;

/* A paragraph of the 情况说明 (or any text outside tables). */
typedef struct jx_ac_para {
    const char *text; /* NFKC-normalised, as one line */
    const char *section; /* the heading it falls under ("五、一般公共预算财政拨款…"), or NULL */
    long line;
} jx_ac_para;

typedef struct jx_ac_finding {
    jx_finding f;      /* code, severity, message (zh), message_en; indicator -1 */
    const char *table; /* "公开05表 一般公共预算财政拨款支出决算表" or NULL */
    long line;         /* source line, 0 unknown */
} jx_ac_finding;

typedef struct jx_accounts {
    jx_arena *arena;
    const jx_ac_rules *rules;
    const char *source;    /* file name */
    const char *unit_name; /* 部门名称 */
    int year;              /* 2024, 0 unknown */
    const char *set;       /* name of the table set recognised, NULL */
    jx_ac_table *tables;
    size_t n_tables, cap_tables;
    jx_ac_para *paras;
    size_t n_paras, cap_paras;
    /* counts of the checks */
    size_t identities_checked, identities_failed;
    size_t statements_found, statements_verified, statements_failed, statements_unchecked;
    jx_ac_finding *findings;
    size_t n_findings, cap_findings;
} jx_accounts;

void jx_accounts_init(jx_accounts *a, jx_arena *arena, const jx_ac_rules *rules);
jx_ac_table *jx_ac_add_table(jx_accounts *a);
jx_ac_row *jx_ac_add_row(jx_accounts *a, jx_ac_table *t, int group);
void jx_ac_add_para(jx_accounts *a, const char *text, const char *section, long line);

/* A finding; printf formats, English first then Chinese, same arguments. */
void jx_ac_finding_add(jx_accounts *a, const char *code, jx_severity sev, const jx_ac_table *t,
                       long line, const char *en_fmt, const char *zh_fmt, ...)
    __attribute__((format(printf, 7, 8)));
size_t jx_ac_count(const jx_accounts *a, jx_severity sev);

/* Label normalisation used for row keys and column names (arena copy):
 * NFKC, whitespace removed, leading numbering (一、 (一) 1. 1、) removed,
 * a trailing "(类)", "(款)", "(项)" removed. */
char *jx_ac_norm(jx_arena *arena, const char *label);

/* Lookups. Kind is a catalogue key; group -1 means any group. */
const jx_ac_table *jx_ac_table_of(const jx_accounts *a, const char *kind);
const jx_ac_row *jx_ac_row_code(const jx_ac_table *t, const char *code);
const jx_ac_row *jx_ac_row_key(const jx_ac_table *t, int group, const char *key);
/* Group whose name contains `name` (normalised), -1 if none. */
int jx_ac_group_find(const jx_ac_table *t, const char *name);
/* Column of group g whose heading equals `name`, else the first that contains
 * it; -1 if none. */
int jx_ac_col(const jx_ac_table *t, int group, const char *name);
/* Amount of a row's column in 万元: an empty cell of an existing row is 0
 * (决算 tables leave zero amounts blank); JX_NONE if col is out of range. */
jx_dec jx_ac_cell(const jx_ac_table *t, const jx_ac_row *r, int col);
/* Table label for messages: "公开05表 一般公共预算财政拨款支出决算表". */
const char *jx_ac_table_label(const jx_ac_table *t);

/* ---- reading, checking, writing ----------------------------------------- */

/* Read a document (text, .docx, .xlsx, .pdf) into a. False with
 * "file[:line]: message" in err when the file cannot be read at all; a
 * document without any 决算 table is read (paragraphs only) with a finding. */
bool jx_accounts_read(const char *path, jx_accounts *a, char *err, size_t errlen);
/* The same from memory (tests, fuzzing): format "text", "docx" or "xlsx". */
bool jx_accounts_read_mem(const char *data, size_t len, const char *format, const char *name,
                          jx_accounts *a, char *err, size_t errlen);

/* The identities of SPEC §9 (counts and findings). */
void jx_accounts_identities(jx_accounts *a);
/* The statements of the 情况说明 (counts and findings). */
void jx_accounts_statements(jx_accounts *a);
/* Write the 情况说明 (第三部分) from the tables, in the seed's sentence
 * patterns; prior-year and 年初预算 figures are taken from the document's
 * own statements where it gives them, otherwise those clauses are left out. */
void jx_accounts_write_text(FILE *out, const jx_accounts *a);

/* SPEC §11 JSON of one document (an element of "documents"), and the listing. */
struct jx_jwriter;
void jx_accounts_write_json(struct jx_jwriter *w, const jx_accounts *a);
void jx_accounts_write_human(FILE *out, const jx_accounts *a);

#endif
