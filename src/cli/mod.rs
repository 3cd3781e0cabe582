//! Command line: parses arguments, starts logging, calls the library, prints results.
//!
//! Takes `std::env::args`; returns the process exit code (0 ok, 1 data error, 2 usage or
//! configuration error, 3 internal error, 4 output busy, 5 environment). The only module that
//! writes to stdout/stderr.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::error::{EXIT_OK, EXIT_USAGE, Error};
use crate::pipeline::Options;
pub use print::pretty;
use print::{csv_cell, diff};

mod print;
use crate::format;
use crate::query::Table;

/// The pipeline `cargo run` uses when given no arguments.
pub const DEFAULT_PIPELINE: &str = "pipelines/ccpcj-kidnapping.yaml";

#[derive(Parser, Debug)]
#[command(
    name = "kidnap-trends",
    version,
    about = "Kidnapping statistics → the statistical annex of the UNODC report to the CCPCJ",
    after_help = "Examples:\n  \
        kidnap-trends                                   # run the default pipeline\n  \
        kidnap-trends run pipelines/ccpcj-kidnapping.yaml --out /tmp/report\n  \
        kidnap-trends render pipelines/ccpcj-kidnapping.yaml   # after editing a template\n  \
        kidnap-trends validate pipelines/*.yaml\n  \
        kidnap-trends query pipelines/ccpcj-kidnapping.yaml \"SELECT * FROM panel\"\n  \
        kidnap-trends explain N2/kidnappings                    # where a number comes from\n  \
        kidnap-trends synth --rows 1m --out /tmp/cts-1m.csv        # benchmark input\n  \
        kidnap-trends ingest pipelines/ccpcj-kidnapping.yaml --out /tmp/wh\n\n\
        Exit codes: 0 ok; 1 data error (unreadable file, bad rows, quality limits); 2 usage or\n\
        configuration error, or an output folder the tool may not write (it holds files the\n\
        tool did not write, is an input or holds one, is a file); 3 internal error (a bug);\n\
        4 another run is writing the same output; 5 environment (disk full, unwritable path,\n\
        a parent that is a file, a name too long)."
)]
struct Cli {
    /// More log output on stderr (-v info, -vv debug).
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    verbose: u8,
    /// Only errors on stderr, nothing on stdout but requested data.
    #[arg(short, long, global = true)]
    quiet: bool,
    /// Log format on stderr: human-readable text, or one JSON object per line for schedulers.
    #[arg(long, value_enum, default_value_t = LogFormat::Text, global = true)]
    log_format: LogFormat,
    #[command(subcommand)]
    command: Option<Command>,
}

/// `--carry-over`, the same for every command that publishes (and for `plan`, which says what
/// `run` would do with it).
#[derive(clap::Args, Debug, Clone, Copy)]
struct Keep {
    /// Keep files this tool did not write in the output folder: they are carried over,
    /// unchanged, into the new output (without it such files make the command refuse;
    /// nothing the tool did not write is ever deleted).
    #[arg(long)]
    carry_over: bool,
}

impl Keep {
    fn options(self, force: bool) -> Options {
        Options {
            force,
            carry_over: self.carry_over,
        }
    }
}

/// What `run` takes, and `plan` (which says what `run` would do with the same arguments).
#[derive(clap::Args, Debug)]
struct RunArgs {
    /// Pipeline file.
    #[arg(default_value = DEFAULT_PIPELINE)]
    pipeline: PathBuf,
    /// Publish here instead of the pipeline's `output`.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Run every step even when nothing changed.
    #[arg(long)]
    force: bool,
    #[command(flatten)]
    keep: Keep,
}

