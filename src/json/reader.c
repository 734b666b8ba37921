/* reader.c — streaming JSON pull reader and small trees; see reader.h. */
#include "reader.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../base/text.h"

enum {
    E_VALUE,        /* a value */
    E_VALUE_OR_END, /* after '[' */
    E_KEY_OR_END,   /* after '{' */
    E_KEY,          /* after ',' in an object */
    E_COLON,        /* after a key */
    E_COMMA_OR_END, /* after a member */
    E_DONE          /* after the top-level value */
};

static void init_common(jx_jreader *r)
{
    r->data = r->buf;
    r->pos = r->len = 0;
    r->eof = false;
    r->line = r->col = 1;
    r->text = NULL;
    r->text_len = r->text_cap = 0;
    r->depth = 0;
    r->expect = E_VALUE;
    r->finished = false;
    r->error[0] = '\0';
    r->error_line = r->error_col = 0;
}

void jx_jreader_init_file(jx_jreader *r, FILE *fp)
{
    r->fp = fp;
    r->mem = NULL;
    r->mem_len = 0;
    init_common(r);
}

void jx_jreader_init_mem(jx_jreader *r, const char *data, size_t len)
{
    r->fp = NULL;
    r->mem = (const unsigned char *)data;
    r->mem_len = len;
    init_common(r);
}

void jx_jreader_free(jx_jreader *r)
{
    free(r->text);
    r->text = NULL;
    r->text_cap = 0;
}

/* ---- characters ---------------------------------------------------------- */

static bool fill(jx_jreader *r)
{
    if (r->eof) return false;
    if (!r->fp) {
        /* memory: the caller's buffer is read in place, in one piece */
        r->eof = r->mem_len == 0;
        r->data = r->mem;
        r->pos = 0;
        r->len = r->mem_len;
        r->mem_len = 0;
        return !r->eof;
    }
    r->data = r->buf;
    size_t n = fread(r->buf, 1, sizeof r->buf, r->fp);
    if (n == 0) {
        r->eof = true;
        return false;
    }
    r->pos = 0;
    r->len = n;
    return true;
}

static inline int peek(jx_jreader *r)
{
    if (r->pos == r->len && !fill(r)) return -1;
    return r->data[r->pos];
}

static inline int get(jx_jreader *r)
{
    if (r->pos == r->len && !fill(r)) return -1;
    int c = r->data[r->pos++];
    if (c == '\n') {
        r->line++;
        r->col = 1;
    } else if ((c & 0xC0) != 0x80) {
        r->col++; /* count characters, not bytes */
    }
    return c;
}

static jx_jtok fail_at(jx_jreader *r, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Record an error at (line, col); returns JX_JT_ERROR. */
static jx_jtok fail_at(jx_jreader *r, long line, long col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->error, sizeof r->error, fmt, ap);
    va_end(ap);
    r->error_line = line;
    r->error_col = col;
    return JX_JT_ERROR;
}

/* An error at the next, not yet consumed, character. */
#define fail(r, ...) fail_at((r), (r)->line, (r)->col, __VA_ARGS__)

static bool text_push(jx_jreader *r, char c)
{
    if (r->text_len + 1 >= r->text_cap) {
        if (r->text_cap >= JX_JSON_MAX_STRING) return false;
        size_t cap = r->text_cap ? r->text_cap * 2 : 256;
        r->text = jx_xrealloc(r->text, cap);
        r->text_cap = cap;
    }
    r->text[r->text_len++] = c;
    r->text[r->text_len] = '\0';
    return true;
}

static bool text_append(jx_jreader *r, const unsigned char *src, size_t n)
{
    if (r->text_len + n + 1 > r->text_cap) {
        size_t cap = r->text_cap ? r->text_cap : 256;
        while (cap < r->text_len + n + 1)
            cap *= 2;
        if (cap > JX_JSON_MAX_STRING) return false;
        r->text = jx_xrealloc(r->text, cap);
        r->text_cap = cap;
    }
    memcpy(r->text + r->text_len, src, n);
    r->text_len += n;
    r->text[r->text_len] = '\0';
    return true;
}

static void text_clear(jx_jreader *r)
{
    r->text_len = 0;
    if (!r->text) {
        r->text = jx_xmalloc(256);
        r->text_cap = 256;
    }
    r->text[0] = '\0';
}

