#!/usr/bin/env python3
"""A real Prometheus scrapes a target; the series the dashboard and alerts use exist.

  --target byline  scrape a running `byline run --embedded` (BYLINE_BIN) as job byline and
                   a `byline novelty` on its embedded cluster as job byline-novelty;
                   the real test
  --target fake    scrape fake_exporter.py (shaped by deploy/METRICS.md): tests the
                   Prometheus side (config, rules, queries) without the worker

Checks, against the Prometheus HTTP API after a few scrapes:
- the target is up;
- every metric family used by the dashboard or the rules has series under
  job="byline" (the table's novelty section: job="byline-novelty"), with the labels the metrics table documents and the labels the
  deploy files use, plus the target labels job and instance;
- every dashboard expression (Grafana variables substituted) is accepted by
  Prometheus and returns data; every rule expression is accepted;
- the alert rules loaded and evaluate without error (health "ok").

Needs `prometheus` on PATH (Debian package prometheus).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import deploylib as dl  # noqa: E402

HERE = Path(__file__).resolve().parent


def api(base: str, path: str, **params) -> dict:
    url = f"{base}{path}?{urllib.parse.urlencode(params, doseq=True)}"
    code, body = dl.http_get(url, timeout=10)
    try:
        doc = json.loads(body)
    except json.JSONDecodeError:
        return {"status": "error", "error": f"HTTP {code}: {body[:200]}"}
    return doc


def wait(cond, timeout: float, what: str, step: float = 0.5):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            v = cond()
            if v:
                return v
        except OSError:
            pass
        time.sleep(step)
    raise RuntimeError(f"timed out after {timeout}s waiting for {what}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--target", choices=["byline", "fake"], required=True)
    args = ap.parse_args()

    c = dl.Checks(f"prometheus scrape ({args.target})")
    prom = shutil.which("prometheus")
    if not prom:
        c.ok(False, "prometheus binary on PATH", "install the Debian package prometheus")
        c.finish()
    specs = dl.parse_metrics_md()
    external = dl.parse_metrics_md(external=True)
    usages = dl.used_by_deploy_files()
    # family -> labels the deploy files use with it
    used: dict[str, set[str]] = {}
    for _, u in usages:
        fams = {dl.family_of(n, specs) for n in u.metrics} - {None}
        for f in fams:
            used.setdefault(f, set()).update((u.labels - dl.TARGET_LABELS - {"le"}) & set(specs[f].labels))
    novelty = dl.novelty_families() if args.target == "byline" else set()
    work = Path(tempfile.mkdtemp(prefix=f"byline-prom-{args.target}-"))
    procs: list[subprocess.Popen] = []
    byline = None
    nov = None
    targets: dict[str, str] = {}  # job -> host:port
    try:
        # --- the target --------------------------------------------------------
        if args.target == "fake":
            port = dl.free_port()
            procs.append(subprocess.Popen([sys.executable, str(HERE / "fake_exporter.py"), str(port)],
                                          stdin=subprocess.DEVNULL))
            wait(lambda: dl.http_get(f"http://127.0.0.1:{port}/metrics")[0] == 200, 15, "fake exporter")
        else:
            binary = dl.byline_bin()
            if not binary.exists():
                c.ok(False, f"byline binary {binary} exists", "set BYLINE_BIN or cargo build --release")
                c.finish()
            byline = dl.RunningByline(work / "byline.log").__enter__()
            port = byline.port
            timeout = float(dl.os.environ.get("BYLINE_METRICS_WAIT", "90"))
            # Let the embedded run publish and process the samples first.
            byline.wait_metrics(set(used) - novelty - dl.allowed_absent(), timeout=timeout)
            # The novelty processor reads the statements of that run.
            nov = dl.RunningNovelty(work / "novelty.log", byline.embedded_brokers(timeout)).__enter__()
            nov.wait_metrics(novelty & set(used) - dl.allowed_absent(), timeout=timeout, moved=dl.NOVELTY_MOVED)
            targets[dl.NOVELTY_JOB] = f"127.0.0.1:{nov.port}"
        target = f"127.0.0.1:{port}"
        targets["byline"] = target

        # --- Prometheus ------------------------------------------------------------
        shutil.copy(dl.RULES, work / "alerts.yml")
        (work / "prometheus.yml").write_text(
            "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
            "rule_files: [alerts.yml]\n"
            "scrape_configs:\n"
            + "".join(f"  - job_name: {job}\n    static_configs:\n      - targets: ['{t}']\n" for job, t in targets.items())
        )
        pport = dl.free_port()
        base = f"http://127.0.0.1:{pport}"
        plog = open(work / "prometheus.log", "wb")
        procs.append(subprocess.Popen(
            [prom, f"--config.file={work / 'prometheus.yml'}", f"--storage.tsdb.path={work / 'data'}",
             f"--web.listen-address=127.0.0.1:{pport}"],
            stdin=subprocess.DEVNULL, stdout=plog, stderr=subprocess.STDOUT))
        wait(lambda: dl.http_get(f"{base}/-/ready")[0] == 200, 30, "Prometheus ready")
        print(f"Prometheus on {base}, scraping {target}; files in {work}")
        # Enough scrapes for rate() over 1m windows.
        wait(lambda: api(base, "/api/v1/query", query='count_over_time(up{job="byline"}[1m]) >= 6')["data"]["result"],
             60, "six scrapes of the target")

        for job in targets:
            up = api(base, "/api/v1/query", query=f'up{{job="{job}"}}')["data"]["result"]
            c.ok(bool(up) and up[0]["value"][1] == "1", f"target job={job} is up", str(up))

        # --- series and labels -------------------------------------------------------
        for fam in sorted(used):
            sample = f"{fam}_bucket" if specs[fam].kind == "histogram" else fam
            job = dl.job_of(fam, novelty)
            res = api(base, "/api/v1/series", **{"match[]": f'{{__name__="{sample}",job="{job}"}}'})
            series = res.get("data") or []
            if not series and args.target == "byline" and fam in dl.allowed_absent():
                print(f"  note  no series {sample} (allowed by BYLINE_DEPLOY_ALLOW_ABSENT)")
                continue
            if not c.ok(bool(series), f"series {sample} exists under job={job}", res.get("error", "no series")):
                continue
            have = set().union(*(s.keys() for s in series))
            expected = set(specs[fam].labels) | used[fam] | {"job", "instance"}
            if specs[fam].kind == "histogram":
                expected.add("le")
            missing = expected - have
            c.ok(not missing, f"series {sample} carries labels {sorted(expected - {'__name__'})}",
                 f"missing {sorted(missing)}")
            for label, values in specs[fam].labels.items():
                if values and args.target == "byline":
                    seen = {s.get(label) for s in series}
                    unknown = seen - set(values)
                    c.ok(not unknown, f"{fam} label {label} values are documented ones", f"undocumented {sorted(unknown)}")

        # --- the expressions ---------------------------------------------------------
        for expr in dl.dashboard_exprs():
            q = dl.substitute_grafana(expr.text)
            if expr.where.startswith("variable"):
                # label_values(sel, label) is Grafana's, not PromQL: query its selector.
                q = q.split("label_values(", 1)[1].rsplit(",", 1)[0]
            res = api(base, "/api/v1/query", query=q)
            if c.ok(res.get("status") == "success", f"Prometheus accepts {expr.where}", f"{res.get('error')} in {q}"):
                if dl.analyse(expr.text).metrics & set(external):
                    print(f"  note  {expr.where} reads another exporter's metrics: not scraped here")
                    continue
                if not res["data"]["result"] and args.target == "byline" and any(f in q for f in dl.allowed_absent()):
                    print(f"  note  {expr.where} returns no data (reads a metric allowed absent)")
                    continue
                c.ok(bool(res["data"]["result"]), f"{expr.where} returns data", q)
        for expr in dl.rule_exprs():
            res = api(base, "/api/v1/query", query=expr.text)
            c.ok(res.get("status") == "success", f"Prometheus accepts {expr.where}", str(res.get("error")))

        # --- rules loaded and evaluated ---------------------------------------------
        def evaluated():
            groups = api(base, "/api/v1/rules")["data"]["groups"]
            rules = [r for g in groups for r in g["rules"]]
            return rules if rules and all(r.get("lastEvaluation", "").startswith("20") for r in rules) else None

        rules = wait(evaluated, 30, "rule evaluation")
        n_alerts = sum(1 for g in dl.yaml_load(dl.RULES)["groups"] for r in g["rules"] if "alert" in r)
        c.ok(len(rules) == n_alerts, f"Prometheus loaded {len(rules)} alert rules", f"expected {n_alerts}")
        for r in rules:
            c.ok(r.get("health") == "ok", f"rule {r['name']} evaluates without error", r.get("lastError", ""))
        firing = [r["name"] for r in rules if r.get("state") != "inactive"]
        print(f"  (alerts pending or firing against this target: {firing or 'none'})")
        if args.target == "fake":
            c.ok("BylineNotReady" not in firing, "BylineNotReady stays silent for a ready, up target")
    finally:
        for p in reversed(procs):
            p.terminate()
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
        if nov is not None:
            nov.__exit__(None, None, None)
        if byline is not None:
            byline.__exit__(None, None, None)
    c.finish()


if __name__ == "__main__":
    main()
