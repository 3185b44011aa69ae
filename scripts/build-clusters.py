#!/usr/bin/env python3
"""Derives word clusters and a casing table from unlabelled news, for the entity tagger.

Reads (never copies) ../shared/data: the BBC News articles, the PolNeAR training texts and the
tokens of CoNLL-2003 eng.train (its labels are ignored). Writes two derived tables:

  data/word-clusters.tsv  form <TAB> c64 <TAB> c256 <TAB> c1024
      k-means clusters (three granularities) of word vectors taken from a truncated SVD of the
      positive-PMI matrix of left and right neighbours; forms seen at least MIN_COUNT times.
  data/casing.tsv         lower <TAB> truecase <TAB> capitalised-fraction (0-100) <TAB> count
      for every lower-cased form seen at least twice: its most frequent spelling away from the
      start of a sentence and how often it is capitalised there.

Deterministic: fixed seeds, sorted vocabularies. Run with numpy and scipy installed:
  python3 -m venv /tmp/nmvenv && /tmp/nmvenv/bin/pip install numpy scipy
  /tmp/nmvenv/bin/python scripts/build-clusters.py ../shared/data
"""
import collections, glob, json, os, re, sys

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.linalg import svds

MIN_COUNT = 3
CONTEXTS = 6000
DIM = 100
KS = (64, 256, 1024)

TOKEN = re.compile(r"""https?://\S+|[A-Za-z]\.(?:[A-Za-z]\.)+|(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Inc|Corp|Ltd|Co|Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.|\w+(?:[-'’.&]\w+)*|\.\.\.|[^\w\s]""")
QUOTES = {"“": '"', "”": '"', "``": '"', "''": '"', "«": '"', "»": '"', "—": "-", "–": "-", "…": "..."}


def tokens(line):
    out = []
    for t in TOKEN.findall(line):
        t = QUOTES.get(t, t).replace("’", "'")
        low = t.lower()
        if len(t) > 3 and low.endswith("n't"):
            out += [t[:-3], t[-3:]]
        elif len(t) > 2 and low.endswith("'s"):
            out += [t[:-2], t[-2:]]
        else:
            out.append(t)
    return out


def sentences_of_text(text):
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        toks = tokens(line)
        sent = []
        for i, t in enumerate(toks):
            sent.append(t)
            if t in (".", "!", "?") and (i + 1 == len(toks) or toks[i + 1][:1].isupper()):
                yield sent
                sent = []
        if sent:
            yield sent


def corpus(data):
    for path in sorted(glob.glob(os.path.join(data, "bbc-news", "*", "*.txt"))):
        raw = open(path, "rb").read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        yield from sentences_of_text(text)
    with open(os.path.join(data, "polnear", "polnear_train.jsonl"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield from sentences_of_text(json.loads(line)["text"])
    sent = []
    with open(os.path.join(data, "conll2003", "eng.train"), encoding="utf-8") as f:
        for line in f:
            cols = line.split()
            if not cols or cols[0] == "-DOCSTART-":
                if sent:
                    yield sent
                sent = []
            else:
                sent.append(cols[0])
    if sent:
        yield sent


def is_caps_sentence(sent):
    words = [t for t in sent if sum(c.isalpha() for c in t) >= 2]
    return len(words) >= 2 and sum(t.isupper() for t in words) * 10 >= len(words) * 8


def kmeans(x, k, seed, iters=25):
    rng = np.random.RandomState(seed)
    centres = x[rng.choice(len(x), k, replace=False)].copy()
    for _ in range(iters):
        sims = x @ centres.T
        assign = sims.argmax(axis=1)
        for c in range(k):
            members = x[assign == c]
            if len(members):
                v = members.sum(axis=0)
                centres[c] = v / (np.linalg.norm(v) + 1e-9)
    return (x @ centres.T).argmax(axis=1)


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
    out_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")
    sents = list(corpus(data))
    counts = collections.Counter(t for s in sents for t in s)
    # casing: spelling away from sentence starts, outside all-capitals lines
    spell = collections.defaultdict(collections.Counter)
    for s in sents:
        if is_caps_sentence(s):
            continue
        for i, t in enumerate(s):
            if i == 0 or s[i - 1] in ('"', "'", "(", ":", "-", "--"):
                continue
            if any(c.isalpha() for c in t):
                spell[t.lower()][t] += 1
    with open(os.path.join(out_dir, "casing.tsv"), "w", encoding="utf-8") as f:
        for low in sorted(spell):
            c = spell[low]
            n = sum(c.values())
            if n < 2:
                continue
            best = sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            cap = sum(v for form, v in c.items() if form[:1].isupper())
            f.write(f"{low}\t{best}\t{round(100 * cap / n)}\t{n}\n")
    # clusters
    vocab = sorted(w for w, n in counts.items() if n >= MIN_COUNT)
    index = {w: i for i, w in enumerate(vocab)}
    ctx = [w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:CONTEXTS]]
    cindex = {w: i for i, w in enumerate(ctx)}
    pairs = collections.Counter()
    for s in sents:
        padded = ["<s>"] + s + ["</s>"]
        for i in range(1, len(padded) - 1):
            w = index.get(padded[i])
            if w is None:
                continue
            for off, side in ((-1, 0), (1, 1)):
                c = padded[i + off]
                ci = cindex.get(c, -1) if c not in ("<s>", "</s>") else (CONTEXTS if off < 0 else CONTEXTS + 1)
                if ci >= 0:
                    pairs[(w, side * (CONTEXTS + 2) + ci)] += 1
    rows = np.array([k[0] for k in pairs], dtype=np.int64)
    cols = np.array([k[1] for k in pairs], dtype=np.int64)
    vals = np.array([pairs[k] for k in pairs], dtype=np.float64)
    shape = (len(vocab), 2 * (CONTEXTS + 2))
    total = vals.sum()
    rsum = np.bincount(rows, weights=vals, minlength=shape[0])
    csum = np.bincount(cols, weights=vals, minlength=shape[1]) ** 0.75
    csum /= csum.sum()
    pmi = np.log(vals * 1.0 / total / (rsum[rows] / total) / csum[cols])
    keep = pmi > 0
    m = coo_matrix((pmi[keep], (rows[keep], cols[keep])), shape=shape).tocsr()
    u, s, _ = svds(m, k=DIM, v0=np.ones(min(shape)) / np.sqrt(min(shape)))
    x = u * np.sqrt(s)
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-9
    labels = [kmeans(x, k, seed=7 + k) for k in KS]
    with open(os.path.join(out_dir, "word-clusters.tsv"), "w", encoding="utf-8") as f:
        for i, w in enumerate(vocab):
            f.write(w + "\t" + "\t".join(str(int(l[i])) for l in labels) + "\n")
    print(f"{len(sents)} sentences, {sum(counts.values())} tokens, {len(vocab)} clustered forms", file=sys.stderr)


if __name__ == "__main__":
    main()
