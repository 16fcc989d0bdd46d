mmu and inv on floats; .Q's names and command-line helpers (q reference: mmu, inv, dotq).
q)a:2 4#2 4 8 3 5 6 0 7f
q)b:4 3#"f"$til 12
q)a mmu b
87 104 121
81 99  117
q)c:3 3#2 4 8 3 5 6 0 7 1f
q)1=c mmu inv c
100b
010b
001b
q)(1 2 3f;4 5 6f) mmu (7 8f;9 10f;11 12f)
58  64 
139 154
q)1 2 3f mmu 4 5 6f
32f
q)m:(0 1f;1 1f)
q)3 (m mmu)\1 1f
1 1
1 2
2 3
3 5
q)1 2 mmu 3 4
'type
  [0]  1 2 mmu 3 4
           ^
q)1 2f mmu 3 4 5f
'length
  [0]  1 2f mmu 3 4 5f
            ^
q)inv c
-0.4512195  0.6341463  -0.195122  
-0.03658537 0.02439024 0.1463415  
0.2560976   -0.1707317 -0.02439024
q)inv 2 2#0f
'domain
  [0]  inv 2 2#0f
       ^
q).Q.n
"0123456789"
q).Q.nA
"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
q).Q.t
" bg xhijefcspmdznuvts"
q).Q.t?"j"
7
q)3#.Q.res
`abs`acos`asin
q).Q.id each `$("ab";"a/b";"two words";"2drifters";"2+2")
`ab`ab`twowords`a2drifters`a22
q).Q.id`$"+"
`a
q).Q.id`$"_"
`a_
q)cols .Q.id(`$("count+";"count*";"count1"))xcol([]1 2;3 4;5 6)
`count1`count11`count12
q)cols .Q.id(`$("aa";"=";"+"))xcol([]1 2;3 4;5 6)
`aa`a`a1
q)cols .Q.id(`$("3aa";"_aa";"_aa"))xcol([]1 2;3 4;5 6)
`a3aa`a_aa`a_aa1
q)key .Q.id `in`a!1 2
`in1`a
q)/ q's reference prints a lone value without its enlist; ktwa keeps q's list of strings
q).Q.opt ("-param1";"val1";"-param2";"as";"asd";"-param3")
param1| ,"val1"
param2| ("as";"asd")
param3| ()
q).Q.def[`abc`xyz`efg!(1;2.;`a)].Q.opt ("-abc";"123";"-xyz";"321")
abc| 123
xyz| 321f
efg| `a
q).Q.def[`param1`param3!(1;23.1)].Q.opt ("-param1";"11";"-param3";"wrong")
param1| 11
param3| 0n
