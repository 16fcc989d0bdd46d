/ Gradients from q: tensors made with `grad record the math done on them; backward runs back
/ over the graph (its gradient and `retain forms), grad reads the leaves' gradients.
q)w:tensor(2 -1 0.5;`grad)
q)y:mul(w;w)
q)z:Sum y
q)(gradflag;leaf;gradfn)@\:/:(w;y;z)
1b 1b `            
1b 0b `MulBackward0
1b 0b `SumBackward0
q)tensor z
5.25
q)backward z
q)grad w
4 -2 1f
q)backward z
'Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.
  [0]  backward z
       ^
q)grad w
4 -2 1f
q)nograd w
q)grad w
q)z:Sum y:mul(w;3.0)
q)backward(z;`retain)
q)grad w
3 3 3f
q)backward(z;`retain)
q)grad w
6 6 6f
q)nograd w
q)backward(y;1 10 100f)
q)grad w
3 30 300f
q)nograd w
q)y:mul(w;3.0)
q)backward(y;2.0;`free)
q)grad w
6 6 6f
q)g:grad enlist w
q)tensor g
6 6 6f
q)backward(y;2.0)
'Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.
  [0]  backward(y;2.0)
       ^
q)backward(z;`keep)
'unrecognized setting for backprop: keep, expecting one of: free,retain,create or createfree
  [0]  backward(z;`keep)
       ^
q)nograd w
q)grad enlist w
'no gradient defined
  [0]  grad enlist w
       ^
q)q:tensor(3 4.0;`grad)
q)r:Sum mul(pow(q;2);add(q;1.0))
q)backward r
q)grad q
33 56f
q)gradflag(q;0b)
q)gradflag q
0b
q)gradflag(tensor 1 2;1b)
'only Tensors of floating point and complex dtype can require gradients
  [0]  gradflag(tensor 1 2;1b)
       ^
q)d:dict `a`b!(tensor(1 2f;`grad);3 4f)
q)gradflag d
a| 1
b| 0
q)gradflag(d;`b;1b)
q)gradflag(d;`b)
1b
q)gradflag(d;`c)
'gradflag: dict[`c] not found
  [0]  gradflag(d;`c)
       ^
q)v:vector(tensor(1 2f;`grad);tensor(3f;`grad))
q)gradflag(v;1)
1b
q)gradflag(v;0 1;0b)
q)gradflag v
00b
q)k:mean mul(x;x:tensor(1 2 4f;`grad))
q)j:detach k
q)alias(j;k)
1b
q)gradflag j
0b
q)detach(k;1b)
q)gradflag k
0b
q)detach 42
'detach: expecting tensor, vector or dictionary
  [0]  detach 42
       ^
q)k:mean mul(x;x:tensor(1 2 4f;`grad))
q)dd:dict `x`k!(x;k)
q)gradfn dd
x| 
k| MeanBackward0
q)detach(dd;`k)
q)gradfn dd
x| 
k| 
q)gradflag dd
x| 1
k| 0
q)detach dd
q)gradflag dd
x| 0
k| 0
q)mse(1 2 3f;1 1 1f)
1.666667
q)mse(1 2 3f;1 1 1f;`sum)
5f
q)ce(2 3#0 1 0 2 0 0f;1 0)
0.3954947
q)nll(logsoftmax(2 3#0 1 0 2 0 0f;1);1 0)
0.3954947
q)bce(.5 .9;0 1f)
0.3992538
q)bce(.5 .9;0 1f;1 2f)
0.4519341
q)bcelogit1(0 2f;0 1f)
0.4100376
q)bcelogit2(0 2f;0 1f;1 2f)
0.4735016
q)p:tensor(0.5 1.5;`grad)
q)l:mse(p;1 1f)
q)backward l
q)grad p
-0.5 0.5
q)ce(1 2 3f;0 1 2;`bogus)
'ce: unrecognized reduction `bogus, expecting `mean`sum`none
  [0]  ce(1 2 3f;0 1 2;`bogus)
       ^
