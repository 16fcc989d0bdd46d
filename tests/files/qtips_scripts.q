A lambda read from a script knows its file and line (value.md's f and l, the 3 items before
its source: the full path and the line of its `{`; "" and -1 when typed): KX's ml finds its
own folder from (-3#get .z.s)0. A numeric strand over an indented line break is one vector
(Q Tips' stat.q coefficient vectors). A file q wrote with set for a dictionary or a general
list (0xff01, then the value as -8! lays it out; KX's ml keeps its test data so) reads back.
q)`:lam.q 0: ("\\d .lib";"top:{x}";"";"nest:{[a]";"  in:{y};";"  in}";"coef:{";"  c:1.5 -2 3";"    4 5;";"  c}";"\\d .")
`:lam.q
q)\l lam.q
q)((-3#get .lib.top)0) like "*/lam.q"
1b
q)1_-3#get .lib.top
2
"{x}"
q)1_-3#get .lib.nest[]
5
"{y}"
q).lib.coef[]
1.5 -2 3 4 5
q)-3#get {x}
""
-1
"{x}"
q)`:here.q 0: enlist "dir:{\"/\"sv -1_\"/\"vs(-3#get .z.s)0}`"
`:here.q
q)\l here.q
q)dir~system"cd"
1b
q)`:qd 1: 0xff01,8_-8!`a`b!(1 2f;`x)
`:qd
q)get `:qd
a| 1 2f
b| `x
q)`:ql 1: 0xff01,8_-8!(1;"ab";`c)
`:ql
q)get `:ql
1
"ab"
`c
