Namespaces and reflection: \d, key of names, namespaces, files and vectors; value/get of
names, lists and functions; parse and eval; qSQL's functional forms. Values follow the q
reference pages (key, value, parse, eval, namespaces, funsql). Lines typed inside a namespace
start with q) here (q's console would show q.foo)). Where ktwa differs from q by design (no
bytecode in `value` of a lambda, keyword order in `key `.q`) the test says so.
q)\d
`.
q)D:`q`w`e!(1 2;3 4;5 6)
q)key `D
`q`w`e
q)key `.
,`D
q)`. `D
q| 1 2
w| 3 4
e| 5 6
q)()~key`a
1b
q)a:1
q)key`a
`a
q)\d .foo
q)\d
`.foo
q)key`a
()
q)a
'a
  [0]  a
       ^
q)a:1 2!3 4
q)key`a
1 2
q)key`.foo.a
1 2
q)key`..a
`..a
q)b:{a}
q)b[]
1| 3
2| 4
q)value"c:2";
q)c
2
q)\v
`a`c
q)\f
,`b
q)\d .
q)key`a
`a
q)key`.foo.a
1 2
q).foo.c
2
q).foo.b[]
1| 3
2| 4
q)c
'c
  [0]  c
       ^
q)key `.foo
``a`b`c
q)/ the root's namespaces (q lists more of its own, .o ...; ktwa has .q .Q .h .j)
q)key `
`q`Q`h`j`foo
q).fee.fi.fo:42
q)key `.fee
``fi
q)key `.fee.fi
``fo
q).fee.fi
  | ::
fo| 42
q)/ .q holds the keywords (ktwa lists them in its own order)
q)`neg`not`null in key `.q
111b
q)value(`.q.neg;2)
-2
q)\d foo
'domain
  [0]  \d foo
       ^
q)key each ("abc";101b;1 2 3h;1 2 3i;1 2 3;1 2 3f;`a`b)
`char`boolean`short`int`long`float`symbol
q)key 0#5
`long
q)key 3
0 1 2
q)K:([s:`q`w`e]g:1 2 3;h:4 5 6)
q)key K
s
-
q
w
e
q)value `q`w`e!(1 2;3 4;5 6)
1 2
3 4
5 6
q)value "iasc 2 7 3 1"
3 0 2 1
q)value "{x*x}"
{x*x}
q)value(+;1;2)
3
q)value("{x+y}";1;2)
3
q)value +[2]
+
2
q)value {x+y}[;2]
{x+y}
::
2
q)count value (neg 1+)
2
q)f:,/:\:
q)value f
,/:
q)value each (::;+;-;*;%)
0 1 2 3 4
q)value each (get;value;neg)
19 19 2
q)/ value of a lambda: q's list; ktwa has no bytecode (an empty byte vector stands in for
q)/ it and for the position map), no file or line
q)f:{[a;b]d::neg c:a*b+5;c+e}
q)value f
`byte$()
`a`b
,`c
``d`e
5
`long$()
"..f"
""
-1
"{[a;b]d::neg c:a*b+5;c+e}"
q)\d .test
q)g:{[a;b]d::neg c:a*b+5;c+e}
q)(value g)3 6
`test`d`e
".test.g"
q)\d .
q)e:1
q)f[1;2]
8
q)d
-7
q)/ no constants: nine items
q)count value {x+y}
9
q)parse "2+3"
+
2
3
q)eval parse "2+3"
5
q)eval (+;2;3)
5
q)parse "1 2 3 + 5"
+
1 2 3
5
q)parse "{x*x}"
{x*x}
q)parse "1 2 3 +/: 5 7"
(/:;+)
1 2 3
5 7
q)parse "1 2 3 +neg 5 7"
+
1 2 3
(-:;5 7)
q)eval parse "1 2 3 +/: 5 7"
6 7 8 
8 9 10
q)eval parse"z::5"
5
q)z
5
q)parse "count x"
#:
`x
q)parse "f[1;`b;`c`d]"
`f
1
,`b
,`c`d
q)parse "(1;`a;x)"
enlist
1
,`a
`x
q)parse "a[1]:3"
:
(`a;1)
3
q)w:1 2 3
q)eval parse "w[1]:30"
30
q)w
1 30 3
q)eval parse "w+:1"
2 31 4
q)w
2 31 4
q)eval parse "$[1b;`yes;`no]"
`yes
q)eval parse "{x-y}[;2]"
{x-y}[;2]
q)eval parse "([]a:1 2;b:3 4)"
a b
---
1 3
2 4
q)parse "if[a;b]"
'nyi
  [0]  parse "if[a;b]"
       ^
