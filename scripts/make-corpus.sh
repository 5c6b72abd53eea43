#!/usr/bin/env bash
# Rebuild data/corpus and data/samples from the developer split in ../shared/eval/dev.
# Only id, published_at and body are kept: no gold annotation enters the repo.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dev=${1:-$root/../shared/eval/dev}
python3 - "$dev" "$root" <<'PY'
import json, sys
dev, root = sys.argv[1], sys.argv[2]
rows = [json.loads(l) for l in open(f"{dev}/meantime-quotes-dev.jsonl", encoding="utf-8")]
with open(f"{root}/data/corpus/meantime-full.jsonl", "w", encoding="utf-8") as out:
    for d in rows:
        out.write(json.dumps({"id": d["id"], "published_at": d["published_at"], "body": d["body"]}, ensure_ascii=False) + "\n")
with open(f"{root}/data/samples/articles.jsonl", "w", encoding="utf-8") as out:
    for d in rows[::6]:
        out.write(json.dumps({"id": d["id"], "published_at": d["published_at"], "body": d["body"]}, ensure_ascii=False) + "\n")
seed = json.loads(open(f"{dev}/seed.jsonl", encoding="utf-8").readline())
with open(f"{root}/data/samples/seed.txt", "w", encoding="utf-8") as out:
    out.write(f"date {seed['published_at']}\n{seed['body']}\n")
PY
cp "$dev/LICENSE-MEANTIME.txt" "$root/data/corpus/"
