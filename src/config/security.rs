//! `[kafka.security]`: TLS and SASL to the brokers, and the [`Secret`] type.
//!
//! Why a section of its own rather than raw librdkafka properties: secrets
//! must be injectable without the TOML (environment `BYLINE_KAFKA__SECURITY__SASL_PASSWORD`
//! or a mounted Kubernetes Secret file via `sasl_password_file`), invalid
//! combinations must be rejected at load time naming the key (SASL without a
//! password, a client key without its certificate), and secret values must be
//! impossible to print by accident: they are [`Secret`]s, whose `Debug`,
//! `Display` and `Serialize` all give `***`. The section maps onto the
//! librdkafka properties of both clients ([`SecurityConfig::client_properties`]).

use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::ConfigError;

/// What [`Secret`] prints instead of its value.
pub const REDACTED: &str = "***";

/// librdkafka properties set from `[kafka.security]`; setting them in the
/// `kafka.*properties` tables as well is rejected when the section is used.
pub const MANAGED_PROPERTIES: [&str; 9] = [
    "security.protocol",
    "sasl.mechanisms",
    "sasl.mechanism",
    "sasl.username",
    "sasl.password",
    "ssl.ca.location",
    "ssl.certificate.location",
    "ssl.key.location",
    "ssl.key.password",
];

/// A secret string (password). Only [`Secret::expose`] gives the value;
/// every formatting and serialization path prints `***`.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wrap a value.
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// The value, for handing to librdkafka only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl Serialize for Secret {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(REDACTED)
    }
}

impl<'de> Deserialize<'de> for Secret {
    /// Only strings; the error for anything else does not quote the value
    /// (serde's usual "invalid type: integer `1234`" would print it).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Secret, D::Error> {
        match toml::Value::deserialize(d) {
            Ok(toml::Value::String(s)) => Ok(Secret(s)),
            _ => Err(serde::de::Error::custom(
                "a secret must be a string (value not shown)",
            )),
        }
    }
}

/// `security.protocol` of librdkafka.
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Protocol {
    /// No TLS, no authentication (the default).
    #[default]
    #[serde(alias = "PLAINTEXT")]
    Plaintext,
    /// TLS, no SASL (optionally a client certificate).
    #[serde(alias = "SSL")]
    Ssl,
    /// SASL over plain TCP.
    #[serde(alias = "SASL_PLAINTEXT")]
    SaslPlaintext,
    /// SASL over TLS.
    #[serde(alias = "SASL_SSL")]
    SaslSsl,
}

impl Protocol {
    /// The librdkafka value.
    pub fn as_librdkafka(self) -> &'static str {
        match self {
            Protocol::Plaintext => "plaintext",
            Protocol::Ssl => "ssl",
            Protocol::SaslPlaintext => "sasl_plaintext",
            Protocol::SaslSsl => "sasl_ssl",
        }
    }

    /// Whether the protocol authenticates with SASL.
    pub fn sasl(self) -> bool {
        matches!(self, Protocol::SaslPlaintext | Protocol::SaslSsl)
    }

    /// Whether the protocol uses TLS.
    pub fn tls(self) -> bool {
        matches!(self, Protocol::Ssl | Protocol::SaslSsl)
    }
}

/// `sasl.mechanisms` of librdkafka. GSSAPI and OAUTHBEARER are not offered:
/// they need more than a user name and password.
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
pub enum SaslMechanism {
    /// SCRAM with SHA-512 (the default): the password never crosses the wire.
    #[default]
    #[serde(rename = "SCRAM-SHA-512", alias = "scram-sha-512")]
    ScramSha512,
    /// SCRAM with SHA-256.
    #[serde(rename = "SCRAM-SHA-256", alias = "scram-sha-256")]
    ScramSha256,
    /// PLAIN: the password is sent as is; use it only over TLS (`sasl_ssl`).
    #[serde(rename = "PLAIN", alias = "plain")]
    Plain,
}

impl SaslMechanism {
    /// The librdkafka value.
    pub fn as_librdkafka(self) -> &'static str {
        match self {
            SaslMechanism::ScramSha512 => "SCRAM-SHA-512",
            SaslMechanism::ScramSha256 => "SCRAM-SHA-256",
            SaslMechanism::Plain => "PLAIN",
        }
    }
}

