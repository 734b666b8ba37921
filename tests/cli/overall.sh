#!/bin/bash
# overall.sh — `jixiao overall` (SPEC §8, §11): seed 003's whole-department
# evaluation from its text and from the native example, every figure of the
# issue in the table and in --json, the findings 履职效益 18 vs 6 + 6 + 4 = 16
# and sections 93 vs 91, --rules, --help, and the exit statuses
# (1 error findings, 2 unreadable input, bad rule set or misuse).
source "$(dirname "$0")/lib.bash"

SEED=$(ls "$JX_SEEDS"/003_*.txt 2>/dev/null | head -1)
J=$EX/ningxiang-2022-overall.json
[ -n "$SEED" ] || { fail "seed 003 not found in $JX_SEEDS"; finish; }

# indicator LINE-FILE NAME — the one-line JSON object of indicator NAME
indicator() { grep -F "\"name\":\"$2\"" "$1" | head -1; }

# field OBJECT-LINE KEY — the scalar value of KEY in a one-line object
field() { printf '%s\n' "$1" | grep -o "\"$2\":[^,}]*" | head -1 | sed 's/^[^:]*://'; }

check_json() { # FILE WHAT
    local f=$1 what=$2 line
    contains "$f" '"total_claimed": 91,' "$what: total_claimed 91"
    contains "$f" '"total_rule": 91,' "$what: total_rule 91"
    contains "$f" '"grade_rule": "优"' "$what: grade 优"
    line=$(indicator "$f" 在职人员控制率)
    num_eq "$(field "$line" value)" 93.2 && num_eq "$(field "$line" score_rule)" 3 && pass ||
        fail "$what: 在职人员控制率 93.2 → 3: $line"
    line=$(indicator "$f" 预算执行率)
    num_eq "$(field "$line" score_rule)" 4.5 && pass || fail "$what: 预算执行率 4.5: $line"
    case $line in *'"name":"预算完成率","weight":3,"value":100,"score_rule":3'*'"name":"支付进度率","weight":3,"value":91.51,"score_rule":1.5'*) pass ;;
        *) fail "$what: 预算执行率 parts 100 → 3, 91.51 → 1.5: $line" ;; esac
    line=$(indicator "$f" 公用经费控制率)
    num_eq "$(field "$line" value)" 96.84 && pass || fail "$what: 公用经费控制率 96.84: $line"
    line=$(indicator "$f" 三公经费控制率)
    num_eq "$(field "$line" value)" 84.77 && pass || fail "$what: 三公经费控制率 84.77: $line"
    line=$(indicator "$f" 政府采购执行率)
    num_eq "$(field "$line" value)" 356.57 && num_eq "$(field "$line" score_rule)" 0 && pass ||
        fail "$what: 政府采购执行率 356.57 → 0: $line"
    line=$(indicator "$f" 社会公众或服务对象满意度)
    num_eq "$(field "$line" value)" 88.96 && num_eq "$(field "$line" score_rule)" 4 && pass ||
        fail "$what: 满意度 88.96 → 4: $line"
    line=$(indicator "$f" 行政效能)
    [ "$(field "$line" kind)" = '"judgement"' ] && num_eq "$(field "$line" score_rule)" 6 && pass ||
        fail "$what: 行政效能 is a judgement indicator keeping 6: $line"
    contains "$f" '"code":"OVERALL-SECTION-SUM","severity":"error","message":"报告 (第' "$what: section finding"
    contains "$f" '写履职效益得 18 分, 但指标表中为 6 + 6 + 4 = 16 分' "$what: 履职效益 18 vs 16"
    contains "$f" '报告各部分所写得分相加为 93 分, 不是所写总分 91 分' "$what: sections 93 vs 91"
    contains "$f" '"level1":"投入","level2":"预算配置","name":"在职人员控制率","weight":3,"score_claimed":3,"score_rule":3' "$what: SPEC §11 field order"
}

# ---- seed 003 as text ----
run "$JIXIAO" overall --json "$SEED"
expect_rc 1 "overall --json seed 003 (error findings)"
cp "$TMP/out" "$TMP/seed.json"
check_json "$TMP/seed.json" "seed 003 text"
contains "$TMP/seed.json" '"year": 2022,' "seed 003: year"
contains "$TMP/seed.json" '"total_text": 91,' "seed 003: the report's own total"

