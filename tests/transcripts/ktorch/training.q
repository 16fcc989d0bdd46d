Training: loss, opt, lr, model, train/test settings and data, run/testrun, batches, errors (issue 4).
Random values (pointers, losses, outputs) are <any>.

q)seed 1
q)x:"e"$-1+(200 4)#800?2f
q)y:200?3
q)q:module enlist(`linear;4;3)
q)l:loss`ce
q)loss l
module | `ce
options| `weight`ignore`smoothing`reduce!(::;-100;0f;`mean)
q)loss(`ce;`smoothing,.01)
<any>
q)loss`mse
<any>
q)loss(`mse;`none)
<any>
q)loss(`ce;`smoothing`reduce!(.1;`none))
<any>
q)o:opt(`sgd;q;.04)
q)lr o
,0.04
q)opt(`sgd;q;.05;.9;`nesterov,1b)
<any>
q)opt(`adam;q)
<any>
q)opt(`adamw;q;.002)
<any>
q)key opt o
`optimizer`options`parms
q)opt[o]`options
lr   momentum dampening decay nesterov
--------------------------------------
0.04 0        0         0     0       
q)o2:opt(`lamb;q;`decay,.1)
q)exec first options from opt o2
lr        | 0.001
beta1     | 0.9
beta2     | 0.999
eps       | 1e-08
decay     | 0.1
unbiased  | 1b
globalnorm| 1b
trustclip | 1b
trustmin  | 0f
trustmax  | 1f
q)opt(`lamb;q;.01;`trustmax,1.1)
<any>
q)opt(`lamb;q;`foo,1)
'lamb: unrecognized option: foo
  [0]  opt(`lamb;q;`foo,1)
       ^
q)lr(o;.01)
q)lr o
,0.01
q)lr(o;1)
'lr: unrecognized arg(s), expecting model/optimizer and learning rate(s) as double(s)
  [0]  lr(o;1)
       ^
q)lr(o;.1 .2)
'length error: 2 learning rates given for 1 parameter group
  [0]  lr(o;.1 .2)
       ^
q)ref q
<any>
q)m:model(q;l;o)
q)class q
'stale pointer: this handle was consumed by model; pass addref h to model to keep h
  [0]  class q
       ^
q)class m
`model
q)m2:model(module enlist(`linear;4;3);loss`ce)
'optimizer not specified
  [0]  m2:model(module enlist(`linear;4;3);loss`ce)
          ^
q)run m
'no training data defined for model
  [0]  run m
       ^
q)testrun m
'no test data defined for model
  [0]  testrun m
       ^
q)batch m
'batch: no training data defined for model
  [0]  batch m
       ^
q)train m
batchsize | 32
droplast  | 0b
hidden    | 0b
shuffle   | 0b
sync      | 0b
clipgroup | 0b
clipnorm  | ::
clipvalue | ::
tensor    | 0b
dictionary| 0b
metrics   | ,`loss
q)train(m;`batchsize)
32
q)train(m;`batchsize`shuffle)
batchsize| 32
shuffle  | 0b
q)train(m;`batchsize`shuffle;50,1b)
q)train(m;0b)
batchsize | 50
droplast  | 0b
hidden    | 0b
shuffle   | 1b
sync      | 0b
clipgroup | 0b
tensor    | 0b
dictionary| 0b
metrics   | ,`loss
q)train(m;`foo;1)
'unrecognized train setting: foo
  [0]  train(m;`foo;1)
       ^
q)train(m;`batchsize;0)
'train: batchsize must be a positive long, given long scalar
  [0]  train(m;`batchsize;0)
       ^
q)test(m;`shuffle;1b)
'unrecognized test setting: shuffle
  [0]  test(m;`shuffle;1b)
       ^
q)test(m;`batchsize`metrics;(100;`accuracy))
q)train(m;x;10#y)
'tensor size mismatch, 200 vs 10
  [0]  train(m;x;10#y)
       ^
q)train(m;x;y)
4
q)test(m;x;y)
2
q)datasize m
200
q)type run m
-9h
q)type testrun m
-9h
q)test(m;`metrics;`loss`accuracy)
q)type each testrun m
-9 -9h
q)test(m;`metrics;`predict)
q)count testrun m
200
q)test(m;`metrics`dictionary;(`loss`accuracy`predict`output;1b))
q)key testrun m
`loss`accuracy`predict`output
q)count each testrun m
loss    | 1
accuracy| 1
predict | 200
output  | 200
q)train(m;`metrics;`loss`accuracy)
q)count run m
2
q)train(m;`metrics;`batchloss)
q)count run m
4
q)train(m;`metrics;`loss)
q)batch m
1b
q)datasize m
50
q)batch m
1b
q)batch m
1b
q)batch m
1b
q)batch m
0b
q)restore m
200
q)datasize m
200
q)count input m
200
q)count target m
200
q)count each data m
200 200
q)input(m;x)
4
q)target(m;y)
4
q)evaluate(m;2#x)
<any>
q)e:eforward(m;2#x)
q)size e
2 3
q)t:forward(m;2#x)
q)size t
2 3
q)n:nforward(m;2#x)
q)size n
2 3
q)zerograd m
q)backward m
<any>
q)step m
q)model m
<any>
q)lr m
,0.01
q)lr(m;.05)
q)lr m
,0.05
q)train(m;x;@[y;199;:;3])
4
q)run m
'Target 3 is out of bounds.
  [0]  run m
       ^
q)train(m;"f"$x;y)
4
q)run m
'mat1 and mat2 must have the same dtype, but got Double and Float
  [0]  run m
       ^
q)train(m;x;"e"$y)
4
q)run m
'expected target dtype to be Long or Byte, but got Float
  [0]  run m
       ^
q)train(m;x;y)
4
q)run m
<any>
q)xt:tensor x
q)yt:tensor y
q)train(m;xt;yt)
4
q)run m
<any>
q)free m
q)class m
'stale pointer
  [0]  class m
       ^
q)run m
'stale pointer
  [0]  run m
       ^
