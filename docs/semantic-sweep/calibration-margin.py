"""Would a cut relative to the archive calibrate "shown" better than a fixed cosine? For each question: the best
article's cosine (s1, by its nearest passage) and its margin over the 21st article (s1 - s21), from Dump.java outputs
of three archives (Reuters, data/, SciFact), with data/ + Reuters as one mixed archive. Grid of rules
"shown iff s1 >= h or (s1 >= a and s1 - s21 >= m)"; prints the share shown per question set.

usage: calibration-margin.py REUTERS_DUMP DATA_DUMP SCIFACT_DUMP   (queries of the first two: c<qid> claims, p<n> partnership questions)
"""
import sys

import numpy as np


def load(d):
    ids = [line.split("\t")[0] for line in open(d + "/passages.tsv", encoding="utf-8")]
    passages = np.fromfile(d + "/passages.f32", dtype=">f4").reshape(len(ids), 384).astype(np.float32)
    qids = [line.strip() for line in open(d + "/queries.tsv", encoding="utf-8")]
    queries = np.fromfile(d + "/queries.f32", dtype=">f4").reshape(len(qids), 384).astype(np.float32)
    passages /= np.linalg.norm(passages, axis=1, keepdims=True)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    return ids, passages, qids, queries


def article_best(ids, queries, passages):
    """Per question, every article's best passage cosine, sorted best first."""
    numbers = {}
    idx = np.array([numbers.setdefault(a, len(numbers)) for a in ids])
    order = np.argsort(idx, kind="stable")
    sorted_idx = idx[order]
    bounds = np.flatnonzero(np.r_[True, sorted_idx[1:] != sorted_idx[:-1]])
    best = np.maximum.reduceat((queries @ passages.T)[:, order], bounds, axis=1)
    return -np.sort(-best, axis=1)


R, D, F = load(sys.argv[1]), load(sys.argv[2]), load(sys.argv[3])
claims = R[3][[i for i, q in enumerate(R[2]) if q.startswith("c")]]
partnership = R[3][[i for i, q in enumerate(R[2]) if q.startswith("p")]]
mixed_ids, mixed = D[0] + R[0], np.vstack([D[1], R[1]])
sets = {
    "claims vs SciFact (answerable)": article_best(F[0], F[3], F[1]),
    "partnership vs data/ (answerable)": article_best(D[0], partnership, D[1]),
    "partnership vs data/+Reuters (answerable)": article_best(mixed_ids, partnership, mixed),
    "claims vs Reuters (nothing answers)": article_best(R[0], claims, R[1]),
    "partnership vs Reuters (nothing answers)": article_best(R[0], partnership, R[1]),
    "claims vs data/ (nothing answers)": article_best(D[0], claims, D[1]),
}
features = {name: (b[:, 0], b[:, 0] - b[:, min(20, b.shape[1] - 1)]) for name, b in sets.items()}
print("rule | " + " | ".join(sets))
for a, m, h in [(0.60, 0.0, 1.0), (0.65, 0.0, 0.65), (0.68, 0.0, 0.68), (0.60, 0.08, 0.70), (0.60, 0.10, 0.70),
                (0.60, 0.10, 0.72)]:
    shares = []
    for s1, margin in features.values():
        shares.append("%.1f%%" % (100 * ((s1 >= h) | ((s1 >= a) & (margin >= m))).mean()))
    print("s1>=%.2f or (s1>=%.2f and margin>=%.2f) | %s" % (h, a, m, " | ".join(shares)))
