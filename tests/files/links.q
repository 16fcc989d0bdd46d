Link columns on disk (linking-columns.md): saved in a splayed table (as the table is
written, or as a file added with its .d), read back as links (meta's i and f, dot notation
through them); links inside a partitioned database point within each partition.
Values are this file's own; the outputs are as the reference shows for its own values.
q)/ a link column saved in a splayed table and read back (linking-columns.md)
q)`:db/t1/ set .Q.en[`:db/; ([] c1:`c`b`a; c2: 7 8 9)]
`:db/t1/
q)/ \l makes the database's folder the working directory, as in q
q)\l db
q)meta t1
c | t f a
--| -----
c1| s    
c2| j    
q)tmp:.Q.en[`:.; ([] c3:`a`b`a`c; c4: 1 2 3 4.)]
q)`:t2/ set update t1link:`t1!t1[`c1]?c3 from tmp
`:t2/
q)\l .
q)meta t2
c     | t f  a
------| ------
c3    | s     
c4    | f     
t1link| i t1  
q)select t1link.c2, c3 from t2
c2 c3
-----
9  a 
8  b 
9  a 
7  c 
q)exec t1link from t2
`t1!2 1 2 0
q)/ a link column added to a table already splayed: its file, then .d
q)`:t3/ set .Q.en[`:.; ([] c5:`b`c`c)]
`:t3/
q)`:t3/t1link set `t1!(get `:t1/c1)?get `:t3/c5
`:t3/t1link
q)`:t3/.d set (get `:t3/.d),`t1link
`:t3/.d
q)\l .
q)select c5, t1link.c2 from t3
c5 c2
-----
b  8 
c  7 
c  7 
q)/ a link into a partitioned table points within each partition
q)\cd ..
q)p1:([] id:101 102 103; v:1.5 2.5 3.5)
q)p2:([] p1link:`p1!p1[`id]?103 101 101 102; n:10 20 30 40)
q)`:pdb/2020.01.01/p1/ set p1
`:pdb/2020.01.01/p1/
q)`:pdb/2020.01.01/p2/ set p2
`:pdb/2020.01.01/p2/
q)p1:([] id:104 105; v:4.5 5.5)
q)p2:([] p1link:`p1!p1[`id]?105 104 104; n:50 60 70)
q)`:pdb/2020.01.02/p1/ set p1
`:pdb/2020.01.02/p1/
q)`:pdb/2020.01.02/p2/ set p2
`:pdb/2020.01.02/p2/
q)\l pdb
q)meta p2
c     | t f  a
------| ------
date  | d     
p1link| i p1  
n     | j     
q)select date,n,p1link.v from p2
date       n  v  
-----------------
2020.01.01 10 3.5
2020.01.01 20 1.5
2020.01.01 30 1.5
2020.01.01 40 2.5
2020.01.02 50 5.5
2020.01.02 60 4.5
2020.01.02 70 4.5
q)select n,p1link.v from p2 where date=2020.01.02
n  v  
------
50 5.5
60 4.5
70 4.5
q)/ a table that is not partitioned cannot link into one (linking-columns.md: 'par)
q)select x.v from ([] x:`p1!1 1)
'par
  [0]  select x.v from ([] x:`p1!1 1)
       ^
q)/ an enumeration left past its domain's end is not written (its index is lost here)
q)d:`a`b`c
q)e:`d$`a`c
q)d:1#d
q)`:e1 set e
'nyi
  [0]  `:e1 set e
            ^
