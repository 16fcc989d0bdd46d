Idioms of KX's cookbook scripts (the smart-meter tutorial, the trade database builder). Inside a
lambda a line break is a blank, so a line that ends with a verb still waiting for its right
argument (`x,` or `t lj`), or a next line that opens with a verb used between arguments
(`, y`, `lj t`) or with the by/from/where an open query still needs, carries on the statement
(the tutorial writes its queries over several lines so). A bracket block that
follows nothing, [a;b], runs its statements and is the last one's value (a branch of Cond);
we are unsure what q prints for a bare [1;2;3] typed alone, so only Cond's use is shown.
`n+::1` is the global's compound assignment, and a dotted name assigned in a lambda is the
global (no local has a namespace). n sublist y is y itself when y has no more than n items,
whatever y is (sublist.md: no more items than are available). Rows appended to a table in
memory keep a column's s, u or g where it still holds (set-attribute.md), as a tickerplant's
`g#sym does while records arrive. Amending the whole of a global that is not yet defined
defines it: with : it is the value (kdb-tick's r.q makes its tables from the schemas it is sent
so), with , it starts from the empty list as x,:y does (the cookbook's last-value client);
any other amendment of an undefined name stays an error.
q)t:([]k:`a`b`c;v:10 20 30)
q)f:value"{[x]\n select k,w:v*x\n  from t\n  where v>10}"
q)f 2
k w 
----
b 40
c 60
q)g:value"{[x]\n select sum v\n  by k\n  from t}"
q)g 0
k| v 
-| --
a| 10
b| 20
c| 30
q)g2:value"{[x]\n select max v by k\n  from(0!x),t}"
q)g2 ([]k:enlist`a;v:enlist 99)
k| v 
-| --
a| 99
b| 20
c| 30
q)u:([k:`a`b] z:1 2)
q)h:value"{[x]\n r:(select k,v from t where v<x)\n  lj\n  u;\n r}"
q)h 25
k v  z
------
a 10 1
b 20 2
q)h2:value"{[x]\n `v xdesc\n  select from t where v<x}"
q)h2 25
k v 
----
b 20
a 10
q)j:value"{[x]\n s:\"ab\",\n  x,\n  \"yz\";\n s}"
q)j "--"
"ab--yz"
q)j2:value"{[x]\n s:\"ab\"\n  , x\n  , \"yz\";\n s}"
q)j2 "++"
"ab++yz"
q)k2:value"{[x]\n y:x+1;\n y*2}"
q)k2 4
10
q)$[0b;[a:1;a+1];[b:5;b*2]]
10
q)$[1b;[a:1;a+1];[b:5;b*2]]
2
q)m:{[x]$[x;[y:x+1;y*3];0]}
q)m 4
15
q)m 0
0
q)n:0
q)step:{n+::x}
q)step 5
5
q)step 2
7
q)n
7
q)d:10 20 30
q)bump:{d[x]+::1}
q)bump 1
21
q)d
10 21 30
q)p:{[n] n+::1;n}
q)p 3
4
q)n
7
q).flag.on:0b
q)switch:{.flag.on:1b}
q)switch[]
1b
q).flag.on
1b
q)set2:{.flag.v:x;.flag.v*2}
q)set2 4
8
q).flag.v
4
q)1 sublist (::)
q)3 sublist 7
7
q)5 sublist 1 2 3
1 2 3
q)-2 sublist 1 2 3
2 3
q)2 sublist 1 2 3
1 2
q)tk:([]s:`g#`symbol$();v:`long$())
q)`tk insert (`a`b;1 2)
0 1
q)attr tk`s
`g
q)tk,:(`c;3)
q)`tk upsert ([]s:enlist `d;v:enlist 4)
`tk
q)(attr tk`s;count tk)
`g
4
q)ts:([]k:`s#1 2)
q)ts,:([]k:enlist 3)
q)attr ts`k
`s
q)ts,:([]k:enlist 0)
q)attr ts`k
`
q)tu:([]k:`u#1 2)
q)`tu insert 3
,2
q)attr tu`k
`u
q)`tu insert 3
,3
q)attr tu`k
`
q).[`fresh1;();:;([]a:1 2)]
`fresh1
q)fresh1
a
-
1
2
q)(.[;();:;].) each ((`fresh2;10 20);(`fresh3;`x`y))
`fresh2`fresh3
q)(fresh2;fresh3)
10 20
x  y 
q).[`fresh4;();,;([k:`a`b]v:1 2)]
`fresh4
q)fresh4
k| v
-| -
a| 1
b| 2
q).[`fresh4;();,;([k:`b`c]v:5 6)]
`fresh4
q)fresh4
k| v
-| -
a| 1
b| 5
c| 6
q).[`fresh5;();,;3]
`fresh5
q)fresh5
,3
q).[`fresh6;();+;1]
'fresh6
  [0]  .[`fresh6;();+;1]
       ^
q).[`fresh7;0;:;1]
'fresh7
  [0]  .[`fresh7;0;:;1]
       ^
