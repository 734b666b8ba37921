#!/bin/bash
# rules.sh — rule sets are data (SPEC §5): `jixiao rules` lists and shows them,
# `--rules NAME` and `--rules FILE` change the result of an audit.
set -euo pipefail
# shellcheck source=lib.bash source-path=SCRIPTDIR
. "$(dirname "$0")/lib.bash"

D=$EX/datong-2024.json
X=$EX/xiangshan-2023.json

# ---- jixiao rules --------------------------------------------------------------
run "$JIXIAO" rules
expect_rc 0 "jixiao rules"
for r in mof-2020 sichuan yunnan; do contains "$TMP/out" "$r" "jixiao rules lists $r"; done

run "$JIXIAO" rules sichuan
expect_rc 0 "jixiao rules sichuan"
contains "$TMP/out" "sichuan" "jixiao rules sichuan names the set"
contains "$TMP/out" "90" "jixiao rules sichuan shows the 90 points of the indicators"
if grep -E '90' "$TMP/out" | grep -qE '指标|indicator'; then pass; else
    fail "jixiao rules sichuan: no line gives the indicators 90 points"; fi

run "$JIXIAO" rules mof-2020
expect_rc 0 "jixiao rules mof-2020"
for w in "产出指标 (50" "效益指标 (30" "满意度指标 (10"; do
    contains "$TMP/out" "$w" "jixiao rules mof-2020 shows the level-1 weight $w"
done
contains "$TMP/out" "90" "jixiao rules mof-2020 shows the grade band 优 ≥ 90"

# ---- the default is mof-2020 ---------------------------------------------------
run "$JIXIAO" audit --json "$X"
cp "$TMP/out" "$TMP/x.mof.json"
contains "$TMP/x.mof.json" '"rules": "mof-2020"' "audit without --rules uses mof-2020"
run "$JIXIAO" audit --json --rules mof-2020 "$X"
if cmp -s "$TMP/out" "$TMP/x.mof.json"; then pass; else fail "--rules mof-2020 differs from the default"; fi

# ---- --rules sichuan changes the result ------------------------------------------
run "$JIXIAO" audit --json --rules sichuan "$X"
cp "$TMP/out" "$TMP/x.sc.json"
if [ "$RC" -le 1 ]; then pass; else fail "audit --rules sichuan exits $RC"; fi
contains "$TMP/x.sc.json" '"rules": "sichuan"' "audit --rules sichuan names its rule set"
# 区政府工作经费: 61.2% executed, no reason given; Sichuan wants one below 90%.
project "$TMP/x.sc.json" "区政府工作经费" >"$TMP/p"
has_finding "$TMP/p" FUND-LOW-EXECUTION "sichuan: 区政府工作经费 61.2% < 90% without a reason" '61.2'
project "$TMP/x.mof.json" "区政府工作经费" >"$TMP/p"
no_finding "$TMP/p" FUND-LOW-EXECUTION "mof-2020: 区政府工作经费 (no threshold)"
# 区创优营商环境服务中心工作经费: 84.26% < 90%
project "$TMP/x.sc.json" "区创优营商环境服务中心工作经费" >"$TMP/p"
has_finding "$TMP/p" FUND-LOW-EXECUTION "sichuan: 区创优营商环境服务中心工作经费 84.26% < 90%" '84.26'
no_finding "$TMP/p" WEIGHT-LEVEL1 "sichuan: no fixed level-1 weights"
project "$TMP/x.mof.json" "区创优营商环境服务中心工作经费" >"$TMP/p"
has_finding "$TMP/p" WEIGHT-LEVEL1 "mof-2020: 区创优营商环境服务中心工作经费 效益指标 0 of 30" '效益指标'
if cmp -s "$TMP/x.sc.json" "$TMP/x.mof.json"; then fail "--rules sichuan gives the same output as mof-2020"; else pass; fi

