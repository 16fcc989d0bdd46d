Enum extend over a domain file (enum-extend.md, filepath): `:d?y reads the file's symbols (none
when it is missing: a global of that name is overwritten, not used), adds y's new ones, writes
them back, sets the global named after the file and enumerates y over it. An amend at indices
of a file holding an enumeration or a vector with an attribute fails (amend.md, on disk).
q)dom:`zz
q)`:dom?`k`m`k
`dom$`k`m`k
q)dom
`k`m
q)`:dom?`m`n
`dom$`m`n
q)get `:dom
`k`m`n
q)dom:`other
q)`:dom?enlist`k
`dom$,`k
q)dom
`k`m`n
q)`:dom?1 2
'type
  [0]  `:dom?1 2
            ^
q)dom
`k`m`n
q)`:ev set `:dom?`m`k`m
`:ev
q)@[`:ev;0;:;`dom$`n]
'type/attr error amending file ev
  [0]  @[`:ev;0;:;`dom$`n]
       ^
q)`:sv set `s#1 2 3
`:sv
q)@[`:sv;1;:;5]
'type/attr error amending file sv
  [0]  @[`:sv;1;:;5]
       ^
q)`:pv set 1 2 3
`:pv
q)@[`:pv;1;:;5]
`:pv
q)get `:pv
1 5 3
q).[`:ev;();,;`dom$`n]
`:ev
q)get `:ev
`dom$`m`k`m`n
