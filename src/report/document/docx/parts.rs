//! The fixed parts of the Word package: namespaces, the style sheet (Word styles of
//! DOCUMENT_SPEC), the numbering definition of paragraph numbers, the section properties.

use super::x;

pub(super) const NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
    xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" \
    xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" \
    xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" \
    xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"";

pub(super) const XML: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// The styles: Times New Roman 12 pt double-spaced for the manuscript.
pub(super) fn styles(language: &str) -> String {
    let para = |id: &str, name: &str, ppr: &str, rpr: &str| {
        format!(
            "<w:style w:type=\"paragraph\" w:customStyle=\"{custom}\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>\
             <w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>",
            custom = if [
                "Title",
                "Subtitle",
                "Heading1",
                "Heading2",
                "Heading3",
                "Caption",
                "FootnoteText"
            ]
            .contains(&id)
            {
                "0"
            } else {
                "1"
            }
        )
    };
    let single = "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>";
    format!(
        "{XML}<w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr>\
         <w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\" w:eastAsia=\"Times New Roman\"/>\
         <w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/><w:lang w:val=\"{lang}\"/></w:rPr></w:rPrDefault>\
         <w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"480\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>\
         <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
         {title}{subtitle}{h1}{h2}{h3}{numbered}{sub}{caption}{unit}{figure}{note}{table_text}{fn_text}\
         {masthead}{organ}{distr}{session}{slots}{sumh}{sumt}\
         <w:style w:type=\"character\" w:styleId=\"FootnoteReference\"><w:name w:val=\"footnote reference\"/><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr></w:style>\
         <w:style w:type=\"table\" w:styleId=\"DataTable\"><w:name w:val=\"Data table\"/><w:tblPr><w:tblBorders>\
         <w:top w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"000000\"/><w:bottom w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"000000\"/>\
         <w:insideH w:val=\"single\" w:sz=\"2\" w:space=\"0\" w:color=\"BFBFBF\"/></w:tblBorders>\
         <w:tblCellMar><w:left w:w=\"60\" w:type=\"dxa\"/><w:right w:w=\"60\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
         </w:styles>",
        lang = x(language),
        title = para(
            "Title",
            "Title",
            "<w:spacing w:before=\"240\" w:after=\"120\" w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:left=\"1247\" w:right=\"1247\"/>",
            "<w:b/><w:sz w:val=\"28\"/>"
        ),
        subtitle = para(
            "Subtitle",
            "Subtitle",
            "<w:spacing w:after=\"240\"/><w:ind w:left=\"1247\"/>",
            "<w:b/>"
        ),
        h1 = para(
            "Heading1",
            "heading 1",
            "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/><w:ind w:left=\"1247\" w:hanging=\"567\"/><w:outlineLvl w:val=\"0\"/>",
            "<w:b/><w:sz w:val=\"28\"/>"
        ),
        h2 = para(
            "Heading2",
            "heading 2",
            "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/><w:ind w:left=\"1247\" w:hanging=\"567\"/><w:outlineLvl w:val=\"1\"/>",
            "<w:b/>"
        ),
        h3 = para(
            "Heading3",
            "heading 3",
            "<w:keepNext/><w:ind w:left=\"1247\" w:hanging=\"567\"/><w:outlineLvl w:val=\"2\"/>",
            "<w:b/>"
        ),
        numbered = para(
            "NumberedPara",
            "Numbered paragraph",
            "<w:spacing w:after=\"120\"/><w:ind w:left=\"1247\"/><w:jc w:val=\"both\"/>",
            ""
        ),
        sub = para(
            "Subparagraph",
            "Subparagraph",
            "<w:spacing w:after=\"120\"/><w:jc w:val=\"both\"/>",
            ""
        ),
        caption = para(
            "Caption",
            "caption",
            "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>",
            ""
        ),
        unit = para(
            "CaptionUnit",
            "Caption unit",
            single,
            "<w:i/><w:sz w:val=\"20\"/>"
        ),
        figure = para(
            "Figure",
            "Figure",
            "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"120\" w:line=\"240\" w:lineRule=\"auto\"/>",
            ""
        ),
        note = para("TableNote", "Table note", single, "<w:sz w:val=\"18\"/>"),
        table_text = para("TableText", "Table text", single, "<w:sz w:val=\"18\"/>"),
        fn_text = para(
            "FootnoteText",
            "footnote text",
            single,
            "<w:sz w:val=\"20\"/>"
        ),
        masthead = para(
            "Masthead",
            "Masthead",
            &format!("{single}<w:tabs><w:tab w:val=\"right\" w:pos=\"9600\"/></w:tabs>"),
            "<w:b/>"
        ),
        organ = para(
            "Organ",
            "Organ",
            "<w:spacing w:before=\"120\" w:after=\"120\" w:line=\"240\" w:lineRule=\"auto\"/>",
            "<w:b/><w:sz w:val=\"34\"/>"
        ),
        distr = para(
            "Distribution",
            "Distribution",
            &format!("{single}<w:jc w:val=\"right\"/>"),
            "<w:sz w:val=\"20\"/>"
        ),
        session = para("Session", "Session", single, ""),
        slots = para("Slots", "Slots", single, "<w:sz w:val=\"16\"/>"),
        sumh = para(
            "SummaryHeading",
            "Summary heading",
            "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/><w:jc w:val=\"center\"/><w:pBdr><w:top w:val=\"single\" w:sz=\"4\" w:space=\"4\" w:color=\"000000\"/></w:pBdr>",
            "<w:b/>"
        ),
        sumt = para(
            "SummaryText",
            "Summary text",
            "<w:spacing w:after=\"120\"/><w:ind w:left=\"1247\" w:right=\"1247\"/><w:jc w:val=\"both\"/>",
            ""
        ),
    )
}

/// One numbering definition: paragraph numbers 1., 2., … and subparagraphs (a), (i), a., i.
pub(super) fn numbering() -> String {
    let lvl = |ilvl: u32, fmt: &str, text: &str, left: u32| {
        format!(
            "<w:lvl w:ilvl=\"{ilvl}\"><w:start w:val=\"1\"/><w:numFmt w:val=\"{fmt}\"/><w:lvlText w:val=\"{text}\"/>\
             <w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"{left}\" w:hanging=\"567\"/></w:pPr></w:lvl>"
        )
    };
    format!(
        "{XML}<w:numbering {NS}><w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"multilevel\"/>{}{}{}{}{}</w:abstractNum>\
         <w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>",
        lvl(0, "decimal", "%1.", 1247),
        lvl(1, "lowerLetter", "(%2)", 1814),
        lvl(2, "lowerRoman", "(%3)", 2381),
        lvl(3, "lowerLetter", "%4.", 2948),
        lvl(4, "lowerRoman", "%5.", 3515),
    )
}

/// The page setup. With the header, the first page (whose masthead carries the symbol) has
/// none of its own; the page number is on every page.
pub(super) fn section(header: bool) -> String {
    let (refs, first) = if header {
        (
            "<w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>\
             <w:footerReference w:type=\"first\" r:id=\"rIdFooter\"/>",
            "<w:titlePg/>",
        )
    } else {
        ("", "")
    };
    format!(
        "<w:sectPr>{refs}<w:footnotePr><w:numFmt w:val=\"decimal\"/></w:footnotePr>\
         <w:pgSz w:w=\"11906\" w:h=\"16838\"/>\
         <w:pgMar w:top=\"1418\" w:right=\"1134\" w:bottom=\"1418\" w:left=\"1134\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/>{first}</w:sectPr>"
    )
}
