Attributes on keyed tables and general lists (set-attribute.md). `s# on a keyed table checks
and marks its key in place (no copy: every name for the table sees it; a vector gets it on a
view, as a vector here may be shared where q's is not), the keyed table itself has none, and lookups become
a step function: the record at the last key at or below the index, nulls below the first. `s and `u hold on general lists as on vectors, checked
in q's order; `p and `g on general lists are not supported here ('nyi).
q)prices:([at:10 20 40]px:1.5 2.5 4.5;n:3 4 5)
q)sp2:`s#prices
q)attr each (sp2;key sp2)
``s
q)sp2 25
px| 2.5
n | 4
q)sp2 5
px| 0n
n | 0N
q)sp2 ([]at:10 39 41 3)
px  n
-----
1.5 3
2.5 4
4.5 5
     
q)attr key prices
`s
q)other:([at:10 20 40]px:1.5 2.5 4.5;n:3 4 5)
q)other 25
px| 0n
n | 0N
q)again:([at:10 20 40]px:1.5 2.5 4.5;n:3 4 5)
q)attr key again
`
q)`s#([at:20 10]px:1 2)
's-fail
  [0]  `s#([at:20 10]px:1 2)
         ^
q)names:`s#([nm:`bo`di`ka]age:31 42 27)
q)names`cy
age| 31
q)attr `u#(1 2;"xy";`p`q)
`u
q)0N!`u#(3 4;5 6);
`u#(3 4;5 6)
q)`u#(3 4;3 4)
'u-fail
  [0]  `u#(3 4;3 4)
         ^
q)`s#(7 8;7 9;8 0)
7 8
7 9
8 0
q)`s#(7 9;7 8)
's-fail
  [0]  `s#(7 9;7 8)
         ^
q)attr `#`s#(7 8;7 9)
`
q)ul:`u#(10 20;30 40)
q)ul,:enlist 50 60
q)attr ul
`u
q)ul,:enlist 10 20
q)attr ul
`
q)`g#(1 2;3 4)
'nyi
  [0]  `g#(1 2;3 4)
         ^
q)words:("fig";"ant";"emu")
q)asc words
"ant"
"emu"
"fig"
q)attr asc words
`s
q)0N!asc (3 4;1 2);
`s#(1 2;3 4)