/// TLS and SASL settings for both Kafka clients.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct SecurityConfig {
    /// `plaintext`, `ssl`, `sasl_plaintext` or `sasl_ssl`.
    pub protocol: Protocol,
    /// `SCRAM-SHA-512` (default), `SCRAM-SHA-256` or `PLAIN`.
    pub sasl_mechanism: SaslMechanism,
    /// SASL user name.
    pub sasl_username: Option<String>,
    /// SASL password; prefer the environment or `sasl_password_file`.
    pub sasl_password: Option<Secret>,
    /// File holding the SASL password (a mounted Kubernetes Secret key);
    /// read at load time, one trailing newline removed.
    pub sasl_password_file: Option<PathBuf>,
    /// PEM file of the CA(s) that signed the brokers' certificates; the
    /// system trust store when unset.
    pub ssl_ca_file: Option<PathBuf>,
    /// PEM client certificate (mutual TLS); needs `ssl_key_file`.
    pub ssl_certificate_file: Option<PathBuf>,
    /// PEM private key of the client certificate.
    pub ssl_key_file: Option<PathBuf>,
    /// Password of an encrypted `ssl_key_file`.
    pub ssl_key_password: Option<Secret>,
    /// File holding the password of `ssl_key_file`.
    pub ssl_key_password_file: Option<PathBuf>,
    /// Check that the broker certificate names the host connected to
    /// (librdkafka `ssl.endpoint.identification.algorithm=https`). Turning it
    /// off allows a man in the middle holding any certificate of the CA.
    pub ssl_verify_hostname: bool,
}

impl Default for SecurityConfig {
    fn default() -> Self {
        SecurityConfig {
            protocol: Protocol::Plaintext,
            sasl_mechanism: SaslMechanism::ScramSha512,
            sasl_username: None,
            sasl_password: None,
            sasl_password_file: None,
            ssl_ca_file: None,
            ssl_certificate_file: None,
            ssl_key_file: None,
            ssl_key_password: None,
            ssl_key_password_file: None,
            ssl_verify_hostname: true,
        }
    }
}

fn invalid(key: &str, reason: impl Into<String>) -> ConfigError {
    ConfigError::Invalid {
        key: format!("kafka.security.{key}"),
        reason: reason.into(),
    }
}

/// Read a secret file; the error names the key and the path, never content.
fn read_secret(key: &str, path: &Path) -> Result<Secret, ConfigError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| invalid(key, format!("cannot read {}: {e}", path.display())))?;
    let value = text
        .strip_suffix("\r\n")
        .or_else(|| text.strip_suffix('\n'))
        .unwrap_or(&text);
    Ok(Secret::new(value))
}

impl SecurityConfig {
    /// Whether anything differs from the plaintext default.
    pub fn in_use(&self) -> bool {
        *self != SecurityConfig::default()
    }

    /// Read `*_file` secrets into their values (at load time, so a missing
    /// or unreadable file fails `check-config` and start-up, naming the key).
    pub fn load_files(&mut self) -> Result<(), ConfigError> {
        if let Some(p) = &self.sasl_password_file {
            if self.sasl_password.is_some() {
                return Err(invalid(
                    "sasl_password_file",
                    "set either sasl_password or sasl_password_file, not both",
                ));
            }
            self.sasl_password = Some(read_secret("sasl_password_file", p)?);
        }
        if let Some(p) = &self.ssl_key_password_file {
            if self.ssl_key_password.is_some() {
                return Err(invalid(
                    "ssl_key_password_file",
                    "set either ssl_key_password or ssl_key_password_file, not both",
                ));
            }
            self.ssl_key_password = Some(read_secret("ssl_key_password_file", p)?);
        }
        Ok(())
    }

