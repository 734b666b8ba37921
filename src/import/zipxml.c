/* zipxml.c — safe zip parts, streamed XML, relationships, cell text and the
 * in-memory row store shared by docx.c and xlsx.c; see zipxml.h for the
 * limits and why they are there. */
#include "zipxml.h"

#include <errno.h>
#include <expat.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "../base/text.h"

#define NS_SEP '\x01'          /* expat joins "namespace-URI" NS_SEP "local-name" */
#define READ_CHUNK (64 * 1024) /* bytes inflated and parsed at a time */

struct jx_zip {
    zip_t *archive;
    const jx_zip_kind *kind;
    unsigned long long total_read; /* bytes inflated from all parts so far */
};

struct jx_xml {
    XML_Parser parser;
    const jx_xml_handler *h;
    const char *part;
    int depth;
    bool failed; /* err holds the message; no more callbacks */
    char *err;
    size_t errlen;
};

/* ---- messages ----------------------------------------------------------------- */

static void say(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void say(char *err, size_t errlen, const char *fmt, ...)
{
    if (!err || errlen == 0) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

static void not_valid(const jx_zip_kind *k, const char *why, char *err, size_t errlen)
{
    say(err, errlen, "文件已损坏或不是 %s (not a valid %s: %s)", k->zh, k->en, why);
}

static void cannot_read(const jx_zip *z, const char *part, const char *why, char *err,
                        size_t errlen)
{
    say(err, errlen, "文件已损坏或不是 %s: 无法读取 %s (not a valid %s: cannot read %s: %s)",
        z->kind->zh, part, z->kind->en, part, why);
}

void jx_zip_missing(const jx_zip *z, const char *part, char *err, size_t errlen)
{
    say(err, errlen, "文件已损坏或不是 %s: 缺少 %s (not a valid %s: %s is missing)", z->kind->zh,
        part, z->kind->en, part);
}

#define BOMB_ZH "文件解压后过大, 可能是压缩炸弹: "
#define BOMB_EN "zip bomb? "

/* ---- opening the archive --------------------------------------------------------- */

/* Old binary Office files (.doc, .xls) and encrypted .docx/.xlsx are OLE
 * compound files, not zips: say so instead of "not a zip archive". */
static bool is_ole(const unsigned char *b, size_t n)
{
    static const unsigned char ole[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    return n >= 8 && memcmp(b, ole, 8) == 0;
}

static void say_ole(const jx_zip_kind *k, char *err, size_t errlen)
{
    say(err, errlen,
        "文件是旧版 Office 格式 (.doc/.xls) 或已加密, 请另存为 %s (an old .doc/.xls or an "
        "encrypted file, "
        "not a valid %s: save it as %s without a password)",
        k->en, k->en, k->en);
}

static bool finish_open(zip_t *za, const jx_zip_kind *kind, jx_zip **out, char *err, size_t errlen)
{
    zip_int64_t entries = zip_get_num_entries(za, 0);
    if (entries > JX_MAX_ZIP_ENTRIES) {
        zip_discard(za);
        say(err, errlen, BOMB_ZH "共 %lld 个条目, 上限 %d (" BOMB_EN "%lld entries, limit %d)",
            (long long)entries, JX_MAX_ZIP_ENTRIES, (long long)entries, JX_MAX_ZIP_ENTRIES);
        return false;
    }
    jx_zip *z = jx_xmalloc(sizeof *z);
    z->archive = za;
    z->kind = kind;
    z->total_read = 0;
    *out = z;
    return true;
}

bool jx_zip_open_path(const char *path, const jx_zip_kind *kind, jx_zip **out, char *err,
                      size_t errlen)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) {
        const char *why = strerror(errno);
        say(err, errlen, "无法打开文件 %s: %s (cannot open %s: %s)", path, why, path, why);
        return false;
    }
    unsigned char magic[8];
    size_t got = fread(magic, 1, sizeof magic, f);
    fclose(f);
    if (is_ole(magic, got)) {
        say_ole(kind, err, errlen);
        return false;
    }
    int code = 0;
    zip_t *za = zip_open(path, ZIP_RDONLY, &code);
    if (!za) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, code);
        not_valid(kind, zip_error_strerror(&ze), err, errlen);
        zip_error_fini(&ze);
        return false;
    }
    return finish_open(za, kind, out, err, errlen);
}

