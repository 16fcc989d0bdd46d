System commands q answers itself, and what scripts do with them (syscmds.md): the count after
`\t:` and `\ts:` is a q expression; `value` of a list whose first item is text evaluates it.
q)k:4;hits:0
q)\t:k hits+:1
<any>
q)hits
4
q)\t:k+1 hits+:1
<any>
q)hits
9
q)count system"ts:k hits+:1"
2
q)hits
13
q)\t:`k hits+:1
'type
  [0]  \t:`k hits+:1
       ^
q)value ("+";2;3)
5
q)value ("-";10;4)
6
q)value ("{x*y}";6;7)
42
q)value ("til";3)
0 1 2
q)cb.add:{x+1}
q)cb.neg:{neg x}
q)cb . (`add;41)
42
q)cb[`neg;5]
-5
q)cb[`add]
{x+1}
q)("ab";"cd";"ef")?("cd";"zz";"ef")
1 3 2
q)("ab";"cd") in ("cd";"x")
01b
q)("ab";"cd")?(("cd";"ab");"ab")
1 0
0
q)sum ("0123456789abcdef"16 vs'x) in string x:til 300
130i
