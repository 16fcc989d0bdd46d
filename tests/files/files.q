File i/o (issue 15 item 8), run by tests/test_files.py inside a fresh temporary folder: 0: in
its forms (prepare, save and load text: CSV with and without a header, fixed width, key-value
pairs), 1: (write bytes, read binary records), read0 read1 hcount hdel, set/get/value on
file symbols, splayed tables (a folder: .d, one file per column), save/load/rsave/rload,
upsert and amend through a file symbol, key of a file symbol. Values from the q reference
(file-text.md, file-binary.md, read0.md, read1.md, hcount.md, hdel.md, save.md, load.md,
get.md, upsert.md). ktwa stores values in its own format (ktwa.verbs.serial), so read1 of a
file written by set shows ktwa's bytes, not q's.
Unsure of q: file-binary.md prints a 1x1 matrix read by 1: as a bare atom; ktwa's console
shows a 1-item list of 1-item vectors as q's one-line form (`,,1i`). read0.md shows
`read0 (`:foo;6)` as "world"; here the chars from offset 6 to the end include the newline, so
they are lines, a 1-item list (KX's csvutil.q reads its header line as `first read0(f;0;n)`).
q)csv 0: ([]a:1 2 3;b:`x`y`z)
"a,b"
"1,x"
"2,y"
"3,z"
q)"|" 0: (`a`b`c;1 2 3;"xyz")
"a|1|x"
"b|2|y"
"c|3|z"
q)t:([]x:("plain";"one,two";"say \"hi\"";"a\",b"))
q)-1@","0:t;
x
plain
"one,two"
say "hi"
"a"",b"
q)csv 0:([]a:1 0N 3;b:1.5 0n 2.25;c:101b)
"a,b,c"
"1,1.5,1"
",,0"
"3,2.25,1"
q)csv 0:([]a:1 2;b:(1 2;3))
'type
  [0]  csv 0:([]a:1 2;b:(1 2;3))
           ^
q)`:test.txt 0: enlist "text to save"
`:test.txt
q)read0 `:test.txt
,"text to save"
q)`:test.txt 0:("hello";"goodbye")
`:test.txt
q)read0`:test.txt
"hello"
"goodbye"
q)read1`:test.txt
0x68656c6c6f0a676f6f646279650a
q)"c"$read1`:test.txt
"hello\ngoodbye\n"
q)hcount `:test.txt
14
q)`:foo 0: enlist "hello world"
`:foo
q)read0 (`:foo;6)
,"world"
q)read0 (`:foo;6;2)
"wo"
q)read1 (`:foo;0;5)
0x68656c6c6f
q)`:data.csv 0: ("0,hea,481";"10,dfi,579";"20,oil,77")
`:data.csv
q)("ISI";",") 0:`:data.csv
0   10  20 
hea dfi oil
481 579 77 
q)flip `a`b`c!("ISI";",") 0:`:data.csv
a  b   c  
----------
0  hea 481
10 dfi 579
20 oil 77 
q)`:h.csv 0: csv 0: ([]sym:`a`b`c;px:1.5 2.5 3.5;n:10 20 30)
`:h.csv
q)read0 `:h.csv
"sym,px,n"
"a,1.5,10"
"b,2.5,20"
"c,3.5,30"
q)("SFJ";enlist ",") 0: `:h.csv
sym px  n 
----------
a   1.5 10
b   2.5 20
c   3.5 30
q)("S J";enlist ",") 0: `:h.csv
sym n 
------
a   10
b   20
c   30
q)("SFJ";enlist",") 0: read0 `:h.csv
sym px  n 
----------
a   1.5 10
b   2.5 20
c   3.5 30
q)meta ("SFJ";enlist csv) 0: `:h.csv
c  | t f a
---| -----
sym| s    
px | f    
n  | j    
q)("IS";",") 0: "42,abc"
42i
`abc
q)("JJ";",") 0: ("1,";",2";"x,3")
1    
  2 3
q)("I*";",";1)0:("0,\"ab\nc\"";"1,\"def\"")
0       1    
"ab\nc" "def"
q)("*I";enlist",")0:("s,n";"\"x,y\",1";"z,2")
s     n
-------
"x,y" 1
,"z"  2
q)("IFC";2 5 1)0:("1  2.50x";"23 1.25y")
1   23  
2.5 1.25
x   y   
q)("J F";2 3 4)0:("12   1.5";" 7xyz0.25")
12  7   
1.5 0.25
q)"S=;"0:"one=1;two=2;three=3"
one  two  three
,"1" ,"2" ,"3" 
q)"S:/"0:"one:1/two:2/three:3"
one  two  three
,"1" ,"2" ,"3" 
q)"I=;"0:"1=first;2=second;3=third"
1       2        3      
"first" "second" "third"
q)(!/)"I=;"0:"8=FIX.4.2;9=339;35=D"
8 | "FIX.4.2"
9 | "339"
35| ,"D"
q)0N!"I=*,"0:"5=\"hello,world\",6=1";
(5 6i;("hello,world";,"1"))
q)0N!"J=*,"0:"5=\"hello,world\",6=1";
(5 6;("hello,world";,"1"))
q)0N!"S=*,"0:"a=\"hello,world\",b=1";
(`a`b;("hello,world";,"1"))
q)(enlist 4;enlist"i")1:0x01000000
16777216
q)(enlist"i";enlist 4)1:0x01000000
1
q)(enlist"f";enlist 8)1:0x7fbdc282fb210940
3.141593
q)("ich";4 1 2)1:0x00000000410000FF00000042FFFF
0 255
A B  
0 -1 
q)("ich";4 1 2)1:"arthur!"
1752461921
u         
8562      
q)`:hello 1: 0x68656c6c6f776f726c64
`:hello
q)read1`:hello
0x68656c6c6f776f726c64
q)`:hello 1: 1
`:hello
q)read1`:hello
0x0100000000000000
q)`:rec 1: 0x0100000002000000
`:rec
q)(enlist"i";enlist 4)1:`:rec
1 2
q)("ii";4 4)1:(`:rec;0;8)
1
2
q)t:([]x:2 3 5; y:`ibm`amd`intel; z:"npn")
q)save `t
`:t
q)t:0
q)load `t
`t
q)t
x y     z
---------
2 ibm   n
3 amd   p
5 intel n
q)save `t.csv
`:t.csv
q)read0 `:t.csv
"x,y,z"
"2,ibm,n"
"3,amd,p"
"5,intel,n"
q)save `t.txt
`:t.txt
q)read0 `:t.txt
"x\ty\tz"
"2\tibm\tn"
"3\tamd\tp"
"5\tintel\tn"
q)save `t.xls
`:t.xls
q)(read0`:t.xls)~.h.ed t
1b
q)a:til 6
q)b:.Q.a
q)save `a`b
`:a`:b
q)a:0;b:0
q)load `a`b
`a`b
q)(a;b)
0 1 2 3 4 5
"abcdefghijklmnopqrstuvwxyz"
q)save `:sub/a
`:sub/a
q)get `:sub/a
0 1 2 3 4 5
q)`:data/foo set 10 20 30
`:data/foo
q)get `:data/foo
10 20 30
q)value `:data/foo
10 20 30
q)`:data/v set (1;`a;"xy";2.5 0n -0w;`a`b!(1 2;3.5);{x+y};(`s#1 2 3);0x0102;101b;3i;4h;5e;"c";::)
`:data/v
q)v:get `:data/v
q)v
1
`a
"xy"
2.5 0n -0w
`a`b!(1 2;3.5)
{x+y}
`s#1 2 3
0x0102
101b
3i
4h
5e
"c"
::
q)v[5][2;3]
5
q)attr v 6
`s
q)`:data/t set ([k:`a`b]v:1 2)
`:data/t
q)get `:data/t
k| v
-| -
a| 1
b| 2
q)`:data/f set (+)
'nyi
  [0]  `:data/f set (+)
                ^
q)sym:`a`b
q)`:tsp/ set ([] c1:`sym?`a`b; c2:1.1 2.2)
`:tsp/
q)key `:tsp
`.d`c1`c2
q)get `:tsp/
c1 c2 
------
a  1.1
b  2.2
q)get `:tsp
c1 c2 
------
a  1.1
b  2.2
q)meta get `:tsp
c | t f a
--| -----
c1| s    
c2| f    
q)`:tsp upsert (`sym?`c; 3.3)
`:tsp
q)get `:tsp
c1 c2 
------
a  1.1
b  2.2
c  3.3
q)sym
`a`b`c
q).[`:tsp;();,;([]c1:`sym$`b;c2:9.5)]
`:tsp
q)get `:tsp
c1 c2 
------
a  1.1
b  2.2
c  3.3
b  9.5
q)select c2 from `:tsp where c1=`b
c2 
---
2.2
9.5
q)exec c1 from `:tsp
`sym$`a`b`c`b
q)select from `:nosuchtable
'nosuchtable. OS reports: No such file or directory
  [0]  select from `:nosuchtable
       ^
