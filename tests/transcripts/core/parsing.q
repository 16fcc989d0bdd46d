Parsing and evaluation: right to left, juxtaposition, bracket application, elision and
projection, list notation, lambdas, return/signal, Cond, control words, assignment
(q-core.md §3).
q)2 3 * 4 5 - 6 7
-4 -6
q)count first (2 3 4;5 6)
3
q)7 * 2 + 4
42
q)2*3+4
14
q)x: 10
q)(x + 5; x: 20; x - 5)
25 20 5
q)x
20
q)a:1
q){x,y}[a;a:5]
5 5
q)"abcdef" 1 0 3
"bad"
q)(1; "a"; 3.5; `xyz) 2
3.5
q){x+y}[1;2]
3
q)type {x+y}(1;2)
104h
q){x+y}[1] 2
3
q)+[2;3]
5
q)(+) . 2 3
5
q)(2*) 3
6
q)(+/) 1 2 3
6
q)halve:%[;2]
q)halve til 5
0 0.5 1 1.5 2
q)f:{x+y*z}
q)g:f[2;;4]
q)g 3
14
q)f[2;3;4]
14
q)f[2][3;4]
14
q)f[;3;4] 2
14
q){1}[]
1
q){x}[]
q)u:{x+y}
q)c:{x*10}
q)u[1]c 2
21
q)(1;2;3)
1 2 3
q)count (1;;3)
1
q)(1;;3) 2
1 2 3
q)("the";;;"fox") . ("quick";"brown")
"the"
"quick"
"brown"
"fox"
q)()
()
q)count ()
0
q)(1)
1
q)f:{a:6;b:7;:a*b;c::98}
q)f 0
42
q){x*x} 3
9
q){[a;b] a-b}[10;3]
7
q){y}[1;2]
2
q){x+y+z}[1;2;3]
6
q){:x+1; 99}[1]
2
q){x+1;}[1]
q)type {x+1;}[1]
101h
q){[a] a*2} 21
42
q)glob:100
q){glob:5; {glob}[]}[]
100
q){[f] f 2}[{x*3}]
6
q)$[1b;`a;`b]
`a
q)$[0b;`a;`b]
`b
q)$[0;`a;`b]
`b
q)$[2;`a;`b]
`a
q)$[0b;1;0b;2;3]
3
q)$[0b;1;1b;2;3]
2
q)$[0b;`true;0b;`foo]~(::)
1b
q)$[0b;`true;0b;`foo]
q)n:3
q)$[n=1;`one;n=3;`three;`other]
`three
q)$[1b;1;undefinedname]
1
q)r:1 1
q)x:10
q)while[x-:1;r,:sum -2#r]
q)r
1 1 2 3 5 8 13 21 34 55 89
q)n:0
q)do[5;n+:2]
q)n
10
q)if[n>5;n:100;n+:1]
q)n
101
q)if[0b;n:0]
q)n
101
q)3+a:til 5
3 4 5 6 7
q)a
0 1 2 3 4
q)a:1
q)h:{a::x*2;}
q)h 21
q)a
42
q){a:1; a::2; a}[]
2
q)a
42
q)l:1 2 3
q)l,:4
q)l
1 2 3 4
q)l,:5 6
q)l
1 2 3 4 5 6
q)i:0
q)i+:1
q)i
1
q)i-:5
q)i
-4
q)r:10 20 30 40
q)r@:2
q)r
30
q)k:10 20 30 40
q)k@:1 3
q)k
20 40
q)d:`a`b!(1 2 3;4 5 6)
q)d[`a;0]:5
q)d
a| 5 2 3
b| 4 5 6
q)d[`c]:7 8 9
q)d
a| 5 2 3
b| 4 5 6
c| 7 8 9
q)d:`mean`std!0 0f
q)d[`mean`std]:(1.5;2.5)
q)d
mean| 1.5
std | 2.5
q)l:1 2 3
q)l[1]:20
q)l
1 20 3
q)s:(1;2f;3)
q)s[1]:4
q)s
1 4 3
q)s:("the";"quick";"brown";"fox")
q)s[1 2],:("er";"ish")
q)s
"the"
"quicker"
"brownish"
"fox"
q)m:(1 2 3;4 5 6)
q)m[1;2]:9
q)m
1 2 3
4 5 9
q)m[;1]
2 5
q)m[1;]
4 5 9
q)m[0 1;0]
1 4
q)m[1]
4 5 9
q)D:`X`Y!(1 2;3 4)
q)D.Y
3 4
q)D.X
1 2
q)D`X
1 2
q)D[`Y]
3 4
q)tb:([]c:1 2 3)
q)tb.c
1 2 3
q)r:{(k+1)!.0002|.5*x*1+cos acos[-1]*(k:til y)%y}[.01]50
q)count r
50
q)type key r
7h
q)type value r
9h
q)first key r
1
q)last key r
50
q)r 1
0.01
q)r 2
0.009990134
q)r 26
0.005
q)r 50
0.0002
q)acos[-1]
3.141593
q)/ select[n] and select[n;<c] parse to the functional form with n (and the order) after the columns (funsql.md)
q)parse"select[3;>qty] from stock"
?
`stock
()
0b
()
3
,(>:;`qty)
q)parse"select[1 2] from stock"
?
`stock
()
0b
()
1 2
q)stock:([]qty:5 9 7)
q)eval parse"select[-2] from stock"
qty
---
9  
7  
