Enumerations as q keeps them, indices into their domain (enumerate.md, join.md,
enumeration.md, linking-columns.md, the foreign-keys white paper): an amended or replaced
domain changes what its enumerations say; "i"$ gives the indices; joins across domains;
link columns (`t!i over a table, meta's i and f, dot notation through them, rows past the
end read as nulls); foreign keys that follow their keyed table (a row deleted, the table
unkeyed); foreign keys over a compound key (row indices) and inserts into them.
Values are this file's own; where the reference shows the same case its output is q's.
Unsure of q: an index left past the end of a shrunk domain (shown here as a null), the
display of a link vector or atom (`t!0 1, `t!2: here the form that makes it, no i suffix).
join.md's own `(`sym$`b),`sym2$`b` has sym2:`c`d, which cannot hold `b ('cast in q too).
q)/ a domain amended in place: the enumeration follows it (enumerate.md)
q)d:`x`y`z
q)e:`d$`x`y`z`y`x
q)s:`d$`z
q)d[0]:`w
q)e
`d$`w`y`z`y`w
q)s
`d$`z
q)value e
`w`y`z`y`w
q)"i"$e
0 1 2 1 0i
q)`int$e
0 1 2 1 0i
q)"j"$e
0 1 2 1 0
q)e=`w
10001b
q)t:([]c:`d$`y`z;n:1 2)
q)d[1]:`v
q)t
c n
---
v 1
z 2
q)select from t where c=`v
c n
---
v 1
q)/ growing the domain moves nothing
q)d,:`u
q)e
`d$`w`v`z`v`w
q)`d$`u
`d$`u
q)/ a domain replaced: each index now names what the new list has there
q)z:`a`b`c
q)f:`z$`a`c
q)`z set `a`k`c
`z
q)f
`z$`a`c
q)z:`p`q`r`s
q)f
`z$`p`r
q)/ an index past the new end shows a null (unsure of q) and keeps its index: growing the
q)/ domain brings it back; a null copied out of it has lost its index, so while one is held
q)/ the domain may not grow ('nyi, never a wrong value)
q)z:1#z
q)f
`z$`p`
q)"i"$f
0 2i
q)z,:`t
q)f
`z$`p`
q)z,:`u
q)f
`z$`p`u
q)z:1#z
q)f
`z$`p`
q)g:f,`z$`p
q)g
`z$`p``p
q)"i"$g
'nyi
  [0]  "i"$g
          ^
q)z,:`v
'nyi
  [0]  z,:`v
       ^
