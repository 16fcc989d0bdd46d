Idioms of KX's machine-learning toolkit (its optimizer's line search). Inside a lambda a line
break is a blank: a script separates a lambda's statements with `;` and indents a continuation
(syntax.md, multiline expressions), so a line that does not end in `;` goes on to the next,
as when a while-form's condition `c[;n]` sits on one line and `f/x` on the next, or a
function on one line takes its argument from the next. Lambdas are made with value so the
text can hold line breaks.
A query column that is a name alone takes that name, whether or not the table has such a
column (the graph code adds a node's id to its record with update id from record, id a
local); qsql.md names columns from their expressions.
A keyed table joined with a record (a dictionary of all its columns, in any order) or with a
simple table of its columns upserts them, as upsert does (upsert.md: records into a keyed
table, from a table keyed or not). A record may leave out value columns (upsert.md: records
with columns that are members of the table's): a row that is there keeps them, a new row has
nulls; one without the key columns is a 'mismatch (we are unsure what q reports there).
Drop takes keys from a keyed table as from any dictionary (drop.md): a key record, the key
of a one-column key, or a table of keys from the left (the graph code drops a node so, and a
node's edges with key[edges]_).
A query column may be a table (a list of conforming dictionaries, made by # of an enlisted
dictionary), as a table literal's may; a dictionary alone is still no column ('type).
Appending a record to a keyed table with a table column keeps that column a table.
q)stop:{[d;n] d[`i]<n}
q)step:{[a;b;d] d[`i]+:a; d}
q)run:value"{[x]\n r:stop[;x]\n   step[1;0]/`i`v!0 0;\n r}"
q)run 4
i| 4
v| 0
q)run 0
i| 0
v| 0
q)twice:value"{[x]\n 2*\n  neg\n  x}"
q)twice 3 4
-6 -8
q)two:value"{[x]\n a:x+1;\n b:a*10;\n a,b}"
q)two 1
2 20
q)value "{s:\"abc\"\n  2 0;s}[]"
"ca"
q)f:{[tag;d] update tag from d}
q)f[`new;`a`b!(1;"x")]
a  | 1
b  | "x"
tag| `new
q)g:{[w;t] select a,w from t}
q)g[`k;([]a:1 2)]
a w
---
1 k
2 k
q)kt:([id:`a`b] v:1 2; w:"xy")
q)kt,`w`v`id!("q";9;`a)
id| v w
--| ---
a | 9 q
b | 2 y
q)kt,`id`v`w!(`c;3;"z")
id| v w
--| ---
a | 1 x
b | 2 y
c | 3 z
q)kt,([]w:"st";id:`b`d;v:5 6)
id| v w
--| ---
a | 1 x
b | 5 s
d | 6 t
q)kt,flip`id`v`w!(0#`;0#0;"")
id| v w
--| ---
a | 1 x
b | 2 y
q)kt,`id`v!(`a;7)
id| v w
--| ---
a | 7 x
b | 2 y
q)kt,`id`w!(`c;"z")
id| v w
--| ---
a | 1 x
b | 2 y
c |   z
q)kt,(enlist`v)!enlist 3
'mismatch
  [0]  kt,(enlist`v)!enlist 3
         ^
q)kt _ `b
id| v w
--| ---
a | 1 x
q)`a _ kt
id| v w
--| ---
b | 2 y
q)(enlist`b)_ kt
id| v w
--| ---
a | 1 x
q)`a`b`z _ kt
id| v w
--| ---
q)(enlist`n`d!`p`x)_ e:([d:`x`y`x;n:`p`q`r] s:`u`v`w)
d n| s
---| -
y q| v
x r| w
q)e:([d:`x`y`x;n:`p`q`r] s:`u`v`w)
q)(key select from e where d=`x)_ e
d n| s
---| -
y q| v
q)e _ `n`d!`q`y
d n| s
---| -
x p| u
x r| w
q)pt:update b:count[i]#enlist(1#`x)!1#10 from ([]a:1 2)
q)r:select c:b from pt
q)cols r
,`c
q)r[`c]~pt`b
1b
q)count r
2
q)pk:update d:count[i]#enlist`x`y!1 2 from ([id:`a`b] v:1 2)
q)pk[`b;`d;`y]:40
q)exec d from pk
x y 
----
1 2 
1 40
q)exec d from select from pk where v>1
x y 
----
1 40
q)pk,:`id`v!(`a;9)
q)exec v from pk
9 2
q)exec d from pk
x y 
----
1 2 
1 40
