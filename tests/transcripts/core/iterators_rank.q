Iterators over every rank of a primitive and of a map: Over/Scan/Each with three- and
four-argument amends (a function among the arguments is an atom and extends), Case, list maps
of depth two, q's empty-list rules, identities, and functions made by expressions with no right
argument (compositions). Values follow the q reference (accumulators, maps, iterators pages).
An iterator may also be applied prefix with brackets after a `;`: `;/[+]x` is `(+/)x`.
q)g:3 3#0
q)./[g;(0 1;1 2);:;5 6]
0 5 0
0 0 6
0 0 0
q).[;;:;]/[g;(0 1;1 2);5 6]
0 5 0
0 0 6
0 0 0
q)@/[til 5;0 1;:;7 8]
7 8 2 3 4
q)@/[til 5;0 1;+;10]
10 11 2 3 4
q)count .\[g;(0 1;1 2);:;5 6]
2
q)@'[(1 2;3 4);0 1;:;9]
9 2
3 9
q).'[(1 2;3 4);(0;1);+;100]
101 2  
3   104
q)@[;1;:;0]'[(1 2;3 4)]
1 0
3 0
q)0 1 0'["abc";"xyz"]
"ayc"
q)0 2 0'["abc";"xyz";"123";"789"]
"a2c"
q)0 1 0'["a";"xyz"]
"aya"
q)0 2 0'[`a`b`c!"abc";"xyz";"123";`a`b`c!"789"]
"a2c"
q)0 2 0'[`a`b`c!"abc";"xyz";"123";`b`a`c!"789"]
'domain
  [0]  0 2 0'[`a`b`c!"abc";"xyz";"123";`b`a`c!"789"]
       ^
q)0 2 0'[`a`b`c!"abc";"xyz";"123";`a`b!"78"]
'length
  [0]  0 2 0'[`a`b`c!"abc";"xyz";"123";`a`b!"78"]
       ^
q)0 1 0'["ab";"xyz"]
'length
  [0]  0 1 0'["ab";"xyz"]
       ^
q)(,\)2 3 4
,2
2 3
2 3 4
q){x,y}\[2 3 4]
2
2 3
2 3 4
q)(,':)2 3 4
2
3 2
4 3
q)mt:0#0
q)type each (mt;*/[mt];{x*y}/[mt])
7 -7 0h
q)type each (mt;*\[mt];{x*y}\[mt])
7 -7 0h
q)()~{x+y*z}\[`foo;mt;mt]
1b
q){x+y*z}/[`foo;mt;mt]
`foo
q)type 1 0 3h/[til 0]
5h
q)type (3 4#til 12)/[0#0]
0h
q)m:(1 6 4 4 2;2 7 2 0 5;7 5 6 7 0;2 1 8 1 0;7 3 3 6 8;2 3 8 9 0;1 1 9 6 9;7 8 4 3 0;4 5 8 0 4;9 8 0 3 9)
q)c:4 1 3 3 1 4
q)7 m\c
0 6 6 6 1 5
q)(m\)c
4 3 1 0 6 9
q)m scan c
4 3 1 0 6 9
q)a:1000f;b:1 2 3 4f;c:5 6 7 8f
q)a b\c
1005 2016 6055 24228f
q){z+x*y}\[a;b;c]
1005 2016 6055 24228f
q)(+/)'[(1 2;3 4)]
3 7
q)(,/)over ("ab";("cd";("e";"f"));"g")
"abcdefg"
q)'[count][("The";"quick")]
3 5
q)inc:1+
q)inc\[105>sum@;84 20]
84 20
85 21
q)x:-100 2 3 4 -100 6 7 8 9 -100
q)0 (0|+)\x
0 2 5 9 0 6 13 21 30 0
q)f:neg 1+
q)f 3
-4
q)5(`f;)\1
1
(`f;1)
(`f;(`f;1))
(`f;(`f;(`f;1)))
(`f;(`f;(`f;(`f;1))))
(`f;(`f;(`f;(`f;(`f;1)))))
q)type (;2)
104h
q)/ an operator applied by juxtaposition is its unary form (q reference: parse trees)
q)($)42
"42"
q)(+)`c1`c2!(1 2;3 4)
c1 c2
-----
1  3 
2  4 
q)g:-
q)g 5
-5
q)g[5]
-[5]
q)(#)1 2 3
3
q);/[*]2 3 4
24
q);\[,][`a`b]
,`a
`a`b
q);\[-][100;5 10]
95 85
q)(/[|])3 9 2
9
q)/ ':[f] with brackets, as '[f], is f': applied prefix (application.md)
q)':[-][2 5 11]
2 3 6
q)':[-][1;2 5 11]
1 3 6
