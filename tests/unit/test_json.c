/* test_json.c — the streaming JSON reader and writer (src/json/).
 *
 * jx_jreader: the token sequence of a document, numbers delivered exactly as
 * written (money must never pass through a double), string escapes including
 * \u surrogate pairs, the 1-based line and column (in characters, not bytes)
 * of every kind of error, the nesting limit of 64, invalid UTF-8, trailing
 * garbage, a leading byte-order mark, the 1 MiB string limit, reading from a
 * FILE and across the 64 KiB buffer boundary, and jx_jreader_skip().
 * jx_jwriter: decimals written exactly ("99.18", "0.3"), string escaping,
 * the pretty layout down to pretty_depth, and round trips through the reader.
 * jx_json_tree / jx_jnode_get: small trees with positions and lookups.
 */
#include "testutil.h"

#include <unistd.h>

#include "json/reader.h"
#include "json/writer.h"

/* ---- helpers -------------------------------------------------------------- */

static jx_jreader *reader_new(const char *text, size_t len)
{
    jx_jreader *r = malloc(sizeof *r);
    assert_non_null(r);
    jx_jreader_init_mem(r, text, len);
    return r;
}

static void reader_del(jx_jreader *r)
{
    jx_jreader_free(r);
    free(r);
}

/* Read tokens until EOF or error; returns the final token and leaves the reader. */
static jx_jtok drain(jx_jreader *r)
{
    for (;;) {
        jx_jtok t = jx_jreader_next(r);
        if (t == JX_JT_EOF || t == JX_JT_ERROR) return t;
    }
}

typedef struct {
    const char *json;
    long line, col;
    const char *why; /* for the failure message */
} err_case;

/* Every case must fail with an error at (line, col); collect all mismatches. */
static void check_errors(const err_case *cases, size_t n)
{
    char report[4096];
    size_t used = 0;
    report[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        jx_jreader *r = reader_new(cases[i].json, strlen(cases[i].json));
        jx_jtok t = drain(r);
        if (t != JX_JT_ERROR) {
            used += (size_t)snprintf(report + used, sizeof report - used, "\n  %s: no error",
                                     cases[i].why);
        } else if (r->error_line != cases[i].line || r->error_col != cases[i].col || !r->error[0]) {
            used += (size_t)snprintf(report + used, sizeof report - used,
                                     "\n  %s: error at %ld:%ld, expected %ld:%ld (%s)",
                                     cases[i].why, r->error_line, r->error_col, cases[i].line,
                                     cases[i].col, r->error);
        }
        reader_del(r);
        if (used >= sizeof report) break;
    }
    if (report[0]) fail_msg("wrong error positions:%s", report);
}

/* ---- reader: tokens ------------------------------------------------------- */

static void token_sequence(void **state)
{
    (void)state;
    const char *json = "{\"a\": [1, -2.50, 3e2, true, false, null, \"x\"], \"b\": {}, \"c\": []}";
    static const jx_jtok want[] = {JX_JT_OBJ_BEGIN, JX_JT_KEY,     JX_JT_ARR_BEGIN, JX_JT_NUMBER,
                                   JX_JT_NUMBER,    JX_JT_NUMBER,  JX_JT_TRUE,      JX_JT_FALSE,
                                   JX_JT_NULL,      JX_JT_STRING,  JX_JT_ARR_END,   JX_JT_KEY,
                                   JX_JT_OBJ_BEGIN, JX_JT_OBJ_END, JX_JT_KEY,       JX_JT_ARR_BEGIN,
                                   JX_JT_ARR_END,   JX_JT_OBJ_END, JX_JT_EOF};
    static const char *text[] = {NULL, "a", NULL, "1",  "-2.50", "3e2", NULL, NULL, NULL, "x",
                                 NULL, "b", NULL, NULL, "c",     NULL,  NULL, NULL, NULL};
    jx_jreader *r = reader_new(json, strlen(json));
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        jx_jtok t = jx_jreader_next(r);
        if (t != want[i])
            fail_msg("token %zu: %d, expected %d (%s)", i, (int)t, (int)want[i], r->error);
        if (text[i]) assert_string_equal(r->text, text[i]);
    }
    /* EOF is sticky */
    assert_int_equal(jx_jreader_next(r), JX_JT_EOF);
    reader_del(r);
}