q)`:ulist set `u#(1 2;"ab")
`:ulist
q)attr get `:ulist
`u
q)`:tser set ([] c1:`a`b; c2:1.1 2.2)
`:tser
q)`:tser upsert (`c; 3.3)
`:tser
q)get `:tser
c1 c2 
------
a  1.1
b  2.2
c  3.3
q)`:tnew upsert ([]a:1 2)
`:tnew
q)get `:tnew
a
-
1
2
q)`:v set 1 2
`:v
q).[`:v;();,;3]
`:v
q)@[`:v;0;:;7]
`:v
q)get `:v
7 2 3
q)`:bad/ set ([] c1:`a`b)
'type
  [0]  `:bad/ set ([] c1:`a`b)
              ^
q)`:bad/ set 1!([] c1:1 2;c2:3 4)
'type
  [0]  `:bad/ set 1!([] c1:1 2;c2:3 4)
              ^
q)u:([]s:`sym$`a`b;v:1 2)
q)rsave `u
`:u/
q)u:0
q)rload `u
`u
q)u
s v
---
a 1
b 2
q)rload `t
't/.d. OS reports: Not a directory
  [0]  rload `t
       ^
q)`:cb/p set ([]p:1 2)
`:cb/p
q)`:cb/s set ([]s:`a`b)
`:cb/s
q)load `:cb
`cb
q)key cb
`p`s
q)cb `s
s
-
a
b
q)key `:cb
`p`s
q)key `:cb/p
`:cb/p
q)key `:nosuch
()
q)hdel `:t.csv
`:t.csv
q)hdel `:t.csv
't.csv: No such file or directory
  [0]  hdel `:t.csv
       ^
q)key `:t.csv
()
q)get `:nosuch
'nosuch. OS reports: No such file or directory
  [0]  get `:nosuch
       ^
