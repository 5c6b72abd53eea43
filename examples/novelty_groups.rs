//! Statement identities over a stream of article events, offline: how many
//! statements, identities and cross-article groups, with a sample of groups
//! to judge by hand; or the memory of N synthetic identities.
//!
//! ```text
//! byline enrich ARTICLES.jsonl > events.jsonl
//! cargo run --release --no-default-features --example novelty_groups -- events.jsonl [SAMPLE_OUT [N [SEED]]]
//! cargo run --release --no-default-features --example novelty_groups -- --synthetic 1000000
//! cargo run --release --no-default-features --example novelty_groups -- --latency events.jsonl [ROUNDS]
//! ```
//!
//! `--latency` times the processor's work on each statement record of the
//! stream, one record at a time as it arrives: decode the JSON record,
//! signature, store lookup and update, and serialize its outputs (the
//! `statements.new` record when new, the `statements.identified` record, the
//! changelog identity and the `statements.seen` count). It prints p50/p99/max per statement for each
//! round. The Kafka part (the step's produce and acknowledgement) is not in
//! it: that is the broker's round trip, the same for every step.
//!
//! The grouping is the novelty processor's ([`Store`]), in arrival order,
//! one store for the whole stream (the processor partitions by speaker key,
//! which never separates two statements that could match).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{BufRead, Write};

use byline::event::{ArticleEvent, StatementEvent};
use byline::novelty::events::{IdentifiedStatement, NewStatement, SeenStatement, NEW_SCHEMA};
use byline::novelty::signature::Signature;
use byline::novelty::store::{Identity, Outcome, Sighting, Store};
use byline::rng::Rng;

/// One sighting as the sample shows it.
struct Member {
    article: String,
    speaker: Option<String>,
    text: String,
    fingerprint: String,
}

/// Resident memory of this process in bytes (Linux `VmRSS`).
fn rss_bytes() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb * 1024)
}

fn synthetic(n: usize) {
    let before = rss_bytes();
    let mut store = Store::new();
    let mut rng = Rng(7);
    for i in 0..n {
        // 12 distinct shingles, a speaker among 5,000: the size of a
        // typical 13-content-word statement.
        let mut shingles: Vec<u32> = (0..12).map(|_| rng.next_u64() as u32).collect();
        shingles.sort_unstable();
        shingles.dedup();
        let speaker = format!("speaker{}", rng.next_u64() % 5000);
        store.insert(Identity {
            statement_id: format!("{:032x}", u128::from(rng.next_u64()) << 64 | i as u128),
            speaker_key: speaker.clone(),
            speaker_words: vec!["first".into(), speaker],
            shingles,
            negated: false,
            first_seen_at: "2025-01-01T00:00:00.000Z".into(),
            first_article_id: format!("article-{}", i / 20),
            count: 1,
            last_event_ms: 1_735_689_600_000,
            last_seen_at: "2025-01-01T00:00:00.000Z".into(),
            last_article_id: format!("article-{}", i / 20),
        });
    }
    let after = rss_bytes();
    println!(
        "{n} identities: RSS {:.1} MiB -> {:.1} MiB, {:.0} bytes per identity",
        before as f64 / 1048576.0,
        after as f64 / 1048576.0,
        (after.saturating_sub(before)) as f64 / n as f64
    );
}

/// The article events of a JSON-lines file (`byline enrich` output), in order.
fn article_events(path: &str) -> anyhow::Result<Vec<ArticleEvent>> {
    let reader = std::io::BufReader::new(std::fs::File::open(path)?);
    let mut out = Vec::new();
    for line in reader.lines() {
        let line = line?;
        if !line.trim().is_empty() {
            out.push(serde_json::from_str(&line)?);
        }
    }
    Ok(out)
}

