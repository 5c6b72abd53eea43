//! The `byline` command line: `run` (the worker), `novelty`, `enrich`, `schema`, `check-config`,
//! `healthcheck`.

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
        /// Size limit per article in bytes (larger ones are reported and skipped).
        #[arg(long, default_value_t = byline::article::DEFAULT_MAX_BYTES)]
        max_bytes: usize,
        /// Size limit of one JSON array input (parsed whole).
        #[arg(long, default_value_t = byline::batch::DEFAULT_MAX_DOCUMENT_BYTES)]
        max_document_bytes: usize,
        /// Config file for the stages (`[enrich]`; default: config/byline.toml
        /// when it exists, else every stage with the bundled model).
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Print the JSON Schemas of the output events.
    Schema,
    /// Print the effective configuration (file + environment), secrets redacted.
    CheckConfig {
        /// Config file (default: config/byline.toml when it exists).
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Run the streaming worker.
    #[cfg(feature = "kafka")]
    Run(RunArgs),
    /// Run the novelty processor: reads the statements, announces each
    /// statement identity once on `statements.new`, counts sightings on
    /// `statements.seen`, gives every statement its `statement_id` on
    /// `statements.identified` (config `[novelty]`).
    #[cfg(feature = "kafka")]
    Novelty(NoveltyArgs),
    /// Ask a running worker's health endpoint; exit 0 on HTTP 200 (the
    /// image's HEALTHCHECK: the runtime image has no shell and no curl).
    Healthcheck {
        /// Address of the worker's metrics listener.
        #[arg(long, default_value = "127.0.0.1:9464")]
        addr: String,
        /// Path to ask (`/healthz`: alive, `/readyz`: ready).
        #[arg(long, default_value = "/healthz")]
        path: String,
    },
    /// Train the entity tagger on CoNLL-format files (deterministic for a seed).
    TrainEntities {
        /// Training files (`word ... TAG` per line, `-DOCSTART-` between documents).
        #[arg(long, required = true, num_args = 1..)]
        train: Vec<PathBuf>,
        /// Dev file: scored after every epoch; the best epoch is kept.
        #[arg(long)]
        dev: PathBuf,
        /// Where to write the model.
        #[arg(long)]
        out: PathBuf,
        /// Brown clusters (`word<TAB>path`), stored inside the model.
        #[arg(long, default_value = "data/entities/brown_clusters.tsv")]
        clusters: PathBuf,
        /// Passes over the training data.
        #[arg(long, default_value_t = 12)]
        epochs: usize,
        /// Seed of the sentence order.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

/// Flags both service roles take (they override the file and the
/// environment).
#[cfg(feature = "kafka")]
#[derive(clap::Args)]
struct ServiceArgs {
    /// Config file (default: config/byline.toml when it exists).
    #[arg(long)]
    config: Option<PathBuf>,
    /// HTTP address of /metrics, /healthz, /readyz.
    #[arg(long)]
    metrics_listen: Option<String>,
    /// Kafka bootstrap servers.
    #[arg(long)]
    brokers: Option<String>,
    /// Log format: text or json.
    #[arg(long)]
    log_format: Option<String>,
}

/// Flags of `byline run`.
#[cfg(feature = "kafka")]
#[derive(clap::Args)]
struct RunArgs {
    #[command(flatten)]
    service: ServiceArgs,
    /// Start an in-process Kafka-protocol broker, publish the bundled samples
    /// and print the outputs as they arrive.
    #[arg(long)]
    embedded: bool,
    /// With --embedded: exit once every sample is processed.
    #[arg(long)]
    exit_when_done: bool,
}

/// Flags of `byline novelty`.
#[cfg(feature = "kafka")]
#[derive(clap::Args)]
struct NoveltyArgs {
    #[command(flatten)]
    service: ServiceArgs,
}

/// The config file and environment, then the flags, validated; logging
/// set up from it.
#[cfg(feature = "kafka")]
fn effective_config(args: ServiceArgs) -> anyhow::Result<byline::config::Config> {
    let mut config = byline::config::Config::load(args.config.as_deref())?;
    if let Some(b) = args.brokers {
        config.kafka.brokers = b;
    }
    if let Some(l) = args.metrics_listen {
        config.metrics.listen = l;
    }
    if let Some(f) = args.log_format {
        config.log.format = f;
    }
    config.validate()?;
    byline::telemetry::init_logs(&config.log.format, &config.log.level);
    Ok(config)
}

/// Serve `/metrics`, `/healthz` and `/readyz` for a service role; the
/// readiness it reports is the returned `Health`.
#[cfg(feature = "kafka")]
async fn serve_telemetry(
    config: &byline::config::Config,
    metrics: &std::sync::Arc<byline::telemetry::Metrics>,
) -> anyhow::Result<std::sync::Arc<byline::telemetry::Health>> {
    use byline::internal_events::{InternalEvent, ServingMetrics};
    let health = std::sync::Arc::new(byline::telemetry::Health::default());
    let (addr, server) =
        byline::telemetry::serve(&config.metrics.listen, metrics.clone(), health.clone()).await?;
    tokio::spawn(server);
    ServingMetrics { addr }.emit();
    Ok(health)
}

/// `byline novelty`: the processor, with metrics, health and the signals.
#[cfg(feature = "kafka")]
#[tokio::main]
async fn novelty(args: NoveltyArgs) -> anyhow::Result<()> {
    let signal = shutdown_signal()?;
    use std::sync::Arc;

    use byline::internal_events::{InternalEvent, ShutdownSignalReceived};
    use byline::telemetry::Metrics;

    let config = effective_config(args.service)?;
    let n = &config.novelty;
    let metrics = Arc::new(Metrics::new()?);
    metrics.init_topics(
        &[
            config.kafka.statements_topic.clone(),
            n.repartition_topic.clone(),
        ],
        &n.output_topics(),
    );
    let health = serve_telemetry(&config, &metrics).await?;
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    tokio::spawn(async move {
        signal.await;
        ShutdownSignalReceived.emit();
        let _ = stop_tx.send(true);
    });
    tokio::spawn(async move {
        byline::novelty::processor::run(&config, metrics, health, stop_rx).await
    })
    .await??;
    Ok(())
}

/// GET `path` from `addr` with a 2 s bound on each step; Ok on HTTP 200.
fn healthcheck(addr: &str, path: &str) -> anyhow::Result<()> {
    use std::io::{Read, Write};
    use std::net::ToSocketAddrs;
    let timeout = std::time::Duration::from_secs(2);
    let sock = addr
        .to_socket_addrs()
        .with_context(|| format!("resolving {addr}"))?
        .next()
        .with_context(|| format!("no address for {addr}"))?;
    let mut stream = std::net::TcpStream::connect_timeout(&sock, timeout)
        .with_context(|| format!("connecting to {addr}"))?;
    stream.set_read_timeout(Some(timeout))?;
    stream.set_write_timeout(Some(timeout))?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nhost: {addr}\r\nconnection: close\r\n\r\n"
    )?;
    let mut head = [0u8; 64];
    let n = stream.read(&mut head)?;
    let status = String::from_utf8_lossy(head.get(..n).unwrap_or_default()).into_owned();
    let line = status.lines().next().unwrap_or_default();
    anyhow::ensure!(
        line.split_whitespace().nth(1) == Some("200"),
        "{addr}{path} answered {line:?}"
    );
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Healthcheck { addr, path } => healthcheck(&addr, &path)?,
        Command::Enrich {
            files,
            max_bytes,
            max_document_bytes,
            config,
        } => {
            byline::telemetry::init_logs("text", "warn");
            let config = byline::config::Config::load(config.as_deref())?;
            let pipeline = Pipeline::from_config(&config.enrich)?;
            let stdout = io::stdout().lock();
            let mut batch = Batch::new(&pipeline, BufWriter::new(stdout), max_bytes)
                .with_max_document_bytes(max_document_bytes);
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
        Command::TrainEntities {
            train,
            dev,
            out,
            clusters,
            epochs,
            seed,
        } => train_entities(&train, &dev, &out, &clusters, epochs, seed)?,
        Command::CheckConfig { config } => {
            let c = byline::config::Config::load(config.as_deref())?;
            print!("{}", c.redacted_toml());
        }
        #[cfg(feature = "kafka")]
        Command::Run(args) => run(args)?,
        #[cfg(feature = "kafka")]
        Command::Novelty(args) => novelty(args)?,
        Command::Schema => {
            println!(
                "{}",
                serde_json::to_string_pretty(&byline::event::schemas())?
            );
        }
    }
    Ok(())
}

/// `byline train-entities`: read, train with per-epoch progress, write.
fn train_entities(
    train: &[PathBuf],
    dev: &std::path::Path,
    out: &std::path::Path,
    clusters: &std::path::Path,
    epochs: usize,
    seed: u64,
) -> anyhow::Result<()> {
    use byline::enrich::entities::model::{features::Clusters, train as t};
    let started = std::time::Instant::now();
    let mut docs = Vec::new();
    for f in train {
        docs.extend(t::read_conll(f)?);
    }
    let dev_docs = t::read_conll(dev)?;
    let src = std::fs::read_to_string(clusters)
        .with_context(|| format!("reading {}", clusters.display()))?;
    let clusters = Clusters::parse(&src)?;
    eprintln!(
        "train-entities: {} training documents, {} dev documents, {} cluster words",
        docs.len(),
        dev_docs.len(),
        clusters.len()
    );
    let kb = byline::enrich::entities::gazetteer::Knowledge::load();
    let opts = t::Options { epochs, seed };
    let (model, report) = t::train(&kb, clusters, &docs, &dev_docs, &opts, |e| {
        let pass = match e.pass {
            t::Pass::First => "first pass".to_string(),
            t::Pass::Fold(k, n) => format!("fold {k}/{n}"),
            t::Pass::Second => "second pass".to_string(),
        };
        let dev = if matches!(e.pass, t::Pass::Fold(..)) {
            String::new()
        } else {
            format!(
                ", dev F1 {:.2} (P {:.2} R {:.2})",
                e.dev.f1(),
                100.0 * e.dev.correct as f64 / e.dev.predicted.max(1) as f64,
                100.0 * e.dev.correct as f64 / e.dev.gold.max(1) as f64,
            )
        };
        eprintln!(
            "{pass} epoch {:>2}: {} of {} training sentences wrong{dev}, {:.0} s",
            e.epoch,
            e.train_errors,
            e.train_sentences,
            started.elapsed().as_secs_f64()
        );
    })?;
    let bytes = model.to_bytes();
    std::fs::write(out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    eprintln!(
        "train-entities: kept first-pass epoch {} (dev F1 {:.2}) and second-pass epoch {} (dev F1 {:.2}); wrote {} ({} bytes)",
        report.first.epoch,
        report.first.dev.f1(),
        report.second.epoch,
        report.second.dev.f1(),
        out.display(),
        bytes.len()
    );
    Ok(())
}

// One async worker thread: the enrichment runs on its own threads (one per
// core, `worker/record.rs`) and librdkafka does its I/O on its own, so what
// is left on the runtime (reading records, ordering outputs, awaiting acks,
// the HTTP endpoint) is light; a second worker thread only added wake-ups
// between the two (whole-worker benchmark: about 5% more articles per
// worker CPU-second with one). The revoke drain's `block_in_place` still
// works: it hands the runtime to another thread while it waits.
#[cfg(feature = "kafka")]
#[tokio::main(flavor = "multi_thread", worker_threads = 1)]
async fn run(args: RunArgs) -> anyhow::Result<()> {
    // First: a SIGTERM during startup must not kill the process uncleanly.
    let signal = shutdown_signal()?;
    use std::sync::Arc;

    use byline::internal_events::{
        EmbeddedBrokerStarted, EmbeddedOutputsPrinted, EnrichmentStages, InternalEvent,
        ShutdownSignalReceived,
    };
    use byline::kafka::embedded;
    use byline::telemetry::Metrics;

    let mut config = effective_config(args.service)?;
    EnrichmentStages {
        stages: &config.enrich.stages,
    }
    .emit();
    // Before any connection: a bad entity model stops start-up here.
    let pipeline = Arc::new(Pipeline::from_config(&config.enrich)?);

    let metrics = Arc::new(Metrics::new()?);
    metrics.init_topics(
        &config.kafka.input_topics,
        &[
            config.kafka.output_topic.as_str(),
            config.kafka.statements_topic.as_str(),
            config.kafka.dlq_topic.as_str(),
        ],
    );
    let health = serve_telemetry(&config, &metrics).await?;

    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let stop = Arc::new(stop_tx);
    {
        let stop = stop.clone();
        tokio::spawn(async move {
            signal.await;
            ShutdownSignalReceived.emit();
            let _ = stop.send(true);
        });
    }

    // Kept alive until the worker stopped: dropping it stops the brokers.
    let _cluster = if args.embedded {
        let cluster = embedded::Embedded::start(&config, 1)?;
        config.kafka.brokers = cluster.brokers();
        // The in-process cluster speaks plaintext only.
        config.kafka.security = Default::default();
        byline::kafka::consumer::use_test_broker_fetch_wait(&mut config);
        let samples = embedded::samples();
        EmbeddedBrokerStarted {
            brokers: &config.kafka.brokers,
            samples: samples.len(),
        }
        .emit();
        let input = config
            .kafka
            .input_topics
            .first()
            .cloned()
            .unwrap_or_default();
        embedded::publish(&config.kafka.brokers, &input, &samples, &[]).await?;
        let (printer_config, stop, expected) = (config.clone(), stop.clone(), samples.len());
        let exit = args.exit_when_done;
        tokio::spawn(async move {
            let result = embedded::print_outputs(&printer_config, expected).await;
            EmbeddedOutputsPrinted {
                samples: expected,
                result: &result,
            }
            .emit();
            if exit {
                let _ = stop.send(true);
            }
        });
        Some(cluster)
    } else {
        None
    };

    // On a runtime worker thread (not the block_on thread), so the revoke
    // callback can hand its thread's tasks over while it waits for the drain.
    let summary = tokio::spawn(async move {
        byline::worker::run(&config, pipeline, metrics, health, stop_rx).await
    })
    .await??;
    if summary.abandoned > 0 {
        std::process::exit(3);
    }
    Ok(())
}

/// Resolves on SIGINT (Ctrl-C) or SIGTERM. The handlers are registered
/// before this returns, so a signal sent right after start is not missed.
#[cfg(feature = "kafka")]
fn shutdown_signal() -> std::io::Result<impl std::future::Future<Output = ()>> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let mut term = signal(SignalKind::terminate())?;
        let mut int = signal(SignalKind::interrupt())?;
        Ok(async move {
            tokio::select! {
                _ = int.recv() => {}
                _ = term.recv() => {}
            }
        })
    }
    #[cfg(not(unix))]
    {
        Ok(async {
            let _ = tokio::signal::ctrl_c().await;
        })
    }
}
