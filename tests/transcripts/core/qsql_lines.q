Inside a lambda a line break is a blank (statements are separated by their `;`), so a qSQL
template goes on over lines after select, update, by, from or where (functions in scripts
write long queries that way). Lambdas made with value so the text can
hold line breaks.
q)t:([]a:1 2 3;b:10 20 30)
q)f:value"{[x]\n select b from\n   x where a>1}"
q)f t
b 
--
20
30
q)g:value"{[x]\n flip update c:a+b from\n   update b:b%10 from\n   x}"
q)g t
a| 1 2 3
b| 1 2 3
c| 2 4 6
q)h:value"{[x]\n exec sum b by\n   a from\n   x where\n   a<3}"
q)h t
1| 10
2| 20
q)k:value"{[x]\n y:x+1;\n y*2}"
q)k 4
10
