Idioms from a pure-q machine-learning library: trains closed by a trailing ::, compositions
that keep the rank of their last function, blocks inside $[...], dictionaries keyed by
strings, converge over float vectors, lists of functions indexed at depth, and ` sv on a bare
file handle. Values are worked out by hand from the q reference (compose.md, identity.md,
cond.md, find.md, accumulators.md, sv.md).
q)nrm:sum abs::
q)nrm -3 1 -2
6
q)dst:nrm (-)::
q)dst[1 5 2;4 1 2]
7
q)sg:1f%1f+exp neg::
q)sg 0 0
0.5 0.5
q)half:1f-(%)::
q)half[1 3f;2 4f]
0.5 0.25
q)7 8 ::
7 8
q)neg 7 8 ::
-7 -8
q)top:first desc {x+y}::
q)p:top[10]
q)p 1 5 3
15
q)top[1 2;30 40]
42
q)$[1b;`yes;[a:2;a*3]]
`yes
q)$[0b;`yes;[a:2;a*3]]
6
q)a
2
q)[b:5;b+1]
6
q)xs:til 4
q)xs [2]
2
q)m:(enlist "")!enlist ""
q)m["\303\251"]:"e"
q)m["oe"]:"ö"
q)count m
3
q)m "oe"
"\303\266"
q)key m
""
"\303\251"
"oe"
q)d:("ab";"cd")!10 20
q)d["ef"]:30
q)d
"ab"| 10
"cd"| 20
"ef"| 30
q)d["ab"]+:1
q)d "ab"
11
q)step:{x-.5*x-3 7f}
q)r:step over 0 0f
q)r~3 7f
1b
q)n:0
q)grow:{n+:1;x*1+1e-15*1000>n}
q)r:grow over enlist 1 2f
q)n
1
q)r~enlist 1 2f
1b
q)fs:{x+y}[1],()
q)fs[;10]
,11
q)pairs:enlist {(x*;x+)}
q)pairs[;4][;1][;10]
,14
q)` sv `:,`lib.q
`:/lib.q
q)` sv `:dir`lib.q
`:dir/lib.q
q)dom:`a`b`c
q)e:`dom?`b`c
q)(10 20 30 40) e
20 30
q)m:3 3#0
q)m . (e 0;e 1)
0
q).[m;(e 0;e 1);:;7]
0 0 0
0 0 7
0 0 0
q)./[3 3#0f;flip (e;e);:;5 6f]
0 0 0
0 5 0
0 0 6
q)type each flip (e;e)
20 20h
q)(`dom!1 0)~`dom$`b`a
1b
q)system "g"
0i
q)`:/tmp/ktwa_funq_ns.q 0: ("\\d .lib";"f:{x+1}")
`:/tmp/ktwa_funq_ns.q
q)\l /tmp/ktwa_funq_ns.q
q)\d
`.
q).lib.f 1
2
q)en:{x wsum x} (-)::
q)dx:en 1 2f
q)dx 0 0f
5f
q)G:((1 2f;3 4f);(5 6f;7 8f))
q)(avg '')G
1.5 3.5
5.5 7.5
q)prev[0f;1 2 3f]
0 1 2f
q)prev[`s;`a`b]
`s`a
q)opts:(`depth`leaf!(0N;::)),()
q)opts`depth
0N
q)((),`a`b!1 2)`b
2
q)s:enlist "ab"
q)s,:()
q)s
,"ab"
q)ns.t:([]a:1 2;b:3 4)
q)ns.t.b
3 4
q)cat:`u`v`w
q)t:([]a:1 0 2;b:3 4 5)
q)cols update `cat!a from t
`a`b
q)update `cat!a from t
a b
---
v 3
u 4
w 5
q)meta update "e"$b from t
c| t f a
-| -----
a| j    
b| e    
q)cols select 2*b from t
,`x
q)raze enlist `a`b!1 2
a| 1
b| 2
q)plus:{x+y}\:/:
q)p:plus[1 2]
q)p 10 20
11 12
21 22
q){x+y}/:[1] 2 3
3 4
q)u:([]g:`a`b`a`b;s:1 5 3 2)
q)select[>([](avg;s) fby g;s)] from u
g s
---
b 5
b 2
a 3
a 1
q)select[<neg s] from u
g s
---
b 5
a 3
b 2
a 1
q)rows:`r`s!(`a`b!1 2;`a`b!3 4)
q)type rows
99h
q)rows.r
a| 1
b| 2
q)rows.s.b
4
q)wq.x:0
q)wq,:rows
q)type wq.r
99h
q)wq.s.a
3