bool jx_zip_open_mem(const void *data, size_t len, const jx_zip_kind *kind, jx_zip **out, char *err,
                     size_t errlen)
{
    *out = NULL;
    if (!data || len == 0) {
        not_valid(kind, "empty file", err, errlen);
        return false;
    }
    if (is_ole(data, len)) {
        say_ole(kind, err, errlen);
        return false;
    }
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
    zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
    if (!za) {
        if (src) zip_source_free(src);
        not_valid(kind, zip_error_strerror(&ze), err, errlen);
        zip_error_fini(&ze);
        return false;
    }
    zip_error_fini(&ze);
    return finish_open(za, kind, out, err, errlen);
}

void jx_zip_close(jx_zip *z)
{
    if (!z) return;
    zip_discard(z->archive);
    free(z);
}

bool jx_zip_has(jx_zip *z, const char *part)
{
    return zip_name_locate(z->archive, part, ZIP_FL_NOCASE) >= 0;
}

/* ---- names and attributes ---------------------------------------------------------- */

static const struct {
    const char *uri;
    int ns;
} known_ns[] = {
    {"http://schemas.openxmlformats.org/wordprocessingml/2006/main", JX_NS_W},
    {"http://purl.oclc.org/ooxml/wordprocessingml/main", JX_NS_W},
    {"http://schemas.openxmlformats.org/spreadsheetml/2006/main", JX_NS_SS},
    {"http://purl.oclc.org/ooxml/spreadsheetml/main", JX_NS_SS},
    {"http://schemas.openxmlformats.org/officeDocument/2006/relationships", JX_NS_R},
    {"http://purl.oclc.org/ooxml/officeDocument/relationships", JX_NS_R},
    {"http://schemas.openxmlformats.org/package/2006/relationships", JX_NS_PKGREL},
    {"http://schemas.openxmlformats.org/markup-compatibility/2006", JX_NS_MC},
};

/* Split expat's "URI\1local" into a namespace code and the local name. */
static int split_name(const char *name, const char **local)
{
    const char *sep = strchr(name, NS_SEP);
    if (!sep) {
        *local = name;
        return JX_NS_NONE;
    }
    *local = sep + 1;
    size_t n = (size_t)(sep - name);
    for (size_t i = 0; i < sizeof known_ns / sizeof known_ns[0]; i++)
        if (strlen(known_ns[i].uri) == n && memcmp(known_ns[i].uri, name, n) == 0)
            return known_ns[i].ns;
    return JX_NS_OTHER;
}

const char *jx_xml_attr(const char **attrs, int ns, const char *name)
{
    for (size_t i = 0; attrs && attrs[i]; i += 2) {
        const char *local;
        if (split_name(attrs[i], &local) == ns && strcmp(local, name) == 0) return attrs[i + 1];
    }
    return NULL;
}

void *jx_xml_user(const jx_xml *x)
{
    return x->h->user;
}

int jx_xml_depth(const jx_xml *x)
{
    return x->depth;
}

void jx_xml_fail(jx_xml *x, const char *zh_fmt, const char *en_fmt, ...)
{
    if (x->failed) return; /* the first reason is the one to report */
    char zh[512], en[512];
    va_list ap, again;
    va_start(ap, en_fmt);
    va_copy(again, ap);
    vsnprintf(zh, sizeof zh, zh_fmt, ap);
    vsnprintf(en, sizeof en, en_fmt, again);
    va_end(again);
    va_end(ap);
    unsigned long line = (unsigned long)XML_GetCurrentLineNumber(x->parser);
    unsigned long col = (unsigned long)XML_GetCurrentColumnNumber(x->parser) + 1;
    say(x->err, x->errlen, "%s 第 %lu 行第 %lu 列: %s (%s line %lu, column %lu: %s)", x->part, line,
        col, zh, x->part, line, col, en);
    x->failed = true;
    XML_StopParser(x->parser, XML_FALSE);
}

