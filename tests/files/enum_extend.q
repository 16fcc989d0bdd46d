Enum extend over a domain file (enum-extend.md, filepath): `:d?y reads the file's symbols (none
when it is missing: a global of that name is overwritten, not used), adds y's new ones, writes
them back, sets the global named after the file and enumerates y over it.
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
q)`:dom?,`k
`dom$,`k
q)dom
`k`m`n
q)`:dom?1 2
'type
  [0]  `:dom?1 2
            ^
q)dom
`k`m`n
