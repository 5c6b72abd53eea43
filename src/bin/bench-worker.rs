//! Whole-worker benchmark and soak against a real broker (issues 8 and 7).
//!
//! Runs the released `byline run` as a child process against a Kafka broker
//! (tansu from `scripts/broker.sh` in `scripts/bench-worker.sh`) and measures
//! it from the outside, as an operator would:
//!
//! - **backlog**: `--backlog N` real articles (the MEANTIME corpus and the
//!   bundled samples, repeated with fresh ids) are produced before the worker
//!   starts; reported: article events per second from the first to the last
//!   event out, articles per worker CPU-second (user + system of the
//!   whole process, start-up included), and the worker's peak RSS (`VmHWM`);
//! - **the worker's own cost**: with a backlog and stages, the enrichment
//!   alone is timed in this process on one thread over the same articles,
//!   for `--enrich-only-secs` of that thread's CPU right before the worker
//!   starts and again right after it stops (averaged: the machine is
//!   shared, and what else runs changes during a run): the stages alone
//!   (criterion's `enrichment/all_stages`, the reference) and decode +
//!   stages + serialize of every output; the worker's articles per
//!   CPU-second are reported as a share of the stages alone;
//! - **offered load**: `--rate R --duration S` produces R articles/s at a
//!   steady pace while the worker runs; reported: end-to-end latency from
//!   the input record's creation to its article event (and each statement)
//!   being readable by a consumer, p50/p99/max;
//! - **soak**: both, long, with throughput, latency and RSS sampled every
//!   `--sample-secs` and a verdict on memory flatness.
//!
//! `--suite` runs the standard comparison: backlog and 1,000 articles/s with
//! all stages, then the same with `enrich.stages = []` (pass-through: decode
//! and produce only, the ceiling the broker and client allow on this
//! machine), and prints each figure with its ratio to the ceiling.
//!
//! A measuring tool, not a data path: errors are reported with `anyhow`, and
//! the run fails when an article event does not come out.

use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::{bail, Context};
use clap::Parser;
use rdkafka::admin::{AdminClient, AdminOptions, NewTopic, TopicReplication};
use rdkafka::client::DefaultClientContext;
use rdkafka::config::ClientConfig;
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::message::{DeliveryResult, Message};
use rdkafka::producer::{BaseRecord, Producer, ProducerContext, ThreadedProducer};
use rdkafka::{ClientContext, Offset, TopicPartitionList};

/// Command line.
#[derive(Parser, Clone, Debug)]
#[command(
    name = "bench-worker",
    about = "Whole-worker benchmark and soak of `byline run` against a real broker."
)]
struct Args {
    /// Kafka bootstrap servers.
    #[arg(long, env = "BYLINE_TEST_BROKERS")]
    brokers: String,
    /// The worker binary.
    #[arg(long, default_value = "target/release/byline")]
    byline: PathBuf,
    /// JSON-lines corpora (`id`, `published_at`, `body`, ...), repeated with fresh ids.
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "data/corpus/meantime-full.jsonl,data/samples/articles.jsonl"
    )]
    corpus: Vec<PathBuf>,
    /// Run the standard suite (backlog + offered load, all stages vs pass-through).
    #[arg(long)]
    suite: bool,
    /// Articles produced before the worker starts.
    #[arg(long, default_value_t = 0)]
    backlog: usize,
    /// Offered load after the backlog is drained, articles/s (0: none).
    #[arg(long, default_value_t = 0)]
    rate: u64,
    /// Seconds the offered load lasts.
    #[arg(long, default_value_t = 10)]
    duration: u64,
    /// Enrichment stages, comma-separated; empty for pass-through.
    #[arg(long, default_value = "dates,entities,quotes")]
    stages: String,
    /// Partitions of every topic.
    #[arg(long, default_value_t = 3)]
    partitions: i32,
    /// Seconds between RSS / throughput / latency samples.
    #[arg(long, default_value_t = 5)]
    sample_secs: u64,
    /// Extra worker environment, `KEY=VALUE` (repeatable), e.g.
    /// `BYLINE_KAFKA__PRODUCER_PROPERTIES__LINGER.MS=20`.
    #[arg(long = "worker-env")]
    worker_env: Vec<String>,
    /// `linger.ms` of the input producer under the offered load (a real
    /// upstream batches too; 0 sends one request per article).
    #[arg(long, default_value_t = 5)]
    input_linger_ms: u64,
    /// `fetch.wait.max.ms` of the output reader: bounds what the reader
    /// adds to the measured latency, and its empty fetches load the broker.
    #[arg(long, default_value_t = 5)]
    reader_wait_ms: u64,
    /// The broker's pid, to report its CPU time.
    #[arg(long)]
    broker_pid: Option<u32>,
    /// Directory for the worker logs.
    #[arg(long, default_value = "target/bench")]
    out_dir: PathBuf,
    /// Also write the figures as JSON here.
    #[arg(long)]
    json: Option<PathBuf>,
    /// Thread CPU seconds each part of the in-process enrichment-only
    /// reference runs for (before and after the worker, with a backlog and
    /// stages); 0 skips it.
    #[arg(long, default_value_t = 2.0)]
    enrich_only_secs: f64,
}

