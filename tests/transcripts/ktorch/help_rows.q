/ help`module-kind gives its example options (as ktorch's module pages show it; its source
/ gives the kind's row, as for a loss: help m of a module gives that row); a name that is both a
/ module and a loss (pairwise, similar) reads as the module. One forward argument is a symbol
/ atom, more are a symbol list (ktorch's arglist), in help's args column, callbacks' in column
/ and a callback module's `in option.
q)help`linear
in  | 784
out | 10
bias| 1b
q)options`linear
in  | 784
out | 10
bias| 1b
q)(help module`cat)`module`args`options
`cat
`tensor`tensor
(,`dim)!,0
q)help`similar
dim| 1
eps| 1e-08
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
