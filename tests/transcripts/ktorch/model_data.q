/ Model data (issue 14 item 7): several inputs, vectors and dictionaries as data, data/testdata,
/ batches of train and test data, shuffle/unshuffle, clip/clipv, backstep, model parts replaced.
q)m:model(module`identity; loss`mse; opt`sgd)
q)train(m;`batchsize;2)
q)train(m; (1 2 3 4 5;5 2#til 10); 5 4 3 2 1)
3
q)train(m; (1 2 3 4 5;10 20 30 40 50); 5 4 3 2 1)
'tensor size mismatch, 2 vs 5
  [0]  train(m; (1 2 3 4 5;10 20 30 40 50); 5 4 3 2 1)
       ^
q)data m
(1 2 3 4 5;(0 1;2 3;4 5;6 7;8 9))
5 4 3 2 1
q)datasize m
5
q)while[batch m; show input m]
1   2  
0 1 2 3
3   4  
4 5 6 7
5  
8 9
q)count each input m
5 5
q)input(m; 1 2 3; 4 5 6)
'tensor size mismatch, 3 vs 5
  [0]  input(m; 1 2 3; 4 5 6)
       ^
q)target m
5 4 3 2 1
q)target(m;9 8 7)
'tensor size mismatch, 5 vs 3
  [0]  target(m;9 8 7)
       ^
q)data m
(1 2 3 4 5;(0 1;2 3;4 5;6 7;8 9))
5 4 3 2 1
q)v:vector(1 2 3 4e;5 6 7 8e)
q)train(m;(v;1 0);til 4)
2
q)data m
(5 6 7 8e;1 2 3 4e)
0 1 2 3
q)d:dict`p`q!(1 2 3e;4 5 6e)
q)train(m;d;1 1 1e)
2
q)first data m
p| 1 2 3
q| 4 5 6
q)train(m;((d;`q);(d;`p));0 0 0e)
2
q)first data m
4 5 6
1 2 3
q)train(m;(v;5);1 2)
'train: vector[5] invalid for 2-element vector
  [0]  train(m;(v;5);1 2)
       ^
q)train(m;til 3;til 4)
'tensor size mismatch, 3 vs 4
  [0]  train(m;til 3;til 4)
       ^
q)test(m;`batchsize;2)
q)testdata(m;til 5;5#1)
3
q)testsize m
5
q)while[testbatch m; show testdata m]
0 1
1 1
2 3
1 1
4
1
q)testbatch m
1b
q)testinput m
0 1
q)testrestore m
5
q)testinit m
3
q)testtarget(m;5#0)
3
q)testdata m
0 1 2 3 4
0 0 0 0 0
q)data(m; til 6; 10+til 6)
3
q)shuffle m
q)asc first data m
`s#0 1 2 3 4 5
q)(first data m)~-10+last data m
1b
q)unshuffle m
q)data m
0  1  2  3  4  5 
10 11 12 13 14 15
q)train(m;`batchsize`shuffle;(3;1b))
q)batchinit m
2
q)(til 6)~asc first data m
1b
q)restore m
6
q)q:module enlist(`linear;2;1)
q)parm(q;`weight;1 2e); parm(q;`bias;0e)
q)k:model(q;loss`mse;opt(`sgd;q;.1))
q)backward(k;enlist 1 1e;enlist enlist 0e)
9e
q)clipv(k;1)
0n
q)clip(k;1)
1.732051
q)clip(k;1;1b)
,0.9999994
q)backstep(k;enlist 1 1e;enlist enlist 0e)
9e
q)tensor parm(k;`weight)
0.4 1.4
q)model(k;loss`l1)
q)model[k]`loss
module | `l1
options| (,`reduce)!,`mean
q)model(k;module`relu)
q)objtype module k
`relu
q)model(k;1)
'model arg[1] unrecognized: long scalar
  [0]  model(k;1)
       ^
q)train(k;`clipnorm;2)
q)train(k;`clipnorm)
2 2f
q)train(k;`clipvalue;.5)
q)train(k;`clipnorm`clipvalue)
clipnorm | ::
clipvalue| 0.5
q)train(k;`clipnorm;(1;2;3))
'clipnorm: expecting 1-2 numbers, long integers or doubles, given long list
  [0]  train(k;`clipnorm;(1;2;3))
       ^
q)train(k;`metrics;`nosuch)
'unrecognized metric: nosuch
  [0]  train(k;`metrics;`nosuch)
       ^
q)cb:module enlist(`callback;`cb;"{[m;x]parm(m;`x)}";(`parms;(`x;.5 2.5 3)))
q)k:model(cb;loss`mse;opt(`lbfgs;cb))
q)backstep(k;0;1 2 3.0)
0.1666667
q)tensor parm(k;`x)
1 2 3f
q)f:{[m;x;y] kforward(m;`lin;x)}
q)c:module seq((`callback;`c;`f;`tensor`tensor); (`linear;`lin;2;1;0b))
q)parm(c;`lin.weight;1 1e)
q)evaluate(c;1 2e;10e)
,3e
