#!/usr/bin/env bash
# Run the cargo-fuzz (libFuzzer) targets: the input decoder and the whole
# enrichment of one article.
# usage: scripts/fuzz.sh [SECONDS_PER_TARGET=60] [TARGET...]
# Installs cargo-fuzz (cached in ~/.cargo/bin) when missing, seeds the corpus
# with real and hostile articles (scripts/fuzz-seeds.py), then runs each target
# for the given time. The toolchain is stable: RUSTC_BOOTSTRAP=1 lets
# cargo-fuzz pass the sanitizer flags it needs.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
secs=${1:-60}; shift || true
targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=(decode enrich)
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked --version 0.13.2
export RUSTC_BOOTSTRAP=1
cd "$root"
python3 scripts/fuzz-seeds.py fuzz/corpus/seeds >/dev/null
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  echo "== fuzzing $t for ${secs}s"
  cargo fuzz run --fuzz-dir fuzz "$t" "fuzz/corpus/$t" fuzz/corpus/seeds -- \
    -max_total_time="$secs" -timeout=10 -rss_limit_mb=4096 -max_len=4194304 -print_final_stats=1 2>&1 \
    | tee "fuzz/$t.log" | grep -E "^(stat::|#[0-9]+ +DONE|==|SUMMARY|Done)" || true
  if grep -qE "ERROR: libFuzzer|panicked|SUMMARY: " "fuzz/$t.log"; then
    echo "fuzz target $t failed: see fuzz/$t.log and fuzz/artifacts/$t" >&2; exit 1
  fi
done
