qSQL and friends: delete from a dictionary and from a namespace (by name), keying a global
table by name, the shapes exec gives, a query whose table or where phrase is itself a query,
and what signal refuses (values checked against the q reference).
q)cfg:`host`port`user!(`db1;5001;`ann)
q)delete port from cfg
host| db1
user| ann
q)delete port,user from `cfg
`cfg
q)cfg
host| db1
q)one:1;two:2
q)delete one from `.
`.
q)one
'one
  [0]  one
       ^
q)two
2
q).ns.p:1;.ns.r:2
q)delete p from `.ns
`.ns
q)key `.ns
``r
q)trips:([]car:`a`b`a`c;km:10 20 30 40)
q)1!`trips
`trips
q)keys trips
,`car
q)0!`trips
`trips
q)keys trips
`symbol$()
q)exec from trips
car| `c
km | 40
q)exec sum km by car from trips
a| 40
b| 20
c| 40
q)exec total:sum km by car from trips
 | total
-| -----
a| 40   
b| 20   
c| 40   
q)exec sum km by car:car from trips
car|   
---| --
a  | 40
b  | 20
c  | 40
q)select n:count i by car from ungroup select km by car from trips
car| n
---| -
a  | 2
b  | 1
c  | 1
q)select from trips where km in exec km from trips where car=`a
car km
------
a   10
a   30
q)f:{@[{'x};x;{"caught ",x}]}
q)f`oops
"caught oops"
q)f 42
"caught stype"
q)f"z"
"caught stype"
q)f"zz"
"caught zz"
q)/ a lambda's implicit x y z are not looked for inside a query's select, by and where phrases; its table is seen (qsql.md)
q)params:{(value x)1}
q)params{select from z where k=y}
`x`y`z
q)params{select from tb where k=y,v=z}
,`x
q){select from ([]k:1 2;v:3 4) where k=x,v=y}[1;3]
'rank
  [0]  {select from ([]k:1 2;v:3 4) where k=x,v=y}[1;3]
       ^
q){select from ([]k:1 2;v:3 4) where k=x}[2]
k v
---
2 4
q)/ a select whose column and group share a name is rejected as it is parsed (qsql.md, since 4.0)
q)parse"select k by k from kv"
'dup names for cols/groups k
  [0]  parse"select k by k from kv"
       ^
q)select v,k by k from ([]k:1 2;v:3 4)
'dup names for cols/groups k
  [0]  select v,k by k from ([]k:1 2;v:3 4)
       ^
q)select v by g:k from ([]k:1 1;v:3 4)
g| v  
-| ---
1| 3 4
