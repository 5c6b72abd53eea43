//! The worker against a broker that REQUIRES TLS and SASL/SCRAM-SHA-512
//! (`scripts/secure-broker.sh`: tansu with `--authentication` behind a
//! stunnel4 TLS terminator with a throw-away CA). `#[ignore]`d; run by
//! `scripts/test.sh`, which starts that broker and exports `BYLINE_SECURE_*`;
//! without them these tests FAIL, they never skip.
//!
//! The worker is the real binary configured only through `[kafka.security]`
//! environment variables and a password file (as a mounted Kubernetes
//! Secret), with debug logs on, librdkafka's `security,broker,conf` debug
//! contexts included, so the secret-absence checks look at the most verbose
//! output there is.
#![cfg(feature = "kafka")]

mod common;

use std::time::{Duration, Instant};

use byline::config::security::{Protocol, SaslMechanism};
use byline::config::Config;
use byline::kafka::embedded::Sample;
use common::*;
use rdkafka::config::ClientConfig;
use rdkafka::producer::{FutureProducer, FutureRecord};

/// What `scripts/secure-broker.sh start` exported.
struct SecureBroker {
    /// TLS bootstrap address (stunnel in front of tansu).
    brokers: String,
    /// CA that signed the broker certificate.
    ca: String,
    /// A CA that did not.
    other_ca: String,
    /// SCRAM user.
    user: String,
    /// File with that user's password.
    password_file: String,
}

fn env_or_fail(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!("{name} is not set: run the secure-broker tests through scripts/test.sh (it starts scripts/secure-broker.sh)")
    })
}

fn broker() -> SecureBroker {
    SecureBroker {
        brokers: env_or_fail("BYLINE_SECURE_BROKERS"),
        ca: env_or_fail("BYLINE_SECURE_CA"),
        other_ca: env_or_fail("BYLINE_SECURE_OTHER_CA"),
        user: env_or_fail("BYLINE_SECURE_USER"),
        password_file: env_or_fail("BYLINE_SECURE_PASSWORD_FILE"),
    }
}

fn password(b: &SecureBroker) -> String {
    let p = std::fs::read_to_string(&b.password_file).unwrap();
    let p = p.trim_end().to_string();
    assert!(p.len() >= 16, "the setup must generate a real password");
    p
}

/// A config with unique topics and working SASL_SSL credentials (used by
/// the test itself to create topics, publish and collect).
fn secure_config(b: &SecureBroker, name: &str) -> Config {
    let mut c = config(&b.brokers, name);
    let s = &mut c.kafka.security;
    s.protocol = Protocol::SaslSsl;
    s.sasl_mechanism = SaslMechanism::ScramSha512;
    s.sasl_username = Some(b.user.clone());
    s.sasl_password_file = Some(b.password_file.clone().into());
    s.ssl_ca_file = Some(b.ca.clone().into());
    s.load_files().unwrap();
    c.validate().unwrap();
    c
}

async fn publish(c: &Config, samples: &[Sample]) {
    let mut cc = ClientConfig::new();
    cc.set("bootstrap.servers", &c.kafka.brokers);
    for (k, v) in c.kafka.security.client_properties() {
        cc.set(k, v);
    }
    let producer: FutureProducer = cc.create().unwrap();
    for s in samples {
        let mut rec = FutureRecord::to(&c.kafka.input_topics[0]).payload(&s.value);
        if let Some(k) = &s.key {
            rec = rec.key(k);
        }
        producer
            .send(rec, Duration::from_secs(30))
            .await
            .map_err(|(e, _)| e)
            .unwrap();
    }
}

/// How the spawned worker gets its password.
enum PasswordFrom {
    /// `BYLINE_KAFKA__SECURITY__SASL_PASSWORD_FILE` (the Secret mount).
    File(String),
    /// `BYLINE_KAFKA__SECURITY__SASL_PASSWORD` (env from a secretKeyRef).
    Env(String),
}

/// How the spawned worker connects.
struct Client<'a> {
    /// Its password.
    password: PasswordFrom,
    /// `kafka.security.sasl_mechanism`.
    mechanism: &'a str,
    /// `kafka.security.ssl_ca_file`.
    ca: &'a str,
}