static void numbers_are_exact_text(void **state)
{
    (void)state;
    const char *json = "[189.132, 0.1, 99.180, 13092, -0, 1E+5, 2.5e-3, 0.30000000000000004, "
                       "1234567890123456789012]";
    static const char *want[] = {"189.132",
                                 "0.1",
                                 "99.180",
                                 "13092",
                                 "-0",
                                 "1E+5",
                                 "2.5e-3",
                                 "0.30000000000000004",
                                 "1234567890123456789012"};
    jx_jreader *r = reader_new(json, strlen(json));
    assert_int_equal(jx_jreader_next(r), JX_JT_ARR_BEGIN);
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        assert_int_equal(jx_jreader_next(r), JX_JT_NUMBER);
        assert_string_equal(r->text, want[i]);
        assert_int_equal(r->text_len, strlen(want[i]));
    }
    assert_int_equal(jx_jreader_next(r), JX_JT_ARR_END);
    assert_int_equal(jx_jreader_next(r), JX_JT_EOF);
    reader_del(r);
    /* the exact text goes to jx_dec_parse unchanged */
    jx_dec v;
    assert_true(jx_dec_parse("189.132", 7, &v, NULL));
    assert_dec_equal(v, "189.132");
}

static void string_escapes(void **state)
{
    (void)state;
    const char *json =
        "[\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t|\\u00e9\\u4E2D\\ud83d\\ude00\", \"项目\", \"\"]";
    jx_jreader *r = reader_new(json, strlen(json));
    assert_int_equal(jx_jreader_next(r), JX_JT_ARR_BEGIN);
    assert_int_equal(jx_jreader_next(r), JX_JT_STRING);
    const char *want = "a\"b\\c/d\b\f\n\r\t|\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80";
    assert_int_equal(r->text_len, strlen(want));
    assert_memory_equal(r->text, want, strlen(want));
    assert_int_equal(jx_jreader_next(r), JX_JT_STRING);
    assert_string_equal(r->text, "项目");
    assert_int_equal(jx_jreader_next(r), JX_JT_STRING);
    assert_string_equal(r->text, "");
    assert_int_equal(r->text_len, 0);
    assert_int_equal(jx_jreader_next(r), JX_JT_ARR_END);
    assert_int_equal(jx_jreader_next(r), JX_JT_EOF);
    reader_del(r);
}

static void bad_escapes_are_errors(void **state)
{
    (void)state;
    static const char *bad[] = {
        "[\"\\ud83d\"]",        /* high surrogate alone */
        "[\"\\ud83dx\"]",       /* high surrogate, then a character */
        "[\"\\ud83d\\u0041\"]", /* high surrogate, then not a low one */
        "[\"\\ude00\"]",        /* low surrogate alone */
        "[\"\\u12g4\"]",        /* not hex */
        "[\"\\u00\"]",          /* too short */
        "[\"\\u0000\"]",        /* NUL */
        "[\"\\x41\"]",          /* unknown escape */
        "[\"abc",               /* unterminated */
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        jx_jreader *r = reader_new(bad[i], strlen(bad[i]));
        if (drain(r) != JX_JT_ERROR) fail_msg("%s: accepted", bad[i]);
        if (!r->error[0] || r->error_line != 1) fail_msg("%s: no message or wrong line", bad[i]);
        reader_del(r);
    }
}

/* ---- reader: errors with positions --------------------------------------- */

