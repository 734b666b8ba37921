# lib.bash — helpers sourced by the command-line tests tests/cli/*.sh.
# (Named .bash, not .sh, so that tests/run.sh does not run it as a test.)
#
# Environment (set by tests/run.sh):
#   JIXIAO    the binary under test (plain or sanitized build)
#   JX_ROOT   the repository root
#   JX_SEEDS  the folder of seed documents (optional for most tests)
#
# Only bash, grep, sed and awk are used: no jq, no python.
#
# The JSON helpers read `jixiao audit --json` output as the CLI prints it:
# every scalar field of a project on its own line ("total_rule": 95.4,), the
# funds object, each indicator and each finding as a one-line object (several
# may share a line). They do not depend on how many objects share a line.

: "${JIXIAO:?JIXIAO must name the jixiao binary under test}"
: "${JX_ROOT:?JX_ROOT must name the repository root}"
JX_SEEDS=${JX_SEEDS:-$JX_ROOT/../shared/seeds}
EX=$JX_ROOT/examples   # used by the tests that source this file
export EX
export LC_ALL=C   # byte-wise matching: UTF-8 text is compared as bytes

TMP=$(mktemp -d "${TMPDIR:-/tmp}/jx-cli.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

FAILS=0
CHECKS=0

# fail MESSAGE — record a failed check (the test goes on, finish exits 1)
fail() {
    FAILS=$((FAILS + 1))
    printf 'FAIL: %s\n' "$*" >&2
}

# pass — record a passed check
pass() { CHECKS=$((CHECKS + 1)); }

# finish — exit 0 when every check passed
finish() {
    if [ "$FAILS" -ne 0 ]; then
        printf '%s: %d check(s) failed, %d passed\n' "$(basename "$0")" "$FAILS" "$CHECKS" >&2
        exit 1
    fi
    printf '%s: %d checks passed\n' "$(basename "$0")" "$CHECKS"
    exit 0
}

# run CMD ARGS... — run a command that may fail; sets RC and writes
# $TMP/out and $TMP/err. Never trips set -e.
run() {
    RC=0
    "$@" >"$TMP/out" 2>"$TMP/err" || RC=$?
}

# expect_rc WANT WHAT — check the status of the last run
expect_rc() {
    if [ "$RC" -eq "$1" ]; then pass; else
        fail "$2: exit status $RC, expected $1 (stderr: $(head -c 400 "$TMP/err"))"
    fi
}

# contains FILE FIXED-STRING WHAT — FILE holds the string
contains() {
    if grep -qF -- "$2" "$1"; then pass; else fail "$3: \"$2\" not found in $(basename "$1")"; fi
}

# lacks FILE FIXED-STRING WHAT — FILE does not hold the string
lacks() {
    if grep -qF -- "$2" "$1"; then fail "$3: \"$2\" should not appear in $(basename "$1")"; else pass; fi
}

# num_eq A B — numeric equality (values are written with at most a few decimals)
num_eq() {
    [ -n "$1" ] && [ -n "$2" ] && [ "$1" != null ] && [ "$2" != null ] &&
        awk -v a="$1" -v b="$2" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d < 0.0000001) }'
}

# ---- audit --json output ---------------------------------------------------

# project JSON NAME — the lines of the project called NAME in an audit output
# file (from its "name" line to its closing brace)
project() {
    awk -v want="$2" '
        /^[ \t]*"name": *"/ {
            n = $0
            sub(/^[ \t]*"name": *"/, "", n)
            sub(/",?[ \t]*$/, "", n)
            cur = n
        }
        cur == want { print; if ($0 ~ /^[ \t]*},?[ \t]*$/) cur = "" }
    ' "$1"
}

# pval FILE KEY — a project-level scalar from project output (string quotes kept)
pval() {
    grep -m1 -E "^[[:space:]]*\"$2\": " "$1" | sed -E "s/^[[:space:]]*\"$2\": //; s/,[[:space:]]*\$//"
}

# fval FILE KEY — a field of the funds object of a project
fval() {
    grep -E '^[[:space:]]*"funds":' "$1" | grep -oE "\"$2\": *[^,}]*" | head -1 | sed -E "s/^\"$2\": *//"
}

# findings FILE — one finding object per line
findings() {
    grep -oE '\{ *"code": *"[^{}]*\}' "$1" || true
}

# indicators FILE — one indicator object per line
indicators() {
    grep -oE '\{ *"level1": *[^{}]*\}' "$1" || true
}

# count_code FILE CODE — number of findings with this code
count_code() {
    findings "$1" | grep -cE "\"code\": *\"$2\"" || true
}

# finding FILE CODE [FIXED-STRING...] — the findings with CODE whose text holds
# every given string
finding() {
    local f=$1 code=$2
    shift 2
    local lines
    lines=$(findings "$f" | grep -E "\"code\": *\"$code\"" || true)
    local s
    for s in "$@"; do
        lines=$(printf '%s\n' "$lines" | grep -F -- "$s" || true)
    done
    printf '%s' "$lines"
}

# has_finding FILE CODE WHAT [FIXED-STRING...] — check that such a finding exists
has_finding() {
    local f=$1 code=$2 what=$3
    shift 3
    if [ -n "$(finding "$f" "$code" "$@")" ]; then pass; else
        fail "$what: no $code finding${*:+ containing [$*]}; findings are: $(findings "$f" | grep -oE '"code": *"[^"]*"' | tr '\n' ' ')"
    fi
}

# no_finding FILE CODE WHAT — check that no finding has this code
no_finding() {
    if [ -z "$(finding "$1" "$2")" ]; then pass; else fail "$3: unexpected $2 finding: $(finding "$1" "$2" | head -1)"; fi
}

# expect_num ACTUAL WANT WHAT
expect_num() {
    if num_eq "$1" "$2"; then pass; else fail "$3: got '${1}', expected $2"; fi
}

# expect_str ACTUAL WANT WHAT
expect_str() {
    if [ "$1" = "$2" ]; then pass; else fail "$3: got '${1}', expected '$2'"; fi
}

# ---- text output -------------------------------------------------------------

# width — display width of each input line (CJK and full-width forms count 2,
# as utf8proc_charwidth does), printed one number per line
width() {
    LC_ALL=C awk '
        BEGIN { for (i = 1; i < 256; i++) ord[sprintf("%c", i)] = i }
        function wide(cp) {
            return (cp >= 4352 && cp <= 4447) || (cp >= 11904 && cp <= 12350) || (cp >= 12353 && cp <= 13311) ||
                   (cp >= 13312 && cp <= 19903) || (cp >= 19968 && cp <= 40959) || (cp >= 40960 && cp <= 42191) ||
                   (cp >= 44032 && cp <= 55203) || (cp >= 63744 && cp <= 64255) || (cp >= 65040 && cp <= 65049) ||
                   (cp >= 65072 && cp <= 65135) || (cp >= 65280 && cp <= 65376) || (cp >= 65504 && cp <= 65510) ||
                   (cp >= 131072 && cp <= 262141)
        }
        {
            w = 0; n = length($0); i = 1
            while (i <= n) {
                b = ord[substr($0, i, 1)]
                if (b < 128) { w++; i++; continue }
                if (b >= 240) { len = 4; cp = b % 8 } else if (b >= 224) { len = 3; cp = b % 16 } else if (b >= 192) { len = 2; cp = b % 32 } else { w++; i++; continue }
                for (k = 1; k < len; k++) cp = cp * 64 + ord[substr($0, i + k, 1)] % 64
                w += wide(cp) ? 2 : 1
                i += len
            }
            print w
        }'
}
