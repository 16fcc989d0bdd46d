/ spirals.kt: the main job. Three interleaved spirals made in q (no download), an MLP with
/ BatchNorm1d trained with SGD, then stochastic weight averaging with ktorch's copyparms,
/ avgparms and batchnorm. Prints test accuracy before and after averaging.
/ usage: ktwa examples/spirals.kt        (about 10 s on 2 CPU cores)

{key[x]set'get x}(`ktorch 2:`fns,1)[];
seed 42
\S 42

/ n points per class, k classes: radius 0-1, angle grows with the radius, plus noise
spirals:{[n;k]
 r:raze k#enlist .05+.95*(til n)%n;
 c:raze n#'til k;
 a:(c*2*acos[-1]%k)+4.5*r+.4*-.5+(n*k)?1f;
 `x`y!("e"$flip(r*sin a;r*cos a);c)}

d:spirals[1000;3]           / training data: 3000 points
t:spirals[500;3]            / test data: 1500 points

q:module seq(`sequential; (`linear;`a;2;128); (`batchnorm1d;`b;128); `relu`c;
   (`linear;`d;128;128); (`batchnorm1d;`e;128); `relu`f; (`linear;`g;128;3))
m:model(q; loss`ce; opt(`sgd; q; .1; .9; `nesterov,1b))

train(m; `batchsize`shuffle; 50,1b); train(m; d`x; d`y);
test(m; `batchsize`metrics; (1000;`accuracy)); test(m; t`x; t`y);

fmt:{.Q.fmt[6;2;x],"%"}
msg:{[e;l;a] -2 "epoch ",(-3$string e),"  lr ",.Q.fmt[5;3;first lr m],"  loss ",.Q.fmt[6;4;l],"  test accuracy ",fmt a;}

/ 1. plain SGD: 20 epochs with a falling learning rate
r:20#.1 .1 .1 .1 .05 .05 .02 .02 .01 .01
{[e] lr(m;r e); l:run m; if[0=(e+1) mod 5; msg[e+1;l;testrun m]];}each til count r;
-1"accuracy after ",string[count r]," epochs of SGD:     ",fmt a0:testrun m;

/ 2. weight averaging: 10 more epochs at a constant lr, averaging after each
lr(m;.05)
p:copyparms m
do[10; run m; avgparms(m;p)];
-1"accuracy of the last SGD weights:  ",fmt a1:testrun m;

copyparms(m;p);             / averaged weights into the model
-1"averaged weights, stale batchnorm: ",fmt a2:testrun m;

batchnorm m;                / recompute batchnorm mean & variance on the training data
-1"averaged weights, batchnorm fixed: ",fmt a3:testrun m;
