/ Losses (issue 14 item 6): every kind from one table, options by position, by name and as
/ the last symbol, definitions with all or only non-default options, 3-4 tensor losses, help.
q)l:loss(`ce;.5 1 2;-1;.05;`sum)
q)loss l
module | `ce
options| `weight`ignore`smoothing`reduce!(0.5 1 2;-1;0.05;`sum)
q)loss(l;0b)
module | `ce
options| `weight`ignore`smoothing`reduce!(0.5 1 2;-1;0.05;`sum)
q)loss lb:loss(`ce;`smoothing`reduce!(.2;`none))
module | `ce
options| `weight`ignore`smoothing`reduce!(::;-100;0.2;`none)
q)loss(l2:loss(`ce;(`smoothing;.2;`reduce;`sum)))
module | `ce
options| `weight`ignore`smoothing`reduce!(::;-100;0.2;`sum)
q)loss(loss(`huber;2;`none);0b)
module | `huber
options| `delta`reduce!(2f;`none)
q)loss loss(`smoothl1;`beta,.5)
module | `smoothl1
options| `beta`reduce!(0.5;`mean)
q)exec module from help`loss
`bce`bcelogits`ce`cosineloss`ctc`hinge`huber`kl`l1`margin`mse`multilabel`mult..
q)help`mse
module | `mse
pytorch| "torch.nn.MSELoss"
forward| 1b
result | `tensor
n      | 2
args   | `tensor`tensor
options| (,`reduce)!,`mean
q)select module,n,args from help`loss where n>2
module     n args                        
-----------------------------------------
cosineloss 3 `tensor`tensor`tensor       
ctc        4 `tensor`tensor`tensor`tensor
margin     3 `tensor`tensor`tensor       
triplet    3 `tensor`tensor`tensor       
q)m:loss`mse
q)tensor loss(m;1 2 3e;1 1 1e)
1.666667e
q)tensor loss(loss(`mse;`none);1 2 3e;1 1 1e)
0 1 4e
q)tensor loss(loss(`l1;`sum);1 2 3e;1 1 1e)
3e
q)b:loss(`bce;`none)
q)tensor loss(b;.5 .5e;0 1e)
0.6931472 0.6931472e
q)tensor loss(b;.5 .5e;0 1e;2 0e)
1.386294 0e
q)tensor loss(loss(`bcelogits;2 2e;`none);0 0e;1 1e)
1.386294 1.386294e
q)tensor loss(loss`margin;1 2e;2 1e;1 1e)
0.5e
q)tensor loss(loss`pairwise;(0 0e;1 1e);(3 4e;1 1e))
4.999999 1.414214e-06e
q)tensor loss(loss`cosineloss;(1 0e;0 1e);(1 0e;1 0e);1 -1e)
0e
q)tensor loss(loss`triplet;enlist 0 0e;enlist 0 1e;enlist 0 3e)
0e
q)l3:loss d:loss l
q)d~loss l3
1b
q)loss(m;1 2e)
'mse: expecting 2 tensors for the loss calculation, given 1
  [0]  loss(m;1 2e)
       ^
q)loss(`ce;`nosuch,1)
'ce: unrecognized option: nosuch
  [0]  loss(`ce;`nosuch,1)
       ^
q)loss(`ce;1;2;3;4;5)
'ce: expecting up to 4 positional arg(s), given 5
  [0]  loss(`ce;1;2;3;4;5)
       ^
q)loss(`mse;`average)
'mse: unrecognized reduction `average, expecting `mean`sum`none
  [0]  loss(`mse;`average)
       ^
q)loss`nosuch
'unrecognized loss function: nosuch
  [0]  loss`nosuch
       ^
