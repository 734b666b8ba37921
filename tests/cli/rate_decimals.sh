#!/bin/bash
# A stated rate keeps the decimals it was written with: "84.30" is checked at
# two decimals (84.26 is right, so FUND-RATE is an error), is written back as
# 84.30, and the same error is found when the output is audited again.
set -u
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
cat > "$dir/p.json" <<'JSON'
{"projects":[{"name":"率","year":2023,"funds":{"budget":46,"executed":38.76,"execution_rate":84.30},
 "indicators":[{"level1":"产出指标","level2":"数量指标","name":"x","target":"≥1个","actual":"1个","weight":90,"score_claimed":90}]}]}
JSON
"$JIXIAO" audit --json "$dir/p.json" > "$dir/1.json"; s1=$?
grep -q '"execution_rate":84.30,' "$dir/1.json" || { echo "rate not written as 84.30"; exit 1; }
grep -q '"code":"FUND-RATE","severity":"error"' "$dir/1.json" || { echo "no FUND-RATE error"; exit 1; }
"$JIXIAO" audit --json "$dir/1.json" > "$dir/2.json"; s2=$?
[ "$s1" = 1 ] && [ "$s2" = 1 ] || { echo "exit statuses $s1 $s2, expected 1 1"; exit 1; }
diff <(grep -v '"source"' "$dir/1.json") <(grep -v '"source"' "$dir/2.json") || { echo "round trip differs"; exit 1; }
echo ok
