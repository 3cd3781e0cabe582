//! The document's own words in its language: masthead lines, placeholders, the names of
//! figures, tables and paragraphs in cross-references, the headings and notices the writers
//! print. From the catalogue's `document-…` messages (`locales/<language>/document.ftl`); the
//! default is the English original's, for tests that build a document by hand.

use crate::error::Result;
use crate::i18n::Catalogue;

/// Every word of the document that is not a figure's, a table's or a chapter's.
#[derive(Debug, Clone, PartialEq)]
pub struct DocWords {
    pub united_nations: String,
    pub organ: String,
    pub distribution: String,
    /// "Original: English".
    pub original: String,
    /// In a translation, the line naming its language above `original` ("Français").
    pub language_line: Option<String>,
    pub commission: String,
    /// "Item {number} of the provisional agenda", `{number}` standing for the number.
    pub agenda_item: String,
    pub title: String,
    /// "Report of the Executive Director".
    pub author_line: String,
    pub annex_title: String,
    pub summary: String,
    pub no_data: String,
    /// "Data for" (a figure's data table: "Data for figure II").
    pub data_for: String,
    /// Under the masthead of a provisional translation.
    pub provisional: Option<String>,
    /// Placeholders of what the pipeline does not say: symbol, date, session, place and dates,
    /// agenda number, agenda title, provisional agenda's symbol.
    pub slots: [String; 7],
    /// Cross-reference nouns, singular and plural: figure, table, annex table, paragraph.
    pub figure: [String; 2],
    pub table: [String; 2],
    pub annex_table: [String; 2],
    pub para: [String; 2],
    /// The word joining the last two of a list ("figures II and III").
    pub and: String,
    /// "Source:".
    pub source: String,
    /// "population: {citation} (vintage {vintage})", after the sources of a population rate.
    pub population: String,
    /// Under a table of the workbook: "Symbols: “..” not available."
    pub symbols: String,
    /// Accessible names: the footnotes' section, a footnote mark ("note 3"), the way back.
    pub notes: String,
    pub note: String,
    pub back: String,
}

impl Default for DocWords {
    fn default() -> DocWords {
        let s = |x: &str| x.to_string();
        DocWords {
            united_nations: s("United Nations"),
            organ: s("Economic and Social Council"),
            distribution: s("Distr.: General"),
            original: s("Original: English"),
            language_line: None,
            commission: s("Commission on Crime Prevention and Criminal Justice"),
            agenda_item: s("Item {number} of the provisional agenda"),
            title: s(
                "International cooperation to prevent, combat and eliminate kidnapping and to \
                 provide assistance to victims of kidnapping",
            ),
            author_line: s("Report of the Executive Director"),
            annex_title: s("Statistical annex"),
            summary: s("Summary"),
            no_data: s("No data for this report."),
            data_for: s("Data for"),
            provisional: None,
            slots: [
                "symbol",
                "date of submission",
                "session",
                "place and dates",
                "number",
                "title of the agenda item",
                "symbol of the provisional agenda",
            ]
            .map(String::from),
            figure: [s("figure"), s("figures")],
            table: [s("table"), s("tables")],
            annex_table: [s("annex table"), s("annex tables")],
            para: [s("para."), s("paras.")],
            and: s("and"),
            source: s("Source:"),
            population: s("population: {citation} (vintage {vintage})"),
            symbols: s("Symbols: “..” not available."),
            notes: s("Notes"),
            note: s("note"),
            back: s("back"),
        }
    }
}

impl DocWords {
    /// The words of `catalogue`'s language; `original` tells whether it is the original's
    /// (a translation names its language above the "Original" line, and is provisional until
    /// its catalogue is reviewed). `author` is the pipeline's `document.author`, if given.
    pub fn from_catalogue(
        catalogue: &Catalogue,
        original: bool,
        author: Option<&str>,
    ) -> Result<DocWords> {
        let m = |key: &str| catalogue.format(key, None);
        let pair = |key: &str| -> Result<[String; 2]> {
            Ok([m(&format!("{key}-one"))?, m(&format!("{key}-other"))?])
        };
        let mut slots: [String; 7] = Default::default();
        for (slot, name) in slots.iter_mut().zip([
            "symbol",
            "date",
            "session",
            "place",
            "number",
            "agenda-title",
            "agenda-symbol",
        ]) {
            *slot = m(&format!("document-slots.{name}"))?;
        }
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("number", "{number}");
        // The pipeline's `author` is the original's words; a translation names its own.
        let author = match author {
            Some(a) if original => a.to_string(),
            _ => m("document-masthead.author")?,
        };
        let mut author_args = fluent_bundle::FluentArgs::new();
        author_args.set("author", author);
        Ok(DocWords {
            united_nations: m("document-masthead.united-nations")?,
            organ: m("document-masthead.organ")?,
            distribution: m("document-masthead.distribution")?,
            original: m("document-masthead.original")?,
            language_line: if original {
                None
            } else {
                Some(m("document-masthead.language")?)
            },
            commission: m("document-masthead.commission")?,
            agenda_item: catalogue.format("document-masthead.agenda-item", Some(&args))?,
            title: m("document-masthead.title")?,
            author_line: catalogue.format("document-masthead.author-line", Some(&author_args))?,
            annex_title: m("document-headings.annex")?,
            summary: m("document-headings.summary")?,
            no_data: m("document-headings.no-data")?,
            data_for: m("document-headings.data-for")?,
            provisional: if original || catalogue.reviewed() {
                None
            } else {
                Some(m("document-provisional")?)
            },
            slots,
            figure: pair("document-references.figure")?,
            table: pair("document-references.table")?,
            annex_table: pair("document-references.annex-table")?,
            para: pair("document-references.para")?,
            and: m("document-references.and")?,
            source: m("document-headings.source")?,
            population: {
                let mut a = fluent_bundle::FluentArgs::new();
                a.set("citation", "{citation}");
                a.set("vintage", "{vintage}");
                catalogue.format("document-headings.population", Some(&a))?
            },
            symbols: m("document-headings.symbols")?,
            notes: m("document-headings.notes")?,
            note: m("document-headings.note")?,
            back: m("document-headings.back")?,
        })
    }

    /// The placeholder of slot `i` (see [`DocWords::slots`]), in brackets.
    pub fn slot(&self, i: usize) -> String {
        format!("[{}]", self.slots[i])
    }

    /// "Item 6 of the provisional agenda".
    pub fn agenda_item(&self, number: &str) -> String {
        self.agenda_item.replace("{number}", number)
    }

    /// The plural of a reference noun given in the singular ("figure" → "figures").
    pub fn plural(&self, kind: &str) -> Option<&str> {
        [&self.figure, &self.table, &self.annex_table, &self.para]
            .into_iter()
            .find(|p| p[0] == kind)
            .map(|p| p[1].as_str())
    }
}
