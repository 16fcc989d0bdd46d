Iterators: each, each-both, each-left/right, over/scan (fold, Do, While, Converge), prior,
keyword forms, derived functions with brackets (q-core.md §3.6).
q)count each (1 2;3 4 5)
2 3
q)count'[(1 2;3 4 5)]
2 3
q)(count')(1 2;3 4 5)
2 3
q)count each `a`b!(1 2;3 4 5)
a| 2
b| 3
q){x*2} each 1 2 3
2 4 6
q)1 2 3+'10 20 30
11 22 33
q)1 2,'3 4
1 3
2 4
q)("ab";"cd"),'("x";"y")
"abx"
"cdy"
q){x+y*z}'[1 2;3 4;5 6]
16 26
q)"abcde",/:"XY"
"abcdeX"
"abcdeY"
q)1 2 3,\:4
1 4
2 4
3 4
q)1 2+/:10 20
11 12
21 22
q)1 2+\:10 20
11 21
12 22
q)run:{x+1}
q)testrun:{x*10}
q)`run`testrun@\:5
6 50
q)(+/)1 2 3
6
q)+/[1 2 3]
6
q)16 +/ 1 2 3 4
26
q){x+y}/[1 2 3]
6
q){x+y}/[10;1 2 3]
16
q)(+) over 1 2 3 4
10
q)1000+\2 3 4
1002 1005 1009
q)(+\)1 2 3 4 5
1 3 6 10 15
q)(+) scan 1 2 3 4 5
1 3 6 10 15
q)10{x,sum -2#x}/0 1
0 1 1 2 3 5 8 13 21 34 55 89
q){2*x}/[3;1]
8
q)3{2*x}\1
1 2 4 8
q)dbl:2*
q)3 dbl/2
16
q)3 dbl\1 10
1 10
2 20
4 40
8 80
q)(10>)dbl\2
2 4 8 16
q)(10>)dbl/2
16
q){floor x%2}/[100]
0
q){floor x%2}\[100]
100 50 25 12 6 3 1 0
q){x*x} scan .01
0.01 0.0001 1e-08 1e-16 1e-32 1e-64 1e-128 1e-256 0
q)(-':)1 1 2 3 5 8 13
1 0 1 1 2 3 5
q)(-) prior 1 4 9 16
1 3 5 7
q){x+2*y}':[2 3 4]
0N 7 10
q)(,/)(1 2;3 4)
1 2 3 4
q)mt:0#0
q)(+/)mt
0
q)(*/)mt
1
q)({x+y}/)mt
()
q).Q.fmt[6;2]each 1 234
"  1.00"
"234.00"
q).Q.fmt[4;0;1]
"  1."
q).Q.fmt[2;2;3.14159]
"**"
q)fmt:.Q.fmt'[4 7 9 6;0 4 6 2]
q)fmt 1,0.01,0.793307,96.93
"  1."
" 0.0100"
" 0.793307"
" 96.93"
q)raze[("";"  lr:";"  training loss:";"  test accuracy:"),'fmt 1,0.01,0.793307,96.93],"%"
"  1.  lr: 0.0100  training loss: 0.793307  test accuracy: 96.93%"
q)fit:{[r;n;i] r@:i&n; i+1}
q)count[1 2 3] fit[10 20 30 40;2]/1
4
q)3 -1#\:til 5
0 1 2
,4
q){x+y} ./: (1 2;3 4)
3 7
q){x`y}@/:([]y:1 2;yhat:3 4)
1 2
q)ns:`aa`bb!1 2
q)key[ns]set'get ns
`aa`bb
q)aa
1
q)bb
2
q)cx:`a`b`c!(1 2;1 2 3;enlist 1)
q){max[x]-x}count'[cx]
a| 1
b| 0
c| 2
q)avg each `a`b!(1 2;3 4 5)
a| 1.5
b| 4
