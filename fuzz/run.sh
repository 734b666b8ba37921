#!/bin/bash
# run.sh MODE [SECONDS] — build and run the libFuzzer harnesses of fuzz/.
#
#   quick [SECONDS] each harness for SECONDS (default 12) (called by `make check`). When
#                  clang or the libFuzzer runtime is missing, say so and exit 0
#                  without writing a result line.
#   long [SECONDS] each harness for SECONDS (default 60) (called by `make fuzz`);
#                  exits 1 if a harness crashed, 2 if the fuzzers cannot be built.
#
# Harnesses are built into fuzz/work/ and run on a copy of their corpus there,
# so fuzz/corpus/ is never modified. With $JX_RESULTS set, one line
# "fuzz MODE|P|F" is appended to it (P harnesses ran clean, F crashed or did
# not build), the format tests/summary.sh adds up.
# Environment: CLANG (default clang), FUZZ_JOBS (parallel harnesses, default 1).
set -u

mode=${1:-}
case "$mode" in
quick) seconds=${2:-12} ;;
long) seconds=${2:-60} ;;
*)
    echo "usage: fuzz/run.sh quick|long [SECONDS]" >&2
    exit 2
    ;;
esac
case "$seconds" in
'' | *[!0-9]*)
    echo "fuzz/run.sh: SECONDS must be a whole number, not \"$seconds\"" >&2
    exit 2
    ;;
