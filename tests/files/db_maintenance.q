Database upkeep through file handles (amend.md, splayed-tables.md, get.md), as maintenance
scripts do it, run by tests/test_files.py inside a fresh temporary folder. A folder handle is a
dictionary of its files: @[`:db;`f;...] amends the file db/f, a null symbol names the folder as a
splayed table, .[`:db;(`p;`t;`);:;t] splays t into db/p/t/, and the rest of a path amends items of
the file. A column is added by writing its file and appending its name to .d; a stored column
changes through a unary; .d is rewritten to reorder. An amend that fails writes no file at all
(a splay of unenumerated symbols, a second file of two that cannot be made). get of a symbol
vector reads the file it names. n?`d draws d's values enumerated over d (random data for a
database). Appending to a file that is not there makes it. In a query on a partitioned table
the virtual column i numbers rows within their partition (qsql.md).
q)sym:`apple`pear`fig
q)@[`:shop;`sym;:;sym]
`:shop
q)get `:shop`sym
`apple`pear`fig
q).[`:shop;(`stock;`);:;([]item:`sym$`fig`apple`pear;qty:5 0 12)]
`:shop
q)key `:shop
`stock`sym
q)key `:shop/stock
`.d`item`qty
q)get `:shop`stock`
item  qty
---------
fig   5  
apple 0  
pear  12 
q)@[`:shop/stock;`price;:;1.25 0.5 2.0]
`:shop/stock
q)get `:shop/stock/
item  qty
---------
fig   5  
apple 0  
pear  12 
q)@[`:shop/stock;`.d;,;`price]
`:shop/stock
q)get `:shop/stock/
item  qty price
---------------
fig   5   1.25 
apple 0   0.5  
pear  12  2    
q)@[`:shop/stock;`qty;10*]
`:shop/stock
q)get `:shop`stock`qty
50 0 120
q)@[`:shop/stock;`weight;10*]
'shop/stock/weight. OS reports: No such file or directory
  [0]  @[`:shop/stock;`weight;10*]
       ^
q)@[`:shop/stock/;`item;`u#]
`:shop/stock/
q)attr get `:shop/stock/item
`u
q).[`:shop/stock/.d;();:;`price`item`qty]
`:shop/stock/.d
q)get `:shop/stock/
price item  qty
---------------
1.25  fig   50 
0.5   apple 0  
2     pear  120
q).[`:shop;(`stock;`qty;1);:;7]
`:shop
q)get `:shop/stock/qty
50 7 120
q).[`:shop;(`stock;`item;1);:;`sym$`fig]
'type/attr error amending file shop/stock/item
  [0]  .[`:shop;(`stock;`item;1);:;`sym$`fig]
       ^
q)@[`:shop;`a`b;:;(1 2;"xyz")]
`:shop
q)get each (`:shop`a;`:shop`b)
1 2
"xyz"
q)@[`:shop;`c`d;:;(1 2;3 4;5 6)]
'length
  [0]  @[`:shop;`c`d;:;(1 2;3 4;5 6)]
       ^
q)key `:shop
`a`b`stock`sym
q).[`:shop;(`extra;`);:;([]name:`kiwi`lime)]
'type
  [0]  .[`:shop;(`extra;`);:;([]name:`kiwi`lime)]
       ^
q).[`:shop;(`e`f;`);:;(([]n:1 2);([]name:`kiwi`lime))]
'type
  [0]  .[`:shop;(`e`f;`);:;(([]n:1 2);([]name:`kiwi`lime))]
       ^
q)key `:shop
`a`b`stock`sym
q).[`:shop;(`e`f;`);:;(([]n:1 2);([]name:`sym$`fig`pear))]
`:shop
q)get `:shop/f/
name
----
fig 
pear
q).[`:shop;(`f;`);:;([]name:`sym$`pear`fig;x:(1;`a))]
'type
  [0]  .[`:shop;(`f;`);:;([]name:`sym$`pear`fig;x:(1;`a))]
       ^
q)get `:shop/f/
name
----
fig 
pear
q)key `:shop/f
`.d`name
q)@[`:shop;`c`d;:;0]
`:shop
q)get each (`:shop`c;`:shop`d)
0 0
q).[`:shop;(`a;::);:;7]
`:shop
q)get `:shop`a
7 7
q)@[`:shop/a;::;neg]
`:shop/a
q)get `:shop`a
-7 -7
q)@[`:nothere;`x;neg]
'nothere/x. OS reports: No such file or directory
  [0]  @[`:nothere;`x;neg]
       ^