static void skip_space(jx_jreader *r)
{
    for (;;) {
        int c = peek(r);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            get(r);
        } else if (c == 0xEF && r->line == 1 && r->col == 1) {
            /* UTF-8 byte-order mark at the start */
            get(r);
            if (peek(r) == 0xBB) get(r);
            if (peek(r) == 0xBF) get(r);
        } else {
            return;
        }
    }
}

static int hex4(jx_jreader *r)
{
    int v = 0;
    for (int i = 0; i < 4; i++) {
        int c = get(r);
        if (c >= '0' && c <= '9')
            v = v * 16 + (c - '0');
        else if (c >= 'a' && c <= 'f')
            v = v * 16 + (c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v = v * 16 + (c - 'A' + 10);
        else
            return -1;
    }
    return v;
}

static bool push_utf8(jx_jreader *r, unsigned cp)
{
    if (cp < 0x80) return text_push(r, (char)cp);
    if (cp < 0x800)
        return text_push(r, (char)(0xC0 | (cp >> 6))) && text_push(r, (char)(0x80 | (cp & 0x3F)));
    if (cp < 0x10000)
        return text_push(r, (char)(0xE0 | (cp >> 12))) &&
               text_push(r, (char)(0x80 | ((cp >> 6) & 0x3F))) &&
               text_push(r, (char)(0x80 | (cp & 0x3F)));
    return text_push(r, (char)(0xF0 | (cp >> 18))) &&
           text_push(r, (char)(0x80 | ((cp >> 12) & 0x3F))) &&
           text_push(r, (char)(0x80 | ((cp >> 6) & 0x3F))) &&
           text_push(r, (char)(0x80 | (cp & 0x3F)));
}

static jx_jtok read_string(jx_jreader *r, jx_jtok kind)
{
    get(r); /* opening quote */
    text_clear(r);
    for (;;) {
        /* fast path: copy a run of plain characters from the buffer at once */
        if (r->pos < r->len) {
            const unsigned char *start = r->data + r->pos, *end = r->data + r->len, *q = start;
            long chars = 0;
            while (q < end && *q >= 0x20 && *q != '"' && *q != '\\') {
                chars += (*q & 0xC0) != 0x80;
                q++;
            }
            if (q > start) {
                if (!text_append(r, start, (size_t)(q - start)))
                    return fail(r, "字符串过长, 超过 1 MiB (string too long)");
                r->pos += (size_t)(q - start);
                r->col += chars;
                continue;
            }
        }
        long at_line = r->line, at_col = r->col; /* of the character about to be read */
        int c = get(r);
        if (c < 0) return fail(r, "字符串没有结束引号 (unterminated string)");
        if (c == '"') break;
        if (c < 0x20)
            return fail_at(r, at_line, at_col, "字符串中有控制字符 (control character in string)");
        if (c == '\\') {
            int e = get(r);
            unsigned cp;
            switch (e) {
            case '"':
                cp = '"';
                break;
            case '\\':
                cp = '\\';
                break;
            case '/':
                cp = '/';
                break;
            case 'b':
                cp = '\b';
                break;
            case 'f':
                cp = '\f';
                break;
            case 'n':
                cp = '\n';
                break;
            case 'r':
                cp = '\r';
                break;
            case 't':
                cp = '\t';
                break;
            case 'u': {
                int h = hex4(r);
                if (h < 0) return fail(r, "\\u 转义不是四位十六进制数 (bad \\u escape)");
                cp = (unsigned)h;
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    if (get(r) != '\\' || get(r) != 'u')
                        return fail(r, "\\u 代理对不完整 (unpaired surrogate)");
                    int lo = hex4(r);
                    if (lo < 0xDC00 || lo > 0xDFFF)
                        return fail(r, "\\u 代理对不完整 (unpaired surrogate)");
                    cp = 0x10000 + ((cp - 0xD800) << 10) + ((unsigned)lo - 0xDC00);
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    return fail(r, "\\u 代理对不完整 (unpaired surrogate)");
                } else if (cp == 0) {
                    return fail(r, "字符串中不能有 \\u0000 (NUL in string)");
                }
                break;
            }
            default:
                return fail_at(r, at_line, at_col, "未知的转义字符 (unknown escape)");
            }
            if (!push_utf8(r, cp)) return fail(r, "字符串过长, 超过 1 MiB (string too long)");
            continue;
        }
        if (!text_push(r, (char)c)) return fail(r, "字符串过长, 超过 1 MiB (string too long)");
    }
    if (!jx_text_valid_utf8(r->text, r->text_len))
        return fail(r, "字符串不是有效的 UTF-8 编码 (invalid UTF-8)");
    return kind;
}

