A file q wrote with set for a simple vector of a fixed-width type is the vector as q maps it:
0xfe20, its type and attribute bytes, four more, its count as a long, the items from byte 16
(KX's ml keeps test inputs so). The layout is not in the reference: read from files q wrote,
so only reading is attempted; ktwa's own set still writes its own format. A mapped vector of
a type the header cannot give us (an enumeration's) is 'nyi.
q)`:lv 1: 0xfe200700,0x00000000,(reverse 0x0 vs 3),raze reverse each 0x0 vs/: 7 -2 40
`:lv
q)get `:lv
7 -2 40
q)`:fv 1: 0xfe200901,0x00000000,(reverse 0x0 vs 2),raze reverse each 0x0 vs/: 1.5 2.5
`:fv
q)get `:fv
`s#1.5 2.5
q)`:bv 1: 0xfe200100,0x00000000,(reverse 0x0 vs 3),0x010001
`:bv
q)get `:bv
101b
q)`:ev 1: 0xfe201400,0x00000000,(reverse 0x0 vs 1),reverse 0x0 vs 0
`:ev
q)get `:ev
'nyi: a mapped vector file of type 20
  [0]  get `:ev
       ^
