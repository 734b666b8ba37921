#!/bin/sh
# summary.sh RESULTS — add up the lines "label|passed|failed" written by
# tests/run.sh and fuzz/run.sh; the last line is "N passed, N failed".
set -u
passed=0; failed=0
echo "== summary =="
while IFS='|' read -r label p f; do
    printf '  %-40s %5d passed %5d failed\n' "$label" "$p" "$f"
    passed=$((passed + p)); failed=$((failed + f))
done < "$1"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
