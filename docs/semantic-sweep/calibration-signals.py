"""Which answers each confidence rule shows (strong or "Closest match:"), per question set: today's cosine rule and
rules that also ask whether the answer's article is about the question (its `article_coverage`, the share of the
question's concept weight anywhere in the article, and its `name_coverage`, the share of the weight of the names the
question names that the article names in some form; both in `ask --json`).

Inputs are `archive ask --json --min-coverage 0 --limit 1 -` outputs (one JSON object per question, in question
order; coverage 0 makes every question return its closest passage, so each rule can be applied here), in OUT_DIR:
  claims-own.jsonl      SciFact claims vs SciFact             (answerable)
  pq-data.jsonl         partnership questions vs data/        (answerable)
  pq-mixed.jsonl        partnership questions vs data/+Reuters (answerable, big archive)
  claims-reuters.jsonl  SciFact claims vs Reuters              (nothing answers)
  pq-reuters.jsonl      partnership questions vs Reuters       (nothing answers)
  claims-data.jsonl     SciFact claims vs data/                (nothing answers)
  optional: pqlc-data.jsonl, pqlc-reuters.jsonl, the partnership questions in lower case (as typed in Slack).
QUESTIONS_DIR holds paraphrase-questions.tsv, paraphrase-questions-heldout.tsv and verbatim-questions.tsv; the
partnership questions are asked in that order (see docs/semantic.md "Reproduce").

usage: calibration-signals.py QRELS TOPICS QUESTIONS_DIR OUT_DIR
"""
import json
import os
import sys

qrels_path, topics_path, questions_dir, out = sys.argv[1:5]
MIN_COVERAGE = 0.5
qrels = {}
for line in open(qrels_path, encoding="utf-8"):
    parts = line.split()
    if len(parts) >= 4 and parts[3] != "0":
        qrels.setdefault(parts[0], set()).add(parts[2])
topics = [line.rstrip("\n").split("\t") for line in open(topics_path, encoding="utf-8")]
pq = []
for name in ("paraphrase-questions", "paraphrase-questions-heldout", "verbatim-questions"):
    for line in open(os.path.join(questions_dir, name + ".tsv"), encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            pq.append([name] + line.rstrip("\n").split("\t"))


def load(name):
    path = os.path.join(out, name + ".jsonl")
    if not os.path.exists(path):
        return None
    return [json.loads(line)["answer"] for line in open(path, encoding="utf-8") if line.strip()]


def right_claim(i, a):
    return a is not None and a["id"] in qrels.get(topics[i][0], ())


def right_pq(i, a):
    return a is not None and a["id"] == pq[i][1] and pq[i][2].lower() in a["text"].replace("**", "").lower()


def value(a, key):
    v = a.get(key)
    return float("nan") if v is None else v


def today(a):
    return a["similarity"] >= 0.60 or a["coverage"] >= MIN_COVERAGE


def strong(a):
    return a["similarity"] >= 0.75 or (a["coverage"] >= MIN_COVERAGE and a["similarity"] >= 0.60)


def about(a, names, articles):
    """Either signal passes (NaN compares false)."""
    return value(a, "name_coverage") >= names or value(a, "article_coverage") >= articles


def names_first(a, names, articles):
    """Calibration.isAboutQuestion: the names decide when the question names any, else the article coverage."""
    if a.get("name_coverage") is not None:
        return a["name_coverage"] >= names
    return value(a, "article_coverage") >= articles


def closest(a, about_rule):
    """Calibration.of's closest match: enough word coverage, or today's cosine and an article about the question."""
    return a["coverage"] >= MIN_COVERAGE or (a["similarity"] >= 0.60 and about_rule(a))


RULES = [
    ("today: cosine >= 0.60 (or coverage >= 0.5)", today),
    ("strong only (cosine >= 0.75, or coverage >= 0.5 and cosine >= 0.60)", strong),
    # the rules below: strong, or coverage >= 0.5, or cosine >= 0.60 and the article is about the question by ...
    ("... article coverage >= 0.30", lambda a: strong(a) or closest(a, lambda a: about(a, 9, 0.30))),
    ("... half the names named (a question naming nothing: any)",
     lambda a: strong(a) or closest(a, lambda a: a.get("name_coverage") is None or a["name_coverage"] >= 0.5)),
    ("... half the names named or article coverage >= 0.30",
     lambda a: strong(a) or closest(a, lambda a: about(a, 0.5, 0.30))),
    ("**new default**: ... half the names named if the question names any, else article coverage >= 0.30",
     lambda a: strong(a) or closest(a, lambda a: names_first(a, 0.5, 0.30))),
    ("... all names named if any, else article coverage >= 0.30",
     lambda a: strong(a) or closest(a, lambda a: names_first(a, 1.0, 0.30))),
    ("... half the names named if any, else article coverage >= 0.20",
     lambda a: strong(a) or closest(a, lambda a: names_first(a, 0.5, 0.20))),
    ("... half the names named if any, else article coverage >= 0.40",
     lambda a: strong(a) or closest(a, lambda a: names_first(a, 0.5, 0.40))),
]

# (label, answers, which to count: None for all, else a predicate (i, answer) for the right answers)
pq_all = lambda subset: (lambda i, a: pq[i][0] == subset)
pq_right = lambda subset: (lambda i, a: pq[i][0] == subset and right_pq(i, a))
columns = [
    ("claims vs SciFact, all", "claims-own", None),
    ("claims vs SciFact, cited abstract", "claims-own", right_claim),
    ("partnership vs data/, all", "pq-data", None),
    ("partnership vs data/, right passage", "pq-data", right_pq),
    ("partnership vs data/+Reuters, all", "pq-mixed", None),
    ("partnership vs data/+Reuters, right passage", "pq-mixed", right_pq),
    ("claims vs Reuters (nothing answers)", "claims-reuters", None),
    ("partnership vs Reuters (nothing answers)", "pq-reuters", None),
    ("claims vs data/ (nothing answers)", "claims-data", None),
]
held_out = [
    ("paraphrase vs data/, right passage", "pq-data", pq_right("paraphrase-questions")),
    ("held-out vs data/, right passage", "pq-data", pq_right("paraphrase-questions-heldout")),
    ("verbatim vs data/, right passage", "pq-data", pq_right("verbatim-questions")),
    ("held-out vs data/+Reuters, right passage", "pq-mixed", pq_right("paraphrase-questions-heldout")),
    ("held-out vs Reuters (nothing answers)", "pq-reuters", pq_all("paraphrase-questions-heldout")),
    ("lower case vs data/, right passage", "pqlc-data", right_pq),
    ("lower case vs Reuters (nothing answers)", "pqlc-reuters", None),
]


def table(cols):
    loaded = [(label, load(name), keep) for label, name, keep in cols]
    loaded = [c for c in loaded if c[1] is not None]
    print("| shown when | " + " | ".join("%s (n)" % label for label, _, _ in loaded) + " |")
    print("| --- |" + " --- |" * len(loaded))
    for rule_label, rule in RULES:
        cells = []
        for _, answers, keep in loaded:
            counted = [a for i, a in enumerate(answers) if a is not None and (keep is None or keep(i, a))]
            n = len(answers) if keep is None else len(counted)
            shown = sum(1 for a in counted if rule(a))
            cells.append("%.1f%% (%d/%d)" % (100.0 * shown / n, shown, n))
        print("| %s | %s |" % (rule_label, " | ".join(cells)))
    print()


table(columns)
table(held_out)
