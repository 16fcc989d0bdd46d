/ Module kinds and definitions (issue 14 item 4): kinds from one table, containers and their
/ child names, tensor-op modules, state/dv/tree, names under a named root, help; bad input.
q)q:module seq(`sequential`net; (`linear;`fc;3;2); `relu`act; (`drop;`d;.2))
q)module q
depth module     name options              
-------------------------------------------
0     sequential net  (`symbol$())!()      
1     linear     fc   `in`out`bias!(3;2;1b)
1     relu       act  (,`inplace)!,0b      
1     drop       d    `p`inplace!(0.2;0b)  
q)module(q;0b)
depth module     name options        
-------------------------------------
0     sequential net  (`symbol$())!()
1     linear     fc   `in`out!3 2    
1     relu       act  (`symbol$())!()
1     drop       d    (,`p)!,0.2     
q)names q
`fc`act`d
q)names(q;`fc)
`symbol$()
q)parmnames q
`fc.weight`fc.bias
q)childnames q
`fc`act`d
q)moduletypes q
   | sequential
fc | linear
act| relu
d  | drop
q)moduletypes(q;`linear)
,`fc
q)moduletypes(q;`linear`relu)
fc | linear
act| relu
q)inputmodule q
`linear
q)outputmodule q
`drop
q)t:(`a;(`b;enlist(`c;1);enlist(`d;2));`e)
q)dv t
0 `a    
1 `b    
2 (`c;1)
2 (`d;2)
1 `e    
q)t~tree dv t
0b
q)t:(`a;(`b;enlist(`c;1);enlist(`d;2)))
q)t~tree dv t
1b
q)tree dv seq`x`y`z
`x
,`y
,`z
q)seq(`a;(`b;2);`c)
`a
,(`b;2)
,`c
q)r:module enlist(`linear;2;1)
q)parm(r;`weight;1 2e); parm(r;`bias;.5e)
q)state r
depth  | 0
module | `linear
name   | `
options| `in`out`bias!(2;1;1b)
parms  | `weight`bias!(,1 2e;,0.5e)
buffers| (`symbol$())!()
q)r2:module state r
q)state[r]~state r2
1b
q)evaluate(r2;1 1e)
,3.5e
q)m:module`sequential
q)module(m;1;`seqnest)
q)module(m;2;(`linear;`a;2;2))
q)module(m;enlist(`relu;`b))
q)module m
depth module     name options              
-------------------------------------------
0     sequential      (`symbol$())!()      
1     seqnest    0    (`symbol$())!()      
2     linear     a    `in`out`bias!(2;2;1b)
2     relu       b    (,`inplace)!,0b      
q)module(m;1;`sequential)
'sequential: unable to create type-erased module, forward method uses template
  [0]  module(m;1;`sequential)
       ^
q)module(m;3;`relu)
'relu: depth 3 above max depth of 2
  [0]  module(m;3;`relu)
       ^
q)f:module(`fork; seq(`sequential;`sigmoid); `relu)
q)childnames f
`qa`b
q)evaluate(f;-1 0 1e)
0.2689414 0.5 0.7310586
0         0   1        
q)s:module(`residual; seq(`sequential; `mul; `relu))
q)childnames s
,`q1
q)evaluate(s;-2 -1 0 1 2e;10e)
-2 -1 0 11 22e
q)j:module(`seqjoin; seq(`sequential; `relu); seq(`sequential; `sigmoid); `mul)
q)childnames j
`qx`qy`join
q)evaluate(j;-1 0 1e;0 0 0e)
0 0 0.5e
q)l:module(`seqlist; seq(`sequential;`relu); seq(`sequential;`mul))
q)evaluate(l;-1 0 2e;3e)
0 0 6e
q)b:(`sequential; (`fork; seq(`sequential;`identity); seq(`sequential;`relu)))
q)n:module(`nbeats; b; b)
q)evaluate(n;-1 2e)
0 2e
q)evaluate(module(`sequential; seq(`fork;`relu;`sigmoid)); 0 1e)
0   1        
0.5 0.7310586
q)x:module`transform
q)module(x;1;`sequential); module(x;2;(`zscore;1;2))
q)evaluate(x;3 5e)
3 5e
q)training(x;1b); tensor v:forward(x;3 5e)
1 2e
q)rc:module(`recur; enlist(`lstm;`lstm;4;3;1;1b;1b))
q)childnames rc
,`lstm
q)size z:forward(rc;2 5 4#40?1e)
2 5 3
1 2 3
1 2 3
q)module(rc;enlist(`linear;3;3))
'recur: unable to add Linear, expecting sequential modules for input/output processing or recurrent module(lstm,gru,rnn)
  [0]  module(rc;enlist(`linear;3;3))
       ^
