Enumerations and attributes (issue 15 item 3): `` `d$y `` (enumerate), `` `d?y `` (enum
extend), `` `d!i ``, value/key of an enumeration, its casts, `,` and `,:` on enumerations,
enumerated table columns; `s# `u# `p# `g# with q's checks, `# (remove), attr, and the step
function a sorted dictionary is. Values from the q reference (enumerate.md, enum-extend.md,
enumeration.md, join.md, set-attribute.md, attr.md).
Unsure of q: the display of a 1-item enumeration (here `` `d$,`a ``, the domain before the
vector's own text, as for longer ones) and of an empty one (`` `d$`symbol$() ``).
A domain changed in place (`d[0]:`o`) renames its enumerations as in q: see
enumerations_links.q.
q)d:`a`b`c
q)y:`a`b`c`b`a`b`c`c`c`c`c`c`c
q)show e:`d$y;
`d$`a`b`c`b`a`b`c`c`c`c`c`c`c
q)"i"$e
0 1 2 1 0 1 2 2 2 2 2 2 2i
q)`int$e
0 1 2 1 0 1 2 2 2 2 2 2 2i
q)`long$e
0 1 2 1 0 1 2 2 2 2 2 2 2
q)`symbol$e
`a`b`c`b`a`b`c`c`c`c`c`c`c
q)key e
`d
q)value e
`a`b`c`b`a`b`c`c`c`c`c`c`c
q)type e
20h
q)type first e
-20h
q)first e
`d$`a
q)e 1 2
`d$`b`c
q)2#e
`d$`a`b
q)-1#e
`d$,`c
q)e=`b
0101010000000b
q)e where e=`b
`d$`b`b`b
q)distinct e
`d$`a`b`c
q)`b`c in e
11b
q)e?`c
2
q)e~`d$y
1b
q)e~y
0b
q)(value e)~y
1b
q)x:`a`b
q)`x$y
'cast
  [0]  `x$y
         ^
q)`x$`a
`x$`a
q)`x$`a`b`a
`x$`a`b`a
q)`nosuch$`a
'nosuch
  [0]  `nosuch$`a
              ^
q)foo:`a`b
q)`foo?`a`b`c`b`a`b`c`c`c`c`c`c`c
`foo$`a`b`c`b`a`b`c`c`c`c`c`c`c
q)foo
`a`b`c
q)`foo?`c`e
`foo$`c`e
q)foo
`a`b`c`e
q)`foo?`g#y
`g#`foo$`g#`a`b`c`b`a`b`c`c`c`c`c`c`c
q)`foo$`g#y
`foo$`a`b`c`b`a`b`c`c`c`c`c`c`c
q)attr `foo?`g#y
`g
q)`newdom?`p`q`p
`newdom$`p`q`p
q)newdom
`p`q
q)`newdom?`p
`newdom$`p
q)x:`a`b`c`d
q)`x!1 2 3
`x$`b`c`d
q)`x!1
`x$`b
q)`x!7
'index
  [0]  `x!7
         ^
q)sym:`a`b
q)sym2:`c`d
q)(`sym$`b),`sym2$`c
`sym$`b
`sym2$`c
q)(`sym$`b),`b
`sym$`b
`b
q)`b,(`sym$`b)
`b
`sym$`b
q)(`sym$`a`b),`sym2$`c`d
`a`b`c`d
q)(`sym$`a),`c`d
`a`c`d
q)(`sym$`a`b),`c
`a`b`c
q)`a,`sym2$`c`d
`a`c`d
q)`a`b,`sym2$`c
`a`b`c
q)(`sym$`a`b),`sym$`b
`sym$`a`b`b
q)(`sym$`a`b),()
`sym$`a`b
q)e:`sym$`a`b
q)e,:`b
q)e
`sym$`a`b`b
q)e,:`c
'cast
  [0]  e,:`c
        ^
