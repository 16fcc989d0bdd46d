/ Linear algebra (ktorch's math-linalg page) on small exact matrices: k data gives k data, a
/ tensor a tensor, a factorization a list (a vector for tensors); output tensors and vectors
/ take the result; bad arguments give ktorch's errors.
q)a:(4 2f;2 3f)
q)det a
8f
q)logdet a
2.079442
q)slogdet a
1 2.079442
q)v:slogdet tensor a
q)vector v
1 2.079442
q)mrank a
2
q)mrank(3 3#1f;0.5;0n;0b)
1
q)pinverse 2 2#1 0 0 2f
1 0  
0 0.5
q)power(a;2)
20 14
14 13
q)power(a;-1)
0.375 -0.25
-0.25 0.5  
q)chol a
2 0       
1 1.414214
q)chol(a;1b)
2 1       
0 1.414214
q)last cholx a
0i
q)cholinverse chol a
0.375 -0.25
-0.25 0.5  
q)cholsolve(2 1#1 1f;chol a)
0.125
0.25 
q)eigvalsh a
1.438447 5.561553
q)eigh a
1.438447              5.561553             
0.6154122  -0.7882054 -0.7882054 -0.6154122
q)eigvals 2 2#2 0 0 3f
2 3
0 0
q)first qr 2 2#3 4 4 3f
-0.6 -0.8
-0.8 0.6 
q)last qr(2 2#3 4 4 3f;`r)
-5 -4.8
0  -1.4
q)svdvals a
5.561553 1.438447
q)first lu 2 2#1 2 3 4f
3         4        
0.3333333 0.6666667
q)last lu 2 2#1 2 3 4f
2 2i
q)x:2 2#1 2 3 4f
q)lusolve(2 1#1 1f;lu x)
-1
1 
q)lusolve(2 1#1 1f;first lu x;last lu x)
-1
1 
q)u:lun lu x
q)u 1
1         0
0.3333333 1
q)solve(a;1 2f)
-0.125 0.75
q)solve(a;(1 0f;0 1f);0b)
0.375 -0.25
-0.25 0.5  
q)trisolve(2 2#2 1 0 4f;2 1#2 4f;1b)
0.5
1  
q)`x`resid`rank`singular!lstsq(2 2#2 0 0 4f;2 4f)
x       | 1 1f
resid   | `float$()
rank    | 2
singular| `float$()
q)multidot(2 2#1 0 0 2f;2 2#1 1 1 1f;2 2#2 0 0 1f)
2 1
4 2
q)addmm(2 2#1f;2 2#1 0 0 1f;a;0.5;2)
8.5 4.5
4.5 6.5
q)addmv(1 1f;a;1 1f)
7 6f
q)addr(2 2#0f;1 2f;3 4f)
3 4
6 8
q)t:tensor a
q)r:det t
q)tensor r
8f
q)o:tensor 0 0f
q)svdvals(t;o)
q)tensor o
5.561553 1.438447
q)w:vector(1 2f;3 4f)
q)qr(t;w)
q)vector(w;1)
-4.472136 -3.130495
0         1.788854 
q)det `a
'no torch type found for k: symbol scalar
  [0]  det `a
       ^
q)chol(a;2)
'chol: unrecognized arg(s), expecting 1-3 args, a, (a;upper), (a;out) or (a;upper;out)
  [0]  chol(a;2)
       ^
q)qr(a;`fast)
'unrecognized qr mode: fast
  [0]  qr(a;`fast)
       ^
q)svd(a;`bad)
'svd: unrecognized driver `bad
  [0]  svd(a;`bad)
       ^
q)lstsq(a;1 2f;`nope)
'unrecognized driver: nope
  [0]  lstsq(a;1 2f;`nope)
       ^
q)power(a;`x)
'power: 2nd argument of long integer n-th power expected, given symbol scalar
  [0]  power(a;`x)
       ^
q)solve a
'linalg.solve: The input tensor A must have at least 2 dimensions.
  [0]  solve a
       ^
q)addmm(a;a)
'addmm: 3-6 args expected, (x;y;z;beta;alpha;output), 2 given
  [0]  addmm(a;a)
       ^
