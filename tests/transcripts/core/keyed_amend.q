Indexed and modified assignment into keyed tables, dictionaries keyed by tables, and plain
tables (assign.md, amend.md, dictsandtables.md). A keyed table is amended by key and column; a
key it lacks is added as a dictionary's is (upsert), its other columns null; a modified
assignment at a new key starts from the operator's identity, as for an undefined name
(assign.md), so counting with d[k]+:1 works. A wrong type into a typed column is 'type. An
indexed assignment in a lambda amends the global of that name unless the name is a local.
(How q shows an empty dictionary keyed by a table is not shown here: unsure.)
q)st:([id:`a1`a2`a3]town:`oslo`rome`kyiv;pop:7 30 21)
q)st[`a2;`town]:`nice
q)st
id| town pop
--| --------
a1| oslo 7  
a2| nice 30 
a3| kyiv 21 
q)st[`a3;`pop]+:100
q)st`a3
town| `kyiv
pop | 121
q)st[`a1;`pop]-:2
q)st[`a1;`pop]
5
q)st[`a1;`pop]:`x
'type
  [0]  st[`a1;`pop]:`x
                   ^
q)st[`a1;`town]:"nice"
'type
  [0]  st[`a1;`town]:"nice"
                    ^
q)st[1;`pop]:0
'type
  [0]  st[1;`pop]:0
                 ^
q)st
id| town pop
--| --------
a1| oslo 5  
a2| nice 30 
a3| kyiv 121
q)st[`a9;`pop]:5
q)st[`a8;`pop]+:4
q)st
id| town pop
--| --------
a1| oslo 5  
a2| nice 30 
a3| kyiv 121
a9|      5  
a8|      4  
q)st`a8
town| `
pop | 4
q)st[`a2]:(`lima;11)
q)st[`a3]:`pop`town!(12;`bonn)
q)st
id| town pop
--| --------
a1| oslo 5  
a2| lima 11 
a3| bonn 12 
a9|      5  
a8|      4  
q)st[`a1]:(`x;1;2)
'length
  [0]  st[`a1]:(`x;1;2)
              ^
q)st[`a1]:`town`size!(`x;1)
'mismatch
  [0]  st[`a1]:`town`size!(`x;1)
              ^
q)st[`a1`a2;`pop]:0
'length
  [0]  st[`a1`a2;`pop]:0
                      ^
q)st[([]id:`a1`a2);`pop]:70 80
q)st[([]id:`a1`a2);`pop]
70 80
q)st[([]id:`a2`a1);`pop]+:1 2
q)st[([]id:`a1`a2);`pop]
72 81
q)1+st[`a2;`pop]+:5
87
q)@[st;`a1;:;(`ulm;1)]
id| town pop
--| --------
a1| ulm  1  
a2| lima 86 
a3| bonn 12 
a9|      5  
a8|      4  
q)@[st;([]id:`a3`a1);{@[x;`pop;neg]}]
id| town pop
--| --------
a1| oslo -72
a2| lima 86 
a3| bonn -12
a9|      5  
a8|      4  
q).[st;(`a3;`pop);*;10]
id| town pop
--| --------
a1| oslo 72 
a2| lima 86 
a3| bonn 120
a9|      5  
a8|      4  
q).[st;(`a3;`pop);:;1.5]
'type
  [0]  .[st;(`a3;`pop);:;1.5]
       ^
q)st[;`pop]:0
q)st
id| town pop
--| --------
a1| oslo 0  
a2| lima 0  
a3| bonn 0  
a9|      0  
a8|      0  
q)cp:([c:1 1 2;p:`x`y`x]q:10 20 30;w:1.5 2.5 3.5)
q)cp[(1;`y);`q]:25
q)cp[(2;`y);`w]:9.5
q)cp
c p| q  w  
---| ------
1 x| 10 1.5
1 y| 25 2.5
2 x| 30 3.5
2 y|    9.5
q)cp[`c`p!(1;`x);`q]*:2
q)cp[`c`p!(1;`x)]
q| 20
w| 1.5
q)cp[(1 2;`x`x);`q]+:1 2
q)cp[(1 2;`x`x);`q]
21 32
q)cp[(`x;1);`q]:0
'type
  [0]  cp[(`x;1);`q]:0
                    ^
q)cp[(1;`x;3)]
'type
  [0]  cp[(1;`x;3)]
       ^
q)bk:([]s:();p:())!()
q)count bk
0
q)bk[`s`p!(`ab;1.5)]+:3
q)bk[`s`p!(`ab;1.5)]+:-1
q)bk[`s`p!(`cd;2.5)]+:4
q)bk
s  p  |  
------| -
ab 1.5| 2
cd 2.5| 4
q)key bk
s  p  
------
ab 1.5
cd 2.5
q)value bk
2 4
q)type bk
99h
q)bk[`s`p!(`ab;1.5)]
2
q)bk[`s`p!(`zz;1.5)]
0N
q)bk[([]s:`cd`ab`zz;p:2.5 1.5 1.5)]
4 2 0N
q)bk[(`ab;1.5)]
2
q)row:`t`s`p`z!(1;`cd;2.5;6)
q)row[`z]:bk[`s`p#row]+:row`z
q)row
t| 1
s| `cd
p| 2.5
z| 10
q)bk
s  p  |   
------| --
ab 1.5| 2 
cd 2.5| 10
q)kd:([]k:1 2 3)!`p`q`r
q)kd
k|  
-| -
1| p
2| q
3| r
q)kd 2
`q
q)kd[enlist 3]
`r
q)kd[([]k:3 1 7)]
`r`p`
q)kd[2]:`z
q)kd[4]:`w
q)kd
k|  
-| -
1| p
2| z
3| r
4| w
q)kd[1]:5
'type
  [0]  kd[1]:5
            ^
q)([]a:1 2)!3 4 5
'length
  [0]  ([]a:1 2)!3 4 5
                ^
q)cnt:()!()
q){cnt[x]+:1} each `a`b`a`a;
q)cnt
a| 3
b| 1
q)bag:()!()
q)bag[`x],:1 2
q)bag[`x],:3
q)bag[`y],:4
q)bag
x| 1 2 3
y| ,4
q)bump:{[d;k]d[k]+:1;d}
q)bump[`a`b!1 2;`c]
a| 1
b| 2
c| 1
q)gl:`a`b!1 2
q){gl[x]:10} `b;
q)gl
a| 1
b| 10
q){gl:5 6;gl[0]:1;gl} 0
1 6
q)gl
a| 1
b| 10
q)tb:([]a:1 2 3;b:`x`y`z)
q)tb[1;`a]:10
q)tb[1;`a]:`q
'type
  [0]  tb[1;`a]:`q
               ^
q)tb[1]:(7;`w)
q)tb[2]:`b`a!(`v;8)
q)tb
a b
---
1 x
7 w
8 v
q)tb[0]:(`w;7)
'type
  [0]  tb[0]:(`w;7)
            ^
