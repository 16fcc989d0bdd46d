Table verbs (issue 15 item 2): meta keys cols xcols xcol xkey xasc xdesc ungroup, insert,
upsert and `,:` (append) with table and list semantics, operations on a table named by a
global symbol, and q 4.1's dictionary literal. Values from the q reference (meta.md,
keys.md, cols.md, ungroup.md, insert.md, upsert.md, join.md's Append section).
Unsure of q: which records `,:` reads as one record by column and which as a list of
records when both readings fit (here, as join.md's example shows, a list of lists whose
counts are the column count is a list of records; `insert` always reads by column).
q)t:([]a:3 1 2;b:`c`a`b;c:1.5 2.5 3.5)
q)meta t
c| t f a
-| -----
a| j    
b| s    
c| f    
q)`a xasc `t
`t
q)t
a b c  
-------
1 a 2.5
2 b 3.5
3 c 1.5
q)meta t
c| t f a
-| -----
a| j   s
b| s    
c| f    
q)`b xdesc `t
`t
q)meta `t
c| t f a
-| -----
a| j    
b| s    
c| f    
q)meta `a`b xasc t
c| t f a
-| -----
a| j   s
b| s    
c| f    
q)keys t
`symbol$()
q)keys `t
`symbol$()
q)`a xkey `t
`t
q)keys `t
,`a
q)t
a| b c  
-| -----
3| c 1.5
2| b 3.5
1| a 2.5
q)meta t
c| t f a
-| -----
a| j    
b| s    
c| f    
q)cols `t
`a`b`c
q)cols t
`a`b`c
q)`c`b xcols 0!t
c   b a
-------
1.5 c 3
3.5 b 2
2.5 a 1
q)xcols[reverse cols 0!t;0!t]
c   b a
-------
1.5 c 3
3.5 b 2
2.5 a 1
q)`b xcols t
'type
  [0]  `b xcols t
          ^
q)`z xcols 0!t
'z
  [0]  `z xcols 0!t
          ^
q)t:([]a:3 4 5; b:6 7 8; c:`z`u`i)
q)`d`e xcol t
d e c
-----
3 6 z
4 7 u
5 8 i
q)([a:`A;c:`C]) xcol t
A b C
-----
3 6 z
4 7 u
5 8 i
q)([q:`r]) xcol t
'length
  [0]  ([q:`r]) xcol t
                ^
q)delete b from `t
`t
q)t
a c
---
3 z
4 u
5 i
q)update d:a*2 from `t
`t
q)t
a c d 
------
3 z 6 
4 u 8 
5 i 10
q)select from `t where a>3
a c d 
------
4 u 8 
5 i 10
q)p:((enlist 2);5 7 11;13 17)
q)r:((enlist"A");"CDE";"FG")
q)t:([]s:`a`b`c;p;q:10 20 30;r)
q)t
s p      q  r    
-----------------
a ,2     10 ,"A" 
b 5 7 11 20 "CDE"
c 13 17  30 "FG" 
q)ungroup t
s p  q  r
---------
a 2  10 A
b 5  20 C
b 7  20 D
b 11 20 E
c 13 30 F
c 17 30 G
q)ungroup ([k:`a`b]v:(1 2;3 4 5))
k v
---
a 1
a 2
b 3
b 4
b 5
q)ungroup ([]a:1 2;b:(1 2;3))
'rank
  [0]  ungroup ([]a:1 2;b:(1 2;3))
       ^
q)ungroup ([]a:1 2;b:(1 2;3);c:(`x;"yz"))
a b c  
-------
1 1 `x 
1 2 `x 
2 3 "y"
2 3 "z"
q)ungroup ([]a:1 2)
'rank
  [0]  ungroup ([]a:1 2)
       ^
q)ungroup 0#t
s p q r
-------
q)ungroup ([]a:1 2;b:(1 2;3 4 5);c:(1 2;3 4))
'length
  [0]  ungroup ([]a:1 2;b:(1 2;3 4 5);c:(1 2;3 4))
       ^
q)u:([] code:`F1; vr:(enlist 2.3))
q)meta u
c   | t f a
----| -----
code| s    
vr  | f    
q)v:([] code:`F2; vr:(enlist (5.4; 43.2)))
q)meta v
c   | t f a
----| -----
code| s    
vr  | F    
q)meta ([]s:("ab";"cd");g:(`a;1))
c| t f a
-| -----
s| C    
g| s    
q)t:([]name:`tom`dick`harry;age:28 29 30;sex:`M)
q)t upsert (`dick;49;`M)
name  age sex
-------------
tom   28  M  
dick  29  M  
harry 30  M  
dick  49  M  
q)t upsert((`dick;49;`M);(`jane;23;`F))
name  age sex
-------------
tom   28  M  
dick  29  M  
harry 30  M  
dick  49  M  
jane  23  F  
q)`t upsert ([]age:49 23;name:`dick`jane)
`t
q)t
name  age sex
-------------
tom   28  M  
dick  29  M  
harry 30  M  
dick  49     
jane  23     
q)t upsert ()
name  age sex
-------------
tom   28  M  
dick  29  M  
harry 30  M  
dick  49     
jane  23     
q)a:([s:`q`w`e]r:1 2 3;u:5 6 7)
q)a upsert (`e;30;70)
s| r  u 
-| -----
q| 1  5 
w| 2  6 
e| 30 70
q)a upsert ((`e;30;70);(`r;40;80))
s| r  u 
-| -----
q| 1  5 
w| 2  6 
e| 30 70
r| 40 80
q)a upsert ([s:`e`r`q]r:30 4 10;u:70 8 50)
s| r  u 
-| -----
q| 10 50
w| 2  6 
e| 30 70
r| 4  8 
q)`a upsert ([s:`e`r`q]r:30 4 10;u:70 8 50)
`a
q)a
s| r  u 
-| -----
q| 10 50
w| 2  6 
e| 30 70
r| 4  8 
q)a upsert `s`r`u!(`w;20;60)
s| r  u 
-| -----
q| 10 50
w| 20 60
e| 30 70
r| 4  8 
q)a upsert ([]s:`x`x;r:1 2;u:3 4)
s| r  u 
-| -----
q| 10 50
w| 2  6 
e| 30 70
r| 4  8 
x| 2  4 
q)x:([a:`x`y];b:10 20)
q)`x insert (`z;30)
,2
q)x
a| b 
-| --
x| 10
y| 20
z| 30
q)`x insert (`z;30)
'insert
  [0]  `x insert (`z;30)
          ^