/* ---- expat callbacks ------------------------------------------------------------------ */

static void XMLCALL on_start(void *ud, const XML_Char *name, const XML_Char **attrs)
{
    jx_xml *x = ud;
    if (x->failed) return;
    if (++x->depth > JX_MAX_XML_DEPTH) {
        jx_xml_fail(x, "元素嵌套超过 %d 层", "elements nested deeper than %d levels",
                    JX_MAX_XML_DEPTH);
        return;
    }
    const char *local;
    int ns = split_name(name, &local);
    if (x->h->start) x->h->start(x, ns, local, attrs);
}

static void XMLCALL on_end(void *ud, const XML_Char *name)
{
    jx_xml *x = ud;
    if (x->failed) return;
    const char *local;
    int ns = split_name(name, &local);
    if (x->h->end) x->h->end(x, ns, local);
    x->depth--;
}

static void XMLCALL on_text(void *ud, const XML_Char *s, int len)
{
    jx_xml *x = ud;
    if (x->failed || len <= 0) return;
    if (x->h->text) x->h->text(x, s, (size_t)len);
}

/* A DOCTYPE is where entities are declared ("billion laughs"); Office never
 * writes one, so any is refused before it can expand anything. */
static void XMLCALL on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
                               const XML_Char *pubid, int has_internal_subset)
{
    (void)name, (void)sysid, (void)pubid, (void)has_internal_subset;
    jx_xml_fail(ud, "含有 DOCTYPE 声明, 可能是 XML 炸弹, 拒绝读取",
                "a DOCTYPE declaration, possibly an XML bomb; refused");
}

static void XMLCALL on_entity(void *ud, const XML_Char *name, int is_param, const XML_Char *value,
                              int len, const XML_Char *base, const XML_Char *sysid,
                              const XML_Char *pubid, const XML_Char *notation)
{
    (void)name, (void)is_param, (void)value, (void)len, (void)base, (void)sysid, (void)pubid,
        (void)notation;
    jx_xml_fail(ud, "含有实体声明, 可能是 XML 炸弹, 拒绝读取",
                "an entity declaration, possibly an XML bomb; refused");
}

/* ---- streaming one part ------------------------------------------------------------------ */

/* Keep count of the bytes since the last '>': a tag is never longer, and
 * expat holds a whole tag in memory until it ends. */
static bool tags_short(const char *buf, size_t n, size_t *since_gt)
{
    size_t i = n;
    while (i > 0 && buf[i - 1] != '>')
        i--;
    *since_gt = i > 0 ? n - i : *since_gt + n;
    return *since_gt <= JX_XML_MAX_TAG;
}

static bool xml_error(jx_xml *x)
{
    if (x->failed) return false; /* a callback said why */
    enum XML_Error code = XML_GetErrorCode(x->parser);
    unsigned long line = (unsigned long)XML_GetCurrentLineNumber(x->parser);
    unsigned long col = (unsigned long)XML_GetCurrentColumnNumber(x->parser) + 1;
    say(x->err, x->errlen,
        "%s 第 %lu 行第 %lu 列: XML 格式错误 (%s line %lu, column %lu: XML error: %s)", x->part,
        line, col, x->part, line, col, XML_ErrorString(code));
    return false;
}

