/ Filling tensors in place: whole tensors, vectors and dictionaries, rows or items by index,
/ dictionary keys or a module's parameters by name; random fills draw from the session's seed.
q)t:tensor 2 3#0e
q)ones t
q)tensor t
1 1 1
1 1 1
q)zeros(t;1)
q)tensor t
1 1 1
0 0 0
q)fill(t;7)
q)tensor t
7 7 7
7 7 7
q)fill(t;0;-1)
q)tensor t
-1 -1 -1
7  7  7 
q)filldiagonal(t;5)
q)tensor t
5 -1 -1
7 5  7 
q)eye t
q)tensor t
1 0 0
0 1 0
q)v:vector(1 2 3f;2 2#0f)
q)fill(v;1;9)
q)vector v
1 2 3f
(9 9f;9 9f)
q)d:dict `a`b!(3#0f;2#0f)
q)ones(d;`b)
q)dict d
a| 0 0 0f
b| 1 1f
q)m:module enlist(`linear;2;2)
q)zeros m
'zeros: not implemented for single module argument
  [0]  zeros m
       ^
q)zeros(m;`bias)
q)tensor parm(m;`bias)
0 0e
q)fill(m;`weight;0.5)
q)tensor parm(m;`weight)
0.5 0.5
0.5 0.5
q)fill(m;3)
'fill: given module expecting parameter/buffer names in addition to fill element
  [0]  fill(m;3)
       ^
q)zeros(m;`nope)
'zeros: parameter/buffer `nope not found
  [0]  zeros(m;`nope)
       ^
q)seed 7
q)normal(t;10;0.01)
q)all 9.9<raze tensor t
1b
q)uniform(t;2;3)
q)all raze (tensor t) within 2 3
1b
q)random(d;0;4)
q)all (raze value dict d) in 0 1 2 3f
1b
q)q:tensor 4 4#0f
q)xnormal q
q)0<sum abs raze tensor q
1b
q)knormal(q;`relu;`fanout)
q)k3:tensor 2 3 4#0f
q)kuniform(k3;1#1)
q)(all 0=raze tensor(k3;0);0<sum abs raze tensor(k3;1))
11b
q)orthogonal q
q)1e-6>max abs raze (tensor mm(q;transpose q)) - 4 4#1 0 0 0 0
1b
q)snormal(q;0.5)
q)ones 2 2#0
1 1
1 1
q)fill(til 3;9)
9 9 9
q)seed 1
q)a:normal(3#0f;0;1)
q)seed 1
q)a~normal(3#0f;0;1)
1b
q)gain`relu
1.414214
q)gain`tanh
1.666667
q)gain(`leakyrelu;0.2)
1.38675
q)gain`softmax
'gain: unrecognized non-linearity `softmax
  [0]  gain`softmax
       ^
q)zeros 42 43
0 0
q)normal(t;`a)
'normal: expecting 2nd arg of tensor indices, given symbol scalar
  [0]  normal(t;`a)
       ^
q)knormal(q;`bogus)
'kaiming normal: unrecognized symbol `bogus
  [0]  knormal(q;`bogus)
       ^
q)xnormal(q;1)
'Fan in and fan out can not be computed for tensor with fewer than 2 dimensions
  [0]  xnormal(q;1)
       ^