static void structural_error_positions(void **state)
{
    (void)state;
    static const err_case cases[] = {
        /* the missing comma is on line 3, before the third object */
        {"{\"projects\": [\n  {\"a\": 1},\n  {\"b\": 2} {\"c\": 3}\n]}", 3, 12,
         "missing comma in array"},
        {"{\n  \"a\": 1,\n  \"b\": 2\n  \"c\": 3\n}", 4, 3, "missing comma in object"},
        {"[1 2]", 1, 4, "missing comma between numbers"},
        {"{\"a\" 1}", 1, 6, "missing colon"},
        {"{\"a\":1,}", 1, 8, "trailing comma in object"},
        {"[1,]", 1, 4, "trailing comma in array"},
        {"{a:1}", 1, 2, "unquoted key"},
        {"[01]", 1, 3, "leading zero"},
        {"[1.]", 1, 4, "no digit after point"},
        {"[1e]", 1, 4, "no digit in exponent"},
        {"[-]", 1, 3, "minus alone"},
        {"]", 1, 1, "closing bracket first"},
        {"[1}", 1, 3, "mismatched bracket"},
        {"{\"a\":1]", 1, 7, "mismatched brace"},
        {"[\n\n   @]", 3, 4, "unexpected character on line 3"},
        {"[1,\n2,\n", 3, 1, "end of file inside an array"},
        /* columns count characters, not bytes */
        {"{\"名称\":\"值\" \"x\":1}", 1, 11, "missing comma after CJK text"},
        {"\n\n  {\"项目\": 1,,}", 3, 12, "double comma after CJK key"},
        /* trailing garbage */
        {"{} x", 1, 4, "text after the document"},
        {"[1]]", 1, 4, "bracket after the document"},
        {"{}\n{}", 2, 1, "second document"},
        /* empty input */
        {"", 1, 1, "empty input"},
        {"  \n ", 2, 2, "only whitespace"},
        /* invalid bytes outside strings */
        {"[\xff]", 1, 2, "invalid byte"},
    };
    check_errors(cases, sizeof cases / sizeof *cases);
}

static void token_error_positions(void **state)
{
    (void)state;
    /* The error is at the offending character, not after it (reader.h: "the
     * 1-based line and column of the offending character"). */
    static const err_case cases[] = {
        {"[tru]", 1, 5, "literal cut short: ']' at column 5"},
        {"[nul1]", 1, 5, "literal with a wrong letter: '1' at column 5"},
        {"[fals ]", 1, 6, "literal with a space: ' ' at column 6"},
        {"[\"a\tb\"]", 1, 4, "control character: the tab at column 4"},
        {"[\"a\\qb\"]", 1, 4, "unknown escape: the backslash at column 4"},
    };
    check_errors(cases, sizeof cases / sizeof *cases);
}

static void invalid_utf8(void **state)
{
    (void)state;
    static const char *bad[] = {
        "[\"\xff\"]",             /* not a UTF-8 byte */
        "[\"a\xe4\xb8\"]",        /* truncated sequence */
        "[\"\xc0\xaf\"]",         /* overlong '/' */
        "[\"\xed\xa0\x80\"]",     /* UTF-16 surrogate encoded */
        "[\"\xf4\x90\x80\x80\"]", /* beyond U+10FFFF */
        "{\"\xe4\xb8\":1}",       /* in a key */
        "[\"ok\", \"\x80\"]",     /* stray continuation byte */
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        jx_jreader *r = reader_new(bad[i], strlen(bad[i]));
        if (drain(r) != JX_JT_ERROR) fail_msg("case %zu: invalid UTF-8 accepted", i);
        assert_int_equal(r->error_line, 1);
        assert_true(r->error_col >= 1);
        assert_non_null(strstr(r->error, "UTF-8"));
        reader_del(r);
    }
    /* valid multi-byte text passes */
    const char *ok = "[\"\xe4\xb8\xad\xf0\x9f\x98\x80\xc3\xa9\"]";
    jx_jreader *r = reader_new(ok, strlen(ok));
    assert_int_equal(drain(r), JX_JT_EOF);
    reader_del(r);
}

static void depth_limit(void **state)
{
    (void)state;
    char json[2 * (JX_JSON_MAX_DEPTH + 1) + 1];
    /* 64 levels: accepted */
    size_t n = 0;
    for (int i = 0; i < JX_JSON_MAX_DEPTH; i++)
        json[n++] = '[';
    for (int i = 0; i < JX_JSON_MAX_DEPTH; i++)
        json[n++] = ']';
    jx_jreader *r = reader_new(json, n);
    assert_int_equal(drain(r), JX_JT_EOF);
    reader_del(r);
    /* 65 levels: refused at the 65th bracket */
    n = 0;
    for (int i = 0; i < JX_JSON_MAX_DEPTH + 1; i++)
        json[n++] = '[';
    for (int i = 0; i < JX_JSON_MAX_DEPTH + 1; i++)
        json[n++] = ']';
    r = reader_new(json, n);
    assert_int_equal(drain(r), JX_JT_ERROR);
    assert_int_equal(r->error_line, 1);
    assert_int_equal(r->error_col, JX_JSON_MAX_DEPTH + 1);
    assert_int_equal(r->depth, JX_JSON_MAX_DEPTH);
    reader_del(r);
    /* objects count too: the 65th '{' follows 64 × `{"a":` */
    char obj[8 * (JX_JSON_MAX_DEPTH + 1)];
    n = 0;
    for (int i = 0; i < JX_JSON_MAX_DEPTH; i++) {
        memcpy(obj + n, "{\"a\":", 5);
        n += 5;
    }
    obj[n++] = '{';
    obj[n] = '\0';
    r = reader_new(obj, n);
    assert_int_equal(drain(r), JX_JT_ERROR);
    assert_int_equal(r->error_col, 5 * JX_JSON_MAX_DEPTH + 1);
    reader_del(r);
}

