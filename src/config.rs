//! Configuration: a TOML file, then `BYLINE_<SECTION>__<KEY>` environment
//! overrides, then CLI flags (applied by `main.rs`), then validation.
//!
//! Why this order: the file is the reviewed deployment artefact, the
//! environment is how Kubernetes injects per-cluster values and secrets, and
//! flags are for a human at a terminal. Every error names the offending key so
//! an operator can fix it without reading code. Unknown keys are errors, not
//! silently ignored: a typo in `max_in_flight` must not fall back to a default.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub mod security;

/// The documented default location of the config file.
pub const DEFAULT_PATH: &str = "config/byline.toml";

/// Prefix of environment overrides (`BYLINE_KAFKA__BROKERS`).
pub const ENV_PREFIX: &str = "BYLINE_";

/// librdkafka properties whose values are secrets: redacted by `check-config`.
const SECRET_MARKERS: [&str; 4] = [
    "password",
    "secret",
    "sasl.oauthbearer.config",
    "ssl.key.pem",
];

/// Why a configuration is unusable.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("reading {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The file is not valid TOML.
    #[error("parsing {path}: {message}")]
    Parse {
        /// The file.
        path: String,
        /// The parser's message (line and column included).
        message: String,
    },
    /// A key has a bad value or is unknown.
    #[error("invalid config key `{key}`: {reason}")]
    Invalid {
        /// Dotted key, e.g. `kafka.brokers`.
        key: String,
        /// What is wrong with it.
        reason: String,
    },
}

/// The whole configuration.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Brokers, topics, group and librdkafka pass-through properties.
    pub kafka: KafkaConfig,
    /// Processing limits and timings.
    pub worker: WorkerConfig,
    /// Which enrichment stages run.
    pub enrich: EnrichConfig,
    /// The HTTP endpoint for /metrics, /healthz, /readyz.
    pub metrics: MetricsConfig,
    /// Logging.
    pub log: LogConfig,
    /// The `byline novelty` processor.
    pub novelty: crate::novelty::config::NoveltyConfig,
}

/// Kafka settings.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct KafkaConfig {
    /// `bootstrap.servers`: comma-separated `host:port` list.
    pub brokers: String,
    /// Consumer group id.
    pub group_id: String,
    /// Topics the raw articles are read from.
    pub input_topics: Vec<String>,
    /// Topic of `byline.article.v1` events (key: article id).
    pub output_topic: String,
    /// Topic of `byline.statement.v1` events (key: fingerprint).
    pub statements_topic: String,
    /// Dead-letter topic for undecodable inputs.
    pub dlq_topic: String,
    /// Delivery guarantee: `at-least-once` (default) or `exactly-once`
    /// (transactional; see README, "Exactly-once mode").
    pub delivery: Delivery,
    /// `transactional.id` of the producer in `exactly-once` mode. Empty means
    /// `<group_id>-<hostname>` ([`KafkaConfig::effective_transactional_id`]):
    /// stable across restarts of one instance (a StatefulSet pod name) and
    /// unique among the instances running at once.
    pub transactional_id: String,
    /// librdkafka properties for both consumer and producer (SASL, TLS, ...).
    pub properties: BTreeMap<String, String>,
    /// librdkafka properties for the consumer only (override `properties`).
    pub consumer_properties: BTreeMap<String, String>,
    /// librdkafka properties for the producer only (override `properties`).
    pub producer_properties: BTreeMap<String, String>,
    /// TLS and SASL (`[kafka.security]`), secrets from env or files.
    pub security: security::SecurityConfig,
}

/// The delivery guarantee of `byline run`.
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Delivery {
    /// Outputs may be duplicated after a crash, never lost (`worker`).
    #[default]
    AtLeastOnce,
    /// Outputs and consumed offsets commit in one Kafka transaction
    /// (`kafka::transactional`); read_committed readers see each once.
    ExactlyOnce,
}