/// The statement records of an article-event stream, serialized as the
/// worker publishes them.
fn statement_records(path: &str) -> anyhow::Result<Vec<Vec<u8>>> {
    let mut out = Vec::new();
    for article in article_events(path)? {
        for quote in &article.quotes {
            out.push(serde_json::to_vec(&StatementEvent::from_quote(
                &article, quote,
            ))?);
        }
    }
    Ok(out)
}

/// The value at quantile `q` of sorted `v` (nearest rank).
fn quantile(v: &[u64], q: f64) -> u64 {
    let rank = ((q * v.len() as f64).ceil() as usize).clamp(1, v.len().max(1));
    v.get(rank - 1).copied().unwrap_or(0)
}

/// One statement record's work in the processor, outputs serialized;
/// returns the bytes produced (kept so the work is not optimized away).
fn process_one(store: &mut Store, record: &[u8]) -> anyhow::Result<usize> {
    let event: StatementEvent = serde_json::from_slice(record)?;
    let signature = Signature::of(event.speaker.as_deref(), &event.text);
    let now = byline::now_rfc3339();
    let (outcome, identity) = store.observe(Sighting {
        signature: &signature,
        fingerprint: &event.fingerprint,
        article_id: &event.article_id,
        event_ms: byline::novelty::events::event_ms(&event),
        now: &now,
    });
    let mut bytes = serde_json::to_vec(&identity)?.len();
    bytes += serde_json::to_vec(&SeenStatement::of(&identity, &event.fingerprint))?.len();
    // As the processor does: the event cloned into the identified record.
    let identified = IdentifiedStatement::of(&identity, outcome == Outcome::New, event.clone());
    bytes += serde_json::to_vec(&identified)?.len();
    if outcome == Outcome::New {
        bytes += serde_json::to_vec(&NewStatement {
            schema: NEW_SCHEMA.to_string(),
            statement_id: identity.statement_id.clone(),
            first_seen_at: identity.first_seen_at.clone(),
            matched: Vec::new(),
            statement: event,
        })?
        .len();
    }
    Ok(bytes)
}

