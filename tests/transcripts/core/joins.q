Joins (issue 15 item 2): lj ljf ij ijf ej uj ujf pj aj aj0 ajf asof wj wj1, values from the
q reference's examples (lj.md, ij.md, ej.md, uj.md, pj.md, aj.md, asof.md, wj.md). ktwa has
no temporal types yet, so the as-of and window examples use integer times in their place.
Unsure of q: lj.md prints `y[select a,b from x]` without the null row a missing key gives;
here (as q's indexing rules say) the unmatched row shows blank.
q)x:([]a:1 2 3;b:`I`J`K;c:10 20 30)
q)y:([a:1 3;b:`I`K]c:1 2;d:10 20)
q)x lj y
a b c  d 
---------
1 I 1  10
2 J 20   
3 K 2  20
q)y[select a,b from x]
c d 
----
1 10
    
2 20
q)x:([]a:1 2 3;b:10 20 30)
q)y:([]a:1 3;b:100 300)
q)r:([]a:1 2 3;b:100 20 300)
q)(1!r)~(1!x)lj 1!y
1b
q)r~x lj 1!y
1b
q)x lj y
'type
  [0]  x lj y
         ^
q)x lj ()
a b 
----
1 10
2 20
3 30
q)x:([]a:1 2;b:`x`y;c:10 20)
q)y:([a:1 2]b:``z;c:1 0N)
q)x lj y
a b c
-----
1   1
2 z  
q)x ljf y
a b c 
------
1 x 1 
2 z 20
q)x ij y
a b c
-----
1   1
2 z  
q)x ijf y
a b c 
------
1 x 1 
2 z 20
q)`x lj y
`x
q)x
a b c
-----
1   1
2 z  
q)t:([]sym:`IBM`FDP`FDP`FDP`IBM`MSFT;price:0.7029677 0.08378167 0.06046216 0.658985 0.2608152 0.5433888)
q)s:([sym:`IBM`MSFT]ex:`N`CME;MC:1000 250)
q)t ij s
sym  price     ex  MC  
-----------------------
IBM  0.7029677 N   1000
IBM  0.2608152 N   1000
MSFT 0.5433888 CME 250 
q)t lj s
sym  price      ex  MC  
------------------------
IBM  0.7029677  N   1000
FDP  0.08378167         
FDP  0.06046216         
FDP  0.658985           
IBM  0.2608152  N   1000
MSFT 0.5433888  CME 250 
q)([] k:1 2 3 4; v:10 20 30 40) ij ([k:2 3 4 5]; v:200 300 400 500;s:`a`b`c`d)
k v   s
-------
2 200 a
3 300 b
4 400 c
q)s:([]sym:`IBM`MSFT;ex:`N`CME;MC:1000 250)
q)ej[`sym;s;t]
sym  ex  MC   price    
-----------------------
IBM  N   1000 0.7029677
IBM  N   1000 0.2608152
MSFT CME 250  0.5433888
q)t1:([] k:1 2 3 4; c:10 20 30 40)
q)t2:([] k:2 2 3 4 5; c:200 222 300 400 500; v:2.2 22.22 3.3 4.4 5.5)
q)ej[`k;t1;t2]
k c   v    
-----------
2 200 2.2  
2 222 22.22
3 300 3.3  
4 400 4.4  
q)s:([]a:1 2;b:2 3;c:5 7)
q)t:([]a:1 2 3;b:2 3 7;c:10 20 30;d:"ABC")
q)s,t
'mismatch
  [0]  s,t
        ^
q)s uj t
a b c  d
--------
1 2 5   
2 3 7   
1 2 10 A
2 3 20 B
3 7 30 C
q)(2!s) uj 2!t
a b| c  d
---| ----
1 2| 10 A
2 3| 20 B
3 7| 30 C
q)s uj 2!t
'type
  [0]  s uj 2!t
         ^
q)x:([a:1 2]b:`x`y;c:10 20)
q)y:([a:1 2]b:``z;c:1 0N)
q)x uj y
a| b c
-| ---
1|   1
2| z  
q)x ujf y
a| b c 
-| ----
1| x 1 
2| z 20
q)(uj/)(([]a:1 2);([]b:`x);([]a:3;c:1.5))
a b c  
-------
1      
2      
  x    
