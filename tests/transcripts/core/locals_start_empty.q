A lambda's locals are the names it assigns, found when it is parsed, and each starts as the
empty list (function-notation.md). So a local read before its assignment runs is (), not the
global of that name, and a compound assignment to a local starts from () rather than from the
operator's identity (that rule, assign.md, is for undefined globals). Only `name:v` makes a
local: `name+:v`, `name,:v` and `name[i]:v` in a lambda that never assigns name plainly change
the global (KX's scripts count, collect and cache this way, `j+:1`, `w[x],:..`, `c[x]:..`;
kb/logging.md counts replayed messages with `.z.ps:{m+:1;...}`). Not seen in a q session: the
values follow the page's statement that locals start as (). A name assigned with :: and later
with : in the same lambda is an error when the lambda is parsed (debug.md); the other
order assigns the local (an inference from q compiling left to right, not seen in q).
q)u:([]c:7 8)
q){if[x;u:([]c:`p`q)];select from u} 1b
c
-
p
q
q){if[x;u:([]c:`p`q)];select from u} 0b
'type
  [1]  {if[x;u:([]c:`p`q)];select from u}
                           ^
  [0]  {if[x;u:([]c:`p`q)];select from u} 0b
       ^
q)w:5
q){r:w;w:1;r}[]
()
q){acc,:x;acc} 4
,4
q)acc
,4
q){k+:1;k:5;k+:1}[]
6
q){n+:1}[]
1
q)count {n+:1}[]
1
q)n
2
q)v:1 2 3
q){v[1]:20}[]
20
q)v
1 20 3
q){w}[]
5
q){g1::1;g1:2}
'g1
  [0]  {g1::1;g1:2}
              ^
q){g2:1;g2::2;g2}[]
2
q)/ after a global assignment, a modified one changes the global too (only a:v is a local)
q)gg:0
q){gg::5;gg+:1;gg}[]
6
q)gg
6
