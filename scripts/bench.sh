#!/usr/bin/env bash
# Batch benchmark for `ita-extract run` (issue 4): generate N seed-sized documents, run
# the release build with -j1 and -j2, and report documents/s, MB/s and peak memory.
#
#   scripts/bench.sh                      # 1,000 and 10,000 documents, -j1 and -j2
#   SIZES="1000" JOBS="2" scripts/bench.sh
#   GEN=corpus scripts/bench.sh           # documents from scripts/gen_corpus.py --size seed
#
# Environment:
#   SIZES      document counts (default "1000 10000")
#   JOBS       thread counts (default "1 2")
#   GEN        corpus generator: "seed" (default: copies of fixtures/seed_1afe833d.txt,
#              each with its own number written into its first line), "corpus"
#              (scripts/gen_corpus.py --size seed), or any command that is called as
#              `$GEN N DIR` and writes N documents into DIR
#   BENCH_DIR  work folder (default /tmp/ita-bench; corpora are kept there between runs)
#   BIN        binary (default: target/release/ita-extract, built if missing or stale)
#
# Targets on a 2-core machine (issue 4): 10,000 documents in under 60 s with -j2; -j2 at
# least 1.8x -j1; peak memory under 300 MB and growing less than 20% from 1,000 to
# 10,000 documents. Needs GNU time (/usr/bin/time; Debian package `time`).
set -euo pipefail

cd "$(dirname "$0")/.."
SIZES=${SIZES:-"1000 10000"}
JOBS=${JOBS:-"1 2"}
GEN=${GEN:-seed}
BENCH_DIR=${BENCH_DIR:-/tmp/ita-bench}
SEED=fixtures/seed_1afe833d.txt

if [[ ! -x /usr/bin/time ]]; then
    echo "bench: /usr/bin/time is missing (apt-get install -y time)" >&2
    exit 2
fi
if [[ -z ${BIN:-} ]]; then
    nice -n 10 cargo build --release --quiet
    BIN=target/release/ita-extract
fi

gen_seed() { # N DIR: copies of the seed, each with a unique first line
    python3 - "$1" "$2" "$SEED" <<'PY'
import os, sys
n, out, seed = int(sys.argv[1]), sys.argv[2], sys.argv[3]
text = open(seed, encoding="utf-8").read()
first, rest = text.split("\n", 1)
os.makedirs(out, exist_ok=True)
for i in range(n):
    with open(os.path.join(out, f"doc_{i:05d}.txt"), "w", encoding="utf-8") as f:
        f.write(f"{first} <!-- bench document {i} -->\n{rest}")
PY
}

generate() { # N DIR
    case "$GEN" in
        seed) gen_seed "$1" "$2" ;;
        corpus) python3 scripts/gen_corpus.py --n "$1" --size seed --quiet --out "$2" ;;
        *) $GEN "$1" "$2" ;;
    esac
}

calc() { awk "BEGIN { print $1 }"; }

mkdir -p "$BENCH_DIR"
echo "ita-extract $("$BIN" --version | awk '{print $2}') ($(git rev-parse --short HEAD 2>/dev/null || echo '?')), generator: $GEN, $(nproc) cores"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?') (other processes share the cores; CPU s is the run's own user+system time)"
printf '| documents | -j | wall s | CPU s | documents/s | MB/s | peak RSS MB |\n'
printf '|---:|---:|---:|---:|---:|---:|---:|\n'
declare -A WALL RSS
for n in $SIZES; do
    corpus="$BENCH_DIR/corpus-$GEN-$n"
    if [[ ! -f "$corpus.complete" ]]; then
        rm -rf "$corpus"
        generate "$n" "$corpus" >&2
        touch "$corpus.complete"
    fi
    bytes=$(find "$corpus" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.htm*' -o -name '*.pdf' \) -printf '%s\n' | awk '{s+=$1} END {print s}')
    for j in $JOBS; do
        out="$BENCH_DIR/out-$GEN-$n-j$j"
        rm -rf "$out"
        sync
        start=$(date +%s.%N)
        set +e
        /usr/bin/time -v -o "$BENCH_DIR/time.txt" "$BIN" run "$corpus" -o "$out" -j "$j" -q
        code=$?
        set -e
        end=$(date +%s.%N)
        if [[ $code -eq 2 ]]; then
            echo "bench: run failed (exit 2)" >&2
            exit 2
        fi
        wall=$(calc "$end - $start")
        rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$BENCH_DIR/time.txt")
        cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$BENCH_DIR/time.txt")
        WALL[$n,$j]=$wall
        RSS[$n,$j]=$rss_kb
        printf '| %d | %d | %.2f | %.2f | %.0f | %.1f | %.1f |\n' "$n" "$j" "$wall" "$cpu" \
            "$(calc "$n / $wall")" "$(calc "$bytes / 1000000 / $wall")" \
            "$(calc "$rss_kb / 1024")"
    done
done

# Speed-up and memory growth, where the runs allow.
for n in $SIZES; do
    if [[ -n ${WALL[$n,1]:-} && -n ${WALL[$n,2]:-} ]]; then
        printf 'speed-up -j2 over -j1 at %d documents: %.2fx\n' "$n" "$(calc "${WALL[$n,1]} / ${WALL[$n,2]}")"
    fi
done
set -- $SIZES
if [[ $# -ge 2 ]]; then
    first=$1
    last=${!#}
    for j in $JOBS; do
        if [[ -n ${RSS[$first,$j]:-} && -n ${RSS[$last,$j]:-} ]]; then
            printf 'peak memory growth %d -> %d documents, -j%d: %+.1f%%\n' "$first" "$last" "$j" \
                "$(calc "(${RSS[$last,$j]} - ${RSS[$first,$j]}) * 100 / ${RSS[$first,$j]}")"
        fi
    done
fi
