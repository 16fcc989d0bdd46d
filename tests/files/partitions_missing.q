A table some partitions lack (dotq.md .Q.bv .Q.vp .Q.chk): \l leaves it undefined; .Q.bv[]
reads it from the partitions holding it, the others empty, and .Q.vp holds its empty schema
(partition field first); .Q.chk`:db writes the empties to disk instead, reporting for each
partition () or its path. An empty enumeration shows as `sym$().
q)execs:([]tm:10:00 10:01 10:02;sym:`x`y`x;q:7 8 9)
q).Q.dpft[`:hdb;;`sym;`execs] each 2021.06.01 2021.06.02 2021.06.03
`execs`execs`execs
q)odd:([]sym:`x`z;v:1.5 2.5)
q).Q.dpft[`:hdb;2021.06.02;`sym;`odd]
`odd
q)delete odd from `.
`.
q)\l hdb
q).Q.pt
,`execs
q)odd
'odd
  [0]  odd
       ^
q).Q.bv[]
q).Q.vp
odd| +`date`sym`v!(`date$();`sym$();`float$())
q).Q.pt
`execs`odd
q)odd
date       sym v  
------------------
2021.06.02 x   1.5
2021.06.02 z   2.5
q)select count i by date from odd
date      | x
----------| -
2021.06.02| 2
q).Q.bv 1
'type
  [0]  .Q.bv 1
       ^
q)c:.Q.chk`:.
q)count each c
1 0 1
q)last each ` vs' raze c
`2021.06.01`2021.06.03
q)count each .Q.chk`:.
0 0 0
q)\l .
q).Q.pt
`execs`odd
q)count odd
2
q).Q.chk 42
'type
  [0]  .Q.chk 42
       ^
q).Q.bvi[]
q).Q.vp
(`symbol$())!()
