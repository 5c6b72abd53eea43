#!/usr/bin/env python3
"""Write the fuzz seed corpus: real articles plus hostile text.

usage: scripts/fuzz-seeds.py OUT_DIR
Seeds (each a file): every article of data/corpus and data/samples, as raw
text, as JSON and with a date header; megabytes without a space; thousands of
quote marks of every style; deep nesting of quotes and brackets; a sample of
every Unicode general category; and a real article with invalid UTF-8 injected
at every position of its first 300 bytes (one seed per 10 positions).
"""
import json
import os
import sys
import unicodedata

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "fuzz", "corpus", "seeds")
os.makedirs(out, exist_ok=True)
n = 0


def put(data: bytes):
    global n
    with open(os.path.join(out, f"seed-{n:05d}"), "wb") as f:
        f.write(data)
    n += 1


articles = []
for line in open(os.path.join(root, "data/corpus/meantime-full.jsonl"), encoding="utf-8"):
    articles.append(json.loads(line))
seed_raw = open(os.path.join(root, "data/samples/seed.txt"), encoding="utf-8").read()
put(seed_raw.encode())
for a in articles:
    put(a["body"].encode())
    put(json.dumps(a, ensure_ascii=False).encode())
    put(f"date {a['published_at']}\n{a['body']}".encode())

put(b"a" * (2 << 20))                      # megabytes without a space
put(("x" * 70000 + ".").encode() * 16)
for q in ['"', "“", "”", "‘", "’", "'", "«", "»", "„", "`"]:
    put((q * 5000).encode())
    put((f'He said {q}' * 3000).encode())
put(("“a ‘b “c ‘d " * 2000 + "’ ” ’ ”" * 2000).encode())  # deep nesting
put(("(" * 10000 + "[" * 10000).encode())
put(("said " * 20000).encode())
put(("Mr. " * 20000 + "Smith").encode())
put(("January 1, 2025 " * 5000).encode())
put(("1 " * 50000).encode())
chars = []
for cp in range(0x20, 0x30000, 7):
    c = chr(cp)
    if unicodedata.category(c) not in ("Cs",):
        chars.append(c)
put("".join(chars).encode("utf-8", "surrogatepass"))
put(" ".join(chars).encode("utf-8", "surrogatepass"))
base = seed_raw.encode()[:300]
for i in range(0, len(base), 10):
    for bad in (b"\xff", b"\xc3", b"\xe2\x80", b"\xf0\x9f\x98"):
        put(base[:i] + bad + base[i:])
print(f"{n} seeds in {out}")
