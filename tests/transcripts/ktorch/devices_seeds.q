/ Devices and seeds as ktorch's devices and pointers pages use them (on the cpu: a machine
/ without CUDA maps no `cuda symbol): help`device maps each device to its seed, seed takes a
/ device, copyto makes a converted copy and leaves its input as it was.
q)seed 42
q)(help`device)`cpu
42
q)seed`cpu
42
q)seed(`cpu;7)
q)seed`cpu
7
q)options[`device]`cpu
7
q)seed`nope
'unrecognized arg(s) for seed, expected one of: device, seed or (device;seed)
  [0]  seed`nope
       ^
q)seed 5i
'unrecognized arg(s) for seed, expected one of: device, seed or (device;seed)
  [0]  seed 5i
       ^
q)help`tensor
device  | cpu
dtype   | float
layout  | strided
gradient| nograd
pin     | unpinned
memory  | contiguous
q)t:tensor 1 2 3 4#til 24
q)r:copyto(t;`float`channel2d`grad)
q)options each(t;r)
device dtype layout  gradient pin      memory    
-------------------------------------------------
cpu    long  strided nograd   unpinned contiguous
cpu    float strided grad     unpinned channel2d 
q)tensor[r]~"e"$tensor t
1b
q)stride each(t;r)
24 12 4 1
24 1  8 2
q)u:copyto(t;r)
q)options u
device  | cpu
dtype   | float
layout  | strided
gradient| nograd
pin     | unpinned
memory  | contiguous
q)copyto(t;`bogus)
'unrecognized tensor option: `bogus
  [0]  copyto(t;`bogus)
       ^
q)d:dict `a`b!(1 2;3 4)
q)copyto(d;`double)
'copyto: expects tensor as first arg, given dictionary
  [0]  copyto(d;`double)
       ^
q)copyto(t;1 2)
'copyto: expecting options symbol(s) or example tensor, given long list
  [0]  copyto(t;1 2)
       ^
q)to(t;`channel2d)
q)options t
device  | cpu
dtype   | long
layout  | strided
gradient| nograd
pin     | unpinned
memory  | channel2d
