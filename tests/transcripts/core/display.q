Console display (q-core.md §5): atoms and suffixes, \P, vectors, 1-item and empty lists,
general/nested lists, matrix alignment, dictionaries, tables, keyed tables, truncation.
q)42
42
q)2.0
2f
q)0.5
0.5
q)10i
10i
q)5h
5h
q)3.14e
3.14e
q)"a"
"a"
q)`abc
`abc
q)0x2a
0x2a
q)1b
1b
q)::
q)(::)
q){x*x}
{x*x}
q){x+y}[1]
{x+y}[1]
q)reciprocal 7
0.1428571
q)123456789f
1.234568e+08
q)`float$0Wj
9.223372e+18
q)100000f
100000f
q)1234567f
1234567f
q)12345678f
1.234568e+07
q)0.0001
0.0001
q)0.00001
1e-05
q)-2.5
-2.5
q)\P 3
q)1%3
0.333
q)\P 0
q)1%3
0.33333333333333331
q)\P 7
q)1%3
0.3333333
q)8 8f
8 8f
q)1 0 1f
1 0 1f
q)3 xexp(1;2 3)
3f
9 27f
q)avg (1 2;0N 4)
0n 3
q)0 0.5 1 1.5 2
0 0.5 1 1.5 2
q)1 0w
1 0w
q)10#0e
0 0 0 0 0 0 0 0 0 0e
q)1 2.34 -567.1 20 789e
1 2.34 -567.1 20 789e
q)0N 1 2
0N 1 2
q)1 0N 3i
1 0N 3i
q)1 2 3h
1 2 3h
q)til 5
0 1 2 3 4
q)enlist 3
,3
q)til 0
`long$()
q)string 2
,"2"
q)(`int;"i";6h)$10
10 10 10i
q)not -1 0 1 2
0100b
q)asc 2 1 3 4 2 1 2
`s#1 1 2 2 2 3 4
q)`symbol$()
`symbol$()
q)`float$()
`float$()
q)0#1 2i
`int$()
q)""
""
q)()
()
q)enlist "a"
,"a"
q)enlist `jill
,`jill
q)enlist enlist 1
1
q)enlist 1.5
,1.5
q)enlist 2f
,2f
q)`a`b
`a`b
q)0x0102
0x0102
q)s:(1;2f;3)
q)s
1
2f
3
q)(1;"a";`b)
1
"a"
`b
q)(1;(2 3;4))
1
(2 3;4)
q)(1;enlist 2)
1
,2
q)(1;(enlist "2";enlist "3"))
1
(,"2";,"3")
q)(1 2 3;4 5 6 7)
1 2 3
4 5 6 7
q)(1 2;3 4)
1 2
3 4
q)dbl:2*
q)3 dbl\1 10
1 10
2 20
4 40
8 80
q)txt:2 4#("Now";"is";"the";"time";"for";"all";"good";"folk")
q)txt
"Now" "is"  "the"  "time"
"for" "all" "good" "folk"
q)(01b;10b)
01b
10b
q)("abcd";"efgh")
"abcd"
"efgh"
q)@[(0 1 2;1 2 3 4;7 8 9);0 1 2 1;100*]
0 100 200
10000 20000 30000 40000
700 800 900
q)avg ([]a:3 5; b:6 8f)
a| 4
b| 7
q)`a`b!`x`y
a| x
b| y
q)`a`b!"xy"
a| x
b| y
q)`in`eps`momentum`affine`track!(800;1e-07;0.1;1b;1b)
in      | 800
eps     | 1e-07
momentum| 0.1
affine  | 1b
track   | 1b
q)`weight`bias`.n!(enlist 4.756198 4.81772e;enlist -0.1412306e;2f)
weight| ,4.756198 4.81772e
bias  | ,-0.1412306e
.n    | 2f
q)y:0 2!(enlist 7;0 3 7)
q)y
0| ,7
2| 0 3 7
q)0 10!0 1
0 | 0
10| 1
q)group "mississippi"
m| ,0
i| 1 4 7 10
s| 2 3 5 6
p| 8 9
q)(`a`b!1 2)`a`b
1 2
q)t:([]name:`Dent`Beeblebrox`Prefect;iq:98 42 126;age:20 22 33)
q)2#t
name       iq age
-----------------
Dent       98 20 
Beeblebrox 42 22 
q)([]a:1 0N 3)
a
-
1
 
3
q)([]a:1 2;b:(1 2;3 4))
a b  
-----
1 1 2
2 3 4
q)([]a:`x`y;s:("ab";"cd"))
a s   
------
x "ab"
y "cd"
q)([]c1:`a`b;c2:(`tom`dick;enlist 50))
c1 c2       
------------
a  `tom`dick
b  ,50      
q)0#t
name iq age
-----------
q)([sym:`ibm`goog`msoft]qty:1000 2000 3000;p:1550 375 98)+5
sym  | qty  p   
-----| ---------
ibm  | 1005 1555
goog | 2005 380 
msoft| 3005 103 
q)([k:1 2]v:`a`b)
k| v
-| -
1| a
2| b
q)\c 25 80
q)til 100
0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 ..
q)(enlist `weight)!enlist 60#1
weight| 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1..
q)-1 " " sv 100#enlist "abc";
abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc
q)\c 10 10
q)til each 20+til 10
0 1 2 3..
0 1 2 3..
0 1 2 3..
0 1 2 3..
0 1 2 3..
0 1 2 3..
0 1 2 3..
..
q)\c 25 80
q)0N!`a`b!1 2
`a`b!1 2
a| 1
b| 2
q)0N!(1 2;3 4);
(1 2;3 4)
q)0N!([]a:1 2;b:3 4);
+`a`b!(1 2;3 4)
q)0N!enlist 1;
,1
q)0N!"abc";
"abc"
q)0N!`a;
`a
q).Q.s1 til 3
"0 1 2"
q).Q.s1 `a`b!1 2
"`a`b!1 2"
q)show 1 2 3
1 2 3
q)show `a`b!1 2
a| 1
b| 2
q)()!()
q)(`symbol$())!`float$()
q)d:`p`q!1 2
q)`p`q _ d
q)-3!`p`q _ d
"(`symbol$())!`long$()"
