qSQL (q-core.md §7): select/exec/update/delete with where and by, select[n;>c], exec of
dict cells, update/delete in place through a symbol.
q)t:([]c1:`a`b`a`b`c;c2:10 20 30 40 50)
q)select from t
c1 c2
-----
a  10
b  20
a  30
b  40
c  50
q)select c2 by c1 from t
c1| c2   
--| -----
a | 10 30
b | 20 40
c | ,50  
q)select from t where c2>25
c1 c2
-----
a  30
b  40
c  50
q)select c2 from t where c1=`a
c2
--
10
30
q)select c1,c2 from t where c2>15,c2<45
c1 c2
-----
b  20
a  30
b  40
q)select s:sum c2 by c1 from t
c1| s 
--| --
a | 40
b | 60
c | 50
q)select sum c2 by c1 from t
c1| c2
--| --
a | 40
b | 60
c | 50
q)select by c1 from t
c1| c2
--| --
a | 30
b | 40
c | 50
q)select max c2 from t
c2
--
50
q)select n:count i from t
n
-
5
q)select[2] from t
c1 c2
-----
a  10
b  20
q)select[>c2] from t
c1 c2
-----
c  50
b  40
a  30
b  20
a  10
q)select[2;>c2] from t
c1 c2
-----
c  50
b  40
q)select[10;>n] n:count i by c1 from t
c1| n
--| -
a | 2
b | 2
c | 1
q)exec c2 from t
10 20 30 40 50
q)exec c2 from t where c1=`b
20 40
q)exec sum c2 by c1 from t
a| 40
b| 60
c| 50
q)exec c2 by c1 from t
a| 10 30
b| 20 40
c| ,50
q)exec first c2 from t
10
q)count exec distinct c1 from t
3
q)update c3:c2*2 from t
c1 c2 c3 
---------
a  10 20 
b  20 40 
a  30 60 
b  40 80 
c  50 100
q)update c2:0 from t where c1=`a
c1 c2
-----
a  0 
b  20
a  0 
b  40
c  50
q)update s:sum c2 by c1 from t
c1 c2 s 
--------
a  10 40
b  20 60
a  30 40
b  40 60
c  50 50
q)delete from t where c1=`a
c1 c2
-----
b  20
b  40
c  50
q)delete c2 from t
c1
--
a 
b 
a 
b 
c 
q)count t
5
q)update c2:100 from `t where c1=`c
`t
q)t
c1 c2 
------
a  10 
b  20 
a  30 
b  40 
c  100
q)delete from `t where c1=`b
`t
q)t
c1 c2 
------
a  10 
a  30 
c  100
q)lim:20
q)select from t where c2>lim
c1 c2 
------
a  30 
c  100
q){[tb;x] select from tb where c2>x}[t;50]
c1 c2 
------
c  100
q)q:([]module:`linear`batchnorm1d;options:(`in`out!784 10;`in`eps`momentum`affine`track!(800;1e-07;0.1;1b;1b)))
q)exec first options from q where module=`batchnorm1d
in      | 800
eps     | 1e-07
momentum| 0.1
affine  | 1b
track   | 1b
q)tt:([]y:1 1 2 0 1;yhat:2 2 0 0 2)
q)select[10;>n] n:count i by y,yhat from tt where not y=yhat
y yhat| n
------| -
1 2   | 3
2 0   | 1
