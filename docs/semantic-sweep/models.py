# Other bundled models on SciFact, from Dump.java outputs (one per model's index): keyword, semantic and hybrid
# (convex min-max 0.5/0.5 at depth 1000, as archive eval), two models' cosines fused offline, and a paired bootstrap
# of every hybrid against the first dump's (the shipped model's).
# Usage: python3 models.py NAME=DUMP_DIR NAME=DUMP_DIR ...   (QRELS= overrides the SciFact judgments)
import collections, os, sys
import numpy as np

QRELS = os.environ.get('QRELS', '../shared/corpora/beir-scifact/qrels.beir-v1.0.0-scifact.test.txt')
qrels = collections.defaultdict(dict)
for line in open(QRELS):
    q, _, d, r = line.split()
    if int(r) > 0:
        qrels[q][d] = int(r)

def load(folder):
    meta = [l.rstrip('\n').split('\t') for l in open(folder + '/passages.tsv')]
    P = np.fromfile(folder + '/passages.f32', dtype='>f4').reshape(len(meta), -1).astype(np.float32)
    qids = [l.strip() for l in open(folder + '/queries.tsv')]
    Q = np.fromfile(folder + '/queries.f32', dtype='>f4').reshape(len(qids), -1).astype(np.float32)
    kw = collections.defaultdict(list)
    for l in open(folder + '/keyword.run'):
        q, d, s = l.split('\t')
        kw[q].append((d, float(s)))
    # passages in one fixed order (article, ordinal), so two models' cosines line up passage by passage
    keys = [(m[0], int(m[1])) for m in meta]
    order = sorted(range(len(keys)), key=lambda i: keys[i])
    keys = [keys[i] for i in order]
    return dict(P=P[order], qids=qids, Q=Q, kw=kw, keys=keys)

def ndcg(q, ranked, k=10):
    rel = qrels.get(q, {})
    dcg = sum(rel.get(d, 0) / np.log2(i + 2) for i, d in enumerate(ranked[:k]))
    idcg = sum(g / np.log2(i + 2) for i, g in enumerate(sorted(rel.values(), reverse=True)[:k]))
    return dcg / idcg if idcg > 0 else 0

def recall(q, ranked, k=100):
    rel = qrels.get(q, {})
    return sum(1 for d in ranked[:k] if d in rel) / len(rel) if rel else 0

def minmax(lst):
    if not lst:
        return {}
    v = np.array([s for _, s in lst]); lo, hi = v.min(), v.max()
    return {d: (1.0 if hi - lo < 1e-12 else (s - lo) / (hi - lo)) for d, s in lst}

def top(scores, arts, depth=1000):
    o = np.argpartition(-scores, depth)[:depth]; o = o[np.argsort(-scores[o])]
    return [(arts[i], scores[i]) for i in o]

def convex(sides, weights):
    norm = [minmax(s) for s in sides]; docs = set().union(*norm)
    f = {d: sum(w * n.get(d, 0) for w, n in zip(weights, norm)) for d in docs}
    return sorted(f, key=lambda d: -f[d])

dumps = [(a.split('=', 1)[0], load(a.split('=', 1)[1])) for a in sys.argv[1:]]
ref = dumps[0][1]
keys = ref['keys']
arts = sorted(set(k[0] for k in keys)); aidx = {a: i for i, a in enumerate(arts)}
pai = np.array([aidx[k[0]] for k in keys])
for name, d in dumps:
    assert d['keys'] == keys, name + ': other passages than ' + dumps[0][0]
    assert d['qids'] == ref['qids'], name + ': other queries'
qids = ref['qids']; valid = [(i, q) for i, q in enumerate(qids) if q in qrels]
S = {name: d['Q'] @ d['P'].T for name, d in dumps}   # queries x passages, cosine

def article_best(cos):   # an article's score: its best passage
    out = np.full(len(arts), -9.0); np.maximum.at(out, pai, cos); return out

runs = {}   # name -> per-query (ndcg, recall@100) arrays
def run(name, rank):
    n, r = [], []
    for qi, q in valid:
        ranked = rank(qi, q); n.append(ndcg(q, ranked)); r.append(recall(q, ranked))
    runs[name] = (np.array(n), np.array(r))
    print('%-44s nDCG@10 %.4f  R@100 %.4f' % (name, np.mean(n), np.mean(r)), flush=True)

kw = ref['kw']
run('keyword', lambda qi, q: [d for d, _ in kw[q]])
for name, d in dumps:
    run(name + ' semantic', lambda qi, q, n=name: [a for a, _ in top(article_best(S[n][qi]), arts)])
    run(name + ' hybrid', lambda qi, q, n=name: convex([kw[q][:1000], top(article_best(S[n][qi]), arts)], [0.5, 0.5]))
names = [n for n, _ in dumps]
for i in range(len(names)):
    for j in range(i + 1, len(names)):
        a, b = names[i], names[j]
        # the two models' cosines averaged passage by passage, then an article's best passage: one semantic side
        mean_sem = lambda qi, a=a, b=b: top(article_best((S[a][qi] + S[b][qi]) / 2), arts)
        run('%s+%s semantic (mean cosine)' % (a, b), lambda qi, q: [x for x, _ in mean_sem(qi)])
        run('%s+%s hybrid (mean cosine)' % (a, b), lambda qi, q: convex([kw[q][:1000], mean_sem(qi)], [0.5, 0.5]))
        run('%s+%s hybrid (3-way 0.5/0.25/0.25)' % (a, b), lambda qi, q, a=a, b=b: convex(
            [kw[q][:1000], top(article_best(S[a][qi]), arts), top(article_best(S[b][qi]), arts)], [0.5, 0.25, 0.25]))

rng = np.random.default_rng(7)
for kind in ['hybrid', 'semantic']:
    base = runs[names[0] + ' ' + kind][0]
    print('\npaired bootstrap (2,000 resamples of the %d claims) of nDCG@10 against %s %s (%.4f):' % (
        len(valid), names[0], kind, base.mean()))
    for name, (n, _) in runs.items():
        if name == names[0] + ' ' + kind or kind not in name:
            continue
        diff = n - base
        boots = [diff[rng.integers(0, len(diff), len(diff))].mean() for _ in range(2000)]
        print('%-44s %.4f  diff %+.4f  95%% %+.4f .. %+.4f  better on %d, worse on %d' % (
            name, n.mean(), diff.mean(), *np.percentile(boots, [2.5, 97.5]), (diff > 1e-9).sum(), (diff < -1e-9).sum()))