run "$JIXIAO" audit --json --rules sichuan "$D"
cp "$TMP/out" "$TMP/d.sc.json"
project "$TMP/d.sc.json" "J信用监管经费" >"$TMP/p"
has_finding "$TMP/p" FUND-LOW-EXECUTION "sichuan: J信用监管经费 87.28% < 90% without a reason" '87.28'
project "$TMP/d.sc.json" "Z特种设备监管费" >"$TMP/p"
has_finding "$TMP/p" WEIGHT-SUM "sichuan: Z特种设备监管费 weights" '93'
# J市场监管经费 executed 99.18%: no finding about it under either set
project "$TMP/d.sc.json" "J市场监管经费" >"$TMP/p"
no_finding "$TMP/p" FUND-LOW-EXECUTION "sichuan: J市场监管经费 99.18%"

# the --rules=NAME form
run "$JIXIAO" audit --json --rules=sichuan "$X"
if cmp -s "$TMP/out" "$TMP/x.sc.json"; then pass; else fail "--rules=sichuan differs from --rules sichuan"; fi

# ---- --rules FILE ----------------------------------------------------------------
run "$JIXIAO" audit --json --rules "$JX_ROOT/rules/sichuan.json" "$X"
expect_rc 1 "audit --rules rules/sichuan.json (a path; 区政府工作经费 has a TOTAL-SUM error)"
grep -v '"source":' "$TMP/out" >"$TMP/a" || true
grep -v '"source":' "$TMP/x.sc.json" >"$TMP/b" || true
if cmp -s "$TMP/a" "$TMP/b"; then pass; else fail "--rules rules/sichuan.json differs from --rules sichuan: $(diff "$TMP/a" "$TMP/b" | head -6)"; fi

# a rule set of one's own, extending mof-2020 with a stricter 优
cat >"$TMP/strict.json" <<'EOF'
{
  "name": "cli-test-strict",
  "extends": "mof-2020",
  "title": "测试规则集: 优 ≥ 99",
  "grades": [["优", 99], ["良", 80], ["中", 60], ["差", 0]]
}
EOF
run "$JIXIAO" rules "$TMP/strict.json"
expect_rc 0 "jixiao rules FILE"
contains "$TMP/out" "测试规则集" "jixiao rules FILE shows its title"
contains "$TMP/out" "99" "jixiao rules FILE shows its grade band"
run "$JIXIAO" audit --json --rules "$TMP/strict.json" "$D"
if [ "$RC" -le 1 ]; then pass; else fail "audit --rules FILE exits $RC: $(cat "$TMP/err")"; fi
cp "$TMP/out" "$TMP/d.strict.json"
contains "$TMP/d.strict.json" '"rules": "cli-test-strict"' "audit --rules FILE names the set"
project "$TMP/d.strict.json" "J市场监管经费" >"$TMP/p"
expect_str "$(pval "$TMP/p" grade_rule)" '"良"' "strict set: J市场监管经费 grade_rule"
run "$JIXIAO" audit --json "$D"
project "$TMP/out" "J市场监管经费" >"$TMP/p2"
expect_str "$(pval "$TMP/p2" grade_rule)" '"优"' "mof-2020: J市场监管经费 grade_rule"
expect_num "$(pval "$TMP/p" total_rule)" "$(pval "$TMP/p2" total_rule)" "J市场监管经费 total_rule under both sets"

# ---- a parameter of scoring: reverse targets, linear (mof-2020) or ratio ----------
cat >"$TMP/reverse.json" <<'EOF'
{"projects": [{"name": "反向指标", "year": 2024, "amount_unit": "万元",
  "funds": {"budget": 10, "executed": 10, "balance": 0, "execution_rate": 100, "execution_score_claimed": 10},
  "indicators": [{"level1": "产出指标", "level2": "成本指标", "name": "人均成本", "target": "≤100元", "actual": "150元", "weight": 10, "score_claimed": 5}],
  "total_claimed": 15}]}
EOF
run "$JIXIAO" audit --json "$TMP/reverse.json"
r=$(indicators "$TMP/out" | grep -oE '"score_rule": *[^,}]*' | sed -E 's/"score_rule": *//')
expect_num "$r" 5 "mof-2020: ≤100元, actual 150元, weight 10 → 10 × (1 − 50/100)"
run "$JIXIAO" audit --json --rules mof-2020-ratio "$TMP/reverse.json"
r=$(indicators "$TMP/out" | grep -oE '"score_rule": *[^,}]*' | sed -E 's/"score_rule": *//')
expect_num "$r" 6.67 "mof-2020-ratio: ≤100元, actual 150元, weight 10 → 10 × 100/150"

finish
