#!/bin/bash
# seed_checks.sh — the seed checks of SPEC §5 (and the real findings of §6),
# through the example files transcribed from seeds 002 and 004.
set -euo pipefail
# shellcheck source=lib.bash source-path=SCRIPTDIR
. "$(dirname "$0")/lib.bash"

D=$EX/datong-2024.json
X=$EX/xiangshan-2023.json

# ---- seed 002 (大同市市场监督管理局 2024) ------------------------------------
run "$JIXIAO" audit --json "$D"
expect_rc 1 "audit --json datong-2024.json (Z特种设备监管费 has a WEIGHT-SUM error)"
cp "$TMP/out" "$TMP/d.json"

project "$TMP/d.json" "J市场监管经费" >"$TMP/p"
expect_num "$(fval "$TMP/p" execution_score)" 9.92 "J市场监管经费 execution_score (189.132/190.7 = 99.18%)"
expect_num "$(fval "$TMP/p" execution_rate_computed)" 99.18 "J市场监管经费 execution_rate_computed"
expect_num "$(pval "$TMP/p" total_recomputed)" 95.92 "J市场监管经费 total_recomputed"
no_finding "$TMP/p" FUND-SCORE "J市场监管经费"
no_finding "$TMP/p" FUND-RATE "J市场监管经费"
no_finding "$TMP/p" TOTAL-SUM "J市场监管经费"
no_finding "$TMP/p" WEIGHT-SUM "J市场监管经费 (weights 10 + 90)"

project "$TMP/d.json" "J信用监管经费" >"$TMP/p"
expect_num "$(fval "$TMP/p" execution_score)" 8.73 "J信用监管经费 execution_score (13.092/15 = 87.28%)"
expect_num "$(fval "$TMP/p" executed)" 13.092 "J信用监管经费 executed (\"13,092\" read with a decimal comma)"
expect_num "$(fval "$TMP/p" balance)" 1.908 "J信用监管经费 balance (\"1,908\")"
has_finding "$TMP/p" NUMBER-AMBIGUOUS "J信用监管经费 executed" '13,092' '13.092'
has_finding "$TMP/p" NUMBER-AMBIGUOUS "J信用监管经费 balance" '1,908' '1.908'
if finding "$TMP/p" NUMBER-AMBIGUOUS | grep -qE '"severity": *"warning"'; then pass; else
    fail "J信用监管经费 NUMBER-AMBIGUOUS should be a warning"; fi
no_finding "$TMP/p" FUND-BALANCE "J信用监管经费 (15 − 13.092 = 1.908)"
no_finding "$TMP/p" FUND-RATE "J信用监管经费 (87.28 is exact)"
no_finding "$TMP/p" FUND-SCORE "J信用监管经费"

project "$TMP/d.json" "Z特种设备监管费" >"$TMP/p"
expect_num "$(fval "$TMP/p" execution_score)" 1.25 "Z特种设备监管费 execution_score (12.716/102 = 12.47%)"
has_finding "$TMP/p" WEIGHT-SUM "Z特种设备监管费 weights total 93" '93'
if finding "$TMP/p" WEIGHT-SUM | grep -qE '"severity": *"error"'; then pass; else
    fail "Z特种设备监管费 WEIGHT-SUM should be an error"; fi
has_finding "$TMP/p" SCORE-ABOVE-RULE "Z特种设备监管费 ≥75家次, actual 58家次, scored 6 of 6" '特种设备日常监督检查'
row=$(indicators "$TMP/p" | grep -F '"name":"特种设备日常监督检查"' || true)
[ -z "$row" ] && row=$(indicators "$TMP/p" | grep -F '特种设备日常监督检查' || true)
rule=$(printf '%s' "$row" | grep -oE '"score_rule": *[^,}]*' | sed -E 's/"score_rule": *//')
expect_num "$rule" 4.64 "Z特种设备监管费 特种设备日常监督检查 score_rule (6 × 58/75)"
expect_num "$(pval "$TMP/p" total_recomputed)" 84.25 "Z特种设备监管费 total_recomputed (1.25 + 83)"

project "$TMP/d.json" "2024年中央药品监管补助资金" >"$TMP/p"
has_finding "$TMP/p" FUND-BUDGET-CUT "2024年中央药品监管补助资金 budget 49.5 → 12.972, 100% executed" '49.5' '12.972'
expect_num "$(fval "$TMP/p" execution_score)" 10 "2024年中央药品监管补助资金 execution_score"

project "$TMP/d.json" "Z质量发展工作经费" >"$TMP/p"
expect_str "$(pval "$TMP/p" grade_claimed)" '"中"' "Z质量发展工作经费 grade_claimed"
expect_num "$(pval "$TMP/p" total_recomputed)" 72.36 "Z质量发展工作经费 total_recomputed"
expect_num "$(fval "$TMP/p" execution_score)" 5.36 "Z质量发展工作经费 execution_score (32.669/61 = 53.56%)"
has_finding "$TMP/p" FUND-RATE "Z质量发展工作经费 stated 53.55%, computed 53.56%" '53.55' '53.56'

project "$TMP/d.json" "放心消费创建项目" >"$TMP/p"
expect_str "$(pval "$TMP/p" grade_claimed)" '"差"' "放心消费创建项目 grade_claimed"
has_finding "$TMP/p" FUND-ZERO-BUDGET "放心消费创建项目 全年预算数 0"

# ---- seed 004 (相山区政府办公室 2023) ----------------------------------------
run "$JIXIAO" audit --json "$X"
cp "$TMP/out" "$TMP/x.json"
if [ "$RC" -le 1 ]; then pass; else fail "audit --json xiangshan-2023.json: exit status $RC"; fi

