#!/bin/bash
# `jixiao report --format docx|pdf` (issue 6): the Word and PDF reports of
# seed 002 (31 tables) and of the examples carry the numbers and texts of the
# Markdown report; the PDF is A4 with the Noto CJK fonts embedded; the .docx
# is a Word package docx2txt can read and LibreOffice converts (when
# installed); the same input gives the same bytes; charts are in every format.
# The PDF pages are rendered to build/artefacts/ for a person to look at.
source "$(dirname "$0")/lib.bash"
# cairo 1.16 leaks inside cairo_surface_finish (tests/lsan.supp); the
# suppression needs full stacks (cairo has no frame pointers).
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=0"
export LC_ALL=C.UTF-8 # pdftotext and docx2txt write UTF-8; grep -F compares bytes

s002=$(ls "$JX_SEEDS"/002_*.txt 2>/dev/null | head -1)
[ -f "$s002" ] || { echo "FAIL: seed 002 not found in $JX_SEEDS"; exit 1; }
ART=$JX_ROOT/build/artefacts
mkdir -p "$ART"
have() { command -v "$1" >/dev/null 2>&1; }
# flat FILE — the text without line breaks and spaces (pdftotext drops the
# space between a CJK character and a digit, a sentence may wrap)
flat() { tr -d ' \n' < "$1"; }
# has_flat FLATFILE STRING WHAT — the string, spaces removed, is in the file
has_flat() {
    local want
    want=$(printf '%s' "$2" | tr -d ' ')
    if grep -qF -- "$want" "$1"; then pass; else fail "$3: \"$2\" not found"; fi
}

# ---- seed 002 -------------------------------------------------------------------
run "$JIXIAO" report -o "$TMP/r.md" "$s002"
expect_rc 0 "markdown report"
run "$JIXIAO" report --format pdf -o "$TMP/r.pdf" "$s002"
expect_rc 0 "pdf report"
run "$JIXIAO" report --format docx -o "$TMP/r.docx" "$s002"
expect_rc 0 "docx report"
run "$JIXIAO" report --format html -o "$TMP/r.html" "$s002"
expect_rc 0 "html report"

# same input, same bytes (also under another time zone)
"$JIXIAO" report --format pdf -o "$TMP/r2.pdf" "$s002"
TZ=Asia/Shanghai "$JIXIAO" report --format docx -o "$TMP/r2.docx" "$s002"
if cmp -s "$TMP/r.pdf" "$TMP/r2.pdf"; then pass; else fail "two PDF runs differ"; fi
if cmp -s "$TMP/r.docx" "$TMP/r2.docx"; then pass; else fail "two .docx runs differ"; fi
# to standard output when it is not a terminal: the same file
"$JIXIAO" report --format pdf "$s002" > "$TMP/r3.pdf"
if cmp -s "$TMP/r.pdf" "$TMP/r3.pdf"; then pass; else fail "pdf on stdout differs from -o"; fi

# the numbers of section 一 and some texts, as the Markdown report has them
KEYS=("本次自评共涉及项目 31 个" "全年预算数合计 2447.487 万元" "全年执行数合计 1918.828 万元"
      "预算执行率 78.40%" "90 分以上 22 个, 60 至 90 分 7 个, 60 分以下 1 个"
      "一、绩效自评工作组织开展情况" "二、绩效目标实现情况" "三、绩效目标设定质量情况"
      "四、整改措施及结果应用" "附表: 项目自评情况一览" "该自评表只有表头"
      "Z质量发展工作经费" "放心消费创建项目" "图 1  各等级项目数" "图 2  各项目预算执行率"
      "图 3  各项目自评总分与按规则复核总分")
for k in "${KEYS[@]}"; do contains "$TMP/r.md" "$k" "markdown report"; done

