Where ktwa's q differed from what the q reference documents, found by replaying its pages.
Values are the reference's where it shows them; where a page shows none, a comment says what
the value rests on.
Comparison tolerance (precision.md): = < <= >= > ~ differ within are tolerant; ? distinct
except group in inter union and the sorts are not; floor and ceiling were tolerant only before
V3.0 (floor.md, ceiling.md), so `floor 2 - 10 xexp -12 -13` is 1 1 now, not the 1 2 the pages
show under "Prior to V3.0".
q)a:1f
q)b:a-10 xexp -13
q)(a=b;a~b;a>b;a<b;a<=b;a>=b)
110011b
q)floor b
0
q)(a,a)?b
2
q)(a,a) except b
1 1f
q)count distinct a,b
2
q)iasc a,b
1 0
q)differ a,b
10b
q)b in a,a
0b
q)/ within is tolerant (precision.md lists it with the comparisons; the page shows no example)
q)b within 1 2
1b
q)(1+1e-13) within 0 1
1b
q)1.5 2.5 within 1 2
10b
q)ceiling 2 + 10 xexp -12 -13
3 3
q)floor 2 - 10 xexp -12 -13
1 1
q)/ Cond inside a qSQL phrase is $ applied to three arguments: 'rank (qsql.md)
q)u:([]a:raze ("ref/";"kb/"),\:/:"abc"; b:til 6)
q)select from u where a like $[1b;"ref/*";"kb/*"]
'rank
  [0]  select from u where a like $[1b;"ref/*";"kb/*"]
                                  ^
q)select from u where a like {$[x;"ref/*";"kb/*"]}1b
a       b
---------
"ref/a" 0
"ref/b" 2
"ref/c" 4
q)select from u where a like ?[1b;"ref/*";"kb/*"]
a       b
---------
"ref/a" 0
"ref/b" 2
"ref/c" 4
q)/ the same in the select and by phrases and in a functional select (not shown by a page:
q)/ the phrases are all the functional form's parse trees); a cast $[t;x] is no Cond
q)exec $[1b;a;b] from u
'rank
  [0]  exec $[1b;a;b] from u
            ^
q)?[u;enlist(=;`b;($;1b;1;2));0b;()]
'rank
  [0]  ?[u;enlist(=;`b;($;1b;1;2));0b;()]
       ^
q)exec $[`float;b] from u where b<2
0 1f
q)/ q has no unary syntax for operators (parsetrees.md, funsql.md): a glyph applied prefix is an
q)/ error named by the glyph; parenthesized, or in k, it is the unary form
q)$42
'$
  [0]  $42
       ^
q)($)42
"42"
q)k)$42
"42"
q)string 42
"42"
q)(#;3;,`a`b`c`d`e`f)
',
  [0]  (#;3;,`a`b`c`d`e`f)
            ^
q)(#;3;enlist `a`b`c`d`e`f)~parse"3#`a`b`c`d`e`f"
1b
q)d:`c1`c2`c3!(1 2;3 4;5 6)
q)+d
'+
  [0]  +d
       ^
q)k)+d
c1 c2 c3
--------
1  3  5 
2  4  6 
q)/ `-x` stays neg: no page shows q refusing it (unsure of q)
q)n:5
q)-n
-5
q)/ med is {avg x (iasc x)@floor .5*-1 0+count x,:()} (med.md): a table's middle row, rows sorted whole
q)k:`k xkey update k:`abc`def`ghi from t:flip d:`a`b!(10 -21 3;4 5 -6)
q)med d
7 -8 -1.5
q)med t
a| 3
b| -6
q)med k
a| 3
b| -6
q)med 10 34 23 123 5 56
28.5
q)/ a list of three lists: its middle one in sorted order (med.md's definition; no page shows it)
q)med (1 5;2 0;3 9)
2 0f
q)/ .q holds the keywords q.k defines, not k's own words (.Q.res): funsql.md's kreplace
q)kreplace:{[x] $[`=qval:.q?x;x;string qval]}
q)funcK:{$[0=t:type x;.z.s each x;t<100h;x;kreplace x]}
q)funcK ((like;`sym;"F*");(~:;(=;`sym;enlist`FD)))
(like;`sym;"F*")
("not";(=;`sym;,`FD))
q)`like`sum`select in key .q
000b
q).q?(~:)
`not
q)/ a view's body is the rest of the line: a trailing ; makes it :: (views.md), and a
q)/ lambda {[] ...} takes one argument, which it ignores
q)a:til 5
q)vv:: a;
q)vv ~ (::)
1b
q)vv ~ {[];}[]
1b
q)ww:: a;1+a
q)ww
1 2 3 4 5
q){[] 7}[]
7
q){[] 7}[2]
7
q){[] 7} each 1 2
7 7
q){[] 7}[1;2]
'rank
  [0]  {[] 7}[1;2]
       ^
q)/ hdel is k's ~: as not is (parsetrees.md): of what is not a file symbol, it is not
q)hdel 01001b
10110b
