#!/bin/bash
# One table, every format: seed 004's first 自评表 written as .docx and .xlsx
# (examples/, made by examples/make_office.c with merged cells) gives exactly
# the key figures of the seed's own text (tests/golden/seed004.keyfigures);
# the PDF fixtures (tests/data/pdf, a part of the same tables drawn with
# ruling lines) give the same funds figures; the format is reported.
set -u
fail=0
say() { echo "FAIL: $*"; fail=1; }
awkf="$JX_ROOT/tests/golden/keyfigures.awk"
want=$(head -1 "$JX_ROOT/tests/golden/seed004.keyfigures")
for f in examples/xiangshan-2023.docx examples/xiangshan-2023.xlsx; do
    out=$("$JIXIAO" audit --json "$JX_ROOT/$f")
    got=$(printf '%s\n' "$out" | awk -f "$awkf")
    [ "$got" = "$want" ] || say "$f: [$got], expected [$want]"
    ext=${f##*.}
    printf '%s\n' "$out" | grep -q "\"format\": \"$ext\"" || say "$f: format $ext not reported"
done
got=$("$JIXIAO" audit --json "$JX_ROOT/tests/data/pdf/table_004.pdf" | awk -f "$awkf" | cut -d'|' -f1-5)
[ "$got" = "区政府工作经费|220|134.64|null|6.12" ] || say "table_004.pdf: [$got]"
got=$("$JIXIAO" audit --json "$JX_ROOT/examples/datong-2024-excerpt.pdf" | awk -f "$awkf" | cut -d'|' -f1-5)
[ "$got" = "J市场监管经费|190.7|189.132|9.92|9.92" ] || say "datong-2024-excerpt.pdf: [$got]"
# a scan: a clear message, exit 2
"$JIXIAO" audit "$JX_ROOT/tests/data/pdf/scan.pdf" >/dev/null 2>"${TMPDIR:-/tmp}/jx_scan.err"; st=$?
[ $st = 2 ] || say "scan.pdf: exit $st, expected 2"
grep -q "OCR" "${TMPDIR:-/tmp}/jx_scan.err" || say "scan.pdf: no OCR message"
# a broken zip and an old .doc
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
head -c 300 "$JX_ROOT/examples/xiangshan-2023.docx" > "$tmp/broken.docx"
"$JIXIAO" audit "$tmp/broken.docx" >/dev/null 2>"$tmp/err"; st=$?
[ $st = 2 ] && grep -q "broken.docx" "$tmp/err" || say "truncated .docx: exit $st, $(cat "$tmp/err")"
printf '\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1junk' > "$tmp/old.doc"
"$JIXIAO" audit "$tmp/old.doc" >/dev/null 2>"$tmp/err"; st=$?
[ $st = 2 ] && grep -q "docx" "$tmp/err" || say "old .doc: exit $st"
[ $fail = 0 ] && echo ok
exit $fail