impl Delivery {
    /// Every accepted spelling, for error messages.
    pub const NAMES: [&'static str; 2] = ["at-least-once", "exactly-once"];
}

impl KafkaConfig {
    /// The transactional id: `kafka.transactional_id`, or
    /// `<group_id>-<hostname>` when empty (`HOSTNAME`, then `/etc/hostname`,
    /// then `byline`). In Kubernetes the hostname is the pod name: stable
    /// per StatefulSet replica, which is what fencing a crashed instance's
    /// zombie needs.
    pub fn effective_transactional_id(&self) -> String {
        if !self.transactional_id.trim().is_empty() {
            return self.transactional_id.trim().to_string();
        }
        let host = std::env::var("HOSTNAME")
            .ok()
            .filter(|h| !h.trim().is_empty())
            .or_else(|| {
                std::fs::read_to_string("/etc/hostname")
                    .ok()
                    .map(|h| h.trim().to_string())
                    .filter(|h| !h.is_empty())
            })
            .unwrap_or_else(|| "byline".into());
        format!("{}-{}", self.group_id, host.trim())
    }
}

impl Default for KafkaConfig {
    fn default() -> Self {
        KafkaConfig {
            brokers: "localhost:9092".into(),
            group_id: "byline".into(),
            input_topics: vec!["articles.raw".into()],
            output_topic: "articles.enriched".into(),
            statements_topic: "statements".into(),
            dlq_topic: "articles.dlq".into(),
            delivery: Delivery::AtLeastOnce,
            transactional_id: String::new(),
            properties: BTreeMap::new(),
            consumer_properties: BTreeMap::new(),
            producer_properties: BTreeMap::new(),
            security: security::SecurityConfig::default(),
        }
    }
}

/// Processing limits and timings.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct WorkerConfig {
    /// Input records consumed but not yet acknowledged, across partitions:
    /// the memory bound under a backlog.
    pub max_in_flight: usize,
    /// Largest accepted input value in bytes; larger ones are dead-lettered.
    pub max_article_bytes: usize,
    /// How often acknowledged offsets are committed.
    pub commit_interval_ms: u64,
    /// How long in-flight work may take to finish on shutdown or revoke.
    pub drain_timeout_ms: u64,
    /// librdkafka `statistics.interval.ms` (consumer lag); 0 disables.
    pub statistics_interval_ms: u64,
    /// librdkafka `queued.max.messages.kbytes`: the consumer prefetch cap.
    pub queued_max_messages_kbytes: u64,
    /// librdkafka `fetch.max.bytes`.
    pub fetch_max_bytes: u64,
    /// librdkafka `message.timeout.ms` of the producer; a delivery that
    /// still fails after it is retried by byline itself.
    pub message_timeout_ms: u64,
    /// `exactly-once` only: most input records in one transaction.
    pub transaction_max_records: usize,
    /// `exactly-once` only: a transaction is committed at the latest this
    /// long after its first record was read (the added output latency).
    pub transaction_interval_ms: u64,
    /// `exactly-once` only: librdkafka `transaction.timeout.ms`; the broker
    /// aborts a transaction left open longer (a crashed instance's).
    pub transaction_timeout_ms: u64,
}

impl Default for WorkerConfig {
    fn default() -> Self {
        WorkerConfig {
            max_in_flight: 512,
            max_article_bytes: crate::article::DEFAULT_MAX_BYTES,
            commit_interval_ms: 1000,
            drain_timeout_ms: 30_000,
            statistics_interval_ms: 5000,
            queued_max_messages_kbytes: 16_384,
            fetch_max_bytes: 8 * 1024 * 1024,
            message_timeout_ms: 30_000,
            transaction_max_records: 500,
            transaction_interval_ms: 100,
            transaction_timeout_ms: 60_000,
        }
    }
}

/// The enrichment stages the worker runs.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct EnrichConfig {
    /// Stage names out of [`crate::enrich::STAGE_NAMES`]; they always run in
    /// the standard order whatever the order here. An empty list is
    /// pass-through: every article is still decoded and its (empty) article
    /// event produced, which measures what the broker and client alone allow,
    /// or forwards articles while a stage is being investigated.
    pub stages: Vec<String>,
    /// The entity stage's settings.
    pub entities: EntitiesConfig,
}

impl Default for EnrichConfig {
    fn default() -> Self {
        EnrichConfig {
            stages: crate::enrich::STAGE_NAMES
                .iter()
                .map(|s| s.to_string())
                .collect(),
            entities: EntitiesConfig::default(),
        }
    }
}

