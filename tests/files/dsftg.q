.Q.dsftg (dotq.md): fixed-width records read as 1: reads them, from an offset to the end (or,
nonpositive length, that many bytes before it), .Q.M&1000000 rows at a time; each lump is a
table of the fields given, passed through g (here qty*10h, an int: h*h is i), enumerated over the destination's sym and
appended to the partition's table. It returns nothing.
q)rec:{(reverse 0x0 vs x),(reverse 0x0 vs y),"x"$z}
q)`:raw 1: 0x484452,raze rec'["i"$500+til 5;1 2 3 4 5h;("ab";"cd";"ab";"ef";"cd")]
`:raw
q)hcount `:raw
43
q).Q.M:2
q)d:(`:out;2001.01.01;`fx)
q).Q.dsftg[d;(`:raw;3;0);`id`qty`sym;("ihs";4 2 2);{update qty:qty*10h from x}]
q)get `:out/2001.01.01/fx/
id  qty sym
-----------
500 10  ab 
501 20  cd 
502 30  ab 
503 40  ef 
504 50  cd 
q)get `:out/sym
`ab`cd`ef
q)meta get `:out/2001.01.01/fx/
c  | t f a
---| -----
id | i    
qty| i    
sym| s    
q).Q.dsftg[(`:out;2001.01.02;`fx);(`:raw;3;-8);`id`qty`sym;("ihs";4 2 2);::]
q)count get `:out/2001.01.02/fx/
4
q).Q.dsftg[d;(`:raw;3;0);`id`qty;("ihs";4 2 2);::]
'length
  [0]  .Q.dsftg[d;(`:raw;3;0);`id`qty;("ihs";4 2 2);::]
       ^
q).Q.dsftg[d;(`:raw;3;0);`id`qty`sym]
'rank
  [0]  .Q.dsftg[d;(`:raw;3;0);`id`qty`sym]
       ^
