/ Bad input to the torch api: each gives a q error with the caret, and leaves modules,
/ dictionaries and the session intact; a 10000-handle create/free loop leaks nothing.
q)m:module enlist(`linear;2;1); p:copyparms m
q)w:tensor parm(m;`weight); bb:tensor parm(m;`bias)
q)copyparms 42
'copyparms: expecting model, module or optimizer, given long scalar
  [0]  copyparms 42
       ^
q)copyparms(m;p;3)
'copyparms expecting 1-2 args, given 3
  [0]  copyparms(m;p;3)
       ^
q)avgparms m
'avgparms: expects 2 args, model/module/optimizer & dictionary of parameters w'averaged weights
  [0]  avgparms m
       ^
q)avgparms(m;42)
'avgparms: expects 2 args, model/module/optimizer & dictionary of parameters w'averaged weights
  [0]  avgparms(m;42)
       ^
q)parm(m;`nope)
'parm: parameter `nope not found
  [0]  parm(m;`nope)
       ^
q)parm(m;`a.nope;1)
'parm: parameter `a.nope not found
  [0]  parm(m;`a.nope;1)
       ^
q)parm(m;`nope;1)
'parm: Only Tensors of floating point and complex dtype can require gradients
  [0]  parm(m;`nope;1)
       ^
q)d:dict (enlist`bias)!enlist enlist 0e
q)avgparms(m;d)
'avgparms: parameter weight not found, unable to compute average
  [0]  avgparms(m;d)
       ^
q)dict d
bias| 0
q)w~tensor parm(m;`weight)
1b
q)d2:dict `weight`bias!(1 3#1e;enlist 0e)
q)copyparms(m;d2)
'The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 1
  [0]  copyparms(m;d2)
       ^
q)w~tensor parm(m;`weight)
1b
q)bb~tensor parm(m;`bias)
1b
q)free p
q)dict p
'stale pointer
  [0]  dict p
       ^
q)avgparms(m;p)
'stale pointer
  [0]  avgparms(m;p)
       ^
q)class p
'stale pointer
  [0]  class p
       ^
q)mapped p
0b
q)batchnorm 42
'batchnorm: expecting model, module or optimizer, given long scalar
  [0]  batchnorm 42
       ^
q)batchnorm(m;3)
'batchnorm: expecting k dictionary of momentum settings for 2nd arg, given long scalar
  [0]  batchnorm(m;3)
       ^
q)batchnorm(m;(enlist`b)!enlist .1)
'batchnorm: unable to locate batch norm module 'b' to restore momentum
  [0]  batchnorm(m;(enlist`b)!enlist .1)
       ^
q)module enlist(`linear)
'linear: positive input size required
  [0]  module enlist(`linear)
       ^
q)module enlist(`nosuch;1)
'unrecognized module: nosuch
  [0]  module enlist(`nosuch;1)
       ^
q)tensor(`zeros;`x)
'no torch type found for k: symbol list
  [0]  tensor(`zeros;`x)
       ^
q)n0:count obj[]
q){free tensor x}each til 10000;
q)n0=count obj[]
1b
q)t:tensor 1 2 3; v:vector(t;tensor 4 5); class t
'stale pointer
  [0]  t:tensor 1 2 3; v:vector(t;tensor 4 5); class t
                                               ^
q)free[]
q)obj[]
ptr class device dtype size elements bytes
------------------------------------------
q)size "abc"
'size: unrecognized arg(s) - char list
  [0]  size "abc"
       ^
q)use[1]2
'use: 1st arg must be tensor, vector or dictionary
  [0]  use[1]2
       ^
q)1+2
3