static bool stream_part(jx_zip *z, zip_file_t *f, jx_xml *x, unsigned long long stated)
{
    unsigned long long got = 0;
    size_t since_gt = 0;
    for (;;) {
        void *buf = XML_GetBuffer(x->parser, READ_CHUNK);
        if (!buf) {
            say(x->err, x->errlen, "内存不足 (out of memory reading %s)", x->part);
            return false;
        }
        zip_int64_t n = zip_fread(f, buf, READ_CHUNK);
        if (n < 0) {
            cannot_read(z, x->part, zip_file_strerror(f), x->err, x->errlen);
            return false;
        }
        got += (unsigned long long)n;
        z->total_read += (unsigned long long)n;
        if (got > stated) {
            say(x->err, x->errlen,
                BOMB_ZH "%s 解压后超过 %llu 字节 (" BOMB_EN "%s expands to more than %llu bytes)",
                x->part, stated, x->part, stated);
            return false;
        }
        if (z->total_read > JX_ZIP_TOTAL_BYTES) {
            say(x->err, x->errlen,
                BOMB_ZH "各部分解压后共超过 %llu 字节 (" BOMB_EN
                        "the parts expand to more than %llu bytes)",
                JX_ZIP_TOTAL_BYTES, JX_ZIP_TOTAL_BYTES);
            return false;
        }
        if (!tags_short(buf, (size_t)n, &since_gt)) {
            say(x->err, x->errlen, "%s: XML 标记超过 %u 字节 (%s: a tag longer than %u bytes)",
                x->part, JX_XML_MAX_TAG, x->part, JX_XML_MAX_TAG);
            return false;
        }
        if (XML_ParseBuffer(x->parser, (int)n, n == 0) != XML_STATUS_OK) return xml_error(x);
        if (n == 0) return true;
    }
}

static XML_Parser new_parser(jx_xml *x)
{
    XML_Parser p = XML_ParserCreateNS(NULL, NS_SEP);
    if (!p) {
        fprintf(stderr, "jixiao: 内存不足 (out of memory: XML parser)\n");
        abort();
    }
    XML_SetUserData(p, x);
    XML_SetElementHandler(p, on_start, on_end);
    XML_SetCharacterDataHandler(p, on_text);
    XML_SetStartDoctypeDeclHandler(p, on_doctype);
    XML_SetEntityDeclHandler(p, on_entity);
    XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_NEVER);
    return p;
}

/* Size checks before inflating anything: the size the archive states. */
static bool size_allowed(jx_zip *z, const char *part, unsigned long long stated, char *err,
                         size_t errlen)
{
    if (stated > JX_MAX_ZIP_ENTRY) {
        say(err, errlen,
            BOMB_ZH "%s 解压后有 %llu 字节, 上限 %u (" BOMB_EN
                    "%s expands to %llu bytes, limit %u)",
            part, stated, JX_MAX_ZIP_ENTRY, part, stated, JX_MAX_ZIP_ENTRY);
        return false;
    }
    if (z->total_read + stated > JX_ZIP_TOTAL_BYTES) {
        say(err, errlen,
            BOMB_ZH "各部分解压后共超过 %llu 字节 (" BOMB_EN
                    "the parts expand to more than %llu bytes)",
            JX_ZIP_TOTAL_BYTES, JX_ZIP_TOTAL_BYTES);
        return false;
    }
    return true;
}

bool jx_zip_parse(jx_zip *z, const char *part, const jx_xml_handler *h, char *err, size_t errlen)
{
    zip_int64_t idx = zip_name_locate(z->archive, part, ZIP_FL_NOCASE);
    if (idx < 0) {
        jx_zip_missing(z, part, err, errlen);
        return false;
    }
    zip_stat_t st;
    if (zip_stat_index(z->archive, (zip_uint64_t)idx, 0, &st) != 0) {
        cannot_read(z, part, zip_strerror(z->archive), err, errlen);
        return false;
    }
    unsigned long long stated = (st.valid & ZIP_STAT_SIZE) ? st.size : JX_MAX_ZIP_ENTRY;
    if (!size_allowed(z, part, stated, err, errlen)) return false;
    zip_file_t *f = zip_fopen_index(z->archive, (zip_uint64_t)idx, 0);
    if (!f) {
        cannot_read(z, part, zip_strerror(z->archive), err, errlen);
        return false;
    }
    jx_xml x = {NULL, h, part, 0, false, err, errlen};
    x.parser = new_parser(&x);
    bool ok = stream_part(z, f, &x, stated);
    XML_ParserFree(x.parser);
    zip_fclose(f);
    return ok;
}

/* ---- relationships -------------------------------------------------------------------------- */

typedef struct {
    jx_arena *arena;
    const char *base_dir; /* folder of the source part, "" or ending in '/' */
    jx_rel *rels;
    size_t n, cap;
} rels_reader;