q)eval parse "til 3"
0 1 2
q)sp:([]s:`s1`s1`s2`s3;p:`p1`p2`p1`p1;qty:300 100 300 200)
q)x:parse "select part:p,qty by sup:s from sp where qty>200,p=`p1"
q)x
?
`sp
,((>;`qty;200);(=;`p;,`p1))
(,`sup)!,`s
`part`qty!`p`qty
q)parse "select a from t"
?
`t
()
0b
(,`a)!,`a
q)parse "exec a from t"
?
`t
()
()
,`a
q)parse "update b:a+1 from t where a>1"
!
`t
,,(>;`a;1)
0b
(,`b)!,(+;`a;1)
q)parse "delete a from t"
!
`t
()
0b
,,`a
q)parse "delete from t where a>1"
!
`t
,,(>;`a;1)
0b
`symbol$()
q)t:([] c1:`a`b`a`c`a`b`c; c2:10*1+til 7; c3:1.1*1+til 7)
q)?[t; ((>;`c2;35);(in;`c1;enlist[`b`c])); 0b; ()]
c1 c2 c3 
---------
c  40 4.4
b  60 6.6
c  70 7.7
q)?[t;();0b;`a`b!(`c1;(+;`c2;1))]
a b 
----
a 11
b 21
a 31
c 41
a 51
b 61
c 71
q)?[t; (); (); `c1]
`a`b`a`c`a`b`c
q)?[t; (); (); `one`two!(`c1;(sum;`c2))]
one| `a`b`a`c`a`b`c
two| 280
q)?[t; (); `c1; (sum;`c2)]
a| 90
b| 80
c| 110
q)?[t;();(enlist`c1)!enlist`c1;(enlist`s)!enlist(sum;`c2)]
c1| s  
--| ---
a | 90 
b | 80 
c | 110
q)?[t;();1b;(enlist`c1)!enlist`c1]
c1
--
a 
b 
c 
q)eval parse "exec c2 from t where c1=`b"
20 60
q)![t;enlist(=;`c1;enlist`a);0b;(enlist`c2)!enlist 0]
c1 c2 c3 
---------
a  0  1.1
b  20 2.2
a  0  3.3
c  40 4.4
a  0  5.5
b  60 6.6
c  70 7.7
q)![t;();0b;`c2`c3]
c1
--
a 
b 
a 
c 
a 
b 
c 
q)![`t;enlist(>;`c2;20);0b;`symbol$()]
`t
q)t
c1 c2 c3 
---------
a  10 1.1
b  20 2.2
q)?[t;0 1;(+;`c2;1)]
11 21
q)-3!1 2
"1 2"
q)-3!`a`b!1 2
"`a`b!1 2"
q)-3!"abc"
"\"abc\""
q)parse"6(+)4"
6
(+:;4)
q)parse "select count i from trade where 140>(count;i) f sym"
?
`trade
,,(>;140;((enlist;#:;`i);(`f;`sym)))
0b
(,`x)!,(#:;`i)
q)-5!"select this from that"
?
`that
()
0b
(,`this)!,`this
q)-6!-5!"1+2"
3
q)/ a keyword q defines as an operator form shows that form, and is that function (parsetrees.md, variadic.md)
q)(type;count;sum;deltas;and)
@:
#:
+/
-':
&
q)flip~(+:)
1b
q)string maxs
"|\\"
q).q?(*:)
`first
q)/ <> <= >= are compositions in q (105h) and prev a derived each-prior (109h): datatypes.md
q)type each (<>;<=;>=;prev;=)
105 105 105 109 102h