/// Figures of one run.
#[derive(Clone, Debug, Default, serde::Serialize)]
struct Figures {
    /// Run label.
    label: String,
    /// Stages the worker ran.
    stages: String,
    /// Backlog size.
    backlog: usize,
    /// Article events per second while draining the backlog (from the 10th
    /// percentile of the outputs to the last).
    backlog_rate: Option<f64>,
    /// Input MB per second while draining the backlog.
    backlog_mb_s: Option<f64>,
    /// Seconds from worker start to the last backlog event out.
    backlog_wall_s: Option<f64>,
    /// Offered load, articles/s.
    rate: u64,
    /// Articles produced under the offered load.
    load_articles: usize,
    /// Article events per second received during the offered load.
    load_rate: Option<f64>,
    /// Article event end-to-end latency quantiles in ms: p50, p99, max.
    article_ms: Option<[f64; 3]>,
    /// Statement end-to-end latency quantiles in ms: p50, p99, max.
    statement_ms: Option<[f64; 3]>,
    /// Statements received.
    statements: usize,
    /// Article events received more than once (at-least-once duplicates).
    duplicates: usize,
    /// Worker CPU seconds (user + system) over the whole run.
    worker_cpu_s: Option<f64>,
    /// Broker CPU seconds over the whole run (with `--broker-pid`).
    broker_cpu_s: Option<f64>,
    /// Backlog articles per worker CPU-second: throughput independent of
    /// what else shares the machine.
    backlog_per_cpu_s: Option<f64>,
    /// The stages alone in this process on one thread over the same
    /// articles (criterion's `enrichment/all_stages`), articles per
    /// CPU-second of that thread; the mean of a run right before and one
    /// right after the worker.
    enrich_only_per_cpu_s: Option<f64>,
    /// Decode + stages + serialize of the article event and its statements
    /// alone, the same way (what the worker computes per record), articles
    /// per CPU-second.
    enrich_serialize_per_cpu_s: Option<f64>,
    /// `backlog_per_cpu_s` as a share of `enrich_only_per_cpu_s`, percent.
    worker_vs_enrich_pct: Option<f64>,
    /// Worker peak RSS (VmHWM), MB.
    peak_rss_mb: Option<f64>,
    /// RSS samples over time: (seconds since worker start, MB).
    rss_mb: Vec<(f64, f64)>,
    /// Soak memory verdict: mean RSS growth from the first to the last third
    /// of the offered-load samples, percent.
    rss_growth_pct: Option<f64>,
    /// Mean RSS of the first, middle and last third of the offered-load
    /// samples, MB.
    rss_thirds_mb: Option<[f64; 3]>,
}

/// One output record seen by the collector.
#[derive(Clone, Copy)]
struct Seen {
    /// Microseconds since the bench start when it was read.
    at_us: u64,
    /// Input index of its article.
    index: usize,
    /// Whether it is an article event (else a statement).
    article: bool,
}

/// What the collector thread shares.
struct Collector {
    /// Everything seen, in order.
    seen: Mutex<Vec<Seen>>,
    /// Distinct article events seen.
    articles: AtomicU64,
    /// Per input index: times its article event was seen.
    counts: Vec<AtomicU64>,
    /// Stop flag.
    stop: AtomicBool,
}

/// Counts delivery failures of the input producer.
#[derive(Default)]
struct CountingCtx {
    /// Failed deliveries.
    failed: AtomicU64,
}

impl ClientContext for CountingCtx {}

impl ProducerContext for CountingCtx {
    type DeliveryOpaque = ();
    fn delivery(&self, r: &DeliveryResult<'_>, _: ()) {
        if r.is_err() {
            self.failed.fetch_add(1, Ordering::Relaxed);
        }
    }
}

/// The corpus as JSON objects.
fn load_corpus(
    paths: &[PathBuf],
) -> anyhow::Result<Vec<serde_json::Map<String, serde_json::Value>>> {
    let mut v = Vec::new();
    for p in paths {
        let f = std::fs::File::open(p).with_context(|| format!("opening {}", p.display()))?;
        for line in std::io::BufReader::new(f).lines() {
            let line = line?;
            if line.trim().is_empty() {
                continue;
            }
            if let serde_json::Value::Object(o) = serde_json::from_str(&line)? {
                v.push(o);
            }
        }
    }
    if v.is_empty() {
        bail!("empty corpus");
    }
    Ok(v)
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// `VmRSS` and `VmHWM` of `pid`, MB.
fn rss(pid: u32) -> Option<(f64, f64)> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let field = |name: &str| {
        s.lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<f64>().ok())
            .map(|kb| kb / 1024.0)
    };
    Some((field("VmRSS:")?, field("VmHWM:")?))
}

