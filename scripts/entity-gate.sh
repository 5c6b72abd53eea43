#!/usr/bin/env bash
# Quality gate of the entity tagger (part of scripts/test.sh): score
# `byline enrich` on the CoNLL-2003 dev split (../shared/eval/dev/conll-dev.jsonl)
# with ../shared/eval/score.py and fail when the exact PER+ORG+LOC mention F1
# falls below the floor, so that a regression of the model, its features or
# the post-rules cannot land silently; the seed article (37 mentions) may
# lose at most three.
# usage: scripts/entity-gate.sh [BYLINE_BINARY]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
eval_dir=${BYLINE_EVAL_DIR:-$root/../shared/eval}
# The floor sits about 1.5 points under the measured 93.5 (see
# data/models/MODEL-CARD.md): room for a retrain's noise, not for a real loss.
floor_conll=${BYLINE_GATE_CONLL_F1:-92.0}
bin=${1:-}
if [[ -z "$bin" ]]; then
  cargo build --release --quiet --no-default-features --bin byline --target-dir target/lite
  bin=target/lite/release/byline
fi
for f in "$eval_dir/dev/conll-dev.jsonl" "$eval_dir/dev/seed.jsonl" "$eval_dir/score.py"; do
  [[ -f "$f" ]] || { echo "entity-gate: missing $f" >&2; exit 1; }
done
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
score() { # name floor
  local name=$1 floor=$2
  python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    print(json.dumps({"id": d["id"], "published_at": d.get("published_at"), "body": d["body"]}, ensure_ascii=False))
' "$eval_dir/dev/$name.jsonl" > "$out/$name.in.jsonl"
  "$bin" enrich < "$out/$name.in.jsonl" > "$out/$name.out.jsonl"
  python3 "$eval_dir/score.py" "$eval_dir/dev/$name.jsonl" "$out/$name.out.jsonl" --json > "$out/$name.score.json"
  python3 - "$out/$name.score.json" "$name" "$floor" <<'PY'
import json, sys
report, name, floor = json.load(open(sys.argv[1])), sys.argv[2], float(sys.argv[3])
scores = [c["entities"]["exact"] for c in report["corpora"].values() if "entities" in c]
if not scores:
    sys.exit(f"entity-gate: {name}: no entity score")
tp = sum(s["tp"] for s in scores); ns = sum(s["n_sys"] for s in scores); ng = sum(s["n_gold"] for s in scores)
f1 = 100 * 2 * tp / (ns + ng) if ns + ng else 0.0
ok = f1 >= floor
print(f"entity-gate: {name} exact PER+ORG+LOC F1 {f1:.2f} (floor {floor:.2f}): {'ok' if ok else 'FAILED'}")
sys.exit(0 if ok else 1)
PY
}
score conll-dev "$floor_conll"
score seed "${BYLINE_GATE_SEED_F1:-90.0}"
