Short vectors take Python paths in sum, wavg, wsum, group, distinct, ?, in and indexing (a
decision tree's inner loop: funq's wodds[w] group x); what q shows is what the general paths
give: nulls skipped by sum, -0 and 0 one item keyed by the first, null floats one item,
out-of-range positions null, booleans grouped first seen first.
q)sum 0.1 0.2 0.3 0n 0.4
1f
q)sum 1e308 1e308
0w
q)sum 0w -0w
0n
q)sum `float$()
0f
q)sum -0.
0f
q)sum each (1 2 3f;0n 0n;4.5;`float$())
6 0 4.5 0
q)sum 1+`float$til 20
210f
q)group 1.5 0n 0n -0. 0. 2 1.5
1.5| 0 6
   | 1 2
-0 | 3 4
2  | ,5
q)group 00110b
0| 0 1 4
1| 2 3
q)count each group 300#1b
1| 300
q)count each group 300#011b
0| 100
1| 200
q)first each group 300#011b
0| 0
1| 1
q)group `a`b`a`
a| 0 2
b| ,1
 | ,3
q)group "mississippi"
m| ,0
i| 1 4 7 10
s| 2 3 5 6
p| 8 9
q)group 2024.01.01 2024.01.02 2024.01.01
2024.01.01| 0 2
2024.01.02| ,1
q)(10 20 30 40 50) -1 2 5
0N 30 0N
q)`a`b`c 2 0 3
`c`a`
q)"abc" 0 3 1
"a b"
q)w:0.1 0.2 0.3 0.4; g:group `x`y`x`x; w g
x| 0.1 0.3 0.4
y| ,0.2
q)sum each w g
x| 0.8
y| 0.2
q){[a;b] a+b}[1;]
{[a;b] a+b}[1;]
q){[a;b] a+b}[;2] 3
5
q){[a;b] a+b}[1;2;3]
'rank
  [0]  {[a;b] a+b}[1;2;3]
       ^
q){x+y}[1] 2
3
q)f:{[a;b] c:a+b; c*2}; f'[1 2;3 4]
8 12
q)f[`a;1]
'type
  [1]  f:{[a;b] c:a+b; c*2}
                   ^
  [0]  f[`a;1]
       ^
q){x*2} each 1 2 3
2 4 6
q)1.5 0n -0. 2?0. 0n 7
2 1 4
q)1.5 0n -0. 2?0n
1
q)0n 0. 3 in 1 0n -0.
110b
q)distinct 0n 1 0n -0. 0.
0n 1 -0
q)distinct `float$()
`float$()
q)"abc"?"cz"
2 3
q)`a`b`c?`b`d
1 3
q)2024.01.01 2024.01.02?2024.01.02 2024.01.03
1 2
q)010b?1b
1
q){x?3} each (til 5;5 3 3;`long$())
3 1 0
q){distinct x} each (1 2 1 3;0#0;`a`a)
1 2 3
`long$()
,`a
q)wodds:{[w;g] p%sum p:sum each w g}; went:{[w;x] neg sum p*log p:wodds[w] group x}
q)ig:{[w;x;y] g:went[w] x; g-sum wodds[w;gy]*w[gy] went' x gy:group y}
q)lab:"MBBMBMMBBBMMBMBB"; fx:0.5 1.5 2.5 0n 1 2 3 4 0.25 0.75 3.5 2 1 0 -0. 5
q)ig[16#1%16;lab] each fx>/:asc distinct fx
0.05436577 0.02461657 0.002632463 0.02435434 0.004751723 0.007958998 0.028502..
q)went[w16:16#1%16] 200#lab
0.6853142
q)0.1 0.2 0.3 0n wavg 1 2 3 4f
2.333333
q)(1 2 3f wavg 0n 0n 0n; 0 0 0f wavg 1 2 3f; 1 -1f wavg 1 2f; 1 2f wsum 0w 0n)
0n 0n -0w 0w
q){[w;x] x wsum x}[1;] each (0.1 0.2;1e200 1e200;0n 1f)
0.05 0w 1
