Scripts with k (run in a fresh folder): a `.k` script is k throughout, as q loads its own q.k;
a q script's `k)` lines are k, its other lines q; a lone `\` in a script ends it (syntax.md:
when not closing a comment block it exits the script), so what follows is not run. read0 of a
byte range over a line break gives its lines (KX's csvutil.q reads its header line as
`first read0(f;0;n)`); a k line reads whole lines from a chunk as csvutil's .Q.fs-like loader
does; insert into a global that is () makes it the table (csvutil.q's bulkload: DATA:()).
q)`:m.k 0: ("f:{#x}";"g:{+/!x}";"h:{";"  |x}")
`:m.k
q)\l m.k
q)f 1 2 3
3
q)g 4
6
q)h 1 2
2 1
q)f
k){#x}
q)`:s.q 0: ("k)r:{|x}";"p:{count x}";"\\";"never:1")
`:s.q
q)\l s.q
q)r 1 2 3
3 2 1
q)p r 1 2
2
q)never
'never
  [0]  never
       ^
q)`:rows.csv 0: ("name,qty";"ab,1";"cd,22";"ef,333")
`:rows.csv
q)read0 (`:rows.csv;0;9)
,"name,qty"
q)read0 (`:rows.csv;0;4)
"name"
q)first read0 (`:rows.csv;0;1+first where 0xa=read1 `:rows.csv)
"name,qty"
q)k)chunk:{[f;o;n]r:1:(f;o;n);`\:(1+last@&0xa=r)#r}
q)chunk[`:rows.csv;0;22]
"name,qty"
"ab,1"
"cd,22"
q)DATA:()
q)`DATA insert ("SJ";enlist",")0:`:rows.csv
0 1 2
q)DATA
name qty
--------
ab   1  
cd   22 
ef   333
q)`DATA insert ([]name:1#`gh;qty:1#4)
,3
