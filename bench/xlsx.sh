#!/bin/bash
# xlsx.sh — the Excel export benchmark (issue 6): `jixiao export --format xlsx`
# of synthetic projects (bench/gen.c, the inputs of bench/run.sh).
#
# Targets: 10,000 projects in under 10 s (median wall time of RUNS runs), and
# peak RSS that does not grow with N (1,000 vs 10,000 projects: at most
# max(10 %, 4 MB) more). Pinned to CPU 0 with taskset when it is there.
# Prints every run, the medians and PASS/FAIL; exits 0 unless a command failed
# (a missed target is not a failure, as in run.sh). Also checks that two runs
# give byte-identical workbooks.
#
# Environment: BENCH_SIZES (default "1000 10000"), BENCH_RUNS (default 5),
#              BENCH_SEED (default 1), CC (default gcc).
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 1
out="$root/bench/out"
sizes=${BENCH_SIZES:-1000 10000}
runs=${BENCH_RUNS:-5}
seed=${BENCH_SEED:-1}
cc=${CC:-gcc}
mkdir -p "$out" || exit 1
die() { echo "bench: $*" >&2; exit 1; }

for tool in gen peakrss; do
    if [ ! -x "$out/$tool" ] || [ "bench/$tool.c" -nt "$out/$tool" ]; then
        "$cc" -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -o "$out/$tool" "bench/$tool.c" ||
            die "cannot build bench/$tool.c"
    fi
done
make --no-print-directory build/jixiao >/dev/null || die "make build/jixiao failed"
jixiao="$root/build/jixiao"
pin=()
if command -v taskset >/dev/null 2>&1 && taskset -c 0 true 2>/dev/null; then pin=(taskset -c 0); fi

read -r -a size_list <<<"$sizes"
for n in "${size_list[@]}"; do
    f="$out/projects-$n.json"
    if [ ! -s "$f" ] || [ "$out/gen" -nt "$f" ] || [ "$(cat "$f.seed" 2>/dev/null)" != "$seed" ]; then
        echo "bench: generating $n projects (seed $seed) → ${f#"$root"/}"
        "$out/gen" "$n" "$seed" >"$f.tmp" || die "gen $n failed"
        mv "$f.tmp" "$f" && echo "$seed" >"$f.seed"
    fi
done

median() {
    printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {
        if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

cpu=$(sed -n 's/^model name[[:space:]]*: *//p' /proc/cpuinfo 2>/dev/null | head -1)
echo "== bench: jixiao export --format xlsx, $runs runs per size =="
echo "  machine: $(nproc) CPUs, ${cpu:-unknown model}; ${pin[*]:-not pinned (no taskset)}; load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '  %9s %10s %9s %9s %10s %7s\n' projects "input MB" "wall s" "RSS MB" "xlsx MB" sheets
declare -A wall rss
for n in "${size_list[@]}"; do
    f="$out/projects-$n.json"
    x="$out/export-$n.xlsx"
    walls=() rsss=()
    for ((i = 1; i <= runs; i++)); do
        line=$("$out/peakrss" ${pin[@]+"${pin[@]}"} "$jixiao" export --format xlsx -o "$x" "$f" 2>&1 | grep '^peakrss:')
        code=$(sed -n 's/.*exit=\([0-9]*\).*/\1/p' <<<"$line")
        if [ -z "$code" ] || [ "$code" -gt 1 ]; then die "jixiao export of ${f#"$root"/} failed (${line:-no report})"; fi
        walls+=("$(sed -n 's/.*wall_s=\([0-9.]*\).*/\1/p' <<<"$line")")
        rsss+=("$(sed -n 's/.*maxrss_mb=\([0-9.]*\).*/\1/p' <<<"$line")")
        [ "$i" = 1 ] && cp "$x" "$x.first"
    done
    cmp -s "$x" "$x.first" || echo "  FAIL  two runs of $n projects gave different files"
    rm -f "$x.first"
    wall[$n]=$(median "${walls[@]}")
    rss[$n]=$(median "${rsss[@]}")
    sheets=$(unzip -l "$x" 2>/dev/null | grep -c 'xl/worksheets/sheet')
    awk -v n="$n" -v b="$(wc -c <"$f")" -v w="${wall[$n]}" -v r="${rss[$n]}" -v x="$(wc -c <"$x")" -v s="$sheets" 'BEGIN {
        printf "  %9d %10.1f %9.3f %9.1f %10.1f %7d\n", n, b / 1e6, w, r, x / 1e6, s }'
    echo "            runs: wall ${walls[*]} s; RSS ${rsss[*]} MB"
done

echo "== targets =="
big=$(printf '%s\n' "${size_list[@]}" | sort -n | tail -1)
small=$(printf '%s\n' "${size_list[@]}" | sort -n | head -1)
ok=$(awk -v w="${wall[$big]}" -v n="$big" 'BEGIN { print (w * 10000 / n < 10) ? 1 : 0 }')
[ "$ok" = 1 ] && v=PASS || v=FAIL
echo "  $v  $big projects: median ${wall[$big]} s (target: 10,000 in under 10 s)"
if [ "$big" != "$small" ]; then
    ok=$(awk -v a="${rss[$small]}" -v b="${rss[$big]}" 'BEGIN {
        allow = a * 0.10; if (allow < 4) allow = 4; print (b - a <= allow) ? 1 : 0 }')
    [ "$ok" = 1 ] && v=PASS || v=FAIL
    echo "  $v  peak memory does not grow with N ($small: ${rss[$small]} MB, $big: ${rss[$big]} MB; tolerance max(10%, 4 MB))"
fi
exit 0
