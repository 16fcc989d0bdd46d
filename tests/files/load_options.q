.Q.l loads a database as \l does (its data, then the q scripts in it, after moving into it);
.Q.lo[db;cd;scripts] does it without moving and/or without the scripts; \l . reloads the
data only.
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
