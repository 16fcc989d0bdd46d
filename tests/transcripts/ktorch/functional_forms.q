/ ktorch's functional forms of its modules: (input;options..) with the options read as the
/ module reads them, applied at once (pooling, padding, glu, onehot, rrelu, the distances) and
/ the nn functions with no module (linear bilinear prelu pdist normalize interpolate). A tensor
/ gives a tensor handle, k data gives k data. rrelu's functional form takes a training flag
/ (off: the slope is the mean of lower and upper). The activation functions take their options
/ by name too, in a last dictionary or pair(s), after any given by position.
q)x:tensor(1 1 4 4#"e"$til 16)
q)y:maxpool2d(x;2)
q)size avgpool2d(x;2;1)
1 1 3 3
q)free y
q)maxpool1d 1 2 3
'maxpool1d not implemented for long list
  [0]  maxpool1d 1 2 3
       ^
q)maxpool1d(x)
'maxpool1d: size not defined
  [0]  maxpool1d(x)
       ^
q)adaptavg1d(enlist enlist 1 2 3 4 5 6e;3)
1.5 3.5 5.5
q)pad(1 2 3e;1 2)
0 1 2 3 0 0e
q)pad(enlist 1 2 3e;1 1;`replicate)
1 1 2 3 3
q)glu 1 2 3 4e
0.9525741 1.964028e
q)onehot 0 2 1
1 0 0
0 0 1
0 1 0
q)onehot(0 2 1;4;`float)
1 0 0 0
0 0 1 0
0 1 0 0
q)linear(2 3#1 2 3 4 5 6e;2 3#1 0 0 0 1 0e;10 20e)
11 22
14 25
q)linear 1 2 3
'linear not implemented for long list
  [0]  linear 1 2 3
       ^
q)bilinear(enlist 1 2e;enlist 3 4e;1 2 2#1 0 0 1e)
11
q)prelu(-1 2 -3e;enlist .5e)
-0.5 2 -1.5e
q)pdist(3 2#0 0 3 4 6 8e)
5 10 5e
q)pdist(3 2#0 0 3 4 6 8e;1)
7 14 7e
q)similar(2 2#1 0 0 1e;2 2#1 1 0 1e)
0.7071068 1e
q)normalize(3 4e;2;0)
0.6 0.8e
q)interpolate(enlist enlist 1 2 3e;6)
1 1 2 2 3 3
q)interpolate(enlist enlist 1 2 3e;();2.0;`linear)
1 1.25 1.75 2.25 2.75 3
q)interpolate(enlist enlist 1 2 3e)
'interpolate: no output size or scale factor given
  [0]  interpolate(enlist enlist 1 2 3e)
       ^
q)interpolate(enlist enlist 1 2 3e;();2.0;`cubic)
'unrecognized interpolate mode: cubic
  [0]  interpolate(enlist enlist 1 2 3e;();2.0;`cubic)
       ^
q)rrelu -4 2e
-0.9166667 2e
q)rrelu(-4 2e;0.1;0.3)
-0.8 2e
q)rrelu(-4 2e;0.1;0.3;1b;0b;1)
'rrelu: unexpected positional arg(s), expects (lower;upper;train flag;inplace flag)
  [0]  rrelu(-4 2e;0.1;0.3;1b;0b;1)
       ^
q).Q.s1 unfold(enlist enlist "e"$3 3#til 9;2)
",(0 1 3 4e;1 2 4 5e;3 4 6 7e;4 5 7 8e)"
q)randomcrop 1 2 3
'randomcrop: not implemented for long list
  [0]  randomcrop 1 2 3
       ^
q)hinge(1 -2 3e;1 -1 1e)
2.333333e
q)hinge(1 -2 3e;1 -1 1e;2.0)
2.666667e
q)margin(1 2 3e;3 2 1e;1 -1 1e;0.5;`sum)
3e
q)triplet(2 2#1 0 0 1e;2 2#1 1 0 1e;2 2#0 1 1 0e)
0.2928928e
q)elu(-1 2e;`alpha`inplace!(2.0;0b))
-1.264241 2e
q)leakyrelu(-1 2e;0.3;`inplace`slope!(0b;0.2))
-0.2 2e
q)hardtanh(-2 0.5 2e;`max,2.0)
-1 0.5 2e
q)relu(-1 2e;`inplace`foo!(1b;1))
'relu: unrecognized option: foo
  [0]  relu(-1 2e;`inplace`foo!(1b;1))
       ^
q)t:tensor -1 2e
q)relu(t;(`inplace;1b))
q)tensor t
0 2e
