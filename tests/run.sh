#!/bin/bash
# run.sh BUILD_DIR LABEL — run the unit tests (cmocka) and the command-line
# tests of one build tree, print a per-file line, append "LABEL passed failed"
# to $JX_RESULTS (if set), and end with "N passed, N failed".
set -u
dir=$1; label=${2:-$1}
root=$(cd "$(dirname "$0")/.." && pwd)
export JIXIAO="$root/$dir/jixiao" JX_ROOT="$root" JX_SEEDS="${JX_SEEDS:-$root/../shared/seeds}"
passed=0; failed=0
echo "== tests: $label =="
for t in "$root/$dir"/tests/test_*; do
    [ -x "$t" ] || continue
    out=$(cd "$root" && "$t" 2>&1); status=$?
    p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -1)
    f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -1)
    p=${p:-0}; f=${f:-0}
    if [ $status -ne 0 ] && [ "$f" = 0 ]; then f=1; fi   # crashed before its summary
    passed=$((passed + p)); failed=$((failed + f))
    printf '  %-28s %4d passed %4d failed\n' "$(basename "$t")" "$p" "$f"
    if [ "$f" != 0 ]; then printf '%s\n' "$out" | grep -v '^\[ \(RUN\|      OK\) ' | tail -40 | sed 's/^/      /'; fi
done
for t in "$root"/tests/cli/*.sh; do
    [ -f "$t" ] || continue
    out=$(cd "$root" && bash "$t" 2>&1); status=$?
    if [ $status -eq 0 ]; then passed=$((passed + 1)); r=ok; else failed=$((failed + 1)); r=FAILED; fi
    printf '  %-28s %s\n' "cli/$(basename "$t")" "$r"
    if [ $status -ne 0 ]; then printf '%s\n' "$out" | tail -30 | sed 's/^/      /'; fi
done
[ -n "${JX_RESULTS:-}" ] && echo "$label|$passed|$failed" >> "$JX_RESULTS"
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
