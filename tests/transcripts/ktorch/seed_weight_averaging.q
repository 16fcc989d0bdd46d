/ ktorch's weight-averaging page (shared/seeds/003_ca2d8e842d5bb288.txt), every q) input in order.
/ MNIST is replaced by small synthetic data of the same layout (loading MNIST from files is the
/ training issue's); random values are checked with <any> or by an exact property instead.
/ Conflicts follow ktorch-api.md §12: `dict p` of a 1xN weight shows `,w e` (12.4), eps stays
/ 1e-07 after `batchnorm q` (12.3), `dict b` keys are relative (12.2), `input m` is k data (12.1).
q){key[x]set'get x}(`ktorch 2:`fns,1)[];
q)m:module enlist(`linear;64;10)
q)p:copyparms m
q)size p
weight| 10 64
bias  | ,10
q)m:module enlist(`linear;64;10)
q)parmnames m
`weight`bias
q)p:copyparms m
q)dict(p;`bias)
<any>
q)count dict(p;`bias)
10
q)dict(p;`bias;0)  / zero-out bias
q)copyparms(m;p)   / replace parameters
weight| 1
bias  | 1
q)b:parm(m;`bias)  / verify module bias is zero after copyparms call
q)tensor b
0 0 0 0 0 0 0 0 0 0e
q)m:module enlist(`linear;4;2)
q)p:dict`weight`other!1 2
q)copyparms(m;p)  /scalar copy succeeds for `weight
weight| 1
bias  | 0
q)dict(p;`weight;2 3#1)
q)copyparms(m;p)
'The size of tensor a (4) must match the size of tensor b (3) at non-singleton dimension 1
  [0]  copyparms(m;p)
       ^
q)tensor parm(m;`weight)
1 1 1 1
1 1 1 1
q)dict(p;`weight;1 4#1)
q)copyparms(m;p)
weight| 1
bias  | 0
q)m:module enlist(`linear;2;1)
q)p:copyparms m
q)dict p
<any>
q)type each dict p
weight| 0
bias  | 8
q)w0:first tensor parm(m;`weight); b0:tensor parm(m;`bias)
q)parm(m;`weight;10)  /update module weight to 10
q)avgparms(m;p)
2
q)dict(p;`.n)
2f
q)1e-6>max abs(first dict(p;`weight))-"e"$.5*w0+10
1b
q)b0~dict(p;`bias)
1b
q)\ts:10 avgparms(m;p)
<any>
q)dict(p;`.n)
12f
q)1e-5>max abs(first dict(p;`weight))-"e"$(w0+11*10)%12
1b
q)m:module enlist(`linear;2;1); p:copyparms m; parm(m;`weight;-0.4876026 -0.3645594); parm(m;`bias;-0.1412306)
q)p:copyparms m
q)parm(m;`weight;10)
q)avgparms(m;p)
2
q)dict p
weight| ,4.756198 4.81772e
bias  | ,-0.1412306e
.n    | 2f
q)do[10;avgparms(m;p)]
q)dict p
weight| ,9.126033 9.136288e
bias  | ,-0.1412306e
.n    | 12f
q)q:(`sequential; (`linear;`a;784;800); (`batchnorm1d;`b;800;1e-7;.1); `relu`c; (`linear;`d;800;10))
q)q:seq q
q)q
`sequential
,(`linear;`a;784;800)
,(`batchnorm1d;`b;800;1e-07;0.1)
,`relu`c
,(`linear;`d;800;10)
q)q:module q; p:parms(q;`b); b:buffers(q;`b)
q)dict p
weight| 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1..
bias  | 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0..
q)dict b
running_mean       | 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 ..
running_var        | 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 ..
num_batches_tracked| 0
q)seed 1; n:2000
q)d:`x`y`X`Y!((n;784)#(n*784)?1e;n?10;((n div 4);784)#(784*n div 4)?1e;(n div 4)?10)
q)m:model(addref q;loss`ce; opt(`sgd; q; .05; .9; `nesterov,1b))
q)train(m; `batchsize`shuffle; 100,1b); train(m; d`x; d`y);
q)test(m; `batchsize`metrics; (1000;`accuracy)); test(m; d`X; d`Y);
q)\ts:2 run m  /train 2 epochs
<any>
q)testrun m
<any>
q)type testrun m
-9h
q)show b1:dict b    /value of running mean & variance calculations
<any>
q)dict[b]`num_batches_tracked
40
q)exec first options from module q where module=`batchnorm1d
in      | 800
eps     | 1e-07
momentum| 0.1
affine  | 1b
track   | 1b
q)show r:batchnorm m  /return name of batchnorm layers w'momentum setting
b| 0.1
q)show b2:dict b   /different mean & variance (without exponential averaging)
<any>
q)dict[b]`num_batches_tracked
20
q)avg each b1%b2
<any>
q)show r:batchnorm q
b| 0.1
q)exec first options from module q where module=`batchnorm1d
in      | 800
eps     | 1e-07
momentum| 0n
affine  | 1b
track   | 1b
q)dict b
running_mean       | 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 ..
running_var        | 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 ..
num_batches_tracked| 0
q)restore m  /restore full size of model inputs after batching
2000
q)x:tensor input m  / set x to inputs associated with the model
q)size x
2000 784
q)while[batch(x;100); free nforward(q;x)]
q)show b3:dict b
<any>
q)dict[b]`num_batches_tracked
20
q)1e-5>max abs b2[`running_mean]-b3`running_mean
1b
q)1e-3>abs 1-avg b2[`running_var]%b3`running_var
1b
q)batchnorm(q;r)  / restore momentum setting
q)exec first options from module q where module=`batchnorm1d
in      | 800
eps     | 1e-07
momentum| 0.1
affine  | 1b
track   | 1b
q)p:copyparms m
q)\ts:2 {run x; avgparms(x;y);}[m;p]
<any>
q)copyparms(m;p)
a.weight| 1
a.bias  | 1
b.weight| 1
b.bias  | 1
d.weight| 1
d.bias  | 1
q)dict(p;`.n)
3f
q)avg d.Y={x?max x}each evaluate(m;d`X)
<any>
q)type avg d.Y={x?max x}each evaluate(m;d`X)
-9h
