#!/bin/bash
# import.sh — the import benchmarks of issue 3 (`make bench` runs it after run.sh):
#   seed 002 (31 tables) imported and audited end to end: target < 50 ms;
#   text import throughput on a large synthetic document: target ≥ 50 MB/s,
#   with peak memory that does not grow with the document.
# The synthetic document repeats seed 002's 31 tables (its second half) up to
# about 200 MB; it is made in bench/out/ and not committed.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 1
out=bench/out
mkdir -p "$out"
make --no-print-directory build/jixiao build/plain/libjixiao.a >/dev/null || exit 1
cc=${CC:-gcc}
# shellcheck disable=SC2046
$cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -Isrc bench/import.c build/plain/libjixiao.a \
    -lutf8proc $(pkg-config --libs libzip expat poppler-glib) -o "$out/import" || exit 1
[ -x "$out/peakrss" ] || $cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -o "$out/peakrss" bench/peakrss.c || exit 1
seed=$(ls "${JX_SEEDS:-$root/../shared/seeds}"/002_*.txt 2>/dev/null | head -1)
[ -f "$seed" ] || { echo "bench: seed 002 not found"; exit 1; }
echo "== import benchmarks ($(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')) =="

times=()
for i in 1 2 3 4 5 6 7 8 9; do
    s=$(date +%s%N); build/jixiao audit --json "$seed" >/dev/null; e=$(date +%s%N)
    times+=($(( (e - s) / 1000000 )))
done
med=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 5p)
verdict=FAIL; [ "$med" -lt 50 ] && verdict=PASS
echo "seed 002 audit --json (31 tables), median of 9: ${med} ms  [target < 50 ms: $verdict]"

big=$out/seed002x-200mb.txt
if [ ! -f "$big" ]; then
    start=$(grep -n '项目支出绩效自评表' "$seed" | head -1 | cut -d: -f1)
    tail -n +"$start" "$seed" > "$out/tables.txt"
    : > "$big"
    while [ "$(stat -c %s "$big")" -lt 200000000 ]; do cat "$out/tables.txt" "$out/tables.txt" "$out/tables.txt" "$out/tables.txt" >> "$big"; done
fi
"$out/import" --rows "$big" 3
line=$("$out/import" "$big" 3); echo "$line"
mbs=$(echo "$line" | sed -n 's/.*, \([0-9.]*\) MB\/s$/\1/p')
verdict=FAIL; awk -v v="$mbs" 'BEGIN{exit !(v >= 50)}' && verdict=PASS
echo "text import (rows + table mapping) throughput: ${mbs} MB/s  [target ≥ 50 MB/s: $verdict]"
head -c 20000000 "$big" > "$out/seed002x-20mb.txt"
for f in "$out/seed002x-20mb.txt" "$big"; do
    echo "peak memory, audit --json $(basename "$f"): $("$out/peakrss" build/jixiao audit --json "$f" 2>&1 | tail -1)"
done