static void byte_order_mark(void **state)
{
    (void)state;
    const char *json = "\xef\xbb\xbf{\"a\": 1}";
    jx_jreader *r = reader_new(json, strlen(json));
    assert_int_equal(jx_jreader_next(r), JX_JT_OBJ_BEGIN);
    assert_int_equal(jx_jreader_next(r), JX_JT_KEY);
    assert_string_equal(r->text, "a");
    assert_int_equal(jx_jreader_next(r), JX_JT_NUMBER);
    assert_int_equal(jx_jreader_next(r), JX_JT_OBJ_END);
    assert_int_equal(jx_jreader_next(r), JX_JT_EOF);
    reader_del(r);
    /* a BOM in the middle is not whitespace */
    const char *mid = "[1, \xef\xbb\xbf 2]";
    r = reader_new(mid, strlen(mid));
    assert_int_equal(drain(r), JX_JT_ERROR);
    reader_del(r);
    /* a BOM followed by an error on line 2: the line is still right */
    const char *err = "\xef\xbb\xbf{\n  \"a\" 1}";
    r = reader_new(err, strlen(err));
    assert_int_equal(drain(r), JX_JT_ERROR);
    assert_int_equal(r->error_line, 2);
    assert_int_equal(r->error_col, 7);
    reader_del(r);
}

static void string_length_limit(void **state)
{
    (void)state;
    /* well over 1 MiB: refused, without crashing */
    size_t big = (size_t)JX_JSON_MAX_STRING * 2;
    char *json = malloc(big + 8);
    assert_non_null(json);
    json[0] = '[';
    json[1] = '"';
    memset(json + 2, 'a', big);
    memcpy(json + 2 + big, "\"]", 3);
    jx_jreader *r = reader_new(json, strlen(json));
    assert_int_equal(jx_jreader_next(r), JX_JT_ARR_BEGIN);
    assert_int_equal(jx_jreader_next(r), JX_JT_ERROR);
    assert_true(r->error[0] != '\0');
    reader_del(r);
    /* 200 KB: fine, and crosses the 64 KiB window several times */
    size_t mid = 200000;
    json[0] = '[';
    json[1] = '"';
    memset(json + 2, 'b', mid);
    memcpy(json + 2 + mid, "\"]", 3);
    r = reader_new(json, strlen(json));
    assert_int_equal(jx_jreader_next(r), JX_JT_ARR_BEGIN);
    assert_int_equal(jx_jreader_next(r), JX_JT_STRING);
    assert_int_equal(r->text_len, mid);
    assert_int_equal(r->text[mid - 1], 'b');
    assert_int_equal(jx_jreader_next(r), JX_JT_ARR_END);
    assert_int_equal(jx_jreader_next(r), JX_JT_EOF);
    reader_del(r);
    free(json);
}

/* A document over several 64 KiB windows, with multi-byte characters and
 * numbers straddling the boundaries; read from memory and from a FILE. */
static char *long_document(size_t items, size_t *len)
{
    size_t cap = items * 64 + 16, n = 0;
    char *s = malloc(cap);
    assert_non_null(s);
    n += (size_t)snprintf(s + n, cap - n, "[\n");
    for (size_t i = 0; i < items; i++)
        n += (size_t)snprintf(s + n, cap - n, "%s{\"项目\": \"中文%zu\", \"n\": %zu.25}\n",
                              i ? "," : "", i, i);
    n += (size_t)snprintf(s + n, cap - n, "]");
    *len = n;
    return s;
}

