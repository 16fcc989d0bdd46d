/ The distributed api in a world of one (no launcher): dist shows rank 0 of 1, allavg and
/ broadcast change nothing, ddp and localsgd are settings `run` reads; bad input is a q error
/ with the caret. tests/test_distributed.py starts real worlds of 2 and 4 ranks.
q)dist`rank`world`localrank`backend
0
1
0
`
q)dist(`timeout;30); dist`timeout
30f
q)dist(`timeout;1800); dist`timeout
1800f
q)dist`nosuch
'dist: unrecognized key: nosuch, expecting one of rank, world, localrank, backend, device, timeout
  [0]  dist`nosuch
       ^
q)dist(`timeout;-1)
'dist: timeout must be positive, given -1
  [0]  dist(`timeout;-1)
       ^
q)dist(`timeout;"30")
'dist: timeout expects seconds, given char list
  [0]  dist(`timeout;"30")
       ^
q)dist(1;2;3)
'norm(): input dtype should be either floating point or complex. Got Long instead.
  [0]  dist(1;2;3)
       ^
q)dist(1 2;3)
'norm(): input dtype should be either floating point or complex. Got Long instead.
  [0]  dist(1 2;3)
       ^
q)q:module seq(`sequential;(`linear;`a;2;3);(`batchnorm1d;`b;3)); m:model(addref q;loss`ce;opt(`sgd;q;.1))
q)p:copyparms q; w0:first first value dict p
q)allavg m; allavg q; allavg p; broadcast p; broadcast(q;0)
q)w0~first first value dict p
1b
q)allavg 42
'allavg: expecting dictionary, module, model or optimizer, given long scalar
  [0]  allavg 42
       ^
q)allavg(q;p)
'allavg: expecting a dictionary, module, model or optimizer
  [0]  allavg(q;p)
       ^
q)broadcast(q;1)
'broadcast: no rank 1 in a world of 1
  [0]  broadcast(q;1)
       ^
q)broadcast(q;`a)
'broadcast: rank expects a long in 0..0, given symbol scalar
  [0]  broadcast(q;`a)
       ^
q)dist m
ddp    | 0b
shard  | 1b
seed   | 0
buffers| 1b
period | 0
warmup | 0
q)ddp m; dist[m]`ddp`shard
11b
q)ddp(m;(`shard;0b);(`seed;7)); dist m
ddp    | 1b
shard  | 0b
seed   | 7
buffers| 1b
period | 0
warmup | 0
q)ddp(m;0b); dist[m]`ddp
0b
q)ddp 42
'ddp: expecting model, given long scalar
  [0]  ddp 42
       ^
q)ddp(m;`shard;0b)
'ddp: positional arg given after name-value pair(s)
  [0]  ddp(m;`shard;0b)
       ^
q)ddp q
'ddp: expecting model, given module
  [0]  ddp q
       ^
q)localsgd(m;4;10); dist[m]`period`warmup
4 10
q)localsgd(m;0); dist[m]`period
0
q)localsgd m
'localsgd: expecting (model;period;warmup)
  [0]  localsgd m
       ^
q)localsgd(m;-1)
'localsgd: period expects a non-negative long, given long scalar
  [0]  localsgd(m;-1)
       ^
q)localsgd(m;2;`a)
'localsgd: warmup expects a non-negative long, given symbol scalar
  [0]  localsgd(m;2;`a)
       ^
q)train(m;`batchsize;2); train(m;(4 2#1 2 3 4 5 6 7 8e);0 1 2 1); ddp m; localsgd(m;2); run m
2.455888
q)w:swag q; collect(w;q); collect(w;q;`all)
2
q)collect(w;q;`everywhere)
'collect: all expects a boolean, given symbol scalar
  [0]  collect(w;q;`everywhere)
       ^
