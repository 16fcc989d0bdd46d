Gaps in q's documented basics (debug.md, views.md, file-binary.md, application.md, precision.md).
floor and ceiling of floats are exact since V3.0 (floor.md, ceiling.md, precision.md: the
tolerant results shown there are those of q before 3.0). `*` in 1:'s types reads w bytes as a
string, quotes and all (file-binary.md). After a console error, .z.ex and .z.ey are the
primitive that failed and its arguments: debug.md shows them in the suspended session q opens
there; ktwa does not suspend and keeps them until the next such error (that q keeps them after
the debugger is left is our reading, not documented; .z.ey as the list of arguments follows
debug.md's `6`/`"he"`). A view that reads itself while it is computed is its previous value,
'loop when it has none (views.md); its calculation shows as a frame of its own `v::e` (debug.md,
"Context"; the caret placement within it is ours). A keyed table with two key columns indexed
by a vector of two atoms is the value at that one key (application.md: kt`Jack`London).
mod with a temporal operand follows mod.md's table of result types (t mod j is a time, d mod j
an int, p mod j a timespan, a number mod a temporal that temporal). A table literal's unnamed
column that assigns a name inside (`long$amount:()) is named by it (faq.md).
-8! of a lambda is type 100, its namespace and its text (serialization.md), and -9! makes it
again in that namespace; a sorted table's attribute byte is 1, a sorted keyed table type 127.
errors.md's examples: a list past 2^40-1 items is 'limit (0W 2#1 no longer runs for ever), a
key-value read with a key type other than I J S is 'IJS, upserting into a sorted dictionary by
name is 'step (a plain one is joined, as upsert is .[;();,;]).
`select distinct` is the query's unique rows (select.md; parse gives b 1b as funsql.md's
?[t;c;1b;a]); with a by phrase it is 'nyi (not documented). A `.` right after `)` is Apply
((!).flip tups, the python examples' dict page); a dotted name there is a name ((b).z.s/:x). A number sought in numbers of another type is
found by value (the python examples' list page: a long in sums of booleans); in.md's rule that
vectors of mixed types are 'type for in is unchanged.
A table's or dictionary's column is as wide as its widest cell in bytes, as q counts text
(kb/unicode.md: a column of 蘋果 is 6 wide). A character q does not read is 'char (errors.md:
value "\000").
parse refuses a glyph applied prefix (parsetrees.md: +d is '+), its error showing the parsed
text with a caret and then parse's own frame (.q.parse), as debug.md's .Q.trp example prints.
q)floor 2 - 10 xexp -12 -13
1 1
q)ceiling 2 + 10 xexp -12 -13
3 3
q)floor 1 0.99999999999989997
1 0
q)floor 2009.10.03T13:08:00.222
'type
  [0]  floor 2009.10.03T13:08:00.222
       ^
q)("**";4 4)1:"abcd\"ef\""
"abcd"  
"\"ef\""
q)("*hc";3 2 1)1:0x6162220100417879220200420a
"ab\"" "xy\""
1      2     
A      B     
q)(enlist"*";enlist 3)1:"abcdef"
"abc" "def"
q)(2 1;"*c")1:"xyzwv!"
"xy" "wv"
z    !   
q)f:{g[x;2#y]}
q)g:{a:x*2;a+y}
q)f[3;"hello"]
'type
  [2]  g:{a:x*2;a+y}
                 ^
  [1]  f:{g[x;2#y]}
          ^
  [0]  f[3;"hello"]
       ^
q).z.ex
+
q).z.ey
6
"he"
q)1 2+3 4 5
'length
  [0]  1 2+3 4 5
          ^
q).z.ex
+
q).z.ey
1 2
3 4 5
q)til `a
'type
  [0]  til `a
       ^
q).z.ex
til
q).z.ey
,`a
q)nosuchname+1
'nosuchname
  [0]  nosuchname+1
                 ^
q).z.ex
til
q){.z.s}[]
{.z.s}
q)fact:{$[x<2;1;x*.z.s x-1]}
q)fact 6
720
q)h:{`hello+x}
q).Q.trp[h;2;{-1 "error: ",x;-1 .Q.sbt y;0N}]
error: type
  [2]  h:{`hello+x}
                ^
  [1]  (.Q.trp)

  [0]  .Q.trp[h;2;{-1 "error: ",x;-1 .Q.sbt y;0N}]
       ^

