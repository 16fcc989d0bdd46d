Assignment through an operator to an undefined global starts from the operator's identity
element (assign.md): + and - from 0, * from 1. Without a known identity here (%), or indexed,
the name stays undefined.
q)count0+:7
q)count0
7
q)count0+:1
q)count0
8
q)half+:2.5
q)half
2.5
q)vec+:10 20
q)vec
10 20
q)neg1-:3
q)neg1
-3
q)prod1*:6
q)prod1
6
q)ratio%:4
'ratio
  [0]  ratio%:4
       ^
q)ratio
'ratio
  [0]  ratio
       ^
q)slot[1]+:5
'slot
  [0]  slot[1]+:5
       ^