static void check_long_document(jx_jreader *r, size_t items)
{
    char want[64];
    assert_int_equal(jx_jreader_next(r), JX_JT_ARR_BEGIN);
    for (size_t i = 0; i < items; i++) {
        assert_int_equal(jx_jreader_next(r), JX_JT_OBJ_BEGIN);
        assert_int_equal(r->tok_line, (long)i + 2);
        assert_int_equal(jx_jreader_next(r), JX_JT_KEY);
        assert_string_equal(r->text, "项目");
        assert_int_equal(jx_jreader_next(r), JX_JT_STRING);
        snprintf(want, sizeof want, "中文%zu", i);
        assert_string_equal(r->text, want);
        assert_int_equal(jx_jreader_next(r), JX_JT_KEY);
        assert_int_equal(jx_jreader_next(r), JX_JT_NUMBER);
        snprintf(want, sizeof want, "%zu.25", i);
        assert_string_equal(r->text, want);
        assert_int_equal(jx_jreader_next(r), JX_JT_OBJ_END);
    }
    assert_int_equal(jx_jreader_next(r), JX_JT_ARR_END);
    assert_int_equal(jx_jreader_next(r), JX_JT_EOF);
}

static void long_input_from_memory_and_file(void **state)
{
    (void)state;
    size_t items = 8000, len;
    char *doc = long_document(items, &len);
    assert_true(len > 4 * 65536);
    jx_jreader *r = reader_new(doc, len);
    check_long_document(r, items);
    reader_del(r);

    FILE *fp = tmpfile();
    assert_non_null(fp);
    assert_int_equal(fwrite(doc, 1, len, fp), len);
    rewind(fp);
    r = malloc(sizeof *r);
    assert_non_null(r);
    jx_jreader_init_file(r, fp);
    check_long_document(r, items);
    jx_jreader_free(r);
    free(r);
    fclose(fp);
    free(doc);
}

static void skip_values(void **state)
{
    (void)state;
    const char *json =
        "{\"skip\": {\"a\": [1, {\"b\": [[]]}], \"c\": \"}\"}, \"keep\": 7, \"s\": \"x\"}";
    jx_jreader *r = reader_new(json, strlen(json));
    assert_int_equal(jx_jreader_next(r), JX_JT_OBJ_BEGIN);
    assert_int_equal(jx_jreader_next(r), JX_JT_KEY);
    assert_true(jx_jreader_skip(r, jx_jreader_next(r)));
    assert_int_equal(jx_jreader_next(r), JX_JT_KEY);
    assert_string_equal(r->text, "keep");
    jx_jtok t = jx_jreader_next(r);
    assert_int_equal(t, JX_JT_NUMBER);
    assert_true(jx_jreader_skip(r, t)); /* a scalar: nothing more to read */
    assert_int_equal(jx_jreader_next(r), JX_JT_KEY);
    assert_string_equal(r->text, "s");
    assert_int_equal(jx_jreader_next(r), JX_JT_STRING);
    assert_int_equal(jx_jreader_next(r), JX_JT_OBJ_END);
    assert_int_equal(jx_jreader_next(r), JX_JT_EOF);
    reader_del(r);
    /* an error inside the skipped value is reported */
    const char *bad = "[{\"a\": [1 2]}]";
    r = reader_new(bad, strlen(bad));
    assert_int_equal(jx_jreader_next(r), JX_JT_ARR_BEGIN);
    assert_false(jx_jreader_skip(r, jx_jreader_next(r)));
    assert_int_equal(r->error_col, 11);
    reader_del(r);
}

/* ---- trees ---------------------------------------------------------------- */

