Numbers at the edges of the verbs: chars and temporals where q takes them as numbers, floor and
ceiling without comparison tolerance (as since q 3.0), statistics of pairs, mixed lists, and find/in on
general lists (values checked against the q reference's rules).
q)"d"%"b"
1.020408
q)"a" xlog "a"
1f
q)"\031" div 5
5i
q)2020.03.01 div 7
2002.11.18
q)12:00 12:30 div 60
00:12 00:12
q)floor 3 - 10 xexp -12 -14
2 2
q)ceiling 3 + 10 xexp -12 -14
4 4
q)floor -1.5 2.5 0n 0w
-2 2 0N 0W
q)exp 00:00:01 00:00:02
2.718282 7.389056
q)sqrt 0D00:00:00.000000016
4f
q)not 2000.01.01 2000.01.02
10b
q)all 2000.01.02 2001.01.01
1b
q)any 00:00:00 00:00:00
0b
q)1 2 3 4 cov 2 4 6 9
2.875
q)1 2 3 4 scov 2 4 6 9
3.833333
q)1 2 3 cor 3 2 1
-1f
q)1 2 0N 4 cor 2 4 7 8
1f
q)5 5 5 cor 1 2 3
0n
q)1 2 cor 1 2 3
'length
  [0]  1 2 cor 1 2 3
           ^
q)avg (2;0n;4)
2f
q)avg 2 0n 4
3f
q)1 2 3 wsum 4 5 6
32f
q)3 wsum 1 2
9
q)(10 20;1 2) in ((10 20;1 2);`x)
1b
q)10 20 in (10 20;`x)
1b
q)10 20 in (`x;(10 20;1 2))
00b
q)5 in (5 6;5)
0b
q)5 in (5;5 6)
1b
q)next (10 20;`a;"xy")
`a
"xy"
`long$()
q)("one";"two") 7
""
q)2001.01m*1 2
2001.01 2002.01m
q)2000.01.05*3
2000.01.13
q)2001.01m*1.5
18f
q)/ ~ matches floats within comparison tolerance (match.md, precision.md); distinct and find stay exact
q)one:1f
q)near:one-10 xexp -14
q)one~near
1b
q)(2#one)~one,near
1b
q)(one;`x)~(near;`x)
1b
q)count distinct one,near
2
q)one~one+1e-9
0b
q)0n~0n
1b
q)/ the power 0 of 0 is 1: a polynomial's terms over x:til n start with a column of 1s
q)0 xexp 0 1 2
1 0 0f
q)(til 3) xexp/: til 3
1 1 1
0 1 2
0 1 4
q)/ floor and ceiling over their whole domains (floor.md, ceiling.md): text floors to lower case,
q)/ ceiling of a boolean or char is an int, and floor of a boolean or byte is a type error
q)floor ("MiXed";`UP`Down)
"mixed"
`up`down
q)ceiling "az"
97 122i
q)ceiling 10b
1 0i
q)floor 1b
'type
  [0]  floor 1b
       ^
q)ceiling 0x0a
'type
  [0]  ceiling 0x0a
       ^
q)/ a float sum adds as q's SIMD sum does (precision.md): eight running sums over rows of 8,
q)/ then those eight in turn, so it is not the sum taken left to right
q)\P 0
q)sum 1000#1%86400
0.011574074074074063
q){x+y}/[1000#1%86400]
0.011574074074074016
q)sum 1 0n 2.5
3.5
q)\P 7
