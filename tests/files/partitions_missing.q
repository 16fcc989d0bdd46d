.Q.chk`:db (dotq.md) writes each table a partition lacks, empty, modelled on the most recent
partition holding it, and reports for each partition () or its path; after it \l defines
the table over every partition. .Q.MAP[] asks for a loaded database (ktwa's are in memory).
q)execs:([]tm:10:00 10:01 10:02;sym:`x`y`x;q:7 8 9)
q).Q.dpft[`:hdb;;`sym;`execs] each 2021.06.01 2021.06.02 2021.06.03
`execs`execs`execs
q)odd:([]sym:`x`z;v:1.5 2.5)
q).Q.dpft[`:hdb;2021.06.02;`sym;`odd]
`odd
q)c:.Q.chk`:hdb
q)count each c
1 0 1
q)last each ` vs' raze c
`2021.06.01`2021.06.03
q)count each .Q.chk`:hdb
0 0 0
q)key `:hdb/2021.06.01/odd
`.d`sym`v
q)delete odd from `.
`.
q)\l hdb
q).Q.pt
`execs`odd
q).Q.cn odd
0 2 0
q).Q.MAP[]
q).z.r
0b
q).Q.chk 42
'type
  [0]  .Q.chk 42
       ^
