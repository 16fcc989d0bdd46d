Segmented databases (database/segment.md, dotq.md .Q.P .Q.D .Q.PD .Q.pd .Q.u .Q.par): the
root holds sym and par.txt, whose lines are the segments; each segment holds partitions, and
one partition may be in two segments (both are read, in par.txt's order). \l makes the root
the working directory. .Q.par picks the segment at the partition's number mod their count; how
q joins a relative segment to the root given is not shown in the reference (ktwa: root/segment).
q)`:disk1/2015.03.02/fx/ set ([]r:1.25 1.5)
`:disk1/2015.03.02/fx/
q)`:disk1/2015.03.06/fx/ set ([]r:enlist 2.0)
`:disk1/2015.03.06/fx/
q)`:disk2/2015.03.03/fx/ set ([]r:3.5 3.75)
`:disk2/2015.03.03/fx/
q)`:disk2/2015.03.06/fx/ set ([]r:enlist 4.0)
`:disk2/2015.03.06/fx/
q)`:hdb/par.txt 0: ("../disk1";"../disk2")
`:hdb/par.txt
q)`:hdb/sym set `eur`gbp
`:hdb/sym
q)\l hdb
q).Q.P
`:../disk1`:../disk2
q).Q.D
2015.03.02 2015.03.06
2015.03.03 2015.03.06
q).Q.PV!.Q.PD
2015.03.02| :../disk1
2015.03.03| :../disk2
2015.03.06| :../disk1
2015.03.06| :../disk2
q).Q.u
0b
q)sym
`eur`gbp
q)select n:count i, s:sum r by date from fx
date      | n s   
----------| ------
2015.03.02| 2 2.75
2015.03.03| 2 7.25
2015.03.06| 2 6   
q).Q.view 2015.03.03
q).Q.pd
,`:../disk2
q)fx
date       r   
---------------
2015.03.03 3.5 
2015.03.03 3.75
q)5540 5541=`int$2015.03.03 2015.03.04
11b
q).Q.par[`:.;2015.03.03;`fx]
`:./../disk1/2015.03.03/fx
q).Q.par[`:.;2015.03.04;`fx]
`:./../disk2/2015.03.04/fx
q).Q.li 2015.03.02
'nyi: .Q.li on a segmented database
  [0]  .Q.li 2015.03.02
       ^
