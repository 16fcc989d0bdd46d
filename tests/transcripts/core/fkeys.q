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