    /// Check combinations; `properties` are the `kafka.*properties` tables
    /// (section name, table) that must not set what this section manages.
    pub fn validate<'a>(
        &self,
        properties: impl IntoIterator<Item = (&'a str, &'a std::collections::BTreeMap<String, String>)>,
    ) -> Result<(), ConfigError> {
        if self.in_use() {
            for (section, props) in properties {
                if let Some(k) = props
                    .keys()
                    .find(|k| MANAGED_PROPERTIES.contains(&k.as_str()))
                {
                    return Err(ConfigError::Invalid {
                        key: format!("{section}.\"{k}\""),
                        reason: "is set by [kafka.security]; set it there only".into(),
                    });
                }
            }
        }
        let p = self.protocol;
        if p.sasl() {
            if self.sasl_username.as_deref().is_none_or(|u| u.is_empty()) {
                return Err(invalid(
                    "sasl_username",
                    format!("is required with protocol {}", p.as_librdkafka()),
                ));
            }
            if self.sasl_password.is_none() && self.sasl_password_file.is_none() {
                return Err(invalid(
                    "sasl_password",
                    format!(
                        "is required with protocol {} (or sasl_password_file, or env BYLINE_KAFKA__SECURITY__SASL_PASSWORD)",
                        p.as_librdkafka()
                    ),
                ));
            }
        } else {
            for (key, set) in [
                ("sasl_username", self.sasl_username.is_some()),
                ("sasl_password", self.sasl_password.is_some()),
                ("sasl_password_file", self.sasl_password_file.is_some()),
            ] {
                if set {
                    return Err(invalid(
                        key,
                        format!(
                            "is set but protocol {} does not use SASL (use sasl_plaintext or sasl_ssl)",
                            p.as_librdkafka()
                        ),
                    ));
                }
            }
        }
        if !p.tls() {
            for (key, set) in [
                ("ssl_ca_file", self.ssl_ca_file.is_some()),
                ("ssl_certificate_file", self.ssl_certificate_file.is_some()),
                ("ssl_key_file", self.ssl_key_file.is_some()),
                ("ssl_key_password", self.ssl_key_password.is_some()),
                (
                    "ssl_key_password_file",
                    self.ssl_key_password_file.is_some(),
                ),
            ] {
                if set {
                    return Err(invalid(
                        key,
                        format!(
                            "is set but protocol {} does not use TLS (use ssl or sasl_ssl)",
                            p.as_librdkafka()
                        ),
                    ));
                }
            }
        }
        match (&self.ssl_certificate_file, &self.ssl_key_file) {
            (Some(_), None) => {
                return Err(invalid(
                    "ssl_key_file",
                    "is required with ssl_certificate_file",
                ))
            }
            (None, Some(_)) => {
                return Err(invalid(
                    "ssl_certificate_file",
                    "is required with ssl_key_file",
                ))
            }
            _ => {}
        }
        for (key, path) in [
            ("ssl_ca_file", &self.ssl_ca_file),
            ("ssl_certificate_file", &self.ssl_certificate_file),
            ("ssl_key_file", &self.ssl_key_file),
        ] {
            if let Some(path) = path {
                if !path.is_file() {
                    return Err(invalid(key, format!("{} is not a file", path.display())));
                }
            }
        }
        Ok(())
    }

    /// The librdkafka properties of this section, secrets exposed: hand
    /// them to a `ClientConfig` only, never to a log line. Empty for the
    /// plaintext default, so `kafka.properties` keeps working as before.
    pub fn client_properties(&self) -> Vec<(&'static str, String)> {
        if !self.in_use() {
            return Vec::new();
        }
        let mut v = vec![("security.protocol", self.protocol.as_librdkafka().into())];
        if self.protocol.sasl() {
            v.push((
                "sasl.mechanisms",
                self.sasl_mechanism.as_librdkafka().into(),
            ));
            if let Some(u) = &self.sasl_username {
                v.push(("sasl.username", u.clone()));
            }
            if let Some(p) = &self.sasl_password {
                v.push(("sasl.password", p.expose().to_string()));
            }
        }
        if self.protocol.tls() {
            let path = |p: &PathBuf| p.display().to_string();
            if let Some(p) = &self.ssl_ca_file {
                v.push(("ssl.ca.location", path(p)));
            }
            if let Some(p) = &self.ssl_certificate_file {
                v.push(("ssl.certificate.location", path(p)));
            }
            if let Some(p) = &self.ssl_key_file {
                v.push(("ssl.key.location", path(p)));
            }
            if let Some(p) = &self.ssl_key_password {
                v.push(("ssl.key.password", p.expose().to_string()));
            }
            v.push((
                "ssl.endpoint.identification.algorithm",
                if self.ssl_verify_hostname {
                    "https"
                } else {
                    "none"
                }
                .into(),
            ));
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn secret_never_formats_its_value() {
        let s = Secret::new("hunter2");
        assert_eq!(format!("{s}"), REDACTED);
        assert_eq!(format!("{s:?}"), REDACTED);
        assert_eq!(format!("{:?}", Some(s.clone())), "Some(***)");
        assert_eq!(serde_json::to_string(&s).unwrap(), "\"***\"");
        assert_eq!(s.expose(), "hunter2");
    }

    #[test]
    fn secret_type_errors_do_not_quote_the_value() {
        let v: toml::Value = toml::from_str("sasl_password = 987654321").unwrap();
        let e = v.try_into::<SecurityConfig>().unwrap_err();
        assert!(!e.to_string().contains("987654321"), "{e}");
    }

    #[test]
    fn sasl_ssl_maps_to_librdkafka() {
        let dir = std::env::temp_dir().join(format!("byline-sec-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let ca = dir.join("ca.pem");
        std::fs::write(&ca, "x").unwrap();
        let pw = dir.join("pw");
        std::fs::write(&pw, "from-file\n").unwrap();
        let mut s = SecurityConfig {
            protocol: Protocol::SaslSsl,
            sasl_mechanism: SaslMechanism::ScramSha256,
            sasl_username: Some("u".into()),
            sasl_password_file: Some(pw),
            ssl_ca_file: Some(ca.clone()),
            ..SecurityConfig::default()
        };
        s.load_files().unwrap();
        s.validate([]).unwrap();
        let props: BTreeMap<_, _> = s.client_properties().into_iter().collect();
        assert_eq!(props["security.protocol"], "sasl_ssl");
        assert_eq!(props["sasl.mechanisms"], "SCRAM-SHA-256");
        assert_eq!(props["sasl.username"], "u");
        assert_eq!(props["sasl.password"], "from-file");
        assert_eq!(props["ssl.ca.location"], ca.display().to_string());
        assert_eq!(props["ssl.endpoint.identification.algorithm"], "https");
        assert!(!format!("{s:?}").contains("from-file"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn default_sets_nothing() {
        assert!(SecurityConfig::default().client_properties().is_empty());
    }

    #[test]
    fn bad_combinations_name_the_key() {
        let cases = [
            (
                SecurityConfig {
                    protocol: Protocol::SaslPlaintext,
                    sasl_password: Some(Secret::new("p")),
                    ..SecurityConfig::default()
                },
                "kafka.security.sasl_username",
            ),
            (
                SecurityConfig {
                    protocol: Protocol::SaslPlaintext,
                    sasl_username: Some("u".into()),
                    ..SecurityConfig::default()
                },
                "kafka.security.sasl_password",
            ),
            (
                SecurityConfig {
                    protocol: Protocol::Ssl,
                    sasl_username: Some("u".into()),
                    ..SecurityConfig::default()
                },
                "kafka.security.sasl_username",
            ),
            (
                SecurityConfig {
                    protocol: Protocol::SaslPlaintext,
                    sasl_username: Some("u".into()),
                    sasl_password: Some(Secret::new("p")),
                    ssl_ca_file: Some("/nonexistent".into()),
                    ..SecurityConfig::default()
                },
                "kafka.security.ssl_ca_file",
            ),
            (
                SecurityConfig {
                    protocol: Protocol::Ssl,
                    ssl_key_file: Some("/nonexistent".into()),
                    ..SecurityConfig::default()
                },
                "kafka.security.ssl_certificate_file",
            ),
            (
                SecurityConfig {
                    protocol: Protocol::Ssl,
                    ssl_ca_file: Some("/nonexistent/ca.pem".into()),
                    ..SecurityConfig::default()
                },
                "kafka.security.ssl_ca_file",
            ),
        ];
        for (s, key) in cases {
            let e = s.validate([]).unwrap_err().to_string();
            assert!(e.contains(key), "{key}: {e}");
        }
        let mut props = BTreeMap::new();
        props.insert("sasl.password".to_string(), "x".to_string());
        let s = SecurityConfig {
            protocol: Protocol::Ssl,
            ..SecurityConfig::default()
        };
        let e = s
            .validate([("kafka.properties", &props)])
            .unwrap_err()
            .to_string();
        assert!(e.contains("kafka.properties.\"sasl.password\""), "{e}");
        assert!(!e.contains("\"x\""), "{e}");
    }

    #[test]
    fn missing_password_file_names_the_key() {
        let mut s = SecurityConfig {
            protocol: Protocol::SaslPlaintext,
            sasl_username: Some("u".into()),
            sasl_password_file: Some("/nonexistent/pw".into()),
            ..SecurityConfig::default()
        };
        let e = s.load_files().unwrap_err().to_string();
        assert!(e.contains("kafka.security.sasl_password_file"), "{e}");
    }
}
