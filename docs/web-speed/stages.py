# Shares of a web-bench JFR recording's request-thread samples by stage (docs/web.md "Speed"); see docs/web-speed/README.md.
# usage: stages.py RECORDING.json FRACTION  (the last FRACTION of the samples by time: the timed requests)
import json,collections,sys
d=json.load(open(sys.argv[1])); frac=float(sys.argv[2])
ev=d['recording']['events']; ev.sort(key=lambda e:e['values']['startTime']); ev=ev[int(len(ev)*(1-frac)):]
def stage(s):
    j=' '.join(s)
    if 'FacetCounts' in j: return 'facets'
    if 'Answerer.ask' in j: return 'answers (ask)'
    if 'ArticleSearch.hits' in j: return 'search: hits (stored fields, snippets)'
    if 'ArticleSearch.search' in j or 'RelevanceTop' in j or 'QueryBudget' in j: return 'search: query'
    if 'WebServer.articlePage' in j or 'Api.article' in j: return 'article page'
    if 'Timeline' in j: return 'HTML: timeline'
    if 'Pages.' in j or 'Html.' in j or 'SearchState' in j: return 'HTML: page'
    if 'JsonViews' in j or 'Api.facetsJson' in j or 'Api.counts' in j: return 'JSON'
    if 'Response.' in j: return 'body to bytes'
    if 'WebServer.send' in j or 'sun.net.httpserver' in j or 'Params' in j: return 'HTTP server'
    return 'other'
c=collections.Counter(); n=0
for e in ev:
    name=e['values']['sampledThread'].get('javaName') or ''
    if not name.startswith('web-request') and 'HTTP-Dispatcher' not in name: continue
    fr=[f['method']['type']['name'].replace('/','.')+'.'+f['method']['name'] for f in e['values']['stackTrace']['frames']]
    c[stage(fr)]+=1; n+=1
print('request-thread samples',n)
for k,v in c.most_common(): print(f'{100*v/n:5.1f}% {k}')
