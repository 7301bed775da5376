import os, sys
HERE=os.path.dirname(os.path.abspath(__file__))
exec(open(os.path.join(HERE,'sweep1.py')).read().split("import itertools")[0])
# best passage index per article for a query vector
def sem_scores(qv):
    s=P@qv; out=np.full(NA,-9.0); np.maximum.at(out,pai,s); return out,s
def best_passage_vec(s,ai):
    idx=np.where(pai==ai)[0]; return P[idx[np.argmax(s[idx])]]
art_pass={}
for i,a in enumerate(pai): art_pass.setdefault(a,[]).append(i)
art_pass={a:np.array(v) for a,v in art_pass.items()}
def lst(a,depth):
    o=np.argpartition(-a,depth)[:depth]; o=o[np.argsort(-a[o])]; return [(arts[i],a[i]) for i in o]
def fuse_lists(kl,sl,w,how='minmax'):
    k=norm(kl,how); s=norm(sl,how); docs=set(k)|set(s)
    km=min(k.values()) if how=='z' else 0; sm=min(s.values()) if how=='z' else 0
    f={d:(1-w)*k.get(d,km)+w*s.get(d,sm) for d in docs}
    return sorted(f,key=lambda d:-f[d])
def prf(qi,q,beta=0.5,fb=3,depth=1000,w=0.5,how='minmax',source='fused'):
    qv=Q[qi]; a,s=sem_scores(qv)
    kl=kw[q][:depth]; sl=lst(a,depth)
    first=fuse_lists(kl,sl,w,how) if source=='fused' else [d for d,_ in sl]
    vs=[]
    for d in first[:fb]:
        ids=art_pass[aidx[d]]; vs.append(P[ids[np.argmax(s[ids])]])
    q2=qv+beta*np.mean(vs,axis=0); q2/=np.linalg.norm(q2)
    a2,_=sem_scores(q2)
    return fuse_lists(kl,lst(a2,depth),w,how), [arts[i] for i in np.argsort(-a2)[:1000]]
for source in ['fused','semantic']:
  for fb in [1,3,5]:
    for beta in [0.3,0.5,1.0]:
        res={}
        n1=evaluate(lambda qi,q:prf(qi,q,beta,fb,1000,0.5,'minmax',source)[0])[0]
        n2=evaluate(lambda qi,q:prf(qi,q,beta,fb,1000,0.5,'minmax',source)[1])[0]
        print(source,'fb',fb,'beta',beta,'hybrid %.4f semantic-prf %.4f'%(n1,n2),flush=True)
