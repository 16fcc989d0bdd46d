/ What a tensor is: its attributes (atoms for a tensor, lists for a vector, dictionaries for a
/ dictionary), info and detail, options of every object kind, and str in libtorch's own text.
q)x:tensor 2 2#1.5 -2 0.25 8
q)(dim;numel;itemsize;offset;sref)@\:x
2 4 8 0 1
q)(layout;gradient;gradfn;memory)@\:x
`strided`nograd``contiguous
q)(defined;leaf;pinned;sparseflag;coalesced)@\:x
11001b
q)ktype x
"f"
q)key info x
`device`dtype`layout`gradient`pin`memory`leaf`gradfn`dim`sparsedim`size`strid..
q)`ptr _ info x
device    | `cpu
dtype     | `double
layout    | `strided
gradient  | `nograd
pin       | `unpinned
memory    | `contiguous
leaf      | 1b
gradfn    | `
dim       | 2
sparsedim | 0
size      | 2 2
stride    | 2 1
numel     | 4
itemsize  | 8
contiguous| 1b
coalesced | 1b
offset    | 0
ref       | 1
q)v:vector(1 2 3h;4 5e)
q)dim v
1 1
q)itemsize v
2 4
q)gradient v
`nograd`nograd
q)d:dict `p`q!(3 4#0f;"text")
q)numel d
p| 12
q| 4
q)stride d
p| 4 1
q| ,1
q)ktype d
p| f
q| c
q)u:tensor[]
q)defined u
0b
q)options u
device  | 
dtype   | 
layout  | 
gradient| 
pin     | 
memory  | 
q)leaf u
1b
q)dim u
'dim: undefined tensor
  [0]  dim u
       ^
q)options()
device  | cpu
dtype   | float
layout  | strided
gradient| nograd
pin     | unpinned
memory  | contiguous
q)options d
name| device dtype  layout  gradient pin      memory    
----| --------------------------------------------------
p   | cpu    double strided nograd   unpinned contiguous
q   | cpu    char   strided nograd   unpinned contiguous
q)options v
device dtype layout  gradient pin      memory    
-------------------------------------------------
cpu    short strided nograd   unpinned contiguous
cpu    float strided nograd   unpinned contiguous
q)m:module seq(`sequential;(`linear;3;2);`relu)
q)options m
q)count options m
0
q)-3!options m
"(`symbol$())!()"
q)l:loss(`ce;(`reduce;`sum))
q)options l
weight   | ::
ignore   | -100
smoothing| 0f
reduce   | `sum
q)-2 str x;
 1.5000 -2.0000
 0.2500  8.0000
[ CPUDoubleType{2,2} ]
q)-2 str tensor 3#7;
 7
 7
 7
[ CPULongType{3} ]
q)-2 str tensor 2 2 2#til 8;
(1,.,.) = 
  0  1
  2  3

(2,.,.) = 
  4  5
  6  7
[ CPULongType{2,2,2} ]
q)-2 str tensor 0.001 0.003;
0.001 *
 1.0000
 3.0000
[ CPUDoubleType{2} ]
q)-2 str tensor 1e10 1;
 1.0000e+10
 1.0000e+00
[ CPUDoubleType{2} ]
q)-2 str tensor 2.5;
2.5
[ CPUDoubleType{} ]
q)-2 str u;
[ Tensor (undefined) ]
q)-2 str m;
torch::nn::Sequential(
  (0): torch::nn::Linear(in_features=3, out_features=2, bias=true)
  (1): torch::nn::ReLU()
)
q)-2 str l;
torch::nn::CrossEntropyLoss()
q)str v
'str: not implemented for vector
  [0]  str v
       ^
q)s:sparse 0 3 0 5
q)(layout;sparseflag;numel;offset)@\:s
`sparse
1b
2
0N
q)-2 str s;
[ SparseCPULongType{}
indices:
 1  3
[ CPULongType{1,2} ]
values:
 3
 5
[ CPULongType{2} ]
size:
[4]
]
q)`ptr`storage _ first detail s
device    | `cpu
dtype     | `long
layout    | `strided
gradient  | `nograd
pin       | `unpinned
memory    | `contiguous
leaf      | 1b
gradfn    | `
dim       | 2
sparsedim | 0
size      | 1 2
stride    | 2 1
numel     | 2
itemsize  | 8
contiguous| 1b
coalesced | 1b
offset    | 0
ref       | 1
q)(first detail s)[`storage]`size`itemsize`ref`data
2
8
2
1 3
q)dim 1 2 3
'dim: unrecognized arg(s) - long list
  [0]  dim 1 2 3
       ^
q)numel m
'numel: not implemented for modules
  [0]  numel m
       ^