/* Decode %XX escapes of a URI in place. */
static void percent_decode(char *s)
{
    char *w = s;
    for (const char *r = s; *r; r++) {
        int hi, lo;
        if (r[0] == '%' && (hi = jx_hex_digit(r[1])) >= 0 && (lo = jx_hex_digit(r[2])) >= 0 &&
            (hi | lo) != 0) {
            *w++ = (char)(hi * 16 + lo);
            r += 2;
        } else {
            *w++ = *r;
        }
    }
    *w = '\0';
}

/* Drop "." segments and apply ".." in a '/'-separated path, in place. */
static void normalise_path(char *path)
{
    char *out = path;
    const char *seg = path;
    while (*seg) {
        const char *slash = strchr(seg, '/');
        size_t n = slash ? (size_t)(slash - seg) : strlen(seg);
        if (n == 2 && seg[0] == '.' && seg[1] == '.') {
            while (out > path && out[-1] == '/')
                out--;
            while (out > path && out[-1] != '/')
                out--;
        } else if (n > 0 && !(n == 1 && seg[0] == '.')) {
            memmove(out, seg, n);
            out += n;
            if (slash) *out++ = '/';
        }
        seg += n + (slash ? 1 : 0);
    }
    while (out > path && out[-1] == '/')
        out--;
    *out = '\0';
}

/* The archive name of `target` as seen from base_dir. */
static const char *resolve_target(jx_arena *a, const char *base_dir, const char *target)
{
    bool absolute = target[0] == '/';
    const char *base = absolute ? "" : base_dir;
    char *path = jx_arena_printf(a, "%s%s", base, target);
    percent_decode(path);
    normalise_path(path);
    return path;
}

static void rels_start(jx_xml *x, int ns, const char *name, const char **attrs)
{
    rels_reader *r = jx_xml_user(x);
    if (ns != JX_NS_PKGREL || strcmp(name, "Relationship") != 0) return;
    const char *id = jx_xml_attr(attrs, JX_NS_NONE, "Id");
    const char *type = jx_xml_attr(attrs, JX_NS_NONE, "Type");
    const char *target = jx_xml_attr(attrs, JX_NS_NONE, "Target");
    const char *mode = jx_xml_attr(attrs, JX_NS_NONE, "TargetMode");
    if (!id || !type || !target) return;
    if (mode && strcmp(mode, "External") == 0) return;
    if (r->n == r->cap) {
        size_t cap = r->cap ? 2 * r->cap : 16;
        r->rels = jx_arena_grow(r->arena, r->rels, r->cap * sizeof *r->rels, cap * sizeof *r->rels);
        r->cap = cap;
    }
    jx_rel *rel = &r->rels[r->n++];
    rel->id = jx_arena_strdup(r->arena, id);
    rel->type = jx_arena_strdup(r->arena, type);
    rel->target = resolve_target(r->arena, r->base_dir, target);
}

bool jx_zip_rels(jx_zip *z, jx_arena *a, const char *source, jx_rel **rels, size_t *n, char *err,
                 size_t errlen)
{
    const char *slash = strrchr(source, '/');
    size_t dir_len = slash ? (size_t)(slash - source) + 1 : 0;
    char *dir = jx_arena_strndup(a, source, dir_len);
    char *part = jx_arena_printf(a, "%s_rels/%s.rels", dir, source + dir_len);
    rels_reader r = {a, dir, NULL, 0, 0};
    *rels = NULL;
    *n = 0;
    if (!jx_zip_has(z, part)) return true;
    jx_xml_handler h = {rels_start, NULL, NULL, &r};
    if (!jx_zip_parse(z, part, &h, err, errlen)) return false;
    *rels = r.rels;
    *n = r.n;
    return true;
}

const jx_rel *jx_rel_by_type(const jx_rel *rels, size_t n, const char *suffix)
{
    size_t ls = strlen(suffix);
    for (size_t i = 0; i < n; i++) {
        size_t lt = strlen(rels[i].type);
        if (lt > ls && rels[i].type[lt - ls - 1] == '/' &&
            strcmp(rels[i].type + lt - ls, suffix) == 0)
            return &rels[i];
    }
    return NULL;
}

