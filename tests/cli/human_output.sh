#!/bin/bash
# human_output.sh — SPEC §11: without --json, `jixiao audit` prints one block
# per project with aligned columns (CJK characters take two cells) and the
# findings grouped by severity (错误 / 警告 / 提示), and ends with a 合计 line.
# The text must say what the JSON says: the same findings, the same counts.
set -euo pipefail
# shellcheck source=lib.bash source-path=SCRIPTDIR
. "$(dirname "$0")/lib.bash"

D=$EX/datong-2024.json
X=$EX/xiangshan-2023.json

run "$JIXIAO" audit "$D" "$X"
expect_rc 1 "audit of both examples (text)"
cp "$TMP/out" "$TMP/text"
run "$JIXIAO" audit --json "$D" "$X"
cp "$TMP/out" "$TMP/json"

# one heading per file, one block per project, in order
contains "$TMP/text" "══ $D ══" "heading of datong-2024.json"
contains "$TMP/text" "══ $X ══" "heading of xiangshan-2023.json"
n=0
for p in J市场监管经费 J信用监管经费 Z特种设备监管费 2024年中央药品监管补助资金 Z质量发展工作经费 放心消费创建项目 \
    区政府工作经费 区创优营商环境服务中心工作经费; do
    n=$((n + 1))
    if grep -qE "^$n\. $p( |\$)" "$TMP/text"; then pass; else fail "no block heading \"$n. $p\""; fi
done
contains "$TMP/text" "Z特种设备监管费 (2024年度)" "the year is shown"
contains "$TMP/text" "区政府工作经费 (2023年度)" "the year is shown"

