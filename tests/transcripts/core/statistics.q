Statistics as their pages define them (var.md, dev.md, cov.md, cor.md): var is avg[x*x]-sqr avg x
and cov avg[x*y]-avg[x]*avg y of the non-null items (pairs), each avg adding in sum's lane order;
svar, scov scale by n%n-1; dev, sdev are square roots; cor is cov[x;y]%dev[x]*dev y. Values are the
pages' own examples or worked by hand (see the comments above each group).
q)/ the reference pages' own examples (var.md, dev.md, cov.md, cor.md)
q)var 2 3 5 7
3.6875
q)var 2 3 5 0n 7
3.6875
q)svar 2 3 5 7
4.916667
q)dev 10 343 232 55
134.3484
q)sdev 10 343 232 55
155.1322
q)2 3 5 7 cov 3 3 5 9
4.5
q)2 3 5 7 scov 3 3 5 9
6f
q)t:([]a:2 3 5 7;b:4 3 0 2)
q)exec a cov b from t
-1.8125
q)exec a scov b from t
-2.416667
q)29 10 54 cor 1 3 9
0.7727746
q)10 29 54 cor 1 3 9
0.9795734
q)1 3 9 cor 1 3 9
1f
q)1 3 9 cor neg 1 3 9
-1f
q)1 3 1 3 cor 1 1 3 3
0f
q)1 1 1 cor 1 3 9
0n
q)1 3 0N cor 1 3 9
1f
q)1000101000b cor 0010011001b
-0.08908708
q)m:(2 3;4 0N;1 7)
q)var m
1.555556 4
q)svar m
2.333333 8
q)dev m
1.247219 2
q)sdev m
1.527525 2.828427
q)var flip`a`b!flip m
a| 1.555556
b| 4
q)/ worked by hand from var = avg[x*x]-sqr avg x: a constant list is 0 exactly (never a tiny negative or positive residue), so dev is 0, not 0n
q)var 3#0.1
0f
q)dev 3#0.1
0f
q)var 17#1.1
0f
q)sdev 5#2.7e
0f
q)/ nothing to average: 0n (avg of no items is 0n); one item: svar is 0*1%0, 0n
q)var `float$()
0n
q)dev 0#0
0n
q)var 3#0n
0n
q)var 0N 0N
0n
q)svar enlist 2.5
0n
q)sdev enlist 5
0n
q)(`float$()) cov `float$()
0n
q)/ ints, reals, booleans become floats: avg 2.5, avg of squares 7.5, so var 1.25; booleans 0101b: .5-.25
q)var 1 2 3 4i
1.25
q)var 1 2 3 4e
1.25
q)var 1 2 3 4h
1.25
q)var 0101b
0.25
q)1 2 3 4i cov 1 2 3 4e
1.25
q)/ temporals as their numbers (the domain tables of var.md, dev.md, cov.md): days 0 2, days 0 4 (the null left out), seconds 1 3
q)var 2000.01.01 2000.01.03
1f
q)var 2000.01.01 0Nd 2000.01.05
4f
q)dev 00:00:01 00:00:03
1f
q)2000.01.01 2000.01.03 cov 1 3
1f
q)/ a table: each column (b is constant); grouped, as each group's items: a gets 1 3 5 (35%3-9), b 2 4
q)var ([]a:2 3 5 7;b:1 1 1 1f)
a| 3.6875
b| 0
q)select a:var v, b:svar v, c:dev v, d:sdev v by k from ([]k:`a`b`a`b`a;v:1 2 3 4 5.)
k| a        b c        d       
-| ----------------------------
a| 2.666667 4 1.632993 2       
b| 1        2 1        1.414214
