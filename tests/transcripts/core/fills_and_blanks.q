Taking from an empty general list fills with empty lists (dotq.md flips names!n#() into a table
with no rows); a dictionary whose values are all () shows each key with nothing after the bar;
a null guid keeps its zeros inside a table or dictionary; a lambda that only forwards to a verb
reduces without a call per item but with the lambda's values: float + goes strictly left to right
(precision.md contrasts {x+y}over with sum's lanes), and a long vector holding a null takes the
item-by-item path (sum skips nulls, {x+y} does not). -27!(n;floats) writes each float with n
decimals, the binary value rounded as C's printf rounds (half to even when exact). A trailing
elided index takes everything, so a table row t[i;] is the record dictionary (syntax.md).
q)count each 4#()
0 0 0 0
q)type each 2#()
0 0h
q)flip `p`q`r!3#()
p q r
-----
q)`u`v!2#()
u| 
v| 
q)`u`v!(();7 8)
u| ()
v| 7 8
q)([]id:(0Ng;0Ng);n:5 6)
id                                   n
--------------------------------------
00000000-0000-0000-0000-000000000000 5
00000000-0000-0000-0000-000000000000 6
q)`k`m!2#0Ng
k| 00000000-0000-0000-0000-000000000000
m| 00000000-0000-0000-0000-000000000000
q){x+y} over 1+til 2000000
2000001000000
q){[a;b] a*b}\[2 3 4]
2 6 24
q){y-x}/[10 1 2]
11
q){x-y}/[10 1 2]
7
q)({x+y}over 1e16 1 1 1 1)-1e16
0f
q)({x+y}over 1 1 1 1 1e16)-1e16
4f
q)({x+y}scan 1e16 1 1 1 1)-1e16
0 0 0 0 0f
q)({x+y}over (1e16 0;1 1.;1 1.;1 1.;1 1.))-1e16 0
0 4f
q){x+y}\[1 2 0N 3]
1 3 0N 0N
q){x|y}\[3 1 4 1 5]
3 3 4 4 5
q){x+y}/[2 3 4i]
9i
q)-27!(1i;2.25 -0.75)
"2.2"
"-0.8"
q)-27!(4i;1%3)
"0.3333"
q)-27!(0i;0.5 1.5)
,"0"
,"2"
q)-27!(2;1.5)
'type
  [0]  -27!(2;1.5)
          ^
q)pp:([]who:`ann`bo`cy;yrs:31 27 45)
q)pp[2;]
who| `cy
yrs| 45
q)pp[0 1;]
who yrs
-------
ann 31 
bo  27 
q)(`u`v!5 6)[`v;]
6
q)(10 20;30 40)[0;]
10 20
