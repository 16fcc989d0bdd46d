Built-in keywords and operators with the reference-doc examples (q-core.md §6).
q)til 5
0 1 2 3 4
q)til 0
`long$()
q)count (2;3 5;"eight")
3
q)count 5
1
q)count `a`b!1 2
2
q)count ([]a:1 2 3)
3
q)first 1 2 3 4 5
1
q)last til 10
9
q)first `a`b!1 2
1
q)sum 1 2 3
6
q)sum (1 2 3 4;2 3 5 7)
3 5 8 11
q)prd 1 2 3 4
24
q)avg 1 2 3
2f
q)avg 101b
0.6666667
q)max 2 5 7 1 3
7
q)min 2 5 7 1 3
1
q)sums 2 3 5 7
2 5 10 17
q)prds 1 2 3 4
1 2 6 24
q)maxs 1 3 2 5
1 3 3 5
q)mins 3 1 2 0
3 1 1 0
q)deltas 1 4 9 16
1 3 5 7
q)fills 0N 2 3 0N 0N 7 0N
0N 2 3 3 3 7 7
q)abs 10 -43 0N
10 43 0N
q)neg 1 -2
-1 2
q)not -1 0 1 2
0100b
q)signum -2 0 1 3
-1 0 1 1i
q)reciprocal 4
0.25
q)null 0 0n 0w 1 0n
01001b
q)floor -2.1 0 2.1
-3 0 2
q)ceiling -2.1 0 2.1
-2 0 3
q)exp 1
2.718282
q)acos -0.4
1.982313
q)log -2 0n 0 0.1 1 42
0n 0n -0w -2.302585 0 3.73767
q)sqrt 4
2f
q)cos 0
1f
q)2 xexp 8
256f
q)-3 -2 -1 0 1 2 3 4 mod 3
0 1 2 0 1 2 0 1
q)7 div 2 3 4
3 2 1
q)type 5
-7h
q)D:`q`w`e!(1 2;3 4;5 6)
q)key D
`q`w`e
q)value D
1 2
3 4
5 6
q)key 3
0 1 2
q)value "1+2"
3
q)`a set 42
`a
q)a
42
q)get `a
42
q)value `a
42
q)string `ibm
"ibm"
q)string 2
,"2"
q)string "cat"
,"c"
,"a"
,"t"
q)string 3.14
"3.14"
q)raze (1 2;3 4 5)
1 2 3 4 5
q)raze 42
,42
q)reverse 1 2 3 4
4 3 2 1
q)where 0 1 1 0 1
1 2 4
q)where 2 3 0 1
0 0 1 1 1 3
q)iasc 2 1 3 4 2 1 2
1 5 0 4 6 2 3
q)idesc 2 1 3 4 2 1 2
3 2 0 4 6 1 5
q)asc 2 1 3 4 2 1 2
`s#1 1 2 2 2 3 4
q)desc 2 1 3
3 2 1
q)distinct 2 3 7 3 5 3
2 3 7 5
q)group "mississippi"
m| ,0
i| 1 4 7 10
s| 2 3 5 6
p| 8 9
q)1 3 10 6 4 within 2 6
01011b
q)2 in 1 2 3
1b
q)1 5 in 1 2 3
10b
q)`quickly like "quick*"
1b
q)"quickly" like "quick?y"
1b
q)`quickly like "slow*"
0b
q)1 2 3 4 1 3 except 2 3
1 4 1
q)1 2 3 inter 2 3 4
2 3
q)1 2 union 2 3
1 2 3
q)1 2 3 cross 10 20
1 10
1 20
2 10
2 20
3 10
3 20
q)"," vs "one,two,three"
"one"
"two"
"three"
q)10 vs 1995
1 9 9 5
q)` sv `quick`brown`fox
`quick.brown.fox
q)"," sv ("one";"two")
"one,two"
q)flip (1 2 3;4 5 6)
1 4
2 5
3 6
q)all 1 2 3 = 1 2 3
1b
q)any 000b
0b
q)rand 10
<any>
q)count 3?10
3
q)asc -5?5
`s#0 1 2 3 4
q)show til 5
0 1 2 3 4
q)hsym`c:/q/test.txt
`:c:/q/test.txt
q)3 4 5*2.2
6.6 8.8 11
q)2%3
0.6666667
q)(3;"a")=(2 3 4;"abc")
010b
100b
q)1 2 3<>1 5 3
010b
q)1 2 3<=2
110b
q)"sat"&"cow"
"cat"
q)2|3
3
q)2&3
2
q)101b and 110b
100b
q)(1 2 3+4 5 6)~4 5 6+1 2 3
1b
q)`a`b`c!1 2 3
a| 1
b| 2
c| 3
q)-5#0 1 2 3 4 5 6 7 8
4 5 6 7 8
q)3#1 2 3 4
1 2 3
q)5#1 2
1 2 1 2 1
q)2 3#til 6
0 1 2
3 4 5
q)0N 3#til 10
0 1 2
3 4 5
6 7 8
,9
q)`a`c#`a`b`c!1 2 3
a| 1
c| 3
q)-5_0 1 2 3 4 5 6 7 8
0 1 2 3
q)2_til 5
2 3 4
q)2 4 9 _ til 10
2 3
4 5 6 7 8
,9
q)1 2,3 4
1 2 3 4
q)0^1 2 3 0N
1 2 3 0
q)w:1 2 3 4 5 6 8
q)w?17
7
q)10 20 30?20
1
q)?[101b;1 2 3;10 20 30]
1 20 3
q)"j"$2.6
3
q)"i"$3.7
4i
q)"f"$1
1f
q)"e"$1.5
1.5e
q)"b"$2
1b
q)`int$3.2
3i
q)"E"$"3.14"
3.14e
q)9$"foo"
"foo      "
q)-9$"foo"
"      foo"
q)`$"abc"
`abc
q){x*2}@3
6
q)d:((1 2 3;4 5 6 7);(8 9;10;11 12);(13 14;15 16 17 18;19 20))
q)d . 1 2
11 12
q)d @ 1
8 9
10
11 12
q)@[(0 1 2;1 2 3 4;7 8 9) ;1 1; 2*]
0 1 2
4 8 12 16
7 8 9
q)@[(0 1 2;1 2 3 4;7 8 9);0 1 2 1;100*]
0 100 200
10000 20000 30000 40000
700 800 900
q).[(5 2.14; "abc"); 1 2; :; "x"]
5 2.14
"abx"
q)@[1 2 3;1;:;20]
1 20 3
q)@[1 2 3;0 2;+;10]
11 2 13
q)dd:`a`b!1 2
q)@[`dd;`a;+;100]
`dd
q)dd
a| 101
b| 2
q).[+;"ab";{"Wrong ",x}]
"Wrong type"
q)@[2+;"42";`err]
`err
q)@[2+;40;`err]
42
q)0N!3
3
3
q)2+0N!3
3
5
q)-1 "hello";
hello
q)-1 "hello"
hello
-1
q)-1 ("ab";"cd");
ab
cd
q)10 20 30 `a`b!0 2
a| 10
b| 30
q)` vs `:a/b/c.q
`:a/b`c.q
q)` sv `:a/b`mnist.q
`:a/b/mnist.q
q)1_string `:a/b
"a/b"
q)"-" sv string 1 2
"1-2"
q)`$"-" sv string `a`b
`a-b
q)$[1b;2_;1_] til 5
2 3 4
q){x where x like "*.weight"}`a.weight`b.bias`c.weight
`a.weight`c.weight
q)(`batchnorm2d;64;1e-05;.05)
`batchnorm2d
64
1e-05
0.05
q){([]y:x;yhat:y;ind:til count x)where not x=y}[1 2 3;1 5 3]
y yhat ind
----------
2 5    1  
q)"h"$3.7
4h
q)z:2 3#0
q)z[0 ;1 2]:5 6
q)z
0 5 6
0 0 0
q)ql:enlist(`a;1)
q)ql,:((`b;2);`relu)
q)count ql
3
q)last ql
`relu
