#!/usr/bin/env bash
# Install (cached) and start/stop a Kafka-compatible broker (tansu 0.6.0) on a
# free loopback port, for the real-broker tests.
#
#   scripts/broker.sh install        # install tansu if missing (~8 min on 2 cores)
#   scripts/broker.sh start          # prints BYLINE_TEST_BROKERS=127.0.0.1:PORT
#   scripts/broker.sh port           # prints a free loopback port
#   scripts/broker.sh stop           # stops the broker started by `start`
#   scripts/broker.sh path           # installs if missing, prints the tansu binary
#
# The binary is cached at ${BYLINE_TOOLS_DIR:-$HOME/.cache/byline}/tansu/bin/tansu
# and reinstalled only when missing. State (pid, log) lives in
# ${BYLINE_BROKER_STATE:-target/broker}.
set -euo pipefail

TOOLS_DIR="${BYLINE_TOOLS_DIR:-$HOME/.cache/byline}"
TANSU_ROOT="$TOOLS_DIR/tansu"
TANSU="$TANSU_ROOT/bin/tansu"
STATE="${BYLINE_BROKER_STATE:-target/broker}"

install() {
  if [[ -x "$TANSU" ]]; then
    return 0
  fi
  echo "broker.sh: installing tansu 0.6.0 into $TANSU_ROOT (takes several minutes)" >&2
  mkdir -p "$TANSU_ROOT"
  cargo install tansu --version 0.6.0 --locked --features dynostore,libsql --root "$TANSU_ROOT" >&2
}

free_port() {
  # Below the kernel's ephemeral range: a port of that range can be taken
  # as the local end of some outgoing connection between this pick and the
  # broker's (or stunnel's) bind, which then fails "Address already in use".
  local p lo=20000 hi=32767 eph _rest
  if read -r eph _rest </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null &&
    ((eph > lo + 1000)); then
    hi=$((eph - 1))
  fi
  for _ in $(seq 1 100); do
    p=$((lo + RANDOM % (hi - lo + 1)))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return 0
    fi
  done
  echo "broker.sh: no free port found" >&2
  return 1
}

start() {
  install
  mkdir -p "$STATE"
  local port
  port=$(free_port)
  local url="tcp://127.0.0.1:$port"
  "$TANSU" broker --listener-url "$url" --advertised-listener-url "$url" \
    --storage-engine memory://tansu/ >"$STATE/tansu.log" 2>&1 &
  echo $! >"$STATE/pid"
  for _ in $(seq 1 200); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "127.0.0.1:$port" >"$STATE/brokers"
      echo "BYLINE_TEST_BROKERS=127.0.0.1:$port"
      return 0
    fi
    if ! kill -0 "$(cat "$STATE/pid")" 2>/dev/null; then
      echo "broker.sh: tansu exited; log:" >&2
      cat "$STATE/tansu.log" >&2
      return 1
    fi
    sleep 0.05
  done
  echo "broker.sh: tansu did not listen on $port" >&2
  return 1
}

stop() {
  if [[ -f "$STATE/pid" ]]; then
    kill "$(cat "$STATE/pid")" 2>/dev/null || true
    rm -f "$STATE/pid" "$STATE/brokers"
  fi
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  path) install; echo "$TANSU" ;;
  port) free_port ;;
  *) echo "usage: $0 install|start|stop|path|port" >&2; exit 2 ;;
esac