/// The entity stage.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct EntitiesConfig {
    /// A tagger model file made by `byline train-entities` (a model trained
    /// on in-house annotations, say); none: the model compiled into the
    /// binary. Loaded and checked when the config is, so a missing or
    /// corrupt file stops start-up with its reason.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<PathBuf>,
}

/// The HTTP endpoint.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct MetricsConfig {
    /// Listen address, `host:port`.
    pub listen: String,
}

impl Default for MetricsConfig {
    fn default() -> Self {
        MetricsConfig {
            listen: "0.0.0.0:9464".into(),
        }
    }
}

/// Logging.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct LogConfig {
    /// `text` or `json`.
    pub format: String,
    /// An `EnvFilter` directive such as `info` or `byline=debug,rdkafka=warn`
    /// (`RUST_LOG` wins when set).
    pub level: String,
}

impl Default for LogConfig {
    fn default() -> Self {
        LogConfig {
            format: "text".into(),
            level: "info".into(),
        }
    }
}

impl Config {
    /// Load: `path` (must exist when given), else [`DEFAULT_PATH`] when it
    /// exists, else defaults; then the environment; then validation.
    pub fn load(path: Option<&Path>) -> Result<Config, ConfigError> {
        let (text, name) = match path {
            Some(p) => (read(p)?, p.display().to_string()),
            None if Path::new(DEFAULT_PATH).exists() => {
                (read(Path::new(DEFAULT_PATH))?, DEFAULT_PATH.to_string())
            }
            None => (String::new(), "<defaults>".to_string()),
        };
        Config::from_sources(&text, &name, std::env::vars())
    }

