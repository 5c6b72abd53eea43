//! The README's first command: `byline run --embedded --exit-when-done`
//! publishes the bundled samples to the in-process mock cluster and prints
//! every enriched event and every statement. Part of plain `cargo test`.
#![cfg(feature = "kafka")]

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use byline::article::{self, RecordContext, DEFAULT_MAX_BYTES};
use byline::enrich::Pipeline;

#[test]
fn embedded_run_prints_every_event_and_statement() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut child = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args([
            "run",
            "--embedded",
            "--exit-when-done",
            "--metrics-listen",
            "127.0.0.1:0",
        ])
        .current_dir(root)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Bounded: a run that never sees every sample would hang the suite.
    // The pipes are drained meanwhile (a full pipe would block the child).
    let drain = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut v = Vec::new();
            r.read_to_end(&mut v).unwrap();
            v
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let timeout = Duration::from_secs(120);
    let deadline = Instant::now() + timeout;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!(
                "timed out after {timeout:?} waiting for `byline run --embedded --exit-when-done` to exit; stderr:\n{}",
                String::from_utf8_lossy(&stderr.join().unwrap())
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let out = std::process::Output {
        status,
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
    };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let (mut articles, mut statements) = (0, 0);
    for line in stdout.lines() {
        let mut parts = line.splitn(3, '\t');
        let (topic, _key, value) = (parts.next().unwrap(), parts.next(), parts.next().unwrap());
        let v: serde_json::Value = serde_json::from_str(value).unwrap();
        match topic {
            "articles.enriched" => {
                assert_eq!(v["schema"], "byline.article.v1");
                articles += 1;
            }
            "statements" => {
                assert_eq!(v["schema"], "byline.statement.v1");
                statements += 1;
            }
            other => panic!("unexpected topic {other}"),
        }
    }
    // What the same stages find in the bundled samples, without Kafka.
    let p = Pipeline::standard();
    let mut inputs = vec![std::fs::read(format!("{root}/data/samples/seed.txt")).unwrap()];
    for l in std::fs::read_to_string(format!("{root}/data/samples/articles.jsonl"))
        .unwrap()
        .lines()
    {
        inputs.push(l.as_bytes().to_vec());
    }
    let quotes: usize = inputs
        .iter()
        .map(|v| {
            p.run(&article::decode(v, RecordContext::default(), DEFAULT_MAX_BYTES).unwrap())
                .quotes
                .len()
        })
        .sum();
    assert_eq!(articles, inputs.len());
    assert!(quotes > 0);
    assert_eq!(
        statements, quotes,
        "every quote of every sample is printed as a statement"
    );
}
