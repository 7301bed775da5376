# Whole-article vectors (DocVec.java) against the best passage, on SciFact: semantic alone and fused with keyword as
# archive eval does (min-max, depth 1000, w=0.5; also depth 100 as ask uses), paired bootstrap against the default
# and a repeated 2-fold cross-validation of picking the best combination. DOCVEC=folder of docvec.tsv/.f32.
import os, sys
HERE=os.path.dirname(os.path.abspath(__file__))
exec(open(os.path.join(HERE,'sweep3.py')).read().split("for source in")[0])
DV=os.environ.get('DOCVEC','/tmp/s3-docvec-dump')+'/'
dmeta=[l.rstrip('\n').split('\t') for l in open(DV+'docvec.tsv')]
Dv=np.fromfile(DV+'docvec.f32',dtype='>f4').reshape(len(dmeta),384).astype(np.float32)
# article vector: the whole-article one for multi-passage articles, else the single passage
A=np.zeros((NA,384),dtype=np.float32); have=np.zeros(NA,bool)
for i,m in enumerate(dmeta): A[aidx[m[0]]]=Dv[i]; have[aidx[m[0]]]=True
for a,ids in art_pass.items():
    if not have[a]:
        assert len(ids)==1, arts[a]; A[a]=P[ids[0]]
print('articles %d, with a whole-article vector %d, cut at 510 pieces %d'%(NA,have.sum(),sum(m[3]=='true' for m in dmeta)))
valid=[(qi,q) for qi,q in enumerate(qids) if q in qrels]
best={qi:sem_scores(Q[qi])[0] for qi,_ in valid}
doc={qi:A@Q[qi] for qi,_ in valid}
kinds={'passage (default)':lambda b,d:b,'article alone':lambda b,d:d,'max(passage, article)':lambda b,d:np.maximum(b,d)}
for a in [0.25,0.5,0.75]:
    kinds['%.2f passage + %.2f article'%(a,1-a)]=(lambda a: lambda b,d:a*b+(1-a)*d)(a)
per={}
rng=np.random.default_rng(7)
print('| article score | semantic alone | hybrid d100 | hybrid d1000 | R@100 d1000 |')
for name,f in kinds.items():
    sem=[];h1=[];h2=[];r=[]
    for qi,q in valid:
        s=f(best[qi],doc[qi])
        sem.append(ndcg(q,[d for d,_ in lst(s,1000)]))
        h1.append(ndcg(q,fuse_lists(kw[q][:100],lst(s,100),0.5,'minmax')))
        rk=fuse_lists(kw[q][:1000],lst(s,1000),0.5,'minmax'); h2.append(ndcg(q,rk)); r.append(recall(q,rk))
    per[name]=(np.array(sem),np.array(h1),np.array(h2))
    print('| %s | %.4f | %.4f | %.4f | %.4f |'%(name,np.mean(sem),np.mean(h1),np.mean(h2),np.mean(r)),flush=True)
base=per['passage (default)']
print('\npaired bootstrap (2000 resamples) of the difference to the default, hybrid d1000 and semantic alone:')
for name in kinds:
    if name=='passage (default)': continue
    for col,label in [(2,'hybrid d1000'),(0,'semantic')]:
        d=per[name][col]-base[col]; bs=[d[rng.integers(0,len(d),len(d))].mean() for _ in range(2000)]
        print('%-32s %-13s %.4f diff %+.4f CI %+.4f..%+.4f better %d worse %d'%(name,label,per[name][col].mean(),d.mean(),*np.percentile(bs,[2.5,97.5]),(d>1e-9).sum(),(d<-1e-9).sum()))
# 2-fold CV: pick the best combination (of the article-score kinds, hybrid d1000) on one half, score on the other
keys=list(kinds); M=np.array([per[k][2] for k in keys]); sc=[]
for rep in range(200):
    perm=rng.permutation(len(valid)); a,b=perm[:len(perm)//2],perm[len(perm)//2:]
    for tr,te in [(a,b),(b,a)]:
        sc.append(M[np.argmax(M[:,tr].mean(1)),te].mean())
print('\n2-fold CV of picking the best of %d article scores (hybrid d1000): %.4f (default %.4f)'%(len(keys),np.mean(sc),base[2].mean()))
# three rankings fused: keyword, best passage, whole article (each min-max over its top 1000)
def fuse3(kl,bl,dl,wk):
    k=norm(kl,'minmax'); b=norm(bl,'minmax'); d=norm(dl,'minmax'); docs=set(k)|set(b)|set(d); ws=(1-wk)/2
    f={x:wk*k.get(x,0)+ws*b.get(x,0)+ws*d.get(x,0) for x in docs}
    return sorted(f,key=lambda x:-f[x])
for label,wk in [('three rankings, 1/3 each',1/3),('keyword 0.5, passage 0.25, article 0.25',0.5)]:
    x=np.array([ndcg(q,fuse3(kw[q][:1000],lst(best[qi],1000),lst(doc[qi],1000),wk)) for qi,q in valid]); d=x-base[2]
    bs=[d[rng.integers(0,len(d),len(d))].mean() for _ in range(2000)]
    print('%s: hybrid %.4f diff %+.4f CI %+.4f..%+.4f better %d worse %d'%(label,x.mean(),d.mean(),*np.percentile(bs,[2.5,97.5]),(d>1e-9).sum(),(d<-1e-9).sum()))
