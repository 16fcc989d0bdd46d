/ freeze and unfreeze (ktorch's freeze page): parameters stop or start taking gradients,
/ all of an object's or those named, with new values when given; names and sizes are
/ checked before anything changes. version and config describe the torch in use.
q)q:module seq(`sequential; (`linear;`a;2;2); (`linear;`b;2;1))
q)p:parms q
q)gradient p
a.weight| grad
a.bias  | grad
b.weight| grad
b.bias  | grad
q)freeze q
q)gradient p
a.weight| nograd
a.bias  | nograd
b.weight| nograd
b.bias  | nograd
q)unfreeze q
q)freeze(q;`b.weight`b.bias)
q)gradient p
a.weight| grad
a.bias  | grad
b.weight| nograd
b.bias  | nograd
q)unfreeze(q;`b.weight;1 2f)
q)dict(p;`b.weight)
1 2
q)gradient p
a.weight| grad
a.bias  | grad
b.weight| grad
b.bias  | nograd
q)freeze(q;`a.weight`a.bias;(2 2#1 0 0 1f;0.5))
q)dict(p;`a.weight)
1 0
0 1
q)dict(p;`a.bias)
0.5 0.5e
q)freeze(q;`b.bias`b.weight!(1f;0 0f))
q)dict(p;`b.weight)
0 0
q)dict(p;`b.bias)
,1e
q)gradient p
a.weight| nograd
a.bias  | nograd
b.weight| nograd
b.bias  | nograd
q)freeze(q;`c.weight)
'freeze: unable to find parameter `c.weight
  [0]  freeze(q;`c.weight)
       ^
q)freeze(q;`a.weight;1 2 3f)
'freeze: size mismatch for parameter `a.weight, size is [2, 2] vs new size of [3]
  [0]  freeze(q;`a.weight;1 2 3f)
       ^
q)freeze(q;`a.weight`a.bias;enlist 1f)
'freeze: 2-element list of names but 1-element list of values
  [0]  freeze(q;`a.weight`a.bias;enlist 1f)
       ^
q)freeze(q;1 2)
'freeze: unrecognized 2nd arg, long list
  [0]  freeze(q;1 2)
       ^
q)freeze 42
'freeze: not implemented for long scalar
  [0]  freeze 42
       ^
q)t:tensor(1 2e;`grad)
q)freeze t
q)gradient t
`nograd
q)type version[]
-9h
q)type version()
10h
q)all 10h=type each config()
1b
q)version 1
'version: unexpected arg(s), use version() for string, version[] for number
  [0]  version 1
       ^
q)config 1
'config expects empty argument: config[] prints to stderr, config() returns strings
  [0]  config 1
       ^
