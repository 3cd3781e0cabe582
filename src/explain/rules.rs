//! The SQL behind an explained number: its file, the parameters it binds (through the
//! materialised tables it reads) and the rules their header comments state.

use std::fmt::Write as _;
use std::path::Path;

use super::Published;
use crate::error::{Error, Result};

/// The SQL file, its bound parameters, and the rules its comments (and those of the tables it
/// reads) state.
pub(super) fn sql_and_rules(p: &Published, file: &Path, out: &mut String) -> Result<()> {
    let sql =
        std::fs::read_to_string(file).map_err(|e| Error::environment("cannot read", file, e))?;
    let base = p.pipeline.file.parent().unwrap_or(Path::new(""));
    let mut seen = Vec::new();
    let mut stack = vec![sql.clone()];
    let mut rules = Vec::new();
    let mut params = std::collections::BTreeSet::new();
    while let Some(text) = stack.pop() {
        let comment = header_comment(&text);
        if !comment.is_empty() {
            rules.push(comment);
        }
        for name in dollar_names(&text) {
            params.insert(name);
        }
        for t in &p.pipeline.tables {
            if !seen.contains(t) && mentions(&text, t) {
                seen.push(t.clone());
                if let Ok(s) =
                    std::fs::read_to_string(p.pipeline.queries_dir.join(format!("{t}.sql")))
                {
                    stack.push(s);
                }
            }
        }
    }
    let _ = writeln!(out, "  query: {}", crate::config::relative(base, file));
    let bindings = p.pipeline.params.bindings();
    let bound: Vec<String> = bindings
        .iter()
        .filter(|(n, _)| params.contains(*n))
        .map(|(n, v)| format!("${n} = {}", param_text(v)))
        .collect();
    if !bound.is_empty() {
        let _ = writeln!(out, "  parameters: {}", bound.join(", "));
    }
    if !seen.is_empty() {
        let _ = writeln!(out, "  reads the tables: {}", seen.join(", "));
    }
    let _ = writeln!(out, "  rules (from the SQL):");
    for r in rules {
        for line in r.lines() {
            let _ = writeln!(out, "    {line}");
        }
    }
    Ok(())
}

fn param_text(v: &crate::config::ParamValue) -> String {
    match v {
        crate::config::ParamValue::Year(y) => y.to_string(),
        crate::config::ParamValue::Int(i) => i.to_string(),
        crate::config::ParamValue::Float(f) => f.to_string(),
    }
}

/// The leading `--` comment of a SQL text, its markers removed.
fn header_comment(sql: &str) -> String {
    sql.lines()
        .take_while(|l| l.trim_start().starts_with("--"))
        .map(|l| l.trim_start().trim_start_matches("--").trim())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every `$name` of a SQL text.
fn dollar_names(sql: &str) -> Vec<String> {
    let mut out = Vec::new();
    let bytes = sql.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'$' {
            let start = i + 1;
            let mut j = start;
            while j < bytes.len() && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'_') {
                j += 1;
            }
            if j > start {
                out.push(sql[start..j].to_string());
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// Whether `sql` (comments aside) reads table `name` (`FROM name`, `JOIN name`).
fn mentions(sql: &str, name: &str) -> bool {
    let code: String = sql
        .lines()
        .map(|l| l.split("--").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join(" ");
    let words: Vec<&str> = code
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(2).any(|w| {
        (w[0].eq_ignore_ascii_case("from") || w[0].eq_ignore_ascii_case("join")) && w[1] == name
    })
}
