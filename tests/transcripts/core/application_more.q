Applying things: functional select with a limit and an order (?[t;c;b;a;n;o]), a list of
functions indexed at depth, an iterator written alone as a list item (a parse tree's), and
like iterating one level only (values checked against the q reference).
q)t:([]k:`x`y`z`x;v:5 1 4 2)
q)?[t;();0b;();2]
k v
---
x 5
y 1
q)?[t;();0b;();-1]
k v
---
x 2
q)?[t;();0b;();1 2]
k v
---
y 1
z 4
q)?[t;();0b;`v`k!`v`k;0W;(iasc;`v)]
v k
---
1 y
2 x
4 z
5 x
q)?[t;();0b;();2;(idesc;`v)]
k v
---
x 5
z 4
q)?[t;();0b;();2;`v]
'type
  [0]  ?[t;();0b;();2;`v]
       ^
q)(max;min;avg)[2;3 5 10]
6f
q)fs:(neg;reciprocal)
q)fs[0;7]
-7
q)eval (/;*)
*/
q)eval ((\;+);1 2 3)
1 3 6
q)(`ab;`ac`bc) like "a?"
'type
  [0]  (`ab;`ac`bc) like "a?"
                    ^
q)("ab";"bc") like "a?"
10b
q)fib:{$[x<2;x;.z.s[x-1]+.z.s x-2]}
q)fib 10
55
q){.z.s}[]
{.z.s}
q).z.s
'.z.s
  [0]  .z.s
       ^
q)/ an int applied is a handle written to: what is written is checked first (3[::] is a type
q)/ error whatever 3 is), and writing an empty list writes nothing and gives the handle
q)3[::]
'type
  [0]  3[::]
       ^
q)42 (3 4#til 12)/[0#0]
42
q)42 ()
42
q)/ applied prefix to ::, a value that is not applicable is left as it is (identity.md)
q)v:7 ::
q)v
7
q)enlist {2;}[]
::
q)/ nor is a function data to write: a number iterated and applied to one is a type error
q)1000/[+]til 5
'type
  [0]  1000/[+]til 5
       ^