/// User + system CPU seconds of `pid` so far.
fn cpu_secs(pid: u32) -> Option<f64> {
    stat_cpu_secs(&format!("/proc/{pid}/stat"))
}

/// User + system CPU seconds of the calling thread so far.
fn thread_cpu_secs() -> Option<f64> {
    stat_cpu_secs("/proc/thread-self/stat")
}

/// User + system CPU seconds of a `/proc/.../stat` file (clock ticks of 10 ms).
fn stat_cpu_secs(path: &str) -> Option<f64> {
    let s = std::fs::read_to_string(path).ok()?;
    // Fields after the `(comm)`: state is 3rd overall, utime 14th, stime 15th.
    let rest = s.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok());
    Some((ticks(11)? + ticks(12)?) / 100.0)
}

/// The enrichment alone over the same articles the worker reads (the
/// corpus, encoded as the bench produces them), on this thread, in this
/// run: the reference the worker's articles per CPU-second are compared
/// with. Returns articles per thread CPU-second for the stages alone and
/// for decode + stages + serialize of every output (article event and
/// statements, as the worker builds them); each runs whole passes over the
/// corpus until `secs` of thread CPU, after one untimed warm-up pass.
fn enrichment_only(
    corpus: &[serde_json::Map<String, serde_json::Value>],
    stages: &str,
    secs: f64,
) -> anyhow::Result<(f64, f64)> {
    use byline::article::{self, RecordContext};
    use byline::event::{Processing, SourceRecord};
    let config = byline::config::EnrichConfig {
        stages: stages
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect(),
        ..Default::default()
    };
    let pipeline = byline::enrich::Pipeline::from_config(&config)?;
    let raw: Vec<Vec<u8>> = corpus
        .iter()
        .map(serde_json::to_vec)
        .collect::<Result<_, _>>()?;
    let max = article::DEFAULT_MAX_BYTES;
    let decoded: Vec<article::Article> = raw
        .iter()
        .map(|r| article::decode(r, RecordContext::default(), max))
        .collect::<Result<_, _>>()?;
    let stages_pass = || {
        decoded
            .iter()
            .map(|a| {
                let e = pipeline.run(a);
                e.dates.len() + e.entities.len() + e.quotes.len()
            })
            .sum::<usize>()
    };
    let full_pass = || -> anyhow::Result<usize> {
        let mut n = 0;
        for (i, r) in raw.iter().enumerate() {
            let a = article::decode(r, RecordContext::default(), max)?;
            let e = pipeline.run(&a);
            let processing = Processing {
                byline_version: byline::VERSION.into(),
                processed_at: byline::now_rfc3339(),
                source: Some(SourceRecord {
                    topic: "in".into(),
                    partition: 0,
                    offset: i as i64,
                }),
            };
            let event = byline::enrich::build_event(&a, e, processing);
            let encoded = byline::event::encode(&event)?;
            n += encoded.article.1.len()
                + encoded.statements.iter().map(|s| s.1.len()).sum::<usize>();
        }
        Ok(n)
    };
    let rate = |pass: &mut dyn FnMut() -> anyhow::Result<usize>| -> anyhow::Result<f64> {
        std::hint::black_box(pass()?);
        let cpu0 = thread_cpu_secs().context("thread CPU time")?;
        let mut articles = 0usize;
        loop {
            std::hint::black_box(pass()?);
            articles += raw.len();
            let cpu = thread_cpu_secs().context("thread CPU time")? - cpu0;
            if cpu >= secs {
                return Ok(articles as f64 / cpu);
            }
        }
    };
    let stages_rate = rate(&mut || Ok(stages_pass()))?;
    let full_rate = rate(&mut || full_pass())?;
    Ok((stages_rate, full_rate))
}

fn quantiles(mut v: Vec<u64>) -> Option<[f64; 3]> {
    if v.is_empty() {
        return None;
    }
    v.sort_unstable();
    let q = |p: f64| {
        let i = ((v.len() as f64 * p).ceil() as usize).clamp(1, v.len()) - 1;
        v.get(i).copied().unwrap_or_default() as f64 / 1000.0
    };
    Some([
        q(0.5),
        q(0.99),
        v.last().copied().unwrap_or_default() as f64 / 1000.0,
    ])
}

/// One run: fresh topics, the worker as a child, backlog then offered load.
struct Run<'a> {
    /// Options.
    args: &'a Args,
    /// Label.
    label: String,
    /// Corpus.
    corpus: &'a [serde_json::Map<String, serde_json::Value>],
    /// Bench start.
    t0: Instant,
    /// Unique prefix of topics, group and ids.
    id: String,
    /// Send time of every input, µs since `t0`.
    sent_us: Vec<AtomicU64>,
    /// Input bytes produced.
    bytes: AtomicU64,
}

