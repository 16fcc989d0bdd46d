A loss takes its outputs and targets as a model takes inputs: tensors, k arrays, a vector (all
of its tensors), a (vector;indices) pair (those tensors), or lists of these (a list of equal-length numbers is one array, so one tensor). A recurrent model's
output sits in element 0 of a vector that also holds its hidden state.
q)l:loss`mse
q)v:vector(1 2 3e;0 0 0e;9 9e)
q)tensor loss(l;(v;0);2 2 2e)
0.6666667e
q)tensor loss(l;(v;0 1))
4.666667e
q)tensor loss(l;(v;0);(v;1))
4.666667e
q)w:vector(1 1e;3 3e)
q)tensor loss(l;w)
4e
q)tensor loss(l;(1 2e;1 4e))
'mse: expecting 2 tensors for the loss calculation, given 1
  [0]  tensor loss(l;(1 2e;1 4e))
              ^
q)loss(l;(v;5);1 2 3e)
'loss: vector[5] invalid for 3-element vector
  [0]  loss(l;(v;5);1 2 3e)
       ^
q)loss(l;(v;0))
'mse: expecting 2 tensors for the loss calculation, given 1
  [0]  loss(l;(v;0))
       ^
q)d:dict`a`b!(1 2e;3 4e)
q)loss(l;d)
'loss: no calculation implemented for dictionary input
  [0]  loss(l;d)
       ^
