#!/usr/bin/env bash
# Seed-sized OCR documents per second on one core through the `file` logic (read bytes,
# repair, rows, tables, catalogue, flags, JSON), in process, without process start-up.
# Usage: scripts/bench_extract.sh [FILE] [N]   (defaults: the seed, 500 documents)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --example bench_extract >/dev/null 2>&1
for _ in 1 2 3; do
  taskset -c 0 ./target/release/examples/bench_extract "${1:-fixtures/seed_1afe833d.txt}" "${2:-500}"
done
