#!/usr/bin/env python3
"""A stand-in for byline's /metrics, shaped by the metrics table (deploy/METRICS.md).

Only for testing the Prometheus side (scrape config, rules, dashboard queries)
before the worker exists on this branch: `test_prometheus_scrape.py --target fake`.
The real check scrapes a running byline (`--target byline`).

Every table row becomes series with each documented label; labels without
documented values get plausible ones (topic, partition, reason, version).
Counters and histogram buckets grow with time so that rate() is non-zero.

usage: fake_exporter.py PORT
"""

from __future__ import annotations

import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import product
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import deploylib as dl  # noqa: E402

DEFAULT_VALUES = {
    "topic": ["articles.raw"],
    "partition": ["0", "1", "2"],
    "reason": ["invalid_json", "too_large"],
    "version": ["0.0.0-fake"],
}
OUTPUT_TOPICS = ["articles.enriched", "statements", "articles.dlq"]
BUCKETS = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30]
START = time.monotonic()


def label_sets(spec: dl.MetricSpec) -> list[dict[str, str]]:
    names = list(spec.labels)
    values = []
    for n in names:
        v = spec.labels[n] or DEFAULT_VALUES.get(n, ["x"])
        if n == "topic" and ("produce" in spec.name or "records" in spec.name):
            v = OUTPUT_TOPICS
        values.append(v)
    return [dict(zip(names, combo)) for combo in product(*values)] if names else [{}]


def fmt(labels: dict[str, str]) -> str:
    if not labels:
        return ""
    return "{" + ",".join(f'{k}="{v}"' for k, v in labels.items()) + "}"


def render(specs: dict[str, dl.MetricSpec]) -> str:
    t = time.monotonic() - START
    lines = []
    for spec in specs.values():
        kind = spec.kind if spec.kind in ("counter", "gauge", "histogram") else "gauge"
        lines.append(f"# HELP {spec.name} fake {spec.name}")
        lines.append(f"# TYPE {spec.name} {kind}")
        for i, ls in enumerate(label_sets(spec)):
            if kind == "counter":
                lines.append(f"{spec.name}{fmt(ls)} {10 * t * (i + 1):.3f}")
            elif kind == "histogram":
                n = 5 * t
                for b in BUCKETS:
                    frac = min(1.0, b / 0.5)
                    lines.append(f"{spec.name}_bucket{fmt({**ls, 'le': repr(float(b))})} {n * frac:.3f}")
                lines.append(f"{spec.name}_bucket{fmt({**ls, 'le': '+Inf'})} {n:.3f}")
                lines.append(f"{spec.name}_sum{fmt(ls)} {n * 0.2:.3f}")
                lines.append(f"{spec.name}_count{fmt(ls)} {n:.3f}")
            else:
                value = 1 if spec.name in ("byline_ready", "byline_build_info") else 3 + i
                lines.append(f"{spec.name}{fmt(ls)} {value}")
    return "\n".join(lines) + "\n"


def main() -> None:
    port = int(sys.argv[1])
    specs = dl.parse_metrics_md()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            if self.path == "/metrics":
                body = render(specs).encode()
                ctype = "text/plain; version=0.0.4"
            elif self.path in ("/healthz", "/readyz"):
                body, ctype = b"ok\n", "text/plain"
            else:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()


if __name__ == "__main__":
    main()
