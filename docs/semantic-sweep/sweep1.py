import os, sys
HERE=os.path.dirname(os.path.abspath(__file__))
exec(open(os.path.join(HERE,'base.py')).read().split("print('keyword'")[0])
AGG={}
def aggs(qi,kind):
    key=(qi,kind)
    if key in AGG: return AGG[key]
    s=S[qi]
    if kind=='max': a=agg_max(s)
    else:
        # top-2 per article
        order=np.lexsort((-s,pai)); ps=pai[order]; ss=s[order]
        first=np.r_[True,ps[1:]!=ps[:-1]]
        best=np.full(NA,-9.0); best[ps[first]]=ss[first]
        idx=np.where(first)[0]+1; idx=idx[idx<len(ps)]
        second=np.full(NA,np.nan); ok=idx[ps[idx]==ps[idx-1]]; second[ps[ok]]=ss[ok]
        alpha=float(kind.split(':')[1])
        sec=np.where(np.isnan(second),best,second)
        a=best+alpha*(sec-best) if kind.startswith('top2') else best
    AGG[key]=a; return a
def sem_list(qi,depth,kind='max'):
    a=aggs(qi,kind); o=np.argpartition(-a,depth)[:depth]; o=o[np.argsort(-a[o])]; return [(arts[i],a[i]) for i in o]
def norm(lst,how):
    if not lst: return {}
    v=np.array([s for _,s in lst])
    if how=='minmax':
        mn,mx=v.min(),v.max(); v=(v-mn)/(mx-mn) if mx-mn>1e-12 else np.ones_like(v)
    elif how=='z':
        v=(v-v.mean())/(v.std()+1e-9)
    elif how=='max':
        v=v/v.max()
    return {d:x for (d,_),x in zip(lst,v)}
def fuse(qi,q,w=0.5,depth=1000,how='minmax',kind='max',missing=None):
    kl=kw[q][:depth]; sl=sem_list(qi,depth,kind)
    k=norm(kl,how); s=norm(sl,how); docs=set(k)|set(s)
    km=min(k.values()) if missing=='min' and k else 0; sm=min(s.values()) if missing=='min' and s else 0
    if how=='z' and missing is None: km=min(k.values()) if k else 0; sm=min(s.values())
    f={d:(1-w)*k.get(d,km)+w*s.get(d,sm) for d in docs}
    return sorted(f,key=lambda d:-f[d])
def rrf(qi,q,k=60,depth=1000,kind='max'):
    kl=kw[q][:depth]; sl=sem_list(qi,depth,kind); f=collections.defaultdict(float)
    for i,(d,_) in enumerate(kl): f[d]+=1/(k+i+1)
    for i,(d,_) in enumerate(sl): f[d]+=1/(k+i+1)
    return sorted(f,key=lambda d:-f[d])
import itertools
mode=sys.argv[1]
if mode=='w':
    for depth in [10,20,50,100,200,1000]:
        print('minmax depth',depth,' '.join('%.2f:%.4f'%(w,evaluate(lambda qi,q:fuse(qi,q,w,depth))[0]) for w in [0.3,0.4,0.5,0.6,0.7]),flush=True)
    for depth in [20,100,1000]:
        print('z depth',depth,' '.join('%.2f:%.4f'%(w,evaluate(lambda qi,q:fuse(qi,q,w,depth,'z'))[0]) for w in [0.3,0.4,0.5,0.6,0.7]),flush=True)
    for k in [10,20,40,60,100]:
        print('rrf k',k,'%.4f'%evaluate(lambda qi,q:rrf(qi,q,k))[0],flush=True)
if mode=='agg':
    for kind in ['max','top2:0.1','top2:0.2','top2:0.3','top2:0.5']:
        print(kind,'semantic %.4f'%evaluate(lambda qi,q:[d for d,_ in sem_list(qi,1000,kind)])[0],
              ' '.join('d%d w%.1f:%.4f'%(depth,w,evaluate(lambda qi,q:fuse(qi,q,w,depth,'minmax',kind))[0]) for depth in [100,1000] for w in [0.4,0.5,0.6]),flush=True)