fn spawn(c: &Config, b: &SecureBroker, client: Client<'_>, log_name: &str) -> ChildWorker {
    let mut cmd = byline_run(c);
    cmd.env("BYLINE_KAFKA__SECURITY__PROTOCOL", "sasl_ssl")
        .env("BYLINE_KAFKA__SECURITY__SASL_MECHANISM", client.mechanism)
        .env("BYLINE_KAFKA__SECURITY__SASL_USERNAME", &b.user)
        .env("BYLINE_KAFKA__SECURITY__SSL_CA_FILE", client.ca)
        // The most verbose librdkafka output about credentials and config.
        .env("BYLINE_KAFKA__PROPERTIES__DEBUG", "security,broker,conf")
        .env("BYLINE_WORKER__COMMIT_INTERVAL_MS", "100")
        .env("BYLINE_WORKER__STATISTICS_INTERVAL_MS", "1000")
        .env("BYLINE_LOG__FORMAT", "json")
        .env("BYLINE_LOG__LEVEL", "debug");
    match client.password {
        PasswordFrom::File(f) => cmd.env("BYLINE_KAFKA__SECURITY__SASL_PASSWORD_FILE", f),
        PasswordFrom::Env(p) => cmd.env("BYLINE_KAFKA__SECURITY__SASL_PASSWORD", p),
    };
    ChildWorker::spawn(cmd, log_name)
}