static void trees_and_lookup(void **state)
{
    (void)state;
    const char *json = "{\n"
                       "  \"name\": \"市场监管\",\n"
                       "  \"n\": 12.50,\n"
                       "  \"arr\": [1, {\"k\": null}, true, false],\n"
                       "  \"empty\": {}\n"
                       "}";
    jx_jreader *r = reader_new(json, strlen(json));
    jx_arena arena;
    jx_arena_init(&arena);
    jx_jnode *root = jx_json_tree(r, jx_jreader_next(r), &arena);
    assert_non_null(root);
    assert_int_equal(jx_jreader_next(r), JX_JT_EOF);
    assert_int_equal(root->type, JX_JN_OBJECT);
    assert_int_equal(root->count, 4);
    assert_int_equal(root->line, 1);
    assert_int_equal(root->col, 1);
    assert_string_equal(root->keys[2], "arr");

    const jx_jnode *name = jx_jnode_get(root, "name");
    assert_non_null(name);
    assert_int_equal(name->type, JX_JN_STRING);
    assert_string_equal(name->text, "市场监管");
    assert_int_equal(name->line, 2);
    assert_int_equal(name->col, 11);

    const jx_jnode *n = jx_jnode_get(root, "n");
    assert_int_equal(n->type, JX_JN_NUMBER);
    assert_string_equal(n->text, "12.50"); /* exact text */
    assert_int_equal(n->line, 3);

    const jx_jnode *arr = jx_jnode_get(root, "arr");
    assert_int_equal(arr->type, JX_JN_ARRAY);
    assert_int_equal(arr->count, 4);
    assert_null(arr->keys);
    assert_int_equal(arr->items[0]->type, JX_JN_NUMBER);
    assert_string_equal(arr->items[0]->text, "1");
    const jx_jnode *k = jx_jnode_get(arr->items[1], "k");
    assert_non_null(k);
    assert_int_equal(k->type, JX_JN_NULL);
    assert_int_equal(arr->items[2]->type, JX_JN_BOOL);
    assert_true(arr->items[2]->boolean);
    assert_int_equal(arr->items[3]->type, JX_JN_BOOL);
    assert_false(arr->items[3]->boolean);

    const jx_jnode *empty = jx_jnode_get(root, "empty");
    assert_int_equal(empty->type, JX_JN_OBJECT);
    assert_int_equal(empty->count, 0);

    assert_null(jx_jnode_get(root, "missing"));
    assert_null(jx_jnode_get(root, "Name")); /* keys are case-sensitive */
    assert_null(jx_jnode_get(arr, "k"));     /* not an object */
    assert_null(jx_jnode_get(NULL, "k"));
    reader_del(r);
    jx_arena_free(&arena);
}

static void tree_grows_past_its_first_capacity(void **state)
{
    (void)state;
    char json[4096];
    size_t n = 0;
    n += (size_t)snprintf(json + n, sizeof json - n, "{");
    for (int i = 0; i < 100; i++)
        n += (size_t)snprintf(json + n, sizeof json - n, "%s\"k%d\":%d", i ? "," : "", i, i);
    n += (size_t)snprintf(json + n, sizeof json - n, "}");
    jx_jreader *r = reader_new(json, n);
    jx_arena arena;
    jx_arena_init(&arena);
    jx_jnode *root = jx_json_tree(r, jx_jreader_next(r), &arena);
    assert_non_null(root);
    assert_int_equal(root->count, 100);
    for (int i = 0; i < 100; i++) {
        char key[16], val[16];
        snprintf(key, sizeof key, "k%d", i);
        snprintf(val, sizeof val, "%d", i);
        const jx_jnode *v = jx_jnode_get(root, key);
        assert_non_null(v);
        assert_string_equal(v->text, val);
    }
    reader_del(r);
    jx_arena_free(&arena);
}

static void tree_errors(void **state)
{
    (void)state;
    jx_arena arena;
    jx_arena_init(&arena);
    const char *bad = "{\"a\": [1, 2,\n \"b\" 3]}";
    jx_jreader *r = reader_new(bad, strlen(bad));
    assert_null(jx_json_tree(r, jx_jreader_next(r), &arena));
    assert_true(r->error[0] != '\0');
    assert_int_equal(r->error_line, 2);
    assert_int_equal(r->error_col, 6);
    reader_del(r);
    /* a tree cannot start at the end of the input */
    r = reader_new("1", 1);
    assert_int_equal(jx_jreader_next(r), JX_JT_NUMBER);
    assert_int_equal(jx_jreader_next(r), JX_JT_EOF);
    assert_true(r->error[0] == '\0');
    assert_null(jx_json_tree(r, JX_JT_EOF, &arena));
    assert_true(r->error[0] != '\0');
    reader_del(r);
    jx_arena_free(&arena);
}

/* ---- writer ---------------------------------------------------------------- */

typedef struct {
    jx_jwriter *w;
    FILE *fp;
    char *buf;
    size_t len;
} wout;

