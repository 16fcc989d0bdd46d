/ Tensor math on k data or tensors (a tensor in, a tensor out), with ktorch's optional output
/ tensor last and in-place forms; names that are q keywords start with a capital.
q)x:tensor 1.5 -2 3.25
q)tensor Abs x
1.5 2 3.25
q)Abs -3 4
3 4
q)ceil(x;::)
q)tensor x
2 -2 4f
q)y:tensor 0#0f
q)Floor(2.7 -1.2;y)
q)tensor y
2 -2f
q)mul(2 3;4 5)
8 15
q)mul(2 3 4;10)
20 30 40
q)Div(1 2 3f;2)
0.5 1 1.5
q)add(1 2;10 20;3)
31 62
q)pow(2;1 2 3)
2 4 8
q)pow(1 2 3;2)
1 4 9
q)eq(1 2 3;1 5 3)
101b
q)gt(1 2 3;2)
001b
q)maximum(1 5 2;4 3 6)
4 5 6
q)clamp(-3 0 3 9;-1;4)
-1 0 3 4
q)clamp(-3 0 3 9;0N;4)
-3 0 3 4
q)cumsum 1 2 3 4
1 3 6 10
q)cumsum(2 2#1 2 3 4;0)
1 2
4 6
q)mean 1 2 3 4f
2.5
q)mean(2 3#til 6;1)
'mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: Long
  [0]  mean(2 3#til 6;1)
       ^
q)mean(2 3#1 2 3 4 5 6f;1;1b)
2
5
q)Sum(2 3#til 6;0)
3 5 7
q)Sum(1 2 3;`double)
6f
q)prod 2 3 4
24
q)std 2 4 4 4 5 5 7 9f
2.13809
q)std(2 4 4 4 5 5 7 9f;0b)
2f
q)variance 1 2 3 4f
1.666667
q)meanstd 2 4 4 4 5 5 7 9f
5 2.13809
q)meanvar(2 3#1 2 3 4 5 6f;1)
2 5
1 1
q)Max 3 1 4 1 5
5
q)Max(2 3#3 1 4 1 5 9;1)
4 9
2 2
q)Min(2 3#3 1 4 1 5 9;0;1b)
1 1 4
1 0 0
q)aminmax 3 1 4 1 5
1 5
q)argmax 3 1 4 1 5
4
q)argmax(2 3#3 1 4 1 5 9;1)
2 2
q)argmin(2 3#3 1 4 1 5 9;0)
1 0 0
q)amax(2 3#3 1 4 1 5 9;1)
4 9
q)logsumexp(1 2 3f;0)
3.407606
q)logsumexp 1 2 3f
'logsumexp: needs explicit dimension(s) for log of summed exponentials
  [0]  logsumexp 1 2 3f
       ^
q)All 1 1 0b
1b
q)Any(2 2#0100b;1)
10b
q)sort 3 1 2
1 2 3
1 2 0
q)sort(3 1 2;0;1b)
3 2 1
0 2 1
q)argsort(3 1 2;0;1b)
0 2 1
q)topk(5 1 4 2 3;2)
5 4
0 2
q)topk(5 1 4 2 3;2;0b)
1 2
1 3
q)kthvalue(5 1 4 2 3;2)
2 3
q)median 5 1 4 2 3
3
q)triu 3 3#1
1 1 1
0 1 1
0 0 1
q)tril(3 3#1;-1)
0 0 0
1 0 0
1 1 0
q)t:tensor 3 3#1f
q)triu(t;1;::)
q)tensor t
0 1 1
0 0 1
0 0 0
q)diag 1 2 3
1 0 0
0 2 0
0 0 3
q)diag 3 3#til 9
0 4 8
q)trace 3 3#til 9
12
q)Flip(1 2 3;0)
3 2 1
q)roll(1 2 3 4;1)
4 1 2 3
q)matmul(2 2#1 2 3 4;2 2#1 0 0 1)
1 2
3 4
q)mm(2 3#til 6;3 2#til 6)
10 13
28 40
q)dot(1 2 3;4 5 6)
32
q)outer(1 2;3 4)
3 4
6 8
q)mv(2 2#1 2 3 4;1 1)
3 7
q)allclose(1 2 3f;1 2 3.000001)
1b
q)close(1 2f;1 2.1)
10b
q)equal(1 2 3;1 2 3)
1b
q)nan 1 0n 2
010b
q)finite 1 0w 2
101b
q)softmax(1 2 3f;0)
0.09003057 0.2447285 0.665241
q)logsoftmax(1 1f;0)
-0.6931472 -0.6931472
q)relu -1 0 2f
0 0 2f
q)leakyrelu(-10 10f;0.1)
-1 10f
q)gelu 0f
0f
q)sigmoid 0 0f
0.5 0.5
q)tanh 0f
0f
q)a:tensor -1 2f
q)relu(a;1b)
q)tensor a
0 2f
q)mean(1 2;3;4;5;6;7)
'mean: expecting up to 5 args, (input;dim;keepdim;dtype;output), given 6
  [0]  mean(1 2;3;4;5;6;7)
       ^
q)topk(1 2 3;`x)
'topk: expecting number of values as 2nd arg, given symbol scalar
  [0]  topk(1 2 3;`x)
       ^
q)mul(1;2;3;4)
'mul: unable to derive a pair of values from inputs of size [4]
  [0]  mul(1;2;3;4)
       ^
q)mul(tensor 1 2;1 2 3)
'The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0
  [0]  mul(tensor 1 2;1 2 3)
       ^
q)unique 3 1 3 2 1
1 2 3
q)unique(3 1 3 2 1;1b;1b;1b)
1 2 3
2 0 2 1 0
2 1 2
q)uniquec 1 1 2 2 1
1 2 1
q)In(1 2 3;2 5)
010b
q)In(1 2 3;2 5;0b;1b)
101b
q)addcmul(1 2 3;2 2 2;3 1 5)
7 4 13
q)addcdiv(1 2 3f;2 2 2f;4 1 2f;0.5)
1.25 3 3.5
q)lerp(0 10f;10 20f;0.25)
2.5 12.5
q)bincount 1 1 3
0 2 0 1
q)bincount(1 1 3;5)
0 2 0 1 0
q)bincount(1 1 3;0.5 1 2;5)
0 1.5 0 2 0
q)diagonal 3 3#til 9
0 4 8
q)diagonal(3 3#til 9;1)
1 5
q)flatten 2 2 2#til 8
0 1 2 3 4 5 6 7
q)flatten(2 2 2#til 8;1;2)
0 1 2 3
4 5 6 7
q)flatten(2 2 2#til 8;`end,1)
0 1
2 3
4 5
6 7
q)flatten(2 2 2#til 8;`finish,1)
'flatten: unrecognized option: finish
  [0]  flatten(2 2 2#til 8;`finish,1)
       ^
q)histc(1 2 2 3f;3;1;3)
1 2 1f
q)Cross(1 0 0f;0 1 0f)
0 0 1f
q)dist(0 0f;3 4f)
5f
