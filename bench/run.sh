#!/bin/bash
# run.sh — the speed benchmark (`make bench`); see bench/README.md.
#
# Builds bench/out/gen and bench/out/peakrss, builds build/jixiao, makes
# synthetic inputs of 10,000 and 100,000 projects (kept in bench/out/ and
# reused while the generator is unchanged), then times
# `build/jixiao audit --json FILE` RUNS times each (pinned to CPU 0 with
# taskset when it is there) and prints the median wall time, the median peak
# RSS, the input size, throughput and the targets as PASS/FAIL.
# Exits 0 unless a command failed (a missed target is not a failure).
#
# Environment: BENCH_SIZES (default "10000 100000"), BENCH_RUNS (default 5),
#              BENCH_SEED (default 1), CC (default gcc).
set -u

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 1
out="$root/bench/out"
sizes=${BENCH_SIZES:-10000 100000}
runs=${BENCH_RUNS:-5}
seed=${BENCH_SEED:-1}
cc=${CC:-gcc}
mkdir -p "$out" || exit 1
read -r -a size_list <<<"$sizes"
[ "${#size_list[@]}" -gt 0 ] || { echo "bench: BENCH_SIZES is empty" >&2; exit 1; }

die() {
    echo "bench: $*" >&2
    exit 1
}

# ---- tools -------------------------------------------------------------------
for tool in gen peakrss; do
    if [ ! -x "$out/$tool" ] || [ "bench/$tool.c" -nt "$out/$tool" ]; then
        "$cc" -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -o "$out/$tool" "bench/$tool.c" ||
            die "cannot build bench/$tool.c"
    fi
done
make --no-print-directory build/jixiao >/dev/null || die "make build/jixiao failed"
jixiao="$root/build/jixiao"

pin=()
if command -v taskset >/dev/null 2>&1 && taskset -c 0 true 2>/dev/null; then
    pin=(taskset -c 0)
fi

# ---- inputs --------------------------------------------------------------------
for n in "${size_list[@]}"; do
    f="$out/projects-$n.json"
    if [ ! -s "$f" ] || [ "$out/gen" -nt "$f" ] || [ "$(cat "$f.seed" 2>/dev/null)" != "$seed" ]; then
        echo "bench: generating $n projects (seed $seed) → ${f#"$root"/}"
        "$out/gen" "$n" "$seed" >"$f.tmp" || die "gen $n failed"
        mv "$f.tmp" "$f" && echo "$seed" >"$f.seed"
    fi
done

# ---- measure ---------------------------------------------------------------------
median() { # median of the arguments (numbers)
    printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {
        if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

cpu=$(sed -n 's/^model name[[:space:]]*: *//p' /proc/cpuinfo 2>/dev/null | head -1)
echo "== bench: jixiao audit --json, $runs runs per size =="
echo "  machine: $(nproc) CPUs, ${cpu:-unknown model}; ${pin[*]:-not pinned (no taskset)}"
echo "  jixiao:  $(git log -1 --format='%h %s' 2>/dev/null | cut -c1-70)$(git diff --quiet -- src 2>/dev/null || echo ' (+ uncommitted changes in src/)')"
printf '  %9s %10s %9s %9s %10s %12s %11s\n' projects "input MB" "wall s" "RSS MB" "MB/s" projects/s "indicators"

declare -A wall rss
for n in "${size_list[@]}"; do
    f="$out/projects-$n.json"
    bytes=$(wc -c <"$f")
    walls=() rsss=()
    for ((i = 1; i <= runs; i++)); do
        line=$("$out/peakrss" ${pin[@]+"${pin[@]}"} "$jixiao" audit --json "$f" 2>&1 >/dev/null | grep '^peakrss:')
        code=$(sed -n 's/.*exit=\([0-9]*\).*/\1/p' <<<"$line")
        # 0 = no error findings, 1 = error findings (expected: the generator plants some)
        if [ -z "$code" ] || [ "$code" -gt 1 ]; then
            die "jixiao audit --json ${f#"$root"/} failed (${line:-no report})"
        fi
        walls+=("$(sed -n 's/.*wall_s=\([0-9.]*\).*/\1/p' <<<"$line")")
        rsss+=("$(sed -n 's/.*maxrss_mb=\([0-9.]*\).*/\1/p' <<<"$line")")
    done
    wall[$n]=$(median "${walls[@]}")
    rss[$n]=$(median "${rsss[@]}")
    inds=$(grep -c '"target":' "$f")
    awk -v n="$n" -v b="$bytes" -v w="${wall[$n]}" -v r="${rss[$n]}" -v k="$inds" 'BEGIN {
        printf "  %9d %10.1f %9.3f %9.1f %10.1f %12.0f %11d\n", n, b / 1e6, w, r, b / 1e6 / w, n / w, k }'
    echo "            runs: wall ${walls[*]} s; RSS ${rsss[*]} MB"
done

# ---- targets ------------------------------------------------------------------------
verdict() { # verdict OK LABEL
    if [ "$1" = 1 ]; then echo "  PASS  $2"; else echo "  FAIL  $2"; fi
}
echo "== targets =="
big=$(printf '%s\n' "${size_list[@]}" | sort -n | tail -1)
small=$(printf '%s\n' "${size_list[@]}" | sort -n | head -1)
if [ "$big" = 100000 ]; then
    ok=$(awk -v w="${wall[$big]}" 'BEGIN { print (w < 10) ? 1 : 0 }')
    verdict "$ok" "100,000 projects in under 10 s on one core (median ${wall[$big]} s)"
else
    guess=$(awk -v w="${wall[$big]}" -v n="$big" 'BEGIN { printf "%.1f", w * 100000 / n }')
    echo "  SKIP  100,000 projects in under 10 s (not measured; $big projects took ${wall[$big]} s, ~$guess s scaled linearly)"
fi
maxrss=$(printf '%s\n' "${rss[@]}" | sort -g | tail -1)
ok=$(awk -v r="$maxrss" 'BEGIN { print (r < 200) ? 1 : 0 }')
verdict "$ok" "peak memory under 200 MB (largest median peak RSS $maxrss MB)"
if [ "$big" != "$small" ]; then
    # "not growing": the larger input may use at most 10% or 4 MB more, whichever is more
    ok=$(awk -v a="${rss[$small]}" -v b="${rss[$big]}" 'BEGIN {
        allow = a * 0.10; if (allow < 4) allow = 4; print (b - a <= allow) ? 1 : 0 }')
    verdict "$ok" "peak memory does not grow with N ($small: ${rss[$small]} MB, $big: ${rss[$big]} MB; tolerance max(10%, 4 MB))"
fi
exit 0
