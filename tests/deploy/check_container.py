#!/usr/bin/env python3
"""Dockerfile, .dockerignore and the compose stack: what can be checked without a Docker engine.

- Dockerfile: hadolint (run by scripts/test-deploy.sh) plus the properties the
  deployment relies on: multi-stage, a distroless/cc (or debian-slim) runtime
  pinned by digest that installs nothing, non-root numeric USER, EXPOSE 9464, a
  HEALTHCHECK on /healthz by the binary itself, config/ and the data licences
  in the image (the data is compiled in), every COPY source present in the
  build context and not excluded by .dockerignore, every ARG documented in the
  header; the binary (BYLINE_BIN) needs no shared library beyond what
  distroless/cc-debian12 has (zlib aside: the image build links it
  statically, CARGO_FEATURES).
- compose.yaml: parses; KRaft Kafka from apache/kafka; the topic one-shot creates
  the four topics; byline built from deploy/Dockerfile with
  BYLINE_KAFKA__BROKERS=kafka:9092; every bind-mounted file exists; Prometheus
  config valid (`promtool check config`, alert rules included); Grafana
  provisioning points at the mounted dashboard.

Not checked here: building the image and starting the stack (no Docker engine
on the test machines).
"""

from __future__ import annotations

import fnmatch
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import deploylib as dl  # noqa: E402

DOCKERFILE = Path(os.environ.get("BYLINE_DOCKERFILE", dl.DEPLOY / "Dockerfile"))
COMPOSE_DIR = dl.DEPLOY / "compose"
# Overridable so that a mutated copy can be fed (its relative paths still
# resolve against COMPOSE_DIR).
COMPOSE_FILE = Path(os.environ.get("BYLINE_COMPOSE_FILE", COMPOSE_DIR / "compose.yaml"))
TOPICS = ["articles.raw", "articles.enriched", "statements", "articles.dlq"]
# COPY sources that arrive with the worker branch (the lead merges it).
FROM_WORKER_BRANCH = {"config"}
# Shared libraries of gcr.io/distroless/cc-debian12: glibc, libgcc, libstdc++,
# OpenSSL 3 (https://github.com/GoogleContainerTools/distroless, cc/ and base/).
DISTROLESS_CC_LIBS = {
    "linux-vdso.so.1", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1", "libc.so.6", "libm.so.6",
    "libpthread.so.0", "libdl.so.2", "librt.so.1", "libgcc_s.so.1", "libstdc++.so.6",
    "libssl.so.3", "libcrypto.so.3",
}
# Linked statically by the image build (CARGO_FEATURES rdkafka/libz-static),
# dynamically by a default `cargo build`.
STATIC_IN_IMAGE = {"libz.so.1": "rdkafka/libz-static"}


def dockerignore_patterns() -> list[str]:
    p = dl.ROOT / ".dockerignore"
    return [ln.strip() for ln in p.read_text().splitlines() if ln.strip() and not ln.startswith("#")] if p.exists() else []


def ignored(rel: str, patterns: list[str]) -> bool:
    """Docker's rule: the last matching pattern wins; a pattern matches a path or its parents."""
    result = False
    parts = rel.split("/")
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    for pat in patterns:
        neg = pat.startswith("!")
        pat = pat.lstrip("!").strip("/")
        regex = fnmatch.translate(pat).replace(".*", "[^/]*").replace("[^/]*[^/]*", ".*")
        if any(re.fullmatch(regex, pre) for pre in prefixes):
            result = not neg
    return result


