"""Shared helpers for the deploy tests (scripts/test-deploy.sh).

What they read:
- the metrics interface table (deploy/METRICS.md, a copy of the agreed table);
- the PromQL expressions of the Grafana dashboard and the alert rules;
- Prometheus text exposition from a running byline (or the fake exporter).

The PromQL "parser" here is a tokenizer, not a grammar: it strips string
literals, label matchers, grouping clauses and ranges, then every remaining
identifier that is not a function call or a keyword is a metric name.  That is
enough for the expressions we write and fails loudly (unknown name) rather than
silently when it is not.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
# Overridable so that the negative self-tests can feed mutated copies.
DASHBOARD = Path(os.environ.get("BYLINE_DEPLOY_DASHBOARD", DEPLOY / "grafana" / "byline.json"))
RULES = Path(os.environ.get("BYLINE_DEPLOY_RULES", DEPLOY / "prometheus" / "alerts.yml"))
VERBOSE = os.environ.get("BYLINE_DEPLOY_VERBOSE", "") == "1"

# Labels that Prometheus attaches to every scraped series (target labels), as
# opposed to labels that byline itself exports.
TARGET_LABELS = {"job", "instance", "namespace", "pod", "container", "endpoint", "service"}
# Series that Prometheus makes itself rather than scraping from byline.
PROMETHEUS_SERIES = {"up", "scrape_duration_seconds", "scrape_samples_scraped"}
HISTOGRAM_SUFFIXES = ("_bucket", "_sum", "_count")

KEYWORDS = {
    "by", "without", "on", "ignoring", "group_left", "group_right", "bool",
    "and", "or", "unless", "offset", "inf", "nan", "atan2", "start", "end",
}


def metrics_md_path() -> Path:
    """The metrics table: BYLINE_METRICS_MD if set, else deploy/METRICS.md."""
    return Path(os.environ.get("BYLINE_METRICS_MD", DEPLOY / "METRICS.md"))


@dataclass
class MetricSpec:
    """One row of the metrics table."""

    name: str
    kind: str  # counter, gauge, histogram
    labels: dict[str, list[str]] = field(default_factory=dict)  # label -> example values (may be empty)


EXTERNAL_HEADING = "## From other exporters"
# byline's own metrics below this heading (and above EXTERNAL_HEADING) are
# exported by the novelty processor (`byline novelty`, scrape job
# byline-novelty), not by the worker (`byline run`, job byline).
NOVELTY_HEADING = "## The novelty processor"
NOVELTY_JOB = "byline-novelty"


def parse_metrics_md(path: Path | None = None, external: bool = False) -> dict[str, MetricSpec]:
    """Rows of the markdown table whose first cell is a back-quoted metric name:
    byline's own metrics (above EXTERNAL_HEADING), or with `external` those of
    other exporters (below it), which byline's /metrics does not carry."""
    text = (path or metrics_md_path()).read_text(encoding="utf-8")
    own, _, theirs = text.partition(EXTERNAL_HEADING)
    text = theirs if external else own
    out: dict[str, MetricSpec] = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 3:
            continue
        m = re.fullmatch(r"`([a-zA-Z_:][a-zA-Z0-9_:]*)`", cells[0])
        if not m:
            continue
        kind = cells[1].split()[0] if cells[1] else ""
        labels: dict[str, list[str]] = {}
        # e.g. "`stage` (analyze, dates, entities, quotes)" or "`topic`, `partition`"
        for lm in re.finditer(r"`([a-zA-Z_][a-zA-Z0-9_]*)`(?:\s*\(([^)]*)\))?", cells[2]):
            values = [v.strip() for v in (lm.group(2) or "").split(",") if v.strip()]
            labels[lm.group(1)] = values
        out[m.group(1)] = MetricSpec(m.group(1), kind, labels)
    if not out and not external:
        raise SystemExit(f"no metric rows found in {path or metrics_md_path()}")
    return out


def novelty_families(path: Path | None = None) -> set[str]:
    """Metrics of the table's novelty section: exported by `byline novelty`."""
    text = (path or metrics_md_path()).read_text(encoding="utf-8")
    own = text.partition(EXTERNAL_HEADING)[0]
    if NOVELTY_HEADING not in own:
        return set()
    section = own.split(NOVELTY_HEADING, 1)[1]
    return set(re.findall(r"^\|\s*`([a-zA-Z_:][a-zA-Z0-9_:]*)`\s*\|", section, flags=re.M))


