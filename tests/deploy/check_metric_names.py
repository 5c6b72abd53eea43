#!/usr/bin/env python3
"""Every metric (and label) used by the dashboard and the alert rules is one byline exports.

Two sources of truth, both checked:
1. the metrics interface table (deploy/METRICS.md, or BYLINE_METRICS_MD);
2. the live /metrics of a running byline (`byline run --embedded`), binary from
   BYLINE_BIN (default target/release/byline); the table's novelty section
   against a live `byline novelty` reading that run's embedded cluster.  Missing binary: skipped with a
   notice, or a failure when BYLINE_REQUIRE_BINARY=1 (CI after the merge).

Also: each alert has a firing and a silent promtool unit test.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import deploylib as dl  # noqa: E402


def check_against_table(c: dl.Checks, specs, usages, external=None) -> dict[str, set[str]]:
    """Returns family -> labels used with it (for the binary check).  Names of
    other exporters (`external`, the table's "From other exporters") are
    accepted with their labels but not expected from byline."""
    external = external or {}
    used: dict[str, set[str]] = {}
    for expr, u in usages:
        fams = set()
        others = set()
        for name in sorted(u.metrics):
            if name in dl.PROMETHEUS_SERIES:
                continue
            if name in external:
                others.add(name)
                continue
            fam = dl.family_of(name, specs)
            c.ok(fam is not None, f"{expr.where}: {name} is in the metrics table",
                 f"not exported (table {dl.metrics_md_path()})")
            if fam:
                fams.add(fam)
                used.setdefault(fam, set())
                if name.endswith("_bucket"):
                    pass
        # Labels: each label the expression names must exist on one of its metrics
        # (or be a target label, or `le` where buckets are read).
        allowed = set(dl.TARGET_LABELS)
        for fam in fams:
            allowed |= set(specs[fam].labels)
        for name in others:
            allowed |= set(external[name].labels)
        if any(n.endswith("_bucket") for n in u.metrics):
            allowed.add("le")
        if u.metrics & dl.PROMETHEUS_SERIES:
            allowed |= dl.TARGET_LABELS
        for label in sorted(u.labels):
            c.ok(label in allowed, f"{expr.where}: label {label!r} exists on {sorted(fams) or sorted(u.metrics)}",
                 f"allowed: {sorted(allowed)}")
        for name, labels in u.matcher_labels.items():
            fam = dl.family_of(name, specs)
            if fam:
                used[fam] |= labels - dl.TARGET_LABELS
        for fam in fams:
            used[fam] |= (u.labels - dl.TARGET_LABELS - {"le"}) & set(specs[fam].labels)
        c.ok(bool(u.metrics), f"{expr.where}: expression reads at least one metric", expr.text)
    return used


def check_alert_tests(c: dl.Checks) -> None:
    rules = yaml.safe_load(dl.RULES.read_text())
    alerts = {r["alert"] for g in rules["groups"] for r in g["rules"] if "alert" in r}
    tests = yaml.safe_load((dl.DEPLOY / "prometheus" / "alerts.test.yml").read_text())
    firing: set[str] = set()
    silent: set[str] = set()
    for t in tests["tests"]:
        for a in t.get("alert_rule_test", []):
            (firing if a.get("exp_alerts") else silent).add(a["alertname"])
    for a in sorted(alerts):
        c.ok(a in firing, f"alert {a} has a unit test in which it fires")
        c.ok(a in silent, f"alert {a} has a unit test in which it stays silent")
        rule = next(r for g in rules["groups"] for r in g["rules"] if r.get("alert") == a)
        url = rule.get("annotations", {}).get("runbook_url", "")
        anchor = url.split("#", 1)[-1] if "#" in url else ""
        runbook = (dl.DEPLOY / "RUNBOOK.md").read_text()
        headings = {h.strip("# ").strip().lower() for h in runbook.splitlines() if h.startswith("## ")}
        c.ok(anchor == a.lower() and a.lower() in headings,
             f"alert {a} links an existing RUNBOOK.md section", f"runbook_url={url!r}")


def check_live(c: dl.Checks, specs, used: dict[str, set[str]], expo: dl.Exposition, who: str) -> None:
    """`used` families (and their labels) are on the live exposition `expo` of `who`."""
    fams = expo.family_names()
    for fam in sorted(used):
        if fam not in fams and fam in dl.allowed_absent():
            print(f"  note  {fam} absent from live /metrics of {who} (allowed by BYLINE_DEPLOY_ALLOW_ABSENT)")
            continue
        if c.ok(fam in fams, f"live /metrics of {who} exports {fam}", "absent (a labelled series must be pre-registered at 0)"):
            have = expo.labels_of_family(fam)
            for label in sorted(used[fam]):
                c.ok(label in have, f"live {fam} of {who} carries label {label!r}", f"has {sorted(have)}")
            if specs[fam].kind == "histogram":
                c.ok(expo.types.get(fam) == "histogram" and f"{fam}_bucket" in expo.series,
                     f"live {fam} of {who} is a histogram with _bucket series")


def check_against_binary(c: dl.Checks, specs, used: dict[str, set[str]]) -> None:
    """The worker's families against `byline run --embedded`; the table's
    novelty families against `byline novelty` reading that run's embedded
    cluster, once it has restored its state and announced statements."""
    binary = dl.byline_bin()
    if not binary.exists():
        msg = f"byline binary {binary} not found (set BYLINE_BIN or build it: cargo build --release)"
        if dl.require_binary():
            c.ok(False, "live /metrics of a running byline", msg)
        else:
            print(f"  SKIP  live /metrics check: {msg}; BYLINE_REQUIRE_BINARY=1 makes this a failure")
        return
    novelty = dl.novelty_families()
    c.ok(bool(novelty), f"the metrics table has a novelty section ({dl.NOVELTY_HEADING!r})")
    worker_used = {f: ls for f, ls in used.items() if f not in novelty}
    novelty_used = {f: ls for f, ls in used.items() if f in novelty}
    timeout = float(dl.os.environ.get("BYLINE_METRICS_WAIT", "90"))
    logs = Path(tempfile.mkdtemp(prefix="byline-names-"))
    with dl.RunningByline(logs / "byline.log") as b:
        expo = b.wait_metrics(set(worker_used) - dl.allowed_absent(), timeout=timeout)
        brokers = b.embedded_brokers(timeout)
        with dl.RunningNovelty(logs / "novelty.log", brokers) as n:
            nexpo = n.wait_metrics(set(novelty_used) - dl.allowed_absent(), timeout=timeout, moved=dl.NOVELTY_MOVED)
    print(f"  (live /metrics: byline run {len(expo.family_names())} families, byline novelty "
          f"{len(nexpo.family_names())}; logs in {logs})")
    check_live(c, specs, worker_used, expo, "byline run")
    check_live(c, specs, novelty_used, nexpo, "byline novelty")
    for sample, labels in dl.NOVELTY_MOVED:
        c.ok(nexpo.value(sample, **labels) > 0, f"live byline novelty moved {sample}{labels or ''}",
             "still 0: it restored nothing or announced none of the worker's statements (log novelty.log)")
    # The table is what the deploy files were written against: report drift.
    for fam in sorted(set(specs) - novelty - expo.family_names()):
        print(f"  note  table metric {fam} not in live /metrics of byline run")
    for fam in sorted(novelty - nexpo.family_names()):
        print(f"  note  table metric {fam} not in live /metrics of byline novelty")


def main() -> None:
    c = dl.Checks("metric names")
    specs = dl.parse_metrics_md()
    print(f"metrics table: {dl.metrics_md_path()} ({len(specs)} metrics)")
    usages = dl.used_by_deploy_files()
    c.ok(len(usages) > 10, f"found {len(usages)} expressions in dashboard and rules")
    external = dl.parse_metrics_md(external=True)
    used = check_against_table(c, specs, usages, external)
    print(f"metrics used by the deploy files: {', '.join(sorted(used))}")
    check_alert_tests(c)
    check_against_binary(c, specs, used)
    c.finish()


if __name__ == "__main__":
    main()
