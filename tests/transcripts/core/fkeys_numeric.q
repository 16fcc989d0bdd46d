A foreign key over a keyed table whose one key column is numeric: `f$ checks each value is a
key ('cast), wants the key's type ('type), shows as `f$ and the values; `key` is the table's
name, `value` the keys, "j"$ the rows they point to; meta shows the key's type and fkeys the
table. Joins and groups keep it (fkeys.md, key.md).
q)dept:([id:101 102 103]title:`ops`dev`lab;floor:1 2 2)
q)staff:([]who:`ann`bo`cy`di;unit:`dept$102 101 102 103;boss:`dept$101 101 102 102)
q)staff
who unit boss
-------------
ann 102  101 
bo  101  101 
cy  102  102 
di  103  102 
q)meta staff
c   | t f    a
----| --------
who | s       
unit| j dept  
boss| j dept  
q)fkeys staff
unit| dept
boss| dept
q)/ an empty dictionary prints nothing at the console (dictsandtables.md): its k form
q)-3!fkeys ([]n:1 2)
"(`symbol$())!`symbol$()"
q)ids:staff`unit
q)ids
`dept$102 101 102 103
q)type ids
20h
q)ids 1
`dept$101
q)type ids 1
-20h
q)key ids
`dept
q)value ids
102 101 102 103
q)"j"$ids
1 0 1 2
q)ids=102
1010b
q)ids=`dept$103
0001b
q)distinct ids
`dept$102 101 103
q)ids,`dept$101
`dept$102 101 102 103 101
q)raze (ids 0;ids 3)
`dept$102 103
q)asc ids
`s#`dept$`s#101 102 102 103
q)select who, unit.title, boss.floor from staff
who title floor
---------------
ann dev   1    
bo  ops   1    
cy  dev   2    
di  lab   2    
q)select n:count i by unit from staff
unit| n
----| -
101 | 1
102 | 2
103 | 1
q)`dept$104
'cast
  [0]  `dept$104
            ^
q)`dept$102i
'type
  [0]  `dept$102i
            ^
q)`dept!0 2
`dept$101 103
q)0N!ids 0;
`dept$102
q)@[ids;0;:;`dept$103]
`dept$103 101 102 103
q)/ empty: as an empty symbol enumeration shows (dotq.md's .Q.vp prints `sym$()); unsure of q here
q)`dept$()
`dept$()
