#!/bin/bash
# exit_status.sh — SPEC §11: `jixiao audit` exits 0 when there is no error
# finding, 1 when there is one, 2 when an input cannot be read or the command
# is misused (with a message on stderr naming the file, line and column).
set -euo pipefail
# shellcheck source=lib.bash source-path=SCRIPTDIR
. "$(dirname "$0")/lib.bash"

cd "$TMP"

# A table whose arithmetic is right: 10 + 50 + 30 + 10 = 100, every target met.
cat >clean.json <<'EOF'
{
  "projects": [
    {
      "name": "测试项目",
      "year": 2024,
      "unit": "测试单位",
      "amount_unit": "万元",
      "funds": {"budget_initial": 100, "budget": 100, "executed": 100, "balance": 0,
                "execution_rate": 100, "execution_score_claimed": 10, "reason": null},
      "indicators": [
        {"level1": "产出指标", "level2": "数量指标", "name": "培训人数", "target": "≥100人", "actual": "100人", "weight": 50, "score_claimed": 50, "reason": null},
        {"level1": "效益指标", "level2": "社会效益指标", "name": "群众知晓率", "target": "≥90%", "actual": "95%", "weight": 30, "score_claimed": 30, "reason": null},
        {"level1": "满意度指标", "level2": "服务对象满意度指标", "name": "服务对象满意度", "target": "≥90%", "actual": "92%", "weight": 10, "score_claimed": 10, "reason": null}
      ],
      "total_claimed": 100,
      "grade_claimed": "优"
    }
  ]
}
EOF

run "$JIXIAO" audit clean.json
expect_rc 0 "audit of a clean file"
run "$JIXIAO" audit --json clean.json
expect_rc 0 "audit --json of a clean file"
cp "$TMP/out" clean.out
if [ "$(findings clean.out | grep -cE '"severity": *"error"' || true)" -eq 0 ]; then pass; else
    fail "clean file: error findings: $(findings clean.out | grep -E '"severity": *"error"')"; fi
expect_num "$(pval clean.out total_rule)" 100 "clean file total_rule"
run "$JIXIAO" audit - <clean.json
expect_rc 0 "audit of a clean file read from standard input (-)"

# Warnings alone do not make the exit status 1: full marks for a missed target.
sed 's/"actual": "100人", "weight": 50, "score_claimed": 50/"actual": "90人", "weight": 50, "score_claimed": 50/' clean.json >warn.json
run "$JIXIAO" audit --json warn.json
expect_rc 0 "audit of a file with warnings only"
has_finding "$TMP/out" SCORE-ABOVE-RULE "warn.json: 90人 against ≥100人, full marks" '培训人数'

# An arithmetic error: the stated total is not the sum of the items.
sed 's/"total_claimed": 100/"total_claimed": 99/' clean.json >error.json
run "$JIXIAO" audit error.json
expect_rc 1 "audit of a file with an error finding (TOTAL-SUM)"
contains "$TMP/out" TOTAL-SUM "text output of error.json"
run "$JIXIAO" audit --json error.json
expect_rc 1 "audit --json of a file with an error finding"
has_finding "$TMP/out" TOTAL-SUM "error.json stated total 99" '99' '100'
# Both files together: an error anywhere makes it 1.
run "$JIXIAO" audit clean.json error.json
expect_rc 1 "audit of a clean and an erroneous file"

# A file that does not exist.
run "$JIXIAO" audit no-such-file.json
expect_rc 2 "audit of a missing file"
contains "$TMP/err" "no-such-file.json" "stderr for a missing file names it"
# … even beside a readable one, and the readable one is still reported.
run "$JIXIAO" audit --json clean.json no-such-file.json
expect_rc 2 "audit of a clean file and a missing one"
contains "$TMP/out" '"source": "clean.json"' "the readable file is still audited"
contains "$TMP/err" "no-such-file.json" "stderr names the missing file"

# Malformed JSON: the error sits on line 3 (a doubled comma).
printf '{\n  "projects": [\n    {"name": "坏文件",, "year": 2024}\n  ]\n}\n' >bad.json
run "$JIXIAO" audit bad.json
expect_rc 2 "audit of malformed JSON"
contains "$TMP/err" "bad.json:3:" "stderr names file:line of the JSON error"
if grep -qE 'bad\.json:3:[0-9]+' "$TMP/err"; then pass; else fail "stderr should give file:line:col, got: $(cat "$TMP/err")"; fi
run "$JIXIAO" audit --json bad.json
expect_rc 2 "audit --json of malformed JSON"
contains "$TMP/err" "bad.json:3:" "stderr (with --json) names file:line"

# Truncated JSON and an empty file cannot be read either.
head -c 60 clean.json >truncated.json
run "$JIXIAO" audit truncated.json
expect_rc 2 "audit of truncated JSON"
contains "$TMP/err" "truncated.json" "stderr names the truncated file"
: >empty.json
run "$JIXIAO" audit empty.json
expect_rc 2 "audit of an empty file"
contains "$TMP/err" "empty.json" "stderr names the empty file"

# Misuse.
run "$JIXIAO" audit --no-such-option clean.json
expect_rc 2 "audit with an unknown option"
contains "$TMP/err" "--no-such-option" "stderr names the unknown option"
run "$JIXIAO" audit
expect_rc 2 "audit without a file"
if [ -s "$TMP/err" ]; then pass; else fail "audit without a file: nothing on stderr"; fi
run "$JIXIAO" audit --rules
expect_rc 2 "audit --rules without a name"
run "$JIXIAO" no-such-command
expect_rc 2 "an unknown command"
run "$JIXIAO"
expect_rc 2 "no command at all"

# An unknown rule set: exit 2 and the message lists the rule sets there are.
run "$JIXIAO" audit --rules no-such-rules clean.json
expect_rc 2 "audit --rules with an unknown rule set"
contains "$TMP/err" "mof-2020" "stderr lists the rule set mof-2020"
contains "$TMP/err" "sichuan" "stderr lists the rule set sichuan"
contains "$TMP/err" "no-such-rules" "stderr names the unknown rule set"
run "$JIXIAO" rules no-such-rules
expect_rc 2 "rules with an unknown rule set"
contains "$TMP/err" "sichuan" "rules: stderr lists the rule set sichuan"

finish
