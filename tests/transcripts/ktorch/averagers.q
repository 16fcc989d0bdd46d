Beyond SWA (docs/averaging.md): emaparms (decay, warmup, start), copystate with buffers,
swalr (torch SWALR sequence), swag/collect/sample, twa/subspace, checkpoint errors.
q)m:module enlist(`linear;2;1)
q)parm(m;`weight;1 2e)
q)parm(m;`bias;0e)
q)p:copyparms m
q)parm(m;`weight;11 12e)
q)emaparms(m;p;.9)
2
q)dict p
weight| ,2 3e
bias  | ,0e
.n    | 2f
q)emaparms(m;p;.9)
3
q)dict p
weight| ,2.9 3.9e
bias  | ,0e
.n    | 3f
q)emaparms(m;p)
4
q)e:copyparms m
q)parm(m;`weight;0 0e)
q)emaparms(m;e;.99;`warmup)
2
q)dict(e;`weight)
2 2.181818
q)emaparms(m;e;.9;`start,5)
3
q)dict(e;`weight)
0 0
q)emaparms(m;e;.5;`warmup`start!(0b;0))
4
q)dict(e;`weight)
0 0
q)emaparms(m;e;1.5)
'emaparms: decay must be in [0,1], given 1.5
  [0]  emaparms(m;e;1.5)
       ^
q)emaparms(m;e;.9;`bad,1)
'emaparms: unrecognized option: bad
  [0]  emaparms(m;e;.9;`bad,1)
       ^
q)emaparms m
'emaparms: expects model/module/optimizer, dictionary of averaged weights and optional decay, warmup, start
  [0]  emaparms m
       ^
q)q:module seq(`sequential;(`linear;`a;2;2);(`batchnorm1d;`b;2))
q)key dict s:copystate q
`a.weight`a.bias`b.weight`b.bias`b.running_mean`b.running_var`b.num_batches_t..
q)dict(s;`b.num_batches_tracked)
0
q)copystate(q;s)
a.weight             | 1
a.bias               | 1
b.weight             | 1
b.bias               | 1
b.running_mean       | 1
b.running_var        | 1
b.num_batches_tracked| 1
q)o:opt(`sgd;q;.1)
q)r:swalr(o;.05;4;`cos)
q)swalr r
0.09267767
q)swalr r
0.075
q)swalr r
0.05732233
q)swalr r
0.05
q)swalr r
0.05
q)swalr(r;`state)
step  | 5
epochs| 4
anneal| `cos
swalr | 0.05
lr    | 0.05
q)lr o
,0.05
q)l:swalr(o;`lr`epochs`anneal!(.01;2;`linear))
q)swalr l
0.03
q)swalr l
0.01
q)swalr(o;.05;4;`exp)
'swalr: anneal must be `cos or `linear, given `exp
  [0]  swalr(o;.05;4;`exp)
       ^
q)w:swag(q;3)
q)swag w
n   | 0
k   | 0
maxk| 3
size| 10
q)sample(w;q)
'sample: no models collected
  [0]  sample(w;q)
       ^
q)collect(w;q)
1
q)collect(w;e)
'collect: dictionary has no tensor a.weight
  [0]  collect(w;e)
       ^
q)sample(w;q;0f)
q)class w
`swag
q)t:twa q
q)collect(t;q)
1
q)collect(t;s)
2
q)twa t
n     | 2
k     | 0
size  | 10
hooked| 0b
q)subspace(t;q)
1
q)subspace(t;`on)
'subspace: expecting (twa;`off) to remove the projection
  [0]  subspace(t;`on)
       ^
q)savetensors(p;`:/nonexistent/dir/p.safetensors)
'savetensors: no such directory: /nonexistent/dir
  [0]  savetensors(p;`:/nonexistent/dir/p.safetensors)
       ^
q)loadtensors`:/nonexistent/p.safetensors
'loadtensors: /nonexistent/p.safetensors: No such file or directory
  [0]  loadtensors`:/nonexistent/p.safetensors
       ^
q)free each(r;w;t)
::
::
::