    /// Build from TOML text and an environment (testable without globals).
    pub fn from_sources(
        text: &str,
        name: &str,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Config, ConfigError> {
        let mut root: toml::Table = toml::from_str(text).map_err(|e| ConfigError::Parse {
            path: name.to_string(),
            message: parse_message(text, &e),
        })?;
        for (k, v) in env {
            if let Some(rest) = k.strip_prefix(ENV_PREFIX) {
                if !rest.contains("__") {
                    continue; // BYLINE_TEST_BROKERS and the like are not config.
                }
                let path: Vec<String> = rest.split("__").map(|s| s.to_ascii_lowercase()).collect();
                // librdkafka properties and security settings (a password
                // of digits) are strings whatever they look like.
                let value = if path
                    .iter()
                    .any(|p| p.ends_with("properties") || p == "security")
                    && path.last().is_none_or(|l| l != "ssl_verify_hostname")
                {
                    toml::Value::String(v)
                } else {
                    env_value(&v)
                };
                set_path(&mut root, &path, value)?;
            }
        }
        check_delivery(&root)?;
        // The path of the failing key comes from the deserializer itself
        // (an unknown key is named with its section), not from serde's text.
        let mut config: Config = serde_path_to_error::deserialize(toml::Value::Table(root))
            .map_err(
                |e: serde_path_to_error::Error<toml::de::Error>| ConfigError::Invalid {
                    key: match e.path().to_string() {
                        p if p == "." => "<config>".to_string(),
                        p => p,
                    },
                    reason: e.inner().message().to_string(),
                },
            )?;
        config.kafka.security.load_files()?;
        config.validate()?;
        Ok(config)
    }

    /// Check values serde cannot: ranges, enums, non-empty names.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let bad = |key: &str, reason: &str| {
            Err(ConfigError::Invalid {
                key: key.into(),
                reason: reason.into(),
            })
        };
        let k = &self.kafka;
        if k.brokers.trim().is_empty() {
            return bad("kafka.brokers", "must list at least one host:port");
        }
        if k.group_id.trim().is_empty() {
            return bad("kafka.group_id", "must not be empty");
        }
        if k.input_topics.is_empty() || k.input_topics.iter().any(|t| t.trim().is_empty()) {
            return bad(
                "kafka.input_topics",
                "must list at least one non-empty topic",
            );
        }
        for (key, t) in [
            ("kafka.output_topic", &k.output_topic),
            ("kafka.statements_topic", &k.statements_topic),
            ("kafka.dlq_topic", &k.dlq_topic),
        ] {
            if t.trim().is_empty() {
                return bad(key, "must not be empty");
            }
            if k.input_topics.contains(t) {
                return bad(
                    key,
                    "must differ from every input topic (the worker would read its own output)",
                );
            }
        }
        for (section, props) in [
            ("kafka.properties", &k.properties),
            ("kafka.consumer_properties", &k.consumer_properties),
            ("kafka.producer_properties", &k.producer_properties),
        ] {
            for key in props.keys() {
                if matches!(
                    key.as_str(),
                    "enable.auto.commit"
                        | "enable.auto.offset.store"
                        | "enable.idempotence"
                        | "transactional.id"
                        | "transaction.timeout.ms"
                ) {
                    return bad(
                        &format!("{section}.\"{key}\""),
                        "is managed by byline: overriding it would break the delivery guarantee",
                    );
                }
            }
        }
        k.security.validate([
            ("kafka.properties", &k.properties),
            ("kafka.consumer_properties", &k.consumer_properties),
            ("kafka.producer_properties", &k.producer_properties),
        ])?;
        let w = &self.worker;
        if w.max_in_flight == 0 {
            return bad("worker.max_in_flight", "must be at least 1");
        }
        if w.max_article_bytes == 0 {
            return bad("worker.max_article_bytes", "must be at least 1");
        }
        if w.commit_interval_ms == 0 {
            return bad("worker.commit_interval_ms", "must be at least 1");
        }
        if w.queued_max_messages_kbytes == 0 {
            return bad("worker.queued_max_messages_kbytes", "must be at least 1");
        }
        if w.fetch_max_bytes < 1024 {
            return bad("worker.fetch_max_bytes", "must be at least 1024");
        }
        if w.transaction_max_records == 0 {
            return bad("worker.transaction_max_records", "must be at least 1");
        }
        if w.transaction_interval_ms == 0 {
            return bad("worker.transaction_interval_ms", "must be at least 1");
        }
        if w.transaction_timeout_ms < 1000 || w.transaction_timeout_ms <= w.transaction_interval_ms
        {
            return bad(
                "worker.transaction_timeout_ms",
                "must be at least 1000 and above worker.transaction_interval_ms",
            );
        }
        for (i, stage) in self.enrich.stages.iter().enumerate() {
            if !crate::enrich::STAGE_NAMES.contains(&stage.as_str()) {
                return bad(
                    "enrich.stages",
                    &format!("unknown stage {stage:?}: the stages are dates, entities, quotes"),
                );
            }
            if self
                .enrich
                .stages
                .get(..i)
                .is_some_and(|s| s.contains(stage))
            {
                return bad("enrich.stages", &format!("stage {stage:?} is listed twice"));
            }
        }
        if let Some(path) = &self.enrich.entities.model {
            // The model alone (format, checksum, gazetteer fingerprint): the
            // gazetteers themselves are compiled in and load once, with the
            // pipeline.
            if let Err(e) = crate::enrich::entities::model::Model::from_file(path) {
                return bad("enrich.entities.model", &e.to_string());
            }
        }
        if self.metrics.listen.parse::<std::net::SocketAddr>().is_err() {
            return bad("metrics.listen", "must be an address such as 0.0.0.0:9464");
        }
        if !matches!(self.log.format.as_str(), "text" | "json") {
            return bad("log.format", "must be \"text\" or \"json\"");
        }
        self.novelty.validate(&k.statements_topic)?;
        Ok(())
    }

    /// The effective config as TOML with secret values replaced by `***`
    /// ([`security::Secret`]s serialize so; secret-looking librdkafka
    /// properties are masked here).
    pub fn redacted_toml(&self) -> String {
        let mut c = self.clone();
        for props in [
            &mut c.kafka.properties,
            &mut c.kafka.consumer_properties,
            &mut c.kafka.producer_properties,
        ] {
            for (k, v) in props.iter_mut() {
                if SECRET_MARKERS.iter().any(|m| k.contains(m)) {
                    *v = "***".into();
                }
            }
        }
        toml::to_string_pretty(&c).unwrap_or_else(|e| format!("# cannot render config: {e}\n"))
    }
}

