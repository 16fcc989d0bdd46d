/ amend copies values into a tensor in place (a vector's i-th tensor, a dictionary's tensor at
/ a key), keeping its size, data type and device: values broadcast to its size, a mismatch is
/ torch's error, and a flag last (ktorch's async copy) is accepted.
q)t:tensor 1 2 3e
q)amend(t;4 5 6)
q)tensor t
4 5 6e
q)amend(t;9)
q)tensor t
9 9 9e
q)amend(t;1 2)
'The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0
  [0]  amend(t;1 2)
       ^
q)amend(t;1 2 3;1b)
q)tensor t
1 2 3e
q)v:vector(1 2;3 4 5)
q)amend(v;1;7 8 9.5)
q)vector v
1 2
7 8 9
q)amend(v;2;1)
'amend: vector[2] is invalid given a 2-element vector
  [0]  amend(v;2;1)
       ^
q)amend(v;`a;1)
'amend: given vector, 2nd argument is an index(long), given symbol scalar
  [0]  amend(v;`a;1)
       ^
q)d:dict `a`b!(1 2;3 4e)
q)amend(d;`b;0 1)
q)dict[d]`b
0 1e
q)amend(d;`c;0 1)
'amend: dictionary has no key `c
  [0]  amend(d;`c;0 1)
       ^
q)amend(1 2;3)
'amend: expecting 1st arg of tensor,vector or dictionary
  [0]  amend(1 2;3)
       ^
q)amend(t;1;2;3)
'amend: 2-3 arguments expected, e.g. (tensor;values) or (tensor;values;asyncflag), but 4 args given
  [0]  amend(t;1;2;3)
       ^
