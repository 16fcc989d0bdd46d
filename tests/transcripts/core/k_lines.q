k, the language q is written in, as q scripts mix it in: a line that starts `k)` is k, and a
lone `\` typed at the console toggles between q and k (syscmds.md). In k a verb with nothing
on its left is its unary form (exposed-infrastructure.md's table: `#x` count, `!x` til/key,
`$x` string ...; parsetrees.md: `k)$42` is "42" where q's `$42` is '$: q has no unary syntax
for operators, funsql.md), a glyph's each too;
the q keywords k does not know (those not in .Q.res) are plain names there, reached as
`.q.name`. A lambda written in k stays k: it shows as `k){...}` (parsetrees.md shows fby so)
and `last value f` is that text (KX's csvguess.q writes `2_ last value fs2` back as a k line).
What ktwa does not build of k is 'nyi: `<=` `>=` `<>` (not k tokens), a verb composed with a
bare glyph's unary form (`*|` with no argument). k code may make a global named like a q keyword
k does not know (`k)count:3`): k reads it, and `get`, while q reads `count` as its keyword.
Unsure of q: how a frame shows a k lambda (here `f:k){...}`), and how k's console shows a value
(here k's one-line form, as a script echoes it).
q)k)#1 2 3
3
q)#1 2 3
'#
  [0]  #1 2 3
       ^
q)k)*|10 20 30
30
q)k)!4
0 1 2 3
q)k)d:`p`q!3 4;(!d;. d)
p q
3 4
q)k)$12
"12"
q)k)@1 2
7h
q)k)~010b
101b
q)k)=`x`y`x
x| 0 2
y| ,1
q)k)(<30 10 20;>30 10 20)
1 2 0
0 2 1
q)k)^1 0N 3
010b
q)k)?1 1 2 1
1 2
q)k)&1 0 2
0 2 2
q)k)_2.5 -1.5
2 -2
q)k)+(1 2;3 4)
1 3
2 4
q)k)n:5;-n
-5
q)k)%4
0.25
q)k),5
,5
q)k)#'(1 2;3;"abc")
2 1 3
q)k)3#'(1 2;3 4)
1 2 1
3 4 3
q)k)+/!5
10
q)k),/(1 2;3)
1 2 3
q)k)2+|1 2 3
5 4 3
q)k)(#;1 2)
#
1 2
q)k)f:+
q)f[2;3]
5
q)k)/ a comment line in k
q)k)1+1 / and a trailing one
2
q)k)f:*|
'nyi
  [0]  k)f:*|
           ^
q)k)1<=2
'nyi
  [0]  k)1<=2
          ^
q)/ k's own words (.Q.res) work as in q, infix ones infix; other q keywords are plain names
q)k)last 1 2 3
3
q)k)1 2 in 2 3
01b
q)k)count 1 2
'count
  [0]  k)count 1 2
         ^
q)k)7 mod 3
'mod
  [0]  k)7 mod 3
           ^
q)k).q.mod[7;3]
1
q)k){count:x;count+1}[4]
5
q)/ k code may make a global named like a q keyword k does not know; q still reads the keyword
q)k)count:3
q)k)count+1
4
q)count 1 2 3
3
q)get `count
3
q)/ a k lambda stays k: shown, stringified and valued as k, called later from q
q)k)g:{$[~@x;.z.s'x;#x]}
q)g (1 2;3 4 5)
2 3
q)g
k){$[~@x;.z.s'x;#x]}
q)string g
"k){$[~@x;.z.s'x;#x]}"
q)last value g
"k){$[~@x;.z.s'x;#x]}"
q)(g;1)
k){$[~@x;.z.s'x;#x]}
1
q)k)h:{x+y}[10]
q)h
k){x+y}[10]
q)h 5
15
q)k)e:{x+`a}
q)e 1
'type
  [1]  e:k){x+`a}
             ^
  [0]  e 1
       ^
q)/ value and parse read a k) string as k
q)value "k)+/!5"
10
q)value "#1 2"
'#
  [1]  #1 2
       ^
  [0]  value "#1 2"
       ^
q)parse "k)!10"
!:
10
q)eval parse "k)#'(1 2;,3)"
2 1
q)/ a lone \ toggles q and k; k's console shows k's one-line form
q)\
q)!3
0 1 2
q)`a`b!1 2
`a`b!1 2
q)#1 2 3
3
q)\
q)#1 2 3
'#
  [0]  #1 2 3
       ^
q)`a`b!1 2
a| 1
b| 2