impl Run<'_> {
    fn topic(&self, name: &str) -> String {
        format!("bench-{}-{name}", self.id)
    }

    fn article(&self, i: usize) -> anyhow::Result<Vec<u8>> {
        let n = self.corpus.len();
        let mut o = self.corpus.get(i % n).cloned().context("corpus index")?;
        o.insert("id".into(), format!("{}-{i}", self.id).into());
        Ok(serde_json::to_vec(&o)?)
    }

    fn produce(&self, p: &ThreadedProducer<CountingCtx>, i: usize) -> anyhow::Result<()> {
        let value = self.article(i)?;
        let key = format!("{}-{i}", self.id);
        let topic = self.topic("in");
        self.bytes.fetch_add(value.len() as u64, Ordering::Relaxed);
        if let Some(s) = self.sent_us.get(i) {
            s.store(self.t0.elapsed().as_micros() as u64, Ordering::Relaxed);
        }
        let mut rec = BaseRecord::to(&topic)
            .key(&key)
            .payload(&value)
            .timestamp(now_ms());
        loop {
            match p.send(rec) {
                Ok(()) => return Ok(()),
                Err((e, r))
                    if e.rdkafka_error_code()
                        == Some(rdkafka::types::RDKafkaErrorCode::QueueFull) =>
                {
                    std::thread::sleep(Duration::from_millis(1));
                    rec = r;
                }
                Err((e, _)) => bail!("produce: {e}"),
            }
        }
    }

    async fn create_topics(&self) -> anyhow::Result<()> {
        let admin: AdminClient<DefaultClientContext> = ClientConfig::new()
            .set("bootstrap.servers", &self.args.brokers)
            .create()?;
        let names: Vec<String> = ["in", "out", "st", "dlq"]
            .iter()
            .map(|n| self.topic(n))
            .collect();
        let topics: Vec<NewTopic<'_>> = names
            .iter()
            .map(|t| NewTopic::new(t, self.args.partitions, TopicReplication::Fixed(1)))
            .collect();
        let opts = AdminOptions::new().request_timeout(Some(Duration::from_secs(10)));
        for r in admin.create_topics(&topics, &opts).await? {
            if let Err((t, e)) = r {
                bail!("creating topic {t}: {e}");
            }
        }
        Ok(())
    }

    /// The output reader: assigned every partition of the article and
    /// statement topics from the beginning (no group join delay).
    fn collector(
        &self,
        total: usize,
    ) -> anyhow::Result<(Arc<Collector>, std::thread::JoinHandle<()>)> {
        let consumer: BaseConsumer = ClientConfig::new()
            .set("bootstrap.servers", &self.args.brokers)
            .set("group.id", format!("bench-{}-reader", self.id))
            .set("enable.auto.commit", "false")
            .set("fetch.wait.max.ms", self.args.reader_wait_ms.to_string())
            .set("fetch.min.bytes", "1")
            .create()?;
        let mut tpl = TopicPartitionList::new();
        let (out, st) = (self.topic("out"), self.topic("st"));
        for t in [&out, &st] {
            for p in 0..self.args.partitions {
                tpl.add_partition_offset(t, p, Offset::Beginning)?;
            }
        }
        consumer.assign(&tpl)?;
        let c = Arc::new(Collector {
            seen: Mutex::new(Vec::with_capacity(total * 2)),
            articles: AtomicU64::new(0),
            counts: (0..total).map(|_| AtomicU64::new(0)).collect(),
            stop: AtomicBool::new(false),
        });
        let (shared, t0, prefix) = (c.clone(), self.t0, format!("{}-", self.id));
        let handle = std::thread::spawn(move || {
            #[derive(serde::Deserialize)]
            struct Statement {
                article_id: String,
            }
            let index = |id: &str| {
                id.strip_prefix(&prefix)
                    .and_then(|i| i.parse::<usize>().ok())
            };
            while !shared.stop.load(Ordering::Relaxed) {
                let Some(Ok(m)) = consumer.poll(Duration::from_millis(50)) else {
                    continue;
                };
                let at_us = t0.elapsed().as_micros() as u64;
                let article = m.topic() == out;
                let i = if article {
                    m.key()
                        .and_then(|k| std::str::from_utf8(k).ok())
                        .and_then(index)
                } else {
                    m.payload()
                        .and_then(|p| serde_json::from_slice::<Statement>(p).ok())
                        .and_then(|s| index(&s.article_id))
                };
                let Some(i) = i else { continue };
                if article {
                    if let Some(n) = shared.counts.get(i) {
                        if n.fetch_add(1, Ordering::Relaxed) == 0 {
                            shared.articles.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                }
                if let Ok(mut s) = shared.seen.lock() {
                    s.push(Seen {
                        at_us,
                        index: i,
                        article,
                    });
                }
            }
        });
        Ok((c, handle))
    }

    fn start_worker(&self) -> anyhow::Result<Child> {
        let stages: Vec<String> = self
            .args
            .stages
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| format!("{s:?}"))
            .collect();
        std::fs::create_dir_all(&self.args.out_dir)?;
        let log = std::fs::File::create(self.args.out_dir.join(format!("{}.log", self.label)))?;
        let mut cmd = Command::new(&self.args.byline);
        cmd.arg("run")
            .env("BYLINE_KAFKA__BROKERS", &self.args.brokers)
            .env("BYLINE_KAFKA__GROUP_ID", format!("bench-{}", self.id))
            .env("BYLINE_KAFKA__INPUT_TOPICS", self.topic("in"))
            .env("BYLINE_KAFKA__OUTPUT_TOPIC", self.topic("out"))
            .env("BYLINE_KAFKA__STATEMENTS_TOPIC", self.topic("st"))
            .env("BYLINE_KAFKA__DLQ_TOPIC", self.topic("dlq"))
            .env("BYLINE_METRICS__LISTEN", "127.0.0.1:0")
            .env("BYLINE_LOG__LEVEL", "warn")
            .env("BYLINE_ENRICH__STAGES", format!("[{}]", stages.join(",")))
            // tansu holds every empty fetch for the full wait (see
            // TEST_BROKER_FETCH_WAIT_MS); --worker-env can override it.
            .env(
                "BYLINE_KAFKA__CONSUMER_PROPERTIES__FETCH.WAIT.MAX.MS",
                byline::kafka::consumer::TEST_BROKER_FETCH_WAIT_MS,
            );
        for kv in &self.args.worker_env {
            let (k, v) = kv.split_once('=').context("--worker-env takes KEY=VALUE")?;
            cmd.env(k, v);
        }
        cmd.stdin(Stdio::null())
            .stdout(log.try_clone()?)
            .stderr(log);
        cmd.spawn()
            .with_context(|| format!("starting {}", self.args.byline.display()))
    }

    /// Time the enrichment alone ([`enrichment_only`]) and print it.
    fn reference(&self, when: &str) -> anyhow::Result<(f64, f64)> {
        let a = self.args;
        let (stages, full) = enrichment_only(self.corpus, &a.stages, a.enrich_only_secs)?;
        eprintln!(
            "[{}] enrichment alone on one thread, {when}: {stages:.0} articles per CPU-second (stages), {full:.0} (decode + stages + serialize)",
            self.label
        );
        Ok((stages, full))
    }

    /// Wait until `n` distinct article events were seen, or `timeout`.
    fn wait_articles(&self, c: &Collector, n: u64, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        while c.articles.load(Ordering::Relaxed) < n {
            if Instant::now() > deadline {
                return false;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        true
    }

    fn execute(&self) -> anyhow::Result<Figures> {
        let a = self.args;
        let warmup = if a.backlog == 0 { 20 } else { 0 };
        let load = (a.rate * a.duration) as usize;
        let total = a.backlog + warmup + load;
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        rt.block_on(self.create_topics())?;
        let (collector, reader) = self.collector(total)?;
        let producer: ThreadedProducer<CountingCtx> = ClientConfig::new()
            .set("bootstrap.servers", &a.brokers)
            .set("linger.ms", a.input_linger_ms.to_string())
            .set("queue.buffering.max.kbytes", "262144")
            .create_with_context(CountingCtx::default())?;
        let mut f = Figures {
            label: self.label.clone(),
            stages: if a.stages.is_empty() {
                "(pass-through)".into()
            } else {
                a.stages.clone()
            },
            backlog: a.backlog,
            rate: a.rate,
            load_articles: load,
            ..Figures::default()
        };

        // Backlog (or warm-up articles that wait for the worker to join).
        for i in 0..a.backlog + warmup {
            self.produce(&producer, i)?;
        }
        producer.flush(Duration::from_secs(120))?;
        eprintln!("[{}] {} articles produced", self.label, a.backlog + warmup);
        // The reference the worker's articles per CPU-second are compared
        // with: timed right before the worker and again right after it,
        // and averaged, so that a change in what else runs on the shared
        // machine during the run weighs on both sides alike.
        let reference = a.backlog > 0 && !a.stages.trim().is_empty() && a.enrich_only_secs > 0.0;
        let before = if reference {
            Some(self.reference("before the worker")?)
        } else {
            None
        };
        eprintln!("[{}] starting the worker", self.label);

        let broker_cpu0 = a.broker_pid.and_then(cpu_secs);
        let mut child = self.start_worker()?;
        let pid = child.id();
        let worker_t0 = self.t0.elapsed();
        let samples: Arc<Mutex<Vec<(f64, f64)>>> = Arc::default();
        let sampling = Arc::new(AtomicBool::new(true));
        let sampler = {
            let (samples, sampling, t0, every) = (
                samples.clone(),
                sampling.clone(),
                self.t0,
                a.sample_secs.max(1),
            );
            std::thread::spawn(move || {
                let mut next = Instant::now();
                while sampling.load(Ordering::Relaxed) {
                    if Instant::now() >= next {
                        if let (Some((r, _)), Ok(mut s)) = (rss(pid), samples.lock()) {
                            s.push((t0.elapsed().as_secs_f64(), r));
                        }
                        next += Duration::from_secs(every);
                    }
                    std::thread::sleep(Duration::from_millis(100));
                }
            })
        };
        let result = self.drive(
            &collector, &producer, &mut f, worker_t0, warmup, load, &samples, pid,
        );
        f.peak_rss_mb = rss(pid).map(|(_, hwm)| hwm);
        f.worker_cpu_s = cpu_secs(pid);
        if let (Some(b0), Some(b1)) = (broker_cpu0, a.broker_pid.and_then(cpu_secs)) {
            f.broker_cpu_s = Some(b1 - b0);
        }
        // Graceful stop (SIGTERM): the worker drains and commits.
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(pid.to_string())
            .status();
        let deadline = Instant::now() + Duration::from_secs(30);
        while child.try_wait()?.is_none() {
            if Instant::now() > deadline {
                child.kill()?;
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        sampling.store(false, Ordering::Relaxed);
        let _ = sampler.join();
        collector.stop.store(true, Ordering::Relaxed);
        let _ = reader.join();
        result?;
        if let Some((s0, f0)) = before {
            let (s1, f1) = self.reference("after the worker")?;
            let stages = (s0 + s1) / 2.0;
            f.enrich_only_per_cpu_s = Some(stages);
            f.enrich_serialize_per_cpu_s = Some((f0 + f1) / 2.0);
            f.worker_vs_enrich_pct = f.backlog_per_cpu_s.map(|w| w / stages * 100.0);
        }
        f.rss_mb = samples.lock().map(|s| s.clone()).unwrap_or_default();
        let failed = producer.context().failed.load(Ordering::Relaxed);
        if failed > 0 {
            bail!("{failed} input records failed to be produced");
        }
        f.duplicates = collector
            .counts
            .iter()
            .map(|c| c.load(Ordering::Relaxed).saturating_sub(1) as usize)
            .sum();
        Ok(f)
    }

    #[allow(clippy::too_many_arguments)]
    fn drive(
        &self,
        c: &Collector,
        producer: &ThreadedProducer<CountingCtx>,
        f: &mut Figures,
        worker_t0: Duration,
        warmup: usize,
        load: usize,
        samples: &Mutex<Vec<(f64, f64)>>,
        pid: u32,
    ) -> anyhow::Result<()> {
        let a = self.args;
        let first = a.backlog + warmup;
        if first > 0 {
            let timeout = Duration::from_secs(120 + first as u64 / 50);
            if !self.wait_articles(c, first as u64, timeout) {
                bail!(
                    "only {} of {first} article events out after {timeout:?}",
                    c.articles.load(Ordering::Relaxed)
                );
            }
        }
        if a.backlog > 0 {
            if let Some(cpu) = cpu_secs(pid) {
                f.backlog_per_cpu_s = Some(a.backlog as f64 / cpu.max(0.01));
            }
            let seen = c.seen.lock().map(|s| s.clone()).unwrap_or_default();
            let mut times: Vec<u64> = seen.iter().filter(|s| s.article).map(|s| s.at_us).collect();
            times.sort_unstable();
            // From the 10th percentile to the last: the first outputs arrive
            // in one burst (group join, the reader's first fetches), which
            // would inflate a first-to-last rate on small backlogs.
            let skip = times.len() / 10;
            if let (Some(lo), Some(hi)) = (times.get(skip), times.last()) {
                let secs = (hi - lo).max(1) as f64 / 1e6;
                let rate = (times.len() - 1 - skip) as f64 / secs;
                f.backlog_rate = Some(rate);
                let mean_bytes = self.bytes.load(Ordering::Relaxed) as f64 / a.backlog as f64;
                f.backlog_mb_s = Some(rate * mean_bytes / 1e6);
                f.backlog_wall_s = Some(*hi as f64 / 1e6 - worker_t0.as_secs_f64());
            }
            eprintln!(
                "[{}] backlog of {} drained: {:.0} articles/s, {:.0} per worker CPU-second",
                self.label,
                a.backlog,
                f.backlog_rate.unwrap_or_default(),
                f.backlog_per_cpu_s.unwrap_or_default()
            );
        }
        if load == 0 {
            return Ok(());
        }
        // Offered load: a steady pace, checked every millisecond.
        let start = Instant::now();
        let load_from_us = self.t0.elapsed().as_micros() as u64;
        let mut next_report = start + Duration::from_secs(a.sample_secs.max(1));
        let mut reported = 0usize;
        let mut sent = 0usize;
        while sent < load {
            let due = ((start.elapsed().as_secs_f64() * a.rate as f64) as usize).min(load);
            while sent < due {
                self.produce(producer, first + sent)?;
                sent += 1;
            }
            if Instant::now() >= next_report {
                reported = self.report_window(c, first, load_from_us, reported, samples);
                next_report += Duration::from_secs(a.sample_secs.max(1));
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        let produced_s = start.elapsed().as_secs_f64();
        let expect = (first + load) as u64;
        if !self.wait_articles(c, expect, Duration::from_secs(120)) {
            bail!(
                "only {} of {expect} article events out after the offered load",
                c.articles.load(Ordering::Relaxed)
            );
        }
        // Statements of the last articles travel on another topic: a moment more.
        std::thread::sleep(Duration::from_millis(500));
        self.report_window(c, first, load_from_us, reported, samples);
        let seen = c.seen.lock().map(|s| s.clone()).unwrap_or_default();
        let latency = |article: bool| {
            let mut firsts: BTreeMap<(usize, bool), u64> = BTreeMap::new();
            let mut lat = Vec::new();
            for s in seen
                .iter()
                .filter(|s| s.index >= first && s.article == article)
            {
                let sent = self
                    .sent_us
                    .get(s.index)
                    .map_or(0, |t| t.load(Ordering::Relaxed));
                if article {
                    // Duplicates are not latencies: first arrival only.
                    if firsts.insert((s.index, article), s.at_us).is_some() {
                        continue;
                    }
                }
                lat.push(s.at_us.saturating_sub(sent));
            }
            lat
        };
        f.article_ms = quantiles(latency(true));
        let st = latency(false);
        f.statements = st.len();
        f.statement_ms = quantiles(st);
        let outs: Vec<u64> = seen
            .iter()
            .filter(|s| s.article && s.index >= first)
            .map(|s| s.at_us)
            .collect();
        if let (Some(lo), Some(hi)) = (outs.iter().min(), outs.iter().max()) {
            f.load_rate = Some(load.saturating_sub(1) as f64 / ((hi - lo).max(1) as f64 / 1e6));
        }
        eprintln!(
            "[{}] offered {} articles at {}/s in {produced_s:.1}s",
            self.label, load, a.rate
        );
        let rss: Vec<f64> = samples
            .lock()
            .map(|s| {
                s.iter()
                    .filter(|(t, _)| *t * 1e6 >= load_from_us as f64)
                    .map(|(_, r)| *r)
                    .collect()
            })
            .unwrap_or_default();
        if rss.len() >= 6 {
            let third = rss.len() / 3;
            let mean = |s: &[f64]| s.iter().sum::<f64>() / s.len().max(1) as f64;
            let (head, middle, tail) = (
                mean(rss.get(..third).unwrap_or_default()),
                mean(rss.get(third..rss.len() - third).unwrap_or_default()),
                mean(rss.get(rss.len() - third..).unwrap_or_default()),
            );
            f.rss_thirds_mb = Some([head, middle, tail]);
            f.rss_growth_pct = Some((tail - head) / head * 100.0);
        }
        Ok(())
    }

    /// Print the figures of the outputs seen since the last report (index
    /// `from` of the seen list); returns the new position.
    fn report_window(
        &self,
        c: &Collector,
        first: usize,
        load_from_us: u64,
        from: usize,
        samples: &Mutex<Vec<(f64, f64)>>,
    ) -> usize {
        let seen = c
            .seen
            .lock()
            .map(|s| s.get(from..).unwrap_or_default().to_vec())
            .unwrap_or_default();
        let arts: Vec<&Seen> = seen
            .iter()
            .filter(|s| s.article && s.index >= first)
            .collect();
        let lat: Vec<u64> = arts
            .iter()
            .map(|s| {
                s.at_us.saturating_sub(
                    self.sent_us
                        .get(s.index)
                        .map_or(0, |t| t.load(Ordering::Relaxed)),
                )
            })
            .collect();
        let rss = samples
            .lock()
            .ok()
            .and_then(|s| s.last().copied())
            .map_or(0.0, |(_, r)| r);
        let window = match (arts.first(), arts.last()) {
            (Some(a), Some(b)) if b.at_us > a.at_us => {
                arts.len() as f64 / ((b.at_us - a.at_us) as f64 / 1e6)
            }
            _ => 0.0,
        };
        let q = quantiles(lat).unwrap_or_default();
        eprintln!(
            "[{}] t={:>6.1}s  out {:>6.0}/s  article e2e p50 {:>7.1} ms  p99 {:>7.1} ms  max {:>7.1} ms  RSS {:>6.1} MB",
            self.label,
            (self.t0.elapsed().as_micros() as u64).saturating_sub(load_from_us) as f64 / 1e6,
            window,
            q[0],
            q[1],
            q[2],
            rss
        );
        from + seen.len()
    }
}

fn run_one(
    args: &Args,
    label: &str,
    corpus: &[serde_json::Map<String, serde_json::Value>],
) -> anyhow::Result<Figures> {
    let warmup = if args.backlog == 0 { 20 } else { 0 };
    let total = args.backlog + warmup + (args.rate * args.duration) as usize;
    let run = Run {
        args,
        label: label.to_string(),
        corpus,
        t0: Instant::now(),
        id: format!(
            "{label}-{}-{}",
            std::process::id(),
            now_ms() % 1_000_000_000
        ),
        sent_us: (0..total).map(|_| AtomicU64::new(0)).collect(),
        bytes: AtomicU64::new(0),
    };
    run.execute()
}

fn fmt_opt(v: Option<f64>, digits: usize) -> String {
    v.map_or("-".into(), |v| format!("{v:.digits$}"))
}

fn print_table(figs: &[Figures]) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "| run | stages | backlog art/s | MB/s | offered/s | article e2e p50 / p99 / max ms | statement e2e p50 / p99 / max ms | art/worker CPU-s | enrich-only art/CPU-s (stages; +decode+JSON) | worker / enrich-only | worker / broker CPU s | peak RSS MB | RSS growth |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for f in figs {
        let q = |v: Option<[f64; 3]>| {
            v.map_or("-".into(), |q| {
                format!("{:.1} / {:.1} / {:.1}", q[0], q[1], q[2])
            })
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {}; {} | {} | {} / {} | {} | {} |",
            f.label,
            f.stages,
            fmt_opt(f.backlog_rate, 0),
            fmt_opt(f.backlog_mb_s, 2),
            if f.rate > 0 {
                f.rate.to_string()
            } else {
                "-".into()
            },
            q(f.article_ms),
            q(f.statement_ms),
            fmt_opt(f.backlog_per_cpu_s, 0),
            fmt_opt(f.enrich_only_per_cpu_s, 0),
            fmt_opt(f.enrich_serialize_per_cpu_s, 0),
            f.worker_vs_enrich_pct
                .map_or("-".into(), |p| format!("{p:.1}%")),
            fmt_opt(f.worker_cpu_s, 1),
            fmt_opt(f.broker_cpu_s, 1),
            fmt_opt(f.peak_rss_mb, 1),
            f.rss_growth_pct.map_or("-".into(), |g| format!("{g:+.1}%")),
        );
    }
}

/// The worker's cost against the enrichment alone, for every run that has both.
fn print_cost(figs: &[Figures]) {
    for f in figs {
        if let (Some(w), Some(e), Some(full)) = (
            f.backlog_per_cpu_s,
            f.enrich_only_per_cpu_s,
            f.enrich_serialize_per_cpu_s,
        ) {
            println!(
                "\n{}: worker {w:.0} articles per CPU-second vs the stages alone on one thread {e:.0} ({:.1}%; decode + stages + serialize alone {full:.0}, {:.1}%)",
                f.label,
                w / e * 100.0,
                w / full * 100.0
            );
        }
    }
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let corpus = load_corpus(&args.corpus)?;
    let mut figs = Vec::new();
    if args.suite {
        let backlog = if args.backlog == 0 {
            20_000
        } else {
            args.backlog
        };
        let rate = if args.rate == 0 { 1000 } else { args.rate };
        let full = args.stages.clone();
        for (label, stages) in [("worker", full.as_str()), ("ceiling", "")] {
            let a = Args {
                backlog,
                rate: 0,
                stages: stages.to_string(),
                ..args.clone()
            };
            figs.push(run_one(&a, &format!("{label}-backlog"), &corpus)?);
            let a = Args {
                backlog: 0,
                rate,
                stages: stages.to_string(),
                ..args.clone()
            };
            figs.push(run_one(&a, &format!("{label}-load"), &corpus)?);
        }
        print_table(&figs);
        print_cost(&figs);
        let worker = figs.first().and_then(|f| f.backlog_rate);
        let ceiling = figs.get(2).and_then(|f| f.backlog_rate);
        if let (Some(w), Some(c)) = (worker, ceiling) {
            println!(
                "\nworker {w:.0} articles/s vs pass-through ceiling {c:.0} articles/s: {:.1}% of the ceiling",
                w / c * 100.0
            );
        }
        let p99 = |i: usize| figs.get(i).and_then(|f| f.article_ms).map(|q| q[1]);
        if let (Some(w), Some(c)) = (p99(1), p99(3)) {
            println!(
                "p99 article end-to-end at {rate}/s: worker {w:.1} ms, pass-through {c:.1} ms"
            );
        }
    } else {
        let label = if args.stages.is_empty() {
            "ceiling"
        } else {
            "worker"
        };
        figs.push(run_one(&args, label, &corpus)?);
        print_table(&figs);
        print_cost(&figs);
        if let Some(g) = figs.first().and_then(|f| f.rss_growth_pct) {
            println!(
                "\nRSS growth, first to last third of the offered load: {g:+.1}% ({})",
                if g.abs() <= 5.0 { "flat" } else { "GROWING" }
            );
        }
        if let Some([a, b, c]) = figs.first().and_then(|f| f.rss_thirds_mb) {
            println!("RSS by thirds of the offered load: {a:.1} / {b:.1} / {c:.1} MB");
        }
    }
    if let Some(p) = &args.json {
        std::fs::write(p, serde_json::to_vec_pretty(&figs)?)?;
    }
    Ok(())
}