def check_dockerfile(c: dl.Checks) -> None:
    text = DOCKERFILE.read_text()
    # Join continuation lines, drop comments.
    logical = re.sub(r"\\\n", " ", "\n".join(ln for ln in text.splitlines() if not ln.lstrip().startswith("#")))
    instr = [(ln.split(None, 1)[0].upper(), ln.split(None, 1)[1] if len(ln.split(None, 1)) > 1 else "")
             for ln in logical.splitlines() if ln.strip()]
    froms = [a for i, a in instr if i == "FROM"]
    c.ok(len(froms) >= 2, f"multi-stage build ({len(froms)} stages)")
    c.ok(any("rust:" in f for f in froms[:-1]), "builder stage on the official Rust image")
    args = {k: v.strip().strip('"') for k, v in re.findall(r"^ARG\s+([A-Z_]+)=(.*)$", text, re.M)}
    runtime = re.sub(r"\$\{?([A-Z_]+)\}?", lambda m: args.get(m.group(1), m.group(0)), froms[-1].split()[0])
    c.ok(re.search(r"debian:\S*-slim|distroless/cc", runtime) is not None, "runtime on debian-slim or distroless/cc", runtime)
    c.ok(re.search(r"@sha256:[0-9a-f]{64}$", runtime) is not None, "runtime base pinned by digest", runtime)
    runs = " ".join(a for i, a in instr if i == "RUN")
    for pkg in ("cmake", "g++", "libssl-dev", "zlib1g-dev", "pkg-config"):
        c.ok(pkg in runs, f"builder installs {pkg} (rdkafka bundled librdkafka with ssl, libz)")
    c.ok("--locked" in runs and "--release" in runs, "cargo build --release --locked")
    final = logical.split(froms[-1], 1)[1]
    c.ok(re.search(r"^RUN\b", final, re.M) is None, "runtime stage installs nothing (no RUN: binary, config and licences only)")
    features = args.get("CARGO_FEATURES", "")
    for lib, feature in STATIC_IN_IMAGE.items():
        c.ok(feature in features.split(), f"image build links {lib} statically (CARGO_FEATURES has {feature})", features)
    check_binary_libraries(c)
    builder = logical.split(froms[-1], 1)[0]
    build_at = builder.find("cargo build")
    data_at = re.search(r"^COPY\s+(--\S+\s+)*data\b", builder, re.M)
    c.ok(data_at is not None and 0 <= data_at.start() < build_at,
         "builder copies data/ before cargo build (the entity model and gazetteers are compiled in)")
    users = re.findall(r"^USER\s+(\S+)", final, re.M)
    c.ok(bool(users), "runtime stage sets USER")
    if users:
        u = users[-1].split(":")[0]
        arg_default = re.search(r"ARG\s+" + re.escape(u.strip("${}")) + r"=(\d+)", text) if u.startswith("$") else None
        uid = arg_default.group(1) if arg_default else u
        c.ok(uid.isdigit() and int(uid) != 0, f"USER is a numeric non-root uid ({users[-1]} -> {uid})",
             "Kubernetes runAsNonRoot can only verify a numeric uid")
        dep = yaml.safe_load((dl.DEPLOY / "k8s" / "base" / "deployment.yaml").read_text())
        k8s_uid = dep["spec"]["template"]["spec"]["securityContext"].get("runAsUser")
        c.ok(str(k8s_uid) == uid, f"Kubernetes runAsUser {k8s_uid} equals the image uid {uid}")
    c.ok(re.search(r"^EXPOSE\s+9464\b", final, re.M) is not None, "EXPOSE 9464 (metrics)")
    hc = re.search(r"^HEALTHCHECK\s+(.*)$", final, re.M)
    c.ok(hc is not None and "/healthz" in hc.group(1) and '"healthcheck"' in hc.group(1),
         "HEALTHCHECK asks /healthz with the binary itself (byline healthcheck: no curl in the image)")
    c.ok(re.search(r"^COPY\s+(--\S+\s+)*config\b", final, re.M) is not None, "image carries config/ (default config/byline.toml)")
    c.ok(re.search(r"^COPY\s.*\bdata/\S*LICENCE", final, re.M) is not None, "image carries the data licences")
    # The data is compiled in: nothing under data/ is read at run time.
    runtime_reads = [f"{p.relative_to(dl.ROOT)}: {m.group(0)}" for p in (dl.ROOT / "src").rglob("*.rs") if "bin" not in p.relative_to(dl.ROOT / "src").parts
                     for m in re.finditer(r'(?<!include_str!\()(?<!include_bytes!\()"(?:\.\./)*data/[^"]+"', p.read_text())
                     if "brown_clusters" not in m.group(0)]
    c.ok(not runtime_reads, "the worker reads no data/ file at run time (compiled in; train-entities aside)",
         "; ".join(runtime_reads))
    c.ok(re.search(r'^ENTRYPOINT\s+\[\s*"[^"]*byline"', final, re.M) is not None, "ENTRYPOINT is the byline binary (exec form: gets SIGTERM)")
    # Build arguments are documented in the header comment.
    header = "\n".join(ln for ln in text.splitlines() if ln.startswith("#"))
    for arg in sorted(set(re.findall(r"^ARG\s+([A-Z_]+)", text, re.M))):
        c.ok(re.search(r"#\s+" + arg + r"\b", header) is not None, f"build arg {arg} documented in the header")
    # COPY sources exist in the context and survive .dockerignore.
    patterns = dockerignore_patterns()
    c.ok(bool(patterns) and ignored("target/release/byline", patterns) and ignored(".git/config", patterns),
         ".dockerignore keeps target/ and .git/ out of the build context")
    copied: set[str] = set()
    for m in re.finditer(r"^COPY\s+(?!--from)((?:--\S+\s+)*)(.+)$", logical, re.M):
        srcs = m.group(2).split()[:-1]
        copied |= {x.rstrip("/") for x in srcs}
        for src in srcs:
            src = src.rstrip("/")
            present = (dl.ROOT / src).exists()
            if not present and src in FROM_WORKER_BRANCH and not dl.require_binary():
                print(f"  SKIP  COPY source {src}/ not on this branch yet (comes with the worker branch)")
                continue
            c.ok(present, f"COPY source {src} exists in the build context")
            c.ok(not ignored(src, patterns), f"COPY source {src} is not excluded by .dockerignore")
    # cargo refuses a manifest whose explicitly declared targets are missing, so
    # every [[bench]]/[[test]]/[[example]]/[[bin]] file must be in the image.
    import tomllib

    manifest = tomllib.loads((dl.ROOT / "Cargo.toml").read_text())
    defaults = {"bench": "benches/{}.rs", "test": "tests/{}.rs", "example": "examples/{}.rs", "bin": "src/bin/{}.rs"}
    for kind, pattern in defaults.items():
        for t in manifest.get(kind, []):
            path = t.get("path") or pattern.format(t.get("name", ""))
            top = path.split("/", 1)[0]
            c.ok(top in copied, f"Cargo [[{kind}]] {t.get('name')} ({path}) is copied into the builder",
                 f"add COPY {top} to deploy/Dockerfile")