static bool is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static jx_jtok read_number(jx_jreader *r)
{
    text_clear(r);
    int c = peek(r);
    if (c == '-') text_push(r, (char)get(r));
    c = peek(r);
    if (!is_digit(c)) return fail(r, "数字格式错误 (bad number)");
    if (c == '0') {
        text_push(r, (char)get(r));
        if (is_digit(peek(r))) return fail(r, "数字不能以 0 开头 (leading zero)");
    }
    while (is_digit(peek(r)))
        if (!text_push(r, (char)get(r))) return fail(r, "数字过长 (number too long)");
    if (peek(r) == '.') {
        text_push(r, (char)get(r));
        if (!is_digit(peek(r))) return fail(r, "小数点后缺少数字 (digit expected after '.')");
        while (is_digit(peek(r)))
            if (!text_push(r, (char)get(r))) return fail(r, "数字过长 (number too long)");
    }
    c = peek(r);
    if (c == 'e' || c == 'E') {
        text_push(r, (char)get(r));
        c = peek(r);
        if (c == '+' || c == '-') text_push(r, (char)get(r));
        if (!is_digit(peek(r))) return fail(r, "指数缺少数字 (digit expected in exponent)");
        while (is_digit(peek(r)))
            if (!text_push(r, (char)get(r))) return fail(r, "数字过长 (number too long)");
    }
    return JX_JT_NUMBER;
}

static jx_jtok read_literal(jx_jreader *r, const char *word, jx_jtok tok)
{
    for (const char *p = word; *p; p++) {
        if (peek(r) != *p) return fail(r, "无法识别的内容, 应为 %s (expected %s)", word, word);
        get(r);
    }
    return tok;
}

static void value_done(jx_jreader *r)
{
    if (r->depth == 0) {
        r->finished = true;
        r->expect = E_DONE;
    } else {
        r->expect = E_COMMA_OR_END;
    }
}

static const char *describe(int c)
{
    return c < 0 ? "文件结尾 (end of file)" : "此处的字符 (this character)";
}

jx_jtok jx_jreader_next(jx_jreader *r)
{
    for (;;) {
        skip_space(r);
        r->tok_line = r->line;
        r->tok_col = r->col;
        int c = peek(r);
        switch (r->expect) {
        case E_DONE:
            if (c < 0) return JX_JT_EOF;
            return fail(r, "JSON 值之后还有多余内容 (extra data after the document)");
        case E_COLON:
            if (c != ':') return fail(r, "键之后应为冒号, 遇到%s (expected ':')", describe(c));
            get(r);
            r->expect = E_VALUE;
            continue;
        case E_COMMA_OR_END: {
            char top = (char)r->stack[r->depth - 1];
            if (c == ',') {
                get(r);
                r->expect = top == 'o' ? E_KEY : E_VALUE;
                continue;
            }
            if ((c == '}' && top == 'o') || (c == ']' && top == 'a')) {
                get(r);
                r->depth--;
                value_done(r);
                return top == 'o' ? JX_JT_OBJ_END : JX_JT_ARR_END;
            }
            return fail(r, "缺少逗号或%s, 遇到%s (expected ',' or '%c')",
                        top == 'o' ? "右花括号 }" : "右方括号 ]", describe(c),
                        top == 'o' ? '}' : ']');
        }
        case E_KEY_OR_END:
            if (c == '}') {
                get(r);
                r->depth--;
                value_done(r);
                return JX_JT_OBJ_END;
            }
            /* fall through */
        case E_KEY:
            if (c != '"')
                return fail(r, "应为带引号的键名, 遇到%s (expected a quoted key)", describe(c));
            if (read_string(r, JX_JT_KEY) == JX_JT_ERROR) return JX_JT_ERROR;
            r->expect = E_COLON;
            return JX_JT_KEY;
        case E_VALUE_OR_END:
            if (c == ']') {
                get(r);
                r->depth--;
                value_done(r);
                return JX_JT_ARR_END;
            }
            /* fall through */
        case E_VALUE:
        default:
            break;
        }
        /* a value */
        if (c == '{' || c == '[') {
            if (r->depth >= JX_JSON_MAX_DEPTH)
                return fail(r, "嵌套超过 %d 层 (nesting too deep)", JX_JSON_MAX_DEPTH);
            get(r);
            r->stack[r->depth++] = c == '{' ? 'o' : 'a';
            r->expect = c == '{' ? E_KEY_OR_END : E_VALUE_OR_END;
            return c == '{' ? JX_JT_OBJ_BEGIN : JX_JT_ARR_BEGIN;
        }
        jx_jtok t;
        if (c == '"')
            t = read_string(r, JX_JT_STRING);
        else if (c == '-' || is_digit(c))
            t = read_number(r);
        else if (c == 't')
            t = read_literal(r, "true", JX_JT_TRUE);
        else if (c == 'f')
            t = read_literal(r, "false", JX_JT_FALSE);
        else if (c == 'n')
            t = read_literal(r, "null", JX_JT_NULL);
        else if (c < 0)
            return fail(r, "文件意外结束, 应为一个值 (unexpected end of file)");
        else
            return fail(r, "应为一个 JSON 值, 遇到无法识别的字符 (unexpected character)");
        if (t == JX_JT_ERROR) return t;
        value_done(r);
        return t;
    }
}

