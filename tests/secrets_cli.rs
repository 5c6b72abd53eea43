//! Secrets given to the real binary (environment, secret file, TOML,
//! librdkafka pass-through properties) never appear in `byline check-config`
//! output, on stdout or stderr, including when the config is rejected.

use std::path::PathBuf;
use std::process::{Command, Output};

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("byline-secrets-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// `byline check-config --config <toml>` with `env`, no inherited BYLINE_*.
fn check_config(dir: &PathBuf, toml: &str, env: &[(&str, &str)]) -> Output {
    let cfg = dir.join("byline.toml");
    std::fs::write(&cfg, toml).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_byline"));
    cmd.arg("check-config")
        .arg("--config")
        .arg(&cfg)
        .current_dir(dir);
    for (k, _) in std::env::vars() {
        if k.starts_with("BYLINE_") {
            cmd.env_remove(k);
        }
    }
    cmd.envs(env.iter().copied());
    cmd.output().unwrap()
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

const SASL_SSL: &str = "[kafka.security]\nprotocol = \"sasl_ssl\"\nsasl_username = \"svc\"\n";

#[test]
fn env_password_is_redacted() {
    let d = tmpdir("env");
    let pw = "Pw-0123456789-env";
    let o = check_config(
        &d,
        SASL_SSL,
        &[("BYLINE_KAFKA__SECURITY__SASL_PASSWORD", pw)],
    );
    let out = text(&o);
    assert!(o.status.success(), "{out}");
    assert!(!out.contains(pw), "{out}");
    assert!(out.contains("sasl_password = \"***\""), "{out}");
    assert!(out.contains("protocol = \"sasl_ssl\""), "{out}");
}

#[test]
fn password_file_is_read_and_redacted() {
    let d = tmpdir("file");
    let pw = "Pw-0123456789-file";
    let f = d.join("sasl-password");
    std::fs::write(&f, format!("{pw}\n")).unwrap();
    let o = check_config(
        &d,
        SASL_SSL,
        &[(
            "BYLINE_KAFKA__SECURITY__SASL_PASSWORD_FILE",
            f.to_str().unwrap(),
        )],
    );
    let out = text(&o);
    assert!(o.status.success(), "{out}");
    assert!(!out.contains(pw), "{out}");
    assert!(out.contains("sasl_password = \"***\""), "{out}");
    // A missing file is an error naming the key, not a silent empty password.
    let o = check_config(
        &d,
        SASL_SSL,
        &[(
            "BYLINE_KAFKA__SECURITY__SASL_PASSWORD_FILE",
            "/nonexistent/pw",
        )],
    );
    assert!(!o.status.success());
    assert!(text(&o).contains("kafka.security.sasl_password_file"));
}

#[test]
fn toml_and_passthrough_secrets_are_redacted() {
    let d = tmpdir("toml");
    let toml = format!(
        "{SASL_SSL}sasl_password = \"Pw-in-toml-42\"\n[kafka.producer_properties]\n\"ssl.keystore.password\" = \"Pw-key-43\"\n"
    );
    let o = check_config(&d, &toml, &[]);
    let out = text(&o);
    assert!(o.status.success(), "{out}");
    assert!(
        !out.contains("Pw-in-toml-42") && !out.contains("Pw-key-43"),
        "{out}"
    );
    // The older route, librdkafka properties from the environment.
    let o = check_config(
        &d,
        "",
        &[
            ("BYLINE_KAFKA__PROPERTIES__SECURITY.PROTOCOL", "SASL_SSL"),
            ("BYLINE_KAFKA__PROPERTIES__SASL.PASSWORD", "Pw-props-44"),
        ],
    );
    let out = text(&o);
    assert!(o.status.success(), "{out}");
    assert!(!out.contains("Pw-props-44"), "{out}");
}

#[test]
fn rejected_configs_do_not_print_the_secret() {
    let d = tmpdir("rejected");
    // A password for a protocol without SASL.
    let o = check_config(
        &d,
        "[kafka.security]\nprotocol = \"ssl\"\n",
        &[("BYLINE_KAFKA__SECURITY__SASL_PASSWORD", "Pw-rejected-45")],
    );
    let out = text(&o);
    assert!(!o.status.success(), "{out}");
    assert!(out.contains("kafka.security.sasl_password"), "{out}");
    assert!(!out.contains("Pw-rejected-45"), "{out}");
    // A password of the wrong TOML type (serde would quote the value).
    let o = check_config(&d, &format!("{SASL_SSL}sasl_password = 987654321\n"), &[]);
    let out = text(&o);
    assert!(!o.status.success(), "{out}");
    assert!(!out.contains("987654321"), "{out}");
    // Both the section and the pass-through setting the same property.
    let o = check_config(
        &d,
        &format!("{SASL_SSL}[kafka.properties]\n\"sasl.password\" = \"Pw-dup-46\"\n"),
        &[("BYLINE_KAFKA__SECURITY__SASL_PASSWORD", "Pw-dup-47")],
    );
    let out = text(&o);
    assert!(!o.status.success(), "{out}");
    assert!(
        !out.contains("Pw-dup-46") && !out.contains("Pw-dup-47"),
        "{out}"
    );
}
