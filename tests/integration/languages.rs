//! The document in several languages from one run: the original where it was, each other
//! language in its folder, in that language's words and number style, with the provisional
//! line of an unreviewed catalogue; `--lang` writes a subset and keeps the others.

use std::path::Path;

use crate::support::*;

fn with_languages(tmp: &Path, list: &str) {
    edit(&tmp.join("pipeline.yaml"), |s| {
        format!("{s}\ndocument:\n  languages: [{list}]\n")
    });
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
