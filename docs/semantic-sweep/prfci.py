import os, sys
HERE=os.path.dirname(os.path.abspath(__file__))
exec(open(os.path.join(HERE,'sweep3.py')).read().split("for source in")[0])
valid=[(qi,q) for qi,q in enumerate(qids) if q in qrels]
base=np.array([ndcg(q,fuse_lists(kw[q][:1000],lst(sem_scores(Q[qi])[0],1000),0.5,'minmax')) for qi,q in valid])
rng=np.random.default_rng(7)
for fb,beta in [(3,0.5),(5,0.5),(5,1.0)]:
    p=np.array([ndcg(q,prf(qi,q,beta,fb,1000,0.5,'minmax')[0]) for qi,q in valid]); d=p-base
    bs=[d[rng.integers(0,len(d),len(d))].mean() for _ in range(2000)]
    print('prf fb%d beta%.1f: %.4f diff %+.4f CI %+.4f..%+.4f, better on %d worse on %d queries'%(fb,beta,p.mean(),d.mean(),*np.percentile(bs,[2.5,97.5]),(d>1e-9).sum(),(d<-1e-9).sum()),flush=True)
