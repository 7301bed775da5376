"""Calibration of answer confidence: the closest passage's cosine and word coverage, for questions an archive
answers and for questions it cannot answer, and how many of each a "shown" cut keeps.

Inputs are `archive ask --json --min-coverage 0 --limit 1 -` outputs (one JSON object per question, in the order of
the questions), see docs/semantic.md "Calibration" for the commands. Prints one table row per question set.

usage: calibration.py QRELS TOPICS CLAIMS_OWN CLAIMS_REUTERS PQ_TSV PQ_OWN PQ_REUTERS
"""
import json
import sys

qrels_path, topics_path, claims_own, claims_other, pq_tsv, pq_own, pq_other = sys.argv[1:8]
qrels = {}
for line in open(qrels_path, encoding="utf-8"):
    parts = line.split()
    if len(parts) >= 4 and parts[3] != "0":
        qrels.setdefault(parts[0], set()).add(parts[2])
topics = [line.rstrip("\n").split("\t") for line in open(topics_path, encoding="utf-8")]
pq = [line.rstrip("\n").split("\t") for line in open(pq_tsv, encoding="utf-8")
      if line.strip() and not line.startswith("#")]


def load(path):
    return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


def signals(rows, keep):
    return [(r["answer"]["similarity"], r["answer"]["coverage"]) for i, r in enumerate(rows)
            if r.get("answer") and keep(i, r["answer"])]


def text_of(answer):
    return answer["text"].replace("**", "").lower()


sets = [
    ("SciFact claims vs SciFact, cited abstract relevant", signals(
        load(claims_own), lambda i, a: a["id"] in qrels.get(topics[i][0], ()))),
    ("SciFact claims vs Reuters (nothing answers)", signals(load(claims_other), lambda i, a: True)),
    ("partnership questions vs data/, right passage", signals(
        load(pq_own), lambda i, a: a["id"] == pq[i][0] and pq[i][1].lower() in text_of(a))),
    ("partnership questions vs Reuters (nothing answers)", signals(load(pq_other), lambda i, a: True)),
]


def pct(xs, f):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(f * len(xs)))]


print("| question set | n | closest cosine p10 / median / p90 / max | shown, cut 0.60 (default) | 0.65 | 0.68 | 0.70 "
      "| strong (cosine >= 0.75, or coverage >= 0.5 and cosine >= 0.60) |")
print("| --- | --- | --- | --- | --- | --- | --- | --- |")
for name, xs in sets:
    cos = [s for s, _ in xs]
    shown = ["%d" % sum(1 for s, c in xs if s >= cut or c >= 0.5) for cut in (0.60, 0.65, 0.68, 0.70)]
    strong = sum(1 for s, c in xs if s >= 0.75 or (c >= 0.5 and s >= 0.60))
    print("| %s | %d | %.3f / %.3f / %.3f / %.3f | %s | %d |" % (
        name, len(xs), pct(cos, 0.1), pct(cos, 0.5), pct(cos, 0.9), max(cos), " | ".join(shown), strong))
