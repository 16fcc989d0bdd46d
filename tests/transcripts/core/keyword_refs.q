Core keywords as the q reference documents them (apply, maps, exec, lsq, bin, xgroup, ...):
cases written here in our own values. An iterator's data operand applied to one argument is a
keyword: `x/:` is `x sv`, `x\:` is `x vs` (maps page).
q)("-"/:)("ab";"cd";"e")
"ab-cd-e"
q)"/"/:("usr";"lib")
"usr/lib"
q)(10\:)1234
1 2 3 4
q)(2/:)1 1 0
6
q)(0x0\:)1i
0x00000001
q)k:("xy";"zw")
q)1 0 k/:0 1
"zx"
"wy"
