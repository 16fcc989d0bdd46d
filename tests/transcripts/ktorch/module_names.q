/ names, parmnames and buffernames are relative to the module given (or to its child), as
/ ktorch reads them from the module's own named modules and parameters: a root's name is not
/ part of them (ktorch's kmodules page: a callback root `cb` with a child `a` has parameters
/ `a.weight`a.bias), and parm/buffer take the same relative names.
q)f:{[m;x] kforward(m;`a;x)}
q)m:module seq((`callback;`cb;`f); (`linear;`a;5;2); (`sigmoid;`b))
q)names m
`a`b
q)parmnames m
`a.weight`a.bias
q)q:module seq(`sequential`net; (`linear;`fc;3;2); (`batchnorm1d;`bn;2))
q)names q
`fc`bn
q)buffernames q
`bn.running_mean`bn.running_var`bn.num_batches_tracked
q)parmnames(q;`bn)
`weight`bias
q)size parm(q;`fc.weight)
2 3
q)parm(q;`net.fc.weight)
'parm: parameter `net.fc.weight not found
  [0]  parm(q;`net.fc.weight)
       ^
q)(parmnames m)~key dict p:parms m
1b
