import os, sys
HERE=os.path.dirname(os.path.abspath(__file__))
exec(open(os.path.join(HERE,'sweep3.py')).read().split("for source in")[0])
configs={}
valid=[(qi,q) for qi,q in enumerate(qids) if q in qrels]
semcache={qi:sem_scores(Q[qi])[0] for qi,q in valid}
for depth in [100,1000]:
  for how in ['minmax','z']:
    for w in [0.3,0.4,0.5,0.6,0.7]:
      configs[(how,depth,w)]=np.array([ndcg(q,fuse_lists(kw[q][:depth],lst(semcache[qi],depth),w,how)) for qi,q in valid])
print('configs',len(configs),flush=True)
base=configs[('minmax',1000,0.5)]
rng=np.random.default_rng(7)
boots=[base[rng.integers(0,len(base),len(base))].mean() for _ in range(2000)]
print('default 0.5 minmax d1000: %.4f, bootstrap 95%% CI %.4f-%.4f'%(base.mean(),*np.percentile(boots,[2.5,97.5])))
for key in [('z',1000,0.5),('z',100,0.5),('minmax',100,0.5),('z',1000,0.6)]:
    d=configs[key]-base; bs=[d[rng.integers(0,len(d),len(d))].mean() for _ in range(2000)]
    print(key,'%.4f diff %+.4f CI %+.4f..%+.4f'%(configs[key].mean(),d.mean(),*np.percentile(bs,[2.5,97.5])))
# repeated 2-fold CV: pick best config on one half, score on other
scores=[]
keys=list(configs); M=np.array([configs[k] for k in keys])
for rep in range(200):
    perm=rng.permutation(len(valid)); a,b=perm[:len(perm)//2],perm[len(perm)//2:]
    for tr,te in [(a,b),(b,a)]:
        best=np.argmax(M[:,tr].mean(1)); scores.append(M[best,te].mean())
print('2-fold CV (grid of %d fusion settings, picked on one half, scored on the other): %.4f'%(len(keys),np.mean(scores)))
print('default on same halves: %.4f'%base.mean())
