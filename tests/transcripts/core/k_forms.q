A glyph with a colon and nothing on its left is the glyph's unary form, as in k; deltas and
ratios take a seed; like matches one * or one at each end ('nyi beyond), ss refuses *; a
column named by a constant operand is x (values checked against the q reference).
q)(#:)`a`b`c
3
q)(|:)1 2 3
3 2 1
q)|:["abc"]
"cba"
q)@[-:;5]
-5
q)(%:)4
0.25
q)f:(+:)
q)f ([]a:1 2)
a| 1 2
q)x:1;x+:2;x
3
q)1+:2
'assign
  [0]  1+:2
        ^
q)deltas[100;103 101 110]
3 -2 9
q)ratios[2;4 2 8]
2 0.5 4
q)`stone like "s*e"
1b
q)`stone like "*on*"
1b
q)`stone like "s*o*e"
'nyi
  [0]  `stone like "s*o*e"
              ^
q)`stone like "*t*e"
'nyi
  [0]  `stone like "*t*e"
              ^
q)"a*b" like "a[*]b"
1b
q)"stone" ss "t*"
'length
  [0]  "stone" ss "t*"
               ^
q)ssr["x";"x";"y"]
'type
  [0]  ssr["x";"x";"y"]
       ^
q)t:([]p:1 2;q:3 4)
q)cols select p, 10*q, q-p, neg p from t
`p`x`q`p1
q)/ keywords q defines as k primitives or their derivatives show in that form and are that value
q)/ (exposed-infrastructure.md's table of unary forms; parsetrees.md: .q?(+:) is `flip)
q)count
#:
q)type
@:
q)sums
+\
q)deltas
-':
q)(#:)~count
1b
q)get~value
1b
q)not~neg
0b
q).q?(+:)
`flip
q)string count
"#:"
q)/ their types follow the form: over 107h, scan 108h, each-prior 109h (datatypes.md)
q)type each(count;sum;sums;deltas;<>;prev)
101 107 108 109 105 109h
q)/ a list of unary functions is a binary map: index, then apply (regex.md's state machine)
q)m:({0};{2*x="x"};{2+x="f"};{2+/1 2*x="fz"};{4+x="0"};{5+x="0"};{7-x="0"};{7-x="0"})
q)f:{6=1 m/x}
q)f each ("xyzfz000";"xfz0";"fz00")
100b
q)1 m\"xfz00"
2 3 4 5 6