0N
q).Q.trp[h;`a;{count y}]
3
q)v::$[b;1;v+1]
q)b:1;0N!v;b:0;v
1
2
q)v
2
q)v::$[b;1;v+1]
q)v
'loop
  [1]  v::$[b;1;v+1]
                 ^
  [0]  v
       ^
q)p::q+1
q)q::p+1
q)p
'loop
  [2]  q::p+1
           ^
  [1]  p::q+1
           ^
  [0]  p
       ^
q)w::1+`a
q)w
'type
  [1]  w::1+`a
           ^
  [0]  w
       ^
q)now:.z.p
q)now1::now
q)now1.date
'nyi
  [0]  now1.date
       ^
q)kt:([name:`Tom`Jo`Tom;city:`NYC`LA`Lagos]eye:`green`blue`brown;sex:`m`f`m)
q)kt `Jo`LA
eye| blue
sex| f
q)kt (`Tom;`Lagos)
eye| brown
sex| m
q)kt `Jack`London
eye| 
sex| 
q)kt[`Tom`NYC;`sex]
`m
q)kt ([]name:`Tom`Jo;city:`NYC`LA)
eye   sex
---------
green m  
blue  f  
q)09:10:52.139 mod 1000
00:00:00.139
q)2000.01.05 mod 3 4 0N
1 0 0Ni
q)2000.01.01D00:00:07 0Np mod 5
0D00:00:00.000000000 0N
q)3 mod 12:00:00
00:00:03
q)7 mod 0Nt
0Nt
q)3.5 mod 2000.01.03
2000.01.02T12:00:00.000
q)"a" mod 12:00
01:37
q)2000.01.01 mod 2000.01.02
'type
  [0]  2000.01.01 mod 2000.01.02
                  ^
q)meta trade:([] stock:`$(); price:`float$(); `long$amount:(); `time$time:())
c     | t f a
------| -----
stock | s    
price | f    
amount| j    
time  | t    
q)-8!{x+y}
0x010000001500000064000a00050000007b782b797d
q)\d .d
q)test:{x*y}
q)\d .
q)-8!.d.test
0x01000000160000006464000a00050000007b782a797d
q)f:-9!-8!.d.test
q)f[6;7]
42
q)g:{ofs+x}
q)ofs:10
q)(-9!-8!g) 5
15
q)-8!`s#([]a:enlist 2i;b:enlist 3i)
0x010000002f0000006201630b000200000061006200000002000000060301000000020000000..
q)-8!`s#([a:enlist 2i]b:enlist 3i)
0x010000003f0000007f6201630b0001000000610000000100000006000100000002000000620..
q)attr key -9!-8!`s#([a:1 2]b:3 4)
`s
q)0W#2
'limit
  [0]  0W#2
         ^
q)0W 2#1
'limit
  [0]  0W 2#1
           ^
q)"D=\001"0:"0=hello\0011=world"
'IJS
  [0]  "D=\001"0:"0=hello\0011=world"
               ^
q)d:`s#`a`b!1 2;`d upsert `c`d!3 4
'step
  [0]  d:`s#`a`b!1 2;`d upsert `c`d!3 4
                        ^
q)e:`a`b!1 2
q)`e upsert `c`a!3 4
`e
q)e
a| 4
b| 2
c| 3
q)(`a`b!1 2) upsert `b`z!7 8
a| 1
b| 7
z| 8
q)tr:([]s:`a`b`a`c`a;q:1 2 1 3 1)
q)select distinct from tr
s q
---
a 1
b 2
c 3
q)select distinct s from tr where q<3
s
-
a
b
q)select distinct s,q from tr
s q
---
a 1
b 2
c 3
q)parse "select distinct s from tr"
?
`tr
()
1b
(,`s)!,`s
q)select distinct:s from tr where q=3
distinct
--------
c       
q)tups:(("akash";10);("gaurav";12))
q)(!).flip tups
"akash" | 10
"gaurav"| 12
q)pow:{[b;e]$[e=0;1;b*first(b).z.s/:enlist e-1]}
q)pow[2;10]
1024
q)1 1 2i?2
2
q)1 2 3f?2
1
q)1 0N 3i?0N
1
q)lst:("can";"you";"can";"a")
q)lst (til count lst) except (sums lst~\:"can")?1
"you"
"can"
"a"
q)t:([]sym:`apples`bananas;name:`$("蘋果";"香蕉"))
q)select sym,name from t
sym     name  
--------------
apples  蘋果
bananas 香蕉
q)(`$("蘋果";"ab"))!1 2
蘋果| 1
ab    | 2
q)@[value;`char$50 0 43 0 51 0;{x}]
"char"
q)parse "+2"
'+
  [2]  +2
       ^
  [1]  (.q.parse)
  [0]  parse "+2"
       ^
q).Q.trp[parse;"2+2;+2";{1@.Q.sbt 2#y;`done}]
  [3]  2+2;+2
           ^
  [2]  (.q.parse)

`done
q)parse "-x"
-:
`x
q)parse "select[2;>q] from tr"
?
`tr
()
0b
()
2
,(>:;`q)
