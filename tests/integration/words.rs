//! The queries return codes and numbers, never words: every string literal of every SQL file
//! under `queries/` is a code of the allow-list below or a piece of an explain address. The
//! words a reader sees (labels, rules, treatments, legends) are the report's, in `report.yaml`.

use std::path::{Path, PathBuf};

/// The codes a query may write, by what they are.
const CODES: &[&str] = &[
    // Units of measurement and lineage sources.
    "count",
    "rate_per_100k",
    "population",
    "row",
    "main",
    "previous",
    // Where a population comes from (table `kidnapping`).
    "World Bank",
    "implied",
    // Series breaks, release comparison, direction of change.
    "confirmed",
    "possible",
    "added",
    "changed",
    "removed",
    "revised",
    "up",
    "down",
    "stable",
    // Row keys that are also explain addresses (`T1/Total`, `F2/All panel countries/2015`,
    // `F8/Africa/Up`, `T5/Increase/1`): named in the report by `report.yaml`.
    "Total",
    "All panel countries",
    "Up",
    "Stable",
    "Down",
    "Increase",
    "Decrease",
    // Data-quality rules and checks (T10, N8), their kinds, and a unit's panel state (T7).
    "bad_value",
    "negative_value",
    "duplicate",
    "unknown_code",
    "rate_mismatch",
    "implausible_jump",
    "subnational_without_national",
    "subnational_with_national",
    "row_rule",
    "check",
    "in_panel",
    "out_by_break",
    "lacks_data",
    "country_reports",
    // Flags in tables and figures: series break, estimate, small count; none.
    "b",
    "e",
    "†",
    "",
    // Separators: of a sort key (checks.sql) and of address pieces ("/"); "," joins N6's
    // codes, by which a translation names the countries. "; " joins N6's names in the
    // original, which the narrative prints as they are (a translation joins its names by "; "
    // too: the list's punctuation is still to become the language's).
    " ",
    "/",
    ",",
    "; ",
];

/// A piece of an explain address: `F2/`, `N1/panel_n`, `T1/Total`, `/share`, `/0`.
fn address_piece(s: &str) -> bool {
    let item = s.split_once('/').is_some_and(|(head, tail)| {
        let mut h = head.chars();
        h.next().is_some_and(|c| c.is_ascii_uppercase())
            && h.clone().count() > 0
            && h.all(|c| c.is_ascii_digit())
            && tail
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "_/".contains(c) || c == ' ')
    });
    let suffix = s.starts_with('/')
        && s[1..]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_');
    item || suffix
}

/// The string literals of `sql` outside its `--` comments (`''` is a quote inside one).
fn literals(sql: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in sql.lines() {
        let mut chars = line.chars().peekable();
        let mut current: Option<String> = None;
        while let Some(c) = chars.next() {
            match (&mut current, c) {
                (None, '-') if chars.peek() == Some(&'-') => break,
                (None, '\'') => current = Some(String::new()),
                (Some(s), '\'') if chars.peek() == Some(&'\'') => {
                    chars.next();
                    s.push('\'');
                }
                (Some(s), '\'') => {
                    out.push(std::mem::take(s));
                    current = None;
                }
                (Some(s), c) => s.push(c),
                (None, _) => {}
            }
        }
    }
    out
}

/// The literals of `sql` that are neither codes nor address pieces.
fn words(sql: &str) -> Vec<String> {
    literals(sql)
        .into_iter()
        .filter(|l| !CODES.contains(&l.as_str()) && !address_piece(l))
        .collect()
}

fn sql_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sql_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "sql") {
            out.push(path);
        }
    }
}

#[test]
fn the_check_finds_words_and_passes_codes() {
    let sql = "-- a comment: 'Kidnappings' here is not SQL\n\
               SELECT CASE unit WHEN 'count' THEN 'Kidnappings' END, 'F2/' || series, \
               concat('rate ', x, ' per cent'), 'it''s' FROM t WHERE status = 'confirmed'";
    assert_eq!(words(sql), ["Kidnappings", "rate ", " per cent", "it's"]);
    assert!(address_piece("N1/panel_n") && address_piece("T1/Total") && address_piece("/share"));
    assert!(!address_piece("Rate per 100,000") && !address_piece("a/b"));
}

#[test]
fn the_queries_return_codes_and_numbers_not_words() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("queries");
    let mut files = Vec::new();
    sql_files(&root, &mut files);
    files.sort();
    assert!(
        files.len() > 60,
        "the queries are where they were: {}",
        files.len()
    );
    let found: Vec<String> = files
        .iter()
        .flat_map(|f| {
            let sql = std::fs::read_to_string(f).unwrap();
            let name = f.strip_prefix(&root).unwrap().display().to_string();
            words(&sql)
                .into_iter()
                .map(move |w| format!("{name}: {w:?}"))
        })
        .collect();
    assert!(
        found.is_empty(),
        "words in SQL (the report writes them; a new code belongs in the allow-list):\n{}",
        found.join("\n")
    );
}
