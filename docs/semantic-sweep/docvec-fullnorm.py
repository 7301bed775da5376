# Whole-collection normalisation (see docs/semantic.md, "A whole-article vector"); run from the project root.
__file__='docs/semantic-sweep/docvec.py'; exec(open(__file__).read().split('kinds={')[0])
def fullnorm(kl, sem_all, w=0.5):
    # keyword: score / best (a non-matching article scores 0); semantic: min-max over every article
    mx=kl[0][1] if kl else 1; k={d:s/mx for d,s in kl}
    mn,mxs=sem_all.min(),sem_all.max(); sn=(sem_all-mn)/(mxs-mn)
    f=w*sn.copy()
    for d,v in k.items(): f[aidx[d]]+=(1-w)*v
    o=np.argsort(-f)[:1000]; return [arts[i] for i in o]
base=[];x1=[];x2=[]
for qi,q in valid:
    base.append(ndcg(q,fuse_lists(kw[q][:1000],lst(best[qi],1000),0.5,'minmax')))
    x1.append(ndcg(q,fullnorm(kw[q],best[qi]))); x2.append(ndcg(q,fullnorm(kw[q],doc[qi])))
base,x1,x2=map(np.array,(base,x1,x2)); rng=np.random.default_rng(7)
for name,x in [('whole-collection normalisation, best passage',x1),('whole-collection normalisation, article vector',x2)]:
    d=x-base; bs=[d[rng.integers(0,len(d),len(d))].mean() for _ in range(2000)]
    print('%s %.4f diff %+.4f CI %+.4f..%+.4f'%(name,x.mean(),d.mean(),*np.percentile(bs,[2.5,97.5])))