def job_of(family: str, novelty: set[str]) -> str:
    """The scrape job whose targets export `family`."""
    return NOVELTY_JOB if family in novelty else "byline"


# ---------------------------------------------------------------------------
# Expressions used by the deploy files


@dataclass
class Expr:
    """A PromQL expression and where it comes from (for messages)."""

    where: str
    text: str


def dashboard_exprs(path: Path = DASHBOARD) -> list[Expr]:
    """Panel target expressions and templating queries of the dashboard."""
    dash = json.loads(path.read_text(encoding="utf-8"))
    out: list[Expr] = []

    def walk(panels):
        for p in panels:
            for t in p.get("targets", []):
                if t.get("expr"):
                    out.append(Expr(f"panel {p.get('title')!r} {t.get('refId')}", t["expr"]))
            walk(p.get("panels", []))

    walk(dash.get("panels", []))
    for v in dash.get("templating", {}).get("list", []):
        q = v.get("query")
        if isinstance(q, dict):
            q = q.get("query")
        if v.get("type") == "query" and q:
            out.append(Expr(f"variable ${v.get('name')}", q))
    return out


def rule_exprs(path: Path = RULES) -> list[Expr]:
    import yaml

    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for g in doc.get("groups", []):
        for r in g.get("rules", []):
            name = r.get("alert") or r.get("record")
            out.append(Expr(f"rule {name}", r["expr"]))
    return out


def substitute_grafana(expr: str) -> str:
    """Replace Grafana variables by values Prometheus accepts."""
    expr = expr.replace("$__rate_interval", "1m").replace("$__interval", "15s").replace("$__range", "1h")
    # $job / $instance are used as regexes (=~"$job"): match everything.
    expr = re.sub(r"\$\{?[a-zA-Z_][a-zA-Z0-9_]*\}?", ".*", expr)
    return expr


@dataclass
class Usage:
    """Metric names and label names an expression uses."""

    metrics: set[str]
    labels: set[str]
    # label names used in a matcher directly on a metric: metric -> labels
    matcher_labels: dict[str, set[str]]


_STRING = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'|`[^`]*`')
_IDENT = r"[a-zA-Z_:][a-zA-Z0-9_:]*"


def analyse(expr: str) -> Usage:
    """Metric and label names used by a PromQL expression (see module doc)."""
    s = expr
    labels: set[str] = set()
    matcher_labels: dict[str, set[str]] = {}
    # Grafana's label_values(selector, label): the 2nd argument is a label.
    for m in re.finditer(r"label_values\s*\((.*),\s*(" + _IDENT + r")\s*\)", s):
        labels.add(m.group(2))
    s = re.sub(r"label_values\s*\((.*),\s*" + _IDENT + r"\s*\)", r"label_values(\1)", s)
    s = _STRING.sub('""', s)
    # Matchers: metric{a="x", b=~"y"} or bare {a="x"}.
    def matcher(m):
        names = set(re.findall(r"(" + _IDENT + r")\s*(?:=~|!~|!=|=)", m.group(2)))
        labels.update(names)
        if m.group(1):
            matcher_labels.setdefault(m.group(1), set()).update(names)
        return (m.group(1) or "") + " "

    s = re.sub(r"(" + _IDENT + r")?\s*\{([^}]*)\}", matcher, s)
    # Grouping / matching clauses carry label lists.
    def grouping(m):
        labels.update(x.strip() for x in m.group(2).split(",") if x.strip())
        return " "

    s = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\(([^)]*)\)", grouping, s)
    s = re.sub(r"\[[^\]]*\]", " ", s)  # ranges and subqueries
    s = re.sub(r"\boffset\s+\S+", " ", s)
    metrics: set[str] = set()
    for m in re.finditer(r"(?<![\w.])(" + _IDENT + r")(\s*\()?", s):
        name, call = m.group(1), m.group(2)
        if call or name.lower() in KEYWORDS:
            continue
        if re.fullmatch(r"[0-9].*", name):
            continue
        metrics.add(name)
    return Usage(metrics, labels, matcher_labels)


def family_of(name: str, specs: dict[str, MetricSpec]) -> str | None:
    """Table entry that exports `name` (histograms export _bucket/_sum/_count)."""
    if name in specs and specs[name].kind != "histogram":
        return name
    for suf in HISTOGRAM_SUFFIXES:
        base = name[: -len(suf)] if name.endswith(suf) else None
        if base and base in specs and specs[base].kind == "histogram":
            return base
    return None


def used_by_deploy_files() -> list[tuple[Expr, Usage]]:
    return [(e, analyse(e.text)) for e in dashboard_exprs() + rule_exprs()]