q)s:`a`c
q)s,:`sym$`b
q)s
`a`c`b
q)t:([]s:`sym$`a`b`a;v:1 2 3)
q)t
s v
---
a 1
b 2
a 3
q)meta t
c| t f a
-| -----
s| s    
v| j    
q)select from t where s=`a
s v
---
a 1
a 3
q)exec s from t where v>1
`sym$`b`a
q)t upsert (`b;4)
s v
---
a 1
b 2
a 3
b 4
q)t upsert (`z;4)
'cast
  [0]  t upsert (`z;4)
         ^
q)(`sym$`a)~`a
0b
q)enlist `sym$`a
`sym$,`a
q)0#`sym$`a
`sym$()
q)string `sym$`a`b
,"a"
,"b"
q)`sym$1 2
'type
  [0]  `sym$1 2
           ^
q)`s#1 2 3
`s#1 2 3
q)`#`s#1 2 3
1 2 3
q)`s#3 2 1
's-fail
  [0]  `s#3 2 1
         ^
q)`u#2 4 5
`u#2 4 5
q)`u#2 4 4
'u-fail
  [0]  `u#2 4 4
         ^
q)`p#2 2 2 1 1 4 4 4 4 3 3
`p#2 2 2 1 1 4 4 4 4 3 3
q)`p#2 2 1 2
'u-fail
  [0]  `p#2 2 1 2
         ^
q)2,`p#2 2 2 1 1 4 4 4 4 3 3
2 2 2 2 1 1 4 4 4 4 3 3
q)`g#2 1 2
`g#2 1 2
q)`s#`a`b`c
`s#`a`b`c
q)`s#0n 1 2
`s#0n 1 2
q)`s#1 0n
's-fail
  [0]  `s#1 0n
         ^
q)`s#([]a:1 2)
a
-
1
2
q)`p#([]a:1 2)
'nyi
  [0]  `p#([]a:1 2)
         ^
q)`u#1
'type
  [0]  `u#1
         ^
q)attr 1 3 4
`
q)attr asc 1 3 4
`s
q)attr `g#2 1 2
`g
q)a:1 2 3
q)b:`s#a
q)attr a
`
q)attr b
`s
q)x:`s#1 2 3
q)x,:4
q)attr x
`s
q)x,:0
q)attr x
`
q)x
1 2 3 4 0
q)attr 1+`s#1 2
`
q)d:`s#1 5 9!`a`b`c
q)d 7
`b
q)d 0
`
q)d 9 10 1
`c`c`a
q)d
1| a
5| b
9| c
q)0N!d;
`s#1 5 9!`a`b`c
q)attr d
`s
q)`s#`c`a!1 2
's-fail
  [0]  `s#`c`a!1 2
         ^
q)`u#`a`b!1 2
'type
  [0]  `u#`a`b!1 2
         ^
q)s:`s#`a`c`e!1 2 3
q)s`b`d`z
1 2 3
q)`s#`sym$`a`b
`s#`sym$`s#`a`b
q)dom:`x`y`z
q)en:`dom$`z`x`y
q)@[en;1;:;`dom$`y]
`dom$`z`y`y
q)en[0]:`dom$`x
q)en
`dom$`x`x`y
q).[en;enlist 2;:;`dom$`z]
`dom$`x`x`z
q)other:`x`y
q)@[en;0;:;`other$`y]
'type
  [0]  @[en;0;:;`other$`y]
       ^
q)differ `dom$`x`x`y`x
1011b
q)raze (`dom$`x`y;`dom$`z)
`dom$`x`y`z
q)raze (`dom$`x`y;`z)
`x`y`z
q)(`dom$`x`y`z) _ 1
`dom$`x`z
q)0N!enlist `dom$`x`y;
,`dom$`x`y
q)type enlist `dom$`x`y
0h
q)/ a column of enumerations keeps `dom$ in each cell, even when the cells are of one count
q)/ (q's ungroup.md and xgroup.md show `p$`p1`p3`p5 in such cells)
q)([]c:(`dom$`x`y;`dom$`z`z))
c        
---------
`dom$`x`y
`dom$`z`z
q)"i"$`dom$`z`x
2 0i
