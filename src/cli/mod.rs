//! Command line: parses arguments, starts logging, calls the library, prints results.
//!
//! Takes `std::env::args`; returns the process exit code (0 ok, 1 data error, 2 usage or
//! configuration error, 3 internal error, 4 output busy, 5 environment). The only module that
//! writes to stdout/stderr.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Parser;

use crate::error::{EXIT_OK, EXIT_USAGE, Error};
use crate::pipeline::Options;
pub use print::pretty;
use print::{csv_cell, diff};

mod args;
mod print;
mod progress;
use crate::format;
use crate::query::Table;
use args::{Cli, Command, Keep, LogFormat, OutputArgs, OutputFormat, RunArgs, SynthFormat};

/// The pipeline `cargo run` uses when given no arguments.
pub const DEFAULT_PIPELINE: &str = "pipelines/ccpcj-kidnapping.yaml";

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
    let terminal = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let json = matches!(cli.log_format, LogFormat::Json);
    let drawing = progress::wanted(cli.progress, cli.quiet, json, terminal)
        .then(|| progress::start(terminal));
    let writer = progress::LogWriter(drawing.clone());
    let _ = match cli.log_format {
        LogFormat::Text => tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_writer(writer)
            .with_ansi(terminal)
            .without_time()
            .try_init(),
        LogFormat::Json => tracing_subscriber::fmt()
            .json()
            .with_env_filter(filter)
            .with_writer(writer)
            .try_init(),
    };

    let command = cli.command.unwrap_or(Command::Run(RunArgs {
        pipeline: DEFAULT_PIPELINE.into(),
        out: None,
        force: false,
        keep: Keep::default(),
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
        Command::Preview {
            pipeline,
            port,
            pdf,
            out,
            lang,
        } => preview(
            &pipeline,
            &crate::preview::Options {
                port,
                manuscripts: pdf,
                output: out,
                lang,
            },
            cli.quiet,
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
    if let Some(d) = &drawing {
        d.clear();
    }
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

/// `preview`: says where it serves and each render; the errors are in the page too.
fn preview(pipeline: &Path, options: &crate::preview::Options, quiet: bool) -> Result<(), Error> {
    use crate::preview::Event;
    crate::preview::preview(pipeline, options, &mut |event| match event {
        Event::Serving {
            url,
            folder,
            sources_changed,
        } => {
            let _ = stdout_line(&format!(
                "Preview at {url} (rendered into {}; Ctrl-C stops it)",
                folder.display()
            ));
            if sources_changed {
                tracing::warn!(
                    "The sources changed since the output was published: the preview shows the \
                     published data (run `kidnap-trends run` to read them again)"
                );
            }
        }
        Event::Rendered { seconds, queries } if !quiet => {
            let what = if queries {
                "queries and document"
            } else {
                "document"
            };
            let _ = stdout_line(&format!("Rendered the {what} in {seconds:.2} s"));
        }
        Event::Failed(e) => eprintln!("{}", render_error(e)),
        Event::Stopped if !quiet => {
            let _ = stdout_line("Preview stopped; its folder is removed");
        }
        _ => {}
    })
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