static void wout_open(wout *o, int pretty)
{
    o->buf = NULL;
    o->len = 0;
    o->fp = open_memstream(&o->buf, &o->len);
    assert_non_null(o->fp);
    o->w = malloc(sizeof *o->w);
    assert_non_null(o->w);
    jx_jw_init(o->w, o->fp, pretty);
}

/* Flush, close and return the text (owned by o). */
static const char *wout_close(wout *o)
{
    assert_true(jx_jw_flush(o->w));
    fclose(o->fp);
    free(o->w);
    return o->buf;
}

static void writer_decimals_are_exact(void **state)
{
    (void)state;
    wout o;
    wout_open(&o, 0);
    jx_jwriter *w = o.w;
    jx_jw_arr_begin(w);
    jx_jw_dec(w, D("99.18"));
    jx_jw_dec(w, D("0.1") + D("0.2"));
    jx_jw_dec(w, jx_dec_percent(D("189.132"), D("190.7"), 2));
    jx_jw_dec(w, D("189.132"));
    jx_jw_dec(w, JX_DEC(10));
    jx_jw_dec(w, D("-0.5"));
    jx_jw_dec(w, 1); /* the smallest step */
    jx_jw_dec(w, 0);
    jx_jw_dec(w, JX_NONE);
    jx_jw_int(w, -42);
    jx_jw_int(w, 2024);
    jx_jw_bool(w, true);
    jx_jw_bool(w, false);
    jx_jw_null(w);
    jx_jw_arr_end(w);
    const char *s = wout_close(&o);
    assert_string_equal(
        s, "[99.18,0.3,99.18,189.132,10,-0.5,0.000001,0,null,-42,2024,true,false,null]\n");
    free(o.buf);
}

static void writer_escapes_strings(void **state)
{
    (void)state;
    wout o;
    wout_open(&o, 0);
    jx_jwriter *w = o.w;
    jx_jw_obj_begin(w);
    jx_jw_key(w, "k\"ey");
    jx_jw_str(w, "a\"b\\c\nd\re\tf\x01g\x1fh/中文≥95%");
    jx_jw_key(w, "null");
    jx_jw_str(w, NULL);
    jx_jw_key(w, "");
    jx_jw_str(w, "");
    jx_jw_obj_end(w);
    const char *s = wout_close(&o);
    assert_string_equal(s, "{\"k\\\"ey\":\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u001fh/"
                           "中文≥95%\",\"null\":null,\"\":\"\"}\n");
    free(o.buf);
}

static void writer_pretty_layout(void **state)
{
    (void)state;
    wout o;
    wout_open(&o, 1);
    jx_jwriter *w = o.w;
    jx_jw_obj_begin(w);
    jx_jw_key(w, "a");
    jx_jw_dec(w, D("1.5"));
    jx_jw_key(w, "b");
    jx_jw_arr_begin(w);
    jx_jw_int(w, 1);
    jx_jw_obj_begin(w);
    jx_jw_key(w, "c");
    jx_jw_str(w, "d");
    jx_jw_obj_end(w);
    jx_jw_arr_end(w);
    jx_jw_key(w, "e");
    jx_jw_obj_begin(w);
    jx_jw_obj_end(w);
    jx_jw_key(w, "f");
    jx_jw_arr_begin(w);
    jx_jw_arr_end(w);
    jx_jw_obj_end(w);
    const char *s = wout_close(&o);
    assert_string_equal(
        s, "{\n  \"a\": 1.5,\n  \"b\": [1,{\"c\":\"d\"}],\n  \"e\": {},\n  \"f\": []\n}\n");
    free(o.buf);

    wout_open(&o, 2);
    w = o.w;
    jx_jw_obj_begin(w);
    jx_jw_key(w, "list");
    jx_jw_arr_begin(w);
    jx_jw_int(w, 1);
    jx_jw_int(w, 2);
    jx_jw_arr_end(w);
    jx_jw_obj_end(w);
    s = wout_close(&o);
    assert_string_equal(s, "{\n  \"list\": [\n    1,\n    2\n  ]\n}\n");
    free(o.buf);
}

