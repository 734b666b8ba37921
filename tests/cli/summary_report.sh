#!/bin/bash
# `jixiao summary` and `jixiao report` on seed 002 (issue 4): the claimed
# grades of its 30 scored tables are 22 优, 6 良, 1 中 (Z质量发展工作经费),
# 1 差 (放心消费创建项目); the summary says which projects it saw; the
# report carries the same numbers, one block per project, the tables' own
# texts, and says 表中未填写 where a table has none.
set -u
fail=0
say() { echo "FAIL: $*"; fail=1; }
seeds=${JX_SEEDS:-$JX_ROOT/../shared/seeds}
s002=$(ls "$seeds"/002_*.txt 2>/dev/null | head -1)
[ -f "$s002" ] || { echo "FAIL: seed 002 not found"; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

"$JIXIAO" summary --json "$s002" > "$tmp/s.json"; st=$?
[ $st -le 1 ] || say "summary exit $st"
grep -q '"projects": 31,' "$tmp/s.json" || say "projects != 31"
grep -q '"grades_claimed": {"优":22,"良":6,"中":1,"差":1}' "$tmp/s.json" || say "claimed grades: $(grep grades_claimed "$tmp/s.json")"
grep -q '"bands_claimed": {"90+":22,"60-90":7,"<60":1}' "$tmp/s.json" || say "bands: $(grep bands_claimed "$tmp/s.json")"
grep -q '"scored": 30,' "$tmp/s.json" || say "scored != 30"
grep -q '{"name":"Z质量发展工作经费","total_claimed":72.36,"grade_claimed":"中"' "$tmp/s.json" || say "Z质量发展工作经费 not below 良"
grep -q '{"name":"放心消费创建项目","total_claimed":0,"grade_claimed":"差"' "$tmp/s.json" || say "放心消费创建项目 not below 良"
[ "$(grep -c '{"name":' "$tmp/s.json")" = 2 ] || say "below_good should hold exactly 2 projects"
grep -q '"budget": 2447.487,' "$tmp/s.json" || say "budget sum"
grep -q '"execution_rate": 78.4,' "$tmp/s.json" || say "execution rate"
grep -q '"projects":31}' "$tmp/s.json" || say "documents: which projects were seen"

# the JSON example: amounts in 万元 summed exactly
"$JIXIAO" summary --json "$JX_ROOT/examples/datong-2024.json" > "$tmp/e.json"
grep -q '"budget": 381.672,' "$tmp/e.json" || say "examples budget sum: $(grep '"budget"' "$tmp/e.json")"

"$JIXIAO" report "$s002" > "$tmp/r.md"; st=$?
[ $st = 0 ] || say "report exit $st"
grep -q '^# 040001-大同市市场监督管理局2024年度项目支出绩效自评工作报告' "$tmp/r.md" || say "report title"
grep -q '本次自评共涉及项目 31 个, 全年预算数合计 2447.487 万元, 全年执行数合计 1918.828 万元, 预算执行率 78.40%' "$tmp/r.md" || say "section 一 numbers"
grep -q '90 分以上 22 个, 60 至 90 分 7 个, 60 分以下 1 个' "$tmp/r.md" || say "bands sentence"
[ "$(grep -c '^### ' "$tmp/r.md")" = 31 ] || say "one block per project: $(grep -c '^### ' "$tmp/r.md")"
for h in '## 一、绩效自评工作组织开展情况' '## 二、绩效目标实现情况' '## 三、绩效目标设定质量情况' '## 四、整改措施及结果应用' '## 附表'; do
    grep -q "^$h" "$tmp/r.md" || say "missing section $h"
done
grep -q '该自评表只有表头' "$tmp/r.md" || say "the header-only table is not said to be empty"
grep -q '因执法办案系统不具备批量吊销企业营业执照功能' "$tmp/r.md" || say "a table's own 偏差原因 is not quoted"
grep -q '分值合计不等于 100 (WEIGHT-SUM): 5 处' "$tmp/r.md" || say "section 三 WEIGHT-SUM count"
"$JIXIAO" report "$JX_ROOT/examples/datong-2024.json" > "$tmp/e.md"
grep -q '年度目标: 表中未填写' "$tmp/e.md" || say "missing goal not said plainly"

"$JIXIAO" report --format html -o "$tmp/r.html" "$s002"; st=$?
[ $st = 0 ] || say "html exit $st"
grep -q '^<!DOCTYPE html>' "$tmp/r.html" && grep -q '<style>' "$tmp/r.html" && grep -q '</html>' "$tmp/r.html" || say "html is not a whole page"
[ "$(grep -c '<h3>' "$tmp/r.html")" = 31 ] || say "html project blocks"
grep -q '<td class="n">2447.487</td>\|78.40%' "$tmp/r.html" || say "html figures"
"$JIXIAO" report --format odt "$s002" >/dev/null 2>&1; [ $? = 2 ] || say "unsupported format should exit 2"
[ $fail = 0 ] && echo ok
exit $fail
