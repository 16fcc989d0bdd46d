Flip splayed (flip-splayed.md): cols!`:dir/ is a dictionary naming a splayed table's columns
and folder, cols!`t a partitioned table's; flipped, it is the table on disk, and the one-line
form of a table \l loaded is that dictionary flipped. While nothing is on disk the flip stays
as it is, and a query on it fails as reading fails. select[n] on a partitioned table is 'nyi.
q)`:vault/crates/ set ([]w:5 8 13)
`:vault/crates/
q)\l vault
q).Q.s1 crates
"+(,`w)!`:./crates/"
q)-3!crates
"+(,`w)!`:./crates/"
q)crates
w 
--
5 
8 
13
q)show r:enlist[`w]!`:./crates/
(,`w)!`:./crates/
q)type r
99h
q)count r
1
q)flip r
w 
--
5 
8 
13
q)select from flip r where w>6
w 
--
8 
13
q)flip enlist[`w]!`:./boxes/
+(,`w)!`:./boxes/
q)type flip enlist[`w]!`:./boxes/
98h
q)flip flip enlist[`w]!`:./boxes/
(,`w)!`:./boxes/
q)select from flip enlist[`w]!`:./boxes/
'./boxes/w. OS reports: No such file or directory
  [0]  select from flip enlist[`w]!`:./boxes/
       ^
q)\cd ..
q)`:depot/2020.02.01/haul/ set ([]kg:1.5 2.5)
`:depot/2020.02.01/haul/
q)`:depot/2020.02.02/haul/ set ([]kg:enlist 4.5)
`:depot/2020.02.02/haul/
q)\l depot
q).Q.s1 haul
"+(,`kg)!`haul"
q)enlist[`kg]!`haul
(,`kg)!`haul
q)flip enlist[`kg]!`haul
date       kg 
--------------
2020.02.01 1.5
2020.02.01 2.5
2020.02.02 4.5
q)select[2] from haul
'nyi
  [0]  select[2] from haul
       ^
q)select from flip enlist[`kg]!`cargo
'cargo
  [0]  select from flip enlist[`kg]!`cargo
       ^
q)flip enlist[`kg]!`cargo
+(,`kg)!`cargo
q)key enlist[`kg]!`cargo
,`kg
q)value enlist[`kg]!`cargo
`cargo
