Moving and running aggregates (issue 15 item 4): mcount msum mavg mdev mmax mmin, avgs, ema,
and maxs/mins with leading nulls. Values are the q reference's own examples (avg.md, sum.md,
max.md, min.md, count.md, dev.md, ema.md) plus small cases worked by hand from its rules.
Unsure of q: the reference prints `3 mcount 0 1 2 3 4 5` without a type suffix, so mcount gives
longs here (q 3.x's k definition, msum of a boolean vector, would give ints); `0.5 ema 1 0n 2`
follows q's k definition (a null propagates forward).

q)3 msum 1 2 3 5 7 11
1 3 6 10 15 23
q)3 msum 0N 2 3 5 0N 11
0 2 5 10 8 16
q)3 msum 101b
1 1 2i
q)2 msum 1.5 2.5 0n 1
1.5 4 2.5 1
q)0 msum 1 2 3
0 0 0
q)3 mcount 0 1 2 3 4 5
1 2 3 3 3 3
q)3 mcount 0N 1 2 3 0N 5
0 1 2 3 2 2
q)2 mavg 1 2 3 5 7 10
1 1.5 2.5 4 6 8.5
q)5 mavg 1 2 3 5 7 10
1 1.5 2 2.75 3.6 5.4
q)5 mavg 0N 2 0N 5 7 0N
0n 2 2 3.5 4.666667 4.666667
q)0 mavg 2 3
0n 0n
q)2 mdev 1 2 3 5 7 10
0 0.5 0.5 1 1 1.5
q)5 mdev 1 2 3 5 7 10
0 0.5 0.8164966 1.47902 2.154066 2.87054
q)5 mdev 0N 2 0N 5 7 0N
0n 0 0 1.5 2.054805 2.054805
q)3 mmax 2 7 1 3 5 2 8
2 7 7 7 5 5 8
q)3 mmax 0N -3 -2 0N 1 0
-0W -3 -2 -2 1 1
q)2 mmax "abca"
"abcc"
q)3 mmin 0N -3 -2 1 -0W 0
0N 0N 0N -3 -0W -0W
q)3 mmin 0N -3 -2 1 0N -0W
0N 0N 0N -3 0N 0N
q)3 mmin 1 0n 2 3 4 5
1 0n 0n 0n 2 3
q)0 mmin 3 1 2
3 1 2
q)avgs 1 2 3 0n 4 -0w 0w
1 1.5 2 2 2.5 -0w 0n
q)avgs 1 0N 3
1 1 2f
q)ema[1%3;1,10#0]
1 0.6666667 0.4444444 0.2962963 0.1975309 0.1316872 0.0877915 0.05852766 0.03..
q)0.5 ema 1 2 3 4
1 1.5 2.25 3.125
q)0.5 1 0 ema 1 2 3
1 2 2f
q)0.5 ema 1 0n 2
1 0n 0n
q)mins 0N 5 0N 1 3
0W 5 5 1 1
q)maxs 0N 5 0N 1 3
-0W 5 5 5 5
q)maxs 0n 1 0n 2
-0w 1 1 2
q)mins 0n 1 0n 0.5
0w 1 1 0.5
q)mins "genie"
"geeee"
q)t:flip d:`a`b!(10 21 3;4 5 6)
q)kt:`k xkey update k:`abc`def`ghi from t
q)2 mcount d
a| 1 1 1
b| 2 2 2
q)2 mcount t
a b
---
1 1
2 2
2 2
q)2 mcount kt
k  | a b
---| ---
abc| 1 1
def| 2 2
ghi| 2 2
q)2 msum t
a  b 
-----
10 4 
31 9 
24 11
q)2 mavg kt
k  | a    b  
---| --------
abc| 10   4  
def| 15.5 4.5
ghi| 12   5.5
q)avgs t
a        b  
------------
10       4  
15.5     4.5
11.33333 5  
q)2 mmax d
a| 10 21 3
b| 10 21 6
q)2 mmin kt
k  | a  b
---| ----
abc| 10 4
def| 10 4
ghi| 3  5
q)2 mdev ([]b:1 2 3;c:45 46 47)
b   c  
-------
0   0  
0.5 0.5
0.5 0.5
q)0.5 ema d
a| 10 21 3  
b| 7  13 4.5
q)3 msum `a`b
'type
  [0]  3 msum `a`b
         ^
q)`a msum 1 2
'type
  [0]  `a msum 1 2
          ^
q)2 msum 7
'type
  [0]  2 msum 7
         ^
q)2 msum (1;2 3)
'type
  [0]  2 msum (1;2 3)
         ^
q)0.5 ema "abc"
'type
  [0]  0.5 ema "abc"
           ^
q)1 2 ema 1 2 3
'length
  [0]  1 2 ema 1 2 3
           ^
