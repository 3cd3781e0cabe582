//! Data quality: the checks over the warehouse and `quality.json`.
//!
//! Takes the pipeline's `quality:` block, the warehouse's `quarantine` table (rows that failed
//! a row rule at ingest) and the `quality_checks` table (findings of `queries/quality/checks.sql`,
//! run with the block's thresholds bound as parameters); returns `quality.json` and, when a
//! check has more findings than its `max`, the message the run fails with. Never drops a
//! finding: every one is listed in `quality.json`, sorted.

use std::collections::BTreeMap;
use std::path::Path;

use datafusion::common::ScalarValue;
use serde::Serialize;

use super::Engine;
use crate::config::Quality;
use crate::config::Rule;
use crate::error::{Error, Result};
use crate::store::table::Table;

/// The checks' SQL, shipped with the tool.
pub const CHECKS_SQL: &str = include_str!("../../queries/quality/checks.sql");

/// Name of the checks' table and of their result.
pub const CHECKS_TABLE: &str = "quality_checks";

/// The checks, in report order, with what each one means.
pub const CHECKS: [(&str, &str); 4] = [
    (
        "rate_mismatch",
        "published rate differs from count ÷ World Bank population",
    ),
    (
        "implausible_jump",
        "count changes by more than the jump factor from one year to the next",
    ),
    (
        "subnational_without_national",
        "sub-national unit reporting without its country",
    ),
    (
        "subnational_with_national",
        "sub-national unit reporting as well as its country",
    ),
];

/// Bind the thresholds of `quality` as `$rate_tolerance`, `$jump_factor`, `$jump_min_count`.
pub fn bind(engine: &mut Engine, quality: &Quality) {
    engine.bind(
        "rate_tolerance",
        ScalarValue::Float64(Some(quality.rate_mismatch.tolerance)),
    );
    engine.bind(
        "jump_factor",
        ScalarValue::Float64(Some(quality.implausible_jump.factor)),
    );
    engine.bind(
        "jump_min_count",
        ScalarValue::Float64(Some(quality.implausible_jump.min_count)),
    );
}

/// The columns of table `quality_checks` that [`detail`] writes a finding from.
const FINDING_NUMBERS: [&str; 5] = ["rate", "implied", "before", "after", "parent_iso3"];

/// What a finding of table `quality_checks` says, from its numbers: "rate 2.5 per 100,000
/// published; count ÷ World Bank population gives 3.1", "count 12 in 2019, 80 in 2020",
/// "reported without its country (GBR)".
pub fn detail(checks: &Table, row: &[crate::store::table::Value]) -> String {
    let get = |c: &str| checks.column(c).map(|i| &row[i]);
    let num = |c: &str| get(c).and_then(|v| v.as_f64());
    let text = |c: &str| get(c).map(|v| v.as_text()).unwrap_or_default();
    let rounded = |x: f64| ((x * 100.0).round() / 100.0).to_string();
    let whole = |x: f64| format!("{x:.0}");
    let year = num("year").unwrap_or_default() as i64;
    match text("check_name").as_str() {
        "rate_mismatch" => format!(
            "rate {} per 100,000 published; count ÷ World Bank population gives {}",
            num("rate").map(rounded).unwrap_or_default(),
            num("implied").map(rounded).unwrap_or_default()
        ),
        "implausible_jump" => format!(
            "count {} in {}, {} in {year}",
            num("before").map(whole).unwrap_or_default(),
            year - 1,
            num("after").map(whole).unwrap_or_default()
        ),
        "subnational_with_national" => format!(
            "reported as well as its country ({}); left out of aggregates",
            text("parent_iso3")
        ),
        _ => format!("reported without its country ({})", text("parent_iso3")),
    }
}

/// Run the checks into table `quality_checks`; returns its rows.
pub fn run_checks(engine: &Engine) -> Result<Table> {
    let file = Path::new("queries/quality/checks.sql");
    engine.materialise_sql(CHECKS_TABLE, file, CHECKS_SQL)?;
    engine.run_table(file, &format!("SELECT * FROM {CHECKS_TABLE}"))
}