/// `--latency`: per-statement processing time over the stream, `rounds`
/// times (each round with a fresh store, so every round sees the same mix
/// of new and repeated statements).
fn latency(path: &str, rounds: usize) -> anyhow::Result<()> {
    let records = statement_records(path)?;
    anyhow::ensure!(!records.is_empty(), "{path}: no statements");
    println!("{} statement records", records.len());
    for round in 1..=rounds {
        let mut store = Store::new();
        let mut took: Vec<u64> = Vec::with_capacity(records.len());
        let mut bytes = 0usize;
        let started = std::time::Instant::now();
        for r in &records {
            let t = std::time::Instant::now();
            bytes += process_one(&mut store, r)?;
            took.push(u64::try_from(t.elapsed().as_nanos()).unwrap_or(u64::MAX));
        }
        let total = started.elapsed().as_secs_f64();
        took.sort_unstable();
        println!(
            "round {round}: p50 {:.1} µs, p99 {:.1} µs, max {:.1} µs per statement; {:.0} statements/s (one thread); {} identities, {bytes} output bytes",
            quantile(&took, 0.50) as f64 / 1e3,
            quantile(&took, 0.99) as f64 / 1e3,
            took.last().copied().unwrap_or(0) as f64 / 1e3,
            records.len() as f64 / total,
            store.len()
        );
    }
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--latency") {
        let path = args.get(1).ok_or_else(|| {
            anyhow::anyhow!("usage: novelty_groups --latency EVENTS.jsonl [ROUNDS]")
        })?;
        let rounds = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(3);
        return latency(path, rounds);
    }
    if args.first().map(String::as_str) == Some("--synthetic") {
        let n = args
            .get(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(1_000_000);
        synthetic(n);
        return Ok(());
    }
    let input = args.first().ok_or_else(|| {
        anyhow::anyhow!("usage: novelty_groups EVENTS.jsonl [SAMPLE_OUT [N [SEED]]]")
    })?;
    let sample_out = args.get(1);
    let sample_n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(100);
    let seed: u64 = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(1);

    // Timed from here: reading and JSON parsing included, as printed.
    let started = std::time::Instant::now();
    let articles = article_events(input)?;
    let mut store = Store::new();
    let mut groups: HashMap<String, Vec<Member>> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    let (mut statements, mut long_statements) = (0usize, 0usize);
    let mut fingerprints: HashMap<String, BTreeSet<String>> = HashMap::new();
    for article in &articles {
        for quote in &article.quotes {
            let s = StatementEvent::from_quote(article, quote);
            statements += 1;
            if s.text.split_whitespace().count() >= 8 {
                long_statements += 1;
            }
            fingerprints
                .entry(s.fingerprint.clone())
                .or_default()
                .insert(s.article_id.clone());
            let signature = Signature::of(s.speaker.as_deref(), &s.text);
            let event_ms = s
                .published_at
                .as_deref()
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .map_or(0, |t| t.and_utc().timestamp_millis());
            let (_, identity) = store.observe(Sighting {
                signature: &signature,
                fingerprint: &s.fingerprint,
                article_id: &s.article_id,
                event_ms,
                now: "offline",
            });
            let members = groups.entry(identity.statement_id.clone()).or_default();
            if members.is_empty() {
                order.push(identity.statement_id.clone());
            }
            members.push(Member {
                article: s.article_id.clone(),
                speaker: s.speaker.clone(),
                text: s.text.clone(),
                fingerprint: s.fingerprint.clone(),
            });
        }
    }
    let took = started.elapsed();
    let articles_of = |m: &[Member]| {
        m.iter()
            .map(|x| x.article.as_str())
            .collect::<BTreeSet<_>>()
            .len()
    };
    let cross: Vec<&String> = order
        .iter()
        .filter(|id| groups.get(*id).is_some_and(|m| articles_of(m) > 1))
        .collect();
    let multi = groups.values().filter(|m| m.len() > 1).count();
    let fp_cross = fingerprints.values().filter(|a| a.len() > 1).count();
    // Cross-article groups that exact fingerprints alone would not form.
    let beyond_exact = cross
        .iter()
        .filter(|id| {
            groups.get(**id).is_some_and(|m| {
                m.iter()
                    .map(|x| x.fingerprint.as_str())
                    .collect::<BTreeSet<_>>()
                    .len()
                    > 1
            })
        })
        .count();
    println!("statements: {statements} ({long_statements} of 8+ words)");
    println!("identities: {}", store.len());
    println!("groups of 2+ sightings: {multi}");
    println!("cross-article groups: {} (by fingerprint alone: {fp_cross}; with 2+ distinct fingerprints: {beyond_exact})", cross.len());
    let mut sizes: BTreeMap<usize, usize> = BTreeMap::new();
    for id in &cross {
        if let Some(m) = groups.get(*id) {
            *sizes.entry(articles_of(m)).or_default() += 1;
        }
    }
    println!("cross-article groups by number of articles: {sizes:?}");
    println!(
        "grouping time: {:.3} s ({:.0} statements/s, one thread, includes JSON parsing)",
        took.as_secs_f64(),
        statements as f64 / took.as_secs_f64()
    );
    if let Some(path) = sample_out {
        let mut rng = Rng(seed.max(1));
        let mut pool: Vec<&String> = cross.clone();
        let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
        for _ in 0..sample_n.min(pool.len()) {
            let i = (rng.next_u64() % pool.len() as u64) as usize;
            let id = pool.swap_remove(i);
            let members: Vec<serde_json::Value> = groups
                .get(id)
                .map(|m| {
                    m.iter()
                        .map(|x| serde_json::json!({"article": x.article, "speaker": x.speaker, "text": x.text}))
                        .collect()
                })
                .unwrap_or_default();
            writeln!(
                out,
                "{}",
                serde_json::json!({"statement_id": id, "members": members})
            )?;
        }
    }
    Ok(())
}
