/* options.h — the options the file-reading commands share (audit, summary, report). */
#ifndef JX_CLI_OPTIONS_H
#define JX_CLI_OPTIONS_H

#include <stdbool.h>

#define JX_CLI_MAX_FILES 4096

typedef struct jx_cli_opts {
    bool json, compact;
    const char *rules;  /* default "mof-2020" */
    const char *format; /* --format (report), NULL if not given */
    const char *output; /* -o / --output, NULL = standard output */
    bool rules_given;   /* --rules was on the command line */
    bool flag[4];       /* the command's own switches (jx_cli_parse_flags), in order */
    const char *files[JX_CLI_MAX_FILES];
    int nfiles;
} jx_cli_opts;

/* Parse argv (argv[0] is the command name). Returns -1 when the command
 * should go on, else the exit status to return (help printed: 0; misuse
 * reported on stderr: 2). `command` names it in messages. */
int jx_cli_parse(int argc, char **argv, const char *help, const char *command, jx_cli_opts *o);
/* The same, also accepting the command's own switches: `flags` is a NULL-terminated list
 * of up to 4 names ("--tables"); o->flag[k] says whether flags[k] was given. */
int jx_cli_parse_flags(int argc, char **argv, const char *help, const char *command,
                       const char *const *flags, jx_cli_opts *o);

/* ---- commands that write a document (report, accounts, overall) ---------- */
#include <stdio.h>

#include "../report/doc.h"

/* --format NAME → *out (md, html, docx, pdf); false with a message on stderr. */
bool jx_cli_doc_format(const char *command, const char *name, jx_doc_format *out);
/* The stream a document goes to: -o PATH opened for writing, else standard
 * output — refused for docx/pdf when it is a terminal. NULL with a message. */
FILE *jx_cli_doc_open(const char *command, jx_doc_format format, const char *path);
/* Flush and close (unless standard output); false with a message on a write error. */
bool jx_cli_doc_close(const char *command, FILE *out);

#endif
