Segmented databases (database/segment.md, dotq.md .Q.P .Q.D .Q.PD .Q.pd .Q.u .Q.par): par.txt
lists the segments, folders holding partitions; \l loads the partitions of every segment as
one database. .Q.P is the segments, .Q.D the partitions in each, .Q.PD each partition's
segment (.Q.pd: those in view); in a database without segments .Q.PD is `:. for each.
.Q.par says where a partition's table is or would be: round-robin over the segments.
q)t:([]sym:`a`b`c;v:1 2 3)
q)e:.Q.en[`:db] t
q)`:segs/0/2010.01.01/t/ set e
`:segs/0/2010.01.01/t/
q)`:segs/1/2010.01.02/t/ set e
`:segs/1/2010.01.02/t/
q)`:segs/0/2010.01.04/t/ set e
`:segs/0/2010.01.04/t/
q)`:segs/1/2010.01.04/t/ set update v:10*v from e
`:segs/1/2010.01.04/t/
q)`:db/par.txt 0: ("../segs/0";"../segs/1")
`:db/par.txt
q)last "/" vs string .Q.par[`:db;2010.01.02;`t]
,"t"
q)-3#"/" vs string .Q.par[`:db;2010.01.03;`t]
,"1"
"2010.01.03"
,"t"
q)delete t,e,sym from `.
`.
q)\l db
q).Q.P
`:../segs/0`:../segs/1
q).Q.D
2010.01.01 2010.01.04
2010.01.02 2010.01.04
q).Q.PV!.Q.PD
2010.01.01| :../segs/0
2010.01.02| :../segs/1
2010.01.04| :../segs/0
2010.01.04| :../segs/1
q).Q.u
0b
q)select sum v by date from t
date      | v 
----------| --
2010.01.01| 6 
2010.01.02| 6 
2010.01.04| 66
q).Q.view 2010.01.02
q).Q.pd
,`:../segs/1
q)count t
3
q).Q.view[]
q)count t
12
q).Q.par[`:.;`x;`t]
'type
  [0]  .Q.par[`:.;`x;`t]
       ^
q).Q.MAP[]
q).z.r
0b