# block NAME — the text block of one project (heading to the line before the next)
block() {
    awk -v want="$1" '
        /^[0-9]+\. / { name = $0; sub(/^[0-9]+\. /, "", name); sub(/ \(.*$/, "", name); sub(/  .*$/, "", name); cur = (name == want) }
        /^══ / || /^合计/ { cur = 0 }
        cur { print }' "$TMP/text"
}

# ---- aligned columns ----------------------------------------------------------
# Within one project, the header and every indicator row end the 分值 column at
# the same display column, and every row has the same display width.
check_columns() {
    local p=$1 rows=$2
    block "$p" >"$TMP/b"
    grep -E '^ +# +一级指标' "$TMP/b" >"$TMP/hdr" || true
    grep -E '^ +[0-9]+  ' "$TMP/b" >"$TMP/rows" || true
    if [ "$(wc -l <"$TMP/hdr")" -eq 1 ]; then pass; else fail "$p: expected one indicator header line"; return; fi
    for col in 一级指标 二级指标 三级指标 指标值 实际完成值 分值 自评 规则; do
        contains "$TMP/hdr" "$col" "$p: header column $col"
    done
    expect_num "$(wc -l <"$TMP/rows")" "$rows" "$p: number of indicator rows"
    # display width up to the end of 分值: drop the last two fields (自评, 规则)
    local ends widths
    ends=$(cat "$TMP/hdr" "$TMP/rows" | sed -E 's/ +[^ ]+ +[^ ]+ *$//' | width | sort -u)
    if [ "$(printf '%s\n' "$ends" | wc -l)" -eq 1 ]; then pass; else
        fail "$p: the 分值 column ends at different display columns: $(printf '%s' "$ends" | tr '\n' ' ')"
        cat "$TMP/hdr" "$TMP/rows" | sed -E 's/ +[^ ]+ +[^ ]+ *$//' | width | paste - <(cat "$TMP/hdr" "$TMP/rows") | head -5 >&2
    fi
    widths=$(cat "$TMP/hdr" "$TMP/rows" | sed -E 's/ +$//' | width | sort -u)
    if [ "$(printf '%s\n' "$widths" | wc -l)" -eq 1 ]; then pass; else
        fail "$p: indicator rows have different display widths: $(printf '%s' "$widths" | tr '\n' ' ')"; fi
}
check_columns J市场监管经费 64
check_columns J信用监管经费 21
check_columns Z特种设备监管费 11
check_columns 2024年中央药品监管补助资金 16
check_columns Z质量发展工作经费 17
check_columns 放心消费创建项目 10
check_columns 区政府工作经费 9
check_columns 区创优营商环境服务中心工作经费 6

# the figures are there
block Z特种设备监管费 >"$TMP/b"
contains "$TMP/b" "12.716" "Z特种设备监管费 全年执行数"
contains "$TMP/b" "12.47%" "Z特种设备监管费 执行率"
if grep -E '执行得分' "$TMP/b" | grep -qF '1.25'; then pass; else fail "Z特种设备监管费 execution score 1.25 not shown"; fi
if grep -E '^ +总分' "$TMP/b" | grep -qF '84.25 (良)'; then pass; else fail "Z特种设备监管费 总分 line should show 填报 84.25 (良)"; fi
if grep -E '^ +2  ' "$TMP/b" | grep -qE '6 +6 +4\.64 *$'; then pass; else
    fail "Z特种设备监管费 row 2 should end with 分值 6, 自评 6, 规则 4.64: $(grep -E '^ +2  ' "$TMP/b")"; fi

# ---- findings grouped by severity ------------------------------------------------
# (project, severity, code) from the text …
awk '
    /^[0-9]+\. / { name = $0; sub(/^[0-9]+\. /, "", name); sub(/ \(.*$/, "", name); sub(/  .*$/, "", name); sev = "" }
    /^  错误 error/ { sev = "error"; next }
    /^  警告 warning/ { sev = "warning"; next }
    /^  提示 info/ { sev = "info"; next }
    /^  [^ ]/ { sev = "" }
    sev != "" && /^    [A-Z]/ { print name "|" sev "|" $1 }
' "$TMP/text" | sort >"$TMP/text.findings"
# … and from the JSON
awk '
    /^[ \t]*"name": *"/ { n = $0; sub(/^[ \t]*"name": *"/, "", n); sub(/",?[ \t]*$/, "", n); name = n }
    {
        s = $0
        while (match(s, /\{ *"code": *"[^{}]*\}/)) {
            f = substr(s, RSTART, RLENGTH)
            s = substr(s, RSTART + RLENGTH)
            code = f; sub(/^\{ *"code": *"/, "", code); sub(/".*$/, "", code)
            sev = f; sub(/^.*"severity": *"/, "", sev); sub(/".*$/, "", sev)
            print name "|" sev "|" code
        }
    }
' "$TMP/json" | sort >"$TMP/json.findings"
if [ -s "$TMP/text.findings" ]; then pass; else fail "no findings found in the text output"; fi
if cmp -s "$TMP/text.findings" "$TMP/json.findings"; then pass; else
    fail "findings in the text differ from the JSON: $(diff "$TMP/text.findings" "$TMP/json.findings" | head -10)"; fi

# the headings come in the order 错误, 警告, 提示 and carry their counts
block Z特种设备监管费 >"$TMP/b"
order=$(grep -oE '^  (错误|警告|提示)' "$TMP/b" | tr -d ' ' | tr '\n' ' ')
expect_str "$order" "错误 警告 提示 " "Z特种设备监管费 finding groups in order"
contains "$TMP/b" "错误 error (1)" "Z特种设备监管费 one error"
if grep -A1 -E '^  错误' "$TMP/b" | grep -qE '^    WEIGHT-SUM .*93'; then pass; else fail "Z特种设备监管费 WEIGHT-SUM (93) under 错误"; fi
if grep -A1 -E '^  警告' "$TMP/b" | grep -qE '^    SCORE-ABOVE-RULE .*特种设备日常监督检查'; then pass; else
    fail "Z特种设备监管费 SCORE-ABOVE-RULE under 警告"; fi
block 区创优营商环境服务中心工作经费 >"$TMP/b"
if grep -A3 -E '^  提示' "$TMP/b" | grep -qE '^    FUND-RATE .*84\.25.*84\.26'; then pass; else
    fail "区创优营商环境服务中心工作经费 FUND-RATE under 提示"; fi
if grep -A2 -E '^  警告' "$TMP/b" | grep -qE '^    HIERARCHY .*就业岗位'; then pass; else
    fail "区创优营商环境服务中心工作经费 HIERARCHY under 警告"; fi
# findings about one indicator give its row number
if grep -qE '^    SCORE-ABOVE-RULE +#2 ' <(block Z特种设备监管费); then pass; else fail "Z特种设备监管费: the finding should name row #2"; fi

# ---- the 合计 line ------------------------------------------------------------------
last=$(tail -1 "$TMP/text")
case $last in 合计*) pass ;; *) fail "the last line should be the 合计 line, got: $last" ;; esac
errors=$(grep -c '|error|' "$TMP/json.findings" || true)
warnings=$(grep -c '|warning|' "$TMP/json.findings" || true)
infos=$(grep -c '|info|' "$TMP/json.findings" || true)
if printf '%s' "$last" | grep -qF "8 个项目"; then pass; else fail "合计 should count 8 projects: $last"; fi
if printf '%s' "$last" | grep -qF "错误 $errors"; then pass; else fail "合计 should count $errors errors: $last"; fi
if printf '%s' "$last" | grep -qF "警告 $warnings"; then pass; else fail "合计 should count $warnings warnings: $last"; fi
if printf '%s' "$last" | grep -qF "提示 $infos"; then pass; else fail "合计 should count $infos infos: $last"; fi
if printf '%s' "$last" | grep -qF "mof-2020"; then pass; else fail "合计 should name the rule set: $last"; fi

# ---- a project without findings says so ------------------------------------------------
cat >"$TMP/clean.json" <<'EOF'
{"projects": [{"name": "无问题项目", "year": 2024, "amount_unit": "万元",
  "funds": {"budget": 20, "executed": 20, "balance": 0, "execution_rate": 100, "execution_score_claimed": 10},
  "indicators": [
    {"level1": "产出指标", "level2": "数量指标", "name": "检查家次", "target": "≥50家次", "actual": "50家次", "weight": 50, "score_claimed": 50},
    {"level1": "效益指标", "level2": "社会效益指标", "name": "安全水平", "target": "不断提高", "actual": "达成预期指标", "weight": 30, "score_claimed": 30},
    {"level1": "满意度指标", "level2": "服务对象满意度指标", "name": "群众满意度", "target": "≥90%", "actual": "≥90%", "weight": 10, "score_claimed": 10}],
  "total_claimed": 100, "grade_claimed": "优"}]}
EOF
run "$JIXIAO" audit "$TMP/clean.json"
expect_rc 0 "text audit of a clean project"
contains "$TMP/out" "无问题项目" "clean project block"
contains "$TMP/out" "无 (no findings)" "a project without findings says so"
lacks "$TMP/out" "错误 error" "a clean project has no error group"
tail -1 "$TMP/out" >"$TMP/last"
contains "$TMP/last" "错误 0, 警告 0, 提示 0" "合计 of a clean project"

finish
