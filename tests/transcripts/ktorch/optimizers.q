/ Optimizers (issue 14 item 5): options per group as a table, the parameter table, groups added
/ and edited, lr per group, state and rebuilding from it, lbfgs; bad input.
q)q:module seq(`sequential; (`linear;`a;4;3); `relu; (`linear;`b;3;2))
q)o:opt(`sgd;q;.1;.9)
q)key opt o
`optimizer`options`parms
q)opt[o]`options
lr  momentum dampening decay nesterov
-------------------------------------
0.1 0.9      0         0     0       
q)select parmgroup,module,name,size from opt[o]`parms
parmgroup module name     size
------------------------------
0         linear a.weight 3 4 
0         linear a.bias   ,3  
0         linear b.weight 2 3 
0         linear b.bias   ,2  
q)o2:opt(`sgd;(q;`b))
q)exec name from opt[o2]`parms
`b.weight`b.bias
q)exec name from opt[opt(`sgd;(q;`b`a))]`parms
`b.weight`b.bias`a.weight`a.bias
q)exec name from opt[opt(`sgd;(q;0))]`parms
`a.weight`a.bias
q)g:opt`adamw
q)opt(g;0;module enlist(`linear;`x;2;2);.01)
q)opt(g;1;module enlist(`linear;`y;2;1);.02;`decay,.05)
q)opt[g]`options
lr   beta1 beta2 eps   decay amsgrad
------------------------------------
0.01 0.9   0.999 1e-08 0.01  0      
0.02 0.9   0.999 1e-08 0.05  0      
q)opt[(g;0b)]`options
lr   decay
----------
0.01 0.01 
0.02 0.05 
q)select parmgroup,name from opt[g]`parms
parmgroup name    
------------------
0         x.weight
0         x.bias  
1         y.weight
1         y.bias  
q)lr g
0.01 0.02
q)lr(g;.5*lr g)
q)lr g
0.005 0.01
q)opt(g;(); .3)
q)lr g
0.3 0.01
q)opt(g;3;();.1)
'opt: group 3 invalid, cannot be greater than number of groups(2)
  [0]  opt(g;3;();.1)
       ^
q)opt(g;-1;();.1)
'opt: group -1 invalid, cannot be negative
  [0]  opt(g;-1;();.1)
       ^
q)d:dict`u`v!(1 2e;3 4 5e)
q)h:opt(`sgd;(d;`v`u))
q)select module,name,size from opt[h]`parms
module   name size
------------------
parmdict v    ,3  
parmdict u    ,2  
q)objtype module opt(`sgd;d)
`parmdict
q)w:module enlist(`linear;2;1;0b)
q)parm(w;`weight;1 2e)
q)p:opt(`sgd;w;.5)
q)l:loss`mse
q)backward loss(l;forward(w;1 1e);enlist 0e)
<any>
q)step p
q)tensor parm(w;`weight)
-2 -1
q)s:state opt(`adam;module enlist(`linear;1;1))
q)s`optimizer
`adam
q)cols s`parms
`parmgroup`pointer`module`name`size`buffers
q)help`sgd
lr       | 0.01
momentum | 0f
dampening| 0f
decay    | 0f
nesterov | 0b
q)help`lbfgs
lr       | 1f
iter     | 20
eval     | 25
gradtol  | 1e-07
changetol| 1e-09
history  | 100
search   | `strong_wolfe
q)exec optimizer from help`optimizer
`adagrad`adam`adamw`lamb`lbfgs`rmsprop`sgd
q)m:module enlist(`linear;`k;2;1)
q)a:opt(`adamw;m;.01)
q)y:forward(m;3 2#1 2e)
<any>
q)backward loss(l;y;3 1#0e)
<any>
q)step a
q)s:state a
q)exec buffers[0;`step] from s`parms
1
q)m2:module state m
q)a2:opt(s;m2)
q)(state[a]`options)~state[a2]`options
1b
q)(exec buffers from state[a]`parms)~exec buffers from state[a2]`parms
1b
q)opt(`sgd;q;`nosuch,1)
'sgd: unrecognized option: nosuch
  [0]  opt(`sgd;q;`nosuch,1)
       ^
q)opt(`sgd;q;-1)
'sgd: lr must be non-negative, given -1
  [0]  opt(`sgd;q;-1)
       ^
q)opt(`sgd;q;.1;.9;`nesterov,1b)
<any>
q)opt(`sgd;q;.1;0;`nesterov,1b)
'opt: nesterov momentum requires a momentum and zero dampening
  [0]  opt(`sgd;q;.1;0;`nesterov,1b)
       ^
q)opt`nosuch
'unrecognized optimizer: nosuch
  [0]  opt`nosuch
       ^
q)opt(`sgd;1;q)
'opt: cannot define group 1 until optimizer is created with initial parameter group
  [0]  opt(`sgd;1;q)
       ^
q)step opt(`lbfgs;q)
'LBFGS optimizer requires model, loss & inputs
  [0]  step opt(`lbfgs;q)
       ^