esac

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
work="$root/fuzz/work"
harnesses=""
for f in fuzz/fuzz_*.c; do
    n=${f#fuzz/fuzz_}
    harnesses="$harnesses ${n%.c}"
done
clang=${CLANG:-clang}

skip() {
    if [ "$mode" = long ]; then
        echo "== fuzz: cannot fuzz ($1) ==" >&2
        exit 2
    fi
    echo "== fuzz: fuzzing skipped ($1) =="
    exit 0
}

# ---- is clang with libFuzzer here? --------------------------------------------
command -v "$clang" >/dev/null 2>&1 || skip "$clang not found; install clang and libclang-rt-14-dev, or JX_WITH_FUZZ=1 make deps"
mkdir -p "$work" || exit 2
probe="$work/probe"
printf '%s\n' '#include <stddef.h>' '#include <stdint.h>' \
    'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }' >"$probe.c"
if ! "$clang" -fsanitize=fuzzer,address,undefined "$probe.c" -o "$probe" >"$probe.log" 2>&1; then
    skip "the libFuzzer runtime is missing (libclang-rt-14-dev): $(head -1 "$probe.log")"
fi
rm -f "$probe" "$probe.c" "$probe.log"

echo "== fuzz ($mode): ${seconds} s per harness =="

# ---- build -----------------------------------------------------------------------
gen="$root/build/gen/builtin_rules.c"
if [ ! -f "$gen" ]; then
    gen="$work/builtin_rules.c"
    ./scripts/embed.sh jx_builtin_mof_2020 rules/mof-2020.json >"$gen.tmp" && mv "$gen.tmp" "$gen" || exit 2
fi
lib_src=()
for f in src/*/*.c; do
    case "$f" in src/cli/*) continue ;; esac
    lib_src+=("$f")
done
# the libraries the importers use: the Makefile's PKGS, through pkg-config
pkgs=$(sed -n 's/^PKGS[[:space:]]*:\{0,1\}=[[:space:]]*//p' Makefile | head -1)
pkg_cflags=() pkg_libs=()
if [ -n "$pkgs" ]; then
    # shellcheck disable=SC2086 # a list of package names
    if ! pkg_out=$(pkg-config --cflags $pkgs 2>&1); then
        skip "pkg-config cannot find the libraries of PKGS ($pkgs): $pkg_out"
    fi
    read -r -a pkg_cflags <<<"$pkg_out"
    # shellcheck disable=SC2086
    read -r -a pkg_libs <<<"$(pkg-config --libs $pkgs)"
fi
cflags=(-g -O1 "-fsanitize=fuzzer,address,undefined" -fno-sanitize-recover=all
    -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Isrc
    "-DJX_RULES_DIR=\"$root/rules\"" -DJX_VERSION='"fuzz"'
    ${pkg_cflags[@]+"${pkg_cflags[@]}"})
libs=(-lutf8proc ${pkg_libs[@]+"${pkg_libs[@]}"} -lm)

build() { # build NAME → fuzz/work/fuzz_NAME
    local name=$1 out="$work/fuzz_$1"
    local newest
    # rebuild only when a source is newer than the binary
    if [ -x "$out" ]; then
        newest=$(find "fuzz/fuzz_$name.c" src "$gen" fuzz/run.sh Makefile -newer "$out" \
            \( -name '*.[ch]' -o -name run.sh -o -name Makefile \) \
            -print -quit 2>/dev/null)
        [ -z "$newest" ] && return 0
    fi
    "$clang" "${cflags[@]}" "fuzz/fuzz_$name.c" "${lib_src[@]}" "$gen" -o "$out.tmp" "${libs[@]}" \
        >"$work/build-$name.log" 2>&1 && mv "$out.tmp" "$out"
}

# ---- run -------------------------------------------------------------------------
run_one() { # run_one NAME → status in $work/status-NAME, log in $work/log-NAME
    local name=$1 bin="$work/fuzz_$1" corpus="$work/corpus/$1" arts="$work/artifacts/$1"
    local max_len=4096
    [ "$name" = value ] && max_len=1024
    local dict=""
    [ -f "fuzz/$name.dict" ] && dict="-dict=fuzz/$name.dict"
    rm -rf "$corpus"
    mkdir -p "$corpus" "$arts"
    cp -R "fuzz/corpus/$name/." "$corpus/"
    # crash inputs of earlier runs stay; this run's are those newer than the marker
    touch "$work/started-$name"
    # -rss_limit_mb guards the machine; leaks are checked after every input.
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=1 G_SLICE=always-malloc \
        LSAN_OPTIONS=suppressions="$root/tests/lsan.supp" \
        UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" \
        ${dict:+"$dict"} -artifact_prefix="$arts/" -print_final_stats=1 \
        "$corpus" </dev/null >"$work/log-$name" 2>&1
    echo $? >"$work/status-$name"
}

passed=0
failed=0
crashes=()
jobs=${FUZZ_JOBS:-1}
running=0
for name in $harnesses; do
    rm -f "$work/status-$name" "$work/log-$name"
    if ! build "$name"; then
        echo "  fuzz_$name: BUILD FAILED (see fuzz/work/build-$name.log)"
        sed 's/^/      /' "$work/build-$name.log" | tail -20
        echo 99 >"$work/status-$name"
        continue
    fi
    run_one "$name" &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then
        wait
        running=0
    fi
done
wait

logstat() { # logstat NAME KEY → value of "stat::KEY: N" from the log
    sed -n "s/^stat::$2: *\([0-9]*\).*/\1/p" "$work/log-$1" 2>/dev/null | tail -1
}

for name in $harnesses; do
    status=$(cat "$work/status-$name" 2>/dev/null || echo 99)
    [ "$status" = 99 ] && {
        failed=$((failed + 1))
        continue
    }
    runs=$(logstat "$name" number_of_executed_units)
    secs=$(logstat "$name" average_exec_per_sec)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' "$work/log-$name" | tail -1)
    units=$(find "$work/corpus/$name" -type f | wc -l)
    arts=$(find "$work/artifacts/$name" -type f -newer "$work/started-$name" 2>/dev/null)
    if [ "$status" = 0 ] && [ -z "$arts" ]; then
        passed=$((passed + 1))
        printf '  %-12s ok      %9s runs %7s exec/s  cov %-5s corpus %s\n' "fuzz_$name" \
            "${runs:-?}" "${secs:-?}" "${cov:-?}" "$units"
    else
        failed=$((failed + 1))
        printf '  %-12s CRASHED (exit %s) after %s runs; log: fuzz/work/log-%s\n' "fuzz_$name" \
            "$status" "${runs:-?}" "$name"
        # the error, then the stack frames in jixiao's own code (src/, fuzz/)
        grep -E '^(==[0-9]+==ERROR|SUMMARY|fuzz_[a-z]+: invariant)|runtime error:' "$work/log-$name" |
            head -6 | sed 's/^/      /'
        grep -E "^ +#[0-9]+ .* in .*$root/(src|fuzz)/[^ ]*\.[ch]:[0-9]+" "$work/log-$name" | head -12 |
            sed -e 's/^ *\(#[0-9]*\) 0x[0-9a-f]* in /\1 /' -e "s|$root/||" -e 's/^/        /'
        while IFS= read -r a; do
            [ -n "$a" ] || continue
            crashes+=("$a")
            echo "      input: ${a#"$root"/}  (replay: ${work#"$root"/}/fuzz_$name ${a#"$root"/})"
        done <<<"$arts"
    fi
done

[ -n "${JX_RESULTS:-}" ] && echo "fuzz $mode|$passed|$failed" >>"$JX_RESULTS"
echo "fuzz: $passed harnesses clean, $failed crashed or did not build"
if [ "$mode" = long ] && [ "$failed" -ne 0 ]; then exit 1; fi
exit 0
