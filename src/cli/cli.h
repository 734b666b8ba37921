/* cli.h — the `jixiao` command's subcommands (thin layers over the library). */
#ifndef JX_CLI_H
#define JX_CLI_H

/* Exit statuses (SPEC §11). */
enum { JX_EXIT_OK = 0, JX_EXIT_FINDINGS = 1, JX_EXIT_USAGE = 2 };

int jx_cmd_audit(int argc, char **argv);
int jx_cmd_rules(int argc, char **argv);
int jx_cmd_overall(int argc, char **argv);
int jx_cmd_accounts(int argc, char **argv);
int jx_cmd_summary(int argc, char **argv);
int jx_cmd_report(int argc, char **argv);
int jx_cmd_export(int argc, char **argv);

#endif
