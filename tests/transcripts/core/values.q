Values and types: type numbers, arithmetic promotion, % always float, general lists collapse,
enlist, nulls and comparison, atomic conformance, dictionaries, tables, keyed tables (§4).
q)type each (2;3 5;"hello")
-7 7 10h
q)type (2 3 5;"hello")
0h
q)type 1b
-1h
q)type 0x01
-4h
q)type 1h
-5h
q)type 1i
-6h
q)type 1
-7h
q)type 1e
-8h
q)type 1f
-9h
q)type "a"
-10h
q)type `a
-11h
q)type ([]a:1 2)
98h
q)type `a`b!1 2
99h
q)type each({x+y};neg;-;+[;1];,';+/;+\;+/:;+\:)
100 101 102 104 106 107 108 110 111h
q)type (-':)
109h
q)type (::)
101h
q)1b+1b
2i
q)1h+1h
2i
q)1h*2h
2i
q)type 1+2h
-7h
q)1+2e
3e
q)1.5e*2
3e
q)type 1i+2
-7h
q)1+2.5
3.5
q)2%3
0.6666667
q)4%2
2f
q)1b%0b
0w
q)type 2e%4e
-9h
q)neg 01001b
0 -1 0 0 -1i
q)ceiling 01b
0 1i
q)sum 101b
2i
q)avg 1 2 3
2f
q)7h div 3
2i
q)7f div 2
3f
q)10+0W+til 3
-9223372036854775799 0N -9223372036854775797
q)1 2,3.5
1
2
3.5
q)type 1 2,3.5
0h
q)(0;1 2.5;01b),(`a;"abc")
0
1 2.5
01b
`a
"abc"
q)1 2.4 5, -7.9 10e
1f
2.4
5f
-7.9e
10e
q)0n=0n
1b
q)null 0 0n 0w 1 0n
01001b
q)(1 + 1e-13) = 1
1b
q)1~1h
0b
q)3~3.0
0b
q)1=1h
1b
q)max 0N 5 0N 1 3
5
q)sum 2 3 0N 7
12
q)avg 1 0n 2 3
2f
q)max 0N 0N
-0W
q)min 0N 0N
0W
q)avg -0w 0w
0n
q)(1;2;3)
1 2 3
q)type (1;2;3)
7h
q)(1;2f)
1
2f
q)type (1;2f)
0h
q)enlist 3
,3
q)enlist 1 2
1 2
q)count enlist 1 2
1
q)enlist[1;2;3]
1 2 3
q)enlist `a`b`c!(1;2 3; 4)
a b   c
-------
1 2 3 4
q)(10;20 30)+(2;3 4)
12
23 34
q)1 2 3+10
11 12 13
q)d:`a`b!(1 20;300 40)
q)d+1
a| 2   21
b| 301 41
q)dic:`a`b!1 2
q)dic
a| 1
b| 2
q)dic `a
1
q)dic `x
0N
q)key dic
`a`b
q)value dic
1 2
q)count dic
2
q)first dic
1
q)dic?2
`b
q)dic[`c]:3
q)dic
a| 1
b| 2
c| 3
q)(`a`b!1 2),`b`c!30 40
a| 1
b| 30
c| 40
q)`a`c#dic
a| 1
c| 3
q)`a _ dic
b| 2
c| 3
q)where `a`b`c!101b
`a`c
q)dic+dic
a| 2
b| 4
c| 6
q)(1 2 3!10 20 30) 2
20
q)t:([]name:`Tom`Dick`Harry;age:34 42 17)
q)t
name  age
---------
Tom   34 
Dick  42 
Harry 17 
q)t[1]
name| `Dick
age | 42
q)t`age
34 42 17
q)t[;`name]
`Tom`Dick`Harry
q)t[1;`age]
42
q)count t
3
q)cols t
`name`age
q)t 0 2
name  age
---------
Tom   34 
Harry 17 
q)count t,t
6
q)flip `a`b!(1 2;3 4)
a b
---
1 3
2 4
q)(`a`b!1 2;`a`b!3 4)
a b
---
1 2
3 4
q)type (`a`b!1 2;`a`b!3 4)
98h
q)([]a:1 2;b:`x)
a b
---
1 x
2 x
q)kt:([sym:`ibm`goog`msoft]qty:1000 2000 3000;p:1550 375 98)
q)type kt
99h
q)kt+5
sym  | qty  p   
-----| ---------
ibm  | 1005 1555
goog | 2005 380 
msoft| 3005 103 
q)key kt
sym  
-----
ibm  
goog 
msoft
q)0!kt
sym   qty  p   
---------------
ibm   1000 1550
goog  2000 375 
msoft 3000 98  
q)1!t
name | age
-----| ---
Tom  | 34 
Dick | 42 
Harry| 17 
q)kt`goog
qty| 2000
p  | 375
q)d:`a`b!(10 -21 3;4 5 -6)
q)0N!d+`b`c!(10 20 30;1000*1 2 3);
`a`b`c!(10 -21 3;14 25 24;1000 2000 3000)
q)0N!d-1;
`a`b!(9 -22 2;3 4 -7)
