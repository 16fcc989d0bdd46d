.Q functions on tables and values: .Q.qt (is a table), .Q.V (columns as a dictionary), .Q.v
(the value a symbol names), .Q.ff (add missing columns as nulls), .Q.fk (foreign key's
table), .Q.ld (how \l groups a script's lines), .Q.opt setting .Q.x.
q)u:([]p:10 20 30;c:"xyz")
q).Q.qt each (u;2!u;til 3;`p`c!1 2)
1100b
q).Q.V u
p| 10 20 30
c| x  y  z 
q).Q.V 1!u
p| 10 20 30
c| x  y  z 
q).Q.V 7
'type
  [0]  .Q.V 7
       ^
q).Q.v`u
p  c
----
10 x
20 y
30 z
q).Q.v "text"
"text"
q).Q.ff[u] enlist `c`w`v!("q";1.5;2000.01.01)
p  c w v
--------
10 x    
20 y    
30 z    
q)meta .Q.ff[u] enlist `c`w`v!("q";1.5;2000.01.01)
c| t f a
-| -----
p| j    
c| c    
w| f    
v| d    
q).Q.ff[u;([]p:1#0)]~u
1b
q).Q.ff[u;1 2]
'type
  [0]  .Q.ff[u;1 2]
       ^
q)dept:([id:`ops`eng]floor:3 4)
q)staff:([]who:`ann`bob`cy;dept:`dept$`eng`ops`eng)
q).Q.fk staff`dept
`dept
q).Q.fk staff`who
`
q).Q.ld ("/ header";"h:{";"  x*2";"  }";"";"k:3";"\t+4")
1          2                 6          
"/ header" "h:{\n  x*2\n  }" "k:3\n\t+4"
q).Q.opt ("in.csv";"out";"-n";"5";"-v")
n| ,,"5"
v| ()
q).Q.x
"in.csv"
"out"