const jx_rel *jx_rel_by_id(const jx_rel *rels, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(rels[i].id, id) == 0) return &rels[i];
    return NULL;
}

bool jx_zip_main_part(jx_zip *z, jx_arena *a, const char *fallback, const char **part, char *err,
                      size_t errlen)
{
    jx_rel *rels;
    size_t n;
    if (!jx_zip_rels(z, a, "", &rels, &n, err, errlen)) return false;
    const jx_rel *main = jx_rel_by_type(rels, n, "officeDocument");
    *part = main ? main->target : fallback;
    return true;
}

/* ---- cell text ----------------------------------------------------------------------------------
 */

bool jx_cellbuf_add(jx_cellbuf *b, const char *s, size_t n)
{
    if (n > JX_MAX_CELL_BYTES - b->len) return false;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? 2 * b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        b->data = jx_xrealloc(b->data, cap);
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return true;
}

const char *jx_cellbuf_take(jx_cellbuf *b, jx_arena *a)
{
    if (b->len == 0) return "";
    b->len = 0;
    jx_text_trim(b->data);
    size_t n = strlen(b->data);
    return n ? jx_arena_strndup(a, b->data, n) : "";
}

void jx_cellbuf_free(jx_cellbuf *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}

int jx_hex_digit(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

size_t jx_utf8_put(char out[4], unsigned long cp)
{
    if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return 0;
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* ---- rows held in memory
 * --------------------------------------------------------------------------- */

struct jx_rowstore {
    jx_arena arena;      /* cells, their text, names */
    jx_row *rows;        /* malloc'd: grows without leaving copies in the arena */
    size_t n, cap, next; /* rows kept, room, next to hand out */
    size_t cells;        /* cells in all rows */
    const char **names;
    size_t n_names;
};

jx_rowstore *jx_rowstore_new(void)
{
    jx_rowstore *s = jx_xmalloc(sizeof *s);
    memset(s, 0, sizeof *s);
    jx_arena_init(&s->arena);
    return s;
}

jx_arena *jx_rowstore_arena(jx_rowstore *s)
{
    return &s->arena;
}

bool jx_rowstore_add(jx_rowstore *s, const char *const *cells, size_t n, long line, int table,
                     bool paragraph)
{
    if (n > JX_OFFICE_MAX_CELLS - s->cells) return false;
    s->cells += n;
    if (s->n == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 64;
        s->rows = jx_xrealloc(s->rows, s->cap * sizeof *s->rows);
    }
    const char **copy = jx_arena_alloc(&s->arena, (n ? n : 1) * sizeof *copy);
    if (n) memcpy(copy, cells, n * sizeof *copy);
    s->rows[s->n++] = (jx_row){copy, n, line, table, paragraph};
    return true;
}

void jx_rowstore_set_names(jx_rowstore *s, const char *const *names, size_t n)
{
    s->names = jx_arena_calloc(&s->arena, n ? n : 1, sizeof *s->names);
    for (size_t i = 0; i < n; i++)
        s->names[i] = jx_arena_strdup(&s->arena, names[i]);
    s->n_names = n;
}

void jx_rowstore_free(jx_rowstore *s)
{
    if (!s) return;
    jx_arena_free(&s->arena);
    free(s->rows);
    free(s);
}

static int store_next(void *state, jx_row *row, char *err, size_t errlen)
{
    (void)err, (void)errlen;
    jx_rowstore *s = state;
    if (s->next >= s->n) return 0;
    *row = s->rows[s->next++];
    return 1;
}

static void store_close(void *state)
{
    jx_rowstore_free(state);
}

void jx_rowstore_to_rows(jx_rowstore *s, jx_rows *out)
{
    out->state = s;
    out->next = store_next;
    out->close = store_close;
}

const jx_rowstore *jx_rowstore_of(const jx_rows *rows)
{
    return rows && rows->next == store_next ? rows->state : NULL;
}

const char *jx_rowstore_name(const jx_rowstore *s, int i)
{
    return s && i >= 0 && (size_t)i < s->n_names ? s->names[i] : NULL;
}
