import os, sys
HERE=os.path.dirname(os.path.abspath(__file__))
exec(open(os.path.join(HERE,'sweep3.py')).read().split("for source in")[0])
import json
rows=[]
for depth in [100,1000]:
  for how in ['minmax','z']:
    for fb,beta in [(0,0),(3,0.5),(3,1.0),(5,0.5),(5,1.0)]:
      for w in [0.4,0.5,0.6]:
        per=[]
        for qi,q in enumerate(qids):
            if q not in qrels: continue
            if fb==0:
                a,_=sem_scores(Q[qi]); rk=fuse_lists(kw[q][:depth],lst(a,depth),w,how)
            else:
                rk=prf(qi,q,beta,fb,depth,w,how)[0]
            per.append((ndcg(q,rk),recall(q,rk)))
        per=np.array(per)
        rows.append(dict(depth=depth,how=how,fb=fb,beta=beta,w=w,ndcg=per[:,0].tolist()))
        print(depth,how,fb,beta,w,'%.4f R100 %.4f'%tuple(per.mean(0)),flush=True)
json.dump(rows,open('sweep4.json','w'))
