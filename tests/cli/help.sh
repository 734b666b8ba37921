#!/bin/bash
# help.sh — every command explains itself: `jixiao --help`, `jixiao audit
# --help`, `jixiao rules --help` exit 0, print 用法 (usage) and at least one
# example line; `jixiao --version` prints a version.
set -euo pipefail
# shellcheck source=lib.bash source-path=SCRIPTDIR
. "$(dirname "$0")/lib.bash"

check_help() {
    local what=$1
    shift
    run "$JIXIAO" "$@"
    expect_rc 0 "$what"
    contains "$TMP/out" "用法" "$what: usage (用法)"
    # an example line: a line that runs the command itself
    if grep -qE '^[[:space:]]+jixiao [a-z]' "$TMP/out"; then pass; else fail "$what: no example line (\"  jixiao …\")"; fi
    if grep -qE '示例|Example' "$TMP/out"; then pass; else fail "$what: no examples heading"; fi
    if [ -s "$TMP/err" ]; then fail "$what: help should go to stdout, stderr has: $(head -c 200 "$TMP/err")"; else pass; fi
}

check_help "jixiao --help" --help
contains "$TMP/out" "audit" "jixiao --help lists the audit command"
contains "$TMP/out" "rules" "jixiao --help lists the rules command"
check_help "jixiao -h" -h

check_help "jixiao audit --help" audit --help
contains "$TMP/out" "--json" "audit --help documents --json"
contains "$TMP/out" "--rules" "audit --help documents --rules"
if grep -qE '^[[:space:]]+jixiao audit ' "$TMP/out"; then pass; else fail "audit --help: no \"jixiao audit …\" example"; fi
if grep -qE '退出状态|Exit status' "$TMP/out"; then pass; else fail "audit --help does not document the exit status"; fi
check_help "jixiao audit -h" audit -h

check_help "jixiao rules --help" rules --help
if grep -qE '^[[:space:]]+jixiao rules' "$TMP/out"; then pass; else fail "rules --help: no \"jixiao rules …\" example"; fi

# the examples the help shows work
run "$JIXIAO" audit "$EX/datong-2024.json"
if [ "$RC" -le 1 ]; then pass; else fail "the help's example \"jixiao audit examples/datong-2024.json\" exits $RC"; fi

run "$JIXIAO" --version
expect_rc 0 "jixiao --version"
if grep -qE '^jixiao [0-9]+\.[0-9]+(\.[0-9]+)?' "$TMP/out"; then pass; else fail "--version prints \"$(cat "$TMP/out")\", expected \"jixiao X.Y.Z\""; fi
if [ "$(wc -l <"$TMP/out")" -eq 1 ]; then pass; else fail "--version should print one line"; fi

finish
