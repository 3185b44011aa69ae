#!/usr/bin/env bash
# Retrains the shipped entity model exactly (same bytes: the training is deterministic).
# Needs ../shared/data/conll2003 beside the repository. Usage: scripts/train-ner.sh [OUT]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-data/ner-en.model}"
data="${NEWSMINE_DATA:-../shared/data}"
cargo build --release --quiet
nice "${CARGO_TARGET_DIR:-target}/release/newsmine" train ner \
  --train "$data/conll2003/eng.train" \
  --dev "$data/conll2003/eng.testa" \
  --clusters data/word-clusters.tsv \
  --casing data/casing.tsv \
  --epochs 15 --seed 20240501 \
  --out "$out"
sha256sum "$out"
