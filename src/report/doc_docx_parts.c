/* doc_docx_parts.c — the fixed parts of the .docx package that doc_docx.c
 * writes: content types, package relationships, styles (Heading1-3, body
 * text, bullets, table text, caption; East Asian fonts 宋体 / 黑体 with
 * Times New Roman / Arial for Latin), the font table (Noto CJK as altName
 * fallbacks), numbering (bullets), settings, footer with the page number,
 * and the document properties' fixed parts. */
#include "doc_docx_parts.h"

#include <stddef.h>

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
#define XML_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define CT "application/vnd.openxmlformats-officedocument.wordprocessingml."

const char jx_docx_content_types[] = XML_HEAD
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" "
    "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Default Extension=\"png\" ContentType=\"image/png\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"" CT "document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" ContentType=\"" CT "styles+xml\"/>"
    "<Override PartName=\"/word/settings.xml\" ContentType=\"" CT "settings+xml\"/>"
    "<Override PartName=\"/word/fontTable.xml\" ContentType=\"" CT "fontTable+xml\"/>"
    "<Override PartName=\"/word/numbering.xml\" ContentType=\"" CT "numbering+xml\"/>"
    "<Override PartName=\"/word/footer1.xml\" ContentType=\"" CT "footer+xml\"/>"
    "<Override PartName=\"/docProps/core.xml\" "
    "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
    "<Override PartName=\"/docProps/app.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
    "</Types>";

#define REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

const char jx_docx_package_rels[] =
    XML_HEAD "<Relationships "
             "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
             "<Relationship Id=\"rId1\" Type=\"" REL "officeDocument\" "
             "Target=\"word/document.xml\"/>"
             "<Relationship Id=\"rId2\" "
             "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
             "core-properties\" Target=\"docProps/core.xml\"/>"
             "<Relationship Id=\"rId3\" Type=\"" REL "extended-properties\" "
             "Target=\"docProps/app.xml\"/>"
             "</Relationships>";

/* word/_rels/document.xml.rels before the images' relationships. */
const char jx_docx_document_rels_head[] =
    XML_HEAD "<Relationships "
             "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
             "<Relationship Id=\"rId1\" Type=\"" REL "styles\" Target=\"styles.xml\"/>"
             "<Relationship Id=\"rId2\" Type=\"" REL "settings\" Target=\"settings.xml\"/>"
             "<Relationship Id=\"rId3\" Type=\"" REL "fontTable\" Target=\"fontTable.xml\"/>"
             "<Relationship Id=\"rId4\" Type=\"" REL "numbering\" Target=\"numbering.xml\"/>"
             "<Relationship Id=\"rId5\" Type=\"" REL "footer\" Target=\"footer1.xml\"/>";
const char jx_docx_image_rel_type[] = REL "image";

const char jx_docx_app[] =
    XML_HEAD "<Properties "
             "xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
             "<Application>jixiao</Application></Properties>";

const char jx_docx_core_head[] =
    XML_HEAD "<cp:coreProperties "
             "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/"
             "core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
             "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
             "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>";
/* The fixed date keeps the file reproducible (docs/report-formats.md). */
const char jx_docx_core_tail[] =
    "</dc:title><dc:creator>jixiao</dc:creator>"
    "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2000-01-01T00:00:00Z</dcterms:created>"
    "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2000-01-01T00:00:00Z</dcterms:modified>"
    "</cp:coreProperties>";

#define SERIF_FONTS                                                                                \
    "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"宋体\" "     \
    "w:cs=\"Times New Roman\"/>"
#define SANS_FONTS                                                                                 \
    "<w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"黑体\" w:cs=\"Arial\"/>"
#define BORDER(side) "<w:" side " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>"
#define BORDERS                                                                                    \
    "<w:tblBorders>" BORDER("top") BORDER("left") BORDER("bottom") BORDER("right")                 \
        BORDER("insideH") BORDER("insideV") "</w:tblBorders>"

const char jx_docx_table_borders[] = BORDERS;

#define HEADING(id, name, level, size, before, after, jc)                                          \
    "<w:style w:type=\"paragraph\" w:styleId=\"" id "\"><w:name w:val=\"" name "\"/>"              \
    "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"BodyText\"/><w:qFormat/>"                        \
    "<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"" before "\" w:after=\"" after        \
    "\" w:line=\"276\" w:lineRule=\"auto\"/><w:jc w:val=\"" jc "\"/><w:outlineLvl w:val=\"" level  \
    "\"/></w:pPr><w:rPr>" SANS_FONTS "<w:b/><w:sz w:val=\"" size "\"/><w:szCs w:val=\"" size       \
    "\"/></w:rPr></w:style>"

