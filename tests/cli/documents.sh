#!/bin/bash
# documents.sh — the final accounts (jixiao accounts --format) and the
# whole-department evaluation (jixiao overall --format) written as Markdown,
# HTML, Word and PDF: read back with independent tools (pdftotext, pdffonts,
# pdfinfo, docx2txt), same input → byte-identical files, bad formats refused.
source "$(dirname "$0")/lib.bash"

SEED=$(ls "$JX_SEEDS"/002_*.txt 2>/dev/null | head -1)
[ -n "$SEED" ] || { fail "seed 002 not found in $JX_SEEDS"; finish; }
OV=$EX/ningxiang-2022-overall.json
have() { command -v "$1" >/dev/null 2>&1; }

# ---- final accounts ------------------------------------------------------------------
for f in md html docx pdf; do
    run "$JIXIAO" accounts --format $f -o "$TMP/acc.$f" "$SEED"
    expect_rc 0 "accounts --format $f"
    [ -s "$TMP/acc.$f" ] && pass || fail "accounts.$f written"
done
contains "$TMP/acc.md" "### 公开06表 一般公共预算财政拨款基本支出决算明细表" "md: table headings"
contains "$TMP/acc.md" "| 2013804 | 市场主体管理 | 344.96 | 344.96 |" "md: a 项 row with its amounts"
contains "$TMP/acc.md" "ACCT-ROW-MISSING" "md: the finding"
contains "$TMP/acc.html" "<svg" "html: the expenditure-structure chart as inline SVG"
if have pdftotext; then
    pdftotext -layout "$TMP/acc.pdf" "$TMP/acc.txt"
    contains "$TMP/acc.txt" "收入支出决算总表" "pdf text: table title"
    contains "$TMP/acc.txt" "5029.36" "pdf text: 总计"
    contains "$TMP/acc.txt" "2711.37" "pdf text: 人员经费合计"
    contains "$TMP/acc.txt" "30299" "pdf text: the missing-row finding"
    pdfinfo "$TMP/acc.pdf" | grep -q '595.28 x 841.89' && pass || fail "pdf: A4 pages"
    pdffonts "$TMP/acc.pdf" | grep -i 'noto' | grep -q ' yes ' && pass || fail "pdf: Noto CJK embedded"
fi
if have docx2txt; then
    docx2txt "$TMP/acc.docx" - > "$TMP/accx.txt" 2>/dev/null
    contains "$TMP/accx.txt" "一般公共预算财政拨款支出决算表" "docx text: table title"
    contains "$TMP/accx.txt" "1195.80" "docx text: 政府采购 服务"
fi
"$JIXIAO" accounts --format pdf -o "$TMP/acc2.pdf" "$SEED" >/dev/null 2>&1
cmp -s "$TMP/acc.pdf" "$TMP/acc2.pdf" && pass || fail "accounts pdf reproducible"
"$JIXIAO" accounts --format docx -o "$TMP/acc2.docx" "$SEED" >/dev/null 2>&1
cmp -s "$TMP/acc.docx" "$TMP/acc2.docx" && pass || fail "accounts docx reproducible"
run "$JIXIAO" accounts --format odt "$SEED"
expect_rc 2 "accounts --format odt refused"
run "$JIXIAO" accounts -o "$TMP/x.pdf" "$SEED"
expect_rc 2 "accounts -o without --format refused"

# ---- whole-department evaluation -------------------------------------------------------
for f in md html docx pdf; do
    run "$JIXIAO" overall --format $f -o "$TMP/ov.$f" "$OV"
    expect_rc 1 "overall --format $f (the example has error findings)"
    [ -s "$TMP/ov.$f" ] && pass || fail "ov.$f written"
done
contains "$TMP/ov.md" "在职人员控制率" "overall md: an indicator"
contains "$TMP/ov.md" "OVERALL-SECTION-SUM" "overall md: the section-sum finding"
contains "$TMP/ov.html" "<svg" "overall html: chart"
if have pdftotext; then
    pdftotext -layout "$TMP/ov.pdf" "$TMP/ov.txt"
    contains "$TMP/ov.txt" "政府采购执行率" "overall pdf: an indicator"
    contains "$TMP/ov.txt" "OVERALL-TOTAL" "overall pdf: a finding"
fi
"$JIXIAO" overall --format pdf -o "$TMP/ov2.pdf" "$OV" >/dev/null 2>&1
cmp -s "$TMP/ov.pdf" "$TMP/ov2.pdf" && pass || fail "overall pdf reproducible"
run "$JIXIAO" overall --json --format pdf "$OV"
expect_rc 2 "overall --json with --format refused"
finish
