#!/bin/bash
# accounts.sh — `jixiao accounts` (SPEC §9, §11) on seed 002's ten 决算 tables:
# every table read, every identity holding (rounding only as info, the missing
# 30299 row of 公开06 as a warning), and then the seed with one deliberate
# error at a time — each caught with its code and a precise message — plus
# hostile input: shuffled rows, a missing column, a missing table, a document
# without any 决算, unreadable files.
source "$(dirname "$0")/lib.bash"

SEED=$(ls "$JX_SEEDS"/002_*.txt 2>/dev/null | head -1)
[ -n "$SEED" ] || { fail "seed 002 not found in $JX_SEEDS"; finish; }

# ---- the seed as published ------------------------------------------------------
run "$JIXIAO" accounts --json "$SEED"
expect_rc 0 "seed 002 --json"
J=$TMP/seed.json; cp "$TMP/out" "$J"
for t in 收入支出决算总表 收入决算表 支出决算表 财政拨款收入支出决算总表 一般公共预算财政拨款支出决算表 \
         一般公共预算财政拨款基本支出决算明细表 政府性基金预算财政拨款收入支出决算表 \
         国有资本经营预算财政拨款支出决算表 '财政拨款“三公”经费支出决算表' 部门决算公开相关信息统计表; do
    contains "$J" "\"name\":\"$t\"" "table $t read"
