#!/usr/bin/env bash
# A broker that REQUIRES TLS and SASL/SCRAM, for tests/secure_broker.rs.
#
#   scripts/secure-broker.sh start   # prints the BYLINE_SECURE_* variables (one per line)
#   scripts/secure-broker.sh stop    # stops what `start` started
#
# Shape (tansu 0.6.0 cannot do TLS by itself: it parses --cert/--key and builds a
# TLS acceptor that it never uses, see tansu-broker-0.6.0/src/broker.rs):
#
#   client --TLS--> stunnel4 (127.0.0.1:TLS_PORT, throw-away CA) --TCP--> tansu
#   tansu --authentication: SASL required before any other request; SCRAM
#   credentials checked against its sqlite store; advertises the stunnel port,
#   so every connection a client makes after bootstrap goes through TLS too.
#
# The user is created with `tansu user create` on an unauthenticated run of the
# same sqlite store (memory storage keeps no SCRAM credentials, and an
# authenticated broker accepts no request before SASL), then tansu restarts with
# --authentication. The CA, keys and a random password are generated here, into
# ${BYLINE_SECURE_STATE:-target/secure-broker} (never committed); the password
# is handed to the tests as a file, the way a mounted Kubernetes Secret is.
# Fails loudly when openssl or stunnel4 is missing (scripts/test.sh installs them).
set -euo pipefail

TOOLS_DIR="${BYLINE_TOOLS_DIR:-$HOME/.cache/byline}"
TANSU="$TOOLS_DIR/tansu/bin/tansu"
STATE="${BYLINE_SECURE_STATE:-target/secure-broker}"
USER_NAME="byline-test"

die() { echo "secure-broker.sh: $*" >&2; exit 1; }

# One free-port finder for both brokers.
free_port() { "$(dirname "$0")/broker.sh" port; }

wait_port() { # port pidfile log
  for _ in $(seq 1 200); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
      return 0
    fi
    if ! kill -0 "$(cat "$2")" 2>/dev/null; then
      cat "$3" >&2
      die "process of $2 exited (log above)"
    fi
    sleep 0.05
  done
  die "nothing listens on $1"
}

stop_pid() { # pidfile
  if [[ -f "$1" ]]; then
    local pid
    pid=$(cat "$1")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.05
    done
    rm -f "$1"
  fi
}

certs() {
  local d="$STATE/tls"
  mkdir -p "$d"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=byline test CA" \
    -keyout "$d/ca.key" -out "$d/ca.pem" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" \
    -keyout "$d/server.key" -out "$d/server.csr" 2>/dev/null
  printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' >"$d/ext.cnf"
  openssl x509 -req -in "$d/server.csr" -CA "$d/ca.pem" -CAkey "$d/ca.key" -CAcreateserial \
    -days 2 -extfile "$d/ext.cnf" -out "$d/server.pem" 2>/dev/null
  # A CA that signed nothing here: a client trusting only it must refuse the broker.
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=byline other CA" \
    -keyout "$d/other-ca.key" -out "$d/other-ca.pem" 2>/dev/null
  chmod 600 "$d"/*.key
}

start() {
  [[ -x "$TANSU" ]] || die "tansu missing at $TANSU (run scripts/broker.sh install)"
  command -v openssl >/dev/null || die "openssl missing (apt-get install openssl)"
  command -v stunnel4 >/dev/null || die "stunnel4 missing (apt-get install stunnel4)"
  stop
  rm -rf "$STATE"
  mkdir -p "$STATE"
  STATE=$(cd "$STATE" && pwd)
  certs
  local password tansu_port tls_port
  password=$(openssl rand -hex 16)
  (umask 077 && printf '%s\n' "$password" >"$STATE/password")
  tansu_port=$(free_port)
  tls_port=$(free_port)
  [[ $tansu_port != "$tls_port" ]] || tls_port=$(free_port)

  # 1. Unauthenticated, to create the SCRAM user in the sqlite store.
  (cd "$STATE" && exec "$TANSU" broker --silent \
    --listener-url "tcp://127.0.0.1:$tansu_port" \
    --advertised-listener-url "tcp://127.0.0.1:$tls_port" \
    --storage-engine sqlite://tansu.db >"$STATE/tansu-setup.log" 2>&1) &
  echo $! >"$STATE/tansu.pid"
  wait_port "$tansu_port" "$STATE/tansu.pid" "$STATE/tansu-setup.log"
  for mech in scram512 scram256; do
    "$TANSU" user create --broker "tcp://127.0.0.1:$tansu_port" --mechanism "$mech" \
      "$USER_NAME" "$password" >>"$STATE/tansu-setup.log" 2>&1 ||
      { cat "$STATE/tansu-setup.log" >&2; die "tansu user create failed"; }
  done
  stop_pid "$STATE/tansu.pid"

  # 2. The same store, authentication required.
  (cd "$STATE" && exec "$TANSU" broker --silent --authentication \
    --listener-url "tcp://127.0.0.1:$tansu_port" \
    --advertised-listener-url "tcp://127.0.0.1:$tls_port" \
    --storage-engine sqlite://tansu.db >"$STATE/tansu.log" 2>&1) &
  echo $! >"$STATE/tansu.pid"
  wait_port "$tansu_port" "$STATE/tansu.pid" "$STATE/tansu.log"

  # 3. TLS in front of it.
  cat >"$STATE/stunnel.conf" <<CONF
foreground = yes
pid =
debug = 4
[kafka]
accept = 127.0.0.1:$tls_port
connect = 127.0.0.1:$tansu_port
cert = $STATE/tls/server.pem
key = $STATE/tls/server.key
CONF
  stunnel4 "$STATE/stunnel.conf" >"$STATE/stunnel.log" 2>&1 &
  echo $! >"$STATE/stunnel.pid"
  wait_port "$tls_port" "$STATE/stunnel.pid" "$STATE/stunnel.log"

  echo "BYLINE_SECURE_BROKERS=127.0.0.1:$tls_port"
  echo "BYLINE_SECURE_CA=$STATE/tls/ca.pem"
  echo "BYLINE_SECURE_OTHER_CA=$STATE/tls/other-ca.pem"
  echo "BYLINE_SECURE_USER=$USER_NAME"
  echo "BYLINE_SECURE_PASSWORD_FILE=$STATE/password"
}

stop() {
  stop_pid "$STATE/stunnel.pid"
  stop_pid "$STATE/tansu.pid"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
