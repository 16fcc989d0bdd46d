Pattern matching (q 4.1): a pattern left of `:` in an assignment binds the names in it, in
lambda parameters, and in the pattern conditional :[v;p1;r1;...;rd]. A failed match binds
nothing (values checked against the q reference's pattern matching page).
q)(lo;hi):10 20
q)hi-lo
10
q)(lo;hi):10 20 30
'length
  [0]  (lo;hi):10 20 30
       ^
q)(lo;hi;30):10 20 31
'match
  [0]  (lo;hi;30):10 20 31
              ^
q)lo
10
q)(7):7
q)(7):8
'match
  [0]  (7):8
        ^
q)(`x`y):`x`y
q)(w):5 6
q)w
5 6
q)w:0 0 0
q)(w[2]):9
q)w
0 0 9
q)(one;two;):(1;2;3)
q)two
2
q)(one;two;):1 2
'length
  [0]  (one;two;):1 2
       ^
q)(p;q):([]n:1 2;m:`a`b)
q)q
n| 2
m| `b
q)(`k1`k2!(u;v)):`k1`k2`k3!10 20 30
q)u+v
30
q)(`k1`k9!(u;v)):`k1`k2!1 2
'match
  [0]  (`k1`k9!(u;v)):`k1`k2!1 2
        ^
q)([k2:z]):`k1`k2!5 6
q)z
6
q)([]m:col):([]n:1 2;m:`a`b)
q)col
`a`b
q)(kk!vv):`a`b!1 2
q)kk
`a`b
q)(flip([n;m])):([]n:1 2;m:`a`b)
q)m
`a`b
q)(:`j):5
q)(:`j):5i
'type
  [0]  (:`j):5i
        ^
q)((s;t):`J):4 5
q)s+t
9
q)r:(s;:10*):1 2
q)r
1 20
q)(half:%[;2]):9
q)half
4.5
q)add3:{[(a;b);c]a+b+c}
q)add3[10 20;3]
33
q)firstOf:{[x;]x}
q)firstOf[`left;`right]
`left
q)pos:{$[x<0;'"negative";x]}
q)root:{[x:pos]sqrt x}
q)root 16
4f
q)root -1
'negative
  [2]  pos:{$[x<0;'"negative";x]}
                  ^
  [1]  root:{[x:pos]sqrt x}
              ^
  [0]  root -1
       ^
q)kind:{:[x;n:`j;"long";n:`f;"float";(a;b);"pair";"other"]}
q)kind each (1;2.5;1 2;`s)
"long"
"float"
"pair"
"other"
q)w:5 0W 6 -0W 0W
q)(w where w=0W):0N
q)w
5 0N 6 -0W 0N
q){(x where x<0):0;x} -2 4 -1 3
0 4 0 3
q)dd:`m`n!3 4
q)(dd`n):40
q)dd
m| 3
n| 40