/// A TOML syntax error as `line L, column C: message`, without the quoted
/// source line the parser's own text carries: that line may hold a secret.
fn parse_message(text: &str, e: &toml::de::Error) -> String {
    match e.span() {
        Some(span) => {
            let before = text.get(..span.start).unwrap_or_default();
            let line = before.matches('\n').count() + 1;
            let column = before
                .rsplit('\n')
                .next()
                .unwrap_or_default()
                .chars()
                .count()
                + 1;
            format!("line {line}, column {column}: {}", e.message())
        }
        None => e.message().to_string(),
    }
}

/// `kafka.delivery` must be one of [`Delivery::NAMES`]; checked before
/// serde so the error names the key (serde's enum error does not).
fn check_delivery(root: &toml::Table) -> Result<(), ConfigError> {
    let Some(v) = root
        .get("kafka")
        .and_then(|k| k.as_table())
        .and_then(|k| k.get("delivery"))
    else {
        return Ok(());
    };
    if v.as_str().is_some_and(|s| Delivery::NAMES.contains(&s)) {
        return Ok(());
    }
    Err(ConfigError::Invalid {
        key: "kafka.delivery".into(),
        reason: format!("is {v}, must be \"at-least-once\" or \"exactly-once\""),
    })
}

fn read(p: &Path) -> Result<String, ConfigError> {
    std::fs::read_to_string(p).map_err(|source| ConfigError::Read {
        path: p.to_path_buf(),
        source,
    })
}

/// An environment value as TOML: numbers, booleans and arrays keep their type
/// (`BYLINE_WORKER__MAX_IN_FLIGHT=64`), anything else is a string.
fn env_value(v: &str) -> toml::Value {
    let probe = format!("v = {v}");
    match toml::from_str::<toml::Table>(&probe) {
        Ok(mut t) => match t.remove("v") {
            Some(
                val @ (toml::Value::Integer(_)
                | toml::Value::Boolean(_)
                | toml::Value::Array(_)
                | toml::Value::Float(_)),
            ) => val,
            _ => toml::Value::String(v.to_string()),
        },
        Err(_) => toml::Value::String(v.to_string()),
    }
}