/// What `render` and `ingest` take: a pipeline and the output folder they publish.
#[derive(clap::Args, Debug)]
struct OutputArgs {
    /// Pipeline file.
    #[arg(default_value = DEFAULT_PIPELINE)]
    pipeline: PathBuf,
    /// The output folder to publish instead of the pipeline's `output`.
    #[arg(long)]
    out: Option<PathBuf>,
    #[command(flatten)]
    keep: Keep,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Ingest, query and write the report of a pipeline.
    Run(RunArgs),
    /// What changed between two releases of a UN-CTS file: added, removed and revised
    /// country-years, counts and rates separately.
    Diff {
        /// The older release: a file (xlsx or csv, UN-CTS layout), or with `--pipeline` the
        /// release id of one of the pipeline's sources (`2024-05-16`).
        old: PathBuf,
        /// The newer release (file, or release id with `--pipeline`).
        new: PathBuf,
        /// Read OLD and NEW as release ids of this pipeline's sources: each file is read with
        /// its declared encoding, and codes are matched through the pipeline's country and
        /// aliases tables (so `GBR_EW` in one release is `GBR_E_W` in the other).
        #[arg(long)]
        pipeline: Option<PathBuf>,
        /// Category to compare.
        #[arg(long, default_value = "Kidnapping")]
        category: String,
        /// Relative revision reported as large.
        #[arg(long, default_value_t = 0.10)]
        threshold: f64,
        /// Also write every row to this CSV file (a new file unless `--overwrite`).
        #[arg(long)]
        csv: Option<PathBuf>,
        /// Let `--csv` replace an existing file (never one of the releases compared).
        #[arg(long)]
        overwrite: bool,
        /// List every revision, not only the large ones.
        #[arg(long)]
        all: bool,
    },
    /// Print which steps `run` would execute, and why, without running anything.
    Plan(RunArgs),
    /// Regenerate figures, tables and report from the existing warehouse (no re-ingest).
    Render(OutputArgs),
    /// Check pipelines (config, files, SQL, report spec, templates) without running them.
    Validate {
        /// Pipeline files.
        #[arg(default_value = DEFAULT_PIPELINE)]
        pipelines: Vec<PathBuf>,
    },
    /// Run ad-hoc SQL over a pipeline's tables (observations, population, countries,
    /// kidnapping, breaks, panel; lineage from an up-to-date published output), with the
    /// pipeline's parameters bound ($first_year …).
    Query {
        /// Pipeline file.
        pipeline: PathBuf,
        /// One SQL statement (it may start with a `--` comment).
        #[arg(allow_hyphen_values = true)]
        sql: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
        /// The published output to query instead of the pipeline's `output`.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Where a number of the published report comes from: the number as printed, its SQL and
    /// parameters, the rules, the source cells (file, row, column, text) and a recomputation
    /// from them (exit 1 when it disagrees). `explain T3` lists an item's addresses;
    /// `explain T5 SVK` says why a unit is not in an item, or why it is.
    Explain {
        /// `[PIPELINE] ADDRESS` (`T3/USA/rate`, `N2/kidnappings`, `F2/Americas/2015/rate`),
        /// `[PIPELINE] ITEM`, or `[PIPELINE] ITEM UNIT`; the pipeline defaults as run's does.
        #[arg(required = true, num_args = 1..=3)]
        args: Vec<String>,
        /// The published output to explain instead of the pipeline's `output`.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Read a pipeline's sources and publish only the warehouse (`<out>/warehouse/*.parquet`).
    Ingest(OutputArgs),
    /// Write a synthetic UN-CTS file of any size (and `<stem>.units.csv` beside it), for
    /// benchmarks. Deterministic: the same seed gives the same bytes.
    Synth {
        /// Data rows: a number, or with a suffix `k` (thousand) or `m` (million): 10k, 1m.
        #[arg(long, value_parser = crate::synth::parse_rows)]
        rows: u64,
        /// The file to write (`.csv`, or `.xlsx` with `--format xlsx`).
        #[arg(long)]
        out: PathBuf,
        /// Seed of the random streams.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// File format; xlsx holds at most about a million rows.
        #[arg(long, value_enum, default_value_t = SynthFormat::Csv)]
        format: SynthFormat,
        /// How many synthetic sub-national units per country report Kidnapping.
        #[arg(long, default_value_t = 8)]
        subnational_kidnapping: usize,
        /// Let the file (and `<stem>.units.csv`) replace existing files.
        #[arg(long)]
        overwrite: bool,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum SynthFormat {
    Csv,
    Xlsx,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum LogFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum OutputFormat {
    Table,
    Csv,
    Json,
}

/// Entry point used by `main.rs`.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { EXIT_USAGE } else { EXIT_OK };
        }
    };
    let level = if cli.quiet {
        "error"
    } else {
        match cli.verbose {
            0 => "warn",
            1 => "info",
            _ => "debug",
        }
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env("KIDNAP_TRENDS_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(level));
    let _ = match cli.log_format {
        LogFormat::Text => tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_writer(std::io::stderr)
            .without_time()
            .try_init(),
        LogFormat::Json => tracing_subscriber::fmt()
            .json()
            .with_env_filter(filter)
            .with_writer(std::io::stderr)
            .try_init(),
    };

    let command = cli.command.unwrap_or(Command::Run(RunArgs {
        pipeline: DEFAULT_PIPELINE.into(),
        out: None,
        force: false,
        keep: Keep { carry_over: false },
    }));
    let result = match command {
        Command::Run(RunArgs {
            pipeline,
            out,
            force,
            keep,
        }) => run(
            &pipeline,
            out.as_deref(),
            cli.quiet,
            Mode::Run,
            keep.options(force),
        ),
        Command::Render(OutputArgs {
            pipeline,
            out,
            keep,
        }) => run(
            &pipeline,
            out.as_deref(),
            cli.quiet,
            Mode::Render,
            keep.options(false),
        ),
        Command::Plan(RunArgs {
            pipeline,
            out,
            force,
            keep,
        }) => plan(&pipeline, out.as_deref(), keep.options(force)),
        Command::Validate { pipelines } => validate(&pipelines, cli.quiet),
        Command::Query {
            pipeline,
            sql,
            format,
            out,
        } => query(&pipeline, &sql, format, out.as_deref()),
        Command::Explain { args, out } => explain(&args, out.as_deref()),
        Command::Diff {
            old,
            new,
            pipeline,
            category,
            threshold,
            csv,
            overwrite,
            all,
        } => diff(
            &old,
            &new,
            pipeline.as_deref(),
            &category,
            threshold,
            csv.as_deref().map(|c| (c, overwrite)),
            all,
        ),
        Command::Ingest(OutputArgs {
            pipeline,
            out,
            keep,
        }) => ingest(&pipeline, out.as_deref(), cli.quiet, keep.options(false)),
        Command::Synth {
            rows,
            out,
            seed,
            format,
            subnational_kidnapping,
            overwrite,
        } => synth(
            crate::synth::Options {
                rows,
                seed,
                out,
                format: match format {
                    SynthFormat::Csv => crate::synth::Format::Csv,
                    SynthFormat::Xlsx => crate::synth::Format::Xlsx,
                },
                subnational_kidnapping,
                overwrite,
            },
            cli.quiet,
        ),
    };
    match result {
        Ok(()) => EXIT_OK,
        Err(e) => {
            eprintln!("{}", render_error(&e));
            e.exit_code()
        }
    }
}

fn render_error(e: &Error) -> String {
    e.rendered()
}

fn stdout_line(s: &str) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{s}") {
        Ok(()) => Ok(()),
        // A closed pipe (`| head`) is not a failure.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::Internal(format!("cannot write to stdout: {e}"))),
    }
}

enum Mode {
    Run,
    Render,
}

fn plan(pipeline: &Path, out: Option<&Path>, options: Options) -> Result<(), Error> {
    let p = crate::config::load(pipeline)?;
    for (step, what) in crate::pipeline::plan(&p, out, options)? {
        stdout_line(&format!("{step}: {what}"))?;
    }
    Ok(())
}

fn run(
    pipeline: &Path,
    out: Option<&Path>,
    quiet: bool,
    mode: Mode,
    options: Options,
) -> Result<(), Error> {
    let p = crate::config::load(pipeline)?;
    let started = std::time::Instant::now();
    let summary = match mode {
        Mode::Render => crate::pipeline::render(&p, out, options)?,
        Mode::Run => crate::pipeline::run(&p, out, options)?,
    };
    let seconds = started.elapsed().as_secs_f64();
    tracing::info!(
        outcome = ?summary.outcome,
        reasons = %summary.reasons.join("; "),
        files = summary.files,
        seconds,
        "Run finished"
    );
    if quiet {
        return Ok(());
    }
    if summary.outcome == crate::pipeline::Outcome::UpToDate {
        return stdout_line(&format!(
            "Up to date: {} (nothing changed since it was published; --force reruns)",
            summary.output.display()
        ));
    }
    stdout_line(&format!(
        "Wrote {} ({} files; {} observations; {}) in {seconds:.2} s",
        summary.output.display(),
        summary.files,
        summary.tables.get("observations").copied().unwrap_or(0),
        if summary.outcome == crate::pipeline::Outcome::Rendered {
            "warehouse reused"
        } else {
            "ingested"
        },
    ))?;
    if let Some((caption, rows)) = &summary.preview {
        stdout_line(&format!("{caption} (first rows)"))?;
        stdout_line(&pretty(rows))?;
    }
    Ok(())
}

fn validate(pipelines: &[PathBuf], quiet: bool) -> Result<(), Error> {
    let mut failures = Vec::new();
    for path in pipelines {
        match crate::pipeline::validate(path) {
            Ok(p) => {
                if !quiet {
                    stdout_line(&format!("ok: {} ({})", path.display(), p.name))?;
                }
            }
            Err(e) => failures.push(e),
        }
    }
    Error::all(failures)
}

fn explain(args: &[String], out: Option<&Path>) -> Result<(), Error> {
    // A first argument naming a YAML file is the pipeline.
    let (pipeline, rest) = match args {
        [first, rest @ ..]
            if !rest.is_empty() && (first.ends_with(".yaml") || first.ends_with(".yml")) =>
        {
            (PathBuf::from(first), rest)
        }
        _ => (PathBuf::from(DEFAULT_PIPELINE), args),
    };
    let p = crate::config::load(&pipeline)?;
    let e = crate::explain::explain(&p, out, rest)?;
    stdout_line(e.text.trim_end())?;
    match e.failure {
        Some(f) => Err(f),
        None => Ok(()),
    }
}

fn query(pipeline: &Path, sql: &str, fmt: OutputFormat, out: Option<&Path>) -> Result<(), Error> {
    let p = crate::config::load(pipeline)?;
    // The published output (its warehouse, lineage and parameters) when there is one, saying
    // what changed since; the sources only when nothing is published.
    let table = match crate::explain::open_published(&p, out)? {
        Some(opened) => {
            tracing::info!(output = %opened.dir.display(), "Querying the published output");
            for n in &opened.notes {
                tracing::warn!("{n}");
            }
            opened.engine.run_table(Path::new("<command line>"), sql)?
        }
        None => {
            tracing::info!(
                output = %crate::pipeline::target(&p, out).display(),
                "Nothing published there; reading the sources"
            );
            let warehouse = crate::pipeline::ingest(&p)?;
            let (engine, _) = crate::query::prepare::prepare(&p, &warehouse)?;
            // The lineage is read as the published one would be.
            let lineage = crate::query::lineage::build(&engine, &warehouse, &p)?;
            engine.register_batch(crate::query::lineage::LINEAGE_TABLE, lineage)?;
            engine.run_table(Path::new("<command line>"), sql)?
        }
    };
    match fmt {
        OutputFormat::Table => stdout_line(&pretty(&table)),
        OutputFormat::Csv => {
            let mut w = csv::WriterBuilder::new()
                .terminator(csv::Terminator::Any(b'\n'))
                .from_writer(Vec::new());
            let err = |e: csv::Error| Error::Internal(e.to_string());
            w.write_record(&table.columns).map_err(err)?;
            for r in &table.rows {
                w.write_record(r.iter().map(csv_cell)).map_err(err)?;
            }
            let bytes = w.into_inner().map_err(|e| Error::Internal(e.to_string()))?;
            stdout_line(String::from_utf8_lossy(&bytes).trim_end())
        }
        OutputFormat::Json => {
            let json = serde_json::to_string_pretty(&table.records())
                .map_err(|e| Error::Internal(e.to_string()))?;
            stdout_line(&json)
        }
    }
}

fn ingest(pipeline: &Path, out: Option<&Path>, quiet: bool, options: Options) -> Result<(), Error> {
    let p = crate::config::load(pipeline)?;
    let started = std::time::Instant::now();
    let summary = crate::pipeline::ingest_warehouse(&p, out, options)?;
    let seconds = started.elapsed().as_secs_f64();
    tracing::info!(seconds, "Ingest finished");
    if quiet {
        return Ok(());
    }
    let rows = |t: &str| summary.tables.get(t).copied().unwrap_or(0);
    stdout_line(&format!(
        "Wrote {} ({} observations, {} population rows, {} units) in {seconds:.2} s",
        summary.warehouse.display(),
        rows("observations"),
        rows("population"),
        rows("countries"),
    ))
}

fn synth(options: crate::synth::Options, quiet: bool) -> Result<(), Error> {
    let started = std::time::Instant::now();
    let summary = crate::synth::write(&options)?;
    if quiet {
        return Ok(());
    }
    stdout_line(&format!(
        "Wrote {} ({} rows, {} of them Kidnapping; {} units, {} synthetic) and {} in {:.2} s",
        summary.data.display(),
        summary.rows,
        summary.kidnapping_rows,
        summary.units,
        summary.synthetic_units,
        summary.units_file.display(),
        started.elapsed().as_secs_f64(),
    ))
}
