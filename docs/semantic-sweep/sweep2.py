import os, sys
HERE=os.path.dirname(os.path.abspath(__file__))
exec(open(os.path.join(HERE,'sweep1.py')).read().split("import itertools")[0])
# article mean vectors
M=np.zeros((NA,384),np.float32); np.add.at(M,pai,P); Mn=M/np.linalg.norm(M,axis=1,keepdims=True)
SM=Q@Mn.T
def aggs(qi,kind):
    key=(qi,kind)
    if key in AGG: return AGG[key]
    mx=agg_max(S[qi]); mean=SM[qi]
    if kind=='max': a=mx
    elif kind=='mean': a=mean
    else:
        b=float(kind.split(':')[1]); a=(1-b)*mx+b*mean
    AGG[key]=a; return a
for kind in ['max','mean','mix:0.25','mix:0.5','mix:0.75']:
    print(kind,'semantic %.4f R100 %.4f'%evaluate(lambda qi,q:[d for d,_ in sem_list(qi,1000,kind)])[:2],
          ' '.join('d%d w%.1f:%.4f'%(depth,w,evaluate(lambda qi,q:fuse(qi,q,w,depth,'minmax',kind))[0]) for depth in [100,1000] for w in [0.4,0.5,0.6]),flush=True)
