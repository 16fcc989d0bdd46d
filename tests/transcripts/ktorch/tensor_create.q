/ Creation modes: range (inclusive end), arange, linspace, logspace, eye, full (its dtype from
/ the fill value unless given), complex (real and imaginary parts), sparse (indices, values,
/ size), like-tensor and output-tensor forms; an empty tensor has the default dtype.
q)tensor tensor(`range;1;4)
1 2 3 4e
q)tensor tensor(`range;0;1;0.25)
0 0.25 0.5 0.75 1e
q)tensor tensor(`arange;3)
0 1 2
q)tensor tensor(`arange;1;2;0.25)
1 1.25 1.5 1.75e
q)tensor tensor(`linspace;0;1;5)
0 0.25 0.5 0.75 1e
q)count tensor tensor(`linspace;0;1)
100
q)tensor tensor(`logspace;0;2;3)
1 10 100e
q)tensor tensor(`logspace;0;3;4;2)
1 2 4 8e
q)tensor tensor(`eye;2;3)
1 0 0
0 1 0
q)dtype each (tensor(`full;2;7);tensor(`full;2;7.0);tensor(`full;2;7e);tensor(`full;2;1b))
`long`double`float`bool
q)tensor tensor(`full;2 2;3;`short)
3 3
3 3
q)f:tensor(`zeros;2 3)
q)b:tensor(`full;f;1b)
q)tensor b
111b
111b
q)tensor(`full;4;9.5;b)
q)tensor b
1111b
q)o:tensor 0#0
q)tensor(`arange;2;6;o)
q)tensor o
2 3 4 5
q)tensor(`eye;2;o)
q)tensor o
1 0
0 1
q)c:tensor(`complex;1 2 3f;4 5 6f)
q)dtype c
`cdouble
q)tensor c
1 2 3
4 5 6
q)tensor(c;0b)
1 4
2 5
3 6
q)tensor(c;1b;1)
2 5f
q)setting`complexfirst
1b
q)c2:tensor(`complex;(1 2f;3 4f))
q)tensor(c2;0b)
1 3
2 4
q)dtype tensor(`complex;1 2f;3 4f;`cdouble)
`cdouble
q)tensor(`complex;(1 2 3f;4 5 6f);0b)
'complex: single input array must have a last dimension of size 2 (real,'imaginary), given size of [2, 3]
  [0]  tensor(`complex;(1 2 3f;4 5 6f);0b)
       ^
q)tensor tensor(`complex;(1 4f;2 5f;3 6f);0b)
1 2 3
4 5 6
q)tensor(`complex;1 2e;3 4f)
'complex: real input is float, imaginary input is double
  [0]  tensor(`complex;1 2e;3 4f)
       ^
q)real c
1 2 3f
q)imag c
4 5 6f
q)r:real enlist c
q)class r
`tensor
q)s:tensor(`sparse;(0 2 2;1 0 2);10 20 30f)
q)size s
3 3
q)tensor s
0  10 0 
0  0  0 
20 0  30
q)indices s
0 2 2
1 0 2
q)values s
10 20 30f
q)coalesced s
0b
q)d:dense s
q)tensor d
0  10 0 
0  0  0 
20 0  30
q)s2:tensor(`sparse;enlist 1 1 3;1 2 4;5)
q)tensor s2
0 3 0 4 0
q)coalesce s2
q)indices s2
1 3
q)values s2
3 4
q)tensor(`sparse;enlist 7;1;3)
'indices must be sparse_dim x nnz, but got: [1]
  [0]  tensor(`sparse;enlist 7;1;3)
       ^
q)tensor(`sparse;enlist enlist 7;1;3)
'size is inconsistent with indices: for dim 0, size is 3 but found index 7
  [0]  tensor(`sparse;enlist enlist 7;1;3)
       ^
q)layout tensor(`zeros;3;`sparse)
`sparse
q)tensor(`ones;3;`sparse)
'ones: not implemented for sparse tensors
  [0]  tensor(`ones;3;`sparse)
       ^
q)tensor(`rand;2;`long)
'rand: not implemented for long tensors
  [0]  tensor(`rand;2;`long)
       ^
q)tensor(`bogus;3)
'unrecognized tensor creation mode: bogus
  [0]  tensor(`bogus;3)
       ^
q)tensor(`eye;`a)
'no torch type found for k: symbol list
  [0]  tensor(`eye;`a)
       ^
q)tensor(1 2;`cuda)
'unrecognized tensor option: `cuda
  [0]  tensor(1 2;`cuda)
       ^
q)tensor(1 2;`fancy)
'unrecognized tensor option: `fancy
  [0]  tensor(1 2;`fancy)
       ^
q)e:tensor()
q)dtype e
`float
q)dtype`double
q)dtype tensor()
`double
q)dtype`float