q)`:test.txt 0: 1 2
'type
  [0]  `:test.txt 0: 1 2
                  ^
q)`x insert 1
'x
  [0]  `x insert 1
          ^
q)`:x insert ([]a:1)
'type
  [0]  `:x insert ([]a:1)
           ^
q)/ temporal and guid columns are stored as they are, temporal nulls and infinities too (get.md)
q)moves:([]at:08:15 17:40u;on:2021.03.04 0Nd;seen:2021.03.04D07:00 0Wp;id:("G"$"00000000-0000-0000-0000-0000000000a1";"G"$"10000000-0000-0000-0000-0000000000b2"))
q)`:moves set moves
`:moves
q)moves~get`:moves
1b
q)`:movesplay/ set moves
`:movesplay/
q)moves~get`:movesplay/
1b
q)delete seen from get`:movesplay/
at    on         id                                  
-----------------------------------------------------
08:15 2021.03.04 00000000-0000-0000-0000-0000000000a1
17:40            10000000-0000-0000-0000-0000000000b2
q)`:noon set 12:00:00.001
`:noon
q)get`:noon
12:00:00.001
q)/ save writes the kinds .h.tx knows: xml and json lines too (save.md)
q)crops:([]n:4 7;crop:`rye`oat;grade:"ab")
q)save `crops.xml
`:crops.xml
q)read0 `:crops.xml
"<R>"
"<r><n>4</n><crop>rye</crop><grade>a</grade></r>"
"<r><n>7</n><crop>oat</crop><grade>b</grade></r>"
"</R>"
q)save `crops.json
`:crops.json
q)read0 `:crops.json
"{\"n\":4,\"crop\":\"rye\",\"grade\":\"a\"}"
"{\"n\":7,\"crop\":\"oat\",\"grade\":\"b\"}"
q)save `crops.xls
`:crops.xls
q)-1@3_read0`:crops.xls;
<Row><Cell><Data ss:Type="String">n</Data></Cell><Cell><Data ss:Type="String">crop</Data></Cell><Cell><Data ss:Type="String">grade</Data></Cell></Row>
<Row><Cell><Data ss:Type="Number">4</Data></Cell><Cell><Data ss:Type="String">rye</Data></Cell><Cell><Data ss:Type="String">a</Data></Cell></Row>
<Row><Cell><Data ss:Type="Number">7</Data></Cell><Cell><Data ss:Type="String">oat</Data></Cell><Cell><Data ss:Type="String">b</Data></Cell></Row>
</Table></Worksheet>
</Workbook>
q)save 42
'type
  [0]  save 42
       ^
q)`:quay.csv 0: ("7,ab,1";"8,cd,2")
`:quay.csv
q)("ISI";",") 0:`quay.csv
7  8 
ab cd
1  2 
q)csv 0:([]d:2021.11.05 0Nd;m:2021.11 2021.12m;t:09:30:00.000 0Nt)
"d,m,t"
"2021-11-05,2021-11,09:30:00.000"
",2021-12,"
q)"|" 0:([]p:1#2021.11.05D09:30:00.000000001;z:1#2021.11.05T09:30:00.250)
"p|z"
"2021-11-05T09:30:00.000000001|2021-11-05T09:30:00.250"
q)sum(" D T";5 11 1 5)0:("Fri, 05 Nov 2021 +0130";"Sat, 06 Nov 2021 -0200")
2021.11.05D01:30:00.000000000 2021.11.05D22:00:00.000000000
q)(" Z T";5 20 1 5)0:("Fri, 05 Nov 2021 09:30:15 +0930";"Sat, 06 Nov 2021 23:59:59 -0000")
2021.11.05T09:30:15.000 2021.11.06T23:59:59.000
09:30:00.000            00:00:00.000           
q)"T"$"-0015"
-00:15:00.000
q)`:yard/bins/ set ([]k:`sym?`p`q;n:4 9)
`:yard/bins/
q)`:yard/bins upsert (`sym?`r;16)
`:yard/bins
q)select from `:yard/bins where n>5
k n 
----
q 9 
r 16
q)meta `:yard/bins
c| t f a
-| -----
k| s    
n| j    
q)cols `:yard/bins
`k`n
q)`:moose.csv 0: ("elk, 7 ,  north";"deer,12,south ";"roe,3,east")
`:moose.csv
q).Q.fs[0N!]`:moose.csv
("elk, 7 ,  north";"deer,12,south ";"roe,3,east")
42
q).Q.fs[{0N!("SIS";",")0:x}]`:moose.csv
(`elk`deer`roe;7 12 3i;`north`south`east)
42
q)n:0
q).Q.fsn[{n::n+count x};`:moose.csv;20]
42
q)n
3
q).Q.fsn[0N!;`:moose.csv;10]
'limit
  [0]  .Q.fsn[0N!;`:moose.csv;10]
       ^
q)k:()
q).Q.fpn[{k::k,count x};`:moose.csv;40]
q)k
2 1
q).Q.fps[{0N!("SIS";",")0:x}]`:moose.csv
(`elk`deer`roe;7 12 3i;`north`south`east)
q).Q.fps[0N!]`:nowhere
'nowhere. OS reports: No such file or directory
  [0]  .Q.fps[0N!]`:nowhere
       ^
q).Q.fpn[0N!;`:moose.csv;0]
'type
  [0]  .Q.fpn[0N!;`:moose.csv;0]
       ^
q)`:wren.txt 0: ("ab";"c")
`:wren.txt
q)0:`:wren.txt
"ab"
,"c"
q)1:`:wren.txt
0x61620a630a
q)("dt";4 4)1:0x0100000010270000ffffffff00000000
2000.01.02   1999.12.31  
00:00:10.000 00:00:00.000
q)(4 4;"uv")1:0x0000003c00000010
01:00   
00:00:16
q)("pz";8 8)1:0x0100000000000000000000000000f83f
2000.01.01D00:00:00.000000001
2000.01.02T12:00:00.000      
q)first(enlist"g";enlist 16)1:0x000102030405060708090a0b0c0d0e0f
,00010203-0405-0607-0809-0a0b0c0d0e0f