#[derive(Serialize)]
struct RuleEntry {
    rule: &'static str,
    kind: &'static str,
    description: &'static str,
    findings: usize,
    max: Option<usize>,
    status: &'static str,
    /// Findings the pipeline acknowledges (checks only).
    #[serde(skip_serializing_if = "Option::is_none")]
    acknowledged: Option<usize>,
}

#[derive(Serialize)]
struct QualityJson<'a> {
    thresholds: &'a Quality,
    rules: Vec<RuleEntry>,
    quarantine: Vec<BTreeMap<String, serde_json::Value>>,
    checks: Vec<BTreeMap<String, serde_json::Value>>,
    /// Acknowledgements that match no finding any more.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    stale_acknowledgements: Vec<&'a crate::config::Acknowledgement>,
}

/// What the quality step concluded.
pub struct Outcome {
    /// `quality.json`.
    pub json: Vec<u8>,
    /// Why the run must fail, if it must.
    pub failure: Option<String>,
    /// One line per rule or check with findings that did not fail the run.
    pub warnings: Vec<String>,
    /// What is new since the pipeline's acknowledgements: checks with findings it does not
    /// acknowledge, and acknowledgements that match nothing (the log warns about these only).
    pub alerts: Vec<String>,
}

fn status(findings: usize, max: Option<usize>) -> &'static str {
    match max {
        _ if findings == 0 => "ok",
        Some(m) if findings > m => "fail",
        _ => "warn",
    }
}

fn records(table: &Table) -> Vec<BTreeMap<String, serde_json::Value>> {
    table
        .records()
        .into_iter()
        .map(|r| {
            r.into_iter()
                .map(|(k, v)| {
                    use crate::store::table::Value;
                    let json = match v {
                        Value::Null => serde_json::Value::Null,
                        Value::Bool(b) => serde_json::Value::Bool(b),
                        Value::Int(i) => serde_json::Value::from(i),
                        Value::Float(f) => serde_json::Number::from_f64(f)
                            .map(serde_json::Value::Number)
                            .unwrap_or(serde_json::Value::Null),
                        Value::Text(t) => serde_json::Value::String(t),
                    };
                    (k, json)
                })
                .collect()
        })
        .collect()
}

