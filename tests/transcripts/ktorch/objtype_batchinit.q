/ objtype (ktorch modules.rst: `objtype each c` gives `fc| linear`) and batchinit (train.rst)
q)q:module seq(`sequential;(`linear;`fc;4;2);`relu`r)
q)c:children q
q)objtype each c
fc| linear
r | relu
q)objtype parms q
`parameter
q)objtype buffers q
`buffer
q)objtype copyparms q
`dictionary
q)objtype tensor 1 2
`tensor
q)objtype loss`ce
`ce
q)objtype o:opt(`sgd;q;.1)
`sgd
q)m:model(addref q;loss`ce;o)
q)objtype m
`model
q)batchinit m
-1
q)train(m;10 4#40?1e;10?2);
q)train(m;`batchsize;3)
q)batchinit m
4
q)n:0; while[batch m; n+:1]; n
4
q)objtype 42
'objtype: need allocated torch object, e.g. tensor, module, given long scalar
  [0]  objtype 42
       ^