if have pdftotext; then
    pdftotext "$TMP/r.pdf" "$TMP/pdf.txt"
    flat "$TMP/pdf.txt" > "$TMP/pdf1.txt"
    for k in "${KEYS[@]}"; do has_flat "$TMP/pdf1.txt" "$k" "pdf text"; done
    # the appendix row of project 18 and a table's own 偏差原因
    contains "$TMP/pdf.txt" "Z特种设备监管费" "pdf appendix"
    has_flat "$TMP/pdf1.txt" "因执法办案系统不具备批量吊销企业营业执照功能" "pdf quotes the table"
    for v in 12.716 84.25 82.89 553.758; do contains "$TMP/pdf.txt" "$v" "pdf figures"; done
    # the charts' value labels (exact): rate of project 18, totals of project 21
    contains "$TMP/pdf.txt" "12.47%" "pdf rate chart"
    contains "$TMP/pdf.txt" "72.36" "pdf score chart"
    # one heading per project, page numbers in the footer
    n=$(grep -cE '^[0-9]+、' "$TMP/pdf.txt")
    [ "$n" -ge 31 ] && pass || fail "pdf: $n project headings, expected 31"
    has_flat "$TMP/pdf1.txt" "第 1 页" "pdf footer"
    pages=$(pdfinfo "$TMP/r.pdf" | sed -n 's/^Pages: *//p')
    has_flat "$TMP/pdf1.txt" "第 $pages 页" "pdf footer on the last page"
    # the appendix header row is repeated on the page the table continues on
    # ("错误/警告" is only in that header)
    hdr=$(grep -c '^错误/' "$TMP/pdf.txt")
    [ "$hdr" -ge 2 ] && pass || fail "pdf: appendix header printed $hdr time(s), expected it repeated"
else
    echo "note: pdftotext not installed; PDF text checks skipped"
fi
if have pdfinfo; then
    pdfinfo "$TMP/r.pdf" > "$TMP/info"
    contains "$TMP/info" "Page size:       595.28 x 841.89 pts (A4)" "pdf page size"
    contains "$TMP/info" "CreationDate:    Sat Jan  1 00:00:00 2000 UTC" "pdf fixed date"
    contains "$TMP/info" "Title:           040001-大同市市场监督管理局2024年度项目支出绩效自评工作报告" "pdf title"
fi
if have pdffonts; then
    pdffonts "$TMP/r.pdf" > "$TMP/fonts"
    for f in NotoSerifCJKsc-Regular NotoSansCJKsc-Bold; do
        if grep -E "\+$f .* yes +yes +yes" "$TMP/fonts" >/dev/null; then pass; else
            fail "pdffonts: $f not embedded: $(cat "$TMP/fonts")"
        fi
    done
    if grep -E ' no +(yes|no) +(yes|no) +[0-9]+' "$TMP/fonts" >/dev/null; then fail "a font is not embedded"; else pass; fi
fi

# Word: the package and its text
unzip -l "$TMP/r.docx" > "$TMP/entries" 2>&1 || fail "unzip cannot list the .docx"
for e in '\[Content_Types\].xml' word/document.xml word/styles.xml word/fontTable.xml \
    word/_rels/document.xml.rels docProps/core.xml word/footer1.xml word/media/chart1.png \
    word/media/chart3.png; do
    grep -q " $e\$" "$TMP/entries" && pass || fail ".docx lacks $e"
done
if grep -vE '2000-01-01 00:00|^Archive|Length|----|files$' "$TMP/entries" | grep -qE '[0-9]{4}-'; then
    fail ".docx entries without the fixed date: $(cat "$TMP/entries")"
else pass; fi
unzip -p "$TMP/r.docx" word/document.xml > "$TMP/document.xml"
contains "$TMP/document.xml" "<w:tblHeader/>" "docx repeated header row"
[ "$(grep -o 'w:val="Heading3"' "$TMP/document.xml" | wc -l)" = 31 ] && pass || fail "docx: not 31 project headings"
if have docx2txt; then
    docx2txt "$TMP/r.docx" - > "$TMP/docx.txt" 2>/dev/null
    for k in "${KEYS[@]}"; do contains "$TMP/docx.txt" "$k" "docx text"; done
    for v in 12.716 84.25 82.89 553.758; do contains "$TMP/docx.txt" "$v" "docx figures"; done