/// Summarise the quarantine and the checks against the pipeline's limits.
pub fn evaluate(quality: &Quality, quarantine: &Table, checks: &Table) -> Result<Outcome> {
    let count_by = |table: &Table, column: &str, value: &str| -> usize {
        let Some(i) = table.column(column) else {
            return 0;
        };
        table
            .rows
            .iter()
            .filter(|r| r[i].as_text() == value)
            .count()
    };
    // Which findings the pipeline acknowledges, and which acknowledgements are still used.
    let col = |c: &str| checks.column(c);
    let (ci, ui, yi) = (col("check_name"), col("iso3"), col("year"));
    let mut used = vec![false; quality.acknowledged.len()];
    let mut acked_reason: Vec<Option<&str>> = Vec::with_capacity(checks.rows.len());
    for r in &checks.rows {
        let text = |i: Option<usize>| i.map(|i| r[i].as_text()).unwrap_or_default();
        let (check, unit, year) = (text(ci), text(ui), text(yi));
        let hit = quality.acknowledged.iter().position(|a| {
            a.check == check && a.unit == unit && a.year.is_none_or(|y| y.to_string() == year)
        });
        if let Some(k) = hit {
            used[k] = true;
        }
        acked_reason.push(hit.map(|k| quality.acknowledged[k].reason.as_str()));
    }
    let stale: Vec<&crate::config::Acknowledgement> = quality
        .acknowledged
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(a, _)| a)
        .collect();
    let mut alerts: Vec<String> = Vec::new();
    let mut rules = Vec::new();
    let mut failure = None;
    for rule in Rule::ALL {
        let n = count_by(quarantine, "rule", rule.name());
        // Ingest enforces these limits; a render over a published warehouse meets them here.
        if n > quality.row_limit(rule) && failure.is_none() {
            failure = Some(format!(
                "{n} quarantined rows failed the rule `{}`, more than the {} that `quality.{}.max` allows (see quality.json of the published output)",
                rule.name(),
                quality.row_limit(rule),
                rule.name()
            ));
        }
        rules.push(RuleEntry {
            rule: rule.name(),
            kind: "row",
            description: match rule {
                Rule::BadValue => "cell that is not what its column holds",
                Rule::Negative => "negative number",
                Rule::Duplicate => "same country, year and unit twice",
                Rule::UnknownCode => "country code or name no reference table knows",
            },
            findings: n,
            max: Some(quality.row_limit(rule)),
            status: status(n, Some(quality.row_limit(rule))),
            acknowledged: None,
        });
    }
    for (name, description) in CHECKS {
        let n = count_by(checks, "check_name", name);
        let max = match name {
            "rate_mismatch" => quality.rate_mismatch.max,
            "implausible_jump" => quality.implausible_jump.max,
            "subnational_with_national" => quality.subnational_with_national.max,
            _ => quality.subnational_without_national.max,
        };
        let s = status(n, max);
        if s == "fail" && failure.is_none() {
            let first = checks
                .rows
                .iter()
                .find(|r| {
                    checks
                        .column("check_name")
                        .is_some_and(|i| r[i].as_text() == name)
                })
                .map(|r| {
                    let get =
                        |c: &str| checks.column(c).map(|i| r[i].as_text()).unwrap_or_default();
                    format!(
                        "{} ({}) {}: {}",
                        get("country"),
                        get("iso3"),
                        get("year"),
                        detail(checks, r)
                    )
                })
                .unwrap_or_default();
            failure = Some(format!(
                "quality check `{name}` ({description}): {n} findings, more than the {} that `quality.{name}.max` allows; the first: {first}. All findings are listed by `kidnap-trends query` on table {CHECKS_TABLE}.",
                max.unwrap_or(0)
            ));
        }
        let acknowledged = checks
            .rows
            .iter()
            .zip(&acked_reason)
            .filter(|(r, a)| a.is_some() && ci.is_some_and(|i| r[i].as_text() == name))
            .count();
        if n > acknowledged {
            alerts.push(format!(
                "check {name}: {} new {} ({description}; {acknowledged} more acknowledged by the pipeline; see quality.json)",
                n - acknowledged,
                if n - acknowledged == 1 { "finding" } else { "findings" },
            ));
        }
        rules.push(RuleEntry {
            rule: name,
            kind: "check",
            description,
            findings: n,
            max,
            status: s,
            acknowledged: Some(acknowledged),
        });
    }
    let warnings = rules
        .iter()
        .filter(|r| r.status == "warn")
        .map(|r| {
            format!(
                "{} {}: {} {} ({}; see quality.json)",
                r.kind,
                r.rule,
                r.findings,
                if r.kind == "row" {
                    "rows quarantined"
                } else {
                    "findings"
                },
                r.description
            )
        })
        .collect();
    for r in rules
        .iter()
        .filter(|r| r.kind == "row" && r.status == "warn")
    {
        alerts.push(format!(
            "row rule {}: {} rows quarantined ({}; see quality.json)",
            r.rule, r.findings, r.description
        ));
    }
    for a in &stale {
        alerts.push(format!(
            "the acknowledgement of {} for {}{} matches no finding any more; remove it from the pipeline",
            a.check,
            a.unit,
            a.year.map(|y| format!(" {y}")).unwrap_or_default()
        ));
    }
    // Each finding as the tool says it (`detail`), with its unit and year; the numbers it is
    // written from stay in table quality_checks.
    let mut check_records = records(checks);
    for ((rec, reason), row) in check_records
        .iter_mut()
        .zip(&acked_reason)
        .zip(&checks.rows)
    {
        for number in FINDING_NUMBERS {
            rec.remove(number);
        }
        rec.insert(
            "detail".into(),
            serde_json::Value::String(detail(checks, row)),
        );
        rec.insert(
            "acknowledged".into(),
            reason.map_or(serde_json::Value::Null, |r| {
                serde_json::Value::String(r.into())
            }),
        );
    }
    let doc = QualityJson {
        thresholds: quality,
        rules,
        quarantine: records(quarantine),
        checks: check_records,
        stale_acknowledgements: stale,
    };
    let mut json = serde_json::to_vec_pretty(&doc).map_err(|e| Error::Internal(e.to_string()))?;
    json.push(b'\n');
    Ok(Outcome {
        json,
        failure,
        warnings,
        alerts,
    })
}
