/ help`kind gives the kind's row (module pytorch forward result n args options) for modules
/ as for losses, options`kind its example options alone; a name that is both a module and a
/ loss (pairwise, similar) reads as the module. One forward argument is a symbol atom, more
/ are a symbol list (ktorch's arglist), in help's args column, callbacks' in column and a
/ callback module's `in option.
q)help`linear
module | `linear
pytorch| "torch.nn.Linear"
forward| 1b
result | `tensor
n      | 1
args   | `tensor
options| `in`out`bias!(784;10;1b)
q)options`linear
in  | 784
out | 10
bias| 1b
q)help`cat
module | `cat
pytorch| "torch.cat"
forward| 1b
result | `tensor
n      | 2
args   | `tensor`tensor
options| (,`dim)!,0
q)(help`similar)`module`pytorch
`similar
"torch.nn.CosineSimilarity"
q)(help`mse)`args
`tensor`tensor
q)select module,args from help`module where module in `linear`cat
module args          
---------------------
cat    `tensor`tensor
linear `tensor       
q)callbacks()
fn            in                    out   
------------------------------------------
"{[m;x]}"     `tensor               tensor
"{[m;x;y]}"   `tensor`tensor        tensor
"{[m;x;y;z]}" `tensor`tensor`tensor tensor
q)f:{[m;x]relu x}
q)m:module enlist(`callback;`cb;`f)
q)options m
fn | f
in | tensor
out| tensor
q)(help m)`args
`tensor
q)q:module module m
q)(options q)`in
`tensor
q)evaluate(q;-1 0 2e)
0 0 2e
