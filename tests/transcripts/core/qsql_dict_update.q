update from a dictionary with symbol keys (update.md, qsql.md: the table expression may be a
dictionary): the keys are the columns; each phrase replaces its key's value or adds a key; by
name the global dictionary changes. A by phrase is a 'type (update.md, since 4.1).
q)p:`x`y!(2 4 6;1 1 2)
q)update s:x+y from p
x| 2 4 6
y| 1 1 2
s| 3 5 8
q)(update y:y*10 from p)`y
10 10 20
q)p`y
1 1 2
q)flip update hit:x=2*y from p
x y hit
-------
2 1 1  
4 1 0  
6 2 0  
q)update w:7 from `p
`p
q)p`w
7
q)update z:x by y from p
'type
  [0]  update z:x by y from p
       ^
