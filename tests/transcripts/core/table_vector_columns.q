A table column whose items are simple vectors of one count (two or more) shows as a matrix:
its items aligned by position, symbols without backticks. Ragged columns, and 1-item vectors,
show each item in its own form. (ktorch's loss and kmodules pages show q printing such columns.)
q)([]k:`p`q`r;v:(3 40 5;600 7 8;9 1 22))
k v        
-----------
p 3   40 5 
q 600 7  8 
r 9   1  22
q)([]s:(`ab`c;`d`efg))
s     
------
ab c  
d  efg
q)([]r:(1 22 3;4 5))
r     
------
1 22 3
4 5   
q)([]o:(enlist 7;enlist 80))
o  
---
,7 
,80
q)([]n:(`long$();4 5);s:("";"hi"))
n   s   
--------
    ""  
4 5 "hi"
