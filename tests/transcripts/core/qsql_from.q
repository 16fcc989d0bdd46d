qSQL whose from-part is not a plain table (qsql.md: a table or a dictionary, by value or by
name; any expression may give it). From a dictionary with symbol keys, the keys are the columns:
a select gives a dictionary of its phrases (the dictionary itself without any), an exec a value
or a dictionary, and without phrases a record (a row's dictionary of atoms) is its own last
record. What a where or by phrase, select[n], a delete of rows, or an exec without phrases from
a dictionary of lists does is not documented, so ktwa says 'nyi (q may answer differently), as
for deleting a keyed table's key column. A record added to a keyed table is added to its key's
row or appended, as `,` upserts it (KX's e/c.q accumulates each tick's row with `kt+:rec`);
other dictionaries with a keyed table are a 'type. An assignment as the from-part queries the
assigned value: `exec .. from (kt,:rec) where ..`.
q)r:`tk`px`qty!(`ABC;20.5;30)
q)select tk,px,qty from r
tk | `ABC
px | 20.5
qty| 30
q)select tk,notional:px*qty from r
tk      | `ABC
notional| 615f
q)select qty from r
qty| 30
q)select from r
tk | `ABC
px | 20.5
qty| 30
q)select tk,qty+1 from `r
tk | `ABC
qty| 31
q)exec px*qty from r
615f
q)exec tk,px from r
tk| `ABC
px| 20.5
q)?[r;();0b;`a`b!(`qty;(*;2;`qty))]
a| 30
b| 60
q)c:`u`w!(3 1 2;10 20 30)
q)select max u,w from c
u| 3
w| 10 20 30
q)select from r where qty>1
'nyi
  [0]  select from r where qty>1
       ^
q)select by tk from r
'nyi
  [0]  select by tk from r
       ^
q)exec qty by tk from r
'nyi
  [0]  exec qty by tk from r
       ^
q)select[1] from r
'nyi
  [0]  select[1] from r
       ^
q)delete from r
'nyi
  [0]  delete from r
       ^
q)delete qty from r where px>1
'nyi
  [0]  delete qty from r where px>1
       ^
q)select from 10 20!1 2
'type
  [0]  select from 10 20!1 2
       ^
q)b:([tk:`ABC`DEF]px:1 2f;qty:5 6)
q)b+`tk`px`qty!(`DEF;0.5;4)
tk | px  qty
---| -------
ABC| 1   5  
DEF| 2.5 10 
q)b+`qty`tk!(1;`GHI)
'type
  [0]  b+`qty`tk!(1;`GHI)
        ^
q)b+`px`qty!(1f;2)
'type
  [0]  b+`px`qty!(1f;2)
        ^
q)b,:`tk`px`qty!(`GHI;3f;7)
q)exec sum qty from (b,:`tk`px`qty!(`XYZ;9f;1)) where px>2
8
q)count b
4
q)f:{[k;p]exec last tk,max px from (b,:`tk`px`qty!(k;p;0)) where tk=k}
q)f[`JKL;4.5]
tk| `JKL
px| 4.5
q)s:([]q:7 2;px:3 5f)
q)exec px from (-/)s
-2f
q)select from (`tk`px!(`A;1f);`tk`px!(`B;2f)) where px>1
tk px
-----
B  2 
q)b+`qty`tk`px!(1;`DEF;2f)
tk | px  qty
---| -------
ABC| 1   5  
DEF| 4   7  
GHI| 3   7  
XYZ| 9   1  
JKL| 4.5 0  
q)b*`tk`px`qty!(`ABC;2f;3)
tk | px  qty
---| -------
ABC| 2   15 
DEF| 2   6  
GHI| 3   7  
XYZ| 9   1  
JKL| 4.5 0  
q)(`tk`px`qty!(`ABC;2f;3))*b
tk | px  qty
---| -------
ABC| 2   15 
DEF| 2   6  
GHI| 3   7  
XYZ| 9   1  
JKL| 4.5 0  
q)b+`tk`px`qty!(`ABC;1 2f;3)
'type
  [0]  b+`tk`px`qty!(`ABC;1 2f;3)
        ^
q)exec from r
tk | `ABC
px | 20.5
qty| 30
q)exec from c
'nyi
  [0]  exec from c
       ^
q)delete tk from b
'nyi
  [0]  delete tk from b
       ^
q)k2:([tk:`A`B;d:1 2]px:3 4f)
q)delete d from k2
'nyi
  [0]  delete d from k2
       ^
q)select from enlist r
tk  px   qty
------------
ABC 20.5 30 
