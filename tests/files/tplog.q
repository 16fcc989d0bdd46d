Logs (kb/logging.md, internal.md -11!): a data file that holds a list (`:f set ()) opened with
hopen takes messages: h x (and neg[h] x) appends x's items and gives the handle; get reads them
all; -11!f replays them in order through .z.ps when it is set, else value, and counts them;
-11!(n;f) replays the first n; -11!(-2;f) counts the valid ones, or, when the end of the file
was cut short, gives (count;length of the valid part) as a general list (logging.md shows its
two longs on two lines), and -11!f replays the good messages and
then signals badtail. The byte counts are ktwa's own layout (q's differ), so they are compared,
not shown. Where q's console shows an error inside upd, the frames are as for value.
q)`:fills.log set ()
`:fills.log
q)h:hopen `:fills.log
q)h enlist (`upd;`fill;(`ibm;101.5;300))
3i
q)h ((`upd;`fill;(`msft;42.25;100));(`upd;`book;(`ibm;101.4;101.6)))
3i
q)neg[h] enlist "upd[`fill;(`aapl;7.5;20)]"
-3i
q)h ()
3i
q)get `:fills.log
(`upd;`fill;(`ibm;101.5;300))
(`upd;`fill;(`msft;42.25;100))
(`upd;`book;(`ibm;101.4;101.6))
"upd[`fill;(`aapl;7.5;20)]"
q)-11!(-2;`:fills.log)
4
q)-11!`:fills.log
'upd
  [0]  -11!`:fills.log
          ^
q)fill:([]sym:`$();px:`float$();qty:`long$())
q)book:([]sym:`$();bid:`float$();ask:`float$())
q)upd:insert
q)-11!`:fills.log
4
q)fill
sym  px    qty
--------------
ibm  101.5 300
msft 42.25 100
aapl 7.5   20 
q)book
sym bid   ask  
---------------
ibm 101.4 101.6
q)-11!(1;`:fills.log)
1
q)count fill
4
q)-11!(0;`:fills.log)
0
q)-11!(9;`:fills.log)
4
q)-11!(-1;`:fills.log)
4
q)count fill
10
q)n0:hcount `:fills.log
q)h enlist (`upd;`fill;(`ibm;99.5;10))
3i
q)hcount[`:fills.log]>n0
1b
q).[`:fills.log;();,;enlist (`upd;`book;(`msft;42.2;42.3))]
`:fills.log
q)hclose h
q)upd:{[t;x] x+`oops}
q)-11!`:fills.log
'type
  [1]  upd:{[t;x] x+`oops}
                   ^
  [0]  -11!`:fills.log
          ^
q)seen:0;upd:{[t;x] seen+:1}
q).z.ps:{if[`book~x 1;value x]}
q)-11!`:fills.log
6
q)seen
2
q)\x .z.ps
q)`:cut.log set ()
`:cut.log
q)c:hopen `:cut.log
q)i:0;do[10;c enlist (`tick;i);i+:1];hclose c
q)-11!(-2;`:cut.log)
10
q)type -11!(-2;`:cut.log)
-7h
q)`:cut.log 1: -5_ read1 `:cut.log
`:cut.log
q)g:-11!(-2;`:cut.log)
q)first g
9
q)type g
0h
q)0<=type g
1b
q)(last g)<hcount `:cut.log
1b
q)ticks:();tick:{ticks,:x}
q)-11!`:cut.log
'badtail
  [0]  -11!`:cut.log
          ^
q)ticks
0 1 2 3 4 5 6 7 8
q)ticks:();-11!(9;`:cut.log)
9
q)ticks
0 1 2 3 4 5 6 7 8
q)get `:cut.log
'badtail
  [0]  get `:cut.log
       ^
q)`:good.log 1: (last g)#read1 `:cut.log
`:good.log
q)-11!(-2;`:good.log)
9
q)`:nums.dat set 1 2 3
`:nums.dat
q)k:hopen `:nums.dat
q)k 4 5
3i
q)k 6
3i
q)k 7.5
'type
  [0]  k 7.5
       ^
q)get `:nums.dat
1 2 3 4 5 6
q)hclose k
q)-11!(-3;`:fills.log)
'domain
  [0]  -11!(-3;`:fills.log)
          ^
q)-11!`fills
'type
  [0]  -11!`fills
          ^
q)-11!`:nolog
'nolog. OS reports: No such file or directory
  [0]  -11!`:nolog
          ^
q)(`:packed;17;2;6) set get `:good.log
`:packed
q)(-21!`:packed)`algorithm
2i
q)p:hopen `:packed
q)p enlist (`tick;99)
3i
q)hclose p
q)(-21!`:packed)`algorithm
2i
q)ticks:();-11!`:packed
10
q)ticks
0 1 2 3 4 5 6 7 8 99
