//! Helpers shared by the integration tests.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use kidnap_trends::query::{Table, Value};

/// Repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The fixture folder.
pub fn mini() -> PathBuf {
    root().join("tests/fixtures/mini")
}

/// Table `id` of the default report's spec as the report prints it over the fixture's query
/// results: its headers and, for each row, its printed cells (the words of `text` columns).
pub fn printed(id: &str) -> Table {
    let p = kidnap_trends::config::load(&mini().join("pipeline.yaml")).expect("fixture pipeline");
    let spec = kidnap_trends::pipeline::load_report_spec(&p).expect("fixture report spec");
    kidnap_trends::report::printed_table(&p, &spec, results(), id, usize::MAX)
        .expect("printed table")
        .unwrap_or_else(|| panic!("no table {id}"))
        .1
}

/// Figure `id` of the default report's spec over `results` (the fixture's query results, or
/// others), as the figure draws it: each row's series named by the report.
pub fn figure(id: &str, results: &BTreeMap<String, Table>) -> Table {
    let p = kidnap_trends::config::load(&mini().join("pipeline.yaml")).expect("fixture pipeline");
    let spec = kidnap_trends::pipeline::load_report_spec(&p).expect("fixture report spec");
    kidnap_trends::report::figure_table(&p, &spec, results, id)
        .expect("figure table")
        .unwrap_or_else(|| panic!("no figure {id}"))
}

/// Query results of the fixture pipeline, computed once per test binary.
pub fn results() -> &'static BTreeMap<String, Table> {
    static RESULTS: OnceLock<BTreeMap<String, Table>> = OnceLock::new();
    RESULTS.get_or_init(|| {
        let p =
            kidnap_trends::config::load(&mini().join("pipeline.yaml")).expect("fixture pipeline");
        let w = kidnap_trends::pipeline::ingest(&p).expect("fixture ingest");
        kidnap_trends::query::prepare::query(&p, &w).expect("fixture queries")
    })
}

/// Run any SQL over the fixture's tables (for checking the materialised tables).
pub fn sql(query: &str) -> Table {
    let p = kidnap_trends::config::load(&mini().join("pipeline.yaml")).expect("fixture pipeline");
    let w = kidnap_trends::pipeline::ingest(&p).expect("fixture ingest");
    let (e, _) = kidnap_trends::query::prepare::prepare(&p, &w).expect("engine");
    let batches = e.run_sql(Path::new("test"), query).expect("sql");
    kidnap_trends::query::to_table(Path::new("test"), &batches).expect("table")
}

/// The row of `t` whose column `key` has text `value`.
pub fn row<'a>(t: &'a Table, key: &str, value: &str) -> BTreeMap<String, &'a Value> {
    let k = t
        .column(key)
        .unwrap_or_else(|| panic!("no column {key} in {:?}", t.columns));
    let r = t
        .rows
        .iter()
        .find(|r| r[k].as_text() == value)
        .unwrap_or_else(|| panic!("no row with {key} = {value}"));
    t.columns.iter().cloned().zip(r.iter()).collect()
}

/// Assert a numeric cell equals `expected` to 1e-9 relative.
#[track_caller]
pub fn approx(v: &Value, expected: f64) {
    let got = v
        .as_f64()
        .unwrap_or_else(|| panic!("expected number {expected}, got {v:?}"));
    let tol = 1e-9 * expected.abs().max(1.0);
    assert!(
        (got - expected).abs() <= tol,
        "expected {expected}, got {got}"
    );
}

/// Assert a cell is NULL.
#[track_caller]
pub fn null(v: &Value) {
    assert_eq!(*v, Value::Null, "expected NULL");
}

/// The binary under test.
pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_kidnap-trends"))
}

pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    bin()
        .args(args)
        .current_dir(dir)
        .output()
        .expect("binary runs")
}

pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Every file under `dir` with its bytes, by relative path; the stat cache
/// (`.kidnap-trends/`, input file times and inodes, not an artefact) is left out.
pub fn snapshot_dir(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p == root.join(kidnap_trends::store::publish::STATE_DIR) {
                continue;
            }
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                out.insert(
                    p.strip_prefix(root).unwrap().to_path_buf(),
                    std::fs::read(&p).unwrap(),
                );
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// A fixture pipeline's text made to run from another folder: its queries and report point to
/// the repository's, its output to `out` beside it.
pub fn localise(yaml: &str) -> String {
    yaml.replace(
        "../../../queries",
        &root().join("queries").to_string_lossy(),
    )
    .replace(
        "../../../reports",
        &root().join("reports").to_string_lossy(),
    )
    .replace("../../../out/test-mini", "out")
}

/// A copy of the fixture in a temp folder, with a pipeline whose queries and report point to
/// the repository's, so the inputs can be broken one at a time.
pub fn sandbox() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    for f in [
        "cts.csv",
        "cts.xlsx",
        "countries.csv",
        "units.csv",
        "population.csv",
    ] {
        std::fs::copy(mini().join(f), tmp.path().join(f)).unwrap();
    }
    let yaml = localise(&std::fs::read_to_string(mini().join("pipeline.yaml")).unwrap());
    std::fs::write(tmp.path().join("pipeline.yaml"), yaml).unwrap();
    tmp
}

/// Rewrite a file through `f`.
pub fn edit(path: &Path, f: impl FnOnce(String) -> String) {
    let s = std::fs::read_to_string(path).unwrap();
    std::fs::write(path, f(s)).unwrap();
}

/// Copy a folder and its subfolders.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            copy_dir(&p, &to.join(p.file_name().unwrap()));
        } else {
            std::fs::copy(&p, to.join(p.file_name().unwrap())).unwrap();
        }
    }
}

/// The output folder of one `run` of the default pipeline, made once per test binary (in a
/// temporary folder that lives as long as the binary).
pub fn default_output() -> &'static Path {
    static OUT: OnceLock<tempfile::TempDir> = OnceLock::new();
    let tmp = OUT.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap();
        let run = bin()
            .args(["-q", "run"])
            .arg(root().join("pipelines/ccpcj-kidnapping.yaml"))
            .arg("--out")
            .arg(tmp.path().join("out"))
            .output()
            .unwrap();
        assert!(run.status.success(), "{}", text(&run.stderr));
        tmp
    });
    // The folder inside the temporary one: `run` publishes it by renaming a staging folder.
    Box::leak(tmp.path().join("out").into_boxed_path())
}

/// The fixture's pipeline with a copy of the shipped report folder of its own (`report/` beside
/// it), so a test may edit the templates; the copy's path.
pub fn own_report(tmp: &Path) -> PathBuf {
    let report = tmp.join("report");
    let shipped = root().join("reports/ccpcj-kidnapping");
    copy_dir(&shipped, &report);
    edit(&tmp.join("pipeline.yaml"), |s| {
        s.replace(&shipped.to_string_lossy().into_owned(), "report")
    });
    report
}

pub fn has(program: &str, version_flag: &str) -> bool {
    std::process::Command::new(program)
        .arg(version_flag)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The DOCX's text as LibreOffice prints it to PDF, read back by pdftotext; `None` (and a
/// note) without LibreOffice and poppler, which CI requires (`.ci/run` installs them).
pub fn docx_text_through_libreoffice(docx: &Path) -> Option<String> {
    if !has("soffice", "--version") || !has("pdftotext", "-v") {
        assert!(
            std::env::var_os("CI").is_none(),
            "LibreOffice and poppler-utils are required in CI (.ci/run installs them)"
        );
        eprintln!("skipping the LibreOffice check: soffice or pdftotext missing");
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("profile");
    let convert = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(docx)
        .output()
        .unwrap();
    assert!(convert.status.success(), "{}", text(&convert.stderr));
    let pdf = dir
        .path()
        .join(docx.file_stem().unwrap())
        .with_extension("pdf");
    assert!(
        pdf.is_file(),
        "LibreOffice wrote no PDF: {}",
        text(&convert.stdout)
    );
    let out = std::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success());
    Some(text(&out.stdout))
}

/// White space folded, hyphenation at line ends left as it is.
pub fn folded(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `program args… file` as text; `None` (and a note) without poppler, which CI requires.
pub fn poppler(program: &str, args: &[&str], file: &Path) -> Option<String> {
    if !has("pdftotext", "-v") {
        assert!(
            std::env::var_os("CI").is_none(),
            "poppler-utils are required in CI (.ci/run installs them)"
        );
        eprintln!("skipping the poppler checks: poppler-utils missing");
        return None;
    }
    let out = std::process::Command::new(program)
        .args(args)
        .arg(file)
        .args(if program == "pdftotext" {
            vec!["-"]
        } else {
            vec![]
        })
        .output()
        .unwrap();
    assert!(out.status.success(), "{program}: {}", text(&out.stderr));
    Some(text(&out.stdout))
}
