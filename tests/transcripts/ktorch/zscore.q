/ zscore as a function (vision scripts standardise their images with it): the zscore
/ module's options, a mean and std per channel (dim -3) when lists, in place on a tensor
/ with the flag.
q)zscore(1 2 3e;2e;0.5e)
-2 0 2e
q)zscore(1 2 3 4f;1;2)
0 0.5 1 1.5
q)x:2 2 2#1 2 3 4 5 6 7 8e
q)zscore(x;1 5e;1 2e)
0 1   2 3  
0 0.5 1 1.5
q)t:tensor x
q)r:zscore(t;1 5e;1 2e)
q)tensor r
0 1   2 3  
0 0.5 1 1.5
q)zscore(t;1 5e;1 2e;1b)
q)tensor t
0 1   2 3  
0 0.5 1 1.5
q)tensor zscore(t;`mean`std!(1 5e;1 2e))
-1 0       1  2      
-2.5 -2.25 -2   -1.75
q)zscore(x;1 5e)
'zscore: no stddev(s) defined
  [0]  zscore(x;1 5e)
       ^
q)zscore 1 2
'zscore: expecting 3-element list, given 2 element(s)
  [0]  zscore 1 2
       ^
q)zscore `a
'zscore: not implemented for symbol scalar
  [0]  zscore `a
       ^
q)zscore(x;1 2 3e;1 2e)
'The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0
  [0]  zscore(x;1 2 3e;1 2e)
       ^