/* In two pieces: C11 compilers need only take string literals up to 4095 bytes. */
static const char styles_head[] = XML_HEAD
    "<w:styles " W_NS ">"
    "<w:docDefaults><w:rPrDefault><w:rPr>" SERIF_FONTS "<w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/>"
    "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
    "<w:pPrDefault><w:pPr><w:spacing w:after=\"60\" w:line=\"336\" w:lineRule=\"auto\"/>"
    "</w:pPr></w:pPrDefault></w:docDefaults>"
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
    "<w:qFormat/><w:pPr><w:jc w:val=\"both\"/></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"BodyText\"><w:name w:val=\"Body Text\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:qFormat/>"
    "<w:pPr><w:ind w:firstLineChars=\"200\" w:firstLine=\"420\"/></w:pPr></w:style>" HEADING(
        "Heading1", "heading 1", "0", "36", "120", "360", "center")
        HEADING("Heading2", "heading 2", "1", "28", "280", "120", "left")
            HEADING("Heading3", "heading 3", "2", "24", "200", "80", "left");

static const char styles_tail[] =
    "<w:style w:type=\"paragraph\" w:styleId=\"ListBullet\"><w:name w:val=\"List Bullet\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr>"
    "<w:ind w:left=\"420\" w:hanging=\"420\"/></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:before=\"20\" w:after=\"20\" "
    "w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"left\"/></w:pPr>"
    "<w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"TableHeader\"><w:name w:val=\"Table Header\"/>"
    "<w:basedOn w:val=\"TableText\"/><w:pPr><w:keepNext/><w:jc w:val=\"center\"/></w:pPr>"
    "<w:rPr>" SANS_FONTS "<w:b/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Figure\"><w:name w:val=\"Figure\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:pPr><w:keepNext/><w:spacing w:before=\"120\" w:after=\"0\" "
    "w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Caption\"><w:name w:val=\"caption\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:before=\"60\" w:after=\"200\"/>"
    "<w:jc w:val=\"center\"/></w:pPr><w:rPr>" SANS_FONTS
    "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:pPr><w:jc w:val=\"center\"/></w:pPr>"
    "<w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>"
    "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\">"
    "<w:name w:val=\"Normal Table\"/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>"
    "<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"85\" w:type=\"dxa\"/>"
    "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar>"
    "</w:tblPr></w:style>"
    "<w:style w:type=\"table\" w:styleId=\"ReportTable\"><w:name w:val=\"Report Table\"/>"
    "<w:basedOn w:val=\"TableNormal\"/><w:tblPr>" BORDERS "</w:tblPr></w:style>"
    "</w:styles>";

const char *const jx_docx_styles[] = {styles_head, styles_tail, NULL};

#define FONT(name, alt, charset, family)                                                           \
    "<w:font w:name=\"" name "\">" alt "<w:charset w:val=\"" charset                               \
    "\"/><w:family w:val=\"" family "\"/><w:pitch w:val=\"variable\"/></w:font>"

const char jx_docx_font_table[] = XML_HEAD
    "<w:fonts " W_NS ">" FONT("宋体", "<w:altName w:val=\"Noto Serif CJK SC\"/>", "86", "roman")
        FONT("黑体", "<w:altName w:val=\"Noto Sans CJK SC\"/>", "86", "swiss")
            FONT("Times New Roman", "", "00", "roman")
                FONT("Arial", "", "00", "swiss") "</w:fonts>";

const char jx_docx_numbering[] =
    XML_HEAD "<w:numbering " W_NS ">"
             "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/>"
             "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/>"
             "<w:lvlText w:val=\"•\"/><w:lvlJc w:val=\"left\"/>"
             "<w:pPr><w:ind w:left=\"420\" w:hanging=\"420\"/></w:pPr>"
             "<w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:hint=\"default\"/></w:rPr>"
             "</w:lvl></w:abstractNum>"
             "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";

const char jx_docx_settings[] =
    XML_HEAD "<w:settings " W_NS "><w:defaultTabStop w:val=\"420\"/>"
             "<w:characterSpacingControl w:val=\"compressPunctuation\"/>"
             "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
             "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
             "</w:settings>";

const char jx_docx_footer[] =
    XML_HEAD "<w:ftr " W_NS "><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>"
             "<w:r><w:t xml:space=\"preserve\">第 </w:t></w:r>"
             "<w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple>"
             "<w:r><w:t xml:space=\"preserve\"> 页</w:t></w:r></w:p></w:ftr>";

const char jx_docx_document_head[] =
    XML_HEAD "<w:document " W_NS
             " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
             " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""
             " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""
             " xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>";

/* A4 (11906 x 16838 twips), 2 cm margins, footer with the page number. */
const char jx_docx_document_tail[] =
    "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId5\"/>"
    "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
    "<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" "
    "w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
    "<w:pgNumType w:start=\"1\"/><w:docGrid w:linePitch=\"312\"/></w:sectPr>"
    "</w:body></w:document>";
