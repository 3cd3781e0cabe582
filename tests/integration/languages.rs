//! The document in several languages from one run: the original where it was, each other
//! language in its folder, in that language's words and number style, with the provisional
//! line of an unreviewed catalogue; `--lang` writes a subset and keeps the others.

use std::path::Path;

use crate::support::*;

/// The pipeline written in `list`, with the fixture's name tables (its invented countries
/// named in each language: "Alphalande" in French).
fn with_languages(tmp: &Path, list: &str) {
    copy_dir(&mini().join("names"), &tmp.join("names"));
    edit(&tmp.join("pipeline.yaml"), |s| {
        let s = s.replacen(
            "  units: units.csv\n",
            "  units: units.csv\n  names: names\n",
            1,
        );
        format!(
            "{}\ndocument:\n  languages: [{list}]\n",
            citations_in(&s, list)
        )
    });
}

/// A pipeline's source and population citations given in each of `list` ("X (fr)" in
/// French), as a document in several languages needs them.
fn citations_in(yaml: &str, list: &str) -> String {
    let mut block = "";
    yaml.lines()
        .map(|line| {
            if !line.starts_with(' ') && line.ends_with(':') {
                block = line;
            }
            let (head, rest) = line.split_at(line.find("citation: \"").unwrap_or(line.len()));
            match rest
                .strip_prefix("citation: \"")
                .and_then(|r| r.strip_suffix('"'))
            {
                Some(text) if block != "countries:" => {
                    let each: Vec<String> = list
                        .split(", ")
                        .map(|l| match l {
                            "en" => format!("en: \"{text}\""),
                            l => format!("{l}: \"{text} ({l})\""),
                        })
                        .collect();
                    format!("{head}citation: {{ {} }}", each.join(", "))
                }
                _ => line.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn one_run_writes_every_language_and_leaves_the_original_unchanged() {
    let tmp = sandbox();
    let english = run_in(tmp.path(), &["-q", "run", "pipeline.yaml"]);
    assert!(english.status.success(), "{}", text(&english.stderr));
    let before = snapshot_dir(&tmp.path().join("out"));
    with_languages(tmp.path(), "en, fr, es, ru");
    let all = run_in(tmp.path(), &["-q", "run", "pipeline.yaml"]);
    assert!(all.status.success(), "{}", text(&all.stderr));
    let out = tmp.path().join("out");
    let after = snapshot_dir(&out);
    // Every file of the original is byte-identical but the manifest and the run's state.
    for (path, bytes) in &before {
        let name = path.to_string_lossy();
        if name.contains("manifest.json") || name.contains(".kidnap-trends") {
            continue;
        }
        assert!(after.get(path) == Some(bytes), "{name} changed");
    }
    for lang in ["fr", "es", "ru"] {
        for f in [
            "report.html",
            "report.md",
            "report.pdf",
            "report.docx",
            "annex.pdf",
            "tables.xlsx",
            "tables/T1.csv",
            "figures/F1.svg",
        ] {
            assert!(out.join(lang).join(f).is_file(), "{lang}/{f} missing");
        }
    }
    let en = read(&out.join("report.md"));
    let fr = read(&out.join("fr/report.md"));
    let es = read(&out.join("es/report.md"));
    let ru = read(&out.join("ru/report.md"));
    // Each in its words, the translations marked provisional, the original not.
    assert!(en.contains("## Summary") && !en.contains("Provisional"));
    assert!(
        fr.contains("## Résumé") && fr.contains("Traduction provisoire"),
        "{fr}"
    );
    assert!(
        es.contains("## Resumen") && es.contains("Traducción provisional"),
        "{es}"
    );
    assert!(
        ru.contains("## Резюме") && ru.contains("Предварительный перевод"),
        "{ru}"
    );
    assert!(fr.contains("Original\u{a0}: anglais") && es.contains("Original: inglés"));
    // The same number in each language's style: the mini fixture's combined rate in 2021
    // (220 kidnappings over the reporting units' population: 2.3 per 100,000).
    assert!(en.contains("a combined rate of 2.3 per 100,000"), "{en}");
    assert!(fr.contains("2,3"), "{fr}");
    assert!(es.contains("2,3"), "{es}");
    assert!(ru.contains("2,3"), "{ru}");
    // Names in the language, by code: regions (UNSD M49) and countries (the name tables).
    assert!(fr.contains("| Europe |") && fr.contains("| Asie |"), "{fr}");
    assert!(es.contains("| Asia |") && es.contains("| América"), "{es}");
    assert!(ru.contains("| Азия |"), "{ru}");
    assert!(
        !fr.contains("| Alphaland |") && fr.contains("| Alphalande |"),
        "{fr}"
    );
    assert!(ru.contains("Альфаландия"), "{ru}");
    // The English table's row, its decimal point a comma: the same numbers in French style.
    let europe = en
        .lines()
        .find(|l| l.starts_with("| Europe | "))
        .expect("table 1's Europe row");
    assert!(europe.contains('.'), "{europe}");
    assert!(
        fr.contains(&europe.replace('.', ",")),
        "{europe} in French style:\n{fr}"
    );
    // The CSV in machine form in every language: the English file's numbers, cell for cell.
    let numbers = |lang: &str| -> Vec<Vec<String>> {
        read(&out.join(lang).join("tables/T1.csv"))
            .lines()
            .skip(1)
            .map(|l| l.split(',').skip(1).map(String::from).collect())
            .collect()
    };
    assert_eq!(numbers("fr"), numbers(""));
    // Each language's citations in its source lines; never the original's in a translation.
    assert!(fr.contains("Fixture UN-CTS file (fr)"), "{fr}");
    assert!(ru.contains("Fixture population (ru)"), "{ru}");
    assert!(!en.contains("(fr)") && !fr.contains("(es)"));
    // Cross-references in the language: "voir figure I", "gráfico I", "диаграмма I".
    assert!(fr.contains("figure I") && fr.contains("tableau 1"), "{fr}");
    assert!(es.contains("gráfico I") && es.contains("cuadro 1"), "{es}");
    assert!(
        ru.contains("диаграмма I") && ru.contains("таблица 1"),
        "{ru}"
    );
    // No English sentence of the original in a translation.
    for english_only in [
        "## Summary",
        "Distr.: General\n",
        "countries and areas recorded",
    ] {
        assert!(!fr.contains(english_only), "{english_only} in French");
        assert!(!es.contains(english_only), "{english_only} in Spanish");
    }
    // The same inputs give the same bytes.
    let again = run_in(tmp.path(), &["-q", "run", "pipeline.yaml", "--force"]);
    assert!(again.status.success(), "{}", text(&again.stderr));
    for (path, bytes) in snapshot_dir(&out) {
        let name = path.to_string_lossy().into_owned();
        if name.contains(".kidnap-trends") {
            continue;
        }
        assert!(
            after.get(&path) == Some(&bytes),
            "{name} differs on a rerun"
        );
    }
}

#[test]
fn lang_writes_a_subset_and_keeps_the_other_languages() {
    let tmp = sandbox();
    with_languages(tmp.path(), "en, fr, es");
    let all = run_in(tmp.path(), &["-q", "run", "pipeline.yaml"]);
    assert!(all.status.success(), "{}", text(&all.stderr));
    let out = tmp.path().join("out");
    let spanish = snapshot_dir(&out.join("es"));
    // A French edit, written with --lang fr: French changes, Spanish stays as it was.
    let report = own_report(tmp.path());
    edit(&report.join("locales/fr/narrative.ftl"), |s| {
        s.replacen("heading-data = ", "heading-data = Données (révisé) ", 1)
    });
    let fr = run_in(
        tmp.path(),
        &["-q", "render", "pipeline.yaml", "--lang", "fr"],
    );
    assert!(fr.status.success(), "{}", text(&fr.stderr));
    assert!(read(&out.join("fr/report.md")).contains("Données (révisé)"));
    assert_eq!(snapshot_dir(&out.join("es")), spanish);
    assert!(
        out.join("report.md").is_file(),
        "the original is always written"
    );
    // A language the pipeline does not write is a usage error.
    let bad = run_in(
        tmp.path(),
        &["-q", "render", "pipeline.yaml", "--lang", "de"],
    );
    assert_eq!(bad.status.code(), Some(2), "{}", text(&bad.stderr));
    assert!(
        text(&bad.stderr).contains("--lang de"),
        "{}",
        text(&bad.stderr)
    );
}

#[test]
fn a_citation_missing_in_a_language_is_a_config_error() {
    let tmp = sandbox();
    with_languages(tmp.path(), "en, fr");
    edit(&tmp.path().join("pipeline.yaml"), |s| {
        s.replacen(", fr: \"Fixture population (fr)\"", "", 1)
    });
    let out = run_in(tmp.path(), &["validate", "pipeline.yaml"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("`population.citation` has no text in fr"),
        "{err}"
    );
}

#[test]
fn a_language_without_rules_or_a_stray_original_is_a_config_error() {
    let tmp = sandbox();
    with_languages(tmp.path(), "en, de");
    let out = run_in(tmp.path(), &["validate", "pipeline.yaml"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("`de`") && err.contains("languages with rules"),
        "{err}"
    );
    edit(&tmp.path().join("pipeline.yaml"), |s| {
        s.replace("languages: [en, de]", "languages: [en, fr]\n  original: ru")
    });
    let out = run_in(tmp.path(), &["validate", "pipeline.yaml"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("`document.original` is `ru`"), "{err}");
}

#[test]
fn a_message_missing_in_one_language_is_a_validate_error() {
    let tmp = sandbox();
    with_languages(tmp.path(), "en, fr");
    let report = own_report(tmp.path());
    edit(&report.join("locales/fr/report.ftl"), |s| {
        s.replacen("\nF3 = ", "\nF3-gone = ", 1)
    });
    let out = run_in(tmp.path(), &["validate", "pipeline.yaml"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("uses message F3, which the \"fr\" catalogue does not have"),
        "{err}"
    );
    // Never an English fallback: `run` refuses too, and the output is not written.
    let run = run_in(tmp.path(), &["-q", "run", "pipeline.yaml"]);
    assert_ne!(run.status.code(), Some(0), "{}", text(&run.stderr));
    assert!(!tmp.path().join("out/fr").exists());
}

/// The static text of every message of the original's catalogue files under `dir`: the pieces
/// between placeables, of two words or more.
fn english_sentences(dir: &Path) -> Vec<String> {
    use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
    fn walk(p: &Pattern<&str>, out: &mut Vec<String>) {
        for el in &p.elements {
            match el {
                PatternElement::TextElement { value } => {
                    let v = value.trim();
                    if v.split_whitespace().count() >= 2 && v.len() >= 10 {
                        out.push(v.to_string());
                    }
                }
                PatternElement::Placeable { expression } => expr(expression, out),
            }
        }
    }
    fn expr(e: &Expression<&str>, out: &mut Vec<String>) {
        match e {
            Expression::Select { variants, .. } => {
                for v in variants {
                    walk(&v.value, out);
                }
            }
            Expression::Inline(InlineExpression::Placeable { expression }) => expr(expression, out),
            Expression::Inline(_) => {}
        }
    }
    let mut out = Vec::new();
    for f in std::fs::read_dir(dir).unwrap().flatten() {
        let text = read(&f.path());
        let resource = fluent_syntax::parser::parse(text.as_str()).unwrap();
        for e in &resource.body {
            if let Entry::Message(m) = e {
                for p in m.value.iter().chain(m.attributes.iter().map(|a| &a.value)) {
                    walk(p, &mut out);
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The cells' addresses of the HTML (`data-cell="T2/All panel countries/rate"`) are codes, the
/// same in every language: left out of the search.
fn without_addresses(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("data-cell=\"") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 11..];
        rest = after.find('"').map_or("", |end| &after[end + 1..]);
    }
    out.push_str(rest);
    out
}

/// Sentences of the original a pseudo-language file may hold (none: every word the document
/// writes comes from the catalogue).
const KNOWN_GAPS: &[(&str, &str)] = &[];

/// The pseudo-language (every word of the catalogue accented) written in every format: no file
/// of its document holds a sentence of the original's catalogue, so every text the document
/// prints went through the catalogue.
#[test]
fn the_pseudo_language_document_holds_no_sentence_of_the_original() {
    let tmp = sandbox();
    with_languages(tmp.path(), "en, en-XA");
    let report = own_report(tmp.path());
    let pseudo = report.join("locales/en-XA");
    std::fs::create_dir_all(&pseudo).unwrap();
    for f in std::fs::read_dir(report.join("locales/en"))
        .unwrap()
        .flatten()
    {
        let text = kidnap_trends::i18n::pseudo::catalogue(&read(&f.path()));
        std::fs::write(pseudo.join(f.file_name()), text).unwrap();
    }
    let run = run_in(tmp.path(), &["-q", "run", "pipeline.yaml"]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let sentences = english_sentences(&report.join("locales/en"));
    assert!(sentences.len() > 200, "{}", sentences.len());
    let out = tmp.path().join("out/en-XA");
    let mut checked = 0;
    let mut found = Vec::new();
    for (path, bytes) in snapshot_dir(&out) {
        let name = path.to_string_lossy().into_owned();
        if !(name.ends_with(".md")
            || name.ends_with(".html")
            || name.ends_with(".svg")
            || name.ends_with(".csv")
            || name.ends_with(".json"))
        {
            continue;
        }
        let body = without_addresses(&String::from_utf8_lossy(&bytes).replace("&#x27;", "'"));
        for s in &sentences {
            if body.contains(s.as_str()) && !KNOWN_GAPS.contains(&(name.as_str(), s.as_str())) {
                found.push(format!("{name}: {s:?}"));
            }
        }
        checked += 1;
    }
    assert!(
        found.is_empty(),
        "the original's words:\n{}",
        found.join("\n")
    );
    assert!(checked >= 20, "{checked} files checked");
    // The pseudo-language's words are there: the Summary's heading and a figure title.
    let md = read(&out.join("report.md"));
    assert!(md.contains("## Súmmárý"), "{md}");
}

/// The default report in four languages: a golden sentence of the Summary per language, with
/// the default report's numbers (58,307 kidnappings in 73 countries and areas in 2023, a
/// combined rate of 3.3: checked against an independent recomputation by the crosscheck and
/// explain tests) written in each language's words and number style, in its Markdown, read
/// back from its PDF (PDF/UA-1 in every language) and from its Word manuscript as LibreOffice
/// prints it.
#[test]
fn the_default_report_in_four_languages_reads_back_from_pdf_and_docx() {
    let tmp = tempfile::tempdir().unwrap();
    let root = root();
    let r = |p: &str| format!("{}/{p}/", root.display());
    let yaml = read(&root.join("pipelines/ccpcj-kidnapping.yaml"))
        .replace("../data/", &r("data"))
        .replace("../queries/", &r("queries"))
        .replace("../reports/", &r("reports"))
        .replace("output: ../out/ccpcj-kidnapping", "output: out")
        .replace("  language: en\n", "  languages: [en, fr, es, ru]\n");
    let yaml = citations_in(&yaml, "en, fr, es, ru");
    std::fs::write(tmp.path().join("p.yaml"), yaml).unwrap();
    let run = run_in(tmp.path(), &["-q", "run", "p.yaml"]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let out = tmp.path().join("out");
    let golden = [
        (
            "",
            "In 2023, 73 countries and areas recorded a total of 58,307 kidnappings, a combined rate of 3.3 per 100,000 population.",
        ),
        (
            "fr",
            "En 2023, 58\u{a0}307 enlèvements ont été enregistrés au total dans 73 pays et territoires, soit un taux combiné de 3,3 pour 100\u{a0}000 habitants.",
        ),
        (
            "es",
            "En 2023, se registró un total de 58.307 secuestros en 73 países y zonas, lo que supone una tasa combinada de 3,3 por cada 100.000 habitantes.",
        ),
        (
            "ru",
            "В 2023 году в 73 странах и территориях было зарегистрировано в общей сложности 58\u{a0}307 похищений людей, что соответствует совокупному показателю 3,3 на 100\u{a0}000 человек населения.",
        ),
    ];
    // Line ends, soft hyphens and no-break spaces as a PDF reader gives them back.
    let plain = |s: &str| folded(&s.replace("\u{ad}\n", "").replace(['\u{ad}', '\u{a0}'], " "));
    for (lang, sentence) in golden {
        let dir = out.join(lang);
        assert!(
            read(&dir.join("report.md")).contains(sentence),
            "{lang}: {sentence}"
        );
        let Some(pdf) = poppler("pdftotext", &[], &dir.join("report.pdf")) else {
            return;
        };
        assert!(plain(&pdf).contains(&plain(sentence)), "{lang} PDF:\n{pdf}");
        let meta = poppler("pdfinfo", &["-meta"], &dir.join("report.pdf")).unwrap();
        assert!(
            meta.contains("pdfuaid:part"),
            "{lang}: not PDF/UA-1\n{meta}"
        );
        if let Some(docx) = docx_text_through_libreoffice(&dir.join("report.docx")) {
            assert!(
                plain(&docx).contains(&plain(sentence)),
                "{lang} DOCX:\n{docx}"
            );
        }
    }
}

/// Every shipped catalogue passes `validate`: every message there and used, every plural form
/// and branch rendered with the sample counts (0, 1, 2, 9, 10, 11, 21) in every language.
#[test]
fn every_shipped_catalogue_passes_validate() {
    let tmp = sandbox();
    with_languages(tmp.path(), "en, fr, es, ru");
    let out = run_in(tmp.path(), &["validate", "pipeline.yaml"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

/// `preview --lang fr` serves the French document (and a language the pipeline does not write
/// is a usage error).
#[test]
fn preview_serves_a_language_of_the_pipeline() {
    let tmp = sandbox();
    with_languages(tmp.path(), "en, fr");
    let run = run_in(tmp.path(), &["-q", "run", "pipeline.yaml"]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let bad = run_in(tmp.path(), &["preview", "pipeline.yaml", "--lang", "de"]);
    assert_eq!(bad.status.code(), Some(2), "{}", text(&bad.stderr));
    assert!(
        text(&bad.stderr).contains("--lang de"),
        "{}",
        text(&bad.stderr)
    );
    let preview = crate::preview::start_with(tmp.path(), &["--lang", "fr"]);
    let (status, body) = crate::preview::get(preview.port, "/");
    assert_eq!(status, 200);
    let html = String::from_utf8_lossy(&body);
    assert!(
        html.contains(">Résumé</h2>") && html.contains("lang=\"fr\""),
        "{html}"
    );
}
