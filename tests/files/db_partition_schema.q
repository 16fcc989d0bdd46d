A partitioned table whose last partition has a column the others lack (kb/partition.md: the last
partition gives the table its columns), run by tests/test_files.py in a fresh temporary folder.
\l loads the database all the same, as q maps such a table: tables, meta and cols show it as the
last partition has it, and a query fails naming the first column file that is not there in
the partitions it reads (a first constraint on date picks them, as q maps only those). Once
the column is added to the older partitions (its file written, its name appended to .d) and the
database loaded again, the table reads whole.
q)t:([]sym:`a`b;px:1 2)
q).Q.dpft[`:hdb;2020.01.01;`sym;`t]
`t
q).Q.dpft[`:hdb;2020.01.02;`sym;`t]
`t
q)t:([]sym:`a`c;sz:1.5 2.5;px:3 4)
q).Q.dpft[`:hdb;2020.01.03;`sym;`t]
`t
q)delete t from `.
`.
q)\l hdb
q)tables`.
,`t
q)meta t
c   | t f a
----| -----
date| d    
sym | s   p
sz  | f    
px  | j    
q)cols t
`date`sym`sz`px
q)t
+`sym`sz`px!`t
q)select from t
'./2020.01.01/t/sz: No such file or directory
  [0]  select from t
       ^
q)select from t where date=2020.01.03
date       sym sz  px
---------------------
2020.01.03 a   1.5 3 
2020.01.03 c   2.5 4 
q)select sum px by date from t where date within 2020.01.02 2020.01.03
'./2020.01.02/t/sz: No such file or directory
  [0]  select sum px by date from t where date within 2020.01.02 2020.01.03
       ^
q)select from t where date=2020.01.05
date sym sz px
--------------
q)exec px from t where date=2020.01.03, px>3
,4
q)select from t where px>3
'./2020.01.01/t/sz: No such file or directory
  [0]  select from t where px>3
       ^
q)parts:` sv' `:.,'(`$string -1_date),'`t
q)fix:{[p;c;v] if[not c in get p,`.d; @[p;c;:;count[get p,`sym]#v]; @[p;`.d;,;c]]}
q)fix[;`sz;0n] each parts;
q)key `:2020.01.01/t
`.d`px`sym`sz
q)get `:2020.01.02/t/.d
`sym`px`sz
q)\l .
q)select from t
date       sym sz  px
---------------------
2020.01.01 a       1 
2020.01.01 b       2 
2020.01.02 a       1 
2020.01.02 b       2 
2020.01.03 a   1.5 3 
2020.01.03 c   2.5 4 
q)select from t where date=2020.01.02, i=1
date       sym sz px
--------------------
2020.01.02 b      2 
q)meta t
c   | t f a
----| -----
date| d    
sym | s   p
sz  | f    
px  | j    
