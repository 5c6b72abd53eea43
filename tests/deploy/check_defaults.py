#!/usr/bin/env python3
"""The worker's production defaults suit a production Kafka, not the test broker.

Runs the real binary (BYLINE_BIN) with the image's default config
(config/byline.toml) and with the Kubernetes ConfigMap (deploy/k8s/base/
byline.toml), brokers pointed at a closed loopback port and the consumer's librdkafka
`debug=conf`, and reads the consumer's "Client configuration" dump (every
property set on it) from the log:

- `fetch.wait.max.ms` is not set below librdkafka's default (500 ms): 10 ms
  suits tansu and the mock cluster, which hold every empty fetch for the full
  wait, and costs a real cluster ~100 empty fetches a second per idle pod;
- `partition.assignment.strategy` is `cooperative-sticky` (incremental
  rebalances);
- `group.instance.id` is not set (static membership is opt-in: it needs
  stable pod names, see deploy/README.md).

BYLINE_DEFAULTS_EXTRA_ENV="K=V,..." adds env to the runs (the negative
self-test in scripts/test-deploy.sh sets a 10 ms fetch wait).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import deploylib as dl  # noqa: E402

LIBRDKAFKA_FETCH_WAIT_DEFAULT_MS = 500
# (arguments, env): the ConfigMap's SASL credentials come from the Secret.
RUNS = {
    "image default config/byline.toml": ([], {}),
    "Kubernetes ConfigMap deploy/k8s/base/byline.toml": (
        ["--config", str(dl.DEPLOY / "k8s" / "base" / "byline.toml")],
        {"BYLINE_KAFKA__SECURITY__SASL_USERNAME": "placeholder", "BYLINE_KAFKA__SECURITY__SASL_PASSWORD": "placeholder"},
    ),
}


def consumer_config(args: list[str], run_env: dict[str, str], log: Path, timeout: float = 30) -> dict[str, str]:
    """The consumer's properties from librdkafka's configuration dump."""
    env = dict(os.environ)
    env.update({
        "BYLINE_KAFKA__BROKERS": f"127.0.0.1:{dl.free_port()}",
        # The consumer only: one dump in the log, no producer lines mixed in.
        "BYLINE_KAFKA__CONSUMER_PROPERTIES__DEBUG": "conf",
        "BYLINE_LOG__LEVEL": "debug",
        "BYLINE_LOG__FORMAT": "text",
        "BYLINE_METRICS__LISTEN": "127.0.0.1:0",
    })
    env.update(run_env)
    env.pop("RUST_LOG", None)
    for kv in filter(None, os.environ.get("BYLINE_DEFAULTS_EXTRA_ENV", "").split(",")):
        k, _, v = kv.partition("=")
        env[k] = v
    with open(log, "wb") as out:
        proc = subprocess.Popen([str(dl.byline_bin()), "run", *args], cwd=dl.ROOT, env=env,
                                stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            # librdkafka hands its log lines to the client's queue: the
            # consumer's dump arrives when the worker polls it, in one burst.
            if any("group.id" in b for b in dump_blocks(log.read_text(errors="replace"))):
                time.sleep(1)
                blocks = dump_blocks(log.read_text(errors="replace"))
                return next(b for b in blocks if "group.id" in b)
            if proc.poll() is not None:
                break
            time.sleep(0.2)
        raise SystemExit(f"no consumer configuration dump in {log} within {timeout}s:\n{log.read_text()[-2000:]}")
    finally:
        proc.send_signal(2)
        try:
            proc.wait(timeout=40)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def dump_blocks(text: str) -> list[dict]:
    """librdkafka's configuration dumps, one per client, in creation order.
    Their lines come from the creating thread ([thrd:app]); other threads'
    lines may interleave and are skipped."""
    blocks: list[dict] = []
    for line in text.splitlines():
        if "Client configuration:" in line:
            blocks.append({})
            continue
        m = re.search(r"CONF \[thrd:app\]:\s{2,}(\S+) = (.*)$", line)
        if blocks and m:
            blocks[-1][m.group(1)] = m.group(2).strip()
    return blocks


def main() -> None:
    c = dl.Checks("production defaults")
    binary = dl.byline_bin()
    if not binary.exists():
        c.ok(not dl.require_binary(), f"byline binary {binary} exists", "set BYLINE_BIN")
        if not dl.require_binary():
            print(f"  SKIP  production defaults: {binary} not found")
        c.finish()
    tmp = Path(tempfile.mkdtemp(prefix="byline-defaults-"))
    for i, (what, (args, run_env)) in enumerate(RUNS.items()):
        props = consumer_config(args, run_env, tmp / f"run{i}.log")
        wait = props.get("fetch.wait.max.ms")
        c.ok(wait is None or int(wait) >= LIBRDKAFKA_FETCH_WAIT_DEFAULT_MS,
             f"{what}: consumer fetch.wait.max.ms is librdkafka's default (not a test-broker value)",
             f"set to {wait}")
        c.ok(props.get("partition.assignment.strategy") == "cooperative-sticky",
             f"{what}: consumer partition.assignment.strategy is cooperative-sticky",
             f"{props.get('partition.assignment.strategy')}")
        c.ok("group.instance.id" not in props, f"{what}: no static membership unless configured",
             f"group.instance.id = {props.get('group.instance.id')}")
    c.finish()


if __name__ == "__main__":
    main()
