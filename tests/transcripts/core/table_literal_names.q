An unnamed column of a table literal takes the first name its expression uses that is not
applied as a function (a constant on an operator's left makes it x).
q)u:2 5;w:7 1;g:{x*10}
q)([]neg u;g w)
u  w 
-----
-2 70
-5 10
q)([]w+u;f:g[u])
w f 
----
9 20
6 50
q)([]3*u;w)
x  w
----
6  7
15 1
