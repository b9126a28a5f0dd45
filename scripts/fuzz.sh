#!/usr/bin/env bash
# Run the cargo-fuzz targets of fuzz/ (issue 14), seeded from fixtures/.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# Default: 3600 s for each target (pdf_reader text_lines text_pipe text_html pipeline).
# Needs a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`). Corpora grow in
# fuzz/corpus/<target> (not committed); crashes land in fuzz/artifacts/<target>: each
# one found becomes a regression test. The last line of each run's log gives its
# executions (#N) and speed. FUZZ_TARGET_DIR, if set, is cargo's target folder.
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-3600}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(pdf_reader text_lines text_pipe text_html pipeline)
for t in "${targets[@]}"; do
  corpus="fuzz/corpus/$t"
  mkdir -p "$corpus"
  case "$t" in
    pdf_reader) find fixtures -name '*.pdf' -size -2M -exec cp -n {} "$corpus/" \; ;;
    pipeline) find fixtures \( -name '*.pdf' -o -name '*.txt' -o -name '*.md' -o -name '*.html' \) -size -2M -exec cp -n {} "$corpus/" \; ;;
    *) find fixtures \( -name '*.txt' -o -name '*.md' -o -name '*.html' \) -size -2M -exec cp -n {} "$corpus/" \; ;;
  esac
  echo "== $t: ${secs}s, seeds $(ls "$corpus" | wc -l)"
  # -rss_limit_mb: an input that needs more is a finding (the readers have limits).
  set +e
  cargo +nightly fuzz run ${FUZZ_TARGET_DIR:+--target-dir "$FUZZ_TARGET_DIR"} "$t" "$corpus" -- \
    -max_total_time="$secs" -rss_limit_mb=2048 -timeout=30 -max_len=1048576 >"fuzz/$t.log" 2>&1
  rc=$?
  set -e
  grep -E '^#[0-9]+' "fuzz/$t.log" | tail -n 1 || true
  if [ "$rc" -ne 0 ]; then
    tail -n 40 "fuzz/$t.log"
    echo "fuzz target $t failed (exit $rc): see fuzz/$t.log and fuzz/artifacts/$t" >&2
    exit "$rc"
  fi
done