/// Poll `GET path` until `pred` holds on the response; panics after
/// `timeout`, saying what it waited for and the last response.
async fn wait_http(
    addr: &str,
    path: &str,
    what: &str,
    timeout: Duration,
    pred: impl Fn(&HttpResponse) -> bool,
) {
    let deadline = Instant::now() + timeout;
    loop {
        let last = http_get(addr, path).await;
        if let Some(r) = &last {
            if pred(r) {
                return;
            }
        }
        assert!(
            Instant::now() < deadline,
            "timed out after {timeout:?} waiting for {what} ({path} on {addr}); last response: {last:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// `/readyz` answers 503 within 60 s, then for `how_long` the worker stays
/// alive and `/readyz` keeps answering 503 (`why`: what it must not be
/// ready with).
async fn stays_alive_and_not_ready(w: &mut ChildWorker, how_long: Duration, why: &str) {
    wait_http(
        &w.metrics,
        "/readyz",
        "not ready (503)",
        Duration::from_secs(60),
        |r| r.status == 503,
    )
    .await;
    let until = Instant::now() + how_long;
    while Instant::now() < until {
        assert!(w.child.try_wait().unwrap().is_none(), "the worker exited");
        let r = http_get(&w.metrics, "/readyz").await.unwrap();
        assert_eq!(r.status, 503, "ready {why}: {r:?}");
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "needs the TLS+SASL broker: run scripts/test.sh"]
async fn sasl_scram_over_tls_processes_articles_end_to_end() {
    let b = broker();
    let secret = password(&b);
    let c = secure_config(&b, "secure-ok");
    create_topics(&c).await;
    let n = 20;
    publish(&c, &articles("sec", n)).await;
    let collector = Collector::start(&c);
    let mut w = spawn(
        &c,
        &b,
        Client {
            password: PasswordFrom::File(b.password_file.clone()),
            mechanism: "SCRAM-SHA-512",
            ca: &b.ca,
        },
        "secure-ok",
    );

    collector
        .wait_for("all articles", Duration::from_secs(120), |o| {
            o.article_ids().len() >= n
        })
        .await;
    collector.settle().await;
    check_content(&collector.out.lock().unwrap(), "sec", n);
    // The endpoint is on the configured address, and the worker is ready.
    wait_http(
        &w.metrics,
        "/metrics",
        "every article counted as enriched",
        Duration::from_secs(30),
        |r| metric(&r.body, "byline_articles_enriched_total").is_some_and(|v| v >= n as f64),
    )
    .await;
    let r = http_get(&w.metrics, "/readyz").await.unwrap();
    assert_eq!(r.status, 200, "{r:?}");
    let metrics = http_get(&w.metrics, "/metrics").await.unwrap().body;
    assert!(!metrics.contains(&secret), "password in /metrics");

    sigterm(&w.child);
    let status = wait_exit(&mut w.child, Duration::from_secs(60)).await;
    assert!(status.success(), "{status}");
    let log = std::fs::read_to_string(&w.log).unwrap();
    // The log holds librdkafka's SASL and config debug output (so the
    // absence below means something), and the address it bound.
    assert!(
        log.contains("SCRAM-SHA-512"),
        "no SASL debug lines in {}",
        w.log
    );
    assert!(
        log.contains("sasl.password = [redacted]"),
        "no librdkafka config dump in {}",
        w.log
    );
    assert!(
        log.contains(&format!("\"addr\":\"{}\"", w.metrics)),
        "{}",
        w.log
    );
    assert!(!log.contains(&secret), "the password is in {}", w.log);
}

/// What librdkafka logs when the broker rejects the credentials.
const AUTH_FAILED: &str = "SASL authentication error";

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "needs the TLS+SASL broker: run scripts/test.sh"]
async fn wrong_password_is_rejected_worker_stays_alive_and_not_ready() {
    let b = broker();
    let secret = password(&b);
    let c = secure_config(&b, "secure-bad");
    create_topics(&c).await;
    publish(&c, &articles("bad", 5)).await;
    let collector = Collector::start(&c);
    let wrong = format!("wrong-{}", unique("pw"));
    let mut w = spawn(
        &c,
        &b,
        Client {
            password: PasswordFrom::Env(wrong.clone()),
            mechanism: "SCRAM-SHA-512",
            ca: &b.ca,
        },
        "secure-bad",
    );

    // Rejected credentials (once the worker runs and the broker said so)
    // make it unready...
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let log = std::fs::read_to_string(&w.log).unwrap_or_default();
        if log.contains("Worker started.") && log.contains(AUTH_FAILED) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "timed out after 60 s waiting for \"Worker started.\" and an authentication failure in {}",
            w.log
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // It becomes not ready, and stays so, alive, consuming nothing, for a while.
    stays_alive_and_not_ready(&mut w, Duration::from_secs(6), "with a wrong password").await;
    let metrics = http_get(&w.metrics, "/metrics").await.unwrap().body;
    assert_eq!(
        metric(&metrics, "byline_articles_consumed_total").unwrap_or(0.0),
        0.0
    );
    assert!(metrics.contains("byline_ready 0"), "{metrics}");
    assert!(!metrics.contains(&wrong) && !metrics.contains(&secret));
    {
        let o = collector.out.lock().unwrap();
        assert!(o.articles.is_empty() && o.dlq.is_empty(), "{o:?}");
    }

    sigterm(&w.child);
    let status = wait_exit(&mut w.child, Duration::from_secs(60)).await;
    assert!(status.success(), "{status}");
    let log = std::fs::read_to_string(&w.log).unwrap();
    assert!(!log.contains(&wrong), "the wrong password is in {}", w.log);
    assert!(!log.contains(&secret), "the password is in {}", w.log);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "needs the TLS+SASL broker: run scripts/test.sh"]
async fn scram_sha_256_from_env_works_too() {
    let b = broker();
    let secret = password(&b);
    let c = secure_config(&b, "secure-256");
    create_topics(&c).await;
    let n = 5;
    publish(&c, &articles("s256", n)).await;
    let collector = Collector::start(&c);
    let mut w = spawn(
        &c,
        &b,
        Client {
            password: PasswordFrom::Env(secret.clone()),
            mechanism: "SCRAM-SHA-256",
            ca: &b.ca,
        },
        "secure-256",
    );
    collector
        .wait_for("all articles", Duration::from_secs(120), |o| {
            o.article_ids().len() >= n
        })
        .await;
    sigterm(&w.child);
    assert!(wait_exit(&mut w.child, Duration::from_secs(60))
        .await
        .success());
    let log = std::fs::read_to_string(&w.log).unwrap();
    assert!(log.contains("SCRAM-SHA-256"), "{}", w.log);
    assert!(!log.contains(&secret), "the password is in {}", w.log);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "needs the TLS+SASL broker: run scripts/test.sh"]
async fn a_broker_certificate_from_another_ca_is_refused() {
    let b = broker();
    let secret = password(&b);
    let c = secure_config(&b, "secure-ca");
    create_topics(&c).await;
    publish(&c, &articles("ca", 3)).await;
    let collector = Collector::start(&c);
    let mut w = spawn(
        &c,
        &b,
        Client {
            password: PasswordFrom::File(b.password_file.clone()),
            mechanism: "SCRAM-SHA-512",
            ca: &b.other_ca,
        },
        "secure-ca",
    );
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let log = std::fs::read_to_string(&w.log).unwrap_or_default();
        if log.contains("Worker started.") && log.contains("certificate verify failed") {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "timed out after 60 s waiting for \"Worker started.\" and a TLS verification failure in {}",
            w.log
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // It becomes not ready, and stays so, alive, consuming nothing, for a while.
    stays_alive_and_not_ready(
        &mut w,
        Duration::from_secs(3),
        "with a certificate it must refuse",
    )
    .await;
    let r = http_get(&w.metrics, "/metrics").await.unwrap();
    assert_eq!(r.status, 200);
    assert_eq!(
        metric(&r.body, "byline_articles_consumed_total").unwrap_or(0.0),
        0.0
    );
    assert!(w.child.try_wait().unwrap().is_none(), "the worker exited");
    assert!(collector.out.lock().unwrap().articles.is_empty());
    sigterm(&w.child);
    assert!(wait_exit(&mut w.child, Duration::from_secs(60))
        .await
        .success());
    let log = std::fs::read_to_string(&w.log).unwrap();
    assert!(!log.contains(&secret), "the password is in {}", w.log);
}
