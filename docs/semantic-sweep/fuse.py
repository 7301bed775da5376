import os, sys
HERE=os.path.dirname(os.path.abspath(__file__))
import numpy as np, collections, sys
D=os.environ.get('DUMP','/tmp/s2-semantic-dump')+'/'
meta=[l.rstrip('\n').split('\t') for l in open(D+'passages.tsv')]
P=np.fromfile(D+'passages.f32',dtype='>f4').reshape(len(meta),384).astype(np.float32)
qids=[l.strip() for l in open(D+'queries.tsv')]
Q=np.fromfile(D+'queries.f32',dtype='>f4').reshape(len(qids),384).astype(np.float32)
pa=[m[0] for m in meta]; arts=sorted(set(pa)); aidx={a:i for i,a in enumerate(arts)}
pai=np.array([aidx[a] for a in pa]); pord=np.array([int(m[1]) for m in meta])
plen=np.array([int(m[3])-int(m[2]) for m in meta])
S=Q@P.T  # queries x passages
kw=collections.defaultdict(list)
for l in open(D+'keyword.run'):
    q,d,s=l.split('\t'); kw[q].append((d,float(s)))
qrels=collections.defaultdict(dict)
for l in open(os.environ.get('QRELS','../shared/corpora/beir-scifact/qrels.beir-v1.0.0-scifact.test.txt')):
    q,_,d,r=l.split(); 
    if int(r)>0: qrels[q][d]=int(r)
def ndcg(q,ranked,k=10):
    rel=qrels.get(q,{})
    dcg=sum(rel.get(d,0)/np.log2(i+2) for i,d in enumerate(ranked[:k]))
    ideal=sorted(rel.values(),reverse=True)[:k]
    idcg=sum(g/np.log2(i+2) for i,g in enumerate(ideal))
    return dcg/idcg if idcg>0 else 0
def recall(q,ranked,k=100):
    rel=qrels.get(q,{}); return sum(1 for d in ranked[:k] if d in rel)/len(rel) if rel else 0
# article score matrices per aggregation
NA=len(arts)
def agg_max(Sq):
    out=np.full(NA,-9.0); np.maximum.at(out,pai,Sq); return out