bool jx_jreader_skip(jx_jreader *r, jx_jtok first)
{
    if (first != JX_JT_OBJ_BEGIN && first != JX_JT_ARR_BEGIN) return first != JX_JT_ERROR;
    int depth = 1;
    while (depth > 0) {
        jx_jtok t = jx_jreader_next(r);
        if (t == JX_JT_ERROR || t == JX_JT_EOF) return false;
        if (t == JX_JT_OBJ_BEGIN || t == JX_JT_ARR_BEGIN) depth++;
        if (t == JX_JT_OBJ_END || t == JX_JT_ARR_END) depth--;
    }
    return true;
}

/* ---- trees --------------------------------------------------------------- */

jx_jnode *jx_json_tree(jx_jreader *r, jx_jtok first, jx_arena *arena)
{
    jx_jnode *n = jx_arena_calloc(arena, 1, sizeof *n);
    n->line = r->tok_line;
    n->col = r->tok_col;
    switch (first) {
    case JX_JT_NULL:
        n->type = JX_JN_NULL;
        return n;
    case JX_JT_TRUE:
    case JX_JT_FALSE:
        n->type = JX_JN_BOOL;
        n->boolean = first == JX_JT_TRUE;
        return n;
    case JX_JT_NUMBER:
    case JX_JT_STRING:
        n->type = first == JX_JT_NUMBER ? JX_JN_NUMBER : JX_JN_STRING;
        n->text = jx_arena_strndup(arena, r->text, r->text_len);
        return n;
    case JX_JT_OBJ_BEGIN:
    case JX_JT_ARR_BEGIN: {
        bool object = first == JX_JT_OBJ_BEGIN;
        n->type = object ? JX_JN_OBJECT : JX_JN_ARRAY;
        size_t cap = 0;
        for (;;) {
            jx_jtok t = jx_jreader_next(r);
            if (t == JX_JT_ERROR) return NULL;
            if (t == JX_JT_OBJ_END || t == JX_JT_ARR_END) return n;
            const char *key = NULL;
            long key_line = 0, key_col = 0;
            if (object) {
                key = jx_arena_strndup(arena, r->text, r->text_len);
                key_line = r->tok_line;
                key_col = r->tok_col;
                t = jx_jreader_next(r);
                if (t == JX_JT_ERROR) return NULL;
            }
            jx_jnode *child = jx_json_tree(r, t, arena);
            if (!child) return NULL;
            child->key_line = key_line;
            child->key_col = key_col;
            if (n->count == cap) {
                size_t ncap = cap ? cap * 2 : 8;
                n->items =
                    jx_arena_grow(arena, n->items, cap * sizeof *n->items, ncap * sizeof *n->items);
                if (object)
                    n->keys = jx_arena_grow(arena, n->keys, cap * sizeof *n->keys,
                                            ncap * sizeof *n->keys);
                cap = ncap;
            }
            if (object) n->keys[n->count] = key;
            n->items[n->count++] = child;
        }
    }
    case JX_JT_EOF:
        fail(r, "文件意外结束, 应为一个值 (unexpected end of file)");
        return NULL;
    default:
        if (r->error[0] == '\0') fail(r, "此处应为一个 JSON 值 (a value was expected)");
        return NULL;
    }
}

const jx_jnode *jx_jnode_get(const jx_jnode *obj, const char *key)
{
    if (!obj || obj->type != JX_JN_OBJECT) return NULL;
    for (size_t i = 0; i < obj->count; i++)
        if (strcmp(obj->keys[i], key) == 0) return obj->items[i];
    return NULL;
}