project "$TMP/x.json" "区创优营商环境服务中心工作经费" >"$TMP/p"
expect_num "$(fval "$TMP/p" execution_score)" 8.43 "区创优营商环境服务中心工作经费 execution_score (38.76/46 = 84.26%)"
expect_num "$(fval "$TMP/p" execution_rate_computed)" 84.26 "区创优营商环境服务中心工作经费 execution_rate_computed"
expect_num "$(pval "$TMP/p" total_rule)" 98.43 "区创优营商环境服务中心工作经费 total_rule (8.43 + 90)"
expect_str "$(pval "$TMP/p" grade_rule)" '"优"' "区创优营商环境服务中心工作经费 grade_rule"
has_finding "$TMP/p" FUND-RATE "区创优营商环境服务中心工作经费 table says 84.25%" '84.25' '84.26'
if finding "$TMP/p" FUND-RATE | grep -qE '"severity": *"info"'; then pass; else
    fail "区创优营商环境服务中心工作经费 FUND-RATE should be info (rounding only)"; fi
has_finding "$TMP/p" HIERARCHY "区创优营商环境服务中心工作经费 成本指标 → 社会效益指标 → 就业岗位" '就业岗位'
no_finding "$TMP/p" TOTAL-SUM "区创优营商环境服务中心工作经费 (98.43 = 8.43 + 90)"

project "$TMP/x.json" "区政府工作经费" >"$TMP/p"
has_finding "$TMP/p" TARGET-STRICT "区政府工作经费 申请数额 ＜220, actual 220" '申请数额'
has_finding "$TMP/p" TARGET-STRICT "区政府工作经费 工作经费 ＜220, actual 220" '工作经费」'
expect_num "$(fval "$TMP/p" execution_score)" 6.12 "区政府工作经费 execution_score (134.64/220 = 61.2%)"
expect_num "$(pval "$TMP/p" total_rule)" 96.12 "区政府工作经费 total_rule (6.12 + 90)"

# ---- merged cells (SPEC §3): continuation rows inherit the last seen parent -----
# The examples spell out every parent; a table typed as the seed shows it leaves
# them out on continuation rows (J市场监管经费's first rows, shortened here).
cat >"$TMP/merged.json" <<'EOF'
{"projects": [{"name": "J市场监管经费(节选)", "year": 2024, "amount_unit": "万元",
  "funds": {"budget_initial": 146.2, "budget": 190.7, "executed": 189.132, "balance": 1.568, "execution_rate": 99.18, "execution_score_claimed": 9.92},
  "indicators": [
    {"level1": "产出指标", "level2": "数量指标", "name": "主题活动视频拍摄制作", "target": "≥次", "target_adjusted": "≥5次", "actual": "≥5次", "weight": 1, "score_claimed": 1},
    {"name": "举办培育放心消费创建宣传活动", "target": "≥场次", "target_adjusted": "≥5场次", "actual": "≥5场次", "weight": 2, "score_claimed": 2},
    {"level1": null, "level2": "质量指标", "name": "对辖区内放心消费创建工作覆盖率", "target": "=%", "target_adjusted": "=100%", "actual": "=100%", "weight": 2, "score_claimed": 2},
    {"level1": "效益指标", "level2": "社会效益指标", "name": "网络经营主体规范水平", "target": "", "target_adjusted": "不断提高", "actual": "达成预期指标", "weight": 1.5, "score_claimed": 1.5},
    {"name": "市场监管能力", "target": "", "target_adjusted": "不断提高", "actual": "达成预期指标", "weight": 1.5, "score_claimed": 1.5}
  ]}]}
EOF
run "$JIXIAO" audit --json "$TMP/merged.json"
if [ "$RC" -le 1 ]; then pass; else fail "audit of a table with merged cells: exit status $RC"; fi
indicators "$TMP/out" >"$TMP/rows"
row_of() { sed -n "${1}p" "$TMP/rows"; }
if row_of 2 | grep -qE '"level1": *"产出指标", *"level2": *"数量指标"'; then pass; else
    fail "row 2 should inherit 产出指标/数量指标: $(row_of 2)"; fi
if row_of 3 | grep -qE '"level1": *"产出指标", *"level2": *"质量指标"'; then pass; else
    fail "row 3 should inherit 产出指标 and keep its own 质量指标: $(row_of 3)"; fi
if row_of 5 | grep -qE '"level1": *"效益指标", *"level2": *"社会效益指标"'; then pass; else
    fail "row 5 should inherit 效益指标/社会效益指标: $(row_of 5)"; fi
no_finding "$TMP/out" HIERARCHY "merged cells are not misplaced rows"

# ---- the examples agree with the seeds they were transcribed from -------------
S2='' S4=''
for f in "$JX_SEEDS"/002_*.txt; do [ -f "$f" ] && S2=$f; done
for f in "$JX_SEEDS"/004_*.txt; do [ -f "$f" ] && S4=$f; done
if [ -n "$S2" ]; then
    contains "$S2" "$(printf '0\t15\t15\t13,092\t1,908\t87.28\t8.73')" "seed 002 J信用监管经费 funds row"
    contains "$S2" "$(printf '0\t102\t102\t12.716\t89.284\t12.47\t1.25')" "seed 002 Z特种设备监管费 funds row"
    contains "$S2" "$(printf '49.5\t49.5\t12.972\t12.972\t0\t100\t10')" "seed 002 2024年中央药品监管补助资金 funds row"
fi
if [ -n "$S4" ]; then
    contains "$S4" '84.25%' "seed 004 区创优营商环境服务中心工作经费 stated rate"
fi

finish