def check_binary_libraries(c: dl.Checks) -> None:
    """The binary's shared libraries exist in distroless/cc-debian12."""
    binary = dl.byline_bin()
    if not binary.exists():
        c.ok(not dl.require_binary(), f"binary {binary} for the shared-library check", "missing")
        return
    out = subprocess.run(["ldd", str(binary)], capture_output=True, text=True)
    libs = {ln.split()[0].rsplit("/", 1)[-1] for ln in out.stdout.splitlines() if ln.strip()}
    extra = libs - DISTROLESS_CC_LIBS - set(STATIC_IN_IMAGE)
    c.ok(out.returncode == 0 and bool(libs) and not extra,
         f"{binary.name} needs no shared library beyond distroless/cc-debian12's ({len(libs)} linked)",
         f"not in distroless/cc: {sorted(extra)}")


def check_compose(c: dl.Checks) -> None:
    doc = yaml.safe_load(COMPOSE_FILE.read_text())
    svcs = doc.get("services", {})
    for s in ("kafka", "kafka-init", "byline", "prometheus", "grafana"):
        c.ok(s in svcs, f"compose service {s}")
    kafka = svcs.get("kafka", {})
    env = {str(k): str(v) for k, v in (kafka.get("environment") or {}).items()}
    c.ok(str(kafka.get("image", "")).startswith("apache/kafka:"), "Kafka from the official apache/kafka image")
    c.ok("controller" in env.get("KAFKA_PROCESS_ROLES", "") and "KAFKA_CONTROLLER_QUORUM_VOTERS" in env,
         "Kafka in KRaft mode (broker,controller; no ZooKeeper)")
    c.ok(env.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE") == "false", "no implicit topic creation")
    init = svcs.get("kafka-init", {})
    cmd = " ".join(init.get("command", [])) if isinstance(init.get("command"), list) else str(init.get("command"))
    for t in TOPICS:
        c.ok(re.search(re.escape(t) + r":\d+", cmd) is not None or t in cmd, f"kafka-init creates {t}")
    c.ok("--if-not-exists" in cmd, "topic creation is idempotent")
    c.ok(init.get("depends_on", {}).get("kafka", {}).get("condition") == "service_healthy", "kafka-init waits for a healthy broker")
    by = svcs.get("byline", {})
    build = by.get("build", {})
    ctx = (COMPOSE_DIR / build.get("context", ".")).resolve()
    c.ok(ctx == dl.ROOT and (ctx / build.get("dockerfile", "")).resolve() == DOCKERFILE.resolve(),
         "byline built from deploy/Dockerfile with the repository root as context")
    c.ok((by.get("environment") or {}).get("BYLINE_KAFKA__BROKERS") == "kafka:9092", "byline gets BYLINE_KAFKA__BROKERS=kafka:9092")
    c.ok(by.get("depends_on", {}).get("kafka-init", {}).get("condition") == "service_completed_successfully",
         "byline starts after the topics exist")
    c.ok(not by.get("ports"), "byline publishes no fixed host port (so --scale works)")
    need, why = dl.grace_needed(30)
    grace = by.get("stop_grace_period", "10s")
    m = re.fullmatch(r"(\d+)s", str(grace))
    c.ok(m is not None and int(m.group(1)) >= need, f"byline stop_grace_period {grace} covers {why}")
    # The novelty processor: the worker's image, `byline novelty`, the same brokers.
    nov = svcs.get("novelty", {})
    c.ok(nov.get("image") == by.get("image") and nov.get("pull_policy") == "never",
         "compose service novelty runs the image the byline service builds (never pulled)")
    c.ok((nov.get("command") or [None])[0] == "novelty", "compose service novelty runs `byline novelty`", str(nov.get("command")))
    c.ok((nov.get("environment") or {}).get("BYLINE_KAFKA__BROKERS") == "kafka:9092", "novelty gets BYLINE_KAFKA__BROKERS=kafka:9092")
    c.ok(nov.get("depends_on", {}).get("kafka-init", {}).get("condition") == "service_completed_successfully",
         "novelty starts after the topics exist")
    c.ok(not nov.get("ports"), "novelty publishes no fixed host port (so --scale works)")
    ngrace = re.fullmatch(r"(\d+)s", str(nov.get("stop_grace_period", "10s")))
    c.ok(ngrace is not None and int(ngrace.group(1)) >= dl.grace_needed(0)[0],
         f"novelty stop_grace_period covers {dl.grace_needed(0)[1]}")
    # Bind mounts exist.
    for name, svc in svcs.items():
        for v in svc.get("volumes", []) or []:
            src = v.split(":", 1)[0] if isinstance(v, str) else v.get("source", "")
            if src.startswith((".", "/")):
                c.ok((COMPOSE_DIR / src).exists(), f"{name} mounts existing {src}")
    # Prometheus config with the rules, as mounted.
    prom = svcs.get("prometheus", {})
    mounts = {v.split(":")[1]: v.split(":")[0] for v in prom.get("volumes", [])}
    cfg_in_ctr = next((a.split("=", 1)[1] for a in prom.get("command", []) if a.startswith("--config.file=")), "")
    c.ok(cfg_in_ctr in mounts, "Prometheus config file is mounted")
    promtool = shutil.which("promtool")
    if c.ok(promtool is not None, "promtool on PATH") and cfg_in_ctr in mounts:
        tmp = Path(tempfile.mkdtemp(prefix="byline-compose-prom-"))
        for ctr_path, host in mounts.items():
            shutil.copy(COMPOSE_DIR / host, tmp / Path(ctr_path).name)
        pcfg = yaml.safe_load((tmp / Path(cfg_in_ctr).name).read_text())
        c.ok(any(Path(r).name == "alerts.yml" for r in pcfg.get("rule_files", [])), "Prometheus loads alerts.yml")
        jobs = {j["job_name"]: j for j in pcfg.get("scrape_configs", [])}
        c.ok("byline" in jobs, 'scrape job is named "byline" (what the rules expect)')
        nj = jobs.get(dl.NOVELTY_JOB, {})
        names = [n for sd in nj.get("dns_sd_configs", []) for n in sd.get("names", [])]
        c.ok("novelty" in names and "novelty" in svcs,
             f'the novelty service is scraped as job "{dl.NOVELTY_JOB}" (what the rules expect)', str(names))
        out = subprocess.run([promtool, "check", "config", str(tmp / Path(cfg_in_ctr).name)], capture_output=True, text=True)
        c.ok(out.returncode == 0, "promtool check config (compose prometheus.yml + alerts.yml)", out.stdout + out.stderr)
    # Grafana provisioning.
    graf = svcs.get("grafana", {})
    gm = {v.split(":")[1]: v.split(":")[0] for v in graf.get("volumes", [])}
    dash_ctr = next((ctr for ctr, host in gm.items() if host.endswith("byline.json")), None)
    c.ok(dash_ctr is not None and (COMPOSE_DIR / gm[dash_ctr]).resolve() == dl.DASHBOARD.resolve(),
         "Grafana mounts deploy/grafana/byline.json")
    prov_host = gm.get("/etc/grafana/provisioning/dashboards")
    if c.ok(prov_host is not None, "Grafana dashboard provisioning mounted"):
        paths = [p.get("options", {}).get("path") for f in sorted((COMPOSE_DIR / prov_host).glob("*.y*ml"))
                 for p in yaml.safe_load(f.read_text()).get("providers", [])]
        c.ok(dash_ctr is not None and any(dash_ctr.startswith(str(p).rstrip("/") + "/") for p in paths),
             "a dashboard provider reads the mounted dashboard's folder", str(paths))
    ds_host = gm.get("/etc/grafana/provisioning/datasources")
    if c.ok(ds_host is not None, "Grafana datasource provisioning mounted"):
        ds = [d for f in sorted((COMPOSE_DIR / ds_host).glob("*.y*ml")) for d in yaml.safe_load(f.read_text()).get("datasources", [])]
        c.ok(any(d.get("type") == "prometheus" and "prometheus:9090" in d.get("url", "") for d in ds),
             "Grafana datasource is the compose Prometheus")


def check_dashboard_json(c: dl.Checks) -> None:
    import json

    dash = json.loads(dl.DASHBOARD.read_text())
    titles = " | ".join(p.get("title", "") for p in dash.get("panels", [])).lower()
    exprs = " ".join(e.text for e in dl.dashboard_exprs())
    c.ok(bool(dash.get("uid")) and dash.get("schemaVersion", 0) >= 36, "dashboard has a uid and a current schemaVersion")
    wants = {
        "throughput in": "byline_articles_consumed_total",
        "throughput out": "byline_records_produced_total",
        "lag per partition": "byline_consumer_lag",
        "dead-letter rate": "byline_articles_dead_lettered_total",
        "end-to-end": "byline_end_to_end_latency_seconds_bucket",
        "stage latency": "byline_stage_duration_seconds_bucket",
        "in-flight": "byline_in_flight_messages",
        "produce": "byline_produce_errors_total",
        "statements per minute": "byline_statements_total",
        "rebalances": "byline_consumer_rebalances_total",
        "not ready, by reason": "byline_not_ready",
        "replicas against the maximum": "kube_horizontalpodautoscaler_spec_max_replicas",
        "workers against brokers": "kafka_consumergroup_lag",
        "age of consumer statistics": "byline_consumer_stats_timestamp_seconds",
        "novelty: new vs repeated statements": "byline_novelty_sightings_total",
        "novelty: identities held (state size)": "byline_novelty_identities",
        "novelty: changelog restore time": "byline_novelty_restore_seconds_count",
    }
    for title, metric in wants.items():
        c.ok(title in titles and metric in exprs, f"dashboard has a {title!r} panel reading {metric}")
    c.ok(exprs.count("histogram_quantile(") >= 4, "latency panels use histogram_quantile over _bucket")
    ids = [p.get("id") for p in dash.get("panels", [])]
    c.ok(len(ids) == len(set(ids)), "panel ids are unique")
    ds_vars = [v for v in dash.get("templating", {}).get("list", []) if v.get("type") == "datasource"]
    c.ok(bool(ds_vars), "dashboard has a datasource variable (portable between Grafanas)")
    names = [v.get("name") for v in dash.get("templating", {}).get("list", [])]
    c.ok({"namespace", "job", "instance"} <= set(names), "dashboard has namespace, job and instance variables", str(names))
    # Several deployments (namespaces, jobs) in one Prometheus: every query of
    # a byline series selects the namespace, and the per-partition lag keeps
    # namespace and job apart (one partition number exists in each deployment).
    for e in dl.dashboard_exprs():
        if e.where.startswith("panel") and "byline_" in e.text:
            c.ok('namespace=~"$namespace"' in e.text, f"{e.where} selects the namespace variable", e.text)
        for m in re.finditer(r"max by \(([^)]*)\)\s*\(byline_consumer_lag", e.text):
            grouping = {x.strip() for x in m.group(1).split(",")}
            c.ok({"namespace", "job", "topic", "partition"} <= grouping,
                 f"{e.where}: lag max keeps namespace and job apart", m.group(0))


def main() -> None:
    c = dl.Checks("container and compose")
    check_dockerfile(c)
    check_compose(c)
    check_dashboard_json(c)
    c.finish()


if __name__ == "__main__":
    main()
