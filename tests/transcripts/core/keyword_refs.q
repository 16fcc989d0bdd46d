Core keywords as the q reference documents them (apply, maps, exec, lsq, bin, xgroup, ...):
cases written here in our own values. An iterator's data operand applied to one argument is a
keyword: `x/:` is `x sv`, `x\:` is `x vs` (maps page). `exec ... by 0b` is q's functional
b of 0b, no grouping: a table (exec page); with one unnamed column we give a one-column table
too (the page does not show that case: unsure). Tables bin by rows (bin.md); binr on tables
is not documented: 'nyi. `~` is tolerant of float rounding (match.md); lsq solves the normal
equations (lsq.md). A table cell holding a short, int, real or float vector shows bare (deltas.md
shows int signums so; we are unsure q does it for every such type). In a parenthesis, a line
break separates items as `;` does (amend.md defines a 3-item list over three lines). xexp is
exp y*log x, as exp.md says q computes it, but 0 xexp 0 is 1 (lsq.md's polynomial fit needs it).
q)("-"/:)("ab";"cd";"e")
"ab-cd-e"
q)"/"/:("usr";"lib")
"usr/lib"
q)(10\:)1234
1 2 3 4
q)(2/:)1 1 0
6
q)(0x0\:)1i
0x00000001
q)k:("xy";"zw")
q)1 0 k/:0 1
"zx"
"wy"
q)u:([]n:10 20 30;c:`p`q`p)
q)exec n, c by 0b from u
n  c
----
10 p
20 q
30 p
q)exec sum n by 0b from u where c=`p
n 
--
40
q)parse "exec n by 0b from u"
?
`u
()
0b
(,`n)!,`n
q)w:([]s:`x`x`x`y`y;v:1 5 9 2 6)
q)w bin `s`v!(`x;6)
1
q)w bin (`y;7)
4
q)w bin ([]s:`y`x`z;v:1 0 3)
0N 0N 0N
q)w bin ([]s:`x`y;v:5 2)
1 3
q)kw:([id:`m`n`o`p]s:`x`x`y`y;v:1 5 2 6)
q)kw bin ([]s:`x`y`y;v:4 6 1)
id
--
m 
p 
  
q)w binr (`x;6)
'nyi
  [0]  w binr (`x;6)
         ^
q)3.0~3.0+1e-14
1b
q)3.0~3.0+1e-11
0b
q)(2 4.0;`a)~(2 4.0+1e-15;`a)
1b
q)0.0~1e-300
0b
q)g:2 3#1 4 2 0 3 1f
q)h:(2 0 1 5 3 1f;1 1 0 2 4 3f)
q)x:(1 10 4f;3 9 5f)
q)r:x lsq g
q)r
1 2 
3 -1
q)x~r mmu g
1b
q)e:(1 0 0f;0 0 1f)-((1 0 0f;0 0 1f) lsq g) mmu g
q)all 1e-12>abs raze e mmu flip g
1b
q)0<sum raze e*e
1b
q)count each (3 6#1 2 0 4 1 1 0 1 2 2 0 3 5 5 1 0 2 2f) lsq h
2 2 2
q)1 2 3f lsq g
'rank
  [0]  1 2 3f lsq g
              ^
q)(1 2 3f;4 5 6f) lsq (1 2 3f;2 4 6f)
'domain
  [0]  (1 2 3f;4 5 6f) lsq (1 2 3f;2 4 6f)
                       ^
q)@[;"ab";{x}] each (#)@'(2 0 1;1 1 0N;-2 1 1)
"domain"
"domain"
"domain"
q)count each 2 1 0#"xy"
1 1
q)3 4 5. in 4
010b
q)3 4 5. in enlist 5i
001b
q)3 4 5. in 4 5
'type
  [0]  3 4 5. in 4 5
              ^
q)3 4 5 in 4 5
011b
q)dm:``k
q)null `dm$`
0b
q)null `dm$```k
000b
q)`=`dm$```k
110b
q)null ([]e:`dm$``k;s:``k)
e s
---
0 1
0 0
q)0n 4 5i
0N 4 5i
q)type 0n 4 0w 5h
5h
q)7^0n 4 5i
7 4 5
q)type 0n 4 0w
9h
q)tk:([]a:`x`y`z;b:1 2 3)
q)tk?(`y;2)
1
q)tk?(`y;3)
3
q)tk?`a`b!(`z;3)
2
q)([]k:`a`b;v:(1 -1 0i;2 3i))
k v     
--------
a 1 -1 0
b 2 3   
q)([]v:(enlist 4i;1.5 2f))
v    
-----
,4i  
1.5 2
q)(`p`q!1 2)-`q`r!10 20
p| 1
q| -8
r| -20
q)(`p`q!1 2)%`q`r!10 20
p| 1
q| 0.2
r| 20
q)v:10 20 30
q)1+v[1]+:5
26
q)v
10 25 30
q)v[0 2]*:2
q)2+v[0 2]-:1
21 61
q)w:`a`b!3 4
q)w[`b]-:1
q)10*w[`a`b]+:1
40 40
q)(5 1 9;"kaz") within ((2;"b");(8;"y"))
100b
100b
q)(5 1 9;"kaz") within (0 1 2;9)
'length
  [0]  (5 1 9;"kaz") within (0 1 2;9)
                     ^
q)(`p`q!(4 5 6;`m`n)) inter `r`s`t!(1 2;4 5 6;`m`n)
4 5 6
`m`n
q)nb,:7
q)nb
,7
q)nb,:8
q)nb
7 8
q)nc+:1
q)nc
1
q)value "(1 2\n `a\n \"b\")"
1 2
`a
"b"
q)value "(1 2;\n 3 4\n )"
1 2
3 4
q)value "([k:`a`b]\n v:1 2)"
k| v
-| -
a| 1
b| 2
q)-3 3 xexp 2
0n 9
q)\P 0
q)2 xexp 3
7.9999999999999982
q)3 xexp 2
9.0000000000000018
q)\P 7
q)meta `s#([]d:1 1 4;x:`c`a`b)
c| t f a
-| -----
d| j   p
x| s    
q)`s#([]d:3 1)
's-fail
  [0]  `s#([]d:3 1)
         ^
q)`g#([]d:3 1)
'nyi
  [0]  `g#([]d:3 1)
         ^
q)(`p`q!1 2) except 1
'type
  [0]  (`p`q!1 2) except 1
                  ^
q)/ -n?`k deals n distinct symbols of k letters a to p (deal.md); 16 of one letter at most
q)count distinct -256?`2
256
q)all (count each string -5?`4)=4
1b
q)all raze[string -40?`3] within "ap"
1b
q)-17?`1
'length
  [0]  -17?`1
          ^
q)/ keys!table: a dictionary whose values are a table's records (a list beside a table)
q)d:1 2!([]a:3 4)
q)d 2
a| 4
q)value d
a
-
3
4
q)1 2 3!([]a:3 4)
'length
  [0]  1 2 3!([]a:3 4)
            ^
q)/ update `g#sym from t sets sym's attribute (the idiom real scripts use); the column keeps its name
q)ta:([]sym:`b`a`b;v:1 2 3)
q)meta update `g#sym from ta
c  | t f a
---| -----
sym| s   g
v  | j    
q)meta update `s#v from ta
c  | t f a
---| -----
sym| s    
v  | j   s
q)select 2*v from ta
x
-
2
4
6
