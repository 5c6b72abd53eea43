#!/usr/bin/env bash
# The project's test command (what CI runs through .ci/run):
#   1. system packages librdkafka's build needs (apt, when missing and root),
#   2. tansu installed (cached) and started on a free loopback port,
#   3. `cargo test --all-targets` (unit + mock-cluster tests), then the entity
#      tagger's quality gate on CoNLL-2003 dev (scripts/entity-gate.sh),
#   4. the real-broker tests in tests/real_broker.rs against tansu, then the
#      broker-fault tests in tests/broker_faults.rs (they start, kill and
#      restart their own tansu processes, binary in BYLINE_TANSU),
#   4b. the TLS + SASL/SCRAM tests in tests/secure_broker.rs against a second
#       tansu requiring authentication behind stunnel4 (scripts/secure-broker.sh),
#   4c. `cargo deny check licenses bans sources` (cargo-deny installed, cached),
#   5. a smoke run of the benchmark harness and the deployment checks
#      (scripts/test-deploy.sh) against the built binary,
#   6. the broker stopped (also on failure).
# BYLINE_KILL9_RUNS=20 scripts/test.sh repeats the kill -9 test 20 times.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
for pkg in build-essential pkg-config libssl-dev zlib1g-dev openssl stunnel4; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if ((${#need[@]})) && command -v apt-get >/dev/null && [[ $(id -u) == 0 ]]; then
  echo "test.sh: installing ${need[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

scripts/broker.sh install
trap 'scripts/broker.sh stop; scripts/secure-broker.sh stop' EXIT
eval "export $(scripts/broker.sh start)"
echo "test.sh: broker at $BYLINE_TEST_BROKERS" >&2

cargo build --all-targets
cargo test --all-targets
# Entity tagger quality gate: CoNLL-2003 dev F1 floor and the seed article
# (scripts/entity-gate.sh; the dev data is in ../shared/eval).
scripts/entity-gate.sh target/debug/byline
cargo test --test real_broker -- --include-ignored --test-threads=1
cargo test --test novelty_broker -- --include-ignored --test-threads=1
BYLINE_TANSU="$(scripts/broker.sh path)" \
  cargo test --test broker_faults -- --include-ignored --test-threads=1
# TLS + SASL/SCRAM: a broker that refuses anything else (fails loudly when
# openssl or stunnel4 is missing).
eval "$(scripts/secure-broker.sh start | sed 's/^/export /')"
echo "test.sh: TLS+SASL broker at $BYLINE_SECURE_BROKERS" >&2
cargo test --test secure_broker -- --include-ignored --test-threads=1
scripts/secure-broker.sh stop
# Dependency policy (deny.toml). The advisories check needs the RustSec
# database from GitHub, unreachable from CI here: see README, "Security".
DENY_ROOT="${BYLINE_TOOLS_DIR:-$HOME/.cache/byline}/cargo-deny"
if [[ ! -x "$DENY_ROOT/bin/cargo-deny" ]]; then
  echo "test.sh: installing cargo-deny into $DENY_ROOT (several minutes)" >&2
  cargo install cargo-deny --version 0.20.2 --locked --root "$DENY_ROOT" >&2
fi
"$DENY_ROOT/bin/cargo-deny" check licenses bans sources
# Smoke of the whole-worker benchmark harness (scripts/bench-worker.sh), not
# timed: 200 backlog articles then 5 s at 40/s through the debug worker; it
# fails when an article event does not come out.
target/debug/bench-worker --brokers "$BYLINE_TEST_BROKERS" --byline target/debug/byline \
  --backlog 200 --rate 40 --duration 5 --out-dir target/bench-smoke >/dev/null
# Deployment checks (promtool rule tests, dashboard/alert metric names against
# a running byline's /metrics, a real Prometheus scrape, k8s schemas, hadolint).
BYLINE_BIN=target/debug/byline BYLINE_REQUIRE_BINARY=1 bash scripts/test-deploy.sh
echo "test.sh: all tests passed in ${SECONDS}s" >&2
