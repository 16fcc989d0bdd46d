Errors (q-core.md §9): error name after a quote, the [n] frame, a caret under the failing
primitive; errors inside named lambdas; trapped error messages; the session survives errors.
q)til 5f
'type
  [0]  til 5f
       ^

q)2+"hi"
'type
  [0]  2+"hi"
        ^

q)1+2
3
q)1 2 3 + 4 5 6 7
'length
  [0]  1 2 3 + 4 5 6 7
             ^

q)1 2 3 + (4;"a";5)
'type
  [0]  1 2 3 + (4;"a";5)
             ^

q)til -1
'domain
  [0]  til -1
       ^

q)sum "abc"
'type
  [0]  sum "abc"
       ^

q)b
'b
  [0]  b
       ^

q)x:5
q)x
5
q)x+`a
'type
  [0]  x+`a
        ^

q)x
5
q)f:{g[x;2#y]}
q)g:{a:x*2;a+y}
q)f[3;"hello"]
'type
  [2]  g:{a:x*2;a+y}
                 ^
  [1]  f:{g[x;2#y]}
          ^
  [0]  f[3;"hello"]
       ^

q)f[3;4]
10 10
q)h:{x+`a}
q)h 1
'type
  [1]  h:{x+`a}
           ^
  [0]  h 1
       ^

q)k:{til x}
q)k 2.5
'type
  [1]  k:{til x}
          ^
  [0]  k 2.5
       ^

q)h 1
'type
  [1]  h:{x+`a}
           ^
  [0]  h 1
       ^

q)1+1
2
q)@[til;2.2;{x}]
"type"
q).[+;(1 2 3;4 5);{x}]
"length"
q).[+;(();til 1);{x}]
"length"
q)@[{1 2 3,'4 5};::;{x}]
"length"
q).[+;(2;3;4);{x}]
"rank"
q).[{x};1 2;{x}]
"rank"
q)@[til;-1;{x}]
"domain"
q)@[{"a" like "**"};::;{x}]
"nyi"
q)@[{s:1 2 3;s[1]:5f;s};::;{x}]
"type"
q)@[sum;"abc";{x}]
"type"
q)@[{@[1 2 3;5;:;9]};::;{x}]
"length"
q)@[{([]a:1 2),([]b:3 4)};::;{x}]
"mismatch"
q)@[value;"cos:12";{x}]
"assign"
q)@[value;"nosuchname";{x}]
"nosuchname"
q)@[{'x};`oops;{x}]
"oops"
q)@[{'x};"unable to replace all weights with averages";{x}]
"unable to replace all weights with averages"
q)@[{'x};42;{x}]
"stype"
q)@[{if[x>1;'`big];x};5;{x}]
"big"
q)@[{if[x>1;'`big];x};1;{x}]
1
q).[+;"ab";{"Wrong ",x}]
"Wrong type"
q)@[2+;"42";`err]
`err
q)@[{x+1};"a";{x}]
"type"
q)(1 2
<error>
q)"abc
<error>
q){x+1
<error>
q)1 2)
<error>
q)`hello world
<error>
q)+[2;3;4]
<error>
q){x}[1;2]
<error>
q)cos:12
<error>
q)'`oops
<error>
q)'"my message"
<error>
q)cos 0
1f
q)x
5
