Partitioned databases (kb/partition.md, dotq.md .Q.dpft .Q.cn .Q.pn .Q.view .Q.qp .Q.li
.Q.ind, dsave.md): .Q.dpft splays a global table into a partition, its symbols enumerated
over sym, sorted and parted on a field that it moves first; \l of the database defines each
table with the partition field as its first column, the field's global (`date`) and .Q's
description of the database, which becomes the working directory. A table missing from some
partition is mapped, shown as `` +cols!`t ``, and fails when a query reads it, until .Q.bv[]
lets the missing partitions read as empty (dotq.md .Q.bv .Q.vp). Unsure of q: .Q.pn shows an
empty count list as `()`; q's page
prints nothing after the bar.
q)deals:([]side:`s`b`s`b`s;px:10 11 12 13 14;qty:5 6 7 8 9)
q).Q.dpft[`:market;;`side;`deals] each 2020.03.02 2020.03.03
`deals`deals
q)rest:([]n:1 2)
q).Q.dpft[`:market;2020.03.03;`n;`rest]
`rest
q)\l market
q)last "/" vs system"cd"
"market"
q)deals
date       side px qty
----------------------
2020.03.02 b    11 6  
2020.03.02 b    13 8  
2020.03.02 s    10 5  
2020.03.02 s    12 7  
2020.03.02 s    14 9  
2020.03.03 b    11 6  
2020.03.03 b    13 8  
2020.03.03 s    10 5  
2020.03.03 s    12 7  
2020.03.03 s    14 9  
q)meta deals
c   | t f a
----| -----
date| d    
side| s   p
px  | j    
qty | j    
q)rest
+(,`n)!`rest
q)select from rest
'./2020.03.02/rest/n: No such file or directory
  [0]  select from rest
       ^
q)date
2020.03.02 2020.03.03
q)(.Q.pf;.Q.pt;.Q.PV)
`date
`deals`rest
2020.03.02 2020.03.03
q).Q.cn deals
5 5
q).Q.pn
deals| 5 5
rest | ()
q).Q.qp each (deals;select from deals;([]a:1))
1b
0
0
q).Q.view 2020.03.03
q)date
,2020.03.03
q)select count i by date from deals
date      | x
----------| -
2020.03.03| 5
q).Q.view[]
q)count deals
10
q).Q.ind[deals;0 9]
date       side px qty
----------------------
2020.03.02 b    11 6  
2020.03.03 s    14 9  
q).Q.ind[deals;0 9i]
'type
  [0]  .Q.ind[deals;0 9i]
       ^
q)`:2020.03.04/deals/ set .Q.en[`:.] delete date from select from deals where date=2020.03.03
`:2020.03.04/deals/
q).Q.li 2020.03.04 2020.03.05
q)date
2020.03.02 2020.03.03 2020.03.04
q)/ dsave: enumerated over the root's sym, the first column parted; a path after the root
q)quotes:`sym xasc ([]sym:`z`y`z;bid:1 2 3f)
q)`:plain dsave `quotes
`quotes
q)`:plain`2021.06.01 dsave `quotes`deals
`quotes`deals
q)\l plain
q)meta quotes
c   | t f a
----| -----
date| d    
sym | s   p
bid | f    
q)get`:sym
`s`b`y`z
q)/ .Q.dpfts enumerates over a domain of its own
q)legs:([]venue:`lse`xet`lse;n:3 1 2)
q).Q.dpfts[`:venues;2020.01.01;`n;`legs;`vsym]
`legs
q)vsym
`lse`xet
q).Q.ens[`:venues;([]v:`bats`lse);`vsym]
v   
----
bats
lse 
q)vsym
`lse`xet`bats