q)tb[0]:1 2 3
'length
  [0]  tb[0]:1 2 3
            ^
q)tb[5;`a]:1
'length
  [0]  tb[5;`a]:1
               ^
q)tb[0 2]:([]a:5 6;b:`p`q)
q)tb[1;`a`b]:(0;`k)
q)tb[0 1;`a]+:100
q)tb
a   b
-----
105 p
100 k
6   q
q)tb[`a]:1 2
'length
  [0]  tb[`a]:1 2
             ^
q)tb[`c]:"abc"
q)tb
a   b c
-------
105 p a
100 k b
6   q c
q)@[tb;1;:;(9;`n;"N")]
a   b c
-------
105 p a
9   n N
6   q c
q).[tb;(2;`b);:;`m]
a   b c
-------
105 p a
100 k b
6   m c
q)@[tb;0 1;{@[x;`a;neg]}]
a    b c
--------
-105 p a
-100 k b
6    q c
q)gv:1 2 3
q){gv::10 20 30;gv[0]:x;gv} 7
7 20 30
q)gv
7 20 30
q)tb[`a]:`v`w`u!1 2 3
'type
  [0]  tb[`a]:`v`w`u!1 2 3
             ^
q)d2:`a`b!(0;`z)
q)d2[`a`b]:([]x:1 2;y:`p`q)
q)d2`b
x| 2
y| `q
q)lim:enlist[`]!enlist(0#`)!0#0N
q)lim[`bid;`aud]:7;lim[`bid;`cad]:8;lim[`ask;`aud]:9
q)lim
   | (`symbol$())!`long$()
bid| `aud`cad!7 8
ask| (,`aud)!,9
q)lim[`bid;`cad`aud]
8 7
q)enlist(0#`)!0#0.
,(`symbol$())!`float$()
q)ck:([c:1 2;p:`x`y]q:10 20)
q)ck[([]c:2 3;p:`y`z)]:([]q:200 300)
q)ck
c p| q  
---| ---
1 x| 10 
2 y| 200
3 z| 300
q)@[`ck;(1;`x);:;enlist 100]
`ck
q).[`ck;((3;`z);`q);+;1]
`ck
q)ck
c p| q  
---| ---
1 x| 100
2 y| 200
3 z| 301
q)ck[(1 3;`x`z);`q]
100 301
q)grp:group ([]a:1 1 2)
q)grp[(enlist`a)!enlist 3],:9
q)grp[(enlist`a)!enlist 1],:7
q)grp
a|      
-| -----
1| 0 1 7
2| ,2   
3| ,9   
q)dom:`u`v`w
q)ek:([k:`dom$`u`w]n:1 2)
q)ek[`w;`n]+:10
q)ek[`dom$`v;`n]:5
q)ek
k| n 
-| --
u| 1 
w| 12
v| 5 
q)ek`v
n| 5
q)fk:([f:1.5 0n;d:2024.01.02 0Nd]n:1 2)
q)fk[(0n;0Nd);`n]*:7
q)fk[(1.5;2024.01.02)]
n| 1
q)fk
f   d         | n 
--------------| --
1.5 2024.01.02| 1 
              | 14
q)v:value {b:1;cnt[x]+:1;b[0]:2};(v 2;v 3)
,`b
``cnt
q)book:enlist[`]!enlist(::)
q){book[x`sym]^:`mm xkey enlist x _`sym} each ([]sym:`a`b`a;mm:`m1`m2`m2;bid:1 2 3.);
q){book[x`sym]^:`mm xkey enlist x _`sym} each ([]sym:`a`a;mm:`m1`m3;bid:0n 9.);
q)book`a
mm| bid
--| ---
m1| 1  
m2| 3  
m3| 9  
q)sz:([]s:`a`b`c;p:1 2 3.)!5 0 7
q)where sz>4
s p
---
a 1
c 3
q)sz?7
s| `c
p| 3f
q)iasc sz
s p
---
b 2
a 1
c 3
q)sz,([]s:`c`d;p:3 4.)!70 80
s p|   
---| --
a 1| 5 
b 2| 0 
c 3| 70
d 4| 80
q)([]s:`a;p:1.)?sz
'type
  [0]  ([]s:`a;p:1.)?sz
                    ^