static void writer_round_trip(void **state)
{
    (void)state;
    static const char *strs[] = {"控制在5%以内", "tab\there", "quote\"back\\slash", "\x01\x02",
                                 "😀"};
    static const char *decs[] = {"99.18", "0.000001", "-12.5", "1000000000", "13.092"};
    wout o;
    wout_open(&o, 1);
    jx_jwriter *w = o.w;
    jx_jw_obj_begin(w);
    jx_jw_key(w, "s");
    jx_jw_arr_begin(w);
    for (size_t i = 0; i < 5; i++)
        jx_jw_str(w, strs[i]);
    jx_jw_arr_end(w);
    jx_jw_key(w, "d");
    jx_jw_arr_begin(w);
    for (size_t i = 0; i < 5; i++)
        jx_jw_dec(w, D(decs[i]));
    jx_jw_arr_end(w);
    jx_jw_obj_end(w);
    const char *s = wout_close(&o);

    jx_jreader *r = reader_new(s, strlen(s));
    jx_arena arena;
    jx_arena_init(&arena);
    jx_jnode *root = jx_json_tree(r, jx_jreader_next(r), &arena);
    assert_non_null(root);
    assert_int_equal(jx_jreader_next(r), JX_JT_EOF);
    const jx_jnode *sa = jx_jnode_get(root, "s"), *da = jx_jnode_get(root, "d");
    assert_int_equal(sa->count, 5);
    assert_int_equal(da->count, 5);
    for (size_t i = 0; i < 5; i++) {
        assert_string_equal(sa->items[i]->text, strs[i]);
        assert_string_equal(da->items[i]->text, decs[i]);
    }
    reader_del(r);
    jx_arena_free(&arena);
    free(o.buf);
}

static void writer_large_output(void **state)
{
    (void)state;
    /* more than the 64 KiB buffer, in one string and in many small items */
    size_t big = 100000;
    char *str = malloc(big + 1);
    assert_non_null(str);
    memset(str, 'x', big);
    str[big] = '\0';
    wout o;
    wout_open(&o, 0);
    jx_jwriter *w = o.w;
    jx_jw_arr_begin(w);
    jx_jw_str(w, str);
    for (int i = 0; i < 20000; i++)
        jx_jw_dec(w, D("1.25"));
    jx_jw_arr_end(w);
    const char *s = wout_close(&o);
    /* [ "x…x" (big+2) then 20000 × ",1.25" then ]\n */
    assert_int_equal(strlen(s), 1 + big + 2 + 20000 * 5 + 2);
    assert_memory_equal(s + 1 + big + 2, ",1.25,1.25", 10);
    assert_string_equal(s + strlen(s) - 7, ",1.25]\n");
    free(o.buf);
    free(str);
}

static void writer_reports_write_failure(void **state)
{
    (void)state;
    /* a stream opened for reading cannot be written */
    FILE *fp = tmpfile();
    assert_non_null(fp);
    FILE *ro = fdopen(dup(fileno(fp)), "r");
    assert_non_null(ro);
    jx_jwriter *w = malloc(sizeof *w);
    assert_non_null(w);
    jx_jw_init(w, ro, 0);
    jx_jw_arr_begin(w);
    jx_jw_int(w, 1);
    jx_jw_arr_end(w);
    assert_false(jx_jw_flush(w));
    assert_true(w->failed);
    free(w);
    fclose(ro);
    fclose(fp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(token_sequence),
        cmocka_unit_test(numbers_are_exact_text),
        cmocka_unit_test(string_escapes),
        cmocka_unit_test(bad_escapes_are_errors),
        cmocka_unit_test(structural_error_positions),
        cmocka_unit_test(token_error_positions),
        cmocka_unit_test(invalid_utf8),
        cmocka_unit_test(depth_limit),
        cmocka_unit_test(byte_order_mark),
        cmocka_unit_test(string_length_limit),
        cmocka_unit_test(long_input_from_memory_and_file),
        cmocka_unit_test(skip_values),
        cmocka_unit_test(trees_and_lookup),
        cmocka_unit_test(tree_grows_past_its_first_capacity),
        cmocka_unit_test(tree_errors),
        cmocka_unit_test(writer_decimals_are_exact),
        cmocka_unit_test(writer_escapes_strings),
        cmocka_unit_test(writer_pretty_layout),
        cmocka_unit_test(writer_round_trip),
        cmocka_unit_test(writer_large_output),
        cmocka_unit_test(writer_reports_write_failure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