3   1.5
q)x:([]a:1 2 3;b:`x`y`z;c:10 20 30)
q)y:([a:1 3;b:`x`z]c:1 2;d:10 20)
q)x pj y
a b c  d 
---------
1 x 11 10
2 y 20 0 
3 z 32 20
q)x lj ([b:`x`y]c:1 2)
a b c 
------
1 x 1 
2 y 2 
3 z 30
q)x lj ([e:`x`y]c:1 2)
'e
  [0]  x lj ([e:`x`y]c:1 2)
         ^
q)t:([]time:101 103 104;sym:`msft`ibm`ge;qty:100 200 150)
q)q:([]time:100 100 100 102;sym:`ibm`msft`msft`ibm;px:100 99 101 98)
q)aj[`sym`time;t;q]
time sym  qty px 
-----------------
101  msft 100 101
103  ibm  200 98 
104  ge   150    
q)aj0[`sym`time;t;q]
time sym  qty px 
-----------------
100  msft 100 101
102  ibm  200 98 
104  ge   150    
q)aj[`time;t;q]
time sym  qty px 
-----------------
101  msft 100 101
103  ibm  200 98 
104  ibm  150 98 
q)aj[`sym`time;1!t;q]
time| sym  qty px 
----| ------------
101 | msft 100 101
103 | ibm  200 98 
104 | ge   150    
q)`t set t
`t
q)aj[`sym`time;`t;q]
`t
q)t
time sym  qty px 
-----------------
101  msft 100 101
103  ibm  200 98 
104  ge   150    
q)t0:([]time:2#1;sym:`a`b;p:1 1;n:`r`s)
q)t1:([]time:2#1;sym:`a`b;p:0 1)
q)t2:([]time:2#0;sym:`a`b;p:1 0N;n:`r`s)
q)t0~ajf[`sym`time;t1;t2]
1b
q)aj[`sym`time;t1;t2]
time sym p n
------------
1    a   1 r
1    b     s
q)t:([] time:6#900 910 920; sym:raze flip 3 2#`AAPL`GOOG; px:1.5 2.5 3.5 4.5 5.5 6.5; vol:1 2 3 4 5 6)
q)t asof `sym`time!(`AAPL;915)
px | 2.5
vol| 2
q)t asof `sym`time!(`AAPL;899)
px | 0n
vol| 0N
q)t asof ([]sym:`GOOG`MSFT`AAPL; time:905 905 930)
px  vol
-------
4.5 4  
       
3.5 3  
q)t:([]sym:3#`ibm;time:1 4 8;price:100 101 105)
q)a:101 103 103 104 104 107 108 107 108
q)b:98 99 102 103 103 104 106 106 107
q)q:([]sym:`ibm; time:1+til 9; ask:a; bid:b)
q)f:`sym`time
q)w:-2 1+\:t.time
q)wj[w;f;t;(q;(max;`ask);(min;`bid))]
sym time price ask bid
----------------------
ibm 1    100   103 98 
ibm 4    101   104 99 
ibm 8    105   108 104
q)wj[w;f;t;(q;(::;`ask);(::;`bid))]
sym time price ask             bid            
----------------------------------------------
ibm 1    100   101 103         98 99          
ibm 4    101   103 103 104 104 99 102 103 103 
ibm 8    105   107 108 107 108 104 106 106 107
q)wj1[w;f;t;(q;(::;`ask);(::;`bid))]
sym time price ask             bid            
----------------------------------------------
ibm 1    100   101 103         98 99          
ibm 4    101   103 103 104 104 99 102 103 103 
ibm 8    105   107 108 107 108 104 106 106 107
q)q2:([]sym:`ibm;time:2 5 9;ask:1 2 3)
q)w:0 2+\:t.time
q)wj[w;f;t;(q2;(::;`ask))]
sym time price ask
------------------
ibm 1    100   ,1 
ibm 4    101   1 2
ibm 8    105   2 3
q)wj1[w;f;t;(q2;(::;`ask))]
sym time price ask
------------------
ibm 1    100   ,1 
ibm 4    101   ,2 
ibm 8    105   ,3 
q)wj[w;f;t;(q2;(sum;`ask))]
sym time price ask
------------------
ibm 1    100   1  
ibm 4    101   3  
ibm 8    105   5  
q)wj[w;`time;t;(q2;(count;`ask))]
sym time price ask
------------------
ibm 1    100   1  
ibm 4    101   2  
ibm 8    105   2  