q)evaluate(module enlist(`cat;1); (2 2#1 2 3 4);(2 1#9 9))
1 2 9
3 4 9
q)evaluate(module`matmul; (1 2e;3 4e); (1 0e;0 1e))
1 2
3 4
q)evaluate(module enlist(`select;1;-1); 3 4#til 12)
3 7 11
q)evaluate(module enlist(`indexselect;0;0 2); 3 2#til 6)
0 1
4 5
q)size forward(module`squeeze; 1 3 1#1 2 3)
,3
q)size forward(module enlist(`unsqueeze;0); 1 2 3)
1 3
q)evaluate(module enlist(`expand;-1 3); 2 1#5 6)
5 5 5
6 6 6
q)evaluate(module enlist(`reshape;-1 2); til 6)
0 1
2 3
4 5
q)evaluate(module enlist(`transpose;0;1); (1 2;3 4))
1 3
2 4
q)evaluate(module enlist(`onehot;4); 3 0 1)
0 0 0 1
1 0 0 0
0 1 0 0
q)evaluate(module enlist(`pad;1 1); 1 2e)
0 1 2 0e
q)evaluate(module enlist(`zscore;10;2); 10 12 14f)
0 1 2f
q)e:module enlist(`embedpos;5;3)
q)parmnames e
,`pos
q)size parm(e;`pos)
1 5 3
q)size forward(e; 2 4#0)
1 4 3
q)es:module enlist(`embedseq;10;3;5)
q)parmnames es
`tok.weight`pos.pos
q)size forward(es; 2 4#1)
2 4 3
q)a:module enlist(`selfattention;8;2;0.0;1b)
q)childnames a
`norm`in`drop`out
q)size forward(a; 2 3 8#48?1e)
2 3 8
q)exec options from module module enlist(`conv2d;4;8;3)
in     | 4
out    | 8
size   | 3
stride | 1
pad    | 0
dilate | 1
groups | 1
bias   | 1b
padmode| `zeros
q)exec options from module module enlist(`convtranspose2d;8;4;3;2)
in     | 8
out    | 4
size   | 3
stride | 2
pad    | 0
outpad | 0
groups | 1
bias   | 1b
dilate | 1
padmode| `zeros
q)module enlist(`maxpool2d`p;2)
'module: no symbol found, given symbol list as module type
  [0]  module enlist(`maxpool2d`p;2)
       ^
q)exec options from module module enlist(`lstm;10;20;2)
in        | 10
hidden    | 20
layers    | 2
bias      | 1b
batchfirst| 0b
dropout   | 0f
bi        | 0b
q)exec options from module module enlist(`gru;10;20)
in        | 10
hidden    | 20
layers    | 1
bias      | 1b
batchfirst| 0b
dropout   | 0f
bi        | 0b
q)module enlist(`linear;2)
'linear: positive output size required
  [0]  module enlist(`linear;2)
       ^
q)module enlist(`conv2d;2)
'conv2d: number of output channels not defined
  [0]  module enlist(`conv2d;2)
       ^
q)module enlist(`nosuch;1)
'unrecognized module: nosuch
  [0]  module enlist(`nosuch;1)
       ^
q)module enlist(`linear;2;3;`nosuch,1)
'linear: unrecognized option: nosuch
  [0]  module enlist(`linear;2;3;`nosuch,1)
       ^
q)module(`fork; `relu; `relu; `relu)
'fork: expecting up to 0 positional arg(s), given 1
  [0]  module(`fork; `relu; `relu; `relu)
       ^
q)module enlist(`callback;`cb)
'callback: no k function defined, 2nd symbol, `cb, defines callback module name
  [0]  module enlist(`callback;`cb)
       ^
q)module(m;4;`relu)
'relu: depth 4 above max depth of 2
  [0]  module(m;4;`relu)
       ^
q)help`linear
in  | 784
out | 10
bias| 1b
q)help`selfattention
dim    | 512
heads  | 8
dropout| 0.1
norm   | 0b
q)select module,result,args from help`module where module in `rnn`gru`lstm
module result args         
---------------------------
gru    tuple  tensor tensor
lstm   nested tensor tuple 
rnn    tuple  tensor tensor
