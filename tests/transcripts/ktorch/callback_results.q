/ A callback's q function may return one of the tensors it was given (here the input, written
/ over by use as it passes through each child): the result is read before the callback's
/ argument handles are released, as ktorch reads it, and no handle is left behind.
q)m:module seq((`callback;`cb;`f); (`linear;`a;3;2); (`relu;`b))
q)f:{{use[y]kforward(x;z;y);y}[x]/[y;`a`b]}
q)p:parm(m;`a.weight); parm(m;`a.weight;2 3#1 0 0 0 1 0e); free p
q)p:parm(m;`a.bias); parm(m;`a.bias;0 -5e); free p
q)evaluate(m;2 3#1 2 3 4 5 6e)
1 0
4 0
q)f:{[m;x] x}
q)evaluate(m;1 2 3e)
1 2 3e
q)f:{[m;x] 1 2}
q)evaluate(m;1 2 3e)
'callback: unable to retrieve tensor from long list
  [0]  evaluate(m;1 2 3e)
       ^
q)count obj[]
1