fn set_path(
    root: &mut toml::Table,
    path: &[String],
    value: toml::Value,
) -> Result<(), ConfigError> {
    let Some((last, parents)) = path.split_last() else {
        return Ok(());
    };
    let mut table = root;
    for (i, p) in parents.iter().enumerate() {
        let entry = table
            .entry(p.clone())
            .or_insert_with(|| toml::Value::Table(toml::Table::new()));
        table = match entry {
            toml::Value::Table(t) => t,
            _ => {
                return Err(ConfigError::Invalid {
                    key: path[..=i].join("."),
                    reason: "is not a section, cannot override a key below it".into(),
                })
            }
        };
    }
    // A list given as `a,b` for a list-typed key: the caller cannot know the
    // type, so topics lists accept comma-separated strings.
    let value = match (last.as_str(), value) {
        ("input_topics", toml::Value::String(s)) => toml::Value::Array(
            s.split(',')
                .map(|t| toml::Value::String(t.trim().to_string()))
                .collect(),
        ),
        (_, v) => v,
    };
    table.insert(last.clone(), value);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn enrich_stages_default_to_all_and_accept_pass_through() {
        let c = Config::from_sources("", "t", env(&[])).unwrap();
        assert_eq!(c.enrich.stages, ["dates", "entities", "quotes"]);
        let c = Config::from_sources("", "t", env(&[("BYLINE_ENRICH__STAGES", "[]")])).unwrap();
        assert!(c.enrich.stages.is_empty());
        let c = Config::from_sources(
            "[enrich]\nstages = [\"quotes\", \"dates\"]\n",
            "t",
            env(&[]),
        )
        .unwrap();
        assert_eq!(c.enrich.stages, ["quotes", "dates"]);
    }

    #[test]
    fn enrich_stages_reject_unknown_and_repeated_names() {
        for toml in [
            "[enrich]\nstages = [\"sentiment\"]",
            "[enrich]\nstages = [\"dates\", \"dates\"]",
        ] {
            let e = Config::from_sources(toml, "t", env(&[])).unwrap_err();
            assert!(e.to_string().contains("enrich.stages"), "{e}");
        }
    }

    #[test]
    fn a_missing_or_corrupt_entity_model_is_a_config_error() {
        let dir = std::env::temp_dir().join(format!("byline-cfg-model-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let corrupt = dir.join("corrupt.bin");
        let mut bytes = crate::enrich::entities::model::BUNDLED.to_vec();
        let mid = bytes.len() / 2;
        bytes[mid] ^= 1;
        std::fs::write(&corrupt, &bytes).unwrap();
        let good = dir.join("good.bin");
        std::fs::write(&good, crate::enrich::entities::model::BUNDLED).unwrap();
        for (path, why) in [
            (dir.join("missing.bin"), "cannot read"),
            (corrupt.clone(), "checksum"),
        ] {
            let toml = format!(
                "[enrich.entities]\nmodel = {:?}\n",
                path.display().to_string()
            );
            let e = Config::from_sources(&toml, "t", env(&[]))
                .unwrap_err()
                .to_string();
            assert!(
                e.contains("enrich.entities.model") && e.contains(why),
                "{e}"
            );
        }
        let env_set = env(&[("BYLINE_ENRICH__ENTITIES__MODEL", good.to_str().unwrap())]);
        let c = Config::from_sources("", "t", env_set).unwrap();
        assert_eq!(c.enrich.entities.model.as_deref(), Some(good.as_path()));
        assert!(c.redacted_toml().contains("good.bin"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn defaults_are_valid() {
        let c = Config::from_sources("", "x", env(&[])).unwrap();
        assert_eq!(c.kafka.output_topic, "articles.enriched");
        assert_eq!(c.metrics.listen, "0.0.0.0:9464");
    }

    #[test]
    fn env_overrides_file_with_types() {
        let c = Config::from_sources(
            "[kafka]\nbrokers = \"a:1\"\n[worker]\nmax_in_flight = 5\n",
            "x",
            env(&[
                ("BYLINE_KAFKA__BROKERS", "b:2,c:3"),
                ("BYLINE_WORKER__MAX_IN_FLIGHT", "64"),
                ("BYLINE_KAFKA__INPUT_TOPICS", "x, y"),
                ("BYLINE_TEST_BROKERS", "ignored"),
                (
                    "BYLINE_KAFKA__CONSUMER_PROPERTIES__SESSION.TIMEOUT.MS",
                    "6000",
                ),
            ]),
        )
        .unwrap();
        assert_eq!(c.kafka.brokers, "b:2,c:3");
        assert_eq!(c.worker.max_in_flight, 64);
        assert_eq!(c.kafka.input_topics, vec!["x", "y"]);
        assert_eq!(c.kafka.consumer_properties["session.timeout.ms"], "6000");
    }

    #[test]
    fn errors_name_the_key() {
        let e = Config::from_sources("[worker]\nmax_inflight = 3\n", "x", env(&[])).unwrap_err();
        assert!(e.to_string().contains("`worker.max_inflight`"), "{e}");
        let e = Config::from_sources("[worker]\nmax_in_flight = \"many\"\n", "x", env(&[]))
            .unwrap_err();
        assert!(e.to_string().contains("`worker.max_in_flight`"), "{e}");
        let e = Config::from_sources(
            "",
            "x",
            env(&[("BYLINE_KAFKA__SECURITY__SSL_VERIFY_HOSTNAME", "maybe")]),
        )
        .unwrap_err();
        assert!(
            e.to_string()
                .contains("`kafka.security.ssl_verify_hostname`"),
            "{e}"
        );
        let e = Config::from_sources("[kafka]\ndelivery = \"exactly-twice\"\n", "x", env(&[]))
            .unwrap_err();
        assert!(e.to_string().contains("kafka.delivery"), "{e}");
        let e = Config::from_sources("", "x", env(&[("BYLINE_KAFKA__DELIVERY", "exactly_once")]))
            .unwrap_err();
        assert!(e.to_string().contains("kafka.delivery"), "{e}");
        let e = Config::from_sources(
            "[kafka.producer_properties]\n\"transactional.id\" = \"x\"\n",
            "x",
            env(&[]),
        )
        .unwrap_err();
        assert!(e.to_string().contains("transactional.id"), "{e}");
        let e = Config::from_sources("[worker]\ntransaction_timeout_ms = 50\n", "x", env(&[]))
            .unwrap_err();
        assert!(
            e.to_string().contains("worker.transaction_timeout_ms"),
            "{e}"
        );
        let e = Config::from_sources("", "x", env(&[("BYLINE_WORKER__MAX_IN_FLIGHT", "0")]))
            .unwrap_err();
        assert!(e.to_string().contains("worker.max_in_flight"), "{e}");
        let e = Config::from_sources(
            "[kafka.consumer_properties]\n\"enable.auto.commit\" = \"true\"\n",
            "x",
            env(&[]),
        )
        .unwrap_err();
        assert!(e.to_string().contains("enable.auto.commit"), "{e}");
        let e = Config::from_sources("[metrics]\nlisten = \"nope\"\n", "x", env(&[])).unwrap_err();
        assert!(e.to_string().contains("metrics.listen"), "{e}");
    }

    #[test]
    fn security_secrets_come_from_env_and_never_print() {
        let c = Config::from_sources(
            "[kafka.security]\nprotocol = \"sasl_ssl\"\nsasl_mechanism = \"SCRAM-SHA-256\"\n",
            "x",
            env(&[
                ("BYLINE_KAFKA__SECURITY__SASL_USERNAME", "svc"),
                ("BYLINE_KAFKA__SECURITY__SASL_PASSWORD", "0123456789"),
                ("BYLINE_KAFKA__SECURITY__SSL_VERIFY_HOSTNAME", "false"),
            ]),
        )
        .unwrap();
        let s = &c.kafka.security;
        assert_eq!(s.sasl_password.as_ref().unwrap().expose(), "0123456789");
        assert!(!s.ssl_verify_hostname);
        for shown in [c.redacted_toml(), format!("{c:?}"), format!("{c:#?}")] {
            assert!(!shown.contains("0123456789"), "{shown}");
            assert!(shown.contains("***"), "{shown}");
        }
        let e = Config::from_sources(
            "[kafka.security]\nprotocol = \"sasl_plaintext\"\nsasl_username = \"u\"\n",
            "x",
            env(&[]),
        )
        .unwrap_err();
        assert!(
            e.to_string().contains("kafka.security.sasl_password"),
            "{e}"
        );
    }

    #[test]
    fn syntax_errors_do_not_quote_the_line() {
        let e = Config::from_sources(
            "[kafka.security]\nsasl_password = \"Pw-unterminated\n",
            "f.toml",
            env(&[]),
        )
        .unwrap_err()
        .to_string();
        assert!(!e.contains("Pw-unterminated"), "{e}");
        assert!(e.contains("f.toml") && e.contains("line 2"), "{e}");
    }

    #[test]
    fn delivery_modes_parse() {
        let c = Config::from_sources("", "x", env(&[])).unwrap();
        assert_eq!(c.kafka.delivery, Delivery::AtLeastOnce);
        let c = Config::from_sources(
            "[kafka]\ndelivery = \"exactly-once\"\ngroup_id = \"g\"\n",
            "x",
            env(&[("BYLINE_KAFKA__TRANSACTIONAL_ID", "byline-0")]),
        )
        .unwrap();
        assert_eq!(c.kafka.delivery, Delivery::ExactlyOnce);
        assert_eq!(c.kafka.effective_transactional_id(), "byline-0");
        assert!(c.redacted_toml().contains("delivery = \"exactly-once\""));
        let c = Config::from_sources("[kafka]\ngroup_id = \"g\"\n", "x", env(&[])).unwrap();
        let id = c.kafka.effective_transactional_id();
        assert!(id.starts_with("g-") && id.len() > 2, "{id}");
    }

    #[test]
    fn secrets_are_redacted() {
        let c = Config::from_sources(
            "[kafka.properties]\n\"sasl.password\" = \"hunter2\"\n\"sasl.username\" = \"me\"\n[kafka.producer_properties]\n\"ssl.key.password\" = \"k\"\n",
            "x",
            env(&[]),
        )
        .unwrap();
        let out = c.redacted_toml();
        assert!(!out.contains("hunter2") && !out.contains("\"k\""), "{out}");
        assert!(out.contains("me"));
    }
}