q)`x insert (`s`t;40 50)
3 4
q)x
a| b 
-| --
x| 10
y| 20
z| 30
s| 40
t| 50
q)`x insert (`u;1.5)
'type
  [0]  `x insert (`u;1.5)
          ^
q)tnew
'tnew
  [0]  tnew
       ^
q)`tnew insert ([c1:`a`b];c2:10 20)
0 1
q)tnew
c1| c2
--| --
a | 10
b | 20
q)u:([] name:(); age:())
q)meta u
c   | t f a
----| -----
name|      
age |      
q)`u insert (`tom`dick;30 40)
0 1
q)meta u
c   | t f a
----| -----
name| s    
age | j    
q)u
name age
--------
tom  30 
dick 40 
q)`u insert (`harry;50)
,2
q)`u insert (`ann`bo;1 2 3)
'length
  [0]  `u insert (`ann`bo;1 2 3)
          ^
q)`u insert 7
'length
  [0]  `u insert 7
          ^
q)q:([]s:`a`b;v:("ab";"cd"))
q)q upsert (`c;"ef")
s v   
------
a "ab"
b "cd"
c "ef"
q)q upsert ((`c;"ef");(`d;"gh"))
s v   
------
a "ab"
b "cd"
c "ef"
d "gh"
q)`q insert (`e`f;("xy";"zw"))
2 3
q)q
s v   
------
a "ab"
b "cd"
e "xy"
f "zw"
q)s:1 2 3
q)s,:4
q)s
1 2 3 4
q)s,:5f
'type
  [0]  s,:5f
        ^
q)s,:6 7
q)s
1 2 3 4 6 7
q)s:([a:1;b:2])
q)s,:([a:3;c:4])
q)s
a| 3
b| 2
c| 4
q)s,:([d:5f])
'type
  [0]  s,:([d:5f])
        ^
q)t:([]a:1 2i;b:3 4f)
q)t,:([]a:5 6i;b:7 8f)
q)t
a b
---
1 3
2 4
5 7
6 8
q)t,:([]a:5 6f;b:7 8i)
'type
  [0]  t,:([]a:5 6f;b:7 8i)
        ^
q)t,:([]a:1i;z:1f)
'mismatch
  [0]  t,:([]a:1i;z:1f)
        ^
q)s:(::;3;4)
q)s,:5f
q)s
::
3
4
5f
q)s:enlist 1 2 3
q)s,4 5 6
1 2 3
4
5
6
q)s,:4 5 6
q)s
1 2 3
4 5 6
q)s:("the";"quick")
q)s,:"fox"
q)s
"the"
"quick"
"fox"
q)s:()
q)s,:1 2
q)s
1 2
q)t:([]a:1 2;b:3 4)
q)t,:5 6
q)t,:(7 8;9 10)
q)t
a b 
----
1 3 
2 4 
5 6 
7 8 
9 10
q)t:([]a:1 2;b:3 4)
q)t,:([a:5])
q)t,:([]b:6 7)
q)t
a b
---
1 3
2 4
5  
  6
  7
q)t:([k:`a`b]a:1 2;b:3 4)
q)t,:((`c;5;6);(`d;7;8))
q)t,:([k:`e;a:1;b:3])
q)t
k| a b
-| ---
a| 1 3
b| 2 4
c| 5 6
d| 7 8
e| 1 3
q)t,:([k:`c`d`f]a:10 11 12)
q)t
k| a  b
-| ----
a| 1  3
b| 2  4
c| 10 6
d| 11 8
e| 1  3
f| 12  
q)f:{t:([]a:1 2);t,:3;t}
q)f[]
a
-
1
2
3
q)([a:1;b:2])
a| 1
b| 2
q)([a:1;b:`x`y])
a| 1
b| `x`y
