### The words of the document itself (the code's, not a figure's or a chapter's), English: the
### original. Reviewed: the original.

# Stands in a language's document for an authored chapter (or Summary) not yet translated;
# $file is the original's file (chapters/introduction.md). Markdown: keep it one paragraph.
document-untranslated = [To be translated: the text of { $file }.]
# Under the masthead of a document whose catalogue has not been reviewed (never the original's).
document-provisional = Provisional translation, not reviewed by the United Nations language services.
# The masthead and the title block. .language names the document's language in a translation's
# masthead (above "Original: …"; the original does not print it). .author-line: $author is
# .author, or the pipeline's `document.author` in the original.
document-masthead =
    .united-nations = United Nations
    .organ = Economic and Social Council
    .distribution = Distr.: General
    .language = English
    .original = Original: English
    .commission = Commission on Crime Prevention and Criminal Justice
    .agenda-item = Item { $number } of the provisional agenda
    .title = International cooperation to prevent, combat and eliminate kidnapping and to provide assistance to victims of kidnapping
    .author = Executive Director
    .author-line = Report of the { $author }
# What a placeholder says when the pipeline does not give the value (printed in brackets:
# "[symbol]").
document-slots =
    .symbol = symbol
    .date = date of submission
    .session = session
    .place = place and dates
    .number = number
    .agenda-title = title of the agenda item
    .agenda-symbol = symbol of the provisional agenda
# How a cross-reference names what it cites, before its number ("figure II", "table 3",
# "annex table 7", "para. 12"); -one before one number, -other before several ("figures II and
# III"); .and joins the last two.
document-references =
    .figure-one = figure
    .figure-other = figures
    .table-one = table
    .table-other = tables
    .annex-table-one = annex table
    .annex-table-other = annex tables
    .para-one = para.
    .para-other = paras.
    .and = and
# Headings and notices of the document: the Summary's heading, the annex's title, an empty
# table's row, the heading of a figure's data table ("Data for figure II"), the source line; the
# names a screen reader gives the footnotes, a footnote mark ("note 3") and the link back.
# .symbols stands under each table of the workbook; .population follows the sources of a rate: $citation, the population source; $vintage its date.
document-headings =
    .summary = Summary
    .annex = Statistical annex
    .no-data = No data for this report.
    .data-for = Data for
    .source = Source:
    .population = population: { $citation } (vintage { $vintage })
    .symbols = Symbols: “..” not available.
    .notes = Notes
    .note = note
    .back = back
