# keyfigures.awk — one line per project of `jixiao audit --json` output:
# name|budget|executed|execution_score_claimed|execution_score|total_claimed|grade_claimed|indicators|total_rule
/^          "name": /      { name = $0; sub(/.*"name": "/, "", name); sub(/",$/, "", name); n = 0 }
/^          "funds": /     { f = $0
                             b = f;  sub(/.*"budget":/, "", b);  sub(/,.*/, "", b)
                             e = f;  sub(/.*"executed":/, "", e); sub(/,.*/, "", e)
                             sc = f; sub(/.*"execution_score_claimed":/, "", sc); sub(/,.*/, "", sc)
                             sr = f; sub(/.*"execution_score":/, "", sr); sub(/,.*/, "", sr) }
/^            \{"level1"/  { n++ }
/^          "total_claimed": / { t = $2; sub(/,/, "", t) }
/^          "total_rule": /    { tr = $2; sub(/,/, "", tr) }
/^          "grade_claimed": / { g = $2; sub(/,/, "", g) }
/^          "findings": /      { print name "|" b "|" e "|" sc "|" sr "|" t "|" g "|" n "|" tr }
