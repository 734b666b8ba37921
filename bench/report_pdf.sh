#!/bin/bash
# report_pdf.sh — the report benchmark of issue 6:
#   the PDF report of seed 002 (31 tables), median of 5 runs: target < 1 s;
#   the same for .docx (for comparison, no target);
#   the PDF report of 1,000 and 10,000 generated projects (bench/out, made by
#   bench/run.sh or here with bench/gen.c): wall time and peak memory, which
#   must not grow with the number of projects beyond the report's own
#   bounded state (charts keep at most 40 bars).
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 1
out=bench/out
mkdir -p "$out"
cc=${CC:-gcc}
make --no-print-directory build/jixiao >/dev/null || exit 1
for tool in gen peakrss; do
    if [ ! -x "$out/$tool" ] || [ "bench/$tool.c" -nt "$out/$tool" ]; then
        $cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -o "$out/$tool" "bench/$tool.c" || exit 1
    fi
done
seed=$(ls "${JX_SEEDS:-$root/../shared/seeds}"/002_*.txt 2>/dev/null | head -1)
[ -f "$seed" ] || { echo "bench: seed 002 not found"; exit 1; }
echo "== report benchmarks ($(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')) =="

# median of 5 wall-clock runs, in ms
median5() {
    local times=() s e
    for _ in 1 2 3 4 5; do
        s=$(date +%s%N)
        "$@" >/dev/null || return 1
        e=$(date +%s%N)
        times+=($(((e - s) / 1000000)))
    done
    printf '%s\n' "${times[@]}" | sort -n | sed -n 3p
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
med=$(median5 build/jixiao report --format pdf -o "$tmp/r.pdf" "$seed")
verdict=FAIL
[ -n "$med" ] && [ "$med" -lt 1000 ] && verdict=PASS
echo "seed 002 report --format pdf (31 tables, $(pdfinfo "$tmp/r.pdf" 2>/dev/null | sed -n 's/^Pages: *//p') pages), median of 5: ${med} ms  [target < 1000 ms: $verdict]"
med=$(median5 build/jixiao report --format docx -o "$tmp/r.docx" "$seed")
echo "seed 002 report --format docx, median of 5: ${med} ms"
med=$(median5 build/jixiao report -o "$tmp/r.md" "$seed")
echo "seed 002 report (Markdown), median of 5: ${med} ms"

gseed=20240101
for n in 1000 10000; do
    f="$out/projects-$n.json"
    [ -s "$f" ] || "$out/gen" "$n" "$gseed" > "$f" || exit 1
    for fmt in pdf docx; do
        line=$("$out/peakrss" build/jixiao report --format "$fmt" -o "$tmp/big.$fmt" "$f" 2>&1 >/dev/null | grep '^peakrss:')
        echo "$n projects report --format $fmt: $line  size=$(($(stat -c %s "$tmp/big.$fmt") / 1024)) KiB"
    done
done
[ "$verdict" = PASS ]