q)g:0
q)z,:`v
q)z
`p`v
q)f
`z$`p`
q)z,:`w
q)f
`z$`p`w
q)/ joining enumerations of different domains (join.md)
q)sym:`a`b
q)sym2:`b`c
q)(`sym$`b),`sym2$`b
`sym$`b
`sym2$`b
q)(`sym$`a`b),`sym2$`b`c
`a`b`b`c
q)`a,`sym2$`b`c
`a`b`c
q)(`sym$`a),`sym2$`b`c
`a`b`c
q)(`sym$`a`b),`sym$`b
`sym$`a`b`b
q)/ a link column: row indices into a table, made with ! (linking-columns.md)
q)t:([] id:11 12 13 14; v:0.5 1.5 2.5 3.5)
q)update parent:`t!id?11 11 12 12 from `t
`t
q)t
id v   parent
-------------
11 0.5 0     
12 1.5 0     
13 2.5 1     
14 3.5 1     
q)meta t
c     | t f a
------| -----
id    | j    
v     | f    
parent| i t  
q)fkeys t
parent| t
q)select id, parentid:parent.id, parent.v from t
id parentid v  
---------------
11 11       0.5
12 11       0.5
13 12       1.5
14 12       1.5
q)exec parent from t
`t!0 0 1 1
q)type exec parent from t
20h
q)key exec parent from t
`t
q)value exec parent from t
0 0 1 1i
q)"j"$exec parent from t
0 0 1 1
q)`t!2
`t!2
q)type `t!2
-20h
q)`t!enlist 1
`t!,1
q)`t!0N 1
`t!0N 1
q)(`t!0 1),`t!3
`t!0 1 3
q)(`t!0 1)~`t!0 1
1b
q)(`t!1)~1i
0b
q)/ any row number is taken; a row past the table's end reads as nulls (foreign-keys.md)
q)select pv:parent.v from update parent:`t!0 5 1 0N from t
pv 
---
0.5
   
1.5
   
q)sym:()
q)t1:([] c1:`sym?`c`b`a; c2: 7 8 9)
q)t2:([] c3:`sym?`a`b`a`c; c4: 1 2 3 4.)
q)update t1link:`t1!t1.c1?c3 from `t2
`t2
q)meta t2
c     | t f  a
------| ------
c3    | s     
c4    | f     
t1link| i t1  
q)select c3, t1link.c2 from t2
c3 c2
-----
a  9 
b  8 
a  9 
c  7 
q)select sum c4 by t1link.c2 from t2
c2| c4
--| --
7 | 4 
8 | 2 
9 | 4 
q)/ a foreign key follows its keyed table: a row deleted moves what each index names
q)fin:([sym:`A`B`C] eps:1.5 2.5 3.5)
q)tr:([]sym:`fin$();px:`float$())
q)`tr insert (`A;3.0)
,0
q)`tr insert (`B;7.0)
,1
q)exec sym from tr
`fin$`A`B
q)`tr insert (`D;1.0)
'cast
  [0]  `tr insert (`D;1.0)
           ^
q)delete from `fin where sym=`A
`fin
q)tr
sym px
------
B   3 
C   7 
q)select sym, sym.eps from tr
sym eps
-------
B   2.5
C   3.5
q)`fin insert (`D;4.5)
,2
q)`tr insert (`D;9.0)
,2
q)tr
sym px
------
B   3 
C   7 
D   9 
q)/ unkeyed, its foreign keys become links: row indices
q)fin:0!fin
q)tr
sym px
------
0   3 
1   7 
2   9 
q)meta tr
c  | t f   a
---| -------
sym| i fin  
px | f      
q)select sym.eps from tr
eps
---
2.5
3.5
4.5
q)/ a foreign key over a compound key keeps row indices (foreign-keys.md)
q)k1:([s:`A`B`C;x:`N`N`Q];sh:10 20 30)
q)k2:([]s:`A`B;x:`N`N;px:2 3f)
q)update kf:`k1$(k2[`s],'k2[`x]) from `k2
`k2
q)k2
s x px kf
---------
A N 2  0 
B N 3  1 
q)meta k2
c | t f  a
--| ------
s | s     
x | s     
px| f     
kf| i k1  
q)select s, cap:px*kf.sh from k2
s cap
-----
A 20 
B 60 
q)`k1$`C`Q
`k1!2
q)`k1$(`A`N;`C`Q)
`k1!0 2
q)`k1$`C`N
'cast
  [0]  `k1$`C`N
          ^
q)`k1$1 2
'type
  [0]  `k1$1 2
          ^
q)`k2 insert (`C;`Q;4f;`k1$`C`Q)
,2
q)`k2 insert (`C;`Q;4f;2i)
'type
  [0]  `k2 insert (`C;`Q;4f;2i)
           ^
q)k2
s x px kf
---------
A N 2  0 
B N 3  1 
C Q 4  2 
q)k3:([]s:`$();kf:`k1$())
q)`k3 insert (`B;`k1$`B`N)
,0
q)meta k3
c | t f  a
--| ------
s | s     
kf| i k1  
q)update kf:value kf from `k2
`k2
q)meta k2
c | t f a
--| -----
s | s    
x | s    
px| f    
kf| i    
q)/ a link into an unkeyed table takes any row (foreign-keys.md's linked columns)
q)fp:([]sym:`a`b`c;eps:1 2 3f)
q)pos:([]sym:`a`b;sz:5 6)
q)update fl:`fp!fp.sym?sym from `pos
`pos
q)`pos insert (`z;7;`fp!6)
,2
q)`pos insert (`z;7;6i)
'type
  [0]  `pos insert (`z;7;6i)
            ^
q)pos
sym sz fl
---------
a   5  0 
b   6  1 
z   7  6 
q)select sym, fl.eps from pos
sym eps
-------
a   1  
b   2  
z      
