#!/usr/bin/env bash
# Whole-worker benchmark (issue 8) and soak (issue 7) against a real broker.
#
#   scripts/bench-worker.sh                      # the suite: backlog + 1,000 articles/s,
#                                                # all stages vs pass-through (the ceiling)
#   scripts/bench-worker.sh --backlog 200        # one run with its own options
#   scripts/bench-worker.sh --soak 600 [--rate 500] [--backlog 50000]
#                                                # bounded, self-stopping soak
#
# Builds release, starts its own tansu (state in target/bench-broker, so it
# never collides with the test broker), runs target/release/bench-worker
# (src/bin/bench-worker.rs; `--help` lists every option), stops the broker.
# The figures go to stdout as a Markdown table and to target/bench/*.json;
# the worker logs to target/bench/<run>.log.
# Not a test: the CPU is shared, so numbers are only comparable within a run.
set -euo pipefail
cd "$(dirname "$0")/.."

args=()
soak=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --soak) soak="$2"; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
has() { [[ " ${args[*]-} " == *" $1 "* ]]; }
if [[ -n "$soak" ]]; then
  has --rate || args+=(--rate 500)
  has --backlog || args+=(--backlog 50000)
  has --sample-secs || args+=(--sample-secs 5)
  args+=(--duration "$soak")
elif [[ ${#args[@]} -eq 0 ]]; then
  args=(--suite --backlog 20000 --rate 1000 --duration 20)
fi

cargo build --release --bins >&2
export BYLINE_BROKER_STATE="${BYLINE_BROKER_STATE:-target/bench-broker}"
brokers=$(scripts/broker.sh start | sed -n 's/^BYLINE_TEST_BROKERS=//p')
trap 'scripts/broker.sh stop' EXIT
mkdir -p target/bench
stamp=$(date -u +%Y%m%dT%H%M%SZ)
target/release/bench-worker --brokers "$brokers" --broker-pid "$(cat "$BYLINE_BROKER_STATE/pid")" --json "target/bench/$stamp.json" "${args[@]}"
