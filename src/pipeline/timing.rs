//! Stage timings of a run and `.kidnap-trends/last-run.json`, for schedulers (not an artefact:
//! timings differ from run to run, so they stay out of `manifest.json`).

use serde::Serialize;

use super::Outcome;
use crate::error::{Error, Result};
use crate::store::Staging;

/// One stage's wall time.
#[derive(Debug, Serialize)]
struct StageTime {
    stage: &'static str,
    seconds: f64,
}

/// The stages a run has timed so far, passed along the run.
#[derive(Debug, Default)]
pub struct Timings {
    stages: Vec<StageTime>,
}

impl Timings {
    /// Run `f`, logging its wall time as a stage of the run (`-v`: "Stage finished", with
    /// `stage` and `seconds`; how `benches/RESULTS.md` splits the default run).
    pub fn time<T>(&mut self, stage: &'static str, f: impl FnOnce() -> T) -> T {
        let start = std::time::Instant::now();
        let out = f();
        self.record(stage, start.elapsed().as_secs_f64());
        out
    }

    /// A stage timed elsewhere (on another thread).
    pub fn record(&mut self, stage: &'static str, seconds: f64) {
        tracing::info!(stage, seconds, "Stage finished");
        self.stages.push(StageTime { stage, seconds });
    }
}

/// What the last run did and how long each stage took.
#[derive(Serialize)]
struct LastRun<'a> {
    outcome: &'a str,
    reasons: &'a [String],
    warnings: &'a [String],
    stages: &'a [StageTime],
    total_seconds: f64,
}

/// Write `.kidnap-trends/last-run.json` into the output being built.
pub fn write_last_run(
    staging: &Staging,
    timings: &Timings,
    outcome: Outcome,
    reasons: &[String],
    warnings: &[String],
) -> Result<()> {
    let doc = LastRun {
        outcome: match outcome {
            Outcome::Ran => "ran",
            Outcome::Rendered => "rendered",
            Outcome::UpToDate => "up to date",
        },
        reasons,
        warnings,
        stages: &timings.stages,
        total_seconds: timings.stages.iter().map(|s| s.seconds).sum(),
    };
    let mut json = serde_json::to_vec_pretty(&doc).map_err(|e| Error::Internal(e.to_string()))?;
    json.push(b'\n');
    staging.write(
        &format!("{}/last-run.json", crate::store::publish::STATE_DIR),
        &json,
    )
}
