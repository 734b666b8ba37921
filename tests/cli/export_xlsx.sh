#!/bin/bash
# `jixiao export --format xlsx` (issue 6): seed 002 (31 tables) and the JSON
# examples to one workbook. Read back with xlsx2csv and unzip: the sheets, the
# projects' names, budgets, totals, grades and finding counts are there and
# are numbers (no t= attribute in the sheet XML, which marks strings), the
# totals are SUM formulas with cached values, two runs give byte-identical
# files, LibreOffice (when installed) converts it, bad input and misuse give
# exit 2 naming the file, --help works.
set -u
fail=0
say() { echo "FAIL: $*"; fail=1; }
seeds=${JX_SEEDS:-$JX_ROOT/../shared/seeds}
s002=$(ls "$seeds"/002_*.txt 2>/dev/null | head -1)
[ -f "$s002" ] || { echo "FAIL: seed 002 not found"; exit 1; }
command -v xlsx2csv >/dev/null || { echo "FAIL: xlsx2csv is not installed"; exit 1; }
command -v unzip >/dev/null || { echo "FAIL: unzip is not installed"; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
ex=$JX_ROOT/examples
out=$tmp/out.xlsx

# ---- seed 002 + the JSON examples -------------------------------------------------
"$JIXIAO" export --format xlsx -o "$out" "$s002" "$ex/datong-2024.json" "$ex/xiangshan-2023.json" 2>"$tmp/err"; st=$?
[ $st = 1 ] || say "exit $st, expected 1 (written, with error findings): $(cat "$tmp/err")"
[ -s "$out" ] || { say "no workbook written"; echo "export_xlsx: failed"; exit 1; }
[ "$(head -c 2 "$out")" = PK ] || say "not a zip file"

sheet() { unzip -p "$out" "xl/worksheets/sheet$1.xml"; }
csv() { xlsx2csv -s "$1" "$out"; }

# sheets: 汇总, 问题清单, then one per project (31 + 6 + 2)
names=$(unzip -p "$out" xl/workbook.xml | grep -o '<sheet name="[^"]*"' | sed 's/<sheet name="//; s/"$//')
[ "$(echo "$names" | sed -n 1p)" = 汇总 ] || say "first sheet is not 汇总: $(echo "$names" | head -1)"
[ "$(echo "$names" | sed -n 2p)" = 问题清单 ] || say "second sheet is not 问题清单"
[ "$(echo "$names" | wc -l)" = 41 ] || say "sheets: $(echo "$names" | wc -l), expected 2 + 39 projects"
echo "$names" | grep -qx 'J市场监管经费(2)' || say "the duplicate name J市场监管经费 did not become J市场监管经费(2)"
echo "$names" | awk '{ if (length($0) > 31 * 3) exit 1 }' || say "a sheet name is longer than 31 characters"

# 汇总: one row per project, then a 合计 row
csv 1 > "$tmp/summary.csv"
[ "$(grep -c '^[0-9][0-9]*,' "$tmp/summary.csv")" = 39 ] || say "汇总 rows: $(grep -c '^[0-9][0-9]*,' "$tmp/summary.csv")"
grep -q '^18,Z特种设备监管费,2024,040001-大同市市场监督管理局,102[.0]*,12.716[0]*,12.47[0]*,84.25,84.25,82.89,良,良,1,1,1,' "$tmp/summary.csv" ||
    say "汇总 row of Z特种设备监管费: $(grep ',Z特种设备监管费,' "$tmp/summary.csv" | head -1)"
grep -q '^1,J市场监管经费,2024,.*,190.7[0]*,189.132[0]*,99.18[0]*,95.92,' "$tmp/summary.csv" || say "汇总 row of J市场监管经费"
grep -q '^21,Z质量发展工作经费,.*,72.36,72.36,75.36,中,中,' "$tmp/summary.csv" || say "汇总 row of Z质量发展工作经费"
grep -q '合计 / 平均 (39 个项目)' "$tmp/summary.csv" || say "no 合计 row"
# amounts, rates, scores and counts are numbers: cells of columns E..J and M..O have no t= (string)
sheet 1 > "$tmp/s1.xml"
grep -o '<c r="[E-J][0-9]*"[^>]*>' "$tmp/s1.xml" | grep -v '^<c r="[E-J]1"' | grep -q 't="' &&
    say "a figure of 汇总 is written as text: $(grep -o '<c r="[E-J][0-9]*"[^>]*t="[^>]*>' "$tmp/s1.xml" | grep -v '"[E-J]1"' | head -2)"
grep -q '<c r="E19" s="[0-9]*"><v>102</v></c>' "$tmp/s1.xml" || say "budget of row 19 is not the number 102"
grep -q '<c r="M19" s="[0-9]*"><v>1</v></c>' "$tmp/s1.xml" || say "error count of row 19 is not the number 1"
# totals: formulas with cached values (2447.487 + 381.672 + 266 budget; seed 002's alone 2447.487)
grep -q '<f>SUM(E2:E40)</f><v>3095.159</v>' "$tmp/s1.xml" || say "budget total: $(grep -o '<c r="E42"[^/]*' "$tmp/s1.xml")"
grep -q '<f>SUM(M2:M40)</f><v>[0-9][0-9]*</v>' "$tmp/s1.xml" || say "no SUM of the error counts"
grep -q '<autoFilter ref="A1:Q40"/>' "$tmp/s1.xml" || say "汇总 has no autofilter over its rows"
grep -q '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' "$tmp/s1.xml" || say "汇总 header is not frozen"
grep -q 'paperSize="9"' "$tmp/s1.xml" && grep -q 'orientation="landscape"' "$tmp/s1.xml" || say "汇总 is not A4 landscape"
# the error counts in 汇总 add up to the error rows of 问题清单
errs=$(awk -F, '/^[0-9]+,/ { n += $13 } END { print n }' "$tmp/summary.csv")
csv 2 > "$tmp/findings.csv"
[ "$(grep -c ',错误,' "$tmp/findings.csv")" = "$errs" ] || say "问题清单 errors $(grep -c ',错误,' "$tmp/findings.csv") != 汇总 errors $errs"
grep -q '^18,Z特种设备监管费,错误,WEIGHT-SUM,,,weight,"分值合计为 93' "$tmp/findings.csv" || say "问题清单: WEIGHT-SUM of Z特种设备监管费"
grep -q '^18,Z特种设备监管费,警告,SCORE-ABOVE-RULE,2,特种设备日常监督检查,score_claimed,' "$tmp/findings.csv" || say "问题清单: SCORE-ABOVE-RULE of Z特种设备监管费"
grep -q '<autoFilter ref="A1:H' <(sheet 2) || say "问题清单 has no autofilter"

# a project sheet: Z特种设备监管费 (the 20th sheet)
csv 20 > "$tmp/z.csv"
grep -q '^Z特种设备监管费项目支出绩效自评表' "$tmp/z.csv" || say "project sheet title"
grep -q '^年度资金总额,102[.0]*,102[.0]*,12.716[0]*,89.284[0]*,10.00,12.47[0]*,1.25,,' "$tmp/z.csv" || say "funds row: $(grep '^年度资金总额' "$tmp/z.csv")"
grep -q '^按规则复核 (mof-2020),,,,,,,,1.25,$' "$tmp/z.csv" || say "rule execution score row: $(grep -A1 '^年度资金总额' "$tmp/z.csv" | tail -1)"
grep -q '^,,特种设备日常监督检查,≥家次,≥75家次,58家次,6.00,6.00,4.64,' "$tmp/z.csv" || say "indicator row"
grep -q '^总分,,,,,,93.00,84.25,,良' "$tmp/z.csv" || say "总分 row: $(grep '^总分' "$tmp/z.csv")"
grep -q '^按规则复核 (规则集 mof-2020),,,,,,,,82.89,良' "$tmp/z.csv" || say "复核 row"
sheet 20 > "$tmp/z.xml"
grep -q '<f>F7+SUM(G12:G22)</f><v>93</v>' "$tmp/z.xml" || say "weights total formula: $(grep -o '<f>[^<]*</f><v>[^<]*</v>' "$tmp/z.xml" | head -1)"
grep -q '<f>H7+SUM(H12:H22)</f><v>84.25</v>' "$tmp/z.xml" || say "claimed total formula"
grep -q '<f>I8+SUM(I12:I22)</f><v>82.89</v>' "$tmp/z.xml" || say "rule total formula"
grep -q '<c r="D7" s="[0-9]*"><v>12.716</v></c>' "$tmp/z.xml" || say "全年执行数 is not the number 12.716"
grep -q '<mergeCell ref="A1:J1"/>' "$tmp/z.xml" || say "title not merged across"
grep -q '<mergeCell ref="H5:I5"/>' "$tmp/z.xml" || say "得分 header not merged over 自评 / 复核"
grep -q 'paperSize="9"' "$tmp/z.xml" && grep -q 'fitToHeight="0"' "$tmp/z.xml" || say "project sheet print set-up"
unzip -p "$out" xl/workbook.xml | grep -q "_xlnm.Print_Titles\" localSheetId=\"19\">'Z特种设备监管费'!\$11:\$11<" || say "no repeated header row when printed"
grep -q '<col min="3" max="3" width="2[4-9]' "$tmp/z.xml" || say "三级指标 column not widened for its Chinese text"

# the workbook reads back as the same tables (seed 002's 31 come first)
"$JIXIAO" audit --json "$s002" >"$tmp/a.json"
"$JIXIAO" audit --json "$out" >"$tmp/b.json"
for f in '"budget":' '"executed":' '"execution_rate":' '"total_claimed":' '"total_rule":' '"grade_claimed":' '"grade_rule":' '"weight":' '"score_claimed":'; do
    n=$(grep -o "$f[^,]*" "$tmp/a.json" | wc -l)
    a=$(grep -o "$f[^,]*" "$tmp/a.json" | md5sum)
    b=$(grep -o "$f[^,]*" "$tmp/b.json" | head -"$n" | md5sum)
    [ "$n" -gt 30 ] && [ "$a" = "$b" ] || say "read back: $f differs (or missing)"
done

# ---- reproducible ---------------------------------------------------------------------------
sleep 1
"$JIXIAO" export --format xlsx -o "$tmp/again.xlsx" "$s002" "$ex/datong-2024.json" "$ex/xiangshan-2023.json" 2>/dev/null
cmp -s "$out" "$tmp/again.xlsx" || say "two runs give different files"
unzip -p "$out" docProps/core.xml | grep -q '<dcterms:created xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z' || say "created date is not the fixed one"

# ---- LibreOffice, when installed -------------------------------------------------------------
if [ -x /usr/bin/soffice ]; then
    (cd "$tmp" && timeout 120 /usr/bin/soffice --headless -env:UserInstallation=file://"$tmp"/lo \
        --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76' --outdir "$tmp/lo-out" "$out" >"$tmp/lo.log" 2>&1) || say "soffice failed: $(tail -3 "$tmp/lo.log")"
    grep -q 'Z特种设备监管费' "$tmp/lo-out/out.csv" 2>/dev/null || say "soffice: no 汇总 in the converted csv"
    grep -q '3095.159' "$tmp/lo-out/out.csv" 2>/dev/null || say "soffice: budget total not 3095.159 after recalculation"
else
    echo "note: /usr/bin/soffice not installed; LibreOffice conversion not checked"
fi

# ---- misuse and bad input --------------------------------------------------------------------
printf '{"projects": [ {"name": ' > "$tmp/bad.json"
"$JIXIAO" export --format xlsx -o "$tmp/b.xlsx" "$tmp/bad.json" 2>"$tmp/err"; st=$?
[ $st = 2 ] || say "bad JSON: exit $st"
grep -q "bad.json" "$tmp/err" || say "bad JSON: message does not name the file: $(cat "$tmp/err")"
"$JIXIAO" export --format xlsx -o "$tmp/m.xlsx" "$tmp/missing.txt" 2>"$tmp/err"; st=$?
[ $st = 2 ] && grep -q "missing.txt" "$tmp/err" || say "missing file: exit $st, $(cat "$tmp/err")"
"$JIXIAO" export --format xlsx -o /nonexistent-dir/x.xlsx "$ex/datong-2024.json" 2>"$tmp/err"; st=$?
[ $st = 2 ] && grep -q "/nonexistent-dir/x.xlsx" "$tmp/err" || say "unwritable output: exit $st, $(cat "$tmp/err")"
"$JIXIAO" export --format xlsx "$ex/datong-2024.json" 2>/dev/null; st=$?
[ $st = 2 ] || say "no -o: exit $st"
"$JIXIAO" export -o "$tmp/x.xlsx" "$ex/datong-2024.json" 2>/dev/null; st=$?
[ $st = 2 ] || say "no --format: exit $st"
"$JIXIAO" export --format ods -o "$tmp/x.ods" "$ex/datong-2024.json" 2>"$tmp/err"; st=$?
[ $st = 2 ] && grep -q 'ods' "$tmp/err" || say "unknown format: exit $st"
"$JIXIAO" export --format xlsx -o "$tmp/x.xlsx" 2>/dev/null; st=$?
[ $st = 2 ] || say "no input file: exit $st"
# no error findings: exit 0 (xiangshan-2023.json has none)
"$JIXIAO" audit "$ex/xiangshan-2023.json" >/dev/null; ast=$?
"$JIXIAO" export --format xlsx -o "$tmp/x.xlsx" "$ex/xiangshan-2023.json"; st=$?
[ $st = "$ast" ] || say "exit $st differs from audit's $ast"

# ---- help --------------------------------------------------------------------------------
"$JIXIAO" export --help >"$tmp/help"; st=$?
[ $st = 0 ] || say "--help exit $st"
grep -q 'jixiao export --format xlsx' "$tmp/help" && grep -q '自评表明细' "$tmp/help" || say "--help lacks the usage or the sheet limit"
"$JIXIAO" --help | grep -q 'jixiao export' || say "jixiao --help does not list export"

[ $fail = 0 ] && echo "export_xlsx: ok"
exit $fail
