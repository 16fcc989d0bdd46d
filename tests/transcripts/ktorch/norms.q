/ Norms, renorm, tensordot and mvlgamma as ktorch's math pages call them, on values whose
/ results are exact or well known.
q)x:2 2#3 0 0 4f
q)fnorm x
5f
q)nnorm x
7f
q)mnorm(x;1.0)
4f
q)mnorm(x;-1.0)
3f
q)vnorm 3 4f
5f
q)vnorm(x;1.0)
7f
q)vnorm(x;2.0;1)
3 4f
q)vnorm(x;2.0;1;1b)
3
4
q)fnorm(2 2 2#1 1 1 1 2 2 2 2f)
2 4f
q)r:tensor 0f
q)nnorm(x;r)
q)tensor r
7f
q)t:tensor x
q)tensor fnorm(t;`double)
5f
q)renorm(2 2#3 4 6 8f;2;0;5.0)
3 4
3 4
q)tensordot(2 2#1 2 3 4f;2 2#1 0 0 1f)
5f
q)tensordot(1 2f;3 4f;1)
11f
q)tensordot(2 3#til 6;3 2#til 6;1 0;0 1)
50
q)tensordot 2 3
6
q)mvlgamma(2.5 3.5;1)
0.2846829 1.200974
q)mvlgamma(2.5 3.5;2)
0.8570478 2.466486
q)fnorm(x;`bad)
'fnorm: unrecognized args, expecting up to 5, (input;dim;keepdim;dtype;output)
  [0]  fnorm(x;`bad)
       ^
q)mnorm(x;1;2;3;4;5;6)
'mnorm: expecting 1-6 args, (input;ord;dim;keepdim;dtype;output), given 7
  [0]  mnorm(x;1;2;3;4;5;6)
       ^
q)renorm(x;2;0)
'renorm: unexpected arg(s), expecting 4-5 args, (input;power;dim;maxnorm;output)
  [0]  renorm(x;2;0)
       ^
q)tensordot(x;x;`a)
'tensordot: unexpected arg(s), expecting inputs (x;y), (x;y;dim) or (x;y;dim1;dim2)
  [0]  tensordot(x;x;`a)
       ^
q)mvlgamma(1 2f;`a)
'mvlgamma: 2nd argument of number of dimensions expected, given symbol scalar
  [0]  mvlgamma(1 2f;`a)
       ^
