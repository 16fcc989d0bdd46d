Errors inside lambdas after the evaluator's fast paths (leaf operands without ev's frame, a
chain's glyphs looked up directly, lambda calls without a generator) and the short-vector verbs:
the same error words, frames and carets as the general paths give.
q)f[1;2]
'f
  [0]  f[1;2]
       ^
q)g:{x+`a}
q)g 1
'type
  [1]  g:{x+`a}
           ^
  [0]  g 1
       ^
q){x wavg y}[1 2f;1 2 3f]
'length
  [1]  {x wavg y}
          ^
  [0]  {x wavg y}[1 2f;1 2 3f]
       ^
q){x wsum y}[1 2f;`a`b]
'type
  [1]  {x wsum y}
          ^
  [0]  {x wsum y}[1 2f;`a`b]
       ^
q){y x}[1 2 3f;`a]
'a
  [1]  {y x}
        ^
  [0]  {y x}[1 2 3f;`a]
       ^
q){sum x}[`a`b]
'type
  [1]  {sum x}
        ^
  [0]  {sum x}[`a`b]
       ^
q)h:{[a] a[5]+1 2}
q)h 1 2 3
0N 0N
q){group x}[{x}]
'type
  [1]  {group x}
        ^
  [0]  {group x}[{x}]
       ^
q)k:{nope[x]}
q)k 1
'nope
  [1]  k:{nope[x]}
          ^
  [0]  k 1
       ^
q){[a;b] a%b}[1 2f;1 2 3f]
'length
  [1]  {[a;b] a%b}
               ^
  [0]  {[a;b] a%b}[1 2f;1 2 3f]
       ^
q){x-y}[1 2f;0n 1 2]
'length
  [1]  {x-y}
         ^
  [0]  {x-y}[1 2f;0n 1 2]
       ^
q){distinct x}[3]
'type
  [1]  {distinct x}
        ^
  [0]  {distinct x}[3]
       ^
q)m:{x>y}; m[1h;`a]
'type
  [1]  m:{x>y}
           ^
  [0]  m:{x>y}; m[1h;`a]
                ^
q){$[x;1;2]}[`a]
'type
  [1]  {$[x;1;2]}
  [0]  {$[x;1;2]}[`a]
       ^
q){[w;x] w[x]}[1 2f;5 -1 0]
0n 0n 1
q)fib:{$[x<2;x;fib[x-1]+fib[x-2]]}; fib `a
'type
  [1]  fib:{$[x<2;x;fib[x-1]+fib[x-2]]}
               ^
  [0]  fib:{$[x<2;x;fib[x-1]+fib[x-2]]}; fib `a
                                         ^
q){x+y}/[0;(1;`a)]
'type
  [1]  {x+y}
         ^
  [0]  {x+y}/[0;(1;`a)]
       ^
q){x*2} each (1;`a)
'type
  [1]  {x*2}
         ^
  [0]  {x*2} each (1;`a)
             ^