q)key `:nothere
()
q).[`:log;();,;`open]
`:log
q).[`:log;();,;`close`open]
`:log
q)get `:log
`open`close`open
q).[`:days/;();,;([]n:1 2)]
`:days/
q).[`:days/;();,;([]n:enlist 3)]
`:days/
q)get `:days
n
-
1
2
3
q)trades:([]sym:`x`y`x`z;px:1.5 2.5 3.5 4.5;qty:100 200 300 400)
q).Q.dpft[`:mkt;2024.03.01;`sym;`trades]
`trades
q)trades:([]sym:`y`z;px:9.5 8.5;qty:10 20)
q).Q.dpft[`:mkt;2024.03.04;`sym;`trades]
`trades
q)key `:mkt
`2024.03.01`2024.03.04`sym
q)get `:mkt/sym
`apple`pear`fig`x`y`z
q)parts:{` sv' x,'(k where (k:key x) like "[0-9]*"),'y}
q)ps:parts[`:mkt;`trades]
q)ps
`:mkt/2024.03.01/trades`:mkt/2024.03.04/trades
q){get x,`.d} each ps
sym px qty
sym px qty
q)add:{[p;c;v] @[p;c;:;(count get p,first get p,`.d)#v]; @[p;`.d;,;c]}
q)add[;`fee;0.25] each ps;
q)get first ps
sym px  qty fee 
----------------
x   1.5 100 0.25
x   3.5 300 0.25
y   2.5 200 0.25
z   4.5 400 0.25
q)sym:get `:mkt`sym
q)v:`sym?`lse
q)@[`:mkt;`sym;:;sym]
`:mkt
q)add[;`venue;v] each ps;
q)get last ps
sym px  qty fee  venue
----------------------
y   9.5 10  0.25 lse  
z   8.5 20  0.25 lse  
q){@[x;`qty;2*]} each ps;
q){@[x;`sym;`#]} each ps;
q)attr get `:mkt`2024.03.01`trades`sym
`
q){@[x;`.d;:;`venue`sym`qty`px`fee]} each ps;
q){hdel ` sv x,`fee; @[x;`.d;except;`fee]} each ps;
q)key last ps
`.d`px`qty`sym`venue
q){.[x;(`quotes;`);:;.Q.en[`:mkt] ([]sym:0#`;bid:0#0f)]} each ` sv' `:mkt,'`2024.03.01`2024.03.04;
q)key `:mkt/2024.03.04
`quotes`trades
q)names:`ann`bob`cy`dee
q)type 6?`names
20h
q)all (20?`names) in names
1b
q)count distinct -4?`names
4
q)-5?`names
'length
  [0]  -5?`names
         ^
q)3?`nobody
'nobody
  [0]  3?`nobody
        ^
q)dst:`:hist
q)@[dst;`names;:;names]
`:hist
q)people:([]names:8?`names;age:8?90;score:8?1f)
q)`names xasc `people
`people
q)@[`people;`names;`p#]
`people
q)attr people`names
`p
q)days:2023.12.29 2024.01.02
q)save1:{[d;t].[dst;(`$string d;t;`);:;get t]}
q)days save1/:\:enlist`people;
q)key dst
`2023.12.29`2024.01.02`names
q)count get ` sv dst,`2024.01.02`people`
8
q)(get ` sv dst,`2023.12.29`people`)~get `people
1b
q)\l mkt
q)trades
date       venue sym qty px 
----------------------------
2024.03.01 lse   x   200 1.5
2024.03.01 lse   x   600 3.5
2024.03.01 lse   y   400 2.5
2024.03.01 lse   z   800 4.5
2024.03.04 lse   y   20  9.5
2024.03.04 lse   z   40  8.5
q)meta trades
c    | t f a
-----| -----
date | d    
venue| s    
sym  | s    
qty  | j    
px   | f    
q)select from quotes
date sym bid
------------
q)select sum qty by date from trades
date      | qty 
----------| ----
2024.03.01| 2000
2024.03.04| 60  
q)select from trades where date=2024.03.04, i<1
date       venue sym qty px 
----------------------------
2024.03.04 lse   y   20  9.5
q)select i, sym from trades
x sym
-----
0 x  
1 x  
2 y  
3 z  
0 y  
1 z  
q)select max i by date from trades
date      | x
----------| -
2024.03.01| 3
2024.03.04| 1
q)exec i from trades where sym=`y
2 0
q)select i from select from trades where sym in `y`z
x
-
0
1
2
3