# ---------------------------------------------------------------------------
# Prometheus text exposition


@dataclass
class Exposition:
    """What a /metrics page exports."""

    types: dict[str, str]  # family -> type (from # TYPE)
    series: dict[str, list[dict[str, str]]]  # sample name -> label sets
    values: dict[str, list[tuple[dict[str, str], float]]] = field(default_factory=dict)  # sample -> (labels, value)

    def value(self, sample: str, **labels: str) -> float:
        """Sum of `sample` over the series carrying `labels` (0 if none)."""
        return sum(v for ls, v in self.values.get(sample, []) if all(ls.get(k) == x for k, x in labels.items()))

    def family_names(self) -> set[str]:
        return set(self.types) | {self.family(n) for n in self.series}

    def family(self, sample: str) -> str:
        for suf in HISTOGRAM_SUFFIXES:
            if sample.endswith(suf) and self.types.get(sample[: -len(suf)]) in ("histogram", "summary"):
                return sample[: -len(suf)]
        return sample

    def labels_of_family(self, fam: str) -> set[str]:
        out: set[str] = set()
        for sample, sets in self.series.items():
            if self.family(sample) == fam:
                for ls in sets:
                    out.update(ls)
        out.discard("le")
        out.discard("quantile")
        return out


_LABEL_PAIR = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"')


def parse_exposition(text: str) -> Exposition:
    types: dict[str, str] = {}
    series: dict[str, list[dict[str, str]]] = {}
    values: dict[str, list[tuple[dict[str, str], float]]] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("# TYPE "):
            parts = line.split()
            if len(parts) >= 4:
                types[parts[2]] = parts[3]
            continue
        if line.startswith("#"):
            continue
        m = re.match(r"(" + _IDENT + r")(\{([^}]*)\})?\s+(\S+)", line)
        if not m:
            raise ValueError(f"unparsable exposition line: {line!r}")
        ls = dict(_LABEL_PAIR.findall(m.group(3) or ""))
        series.setdefault(m.group(1), []).append(ls)
        try:
            values.setdefault(m.group(1), []).append((ls, float(m.group(4))))
        except ValueError:
            raise ValueError(f"unparsable sample value: {line!r}") from None
    return Exposition(types, series, values)


# ---------------------------------------------------------------------------
# Processes


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_get(url: str, timeout: float = 3.0) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


# librdkafka's socket.timeout.ms default: what bounds at-least-once's final
# synchronous offset commit.
SOCKET_TIMEOUT_S = 60
GRACE_MARGIN_S = 10


def src_seconds(path: str, pattern: str) -> float:
    """A duration constant of the worker, read from its source so that the
    grace-period rule follows the code."""
    m = re.search(pattern, (ROOT / path).read_text())
    if not m:
        raise SystemExit(f"{path}: no match for {pattern!r} (the grace-period rule reads it)")
    return float(m.group(1))


def grace_needed(drain_s: float) -> tuple[float, str]:
    """terminationGracePeriodSeconds must cover the drain, the final commit and
    the producer flush, in both delivery modes, plus a margin."""
    txn_call = src_seconds("src/worker/exactly_once.rs", r"const TXN_CALL_TIMEOUT: Duration = Duration::from_secs\((\d+)\)")
    flush = src_seconds("src/worker/at_least_once.rs", r"producer\.flush\(Duration::from_secs\((\d+)\)\)")
    # Serving the last revocation before the consumer's close.
    leave = src_seconds("src/kafka/consumer.rs", r"const LEAVE_TIMEOUT: Duration = Duration::from_secs\((\d+)\)")
    # exactly-once: send_offsets_to_transaction + commit_transaction, each up
    # to TXN_CALL_TIMEOUT; at-least-once: one synchronous commit.
    commit = max(2 * txn_call, SOCKET_TIMEOUT_S)
    need = drain_s + commit + leave + flush + GRACE_MARGIN_S
    return need, (f"drain {drain_s:g} + commit {commit:g} + leave {leave:g} + flush {flush:g}"
                  f" + margin {GRACE_MARGIN_S} = {need:g} s")


def byline_bin() -> Path:
    return Path(os.environ.get("BYLINE_BIN", ROOT / "target" / "release" / "byline"))


def require_binary() -> bool:
    return os.environ.get("BYLINE_REQUIRE_BINARY", "") == "1"