# ---- the native example gives the same ----
run "$JIXIAO" overall --json "$J"
expect_rc 1 "overall --json example"
check_json "$TMP/out" "example JSON"
sed -n '/"indicators": \[/,/^  \],/p' "$TMP/seed.json" | sed 's/"justification":.*//' >"$TMP/a"
sed -n '/"indicators": \[/,/^  \],/p' "$TMP/out" | sed 's/"justification":.*//' >"$TMP/b"
if cmp -s "$TMP/a" "$TMP/b"; then pass; else fail "text and example give different indicators: $(diff "$TMP/a" "$TMP/b" | head -5)"; fi

# ---- the table for a person ----
run "$JIXIAO" overall "$SEED"
expect_rc 1 "overall seed 003 (table)"
contains "$TMP/out" "总分 total: 表中合计 91; 报告所写 91; 各项自评相加 91; 按规则 91 → 优" "table: totals"
contains "$TMP/out" "预算完成率 100% → 3; 支付进度率 91.51% → 1.5" "table: parts"
contains "$TMP/out" "356.57%" "table: procurement rate"
contains "$TMP/out" "OVERALL-SECTION-SUM" "table: section finding"
contains "$TMP/out" "合计: 错误 2," "table: two errors"
grep -F "在职人员控制率" "$TMP/out" | head -1 >"$TMP/row"
contains "$TMP/row" "93.2%" "table: 在职人员控制率 row"
# every indicator of hunan-overall has its row, marked formula (公式) or judgement (评判)
[ "$(grep -c '  公式\|  评判' "$TMP/out")" -eq 20 ] && pass || fail "table: 20 indicator rows expected"

# ---- a clean document exits 0: the example without its section statements ----
sed -e '/"sections": \[/,/^  \],/d' "$J" >"$TMP/clean.json"
run "$JIXIAO" overall --json "$TMP/clean.json"
expect_rc 0 "overall without the report's sections (no error findings)"
contains "$TMP/out" '"total_rule": 91,' "clean: total"

# ---- --rules, --help, misuse, unreadable input ----
run "$JIXIAO" overall --json --rules "$JX_ROOT/rules/hunan-overall.json" "$SEED"
expect_rc 1 "overall --rules FILE"
if cmp -s "$TMP/out" "$TMP/seed.json"; then pass; else fail "--rules FILE differs from the default"; fi
run "$JIXIAO" overall --help
expect_rc 0 "overall --help"
contains "$TMP/out" "jixiao overall [--json]" "help: usage"
contains "$TMP/out" "示例 Examples:" "help: examples"
run "$JIXIAO" --help
contains "$TMP/out" "jixiao overall" "main usage lists overall"
run "$JIXIAO" overall
expect_rc 2 "overall without a file"
run "$JIXIAO" overall --bogus "$SEED"
expect_rc 2 "overall with an unknown option"
run "$JIXIAO" overall "$SEED" "$J"
expect_rc 2 "overall with two files"
run "$JIXIAO" overall "$TMP/nonexistent.txt"
expect_rc 2 "overall on a missing file"
contains "$TMP/err" "nonexistent.txt" "missing file named"
printf '{"indicators": [\n  {"name": 5}\n]}\n' >"$TMP/bad.json"
run "$JIXIAO" overall "$TMP/bad.json"
expect_rc 2 "overall on malformed JSON"
contains "$TMP/err" "bad.json:2:12:" "malformed JSON: file:line:col"
printf '{"name":"x","indicators":[],\n "bogus": 1}\n' >"$TMP/badrules.json"
run "$JIXIAO" overall --rules "$TMP/badrules.json" "$SEED"
expect_rc 2 "overall with a bad rule set"
contains "$TMP/err" "badrules.json:2:2:" "bad rule set: file:line:col"
run "$JIXIAO" overall --rules no-such-set "$SEED"
expect_rc 2 "overall with an unknown rule set"
: >"$TMP/empty.txt"
run "$JIXIAO" overall "$TMP/empty.txt"
expect_rc 2 "overall on an empty file"

finish
