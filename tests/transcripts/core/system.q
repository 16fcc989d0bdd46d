System commands (q-core.md §8): \P, \c, \t, \ts (timings vary: <any>), system"...".
q)\P
7i
q)\P 3
q)\P
3i
q)1%3
0.333
q)2%3
0.667
q)\P 0
q)\P
0i
q)1%3
0.33333333333333331
q)\P 7
q)1%3
0.3333333
q)\c 25 80
q)\c
25 80i
q)\c 10 10
q)\c
10 10i
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
q)til 10
0 1 2 3 4 5 6 7 8 9
q)\t til 1000
<any>
q)\t:10 til 1000
<any>
q)\ts til 1000
<any>
q)\ts:10 til 1000
<any>
q)type system"t til 1000"
-7h
q)count system"ts til 1000"
2
q)type system"ts til 1000"
7h
q)system"P 3"
q)\P
3i
q)system"P"
3i
q)\P 7
q)a:1
q)\t a:til 10
<any>
q)a
0 1 2 3 4 5 6 7 8 9
q)n:system"s"
q)\s 1
q)\s
1i
q)\s 0
q)\s
1i
q)\s -1
'nyi
  [0]  \s -1
       ^
q)\s 2.5
'type
  [0]  \s 2.5
       ^
q)system"s ",string n
q)n~system"s"
1b
q)kt:([k:1 2] v:`a`b)
q)pt:([]a:1 2 3)
q).shop.stock:([]item:`nut`bolt)
q)\a   / a comment after a command is not its argument
`kt`pt
q)tables[]
`kt`pt
q)tables`.
`kt`pt
q)tables`.shop
,`stock
q)system"a"
`kt`pt
q)`htc`hta in system"f .h"
11b
q)`tx`ty in system"v .h"
11b
q)\d .h
q)htc[`p;"x"]
"<p>x</p>"
q)\d .
q)\a .nowhere
'.nowhere
  [0]  \a .nowhere
       ^
q).somewhere.t:([]k:1 2)
q)\a .somewhere
,`t
q)/ .z values of the process (dotz.md): the console's handle, no connections, the pid, platform, user, host
q).z.w
0i
q).z.H~key .z.W
1b
q)count .z.W
0
q)type each (.z.i;.z.o;.z.u;.z.h)
-6 -11 -11 -11h
q)/ .z.b: each global the views use, and its views (unsure of q's order of the globals: sorted here)
q)vsum::p+q
q)vinc::p+1
q).z.b
p| `vsum`vinc
q| ,`vsum
q)/ \s 0N: the most compute threads \s may set (this machine's cores), an int (syscmds.md)
q)type system"s 0N"
-6h
q)(system"s 0N")>0
1b
q)`KTWA_TEST_SETENV setenv "/srv/q data"
q)getenv `KTWA_TEST_SETENV
"/srv/q data"
q)`KTWA_TEST_SETENV setenv 42
'type
  [0]  `KTWA_TEST_SETENV setenv 42
                         ^
q)read0 0
'nyi: read0 0 in a session with no console input
  [0]  read0 0
       ^
