#!/usr/bin/env bash
# Throughput and memory of a whole run against the read limit, on copies of the BBC articles.
#
#   scripts/bench.sh [N]          N articles (default 100000), one run each of: cat (the read
#                                 limit), newsmine --threads 1, newsmine on all cores
#   scripts/bench.sh --scale      10,000 and 100,000 articles: linear time, flat memory
#
# Needs ../shared/data/bbc-news. Uses /usr/bin/time -v for wall time, CPU and peak memory.
# The page cache is warm by default (the corpus is read once first), so the figures measure
# newsmine rather than the disk; COLD=1 drops the cache before each measurement (as root).
set -euo pipefail
cd "$(dirname "$0")/.."
BBC=${BBC:-../shared/data/bbc-news}
[ -d "$BBC" ] || { echo "bench.sh: $BBC not found" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench.sh: /usr/bin/time is needed (apt-get install time)" >&2; exit 1; }

cargo build --release --quiet
BIN=$(realpath "${CARGO_TARGET_DIR:-target}")/release/newsmine
CORES=$(nproc)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/newsmine-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# make_corpus N DIR: N files copied from the BBC articles under unique names, 1,000 per folder.
make_corpus() {
    python3 - "$BBC" "$1" "$2" <<'PY'
import os, sys
src_dir, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
sources = sorted(
    os.path.join(root, f)
    for root, _, files in os.walk(src_dir)
    for f in files
    if f.endswith(".txt") and os.path.basename(root) != os.path.basename(src_dir)
)
texts = [open(p, "rb").read() for p in sources]
for i in range(n):
    sub = os.path.join(out, "d%d" % (i // 1000))
    if i % 1000 == 0:
        os.makedirs(sub, exist_ok=True)
    with open(os.path.join(sub, "a%d.txt" % i), "wb") as f:
        f.write(texts[i % len(texts)])
PY
}

# measure LABEL CMD...: prints wall seconds, CPU seconds and peak RSS (MB) of CMD.
measure() {
    local label=$1; shift
    local log=$WORK/time.log
    if [ "${COLD:-0}" = 1 ]; then
        # cold cache: every read goes to the disk (needs root)
        sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || true
    fi
    /usr/bin/time -v "$@" > /dev/null 2> "$log"
    local wall cpu_user cpu_sys rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
    cpu_user=$(awk -F': ' '/User time/ {print $2}' "$log")
    cpu_sys=$(awk -F': ' '/System time/ {print $2}' "$log")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
    awk -v l="$label" -v w="$wall" -v u="$cpu_user" -v s="$cpu_sys" -v r="$rss" 'BEGIN { printf "%s %s %.2f %d\n", l, w, u + s, r / 1024 }'
}

run_one() {
    local n=$1
    local corpus=$WORK/corpus-$n
    echo "== $n articles" >&2
    make_corpus "$n" "$corpus"
    local mb
    mb=$(find "$corpus" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%.1f", s / 1e6 }')
    find "$corpus" -type f -print0 | xargs -0 cat > /dev/null # warm the page cache
    {
        measure read-limit sh -c "find '$corpus' -type f -print0 | xargs -0 cat"
        measure "newsmine-1-thread" "$BIN" run "$corpus" -o "$WORK/out1" --quiet --threads 1
        measure "newsmine-$CORES-threads" "$BIN" run "$corpus" -o "$WORK/outN" --quiet --threads "$CORES"
    } > "$WORK/results-$n"
    awk -v n="$n" -v mb="$mb" '
        { label[NR] = $1; wall[NR] = $2; cpu[NR] = $3; rss[NR] = $4 }
        END {
            printf "%d articles, %s MB\n", n, mb
            printf "%-22s %9s %9s %12s %9s %9s\n", "", "wall s", "cpu s", "articles/s", "MB/s", "peak MB"
            for (i = 1; i <= NR; i++)
                printf "%-22s %9.2f %9.2f %12.0f %9.1f %9d\n", label[i], wall[i], cpu[i], n / wall[i], mb / wall[i], rss[i]
            printf "time relative to the read limit (all cores): %.2f x\n", wall[3] / wall[1]
            printf "scaling 1 -> all cores: %.2f x\n", wall[2] / wall[3]
        }' "$WORK/results-$n"
    rm -rf "$corpus" "$WORK/out1" "$WORK/outN"
}

if [ "${1:-}" = "--scale" ]; then
    run_one 10000
    run_one 100000
    echo "linear time: compare the wall seconds (100,000 should take 10x 10,000, within 15%); flat memory: compare peak MB"
else
    run_one "${1:-100000}"
fi
