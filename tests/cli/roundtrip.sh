#!/bin/bash
# roundtrip.sh — SPEC §11: `jixiao audit --json` output fed back to
# `jixiao audit --json` gives the same result; only "source" (the file name)
# differs. Checked for both example files, for the compact form, and for the
# human-readable output.
set -euo pipefail
# shellcheck source=lib.bash source-path=SCRIPTDIR
. "$(dirname "$0")/lib.bash"

for ex in "$EX/datong-2024.json" "$EX/xiangshan-2023.json"; do
    name=$(basename "$ex" .json)

    run "$JIXIAO" audit --json "$ex"
    rc1=$RC
    cp "$TMP/out" "$TMP/$name.1.json"
    if [ "$rc1" -le 1 ]; then pass; else fail "$name: first audit exit status $rc1"; fi
    if [ -s "$TMP/$name.1.json" ]; then pass; else fail "$name: first audit printed nothing"; fi

    run "$JIXIAO" audit --json "$TMP/$name.1.json"
    cp "$TMP/out" "$TMP/$name.2.json"
    expect_rc "$rc1" "$name: audit of the audit output has the same exit status"

    # everything but the "source" line is identical
    grep -v '"source":' "$TMP/$name.1.json" >"$TMP/a" || true
    grep -v '"source":' "$TMP/$name.2.json" >"$TMP/b" || true
    if cmp -s "$TMP/a" "$TMP/b"; then pass; else
        fail "$name: audit --json output read back differs: $(diff "$TMP/a" "$TMP/b" | head -20)"
    fi
    # … and the source lines are the two file names
    contains "$TMP/$name.1.json" "\"source\": \"$ex\"" "$name: source of the first audit"
    contains "$TMP/$name.2.json" "\"source\": \"$TMP/$name.1.json\"" "$name: source of the second audit"
    n1=$(wc -l <"$TMP/$name.1.json")
    n2=$(wc -l <"$TMP/$name.2.json")
    expect_num "$n2" "$n1" "$name: both outputs have the same number of lines"

    # a third generation is still the same (a fixed point, not a drift)
    run "$JIXIAO" audit --json "$TMP/$name.2.json"
    grep -v '"source":' "$TMP/out" >"$TMP/c" || true
    if cmp -s "$TMP/a" "$TMP/c"; then pass; else fail "$name: third generation differs: $(diff "$TMP/a" "$TMP/c" | head -10)"; fi

    # NUMBER-AMBIGUOUS and other findings survive the round trip
    c1=$(findings "$TMP/$name.1.json" | wc -l)
    c2=$(findings "$TMP/$name.2.json" | wc -l)
    expect_num "$c2" "$c1" "$name: number of findings after the round trip"

    # the compact form reads back to the same result
    run "$JIXIAO" audit --json --compact "$ex"
    cp "$TMP/out" "$TMP/$name.compact.json"
    run "$JIXIAO" audit --json "$TMP/$name.compact.json"
    grep -v '"source":' "$TMP/out" >"$TMP/d" || true
    if cmp -s "$TMP/a" "$TMP/d"; then pass; else fail "$name: --compact output read back differs: $(diff "$TMP/a" "$TMP/d" | head -10)"; fi

    # the text report of the audit output is the text report of the example
    run "$JIXIAO" audit "$ex"
    grep -v '^══ ' "$TMP/out" >"$TMP/t1" || true
    run "$JIXIAO" audit "$TMP/$name.1.json"
    grep -v '^══ ' "$TMP/out" >"$TMP/t2" || true
    if cmp -s "$TMP/t1" "$TMP/t2"; then pass; else fail "$name: text report differs after the round trip: $(diff "$TMP/t1" "$TMP/t2" | head -10)"; fi
done

# the J信用监管经费 figures, read from "13,092" and "1,908", stay 13.092 and 1.908
project "$TMP/datong-2024.2.json" "J信用监管经费" >"$TMP/p"
expect_num "$(fval "$TMP/p" executed)" 13.092 "J信用监管经费 executed after the round trip"
expect_num "$(fval "$TMP/p" balance)" 1.908 "J信用监管经费 balance after the round trip"
has_finding "$TMP/p" NUMBER-AMBIGUOUS "J信用监管经费 NUMBER-AMBIGUOUS carried over" '13,092'

finish
