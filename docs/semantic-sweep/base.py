import os, sys
HERE=os.path.dirname(os.path.abspath(__file__))
exec(open(os.path.join(HERE,'fuse.py')).read())
def sem_rank(qi,depth=1000):
    a=agg_max(S[qi]); o=np.argsort(-a)[:depth]; return [(arts[i],a[i]) for i in o]
def minmax(lst):
    if not lst: return {}
    v=np.array([s for _,s in lst]); mn,mx=v.min(),v.max()
    return {d:(1.0 if mx-mn<1e-12 else (s-mn)/(mx-mn)) for d,s in lst}
def evaluate(fn):
    n=[];r=[]
    for qi,q in enumerate(qids):
        if q not in qrels: continue
        rk=fn(qi,q); n.append(ndcg(q,rk)); r.append(recall(q,rk))
    return np.mean(n),np.mean(r),len(n)
print('keyword',evaluate(lambda qi,q:[d for d,_ in kw[q]]))
print('semantic',evaluate(lambda qi,q:[d for d,_ in sem_rank(qi)]))
def convex(qi,q,w=0.5,depth=1000):
    k=minmax(kw[q][:depth]); s=minmax(sem_rank(qi,depth)); docs=set(k)|set(s)
    f={d:(1-w)*k.get(d,0)+w*s.get(d,0) for d in docs}
    return sorted(f,key=lambda d:-f[d])
print('hybrid',evaluate(convex))
