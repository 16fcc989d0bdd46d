/ swa.kt: data-parallel stochastic weight averaging on the spirals of examples/spirals.kt.
/ Every rank makes the same data and model; `ddp m` has each train on its share of the rows
/ (gradients averaged over the ranks, so the weights stay the same everywhere), the running
/ average needs no communication, and `batchnorm m` and `testrun m` use the data of all ranks.
/ usage: ktwa --nproc 2 examples/distributed/swa.kt       (CPU, gloo; about 10 s on 2 cores)
/        torchrun --nproc-per-node 2 -m ktwa examples/distributed/swa.kt

{key[x]set'get x}(`ktorch 2:`fns,1)[];
seed 42
\S 42

/ n points per class, k classes: radius 0-1, angle grows with the radius, plus noise
spirals:{[n;k]
 r:raze k#enlist .05+.95*(til n)%n;
 c:raze n#'til k;
 a:(c*2*acos[-1]%k)+4.5*r+.4*-.5+(n*k)?1f;
 `x`y!("e"$flip(r*sin a;r*cos a);c)}

d:spirals[1000;3]           / training data: every rank reads its share of these 3000 points
t:spirals[500;3]            / test data

q:module seq(`sequential; (`linear;`a;2;128); (`batchnorm1d;`b;128); `relu`c;
   (`linear;`d;128;128); (`batchnorm1d;`e;128); `relu`f; (`linear;`g;128;3))
m:model(q; loss`ce; opt(`sgd; q; .1; .9; `nesterov,1b))

train(m; `batchsize`shuffle; 50,1b); train(m; d`x; d`y);     / 50 rows a step on each rank
test(m; `batchsize`metrics; (500;`accuracy)); test(m; t`x; t`y);
ddp m

/ SGD with a falling learning rate, then SWA at a constant one
r:10#.1 .1 .1 .05 .05
{[e] lr(m;r e); run m}each til count r;
lr(m;.05)
p:copyparms m
do[6; run m; avgparms(m;p)];

copyparms(m;p);             / the average, the same on every rank
batchnorm m;                / batch-norm statistics over the training rows of all ranks
a:testrun m                 / each rank tests its part; the accuracy is over all of them
if[0=dist`rank; -1"averaged weights on ",string[dist`world]," ranks: test accuracy ",.Q.fmt[6;2;a],"%"];
