Lists: mixed lists sort by type number first, a sorted table's attribute, rank and xrank,
trim of non-strings, til of a boolean, what join, raze and drop refuse, and a dictionary whose
values are lists of one count shown as a matrix (values checked against the q reference).
q)asc (2;0b;"z";2001.01.01;"c";1)
0b
1
2
"c"
"z"
2001.01.01
q)type each desc (3;1b;"a";2.5)
-10 -9 -7 -1h
q)meta asc ([]x:5 2 9;y:`c`a`b)
c| t f a
-| -----
x| j   p
y| s    
q)meta asc ([]x:5 2 9)
c| t f a
-| -----
x| j   s
q)rank 30 10 20 10
3 0 2 1
q)rank `c`a`b
2 0 1
q)2 xrank 30 10 20 10
1 0 1 0
q)3 xrank til 6
0 0 1 1 2 2
q)trim 0N 5 0N 6 0N
5 0N 6
q)ltrim 0n 0n 1.5
,1.5
q)rtrim `a``
,`a
q)trim 7
7
q)trim 0N 0N
`long$()
q)til 1b
,0
q)d:`x`y!(1 2;3)
q)5,d
'type
  [0]  5,d
        ^
q)raze (5;d)
'type
  [0]  raze (5;d)
       ^
q)`x _ d
y| 3
q)d _ `x
y| 3
q)d _ `x`y
'type
  [0]  d _ `x`y
         ^
q)t:([]p:1 2;q:3 4;r:5 6)
q)`p`q _ t
r
-
5
6
q)`p _ t
'type
  [0]  `p _ t
          ^
q)t _ `p`q
'type
  [0]  t _ `p`q
         ^
q)`a`b!(("ab";1 2);("c";3 4))
a| "ab" 1 2
b| "c"  3 4
q)/ amending beyond a list's end is 'length (dictsandtables.md); reading there gives a null
q)v:1 2 3
q)v[5 1]:42 100
'length
  [0]  v[5 1]:42 100
             ^
q)v
1 2 3
q)@[v;3;:;9]
'length
  [0]  @[v;3;:;9]
       ^
q)v 5
0N
q)/ a vector of keys of any type drops those entries from a dictionary (drop.md); an int atom
q)/ still drops that many entries
q)dk:10 20 30!`x`y`z
q)enlist[20] _ dk
10| x
30| z
q)10 30 _ dk
20| y
q)1 _ dk
20| y
30| z
