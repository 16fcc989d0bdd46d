Behaviours the code of Nick Psaris's "Q Tips" (util, stat, sim, timer, log, md, opt, net,
prof) needs, in small examples of our own. Where q's output is uncertain it is said below.
- temporal mod: mod.md's domain table (a date mod a long is an int: the weekday index)
- temporal fill with a number: fill.md's domain table (0^ a timespan fills 0D00, as pj does)
- functional exec grouped by a dictionary with a parse tree; names in a functional query's
  parse tree find the calling lambda's locals (qsql.md's name order; Q Tips' pivot relies on
  it, q's reference documents it only for qSQL templates)
- take with a table from a dictionary keyed by a table (group's)
- find/in on a table with a record of atoms (a one-column table's record may be one atom)
- upsert is .[;();,;]: a dictionary, a list, a namespace (`. upsert d defines globals)
- an upsert that updates a keyed table's row keeps its key's attribute
- x y\z with a float atom y (ema's idiom), and an integer x
- a numeric strand goes on over a line break onto an indented number (undocumented; Q Tips'
  stat.q writes coefficient vectors so and its results depend on it)
- (KX's ml) a built-in given fewer arguments than its form takes projects (@[;1;:]); a
  train closed by :: composes when its last term is the generic null (the identity); .j.k
  reads inf and -inf; a dotted name inside a namespace is that namespace's dictionary, and
  indexed assignment into it defines its entries
- (KX's ml tests) a table literal's unnamed columns are x, x1, x2 ...; flip turns a
  dictionary of dictionaries inside out; a table's row is a vector when its values are atoms
  of one type; a dictionary whose keys are lists is looked up by find's depth rule; a
  negative do count applies nothing (combs[n;0])
q)2024.03.04 mod 7
2i
q)(2024.03.02+til 4) mod 7
0 1 2 3i
q){x where 1<x mod 7} 2024.03.01+til 5
2024.03.01 2024.03.04 2024.03.05
q)12:00 mod 7
00:06
q)2000.01.01D00:00:00.000000010 mod 3
0D00:00:00.000000001
q)2000.01.02T12:00 mod 1
0.5
q)09:30:00 mod 60
00:00:00
q)0D00:00:00.000000005 0Nn mod 2
0D00:00:00.000000001 0N
q)0^0D00:00:01 0Nn
0D00:00:01.000000000 0D00:00:00.000000000
q)3^0N 2024.03.04
2000.01.04 2024.03.04
q)2024.03.04^1 0N
2000.01.02 2024.03.04
q)`a^0Nd
'type
  [0]  `a^0Nd
         ^
q)t:([]d:2024.03.04 2024.03.04 2024.03.05;s:`x`y`x;v:10 20 30f)
q)value ?[t;();(enlist`d)!enlist`d;(sum;`v)]
30 30f
q)key ?[t;();(enlist`d)!enlist`d;(sum;`v)]
d         
----------
2024.03.04
2024.03.05
q)value ?[t;();(enlist`d)!enlist`d;(!;`s;`v)]
`x`y!10 20f
(,`x)!,30f
q)?[t;();(enlist`d)!enlist`d;(#;enlist`x`y;(!;`s;`v))]
d         | x  y 
----------| -----
2024.03.04| 10 20
2024.03.05| 30   
q)eval parse "exec `x`y#s!v by d:d from t"
d         | x  y 
----------| -----
2024.03.04| 10 20
2024.03.05| 30   
q)f:{[t;k] w:k*10; ?[t;();0b;`s`w!(`s;(*;`v;`w))]}
q)f[t;2]
s w  
-----
x 200
y 400
x 600
q)g:{[t] n:2; ?[t;enlist(>;`v;(*;`n;`n));();`v]}
q)g t
10 20 30f
q)p:group ([]d:t`d)
q)value (asc key p)#p
0 1
,2
q)-3!([]d:enlist 2024.03.05)#p
"(+(,`d)!,,2024.03.05)!,,2"
q)1 in ([]id:1 2)
1b
q)3 in ([]id:1 2)
0b
q)([]id:1 2;v:`a`b)?(2;`b)
1
q)([]id:1 2;v:`a`b)?3 4
2
q)([]id:1 2)?([]id:2 3)
1 2
q)d:`a`b!1 2
q)`d upsert `c`a!3 4
`d
q)d
a| 4
b| 2
c| 3
q)1 2 upsert 3
1 2 3
q)`. upsert (enlist`qq)!enlist 42
`.
q)qq
42
q)@[`.;`qq;+;1]
`.
q)qq
43
q)\d .nsx
q)a:1
q)\d .
q).[`.nsx;();,;(enlist`b)!enlist 2]
`.nsx
q).nsx.b
2
q).nsx
 | ::
a| 1
b| 2
q)kt:([id:`u#0 1]v:1 2f)
q)`kt upsert `id`v!(0;5f)
`kt
q)attr exec id from key kt
`u
q)kt
id| v
--| -
0 | 5
1 | 2
q)1f (.5)\1 2 3f
1.5 2.75 4.375
q)1 (.5 .5 .5)\1 2 3
1.5 2.75 4.375
q)0 (.9)\.1*til 5
0 0.1 0.29 0.561 0.9049
q)first[y](1f-.5)\.5*y:1 2 3 4f
1 1.5 2.25 3.125
q){first[y](1-x)\x*y}[.5;1 2 3 4f]~.5 ema 1 2 3 4f
1b
q)value "{a:1 2\n   3 4;a}[]"
1 2 3 4
q)value "{a:1.5 -2\n  -3 4;a}[]"
1.5 -2 -3 4
q)value "(1 2\n `a)"
1 2
`a
q)value "{b:\"xy\"\n  1 0;b}[]"
"yx"
q)@[;1;:][10 20 30;99]
10 99 30
q)f:{x+1} {x}[::]::
q)f 3
4
q)g:(neg) get[""]::
q)g 4
-4
q)1 2 3 ::
1 2 3
q).j.k "[1,null,inf,-inf]"
1 0n 0w -0w
q).j.k "{\"inf\":\"-inf\",\"w\":-inf}"
inf| "-inf"
w  | -0w
q).j.k .j.j 2 0w -0w
2 0w -0w
q)\d .mlx
q)i.part.a:{1}
q)i.part[`b`c]:{2}
q)\d .
q)key .mlx.i.part
``a`b`c
q).mlx.i.part.c[]
2
q)cols ([]`a`b;10b)
`x`x1
q)cols ([]1 2;3 4;5 6)
`x`x1`x2
q)d:`x`y!([]a:1 2;b:`p`q)
q)-3!flip d
"`a`b!+`x`y!((1;`p);(2;`q))"
q)(flip flip d)~d
1b
q)-3!(enlist `a`b!1 5) 0
"`a`b!1 5"
q)r:(enlist[`m]!enlist `a`b!1 5),enlist[`f]!enlist {x}
q)-3!r`m
"`a`b!1 5"
q)k:(0 0 1;1 0 1)!10 20
q)k (1 0 0;0 0 1)
0N 10
q)k 1 0 1
20
q)k 1 1 1
0N
q)s:("ab";"cd")!1 2
q)s ("cd";"xy")
2 0N
q)s "xy"
0N
q)-1 {x+1}/ 5
5
q)0 {x+1}\ 5
,5