done
[ "$(grep -o '"name":"[^"]*","rows"' "$J" | wc -l)" -eq 10 ] && pass || fail "exactly 10 tables"
grep -qE '"identities": *\{"checked": *[0-9]{3},"failed": *0\}' "$J" && pass ||
    fail "identities all hold: $(grep -o '"identities".*' "$J" | head -1)"
st=$(grep -oE '"statements": *\{"found": *[0-9]+,"verified": *[0-9]+,"failed": *0' "$J" || true)
f=$(printf '%s' "$st" | sed -E 's/.*"found": *([0-9]+).*/\1/'); v=$(printf '%s' "$st" | sed -E 's/.*"verified": *([0-9]+).*/\1/')
[ -n "$st" ] && [ "$f" -ge 100 ] && [ "$f" = "$v" ] && pass ||
    fail "every statement of the 情况说明 verified: $(grep -o '"statements".*' "$J" | head -1)"
no_finding "$J" ACCT-TEXT-AMOUNT "seed statements hold"
no_finding "$J" ACCT-BALANCE "seed balances"
no_finding "$J" ACCT-HIERARCHY "seed hierarchy"
no_finding "$J" ACCT-CROSS "seed cross-table"
has_finding "$J" ACCT-ROUNDING "rounding noted as info" "301 工资福利支出" "2236.21" "2236.22"
has_finding "$J" ACCT-ROW-MISSING "30299 missing from 公开06" "30299" "13.43"
contains "$J" '"unit": "大同市市场监督管理局"' "unit name"
contains "$J" '"year": 2024' "year"

run "$JIXIAO" accounts "$SEED"
expect_rc 0 "seed 002 listing"
contains "$TMP/out" "决算表 10 张" "listing: ten tables"
contains "$TMP/out" "不成立 0" "listing: identities hold"
contains "$TMP/out" "公开06表 一般公共预算财政拨款基本支出决算明细表" "listing: table numbers"

run "$JIXIAO" accounts --tables "$SEED"
expect_rc 0 "--tables"
contains "$TMP/out" "2013804 市场主体管理 | 344.96 | 344.96" "--tables: a 项 row of 公开02"
contains "$TMP/out" "g1 - 公用经费合计 | 252.49" "--tables: 公用经费合计 of 公开06"
contains "$TMP/out" "[决算数] | 合计 | 因公出国(境)费 | 小计 | 公务用车购置费 | 公务用车运行维护费 | 公务接待费" "--tables: 三公 columns"
contains "$TMP/out" "年初财政拨款结转和结余·一般公共预算财政拨款" "--tables: 公开04 sub-lines keyed under their parent"

# ---- the example (our own document from the seed's figures; 情况说明 written by --text) ----
run "$JIXIAO" accounts --json "$EX/datong-2024-accounts.txt"
expect_rc 0 "example accounts"
grep -qE '"identities": *\{"checked": *205,"failed": *0\}' "$TMP/out" && pass || fail "example: 205 identities hold"
grep -qE '"failed": *0,"unchecked"' "$TMP/out" && pass || fail "example: written 情况说明 verified"

# --text regenerates the published numbers of the 情况说明
run "$JIXIAO" accounts --text "$SEED"
expect_rc 0 "--text"
for n in 5,029.36 68.13 1.34% 59.01% 40.99% 139.69 2.86% 76.93% 16.15% 2.38% 4.53% 94.87% 89.63% 134.03% \
         240.21 6.63% 63.12 7.22% 27.71% 21.79% 731.94 117.24 26.75% 26.97% 16.9% 252.49 9.7% 1,242.27 1,195.80 17辆; do
    contains "$TMP/out" "$n" "--text writes $n"
done

# ---- one deliberate error at a time ----------------------------------------------
mutate() { # NAME SED-SCRIPT — seed copy with one change; fails the test if nothing changed
    sed "$2" "$SEED" > "$TMP/$1.txt"
    cmp -s "$SEED" "$TMP/$1.txt" && fail "mutation $1 changed nothing"
    run "$JIXIAO" accounts --json "$TMP/$1.txt"
    cp "$TMP/out" "$TMP/$1.json"
}

mutate balance 's/^总计\t31\t5029.36\t/总计\t31\t5039.36\t/'
expect_rc 1 "收入总计 off by 10"
has_finding "$TMP/balance.json" ACCT-BALANCE "收入总计 ≠ 本年收入合计 + 结转" "收入总计" "5039.36" "5029.36" "10.00"

mutate hierarchy 's/^2013804\t市场主体管理\t344.96\t344.96/2013804\t市场主体管理\t354.96\t354.96/'
expect_rc 1 "a 项 of 公开02 changed"
has_finding "$TMP/hierarchy.json" ACCT-HIERARCHY "款 ≠ Σ项" "20138 市场监督管理事务" "3864.28" "3874.27"

mutate cross 's/^(一) 行政单位\t5\t252.49/(一) 行政单位\t5\t262.49/'
expect_rc 1 "机关运行经费 changed"
has_finding "$TMP/cross.json" ACCT-CROSS "机关运行经费 ≠ 公用经费" "机关运行经费" "262.49" "252.49"

# 公开05 declared in 元 while its amounts are in 万元 (the 6th 金额单位 line of the seed is 公开05's)
n5=$(grep -n '金额单位' "$SEED" | sed -n 5p | cut -d: -f1)
sed "${n5}s/万元/元/" "$SEED" > "$TMP/unit.txt"
run "$JIXIAO" accounts --json "$TMP/unit.txt"
cp "$TMP/out" "$TMP/unit.json"
expect_rc 1 "公开05 in the wrong unit"
has_finding "$TMP/unit.json" ACCT-UNIT "元/万元 slip found" "一万倍"

mutate code 's/^2013805\t市场秩序执法\t44.44\t\t44.44/201385\t市场秩序执法\t44.44\t\t44.44/'
has_finding "$TMP/code.json" ACCT-CODE "code of wrong length" "201385" "6 位"

mutate three '/^财政拨款“三公”经费支出决算表$/,/^注：本表反映部门本年度“三公”经费/d'
expect_rc 1 "公开09 removed"
has_finding "$TMP/three.json" ACCT-TABLE-MISSING "missing table named" "三公"

mutate threesum 's/^26.26\t\t25.67\t\t25.67\t0.59\t26.26/26.26\t\t25.67\t\t25.67\t0.59\t27.26/'
expect_rc 1 "三公 决算 合计 off"
has_finding "$TMP/threesum.json" ACCT-THREE "三公合计 ≠ parts" "决算数" "27.26" "26.26"

# shuffled rows: 公开02's data rows in reverse order — every identity still holds
start=$(grep -n $'^\t合计\t5023.02\t5023.02' "$SEED" | head -1 | cut -d: -f1)
end=$(awk -v s="$start" 'NR > s && /^注：/ { print NR - 1; exit }' "$SEED")
{ head -n "$start" "$SEED"; sed -n "$((start + 1)),${end}p" "$SEED" | tac; tail -n +"$((end + 1))" "$SEED"; } > "$TMP/shuffled.txt"
run "$JIXIAO" accounts --json "$TMP/shuffled.txt"
expect_rc 0 "shuffled rows of 公开02"
grep -qE '"failed": *0\}' "$TMP/out" && pass || fail "shuffled rows: identities still hold"

# a missing column: 公开03 without its 项目支出 column — row sums fail, clearly, no crash
s3=$(grep -n '^公开03表' "$SEED" | cut -d: -f1)
e3=$(awk -v s="$s3" 'NR > s && /^注：/ { print NR; exit }' "$SEED")
awk -F'\t' -v OFS='\t' -v s="$s3" -v e="$e3" 'NR > s && NR < e && NF >= 5 { $5 = ""; $0 = $0; for (i = 5; i < NF; i++) $i = $(i + 1); NF-- } { print }' "$SEED" > "$TMP/nocol.txt"
run "$JIXIAO" accounts --json "$TMP/nocol.txt"
expect_rc 1 "公开03 without 项目支出"
has_finding "$TMP/out" ACCT-ROW-SUM "row sums fail without 项目支出" "本年支出合计"

# ---- documents without 决算, unreadable input, usage --------------------------------
S0=$(ls "$JX_SEEDS"/000_*.txt 2>/dev/null | head -1)
if [ -n "$S0" ]; then
    run "$JIXIAO" accounts --json "$S0"
    expect_rc 0 "a report without 决算 tables"
    has_finding "$TMP/out" ACCT-NO-TABLES "no 决算 found"
fi
run "$JIXIAO" accounts "$TMP/does-not-exist.txt"
expect_rc 2 "missing file"
contains "$TMP/err" "does-not-exist.txt" "missing file named"
: > "$TMP/empty.txt"
run "$JIXIAO" accounts "$TMP/empty.txt"
expect_rc 2 "empty file"
contains "$TMP/err" "empty.txt" "empty file named"
run "$JIXIAO" accounts --bogus "$SEED"
expect_rc 2 "unknown option"
run "$JIXIAO" accounts --help
expect_rc 0 "--help"
contains "$TMP/out" "示例 Examples" "--help has examples"
run "$JIXIAO" accounts --rules no-such-set "$SEED"
expect_rc 2 "unknown rule set"
finish
