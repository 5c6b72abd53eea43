#!/usr/bin/env python3
"""deploy/k8s/base/prometheusrule.yaml is deploy/prometheus/alerts.yml wrapped
in a PrometheusRule (the Prometheus Operator loads rules only from those).

alerts.yml is the one source (promtool tests it, compose's Prometheus loads
it); this writes the wrapped copy, and check_k8s.py fails when the two differ.

usage: prometheusrule.py [--write]   (without --write: print it)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import deploylib as dl  # noqa: E402

TARGET = dl.DEPLOY / "k8s" / "base" / "prometheusrule.yaml"
HEADER = """\
# GENERATED from deploy/prometheus/alerts.yml by tests/deploy/prometheusrule.py
# --write: edit alerts.yml, then regenerate (scripts/test-deploy.sh fails
# while they differ). Its `release` label comes from base/settings.yaml.
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: byline
spec:
"""


def render(rules: Path = dl.RULES) -> str:
    body = "".join("  " + ln if ln.strip() else ln for ln in rules.read_text().splitlines(keepends=True)
                   if not ln.startswith("#"))
    return HEADER + body


if __name__ == "__main__":
    text = render()
    if "--write" in sys.argv:
        TARGET.write_text(text)
        print(f"wrote {TARGET}")
    else:
        sys.stdout.write(text)