def allowed_absent() -> set[str]:
    """Metric families that may be missing from a live /metrics (comma list in
    BYLINE_DEPLOY_ALLOW_ABSENT): a stop-gap while the worker does not yet
    pre-register a labelled series at zero.  Empty by default: absent is a failure."""
    return {x.strip() for x in os.environ.get("BYLINE_DEPLOY_ALLOW_ABSENT", "").split(",") if x.strip()}


class RunningByline:
    """`byline run --embedded --metrics-listen 127.0.0.1:PORT`, stopped with SIGINT.

    --embedded starts librdkafka's mock cluster in process, creates the topics and
    publishes the bundled samples, so every series has had a chance to move.
    """

    def __init__(self, log_path: Path):
        self.port = free_port()
        self.log_path = log_path
        self.proc: subprocess.Popen | None = None

    @property
    def metrics_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/metrics"

    def command(self) -> list[str]:
        return [str(byline_bin()), "run", "--embedded", "--metrics-listen", f"127.0.0.1:{self.port}"]

    def __enter__(self):
        log = open(self.log_path, "wb")
        cmd = self.command()
        print("starting:", " ".join(cmd), flush=True)
        self.proc = subprocess.Popen(cmd, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
        return self

    def embedded_brokers(self, timeout: float) -> str:
        """The bootstrap address of the embedded cluster, from the log line
        "Embedded broker started." (it listens on a free loopback port)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc and self.proc.poll() is not None:
                raise RuntimeError(f"byline exited with {self.proc.returncode}; log: {self.log_path}")
            text = re.sub(r"\x1b\[[0-9;]*m", "", self.log_path.read_text(errors="replace"))
            m = re.search(r"Embedded broker started\..*?brokers=(\S+)", text)
            if m:
                return m.group(1)
            time.sleep(0.5)
        raise RuntimeError(f"no 'Embedded broker started.' in {self.log_path} within {timeout}s")

    def wait_metrics(self, want: set[str], timeout: float, moved: list[tuple[str, dict[str, str]]] = ()) -> Exposition:
        """Poll /metrics until every family in `want` is exported and every
        sample in `moved` (name, labels) is above 0, or timeout."""
        deadline = time.monotonic() + timeout
        last: Exposition | None = None
        while time.monotonic() < deadline:
            if self.proc and self.proc.poll() is not None:
                raise RuntimeError(f"byline exited with {self.proc.returncode}; log: {self.log_path}")
            try:
                code, body = http_get(self.metrics_url)
                if code == 200:
                    last = parse_exposition(body)
                    if want <= last.family_names() and all(last.value(n, **ls) > 0 for n, ls in moved):
                        return last
            except OSError:
                pass
            time.sleep(0.5)
        if last is None:
            raise RuntimeError(f"no /metrics from byline within {timeout}s; log: {self.log_path}")
        return last

    def __exit__(self, *exc):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(2)  # SIGINT: Ctrl-C, the worker drains and exits
            try:
                self.proc.wait(timeout=40)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return False


class RunningNovelty(RunningByline):
    """`byline novelty --brokers B --metrics-listen 127.0.0.1:PORT`, against the
    embedded cluster of a RunningByline: it reads the statements the worker
    publishes there, so its sightings and restore metrics move."""

    def __init__(self, log_path: Path, brokers: str):
        super().__init__(log_path)
        self.brokers = brokers

    def command(self) -> list[str]:
        return [str(byline_bin()), "novelty", "--brokers", self.brokers, "--metrics-listen", f"127.0.0.1:{self.port}"]


# What must have moved on a live novelty /metrics before it is judged: the
# processor restored its partitions and announced the worker's statements.
NOVELTY_MOVED = [("byline_novelty_sightings_total", {"outcome": "new"}), ("byline_novelty_restore_seconds_count", {})]


class Checks:
    """Collects pass/fail lines; exit status 1 if anything failed."""

    def __init__(self, title: str):
        self.title = title
        self.failed: list[str] = []
        self.passed = 0
        self.prefix = ""  # prepended to every check's name

    def ok(self, cond: bool, what: str, detail: str = "") -> bool:
        what = self.prefix + what
        if cond:
            self.passed += 1
            if VERBOSE:
                print(f"  ok    {what}")
        else:
            self.failed.append(what)
            print(f"  FAIL  {what}" + (f": {detail}" if detail else ""))
        return cond

    def finish(self) -> None:
        print(f"{self.title}: {self.passed} checks ok, {len(self.failed)} failed", flush=True)
        sys.exit(1 if self.failed else 0)


def yaml_load(path: Path):
    import yaml

    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))
