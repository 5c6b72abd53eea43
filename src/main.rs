//! The `byline` command line: `run` (the worker), `enrich`, `schema`, `check-config`.

use std::io::{self, BufWriter};
use std::path::PathBuf;

use anyhow::Context;
use byline::batch::Batch;
use byline::enrich::Pipeline;
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "byline",
    version,
    about = "Turns raw news articles into structured events: dates, quotes, entities."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Enrich files (raw text, JSON, JSONL) or stdin to JSON lines on stdout.
    Enrich {
        /// Input files; stdin when none.
        files: Vec<PathBuf>,
        /// Size limit per article in bytes.
        #[arg(long, default_value_t = byline::article::DEFAULT_MAX_BYTES)]
        max_bytes: usize,
    },
    /// Print the JSON Schemas of the output events.
    Schema,
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Enrich { files, max_bytes } => {
            tracing_subscriber::fmt().with_writer(io::stderr).init();
            let pipeline = Pipeline::standard();
            let stdout = io::stdout().lock();
            let mut batch = Batch::new(&pipeline, BufWriter::new(stdout), max_bytes);
            if files.is_empty() {
                batch.reader(io::stdin().lock())?;
            } else {
                for f in &files {
                    batch
                        .file(f)
                        .with_context(|| format!("enriching {}", f.display()))?;
                }
            }
            let stats = batch.finish()?;
            if stats.failed > 0 {
                eprintln!(
                    "byline enrich: {} enriched, {} rejected",
                    stats.enriched, stats.failed
                );
                std::process::exit(2);
            }
        }
        Command::Schema => {
            println!(
                "{}",
                serde_json::to_string_pretty(&byline::event::schemas())?
            );
        }
    }
    Ok(())
}
