//! The command line's arguments (clap): the commands, their options and the global flags.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use super::DEFAULT_PIPELINE;
use crate::pipeline::Options;

#[derive(Parser, Debug)]
#[command(
    name = "kidnap-trends",
    version,
    about = "Kidnapping statistics → the UNODC Executive Director's report to the CCPCJ (ECOSOC resolution 2009/24)",
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
pub(super) struct Cli {
    /// More log output on stderr (-v info, -vv debug).
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    pub(super) verbose: u8,
    /// Only errors on stderr, nothing on stdout but requested data.
    #[arg(short, long, global = true)]
    pub(super) quiet: bool,
    /// Log format on stderr: human-readable text, or one JSON object per line for schedulers.
    #[arg(long, value_enum, default_value_t = LogFormat::Text, global = true)]
    pub(super) log_format: LogFormat,
    /// Progress bars of long steps on stderr: `auto` on a terminal only (never with -q or
    /// --log-format json), `always`, or `never`.
    #[arg(long, value_enum, default_value_t = super::progress::Mode::Auto, global = true)]
    pub(super) progress: super::progress::Mode,
    #[command(subcommand)]
    pub(super) command: Option<Command>,
}

/// `--carry-over`, the same for every command that publishes (and for `plan`, which says what
/// `run` would do with it).
#[derive(clap::Args, Debug, Clone, Default)]
pub(super) struct Keep {
    /// Keep files this tool did not write in the output folder: they are carried over,
    /// unchanged, into the new output (without it such files make the command refuse;
    /// nothing the tool did not write is ever deleted).
    #[arg(long)]
    pub(super) carry_over: bool,
    /// Write the document in these of the pipeline's languages only (`--lang fr,es`; run,
    /// render and plan): the original is always written, every other language keeps its
    /// folder from the published output.
    #[arg(long, value_delimiter = ',', value_name = "LANGUAGES")]
    pub(super) lang: Vec<String>,
}

impl Keep {
    pub(super) fn options(self, force: bool) -> Options {
        Options {
            force,
            carry_over: self.carry_over,
            languages: (!self.lang.is_empty()).then_some(self.lang),
        }
    }
}

/// What `run` takes, and `plan` (which says what `run` would do with the same arguments).
#[derive(clap::Args, Debug)]
pub(super) struct RunArgs {
    /// Pipeline file.
    #[arg(default_value = DEFAULT_PIPELINE)]
    pub(super) pipeline: PathBuf,
    /// Publish here instead of the pipeline's `output`.
    #[arg(long)]
    pub(super) out: Option<PathBuf>,
    /// Run every step even when nothing changed.
    #[arg(long)]
    pub(super) force: bool,
    #[command(flatten)]
    pub(super) keep: Keep,
}

/// What `render` and `ingest` take: a pipeline and the output folder they publish.
#[derive(clap::Args, Debug)]
pub(super) struct OutputArgs {
    /// Pipeline file.
    #[arg(default_value = DEFAULT_PIPELINE)]
    pub(super) pipeline: PathBuf,
    /// The output folder to publish instead of the pipeline's `output`.
    #[arg(long)]
    pub(super) out: Option<PathBuf>,
    #[command(flatten)]
    pub(super) keep: Keep,
}

#[derive(Subcommand, Debug)]
pub(super) enum Command {
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
    /// Serve the document on 127.0.0.1 while you edit it: rendered from the published
    /// warehouse into a private folder, again at each save of the pipeline, a template, a
    /// chapter, report.yaml or a query; the open page reloads itself. Ctrl-C stops it.
    Preview {
        /// Pipeline file.
        #[arg(default_value = DEFAULT_PIPELINE)]
        pipeline: PathBuf,
        /// The port on 127.0.0.1 (default: a free one).
        #[arg(long, default_value_t = 0)]
        port: u16,
        /// Also make the Word and PDF documents at each save (slower).
        #[arg(long)]
        pdf: bool,
        /// Preview this output folder's warehouse instead of the pipeline's `output`.
        #[arg(long)]
        out: Option<PathBuf>,
        /// The document in this one of the pipeline's languages (default: the original).
        #[arg(long)]
        lang: Option<String>,
    },
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
pub(super) enum SynthFormat {
    Csv,
    Xlsx,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub(super) enum LogFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub(super) enum OutputFormat {
    Table,
    Csv,
    Json,
}
