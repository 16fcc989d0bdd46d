.Q utilities and text helpers: .Q.dd .Q.addmonths .Q.btoa .Q.atob .Q.sha1 md5 .Q.x10 .Q.j10
.Q.x12 .Q.j12 .Q.ty .Q.fu .Q.fc .Q.ft .Q.b6 .Q.M; tok by a negative type and by `; byte
delimiters for vs and sv; pad of a table; lookup in a keyed table by one key only.
q).Q.dd[`:data]`prices
`:data/prices
q).Q.dd[`MSFT]"N"
`MSFT.N
q).Q.addmonths[2024.01.31;1]
2024.03.02
q).Q.addmonths[2023.05.10;0 1 12]
2023.05.10 2023.06.10 2024.05.10
q).Q.btoa"ktwa"
"a3R3YQ=="
q)"c"$.Q.atob"a3R3YQ=="
"ktwa"
q).Q.atob"a3R3YQ"
'domain
  [0]  .Q.atob"a3R3YQ"
       ^
q).Q.sha1"abc"
0xa9993e364706816aba3e25717850c26c9cd0d89d
q)md5"abc"
0x900150983cd24fb0d6963f7d28e17f72
q).Q.x10 64
"AAAAAAAABA"
q).Q.j10"AAAAAAAABA"
64
q).Q.x12 36
"000000000010"
q).Q.j12 .Q.x12 99999
99999
q).Q.ty each (1 2;"ab";(1;`a);(1 2;3 4);(`a`b;`c))
"jc J "
q).Q.fu[{x*10};3 1 3 3]
30 10 30 30
q).Q.fc[{x+1};til 6]
1 2 3 4 5 6
q)kt:([id:`a`b`c] v:10 20 30)
q).Q.ft[{x 0 2};kt]
id| v 
--| --
a | 10
c | 30
q)kt 0 2
'length
  [0]  kt 0 2
       ^
q)kt`b
v| 20
q)kt ([]id:`c`a)
v 
--
30
10
q)0W~.Q.M
1b
q)count .Q.b6
64
q)-6h$"42"
42i
q)`$"  spaced  "
`spaced
q)"B"$'"xXn1"
1101b
q)0x09 vs 0x01090203
,0x01
0x0203
q)0x09 sv (0x0102;enlist 0x03)
0x01020903
q)"," vs "x"$"a,b"
,"a"
,"b"
q)5 vs (12;13 14)
2 2 2
2 3 4
q)4$([]s:("ab";"c"))
s     
------
"ab  "
"c   "
q)/ .Q.gz: gzip (zlib's format and levels), chars stay chars and bytes stay bytes
q).Q.gz[::]
1b
q)z:.Q.gz(9;2000#"abc")
q)type z
10h
q)0x1f8b~`byte$2#z
1b
q)(2000#"abc")~.Q.gz z
1b
q).Q.gz .Q.gz(1;0x00ff10)
0x00ff10
q).Q.gz(10;"abc")
'domain
  [0]  .Q.gz(10;"abc")
       ^
