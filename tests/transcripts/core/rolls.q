Random draws of guids, short symbols and letters (deal.md): their values are the session's
generator's (q's sequence is not reproduced), their shapes and types are q's.
q)type 3?0Ng
2h
q)count distinct -500?0Ng
500
q)type first -1?0Ng
-2h
q)3?0Ng
<any>
q)all (raze string 200?`2) in "abcdefghijklmnop"
1b
q)count each string 5?`4
4 4 4 4 4
q)type rand `3
-11h
q)all (40?" ") within "az"
1b
q)count 0b vs rand 0Ng
128
q)20?`9
'nyi
  [0]  20?`9
         ^
q)/ -n?0 deals n distinct longs from the whole range; the other atoms a deal cannot take are type errors
q)type -4?0
7h
q)count distinct -300?0
300
q)-2?0i
'type
  [0]  -2?0i
         ^
q)-2?0x0
'type
  [0]  -2?0x0
         ^