else
    echo "note: docx2txt not installed; Word text checks skipped"
fi

# HTML: the charts are inline SVG that scale
[ "$(grep -c '<svg ' "$TMP/r.html")" = 3 ] && pass || fail "html: expected 3 svg charts"
contains "$TMP/r.html" 'width="100%"' "html chart scales"
lacks "$TMP/r.html" '<img' "html is self-contained"

# LibreOffice opens the .docx
if have soffice; then
    mkdir -p "$TMP/lo"
    HOME=$TMP soffice --headless --convert-to pdf --outdir "$TMP/lo" "$TMP/r.docx" > "$TMP/lo.log" 2>&1
    if [ -s "$TMP/lo/r.pdf" ]; then pass; else fail "LibreOffice could not convert the .docx: $(cat "$TMP/lo.log")"; fi
    if have pdftotext && [ -s "$TMP/lo/r.pdf" ]; then
        pdftotext "$TMP/lo/r.pdf" "$TMP/lo0.txt"
        flat "$TMP/lo0.txt" > "$TMP/lo.txt"
        has_flat "$TMP/lo.txt" "全年预算数合计 2447.487 万元" "LibreOffice text"
        has_flat "$TMP/lo.txt" "第 2 页" "LibreOffice page number field"
    fi
else
    echo "note: soffice not installed; LibreOffice conversion of the .docx skipped"
fi

# pages for a person to look at (build/artefacts, not committed)
if have pdftoppm; then
    rm -f "$ART"/report-002-*.png
    pdftoppm -png -r 60 "$TMP/r.pdf" "$ART/report-002" && pass || fail "pdftoppm"
    cp "$TMP/r.pdf" "$ART/report-002.pdf"
    cp "$TMP/r.docx" "$ART/report-002.docx"
fi

# ---- the examples ------------------------------------------------------------------
EXF=("$EX"/*.json)
run "$JIXIAO" report --format pdf -o "$TMP/e.pdf" "${EXF[@]}"
expect_rc 0 "pdf of the examples"
run "$JIXIAO" report --format docx -o "$TMP/e.docx" "${EXF[@]}"
expect_rc 0 "docx of the examples"
"$JIXIAO" report -o "$TMP/e.md" "${EXF[@]}"
if have pdftotext; then
    pdftotext "$TMP/e.pdf" "$TMP/e0.txt"
    flat "$TMP/e0.txt" > "$TMP/e.txt"
    # every project heading of the Markdown report is in the PDF
    grep '^### ' "$TMP/e.md" | sed 's/^### //' | tr -d ' ' | while IFS= read -r h; do
        grep -qF -- "$h" "$TMP/e.txt" || echo "$h"
    done > "$TMP/missing"
    [ -s "$TMP/missing" ] && fail "pdf of the examples lacks: $(cat "$TMP/missing")" || pass
    has_flat "$TMP/e.txt" "$(sed -n 's/^本次自评共涉及项目 \([0-9]*\) 个.*/本次自评共涉及项目 \1 个/p' "$TMP/e.md")" "examples pdf totals"
fi
if have docx2txt; then
    docx2txt "$TMP/e.docx" - > "$TMP/e.docx.txt" 2>/dev/null
    contains "$TMP/e.docx.txt" "Z特种设备监管费" "examples docx"
fi

# ---- misuse -----------------------------------------------------------------------
run "$JIXIAO" report --format odt "$s002"
expect_rc 2 "unknown format"
contains "$TMP/err" "md, html, docx, pdf" "the message lists the formats"
run "$JIXIAO" report --format pdf -o /nonexistent/dir/r.pdf "$s002"
expect_rc 2 "unwritable output"
run "$JIXIAO" report --help
contains "$TMP/out" "--format docx -o" "help example"

finish
