Foreign keys: an enumeration over a keyed table (its single symbol key column); its indices
are the rows it points to, and `f.col` in a query reads the keyed table's column there.
q)town:([code:`ldn`par`rom] name:`London`Paris`Rome; pop:9 2 3)
q)visit:([]who:`ann`bob`cy`dee; at:`town$`par`ldn`par`rom)
q)visit
who at 
-------
ann par
bob ldn
cy  par
dee rom
q)"j"$visit`at
1 0 1 2
q)meta visit
c  | t f    a
---| --------
who| s       
at | s town  
q)select who, at.name, at.pop from visit
who name   pop
--------------
ann Paris  2  
bob London 9  
cy  Paris  2  
dee Rome   3  
q)select sum at.pop by at from visit
at | pop
---| ---
ldn| 9  
par| 4  
rom| 3  
q)`town$`ber
'cast
  [0]  `town$`ber
            ^
q)select at.height from visit
'height
  [0]  select at.height from visit
       ^
q)/ implicit joins go on through the keyed table's own foreign keys (joins.md: s.eid.currency)
q)sx:([s:`s1`s2`s3]name:`smith`jones`blake)
q)spx:([]s:`sx$`s1`s2`s3`s1;qty:100 200 300 400)
q)em:([eid:1001 1002 1003] currency:`gbp`eur`usd)
q)update eid:`em$1001 1002 1003 from `sx
`sx
q)select s.name, s.eid.currency from spx
name  currency
--------------
smith gbp     
jones eur     
blake usd     
smith gbp     
q)select s.eid.currency.x from spx
's.eid.currency.x
  [0]  select s.eid.currency.x from spx
       ^
