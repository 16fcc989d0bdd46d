.Q.l loads a database as \l does (its data, then the q scripts in it, after moving into it);
.Q.lo[db;cd;scripts] does it without moving and/or without the scripts; \l . reloads the
data only. Whether a load moves into the database is one rule for \l, .Q.l and .Q.lo (cd asked,
and a session free to move): where it does not move, its tables say where they are in full.
q)pq:([]k:`a`b;v:1 2)
q).Q.dpft[`:base;;`k;`pq] each 2002.02.01 2002.02.02
`pq`pq
q)`:base/setup.q 0: ("seen:1+@[value;`seen;0]";"where_:last \"/\" vs system\"cd\"")
`:base/setup.q
q)delete pq from `.
`.
q).Q.lo[`:base;0b;0b]
q)(count pq;last "/" vs system"cd")
4
"load_options"
q)@[value;`seen;`none]
`none
q).Q.lo[`:base;0b;1b]
q)(seen;where_)
1
"load_options"
q).Q.l`:base
q)(seen;where_)
2
"base"
q)\l .
q)seen
2
q).Q.lo[`:base;`no;1b]
'type
  [0]  .Q.lo[`:base;`no;1b]
       ^
q).Q.l`:absent
'absent. OS reports: Not a directory
  [0]  .Q.l`:absent
       ^
q)u:([]k:`c`d;v:3 4)
q).Q.dpft[`:nest;;`k;`u] each 2003.03.03 2003.03.04
`u`u
q)w:([]k:enlist`e;x:enlist 0.5)
q).Q.dpft[`:nest;2003.03.04;`k;`w]
`w
q)`:nest/sp/ set ([]a:5 6)
`:nest/sp/
q).Q.lo[`:nest;0b;0b]
q)last "/" vs system"cd"
"base"
q)((-3!sp) like "+(,`a)!`:/*";-14#-3!sp)
1b
"/base/nest/sp/"
q)@[value;"select from w";{x like "/*/base/nest/2003.03.03/w/k: No such file or directory"}]
1b
q).Q.lo[`:nest;1b;0b]
q)last "/" vs system"cd"
"nest"
q)-3!sp
"+(,`a)!`:./sp/"
q)@[value;"select from w";{x}]
"./2003.03.03/w/k: No such file or directory"
