#!/usr/bin/env bash
# Score `byline enrich` on ../shared/eval/dev like ../shared/eval/run-dev.sh does,
# but built without the Kafka feature (seconds instead of minutes).
# usage: scripts/eval-dev.sh [--json]      (extra args go to score.py)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
eval_dir=${BYLINE_EVAL_DIR:-$root/../shared/eval}
cargo build --release --quiet --no-default-features --bin byline --target-dir target/lite
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
for gold in "$eval_dir"/dev/*.jsonl; do
  name=$(basename "$gold" .jsonl)
  python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    print(json.dumps({"id": d["id"], "published_at": d.get("published_at"), "body": d["body"]}, ensure_ascii=False))
' "$gold" > "$out/$name.in.jsonl"
  ./target/lite/release/byline enrich < "$out/$name.in.jsonl" > "$out/$name.out.jsonl"
  [ -n "${BYLINE_EVAL_KEEP:-}" ] && cp "$out/$name.out.jsonl" "$BYLINE_EVAL_KEEP.$name.out.jsonl"
  echo "== $name"
  python3 "$eval_dir/score.py" "$gold" "$out/$name.out.jsonl" "$@"
done
